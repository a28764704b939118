//! The pure logic behind the services, settings and result screens: catalogue search,
//! list edits that keep both rankings permutations, weights in words, reasons in plain
//! words, the "what if" comparison and exact chart geometry.

use ib_planner::engine::allocate::allocate;
use ib_planner::engine::example::example_case_json;
use ib_planner::engine::reference::ReferenceData;
use ib_planner::engine::validate::validate_case;
use ib_planner::i18n::Lang;
use ib_planner::plan_view::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::str::FromStr;

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn reference() -> ReferenceData {
    ReferenceData::builtin().unwrap()
}

fn codes(found: &[&ib_planner::engine::reference::Service]) -> Vec<String> {
    found.iter().map(|s| s.code.clone()).collect()
}

#[test]
fn search_ignores_case_and_latvian_diacritics_in_both_languages_and_codes() {
    let r = reference();
    let c = &r.catalogue;
    assert_eq!(fold("Aprūpe ĢIMENES Ķēķis"), "aprupe gimenes kekis");
    let aprupe = codes(&search(c, "aprupe"));
    assert!(aprupe.contains(&"SVC-HOMECARE".to_string()), "{aprupe:?}");
    assert!(aprupe.contains(&"SVC-CHILDCARE".to_string()));
    assert_eq!(codes(&search(c, "APRŪPE mājās")), vec!["SVC-HOMECARE"]);
    assert_eq!(codes(&search(c, "fizio")), vec!["SVC-PHYSIO"]);
    assert_eq!(
        codes(&search(c, "Speech therapy")),
        vec!["SVC-SPEECH", "SVC-AUDIOSPEECH"]
    );
    assert_eq!(codes(&search(c, "svc-respite")), vec!["SVC-RESPITE"]);
    assert_eq!(
        codes(&search(c, "gimenes asistents")),
        vec!["SVC-FAMILYASSIST"]
    );
    assert!(search(c, "").is_empty());
    assert!(search(c, "   ").is_empty());
    assert!(search(c, "zzzz-nothing").is_empty());
}

fn ranks(services: &[Value]) -> Vec<(String, i64, Option<i64>)> {
    services
        .iter()
        .map(|s| {
            (
                s["code"].as_str().unwrap().to_string(),
                s["expertRank"].as_i64().unwrap(),
                s.get("parentRank").and_then(Value::as_i64),
            )
        })
        .collect()
}

#[test]
fn list_edits_keep_the_experts_ranks_and_never_fill_in_the_parents_order() {
    let mut list: Vec<Value> = Vec::new();
    assert_eq!(add_service(&mut list, "A"), Some(0));
    assert_eq!(add_service(&mut list, "B"), Some(1));
    assert_eq!(add_service(&mut list, "C"), Some(2));
    assert_eq!(add_service(&mut list, "B"), None, "no duplicates");
    assert!(
        list[0].get("quantity").is_none(),
        "a new line asks for its quantity"
    );
    // Adding a service gives it an experts' place only: the parents have not ranked.
    assert_eq!(
        ranks(&list),
        vec![
            ("A".into(), 1, None),
            ("B".into(), 2, None),
            ("C".into(), 3, None)
        ]
    );
    // Removing with nobody ranked leaves the parents' order empty.
    let mut unranked = list.clone();
    assert!(remove_service(&mut unranked, 0));
    assert_eq!(
        ranks(&unranked),
        vec![("B".into(), 1, None), ("C".into(), 2, None)]
    );
    // The parents rank C first.
    list[2]["parentRank"] = json!(1);
    list[1]["parentRank"] = json!(2);
    list[0]["parentRank"] = json!(3);
    // Moving C up swaps items; each keeps its parents' rank, the experts' ranks follow
    // the order.
    assert!(move_service(&mut list, 2, 1));
    assert_eq!(
        ranks(&list),
        vec![
            ("A".into(), 1, Some(3)),
            ("C".into(), 2, Some(1)),
            ("B".into(), 3, Some(2))
        ]
    );
    assert!(!move_service(&mut list, 2, 3));
    // Removing B (parents' rank 2) leaves parents' ranks 1..=2 in the same relative order.
    assert!(remove_service(&mut list, 2));
    assert_eq!(
        ranks(&list),
        vec![("A".into(), 1, Some(2)), ("C".into(), 2, Some(1))]
    );
    assert!(!remove_service(&mut list, 5));
    // A service added after the parents ranked has no parents' place; compacting leaves
    // it so, and a junk rank is not turned into a place either.
    add_service(&mut list, "D");
    list[0]["parentRank"] = json!("x");
    compact_parent_ranks(&mut list);
    assert_eq!(
        ranks(&list),
        vec![
            ("A".into(), 1, None),
            ("C".into(), 2, Some(1)),
            ("D".into(), 3, None)
        ]
    );
    assert_eq!(list[0]["parentRank"], json!("x"));
    assert!(contains_code(&list, "C"));
    assert!(!contains_code(&list, "B"));
}

