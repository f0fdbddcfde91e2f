//! What the model reports about drafts and imported files, worded for the
//! user: one module per language, each giving the functions of
//! [`super::StaffTexts::draft_error`] and [`super::StaffTexts::import_error`]
//! for its language. The model's error types and limits they word are
//! imported here once for both.

pub mod en;
pub mod ja;

use model::drafts::{
    DraftError, Entry, Expected, FieldPath, FieldPathError, ImportError, ShapeAt, ValueKind,
    EXPORT_FORMAT, EXPORT_FORMAT_VERSION, FIRST_YEAR, LAST_YEAR, MAX_CELL_CHARS, MAX_IMPORT_BYTES,
    MAX_IMPORT_CHANGES, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, MAX_VALUE_CHARS, MAX_WORKBOOK_INFLATED,
    MAX_WORKBOOK_PARTS,
};
