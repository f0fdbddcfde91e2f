//! Browser tests: real components mounted in headless Chromium.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts `view` in a fresh container and returns the container.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> web_sys::HtmlElement {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let root: web_sys::HtmlElement = root.unchecked_into();
    leptos::mount::mount_to(root.clone(), view).forget();
    root
}

fn text_of(root: &web_sys::HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn app_shell_names_the_programme_and_its_source() {
    let root = mount(app::App);
    leptos::task::tick().await;
    let title = text_of(&root, "h1");
    assert!(title.contains("第四次上田市行財政改革大綱"), "{title}");
    assert!(title.contains("アクションプログラム"), "{title}");
    assert!(text_of(&root, "header").contains("令和4年度末"));
    assert!(text_of(&root, "footer").contains("出典"));
    assert!(root.query_selector("main#main").unwrap().is_some());
}
