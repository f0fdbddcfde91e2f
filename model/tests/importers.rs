//! Every importer (JSON, CSV in UTF-8 and Shift_JIS, workbooks) against
//! files that are broken, truncated, random or hostile: each is refused with
//! a typed error, within the limits, quickly, and never with a panic. The
//! workbook reader is behind the `workbook` feature, as in the staff bundle.
#![cfg(feature = "workbook")]

use std::io::{Cursor, Read, Write};
use std::sync::OnceLock;

use model::drafts::{
    export_section_json, read_file, section_sheet, sheet_csv, workbook, Drafts, Entry, ImportError,
    MAX_CELL_CHARS, MAX_IMPORT_CHANGES, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, MAX_WORKBOOK_INFLATED,
    MAX_WORKBOOK_PARTS,
};
use proptest::prelude::*;

mod common;

use common::{admin_report, dataset, T};

/// Shift_JIS as the browser's `TextDecoder` decodes it for the app.
fn shift_jis(bytes: &[u8]) -> Option<String> {
    let (text, _, _) = encoding_rs::SHIFT_JIS.decode(bytes);
    Some(text.into_owned())
}

fn read(bytes: &[u8]) -> Result<model::drafts::ImportPreview, ImportError> {
    read_file(bytes, dataset(), &Drafts::new(), T, &shift_jis)
}

fn report_json() -> Vec<u8> {
    export_section_json(&admin_report(), dataset(), "行政管理課", 5, T).into_bytes()
}

fn report_csv() -> String {
    sheet_csv(&section_sheet(dataset(), &admin_report(), "行政管理課", 5))
}

/// The CSV as Japanese Excel saves it: Shift_JIS, no BOM.
fn report_csv_shift_jis() -> Vec<u8> {
    let text = report_csv();
    let (bytes, _, lossy) = encoding_rs::SHIFT_JIS.encode(text.trim_start_matches('\u{feff}'));
    assert!(!lossy);
    bytes.into_owned()
}

fn report_workbook() -> Vec<u8> {
    static BOOK: OnceLock<Vec<u8>> = OnceLock::new();
    BOOK.get_or_init(|| {
        workbook::write(&section_sheet(dataset(), &admin_report(), "行政管理課", 5)).unwrap()
    })
    .clone()
}

/// The parts of a zip, by name, inflated.
fn parts(zip_bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(zip_bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut part = archive.by_index(i).unwrap();
            let mut bytes = Vec::new();
            part.read_to_end(&mut bytes).unwrap();
            (part.name().unwrap().to_string(), bytes)
        })
        .collect()
}

/// One part of a hand-made zip: its name, its data as stored (deflated or
/// not), and what its headers declare.
#[derive(Clone)]
struct Part {
    name: String,
    deflated: bool,
    data: Vec<u8>,
    crc: u32,
    declared: u32,
}

impl Part {
    fn stored(name: &str, bytes: &[u8]) -> Part {
        Part {
            name: name.into(),
            deflated: false,
            data: bytes.to_vec(),
            crc: crc32fast::hash(bytes),
            declared: bytes.len() as u32,
        }
    }

    /// [`BOMB_SIZE`] spaces, deflated, declaring `declared` bytes.
    fn bomb(name: &str, declared: u32) -> Part {
        static DEFLATED: OnceLock<(Vec<u8>, u32)> = OnceLock::new();
        let (data, crc) = DEFLATED.get_or_init(|| {
            let raw = vec![b' '; BOMB_SIZE];
            (
                miniz_oxide::deflate::compress_to_vec(&raw, 6),
                crc32fast::hash(&raw),
            )
        });
        Part {
            name: name.into(),
            deflated: true,
            data: data.clone(),
            crc: *crc,
            declared,
        }
    }
}

/// What a bomb inflates to: 128 MiB, eight times the limit, in about 130 kB.
const BOMB_SIZE: usize = 128 * 1024 * 1024;

