//! 「概要」: the programme at a glance (being written).

use leptos::prelude::*;

/// The overview page.
#[component]
pub fn OverviewScreen() -> impl IntoView {
    view! { <h2>"概要"</h2> }
}
