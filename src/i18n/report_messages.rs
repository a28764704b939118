//! Messages of the monitoring reports: municipality, region and ministry (issue 16):
//! `(key, Latvian, English)` rows.

/// The rows.
pub static ROWS: &[(&str, &str, &str)] = &[];
