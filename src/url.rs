//! The only place that reads or writes the page's address.
//!
//! Every citizen screen is a page the build writes (`item/17/`,
//! `en/overview/`, see `model::view_state`), so going to another screen is
//! going to another page: a link, which the browser follows. What changes
//! within a page (search, filters, sort, a shared bookmarks list, the staff
//! screens of the list page) is the query string, which this module keeps in
//! one signal and writes into the history. Links are relative to the site
//! root, so the same `dist/` works at `/` or under a sub-path with no rewrite
//! rules.

// The one module allowed to touch the address and history (clippy.toml).
#![allow(clippy::disallowed_methods)]

use leptos::prelude::*;
use model::view_state::ViewState;

/// The view state: what the page shows, from its address.
///
/// One signal per page, provided as context by [`provide_view_state`]:
/// every row and facet reads the same one.
pub fn use_view_state() -> ReadSignal<ViewState> {
    expect_context::<ViewStateContext>().state.read_only()
}

/// The state the page was written for: its screen and language, nothing
/// searched or filtered (what the build rendered).
pub fn use_page() -> ViewState {
    expect_context::<ViewStateContext>().page
}

#[derive(Clone)]
struct ViewStateContext {
    state: RwSignal<ViewState>,
    page: ViewState,
}

/// Provides the view state, starting at `state`, for everything rendered
/// below (or, in the browser, for every island of the page). The page's
/// own state is `state`'s page ([`ViewState::page_default`]).
pub fn provide_view_state(state: ViewState) {
    let page = state.page_default();
    provide_context(ViewStateContext {
        state: RwSignal::new(state),
        page,
    });
}

/// The state of the address the page was opened with. On a prerendered page
/// in the browser, the islands start from the page as written and then
/// follow the address ([`follow_address`]).
#[cfg(not(feature = "ssr"))]
pub fn current_state() -> ViewState {
    let query = window().location().search().unwrap_or_default();
    ViewState::from_site_path(&page_of_location().page_path(), &query)
}

/// The page the browser has open, as the build wrote it: its path's screen
/// and language, nothing searched (the query string is followed once the
/// islands are hydrated, see [`follow_address`]).
#[cfg(not(feature = "ssr"))]
pub fn page_of_location() -> ViewState {
    let path = window().location().pathname().unwrap_or_default();
    let root = site_root();
    let tail = path.strip_prefix(root.as_str()).unwrap_or_default();
    ViewState::from_site_path(tail, "")
}

/// Makes the view state follow the address: now (the page was written with
/// nothing searched, the address may say more), and whenever Back or Forward
/// returns to another state of this page. An older link naming a screen in
/// the query string (`?item=17`, `?view=overview`) is sent on to that
/// screen's page.
#[cfg(not(feature = "ssr"))]
pub fn follow_address() {
    let context = expect_context::<ViewStateContext>();
    let ViewStateContext {
        state: signal,
        page,
    } = context;
    let state = current_state();
    if !page.same_page(&state) {
        let _ = window().location().replace(&href(&state));
        return;
    }
    signal.set(state);
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        signal.set(current_state());
    });
    // The listener lives as long as the page.
    std::mem::forget(handle);
}

/// How a state change enters the browser history.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum History {
    /// A new entry: Back returns to the previous state (facets, opening an item).
    Push,
    /// Replace the current entry (each keystroke in the search box).
    Replace,
}

/// Navigates to a view state. A `Copy` handle, so event handlers can share it.
#[derive(Clone, Copy)]
pub struct Go(RwSignal<ViewState>);

impl Go {
    /// Makes `state` the current view state: in place, with a history entry,
    /// when it is on this page; otherwise by opening its page.
    pub fn to(self, state: ViewState, history: History) {
        #[cfg(not(feature = "ssr"))]
        {
            let same_page = self.0.with_untracked(|now| now.same_page(&state));
            let target = href(&state);
            if !same_page {
                let _ = window().location().assign(&target);
                return;
            }
            if let Ok(browser_history) = window().history() {
                let none = wasm_bindgen::JsValue::NULL;
                let _ = match history {
                    History::Push => browser_history.push_state_with_url(&none, "", Some(&target)),
                    History::Replace => {
                        browser_history.replace_state_with_url(&none, "", Some(&target))
                    }
                };
            }
        }
        #[cfg(feature = "ssr")]
        let _ = history;
        self.0.set(state);
    }
}

/// Returns the navigation handle of this page.
pub fn use_go() -> Go {
    Go(expect_context::<ViewStateContext>().state)
}

/// A link target for a view state: the site root followed by the state's
/// place below it (`item/17/`, `en/?q=…`, or nothing for the default state).
pub fn href(state: &ViewState) -> String {
    format!("{}{}", site_root(), state.site_path())
}

/// Item `no`'s page, carrying the list's search, filters and sort, so that
/// the item page highlights what was searched and its links lead back to
/// the same list.
pub fn item_href(no: u32, list: &ViewState) -> String {
    href(&ViewState {
        screen: model::view_state::Screen::Item(no),
        language: list.language,
        ..list.clone()
    })
}

/// A file of the site (`open-data/…`), from the page that links to it.
pub fn site_file(path: &str) -> String {
    format!("{}{path}", site_root())
}

