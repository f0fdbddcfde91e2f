//! Facets, counts, text and sorting, on the real dataset and a small one.

use model::filter::{apply, Facet, FacetOption, ItemIndex, OptionName, Outcome, Query, Sort};
use model::search::terms;
use model::{Category, CodeName, Dataset, Item, Pillar, SdgBasis, SdgCell, Sdgs, Year};
use proptest::prelude::*;
use std::collections::BTreeSet;

mod common;

use common::{dataset, index, nfkc};

fn run(query: &Query) -> Outcome {
    apply(dataset(), index(), query, nfkc)
}

/// Item numbers of the outcome, in its order.
fn numbers(dataset: &Dataset, outcome: &Outcome) -> Vec<u32> {
    outcome.items.iter().map(|&i| dataset.items[i].no).collect()
}

fn options(outcome: &Outcome, facet: Facet) -> &[FacetOption] {
    &outcome
        .facets
        .iter()
        .find(|(f, _)| *f == facet)
        .expect("facet listed")
        .1
}

fn option<'a>(outcome: &'a Outcome, facet: Facet, value: &str) -> &'a FacetOption {
    options(outcome, facet)
        .iter()
        .find(|o| o.value == value)
        .unwrap_or_else(|| panic!("{facet:?} {value} listed"))
}

fn count(outcome: &Outcome, facet: Facet, value: &str) -> usize {
    option(outcome, facet, value).count
}

fn query_with(facet: Facet, values: &[&str]) -> Query {
    let mut query = Query::default();
    for v in values {
        query.toggle(facet, v);
    }
    query
}

/// The facet's values of an item, as option values.
fn item_values(item: &Item, facet: Facet) -> Vec<String> {
    match facet {
        Facet::Category => vec![
            item.pillar.code.clone(),
            format!("{}-{}", item.pillar.code, item.category.code),
        ],
        Facet::Bureau => item.bureaus.clone(),
        Facet::Section => item.sections.clone(),
        Facet::Sdg => item.sdgs.goals.iter().map(u8::to_string).collect(),
        Facet::Result => item
            .years
            .iter()
            .filter(|y| y.result.is_some())
            .map(|y| y.year.to_string())
            .collect(),
    }
}

fn selected(query: &Query, facet: Facet) -> Vec<String> {
    match facet {
        Facet::Category => query.categories.iter().cloned().collect(),
        Facet::Bureau => query.bureaus.iter().cloned().collect(),
        Facet::Section => query.sections.iter().cloned().collect(),
        Facet::Sdg => query.sdgs.iter().map(u8::to_string).collect(),
        Facet::Result => query.results.iter().map(u8::to_string).collect(),
    }
}

fn set_selected(query: &mut Query, facet: Facet, values: &[String]) {
    let strings: BTreeSet<String> = values.iter().cloned().collect();
    let numbers: BTreeSet<u8> = values.iter().filter_map(|v| v.parse().ok()).collect();
    match facet {
        Facet::Category => query.categories = strings,
        Facet::Bureau => query.bureaus = strings,
        Facet::Section => query.sections = strings,
        Facet::Sdg => query.sdgs = numbers,
        Facet::Result => query.results = numbers,
    }
}

/// The obvious, slow definition of a match (all query values are known).
fn naive_matches(dataset: &Dataset, index: &ItemIndex, i: usize, query: &Query) -> bool {
    let item = &dataset.items[i];
    let only = query.only.as_ref().is_none_or(|o| o.contains(&item.no));
    let text = index
        .text(&dataset.items)
        .matches(i, &terms(&query.text, nfkc));
    let facets = Facet::ALL.iter().all(|&f| {
        let sel = selected(query, f);
        sel.is_empty() || item_values(item, f).iter().any(|v| sel.contains(v))
    });
    only && text && facets
}

