//! Messages of the parents' own order: not ranked yet, following the experts, needing a look (issue 11, item 4):
//! `(key, Latvian, English)` rows.

/// The rows.
pub static ROWS: &[(&str, &str, &str)] = &[];
