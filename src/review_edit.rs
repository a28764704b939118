//! The review of a case's signed plan as the review step edits it (issue 15): the pure
//! part behind `ui::steps::review` and the review side of the verify screen.
//!
//! The review is kept inside the case at [`REVIEW_POINTER`], so saving, two tabs, backups
//! and the device lock carry it like the plan's signatures (`/signatures`):
//! `{"planDigest": "<digest of the plan reviewed>", "input": {…}, "signatures": […]}`.
//! `input` is exactly the typed-in input of `ibplan review` (`goals`, `parentGoals`,
//! `delivery`, `comments`), edited in place by pointer, so text that is not yet a number
//! is kept as typed and reported by the engine at its field. The review document
//! (`ib-review/1`) is computed from the plan and the input each time
//! ([`review_document`]); only its signatures are stored, each with the digest of the
//! document it signed, so a signature made before a later edit shows as outdated, as on
//! the sign step ([`crate::signing`] does both, for any document).
//!
//! No clock, no randomness, no storage.

use serde_json::{json, Map, Value};

use crate::engine::problem::Problem;
use crate::engine::provision;
use crate::engine::review::{self, compute_review, review_record, ReviewDocument, ReviewError};
use crate::signing::{safe_file_stem, StoredSignature};

/// Where a case keeps its review.
pub const REVIEW_POINTER: &str = "/review";
/// Where the review's typed-in input is.
pub const INPUT_POINTER: &str = "/review/input";
/// Where a case keeps the provision record of its plan (issue 14, `ib-provision/1`).
pub const PROVISION_POINTER: &str = "/provision";

/// The goal's id, level texts and the rest the form shows of one team goal of the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanGoal {
    /// Goal id.
    pub id: String,
    /// The goal's text.
    pub text: String,
    /// `long` or `short`.
    pub term: String,
    /// Baseline level.
    pub baseline: i64,
    /// Weight.
    pub weight: i64,
    /// The texts of levels −2..=+2 (empty where the plan has none).
    pub levels: [String; 5],
}

/// One parents' goal of the plan with its ratings at the assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanParentGoal {
    /// Goal id.
    pub id: String,
    /// The parents' words.
    pub text: String,
    /// Performance at the assessment.
    pub performance: i64,
    /// Satisfaction at the assessment.
    pub satisfaction: i64,
}

/// One service the plan funded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanService {
    /// Service code.
    pub code: String,
    /// Latvian name.
    pub name_lv: String,
    /// English name.
    pub name_en: String,
    /// Unit code (`session`, `hour`, …).
    pub unit: String,
    /// Units funded.
    pub funded: u64,
}

/// What the review form lists of a plan, in the plan's order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanFacts {
    /// The team goals.
    pub goals: Vec<PlanGoal>,
    /// The parents' goals.
    pub parent_goals: Vec<PlanParentGoal>,
    /// The funded services.
    pub services: Vec<PlanService>,
}

fn text_at(value: &Value, pointer: &str) -> String {
    value
        .pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
}

fn int_at(value: &Value, pointer: &str) -> i64 {
    value.pointer(pointer).and_then(Value::as_i64).unwrap_or(0)
}

fn items<'a>(value: &'a Value, pointer: &str) -> &'a [Value] {
    value
        .pointer(pointer)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

/// The goals, parents' goals and funded services of a plan document.
pub fn plan_facts(plan: &Value) -> PlanFacts {
    let goals = items(plan, "/case/goals")
        .iter()
        .map(|g| {
            let mut levels: [String; 5] = Default::default();
            for level in items(g, "/levels") {
                let at = int_at(level, "/level");
                if let Some(slot) = usize::try_from(at + 2).ok().and_then(|i| levels.get_mut(i)) {
                    *slot = text_at(level, "/text");
                }
            }
            PlanGoal {
                id: text_at(g, "/id"),
                text: text_at(g, "/text"),
                term: text_at(g, "/term"),
                baseline: int_at(g, "/baseline"),
                weight: int_at(g, "/weight"),
                levels,
            }
        })
        .collect();
    let parent_goals = items(plan, "/case/questionnaire/goals")
        .iter()
        .map(|g| PlanParentGoal {
            id: text_at(g, "/id"),
            text: text_at(g, "/text"),
            performance: int_at(g, "/performance"),
            satisfaction: int_at(g, "/satisfaction"),
        })
        .collect();
    let services = items(plan, "/result/lines")
        .iter()
        .filter_map(|l| {
            let funded = l.get("fundedUnits").and_then(Value::as_u64)?;
            (funded > 0).then(|| PlanService {
                code: text_at(l, "/code"),
                name_lv: text_at(l, "/name/lv"),
                name_en: text_at(l, "/name/en"),
                unit: text_at(l, "/unit"),
                funded,
            })
        })
        .collect();
    PlanFacts {
        goals,
        parent_goals,
        services,
    }
}

