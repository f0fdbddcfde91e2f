//! 「文字の大きさ」: 標準 / 大 / 特大, remembered on the device.
//!
//! `boot.js` applies the stored size before the page is first painted (so a
//! reader who chose large text never sees the page reflow); this control
//! changes it.

use leptos::prelude::*;

use crate::i18n::{use_texts, Texts};
use crate::live::use_inert;
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

/// Three toggle buttons, one pressed; the choice scales every rem-based size
/// via `<html data-text-size>`. Buttons rather than radio buttons: the page
/// has this control twice (the phone menu and the tablet header), and radio
/// buttons of the same name would be one group.
#[island]
pub fn TextSizeControl() -> impl IntoView {
    let t = use_texts();
    let user = use_user_data();
    let inert = use_inert();
    let current = move || user.settings.with(|s| s.text_size);
    // The root font size lives on <html>, outside the islands.
    Effect::new(move |_| {
        let size = current();
        if !user.loaded.get() {
            return;
        }
        let name = SIZES
            .iter()
            .find(|(s, _, _)| *s == size)
            .map_or("normal", |(_, name, _)| name);
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("data-text-size", name);
        }
    });
    view! {
        <div class="text-size" role="group" aria-label=t!(t, text_size)>
            <span class="text-size-label" aria-hidden="true">{t!(t, text_size)}</span>
            {SIZES
                .into_iter()
                .map(|(size, _, label)| {
                    view! {
                        <button
                            type="button"
                            aria-pressed=move || (current() == size).to_string()
                            disabled=inert
                            on:click=move |_| user.update_settings(|s| s.text_size = size)
                        >
                            {label(t)}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
