//! Validation: raw case JSON (any [`serde_json::Value`]) in, a [`Case`] or a list of
//! [`Problem`]s out — the ripgrep lowargs → hiargs split. The raw layer is the JSON value
//! itself, read leniently (missing optional members take defaults, numbers may be given
//! as text where money or weights are concerned); the domain layer is only built when
//! there is no problem at all. Nothing here can panic on input, and nothing recurses
//! into the input beyond the fixed depth of the case shape.

use std::collections::BTreeSet;

use rust_decimal::Decimal;
use serde_json::{Map, Value};

use crate::engine::case::{
    Amends, Assessment, CapPolicy, Case, Child, FollowExperts, Follows, GasLevel, ParentGoal,
    ParentsOrder, Policy, Questionnaire, Review, ServiceRequest, Settings, TeamGoal, TeamMember,
    Term, Weights, DEFAULT_PERIOD_MONTHS, MAX_AMENDED_VERSIONS,
};
use crate::engine::date::{Date, YearMonth};
use crate::engine::money::{money_from_json, parse_decimal_text};
use crate::engine::problem::{join, Problem};
use crate::engine::reference::{ReferenceData, TargetGroup};

/// Longest accepted identifier.
pub const MAX_ID_LEN: usize = 64;
/// Longest accepted free text (characters).
pub const MAX_TEXT_LEN: usize = 4000;
/// Most entries accepted in any list of the case.
pub const MAX_LIST_LEN: usize = 200;
/// Largest accepted quantity of one service.
pub const MAX_QUANTITY: i64 = 100_000;
/// The valid ICF qualifiers.
pub const ICF_QUALIFIERS: [u8; 7] = [0, 1, 2, 3, 4, 8, 9];

/// Collects problems while reading raw JSON (also used by `engine::review`).
pub(crate) struct Reader {
    pub(crate) problems: Vec<Problem>,
}

impl Reader {
    /// A reader with no problems yet.
    pub(crate) fn new() -> Reader {
        Reader {
            problems: Vec::new(),
        }
    }

    pub(crate) fn push(&mut self, problem: Problem) {
        self.problems.push(problem);
    }

    pub(crate) fn object<'a>(
        &mut self,
        value: &'a Value,
        path: &str,
    ) -> Option<&'a Map<String, Value>> {
        match value {
            Value::Object(map) => Some(map),
            other => {
                self.push(Problem::new(path, "problem.type.object").with("found", kind(other)));
                None
            }
        }
    }

    pub(crate) fn required<'a>(
        &mut self,
        map: &'a Map<String, Value>,
        key: &str,
        path: &str,
    ) -> Option<&'a Value> {
        match map.get(key) {
            Some(Value::Null) | None => {
                self.push(
                    Problem::new(join(path, key), "problem.field.missing").with("field", key),
                );
                None
            }
            Some(v) => Some(v),
        }
    }

    pub(crate) fn array<'a>(&mut self, value: &'a Value, path: &str) -> Option<&'a Vec<Value>> {
        match value {
            Value::Array(items) if items.len() <= MAX_LIST_LEN => Some(items),
            Value::Array(items) => {
                self.push(
                    Problem::new(path, "problem.list.too_long")
                        .with("max", MAX_LIST_LEN)
                        .with("count", items.len()),
                );
                None
            }
            other => {
                self.push(Problem::new(path, "problem.type.array").with("found", kind(other)));
                None
            }
        }
    }

    pub(crate) fn text(
        &mut self,
        value: &Value,
        path: &str,
        max: usize,
        allow_empty: bool,
    ) -> Option<String> {
        match value {
            Value::String(s) => {
                if s.chars().count() > max {
                    self.push(Problem::new(path, "problem.text.too_long").with("max", max));
                    None
                } else if !allow_empty && s.trim().is_empty() {
                    self.push(Problem::new(path, "problem.text.empty"));
                    None
                } else {
                    Some(s.clone())
                }
            }
            other => {
                self.push(Problem::new(path, "problem.type.string").with("found", kind(other)));
                None
            }
        }
    }

    pub(crate) fn required_text(
        &mut self,
        map: &Map<String, Value>,
        key: &str,
        path: &str,
        max: usize,
    ) -> Option<String> {
        let value = self.required(map, key, path)?;
        self.text(value, &join(path, key), max, false)
    }

    pub(crate) fn optional_text(
        &mut self,
        map: &Map<String, Value>,
        key: &str,
        path: &str,
    ) -> String {
        match map.get(key) {
            None | Some(Value::Null) => String::new(),
            Some(v) => self
                .text(v, &join(path, key), MAX_TEXT_LEN, true)
                .unwrap_or_default(),
        }
    }

    /// An integer within `min..=max`; other numbers and types are problems.
    pub(crate) fn integer(&mut self, value: &Value, path: &str, min: i64, max: i64) -> Option<i64> {
        if is_blank(value) {
            self.push(Problem::new(path, "problem.text.empty"));
            return None;
        }
        let Value::Number(n) = value else {
            self.push(Problem::new(path, "problem.type.integer").with("found", kind(value)));
            return None;
        };
        if let Some(i) = n.as_i64() {
            if (min..=max).contains(&i) {
                return Some(i);
            }
        } else if n.as_u64().is_none() && n.as_f64().is_some_and(|f| f.fract() != 0.0) {
            self.push(Problem::new(path, "problem.number.not_integer").with("value", n));
            return None;
        }
        self.push(
            Problem::new(path, "problem.number.range")
                .with("min", min)
                .with("max", max)
                .with("value", n),
        );
        None
    }

    pub(crate) fn id(&mut self, map: &Map<String, Value>, path: &str) -> Option<String> {
        let id = self.required_text(map, "id", path, MAX_ID_LEN)?;
        if id.chars().any(|c| c.is_control() || c.is_whitespace()) {
            self.push(Problem::new(join(path, "id"), "problem.id.malformed").with("id", &id));
            return None;
        }
        Some(id)
    }

    /// Reads an item's `id` like [`Reader::id`] and reports it when an earlier item of the
    /// same list (whose ids are in `seen`) already has it.
    pub(crate) fn unique_id(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        seen: &mut BTreeSet<String>,
    ) -> Option<String> {
        let id = self.id(map, path)?;
        if !seen.insert(id.clone()) {
            self.push(Problem::new(join(path, "id"), "problem.id.duplicate").with("id", &id));
        }
        Some(id)
    }
}

