//! The logic behind the services, settings and result screens, kept out of the UI so it is
//! tested natively: catalogue search, edits of the expert service list that keep both
//! rankings permutations, the weights shown as percentages, the plain-language reason of
//! each plan line (the one wording the plan, verify and print screens share: what was
//! left at its turn, what one more unit costs, the smallest change that would fund it,
//! the combined score with its parts), the "what if" comparison of two allocations, and the geometry of the
//! budget charts.
//!
//! Money stays exact: every amount and every chart coordinate here is a
//! [`rust_decimal::Decimal`]; the UI writes the coordinates into SVG as text.

use rust_decimal::{Decimal, RoundingStrategy};
use serde_json::{Map, Value};

use crate::engine::allocate::{allocate, Allocation, Line, NotFundedCause, Reason};
use crate::engine::case::{Case, Policy, Weights};
use crate::engine::explain::{explain_line, OneMore};
use crate::engine::problem::Problem;
use crate::engine::reference::{Caps, Catalogue, ReferenceData, Service, Unit};
use crate::engine::validate::validate_case;
use crate::i18n::{t, tf, Lang};

// ---------------------------------------------------------------------------------------
// Search

/// Lower-cases a text and drops the diacritics of Latvian (and common Latin) letters, so
/// "aprupe" matches "Aprūpe" and "ģimenes" matches "Gimenes".
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().map(latin_lowercase) {
        let plain = match c {
            'ā' | 'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ą' => 'a',
            'č' | 'ç' | 'ć' => 'c',
            'ď' => 'd',
            'ē' | 'é' | 'è' | 'ê' | 'ë' | 'ę' | 'ė' | 'ě' => 'e',
            'ģ' | 'ğ' => 'g',
            'ī' | 'í' | 'ì' | 'î' | 'ï' | 'į' => 'i',
            'ķ' => 'k',
            'ļ' | 'ł' | 'ľ' => 'l',
            'ņ' | 'ñ' | 'ń' | 'ň' => 'n',
            'ō' | 'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
            'ŗ' | 'ř' => 'r',
            'š' | 'ś' | 'ş' => 's',
            'ť' => 't',
            'ū' | 'ú' | 'ù' | 'û' | 'ü' | 'ų' | 'ů' => 'u',
            'ý' | 'ÿ' => 'y',
            'ž' | 'ź' | 'ż' => 'z',
            other => other,
        };
        out.push(plain);
    }
    out
}

/// The lower case of an ASCII, Latin-1 or Latin Extended-A letter (every Latvian letter is
/// one); any other character is returned as it is. The catalogue's names are written in
/// these letters only, so a wider table (the standard library's full Unicode one costs
/// about 20 kB of wasm) could not make a search find more.
fn latin_lowercase(c: char) -> char {
    let code = u32::from(c);
    let lower = match code {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => code + 0x20,
        // Latin Extended-A pairs capital and small letters: even-odd, then odd-even.
        0x100..=0x137 | 0x14A..=0x177 if code % 2 == 0 => code + 1,
        0x139..=0x148 | 0x179..=0x17E if code % 2 == 1 => code + 1,
        0x178 => 0xFF,
        _ => code,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// The services whose code, Latvian name or English name contain every word of `query`,
/// ignoring case and diacritics, in catalogue order. An empty query finds nothing.
pub fn search<'a>(catalogue: &'a Catalogue, query: &str) -> Vec<&'a Service> {
    let words: Vec<String> = fold(query)
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    catalogue
        .services
        .iter()
        .filter(|s| {
            let haystack = fold(&format!("{} {} {}", s.code, s.name.lv, s.name.en));
            words.iter().all(|w| haystack.contains(w.as_str()))
        })
        .collect()
}

/// A service's name in a language.
pub fn service_name(lang: Lang, service: &Service) -> &str {
    match lang {
        Lang::Lv => &service.name.lv,
        Lang::En => &service.name.en,
    }
}

// ---------------------------------------------------------------------------------------
// The expert service list (`/services` of a raw case)

fn rank_of(item: &Value, key: &str) -> Option<i64> {
    item.get(key).and_then(Value::as_i64)
}

/// Sets `expertRank` to the position (1-based) of every item, so the array order is the
/// experts' priority order.
pub fn renumber_expert_ranks(services: &mut [Value]) {
    for (i, item) in services.iter_mut().enumerate() {
        if let Some(map) = item.as_object_mut() {
            map.insert("expertRank".into(), Value::from(i + 1));
        }
    }
}

/// Renumbers the parents' ranks to 1..=k over the k items that have one, keeping the
/// parents' relative order (after a removal). Items without a usable rank (not placed by
/// the parents yet) stay without one: the parents' order is never filled in for them.
pub fn compact_parent_ranks(services: &mut [Value]) {
    let mut order: Vec<(usize, i64)> = services
        .iter()
        .enumerate()
        .filter_map(|(i, item)| rank_of(item, "parentRank").map(|rank| (i, rank)))
        .collect();
    crate::engine::order::sort_by_key(&mut order, |&(i, rank)| (rank, i));
    for (new_rank, (index, _)) in order.into_iter().enumerate() {
        if let Some(map) = services.get_mut(index).and_then(Value::as_object_mut) {
            map.insert("parentRank".into(), Value::from(new_rank + 1));
        }
    }
}

/// Whether a service code is already on the list.
pub fn contains_code(services: &[Value], code: &str) -> bool {
    services
        .iter()
        .any(|item| item.get("code").and_then(Value::as_str) == Some(code))
}

