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
    // Money input.
    (
        "forms.money.hint",
        "Eiro ar centiem, piemēram, 1 234,50 vai 1234.50",
        "Euros and cents, for example 1234.50 or 1 234,50",
    ),
];
