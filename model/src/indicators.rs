//! Numeric targets (数値目標) and reported results of the action items, and the
//! effect amounts (効果額) the source reports.
//!
//! The data is `data/indicators.json`, curated by hand from the source text
//! (`data/source/action-program-r4.txt`); `data/INDICATORS.md` explains how it
//! was read and every judgement call. Every figure carries `quote`: the exact
//! phrase of the source it was read from, so a reader can check it.
//!
//! Comparison rule ([`status`]): a result is compared only with the target
//! stated for the same 令和 year. There is no carrying forward of an earlier
//! target and no interpolation towards a later one: a target stated for
//! 令和7年度 only says nothing about 令和4年度, so such a result is
//! [`Status::NotComparable`] with [`NotComparableReason::NoTargetForYear`]. A
//! result whose date or basis differs from its target's (recorded in the data
//! as [`Comparison::NotComparable`]) is not judged either.

use serde::{Deserialize, Serialize};

/// All indicators and effect amounts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicators {
    /// The edition the figures were read from (「令和4年度末」, as its
    /// `meta.status_as_of`): they are read by hand, so a later edition's
    /// results are not among them until someone reads them too.
    pub read_from: String,
    /// Measurable targets and results, ordered by item.
    pub indicators: Vec<Indicator>,
    /// Effect amounts (効果額) reported in the results, ordered by item.
    pub effects: Vec<EffectAmount>,
}

impl Indicators {
    /// The last 令和 year whose results the figures cover: the year of the
    /// edition they were read from (4 for 令和4年度末).
    pub fn reported_year(&self) -> u8 {
        crate::edition::reported_year(&self.read_from).unwrap_or(0)
    }

    /// The indicators of item `no`, in data order.
    pub fn for_item(&self, no: u32) -> impl Iterator<Item = &Indicator> {
        self.indicators.iter().filter(move |i| i.item == no)
    }

    /// The effect amounts of item `no`, in data order.
    pub fn effects_for_item(&self, no: u32) -> impl Iterator<Item = &EffectAmount> {
        self.effects.iter().filter(move |e| e.item == no)
    }
}

/// Parses `data/indicators.json`.
pub fn parse(json: &str) -> Result<Indicators, serde_json::Error> {
    serde_json::from_str(json)
}

/// One measurable quantity of an item, with its targets and results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    /// The action item (No.), 1..=61.
    pub item: u32,
    /// What is measured (Japanese), unique within the item.
    pub name: String,
    /// Unit of `value` in the targets and results (%, 件, 円 …). Money is
    /// always in 円, whatever the printed form (「437,153千円」 is 437153000).
    pub unit: String,
    /// Which way is better.
    pub direction: Direction,
    /// The figure the source gives as これまでの実績, with its date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Figure>,
    /// Targets by 令和 year (3..=7), ascending, at most one per year.
    pub targets: Vec<YearFigure>,
    /// Results by 令和 year (3..=4), ascending, at most one per year.
    pub results: Vec<YearFigure>,
    /// Remarks about the indicator as a whole (Japanese).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Which way is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// The result should be at least the target (or above it if the target is
    /// exclusive).
    HigherIsBetter,
    /// The result should be at most the target (or below it if exclusive).
    LowerIsBetter,
    /// The result should reach or keep the target value exactly (e.g. a
    /// planned number of staff).
    Target,
}

/// A figure without a year of the programme: the baseline (これまでの実績).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The value, in the indicator's unit (or in `unit` when given).
    pub value: f64,
    /// The figure as printed (a substring of `quote`), e.g. "22.5%".
    pub display: String,
    /// The unit when it differs from the indicator's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The date or period the figure refers to, as the source says it
    /// (e.g. 令和3年3月31日時点, 令和2年度); `None` when the source gives none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    /// Remarks (Japanese).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The exact phrase of the source the figure was read from.
    pub quote: String,
}

/// A target or a result for one 令和 year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct YearFigure {
    /// 令和 year: 3..=7 for targets, 3..=4 for results.
    pub year: u8,
    /// The value, in the indicator's unit (or in `unit` when given). A
    /// decrease printed as 「約5.3%減」 is negative.
    pub value: f64,
    /// The figure as printed (a substring of `quote`), e.g. "99.53%"; for a
    /// derived figure, the derived value written like the printed ones.
    pub display: String,
    /// The unit when it differs from the indicator's (e.g. 回 reported for an
    /// indicator counted in 枚); such a figure is never comparable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// For targets: the result must strictly exceed (or, for
    /// [`Direction::LowerIsBetter`], fall below) the value, as in 「前年度比増」.
    #[serde(default, skip_serializing_if = "is_false")]
    pub exclusive: bool,
    /// For results: whether the figure can be compared with the year's target.
    /// Absent in the data means comparable.
    #[serde(default, skip_serializing_if = "Comparison::is_comparable")]
    pub comparison: Comparison,
    /// Present when the value is not printed as such but computed from what
    /// is printed (Japanese: how). `display` then need not occur in `quote`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derivation: Option<String>,
    /// Remarks (Japanese), e.g. where the quote comes from when it is not the
    /// year's own row, or an OCR slip inside the quote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The exact phrase of the source the figure was read from.
    pub quote: String,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Whether a result can be compared with its year's target (curated).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// Same quantity, date and basis as the target.
    #[default]
    Comparable,
    /// A different date, basis or unit; the reason in Japanese.
    NotComparable(String),
}

