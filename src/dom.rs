//! Small helpers over the page's DOM, for the code that works on the HTML
//! the build wrote (search marks, the sortable table).

use wasm_bindgen::JsCast;
use web_sys::Element;

/// The elements under `root` that match `selector`, in document order; none
/// when the selector is invalid.
pub fn elements(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .collect()
}
