//! The overview's figures, checked against the facet counts of the list (the
//! charts link to the list, so both must say the same) and the documented
//! indicator statuses.

use model::filter::{apply, Facet, Query};
use model::indicators::{parse, Indicators, Status};
use model::overview::{
    bar_percent, bureau_counts, category_counts, indicator_rows, results_by_year, sdg_cell_counts,
    sdg_counts, section_counts, sort_rows, status_rank, status_summary, Count, Scale, SortKey,
    SortOrder,
};
use proptest::prelude::*;
use std::sync::OnceLock;

mod common;

use common::{dataset, index, nfkc, status_ja};

fn indicators() -> &'static Indicators {
    static DATA: OnceLock<Indicators> = OnceLock::new();
    DATA.get_or_init(|| parse(include_str!("../../data/indicators.json")).expect("parses"))
}

/// The facet panel's (value, count) pairs for `facet` with nothing selected.
fn facet_counts(facet: Facet) -> Vec<(String, usize)> {
    let outcome = apply(dataset(), index(), &Query::default(), nfkc);
    let (_, options) = outcome
        .facets
        .into_iter()
        .find(|(f, _)| *f == facet)
        .expect("facet listed");
    options.into_iter().map(|o| (o.value, o.count)).collect()
}

fn pairs(counts: &[Count]) -> Vec<(String, usize)> {
    counts.iter().map(|c| (c.value.clone(), c.count)).collect()
}

#[test]
fn pillar_and_category_counts_match_the_toc_and_the_facet() {
    let counts = category_counts(dataset());
    assert_eq!(counts.len(), 3 + 13);
    let pillars: Vec<(&str, usize)> = counts
        .iter()
        .filter(|c| c.depth == 0)
        .map(|c| (c.value.as_str(), c.count))
        .collect();
    assert_eq!(pillars, [("1", 20), ("2", 29), ("3", 12)]);
    for pillar in &dataset().pillars {
        for category in &pillar.categories {
            let value = format!("{}-{}", pillar.code, category.code);
            let count = counts.iter().find(|c| c.value == value).expect("listed");
            assert_eq!(count.count, category.item_count as usize, "{value}");
            assert_eq!(count.depth, 1);
            assert!(count.label.starts_with(&category.code));
        }
    }
    assert_eq!(pairs(&counts), facet_counts(Facet::Category));
    assert_eq!(
        counts[0].label,
        "(1) 将来を見据えた新たな行政サービスへの改革"
    );
}

#[test]
fn bureau_and_section_counts_are_the_facet_counts_in_the_same_order() {
    let bureaus = bureau_counts(dataset());
    assert_eq!(pairs(&bureaus), facet_counts(Facet::Bureau));
    assert_eq!(
        (bureaus[0].value.as_str(), bureaus[0].count),
        ("総務部", 30)
    );
    let sections = section_counts(dataset());
    assert_eq!(pairs(&sections), facet_counts(Facet::Section));
    assert_eq!(
        (sections[0].value.as_str(), sections[0].count),
        ("行政管理課", 20)
    );
    assert!(sections.windows(2).all(|w| w[0].count >= w[1].count));
}

#[test]
fn sdg_counts_split_document_and_estimated() {
    let counts = sdg_counts(dataset());
    assert_eq!(counts.len(), 17);
    let facet = facet_counts(Facet::Sdg);
    for (count, (value, n)) in counts.iter().zip(facet) {
        assert_eq!(count.goal.to_string(), value);
        assert_eq!(count.total(), n, "goal {value}");
    }
    let goal = |n: u8| counts[usize::from(n) - 1];
    assert_eq!((goal(11).document, goal(11).estimated), (3, 29));
    assert_eq!(goal(14).total(), 0);
}

#[test]
fn sdg_cells_are_counted_by_what_they_hold() {
    // Four items name their goals, 41 lost their icons, 16 cells are empty.
    let cells = sdg_cell_counts(&dataset().items);
    assert_eq!((cells.named, cells.icons, cells.empty), (4, 41, 16));
    let documented = dataset()
        .items
        .iter()
        .filter(|i| i.sdgs.basis == model::SdgBasis::Document)
        .count();
    assert_eq!(documented, cells.named);
}

#[test]
fn results_by_year_lists_every_year_of_the_programme() {
    let years: Vec<(u8, usize)> = results_by_year(dataset())
        .iter()
        .map(|y| (y.year, y.count))
        .collect();
    assert_eq!(years, [(3, 61), (4, 61), (5, 0), (6, 0), (7, 0)]);
}

