//! The head of the results: where the list comes from (bookmarks, a shared
//! set), its heading and count, the way to the bookmarks, the sort, the
//! active filters and what to do when nothing matches. One island.

use leptos::prelude::*;
use model::filter::Sort;
use model::stored::Bookmarks;
use model::view_state::{Screen, ViewState};

use super::state::{use_list, ListMode};
use crate::components::qr::QrLink;
use crate::i18n::use_texts;
use crate::live::use_inert;
use crate::storage::use_user_data;
use crate::t;
use crate::url::{absolute_href, clear_all, href, use_go, use_page, use_view_state, History};
use crate::views::filters::ActiveFilters;

/// The results' head, with the note when nothing matches.
#[island]
pub fn ListHead() -> impl IntoView {
    let t = use_texts();
    let list = use_list();
    let heading = move || match list.mode.get() {
        ListMode::All => t.items_heading,
        ListMode::Bookmarks => t.bookmarks_heading,
        ListMode::Shared(_) => t.shared_heading,
    };
    view! {
        <ModeBanner/>
        <div class="results-head">
            <h2 id="results-heading">{heading}</h2>
            <p class="result-count" role="status" aria-live="polite">
                {move || (t.count)(list.outcome.with(|o| o.items.len()))}
            </p>
            // Before the sort, which keeps to the right: a count read
            // later widens the link into the space between them, and
            // nothing moves.
            <BookmarksOnlyLink/>
            <SortSelect/>
        </div>
        <ActiveFilters outcome=list.outcome/>
        <NoResults/>
    }
}

/// When nothing matches: why, and the way back to everything.
#[component]
fn NoResults() -> impl IntoView {
    let t = use_texts();
    let list = use_list();
    let state = use_view_state();
    let go = use_go();
    let user = use_user_data();
    let inert = use_inert();
    // Nothing to say before the bookmarks are read: the page does not know them yet.
    let empty = Memo::new(move |_| list.outcome.with(|o| o.items.is_empty()) && user.loaded.get());
    view! {
        <Show when=move || empty.get()>
            <div class="no-results">
                <p>
                    {move || if list.mode.get() == ListMode::Bookmarks && state.with(|s| s.query.is_empty()) {
                        t.no_bookmarks
                    } else {
                        t.no_results
                    }}
                </p>
                <button type="button" disabled=inert on:click=move |_| clear_all(state, go)>{t!(t, clear_all)}</button>
            </div>
        </Show>
    }
}

#[component]
fn SortSelect() -> impl IntoView {
    let t = use_texts();
    let state = use_view_state();
    let go = use_go();
    let inert = use_inert();
    let on_change = move |ev| {
        let mut next = state.get_untracked();
        next.query.sort = if event_target_value(&ev) == "title" {
            Sort::Title
        } else {
            Sort::Number
        };
        go.to(next, History::Push);
    };
    let is_title = move || state.with(|s| s.query.sort == Sort::Title);
    view! {
        <label class="sort">
            {t!(t, sort)}
            <select on:change=on_change disabled=inert>
                <option value="number" prop:selected=move || !is_title()>{t!(t, sort_number)}</option>
                <option value="title" prop:selected=is_title>{t!(t, sort_title)}</option>
            </select>
        </label>
    }
}

/// 「ブックマークのみ」: the same search and filters on the bookmarks page, or
/// back on the list page from there. A link: the other one is another page.
#[component]
fn BookmarksOnlyLink() -> impl IntoView {
    let t = use_texts();
    let state = use_view_state();
    let user = use_user_data();
    let on_bookmarks = use_page().screen == Screen::Bookmarks;
    let target = move || {
        let screen = if on_bookmarks {
            Screen::List
        } else {
            Screen::Bookmarks
        };
        href(&state.get().without_shared_bookmarks().on(screen))
    };
    let label = move || {
        if on_bookmarks {
            t.nav_list.to_owned()
        } else if user.loaded.get() {
            (t.bookmarks_only)(user.bookmarks.with(|b| b.len()))
        } else {
            t.bookmarks_heading.to_owned()
        }
    };
    view! {
        <a class="bookmarks-only" href=target>{label}</a>
    }
}

/// Above the bookmarks: how to share them; above a shared set: where it came
/// from and how to keep it.
#[component]
fn ModeBanner() -> impl IntoView {
    let mode = use_list().mode;
    move || match mode.get() {
        ListMode::All => ().into_any(),
        ListMode::Bookmarks => view! { <BookmarksBanner/> }.into_any(),
        ListMode::Shared(items) => view! { <SharedBanner items/> }.into_any(),
    }
}

/// On the bookmarks page: they stay on this device, and how to share them.
#[component]
fn BookmarksBanner() -> impl IntoView {
    let t = use_texts();
    let user = use_user_data();
    let inert = use_inert();
    let page = use_page();
    let share_url = Signal::derive(move || {
        let bookmarks = user.bookmarks.with(|b| b.iter().collect());
        absolute_href(&ViewState::sharing(bookmarks, page.language))
    });
    let (open, set_open) = signal(false);
    view! {
        <div class="mode-banner">
            <p>{t!(t, bookmarks_local_note)}</p>
            <Show when=move || user.bookmarks.with(|b| !b.is_empty())>
                <button
                    type="button"
                    aria-expanded=move || open.get().to_string()
                    disabled=inert
                    on:click=move |_| set_open.update(|o| *o = !*o)
                >
                    {t!(t, share_bookmarks)}
                </button>
                <Show when=move || open.get()>
                    <div class="qr-panel" role="group" aria-label=t!(t, share_bookmarks_link)>
                        <QrLink url=share_url hint=t!(t, share_bookmarks_hint)/>
                    </div>
                </Show>
            </Show>
        </div>
    }
}

/// Above a shared set of bookmarks: how many, keep them, or see everything.
#[component]
fn SharedBanner(items: Vec<u32>) -> impl IntoView {
    let t = use_texts();
    let user = use_user_data();
    let state = use_view_state();
    let shared: Bookmarks = items.iter().copied().collect();
    let count = shared.len();
    let (added, set_added) = signal(false);
    let all_href = move || href(&state.get().without_shared_bookmarks());
    view! {
        <div class="mode-banner shared">
            <p>{(t.shared_showing)(count)}</p>
            <button
                type="button"
                disabled=move || added.get()
                on:click=move |_| {
                    user.add_bookmarks(&shared);
                    set_added.set(true);
                }
            >
                {t!(t, add_to_my_bookmarks)}
            </button>
            <span role="status">{move || added.get().then_some(t.added_to_bookmarks)}</span>
            <a href=all_href>{t!(t, show_all_items)}</a>
        </div>
    }
}