/// Appends a service at the end of the experts' order, with no quantity yet and no
/// parents' rank: only the parents place it in their order. Returns the new item's
/// index, or `None` when the code is already on the list.
pub fn add_service(services: &mut Vec<Value>, code: &str) -> Option<usize> {
    if contains_code(services, code) {
        return None;
    }
    let n = services.len() + 1;
    let mut item = Map::new();
    item.insert("code".into(), Value::from(code));
    item.insert("expertRank".into(), Value::from(n));
    services.push(Value::Object(item));
    Some(n - 1)
}

/// Swaps two items (each keeps its own parents' rank) and renumbers the experts' ranks.
/// `false`, changing nothing, when either index is out of range.
pub fn move_service(services: &mut [Value], from: usize, to: usize) -> bool {
    if from >= services.len() || to >= services.len() {
        return false;
    }
    services.swap(from, to);
    renumber_expert_ranks(services);
    true
}

/// Removes an item and renumbers the experts' ranks to 1..=n and the parents' ranks
/// (of the items that have one) to 1..=k, each keeping its relative order.
pub fn remove_service(services: &mut Vec<Value>, index: usize) -> bool {
    if index >= services.len() {
        return false;
    }
    services.remove(index);
    renumber_expert_ranks(services);
    compact_parent_ranks(services);
    true
}

/// Links (`linked`) or unlinks the service at `index` and the team's goal `goal`
/// (`services[index].goals`, ids kept once each; the member is dropped when empty).
/// `false` when there is no such service.
pub fn set_service_goal(services: &mut [Value], index: usize, goal: &str, linked: bool) -> bool {
    let Some(item) = services.get_mut(index).and_then(Value::as_object_mut) else {
        return false;
    };
    let mut ids: Vec<Value> = item
        .get("goals")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    ids.retain(|id| id.as_str() != Some(goal));
    if linked {
        ids.push(Value::from(goal));
    }
    if ids.is_empty() {
        item.remove("goals");
    } else {
        item.insert("goals".into(), Value::Array(ids));
    }
    true
}

// ---------------------------------------------------------------------------------------
// Numbers in words

/// A decimal in a language's style: `4,6` in Latvian, `4.6` in English; trailing zeros
/// dropped.
pub fn format_decimal(lang: Lang, value: Decimal) -> String {
    let text = value.normalize().to_string();
    match lang {
        Lang::Lv => text.replace('.', ","),
        Lang::En => text,
    }
}

/// A share in percent, e.g. `60 %` (with a no-break space).
pub fn format_percent(lang: Lang, percent: Decimal) -> String {
    format!("{}\u{a0}%", format_decimal(lang, percent))
}

/// The experts' weight (a decimal text such as "0.6") as a percentage, if it is one.
pub fn expert_percent(weight_text: &str) -> Option<Decimal> {
    let w = crate::engine::money::parse_decimal_text(weight_text.trim(), 4, 1).ok()?;
    (w <= Decimal::ONE).then(|| (w * Decimal::ONE_HUNDRED).normalize())
}

/// The two weight texts (experts, parents) for the experts' share in percent, e.g. 60 →
/// ("0.6", "0.4"). `None` outside 0–100 or with more precision than weights allow.
pub fn weights_for_percent(percent: Decimal) -> Option<(String, String)> {
    if percent < Decimal::ZERO || percent > Decimal::ONE_HUNDRED {
        return None;
    }
    let expert = (percent / Decimal::ONE_HUNDRED).normalize();
    if expert.scale() > 4 {
        return None;
    }
    let parent = (Decimal::ONE - expert).normalize();
    Some((expert.to_string(), parent.to_string()))
}

/// The experts' shares offered in the weights control: 0–100 % in 5 % steps, plus the
/// current share when it is not one of them.
pub fn percent_options(current: Option<Decimal>) -> Vec<Decimal> {
    let mut options: Vec<Decimal> = (0..=20).map(|i| Decimal::from(i * 5)).collect();
    if let Some(c) = current {
        if c >= Decimal::ZERO && c <= Decimal::ONE_HUNDRED && !options.contains(&c) {
            options.push(c);
            crate::engine::order::sort(&mut options);
        }
    }
    options
}

/// "experts 60 %, parents 40 %" for the experts' share in percent.
pub fn weights_in_words(lang: Lang, expert_percent: Decimal) -> String {
    let parent = Decimal::ONE_HUNDRED - expert_percent;
    tf(
        lang,
        "settings.weights.words",
        &[
            ("expert", &format_percent(lang, expert_percent)),
            ("parent", &format_percent(lang, parent)),
        ],
    )
}

/// The message-key stem of a unit.
pub fn unit_stem(unit: Unit) -> &'static str {
    match unit {
        Unit::Hour => "unit.hour",
        Unit::Session => "unit.session",
        Unit::Day => "unit.day",
        Unit::Day24 => "unit.day24",
        Unit::Month => "unit.month",
        Unit::Item => "unit.item",
    }
}

/// Whether a count takes the singular: English 1; Latvian numbers ending in 1 but not 11.
fn singular(lang: Lang, n: u64) -> bool {
    match lang {
        Lang::En => n == 1,
        Lang::Lv => n % 10 == 1 && n % 100 != 11,
    }
}

fn unit_key(unit: Unit, form: &str) -> String {
    format!("{}.{form}", unit_stem(unit))
}

/// The unit's name for "per unit" (singular): "session", "nodarbība".
pub fn unit_name(lang: Lang, unit: Unit) -> &'static str {
    t(lang, &unit_key(unit, "one"))
}

