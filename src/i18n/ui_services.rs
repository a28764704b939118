//! Messages of the app's services screens: `(key, Latvian, English)` rows.

/// The services messages.
pub static ROWS: &[(&str, &str, &str)] = &[];