#[test]
fn weights_are_shown_and_chosen_as_percentages() {
    assert_eq!(expert_percent("0.6"), Some(dec("60")));
    assert_eq!(expert_percent("0.625"), Some(dec("62.5")));
    assert_eq!(expert_percent("1"), Some(dec("100")));
    assert_eq!(expert_percent("1.5"), None);
    assert_eq!(expert_percent("abc"), None);
    assert_eq!(
        weights_for_percent(dec("60")),
        Some(("0.6".into(), "0.4".into()))
    );
    assert_eq!(
        weights_for_percent(dec("55")),
        Some(("0.55".into(), "0.45".into()))
    );
    assert_eq!(
        weights_for_percent(dec("100")),
        Some(("1".into(), "0".into()))
    );
    assert_eq!(
        weights_for_percent(dec("0")),
        Some(("0".into(), "1".into()))
    );
    assert_eq!(weights_for_percent(dec("101")), None);
    assert_eq!(weights_for_percent(dec("33.333")), None);
    assert_eq!(percent_options(None).len(), 21);
    let with_odd = percent_options(Some(dec("62.5")));
    assert_eq!(with_odd.len(), 22);
    assert_eq!(with_odd[13], dec("62.5"));
    assert_eq!(
        weights_in_words(Lang::Lv, dec("60")),
        "eksperti 60\u{a0}%, vecāki 40\u{a0}%"
    );
    assert_eq!(
        weights_in_words(Lang::En, dec("62.5")),
        "experts 62.5\u{a0}%, parents 37.5\u{a0}%"
    );
    assert_eq!(
        weights_in_words(Lang::Lv, dec("62.5")),
        "eksperti 62,5\u{a0}%, vecāki 37,5\u{a0}%"
    );
    assert_eq!(format_decimal(Lang::Lv, dec("4.60")), "4,6");
    assert_eq!(format_decimal(Lang::En, dec("9.4")), "9.4");
}

#[test]
fn counts_use_latvian_and_english_plural_rules() {
    use ib_planner::engine::reference::Unit;
    assert_eq!(count_text(Lang::Lv, Unit::Session, 1), "1 nodarbība");
    assert_eq!(count_text(Lang::Lv, Unit::Session, 21), "21 nodarbība");
    assert_eq!(count_text(Lang::Lv, Unit::Session, 11), "11 nodarbības");
    assert_eq!(count_text(Lang::Lv, Unit::Session, 3), "3 nodarbības");
    assert_eq!(of_count_text(Lang::Lv, Unit::Session, 48), "48 nodarbībām");
    assert_eq!(of_count_text(Lang::Lv, Unit::Session, 21), "21 nodarbības");
    assert_eq!(count_text(Lang::En, Unit::Hour, 1), "1 hour");
    assert_eq!(count_text(Lang::En, Unit::Hour, 21), "21 hours");
    assert_eq!(unit_name(Lang::Lv, Unit::Day24), "diennakts");
}

