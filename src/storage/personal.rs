//! Issue 13's entries: the person's sealed signing key and the municipality's trust list.
//!
//! - `ib-planner/personal-key`: the personal key, always an `ib-sealed/1` envelope sealed
//!   with the key's own passphrase (`crate::personal_key`); this module refuses to store
//!   anything else, so the key is never in clear at rest, lock or no lock. The device lock
//!   and the backups leave it alone (their prefixes are `ib-planner/case/` and
//!   `ib-planner/signing-key/`), and the case list never sees it.
//! - `ib-planner/trust-list`: the trust list as loaded (public text, kept clear).

use super::{local_storage, StorageError};

/// Where the personal key is kept.
pub const PERSONAL_KEY_KEY: &str = "ib-planner/personal-key";
/// Where the trust list is kept.
pub const TRUST_LIST_KEY: &str = "ib-planner/trust-list";

fn load(key: &str) -> Result<Option<String>, StorageError> {
    local_storage()?
        .get_item(key)
        .map_err(|_| StorageError::Unavailable)
}

fn save(key: &str, text: &str) -> Result<(), StorageError> {
    local_storage()?
        .set_item(key, text)
        .map_err(|_| StorageError::WriteRefused)
}

fn remove(key: &str) -> Result<(), StorageError> {
    local_storage()?
        .remove_item(key)
        .map_err(|_| StorageError::WriteRefused)
}

/// The sealed personal key text, if there is one.
pub fn load_personal_key() -> Result<Option<String>, StorageError> {
    load(PERSONAL_KEY_KEY)
}

/// Stores the sealed personal key (replacing any earlier one). Text that is not a sealed
/// personal key file is refused, so nothing clear is ever written here.
pub fn save_personal_key(sealed: &str) -> Result<(), StorageError> {
    if !crate::personal_key::looks_like_key_file(sealed) {
        return Err(StorageError::WriteRefused);
    }
    save(PERSONAL_KEY_KEY, sealed)
}

/// Removes the personal key from this device.
pub fn delete_personal_key() -> Result<(), StorageError> {
    remove(PERSONAL_KEY_KEY)
}

/// The trust list text, if one was loaded.
pub fn load_trust_list() -> Result<Option<String>, StorageError> {
    load(TRUST_LIST_KEY)
}

/// Keeps the trust list text (replacing any earlier one).
pub fn save_trust_list(text: &str) -> Result<(), StorageError> {
    save(TRUST_LIST_KEY, text)
}

/// Removes the trust list.
pub fn delete_trust_list() -> Result<(), StorageError> {
    remove(TRUST_LIST_KEY)
}
