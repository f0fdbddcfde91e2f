//! The record: the drafts kept on the device, and those whose published
//! value changed under them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::drafts::path::FieldPath;
use crate::drafts::value::{apply, normalize, published, same_as, DraftError, FieldValue};
use crate::stored::{expect_object, Record, DRAFTS_KEY};
use crate::{Dataset, Item};

/// One drafted field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DraftField {
    /// The published value when the draft was started (see [`staleness`]).
    pub base: FieldValue,
    /// The draft value (normalized and valid).
    pub value: FieldValue,
    /// When the value was last changed, in unix milliseconds.
    pub edited_at: u64,
}

/// The staff drafts kept on this device ([`DRAFTS_KEY`]).
///
/// Stored form (version 1):
/// `{"dataset_version":"1.0.0","items":{"25":{"years.5.result":{"base":null,"value":["…"],"edited_at":1764063000000}}}}`.
/// Items and fields are kept in order; an item with no drafted field is
/// removed. Reading it back checks every path and value; a value that fails
/// [`normalize`] makes the whole record unreadable (backed up, never dropped).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawDrafts")]
pub struct Drafts {
    /// The dataset version (`meta.version`) of the last change.
    pub(super) dataset_version: String,
    /// Item number → path → draft.
    pub(super) items: BTreeMap<u32, BTreeMap<FieldPath, DraftField>>,
}

#[derive(Deserialize)]
struct RawDrafts {
    dataset_version: String,
    items: BTreeMap<u32, BTreeMap<FieldPath, RawDraftField>>,
}

#[derive(Deserialize)]
struct RawDraftField {
    base: Value,
    value: Value,
    edited_at: u64,
}

impl TryFrom<RawDrafts> for Drafts {
    type Error = String;

    fn try_from(raw: RawDrafts) -> Result<Self, Self::Error> {
        let mut items = BTreeMap::new();
        for (no, fields) in raw.items {
            let mut checked = BTreeMap::new();
            for (path, field) in fields {
                let at = |what: &str, e: DraftError| format!("item {no}, {path}, {what}: {e}");
                // The base is published data: only its kind is checked.
                let base = FieldValue::from_json(path, &field.base).map_err(|e| at("base", e))?;
                let value = FieldValue::from_json(path, &field.value)
                    .and_then(|v| normalize(path, v))
                    .map_err(|e| at("value", e))?;
                checked.insert(
                    path,
                    DraftField {
                        base,
                        value,
                        edited_at: field.edited_at,
                    },
                );
            }
            if !checked.is_empty() {
                items.insert(no, checked);
            }
        }
        Ok(Drafts {
            dataset_version: raw.dataset_version,
            items,
        })
    }
}

impl Record for Drafts {
    const KEY: &'static str = DRAFTS_KEY;
    const VERSION: u32 = 1;

    fn migrate(from_version: u32, _data: Value) -> Result<Value, String> {
        // Version 1 is the first; decode never asks for a migration yet.
        Err(format!("no migration from version {from_version}"))
    }

    fn check_shape(data: &Value) -> Result<(), String> {
        expect_object(data)
    }
}

/// How many draft fields the stored text `raw` (an envelope of [`Drafts`])
/// holds, read without decoding the drafts: the citizen bundle names the
/// count before clearing the device, and carries no draft code. Unreadable
/// text counts as 0 fields (a backup of it is kept anyway).
pub fn count_stored_fields(raw: &str) -> usize {
    let Ok(envelope) = serde_json::from_str::<Value>(raw) else {
        return 0;
    };
    envelope["data"]["items"].as_object().map_or(0, |items| {
        items
            .values()
            .filter_map(Value::as_object)
            .map(|fields| fields.len())
            .sum()
    })
}

impl Drafts {
    /// No drafts.
    pub fn new() -> Drafts {
        Drafts::default()
    }

    /// The dataset version (`meta.version`) the drafts were last changed
    /// against; empty when nothing was ever set.
    pub fn dataset_version(&self) -> &str {
        &self.dataset_version
    }

    /// Keeps `value` as the draft of `path` in item `item_no`, after [`normalize`].
    ///
    /// Returns whether a draft is now kept: a value equal to the published one
    /// removes the draft (`Ok(false)`). A field already drafted keeps its
    /// `base`, and its `edited_at` changes only if the value does (so calling
    /// this on every keystroke is fine).
    ///
    /// # Examples
    /// ```
    /// # let dataset = model::Dataset::from_json(include_str!("../../../data/action-program.json")).unwrap();
    /// use model::drafts::{Drafts, FieldPath, FieldValue};
    /// let mut drafts = Drafts::new();
    /// let result = FieldValue::from_text(FieldPath::Result(5), "収納率 99.6%").unwrap();
    /// assert_eq!(drafts.set(&dataset, 25, FieldPath::Result(5), result, 1), Ok(true));
    /// assert_eq!(drafts.count_fields(), 1);
    /// // Back to the published value (no result): the draft goes.
    /// let none = FieldValue::OptionalLines(None);
    /// assert_eq!(drafts.set(&dataset, 25, FieldPath::Result(5), none, 2), Ok(false));
    /// assert!(drafts.is_empty());
    /// ```
    pub fn set(
        &mut self,
        dataset: &Dataset,
        item_no: u32,
        path: FieldPath,
        value: FieldValue,
        now: u64,
    ) -> Result<bool, DraftError> {
        let item = dataset
            .item(item_no)
            .ok_or(DraftError::UnknownItem(item_no))?;
        let published = published(item, path).ok_or(DraftError::FieldNotInItem {
            item: item_no,
            path,
        })?;
        let value = normalize(path, value)?;
        self.dataset_version = dataset.meta.version.clone();
        if same_as(path, &value, &published) {
            self.discard_field(item_no, path);
            return Ok(false);
        }
        let fields = self.items.entry(item_no).or_default();
        match fields.get_mut(&path) {
            Some(field) if field.value == value => {}
            Some(field) => {
                field.value = value;
                field.edited_at = now;
            }
            None => {
                fields.insert(
                    path,
                    DraftField {
                        base: published,
                        value,
                        edited_at: now,
                    },
                );
            }
        }
        Ok(true)
    }