/// A count with its unit: "3 sessions", "21 nodarbība".
pub fn count_text(lang: Lang, unit: Unit, n: u64) -> String {
    let form = if singular(lang, n) { "one" } else { "many" };
    format!("{n} {}", t(lang, &unit_key(unit, form)))
}

/// A count with its unit after "of" / "no": "48 sessions", "48 nodarbībām".
pub fn of_count_text(lang: Lang, unit: Unit, n: u64) -> String {
    let form = if singular(lang, n) {
        "of_one"
    } else {
        "of_many"
    };
    format!("{n} {}", t(lang, &unit_key(unit, form)))
}

/// The caps of a service in words, e.g. "30 days a year"; `None` when it has none. For
/// weekly caps by age, only the band for `age` is described when the age is known.
pub fn caps_text(lang: Lang, unit: Unit, caps: &Caps, age: Option<i32>) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(n) = caps.per_period {
        parts.push(tf(
            lang,
            "caps.per_period",
            &[("count", &count_text(lang, unit, u64::from(n)))],
        ));
    }
    if let Some(n) = caps.per_year {
        parts.push(tf(
            lang,
            "caps.per_year",
            &[("count", &count_text(lang, unit, u64::from(n)))],
        ));
    }
    for band in &caps.per_week_by_age {
        let applies = age.is_none_or(|a| {
            i64::from(band.from_age) <= i64::from(a) && i64::from(a) <= i64::from(band.to_age)
        });
        if applies {
            parts.push(tf(
                lang,
                "caps.per_week_by_age",
                &[
                    ("count", &count_text(lang, unit, u64::from(band.units))),
                    ("from", &band.from_age.to_string()),
                    ("to", &band.to_age.to_string()),
                ],
            ));
        }
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

// ---------------------------------------------------------------------------------------
// Reasons and status

/// What happened to a line, in four kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Every requested unit funded.
    Full,
    /// Funded up to the service's cap.
    Capped,
    /// Some units funded; the budget ran out.
    Partly,
    /// Nothing funded.
    NotFunded,
}

impl Status {
    /// The status of a line's reason.
    pub fn of(reason: Reason) -> Status {
        match reason {
            Reason::FundedInFull => Status::Full,
            Reason::Capped { cap: 0 } => Status::NotFunded,
            Reason::Capped { .. } => Status::Capped,
            Reason::PartlyFunded { .. } => Status::Partly,
            Reason::NotFunded { .. } => Status::NotFunded,
        }
    }

    /// The short label's message key.
    pub fn key(self) -> &'static str {
        match self {
            Status::Full => "status.full",
            Status::Capped => "status.capped",
            Status::Partly => "status.partly",
            Status::NotFunded => "status.not_funded",
        }
    }

    /// A CSS class name for the status (always shown together with words).
    pub fn class(self) -> &'static str {
        match self {
            Status::Full => "status-full",
            Status::Capped => "status-capped",
            Status::Partly => "status-partly",
            Status::NotFunded => "status-none",
        }
    }
}

/// The unit after "one … costs" / "… cena" (`session` / `nodarbības`).
fn unit_for_price(lang: Lang, unit: Unit) -> &'static str {
    t(lang, &unit_key(unit, "of_one"))
}

/// A line named for a sentence: "6. Psychologist consultation", with the price list's
/// name when it has the service.
pub fn line_label(lang: Lang, line: &Line, catalogue: &Catalogue) -> String {
    let name = match catalogue.service(&line.code) {
        Some(service) => service_name(lang, service).to_string(),
        None => match lang {
            Lang::Lv => line.name.lv.clone(),
            Lang::En => line.name.en.clone(),
        },
    };
    format!("{}. {name}", line.position)
}

/// A count of points: "5 punkti", "1 point".
fn points_text(lang: Lang, n: u32) -> String {
    let key = if singular(lang, u64::from(n)) {
        "explain.points.one"
    } else {
        "explain.points.many"
    };
    tf(lang, key, &[("n", &n.to_string())])
}

/// The combined score of a line in one sentence with its parts, e.g. "Combined score:
/// experts rank 4 → 5 points × 60 % + parents rank 1 → 8 points × 40 % = 6.2".
pub fn score_text(lang: Lang, line: &Line, weights: &Weights) -> String {
    let place = |rank: u32| tf(lang, "explain.place", &[("n", &rank.to_string())]);
    let percent = |w: Decimal| format_percent(lang, w * Decimal::ONE_HUNDRED);
    tf(
        lang,
        "explain.score",
        &[
            ("expert_place", &place(line.expert_rank)),
            ("expert_points", &points_text(lang, line.expert_points)),
            ("expert_weight", &percent(weights.expert)),
            ("parent_place", &place(line.parent_rank)),
            ("parent_points", &points_text(lang, line.parent_points)),
            ("parent_weight", &percent(weights.parent)),
            ("score", &format_decimal(lang, line.score)),
        ],
    )
}

/// The words that explain one plan line. The plan, verify and print screens (and
/// `ibplan show`) all take them from [`line_explanation`], so a reason is worded once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineWords {
    /// What happened to the line.
    pub status: Status,
    /// Why, in one sentence: for a line short of funding, what was left when its turn
    /// came and what one unit costs; for a capped line, its limit.
    pub reason: String,
    /// Further sentences: what would change the outcome (the smallest budget increase,
    /// the line it would have to move above), that cheaper lines below were funded, that
    /// the strict policy stopped here, or that only the limit decides.
    pub details: Vec<String>,
    /// The combined score explained in one sentence.
    pub score: String,
}

