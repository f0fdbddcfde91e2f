//! One item's full table, laid out for reading and printing.

use leptos::html;
use leptos::prelude::*;

use crate::i18n::use_texts;
use crate::t;
use model::search;
use model::view_state::{Screen, ViewState};

use crate::components::bookmark::BookmarkButton;
use crate::components::highlight::Highlighted;
use crate::components::indicators::ItemIndicators;
use crate::components::item_table::{ItemTable, SourceNotes};
use crate::components::page_tools::PageTools;
use crate::data::{app_data, edition_changes, nfkc};
use crate::staff::{item_as_shown, ItemEditorSlot};
use crate::url::{href, use_view_state};

/// The detail view of item `no`.
#[component]
pub fn ItemScreen(
    /// The item number (1..=61).
    no: u32,
    /// Move keyboard focus to the heading (when arriving from another screen).
    focus_heading: bool,
) -> impl IntoView {
    let t = use_texts();
    let state = use_view_state();
    let terms = Signal::derive(move || state.with(|s| search::terms(&s.query.text, nfkc)));
    let back_href = move || {
        href(&ViewState {
            screen: Screen::List,
            ..state.get()
        })
    };
    let Some(item) = app_data().dataset.item(no) else {
        return view! {
            <div class="not-found">
                <h2>{move || (t.not_found)(no)}</h2>
                <p><a href=back_href>{t!(t, back_to_list)}</a></p>
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
    // Staff mode can show the item with this device's drafts applied.
    let (shown_item, draft_switch) = item_as_shown(item.clone());
    let heading_ref = NodeRef::<html::H2>::new();
    // Move focus to the heading so keyboard and screen-reader users land on
    // the new content, not on the link they activated in the list.
    Effect::new(move |_| {
        if let Some(heading) = heading_ref.get().filter(|_| focus_heading) {
            let _ = heading.focus();
        }
    });

    view! {
        <article class="item-detail" aria-labelledby="item-heading">
            <nav class="breadcrumb" aria-label=t!(t, breadcrumb)>
                <a href=back_href>{t!(t, nav_list)}</a>
                <span aria-hidden="true">" › "</span>
                <span lang="ja">{format!("({}) {}", item.pillar.code, item.pillar.name)}</span>
                <span aria-hidden="true">" › "</span>
                <span lang="ja">{format!("{} {}", item.category.code, item.category.name)}</span>
            </nav>
            <h2 id="item-heading" tabindex="-1" node_ref=heading_ref>
                <span class="item-no">{format!("No.{}", item.no)}</span>
                " "
                <span lang="ja"><Highlighted text=item.title.clone() terms/></span>
            </h2>
            <div class="item-actions">
                <BookmarkButton no=item.no title=item.title.clone()/>
                <PageTools print_label=t!(t, print_item)/>
            </div>
            {changes_note}
            {draft_switch}
            {move || view! { <ItemTable item=shown_item.get() item_heading="item-heading".to_string() terms changed=changed.clone()/> }}
            <ItemIndicators no=item.no/>
            <SourceNotes item=item.clone()/>
            <ItemEditorSlot item=item.clone()/>
            <PrevNext no=item.no/>
        </article>
    }
    .into_any()
}

#[component]
fn PrevNext(no: u32) -> impl IntoView {
    let t = use_texts();
    let state = use_view_state();
    let count = app_data().dataset.items.len() as u32;
    let link = move |target: u32| {
        href(&ViewState {
            screen: Screen::Item(target),
            ..state.get()
        })
    };
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
                <a class="prev" href=move || link(no - 1) rel="prev">
                    <span class="dir">{t!(t, previous_item)}</span>
                    <span lang="ja">{format!("No.{} {}", no - 1, title(no - 1))}</span>
                </a>
            })}
            {(no < count).then(|| view! {
                <a class="next" href=move || link(no + 1) rel="next">
                    <span class="dir">{t!(t, next_item)}</span>
                    <span lang="ja">{format!("No.{} {}", no + 1, title(no + 1))}</span>
                </a>
            })}
        </nav>
    }
}
