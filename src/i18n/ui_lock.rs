//! Messages of the device lock: a passphrase that encrypts cases and keys at rest, and persistent storage (issue 12, item 6):
//! `(key, Latvian, English)` rows.

/// The rows.
pub static ROWS: &[(&str, &str, &str)] = &[
    // Storage, while the lock is on
    ("storage.error.locked", "Lietas šajā ierīcē ir aizslēgtas. Atveriet sākuma ekrānu un ievadiet paroles frāzi.", "The cases on this device are locked. Go to the start screen and enter the passphrase."),
    ("cases.unreadable.sealed", "Šie dati ir šifrēti, bet ar šīs ierīces paroles frāzi tos nevar atvērt (tie ir mainīti vai pārvietoti). Lejupielādējiet tos, pirms dzēšat.", "This entry is encrypted but does not open with this device's passphrase (it was changed or moved). Download it before you delete it."),
    // Unlocking
    ("lock.unlock.title", "Atslēdziet lietas šajā ierīcē", "Unlock the cases on this device"),
    ("lock.unlock.lead", "Lietas un paraksta atslēgas šajā ierīcē ir šifrētas ar paroles frāzi. Ievadiet to, lai tās atvērtu.", "The cases and signing keys on this device are encrypted with a passphrase. Enter it to open them."),
    ("lock.unlock.session", "Atslēga netiek saglabāta: katra jauna cilne un katra lapas pārlāde paroles frāzi prasa vēlreiz.", "The key is never stored: every new tab and every reload asks for the passphrase again."),
    ("lock.passphrase", "Paroles frāze", "Passphrase"),
    ("lock.unlock.submit", "Atslēgt", "Unlock"),
    ("lock.unlock.working", "Pārbauda paroles frāzi… Tas var aizņemt dažas sekundes.", "Checking the passphrase… This can take a few seconds."),
    ("lock.unlock.forgotten", "Aizmirstu paroles frāzi nevar atjaunot, un bez tās šīs lietas nevar atvērt. Palīdz tikai rezerves kopija vai citur saglabāti lietu faili.", "A forgotten passphrase cannot be recovered, and without it these cases cannot be opened. Only a backup or case files kept elsewhere help."),
    ("lock.error.wrong", "Paroles frāze nav pareiza. Nekas nav mainīts — mēģiniet vēlreiz.", "The passphrase is not correct. Nothing was changed — try again."),
    ("lock.error.empty", "Ievadiet paroles frāzi.", "Enter the passphrase."),
    ("lock.error.too_short", "Paroles frāzei jābūt vismaz {min} rakstzīmes garai.", "The passphrase must be at least {min} characters long."),
    ("lock.error.mismatch", "Paroles frāzes nesakrīt: ievadiet to pašu frāzi abos laukos.", "The passphrases do not match: enter the same one in both fields."),
    ("lock.error.storage", "Pārlūks atteica saglabāšanu, tāpēc nekas nav mainīts: visi ieraksti ir tādi paši kā iepriekš.", "The browser refused to save, so nothing was changed: every entry is as it was."),
    ("lock.error.changed", "Slēdzeni tikmēr mainīja citā cilnē. Pārlādējiet lapu.", "The lock was changed in another tab meanwhile. Reload the page."),
    ("lock.error.record", "Slēdzenes ieraksts šajā ierīcē ir bojāts, tāpēc paroles frāzi nevar pārbaudīt.", "The lock record on this device is damaged, so the passphrase cannot be checked."),
    ("lock.error.random", "Pārlūks nedod drošus nejaušus skaitļus, tāpēc slēdzeni nevar ieslēgt.", "The browser gives no secure random numbers, so the lock cannot be turned on."),
    // The start screen's section
    ("lock.title", "Ierīces slēdzene", "Device lock"),
    ("lock.status.off", "Izslēgta: lietas šajā ierīcē glabājas nešifrētas.", "Off: the cases on this device are stored unencrypted."),
    ("lock.status.on", "Ieslēgta: lietas un paraksta atslēgas šajā ierīcē glabājas šifrētas. Šī cilne ir atslēgta līdz aizvēršanai vai pārlādei.", "On: the cases and signing keys on this device are stored encrypted. This tab is unlocked until it is closed or reloaded."),
    ("lock.settings.open", "Ierīces slēdzenes iestatījumi", "Device lock settings"),
    ("persist.checking", "Pārbauda, vai pārlūks glabā datus pastāvīgi…", "Checking whether the browser keeps the data persistently…"),
    ("persist.granted", "Pastāvīga krātuve: pārlūks ir apņēmies šīs lietotnes datus pats nedzēst.", "Persistent storage: the browser has agreed not to clear this app's data on its own."),
    ("persist.denied", "Krātuve nav pastāvīga: ja pietrūks vietas, pārlūks var šīs lietotnes datus izdzēst. Regulāri veidojiet rezerves kopiju.", "Storage is not persistent: when space runs short, the browser may clear this app's data. Make a backup regularly."),
    ("persist.unknown", "Pārlūks nepasaka, vai glabā datus pastāvīgi. Regulāri veidojiet rezerves kopiju.", "The browser does not say whether it keeps the data persistently. Make a backup regularly."),
    // Turning the lock on
    ("lock.on.title", "Ieslēgt slēdzeni", "Turn the lock on"),
    ("lock.on.explain", "Ar slēdzeni visas lietas un paraksta atslēgas šajā ierīcē tiek šifrētas ar jūsu paroles frāzi. Bez tās tās nevar izlasīt neviens — arī jūs.", "With the lock on, every case and signing key on this device is encrypted with your passphrase. Without it nobody can read them — not even you."),
    ("lock.on.warning", "Svarīgi: aizmirstu paroles frāzi nevar ne atjaunot, ne atiestatīt. Ja to aizmirsīsiet, lietas būs zudušas, un palīdzēs tikai rezerves kopija. Izveidojiet to, pirms ieslēdzat slēdzeni.", "Important: a forgotten passphrase can be neither recovered nor reset. If you forget it, the cases are lost and only a backup file helps. Make one before you turn the lock on."),
    ("lock.new_passphrase", "Jaunā paroles frāze", "New passphrase"),
    ("lock.new_passphrase.hint", "Vismaz {min} rakstzīmes. Daži vārdi, ko atcerēsieties, ir labāki par vienu sarežģītu vārdu.", "At least {min} characters. A few words you will remember are better than one complicated word."),
    ("lock.confirm_passphrase", "Atkārtojiet paroles frāzi", "Repeat the passphrase"),
    ("lock.on.working", "Šifrē lietas… Neaizveriet lapu.", "Encrypting the cases… Do not close the page."),
    ("lock.on.done", "Slēdzene ir ieslēgta. Šifrēto ierakstu skaits: {count}.", "The lock is on. Entries encrypted: {count}."),
    // Turning the lock off
    ("lock.off.title", "Izslēgt slēdzeni", "Turn the lock off"),
    ("lock.off.explain", "Visas lietas un atslēgas šajā ierīcē atkal glabāsies nešifrētas. Lai apstiprinātu, ka tas esat jūs, ievadiet paroles frāzi.", "Every case and key on this device will be stored unencrypted again. Enter the passphrase to confirm it is you."),
    ("lock.off.working", "Atšifrē lietas… Neaizveriet lapu.", "Decrypting the cases… Do not close the page."),
    ("lock.off.done", "Slēdzene ir izslēgta. Atšifrēto ierakstu skaits: {count}.", "The lock is off. Entries decrypted: {count}."),
];