/// Whether a value is empty text: what an emptied form field holds. A required number
/// left empty is reported as empty, not as text where a number belongs.
pub(crate) fn is_blank(value: &Value) -> bool {
    value.as_str().is_some_and(|s| s.trim().is_empty())
}

pub(crate) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

pub(crate) fn score(r: &mut Reader, map: &Map<String, Value>, key: &str, path: &str) -> Option<u8> {
    let v = r.required(map, key, path)?;
    let n = r.integer(v, &join(path, key), 1, 10)?;
    u8::try_from(n).ok()
}

pub(crate) fn gas_level(r: &mut Reader, value: &Value, path: &str) -> Option<i8> {
    let n = r.integer(value, path, -2, 2)?;
    i8::try_from(n).ok()
}

/// Parses a weight: a decimal in [0, 1] with at most 4 decimals, as text or number.
fn weight(r: &mut Reader, value: &Value, path: &str) -> Option<Decimal> {
    let text = match value {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        other => {
            r.push(Problem::new(path, "problem.type.number").with("found", kind(other)));
            return None;
        }
    };
    if text.len() > 32 {
        r.push(Problem::new(path, "problem.weight.malformed").with("value", "…"));
        return None;
    }
    match parse_decimal_text(&text, 4, 1) {
        Ok(w) if w <= Decimal::ONE => Some(w.normalize()),
        Ok(_)
        | Err(crate::engine::money::MoneyError::Negative)
        | Err(crate::engine::money::MoneyError::TooLarge) => {
            r.push(Problem::new(path, "problem.weight.range").with("value", text));
            None
        }
        Err(crate::engine::money::MoneyError::Empty) => {
            r.push(Problem::new(path, "problem.text.empty"));
            None
        }
        Err(_) => {
            r.push(Problem::new(path, "problem.weight.malformed").with("value", text));
            None
        }
    }
}

/// Turns raw case JSON into a valid [`Case`], or lists every problem found.
pub fn validate_case(raw: &Value, reference: &ReferenceData) -> Result<Case, Vec<Problem>> {
    let mut r = Reader {
        problems: Vec::new(),
    };
    let case = read_case(&mut r, raw, reference);
    match case {
        Some(case) if r.problems.is_empty() => Ok(case),
        _ => {
            if r.problems.is_empty() {
                // Defensive: a missing part always comes with a problem, but never return
                // an empty error list.
                r.push(Problem::new("", "problem.case.incomplete"));
            }
            Err(r.problems)
        }
    }
}

/// The schema tag of the cases this engine reads. A case without a `schema` member (or
/// with `null`) is taken to be one; any other tag — a newer version such as `ib-case/2`,
/// or something unknown — is refused, never read as this version.
pub const CASE_SCHEMA: &str = "ib-case/1";

/// Reports a `schema` member naming anything but [`CASE_SCHEMA`] (at the root: it is
/// about the whole case). The rest of the case is still read, so its other problems are
/// listed too, but no case comes out of a refused version.
fn read_schema(r: &mut Reader, root: &Map<String, Value>) -> bool {
    let found = match root.get("schema") {
        None | Some(Value::Null) => return true,
        Some(Value::String(tag)) if tag == CASE_SCHEMA => return true,
        Some(Value::String(tag)) => tag.chars().take(MAX_ID_LEN).collect::<String>(),
        Some(other) => kind(other).to_string(),
    };
    r.push(
        Problem::new("", "problem.case.schema")
            .with("found", found)
            .with("supported", CASE_SCHEMA),
    );
    false
}

