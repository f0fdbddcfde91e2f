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
//!
//! A section's report names its section and year in every row (課所,
//! 報告年度), beside the edition (対象版): the file identifies itself
//! whatever it is renamed to, and the rows keep saying it after a
//! spreadsheet saves the sheet as CSV (which keeps only the one sheet and
//! none of the workbook's properties) or a clerk sorts or filters them.

use std::collections::HashMap;

use crate::drafts::export::{csv_table, format_jst};
use crate::drafts::import::{
    check_edition, Collector, Entry, Expected, ImportError, ImportPreview, ShapeAt,
};
use crate::drafts::path::FieldPath;
use crate::drafts::record::Drafts;
use crate::drafts::section::{items_of, reporting_fields};
use crate::drafts::value::{published, FieldValue};
use crate::drafts::{FIRST_YEAR, LAST_YEAR, MAX_CELL_CHARS, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS};
use crate::Dataset;

/// The column headers of a report sheet, in the order the app writes them.
/// The first five are keys (the workbook protects them from editing); only
/// 報告内容 is meant to be edited.
pub const SHEET_HEADERS: [&str; 10] = [
    "項目番号",
    "欄",
    "対象版",
    "課所",
    "報告年度",
    "取組項目名",
    "欄の名称",
    "公表されている内容",
    "報告内容",
    "編集日時",
];

/// The index in [`SHEET_HEADERS`] of 報告内容, the one column to edit.
pub const REPORT_COLUMN: usize = 8;

/// The columns that say whose report a file is: optional on reading, so a
/// sheet written before they existed (or the drafts screen's CSV, which is
/// no section's report and leaves them empty) still imports.
const IDENTITY_HEADERS: [&str; 2] = ["課所", "報告年度"];

/// One row of a report sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetRow {
    /// 項目番号.
    pub item: u32,
    /// 欄: the field's stable name (`years.5.result`).
    pub field: FieldPath,
    /// 対象版: the edition whose published text the row starts from (「令和4年度末」).
    pub edition: String,
    /// 課所: the section whose report this is; empty when it is no
    /// section's report (the drafts screen's CSV).
    pub section: String,
    /// 報告年度: the 令和 year reported (written 「令和5年度」), if a section's report.
    pub year: Option<u8>,
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
    pub fn cells(&self) -> [String; 10] {
        [
            self.item.to_string(),
            self.field.to_string(),
            self.edition.clone(),
            self.section.clone(),
            self.year.map(year_cell).unwrap_or_default(),
            self.title.clone(),
            self.label.clone(),
            self.published.clone(),
            self.report.clone(),
            self.edited.clone(),
        ]
    }
}

/// 報告年度 as the sheet writes it: 「令和5年度」.
fn year_cell(year: u8) -> String {
    format!("令和{year}年度")
}

/// 報告年度 read back: the 令和 year of 「令和5年度」, 「5」 or 「R5」 (a
/// spreadsheet may have turned the text into a number), within the
/// programme's years.
fn year_of_cell(text: &str) -> Option<u8> {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    digits
        .parse::<u8>()
        .ok()
        .filter(|year| (FIRST_YEAR..=LAST_YEAR).contains(year))
}

/// Whose report a sheet is, as its rows say.
#[derive(Default)]
struct Identity {
    section: Option<String>,
    year: Option<u8>,
}

impl Identity {
    /// Takes a row's value of a column; rows that leave it empty say
    /// nothing, rows that name another value than the rows before make the
    /// file no single section's report.
    fn agree<T: PartialEq>(
        known: &mut Option<T>,
        value: Option<T>,
        row: usize,
        column: &'static str,
    ) -> Result<(), ImportError> {
        match (known.as_ref(), value) {
            (_, None) => Ok(()),
            (None, Some(value)) => {
                *known = Some(value);
                Ok(())
            }
            (Some(seen), Some(value)) if *seen == value => Ok(()),
            (Some(_), Some(_)) => Err(ImportError::MixedReport { row, column }),
        }
    }
}

/// The row of one field of an item, with this device's draft if any, for
/// `section`'s report on `year` (or no section's, for the drafts' CSV).
fn row(
    dataset: &Dataset,
    drafts: &Drafts,
    item_no: u32,
    field: FieldPath,
    report: Option<(&str, u8)>,
) -> Option<SheetRow> {
    let item = dataset.item(item_no)?;
    let published = published(item, field)?;
    let draft = drafts.get(item_no, field);
    Some(SheetRow {
        item: item_no,
        field,
        edition: dataset.meta.status_as_of.clone(),
        section: report.map(|(s, _)| s.to_string()).unwrap_or_default(),
        year: report.map(|(_, y)| y),
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
                .filter_map(|f| row(dataset, drafts, item.no, f, Some((section, year)))),
        );
    }
    rows
}

