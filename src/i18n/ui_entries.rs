//! Messages of stored entries addressed by their key, an inner id that differs, and read-only cases (issue 12, item 3):
//! `(key, Latvian, English)` rows.

/// The rows.
pub static ROWS: &[(&str, &str, &str)] = &[
    // The engine's refusal of a case version it does not read (`engine::validate`).
    ("problem.case.schema", "Lietas versija “{found}” nav atbalstīta; šī programma saprot “{supported}”. Atjauniniet programmu.", "The case version “{found}” is not supported; this program understands “{supported}”. Update the program."),
    // A case that may only be viewed
    ("entries.read_only.title", "Šo lietu var tikai apskatīt", "This case can only be viewed"),
    ("entries.read_only.shape", "Saglabātās lietas daļa {pointer} nav tādā formā, kādu šī versija prot labot. {problem}", "The part {pointer} of the stored case is not in a form this version can edit. {problem}"),
    ("entries.read_only.body", "Šeit nekas netiek saglabāts: saglabātā lieta paliek tieši tāda, kāda tā ir. Lejupielādējiet to, lai paturētu kopiju vai atvērtu jaunākā versijā.", "Nothing is saved here: the stored case stays exactly as it is. Download it to keep a copy or to open it in a newer version."),
    ("entries.read_only.status", "Tikai apskatei: izmaiņas netiek saglabātas.", "View only: changes are not saved."),
    ("entries.read_only.flag", "tikai apskatei", "view only"),
    // An edit that could not be applied
    ("entries.edit.not_stored", "Izmaiņa nav saglabāta.", "The change was not saved."),
    ("entries.edit.not_applied", "Šo lauku nevar ierakstīt saglabātajā lietā, jo tās daļa ir nepareizā formā.", "This field cannot be written into the stored case because a part of it is in the wrong form."),
    // An entry whose inner id is not its key's
    ("entries.mismatch.title", "Ieraksts sevi sauc par citu lietu", "This entry calls itself another case"),
    ("entries.mismatch.body", "Ieraksts, kas saglabāts ar adresi “{key}”, sevi sauc par “{inner}”. Tas netiek atvērts kā cita lieta. Salabojiet to, lai tas paliktu ar adresi “{key}” (citus ierakstus tas nemaina), vai lejupielādējiet to.", "The entry stored at the address “{key}” calls itself “{inner}”. It is not opened as another case. Repair it so that it stays at the address “{key}” (no other entry is changed), or download it."),
    ("entries.mismatch.row", "saglabāts ar adresi “{key}”, bet sevi sauc par “{inner}”", "stored at the address “{key}” but calls itself “{inner}”"),
    ("entries.mismatch.repair", "Salabot ierakstu", "Repair the entry"),
];
