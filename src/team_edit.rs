//! Edits of the expert team's parts of a raw case: choosing specialists (members with
//! stable ids), recording ICF qualifiers per domain, and the team's GAS goals (new goals,
//! level descriptions kept in −2…+2 order, links to the parents' goals, T-scores).
//!
//! Pure functions over the raw case JSON (see [`crate::draft`]); the team screens call
//! them from event handlers. Nothing here panics on whatever a file or storage holds:
//! anything of an unexpected shape is left alone and reported as "could not" (`false`,
//! `None`).

use crate::draft::array_at;
use crate::engine::scales::gas_t_score;
use rust_decimal::Decimal;
use serde_json::{json, Value};

/// The GAS levels, in the order the screen shows them.
pub const GAS_LEVELS: [i64; 5] = [-2, -1, 0, 1, 2];

/// The ICF qualifiers a specialist can choose, in the order the screen shows them.
pub const QUALIFIERS: [u8; 7] = [0, 1, 2, 3, 4, 8, 9];

/// The short id prefix of a role's members ("PT" for physiotherapist, …).
pub fn role_prefix(role: &str) -> &'static str {
    match role {
        "social_worker" => "SW",
        "rehab_physician" => "RP",
        "occupational_therapist" => "OT",
        "physiotherapist" => "PT",
        "speech_therapist" => "ST",
        "audio_speech_therapist" => "AST",
        "psychiatrist" => "PSY",
        "psychologist" => "PSL",
        "other" => "OS",
        _ => "M",
    }
}

fn ids_in(list: Option<&Value>) -> Vec<String> {
    list.and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|m| m.get("id").and_then(Value::as_str))
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// A new id for a member of `role`, unique in the team: the role's prefix, then "2", "3",
/// … when that is already taken.
pub fn new_member_id(case: &Value, role: &str) -> String {
    let taken = ids_in(case.get("team"));
    let prefix = role_prefix(role);
    if !taken.iter().any(|t| t == prefix) {
        return prefix.to_string();
    }
    (2..)
        .map(|n| format!("{prefix}{n}"))
        .find(|id| !taken.contains(id))
        .unwrap_or_else(|| prefix.to_string())
}

/// The indexes of the team members with `role`.
pub fn members_with_role(case: &Value, role: &str) -> Vec<usize> {
    case.get("team")
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .enumerate()
                .filter(|(_, m)| m.get("role").and_then(Value::as_str) == Some(role))
                .map(|(i, _)| i)
                .collect()
        })
        .unwrap_or_default()
}

/// How many assessments the members with `role` have recorded in all.
pub fn assessments_of_role(case: &Value, role: &str) -> usize {
    members_with_role(case, role)
        .into_iter()
        .filter_map(|i| case.pointer(&format!("/team/{i}/assessments")))
        .filter_map(Value::as_array)
        .map(Vec::len)
        .sum()
}

/// Adds a member with `role` (a new id, no name, no assessments); returns its index.
pub fn add_member(case: &mut Value, role: &str) -> Option<usize> {
    let id = new_member_id(case, role);
    let team = array_at(case, "/team")?;
    team.push(json!({ "id": id, "role": role, "name": "", "assessments": [] }));
    Some(team.len() - 1)
}

/// Removes every member with `role`, with their assessments; returns how many.
pub fn remove_role(case: &mut Value, role: &str) -> usize {
    let Some(team) = case.get_mut("team").and_then(Value::as_array_mut) else {
        return 0;
    };
    let before = team.len();
    team.retain(|m| m.get("role").and_then(Value::as_str) != Some(role));
    before - team.len()
}

/// The index, within member `member`'s assessments, of the entry for `domain`.
pub fn assessment_index(case: &Value, member: usize, domain: &str) -> Option<usize> {
    case.pointer(&format!("/team/{member}/assessments"))?
        .as_array()?
        .iter()
        .position(|a| a.get("domain").and_then(Value::as_str) == Some(domain))
}

