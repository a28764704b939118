//! Messages of the plan's layout on phones and laptops, and What if (issue 11, items 1 and 3):
//! `(key, Latvian, English)` rows.

/// The rows.
pub static ROWS: &[(&str, &str, &str)] = &[
    // The plan table, laid out as cards on a narrow screen.
    ("result.col.status", "Statuss", "Status"),
    ("plan.table.note", "Katrā rindā: pakalpojums, tā statuss, pamatojums, finansētās un pieprasītās vienības un summas.", "Each line: the service, its status, the reason, and the units and euros funded and requested."),
    // What if: the services in another experts' order and with other quantities.
    ("whatif.services", "Ekspertu prioritāšu secība un daudzumi izmēģinājumam", "Experts' order and quantities to try"),
    ("whatif.services.hint", "Pārvietojiet pakalpojumu ekspertu secībā vai mainiet tā daudzumu. Vecāku prioritātes paliek kā ir; plāna secību joprojām nosaka kopējais vērtējums.", "Move a service in the experts' order or change its quantity. The parents' ranking stays as it is; the plan's order still follows the combined score."),
    ("whatif.quantity", "Daudzums", "Quantity"),
    ("whatif.was", "(saglabātajā secībā {place}.)", "(place {place} in the saved order)"),
    ("whatif.col.change", "Izmaiņa", "Change"),
    ("whatif.move.up", "Pakāpjas no {from}. uz {to}. vietu", "Moves up from place {from} to place {to}"),
    ("whatif.move.down", "Noslīd no {from}. uz {to}. vietu", "Moves down from place {from} to place {to}"),
    ("whatif.move.none", "Vieta nemainās", "Same place"),
    ("whatif.funding.more", "finansējums +{amount}", "funding +{amount}"),
    ("whatif.funding.less", "finansējums −{amount}", "funding −{amount}"),
    ("whatif.funding.same", "finansējums nemainās", "funding unchanged"),
    ("whatif.confirm.parents_look", "Ekspertu secība mainās, tāpēc vecākiem pēc tam būs jāpārskata sava secība; līdz tam plāns ir provizorisks un to nevar parakstīt.", "The experts' order changes, so the parents will then need to look at their order again; until they do, the plan is provisional and cannot be signed."),
    ("whatif.confirm.services", "Lietā tiks ierakstīta arī izmēģinātā ekspertu prioritāšu secība un daudzumi.", "The experts' order and the quantities you tried are written into the case too."),
];
