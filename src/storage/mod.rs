//! The only code that touches localStorage: the user's bookmarks, settings
//! and (staff bundle only) drafts, versioned, migrated, backed up when
//! unreadable, and kept in memory when the browser will not store them.
//!
//! The pure part (envelopes, versions, migrations, decode errors) is
//! `model::stored`; this module connects it to the browser and to signals.
//! Two contexts: [`UserData`] (every bundle) and, in the staff bundle,
//! [`drafts::DraftStore`].

// The one module allowed to touch web storage (clippy.toml).
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

mod backend;
#[cfg(feature = "staff")]
pub mod drafts;

use leptos::ev;
use leptos::prelude::*;
use model::stored::{self, Bookmarks, DecodeError, Decoded, Record, Settings, DRAFTS_KEY};

use backend::Backend;
pub use backend::MemoryReason;

use crate::notices::{Download, Message, Notices, StoredRecord};

/// The user's data on this device, provided as context by [`provide_user_data`].
#[derive(Clone, Copy)]
pub struct UserData {
    backend: StoredValue<Backend, LocalStorage>,
    /// Bookmarked item numbers.
    pub bookmarks: RwSignal<Bookmarks>,
    /// Settings of this device (kiosk mode, text size, staff mode).
    pub settings: RwSignal<Settings>,
    /// Whether the stored bookmarks and settings have been read (until then
    /// the page shows what the build wrote: nothing bookmarked).
    pub loaded: RwSignal<bool>,
    /// Why changes are not being saved, if they are not.
    pub memory_only: RwSignal<Option<MemoryReason>>,
    /// Notified when everything stored was removed, in this tab or another
    /// (so the staff bundle's drafts follow).
    pub cleared: Trigger,
    notices: Notices,
}

/// Opens storage and provides the user's data, with nothing loaded yet:
/// what the page was written with, so the islands' first render matches
/// it. [`UserData::load_stored`] then reads what this device keeps.
pub fn provide_user_data(notices: Notices) -> UserData {
    let backend = Backend::open();
    let memory_only = RwSignal::new(backend.memory_reason());
    let data = UserData {
        backend: StoredValue::new_local(backend),
        bookmarks: RwSignal::new(Bookmarks::default()),
        settings: RwSignal::new(Settings::default()),
        loaded: RwSignal::new(false),
        memory_only,
        cleared: Trigger::new(),
        notices,
    };
    provide_context(data);
    data
}

impl UserData {
    /// Loads the bookmarks and settings stored on this device, and follows
    /// other tabs' changes from now on.
    pub fn load_stored(self) {
        let data = self;
        data.settings
            .set(data.load::<Settings>(StoredRecord::Settings));
        if data.memory_only.get_untracked().is_some() {
            data.notices
                .warn(Message::NotSaved(MemoryReason::Unavailable));
        }
        data.bookmarks
            .set(data.load::<Bookmarks>(StoredRecord::Bookmarks));
        data.loaded.set(true);

        // Another tab changed the bookmarks or settings: show its state here too.
        // (The event never reaches the tab that wrote, which updates its own
        // signal.) The staff bundle's draft store follows the drafts' key itself.
        let handle = window_event_listener(ev::storage, move |event: web_sys::StorageEvent| {
            match event.key() {
                Some(key) if key == Bookmarks::KEY => data
                    .bookmarks
                    .set(data.load::<Bookmarks>(StoredRecord::Bookmarks)),
                Some(key) if key == Settings::KEY => data
                    .settings
                    .set(data.load::<Settings>(StoredRecord::Settings)),
                // `clear()` in another tab.
                None => {
                    data.bookmarks.set(Bookmarks::default());
                    data.settings.set(Settings::default());
                    data.cleared.notify();
                }
                _ => {}
            }
        });
        on_cleanup(move || handle.remove());
    }
}

/// The user's data, as provided by [`provide_user_data`].
pub fn use_user_data() -> UserData {
    expect_context::<UserData>()
}

/// What is kept on this device, for the 「この端末のデータを消去」 confirmation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DeviceSummary {
    pub bookmarks: usize,
    pub drafts: usize,
    pub backups: usize,
}

