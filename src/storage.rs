//! The only module that knows `localStorage`, through gloo-storage's [`LocalStorage`].
//! Everything is read defensively: storage that is missing, blocked or holds unreadable
//! data yields an error value, never a panic, and unreadable entries are kept (and
//! offered for download), never deleted.
//!
//! Entries are read and written as text (`LocalStorage::raw()`), not through gloo's typed
//! `get`/`set`: an unreadable case must be kept and offered byte for byte, the language is
//! a bare tag (`lv`), and a stored case's envelope is parsed by `draft`, which explains
//! what is wrong with it instead of a serde error.
//!
//! The device lock (`lock`, issue 12) sits between the two: every case and signing key
//! passes [`to_stored`] on its way in and [`from_stored`] on its way out, so callers see
//! clear text only, whether the lock is on or off.

use crate::draft::{StoredCase, StoredCaseError};
use crate::i18n::Lang;
use gloo_storage::{LocalStorage, Storage};

mod lock;
// Issue 13: the sealed personal key and the trust list (src/storage/personal.rs).
mod personal;
pub use lock::{
    persisted, request_persistence, state as lock_state, LockError, LockState, ReadError, LOCK_KEY,
};
pub use personal::{
    delete_personal_key, delete_trust_list, load_personal_key, load_trust_list, save_personal_key,
    save_trust_list, PERSONAL_KEY_KEY, TRUST_LIST_KEY,
};
/// The device lock's operations, for its settings (a split chunk).
pub mod device_lock {
    pub use super::lock::{lock_record_text, random, turn_off, turn_on, unlock, Session};
}

const LANG_KEY: &str = "ib-planner/lang";
const CASE_PREFIX: &str = "ib-planner/case/";

/// Why a storage operation failed, in terms the UI can explain.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// No `localStorage` at all (blocked by the browser's settings or policy).
    Unavailable,
    /// The browser refused the write, most often because storage is full.
    WriteRefused,
    /// The device lock is on and this page has not been unlocked (nothing was read or
    /// written).
    Locked,
    /// Not written: another tab changed the case at the same time, and the user is
    /// still to choose between the two versions (see [`compare_and_set_case`]).
    ChangedElsewhere,
    /// Not written: the case was deleted in another tab, and nothing recreates it.
    DeletedElsewhere,
    /// Not written: another tab stored the case as text this build cannot read, which
    /// is kept as it is.
    UnreadableElsewhere,
}

/// The text to store under `key` for the clear `text` (sealed while the device lock is
/// on). Every write of a case or a signing key goes through it.
pub fn to_stored(key: &str, text: &str) -> Result<String, StorageError> {
    lock::to_stored(key, text)
}

/// The clear text of `raw`, stored under `key` (opened while the device lock is on).
/// Every read of a case or a signing key goes through it.
pub fn from_stored(key: &str, raw: String) -> Result<String, ReadError> {
    lock::from_stored(key, raw)
}

impl StorageError {
    /// The message key that explains this error.
    pub fn key(&self) -> &'static str {
        match self {
            StorageError::Unavailable => "storage.error.unavailable",
            StorageError::WriteRefused => "storage.error.write_refused",
            StorageError::Locked => "storage.error.locked",
            StorageError::ChangedElsewhere => "tabs.error.changed",
            StorageError::DeletedElsewhere => "tabs.error.deleted",
            StorageError::UnreadableElsewhere => "tabs.error.unreadable",
        }
    }
}

