//! Messages of the app's team screens: `(key, Latvian, English)` rows.

/// The team messages.
pub static ROWS: &[(&str, &str, &str)] = &[];
