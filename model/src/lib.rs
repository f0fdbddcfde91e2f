//! The action programme dataset: types and pure logic, free of any web crate.
//!
//! The dataset is `data/action-program.json`, extracted by `cargo xtask data`
//! from the text of Ueda City's 「第四次上田市行財政改革大綱 アクションプログラム
//! 令和4年度末取組状況」. These types are its schema: the extractor writes them and
//! the app reads them, so both always agree. `data/README.md` documents every
//! field together with the Japanese label it comes from.
//!
//! Conventions used throughout:
//! - text values are in Japanese, exactly as the source gives them after the
//!   documented clean-up (no HTML, no tabs, no leading or trailing whitespace,
//!   no empty strings);
//! - a cell that is empty in the source is an empty list (or `null` where the
//!   field is optional), never a made-up value;
//! - lists keep the source order.

#[cfg(feature = "binary")]
use borsh::{BorshDeserialize, BorshSerialize};
use serde::{Deserialize, Serialize};

/// The whole dataset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "binary", derive(BorshSerialize, BorshDeserialize))]
pub struct Dataset {
    /// About the source document and this extraction.
    pub meta: Meta,
    /// The three pillars (改革の柱 (1)〜(3)) with their categories (ア〜オ), in TOC order.
    pub pillars: Vec<Pillar>,
    /// The 17 official SDG goals, numbered 1 to 17.
    pub sdg_goals: Vec<SdgGoal>,
    /// The document's own introduction (「— アクションプログラム —」), before the TOC.
    pub preface: Preface,
    /// The 61 action items, ordered by `no`.
    pub items: Vec<Item>,
}

impl Dataset {
    /// Parses the dataset from its JSON text.
    pub fn from_json(json: &str) -> Result<Dataset, serde_json::Error> {
        serde_json::from_str(json)
    }

    /// The dataset as the project's files hold it: pretty JSON with a
    /// trailing newline. `data/action-program.json`, each edition under
    /// `data/editions/` and the staff app's compiled download all use it.
    pub fn to_pretty_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).expect("the dataset serialises to JSON");
        json.push('\n');
        json
    }

    /// The dataset in the compact binary form the app embeds (written at
    /// build time by `build.rs`): decoding it is a fraction of parsing JSON,
    /// in time and in the code it takes.
    #[cfg(feature = "binary")]
    pub fn to_binary(&self) -> Vec<u8> {
        borsh::to_vec(self).expect("writing to memory does not fail")
    }

    /// Reads the form [`Dataset::to_binary`] writes.
    #[cfg(feature = "binary")]
    pub fn from_binary(bytes: &[u8]) -> std::io::Result<Dataset> {
        borsh::from_slice(bytes)
    }

    /// The item numbered `no` (1-based, as in the source).
    pub fn item(&self, no: u32) -> Option<&Item> {
        self.items.iter().find(|item| item.no == no)
    }

    /// The official goal numbered `number` (1..=17).
    pub fn sdg_goal(&self, number: u8) -> Option<&SdgGoal> {
        self.sdg_goals.iter().find(|goal| goal.number == number)
    }
}

/// About the source document and this extraction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "binary", derive(BorshSerialize, BorshDeserialize))]
pub struct Meta {
    /// Title of the source document.
    pub title: String,
    /// Publisher (上田市).
    pub issuer: String,
    /// The date printed on the cover (令和3年8月): when the programme was
    /// adopted. Every yearly edition keeps it, so it does not date the edition.
    pub adopted: String,
    /// The date the reported results refer to (令和4年度末).
    pub status_as_of: String,
    /// When this edition was published, where the source says so; `null`
    /// when it does not (see `edition_date_note`).
    pub edition_published: Option<String>,
    /// What the source tells about the edition's date (Japanese).
    pub edition_date_note: String,
    /// File name of the source text this dataset was extracted from.
    pub source_file: String,
    /// Version of the dataset (semantic versioning: bump the major version when
    /// the schema changes incompatibly).
    pub version: String,
    /// Notes for readers about how the data was prepared (Japanese).
    pub notes: Vec<String>,
}

/// The document's introduction: its heading and paragraphs, as printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "binary", derive(BorshSerialize, BorshDeserialize))]
pub struct Preface {
    /// The heading (アクションプログラム).
    pub heading: String,
    /// The paragraphs, in order.
    pub paragraphs: Vec<String>,
}

/// A pillar of the reform (e.g. 「(1) 将来を見据えた新たな行政サービスへの改革」).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "binary", derive(BorshSerialize, BorshDeserialize))]
pub struct Pillar {
    /// "1", "2" or "3".
    pub code: String,
    /// Name without the number.
    pub name: String,
    /// Number of items in the pillar, as the TOC states it (……20項目).
    pub item_count: u32,
    /// Categories in TOC order.
    pub categories: Vec<Category>,
}

