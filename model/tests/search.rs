//! Japanese-aware search: folding, terms, the index and highlighting.

use model::search::{fold, highlight, terms, SearchIndex, Segment};
use model::Item;
use proptest::prelude::*;

mod common;

use common::{dataset, nfkc};

/// The real items' text index.
fn real_index() -> &'static SearchIndex {
    common::index().text(&common::dataset().items)
}

/// Numbers of the real items matching `query`.
fn found(query: &str) -> Vec<u32> {
    let t = terms(query, nfkc);
    (0..real_index().len())
        .filter(|&i| real_index().matches(i, &t))
        .map(|i| dataset().items[i].no)
        .collect()
}

/// A copy of item 1 with the given title and overview, other text emptied.
fn item(title: &str, overview: &[&str]) -> Item {
    let mut item = dataset().items[0].clone();
    item.title = title.to_owned();
    item.toc_title = None;
    item.pillar.name = "柱".to_owned();
    item.category.name = "分類".to_owned();
    item.bureaus = vec!["部".to_owned()];
    item.sections = vec!["課".to_owned()];
    item.toc_sections = None;
    item.overview = overview.iter().map(|s| s.to_string()).collect();
    item.current_status.clear();
    item.measures.clear();
    item.target_state.clear();
    item.general_plan.clear();
    item.smart_city.clear();
    item.years.clear();
    item
}

fn matches_one(item_: Item, query: &str) -> bool {
    let index = SearchIndex::new(&[item_], nfkc);
    index.matches(0, &terms(query, nfkc))
}

/// The hit parts of `highlight`.
fn hits(text: &str, query: &str) -> Vec<String> {
    highlight(text, &terms(query, nfkc), nfkc, None)
        .into_iter()
        .filter(|s| s.hit)
        .map(|s| s.text)
        .collect()
}

fn concat(segments: &[Segment]) -> String {
    segments.iter().map(|s| s.text.as_str()).collect()
}

#[test]
fn fold_width_case_kana_and_spaces() {
    assert_eq!(fold("ＩＣＴ", nfkc), "ict");
    assert_eq!(fold("２０２２年", nfkc), "2022年");
    assert_eq!(fold("ﾏｲﾅﾝﾊﾞｰ", nfkc), "マイナンバー");
    assert_eq!(fold("まいなんばー", nfkc), "マイナンバー");
    assert_eq!(fold("ゝゞ", nfkc), "ヽヾ");
    assert_eq!(fold("ゔぁ", nfkc), "ヴァ");
    assert_eq!(
        fold("  DX\u{3000}\u{3000}推進\t\n計画 ", nfkc),
        "dx 推進 計画"
    );
    assert_eq!(fold("㈱", nfkc), "(株)");
    assert_eq!(fold("", nfkc), "");
    assert_eq!(fold("\u{3000}", nfkc), "");
}

#[test]
fn terms_split_dedupe_and_keep_order() {
    assert_eq!(terms("マイナンバー　交付", nfkc), ["マイナンバー", "交付"]);
    assert_eq!(terms(" b  a\u{3000}B ", nfkc), ["b", "a"]);
    assert_eq!(terms("まいなんばー ﾏｲﾅﾝﾊﾞｰ", nfkc), ["マイナンバー"]);
    assert!(terms("", nfkc).is_empty());
    assert!(terms(" \u{3000} ", nfkc).is_empty());
}

#[test]
fn width_variants_match() {
    let it = item("ICTの活用 2022年度", &[]);
    assert!(matches_one(it.clone(), "ＩＣＴ"));
    assert!(matches_one(it.clone(), "ict"));
    assert!(matches_one(it.clone(), "２０２２"));
    assert!(!matches_one(it, "2023"));
    let full = item("ＩＣＴの活用 ２０２２年度", &[]);
    assert!(matches_one(full.clone(), "ICT"));
    assert!(matches_one(full, "2022"));
}

#[test]
fn kana_variants_match() {
    let kata = item("マイナンバーカードの交付", &[]);
    assert!(matches_one(kata.clone(), "ﾏｲﾅﾝﾊﾞｰ"));
    assert!(matches_one(kata.clone(), "まいなんばー"));
    assert!(matches_one(kata.clone(), "マイナンバー"));
    let half = item("ﾏｲﾅﾝﾊﾞｰｶｰﾄﾞ", &[]);
    assert!(matches_one(half.clone(), "マイナンバー"));
    assert!(matches_one(half, "まいなんばー"));
    let hira = item("ふるさと納税", &[]);
    assert!(matches_one(hira.clone(), "フルサト"));
    assert!(matches_one(hira, "ﾌﾙｻﾄ"));
}

#[test]
fn case_insensitive() {
    let it = item("SNSとLINEの活用", &[]);
    assert!(matches_one(it.clone(), "sns"));
    assert!(matches_one(it.clone(), "Line"));
    assert!(matches_one(item("line", &[]), "LINE"));
}

