//! Messages for signatures and verification: proof states, key problems, recomputation.

/// The signature and verification messages.
pub static INTEGRITY: &[(&str, &str, &str)] = &[];
