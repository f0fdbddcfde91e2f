//! Staff drafts: edits to items kept on the device, reviewed, exported and imported.
//!
//! City staff edit an item's values in the browser (above all the next year's
//! results). Each edit is a *draft field*: the value as the staff member wants
//! it, the published value it was started from, and when it was last edited.
//! The drafts live in `localStorage` under [`DRAFTS_KEY`] as a [`Drafts`]
//! record; they are exported as JSON (for submission and for import on
//! another device) and as CSV (for Excel). `data/README.md`, section
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
//! Export and import:
//! - [`export_json`]`(drafts, dataset, now)`, [`export_csv`]`(drafts, dataset)`,
//!   [`csv_cell`], [`export_file_name`]`(now, "json")`, [`format_jst`].
//! - [`import`]`(json, dataset, existing) -> `[`ImportPreview`] or
//!   [`ImportError`]; then [`apply_import`]`(&mut drafts, &preview, &choices)`
//!   with an [`ImportChoices`] holding a [`Choice`] for every conflict.
//!
//! Invariant: every `value` held by [`Drafts`] has been through [`normalize`],
//! so it is valid, and it differs from the published value it was compared
//! with when it was set.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::stored::{expect_object, Record, DRAFTS_KEY};
use crate::{Dataset, Item, PlanRef, SmartCityRef};

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
/// The `"format"` of an exported JSON file.
pub const EXPORT_FORMAT: &str = "ueda-reform-drafts";
/// The `"format_version"` [`export_json`] writes and the newest [`import`] reads.
pub const EXPORT_FORMAT_VERSION: u64 = 1;
/// The largest character diff computed exactly, in cells of the LCS table:
/// (length + 1) × (length + 1) of the two texts once their common prefix and
/// suffix are removed. Above it the middle is shown as removed and added whole.
pub const MAX_DIFF_CELLS: usize = 1_000_000;
/// The markers the source uses for "no position in the smart city plan".
pub const SMART_CITY_NONE_MARKERS: [&str; 3] = ["—", "-", "なし"];

// ---------------------------------------------------------------------------
// Field paths
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------

/// The value of one field, of the kind its [`FieldPath`] holds.
///
/// In JSON (storage and export) a value is written plainly: `Text` as a
/// string, `Lines` as an array of strings, `Goals` as an array of numbers,
/// `OptionalLines` as `null` or an array of strings. Reading one back needs
/// its path ([`FieldValue::from_json`]), since `[]` fits several kinds.
///
/// The structured fields are lines of text, so they can be edited in a
/// textarea and read in a CSV cell, and round-trip exactly:
/// - 総合計画: `"{ref} {title}"`, e.g. 「第1編 第3章 第1節 行財政改革の推進と住民サービスの充実」;
/// - スマートシティ: the circled number (if any) then the name, e.g.
///   「①電子申請手続の利用促進」 (numbers 1–50, ①〜㊿); an item with no
///   position holds the source's marker alone (「—」, 「-」 or 「なし」).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum FieldValue {
    /// A single line of text (the title).
    Text(String),
    /// A list: one entry per paragraph or bullet.
    Lines(Vec<String>),
    /// SDG goal numbers, ascending.
    Goals(Vec<u8>),
    /// A year's result: `None` when there is no result.
    OptionalLines(Option<Vec<String>>),
}

impl FieldValue {
    /// The kind of the value.
    pub fn kind(&self) -> ValueKind {
        match self {
            FieldValue::Text(_) => ValueKind::Text,
            FieldValue::Lines(_) => ValueKind::Lines,
            FieldValue::Goals(_) => ValueKind::Goals,
            FieldValue::OptionalLines(_) => ValueKind::OptionalLines,
        }
    }

    /// Reads a value of `path`'s kind from JSON. Checks the shape only; call
    /// [`normalize`] to clean and validate it.
    pub fn from_json(path: FieldPath, json: &Value) -> Result<FieldValue, DraftError> {
        let wrong = || DraftError::WrongKind {
            expected: path.kind(),
        };
        let strings = |value: &Value| -> Result<Vec<String>, DraftError> {
            value
                .as_array()
                .ok_or_else(wrong)?
                .iter()
                .map(|entry| entry.as_str().map(str::to_string).ok_or_else(wrong))
                .collect()
        };
        match path.kind() {
            ValueKind::Text => json
                .as_str()
                .map(|s| FieldValue::Text(s.to_string()))
                .ok_or_else(wrong),
            ValueKind::Lines => strings(json).map(FieldValue::Lines),
            ValueKind::OptionalLines if json.is_null() => Ok(FieldValue::OptionalLines(None)),
            ValueKind::OptionalLines => strings(json).map(|l| FieldValue::OptionalLines(Some(l))),
            ValueKind::Goals => json
                .as_array()
                .ok_or_else(wrong)?
                .iter()
                .map(|n| match n {
                    Value::Number(number) => number
                        .as_u64()
                        .and_then(|g| u8::try_from(g).ok())
                        .ok_or_else(|| DraftError::InvalidGoal(number.to_string())),
                    _ => Err(wrong()),
                })
                .collect::<Result<Vec<u8>, _>>()
                .map(FieldValue::Goals),
        }
    }

    /// The value as JSON, as stored and exported.
    pub fn to_json(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }

