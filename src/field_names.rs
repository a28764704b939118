//! Which field a problem is about, in words: an engine problem names a JSON pointer into
//! the case; this module turns the pointer into the step that edits it and the field's
//! label ("Bērns: dzimšanas gads un mēnesis"), so every listed problem says where it is
//! ("Bērns: dzimšanas gads un mēnesis — šo lauku nedrīkst atstāt tukšu.").
//!
//! The labels are the catalogue's (the same words the fields show), with the case and
//! the reference data naming the items of lists: the parents' goal by its number, the
//! team member by role and name, the assessment entry by its domain, the service by its
//! name. Pure, tested natively; the error summaries and the plan step's problem list
//! call [`problem_line`], the fields' inline errors [`field_problem`].

use crate::engine::problem::Problem;
use crate::engine::reference::{LocalName, ReferenceData};
use crate::i18n::{t, tf, Lang};
use serde_json::Value;

/// Where a problem is: the message key of the step's name and the field in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProblemPlace {
    /// The message key of the step that edits the field (`step.child`, …); `None` for
    /// the case as a whole.
    pub step: Option<&'static str>,
    /// The field in words, e.g. "dzimšanas gads un mēnesis" or "3. mērķis, svarīgums";
    /// `None` when the problem is about a whole step's part (e.g. the team).
    pub field: Option<String>,
}

/// The words of a problem's message in a language, placeholders filled.
pub fn problem_message(lang: Lang, problem: &Problem) -> String {
    let params: Vec<(&str, &str)> = problem
        .params
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    tf(lang, &problem.key, &params)
}

/// A problem's line in an error list: "Step: field — message", or "Step: message" for a
/// whole part, or the message alone for the case as a whole (or a pointer this module
/// does not know, which a test keeps from happening).
pub fn problem_line(
    lang: Lang,
    case: &Value,
    reference: Option<&ReferenceData>,
    problem: &Problem,
) -> String {
    let message = problem_message(lang, problem);
    let place = problem_place(lang, case, reference, problem);
    match place.and_then(|p| p.step.map(|s| (s, p.field))) {
        Some((step, Some(field))) => tf(
            lang,
            "forms.problem.line",
            &[
                ("step", t(lang, step)),
                ("field", &field),
                ("message", &decapitalise(&message)),
            ],
        ),
        Some((step, None)) => tf(
            lang,
            "forms.problem.line_step",
            &[
                ("step", t(lang, step)),
                ("message", &decapitalise(&message)),
            ],
        ),
        None => message,
    }
}

/// A problem's inline text beside its field: "field — message" (the step is the screen
/// it is shown on), or the message alone for a whole part.
pub fn field_problem(
    lang: Lang,
    case: &Value,
    reference: Option<&ReferenceData>,
    problem: &Problem,
) -> String {
    let message = problem_message(lang, problem);
    match problem_place(lang, case, reference, problem).and_then(|p| p.field) {
        Some(field) => tf(
            lang,
            "forms.problem.inline",
            &[
                ("field", &capitalise(&field)),
                ("message", &decapitalise(&message)),
            ],
        ),
        None => message,
    }
}

