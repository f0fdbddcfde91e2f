//! The Atom feed: read by a real feed reader's parser (`feed-rs`), and
//! checked element by element against what RFC 4287 requires, for the
//! committed editions and for a next edition compiled from two reports.

use std::collections::BTreeSet;

use chrono::{DateTime, FixedOffset, NaiveDate};
use model::drafts::{compile, export_section_json, import, submission, Decisions, Drafts};
use model::drafts::{FieldPath, FieldValue};
use model::edition::{published_on, EditionLabel, Editions};
use model::feed::atom;

mod common;

use common::{committed_editions, dataset, T};

const ATOM: &str = "http://www.w3.org/2005/Atom";

/// The first edition and the next, in which 行政管理課 reported item 1 and
/// 総務課 item 8 (令和5年度).
fn two_editions() -> Editions {
    let report = |section: &str, item: u32, text: &str| {
        let mut drafts = Drafts::new();
        let value = FieldValue::OptionalLines(Some(vec![text.into()]));
        drafts
            .set(dataset(), item, FieldPath::Result(5), value, T)
            .unwrap();
        let json = export_section_json(&drafts, dataset(), section, 5, T);
        submission(
            &format!("{section}.json"),
            import(&json, dataset(), &Drafts::new()).unwrap(),
            5,
        )
        .unwrap()
    };
    let subs = [
        report("行政管理課", 1, "電子申請 120手続"),
        report("総務課", 8, "研修 2回"),
    ];
    let next = compile(dataset(), &subs, &Decisions::new(), 5, "令和6年5月10日")
        .unwrap()
        .dataset;
    Editions::new([((), dataset().clone()), ((), next)]).unwrap()
}

/// The children of `node` named `name` in the Atom namespace.
fn children<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> Vec<roxmltree::Node<'a, 'a>> {
    node.children()
        .filter(|c| c.tag_name().namespace() == Some(ATOM) && c.tag_name().name() == name)
        .collect()
}

/// The one child `name` of `node` (RFC 4287 allows exactly one), as text.
fn one(node: roxmltree::Node, name: &str) -> String {
    let found = children(node, name);
    assert_eq!(found.len(), 1, "<{name}> in <{}>", node.tag_name().name());
    found[0].text().unwrap_or_default().to_string()
}

/// What RFC 4287 requires of a feed (section 4.1.1) and of its entries
/// (4.1.2), and what a reader needs to tell entries apart: every id an
/// absolute IRI and unique, every date RFC 3339, an author for every entry
/// (the feed's). Returns each entry's updated date, in feed order.
fn validate(xml: &str) -> Vec<DateTime<FixedOffset>> {
    let doc = roxmltree::Document::parse(xml).expect("well-formed XML");
    let feed = doc.root_element();
    assert_eq!(feed.tag_name().namespace(), Some(ATOM));
    assert_eq!(feed.tag_name().name(), "feed");
    let date = |text: String| DateTime::parse_from_rfc3339(&text).expect("an RFC 3339 date");
    let mut ids = BTreeSet::from([one(feed, "id")]);
    assert!(!one(feed, "title").is_empty());
    let feed_updated = date(one(feed, "updated"));
    let feed_authors = children(feed, "author");
    assert!(
        !feed_authors.is_empty(),
        "the feed's author stands for every entry's"
    );
    for author in feed_authors {
        assert!(!one(author, "name").is_empty());
    }
    let links = children(feed, "link");
    assert!(links.iter().any(|l| l.attribute("rel") == Some("self")));
    let mut dates = Vec::new();
    for entry in children(feed, "entry") {
        let id = one(entry, "id");
        assert!(id.starts_with("urn:uuid:") && id.len() == 45, "{id}");
        assert!(ids.insert(id), "ids are unique");
        assert!(!one(entry, "title").is_empty());
        let updated = date(one(entry, "updated"));
        assert!(updated <= feed_updated);
        date(one(entry, "published"));
        // An entry without content would need an alternate link; these have both.
        assert_eq!(children(entry, "content").len(), 1);
        assert!(children(entry, "link")
            .iter()
            .any(|l| l.attribute("rel") == Some("alternate")));
        dates.push(updated);
    }
    assert!(ids.iter().all(|id| id.starts_with("urn:uuid:")));
    dates
}

/// The date in Japan at midnight, as the feed writes an edition's day.
fn jst(day: (u16, u8, u8)) -> DateTime<FixedOffset> {
    NaiveDate::from_ymd_opt(i32::from(day.0), u32::from(day.1), u32::from(day.2))
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap()
        .and_local_timezone(FixedOffset::east_opt(9 * 3600).unwrap())
        .unwrap()
}