impl UserData {
    /// Reads record `R`. An unreadable value is backed up under a backup key
    /// and offered as a download before the app starts afresh with the default;
    /// an older version is migrated and written back at once.
    /// `record` names it in notices.
    fn load<R: Record + Default>(&self, record: StoredRecord) -> R {
        let Some(raw) = self.backend.with_value(|b| b.get(R::KEY)) else {
            return R::default();
        };
        match stored::decode::<R>(&raw) {
            Ok(Decoded::Current(value)) => value,
            Ok(Decoded::Migrated { value, from }) => {
                leptos::logging::log!("{}: migrated from version {from}", R::KEY);
                self.save(&value);
                value
            }
            Err(error) => {
                self.back_up_unreadable(R::KEY, record, &raw, error);
                R::default()
            }
        }
    }

    fn back_up_unreadable(&self, key: &str, record: StoredRecord, raw: &str, error: DecodeError) {
        let mut at = now_millis();
        let backup = loop {
            let candidate = stored::backup_key(key, at);
            if self.backend.with_value(|b| b.get(&candidate)).is_none() {
                break candidate;
            }
            at += 1;
        };
        let kept = self
            .backend
            .try_update_value(|b| b.set(&backup, raw).is_ok())
            .unwrap_or(false);
        if let Some(detail) = error.detail() {
            leptos::logging::warn!("{key}: {detail}");
        }
        self.notices.error_with_download(
            Message::Unreadable {
                record,
                error,
                kept,
            },
            Download {
                file_name: format!("{}.json", backup.replace('.', "-")),
                content: raw.to_string(),
            },
        );
    }

    /// Writes record `R`; on failure carries on in memory and says so once.
    fn save<R: Record>(&self, value: &R) {
        let text = stored::encode(value, now_millis());
        let result = self
            .backend
            .try_update_value(|b| b.set(R::KEY, &text))
            .unwrap_or(Ok(()));
        if let Err(reason) = result {
            if self.memory_only.get_untracked().is_none() {
                self.memory_only.set(Some(reason));
                self.notices.warn(Message::NotSaved(reason));
            }
        }
    }

    /// Adds or removes a bookmark; returns whether the item is now bookmarked.
    pub fn toggle_bookmark(&self, no: u32) -> bool {
        let mut now_on = false;
        self.bookmarks.update(|b| now_on = b.toggle(no));
        self.save(&self.bookmarks.get_untracked());
        now_on
    }

    /// Adds every item of `other` to the bookmarks.
    pub fn add_bookmarks(&self, other: &Bookmarks) {
        self.bookmarks.update(|b| b.merge(other));
        self.save(&self.bookmarks.get_untracked());
    }

    /// Changes the device settings and saves them.
    pub fn update_settings(&self, change: impl FnOnce(&mut Settings)) {
        self.settings.update(change);
        self.save(&self.settings.get_untracked());
    }

    /// Removes every bookmark (kiosk reset), saving the empty set.
    pub fn clear_bookmarks(&self) {
        self.bookmarks.set(Bookmarks::default());
        self.save(&self.bookmarks.get_untracked());
    }

    /// Counts what 「この端末のデータを消去」 would remove.
    pub fn device_summary(&self) -> DeviceSummary {
        let backups = self
            .backend
            .with_value(|b| b.keys().iter().filter(|k| stored::is_backup_key(k)).count());
        DeviceSummary {
            bookmarks: self.bookmarks.with_untracked(|b| b.len()),
            // Counted from the stored text, so the citizen bundle, which
            // carries no draft code, still says what would be lost.
            drafts: self
                .raw(DRAFTS_KEY)
                .map_or(0, |raw| model::drafts::count_stored_fields(&raw)),
            backups,
        }
    }

    /// Removes everything the app stored on this device, backups included.
    pub fn clear_device_data(&self) {
        self.backend.update_value(|b| {
            for key in b.keys() {
                if key.starts_with(stored::NAMESPACE) {
                    b.remove(&key);
                }
            }
        });
        self.bookmarks.set(Bookmarks::default());
        self.settings.set(Settings::default());
        self.cleared.notify();
    }

    /// The raw stored text under `key`, if any.
    fn raw(&self, key: &str) -> Option<String> {
        self.backend.with_value(|b| b.get(key))
    }
}

fn now_millis() -> u64 {
    js_sys::Date::now() as u64
}
