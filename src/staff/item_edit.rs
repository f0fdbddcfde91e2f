//! Staff mode: editing an item's draft, field by field, with autosave.

use std::time::Duration;

use leptos::prelude::*;
use model::drafts::{self, FieldPath, FieldValue, ValueKind};
use model::Item;

use crate::components::confirm::ConfirmButton;
use crate::i18n::staff::use_staff_texts;
use crate::i18n::use_page_texts;
use crate::storage::drafts::use_draft_store;

/// How long after the last keystroke a field is saved.
const AUTOSAVE_DELAY: Duration = Duration::from_millis(400);

/// Every field of `item` as an editor, shown in staff mode under the item.
#[component]
pub fn ItemEditor(item: Item) -> impl IntoView {
    let s = use_staff_texts();
    let store = use_draft_store();
    let no = item.no;
    let draft_count = move || store.drafts.with(|d| d.fields(no).count());
    let editors = FieldPath::all_for(&item)
        .into_iter()
        .map(|path| view! { <FieldEditor item=item.clone() path/> })
        .collect_view();
    view! {
        <section class="item-editor" aria-labelledby="editor-heading">
            <h3 id="editor-heading">{s.edit_heading}</h3>
            <p class="hint">{s.edit_note}</p>
            <SavedState/>
            {editors}
            <Show when=move || { draft_count() > 0 }>
                <ConfirmButton
                    label=s.discard_item
                    class="danger-outline"
                    question=Signal::derive(move || (s.confirm_discard_item)(draft_count()))
                    on_confirm=Callback::new(move |()| store.discard_item(no))
                />
            </Show>
        </section>
    }
}

/// 「下書き保存済み（時刻）」, announced politely.
#[component]
pub(super) fn SavedState() -> impl IntoView {
    let s = use_staff_texts();
    let store = use_draft_store();
    view! {
        <p class="saved-state" role="status">
            {move || store.saved_at.get().map(|at| (s.draft_saved)(&time_of_day(at)))}
        </p>
    }
}

