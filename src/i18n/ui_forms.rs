//! Messages of the assessment grid, the error texts that name their fields, money input (issue 11, items 6 and 7):
//! `(key, Latvian, English)` rows.

/// The rows.
pub static ROWS: &[(&str, &str, &str)] = &[];
