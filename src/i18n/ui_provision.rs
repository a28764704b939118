//! Messages of the provision screens: providers, arrangements, guarantee letters, delivery and payments (issue 14):
//! `(key, Latvian, English)` rows.

/// The rows.
pub static ROWS: &[(&str, &str, &str)] = &[];
