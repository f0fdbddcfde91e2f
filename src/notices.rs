//! Messages to the user about their data: what happened and what to do.

use leptos::prelude::*;

use crate::i18n::use_texts;
use crate::t;

use crate::components::offline::{NetworkStatus, UpdateNotice};

/// A file the user can download from a notice (e.g. an unreadable stored value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Download {
    pub file_name: String,
    pub content: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Error,
    Warning,
    Info,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub id: u32,
    pub kind: NoticeKind,
    pub message: String,
    pub download: Option<Download>,
}

/// The list of notices, shared as context.
#[derive(Clone, Copy)]
pub struct Notices(RwSignal<Vec<Notice>>);

impl Notices {
    /// Creates the list and provides it as context.
    pub fn provide() -> Notices {
        let notices = Notices(RwSignal::new(Vec::new()));
        provide_context(notices);
        notices
    }

    fn push(&self, kind: NoticeKind, message: String, download: Option<Download>) {
        self.0.update(|list| {
            // The same message twice (two tabs, two failures) is shown once.
            if list.iter().any(|n| n.message == message) {
                return;
            }
            let id = list.iter().map(|n| n.id + 1).max().unwrap_or(1);
            list.push(Notice {
                id,
                kind,
                message,
                download,
            });
        });
    }

    pub fn warn(&self, message: String) {
        self.push(NoticeKind::Warning, message, None);
    }

    pub fn info(&self, message: String) {
        self.push(NoticeKind::Info, message, None);
    }

    pub fn error_with_download(&self, message: String, download: Download) {
        self.push(NoticeKind::Error, message, Some(download));
    }

    pub fn dismiss(&self, id: u32) {
        self.0.update(|list| list.retain(|n| n.id != id));
    }
}

/// Shows the notices at the top of the page; errors and warnings are announced.
#[component]
pub fn NoticeArea() -> impl IntoView {
    let t = use_texts();
    let notices = expect_context::<Notices>();
    view! {
        <div class="notices" role="region" aria-label=t!(t, notices) aria-live="polite">
            <NetworkStatus/>
            <UpdateNotice/>
            <For each=move || notices.0.get() key=|n| n.id let:notice>
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
            <p>{notice.message}</p>
            <div class="notice-actions">
                {notice.download.map(|d| {
                    let href = crate::download::blob_url(&d.content, "application/json;charset=utf-8");
                    view! {
                        <a class="button-link" href=href download=d.file_name>
                            {t!(t, download_original)}
                        </a>
                    }
                })}
                <button type="button" on:click=move |_| notices.dismiss(id)>{t!(t, close)}</button>
            </div>
        </div>
    }
}