    /// Reads a textarea's text as a value of `path`, cleaned and validated.
    ///
    /// Lists take one entry per line; goals are numbers separated by commas
    /// (`,` `、` `，`), spaces or lines; an empty result is `None`.
    ///
    /// # Examples
    /// ```
    /// use model::drafts::{FieldPath, FieldValue};
    /// assert_eq!(
    ///     FieldValue::from_text(FieldPath::Result(5), "・件数 120件\n\n 達成率 98% "),
    ///     Ok(FieldValue::OptionalLines(Some(vec!["件数 120件".into(), "達成率 98%".into()])))
    /// );
    /// assert_eq!(
    ///     FieldValue::from_text(FieldPath::SdgGoals, "16、9"),
    ///     Ok(FieldValue::Goals(vec![9, 16]))
    /// );
    /// ```
    pub fn from_text(path: FieldPath, text: &str) -> Result<FieldValue, DraftError> {
        let raw = match path.kind() {
            ValueKind::Text => FieldValue::Text(text.to_string()),
            ValueKind::Lines => FieldValue::Lines(vec![text.to_string()]),
            ValueKind::OptionalLines => FieldValue::OptionalLines(Some(vec![text.to_string()])),
            ValueKind::Goals => FieldValue::Goals(
                text.split(|c: char| matches!(c, ',' | '、' | '，') || c.is_whitespace())
                    .filter(|token| !token.is_empty())
                    .map(|token| {
                        parse_digits(token)
                            .and_then(|n| u8::try_from(n).ok())
                            .ok_or_else(|| DraftError::InvalidGoal(token.to_string()))
                    })
                    .collect::<Result<_, _>>()?,
            ),
        };
        normalize(path, raw)
    }

    /// The value as a textarea's (or a CSV cell's) text: one entry per line,
    /// goals joined with 「、」, no result as the empty string.
    pub fn to_text(&self) -> String {
        self.entries()
            .join(if matches!(self, FieldValue::Goals(_)) {
                "、"
            } else {
                "\n"
            })
    }

    /// The value's entries as text: the title alone, the list's entries, the
    /// goal numbers, or nothing for no result.
    pub fn entries(&self) -> Vec<String> {
        match self {
            FieldValue::Text(text) => vec![text.clone()],
            FieldValue::Lines(lines) | FieldValue::OptionalLines(Some(lines)) => lines.clone(),
            FieldValue::Goals(goals) => goals.iter().map(u8::to_string).collect(),
            FieldValue::OptionalLines(None) => Vec::new(),
        }
    }

    fn char_count(&self) -> usize {
        self.entries().iter().map(|e| e.chars().count()).sum()
    }
}

/// Why a draft value cannot be kept (or applied). The app words it for the
/// user, in the interface language; `Display` is for logs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftError {
    /// The value is not of the kind the field holds.
    WrongKind {
        /// The kind the field holds.
        expected: ValueKind,
    },
    /// The title is empty (after trimming).
    EmptyTitle,
    /// The title has more than one line.
    TitleHasLineBreak,
    /// An SDG goal outside 1..=17 (as written).
    InvalidGoal(String),
    /// An SDG goal given twice.
    DuplicateGoal(u8),
    /// A line of 総合計画 that is not 「第N編 第N章 第N節 名称」.
    BadPlanRef(String),
    /// A line of スマートシティ that cannot be read (the line).
    BadSmartCity(String),
    /// The value is longer than [`MAX_VALUE_CHARS`].
    TooLong {
        /// Its length in characters.
        chars: usize,
    },
    /// No item has this number.
    UnknownItem(u32),
    /// The item has no such field (a year it lacks).
    FieldNotInItem {
        /// The item number.
        item: u32,
        /// The path.
        path: FieldPath,
    },
}

impl fmt::Display for DraftError {
    /// For logs; users read the app's own sentence, in their language.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

impl std::error::Error for DraftError {}

/// Cleans and validates a draft value for `path`; what every stored draft went through.
///
/// Cleaning (lossless for what the dataset can hold, and idempotent):
/// - a list entry holding line breaks becomes several entries; each entry
///   (and the title) is trimmed, tabs become spaces, other control
///   characters are removed, empty entries are dropped;
/// - a leading bullet 「・」 is removed from list entries, as the dataset does
///   (the app draws its own bullets);
/// - SDG goals are sorted; a result with no entries is `None` (no result);
/// - 総合計画 and スマートシティ lines are rewritten in their canonical form
///   (full-width digits in 「第１編」 become ASCII, spaces are single).
///
/// Validation: the kind fits the path; the title is one non-empty line;
/// goals are in 1..=17 and not repeated; structured lines parse; at most
/// [`MAX_VALUE_CHARS`] characters. Years are checked by [`FieldPath`] itself.
pub fn normalize(path: FieldPath, value: FieldValue) -> Result<FieldValue, DraftError> {
    if value.kind() != path.kind() {
        return Err(DraftError::WrongKind {
            expected: path.kind(),
        });
    }
    let value = match value {
        FieldValue::Text(text) => {
            let mut lines = split_lines(&text)
                .map(|line| clean_line(line, false))
                .filter(|line| !line.is_empty());
            let title = lines.next().ok_or(DraftError::EmptyTitle)?;
            if lines.next().is_some() {
                return Err(DraftError::TitleHasLineBreak);
            }
            FieldValue::Text(title)
        }
        FieldValue::Lines(lines) => {
            let lines = clean_lines(&lines);
            FieldValue::Lines(match path {
                FieldPath::GeneralPlan => lines
                    .iter()
                    .map(|line| {
                        parse_plan_ref(line)
                            .map(|r| format_plan_ref(&r))
                            .ok_or_else(|| DraftError::BadPlanRef(line.clone()))
                    })
                    .collect::<Result<_, _>>()?,
                FieldPath::SmartCity => {
                    let (entries, marker) = parse_smart_city(&lines)?;
                    match marker {
                        Some(marker) => vec![marker],
                        None => entries.iter().map(format_smart_city).collect(),
                    }
                }
                _ => lines,
            })
        }
        FieldValue::OptionalLines(lines) => {
            let lines = clean_lines(&lines.unwrap_or_default());
            FieldValue::OptionalLines((!lines.is_empty()).then_some(lines))
        }
        FieldValue::Goals(mut goals) => {
            goals.sort_unstable();
            if let Some(bad) = goals.iter().find(|g| !(1..=17).contains(*g)) {
                return Err(DraftError::InvalidGoal(bad.to_string()));
            }
            if let Some(pair) = goals.windows(2).find(|pair| pair[0] == pair[1]) {
                return Err(DraftError::DuplicateGoal(pair[0]));
            }
            FieldValue::Goals(goals)
        }
    };
    let chars = value.char_count();
    if chars > MAX_VALUE_CHARS {
        return Err(DraftError::TooLong { chars });
    }
    Ok(value)
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    text.split(is_line_break)
}

/// One line, cleaned; `bullet` also strips leading 「・」 (list entries).
fn clean_line(line: &str, bullet: bool) -> String {
    let cleaned: String = line
        .chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect();
    cleaned
        .trim_start_matches(|c: char| c.is_whitespace() || (bullet && c == '・'))
        .trim_end()
        .to_string()
}

fn clean_lines(entries: &[String]) -> Vec<String> {
    entries
        .iter()
        .flat_map(|entry| split_lines(entry))
        .map(|line| clean_line(line, true))
        .filter(|line| !line.is_empty())
        .collect()
}

/// The value of a run of ASCII or full-width digits (no sign, no overflow).
fn parse_digits(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    s.chars().try_fold(0u32, |n, c| {
        let digit = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            _ => return None,
        };
        n.checked_mul(10)?.checked_add(digit)
    })
}