#[test]
fn bar_percent_clamps() {
    assert_eq!(bar_percent(61.0, 61.0), 100.0);
    assert_eq!(bar_percent(0.0, 61.0), 0.0);
    assert_eq!(bar_percent(80.0, 61.0), 100.0);
    assert_eq!(bar_percent(-1.0, 61.0), 0.0);
    assert_eq!(bar_percent(f64::NAN, 61.0), 0.0);
}

#[test]
fn scale_includes_zero_and_draws_negative_bars_left_of_it() {
    let scale = Scale::including_zero([10.0, 5.0, -5.3, -11.8]);
    assert_eq!((scale.min, scale.max), (-11.8, 10.0));
    let zero = scale.percent(0.0);
    let (start, width) = scale.bar(-11.8);
    assert_eq!(start, 0.0);
    assert!((width - zero).abs() < 1e-9);
    let (start, width) = scale.bar(10.0);
    assert_eq!(start, zero);
    assert!((start + width - 100.0).abs() < 1e-9);
    // All positive: zero is at the left edge.
    assert_eq!(Scale::including_zero([99.0, 99.53]).percent(0.0), 0.0);
    // Degenerate input still gives a usable scale.
    let empty = Scale::including_zero([]);
    assert_eq!((empty.min, empty.max), (0.0, 1.0));
    assert_eq!(Scale::including_zero([0.0]).bar(0.0), (0.0, 0.0));
}

#[test]
fn indicator_rows_carry_the_documented_latest_statuses() {
    let rows = indicator_rows(indicators());
    assert_eq!(rows.len(), 34);
    let find = |item: u32, name: &str| {
        rows.iter()
            .find(|r| r.item == item && r.name.contains(name))
            .unwrap_or_else(|| panic!("{item} {name}"))
    };
    assert_eq!(find(25, "水道料金").status, Status::Met);
    assert_eq!(find(21, "ふるさと寄附金額").status, Status::NotMet);
    assert_eq!(find(21, "ふるさと寄附金額").year, 4);
    assert!(matches!(find(2, "交付率").status, Status::NotComparable(_)));
    assert_eq!(find(50, "職員数").status, Status::NoResult);
    let summary: Vec<(&str, usize)> = status_summary(&rows)
        .into_iter()
        .map(|(status, n)| (status_ja(status), n))
        .collect();
    assert_eq!(
        summary,
        [
            ("達成", 5),
            ("未達成", 3),
            ("比較できない", 5),
            ("実績なし", 5),
            ("数値目標なし", 16)
        ]
    );
}

#[test]
fn sorting_by_status_groups_and_keeps_item_order_inside_groups() {
    let mut rows = indicator_rows(indicators());
    sort_rows(&mut rows, SortKey::Status, SortOrder::Ascending);
    assert_eq!(rows[0].status, Status::Met);
    assert_eq!(rows[0].item, 17);
    assert!(rows
        .windows(2)
        .all(|w| status_rank(&w[0].status) <= status_rank(&w[1].status)));
    sort_rows(&mut rows, SortKey::Status, SortOrder::Descending);
    assert_eq!(rows[0].status, Status::NoTarget);
    assert_eq!(rows[0].item, 1, "ties stay in item order when descending");
    assert_eq!(rows.last().unwrap().status, Status::Met);
    sort_rows(&mut rows, SortKey::Item, SortOrder::Ascending);
    assert_eq!(rows, indicator_rows(indicators()), "back to data order");
    sort_rows(&mut rows, SortKey::Name, SortOrder::Ascending);
    assert!(rows.windows(2).all(|w| w[0].name <= w[1].name));
}

#[test]
fn sort_order_flips_and_names_its_aria_value() {
    assert_eq!(SortOrder::Ascending.flipped(), SortOrder::Descending);
    assert_eq!(SortOrder::Descending.flipped().aria(), "ascending");
}

proptest! {
    #[test]
    fn scale_percent_stays_in_range(
        values in proptest::collection::vec(-1e9f64..1e9, 0..8),
        probe in -2e9f64..2e9,
    ) {
        let scale = Scale::including_zero(values.iter().copied());
        prop_assert!(scale.max > scale.min);
        let p = scale.percent(probe);
        prop_assert!((0.0..=100.0).contains(&p));
        for v in values {
            let (start, width) = scale.bar(v);
            prop_assert!(start >= 0.0 && width >= 0.0 && start + width <= 100.0 + 1e-9);
        }
    }
}
