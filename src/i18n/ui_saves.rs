//! Messages of failed saves, leaving with an unsaved edit, importing a case file, the backup of all cases and storage use (issue 12, item 2):
//! `(key, Latvian, English)` rows.

/// The rows.
pub static ROWS: &[(&str, &str, &str)] = &[];