/// A view state's full address, with the origin: for links that leave the
/// page (QR codes, shared bookmarks).
pub fn absolute_href(state: &ViewState) -> String {
    #[cfg(not(feature = "ssr"))]
    let origin = window().location().origin().unwrap_or_default();
    // The host is chosen at publication, after the build.
    #[cfg(feature = "ssr")]
    let origin = String::new();
    format!("{origin}{}", href(state))
}

/// The page's full address, updated whenever the view state changes (for
/// QR codes and copy links that must match what is on screen). Empty at
/// build time: the host is chosen at publication, and nothing prerendered
/// shows it.
pub fn use_current_address() -> Signal<String> {
    let state = use_view_state();
    Signal::derive(move || {
        if cfg!(feature = "ssr") {
            String::new()
        } else {
            state.with(absolute_href)
        }
    })
}

/// The site root as an absolute path (`/` or `/reform/`): where the page's
/// own loader script is, which the build puts at the root; from the page's
/// address when there is none (the browser tests' bare page).
#[cfg(not(feature = "ssr"))]
fn site_root() -> String {
    let from_script = document()
        .query_selector("script[data-wasm]")
        .ok()
        .flatten()
        .and_then(|script| script.get_attribute("src"))
        .and_then(|src| {
            let base = document().base_uri().ok().flatten()?;
            web_sys::Url::new_with_base(&src, &base).ok()
        })
        .map(|url| {
            let path = url.pathname();
            path[..path.rfind('/').map_or(0, |i| i + 1)].to_owned()
        });
    from_script.unwrap_or_else(|| {
        let path = window().location().pathname().unwrap_or_default();
        model::view_state::split_site_root(&path).0.to_owned()
    })
}

/// At build time the site root is unknown: prerendered links are relative
/// to the page being written (`./`, `../../`).
#[cfg(feature = "ssr")]
fn site_root() -> String {
    use_page().relative_root()
}

/// Returns to the full list: every filter and the search text cleared,
/// the sort order kept.
pub fn clear_all(state: ReadSignal<ViewState>, go: Go) {
    let mut next = state.get_untracked();
    next.query.clear_filters();
    next.query.text.clear();
    go.to(next, History::Push);
}

/// The `kiosk` switch of the address the page was opened with: `?kiosk=1`
/// turns kiosk mode on, `?kiosk=0` off (the choice is then remembered on the
/// device). It is not part of the view state, so it is read once, here.
#[cfg(not(feature = "ssr"))]
pub fn kiosk_switch() -> Option<bool> {
    let search = window().location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("kiosk="))
        .map(|value| value != "0")
}

/// A prerendered page was opened with no address (no kiosk switch).
#[cfg(feature = "ssr")]
pub fn kiosk_switch() -> Option<bool> {
    None
}

/// Sends the browser to the site's start page in Japanese (kiosk reset).
pub fn open_start_page() {
    #[cfg(not(feature = "ssr"))]
    let _ = window().location().assign(&href(&ViewState::default()));
}

/// Reloads the page (staff mode switched on: `boot.js` then starts the
/// staff bundle).
pub fn reload() {
    #[cfg(not(feature = "ssr"))]
    let _ = window().location().reload();
}

/// Records, in the list page's own history entry, the item the reader is
/// leaving the list for, so that Back returns to that row ([`item_left_for`]).
pub fn remember_item_left_for(no: u32) {
    #[cfg(not(feature = "ssr"))]
    {
        let Ok(history) = window().history() else {
            return;
        };
        let state = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&state, &"item".into(), &no.into());
        let here = window().location().href().unwrap_or_default();
        let _ = history.replace_state_with_url(&state, "", Some(&here));
    }
    #[cfg(feature = "ssr")]
    let _ = no;
}

/// The item the reader left this list page for, when Back has brought them
/// here again (see [`remember_item_left_for`]).
#[cfg(not(feature = "ssr"))]
pub fn item_left_for() -> Option<u32> {
    let state = window().history().ok()?.state().ok()?;
    js_sys::Reflect::get(&state, &"item".into())
        .ok()?
        .as_f64()
        .map(|no| no as u32)
}

/// Whether the address names a part of the page (`#open-data`).
#[cfg(not(feature = "ssr"))]
pub fn fragment() -> Option<String> {
    let hash = window().location().hash().ok()?;
    hash.strip_prefix('#')
        .filter(|id| !id.is_empty())
        .map(str::to_owned)
}

/// Benchmark builds only: the size of the generated dataset the page was
/// written with (`bench/1000/`), or `?synthetic=N` on the staff app.
#[cfg(feature = "bench")]
pub fn synthetic_size() -> Option<usize> {
    #[cfg(feature = "ssr")]
    return None;
    #[cfg(not(feature = "ssr"))]
    {
        let written = document()
            .document_element()
            .and_then(|html| html.get_attribute("data-synthetic"))
            .and_then(|n| n.parse().ok());
        written.or_else(|| {
            let search = window().location().search().ok()?;
            search
                .trim_start_matches('?')
                .split('&')
                .find_map(|pair| pair.strip_prefix("synthetic="))
                .and_then(|n| n.parse().ok())
        })
    }
}