/// How many distinct `domains` member `member` has scored.
pub fn scored_count(case: &Value, member: usize, domains: &[&str]) -> usize {
    domains
        .iter()
        .filter(|d| assessment_index(case, member, d).is_some())
        .count()
}

/// Member `member`'s qualifier for `domain`, when it is one of [`QUALIFIERS`].
pub fn qualifier_of(case: &Value, member: usize, domain: &str) -> Option<u8> {
    let j = assessment_index(case, member, domain)?;
    case.pointer(&format!("/team/{member}/assessments/{j}/qualifier"))?
        .as_u64()
        .and_then(|q| u8::try_from(q).ok())
        .filter(|q| QUALIFIERS.contains(q))
}

/// What the team recorded for one domain, for the assessment grid's summary column:
/// how many members scored it, the lowest and highest severity (qualifiers 0–4), and how
/// many chose 8 (not specified) or 9 (not applicable), which are not severities and so
/// are counted apart rather than put into the range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct DomainSummary {
    /// Members who chose a qualifier for the domain.
    pub scored: usize,
    /// Members asked (the team).
    pub total: usize,
    /// The lowest severity chosen (0–4), if any.
    pub lowest: Option<u8>,
    /// The highest severity chosen (0–4), if any.
    pub highest: Option<u8>,
    /// Members who chose 8, not specified.
    pub not_specified: usize,
    /// Members who chose 9, not applicable.
    pub not_applicable: usize,
}

/// The summary of `domain` over the team members `members` (indexes into `/team`).
pub fn domain_summary(case: &Value, members: &[usize], domain: &str) -> DomainSummary {
    let mut summary = DomainSummary {
        total: members.len(),
        ..DomainSummary::default()
    };
    for q in members
        .iter()
        .filter_map(|m| qualifier_of(case, *m, domain))
    {
        summary.scored += 1;
        match q {
            8 => summary.not_specified += 1,
            9 => summary.not_applicable += 1,
            q => {
                summary.lowest = Some(summary.lowest.map_or(q, |l| l.min(q)));
                summary.highest = Some(summary.highest.map_or(q, |h| h.max(q)));
            }
        }
    }
    summary
}

/// Records member `member`'s qualifier for `domain`: `Some(q)` sets it (keeping any note;
/// a new entry is added when the domain was not scored), `None` removes the domain's
/// entry, so an unscored domain is simply absent. `false` when the member is missing or
/// their assessments are not a list.
pub fn set_qualifier(case: &mut Value, member: usize, domain: &str, qualifier: Option<u8>) -> bool {
    if case
        .pointer(&format!("/team/{member}"))
        .is_none_or(|m| !m.is_object())
    {
        return false;
    }
    let existing = assessment_index(case, member, domain);
    let Some(list) = array_at(case, &format!("/team/{member}/assessments")) else {
        return false;
    };
    match (qualifier, existing) {
        (Some(q), Some(j)) => match list.get_mut(j).and_then(Value::as_object_mut) {
            Some(entry) => {
                entry.insert("qualifier".into(), Value::from(q));
                true
            }
            None => false,
        },
        (Some(q), None) => {
            list.push(json!({ "domain": domain, "qualifier": q, "note": "" }));
            true
        }
        (None, Some(j)) => {
            list.remove(j);
            true
        }
        (None, None) => true,
    }
}

/// A new team goal with term `term`: a new id, empty text and level descriptions for
/// all five levels, baseline −1 and weight 1.
pub fn new_goal(case: &Value, term: &str) -> Value {
    let levels: Vec<Value> = GAS_LEVELS
        .iter()
        .map(|l| json!({ "level": l, "text": "" }))
        .collect();
    json!({
        "id": new_goal_id(case),
        "term": term,
        "text": "",
        "parentGoals": [],
        "levels": levels,
        "baseline": -1,
        "weight": 1
    })
}