/// The step and field a problem is about; `None` for a pointer this module does not know.
pub fn problem_place(
    lang: Lang,
    case: &Value,
    reference: Option<&ReferenceData>,
    problem: &Problem,
) -> Option<ProblemPlace> {
    let tokens: Vec<String> = match problem.path.strip_prefix('/') {
        Some(rest) => rest
            .split('/')
            .map(|t| t.replace("~1", "/").replace("~0", "~"))
            .collect(),
        None if problem.path.is_empty() => Vec::new(),
        None => return None,
    };
    let tokens: Vec<&str> = tokens.iter().map(String::as_str).collect();
    let names = Names {
        lang,
        case,
        reference,
    };
    let whole = |step: &'static str| {
        Some(ProblemPlace {
            step: Some(step),
            field: None,
        })
    };
    let at = |step: &'static str, field: Option<String>| {
        field.map(|f| ProblemPlace {
            step: Some(step),
            field: Some(f),
        })
    };
    match tokens.as_slice() {
        [] => Some(ProblemPlace {
            step: None,
            field: None,
        }),
        ["child"] => whole("step.child"),
        ["child", field] => at("step.child", names.child_field(field)),
        ["questionnaire"] => whole("step.questionnaire"),
        ["questionnaire", "goals", rest @ ..] => at("step.questionnaire", names.parent_goal(rest)),
        ["team"] => whole("step.team"),
        ["team", i, "assessments", rest @ ..] => at("step.assessment", names.assessment(i, rest)),
        ["team", i, rest @ ..] => at("step.team", names.member_field(i, rest)),
        ["goals"] => whole("step.goals"),
        ["goals", i, rest @ ..] => at("step.goals", names.goal(i, rest)),
        ["services"] => {
            // The one list-wide problem with a side: which ranking is not 1…n.
            let ranking = problem
                .params
                .iter()
                .find(|(k, _)| k == "ranking")
                .map(|(_, v)| v.as_str());
            match ranking {
                Some("parent") => at("step.ranking", Some(names.word("forms.field.parent_order"))),
                Some(_) => at(
                    "step.services",
                    Some(names.word("forms.field.expert_order")),
                ),
                None => whole("step.services"),
            }
        }
        ["services", i, "parentRank"] => at(
            "step.ranking",
            names.service(i, Some("forms.field.parent_rank")),
        ),
        ["services", i, rest @ ..] => {
            let field = match rest {
                [] => None,
                ["code"] => Some("forms.field.service"),
                ["quantity"] => Some("forms.field.quantity"),
                ["expertRank"] => Some("forms.field.expert_rank"),
                ["note"] => Some("forms.field.note"),
                ["goals"] | ["goals", _] => Some("forms.field.service_goals"),
                _ => return None,
            };
            at("step.services", names.service(i, field))
        }
        ["parentsOrder", "followExperts", ..] => at(
            "step.ranking",
            Some(names.word("forms.field.follow_experts_reason")),
        ),
        ["parentsOrder", ..] => at("step.ranking", Some(names.word("forms.field.parent_order"))),
        ["settings"] => whole("step.settings"),
        ["settings", rest @ ..] => at("step.settings", names.setting(rest)),
        _ => None,
    }
}

/// The case and reference data, to name the items of lists.
struct Names<'a> {
    lang: Lang,
    case: &'a Value,
    reference: Option<&'a ReferenceData>,
}

