//! Messages of the parents' own way in and the answers sent as a file (issue 11, item 5):
//! `(key, Latvian, English)` rows.

/// The rows.
pub static ROWS: &[(&str, &str, &str)] = &[];