fn read_case(r: &mut Reader, raw: &Value, reference: &ReferenceData) -> Option<Case> {
    let root = r.object(raw, "")?;
    let schema_ok = read_schema(r, root);
    let settings = r
        .required(root, "settings", "")
        .and_then(|v| read_settings(r, v, "/settings"));
    let child = r
        .required(root, "child", "")
        .and_then(|v| read_child(r, v, "/child", reference, settings.as_ref()));
    let questionnaire = r
        .required(root, "questionnaire", "")
        .and_then(|v| read_questionnaire(r, v, "/questionnaire", reference));
    let team = r
        .required(root, "team", "")
        .and_then(|v| read_team(r, v, "/team", reference));
    let goals = match root.get("goals") {
        None | Some(Value::Null) => Some(Vec::new()),
        Some(v) => read_goals(r, v, "/goals", questionnaire.as_ref()),
    };
    let parents = read_parents_order(r, root);
    let follows = read_follows(r, root);
    let amends = read_amends(r, root);
    let services = r.required(root, "services", "").and_then(|v| {
        read_services(
            r,
            v,
            "/services",
            reference,
            child.as_ref(),
            settings.as_ref(),
            &Linked {
                team_goals: goals.as_deref(),
                parents: &parents,
            },
        )
    });
    if !parents.ok || !schema_ok {
        return None;
    }
    Some(Case {
        child: child?,
        questionnaire: questionnaire?,
        team: team?,
        goals: goals?,
        services: services?,
        settings: settings?,
        parents_order: parents
            .follow_experts
            .map(|follow_experts| ParentsOrder { follow_experts }),
        follows: follows?,
        amends: amends?,
    })
}

/// The optional `amends` member (issue 14, item 5): `{"planDigests": [...]}`, the earlier
/// versions' digests, oldest first, 1 to [`MAX_AMENDED_VERSIONS`] of 64 lower-case hex
/// digits each. `Some(None)` when absent, `None` when it has problems.
fn read_amends(r: &mut Reader, root: &Map<String, Value>) -> Option<Option<Amends>> {
    let value = match root.get("amends") {
        None | Some(Value::Null) => return Some(None),
        Some(v) => v,
    };
    let map = r.object(value, "/amends")?;
    let items = r.required(map, "planDigests", "/amends")?;
    let items = r.array(items, "/amends/planDigests")?;
    if items.is_empty() || items.len() > MAX_AMENDED_VERSIONS {
        r.push(
            Problem::new("/amends/planDigests", "problem.amends.count")
                .with("max", MAX_AMENDED_VERSIONS)
                .with("count", items.len()),
        );
        return None;
    }
    let mut digests = Vec::with_capacity(items.len());
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let path = join("/amends/planDigests", i);
        let Some(text) = r.text(item, &path, 64, false) else {
            ok = false;
            continue;
        };
        if text.len() != 64 || !text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
            r.push(Problem::new(path, "problem.amends.digest"));
            ok = false;
            continue;
        }
        digests.push(text);
    }
    ok.then_some(Some(Amends {
        plan_digests: digests,
    }))
}

/// The optional `follows` member (issue 15): `{"planDigest", "reviewDigest"}`, each 64
/// lower-case hex digits. `Some(None)` when absent, `None` when it has problems.
fn read_follows(r: &mut Reader, root: &Map<String, Value>) -> Option<Option<Follows>> {
    let value = match root.get("follows") {
        None | Some(Value::Null) => return Some(None),
        Some(v) => v,
    };
    let map = r.object(value, "/follows")?;
    let mut digest = |key: &str| -> Option<String> {
        let text = r.required_text(map, key, "/follows", 64)?;
        let ok = text.len() == 64 && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        if !ok {
            r.push(Problem::new(
                join("/follows", key),
                "problem.follows.digest",
            ));
            return None;
        }
        Some(text)
    };
    let plan_digest = digest("planDigest");
    let review_digest = digest("reviewDigest");
    Some(Some(Follows {
        plan_digest: plan_digest?,
        review_digest: review_digest?,
    }))
}

// ---------------------------------------------------------------------------------------
// The parents' order
//
// The parents' order is final when every service has the parents' rank, or when the team
// recorded (with a reason) that the parents chose to follow the experts' order; then
// each service's parents' rank is its experts' rank and any `parentRank` in the raw case
// is not used (it is kept for when the decision is withdrawn). A case without either is
// "not ranked yet": no plan is made from it (`problem.parents.not_ranked`), since the
// parents' weight would fall on an order nobody gave. `parentsOrder.expertsOrderSeen` is
// the experts' order (service codes) as it stood when the parents' order was last
// settled; a service added, removed or moved in the experts' order since then makes the
// parents' order need a look (`problem.parents.added` / `.removed` / `.moved`), and no
// plan is made until the parents (or the team on their behalf) confirm or re-rank. A
// quantity change does not: the parents rank which services matter most, not how much of
// each. The seen list is not part of the normalised case (a final order has no changes).

/// The raw `parentsOrder` member, read.
struct ParentsInput {
    /// A `followExperts` object is present (even if its reason is a problem).
    follow: bool,
    follow_experts: Option<FollowExperts>,
    seen: Option<Vec<String>>,
    /// No problem in the member.
    ok: bool,
}

/// What the service list is read against besides the reference data: the team's goals
/// (for the services' goal links) and the parents' order.
#[derive(Clone, Copy)]
struct Linked<'a> {
    team_goals: Option<&'a [TeamGoal]>,
    parents: &'a ParentsInput,
}