fn format_plan_ref(r: &PlanRef) -> String {
    format!("{} {}", r.reference, r.title)
}

/// Reads 「第1編 第3章 第1節 名称」 (any whitespace between parts).
fn parse_plan_ref(line: &str) -> Option<PlanRef> {
    fn part(s: &str, unit: char) -> Option<(u32, &str)> {
        let s = s.trim_start().strip_prefix('第')?;
        let end = s
            .find(|c: char| !(c.is_ascii_digit() || ('０'..='９').contains(&c)))
            .unwrap_or(s.len());
        let number = parse_digits(&s[..end]).filter(|n| *n > 0)?;
        Some((number, s[end..].strip_prefix(unit)?))
    }
    let (volume, rest) = part(line, '編')?;
    let (chapter, rest) = part(rest, '章')?;
    let (section, rest) = part(rest, '節')?;
    let title = rest.trim();
    if title.is_empty() {
        return None;
    }
    Some(PlanRef {
        reference: format!("第{volume}編 第{chapter}章 第{section}節"),
        title: title.to_string(),
    })
}

fn circled_to_number(c: char) -> Option<u32> {
    match c as u32 {
        code @ 0x2460..=0x2473 => Some(code - 0x2460 + 1),
        code @ 0x3251..=0x325f => Some(code - 0x3251 + 21),
        code @ 0x32b1..=0x32bf => Some(code - 0x32b1 + 36),
        _ => None,
    }
}

fn number_to_circled(n: u32) -> Option<char> {
    let code = match n {
        1..=20 => 0x2460 + n - 1,
        21..=35 => 0x3251 + n - 21,
        36..=50 => 0x32b1 + n - 36,
        _ => return None,
    };
    char::from_u32(code)
}

fn format_smart_city(r: &SmartCityRef) -> String {
    match r.number.and_then(number_to_circled) {
        Some(circled) => format!("{circled}{}", r.title),
        // Numbers above 50 have no circled form; the data has none (up to ⑯).
        None => r.title.clone(),
    }
}

/// Reads cleaned スマートシティ lines: the entries, or the "none" marker.
fn parse_smart_city(lines: &[String]) -> Result<(Vec<SmartCityRef>, Option<String>), DraftError> {
    if let Some(marker) = lines
        .iter()
        .find(|line| SMART_CITY_NONE_MARKERS.contains(&line.as_str()))
    {
        return if lines.len() == 1 {
            Ok((Vec::new(), Some(marker.clone())))
        } else {
            Err(DraftError::BadSmartCity(marker.clone()))
        };
    }
    let entries = lines
        .iter()
        .map(|line| {
            let mut chars = line.chars();
            match chars.next().and_then(circled_to_number) {
                Some(number) => {
                    let title = chars.as_str().trim();
                    if title.is_empty() {
                        Err(DraftError::BadSmartCity(line.clone()))
                    } else {
                        Ok(SmartCityRef {
                            number: Some(number),
                            title: title.to_string(),
                        })
                    }
                }
                None => Ok(SmartCityRef {
                    number: None,
                    title: line.clone(),
                }),
            }
        })
        .collect::<Result<_, _>>()?;
    Ok((entries, None))
}

/// The published value of `path` in `item`; `None` if the item lacks that year.
pub fn published(item: &Item, path: FieldPath) -> Option<FieldValue> {
    let lines = |l: &Vec<String>| Some(FieldValue::Lines(l.clone()));
    let year = |y: u8| item.years.iter().find(|year| year.year == y);
    match path {
        FieldPath::Title => Some(FieldValue::Text(item.title.clone())),
        FieldPath::Bureaus => lines(&item.bureaus),
        FieldPath::Sections => lines(&item.sections),
        FieldPath::Overview => lines(&item.overview),
        FieldPath::CurrentStatus => lines(&item.current_status),
        FieldPath::Measures => lines(&item.measures),
        FieldPath::TargetState => lines(&item.target_state),
        FieldPath::GeneralPlan => Some(FieldValue::Lines(
            item.general_plan.iter().map(format_plan_ref).collect(),
        )),
        FieldPath::SmartCity => Some(FieldValue::Lines(
            match (&item.smart_city_none, item.smart_city.is_empty()) {
                (Some(marker), true) => vec![marker.clone()],
                _ => item.smart_city.iter().map(format_smart_city).collect(),
            },
        )),
        FieldPath::SdgGoals => Some(FieldValue::Goals(item.sdgs.goals.clone())),
        FieldPath::Plan(y) => year(y).map(|year| FieldValue::Lines(year.plan.clone())),
        FieldPath::Result(y) => year(y).map(|year| FieldValue::OptionalLines(year.result.clone())),
    }
}