/// Units delivered per service from the case's provision record (`/provision`,
/// `ib-provision/1`), when there is one that reads and names this plan by its digest;
/// `None` otherwise (then the team types them in). The units of every statement of a
/// service are added up; the provider list is not needed for that (a record naming
/// listed providers is checked against it on the provision screens), and more units
/// than funded are left for the review's own check to report at the field.
pub fn provision_delivery(plan: &Value, case: &Value) -> Option<Vec<(String, u64)>> {
    let record = provision::read_record(case.pointer(PROVISION_POINTER)?).ok()?;
    if Some(&record.plan_digest) != review::document_digest(plan).as_ref() {
        return None;
    }
    let mut out: Vec<(String, u64)> = Vec::new();
    for delivery in &record.deliveries {
        match out.iter_mut().find(|(code, _)| *code == delivery.code) {
            Some((_, units)) => *units = units.saturating_add(delivery.units),
            None => out.push((delivery.code.clone(), delivery.units)),
        }
    }
    Some(out)
}

/// Whether the case has a review started.
pub fn started(case: &Value) -> bool {
    case.pointer(INPUT_POINTER).is_some_and(Value::is_object)
}

/// The digest of the plan the stored review was started for.
pub fn started_for(case: &Value) -> Option<String> {
    case.pointer("/review/planDigest")
        .and_then(Value::as_str)
        .map(str::to_string)
}

fn entry_by<'a>(list: Option<&'a Value>, key: &str, id: &str) -> Option<&'a Map<String, Value>> {
    list?
        .as_array()?
        .iter()
        .filter_map(Value::as_object)
        .find(|e| e.get(key).and_then(Value::as_str) == Some(id))
}

fn kept(entry: Option<&Map<String, Value>>, field: &str, default: Value) -> Value {
    entry
        .and_then(|e| e.get(field))
        .filter(|v| !v.is_null())
        .cloned()
        .unwrap_or(default)
}

/// The review input for `plan`: every team goal, parents' goal and funded service in the
/// plan's order, with what `old` (an earlier input, possibly of an earlier version of the
/// plan) already has for the same id or code, else empty fields; units delivered come
/// from `delivered` (the provision record) where the input has none.
pub fn input_for(plan: &Value, old: Option<&Value>, delivered: Option<&[(String, u64)]>) -> Value {
    let facts = plan_facts(plan);
    let old_goals = old.and_then(|o| o.get("goals"));
    let old_parent = old.and_then(|o| o.get("parentGoals"));
    let old_delivery = old.and_then(|o| o.get("delivery"));
    let empty = || Value::String(String::new());
    let goals: Vec<Value> = facts
        .goals
        .iter()
        .map(|g| {
            let e = entry_by(old_goals, "id", &g.id);
            json!({
                "id": g.id,
                "attained": kept(e, "attained", empty()),
                "note": kept(e, "note", empty()),
                "conclusion": kept(e, "conclusion", empty()),
            })
        })
        .collect();
    let parent_goals: Vec<Value> = facts
        .parent_goals
        .iter()
        .map(|g| {
            let e = entry_by(old_parent, "id", &g.id);
            json!({
                "id": g.id,
                "performance": kept(e, "performance", empty()),
                "satisfaction": kept(e, "satisfaction", empty()),
            })
        })
        .collect();
    let delivery: Vec<Value> = facts
        .services
        .iter()
        .map(|s| {
            let e = entry_by(old_delivery, "code", &s.code);
            let from_record = delivered
                .and_then(|d| d.iter().find(|(code, _)| *code == s.code))
                .map(|(_, units)| Value::from(*units));
            let default = from_record.unwrap_or_else(empty);
            json!({"code": s.code, "delivered": kept(e, "delivered", default)})
        })
        .collect();
    let comments = old
        .and_then(|o| o.get("comments"))
        .cloned()
        .unwrap_or_else(empty);
    json!({
        "goals": goals,
        "parentGoals": parent_goals,
        "delivery": delivery,
        "comments": comments,
    })
}