/// Reads `/parentsOrder`.
fn read_parents_order(r: &mut Reader, root: &Map<String, Value>) -> ParentsInput {
    let path = "/parentsOrder";
    let mut input = ParentsInput {
        follow: false,
        follow_experts: None,
        seen: None,
        ok: true,
    };
    let map = match root.get("parentsOrder") {
        None | Some(Value::Null) => return input,
        Some(v) => match r.object(v, path) {
            Some(map) => map,
            None => {
                input.ok = false;
                return input;
            }
        },
    };
    if let Some(v) = map.get("followExperts").filter(|v| !v.is_null()) {
        let at = join(path, "followExperts");
        input.follow = true;
        input.follow_experts = r.object(v, &at).and_then(|f| {
            r.required_text(f, "reason", &at, MAX_TEXT_LEN)
                .map(|reason| FollowExperts { reason })
        });
        input.ok &= input.follow_experts.is_some();
    }
    if let Some(v) = map.get("expertsOrderSeen").filter(|v| !v.is_null()) {
        let at = join(path, "expertsOrderSeen");
        input.seen = r.array(v, &at).and_then(|items| {
            let mut codes = Vec::with_capacity(items.len());
            for (k, item) in items.iter().enumerate() {
                codes.push(r.text(item, &join(&at, k), MAX_ID_LEN, false)?);
            }
            Some(codes)
        });
        input.ok &= input.seen.is_some();
    }
    input
}

/// Reports how the experts' order `now` (codes in order) differs from the one the
/// parents' order was settled on: each added, removed and moved service, once.
fn report_list_changes(r: &mut Reader, seen: &[String], now: &[String]) {
    let at = "/parentsOrder/expertsOrderSeen";
    for code in now.iter().filter(|c| !seen.contains(c)) {
        r.push(Problem::new(at, "problem.parents.added").with("code", code));
    }
    for code in seen.iter().filter(|c| !now.contains(c)) {
        r.push(Problem::new(at, "problem.parents.removed").with("code", code));
    }
    let before: Vec<&String> = seen.iter().filter(|c| now.contains(c)).collect();
    let after: Vec<&String> = now.iter().filter(|c| seen.contains(c)).collect();
    let kept = super::order::kept_in_order(&before, &after);
    for (code, _) in after.iter().zip(kept).filter(|(_, kept)| !kept) {
        r.push(Problem::new(at, "problem.parents.moved").with("code", *code));
    }
}

/// The case with the parents' order set aside: each service's parents' rank taken to be
/// its experts' rank, so the plan made from it is the experts' order alone (whatever the
/// weights, `S = w_e·E + w_p·E = E`). This is the *provisional* plan the app shows while
/// the parents have not ranked; it is never a plan document and never signed.
pub fn provisional_case(raw: &Value, reference: &ReferenceData) -> Result<Case, Vec<Problem>> {
    let mut raw = raw.clone();
    if let Some(map) = raw.as_object_mut() {
        map.insert(
            "parentsOrder".into(),
            serde_json::json!({ "followExperts": { "reason": "-" } }),
        );
    }
    let mut case = validate_case(&raw, reference)?;
    case.parents_order = None;
    Ok(case)
}

/// The members a case's `settings` may have; any other is reported, never ignored (a
/// misspelt `polcy` would otherwise silently plan with the default policy).
const SETTINGS_MEMBERS: [&str; 6] = [
    "startDate",
    "periodMonths",
    "budget",
    "weights",
    "policy",
    "caps",
];

fn read_settings(r: &mut Reader, value: &Value, path: &str) -> Option<Settings> {
    let map = r.object(value, path)?;
    let mut unknown = false;
    for key in map.keys() {
        if !SETTINGS_MEMBERS.contains(&key.as_str()) {
            r.push(Problem::new(join(path, key), "problem.field.unknown").with("field", key));
            unknown = true;
        }
    }
    let start_date = r.required(map, "startDate", path).and_then(|v| {
        let at = join(path, "startDate");
        let text = r.text(v, &at, 32, false)?;
        let date = Date::parse(&text);
        if date.is_none() {
            r.push(Problem::new(at, "problem.date.malformed").with("value", text));
        }
        date
    });
    let period_months = match map.get("periodMonths") {
        None | Some(Value::Null) => Some(DEFAULT_PERIOD_MONTHS),
        Some(v) => {
            let at = join(path, "periodMonths");
            match v {
                Value::Number(n) if n.as_i64().is_some_and(|m| (1..=12).contains(&m)) => {
                    n.as_u64().and_then(|m| u32::try_from(m).ok())
                }
                Value::Number(n) => {
                    r.push(Problem::new(at, "problem.period.range").with("value", n));
                    None
                }
                other if is_blank(other) => {
                    r.push(Problem::new(at, "problem.text.empty"));
                    None
                }
                other => {
                    r.push(Problem::new(at, "problem.type.integer").with("found", kind(other)));
                    None
                }
            }
        }
    };
    if let (Some(start), Some(months)) = (start_date, period_months) {
        if start.add_months(months).is_none() {
            r.push(
                Problem::new(join(path, "startDate"), "problem.date.range").with("value", start),
            );
        }
    }
    let budget = r
        .required(map, "budget", path)
        .and_then(|v| match money_from_json(v) {
            Ok(b) => Some(b),
            Err(e) => {
                r.push(Problem::new(join(path, "budget"), e.key()));
                None
            }
        });
    let weights = match map.get("weights") {
        None | Some(Value::Null) => Some(Weights::default()),
        Some(v) => {
            let at = join(path, "weights");
            let wmap = r.object(v, &at)?;
            let expert = r
                .required(wmap, "expert", &at)
                .and_then(|v| weight(r, v, &join(&at, "expert")));
            let parent = r
                .required(wmap, "parent", &at)
                .and_then(|v| weight(r, v, &join(&at, "parent")));
            match (expert, parent) {
                (Some(expert), Some(parent)) if expert + parent == Decimal::ONE => {
                    Some(Weights { expert, parent })
                }
                (Some(expert), Some(parent)) => {
                    r.push(
                        Problem::new(at, "problem.weight.sum")
                            .with("sum", (expert + parent).normalize()),
                    );
                    None
                }
                _ => None,
            }
        }
    };
    let policy = match map.get("policy") {
        None | Some(Value::Null) => Some(Policy::Fill),
        Some(Value::String(s)) if s == "fill" => Some(Policy::Fill),
        Some(Value::String(s)) if s == "strict" => Some(Policy::Strict),
        Some(_) => {
            r.push(Problem::new(join(path, "policy"), "problem.policy.unknown"));
            None
        }
    };
    let caps = match map.get("caps") {
        None | Some(Value::Null) => Some(CapPolicy::Trim),
        Some(Value::String(s)) if s == "trim" => Some(CapPolicy::Trim),
        Some(Value::String(s)) if s == "reject" => Some(CapPolicy::Reject),
        Some(_) => {
            r.push(Problem::new(
                join(path, "caps"),
                "problem.cap_policy.unknown",
            ));
            None
        }
    };
    if unknown {
        return None;
    }
    Some(Settings {
        start_date: start_date?,
        period_months: period_months?,
        budget: budget?,
        weights: weights?,
        policy: policy?,
        caps: caps?,
    })
}