/// Writes `value` into `item` at `path` (e.g. to preview an item with its drafts).
///
/// The value is normalized first. Editing the SDG goals leaves their basis
/// and rationale as they are; a スマートシティ value of the marker alone
/// empties the list and records the marker.
pub fn apply(item: &mut Item, path: FieldPath, value: FieldValue) -> Result<(), DraftError> {
    let not_in_item = DraftError::FieldNotInItem {
        item: item.no,
        path,
    };
    let value = normalize(path, value)?;
    if let Some(y) = path.year() {
        let year = item
            .years
            .iter_mut()
            .find(|year| year.year == y)
            .ok_or(not_in_item)?;
        match (path, value) {
            (FieldPath::Plan(_), FieldValue::Lines(lines)) => year.plan = lines,
            (FieldPath::Result(_), FieldValue::OptionalLines(lines)) => year.result = lines,
            _ => unreachable!("normalize checked the kind"),
        }
        return Ok(());
    }
    match (path, value) {
        (FieldPath::Title, FieldValue::Text(title)) => item.title = title,
        (FieldPath::SdgGoals, FieldValue::Goals(goals)) => item.sdgs.goals = goals,
        (FieldPath::GeneralPlan, FieldValue::Lines(lines)) => {
            // normalize has parsed every line already.
            item.general_plan = lines.iter().filter_map(|l| parse_plan_ref(l)).collect();
        }
        (FieldPath::SmartCity, FieldValue::Lines(lines)) => {
            let (entries, marker) = parse_smart_city(&lines)?;
            item.smart_city = entries;
            item.smart_city_none = marker;
        }
        (path, FieldValue::Lines(lines)) => {
            let target = match path {
                FieldPath::Bureaus => &mut item.bureaus,
                FieldPath::Sections => &mut item.sections,
                FieldPath::Overview => &mut item.overview,
                FieldPath::CurrentStatus => &mut item.current_status,
                FieldPath::Measures => &mut item.measures,
                FieldPath::TargetState => &mut item.target_state,
                _ => unreachable!("normalize checked the kind"),
            };
            *target = lines;
        }
        _ => unreachable!("normalize checked the kind"),
    }
    Ok(())
}

/// Whether `value` (normalized) says the same as `published` (as the dataset has it).
fn same_as(path: FieldPath, value: &FieldValue, published: &FieldValue) -> bool {
    value == published || normalize(path, published.clone()).ok().as_ref() == Some(value)
}

// ---------------------------------------------------------------------------
// The record
// ---------------------------------------------------------------------------

/// One drafted field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DraftField {
    /// The published value when the draft was started (see [`staleness`]).
    pub base: FieldValue,
    /// The draft value (normalized and valid).
    pub value: FieldValue,
    /// When the value was last changed, in unix milliseconds.
    pub edited_at: u64,
}

/// The staff drafts kept on this device ([`DRAFTS_KEY`]).
///
/// Stored form (version 1):
/// `{"dataset_version":"1.0.0","items":{"25":{"years.5.result":{"base":null,"value":["…"],"edited_at":1764063000000}}}}`.
/// Items and fields are kept in order; an item with no drafted field is
/// removed. Reading it back checks every path and value; a value that fails
/// [`normalize`] makes the whole record unreadable (backed up, never dropped).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawDrafts")]
pub struct Drafts {
    /// The dataset version (`meta.version`) of the last change.
    dataset_version: String,
    /// Item number → path → draft.
    items: BTreeMap<u32, BTreeMap<FieldPath, DraftField>>,
}

#[derive(Deserialize)]
struct RawDrafts {
    dataset_version: String,
    items: BTreeMap<u32, BTreeMap<FieldPath, RawDraftField>>,
}

#[derive(Deserialize)]
struct RawDraftField {
    base: Value,
    value: Value,
    edited_at: u64,
}

impl TryFrom<RawDrafts> for Drafts {
    type Error = String;

    fn try_from(raw: RawDrafts) -> Result<Self, Self::Error> {
        let mut items = BTreeMap::new();
        for (no, fields) in raw.items {
            let mut checked = BTreeMap::new();
            for (path, field) in fields {
                let at = |what: &str, e: DraftError| format!("item {no}, {path}, {what}: {e}");
                // The base is published data: only its kind is checked.
                let base = FieldValue::from_json(path, &field.base).map_err(|e| at("base", e))?;
                let value = FieldValue::from_json(path, &field.value)
                    .and_then(|v| normalize(path, v))
                    .map_err(|e| at("value", e))?;
                checked.insert(
                    path,
                    DraftField {
                        base,
                        value,
                        edited_at: field.edited_at,
                    },
                );
            }
            if !checked.is_empty() {
                items.insert(no, checked);
            }
        }
        Ok(Drafts {
            dataset_version: raw.dataset_version,
            items,
        })
    }
}

impl Record for Drafts {
    const KEY: &'static str = DRAFTS_KEY;
    const VERSION: u32 = 1;

    fn migrate(from_version: u32, _data: Value) -> Result<Value, String> {
        // Version 1 is the first; decode never asks for a migration yet.
        Err(format!("no migration from version {from_version}"))
    }

    fn check_shape(data: &Value) -> Result<(), String> {
        expect_object(data)
    }
}

/// How many draft fields the stored text `raw` (an envelope of [`Drafts`])
/// holds, read without decoding the drafts: the citizen bundle names the
/// count before clearing the device, and carries no draft code. Unreadable
/// text counts as 0 fields (a backup of it is kept anyway).
pub fn count_stored_fields(raw: &str) -> usize {
    let Ok(envelope) = serde_json::from_str::<Value>(raw) else {
        return 0;
    };
    envelope["data"]["items"].as_object().map_or(0, |items| {
        items
            .values()
            .filter_map(Value::as_object)
            .map(|fields| fields.len())
            .sum()
    })
}

impl Drafts {
    /// No drafts.
    pub fn new() -> Drafts {
        Drafts::default()
    }

    /// The dataset version (`meta.version`) the drafts were last changed
    /// against; empty when nothing was ever set.
    pub fn dataset_version(&self) -> &str {
        &self.dataset_version
    }

