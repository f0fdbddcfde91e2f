//! Build-time rendering (the `ssr` feature): every page of the site, written
//! once from the app's components into trunk's page. Used by the
//! `prerender` binary.
//!
//! Pages are rendered in Leptos' islands mode: the page is plain HTML except
//! its islands (`<leptos-island>`), which keep the renderer's markers so the
//! browser can hydrate them where they stand.

use std::sync::Arc;

use leptos::prelude::*;
use model::stored::Language;
use model::view_state::{Screen, ViewState};
use model::Item;

use model::share::{head_html, Feed, Page, PageKind, ShareImage};

use crate::data::app_data;
use crate::i18n::page_texts as texts;

mod rewrite;

use rewrite::{edit_policy, name_page, relocate_links, strip_markers_outside_islands, without_app};

/// Where the rendered page goes in `index.html`.
const MARKER: &str = "<!--prerendered-->";

/// Renders the page of `state` (its page as written: nothing searched, no
/// user data) as HTML.
pub fn render_page(state: &ViewState) -> String {
    let owner = Owner::new_root(Some(Arc::new(
        hydration_context::SsrSharedContext::new_islands(),
    )));
    let html = owner.with(|| {
        crate::services::provide(state.page_default());
        view! { <crate::page::Page/> }.to_html()
    });
    strip_markers_outside_islands(&html)
}

/// Renders the page a host serves for an address the site does not have.
pub fn render_not_found() -> String {
    let owner = Owner::new_root(Some(Arc::new(
        hydration_context::SsrSharedContext::new_islands(),
    )));
    let html = owner.with(|| {
        crate::services::provide(ViewState::default());
        view! { <crate::views::not_found::NotFoundPage/> }.to_html()
    });
    strip_markers_outside_islands(&html)
}

/// A page's own title and description.
pub struct PageHead {
    pub title: String,
    pub description: String,
}

/// The title and description of the page of `state`, in its language.
pub fn page_head(state: &ViewState) -> PageHead {
    let t = texts(state.language);
    let named = |name: &str| PageHead {
        title: (t.page_title)(name),
        description: t.site_description.to_owned(),
    };
    match state.screen {
        Screen::Item(no) => match app_data().dataset.item(no) {
            Some(item) => item_page_head(item, state.language),
            None => named(&(t.not_found)(no)),
        },
        Screen::List => PageHead {
            title: (t.document_title)(crate::data::edition_label(), None),
            description: t.site_description.to_owned(),
        },
        Screen::Bookmarks => named(t.bookmarks_heading),
        Screen::Overview => named(t.overview_heading),
        Screen::About => named(t.about_title),
        Screen::Accessibility => named(t.nav_accessibility),
        Screen::Changes => named(t.changes_heading),
        Screen::Drafts => named(t.drafts_heading),
        Screen::Workbench => named(t.workbench_heading),
        Screen::Compile => named(t.compile_heading),
    }
}

/// The title and description of item `item`'s page. The description is the
/// item's own words (Japanese, as the content) in the page's language's frame.
pub fn item_page_head(item: &Item, language: Language) -> PageHead {
    let t = texts(language);
    PageHead {
        title: (t.document_title)(crate::data::edition_label(), Some((item.no, &item.title))),
        description: (t.item_description)(
            item.no,
            &item.title,
            &item.sections.join(t.name_separator),
            &item.overview.join(""),
        ),
    }
}

/// trunk's `index.html`, split where pages differ.
pub struct Template {
    head: String,
    body_start: String,
    body_end: String,
}

impl Template {
    /// Splits trunk's page at `</head>` and at the body's `<!--prerendered-->` marker.
    pub fn parse(page: &str) -> Result<Template, String> {
        let (head, body) = page
            .split_once("</head>")
            .ok_or("index.html has no </head>")?;
        let (body_start, body_end) = body
            .split_once(MARKER)
            .ok_or("index.html has no <!--prerendered--> marker in its body")?;
        Ok(Template {
            head: head.to_owned(),
            body_start: body_start.to_owned(),
            body_end: body_end.to_owned(),
        })
    }

