//! The spreadsheet form of a report: one header row, one row per item and
//! field, as a section sends it in a workbook or CSV file and as it comes
//! back after editing in Excel.
//!
//! The rows are the same for both formats: the app writes the workbook
//! (staff bundle) and the CSV ([`sheet_csv`]) from [`SheetRow`]s, and reads
//! either back into a table of text cells for [`import_sheet`]. Columns are
//! found by their header, so a spreadsheet whose columns were reordered
//! still imports; one whose template columns were renamed or deleted is
//! refused, naming them. `data/README.md`, *Section report files*, documents
//! the columns.

use std::collections::HashMap;

use crate::drafts::export::{csv_table, format_jst};
use crate::drafts::import::{
    check_edition, Collector, Entry, Expected, ImportError, ImportPreview, ShapeAt,
};
use crate::drafts::path::FieldPath;
use crate::drafts::record::Drafts;
use crate::drafts::section::{items_of, reporting_fields};
use crate::drafts::value::{published, FieldValue};
use crate::drafts::MAX_IMPORT_CHANGES;
use crate::Dataset;

/// The column headers of a report sheet, in the order the app writes them.
/// The first three are keys (the workbook protects them from editing); only
/// 報告内容 is meant to be edited.
pub const SHEET_HEADERS: [&str; 8] = [
    "項目番号",
    "欄",
    "対象版",
    "取組項目名",
    "欄の名称",
    "公表されている内容",
    "報告内容",
    "編集日時",
];

/// The index in [`SHEET_HEADERS`] of 報告内容, the one column to edit.
pub const REPORT_COLUMN: usize = 6;

/// One row of a report sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetRow {
    /// 項目番号.
    pub item: u32,
    /// 欄: the field's stable name (`years.5.result`).
    pub field: FieldPath,
    /// 対象版: the edition whose published text the row starts from (「令和4年度末」).
    pub edition: String,
    /// 取組項目名.
    pub title: String,
    /// 欄の名称 (「令和5年度の実績」).
    pub label: String,
    /// 公表されている内容: the value published in that edition, as text.
    pub published: String,
    /// 報告内容: the draft, or the published value where there is none.
    pub report: String,
    /// 編集日時 (JST), empty where there is no draft.
    pub edited: String,
}

impl SheetRow {
    /// The row's cells, in the order of [`SHEET_HEADERS`].
    pub fn cells(&self) -> [String; 8] {
        [
            self.item.to_string(),
            self.field.to_string(),
            self.edition.clone(),
            self.title.clone(),
            self.label.clone(),
            self.published.clone(),
            self.report.clone(),
            self.edited.clone(),
        ]
    }
}

/// The row of one field of an item, with this device's draft if any.
fn row(dataset: &Dataset, drafts: &Drafts, item_no: u32, field: FieldPath) -> Option<SheetRow> {
    let item = dataset.item(item_no)?;
    let published = published(item, field)?;
    let draft = drafts.get(item_no, field);
    Some(SheetRow {
        item: item_no,
        field,
        edition: dataset.meta.status_as_of.clone(),
        title: item.title.clone(),
        label: field.label_ja(),
        report: draft.map_or_else(|| published.to_text(), |d| d.value.to_text()),
        published: published.to_text(),
        edited: draft.map(|d| format_jst(d.edited_at)).unwrap_or_default(),
    })
}

/// A section's report on 令和 `year`: for each of its items the fields
/// reported that year ([`reporting_fields`]), then any other field of the
/// item drafted here, by item then field.
pub fn section_sheet(dataset: &Dataset, drafts: &Drafts, section: &str, year: u8) -> Vec<SheetRow> {
    let mut rows = Vec::new();
    for item in items_of(dataset, section) {
        let mut fields = reporting_fields(item, year);
        for (path, _) in drafts.fields(item.no) {
            if !fields.contains(&path) {
                fields.push(path);
            }
        }
        fields.sort();
        rows.extend(
            fields
                .into_iter()
                .filter_map(|f| row(dataset, drafts, item.no, f)),
        );
    }
    rows
}

/// The column headers of [`export_csv`]: those of a section's report sheet,
/// so the file imports back.
pub const CSV_HEADERS: [&str; 8] = SHEET_HEADERS;

