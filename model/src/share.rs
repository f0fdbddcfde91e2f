//! What a page's `<head>` tells the services that show a link: the Open
//! Graph properties LINE, Facebook and X read for a link preview, X's card
//! type, and, when the site's address is set, the canonical address and the
//! language versions search engines read.
//!
//! The build calls [`head_elements`] for every page it writes. Texts come
//! from the caller (the language tables and the data), so this module words
//! nothing itself.
//!
//! Without the site's address (`site_url` in `data/site.json`) nothing that
//! needs an absolute address is written: no `og:url`, no canonical or
//! `hreflang` links, and no image. Facebook's crawler requires absolute URLs
//! ("All URLs must be absolute", its Sharing Debugger documentation), X's
//! `twitter:image` and LINE take the image from an absolute URL as well, and
//! the Open Graph protocol defines `og:image` as a URL with the http or https
//! scheme; a relative image would be ignored or, worse, resolved against the
//! wrong page. Previews then show the title and description without an image,
//! and X's card is the plain `summary`.

use crate::site::{SiteConfig, SiteUrl};
use crate::stored::Language;

/// The kinds of page the build writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    /// The list of items (the start page).
    List,
    /// One item's page.
    Item,
    Overview,
    About,
    /// The accessibility statement.
    Accessibility,
    Bookmarks,
    /// What changed in the current edition.
    Changes,
    /// A staff page (the section report, the compilation, the drafts): not
    /// for search engines, but a shared link still shows a preview.
    Staff,
    /// The page a host serves for a missing address: it has no address of its
    /// own, so it gets no `og:url`, canonical or language links.
    NotFound,
}

/// One page, as the build describes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page<'a> {
    pub kind: PageKind,
    /// The page's interface language.
    pub lang: Language,
    /// The page's own title, as in its `<title>`.
    pub title: &'a str,
    /// What the page is: on item pages the item's own summary. Line breaks
    /// and runs of spaces are written as one space.
    pub description: &'a str,
    /// The site's name in the page's language (`og:site_name`).
    pub site_name: &'a str,
    /// The page's path relative to the site's root: `""` (the list),
    /// `item/17/`, `en/overview/`; folders end in `/`.
    pub path: &'a str,
    /// The same page in the other interface language, as a path relative to
    /// the site's root, when there is one.
    pub alternate: Option<&'a str>,
}

/// The preview image.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShareImage<'a> {
    /// Its path relative to the site's root (`share-card.png`).
    pub path: &'a str,
    pub width: u32,
    pub height: u32,
    /// What it shows, in the page's language.
    pub alt: &'a str,
}

/// The site's preview card as the build writes it (`xtask`'s `share_card`).
pub const SITE_CARD_PATH: &str = "share-card.png";
/// The card's size: the 1.91:1 that Facebook and LINE show whole and X's
/// `summary_large_image` crops only slightly.
pub const CARD_WIDTH: u32 = 1200;
pub const CARD_HEIGHT: u32 = 630;

/// Item `no`'s own card, beside its page (`item/17/card.png`): the
/// service worker does not precache what is under `item/`.
pub fn item_card_path(no: u32) -> String {
    format!("item/{no}/card.png")
}

impl<'a> ShareImage<'a> {
    /// The site's card with its alt text.
    pub fn site_card(alt: &'a str) -> ShareImage<'a> {
        ShareImage {
            path: SITE_CARD_PATH,
            width: CARD_WIDTH,
            height: CARD_HEIGHT,
            alt,
        }
    }

    /// Item `no`'s card ([`item_card_path`]) with its alt text.
    pub fn item_card(path: &'a str, alt: &'a str) -> ShareImage<'a> {
        ShareImage {
            path,
            width: CARD_WIDTH,
            height: CARD_HEIGHT,
            alt,
        }
    }
}

/// A feed of the site's updates (Atom), linked from every page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Feed<'a> {
    /// Its path relative to the site's root (`feed.xml`).
    pub path: &'a str,
    /// Its title, in the page's language.
    pub title: &'a str,
}

/// One element to add to a page's `<head>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeadElement {
    /// `<meta property="og:…" content="…">` (Open Graph uses `property`).
    Property {
        property: &'static str,
        content: String,
    },
    /// `<meta name="twitter:…" content="…">`.
    Name { name: &'static str, content: String },
    /// `<link rel="…" href="…">`, with `hreflang`, `type` and `title` where given.
    Link {
        rel: &'static str,
        href: String,
        hreflang: Option<&'static str>,
        mime: Option<&'static str>,
        title: Option<String>,
    },
}

