//! Staff drafts, on the real dataset: one module per module of
//! `model::drafts` (paths, values, the record, diffs, export, import), and
//! properties across them. The helpers here are shared by all of them.

use model::drafts::{
    apply, apply_import, count_stored_fields, csv_cell, diff_entries, diff_text, diff_values,
    export_csv, export_file_name, export_json, format_jst, import, import_sheet, normalize,
    parse_csv, published, staleness, Choice, DiffKind, DiffPart, DraftError, Drafts, Entry,
    EntryDiff, FieldPath, FieldPathError, FieldValue, ImportChoices, ImportError, ImportSummary,
    ValueKind, CSV_HEADERS, EXPORT_FORMAT, MAX_DIFF_CELLS, MAX_IMPORT_BYTES, MAX_IMPORT_CHANGES,
    MAX_VALUE_CHARS,
};
use model::stored::{decode, encode, DecodeError, Decoded, Record, DRAFTS_KEY};
use model::Dataset;
use proptest::prelude::*;
use serde_json::{json, Value};

#[path = "../common/mod.rs"]
mod common;

mod diff;
mod export;
mod import;
mod path;
mod properties;
mod record;
mod value;

use common::{dataset, T};

fn lines(entries: &[&str]) -> FieldValue {
    FieldValue::Lines(entries.iter().map(|s| s.to_string()).collect())
}

fn result(entries: &[&str]) -> FieldValue {
    FieldValue::OptionalLines(Some(entries.iter().map(|s| s.to_string()).collect()))
}

fn part(kind: DiffKind, text: &str) -> DiffPart {
    DiffPart {
        kind,
        text: text.to_string(),
    }
}

/// Drafts of a few kinds of field, on items 1, 25 and 61.
fn sample_drafts() -> Drafts {
    let d = dataset();
    let mut drafts = Drafts::new();
    let set = |drafts: &mut Drafts, no, path, value, at| {
        assert_eq!(drafts.set(d, no, path, value, at), Ok(true), "{no} {path}");
    };
    set(
        &mut drafts,
        25,
        FieldPath::Result(5),
        result(&["水道料金 99.60%", "下水道使用料 99.55%"]),
        T,
    );
    set(
        &mut drafts,
        25,
        FieldPath::SdgGoals,
        FieldValue::Goals(vec![6, 11, 12]),
        T + 1,
    );
    set(
        &mut drafts,
        1,
        FieldPath::Title,
        FieldValue::Text("電子申請手続の利用促進（改）".into()),
        T + 2,
    );
    set(
        &mut drafts,
        61,
        FieldPath::Overview,
        lines(&["=危険な式", "第二段落"]),
        T + 3,
    );
    drafts
}

/// Wraps changes in an export file of the current format.
fn file(changes: Value) -> String {
    json!({
        "format": EXPORT_FORMAT,
        "format_version": 1,
        "dataset_version": dataset().meta.version,
        "exported_at": T,
        "changes": changes,
    })
    .to_string()
}

fn change(item: u32, field: &str, draft: Value) -> Value {
    json!({ "item": item, "field": field, "draft": draft, "edited_at": T })
}

fn import_err(json: &str) -> ImportError {
    import(json, dataset(), &Drafts::new()).expect_err("import should fail")
}
