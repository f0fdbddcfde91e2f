//! Reading the source text: the table of contents and the 61 item tables,
//! as raw cells (no text rules applied yet).

use anyhow::{bail, ensure, Context, Result};
use regex::Regex;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// The table of contents.
#[derive(Debug)]
pub struct Toc {
    pub pillars: Vec<TocPillar>,
    pub entries: Vec<TocEntry>,
}

#[derive(Debug)]
pub struct TocPillar {
    pub code: String,
    pub name: String,
    pub item_count: u32,
    pub categories: Vec<TocCategory>,
}

#[derive(Debug)]
pub struct TocCategory {
    pub code: String,
    pub name: String,
    pub item_count: u32,
}

/// One line of the TOC: `no<TAB>no_in_category<TAB>title<TAB>sections<TAB>page`.
#[derive(Debug)]
pub struct TocEntry {
    pub no: u32,
    pub no_in_category: u32,
    pub title: String,
    pub sections: String,
    pub page: u32,
    /// Index into `Toc::pillars`.
    pub pillar: usize,
    /// Index into that pillar's categories.
    pub category: usize,
}

/// The rows of one item table, by label.
#[derive(Debug, Default)]
pub struct RawItem {
    pub no: u32,
    /// Everything after `No.<TAB>n<TAB>`, with the label 取組項目名 removed.
    pub title: String,
    /// Non-year rows: label → value cells (empty cells dropped, except for
    /// the SDG row, whose single cell is kept verbatim: its spaces matter).
    pub rows: BTreeMap<Label, Vec<String>>,
    /// 令和3〜7年度: (plan cell, result cells).
    pub years: BTreeMap<u8, (String, Vec<String>)>,
    /// Bureau/section pairs when the source gives them as an HTML table.
    pub bureau_table: Option<Vec<(String, String)>>,
}

/// The labels of an item table's rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Label {
    Overview,
    Framework,
    InCharge,
    CurrentStatus,
    Measures,
    TargetState,
    GeneralPlan,
    SmartCity,
    Sdgs,
    YearHeader,
    Year(u8),
}

impl Label {
    /// Recognises a label in spite of the source's variants (full- or
    /// half-width brackets, stray spaces, 「実績実績」).
    pub fn parse(raw: &str) -> Option<Label> {
        let l: String = raw
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| match c {
                '(' => '（',
                ')' => '）',
                c => c,
            })
            .collect();
        let l = l.replace("実績実績", "実績");
        Some(match l.as_str() {
            "改革の概要" => Label::Overview,
            "改革の体系項目" => Label::Framework,
            "担当部局・課所名" => Label::InCharge,
            "これまでの実績・課題" => Label::CurrentStatus,
            "課題解決のための取組内容・改革手段" => Label::Measures,
            "5年後の改革達成形態・成果目標" | "5年後の改革達成形態・成果目標（効果額）" => {
                Label::TargetState
            }
            "「第二次上田市総合計画」における位置付け【編・章・節】" => {
                Label::GeneralPlan
            }
            "「スマートシティ化推進計画」における位置付け" => {
                Label::SmartCity
            }
            "該当するSDGsの目標" => Label::Sdgs,
            "取組年度" => Label::YearHeader,
            _ => {
                let n = l.strip_prefix("令和")?.strip_suffix("年度")?;
                match n.parse::<u8>() {
                    Ok(y @ 3..=7) => Label::Year(y),
                    _ => return None,
                }
            }
        })
    }
}

/// The labels every item table has, in source order (the year rows aside).
pub const REQUIRED: [Label; 10] = [
    Label::Overview,
    Label::Framework,
    Label::InCharge,
    Label::CurrentStatus,
    Label::Measures,
    Label::TargetState,
    Label::GeneralPlan,
    Label::SmartCity,
    Label::Sdgs,
    Label::YearHeader,
];

static PILLAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[(（]([1-3])[)）]\s*(\S+?)(?:……(\d+)項目)?$").unwrap());
static CATEGORY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([アイウエオ]) (\S+?)(?:（(\d+)項目）)?$").unwrap());

