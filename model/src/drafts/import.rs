//! Import: an exported file read and compared with this device's drafts,
//! then applied once its conflicts are decided.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde_json::Value;

use super::{
    EXPORT_FORMAT, EXPORT_FORMAT_VERSION, FIRST_YEAR, LAST_YEAR, MAX_CELL_CHARS, MAX_IMPORT_BYTES,
    MAX_IMPORT_CHANGES,
};
use crate::drafts::path::{FieldPath, FieldPathError, ValueKind};
use crate::drafts::record::{DraftField, Drafts};
use crate::drafts::value::{normalize, published, same_as, DraftError, FieldValue};
use crate::Dataset;

/// Why a file cannot be imported, naming the change (its position, item
/// number and field) when one is at fault. The app words it for the user,
/// in the interface language; `Display` is for logs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Larger than [`MAX_IMPORT_BYTES`] (its size in bytes).
    TooLarge(usize),
    /// Not JSON (the parser's message, for the console).
    NotJson(String),
    /// JSON, but not a drafts export (`"format"` missing or different).
    NotDraftsFile,
    /// A `format_version` newer than this build reads.
    NewerFormat(u64),
    /// A `format_version` that is missing, 0 or not a whole number (as written).
    UnknownFormatVersion(String),
    /// Written for another edition of the programme (`edition` of the file,
    /// then of this app's data, both as 「令和4年度末」): its published values
    /// are not the ones here, so its changes could overwrite newer text.
    OtherEdition {
        /// The file's edition.
        file: String,
        /// This app's edition.
        here: String,
    },
    /// A section's report on another year than the one being compiled
    /// (the file's 令和 year, then the compilation's).
    OtherReportingYear {
        /// The year the file reports.
        file: u8,
        /// The year being compiled.
        here: u8,
    },
    /// A spreadsheet (workbook or CSV) without these columns of the
    /// template ([`super::table::SHEET_HEADERS`]), renamed or deleted.
    MissingColumns(Vec<&'static str>),
    /// Not a workbook that can be read (the reader's message, for the console).
    NotWorkbook(String),
    /// The file could not be read at all: moved, deleted or no longer
    /// permitted since it was chosen.
    Unreadable,
    /// More changes than [`MAX_IMPORT_CHANGES`] (how many).
    TooManyChanges(usize),
    /// A sheet with more rows than [`super::MAX_SHEET_ROWS`] (reading stops there).
    TooManyRows,
    /// A sheet with text past column [`super::MAX_SHEET_COLUMNS`].
    TooManyColumns,
    /// A cell (or a string of a JSON file) longer than
    /// [`super::MAX_CELL_CHARS`] characters: in this row or change, or
    /// (`None`) outside the changes of a JSON file.
    CellTooLong {
        /// Where.
        at: Option<Entry>,
    },
    /// A workbook whose parts would inflate to more than
    /// [`super::MAX_WORKBOOK_INFLATED`] bytes (as its zip directory declares them).
    WorkbookTooLarge(u64),
    /// A workbook of more parts (zip entries) than [`super::MAX_WORKBOOK_PARTS`] (how many).
    TooManyParts(usize),
    /// A sheet whose rows name different sections or years (課所, 報告年度):
    /// no one section's report. The first row that differs, and the column.
    MixedReport {
        /// The row, as the spreadsheet numbers it.
        row: usize,
        /// 「課所」 or 「報告年度」.
        column: &'static str,
    },
    /// A required part is missing or of the wrong type.
    BadShape {
        /// Where.
        at: ShapeAt,
        /// What is expected there.
        expected: Expected,
    },
    /// A change for an item the dataset does not have.
    UnknownItem {
        /// Which change or row.
        index: Entry,
        /// The item number.
        item: u32,
    },
    /// A change for a field that is not editable or that the item lacks.
    UnknownField {
        /// Which change or row.
        index: Entry,
        /// The item number.
        item: u32,
        /// The field as written.
        field: String,
        /// Why.
        reason: FieldPathError,
    },
    /// A change whose draft value is not valid.
    InvalidValue {
        /// Which change or row.
        index: Entry,
        /// The item number.
        item: u32,
        /// The field.
        path: FieldPath,
        /// What is wrong.
        error: DraftError,
    },
    /// Two changes for the same field.
    Duplicate {
        /// Which change or row.
        index: Entry,
        /// The item number.
        item: u32,
        /// The field.
        path: FieldPath,
    },
}

