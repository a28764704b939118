//! Messages of the assessment grid, the error texts that name their fields, money input (issue 11, items 6 and 7):
//! `(key, Latvian, English)` rows.

/// The rows.
pub static ROWS: &[(&str, &str, &str)] = &[
    // A listed problem names its step and field (crate::field_names).
    (
        "forms.problem.line",
        "{step}: {field} — {message}",
        "{step}: {field} — {message}",
    ),
    (
        "forms.problem.line_step",
        "{step}: {message}",
        "{step}: {message}",
    ),
    (
        "forms.problem.inline",
        "{field} — {message}",
        "{field} — {message}",
    ),
    // Field names used only in problem lines (the fields' own labels are used elsewhere).
    ("forms.field.id", "identifikators", "identifier"),
    ("forms.field.life_domain", "dzīves joma", "life domain"),
    ("forms.field.review", "pārskatīšana", "review"),
    (
        "forms.field.review_performance",
        "izpilde pārskatīšanā",
        "performance at the review",
    ),
    (
        "forms.field.review_satisfaction",
        "apmierinātība pārskatīšanā",
        "satisfaction at the review",
    ),
    (
        "forms.field.member_n",
        "{n}. komandas loceklis",
        "team member {n}",
    ),
    ("forms.field.role", "loma", "role"),
    ("forms.field.member_name", "vārds", "name"),
    ("forms.field.assessments", "novērtējumi", "assessments"),
    ("forms.field.entry_n", "{n}. ieraksts", "entry {n}"),
    ("forms.field.domain", "joma", "domain"),
    ("forms.field.goal_n", "{n}. mērķis", "goal {n}"),
    ("forms.field.goal_text", "mērķa teksts", "goal text"),
    (
        "forms.field.level_n",
        "{n}. līmeņa apraksts",
        "level description {n}",
    ),
    ("forms.field.service_n", "{n}. pakalpojums", "service {n}"),
    ("forms.field.service", "pakalpojums", "service"),
    ("forms.field.quantity", "daudzums", "quantity"),
    (
        "forms.field.expert_rank",
        "speciālistu vieta",
        "specialists' rank",
    ),
    ("forms.field.parent_rank", "vecāku vieta", "parents' rank"),
    ("forms.field.note", "piezīme", "note"),
    ("forms.field.service_goals", "mērķi, kuriem tas kalpo", "the goals it serves"),
    (
        "forms.field.follow_experts_reason",
        "kāpēc vecāki izvēlējās sekot speciālistu secībai",
        "why the parents chose to follow the experts' order"
    ),
    (
        "forms.field.expert_order",
        "speciālistu secība",
        "the specialists' order",
    ),
    (
        "forms.field.parent_order",
        "vecāku secība",
        "the parents' order",
    ),
    (
        "forms.field.parent_weight",
        "vecāku vērtējuma īpatsvars",
        "the parents' share",
    ),
    // The assessment grid.
    ("assessment.grid.icf", "Bērna funkcionēšana: SFK jomas", "The child's functioning: ICF domains"),
    ("assessment.grid.icf.hint", "Katrā rindā viena joma, katrā kolonnā viens komandas loceklis. Jomu, kuru nevērtējat, atstājiet “Nav novērtēts”.", "One domain per row, one team member per column. Leave a domain you do not assess as “Not scored”."),
    ("assessment.grid.family", "Ģimenes vajadzības (nav SFK jomas)", "The family's needs (not ICF domains)"),
    ("assessment.grid.family.hint", "Šīs nav SFK jomas, bet ģimenes vajadzības, ko IB modelis vērtē līdzās bērna funkcionēšanai. Tā pati skala 0–4 šeit norāda, cik liela ir vajadzība.", "These are not ICF domains but the family's needs, which the IB model assesses beside the child's functioning. The same 0–4 scale says here how great the need is."),
    ("assessment.grid.not_icf", "ģimenes vajadzība, nav SFK joma", "family need, not an ICF domain"),
    ("assessment.grid.domain", "Joma un komandas kopskats", "Domain and the team overall"),
    ("assessment.grid.count", "novērtētas {scored} no {total}", "{scored} of {total} scored"),
    ("assessment.grid.summary", "Komandā kopā", "Team overall"),
    ("assessment.grid.none", "Vēl neviens nav novērtējis", "Nobody has scored it yet"),
    ("assessment.grid.range", "no {low} līdz {high}", "from {low} to {high}"),
    ("assessment.grid.other", "{what}: {count}", "{what}: {count}"),
    ("assessment.grid.scored", "novērtējuši {scored} no {total}", "{scored} of {total} scored"),
    ("assessment.grid.q.0", "0 (nav problēmu)", "0 (no problem)"),
    ("assessment.grid.q.1", "1 (viegla)", "1 (mild)"),
    ("assessment.grid.q.2", "2 (mērena)", "2 (moderate)"),
    ("assessment.grid.q.3", "3 (smaga)", "3 (severe)"),
    ("assessment.grid.q.4", "4 (pilnīga)", "4 (complete)"),
    ("assessment.grid.q.8", "8 (nav precizēts)", "8 (not specified)"),
    ("assessment.grid.q.9", "9 (nav attiecināms)", "9 (not applicable)"),
    ("assessment.grid.note_written", "ierakstīta", "written"),
    // Money input.
    (
        "forms.money.hint",
        "Eiro ar centiem, piemēram, 1 234,50 vai 1234.50",
        "Euros and cents, for example 1234.50 or 1 234,50",
    ),
];