/// A category inside a pillar (e.g. 「ア ICTの活用による…」).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "binary", derive(BorshSerialize, BorshDeserialize))]
pub struct Category {
    /// Katakana letter: "ア", "イ", "ウ", "エ" or "オ".
    pub code: String,
    /// Name without the letter.
    pub name: String,
    /// Number of items in the category, as the TOC states it (（5項目）).
    pub item_count: u32,
}

/// A code and a name, used by items to point at their pillar and category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "binary", derive(BorshSerialize, BorshDeserialize))]
pub struct CodeName {
    /// The code ("1".."3" for pillars, "ア".."オ" for categories).
    pub code: String,
    /// The name.
    pub name: String,
}

/// A pillar as the document heads it: 「(1) 名称」.
fn pillar_heading(code: &str, name: &str) -> String {
    format!("({code}) {name}")
}

/// A category as the document heads it: 「ア 名称」.
fn category_heading(code: &str, name: &str) -> String {
    format!("{code} {name}")
}

impl Pillar {
    /// The pillar as the document heads it.
    ///
    /// # Examples
    /// ```
    /// let dataset = model::Dataset::from_json(include_str!("../../data/action-program.json")).unwrap();
    /// assert!(dataset.pillars[0].heading().starts_with("(1) "));
    /// assert!(dataset.pillars[0].categories[0].heading().starts_with("ア "));
    /// assert!(dataset.items[0].pillar_heading().starts_with("(1) "));
    /// ```
    pub fn heading(&self) -> String {
        pillar_heading(&self.code, &self.name)
    }
}

impl Category {
    /// The category as the document heads it.
    pub fn heading(&self) -> String {
        category_heading(&self.code, &self.name)
    }
}

impl Dataset {
    /// A category below its pillar, as the list heads a group of items:
    /// 「(1) 将来を見据えた…　ア ICTの活用…」; `None` for codes the dataset
    /// does not have.
    ///
    /// # Examples
    /// ```
    /// let dataset = model::Dataset::from_json(include_str!("../../data/action-program.json")).unwrap();
    /// let heading = dataset.category_heading("2", "イ").unwrap();
    /// assert!(heading.starts_with("(2) ") && heading.contains("\u{3000}イ "));
    /// assert_eq!(dataset.category_heading("2", "カ"), None);
    /// ```
    pub fn category_heading(&self, pillar: &str, category: &str) -> Option<String> {
        let pillar = self.pillars.iter().find(|p| p.code == pillar)?;
        let category = pillar.categories.iter().find(|c| c.code == category)?;
        Some(format!(
            "{}\u{3000}{}",
            pillar.heading(),
            category.heading()
        ))
    }
}

impl Item {
    /// The item's pillar as the document heads it.
    pub fn pillar_heading(&self) -> String {
        pillar_heading(&self.pillar.code, &self.pillar.name)
    }

    /// The item's category as the document heads it.
    pub fn category_heading(&self) -> String {
        category_heading(&self.category.code, &self.category.name)
    }
}

/// One of the 17 official Sustainable Development Goals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "binary", derive(BorshSerialize, BorshDeserialize))]
pub struct SdgGoal {
    /// 1..=17.
    pub number: u8,
    /// Official Japanese short name (e.g. 貧困をなくそう).
    pub name: String,
    /// Official colour, `#RRGGBB`.
    pub color: String,
    /// Text colour readable on `color` (WCAG contrast), `#RRGGBB`.
    pub text_color: String,
}

