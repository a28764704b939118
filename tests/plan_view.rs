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

#[test]
fn reasons_are_plain_words_from_the_engine_reason_codes() {
    let (case, r, plan) = example_plan();
    let age = Some(case.settings.start_date.age_in_years(case.child.birth));
    let text = |lang, code: &str| {
        let line = plan.lines.iter().find(|l| l.code == code).unwrap();
        reason_text(lang, line, r.catalogue.service(code), age)
    };
    assert_eq!(text(Lang::En, "SVC-SPEECH"), "Funded in full");
    assert_eq!(text(Lang::Lv, "SVC-SPEECH"), "Finansēts pilnībā");
    assert_eq!(
        text(Lang::En, "SVC-TRANSPORT"),
        "Partly funded: 3 of 48 items — the budget ran out"
    );
    assert_eq!(
        text(Lang::Lv, "SVC-TRANSPORT"),
        "Daļēji finansēts: 3 no 48 vienībām — budžets beidzās"
    );
    assert_eq!(
        text(Lang::En, "SVC-MUSICTHERAPY"),
        "Not funded: the budget ran out"
    );
    assert_eq!(
        text(Lang::En, "SVC-RESPITE"),
        "Capped at 15 days (24 h) in this plan (at most 30 days (24 h) a year)"
    );
    assert_eq!(
        text(Lang::Lv, "SVC-RESPITE"),
        "Finansēts līdz limitam: 15 diennaktis šajā plānā (ne vairāk kā 30 diennaktis gadā)"
    );
    // The child is 9 at the start: only the 5–17 band is described.
    assert_eq!(
        text(Lang::En, "SVC-CHILDCARE"),
        "Capped at 258 hours in this plan (at most 10 hours a week at ages 5–17)"
    );
    // Strict policy: lines after the first that did not fit say so.
    let mut strict = case.clone();
    strict.settings.policy = ib_planner::engine::case::Policy::Strict;
    let plan = allocate(&strict, &r.catalogue).unwrap();
    let stopped = plan
        .lines
        .iter()
        .find(|l| l.code == "SVC-MUSICTHERAPY")
        .unwrap();
    assert!(reason_text(Lang::En, stopped, None, None).starts_with("Not funded: the strict policy"));
    assert_eq!(Status::of(stopped.reason), Status::NotFunded);
}

#[test]
fn what_if_finds_the_lines_that_move_and_leaves_the_case_alone() {
    let (case, r, saved) = example_plan();
    // Same settings: nothing changes.
    let same = what_if(&case, &r.catalogue, dec("60"), dec("3800.00")).unwrap();
    assert!(compare(&saved.lines, &same.lines).is_empty());
    // A smaller budget: lower lines lose funding; nothing moves in the order.
    let smaller = what_if(&case, &r.catalogue, dec("60"), dec("3000.00")).unwrap();
    let changes = compare(&saved.lines, &smaller.lines);
    assert!(!changes.is_empty());
    assert!(changes.iter().all(|c| !c.moved() && c.funding_changed()));
    let psych = changes
        .iter()
        .find(|c| c.code == "SVC-PSYCHOLOGIST")
        .unwrap();
    assert_eq!(psych.before.as_ref().unwrap().status, Status::Full);
    assert_ne!(psych.after.as_ref().unwrap().status, Status::Full);
    assert_eq!(smaller.totals.budget, dec("3000.00"));
    assert!(smaller.totals.allocated <= dec("3000.00"));
    // Parents only: the order changes.
    let parents = what_if(&case, &r.catalogue, dec("0"), dec("3800.00")).unwrap();
    let changes = compare(&saved.lines, &parents.lines);
    assert!(changes.iter().any(LineChange::moved));
    assert_eq!(parents.lines[0].code, "SVC-SPEECH");
    assert_eq!(parents.lines[1].code, "SVC-CHILDCARE");
    // The case itself is untouched.
    assert_eq!(case.settings.budget, dec("3800.00"));
    assert_eq!(case.settings.weights.expert, dec("0.6"));
    let changed = with_what_if(&case, dec("75"), dec("1.00")).unwrap();
    assert_eq!(changed.settings.weights.expert, dec("0.75"));
    assert_eq!(changed.settings.weights.parent, dec("0.25"));
    assert!(with_what_if(&case, dec("120"), dec("1")).is_none());
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
