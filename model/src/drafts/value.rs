//! Values: a field's value, how it is cleaned and validated, and how it is
//! read from and written to an item.

use std::fmt;

use serde::Serialize;
use serde_json::Value;

use super::{MAX_VALUE_CHARS, SMART_CITY_NONE_MARKERS};
use crate::drafts::path::{FieldPath, ValueKind};
use crate::{Item, PlanRef, SmartCityRef};

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
pub(super) fn same_as(path: FieldPath, value: &FieldValue, published: &FieldValue) -> bool {
    value == published || normalize(path, published.clone()).ok().as_ref() == Some(value)
}
