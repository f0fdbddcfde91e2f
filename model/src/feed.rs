//! The site's Atom feed (`feed.xml`, RFC 4287): one entry per edition, the
//! newest first, each listing the items it changed since the edition before
//! it, linked to their pages; the first edition says that it is the first.
//! Readers and local media subscribe to it to learn of a new edition.
//!
//! The feed is in Japanese, as the items are, and written at build time
//! from the editions alone, so it is the same at every build: each date is
//! the edition's own (its publication date where its metadata gives one,
//! else the end of the year it reports), and every id is a name-based UUID
//! of the programme and the edition, the same on any host.

use std::fmt::Write as _;

use crate::edition::{published_on, EditionChanges, Editions};
use crate::Dataset;

/// Where the feed is, relative to the site's root.
pub const FEED_PATH: &str = "feed.xml";
/// The page that lists what the current edition changed (「今回の更新」).
const CHANGES_PATH: &str = "changes/";

/// The namespace of the feed's name-based ids (a UUID of this project's own,
/// so the ids cannot collide with anyone else's).
const ID_NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x7b3e_61c2_94d5_4f0e_a8c1_2d6f_0e59_b4a7);

/// The feed's XML.
///
/// `base` is the site's address (`https://example.jp/reform/`); without one
/// every link is relative to the feed, which lies at the site's root. Each
/// entry's content links the changed items (`item/N/`) and names their
/// changed fields.
pub fn atom<O>(editions: &Editions<O>, base: Option<&str>) -> String {
    let link = |path: &str| -> String {
        match base.map(|b| b.trim()).filter(|b| !b.is_empty()) {
            Some(base) if base.ends_with('/') => format!("{base}{path}"),
            Some(base) => format!("{base}/{path}"),
            None if path.is_empty() => "./".to_string(),
            None => path.to_string(),
        }
    };
    let current = &editions.current().dataset;
    let programme = programme(current);
    let history = editions.history();
    let updated = history
        .iter()
        .map(|(edition, _)| date(&edition.dataset))
        .max()
        .unwrap_or_default();
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ja\">\n");
    let _ = writeln!(xml, "  <id>{}</id>", id(&programme));
    let _ = writeln!(xml, "  <title>{} 更新情報</title>", text(&programme));
    let _ = writeln!(
        xml,
        "  <subtitle>{}が公表する取組状況の、版ごとの更新</subtitle>",
        text(&current.meta.issuer)
    );
    let _ = writeln!(xml, "  <updated>{}</updated>", rfc3339(updated));
    let _ = writeln!(
        xml,
        "  <author><name>{}</name></author>",
        text(&current.meta.issuer)
    );
    let _ = writeln!(
        xml,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        text(&link(FEED_PATH))
    );
    let _ = writeln!(
        xml,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        text(&link(""))
    );
    for (newest_first, (edition, changes)) in history.iter().rev().enumerate() {
        let dataset = &edition.dataset;
        let status = &dataset.meta.status_as_of;
        let when = rfc3339(date(dataset));
        xml.push_str("  <entry>\n");
        let _ = writeln!(xml, "    <id>{}</id>", id(&format!("{programme}/{status}")));
        let _ = writeln!(xml, "    <title>{}の取組状況</title>", text(status));
        let _ = writeln!(xml, "    <updated>{when}</updated>");
        let _ = writeln!(xml, "    <published>{when}</published>");
        // The site's 「今回の更新」 page lists the current edition's changes;
        // an earlier edition's entry links the site.
        let page = if newest_first == 0 { CHANGES_PATH } else { "" };
        let _ = writeln!(
            xml,
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
            text(&link(page))
        );
        let _ = writeln!(
            xml,
            "    <summary>{}</summary>",
            text(&summary(dataset, changes))
        );
        let _ = writeln!(
            xml,
            "    <content type=\"html\">{}</content>",
            text(&content(dataset, changes, &link))
        );
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

/// The programme's title without the edition it names
/// (「第四次上田市行財政改革大綱 アクションプログラム」).
fn programme(dataset: &Dataset) -> String {
    let meta = &dataset.meta;
    let title = meta
        .title
        .replace(&format!("{}取組状況", meta.status_as_of), "")
        .replace(&meta.status_as_of, "");
    title.trim().to_string()
}

/// A name-based (version 5) UUID as an Atom id.
fn id(name: &str) -> String {
    format!(
        "urn:uuid:{}",
        uuid::Uuid::new_v5(&ID_NAMESPACE, name.as_bytes())
    )
}

/// An edition's date: its publication, where its metadata gives one, else
/// the end of the year it reports (the first edition does not say when it
/// was published; its figures are of that day).
fn date(dataset: &Dataset) -> (u16, u8, u8) {
    published_on(&dataset.meta)
        .or_else(|| crate::edition::EditionLabel::of(&dataset.meta).map(|l| l.year_end()))
        .unwrap_or((1970, 1, 1))
}

/// A date as RFC 3339, at midnight in Japan.
fn rfc3339((year, month, day): (u16, u8, u8)) -> String {
    format!("{year:04}-{month:02}-{day:02}T00:00:00+09:00")
}

/// One sentence: what the edition is, or what it changed.
fn summary(dataset: &Dataset, changes: &EditionChanges) -> String {
    let status = &dataset.meta.status_as_of;
    match &changes.previous {
        None => format!(
            "最初の版です。{}項目の{status}までの取組状況を掲載しています。",
            dataset.items.len()
        ),
        Some(previous) if changes.fields().is_empty() => {
            format!("{previous}の版から変わった欄はありません。")
        }
        Some(previous) => format!(
            "{previous}の版から{}項目・{}欄が変わりました。",
            changes.items().len(),
            changes.fields().len()
        ),
    }
}

/// The entry's HTML: the summary, then each changed item linked to its
/// page, with its changed fields.
fn content(dataset: &Dataset, changes: &EditionChanges, link: &dyn Fn(&str) -> String) -> String {
    let mut html = format!("<p>{}</p>", text(&summary(dataset, changes)));
    let items = changes.items();
    if !items.is_empty() {
        html.push_str("<ul>");
        for no in items {
            let title = dataset
                .item(no)
                .map(|i| i.title.as_str())
                .unwrap_or_default();
            let fields: Vec<String> = changes
                .of_item(no)
                .into_iter()
                .map(|(path, new)| {
                    format!(
                        "{}（{}）",
                        path.label_ja(),
                        if new { "新規" } else { "更新" }
                    )
                })
                .collect();
            let _ = write!(
                html,
                "<li><a href=\"{}\">No.{no} {}</a>：{}</li>",
                text(&link(&format!("item/{no}/"))),
                text(title),
                text(&fields.join("、"))
            );
        }
        html.push_str("</ul>");
    }
    html
}

/// Text escaped for XML content and attribute values.
fn text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 does not allow at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}