fn read_child(
    r: &mut Reader,
    value: &Value,
    path: &str,
    reference: &ReferenceData,
    settings: Option<&Settings>,
) -> Option<Child> {
    let map = r.object(value, path)?;
    let id = r.id(map, path);
    let birth = r.required(map, "birth", path).and_then(|v| {
        let at = join(path, "birth");
        let text = r.text(v, &at, 16, false)?;
        let birth = YearMonth::parse(&text);
        if birth.is_none() {
            r.push(Problem::new(at, "problem.date.month_malformed").with("value", text));
        }
        birth
    });
    let municipality = r
        .required_text(map, "municipality", path, MAX_ID_LEN)
        .and_then(|code| {
            let at = join(path, "municipality");
            match reference.regions.municipality(&code) {
                None => {
                    r.push(Problem::new(at, "problem.municipality.unknown").with("code", code));
                    None
                }
                Some((_, m)) => {
                    let until = m.valid_until.as_deref().and_then(Date::parse);
                    if let (Some(until), Some(s)) = (until, settings) {
                        if s.start_date > until {
                            r.push(
                                Problem::new(at, "problem.municipality.expired")
                                    .with("code", &code)
                                    .with("until", until),
                            );
                            return None;
                        }
                    }
                    Some(code)
                }
            }
        });
    let target_group = r
        .required_text(map, "targetGroup", path, 8)
        .and_then(|code| {
            let tg = TargetGroup::from_code(&code);
            if tg.is_none() {
                r.push(
                    Problem::new(join(path, "targetGroup"), "problem.target_group.unknown")
                        .with("code", code),
                );
            }
            tg
        });
    if let (Some(birth), Some(s)) = (birth, settings) {
        let born = Date::new(birth.year, birth.month, 1);
        if born.is_some_and(|b| b > s.start_date) {
            r.push(Problem::new(
                join(path, "birth"),
                "problem.date.birth_after_start",
            ));
            return None;
        }
        let age = s.start_date.age_in_years(birth);
        if matches!(target_group, Some(TargetGroup::Ft | TargetGroup::Arp)) && age > 17 {
            r.push(Problem::new(join(path, "birth"), "problem.child.age").with("age", age));
        }
    }
    Some(Child {
        id: id?,
        birth: birth?,
        municipality: municipality?,
        target_group: target_group?,
    })
}

fn check_domain(r: &mut Reader, code: &str, path: &str, reference: &ReferenceData) -> bool {
    let known = reference.domains.domains.iter().any(|d| d.code == code);
    if !known {
        r.push(Problem::new(path, "problem.domain.unknown").with("code", code));
    }
    known
}

fn read_questionnaire(
    r: &mut Reader,
    value: &Value,
    path: &str,
    reference: &ReferenceData,
) -> Option<Questionnaire> {
    let map = r.object(value, path)?;
    let at = join(path, "goals");
    let items = r
        .required(map, "goals", path)
        .and_then(|v| r.array(v, &at))?;
    if items.is_empty() {
        r.push(Problem::new(&at, "problem.questionnaire.empty"));
    }
    let mut ids = BTreeSet::new();
    let mut goals = Vec::new();
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let gp = join(&at, i);
        let Some(g) = r.object(item, &gp) else {
            ok = false;
            continue;
        };
        let id = r.unique_id(g, &gp, &mut ids);
        let text = r.required_text(g, "text", &gp, MAX_TEXT_LEN);
        let life_domain = r
            .required_text(g, "lifeDomain", &gp, MAX_ID_LEN)
            .filter(|d| check_domain(r, d, &join(&gp, "lifeDomain"), reference));
        let importance = score(r, g, "importance", &gp);
        let performance = score(r, g, "performance", &gp);
        let satisfaction = score(r, g, "satisfaction", &gp);
        let review = match g.get("review") {
            None | Some(Value::Null) => Some(None),
            Some(v) => {
                let rp = join(&gp, "review");
                r.object(v, &rp).and_then(|rm| {
                    let p = score(r, rm, "performance", &rp);
                    let s = score(r, rm, "satisfaction", &rp);
                    Some(Some(Review {
                        performance: p?,
                        satisfaction: s?,
                    }))
                })
            }
        };
        match (
            id,
            text,
            life_domain,
            importance,
            performance,
            satisfaction,
            review,
        ) {
            (
                Some(id),
                Some(text),
                Some(life_domain),
                Some(importance),
                Some(performance),
                Some(satisfaction),
                Some(review),
            ) => goals.push(ParentGoal {
                id,
                text,
                life_domain,
                importance,
                performance,
                satisfaction,
                review,
            }),
            _ => ok = false,
        }
    }
    ok.then_some(Questionnaire { goals })
}