/// A new goal id, unique in the case: "G" and one more than the largest "G<n>" in use.
pub fn new_goal_id(case: &Value) -> String {
    let taken = ids_in(case.get("goals"));
    let next = taken
        .iter()
        .filter_map(|id| id.strip_prefix('G').and_then(|n| n.parse::<u64>().ok()))
        .max()
        .map_or(1, |n| n.saturating_add(1));
    let first = format!("G{next}");
    if !taken.contains(&first) {
        return first;
    }
    (1u64..)
        .map(|n| format!("G{n}"))
        .find(|id| !taken.contains(id))
        .unwrap_or(first)
}

/// Adds a new goal; returns its index.
pub fn add_goal(case: &mut Value, term: &str) -> Option<usize> {
    let goal = new_goal(case, term);
    let goals = array_at(case, "/goals")?;
    goals.push(goal);
    Some(goals.len() - 1)
}

fn level_of(entry: &Value) -> Option<i64> {
    entry
        .get("level")
        .and_then(Value::as_i64)
        .filter(|l| GAS_LEVELS.contains(l))
}

/// Puts a goal's level descriptions in −2…+2 order, adding an empty description for each
/// missing level. Entries that are not a level −2…+2, or repeat one, are kept after the
/// five so that nothing typed is lost (the engine reports them). `false`, changing
/// nothing, when the goal's `levels` is there but not a list.
pub fn normalise_levels(goal: &mut Value) -> bool {
    let Some(map) = goal.as_object_mut() else {
        return false;
    };
    let current = match map.get("levels") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items.clone(),
        Some(_) => return false,
    };
    let mut ordered = Vec::with_capacity(5);
    let mut used = vec![false; current.len()];
    for level in GAS_LEVELS {
        match current
            .iter()
            .enumerate()
            .find(|(i, e)| !used[*i] && level_of(e) == Some(level))
        {
            Some((i, entry)) => {
                used[i] = true;
                ordered.push(entry.clone());
            }
            None => ordered.push(json!({ "level": level, "text": "" })),
        }
    }
    ordered.extend(
        current
            .into_iter()
            .zip(used)
            .filter(|(_, u)| !u)
            .map(|(e, _)| e),
    );
    map.insert("levels".into(), Value::Array(ordered));
    true
}

/// Normalises the levels of every goal of the case (see [`normalise_levels`]); returns
/// whether anything changed.
pub fn normalise_all_levels(case: &mut Value) -> bool {
    let Some(goals) = case.get_mut("goals").and_then(Value::as_array_mut) else {
        return false;
    };
    let mut changed = false;
    for goal in goals.iter_mut() {
        let before = goal.clone();
        if normalise_levels(goal) && *goal != before {
            changed = true;
        }
    }
    changed
}

/// Links goal `goal` to the parents' goal `parent` (`linked`) or unlinks it. Keeps the
/// order of the existing links; never adds a link twice.
pub fn set_parent_link(case: &mut Value, goal: usize, parent: &str, linked: bool) -> bool {
    if case
        .pointer(&format!("/goals/{goal}"))
        .is_none_or(|g| !g.is_object())
    {
        return false;
    }
    let Some(links) = array_at(case, &format!("/goals/{goal}/parentGoals")) else {
        return false;
    };
    let present = links.iter().any(|l| l.as_str() == Some(parent));
    if linked && !present {
        links.push(Value::String(parent.to_string()));
    } else if !linked {
        links.retain(|l| l.as_str() != Some(parent));
    }
    true
}

/// Removes every team goal's link to the parents' goal `parent` (for when the parents'
/// goal is deleted); returns how many links were removed.
pub fn unlink_parent_goal(case: &mut Value, parent: &str) -> usize {
    let Some(goals) = case.get_mut("goals").and_then(Value::as_array_mut) else {
        return 0;
    };
    let mut removed = 0;
    for links in goals
        .iter_mut()
        .filter_map(|g| g.get_mut("parentGoals"))
        .filter_map(Value::as_array_mut)
    {
        let before = links.len();
        links.retain(|l| l.as_str() != Some(parent));
        removed += before - links.len();
    }
    removed
}

