//! Export: the drafts as a JSON file (for submission and for import on
//! another device) and as CSV (for Excel).

use serde::Serialize;

use super::{EXPORT_FORMAT, EXPORT_FORMAT_VERSION};
use crate::drafts::path::FieldPath;
use crate::drafts::record::Drafts;
use crate::drafts::section::drafts_of;
use crate::drafts::value::{published, FieldValue};
use crate::Dataset;

#[derive(Serialize)]
struct ExportFile<'a> {
    format: &'a str,
    format_version: u64,
    dataset_version: &'a str,
    edition: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    section: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reporting_year: Option<u8>,
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
    write_json(ExportFile {
        format: EXPORT_FORMAT,
        format_version: EXPORT_FORMAT_VERSION,
        dataset_version: &dataset.meta.version,
        edition: &dataset.meta.status_as_of,
        section: None,
        reporting_year: None,
        exported_at: now,
        changes: export_rows(drafts, dataset),
    })
}

/// A section's report as the JSON export file: the drafts of the section's
/// items only, with `section` and `reporting_year` added so the
/// coordinating section knows whose report it is.
pub fn export_section_json(
    drafts: &Drafts,
    dataset: &Dataset,
    section: &str,
    year: u8,
    now: u64,
) -> String {
    let mine = drafts_of(drafts, dataset, section);
    write_json(ExportFile {
        format: EXPORT_FORMAT,
        format_version: EXPORT_FORMAT_VERSION,
        dataset_version: &dataset.meta.version,
        edition: &dataset.meta.status_as_of,
        section: Some(section),
        reporting_year: Some(year),
        exported_at: now,
        changes: export_rows(&mine, dataset),
    })
}

fn write_json(file: ExportFile<'_>) -> String {
    let mut json = serde_json::to_string_pretty(&file).unwrap_or_default();
    json.push('\n');
    json
}

/// One CSV cell as [`super::export_csv`] writes it: text that a spreadsheet would
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

/// A table as CSV for Excel: UTF-8 with a BOM (so Excel detects the
/// encoding), CRLF line ends, the header row, then the rows, every cell
/// through [`csv_cell`].
pub(crate) fn csv_table(headers: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut csv = String::from("\u{feff}");
    let mut line = |cells: &mut dyn Iterator<Item = String>| {
        csv.push_str(&cells.map(|c| csv_cell(&c)).collect::<Vec<_>>().join(","));
        csv.push_str("\r\n");
    };
    line(&mut headers.iter().map(|h| h.to_string()));
    for row in rows {
        line(&mut row.into_iter());
    }
    csv
}

/// The date of `days` since 1970-01-01: (year, month, day), proleptic Gregorian.
///
/// Hand-written rather than a date crate's: this runs in the staff app's
/// wasm, where these dozen lines cost fewer bytes than `jiff` or `time`
/// (xtask, which ships nowhere, uses `jiff`).
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

/// A unix time in milliseconds as a date of the Japanese calendar in JST,
/// as the document writes dates: 「令和8年11月25日」 (令和 began in 2019).
///
/// # Examples
/// ```
/// use model::drafts::reiwa_date;
/// assert_eq!(reiwa_date(1_795_599_000_000), "令和8年11月25日");
/// ```
pub fn reiwa_date(unix_millis: u64) -> String {
    let (y, mo, d, _, _) = jst_parts(unix_millis);
    format!("令和{}年{mo}月{d}日", y - 2018)
}

/// A download name for an export, in JST: `ueda-reform-drafts-20261125-1830.json`.
///
/// `extension` is without the dot (`"json"`, `"csv"`).
pub fn export_file_name(unix_millis: u64, extension: &str) -> String {
    let (y, mo, d, h, mi) = jst_parts(unix_millis);
    format!("{EXPORT_FORMAT}-{y:04}{mo:02}{d:02}-{h:02}{mi:02}.{extension}")
}

/// A download name for a section's report, in JST:
/// `令和5年度報告_行政管理課_20261125-1830.xlsx`. Characters that some
/// systems refuse in file names are replaced with `_`.
///
/// # Examples
/// ```
/// use model::drafts::section_file_name;
/// assert_eq!(
///     section_file_name("行政管理課", 5, 1_795_599_000_000, "xlsx"),
///     "令和5年度報告_行政管理課_20261125-1830.xlsx"
/// );
/// ```
pub fn section_file_name(section: &str, year: u8, unix_millis: u64, extension: &str) -> String {
    let (y, mo, d, h, mi) = jst_parts(unix_millis);
    let section: String = section
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') {
                '_'
            } else {
                c
            }
        })
        .collect();
    format!("令和{year}年度報告_{section}_{y:04}{mo:02}{d:02}-{h:02}{mi:02}.{extension}")
}