/// Reads the whole source: its TOC and its item tables.
pub fn parse(text: &str) -> Result<(Toc, Vec<RawItem>)> {
    let lines: Vec<&str> = text.lines().collect();
    let toc_start = lines
        .iter()
        .position(|l| l.trim() == "アクションプログラム 目次")
        .context("the source has no table of contents (アクションプログラム 目次)")?;
    let body_start = lines
        .iter()
        .position(|l| l.starts_with("No.\t1\t"))
        .context("the source has no item table")?;
    let toc = parse_toc(&lines[toc_start + 1..body_start])?;
    let items = parse_items(&lines[body_start..], &toc)?;
    Ok((toc, items))
}

/// The introduction between the cover and the TOC: a heading set between
/// dashes (「— アクションプログラム —」), then one paragraph per line.
pub fn preface(text: &str) -> Result<model::Preface> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let start = lines
        .iter()
        .position(|l| l.starts_with('—') && l.ends_with('—') && l.chars().count() > 2)
        .context("the source has no introduction (— アクションプログラム —)")?;
    let end = lines[start..]
        .iter()
        .position(|l| *l == "アクションプログラム 目次")
        .context("the introduction does not end at the TOC")?;
    let heading = lines[start].trim_matches(['—', ' ']).to_string();
    let paragraphs: Vec<String> = lines[start + 1..start + end]
        .iter()
        .filter(|l| !l.is_empty())
        .map(|l| l.to_string())
        .collect();
    ensure!(
        !heading.is_empty() && !paragraphs.is_empty(),
        "the introduction is empty"
    );
    Ok(model::Preface {
        heading,
        paragraphs,
    })
}

fn parse_toc(lines: &[&str]) -> Result<Toc> {
    let mut pillars: Vec<TocPillar> = Vec::new();
    let mut entries = Vec::new();
    for line in lines {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with("No.") {
            continue;
        }
        if let Some(c) = PILLAR.captures(trimmed) {
            pillars.push(TocPillar {
                code: c[1].to_string(),
                name: c[2].to_string(),
                item_count: c
                    .get(3)
                    .with_context(|| format!("TOC pillar without a count: {trimmed}"))?
                    .as_str()
                    .parse()?,
                categories: Vec::new(),
            });
        } else if let Some(c) = CATEGORY.captures(trimmed) {
            let pillar = pillars
                .last_mut()
                .context("TOC category before any pillar")?;
            pillar.categories.push(TocCategory {
                code: c[1].to_string(),
                name: c[2].to_string(),
                item_count: c
                    .get(3)
                    .with_context(|| format!("TOC category without a count: {trimmed}"))?
                    .as_str()
                    .parse()?,
            });
        } else {
            let cells: Vec<&str> = line.split('\t').collect();
            ensure!(cells.len() == 5, "unexpected TOC line: {line:?}");
            let pillar = pillars
                .len()
                .checked_sub(1)
                .context("TOC entry before any pillar")?;
            let category = pillars[pillar]
                .categories
                .len()
                .checked_sub(1)
                .context("TOC entry before any category")?;
            entries.push(TocEntry {
                no: cells[0]
                    .trim()
                    .parse()
                    .with_context(|| format!("TOC line {line:?}"))?,
                no_in_category: cells[1]
                    .trim()
                    .parse()
                    .with_context(|| format!("TOC line {line:?}"))?,
                title: cells[2].trim().to_string(),
                sections: cells[3].trim().to_string(),
                page: cells[4]
                    .trim()
                    .parse()
                    .with_context(|| format!("TOC line {line:?}"))?,
                pillar,
                category,
            });
        }
    }
    Ok(Toc { pillars, entries })
}

