//! Offline support in the page: an online/offline indicator and the
//! 「新しいバージョンがあります」 notice.
//!
//! The service worker is registered by `public/boot.js`; it tells the app about
//! a waiting version through the `ueda-reform:update-available` window event
//! (or the `data-update-available` attribute on `<html>` when the event came
//! before the app listened), and the app answers with `ueda-reform:apply-update`.

use leptos::ev;
use leptos::prelude::*;

use crate::i18n::use_texts;
use crate::t;

/// Says when the device is offline, and that everything still works.
#[component]
pub fn NetworkStatus() -> impl IntoView {
    let t = use_texts();
    // Pages are written as seen online; the device's state is read once the
    // page is live (a first render that differs from the page's HTML would
    // not hydrate).
    let (online, set_online) = signal(true);
    let live = crate::live::use_live();
    Effect::new(move |_| {
        if live.get() {
            set_online.set(window().navigator().on_line());
        }
    });
    let on = window_event_listener(ev::online, move |_| set_online.set(true));
    let off = window_event_listener(ev::offline, move |_| set_online.set(false));
    on_cleanup(move || {
        on.remove();
        off.remove();
    });
    view! {
        <div class="network-status" role="status">
            <Show when=move || !online.get()>
                <p class="offline-banner">
                    {t!(t, offline)}
                </p>
            </Show>
        </div>
    }
}

/// Offers to reload into a new version once the service worker has it ready.
#[component]
pub fn UpdateNotice() -> impl IntoView {
    let t = use_texts();
    let (available, set_available) = signal(false);
    // An update found before the page was live is on <html>.
    let live = crate::live::use_live();
    Effect::new(move |_| {
        let already = live.get()
            && document()
                .document_element()
                .and_then(|html| html.get_attribute("data-update-available"))
                .is_some();
        if already {
            set_available.set(true);
        }
    });
    let handle = window_event_listener_untyped("ueda-reform:update-available", move |_| {
        set_available.set(true)
    });
    on_cleanup(move || handle.remove());
    let (applying, set_applying) = signal(false);
    let apply = move |_| {
        set_applying.set(true);
        if let Ok(event) = web_sys::Event::new("ueda-reform:apply-update") {
            let _ = window().dispatch_event(&event);
        }
    };
    view! {
        <Show when=move || available.get()>
            <div class="notice notice-info update-notice" role="status">
                <p>
                    {t!(t, update_available)}
                </p>
                <button type="button" on:click=apply disabled=move || applying.get()>
                    {move || if applying.get() { t.updating } else { t.update_now }}
                </button>
            </div>
        </Show>
    }
}
