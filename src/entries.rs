//! Stored entries as the screens find them: each is addressed by its storage key, and
//! before it is opened it is sorted into what it is — a case to edit, a case that may
//! only be viewed (with the reason), an entry whose inner id names another case than its
//! key, or text that cannot be read. Pure, tested natively; `storage` reads the text and
//! the screens act on the answer.
//!
//! Why this matters: a case is saved under the key of its inner id. An entry whose inner
//! id differs from its key (case A's text under `ib-planner/case/B`) would otherwise open
//! as A, save into A's entry and, deleted from the list, delete A. And a case of the wrong
//! shape (`child: 7`) or of a newer schema (`ib-case/2`) would be edited as version 1:
//! edits that cannot be set are lost, and a newer case would be rewritten without the
//! parts this build does not know. Such a case is opened read-only and never written.

use serde_json::Value;

use crate::draft::{StoredCase, StoredCaseError};
use crate::engine::validate::{kind, CASE_SCHEMA};
use crate::way_in::PARENTS_OWN_SCHEMA;

/// Why a stored case may only be viewed, never edited or saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadOnly {
    /// A part of the case the app edits has the wrong JSON type (`child: 7`), so edits
    /// to it could not be stored.
    WrongShape {
        /// The JSON pointer of the part.
        pointer: String,
        /// The type it must have: `object`, `array` or `string`.
        expected: &'static str,
        /// The type it has.
        found: &'static str,
    },
    /// The case names a schema this build does not read: a newer version such as
    /// `ib-case/2`, or a tag it does not know.
    Schema {
        /// The tag as stored (or the JSON type, when it is not text).
        found: String,
    },
}

impl ReadOnly {
    /// The reason in `lang`.
    pub fn text(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::tf;
        match self {
            ReadOnly::WrongShape {
                pointer,
                expected,
                found,
            } => {
                let problem = tf(
                    lang,
                    &format!("problem.type.{expected}"),
                    &[("found", found)],
                );
                tf(
                    lang,
                    "entries.read_only.shape",
                    &[("pointer", pointer), ("problem", &problem)],
                )
            }
            ReadOnly::Schema { found } => tf(
                lang,
                "problem.case.schema",
                &[("found", found), ("supported", CASE_SCHEMA)],
            ),
        }
    }
}

/// The parts of a case (and of a parents' own record, whose parts sit at the same
/// pointers) that the screens write into, with the JSON type each must have; `*` is
/// every item of a list. A part that is missing or `null` is fine (an edit creates it);
/// any other type makes the case read-only. Deeper parts are not listed: an edit that
/// cannot be set there is refused and told (`CaseCtx::set_at`), not lost.
const SHAPE: &[(&str, &str)] = &[
    ("/schema", "string"),
    ("/child", "object"),
    ("/questionnaire", "object"),
    ("/questionnaire/goals", "array"),
    ("/questionnaire/goals/*", "object"),
    ("/team", "array"),
    ("/team/*", "object"),
    ("/team/*/assessments", "array"),
    ("/team/*/assessments/*", "object"),
    ("/goals", "array"),
    ("/goals/*", "object"),
    ("/goals/*/levels", "array"),
    ("/goals/*/levels/*", "object"),
    ("/goals/*/parentGoals", "array"),
    ("/services", "array"),
    ("/services/*", "object"),
    ("/settings", "object"),
    ("/settings/weights", "object"),
    ("/parentsOrder", "object"),
    ("/parentsOrder/followExperts", "object"),
    ("/parentsOrder/expertsOrderSeen", "array"),
];

/// The first part of `value` under the pattern `tokens` (from `at`) whose type is not
/// `expected`: its pointer and its type.
fn wrong_part(
    value: &Value,
    tokens: &[&str],
    at: String,
    expected: &str,
) -> Option<(String, &'static str)> {
    let Some((first, rest)) = tokens.split_first() else {
        return (!value.is_null() && kind(value) != expected).then(|| (at, kind(value)));
    };
    match (*first, value) {
        ("*", Value::Array(items)) => items
            .iter()
            .enumerate()
            .find_map(|(i, item)| wrong_part(item, rest, format!("{at}/{i}"), expected)),
        (name, Value::Object(map)) => map.get(name).and_then(|v| {
            let escaped = name.replace('~', "~0").replace('/', "~1");
            wrong_part(v, rest, format!("{at}/{escaped}"), expected)
        }),
        // A container of the wrong type is reported at its own pattern, earlier in SHAPE.
        _ => None,
    }
}

