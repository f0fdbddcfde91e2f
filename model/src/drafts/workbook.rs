//! A section's report as an Excel workbook, and a workbook read back as a
//! table of text cells for [`super::import_sheet`]. Behind the `workbook`
//! feature, which only the staff bundle turns on: the two crates never
//! reach a citizen.
//!
//! The sheet is shaped like a municipal template: one header row, one row
//! per item and field, no merged cells, wrapped text, the published text
//! beside the report, and only the 報告内容 column open to editing (the
//! keys 項目番号・欄・対象版 and the published text are protected).

use std::io::Cursor;

use crate::drafts::import::ImportError;
use crate::drafts::table::{SheetRow, REPORT_COLUMN, SHEET_HEADERS};
use calamine::{Data, Reader, Xlsx};
use rust_xlsxwriter::{
    Color, Format, FormatAlign, FormatBorder, ProtectionOptions, Workbook, XlsxError,
};

/// The worksheet's name (a sheet name is part of the file format, not the interface).
pub const SHEET_NAME: &str = "報告";

/// Column widths in characters, in the order of [`SHEET_HEADERS`].
const WIDTHS: [f64; 8] = [8.0, 16.0, 12.0, 28.0, 16.0, 48.0, 48.0, 16.0];

/// The rows as an `.xlsx` file.
pub fn write(rows: &[SheetRow]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
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
pub fn read(bytes: &[u8]) -> Result<Vec<Vec<String>>, ImportError> {
    let unreadable = |error: &dyn std::fmt::Display| ImportError::NotWorkbook(error.to_string());
    let mut workbook: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let names = workbook.sheet_names();
    let name = names
        .iter()
        .find(|n| n.as_str() == SHEET_NAME)
        .or_else(|| names.first())
        .cloned()
        .ok_or_else(|| unreadable(&"no worksheet"))?;
    let range = workbook
        .worksheet_range(&name)
        .map_err(|e| unreadable(&e))?;
    // The range starts at its first used cell; pad it back to A1 so row
    // numbers in messages match the spreadsheet's.
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let mut table: Vec<Vec<String>> = vec![Vec::new(); first_row as usize];
    for row in range.rows() {
        let mut cells = vec![String::new(); first_column as usize];
        cells.extend(row.iter().map(text_of));
        table.push(cells);
    }
    Ok(table)
}

/// A cell as the text it shows.
fn text_of(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(text) => text.clone(),
        Data::Float(number) if number.fract() == 0.0 && number.abs() < 1e15 => {
            format!("{}", *number as i64)
        }
        other => other.to_string(),
    }
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
