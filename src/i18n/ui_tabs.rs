//! Messages of two tabs on one case: changes from another tab, conflicts, a deletion elsewhere (issue 12, item 1):
//! `(key, Latvian, English)` rows.

/// The rows.
pub static ROWS: &[(&str, &str, &str)] = &[
    // Why a save did not happen (after "Could not save.")
    ("tabs.error.changed", "Šo lietu tajā pašā laikā mainīja arī citā cilnē, tāpēc izmaiņas šajā cilnē vēl nav saglabātas.", "This case was changed in another tab at the same time, so the changes in this tab are not saved yet."),
    ("tabs.error.deleted", "Šī lieta citā cilnē ir izdzēsta. Izmaiņas šajā cilnē vairs netiek saglabātas; ja tās vajadzīgas, lejupielādējiet šīs cilnes kopiju.", "This case was deleted in another tab. Changes in this tab are no longer saved; if you need them, download this tab's copy."),
    ("tabs.error.unreadable", "Cita cilne šo lietu saglabāja veidā, ko šī cilne nevar nolasīt. Saglabātais netiek pārrakstīts, un izmaiņas šajā cilnē netiek saglabātas.", "Another tab stored this case in a form this tab cannot read. What is stored is not overwritten, and the changes in this tab are not saved."),
    // Open in another tab
    ("tabs.presence", "Šī lieta ir atvērta arī citā cilnē. Izmaiņas, ko izdara vienā cilnē, parādās arī otrā.", "This case is also open in another tab. Changes made in one tab appear in the other too."),
    // The same fields changed in two tabs
    ("tabs.conflict.title", "Citā cilnē mainīti tie paši lauki", "The same fields were changed in another tab"),
    ("tabs.conflict.lead", "Katram laukam izvēlieties, kuru vērtību paturēt. Pārējās abu ciļņu izmaiņas jau ir apvienotas. Kamēr neesat izvēlējies, izmaiņas netiek saglabātas.", "For each field, choose which value to keep. The other changes from both tabs are already combined. Nothing is saved until you choose."),
    ("tabs.conflict.place", "{step}: {field}", "{step}: {field}"),
    ("tabs.conflict.whole_case", "Visa lieta", "The whole case"),
    ("tabs.conflict.mine", "Šajā cilnē:", "This tab:"),
    ("tabs.conflict.theirs", "Otrā cilnē:", "The other tab:"),
    ("tabs.conflict.empty", "(tukšs)", "(empty)"),
    ("tabs.conflict.choose_all", "Izvēlieties vērtību katram laukam.", "Choose a value for every field."),
    ("tabs.conflict.apply", "Saglabāt izvēlētās vērtības", "Save the chosen values"),
];
