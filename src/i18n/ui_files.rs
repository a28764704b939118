//! Messages of file sizes checked before reading and of long verification in slices with progress (issue 12, item 4):
//! `(key, Latvian, English)` rows.

/// The rows.
pub static ROWS: &[(&str, &str, &str)] = &[];