fn read_team(
    r: &mut Reader,
    value: &Value,
    path: &str,
    reference: &ReferenceData,
) -> Option<Vec<TeamMember>> {
    let items = r.array(value, path)?;
    let mut ids = BTreeSet::new();
    let mut members = Vec::new();
    let mut roles_present = BTreeSet::new();
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let mp = join(path, i);
        let Some(m) = r.object(item, &mp) else {
            ok = false;
            continue;
        };
        let id = r.unique_id(m, &mp, &mut ids);
        let role = r
            .required_text(m, "role", &mp, MAX_ID_LEN)
            .and_then(|code| {
                if reference.roles.roles.iter().any(|role| role.code == code) {
                    roles_present.insert(code.clone());
                    Some(code)
                } else {
                    r.push(
                        Problem::new(join(&mp, "role"), "problem.role.unknown").with("code", code),
                    );
                    None
                }
            });
        let name = r.optional_text(m, "name", &mp);
        let assessments = match m.get("assessments") {
            None | Some(Value::Null) => Some(Vec::new()),
            Some(v) => read_assessments(r, v, &join(&mp, "assessments"), reference),
        };
        match (id, role, assessments) {
            (Some(id), Some(role), Some(assessments)) => members.push(TeamMember {
                id,
                role,
                name,
                assessments,
            }),
            _ => ok = false,
        }
    }
    for role in reference.roles.roles.iter().filter(|role| role.mandatory) {
        if !roles_present.contains(&role.code) && ok {
            r.push(Problem::new(path, "problem.team.missing_role").with("role", &role.code));
            ok = false;
        }
    }
    ok.then_some(members)
}

fn read_assessments(
    r: &mut Reader,
    value: &Value,
    path: &str,
    reference: &ReferenceData,
) -> Option<Vec<Assessment>> {
    let items = r.array(value, path)?;
    let mut out = Vec::new();
    let mut domains = BTreeSet::new();
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let ap = join(path, i);
        let Some(a) = r.object(item, &ap) else {
            ok = false;
            continue;
        };
        let domain = r
            .required_text(a, "domain", &ap, MAX_ID_LEN)
            .filter(|d| check_domain(r, d, &join(&ap, "domain"), reference));
        if let Some(d) = &domain {
            if !domains.insert(d.clone()) {
                r.push(
                    Problem::new(join(&ap, "domain"), "problem.assessment.duplicate_domain")
                        .with("code", d),
                );
            }
        }
        let qualifier = r.required(a, "qualifier", &ap).and_then(|v| {
            let at = join(&ap, "qualifier");
            let q = r.integer(v, &at, 0, 9)?;
            match u8::try_from(q) {
                Ok(q) if ICF_QUALIFIERS.contains(&q) => Some(q),
                _ => {
                    r.push(Problem::new(at, "problem.qualifier.invalid").with("value", q));
                    None
                }
            }
        });
        let note = r.optional_text(a, "note", &ap);
        match (domain, qualifier) {
            (Some(domain), Some(qualifier)) => out.push(Assessment {
                domain,
                qualifier,
                note,
            }),
            _ => ok = false,
        }
    }
    ok.then_some(out)
}

