//! Browser tests: the real app mounted in headless Chromium.
#![cfg(target_arch = "wasm32")]
// Each test sets the page's address it starts from, as a visitor arriving
// by a link would (clippy.toml keeps the app's own code to `url.rs`).
#![allow(clippy::disallowed_methods)]

use std::time::Duration;

use leptos::mount::mount_to;
use leptos::prelude::*;
use model::view_state::{Screen, ViewState};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A page of the app mounted in a fresh container and made live, with the
/// page's address at `query` (the page itself is `state`'s). Dropping it
/// unmounts.
struct Mounted {
    root: web_sys::HtmlElement,
    _handle: leptos::mount::UnmountHandle<leptos::tachys::view::any_view::AnyViewState>,
}

fn mount_page(state: ViewState, query: &str) -> Mounted {
    // Each test starts from its own URL: the list's state lives there.
    let path = window().location().pathname().unwrap();
    window()
        .history()
        .unwrap()
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{query}")),
        )
        .unwrap();
    let root: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    let handle = mount_to(root.clone(), move || {
        app::services::provide(state.clone());
        let query = window().location().search().unwrap_or_default();
        let view = view! { <app::page::Page/> }.into_any();
        // As on a page the build wrote: the address followed, then live.
        let go = app::url::use_go();
        go.to(
            ViewState::from_site_path(&state.page_path(), &query),
            app::url::History::Replace,
        );
        app::services::go_live();
        view
    });
    Mounted {
        root,
        _handle: handle,
    }
}

fn mount_app_at(query: &str) -> Mounted {
    mount_page(ViewState::default(), query)
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

impl Mounted {
    fn text(&self, selector: &str) -> String {
        self.root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no element matches {selector}"))
            .text_content()
            .unwrap_or_default()
    }

    fn count(&self, selector: &str) -> u32 {
        self.root.query_selector_all(selector).unwrap().length()
    }

    fn element(&self, selector: &str) -> web_sys::HtmlElement {
        self.root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no element matches {selector}"))
            .unchecked_into()
    }
}

/// Lets the router and the reactive system settle after an event.
async fn settle() {
    leptos::task::tick().await;
    gloo_timers::future::sleep(Duration::from_millis(30)).await;
    leptos::task::tick().await;
}

#[wasm_bindgen_test]
async fn app_shell_names_the_programme_and_its_source() {
    let app = mount_app_at("");
    settle().await;
    let title = app.text("h1");
    assert!(title.contains("第四次上田市行財政改革大綱"), "{title}");
    assert!(title.contains("アクションプログラム"), "{title}");
    // The edition as the embedded data names it (「令和4年度末」), never pinned.
    let edition = &app::data::app_data().dataset.meta.status_as_of;
    assert!(app.text("header").contains(edition.as_str()), "{edition}");
    assert!(app.text("footer").contains("出典"));
}

#[wasm_bindgen_test]
async fn list_shows_every_item_with_its_count() {
    let app = mount_app_at("");
    settle().await;
    assert_eq!(app.text(".result-count"), "61件");
    // Rows that do not match stay in the DOM, hidden (the list updates in place).
    assert_eq!(app.count(".item-row:not([hidden])"), 61);
    assert_eq!(
        app.count(".category-block:not([hidden]) .category-heading"),
        13
    );
}

#[wasm_bindgen_test]
async fn checking_a_facet_narrows_the_list_and_writes_the_url() {
    let app = mount_app_at("");
    settle().await;
    let checkbox = app.element("section[aria-labelledby=facet-category] input[type=checkbox]");
    checkbox.click();
    settle().await;
    assert_eq!(app.text(".result-count"), "20件");
    assert_eq!(app.count(".item-row:not([hidden])"), 20);
    assert!(window().location().search().unwrap().contains("cat=1"));
}

#[wasm_bindgen_test]
async fn an_item_page_shows_its_item() {
    let app = mount_page(
        ViewState {
            screen: Screen::Item(21),
            ..ViewState::default()
        },
        "",
    );
    settle().await;
    assert!(app.text("h2").contains("ふるさと納税の推進"));
    assert_eq!(app.count(".year-table tbody tr"), 5);
}

#[wasm_bindgen_test]
async fn the_bookmark_toggle_is_pressed_and_stored_in_a_versioned_record() {
    let storage = window().local_storage().unwrap().unwrap();
    storage.remove_item("ueda-reform.bookmarks").unwrap();
    let app = mount_app_at("");
    settle().await;
    let button = app.element(".item-row[data-no='21'] .bookmark-button");
    assert_eq!(
        button.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    // Named by its hidden text, the Japanese title marked as such.
    let name = button.text_content().unwrap_or_default();
    assert!(
        name.starts_with("No.21「") && name.contains("をブックマーク"),
        "{name}"
    );
    assert_eq!(
        button
            .query_selector("[lang=ja]")
            .unwrap()
            .and_then(|title| title.text_content())
            .as_deref(),
        Some("ふるさと納税の推進")
    );
    button.click();
    settle().await;
    assert_eq!(
        button.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    let stored = storage.get_item("ueda-reform.bookmarks").unwrap().unwrap();
    assert!(stored.contains("\"version\":2"), "{stored}");
    assert!(stored.contains("\"items\":[21]"), "{stored}");
    storage.remove_item("ueda-reform.bookmarks").unwrap();
}
