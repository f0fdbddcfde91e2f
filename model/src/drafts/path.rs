//! Field paths: which editable value of an item a draft holds, and the
//! path's stable string form.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{FIRST_YEAR, LAST_YEAR};
use crate::Item;

// For the links of the docs below only: values depend on paths, not the reverse.
#[cfg(doc)]
use super::FieldValue;

/// One editable value of an item.
///
/// The string form (`Display`/`FromStr`, also used by serde) is stable: it is
/// written to `localStorage`, export files and URLs. It follows the field
/// names of `data/action-program.json` and of `corrections.json`:
/// `title`, `bureaus`, `sections`, `overview`, `current_status`, `measures`,
/// `target_state`, `general_plan`, `smart_city`, `sdgs.goals`,
/// `years.<3–7>.plan`, `years.<3–7>.result`.
///
/// Paths are ordered as an item page shows them (years by year, plan before
/// result), which is the order of exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldPath {
    /// 取組項目名 ([`FieldValue::Text`]).
    Title,
    /// 担当部局 ([`FieldValue::Lines`]).
    Bureaus,
    /// 担当課所 ([`FieldValue::Lines`]).
    Sections,
    /// 改革の概要 ([`FieldValue::Lines`]).
    Overview,
    /// これまでの実績・課題 ([`FieldValue::Lines`]).
    CurrentStatus,
    /// 課題解決のための取組内容・改革手段 ([`FieldValue::Lines`]).
    Measures,
    /// 5年後の改革達成形態・成果目標（効果額） ([`FieldValue::Lines`]).
    TargetState,
    /// 総合計画における位置付け ([`FieldValue::Lines`], one
    /// 「第1編 第3章 第1節 節の名称」 per line).
    GeneralPlan,
    /// スマートシティ化推進計画における位置付け ([`FieldValue::Lines`], one
    /// 「①施策名」 per line, or the single line 「—」 for none).
    SmartCity,
    /// SDGsの目標 ([`FieldValue::Goals`]).
    SdgGoals,
    /// The plan of a 令和 year ([`FieldValue::Lines`]).
    Plan(u8),
    /// The result of a 令和 year ([`FieldValue::OptionalLines`]).
    Result(u8),
}

/// The kind of value a [`FieldPath`] holds (the variant of [`FieldValue`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValueKind {
    /// [`FieldValue::Text`].
    Text,
    /// [`FieldValue::Lines`].
    Lines,
    /// [`FieldValue::Goals`].
    Goals,
    /// [`FieldValue::OptionalLines`].
    OptionalLines,
}

impl FieldPath {
    /// The paths that every item has, before its years.
    const FIXED: [FieldPath; 10] = [
        FieldPath::Title,
        FieldPath::Bureaus,
        FieldPath::Sections,
        FieldPath::Overview,
        FieldPath::CurrentStatus,
        FieldPath::Measures,
        FieldPath::TargetState,
        FieldPath::GeneralPlan,
        FieldPath::SmartCity,
        FieldPath::SdgGoals,
    ];

    /// Every editable path of `item`, in display order (years as the item has them).
    pub fn all_for(item: &Item) -> Vec<FieldPath> {
        let mut paths = Self::FIXED.to_vec();
        for year in &item.years {
            if (FIRST_YEAR..=LAST_YEAR).contains(&year.year) {
                paths.push(FieldPath::Plan(year.year));
                paths.push(FieldPath::Result(year.year));
            }
        }
        paths
    }

    /// The kind of value the path holds.
    pub fn kind(self) -> ValueKind {
        match self {
            FieldPath::Title => ValueKind::Text,
            FieldPath::SdgGoals => ValueKind::Goals,
            FieldPath::Result(_) => ValueKind::OptionalLines,
            _ => ValueKind::Lines,
        }
    }

    /// The 令和 year of a plan or result.
    pub fn year(self) -> Option<u8> {
        match self {
            FieldPath::Plan(year) | FieldPath::Result(year) => Some(year),
            _ => None,
        }
    }

