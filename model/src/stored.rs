//! What the app keeps in the browser's `localStorage`, and how it is read back.
//!
//! This module is pure: it turns values into strings and strings back into
//! values. The browser glue (gloo-storage, `storage` events, the in-memory
//! fallback) lives in the app and is written against this API.
//!
//! Rules every stored value follows:
//! - it is wrapped in an [`Envelope`] carrying its version and when it was saved;
//! - reading it back with [`decode`] never panics, whatever the string holds;
//! - a value of an older version is migrated ([`Decoded::Migrated`]) and the
//!   caller writes the migrated value back at once;
//! - a value that cannot be read ([`DecodeError`]) is never silently replaced:
//!   the caller copies the raw string to [`backup_key`], shows the user the
//!   error's [`Display`](std::fmt::Display) text and offers the raw string as a
//!   download, and only then starts afresh.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeSet;
use std::fmt;

/// The prefix of every key the app writes, so its keys are easy to tell apart.
pub const NAMESPACE: &str = "ueda-reform";
/// Where the citizen's bookmarked items are kept ([`Bookmarks`]).
pub const BOOKMARKS_KEY: &str = "ueda-reform.bookmarks";
/// Where staff drafts are kept ([`crate::drafts::Drafts`]).
pub const DRAFTS_KEY: &str = "ueda-reform.drafts";
/// Where the device settings are kept ([`Settings`]).
pub const SETTINGS_KEY: &str = "ueda-reform.settings";
/// Every non-backup key the app writes, e.g. to filter `storage` events.
pub const KEYS: [&str; 3] = [BOOKMARKS_KEY, DRAFTS_KEY, SETTINGS_KEY];
/// The prefix of every backup key made by [`backup_key`].
pub const BACKUP_PREFIX: &str = "ueda-reform.backup.";

/// The key under which to back up the unreadable raw value of `key`.
///
/// The namespace is moved to the front so all backups share [`BACKUP_PREFIX`]
/// and can be listed together; a key outside the namespace is used whole.
/// Two backups of one key in the same millisecond would collide, so the
/// caller should check the key is free (and add 1 to the time if not).
///
/// # Examples
/// ```
/// use model::stored::{backup_key, BOOKMARKS_KEY};
/// assert_eq!(
///     backup_key(BOOKMARKS_KEY, 1732520000000),
///     "ueda-reform.backup.bookmarks.1732520000000"
/// );
/// ```
pub fn backup_key(key: &str, unix_millis: u64) -> String {
    let name = key
        .strip_prefix(NAMESPACE)
        .and_then(|rest| rest.strip_prefix('.'))
        .unwrap_or(key);
    format!("{BACKUP_PREFIX}{name}.{unix_millis}")
}

/// Whether `key` is a backup key made by [`backup_key`].
///
/// # Examples
/// ```
/// use model::stored::{backup_key, is_backup_key, BOOKMARKS_KEY};
/// assert!(is_backup_key(&backup_key(BOOKMARKS_KEY, 1)));
/// assert!(!is_backup_key(BOOKMARKS_KEY));
/// ```
pub fn is_backup_key(key: &str) -> bool {
    parse_backup_key(key).is_some()
}

/// Splits a backup key into the key it backs up and its time in unix milliseconds.
///
/// Returns `None` for anything [`backup_key`] cannot have made.
///
/// # Examples
/// ```
/// use model::stored::{parse_backup_key, BOOKMARKS_KEY};
/// assert_eq!(
///     parse_backup_key("ueda-reform.backup.bookmarks.1732520000000"),
///     Some((BOOKMARKS_KEY.to_string(), 1732520000000))
/// );
/// ```
pub fn parse_backup_key(key: &str) -> Option<(String, u64)> {
    let rest = key.strip_prefix(BACKUP_PREFIX)?;
    let (name, millis) = rest.rsplit_once('.')?;
    if name.is_empty() || millis.is_empty() || !millis.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((format!("{NAMESPACE}.{name}"), millis.parse().ok()?))
}

/// The stored form of every value: `{"version": N, "saved_at": <unix ms>, "data": ...}`.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct Envelope<T> {
    /// The version of `data`'s format ([`Record::VERSION`] when written).
    pub version: u32,
    /// When the value was written, in unix milliseconds.
    pub saved_at: u64,
    /// The value itself.
    pub data: T,
}