impl LineWords {
    /// Every sentence, reason first, score last.
    pub fn sentences(&self) -> Vec<&str> {
        let mut out = vec![self.reason.as_str()];
        out.extend(self.details.iter().map(String::as_str));
        out.push(self.score.as_str());
        out
    }

    /// The reason and the details as one text (without the score): "Not funded: … .
    /// One unit would be funded with … ."
    pub fn reason_and_details(&self) -> String {
        let mut out = format!("{}.", self.reason.trim_end_matches('.'));
        for detail in &self.details {
            out.push(' ');
            out.push_str(detail);
        }
        out
    }

    /// Every sentence as one text, the score last.
    pub fn text(&self) -> String {
        format!("{} {}.", self.reason_and_details(), self.score)
    }
}

/// The smallest change that funds one more unit, in one sentence.
fn change_text(
    lang: Lang,
    line: &Line,
    more: &OneMore,
    lines: &[Line],
    catalogue: &Catalogue,
) -> Option<String> {
    let which = if line.funded_units == 0 {
        "one"
    } else {
        "more"
    };
    let unit = t(
        lang,
        &format!(
            "explain.unit.{}",
            unit_stem(line.unit).trim_start_matches("unit.")
        ),
    );
    let above = more
        .move_above
        .and_then(|j| lines.get(j))
        .map(|l| line_label(lang, l, catalogue));
    let increase = more
        .budget_increase
        .map(|d| crate::i18n::format_money(lang, d));
    let (how, args): (&str, Vec<(&str, String)>) = match (increase, above) {
        (Some(increase), Some(above)) => ("both", vec![("increase", increase), ("above", above)]),
        (Some(increase), None) => ("budget", vec![("increase", increase)]),
        (None, Some(above)) => ("move", vec![("above", above)]),
        (None, None) => return None,
    };
    let mut args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    args.push(("unit", unit));
    Some(tf(lang, &format!("explain.change.{which}.{how}"), &args))
}

/// The words that explain line `index` of `lines`, the allocation of `case` against
/// `catalogue` (see [`crate::engine::explain`]); `None` when there is no such line.
pub fn line_explanation(
    lang: Lang,
    case: &Case,
    catalogue: &Catalogue,
    lines: &[Line],
    index: usize,
) -> Option<LineWords> {
    let line = lines.get(index)?;
    let facts = explain_line(case, catalogue, lines, index)?;
    let age = Some(case.settings.start_date.age_in_years(case.child.birth));
    let rule = catalogue
        .service(&line.code)
        .and_then(|s| caps_text(lang, line.unit, &s.caps, age));
    let money = |d: Decimal| crate::i18n::format_money(lang, d);
    let left = money(facts.left_at_turn);
    let price = money(facts.unit_price);
    let unit = unit_for_price(lang, line.unit);
    let mut details = Vec::new();
    // A line short of funding: what else decided it, then the smallest change.
    let short = |details: &mut Vec<String>| {
        let strict = case.settings.policy == Policy::Strict;
        if strict && facts.stopped_at.is_none() && index + 1 < lines.len() {
            details.push(t(lang, "explain.strict_stop").to_string());
        } else if !strict && facts.funded_below {
            details.push(t(lang, "explain.funded_below").to_string());
        }
        if let Some(change) = facts
            .one_more
            .as_ref()
            .and_then(|more| change_text(lang, line, more, lines, catalogue))
        {
            details.push(change);
        }
    };
    let reason = match line.reason {
        Reason::FundedInFull => t(lang, "why.full").to_string(),
        Reason::PartlyFunded {
            funded_units,
            requested_units,
        } => {
            short(&mut details);
            tf(
                lang,
                "why.partly",
                &[
                    ("funded", &funded_units.to_string()),
                    (
                        "requested",
                        &of_count_text(lang, line.unit, requested_units),
                    ),
                    ("left", &left),
                    ("unit", unit),
                    ("price", &price),
                ],
            )
        }
        Reason::NotFunded {
            cause: NotFundedCause::StrictPolicy,
        } => {
            short(&mut details);
            let stop = facts
                .stopped_at
                .and_then(|j| lines.get(j))
                .map(|l| line_label(lang, l, catalogue))
                .unwrap_or_default();
            tf(lang, "why.none.strict", &[("stop", &stop), ("left", &left)])
        }
        Reason::NotFunded {
            cause: NotFundedCause::BudgetExhausted,
        } => {
            short(&mut details);
            tf(
                lang,
                "why.none.budget",
                &[("left", &left), ("unit", unit), ("price", &price)],
            )
        }
        Reason::Capped { cap: 0 } => {
            details.push(t(lang, "explain.cap_zero.rest").to_string());
            match rule {
                Some(rule) => tf(lang, "why.none.cap_zero.rule", &[("rule", &rule)]),
                None => t(lang, "why.none.cap_zero").to_string(),
            }
        }
        Reason::Capped { cap } => {
            let rest = line.quantity.saturating_sub(cap);
            details.push(tf(
                lang,
                "explain.capped.rest",
                &[("rest", &count_text(lang, line.unit, rest))],
            ));
            let count = count_text(lang, line.unit, cap);
            match rule {
                Some(rule) => tf(
                    lang,
                    "why.capped.rule",
                    &[("count", &count), ("rule", &rule)],
                ),
                None => tf(lang, "why.capped", &[("count", &count)]),
            }
        }
    };
    Some(LineWords {
        status: Status::of(line.reason),
        reason,
        details,
        score: score_text(lang, line, &case.settings.weights),
    })
}

