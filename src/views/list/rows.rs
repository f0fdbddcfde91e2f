//! The rows: in number order, one island per category of the document, the
//! build's rows shown and hidden where they stand (each island hydrated in a
//! task of its own); sorted by title or for a long programme, pages of keyed
//! rows in one island of their own.

use leptos::prelude::*;
use model::filter::Outcome;
use model::listing::{group_by_category, CategoryGroup};
use model::search;

use super::state::{fits_one_page, use_list, ROWS_PER_PAGE};
use crate::components::bookmark::BookmarkButton;
use crate::components::sdg::SdgMarks;
use crate::data::{app_data, nfkc};
use crate::i18n::use_texts;
use crate::staff::DraftBadge;
use crate::t;
use crate::url::{item_href, use_page};

/// Every row of the list, as the build writes them.
#[component]
pub fn ResultRows() -> impl IntoView {
    // The whole programme in number order when it fits one page (the real
    // one does), category by category; otherwise only the first page.
    let groups = fits_one_page().then(|| {
        (0..number_groups().len())
            .map(|group| view! { <CategoryRows group/> })
            .collect_view()
    });
    view! {
        <div class="result-rows">
            {groups}
            <PagedRows/>
        </div>
    }
}

/// The items in number order, grouped by pillar and category.
fn number_groups() -> Vec<CategoryGroup> {
    let dataset = &app_data().dataset;
    let mut by_number: Vec<usize> = (0..dataset.items.len()).collect();
    by_number.sort_unstable_by_key(|&i| (dataset.items[i].no, i));
    group_by_category(dataset, &by_number)
}

/// One category's rows in number order, each shown or hidden by the
/// outcome; the whole block hidden when none of them is shown, or while the
/// list is sorted by title ([`PagedRows`] then lists the results).
#[island]
pub fn CategoryRows(
    /// The category's place among the document's categories.
    group: usize,
) -> impl IntoView {
    let list = use_list();
    number_groups().into_iter().nth(group).map(|group| {
        let heading = app_data()
            .dataset
            .category_heading(&group.pillar_code, &group.category_code)
            .unwrap_or_default();
        let members = group.items.clone();
        let block_hidden =
            move || !list.in_place.get() || list.shown.with(|s| !members.iter().any(|&i| s[i]));
        let rows = group
            .items
            .into_iter()
            .map(|index| {
                // A row changes only when its own visibility does.
                let visible = Memo::new(move |_| list.shown.with(|s| s[index]));
                view! { <ItemRow index visible/> }
            })
            .collect_view();
        view! {
            <section class="category-block" hidden=block_hidden>
                <h3 class="category-heading" lang="ja">{heading}</h3>
                <ol class="item-list">{rows}</ol>
            </section>
        }
    })
}

/// The results in pages of keyed rows: sorted by title, or a programme too
/// long to write whole. Empty while the rows are shown in place.
#[island]
pub fn PagedRows() -> impl IntoView {
    let list = use_list();
    view! {
        <Show when=move || !list.in_place.get()>
            <PagedList outcome=list.outcome/>
        </Show>
    }
}

/// The results in their order, a page of rows at a time (「さらに表示」).
#[component]
fn PagedList(outcome: Memo<Outcome>) -> impl IntoView {
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
            <CategoryBlock group_key=key groups/>
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

#[component]
fn CategoryBlock(group_key: GroupKey, groups: Memo<Vec<(GroupKey, Vec<usize>)>>) -> impl IntoView {
    let heading = app_data()
        .dataset
        .category_heading(&group_key.0, &group_key.1)
        .unwrap_or_default();
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
                    <ItemRow index/>
                </For>
            </ol>
        </section>
    }
}

/// One item: its number, title, sections, goals and bookmark toggle, and
/// where a search matched its text elsewhere, that passage.
#[component]
fn ItemRow(
    index: usize,
    /// Whether the row is among the results (rows of the in-place list stay in the DOM).
    #[prop(into, default = Signal::stored(true))]
    visible: Signal<bool>,
) -> impl IntoView {
    let t = use_texts();
    let page = use_page();
    let terms = use_list().terms;
    let item = &app_data().dataset.items[index];
    let no = item.no;
    let link = item_href(no, &page);
    view! {
        <li class="item-row" data-no=no hidden=move || !visible.get()>
            <span class="item-no">{(t.item_no)(no)}</span>
            <a class="item-title" href=link lang="ja" data-highlight="">{item.title.clone()}</a>
            <p class="item-sections">
                <span class="visually-hidden">{t!(t, sections_prefix)}</span>
                <span lang="ja" data-highlight="">{item.sections.join(t.name_separator)}</span>
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
                            <span lang="ja" data-highlight="">{found.text}</span>
                        </p>
                    })
            }}
            <DraftBadge no/>
            <SdgMarks sdgs=item.sdgs.clone()/>
            <BookmarkButton no title=item.title.clone() compact=true/>
        </li>
    }
}
