//! A file someone chose or dropped, read as what its bytes are, whatever it
//! is called: people rename files, mail clients add 「(1)」, and a workbook
//! saved as CSV may keep its old name. The name is never consulted here.

use crate::drafts::import::{import, ImportError, ImportPreview};
use crate::drafts::record::Drafts;
use crate::drafts::table::{import_sheet, read_csv};
use crate::drafts::MAX_IMPORT_BYTES;
use crate::Dataset;

/// What a file is, by its contents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A JSON export: its first visible character is `{` or `[`.
    Json,
    /// An `.xlsx` workbook: a zip archive (`PK\x03\x04`).
    Workbook,
    /// Anything else: text, read as CSV.
    Csv,
}

impl FileKind {
    /// The kind of `bytes`, from their first characters.
    ///
    /// # Examples
    /// ```
    /// use model::drafts::FileKind;
    /// assert_eq!(FileKind::of(b"PK\x03\x04\x14\x00"), FileKind::Workbook);
    /// assert_eq!(FileKind::of("\u{feff}\r\n {\"format\"".as_bytes()), FileKind::Json);
    /// assert_eq!(FileKind::of("項目番号,欄".as_bytes()), FileKind::Csv);
    /// assert_eq!(FileKind::of(b""), FileKind::Csv);
    /// ```
    pub fn of(bytes: &[u8]) -> FileKind {
        if bytes.starts_with(b"PK\x03\x04") {
            return FileKind::Workbook;
        }
        let text = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
        match text.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{' | b'[') => FileKind::Json,
            _ => FileKind::Csv,
        }
    }
}

/// Reads a chosen file of any kind ([`FileKind::of`]) and compares it with
/// `dataset` and `existing`, as [`import`] and [`import_sheet`] do; refused
/// when larger than [`MAX_IMPORT_BYTES`], and within every limit of its
/// format. Changes nothing, and never panics, whatever the bytes.
///
/// Text that is not UTF-8 is decoded by `legacy` (Japanese Excel writes CSV
/// in Shift_JIS; the browser's `TextDecoder` knows it, so the app ships no
/// decoding tables), or, if it gives nothing, read with replacement
/// characters, which make the header unreadable: the import then names the
/// missing columns. `now` is the edit time given to a sheet's changes.
pub fn read_file(
    bytes: &[u8],
    dataset: &Dataset,
    existing: &Drafts,
    now: u64,
    legacy: &dyn Fn(&[u8]) -> Option<String>,
) -> Result<ImportPreview, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge(bytes.len()));
    }
    match FileKind::of(bytes) {
        FileKind::Json => import(&text_of(bytes, legacy), dataset, existing),
        FileKind::Csv => import_sheet(&read_csv(&text_of(bytes, legacy))?, dataset, existing, now),
        #[cfg(feature = "workbook")]
        FileKind::Workbook => import_sheet(
            &crate::drafts::workbook::read(bytes)?,
            dataset,
            existing,
            now,
        ),
        #[cfg(not(feature = "workbook"))]
        FileKind::Workbook => Err(ImportError::NotWorkbook(
            "built without the workbook feature".into(),
        )),
    }
}

/// Bytes as text: UTF-8 (a BOM dropped) when they are, else as `legacy`
/// decodes them, else with replacement characters.
fn text_of(bytes: &[u8], legacy: &dyn Fn(&[u8]) -> Option<String>) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.strip_prefix('\u{feff}').unwrap_or(text).to_string(),
        Err(_) => legacy(bytes).unwrap_or_else(|| String::from_utf8_lossy(bytes).into_owned()),
    }
}