impl fmt::Display for ImportError {
    /// For logs; users read the app's own sentence, in their language.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

/// Where in an import file a part is missing or of the wrong type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShapeAt {
    /// A key of the file's top-level object.
    Key(&'static str),
    /// The change at this position (from 1), as a whole.
    Change(usize),
    /// A key of the change at this position (from 1).
    ChangeKey(usize, &'static str),
    /// A cell of a spreadsheet: its row (the header is row 1) and column header.
    Cell(usize, &'static str),
}

/// Where in a file a change is: the change of a JSON file (from 1), or the
/// row of a spreadsheet (as the spreadsheet numbers it: the header is row 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// The change at this position of a JSON file, from 1.
    Change(usize),
    /// This row of a workbook or CSV file.
    Row(usize),
}

/// What a part of an import file must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A string (the dataset version).
    Text,
    /// The array of changes.
    ChangeList,
    /// A change: a JSON object.
    Change,
    /// An item number (a whole number).
    ItemNumber,
    /// A field name (a string).
    FieldName,
    /// A draft value.
    DraftValue,
    /// When it was edited (unix milliseconds, a whole number).
    EditedAt,
    /// A 令和 year of the programme (3 to 7).
    Year,
    /// A value of this kind.
    Value(ValueKind),
}

impl std::error::Error for ImportError {}

/// One change of an imported file, compared with this device.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportChange {
    /// The item number.
    pub item: u32,
    /// The field.
    pub path: FieldPath,
    /// The file's draft value (normalized).
    pub incoming: FieldValue,
    /// When the file's draft was edited (kept when imported).
    pub edited_at: u64,
    /// This device's draft of the field, if any.
    pub current_draft: Option<FieldValue>,
    /// The value published in this device's dataset.
    pub published: FieldValue,
    /// Whether the file's `published` differs from this dataset's: the
    /// change was written against other text.
    pub published_differs: bool,
    /// Whether this device has a draft of the field that differs from the
    /// incoming one: [`apply_import`] needs a [`Choice`] for it.
    pub conflict: bool,
}

/// What an imported file would do, for the user to review before [`apply_import`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportPreview {
    /// The changes that differ from the published value, by item then field.
    pub changes: Vec<ImportChange>,
    /// How many changes of the file equal the published value here (skipped:
    /// there is nothing to draft; an existing draft is left alone).
    pub already_published: usize,
    /// The file's `dataset_version`.
    pub file_dataset_version: String,
    /// This device's dataset version.
    pub dataset_version: String,
    /// Whether the file was written against another dataset version.
    pub dataset_version_differs: bool,
    /// The section that sent the file, if it says (a section's report).
    pub section: Option<String>,
    /// The 令和 year the file reports, if it says (a section's report).
    pub reporting_year: Option<u8>,
}

impl ImportPreview {
    /// The changes that need a [`Choice`].
    pub fn conflicts(&self) -> impl Iterator<Item = &ImportChange> + '_ {
        self.changes.iter().filter(|change| change.conflict)
    }

    /// The conflicts that `choices` does not decide yet, as (item, path).
    pub fn unresolved(&self, choices: &ImportChoices) -> Vec<(u32, FieldPath)> {
        self.conflicts()
            .filter(|c| choices.get(c.item, c.path).is_none())
            .map(|c| (c.item, c.path))
            .collect()
    }
}

/// The decision for one conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Choice {
    /// Keep this device's draft.
    KeepMine,
    /// Take the file's draft.
    TakeTheirs,
}

/// The user's decisions for the conflicts of an [`ImportPreview`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportChoices {
    choices: BTreeMap<(u32, FieldPath), Choice>,
}

impl ImportChoices {
    /// No decisions yet.
    pub fn new() -> ImportChoices {
        ImportChoices::default()
    }

    /// The same decision for every conflict of `preview` (「すべて自分の下書きを残す」…).
    pub fn all(preview: &ImportPreview, choice: Choice) -> ImportChoices {
        let mut choices = ImportChoices::new();
        for conflict in preview.conflicts() {
            choices.choose(conflict.item, conflict.path, choice);
        }
        choices
    }

    /// Decides one conflict (replacing an earlier decision).
    pub fn choose(&mut self, item: u32, path: FieldPath, choice: Choice) {
        self.choices.insert((item, path), choice);
    }

