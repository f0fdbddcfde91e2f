//! `cargo xtask data`: extracts `data/action-program.json` from the source text.
//!
//! Steps: read the TOC and every item table (`source`), turn each cell into
//! plain segments with the generic rules (`text`), apply the manual fixes of
//! `data/corrections.json` (`corrections`), parse the structured cells (plan
//! references, smart city measures, SDG goals), merge the estimated SDG goals
//! and write the dataset as pretty JSON. `data/README.md` describes the rules.
//! With `--check`, nothing is written and a stale committed file is an error.

mod corrections;
mod source;
mod text;

use anyhow::{bail, ensure, Context, Result};
use model::{
    Category, CodeName, Dataset, Difference, Item, Meta, Pillar, PlanRef, SdgBasis, SdgCell,
    SdgGoal, Sdgs, SmartCityRef, Year,
};
use regex::Regex;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::sync::LazyLock;
use xshell::cmd;

use corrections::Corrections;
use source::{Label, RawItem, Toc, TocEntry};

/// The source text, relative to the project root.
pub const SOURCE: &str = "data/source/action-program-r4.txt";
/// The dataset written, relative to the project root.
pub const OUTPUT: &str = "data/action-program.json";
const CORRECTIONS: &str = "data/corrections.json";
const SDG_GOALS: &str = "data/sdg-goals.json";
const SDG_ESTIMATES: &str = "data/sdg-estimates.json";

/// Bump with every change to the data or the schema (major: incompatible schema).
const VERSION: &str = "2.0.0";

/// Extracts the dataset and writes it, or with `check` verifies that the
/// committed file is up to date.
pub fn run(root: &Path, check: bool) -> Result<()> {
    dataset(root, check)?;
    readings(root, check)
}

/// Extracts the dataset and writes it, or with `check` verifies it.
fn dataset(root: &Path, check: bool) -> Result<()> {
    let json = build(root)?.to_pretty_json();
    let out = root.join(OUTPUT);
    if check {
        let committed = fs::read_to_string(&out).unwrap_or_default();
        if committed != json {
            bail!("{OUTPUT} is stale or missing: run `cargo xtask data` and commit");
        }
        println!("{OUTPUT} is up to date");
    } else {
        fs::write(&out, &json).with_context(|| format!("writing {OUTPUT}"))?;
        println!("wrote {OUTPUT} ({} bytes)", json.len());
    }
    Ok(())
}

/// The readings of the dataset's words (`data/readings.json`), made by
/// `xtask/readings.mjs` with the morphological analyser and dictionary of
/// npm's `kuromoji` (installed from the lockfile, so it runs offline). With
/// `check`, a stale committed file is an error.
pub fn readings(root: &Path, check: bool) -> Result<()> {
    crate::setup::ensure_npm_packages(root)?;
    let script = root.join("xtask").join("readings.mjs");
    let check = check.then_some("--check");
    let sh = crate::run::shell()?;
    cmd!(sh, "node {script} {root} {check...}")
        .run()
        .context("data/readings.json")
}

fn read(root: &Path, path: &str) -> Result<String> {
    fs::read_to_string(root.join(path)).with_context(|| format!("reading {path}"))
}

#[derive(Deserialize)]
struct GoalsFile {
    goals: Vec<SdgGoal>,
}

#[derive(Deserialize)]
struct EstimatesFile {
    items: Vec<Estimate>,
}

#[derive(Deserialize)]
struct Estimate {
    no: u32,
    goals: Vec<u8>,
    rationale: String,
    icon_gap: Option<u32>,
}

/// Builds the dataset from the files under `root`.
pub fn build(root: &Path) -> Result<Dataset> {
    let source_text = read(root, SOURCE)?;
    let corrections = Corrections::parse(&read(root, CORRECTIONS)?)?;
    let goals: GoalsFile = serde_json::from_str(&read(root, SDG_GOALS)?).context(SDG_GOALS)?;
    let estimates: EstimatesFile =
        serde_json::from_str(&read(root, SDG_ESTIMATES)?).context(SDG_ESTIMATES)?;
    let dataset = extract(&source_text, &corrections, goals.goals, estimates.items)?;
    corrections.finish()?;
    Ok(dataset)
}

