//! Shared by the integration tests: the real dataset, its index, and NFKC.
#![allow(dead_code)] // each test file uses a different part

use std::sync::OnceLock;

use model::filter::ItemIndex;
use model::Dataset;
use unicode_normalization::UnicodeNormalization;

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
