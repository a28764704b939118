//! The device lock's side of storage: the session key (in memory only), sealing and
//! opening of stored entries ([`to_stored`], [`from_stored`]), turning the lock on and
//! off, and asking the browser to keep storage persistent. The cryptography is
//! [`crate::seal`]; this file only knows where things are kept.
//!
//! - **What is sealed:** every case (`ib-planner/case/…`) and signing key
//!   (`ib-planner/signing-key/…`), each bound to its own storage key. The language and
//!   the lock record (`ib-planner/lock`: salt, parameters, a sealed check value) stay
//!   clear.
//! - **The key** lives in a `thread_local` of this page for as long as the page, inside
//!   the [`Session`] the lock chunk hands over on unlocking (the cipher's code is in that
//!   chunk too, since only an unlocked page seals or opens anything); it is never written
//!   anywhere, so every tab and every reload asks for the passphrase again.
//! - **The lock is on** while the lock record exists. Without the session key nothing is
//!   read or written ([`ReadError::Locked`], `StorageError::Locked`).
//! - **Turning on** ([`turn_on`]): the lock record is written and read back first, then
//!   each entry in turn is sealed, written, read back and opened, and compared with the
//!   clear text before the next; if a write fails, the entries already sealed are written
//!   back clear and the record removed (rolled back). A page closed half-way leaves the
//!   record and a mix of sealed and clear entries, all readable with the passphrase; the
//!   next unlock seals the rest ([`unlock`]).
//! - **Turning off** ([`turn_off`]): each sealed entry is opened, written clear, read
//!   back and compared; the record is removed last, so a page closed half-way is still
//!   locked (and the next unlock seals the clear ones again: nothing is ever left
//!   unreadable).

use super::{local_storage, StorageError, CASE_PREFIX, KEY_PREFIX};
use crate::seal;
use std::cell::RefCell;
use std::rc::Rc;

/// Where the lock record is kept.
pub const LOCK_KEY: &str = "ib-planner/lock";

/// An unlocked page's key with the cipher (made by the lock chunk from a checked
/// passphrase: `crate::seal` with the key inside).
pub trait Session {
    /// `text` sealed for the storage key `associated`; `None` without randomness.
    fn seal(&self, associated: &str, text: &str) -> Option<String>;
    /// The clear text of `sealed`, stored under `associated`; `None` if it does not open.
    fn open(&self, associated: &str, sealed: &str) -> Option<String>;
}

thread_local! {
    static SESSION: RefCell<Option<Rc<dyn Session>>> = const { RefCell::new(None) };
}

fn session() -> Option<Rc<dyn Session>> {
    SESSION.with(|s| s.borrow().clone())
}

fn set_session(session: Option<Rc<dyn Session>>) {
    SESSION.with(|s| *s.borrow_mut() = session);
}

/// Whether the lock is on, and if so whether this page has the key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockState {
    /// No lock: entries are stored clear.
    Off,
    /// The lock is on and this page has not been unlocked.
    Locked,
    /// The lock is on and this page has the key.
    Unlocked,
}

/// Why a stored entry could not be turned into clear text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadError {
    /// The entry is sealed (or the lock is on) and this page has no key.
    Locked,
    /// The entry is sealed but does not open with this page's key: changed, moved from
    /// another storage key, or sealed under another passphrase.
    CannotOpen,
}

/// Why the lock could not be turned on or off, or unlocked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockError {
    /// No storage, or it refused a write: nothing was changed (rolled back).
    Storage,
    /// The passphrase is not the one the lock was set with; nothing was changed.
    WrongPassphrase,
    /// The lock record is damaged or of an unknown format.
    BadRecord,
    /// The lock was already on (turning on) or off (turning off), e.g. by another tab.
    Unchanged,
    /// No random numbers from the browser.
    NoRandomness,
}

/// The lock's state on this page.
pub fn state() -> LockState {
    match lock_record_text() {
        None => LockState::Off,
        Some(_) if has_session() => LockState::Unlocked,
        Some(_) => LockState::Locked,
    }
}

/// The stored lock record's text, if the lock is on.
pub fn lock_record_text() -> Option<String> {
    local_storage().ok()?.get_item(LOCK_KEY).ok().flatten()
}

fn has_session() -> bool {
    SESSION.with(|s| s.borrow().is_some())
}

/// Fresh random bytes from the browser's cryptographic source.
pub fn random<const N: usize>() -> Result<[u8; N], LockError> {
    let mut bytes = [0u8; N];
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .ok_or(LockError::NoRandomness)?;
    Ok(bytes)
}

/// The text to store under `key` for the clear `text`: sealed when the lock is on, as it
/// is when off. `Err(Locked)` when the lock is on and this page has no key (nothing is
/// written then).
pub fn to_stored(key: &str, text: &str) -> Result<String, StorageError> {
    if lock_record_text().is_none() {
        return Ok(text.to_string());
    }
    match session() {
        Some(session) => session.seal(key, text).ok_or(StorageError::WriteRefused),
        None => Err(StorageError::Locked),
    }
}

/// The clear text of what is stored under `key`. Clear text is returned as it is, also
/// while the lock is on (an entry the lock has not sealed yet) unless this page is locked.
pub fn from_stored(key: &str, raw: String) -> Result<String, ReadError> {
    let locked_page = !has_session() && lock_record_text().is_some();
    if !seal::looks_sealed(&raw) {
        return if locked_page {
            Err(ReadError::Locked)
        } else {
            Ok(raw)
        };
    }
    match session() {
        Some(session) => session.open(key, &raw).ok_or(ReadError::CannotOpen),
        None => Err(ReadError::Locked),
    }
}