    /// The decision for a conflict, if made.
    pub fn get(&self, item: u32, path: FieldPath) -> Option<Choice> {
        self.choices.get(&(item, path)).copied()
    }
}

/// Conflicts left undecided; [`apply_import`] changed nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnresolvedConflicts(pub Vec<(u32, FieldPath)>);

impl fmt::Display for UnresolvedConflicts {
    /// For logs; the app asks the user in the interface language.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list: Vec<String> = self
            .0
            .iter()
            .map(|(item, path)| format!("{item} {path}"))
            .collect();
        write!(f, "undecided conflicts: {}", list.join(", "))
    }
}

impl std::error::Error for UnresolvedConflicts {}

/// What [`apply_import`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// Fields drafted that had no draft here.
    pub added: usize,
    /// Drafts replaced by the file's (「取り込む」 chosen).
    pub replaced: usize,
    /// Drafts kept against the file's (「自分の下書きを残す」 chosen).
    pub kept: usize,
    /// Changes equal to the draft already here.
    pub unchanged: usize,
}

/// Reads an exported JSON file and compares it with `dataset` and `existing`.
///
/// Changes nothing: the user reviews the [`ImportPreview`], decides the
/// conflicts, then calls [`apply_import`]. Never panics, whatever `json`
/// holds. A leading BOM is ignored. Unknown extra fields are ignored;
/// `title` and `field_label` are informational and not checked; `published`
/// is optional (used for [`ImportChange::published_differs`]).
pub fn import(
    json: &str,
    dataset: &Dataset,
    existing: &Drafts,
) -> Result<ImportPreview, ImportError> {
    if json.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge(json.len()));
    }
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    // serde_json's recursion limit keeps deeply nested input from overflowing the stack.
    let root: Value =
        serde_json::from_str(json).map_err(|e| ImportError::NotJson(e.to_string()))?;
    let Value::Object(root) = root else {
        return Err(ImportError::NotDraftsFile);
    };
    check_strings(&root)?;
    if root.get("format").and_then(Value::as_str) != Some(EXPORT_FORMAT) {
        return Err(ImportError::NotDraftsFile);
    }
    let version = match root.get("format_version") {
        None => return Err(ImportError::UnknownFormatVersion("なし".into())),
        Some(v) => v
            .as_u64()
            .ok_or_else(|| ImportError::UnknownFormatVersion(v.to_string()))?,
    };
    if version > EXPORT_FORMAT_VERSION {
        return Err(ImportError::NewerFormat(version));
    }
    if version == 0 {
        return Err(ImportError::UnknownFormatVersion(version.to_string()));
    }
    let shape = |at: ShapeAt, expected: Expected| ImportError::BadShape { at, expected };
    let file_dataset_version = root
        .get("dataset_version")
        .and_then(Value::as_str)
        .ok_or_else(|| shape(ShapeAt::Key("dataset_version"), Expected::Text))?;
    let list = root
        .get("changes")
        .and_then(Value::as_array)
        .ok_or_else(|| shape(ShapeAt::Key("changes"), Expected::ChangeList))?;
    if list.len() > MAX_IMPORT_CHANGES {
        return Err(ImportError::TooManyChanges(list.len()));
    }

    let edition = match root.get("edition") {
        None => None,
        Some(v) => Some(
            v.as_str()
                .ok_or_else(|| shape(ShapeAt::Key("edition"), Expected::Text))?,
        ),
    };
    check_edition(edition, dataset)?;
    let section = match root.get("section") {
        None => None,
        Some(v) => Some(
            v.as_str()
                .filter(|s| !s.trim().is_empty())
                .ok_or_else(|| shape(ShapeAt::Key("section"), Expected::Text))?
                .trim()
                .to_string(),
        ),
    };
    let reporting_year = match root.get("reporting_year") {
        None => None,
        Some(v) => Some(
            v.as_u64()
                .and_then(|y| u8::try_from(y).ok())
                .filter(|y| (FIRST_YEAR..=LAST_YEAR).contains(y))
                .ok_or_else(|| shape(ShapeAt::Key("reporting_year"), Expected::Year))?,
        ),
    };

    let mut found = Collector::new(dataset, existing);
    for (i, entry) in list.iter().enumerate() {
        let index = i + 1;
        let at = |name: &'static str| ShapeAt::ChangeKey(index, name);
        let change = entry
            .as_object()
            .ok_or_else(|| shape(ShapeAt::Change(index), Expected::Change))?;
        let item_no = change
            .get("item")
            .and_then(Value::as_u64)
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| shape(at("item"), Expected::ItemNumber))?;
        let field = change
            .get("field")
            .and_then(Value::as_str)
            .ok_or_else(|| shape(at("field"), Expected::FieldName))?;
        let target = found.target(Entry::Change(index), item_no, field)?;
        let draft = change
            .get("draft")
            .ok_or_else(|| shape(at("draft"), Expected::DraftValue))?;
        let incoming = FieldValue::from_json(target.path, draft);
        let edited_at = change
            .get("edited_at")
            .and_then(Value::as_u64)
            .ok_or_else(|| shape(at("edited_at"), Expected::EditedAt))?;
        let theirs = match change.get("published") {
            None => None,
            Some(theirs) => Some(
                FieldValue::from_json(target.path, theirs)
                    .map_err(|_| shape(at("published"), Expected::Value(target.path.kind())))?,
            ),
        };
        found.add(target, incoming, theirs, edited_at)?;
    }
    Ok(found.finish(file_dataset_version, section, reporting_year))
}

