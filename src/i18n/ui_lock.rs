//! Messages of the device lock: a passphrase that encrypts cases and keys at rest, and persistent storage (issue 12, item 6):
//! `(key, Latvian, English)` rows.

/// The rows.
pub static ROWS: &[(&str, &str, &str)] = &[];
