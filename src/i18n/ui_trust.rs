//! Messages of the trust screens: personal signing keys, the municipality's trust list, and verification under it (issue 13):
//! `(key, Latvian, English)` rows.

/// The rows.
pub static ROWS: &[(&str, &str, &str)] = &[];
