//! Text with the search terms marked.

use leptos::prelude::*;
use model::search::highlight;

use crate::data::{app_data, nfkc};

/// Renders `text`, wrapping the parts that match any of `terms` in `<mark>`.
#[component]
pub fn Highlighted(
    /// The text to show, as it is in the data.
    #[prop(into)]
    text: String,
    /// Folded search terms (`model::search::terms`).
    #[prop(into)]
    terms: Signal<Vec<String>>,
) -> impl IntoView {
    move || {
        terms.with(|terms| {
            highlight(&text, terms, nfkc, app_data().index.readings_for(terms))
                .into_iter()
                .map(|segment| {
                    if segment.hit {
                        view! { <mark>{segment.text}</mark> }.into_any()
                    } else {
                        segment.text.into_any()
                    }
                })
                .collect_view()
        })
    }
}
