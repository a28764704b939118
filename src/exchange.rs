//! The parents' part of a case, as pure functions over the raw case JSON: adding and
//! removing questionnaire goals, the parents' order of the experts' service list (which
//! only the parents fill in: not ranked yet, ranked, or the recorded decision to follow
//! the experts' order; needing a look after the experts' list changed — the rule itself
//! is the engine's, `engine::validate`), the goals each service serves, and the two
//! files exchanged with parents who work on their own device:
//!
//! - `ib-planner-answers/1`: the questionnaire only (no other case data);
//! - `ib-planner-ranking/1`: the experts' list (codes, names, quantities, ranks), which
//!   the parents rank and send back; importing it sets only the parents' ranks.
//!
//! Reading a file never panics and never changes the case: it yields either a plan of
//! what an import would do (shown to the user for confirmation) or an error with a
//! message key. Tested natively (`tests/exchange.rs`).

use crate::draft::{push_at, remove_at, set_at, text_of};
use crate::engine::json::{parse_strict, StrictJsonError, DUPLICATE_KEY};
use crate::engine::reference::Catalogue;
use crate::i18n::{t, Lang};
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// The format tag of a questionnaire answers file.
pub const ANSWERS_FORMAT: &str = "ib-planner-answers/1";
/// The format tag of a parents' ranking file.
pub const RANKING_FORMAT: &str = "ib-planner-ranking/1";
/// Files larger than this are refused before parsing (a real file is a few kilobytes).
pub const MAX_FILE_CHARS: usize = 2 * 1024 * 1024;
/// At most this many goals in an answers file.
pub const MAX_GOALS: usize = 100;
/// At most this many services in a ranking file.
pub const MAX_SERVICES: usize = 500;

/// The keys of a parents' goal that an answers file carries; anything else is dropped.
const GOAL_KEYS: [&str; 7] = [
    "id",
    "text",
    "lifeDomain",
    "importance",
    "performance",
    "satisfaction",
    "review",
];

/// Why a file could not be imported. Nothing in the case changes when this is returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExchangeError {
    /// The file is too large to be one of ours.
    TooLarge,
    /// The chosen file is larger than an exchange file may be; it was not read.
    FileTooLarge(crate::files::TooLarge),
    /// Not JSON: truncated, damaged or not a text file.
    NotJson,
    /// JSON in which an object repeats a member name: the pointer of the repeat.
    DuplicateKey(String),
    /// JSON, but not a file of this app.
    Foreign,
    /// A file of this app, but of the other kind (answers vs ranking) or a case/plan.
    OtherKind,
    /// A newer version of the format than this app knows.
    Newer(String),
    /// The right format tag, but the contents are not as the format says.
    Malformed,
    /// The file's service codes differ from the case's list.
    CodesDiffer {
        /// Codes in the file that are not on the case's list.
        unknown: Vec<String>,
        /// Codes on the case's list that are not in the file.
        missing: Vec<String>,
    },
    /// A service code appears more than once (in the file or on the case's list).
    DuplicateCodes(Vec<String>),
    /// The parents' ranks in the file are not the numbers 1..n, each once.
    RanksInvalid,
}