impl Names<'_> {
    /// A label from the catalogue, as it reads inside a sentence.
    fn word(&self, key: &str) -> String {
        decapitalise(t(self.lang, key))
    }

    fn local(&self, name: &LocalName) -> String {
        match self.lang {
            Lang::Lv => name.lv.clone(),
            Lang::En => name.en.clone(),
        }
    }

    /// `whole, part`: an item of a list and one of its fields.
    fn join(&self, whole: String, part: Option<String>) -> String {
        match part {
            Some(part) => format!("{whole}, {part}"),
            None => whole,
        }
    }

    fn index(token: &str) -> Option<usize> {
        token.parse().ok()
    }

    /// "3." style number of an item (1-based).
    fn nth(&self, key: &str, i: usize) -> String {
        decapitalise(&tf(self.lang, key, &[("n", &(i + 1).to_string())]))
    }

    fn text_at(&self, pointer: &str) -> Option<String> {
        self.case
            .pointer(pointer)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    }

    fn child_field(&self, field: &str) -> Option<String> {
        let key = match field {
            "id" => "child.id",
            "birth" => "child.birth",
            "municipality" => "child.municipality",
            "targetGroup" => "child.target_group",
            _ => return None,
        };
        Some(self.word(key))
    }

    /// `goals`, `goals/<i>`, `goals/<i>/<field>`, `goals/<i>/review/<field>`.
    fn parent_goal(&self, rest: &[&str]) -> Option<String> {
        let (i, rest) = match rest {
            [] => return Some(self.word("questionnaire.goals_title")),
            [i, rest @ ..] => (Self::index(i)?, rest),
        };
        let goal = self.nth("questionnaire.goal_n", i);
        let field = match rest {
            [] => None,
            ["id"] => Some("forms.field.id"),
            ["text"] => Some("questionnaire.check.text"),
            ["lifeDomain"] => Some("forms.field.life_domain"),
            ["importance"] => Some("questionnaire.check.importance"),
            ["performance"] => Some("questionnaire.check.performance"),
            ["satisfaction"] => Some("questionnaire.check.satisfaction"),
            ["review"] => Some("forms.field.review"),
            ["review", "performance"] => Some("forms.field.review_performance"),
            ["review", "satisfaction"] => Some("forms.field.review_satisfaction"),
            _ => return None,
        };
        Some(self.join(goal, field.map(|k| self.word(k))))
    }

    /// A team member by role and name: "fizioterapeits A. Bērziņa", or "2. komandas
    /// loceklis" when the role is unreadable.
    fn member(&self, i: usize) -> String {
        let role = self
            .text_at(&format!("/team/{i}/role"))
            .map(|code| {
                self.reference
                    .and_then(|r| r.roles.roles.iter().find(|role| role.code == code))
                    .map_or(code, |role| self.local(&role.name))
            })
            .map(|r| decapitalise(&r));
        let name = self.text_at(&format!("/team/{i}/name"));
        match (role, name) {
            (Some(role), Some(name)) => format!("{role} {name}"),
            (Some(role), None) => role,
            (None, _) => self.nth("forms.field.member_n", i),
        }
    }

    fn member_field(&self, i: &str, rest: &[&str]) -> Option<String> {
        let i = Self::index(i)?;
        let field = match rest {
            [] => None,
            ["id"] => Some("forms.field.id"),
            ["role"] => Some("forms.field.role"),
            ["name"] => Some("forms.field.member_name"),
            _ => return None,
        };
        Some(self.join(self.member(i), field.map(|k| self.word(k))))
    }

    /// An assessment entry: the member, the domain (by the entry's code), the field.
    fn assessment(&self, i: &str, rest: &[&str]) -> Option<String> {
        let i = Self::index(i)?;
        let member = self.member(i);
        let (j, rest) = match rest {
            [] => return Some(self.join(member, Some(self.word("forms.field.assessments")))),
            [j, rest @ ..] => (Self::index(j)?, rest),
        };
        let code = self.text_at(&format!("/team/{i}/assessments/{j}/domain"));
        let domain = code
            .as_deref()
            .and_then(|code| {
                let domains = &self.reference?.domains.domains;
                let d = domains.iter().find(|d| d.code == code)?;
                let name = decapitalise(&self.local(&d.name));
                Some(match &d.icf {
                    Some(icf) => format!("{name} ({icf})"),
                    None => name,
                })
            })
            .or(code)
            .unwrap_or_else(|| self.nth("forms.field.entry_n", j));
        let field = match rest {
            [] => None,
            ["domain"] => Some("forms.field.domain"),
            ["qualifier"] => Some("assessment.qualifier"),
            ["note"] => Some("assessment.note"),
            _ => return None,
        };
        Some(self.join(format!("{member}, {domain}"), field.map(|k| self.word(k))))
    }

    /// A team goal by its id, and its field; a level description by its level.
    fn goal(&self, i: &str, rest: &[&str]) -> Option<String> {
        let i = Self::index(i)?;
        let goal = match self.text_at(&format!("/goals/{i}/id")) {
            Some(id) => decapitalise(&tf(self.lang, "goals.goal_heading", &[("id", &id)])),
            None => self.nth("forms.field.goal_n", i),
        };
        let field = match rest {
            [] => None,
            ["id"] => Some(self.word("forms.field.id")),
            ["term"] => Some(self.word("goals.term")),
            ["text"] => Some(self.word("forms.field.goal_text")),
            ["parentGoals"] | ["parentGoals", _] => Some(self.word("goals.parents.legend")),
            ["levels"] => Some(self.word("goals.levels.legend")),
            ["levels", k] | ["levels", k, "level" | "text"] => {
                let k = Self::index(k)?;
                let level = self
                    .case
                    .pointer(&format!("/goals/{i}/levels/{k}/level"))
                    .and_then(Value::as_i64);
                Some(match level {
                    Some(-2) => self.word("goals.level.m2"),
                    Some(-1) => self.word("goals.level.m1"),
                    Some(0) => self.word("goals.level.0"),
                    Some(1) => self.word("goals.level.p1"),
                    Some(2) => self.word("goals.level.p2"),
                    _ => self.nth("forms.field.level_n", k),
                })
            }
            ["baseline"] => Some(self.word("goals.baseline")),
            ["attained"] => Some(self.word("goals.attained")),
            ["weight"] => Some(self.word("goals.weight")),
            _ => return None,
        };
        Some(self.join(goal, field))
    }

    /// A service by its name in the price list (or its code, or its place), and a field.
    fn service(&self, i: &str, field: Option<&str>) -> Option<String> {
        let i = Self::index(i)?;
        let code = self.text_at(&format!("/services/{i}/code"));
        let name = code
            .as_deref()
            .and_then(|c| self.reference?.catalogue.service(c))
            .map(|s| self.local(&s.name))
            .or(code)
            .unwrap_or_else(|| self.nth("forms.field.service_n", i));
        Some(self.join(name, field.map(|k| self.word(k))))
    }

    fn setting(&self, rest: &[&str]) -> Option<String> {
        let key = match rest {
            ["startDate"] => "settings.start_date",
            ["periodMonths"] => "settings.period",
            ["budget"] => "settings.budget",
            ["weights"] => "settings.weights.legend",
            ["weights", "expert"] => "settings.weights.label",
            ["weights", "parent"] => "forms.field.parent_weight",
            ["policy"] => "settings.policy.legend",
            ["caps"] => "settings.caps.legend",
            _ => return None,
        };
        Some(self.word(key))
    }
}

