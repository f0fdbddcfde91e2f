//! 「下書き」: every item with drafts, what changed, export, import.

use leptos::prelude::*;
use model::drafts::{
    self, Choice, DiffKind, DiffPart, EntryDiff, FieldPath, FieldValue, ImportChoices,
    ImportPreview,
};
use model::view_state::{Screen, ViewState};

use crate::components::confirm::ConfirmButton;
use crate::data::app_data;
use crate::download::save_file;
use crate::i18n::use_texts;
use crate::storage::drafts::use_draft_store;
use crate::t;
use crate::url::href;

/// The drafts view.
#[component]
pub fn DraftsScreen() -> impl IntoView {
    let t = use_texts();
    let store = use_draft_store();
    let items = Memo::new(move |_| store.drafts.with(|d| d.item_numbers().collect::<Vec<_>>()));
    let summary = move || {
        store
            .drafts
            .with(|d| (t.drafts_summary)(d.count_items(), d.count_fields()))
    };
    view! {
        <article class="drafts" aria-labelledby="drafts-heading">
            <h2 id="drafts-heading" tabindex="-1">{t!(t, drafts_heading)}</h2>
            <p class="hint">{t!(t, staff_mode_note)}</p>
            <ExportTools/>
            <ImportTool/>
            <Show
                when=move || items.with(|i| !i.is_empty())
                fallback=move || view! { <p class="no-results">{t!(t, no_drafts)}</p> }
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
    let t = use_texts();
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
            <button type="button" disabled=empty on:click=move |_| export(false)>{t!(t, export_json)}</button>
            <button type="button" disabled=empty on:click=move |_| export(true)>{t!(t, export_csv)}</button>
            <button type="button" disabled=empty on:click=|_| { let _ = window().print(); }>{t!(t, print_changes)}</button>
            // An alert is announced when it appears, so it exists only while there is one.
            {move || failed.get().then(|| view! { <p class="error" role="alert">{t.download_unavailable}</p> })}
        </div>
    }
}