fn extract(
    source_text: &str,
    corrections: &Corrections,
    sdg_goals: Vec<SdgGoal>,
    estimates: Vec<Estimate>,
) -> Result<Dataset> {
    ensure!(
        sdg_goals.len() == 17
            && sdg_goals
                .iter()
                .enumerate()
                .all(|(i, g)| g.number as usize == i + 1),
        "{SDG_GOALS} must list goals 1 to 17 in order"
    );
    let mut estimates: BTreeMap<u32, Estimate> = estimates.into_iter().map(|e| (e.no, e)).collect();

    for needle in [
        "第四次 上田市行財政改革大綱",
        "令和4年度末取組状況",
        "令和3年8月",
        "上 田 市",
    ] {
        ensure!(
            source_text.contains(needle),
            "the source does not say {needle:?}: is it the right file?"
        );
    }
    for evidence in EDITION_DATE_EVIDENCE {
        ensure!(
            source_text.contains(evidence),
            "the edition's date note cites {evidence:?}, which the source does not say"
        );
    }
    let (toc, raw_items) = source::parse(source_text)?;
    ensure!(
        toc.entries.len() == 61,
        "the TOC lists {} items, not 61",
        toc.entries.len()
    );
    ensure!(
        raw_items.len() == 61,
        "the source has {} item tables, not 61",
        raw_items.len()
    );
    check_toc_counts(&toc)?;

    let mut items = Vec::new();
    for (raw, entry) in raw_items.iter().zip(&toc.entries) {
        ensure!(
            raw.no == entry.no,
            "TOC item {} against table {}",
            entry.no,
            raw.no
        );
        let item = build_item(raw, entry, &toc, corrections, &sdg_goals, &mut estimates)
            .with_context(|| format!("item {}", raw.no))?;
        items.push(item);
    }
    if let Some(no) = estimates.keys().next() {
        bail!("{SDG_ESTIMATES} estimates item {no}, whose goals the source names (or which does not exist)");
    }

    let pillars = toc
        .pillars
        .iter()
        .map(|p| Pillar {
            code: p.code.clone(),
            name: p.name.clone(),
            item_count: p.item_count,
            categories: p
                .categories
                .iter()
                .map(|c| Category {
                    code: c.code.clone(),
                    name: c.name.clone(),
                    item_count: c.item_count,
                })
                .collect(),
        })
        .collect();

    Ok(Dataset {
        meta: meta(&items),
        pillars,
        sdg_goals,
        preface: source::preface(source_text)?,
        items,
    })
}

fn meta(items: &[Item]) -> Meta {
    let cells = model::overview::sdg_cell_counts(items);
    let named: Vec<String> = items
        .iter()
        .filter(|i| i.sdgs.cell == SdgCell::Named)
        .map(|i| i.no.to_string())
        .collect();
    Meta {
        title: "第四次上田市行財政改革大綱 アクションプログラム 令和4年度末取組状況".into(),
        issuer: "上田市".into(),
        adopted: "令和3年8月".into(),
        status_as_of: "令和4年度末".into(),
        edition_published: None,
        edition_date_note: EDITION_DATE_NOTE.into(),
        source_file: Path::new(SOURCE)
            .file_name()
            .and_then(|f| f.to_str())
            .unwrap_or(SOURCE)
            .into(),
        version: VERSION.into(),
        notes: vec![
            "上田市「第四次上田市行財政改革大綱 アクションプログラム 令和4年度末取組状況」の本文から抽出したデータです。表紙の「令和3年8月」はアクションプログラムの策定時期で、この版（令和4年度末の取組状況）の公表日は原文に記載がありません（edition_date_note）。".into(),
            "表の体裁（改行・箇条書き）は文や項目の区切りとして復元しています。抽出時の読み取り誤り、原文自体の誤記と思われる箇所、複数の読み方から選んだ表記は修正し、種類と確度（確実・推定）を付けて記録しています（corrections.json）。".into(),
            "目次と各項目の表とで記載が異なる箇所は、両方の表記を残しています（toc_title、toc_sections、differences）。".into(),
            format!("SDGsの目標は、本文に目標名が記載されている{}項目（No.{}）を除き、取組内容から推定しています（basis: estimated）。原文のテキストではSDGs欄に空白だけが残り目標名が読み取れない{}項目（sdgs.cell: icons。印刷された表にはアイコンがあったと考えられます）と、SDGs欄が空欄で空白も残っていない{}項目（sdgs.cell: empty）を区別しています。", cells.named, named.join("、"), cells.icons, cells.empty),
            "「同上」などの表記は原文のままです。".into(),
        ],
    }
}

