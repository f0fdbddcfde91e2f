//! Staff drafts: edits to items kept on the device, reviewed, exported and imported.
//!
//! City staff edit an item's values in the browser (above all the next year's
//! results). Each edit is a *draft field*: the value as the staff member wants
//! it, the published value it was started from, and when it was last edited.
//! The drafts live in `localStorage` under [`DRAFTS_KEY`] as a [`Drafts`]
//! record; they are exported as JSON (for submission and for import on
//! another device) and as a report sheet (workbook or CSV, for Excel), and
//! all three import back. `data/README.md`, section
//! *Draft export format*, documents both files.
//!
//! # API summary
//!
//! Addressing and values:
//! - [`FieldPath`]: one editable value of an item (`Title`, `Bureaus`,
//!   `Sections`, `Overview`, `CurrentStatus`, `Measures`, `TargetState`,
//!   `GeneralPlan`, `SmartCity`, `SdgGoals`, `Plan(year)`, `Result(year)`).
//!   Stable string form via `Display`/`FromStr` (`"title"`, `"sdgs.goals"`,
//!   `"years.5.result"`…), [`FieldPath::label_ja`] (「令和5年度の実績」),
//!   [`FieldPath::all_for`] (every path of an item, in display order),
//!   [`FieldPath::kind`].
//! - [`FieldValue`]: `Text` (title), `Lines` (lists, one entry per bullet),
//!   `Goals` (SDG numbers), `OptionalLines` (a year's result; `None` = no
//!   result). [`FieldValue::from_text`] / [`FieldValue::to_text`] convert
//!   to and from a textarea's text (one entry per line).
//! - [`published`]`(item, path)`, [`apply`]`(&mut item, path, value)`,
//!   [`normalize`]`(path, value)` (cleans and validates; [`DraftError`] has
//!   Japanese messages).
//!
//! The record:
//! - [`Drafts`] (implements [`Record`]): [`Drafts::set`]`(dataset, item_no,
//!   path, value, now) -> Result<bool, DraftError>` (normalizes; a value equal
//!   to the published one removes the draft), [`Drafts::get`], [`Drafts::fields`],
//!   [`Drafts::iter`], [`Drafts::discard_field`], [`Drafts::discard_item`],
//!   [`Drafts::rebase`], [`Drafts::count_items`], [`Drafts::count_fields`],
//!   [`Drafts::apply_to`] (the item as the drafts would make it).
//! - [`staleness`]`(drafts, dataset) -> Vec<`[`Stale`]`>`: drafts whose
//!   published value changed since they were started (they are kept;
//!   [`Stale::is_published`] tells when the change itself was adopted).
//!
//! Review:
//! - [`diff_text`] (character-level, for Japanese), [`diff_entries`] (per list
//!   entry, with a character diff inside changed entries), [`diff_values`].
//!
//! A section's yearly report:
//! - [`sections`], [`items_of`], [`co_sections`], [`reporting_fields`]`(item,
//!   year)` (the year's result and the later plans), [`next_reporting_year`],
//!   [`progress`] (「20項目中8項目入力済み」), [`drafts_of`] (a section's drafts).
//! - The report as a sheet: [`section_sheet`] / [`drafts_sheet`] rows
//!   ([`SheetRow`], columns [`SHEET_HEADERS`]; a section's rows name its
//!   section and year), [`sheet_csv`], and back: [`read_csv`] (or
//!   [`parse_csv`]) then [`import_sheet`] (columns found by header). The
//!   `workbook` feature (staff bundle only) adds `workbook::write` / `read`
//!   for `.xlsx`.
//! - A chosen file of any kind: [`read_file`] reads it as what its bytes are
//!   ([`FileKind`]: JSON, workbook or CSV in UTF-8 or Shift_JIS), within the
//!   limits below, whatever its name.
//!
//! Export and import:
//! - [`export_json`]`(drafts, dataset, now)`, [`export_section_json`],
//!   [`section_file_name`], [`export_csv`]`(drafts, dataset)`,
//!   [`csv_cell`], [`export_file_name`]`(now, "json")`, [`format_jst`].
//! - [`import`]`(json, dataset, existing) -> `[`ImportPreview`] or
//!   [`ImportError`]; then [`apply_import`]`(&mut drafts, &preview, &choices)`
//!   with an [`ImportChoices`] holding a [`Choice`] for every conflict.
//!
//! The coordinator's compilation: [`submission`] (a file's preview placed by
//! its contents, its name only where they are silent: [`NamedReport`]),
//! [`review`], [`compile`] (the next edition and its changelog, which is
//! `crate::edition::changes` of the two editions).
//!
//! Limits: every importer refuses, with a typed [`ImportError`] and without
//! panicking, a file over [`MAX_IMPORT_BYTES`], more than
//! [`MAX_IMPORT_CHANGES`] changes or [`MAX_SHEET_ROWS`] rows, text past
//! [`MAX_SHEET_COLUMNS`], a cell or string over [`MAX_CELL_CHARS`], and a
//! workbook of more than [`MAX_WORKBOOK_PARTS`] parts or
//! [`MAX_WORKBOOK_INFLATED`] bytes inflated.
//!
//! Invariant: every `value` held by [`Drafts`] has been through [`normalize`],
//! so it is valid, and it differs from the published value it was compared
//! with when it was set.

