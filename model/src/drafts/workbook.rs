//! A section's report as an Excel workbook, and a workbook read back as a
//! table of text cells for [`super::import_sheet`]. Behind the `workbook`
//! feature, which only the staff bundle turns on: the two crates never
//! reach a citizen.
//!
//! The sheet is shaped like a municipal template: one header row, one row
//! per item and field, no merged cells, wrapped text, the published text
//! beside the report, and only the 報告内容 column open to editing (the
//! keys 項目番号・欄・対象版・課所・報告年度 and the published text are
//! protected). The workbook's title names the report too, for file
//! browsers; reading goes by the rows only.
//!
//! Reading never trusts the file: a workbook is a zip, and one of a few
//! hundred kilobytes can inflate to gigabytes. Its directory's declared
//! sizes and its number of parts are checked before anything is inflated
//! ([`super::MAX_WORKBOOK_INFLATED`], [`super::MAX_WORKBOOK_PARTS`]), the zip
//! reader stops inflating any part at its declared size, and the sheet is
//! read cell by cell within the table limits of every import (a single cell
//! at XFD1048576 would otherwise make a range of 17 billion cells).

use std::borrow::Cow;
use std::io::Cursor;

use crate::drafts::import::ImportError;
use crate::drafts::table::{check_cell, SheetRow, REPORT_COLUMN, SHEET_HEADERS};
use crate::drafts::{MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, MAX_WORKBOOK_INFLATED, MAX_WORKBOOK_PARTS};
use calamine::{DataRef, Reader, Xlsx};
use rust_xlsxwriter::{
    Color, DocProperties, Format, FormatAlign, FormatBorder, ProtectionOptions, Workbook, XlsxError,
};

/// The worksheet's name (a sheet name is part of the file format, not the interface).
pub const SHEET_NAME: &str = "報告";

/// Column widths in characters, in the order of [`SHEET_HEADERS`].
const WIDTHS: [f64; 10] = [8.0, 16.0, 12.0, 20.0, 10.0, 28.0, 16.0, 48.0, 48.0, 16.0];