/// The words of every line of a plan, in order.
pub fn plan_explanation(
    lang: Lang,
    case: &Case,
    catalogue: &Catalogue,
    lines: &[Line],
) -> Vec<LineWords> {
    (0..lines.len())
        .filter_map(|i| line_explanation(lang, case, catalogue, lines, i))
        .collect()
}

/// The status of a line from a document's reason key (`reason.capped`, …) and its
/// `cap`, for a document whose reasons cannot be explained.
pub fn status_of_key(key: &str, cap: Option<u64>) -> Option<Status> {
    match key {
        "reason.funded_in_full" => Some(Status::Full),
        "reason.partly_funded" => Some(Status::Partly),
        "reason.not_funded.budget" | "reason.not_funded.strict" => Some(Status::NotFunded),
        "reason.capped" if cap == Some(0) => Some(Status::NotFunded),
        "reason.capped" => Some(Status::Capped),
        _ => None,
    }
}

/// The explanation of a plan document (a `serde_json::Value`): its embedded case
/// validated against its embedded price list, and what the allocator computes from
/// them, when its lines are exactly the lines the document carries. `None` when the
/// inputs are not valid or the document's lines differ (its reasons cannot be explained
/// then).
pub fn explained_document(doc: &Value) -> Option<(Case, Catalogue, Allocation)> {
    let reference =
        crate::engine::reference::ReferenceData::with_catalogue(doc.get("priceList")?).ok()?;
    let case = crate::engine::validate::validate_case(doc.get("case")?, &reference).ok()?;
    let allocation = allocate(&case, &reference.catalogue).ok()?;
    let embedded = doc.pointer("/result/lines")?;
    (serde_json::to_value(&allocation.lines).ok()? == *embedded).then_some((
        case,
        reference.catalogue,
        allocation,
    ))
}

// ---------------------------------------------------------------------------------------
// What if

/// One service as the user tries it in What if: its code and the quantity as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrialService {
    /// Service code.
    pub code: String,
    /// The quantity as typed (a whole number once it is valid).
    pub quantity: String,
}

/// Everything What if lets the user try, kept apart from the case: the experts' share,
/// the budget, and the services in a trial experts' order with trial quantities. The case
/// changes only when [`apply_what_if`] writes a trial into it, after the user confirms.
///
/// A move is a move in the *experts'* order: the parents' ranking stays the parents' own,
/// and the plan's order still follows the combined score, so a move shows which plan
/// lines it would shift (via [`compare`]) rather than placing a line by hand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WhatIf {
    /// The experts' share in percent (the parents' share is the rest).
    pub expert_percent: Decimal,
    /// The budget for the plan period.
    pub budget: Decimal,
    /// The services in the trial experts' order, most important first.
    pub services: Vec<TrialService>,
}

impl WhatIf {
    /// Whether the trial puts the services in another experts' order than `other` (a
    /// quantity alone is not a change of order).
    pub fn order_differs(&self, other: &WhatIf) -> bool {
        self.services
            .iter()
            .map(|s| &s.code)
            .ne(other.services.iter().map(|s| &s.code))
    }

    /// The trial that changes nothing: the case's own settings, experts' order and
    /// quantities.
    pub fn saved(case: &Case) -> WhatIf {
        let mut services: Vec<&crate::engine::case::ServiceRequest> =
            case.services.iter().collect();
        crate::engine::order::sort_by_key(&mut services, |s| s.expert_rank);
        WhatIf {
            expert_percent: (case.settings.weights.expert * Decimal::ONE_HUNDRED).normalize(),
            budget: case.settings.budget,
            services: services
                .into_iter()
                .map(|s| TrialService {
                    code: s.code.clone(),
                    quantity: s.quantity.to_string(),
                })
                .collect(),
        }
    }

    /// Moves the service at `index` one place up (`up`) or down in the trial experts'
    /// order. Returns its new index, or `None` (changing nothing) at an end of the list or
    /// out of range.
    pub fn move_service(&mut self, index: usize, up: bool) -> Option<usize> {
        let to = if up {
            index.checked_sub(1)?
        } else {
            index.checked_add(1)?
        };
        if index >= self.services.len() || to >= self.services.len() {
            return None;
        }
        self.services.swap(index, to);
        Some(to)
    }

    /// Sets the trial quantity text of a service; `false` when the code is not on the list.
    pub fn set_quantity(&mut self, code: &str, quantity: &str) -> bool {
        match self.services.iter_mut().find(|s| s.code == code) {
            Some(s) => {
                s.quantity = quantity.to_string();
                true
            }
            None => false,
        }
    }

    /// Whether the experts' order or a quantity differs from `saved` (quantities compared
    /// as numbers when both are whole numbers, so " 24" is the same as "24").
    pub fn services_differ(&self, saved: &WhatIf) -> bool {
        let same_quantity =
            |a: &str, b: &str| match (a.trim().parse::<u64>(), b.trim().parse::<u64>()) {
                (Ok(x), Ok(y)) => x == y,
                _ => a == b,
            };
        self.services.len() != saved.services.len()
            || self
                .services
                .iter()
                .zip(&saved.services)
                .any(|(a, b)| a.code != b.code || !same_quantity(&a.quantity, &b.quantity))
    }

    /// Whether anything at all differs from `saved`.
    pub fn differs(&self, saved: &WhatIf) -> bool {
        self.expert_percent != saved.expert_percent
            || self.budget != saved.budget
            || self.services_differ(saved)
    }
}

