//! 「文字の大きさ」: 標準 / 大 / 特大, remembered on the device.

use leptos::prelude::*;
use model::stored::TextSize;

use crate::storage::use_user_data;

const SIZES: [(TextSize, &str, &str); 3] = [
    (TextSize::Normal, "normal", "標準"),
    (TextSize::Large, "large", "大"),
    (TextSize::ExtraLarge, "extralarge", "特大"),
];

/// Three radio buttons; the choice scales every rem-based size via `<html>`.
#[component]
pub fn TextSizeControl() -> impl IntoView {
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
            <legend>"文字の大きさ"</legend>
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
                            {label}
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
