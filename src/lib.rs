//! The Ueda City reform action programme viewer (Leptos, client-side rendered).
//!
//! `main.rs` only calls [`start`]; everything else lives in this library so that
//! the browser tests in `tests/` can mount the real views.
//!
//! Layout: `app` (router and screen switch), `data` (the embedded dataset),
//! `url` (the only code that touches the query string), `views` (one module
//! per screen), `components` (small shared pieces), `staff` (the staff tools,
//! compiled into the staff bundle only, and the slots where views show them). The logic worth testing
//! natively (search, filters, URL state, stored records) is in the `model` crate.

#![recursion_limit = "256"]

pub mod app;
pub mod components;
pub mod data;
pub mod download;
pub mod i18n;
pub mod notices;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod site_files;
pub mod staff;
pub mod storage;
#[cfg(not(feature = "ssr"))]
pub mod takeover;
pub mod url;
pub mod views;

pub use app::App;

/// Installs the panic hook, decodes the data and mounts the app on `<body>`,
/// in place of the page's prerendered HTML; then builds the search index.
#[cfg(not(feature = "ssr"))]
pub fn start() {
    console_error_panic_hook::set_once();
    // One task: decoding the data (with the facet index only) and taking
    // the page over. Decoding in a task of its own was measured: it saved the
    // decoding's 5-20 ms (4x CPU) but the take-over's task, posted after it,
    // ran 1.3-1.8x longer unthrottled (234-287 against 128-207 ms).
    takeover::mount_over_prerendered(App);
    // The search index after the page is live, in a task of its own, unless
    // a search typed before start-up built it already.
    wasm_bindgen_futures::spawn_local(async {
        takeover::next_task().await;
        data::prepare_search();
    });
}