/// Checks `apply` against the naive definitions: items, order, and every count.
fn check_against_naive(dataset: &Dataset, index: &ItemIndex, query: &Query) {
    let outcome = apply(dataset, index, query, nfkc);
    let mut expected: Vec<usize> = (0..dataset.items.len())
        .filter(|&i| naive_matches(dataset, index, i, query))
        .collect();
    expected.sort_by_key(|&i| dataset.items[i].no);
    let mut got = outcome.items.clone();
    got.sort_by_key(|&i| dataset.items[i].no);
    assert_eq!(got, expected, "{query:?}");
    for (facet, opts) in &outcome.facets {
        for opt in opts {
            let mut alone = query.clone();
            set_selected(&mut alone, *facet, std::slice::from_ref(&opt.value));
            let n = (0..dataset.items.len())
                .filter(|&i| naive_matches(dataset, index, i, &alone))
                .count();
            assert_eq!(opt.count, n, "{facet:?} {} for {query:?}", opt.value);
            assert_eq!(opt.selected, selected(query, *facet).contains(&opt.value));
        }
    }
}

#[test]
fn no_query_lists_everything() {
    let outcome = run(&Query::default());
    assert_eq!(outcome.items, (0..61).collect::<Vec<_>>());
    let facets: Vec<Facet> = outcome.facets.iter().map(|(f, _)| *f).collect();
    assert_eq!(facets, Facet::ALL);
    assert_eq!(count(&outcome, Facet::Category, "1"), 20);
    assert_eq!(count(&outcome, Facet::Category, "2"), 29);
    assert_eq!(count(&outcome, Facet::Category, "2-エ"), 10);
    assert_eq!(count(&outcome, Facet::Bureau, "総務部"), 30);
    assert_eq!(count(&outcome, Facet::Section, "行政管理課"), 20);
    assert_eq!(count(&outcome, Facet::Sdg, "11"), 32);
    assert_eq!(count(&outcome, Facet::Result, "3"), 61);
    assert!(options(&outcome, Facet::Category)
        .iter()
        .all(|o| !o.selected));
}

#[test]
fn category_options_follow_the_dataset() {
    let outcome = run(&Query::default());
    let cats = options(&outcome, Facet::Category);
    assert_eq!(cats.len(), 3 + 4 + 5 + 4);
    assert_eq!(cats[0].value, "1");
    assert_eq!(
        cats[0].name,
        OptionName::Document("(1) 将来を見据えた新たな行政サービスへの改革".into())
    );
    assert_eq!(cats[0].depth, 0);
    assert_eq!(cats[1].value, "1-ア");
    assert_eq!(
        cats[1].name,
        OptionName::Document("ア ICTの活用による行政サービスの向上と業務の効率化".into())
    );
    assert_eq!(cats[1].depth, 1);
    assert_eq!(cats[5].value, "2");
    // Counts equal the TOC's stated counts.
    for pillar in &dataset().pillars {
        assert_eq!(
            count(&outcome, Facet::Category, &pillar.code),
            pillar.item_count as usize
        );
        for c in &pillar.categories {
            let value = format!("{}-{}", pillar.code, c.code);
            assert_eq!(
                count(&outcome, Facet::Category, &value),
                c.item_count as usize
            );
        }
    }
}