/// A label or message as it reads after a colon or a dash: the first letter in lower
/// case, unless the first word is an abbreviation or a name in capitals ("SFK", "GAS").
pub fn decapitalise(text: &str) -> String {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            first.to_lowercase().chain(text.chars().skip(1)).collect()
        }
        _ => text.to_string(),
    }
}

/// The first letter in upper case (the start of an inline error).
fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn reference() -> ReferenceData {
        ReferenceData::builtin().unwrap_or_else(|p| panic!("reference data: {p:?}"))
    }

    #[test]
    fn an_empty_birth_month_names_step_and_field() {
        let case = crate::draft::new_case("2026-01-01");
        let problem = Problem::new("/child/birth", "problem.text.empty");
        assert_eq!(
            problem_line(Lang::Lv, &case, Some(&reference()), &problem),
            "Bērns: dzimšanas gads un mēnesis — šo lauku nedrīkst atstāt tukšu."
        );
        assert_eq!(
            problem_line(Lang::En, &case, Some(&reference()), &problem),
            "Child: year and month of birth — this field must not be empty."
        );
        assert_eq!(
            field_problem(Lang::Lv, &case, Some(&reference()), &problem),
            "Dzimšanas gads un mēnesis — šo lauku nedrīkst atstāt tukšu."
        );
    }

    #[test]
    fn list_items_are_named_by_what_they_are() {
        let reference = reference();
        let case = json!({
            "team": [{ "id": "PT", "role": "physiotherapist", "name": "A. Bērziņa",
                       "assessments": [{ "domain": "self_care", "qualifier": 7 }] }],
            "services": [{ "code": "no-such" }],
            "goals": [{ "id": "G1", "levels": [{ "level": 0, "text": "" }] }]
        });
        let line = |path: &str, key: &str| {
            problem_line(Lang::Lv, &case, Some(&reference), &Problem::new(path, key))
        };
        let assessment = line("/team/0/assessments/0/qualifier", "problem.text.empty");
        assert!(
            assessment.starts_with(
                "Novērtējums: fizioterapeits A. Bērziņa, pašaprūpe (d5), SFK kvalifikators — "
            ),
            "{assessment}"
        );
        let level = line("/goals/0/levels/0/text", "problem.text.empty");
        assert!(
            level.starts_with("Mērķi: mērķis G1, 0: gaidītais rezultāts — "),
            "{level}"
        );
        let service = line("/services/0/quantity", "problem.text.empty");
        assert!(
            service.starts_with("Pakalpojumi: no-such, daudzums — "),
            "{service}"
        );
        let rank = line("/services/0/parentRank", "problem.text.empty");
        assert!(rank.starts_with("Vecāku prioritātes: "), "{rank}");
        // A message that starts with an abbreviation keeps its capitals.
        let gas = line("/goals/0/levels/0/level", "problem.gas.level_duplicate");
        assert!(gas.contains("— GAS līmenis"), "{gas}");
        assert_eq!(line("", "problem.case.incomplete"), "Lieta nav pilnīga.");
    }

    /// Every pointer the validator reports, for cases broken in every way a walk over
    /// the example case and the new-case template can break them: each value replaced by
    /// values of every wrong kind, each member removed, each list emptied. A pointer the
    /// validator gains without a name here fails this test.
    #[test]
    fn every_pointer_the_validator_reports_names_its_step_and_field() {
        let reference = reference();
        let mut bases = vec![
            crate::engine::example::example_case_json(),
            crate::draft::new_case("2026-01-01"),
        ];
        // Caps "reject" reaches the over-cap check; a parents' goal with a review reaches
        // the review's fields.
        let mut strict = crate::engine::example::example_case_json();
        strict["settings"]["caps"] = json!("reject");
        if let Some(s) = strict["services"].as_array_mut() {
            for s in s {
                s["quantity"] = json!(100000);
            }
        }
        strict["questionnaire"]["goals"][0]["review"] =
            json!({ "performance": 0, "satisfaction": "x" });
        bases.push(strict);
        let wrong = [
            json!(null),
            json!(""),
            json!(" "),
            json!("x y"),
            json!(-5),
            json!(0),
            json!(1.5),
            json!(99999999),
            json!(true),
            json!([]),
            json!({}),
            json!("99999999999999"),
            json!("2099-01"),
            json!("1900-01-01"),
        ];
        let mut seen = std::collections::BTreeSet::new();
        for base in &bases {
            let mut pointers = Vec::new();
            collect_pointers(base, String::new(), &mut pointers);
            for pointer in &pointers {
                for value in &wrong {
                    let mut case = base.clone();
                    if let Some(slot) = case.pointer_mut(pointer) {
                        *slot = value.clone();
                    }
                    check(&case, &reference, &mut seen);
                }
                let mut case = base.clone();
                remove_at(&mut case, pointer);
                check(&case, &reference, &mut seen);
            }
            // Duplicates: every list item repeated.
            for pointer in &pointers {
                let mut case = base.clone();
                if let Some(items) = case.pointer_mut(pointer).and_then(Value::as_array_mut) {
                    if let Some(first) = items.first().cloned() {
                        items.push(first);
                    }
                }
                check(&case, &reference, &mut seen);
            }
        }
        // The walk reaches the parts it is meant to (a guard against a walk that finds
        // nothing and so passes).
        for expected in [
            "/child/birth",
            "/questionnaire/goals/0/importance",
            "/team/0/assessments/0/qualifier",
            "/goals/0/levels/0/text",
            "/services/0/quantity",
            "/services/0/parentRank",
            "/settings/budget",
            "/settings/weights/parent",
        ] {
            assert!(seen.contains(expected), "the walk never reached {expected}");
        }
    }

    fn check(
        case: &Value,
        reference: &ReferenceData,
        seen: &mut std::collections::BTreeSet<String>,
    ) {
        let problems = crate::engine::validate::validate_case(case, reference)
            .err()
            .unwrap_or_default();
        for problem in problems {
            for lang in Lang::ALL {
                let place = problem_place(lang, case, Some(reference), &problem);
                let place = place.unwrap_or_else(|| panic!("no name for {problem}"));
                // A pointer into a step's part names the step; below the part's top it
                // names the field too.
                let depth = problem.path.matches('/').count();
                assert!(
                    problem.path.is_empty() || place.step.is_some(),
                    "no step for {problem}"
                );
                if depth >= 2 {
                    let field = place
                        .field
                        .unwrap_or_else(|| panic!("no field for {problem}"));
                    assert!(!field.contains(crate::i18n::MISSING), "{problem}: {field}");
                }
                // The same step as the plan's "what is missing" list groups it under.
                let step = crate::plan_view::problem_step(&problem).map(|s| format!("step.{s}"));
                assert_eq!(place.step.map(str::to_string), step, "{problem}");
                let line = problem_line(lang, case, Some(reference), &problem);
                assert!(!line.contains(crate::i18n::MISSING), "{problem}: {line}");
            }
            seen.insert(problem.path);
        }
    }

    fn collect_pointers(value: &Value, at: String, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    let p = crate::engine::problem::join(&at, k);
                    collect_pointers(v, p.clone(), out);
                    out.push(p);
                }
            }
            Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    let p = format!("{at}/{i}");
                    collect_pointers(v, p.clone(), out);
                    out.push(p);
                }
            }
            _ => {}
        }
    }

    fn remove_at(case: &mut Value, pointer: &str) {
        let Some((parent, last)) = pointer.rsplit_once('/') else {
            return;
        };
        match case.pointer_mut(parent) {
            Some(Value::Object(map)) => {
                map.remove(last);
            }
            Some(Value::Array(items)) => {
                if let Ok(i) = last.parse::<usize>() {
                    if i < items.len() {
                        items.remove(i);
                    }
                }
            }
            _ => {}
        }
    }

    #[test]
    fn emptied_fields_say_they_are_empty() {
        let reference = reference();
        let mut case = crate::engine::example::example_case_json();
        case["settings"]["budget"] = json!("");
        case["settings"]["periodMonths"] = json!("");
        case["settings"]["weights"]["parent"] = json!(" ");
        case["services"][0]["quantity"] = json!("");
        case["goals"][0]["weight"] = json!("");
        case["questionnaire"]["goals"][0]["importance"] = json!("");
        let problems = crate::engine::validate::validate_case(&case, &reference)
            .err()
            .unwrap_or_default();
        for path in [
            "/settings/budget",
            "/settings/periodMonths",
            "/settings/weights/parent",
            "/services/0/quantity",
            "/goals/0/weight",
            "/questionnaire/goals/0/importance",
        ] {
            let p = problems.iter().find(|p| p.path == path);
            assert_eq!(
                p.map(|p| p.key.as_str()),
                Some("problem.text.empty"),
                "{path}"
            );
        }
    }

    #[test]
    fn decapitalise_keeps_abbreviations() {
        assert_eq!(decapitalise("Šo lauku"), "šo lauku");
        assert_eq!(decapitalise("SFK kvalifikators"), "SFK kvalifikators");
        assert_eq!(decapitalise("I. Kalniņa"), "I. Kalniņa");
        assert_eq!(decapitalise(""), "");
    }
}
