//! Synthetic datasets for the benchmark: sized, deterministic, varied, and
//! shaped like the real data (categories, facets, search selectivity).

use std::collections::{BTreeMap, BTreeSet, HashSet};

use model::search::{terms, SearchIndex};
use model::synthetic::generate;
use model::{Dataset, Item};

mod common;

use common::{dataset, nfkc};

/// Share of `items` (indexed by `index`) that contain every term of `query`.
fn share(index: &SearchIndex, query: &str) -> f64 {
    let t = terms(query, nfkc);
    let hits = (0..index.len()).filter(|&i| index.matches(i, &t)).count();
    hits as f64 / index.len() as f64
}

/// Every text of an item that the generator writes, in one list.
fn texts(item: &Item) -> Vec<&String> {
    let mut all: Vec<&String> = [
        &item.overview,
        &item.current_status,
        &item.measures,
        &item.target_state,
    ]
    .into_iter()
    .flatten()
    .collect();
    for year in &item.years {
        all.extend(&year.plan);
        all.extend(year.result.iter().flatten());
    }
    all
}

fn category_shares(items: &[Item]) -> BTreeMap<(String, String), f64> {
    let mut counts: BTreeMap<(String, String), f64> = BTreeMap::new();
    for item in items {
        *counts
            .entry((item.pillar.code.clone(), item.category.code.clone()))
            .or_default() += 1.0;
    }
    counts.values_mut().for_each(|c| *c /= items.len() as f64);
    counts
}

#[test]
fn has_the_requested_size_and_distinct_numbers() {
    for n in [0, 1, 10, 61, 200] {
        let data = generate(dataset(), n);
        assert_eq!(data.items.len(), n);
        let numbers: Vec<u32> = data.items.iter().map(|i| i.no).collect();
        assert_eq!(numbers, (1..=n as u32).collect::<Vec<_>>());
    }
}

#[test]
fn is_deterministic_and_each_size_extends_the_smaller_ones() {
    let small = generate(dataset(), 50);
    let large = generate(dataset(), 500);
    assert_eq!(small, generate(dataset(), 50));
    assert_eq!(small.items[..], large.items[..50]);
}

#[test]
fn keeps_meta_goals_and_pillars_with_recomputed_counts() {
    let real = dataset();
    let data = generate(real, 300);
    assert_eq!(data.meta.title, real.meta.title);
    assert!(data.meta.notes.last().unwrap().contains("合成データ"));
    assert_eq!(data.sdg_goals, real.sdg_goals);
    let total: u32 = data.pillars.iter().map(|p| p.item_count).sum();
    assert_eq!(total, 300);
    for pillar in &data.pillars {
        let in_categories: u32 = pillar.categories.iter().map(|c| c.item_count).sum();
        assert_eq!(in_categories, pillar.item_count, "pillar {}", pillar.code);
    }
    // Numbers within a category run 1, 2, 3, … in item order.
    let mut next: BTreeMap<(&str, &str), u32> = BTreeMap::new();
    for item in &data.items {
        let n = next
            .entry((&item.pillar.code, &item.category.code))
            .or_insert(0);
        *n += 1;
        assert_eq!(item.no_in_category, *n, "item {}", item.no);
    }
}

#[test]
fn is_valid_dataset_json() {
    let data = generate(dataset(), 100);
    let json = serde_json::to_string(&data).unwrap();
    assert_eq!(Dataset::from_json(&json).unwrap(), data);
}

#[test]
fn structure_and_facet_values_come_from_real_items() {
    let real = dataset();
    let categories: HashSet<_> = real
        .items
        .iter()
        .map(|i| {
            (
                &i.pillar.code,
                &i.pillar.name,
                &i.category.code,
                &i.category.name,
            )
        })
        .collect();
    let bureau_sets: HashSet<_> = real
        .items
        .iter()
        .map(|i| (&i.bureaus, &i.sections))
        .collect();
    let sdg_sets: HashSet<_> = real.items.iter().map(|i| &i.sdgs.goals).collect();
    let year_shapes: HashSet<Vec<(u8, bool)>> = real
        .items
        .iter()
        .map(|i| {
            i.years
                .iter()
                .map(|y| (y.year, y.result.is_some()))
                .collect()
        })
        .collect();
    for item in &generate(real, 500).items {
        let category = (
            &item.pillar.code,
            &item.pillar.name,
            &item.category.code,
            &item.category.name,
        );
        assert!(categories.contains(&category));
        assert!(bureau_sets.contains(&(&item.bureaus, &item.sections)));
        assert!(sdg_sets.contains(&item.sdgs.goals));
        let shape: Vec<(u8, bool)> = item
            .years
            .iter()
            .map(|y| (y.year, y.result.is_some()))
            .collect();
        assert!(year_shapes.contains(&shape), "item {}", item.no);
        assert!(!item.title.is_empty());
        assert!(texts(item).iter().all(|t| !t.is_empty()));
        assert!(item.differences.is_empty() && item.toc_title.is_none());
    }
}

