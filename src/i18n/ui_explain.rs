//! Messages of the plan's reasons that say what would change the outcome, and the combined score explained (issue 11, item 2):
//! `(key, Latvian, English)` rows.

/// The rows.
pub static ROWS: &[(&str, &str, &str)] = &[];
