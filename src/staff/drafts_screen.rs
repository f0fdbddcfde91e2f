//! 「下書き」: every item with drafts, what changed, export, import.

use leptos::prelude::*;
use model::drafts::{self, DiffKind, DiffPart, EntryDiff, FieldPath};
use model::view_state::{Screen, ViewState};

use super::import_tool::{ImportTool, ValueView};
use crate::components::confirm::ConfirmButton;
use crate::data::app_data;
use crate::download::save_file;
use crate::i18n::staff::use_staff_texts;
use crate::i18n::use_page_texts;
use crate::storage::drafts::use_draft_store;
use crate::t;
use crate::url::href;

/// The drafts view.
#[component]
pub fn DraftsScreen() -> impl IntoView {
    let t = use_page_texts();
    let s = use_staff_texts();
    let store = use_draft_store();
    let items = Memo::new(move |_| store.drafts.with(|d| d.item_numbers().collect::<Vec<_>>()));
    let summary = move || {
        store
            .drafts
            .with(|d| (s.drafts_summary)(d.count_items(), d.count_fields()))
    };
    view! {
        <article class="drafts" aria-labelledby="drafts-heading">
            <h2 id="drafts-heading" tabindex="-1">{t!(t, drafts_heading)}</h2>
            <p class="hint">{t!(t, staff_mode_note)}</p>
            <ExportTools/>
            <ImportTool/>
            <Show
                when=move || items.with(|i| !i.is_empty())
                fallback=move || view! { <p class="no-results">{s.no_drafts}</p> }
            >
                <p>{summary}</p>
                <For each=move || items.get() key=|no| *no let:no>
                    <ItemDrafts no/>
                </For>
            </Show>
        </article>
    }
}

/// Export as JSON or CSV (files made in the browser), or print the changes.
#[component]
fn ExportTools() -> impl IntoView {
    let t = use_page_texts();
    let s = use_staff_texts();
    let store = use_draft_store();
    let empty = move || store.drafts.with(|d| d.is_empty());
    let (failed, set_failed) = signal(false);
    let export = move |csv: bool| {
        let now = js_sys::Date::now() as u64;
        let dataset = &app_data().dataset;
        let saved = store.drafts.with_untracked(|d| {
            if csv {
                save_file(
                    &drafts::export_file_name(now, "csv"),
                    "text/csv;charset=utf-8",
                    &drafts::export_csv(d, dataset),
                )
            } else {
                save_file(
                    &drafts::export_file_name(now, "json"),
                    "application/json;charset=utf-8",
                    &drafts::export_json(d, dataset, now),
                )
            }
        });
        set_failed.set(saved.is_err());
    };
    view! {
        <div class="list-tools export-tools">
            <button type="button" disabled=empty on:click=move |_| export(false)>{s.export_json}</button>
            <button type="button" disabled=empty on:click=move |_| export(true)>{s.export_csv}</button>
            <button type="button" disabled=empty on:click=|_| { let _ = window().print(); }>{s.print_changes}</button>
            // An alert is announced when it appears, so it exists only while there is one.
            {move || failed.get().then(|| view! { <p class="error" role="alert">{t.download_unavailable}</p> })}
        </div>
    }
}

/// One item's drafts: each changed field with its diff, and discard controls.
#[component]
fn ItemDrafts(no: u32) -> impl IntoView {
    let t = use_page_texts();
    let s = use_staff_texts();
    let store = use_draft_store();
    let item = app_data().dataset.item(no).cloned();
    let title = item.as_ref().map(|i| i.title.clone()).unwrap_or_default();
    let link = href(&ViewState::page(
        Screen::Item(no),
        crate::url::use_page().language,
    ));
    let stale = Memo::new(move |_| {
        store.drafts.with(|d| {
            drafts::staleness(d, &app_data().dataset)
                .into_iter()
                .filter(|s| s.item == no)
                .map(|s| s.path)
                .collect::<Vec<_>>()
        })
    });
    let fields = Memo::new(move |_| {
        store.drafts.with(|d| {
            d.fields(no)
                .map(|(path, field)| {
                    (
                        path,
                        field.value.clone(),
                        field.base.clone(),
                        field.edited_at,
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="item-drafts" aria-labelledby=format!("drafts-{no}")>
            <h3 id=format!("drafts-{no}")>
                <a href=link lang="ja">{(t.item_name)(no, &title)}</a>
            </h3>
            <For
                each=move || fields.get()
                key=|(path, value, _, at)| (*path, value.to_text(), *at)
                let:field
            >
                {
                    let (path, value, base, edited_at) = field;
                    let published = item.as_ref().and_then(|i| drafts::published(i, path)).unwrap_or(base.clone());
                    let is_stale = move || stale.with(|s| s.contains(&path));
                    let diff = drafts::diff_values(&published, &value);
                    view! {
                        <div class="field-diff" class:stale=is_stale>
                            <h4>{(t.field_label)(path)}</h4>
                            <p class="hint">{move || (s.edited_at)(&drafts::format_jst(edited_at))}</p>
                            <Show when=is_stale>
                                <p class="stale-note">{s.stale_note}</p>
                                <ValueView label=s.base_label value=base.clone()/>
                            </Show>
                            <DiffView diff=diff.clone()/>
                            <DiscardField no path/>
                        </div>
                    }
                }
            </For>
            <ConfirmButton
                label=s.discard_item
                class="danger-outline"
                question=Signal::derive(move || (s.confirm_discard_item)(fields.with(|f| f.len())))
                on_confirm=Callback::new(move |()| store.discard_item(no))
            />
        </section>
    }
}

#[component]
fn DiscardField(no: u32, path: FieldPath) -> impl IntoView {
    let t = use_page_texts();
    let s = use_staff_texts();
    let store = use_draft_store();
    view! {
        <ConfirmButton
            label=s.discard_field
            class="small"
            question=Signal::derive(move || (s.confirm_discard_field)(&(t.field_label)(path)))
            on_confirm=Callback::new(move |()| store.discard_field(no, path))
        />
    }
}

/// Published against draft, entry by entry: deletions struck through, additions
/// underlined, both also named for screen readers (not by colour alone).
#[component]
fn DiffView(diff: Vec<EntryDiff>) -> impl IntoView {
    let rows = diff
        .into_iter()
        .map(|entry| match entry {
            EntryDiff::Same(text) => view! { <li class="same">{text}</li> }.into_any(),
            EntryDiff::Added(text) => view! { <li class="added"><ins>{text}</ins></li> }.into_any(),
            EntryDiff::Removed(text) => {
                view! { <li class="removed"><del>{text}</del></li> }.into_any()
            }
            EntryDiff::Changed(parts) => {
                view! { <li class="changed">{parts_view(parts)}</li> }.into_any()
            }
        })
        .collect_view();
    view! { <ul class="diff" lang="ja">{rows}</ul> }
}

fn parts_view(parts: Vec<DiffPart>) -> impl IntoView {
    parts
        .into_iter()
        .map(|part| match part.kind {
            DiffKind::Same => part.text.into_any(),
            DiffKind::Added => view! { <ins>{part.text}</ins> }.into_any(),
            DiffKind::Removed => view! { <del>{part.text}</del> }.into_any(),
        })
        .collect_view()
}