fn example_plan() -> (
    ib_planner::engine::case::Case,
    ReferenceData,
    ib_planner::engine::allocate::Allocation,
) {
    let r = reference();
    let case = validate_case(&example_case_json(), &r).unwrap();
    let plan = allocate(&case, &r.catalogue).unwrap();
    (case, r, plan)
}

fn words(
    lang: Lang,
    case: &ib_planner::engine::case::Case,
    r: &ReferenceData,
    code: &str,
) -> LineWords {
    let lines = allocate(case, &r.catalogue).unwrap().lines;
    let i = lines.iter().position(|l| l.code == code).unwrap();
    line_explanation(lang, case, &r.catalogue, &lines, i).unwrap()
}

#[test]
fn reasons_say_what_was_left_what_one_unit_costs_and_the_smallest_change() {
    let (case, r, _) = example_plan();
    let w = |lang, code: &str| words(lang, &case, &r, code);
    assert_eq!(w(Lang::En, "SVC-SPEECH").reason, "Funded in full");
    assert_eq!(w(Lang::Lv, "SVC-SPEECH").reason, "Finansēts pilnībā");
    assert!(w(Lang::En, "SVC-SPEECH").details.is_empty());
    // The technical aid: cheaper lines below it are funded, so not "the budget ran out".
    let tech = w(Lang::En, "SVC-TECHAID");
    assert_eq!(tech.status, Status::NotFunded);
    assert_eq!(
        tech.reason,
        "Not funded: €134.00 was left when its turn came, but one item costs €150.00"
    );
    assert_eq!(
        tech.details,
        vec![
            "What was left went to cheaper services below it.",
            "One item would be funded with €16.00 more in the budget, or if it were above \
             “6. Psychologist consultation” in the order."
        ]
    );
    assert_eq!(
        tech.score,
        "Combined score: experts rank 8 → 3 points × 60\u{a0}% + parents rank 6 → 5 points × 40\u{a0}% = 3.8"
    );
    let tech = w(Lang::Lv, "SVC-TECHAID");
    assert_eq!(
        tech.reason,
        "Nav finansēts: kad pienāca tā kārta, bija atlikuši 134,00\u{a0}€, bet vienības cena ir 150,00\u{a0}€"
    );
    assert_eq!(
        tech.details[1],
        "Vienu vienību finansētu, ja budžetā būtu par 16,00\u{a0}€ vairāk vai ja pakalpojums \
         sarakstā būtu virs “6. Psihologa konsultācija”."
    );
    assert_eq!(
        tech.score,
        "Kopējais vērtējums: eksperti 8. vietā → 3 punkti × 60\u{a0}% + vecāki 6. vietā → 5 punkti × 40\u{a0}% = 3,8"
    );
    let transport = w(Lang::Lv, "SVC-TRANSPORT");
    assert_eq!(
        transport.reason,
        "Daļēji finansēts: 3 no 48 vienībām — kad pienāca tā kārta, bija atlikuši 38,00\u{a0}€, un \
         vienības cena ir 12,00\u{a0}€"
    );
    assert!(transport.details[0]
        .starts_with("Vēl vienu vienību finansētu, ja budžetā būtu par 10,00\u{a0}€ vairāk"));
    // Points in the singular: "1 punkts", "1 point".
    assert!(w(Lang::Lv, "SVC-MUSICTHERAPY")
        .score
        .contains("→ 1 punkts × 60\u{a0}%"));
    assert!(w(Lang::En, "SVC-MUSICTHERAPY")
        .score
        .contains("→ 1 point × 60\u{a0}%"));
    // Capped lines: the limit decides, not the budget.
    let respite = w(Lang::Lv, "SVC-RESPITE");
    assert_eq!(respite.status, Status::Capped);
    assert_eq!(
        respite.reason,
        "Finansēts līdz limitam: 15 diennaktis šajā plānā (ne vairāk kā 30 diennaktis gadā)"
    );
    assert_eq!(
        respite.details,
        vec!["Pārējais (5 diennaktis) pārsniedz limitu; lielāks budžets to nemainītu."]
    );
    assert_eq!(
        w(Lang::En, "SVC-CHILDCARE").reason,
        "Capped at 258 hours in this plan (at most 10 hours a week at ages 5–17)"
    );
    assert!(w(Lang::En, "SVC-CHILDCARE").text().starts_with(
        "Capped at 258 hours in this plan (at most 10 hours a week at ages 5–17). The rest (42 hours)"
    ));
}

