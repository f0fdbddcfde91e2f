//! Messages to the user about their data: what happened and what to do.

use leptos::prelude::*;

use model::stored::{DecodeError, MemoryReason};

use crate::i18n::Texts;

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

/// A record the app stores on the device, as named in notices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoredRecord {
    Bookmarks,
    Drafts,
    Settings,
}

/// What happened, kept as data rather than a sentence, so a notice reads in
/// the interface language of the moment (the language can change while it
/// is shown).
#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// A stored record could not be read; `kept`: a backup copy was written.
    Unreadable {
        record: StoredRecord,
        error: DecodeError,
        kept: bool,
    },
    /// Changes are kept in memory only, for this reason.
    NotSaved(MemoryReason),
    /// Staff mode is on, but the staff tools' bundle could not be loaded
    /// (offline before it was ever fetched, or a broken download).
    StaffToolsUnavailable,
}

impl Message {
    /// The message in the language of `t`.
    pub fn text(&self, t: &Texts) -> String {
        match self {
            Message::Unreadable {
                record,
                error,
                kept,
            } => {
                let label = match record {
                    StoredRecord::Bookmarks => t.record_bookmarks,
                    StoredRecord::Drafts => t.record_drafts,
                    StoredRecord::Settings => t.record_settings,
                };
                (t.unreadable)(label, &(t.decode_error)(error), *kept)
            }
            Message::NotSaved(reason) => {
                let why = match reason {
                    MemoryReason::Unavailable | MemoryReason::Prerendering => t.storage_unavailable,
                    MemoryReason::Full => t.storage_full,
                    MemoryReason::WriteFailed => t.storage_write_failed,
                };
                format!("{why}{}", t.memory_only)
            }
            Message::StaffToolsUnavailable => t.staff_tools_unavailable.to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub id: u32,
    pub kind: NoticeKind,
    pub message: Message,
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

    fn push(&self, kind: NoticeKind, message: Message, download: Option<Download>) {
        self.0.update(|list| {
            // The same event twice (two tabs, two failures) is shown once.
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

    pub fn warn(&self, message: Message) {
        self.push(NoticeKind::Warning, message, None);
    }

    pub fn error_with_download(&self, message: Message, download: Download) {
        self.push(NoticeKind::Error, message, Some(download));
    }

    /// The notices to show, in the order they came.
    pub fn list(&self) -> Vec<Notice> {
        self.0.get()
    }

    pub fn dismiss(&self, id: u32) {
        self.0.update(|list| list.retain(|n| n.id != id));
    }
}
