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
    // Focus follows a change of screen, but not the first one: a page opened
    // from a link starts at the top like any other page.
    let previous = StoredValue::new(None::<Screen>);
    move || {
        let current = screen.get();
        let came_from = previous.get_value();
        previous.set_value(Some(current));
        match current {
            Screen::Item(no) => {
                view! { <ItemScreen no focus_heading=came_from.is_some()/> }.into_any()
            }
            _ => {
                // Back from an item: land on that item's row, not at the top.
                let return_to = match came_from {
                    Some(Screen::Item(no)) => Some(no),
                    _ => None,
                };
                view! { <ListScreen return_to/> }.into_any()
            }
        }
    }
}