/// The drafts as CSV for Excel, one row per drafted field by item then
/// field, in the columns of a report sheet ([`sheet_csv`]): UTF-8 with a
/// BOM, CRLF line ends, list entries joined with a line feed inside the
/// (quoted) cell, goals with 「、」, no result empty, the edit time in JST.
/// Cells a spreadsheet would run as formulas get a leading `'`. It imports
/// back ([`import_sheet`]).
pub fn export_csv(drafts: &Drafts, dataset: &Dataset) -> String {
    sheet_csv(&drafts_sheet(dataset, drafts))
}

/// Every draft on this device, one row each (the drafts screen's CSV).
pub fn drafts_sheet(dataset: &Dataset, drafts: &Drafts) -> Vec<SheetRow> {
    drafts
        .iter()
        .filter_map(|(no, path, _)| row(dataset, drafts, no, path))
        .collect()
}

/// Rows as CSV for Excel: UTF-8 with a BOM (so Excel detects the encoding),
/// CRLF line ends, the header row, then the rows. Cells that a spreadsheet
/// would run as formulas get a leading `'` ([`super::csv_cell`]), which
/// [`import_sheet`] removes again.
pub fn sheet_csv(rows: &[SheetRow]) -> String {
    csv_table(&SHEET_HEADERS, rows.iter().map(|row| row.cells().to_vec()))
}

/// Splits CSV text (RFC 4180, any line end, a BOM ignored) into rows of cells.
///
/// Never fails: a quote left open runs to the end of the text, as
/// spreadsheets read it.
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader
        .records()
        .filter_map(Result::ok)
        .map(|record| record.iter().map(str::to_string).collect())
        .collect()
}

/// A cell as written, without the `'` that [`csv_cell`] puts before text a
/// spreadsheet would run as a formula.
fn unprotect(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => cell,
    }
}

/// Reads a report sheet (a workbook's first sheet or a CSV file, as rows of
/// text cells, the header first) and compares it with `dataset` and
/// `existing`, like [`super::import`] does a JSON file.
///
/// Columns are found by header, in any order; extra columns are ignored.
/// Every row must be of this edition (対象版). Blank rows are skipped. A
/// row's 報告内容 equal to the published value is no change. Every change
/// gets `now` as its edit time. Changes nothing.
pub fn import_sheet(
    table: &[Vec<String>],
    dataset: &Dataset,
    existing: &Drafts,
    now: u64,
) -> Result<ImportPreview, ImportError> {
    let Some((header, rows)) = table.split_first() else {
        return Err(ImportError::MissingColumns(SHEET_HEADERS.to_vec()));
    };
    let column: HashMap<&str, usize> = header
        .iter()
        .enumerate()
        .map(|(i, name)| (name.trim(), i))
        .collect();
    let missing: Vec<&'static str> = SHEET_HEADERS
        .into_iter()
        .filter(|name| !column.contains_key(name))
        .collect();
    if !missing.is_empty() {
        return Err(ImportError::MissingColumns(missing));
    }
    if rows.len() > MAX_IMPORT_CHANGES {
        return Err(ImportError::TooManyChanges(rows.len()));
    }
    let cell = |row: &'_ Vec<String>, name: &str| -> String {
        row.get(column[name])
            .map(|c| unprotect(c).to_string())
            .unwrap_or_default()
    };

    let mut found = Collector::new(dataset, existing);
    for (i, row) in rows.iter().enumerate() {
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        // As the spreadsheet numbers rows: the header is row 1.
        let number = i + 2;
        check_edition(Some(&cell(row, "対象版")), dataset)?;
        let item_no =
            cell(row, "項目番号")
                .trim()
                .parse::<u32>()
                .map_err(|_| ImportError::BadShape {
                    at: ShapeAt::Cell(number, "項目番号"),
                    expected: Expected::ItemNumber,
                })?;
        let target = found.target(Entry::Row(number), item_no, &cell(row, "欄"))?;
        let path = target.path();
        let incoming = FieldValue::from_text(path, &cell(row, "報告内容"));
        let theirs = FieldValue::from_text(path, &cell(row, "公表されている内容")).ok();
        found.add(target, incoming, theirs, now)?;
    }
    Ok(found.finish(&dataset.meta.version, None, None))
}
