//! Messages of the app's parents screens: `(key, Latvian, English)` rows.

/// The parents messages.
pub static ROWS: &[(&str, &str, &str)] = &[];
