//! The only place that reads or writes the URL.
//!
//! All view state lives in the query string (see `model::view_state`), so the
//! page's path never changes and the same `dist/` works on any static host,
//! at `/` or under a sub-path, with no rewrite rules.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use model::view_state::ViewState;

/// The current view state, parsed from the URL's query string.
pub fn use_view_state() -> Memo<ViewState> {
    let location = use_location();
    Memo::new(move |_| ViewState::from_query_string(&location.search.get()))
}

/// The page's full address, updated whenever the view state changes (for
/// QR codes and copy links that must match what is on screen).
pub fn use_current_address() -> Signal<String> {
    let location = use_location();
    Signal::derive(move || {
        location.search.track();
        window().location().href().unwrap_or_default()
    })
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

/// A link target for a view state: its query string, or the current path for
/// the default state (a query-only link keeps the path, at / and under a sub-path).
pub fn href(state: &ViewState) -> String {
    let query = state.to_query_string();
    if query.is_empty() {
        window()
            .location()
            .pathname()
            .unwrap_or_else(|_| "./".to_string())
    } else {
        query
    }
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
pub fn kiosk_switch() -> Option<bool> {
    let search = window().location().search().ok()?;
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("kiosk="))
        .map(|value| value != "0")
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
