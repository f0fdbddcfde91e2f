//! The open-data files of the site: their names, and the rows of the CSV
//! files, shared by the build (which writes them) and the about page (which
//! links them).
//!
//! The CSV files follow the national rules for machine-readable government
//! data (総務省「統計表における機械判読可能なデータの表記方法の統一ルール」):
//! one header row, one value per cell, no merged cells, no notes under the
//! table, stable keys (the item number), the Western year beside 令和, and
//! the encoding stated (UTF-8 with a byte order mark, so spreadsheets detect
//! it). A cell holding several entries of one field (bullets) separates them
//! with a line break, as the source's cell does.

use crate::corrections::{Certainty, Correction, CorrectionKind};
pub use crate::edition::western_year;
use crate::indicators::{EffectAmount, Indicator, Indicators};
use crate::{Dataset, Item, Meta, SdgBasis, SdgCell, Year};

/// The folder of the open-data files, relative to the site's root.
pub const FOLDER: &str = "open-data";

/// One of the downloadable files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenFile {
    /// The dataset, in the app's JSON schema.
    DatasetJson,
    /// The JSON Schema of the dataset file.
    DatasetSchema,
    /// One row per item: the item's own fields.
    ItemsCsv,
    /// One row per item and year (long form): plan and result.
    YearsCsv,
    /// Numeric targets, results and effect amounts (JSON).
    IndicatorsJson,
    /// One row per figure: baselines, targets, results and effect amounts.
    IndicatorsCsv,
    /// Every correction made to the extracted text (JSON).
    CorrectionsJson,
    /// One row per correction.
    CorrectionsCsv,
}

impl OpenFile {
    /// Every file, in the order the about page lists them.
    pub const ALL: [OpenFile; 8] = [
        OpenFile::YearsCsv,
        OpenFile::ItemsCsv,
        OpenFile::DatasetJson,
        OpenFile::DatasetSchema,
        OpenFile::IndicatorsCsv,
        OpenFile::IndicatorsJson,
        OpenFile::CorrectionsCsv,
        OpenFile::CorrectionsJson,
    ];

    /// The file's name, which names the edition (e.g.
    /// `ueda-action-program-r4-end-years.csv`).
    pub fn file_name(self, meta: &Meta) -> String {
        let base = format!("ueda-action-program-{}", edition_slug(meta));
        match self {
            OpenFile::DatasetJson => format!("{base}.json"),
            OpenFile::DatasetSchema => format!("{base}.schema.json"),
            OpenFile::ItemsCsv => format!("{base}-items.csv"),
            OpenFile::YearsCsv => format!("{base}-years.csv"),
            OpenFile::IndicatorsJson => format!("{base}-indicators.json"),
            OpenFile::IndicatorsCsv => format!("{base}-indicators.csv"),
            OpenFile::CorrectionsJson => format!("{base}-corrections.json"),
            OpenFile::CorrectionsCsv => format!("{base}-corrections.csv"),
        }
    }

    /// The path relative to the site's root.
    pub fn path(self, meta: &Meta) -> String {
        format!("{FOLDER}/{}", self.file_name(meta))
    }

    /// Whether it is a CSV file.
    pub fn is_csv(self) -> bool {
        matches!(
            self,
            OpenFile::ItemsCsv
                | OpenFile::YearsCsv
                | OpenFile::IndicatorsCsv
                | OpenFile::CorrectionsCsv
        )
    }
}

/// The edition in ASCII for file names: 「令和4年度末」 is `r4-end`, and any
/// other wording keeps its digits (`r5`, …) so names stay stable and distinct.
///
/// ```
/// # let mut meta = model::Dataset::from_json(include_str!("../../data/action-program.json")).unwrap().meta;
/// assert_eq!(model::open_data::edition_slug(&meta), "r4-end");
/// meta.status_as_of = "令和5年度末".into();
/// assert_eq!(model::open_data::edition_slug(&meta), "r5-end");
/// ```
pub fn edition_slug(meta: &Meta) -> String {
    let digits: String = meta
        .status_as_of
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let end = if meta.status_as_of.ends_with('末') {
        "-end"
    } else {
        ""
    };
    format!("r{digits}{end}")
}

/// The cells of one entry list: one line per entry.
fn lines(entries: &[String]) -> String {
    entries.join("\n")
}

