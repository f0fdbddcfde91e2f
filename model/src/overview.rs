//! Figures for the overview page (「概要」) and the indicator charts: item
//! counts by pillar, category, bureau, section, SDG goal and reported year,
//! bar geometry, and the sortable table of indicators.
//!
//! Everything here is computed from the dataset itself, not from the counts
//! the table of contents prints, so a chart and the filtered list it links to
//! always agree.

use crate::indicators::{latest_status, Indicators, Status};
use crate::{Dataset, Item, SdgBasis, SdgCell};

/// How many items share one value of a property.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    /// The value as the list's filter takes it: "1", "1-ア", a bureau or
    /// section name.
    pub value: String,
    /// What to show: 「(1) 将来を…」, 「ア ICTの活用…」, a name.
    pub label: String,
    /// Number of items.
    pub count: usize,
    /// 0 for a pillar (or a flat list), 1 for a category.
    pub depth: u8,
}

/// Items per pillar, each pillar followed by its categories, in the
/// document's order. Values are those of the category facet.
///
/// # Examples
///
/// ```
/// use model::{overview::category_counts, Dataset};
/// let dataset = Dataset::from_json(include_str!("../../data/action-program.json")).unwrap();
/// let counts = category_counts(&dataset);
/// assert_eq!((counts[0].value.as_str(), counts[0].count), ("1", 20));
/// assert_eq!((counts[1].value.as_str(), counts[1].count, counts[1].depth), ("1-ア", 5, 1));
/// ```
pub fn category_counts(dataset: &Dataset) -> Vec<Count> {
    let mut counts = Vec::new();
    for pillar in &dataset.pillars {
        let in_pillar = |item: &&Item| item.pillar.code == pillar.code;
        counts.push(Count {
            value: pillar.code.clone(),
            label: pillar.heading(),
            count: dataset.items.iter().filter(in_pillar).count(),
            depth: 0,
        });
        for category in &pillar.categories {
            counts.push(Count {
                value: format!("{}-{}", pillar.code, category.code),
                label: category.heading(),
                count: dataset
                    .items
                    .iter()
                    .filter(in_pillar)
                    .filter(|item| item.category.code == category.code)
                    .count(),
                depth: 1,
            });
        }
    }
    counts
}

/// Items per name (an item naming a value twice counts once), most items
/// first, then by name: the order of the list's facet panel.
fn name_counts<'a>(items: &'a [Item], names: impl Fn(&'a Item) -> &'a [String]) -> Vec<Count> {
    let mut counts: Vec<Count> = Vec::new();
    for item in items {
        let names = names(item);
        // A linear check rather than a set: lists are a few names long, and
        // each set type would add its own sorting code to the wasm.
        let unique = names
            .iter()
            .enumerate()
            .filter(|(k, name)| !names[..*k].contains(name))
            .map(|(_, name)| name);
        for name in unique {
            match counts.iter_mut().find(|c| &c.value == name) {
                Some(count) => count.count += 1,
                None => counts.push(Count {
                    value: name.clone(),
                    label: name.clone(),
                    count: 1,
                    depth: 0,
                }),
            }
        }
    }
    counts.sort_unstable_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    counts
}

/// Items per bureau in charge (担当部局), most first.
pub fn bureau_counts(dataset: &Dataset) -> Vec<Count> {
    name_counts(&dataset.items, |item| &item.bureaus)
}

/// Items per section in charge (担当課所), most first.
pub fn section_counts(dataset: &Dataset) -> Vec<Count> {
    name_counts(&dataset.items, |item| &item.sections)
}

/// The programme in a few numbers (the overview's key figures).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyFigures {
    pub items: usize,
    pub pillars: usize,
    pub categories: usize,
    pub bureaus: usize,
    pub sections: usize,
    /// Measurable indicators read from the results.
    pub indicators: usize,
    /// Effect amounts (効果額) reported in the results.
    pub effects: usize,
}

/// The key figures of `dataset` and its `indicators`.
///
/// # Examples
/// ```
/// let dataset = model::Dataset::from_json(include_str!("../../data/action-program.json")).unwrap();
/// let indicators = model::indicators::parse(include_str!("../../data/indicators.json")).unwrap();
/// let figures = model::overview::key_figures(&dataset, &indicators);
/// assert_eq!((figures.items, figures.pillars, figures.categories), (61, 3, 13));
/// ```
pub fn key_figures(dataset: &Dataset, indicators: &Indicators) -> KeyFigures {
    KeyFigures {
        items: dataset.items.len(),
        pillars: dataset.pillars.len(),
        categories: dataset.pillars.iter().map(|p| p.categories.len()).sum(),
        bureaus: bureau_counts(dataset).len(),
        sections: section_counts(dataset).len(),
        indicators: indicators.indicators.len(),
        effects: indicators.effects.len(),
    }
}

