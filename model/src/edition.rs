//! Editions: each year's compiled dataset is a new edition of the same
//! programme. This module is the one place that decides which edition is
//! current and which came before it ([`Editions`]), what changed between
//! two editions, field by field ([`EditionChanges`], for the item pages'
//! marks, the compilation's marks and changelog, and a page or feed of
//! updates), and how an edition is named ([`EditionLabel`]). The build
//! (`build.rs`), `cargo xtask` and the app all ask it.
//!
//! A new edition is checked against the one before it ([`check_next`]: same
//! items and structure, a later date, a newer version, no result for a year
//! it does not reach).

use std::fmt;

use serde_json::{json, Value};

use crate::drafts::{published, FieldPath, FieldValue};
use crate::{Dataset, Meta};

/// The Western fiscal year that starts in April of 令和 `year` (令和3年度 is 2021).
pub fn western_year(year: u8) -> u16 {
    2018 + u16::from(year)
}

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

/// An edition, named by the fiscal year-end its results run to
/// (「令和4年度末」: the results of 令和3 and 4年度). Ordered by that year.
///
/// It carries numbers, not sentences: the language tables word it, e.g.
/// 「令和4年度末」 and "end of FY2022 (Reiwa 4)".
///
/// # Examples
/// ```
/// use model::edition::EditionLabel;
/// let label = EditionLabel::from_status("令和4年度末").unwrap();
/// assert_eq!(label.reiwa_year(), 4);
/// assert_eq!(label.fiscal_year(), 2022);
/// assert_eq!(label.last_reported_year(), 4);
/// assert_eq!(label.year_end(), (2023, 3, 31));
/// assert_eq!(
///     format!("end of FY{} (Reiwa {})", label.fiscal_year(), label.reiwa_year()),
///     "end of FY2022 (Reiwa 4)"
/// );
/// assert_eq!(EditionLabel::from_status("未定"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EditionLabel {
    reiwa: u8,
}

impl EditionLabel {
    /// The label of a dataset's edition, from its metadata
    /// (`meta.status_as_of`); `None` when that names no year.
    pub fn of(meta: &Meta) -> Option<EditionLabel> {
        EditionLabel::from_status(&meta.status_as_of)
    }

    /// The label of a `status_as_of` as the data writes it (「令和5年度末」).
    pub fn from_status(status_as_of: &str) -> Option<EditionLabel> {
        reported_year(status_as_of)
            .filter(|year| *year > 0)
            .map(|reiwa| EditionLabel { reiwa })
    }

    /// The 令和 year whose end the edition reports (4 for 令和4年度末).
    pub fn reiwa_year(self) -> u8 {
        self.reiwa
    }

    /// The last year whose results the edition reports (令和, as
    /// [`crate::Year::year`]): the year it ends with.
    pub fn last_reported_year(self) -> u8 {
        self.reiwa
    }

    /// The Western fiscal year of [`EditionLabel::reiwa_year`] (2022 for 令和4年度,
    /// which runs from April 2022 to March 2023).
    pub fn fiscal_year(self) -> u16 {
        western_year(self.reiwa)
    }

    /// The last day of that fiscal year: (year, month, day), 31 March.
    pub fn year_end(self) -> (u16, u8, u8) {
        (self.fiscal_year() + 1, 3, 31)
    }
}

/// The date an edition was published, where its metadata says
/// (`meta.edition_published`, 「令和6年5月10日」): (year, month, day).
///
/// # Examples
/// ```
/// # let mut meta = model::Dataset::from_json(include_str!("../../data/action-program.json")).unwrap().meta;
/// use model::edition::published_on;
/// meta.edition_published = Some("令和6年5月10日".into());
/// assert_eq!(published_on(&meta), Some((2024, 5, 10)));
/// meta.edition_published = Some("令和元年5月1日".into());
/// assert_eq!(published_on(&meta), Some((2019, 5, 1)));
/// meta.edition_published = None;
/// assert_eq!(published_on(&meta), None);
/// ```
pub fn published_on(meta: &Meta) -> Option<(u16, u8, u8)> {
    let text = meta.edition_published.as_deref()?.trim();
    let rest = text.strip_prefix("令和")?;
    let (year, rest) = rest.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let day = rest.strip_suffix('日')?;
    let year: u16 = if year == "元" { 1 } else { year.parse().ok()? };
    let (month, day): (u8, u8) = (month.parse().ok()?, day.parse().ok()?);
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some((2018 + year, month, day))
}