/// Why the case `case` may only be viewed, or `None` when it may be edited.
pub fn read_only(case: &Value) -> Option<ReadOnly> {
    for (pattern, expected) in SHAPE {
        let tokens: Vec<&str> = pattern.split('/').skip(1).collect();
        if let Some((pointer, found)) = wrong_part(case, &tokens, String::new(), expected) {
            return Some(ReadOnly::WrongShape {
                pointer,
                expected,
                found,
            });
        }
    }
    match case.get("schema").and_then(Value::as_str) {
        None | Some(CASE_SCHEMA) | Some(PARENTS_OWN_SCHEMA) => None,
        Some(tag) => Some(ReadOnly::Schema {
            found: tag.chars().take(64).collect(),
        }),
    }
}

/// A stored entry, sorted for opening it under the key of `id`.
#[derive(Clone, Debug, PartialEq)]
pub enum Opening {
    /// A case to edit and save.
    Editable(StoredCase),
    /// A case to view only, never written.
    ReadOnly(StoredCase, ReadOnly),
    /// A readable entry whose inner id is not `id`: it is not opened as either case.
    Mismatch(StoredCase),
    /// Text that is not a stored case.
    Unreadable(StoredCaseError),
}

/// Sorts the text stored under the key of `id`.
pub fn classify(id: &str, text: &str) -> Opening {
    match StoredCase::from_text(text) {
        Err(error) => Opening::Unreadable(error),
        Ok(stored) if stored.id != id => Opening::Mismatch(stored),
        Ok(stored) => match read_only(&stored.case) {
            Some(reason) => Opening::ReadOnly(stored, reason),
            None => Opening::Editable(stored),
        },
    }
}

/// The entry stored under the key of `id`, repaired: its inner id made `id`, all else
/// kept. `None` when the text is not a mismatched entry that may be written (it cannot
/// be read, it already matches, or it is read-only: a case that may only be viewed is
/// never rewritten, not even to repair its id).
pub fn repaired(id: &str, text: &str) -> Option<StoredCase> {
    match classify(id, text) {
        Opening::Mismatch(stored) if read_only(&stored.case).is_none() => Some(StoredCase {
            id: id.to_string(),
            ..stored
        }),
        _ => None,
    }
}

