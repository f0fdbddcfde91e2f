//! Minifies the embedded JSON files: the app ships them inside the wasm, and
//! the committed files are pretty-printed for people to read and diff.
//!
//! The dataset embedded is the current edition: the newest of
//! `data/action-program.json` (the first, extracted from the source) and
//! `data/editions/*.json` (added by `cargo xtask edition add`), by the year
//! its results run to.
//!
//! `UEDA_DATA_DIR` names another data directory (the end-to-end test of the
//! yearly cycle builds the app from a copy with an added edition).

use std::path::{Path, PathBuf};

/// The data directory: `data/`, or `UEDA_DATA_DIR`.
fn data_dir() -> PathBuf {
    println!("cargo::rerun-if-env-changed=UEDA_DATA_DIR");
    std::env::var_os("UEDA_DATA_DIR").map_or_else(|| PathBuf::from("data"), PathBuf::from)
}

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let data = data_dir();
    let current = current_edition(&data);
    println!(
        "cargo::rerun-if-changed={}",
        data.join("editions").display()
    );
    let text = std::fs::read_to_string(&current).expect("the edition is readable");
    let value: serde_json::Value = serde_json::from_str(&text).expect("the edition is JSON");
    let minified = serde_json::to_string(&value).expect("JSON serialises");
    std::fs::write(Path::new(&out).join("action-program.json"), minified)
        .expect("OUT_DIR is writable");
    for name in ["indicators.json", "accessibility-results.json", "site.json"] {
        let source = data.join(name);
        println!("cargo::rerun-if-changed={}", source.display());
        let text = std::fs::read_to_string(&source).expect("data file is readable");
        let value: serde_json::Value = serde_json::from_str(&text).expect("data file is JSON");
        let minified = serde_json::to_string(&value).expect("JSON serialises");
        std::fs::write(Path::new(&out).join(name), minified).expect("OUT_DIR is writable");
    }
    readings_tsv(&data, Path::new(&out));
}

/// The edition whose results run furthest (「令和5年度末」 beats 「令和4年度末」).
fn current_edition(data: &Path) -> PathBuf {
    let first = data.join("action-program.json");
    println!("cargo::rerun-if-changed={}", first.display());
    let mut editions = vec![first];
    if let Ok(entries) = std::fs::read_dir(data.join("editions")) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|x| x == "json") {
                println!("cargo::rerun-if-changed={}", path.display());
                editions.push(path);
            }
        }
    }
    editions
        .into_iter()
        .max_by_key(|path| {
            let text = std::fs::read_to_string(path).expect("an edition is readable");
            let value: serde_json::Value = serde_json::from_str(&text).expect("an edition is JSON");
            let status = value["meta"]["status_as_of"]
                .as_str()
                .unwrap_or_default()
                .to_string();
            let year: String = status.chars().filter(char::is_ascii_digit).collect();
            year.parse::<u32>().unwrap_or(0)
        })
        .expect("data/action-program.json exists")
}

/// The words' readings as `word<TAB>reading` lines: the app reads them at
/// start, and lines split faster than JSON parses.
fn readings_tsv(data: &Path, out: &Path) {
    let source = data.join("readings.json");
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