#[test]
fn strict_policy_lines_name_the_line_where_funding_stopped() {
    let (mut case, r, _) = example_plan();
    case.settings.policy = ib_planner::engine::case::Policy::Strict;
    let stop = words(Lang::En, &case, &r, "SVC-TECHAID");
    assert_eq!(
        stop.details[0],
        "The strict policy stops here: the services below it get nothing."
    );
    let after = words(Lang::En, &case, &r, "SVC-MUSICTHERAPY");
    assert_eq!(after.status, Status::NotFunded);
    assert_eq!(
        after.reason,
        "Not funded: the strict policy stopped funding at “7. Technical aid”, the first service \
         that did not fit in full (€134.00 was left)"
    );
    assert!(
        after.details[0].starts_with("One session would be funded with "),
        "{:?}",
        after.details
    );
}

#[test]
fn a_document_is_explained_only_when_its_lines_recompute() {
    let plan = ib_planner::engine::plan::plan_from_case_json(&example_case_json()).unwrap();
    let (case, catalogue, allocation) = explained_document(&plan).unwrap();
    let lines = allocation.lines;
    assert_eq!(lines.len(), 10);
    assert!(line_explanation(Lang::En, &case, &catalogue, &lines, 6).is_some());
    assert!(line_explanation(Lang::En, &case, &catalogue, &lines, 10).is_none());
    let mut changed = plan.clone();
    changed["result"]["lines"][0]["fundedAmount"] = json!("1.00");
    assert!(explained_document(&changed).is_none());
    assert_eq!(
        status_of_key("reason.capped", Some(0)),
        Some(Status::NotFunded)
    );
    assert_eq!(
        status_of_key("reason.partly_funded", None),
        Some(Status::Partly)
    );
    assert_eq!(status_of_key("what", None), None);
}

/// The saved trial of a case with another experts' share and budget.
fn settings_trial(case: &ib_planner::engine::case::Case, percent: &str, budget: &str) -> WhatIf {
    WhatIf {
        expert_percent: dec(percent),
        budget: dec(budget),
        ..WhatIf::saved(case)
    }
}

#[test]
fn what_if_finds_the_lines_that_move_and_leaves_the_case_alone() {
    let (case, r, saved) = example_plan();
    let untouched = case.clone();
    // Same settings: nothing changes.
    let same = what_if(&case, &r, &WhatIf::saved(&case)).unwrap();
    assert!(compare(&saved.lines, &same.lines).is_empty());
    assert!(!WhatIf::saved(&case).differs(&WhatIf::saved(&case)));
    // A smaller budget: lower lines lose funding; nothing moves in the order.
    let smaller = what_if(&case, &r, &settings_trial(&case, "60", "3000.00")).unwrap();
    let changes = compare(&saved.lines, &smaller.lines);
    assert!(!changes.is_empty());
    assert!(changes.iter().all(|c| !c.moved() && c.funding_changed()));
    assert!(changes.iter().all(|c| c.places_up() == Some(0)));
    let psych = changes
        .iter()
        .find(|c| c.code == "SVC-PSYCHOLOGIST")
        .unwrap();
    assert_eq!(psych.before.as_ref().unwrap().status, Status::Full);
    assert_ne!(psych.after.as_ref().unwrap().status, Status::Full);
    assert!(psych.funding_delta() < Decimal::ZERO);
    assert_eq!(smaller.totals.budget, dec("3000.00"));
    assert!(smaller.totals.allocated <= dec("3000.00"));
    // Parents only: the order changes.
    let parents = what_if(&case, &r, &settings_trial(&case, "0", "3800.00")).unwrap();
    let changes = compare(&saved.lines, &parents.lines);
    assert!(changes.iter().any(LineChange::moved));
    assert_eq!(parents.lines[0].code, "SVC-SPEECH");
    assert_eq!(parents.lines[1].code, "SVC-CHILDCARE");
    // The case itself is untouched.
    assert_eq!(case, untouched);
    let changed = with_what_if(&case, &settings_trial(&case, "75", "1.00")).unwrap();
    assert_eq!(
        changed.pointer("/settings/weights/expert"),
        Some(&json!("0.75"))
    );
    assert_eq!(
        changed.pointer("/settings/weights/parent"),
        Some(&json!("0.25"))
    );
    assert_eq!(changed.pointer("/settings/budget"), Some(&json!("1.00")));
    assert!(with_what_if(&case, &settings_trial(&case, "120", "1")).is_none());
    assert!(what_if(&case, &r, &settings_trial(&case, "120", "1")).is_err());
}

