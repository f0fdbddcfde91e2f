//! 「スマートフォンで開く」: the current URL as a QR code, made in the app.
//!
//! Community-centre tablets are shared; a citizen scans the code to carry what
//! they found to their own phone. Nothing is sent anywhere: the code is drawn
//! from `qrcode`'s module matrix as one SVG path.

use leptos::prelude::*;

use crate::i18n::use_texts;
use crate::t;
use qrcode::{Color, EcLevel, QrCode};

/// A QR symbol as an SVG path: `width` modules square, plus the path data of
/// the dark modules (one `h1v1h-1z` square per module, merged per row run).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrPath {
    pub width: usize,
    pub path: String,
}

/// Encodes `text` (medium error correction); None if it is too long for a QR code.
pub fn qr_path(text: &str) -> Option<QrPath> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    let mut path = String::new();
    for y in 0..width {
        let row = &colors[y * width..(y + 1) * width];
        let mut x = 0;
        while x < width {
            if row[x] == Color::Dark {
                let start = x;
                while x < width && row[x] == Color::Dark {
                    x += 1;
                }
                path.push_str(&format!("M{start} {y}h{}v1h-{}z", x - start, x - start));
            } else {
                x += 1;
            }
        }
    }
    Some(QrPath { width, path })
}

/// A button that shows the current page's address as a QR code, with the
/// address as text and a copy button beside it.
#[component]
pub fn OpenOnPhone() -> impl IntoView {
    let t = use_texts();
    let (open, set_open) = signal(false);
    let url = crate::url::use_current_address();
    let inert = crate::live::use_inert();
    view! {
        <div class="open-on-phone">
            <button
                type="button"
                aria-expanded=move || open.get().to_string()
                aria-controls="qr-panel"
                disabled=inert
                on:click=move |_| set_open.update(|o| *o = !*o)
            >
                {t!(t, open_on_phone)}
            </button>
            <Show when=move || open.get()>
                <div id="qr-panel" class="qr-panel" role="group" aria-label=t!(t, page_qr)>
                    <QrLink url hint=t!(t, open_on_phone_hint)/>
                </div>
            </Show>
        </div>
    }
}

/// A URL as a QR code, as text, and with a copy button.
#[component]
pub fn QrLink(
    /// The address to encode.
    #[prop(into)]
    url: Signal<String>,
    /// One sentence on what opening the address does.
    hint: &'static str,
) -> impl IntoView {
    let t = use_texts();
    let (copied, set_copied) = signal(None::<bool>);
    let address_ref = NodeRef::<leptos::html::Code>::new();
    let copy = move |_| {
        set_copied.set(None);
        let Some(promise) = write_to_clipboard(&url.get_untracked()) else {
            failed_to_copy(set_copied, address_ref);
            return;
        };
        leptos::task::spawn_local(async move {
            if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
                set_copied.set(Some(true));
            } else {
                failed_to_copy(set_copied, address_ref);
            }
        });
    };
    view! {
        {move || match qr_path(&url.get()) {
            Some(qr) => {
                let size = qr.width + 8;
                view! {
                    <svg
                        class="qr-code"
                        role="img"
                        aria-label=t!(t, qr_name)
                        viewBox=format!("-4 -4 {size} {size}")
                        shape-rendering="crispEdges"
                    >
                        <rect x="-4" y="-4" width=size height=size fill="#fff"/>
                        <path d=qr.path fill="#000"/>
                    </svg>
                }
                .into_any()
            }
            None => view! { <p>{t!(t, too_long_for_qr)}</p> }.into_any(),
        }}
        <p class="hint">{hint}</p>
        <p class="qr-url"><code node_ref=address_ref>{move || url.get()}</code></p>
        <button type="button" on:click=copy>{t!(t, copy_address)}</button>
        <span role="status" class="hint">{move || (copied.get() == Some(true)).then_some(t.copied)}</span>
        {move || (copied.get() == Some(false)).then(|| view! { <span role="alert" class="error">{t.copy_failed}</span> })}
    }
}

/// Starts writing `text` to the clipboard. `None` where the browser offers no
/// clipboard: pages served over plain HTTP (an intranet host) have none.
fn write_to_clipboard(text: &str) -> Option<js_sys::Promise> {
    use wasm_bindgen::JsCast;
    let navigator = window().navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok()?;
    if clipboard.is_undefined() || clipboard.is_null() {
        return None;
    }
    Some(
        clipboard
            .unchecked_into::<web_sys::Clipboard>()
            .write_text(text),
    )
}

/// Says the copy failed and selects the address, so the user can copy it by hand.
fn failed_to_copy(set_copied: WriteSignal<Option<bool>>, address: NodeRef<leptos::html::Code>) {
    set_copied.set(Some(false));
    let (Some(address), Ok(Some(selection))) = (address.get_untracked(), window().get_selection())
    else {
        return;
    };
    let _ = selection.select_all_children(&address);
}
