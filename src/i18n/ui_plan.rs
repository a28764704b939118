//! Messages of the plan's layout on phones and laptops, and What if (issue 11, items 1 and 3):
//! `(key, Latvian, English)` rows.

/// The rows.
pub static ROWS: &[(&str, &str, &str)] = &[];
