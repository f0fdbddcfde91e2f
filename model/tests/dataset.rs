//! Validation of the committed dataset, `data/action-program.json`, against
//! the schema, against itself, and against the source text it was extracted
//! from (read here independently of the extractor).

use model::{Dataset, Item, SdgBasis, SdgCell};
use std::collections::BTreeMap;
use std::sync::OnceLock;

const JSON: &str = include_str!("../../data/action-program.json");
const SOURCE: &str = include_str!("../../data/source/action-program-r4.txt");

fn dataset() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(|| Dataset::from_json(JSON).expect("the dataset parses"))
}

fn spaces(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One TOC line: (no, no in category, title, sections, page).
struct TocLine {
    no: u32,
    no_in_category: u32,
    title: String,
    sections: Vec<String>,
    page: u32,
}

/// Section names as the TOC lists them (a bracketed name qualifies the one before).
fn section_names(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for token in text.split_whitespace() {
        match (token.starts_with(['(', '（']), out.last_mut()) {
            (true, Some(last)) => last.push_str(&token.replace('(', "（").replace(')', "）")),
            _ => out.push(token.to_string()),
        }
    }
    out
}

fn toc() -> Vec<TocLine> {
    let body = SOURCE.find("No.\t1\t").expect("item tables");
    SOURCE[..body]
        .lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            if cells.len() != 5 {
                return None;
            }
            Some(TocLine {
                no: cells[0].trim().parse().ok()?,
                no_in_category: cells[1].trim().parse().ok()?,
                title: spaces(cells[2]),
                sections: section_names(cells[3]),
                page: cells[4].trim().parse().ok()?,
            })
        })
        .collect()
}

/// The rows of one item table in the source: normalised label → value cells.
#[derive(Default)]
struct SourceTable {
    title: String,
    rows: BTreeMap<String, Vec<String>>,
}

fn normalise_label(label: &str) -> String {
    let l: String = label
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            c => c,
        })
        .collect();
    let l = l.replace("実績実績", "実績");
    for (prefix, name) in [
        ("改革の概要", "overview"),
        ("改革の体系項目", "framework"),
        ("担当部局", "in_charge"),
        ("これまでの実績", "current_status"),
        ("課題解決", "measures"),
        ("5年後", "target_state"),
        ("「第二次", "general_plan"),
        ("「スマート", "smart_city"),
        ("該当するSDGs", "sdgs"),
        ("取組年度", "header"),
    ] {
        if l.starts_with(prefix) {
            return name.to_string();
        }
    }
    l
}

fn source_tables() -> Vec<SourceTable> {
    let mut tables: Vec<SourceTable> = Vec::new();
    let mut in_table = false;
    for line in SOURCE.lines() {
        let cells: Vec<&str> = line.split('\t').collect();
        if line.trim().is_empty() {
            in_table = false;
        } else if cells[0] == "No." && cells.get(1).is_some_and(|c| !c.trim().is_empty()) {
            let title = spaces(&cells[2..].join(" "));
            let title = title.strip_prefix("取組項目名").unwrap().trim().to_string();
            tables.push(SourceTable {
                title,
                ..SourceTable::default()
            });
            in_table = true;
        } else if in_table {
            let values = cells[1..]
                .iter()
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty())
                .collect();
            tables
                .last_mut()
                .unwrap()
                .rows
                .entry(normalise_label(cells[0]))
                .or_insert(values);
        }
    }
    tables
}

fn for_each_string(value: &serde_json::Value, path: &str, f: &mut dyn FnMut(&str, &str)) {
    match value {
        serde_json::Value::String(s) => f(path, s),
        serde_json::Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                for_each_string(v, &format!("{path}[{i}]"), f);
            }
        }
        serde_json::Value::Object(o) => {
            for (k, v) in o {
                for_each_string(v, &format!("{path}.{k}"), f);
            }
        }
        _ => {}
    }
}