#[test]
fn the_committed_editions_make_a_valid_feed_whose_first_edition_says_so() {
    let editions = committed_editions();
    let xml = atom(&editions, None);
    let dates = validate(&xml);
    assert_eq!(dates.len(), editions.all().len());
    let feed = feed_rs::parser::parse(xml.as_bytes()).expect("a feed reader reads it");
    assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom);
    assert_eq!(feed.entries.len(), editions.all().len());
    assert_eq!(
        feed.authors[0].name.as_deref(),
        Some(editions.current().dataset.meta.issuer.as_str())
    );
    // The oldest entry is the first edition, and says so; it is dated by
    // its publication, or (where the data does not say) by the end of the
    // year it reports.
    let first = &editions.all()[0].dataset;
    let oldest = feed.entries.last().unwrap();
    assert!(oldest
        .summary
        .as_ref()
        .unwrap()
        .content
        .starts_with("最初の版です。"));
    assert!(oldest
        .title
        .as_ref()
        .unwrap()
        .content
        .contains(&first.meta.status_as_of));
    let day = published_on(&first.meta)
        .unwrap_or_else(|| EditionLabel::of(&first.meta).unwrap().year_end());
    assert_eq!(*dates.last().unwrap(), jst(day));
    assert_eq!(oldest.updated.unwrap(), jst(day));
}

#[test]
fn a_next_edition_lists_its_changed_items_linked_to_their_pages() {
    let editions = two_editions();
    let xml = atom(&editions, None);
    let dates = validate(&xml);
    let feed = feed_rs::parser::parse(xml.as_bytes()).unwrap();
    assert_eq!(feed.entries.len(), 2);
    // Newest first, dated by its publication.
    let next = &editions.current().dataset;
    assert_eq!(dates[0], jst(published_on(&next.meta).unwrap()));
    assert_eq!(feed.updated.unwrap(), dates[0]);
    let newest = &feed.entries[0];
    assert!(newest
        .title
        .as_ref()
        .unwrap()
        .content
        .contains(&next.meta.status_as_of));
    let html = newest.content.as_ref().unwrap().body.clone().unwrap();
    let changes = editions.changes();
    assert_eq!(changes.items(), vec![1, 8]);
    for no in changes.items() {
        let title = &next.item(no).unwrap().title;
        assert!(
            html.contains(&format!("<a href=\"item/{no}/\">No.{no} {title}</a>")),
            "{html}"
        );
    }
    assert!(html.contains("令和5年度の実績（新規）"), "{html}");
    assert!(!feed.entries[1].summary.as_ref().unwrap().content.is_empty());

    // The content is HTML, escaped once: an item's text never becomes markup.
    let mut renamed = editions.current().dataset.clone();
    renamed.items[0].title = "電子申請 <速報> & 窓口".into();
    let editions = Editions::new([((), dataset().clone()), ((), renamed)]).unwrap();
    let xml = atom(&editions, None);
    validate(&xml);
    let feed = feed_rs::parser::parse(xml.as_bytes()).unwrap();
    let html = feed.entries[0]
        .content
        .as_ref()
        .unwrap()
        .body
        .clone()
        .unwrap();
    assert!(html.contains("No.1 電子申請 &lt;速報&gt; &amp; 窓口</a>：取組項目名（更新）、令和5年度の実績（新規）"), "{html}");
}

#[test]
fn with_the_site_address_links_are_absolute_and_ids_stay_the_same() {
    let editions = two_editions();
    let relative = atom(&editions, None);
    for base in ["https://example.jp/reform/", "https://example.jp/reform"] {
        let xml = atom(&editions, Some(base));
        validate(&xml);
        let feed = feed_rs::parser::parse(xml.as_bytes()).unwrap();
        let html = feed.entries[0]
            .content
            .as_ref()
            .unwrap()
            .body
            .clone()
            .unwrap();
        assert!(
            html.contains("href=\"https://example.jp/reform/item/1/\""),
            "{html}"
        );
        assert!(feed
            .links
            .iter()
            .any(|l| l.href == "https://example.jp/reform/feed.xml"));
        let ids = |xml: &str| {
            let f = feed_rs::parser::parse(xml.as_bytes()).unwrap();
            (
                f.id,
                f.entries.into_iter().map(|e| e.id).collect::<Vec<_>>(),
            )
        };
        // Readers know an entry by its id: the host does not change it.
        assert_eq!(ids(&xml), ids(&relative));
    }
    // The same editions always give the same feed.
    assert_eq!(atom(&editions, None), relative);
}