#[test]
fn bureau_and_section_options_sorted_by_size_then_name() {
    let outcome = run(&Query::default());
    for facet in [Facet::Bureau, Facet::Section] {
        let opts = options(&outcome, facet);
        assert!(opts
            .windows(2)
            .all(|w| (w[1].count, &w[0].value) <= (w[0].count, &w[1].value)));
        assert!(opts
            .iter()
            .all(|o| o.name == OptionName::Document(o.value.clone())
                && o.depth == 0
                && o.count > 0));
    }
    assert_eq!(options(&outcome, Facet::Bureau).len(), 18);
    assert_eq!(options(&outcome, Facet::Bureau)[0].value, "総務部");
    assert_eq!(options(&outcome, Facet::Section).len(), 49);
    // The order stays put while filtering (it is by size in the whole dataset).
    let narrowed = run(&query_with(Facet::Category, &["3"]));
    let order = |o: &Outcome| {
        options(o, Facet::Bureau)
            .iter()
            .map(|o| o.value.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(order(&outcome), order(&narrowed));
}

#[test]
fn sdg_and_result_options() {
    let outcome = run(&Query::default());
    let sdgs = options(&outcome, Facet::Sdg);
    assert_eq!(
        sdgs.iter().map(|o| o.value.as_str()).collect::<Vec<_>>(),
        (1..=17).map(|n| n.to_string()).collect::<Vec<_>>()
    );
    assert_eq!(sdgs[2].name, OptionName::Goal(3));
    assert_eq!(sdgs[0].count, 0, "goal 1 is listed though no item has it");
    assert_eq!(sdgs[13].count, 0);
    let results = options(&outcome, Facet::Result);
    assert_eq!(results.len(), 2);
    assert_eq!(
        (results[0].value.as_str(), &results[0].name),
        ("3", &OptionName::ResultYear(3))
    );
    assert_eq!(
        (results[1].value.as_str(), &results[1].name),
        ("4", &OptionName::ResultYear(4))
    );
}

#[test]
fn each_facet_narrows() {
    let q = query_with(Facet::Category, &["3"]);
    let outcome = run(&q);
    assert_eq!(numbers(dataset(), &outcome), (50..=61).collect::<Vec<_>>());
    assert!(option(&outcome, Facet::Category, "3").selected);
    // Counts of other facets follow the narrowed list.
    assert_eq!(count(&outcome, Facet::Bureau, "総務部"), 12);
    assert_eq!(count(&outcome, Facet::Result, "4"), 12);

    let outcome = run(&query_with(Facet::Category, &["2-ア"]));
    assert_eq!(outcome.items.len(), 6);
    assert!(numbers(dataset(), &outcome).contains(&21));

    let outcome = run(&query_with(Facet::Bureau, &["政策企画部"]));
    assert_eq!(
        numbers(dataset(), &outcome),
        [1, 16, 17, 21, 29, 36, 39, 61]
    );

    let outcome = run(&query_with(Facet::Section, &["行政管理課"]));
    assert_eq!(outcome.items.len(), 20);

    let outcome = run(&query_with(Facet::Sdg, &["17"]));
    assert_eq!(outcome.items.len(), 23);

    let outcome = run(&query_with(Facet::Result, &["4"]));
    assert_eq!(outcome.items.len(), 61);
    for q in [
        query_with(Facet::Category, &["1-イ"]),
        query_with(Facet::Bureau, &["財政部"]),
        query_with(Facet::Sdg, &["9"]),
    ] {
        check_against_naive(dataset(), index(), &q);
    }
}

#[test]
fn or_within_a_facet() {
    let outcome = run(&query_with(Facet::Sdg, &["3", "4"]));
    let n3 = run(&query_with(Facet::Sdg, &["3"])).items.len();
    let n4 = run(&query_with(Facet::Sdg, &["4"])).items.len();
    assert!(outcome.items.len() >= n3.max(n4));
    assert!(outcome.items.len() <= n3 + n4);
    let outcome = run(&query_with(Facet::Category, &["1-ア", "3"]));
    assert_eq!(outcome.items.len(), 5 + 12);
    check_against_naive(
        dataset(),
        index(),
        &query_with(Facet::Bureau, &["総務部", "財政部"]),
    );
}

#[test]
fn and_across_facets() {
    let mut q = query_with(Facet::Bureau, &["総務部"]);
    q.toggle(Facet::Sdg, "17");
    let outcome = run(&q);
    assert_eq!(
        numbers(dataset(), &outcome),
        [1, 6, 7, 8, 9, 19, 20, 54, 55]
    );
    check_against_naive(dataset(), index(), &q);
}

#[test]
fn counts_of_a_selected_facet_are_as_if_alone() {
    let q = query_with(Facet::Category, &["3"]);
    let outcome = run(&q);
    // Other pillars still show their full size: picking one adds to the list.
    assert_eq!(count(&outcome, Facet::Category, "1"), 20);
    assert_eq!(count(&outcome, Facet::Category, "2"), 29);
    assert_eq!(count(&outcome, Facet::Category, "2-エ"), 10);

    let mut q = query_with(Facet::Bureau, &["総務部"]);
    q.toggle(Facet::Category, "3");
    let outcome = run(&q);
    // Category counts are restricted by the bureau, not by pillar 3.
    assert_eq!(count(&outcome, Facet::Category, "3"), 12);
    assert_eq!(
        count(&outcome, Facet::Category, "1"),
        run(&{
            let mut q = query_with(Facet::Bureau, &["総務部"]);
            q.toggle(Facet::Category, "1");
            q
        })
        .items
        .len()
    );
    // Bureau counts are restricted by pillar 3, not by 総務部.
    assert_eq!(count(&outcome, Facet::Bureau, "総務部"), 12);
    assert_eq!(
        count(&outcome, Facet::Bureau, "財政部"),
        run(&{
            let mut q = query_with(Facet::Bureau, &["財政部"]);
            q.toggle(Facet::Category, "3");
            q
        })
        .items
        .len()
    );
    check_against_naive(dataset(), index(), &q);
}

#[test]
fn zero_count_options_are_listed() {
    let q = query_with(Facet::Category, &["3"]);
    let outcome = run(&q);
    let zero: Vec<&FacetOption> = options(&outcome, Facet::Bureau)
        .iter()
        .filter(|o| o.count == 0)
        .collect();
    assert!(!zero.is_empty());
    assert_eq!(options(&outcome, Facet::Bureau).len(), 18);
    // Selecting a goal no item has gives nothing (its count said so).
    let outcome = run(&query_with(Facet::Sdg, &["1"]));
    assert!(outcome.items.is_empty());
    assert_eq!(count(&outcome, Facet::Sdg, "1"), 0);
    assert_eq!(count(&outcome, Facet::Sdg, "11"), 32);
}

#[test]
fn unknown_values_are_ignored() {
    let mut q = Query::default();
    q.bureaus.insert("存在しない部".into());
    q.categories.insert("9".into());
    q.sdgs.insert(42);
    q.results.insert(9);
    assert_eq!(run(&q).items.len(), 61);
}

#[test]
fn text_and_facets() {
    let mut q = Query {
        text: "ふるさと".into(),
        ..Query::default()
    };
    let outcome = run(&q);
    assert!(numbers(dataset(), &outcome).contains(&21));
    let with_text = outcome.items.len();
    assert_eq!(
        count(&outcome, Facet::Category, "2-ア"),
        run(&{
            let mut q = q.clone();
            q.toggle(Facet::Category, "2-ア");
            q
        })
        .items
        .len()
    );
    check_against_naive(dataset(), index(), &q);
    q.toggle(Facet::Category, "2-ア");
    let outcome = run(&q);
    assert!(outcome.items.len() <= with_text);
    assert!(numbers(dataset(), &outcome).contains(&21));
    check_against_naive(dataset(), index(), &q);
    q.text = "ふるさと　マイナンバー".into();
    assert!(run(&q).items.is_empty());
    q.text = "府内".into();
    let outcome = run(&q);
    assert!(outcome.items.is_empty());
    assert!(outcome
        .facets
        .iter()
        .all(|(_, o)| o.iter().all(|o| o.count == 0)));
}

#[test]
fn only_restricts() {
    let q = Query {
        only: Some([21, 2, 55, 999].into()),
        ..Query::default()
    };
    let outcome = run(&q);
    assert_eq!(numbers(dataset(), &outcome), [2, 21, 55]);
    assert_eq!(count(&outcome, Facet::Category, "1"), 1);
    assert_eq!(count(&outcome, Facet::Result, "3"), 3);
    check_against_naive(dataset(), index(), &q);
    let q = Query {
        only: Some(BTreeSet::new()),
        ..Query::default()
    };
    assert!(run(&q).items.is_empty());
}

#[test]
fn sorting() {
    let by_number = run(&Query::default());
    assert_eq!(numbers(dataset(), &by_number), (1..=61).collect::<Vec<_>>());
    let q = Query {
        sort: Sort::Title,
        ..Query::default()
    };
    let by_title = run(&q);
    let titles: Vec<String> = by_title
        .items
        .iter()
        .map(|&i| model::search::fold(&dataset().items[i].title, nfkc))
        .collect();
    assert!(titles.windows(2).all(|w| w[0] <= w[1]));
    assert_eq!(by_title.items.len(), 61);
    // Kana sort in reading order whether hiragana or katakana: ふるさと (フ)
    // comes after ICT (ASCII) and before マイナンバー (マ).
    let pos = |no: u32| {
        numbers(dataset(), &by_title)
            .iter()
            .position(|&n| n == no)
            .unwrap()
    };
    assert!(pos(3) < pos(21) && pos(21) < pos(2));
    assert_eq!(by_title.facets, by_number.facets);
}

#[test]
fn query_helpers() {
    let mut q = Query::default();
    assert!(q.is_empty());
    q.text = " \u{3000}".into();
    assert!(q.is_empty());
    q.toggle(Facet::Category, "1");
    q.toggle(Facet::Category, "1-ア");
    q.toggle(Facet::Category, "1-イ");
    assert_eq!(q.categories, ["1-ア".to_owned(), "1-イ".to_owned()].into());
    q.toggle(Facet::Category, "1");
    assert_eq!(q.categories, ["1".to_owned()].into());
    q.toggle(Facet::Category, "1");
    assert!(q.categories.is_empty());
    q.toggle(Facet::Sdg, "x");
    q.toggle(Facet::Result, "300");
    assert!(q.is_empty());
    q.toggle(Facet::Bureau, "総務部");
    q.toggle(Facet::Section, "総務課");
    q.toggle(Facet::Result, "3");
    assert!(!q.is_empty());
    q.sort = Sort::Title;
    q.only = Some([1].into());
    q.text = "x".into();
    q.clear_filters();
    assert!(q.is_empty());
    assert_eq!(
        q,
        Query {
            sort: Sort::Title,
            only: Some([1].into()),
            ..Query::default()
        }
    );
}

// ---- A small hand-built dataset, where every count is known. ----

fn small_item(
    no: u32,
    pillar: &str,
    category: &str,
    bureaus: &[&str],
    sdgs: &[u8],
    results: &[u8],
    title: &str,
) -> Item {
    let template = &dataset().items[0];
    Item {
        no,
        no_in_category: 1,
        pillar: CodeName {
            code: pillar.into(),
            name: format!("柱{pillar}"),
        },
        category: CodeName {
            code: category.into(),
            name: format!("分類{category}"),
        },
        title: title.into(),
        toc_title: None,
        page: 1,
        bureaus: bureaus.iter().map(|s| s.to_string()).collect(),
        sections: bureaus.iter().map(|s| format!("{s}課")).collect(),
        toc_sections: None,
        overview: vec![format!("概要{no}")],
        current_status: vec![],
        measures: vec![],
        target_state: vec![],
        general_plan: vec![],
        smart_city: vec![],
        smart_city_none: Some("—".into()),
        sdgs: Sdgs {
            goals: sdgs.to_vec(),
            basis: SdgBasis::Estimated,
            cell: SdgCell::Icons,
            rationale: None,
            icon_gap: 0,
        },
        years: (3..=7)
            .map(|y| Year {
                year: y,
                label: format!("令和{y}年度"),
                plan: vec!["計画".into()],
                result: results.contains(&y).then(|| vec!["実績".into()]),
            })
            .collect(),
        differences: template.differences.clone(),
    }
}

fn small() -> Dataset {
    let mut dataset = dataset().clone();
    dataset.pillars = vec![
        Pillar {
            code: "1".into(),
            name: "一".into(),
            item_count: 3,
            categories: vec![
                Category {
                    code: "ア".into(),
                    name: "あ".into(),
                    item_count: 2,
                },
                Category {
                    code: "イ".into(),
                    name: "い".into(),
                    item_count: 1,
                },
            ],
        },
        Pillar {
            code: "2".into(),
            name: "二".into(),
            item_count: 2,
            categories: vec![Category {
                code: "ア".into(),
                name: "か".into(),
                item_count: 2,
            }],
        },
    ];
    dataset.sdg_goals.truncate(16); // goal 17's name is missing: a fallback label
    dataset.items = vec![
        small_item(1, "1", "ア", &["A部"], &[1, 2], &[3], "まちづくり"),
        small_item(2, "1", "ア", &["A部", "B部"], &[2], &[3, 4], "アンケート"),
        small_item(3, "1", "イ", &["B部"], &[3], &[], "ICT"),
        small_item(4, "2", "ア", &["C部"], &[1, 3], &[5], "かいかく"),
        small_item(5, "2", "ア", &["A部", "A部"], &[], &[3], "まちづくり"),
    ];
    dataset
}

fn counts(outcome: &Outcome, facet: Facet) -> Vec<(String, usize)> {
    options(outcome, facet)
        .iter()
        .map(|o| (o.value.clone(), o.count))
        .collect()
}

fn pairs(list: &[(&str, usize)]) -> Vec<(String, usize)> {
    list.iter().map(|(v, n)| (v.to_string(), *n)).collect()
}

#[test]
fn small_dataset_exact_counts() {
    let ds = small();
    let ix = ItemIndex::new(&ds.items, nfkc);
    let outcome = apply(&ds, &ix, &Query::default(), nfkc);
    assert_eq!(
        counts(&outcome, Facet::Category),
        pairs(&[("1", 3), ("1-ア", 2), ("1-イ", 1), ("2", 2), ("2-ア", 2)])
    );
    // A部 twice in item 5 counts once.
    assert_eq!(
        counts(&outcome, Facet::Bureau),
        pairs(&[("A部", 3), ("B部", 2), ("C部", 1)])
    );
    assert_eq!(
        counts(&outcome, Facet::Section),
        pairs(&[("A部課", 3), ("B部課", 2), ("C部課", 1)])
    );
    assert_eq!(
        counts(&outcome, Facet::Result),
        pairs(&[("3", 3), ("4", 1), ("5", 1)])
    );
    assert_eq!(
        option(&outcome, Facet::Result, "5").name,
        OptionName::ResultYear(5)
    );
    let sdg = counts(&outcome, Facet::Sdg);
    assert_eq!(sdg.len(), 17);
    assert_eq!(&sdg[..4], pairs(&[("1", 2), ("2", 2), ("3", 2), ("4", 0)]));
    assert_eq!(
        option(&outcome, Facet::Sdg, "17").name,
        OptionName::Goal(17)
    );

    let mut q = Query::default();
    q.toggle(Facet::Bureau, "A部");
    q.toggle(Facet::Sdg, "2");
    let outcome = apply(&ds, &ix, &q, nfkc);
    assert_eq!(outcome.items, [0, 1]);
    // Bureau counts: items with goal 2 (1, 2).
    assert_eq!(
        counts(&outcome, Facet::Bureau),
        pairs(&[("A部", 2), ("B部", 1), ("C部", 0)])
    );
    // SDG counts: items of A部 (1, 2, 5).
    assert_eq!(
        &counts(&outcome, Facet::Sdg)[..4],
        pairs(&[("1", 1), ("2", 2), ("3", 0), ("4", 0)])
    );
    assert_eq!(
        counts(&outcome, Facet::Category),
        pairs(&[("1", 2), ("1-ア", 2), ("1-イ", 0), ("2", 0), ("2-ア", 0)])
    );
    assert_eq!(
        counts(&outcome, Facet::Result),
        pairs(&[("3", 2), ("4", 1), ("5", 0)])
    );

    q.toggle(Facet::Sdg, "3");
    let outcome = apply(&ds, &ix, &q, nfkc);
    assert_eq!(outcome.items, [0, 1]); // A部 and (2 or 3): items 1, 2 (3 is B部, 4 is C部)
    q.toggle(Facet::Bureau, "C部");
    let outcome = apply(&ds, &ix, &q, nfkc);
    assert_eq!(outcome.items, [0, 1, 3]);

    let q = Query {
        text: "まちづくり".into(),
        sort: Sort::Title,
        ..Query::default()
    };
    let outcome = apply(&ds, &ix, &q, nfkc);
    assert_eq!(outcome.items, [0, 4]);
    assert_eq!(
        counts(&outcome, Facet::Category),
        pairs(&[("1", 1), ("1-ア", 1), ("1-イ", 0), ("2", 1), ("2-ア", 1)])
    );

    // Title order: ICT < アンケート < かいかく (カ) < まちづくり ×2 (ties by number).
    let q = Query {
        sort: Sort::Title,
        ..Query::default()
    };
    assert_eq!(apply(&ds, &ix, &q, nfkc).items, [2, 1, 3, 0, 4]);
    for q in [
        Query::default(),
        query_with(Facet::Category, &["1", "2-ア"]),
        {
            let mut q = query_with(Facet::Result, &["4", "5"]);
            q.toggle(Facet::Sdg, "3");
            q
        },
        Query {
            text: "概要".into(),
            only: Some([2, 3, 4].into()),
            ..query_with(Facet::Section, &["B部課"])
        },
    ] {
        check_against_naive(&ds, &ix, &q);
    }
}

#[test]
fn empty_dataset() {
    let mut ds = small();
    ds.items.clear();
    let ix = ItemIndex::new(&ds.items, nfkc);
    let outcome = apply(&ds, &ix, &query_with(Facet::Bureau, &["A部"]), nfkc);
    assert!(outcome.items.is_empty());
    assert!(options(&outcome, Facet::Bureau).is_empty());
    assert!(options(&outcome, Facet::Result).is_empty());
    assert_eq!(options(&outcome, Facet::Sdg).len(), 17);
}

/// Random queries on the real data, made of values the data has.
fn arb_query() -> impl Strategy<Value = Query> {
    let d = dataset();
    let mut cats: Vec<String> = Vec::new();
    for p in &d.pillars {
        cats.push(p.code.clone());
        cats.extend(
            p.categories
                .iter()
                .map(|c| format!("{}-{}", p.code, c.code)),
        );
    }
    let bureaus: Vec<String> = d
        .items
        .iter()
        .flat_map(|i| i.bureaus.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let sections: Vec<String> = d
        .items
        .iter()
        .flat_map(|i| i.sections.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let words = prop::sample::select(vec![
        "",
        "",
        "",
        "庁内",
        "ふるさと",
        "ict",
        "マイナンバー",
        "令和",
        "の",
        "推進 市民",
        "デジタル",
        "x",
    ]);
    (
        prop::sample::subsequence(cats.clone(), 0..=2),
        prop::sample::subsequence(bureaus.clone(), 0..=2),
        prop::sample::subsequence(sections.clone(), 0..=1),
        prop::collection::btree_set(1u8..=17, 0..=2),
        prop::collection::btree_set(3u8..=4, 0..=1),
        words,
        prop::option::weighted(0.2, prop::collection::btree_set(1u32..=61, 0..=20)),
    )
        .prop_map(|(c, b, s, sdgs, results, text, only)| Query {
            text: text.to_owned(),
            categories: c.into_iter().collect(),
            bureaus: b.into_iter().collect(),
            sections: s.into_iter().collect(),
            sdgs,
            results,
            only,
            sort: Sort::Number,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn apply_agrees_with_the_naive_definition(query in arb_query()) {
        check_against_naive(dataset(), index(), &query);
    }
}

/// A synthetic dataset of `n` items, made by varying the real ones.
fn synthetic(n: usize) -> Dataset {
    let mut ds = dataset().clone();
    let real = ds.items.clone();
    ds.items = (0..n)
        .map(|k| {
            let mut item = real[k % real.len()].clone();
            item.no = k as u32 + 1;
            item.title = format!("{} {k}", item.title);
            item.bureaus.push(format!("部{}", k % 97));
            item.sections.push(format!("課{}", k % 389));
            item.overview.push(format!("合成データ{k}"));
            item
        })
        .collect();
    ds
}

/// The queries a large programme sees most (none, one term, two terms in
/// half-width katakana with an ideographic space, a term only one item
/// has, facets of three kinds, text with facets sorted by title) give on
/// 300 synthetic items what the naive filter gives. How long they take is
/// the bench's business (its 1,000 and 10,000 item figures).
#[test]
fn synthetic_dataset_is_consistent() {
    let ds = synthetic(300);
    let ix = ItemIndex::new(&ds.items, nfkc);
    let mut q = query_with(Facet::Bureau, &["部3", "総務部"]);
    q.text = "庁内".into();
    q.toggle(Facet::Sdg, "16");
    check_against_naive(&ds, &ix, &q);

    let text = |text: &str| Query {
        text: text.into(),
        ..Query::default()
    };
    let mut facets = query_with(Facet::Bureau, &["総務部", "部5"]);
    facets.toggle(Facet::Sdg, "11");
    facets.toggle(Facet::Category, "1");
    let mut sorted = query_with(Facet::Sdg, &["16"]);
    sorted.text = "推進".into();
    sorted.sort = Sort::Title;
    for q in [
        Query::default(),
        text("庁内"),
        text("ﾏｲﾅﾝﾊﾞｰ\u{3000}交付"),
        text("合成データ299"),
        facets,
        sorted,
    ] {
        check_against_naive(&ds, &ix, &q);
    }
    // The rare term is one item's, not none.
    assert_eq!(apply(&ds, &ix, &text("合成データ299"), nfkc).items.len(), 1);
}