#[test]
fn what_if_moves_a_service_in_the_experts_order_and_shows_the_lines_that_move() {
    let (case, r, saved) = example_plan();
    let mut trial = WhatIf::saved(&case);
    let codes: Vec<&str> = trial.services.iter().map(|s| s.code.as_str()).collect();
    assert_eq!(codes[..3], ["SVC-PHYSIO", "SVC-SPEECH", "SVC-OT"]);
    // The technical aid is 8th for the experts; the saved plan leaves it unfunded.
    let aid = trial
        .services
        .iter()
        .position(|s| s.code == "SVC-TECHAID")
        .unwrap();
    assert_eq!(aid, 7);
    let saved_aid = saved
        .lines
        .iter()
        .find(|l| l.code == "SVC-TECHAID")
        .unwrap();
    assert_eq!(saved_aid.funded_units, 0);
    // Up twice, above the support group and the psychologist.
    assert_eq!(trial.move_service(aid, true), Some(6));
    assert_eq!(trial.move_service(6, true), Some(5));
    assert!(trial.differs(&WhatIf::saved(&case)));
    assert!(trial.services_differ(&WhatIf::saved(&case)));
    let moved = what_if(&case, &r, &trial).unwrap();
    let changes = compare(&saved.lines, &moved.lines);
    let aid_change = changes.iter().find(|c| c.code == "SVC-TECHAID").unwrap();
    assert_eq!(aid_change.places_up(), Some(1));
    assert_eq!(aid_change.after.as_ref().unwrap().status, Status::Full);
    assert_eq!(aid_change.funding_delta(), dec("150.00"));
    let psych = changes
        .iter()
        .find(|c| c.code == "SVC-PSYCHOLOGIST")
        .unwrap();
    assert_eq!(psych.places_up(), Some(-1));
    assert_eq!(psych.after.as_ref().unwrap().status, Status::Partly);
    // The budget is never exceeded, and lines that neither move nor change are not listed.
    assert!(moved.totals.allocated <= dec("3800.00"));
    assert!(changes.iter().all(|c| c.moved() || c.funding_changed()));
    assert!(!changes.iter().any(|c| c.code == "SVC-SPEECH"));
    // Moves stop at the ends of the list.
    let mut edge = WhatIf::saved(&case);
    assert_eq!(edge.move_service(0, true), None);
    assert_eq!(edge.move_service(9, false), None);
    assert_eq!(edge.move_service(42, true), None);
    assert_eq!(edge, WhatIf::saved(&case));
    // Down and back up again is the saved order.
    assert_eq!(edge.move_service(0, false), Some(1));
    assert_eq!(edge.move_service(1, true), Some(0));
    assert!(!edge.differs(&WhatIf::saved(&case)));
}

