//! Messages of failed saves, leaving with an unsaved edit, importing a case file, the backup of all cases and storage use (issue 12, item 2):
//! `(key, Latvian, English)` rows, in two tables: [`ROWS`], in the catalogue (a case
//! screen asks the leave question), and [`PART_ROWS`], the start screen's case-files
//! part: only the code of its chunk (`saves`) reads them, through [`super::t_in`], so
//! their text loads with that chunk and not with the first screen.

/// The rows.
/// The rows in the catalogue.
pub static ROWS: &[(&str, &str, &str)] = &[
    ("saves.leave.title", "Pēdējās izmaiņas nav saglabātas", "The latest changes are not saved"),
    ("saves.leave.body", "Aizejot tās pazudīs. Lejupielādējiet lietu vai atbrīvojiet vietu: saglabāšana tiek atkārtota pati.", "If you leave, they are lost. Download the case or free some space: saving is retried by itself."),
    ("saves.leave.stay", "Palikt lietā", "Stay in the case"),
    ("saves.leave.go", "Aiziet bez saglabāšanas", "Leave without saving"),
];

/// The rows of the start screen's case-files part (chunk `saves`).
pub static PART_ROWS: &[(&str, &str, &str)] = &[
    // The start screen's part
    ("saves.title", "Lietu faili un rezerves kopijas", "Case files and backups"),
    ("saves.storage.title", "Krātuve šajā ierīcē", "Storage on this device"),
    ("saves.storage.used", "Lietas aizņem {used} no aptuveni {limit} ({percent} % izmantoti); brīvi aptuveni {left}.", "Cases take {used} of about {limit} ({percent} % used); about {left} left."),
    ("saves.storage.fit", "Tas ir vieta vēl aptuveni {count} šāda lieluma lietām.", "Room for about {count} more cases of this size."),
    ("saves.storage.warn_title", "Krātuve gandrīz pilna.", "Storage is almost full."),
    ("saves.storage.warn", "Izmantoti {percent} %. Kad tā būs pilna, izmaiņas netiks saglabātas: izveidojiet rezerves kopiju un dzēsiet nevajadzīgās lietas.", "{percent} % is used. When it is full, changes cannot be saved: make a backup and delete cases you no longer need."),
    ("saves.reminder.title", "Laiks izveidot rezerves kopiju.", "Time to make a backup."),
    ("saves.reminder.never", "Lietas tiek labotas vairāk nekā 30 dienas bez rezerves kopijas.", "Cases have been edited for over 30 days without a backup."),
    ("saves.reminder.since", "Pēdējā kopija: {when}; kopš tās lietas labotas vairāk nekā 30 dienas.", "Last backup: {when}; cases have been edited for over 30 days since."),
    ("saves.reminder.now", "Izveidot kopiju tagad", "Back up now"),
    ("saves.backup", "Saglabāt visu lietu rezerves kopiju", "Back up all cases"),
    ("saves.backup.hint", "Viens fails ar visām lietām (bez parakstīšanas atslēgām), nešifrēts: glabājiet to drošā vietā.", "One file with every case (no signing keys), not encrypted: keep it somewhere safe."),
    ("saves.backup.done", "Kopija ar {count} lietām saglabāta: {file}.", "Backup of {count} cases saved: {file}."),
    ("saves.backup.failed", "Kopiju neizdevās lejupielādēt.", "The backup could not be downloaded."),
    ("saves.restore", "Atjaunot no rezerves kopijas", "Restore from a backup"),
    ("saves.restore.preview", "Kopija no {when}, {total} lietas: jaunas — {new}, tādas pašas — {same}, atšķirīgas — {differs}.", "Backup of {when}, {total} cases: new — {new}, unchanged — {same}, different — {differs}."),
    ("saves.restore.item_new", "{case}: tiks pievienota.", "{case}: will be added."),
    ("saves.restore.item_differs", "{case}: šeit ir cita versija.", "{case}: another version is here."),
    ("saves.restore.add", "Pievienot jaunās ({count})", "Add the new ones ({count})"),
    ("saves.restore.replace", "Pievienot un aizstāt atšķirīgās ({count})", "Add and replace the different ones ({count})"),
    ("saves.restore.done", "Atjaunotas lietas: {count}.", "Cases restored: {count}."),
    ("saves.restore.partly", "Atjaunotas lietas: {count}; neizdevās: {failed} (krātuve pilna?).", "Cases restored: {count}; failed: {failed} (storage full?)."),
    ("saves.import", "Importēt lietas failu", "Import a case file"),
    ("saves.import.hint", "Fails, ko lietotne piedāvā, kad saglabāšana neizdodas, vai nenolasāmu datu lejupielāde.", "The file the app offers when saving fails, or a download of unreadable data."),
    ("saves.import.preview", "Failā ir lieta {case}, saglabāta {when}.", "The file holds case {case}, saved {when}."),
    ("saves.import.new", "Šajā ierīcē tās nav: tā tiks pievienota.", "It is not on this device: it will be added."),
    ("saves.import.identical", "Šeit jau ir tieši tāda pati lieta.", "Exactly the same case is here already."),
    ("saves.import.differs", "Šeit ir cita šīs lietas versija,", "Another version of this case is here,"),
    ("saves.import.here", "saglabāta {when}.", "saved {when}."),
    ("saves.import.add", "Pievienot lietu", "Add the case"),
    ("saves.import.replace", "Aizstāt šeit esošo", "Replace the one here"),
    ("saves.import.copy", "Pievienot kā kopiju", "Add as a copy"),
    ("saves.import.done", "Lieta {case} importēta.", "Case {case} imported."),
    ("saves.newer.file", "Jaunāka ir faila versija.", "The file's version is newer."),
    ("saves.newer.here", "Jaunāka ir šeit esošā.", "The one here is newer."),
    ("saves.newer.unknown", "Kura jaunāka, nav zināms.", "Which is newer is not known."),
    ("saves.preview.title", "Pārbaudiet pirms turpināt", "Check before you go on"),
    ("saves.cancel", "Atcelt", "Cancel"),
    ("saves.close", "Aizvērt", "Close"),
    ("saves.time_unknown", "nezināmā laikā", "at an unknown time"),
    // Files that cannot be imported
    ("saves.file.not_json", "Fails nav JSON (bojāts vai nepilnīgs).", "The file is not JSON (damaged or incomplete)."),
    ("saves.file.not_a_case", "Failā nav lietas.", "There is no case in the file."),
    ("saves.file.is_backup", "Šī ir rezerves kopija: atjaunojiet to.", "This is a backup: restore it."),
    ("saves.file.not_a_backup", "Šī nav rezerves kopija.", "This is not a backup."),
    ("saves.file.bad_entry", "Kopija bojāta: {pointer} nav lieta.", "The backup is damaged: {pointer} is not a case."),
    ("saves.file.repeated_case", "Kopijā lieta {id} ir divreiz.", "The backup holds case {id} twice."),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn part_rows_are_unique_translated_and_apart_from_the_catalogue() {
        for (i, (key, lv, en)) in PART_ROWS.iter().enumerate() {
            assert!(!lv.is_empty() && !en.is_empty(), "{key}");
            assert!(!crate::i18n::has(key), "{key} is in the catalogue too");
            assert!(
                PART_ROWS[..i].iter().all(|(k, _, _)| k != key),
                "{key} twice"
            );
            let names = |s: &str| {
                let mut n: Vec<String> = s
                    .split('{')
                    .skip(1)
                    .filter_map(|p| p.split('}').next().map(str::to_string))
                    .collect();
                n.sort();
                n
            };
            assert_eq!(names(lv), names(en), "{key}");
        }
    }
}
