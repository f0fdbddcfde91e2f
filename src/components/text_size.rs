//! 「文字の大きさ」: 標準 / 大 / 特大, remembered on the device.

use leptos::prelude::*;

use crate::i18n::{use_texts, Texts};
use crate::t;
use model::stored::TextSize;

use crate::storage::use_user_data;

/// Picks a label out of the interface strings.
type Label = fn(&Texts) -> &'static str;

const SIZES: [(TextSize, &str, Label); 3] = [
    (TextSize::Normal, "normal", |t| t.text_size_normal),
    (TextSize::Large, "large", |t| t.text_size_large),
    (TextSize::ExtraLarge, "extralarge", |t| {
        t.text_size_extra_large
    }),
];

/// Three radio buttons; the choice scales every rem-based size via `<html>`.
#[component]
pub fn TextSizeControl() -> impl IntoView {
    let t = use_texts();
    let user = use_user_data();
    let current = move || user.settings.with(|s| s.text_size);
    // The root font size lives on <html>, outside the app's tree.
    Effect::new(move |_| {
        let name = SIZES
            .iter()
            .find(|(size, _, _)| *size == current())
            .map_or("normal", |(_, name, _)| name);
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("data-text-size", name);
        }
    });
    view! {
        <fieldset class="text-size">
            <legend>{t!(t, text_size)}</legend>
            {SIZES
                .into_iter()
                .map(|(size, name, label)| {
                    view! {
                        <label>
                            <input
                                type="radio"
                                name="text-size"
                                value=name
                                prop:checked=move || current() == size
                                on:change=move |_| user.update_settings(|s| s.text_size = size)
                            />
                            {move || label(t)}
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