/// Writes a trial into a raw case (what "Use these settings" does once confirmed): the
/// two weights, the budget, the services array in the trial experts' order with
/// `expertRank` renumbered 1..=n, and the trial quantities (typed text that is not a whole
/// number is kept as text, so validation reports it on its field). Each item keeps its
/// other members, its parents' rank among them. Items the trial does not name stay, after
/// the named ones, in their old order. `false`, changing nothing, when the share is not a
/// usable weight (see [`weights_for_percent`]) or the case has no services array.
pub fn apply_what_if(raw: &mut Value, trial: &WhatIf) -> bool {
    let Some((expert, parent)) = weights_for_percent(trial.expert_percent) else {
        return false;
    };
    let Some(items) = raw.pointer("/services").and_then(Value::as_array).cloned() else {
        return false;
    };
    let code_of = |item: &Value| item.get("code").and_then(Value::as_str).map(str::to_string);
    let mut taken = vec![false; items.len()];
    let mut services = Vec::with_capacity(items.len());
    for t in &trial.services {
        let found = items
            .iter()
            .enumerate()
            .find(|(i, item)| !taken[*i] && code_of(item).as_deref() == Some(t.code.as_str()));
        if let Some((i, item)) = found {
            taken[i] = true;
            let mut item = item.clone();
            if let Some(map) = item.as_object_mut() {
                map.insert(
                    "quantity".into(),
                    crate::draft::value_from_text(crate::draft::FieldKind::Integer, &t.quantity),
                );
            }
            services.push(item);
        }
    }
    services.extend(
        items
            .into_iter()
            .zip(taken)
            .filter(|(_, taken)| !taken)
            .map(|(item, _)| item),
    );
    renumber_expert_ranks(&mut services);
    crate::draft::set_at(raw, "/services", Value::Array(services));
    crate::draft::set_at(raw, "/settings/weights/expert", Value::String(expert));
    crate::draft::set_at(raw, "/settings/weights/parent", Value::String(parent));
    crate::draft::set_at(
        raw,
        "/settings/budget",
        Value::String(crate::engine::money::money_string(trial.budget)),
    );
    true
}

/// The raw case as it would be after confirming `trial`: a copy of `case` (through its
/// document form, which validates back to the same case) with the trial written in.
pub fn with_what_if(case: &Case, trial: &WhatIf) -> Option<Value> {
    let mut raw = serde_json::to_value(case).ok()?;
    apply_what_if(&mut raw, trial).then_some(raw)
}

/// Allocates the "what if" variant of a case exactly as the case would be allocated after
/// confirming: the trial is written into a copy, validated like any case (so a quantity
/// over a cap under the `reject` policy, or one that is not a whole number, is a problem
/// with the pointer of its trial line) and allocated. `case` itself is not touched.
pub fn what_if(
    case: &Case,
    reference: &ReferenceData,
    trial: &WhatIf,
) -> Result<Allocation, Vec<Problem>> {
    let changed = with_what_if(case, trial)
        .ok_or_else(|| vec![Problem::new("/settings/weights", "problem.weight.range")])?;
    let valid = validate_case(&changed, reference)?;
    allocate(&valid, &reference.catalogue)
}

/// The index of the trial line a problem of [`what_if`] points at
/// (`/services/{index}/...`), if it points at one.
pub fn trial_line_of(problem: &Problem) -> Option<usize> {
    problem
        .path
        .strip_prefix("/services/")?
        .split('/')
        .next()?
        .parse()
        .ok()
}

/// An amount as a What if field shows it, in the language's own style and in the form its
/// hint shows and the money parser accepts: `3 800,00` in Latvian (a plain space between
/// thousands, a decimal comma), `3800.00` in English.
pub fn money_input_text(lang: Lang, amount: Decimal) -> String {
    let text = crate::engine::money::money_string(amount);
    match lang {
        Lang::En => text,
        Lang::Lv => {
            let (int_part, frac) = text.split_once('.').unwrap_or((text.as_str(), "00"));
            let digits: Vec<char> = int_part.chars().collect();
            let mut grouped = String::with_capacity(int_part.len() + int_part.len() / 3);
            for (i, digit) in digits.iter().enumerate() {
                if i > 0 && (digits.len() - i).is_multiple_of(3) {
                    grouped.push(' ');
                }
                grouped.push(*digit);
            }
            format!("{grouped},{frac}")
        }
    }
}

/// A trial budget as typed: Latvian `1 234,50` and plain `1234.50` alike (through the
/// draft's decimal normalisation and the strict money parser); `None` when it is not an
/// amount.
pub fn parse_money_input(text: &str) -> Option<Decimal> {
    let normal = crate::draft::text_of(Some(&crate::draft::value_from_text(
        crate::draft::FieldKind::Decimal,
        text,
    )));
    crate::engine::money::parse_money(normal.trim()).ok()
}

/// One line as it stands in one of two allocations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineState {
    /// 1-based place in the order.
    pub position: u32,
    /// What happened to it.
    pub status: Status,
    /// Units funded.
    pub funded_units: u64,
    /// Amount funded.
    pub funded_amount: Decimal,
}

impl LineState {
    fn of(line: &Line) -> LineState {
        LineState {
            position: line.position,
            status: Status::of(line.reason),
            funded_units: line.funded_units,
            funded_amount: line.funded_amount,
        }
    }
}