    /// Keeps `value` as the draft of `path` in item `item_no`, after [`normalize`].
    ///
    /// Returns whether a draft is now kept: a value equal to the published one
    /// removes the draft (`Ok(false)`). A field already drafted keeps its
    /// `base`, and its `edited_at` changes only if the value does (so calling
    /// this on every keystroke is fine).
    ///
    /// # Examples
    /// ```
    /// # let dataset = model::Dataset::from_json(include_str!("../../data/action-program.json")).unwrap();
    /// use model::drafts::{Drafts, FieldPath, FieldValue};
    /// let mut drafts = Drafts::new();
    /// let result = FieldValue::from_text(FieldPath::Result(5), "収納率 99.6%").unwrap();
    /// assert_eq!(drafts.set(&dataset, 25, FieldPath::Result(5), result, 1), Ok(true));
    /// assert_eq!(drafts.count_fields(), 1);
    /// // Back to the published value (no result): the draft goes.
    /// let none = FieldValue::OptionalLines(None);
    /// assert_eq!(drafts.set(&dataset, 25, FieldPath::Result(5), none, 2), Ok(false));
    /// assert!(drafts.is_empty());
    /// ```
    pub fn set(
        &mut self,
        dataset: &Dataset,
        item_no: u32,
        path: FieldPath,
        value: FieldValue,
        now: u64,
    ) -> Result<bool, DraftError> {
        let item = dataset
            .item(item_no)
            .ok_or(DraftError::UnknownItem(item_no))?;
        let published = published(item, path).ok_or(DraftError::FieldNotInItem {
            item: item_no,
            path,
        })?;
        let value = normalize(path, value)?;
        self.dataset_version = dataset.meta.version.clone();
        if same_as(path, &value, &published) {
            self.discard_field(item_no, path);
            return Ok(false);
        }
        let fields = self.items.entry(item_no).or_default();
        match fields.get_mut(&path) {
            Some(field) if field.value == value => {}
            Some(field) => {
                field.value = value;
                field.edited_at = now;
            }
            None => {
                fields.insert(
                    path,
                    DraftField {
                        base: published,
                        value,
                        edited_at: now,
                    },
                );
            }
        }
        Ok(true)
    }

    /// Takes the current published value as the draft's base, once the user
    /// has seen that it changed ([`staleness`]). Removes the draft if it now
    /// equals the published value. Returns whether a draft is still kept.
    pub fn rebase(&mut self, dataset: &Dataset, item_no: u32, path: FieldPath) -> bool {
        let Some(now) = dataset.item(item_no).and_then(|item| published(item, path)) else {
            return self.get(item_no, path).is_some();
        };
        let Some(field) = self.items.get_mut(&item_no).and_then(|f| f.get_mut(&path)) else {
            return false;
        };
        if same_as(path, &field.value, &now) {
            self.discard_field(item_no, path);
            return false;
        }
        field.base = now;
        self.dataset_version = dataset.meta.version.clone();
        true
    }

    /// The draft of `path` in item `item_no`, if any.
    pub fn get(&self, item_no: u32, path: FieldPath) -> Option<&DraftField> {
        self.items.get(&item_no)?.get(&path)
    }

    /// The drafted fields of item `item_no`, in display order.
    pub fn fields(&self, item_no: u32) -> impl Iterator<Item = (FieldPath, &DraftField)> + '_ {
        self.items
            .get(&item_no)
            .into_iter()
            .flat_map(|fields| fields.iter().map(|(path, field)| (*path, field)))
    }

    /// Every draft as (item number, path, draft), by item then display order.
    pub fn iter(&self) -> impl Iterator<Item = (u32, FieldPath, &DraftField)> + '_ {
        self.items
            .iter()
            .flat_map(|(no, fields)| fields.iter().map(move |(path, field)| (*no, *path, field)))
    }

    /// The numbers of the items that have drafts, ascending.
    pub fn item_numbers(&self) -> impl Iterator<Item = u32> + '_ {
        self.items.keys().copied()
    }

    /// Removes one drafted field; returns whether there was one.
    pub fn discard_field(&mut self, item_no: u32, path: FieldPath) -> bool {
        let Some(fields) = self.items.get_mut(&item_no) else {
            return false;
        };
        let removed = fields.remove(&path).is_some();
        if fields.is_empty() {
            self.items.remove(&item_no);
        }
        removed
    }

    /// Removes every drafted field of an item; returns how many there were.
    pub fn discard_item(&mut self, item_no: u32) -> usize {
        self.items.remove(&item_no).map_or(0, |fields| fields.len())
    }

    /// Removes every draft.
    pub fn clear(&mut self) {
        self.items.clear();
    }

    /// How many items have drafts.
    pub fn count_items(&self) -> usize {
        self.items.len()
    }

    /// How many fields are drafted, over all items.
    pub fn count_fields(&self) -> usize {
        self.items.values().map(BTreeMap::len).sum()
    }

    /// Whether there is no draft.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// `item` as its drafts would make it (for a preview); fields the item
    /// lacks are skipped.
    pub fn apply_to(&self, item: &Item) -> Item {
        let mut preview = item.clone();
        for (path, field) in self.fields(item.no) {
            // Stored values are valid; a year the item lacks is skipped.
            let _ = apply(&mut preview, path, field.value.clone());
        }
        preview
    }
}

/// A draft whose published value changed since the draft was started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stale {
    /// The item number.
    pub item: u32,
    /// The field.
    pub path: FieldPath,
    /// The published value the draft was started from.
    pub base: FieldValue,
    /// The published value now; `None` if the dataset no longer has the
    /// item or the field.
    pub published_now: Option<FieldValue>,
    /// The draft value.
    pub draft: FieldValue,
}

impl Stale {
    /// Whether the value published now is the draft itself (the change was
    /// adopted): the UI can offer to discard the draft ([`Drafts::rebase`] does).
    pub fn is_published(&self) -> bool {
        self.published_now.as_ref().is_some_and(|now| {
            now == &self.draft
                || normalize(self.path, now.clone()).ok().as_ref() == Some(&self.draft)
        })
    }
}