/// One entry of the device's case list.
#[derive(Clone, Debug, PartialEq)]
pub enum CaseEntry {
    /// A readable case.
    Case(StoredCase),
    /// A readable case stored under a key that is not its inner id's (case A's text under
    /// `ib-planner/case/B`). Listed apart so that nothing opens, saves or deletes it as the
    /// case it names: every action on it uses `key`. (So a [`CaseEntry::Case`] is always
    /// stored under the key of its own id.)
    Mismatch {
        /// The storage key.
        key: String,
        /// The raw text, for the download.
        raw: String,
        /// The case as read, naming another id than the key's.
        stored: StoredCase,
    },
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

/// Every case on this device, most recently saved first; entries whose inner id is not
/// their key's, and unreadable entries, last.
pub fn list_cases() -> Result<Vec<CaseEntry>, StorageError> {
    let storage = local_storage()?;
    if lock_state() == LockState::Locked {
        return Err(StorageError::Locked);
    }
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
        let raw = match from_stored(&key, raw.clone()) {
            Ok(text) => text,
            Err(ReadError::Locked) => return Err(StorageError::Locked),
            Err(ReadError::CannotOpen) => {
                let error = StoredCaseError::Sealed;
                unreadable.push(CaseEntry::Unreadable { key, raw, error });
                continue;
            }
        };
        match StoredCase::from_text(&raw) {
            Ok(case) if key == case_key(&case.id) => cases.push(CaseEntry::Case(case)),
            Ok(stored) => unreadable.push(CaseEntry::Mismatch { key, raw, stored }),
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

/// Reads one case by the key of `id`. `Ok(None)` when there is no such case. The case
/// read may name another id than `id` (see [`crate::entries::classify`]).
pub fn load_case(id: &str) -> Result<Option<Result<StoredCase, StoredCaseError>>, StorageError> {
    Ok(match read_case_entry(id)? {
        None => None,
        Some(Ok(text)) => Some(StoredCase::from_text(&text)),
        Some(Err(_sealed)) => Some(Err(StoredCaseError::Sealed)),
    })
}

/// The text stored under the key of `id`, opened if the device lock sealed it (for
/// opening it and for the download of an entry that cannot be edited); a sealed entry
/// that does not open is given exactly as stored. `Ok(None)` when there is none.
pub fn load_case_text(id: &str) -> Result<Option<String>, StorageError> {
    Ok(read_case_entry(id)?.map(|entry| entry.unwrap_or_else(|raw| raw)))
}

/// The entry under the key of `id`: its clear text, or `Err` with the raw text of a
/// sealed entry that does not open with this session's key.
fn read_case_entry(id: &str) -> Result<Option<Result<String, String>>, StorageError> {
    let storage = local_storage()?;
    let key = case_key(id);
    let raw = storage
        .get_item(&key)
        .map_err(|_| StorageError::Unavailable)?;
    let Some(raw) = raw else {
        return match lock_state() {
            LockState::Locked => Err(StorageError::Locked),
            _ => Ok(None),
        };
    };
    match from_stored(&key, raw.clone()) {
        Ok(text) => Ok(Some(Ok(text))),
        Err(ReadError::Locked) => Err(StorageError::Locked),
        Err(ReadError::CannotOpen) => Ok(Some(Err(raw))),
    }
}

/// The id a case key addresses (`ib-planner/case/<id>`), for acting on a listed entry
/// by its key.
pub fn case_id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(CASE_PREFIX)
}

/// Saves one case, replacing what was stored under its id: for a new entry (a new or
/// duplicated case). An open case is written with [`compare_and_set_case`].
pub fn save_case(case: &StoredCase) -> Result<(), StorageError> {
    let storage = local_storage()?;
    let key = case_key(&case.id);
    storage
        .set_item(&key, &to_stored(&key, &case.to_text())?)
        .map_err(|_| StorageError::WriteRefused)
}

// Compare-and-set (two tabs on one case, issue 12 item 1)
//
// Two tabs of one browser can hold the same case. Each write of an open case names the
// stored record its edit is based on and is made only if the entry still holds exactly
// that record, with the revision one higher; otherwise the caller merges
// (`crate::merge`, `ui::tabs`). The entry is read again right before the write:
// localStorage is synchronous within a tab, but two tabs can interleave between one
// tab's earlier read and its write. Nothing written here recreates a deleted entry.

/// What a compare-and-set write found.
#[derive(Clone, Debug, PartialEq)]
pub enum CasOutcome {
    /// Written: the entry now holds this record.
    Written(StoredCase),
    /// Not written: the entry holds another record than the expected one.
    Changed(StoredCase),
    /// Not written: there is no entry any more (deleted in another tab).
    Gone,
    /// Not written: the entry holds text this build cannot read, kept as it is.
    Unreadable,
}

/// Writes `case` as the next revision of `expected`, only if the entry under
/// `expected.id` is still exactly `expected`.
pub fn compare_and_set_case(
    expected: &StoredCase,
    case: &serde_json::Value,
    updated: &str,
) -> Result<CasOutcome, StorageError> {
    let storage = local_storage()?;
    let key = case_key(&expected.id);
    // Read through the device lock like every read: the comparison is of clear records.
    let current = match read_case_entry(&expected.id)? {
        None => return Ok(CasOutcome::Gone),
        Some(Err(_sealed)) => return Ok(CasOutcome::Unreadable),
        Some(Ok(text)) => StoredCase::from_text(&text),
    };
    let current = match current {
        Err(_) => return Ok(CasOutcome::Unreadable),
        Ok(current) => current,
    };
    if current != *expected {
        return Ok(CasOutcome::Changed(current));
    }
    let record = StoredCase {
        id: expected.id.clone(),
        updated: updated.to_string(),
        case: case.clone(),
        rev: expected.rev + 1,
    };
    storage
        .set_item(&key, &to_stored(&key, &record.to_text())?)
        .map_err(|_| StorageError::WriteRefused)?;
    Ok(CasOutcome::Written(record))
}

/// Whether a `storage` event's key is one of the cases' entries (`None`: storage was
/// cleared), for screens that list or show cases.
pub fn is_case_key(key: Option<&str>) -> bool {
    key.is_none_or(|key| key.starts_with(CASE_PREFIX))
}

/// Whether a `storage` event's key is the entry of case `id` (`None`: storage was
/// cleared).
pub fn is_key_of_case(key: Option<&str>, id: &str) -> bool {
    key.is_none_or(|key| key.strip_prefix(CASE_PREFIX) == Some(id))
}

// End of compare-and-set.

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
    let storage = local_storage()?;
    if lock_state() == LockState::Locked {
        return Err(StorageError::Locked);
    }
    let key = signing_key_key(slot);
    let raw = storage
        .get_item(&key)
        .map_err(|_| StorageError::Unavailable)?;
    // A sealed key that does not open is handed on as it is: the sign step explains it
    // as a damaged key.
    Ok(raw.map(|raw| from_stored(&key, raw.clone()).unwrap_or(raw)))
}

/// Stores the key file text for `slot`, replacing any earlier key.
pub fn save_signing_key(slot: &str, key_text: &str) -> Result<(), StorageError> {
    let storage = local_storage()?;
    let key = signing_key_key(slot);
    storage
        .set_item(&key, &to_stored(&key, key_text)?)
        .map_err(|_| StorageError::WriteRefused)
}

/// The slots that have a key on this device, sorted.
pub fn list_signing_keys() -> Result<Vec<String>, StorageError> {
    let storage = local_storage()?;
    if lock_state() == LockState::Locked {
        return Err(StorageError::Locked);
    }
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

// The provider list (issue 14)
//
// The municipality's provider list the provision step loaded: reference data about
// organisations, not about a child, kept in clear text like the language (the device lock
// seals cases and keys). Without it the step shows the built-in example.

const PROVIDERS_KEY: &str = "ib-planner/providers";

/// The provider list file loaded on this device, if any.
pub fn load_provider_list() -> Option<String> {
    local_storage().ok()?.get_item(PROVIDERS_KEY).ok().flatten()
}

/// Keeps a provider list file's text on this device (`None`: forget it, back to the
/// example).
pub fn save_provider_list(text: Option<&str>) -> Result<(), StorageError> {
    let storage = local_storage()?;
    match text {
        Some(text) => storage
            .set_item(PROVIDERS_KEY, text)
            .map_err(|_| StorageError::WriteRefused),
        None => storage
            .remove_item(PROVIDERS_KEY)
            .map_err(|_| StorageError::WriteRefused),
    }
}
