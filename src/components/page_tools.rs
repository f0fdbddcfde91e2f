//! Carrying the current view away: to a phone (QR code) or to paper.

use leptos::prelude::*;

use crate::components::qr::OpenOnPhone;

/// 「スマートフォンで開く」 and a print button; the print layout is in the CSS.
#[component]
pub fn PageTools(
    /// The print button's text, naming what gets printed.
    print_label: &'static str,
) -> impl IntoView {
    view! {
        <div class="list-tools">
            <OpenOnPhone/>
            <button type="button" class="print-button" on:click=|_| { let _ = window().print(); }>
                {print_label}
            </button>
        </div>
    }
}
