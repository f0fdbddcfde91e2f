//! Importing a file of drafts: the app's JSON, or a section's report as a
//! workbook or CSV after Excel saved it (UTF-8 with or without a BOM, or
//! Shift_JIS, as Japanese Excel writes CSV by default).

use leptos::prelude::*;
use model::drafts::{self, Choice, Drafts, FieldValue, ImportChoices, ImportError, ImportPreview};

use crate::data::app_data;
use crate::i18n::staff::use_staff_texts;
use crate::i18n::use_page_texts;
use crate::storage::drafts::use_draft_store;
use crate::t;

/// What the file chooser offers.
const ACCEPTED: &str = ".json,.xlsx,.csv,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A chosen or dropped file's bytes: refused unread when larger than the
/// import limit (a huge file is never read into memory), and
/// [`ImportError::Unreadable`] when the browser cannot read it.
pub(super) async fn chosen_file_bytes(file: &web_sys::File) -> Result<Vec<u8>, ImportError> {
    let size = file.size() as usize;
    if size > drafts::MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge(size));
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| ImportError::Unreadable)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The file compared with this device's drafts, read as what its bytes are
/// (JSON, workbook or CSV), whatever its name says.
pub(super) fn read_file(bytes: &[u8], existing: &Drafts) -> Result<ImportPreview, ImportError> {
    let now = js_sys::Date::now() as u64;
    drafts::read_file(bytes, &app_data().dataset, existing, now, &shift_jis)
}

/// Text that is not UTF-8, as Shift_JIS, decoded by the browser's
/// `TextDecoder` (which knows the Windows variant Excel writes), so no
/// decoding tables ship in the app.
fn shift_jis(bytes: &[u8]) -> Option<String> {
    web_sys::TextDecoder::new_with_label("shift_jis")
        .ok()?
        .decode_with_u8_array(bytes)
        .ok()
}

/// Import a file exported by the app (JSON, or a section's workbook or CSV,
/// possibly edited and saved by Excel): validate, preview, resolve
/// conflicts, apply. Nothing is stored until the user applies the preview.
#[component]
pub fn ImportTool() -> impl IntoView {
    let t = use_page_texts();
    let s = use_staff_texts();
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
        leptos::task::spawn_local(async move {
            let result = match chosen_file_bytes(&file).await {
                Ok(bytes) => store.drafts.with_untracked(|d| read_file(&bytes, d)),
                Err(error) => Err(error),
            };
            match result {
                Ok(found) => {
                    set_choices.set(ImportChoices::new());
                    set_preview.set(Some(found));
                }
                Err(error) => {
                    set_preview.set(None);
                    set_message.set(Some((true, (s.import_failed)(&(s.import_error)(&error)))));
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
                    (s.import_done)(summary.added, summary.replaced, summary.kept),
                )));
            }
            Err(_) => set_message.set(Some((true, s.import_unresolved.to_string()))),
        }
    };
    view! {
        <div class="import-tool">
            <label id="import-label" class="file-label">
                {s.import_label}
                <input type="file" accept=ACCEPTED node_ref=input_ref on:change=on_file/>
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
                        <h3 id="import-preview-heading">{s.import_preview_heading}</h3>
                        <p>{move || (s.import_preview_summary)(changes.len(), conflicts)}</p>
                        {found.dataset_version_differs.then(|| view! { <p class="hint">{s.import_version_differs}</p> })}
                        <ul class="import-changes">
                            {found.changes.iter().map(|change| {
                                let (item, path) = (change.item, change.path);
                                let title = app_data().dataset.item(item).map(|i| i.title.clone()).unwrap_or_default();
                                let name = format!("import-{item}-{path}");
                                view! {
                                    <li class:conflict=change.conflict>
                                        <p class="import-change-head" lang="ja">
                                            {(t.item_name)(item, &title)}
                                        </p>
                                        <p class="import-change-field">
                                            {(t.field_label)(path)}
                                        </p>
                                        <ValueView label=s.incoming_label value=change.incoming.clone()/>
                                        {change.current_draft.clone().filter(|_| change.conflict).map(|mine| view! {
                                            <ValueView label=s.draft_label value=mine/>
                                            <fieldset class="choice">
                                                <legend class="visually-hidden">{(t.item_name)(item, &(t.field_label)(path))}</legend>
                                                <label>
                                                    <input type="radio" name=name.clone() on:change=move |_| set_choices.update(|c| c.choose(item, path, Choice::KeepMine))/>
                                                    {s.keep_mine}
                                                </label>
                                                <label>
                                                    <input type="radio" name=name.clone() on:change=move |_| set_choices.update(|c| c.choose(item, path, Choice::TakeTheirs))/>
                                                    {s.take_theirs}
                                                </label>
                                            </fieldset>
                                        })}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                        <button type="button" class="primary" on:click=apply>{s.apply_import}</button>
                        <button type="button" on:click=move |_| set_preview.set(None)>{t!(t, cancel)}</button>
                    </div>
                }
            })}
        </div>
    }
}

/// A value as text: lists one entry per line.
#[component]
pub fn ValueView(#[prop(into)] label: String, value: FieldValue) -> impl IntoView {
    let s = use_staff_texts();
    let entries = value.entries();
    view! {
        <div class="value-view">
            <span class="value-label">{label}</span>
            {if entries.is_empty() {
                view! { <p class="empty-cell">{s.empty_value}</p> }.into_any()
            } else {
                view! { <ul lang="ja">{entries.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul> }.into_any()
            }}
        </div>
    }
}
