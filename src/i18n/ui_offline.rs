//! Messages of the app's offline and update pieces: `(key, Latvian, English)` rows.

/// The offline messages.
pub static ROWS: &[(&str, &str, &str)] = &[
    (
        "offline.update.available",
        "Ir pieejama jauna versija.",
        "A new version is available.",
    ),
    (
        "offline.update.kept",
        "Jūsu lietas un melnraksti šajā ierīcē saglabāsies.",
        "Your cases and drafts on this device are kept.",
    ),
    ("offline.update.reload", "Pārlādēt", "Reload"),
    // Shown instead of the app when another page frames it (src/ui/mod.rs), in both
    // languages at once: the stored language is not read in a frame.
    (
        "framed.title",
        "IB plānotājs nedarbojas citas lapas ietvarā",
        "IB planner does not run inside another page",
    ),
    (
        "framed.body",
        "Lai aizsargātu lietas šajā ierīcē, lietotne nedarbojas ietvarā (iframe). Atveriet to pati savā cilnē:",
        "To protect the cases on this device, the app does not run in a frame (iframe). Open it in a tab of its own:",
    ),
    ("framed.open", "atvērt IB plānotāju", "open IB planner"),
    // The sign step and the verify screen load on demand (src/ui/parts.rs).
    ("part.loading", "Ielādē…", "Loading…"),
    (
        "part.failed.title",
        "Šo daļu neizdevās ielādēt",
        "This part could not be loaded",
    ),
    (
        "part.failed.body",
        "Pārbaudiet savienojumu un mēģiniet vēlreiz. Ja lietotnei ir publicēta jauna versija, pārlādējiet lapu. Jūsu lieta ir saglabāta šajā ierīcē.",
        "Check the connection and try again. If a new version of the app has been published, reload the page. Your case is kept on this device.",
    ),
    ("part.retry", "Mēģināt vēlreiz", "Try again"),
];
