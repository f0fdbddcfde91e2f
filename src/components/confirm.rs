//! A destructive action that asks first, in place (no browser dialog).

use leptos::prelude::*;

use crate::i18n::use_page_texts;

/// A button that, when pressed, is replaced by a question with
/// 「破棄する」 and 「キャンセル」; only the first runs `on_confirm`.
#[component]
pub fn ConfirmButton(
    /// The button's text.
    label: &'static str,
    /// The question, saying exactly what will be lost.
    #[prop(into)]
    question: Signal<String>,
    /// Runs when the user confirms.
    on_confirm: Callback<()>,
    /// Extra class of the first button (`small`, `danger-outline`).
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let t = use_page_texts();
    let (asking, set_asking) = signal(false);
    view! {
        <Show
            when=move || asking.get()
            fallback=move || view! {
                <button type="button" class=class on:click=move |_| set_asking.set(true)>{label}</button>
            }
        >
            <div class="confirm" role="alertdialog" aria-label=label>
                <p>{move || question.get()}</p>
                <button
                    type="button"
                    class="danger"
                    on:click=move |_| {
                        set_asking.set(false);
                        on_confirm.run(());
                    }
                >
                    {t.discard}
                </button>
                <button type="button" on:click=move |_| set_asking.set(false)>{t.cancel}</button>
            </div>
        </Show>
    }
}
