//! A field's paragraphs or bullets, or a plain statement that the source has none.

use leptos::prelude::*;

use crate::i18n::use_page_texts;
use crate::t;

/// One paragraph as `<p>`, several as a list; an empty field says so instead
/// of showing nothing, so readers know the source cell was empty.
#[component]
pub fn TextList(
    /// The field's entries, in source order. Search terms are marked over
    /// them (`components::highlight`).
    entries: Vec<String>,
) -> impl IntoView {
    let t = use_page_texts();
    match entries.len() {
        0 => view! { <p class="empty-cell">{t!(t, empty_cell)}</p> }.into_any(),
        1 => {
            let text = entries.into_iter().next().unwrap_or_default();
            view! { <p lang="ja" data-highlight="">{text}</p> }.into_any()
        }
        _ => view! {
            <ul class="text-list" lang="ja" data-highlight="">
                {entries
                    .into_iter()
                    .map(|text| view! { <li>{text}</li> })
                    .collect_view()}
            </ul>
        }
        .into_any(),
    }
}
