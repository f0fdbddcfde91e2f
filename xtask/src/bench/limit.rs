//! The limit: a static page with the same 61 item titles and the same
//! stylesheet as the app, and no script. No client-side app can show its list
//! sooner than the browser shows this page, so the app's time to list divided
//! by this page's is how far the app is from the best possible.

use std::path::Path;

use anyhow::{bail, Context, Result};
use model::listing::group_by_category;
use model::Dataset;

/// Writes `limit_dir/index.html` and copies the app's stylesheets (as linked
/// from `app_dir/index.html`) next to it.
pub fn write(dataset: &Dataset, app_dir: &Path, limit_dir: &Path) -> Result<()> {
    let index = std::fs::read_to_string(app_dir.join("index.html"))
        .with_context(|| format!("reading {}", app_dir.join("index.html").display()))?;
    let stylesheets = stylesheets(&index);
    if stylesheets.is_empty() {
        bail!("the app's index.html links no stylesheet");
    }
    if limit_dir.exists() {
        std::fs::remove_dir_all(limit_dir)?;
    }
    std::fs::create_dir_all(limit_dir)?;
    for href in &stylesheets {
        std::fs::copy(app_dir.join(href), limit_dir.join(href))
            .with_context(|| format!("copying the stylesheet {href}"))?;
    }
    std::fs::write(limit_dir.join("index.html"), page(dataset, &stylesheets))?;
    Ok(())
}

/// The relative stylesheet files that `index_html` links (`./` removed).
pub fn stylesheets(index_html: &str) -> Vec<String> {
    let link = regex::Regex::new(r"<link\b[^>]*>").expect("valid regex");
    let href = regex::Regex::new(r#"\bhref="([^"]+)""#).expect("valid regex");
    link.find_iter(index_html)
        .map(|m| m.as_str())
        .filter(|tag| tag.contains(r#"rel="stylesheet""#))
        .filter_map(|tag| href.captures(tag).map(|c| c[1].to_string()))
        .map(|h| h.trim_start_matches("./").to_string())
        .filter(|h| !h.contains("://") && !h.starts_with('/'))
        .collect()
}

/// The page: the app's header and list markup (same classes, so the same
/// rules apply), every item's number, title and sections, grouped by pillar
/// and category as the app groups them.
pub fn page(dataset: &Dataset, stylesheets: &[String]) -> String {
    let mut html = String::from(
        "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
    );
    html.push_str(&format!("<title>{}</title>\n", escape(&dataset.meta.title)));
    for href in stylesheets {
        html.push_str(&format!(
            "<link rel=\"stylesheet\" href=\"{}\">\n",
            escape(href)
        ));
    }
    html.push_str(
        "</head>\n<body>\n<header class=\"site-header\"><p class=\"site-owner\">上田市</p>\
         <h1 class=\"site-title\"><span class=\"site-title-main\">第四次上田市行財政改革大綱</span> \
         <span class=\"site-title-sub\">アクションプログラム</span></h1>\
         <p class=\"site-status\">令和4年度末の取組状況</p></header>\n\
         <main id=\"main\"><div class=\"list-layout\">\
         <aside class=\"filter-panel\" aria-label=\"検索と絞り込み\"></aside>\n\
         <section class=\"results\" aria-labelledby=\"results-heading\">\
         <div class=\"results-head\"><h2 id=\"results-heading\">取組項目</h2>",
    );
    html.push_str(&format!(
        "<p class=\"result-count\">{}件</p></div>\n",
        dataset.items.len()
    ));
    let all: Vec<usize> = (0..dataset.items.len()).collect();
    for group in group_by_category(dataset, &all) {
        let first = &dataset.items[group.items[0]];
        html.push_str(&format!(
            "<section class=\"category-block\"><h3 class=\"category-heading\">({}) {}　{} {}</h3>\
             <ol class=\"item-list\">\n",
            escape(&first.pillar.code),
            escape(&first.pillar.name),
            escape(&first.category.code),
            escape(&first.category.name)
        ));
        for &index in &group.items {
            let item = &dataset.items[index];
            html.push_str(&format!(
                "<li class=\"item-row\" data-no=\"{no}\"><span class=\"item-no\">No.{no}</span>\
                 <div class=\"item-main\"><a class=\"item-title\" href=\"../app/\">{title}</a>\
                 <p class=\"item-sections\">{sections}</p></div></li>\n",
                no = item.no,
                title = escape(&item.title),
                sections = escape(&item.sections.join("・")),
            ));
        }
        html.push_str("</ol></section>\n");
    }
    html.push_str("</section></div></main>\n</body>\n</html>\n");
    html
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dataset() -> Dataset {
        Dataset::from_json(include_str!("../../../data/action-program.json")).unwrap()
    }

    #[test]
    fn finds_the_stylesheets_trunk_links() {
        let index = r#"<script type="module" src="./boot.js"></script>
  <link rel="stylesheet" href="./main-38d86a3f04df8486.css" integrity="sha384-x"/>
  <link rel="icon" href="favicon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="https://example.org/x.css">"#;
        assert_eq!(stylesheets(index), ["main-38d86a3f04df8486.css"]);
    }

    #[test]
    fn the_page_has_every_title_the_stylesheet_and_no_script() {
        let dataset = dataset();
        let html = page(&dataset, &["main-1.css".to_string()]);
        assert!(!html.contains("<script"));
        assert!(html.contains(r#"<link rel="stylesheet" href="main-1.css">"#));
        assert!(html.contains(r#"<p class="result-count">61件</p>"#));
        assert_eq!(html.matches("class=\"item-row\"").count(), 61);
        assert_eq!(html.matches("class=\"category-block\"").count(), 13);
        for item in &dataset.items {
            assert!(html.contains(&escape(&item.title)), "{}", item.title);
        }
        assert!(html.contains("スクラップ&amp;ビルド"));
    }
}
