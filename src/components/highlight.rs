//! Marks the search terms in text already on the page.
//!
//! The text is the build's, so the marks are laid over it rather than
//! rendered into it: with the CSS Custom Highlight API (`::highlight(search)`
//! in the stylesheet) where the browser has it, which changes no DOM node
//! and costs no layout; with `<mark>` elements otherwise. Which words match
//! is `model::search::highlight`, the same rule the search uses.
//!
//! Text to be marked sits in elements with a `data-highlight` attribute;
//! parts inside a `hidden` element are skipped.

use leptos::prelude::*;
use model::search::highlight;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

use crate::data::{app_data, nfkc};
use crate::dom::elements;

/// The name of the page's one highlight, styled by `::highlight(search)`.
const NAME: &str = "search";

#[wasm_bindgen]
extern "C" {
    /// The CSS Custom Highlight API's `Highlight` (a set of ranges).
    type Highlight;
    #[wasm_bindgen(constructor, catch)]
    fn new() -> Result<Highlight, JsValue>;
    #[wasm_bindgen(method)]
    fn add(this: &Highlight, range: &web_sys::Range);

    /// `CSS.highlights`.
    type HighlightRegistry;
    #[wasm_bindgen(method)]
    fn set(this: &HighlightRegistry, name: &str, highlight: &Highlight);
    #[wasm_bindgen(method)]
    fn delete(this: &HighlightRegistry, name: &str) -> bool;
}

/// `CSS.highlights`, where the browser has it.
fn registry() -> Option<HighlightRegistry> {
    let css = js_sys::Reflect::get(&js_sys::global(), &"CSS".into()).ok()?;
    let registry = js_sys::Reflect::get(&css, &"highlights".into()).ok()?;
    (!registry.is_undefined() && !registry.is_null()).then(|| registry.unchecked_into())
}

/// Marks `terms` (folded, `model::search::terms`) in the marked text under
/// `root`, replacing the page's previous marks.
pub fn mark_terms(root: &Element, terms: &[String]) {
    let registry = registry();
    if registry.is_none() {
        unwrap_marks(root);
    }
    let hits = find_hits(root, terms);
    match registry {
        Some(registry) => lay_over(&registry, &hits),
        None => wrap_in_marks(&hits),
    }
}

/// Where `terms` match in the marked text under `root`: text node, start
/// and end (in UTF-16 units, as ranges count).
fn find_hits(root: &Element, terms: &[String]) -> Vec<(Node, u32, u32)> {
    let mut hits: Vec<(Node, u32, u32)> = Vec::new();
    if !terms.is_empty() {
        let readings = app_data().index.readings_for(terms);
        for container in elements(root, "[data-highlight]") {
            if container.closest("[hidden]").ok().flatten().is_some() {
                continue;
            }
            for text in text_nodes(&container) {
                let value = text.node_value().unwrap_or_default();
                let mut at = 0u32;
                for segment in highlight(&value, terms, nfkc, readings) {
                    let len = segment.text.encode_utf16().count() as u32;
                    if segment.hit {
                        hits.push((text.clone(), at, at + len));
                    }
                    at += len;
                }
            }
        }
    }
    hits
}

/// The highlight API: one range per hit, no DOM change.
fn lay_over(registry: &HighlightRegistry, hits: &[(Node, u32, u32)]) {
    if hits.is_empty() {
        registry.delete(NAME);
        return;
    }
    let Ok(highlight) = Highlight::new() else {
        return;
    };
    for (node, start, end) in hits {
        if let Ok(range) = document().create_range() {
            if range.set_start(node, *start).is_ok() && range.set_end(node, *end).is_ok() {
                highlight.add(&range);
            }
        }
    }
    registry.set(NAME, &highlight);
}

/// Browsers without the highlight API: the previous `<mark>`s go first, so
/// the text is the build's again before the hits are found.
fn unwrap_marks(root: &Element) {
    for mark in elements(root, "mark.search-hit") {
        if let Some(parent) = mark.parent_node() {
            while let Some(child) = mark.first_child() {
                let _ = parent.insert_before(&child, Some(&mark));
            }
            let _ = parent.remove_child(&mark);
            parent.normalize();
        }
    }
}

/// Wraps each hit in a `<mark>`, last hit first, so the offsets of the
/// earlier ones in the same text node stay right.
fn wrap_in_marks(hits: &[(Node, u32, u32)]) {
    for (node, start, end) in hits.iter().rev() {
        let Some(text) = node.dyn_ref::<web_sys::Text>() else {
            continue;
        };
        if !node.is_connected() {
            continue;
        }
        let Ok(hit) = text.split_text(*start) else {
            continue;
        };
        let _ = hit.split_text(end - start);
        if let (Ok(mark), Some(parent)) = (document().create_element("mark"), hit.parent_node()) {
            mark.set_class_name("search-hit");
            let _ = parent.insert_before(&mark, Some(&hit));
            let _ = mark.append_child(&hit);
        }
    }
}

/// The text nodes under `element`, in document order.
fn text_nodes(element: &Element) -> Vec<Node> {
    let mut out = Vec::new();
    let mut stack = vec![element.clone().unchecked_into::<Node>()];
    while let Some(node) = stack.pop() {
        if node.node_type() == Node::TEXT_NODE {
            out.push(node);
            continue;
        }
        let children = node.child_nodes();
        for i in (0..children.length()).rev() {
            if let Some(child) = children.item(i) {
                stack.push(child);
            }
        }
    }
    out
}