/// What the source tells about this edition's date: the cover keeps the
/// programme's adoption date, and the results cite dates up to the end of
/// fiscal Reiwa 4. Checked against the source in `extract`.
const EDITION_DATE_NOTE: &str = "原文にこの版の公表日の記載はありません。表紙の「令和3年8月」はアクションプログラムの策定時期です。令和4年度の実績に「令和5年3月31日現在」の数値と「令和5年4月1日から窓口業務等、長野県住宅供給公社へ委託した」との記載があるため、令和5年4月以降に公表されたと考えられます。";

/// The phrases of the source that `EDITION_DATE_NOTE` relies on.
const EDITION_DATE_EVIDENCE: [&str; 2] = ["令和5年3月31日現在", "令和5年4月1日から窓口業務等"];

/// Each pillar and category has as many items as the TOC says.
fn check_toc_counts(toc: &Toc) -> Result<()> {
    for (pi, pillar) in toc.pillars.iter().enumerate() {
        let n = toc.entries.iter().filter(|e| e.pillar == pi).count() as u32;
        ensure!(
            n == pillar.item_count,
            "TOC pillar {} says {} items, lists {n}",
            pillar.code,
            pillar.item_count
        );
        for (ci, category) in pillar.categories.iter().enumerate() {
            let in_category: Vec<&TocEntry> = toc
                .entries
                .iter()
                .filter(|e| e.pillar == pi && e.category == ci)
                .collect();
            ensure!(
                in_category.len() as u32 == category.item_count,
                "TOC category {}{} says {} items, lists {}",
                pillar.code,
                category.code,
                category.item_count,
                in_category.len()
            );
            for (k, e) in in_category.iter().enumerate() {
                ensure!(
                    e.no_in_category as usize == k + 1,
                    "TOC item {}: number in category",
                    e.no
                );
            }
        }
    }
    for (i, e) in toc.entries.iter().enumerate() {
        ensure!(e.no as usize == i + 1, "TOC item {} out of order", e.no);
    }
    Ok(())
}

/// The single value cell of a row (most rows have exactly one).
fn single(raw: &RawItem, label: Label) -> Result<&str> {
    let values = raw
        .rows
        .get(&label)
        .with_context(|| format!("no {label:?} row"))?;
    match values.as_slice() {
        [] => Ok(""),
        [one] => Ok(one),
        _ => bail!("{label:?} row has {} cells", values.len()),
    }
}

/// A list field: segments, corrected, split.
fn list_field(
    cells: &[String],
    no: u32,
    field: &str,
    corrections: &Corrections,
) -> Result<Vec<String>> {
    let mut segments = Vec::new();
    for cell in cells {
        segments.extend(text::segments(cell)?);
    }
    let joined = segments.join(&text::SEP.to_string());
    Ok(text::split_joined(&corrections.apply(no, field, &joined)?))
}