#[test]
fn all_terms_must_match() {
    let it = item("マイナンバーカードの交付", &["窓口での手続"]);
    assert!(matches_one(it.clone(), "マイナンバー　交付"));
    assert!(matches_one(it.clone(), "マイナンバー 窓口"));
    assert!(!matches_one(it.clone(), "マイナンバー　税"));
    assert!(matches_one(it, "  "), "no terms match everything");
}

#[test]
fn no_match_across_fields_or_paragraphs() {
    let it = item("行政の府", &["内部の事務"]);
    assert!(matches_one(it.clone(), "府"));
    assert!(matches_one(it.clone(), "内部"));
    assert!(!matches_one(it.clone(), "府内"));
    assert!(matches_one(it, "府 内部"), "AND of terms spans fields");
    let paragraphs = item("題", &["前段の府", "内部"]);
    assert!(!matches_one(paragraphs, "府内"));
}

#[test]
fn every_field_is_searched() {
    let mut it = item("題", &[]);
    it.toc_title = Some("目次題名".into());
    it.current_status = vec!["現状テキスト".into()];
    it.measures = vec!["手段テキスト".into()];
    it.target_state = vec!["目標テキスト".into()];
    it.toc_sections = Some(vec!["目次課".into()]);
    it.general_plan = vec![model::PlanRef {
        reference: "第9編 第9章 第9節".into(),
        title: "計画節".into(),
    }];
    it.smart_city = vec![model::SmartCityRef {
        number: Some(1),
        title: "スマート施策".into(),
    }];
    it.years = vec![model::Year {
        year: 3,
        label: "令和3年度".into(),
        plan: vec!["計画テキスト".into()],
        result: Some(vec!["実績テキスト".into()]),
    }];
    let no = it.no.to_string();
    for q in [
        no.as_str(),
        "目次題名",
        "柱",
        "分類",
        "部",
        "課",
        "目次課",
        "現状",
        "手段",
        "目標テ",
        "第9編",
        "計画節",
        "スマート施策",
        "計画テ",
        "実績テ",
    ] {
        assert!(matches_one(it.clone(), q), "{q}");
    }
}

#[test]
fn index_len_and_out_of_range() {
    let index = SearchIndex::new(&[], nfkc);
    assert!(index.is_empty());
    assert_eq!(index.len(), 0);
    assert!(!index.matches(0, &[]));
    assert_eq!(real_index().len(), 61);
    assert!(!real_index().is_empty());
    assert!(!real_index().matches(61, &[]));
}

#[test]
fn real_data() {
    assert!(found("府内").is_empty(), "府内 was an OCR slip for 庁内");
    assert!(found("庁内").len() >= 5, "{:?}", found("庁内"));
    assert!(found("ふるさと").contains(&21));
    assert_eq!(found("ふるさと　納税"), found("フルサト 納税"));
    assert!(found("ﾏｲﾅﾝﾊﾞｰ").contains(&2));
    assert_eq!(found("まいなんばー"), found("マイナンバー"));
    assert_eq!(found("ＩＣＴ"), found("ict"));
    assert!(found("ict").len() >= 5);
    assert!(found("21").contains(&21), "the number is searchable");
    assert_eq!(found("").len(), 61);
}

#[test]
fn highlight_marks_spans() {
    let segs = highlight(
        "マイナンバーカードの交付",
        &terms("まいなんばー 交付", nfkc),
        nfkc,
        None,
    );
    assert_eq!(
        segs,
        [
            Segment {
                text: "マイナンバー".into(),
                hit: true
            },
            Segment {
                text: "カードの".into(),
                hit: false
            },
            Segment {
                text: "交付".into(),
                hit: true
            },
        ]
    );
    assert_eq!(hits("ICTとＩＣＴ", "ict"), ["ICT", "ＩＣＴ"]);
    assert_eq!(hits("Ｉｃｔ", "ICT"), ["Ｉｃｔ"]);
}

#[test]
fn highlight_half_width_katakana() {
    let text = "新ﾏｲﾅﾝﾊﾞｰｶｰﾄﾞ交付";
    let segs = highlight(text, &terms("マイナンバー", nfkc), nfkc, None);
    assert_eq!(concat(&segs), text);
    assert_eq!(
        segs,
        [
            Segment {
                text: "新".into(),
                hit: false
            },
            Segment {
                text: "ﾏｲﾅﾝﾊﾞｰ".into(),
                hit: true
            },
            Segment {
                text: "ｶｰﾄﾞ交付".into(),
                hit: false
            },
        ]
    );
    // A half-width voiced kana is two characters, marked together.
    assert_eq!(hits("ﾏｲﾅﾝﾊﾞｰ", "ば"), ["ﾊﾞ"]);
    assert_eq!(hits("ﾏｲﾅﾝﾊﾞｰ", "マイナンハ"), Vec::<String>::new());
    // NFKC that lengthens: ㈱ folds to (株).
    assert_eq!(hits("上田㈱です", "株"), ["㈱"]);
    // Combining voiced mark in the original.
    assert_eq!(hits("か\u{3099}っこう", "ガッ"), ["か\u{3099}っ"]);
}

