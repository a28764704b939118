//! The one message catalogue: `(key, Latvian, English)`. Keys are grouped by screen with a
//! dotted prefix. Placeholders are `{name}` and must match between the two languages.

/// The app shell's and screens' messages.
pub static UI: &[(&str, &str, &str)] = &[
    // Application chrome
    ("app.name", "IB plānotājs", "IB planner"),
    ("app.tagline", "Individuālā budžeta atbalsta plāns bērnam ar funkcionāliem traucējumiem", "Individual budget support plan for a child with functional impairments"),
    ("app.skip_to_content", "Pāriet uz saturu", "Skip to content"),
    ("app.language", "Valoda", "Language"),
    ("app.language.lv", "Latviešu", "Latviešu"),
    ("app.language.en", "English", "English"),
    ("app.home", "Sākums", "Home"),
    ("app.footer", "Dati paliek šajā ierīcē, līdz jūs tos eksportējat.", "Your data stays on this device until you export it."),
    ("app.back", "Atpakaļ", "Back"),
    ("app.back_to_start", "Atpakaļ uz sākumu", "Back to start"),
    // Start screen
    ("start.title", "Sāciet atbalsta plānu", "Start a support plan"),
    ("start.lead", "Vecāku mērķi un speciālistu novērtējums kopā veido prioritizētu, budžetētu un parakstītu atbalsta plānu 6 mēnešiem.", "Parents' goals and the specialists' assessment together make a prioritised, budgeted and signed support plan for 6 months."),
    ("start.new_case", "Jauna lieta", "New case"),
    ("start.new_case.hint", "Sāciet ar vecāku anketu un komandas novērtējumu.", "Begin with the parents' questionnaire and the team's assessment."),
    ("start.example_case", "Atvērt parauga lietu", "Open example case"),
    ("start.example_case.hint", "Apskatiet pilnu, reālistisku lietu, lai iepazītu rīku.", "Look at a complete, realistic case to get to know the tool."),
    ("start.privacy", "Nekas netiek sūtīts uz serveri: lietas glabājas tikai šajā pārlūkā.", "Nothing is sent to a server: cases are kept only in this browser."),
    // Placeholder screens (filled by later work)
    ("placeholder.new_case.title", "Jauna lieta", "New case"),
    ("placeholder.new_case.body", "Šeit būs vecāku anketa, speciālistu komandas izvēle, novērtējums, mērķi, pakalpojumu saraksts, vecāku prioritātes un budžeta rezultāts.", "Here will be the parents' questionnaire, the choice of the specialist team, the assessment, goals, the list of services, the parents' priorities and the budget result."),
    ("placeholder.example_case.title", "Parauga lieta", "Example case"),
    ("placeholder.example_case.body", "Šeit būs pilna parauga lieta ar aprēķinātu un parakstāmu plānu.", "Here will be a complete example case with a computed plan ready to sign."),
    ("placeholder.not_yet", "Šī daļa vēl tiek veidota.", "This part is still being built."),
];