/// Items per SDG goal, split by how the goal is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SdgCount {
    /// 1..=17.
    pub goal: u8,
    /// Items whose document names the goal.
    pub document: usize,
    /// Items for which the goal was estimated.
    pub estimated: usize,
}

impl SdgCount {
    /// All items with the goal.
    pub fn total(&self) -> usize {
        self.document + self.estimated
    }
}

/// Items per SDG goal, for all 17 goals in order (goals no item has are
/// listed with 0).
pub fn sdg_counts(dataset: &Dataset) -> Vec<SdgCount> {
    (1..=17u8)
        .map(|goal| {
            let with_goal = dataset
                .items
                .iter()
                .filter(|item| item.sdgs.goals.contains(&goal));
            let (document, estimated) =
                with_goal.fold((0, 0), |(d, e), item| match item.sdgs.basis {
                    SdgBasis::Document => (d + 1, e),
                    SdgBasis::Estimated => (d, e + 1),
                });
            SdgCount {
                goal,
                document,
                estimated,
            }
        })
        .collect()
}

/// How many items' SDG cells hold what: goal names, the blanks of lost
/// icons, or nothing at all. Notes that explain the estimates name each case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SdgCellCounts {
    pub named: usize,
    pub icons: usize,
    pub empty: usize,
}

/// Counts the items' SDG cells by kind.
pub fn sdg_cell_counts(items: &[Item]) -> SdgCellCounts {
    let count = |cell: SdgCell| items.iter().filter(|item| item.sdgs.cell == cell).count();
    SdgCellCounts {
        named: count(SdgCell::Named),
        icons: count(SdgCell::Icons),
        empty: count(SdgCell::Empty),
    }
}

/// How many items report a result for one 令和 year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearCount {
    /// 令和 year.
    pub year: u8,
    /// Items with a result for the year.
    pub count: usize,
}

/// Items with a reported result, for every year of the programme (令和3〜7),
/// including the years nothing has been reported for yet (count 0).
pub fn results_by_year(dataset: &Dataset) -> Vec<YearCount> {
    let mut years: Vec<u8> = dataset
        .items
        .iter()
        .flat_map(|item| item.years.iter().map(|y| y.year))
        .collect();
    years.sort_unstable();
    years.dedup();
    years
        .into_iter()
        .map(|year| YearCount {
            year,
            count: dataset
                .items
                .iter()
                .filter(|item| {
                    item.years
                        .iter()
                        .any(|y| y.year == year && y.result.is_some())
                })
                .count(),
        })
        .collect()
}

/// The length of a bar for `value` when `max` fills the chart, in percent
/// (0..=100; 0 when `max` is not positive).
///
/// # Examples
///
/// ```
/// use model::overview::bar_percent;
/// assert_eq!(bar_percent(15.0, 30.0), 50.0);
/// assert_eq!(bar_percent(3.0, 0.0), 0.0);
/// ```
pub fn bar_percent(value: f64, max: f64) -> f64 {
    if max > 0.0 && value.is_finite() {
        (value / max * 100.0).clamp(0.0, 100.0)
    } else {
        0.0
    }
}

/// A linear scale from values to percent of a chart's width that always
/// includes 0, so bars start at a visible zero line (values may be
/// negative: a decrease printed as 「約5.3%減」 is −5.3).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    /// The value at 0 %.
    pub min: f64,
    /// The value at 100 %.
    pub max: f64,
}

impl Scale {
    /// The smallest scale showing 0 and every finite value. Without any
    /// value (or only zeros) it spans 0..1.
    ///
    /// # Examples
    ///
    /// ```
    /// use model::overview::Scale;
    /// let scale = Scale::including_zero([15.0, -5.0, 5.0]);
    /// assert_eq!((scale.min, scale.max), (-5.0, 15.0));
    /// assert_eq!(scale.percent(0.0), 25.0);
    /// assert_eq!(scale.bar(-5.0), (0.0, 25.0));
    /// ```
    pub fn including_zero(values: impl IntoIterator<Item = f64>) -> Scale {
        let (min, max) = values
            .into_iter()
            .filter(|v| v.is_finite())
            .fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
        if max - min > 0.0 {
            Scale { min, max }
        } else {
            Scale {
                min,
                max: min + 1.0,
            }
        }
    }

