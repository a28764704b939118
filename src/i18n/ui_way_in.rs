//! Messages of the parents' own way in and the answers sent as a file (issue 11, item 5):
//! `(key, Latvian, English)` rows.

/// The rows.
pub static ROWS: &[(&str, &str, &str)] = &[
    // Start screen: the parents' way in
    ("start.parents.title", "Vecākiem", "For parents"),
    ("start.parents.lead", "Ja esat bērna vecāks un sociālais darbinieks lūdza jūs aizpildīt mērķu anketu, sāciet šeit. Lietas kods un komandas soļi nav vajadzīgi.", "If you are the child's parent and the social worker asked you to fill in the goals questionnaire, start here. No case code and no team steps are needed."),
    ("start.parent_way", "Esmu vecāks: aizpildīt mērķu anketu", "I am a parent: fill in the goals questionnaire"),
    ("start.parent_way.hint", "Atbildes glabājas tikai šajā ierīcē, līdz jūs tās saglabājat failā un nosūtāt sociālajam darbiniekam.", "Your answers stay only on this device until you save them as a file and send it to the social worker."),
    ("start.open_ranking", "Atvērt pakalpojumu sarakstu no komandas", "Open the list of services from the team"),
    ("start.open_ranking.hint", "Ja sociālais darbinieks jums atsūtīja failu ar pakalpojumu sarakstu, izvēlieties to šeit vai ievelciet to šajā lapā. Tad sakārtosiet pakalpojumus savā secībā.", "If the social worker sent you a file with the list of services, choose it here or drag it onto this page. Then you put the services in your own order."),
    ("start.open_ranking.error", "Failu nevarēja atvērt. Šajā ierīcē nekas nav mainīts.", "The file could not be opened. Nothing on this device has changed."),
    ("start.team.title", "Komandai", "For the team"),
    // Start screen: the parents' own records on the list
    ("cases.parents_answers", "Mana anketa", "My questionnaire"),
    ("cases.parents_ranking", "Mana pakalpojumu secība", "My order of the services"),
    ("cases.parents_answers.meta", "mērķi: {count}", "goals: {count}"),
    ("cases.parents_ranking.meta", "pakalpojumi: {count}", "services: {count}"),
    // The parents' own pages
    ("parent.nav", "Jūsu soļi", "Your steps"),
    ("parent.page.questionnaire", "Mērķu anketa", "Goals questionnaire"),
    ("parent.page.ranking", "Pakalpojumu secība", "Order of the services"),
    ("parent.page.send", "Saglabāt un nosūtīt", "Save and send"),
    ("parent.note", "Jūs aizpildāt kā vecāks savā ierīcē. Katra atbilde tiek saglabāta šajā ierīcē uzreiz.", "You are filling this in as a parent on your own device. Each answer is saved on this device at once."),
    ("parent.continue.answers", "Turpināt: saglabāt atbildes failā", "Continue: save the answers as a file"),
    ("parent.continue.ranking", "Turpināt: saglabāt secību failā", "Continue: save the order as a file"),
    ("parent.back.questionnaire", "Atpakaļ pie anketas", "Back to the questionnaire"),
    ("parent.back.ranking", "Atpakaļ pie secības", "Back to the order"),
    ("parent.not_parents", "Šī ir komandas lieta, nevis vecāku anketa.", "This is a team's case, not a parents' questionnaire."),
    ("parent.save.download", "Lejupielādēt atbildes kā failu", "Download the answers as a file"),
    // Saving and sending the file
    ("send.title.answers", "Saglabājiet atbildes un nosūtiet tās sociālajam darbiniekam", "Save your answers and send them to the social worker"),
    ("send.title.ranking", "Saglabājiet secību un nosūtiet to sociālajam darbiniekam", "Save your order and send it to the social worker"),
    ("send.lead.answers", "Anketā ir mērķi: {count}. Failā būs tikai anketas atbildes, nekas cits.", "Goals in the questionnaire: {count}. The file holds only the questionnaire's answers, nothing else."),
    ("send.lead.ranking", "Sarakstā ir pakalpojumi: {count}. Failā būs tikai pakalpojumu saraksts jūsu secībā.", "Services on the list: {count}. The file holds only the list of services in your order."),
    ("send.no_goals", "Anketā vēl nav neviena mērķa. Vispirms pievienojiet mērķi anketā.", "The questionnaire has no goal yet. First add a goal in the questionnaire."),
    ("send.incomplete.answers", "Dažiem mērķiem vēl trūkst atbilžu. Varat tās papildināt anketā vai sūtīt tā, kā ir: sociālais darbinieks redzēs, kas trūkst.", "Some goals still have missing answers. You can complete them in the questionnaire or send them as they are: the social worker will see what is missing."),
    ("send.incomplete.ranking", "Vispirms sakārtojiet visus pakalpojumus savā secībā (vai sāciet no speciālistu secības un mainiet to). Tad saglabājiet failu.", "First put every service in your own order (or start from the experts' order and change it). Then save the file."),
    ("send.file_name", "Faila nosaukums: {name}", "File name: {name}"),
    ("send.share", "Sūtīt failu…", "Send the file…"),
    ("send.share.hint", "Atver ierīces kopīgošanas izvēlni: izvēlieties e-pasta vai ziņu lietotni un sociālo darbinieku.", "Opens your device's share menu: choose an e-mail or messaging app and the social worker."),
    ("send.download", "Saglabāt failu šajā ierīcē", "Save the file on this device"),
    ("send.done.download", "Fails “{name}” ir saglabāts šajā ierīcē (parasti mapē “Lejupielādes”).", "The file “{name}” is saved on this device (usually in the “Downloads” folder)."),
    ("send.done.shared", "Fails “{name}” ir nodots izvēlētajai lietotnei. Pārliecinieties, ka ziņa ar pielikumu ir nosūtīta sociālajam darbiniekam.", "The file “{name}” was handed to the app you chose. Make sure the message with the attachment has been sent to the social worker."),
    ("send.share_failed", "Kopīgošana neizdevās, tāpēc fails tika saglabāts šajā ierīcē: “{name}”.", "Sharing did not work, so the file was saved on this device instead: “{name}”."),
    ("send.how", "Kā nosūtīt: pievienojiet šo failu e-pasta vēstulei vai ziņai (piemēram, WhatsApp vai Signal) sociālajam darbiniekam. Kamēr jūs to nenosūtāt, fails paliek tikai šajā ierīcē: nekas netiek sūtīts automātiski.", "How to send it: attach this file to an e-mail or a message (for example WhatsApp or Signal) to the social worker. Until you send it, the file stays only on this device: nothing is sent automatically."),
    ("send.cancelled", "Sūtīšana atcelta. Nekas nav zaudēts: atbildes joprojām ir saglabātas šajā ierīcē. Varat mēģināt vēlreiz vai saglabāt failu.", "Sending was cancelled. Nothing is lost: your answers are still saved on this device. You can try again or save the file."),
    ("send.kept", "Jūsu atbildes paliek arī šajā ierīcē: sākuma ekrānā tās atradīsiet sarakstā “Lietas šajā ierīcē”.", "Your answers also stay on this device: you will find them on the start screen, in “Cases on this device”."),
    // File names (no spaces or diacritics: they travel as attachments)
    ("wayin.file.answers", "anketa", "questionnaire"),
    ("wayin.file.ranking", "prioritates", "priorities"),
    // Plain examples of each area of life, under its name in the questionnaire
    ("wayin.domain.example.mobility", "Piemēram: staigāt, kāpt pa kāpnēm, pārvietoties ratiņkrēslā, braukt ar autobusu.", "For example: walking, climbing stairs, getting about in a wheelchair, taking the bus."),
    ("wayin.domain.example.self_care", "Piemēram: ēst, ģērbties, mazgāties, iet uz tualeti.", "For example: eating, dressing, washing, using the toilet."),
    ("wayin.domain.example.communication", "Piemēram: pateikt, ko vēlas, saprast teikto, lietot zīmes vai attēlus.", "For example: saying what they want, understanding what is said, using signs or pictures."),
    ("wayin.domain.example.learning", "Piemēram: lasīt, rakstīt, skaitīt, noturēt uzmanību uzdevumam.", "For example: reading, writing, counting, keeping attention on a task."),
    ("wayin.domain.example.interpersonal", "Piemēram: draudzēties, spēlēties kopā ar citiem bērniem, tikt galā ar strīdiem.", "For example: making friends, playing with other children, coping with quarrels."),
    ("wayin.domain.example.domestic_life", "Piemēram: palīdzēt mājas darbos, sakārtot savas lietas, ģimenes ikdiena.", "For example: helping with housework, tidying their own things, everyday family life."),
    ("wayin.domain.example.play_education", "Piemēram: iet uz bērnudārzu vai skolu, piedalīties nodarbībās, rotaļāties.", "For example: going to kindergarten or school, taking part in lessons, playing."),
    ("wayin.domain.example.community_life", "Piemēram: pulciņi, sports, iepirkšanās, pasākumi ārpus mājas.", "For example: clubs, sport, shopping, events outside the home."),
    ("wayin.domain.example.family_work", "Piemēram: lai vecāki varētu strādāt vai mācīties, kamēr par bērnu tiek gādāts.", "For example: so that the parents can work or study while the child is looked after."),
    ("wayin.domain.example.family_respite", "Piemēram: laiks atpūtai, laiks brāļiem un māsām, lai ģimene nepārgurtu.", "For example: time to rest, time for brothers and sisters, so the family does not wear out."),
];
