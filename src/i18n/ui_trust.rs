//! Messages of the trust screens: personal signing keys, the municipality's trust list, and verification under it (issue 13):
//! `(key, Latvian, English)` rows. [`ROWS`] are in the catalogue (the start screen's
//! link); [`PART_ROWS`] only the chunks `keys`, `verify`
//! and `sign` read (through `i18n::TRUST_PART`), so they stay out of the first load.

/// The rows in the catalogue.
pub static ROWS: &[(&str, &str, &str)] =
    &[("keys.link", "Mana parakstīšanas atslēga", "My signing key")];

/// The rows only the trust screens' chunks read.
pub static PART_ROWS: &[(&str, &str, &str)] = &[
    // The trust list file size message and two role names (the team roles are named by
    // the reference data).
    ("files.too_large.trust", "Fails ir {size} liels, bet uzticamo parakstītāju saraksts drīkst būt ne lielāks par {limit}, tāpēc tas netika nolasīts. Izvēlieties sociālā dienesta publicēto sarakstu.", "The file is {size}, but a trust list may be at most {limit}, so it was not read. Choose the list your social service published."),
    ("keys.role.legal_representative", "Vecāks — likumiskais pārstāvis", "Parent — legal representative"),
    ("keys.role.social_service_head", "Sociālā dienesta vadītājs", "Head of the social service"),
    // The personal key screen.
    ("keys.title", "Mana parakstīšanas atslēga", "My signing key"),
    ("keys.lead", "Viena atslēga jums šajā ierīcē, ar ko parakstīt visu lietu plānus. Pašvaldība to atpazīst pēc did:key, ko tai nododat; atslēga glabājas tikai šifrēta ar jūsu paroles frāzi.", "One key of yours on this device, to sign the plans of every case. The municipality knows it by the did:key you hand over; the key is stored only encrypted with your passphrase."),
    ("keys.create.title", "Izveidot atslēgu", "Create a key"),
    ("keys.create.explain", "Norādiet, kam atslēga pieder. Vārds, loma un pašvaldība tiek glabāti kopā ar atslēgu, arī šifrēti.", "Say whose key it is. The name, role and municipality are kept with the key, encrypted too."),
    ("keys.name", "Vārds un uzvārds", "Full name"),
    ("keys.role", "Loma", "Role"),
    ("keys.role.choose", "Izvēlieties lomu", "Choose a role"),
    ("keys.municipality", "Pašvaldība", "Municipality"),
    ("keys.municipality.hint", "Pašvaldība vai tās sociālais dienests, kam strādājat (vecākiem — kur bērnam piešķirts budžets).", "The municipality or its social service you work for (parents: where the child's budget is granted)."),
    ("keys.forgotten", "Svarīgi: aizmirstu paroles frāzi nevar ne atjaunot, ne atiestatīt. Bez tās atslēgu vairs nevar atvērt, un būs jāizveido jauna un jānodod pašvaldībai tās did:key.", "Important: a forgotten passphrase can be neither recovered nor reset. Without it the key cannot be opened again: you would have to make a new one and hand its did:key to the municipality."),
    ("keys.passphrase.new", "Paroles frāze", "Passphrase"),
    ("keys.passphrase.hint", "Vismaz {min} rakstzīmes. Daži vārdi, ko atcerēsieties, ir labāki par vienu sarežģītu vārdu.", "At least {min} characters. A few words you will remember are better than one complicated word."),
    ("keys.passphrase.confirm", "Paroles frāze vēlreiz", "Passphrase again"),
    ("keys.create.submit", "Izveidot atslēgu", "Create the key"),
    ("keys.working", "Atslēga tiek šifrēta vai atvērta… tas var aizņemt dažas sekundes.", "Encrypting or opening the key… this can take a few seconds."),
    ("keys.created", "Atslēga izveidota un saglabāta šifrēta. Tā ir atvērta šai lapai.", "The key is created and stored encrypted. It is unlocked for this page."),
    ("keys.unlock.title", "Atvērt atslēgu", "Unlock the key"),
    ("keys.unlock.explain", "Šajā ierīcē ir jūsu šifrētā atslēga. Ievadiet tās paroles frāzi, lai ar to parakstītu; atvērtā atslēga paliek tikai šīs lapas atmiņā līdz pārlādei.", "Your encrypted key is on this device. Enter its passphrase to sign with it; the unlocked key stays only in this page's memory until it is reloaded."),
    ("keys.passphrase", "Atslēgas paroles frāze", "The key's passphrase"),
    ("keys.unlock.submit", "Atvērt", "Unlock"),
    ("keys.details.title", "Jūsu atslēga", "Your key"),
    ("keys.details.unlocked", "Atslēga atvērta šai lapai: ar to var parakstīt.", "The key is unlocked for this page: you can sign with it."),
    ("keys.fingerprint", "Nospiedums", "Fingerprint"),
    ("keys.did", "did:key", "did:key"),
    ("keys.did.hint", "Nododiet did:key (vai vismaz nospiedumu) savam sociālajam dienestam: tas to ieraksta uzticamo parakstītāju sarakstā.", "Hand the did:key (or at least the fingerprint) to your social service: it puts it on its trust list."),
    ("keys.copy", "Kopēt did:key", "Copy the did:key"),
    ("keys.copied", "did:key nokopēts.", "did:key copied."),
    ("keys.copy_failed", "Pārlūks neļāva kopēt: iezīmējiet did:key un nokopējiet to pats.", "The browser did not allow copying: select the did:key and copy it yourself."),
    ("keys.export", "Eksportēt šifrēto atslēgas failu", "Export the encrypted key file"),
    ("keys.export.hint", "Fails ir šifrēts ar to pašu paroles frāzi. Ar to atslēgu var pārnest uz citu ierīci vai saglabāt rezervei.", "The file is encrypted with the same passphrase. Use it to move the key to another device or keep it as a backup."),
    ("keys.export.failed", "Failu neizdevās lejupielādēt.", "The file could not be downloaded."),
    ("keys.lock", "Aizvērt atslēgu", "Lock the key"),
    ("keys.locked", "Atslēga aizvērta: lai parakstītu, atveriet to vēlreiz ar paroles frāzi.", "The key is locked: to sign, unlock it again with its passphrase."),
    ("keys.import.title", "Ielādēt šifrētu atslēgas failu", "Import an encrypted key file"),
    ("keys.import.explain", "Fails, kas eksportēts šeit vai citā ierīcē. Tas tiek saglabāts tikai tad, ja paroles frāze to atver.", "A file exported here or on another device. It is stored only once its passphrase opens it."),
    ("keys.import.replaces", "Ielādētā atslēga aizstās šajā ierīcē esošo. Ja vēl neesat to eksportējis, izdariet to vispirms.", "The imported key replaces the one on this device. If you have not exported that one yet, do so first."),
    ("keys.import.file", "Atslēgas fails", "Key file"),
    ("keys.import.passphrase", "Atslēgas faila paroles frāze", "The key file's passphrase"),
    ("keys.import.submit", "Ielādēt atslēgu", "Import the key"),
    ("keys.import.submit_replace", "Ielādēt un aizstāt atslēgu", "Import and replace the key"),
    ("keys.imported", "Atslēga ielādēta un atvērta šai lapai (nospiedums {fingerprint}).", "The key is imported and unlocked for this page (fingerprint {fingerprint})."),
    ("keys.remove.title", "Dzēst atslēgu no šīs ierīces", "Remove the key from this device"),
    ("keys.remove", "Dzēst atslēgu", "Remove the key"),
    ("keys.remove.question", "Dzēst atslēgu no šīs ierīces? Bez eksportēta faila to nevar atgūt, un ar to vairs nevarēs parakstīt. Jau parakstītie plāni paliek derīgi.", "Remove the key from this device? Without an exported file it cannot be got back, and you can no longer sign with it. Plans already signed stay valid."),
    ("keys.remove.yes", "Jā, dzēst atslēgu", "Yes, remove the key"),
    ("keys.remove.no", "Atcelt", "Cancel"),
    ("keys.removed", "Atslēga dzēsta no šīs ierīces.", "The key was removed from this device."),
    ("keys.error.name", "Ierakstiet vārdu un uzvārdu.", "Enter the full name."),
    ("keys.error.role", "Izvēlieties lomu.", "Choose a role."),
    ("keys.error.municipality", "Ierakstiet pašvaldību.", "Enter the municipality."),
    ("keys.error.too_long", "Teksts ir par garu (ne vairāk par 200 rakstzīmēm).", "The text is too long (at most 200 characters)."),
    ("keys.error.too_short", "Paroles frāzei jābūt vismaz {min} rakstzīmes garai.", "The passphrase must be at least {min} characters long."),
    ("keys.error.mismatch", "Paroles frāzes nesakrīt: ievadiet to pašu frāzi abos laukos.", "The passphrases do not match: enter the same one in both fields."),
    ("keys.error.empty", "Ievadiet paroles frāzi.", "Enter the passphrase."),
    ("keys.error.wrong_passphrase", "Paroles frāze nav pareiza (vai fails ir mainīts). Nekas netika mainīts: mēģiniet vēlreiz.", "The passphrase is not right (or the file was changed). Nothing was changed: try again."),
    ("keys.error.not_key_file", "Šis nav šifrēts personīgās atslēgas fails. Izvēlieties failu, kas eksportēts ar pogu “Eksportēt šifrēto atslēgas failu”.", "This is not an encrypted personal key file. Choose a file exported with “Export the encrypted key file”."),
    ("keys.error.damaged", "Fails atvērās, bet tajā nav šīs lietotnes personīgās atslēgas.", "The file opened, but it holds no personal key of this app."),
    ("keys.error.bad_params", "Faila šifrēšanas parametri ir ārpus tā, ko šī versija atver.", "The file's encryption parameters are outside what this version opens."),
    ("keys.error.random", "Pārlūks nedeva nejaušus baitus, tāpēc atslēgu nevarēja izveidot vai šifrēt.", "The browser gave no random bytes, so the key could not be made or encrypted."),
    ("keys.error.read", "Failu nevarēja nolasīt.", "The file could not be read."),
    // The sign step.
    ("keys.sign.unlocked", "Jūsu personīgā atslēga ir atvērta: {name} ({role}), nospiedums {fingerprint}.", "Your personal key is unlocked: {name} ({role}), fingerprint {fingerprint}."),
    ("keys.sign.locked", "Lai parakstītu ar savu personīgo atslēgu (vienu visām lietām), izveidojiet vai atveriet to.", "To sign with your personal key (one for every case), create or unlock it."),
    ("keys.sign.link", "Mana parakstīšanas atslēga", "My signing key"),
    ("keys.sign.as", "Parakstīt kā {who} ar manu atslēgu", "Sign as {who} with my key"),
    // The trust list on the verify screen.
    ("trust_ui.title", "Uzticamo parakstītāju saraksts", "Trust list"),
    ("trust_ui.none", "Šajā ierīcē nav uzticamo parakstītāju saraksta. Ielādējiet sava sociālā dienesta parakstīto sarakstu, lai pārbaudītu, kas plānu parakstīja, vai cenrādis ir oficiālais un vai parakstījuši visi vajadzīgie.", "There is no trust list on this device. Load the list your social service signed to check who signed a plan, whether its price list is the official one and whether everyone required signed."),
    ("trust_ui.file.label", "Uzticamo parakstītāju saraksta fails", "Trust list file"),
    ("trust_ui.file.replace", "Aizstāt ar citu sarakstu", "Replace with another list"),
    ("trust_ui.file.hint", "JSON fails “ib-trust/1”, ko publicē un paraksta pašvaldības sociālais dienests. Tas paliek šajā ierīcē.", "An “ib-trust/1” JSON file that the municipality's social service publishes and signs. It is kept on this device."),
    ("trust_ui.drop", "…vai ievelciet sarakstu šeit.", "…or drop the list here."),
    ("trust_ui.loaded", "Saraksts ielādēts un saglabāts šajā ierīcē.", "The list is loaded and kept on this device."),
    ("trust_ui.removed", "Saraksts dzēsts no šīs ierīces.", "The list was removed from this device."),
    ("trust_ui.remove", "Dzēst sarakstu", "Remove the list"),
    ("trust_ui.remove.question", "Dzēst uzticamo parakstītāju sarakstu no šīs ierīces? Plāni tad tiks pārbaudīti tikai pēc integritātes.", "Remove the trust list from this device? Plans will then be checked for integrity only."),
    ("trust_ui.remove.yes", "Jā, dzēst sarakstu", "Yes, remove the list"),
    ("trust_ui.error.title", "Sarakstu nevar izmantot", "The list cannot be used"),
    ("trust_ui.error.read", "Failu nevarēja nolasīt.", "The file could not be read."),
    ("trust_ui.signers", "Parakstītāji", "Signers"),
    ("trust_ui.signer.validity", "derīgs no {from} līdz {until}", "valid from {from} until {until}"),
    ("trust_ui.signer.revoked", "atsaukts no {revoked}", "revoked from {revoked}"),
    ("trust_ui.price_lists", "Oficiālie cenrāži", "Official price lists"),
    ("trust_ui.price_list", "versija {version}, spēkā no {date}, nospiedums {digest}…", "version {version}, in force from {date}, digest {digest}…"),
    ("trust_ui.rule", "Parakstīšanas noteikums", "Signing rule"),
    ("trust_ui.rule.value", "Plānu jāparaksta: {roles}.", "A plan must be signed by: {roles}."),
    ("trust_ui.result.title", "Pēc uzticamo parakstītāju saraksta", "Under the trust list"),
    ("trust_ui.integrity_only", "Pārbaudīta tikai integritāte: šajā ierīcē nav uzticamo parakstītāju saraksta, tāpēc netika pārbaudīts, kas parakstīja, vai cenrādis ir oficiālais un vai parakstījuši visi vajadzīgie.", "Integrity only was checked: there is no trust list on this device, so it was not checked who signed, whether the price list is the official one or whether everyone required signed."),
    ("trust_ui.not_recomputed", "Plāna rezultāts nesakrīt ar pārrēķinu, tāpēc plāns nav derīgs.", "The plan's result does not recompute, so the plan is not valid."),
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