mod compile;
mod diff;
mod export;
mod file;
mod import;
mod path;
mod record;
mod section;
mod table;
mod value;
#[cfg(feature = "workbook")]
pub mod workbook;

pub use compile::{
    changelog_csv, compile, review, section_in_file_name, submission, Compiled, Conflict,
    Decisions, Foreign, LogEntry, NamedReport, Offer, Refused, Review, SectionStatus, Submission,
    Undecided, CHANGELOG_HEADERS,
};
pub use diff::{diff_entries, diff_text, diff_values, DiffKind, DiffPart, EntryDiff};
pub use export::{
    csv_cell, export_file_name, export_json, export_section_json, format_jst, reiwa_date,
    section_file_name,
};
pub use file::{read_file, FileKind};
pub use import::{
    apply_import, import, Choice, Entry, Expected, ImportChange, ImportChoices, ImportError,
    ImportPreview, ImportSummary, ShapeAt, UnresolvedConflicts,
};
pub use path::{FieldPath, FieldPathError, ValueKind};
pub use record::{count_stored_fields, staleness, DraftField, Drafts, Stale};
pub use section::{
    co_sections, drafts_of, items_of, next_reporting_year, progress, reporting_fields,
    reporting_years, sections, Progress, Section,
};
pub use table::{
    drafts_sheet, export_csv, import_sheet, parse_csv, read_csv, section_sheet, sheet_csv,
    SheetRow, CSV_HEADERS, REPORT_COLUMN, SHEET_HEADERS,
};
pub use value::{apply, normalize, published, DraftError, FieldValue};

// For the links of the docs above only.
#[cfg(doc)]
use crate::stored::{Record, DRAFTS_KEY};

/// The first 令和 year an item has (令和3年度).
pub const FIRST_YEAR: u8 = 3;
/// The last 令和 year an item has (令和7年度).
pub const LAST_YEAR: u8 = 7;
/// The most characters one draft value may hold (all entries together).
///
/// The longest published entry has under 200 characters; the cap keeps one
/// pasted document from filling `localStorage` or slowing the diff.
pub const MAX_VALUE_CHARS: usize = 20_000;
/// The largest file [`import`] reads, in bytes (2 MiB).
pub const MAX_IMPORT_BYTES: usize = 2 * 1024 * 1024;
/// The most changes one imported file may hold.
pub const MAX_IMPORT_CHANGES: usize = 10_000;
/// The most rows a report sheet (workbook or CSV) may have, its header
/// included: one per change at most. Counted as the spreadsheet numbers
/// them, blank rows too.
pub const MAX_SHEET_ROWS: usize = MAX_IMPORT_CHANGES + 1;
/// The columns of a report sheet that may hold text: the template has ten,
/// and a clerk's notes beside them are ignored, but a sheet written across
/// thousands of columns is no report.
pub const MAX_SHEET_COLUMNS: usize = 64;
/// The most characters one cell (or one string of a JSON file) may hold:
/// a draft value's limit, since a cell holds at most one value.
pub const MAX_CELL_CHARS: usize = MAX_VALUE_CHARS;
/// The most parts (zip entries) a workbook may have. Excel and LibreOffice
/// write about a dozen for a report; each part is a file to inflate.
pub const MAX_WORKBOOK_PARTS: usize = 200;
/// The most bytes a workbook's parts may inflate to, all together (16 MiB).
/// A section's report inflates to well under 1 MiB; the limit is checked on
/// the sizes the zip's directory declares before anything is inflated, and
/// inflating stops at each part's declared size.
pub const MAX_WORKBOOK_INFLATED: u64 = 16 * 1024 * 1024;
/// The `"format"` of an exported JSON file.
pub const EXPORT_FORMAT: &str = "ueda-reform-drafts";
/// The `"format_version"` [`export_json`] writes and the newest [`import`] reads.
pub const EXPORT_FORMAT_VERSION: u64 = 1;
/// The largest diff computed exactly, in cells: (length + 1) × (length + 1)
/// of the two texts (for lists, of their shared entries) once their common
/// prefix and suffix are removed. Above it the middle is shown as removed and
/// added whole.
pub const MAX_DIFF_CELLS: usize = 1_000_000;
/// The markers the source uses for "no position in the smart city plan".
pub const SMART_CITY_NONE_MARKERS: [&str; 3] = ["—", "-", "なし"];