/// One field: a textarea (lists: one entry per line), a text input (title),
/// or checkboxes (SDG goals). Saved shortly after typing stops, when the field
/// loses focus, and when the page is hidden or closed.
#[component]
pub(super) fn FieldEditor(item: Item, path: FieldPath) -> impl IntoView {
    let t = use_page_texts();
    let s = use_staff_texts();
    let store = use_draft_store();
    let no = item.no;
    let published = drafts::published(&item, path);
    let current_value = move || {
        store
            .drafts
            .with(|d| d.get(no, path).map(|f| f.value.clone()))
            .or_else(|| published.clone())
    };
    let has_draft = move || store.drafts.with(|d| d.get(no, path).is_some());
    let initial = current_value().map(|v| v.to_text()).unwrap_or_default();
    let (text, set_text) = signal(initial);
    let (error, set_error) = signal(None::<String>);
    let (pending, set_pending) = signal(false);
    let label = (t.field_label)(path);
    // Unique on a page that edits several items (the section report).
    let id = format!("edit-{no}-{}", path.to_string().replace('.', "-"));

    let save = move || {
        if !pending.get_untracked() {
            return;
        }
        set_pending.set(false);
        let result = FieldValue::from_text(path, &text.get_untracked())
            .and_then(|value| store.set(no, path, value));
        set_error.set(result.err().map(|e| (s.draft_error)(&e)));
    };
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let schedule = move || {
        set_pending.set(true);
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        timer.set_value(set_timeout_with_handle(save, AUTOSAVE_DELAY).ok());
    };
    // Closing or hiding the page must not lose the last keystrokes.
    let hide = window_event_listener_untyped("pagehide", move |_| save());
    let hidden = window_event_listener_untyped("visibilitychange", move |_| save());
    on_cleanup(move || {
        hide.remove();
        hidden.remove();
        if let Some(handle) = timer.try_get_value().flatten() {
            handle.clear();
        }
    });
    // The field's value changed elsewhere (a discard, an import, another
    // tab): show it, unless the text here already means the same (a line
    // being typed that the stored, cleaned value drops) or is being typed.
    let stored = Memo::new(move |_| current_value());
    Effect::new(move |_| {
        let value = stored.get();
        if pending.get_untracked() {
            return;
        }
        let shown = FieldValue::from_text(path, &text.get_untracked()).ok();
        if shown != value {
            set_text.set(value.map(|v| v.to_text()).unwrap_or_default());
            set_error.set(None);
        }
    });

    let on_input = move |ev| {
        set_text.set(event_target_value(&ev));
        schedule();
    };
    let control = match path.kind() {
        ValueKind::Goals => view! { <GoalPicker text set_text labelled_by=format!("{id}-label") schedule=Callback::new(move |()| { schedule(); save(); })/> }.into_any(),
        ValueKind::Text => view! {
            <input
                id=id.clone()
                type="text"
                prop:value=text
                on:input=on_input
                on:blur=move |_| save()
            />
        }
        .into_any(),
        ValueKind::Lines | ValueKind::OptionalLines => {
            let rows = text.with_untracked(|t| t.lines().count()).clamp(2, 12) as u32;
            view! {
                <textarea
                    id=id.clone()
                    rows=rows
                    lang="ja"
                    prop:value=text
                    on:input=on_input
                    on:blur=move |_| save()
                ></textarea>
            }
            .into_any()
        }
    };
    let discard_label = StoredValue::new(label.clone());
    view! {
        <div class="field-editor" class:has-draft=has_draft>
            <div class="field-editor-head">
                {if path.kind() == ValueKind::Goals {
                    view! { <span class="field-label" id=format!("{id}-label")>{label.clone()}</span> }.into_any()
                } else {
                    view! { <label class="field-label" for=id.clone()>{label.clone()}</label> }.into_any()
                }}
                <span class="draft-state" class:on=has_draft>
                    {move || if pending.get() { s.draft_pending } else if has_draft() { t.draft_badge } else { s.no_draft }}
                </span>
            </div>
            {control}
            <p class="field-error" role="alert">
                {move || error.get().map(|e| (s.draft_not_saved)(&e))}
            </p>
            <Show when=has_draft>
                <ConfirmButton
                    label=s.discard_field
                    class="small"
                    question=Signal::derive(move || discard_label.with_value(|label| (s.confirm_discard_field)(label)))
                    on_confirm=Callback::new(move |()| {
                        set_pending.set(false);
                        store.discard_field(no, path);
                    })
                />
            </Show>
        </div>
    }
}

/// The 17 goals as checkboxes; the draft is the list of checked numbers.
#[component]
fn GoalPicker(
    text: ReadSignal<String>,
    labelled_by: String,
    set_text: WriteSignal<String>,
    schedule: Callback<()>,
) -> impl IntoView {
    let t = use_page_texts();
    // Read once per change of the text, not once per checkbox.
    let goals = Memo::new(move |_| {
        text.with(|t| match FieldValue::from_text(FieldPath::SdgGoals, t) {
            Ok(FieldValue::Goals(goals)) => goals,
            _ => Vec::new(),
        })
    });
    let checked = move |n: u8| goals.with(|g| g.contains(&n));
    view! {
        <div class="goal-picker" role="group" aria-labelledby=labelled_by>
            {(1..=17u8)
                .map(|n| {
                    view! {
                        <label class=format!("goal-option sdg-{n}")>
                            <input
                                type="checkbox"
                                prop:checked=move || checked(n)
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let numbers: Vec<u8> = (1..=17)
                                        .filter(|&m| if m == n { on } else { checked(m) })
                                        .collect();
                                    set_text.set(FieldValue::Goals(numbers).to_text());
                                    schedule.run(());
                                }
                            />
                            <span class="sdg-number" aria-hidden="true">{n}</span>
                            <span>{t.sdg_goal_name(n)}</span>
                        </label>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// `HH:MM:SS` in Japan time, for the saved state.
fn time_of_day(unix_millis: u64) -> String {
    let formatted = drafts::format_jst(unix_millis);
    let seconds = (unix_millis / 1000) % 60;
    format!(
        "{}:{seconds:02}",
        formatted.rsplit(' ').next().unwrap_or(&formatted)
    )
}
