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
];