fn all_strings() -> Vec<(String, String)> {
    let value: serde_json::Value = serde_json::from_str(JSON).unwrap();
    let mut out = Vec::new();
    for_each_string(&value, "", &mut |path, s| {
        out.push((path.to_string(), s.to_string()))
    });
    out
}

#[test]
fn the_schema_covers_the_whole_file() {
    // Reading and writing back gives the same text: no field is lost or unknown.
    let mut again = serde_json::to_string_pretty(dataset()).unwrap();
    again.push('\n');
    assert!(
        again == JSON,
        "the dataset does not round-trip through the model types"
    );
}

#[test]
fn there_are_61_items_numbered_1_to_61() {
    let numbers: Vec<u32> = dataset().items.iter().map(|i| i.no).collect();
    assert_eq!(numbers, (1..=61).collect::<Vec<_>>());
}

#[test]
fn meta_is_filled_in() {
    let m = &dataset().meta;
    assert_eq!(m.issuer, "上田市");
    // The cover's date is the programme's adoption; the edition's own date
    // is not printed, and the note says what the results tell about it.
    assert_eq!(m.adopted, "令和3年8月");
    assert_eq!(m.edition_published, None);
    assert!(
        m.edition_date_note.contains("令和5年"),
        "{}",
        m.edition_date_note
    );
    assert_eq!(m.status_as_of, "令和4年度末");
    assert_eq!(m.source_file, "action-program-r4.txt");
    assert_eq!(
        m.version
            .split('.')
            .filter(|p| p.parse::<u32>().is_ok())
            .count(),
        3
    );
    assert!(!m.title.is_empty() && !m.notes.is_empty());
}

#[test]
fn pillars_and_categories_match_the_toc_counts() {
    let d = dataset();
    let counts: Vec<u32> = d.pillars.iter().map(|p| p.item_count).collect();
    assert_eq!(counts, [20, 29, 12]);
    let categories: Vec<Vec<u32>> = d
        .pillars
        .iter()
        .map(|p| p.categories.iter().map(|c| c.item_count).collect())
        .collect();
    assert_eq!(
        categories,
        [vec![5, 10, 2, 3], vec![6, 6, 3, 10, 4], vec![2, 3, 6, 1]]
    );
    for pillar in &d.pillars {
        let in_pillar: Vec<&Item> = d
            .items
            .iter()
            .filter(|i| i.pillar.code == pillar.code)
            .collect();
        assert_eq!(
            in_pillar.len() as u32,
            pillar.item_count,
            "pillar {}",
            pillar.code
        );
        assert_eq!(
            pillar.categories.iter().map(|c| c.item_count).sum::<u32>(),
            pillar.item_count
        );
        for category in &pillar.categories {
            let in_category: Vec<&&Item> = in_pillar
                .iter()
                .filter(|i| i.category.code == category.code)
                .collect();
            assert_eq!(in_category.len() as u32, category.item_count);
            for (k, item) in in_category.iter().enumerate() {
                assert_eq!(item.no_in_category as usize, k + 1, "item {}", item.no);
                assert_eq!(item.pillar.name, pillar.name);
                assert_eq!(item.category.name, category.name);
            }
        }
    }
}