/// Refuses a file with a string longer than a cell may be
/// ([`super::MAX_CELL_CHARS`]), naming the change that holds it.
fn check_strings(root: &serde_json::Map<String, Value>) -> Result<(), ImportError> {
    // Characters are counted only up to the limit: the length in bytes bounds them.
    fn long(text: &str) -> bool {
        text.len() > MAX_CELL_CHARS && text.chars().nth(MAX_CELL_CHARS).is_some()
    }
    fn too_long(value: &Value) -> bool {
        match value {
            Value::String(text) => long(text),
            Value::Array(list) => list.iter().any(too_long),
            Value::Object(map) => map.iter().any(|(key, v)| long(key) || too_long(v)),
            _ => false,
        }
    }
    for (key, value) in root {
        match value.as_array().filter(|_| key == "changes") {
            Some(changes) => {
                if let Some(index) = changes.iter().position(too_long) {
                    return Err(ImportError::CellTooLong {
                        at: Some(Entry::Change(index + 1)),
                    });
                }
            }
            None if too_long(value) || long(key) => {
                return Err(ImportError::CellTooLong { at: None });
            }
            None => {}
        }
    }
    Ok(())
}

/// Refuses a file written for another edition; a file that does not say
/// (exports before editions were recorded) passes.
pub(crate) fn check_edition(file: Option<&str>, dataset: &Dataset) -> Result<(), ImportError> {
    match file {
        Some(edition) if edition.trim() != dataset.meta.status_as_of => {
            Err(ImportError::OtherEdition {
                file: edition.trim().to_string(),
                here: dataset.meta.status_as_of.clone(),
            })
        }
        _ => Ok(()),
    }
}

/// The field a change is for, checked against the dataset.
pub(crate) struct Target {
    entry: Entry,
    item: u32,
    path: FieldPath,
    published: FieldValue,
}

impl Target {
    /// The field.
    pub(crate) fn path(&self) -> FieldPath {
        self.path
    }
}

/// Gathers a file's changes, whatever its format, into an [`ImportPreview`]:
/// the checks every format shares (known item and field, no field twice, a
/// valid value) and the comparison with this device.
pub(crate) struct Collector<'a> {
    dataset: &'a Dataset,
    existing: &'a Drafts,
    seen: BTreeSet<(u32, FieldPath)>,
    changes: Vec<ImportChange>,
    already_published: usize,
}

