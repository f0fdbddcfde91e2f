//! What every printout carries: when it was printed, which edition it
//! shows, and where the current version is (shown only in print).

use leptos::prelude::*;

use crate::i18n::use_texts;
use crate::t;
use crate::url::{absolute_href, use_view_state};

/// The print-only note under the page header. The date is today's, read
/// again just before printing (a tablet stays open for days); the address is
/// the one that reopens exactly this view.
#[component]
pub fn PrintNote() -> impl IntoView {
    let t = use_texts();
    let state = use_view_state();
    let (today, set_today) = signal(today());
    #[cfg(not(feature = "ssr"))]
    {
        let handle = window_event_listener(leptos::ev::beforeprint, move |_| {
            set_today.set(self::today())
        });
        on_cleanup(move || handle.remove());
    }
    #[cfg(feature = "ssr")]
    let _ = set_today;
    view! {
        <div class="print-note">
            <p>
                {move || today.get().map(|(y, m, d)| (t.printed_on)(y, m, d))}
                " "
                {t!(t, edition_label)}
                {t!(t, status_as_of)}
            </p>
            <p>
                {t!(t, page_address)}
                <span class="print-address">{move || absolute_href(&state.get())}</span>
            </p>
            <p>{t!(t, latest_on_web)}</p>
        </div>
    }
}

/// Today's date in the browser's time zone; unknown when prerendering.
fn today() -> Option<(i32, u32, u32)> {
    #[cfg(not(feature = "ssr"))]
    {
        let now = js_sys::Date::new_0();
        Some((
            now.get_full_year() as i32,
            now.get_month() + 1,
            now.get_date(),
        ))
    }
    #[cfg(feature = "ssr")]
    None
}
