//! Prepares the embedded data files: the app ships them inside the wasm, and
//! the committed files are pretty-printed JSON for people to read and diff.
//! The dataset becomes the model's compact binary form; the others are minified.
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
    // Each edition read and parsed once, ordered by the year its results run to.
    let mut editions: Vec<serde_json::Value> =
        edition_files(&data).iter().map(|p| read_json(p)).collect();
    editions.sort_by_key(reported_year);
    let current = editions.last().expect("data/action-program.json exists");
    let previous = editions
        .iter()
        .rev()
        .find(|edition| reported_year(edition) < reported_year(current));
    std::fs::write(
        Path::new(&out).join("edition-changes.json"),
        edition_changes(previous, current),
    )
    .expect("OUT_DIR is writable");
    println!(
        "cargo::rerun-if-changed={}",
        data.join("editions").display()
    );
    // The app embeds the dataset in the model's binary form: the browser then
    // decodes it instead of parsing 190 kB of JSON at every start, and the
    // wasm carries no JSON reader for the dataset's types.
    let dataset: model::Dataset =
        serde_json::from_value(current.clone()).expect("the current edition matches the schema");
    std::fs::write(
        Path::new(&out).join("action-program.bin"),
        dataset.to_binary(),
    )
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

fn read_json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).expect("an edition is readable");
    serde_json::from_str(&text).expect("an edition is JSON")
}

/// What changed from the edition before `current` to `current`, as
/// `{"previous": "令和4年度末", "fields": [[item, "years.5.result", new], …]}`
/// for the item pages' marks (`previous` is null for the first edition;
/// `new` when the field was empty before). Fields are compared as JSON, named
/// as the drafts name them.
fn edition_changes(previous: Option<&serde_json::Value>, now: &serde_json::Value) -> String {
    let Some(previous) = previous else {
        return r#"{"previous":null,"fields":[]}"#.to_string();
    };
    let mut fields = Vec::new();
    let empty = Vec::new();
    let items = |value: &serde_json::Value| value["items"].as_array().cloned().unwrap_or_default();
    let before_items = items(previous);
    for item in items(now) {
        let no = item["no"].as_u64().unwrap_or(0);
        let Some(before) = before_items.iter().find(|i| i["no"].as_u64() == Some(no)) else {
            continue;
        };
        for key in [
            "title",
            "bureaus",
            "sections",
            "overview",
            "current_status",
            "measures",
            "target_state",
            "general_plan",
            "smart_city",
        ] {
            if item[key] != before[key] {
                fields.push(serde_json::json!([no, key, false]));
            }
        }
        if item["sdgs"]["goals"] != before["sdgs"]["goals"] {
            fields.push(serde_json::json!([no, "sdgs.goals", false]));
        }
        let years = |value: &serde_json::Value| value["years"].as_array().unwrap_or(&empty).clone();
        let before_years = years(before);
        for year in years(&item) {
            let y = year["year"].as_u64().unwrap_or(0);
            let old = before_years.iter().find(|o| o["year"].as_u64() == Some(y));
            for part in ["plan", "result"] {
                if old.map(|o| &o[part]) != Some(&year[part]) {
                    let was_empty = old.is_none_or(|o| o[part].is_null());
                    fields.push(serde_json::json!([
                        no,
                        format!("years.{y}.{part}"),
                        was_empty
                    ]));
                }
            }
        }
    }
    serde_json::json!({
        "previous": previous["meta"]["status_as_of"],
        "fields": fields,
    })
    .to_string()
}

/// The 令和 year an edition's results run to (「令和5年度末」 → 5).
fn reported_year(edition: &serde_json::Value) -> u32 {
    let status = edition["meta"]["status_as_of"].as_str().unwrap_or_default();
    let digits: String = status.chars().filter(char::is_ascii_digit).collect();
    digits.parse().unwrap_or(0)
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
