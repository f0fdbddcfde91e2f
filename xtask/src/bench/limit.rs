//! The limits: static pages with no script, which no app can beat.
//!
//! - The list (`limit/index.html`): the same 61 item titles, in the app's list
//!   markup, and the same stylesheets. The app's time to list divided by this
//!   page's is how far the app is from the best possible.
//! - An item page (`limit/item/N/index.html`): the app's own prerendered page
//!   of that item with every script removed, so what a shared link to the item
//!   costs beyond plain HTML is the app's part alone.
//! - Interactions (`limit/frozen/index.html`): the app's prerendered list
//!   without scripts. The harness makes on it, with a few lines of script,
//!   exactly the DOM changes the app made for each tap or search, so the time
//!   a tap takes beyond that is the app's part alone.

use std::path::{Component, Path, PathBuf};

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

/// Writes `limit_dir/item/NO/index.html`: the app's prerendered page of item
/// `no`, frozen (see [`freeze`]).
pub fn write_item(app_dir: &Path, limit_dir: &Path, no: u32) -> Result<()> {
    freeze(
        app_dir,
        &PathBuf::from("item").join(no.to_string()),
        limit_dir,
    )
}

/// Writes `frozen_dir/index.html`: the app's prerendered list, frozen (see
/// [`freeze`]). The interaction limit replays the app's DOM changes on it.
pub fn write_frozen_list(app_dir: &Path, frozen_dir: &Path) -> Result<()> {
    if frozen_dir.exists() {
        std::fs::remove_dir_all(frozen_dir)?;
    }
    freeze(app_dir, Path::new(""), frozen_dir)
}

/// Writes `out_root/PAGE_DIR/index.html` from the app's prerendered
/// `PAGE_DIR/index.html`, without scripts, and copies the files its remaining
/// `<link>`s name (stylesheets, icons, manifest) to the same places under
/// `out_root`, so its relative links work there as in the app.
fn freeze(app_dir: &Path, page_dir: &Path, out_root: &Path) -> Result<()> {
    let source = app_dir.join(page_dir).join("index.html");
    let html = std::fs::read_to_string(&source)
        .with_context(|| format!("reading {} (is the build prerendered?)", source.display()))?;
    let html = without_scripts(&html);
    for href in linked_files(&html) {
        let Some(file) = below_root(&page_dir.join(&href)) else {
            bail!("{} links {href}, outside the site", source.display());
        };
        let target = out_root.join(&file);
        if !target.exists() {
            std::fs::create_dir_all(target.parent().unwrap_or(out_root))?;
            std::fs::copy(app_dir.join(&file), &target)
                .with_context(|| format!("copying {}", file.display()))?;
        }
    }
    std::fs::create_dir_all(out_root.join(page_dir))?;
    std::fs::write(out_root.join(page_dir).join("index.html"), html)?;
    Ok(())
}

/// `html` without its `<script>` elements, nor the `<link>`s that preload the
/// app's JS and wasm (a page without script fetches neither).
pub fn without_scripts(html: &str) -> String {
    let script = regex::Regex::new(r"(?is)<script\b[^>]*>.*?</script\s*>").expect("valid regex");
    let preload = regex::Regex::new(r#"(?i)<link\b[^>]*\brel="(?:modulepreload|preload)"[^>]*>"#)
        .expect("valid regex");
    preload
        .replace_all(&script.replace_all(html, ""), "")
        .into_owned()
}

/// The relative files that the `<link>`s of `html` name (query or fragment removed).
fn linked_files(html: &str) -> Vec<String> {
    let link = regex::Regex::new(r"<link\b[^>]*>").expect("valid regex");
    let href = regex::Regex::new(r#"\bhref="([^"?#]+)"#).expect("valid regex");
    link.find_iter(html)
        .filter_map(|m| href.captures(m.as_str()).map(|c| c[1].to_string()))
        .filter(|h| !h.contains("://") && !h.starts_with('/'))
        .collect()
}

/// `path` with `.` and `..` resolved, if it stays inside its root.
fn below_root(path: &Path) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::Normal(part) => out.push(part),
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    return None;
                }
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(out)
}

