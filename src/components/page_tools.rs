//! Carrying the current view away: to a phone (QR code) or to paper.

use leptos::prelude::*;
use model::view_state::Screen;

use crate::components::qr::OpenOnPhone;
use crate::i18n::use_texts;
use crate::live::use_inert;
use crate::url::use_page;

/// 「スマートフォンで開く」 and a print button naming what gets printed; the
/// print layout is in the CSS.
#[island]
pub fn PageTools() -> impl IntoView {
    let t = use_texts();
    let inert = use_inert();
    let print_label = match use_page().screen {
        Screen::Item(_) => t.print_item,
        _ => t.print_list,
    };
    view! {
        <div class="list-tools">
            <OpenOnPhone/>
            <button
                type="button"
                class="print-button"
                disabled=inert
                on:click=|_| {
                    let _ = window().print();
                }
            >
                {print_label}
            </button>
        </div>
    }
}
