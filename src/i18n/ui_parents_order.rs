//! Messages of the parents' own order: not ranked yet, following the experts, needing a look (issue 11, item 4):
//! `(key, Latvian, English)` rows.

/// The rows.
pub static ROWS: &[(&str, &str, &str)] = &[
    // The engine's problems.
    ("problem.parents.not_ranked", "Vecāki vēl nav sarindojuši pakalpojumus (nav vēl sarindots). Galīgo plānu aprēķina, kad vecāki tos sarindo vai kad ierakstīts, ka vecāki izvēlējās sekot speciālistu secībai.", "The parents have not ranked the services yet (not ranked yet). The final plan is computed once they rank them, or once it is recorded that the parents chose to follow the experts' order."),
    ("problem.parents.incomplete", "Šie pakalpojumi vēl nav vecāku secībā: {codes}.", "These services are not in the parents' order yet: {codes}."),
    ("problem.parents.added", "Pēc tam, kad vecāki noteica savu secību, speciālisti pievienoja “{code}”: vecākiem secība jāpārskata.", "The experts added “{code}” after the parents set their order: the parents' order needs a look."),
    ("problem.parents.removed", "Pēc tam, kad vecāki noteica savu secību, speciālisti izņēma “{code}”: vecākiem secība jāpārskata.", "The experts removed “{code}” after the parents set their order: the parents' order needs a look."),
    ("problem.parents.moved", "Pēc tam, kad vecāki noteica savu secību, speciālisti pārvietoja “{code}” savā secībā: vecākiem secība jāpārskata.", "The experts moved “{code}” in their order after the parents set theirs: the parents' order needs a look."),
    ("problem.service.unknown_goal", "Pakalpojums ir saistīts ar mērķi “{id}”, kura lietā vairs nav.", "The service is linked to the goal “{id}”, which is no longer in the case."),
    // The step navigation.
    ("case.step_not_ranked", " (nav vēl sarindots)", " (not ranked yet)"),
    ("case.step_needs_look", " (jāpārskata)", " (needs a look)"),
    // The ranking step.
    ("parents_order.not_ranked.title", "Nav vēl sarindots", "Not ranked yet"),
    ("parents_order.not_ranked.body", "Vecāku secība ir tukša, līdz vecāki paši pārvieto pakalpojumus savā secībā vai tiek ierakstīts, ka viņi izvēlējās sekot speciālistu secībai. Zemāk saraksts ir speciālistu secībā. Līdz tam plāns ir provizorisks un to nevar parakstīt.", "The parents' order stays empty until the parents move the services into their own order, or it is recorded that they chose to follow the experts' order. The list below is in the experts' order. Until then the plan is provisional and cannot be signed."),
    ("parents_order.needs_look.title", "Vecāku secība jāpārskata", "The parents' order needs a look"),
    ("parents_order.needs_look.body", "Kopš vecāki noteica savu secību, speciālistu saraksts ir mainījies:", "The experts' list has changed since the parents set their order:"),
    ("parents_order.needs_look.hint", "Lūdziet vecākus pārskatīt savu secību: pārvietojiet pakalpojumus vai apstipriniet secību tādu, kāda tā ir redzama (jaunie pakalpojumi ir beigās).", "Ask the parents to look at their order again: move services, or confirm the order as it is shown (new services are at the end)."),
    ("parents_order.change.added", "{name} — pievienots", "{name} — added"),
    ("parents_order.change.removed", "{name} — izņemts", "{name} — removed"),
    ("parents_order.change.moved", "{name} — pārvietots speciālistu secībā", "{name} — moved in the experts' order"),
    ("parents_order.change.unplaced", "{name} — vēl nav vecāku secībā", "{name} — not in the parents' order yet"),
    ("parents_order.confirm", "Apstiprināt vecāku secību", "Confirm the parents' order"),
    ("parents_order.confirmed", "Vecāku secība apstiprināta.", "The parents' order is confirmed."),
    ("parents_order.ranked", "Vecāki ir sarindojuši pakalpojumus.", "The parents have ranked the services."),
    ("parents_order.follow.recorded", "Ierakstīts: vecāki izvēlējās sekot speciālistu secībai. Vecāku secība ir speciālistu secība.", "Recorded: the parents chose to follow the experts' order. The parents' order is the experts' order."),
    ("parents_order.how.legend", "Kā tiek noteikta vecāku secība?", "How is the parents' order set?"),
    ("parents_order.how.rank", "Vecāki sarindo pakalpojumus paši", "The parents rank the services themselves"),
    ("parents_order.how.follow", "Vecāki izvēlējās sekot speciālistu secībai", "The parents chose to follow the experts' order"),
    ("parents_order.follow.reason", "Kāpēc vecāki izvēlējās sekot speciālistu secībai?", "Why did the parents choose to follow the experts' order?"),
    ("parents_order.follow.reason.hint", "Obligāti. Piemēram: “Sanāksmē vecāki teica, ka uzticas komandas secībai.” Šis lēmums un iemesls tiek ierakstīts plānā.", "Required. For example: “At the meeting the parents said they trust the team's order.” The decision and its reason are written into the plan."),
    ("parents_order.goals", "Kalpo vecāku mērķiem: {goals}", "Serves the parents' goals: {goals}"),
    ("parents_order.goals.team_only", "Kalpo komandas mērķiem ({goals}), kas nav saistīti ar vecāku mērķiem.", "Serves the team's goals ({goals}), which are not linked to a parents' goal."),
    ("parents_order.goals.none", "Speciālisti vēl nav norādījuši, kuriem mērķiem šis pakalpojums kalpo.", "The experts have not said yet which goals this service serves."),
    // The notice on the plan and sign steps.
    ("parents_notice.not_ranked.title", "Provizorisks plāns: vecāki vēl nav sarindojuši pakalpojumus", "Provisional plan: the parents have not ranked the services yet"),
    ("parents_notice.not_ranked.body", "Galīgo plānu aprēķina, kad vecāki sarindo pakalpojumus vai kad ierakstīts (ar iemeslu), ka viņi izvēlējās sekot speciālistu secībai. Līdz tam plānu nevar parakstīt.", "The final plan is computed once the parents rank the services, or once it is recorded (with a reason) that they chose to follow the experts' order. Until then the plan cannot be signed."),
    ("parents_notice.needs_look.title", "Provizorisks plāns: vecāku secība jāpārskata", "Provisional plan: the parents' order needs a look"),
    ("parents_notice.needs_look.body", "Kopš vecāki noteica savu secību, speciālistu saraksts ir mainījies. Galīgo plānu aprēķina un to var parakstīt, kad vecāki savu secību apstiprina vai pārkārto.", "The experts' list has changed since the parents set their order. The final plan is computed, and can be signed, once the parents confirm or re-rank their order."),
    ("parents_notice.follow_missing.title", "Nav ierakstīts, kāpēc vecāki izvēlējās sekot speciālistu secībai", "No reason is recorded for the parents' choice to follow the experts' order"),
    ("parents_notice.follow_missing.body", "Ierakstiet iemeslu solī “Vecāku prioritātes”. Līdz tam plānu nevar parakstīt.", "Write the reason in the step “Parents' ranking”. Until then the plan cannot be signed."),
    ("parents_notice.follow", "Vecāki izvēlējās sekot speciālistu secībai. Iemesls: {reason}", "The parents chose to follow the experts' order. Reason: {reason}"),
    ("parents_notice.go", "Atvērt vecāku prioritātes", "Open the parents' ranking"),
    ("parents_notice.preview.title", "Provizoriski, tikai pēc speciālistu secības (vecāku secība nav ņemta vērā)", "Provisional, in the experts' order alone (the parents' order is not counted)"),
    ("parents_notice.preview.line", "{n}. {name}: {status}", "{n}. {name}: {status}"),
    // The services step: which team goals a service serves.
    ("services.goals.legend", "Kuriem komandas mērķiem šis pakalpojums kalpo?", "Which of the team's goals does this service serve?"),
    ("services.goals.hint", "Neobligāti. Vecāku prioritātēs pie pakalpojuma tiek parādīti vecāku mērķi, kuriem kalpo atzīmētie komandas mērķi.", "Optional. In the parents' ranking each service shows the parents' goals that the ticked team goals serve."),
    ("services.goals.none", "Komandai vēl nav mērķu (solis “Mērķi”).", "The team has no goals yet (step “Goals”)."),
    ("services.goals.unknown", "Mērķis {id} (lietā vairs nav)", "Goal {id} (no longer in the case)"),
];