/// A kind of stored value, with its key, its current version and its migrations.
pub trait Record: Sized + Serialize + DeserializeOwned {
    /// The storage key it is kept under.
    const KEY: &'static str;
    /// The current version of its format (what [`encode`] writes).
    const VERSION: u32;
    /// The oldest version still migrated; older ones are [`DecodeError::UnknownVersion`].
    const MIN_VERSION: u32 = 1;

    /// Turns the `data` of version `from_version` into that of `from_version + 1`.
    ///
    /// [`decode`] calls it step by step from the stored version up to
    /// [`Self::VERSION`], so each step only knows its neighbour. It receives
    /// arbitrary JSON and must return an error, never panic, on data it does
    /// not understand.
    fn migrate(from_version: u32, data: Value) -> Result<Value, String>;

    /// The version to read a JSON value that is not an envelope as, if it is a
    /// form written before values were versioned; `None` (the default) if there
    /// was no such form.
    ///
    /// Only called for values that are not a JSON object with a `version` field.
    fn unversioned_version(_value: &Value) -> Option<u32> {
        None
    }

    /// Checks the shape of current-version `data` beyond what deserializing does.
    ///
    /// Serde's derive also reads a struct from a JSON array of its fields
    /// (`[]` would be default settings), so a struct record overrides this
    /// with [`expect_object`] to refuse that.
    fn check_shape(_data: &Value) -> Result<(), String> {
        Ok(())
    }
}

/// A [`Record::check_shape`] for records stored as a JSON object (every struct record).
pub fn expect_object(data: &Value) -> Result<(), String> {
    match data {
        Value::Object(_) => Ok(()),
        other => Err(format!("expected an object, found {}", json_kind(other))),
    }
}

/// Why a stored string could not be read; the caller backs it up and tells the user.
#[derive(Debug, Clone, PartialEq)]
pub enum DecodeError {
    /// The string is not JSON (the parser's message).
    NotJson(String),
    /// JSON, but neither an envelope nor a known unversioned form (what is wrong).
    NotAnEnvelope(String),
    /// Written by a newer build of the app than this one.
    NewerVersion {
        /// The stored version.
        found: u32,
        /// The newest version this build reads.
        supported: u32,
    },
    /// A version this build never reads: 0, or older than [`Record::MIN_VERSION`].
    UnknownVersion(u32),
    /// An older version whose migration failed.
    MigrationFailed {
        /// The stored version.
        from: u32,
        /// Why (for the console and the backup, not for the notice).
        reason: String,
    },
    /// At the current version, but `data` does not have the record's shape.
    BadData {
        /// The stored (current) version.
        version: u32,
        /// Why (the deserializer's message).
        reason: String,
    },
}

impl DecodeError {
    /// The technical detail (English, for the console or a bug report), if any.
    ///
    /// It is kept out of the [`Display`](fmt::Display) text, which is shown to users.
    pub fn detail(&self) -> Option<&str> {
        match self {
            DecodeError::NotJson(detail)
            | DecodeError::NotAnEnvelope(detail)
            | DecodeError::MigrationFailed { reason: detail, .. }
            | DecodeError::BadData { reason: detail, .. } => Some(detail),
            DecodeError::NewerVersion { .. } | DecodeError::UnknownVersion(_) => None,
        }
    }
}

/// Why writes stopped reaching localStorage (the app then keeps changes in
/// memory for this page only, and says why).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemoryReason {
    /// localStorage is disabled or absent (private mode, blocked by settings).
    Unavailable,
    /// A write failed with a quota error.
    Full,
    /// A write failed for another reason.
    WriteFailed,
    /// The page is being written at build time (never seen by a user).
    Prerendering,
}

impl fmt::Display for DecodeError {
    /// A short English description for logs. Users read the app's own
    /// sentence for each kind, in their language (the app's language tables).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NotJson(detail) => write!(f, "not JSON: {detail}"),
            DecodeError::NotAnEnvelope(detail) => write!(f, "not a stored record: {detail}"),
            DecodeError::NewerVersion { found, supported } => {
                write!(
                    f,
                    "version {found} is newer than this build reads ({supported})"
                )
            }
            DecodeError::UnknownVersion(version) => write!(f, "unknown version {version}"),
            DecodeError::MigrationFailed { from, reason } => {
                write!(f, "migration from version {from} failed: {reason}")
            }
            DecodeError::BadData { version, reason } => {
                write!(f, "data does not fit version {version}: {reason}")
            }
        }
    }
}

