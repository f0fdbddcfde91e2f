//! Shared by the integration tests: the real dataset, its index, and NFKC.
#![allow(dead_code)] // each test file uses a different part

use std::sync::OnceLock;

use model::filter::ItemIndex;
use model::Dataset;
use unicode_normalization::UnicodeNormalization;

/// An edit time used by the tests' drafts: 2026-11-25 18:30 JST.
pub const T: u64 = 1_795_599_000_000;

/// 行政管理課's report on 令和5年度: one result, for item 1.
pub fn admin_report() -> model::drafts::Drafts {
    use model::drafts::{Drafts, FieldPath, FieldValue};
    let mut drafts = Drafts::new();
    drafts
        .set(
            dataset(),
            1,
            FieldPath::Result(5),
            FieldValue::OptionalLines(Some(vec!["電子申請 120手続".into()])),
            T,
        )
        .unwrap();
    drafts
}

/// The committed editions (`data/action-program.json` and `data/editions/`),
/// as the build reads them, each named by its file.
pub fn committed_editions() -> model::edition::Editions<String> {
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../data");
    let mut files = vec![data.join("action-program.json")];
    if let Ok(entries) = std::fs::read_dir(data.join("editions")) {
        files.extend(
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "json")),
        );
    }
    model::edition::Editions::new(files.into_iter().map(|path| {
        let text = std::fs::read_to_string(&path).unwrap();
        (
            path.display().to_string(),
            Dataset::from_json(&text).unwrap(),
        )
    }))
    .unwrap()
}

/// A status's Japanese label, as the app's language table words it: tests
/// compare statuses by the words a reader sees.
pub fn status_ja(status: &model::indicators::Status) -> &'static str {
    use model::indicators::Status;
    match status {
        Status::Met => "達成",
        Status::NotMet => "未達成",
        Status::NotComparable(_) => "比較できない",
        Status::NoTarget => "数値目標なし",
        Status::NoResult => "実績なし",
    }
}

/// NFKC as the app gets it from the browser.
pub fn nfkc(s: &str) -> String {
    s.nfkc().collect()
}

/// The committed dataset, parsed once.
pub fn dataset() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(|| {
        Dataset::from_json(include_str!("../../../data/action-program.json"))
            .expect("dataset parses")
    })
}

/// The search index of the committed dataset, built once.
pub fn index() -> &'static ItemIndex {
    static INDEX: OnceLock<ItemIndex> = OnceLock::new();
    INDEX.get_or_init(|| ItemIndex::new(&dataset().items, nfkc))
}