/// Starts (or brings up to date with the current plan) the case's review: the input for
/// `plan` keeping what was typed, the plan's digest; the signatures are kept (they show
/// as outdated when the document changed).
pub fn start_review(case: &mut Value, plan: &Value, delivered: Option<&[(String, u64)]>) {
    let Some(object) = case.as_object_mut() else {
        return;
    };
    let old = object.get("review").and_then(|r| r.get("input")).cloned();
    let input = input_for(plan, old.as_ref(), delivered);
    let digest = review::document_digest(plan).unwrap_or_default();
    let entry = object
        .entry("review")
        .or_insert_with(|| Value::Object(Map::new()));
    if !entry.is_object() {
        *entry = Value::Object(Map::new());
    }
    if let Some(review) = entry.as_object_mut() {
        review.insert("planDigest".into(), digest.into());
        review.insert("input".into(), input);
    }
}

/// Why the review document cannot be made yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReviewProblems {
    /// The plan itself (it must recompute; the sign step's problems).
    Plan(Vec<Problem>),
    /// The typed-in input, each problem at its pointer in the case (under
    /// [`INPUT_POINTER`]).
    Input(Vec<Problem>),
}

/// The review document of the case's review of `plan` (typed, and as JSON), or its
/// problems with pointers into the case.
pub fn review_document(
    plan: &Value,
    case: &Value,
) -> Result<(ReviewDocument, Value), ReviewProblems> {
    let Some(input) = case.pointer(INPUT_POINTER) else {
        return Err(ReviewProblems::Input(vec![Problem::new(
            INPUT_POINTER,
            "problem.case.incomplete",
        )]));
    };
    let record = review_record(plan, input).map_err(|e| match e {
        ReviewError::Plan(p) => ReviewProblems::Plan(p),
        ReviewError::Input(p) => ReviewProblems::Input(
            p.into_iter()
                .map(|mut p| {
                    p.path = format!("{INPUT_POINTER}{}", p.path);
                    p
                })
                .collect(),
        ),
    })?;
    let doc = compute_review(record).map_err(ReviewProblems::Input)?;
    let value = serde_json::to_value(&doc).map_err(|e| {
        ReviewProblems::Input(vec![
            Problem::new("", "problem.internal").with("detail", e.to_string())
        ])
    })?;
    Ok((doc, value))
}

/// Which field of the review form a problem's pointer names: the part (`goal`,
/// `parentGoal`, `delivery`, `comments`), the item's index and the member.
pub fn field_of(path: &str) -> Option<(&'static str, usize, String)> {
    let rest = path.strip_prefix(INPUT_POINTER)?;
    let mut parts = rest.trim_start_matches('/').split('/');
    let part = match parts.next()? {
        "goals" => "goal",
        "parentGoals" => "parentGoal",
        "delivery" => "delivery",
        "comments" => return Some(("comments", 0, String::new())),
        _ => return None,
    };
    let index = parts.next().and_then(|i| i.parse().ok())?;
    Some((part, index, parts.next().unwrap_or_default().to_string()))
}

/// The signatures of the review kept with the case (entries that are not objects are
/// ignored): `{"participant", "reviewDigest", "proof"}`.
pub fn read_review_signatures(case: &Value) -> Vec<StoredSignature> {
    items(case, "/review/signatures")
        .iter()
        .filter_map(Value::as_object)
        .map(|entry| StoredSignature {
            participant: entry
                .get("participant")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            plan_digest: entry
                .get("reviewDigest")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            proof: entry.get("proof").cloned().unwrap_or(Value::Null),
        })
        .collect()
}

/// Writes the review's signatures into the case (removing the member when there are
/// none); nothing happens when the case has no review.
pub fn write_review_signatures(case: &mut Value, signatures: &[StoredSignature]) {
    let Some(review) = case.get_mut("review").and_then(Value::as_object_mut) else {
        return;
    };
    if signatures.is_empty() {
        review.remove("signatures");
        return;
    }
    let list = signatures
        .iter()
        .map(|s| {
            json!({
                "participant": s.participant,
                "reviewDigest": s.plan_digest,
                "proof": s.proof,
            })
        })
        .collect();
    review.insert("signatures".into(), Value::Array(list));
}

