//! `sitemap.xml` and `robots.txt` in a built site, when `data/site.json`
//! names the site's address (`model::discovery` writes them; this finds the
//! pages and the edition's date).

use std::path::Path;

use anyhow::{Context, Result};
use model::discovery::{edition_date, robots_txt, sitemap_xml, ROBOTS, SITEMAP};
use model::site::SiteConfig;

use crate::files::files_under;

/// Writes `sitemap.xml` and `robots.txt` into `site_dir` when the data
/// directory's `site.json` (`data/`, or `UEDA_DATA_DIR`) sets `site_url`;
/// without it, writes neither.
pub fn write_discovery_files(site_dir: &Path) -> Result<()> {
    write_from(site_dir, &crate::edition::data_dir(&crate::project_root()))
}

/// [`write_discovery_files`] with the data directory given.
pub fn write_from(site_dir: &Path, data: &Path) -> Result<()> {
    let config = site_config(data)?;
    let Some(address) = config.site_url.get() else {
        println!("discovery: site_url is not set in site.json; no {SITEMAP} or {ROBOTS}");
        return Ok(());
    };
    let (_, edition) = crate::edition::current(data)?;
    let lastmod = edition_date(&edition.meta);
    let pages = pages(site_dir)?;
    let sitemap = sitemap_xml(&config.site_url, &pages, lastmod.as_deref())
        .context("the sitemap needs the site's address")?;
    let robots = robots_txt(&config.site_url).context("robots.txt needs the site's address")?;
    std::fs::write(site_dir.join(SITEMAP), sitemap).context("writing sitemap.xml")?;
    std::fs::write(site_dir.join(ROBOTS), robots).context("writing robots.txt")?;
    println!(
        "discovery: {SITEMAP} with {} pages of {address} (lastmod {}), {ROBOTS}",
        pages.len(),
        lastmod
            .as_deref()
            .unwrap_or("omitted: the edition has no date")
    );
    Ok(())
}

/// The site's settings from the data directory.
pub fn site_config(data: &Path) -> Result<SiteConfig> {
    let path = data.join("site.json");
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    SiteConfig::from_json(&text).with_context(|| format!("{}", path.display()))
}

/// Every page of the built site: each folder's `index.html`, as the path of
/// its folder relative to the site (`""`, `item/17/`). Pages that ask not to
/// be indexed (`<meta name="robots" content="noindex">`) are left out.
pub fn pages(site_dir: &Path) -> Result<Vec<String>> {
    let mut pages = Vec::new();
    for file in files_under(site_dir)? {
        if file.file_name().is_none_or(|name| name != "index.html") {
            continue;
        }
        let html = std::fs::read_to_string(&file)
            .with_context(|| format!("reading {}", file.display()))?;
        if asks_not_to_be_indexed(&html) {
            continue;
        }
        let folder = file
            .parent()
            .unwrap_or(site_dir)
            .strip_prefix(site_dir)?
            .components()
            .map(|c| format!("{}/", c.as_os_str().to_string_lossy()))
            .collect::<String>();
        pages.push(folder);
    }
    pages.sort_by_key(|page| model::discovery::page_order(page));
    Ok(pages)
}