#[test]
fn toc_and_tables_agree_or_the_difference_is_listed() {
    let d = dataset();
    let toc = toc();
    let tables = source_tables();
    assert_eq!(toc.len(), 61);
    assert_eq!(tables.len(), 61);
    for ((line, table), item) in toc.iter().zip(&tables).zip(&d.items) {
        let no = item.no;
        assert_eq!(line.no, no);
        assert_eq!(line.no_in_category, item.no_in_category, "item {no}");
        assert_eq!(line.page, item.page, "item {no}");
        assert_eq!(line.page, no + 5, "item {no}: pages run 6 to 66");
        let listed = |field: &str| item.differences.iter().find(|x| x.field == field);

        // Title: the TOC's reading is kept where it is not the clean title.
        if line.title == item.title {
            assert_eq!(item.toc_title, None, "item {no}");
        } else {
            assert_eq!(
                item.toc_title.as_deref(),
                Some(line.title.as_str()),
                "item {no}"
            );
        }
        match listed("title") {
            Some(x) => {
                assert_eq!(x.toc, line.title, "item {no}");
                assert_eq!(x.table, table.title, "item {no}");
                assert_ne!(x.toc, x.table, "item {no}");
            }
            None => assert_eq!(
                line.title, table.title,
                "item {no}: title difference not listed"
            ),
        }

        // Sections.
        match listed("sections") {
            Some(x) => {
                assert_ne!(line.sections, item.sections, "item {no}");
                assert_eq!(
                    item.toc_sections.as_ref(),
                    Some(&line.sections),
                    "item {no}"
                );
                assert_eq!(x.toc, line.sections.join(" "));
                assert_eq!(x.table, item.sections.join(" "));
            }
            None => {
                assert_eq!(
                    line.sections, item.sections,
                    "item {no}: sections difference not listed"
                );
                assert_eq!(item.toc_sections, None, "item {no}");
            }
        }

        // Category, as 改革の体系項目 states it.
        let framework = table.rows["framework"].join(" ");
        let stated = framework
            .split_whitespace()
            .find(|w| ["ア", "イ", "ウ", "エ", "オ"].contains(w))
            .unwrap_or_else(|| panic!("item {no}: no category in {framework}"));
        match listed("category") {
            Some(x) => {
                assert_ne!(stated, item.category.code, "item {no}");
                assert!(x.table.starts_with(stated));
                assert!(x.toc.starts_with(&item.category.code));
            }
            None => assert_eq!(
                stated, item.category.code,
                "item {no}: category difference not listed"
            ),
        }
        assert!(framework.contains(&item.pillar.name), "item {no}");

        for x in &item.differences {
            assert!(["title", "sections", "category", "pillar"].contains(&x.field.as_str()));
            assert!(!x.note.is_empty());
        }
    }
}

#[test]
fn every_field_the_source_fills_is_filled() {
    let d = dataset();
    for (table, item) in source_tables().iter().zip(&d.items) {
        let no = item.no;
        let has = |label: &str| {
            table
                .rows
                .get(label)
                .unwrap_or_else(|| panic!("item {no}: no {label} row"))
                .iter()
                .any(|v| !v.is_empty())
        };
        for (label, value) in [
            ("overview", &item.overview),
            ("current_status", &item.current_status),
            ("measures", &item.measures),
            ("target_state", &item.target_state),
        ] {
            assert_eq!(has(label), !value.is_empty(), "item {no}: {label}");
        }
        assert!(
            has("general_plan") && !item.general_plan.is_empty(),
            "item {no}"
        );
        assert!(
            !item.bureaus.is_empty() && !item.sections.is_empty(),
            "item {no}"
        );
        assert!(has("smart_city"), "item {no}");
        assert_eq!(
            item.smart_city.is_empty(),
            item.smart_city_none.is_some(),
            "item {no}"
        );
        if let Some(marker) = &item.smart_city_none {
            assert!(["—", "-", "なし"].contains(&marker.as_str()), "item {no}");
        }
        // The SDG row: goals named in text make the basis "document".
        let named = has("sdgs");
        assert_eq!(named, item.sdgs.basis == SdgBasis::Document, "item {no}");
        if named {
            let cell = table.rows["sdgs"].join(" ");
            for goal in &item.sdgs.goals {
                assert!(cell.contains(&format!("{goal} ")), "item {no}: goal {goal}");
            }
        }
    }
}