impl<'a> Collector<'a> {
    pub(crate) fn new(dataset: &'a Dataset, existing: &'a Drafts) -> Collector<'a> {
        Collector {
            dataset,
            existing,
            seen: BTreeSet::new(),
            changes: Vec::new(),
            already_published: 0,
        }
    }

    /// The item's field named `field`, if the item exists, the field is
    /// editable and the item has it, and no earlier change was for it.
    pub(crate) fn target(
        &mut self,
        index: Entry,
        item_no: u32,
        field: &str,
    ) -> Result<Target, ImportError> {
        let item = self.dataset.item(item_no).ok_or(ImportError::UnknownItem {
            index,
            item: item_no,
        })?;
        let unknown_field = |reason| ImportError::UnknownField {
            index,
            item: item_no,
            field: field.to_string(),
            reason,
        };
        let path: FieldPath = field.trim().parse().map_err(unknown_field)?;
        let published =
            published(item, path).ok_or_else(|| unknown_field(FieldPathError::NotInItem))?;
        if !self.seen.insert((item_no, path)) {
            return Err(ImportError::Duplicate {
                index,
                item: item_no,
                path,
            });
        }
        Ok(Target {
            entry: index,
            item: item_no,
            path,
            published,
        })
    }

    /// Adds the file's value for `target`: skipped when it equals the value
    /// published here, otherwise compared with this device's draft.
    /// `theirs` is the value the file says was published, if it says.
    pub(crate) fn add(
        &mut self,
        target: Target,
        incoming: Result<FieldValue, DraftError>,
        theirs: Option<FieldValue>,
        edited_at: u64,
    ) -> Result<(), ImportError> {
        let Target {
            entry: index,
            item,
            path,
            published: published_here,
        } = target;
        let incoming = incoming
            .and_then(|value| normalize(path, value))
            .map_err(|error| ImportError::InvalidValue {
                index,
                item,
                path,
                error,
            })?;
        let published_differs = theirs.is_some_and(|theirs| {
            !(theirs == published_here
                || normalize(path, theirs).ok() == normalize(path, published_here.clone()).ok())
        });
        if same_as(path, &incoming, &published_here) {
            self.already_published += 1;
            return Ok(());
        }
        if self.seen.len() > MAX_IMPORT_CHANGES {
            return Err(ImportError::TooManyChanges(self.seen.len()));
        }
        let current_draft = self.existing.get(item, path).map(|f| f.value.clone());
        let conflict = current_draft.as_ref().is_some_and(|mine| *mine != incoming);
        self.changes.push(ImportChange {
            item,
            path,
            incoming,
            edited_at,
            current_draft,
            published: published_here,
            published_differs,
            conflict,
        });
        Ok(())
    }

    /// The preview, changes by item then field.
    pub(crate) fn finish(
        mut self,
        file_dataset_version: &str,
        section: Option<String>,
        reporting_year: Option<u8>,
    ) -> ImportPreview {
        self.changes.sort_by_key(|c| (c.item, c.path));
        ImportPreview {
            changes: self.changes,
            already_published: self.already_published,
            file_dataset_version: file_dataset_version.to_string(),
            dataset_version: self.dataset.meta.version.clone(),
            dataset_version_differs: file_dataset_version != self.dataset.meta.version,
            section,
            reporting_year,
        }
    }
}

/// Applies a reviewed import to `existing`.
///
/// A field with no draft here gets the file's value (with its `edited_at`
/// and the published value as base). A field whose draft here differs from
/// the file's needs a [`Choice`] in `choices`; if any such field (judged
/// against `existing` as it is now, which may have changed since the
/// preview) is undecided, nothing is changed and the undecided fields are
/// returned.
pub fn apply_import(
    existing: &mut Drafts,
    preview: &ImportPreview,
    choices: &ImportChoices,
) -> Result<ImportSummary, UnresolvedConflicts> {
    let differs = |c: &ImportChange| {
        existing
            .get(c.item, c.path)
            .is_some_and(|mine| mine.value != c.incoming)
    };
    let unresolved: Vec<(u32, FieldPath)> = preview
        .changes
        .iter()
        .filter(|c| differs(c) && choices.get(c.item, c.path).is_none())
        .map(|c| (c.item, c.path))
        .collect();
    if !unresolved.is_empty() {
        return Err(UnresolvedConflicts(unresolved));
    }

    let mut summary = ImportSummary::default();
    for change in &preview.changes {
        let fields = existing.items.entry(change.item).or_default();
        match fields.get_mut(&change.path) {
            None => {
                fields.insert(
                    change.path,
                    DraftField {
                        base: change.published.clone(),
                        value: change.incoming.clone(),
                        edited_at: change.edited_at,
                    },
                );
                summary.added += 1;
            }
            Some(mine) if mine.value == change.incoming => summary.unchanged += 1,
            Some(mine) => match choices.get(change.item, change.path) {
                Some(Choice::TakeTheirs) => {
                    mine.value = change.incoming.clone();
                    mine.edited_at = change.edited_at;
                    summary.replaced += 1;
                }
                _ => summary.kept += 1,
            },
        }
    }
    if summary.added + summary.replaced > 0 {
        existing.dataset_version = preview.dataset_version.clone();
    }
    Ok(summary)
}
