//! The top-level component: router, page layout and the screen switch.

use leptos::prelude::*;
use leptos_router::components::Router;
use model::view_state::Screen;

use crate::components::kiosk::Kiosk;
use crate::components::print_note::PrintNote;
use crate::i18n::{provide_language, use_language};
use crate::notices::{NoticeArea, Notices};
use crate::staff::{
    provide_staff_services, CompileScreenSlot, DraftsScreenSlot, StaffBanner, WorkbenchSlot,
};
use crate::storage::provide_user_data;
use crate::url::{provide_view_state, use_view_state};
use crate::views::about::AboutScreen;
use crate::views::accessibility::AccessibilityScreen;
use crate::views::device_data::DeviceData;
use crate::views::item::ItemScreen;
use crate::views::layout::{SiteFooter, SiteHeader, SkipLink};
use crate::views::list::{ListMode, ListScreen};
use crate::views::overview::OverviewScreen;

/// The whole app. There are no path routes: all view state lives in the query
/// string, so the same `dist/` works at `/` and under any sub-path.
#[component]
pub fn App() -> impl IntoView {
    let notices = Notices::provide();
    let user = provide_user_data(notices);
    provide_staff_services(user, notices);
    provide_language(Signal::derive(move || user.settings.with(|s| s.language)));
    view! {
        <Router>
            <Frame/>
        </Router>
    }
}

/// The page frame around the screen, inside the router.
#[component]
fn Frame() -> impl IntoView {
    provide_view_state();
    // Interface strings are plain text read once per render, so a change of
    // language renders the page anew (all state is in the URL and storage).
    let language = use_language();
    let language = Memo::new(move |_| language.get());
    view! {
            {move || {
                // Read (not just track) the memo: a memo that was never read
                // has no sources yet and would never notify.
                let _ = language.get();
                view! {
                    <SkipLink/>
                    <SiteHeader/>
                    <Kiosk/>
                    <StaffBanner/>
                    <NoticeArea/>
                    <PrintNote/>
                    <main id="main" tabindex="-1">
                        <Screens/>
                    </main>
                    <SiteFooter>
                        <DeviceData/>
                    </SiteFooter>
                }
            }}
    }
}

/// What decides the screen: a shared bookmarks link, or the `item`/`view` keys.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Shown {
    Item(u32),
    List(ListMode),
    Overview,
    About,
    Accessibility,
    Drafts,
    Workbench,
    Compile,
}

/// Shows the screen named by the URL. Only a change of screen re-renders it;
/// filter and search changes update the screen in place.
#[component]
fn Screens() -> impl IntoView {
    let state = use_view_state();
    let shown = Memo::new(move |_| {
        state.with(|s| match (&s.shared_bookmarks, s.screen) {
            (_, Screen::Item(no)) => Shown::Item(no),
            (Some(items), _) => Shown::List(ListMode::Shared(items.clone())),
            (None, Screen::Bookmarks) => Shown::List(ListMode::Bookmarks),
            (None, Screen::Overview) => Shown::Overview,
            (None, Screen::About) => Shown::About,
            (None, Screen::Accessibility) => Shown::Accessibility,
            (None, Screen::Drafts) => Shown::Drafts,
            (None, Screen::Workbench) => Shown::Workbench,
            (None, Screen::Compile) => Shown::Compile,
            (None, _) => Shown::List(ListMode::All),
        })
    });
    // The tab's title names the page, as the prerendered pages' titles do.
    let t = crate::i18n::use_texts();
    Effect::new(move |_| {
        let item = match shown.get() {
            Shown::Item(no) => crate::data::app_data().dataset.item(no),
            _ => None,
        };
        document().set_title(&(t.document_title)(item.map(|i| (i.no, i.title.as_str()))));
    });
    // Focus follows a change of screen, but not the first one: a page opened
    // from a link starts at the top like any other page.
    let previous = StoredValue::new(None::<Shown>);
    move || {
        let current = shown.get();
        let came_from = previous.get_value();
        previous.set_value(Some(current.clone()));
        if matches!(
            current,
            Shown::Overview
                | Shown::About
                | Shown::Accessibility
                | Shown::Drafts
                | Shown::Workbench
                | Shown::Compile
        ) && (came_from.is_some() || fragment_named())
        {
            focus_main_heading();
        }
        match current {
            Shown::Item(no) => {
                view! { <ItemScreen no focus_heading=came_from.is_some()/> }.into_any()
            }
            Shown::Overview => view! { <OverviewScreen/> }.into_any(),
            Shown::About => view! { <AboutScreen/> }.into_any(),
            Shown::Accessibility => view! { <AccessibilityScreen/> }.into_any(),
            Shown::Drafts => view! { <DraftsScreenSlot/> }.into_any(),
            Shown::Workbench => view! { <WorkbenchSlot/> }.into_any(),
            Shown::Compile => view! { <CompileScreenSlot/> }.into_any(),
            Shown::List(mode) => {
                // Back from an item: land on that item's row, not at the top.
                let return_to = match came_from {
                    Some(Shown::Item(no)) => Some(no),
                    _ => None,
                };
                view! { <ListScreen mode return_to/> }.into_any()
            }
        }
    }
}

/// Moves focus to the new screen's heading once it is in the DOM, so keyboard
/// and screen-reader users start reading there (and hear its name).
fn focus_main_heading() {
    request_animation_frame(|| {
        // A link to a part of a page (`?view=about#open-data`) lands there:
        // the browser cannot, as the part did not exist when the page loaded.
        let heading =
            fragment_target().or_else(|| document().query_selector("main h2").ok().flatten());
        if let Some(heading) = heading {
            let heading: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(heading);
            let _ = heading.set_attribute("tabindex", "-1");
            let _ = heading.focus();
            heading.scroll_into_view();
        }
    });
}

/// Whether the address names a part of the page (`#open-data`).
fn fragment_named() -> bool {
    window().location().hash().is_ok_and(|h| h.len() > 1)
}

/// The heading inside the element the address's fragment names, if any.
fn fragment_target() -> Option<web_sys::Element> {
    let hash = window().location().hash().ok()?;
    let id = hash.strip_prefix('#').filter(|id| !id.is_empty())?;
    let target = document().get_element_by_id(id)?;
    target
        .query_selector("h2, h3")
        .ok()
        .flatten()
        .or(Some(target))
}
