//! Editions: each year's compiled dataset is a new edition of the same
//! programme. A new edition is checked against the one before it (same
//! items and structure, a later date, a newer version, no result for a year
//! it does not reach), and what changed between the two is listed field by
//! field, for the item pages to mark.

use std::fmt;

use crate::drafts::{published, FieldPath, FieldValue};
use crate::Dataset;

/// Why a dataset cannot follow another as its next edition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditionError {
    /// Its `status_as_of` is not later than the previous edition's (both as written).
    NotLater {
        /// The new edition's.
        next: String,
        /// The previous edition's.
        previous: String,
    },
    /// Its `meta.version` is not newer (both as written).
    VersionNotNewer {
        /// The new edition's.
        next: String,
        /// The previous edition's.
        previous: String,
    },
    /// The programme itself differs (title, issuer or adoption date): a
    /// different document, not a next edition. Names the field.
    OtherProgramme(&'static str),
    /// The items are not the same numbers in the same order.
    ItemsDiffer,
    /// An item's pillar, category or years differ.
    StructureChanged(u32),
    /// A result for a year after the one the edition reports to.
    FutureResult {
        /// The item.
        item: u32,
        /// The year (令和).
        year: u8,
    },
}

impl fmt::Display for EditionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditionError::NotLater { next, previous } => write!(
                f,
                "the edition reports to {next}, which is not later than the current {previous}"
            ),
            EditionError::VersionNotNewer { next, previous } => write!(
                f,
                "its version {next} is not newer than the current {previous}"
            ),
            EditionError::OtherProgramme(field) => {
                write!(f, "meta.{field} differs: this is another programme")
            }
            EditionError::ItemsDiffer => {
                write!(f, "the items are not the same 61 in the same order")
            }
            EditionError::StructureChanged(item) => {
                write!(f, "item {item}: its pillar, category or years differ")
            }
            EditionError::FutureResult { item, year } => write!(
                f,
                "item {item}: a result for 令和{year}年度, after the year the edition reports to"
            ),
        }
    }
}

impl std::error::Error for EditionError {}

