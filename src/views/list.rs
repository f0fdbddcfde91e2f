//! The home view: search, facets and the matching items grouped like the document.

use leptos::prelude::*;

use crate::i18n::use_texts;
use crate::t;
use std::collections::BTreeSet;

use model::filter::{self, Outcome, Query, Sort};
use model::listing::group_by_category;
use model::search;
use model::stored::Bookmarks;
use model::view_state::{Screen, ViewState};

use crate::components::bookmark::BookmarkButton;
use crate::components::highlight::Highlighted;
use crate::components::page_tools::PageTools;
use crate::components::qr::QrLink;
use crate::components::sdg::SdgBadges;
use crate::data::{app_data, nfkc};
use crate::staff::DraftBadge;
use crate::storage::use_user_data;
use crate::url::{
    absolute_href, clear_all, href, item_links, use_go, use_view_state, History, ItemLinks,
};
use crate::views::filters::{ActiveFilters, Facets, SearchBox};

/// Which items the list starts from, before filters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListMode {
    /// All 61 items.
    All,
    /// The user's bookmarks on this device.
    Bookmarks,
    /// Items from a shared bookmarks link (`?bm=1,5,9`).
    Shared(Vec<u32>),
}

/// Search, facets, the result count and the list.
#[component]
pub fn ListScreen(
    /// Which items the list starts from.
    mode: ListMode,
    /// The item the user comes back from: its link gets focus (and scrolls into view).
    return_to: Option<u32>,
) -> impl IntoView {
    let t = use_texts();
    let user = use_user_data();
    Effect::new(move |_| {
        let link = return_to.and_then(|no| {
            document()
                .query_selector(&format!(".item-row[data-no='{no}'] a"))
                .ok()
                .flatten()
        });
        if let Some(link) = link {
            let _ = wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(link).focus();
        }
    });
    let state = use_view_state();
    let query = Memo::new(move |_| state.with(|s| s.query.clone()));
    let only_mode = mode.clone();
    let only = move || -> Option<BTreeSet<u32>> {
        match &only_mode {
            ListMode::All => None,
            ListMode::Bookmarks => Some(user.bookmarks.with(|b| b.iter().collect())),
            ListMode::Shared(items) => Some(items.iter().copied().collect()),
        }
    };
    let outcome: Memo<Outcome> = Memo::new(move |_| {
        let data = app_data();
        let only = only();
        query.with(|q| {
            let q = Query { only, ..q.clone() };
            filter::apply(&data.dataset, &data.index, &q, nfkc)
        })
    });
    let terms = Memo::new(move |_| query.with(|q| search::terms(&q.text, nfkc)));
    let (filters_open, set_filters_open) = signal(false);

    view! {
        <div class="list-layout">
            <aside class="filter-panel" aria-labelledby="filter-panel-heading">
                // The facets' h3 headings need an h2 above them (heading order).
                <h2 id="filter-panel-heading" class="visually-hidden">{t!(t, search_and_filter)}</h2>
                <SearchBox/>
                <button
                    type="button"
                    class="filters-toggle"
                    aria-expanded=move || filters_open.get().to_string()
                    aria-controls="facets"
                    on:click=move |_| set_filters_open.update(|open| *open = !*open)
                >
                    {t!(t, filters)}
                </button>
                <div id="facets" class="facets" class:open=filters_open>
                    <Facets outcome/>
                </div>
            </aside>
            <section class="results" aria-labelledby="results-heading">
                <ModeBanner mode=mode.clone()/>
                <div class="results-head">
                    <h2 id="results-heading">
                        {
                            let mode = mode.clone();
                            move || match &mode {
                                ListMode::All => t.items_heading,
                                ListMode::Bookmarks => t.bookmarks_heading,
                                ListMode::Shared(_) => t.shared_heading,
                            }
                        }
                    </h2>
                    <p class="result-count" role="status" aria-live="polite">
                        {move || (t.count)(outcome.with(|o| o.items.len()))}
                    </p>
                    <SortSelect/>
                    <BookmarksOnlyToggle mode=mode.clone()/>
                </div>
                <PageTools print_label=t!(t, print_list)/>
                <ActiveFilters outcome/>
                <ResultList outcome terms mode=mode.clone()/>
            </section>
        </div>
    }
}