fn read_goals(
    r: &mut Reader,
    value: &Value,
    path: &str,
    questionnaire: Option<&Questionnaire>,
) -> Option<Vec<TeamGoal>> {
    let items = r.array(value, path)?;
    let mut ids = BTreeSet::new();
    let mut goals = Vec::new();
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let gp = join(path, i);
        let Some(g) = r.object(item, &gp) else {
            ok = false;
            continue;
        };
        let id = r.unique_id(g, &gp, &mut ids);
        let term = r
            .required_text(g, "term", &gp, 16)
            .and_then(|t| match t.as_str() {
                "long" => Some(Term::Long),
                "short" => Some(Term::Short),
                _ => {
                    r.push(Problem::new(join(&gp, "term"), "problem.goal.term").with("value", t));
                    None
                }
            });
        let text = r.required_text(g, "text", &gp, MAX_TEXT_LEN);
        let parent_goals = match g.get("parentGoals") {
            None | Some(Value::Null) => Some(Vec::new()),
            Some(v) => {
                let pp = join(&gp, "parentGoals");
                r.array(v, &pp).and_then(|links| {
                    let mut out = Vec::new();
                    let mut fine = true;
                    for (k, link) in links.iter().enumerate() {
                        let lp = join(&pp, k);
                        match r.text(link, &lp, MAX_ID_LEN, false) {
                            Some(l) => {
                                let known = questionnaire
                                    .is_none_or(|q| q.goals.iter().any(|pg| pg.id == l));
                                if !known {
                                    r.push(
                                        Problem::new(lp, "problem.goal.unknown_parent_goal")
                                            .with("id", &l),
                                    );
                                    fine = false;
                                } else if !out.contains(&l) {
                                    out.push(l);
                                }
                            }
                            None => fine = false,
                        }
                    }
                    fine.then_some(out)
                })
            }
        };
        let levels = r.required(g, "levels", &gp).and_then(|v| {
            let lp = join(&gp, "levels");
            let items = r.array(v, &lp)?;
            let mut found: Vec<GasLevel> = Vec::new();
            let mut fine = true;
            for (k, item) in items.iter().enumerate() {
                let ip = join(&lp, k);
                let Some(lm) = r.object(item, &ip) else {
                    fine = false;
                    continue;
                };
                let level = r
                    .required(lm, "level", &ip)
                    .and_then(|v| gas_level(r, v, &join(&ip, "level")));
                let text = r.required_text(lm, "text", &ip, MAX_TEXT_LEN);
                match (level, text) {
                    (Some(level), Some(text)) => {
                        if found.iter().any(|l| l.level == level) {
                            r.push(
                                Problem::new(join(&ip, "level"), "problem.gas.level_duplicate")
                                    .with("level", level),
                            );
                            fine = false;
                        } else {
                            found.push(GasLevel { level, text });
                        }
                    }
                    _ => fine = false,
                }
            }
            if fine && found.len() != 5 {
                r.push(Problem::new(lp, "problem.gas.levels_incomplete"));
                fine = false;
            }
            super::order::sort_by_key(&mut found, |l| l.level);
            fine.then_some(found)
        });
        let baseline = r
            .required(g, "baseline", &gp)
            .and_then(|v| gas_level(r, v, &join(&gp, "baseline")));
        let attained = match g.get("attained") {
            None | Some(Value::Null) => Some(None),
            Some(v) => gas_level(r, v, &join(&gp, "attained")).map(Some),
        };
        let weight = match g.get("weight") {
            None | Some(Value::Null) => Some(1),
            Some(v) => r
                .integer(v, &join(&gp, "weight"), 1, 100)
                .and_then(|w| u32::try_from(w).ok()),
        };
        match (
            id,
            term,
            text,
            parent_goals,
            levels,
            baseline,
            attained,
            weight,
        ) {
            (
                Some(id),
                Some(term),
                Some(text),
                Some(parent_goals),
                Some(levels),
                Some(baseline),
                Some(attained),
                Some(weight),
            ) => goals.push(TeamGoal {
                id,
                term,
                text,
                parent_goals,
                levels,
                baseline,
                attained,
                weight,
            }),
            _ => ok = false,
        }
    }
    ok.then_some(goals)
}