/// `<pseudonym>-review.json` for a review document.
pub fn review_file_name(doc: &Value) -> String {
    let pseudonym = doc
        .pointer("/review/childId")
        .and_then(Value::as_str)
        .unwrap_or("review");
    format!("{}-review.json", safe_file_stem(pseudonym))
}

/// Where a case keeps copies of the signed plans and reviews of the periods before it
/// (oldest first), so the chain survives on the device: `[{"plan": {…}, "review": {…}}]`.
pub const HISTORY_POINTER: &str = "/history";

/// The case of the next plan period, started from this one's review (issue 15, item 4):
/// the child and the team as they are; the parents' goals with their latest ratings (to
/// confirm or change); the team goals not achieved and not dropped, with the attained
/// level as the new baseline and the GAS texts kept for editing; the services with last
/// period's quantities and both orders (the parents' ranking step shows them for the
/// parents to confirm or change); the same settings from the day after the period; `follows` with
/// the digests of the plan and the review; and in [`HISTORY_POINTER`] this case's
/// history plus the signed plan and review, so the next case carries the whole chain.
pub fn next_case(
    case: &Value,
    plan: &Value,
    review: &ReviewDocument,
    signed_plan: &Value,
    signed_review: &Value,
) -> Value {
    let mut next = Map::new();
    next.insert("schema".into(), json!("ib-case/1"));
    for key in ["child", "team", "parentsOrder"] {
        if let Some(v) = case.get(key) {
            next.insert(key.into(), v.clone());
        }
    }
    // The parents' goals with the ratings given at the review.
    let mut questionnaire = case
        .get("questionnaire")
        .cloned()
        .unwrap_or_else(|| json!({}));
    if let Some(goals) = questionnaire.get_mut("goals").and_then(Value::as_array_mut) {
        for goal in goals.iter_mut() {
            let id = goal.get("id").and_then(Value::as_str).unwrap_or_default();
            if let Some(now) = review.review.parent_goals.iter().find(|g| g.id == id) {
                goal["performance"] = json!(now.performance);
                goal["satisfaction"] = json!(now.satisfaction);
            }
        }
    }
    next.insert("questionnaire".into(), questionnaire);
    // The team goals still worked on, from the attained level.
    let carried: Vec<(&str, i8)> = review
        .review
        .goals
        .iter()
        .filter(|g| {
            !matches!(
                g.conclusion,
                review::Conclusion::Achieved | review::Conclusion::Drop
            )
        })
        .map(|g| (g.id.as_str(), g.attained))
        .collect();
    let goals: Vec<Value> = items(case, "/goals")
        .iter()
        .filter_map(|goal| {
            let id = goal.get("id").and_then(Value::as_str)?;
            let (_, attained) = carried.iter().find(|(g, _)| *g == id)?;
            let mut goal = goal.clone();
            goal["baseline"] = json!(attained);
            Some(goal)
        })
        .collect();
    next.insert("goals".into(), Value::Array(goals));
    let services: Vec<Value> = items(case, "/services")
        .iter()
        .map(|service| {
            let mut service = service.clone();
            if let Some(object) = service.as_object_mut() {
                // Links to goals that were not carried over go with them.
                if let Some(links) = object.get_mut("goals").and_then(Value::as_array_mut) {
                    links.retain(|l| {
                        l.as_str()
                            .is_some_and(|id| carried.iter().any(|(g, _)| *g == id))
                    });
                }
            }
            service
        })
        .collect();
    next.insert("services".into(), Value::Array(services));
    let mut settings = case.get("settings").cloned().unwrap_or_else(|| json!({}));
    let start = review
        .review
        .start_date
        .add_months(review.review.period_months);
    if let (Some(start), Some(object)) = (start, settings.as_object_mut()) {
        object.insert("startDate".into(), json!(start.to_string()));
    }
    next.insert("settings".into(), settings);
    let review_value = serde_json::to_value(review).unwrap_or(Value::Null);
    next.insert(
        "follows".into(),
        json!({
            "planDigest": review::document_digest(plan).unwrap_or_default(),
            "reviewDigest": review::document_digest(&review_value).unwrap_or_default(),
        }),
    );
    let mut history: Vec<Value> = items(case, HISTORY_POINTER).to_vec();
    history.push(json!({"plan": signed_plan, "review": signed_review}));
    next.insert("history".into(), Value::Array(history));
    Value::Object(next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::integrity::KeyPair;
    use crate::signing::{sign_plan, signature_views, signed_document, SignatureState};

    fn plan() -> Value {
        let case = crate::engine::example::example_case_json();
        crate::engine::plan::plan_from_case_json(&case).expect("the example plans")
    }

    fn filled(case: &mut Value) {
        let input = case.pointer_mut(INPUT_POINTER).expect("started");
        for g in input["goals"].as_array_mut().expect("goals") {
            g["attained"] = json!(1);
            g["conclusion"] = json!("continue");
        }
        for g in input["parentGoals"].as_array_mut().expect("parent goals") {
            g["performance"] = json!(6);
            g["satisfaction"] = json!(6);
        }
        for d in input["delivery"].as_array_mut().expect("delivery") {
            d["delivered"] = json!(1);
        }
    }

    #[test]
    fn a_started_review_lists_the_plan_and_reports_empty_fields_at_their_pointers() {
        let plan = plan();
        let mut case = json!({"schema": "ib-case/1"});
        assert!(!started(&case));
        start_review(&mut case, &plan, None);
        assert!(started(&case));
        assert_eq!(started_for(&case), review::document_digest(&plan));
        let facts = plan_facts(&plan);
        assert!(!facts.goals.is_empty() && !facts.services.is_empty());
        let Err(ReviewProblems::Input(problems)) = review_document(&plan, &case) else {
            panic!("an empty review has input problems");
        };
        assert!(problems
            .iter()
            .any(|p| p.path == "/review/input/goals/0/attained" && p.key == "problem.text.empty"));
        assert!(problems
            .iter()
            .any(|p| p.path == "/review/input/delivery/0/delivered"));
        assert_eq!(
            field_of("/review/input/goals/2/attained"),
            Some(("goal", 2, "attained".to_string()))
        );
        assert_eq!(
            field_of("/review/input/comments"),
            Some(("comments", 0, String::new()))
        );
        assert_eq!(field_of("/goals/0"), None);
    }

    #[test]
    fn a_filled_review_gives_the_engines_document() {
        let plan = plan();
        let mut case = json!({});
        start_review(&mut case, &plan, None);
        filled(&mut case);
        let (doc, value) = review_document(&plan, &case).expect("a complete review");
        let input = case.pointer(INPUT_POINTER).expect("input");
        assert_eq!(
            Some(value.clone()),
            review::review_from_plan(&plan, input).ok()
        );
        assert_eq!(doc.review.goals.len(), plan_facts(&plan).goals.len());
        assert_eq!(
            review::review_recompute_check(&value),
            crate::engine::plan::RecomputeOutcome::Matches
        );
        assert_eq!(review_file_name(&value), "CESIS-2025-017-review.json");
    }

    #[test]
    fn typed_values_are_kept_when_the_plan_changes_and_delivery_comes_from_provision() {
        let plan = plan();
        let mut case = json!({});
        let first = plan_facts(&plan).services[0].code.clone();
        let delivered = vec![(first.clone(), 3u64)];
        start_review(&mut case, &plan, Some(&delivered));
        assert_eq!(
            case.pointer("/review/input/delivery/0/delivered"),
            Some(&json!(3))
        );
        case["review"]["input"]["goals"][0]["note"] = json!("kept");
        case["review"]["input"]["delivery"][0]["delivered"] = json!("2x");
        start_review(&mut case, &plan, Some(&delivered));
        assert_eq!(
            case.pointer("/review/input/goals/0/note"),
            Some(&json!("kept"))
        );
        assert_eq!(
            case.pointer("/review/input/delivery/0/delivered"),
            Some(&json!("2x"))
        );
    }

    #[test]
    fn delivery_comes_from_the_provision_record_of_this_plan_only() {
        let plan = plan();
        let text = include_str!("../tests/data/example-provision-record.json");
        let record = crate::engine::json::parse_strict(text).expect("record");
        let mut case = crate::engine::example::example_case_json();
        assert_eq!(provision_delivery(&plan, &case), None);
        case["provision"] = record.clone();
        let delivered = provision_delivery(&plan, &case).expect("the record names this plan");
        let expected: Vec<(String, u64)> = {
            let mut sums: Vec<(String, u64)> = Vec::new();
            for d in record["deliveries"].as_array().expect("deliveries") {
                let code = d["code"].as_str().expect("code").to_string();
                let units = d["units"].as_u64().expect("units");
                match sums.iter_mut().find(|(c, _)| *c == code) {
                    Some((_, u)) => *u += units,
                    None => sums.push((code, units)),
                }
            }
            sums
        };
        assert!(!expected.is_empty());
        assert_eq!(delivered, expected);
        start_review(&mut case, &plan, Some(&delivered));
        let (code, units) = &expected[0];
        let at = plan_facts(&plan)
            .services
            .iter()
            .position(|s| s.code == *code)
            .expect("funded");
        assert_eq!(
            case.pointer(&format!("/review/input/delivery/{at}/delivered")),
            Some(&json!(units))
        );
        // A record of another plan is not used.
        case["provision"]["planDigest"] = json!("0".repeat(64));
        assert_eq!(provision_delivery(&plan, &case), None);
    }

    #[test]
    fn the_next_case_follows_the_plan_and_review_and_carries_the_chain() {
        let case = crate::engine::example::example_case_json();
        let plan = plan();
        let mut with_review = case.clone();
        start_review(&mut with_review, &plan, None);
        filled(&mut with_review);
        with_review["review"]["input"]["goals"][1]["conclusion"] = json!("achieved");
        with_review["review"]["input"]["goals"][2]["conclusion"] = json!("drop");
        let (doc, value) = review_document(&plan, &with_review).expect("complete");
        let next = next_case(&with_review, &plan, &doc, &plan, &value);
        assert_eq!(
            next["follows"]["planDigest"],
            json!(review::document_digest(&plan))
        );
        assert_eq!(
            next["follows"]["reviewDigest"],
            json!(review::document_digest(&value))
        );
        let goals = next["goals"].as_array().expect("goals");
        assert_eq!(
            goals.len(),
            case["goals"].as_array().map_or(0, Vec::len) - 2
        );
        assert!(goals.iter().all(|g| g["baseline"] == json!(1)));
        assert_eq!(next["questionnaire"]["goals"][0]["performance"], json!(6));
        assert_eq!(next["settings"]["startDate"], json!("2026-03-01"));
        assert_eq!(next["services"], case["services"]);
        assert!(next.get("review").is_none() && next.get("signatures").is_none());
        assert_eq!(next["history"].as_array().map(Vec::len), Some(1));
        // The chain grows by one entry per period.
        let again = next_case(&next, &plan, &doc, &plan, &value);
        assert_eq!(again["history"].as_array().map(Vec::len), Some(2));
        // The next case plans, and its plan carries the link.
        let next_plan = crate::engine::plan::plan_from_case_json(&next).expect("plans");
        assert_eq!(next_plan["case"]["follows"], next["follows"]);
    }

    #[test]
    fn the_review_is_signed_like_the_plan_and_an_edit_outdates_the_signature() {
        let plan = plan();
        let mut case = json!({});
        start_review(&mut case, &plan, None);
        filled(&mut case);
        let (_, doc) = review_document(&plan, &case).expect("complete");
        let key = KeyPair::from_seed(&[7u8; 32]);
        let list = sign_plan(&[], &doc, "parent", &key, "2026-03-01T10:00:00Z").expect("signed");
        write_review_signatures(&mut case, &list);
        let stored = read_review_signatures(&case);
        assert_eq!(stored, list);
        assert_eq!(
            signature_views(&doc, &stored)[0].state,
            SignatureState::Valid
        );
        let signed = signed_document(&doc, &stored);
        assert!(crate::engine::integrity::verify_document(&signed)
            .map(|r| r.is_verified())
            .unwrap_or(false));
        case["review"]["input"]["comments"] = json!("changed");
        let (_, changed) = review_document(&plan, &case).expect("complete");
        assert_eq!(
            signature_views(&changed, &stored)[0].state,
            SignatureState::Outdated
        );
        write_review_signatures(&mut case, &[]);
        assert!(case.pointer("/review/signatures").is_none());
    }
}