#[component]
fn SortSelect() -> impl IntoView {
    let t = use_texts();
    let state = use_view_state();
    let go = use_go();
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
            <select on:change=on_change prop:value=move || if is_title() { "title" } else { "number" }>
                <option value="number">{t!(t, sort_number)}</option>
                <option value="title">{t!(t, sort_title)}</option>
            </select>
        </label>
    }
}

/// 「ブックマークのみ」: switches between all items and the bookmarks, keeping the filters.
#[component]
fn BookmarksOnlyToggle(mode: ListMode) -> impl IntoView {
    let t = use_texts();
    let state = use_view_state();
    let go = use_go();
    let user = use_user_data();
    let shared = matches!(mode, ListMode::Shared(_));
    let checked = mode == ListMode::Bookmarks;
    let toggle = move |_| {
        let mut next = state.get_untracked();
        next.screen = if checked {
            Screen::List
        } else {
            Screen::Bookmarks
        };
        go.to(next, History::Push);
    };
    (!shared).then(|| {
        view! {
            <label class="bookmarks-only">
                <input type="checkbox" prop:checked=checked on:change=toggle/>
                {move || (t.bookmarks_only)(user.bookmarks.with(|b| b.len()))}
            </label>
        }
    })
}

/// Above the bookmarks: how to share them; above a shared set: where it came
/// from and how to keep it.
#[component]
fn ModeBanner(mode: ListMode) -> impl IntoView {
    let t = use_texts();
    let user = use_user_data();
    let state = use_view_state();
    match mode {
        ListMode::All => ().into_any(),
        ListMode::Bookmarks => {
            let share_url = Signal::derive(move || {
                let shared = ViewState {
                    shared_bookmarks: Some(user.bookmarks.with(|b| b.iter().collect())),
                    ..ViewState::default()
                };
                absolute_href(&shared)
            });
            let (open, set_open) = signal(false);
            view! {
                <div class="mode-banner">
                    <p>{t!(t, bookmarks_local_note)}</p>
                    <Show when=move || user.bookmarks.with(|b| !b.is_empty())>
                        <button
                            type="button"
                            aria-expanded=move || open.get().to_string()
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
            .into_any()
        }
        ListMode::Shared(items) => {
            let shared: Bookmarks = items.iter().copied().collect();
            let count = shared.len();
            let (added, set_added) = signal(false);
            let all_href = move || {
                href(&ViewState {
                    shared_bookmarks: None,
                    screen: Screen::List,
                    ..state.get()
                })
            };
            view! {
                <div class="mode-banner shared">
                    <p>{move || (t.shared_showing)(count)}</p>
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
            .into_any()
        }
    }
}

/// The matching items, grouped by pillar and category.
///
/// In number order, a dataset that fits one page (the real 61 items) is
/// rendered once and updated in place: a filter or a search only hides and
/// shows rows and blocks (and rewrites the highlights), which takes one
/// frame. Sorting by title, or a large dataset, lists the results in pages
/// of keyed rows instead.
#[component]
fn ResultList(outcome: Memo<Outcome>, terms: Memo<Vec<String>>, mode: ListMode) -> impl IntoView {
    let t = use_texts();
    let state = use_view_state();
    let go = use_go();
    let fits_one_page = app_data().dataset.items.len() <= ROWS_PER_PAGE;
    let in_place =
        Memo::new(move |_| fits_one_page && state.with(|s| s.query.sort == Sort::Number));
    let empty = Memo::new(move |_| outcome.with(|o| o.items.is_empty()));
    let links = item_links(state);
    view! {
        <Show when=move || empty.get()>
            <div class="no-results">
                <p>
                    {
                        let mode = mode.clone();
                        move || if mode == ListMode::Bookmarks && state.with(|s| s.query.is_empty()) {
                            t.no_bookmarks
                        } else {
                            t.no_results
                        }
                    }
                </p>
                <button type="button" on:click=move |_| clear_all(state, go)>{t!(t, clear_all)}</button>
            </div>
        </Show>
        <Show
            when=move || in_place.get()
            fallback=move || view! {
                <Show when=move || !empty.get()>
                    <PagedList outcome terms links/>
                </Show>
            }
        >
            <InPlaceList outcome terms links/>
        </Show>
    }
}

/// Every item in number order, each row shown or hidden by the outcome.
#[component]
fn InPlaceList(
    outcome: Memo<Outcome>,
    terms: Memo<Vec<String>>,
    links: Memo<ItemLinks>,
) -> impl IntoView {
    let dataset = &app_data().dataset;
    let count = dataset.items.len();
    // One memo for every row: a row re-renders only when its own visibility changes.
    let shown = Memo::new(move |_| {
        outcome.with(|o| {
            let mut shown = vec![false; count];
            for &index in &o.items {
                shown[index] = true;
            }
            shown
        })
    });
    let mut by_number: Vec<usize> = (0..count).collect();
    by_number.sort_unstable_by_key(|&i| (dataset.items[i].no, i));
    group_by_category(dataset, &by_number)
        .into_iter()
        .map(|group| {
            let heading = category_heading(&group.pillar_code, &group.category_code);
            let members = group.items.clone();
            let block_hidden = move || shown.with(|s| !members.iter().any(|&i| s[i]));
            let rows = group
                .items
                .into_iter()
                .map(|index| {
                    // A memo: the row's snippet and `hidden` rerun only when
                    // this row's visibility changes, not on every outcome.
                    let visible = Memo::new(move |_| shown.with(|s| s[index]));
                    view! { <ItemRow index terms links visible/> }
                })
                .collect_view();
            view! {
                <section class="category-block" hidden=block_hidden>
                    <h3 class="category-heading" lang="ja">{heading}</h3>
                    <ol class="item-list">{rows}</ol>
                </section>
            }
        })
        .collect_view()
}

/// The results in their order, a page of rows at a time (「さらに表示」).
#[component]
fn PagedList(
    outcome: Memo<Outcome>,
    terms: Memo<Vec<String>>,
    links: Memo<ItemLinks>,
) -> impl IntoView {
    let t = use_texts();
    // Long result lists render in pages: building every row of a large
    // dataset costs seconds on a tablet (see the benchmark), while the count
    // and the facets always cover all results.
    let (shown, set_shown) = signal(ROWS_PER_PAGE);
    Effect::new(move |_| {
        outcome.track();
        set_shown.set(ROWS_PER_PAGE);
    });
    let remaining = move || outcome.with(|o| o.items.len().saturating_sub(shown.get()));
    // Groups and rows are keyed (category run, item number), so a filter
    // change only adds and removes the rows that change.
    let groups = Memo::new(move |_| {
        let shown = shown.get();
        outcome.with(|o| {
            let visible = &o.items[..o.items.len().min(shown)];
            keyed_groups(group_by_category(&app_data().dataset, visible))
        })
    });
    let group_keys = Memo::new(move |_| {
        groups.with(|g| g.iter().map(|(key, _)| key.clone()).collect::<Vec<_>>())
    });
    view! {
        <For each=move || group_keys.get() key=|key| key.clone() let:key>
            <CategoryBlock group_key=key groups terms links/>
        </For>
        <Show when=move || { remaining() > 0 }>
            <button
                type="button"
                class="show-more"
                on:click=move |_| set_shown.update(|n| *n += ROWS_PER_PAGE)
            >
                {move || (t.show_more_rows)(remaining().min(ROWS_PER_PAGE), remaining())}
            </button>
        </Show>
    }
}

/// How many rows a long list shows at first, and adds per 「さらに表示」.
const ROWS_PER_PAGE: usize = 100;

/// A category run: pillar code, category code, and which run of that category
/// it is (sorting by title can split a category into several runs).
type GroupKey = (String, String, usize);

fn keyed_groups(groups: Vec<model::listing::CategoryGroup>) -> Vec<(GroupKey, Vec<usize>)> {
    let mut seen: std::collections::HashMap<(String, String), usize> = Default::default();
    groups
        .into_iter()
        .map(|group| {
            let run = seen
                .entry((group.pillar_code.clone(), group.category_code.clone()))
                .or_default();
            *run += 1;
            ((group.pillar_code, group.category_code, *run), group.items)
        })
        .collect()
}

/// 「(1) 将来を見据えた…　ア ICTの活用…」: a category's heading in the list.
fn category_heading(pillar_code: &str, category_code: &str) -> String {
    app_data()
        .dataset
        .pillars
        .iter()
        .filter(|p| p.code == pillar_code)
        .flat_map(|p| p.categories.iter().map(move |c| (p, c)))
        .find(|(_, c)| c.code == category_code)
        .map(|(p, c)| format!("({}) {}　{} {}", p.code, p.name, c.code, c.name))
        .unwrap_or_default()
}

#[component]
fn CategoryBlock(
    group_key: GroupKey,
    groups: Memo<Vec<(GroupKey, Vec<usize>)>>,
    terms: Memo<Vec<String>>,
    links: Memo<ItemLinks>,
) -> impl IntoView {
    let heading = category_heading(&group_key.0, &group_key.1);
    let rows = move || {
        groups.with(|g| {
            g.iter()
                .find(|(key, _)| *key == group_key)
                .map(|(_, items)| items.clone())
                .unwrap_or_default()
        })
    };
    view! {
        <section class="category-block">
            <h3 class="category-heading" lang="ja">{heading}</h3>
            <ol class="item-list">
                <For each=rows key=|index| *index let:index>
                    <ItemRow index terms links/>
                </For>
            </ol>
        </section>
    }
}

#[component]
fn ItemRow(
    index: usize,
    terms: Memo<Vec<String>>,
    links: Memo<ItemLinks>,
    /// Whether the row is among the results (rows of the in-place list stay in the DOM).
    #[prop(into, default = Signal::stored(true))]
    visible: Signal<bool>,
) -> impl IntoView {
    let t = use_texts();
    let item = &app_data().dataset.items[index];
    let no = item.no;
    let link = move || links.with(|l| l.to(no));
    view! {
        <li class="item-row" data-no=no hidden=move || !visible.get()>
            <span class="item-no">{format!("No.{no}")}</span>
            <div class="item-main">
                <a class="item-title" href=link lang="ja">
                    <Highlighted text=item.title.clone() terms/>
                </a>
                <p class="item-sections">
                    <span class="visually-hidden">{t!(t, sections_prefix)}</span>
                    <span lang="ja"><Highlighted text=item.sections.join("・") terms/></span>
                </p>
                {move || {
                    // Hidden rows need no snippet.
                    if !visible.get() {
                        return None;
                    }
                    terms
                        .with(|terms| search::snippet(item, terms, nfkc, app_data().index.readings_for(terms), 30))
                        .map(|found| view! {
                            <p class="item-snippet">
                                <span class="snippet-field">{(t.snippet_field)(&(t.field_label)(found.field))}</span>
                                <span lang="ja"><Highlighted text=found.text terms/></span>
                            </p>
                        })
                }}
            </div>
            <div class="item-side">
                <DraftBadge no/>
                <SdgBadges sdgs=item.sdgs.clone()/>
                <BookmarkButton no title=item.title.clone()/>
            </div>
        </li>
    }
}
