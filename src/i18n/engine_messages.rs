//! Messages for the engine's problem keys (validation) and allocation reasons.
//! Every key the engine can emit has a row here; a test in the engine keeps it so.

/// The engine's messages.
pub static ENGINE: &[(&str, &str, &str)] = &[(
    "problem.not_implemented",
    "Šī daļa vēl nav pabeigta.",
    "This part is not finished yet.",
)];