/// Why a set of datasets is not a sequence of editions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditionsError {
    /// No dataset at all.
    None,
    /// A dataset whose `status_as_of` names no year (as written).
    NoYear(String),
    /// Two datasets report to the same year (its `status_as_of`): which is
    /// current could not be told.
    SameYear(String),
}

impl fmt::Display for EditionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditionsError::None => write!(f, "there is no edition"),
            EditionsError::NoYear(status) => {
                write!(f, "an edition's status_as_of ({status}) names no year")
            }
            EditionsError::SameYear(status) => write!(
                f,
                "two editions report to {status}: keep one (cargo xtask edition add refuses the second)"
            ),
        }
    }
}

impl std::error::Error for EditionsError {}

/// One edition: its dataset, its label, and where it came from (a file's
/// path for the build, nothing for a test).
#[derive(Debug, Clone, PartialEq)]
pub struct Edition<O = ()> {
    /// Where it was read from.
    pub origin: O,
    /// Its label, from its metadata.
    pub label: EditionLabel,
    /// The dataset.
    pub dataset: Dataset,
}

/// Every edition of the programme, earliest first: the first extracted from
/// the source document, each later one compiled from the sections' reports.
/// The current edition (the one citizens see) is the one that reports
/// furthest; the previous one is the edition before it.
#[derive(Debug, Clone, PartialEq)]
pub struct Editions<O = ()> {
    list: Vec<Edition<O>>,
}