impl ExchangeError {
    /// The message key that explains this error.
    pub fn key(&self) -> &'static str {
        match self {
            ExchangeError::TooLarge => "exchange.error.too_large",
            ExchangeError::FileTooLarge(too_large) => too_large.kind.too_large_key(),
            ExchangeError::NotJson => "exchange.error.not_json",
            ExchangeError::DuplicateKey(_) => DUPLICATE_KEY,
            ExchangeError::Foreign => "exchange.error.foreign",
            ExchangeError::OtherKind => "exchange.error.other_kind",
            ExchangeError::Newer(_) => "exchange.error.newer",
            ExchangeError::Malformed => "exchange.error.malformed",
            ExchangeError::CodesDiffer { .. } => "exchange.error.codes_differ",
            ExchangeError::DuplicateCodes(_) => "exchange.error.duplicate_codes",
            ExchangeError::RanksInvalid => "exchange.error.ranks_invalid",
        }
    }

    /// The message's `{name}` parameters. Lists are joined with ", "; an empty list is "—".
    pub fn params(&self) -> Vec<(&'static str, String)> {
        fn list(codes: &[String]) -> String {
            if codes.is_empty() {
                "—".to_string()
            } else {
                codes.join(", ")
            }
        }
        match self {
            ExchangeError::Newer(format) => vec![("format", format.clone())],
            ExchangeError::DuplicateKey(pointer) => vec![("pointer", pointer.clone())],
            ExchangeError::CodesDiffer { unknown, missing } => {
                vec![("unknown", list(unknown)), ("missing", list(missing))]
            }
            ExchangeError::DuplicateCodes(codes) => vec![("codes", list(codes))],
            ExchangeError::FileTooLarge(too_large) => vec![
                ("size", too_large.size_text()),
                ("limit", too_large.limit_text()),
            ],
            _ => Vec::new(),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Questionnaire goals

/// The goals of the questionnaire (empty when missing or not a list).
pub fn goals(case: &Value) -> &[Value] {
    case.pointer("/questionnaire/goals")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

/// An id for a new parents' goal: `PG` and one more than the highest `PG<number>` in use.
pub fn next_goal_id(case: &Value) -> String {
    let used: Vec<&str> = goals(case)
        .iter()
        .filter_map(|g| g.get("id").and_then(Value::as_str))
        .collect();
    let highest = used
        .iter()
        .filter_map(|id| id.strip_prefix("PG"))
        .filter_map(|n| n.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    let mut n = highest.saturating_add(1);
    while used.contains(&format!("PG{n}").as_str()) {
        n = n.saturating_add(1);
    }
    format!("PG{n}")
}

/// Appends an empty goal with a fresh id; returns its index. `None` when the case's
/// questionnaire is not an object with a goal list (nothing changes then).
pub fn add_goal(case: &mut Value) -> Option<usize> {
    let id = next_goal_id(case);
    if case
        .pointer("/questionnaire")
        .is_some_and(|q| !q.is_object())
    {
        return None;
    }
    push_at(
        case,
        "/questionnaire/goals",
        json!({ "id": id, "text": "", "lifeDomain": "" }),
    )
}

/// Removes goal `index`; `false` when there is no such goal.
pub fn remove_goal(case: &mut Value, index: usize) -> bool {
    remove_at(case, "/questionnaire/goals", index)
}

/// How many of the team's goals name the parents' goal `id`.
pub fn linked_team_goals(case: &Value, id: &str) -> usize {
    case.get("goals")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter(|g| {
                    g.get("parentGoals")
                        .and_then(Value::as_array)
                        .is_some_and(|ids| ids.iter().any(|x| x.as_str() == Some(id)))
                })
                .count()
        })
        .unwrap_or(0)
}

// ---------------------------------------------------------------------------------------
// Answers file

/// The answers file for a case: its questionnaire and nothing else, pretty-printed.
pub fn answers_file(case: &Value) -> String {
    let questionnaire = match case.get("questionnaire") {
        Some(q) if q.is_object() => q.clone(),
        _ => json!({ "goals": [] }),
    };
    let file = json!({ "format": ANSWERS_FORMAT, "questionnaire": questionnaire });
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Keeps a file-name part to the characters a file name may safely hold (letters, digits,
/// `-`, `_`); anything else becomes `_`. Empty when nothing is left.
fn file_name_part(text: &str) -> String {
    let part: String = text
        .trim()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if part.chars().all(|c| c == '_') {
        String::new()
    } else {
        part
    }
}

/// `stem-date.json`, or `prefix-stem-date.json` with a prefix; `date` is the day the file
/// is saved (`YYYY-MM-DD`, the user's local date).
fn dated_file_name(prefix: Option<&str>, stem: &str, date: &str) -> String {
    let mut parts: Vec<String> = Vec::with_capacity(3);
    if let Some(prefix) = prefix.map(file_name_part).filter(|p| !p.is_empty()) {
        parts.push(prefix);
    }
    parts.push(file_name_part(stem));
    let date = file_name_part(date);
    if !date.is_empty() {
        parts.push(date);
    }
    format!("{}.json", parts.join("-"))
}

/// The name of an answers file saved on `date`: `anketa-2026-12-01.json` (English:
/// `questionnaire-2026-12-01.json`). The team's export of a case's answers puts the
/// case's pseudonym in front (`CESIS-2025-017-anketa-2026-12-01.json`); the parents'
/// own has none. Never the device's internal id.
pub fn answers_file_name(lang: Lang, date: &str, pseudonym: Option<&str>) -> String {
    dated_file_name(pseudonym, t(lang, "wayin.file.answers"), date)
}

/// The name of the ranking file the parents send back, saved on `date`:
/// `prioritates-2026-12-01.json` (English: `priorities-2026-12-01.json`).
pub fn parents_ranking_file_name(lang: Lang, date: &str) -> String {
    dated_file_name(None, t(lang, "wayin.file.ranking"), date)
}

/// Parses file text as JSON and checks its format tag against `expected`.
fn parse_tagged(text: &str, expected: &str) -> Result<Map<String, Value>, ExchangeError> {
    if text.len() > MAX_FILE_CHARS {
        return Err(ExchangeError::TooLarge);
    }
    let value = parse_strict(text).map_err(|e| match e {
        StrictJsonError::Syntax(_) => ExchangeError::NotJson,
        StrictJsonError::Duplicate(d) => ExchangeError::DuplicateKey(d.pointer),
    })?;
    let Value::Object(map) = value else {
        return Err(ExchangeError::Foreign);
    };
    let format = map.get("format").and_then(Value::as_str).unwrap_or("");
    if format == expected {
        return Ok(map);
    }
    let (family, _) = expected.split_once('/').unwrap_or((expected, ""));
    if let Some(version) = format
        .strip_prefix(family)
        .and_then(|rest| rest.strip_prefix('/'))
    {
        return Err(match version.parse::<u32>() {
            Ok(v) if v > 1 => ExchangeError::Newer(format.to_string()),
            _ => ExchangeError::Malformed,
        });
    }
    let ours = format.starts_with("ib-planner-")
        || format.starts_with("ib-plan/")
        || map
            .get("schema")
            .and_then(Value::as_str)
            .is_some_and(|s| s.starts_with("ib-case/") || s.starts_with("ib-plan/"));
    Err(if ours {
        ExchangeError::OtherKind
    } else {
        ExchangeError::Foreign
    })
}

/// Reads an answers file: the questionnaire it carries, with each goal reduced to the
/// goal keys (nothing else is imported). The values are not judged here: after the
/// import the engine reports any problem on the questionnaire's pages, as for typing.
pub fn read_answers(text: &str) -> Result<Value, ExchangeError> {
    let map = parse_tagged(text, ANSWERS_FORMAT)?;
    let items = map
        .get("questionnaire")
        .and_then(|q| q.get("goals"))
        .and_then(Value::as_array)
        .ok_or(ExchangeError::Malformed)?;
    if items.len() > MAX_GOALS {
        return Err(ExchangeError::Malformed);
    }
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let goal = item.as_object().ok_or(ExchangeError::Malformed)?;
        let mut kept = Map::new();
        for (k, v) in goal {
            if GOAL_KEYS.contains(&k.as_str()) {
                kept.insert(k.clone(), v.clone());
            }
        }
        out.push(Value::Object(kept));
    }
    Ok(json!({ "goals": out }))
}

/// Replaces the case's questionnaire with an imported one.
pub fn replace_questionnaire(case: &mut Value, questionnaire: Value) -> bool {
    set_at(case, "/questionnaire", questionnaire)
}

// ---------------------------------------------------------------------------------------
// The parents' order

/// The services of the experts' list (empty when missing or not a list).
pub fn services(case: &Value) -> &[Value] {
    case.get("services")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

/// A rank value as a position 1..=n, if it is one.
fn rank_of(value: Option<&Value>, n: usize) -> Option<usize> {
    let k = value?.as_u64()?;
    let k = usize::try_from(k).ok()?;
    (1..=n).contains(&k).then_some(k)
}

/// The list's indexes ordered by the rank at `key`: items with a valid, not yet taken
/// rank first (by rank), then the others in `fallback` order.
fn order_by(items: &[Value], key: &str, fallback: &[usize]) -> Vec<usize> {
    let n = items.len();
    let mut taken = BTreeMap::new();
    for (i, item) in items.iter().enumerate() {
        if let Some(k) = rank_of(item.get(key), n) {
            taken.entry(k).or_insert(i);
        }
    }
    let mut order: Vec<usize> = taken.values().copied().collect();
    let mut ranked = vec![false; n];
    for &i in &order {
        ranked[i] = true;
    }
    order.extend(
        fallback
            .iter()
            .copied()
            .filter(|&i| !ranked.get(i).copied().unwrap_or(false)),
    );
    order
}

/// The list's indexes in the experts' order (items without a valid rank at the end, in
/// list order).
pub fn experts_order(items: &[Value]) -> Vec<usize> {
    let list: Vec<usize> = (0..items.len()).collect();
    order_by(items, "expertRank", &list)
}

/// The list's indexes in the parents' order: by `parentRank`; items without a valid one
/// at the end, in the experts' order.
pub fn parents_order(items: &[Value]) -> Vec<usize> {
    order_by(items, "parentRank", &experts_order(items))
}

/// Whether every item has a parents' rank and together they are 1..n, each once.
pub fn parent_ranks_complete(items: &[Value]) -> bool {
    let n = items.len();
    let mut seen = vec![false; n + 1];
    for rank in items.iter().filter_map(|s| rank_of(s.get("parentRank"), n)) {
        seen[rank] = true;
    }
    seen.iter().skip(1).all(|&s| s)
}

/// Writes `parentRank` = position + 1 for the indexes in `order`.
fn write_parent_ranks(case: &mut Value, order: &[usize]) -> bool {
    let Some(items) = case.get_mut("services").and_then(Value::as_array_mut) else {
        return false;
    };
    for (position, &i) in order.iter().enumerate() {
        if let Some(Value::Object(item)) = items.get_mut(i) {
            item.insert("parentRank".to_string(), Value::from(position + 1));
        }
    }
    true
}

/// Moves the service at position `from` of the parents' order to position `to` (adjacent
/// positions swap) and writes the whole shown order as the parents' ranks, so they stay a
/// permutation of 1..n. This is the parents ranking: it withdraws a recorded
/// follow-the-experts decision and settles the order on the experts' list as it now is
/// (see [`mark_seen`]). `false` (nothing changed) when a position is out of range.
pub fn move_in_parents_order(case: &mut Value, from: usize, to: usize) -> bool {
    let mut order = parents_order(services(case));
    if from >= order.len() || to >= order.len() {
        return false;
    }
    let item = order.remove(from);
    order.insert(to, item);
    write_parent_ranks(case, &order) && settle_ranked(case)
}

/// Sets every parents' rank from the experts' order (the parents' reset to the experts'
/// order, an act of ranking like a move).
pub fn start_from_experts(case: &mut Value) -> bool {
    let order = experts_order(services(case));
    write_parent_ranks(case, &order) && settle_ranked(case)
}

/// After the parents ranked: no follow-the-experts decision, and the list seen.
fn settle_ranked(case: &mut Value) -> bool {
    if let Some(Value::Object(order)) = case.get_mut("parentsOrder") {
        order.remove("followExperts");
    }
    mark_seen(case)
}

/// The service codes in the experts' order.
pub fn experts_codes(case: &Value) -> Vec<String> {
    let items = services(case);
    experts_order(items)
        .into_iter()
        .filter_map(|i| items.get(i))
        .map(|s| text_of(s.get("code")))
        .collect()
}

/// Records the experts' order as it now is as the one the parents' order was settled on
/// (`/parentsOrder/expertsOrderSeen`); a later change to the experts' list then makes the
/// parents' order need a look (the engine's `problem.parents.added` / `.removed` /
/// `.moved`). `false` when the case is not an object.
pub fn mark_seen(case: &mut Value) -> bool {
    let codes = experts_codes(case);
    let Some(root) = case.as_object_mut() else {
        return false;
    };
    let order = root
        .entry("parentsOrder")
        .or_insert_with(|| Value::Object(Map::new()));
    if !order.is_object() {
        *order = Value::Object(Map::new());
    }
    if let Value::Object(order) = order {
        order.insert(
            "expertsOrderSeen".into(),
            Value::Array(codes.into_iter().map(Value::String).collect()),
        );
    }
    true
}

/// To call before the experts change their list (add, move, remove): when the parents'
/// order is settled (some parents' rank, or the follow-the-experts decision) but no seen
/// list is recorded — a case stored before there was one, or the example case — records
/// the experts' order as it is before the change, so the change is noticed. `false` when
/// nothing needed recording.
pub fn note_before_list_change(case: &mut Value) -> bool {
    let settled = follow_experts(case).is_some()
        || services(case)
            .iter()
            .any(|s| s.get("parentRank").is_some_and(|r| !r.is_null()));
    let seen = case
        .pointer("/parentsOrder/expertsOrderSeen")
        .is_some_and(|v| !v.is_null());
    settled && !seen && mark_seen(case)
}

/// The parents (or the team on their behalf) confirm their order after the experts'
/// list changed: the order as shown (services not yet placed at the end, in the experts'
/// order) becomes the parents' ranks, unless they follow the experts' order, and the
/// list is marked as seen.
pub fn confirm_parents_order(case: &mut Value) -> bool {
    if follow_experts(case).is_some() {
        return mark_seen(case);
    }
    let order = parents_order(services(case));
    write_parent_ranks(case, &order) && mark_seen(case)
}

/// The recorded reason, when the parents chose to follow the experts' order.
pub fn follow_experts(case: &Value) -> Option<String> {
    let decision = case.pointer("/parentsOrder/followExperts")?;
    decision
        .is_object()
        .then(|| text_of(decision.get("reason")))
}

/// Records (`true`) or withdraws (`false`) that the parents chose to follow the experts'
/// order. Recording keeps a reason already typed and marks the list as seen; the
/// parents' own ranks are kept either way (not used while the decision stands), so
/// nothing is lost by changing one's mind.
pub fn set_follow_experts(case: &mut Value, follow: bool) -> bool {
    if follow {
        let reason = follow_experts(case).unwrap_or_default();
        mark_seen(case)
            && set_at(
                case,
                "/parentsOrder/followExperts",
                json!({ "reason": reason }),
            )
    } else {
        if let Some(Value::Object(order)) = case.get_mut("parentsOrder") {
            order.remove("followExperts");
        }
        true
    }
}

/// What changed in the experts' list since the parents' order was settled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListChange {
    /// A service added (it has no parents' place yet).
    Added,
    /// A service removed.
    Removed,
    /// A service moved in the experts' order.
    Moved,
    /// A service without a parents' place (not from a change the app saw).
    Unplaced,
}

impl ListChange {
    /// The message key that names a service with this change (`{name}`).
    pub fn key(self) -> &'static str {
        match self {
            ListChange::Added => "parents_order.change.added",
            ListChange::Removed => "parents_order.change.removed",
            ListChange::Moved => "parents_order.change.moved",
            ListChange::Unplaced => "parents_order.change.unplaced",
        }
    }
}

/// Where the parents' order of a case stands, read from the case and the engine's
/// problems (which hold the rule: `engine::validate`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OrderStatus {
    /// No services yet.
    NoServices,
    /// The parents have not ranked and no decision to follow the experts is recorded.
    NotRanked,
    /// Settled once, but the experts' list changed since: (service code, change) pairs.
    NeedsLook(Vec<(String, ListChange)>),
    /// The parents chose to follow the experts' order; `false` while its reason is
    /// missing or empty.
    FollowExperts(bool),
    /// The parents ranked every service.
    Ranked,
}

impl OrderStatus {
    /// Whether a final plan can be made as far as the parents' order goes.
    pub fn is_final(&self) -> bool {
        matches!(self, OrderStatus::Ranked | OrderStatus::FollowExperts(true))
    }
}

/// The status of a case's parents' order, given the engine's problems for it.
pub fn order_status(case: &Value, problems: &[crate::engine::problem::Problem]) -> OrderStatus {
    if services(case).is_empty() {
        return OrderStatus::NoServices;
    }
    let mut changes = Vec::new();
    for p in problems {
        let param = |name: &str| {
            p.params
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        match p.key.as_str() {
            "problem.parents.not_ranked" => return OrderStatus::NotRanked,
            "problem.parents.added" => changes.push((param("code"), ListChange::Added)),
            "problem.parents.removed" => changes.push((param("code"), ListChange::Removed)),
            "problem.parents.moved" => changes.push((param("code"), ListChange::Moved)),
            "problem.parents.incomplete" => {
                for code in param("codes").split(", ").filter(|c| !c.is_empty()) {
                    changes.push((code.to_string(), ListChange::Unplaced));
                }
            }
            _ => {}
        }
    }
    if !changes.is_empty() {
        return OrderStatus::NeedsLook(changes);
    }
    match follow_experts(case) {
        Some(reason) => OrderStatus::FollowExperts(
            !reason.trim().is_empty()
                && !problems
                    .iter()
                    .any(|p| p.path.starts_with("/parentsOrder/followExperts")),
        ),
        None => OrderStatus::Ranked,
    }
}

/// The goals a service of the experts' list serves, through its links to the team's
/// goals (`services[i].goals`) and theirs to the parents' goals (`goals[j].parentGoals`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ServedGoals {
    /// The parents' goals reached, in questionnaire order, as their text (the id when
    /// the text is empty).
    pub parents: Vec<String>,
    /// The team's goals the service is linked to (ids), in the team's order.
    pub team: Vec<String>,
}

/// The goals `service` (one item of `/services`) serves in `case`.
pub fn served_goals(case: &Value, service: &Value) -> ServedGoals {
    let links: Vec<String> = service
        .get("goals")
        .and_then(Value::as_array)
        .map(|ids| ids.iter().map(|id| text_of(Some(id))).collect())
        .unwrap_or_default();
    let team_goals = case.get("goals").and_then(Value::as_array);
    let mut served = ServedGoals::default();
    let mut parent_ids = Vec::new();
    for goal in team_goals.into_iter().flatten() {
        let id = text_of(goal.get("id"));
        if !links.contains(&id) {
            continue;
        }
        served.team.push(id);
        for pid in goal
            .get("parentGoals")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            parent_ids.push(text_of(Some(pid)));
        }
    }
    for goal in goals(case) {
        let id = text_of(goal.get("id"));
        if parent_ids.contains(&id) {
            let text = text_of(goal.get("text"));
            served
                .parents
                .push(if text.trim().is_empty() { id } else { text });
        }
    }
    served
}

