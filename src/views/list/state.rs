//! What the list page's islands share: which items the list starts from,
//! the search and filters, what they give, and which rows are shown. One
//! value per page, provided before any island is hydrated (`services`), so
//! each island reads the same memos and a change is worked out once.
//!
//! Also what belongs to the list as a whole rather than to one island: the
//! marks over the matched words, the list's query carried by the item link
//! about to be followed, and the focus Back returns to.

use std::collections::BTreeSet;

use leptos::prelude::*;
use model::filter::{self, Outcome, Query, Sort};
use model::search;
use model::view_state::Screen;

use crate::data::{app_data, nfkc};
use crate::storage::use_user_data;
use crate::url::{use_page, use_view_state};

/// Which items the list starts from, before filters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListMode {
    /// Every item.
    All,
    /// The user's bookmarks on this device (the bookmarks page).
    Bookmarks,
    /// Items from a shared bookmarks link (`?bm=1,5,9`).
    Shared(Vec<u32>),
}

/// The list page's state, as provided by [`provide_list_state`].
#[derive(Clone, Copy)]
pub struct ListState {
    pub mode: Memo<ListMode>,
    /// The search text, the facets and the sort.
    pub query: Memo<Query>,
    /// The matching items and every facet option's count.
    pub outcome: Memo<Outcome>,
    /// The search text's folded terms.
    pub terms: Memo<Vec<String>>,
    /// Whether each item (by its index in the dataset) is among the results.
    pub shown: Memo<Vec<bool>>,
    /// Whether the build's rows are shown and hidden where they stand (number
    /// order, a programme that fits one page), rather than listed in pages.
    pub in_place: Memo<bool>,
}

/// How many rows a long list shows at first, and adds per 「さらに表示」; a
/// programme of at most this many items is written whole by the build.
pub const ROWS_PER_PAGE: usize = 100;

/// Whether the whole programme fits one page of rows (the real one does).
pub fn fits_one_page() -> bool {
    app_data().dataset.items.len() <= ROWS_PER_PAGE
}

/// The list page's state.
pub fn use_list() -> ListState {
    expect_context::<ListState>()
}

/// Provides the list page's state (on a list page only), and in the browser
/// what the list does as a whole.
pub fn provide_list_state() {
    let page = use_page();
    let state = use_view_state();
    let user = use_user_data();
    let bookmarks_page = page.screen == Screen::Bookmarks;
    let mode = Memo::new(move |_| {
        if bookmarks_page {
            ListMode::Bookmarks
        } else {
            state
                .with(|s| s.shared_bookmarks.clone())
                .map_or(ListMode::All, ListMode::Shared)
        }
    });
    let query = Memo::new(move |_| state.with(|s| s.query.clone()));
    let only = Memo::new(move |_| -> Option<BTreeSet<u32>> {
        match mode.get() {
            ListMode::All => None,
            ListMode::Bookmarks => Some(user.bookmarks.with(|b| b.iter().collect())),
            ListMode::Shared(items) => Some(items.into_iter().collect()),
        }
    });
    let outcome: Memo<Outcome> = Memo::new(move |_| {
        let data = app_data();
        query.with(|q| {
            only.with(|only| {
                let q = Query {
                    only: only.clone(),
                    ..q.clone()
                };
                filter::apply(&data.dataset, &data.index, &q, nfkc)
            })
        })
    });
    let terms = Memo::new(move |_| query.with(|q| search::terms(&q.text, nfkc)));
    let shown = Memo::new(move |_| {
        let count = app_data().dataset.items.len();
        outcome.with(|o| {
            let mut shown = vec![false; count];
            for &index in &o.items {
                shown[index] = true;
            }
            shown
        })
    });
    let in_place = Memo::new(move |_| fits_one_page() && query.with(|q| q.sort == Sort::Number));
    let list = ListState {
        mode,
        query,
        outcome,
        terms,
        shown,
        in_place,
    };
    provide_context(list);
    #[cfg(not(feature = "ssr"))]
    browser::follow(list);
}

/// What the list does in the browser as a whole.
#[cfg(not(feature = "ssr"))]
mod browser {
    use leptos::ev;
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;

    use super::ListState;
    use crate::components::highlight::mark_terms;
    use crate::live::use_live;
    use crate::url::{item_href, use_view_state};

    pub fn follow(list: ListState) {
        let live = use_live();
        let state = use_view_state();
        // The marks follow the terms and the rows shown, once the page is
        // live and after the DOM has changed.
        Effect::new(move |_| {
            let terms = list.terms.get();
            list.outcome.track();
            list.in_place.track();
            if !live.get() {
                return;
            }
            if let Ok(Some(results)) = document().query_selector(".results") {
                mark_terms(&results, &terms);
            }
        });
        // An item's link carries the list's search and filters, so the item
        // page marks the same words and leads back to the same list. It is
        // set on the one link about to be followed (pressed, or focused for
        // the keyboard), not rewritten on every row at every change.
        let carry_query = move |event: &web_sys::Event| {
            let Some(link) = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                .and_then(|element| element.closest(".item-row a.item-title").ok().flatten())
            else {
                return;
            };
            let no = link
                .closest(".item-row")
                .ok()
                .flatten()
                .and_then(|row| row.get_attribute("data-no"))
                .and_then(|no| no.parse().ok());
            if let Some(no) = no {
                let _ = link.set_attribute("href", &state.with_untracked(|s| item_href(no, s)));
                crate::url::remember_item_left_for(no);
            }
        };
        // The listeners live as long as the page.
        std::mem::forget(window_event_listener(ev::pointerdown, move |event| {
            carry_query(&event)
        }));
        std::mem::forget(window_event_listener(ev::focusin, move |event| {
            carry_query(&event)
        }));
        // Back from an item: focus lands on that item's link, as it was left.
        Effect::new(move |_| {
            if live.get() {
                focus_item_left_for();
            }
        });
    }

    /// Focuses the link of the item the reader left this list for, if Back
    /// brought them here from it ([`crate::url::item_left_for`]).
    fn focus_item_left_for() {
        if let Some(no) = crate::url::item_left_for() {
            let link = document()
                .query_selector(&format!(
                    ".item-row[data-no='{no}']:not([hidden]) a.item-title"
                ))
                .ok()
                .flatten();
            if let Some(link) = link {
                let _ = link.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }
    }
}