impl HeadElement {
    /// The element as HTML, every value escaped.
    pub fn to_html(&self) -> String {
        match self {
            HeadElement::Property { property, content } => {
                format!(
                    r#"<meta property="{property}" content="{}">"#,
                    escape(content)
                )
            }
            HeadElement::Name { name, content } => {
                format!(r#"<meta name="{name}" content="{}">"#, escape(content))
            }
            HeadElement::Link {
                rel,
                href,
                hreflang,
                mime,
                title,
            } => {
                let mut html = format!(r#"<link rel="{rel}""#);
                if let Some(hreflang) = hreflang {
                    html.push_str(&format!(r#" hreflang="{hreflang}""#));
                }
                if let Some(mime) = mime {
                    html.push_str(&format!(r#" type="{mime}""#));
                }
                if let Some(title) = title {
                    html.push_str(&format!(r#" title="{}""#, escape(title)));
                }
                html.push_str(&format!(r#" href="{}">"#, escape(href)));
                html
            }
        }
    }
}

/// The `<head>` elements of `page`: its share preview, and with the site's
/// address its canonical address and language versions; `feed`, when given,
/// is linked too.
pub fn head_elements(
    page: &Page,
    site: &SiteConfig,
    image: &ShareImage,
    feed: Option<&Feed>,
) -> Vec<HeadElement> {
    let url = &site.site_url;
    let own_address = page.kind != PageKind::NotFound;
    let property = |property, content: &str| HeadElement::Property {
        property,
        content: one_line(content),
    };
    let mut head = vec![
        property("og:title", page.title),
        property("og:description", page.description),
        property(
            "og:type",
            if page.kind == PageKind::Item {
                "article"
            } else {
                "website"
            },
        ),
        property("og:site_name", page.site_name),
        property("og:locale", locale(page.lang)),
    ];
    if page.alternate.is_some() {
        head.push(property("og:locale:alternate", locale(page.lang.other())));
    }
    if let (true, Some(address)) = (own_address, url.join(page.path)) {
        head.push(property("og:url", &address));
    }
    let image_url = url.join(image.path);
    if let Some(image_url) = &image_url {
        head.extend([
            property("og:image", image_url),
            property("og:image:type", mime_of(image.path)),
            property("og:image:width", &image.width.to_string()),
            property("og:image:height", &image.height.to_string()),
            property("og:image:alt", image.alt),
        ]);
    }
    head.push(HeadElement::Name {
        name: "twitter:card",
        content: if image_url.is_some() {
            "summary_large_image"
        } else {
            "summary"
        }
        .to_owned(),
    });
    if own_address {
        head.extend(address_links(page, url));
    }
    if let Some(feed) = feed {
        // Relative, so the link works at any address; the page that a host
        // serves at any depth (not found) can only use an absolute one.
        let href = if own_address {
            Some(format!("{}{}", root_of(page.path), feed.path))
        } else {
            url.join(feed.path)
        };
        if let Some(href) = href {
            head.push(HeadElement::Link {
                rel: "alternate",
                href,
                hreflang: None,
                mime: Some("application/atom+xml"),
                title: Some(one_line(feed.title)),
            });
        }
    }
    head
}

/// [`head_elements`] as HTML, one element a line.
pub fn head_html(
    page: &Page,
    site: &SiteConfig,
    image: &ShareImage,
    feed: Option<&Feed>,
) -> String {
    head_elements(page, site, image, feed)
        .iter()
        .map(HeadElement::to_html)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The canonical link and, for a page in both languages, one `hreflang`
/// link per language (the page's own included, as search engines require)
/// and `x-default` for the Japanese page.
fn address_links(page: &Page, url: &SiteUrl) -> Vec<HeadElement> {
    let link = |hreflang: Option<&'static str>, path: &str| {
        url.join(path).map(|href| HeadElement::Link {
            rel: if hreflang.is_some() {
                "alternate"
            } else {
                "canonical"
            },
            href,
            hreflang,
            mime: None,
            title: None,
        })
    };
    let mut links: Vec<_> = link(None, page.path).into_iter().collect();
    if let Some(alternate) = page.alternate {
        let (ja, en) = match page.lang {
            Language::Ja => (page.path, alternate),
            Language::En => (alternate, page.path),
        };
        links.extend(
            [(Some("ja"), ja), (Some("en"), en), (Some("x-default"), ja)]
                .into_iter()
                .filter_map(|(hreflang, path)| link(hreflang, path)),
        );
    }
    links
}

/// Open Graph's `language_TERRITORY`; the English tables are written in
/// British English ("programme").
fn locale(lang: Language) -> &'static str {
    match lang {
        Language::Ja => "ja_JP",
        Language::En => "en_GB",
    }
}

fn mime_of(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("webp") => "image/webp",
        _ => "image/png",
    }
}

/// The way from a page at `path` back to the site's root: `""` for the
/// root's pages, `../../` for `item/17/`.
pub fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// Line breaks and runs of ASCII white space as one space, trimmed: previews
/// show one paragraph. Japanese text's own full-width spaces stay.
fn one_line(text: &str) -> String {
    text.split(|c: char| c.is_ascii_whitespace())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text for an HTML or XML attribute or element: the five characters with
/// a meaning in markup, as character references both languages know.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
