//! The build's edits to HTML it did not write itself (trunk's page) or
//! wants to trim (the renderer's markers), made by an HTML rewriter that
//! reads the markup as a browser does: an attribute is found whatever its
//! order or quoting, and a comment is a comment, not a run of characters.

use std::cell::Cell;
use std::rc::Rc;

use lol_html::html_content::ContentType;
use lol_html::{doc_comments, element, rewrite_str, EndTagHandler, RewriteStrSettings};

/// Runs `settings` over `html`. The handlers here only fail on a bad
/// attribute name, which they never write, and a Rust string has no
/// encoding to get wrong: a failure is a bug in this module.
fn rewrite(html: &str, settings: RewriteStrSettings<'_, '_>) -> String {
    rewrite_str(html, settings).expect("the build's HTML edits apply")
}

/// `html` with its relative links (any attribute that starts `./`: `href`,
/// `src`, trunk's `data-js`, …) starting from `root` instead: the same
/// files, reached from a page in a folder (`../../` from `item/17/`).
pub fn relocate_links(html: &str, root: &str) -> String {
    if root == "./" {
        return html.to_owned();
    }
    rewrite(
        html,
        RewriteStrSettings::new().append_element_content_handler(element!("*", |el| {
            let relative: Vec<(String, String)> = el
                .attributes()
                .iter()
                .filter_map(|a| {
                    let rest = a.value().strip_prefix("./").map(str::to_owned)?;
                    Some((a.name(), format!("{root}{rest}")))
                })
                .collect();
            for (name, value) in relative {
                el.set_attribute(&name, &value)?;
            }
            Ok(())
        })),
    )
}

/// trunk's head made the head of one page: its language, title and
/// description.
pub fn name_page(head: &str, lang: &str, title: &str, description: &str) -> String {
    rewrite(
        head,
        RewriteStrSettings::new()
            .append_element_content_handler(element!("html", |el| {
                el.set_attribute("lang", lang)?;
                Ok(())
            }))
            .append_element_content_handler(element!("title", |el| {
                el.set_inner_content(title, ContentType::Text);
                Ok(())
            }))
            .append_element_content_handler(element!("meta[name=description]", |el| {
                // The rewriter escapes the quotes; an ampersand is ours to escape.
                el.set_attribute("content", &description.replace('&', "&amp;"))?;
                Ok(())
            })),
    )
}

/// `html` without the app: no script, nothing that names its wasm, and no
/// note that JavaScript is off (nothing on the page needs it).
pub fn without_app(html: &str) -> String {
    rewrite(
        html,
        RewriteStrSettings::new().append_element_content_handler(element!(
            "script, [data-wasm], noscript",
            |el| {
                el.remove();
                Ok(())
            }
        )),
    )
}

/// `head` with its security policy's `(from, to)` replacements made, and
/// `before_viewport` (raw HTML) inserted before the viewport's `<meta>`,
/// the first element a `<base>` must precede.
pub fn edit_policy(head: &str, replacements: &[(&str, &str)], before_viewport: &str) -> String {
    rewrite(
        head,
        RewriteStrSettings::new()
            .append_element_content_handler(element!(
                "meta[http-equiv=Content-Security-Policy]",
                |el| {
                    let mut policy = el.get_attribute("content").unwrap_or_default();
                    for (from, to) in replacements {
                        policy = policy.replace(from, to);
                    }
                    el.set_attribute("content", &policy)?;
                    Ok(())
                }
            ))
            .append_element_content_handler(element!("meta[name=viewport]", |el| {
                el.before(&format!("{before_viewport}\n  "), ContentType::Html);
                Ok(())
            })),
    )
}

/// Benchmark builds: `<html data-synthetic="N">`, which tells the bundle to
/// generate the same `n` items the page shows.
#[cfg(feature = "bench")]
pub fn mark_synthetic(page: &str, n: usize) -> String {
    rewrite(
        page,
        RewriteStrSettings::new().append_element_content_handler(element!("html", |el| {
            el.set_attribute("data-synthetic", &n.to_string())?;
            Ok(())
        })),
    )
}

/// Drops the renderer's comments (`<!>`, `<!--<() />-->`) outside the
/// islands: only an island is hydrated, and hydration needs its markers; the
/// rest of the page is plain HTML, where they only cost bytes. Inside the
/// islands, the renderer's empty marker `<!>` is written `<!---->`: the same
/// empty comment node once parsed (what hydration walks), but valid HTML
/// where `<!>` is a parse error ("bogus comment") to the Nu Html Checker.
pub fn strip_markers_outside_islands(body: &str) -> String {
    let depth = Rc::new(Cell::new(0usize));
    let islands = Rc::clone(&depth);
    rewrite(
        body,
        RewriteStrSettings::new()
            .append_element_content_handler(element!("leptos-island", move |el| {
                islands.set(islands.get() + 1);
                let depth = Rc::clone(&islands);
                let leave: EndTagHandler<'static> = Box::new(move |_| {
                    depth.set(depth.get() - 1);
                    Ok(())
                });
                el.on_end_tag(leave)
            }))
            .append_document_content_handler(doc_comments!(move |comment| {
                if depth.get() == 0 {
                    comment.remove();
                } else if comment.text().is_empty() {
                    comment.replace("<!---->", ContentType::Html);
                }
                Ok(())
            })),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_move_to_the_page_folder_and_nothing_else_does() {
        assert_eq!(
            relocate_links(
                "<link href=\"./a.css\"><script src=\"./boot.js\" data-js=\"./x.js\" type=\"module\"></script><a href=\"https://x/./\">",
                "../../"
            ),
            "<link href=\"../../a.css\"><script src=\"../../boot.js\" data-js=\"../../x.js\" type=\"module\"></script><a href=\"https://x/./\">"
        );
    }

    #[test]
    fn a_page_is_named_in_its_language() {
        assert_eq!(
            name_page(
                "<html lang=\"ja\"><head><title>T</title><meta name=\"description\" content=\"D\">",
                "en",
                "A <b> & C",
                "\"quoted\" & more"
            ),
            "<html lang=\"en\"><head><title>A &lt;b&gt; &amp; C</title><meta name=\"description\" content=\"&quot;quoted&quot; &amp; more\">"
        );
    }

    #[test]
    fn markers_are_dropped_outside_islands_only() {
        assert_eq!(
            strip_markers_outside_islands(
                "<p>a<!>b<!--<() />--></p><leptos-island data-component=\"X\"><!--hk--><b><!></b><leptos-island><!></leptos-island></leptos-island><!>c"
            ),
            "<p>ab</p><leptos-island data-component=\"X\"><!--hk--><b><!----></b><leptos-island><!----></leptos-island></leptos-island>c"
        );
    }
}
