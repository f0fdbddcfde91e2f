//! Search by reading: hiragana typed without converting finds the kanji.
//! The queries and the items each must find are in `reading_queries.json`;
//! their expected items were found by searching the kanji form as plain
//! text, independently of the readings.

mod common;

use std::collections::BTreeSet;
use std::sync::{Arc, OnceLock};

use model::reading::Readings;
use model::search::{highlight, terms, SearchIndex};
use serde::Deserialize;

use common::{dataset, nfkc};

#[derive(Deserialize)]
struct Queries {
    finds: Vec<Find>,
    finds_nothing: Vec<String>,
}

#[derive(Deserialize)]
struct Find {
    query: String,
    items: Vec<u32>,
}

fn readings() -> Arc<Readings> {
    static READINGS: OnceLock<Arc<Readings>> = OnceLock::new();
    READINGS
        .get_or_init(|| {
            Arc::new(
                Readings::from_json(include_str!("../../data/readings.json"), nfkc)
                    .expect("readings parse"),
            )
        })
        .clone()
}

fn index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| SearchIndex::new(&dataset().items, nfkc).with_readings(readings()))
}

/// The numbers of the items a query finds.
fn found(query: &str) -> BTreeSet<u32> {
    let terms = terms(query, nfkc);
    dataset()
        .items
        .iter()
        .enumerate()
        .filter(|(i, _)| index().matches(*i, &terms))
        .map(|(_, item)| item.no)
        .collect()
}

fn queries() -> Queries {
    serde_json::from_str(include_str!("reading_queries.json")).expect("queries parse")
}

#[test]
fn each_reading_finds_exactly_its_items() {
    let queries = queries();
    assert!(queries.finds.len() >= 40, "{} queries", queries.finds.len());
    let mut wrong = Vec::new();
    for q in &queries.finds {
        let expected: BTreeSet<u32> = q.items.iter().copied().collect();
        assert!(
            !expected.is_empty(),
            "{}: a query that must find something",
            q.query
        );
        let got = found(&q.query);
        if got != expected {
            wrong.push(format!("{}: found {got:?}, expected {expected:?}", q.query));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn some_readings_find_nothing() {
    let queries = queries();
    assert!(!queries.finds_nothing.is_empty());
    for query in &queries.finds_nothing {
        assert_eq!(found(query), BTreeSet::new(), "{query}");
    }
}

#[test]
fn without_readings_hiragana_finds_no_kanji() {
    let plain = SearchIndex::new(&dataset().items, nfkc);
    let terms = terms("まどぐち", nfkc);
    assert!((0..plain.len()).all(|i| !plain.matches(i, &terms)));
    assert!(!found("まどぐち").is_empty());
}

#[test]
fn place_names_read_as_the_city_reads_them() {
    let readings = readings();
    for (place, reading) in [
        ("武石", "タケシ"),
        ("真田", "サナダ"),
        ("丸子", "マルコ"),
        // Only the words the data uses ship: 菅平 appears in 菅平高原 alone.
        ("菅平高原", "スガダイラコウゲン"),
        ("上田", "ウエダ"),
    ] {
        assert_eq!(readings.read(place), reading, "{place}");
    }
    assert!(found("たけし").contains(&44));
    assert!(found("すがだいら").contains(&43));
}

#[test]
fn the_kanji_that_matched_are_highlighted_whole() {
    let readings = readings();
    let marked = |text: &str, query: &str| -> Vec<String> {
        highlight(text, &terms(query, nfkc), nfkc, Some(&readings))
            .into_iter()
            .filter(|s| s.hit)
            .map(|s| s.text)
            .collect()
    };
    assert_eq!(
        marked("職員研修を計画的に実施", "しょくいんけんしゅう"),
        ["職員研修"]
    );
    assert_eq!(marked("中央公民館他8館", "こうみんかん"), ["公民館"]);
    // A word matched in part is marked whole: まど finds 窓口.
    assert_eq!(marked("窓口業務の見直し", "まど"), ["窓口"]);
    // Kanji and kana mixed in one term.
    assert_eq!(
        marked("職員研修を計画的に実施", "職員けんしゅう"),
        ["職員研修"]
    );
    // A kanji term matches as written, not by sound: 市 does not mark シ.
    assert_eq!(marked("市の施設", "市"), ["市"]);
}