/// A table: a header row and rows of as many cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The column names (Japanese, as the source labels them where it does).
    pub header: Vec<&'static str>,
    /// The rows.
    pub rows: Vec<Vec<String>>,
}

/// The columns that identify an item, first in every item table.
const ITEM_KEY: [&str; 6] = [
    "項目番号",
    "改革の柱",
    "改革の柱名",
    "体系項目",
    "体系項目名",
    "取組項目名",
];

fn item_key(item: &Item) -> Vec<String> {
    vec![
        item.no.to_string(),
        item.pillar.code.clone(),
        item.pillar.name.clone(),
        item.category.code.clone(),
        item.category.name.clone(),
        item.title.clone(),
    ]
}

/// One row per item and year, in long form: 61 × 5 rows.
pub fn years_table(dataset: &Dataset) -> Table {
    let mut header = ITEM_KEY.to_vec();
    header.extend([
        "担当課所",
        "年度（和暦）",
        "年度（西暦）",
        "取組計画（数値目標）",
        "実績の有無",
        "実績（効果額）",
        "取組状況の時点",
    ]);
    let rows = dataset
        .items
        .iter()
        .flat_map(|item| {
            item.years
                .iter()
                .map(move |year| year_row(item, year, &dataset.meta))
        })
        .collect();
    Table { header, rows }
}

fn year_row(item: &Item, year: &Year, meta: &Meta) -> Vec<String> {
    let mut row = item_key(item);
    row.extend([
        item.sections.join("\n"),
        year.label.clone(),
        western_year(year.year).to_string(),
        lines(&year.plan),
        // Without it an empty cell would not tell "not reported yet" from
        // "reported as empty".
        if year.result.is_some() {
            "あり"
        } else {
            "なし"
        }
        .to_string(),
        year.result.as_deref().map(lines).unwrap_or_default(),
        meta.status_as_of.clone(),
    ]);
    row
}