/// The relative stylesheet files that `index_html` links for the screen
/// (`./` removed): a print-only sheet never delays the app's first paint, so
/// the limit does not load it either.
pub fn stylesheets(index_html: &str) -> Vec<String> {
    let link = regex::Regex::new(r"<link\b[^>]*>").expect("valid regex");
    let href = regex::Regex::new(r#"\bhref="([^"]+)""#).expect("valid regex");
    link.find_iter(index_html)
        .map(|m| m.as_str())
        .filter(|tag| tag.contains(r#"rel="stylesheet""#))
        .filter(|tag| !tag.contains(r#"media="print""#))
        .filter_map(|tag| href.captures(tag).map(|c| c[1].to_string()))
        .map(|h| h.trim_start_matches("./").to_string())
        .filter(|h| !h.contains("://") && !h.starts_with('/'))
        .collect()
}

/// The page: the app's header and list markup (same classes, so the same
/// rules apply; no controls, badges or buttons), every item's number, title
/// and sections, grouped by pillar and category as the app groups them.
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
        "</head>\n<body>\n<header class=\"site-header\"><div class=\"site-id\">\
         <p class=\"site-owner\">上田市</p>\
         <h1 class=\"site-title\"><span class=\"site-title-main\">第四次上田市行財政改革大綱</span> \
         <span class=\"site-title-sub\">アクションプログラム</span></h1>\
         <p class=\"site-status\">令和4年度末の取組状況</p></div></header>\n\
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
            "<section class=\"category-block\"><h3 class=\"category-heading\" lang=\"ja\">({}) {}　{} {}</h3>\
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
                 <a class=\"item-title\" href=\"../app/\" lang=\"ja\">{title}</a>\
                 <p class=\"item-sections\"><span lang=\"ja\">{sections}</span></p></li>\n",
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
  <link rel="stylesheet" href="https://example.org/x.css">
  <link rel="stylesheet" href="./print-1a2b.css" media="print"/>"#;
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

    #[test]
    fn the_item_limit_is_the_app_page_without_scripts() {
        let html = r#"<head><script type="module" src="../../boot.js" data-js="../../a.js"></script>
<link rel="stylesheet" href="../../main-1.css" integrity="sha384-x"/>
<link rel="icon" href="../../favicon.svg">
<link rel="modulepreload" href="../../a.js"><link rel="preload" href="../../a_bg.wasm" as="fetch"></head>
<body><div id="prerendered"><h2>No.17</h2><script>x()</script></div></body>"#;
        let page = without_scripts(html);
        assert!(
            !page.contains("script") && !page.contains("preload"),
            "{page}"
        );
        assert!(page.contains("<h2>No.17</h2>"));
        assert_eq!(
            linked_files(&page),
            ["../../main-1.css", "../../favicon.svg"]
        );
        assert_eq!(
            below_root(Path::new("item/17/../../main-1.css")),
            Some(PathBuf::from("main-1.css"))
        );
        assert_eq!(below_root(Path::new("item/../../x")), None);

        let root = std::env::temp_dir().join(format!("bench-limit-{}", std::process::id()));
        let (app, limit) = (root.join("app"), root.join("limit"));
        std::fs::create_dir_all(app.join("item/17")).unwrap();
        std::fs::create_dir_all(&limit).unwrap();
        std::fs::write(app.join("item/17/index.html"), html).unwrap();
        std::fs::write(app.join("main-1.css"), "h2{}").unwrap();
        std::fs::write(app.join("favicon.svg"), "<svg/>").unwrap();
        write_item(&app, &limit, 17).unwrap();
        assert_eq!(
            std::fs::read_to_string(limit.join("item/17/index.html")).unwrap(),
            page
        );
        assert!(limit.join("main-1.css").is_file() && limit.join("favicon.svg").is_file());
        std::fs::remove_dir_all(&root).unwrap();
    }
}
