//! Messages of the app's result screens: `(key, Latvian, English)` rows.

/// The result messages.
pub static ROWS: &[(&str, &str, &str)] = &[];
