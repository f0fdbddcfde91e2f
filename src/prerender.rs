//! Build-time rendering (the `ssr` feature): the app's components written
//! as static HTML into trunk's page. Used by the `prerender` binary.

use leptos::prelude::*;
use leptos_router::location::RequestUrl;
use model::stored::Language;
use model::Item;

use crate::App;

/// Where the prerendered content goes in `index.html`.
const MARKER: &str = "<!--prerendered-->";

/// Renders the whole app for the page at `path` (`/` or `/item/17/`), as a
/// first visit sees it: default settings, nothing stored.
pub fn render_page(path: &str) -> String {
    let owner = Owner::new_root(Some(std::sync::Arc::new(
        hydration_context::SsrSharedContext::new(),
    )));
    owner.with(|| {
        provide_context(RequestUrl::new(path));
        view! { <App/> }.to_html()
    })
}

/// An item page's own title and description.
pub struct PageHead {
    pub title: String,
    pub description: String,
}

/// The title and description of item `item`'s page (Japanese, as the content).
pub fn item_page_head(item: &Item) -> PageHead {
    let summary = item.overview.join("");
    PageHead {
        // Prerendered pages are written in the default language.
        title: (crate::i18n::texts(Language::Ja).document_title)(Some((item.no, &item.title))),
        description: format!(
            "上田市行財政改革アクションプログラム No.{}「{}」（{}）。{}",
            item.no,
            item.title,
            item.sections.join("・"),
            summary
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

    /// A whole page: `root` is the relative way to the site root (`./` or
    /// `../../`) for the head's asset links, `head` replaces the title and
    /// description, `body` is the rendered app.
    pub fn page(&self, root: &str, head: Option<PageHead>, body: &str) -> String {
        let mut top = if root == "./" {
            self.head.clone()
        } else {
            self.head.replace("=\"./", &format!("=\"{root}"))
        };
        if let Some(head) = head {
            top = replace_between(&top, "<title>", "</title>", &escape_text(&head.title));
            top = replace_between(
                &top,
                "<meta name=\"description\" content=\"",
                "\"",
                &escape_attribute(&head.description),
            );
        }
        format!(
            "{top}</head>{}<div id=\"prerendered\">{}</div>{}",
            self.body_start,
            inert_controls(&strip_comments(body)),
            self.body_end
        )
    }
}

/// Controls do nothing until the app runs, so the static page shows them
/// disabled; the search box stays usable, and what is typed there is
/// carried into the app when it starts.
fn inert_controls(body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 4096);
    let mut rest = body;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = rest.find('>').map_or(rest.len(), |i| i + 1);
        let tag = &rest[..end];
        let is_control = ["<button", "<select", "<textarea", "<input"]
            .iter()
            .any(|name| {
                tag.strip_prefix(name)
                    .is_some_and(|after| after.starts_with([' ', '>', '/']))
            });
        if is_control && !tag.contains("type=\"search\"") && !tag.contains(" disabled") {
            let close = if tag.ends_with("/>") {
                end - 2
            } else {
                end - 1
            };
            out.push_str(&tag[..close]);
            out.push_str(" disabled");
            out.push_str(&tag[close..]);
        } else {
            out.push_str(tag);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Drops the renderer's comment markers (`<!>`, `<!--<() />-->`): the app
/// replaces this HTML rather than hydrating it, so they only cost bytes.
/// Text never holds a literal `<!`: the renderer escapes `<`.
fn strip_comments(body: &str) -> String {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(start) = rest.find("<!") {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let end = if after.starts_with("<!--") {
            after.find("-->").map_or(after.len(), |i| i + 3)
        } else {
            after.find('>').map_or(after.len(), |i| i + 1)
        };
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

fn replace_between(text: &str, open: &str, close: &str, with: &str) -> String {
    let Some(start) = text.find(open).map(|i| i + open.len()) else {
        return text.to_owned();
    };
    let Some(len) = text[start..].find(close) else {
        return text.to_owned();
    };
    format!("{}{with}{}", &text[..start], &text[start + len..])
}

fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn escape_attribute(text: &str) -> String {
    escape_text(text).replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_disabled_but_the_search_box_is_not() {
        let html = r#"<button type="button">a</button><input type="search" value=""><input type="checkbox"/><select><option>x</option></select><button disabled="">b</button><p>&lt;button</p>"#;
        assert_eq!(
            inert_controls(html),
            r#"<button type="button" disabled>a</button><input type="search" value=""><input type="checkbox" disabled/><select disabled><option>x</option></select><button disabled="">b</button><p>&lt;button</p>"#
        );
    }

    #[test]
    fn renderer_markers_are_dropped() {
        assert_eq!(strip_comments("<p>a<!><!--<() />-->b</p><!>"), "<p>ab</p>");
    }

    #[test]
    fn item_pages_reach_assets_from_two_levels_down() {
        let template = Template::parse(
            "<head><title>T</title><meta name=\"description\" content=\"D\"><link href=\"./a.css\"><script src=\"./boot.js\" data-js=\"./x.js\"></script></head><body><!--prerendered--></body>",
        )
        .unwrap();
        let head = PageHead {
            title: "No.1 <A&B>".into(),
            description: "\"q\"".into(),
        };
        assert_eq!(
            template.page("../../", Some(head), "<p>hi</p>"),
            "<head><title>No.1 &lt;A&amp;B&gt;</title><meta name=\"description\" content=\"&quot;q&quot;\"><link href=\"../../a.css\"><script src=\"../../boot.js\" data-js=\"../../x.js\"></script></head><body><div id=\"prerendered\"><p>hi</p></div></body>"
        );
    }
}