#[test]
fn highlight_merges_overlaps_and_neighbours() {
    assert_eq!(hits("あいうえお", "あいう うえ"), ["あいうえ"]);
    assert_eq!(hits("あいうえお", "あい うえ"), ["あいうえ"]);
    assert_eq!(hits("ああああ", "ああ"), ["ああああ"]);
    assert_eq!(hits("あxあxあ", "あ"), ["あ", "あ", "あ"]);
}

#[test]
fn highlight_edge_cases() {
    assert!(highlight("", &terms("a", nfkc), nfkc, None).is_empty());
    assert_eq!(
        highlight("abc", &[], nfkc, None),
        [Segment {
            text: "abc".into(),
            hit: false
        }]
    );
    assert_eq!(
        highlight("abc", &["".into()], nfkc, None),
        [Segment {
            text: "abc".into(),
            hit: false
        }]
    );
    assert_eq!(hits("abc", "x"), Vec::<String>::new());
    assert_eq!(hits("abc", "ABC"), ["abc"]);
    // Raw (unfolded) terms are folded by highlight itself.
    let segs = highlight("マイナンバー", &["ﾏｲﾅﾝﾊﾞｰ".to_owned()], nfkc, None);
    assert_eq!(
        segs,
        [Segment {
            text: "マイナンバー".into(),
            hit: true
        }]
    );
}

#[test]
fn highlight_real_items_agree_with_matches() {
    for q in ["庁内", "ふるさと", "ict", "マイナンバー　交付", "デジタル"] {
        let t = terms(q, nfkc);
        for it in &dataset().items {
            for text in it.overview.iter().chain(&it.measures).chain([&it.title]) {
                let segs = highlight(text, &t, nfkc, None);
                assert_eq!(&concat(&segs), text);
                let any_hit = segs.iter().any(|s| s.hit);
                let folded = fold(text, nfkc);
                assert_eq!(
                    any_hit,
                    t.iter().any(|x| folded.contains(x.as_str())),
                    "{q} {text}"
                );
            }
        }
    }
}

proptest! {
    #[test]
    fn highlight_round_trips(
        text in "[a-zA-Zａ-ｚＡ-Ｚ0-9０-９ぁ-んァ-ヶｦ-ﾟ゙゚㈱　 、。漢字\u{301}]{0,40}",
        query in "[a-zａ-ｚあ-んｱ-ﾝﾞ0-9 ]{0,6}",
    ) {
        let t = terms(&query, nfkc);
        let segs = highlight(&text, &t, nfkc, None);
        prop_assert_eq!(concat(&segs), text.clone());
        prop_assert!(segs.iter().all(|s| !s.text.is_empty()));
        prop_assert!(segs.windows(2).all(|w| w[0].hit != w[1].hit));
        // A term found in the folded text yields at least one hit.
        let folded = fold(&text, nfkc);
        if t.iter().any(|x| !x.contains(' ') && folded.contains(x.as_str())) {
            prop_assert!(segs.iter().any(|s| s.hit));
        }
    }

    #[test]
    fn fold_is_idempotent(text in "\\PC{0,30}") {
        let once = fold(&text, nfkc);
        prop_assert_eq!(fold(&once, nfkc), once.clone());
        prop_assert!(!once.starts_with(' ') && !once.ends_with(' ') && !once.contains("  "));
    }
}

/// `fold` skips NFKC for characters it knows are stable; check that they are,
/// by folding every one of them both with the real NFKC and with none.
#[test]
fn fast_path_characters_are_nfkc_stable() {
    fn identity(s: &str) -> String {
        s.to_owned()
    }
    let ranges = [
        0x20..=0x7E,
        0x3001..=0x3002,
        0x3008..=0x3011,
        0x3041..=0x3096,
        0x309D..=0x309E,
        0x30A1..=0x30FE,
        0x4E00..=0x9FFF,
    ];
    for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
        let s = c.to_string();
        assert_eq!(nfkc(&s), s, "U+{:04X}", c as u32);
        // Two in a row do not compose either.
        let pair = format!("{c}{c}");
        assert_eq!(fold(&pair, nfkc), fold(&pair, identity));
    }
}

#[test]
fn snippet_shows_where_a_body_match_is_and_cuts_around_it() {
    let item = dataset().item(2).unwrap();
    let found = model::search::snippet(item, &terms("ｺﾝﾋﾞﾆ", nfkc), nfkc, None, 5).unwrap();
    assert_eq!(found.field, model::drafts::FieldPath::CurrentStatus);
    // The hit opens the entry, so only the end is cut.
    assert_eq!(found.text, "コンビニ交付：平成…");
    let later = model::search::snippet(item, &terms("住民票", nfkc), nfkc, None, 3).unwrap();
    assert_eq!(later.text, "…から「住民票の写し…");
}

#[test]
fn snippet_is_none_without_terms_or_without_a_body_match() {
    let item = dataset().item(2).unwrap();
    assert_eq!(model::search::snippet(item, &[], nfkc, None, 10), None);
    assert_eq!(
        model::search::snippet(item, &terms("存在しない語", nfkc), nfkc, None, 10),
        None
    );
}
