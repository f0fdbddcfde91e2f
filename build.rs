//! Prepares the embedded data files: the app ships them inside the wasm, and
//! the committed files are pretty-printed JSON for people to read and diff.
//! The dataset becomes the model's compact binary form; the others are minified.
//!
//! The dataset embedded is the current edition of `data/action-program.json`
//! (the first, extracted from the source) and `data/editions/*.json` (added
//! by `cargo xtask edition add`), with what it changed since the previous
//! one: `model::edition::Editions` decides both, as it does for xtask.
//!
//! `UEDA_DATA_DIR` names another data directory (the end-to-end test of the
//! yearly cycle builds the app from a copy with an added edition).

use std::path::{Path, PathBuf};

use model::edition::Editions;
use model::Dataset;

/// The data directory: `data/`, or `UEDA_DATA_DIR`.
fn data_dir() -> PathBuf {
    println!("cargo::rerun-if-env-changed=UEDA_DATA_DIR");
    std::env::var_os("UEDA_DATA_DIR").map_or_else(|| PathBuf::from("data"), PathBuf::from)
}

fn main() {
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let data = data_dir();
    let editions = Editions::new(edition_files(&data).into_iter().map(|path| {
        let text = std::fs::read_to_string(&path).expect("an edition is readable");
        let dataset = Dataset::from_json(&text)
            .unwrap_or_else(|e| panic!("{}: not a dataset: {e}", path.display()));
        (path, dataset)
    }))
    .unwrap_or_else(|e| panic!("the editions in {}: {e}", data.display()));
    std::fs::write(
        Path::new(&out).join("edition-changes.json"),
        editions.changes().to_json(),
    )
    .expect("OUT_DIR is writable");
    println!(
        "cargo::rerun-if-changed={}",
        data.join("editions").display()
    );
    // The app embeds the dataset in the model's binary form: the browser then
    // decodes it instead of parsing 190 kB of JSON at every start, and the
    // wasm carries no JSON reader for the dataset's types.
    std::fs::write(
        Path::new(&out).join("action-program.bin"),
        editions.current().dataset.to_binary(),
    )
    .expect("OUT_DIR is writable");
    for name in [
        "indicators.json",
        "accessibility-results.json",
        "site.json",
        "corrections.json",
    ] {
        let source = data.join(name);
        println!("cargo::rerun-if-changed={}", source.display());
        let text = std::fs::read_to_string(&source).expect("data file is readable");
        // The city edits site.json by hand: a wrong value stops the build
        // with the reason, rather than the app at run time.
        if name == "site.json" {
            if let Err(error) = model::site::SiteConfig::from_json(&text) {
                panic!("{}: {error}", source.display());
            }
        }
        let value: serde_json::Value = serde_json::from_str(&text).expect("data file is JSON");
        let minified = serde_json::to_string(&value).expect("JSON serialises");
        std::fs::write(Path::new(&out).join(name), minified).expect("OUT_DIR is writable");
    }
    readings_tsv(&data, Path::new(&out));
}

/// Every edition's file: the first, then those in `editions/`.
fn edition_files(data: &Path) -> Vec<PathBuf> {
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
