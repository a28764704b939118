//! Messages of stored entries addressed by their key, an inner id that differs, and read-only cases (issue 12, item 3):
//! `(key, Latvian, English)` rows.

/// The rows.
pub static ROWS: &[(&str, &str, &str)] = &[];