#[test]
fn every_year_has_a_plan_and_results_only_where_the_source_has_them() {
    let d = dataset();
    for (table, item) in source_tables().iter().zip(&d.items) {
        let no = item.no;
        let years: Vec<u8> = item.years.iter().map(|y| y.year).collect();
        assert_eq!(years, [3, 4, 5, 6, 7], "item {no}");
        for year in &item.years {
            let y = year.year;
            assert_eq!(year.label, format!("令和{y}年度"));
            assert!(!year.plan.is_empty(), "item {no}, 令和{y}年度: no plan");
            let cells = &table.rows[&format!("令和{y}年度")];
            assert!(
                !cells.is_empty(),
                "item {no}, 令和{y}年度: the source has no plan"
            );
            let source_has_result = cells.len() > 1;
            assert_eq!(
                year.result.is_some(),
                source_has_result,
                "item {no}, 令和{y}年度"
            );
            if y >= 5 {
                assert!(year.result.is_none(), "item {no}, 令和{y}年度 has a result");
            }
            if let Some(result) = &year.result {
                assert!(
                    !result.is_empty(),
                    "item {no}, 令和{y}年度: empty result list"
                );
            }
        }
    }
}

#[test]
fn values_are_clean_text() {
    for (path, s) in all_strings() {
        assert!(!s.is_empty(), "{path}: empty string");
        assert_eq!(s.trim(), s, "{path}: leading or trailing whitespace");
        assert!(
            !s.contains(['\t', '\n', '\r']),
            "{path}: tab or line break in {s:?}"
        );
        assert!(!s.contains("  "), "{path}: double space in {s:?}");
        let tag = s.char_indices().any(|(i, c)| {
            c == '<' && s[i + 1..].starts_with(|n: char| n.is_ascii_alphabetic() || n == '/')
        });
        assert!(!tag, "{path}: HTML in {s:?}");
        assert!(!s.starts_with('・'), "{path}: bullet mark left in {s:?}");
    }
}

/// The source's OCR slips and other known errors: none may survive.
const KNOWN_SLIPS: [&str; 19] = [
    "府内",
    "全府",
    "手續",
    "雙",
    "双向",
    "向上了",
    "和平",
    "基盤と技術革新の基盤をつくる",
    "(工)",
    "(才)",
    "第2編】",
    "第4章 第1章",
    "行なな",
    "経験経験",
    "ニーズを応える",
    "H 4 ",
    "、 ",
    "電子申請手続き",
    "検討とともに",
];

#[test]
fn no_known_slip_is_left() {
    // `differences` quote the source's readings on purpose.
    for (path, s) in all_strings()
        .into_iter()
        .filter(|(p, _)| !p.contains(".differences"))
    {
        for slip in KNOWN_SLIPS {
            assert!(!s.contains(slip), "{path}: {slip:?} left in {s:?}");
        }
        // Numbers broken after their thousands separator ("20, 083").
        let chars: Vec<char> = s.chars().collect();
        for w in chars.windows(4) {
            let broken =
                w[0].is_ascii_digit() && w[1] == ',' && w[2] == ' ' && w[3].is_ascii_digit();
            assert!(!broken, "{path}: broken number in {s:?}");
        }
    }
}

#[test]
fn titles_are_clean() {
    for item in &dataset().items {
        let t = &item.title;
        assert!(!t.starts_with('('), "item {}: {t}", item.no);
        if item.category.code == "エ" && item.pillar.code == "2" && item.no_in_category >= 4 {
            assert!(
                t.starts_with("公共施設のあり方の検討 ("),
                "item {}: {t}",
                item.no
            );
        }
    }
}

#[test]
fn plan_references_are_well_formed() {
    for item in &dataset().items {
        for r in &item.general_plan {
            let parts: Vec<&str> = r.reference.split(' ').collect();
            assert_eq!(parts.len(), 3, "item {}: {}", item.no, r.reference);
            for (part, unit) in parts.iter().zip(["編", "章", "節"]) {
                let n = part.strip_prefix('第').and_then(|p| p.strip_suffix(unit));
                assert!(
                    n.is_some_and(|n| n.parse::<u32>().is_ok()),
                    "item {}: {}",
                    item.no,
                    r.reference
                );
            }
        }
    }
}