impl std::error::Error for DecodeError {}

/// A value read back by [`decode`].
#[derive(Debug, Clone, PartialEq)]
pub enum Decoded<T> {
    /// Stored at the current version.
    Current(T),
    /// Stored at an older version and migrated; the caller writes it back at once.
    Migrated {
        /// The migrated value.
        value: T,
        /// The version it was stored at.
        from: u32,
    },
}

impl<T> Decoded<T> {
    /// The value, migrated or not.
    pub fn into_value(self) -> T {
        match self {
            Decoded::Current(value) | Decoded::Migrated { value, .. } => value,
        }
    }

    /// The value, migrated or not, by reference.
    pub fn value(&self) -> &T {
        match self {
            Decoded::Current(value) | Decoded::Migrated { value, .. } => value,
        }
    }

    /// Whether the caller should write the value back (it was migrated).
    pub fn needs_write_back(&self) -> bool {
        matches!(self, Decoded::Migrated { .. })
    }
}

/// Reads a stored string back into a record, migrating older versions.
///
/// Never panics, whatever `raw` holds. On error the caller must keep `raw`
/// (see the module documentation), not overwrite it.
///
/// # Examples
/// ```
/// use model::stored::{decode, encode, Bookmarks, Decoded, DecodeError};
/// let mut bookmarks = Bookmarks::default();
/// bookmarks.toggle(5);
/// let raw = encode(&bookmarks, 1732520000000);
/// assert_eq!(decode::<Bookmarks>(&raw), Ok(Decoded::Current(bookmarks.clone())));
///
/// // How a build before versioning stored them.
/// assert_eq!(
///     decode::<Bookmarks>("[5,5]"),
///     Ok(Decoded::Migrated { value: bookmarks, from: 1 })
/// );
/// assert!(matches!(decode::<Bookmarks>("{"), Err(DecodeError::NotJson(_))));
/// ```
pub fn decode<R: Record>(raw: &str) -> Result<Decoded<R>, DecodeError> {
    // serde_json's recursion limit keeps deeply nested input from overflowing the stack.
    let value: Value =
        serde_json::from_str(raw).map_err(|e| DecodeError::NotJson(e.to_string()))?;
    let (version, mut data) = open_envelope::<R>(value)?;

    for step in version..R::VERSION {
        data = R::migrate(step, data).map_err(|reason| DecodeError::MigrationFailed {
            from: version,
            reason: if step == version {
                reason
            } else {
                format!("step {step} -> {}: {reason}", step + 1)
            },
        })?;
    }

    let parsed = R::check_shape(&data)
        .and_then(|()| serde_json::from_value::<R>(data).map_err(|e| e.to_string()));
    match parsed {
        Ok(value) if version == R::VERSION => Ok(Decoded::Current(value)),
        Ok(value) => Ok(Decoded::Migrated {
            value,
            from: version,
        }),
        Err(reason) if version == R::VERSION => Err(DecodeError::BadData { version, reason }),
        // A migration that yields data of the wrong shape failed, whatever it returned.
        Err(e) => Err(DecodeError::MigrationFailed {
            from: version,
            reason: format!("migrated data does not fit version {}: {e}", R::VERSION),
        }),
    }
}

/// Checks the envelope (or unversioned form) and returns its version and data.
fn open_envelope<R: Record>(value: Value) -> Result<(u32, Value), DecodeError> {
    let mut map = match value {
        Value::Object(map) if map.contains_key("version") => map,
        other => {
            return match R::unversioned_version(&other) {
                Some(version) => check_version::<R>(version).map(|()| (version, other)),
                None => Err(DecodeError::NotAnEnvelope(format!(
                    "expected an object with version, saved_at and data, found {}",
                    json_kind(&other)
                ))),
            }
        }
    };

    let version = map
        .get("version")
        .and_then(Value::as_u64)
        .and_then(|v| u32::try_from(v).ok())
        .ok_or_else(|| {
            DecodeError::NotAnEnvelope("\"version\" is not a whole number in 0..2^32".into())
        })?;
    // The version is judged before the rest of the shape: a newer build may
    // have changed the envelope too, and "newer" is the more useful notice.
    check_version::<R>(version)?;
    if map.get("saved_at").and_then(Value::as_u64).is_none() {
        return Err(DecodeError::NotAnEnvelope(
            "\"saved_at\" is missing or not a whole number of milliseconds".into(),
        ));
    }
    let data = map
        .remove("data")
        .ok_or_else(|| DecodeError::NotAnEnvelope("\"data\" is missing".into()))?;
    Ok((version, data))
}