fn asks_not_to_be_indexed(html: &str) -> bool {
    let meta = regex::Regex::new(r#"<meta\s+name="robots"\s+content="([^"]*)""#)
        .expect("the pattern is valid");
    let noindex = meta
        .captures_iter(html)
        .any(|c| c[1].split(',').any(|word| word.trim() == "noindex"));
    noindex
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use std::path::PathBuf;

    /// A scratch folder for one test.
    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("xtask-discovery-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// A built site's pages (and files that are not pages).
    fn site(dir: &Path) {
        let page = |path: &str, html: &str| {
            let file = dir.join(path);
            fs::create_dir_all(file.parent().unwrap()).unwrap();
            fs::write(file, html).unwrap();
        };
        let plain =
            "<!DOCTYPE html><html lang=\"ja\"><head><title>t</title></head><body></body></html>";
        page("index.html", plain);
        for no in [1, 2, 10, 61] {
            page(&format!("item/{no}/index.html"), plain);
        }
        page("en/index.html", plain);
        page("en/overview/index.html", plain);
        page("404.html", plain);
        page("open-data/r4-end.json", "{}");
        page(
            "drafts/index.html",
            "<head><meta name=\"robots\" content=\"noindex, nofollow\"></head>",
        );
    }

    /// A data directory: the first edition, a later one with a date, and
    /// `site.json` with `site_url`.
    fn data(dir: &Path, site_url: &str) {
        let root = crate::project_root();
        fs::copy(
            root.join("data/action-program.json"),
            dir.join("action-program.json"),
        )
        .unwrap();
        fs::write(
            dir.join("site.json"),
            serde_json::json!({ "site_url": site_url }).to_string(),
        )
        .unwrap();
    }

    fn add_dated_edition(dir: &Path) {
        let mut next = crate::edition::current(dir).unwrap().1;
        next.meta.status_as_of = "令和5年度末".into();
        next.meta.edition_published = Some("令和6年5月10日".into());
        fs::create_dir_all(dir.join("editions")).unwrap();
        fs::write(
            dir.join("editions/r5-end.json"),
            serde_json::to_string(&next).unwrap(),
        )
        .unwrap();
    }

    #[test]
    fn with_an_address_the_sitemap_lists_every_page_and_robots_point_to_it() {
        let (built, data_dir) = (scratch("site"), scratch("data"));
        site(&built);
        data(&data_dir, "https://www.city.ueda.nagano.jp/reform/");
        add_dated_edition(&data_dir);
        write_from(&built, &data_dir).unwrap();

        let text = fs::read_to_string(built.join("sitemap.xml")).unwrap();
        let xml = roxmltree::Document::parse(&text).expect("the sitemap is XML");
        let urlset = xml.root_element();
        assert_eq!(urlset.tag_name().name(), "urlset");
        assert_eq!(
            urlset.tag_name().namespace(),
            Some("http://www.sitemaps.org/schemas/sitemap/0.9")
        );
        let entries: Vec<(String, String)> = urlset
            .children()
            .filter(roxmltree::Node::is_element)
            .map(|url| {
                assert_eq!(url.tag_name().name(), "url");
                let child = |name: &str| {
                    url.children()
                        .find(|c| c.tag_name().name() == name)
                        .and_then(|c| c.text())
                        .unwrap_or_default()
                        .to_owned()
                };
                (child("loc"), child("lastmod"))
            })
            .collect();
        let at = |path: &str| format!("https://www.city.ueda.nagano.jp/reform/{path}");
        let expected: Vec<String> = [
            "",
            "en/",
            "en/overview/",
            "item/1/",
            "item/2/",
            "item/10/",
            "item/61/",
        ]
        .map(at)
        .to_vec();
        assert_eq!(
            entries
                .iter()
                .map(|(loc, _)| loc.clone())
                .collect::<Vec<_>>(),
            expected,
            "one entry per page, and only pages"
        );
        assert!(entries.iter().all(|(_, lastmod)| lastmod == "2024-05-10"));

        let robots = fs::read_to_string(built.join("robots.txt")).unwrap();
        assert!(
            robots
                .lines()
                .any(|l| l == format!("Sitemap: {}", at("sitemap.xml"))),
            "{robots}"
        );
        fs::remove_dir_all(&built).unwrap();
        fs::remove_dir_all(&data_dir).unwrap();
    }

    #[test]
    fn without_an_address_nothing_is_written() {
        let (built, data_dir) = (scratch("plain"), scratch("plain-data"));
        site(&built);
        data(&data_dir, "");
        write_from(&built, &data_dir).unwrap();
        assert!(!built.join("sitemap.xml").exists());
        assert!(!built.join("robots.txt").exists());
        // A wrong address stops the build with the reason.
        data(&data_dir, "www.city.ueda.nagano.jp/reform/");
        let error = format!("{:#}", write_from(&built, &data_dir).unwrap_err());
        assert!(error.contains("https://"), "{error}");
        fs::remove_dir_all(&built).unwrap();
        fs::remove_dir_all(&data_dir).unwrap();
    }

    #[test]
    fn the_first_edition_has_no_lastmod() {
        let (built, data_dir) = (scratch("first"), scratch("first-data"));
        site(&built);
        data(&data_dir, "https://example.jp/");
        write_from(&built, &data_dir).unwrap();
        let text = fs::read_to_string(built.join("sitemap.xml")).unwrap();
        let xml = roxmltree::Document::parse(&text).unwrap();
        assert_eq!(
            xml.descendants()
                .filter(|n| n.tag_name().name() == "loc")
                .count(),
            7
        );
        assert!(!xml.descendants().any(|n| n.tag_name().name() == "lastmod"));
        fs::remove_dir_all(&built).unwrap();
        fs::remove_dir_all(&data_dir).unwrap();
    }
}
