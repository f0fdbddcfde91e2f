//! Staff drafts on this device (staff bundle only): loaded, followed across
//! tabs, changed and saved with the same rules as every stored record.

use leptos::ev;
use leptos::prelude::*;
use model::drafts::{self, DraftError, Drafts, FieldPath, FieldValue};
use model::stored::{self, Record};

use super::{now_millis, UserData};
use crate::notices::StoredRecord;

/// The staff drafts, provided as context by [`provide_draft_store`].
#[derive(Clone, Copy)]
pub struct DraftStore {
    user: UserData,
    /// Staff drafts of item changes.
    pub drafts: RwSignal<Drafts>,
    /// When this tab last saved the drafts (unix ms), for 「下書き保存済み」.
    pub saved_at: RwSignal<Option<u64>>,
}

/// Loads the drafts and follows other tabs' changes (and a clear of the
/// device's data).
pub fn provide_draft_store(user: UserData) -> DraftStore {
    let store = DraftStore {
        user,
        drafts: RwSignal::new(user.load::<Drafts>(StoredRecord::Drafts)),
        saved_at: RwSignal::new(None),
    };
    let handle = window_event_listener(ev::storage, move |event: web_sys::StorageEvent| {
        if event.key().as_deref() == Some(Drafts::KEY) {
            store.drafts.set(user.load::<Drafts>(StoredRecord::Drafts));
        }
    });
    on_cleanup(move || handle.remove());
    Effect::watch(
        move || user.cleared.track(),
        move |_, _, _| store.drafts.set(Drafts::default()),
        false,
    );
    provide_context(store);
    store
}

/// The drafts, as provided by [`provide_draft_store`].
pub fn use_draft_store() -> DraftStore {
    expect_context::<DraftStore>()
}

impl DraftStore {
    /// Changes the drafts and saves them at once. The latest stored drafts are
    /// read first, so an edit in another tab since this tab last loaded them
    /// is kept rather than overwritten. A stored value that cannot be read
    /// (another tab of a newer version, a damaged value) is backed up and
    /// announced before this write replaces it, as at start-up.
    fn change<T>(&self, change: impl FnOnce(&mut Drafts) -> T) -> T {
        let stored = self.user.raw(Drafts::KEY);
        let mut latest = match stored.map(|raw| (stored::decode::<Drafts>(&raw), raw)) {
            Some((Ok(decoded), _)) => decoded.into_value(),
            Some((Err(error), raw)) => {
                self.user
                    .back_up_unreadable(Drafts::KEY, StoredRecord::Drafts, &raw, error);
                self.drafts.get_untracked()
            }
            None => self.drafts.get_untracked(),
        };
        let result = change(&mut latest);
        self.user.save(&latest);
        self.drafts.set(latest);
        self.saved_at.set(Some(now_millis()));
        result
    }

    /// Sets a draft value of one field (a value equal to the published one
    /// removes the draft). Returns whether a draft now exists.
    pub fn set(
        &self,
        item_no: u32,
        path: FieldPath,
        value: FieldValue,
    ) -> Result<bool, DraftError> {
        let dataset = &crate::data::app_data().dataset;
        self.change(|d| d.set(dataset, item_no, path, value, now_millis()))
    }

    /// Discards one field's draft.
    pub fn discard_field(&self, item_no: u32, path: FieldPath) {
        self.change(|d| d.discard_field(item_no, path));
    }

    /// Discards every draft field of an item.
    pub fn discard_item(&self, item_no: u32) {
        self.change(|d| d.discard_item(item_no));
    }

    /// Applies an import preview with the user's choices for every conflict.
    pub fn apply_import(
        &self,
        preview: &drafts::ImportPreview,
        choices: &drafts::ImportChoices,
    ) -> Result<drafts::ImportSummary, drafts::UnresolvedConflicts> {
        // A file that brings nothing new (a report imported back unchanged)
        // leaves the stored drafts exactly as they were.
        let mut trial = self.drafts.get_untracked();
        let summary = drafts::apply_import(&mut trial, preview, choices)?;
        if summary.added + summary.replaced == 0 {
            return Ok(summary);
        }
        self.change(|d| drafts::apply_import(d, preview, choices))
    }
}
