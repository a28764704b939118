//! The only module that knows `localStorage`, through gloo-storage's [`LocalStorage`].
//! Everything is read defensively: storage that is missing, blocked or holds unreadable
//! data yields an error value, never a panic, and unreadable entries are kept (and
//! offered for download), never deleted.
//!
//! Entries are read and written as text (`LocalStorage::raw()`), not through gloo's typed
//! `get`/`set`: an unreadable case must be kept and offered byte for byte, the language is
//! a bare tag (`lv`), and a stored case's envelope is parsed by `draft`, which explains
//! what is wrong with it instead of a serde error.

use crate::draft::{StoredCase, StoredCaseError};
use crate::i18n::Lang;
use gloo_storage::{LocalStorage, Storage};

const LANG_KEY: &str = "ib-planner/lang";
const CASE_PREFIX: &str = "ib-planner/case/";

/// Why a storage operation failed, in terms the UI can explain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// No `localStorage` at all (blocked by the browser's settings or policy).
    Unavailable,
    /// The browser refused the write, most often because storage is full.
    WriteRefused,
}

impl StorageError {
    /// The message key that explains this error.
    pub fn key(&self) -> &'static str {
        match self {
            StorageError::Unavailable => "storage.error.unavailable",
            StorageError::WriteRefused => "storage.error.write_refused",
        }
    }
}

/// One entry of the device's case list.
#[derive(Clone, Debug, PartialEq)]
pub enum CaseEntry {
    /// A readable case.
    Case(StoredCase),
    /// Stored text that could not be read; kept as it is so it can be downloaded.
    Unreadable {
        /// The storage key.
        key: String,
        /// The raw text.
        raw: String,
        /// Why it could not be read.
        error: StoredCaseError,
    },
}

/// The device's storage, or why there is none. gloo-storage throws where the browser
/// blocks `localStorage` (settings, policy, some private modes), so this asks first.
fn local_storage() -> Result<web_sys::Storage, StorageError> {
    let available = web_sys::window()
        .map(|w| matches!(w.local_storage(), Ok(Some(_))))
        .unwrap_or(false);
    if available {
        Ok(LocalStorage::raw())
    } else {
        Err(StorageError::Unavailable)
    }
}

/// The language the user chose last time on this device, if any.
pub fn load_lang() -> Option<Lang> {
    let value = local_storage().ok()?.get_item(LANG_KEY).ok().flatten()?;
    Lang::from_tag(&value)
}

/// Remembers the chosen language. Returns `false` when storage refused the write
/// (private mode, quota, policy); the app keeps working in memory.
pub fn save_lang(lang: Lang) -> bool {
    local_storage()
        .map(|s| s.set_item(LANG_KEY, lang.tag()).is_ok())
        .unwrap_or(false)
}

fn case_key(id: &str) -> String {
    format!("{CASE_PREFIX}{id}")
}

/// Every case on this device, most recently saved first; unreadable entries last.
pub fn list_cases() -> Result<Vec<CaseEntry>, StorageError> {
    let storage = local_storage()?;
    let count = LocalStorage::length();
    let mut cases = Vec::new();
    let mut unreadable = Vec::new();
    for index in 0..count {
        let Some(key) = storage.key(index).ok().flatten() else {
            continue;
        };
        if !key.starts_with(CASE_PREFIX) {
            continue;
        }
        let raw = storage.get_item(&key).ok().flatten().unwrap_or_default();
        match StoredCase::from_text(&raw) {
            Ok(case) => cases.push(CaseEntry::Case(case)),
            Err(error) => unreadable.push(CaseEntry::Unreadable { key, raw, error }),
        }
    }
    crate::engine::order::sort_by(&mut cases, |a, b| match (a, b) {
        (CaseEntry::Case(a), CaseEntry::Case(b)) => {
            b.updated.cmp(&a.updated).then_with(|| a.id.cmp(&b.id))
        }
        _ => std::cmp::Ordering::Equal,
    });
    cases.extend(unreadable);
    Ok(cases)
}

/// Reads one case. `Ok(None)` when there is no such case.
pub fn load_case(id: &str) -> Result<Option<Result<StoredCase, StoredCaseError>>, StorageError> {
    let storage = local_storage()?;
    let raw = storage
        .get_item(&case_key(id))
        .map_err(|_| StorageError::Unavailable)?;
    Ok(raw.map(|text| StoredCase::from_text(&text)))
}

