//! The one message catalogue: `(key, Latvian, English)`. Keys are grouped by screen with a
//! dotted prefix. Placeholders are `{name}` and must match between the two languages.

/// The app shell's and screens' messages.
pub static UI: &[(&str, &str, &str)] = &[
    // Application chrome
    ("app.name", "IB plānotājs", "IB planner"),
    ("app.skip_to_content", "Pāriet uz saturu", "Skip to content"),
    ("app.language", "Valoda", "Language"),
    // The buttons show "LV" and "EN"; their names start with that text (WCAG 2.5.3).
    ("app.language.lv", "LV — latviešu valoda", "LV — latviešu valoda"),
    ("app.language.en", "EN — English", "EN — English"),
    ("app.footer", "Dati paliek šajā ierīcē, līdz jūs tos eksportējat.", "Your data stays on this device until you export it."),
    // Start screen
    ("start.title", "Sāciet atbalsta plānu", "Start a support plan"),
    ("start.lead", "Vecāku mērķi un speciālistu novērtējums kopā veido prioritizētu, budžetētu un parakstītu atbalsta plānu 6 mēnešiem.", "Parents' goals and the specialists' assessment together make a prioritised, budgeted and signed support plan for 6 months."),
    ("start.new_case", "Jauna lieta", "New case"),
    ("start.new_case.hint", "Sāciet ar vecāku anketu un komandas novērtējumu.", "Begin with the parents' questionnaire and the team's assessment."),
    ("start.example_case", "Atvērt parauga lietu", "Open example case"),
    ("start.example_case.hint", "Apskatiet pilnu, reālistisku lietu, lai iepazītu rīku.", "Look at a complete, realistic case to get to know the tool."),
    ("start.privacy", "Nekas netiek sūtīts uz serveri: lietas glabājas tikai šajā pārlūkā.", "Nothing is sent to a server: cases are kept only in this browser."),
];
