//! `sitemap.xml` and `robots.txt` (`model::discovery`).

use model::discovery::{edition_date, robots_txt, sitemap_xml};
use model::site::SiteUrl;
use model::Dataset;

fn meta(published: Option<&str>) -> model::Meta {
    let mut meta = Dataset::from_json(include_str!("../../data/action-program.json"))
        .unwrap()
        .meta;
    meta.edition_published = published.map(str::to_owned);
    meta
}

#[test]
fn nothing_is_written_without_the_address() {
    let pages = vec![String::new(), "item/1/".to_owned()];
    assert_eq!(
        sitemap_xml(&SiteUrl::default(), &pages, Some("2024-05-10")),
        None
    );
    assert_eq!(robots_txt(&SiteUrl::default()), None);
}

#[test]
fn the_sitemap_lists_every_page_once_in_order() {
    let url = SiteUrl::parse("https://example.jp/reform/").unwrap();
    let pages: Vec<String> = ["item/10/", "", "item/2/", "en/", "item/2/"]
        .map(str::to_owned)
        .to_vec();
    let xml = sitemap_xml(&url, &pages, Some("2024-05-10")).unwrap();
    assert_eq!(
        xml,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n\
         \x20 <url>\n    <loc>https://example.jp/reform/</loc>\n    <lastmod>2024-05-10</lastmod>\n  </url>\n\
         \x20 <url>\n    <loc>https://example.jp/reform/en/</loc>\n    <lastmod>2024-05-10</lastmod>\n  </url>\n\
         \x20 <url>\n    <loc>https://example.jp/reform/item/2/</loc>\n    <lastmod>2024-05-10</lastmod>\n  </url>\n\
         \x20 <url>\n    <loc>https://example.jp/reform/item/10/</loc>\n    <lastmod>2024-05-10</lastmod>\n  </url>\n\
         </urlset>\n"
    );
    // Without a date, no lastmod; an address's `&` is escaped.
    let url = SiteUrl::parse("https://example.jp/a&b/").unwrap();
    let xml = sitemap_xml(&url, &[String::new()], None).unwrap();
    assert!(
        xml.contains("<loc>https://example.jp/a&amp;b/</loc>"),
        "{xml}"
    );
    assert!(!xml.contains("lastmod"), "{xml}");
}

#[test]
fn robots_point_to_the_sitemap() {
    let url = SiteUrl::parse("https://example.jp/").unwrap();
    assert_eq!(
        robots_txt(&url).unwrap(),
        "User-agent: *\nDisallow:\n\nSitemap: https://example.jp/sitemap.xml\n"
    );
}

#[test]
fn the_edition_date_reads_from_the_era_or_iso() {
    // The first edition: the source states no date.
    assert_eq!(edition_date(&meta(None)), None);
    for (published, date) in [
        ("令和6年5月10日", Some("2024-05-10")),
        ("令和元年5月1日", Some("2019-05-01")),
        ("令和5年4月", Some("2023-04")),
        ("令和6年2月29日", Some("2024-02-29")),
        ("2024-05-10", Some("2024-05-10")),
        ("令和5年2月29日", None),
        ("令和6年13月1日", None),
        ("平成31年4月1日", None),
        ("令和6年5月", Some("2024-05")),
        ("令和6年5月10", None),
        ("2024-5-10", None),
        ("", None),
    ] {
        assert_eq!(
            edition_date(&meta(Some(published))).as_deref(),
            date,
            "{published}"
        );
    }
    // What the compilation writes reads back (model::drafts::reiwa_date).
    let written = model::drafts::reiwa_date(1_715_299_200_000); // 2024-05-10 00:00 UTC
    assert_eq!(
        edition_date(&meta(Some(&written))).as_deref(),
        Some("2024-05-10")
    );
}
