//! What every printout carries: when it was printed, which edition it
//! shows, and where the current version is (shown only in print).

use leptos::prelude::*;

use crate::data::edition_label;
use crate::i18n::{use_page_texts, use_texts};
use crate::live::use_live;
use crate::t;
use crate::url::{absolute_href, use_view_state};

/// The print-only note under the page header. The edition is the build's;
/// the date and the address are known in the browser only (islands).
#[component]
pub fn PrintNote() -> impl IntoView {
    let t = use_page_texts();
    view! {
        <div class="print-note">
            <p>
                <PrintedOn/>
                {t!(t, edition_label)}
                {(t.status_as_of)(edition_label())}
            </p>
            <PrintAddress/>
            <p>{t!(t, latest_on_web)}</p>
        </div>
    }
}

/// 「印刷日：…」: today's date, read again just before printing (a tablet
/// stays open for days), once the page is live.
#[island]
fn PrintedOn() -> impl IntoView {
    let t = use_texts();
    let live = use_live();
    let (today, set_today) = signal(None::<(i32, u32, u32)>);
    Effect::new(move |_| {
        if live.get() {
            set_today.set(self::today());
        }
    });
    #[cfg(not(feature = "ssr"))]
    {
        let handle = window_event_listener(leptos::ev::beforeprint, move |_| {
            set_today.set(self::today())
        });
        on_cleanup(move || handle.remove());
    }
    view! {
        <Show when=move || today.get().is_some()>
            {move || today.get().map(|(y, m, d)| (t.printed_on)(y, m, d))}
            " "
        </Show>
    }
}

/// The address that reopens exactly this view, once the page is live.
#[island]
fn PrintAddress() -> impl IntoView {
    let t = use_texts();
    let state = use_view_state();
    let live = use_live();
    view! {
        <Show when=move || live.get()>
            <p>
                {t!(t, page_address)}
                <span class="print-address">{move || absolute_href(&state.get())}</span>
            </p>
        </Show>
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