/// The drafts whose published value is no longer their base: a new app
/// version changed the data under them. The drafts are kept; the UI shows
/// the three values and offers [`Drafts::rebase`] or discarding.
pub fn staleness(drafts: &Drafts, dataset: &Dataset) -> Vec<Stale> {
    drafts
        .iter()
        .filter_map(|(no, path, field)| {
            let now = dataset.item(no).and_then(|item| published(item, path));
            let unchanged = now.as_ref().is_some_and(|now| {
                now == &field.base
                    || normalize(path, now.clone()).ok() == normalize(path, field.base.clone()).ok()
            });
            (!unchanged).then(|| Stale {
                item: no,
                path,
                base: field.base.clone(),
                published_now: now,
                draft: field.value.clone(),
            })
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Diff
// ---------------------------------------------------------------------------

/// What a part of a diff is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DiffKind {
    /// In both.
    Same,
    /// Only in the draft.
    Added,
    /// Only in the published value.
    Removed,
}

/// A run of text of one kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffPart {
    /// What the run is.
    pub kind: DiffKind,
    /// The run's text (never empty).
    pub text: String,
}

/// One step of an LCS alignment of `a` and `b` (indices into them).
enum Op {
    Same(usize),
    Removed(usize),
    Added(usize),
}

/// Aligns `a` and `b`: common prefix and suffix first, then an exact LCS of
/// the middle when it has at most [`MAX_DIFF_CELLS`] cells, else the whole
/// middle removed then added. Removals come before additions at each change.
fn align<T: PartialEq>(a: &[T], b: &[T]) -> Vec<Op> {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (mid_a, mid_b) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let (n, m) = (mid_a.len(), mid_b.len());

    let mut ops: Vec<Op> = (0..prefix).map(Op::Same).collect();
    if n == 0 || m == 0 || (n + 1).saturating_mul(m + 1) > MAX_DIFF_CELLS {
        ops.extend((0..n).map(|i| Op::Removed(prefix + i)));
        ops.extend((0..m).map(|j| Op::Added(prefix + j)));
    } else {
        // lcs[i][j]: LCS length of mid_a[i..] and mid_b[j..]. With the cells
        // bounded, min(n, m) < 1000, so u16 holds it (2 MB at most).
        let width = m + 1;
        let mut lcs = vec![0u16; (n + 1) * width];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                lcs[i * width + j] = if mid_a[i] == mid_b[j] {
                    lcs[(i + 1) * width + j + 1] + 1
                } else {
                    lcs[(i + 1) * width + j].max(lcs[i * width + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n || j < m {
            if i < n && j < m && mid_a[i] == mid_b[j] {
                ops.push(Op::Same(prefix + i));
                i += 1;
                j += 1;
            } else if j == m || (i < n && lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) {
                ops.push(Op::Removed(prefix + i));
                i += 1;
            } else {
                ops.push(Op::Added(prefix + j));
                j += 1;
            }
        }
    }
    ops.extend((0..suffix).map(|k| Op::Same(a.len() - suffix + k)));
    ops
}

/// A character-level diff of `published` and `draft` (characters are the
/// right unit for Japanese, which has no spaces between words).
///
/// Adjacent runs of one kind are merged; where text was replaced the removed
/// run comes before the added one. The work is bounded: a common prefix
/// and suffix are trimmed first, and if what remains of the two texts has
/// more than about [`MAX_DIFF_CELLS`] character pairs (1000 × 1000) it is
/// shown as replaced whole.
///
/// # Examples
/// ```
/// use model::drafts::{diff_text, DiffKind::*, DiffPart};
/// let part = |kind, text: &str| DiffPart { kind, text: text.into() };
/// assert_eq!(
///     diff_text("収納率99%以上", "収納率99.5%以上"),
///     [part(Same, "収納率99"), part(Added, ".5"), part(Same, "%以上")]
/// );
/// ```
pub fn diff_text(published: &str, draft: &str) -> Vec<DiffPart> {
    let a: Vec<char> = published.chars().collect();
    let b: Vec<char> = draft.chars().collect();
    let mut parts: Vec<DiffPart> = Vec::new();
    for op in align(&a, &b) {
        let (kind, c) = match op {
            Op::Same(i) => (DiffKind::Same, a[i]),
            Op::Removed(i) => (DiffKind::Removed, a[i]),
            Op::Added(j) => (DiffKind::Added, b[j]),
        };
        match parts.last_mut() {
            Some(last) if last.kind == kind => last.text.push(c),
            _ => parts.push(DiffPart {
                kind,
                text: c.to_string(),
            }),
        }
    }
    parts
}

/// One entry of a list diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryDiff {
    /// The entry is in both.
    Same(String),
    /// The entry is new in the draft.
    Added(String),
    /// The entry is gone from the draft.
    Removed(String),
    /// The entry was edited: its character diff.
    Changed(Vec<DiffPart>),
}

/// A per-entry diff of two lists (e.g. a year's results).
///
/// Entries are aligned by equality (LCS, bounded like [`diff_text`]). In each
/// stretch of removed and added entries, the n-th removed entry is paired
/// with the n-th added one and shown as [`EntryDiff::Changed`] when the two
/// share at least half their characters; otherwise, and for the surplus,
/// as removed and added.
///
/// # Examples
/// ```
/// use model::drafts::{diff_entries, EntryDiff};
/// let old = ["水道料金 99.53%".to_string(), "下水道使用料 99.50%".to_string()];
/// let new = ["水道料金 99.53%".to_string(), "下水道使用料 99.51%".to_string(), "備考".to_string()];
/// let diff = diff_entries(&old, &new);
/// assert!(matches!(diff[0], EntryDiff::Same(_)));
/// assert!(matches!(diff[1], EntryDiff::Changed(_)));
/// assert_eq!(diff[2], EntryDiff::Added("備考".into()));
/// ```
pub fn diff_entries(published: &[String], draft: &[String]) -> Vec<EntryDiff> {
    let mut out = Vec::new();
    let (mut removed, mut added): (Vec<&String>, Vec<&String>) = (Vec::new(), Vec::new());
    let flush = |out: &mut Vec<EntryDiff>, removed: &mut Vec<&String>, added: &mut Vec<&String>| {
        let pairs = removed.len().max(added.len());
        for k in 0..pairs {
            match (removed.get(k), added.get(k)) {
                (Some(old), Some(new)) => {
                    let parts = diff_text(old, new);
                    let same: usize = parts
                        .iter()
                        .filter(|p| p.kind == DiffKind::Same)
                        .map(|p| p.text.chars().count())
                        .sum();
                    let total = old.chars().count() + new.chars().count();
                    if same * 4 >= total {
                        out.push(EntryDiff::Changed(parts));
                    } else {
                        out.push(EntryDiff::Removed((*old).clone()));
                        out.push(EntryDiff::Added((*new).clone()));
                    }
                }
                (Some(old), None) => out.push(EntryDiff::Removed((*old).clone())),
                (None, Some(new)) => out.push(EntryDiff::Added((*new).clone())),
                (None, None) => {}
            }
        }
        removed.clear();
        added.clear();
    };
    for op in align(published, draft) {
        match op {
            Op::Same(i) => {
                flush(&mut out, &mut removed, &mut added);
                out.push(EntryDiff::Same(published[i].clone()));
            }
            Op::Removed(i) => removed.push(&published[i]),
            Op::Added(j) => added.push(&draft[j]),
        }
    }
    flush(&mut out, &mut removed, &mut added);
    out
}

/// A diff of two values of one field, for review: a title as one changed
/// entry, lists per entry, goals per number, no result as no entries.
pub fn diff_values(published: &FieldValue, draft: &FieldValue) -> Vec<EntryDiff> {
    match (published, draft) {
        (FieldValue::Text(old), FieldValue::Text(new)) if old == new => {
            vec![EntryDiff::Same(old.clone())]
        }
        (FieldValue::Text(old), FieldValue::Text(new)) => {
            vec![EntryDiff::Changed(diff_text(old, new))]
        }
        (FieldValue::Goals(_), FieldValue::Goals(_)) => {
            // Numbers are replaced, not edited: no character diff inside.
            let (old, new) = (published.entries(), draft.entries());
            let mut out: Vec<EntryDiff> = Vec::new();
            for op in align(&old, &new) {
                out.push(match op {
                    Op::Same(i) => EntryDiff::Same(old[i].clone()),
                    Op::Removed(i) => EntryDiff::Removed(old[i].clone()),
                    Op::Added(j) => EntryDiff::Added(new[j].clone()),
                });
            }
            out
        }
        _ => diff_entries(&published.entries(), &draft.entries()),
    }
}

// ---------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------

#[derive(Serialize)]
struct ExportFile<'a> {
    format: &'a str,
    format_version: u64,
    dataset_version: &'a str,
    exported_at: u64,
    changes: Vec<ExportChange<'a>>,
}

#[derive(Serialize)]
struct ExportChange<'a> {
    item: u32,
    title: String,
    field: FieldPath,
    field_label: String,
    published: FieldValue,
    draft: &'a FieldValue,
    edited_at: u64,
}

/// The rows of an export: each draft with its item's title and the value
/// published now (the draft's base if the dataset lacks the item or field).
fn export_rows<'a>(drafts: &'a Drafts, dataset: &Dataset) -> Vec<ExportChange<'a>> {
    drafts
        .iter()
        .map(|(no, path, field)| {
            let item = dataset.item(no);
            ExportChange {
                item: no,
                title: item.map(|i| i.title.clone()).unwrap_or_default(),
                field: path,
                field_label: path.label_ja(),
                published: item
                    .and_then(|i| published(i, path))
                    .unwrap_or_else(|| field.base.clone()),
                draft: &field.value,
                edited_at: field.edited_at,
            }
        })
        .collect()
}

