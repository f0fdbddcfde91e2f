//! A field's paragraphs or bullets, or a plain statement that the source has none.

use leptos::prelude::*;

use crate::i18n::use_texts;
use crate::t;

use crate::components::highlight::Highlighted;

/// One paragraph as `<p>`, several as a list; an empty field says so instead
/// of showing nothing, so readers know the source cell was empty.
#[component]
pub fn TextList(
    /// The field's entries, in source order.
    entries: Vec<String>,
    /// Folded search terms to mark.
    #[prop(into)]
    terms: Signal<Vec<String>>,
) -> impl IntoView {
    let t = use_texts();
    match entries.len() {
        0 => view! { <p class="empty-cell">{t!(t, empty_cell)}</p> }.into_any(),
        1 => {
            let text = entries.into_iter().next().unwrap_or_default();
            view! { <p lang="ja"><Highlighted text terms/></p> }.into_any()
        }
        _ => view! {
            <ul class="text-list" lang="ja">
                {entries
                    .into_iter()
                    .map(|text| view! { <li><Highlighted text terms/></li> })
                    .collect_view()}
            </ul>
        }
        .into_any(),
    }
}
