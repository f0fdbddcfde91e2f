//! Minifies the embedded JSON files: the app ships them inside the wasm, and
//! the committed files are pretty-printed for people to read and diff.

use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for name in [
        "action-program.json",
        "indicators.json",
        "corrections.json",
        "accessibility-results.json",
        "site.json",
    ] {
        let source = Path::new("data").join(name);
        println!("cargo::rerun-if-changed={}", source.display());
        let text = std::fs::read_to_string(&source).expect("data file is readable");
        let value: serde_json::Value = serde_json::from_str(&text).expect("data file is JSON");
        let minified = serde_json::to_string(&value).expect("JSON serialises");
        std::fs::write(Path::new(&out).join(name), minified).expect("OUT_DIR is writable");
    }
}