/// The column headers of [`export_csv`]: those of a section's report sheet,
/// so the file imports back.
pub const CSV_HEADERS: [&str; 10] = SHEET_HEADERS;

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
        .filter_map(|(no, path, _)| row(dataset, drafts, no, path, None))
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
/// spreadsheets read it. For a file someone chose, [`read_csv`] reads the
/// same way within the import's limits.
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv_reader(text);
    reader
        .records()
        .filter_map(Result::ok)
        .map(|record| record.iter().map(str::to_string).collect())
        .collect()
}

fn csv_reader(text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
}

/// Reads CSV text as [`parse_csv`] does, refusing a table larger than an
/// import takes (rows, columns, cell length: [`super::MAX_SHEET_ROWS`],
/// [`super::MAX_SHEET_COLUMNS`], [`super::MAX_CELL_CHARS`]) as soon as the
/// reading reaches the limit, so a huge file is never held as a table.
pub fn read_csv(text: &str) -> Result<Vec<Vec<String>>, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut table = Vec::new();
    for record in csv_reader(text).records() {
        let Ok(record) = record else { continue };
        let cells: Vec<String> = record.iter().map(str::to_string).collect();
        check_table_row(table.len() + 1, &cells)?;
        table.push(cells);
    }
    Ok(table)
}

/// Refuses row `number` (from 1, as spreadsheets number rows) of a table
/// when it lies past [`MAX_SHEET_ROWS`], has text past [`MAX_SHEET_COLUMNS`]
/// or a cell longer than [`MAX_CELL_CHARS`]: no report has such rows, and
/// each limit keeps a pathological file from taking the page's memory.
pub(crate) fn check_table_row(number: usize, cells: &[String]) -> Result<(), ImportError> {
    if number > MAX_SHEET_ROWS {
        return Err(ImportError::TooManyRows);
    }
    if cells
        .iter()
        .skip(MAX_SHEET_COLUMNS)
        .any(|cell| !cell.trim().is_empty())
    {
        return Err(ImportError::TooManyColumns);
    }
    check_cell(number, cells.iter().map(String::as_str))
}

/// Refuses a row with a cell longer than [`MAX_CELL_CHARS`] (characters,
/// counted only up to the limit).
pub(crate) fn check_cell<'a>(
    number: usize,
    cells: impl IntoIterator<Item = &'a str>,
) -> Result<(), ImportError> {
    for cell in cells {
        // Counting stops at the limit: a cell's length in bytes bounds its characters.
        if cell.len() > MAX_CELL_CHARS && cell.chars().nth(MAX_CELL_CHARS).is_some() {
            return Err(ImportError::CellTooLong {
                at: Some(Entry::Row(number)),
            });
        }
    }
    Ok(())
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
/// Every row must be of this edition (対象版), and the rows that name a
/// section (課所) and a year (報告年度) must name the same ones, which the
/// preview then gives as the file's. Blank rows are skipped. A row's
/// 報告内容 equal to the published value is no change. Every change gets
/// `now` as its edit time. A table past the import's limits is refused (as
/// by [`read_csv`]). Changes nothing.
pub fn import_sheet(
    table: &[Vec<String>],
    dataset: &Dataset,
    existing: &Drafts,
    now: u64,
) -> Result<ImportPreview, ImportError> {
    for (index, row) in table.iter().enumerate() {
        check_table_row(index + 1, row)?;
    }
    let Some((header, rows)) = table.split_first() else {
        return Err(ImportError::MissingColumns(required_headers().collect()));
    };
    let column: HashMap<&str, usize> = header
        .iter()
        .enumerate()
        .map(|(i, name)| (name.trim(), i))
        .collect();
    let missing: Vec<&'static str> = required_headers()
        .filter(|name| !column.contains_key(name))
        .collect();
    if !missing.is_empty() {
        return Err(ImportError::MissingColumns(missing));
    }
    let cell = |row: &'_ Vec<String>, name: &str| -> String {
        column
            .get(name)
            .and_then(|&index| row.get(index))
            .map(|c| unprotect(c).to_string())
            .unwrap_or_default()
    };

    let mut found = Collector::new(dataset, existing);
    let mut identity = Identity::default();
    for (i, row) in rows.iter().enumerate() {
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        // As the spreadsheet numbers rows: the header is row 1.
        let number = i + 2;
        check_edition(Some(&cell(row, "対象版")), dataset)?;
        let section = cell(row, "課所").trim().to_string();
        Identity::agree(
            &mut identity.section,
            (!section.is_empty()).then_some(section),
            number,
            "課所",
        )?;
        let year = cell(row, "報告年度");
        let year = match year.trim() {
            "" => None,
            text => Some(year_of_cell(text).ok_or(ImportError::BadShape {
                at: ShapeAt::Cell(number, "報告年度"),
                expected: Expected::Year,
            })?),
        };
        Identity::agree(&mut identity.year, year, number, "報告年度")?;
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
    Ok(found.finish(&dataset.meta.version, identity.section, identity.year))
}

/// The template's columns a sheet must have: all but the identity columns.
fn required_headers() -> impl Iterator<Item = &'static str> {
    SHEET_HEADERS
        .into_iter()
        .filter(|name| !IDENTITY_HEADERS.contains(name))
}
