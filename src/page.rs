//! One page of the site: the frame every page shares (header, notices,
//! footer) around its screen. The build renders it once per page and
//! language (`prerender`); in the browser only its islands come alive.

use leptos::prelude::*;
use model::view_state::Screen;

use crate::components::print_note::PrintNote;
use crate::components::status_area::StatusArea;
use crate::staff::{StaffBanner, StaffScreenSlot};
use crate::url::use_page;
use crate::views::about::AboutScreen;
use crate::views::accessibility::AccessibilityScreen;
use crate::views::changes::ChangesScreen;
use crate::views::item::ItemScreen;
use crate::views::layout::{SiteFooter, SiteHeader, SkipLink};
use crate::views::list::ListScreen;
use crate::views::overview::OverviewScreen;

/// The whole page of the current view state's screen.
#[component]
pub fn Page() -> impl IntoView {
    view! {
        <SkipLink/>
        <SiteHeader/>
        <StaffBanner/>
        <StatusArea/>
        <PrintNote/>
        <main id="main" tabindex="-1">
            <ScreenOfPage/>
        </main>
        <SiteFooter/>
    }
}

/// The page's screen. A page shows one screen: another screen is another page.
#[component]
fn ScreenOfPage() -> impl IntoView {
    match use_page().screen {
        Screen::List | Screen::Bookmarks => view! { <ListScreen/> }.into_any(),
        Screen::Item(no) => view! { <ItemScreen no/> }.into_any(),
        Screen::Overview => view! { <OverviewScreen/> }.into_any(),
        Screen::About => view! { <AboutScreen/> }.into_any(),
        Screen::Accessibility => view! { <AccessibilityScreen/> }.into_any(),
        Screen::Changes => view! { <ChangesScreen/> }.into_any(),
        Screen::Drafts | Screen::Workbench | Screen::Compile => {
            view! { <StaffScreenSlot/> }.into_any()
        }
    }
}
