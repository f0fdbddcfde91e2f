//! 「この端末のデータを消去」, for shared tablets.

use leptos::prelude::*;

use crate::storage::use_user_data;

/// Clears what this app stored on the device, after saying what would be lost.
#[component]
pub fn DeviceData() -> impl IntoView {
    let user = use_user_data();
    let (confirming, set_confirming) = signal(None::<crate::storage::DeviceSummary>);
    let (done, set_done) = signal(false);
    view! {
        <section class="device-data" aria-labelledby="device-data-heading">
            <h2 id="device-data-heading">"この端末に保存されたデータ"</h2>
            <p>
                "ブックマークはこの端末のこのブラウザにだけ保存され、サーバーには送られません。"
                "共用の端末では、使い終わったら消去してください。"
            </p>
            <label class="kiosk-setting">
                <input
                    type="checkbox"
                    prop:checked=move || user.settings.with(|s| s.kiosk)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        user.update_settings(|s| s.kiosk = on);
                    }
                />
                "共用端末モード（しばらく操作がないと最初の画面に戻ります）"
            </label>
            <Show
                when=move || confirming.get().is_some()
                fallback=move || view! {
                    <button
                        type="button"
                        on:click=move |_| {
                            set_done.set(false);
                            set_confirming.set(Some(user.device_summary()));
                        }
                    >
                        "この端末のデータを消去"
                    </button>
                    <span role="status">{move || done.get().then_some("この端末のデータを消去しました。")}</span>
                }
            >
                <div class="confirm" role="alertdialog" aria-labelledby="confirm-text">
                    <p id="confirm-text">
                        {move || {
                            let summary = confirming.get().unwrap_or_default();
                            format!(
                                "ブックマーク{}件、下書き{}件、読み込めなかったデータの控え{}件を消去します。元に戻せません。消去しますか？",
                                summary.bookmarks, summary.drafts, summary.backups
                            )
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
                        "消去する"
                    </button>
                    <button type="button" on:click=move |_| set_confirming.set(None)>"キャンセル"</button>
                </div>
            </Show>
        </section>
    }
}