#[test]
fn categories_follow_the_real_distribution() {
    let real = category_shares(&dataset().items);
    let synthetic = category_shares(&generate(dataset(), 3000).items);
    assert_eq!(
        real.keys().collect::<Vec<_>>(),
        synthetic.keys().collect::<Vec<_>>()
    );
    for (category, share) in &real {
        let got = synthetic[category];
        assert!(
            (got - share).abs() < 0.03,
            "{category:?}: real {share:.3}, synthetic {got:.3}"
        );
    }
}

#[test]
fn items_are_varied_not_copies() {
    let real = dataset();
    let data = generate(real, 1000);
    let titles: HashSet<&String> = data.items.iter().map(|i| &i.title).collect();
    assert!(titles.len() >= 750, "only {} distinct titles", titles.len());
    let real_titles: HashSet<&String> = real.items.iter().map(|i| &i.title).collect();
    let new_titles = data
        .items
        .iter()
        .filter(|i| !real_titles.contains(&i.title))
        .count();
    assert!(new_titles >= 700, "only {new_titles} new titles");

    let real_texts: HashSet<&String> = real.items.iter().flat_map(texts).collect();
    let generated: Vec<&String> = data.items.iter().flat_map(texts).collect();
    let new_texts = generated
        .iter()
        .filter(|t| !real_texts.contains(*t))
        .count();
    // Short texts with no clause boundary (many yearly lines) can only
    // change in their numbers, so about half of all texts are new.
    assert!(
        new_texts * 100 >= generated.len() * 45,
        "only {new_texts} of {} texts are new",
        generated.len()
    );
    let distinct: HashSet<&&String> = generated.iter().collect();
    assert!(
        distinct.len() * 100 >= generated.len() * 45,
        "only {} distinct texts of {}",
        distinct.len(),
        generated.len()
    );
    // No item repeats another's whole text.
    let whole: HashSet<Vec<&String>> = data.items.iter().map(texts).collect();
    assert!(whole.len() >= 990, "{} distinct items", whole.len());
}

#[test]
fn quantities_vary_but_stay_plausible() {
    let data = generate(dataset(), 1000);
    let with_count = |items: &[Item]| -> BTreeSet<String> {
        let re_like = |t: &str| -> Vec<String> {
            // Numbers directly before 「件」.
            let chars: Vec<char> = t.chars().collect();
            let mut found = Vec::new();
            for (i, c) in chars.iter().enumerate() {
                if *c == '件' {
                    let digits: String = chars[..i]
                        .iter()
                        .rev()
                        .take_while(|c| c.is_ascii_digit() || **c == ',')
                        .collect();
                    if !digits.is_empty() {
                        found.push(digits.chars().rev().collect());
                    }
                }
            }
            found
        };
        items
            .iter()
            .flat_map(texts)
            .flat_map(|t| re_like(t))
            .collect()
    };
    let real = with_count(&dataset().items);
    let synthetic = with_count(&data.items);
    assert!(synthetic.difference(&real).count() > 10);
    for item in &data.items {
        for year in &item.years {
            assert!((3..=7).contains(&year.year));
            assert_eq!(year.label, format!("令和{}年度", year.year));
        }
    }
}

#[test]
fn search_terms_match_a_similar_share_of_items() {
    let real = SearchIndex::new(&dataset().items, nfkc);
    let data = generate(dataset(), 2000);
    let synthetic = SearchIndex::new(&data.items, nfkc);
    // The words the benchmark searches for, and a few more, rare to common.
    for query in [
        "マイナンバー",
        "窓口",
        "窓口 申請",
        "公共施設",
        "見直し",
        "ICT",
        "デジタル",
        "職員",
        "削減",
        "施設",
        "検討",
        "推進",
    ] {
        let (r, s) = (share(&real, query), share(&synthetic, query));
        assert!(
            s >= r * 0.6 && s <= (r * 1.6).max(r + 0.05) && s <= 1.0,
            "{query}: real {r:.3}, synthetic {s:.3}"
        );
    }
    assert_eq!(share(&synthetic, "該当なしの語"), 0.0);
}