/// Import an exported JSON file: validate, preview, resolve conflicts, apply.
#[component]
fn ImportTool() -> impl IntoView {
    let t = use_texts();
    let store = use_draft_store();
    let (preview, set_preview) = signal(None::<ImportPreview>);
    let (choices, set_choices) = signal(ImportChoices::new());
    let (message, set_message) = signal(None::<(bool, String)>);
    let input_ref = NodeRef::<leptos::html::Input>::new();

    let on_file = move |_| {
        let Some(file) = input_ref
            .get()
            .and_then(|input| input.files())
            .and_then(|files| files.get(0))
        else {
            return;
        };
        set_message.set(None);
        // Refused before reading: a huge file is never read into memory.
        let size = file.size() as usize;
        if size > drafts::MAX_IMPORT_BYTES {
            let error = drafts::ImportError::TooLarge(size);
            set_preview.set(None);
            set_message.set(Some((true, (t.import_failed)(&(t.import_error)(&error)))));
            if let Some(input) = input_ref.get_untracked() {
                input.set_value("");
            }
            return;
        }
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string());
            let Some(text) = text else {
                // Moved, deleted or unreadable since it was chosen: not a format error.
                set_preview.set(None);
                set_message.set(Some((true, t.import_read_failed.to_string())));
                if let Some(input) = input_ref.get_untracked() {
                    input.set_value("");
                }
                return;
            };
            let result = store
                .drafts
                .with_untracked(|d| drafts::import(&text, &app_data().dataset, d));
            match result {
                Ok(found) => {
                    set_choices.set(ImportChoices::new());
                    set_preview.set(Some(found));
                }
                Err(error) => {
                    set_preview.set(None);
                    set_message.set(Some((true, (t.import_failed)(&(t.import_error)(&error)))));
                }
            }
            if let Some(input) = input_ref.get_untracked() {
                input.set_value("");
            }
        });
    };
    let apply = move |_| {
        let Some(found) = preview.get_untracked() else {
            return;
        };
        match store.apply_import(&found, &choices.get_untracked()) {
            Ok(summary) => {
                set_preview.set(None);
                set_message.set(Some((
                    false,
                    (t.import_done)(summary.added, summary.replaced, summary.kept),
                )));
            }
            Err(_) => set_message.set(Some((true, t.import_unresolved.to_string()))),
        }
    };
    view! {
        <div class="import-tool">
            <label id="import-label" class="file-label">
                {t!(t, import_label)}
                <input type="file" accept=".json,application/json" node_ref=input_ref on:change=on_file/>
            </label>
            // Progress is polite; a refused file is an alert.
            <p class="import-message" role="status">
                {move || message.get().filter(|(error, _)| !error).map(|(_, text)| text)}
            </p>
            {move || {
                message
                    .get()
                    .filter(|(error, _)| *error)
                    .map(|(_, text)| view! { <p class="import-message error" role="alert">{text}</p> })
            }}
            {move || preview.get().map(|found| {
                let conflicts = found.conflicts().count();
                let changes = found.changes.clone();
                view! {
                    <div class="import-preview" role="region" aria-labelledby="import-preview-heading">
                        <h3 id="import-preview-heading">{t!(t, import_preview_heading)}</h3>
                        <p>{move || (t.import_preview_summary)(changes.len(), conflicts)}</p>
                        {found.dataset_version_differs.then(|| view! { <p class="hint">{t!(t, import_version_differs)}</p> })}
                        <ul class="import-changes">
                            {found.changes.iter().map(|change| {
                                let (item, path) = (change.item, change.path);
                                let title = app_data().dataset.item(item).map(|i| i.title.clone()).unwrap_or_default();
                                let name = format!("import-{item}-{path}");
                                view! {
                                    <li class:conflict=change.conflict>
                                        <p class="import-change-head" lang="ja">
                                            {format!("No.{item} {title}")}
                                        </p>
                                        <p class="import-change-field">
                                            {(t.field_label)(path)}
                                        </p>
                                        <ValueView label=t.incoming_label value=change.incoming.clone()/>
                                        {change.current_draft.clone().filter(|_| change.conflict).map(|mine| view! {
                                            <ValueView label=t.draft_label value=mine/>
                                            <fieldset class="choice">
                                                <legend class="visually-hidden">{format!("No.{item} {}", (t.field_label)(path))}</legend>
                                                <label>
                                                    <input type="radio" name=name.clone() on:change=move |_| set_choices.update(|c| c.choose(item, path, Choice::KeepMine))/>
                                                    {t!(t, keep_mine)}
                                                </label>
                                                <label>
                                                    <input type="radio" name=name.clone() on:change=move |_| set_choices.update(|c| c.choose(item, path, Choice::TakeTheirs))/>
                                                    {t!(t, take_theirs)}
                                                </label>
                                            </fieldset>
                                        })}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                        <button type="button" class="primary" on:click=apply>{t!(t, apply_import)}</button>
                        <button type="button" on:click=move |_| set_preview.set(None)>{t!(t, cancel)}</button>
                    </div>
                }
            })}
        </div>
    }
}

/// A value as text: lists one entry per line.
#[component]
fn ValueView(label: &'static str, value: FieldValue) -> impl IntoView {
    let t = use_texts();
    let entries = value.entries();
    view! {
        <div class="value-view">
            <span class="value-label">{label}</span>
            {if entries.is_empty() {
                view! { <p class="empty-cell">{t!(t, empty_value)}</p> }.into_any()
            } else {
                view! { <ul lang="ja">{entries.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul> }.into_any()
            }}
        </div>
    }
}

/// One item's drafts: each changed field with its diff, and discard controls.
#[component]
fn ItemDrafts(no: u32) -> impl IntoView {
    let t = use_texts();
    let store = use_draft_store();
    let item = app_data().dataset.item(no).cloned();
    let title = item.as_ref().map(|i| i.title.clone()).unwrap_or_default();
    let link = href(&ViewState {
        screen: Screen::Item(no),
        ..ViewState::default()
    });
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
                <a href=link lang="ja">{format!("No.{no} {title}")}</a>
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
                            <p class="hint">{move || (t.edited_at)(&drafts::format_jst(edited_at))}</p>
                            <Show when=is_stale>
                                <p class="stale-note">{t!(t, stale_note)}</p>
                                <ValueView label=t.base_label value=base.clone()/>
                            </Show>
                            <DiffView diff=diff.clone()/>
                            <DiscardField no path/>
                        </div>
                    }
                }
            </For>
            <ConfirmButton
                label=t.discard_item
                class="danger-outline"
                question=Signal::derive(move || (t.confirm_discard_item)(fields.with(|f| f.len())))
                on_confirm=Callback::new(move |()| store.discard_item(no))
            />
        </section>
    }
}

#[component]
fn DiscardField(no: u32, path: FieldPath) -> impl IntoView {
    let t = use_texts();
    let store = use_draft_store();
    view! {
        <ConfirmButton
            label=t.discard_field
            class="small"
            question=Signal::derive(move || (t.confirm_discard_field)(&(t.field_label)(path)))
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