/// One action item (取組項目) with its table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "binary", derive(BorshSerialize, BorshDeserialize))]
pub struct Item {
    /// Number 1..=61 (No.).
    pub no: u32,
    /// Number within its category, from the TOC.
    pub no_in_category: u32,
    /// The pillar, from the TOC.
    pub pillar: CodeName,
    /// The category, from the TOC.
    pub category: CodeName,
    /// The clean title (取組項目名). See `toc_title` and `differences` for the
    /// readings it was chosen from.
    pub title: String,
    /// The TOC's reading of the title, present only when it differs from `title`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub toc_title: Option<String>,
    /// Page number given by the TOC (ページ).
    pub page: u32,
    /// Bureaus in charge (担当部局), from the item table.
    pub bureaus: Vec<String>,
    /// Sections in charge (担当課所), from the item table.
    pub sections: Vec<String>,
    /// The TOC's list of sections, present only when it differs from `sections`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub toc_sections: Option<Vec<String>>,
    /// Outline of the reform (改革の概要): paragraphs or bullets.
    pub overview: Vec<String>,
    /// Results and issues so far (これまでの実績・課題).
    pub current_status: Vec<String>,
    /// Measures to solve the issues (課題解決のための取組内容・改革手段).
    pub measures: Vec<String>,
    /// Target state in five years (5年後の改革達成形態・成果目標（効果額）).
    pub target_state: Vec<String>,
    /// Positions in the 第二次上田市総合計画 (【編・章・節】).
    pub general_plan: Vec<PlanRef>,
    /// Positions in the スマートシティ化推進計画. Empty when the source says
    /// there is none; `smart_city_none` then holds the source's marker.
    pub smart_city: Vec<SmartCityRef>,
    /// The source's explicit "none" marker for the smart city plan (「—」, 「-」
    /// or 「なし」); `null` when `smart_city` has entries.
    pub smart_city_none: Option<String>,
    /// The SDG goals (該当するSDGsの目標).
    pub sdgs: Sdgs,
    /// 令和3年度〜令和7年度, in order.
    pub years: Vec<Year>,
    /// Every place where the TOC and the item table disagree.
    pub differences: Vec<Difference>,
}

/// A position in the 第二次上田市総合計画.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "binary", derive(BorshSerialize, BorshDeserialize))]
pub struct PlanRef {
    /// Part, chapter and section, e.g. "第1編 第3章 第1節".
    #[serde(rename = "ref")]
    pub reference: String,
    /// Title of that section, e.g. 行財政改革の推進と住民サービスの充実.
    pub title: String,
}

/// A measure of the スマートシティ化推進計画.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "binary", derive(BorshSerialize, BorshDeserialize))]
pub struct SmartCityRef {
    /// The circled number the source puts before the measure (① is 1), if any.
    pub number: Option<u32>,
    /// The measure's name.
    pub title: String,
}

/// The SDG goals of an item and how they are known.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "binary", derive(BorshSerialize, BorshDeserialize))]
pub struct Sdgs {
    /// Goal numbers (1..=17), ascending.
    pub goals: Vec<u8>,
    /// Whether the document names the goals or they were estimated.
    pub basis: SdgBasis,
    /// What the source's SDG cell holds: goal names, only blanks (where
    /// icons probably were, whose names were lost), or nothing at all.
    pub cell: SdgCell,
    /// Why these goals were chosen; present when `basis` is `estimated`.
    pub rationale: Option<String>,
    /// Number of blanks in the source cell besides those of named goals: a
    /// hint for how many icons the printed page probably had (0 when the
    /// cell is empty).
    pub icon_gap: u32,
}

/// How an item's SDG goals are known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "binary", derive(BorshSerialize, BorshDeserialize))]
#[serde(rename_all = "lowercase")]
pub enum SdgBasis {
    /// The source names the goals in text.
    Document,
    /// The source's text names no goals (icons, probably, were lost); the
    /// goals were estimated.
    Estimated,
}

/// What an item's SDG cell holds in the source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "binary", derive(BorshSerialize, BorshDeserialize))]
#[serde(rename_all = "lowercase")]
pub enum SdgCell {
    /// The goals are named in text (`basis` is `document`).
    Named,
    /// Only blanks, as goal icons leave them in the text: the printed page
    /// probably had icons, whose goals are unreadable (`basis` is `estimated`).
    Icons,
    /// Empty, with no trace of icons: the source gives no goals, and any
    /// goals are estimated from the content alone.
    Empty,
}

/// One fiscal year's plan and result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "binary", derive(BorshSerialize, BorshDeserialize))]
pub struct Year {
    /// 令和 year: 3..=7.
    pub year: u8,
    /// e.g. "令和3年度".
    pub label: String,
    /// Plan (取組計画（数値目標）).
    pub plan: Vec<String>,
    /// Result (実績（効果額）); `null` when the source has none.
    pub result: Option<Vec<String>>,
}

/// A disagreement between the TOC and the item table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "binary", derive(BorshSerialize, BorshDeserialize))]
pub struct Difference {
    /// What differs: "title", "sections", "category" or "pillar".
    pub field: String,
    /// The TOC's reading (lists joined with a space).
    pub toc: String,
    /// The item table's reading (lists joined with a space).
    pub table: String,
    /// Which reading the dataset uses and why (Japanese).
    pub note: String,
}

pub mod accessibility;
pub mod corrections;
pub mod discovery;
pub mod drafts;
pub mod edition;
pub mod feed;
pub mod filter;
pub mod fold;
pub mod indicators;
pub mod listing;
pub mod open_data;
pub mod overview;
pub mod reading;
pub mod search;
pub mod share;
pub mod site;
pub mod stored;
pub mod synthetic;
pub mod view_state;
