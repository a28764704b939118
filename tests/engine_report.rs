//! Monitoring reports (`engine::report`) on the generated fixture set
//! (`tests/report_fixture`): known totals, rejections, disclosure control, order
//! independence, and the region and national roll-ups.

mod report_fixture;

use ib_planner::engine::integrity::{add_proof, ProofOptions};
use ib_planner::engine::reference::ReferenceData;
use ib_planner::engine::report::document::{facts_ndjson, report_csv};
use ib_planner::engine::report::figures::{Figures, Val};
use ib_planner::engine::report::rollup::{Level, Rollup};
use ib_planner::engine::report::{ReportBuilder, ReportPeriod, Settings, Taken};
use ib_planner::engine::trust::load_trust_list;
use report_fixture::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::collections::BTreeMap;

fn regions() -> std::sync::Arc<ib_planner::engine::reference::Regions> {
    ReferenceData::builtin().expect("built-in data").regions
}

/// The municipal report of `files` under the municipality's trust list.
fn municipal(
    code: &str,
    head: u8,
    files: &[(String, Value)],
    period: Option<&str>,
) -> (Value, Vec<Value>) {
    let (list, _) = load_trust_list(&trust_list(code, head), None).expect("the trust list loads");
    let mut builder = ReportBuilder::new(Settings {
        trust: &list,
        municipality: Some(code.to_string()),
        period: period.and_then(ReportPeriod::parse),
        providers: None,
        facts: true,
    });
    for (name, doc) in files {
        builder.add_document(name, doc);
    }
    let report = builder.finish(&regions()).expect("a report");
    (report.document, report.facts)
}

fn signed_report(code: &str, children: usize, head: u8) -> Value {
    let (doc, _) = municipal(code, head, &files(code, children, head), Some("2025H2"));
    add_proof(&doc, &key(head), &ProofOptions::new(WHEN)).expect("signs")
}

fn money(v: &Value) -> Decimal {
    v.as_str()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("not money: {v}"))
}

#[test]
fn a_municipal_report_has_the_known_totals() {
    let (code, children, head) = MUNICIPALITIES[0];
    let (doc, facts) = municipal(code, head, &files(code, children, head), Some("2025H2"));
    let k = known(code, children, head);
    assert_eq!(doc["schema"], "ib-report/1");
    assert_eq!(doc["municipality"], code);
    assert_eq!(doc["region"], "VIDZEME");
    assert_eq!(doc["period"], "2025H2");
    let d = &doc["documents"];
    assert_eq!(
        (d["plans"].as_u64(), d["reviews"].as_u64()),
        (Some(12), Some(6))
    );
    assert_eq!(
        d["provisionRecords"], "<5",
        "2 records is a count from 1 to 4"
    );
    // With the records hidden, read − plans − reviews − rejected would give them away:
    // the files read are hidden.
    assert_eq!(d["read"], "suppressed");
    assert_eq!(doc["outcomes"]["reviews"], 6);
    assert_eq!(d["rejected"], 0);
    assert_eq!(doc["children"]["total"], 12);
    assert_eq!(doc["children"]["byTargetGroup"]["FT"], 12);
    assert_eq!(money(&doc["budget"]["budget"]), k.budget);
    assert_eq!(money(&doc["budget"]["fundedEuros"]), k.funded);
    assert_eq!(money(&doc["budget"]["unmetEuros"]), k.unmet);
    // Every child is at level 0 on every goal at review: T = 50.
    let gas = &doc["outcomes"]["gas"];
    assert_eq!(
        (
            gas["q1"].as_str(),
            gas["median"].as_str(),
            gas["q3"].as_str()
        ),
        (Some("50.00"), Some("50.00"), Some("50.00"))
    );
    assert_eq!(gas["bands"]["50-60"], 6);
    // 3 parents' goals per review.
    assert_eq!(doc["outcomes"]["copm"]["goals"], 18);
    let delivery = &doc["outcomes"]["delivery"];
    let (f, dl) = (
        delivery["fundedUnits"].as_u64().unwrap(),
        delivery["deliveredUnits"].as_u64().unwrap(),
    );
    assert!(dl * 2 <= f && dl > 0, "{delivery}");
    // Plans funded more than nothing, and the areas add up to the budget totals where
    // every area is shown.
    let areas: Vec<&Value> = doc["areas"].as_array().unwrap().iter().collect();
    if areas
        .iter()
        .all(|a| a["fundedEuros"].is_string() && a["fundedEuros"] != "suppressed")
    {
        let sum: Decimal = areas.iter().map(|a| money(&a["fundedEuros"])).sum();
        assert_eq!(sum, k.funded);
    }
    // Facts: one per plan, one per plan line, one per review.
    let plans = facts.iter().filter(|f| f["kind"] == "plan").count();
    let reviews = facts.iter().filter(|f| f["kind"] == "review").count();
    assert_eq!((plans, reviews), (12, 6));
    assert!(facts.iter().filter(|f| f["kind"] == "service").count() >= 12);
}