/// A zip written by hand, so that its headers can say what a hostile file
/// says (a zip writer would declare the true sizes).
fn zip_of(parts: &[Part]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut directory = Vec::new();
    for part in parts {
        let offset = out.len() as u32;
        let method: u16 = if part.deflated { 8 } else { 0 };
        let header = |signature: u32, central: bool| {
            let mut h = Vec::new();
            h.extend(signature.to_le_bytes());
            if central {
                h.extend(20u16.to_le_bytes());
            }
            h.extend(20u16.to_le_bytes());
            h.extend(0u16.to_le_bytes()); // flags
            h.extend(method.to_le_bytes());
            h.extend(0u32.to_le_bytes()); // time, date
            h.extend(part.crc.to_le_bytes());
            h.extend((part.data.len() as u32).to_le_bytes());
            h.extend(part.declared.to_le_bytes());
            h.extend((part.name.len() as u16).to_le_bytes());
            h.extend(0u16.to_le_bytes()); // extra
            if central {
                h.extend([0u8; 6]); // comment, disk, internal attributes
                h.extend(0u32.to_le_bytes());
                h.extend(offset.to_le_bytes());
            }
            h.extend(part.name.as_bytes());
            h
        };
        out.extend(header(0x0403_4b50, false));
        out.extend(&part.data);
        directory.extend(header(0x0201_4b50, true));
    }
    let at = out.len() as u32;
    out.extend(&directory);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    out.extend((parts.len() as u16).to_le_bytes());
    out.extend((parts.len() as u16).to_le_bytes());
    out.extend((directory.len() as u32).to_le_bytes());
    out.extend(at.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

/// The report workbook with the part of the same name replaced.
fn workbook_with(replacement: Part) -> Vec<u8> {
    let parts: Vec<Part> = parts(&report_workbook())
        .into_iter()
        .map(|(name, bytes)| {
            if name == replacement.name {
                replacement.clone()
            } else {
                Part::stored(&name, &bytes)
            }
        })
        .collect();
    assert!(parts.iter().any(|p| p.name == replacement.name));
    zip_of(&parts)
}

const SHEET: &str = "xl/worksheets/sheet1.xml";

#[test]
fn the_hand_made_zip_is_a_zip() {
    // The test's own zip writer, checked: the report rebuilt part by part reads as the original.
    let rebuilt = zip_of(
        &parts(&report_workbook())
            .iter()
            .map(|(name, bytes)| Part::stored(name, bytes))
            .collect::<Vec<_>>(),
    );
    assert_eq!(
        workbook::read(&rebuilt).unwrap(),
        workbook::read(&report_workbook()).unwrap()
    );
    assert_eq!(
        read(&rebuilt).unwrap().section.as_deref(),
        Some("行政管理課")
    );
}

#[test]
fn a_zip_bomb_is_refused_from_its_directory_before_inflating() {
    // The sheet's size declared honestly.
    let bomb = workbook_with(Part::bomb(SHEET, BOMB_SIZE as u32));
    assert!(bomb.len() < 1024 * 1024, "{}", bomb.len());
    // Nothing was inflated: the size refused is what the directory declares
    // for all the parts, the sheet's 128 MiB among them (reading the cells
    // would have stopped a cell past the 16 MiB limit).
    let result = read(&bomb);
    assert!(BOMB_SIZE as u64 > 2 * MAX_WORKBOOK_INFLATED);
    assert!(
        matches!(result, Err(ImportError::WorkbookTooLarge(declared)) if declared >= BOMB_SIZE as u64),
        "{result:?}"
    );
}

#[test]
fn a_zip_bomb_that_lies_about_its_size_stops_at_the_size_it_declares() {
    // Each part in turn declaring 10 kB: inflating stops there, and the zip
    // reader says so (inflated in full, the part would fail later, as XML).
    for part in [SHEET, "xl/sharedStrings.xml", "xl/workbook.xml"] {
        let bomb = workbook_with(Part::bomb(part, 10_000));
        let result = read(&bomb);
        assert!(
            matches!(&result, Err(ImportError::NotWorkbook(why)) if why.contains("larger than its declared uncompressed size")),
            "{part}: {result:?}"
        );
    }
}

#[test]
fn a_workbook_of_too_many_parts_is_refused() {
    let mut many: Vec<Part> = parts(&report_workbook())
        .iter()
        .map(|(name, bytes)| Part::stored(name, bytes))
        .collect();
    while many.len() <= MAX_WORKBOOK_PARTS {
        many.push(Part::stored(&format!("x/{}.xml", many.len()), b"<x/>"));
    }
    assert_eq!(
        read(&zip_of(&many)),
        Err(ImportError::TooManyParts(MAX_WORKBOOK_PARTS + 1))
    );
}

/// A workbook with the report's header and `cells` written as text.
fn sheet_with(cells: &[(u32, u16, &str)]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (column, name) in model::drafts::SHEET_HEADERS.iter().enumerate() {
        sheet.write_string(0, column as u16, *name).unwrap();
    }
    for (row, column, text) in cells {
        sheet.write_string(*row, *column, *text).unwrap();
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn a_sheet_past_the_table_limits_is_refused_as_it_is_read() {
    // One cell in the sheet's last row or column: the range alone would be
    // billions of cells.
    let last_row = sheet_with(&[(1_048_575, 0, "1")]);
    assert_eq!(read(&last_row), Err(ImportError::TooManyRows));
    let last_column = sheet_with(&[(1, 16_383, "メモ")]);
    assert_eq!(read(&last_column), Err(ImportError::TooManyColumns));
    // Just within: a note in the last column read is ignored like any extra column.
    let within = sheet_with(&[(
        MAX_SHEET_ROWS as u32 - 1,
        MAX_SHEET_COLUMNS as u16 - 1,
        "メモ",
    )]);
    assert!(!matches!(
        read(&within),
        Err(ImportError::TooManyRows | ImportError::TooManyColumns)
    ));
    let long = "あ".repeat(MAX_CELL_CHARS + 1);
    assert_eq!(
        read(&sheet_with(&[(3, 9, &long)])),
        Err(ImportError::CellTooLong {
            at: Some(Entry::Row(4))
        })
    );
}

#[test]
fn a_shared_string_copied_into_many_cells_is_limited_like_the_inflated_parts() {
    // 20,000 characters shared by 1,000 cells: a small sheet, 60 MB as a table.
    let text = "あ".repeat(MAX_CELL_CHARS);
    let cells: Vec<(u32, u16, &str)> = (1..=1_000).map(|row| (row, 9, text.as_str())).collect();
    let book = sheet_with(&cells);
    assert!(book.len() < 1024 * 1024);
    assert!(matches!(read(&book), Err(ImportError::WorkbookTooLarge(_))));
}

#[test]
fn a_csv_past_the_table_limits_is_refused_as_it_is_read() {
    let csv = report_csv();
    let header = csv.split("\r\n").next().unwrap();
    let mut many = format!("{header}\r\n");
    many.push_str(&"\r\n,\r\n".repeat(MAX_SHEET_ROWS));
    assert_eq!(read(many.as_bytes()), Err(ImportError::TooManyRows));
    let wide = format!("{header}\r\n{}メモ\r\n", ",".repeat(MAX_SHEET_COLUMNS));
    assert_eq!(read(wide.as_bytes()), Err(ImportError::TooManyColumns));
    let long = format!("{header}\r\n1,title,{}\r\n", "a".repeat(MAX_CELL_CHARS + 1));
    assert_eq!(
        read(long.as_bytes()),
        Err(ImportError::CellTooLong {
            at: Some(Entry::Row(2))
        })
    );
    // The same in Shift_JIS.
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(&long);
    assert!(std::str::from_utf8(&sjis).is_err() || sjis.is_ascii());
    assert_eq!(
        read(&sjis),
        Err(ImportError::CellTooLong {
            at: Some(Entry::Row(2))
        })
    );
}

#[test]
fn a_json_file_past_the_limits_is_refused() {
    let json: serde_json::Value = serde_json::from_slice(&report_json()).unwrap();
    let mut long = json.clone();
    long["changes"][0]["title"] = "あ".repeat(MAX_CELL_CHARS + 1).into();
    assert_eq!(
        read(long.to_string().as_bytes()),
        Err(ImportError::CellTooLong {
            at: Some(Entry::Change(1))
        })
    );
    let mut top = json.clone();
    top["note"] = "x".repeat(MAX_CELL_CHARS + 1).into();
    assert_eq!(
        read(top.to_string().as_bytes()),
        Err(ImportError::CellTooLong { at: None })
    );
    let mut many = json;
    many["changes"] = serde_json::Value::Array(vec![serde_json::json!({}); MAX_IMPORT_CHANGES + 1]);
    assert_eq!(
        read(many.to_string().as_bytes()),
        Err(ImportError::TooManyChanges(MAX_IMPORT_CHANGES + 1))
    );
}

#[test]
fn every_format_reads_whatever_the_files_name() {
    // The real files, each read as what it is: the report of 行政管理課 on 令和5年度.
    for (kind, bytes) in [
        ("json", report_json()),
        ("csv", report_csv().into_bytes()),
        ("csv shift_jis", report_csv_shift_jis()),
        ("xlsx", report_workbook()),
    ] {
        let preview = read(&bytes).unwrap_or_else(|e| panic!("{kind}: {e:?}"));
        assert_eq!(preview.section.as_deref(), Some("行政管理課"), "{kind}");
        assert_eq!(preview.reporting_year, Some(5), "{kind}");
        assert_eq!(preview.changes.len(), 1, "{kind}");
    }
}

/// Every importer's real input, for truncating and corrupting.
fn real_files() -> &'static [Vec<u8>] {
    static FILES: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    FILES.get_or_init(|| {
        vec![
            report_json(),
            report_csv().into_bytes(),
            report_csv_shift_jis(),
            report_workbook(),
        ]
    })
}

/// A sheet whose declared range ends before it starts (`B2:A1`, as a broken
/// or hand-edited file may say) is read from its cells: the range is only a
/// hint. calamine subtracts the corners unchecked; the project builds it
/// without overflow checks in every profile, as the shipped bundle does
/// (see the workspace's `Cargo.toml`), so the test reads what staff get.
#[test]
fn a_sheet_with_a_backwards_range_is_read_from_its_cells() {
    let mut all = parts(&report_workbook());
    let sheet = all
        .iter_mut()
        .find(|(name, _)| name.starts_with("xl/worksheets/"))
        .expect("a worksheet");
    let xml = String::from_utf8(sheet.1.clone()).unwrap();
    let start =
        xml.find("<dimension ref=\"").expect("a declared range") + "<dimension ref=\"".len();
    let end = start + xml[start..].find('"').unwrap();
    sheet.1 = format!("{}B2:A1{}", &xml[..start], &xml[end..]).into_bytes();
    let mut book = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in &all {
        book.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        book.write_all(bytes).unwrap();
    }
    let preview = read(&book.finish().unwrap().into_inner()).expect("read");
    assert_eq!(read(&report_workbook()).expect("read"), preview);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Random bytes, some made to start like a workbook, a JSON file or
    /// UTF-8 text: never a report.
    #[test]
    fn random_bytes_are_refused(
        start in prop::sample::select(vec![&b""[..], b"PK\x03\x04", b"{", "\u{feff}".as_bytes(), b"\x82\xa0"]),
        rest in proptest::collection::vec(any::<u8>(), 0..4096),
    ) {
        let bytes = [start, &rest[..]].concat();
        prop_assert!(read(&bytes).is_err());
    }

    /// Each real file cut short anywhere: read or refused, never a panic.
    #[test]
    fn truncated_files_are_read_or_refused(file in 0usize..4, cut in any::<prop::sample::Index>()) {
        let bytes = &real_files()[file];
        let _ = read(&bytes[..cut.index(bytes.len())]);
    }

    /// Each real file with bytes overwritten: read or refused, never a panic.
    #[test]
    fn corrupted_files_are_read_or_refused(
        file in 0usize..4,
        changes in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..16),
    ) {
        let mut bytes = real_files()[file].clone();
        for (at, byte) in changes {
            let at = at.index(bytes.len());
            bytes[at] = byte;
        }
        let _ = read(&bytes);
    }

    /// A workbook whose parts are intact zip entries with broken contents
    /// (what the zip's checksums cannot catch): calamine's XML reading,
    /// part by part, with random, truncated and corrupted XML.
    #[test]
    fn a_workbook_with_a_broken_part_is_read_or_refused(
        part in any::<prop::sample::Index>(),
        cut in any::<prop::sample::Index>(),
        changes in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..8),
        tail in proptest::collection::vec(any::<u8>(), 0..64),
    ) {
        let mut all = parts(&report_workbook());
        let which = part.index(all.len());
        let (_, bytes) = &mut all[which];
        bytes.truncate(cut.index(bytes.len() + 1));
        for (at, byte) in changes {
            if !bytes.is_empty() {
                let at = at.index(bytes.len());
                bytes[at] = byte;
            }
        }
        bytes.extend(tail);
        let mut book = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for (name, bytes) in &all {
            book.start_file(name.as_str(), stored).unwrap();
            book.write_all(bytes).unwrap();
        }
        let _ = read(&book.finish().unwrap().into_inner());
    }
}