#[test]
fn sdg_goals_are_valid() {
    let d = dataset();
    let numbers: Vec<u8> = d.sdg_goals.iter().map(|g| g.number).collect();
    assert_eq!(numbers, (1..=17).collect::<Vec<u8>>());
    for g in &d.sdg_goals {
        for colour in [&g.color, &g.text_color] {
            assert!(
                colour.len() == 7 && colour.starts_with('#'),
                "goal {}",
                g.number
            );
            assert!(
                colour[1..].chars().all(|c| c.is_ascii_hexdigit()),
                "goal {}",
                g.number
            );
        }
    }
    let mut documented = Vec::new();
    for item in &d.items {
        let s = &item.sdgs;
        assert!(!s.goals.is_empty(), "item {}: no goals", item.no);
        assert!(
            s.goals.iter().all(|g| (1..=17).contains(g)),
            "item {}",
            item.no
        );
        assert!(
            s.goals.windows(2).all(|w| w[0] < w[1]),
            "item {}: order",
            item.no
        );
        match s.basis {
            SdgBasis::Document => {
                documented.push(item.no);
                assert_eq!(s.rationale, None, "item {}", item.no);
                assert_eq!(s.cell, SdgCell::Named, "item {}", item.no);
            }
            SdgBasis::Estimated => {
                assert!(
                    s.rationale.as_ref().is_some_and(|r| !r.is_empty()),
                    "item {}",
                    item.no
                );
            }
        }
    }
    assert_eq!(documented, [20, 37, 46, 54]);
    assert_eq!(d.item(20).unwrap().sdgs.goals, [9, 11, 13, 16, 17]);
}

/// The SDG cell's kind follows from the source: names for the four
/// documented items, icon blanks where the cell has spaces, and nothing for
/// the 16 items whose cell is empty, whose estimates say so.
#[test]
fn sdg_cells_tell_lost_icons_from_no_icons() {
    let d = dataset();
    let mut empty = Vec::new();
    for item in &d.items {
        let s = &item.sdgs;
        match s.cell {
            SdgCell::Named => assert_eq!(s.basis, SdgBasis::Document, "item {}", item.no),
            SdgCell::Icons => {
                assert_eq!(s.basis, SdgBasis::Estimated, "item {}", item.no);
                assert!(s.icon_gap > 0, "item {}", item.no);
            }
            SdgCell::Empty => {
                empty.push(item.no);
                assert_eq!(s.icon_gap, 0, "item {}", item.no);
                let rationale = s.rationale.as_deref().unwrap_or_default();
                assert!(rationale.contains("空欄"), "item {}: {rationale}", item.no);
            }
        }
    }
    assert_eq!(
        empty,
        [25, 27, 28, 29, 31, 33, 36, 41, 43, 47, 48, 49, 50, 51, 52, 59]
    );
}

/// An estimate's rationale ties each goal to the item's own text: every
/// passage it quotes (「…」) is in the item as written, and it names exactly
/// the goals given (目標N), so a rationale can neither cite text the source
/// lacks nor argue for a goal the item does not get.
#[test]
fn sdg_rationales_quote_the_item_and_name_its_goals() {
    let value: serde_json::Value = serde_json::from_str(JSON).unwrap();
    for (item, json) in dataset()
        .items
        .iter()
        .zip(value["items"].as_array().unwrap())
    {
        let Some(rationale) = item.sdgs.rationale.as_deref() else {
            continue;
        };
        let mut text = String::new();
        for (field, v) in json.as_object().unwrap() {
            if field != "sdgs" {
                for_each_string(v, field, &mut |_, s| text.push_str(s));
            }
        }
        let printed = without_markup(item_source(item.no));
        for quote in rationale.split('「').skip(1) {
            let quote = quote.split('」').next().unwrap();
            assert!(
                text.contains(quote),
                "item {}: 「{quote}」 is not in the item",
                item.no
            );
            // Quoted as printed: a corrected passage is not what the source says.
            assert!(
                printed.contains(&without_markup(quote)),
                "item {}: 「{quote}」 is not printed so in the source",
                item.no
            );
        }
        let named: std::collections::BTreeSet<u8> = rationale
            .split("目標")
            .skip(1)
            .filter_map(|rest| {
                let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                digits.parse().ok()
            })
            .collect();
        assert!(
            named.iter().copied().eq(item.sdgs.goals.iter().copied()),
            "item {}: the rationale names goals {named:?}, the item has {:?}",
            item.no,
            item.sdgs.goals
        );
    }
}