fn parse_items(lines: &[&str], toc: &Toc) -> Result<Vec<RawItem>> {
    let mut items: Vec<RawItem> = Vec::new();
    let mut in_item = false;
    // Rows that repeat an HTML table of the previous row, still to be skipped.
    let mut table_echo: Vec<(String, String)> = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let at = || format!("source body line {}: {line:?}", index + 1);
        let cells: Vec<&str> = line.split('\t').collect();
        if line.trim().is_empty() {
            in_item = false;
            continue;
        }
        if cells[0] == "No." {
            let no: u32 = cells
                .get(1)
                .unwrap_or(&"")
                .trim()
                .parse()
                .with_context(at)?;
            let title = cells[2..]
                .iter()
                .map(|c| c.trim())
                .filter(|c| !c.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            let title = title
                .strip_prefix("取組項目名")
                .with_context(at)?
                .trim()
                .to_string();
            ensure!(no as usize == items.len() + 1, "item {no} out of order");
            items.push(RawItem {
                no,
                title,
                ..RawItem::default()
            });
            in_item = true;
            continue;
        }
        if !in_item {
            // Between items: pillar and category headings only.
            let trimmed = line.trim();
            let known = if let Some(c) = PILLAR.captures(trimmed) {
                toc.pillars.iter().any(|p| p.code == c[1] && p.name == c[2])
            } else if let Some(c) = CATEGORY.captures(trimmed) {
                toc.pillars
                    .iter()
                    .flat_map(|p| &p.categories)
                    .any(|k| k.code == c[1] && k.name == c[2])
            } else {
                false
            };
            ensure!(known, "unexpected line between items ({})", at());
            continue;
        }
        let item = items.last_mut().expect("in an item");
        let Some(label) = Label::parse(cells[0]) else {
            // The rows that repeat an HTML table, cell by cell.
            let values: Vec<&str> = cells
                .iter()
                .map(|c| c.trim())
                .filter(|c| !c.is_empty())
                .collect();
            match (table_echo.first(), values.as_slice()) {
                (Some((b, s)), [vb, vs]) if b == vb && s == vs => {
                    table_echo.remove(0);
                    continue;
                }
                _ => bail!("unknown row in item {} ({})", item.no, at()),
            }
        };
        let values: Vec<String> = cells[1..]
            .iter()
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .collect();
        match label {
            Label::Year(y) => {
                let mut values = values.into_iter();
                let plan = values.next().unwrap_or_default();
                ensure!(
                    !item.years.contains_key(&y),
                    "item {}: year {y} twice",
                    item.no
                );
                item.years.insert(y, (plan, values.collect()));
            }
            Label::Sdgs => {
                ensure!(
                    cells[2..].iter().all(|c| c.trim().is_empty()),
                    "item {}: SDG row with more than one cell",
                    item.no
                );
                insert(item, label, vec![cells.get(1).unwrap_or(&"").to_string()])?;
            }
            Label::InCharge if values.first().is_some_and(|v| v.contains("<table>")) => {
                let pairs = parse_table(&values[0]).with_context(at)?;
                // The same table follows flattened in the row's other cells…
                let flat: Vec<String> = pairs
                    .iter()
                    .flat_map(|(b, s)| [b.clone(), s.clone()])
                    .collect();
                ensure!(
                    values[1..] == flat[..],
                    "item {}: flattened table differs",
                    item.no
                );
                // …and once more as rows of its own.
                table_echo = pairs.clone();
                item.bureau_table = Some(pairs);
                insert(item, label, Vec::new())?;
            }
            _ => insert(item, label, values)?,
        }
    }
    ensure!(
        table_echo.is_empty(),
        "an HTML table was not repeated as rows"
    );
    Ok(items)
}

fn insert(item: &mut RawItem, label: Label, values: Vec<String>) -> Result<()> {
    ensure!(
        item.rows.insert(label, values).is_none(),
        "item {}: row {label:?} twice",
        item.no
    );
    Ok(())
}

/// `<table> <tr> <td>A</td> <td>B</td> </tr> … </table>` → [(A, B), …].
fn parse_table(html: &str) -> Result<Vec<(String, String)>> {
    static ROW: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"<tr>\s*<td>([^<]*)</td>\s*<td>([^<]*)</td>\s*</tr>").unwrap()
    });
    let pairs: Vec<(String, String)> = ROW
        .captures_iter(html)
        .map(|c| (c[1].trim().to_string(), c[2].trim().to_string()))
        .collect();
    ensure!(!pairs.is_empty(), "an HTML table without rows: {html}");
    Ok(pairs)
}