    /// The whole page of `state`: the head's asset links reach the site root
    /// from the page's folder, the head names the page in its language (with
    /// its other-language page as an alternate), and `body` is the rendered
    /// page.
    pub fn page(&self, state: &ViewState, body: &str) -> String {
        let head = page_head(state);
        let top = name_page(
            &relocate_links(&self.head, &state.relative_root()),
            state.language.tag(),
            &head.title,
            &head.description,
        );
        let share = share_head(state, &head);
        // Staff pages are not for search engines (nor for the sitemap).
        let robots = if is_staff_page(state.screen) {
            "<meta name=\"robots\" content=\"noindex\">\n"
        } else {
            ""
        };
        format!(
            "{top}{robots}{share}\n</head>{}<div id=\"prerendered\">{body}</div>{}",
            self.body_start, self.body_end
        )
    }
}

impl Template {
    /// The not-found page (`404.html`). A host serves it at whatever address
    /// was asked for, at any depth below the site, so its relative links
    /// resolve against the site's root: a `<base>` at the site's address
    /// when `data/site.json` names it; otherwise set by one inline script
    /// (allowed by its hash in the page's security policy) from the address
    /// asked for, which names the site's folder before any of the site's own
    /// folders (`…/reform/item/999/` → `…/reform/`). The page has no app:
    /// the search is a plain form.
    pub fn not_found_page(&self, body: &str) -> String {
        let t = texts(Language::Ja);
        let en = texts(Language::En);
        let site = crate::data::site_config();
        let base = match site.site_url.get() {
            Some(url) => format!("<base href=\"{}\">", model::share::escape(url)),
            None => format!("<script>{}</script>", not_found_base_script()),
        };
        let script_hash = format!("'sha256-{}'", sha256_base64(&not_found_base_script()));
        // Everything but the app: its loader (and the module preloads) stay out.
        let top = edit_policy(
            &without_app(&self.head),
            &[
                (
                    "script-src 'self' 'wasm-unsafe-eval'",
                    &format!("script-src {script_hash}"),
                ),
                // The page's one form is a plain search of the list.
                ("form-action 'none'", "form-action 'self'"),
            ],
            // The base comes before the first link that it resolves.
            &base,
        );
        let title = format!(
            "{} / {}",
            (t.page_title)(t.page_not_found),
            en.page_not_found
        );
        let top = name_page(&top, "ja", &title, t.page_not_found_text);
        let site_name = format!("{} {}", t.title_main, t.title_sub);
        let share = head_html(
            &Page {
                kind: PageKind::NotFound,
                lang: Language::Ja,
                title: t.page_not_found,
                description: t.page_not_found_text,
                site_name: &site_name,
                path: "404.html",
                alternate: None,
            },
            &site,
            &ShareImage::site_card(t.share_card_alt),
            None,
        );
        // Nothing on it needs JavaScript: no note that it is off.
        let body_start = without_app(&self.body_start);
        format!(
            "{top}<meta name=\"robots\" content=\"noindex\">\n{share}\n</head>{body_start}{body}{}",
            self.body_end
        )
    }
}

/// Sets the not-found page's base to the site's root, from the address it
/// was served at (see [`Template::not_found_page`]): the folder before the
/// first of the site's own folders (`item/N`, `overview`, …, or `en`), else
/// the address's own folder. Its hash is in the page's security policy.
fn not_found_base_script() -> String {
    let folders: Vec<String> = Screen::PAGES
        .iter()
        .filter(|screen| **screen != Screen::List)
        .map(|screen| screen.page_dir().trim_end_matches('/').to_owned())
        .chain([r"item\/[^\/]*".to_owned()])
        .collect();
    format!(
        "(()=>{{const p=location.pathname;\
         const m=/^(.*?\\/)(?:en\\/)?(?:{})(?:\\/.*)?$/.exec(p)||/^(.*?\\/)en\\//.exec(p);\
         const r=m?m[1]:p.slice(0,p.lastIndexOf('/')+1);\
         const b=document.createElement('base');b.href=r;document.head.prepend(b);}})();",
        folders.join("|")
    )
}

