//! Messages of the review screens: the review after 6 months, the next plan and the child's history (issue 15):
//! `(key, Latvian, English)` rows.

/// The rows.
pub static ROWS: &[(&str, &str, &str)] = &[];