/// One row per item, with every field that is not per year.
pub fn items_table(dataset: &Dataset) -> Table {
    let mut header = ITEM_KEY.to_vec();
    header.extend([
        "担当部局",
        "担当課所",
        "原資料のページ",
        "改革の概要",
        "これまでの実績・課題",
        "課題解決のための取組内容・改革手段",
        "5年後の改革達成形態・成果目標（効果額）",
        "第二次上田市総合計画の位置付け",
        "スマートシティ化推進計画の位置付け",
        "SDGsの目標（番号）",
        "SDGsの目標の根拠",
        "SDGs欄の原文",
        "SDGsの推定理由",
        "目次との違い",
        "取組状況の時点",
    ]);
    let rows = dataset
        .items
        .iter()
        .map(|item| {
            let mut row = item_key(item);
            row.extend([
                item.bureaus.join("\n"),
                item.sections.join("\n"),
                item.page.to_string(),
                lines(&item.overview),
                lines(&item.current_status),
                lines(&item.measures),
                lines(&item.target_state),
                item.general_plan
                    .iter()
                    .map(|p| format!("【{}】{}", p.reference, p.title))
                    .collect::<Vec<_>>()
                    .join("\n"),
                if item.smart_city.is_empty() {
                    item.smart_city_none.clone().unwrap_or_default()
                } else {
                    item.smart_city
                        .iter()
                        .map(|s| match s.number {
                            Some(n) => format!("{n} {}", s.title),
                            None => s.title.clone(),
                        })
                        .collect::<Vec<_>>()
                        .join("\n")
                },
                item.sdgs
                    .goals
                    .iter()
                    .map(u8::to_string)
                    .collect::<Vec<_>>()
                    .join(" "),
                match item.sdgs.basis {
                    SdgBasis::Document => "原文に記載",
                    SdgBasis::Estimated => "推定",
                }
                .to_string(),
                match item.sdgs.cell {
                    SdgCell::Named => "目標名の記載あり",
                    SdgCell::Icons => {
                        "空白のみ（アイコンがあったと考えられ、目標名は読み取れない）"
                    }
                    SdgCell::Empty => "空欄（空白も残っていない）",
                }
                .to_string(),
                item.sdgs.rationale.clone().unwrap_or_default(),
                item.differences
                    .iter()
                    .map(|d| {
                        format!(
                            "{}: 目次「{}」表「{}」{}",
                            difference_label(&d.field),
                            d.toc,
                            d.table,
                            d.note
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n"),
                dataset.meta.status_as_of.clone(),
            ]);
            row
        })
        .collect();
    Table { header, rows }
}

/// The source's label of a field that the TOC and the item table give
/// differently (`Difference::field`), for a table read by people.
fn difference_label(field: &str) -> &str {
    match field {
        "title" => "取組項目名",
        "sections" => "担当課所",
        "category" => "体系項目",
        "pillar" => "改革の柱",
        other => other,
    }
}

/// One row per figure: each indicator's baseline, targets and results, then
/// the effect amounts.
pub fn indicators_table(indicators: &Indicators) -> Table {
    let header = vec![
        "項目番号",
        "指標",
        "種別",
        "年度（和暦）",
        "年度（西暦）",
        "値",
        "単位",
        "原文の表記",
        "時点",
        "目標との比較",
        "注記",
        "原文の引用",
    ];
    let mut rows = Vec::new();
    for indicator in &indicators.indicators {
        rows.extend(indicator_rows(indicator));
    }
    rows.extend(indicators.effects.iter().map(effect_row));
    Table { header, rows }
}

fn year_cells(year: Option<u8>) -> [String; 2] {
    match year {
        Some(y) => [format!("令和{y}年度"), western_year(y).to_string()],
        None => [String::new(), String::new()],
    }
}

fn indicator_rows(indicator: &Indicator) -> Vec<Vec<String>> {
    let unit = |own: &Option<String>| own.clone().unwrap_or_else(|| indicator.unit.clone());
    let mut rows = Vec::new();
    if let Some(b) = &indicator.baseline {
        let [label, western] = year_cells(None);
        rows.push(vec![
            indicator.item.to_string(),
            indicator.name.clone(),
            "これまでの実績".into(),
            label,
            western,
            b.value.to_string(),
            unit(&b.unit),
            b.display.clone(),
            b.as_of.clone().unwrap_or_default(),
            String::new(),
            b.note.clone().unwrap_or_default(),
            b.quote.clone(),
        ]);
    }
    let figures = indicator
        .targets
        .iter()
        .map(|f| ("目標", f))
        .chain(indicator.results.iter().map(|f| ("実績", f)));
    for (kind, f) in figures {
        let [label, western] = year_cells(Some(f.year));
        let comparison = match (&f.comparison, kind) {
            (_, "目標") => String::new(),
            (crate::indicators::Comparison::Comparable, _) => "比較できる".into(),
            (crate::indicators::Comparison::NotComparable(why), _) => {
                format!("比較できない: {why}")
            }
        };
        let note = [f.derivation.as_deref(), f.note.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("\n");
        rows.push(vec![
            indicator.item.to_string(),
            indicator.name.clone(),
            kind.into(),
            label,
            western,
            f.value.to_string(),
            unit(&f.unit),
            f.display.clone(),
            String::new(),
            comparison,
            note,
            f.quote.clone(),
        ]);
    }
    rows
}

fn effect_row(effect: &EffectAmount) -> Vec<String> {
    let [label, western] = year_cells(effect.year);
    vec![
        effect.item.to_string(),
        effect.description.clone(),
        "効果額".into(),
        label,
        western,
        effect.amount.to_string(),
        effect.unit.clone(),
        effect.display.clone(),
        String::new(),
        String::new(),
        effect.note.clone().unwrap_or_default(),
        effect.quote.clone(),
    ]
}

/// One row per correction.
pub fn corrections_table(corrections: &[Correction]) -> Table {
    let header = vec![
        "項目番号",
        "欄",
        "修正前",
        "修正後",
        "種類",
        "確度",
        "理由（英語）",
    ];
    let rows = corrections
        .iter()
        .map(|c| {
            vec![
                c.item.to_string(),
                c.field.clone(),
                c.before.clone(),
                c.after.clone(),
                kind_label(c.kind).into(),
                match c.certainty {
                    Certainty::Certain => "確実",
                    Certainty::Guess => "推測",
                }
                .into(),
                c.reason.clone(),
            ]
        })
        .collect();
    Table { header, rows }
}

/// The Japanese name of a correction kind, as the CSV writes it.
fn kind_label(kind: CorrectionKind) -> &'static str {
    match kind {
        CorrectionKind::ExtractionSlip => "抽出時の読み取り誤り",
        CorrectionKind::AuthorTypo => "原文の誤記",
        CorrectionKind::ReadingChoice => "表記の選択",
    }
}
