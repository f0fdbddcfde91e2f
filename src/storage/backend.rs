//! Raw key-value access: the browser's localStorage, or memory when it is
//! unavailable or full. Nothing outside `storage/` touches either.

use std::collections::BTreeMap;

use gloo_storage::{LocalStorage, Storage as _};
pub use model::stored::MemoryReason;

/// Where values are kept.
pub enum Backend {
    Browser(web_sys::Storage),
    /// Kept for this page only; `reason` says why.
    Memory {
        values: BTreeMap<String, String>,
        reason: MemoryReason,
    },
}

impl Backend {
    /// localStorage if it can really be written, else memory.
    ///
    /// gloo-storage's `raw()` panics when localStorage is missing, so its
    /// presence is checked first, then a probe write proves it is usable.
    pub fn open() -> Backend {
        // Prerendering at build time has no browser: pages are written as a
        // first visit sees them, with nothing stored.
        if cfg!(feature = "ssr") {
            return Backend::Memory {
                values: BTreeMap::new(),
                reason: MemoryReason::Prerendering,
            };
        }
        let present = web_sys::window()
            .and_then(|w| w.local_storage().ok())
            .flatten()
            .is_some();
        if present {
            let storage = LocalStorage::raw();
            let probe = "ueda-reform.probe";
            if storage.set_item(probe, "1").is_ok() && storage.remove_item(probe).is_ok() {
                return Backend::Browser(storage);
            }
        }
        Backend::Memory {
            values: BTreeMap::new(),
            reason: MemoryReason::Unavailable,
        }
    }

    /// Whether values survive a reload.
    pub fn memory_reason(&self) -> Option<MemoryReason> {
        match self {
            Backend::Browser(_) => None,
            // Nothing is lost at build time: there is no user yet.
            Backend::Memory {
                reason: MemoryReason::Prerendering,
                ..
            } => None,
            Backend::Memory { reason, .. } => Some(*reason),
        }
    }

    pub fn get(&self, key: &str) -> Option<String> {
        match self {
            Backend::Browser(storage) => storage.get_item(key).ok().flatten(),
            Backend::Memory { values, .. } => values.get(key).cloned(),
        }
    }

    /// Writes `value`. If the browser refuses, the backend switches to memory
    /// (keeping what it could read) and the reason is returned.
    pub fn set(&mut self, key: &str, value: &str) -> Result<(), MemoryReason> {
        match self {
            Backend::Browser(storage) => match storage.set_item(key, value) {
                Ok(()) => Ok(()),
                Err(error) => {
                    let reason = if is_quota_error(&error) {
                        MemoryReason::Full
                    } else {
                        MemoryReason::WriteFailed
                    };
                    let mut values = self.snapshot();
                    values.insert(key.to_string(), value.to_string());
                    *self = Backend::Memory { values, reason };
                    Err(reason)
                }
            },
            Backend::Memory { values, .. } => {
                values.insert(key.to_string(), value.to_string());
                Ok(())
            }
        }
    }

    pub fn remove(&mut self, key: &str) {
        match self {
            Backend::Browser(storage) => {
                let _ = storage.remove_item(key);
            }
            Backend::Memory { values, .. } => {
                values.remove(key);
            }
        }
    }

    /// Every key currently stored.
    pub fn keys(&self) -> Vec<String> {
        match self {
            Backend::Browser(storage) => {
                let length = storage.length().unwrap_or(0);
                (0..length)
                    .filter_map(|i| storage.key(i).ok().flatten())
                    .collect()
            }
            Backend::Memory { values, .. } => values.keys().cloned().collect(),
        }
    }

    /// A copy of the app's own values, to carry on in memory.
    fn snapshot(&self) -> BTreeMap<String, String> {
        self.keys()
            .into_iter()
            .filter(|k| k.starts_with(model::stored::NAMESPACE))
            .filter_map(|k| self.get(&k).map(|v| (k, v)))
            .collect()
    }
}

fn is_quota_error(error: &wasm_bindgen::JsValue) -> bool {
    let name = js_sys::Reflect::get(error, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED"
}