fn build_item(
    raw: &RawItem,
    entry: &TocEntry,
    toc: &Toc,
    corrections: &Corrections,
    sdg_goals: &[SdgGoal],
    estimates: &mut BTreeMap<u32, Estimate>,
) -> Result<Item> {
    let no = raw.no;
    for label in source::REQUIRED {
        ensure!(raw.rows.contains_key(&label), "no {label:?} row");
    }
    let mut differences = Vec::new();
    let mut difference = |field: &str, toc: String, table: String| -> Result<()> {
        let note = corrections.note(no, field, &toc, &table)?;
        differences.push(Difference {
            field: field.into(),
            toc,
            table,
            note,
        });
        Ok(())
    };

    // Title.
    let table_title = text::clean_spaces(&raw.title);
    let title = corrections.apply(no, "title", &table_title)?;
    let toc_title = text::clean_spaces(&entry.title);
    if toc_title != table_title {
        difference("title", toc_title.clone(), table_title)?;
    }

    // Pillar and category: the TOC's, checked against 改革の体系項目.
    let toc_pillar = &toc.pillars[entry.pillar];
    let toc_category = &toc_pillar.categories[entry.category];
    let framework = corrections.apply(
        no,
        "framework",
        &text::plain(single(raw, Label::Framework)?)?,
    )?;
    static FRAMEWORK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[(（]([1-3])[)）] ?(\S+) ([アイウエオ]) (\S+)$").unwrap());
    let f = FRAMEWORK
        .captures(&framework)
        .with_context(|| format!("改革の体系項目 not understood: {framework:?}"))?;
    if (&f[1], &f[2]) != (toc_pillar.code.as_str(), toc_pillar.name.as_str()) {
        difference(
            "pillar",
            format!("({}) {}", toc_pillar.code, toc_pillar.name),
            format!("({}) {}", &f[1], &f[2]),
        )?;
    }
    if (&f[3], &f[4]) != (toc_category.code.as_str(), toc_category.name.as_str()) {
        difference(
            "category",
            format!("{} {}", toc_category.code, toc_category.name),
            format!("{} {}", &f[3], &f[4]),
        )?;
    }

    // Bureaus and sections.
    let (bureaus, sections) = in_charge(raw)?;
    let bureaus = text::split_joined(&corrections.apply(no, "bureaus", &bureaus.join("\n"))?);
    let sections = text::split_joined(&corrections.apply(no, "sections", &sections.join("\n"))?);
    let toc_sections = section_names(&text::clean_spaces(&entry.sections));
    let toc_sections = if toc_sections != sections {
        difference("sections", toc_sections.join(" "), sections.join(" "))?;
        Some(toc_sections)
    } else {
        None
    };

    let list = |label: Label, field: &str| -> Result<Vec<String>> {
        let cells = raw
            .rows
            .get(&label)
            .with_context(|| format!("no {label:?} row"))?;
        ensure!(cells.len() <= 1, "{label:?} row has {} cells", cells.len());
        list_field(cells, no, field, corrections)
    };
    let overview = list(Label::Overview, "overview")?;
    let current_status = list(Label::CurrentStatus, "current_status")?;
    let measures = list(Label::Measures, "measures")?;
    let target_state = list(Label::TargetState, "target_state")?;

    let general_plan = parse_general_plan(&corrections.apply(
        no,
        "general_plan",
        &text::plain(single(raw, Label::GeneralPlan)?)?,
    )?)?;
    let (smart_city, smart_city_none) = parse_smart_city(&corrections.apply(
        no,
        "smart_city",
        &text::plain(single(raw, Label::SmartCity)?)?,
    )?)?;

    let sdg_cell = single(raw, Label::Sdgs)?;
    let sdgs = sdgs(no, sdg_cell, corrections, sdg_goals, estimates)?;

    let mut years = Vec::new();
    for year in 3..=7u8 {
        let (plan, results) = raw
            .years
            .get(&year)
            .with_context(|| format!("no 令和{year}年度 row"))?;
        let plan = list_field(
            std::slice::from_ref(plan),
            no,
            &format!("years.{year}.plan"),
            corrections,
        )?;
        ensure!(!plan.is_empty(), "令和{year}年度 has no plan");
        let result = if results.is_empty() {
            None
        } else {
            ensure!(year <= 4, "令和{year}年度 has a result");
            Some(list_field(
                results,
                no,
                &format!("years.{year}.result"),
                corrections,
            )?)
        };
        years.push(Year {
            year,
            label: format!("令和{year}年度"),
            plan,
            result,
        });
    }

    Ok(Item {
        no,
        no_in_category: entry.no_in_category,
        pillar: CodeName {
            code: toc_pillar.code.clone(),
            name: toc_pillar.name.clone(),
        },
        category: CodeName {
            code: toc_category.code.clone(),
            name: toc_category.name.clone(),
        },
        toc_title: (toc_title != title).then_some(toc_title),
        title,
        page: entry.page,
        bureaus,
        sections,
        toc_sections,
        overview,
        current_status,
        measures,
        target_state,
        general_plan,
        smart_city,
        smart_city_none,
        sdgs,
        years,
        differences,
    })
}

/// Whether a name is a bureau (部局) rather than a section (課所).
fn is_bureau(name: &str) -> bool {
    [
        "部",
        "局",
        "組織",
        "委員会",
        "事務局",
        "ほか",
        "自治センター",
    ]
    .iter()
    .any(|end| name.ends_with(end))
}

/// Splits a list of section names. A name in brackets qualifies the name
/// before it: it is attached to it, with full-width brackets as in the TOC.
fn section_names(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for token in text.split(' ').filter(|t| !t.is_empty()) {
        match (token.starts_with(['(', '（']), out.last_mut()) {
            (true, Some(last)) => last.push_str(&token.replace('(', "（").replace(')', "）")),
            _ => out.push(token.to_string()),
        }
    }
    out
}