/// The file name for downloading the text stored under the key of `id` exactly as it is:
/// `stored-<id>.json` for a readable entry, `unreadable-<id>.txt` for text that is not.
pub fn raw_file_name(id: &str, readable: bool) -> String {
    let id: String = id
        .chars()
        .map(|c| {
            if crate::signing::is_file_name_char(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    if readable {
        format!("stored-{id}.json")
    } else {
        format!("unreadable-{id}.txt")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::new_case;
    use crate::i18n::{Lang, MISSING};
    use serde_json::json;

    fn stored(id: &str, case: Value) -> String {
        StoredCase {
            id: id.into(),
            updated: "2026-12-01T10:00:00.000Z".into(),
            case,
            rev: 0,
        }
        .to_text()
    }

    #[test]
    fn a_case_under_its_own_key_is_editable() {
        let text = stored("b1", new_case("2026-12-01"));
        assert!(matches!(classify("b1", &text), Opening::Editable(s) if s.id == "b1"));
        let parents = stored("p1", crate::way_in::new_answers_record());
        assert!(matches!(classify("p1", &parents), Opening::Editable(_)));
        let example = stored("ex", crate::engine::example::example_case_json());
        assert!(matches!(classify("ex", &example), Opening::Editable(_)));
    }

    #[test]
    fn another_cases_text_under_a_key_is_a_mismatch_never_that_case() {
        let text = stored("a1", new_case("2026-12-01"));
        assert!(matches!(classify("b1", &text), Opening::Mismatch(s) if s.id == "a1"));
        // Repaired: the inner id becomes the key's, everything else is kept.
        let fixed = repaired("b1", &text).unwrap();
        assert_eq!(fixed.id, "b1");
        assert_eq!(fixed.case, new_case("2026-12-01"));
        assert_eq!(fixed.updated, "2026-12-01T10:00:00.000Z");
        assert!(matches!(
            classify("b1", &fixed.to_text()),
            Opening::Editable(_)
        ));
        // Nothing to repair: it matches, it cannot be read, or it may only be viewed.
        assert_eq!(repaired("a1", &text), None);
        assert_eq!(repaired("b1", "{not json"), None);
        let mut newer = new_case("2026-12-01");
        newer["schema"] = json!("ib-case/2");
        assert_eq!(repaired("b1", &stored("a1", newer)), None);
    }

    #[test]
    fn parts_of_the_wrong_type_make_the_case_read_only() {
        let cases = [
            ("/child", json!(7), "object", "number"),
            ("/team", json!("x"), "array", "string"),
            ("/settings", json!([]), "object", "array"),
            ("/schema", json!(2), "string", "number"),
            ("/questionnaire/goals", json!({}), "array", "object"),
            ("/team/1", json!(7), "object", "number"),
            ("/team/0/assessments", json!(true), "array", "boolean"),
            ("/settings/weights", json!("0.6"), "object", "string"),
        ];
        for (pointer, value, expected, found) in cases {
            let mut case = new_case("2026-12-01");
            *case.pointer_mut(pointer).unwrap() = value;
            assert_eq!(
                read_only(&case),
                Some(ReadOnly::WrongShape {
                    pointer: pointer.into(),
                    expected,
                    found
                }),
                "{pointer}"
            );
            let text = stored("c1", case);
            assert!(matches!(classify("c1", &text), Opening::ReadOnly(..)));
        }
        // Missing or null parts are created by an edit: not a reason.
        let mut case = new_case("2026-12-01");
        case["child"] = Value::Null;
        case.as_object_mut().unwrap().remove("team");
        assert_eq!(read_only(&case), None);
        // A member with a `/` in its name gets an escaped pointer.
        assert_eq!(
            wrong_part(&json!({"a/b": 1}), &["a/b"], String::new(), "object"),
            Some(("/a~1b".into(), "number"))
        );
    }

    #[test]
    fn a_newer_or_unknown_schema_makes_the_case_read_only() {
        for tag in [
            "ib-case/2",
            "ib-case/0",
            "something-else",
            "ib-planner-parents-own/2",
        ] {
            let mut case = new_case("2026-12-01");
            case["schema"] = json!(tag);
            assert_eq!(
                read_only(&case),
                Some(ReadOnly::Schema { found: tag.into() })
            );
        }
        let mut case = new_case("2026-12-01");
        case.as_object_mut().unwrap().remove("schema");
        assert_eq!(read_only(&case), None);
    }

    #[test]
    fn every_reason_is_worded_in_both_languages() {
        let reasons = [
            ReadOnly::WrongShape {
                pointer: "/child".into(),
                expected: "object",
                found: "number",
            },
            ReadOnly::WrongShape {
                pointer: "/team".into(),
                expected: "array",
                found: "string",
            },
            ReadOnly::WrongShape {
                pointer: "/schema".into(),
                expected: "string",
                found: "number",
            },
            ReadOnly::Schema {
                found: "ib-case/2".into(),
            },
        ];
        for reason in reasons {
            for lang in Lang::ALL {
                let text = reason.text(lang);
                assert!(!text.contains(MISSING) && !text.contains('{'), "{text}");
            }
        }
        assert!(ReadOnly::Schema {
            found: "ib-case/2".into()
        }
        .text(Lang::En)
        .contains("ib-case/2"));
    }

    #[test]
    fn unreadable_text_stays_unreadable() {
        assert_eq!(
            classify("x", "{\"format\": \"ib-planner-stored-ca"),
            Opening::Unreadable(StoredCaseError::NotJson)
        );
        assert_eq!(raw_file_name("b1", true), "stored-b1.json");
        assert_eq!(raw_file_name("a b", false), "unreadable-a_b.txt");
    }
}