/// The source text of item `no`, from its `No.<TAB>n<TAB>` line to the next item's.
fn item_source(no: u32) -> &'static str {
    let start = SOURCE.find(&format!("\nNo.\t{no}\t")).unwrap() + 1;
    let rest = &SOURCE[start..];
    let end = rest
        .find(&format!("\nNo.\t{}\t", no + 1))
        .unwrap_or(rest.len());
    &rest[..end]
}

/// Text without the source's HTML tags and without whitespace, so that a
/// passage compares the same inside and across the source's cells and lines.
fn without_markup(text: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if in_tag || c.is_whitespace() => {}
            c => out.push(c),
        }
    }
    out
}

/// The independent re-extraction found rationales that credit an item with
/// what it does not say: a tie may be a judgment (and then says so), never
/// a claim about the item's text.
#[test]
fn sdg_rationales_claim_nothing_their_items_do_not_say() {
    let value: serde_json::Value = serde_json::from_str(JSON).unwrap();
    let claims: [(u32, &str); 2] = [(57, "環境負荷"), (7, "住まいの確保")];
    for (no, claim) in claims {
        let item = dataset().item(no).unwrap();
        let mut text = String::new();
        for_each_string(&value["items"][no as usize - 1], "", &mut |path, s| {
            if !path.starts_with(".sdgs") {
                text.push_str(s);
            }
        });
        let rationale = item.sdgs.rationale.as_deref().unwrap();
        assert!(
            !rationale.contains(claim) || text.contains(claim),
            "item {no}: the rationale credits the item with {claim}, which it does not say"
        );
        // The tie that replaced the claim is marked as a weak one, a judgment.
        assert!(
            rationale.contains("結びつきは弱い"),
            "item {no}: {rationale}"
        );
    }
}

/// The notes say what the text shows of the SDG cells (blanks), and that
/// icons are an inference from them, as the estimates file does.
#[test]
fn the_notes_do_not_state_the_lost_icons_as_fact() {
    let notes = &dataset().meta.notes;
    let sdg = notes
        .iter()
        .find(|n| n.contains("sdgs.cell: icons"))
        .expect("a note on the SDG cells");
    assert!(sdg.contains("空白"), "{sdg}");
    assert!(sdg.contains("考えられます"), "{sdg}");
    assert!(!sdg.contains("アイコンのみがあり"), "{sdg}");
    let estimates: serde_json::Value =
        serde_json::from_str(include_str!("../../data/sdg-estimates.json")).unwrap();
    assert!(estimates["method"].as_str().unwrap().contains("probably"));
}

