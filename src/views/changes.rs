//! 「今回の更新」: what the current edition changed since the previous one,
//! item by item and field by field, before and after, each linked to its
//! item's page.

use leptos::prelude::*;
use model::edition::FieldChange;
use model::view_state::{Screen, ViewState};

use crate::components::text_list::TextList;
use crate::data::{app_data, edition_changes, edition_label};
use crate::i18n::use_page_texts;
use crate::t;
use crate::url::{href, use_page};

/// The changes page.
#[component]
pub fn ChangesScreen() -> impl IntoView {
    let t = use_page_texts();
    let changes = edition_changes();
    let body = match changes.previous_label() {
        None => view! { <p>{(t.changes_first)(edition_label())}</p> }.into_any(),
        Some(_) if changes.fields().is_empty() => view! { <p>{t!(t, changes_none)}</p> }.into_any(),
        Some(previous) => {
            let by_item = changes.by_item();
            let count = by_item.len();
            let items = by_item
                .into_iter()
                .map(|(no, fields)| view! { <ItemChanges no fields=fields.to_vec()/> })
                .collect_view();
            view! {
                <p>{(t.changes_since)(previous, edition_label(), count)}</p>
                <ol class="changes-list">{items}</ol>
            }
            .into_any()
        }
    };
    view! {
        <article class="changes" aria-labelledby="changes-heading">
            <h2 id="changes-heading">{t!(t, changes_heading)}</h2>
            {body}
        </article>
    }
}

/// One item's changed fields: each field's name, whether it is new or
/// revised, and its text before and after.
#[component]
fn ItemChanges(no: u32, fields: Vec<FieldChange>) -> impl IntoView {
    let t = use_page_texts();
    let title = app_data()
        .dataset
        .item(no)
        .map(|item| item.title.clone())
        .unwrap_or_default();
    let link = href(&ViewState::page(Screen::Item(no), use_page().language));
    let heading_id = format!("changes-{no}");
    let labelled_by = heading_id.clone();
    let fields = fields
        .into_iter()
        .map(|change| {
            let mark = if change.is_new() {
                t.change_new
            } else {
                t.change_updated
            };
            view! {
                <div class="field-change">
                    <h4>
                        {(t.field_label)(change.path)}
                        " "
                        <span class="change-mark">{mark}</span>
                    </h4>
                    <div class="before-after">
                        <section class="before">
                            <h5>{t!(t, change_before)}</h5>
                            <TextList entries=change.before.entries()/>
                        </section>
                        <section class="after">
                            <h5>{t!(t, change_after)}</h5>
                            <TextList entries=change.after.entries()/>
                        </section>
                    </div>
                </div>
            }
        })
        .collect_view();
    view! {
        <li>
            <section aria-labelledby=labelled_by>
                <h3 id=heading_id>
                    <a href=link>{(t.item_no)(no)}" "<span lang="ja">{title}</span></a>
                </h3>
                {fields}
            </section>
        </li>
    }
}