/// The parents' goals of the questionnaire as (id, text), in their order.
pub fn parent_goals(case: &Value) -> Vec<(String, String)> {
    case.pointer("/questionnaire/goals")
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|g| {
                    let id = g.get("id").and_then(Value::as_str)?;
                    let text = g.get("text").and_then(Value::as_str).unwrap_or_default();
                    Some((id.to_string(), text.trim().to_string()))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The indexes of the goals with term `term` ("long" or "short"); a goal whose term is
/// anything else is listed with the long-term ones so it stays visible.
pub fn goals_of_term(case: &Value, term: &str) -> Vec<usize> {
    case.get("goals")
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .enumerate()
                .filter(|(_, g)| {
                    let t = g.get("term").and_then(Value::as_str);
                    match term {
                        "short" => t == Some("short"),
                        _ => t != Some("short"),
                    }
                })
                .map(|(i, _)| i)
                .collect()
        })
        .unwrap_or_default()
}

/// GAS T-scores of a set of goals, with and without their weights.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GasScore {
    /// How many goals went into the score.
    pub goals: usize,
    /// With every weight 1.
    pub unweighted: Decimal,
    /// With the goals' weights.
    pub weighted: Decimal,
}

/// What the goals screen shows about GAS: the baseline score of the goals with a valid
/// baseline and weight, the attained score of those with an attained level too, and how
/// many goals there are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GasView {
    /// All goals of the case.
    pub total: usize,
    /// T-scores of the baselines.
    pub baseline: Option<GasScore>,
    /// T-scores of the attained levels.
    pub attained: Option<GasScore>,
}

fn level_value(v: Option<&Value>) -> Option<i8> {
    v.and_then(Value::as_i64)
        .filter(|l| GAS_LEVELS.contains(l))
        .and_then(|l| i8::try_from(l).ok())
}

fn weight_value(v: Option<&Value>) -> Option<u32> {
    match v {
        None | Some(Value::Null) => Some(1),
        Some(v) => v
            .as_i64()
            .filter(|w| (1..=100).contains(w))
            .and_then(|w| u32::try_from(w).ok()),
    }
}

fn score(pairs: &[(i8, u32)]) -> Option<GasScore> {
    let levels: Vec<i8> = pairs.iter().map(|p| p.0).collect();
    let weights: Vec<u32> = pairs.iter().map(|p| p.1).collect();
    let ones = vec![1; levels.len()];
    Some(GasScore {
        goals: levels.len(),
        unweighted: gas_t_score(&levels, &ones)?,
        weighted: gas_t_score(&levels, &weights)?,
    })
}

/// The GAS summary of the raw goals (goals with an unreadable level or weight are left
/// out; the engine reports them).
pub fn gas_view(case: &Value) -> GasView {
    let goals: &[Value] = case
        .get("goals")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let mut baseline = Vec::new();
    let mut attained = Vec::new();
    for g in goals {
        let Some(w) = weight_value(g.get("weight")) else {
            continue;
        };
        if let Some(b) = level_value(g.get("baseline")) {
            baseline.push((b, w));
        }
        if let Some(a) = level_value(g.get("attained")) {
            attained.push((a, w));
        }
    }
    GasView {
        total: goals.len(),
        baseline: score(&baseline),
        attained: score(&attained),
    }
}

/// A score with two decimals in the language's style: "52,20" (Latvian) or "52.20".
pub fn format_score(latvian: bool, value: Decimal) -> String {
    let mut v = value;
    v.rescale(2);
    let text = v.to_string();
    if latvian {
        text.replace('.', ",")
    } else {
        text
    }
}