/// Every correction is judged by the same two rules (`data/README.md`,
/// *Corrections*): the kind follows the form of the error, and a fix is
/// certain only when the source establishes its wording.
#[test]
fn corrections_are_judged_by_one_rule() {
    use model::corrections::{Certainty, CorrectionKind, CorrectionList};
    let list = CorrectionList::from_json(include_str!("../../data/corrections.json"))
        .unwrap()
        .corrections;
    let printed = without_markup(SOURCE);
    // Forms the extraction writes for Japanese ones: slips wherever they occur.
    let extraction_forms = ["續", "雙", "和平", "双向", "了"];
    // A word typed twice in a row: no extraction does that.
    let doubled = |before: &str, after: &str| {
        let chars: Vec<char> = after.chars().collect();
        (0..chars.len()).any(|i| {
            (i + 2..=chars.len()).any(|j| {
                let twice: String = chars[..j]
                    .iter()
                    .chain(&chars[i..j])
                    .chain(&chars[j..])
                    .collect();
                twice == before
            })
        })
    };
    // What a reason may name as establishing the wording, besides the source writing it.
    let established = [
        "the TOC has",
        "the TOC writes",
        "the item has",
        "printed on its icon",
        "look-alike",
        "layout",
        "no other",
        "occurs correctly",
    ];
    let sorted = |text: &str| {
        let mut chars: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
        chars.sort_unstable();
        chars
    };
    for (at, c) in list.iter().enumerate() {
        let name = format!("[{at}] {} → {}", c.before, c.after);
        if extraction_forms
            .iter()
            .any(|form| c.before.contains(form) && !c.after.contains(form))
        {
            assert_eq!(c.kind, CorrectionKind::ExtractionSlip, "{name}");
        }
        if doubled(&c.before, &c.after) {
            assert_eq!(c.kind, CorrectionKind::AuthorTypo, "{name}");
        }
        // Wording only: a fix that rearranges the source's own text is judged otherwise.
        if c.kind == CorrectionKind::ReadingChoice || sorted(&c.before) == sorted(&c.after) {
            continue;
        }
        match c.certainty {
            Certainty::Certain => assert!(
                printed.contains(&without_markup(&c.after))
                    || established.iter().any(|e| c.reason.contains(e)),
                "{name}: certain, but the source does not write it and the reason names nothing that establishes it"
            ),
            Certainty::Guess => assert!(
                c.reason.contains("guess") || c.reason.contains("A guess"),
                "{name}: {}",
                c.reason
            ),
        }
    }
    // The data notes' cases, judged by these rules.
    let judged = |before: &str| {
        list.iter()
            .filter(|c| c.before == before)
            .map(|c| (c.kind, c.certainty))
            .collect::<Vec<_>>()
    };
    use CorrectionKind::{AuthorTypo, ExtractionSlip};
    assert_eq!(judged("双向型"), [(ExtractionSlip, Certainty::Certain); 2]);
    assert_eq!(judged("行なながら"), [(AuthorTypo, Certainty::Certain)]);
    assert_eq!(
        judged("民間経験経験者"),
        [(AuthorTypo, Certainty::Guess); 2]
    );
}

/// The preface is the source's four paragraphs, word for word.
#[test]
fn preface_is_the_source_introduction() {
    let preface = &dataset().preface;
    assert_eq!(preface.heading, "アクションプログラム");
    assert_eq!(preface.paragraphs.len(), 4);
    let source = include_str!("../../data/source/action-program-r4.txt");
    for paragraph in &preface.paragraphs {
        assert!(source.contains(paragraph.as_str()), "{paragraph}");
    }
    assert!(preface.paragraphs[1].contains("効果額"));
    assert!(preface.paragraphs[3].contains("中間評価"));
}

/// The binary form the app embeds (written by build.rs) reads back as exactly
/// the dataset of the JSON, and damaged bytes are an error, not a panic.
#[cfg(feature = "binary")]
#[test]
fn binary_form_reads_back_as_the_json() {
    let bytes = dataset().to_binary();
    assert_eq!(&Dataset::from_binary(&bytes).unwrap(), dataset());
    assert!(Dataset::from_binary(&bytes[..bytes.len() / 2]).is_err());
    assert!(Dataset::from_binary(&[bytes.as_slice(), &[0]].concat()).is_err());
    let minified = serde_json::to_string(dataset()).unwrap();
    assert!(
        bytes.len() < minified.len(),
        "{} bytes against {} of minified JSON",
        bytes.len(),
        minified.len()
    );
}
