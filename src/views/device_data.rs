//! What this device keeps: kiosk mode and staff mode, and 「この端末のデータを
//! 消去」 for shared tablets.

use leptos::prelude::*;

use crate::i18n::use_texts;
use crate::t;

use crate::live::use_inert;
use crate::storage::use_user_data;

/// The device's modes, and clearing what this app stored on the device,
/// after saying what would be lost.
#[island]
pub fn DeviceData() -> impl IntoView {
    let t = use_texts();
    let user = use_user_data();
    let inert = use_inert();
    let (confirming, set_confirming) = signal(None::<crate::storage::DeviceSummary>);
    let (done, set_done) = signal(false);
    view! {
        <section class="device-data" aria-labelledby="device-data-heading">
            <h2 id="device-data-heading">{t!(t, device_data)}</h2>
            <p>{t!(t, device_data_note)}</p>
            <label class="kiosk-setting">
                <input
                    type="checkbox"
                    prop:checked=move || user.settings.with(|s| s.kiosk)
                    disabled=inert
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        user.update_settings(|s| s.kiosk = on);
                    }
                />
                {t!(t, kiosk_setting)}
            </label>
            <StaffModeSwitch/>
            <Show
                when=move || confirming.get().is_some()
                fallback=move || view! {
                    <button
                        type="button"
                        disabled=inert
                        on:click=move |_| {
                            set_done.set(false);
                            set_confirming.set(Some(user.device_summary()));
                        }
                    >
                        {t!(t, clear_device_data)}
                    </button>
                    <span role="status">{move || done.get().then_some(t.device_data_cleared)}</span>
                }
            >
                <div class="confirm" role="alertdialog" aria-labelledby="confirm-text">
                    <p id="confirm-text">
                        {move || {
                            let summary = confirming.get().unwrap_or_default();
                            (t.confirm_clear)(summary.bookmarks, summary.drafts, summary.backups)
                        }}
                    </p>
                    <button
                        type="button"
                        class="danger"
                        on:click=move |_| {
                            user.clear_device_data();
                            set_confirming.set(None);
                            set_done.set(true);
                        }
                    >
                        {t!(t, clear)}
                    </button>
                    <button type="button" on:click=move |_| set_confirming.set(None)>{t!(t, cancel)}</button>
                </div>
            </Show>
        </section>
    }
}

/// 「職員モード」: staff know where it is; it is not in the citizens' way
/// (not in the header), and shared kiosks have none.
#[component]
fn StaffModeSwitch() -> impl IntoView {
    let t = use_texts();
    let user = use_user_data();
    let inert = use_inert();
    let on = move || user.settings.with(|s| s.staff_mode);
    view! {
        <Show when=move || !user.settings.with(|s| s.kiosk)>
            <button
                type="button"
                class="staff-switch"
                aria-pressed=move || on().to_string()
                disabled=inert
                on:click=move |_| user.update_settings(|s| s.staff_mode = !s.staff_mode)
            >
                {t!(t, staff_mode)}
            </button>
        </Show>
    }
}