#[test]
fn what_if_changes_a_quantity_and_reports_a_bad_one_on_its_line() {
    let (case, r, saved) = example_plan();
    let mut trial = WhatIf::saved(&case);
    // Fewer hours of childcare: it is funded in full and frees money for the lines below.
    assert!(trial.set_quantity("SVC-CHILDCARE", "200"));
    assert!(!trial.set_quantity("SVC-NOPE", "1"));
    let plan = what_if(&case, &r, &trial).unwrap();
    let changes = compare(&saved.lines, &plan.lines);
    let care = changes.iter().find(|c| c.code == "SVC-CHILDCARE").unwrap();
    assert_eq!(care.after.as_ref().unwrap().status, Status::Full);
    assert_eq!(care.after.as_ref().unwrap().funded_units, 200);
    assert_eq!(care.funding_delta(), dec("-319.00"));
    let aid = changes.iter().find(|c| c.code == "SVC-TECHAID").unwrap();
    assert_eq!(aid.after.as_ref().unwrap().status, Status::Full);
    // The same number typed with spaces is no change.
    let mut spaced = WhatIf::saved(&case);
    spaced.set_quantity("SVC-CHILDCARE", " 300 ");
    assert!(!spaced.differs(&WhatIf::saved(&case)));
    // Not a whole number, or zero: a problem on that trial line, never a panic.
    for bad in ["abc", "0", "2.5", ""] {
        let mut t = WhatIf::saved(&case);
        t.set_quantity("SVC-CHILDCARE", bad);
        let problems = what_if(&case, &r, &t).unwrap_err();
        let index = t.services.iter().position(|s| s.code == "SVC-CHILDCARE");
        assert!(
            problems.iter().any(|p| trial_line_of(p) == index),
            "{bad:?}: {problems:?}"
        );
    }
}

#[test]
fn confirming_a_trial_writes_exactly_what_was_tried_and_nothing_else() {
    let (case, r, _) = example_plan();
    let mut trial = settings_trial(&case, "50", "3000.00");
    trial.move_service(7, true);
    trial.set_quantity("SVC-RESPITE", "10");
    let tried = what_if(&case, &r, &trial).unwrap();
    // Confirm: write the trial into the raw case as the app stores it.
    let mut raw = example_case_json();
    let before = raw.clone();
    assert!(apply_what_if(&mut raw, &trial));
    let confirmed = validate_case(&raw, &r).unwrap();
    let recomputed = allocate(&confirmed, &r.catalogue).unwrap();
    assert_eq!(recomputed, tried, "the saved plan becomes the tried one");
    // The experts' order is renumbered; each item keeps its parents' rank and its note.
    let services = raw["services"].as_array().unwrap();
    let ranks: Vec<u64> = services
        .iter()
        .map(|s| s["expertRank"].as_u64().unwrap())
        .collect();
    assert_eq!(ranks, (1..=10).collect::<Vec<_>>());
    assert_eq!(services[6]["code"], "SVC-TECHAID");
    assert_eq!(services[6]["parentRank"], 6);
    assert_eq!(services[6]["note"], before["services"][7]["note"]);
    assert_eq!(services[7]["code"], "SVC-SUPPORTGROUP");
    let respite = services
        .iter()
        .find(|s| s["code"] == "SVC-RESPITE")
        .unwrap();
    assert_eq!(respite["quantity"], 10);
    // Everything outside the services and the three settings is as it was.
    for key in ["child", "questionnaire", "team", "goals"] {
        assert_eq!(raw[key], before[key], "{key}");
    }
    assert_eq!(
        raw["settings"]["startDate"],
        before["settings"]["startDate"]
    );
    assert_eq!(raw["settings"]["policy"], before["settings"]["policy"]);
    // Confirming the saved trial changes nothing the engine sees.
    let mut same = example_case_json();
    assert!(apply_what_if(&mut same, &WhatIf::saved(&case)));
    assert_eq!(validate_case(&same, &r).unwrap(), case);
    // A share that is not a weight changes nothing at all.
    let mut untouched = example_case_json();
    assert!(!apply_what_if(
        &mut untouched,
        &settings_trial(&case, "33.33333", "1")
    ));
    assert_eq!(untouched, example_case_json());
}

