//! The top-level component: router, page layout and the screen switch.

use leptos::prelude::*;
use leptos_router::components::Router;
use model::view_state::Screen;

use crate::url::use_view_state;
use crate::views::item::ItemScreen;
use crate::views::layout::{SiteFooter, SiteHeader, SkipLink};
use crate::views::list::ListScreen;

/// The whole app. There are no path routes: all view state lives in the query
/// string, so the same `dist/` works at `/` and under any sub-path.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <SkipLink/>
            <SiteHeader/>
            <main id="main" tabindex="-1">
                <Screens/>
            </main>
            <SiteFooter/>
        </Router>
    }
}

/// Shows the screen named by the URL. Only a change of screen re-renders it;
/// filter and search changes update the screen in place.
#[component]
fn Screens() -> impl IntoView {
    let state = use_view_state();
    let screen = Memo::new(move |_| state.with(|s| s.screen));
    move || match screen.get() {
        Screen::Item(no) => view! { <ItemScreen no/> }.into_any(),
        _ => view! { <ListScreen/> }.into_any(),
    }
}
