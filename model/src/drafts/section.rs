//! A section's share of the yearly report: its items, the fields it reports
//! each year, and how far its drafts have come.
//!
//! Every year each responsible section (課所) reports the year's results of
//! its items and any change to the later years' plans; the coordinating
//! section compiles the reports into the next edition.

use crate::drafts::path::FieldPath;
use crate::drafts::record::Drafts;
use crate::drafts::value::published;
use crate::drafts::{FIRST_YEAR, LAST_YEAR};
use crate::{Dataset, Item};

/// A responsible section and the numbers of its items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// As the items name it (「行政管理課」).
    pub name: String,
    /// Its items, in document order.
    pub items: Vec<u32>,
}

/// Every section named by an item, in the order the document first names
/// them (so sections of one bureau stay together), each with its items.
pub fn sections(dataset: &Dataset) -> Vec<Section> {
    let mut found: Vec<Section> = Vec::new();
    for item in &dataset.items {
        for name in &item.sections {
            match found.iter_mut().find(|s| s.name == *name) {
                Some(section) => section.items.push(item.no),
                None => found.push(Section {
                    name: name.clone(),
                    items: vec![item.no],
                }),
            }
        }
    }
    found
}

/// The items `section` is responsible for (alone or with others), in document order.
pub fn items_of<'a>(dataset: &'a Dataset, section: &str) -> Vec<&'a Item> {
    dataset
        .items
        .iter()
        .filter(|item| item.sections.iter().any(|s| s == section))
        .collect()
}

/// The sections other than `section` that share `item`.
pub fn co_sections<'a>(item: &'a Item, section: &str) -> Vec<&'a str> {
    item.sections
        .iter()
        .map(String::as_str)
        .filter(|s| *s != section)
        .collect()
}

/// The fields a section reports for `item` in the report on 令和 `year`:
/// the year's result, then the plans of the later years (which a report may
/// revise), as far as the item has those years.
pub fn reporting_fields(item: &Item, year: u8) -> Vec<FieldPath> {
    let has = |y: u8| item.years.iter().any(|entry| entry.year == y);
    let mut fields = Vec::new();
    if has(year) {
        fields.push(FieldPath::Result(year));
    }
    fields.extend(
        (year.saturating_add(1)..=LAST_YEAR)
            .filter(|y| has(*y))
            .map(FieldPath::Plan),
    );
    fields
}

/// The years a report can be on: 令和3 to 7年度.
pub fn reporting_years() -> std::ops::RangeInclusive<u8> {
    FIRST_YEAR..=LAST_YEAR
}

/// The year whose results the next edition reports: the year after the one
/// this edition's results run to (令和4年度末 → 令和5年度), within the
/// programme's years.
///
/// # Examples
/// ```
/// use model::drafts::next_reporting_year;
/// assert_eq!(next_reporting_year("令和4年度末"), 5);
/// assert_eq!(next_reporting_year("令和7年度末"), 7);
/// ```
///
/// `status_as_of` is the edition's `meta.status_as_of`.
pub fn next_reporting_year(status_as_of: &str) -> u8 {
    let digits: String = status_as_of.chars().filter(char::is_ascii_digit).collect();
    let reported = digits.parse::<u8>().unwrap_or(FIRST_YEAR - 1);
    reported.saturating_add(1).clamp(FIRST_YEAR, LAST_YEAR)
}

/// How far a section's report on a year has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Items whose result for the year is written (drafted here, or already published).
    pub done: usize,
    /// The section's items that have the year.
    pub total: usize,
}

/// The section's items that have 令和 `year`, and how many of them have a
/// result for it, drafted on this device or already published.
pub fn progress(dataset: &Dataset, drafts: &Drafts, section: &str, year: u8) -> Progress {
    let path = FieldPath::Result(year);
    let mut progress = Progress { done: 0, total: 0 };
    for item in items_of(dataset, section) {
        let Some(value) = drafts
            .get(item.no, path)
            .map(|field| field.value.clone())
            .or_else(|| published(item, path))
        else {
            continue;
        };
        progress.total += 1;
        if !value.entries().is_empty() {
            progress.done += 1;
        }
    }
    progress
}

/// The drafts of the section's items only, as the section sends them.
pub fn drafts_of(drafts: &Drafts, dataset: &Dataset, section: &str) -> Drafts {
    let mut mine = drafts.clone();
    mine.items.retain(|no, _| {
        dataset
            .item(*no)
            .is_some_and(|item| item.sections.iter().any(|s| s == section))
    });
    mine
}
