//! Messages of service provision (`engine::providers`, `engine::provision`): the provider
//! list's and the provision record's problem keys, the arrangement kinds, the price
//! difference flag and the guarantee letter's labels. `tests/engine_messages.rs` checks
//! every problem key of the engine.

/// The provision messages.
pub static PROVISION: &[(&str, &str, &str)] = &[
    ("problem.field.unknown", "Lauks “{field}” šeit nav paredzēts (varbūt pārrakstīšanās kļūda?).", "The member “{field}” does not belong here (a misspelling?)."),
    // The provider list (ib-providers/1).
    ("problem.providers.schema", "Pakalpojumu sniedzēju saraksta shēmai jābūt “ib-providers/1”, bet ir “{found}”.", "The provider list's schema must be “ib-providers/1”, but is “{found}”."),
    ("problem.providers.empty", "Pakalpojumu sniedzēju sarakstā nav neviena sniedzēja.", "The provider list has no providers."),
    ("problem.provider.register_number", "Reģistra numuram “{value}” jābūt 1–32 rakstzīmēm bez atstarpēm.", "The register number “{value}” must be 1–32 characters without spaces."),
    ("problem.provider.duplicate_register_number", "Reģistra numurs “{value}” sarakstā ir vēlreiz.", "The register number “{value}” is in the list twice."),
    ("problem.provider.duplicate_service", "Pakalpojums “{code}” šim sniedzējam norādīts vēlreiz.", "The service “{code}” is given twice for this provider."),
    ("problem.provider.no_services", "Sniedzējam jānorāda vismaz viens pakalpojums.", "The provider must offer at least one service."),
    ("problem.provider.price_zero", "Sniedzēja vienības cenai jābūt lielākai par nulli.", "The provider's unit price must be more than zero."),
    // The provision record (ib-provision/1).
    ("problem.provision.schema", "Pakalpojumu sniegšanas ieraksta shēmai jābūt “ib-provision/1”, bet ir “{found}”.", "The provision record's schema must be “ib-provision/1”, but is “{found}”."),
    ("problem.provision.digest_malformed", "Plāna nospiedumam jābūt 64 heksadecimālām rakstzīmēm (mazajiem burtiem).", "A plan digest must be 64 hexadecimal characters (lower case)."),
    ("problem.provision.plan_differs", "Plāna rezultāts neatbilst tā pārrēķinam; pakalpojumu sniegšanu var uzskaitīt tikai nemainītam plānam.", "The plan's result does not match its recomputation; provision can only be recorded for an unchanged plan."),
    ("problem.provision.plan_mismatch", "Ieraksts ir par plānu ar nospiedumu {named}, bet dotā plāna nospiedums ir {given}.", "The record is for the plan with the digest {named}, but the plan given has the digest {given}."),
    ("problem.provision.case_mismatch", "Lietas pseidonīms ir “{found}”, bet plānā tas ir “{expected}”.", "The case pseudonym is “{found}”, but the plan's is “{expected}”."),
    ("problem.provision.service_not_funded", "Pakalpojums “{code}” šajā plānā netiek finansēts.", "The service “{code}” is not funded in this plan."),
    ("problem.provision.provider_choice", "Sniedzējs jānorāda vai nu kā saraksta sniedzējs (“listed”: reģistra numurs), vai kā cits sniedzējs (“other”: tā dati), bet ne abi.", "The provider must be given either as a listed provider (“listed”: register number) or as another provider (“other”: its details), not both."),
    ("problem.provision.provider_list_needed", "Sniedzējs “{registerNumber}” ir norādīts no saraksta, bet pakalpojumu sniedzēju saraksts nav dots.", "The provider “{registerNumber}” is chosen from the list, but no provider list was given."),
    ("problem.provision.provider_unknown", "Pakalpojumu sniedzēju sarakstā nav sniedzēja ar reģistra numuru “{registerNumber}”.", "The provider list has no provider with the register number “{registerNumber}”."),
    ("problem.provision.provider_not_offering", "Sniedzējs “{registerNumber}” nesniedz pakalpojumu “{code}”.", "The provider “{registerNumber}” does not offer the service “{code}”."),
    ("problem.provision.arrangement_kind", "Vienošanās veidam jābūt “contract” (līgums) vai “guaranteeLetter” (garantijas vēstule), bet ir “{value}”.", "The arrangement must be “contract” or “guaranteeLetter” (guarantee letter), but is “{value}”."),
    ("problem.provision.letter_conflict", "Garantijas vēstule Nr. {number} jau norādīta ar citu datumu vai citam sniedzējam.", "The guarantee letter no. {number} is already given with another date or for another provider."),
    ("problem.provision.month_outside", "Mēnesis {month} ir ārpus plāna perioda ({months} mēneši).", "Month {month} is outside the plan's period ({months} months)."),
    ("problem.provision.month_after_statements", "Mēnesis {month} ir pēc pēdējā mēneša ar pārskatiem ({through}).", "Month {month} is after the last month with statements ({through})."),
    ("problem.provision.delivery_duplicate", "Pakalpojumam “{code}” {month}. mēnesī ir vairāki ieraksti.", "The service “{code}” has more than one entry for month {month}."),
    ("problem.provision.no_provider", "Pakalpojumam “{code}” {month}. mēnesī nav izvēlēts sniedzējs, tāpēc sniegšanu nevar uzskaitīt.", "No provider is chosen for the service “{code}” in month {month}, so no delivery can be recorded."),
    ("problem.provision.line_duplicate", "Pakalpojumam “{code}” no {month}. mēneša norādīti divi sniedzēji.", "The service “{code}” has two providers from month {month}."),
    ("problem.provision.no_arrangement", "Pakalpojumam “{code}” nav noslēgta vienošanās (līgums vai garantijas vēstule), tāpēc sniegšanu nevar uzskaitīt.", "The service “{code}” has no arrangement (contract or guarantee letter), so no delivery can be recorded."),
    ("problem.provision.delivered_over_funded", "Pakalpojumam “{code}” kopā sniegtas {delivered} vienības, bet plāns finansē {funded}.", "{delivered} units of the service “{code}” are delivered in total, but the plan funds {funded}."),
    ("problem.provision.paid_over_funded", "Pakalpojumam “{code}” kopā samaksāti {paid} €, bet plāns finansē {funded} €.", "€{paid} is paid for the service “{code}” in total, but the plan funds €{funded}."),
    ("problem.provision.paid_over_delivered", "Samaksāti {paid} €, bet {units} sniegtās vienības pa {price} € ir ne vairāk kā {most} €.", "€{paid} is paid, but {units} units delivered at €{price} come to at most €{most}."),
    ("problem.provision.amendment_period", "Grozītajam plānam jābūt tam pašam periodam (no {start}, {months} mēneši).", "The amended plan must have the same period (from {start}, {months} months)."),
    ("problem.provision.amended_not_funded", "Grozītais plāns vairs nefinansē pakalpojumu “{code}”, bet jau sniegtas {delivered} vienības.", "The amended plan no longer funds the service “{code}”, but {delivered} units are already delivered."),
    ("problem.provision.amended_below_delivered", "Grozītais plāns pakalpojumam “{code}” finansē {funded} vienības, bet jau sniegtas {delivered}.", "The amended plan funds {funded} units of the service “{code}”, but {delivered} are already delivered."),
    ("problem.provision.amended_below_paid", "Grozītais plāns pakalpojumam “{code}” finansē {funded} €, bet jau samaksāti {paid} €.", "The amended plan funds €{funded} for the service “{code}”, but €{paid} is already paid."),
    // Arrangements and the price flag.
    ("provision.arrangement.contract", "līgums", "contract"),
    ("provision.arrangement.guarantee_letter", "garantijas vēstule", "guarantee letter"),
    ("provision.price.higher", "Sniedzēja cena {providerUnitPrice} ir augstāka par plāna cenu {planUnitPrice}: finansētā summa sedz tikai {unitsAtProviderPrice} no {fundedUnits} vienībām.", "The provider's price {providerUnitPrice} is higher than the plan's {planUnitPrice}: the funded amount pays for only {unitsAtProviderPrice} of the {fundedUnits} units."),
    ("provision.price.lower", "Sniedzēja cena {providerUnitPrice} ir zemāka par plāna cenu {planUnitPrice}: plāns joprojām finansē {fundedUnits} vienības (par finansēto summu varētu {unitsAtProviderPrice}).", "The provider's price {providerUnitPrice} is lower than the plan's {planUnitPrice}: the plan still funds {fundedUnits} units (the funded amount would buy {unitsAtProviderPrice})."),
    // The guarantee letter's contents.
    ("letter.title", "Garantijas vēstule", "Guarantee letter"),
    ("letter.number", "Nr. {number}, {date}", "No. {number}, {date}"),
    ("letter.to", "Pakalpojumu sniedzējam: {name}, reģistra Nr. {registerNumber}", "To the provider: {name}, register no. {registerNumber}"),
    ("letter.address", "Adrese: {address}; kontakti: {contact}", "Address: {address}; contact: {contact}"),
    ("letter.service", "{service} ({code}): {count} × {price} = {amount}, no {start} līdz {end}", "{service} ({code}): {count} × {price} = {amount}, from {start} to {end}"),
    ("letter.body", "{socialService} apliecina, ka apmaksās šādus pakalpojumus, kas sniegti laikā no {start} līdz {end} saskaņā ar atbalsta plānu:", "{socialService} guarantees payment for the following services delivered from {start} to {end} under the support plan:"),
    ("letter.total", "Kopā ne vairāk kā {total}", "In total at most {total}"),
    ("letter.plan", "Lieta {caseId}; plāna nospiedums (SHA-256) {digest}", "Case {caseId}; plan digest (SHA-256) {digest}"),
    ("letter.child_fields", "Bērna vārds, uzvārds: ____________________  Personas kods: ____________________ (aizpilda uz papīra)", "Child's name: ____________________  Personal code: ____________________ (filled in on paper)"),
    // The link of an amended plan to its earlier versions (issue 14, item 5).
    ("problem.amends.count", "Grozītajā plānā jānorāda no 1 līdz {max} iepriekšējām plāna versijām, bet norādītas {count}.", "An amended plan must name 1 to {max} earlier versions of the plan, but names {count}."),
    ("problem.amends.digest", "Iepriekšējās plāna versijas nospiedumam jābūt 64 heksadecimālām rakstzīmēm (mazajiem burtiem).", "The digest of an earlier version of the plan must be 64 hexadecimal characters (lower case)."),
    ("problem.provision.amends_other_plan", "Grozītais plāns groza citu plānu: tā iepriekšējo versiju sarakstam jābeidzas ar šī plāna nospiedumu {digest}.", "The amended plan amends another plan: its list of earlier versions must end with this plan's digest {digest}."),
    ("problem.provision.amends_chain", "Grozītā plāna iepriekšējās versijas neatbilst pakalpojumu sniegšanas ierakstam: jānorāda tās {count} versijas, ko nosauc ieraksts, un pēdējā ir šis plāns.", "The amended plan's earlier versions do not match the provision record: it must name the {count} versions the record names, the last being this plan."),
];
