//! The Ueda City reform action programme viewer (Leptos).
//!
//! Every page is rendered once, at build time, by the `prerender` binary
//! (the `ssr` feature) from [`page::Page`]. In the browser, a bundle makes
//! the page's islands interactive where they stand (Leptos islands,
//! hydrated one by one by `public/boot.js`): the citizen bundle (`islands`
//! feature), or in staff mode the same islands with the staff tools
//! (`staff`). Neither renders a page again.
//!
//! Layout: `page` (the frame every page shares), `url` (the only code that
//! touches the address), `data` (the embedded dataset), `views` (one module
//! per screen), `components` (small shared pieces), `staff` (the staff
//! tools, compiled into the staff bundle only, and the slots where views
//! show them), `services` (what every island shares). The logic worth
//! testing natively (search, filters, URL state, stored records) is in the
//! `model` crate.

#![recursion_limit = "256"]

pub mod components;
pub mod data;
pub mod dom;
pub mod download;
pub mod i18n;
pub mod live;
pub mod notices;
pub mod page;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod services;
pub mod staff;
pub mod storage;
pub mod url;
pub mod views;

/// The browser's entry point, in both bundles: the root of the page's
/// reactive system, with the services every island shares, before
/// `boot.js` hydrates the islands (`hydrate_islands` makes it the owner of
/// each island, so the islands find these contexts).
#[cfg(not(feature = "ssr"))]
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
    let page = url::page_of_location();
    services::provide(page.clone());
    // The pages whose islands read the dataset decode it here, in this task
    // of its own, rather than in the first island's hydration.
    use model::view_state::Screen;
    if matches!(
        page.screen,
        Screen::List | Screen::Bookmarks | Screen::Item(_)
    ) {
        data::app_data();
    }
}

/// Called by `boot.js` once every island of the page is hydrated: the page
/// now follows its address and this device's stored data, and its controls
/// come alive.
#[cfg(not(feature = "ssr"))]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn islands_hydrated() {
    services::start();
}