/// A line that differs between the saved plan and the "what if" plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineChange {
    /// Service code.
    pub code: String,
    /// In the saved plan (absent if the line is only in the other).
    pub before: Option<LineState>,
    /// In the "what if" plan.
    pub after: Option<LineState>,
}

impl LineChange {
    /// Whether the line changed place in the order.
    pub fn moved(&self) -> bool {
        self.before.as_ref().map(|b| b.position) != self.after.as_ref().map(|a| a.position)
    }

    /// Whether the line's funding (status or units) changed.
    pub fn funding_changed(&self) -> bool {
        match (&self.before, &self.after) {
            (Some(b), Some(a)) => b.status != a.status || b.funded_units != a.funded_units,
            _ => true,
        }
    }

    /// How many places the line moves up the order (negative: down); `None` when it is
    /// only in one of the two allocations.
    pub fn places_up(&self) -> Option<i64> {
        let (b, a) = (self.before.as_ref()?, self.after.as_ref()?);
        Some(i64::from(b.position) - i64::from(a.position))
    }

    /// The change of the funded amount, "what if" minus saved (a line missing from one
    /// side counts as funded with zero there).
    pub fn funding_delta(&self) -> Decimal {
        let amount = |s: &Option<LineState>| s.as_ref().map_or(Decimal::ZERO, |s| s.funded_amount);
        amount(&self.after) - amount(&self.before)
    }
}

/// The lines whose place, status or funded units differ between two allocations, in the
/// order of the second.
pub fn compare(before: &[Line], after: &[Line]) -> Vec<LineChange> {
    let mut changes = Vec::new();
    for a in after {
        let b = before.iter().find(|b| b.code == a.code);
        let change = LineChange {
            code: a.code.clone(),
            before: b.map(LineState::of),
            after: Some(LineState::of(a)),
        };
        if change.moved() || change.funding_changed() {
            changes.push(change);
        }
    }
    for b in before {
        if !after.iter().any(|a| a.code == b.code) {
            changes.push(LineChange {
                code: b.code.clone(),
                before: Some(LineState::of(b)),
                after: None,
            });
        }
    }
    changes
}

// ---------------------------------------------------------------------------------------
// Charts

/// Geometry of one horizontal bar: where its row starts and how wide its funded and unmet
/// parts are, in the chart's own units (exact decimals, two places).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BarRow {
    /// Top of the row (its label line).
    pub y: Decimal,
    /// Top of the bar itself.
    pub bar_y: Decimal,
    /// Width of the funded part, starting at x = 0.
    pub funded_width: Decimal,
    /// Width of the unmet part, starting at x = `funded_width`.
    pub unmet_width: Decimal,
}

/// The layout of a horizontal bar chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BarChart {
    /// The chart's width.
    pub width: Decimal,
    /// The chart's height.
    pub height: Decimal,
    /// Height of each bar.
    pub bar_height: Decimal,
    /// One row per value.
    pub rows: Vec<BarRow>,
}

/// Height of a label line above each bar.
pub const LABEL_HEIGHT: i64 = 18;
/// Height of each bar.
pub const BAR_HEIGHT: i64 = 16;
/// Space after each bar.
pub const ROW_GAP: i64 = 12;

fn floor2(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::ToZero)
}

/// Lays out bars for `(funded, unmet)` amounts in a chart `width` wide: the longest total
/// fills the width, others are in proportion, rounded down to hundredths so a bar never
/// overflows. Negative amounts count as zero.
pub fn bar_chart(values: &[(Decimal, Decimal)], width: Decimal) -> BarChart {
    let clean = |d: Decimal| d.max(Decimal::ZERO);
    let max = values
        .iter()
        .map(|(f, u)| clean(*f).saturating_add(clean(*u)))
        .max()
        .unwrap_or(Decimal::ZERO);
    let row_height = Decimal::from(LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP);
    let mut rows = Vec::with_capacity(values.len());
    for (i, (funded, unmet)) in values.iter().enumerate() {
        let y = row_height * Decimal::from(i as u64);
        let (funded_width, unmet_width) = if max.is_zero() {
            (Decimal::ZERO, Decimal::ZERO)
        } else {
            let total = clean(*funded).saturating_add(clean(*unmet));
            let total_width = floor2(width * total / max);
            let funded_width = floor2(width * clean(*funded) / max).min(total_width);
            (funded_width, total_width - funded_width)
        };
        rows.push(BarRow {
            y,
            bar_y: y + Decimal::from(LABEL_HEIGHT),
            funded_width,
            unmet_width,
        });
    }
    BarChart {
        width,
        height: row_height * Decimal::from(values.len() as u64),
        bar_height: Decimal::from(BAR_HEIGHT),
        rows,
    }
}

/// Shortens a label to at most `max` characters, ending it with "…" when cut.
pub fn short_label(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out = out.trim_end().to_string();
    out.push('…');
    out
}

// ---------------------------------------------------------------------------------------
// Problems by step

