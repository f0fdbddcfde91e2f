//! What the page has to say about this device, at its top: the notices
//! (`notices`), the network, a new version, and kiosk mode.

use leptos::prelude::*;

use crate::components::kiosk::Kiosk;
use crate::components::offline::{NetworkStatus, UpdateNotice};
use crate::i18n::use_texts;
use crate::notices::{Notice, NoticeKind, Notices};
use crate::t;

/// What the page has to say about this device, at its top: the notices,
/// the network, a new version, and kiosk mode.
#[island]
pub fn StatusArea() -> impl IntoView {
    view! {
        <NoticeArea/>
        <Kiosk/>
    }
}

/// Shows the notices at the top of the page; errors and warnings are announced.
#[component]
fn NoticeArea() -> impl IntoView {
    let t = use_texts();
    let notices = expect_context::<Notices>();
    // What happened before the page was live (stored data read at start)
    // shows once it is: until then the area is as the build wrote it.
    let live = crate::live::use_live();
    let shown = move || {
        if live.get() {
            notices.list()
        } else {
            Vec::new()
        }
    };
    view! {
        <div class="notices" role="region" aria-label=t!(t, notices) aria-live="polite">
            <NetworkStatus/>
            <UpdateNotice/>
            <For each=shown key=|n| n.id let:notice>
                <NoticeView notice notices/>
            </For>
        </div>
    }
}

#[component]
fn NoticeView(notice: Notice, notices: Notices) -> impl IntoView {
    let t = use_texts();
    let class = match notice.kind {
        NoticeKind::Error => "notice notice-error",
        NoticeKind::Warning => "notice notice-warning",
        NoticeKind::Info => "notice notice-info",
    };
    let role = match notice.kind {
        NoticeKind::Info => "status",
        _ => "alert",
    };
    let id = notice.id;
    view! {
        <div class=class role=role>
            <p>{notice.message.text(t)}</p>
            <div class="notice-actions">
                {notice.download.map(|d| {
                    match crate::download::blob_url(&d.content, "application/json;charset=utf-8") {
                        Some(href) => view! {
                            <a class="button-link" href=href download=d.file_name>
                                {t!(t, download_original)}
                            </a>
                        }
                        .into_any(),
                        None => view! { <p>{t!(t, download_unavailable)}</p> }.into_any(),
                    }
                })}
                <button type="button" on:click=move |_| notices.dismiss(id)>{t!(t, close)}</button>
            </div>
        </div>
    }
}