// ---------------------------------------------------------------------------------------
// Ranking file

/// The ranking file for a case: each service's code, names in both languages (from the
/// catalogue, when the code is known), unit, quantity and both ranks — in the experts'
/// order, pretty-printed.
pub fn ranking_file(case: &Value, catalogue: &Catalogue) -> String {
    let items = services(case);
    let list: Vec<Value> = experts_order(items)
        .into_iter()
        .filter_map(|i| items.get(i))
        .map(|s| {
            let code = text_of(s.get("code"));
            let mut entry = Map::new();
            entry.insert("code".into(), Value::String(code.clone()));
            if let Some(service) = catalogue.service(&code) {
                entry.insert(
                    "name".into(),
                    json!({ "lv": service.name.lv, "en": service.name.en }),
                );
                entry.insert(
                    "unit".into(),
                    serde_json::to_value(service.unit).unwrap_or(Value::Null),
                );
            }
            for key in ["quantity", "expertRank", "parentRank"] {
                entry.insert(key.into(), s.get(key).cloned().unwrap_or(Value::Null));
            }
            Value::Object(entry)
        })
        .collect();
    let file = json!({ "format": RANKING_FORMAT, "services": list });
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// One service of a ranking file.
#[derive(Clone, Debug, PartialEq)]
pub struct RankingEntry {
    /// Service code.
    pub code: String,
    /// Quantity as in the file (used only when the case has no list yet).
    pub quantity: Value,
    /// Experts' rank as in the file (used only when the case has no list yet).
    pub expert_rank: Value,
    /// Parents' rank as in the file.
    pub parent_rank: Value,
}

/// Reads a ranking file.
pub fn read_ranking(text: &str) -> Result<Vec<RankingEntry>, ExchangeError> {
    let map = parse_tagged(text, RANKING_FORMAT)?;
    let items = map
        .get("services")
        .and_then(Value::as_array)
        .ok_or(ExchangeError::Malformed)?;
    if items.len() > MAX_SERVICES {
        return Err(ExchangeError::Malformed);
    }
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let code = item
            .get("code")
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|c| !c.is_empty() && c.len() <= 64)
            .ok_or(ExchangeError::Malformed)?;
        let field = |key: &str| item.get(key).cloned().unwrap_or(Value::Null);
        out.push(RankingEntry {
            code: code.to_string(),
            quantity: field("quantity"),
            expert_rank: field("expertRank"),
            parent_rank: field("parentRank"),
        });
    }
    Ok(out)
}