#[test]
fn what_if_money_is_shown_in_the_language_style_and_read_in_both() {
    assert_eq!(money_input_text(Lang::Lv, dec("3800")), "3 800,00");
    assert_eq!(money_input_text(Lang::Lv, dec("1234567.5")), "1 234 567,50");
    assert_eq!(money_input_text(Lang::Lv, dec("12.5")), "12,50");
    assert_eq!(money_input_text(Lang::En, dec("3800")), "3800.00");
    for text in ["3 800,00", "3800.00", "3800", " 3\u{a0}800,00 ", "3800,00"] {
        assert_eq!(parse_money_input(text), Some(dec("3800.00")), "{text:?}");
    }
    assert_eq!(parse_money_input("1 234,50"), Some(dec("1234.50")));
    assert_eq!(parse_money_input("1234.50"), Some(dec("1234.50")));
    for bad in ["", "abc", "-5", "1,2,3", "12.345"] {
        assert_eq!(parse_money_input(bad), None, "{bad:?}");
    }
    // What the field shows is what it reads back.
    for amount in ["0", "1.5", "999", "1000", "3800", "123456789.99"] {
        for lang in [Lang::Lv, Lang::En] {
            assert_eq!(
                parse_money_input(&money_input_text(lang, dec(amount))),
                Some(dec(amount))
            );
        }
    }
}

#[test]
fn chart_bars_are_exact_and_never_overflow() {
    let chart = bar_chart(
        &[
            (dec("600.00"), dec("0")),
            (dec("1419.00"), dec("231.00")),
            (dec("0"), dec("360.00")),
            (dec("-5"), dec("0")),
        ],
        dec("360"),
    );
    assert_eq!(chart.rows.len(), 4);
    // The longest bar (1650) fills the width.
    assert_eq!(
        chart.rows[1].funded_width + chart.rows[1].unmet_width,
        dec("360")
    );
    assert_eq!(chart.rows[1].funded_width, dec("309.6"));
    assert_eq!(chart.rows[1].unmet_width, dec("50.4"));
    // 600 / 1650 × 360 = 130.909… → 130.90 (rounded down).
    assert_eq!(chart.rows[0].funded_width, dec("130.90"));
    assert_eq!(chart.rows[0].unmet_width, dec("0"));
    assert_eq!(chart.rows[2].funded_width, dec("0"));
    assert_eq!(chart.rows[2].unmet_width, dec("78.54"));
    assert_eq!(chart.rows[3].funded_width, dec("0"));
    let row = Decimal::from(LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP);
    assert_eq!(chart.rows[2].y, row * dec("2"));
    assert_eq!(
        chart.rows[2].bar_y,
        row * dec("2") + Decimal::from(LABEL_HEIGHT)
    );
    assert_eq!(chart.height, row * dec("4"));
    // All zero: no bar, no division by zero.
    let empty = bar_chart(&[(dec("0"), dec("0"))], dec("360"));
    assert_eq!(empty.rows[0].funded_width, dec("0"));
    assert!(bar_chart(&[], dec("360")).rows.is_empty());
    // Long labels are shortened with an ellipsis.
    assert_eq!(
        short_label("Fizioterapeita nodarbība", 40),
        "Fizioterapeita nodarbība"
    );
    assert_eq!(
        short_label(
            "Aprūpes pakalpojums bērnam ar funkcionāliem traucējumiem",
            20
        ),
        "Aprūpes pakalpojums…"
    );
}