/// Bureaus and sections (担当部局・課所名): two cells, or one cell with the
/// bureaus first, or an HTML table of pairs.
fn in_charge(raw: &RawItem) -> Result<(Vec<String>, Vec<String>)> {
    if let Some(pairs) = &raw.bureau_table {
        return Ok((
            pairs.iter().map(|p| p.0.clone()).collect(),
            pairs.iter().map(|p| p.1.clone()).collect(),
        ));
    }
    let cells = raw
        .rows
        .get(&Label::InCharge)
        .context("no 担当部局・課所名 row")?;
    let (bureaus, sections) = match cells.as_slice() {
        [b, s] => {
            let bureaus: Vec<String> = text::clean_spaces(b)
                .split(' ')
                .map(str::to_string)
                .collect();
            (bureaus, section_names(&text::clean_spaces(s)))
        }
        [one] => {
            let names = section_names(&text::clean_spaces(one));
            let split = names
                .iter()
                .position(|n| !is_bureau(n))
                .unwrap_or(names.len());
            (names[..split].to_vec(), names[split..].to_vec())
        }
        _ => bail!("担当部局・課所名 has {} cells", cells.len()),
    };
    ensure!(
        bureaus.iter().all(|b| is_bureau(b)),
        "not a bureau in {bureaus:?}"
    );
    ensure!(
        !bureaus.is_empty() && !sections.is_empty(),
        "bureaus {bureaus:?}, sections {sections:?}"
    );
    Ok((bureaus, sections))
}

/// 【第1編 第3章 第1節】 title 【…】 title …
fn parse_general_plan(text: &str) -> Result<Vec<PlanRef>> {
    static ENTRY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"【([^】]*)】\s*([^【]+)").unwrap());
    static REF: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^第\d+編 第\d+章 第\d+節$").unwrap());
    let mut out = Vec::new();
    let mut covered = 0;
    for c in ENTRY.captures_iter(text) {
        let reference = text::clean_spaces(&c[1]);
        ensure!(
            REF.is_match(&reference),
            "総合計画 reference not understood: 【{reference}】"
        );
        covered += c[0].len();
        out.push(PlanRef {
            reference,
            title: c[2].trim().to_string(),
        });
    }
    ensure!(
        covered == text.len() && !out.is_empty(),
        "総合計画 cell not understood: {text:?}"
    );
    Ok(out)
}

/// Circled-number entries, or an explicit "none" marker.
fn parse_smart_city(text: &str) -> Result<(Vec<SmartCityRef>, Option<String>)> {
    if matches!(text, "—" | "-" | "なし") {
        return Ok((Vec::new(), Some(text.to_string())));
    }
    ensure!(!text.is_empty(), "empty スマートシティ化推進計画 cell");
    let mut out: Vec<SmartCityRef> = Vec::new();
    let mut current: Option<(Option<u32>, String)> = None;
    for c in text.chars() {
        if let Some(n) = text::circled_number(c) {
            out.extend(current.take().map(smart_city_ref));
            current = Some((Some(n), String::new()));
        } else {
            current.get_or_insert((None, String::new())).1.push(c);
        }
    }
    out.extend(current.take().map(smart_city_ref));
    ensure!(
        out.iter().all(|r| !r.title.is_empty()),
        "スマートシティ cell not understood: {text:?}"
    );
    Ok((out, None))
}

fn smart_city_ref((number, title): (Option<u32>, String)) -> SmartCityRef {
    let title = title.trim();
    // A name quoted as a whole (①「…」) is unquoted.
    let title = title
        .strip_prefix('「')
        .and_then(|t| t.strip_suffix('」'))
        .filter(|t| !t.contains(['「', '」']))
        .unwrap_or(title);
    SmartCityRef {
        number,
        title: title.to_string(),
    }
}