/// Every storage key the lock seals (cases and signing keys).
fn sealable_keys(storage: &web_sys::Storage) -> Vec<String> {
    let count = storage.length().unwrap_or(0);
    (0..count)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|key| key.starts_with(CASE_PREFIX) || key.starts_with(KEY_PREFIX))
        .collect()
}

/// Writes `stored` under `key` and checks it by reading it back.
fn write_checked(storage: &web_sys::Storage, key: &str, stored: &str) -> bool {
    storage.set_item(key, stored).is_ok()
        && storage.get_item(key).ok().flatten().as_deref() == Some(stored)
}

/// Keeps `session` (whose passphrase the caller checked against the lock record) for this
/// page, then seals any entry still clear (a lock that was turned on or off half-way).
/// Returns how many entries were sealed now.
pub fn unlock(session: Rc<dyn Session>) -> Result<usize, LockError> {
    if lock_record_text().is_none() {
        return Err(LockError::Unchanged);
    }
    set_session(Some(session));
    Ok(seal_clear_entries())
}

/// Seals, best effort, the entries that are still clear while the lock is on; an entry
/// whose write fails stays clear (and readable). Returns how many were sealed.
fn seal_clear_entries() -> usize {
    let Ok(storage) = local_storage() else {
        return 0;
    };
    let mut sealed = 0;
    for entry in sealable_keys(&storage) {
        let Some(raw) = storage.get_item(&entry).ok().flatten() else {
            continue;
        };
        if seal::looks_sealed(&raw) {
            continue;
        }
        if let Ok(stored) = to_stored(&entry, &raw) {
            if write_checked(&storage, &entry, &stored)
                && from_stored(&entry, stored).as_deref() == Ok(raw.as_str())
            {
                sealed += 1;
            } else {
                let _ = storage.set_item(&entry, &raw);
            }
        }
    }
    sealed
}

/// Turns the lock on: stores `record` (the lock record for `session`'s key) and seals
/// every entry with `session` (see the module's notes for the order). Returns how many
/// entries were sealed.
pub fn turn_on(session: Rc<dyn Session>, record: &str) -> Result<usize, LockError> {
    let storage = local_storage().map_err(|_| LockError::Storage)?;
    if lock_record_text().is_some() {
        return Err(LockError::Unchanged);
    }
    if !write_checked(&storage, LOCK_KEY, record) {
        let _ = storage.remove_item(LOCK_KEY);
        return Err(LockError::Storage);
    }
    set_session(Some(session));
    let mut done: Vec<(String, String)> = Vec::new();
    for entry in sealable_keys(&storage) {
        let Some(clear) = storage.get_item(&entry).ok().flatten() else {
            continue;
        };
        if seal::looks_sealed(&clear) {
            continue; // Not ours to touch: it cannot be opened without its own key.
        }
        let checked = to_stored(&entry, &clear).is_ok_and(|stored| {
            write_checked(&storage, &entry, &stored)
                && from_stored(&entry, stored).as_deref() == Ok(clear.as_str())
        });
        if !checked {
            // Roll back: this entry and every one before it clear again, then no lock.
            let _ = storage.set_item(&entry, &clear);
            for (key, text) in &done {
                let _ = storage.set_item(key, text);
            }
            let _ = storage.remove_item(LOCK_KEY);
            set_session(None);
            return Err(LockError::Storage);
        }
        done.push((entry, clear));
    }
    Ok(done.len())
}

/// Turns the lock off: every sealed entry is written back clear, then the record goes
/// (see the module's notes). Needs this page unlocked. Returns how many entries were
/// opened; an entry that does not open with this key (damaged) is left as it is.
pub fn turn_off() -> Result<usize, LockError> {
    let storage = local_storage().map_err(|_| LockError::Storage)?;
    if state() != LockState::Unlocked {
        return Err(LockError::Unchanged);
    }
    let mut opened = 0;
    for entry in sealable_keys(&storage) {
        let Some(raw) = storage.get_item(&entry).ok().flatten() else {
            continue;
        };
        if !seal::looks_sealed(&raw) {
            continue;
        }
        let Ok(clear) = from_stored(&entry, raw.clone()) else {
            continue;
        };
        if !write_checked(&storage, &entry, &clear) {
            // Still locked, this entry sealed as before: nothing lost, try again later.
            let _ = storage.set_item(&entry, &raw);
            return Err(LockError::Storage);
        }
        opened += 1;
    }
    if storage.remove_item(LOCK_KEY).is_err() {
        return Err(LockError::Storage);
    }
    set_session(None);
    Ok(opened)
}

// Persistent storage
//
// Browsers may clear a site's storage when space runs short unless the site asked to
// keep it (`navigator.storage.persist()`) and the browser granted it.

/// Whether the browser keeps this site's storage persistently: `Some(granted)`, or `None`
/// when the browser cannot say (no StorageManager).
pub async fn persisted() -> Option<bool> {
    let manager = web_sys::window()?.navigator().storage();
    let promise = manager.persisted().ok()?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .as_bool()
}

/// Asks the browser to keep this site's storage (once per page; later calls only read
/// the answer). `Some(granted)`, or `None` when the browser cannot say.
pub async fn request_persistence() -> Option<bool> {
    thread_local! {
        static ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if ASKED.with(|a| a.replace(true)) {
        return persisted().await;
    }
    let manager = web_sys::window()?.navigator().storage();
    let promise = manager.persist().ok()?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .as_bool()
}