fn check_version<R: Record>(version: u32) -> Result<(), DecodeError> {
    if version > R::VERSION {
        Err(DecodeError::NewerVersion {
            found: version,
            supported: R::VERSION,
        })
    } else if version == 0 || version < R::MIN_VERSION {
        Err(DecodeError::UnknownVersion(version))
    } else {
        Ok(())
    }
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object without \"version\"",
    }
}

/// Writes a record as a stored string, in an envelope at its current version.
///
/// # Panics
/// Only if `R`'s `Serialize` fails, which the records here (sets of numbers,
/// plain enums and booleans) cannot.
///
/// # Examples
/// ```
/// use model::stored::{encode, Bookmarks};
/// let bookmarks: Bookmarks = [3, 1].into_iter().collect();
/// assert_eq!(
///     encode(&bookmarks, 1732520000000),
///     r#"{"version":2,"saved_at":1732520000000,"data":{"items":[1,3]}}"#
/// );
/// ```
pub fn encode<R: Record>(value: &R, saved_at: u64) -> String {
    serde_json::to_string(&Envelope {
        version: R::VERSION,
        saved_at,
        data: value,
    })
    .expect("a record always serializes")
}

/// The bookmarked item numbers, kept sorted and unique.
///
/// Version history:
/// 1. a bare JSON array of numbers, e.g. `[3,1,3]`; a build from before values
///    were versioned stored that array with no envelope at all, so a bare array
///    is read as version 1;
/// 2. `{"items":[1,3]}` (current).
///
/// Numbers are not checked against the dataset: a bookmark of an item this
/// build does not know is kept, not dropped.
#[derive(Serialize, Deserialize, Debug, Clone, Default, PartialEq, Eq)]
pub struct Bookmarks {
    /// The item numbers.
    pub items: BTreeSet<u32>,
}

impl Bookmarks {
    /// Adds or removes item `no`; returns whether it is now bookmarked.
    ///
    /// # Examples
    /// ```
    /// use model::stored::Bookmarks;
    /// let mut bookmarks = Bookmarks::default();
    /// assert!(bookmarks.toggle(7));
    /// assert!(!bookmarks.toggle(7));
    /// ```
    pub fn toggle(&mut self, no: u32) -> bool {
        if self.items.remove(&no) {
            false
        } else {
            self.items.insert(no);
            true
        }
    }

    /// Whether item `no` is bookmarked.
    pub fn contains(&self, no: u32) -> bool {
        self.items.contains(&no)
    }

    /// How many items are bookmarked.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether no item is bookmarked.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Adds every item of `other` (e.g. from a shared link or another tab).
    pub fn merge(&mut self, other: &Bookmarks) {
        self.items.extend(other.items.iter().copied());
    }

    /// The item numbers in order.
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.items.iter().copied()
    }

    /// The value for a shared-bookmarks link, e.g. `"1,5,9"`; read back by [`parse_item_list`].
    pub fn to_link_value(&self) -> String {
        self.iter()
            .map(|no| no.to_string())
            .collect::<Vec<_>>()
            .join(",")
    }
}

impl FromIterator<u32> for Bookmarks {
    fn from_iter<I: IntoIterator<Item = u32>>(iter: I) -> Self {
        Bookmarks {
            items: iter.into_iter().collect(),
        }
    }
}

impl Record for Bookmarks {
    const KEY: &'static str = BOOKMARKS_KEY;
    const VERSION: u32 = 2;

    fn migrate(from_version: u32, data: Value) -> Result<Value, String> {
        match from_version {
            1 => {
                let Value::Array(numbers) = data else {
                    return Err(format!(
                        "version 1 data should be an array of item numbers, found {}",
                        json_kind(&data)
                    ));
                };
                // Strict on purpose: dropping an entry we cannot read would lose it silently.
                let items = numbers
                    .iter()
                    .map(|n| {
                        n.as_u64()
                            .and_then(|n| u32::try_from(n).ok())
                            .ok_or_else(|| format!("{n} is not an item number"))
                    })
                    .collect::<Result<BTreeSet<u32>, String>>()?;
                Ok(serde_json::json!({ "items": items }))
            }
            other => Err(format!("no migration from version {other}")),
        }
    }

