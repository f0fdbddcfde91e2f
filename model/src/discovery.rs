//! The files search engines look for: `sitemap.xml` (every page, with the
//! edition's date) and `robots.txt` (where the sitemap is). Both need the
//! site's absolute address, so neither is written without it.
//!
//! `lastmod` is the date the current edition was published
//! (`meta.edition_published`: the compilation writes 「令和6年5月10日」). The
//! first edition, extracted from the document, has no date of its own (the
//! source does not print one; see `edition_date_note`), and then `lastmod`
//! is left out, as the sitemap protocol allows, rather than a guessed date:
//! search engines ignore or distrust dates that are not the page's.

use crate::share::escape;
use crate::site::SiteUrl;
use crate::Meta;

/// The sitemap's file name, at the site's root.
pub const SITEMAP: &str = "sitemap.xml";
/// The robots file's name, at the site's root.
pub const ROBOTS: &str = "robots.txt";

/// `sitemap.xml` listing `pages` (paths relative to the site's root: `""`,
/// `item/17/`), in [`page_order`], each with `lastmod` when the edition's
/// date is known; `None` without the site's address.
pub fn sitemap_xml(url: &SiteUrl, pages: &[String], lastmod: Option<&str>) -> Option<String> {
    url.get()?;
    let mut pages: Vec<&String> = pages.iter().collect();
    pages.sort_by_key(|page| page_order(page));
    pages.dedup();
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for page in pages {
        let loc = url.join(page)?;
        xml.push_str(&format!("  <url>\n    <loc>{}</loc>\n", escape(&loc)));
        if let Some(date) = lastmod {
            xml.push_str(&format!("    <lastmod>{}</lastmod>\n", escape(date)));
        }
        xml.push_str("  </url>\n");
    }
    xml.push_str("</urlset>\n");
    Some(xml)
}

/// `robots.txt`: every crawler welcome, and where the sitemap is; `None`
/// without the site's address. Crawlers read it only at a host's root, so
/// for a site under a sub-path the host's own robots file must name the
/// sitemap instead (README).
pub fn robots_txt(url: &SiteUrl) -> Option<String> {
    let sitemap = url.join(SITEMAP)?;
    Some(format!("User-agent: *\nDisallow:\n\nSitemap: {sitemap}\n"))
}

/// The order pages are listed in: by path, numbers by their value
/// (`item/2/` before `item/10/`), so the root comes first.
pub fn page_order(path: &str) -> Vec<(String, u64)> {
    path.split('/')
        .map(|segment| match segment.parse::<u64>() {
            Ok(number) => (String::new(), number),
            Err(_) => (segment.to_owned(), 0),
        })
        .collect()
}

/// The edition's publication date as a W3C date (`2024-05-10`, or
/// `2024-05` when only the month is given), from `meta.edition_published`
/// in the 令和 era (「令和6年5月10日」, 「令和元年5月」) or already as
/// `YYYY-MM-DD`; `None` when the edition has no date or it does not read.
pub fn edition_date(meta: &Meta) -> Option<String> {
    let text = meta.edition_published.as_deref()?.trim();
    if let Some(iso) = iso_date(text) {
        return Some(iso);
    }
    let rest = text.strip_prefix("令和")?;
    let (year, rest) = rest.split_once('年')?;
    let year: u32 = if year == "元" { 1 } else { year.parse().ok()? };
    let (month, rest) = rest.split_once('月')?;
    let month: u32 = month.parse().ok().filter(|m| (1..=12).contains(m))?;
    // 令和元年 is 2019.
    let western = 2018 + year;
    match rest {
        "" => Some(format!("{western:04}-{month:02}")),
        day => {
            let day: u32 = day
                .strip_suffix('日')?
                .parse()
                .ok()
                .filter(|d| (1..=days_in(western, month)).contains(d))?;
            Some(format!("{western:04}-{month:02}-{day:02}"))
        }
    }
}

fn iso_date(text: &str) -> Option<String> {
    let mut parts = text.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return None;
    }
    let (y, m, d): (u32, u32, u32) = (year.parse().ok()?, month.parse().ok()?, day.parse().ok()?);
    ((1..=12).contains(&m) && (1..=days_in(y, m)).contains(&d)).then(|| text.to_owned())
}

fn days_in(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}