    /// Where `value` lies, in percent of the width (clamped to 0..=100).
    pub fn percent(&self, value: f64) -> f64 {
        let span = self.max - self.min;
        if span > 0.0 && value.is_finite() {
            ((value - self.min) / span * 100.0).clamp(0.0, 100.0)
        } else {
            0.0
        }
    }

    /// The bar from 0 to `value`: (start, width) in percent.
    pub fn bar(&self, value: f64) -> (f64, f64) {
        let (zero, end) = (self.percent(0.0), self.percent(value));
        (zero.min(end), (end - zero).abs())
    }
}

/// One row of the indicator table: an indicator and its latest status.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorRow {
    /// Position of the indicator in [`Indicators::indicators`].
    pub index: usize,
    /// The item number.
    pub item: u32,
    /// The indicator's name.
    pub name: String,
    /// The 令和 year the status is for (the latest with a result).
    pub year: u8,
    /// The latest status.
    pub status: Status,
}

/// The rows of the indicator table, in data order (by item).
pub fn indicator_rows(indicators: &Indicators) -> Vec<IndicatorRow> {
    indicators
        .indicators
        .iter()
        .enumerate()
        .map(|(index, indicator)| {
            let (year, status) = latest_status(indicator, indicators.reported_year());
            IndicatorRow {
                index,
                item: indicator.item,
                name: indicator.name.clone(),
                year,
                status,
            }
        })
        .collect()
}

/// Where a status sorts: judged results first (達成, 未達成), then those that
/// could not be judged (比較できない, 実績なし, 数値目標なし).
pub fn status_rank(status: &Status) -> u8 {
    match status {
        Status::Met => 0,
        Status::NotMet => 1,
        Status::NotComparable(_) => 2,
        Status::NoResult => 3,
        Status::NoTarget => 4,
    }
}

/// The column the indicator table is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    /// Item number.
    Item,
    /// Indicator name.
    Name,
    /// Latest status ([`status_rank`]).
    Status,
}

/// Sort direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortOrder {
    /// Smallest first.
    Ascending,
    /// Largest first.
    Descending,
}

impl SortOrder {
    /// The other direction.
    pub fn flipped(self) -> SortOrder {
        match self {
            SortOrder::Ascending => SortOrder::Descending,
            SortOrder::Descending => SortOrder::Ascending,
        }
    }

    /// The `aria-sort` value of a header sorted this way.
    pub fn aria(self) -> &'static str {
        match self {
            SortOrder::Ascending => "ascending",
            SortOrder::Descending => "descending",
        }
    }
}

/// Sorts the rows by `key` in `order`. Ties keep the data order (item
/// number, then the order within the item) whatever the direction, so
/// flipping the direction only reverses the groups, not their contents.
///
/// # Examples
///
/// ```
/// use model::indicators::parse;
/// use model::overview::{indicator_rows, sort_rows, SortKey, SortOrder};
/// let indicators = parse(include_str!("../../data/indicators.json")).unwrap();
/// let mut rows = indicator_rows(&indicators);
/// sort_rows(&mut rows, SortKey::Item, SortOrder::Descending);
/// assert_eq!(rows[0].item, 59);
/// ```
pub fn sort_rows(rows: &mut [IndicatorRow], key: SortKey, order: SortOrder) {
    rows.sort_unstable_by(|a, b| {
        let primary = match key {
            SortKey::Item => a.item.cmp(&b.item),
            SortKey::Name => a.name.cmp(&b.name),
            SortKey::Status => status_rank(&a.status).cmp(&status_rank(&b.status)),
        };
        let primary = match order {
            SortOrder::Ascending => primary,
            SortOrder::Descending => primary.reverse(),
        };
        primary.then_with(|| (a.item, a.index).cmp(&(b.item, b.index)))
    });
}

/// How many indicators are in each latest status, in [`status_rank`] order,
/// as (the first row's status, count); statuses no indicator has are left
/// out. The view words each status in the interface language.
pub fn status_summary(rows: &[IndicatorRow]) -> Vec<(&Status, usize)> {
    (0..=4u8)
        .filter_map(|rank| {
            let mut with_rank = rows.iter().filter(|r| status_rank(&r.status) == rank);
            let first = &with_rank.next()?.status;
            Some((first, 1 + with_rank.count()))
        })
        .collect()
}