    /// Takes the current published value as the draft's base, once the user
    /// has seen that it changed ([`staleness`]). Removes the draft if it now
    /// equals the published value. Returns whether a draft is still kept.
    pub fn rebase(&mut self, dataset: &Dataset, item_no: u32, path: FieldPath) -> bool {
        let Some(now) = dataset.item(item_no).and_then(|item| published(item, path)) else {
            return self.get(item_no, path).is_some();
        };
        let Some(field) = self.items.get_mut(&item_no).and_then(|f| f.get_mut(&path)) else {
            return false;
        };
        if same_as(path, &field.value, &now) {
            self.discard_field(item_no, path);
            return false;
        }
        field.base = now;
        self.dataset_version = dataset.meta.version.clone();
        true
    }

    /// The draft of `path` in item `item_no`, if any.
    pub fn get(&self, item_no: u32, path: FieldPath) -> Option<&DraftField> {
        self.items.get(&item_no)?.get(&path)
    }

    /// The drafted fields of item `item_no`, in display order.
    pub fn fields(&self, item_no: u32) -> impl Iterator<Item = (FieldPath, &DraftField)> + '_ {
        self.items
            .get(&item_no)
            .into_iter()
            .flat_map(|fields| fields.iter().map(|(path, field)| (*path, field)))
    }

    /// Every draft as (item number, path, draft), by item then display order.
    pub fn iter(&self) -> impl Iterator<Item = (u32, FieldPath, &DraftField)> + '_ {
        self.items
            .iter()
            .flat_map(|(no, fields)| fields.iter().map(move |(path, field)| (*no, *path, field)))
    }

    /// The numbers of the items that have drafts, ascending.
    pub fn item_numbers(&self) -> impl Iterator<Item = u32> + '_ {
        self.items.keys().copied()
    }

    /// Removes one drafted field; returns whether there was one.
    pub fn discard_field(&mut self, item_no: u32, path: FieldPath) -> bool {
        let Some(fields) = self.items.get_mut(&item_no) else {
            return false;
        };
        let removed = fields.remove(&path).is_some();
        if fields.is_empty() {
            self.items.remove(&item_no);
        }
        removed
    }

    /// Removes every drafted field of an item; returns how many there were.
    pub fn discard_item(&mut self, item_no: u32) -> usize {
        self.items.remove(&item_no).map_or(0, |fields| fields.len())
    }

    /// Removes every draft.
    pub fn clear(&mut self) {
        self.items.clear();
    }

    /// How many items have drafts.
    pub fn count_items(&self) -> usize {
        self.items.len()
    }

    /// How many fields are drafted, over all items.
    pub fn count_fields(&self) -> usize {
        self.items.values().map(BTreeMap::len).sum()
    }

    /// Whether there is no draft.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// `item` as its drafts would make it (for a preview); fields the item
    /// lacks are skipped.
    pub fn apply_to(&self, item: &Item) -> Item {
        let mut preview = item.clone();
        for (path, field) in self.fields(item.no) {
            // Stored values are valid; a year the item lacks is skipped.
            let _ = apply(&mut preview, path, field.value.clone());
        }
        preview
    }
}

/// A draft whose published value changed since the draft was started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stale {
    /// The item number.
    pub item: u32,
    /// The field.
    pub path: FieldPath,
    /// The published value the draft was started from.
    pub base: FieldValue,
    /// The published value now; `None` if the dataset no longer has the
    /// item or the field.
    pub published_now: Option<FieldValue>,
    /// The draft value.
    pub draft: FieldValue,
}

impl Stale {
    /// Whether the value published now is the draft itself (the change was
    /// adopted): the UI can offer to discard the draft ([`Drafts::rebase`] does).
    pub fn is_published(&self) -> bool {
        self.published_now.as_ref().is_some_and(|now| {
            now == &self.draft
                || normalize(self.path, now.clone()).ok().as_ref() == Some(&self.draft)
        })
    }
}

/// The drafts whose published value is no longer their base: a new app
/// version changed the data under them. The drafts are kept; the UI shows
/// the three values and offers [`Drafts::rebase`] or discarding.
pub fn staleness(drafts: &Drafts, dataset: &Dataset) -> Vec<Stale> {
    drafts
        .iter()
        .filter_map(|(no, path, field)| {
            let now = dataset.item(no).and_then(|item| published(item, path));
            let unchanged = now.as_ref().is_some_and(|now| {
                now == &field.base
                    || normalize(path, now.clone()).ok() == normalize(path, field.base.clone()).ok()
            });
            (!unchanged).then(|| Stale {
                item: no,
                path,
                base: field.base.clone(),
                published_now: now,
                draft: field.value.clone(),
            })
        })
        .collect()
}