#[test]
fn the_report_carries_no_personal_data() {
    let (code, children, head) = MUNICIPALITIES[0];
    let all = files(code, children, head);
    let (doc, facts) = municipal(code, head, &all, Some("2025H2"));
    let text = format!("{doc}\n{}\n{}", report_csv(&doc), facts_ndjson(&facts));
    assert!(!text.contains(&format!("{code}-0")), "a pseudonym leaked");
    for (_, d) in &all {
        if let Some(digest) = ib_planner::engine::review::document_digest(d) {
            assert!(!text.contains(&digest), "a document id leaked");
        }
    }
    for birth in 2008..2024 {
        assert!(
            !text.contains(&format!("{birth}-04")),
            "a birth month leaked"
        );
    }
    for free in [
        "Anna",
        "Lai ",
        "2025-07-01",
        "2025-09-01",
        "Pakalpojumu sniedzējs",
    ] {
        assert!(!text.contains(free), "{free} leaked");
    }
}

#[test]
fn the_order_of_the_documents_does_not_matter() {
    let (code, children, head) = MUNICIPALITIES[1];
    let mut all = files(code, children, head);
    all.push(("forged.json".into(), forged_plan(code, head)));
    all.push(("again.json".into(), all[0].1.clone()));
    let (a, fa) = municipal(code, head, &all, None);
    all.reverse();
    let (b, fb) = municipal(code, head, &all, None);
    assert_eq!(a.to_string(), b.to_string());
    assert_eq!(fa, fb);
}

#[test]
fn forged_and_foreign_documents_are_rejected_with_their_reason() {
    let (code, children, head) = MUNICIPALITIES[0];
    let mut all = files(code, children, head);
    all.push(("forged.json".into(), forged_plan(code, head)));
    // A cheaper price list, recomputed and signed by the worker: not the official one.
    let mut case = ib_planner::engine::example::example_case_json();
    case["child"]["id"] = json!("X-1");
    let mut catalogue = ReferenceData::builtin_catalogue_json().unwrap();
    catalogue["services"][0]["unitPrice"] = json!("1.00");
    let cheap = ib_planner::engine::plan::plan_with_catalogue(&case, &catalogue).unwrap();
    all.push((
        "cheap.json".into(),
        add_proof(&cheap, &key(head + 1), &ProofOptions::new(WHEN)).unwrap(),
    ));
    // Signed by a key the list does not name.
    all.push((
        "stranger.json".into(),
        add_proof(&unsigned_plan(code, 50), &key(99), &ProofOptions::new(WHEN)).unwrap(),
    ));
    all.push(("unsigned.json".into(), unsigned_plan(code, 51)));
    all.push((
        "again.json".into(),
        all.iter()
            .find(|(n, _)| n == "plan-003.json")
            .unwrap()
            .1
            .clone(),
    ));
    all.push(("notes.json".into(), json!({"hello": 1})));
    // Valmiera's plan signed by Valmiera's worker: another municipality, another list.
    all.push(("valmiera.json".into(), plan("VALMIERAS-NOV", 20, 0)));
    // A plan from the first half of the year.
    let mut early = unsigned_plan(code, 52);
    early["case"]["settings"]["startDate"] = json!("2025-03-01");
    let early = ib_planner::engine::plan::plan_from_case_json(&early["case"]).unwrap();
    all.push((
        "early.json".into(),
        add_proof(&early, &key(head + 1), &ProofOptions::new(WHEN)).unwrap(),
    ));
    // A review of a plan not given.
    all.push((
        "lost-review.json".into(),
        review(&plan(code, head, 77), head),
    ));
    let (doc, _) = municipal(code, head, &all, Some("2025H2"));
    let reasons: BTreeMap<String, (String, Option<String>)> = doc["documents"]["rejections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["file"].as_str().unwrap().to_string(),
                (
                    r["reason"].as_str().unwrap().to_string(),
                    r["detail"].as_str().map(str::to_string),
                ),
            )
        })
        .collect();
    let reason = |f: &str| {
        reasons
            .get(f)
            .map(|(r, _)| r.as_str())
            .unwrap_or("(counted)")
    };
    assert_eq!(reason("forged.json"), "report.reject.recompute");
    assert_eq!(
        reasons["forged.json"].1.as_deref(),
        Some("report.detail.result_differs")
    );
    assert_eq!(reason("cheap.json"), "report.reject.untrusted");
    assert_eq!(
        reasons["cheap.json"].1.as_deref(),
        Some("trust.price_list.not_official")
    );
    assert_eq!(reason("stranger.json"), "report.reject.untrusted");
    assert_eq!(
        reasons["stranger.json"].1.as_deref(),
        Some("trust.proof.unknown_key")
    );
    assert_eq!(reason("unsigned.json"), "report.reject.unsigned");
    // The later name of two copies is the duplicate.
    assert_eq!(reason("plan-003.json"), "report.reject.duplicate");
    assert_eq!(reason("notes.json"), "report.reject.not_a_document");
    assert_eq!(reason("valmiera.json"), "report.reject.untrusted");
    assert_eq!(reason("early.json"), "report.reject.outside_period");
    assert_eq!(reason("lost-review.json"), "report.reject.plan_not_counted");
    assert_eq!(reasons.len(), 9);
    // The good ones still count, and the forged amount is nowhere.
    assert_eq!(doc["children"]["total"], 12);
    assert_eq!(doc["documents"]["rejected"], 9);
    assert!(!doc.to_string().contains("9999"));
}

