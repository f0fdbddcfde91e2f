//! A table with its caption in a box that scrolls sideways on a narrow
//! screen, as every table of figures on the site is shown.

use leptos::prelude::*;

/// The table, its caption and the scrolling box around them. The box is a
/// named region that takes focus, so someone on a keyboard can scroll it
/// (axe's `scrollable-region-focusable`); it is named after the table.
#[component]
pub fn DataTable(
    /// The caption's id, unique on the page.
    #[prop(into)]
    caption_id: String,
    /// What the table shows.
    caption: &'static str,
    /// The table's classes.
    #[prop(optional)]
    class: &'static str,
    /// The table's id, for scripts that sort it.
    #[prop(optional)]
    table_id: Option<&'static str>,
    /// Whether the caption is for screen readers only (a visible heading
    /// already says what the table is).
    #[prop(optional)]
    hidden_caption: bool,
    /// What names the scrolling box (ids), when more than the caption
    /// should: an item's table is named after the item too.
    #[prop(optional, into)]
    labelled_by: Option<String>,
    /// The header and the body (`thead`, `tbody`).
    children: Children,
) -> impl IntoView {
    let labelled_by = labelled_by.unwrap_or_else(|| caption_id.clone());
    view! {
        <div class="table-scroll" role="region" aria-labelledby=labelled_by tabindex="0">
            <table class=(!class.is_empty()).then_some(class) id=table_id>
                <caption id=caption_id class:visually-hidden=hidden_caption>{caption}</caption>
                {children()}
            </table>
        </div>
    }
}