/// Saves one case, replacing what was stored under its id.
pub fn save_case(case: &StoredCase) -> Result<(), StorageError> {
    local_storage()?
        .set_item(&case_key(&case.id), &case.to_text())
        .map_err(|_| StorageError::WriteRefused)
}

/// Deletes one case (or an unreadable entry, by its full storage key).
pub fn delete_case(id: &str) -> Result<(), StorageError> {
    local_storage()?;
    LocalStorage::delete(case_key(id));
    Ok(())
}

/// Deletes an unreadable entry by its storage key.
pub fn delete_key(key: &str) -> Result<(), StorageError> {
    if !key.starts_with(CASE_PREFIX) {
        return Err(StorageError::WriteRefused);
    }
    local_storage()?;
    LocalStorage::delete(key);
    Ok(())
}

// Signing keys
//
// This device's signing keys, one per key slot (see `crate::signing::key_slot`), kept as
// key-file text (`{publicKeyMultibase, secretKeyMultibase}`) so a stored key and an
// exported one are the same thing. Reading them is defensive like everything here: the
// text is returned as it is and parsed by the caller, who can explain a damaged key.

const KEY_PREFIX: &str = "ib-planner/signing-key/";

fn signing_key_key(slot: &str) -> String {
    format!("{KEY_PREFIX}{slot}")
}

/// The key file text stored for `slot`. `Ok(None)` when there is none.
pub fn load_signing_key(slot: &str) -> Result<Option<String>, StorageError> {
    local_storage()?
        .get_item(&signing_key_key(slot))
        .map_err(|_| StorageError::Unavailable)
}

/// Stores the key file text for `slot`, replacing any earlier key.
pub fn save_signing_key(slot: &str, key_text: &str) -> Result<(), StorageError> {
    local_storage()?
        .set_item(&signing_key_key(slot), key_text)
        .map_err(|_| StorageError::WriteRefused)
}

/// The slots that have a key on this device, sorted.
pub fn list_signing_keys() -> Result<Vec<String>, StorageError> {
    let storage = local_storage()?;
    let count = LocalStorage::length();
    let mut slots: Vec<String> = (0..count)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter_map(|key| key.strip_prefix(KEY_PREFIX).map(str::to_string))
        .collect();
    crate::engine::order::sort(&mut slots);
    Ok(slots)
}

// Storage use and backups (issue 12)
//
// What the start screen's storage meter and backup part need: the bytes in use, the time
// of the last backup, and a way to put an unreadable entry back from a backup.

const LAST_BACKUP_KEY: &str = "ib-planner/last-backup";
const APP_PREFIX: &str = "ib-planner/";

/// Bytes of storage in use, counted as browsers count them (UTF-16: two bytes per code
/// unit of every key and value): `(this app's entries, every entry of the site, the
/// number of stored cases)`.
pub fn usage() -> Result<(u64, u64, u64), StorageError> {
    let storage = local_storage()?;
    let (mut app, mut all, mut cases) = (0u64, 0u64, 0u64);
    for index in 0..LocalStorage::length() {
        let Some(key) = storage.key(index).ok().flatten() else {
            continue;
        };
        let value = storage.get_item(&key).ok().flatten().unwrap_or_default();
        let bytes = 2 * (key.encode_utf16().count() + value.encode_utf16().count()) as u64;
        all += bytes;
        if key.starts_with(APP_PREFIX) {
            app += bytes;
        }
        if key.starts_with(CASE_PREFIX) {
            cases += 1;
        }
    }
    Ok((app, all, cases))
}

/// When the user last backed up all cases on this device (ISO 8601), if ever.
pub fn last_backup() -> Option<String> {
    local_storage()
        .ok()?
        .get_item(LAST_BACKUP_KEY)
        .ok()
        .flatten()
}

/// Remembers when the user backed up; `false` when storage refused the write.
pub fn save_last_backup(iso: &str) -> bool {
    local_storage()
        .map(|s| s.set_item(LAST_BACKUP_KEY, iso).is_ok())
        .unwrap_or(false)
}

/// Puts raw `text` back under the case key `key`, only where nothing is stored under it
/// (restoring an unreadable entry from a backup never replaces anything).
pub fn restore_raw(key: &str, text: &str) -> Result<bool, StorageError> {
    if !key.starts_with(CASE_PREFIX) {
        return Err(StorageError::WriteRefused);
    }
    let storage = local_storage()?;
    if storage.get_item(key).ok().flatten().is_some() {
        return Ok(false);
    }
    storage
        .set_item(key, text)
        .map(|()| true)
        .map_err(|_| StorageError::WriteRefused)
}