/// The drafts as the JSON export file (pretty, 2-space indent, ending with a
/// newline), sorted by item then field. See `data/README.md`, *Draft export
/// format*. `published` is the value in `dataset` (whose version is written).
pub fn export_json(drafts: &Drafts, dataset: &Dataset, now: u64) -> String {
    let file = ExportFile {
        format: EXPORT_FORMAT,
        format_version: EXPORT_FORMAT_VERSION,
        dataset_version: &dataset.meta.version,
        exported_at: now,
        changes: export_rows(drafts, dataset),
    };
    let mut json = serde_json::to_string_pretty(&file).unwrap_or_default();
    json.push('\n');
    json
}

/// The column headers of [`export_csv`].
pub const CSV_HEADERS: [&str; 6] = [
    "項目番号",
    "取組項目名",
    "項目",
    "公表されている内容",
    "下書き",
    "編集日時",
];

/// One CSV cell as [`export_csv`] writes it: text that a spreadsheet would
/// run as a formula (starting with `=` `+` `-` `@`, a tab or CR) gets a
/// leading `'`; then it is quoted per RFC 4180 if it holds `,` `"` CR or LF.
///
/// # Examples
/// ```
/// use model::drafts::csv_cell;
/// assert_eq!(csv_cell("=1+1"), "'=1+1");
/// assert_eq!(csv_cell("a\n\"b\""), "\"a\n\"\"b\"\"\"");
/// assert_eq!(csv_cell("令和5年度"), "令和5年度");
/// ```
pub fn csv_cell(text: &str) -> String {
    // Excel and LibreOffice run a cell starting with these as a formula
    // (CSV injection); a leading ' makes it text and is not displayed.
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// The drafts as CSV for Excel: UTF-8 with a BOM (so Excel detects the
/// encoding), CRLF line ends, the [`CSV_HEADERS`] row, then one row per
/// drafted field by item then field. List entries are joined with a line
/// feed inside the (quoted) cell; goals with 「、」; no result is empty. The
/// edit time is JST ([`format_jst`]). Cells starting with `=` `+` `-` `@`, a
/// tab or CR get a leading `'`, so a spreadsheet shows them as text.
pub fn export_csv(drafts: &Drafts, dataset: &Dataset) -> String {
    let mut csv = String::from("\u{feff}");
    let mut row = |cells: &[String]| {
        csv.push_str(&cells.join(","));
        csv.push_str("\r\n");
    };
    row(&CSV_HEADERS.map(csv_cell));
    for change in export_rows(drafts, dataset) {
        row(&[
            change.item.to_string(),
            csv_cell(&change.title),
            csv_cell(&change.field_label),
            csv_cell(&change.published.to_text()),
            csv_cell(&change.draft.to_text()),
            format_jst(change.edited_at),
        ]);
    }
    csv
}

/// The date of `days` since 1970-01-01: (year, month, day), proleptic Gregorian.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    // Howard Hinnant's civil_from_days: eras of 400 years starting on 1 March.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// (year, month, day, hour, minute) in JST (UTC+9, no daylight saving).
fn jst_parts(unix_millis: u64) -> (i64, u32, u32, u64, u64) {
    let seconds = unix_millis / 1000 + 9 * 3600;
    let (year, month, day) = civil_from_days((seconds / 86_400) as i64);
    let in_day = seconds % 86_400;
    (year, month, day, in_day / 3600, in_day % 3600 / 60)
}

/// A unix time in milliseconds as JST, `2026-11-25 18:30`.
///
/// # Examples
/// ```
/// use model::drafts::format_jst;
/// assert_eq!(format_jst(1_795_599_000_000), "2026-11-25 18:30");
/// ```
pub fn format_jst(unix_millis: u64) -> String {
    let (y, mo, d, h, mi) = jst_parts(unix_millis);
    format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}")
}

