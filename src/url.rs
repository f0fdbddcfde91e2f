//! The only place that reads or writes the URL.
//!
//! View state lives in the query string (see `model::view_state`), except
//! that an item has a page of its own, `item/17/`, which the build writes as
//! a real file so a static host serves its content without the app. Links are
//! made from the site root, so the same `dist/` works at `/` or under a
//! sub-path with no rewrite rules.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use model::view_state::ViewState;

/// The current view state, parsed from the page's path and query string.
///
/// One memo per app, provided as context by [`provide_view_state`]: every
/// row and facet reads the same one.
pub fn use_view_state() -> Memo<ViewState> {
    expect_context::<ViewStateContext>().0
}

#[derive(Clone, Copy)]
struct ViewStateContext(Memo<ViewState>);

/// Parses the URL into the view state once, for the whole app (inside `<Router>`).
pub fn provide_view_state() {
    let location = use_location();
    let state = Memo::new(move |_| {
        location.pathname.with(|path| {
            location
                .search
                .with(|query| ViewState::from_location(path, query))
        })
    });
    provide_context(ViewStateContext(state));
    #[cfg(not(feature = "ssr"))]
    complete_path_changes(location.pathname);
}

/// Lets the router write a new path (an item page) into the address bar.
///
/// leptos_router changes the path only once the new route has rendered, which
/// its `<Routes>` reports; this app has no routes (one screen switch reads the
/// URL), so it reports it here, after the change has rendered.
#[cfg(not(feature = "ssr"))]
fn complete_path_changes(pathname: Memo<String>) {
    use leptos_router::location::{BrowserUrl, LocationProvider};
    let Some(browser) = use_context::<BrowserUrl>() else {
        return;
    };
    Effect::new(move |_| {
        pathname.track();
        browser.ready_to_complete();
    });
}

/// The page's full address, updated whenever the view state changes (for
/// QR codes and copy links that must match what is on screen).
#[cfg(not(feature = "ssr"))]
pub fn use_current_address() -> Signal<String> {
    let location = use_location();
    Signal::derive(move || {
        location.pathname.track();
        location.search.track();
        window().location().href().unwrap_or_default()
    })
}

/// At build time the page's full address is unknown (the host is chosen at
/// publication); nothing prerendered shows it.
#[cfg(feature = "ssr")]
pub fn use_current_address() -> Signal<String> {
    Signal::derive(String::new)
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
pub struct Go(Callback<(ViewState, History)>);

impl Go {
    /// Makes `state` the current view state.
    pub fn to(self, state: ViewState, history: History) {
        self.0.run((state, history));
    }
}

/// Returns the navigation handle for this component tree.
pub fn use_go() -> Go {
    let navigate = use_navigate();
    Go(Callback::new(
        move |(state, history): (ViewState, History)| {
            navigate(
                &href(&state),
                NavigateOptions {
                    replace: history == History::Replace,
                    scroll: false,
                    ..Default::default()
                },
            );
        },
    ))
}

/// A link target for a view state: the site root followed by the state's
/// place below it (`item/17/`, `?q=…`, or nothing for the default state).
pub fn href(state: &ViewState) -> String {
    format!("{}{}", site_root(), state.site_path())
}

/// Where the list's item links go: each item's page with the list's query
/// (search, filters, sort), so that going back from the item finds the same
/// list. One memo serves every row: a filter change formats the query once,
/// and a row's link is rewritten only when that query changed.
pub fn item_links(state: Memo<ViewState>) -> Memo<ItemLinks> {
    Memo::new(move |_| ItemLinks {
        root: site_root(),
        query: state.with(ViewState::list_query),
    })
}

/// See [`item_links`].
#[derive(Clone, PartialEq)]
pub struct ItemLinks {
    root: String,
    query: String,
}

impl ItemLinks {
    /// The link to item `no`.
    pub fn to(&self, no: u32) -> String {
        format!(
            "{}{}",
            self.root,
            model::view_state::item_path(no, &self.query)
        )
    }
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

/// The site root as an absolute path (`/` or `/reform/`), from the page's address.
#[cfg(not(feature = "ssr"))]
fn site_root() -> String {
    let path = window().location().pathname().unwrap_or_default();
    model::view_state::split_site_root(&path).0.to_owned()
}

/// At build time the site root is unknown: prerendered links are relative
/// to the page being written (`./` or `../../`).
#[cfg(feature = "ssr")]
fn site_root() -> String {
    let location = use_location();
    location
        .pathname
        .with_untracked(|path| model::view_state::relative_root(path))
}

/// Returns to the full list: every filter and the search text cleared,
/// the sort order kept.
pub fn clear_all(state: Memo<ViewState>, go: Go) {
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

/// Benchmark builds only: `?synthetic=N` asks for a generated dataset of N items.
#[cfg(feature = "bench")]
pub fn synthetic_size() -> Option<usize> {
    let search = window().location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("synthetic="))
        .and_then(|n| n.parse().ok())
}