    fn unversioned_version(value: &Value) -> Option<u32> {
        value.is_array().then_some(1)
    }

    fn check_shape(data: &Value) -> Result<(), String> {
        expect_object(data)
    }
}

/// Reads a shared-bookmarks link value such as `"1,5,9"` into item numbers.
///
/// Entries that are not plain decimal numbers in 1..=9999 are ignored, so a
/// mangled link still yields what it can.
///
/// # Examples
/// ```
/// use model::stored::parse_item_list;
/// let items: Vec<u32> = parse_item_list("9, 1,x,5,1,0,10000").into_iter().collect();
/// assert_eq!(items, [1, 5, 9]);
/// ```
pub fn parse_item_list(s: &str) -> BTreeSet<u32> {
    s.split(',')
        .map(str::trim)
        // `u32::from_str` would also take "+5"; only plain digits are item numbers.
        .filter(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
        .filter_map(|part| part.parse::<u32>().ok())
        .filter(|no| (1..=9999).contains(no))
        .collect()
}

/// The size of body text.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum TextSize {
    /// The default size.
    #[default]
    Normal,
    /// Larger text.
    Large,
    /// Larger still (stored as `"extralarge"`).
    ExtraLarge,
}

/// The interface language.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Japanese (the default).
    #[default]
    Ja,
    /// English.
    En,
}

impl Language {
    /// The other of the two languages (what the language switch offers).
    pub fn other(self) -> Language {
        match self {
            Language::Ja => Language::En,
            Language::En => Language::Ja,
        }
    }

    /// The language's BCP 47 tag, as `lang` and `hreflang` take it.
    pub fn tag(self) -> &'static str {
        match self {
            Language::Ja => "ja",
            Language::En => "en",
        }
    }
}

/// Settings of this device.
///
/// Every field has a default, so a stored value missing a field (written
/// before the field existed) still loads; adding a field therefore needs no
/// new version. An unknown enum value (e.g. a text size added later) is
/// [`DecodeError::BadData`], so adding a variant does need a new version.
#[derive(Serialize, Deserialize, Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// The size of body text.
    #[serde(default)]
    pub text_size: TextSize,
    /// Whether staff features (drafts) are shown.
    #[serde(default)]
    pub staff_mode: bool,
    /// Whether the app runs in kiosk mode (a shared public terminal).
    #[serde(default)]
    pub kiosk: bool,
    /// Kiosk mode: seconds without input before the app returns to the start
    /// view; `None` means [`Settings::DEFAULT_KIOSK_IDLE_SECONDS`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kiosk_idle_seconds: Option<u32>,
    /// Kiosk mode: keep bookmarks on the device when the app resets (otherwise
    /// they last for one visitor's session).
    #[serde(default)]
    pub kiosk_keep_bookmarks: bool,
    /// The interface language.
    #[serde(default)]
    pub language: Language,
    /// Staff: the section whose report this device drafts (「行政管理課」),
    /// chosen once on the report screen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff_section: Option<String>,
    /// Staff: the 令和 year being reported; `None` means the year after the
    /// edition's results ([`crate::drafts::next_reporting_year`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reporting_year: Option<u8>,
}

impl Settings {
    /// Whether the staff tools show: staff mode, never on a shared kiosk.
    /// `public/boot.js` applies the same rule to choose the staff bundle.
    pub fn staff_tools_shown(&self) -> bool {
        self.staff_mode && !self.kiosk
    }

    /// Three minutes: long enough to read an item, short enough for the next visitor.
    pub const DEFAULT_KIOSK_IDLE_SECONDS: u32 = 180;

    /// Seconds without input before a kiosk returns to the start view (at least 1).
    pub fn kiosk_idle_seconds(&self) -> u32 {
        self.kiosk_idle_seconds
            .unwrap_or(Self::DEFAULT_KIOSK_IDLE_SECONDS)
            .max(1)
    }
}

impl Record for Settings {
    const KEY: &'static str = SETTINGS_KEY;
    const VERSION: u32 = 1;

    fn migrate(from_version: u32, _data: Value) -> Result<Value, String> {
        // Version 1 is the first; decode never asks for a migration yet.
        Err(format!("no migration from version {from_version}"))
    }

    fn check_shape(data: &Value) -> Result<(), String> {
        expect_object(data)
    }
}
