//! Messages of two tabs on one case: changes from another tab, conflicts, a deletion elsewhere (issue 12, item 1):
//! `(key, Latvian, English)` rows.

/// The rows.
pub static ROWS: &[(&str, &str, &str)] = &[];
