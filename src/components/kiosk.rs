//! Kiosk mode for shared tablets: after a few minutes without input the app
//! returns to the start page (Japanese, nothing searched) in the default text
//! size, and the visitor's bookmarks go with them unless they chose to keep
//! them on the device. `?kiosk=1` in an address turns it on (see
//! `services::start`).

use std::time::Duration;

use leptos::prelude::*;

use crate::i18n::use_texts;
use crate::t;
use model::stored::{Language, TextSize};
use model::view_state::ViewState;

use crate::storage::use_user_data;
use crate::url::use_view_state;

/// Input that counts as someone using the tablet.
const ACTIVITY: [&str; 5] = ["pointerdown", "keydown", "input", "wheel", "touchstart"];

/// Runs the idle timer and shows the kiosk banner while kiosk mode is on.
#[component]
pub fn Kiosk() -> impl IntoView {
    let t = use_texts();
    let user = use_user_data();
    let state = use_view_state();
    let active = move || user.settings.with(|s| s.kiosk);
    let keep = move || user.settings.with(|s| s.kiosk_keep_bookmarks);
    let idle_seconds = move || user.settings.with(|s| s.kiosk_idle_seconds());

    let reset = move || {
        if !user.settings.with_untracked(|s| s.kiosk_keep_bookmarks) {
            user.clear_bookmarks();
        }
        // The next visitor starts from the defaults, not the last one's choices.
        let chosen_by_visitor = user.settings.with_untracked(|s| {
            s.language != Language::default() || s.text_size != TextSize::default()
        });
        if chosen_by_visitor {
            user.update_settings(|s| {
                s.language = Language::default();
                s.text_size = TextSize::default();
            });
        }
        // The start page, from wherever the visitor left the tablet.
        if state.with_untracked(|s| *s != ViewState::default()) {
            crate::url::open_start_page();
        } else {
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    };
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let arm = move || {
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        let seconds = user
            .settings
            .with_untracked(|s| s.kiosk.then(|| s.kiosk_idle_seconds()));
        let handle = seconds.and_then(|seconds| {
            set_timeout_with_handle(reset, Duration::from_secs(u64::from(seconds))).ok()
        });
        timer.set_value(handle);
    };
    let listeners: Vec<_> = ACTIVITY
        .iter()
        .map(|name| window_event_listener_untyped(name, move |_| arm()))
        .collect();
    on_cleanup(move || {
        for listener in listeners {
            listener.remove();
        }
        if let Some(handle) = timer.try_get_value().flatten() {
            handle.clear();
        }
    });
    // (Re)start the timer whenever kiosk mode or its timeout changes.
    Effect::new(move |_| {
        active();
        idle_seconds();
        arm();
    });

    view! {
        <Show when=active>
            <aside class="kiosk-banner" aria-label=t!(t, kiosk)>
                <p>
                    {move || (t.kiosk_banner)(idle_seconds().div_ceil(60), keep())}
                </p>
                <label>
                    <input
                        type="checkbox"
                        prop:checked=keep
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            user.update_settings(|s| s.kiosk_keep_bookmarks = on);
                        }
                    />
                    {t!(t, kiosk_keep_bookmarks)}
                </label>
            </aside>
        </Show>
    }
}