#[test]
fn a_municipality_with_three_children_shows_no_count_below_five() {
    let (code, children, head) = MUNICIPALITIES[2];
    let (doc, facts) = municipal(code, head, &files(code, children, head), Some("2025H2"));
    assert_eq!(doc["children"]["total"], "<5");
    assert_eq!(doc["children"]["byTargetGroup"]["FT"], "<5");
    assert_eq!(doc["documents"]["plans"], "<5");
    assert_eq!(doc["documents"]["read"], "<5");
    for m in [
        "budget",
        "fundedEuros",
        "plannedEuros",
        "unmetEuros",
        "remainingEuros",
    ] {
        assert_eq!(doc["budget"][m], "suppressed", "{m}");
    }
    for row in doc["services"]
        .as_array()
        .unwrap()
        .iter()
        .chain(doc["areas"].as_array().unwrap())
    {
        for (m, v) in row.as_object().unwrap() {
            if m == "code" || m == "area" {
                continue;
            }
            assert!(
                v == "<5" || v == "suppressed" || v == 0,
                "{m}: {v} in {row}"
            );
        }
    }
    // No count 1–4 anywhere in the report (every number is 0 or at least 5).
    fn walk(v: &Value, path: &str) {
        match v {
            Value::Number(n) => {
                let n = n.as_u64().unwrap();
                assert!(n == 0 || n >= 5 || path.ends_with("/area"), "{path}: {n}");
            }
            Value::Object(m) => m.iter().for_each(|(k, v)| walk(v, &format!("{path}/{k}"))),
            Value::Array(a) => a
                .iter()
                .enumerate()
                .for_each(|(i, v)| walk(v, &format!("{path}/{i}"))),
            _ => {}
        }
    }
    walk(&doc, "");
    // The facts stay complete (they are the municipality's own).
    assert_eq!(facts.iter().filter(|f| f["kind"] == "plan").count(), 3);
}

#[test]
fn complementary_suppression_hides_a_second_part() {
    let mut f = Figures::empty();
    f.children = Val::count(12);
    f.by_target_group = vec![Val::count(10), Val::count(2), Val::count(0)];
    f.by_age_band = vec![
        Val::count(6),
        Val::count(6),
        Val::count(0),
        Val::count(0),
        Val::count(0),
    ];
    f.suppress();
    assert_eq!(f.children, Val::count(12));
    assert_eq!(
        f.by_target_group,
        vec![Val::Hidden, Val::Small, Val::count(0)]
    );
    assert_eq!(f.by_age_band[0], Val::count(6));
    // One hidden band among shown ones: another is hidden too, never the zeros.
    let mut g = Figures::empty();
    g.children = Val::count(20);
    g.by_target_group = vec![Val::count(20), Val::count(0), Val::count(0)];
    g.by_age_band = vec![
        Val::count(3),
        Val::count(9),
        Val::count(8),
        Val::count(0),
        Val::count(0),
    ];
    g.suppress();
    assert_eq!(
        g.by_age_band,
        vec![
            Val::Small,
            Val::count(9),
            Val::Hidden,
            Val::count(0),
            Val::count(0)
        ]
    );
    // Adding a hidden part never gives an exact sum.
    assert_eq!(
        Val::count(7).plus(Val::Small),
        Val::AtLeast(Decimal::from(8))
    );
    assert_eq!(
        Val::count(7).plus(Val::Hidden),
        Val::AtLeast(Decimal::from(7))
    );
    assert!(!Val::Hidden.plus(Val::count(0)).is_exact());
}

