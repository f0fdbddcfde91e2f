//! What every island of a page shares: the view state, the user's data, the
//! notices, the staff tools' services, and whether the page is live yet.
//! Provided once per page, on the page's root owner (at build time, the
//! render's; in the browser, the one every island is hydrated under).

#[cfg(not(feature = "ssr"))]
use leptos::prelude::*;
use model::view_state::{Screen, ViewState};

use crate::live::Live;
use crate::notices::Notices;
use crate::storage::provide_user_data;
use crate::url::provide_view_state;

/// Provides every service for a page at `state` (its page as written: the
/// browser starts from it too, so the islands' first render is the page's
/// HTML).
pub fn provide(state: ViewState) {
    let screen = state.screen;
    let notices = Notices::provide();
    let user = provide_user_data(notices);
    provide_view_state(state);
    Live::provide();
    crate::staff::provide_staff_services(user, notices);
    if matches!(screen, Screen::List | Screen::Bookmarks) {
        crate::views::list::state::provide_list_state();
    }
    #[cfg(not(feature = "ssr"))]
    ROOT.with(|root| *root.borrow_mut() = Owner::current());
}

#[cfg(not(feature = "ssr"))]
thread_local! {
    /// The page's root owner, for work started from outside the reactive
    /// system (`boot.js` calling [`crate::islands_hydrated`]).
    static ROOT: std::cell::RefCell<Option<Owner>> = const { std::cell::RefCell::new(None) };
}

/// Brings the hydrated page to life: it follows its address (a search or a
/// filter in the link), the stored bookmarks and settings are read, a
/// kiosk switch in the address is applied, and the controls are enabled.
/// The search index is built when it is first needed: a search in the
/// address, or the search box's first focus (see `views::filters`).
#[cfg(not(feature = "ssr"))]
pub fn start() {
    let Some(root) = ROOT.with(|root| root.borrow().clone()) else {
        return;
    };
    root.with(|| {
        crate::url::follow_address();
        go_live();
    });
    // Says the page is live (the benchmark and the end-to-end tests wait for it).
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("data-app", "ready");
    }
}

/// The part of [`start`] that does not depend on the page's address: the
/// stored data read, a kiosk switch applied, the controls enabled. Under
/// the page's root owner (the browser tests call it after mounting a page).
#[cfg(not(feature = "ssr"))]
pub fn go_live() {
    let user = crate::storage::use_user_data();
    user.load_stored();
    if let Some(on) = crate::url::kiosk_switch() {
        if user.settings.with_untracked(|s| s.kiosk) != on {
            user.update_settings(|s| s.kiosk = on);
        }
    }
    Live::go();
}
