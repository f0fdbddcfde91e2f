//! English.

use super::*;

fn value_kind(kind: ValueKind) -> &'static str {
    match kind {
        ValueKind::Text => "a string",
        ValueKind::Lines => "a list of strings",
        ValueKind::Goals => "a list of goal numbers (1 to 17)",
        ValueKind::OptionalLines => "a list of strings, or null",
    }
}

fn field_path_error(error: &FieldPathError) -> String {
    match error {
        FieldPathError::Unknown(s) => format!("“{s}” is not the name of an editable field"),
        FieldPathError::YearOutOfRange(y) => {
            format!("year {y} is not covered (only Reiwa {FIRST_YEAR} to {LAST_YEAR})")
        }
        FieldPathError::NotInItem => "this item has no such field".to_owned(),
    }
}

fn field(path: FieldPath) -> String {
    format!("{} ({path})", (crate::i18n::en::EN.field_label)(path))
}

pub fn draft_error(error: &DraftError) -> String {
    match error {
        DraftError::WrongKind { expected } => {
            format!("The value has the wrong form ({} is needed).", value_kind(*expected))
        }
        DraftError::EmptyTitle => "Enter the item title.".to_owned(),
        DraftError::TitleHasLineBreak => "Enter the item title on one line, without line breaks.".to_owned(),
        DraftError::InvalidGoal(goal) => {
            format!("There is no SDG goal “{goal}” (use the numbers 1 to 17).")
        }
        DraftError::DuplicateGoal(goal) => format!("SDG goal {goal} is given twice."),
        DraftError::BadPlanRef(line) => format!(
            "The Comprehensive Plan reference “{line}” cannot be read (enter one per line, as the published items write them: part, chapter and section, then the section's name)."
        ),
        DraftError::BadSmartCity(line) => format!(
            "The Smart City Promotion Plan reference “{line}” cannot be read (enter one per line, a circled number followed by the measure's name, or only a dash if there is none)."
        ),
        DraftError::TooLong { chars } => {
            format!("The text is too long ({chars} characters; at most {MAX_VALUE_CHARS}).")
        }
        DraftError::UnknownItem(item) => format!("There is no item number {item}."),
        DraftError::FieldNotInItem { item, path } => {
            format!("Item {item} has no field {}.", field(*path))
        }
    }
}

fn place(at: ShapeAt) -> String {
    match at {
        ShapeAt::Key(key) => format!("“{key}”"),
        ShapeAt::Change(index) => format!("change {index}"),
        ShapeAt::ChangeKey(index, key) => format!("“{key}” of change {index}"),
        ShapeAt::Cell(row, column) => format!("the column “{column}” in row {row}"),
    }
}

fn entry(at: Entry) -> String {
    match at {
        Entry::Change(index) => format!("change {index}"),
        Entry::Row(row) => format!("row {row}"),
    }
}

fn expected(what: Expected) -> &'static str {
    match what {
        Expected::Text => "a string",
        Expected::ChangeList => "a list of changes",
        Expected::Change => "an object",
        Expected::ItemNumber => "an item number (a whole number)",
        Expected::FieldName => "a field name (a string)",
        Expected::DraftValue => "a draft value",
        Expected::EditedAt => "the time of editing (unix milliseconds, a whole number)",
        Expected::Year => "a Reiwa year of the programme (a whole number from 3 to 7)",
        Expected::Value(kind) => value_kind(kind),
    }
}

pub fn import_error(error: &ImportError) -> String {
    match error {
        ImportError::TooLarge(bytes) => format!(
            "The file is too large to import ({bytes} bytes; at most {MAX_IMPORT_BYTES})."
        ),
        ImportError::NotJson(_) => {
            "The file cannot be read as JSON. Choose a .json, .xlsx or .csv file exported by this app."
                .to_owned()
        }
        ImportError::NotDraftsFile => format!(
            "This is not an export of drafts (its \"format\" is not \"{EXPORT_FORMAT}\")."
        ),
        ImportError::NewerFormat(version) => format!(
            "This file was exported by a newer version of the app and cannot be read (format version {version}; this app reads {EXPORT_FORMAT_VERSION}). Update the app."
        ),
        ImportError::UnknownFormatVersion(version) => {
            format!("The file's format version (format_version) is unknown ({version}).")
        }
        ImportError::TooManyChanges(count) => format!(
            "The file has too many changes to import ({count}; at most {MAX_IMPORT_CHANGES})."
        ),
        ImportError::TooManyRows => format!(
            "The table has too many rows to import (at most {MAX_SHEET_ROWS})."
        ),
        ImportError::TooManyColumns => format!(
            "The table has too many columns to import (there is text beyond column {MAX_SHEET_COLUMNS})."
        ),
        ImportError::CellTooLong { at } => format!(
            "{} holds a value too long to import (a cell holds at most {MAX_CELL_CHARS} characters).",
            at.map_or_else(|| "The file".to_owned(), |at| capitalised(&entry(at)))
        ),
        ImportError::WorkbookTooLarge(bytes) => format!(
            "The Excel workbook's contents are too large to import ({bytes} bytes unpacked; at most {MAX_WORKBOOK_INFLATED})."
        ),
        ImportError::TooManyParts(parts) => format!(
            "The Excel workbook is made of too many parts to import ({parts}; at most {MAX_WORKBOOK_PARTS})."
        ),
        ImportError::MixedReport { row, column } => format!(
            "Row {row} has another “{column}” than the rows before it. A file holds the report of one section for one year only."
        ),
        ImportError::BadShape { at, expected: what } => format!(
            "The file is not as expected ({} must be {}).",
            place(*at),
            expected(*what)
        ),
        ImportError::UnknownItem { index, item } => {
            format!(
                "In {}, item number {item} is not in this app's data.",
                entry(*index)
            )
        }
        ImportError::UnknownField {
            index,
            item,
            field,
            reason,
        } => format!(
            "In {} (item {item}), the field “{field}” cannot be read: {}.",
            entry(*index),
            field_path_error(reason)
        ),
        ImportError::InvalidValue {
            index,
            item,
            path,
            error,
        } => format!(
            "In {} (item {item}, {}), the draft is not valid: {}",
            entry(*index),
            field(*path),
            draft_error(error)
        ),
        ImportError::Duplicate { index, item, path } => format!(
            "{} (item {item}, {}) repeats a change to the same field.",
            capitalised(&entry(*index)),
            field(*path)
        ),
        ImportError::OtherEdition { file, here } => format!(
            "This file was written against the edition “{file}” and cannot be imported into this app, which shows the edition “{here}”. Choose a file exported from the same edition."
        ),
        ImportError::OtherReportingYear { file, here } => format!(
            "This file reports on FY Reiwa {file}; the reports being compiled are for FY Reiwa {here}."
        ),
        ImportError::MissingColumns(columns) => format!(
            "The table lacks these columns: {}. Keep the headings as they were exported; do not rename or delete columns.",
            columns.iter().map(|c| format!("“{c}”")).collect::<Vec<_>>().join(", ")
        ),
        ImportError::NotWorkbook(_) => {
            "The file cannot be read as an Excel workbook (.xlsx). Choose an .xlsx file exported by this app and saved in Excel's own format."
                .to_owned()
        }
        ImportError::Unreadable => "The browser could not read the file. Check that it is still there and choose it again.".to_owned(),
    }
}

/// The text with its first letter upper case (“row 3” at the start of a sentence).
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