fn rollup(
    level: Level,
    region: Option<&str>,
    reports: &[(String, Value)],
    pinned: BTreeMap<String, String>,
) -> Value {
    let regions = regions();
    let mut r = Rollup::new(level, &regions, region.map(str::to_string), None, pinned);
    for (name, doc) in reports {
        r.add_report(name, doc);
    }
    r.finish().expect("a summed report")
}

#[test]
fn regions_and_the_nation_add_up_signed_reports_without_undoing_suppression() {
    let reports: Vec<(String, Value)> = MUNICIPALITIES
        .iter()
        .map(|(code, n, head)| (format!("{code}.json"), signed_report(code, *n, *head)))
        .collect();
    let vidzeme = rollup(Level::Region, Some("VIDZEME"), &reports, BTreeMap::new());
    assert_eq!(vidzeme["parts"], json!(["CESU-NOV", "VALMIERAS-NOV"]));
    assert_eq!(
        vidzeme["documents"]["rejections"][0]["reason"],
        "report.reject.not_in_region"
    );
    assert_eq!(
        vidzeme["documents"]["rejections"][0]["file"],
        "JELGAVA.json"
    );
    assert_eq!(vidzeme["children"]["total"], 19);
    let known_funded = known("CESU-NOV", 12, 10).funded + known("VALMIERAS-NOV", 7, 20).funded;
    assert_eq!(money(&vidzeme["budget"]["fundedEuros"]), known_funded);
    assert!(vidzeme["missingParts"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c == "OGRES-NOV"));
    // Quantiles do not add up.
    assert_eq!(vidzeme["outcomes"]["gas"]["median"], Value::Null);
    // Every figure hidden in a municipality's report is not exact in the region's.
    for (_, m) in &reports[..2] {
        for s in m["services"].as_array().unwrap() {
            let code = &s["code"];
            let r = vidzeme["services"]
                .as_array()
                .unwrap()
                .iter()
                .find(|x| x["code"] == *code)
                .unwrap();
            for (measure, v) in s.as_object().unwrap() {
                if v == "suppressed" || v == "<5" {
                    assert!(
                        !(r[measure].is_u64()
                            || (r[measure].is_string()
                                && r[measure] != "suppressed"
                                && r[measure] != "<5")),
                        "{code} {measure}: {v} became {}",
                        r[measure]
                    );
                }
            }
        }
    }
    let zemgale = rollup(Level::Region, None, &reports[2..], BTreeMap::new());
    assert_eq!(zemgale["region"], "ZEMGALE");
    assert_eq!(zemgale["children"]["total"], json!({"atLeast": 1}));
    assert_eq!(zemgale["budget"]["fundedEuros"], json!({"atLeast": "0.00"}));
    // The nation from the two regions' signed reports.
    let sign = |v: &Value, seed: u8| add_proof(v, &key(seed), &ProofOptions::new(WHEN)).unwrap();
    let national = rollup(
        Level::National,
        None,
        &[
            ("v.json".into(), sign(&vidzeme, 70)),
            ("z.json".into(), sign(&zemgale, 71)),
        ],
        BTreeMap::new(),
    );
    assert_eq!(national["country"], "LV");
    assert_eq!(national["parts"], json!(["VIDZEME", "ZEMGALE"]));
    assert_eq!(
        national["missingParts"],
        json!(["KURZEME", "LATGALE", "RIGA"])
    );
    assert_eq!(national["children"]["total"], json!({"atLeast": 20}));
}