fn sha256_base64(text: &str) -> String {
    use base64::Engine;
    use sha2::Digest;
    base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(text.as_bytes()))
}

/// The share preview, the canonical and language links (with the site's
/// address) and the feed link of the page of `state`.
fn share_head(state: &ViewState, head: &PageHead) -> String {
    let t = texts(state.language);
    let site = crate::data::site_config();
    let site_name = format!("{} {}", t.title_main, t.title_sub);
    let path = state.page_path();
    let alternate = state.in_language(state.language.other()).page_path();
    let kind = match state.screen {
        Screen::List => PageKind::List,
        Screen::Item(_) => PageKind::Item,
        Screen::Overview => PageKind::Overview,
        Screen::About => PageKind::About,
        Screen::Accessibility => PageKind::Accessibility,
        Screen::Bookmarks => PageKind::Bookmarks,
        Screen::Changes => PageKind::Changes,
        Screen::Drafts | Screen::Workbench | Screen::Compile => PageKind::Staff,
    };
    // An item's own card exists only where the build drew one: with the
    // site's address (without it no image is linked at all).
    let item = match state.screen {
        Screen::Item(no) => app_data().dataset.item(no),
        _ => None,
    };
    let card_path = item.map(|item| model::share::item_card_path(item.no));
    let card_alt = item.map(|item| (t.share_item_card_alt)(item.no, &item.title));
    let image = match (&card_path, &card_alt) {
        (Some(path), Some(alt)) if site.site_url.get().is_some() => {
            ShareImage::item_card(path, alt)
        }
        _ => ShareImage::site_card(t.share_card_alt),
    };
    // On item pages the preview describes the item in its own words.
    let summary = item.map(|item| item.overview.join(""));
    let page = Page {
        kind,
        lang: state.language,
        title: &head.title,
        description: summary.as_deref().unwrap_or(&head.description),
        site_name: &site_name,
        path: &path,
        alternate: Some(&alternate),
    };
    let feed = Feed {
        path: FEED_PATH,
        title: t.feed_title,
    };
    head_html(&page, &site, &image, Some(&feed))
}

/// The Atom feed the build writes at the site's root (`cargo xtask postbuild`).
pub const FEED_PATH: &str = "feed.xml";

fn is_staff_page(screen: Screen) -> bool {
    matches!(screen, Screen::Drafts | Screen::Workbench | Screen::Compile)
}

/// Benchmark builds: where the list of `n` synthetic items is written, below
/// the site root (two folders down, like an item page).
#[cfg(feature = "bench")]
pub fn synthetic_page_dir(n: usize) -> String {
    format!("synthetic/{n}/")
}

