//! Export: the drafts as a JSON file (for submission and for import on
//! another device) and as CSV (for Excel).

use serde::Serialize;

use super::{EXPORT_FORMAT, EXPORT_FORMAT_VERSION};
use crate::drafts::path::FieldPath;
use crate::drafts::record::Drafts;
use crate::drafts::value::{published, FieldValue};
use crate::Dataset;

#[derive(Serialize)]
struct ExportFile<'a> {
    format: &'a str,
    format_version: u64,
    dataset_version: &'a str,
    exported_at: u64,
    changes: Vec<ExportChange<'a>>,
}

#[derive(Serialize)]
struct ExportChange<'a> {
    item: u32,
    title: String,
    field: FieldPath,
    field_label: String,
    published: FieldValue,
    draft: &'a FieldValue,
    edited_at: u64,
}

/// The rows of an export: each draft with its item's title and the value
/// published now (the draft's base if the dataset lacks the item or field).
fn export_rows<'a>(drafts: &'a Drafts, dataset: &Dataset) -> Vec<ExportChange<'a>> {
    drafts
        .iter()
        .map(|(no, path, field)| {
            let item = dataset.item(no);
            ExportChange {
                item: no,
                title: item.map(|i| i.title.clone()).unwrap_or_default(),
                field: path,
                field_label: path.label_ja(),
                published: item
                    .and_then(|i| published(i, path))
                    .unwrap_or_else(|| field.base.clone()),
                draft: &field.value,
                edited_at: field.edited_at,
            }
        })
        .collect()
}

/// The drafts as the JSON export file (pretty, 2-space indent, ending with a
/// newline), sorted by item then field. See `data/README.md`, *Draft export
/// format*. `published` is the value in `dataset` (whose version is written).
pub fn export_json(drafts: &Drafts, dataset: &Dataset, now: u64) -> String {
    let file = ExportFile {
        format: EXPORT_FORMAT,
        format_version: EXPORT_FORMAT_VERSION,
        dataset_version: &dataset.meta.version,
        exported_at: now,
        changes: export_rows(drafts, dataset),
    };
    let mut json = serde_json::to_string_pretty(&file).unwrap_or_default();
    json.push('\n');
    json
}

/// The column headers of [`export_csv`].
pub const CSV_HEADERS: [&str; 6] = [
    "項目番号",
    "取組項目名",
    "項目",
    "公表されている内容",
    "下書き",
    "編集日時",
];

/// One CSV cell as [`export_csv`] writes it: text that a spreadsheet would
/// run as a formula (starting with `=` `+` `-` `@`, a tab or CR) gets a
/// leading `'`; then it is quoted per RFC 4180 if it holds `,` `"` CR or LF.
///
/// # Examples
/// ```
/// use model::drafts::csv_cell;
/// assert_eq!(csv_cell("=1+1"), "'=1+1");
/// assert_eq!(csv_cell("a\n\"b\""), "\"a\n\"\"b\"\"\"");
/// assert_eq!(csv_cell("令和5年度"), "令和5年度");
/// ```
pub fn csv_cell(text: &str) -> String {
    // Excel and LibreOffice run a cell starting with these as a formula
    // (CSV injection); a leading ' makes it text and is not displayed.
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// The drafts as CSV for Excel: UTF-8 with a BOM (so Excel detects the
/// encoding), CRLF line ends, the [`CSV_HEADERS`] row, then one row per
/// drafted field by item then field. List entries are joined with a line
/// feed inside the (quoted) cell; goals with 「、」; no result is empty. The
/// edit time is JST ([`format_jst`]). Cells starting with `=` `+` `-` `@`, a
/// tab or CR get a leading `'`, so a spreadsheet shows them as text.
pub fn export_csv(drafts: &Drafts, dataset: &Dataset) -> String {
    let mut csv = String::from("\u{feff}");
    let mut row = |cells: &[String]| {
        csv.push_str(&cells.join(","));
        csv.push_str("\r\n");
    };
    row(&CSV_HEADERS.map(csv_cell));
    for change in export_rows(drafts, dataset) {
        row(&[
            change.item.to_string(),
            csv_cell(&change.title),
            csv_cell(&change.field_label),
            csv_cell(&change.published.to_text()),
            csv_cell(&change.draft.to_text()),
            format_jst(change.edited_at),
        ]);
    }
    csv
}

/// The date of `days` since 1970-01-01: (year, month, day), proleptic Gregorian.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    // Howard Hinnant's civil_from_days: eras of 400 years starting on 1 March.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// (year, month, day, hour, minute) in JST (UTC+9, no daylight saving).
fn jst_parts(unix_millis: u64) -> (i64, u32, u32, u64, u64) {
    let seconds = unix_millis / 1000 + 9 * 3600;
    let (year, month, day) = civil_from_days((seconds / 86_400) as i64);
    let in_day = seconds % 86_400;
    (year, month, day, in_day / 3600, in_day % 3600 / 60)
}

/// A unix time in milliseconds as JST, `2026-11-25 18:30`.
///
/// # Examples
/// ```
/// use model::drafts::format_jst;
/// assert_eq!(format_jst(1_795_599_000_000), "2026-11-25 18:30");
/// ```
pub fn format_jst(unix_millis: u64) -> String {
    let (y, mo, d, h, mi) = jst_parts(unix_millis);
    format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}")
}

/// A download name for an export, in JST: `ueda-reform-drafts-20261125-1830.json`.
///
/// `extension` is without the dot (`"json"`, `"csv"`).
pub fn export_file_name(unix_millis: u64, extension: &str) -> String {
    let (y, mo, d, h, mi) = jst_parts(unix_millis);
    format!("{EXPORT_FORMAT}-{y:04}{mo:02}{d:02}-{h:02}{mi:02}.{extension}")
}
