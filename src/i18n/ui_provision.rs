//! Messages of the provision screens: providers, arrangements, guarantee letters, delivery and payments (issue 14):
//! `(key, Latvian, English)` rows. [`ROWS`] are in the catalogue (the step's name in the
//! navigation, the provider file's size message); [`PART_ROWS`] are read only by the
//! `provision` chunk (`t_in`), so they stay out of the first load.

/// The rows.
pub static ROWS: &[(&str, &str, &str)] = &[
    ("step.provision", "Pakalpojumu sniegšana", "Service provision"),
    ("files.too_large.providers", "Fails ir {size} liels, bet pakalpojumu sniedzēju saraksts drīkst būt ne lielāks par {limit}, tāpēc tas netika nolasīts.", "The file is {size}, but a provider list may be at most {limit}, so it was not read."),
];

/// The provision chunk's own rows.
pub static PART_ROWS: &[(&str, &str, &str)] = &[
    ("provision.lead", "Kad plāns ir parakstīts, sociālais dienests vienojas ar pakalpojumu sniedzējiem, ko izvēlējušies vecāki, un katru mēnesi uzskaita sniegto un samaksāto. Viss tiek saglabāts lietā šajā ierīcē.", "Once the plan is signed, the social service makes arrangements with the providers the parents chose and records each month what was delivered and paid. Everything is saved in the case on this device."),
    ("provision.blocked.not_signed", "Vispirms parakstiet plānu", "Sign the plan first"),
    ("provision.blocked.not_signed.body", "Pakalpojumu sniegšanu var uzskaitīt tikai parakstītam plānam. Parakstiet pašreizējo plānu parakstu solī.", "Provision can only be recorded for a signed plan. Sign the current plan in the signatures step."),
    ("provision.blocked.amended", "Grozītais plāns jāparaksta vēlreiz", "The amended plan must be signed again"),
    ("provision.blocked.amended.body", "Plāns ir mainīts pēc tam, kad sākta pakalpojumu sniegšanas uzskaite. Jau sniegtās vienības ir saglabātas; lai turpinātu, parakstiet jauno plāna versiju.", "The plan has changed since provision started. The units already delivered are kept; sign the new version of the plan to go on."),
    ("provision.blocked.other_plan", "Ieraksts ir par citu plāna versiju", "The record is for another version of the plan"),
    ("provision.blocked.other_plan.body", "Pakalpojumu sniegšanas ieraksts attiecas uz plānu, kas vairs neatbilst lietai, un plāns ir mainīts ārpus grozījuma. Atceliet izmaiņas lietā vai lejupielādējiet lietu un sazinieties ar atbildīgo darbinieku.", "The provision record belongs to a plan that no longer matches the case, and the plan was changed outside an amendment. Undo the change in the case, or download the case and ask the person responsible."),
    ("provision.blocked.unreadable", "Pakalpojumu sniegšanas ierakstu nevar nolasīt", "The provision record cannot be read"),
    ("provision.blocked.unreadable.body", "Lietā saglabātajā ierakstā ir kļūdas:", "The record kept in the case has errors:"),
    ("provision.blocked.no_plan", "Plāns vēl nav aprēķināts", "The plan is not computed yet"),
    ("provision.blocked.no_plan.body", "Vispirms pabeidziet iepriekšējos soļus un parakstiet plānu.", "Finish the earlier steps and sign the plan first."),
    ("provision.blocked.link", "Uz parakstu soli", "Go to the signatures step"),
    ("provision.report.problems", "Ierakstu nevar pārbaudīt pret plānu", "The record cannot be checked against the plan"),
    // The provider list.
    ("provision.providers.title", "Pakalpojumu sniedzēju saraksts", "Provider list"),
    ("provision.providers.version", "Versija {version}, {date}; sniedzēji: {count}.", "Version {version}, {date}; {count} providers."),
    ("provision.providers.none", "Sniedzēju saraksta nav: ielādējiet pašvaldības failu.", "No provider list: load the municipality's file."),
    ("provision.providers.example", "Šis ir izdomāts parauga saraksts.", "This is a made-up example list."),
    ("provision.providers.file", "Pašvaldības sniedzēju saraksts (JSON, ib-providers/1)", "The municipality's provider list (JSON, ib-providers/1)"),
    ("provision.providers.file.hint", "Saraksts tiek pārbaudīts un paliek šajā ierīcē, līdz to nomaināt.", "The list is checked and kept on this device until you replace it."),
    ("provision.providers.drop", "Vai ievelciet failu šeit.", "Or drop the file here."),
    ("provision.providers.loaded", "Saraksts no faila “{file}” ielādēts.", "The list from “{file}” is loaded."),
    ("provision.providers.not_kept", "Ierīce to nesaglabāja (krātuve pilna vai bloķēta): pēc pārlādes būs paraugs.", "The device did not keep it (storage full or blocked): after a reload the example is back."),
    ("provision.providers.refused", "Fails “{file}” netika ielādēts; saraksts nav mainīts:", "The file “{file}” was not loaded; the list is unchanged:"),
    ("provision.providers.not_json", "Fails nav JSON (bojāts vai nepilnīgs).", "The file is not JSON (damaged or incomplete)."),
    ("provision.providers.unreadable", "Failu nevarēja nolasīt.", "The file could not be read."),
    ("provision.providers.use_example", "Lietot parauga sarakstu", "Use the example list"),
    ("provision.social_service", "Sociālais dienests (vēstulēs)", "Social service (on letters)"),
    ("provision.social_service.hint", "Kas apmaksā pakalpojumus; saglabājas, kad atstājat lauku.", "Who pays for the services; saved when you leave the field."),
    // Choices and arrangements.
    ("provision.choices.title", "Vecāku izvēlētie sniedzēji un vienošanās", "Providers the parents chose, and arrangements"),
    ("provision.choices.hint", "Katram finansētajam pakalpojumam: sniedzējs, ko izvēlējušies vecāki, un līgums vai garantijas vēstule.", "For each funded service: the provider the parents chose, and the contract or guarantee letter."),
    ("provision.choice.legend", "{service}: {count}, {amount}", "{service}: {count}, {amount}"),
    ("provision.choice.provider", "Sniedzējs", "Provider"),
    ("provision.choice.none", "— nav izvēlēts —", "— not chosen —"),
    ("provision.choice.other", "Cits sniedzējs (ievadīt datus)", "Another provider (type its details)"),
    ("provision.choice.own_price", ", sava cena {price}", ", own price {price}"),
    ("provision.other.name", "Sniedzēja nosaukums", "Provider's name"),
    ("provision.other.register_number", "Numurs Sociālo pakalpojumu sniedzēju reģistrā", "Number in the Social Services Provider Register"),
    ("provision.other.address", "Adrese", "Address"),
    ("provision.other.contact", "Kontakti", "Contact"),
    ("provision.other.price", "Sniedzēja vienības cena, ja atšķiras (EUR)", "Provider's unit price, if different (EUR)"),
    ("provision.choice.kind", "Vienošanās", "Arrangement"),
    ("provision.choice.kind.none", "— vēl nav —", "— not yet —"),
    ("provision.choice.kind.contract", "Līgums", "Contract"),
    ("provision.choice.kind.letter", "Garantijas vēstule", "Guarantee letter"),
    ("provision.choice.number", "Numurs", "Number"),
    ("provision.choice.date", "Datums", "Date"),
    ("provision.choice.save", "Saglabāt izvēli", "Save the choice"),
    ("provision.choice.saved", "Saglabāts.", "Saved."),
    ("provision.choice.refused", "Izvēle nav saglabāta:", "The choice is not saved:"),
    ("provision.choice.chosen", "Sniedzējs: {provider} (reģistra Nr. {registerNumber}).", "Provider: {provider} (register no. {registerNumber})."),
    ("provision.choice.arrangement", "Vienošanās: {kind} Nr. {number}, {date}.", "Arrangement: {kind} no. {number}, {date}."),
    ("provision.choice.no_arrangement", "Vienošanās vēl nav.", "No arrangement yet."),
    ("provision.choice.no_month_left", "Sniedzēju var mainīt tikai no mēneša pēc pēdējā pārskata, bet plāna periodā tāda vairs nav.", "A provider can only change from the month after the last statement, and the plan's period has none left."),
    ("provision.choice.from_month", "No {month}. mēneša.", "From month {month}."),
    ("provision.choice.not_chosen", "Sniedzējs vēl nav izvēlēts.", "No provider chosen yet."),
    ("provision.choice.price_flag", "Cena atšķiras.", "The price differs."),
    ("provision.form.required", "Aizpildiet šo lauku.", "Fill in this field."),
    ("provision.form.too_long", "Ne vairāk kā {max} rakstzīmes.", "At most {max} characters."),
    ("provision.form.date", "Ievadiet datumu.", "Enter a date."),
    ("provision.form.units", "Ievadiet veselu vienību skaitu (0 vai vairāk).", "Enter a whole number of units (0 or more)."),
    ("provision.form.provider_first", "Vienošanos var norādīt tikai, kad izvēlēts sniedzējs.", "An arrangement needs a provider first."),
    // Delivery.
    ("provision.delivery.title", "Sniegtie pakalpojumi pa mēnešiem", "Delivery month by month"),
    ("provision.delivery.hint", "Pēc sniedzēja pārskata: sniegtās vienības un samaksātā summa par pakalpojumu plāna mēnesī. Tā paša mēneša ieraksts tiek aizstāts.", "From the provider's statement: the units delivered and the amount paid for a service in a plan month. An entry for the same month is replaced."),
    ("provision.delivery.service", "Pakalpojums", "Service"),
    ("provision.delivery.month", "Plāna mēnesis", "Plan month"),
    ("provision.delivery.units", "Sniegtās vienības", "Units delivered"),
    ("provision.delivery.paid", "Samaksāts (EUR)", "Paid (EUR)"),
    ("provision.delivery.record", "Ierakstīt", "Record"),
    ("provision.delivery.recorded", "Ierakstīts: {service}, {month}. mēnesis.", "Recorded: {service}, month {month}."),
    ("provision.delivery.refused", "Ieraksts nav saglabāts", "The entry is not saved"),
    ("provision.delivery.none", "Vēl nav neviena ieraksta.", "No entries yet."),
    ("provision.delivery.list", "Ierakstītie pārskati", "Statements recorded"),
    ("provision.delivery.remove", "Dzēst ierakstu: {service}, {month}. mēnesis", "Remove the entry: {service}, month {month}"),
    ("provision.delivery.remove.short", "Dzēst", "Remove"),
    ("provision.month", "{month}. mēnesis ({start}–{end})", "Month {month} ({start} – {end})"),
    ("provision.month.short", "{month}. ({start})", "{month} ({start})"),
    // Figures.
    ("provision.figures.title", "Piešķirts, sniegts un pieejams", "Allocated, delivered and available"),
    ("provision.figures.services", "Pa pakalpojumiem", "By service"),
    ("provision.figures.months", "Pa mēnešiem (visi pakalpojumi; neizlietotais pāriet uz nākamajiem mēnešiem)", "By month (all services; what is unspent carries to the later months)"),
    ("provision.figures.ahead", "(tērēts pirms grafika)", "(spent ahead)"),
    ("provision.col.service", "Pakalpojums", "Service"),
    ("provision.col.month", "Mēnesis", "Month"),
    ("provision.col.units", "Vienības", "Units"),
    ("provision.col.funded_units", "Finansētās vienības", "Units funded"),
    ("provision.col.delivered_units", "Sniegtas", "Delivered"),
    ("provision.col.available_units", "Atlikušas", "Units left"),
    ("provision.col.allocated", "Piešķirts", "Allocated"),
    ("provision.col.carried_in", "Pārnests", "Carried in"),
    ("provision.col.paid", "Samaksāts", "Paid"),
    ("provision.col.available", "Pieejams", "Available"),
    ("provision.col.total", "Kopā", "Total"),
    ("provision.col.actions", "Darbības", "Actions"),
    ("provision.chart.title", "Samaksātā daļa no finansētā:", "Paid out of funded:"),
    ("provision.chart.line", "{service} — {paid} no {funded} ({percent} %).", "{service} — {paid} of {funded} ({percent}%)."),
    ("provision.chart.paid", "samaksāts", "paid"),
    ("provision.chart.funded", "finansēts", "funded"),
    ("provision.forecast.none", "Prognoze būs pēc pirmā pārskata.", "The forecast comes with the first statement."),
    ("provision.forecast.under", "Prognoze pēc {through}. mēneša tempa: līdz perioda beigām tiks samaksāti {byEnd} no {funded}; neizlietoti paliks {unspent}.", "Forecast at the pace through month {through}: {byEnd} of {funded} paid by the end of the period; {unspent} left unspent."),
    ("provision.forecast.over", "Prognoze pēc {through}. mēneša tempa: {byEnd} — vairāk nekā finansētie {funded}; finansējums beigsies pirms perioda beigām.", "Forecast at the pace through month {through}: {byEnd} — more than the {funded} funded; the money would run out before the end of the period."),
    // Letters.
    ("provision.letters.title", "Garantijas vēstules", "Guarantee letters"),
    ("provision.letters.hint", "Vēstule katram sniedzējam, ar kuru vienošanās ir garantijas vēstule. Bērna vārdu var ierakstīt drukāšanai: tas tiek izdrukāts, bet netiek saglabāts; personas kodu aizpilda uz papīra.", "A letter for each provider whose arrangement is a guarantee letter. The child's name may be typed for printing: it is printed and never kept; the personal code is filled in on paper."),
    ("provision.letters.none", "Vēl nav nevienas garantijas vēstules: izvēlieties sniedzēju un vienošanos “garantijas vēstule”.", "No guarantee letters yet: choose a provider and the arrangement “guarantee letter”."),
    ("provision.letters.item", "Nr. {number}: {provider}, kopā {total}.", "No. {number}: {provider}, {total} in total."),
    ("provision.letters.open", "Sagatavot drukāšanai", "Prepare for printing"),
    ("provision.letters.open.label", "Sagatavot drukāšanai vēstuli Nr. {number}", "Prepare letter no. {number} for printing"),
    ("provision.letter.title", "Vēstule Nr. {number} drukāšanai", "Letter no. {number} for printing"),
    ("provision.letter.child", "Bērna vārds, uzvārds (nav obligāts)", "Child's name (optional)"),
    ("provision.letter.child.hint", "Tiek izdrukāts un netiek saglabāts ne lietā, ne ierīcē; tukšu lauku aizpilda uz papīra.", "Printed and never kept, neither in the case nor on the device; left empty, it is filled in on paper."),
    ("provision.letter.child_line", "Bērna vārds, uzvārds: {name}  Personas kods: ____________________ (aizpilda uz papīra)", "Child's name: {name}  Personal code: ____________________ (filled in on paper)"),
    ("provision.letter.lang", "Vēstules valoda", "Letter language"),
    ("provision.letter.lang.lv", "Latviešu", "Latvian"),
    ("provision.letter.lang.en", "Angļu (lasīšanai)", "English (for reading)"),
    ("provision.letter.print", "Drukāt vēstuli", "Print the letter"),
    ("provision.letter.signature", "Paraksts: ____________________   Datums: ____________", "Signature: ____________________   Date: ____________"),
    // Downloads.
    ("provision.downloads.title", "Grāmatvedībai", "For bookkeeping"),
    ("provision.downloads.hint", "Maksājumi pa sniedzējiem un mēnešiem (CSV) un pakalpojumu sniegšanas ieraksts (JSON, ib-provision/1). Bērns tajos ir norādīts tikai ar lietas pseidonīmu.", "Payments by provider and month (CSV) and the provision record (JSON, ib-provision/1). The child is named in them by the case pseudonym only."),
    ("provision.downloads.csv", "Lejupielādēt maksājumus (CSV)", "Download the payments (CSV)"),
    ("provision.downloads.json", "Lejupielādēt ierakstu (JSON)", "Download the record (JSON)"),
    ("provision.downloads.failed", "Lejupielāde neizdevās.", "The download failed."),
    // Amendments.
    ("provision.amend.title", "Grozīt plānu", "Amend the plan"),
    ("provision.amend.hint", "Ja perioda laikā mainās pakalpojuma apjoms, ievadiet jauno daudzumu. Tiek izveidota jauna plāna versija, kas ar nospiedumu saistīta ar iepriekšējo; jau sniegtās vienības paliek, un plāns jāparaksta vēlreiz. Sniedzēja maiņai izvēlieties citu sniedzēju augstāk.", "If the volume of a service changes during the period, enter the new quantity. A new plan version is made, linked to the previous one by its digest; the units already delivered are kept, and the plan must be signed again. To change a provider, choose another one above."),
    ("provision.amend.start", "Izveidot grozīto plānu", "Make the amended plan"),
    ("provision.amend.confirm", "Izveidot jaunu plāna versiju ar šiem daudzumiem? Esošie paraksti vairs neattieksies uz plānu, un tas būs jāparaksta vēlreiz.", "Make a new plan version with these quantities? The present signatures will no longer apply, and the plan must be signed again."),
    ("provision.amend.yes", "Jā, grozīt plānu", "Yes, amend the plan"),
    ("provision.amend.no", "Atcelt", "Cancel"),
    ("provision.amend.refused", "Plāns nav grozīts:", "The plan is not amended:"),
    ("provision.amend.unchanged", "Neviens daudzums nav mainīts.", "No quantity has changed."),
    ("provision.amend.no_service", "Šis pakalpojums vairs nav lietā.", "This service is no longer in the case."),
    ("provision.chain.title", "Plāna versijas (nospiedumi, SHA-256)", "Plan versions (digests, SHA-256)"),
    ("provision.chain.current", "(pašreizējā)", "(current)"),
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

    #[test]
    fn every_key_the_step_uses_has_a_row() {
        let source = concat!(
            include_str!("../ui/steps/provision.rs"),
            include_str!("../provision_edit.rs")
        );
        for part in source.split("\"provision.").skip(1) {
            let key = format!("provision.{}", part.split('"').next().unwrap_or_default());
            if key == "provision.json" || key.ends_with('.') {
                continue;
            }
            assert!(
                PART_ROWS.iter().any(|(k, _, _)| *k == key) || crate::i18n::has(&key),
                "{key} has no row"
            );
        }
    }
}

/// The verify screen's rows for an amended plan (chunk `verify`, issue 14, item 5), for
/// [`crate::i18n::t_in`] through `PROVISION_VERIFY_PART`.
pub static VERIFY_ROWS: &[(&str, &str, &str)] = &[
    (
        "verify.amends.title",
        "Šis plāns ir grozīta versija. Iepriekšējās versijas, sākot ar pirmo:",
        "This plan is an amended version. Its earlier versions, the first one first:",
    ),
    (
        "verify.amends.version",
        "Šis plāns groza {n}. versiju (nospiedums {digest}).",
        "This plan amends version {n} (digest {digest}).",
    ),
];

#[cfg(test)]
mod verify_rows_tests {
    #[test]
    fn the_verify_rows_are_translated_with_the_same_placeholders() {
        for (key, lv, en) in super::VERIFY_ROWS {
            assert!(!lv.trim().is_empty() && !en.trim().is_empty(), "{key}");
            assert_eq!(
                lv.matches('{').count(),
                en.matches('{').count(),
                "placeholders differ in {key}"
            );
            assert!(!crate::i18n::has(key), "{key} is also in the catalogue");
        }
    }
}
