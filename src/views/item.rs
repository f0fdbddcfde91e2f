//! One item's full table, laid out for reading and printing.

use leptos::prelude::*;

use crate::i18n::use_page_texts;
use crate::t;
use model::search;
use model::view_state::{Screen, ViewState};

use crate::components::bookmark::ItemBookmark;
use crate::components::highlight::mark_terms;
use crate::components::indicators::ItemIndicators;
use crate::components::item_table::{ItemTable, SourceNotes};
use crate::components::page_tools::PageTools;
use crate::data::{app_data, edition_changes, nfkc};
use crate::live::use_live;
use crate::staff::{ItemDraftSlot, ItemEditorSlot};
use crate::url::{href, use_page, use_view_state};

/// The detail page of item `no`.
#[component]
pub fn ItemScreen(
    /// The item number.
    no: u32,
) -> impl IntoView {
    let t = use_page_texts();
    let page = use_page();
    let list = href(&page.on(Screen::List));
    let Some(item) = app_data().dataset.item(no) else {
        return view! {
            <div class="not-found">
                <h2>{(t.not_found)(no)}</h2>
                <p><a href=list>{t!(t, back_to_list)}</a></p>
            </div>
        }
        .into_any();
    };
    // Fields this edition changed, marked for readers of the previous one.
    let changed = edition_changes().of_item(no);
    let changes_note = edition_changes()
        .previous
        .as_ref()
        .filter(|_| !changed.is_empty())
        .map(|previous| {
            let fields: Vec<String> = changed.iter().map(|(path, _)| (t.field_label)(*path)).collect();
            view! { <p class="notice notice-info edition-changes">{(t.changed_since)(previous, &fields)}</p> }
        });

    view! {
        <article class="item-detail" aria-labelledby="item-heading">
            <nav class="breadcrumb" aria-label=t!(t, breadcrumb)>
                <a href=list data-list-link="">{t!(t, nav_list)}</a>
                <span aria-hidden="true">" › "</span>
                <span lang="ja">{item.pillar_heading()}</span>
                <span aria-hidden="true">" › "</span>
                <span lang="ja">{item.category_heading()}</span>
            </nav>
            <h2 id="item-heading" tabindex="-1">
                <span class="item-no">{(t.item_no)(item.no)}</span>
                " "
                <span lang="ja" data-highlight="">{item.title.clone()}</span>
            </h2>
            <div class="item-actions">
                <ItemBookmark/>
                <PageTools/>
            </div>
            {changes_note}
            <ItemDraftSlot/>
            <div class="published-item">
                <ItemTable item=item.clone() item_heading="item-heading".to_string() changed/>
            </div>
            <ItemIndicators no=item.no/>
            <SourceNotes item=item.clone()/>
            <ItemEditorSlot/>
            <PrevNext no=item.no/>
            <ItemSearch/>
        </article>
    }
    .into_any()
}

#[component]
fn PrevNext(no: u32) -> impl IntoView {
    let t = use_page_texts();
    let page = use_page();
    let count = app_data().dataset.items.len() as u32;
    let link = move |target: u32| href(&page.on(Screen::Item(target)));
    let title = |target: u32| {
        app_data()
            .dataset
            .item(target)
            .map(|i| i.title.clone())
            .unwrap_or_default()
    };
    view! {
        <nav class="prev-next" aria-label=t!(t, prev_next)>
            {(no > 1).then(|| view! {
                <a class="prev" href=link(no - 1) rel="prev" data-item=no - 1>
                    <span class="dir">{t!(t, previous_item)}</span>
                    <span lang="ja">{(t.item_name)(no - 1, &title(no - 1))}</span>
                </a>
            })}
            {(no < count).then(|| view! {
                <a class="next" href=link(no + 1) rel="next" data-item=no + 1>
                    <span class="dir">{t!(t, next_item)}</span>
                    <span lang="ja">{(t.item_name)(no + 1, &title(no + 1))}</span>
                </a>
            })}
        </nav>
    }
}

/// What an item page does with the search it was opened from (`?q=…` and
/// the filters, carried by the list's link): the searched words are marked
/// in the item, and the links back to the list and on to the neighbouring
/// items keep the search, so the list is found as it was left.
#[island]
fn ItemSearch() -> impl IntoView {
    let state = use_view_state();
    let live = use_live();
    Effect::new(move |_| {
        if !live.get() {
            return;
        }
        let Some(main) = document().get_element_by_id("main") else {
            return;
        };
        let terms = state.with(|s| search::terms(&s.query.text, nfkc));
        mark_terms(&main, &terms);
        carry_list_query(&main, &state.get_untracked());
    });
}

/// Points the page's list and neighbour links at the same search.
fn carry_list_query(main: &web_sys::Element, state: &ViewState) {
    if state.list_query().is_empty() {
        return;
    }
    if let Ok(Some(link)) = main.query_selector("a[data-list-link]") {
        let _ = link.set_attribute("href", &href(&state.on(Screen::List)));
    }
    let Ok(links) = main.query_selector_all("a[data-item]") else {
        return;
    };
    for index in 0..links.length() {
        let Some(link) = links
            .item(index)
            .and_then(|node| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(node).ok())
        else {
            continue;
        };
        if let Some(no) = link.get_attribute("data-item").and_then(|n| n.parse().ok()) {
            let _ = link.set_attribute("href", &crate::url::item_href(no, state));
        }
    }
}