/// What importing a ranking file would do.
#[derive(Clone, Debug, PartialEq)]
pub enum RankingImport {
    /// Set the parents' rank of each listed service (index in the case's list, rank).
    SetParentRanks(Vec<(usize, u32)>),
    /// The case has no list yet (the parents' own device): create it from the file.
    CreateList(Vec<Value>),
}

impl RankingImport {
    /// How many services the import touches.
    pub fn len(&self) -> usize {
        match self {
            RankingImport::SetParentRanks(v) => v.len(),
            RankingImport::CreateList(v) => v.len(),
        }
    }

    /// Whether the import touches no service.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn duplicates<'a>(codes: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut seen = BTreeSet::new();
    let mut dup = BTreeSet::new();
    for c in codes {
        if !seen.insert(c) {
            dup.insert(c.to_string());
        }
    }
    dup.into_iter().collect()
}

/// Plans the import of a ranking file into a case. With a list on the case, the file's
/// codes must match it exactly and its parents' ranks must be 1..n, each once; only the
/// parents' ranks change. With no list yet, the file's list is taken as it is.
pub fn plan_ranking_import(
    case: &Value,
    entries: &[RankingEntry],
) -> Result<RankingImport, ExchangeError> {
    let dup = duplicates(entries.iter().map(|e| e.code.as_str()));
    if !dup.is_empty() {
        return Err(ExchangeError::DuplicateCodes(dup));
    }
    let items = services(case);
    if items.is_empty() {
        if entries.is_empty() {
            return Err(ExchangeError::Malformed);
        }
        let list = entries
            .iter()
            .map(|e| {
                let mut s = Map::new();
                s.insert("code".into(), Value::String(e.code.clone()));
                for (key, v) in [
                    ("quantity", &e.quantity),
                    ("expertRank", &e.expert_rank),
                    ("parentRank", &e.parent_rank),
                ] {
                    if !v.is_null() {
                        s.insert(key.into(), v.clone());
                    }
                }
                Value::Object(s)
            })
            .collect();
        return Ok(RankingImport::CreateList(list));
    }
    let case_codes: Vec<String> = items.iter().map(|s| text_of(s.get("code"))).collect();
    let dup = duplicates(case_codes.iter().map(String::as_str));
    if !dup.is_empty() {
        return Err(ExchangeError::DuplicateCodes(dup));
    }
    // Built by insertion: `collect` into a set would add another copy of the sort.
    let mut in_case = BTreeSet::new();
    for code in &case_codes {
        in_case.insert(code.as_str());
    }
    let mut in_file = BTreeSet::new();
    for entry in entries {
        in_file.insert(entry.code.as_str());
    }
    let unknown: Vec<String> = in_file
        .difference(&in_case)
        .map(|c| c.to_string())
        .collect();
    let missing: Vec<String> = in_case
        .difference(&in_file)
        .map(|c| c.to_string())
        .collect();
    if !unknown.is_empty() || !missing.is_empty() {
        return Err(ExchangeError::CodesDiffer { unknown, missing });
    }
    let n = entries.len();
    let mut seen = BTreeSet::new();
    let mut out = Vec::with_capacity(n);
    for e in entries {
        let rank = rank_of(Some(&e.parent_rank), n).ok_or(ExchangeError::RanksInvalid)?;
        if !seen.insert(rank) {
            return Err(ExchangeError::RanksInvalid);
        }
        let index = case_codes
            .iter()
            .position(|c| *c == e.code)
            .ok_or(ExchangeError::Malformed)?;
        out.push((
            index,
            u32::try_from(rank).map_err(|_| ExchangeError::RanksInvalid)?,
        ));
    }
    crate::engine::order::sort(&mut out);
    Ok(RankingImport::SetParentRanks(out))
}

/// Carries out a planned ranking import. Ranks from the parents withdraw a recorded
/// follow-the-experts decision and settle the order on the experts' list as it is.
pub fn apply_ranking_import(case: &mut Value, import: &RankingImport) -> bool {
    let applied = apply_import(case, import);
    if applied && parent_ranks_complete(services(case)) {
        settle_ranked(case);
    }
    applied
}

fn apply_import(case: &mut Value, import: &RankingImport) -> bool {
    match import {
        RankingImport::SetParentRanks(ranks) => {
            let Some(items) = case.get_mut("services").and_then(Value::as_array_mut) else {
                return false;
            };
            for (i, rank) in ranks {
                if let Some(Value::Object(item)) = items.get_mut(*i) {
                    item.insert("parentRank".to_string(), Value::from(*rank));
                }
            }
            true
        }
        RankingImport::CreateList(list) => set_at(case, "/services", Value::Array(list.clone())),
    }
}