impl<O> Editions<O> {
    /// The editions in the order they report, from datasets in any order,
    /// each with its origin. Refused when there is none, when one names no
    /// year, and when two report to the same year.
    pub fn new(
        found: impl IntoIterator<Item = (O, Dataset)>,
    ) -> Result<Editions<O>, EditionsError> {
        let mut list = found
            .into_iter()
            .map(|(origin, dataset)| {
                let label = EditionLabel::of(&dataset.meta)
                    .ok_or_else(|| EditionsError::NoYear(dataset.meta.status_as_of.clone()))?;
                Ok(Edition {
                    origin,
                    label,
                    dataset,
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        list.sort_by_key(|edition| edition.label);
        if let Some(pair) = list.windows(2).find(|pair| pair[0].label == pair[1].label) {
            return Err(EditionsError::SameYear(
                pair[1].dataset.meta.status_as_of.clone(),
            ));
        }
        if list.is_empty() {
            return Err(EditionsError::None);
        }
        Ok(Editions { list })
    }

    /// The edition citizens see: the one that reports furthest.
    pub fn current(&self) -> &Edition<O> {
        self.list
            .last()
            .expect("Editions::new refuses an empty list")
    }

    /// The edition before the current one, if there is one.
    pub fn previous(&self) -> Option<&Edition<O>> {
        self.list.len().checked_sub(2).map(|at| &self.list[at])
    }

    /// Every edition, earliest first.
    pub fn all(&self) -> &[Edition<O>] {
        &self.list
    }

    /// What the current edition changed since the previous one (nothing,
    /// and [`EditionChanges::is_first`], when it is the first).
    pub fn changes(&self) -> EditionChanges {
        match self.previous() {
            Some(previous) => EditionChanges::between(&previous.dataset, &self.current().dataset),
            None => EditionChanges::first(),
        }
    }

    /// Each edition, earliest first, with what it changed since the one
    /// before it (the first: nothing, as the first).
    pub fn history(&self) -> Vec<(&Edition<O>, EditionChanges)> {
        self.list
            .iter()
            .enumerate()
            .map(|(at, edition)| {
                let changes = match at.checked_sub(1) {
                    Some(before) => {
                        EditionChanges::between(&self.list[before].dataset, &edition.dataset)
                    }
                    None => EditionChanges::first(),
                };
                (edition, changes)
            })
            .collect()
    }
}

/// One field that differs between two editions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// The item.
    pub item: u32,
    /// The field.
    pub path: FieldPath,
    /// Its value in the earlier edition.
    pub before: FieldValue,
    /// Its value in the later edition.
    pub after: FieldValue,
}

impl FieldChange {
    /// Whether the field was empty before: a new entry (above all a year's
    /// first result, 「新規」) rather than a revision (「更新」).
    pub fn is_new(&self) -> bool {
        self.before.entries().is_empty()
    }
}

/// Every editable field of `next` that differs from `previous`, by item then
/// field in the order an item page shows them (items matched by number; an
/// item only one of them has is skipped).
pub fn changes(previous: &Dataset, next: &Dataset) -> Vec<FieldChange> {
    let mut found = Vec::new();
    for new in &next.items {
        let Some(old) = previous.item(new.no) else {
            continue;
        };
        for path in FieldPath::all_for(new) {
            let (Some(before), Some(after)) = (published(old, path), published(new, path)) else {
                continue;
            };
            if before != after {
                found.push(FieldChange {
                    item: new.no,
                    path,
                    before,
                    after,
                });
            }
        }
    }
    found
}

/// What one edition changed since the one before it: the earlier edition's
/// name and every changed field with its values before and after. The build
/// embeds the current edition's ([`EditionChanges::to_json`]); the item
/// pages mark the fields, the compilation marks its next edition with the
/// same list, and a page or feed of updates lists it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EditionChanges {
    /// The previous edition's `status_as_of` (「令和4年度末」); `None` for the
    /// first edition.
    pub previous: Option<String>,
    fields: Vec<FieldChange>,
}

impl EditionChanges {
    /// What `next` changed since `previous`.
    pub fn between(previous: &Dataset, next: &Dataset) -> EditionChanges {
        EditionChanges {
            previous: Some(previous.meta.status_as_of.clone()),
            fields: changes(previous, next),
        }
    }

    /// The first edition: nothing before it.
    pub fn first() -> EditionChanges {
        EditionChanges::default()
    }

    /// Whether this is the first edition (no previous one to compare with).
    pub fn is_first(&self) -> bool {
        self.previous.is_none()
    }

    /// The previous edition's label.
    pub fn previous_label(&self) -> Option<EditionLabel> {
        self.previous.as_deref().and_then(EditionLabel::from_status)
    }

    /// Every changed field, by item then field.
    pub fn fields(&self) -> &[FieldChange] {
        &self.fields
    }

    /// The items with a changed field, in order.
    pub fn items(&self) -> Vec<u32> {
        self.by_item().into_iter().map(|(no, _)| no).collect()
    }

    /// The changed fields grouped by item, items in order: (item, its
    /// changed fields in display order).
    pub fn by_item(&self) -> Vec<(u32, &[FieldChange])> {
        self.fields
            .chunk_by(|a, b| a.item == b.item)
            .map(|fields| (fields[0].item, fields))
            .collect()
    }

    /// The item's changed fields in display order, each with whether it was
    /// empty before (a new result rather than a revised one).
    pub fn of_item(&self, no: u32) -> Vec<(FieldPath, bool)> {
        self.fields
            .iter()
            .filter(|f| f.item == no)
            .map(|f| (f.path, f.is_new()))
            .collect()
    }

    /// The form the build embeds: `{"previous": "令和4年度末", "fields":
    /// [[item, "years.5.result", before, after], …]}`, values as in a drafts
    /// export.
    pub fn to_json(&self) -> String {
        let fields: Vec<Value> = self
            .fields
            .iter()
            .map(|f| json!([f.item, f.path.to_string(), f.before, f.after]))
            .collect();
        json!({ "previous": self.previous, "fields": fields }).to_string()
    }

    /// Reads [`EditionChanges::to_json`]'s form; anything unreadable is no
    /// change (the marks are a help, never worth a failed start).
    ///
    /// # Examples
    /// ```
    /// use model::drafts::FieldPath;
    /// use model::edition::EditionChanges;
    /// let changes = EditionChanges::from_json(
    ///     r#"{"previous":"令和4年度末","fields":[[1,"title","旧","新"],[1,"years.5.result",null,["120手続"]]]}"#,
    /// );
    /// assert_eq!(changes.previous.as_deref(), Some("令和4年度末"));
    /// assert_eq!(
    ///     changes.of_item(1),
    ///     vec![(FieldPath::Title, false), (FieldPath::Result(5), true)]
    /// );
    /// assert!(changes.of_item(2).is_empty());
    /// assert_eq!(EditionChanges::from_json(&changes.to_json()), changes);
    /// ```
    pub fn from_json(text: &str) -> EditionChanges {
        let Ok(value) = serde_json::from_str::<Value>(text) else {
            return EditionChanges::default();
        };
        let fields = value["fields"]
            .as_array()
            .map(|list| {
                list.iter()
                    .filter_map(|entry| {
                        let item = u32::try_from(entry[0].as_u64()?).ok()?;
                        let path: FieldPath = entry[1].as_str()?.parse().ok()?;
                        Some(FieldChange {
                            item,
                            path,
                            before: FieldValue::from_json(path, &entry[2]).ok()?,
                            after: FieldValue::from_json(path, &entry[3]).ok()?,
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        EditionChanges {
            previous: value["previous"].as_str().map(str::to_string),
            fields,
        }
    }
}
