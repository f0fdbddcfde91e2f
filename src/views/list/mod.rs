//! The list pages (the start page and the bookmarks): search, facets and the
//! matching items grouped like the document.
//!
//! The build writes the page with every item shown. In the browser it comes
//! alive as several islands, each hydrated in a task of its own so that no
//! task is long: the filters (`filters::ListFilters`), the results' head
//! ([`head::ListHead`]), one island per category of rows
//! ([`rows::CategoryRows`]) and the paged rows of a long or re-sorted list
//! ([`rows::PagedRows`]). They share one state, [`state::ListState`], provided
//! for the page before any of them is hydrated. From then on a search or a
//! filter changes only what it must: rows whose state flips, the counts, the
//! marks over the matched words.

mod head;
mod rows;
pub mod state;

use leptos::prelude::*;

use crate::components::page_tools::PageTools;
use crate::views::filters::ListFilters;

pub use state::ListMode;

/// The list page's screen: the filters beside the results.
#[component]
pub fn ListScreen() -> impl IntoView {
    view! {
        <div class="list-layout">
            <ListFilters/>
            <section class="results" aria-labelledby="results-heading">
                <head::ListHead/>
                <rows::ResultRows/>
                <PageTools/>
            </section>
        </div>
    }
}
