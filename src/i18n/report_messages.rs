//! Messages of the monitoring reports: municipality, region and ministry (issue 16):
//! `(key, Latvian, English)` rows. `engine::report::MESSAGES` lists every key the engine
//! and `ibplan report` use.

/// The rows.
pub static ROWS: &[(&str, &str, &str)] = &[
    // Why a file does not count (the `reason` of a rejection).
    ("report.reject.unreadable", "Failu nevar nolasīt.", "The file cannot be read."),
    ("report.reject.too_large", "Fails ir lielāks par 5 MiB, tāpēc netika lasīts.", "The file is larger than 5 MiB, so it was not read."),
    ("report.reject.not_json", "Fails nav derīgs JSON.", "The file is not valid JSON."),
    ("report.reject.duplicate_member", "Failā kāds objekts atkārto lauka nosaukumu.", "An object in the file repeats a member name."),
    ("report.reject.not_a_document", "Tas nav plāns, pārskats pēc perioda vai pakalpojumu sniegšanas ieraksts.", "It is not a plan, a review or a provision record."),
    ("report.reject.integrity", "Parakstus nevar pārbaudīt.", "The signatures cannot be checked."),
    ("report.reject.unsigned", "Dokuments nav parakstīts.", "The document is not signed."),
    ("report.reject.untrusted", "Dokuments nav derīgs saskaņā ar uzticamo parakstītāju sarakstu.", "The document is not valid under the trust list."),
    ("report.reject.recompute", "Pārrēķinot rezultāts nesakrīt ar dokumentā ierakstīto.", "Recomputed, the result is not the one in the document."),
    ("report.reject.outside_period", "Plāns nav no pārskata perioda.", "The plan is not of the report's period."),
    ("report.reject.other_municipality", "Plāns ir citas pašvaldības.", "The plan is another municipality's."),
    ("report.reject.duplicate", "Tas pats dokuments jau ir citā failā; tiek skaitīts vienreiz.", "The same document is in another file; it is counted once."),
    ("report.reject.superseded", "Plānu aizstāj grozīts plāns, kas arī ir skaitīts.", "The plan is superseded by an amended plan that is counted."),
    ("report.reject.same_child", "Šim bērnam jau ir skaitīts plāns ar to pašu sākuma datumu.", "A plan of this child with the same start date is already counted."),
    ("report.reject.plan_not_counted", "Plāns, uz kuru dokuments attiecas, nav starp skaitītajiem.", "The plan the document belongs to is not among the plans counted."),
    ("report.reject.provision", "Pakalpojumu sniegšanas ieraksts neatbilst savam plānam.", "The provision record does not agree with its plan."),
    ("report.reject.not_a_report", "Tas nav pārskats (ib-report/1).", "It is not a report (ib-report/1)."),
    ("report.reject.wrong_level", "Pārskats nav no līmeņa, ko šeit saskaita.", "The report is not of the level being added up here."),
    ("report.reject.not_in_region", "Pārskata pašvaldība vai reģions nepieder šim kopumam.", "The report's municipality or region is not part of this whole."),
    ("report.reject.wrong_signer", "Pārskatu nav parakstījusi šai daļai norādītā atslēga.", "The report is not signed by the key given for its part."),
    ("report.reject.malformed", "Pārskata skaitļi nav tādā formā, kādu raksta šī programma.", "The report's figures are not in the form this program writes."),
    ("report.reject.duplicate_part", "Šīs daļas pārskats jau ir citā failā; tiek skaitīts vienreiz.", "A report of this part is in another file; it is counted once."),
    // A detail of a rejection.
    ("report.detail.result_differs", "rezultāts atšķiras no pārrēķinātā", "the result differs from the recomputed one"),
    // What `ibplan report` prints for people.
    ("report.cli.summary", "Nolasīti {read} faili: skaitīti {plans} plāni, {reviews} pārskati pēc perioda, {records} pakalpojumu sniegšanas ieraksti; noraidīti {rejected}.", "{read} files read: {plans} plans, {reviews} reviews and {records} provision records counted; {rejected} rejected."),
    ("report.cli.rollup_summary", "Nolasīti {read} pārskati: saskaitīti {counted} ({parts}); noraidīti {rejected}; trūkst: {missing}.", "{read} reports read: {counted} added up ({parts}); {rejected} rejected; missing: {missing}."),
    ("report.cli.rejected", "{file}: noraidīts — {reason}", "{file}: rejected — {reason}"),
    ("report.cli.rejected_detail", "{file}: noraidīts — {reason} ({detail})", "{file}: rejected — {reason} ({detail})"),
    ("report.cli.figures_note", "Skaitļi no 1 līdz 4 rādīti kā “<5”; citi paslēpti (“suppressed”), lai tos nevarētu izrēķināt no kopsummām.", "Counts from 1 to 4 are shown as “<5”; others are hidden (“suppressed”) so that no total gives them away."),
    ("report.cli.unsigned", "Pārskats nav parakstīts: lai to parakstītu pašvaldības vārdā, norādiet --key KEY.json.", "The report is not signed: give --key KEY.json to sign it for the municipality."),
    ("report.cli.signed", "Pārskatu parakstījusi atslēga {fingerprint}.", "The report is signed with the key {fingerprint}."),
    ("report.cli.key_not_municipality", "Atslēga {fingerprint} nav pašvaldības: pārskatu paraksta atslēga, ar kuru parakstīts uzticamo parakstītāju saraksts, vai sarakstā norādīts sociālā dienesta vadītājs.", "The key {fingerprint} is not the municipality's: a report is signed with the key that signed the trust list or by a social service head it lists."),
    ("report.cli.several_municipalities", "Plāni ir vairāku pašvaldību ({codes}): norādiet --municipality KODS.", "The plans are of several municipalities ({codes}): give --municipality CODE."),
    ("report.cli.unknown_municipality", "“{code}” nav pašvaldība regions.json sarakstā.", "“{code}” is not a municipality in regions.json."),
    ("report.cli.several_regions", "Pašvaldības ir vairāku reģionu ({codes}): norādiet --region KODS.", "The municipalities are of several regions ({codes}): give --region CODE."),
    ("report.cli.unknown_region", "“{code}” nav plānošanas reģions regions.json sarakstā.", "“{code}” is not a planning region in regions.json."),
    ("report.cli.several_periods", "Pārskati ir par dažādiem periodiem ({periods}): norādiet --period.", "The reports are of different periods ({periods}): give --period."),
    ("report.cli.bad_period", "“{value}” nav periods: rakstiet 2025, 2025H1 vai 2025H2.", "“{value}” is not a period: write 2025, 2025H1 or 2025H2."),
    ("report.cli.no_files", "{path}: nav atrasts neviens .json fails.", "{path}: no .json file found."),
];