/// The 令和 year an edition's results run to (「令和5年度末」 → 5).
pub fn reported_year(status_as_of: &str) -> Option<u8> {
    let digits: String = status_as_of.chars().filter(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// `major.minor.patch` as numbers (missing parts are 0).
fn version(text: &str) -> [u64; 3] {
    let mut parts = text
        .split('.')
        .map(|p| p.trim().parse::<u64>().unwrap_or(0));
    [(); 3].map(|()| parts.next().unwrap_or(0))
}

/// The title without the edition it names (「…アクションプログラム 令和4年度末取組状況」
/// and 「…令和5年度末取組状況」 are the same programme).
fn programme_title(meta: &crate::Meta) -> String {
    meta.title.replace(&meta.status_as_of, "")
}

/// Every reason `next` cannot follow `previous` (empty when it can).
pub fn check_next(previous: &Dataset, next: &Dataset) -> Vec<EditionError> {
    let mut errors = Vec::new();
    let (before, after) = (&previous.meta, &next.meta);
    for (field, same) in [
        ("title", programme_title(before) == programme_title(after)),
        ("issuer", before.issuer == after.issuer),
        ("adopted", before.adopted == after.adopted),
    ] {
        if !same {
            errors.push(EditionError::OtherProgramme(field));
        }
    }
    let reported = reported_year(&after.status_as_of);
    if reported <= reported_year(&before.status_as_of) || reported.is_none() {
        errors.push(EditionError::NotLater {
            next: after.status_as_of.clone(),
            previous: before.status_as_of.clone(),
        });
    }
    if version(&after.version) <= version(&before.version) {
        errors.push(EditionError::VersionNotNewer {
            next: after.version.clone(),
            previous: before.version.clone(),
        });
    }
    let numbers = |d: &Dataset| d.items.iter().map(|i| i.no).collect::<Vec<_>>();
    if numbers(previous) != numbers(next) {
        errors.push(EditionError::ItemsDiffer);
        return errors;
    }
    for (old, new) in previous.items.iter().zip(&next.items) {
        let years = |i: &crate::Item| i.years.iter().map(|y| y.year).collect::<Vec<_>>();
        if old.pillar.code != new.pillar.code
            || old.category.code != new.category.code
            || years(old) != years(new)
        {
            errors.push(EditionError::StructureChanged(new.no));
        }
        for year in &new.years {
            let later = reported.is_some_and(|r| year.year > r);
            if later && year.result.as_ref().is_some_and(|r| !r.is_empty()) {
                errors.push(EditionError::FutureResult {
                    item: new.no,
                    year: year.year,
                });
            }
        }
    }
    errors
}

/// A field that differs between two editions, with its earlier value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    /// The item.
    pub item: u32,
    /// The field.
    pub path: FieldPath,
    /// Its value in the previous edition.
    pub before: FieldValue,
}

/// Every editable field of `next` that differs from `previous`, by item then
/// field (items matched by number; an item only one of them has is skipped).
pub fn changes(previous: &Dataset, next: &Dataset) -> Vec<Changed> {
    let mut found = Vec::new();
    for new in &next.items {
        let Some(old) = previous.item(new.no) else {
            continue;
        };
        for path in FieldPath::all_for(new) {
            let before = published(old, path);
            if before.is_some() && before != published(new, path) {
                found.push(Changed {
                    item: new.no,
                    path,
                    before: before.unwrap_or(FieldValue::OptionalLines(None)),
                });
            }
        }
    }
    found
}

/// What changed since the previous edition, as the build embeds it
/// (`build.rs`: `{"previous": "令和4年度末", "fields": [[item, "years.5.result", new], …]}`),
/// for item pages to mark.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EditionChanges {
    /// The previous edition (「令和4年度末」); `None` for the first edition.
    pub previous: Option<String>,
    fields: Vec<(u32, FieldPath, bool)>,
}

impl EditionChanges {
    /// Reads the build's list; anything unreadable is no change (the marks
    /// are a help, never worth a failed start).
    ///
    /// # Examples
    /// ```
    /// use model::drafts::FieldPath;
    /// use model::edition::EditionChanges;
    /// let changes = EditionChanges::from_json(
    ///     r#"{"previous":"令和4年度末","fields":[[1,"years.5.result",true],[1,"title",false]]}"#,
    /// );
    /// assert_eq!(changes.previous.as_deref(), Some("令和4年度末"));
    /// assert_eq!(
    ///     changes.of_item(1),
    ///     vec![(FieldPath::Title, false), (FieldPath::Result(5), true)]
    /// );
    /// assert!(changes.of_item(2).is_empty());
    /// ```
    pub fn from_json(text: &str) -> EditionChanges {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else {
            return EditionChanges::default();
        };
        let fields = value["fields"]
            .as_array()
            .map(|list| {
                list.iter()
                    .filter_map(|entry| {
                        let item = u32::try_from(entry[0].as_u64()?).ok()?;
                        let path = entry[1].as_str()?.parse().ok()?;
                        Some((item, path, entry[2].as_bool().unwrap_or(false)))
                    })
                    .collect()
            })
            .unwrap_or_default();
        EditionChanges {
            previous: value["previous"].as_str().map(str::to_string),
            fields,
        }
    }

    /// The item's changed fields in display order, each with whether it was
    /// empty before (a new result rather than a revised one).
    pub fn of_item(&self, no: u32) -> Vec<(FieldPath, bool)> {
        let mut found: Vec<(FieldPath, bool)> = self
            .fields
            .iter()
            .filter(|(item, _, _)| *item == no)
            .map(|(_, path, new)| (*path, *new))
            .collect();
        found.sort_unstable();
        found
    }
}