#[test]
fn problems_are_grouped_by_the_step_that_fixes_them() {
    use ib_planner::engine::problem::Problem;
    let step = |path: &str| problem_step(&Problem::new(path, "k"));
    assert_eq!(step("/child/birth"), Some("child"));
    assert_eq!(step("/team/2/assessments/0/qualifier"), Some("assessment"));
    assert_eq!(step("/team/2/role"), Some("team"));
    assert_eq!(step("/services/0/quantity"), Some("services"));
    assert_eq!(step("/services/0/parentRank"), Some("ranking"));
    assert_eq!(
        problem_step(
            &Problem::new("/services", "problem.rank.not_permutation").with("ranking", "parent")
        ),
        Some("ranking")
    );
    assert_eq!(step("/settings/budget"), Some("settings"));
    assert_eq!(step(""), None);
    assert_eq!(step("/whatever"), None);
}

#[test]
fn the_chart_svg_is_named_escaped_and_uses_exact_coordinates() {
    let rows = vec![
        ChartRow {
            label: "Logopēda <nodarbība> & co".into(),
            value: "576,00 €".into(),
            funded: dec("576.00"),
            unmet: dec("0"),
            title: "Logopēda nodarbība: 576,00 €".into(),
        },
        ChartRow {
            label: "Mūzikas terapija".into(),
            value: "0,00 €".into(),
            funded: dec("0"),
            unmet: dec("360.00"),
            title: "Mūzikas terapija".into(),
        },
    ];
    let svg = svg_bar_chart("c1", "Budžets \"pa\" pakalpojumiem", "Apraksts", &rows);
    assert!(svg.starts_with("<svg "));
    assert!(svg.ends_with("</svg>"));
    assert!(svg.contains("role=\"img\" aria-labelledby=\"c1-title c1-desc\""));
    assert!(svg.contains("<title id=\"c1-title\">Budžets &quot;pa&quot; pakalpojumiem</title>"));
    assert!(svg.contains("Logopēda &lt;nodarbība&gt; &amp; co"));
    assert!(svg.contains("width=\"360\" height=\"16\" class=\"bar-funded\""));
    // 360 / 576 × 360 = 225.
    assert!(
        svg.contains("width=\"225\" height=\"16\" class=\"bar-unmet\""),
        "{svg}"
    );
    assert!(svg.contains("fill=\"url(#c1-hatch)\""));
    assert!(!svg.contains("NaN"));
}

#[test]
fn every_key_built_at_run_time_is_in_the_catalogue() {
    use ib_planner::engine::reference::Unit;
    use ib_planner::i18n::has;
    for unit in [
        Unit::Hour,
        Unit::Session,
        Unit::Day,
        Unit::Day24,
        Unit::Month,
        Unit::Item,
    ] {
        for form in ["one", "many", "of_one", "of_many"] {
            let key = format!("{}.{form}", unit_stem(unit));
            assert!(has(&key), "missing {key}");
        }
        let key = format!(
            "explain.unit.{}",
            unit_stem(unit).trim_start_matches("unit.")
        );
        assert!(has(&key), "missing {key}");
    }
    for which in ["one", "more"] {
        for how in ["both", "budget", "move"] {
            assert!(has(&format!("explain.change.{which}.{how}")));
        }
    }
    for area in 1..=3 {
        assert!(has(&format!("area.{area}")));
    }
    for status in [
        Status::Full,
        Status::Capped,
        Status::Partly,
        Status::NotFunded,
    ] {
        assert!(has(status.key()));
    }
    let r = reference();
    for service in &r.catalogue.services {
        assert!(has(&format!("area.{}", service.area)), "{}", service.code);
    }
}

#[test]
fn fold_lowers_every_latvian_capital_and_keeps_other_scripts() {
    assert_eq!(fold("ĀČĒĢĪĶĻŅŠŪŽ āčēģīķļņšūž"), "acegiklnsuz acegiklnsuz");
    assert_eq!(fold("ÀÉÎÕÜÝŸ ŁŃŘŚŹŻ"), "aeiouyy lnrszz");
    // Other scripts are kept as they are (no catalogue name uses them).
    assert_eq!(fold("ЖΩ 42"), "ЖΩ 42");
}