/// A download name for an export, in JST: `ueda-reform-drafts-20261125-1830.json`.
///
/// `extension` is without the dot (`"json"`, `"csv"`).
pub fn export_file_name(unix_millis: u64, extension: &str) -> String {
    let (y, mo, d, h, mi) = jst_parts(unix_millis);
    format!("{EXPORT_FORMAT}-{y:04}{mo:02}{d:02}-{h:02}{mi:02}.{extension}")
}

// ---------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------

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
    /// More changes than [`MAX_IMPORT_CHANGES`] (how many).
    TooManyChanges(usize),
    /// A required part is missing or of the wrong type.
    BadShape {
        /// Where.
        at: ShapeAt,
        /// What is expected there.
        expected: Expected,
    },
    /// A change for an item the dataset does not have.
    UnknownItem {
        /// Position of the change, from 1.
        index: usize,
        /// The item number.
        item: u32,
    },
    /// A change for a field that is not editable or that the item lacks.
    UnknownField {
        /// Position of the change, from 1.
        index: usize,
        /// The item number.
        item: u32,
        /// The field as written.
        field: String,
        /// Why.
        reason: FieldPathError,
    },
    /// A change whose draft value is not valid.
    InvalidValue {
        /// Position of the change, from 1.
        index: usize,
        /// The item number.
        item: u32,
        /// The field.
        path: FieldPath,
        /// What is wrong.
        error: DraftError,
    },
    /// Two changes for the same field.
    Duplicate {
        /// Position of the second change, from 1.
        index: usize,
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

    let mut seen = BTreeSet::new();
    let mut changes = Vec::new();
    let mut already_published = 0;
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
        let item = dataset.item(item_no).ok_or(ImportError::UnknownItem {
            index,
            item: item_no,
        })?;
        let field = change
            .get("field")
            .and_then(Value::as_str)
            .ok_or_else(|| shape(at("field"), Expected::FieldName))?;
        let unknown_field = |reason| ImportError::UnknownField {
            index,
            item: item_no,
            field: field.to_string(),
            reason,
        };
        let path: FieldPath = field.parse().map_err(unknown_field)?;
        let published_here =
            published(item, path).ok_or_else(|| unknown_field(FieldPathError::NotInItem))?;
        if !seen.insert((item_no, path)) {
            return Err(ImportError::Duplicate {
                index,
                item: item_no,
                path,
            });
        }
        let draft = change
            .get("draft")
            .ok_or_else(|| shape(at("draft"), Expected::DraftValue))?;
        let incoming = FieldValue::from_json(path, draft)
            .and_then(|value| normalize(path, value))
            .map_err(|error| ImportError::InvalidValue {
                index,
                item: item_no,
                path,
                error,
            })?;
        let edited_at = change
            .get("edited_at")
            .and_then(Value::as_u64)
            .ok_or_else(|| shape(at("edited_at"), Expected::EditedAt))?;
        let published_differs = match change.get("published") {
            None => false,
            Some(theirs) => {
                let theirs = FieldValue::from_json(path, theirs)
                    .map_err(|_| shape(at("published"), Expected::Value(path.kind())))?;
                !(theirs == published_here
                    || normalize(path, theirs).ok() == normalize(path, published_here.clone()).ok())
            }
        };
        if same_as(path, &incoming, &published_here) {
            already_published += 1;
            continue;
        }
        let current_draft = existing.get(item_no, path).map(|f| f.value.clone());
        let conflict = current_draft.as_ref().is_some_and(|mine| *mine != incoming);
        changes.push(ImportChange {
            item: item_no,
            path,
            incoming,
            edited_at,
            current_draft,
            published: published_here,
            published_differs,
            conflict,
        });
    }
    changes.sort_by_key(|c| (c.item, c.path));
    Ok(ImportPreview {
        changes,
        already_published,
        file_dataset_version: file_dataset_version.to_string(),
        dataset_version: dataset.meta.version.clone(),
        dataset_version_differs: file_dataset_version != dataset.meta.version,
    })
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
