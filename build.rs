//! Minifies the embedded JSON files: the app ships them inside the wasm, and
//! the committed files are pretty-printed for people to read and diff.

use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for name in [
        "action-program.json",
        "indicators.json",
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
    readings_tsv(Path::new(&out));
}

/// The words' readings as `word<TAB>reading` lines: the app reads them at
/// start, and lines split faster than JSON parses.
fn readings_tsv(out: &Path) {
    let source = Path::new("data").join("readings.json");
    println!("cargo::rerun-if-changed={}", source.display());
    let text = std::fs::read_to_string(&source).expect("data/readings.json is readable");
    let value: serde_json::Value = serde_json::from_str(&text).expect("data/readings.json is JSON");
    let words = value["words"]
        .as_object()
        .expect("data/readings.json has words");
    let mut tsv = String::new();
    for (word, reading) in words {
        let reading = reading.as_str().expect("a reading is a string");
        assert!(!word.contains(['\t', '\n']) && !reading.contains(['\t', '\n']));
        tsv.push_str(word);
        tsv.push('\t');
        tsv.push_str(reading);
        tsv.push('\n');
    }
    std::fs::write(out.join("readings.tsv"), tsv).expect("OUT_DIR is writable");
}