/// Benchmark builds: the list page of `n` items generated from the real ones
/// (`model::synthetic`), made from `list_page`, the site's prerendered list
/// (its head and frame, trunk's asset links): its rendered part is replaced
/// by the list rendered with the synthetic dataset, its links reach the site
/// root from [`synthetic_page_dir`], and `<html data-synthetic="N">` tells
/// the browser's bundle (built with the `bench` feature) to generate the same
/// items, so that the islands hydrate what the page shows.
#[cfg(feature = "bench")]
pub fn synthetic_list_page(list_page: &str, n: usize) -> Result<String, String> {
    const OPEN: &str = "<div id=\"prerendered\">";
    let start = list_page
        .find(OPEN)
        .ok_or("the list page has no <div id=\"prerendered\">")?
        + OPEN.len();
    // The rendered part is the body's last element (`Template::page`).
    let body_end = list_page
        .rfind("</body>")
        .ok_or("the list page has no </body>")?;
    let end = list_page[..body_end]
        .rfind("</div>")
        .filter(|&end| end >= start)
        .ok_or("the list page's rendered part does not end before </body>")?;
    if !list_page.contains("<html ") {
        return Err("the list page has no <html> element".into());
    }
    let body = crate::data::with_synthetic(n, || render_page(&ViewState::default()));
    let page = format!("{}{body}{}", &list_page[..start], &list_page[end..]);
    // Every relative link of the list page starts at the site root (`./`).
    let root = "../".repeat(synthetic_page_dir(n).matches('/').count());
    Ok(rewrite::mark_synthetic(&relocate_links(&page, &root), n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_not_found_page_allows_its_one_script_by_hash() {
        let template = Template::parse(
            "<html lang=\"ja\"><head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"x\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; form-action 'none'\">\n<title>T</title><meta name=\"description\" content=\"D\">\n<script type=\"module\" src=\"./boot.js\" data-wasm=\"./x.wasm\"></script>\n</head><body><noscript>off</noscript><!--prerendered--></body>",
        )
        .unwrap();
        let page = template.not_found_page("<main>…</main>");
        let script = not_found_base_script();
        assert!(page.contains(&format!("<script>{script}</script>")));
        assert!(page.contains(&format!("script-src 'sha256-{}'", sha256_base64(&script))));
        assert!(page.contains("form-action 'self'"));
        assert!(
            !page.contains("boot.js") && !page.contains("noscript"),
            "{page}"
        );
        assert!(page.contains("<meta name=\"robots\" content=\"noindex\">"));
        // A regular expression literal: no unescaped slash outside a class.
        let pattern = script
            .split("=/")
            .nth(1)
            .unwrap()
            .split("/.exec")
            .next()
            .unwrap();
        assert!(!pattern.replace("\\/", "").contains('/'), "{pattern}");
    }

    #[cfg(feature = "bench")]
    #[test]
    fn a_synthetic_list_is_the_list_page_with_generated_items() {
        let list = "<!DOCTYPE html><html lang=\"ja\"><head><link href=\"./a.css\"><script src=\"./boot.js\" data-js=\"./x.js\"></script></head><body><noscript>off</noscript><div id=\"prerendered\"><main><div>61件</div></main></div></body>\n</html>\n";
        let page = synthetic_list_page(list, 150).unwrap();
        assert!(page.starts_with(
            "<!DOCTYPE html><html lang=\"ja\" data-synthetic=\"150\"><head><link href=\"../../a.css\"><script src=\"../../boot.js\" data-js=\"../../x.js\"></script></head><body><noscript>off</noscript><div id=\"prerendered\">"
        ));
        assert!(page.ends_with("</div></body>\n</html>\n"));
        assert!(!page.contains("61件"));
        assert!(page.contains("150件"), "{page}");
        // The list in pages: the first hundred rows.
        assert_eq!(page.matches("class=\"item-row\"").count(), 100);
        assert!(!page.contains("=\"./"));
        assert!(page.contains("href=\"../../item/1/\""));
        // The real dataset is back for the pages rendered after it.
        assert_eq!(app_data().dataset.items.len(), 61);
        assert_eq!(synthetic_page_dir(150), "synthetic/150/");
        assert!(synthetic_list_page("<html lang=\"ja\"><body></body></html>", 10).is_err());
    }

    #[test]
    fn item_pages_reach_assets_from_their_folder_and_name_their_language() {
        let template = Template::parse(
            "<html lang=\"ja\"><head><title>T</title><meta name=\"description\" content=\"D\"><link href=\"./a.css\"><script src=\"./boot.js\" data-js=\"./x.js\"></script></head><body><!--prerendered--></body>",
        )
        .unwrap();
        let item = ViewState::page(Screen::Item(1), Language::En);
        let page = template.page(&item, "<p>hi</p>");
        assert!(
            page.starts_with("<html lang=\"en\"><head><title>No.1 "),
            "{page}"
        );
        assert!(page.contains("<link href=\"../../../a.css\"><script src=\"../../../boot.js\" data-js=\"../../../x.js\">"));
        // The share preview names the item; the feed is found from the page's folder.
        assert!(
            page.contains("<meta property=\"og:type\" content=\"article\">"),
            "{page}"
        );
        assert!(page.contains("<meta property=\"og:locale\" content=\"en_GB\">"));
        assert!(page.contains("type=\"application/atom+xml\""));
        assert!(page.contains("href=\"../../../feed.xml\""));
        assert!(page.ends_with("<body><div id=\"prerendered\"><p>hi</p></div></body>"));
    }
}