fn read_services(
    r: &mut Reader,
    value: &Value,
    path: &str,
    reference: &ReferenceData,
    child: Option<&Child>,
    settings: Option<&Settings>,
    linked: &Linked,
) -> Option<Vec<ServiceRequest>> {
    let Linked {
        team_goals,
        parents,
    } = *linked;
    let follow = parents.follow;
    let items = r.array(value, path)?;
    if items.is_empty() {
        r.push(Problem::new(path, "problem.services.empty"));
        return None;
    }
    let n = i64::try_from(items.len()).unwrap_or(i64::MAX);
    let mut codes = BTreeSet::new();
    let mut expert_seen = BTreeSet::new();
    let mut parent_seen = BTreeSet::new();
    let mut expert_bad = false;
    let mut parent_bad = false;
    let mut unranked: Vec<String> = Vec::new();
    let mut by_expert_rank: Vec<(u32, String)> = Vec::new();
    let mut out = Vec::new();
    let mut ok = true;
    for (i, item) in items.iter().enumerate() {
        let sp = join(path, i);
        let Some(s) = r.object(item, &sp) else {
            ok = false;
            continue;
        };
        let code = r.required_text(s, "code", &sp, MAX_ID_LEN);
        let service = code.as_ref().and_then(|c| {
            let found = reference.catalogue.service(c);
            if found.is_none() {
                r.push(Problem::new(join(&sp, "code"), "problem.service.unknown").with("code", c));
            }
            found
        });
        if let Some(c) = &code {
            if !codes.insert(c.clone()) {
                r.push(
                    Problem::new(join(&sp, "code"), "problem.service.duplicate").with("code", c),
                );
                ok = false;
            }
        }
        if let (Some(service), Some(child)) = (service, child) {
            if !service.target_groups.contains(&child.target_group) {
                r.push(
                    Problem::new(join(&sp, "code"), "problem.service.target_group")
                        .with("code", &service.code)
                        .with("group", child.target_group.code()),
                );
                ok = false;
            }
        }
        let quantity = r.required(s, "quantity", &sp).and_then(|v| {
            let at = join(&sp, "quantity");
            match v {
                Value::Number(num) if num.as_f64().is_some_and(|f| f.fract() != 0.0) => {
                    r.push(Problem::new(at, "problem.quantity.not_integer").with("value", num));
                    None
                }
                Value::Number(num) if num.as_f64().is_some_and(|f| f <= 0.0) => {
                    r.push(Problem::new(at, "problem.quantity.not_positive").with("value", num));
                    None
                }
                Value::Number(num) => match num.as_i64() {
                    Some(q) if q <= MAX_QUANTITY => u64::try_from(q).ok(),
                    _ => {
                        r.push(
                            Problem::new(at, "problem.quantity.too_large")
                                .with("max", MAX_QUANTITY),
                        );
                        None
                    }
                },
                other if is_blank(other) => {
                    r.push(Problem::new(at, "problem.text.empty"));
                    None
                }
                other => {
                    r.push(Problem::new(at, "problem.type.integer").with("found", kind(other)));
                    None
                }
            }
        });
        if let (Some(q), Some(service), Some(child), Some(settings)) =
            (quantity, service, child, settings)
        {
            if settings.caps == CapPolicy::Reject {
                if let Some(cap) = crate::engine::allocate::cap_for(service, child, settings) {
                    if q > cap {
                        r.push(
                            Problem::new(join(&sp, "quantity"), "problem.quantity.over_cap")
                                .with("cap", cap)
                                .with("quantity", q),
                        );
                    }
                }
            }
        }
        let mut rank = |key: &str, seen: &mut BTreeSet<i64>, bad: &mut bool| -> Option<u32> {
            let at = join(&sp, key);
            let v = r.required(s, key, &sp);
            let Some(v) = v else {
                *bad = true;
                return None;
            };
            let Some(k) = r.integer(v, &at, 1, n) else {
                *bad = true;
                return None;
            };
            if !seen.insert(k) {
                r.push(Problem::new(at, "problem.rank.duplicate").with("value", k));
                *bad = true;
                return None;
            }
            u32::try_from(k).ok()
        };
        let expert_rank = rank("expertRank", &mut expert_seen, &mut expert_bad);
        // Following the experts, the parents' rank is the experts' rank; otherwise a
        // service without one is not ranked yet (reported below, not as a missing field).
        let parent_rank = if follow {
            expert_rank
        } else if matches!(s.get("parentRank"), None | Some(Value::Null)) {
            unranked.push(code.clone().unwrap_or_default());
            None
        } else {
            rank("parentRank", &mut parent_seen, &mut parent_bad)
        };
        let goals = read_service_goals(r, s, &sp, team_goals);
        let note = r.optional_text(s, "note", &sp);
        if let (Some(c), Some(e)) = (&code, expert_rank) {
            by_expert_rank.push((e, c.clone()));
        }
        match (code, service, quantity, expert_rank, parent_rank, goals) {
            (
                Some(code),
                Some(_),
                Some(quantity),
                Some(expert_rank),
                Some(parent_rank),
                Some(goals),
            ) => out.push(ServiceRequest {
                code,
                quantity,
                expert_rank,
                parent_rank,
                goals,
                note,
            }),
            _ => ok = false,
        }
    }
    let settled = follow || unranked.len() < items.len();
    if !settled {
        r.push(Problem::new("/parentsOrder", "problem.parents.not_ranked"));
        ok = false;
    }
    let mut added = Vec::new();
    if let (true, false, Some(seen)) = (settled, expert_bad, parents.seen.as_ref()) {
        super::order::sort_by_key(&mut by_expert_rank, |(e, _)| *e);
        let now: Vec<String> = by_expert_rank.into_iter().map(|(_, c)| c).collect();
        added = now.iter().filter(|c| !seen.contains(c)).cloned().collect();
        report_list_changes(r, seen, &now);
    }
    let unplaced: Vec<String> = unranked
        .iter()
        .filter(|c| !added.contains(c))
        .cloned()
        .collect();
    if settled && !unplaced.is_empty() {
        r.push(
            Problem::new("/parentsOrder", "problem.parents.incomplete")
                .with("codes", unplaced.join(", ")),
        );
    }
    if expert_bad {
        r.push(
            Problem::new(path, "problem.rank.not_permutation")
                .with("ranking", "expert")
                .with("count", n),
        );
    }
    if parent_bad {
        r.push(
            Problem::new(path, "problem.rank.not_permutation")
                .with("ranking", "parent")
                .with("count", n),
        );
    }
    (ok && !expert_bad && !parent_bad).then_some(out)
}

/// Reads a service's optional links to the team's goals (`goals`: goal ids); each must
/// name a goal of the case. A repeated id is kept once.
fn read_service_goals(
    r: &mut Reader,
    s: &Map<String, Value>,
    sp: &str,
    team_goals: Option<&[TeamGoal]>,
) -> Option<Vec<String>> {
    let v = match s.get("goals") {
        None | Some(Value::Null) => return Some(Vec::new()),
        Some(v) => v,
    };
    let gp = join(sp, "goals");
    let links = r.array(v, &gp)?;
    let mut out = Vec::new();
    let mut fine = true;
    for (k, link) in links.iter().enumerate() {
        let lp = join(&gp, k);
        let Some(id) = r.text(link, &lp, MAX_ID_LEN, false) else {
            fine = false;
            continue;
        };
        if !team_goals.is_none_or(|goals| goals.iter().any(|g| g.id == id)) {
            r.push(Problem::new(lp, "problem.service.unknown_goal").with("id", &id));
            fine = false;
        } else if !out.contains(&id) {
            out.push(id);
        }
    }
    fine.then_some(out)
}
