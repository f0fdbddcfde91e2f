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

/// Every reason `next` cannot follow `previous` (empty when it can).
pub fn check_next(previous: &Dataset, next: &Dataset) -> Vec<EditionError> {
    let mut errors = Vec::new();
    let (before, after) = (&previous.meta, &next.meta);
    for (field, same) in [
        ("title", before.title == after.title),
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