/// The slug of the step where a problem is fixed (see `ui::workspace::Step::slug`), or
/// `None` for a problem of the case as a whole.
pub fn problem_step(problem: &Problem) -> Option<&'static str> {
    let path = problem.path.as_str();
    let mut parts = path.split('/').skip(1);
    let first = parts.next()?;
    match first {
        "child" => Some("child"),
        "questionnaire" => Some("questionnaire"),
        "team" => {
            let _index = parts.next();
            match parts.next() {
                Some("assessments") => Some("assessment"),
                _ => Some("team"),
            }
        }
        "goals" => Some("goals"),
        "parentsOrder" => Some("ranking"),
        "services" => {
            let _index = parts.next();
            let parent = parts.next() == Some("parentRank")
                || problem
                    .params
                    .iter()
                    .any(|(k, v)| k == "ranking" && v == "parent");
            Some(if parent { "ranking" } else { "services" })
        }
        "settings" => Some("settings"),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------
// The chart as SVG text

/// One bar of a chart: its label, the amount written beside it, the funded and unmet
/// amounts, and a full description for its tooltip.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChartRow {
    /// Label above the bar (shortened to fit).
    pub label: String,
    /// The amount written at the right end of the label line.
    pub value: String,
    /// Funded amount (solid part).
    pub funded: Decimal,
    /// Unmet amount (striped part).
    pub unmet: Decimal,
    /// Full text for the bar's tooltip.
    pub title: String,
}

/// Width of the charts in SVG units.
pub const CHART_WIDTH: i64 = 360;
/// Longest label drawn beside a bar, in characters.
pub const CHART_LABEL_CHARS: usize = 30;

/// Escapes text for XML content and attribute values.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

/// A horizontal bar chart as SVG text: `role="img"`, named by its `<title>` and
/// `<desc>`; funded parts solid, unmet parts striped and outlined, so the two differ by
/// pattern, not colour alone. `id` must be unique on the page.
pub fn svg_bar_chart(id: &str, title: &str, desc: &str, rows: &[ChartRow]) -> String {
    let values: Vec<(Decimal, Decimal)> = rows.iter().map(|r| (r.funded, r.unmet)).collect();
    let chart = bar_chart(&values, Decimal::from(CHART_WIDTH));
    let id = xml_escape(id);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bar-chart\" viewBox=\"0 0 {w} {h}\" \
         role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" focusable=\"false\">\
         <title id=\"{id}-title\">{title}</title><desc id=\"{id}-desc\">{desc}</desc>\
         <defs><pattern id=\"{id}-hatch\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" \
         patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#ffffff\"/>\
         <line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#1d4f91\" stroke-width=\"2\"/></pattern></defs>",
        w = CHART_WIDTH,
        h = chart.height.max(Decimal::ONE),
        title = xml_escape(title),
        desc = xml_escape(desc),
    );
    for (row, geometry) in rows.iter().zip(&chart.rows) {
        let text_y = geometry.y + Decimal::from(13);
        svg.push_str(&format!(
            "<g><title>{tip}</title>\
             <text x=\"0\" y=\"{text_y}\" class=\"chart-label\">{label}</text>\
             <text x=\"{w}\" y=\"{text_y}\" text-anchor=\"end\" class=\"chart-value\">{value}</text>",
            tip = xml_escape(&row.title),
            label = xml_escape(&short_label(&row.label, CHART_LABEL_CHARS)),
            value = xml_escape(&row.value),
            w = CHART_WIDTH,
        ));
        if !geometry.funded_width.is_zero() {
            svg.push_str(&format!(
                "<rect x=\"0\" y=\"{y}\" width=\"{fw}\" height=\"{bh}\" class=\"bar-funded\" fill=\"#1d4f91\"/>",
                y = geometry.bar_y,
                fw = geometry.funded_width,
                bh = chart.bar_height,
            ));
        }
        if !geometry.unmet_width.is_zero() {
            svg.push_str(&format!(
                "<rect x=\"{x}\" y=\"{y}\" width=\"{uw}\" height=\"{bh}\" class=\"bar-unmet\" \
                 fill=\"url(#{id}-hatch)\" stroke=\"#1d4f91\" stroke-width=\"1\"/>",
                x = geometry.funded_width,
                y = geometry.bar_y,
                uw = geometry.unmet_width,
                bh = chart.bar_height,
            ));
        }
        svg.push_str("</g>");
    }
    svg.push_str("</svg>");
    svg
}

/// The rows of the "by service" chart: each line's funded and unmet amounts.
pub fn service_chart_rows(lang: Lang, lines: &[Line], catalogue: &Catalogue) -> Vec<ChartRow> {
    lines
        .iter()
        .map(|line| {
            let label = line_label(lang, line, catalogue);
            let funded = crate::i18n::format_money(lang, line.funded_amount);
            let name = label
                .split_once(". ")
                .map_or(label.as_str(), |(_, name)| name)
                .to_string();
            ChartRow {
                title: tf(
                    lang,
                    "result.chart.bar",
                    &[
                        ("name", &name),
                        ("funded", &funded),
                        ("unmet", &crate::i18n::format_money(lang, line.unmet_amount)),
                    ],
                ),
                label,
                value: funded,
                funded: line.funded_amount,
                unmet: line.unmet_amount,
            }
        })
        .collect()
}

/// The rows of the "by month" chart: the planned spend of each month.
pub fn month_chart_rows(
    lang: Lang,
    months: &[crate::engine::allocate::MonthSpend],
) -> Vec<ChartRow> {
    let date = |d: crate::engine::date::Date| {
        crate::i18n::format_date(lang, d.year(), u32::from(d.month()), u32::from(d.day()))
    };
    months
        .iter()
        .map(|m| {
            let label = tf(
                lang,
                "result.chart.month_label",
                &[("n", &m.month.to_string())],
            );
            let value = crate::i18n::format_money(lang, m.amount);
            ChartRow {
                title: format!("{label} ({}–{}): {value}", date(m.start), date(m.end)),
                label,
                value,
                funded: m.amount,
                unmet: Decimal::ZERO,
            }
        })
        .collect()
}