impl Comparison {
    /// True for [`Comparison::Comparable`].
    pub fn is_comparable(&self) -> bool {
        matches!(self, Comparison::Comparable)
    }
}

/// An effect amount (効果額) that the source reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EffectAmount {
    /// The action item (No.), 1..=61.
    pub item: u32,
    /// 令和 year of the result it is reported in; `None` if not tied to one.
    pub year: Option<u8>,
    /// The amount, in `unit` (money in 円).
    pub amount: f64,
    /// 円, 枚, 件 …
    pub unit: String,
    /// The amount as printed (a substring of `quote`), e.g. "約1億9千299万円".
    pub display: String,
    /// What the amount is (Japanese).
    pub description: String,
    /// Remarks (Japanese).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The exact phrase of the source the amount was read from.
    pub quote: String,
}

/// The outcome of comparing a year's result with its target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// The result reaches the target.
    Met,
    /// The result misses the target.
    NotMet,
    /// There is a result and the indicator has targets, but they cannot be
    /// compared for this year.
    NotComparable(NotComparableReason),
    /// There is a result, but the indicator has no numeric target at all.
    NoTarget,
    /// The source reports no figure for this year.
    NoResult,
}

/// Why a result is not compared with a target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotComparableReason {
    /// The curated reason: a different date, basis or unit (Japanese).
    Basis(String),
    /// No target is stated for the result's year; the targets are for these
    /// years.
    NoTargetForYear {
        /// 令和 years that have a target, ascending.
        target_years: Vec<u8>,
    },
}

/// The target that applies to `year`: the one stated for that very year.
pub fn applicable_target(indicator: &Indicator, year: u8) -> Option<&YearFigure> {
    indicator.targets.iter().find(|t| t.year == year)
}

/// Compares the result of `year` with the target of the same year (see the
/// module documentation for the rule), honouring the direction.
pub fn status(indicator: &Indicator, year: u8) -> Status {
    let Some(result) = indicator.results.iter().find(|r| r.year == year) else {
        return Status::NoResult;
    };
    if let Comparison::NotComparable(reason) = &result.comparison {
        return Status::NotComparable(NotComparableReason::Basis(reason.clone()));
    }
    if let Some(unit) = result.unit.as_ref().filter(|u| **u != indicator.unit) {
        return Status::NotComparable(NotComparableReason::Basis(format!(
            "単位が異なる（{unit}）"
        )));
    }
    let Some(target) = applicable_target(indicator, year) else {
        if indicator.targets.is_empty() {
            return Status::NoTarget;
        }
        let mut target_years: Vec<u8> = indicator.targets.iter().map(|t| t.year).collect();
        target_years.sort_unstable();
        target_years.dedup();
        return Status::NotComparable(NotComparableReason::NoTargetForYear { target_years });
    };
    if let Some(unit) = target.unit.as_ref().filter(|u| **u != indicator.unit) {
        return Status::NotComparable(NotComparableReason::Basis(format!(
            "目標の単位が異なる（{unit}）"
        )));
    }
    let (r, t) = (result.value, target.value);
    let equal = (r - t).abs() <= 1e-9 * r.abs().max(t.abs()).max(1.0);
    let met = match indicator.direction {
        Direction::HigherIsBetter => (r > t && !equal) || (equal && !target.exclusive),
        Direction::LowerIsBetter => (r < t && !equal) || (equal && !target.exclusive),
        Direction::Target => equal,
    };
    if met {
        Status::Met
    } else {
        Status::NotMet
    }
}

/// The status of the latest year with a result; without any result, the
/// last year the figures cover (`reported_year`, [`Indicators::reported_year`])
/// with [`Status::NoResult`].
pub fn latest_status(indicator: &Indicator, reported_year: u8) -> (u8, Status) {
    match indicator.results.iter().map(|r| r.year).max() {
        Some(year) => (year, status(indicator, year)),
        None => (reported_year, Status::NoResult),
    }
}
