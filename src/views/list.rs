//! The home view: search, facets and the matching items grouped like the document.

use leptos::prelude::*;
use model::filter::{self, Outcome, Sort};
use model::listing::group_by_category;
use model::search;
use model::view_state::{Screen, ViewState};

use crate::components::highlight::Highlighted;
use crate::components::page_tools::PageTools;
use crate::components::sdg::SdgBadges;
use crate::data::{app_data, nfkc};
use crate::url::{clear_all, href, use_go, use_view_state, History};
use crate::views::filters::{ActiveFilters, Facets, SearchBox};

/// Search, facets, the result count and the list.
#[component]
pub fn ListScreen(
    /// The item the user comes back from: its link gets focus (and scrolls into view).
    return_to: Option<u32>,
) -> impl IntoView {
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
    let outcome: Memo<Outcome> = Memo::new(move |_| {
        let data = app_data();
        query.with(|q| filter::apply(&data.dataset, &data.index, q, nfkc))
    });
    let terms = Memo::new(move |_| query.with(|q| search::terms(&q.text, nfkc)));
    let (filters_open, set_filters_open) = signal(false);

    view! {
        <div class="list-layout">
            <aside class="filter-panel" aria-label="検索と絞り込み">
                <SearchBox/>
                <button
                    type="button"
                    class="filters-toggle"
                    aria-expanded=move || filters_open.get().to_string()
                    aria-controls="facets"
                    on:click=move |_| set_filters_open.update(|open| *open = !*open)
                >
                    "絞り込み条件"
                </button>
                <div id="facets" class="facets" class:open=filters_open>
                    <Facets outcome/>
                </div>
            </aside>
            <section class="results" aria-labelledby="results-heading">
                <div class="results-head">
                    <h2 id="results-heading">"取組項目"</h2>
                    <p class="result-count" role="status" aria-live="polite">
                        {move || format!("{}件", outcome.with(|o| o.items.len()))}
                    </p>
                    <SortSelect/>
                </div>
                <PageTools print_label="一覧を印刷"/>
                <ActiveFilters outcome/>
                <ResultList outcome terms/>
            </section>
        </div>
    }
}

#[component]
fn SortSelect() -> impl IntoView {
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
            "並べ替え"
            <select on:change=on_change prop:value=move || if is_title() { "title" } else { "number" }>
                <option value="number">"番号順"</option>
                <option value="title">"項目名順"</option>
            </select>
        </label>
    }
}

/// The matching items, grouped by pillar and category.
#[component]
fn ResultList(outcome: Memo<Outcome>, terms: Memo<Vec<String>>) -> impl IntoView {
    let state = use_view_state();
    let go = use_go();
    let groups =
        Memo::new(move |_| outcome.with(|o| group_by_category(&app_data().dataset, &o.items)));
    view! {
        <Show
            when=move || outcome.with(|o| !o.items.is_empty())
            fallback=move || view! {
                <div class="no-results">
                    <p>"条件に合う取組項目はありません。"</p>
                    <button type="button" on:click=move |_| clear_all(state, go)>"条件をすべて解除"</button>
                </div>
            }
        >
            <For
                each=move || groups.get()
                key=|group| (group.pillar_code.clone(), group.category_code.clone(), group.items.clone())
                let:group
            >
                <CategoryBlock group terms/>
            </For>
        </Show>
    }
}

#[component]
fn CategoryBlock(group: model::listing::CategoryGroup, terms: Memo<Vec<String>>) -> impl IntoView {
    let dataset = &app_data().dataset;
    let first = &dataset.items[group.items[0]];
    let heading = format!(
        "({}) {}　{} {}",
        first.pillar.code, first.pillar.name, first.category.code, first.category.name
    );
    let rows = group
        .items
        .iter()
        .map(|&index| view! { <ItemRow index terms/> })
        .collect_view();
    view! {
        <section class="category-block">
            <h3 class="category-heading">{heading}</h3>
            <ol class="item-list">{rows}</ol>
        </section>
    }
}

#[component]
fn ItemRow(index: usize, terms: Memo<Vec<String>>) -> impl IntoView {
    let state = use_view_state();
    let item = &app_data().dataset.items[index];
    let no = item.no;
    let link = move || {
        href(&ViewState {
            screen: Screen::Item(no),
            ..state.get()
        })
    };
    view! {
        <li class="item-row" data-no=no>
            <span class="item-no">{format!("No.{no}")}</span>
            <div class="item-main">
                <a class="item-title" href=link>
                    <Highlighted text=item.title.clone() terms/>
                </a>
                <p class="item-sections">
                    <span class="visually-hidden">"担当課："</span>
                    <Highlighted text=item.sections.join("・") terms/>
                </p>
                {move || {
                    terms
                        .with(|t| search::snippet(item, t, nfkc, 30))
                        .map(|found| view! {
                            <p class="item-snippet">
                                <span class="snippet-field">{format!("{}：", found.field)}</span>
                                <Highlighted text=found.text terms/>
                            </p>
                        })
                }}
            </div>
            <SdgBadges sdgs=item.sdgs.clone()/>
        </li>
    }
}