    /// The Japanese label for the UI and the CSV, e.g. 「令和5年度の実績」.
    ///
    /// # Examples
    /// ```
    /// use model::drafts::FieldPath;
    /// assert_eq!(FieldPath::Result(5).label_ja(), "令和5年度の実績");
    /// assert_eq!(FieldPath::SdgGoals.label_ja(), "SDGsの目標");
    /// ```
    pub fn label_ja(self) -> String {
        match self {
            FieldPath::Title => "取組項目名".into(),
            FieldPath::Bureaus => "担当部局".into(),
            FieldPath::Sections => "担当課所".into(),
            FieldPath::Overview => "改革の概要".into(),
            FieldPath::CurrentStatus => "これまでの実績・課題".into(),
            FieldPath::Measures => "課題解決のための取組内容・改革手段".into(),
            FieldPath::TargetState => "5年後の改革達成形態・成果目標（効果額）".into(),
            FieldPath::GeneralPlan => "総合計画における位置付け".into(),
            FieldPath::SmartCity => "スマートシティ化推進計画における位置付け".into(),
            FieldPath::SdgGoals => "SDGsの目標".into(),
            FieldPath::Plan(year) => format!("令和{year}年度の取組計画"),
            FieldPath::Result(year) => format!("令和{year}年度の実績"),
        }
    }

    /// Display order: fixed fields, then years by year, plan before result.
    fn sort_key(self) -> (u8, u8, u8) {
        match self {
            FieldPath::Plan(year) => (10, year, 0),
            FieldPath::Result(year) => (10, year, 1),
            other => {
                let rank = Self::FIXED.iter().position(|p| *p == other).unwrap_or(0);
                (rank as u8, 0, 0)
            }
        }
    }
}

impl PartialOrd for FieldPath {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for FieldPath {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.sort_key().cmp(&other.sort_key())
    }
}

impl fmt::Display for FieldPath {
    /// The stable string form, e.g. `years.5.result`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldPath::Title => f.write_str("title"),
            FieldPath::Bureaus => f.write_str("bureaus"),
            FieldPath::Sections => f.write_str("sections"),
            FieldPath::Overview => f.write_str("overview"),
            FieldPath::CurrentStatus => f.write_str("current_status"),
            FieldPath::Measures => f.write_str("measures"),
            FieldPath::TargetState => f.write_str("target_state"),
            FieldPath::GeneralPlan => f.write_str("general_plan"),
            FieldPath::SmartCity => f.write_str("smart_city"),
            FieldPath::SdgGoals => f.write_str("sdgs.goals"),
            FieldPath::Plan(year) => write!(f, "years.{year}.plan"),
            FieldPath::Result(year) => write!(f, "years.{year}.result"),
        }
    }
}

/// Why a string is not a [`FieldPath`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldPathError {
    /// Not a path at all (the string).
    Unknown(String),
    /// `years.N.…` with N outside 3..=7 (N as written).
    YearOutOfRange(String),
    /// A valid path the item does not have (e.g. a year it lacks).
    NotInItem,
}

impl fmt::Display for FieldPathError {
    /// For logs; users read the app's own sentence, in their language.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldPathError::Unknown(s) => write!(f, "{s:?} is not an editable field"),
            FieldPathError::YearOutOfRange(y) => {
                write!(f, "year {y} is outside {FIRST_YEAR}..={LAST_YEAR}")
            }
            FieldPathError::NotInItem => f.write_str("the item has no such field"),
        }
    }
}

impl std::error::Error for FieldPathError {}

impl FromStr for FieldPath {
    type Err = FieldPathError;

    /// Reads the stable string form.
    ///
    /// # Examples
    /// ```
    /// use model::drafts::FieldPath;
    /// assert_eq!("years.5.result".parse(), Ok(FieldPath::Result(5)));
    /// assert!("years.9.plan".parse::<FieldPath>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if let Some(fixed) = Self::FIXED.iter().find(|p| p.to_string() == s) {
            return Ok(*fixed);
        }
        let unknown = || FieldPathError::Unknown(s.to_string());
        let rest = s.strip_prefix("years.").ok_or_else(unknown)?;
        let (year, part) = rest.split_once('.').ok_or_else(unknown)?;
        if !matches!(part, "plan" | "result") {
            return Err(unknown());
        }
        // Only plain digits without leading zeros, so each path has one
        // spelling (`u8::from_str` would also take "+5" and "05").
        if year.is_empty()
            || year.len() > 3
            || (year.len() > 1 && year.starts_with('0'))
            || !year.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(unknown());
        }
        let number: u32 = year.parse().map_err(|_| unknown())?;
        if !(u32::from(FIRST_YEAR)..=u32::from(LAST_YEAR)).contains(&number) {
            return Err(FieldPathError::YearOutOfRange(year.to_string()));
        }
        let number = number as u8;
        Ok(if part == "plan" {
            FieldPath::Plan(number)
        } else {
            FieldPath::Result(number)
        })
    }
}

impl Serialize for FieldPath {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for FieldPath {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}