/// The rows as an `.xlsx` file.
pub fn write(rows: &[SheetRow]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    if let Some(SheetRow {
        section,
        year: Some(year),
        edition,
        ..
    }) = rows.first()
    {
        workbook.set_properties(
            &DocProperties::new()
                .set_title(format!("令和{year}年度報告 {section}"))
                .set_subject(format!("{edition}の版への報告")),
        );
    }
    let sheet = workbook.add_worksheet();
    sheet.set_name(SHEET_NAME)?;
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(Color::RGB(0xDD_EB_F7))
        .set_border(FormatBorder::Thin);
    let locked = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin);
    let open = Format::new()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_border(FormatBorder::Thin)
        .set_background_color(Color::RGB(0xFF_FB_E6))
        .set_unlocked();
    for (column, (name, width)) in SHEET_HEADERS.iter().zip(WIDTHS).enumerate() {
        let column = column as u16;
        sheet.set_column_width(column, width)?;
        sheet.write_string_with_format(0, column, *name, &header)?;
    }
    for (index, row) in rows.iter().enumerate() {
        let line = index as u32 + 1;
        for (column, cell) in row.cells().iter().enumerate() {
            let format = if column == REPORT_COLUMN {
                &open
            } else {
                &locked
            };
            // Always text: an item number stays "4", and text starting with
            // = is never run as a formula.
            sheet.write_string_with_format(line, column as u16, cell, format)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    // Protected so the keys cannot be edited by mistake; no password, so a
    // section that needs to can lift it. Filtering and resizing stay allowed.
    let options = ProtectionOptions {
        use_autofilter: true,
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::default()
    };
    sheet.protect_with_options(&options);
    workbook.save_to_buffer()
}

/// The first sheet named [`SHEET_NAME`] (or else the first sheet) of an
/// `.xlsx` file, as rows of text cells from A1: numbers written as numbers
/// by a spreadsheet come back as their shortest text (`4`, not `4.0`).
/// Refused before inflating when the workbook would inflate past the
/// limits, and while reading when its sheet is larger than an import takes.
pub fn read(bytes: &[u8]) -> Result<Vec<Vec<String>>, ImportError> {
    check_parts(bytes)?;
    let mut workbook: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let names = workbook.sheet_names();
    let name = names
        .iter()
        .find(|n| n.as_str() == SHEET_NAME)
        .or_else(|| names.first())
        .cloned()
        .ok_or_else(|| unreadable(&"no worksheet"))?;
    let mut cells = workbook
        .worksheet_cells_reader(&name)
        .map_err(|e| unreadable(&e))?;
    let mut table: Vec<Vec<String>> = Vec::new();
    // Shared strings are held once but copied into every cell that uses
    // them: the table's text is limited as the inflated parts are.
    let mut held: u64 = 0;
    while let Some(cell) = cells.next_cell().map_err(|e| unreadable(&e))? {
        let (row, column) = cell.get_position();
        let (row, column) = (row as usize, column as usize);
        let Some(text) = shown(cell.get_value()) else {
            continue;
        };
        // Rows and columns as the spreadsheet numbers them, from 1.
        if row + 1 > MAX_SHEET_ROWS {
            return Err(ImportError::TooManyRows);
        }
        if column + 1 > MAX_SHEET_COLUMNS {
            return Err(ImportError::TooManyColumns);
        }
        held += text.len() as u64;
        if held > MAX_WORKBOOK_INFLATED {
            return Err(ImportError::WorkbookTooLarge(held));
        }
        check_cell(row + 1, [text.as_ref()])?;
        if table.len() <= row {
            table.resize(row + 1, Vec::new());
        }
        let line = &mut table[row];
        if line.len() <= column {
            line.resize(column + 1, String::new());
        }
        line[column] = text.into_owned();
    }
    // Every row as wide as the widest, as a range of the sheet is.
    let width = table.iter().map(Vec::len).max().unwrap_or(0);
    for row in &mut table {
        row.resize(width, String::new());
    }
    Ok(table)
}

fn unreadable(error: &dyn std::fmt::Display) -> ImportError {
    ImportError::NotWorkbook(error.to_string())
}

/// Refuses a workbook of too many parts, or whose parts declare more
/// inflated bytes than [`MAX_WORKBOOK_INFLATED`] in all, from its zip
/// directory alone. The zip reader then fails any part that inflates past
/// its declared size, so a part that lies about its size stops there.
fn check_parts(bytes: &[u8]) -> Result<(), ImportError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    if archive.len() > MAX_WORKBOOK_PARTS {
        return Err(ImportError::TooManyParts(archive.len()));
    }
    let mut declared: u64 = 0;
    for index in 0..archive.len() {
        let part = archive.by_index_raw(index).map_err(|e| unreadable(&e))?;
        declared = declared.saturating_add(part.size());
    }
    if declared > MAX_WORKBOOK_INFLATED {
        return Err(ImportError::WorkbookTooLarge(declared));
    }
    Ok(())
}

/// A cell as the text it shows, or `None` when it shows nothing; text is
/// borrowed, so a cell is measured before it is copied.
fn shown<'a>(cell: &'a DataRef<'_>) -> Option<Cow<'a, str>> {
    let text: Cow<'a, str> = match cell {
        DataRef::Empty => return None,
        DataRef::String(text) | DataRef::DateTimeIso(text) | DataRef::DurationIso(text) => {
            Cow::Borrowed(text)
        }
        DataRef::SharedString(text) => Cow::Borrowed(text),
        DataRef::Float(number) if number.fract() == 0.0 && number.abs() < 1e15 => {
            Cow::Owned(format!("{}", *number as i64))
        }
        other => Cow::Owned(calamine::Data::from(other.clone()).to_string()),
    };
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drafts::FieldPath;

    fn row(item: u32, report: &str) -> SheetRow {
        SheetRow {
            item,
            field: FieldPath::Result(5),
            edition: "令和4年度末".into(),
            section: "行政管理課".into(),
            year: Some(5),
            title: "題名".into(),
            label: "令和5年度の実績".into(),
            published: String::new(),
            report: report.into(),
            edited: String::new(),
        }
    }

    #[test]
    fn a_workbook_reads_back_as_its_rows() {
        let rows = [row(4, "=1+1\n二行目"), row(12, "")];
        let table = read(&write(&rows).unwrap()).unwrap();
        assert_eq!(table[0], SHEET_HEADERS.map(String::from).to_vec());
        assert_eq!(table[1], rows[0].cells().to_vec());
        assert_eq!(table[2][0], "12");
        assert_eq!(table.len(), 3);
    }

    #[test]
    fn anything_else_is_not_a_workbook() {
        assert!(matches!(
            read(b"PK\x03\x04 not a zip"),
            Err(ImportError::NotWorkbook(_))
        ));
        assert!(matches!(read(&[]), Err(ImportError::NotWorkbook(_))));
    }
}