#[test]
fn a_roll_up_refuses_unsigned_tampered_and_wrongly_signed_reports() {
    let (code, n, head) = MUNICIPALITIES[1];
    let good = signed_report(code, n, head);
    let mut tampered = good.clone();
    tampered["children"]["total"] = json!(70);
    let mut unsigned = good.clone();
    unsigned.as_object_mut().unwrap().remove("proof");
    let cesis = signed_report("CESU-NOV", 12, 10);
    let reports = vec![
        ("a-tampered.json".to_string(), tampered),
        ("b-unsigned.json".to_string(), unsigned),
        ("c-cesis.json".to_string(), cesis),
        ("d-good.json".to_string(), good.clone()),
        ("e-again.json".to_string(), good),
    ];
    let mut pinned = BTreeMap::new();
    pinned.insert("CESU-NOV".to_string(), did(99));
    let v = rollup(Level::Region, Some("VIDZEME"), &reports, pinned);
    let reasons: Vec<(&str, &str)> = v["documents"]["rejections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["file"].as_str().unwrap(), r["reason"].as_str().unwrap()))
        .collect();
    assert_eq!(
        reasons,
        vec![
            ("a-tampered.json", "report.reject.untrusted"),
            ("b-unsigned.json", "report.reject.unsigned"),
            ("c-cesis.json", "report.reject.wrong_signer"),
            ("e-again.json", "report.reject.duplicate_part"),
        ]
    );
    assert_eq!(v["parts"], json!(["VALMIERAS-NOV"]));
    assert_eq!(v["children"]["total"], 7);
    // A municipal report is not a region's part at the national level.
    let regions = regions();
    let mut national = Rollup::new(Level::National, &regions, None, None, BTreeMap::new());
    let taken = national.add_report("m.json", &signed_report(code, n, head));
    assert!(matches!(taken, Taken::Rejected(r) if r.reason == "report.reject.wrong_level"));
}

#[test]
fn the_csv_is_one_tidy_table() {
    let (code, children, head) = MUNICIPALITIES[0];
    let (doc, _) = municipal(code, head, &files(code, children, head), Some("2025H2"));
    let csv = report_csv(&doc);
    let mut lines = csv.split("\r\n");
    assert_eq!(
        lines.next(),
        Some("level,area,period,section,measure,group,status,value,unit")
    );
    assert!(
        csv.contains("\r\nmunicipality,CESU-NOV,2025H2,children,children,total,exact,12,count\r\n")
    );
    assert!(
        csv.contains("\r\nmunicipality,CESU-NOV,2025H2,documents,provisionRecords,,lt5,,count\r\n")
    );
    assert!(csv.contains(",outcomes,gasReview.median,total,exact,50.00,tscore\r\n"));
    let rows: Vec<&str> = csv.trim_end().split("\r\n").skip(1).collect();
    assert!(
        rows.iter().all(|r| r.split(',').count() == 9),
        "a row with a comma in a field"
    );
    let services = doc["services"].as_array().unwrap().len();
    assert_eq!(
        rows.len(),
        5 + 1 + 3 + 5 + 12 * services + 12 * 3 + 7 + 2 + 6 + 3 + 5 + 3
    );
}

#[test]
fn an_amended_plan_supersedes_its_earlier_version_and_a_child_counts_once() {
    let (code, children, head) = MUNICIPALITIES[1];
    let mut all = files(code, children, head);
    let sign = |v: &Value| add_proof(v, &key(head + 1), &ProofOptions::new(WHEN)).unwrap();
    // Child 3 again, same start date, another budget: counted once, by the first name.
    let mut again = unsigned_plan(code, 3)["case"].clone();
    again["settings"]["budget"] = json!("5000.00");
    let again = sign(&ib_planner::engine::plan::plan_from_case_json(&again).unwrap());
    all.push(("plan-003b.json".into(), again));
    // Child 4's plan amended: the record of the amended plan names the earlier one.
    let earlier = plan(code, head, 4);
    let mut amended = earlier["case"].clone();
    amended["settings"]["budget"] = json!("4800.00");
    let amended = sign(&ib_planner::engine::plan::plan_from_case_json(&amended).unwrap());
    let mut record = provision(&amended);
    record["previousPlanDigests"] =
        json!([ib_planner::engine::review::document_digest(&earlier).unwrap()]);
    all.push(("plan-004-amended.json".into(), amended));
    all.push(("provision-004.json".into(), record));
    let (doc, _) = municipal(code, head, &all, Some("2025H2"));
    let reasons: Vec<(&str, &str)> = doc["documents"]["rejections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["file"].as_str().unwrap(), r["reason"].as_str().unwrap()))
        .collect();
    assert_eq!(
        reasons,
        vec![
            ("plan-003b.json", "report.reject.same_child"),
            ("plan-004.json", "report.reject.superseded")
        ]
    );
    assert_eq!(doc["children"]["total"], 7);
    // One provision record ("<5") beside shown counts: the files read are hidden.
    assert_eq!(doc["documents"]["plans"], 7);
    assert_eq!(doc["documents"]["read"], "suppressed");
    let k = known(code, children, head);
    let d = |v: &Value| v.as_str().unwrap().parse::<Decimal>().unwrap();
    let budget = k.budget - d(&earlier["result"]["totals"]["budget"]) + Decimal::from(4800);
    assert_eq!(money(&doc["budget"]["budget"]), budget);
}