/// The SDG cell: goals named in text (`basis: document`), or only the blanks
/// the icons left, in which case the estimate is merged (`basis: estimated`).
fn sdgs(
    no: u32,
    cell: &str,
    corrections: &Corrections,
    sdg_goals: &[SdgGoal],
    estimates: &mut BTreeMap<u32, Estimate>,
) -> Result<Sdgs> {
    static GOAL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(\d{1,2}) (\S+)").unwrap());
    let spaces = cell.chars().filter(|c| *c == ' ').count() as u32;
    ensure!(
        cell.chars().all(|c| c == ' ' || !c.is_whitespace()),
        "odd blanks in the SDG cell"
    );
    let named = GOAL.captures_iter(cell).count() as u32;
    // Each named goal contains one space and is separated from the next by one.
    let icon_gap = spaces - named - named.saturating_sub(1);

    let text = corrections.apply(no, "sdgs", &text::clean_spaces(cell))?;
    if text.is_empty() {
        let estimate = estimates
            .remove(&no)
            .with_context(|| format!("no SDG goals in the source and none in {SDG_ESTIMATES}"))?;
        if let Some(gap) = estimate.icon_gap {
            ensure!(
                gap == icon_gap,
                "{SDG_ESTIMATES} says icon_gap {gap}, the source has {icon_gap}"
            );
        }
        let mut goals = estimate.goals;
        goals.sort_unstable();
        goals.dedup();
        ensure!(
            !goals.is_empty() && goals.iter().all(|g| (1..=17).contains(g)),
            "estimated goals {goals:?} not within 1..=17"
        );
        let rationale = estimate.rationale.trim().to_string();
        ensure!(!rationale.is_empty(), "estimated goals without a rationale");
        // A reader must learn that the source gives no goals at all here.
        ensure!(
            icon_gap > 0 || rationale.contains("空欄"),
            "the SDG cell is empty: the rationale must say so (空欄)"
        );
        return Ok(Sdgs {
            goals,
            basis: SdgBasis::Estimated,
            // Blanks mean the page had icons; none means no trace of any.
            cell: if icon_gap > 0 {
                SdgCell::Icons
            } else {
                SdgCell::Empty
            },
            rationale: Some(rationale),
            icon_gap,
        });
    }
    let mut goals = Vec::new();
    let mut covered = 0;
    for c in GOAL.captures_iter(&text) {
        let number: u8 = c[1].parse()?;
        let official = sdg_goals
            .iter()
            .find(|g| g.number == number)
            .with_context(|| format!("SDG goal {number} does not exist"))?;
        ensure!(
            official.name.replace(' ', "") == c[2].replace(' ', ""),
            "the source names goal {number} {:?}, officially {:?}: correct it",
            &c[2],
            official.name
        );
        covered += c[0].len();
        goals.push(number);
    }
    ensure!(
        covered + goals.len().saturating_sub(1) == text.len(),
        "SDG cell not understood: {text:?}"
    );
    ensure!(
        goals.windows(2).all(|w| w[0] < w[1]),
        "SDG goals out of order: {goals:?}"
    );
    Ok(Sdgs {
        goals,
        basis: SdgBasis::Document,
        cell: SdgCell::Named,
        rationale: None,
        icon_gap,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .unwrap()
            .to_path_buf()
    }

    /// `cargo test -p xtask` fails when the committed dataset is stale.
    #[test]
    fn committed_dataset_is_up_to_date() {
        dataset(&root(), true).unwrap();
    }

    #[test]
    fn sections_keep_their_qualifier() {
        assert_eq!(
            section_names("行政管理課 施設所管課 (計画策定主担当課)"),
            ["行政管理課", "施設所管課（計画策定主担当課）"]
        );
    }

    #[test]
    fn general_plan_references_are_parsed() {
        let refs =
            parse_general_plan("【第1編 第3章 第1節】 行財政改革 【第4編 第2章 第1節】 共生社会")
                .unwrap();
        assert_eq!(refs.len(), 2);
        assert_eq!(refs[1].reference, "第4編 第2章 第1節");
        assert_eq!(refs[1].title, "共生社会");
        assert!(parse_general_plan("【第4章 第1章 第2節】 医療").is_err());
    }

    #[test]
    fn smart_city_entries_and_none() {
        let (refs, none) =
            parse_smart_city("③ICTを活用した窓口改善 ②地域で支え合う福祉の推進").unwrap();
        assert_eq!(refs.len(), 2);
        assert_eq!(refs[0].number, Some(3));
        assert_eq!(refs[1].title, "地域で支え合う福祉の推進");
        assert_eq!(none, None);
        let (refs, _) = parse_smart_city("①「電子申請手続の利用促進」").unwrap();
        assert_eq!(refs[0].title, "電子申請手続の利用促進");
        let (refs, none) = parse_smart_city("—").unwrap();
        assert!(refs.is_empty());
        assert_eq!(none.as_deref(), Some("—"));
    }
}
