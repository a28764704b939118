//! Duplicate member names and oversized proof sets are refused everywhere user-supplied
//! JSON text is read: plans, stored cases, the answers and ranking files, key files.
//! serde_json alone keeps the last of two equal names, so a plan with
//! `"budget":"99999.00","budget":"3800.00"` used to verify as valid.

use ib_planner::draft::{StoredCase, StoredCaseError};
use ib_planner::engine::example::example_case_json;
use ib_planner::engine::integrity::{
    add_proof, verify_document, IntegrityError, KeyPair, ProofOptions, MAX_PROOFS,
};
use ib_planner::engine::json::{parse_strict, StrictJsonError, DUPLICATE_KEY};
use ib_planner::engine::plan::plan_from_case_json;
use ib_planner::engine::reference::ReferenceData;
use ib_planner::exchange::{answers_file, ranking_file, read_answers, read_ranking, ExchangeError};
use ib_planner::i18n::{tf, Lang};
use ib_planner::signing::{
    key_from_text, key_to_text, open_plan_text, plan_digest, signature_views, SignatureState,
    StoredSignature,
};
use proptest::prelude::*;
use serde_json::{json, Value};

const MARK: &str = "\"__duplicate_here__\":null";

/// `value` as compact JSON text in which the object at `parent` has the member `name`
/// twice: first with `first`, then (where serde_json puts it) with its own value.
fn with_duplicate(value: &Value, parent: &str, name: &str, first: &Value) -> String {
    let mut value = value.clone();
    let Some(Value::Object(object)) = value.pointer_mut(parent) else {
        panic!("no object at {parent}");
    };
    assert!(object.contains_key(name), "{parent} has no member {name}");
    object.insert("__duplicate_here__".into(), Value::Null);
    let text = value.to_string();
    assert_eq!(text.matches(MARK).count(), 1);
    text.replace(MARK, &format!("{}:{first}", Value::from(name)))
}

fn plan() -> Value {
    plan_from_case_json(&example_case_json()).unwrap_or_else(|p| panic!("{p:?}"))
}

fn signed_plan() -> Value {
    let key = KeyPair::from_seed(&[7; 32]);
    add_proof(&plan(), &key, &ProofOptions::new("2026-01-05T10:00:00Z")).unwrap()
}

fn duplicate_pointer(text: &str) -> Option<String> {
    match parse_strict(text) {
        Err(StrictJsonError::Duplicate(d)) => Some(d.pointer),
        _ => None,
    }
}

#[test]
fn serde_json_alone_keeps_the_last_duplicate() {
    // The reason for parse_strict: this is what every parser call did before.
    let text = r#"{"budget":"99999.00","budget":"3800.00"}"#;
    let value: Value = serde_json::from_str(text).unwrap();
    assert_eq!(value, json!({"budget": "3800.00"}));
    assert_eq!(duplicate_pointer(text).as_deref(), Some("/budget"));
}

#[test]
fn a_plan_with_a_duplicate_budget_is_refused_with_its_pointer() {
    let signed = signed_plan();
    assert!(open_plan_text(&signed.to_string()).is_ok());
    assert!(signed.pointer("/case/settings/budget").is_some());
    let text = with_duplicate(&signed, "/case/settings", "budget", &json!("99999.00"));
    // serde_json would have read it as the signed plan.
    assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), signed);
    let Err(problem) = open_plan_text(&text) else {
        panic!("a plan with a duplicate budget was accepted");
    };
    assert_eq!(problem.key, DUPLICATE_KEY);
    assert_eq!(problem.path, "/case/settings/budget");
    assert_eq!(
        problem.params,
        vec![("pointer".to_string(), "/case/settings/budget".to_string())]
    );
    let en = tf(
        Lang::En,
        &problem.key,
        &[("pointer", "/case/settings/budget")],
    );
    assert!(en.contains("/case/settings/budget"), "{en}");
}

#[test]
fn a_plan_with_a_duplicate_proof_is_refused() {
    let signed = signed_plan();
    let other = add_proof(
        &plan(),
        &KeyPair::from_seed(&[8; 32]),
        &ProofOptions::new("2026-01-05T10:00:00Z"),
    )
    .unwrap();
    let text = with_duplicate(&signed, "", "proof", &other["proof"]);
    let Err(problem) = open_plan_text(&text) else {
        panic!("a plan with two proof members was accepted");
    };
    assert_eq!(
        (problem.key.as_str(), problem.path.as_str()),
        (DUPLICATE_KEY, "/proof")
    );
    // Inside a proof, too.
    let text = with_duplicate(&signed, "/proof", "proofValue", &json!("z1111"));
    let Err(problem) = open_plan_text(&text) else {
        panic!("a proof with two proofValue members was accepted");
    };
    assert_eq!(problem.path, "/proof/proofValue");
}

#[test]
fn a_stored_case_with_a_duplicate_is_unreadable_and_says_where() {
    let stored = StoredCase {
        id: "c1".into(),
        updated: "2026-01-05T10:00:00.000Z".into(),
        case: example_case_json(),
        rev: 0,
    };
    let envelope: Value = serde_json::from_str(&stored.to_text()).unwrap();
    assert!(StoredCase::from_text(&stored.to_text()).is_ok());
    for (parent, name, pointer) in [
        ("", "id", "/id"),
        ("/case/child", "id", "/case/child/id"),
        (
            "/case/questionnaire/goals/0",
            "text",
            "/case/questionnaire/goals/0/text",
        ),
    ] {
        let text = with_duplicate(&envelope, parent, name, &json!("other"));
        let Err(error) = StoredCase::from_text(&text) else {
            panic!("{pointer}: accepted");
        };
        assert_eq!(error, StoredCaseError::DuplicateKey(pointer.into()));
        assert_eq!(error.key(), DUPLICATE_KEY);
        for lang in Lang::ALL {
            assert!(error.text(lang).contains(pointer), "{}", error.text(lang));
        }
    }
    // Not JSON stays "not JSON".
    assert_eq!(
        StoredCase::from_text("{\"id\":1,\"id\"").err(),
        Some(StoredCaseError::NotJson)
    );
}

fn exchange_pointer(result: Result<(), ExchangeError>) -> Option<String> {
    match result {
        Err(ExchangeError::DuplicateKey(pointer)) => Some(pointer),
        _ => None,
    }
}

#[test]
fn answers_and_ranking_files_with_duplicates_are_refused() {
    let case = example_case_json();
    let answers: Value = serde_json::from_str(&answers_file(&case)).unwrap();
    let text = with_duplicate(&answers, "", "format", &json!("ib-planner-answers/1"));
    assert_eq!(
        exchange_pointer(read_answers(&text).map(drop)).as_deref(),
        Some("/format")
    );
    let text = with_duplicate(&answers, "/questionnaire/goals/1", "importance", &json!(10));
    let error = read_answers(&text).err();
    assert_eq!(
        error,
        Some(ExchangeError::DuplicateKey(
            "/questionnaire/goals/1/importance".into()
        ))
    );
    let error = error.unwrap();
    assert_eq!(error.key(), DUPLICATE_KEY);
    assert_eq!(
        error.params(),
        vec![("pointer", "/questionnaire/goals/1/importance".to_string())]
    );

    let reference = ReferenceData::builtin().unwrap();
    let ranking_text = ranking_file(&case, &reference.catalogue);
    assert!(read_ranking(&ranking_text).is_ok());
    let ranking: Value = serde_json::from_str(&ranking_text).unwrap();
    let entries = ranking
        .as_object()
        .and_then(|o| o.iter().find(|(_, v)| v.is_array()))
        .map(|(name, _)| name.clone())
        .unwrap();
    let parent = format!("/{entries}/0");
    let name = ranking
        .pointer(&parent)
        .and_then(Value::as_object)
        .and_then(|o| o.keys().next().cloned())
        .unwrap();
    let text = with_duplicate(&ranking, &parent, &name, &json!(1));
    assert_eq!(
        exchange_pointer(read_ranking(&text).map(drop)),
        Some(format!("{parent}/{name}"))
    );
}

#[test]
fn a_key_file_with_a_duplicate_is_refused() {
    let key = KeyPair::from_seed(&[3; 32]);
    let text = key_to_text(&key);
    assert!(key_from_text(&text).is_ok());
    let value: Value = serde_json::from_str(&text).unwrap();
    let other = KeyPair::from_seed(&[4; 32]).to_key_json();
    let text = with_duplicate(
        &value,
        "",
        "secretKeyMultibase",
        &other["secretKeyMultibase"],
    );
    let Err(problem) = key_from_text(&text) else {
        panic!("a key file with two secret keys was accepted");
    };
    assert_eq!(problem.key, DUPLICATE_KEY);
    assert_eq!(problem.path, "/secretKeyMultibase");
}

/// `document` with its one proof copied `n` times.
fn with_copies(document: &Value, n: usize) -> Value {
    let mut document = document.clone();
    let proof = document["proof"].clone();
    document["proof"] = Value::Array(vec![proof; n]);
    document
}

#[test]
fn more_than_fifty_proofs_are_refused_with_the_number() {
    assert_eq!(MAX_PROOFS, 50);
    let signed = signed_plan();
    let fifty = verify_document(&with_copies(&signed, 50)).unwrap();
    assert!(fifty.is_verified());
    assert_eq!(fifty.proofs.len(), 50);

    let many = with_copies(&signed, 51);
    assert_eq!(
        verify_document(&many).err(),
        Some(IntegrityError::TooManyProofs { count: 51, max: 50 })
    );
    let Err(problem) = open_plan_text(&many.to_string()) else {
        panic!("51 proofs were accepted");
    };
    assert_eq!(problem.key, "integrity.document.too_many_proofs");
    let params: Vec<(&str, &str)> = problem
        .params
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    for lang in Lang::ALL {
        let text = tf(lang, &problem.key, &params);
        assert!(text.contains("51") && text.contains("50"), "{text}");
    }
    // Refused before any signature is checked: broken proofs give the same answer.
    let mut broken = many.clone();
    broken["proof"][3] = json!("not a proof");
    assert_eq!(
        verify_document(&broken).err(),
        Some(IntegrityError::TooManyProofs { count: 51, max: 50 })
    );

    // No 51st proof can be added.
    let full = with_copies(&signed, 50);
    assert_eq!(
        add_proof(
            &full,
            &KeyPair::from_seed(&[9; 32]),
            &ProofOptions::new("2026-01-05T10:00:00Z")
        )
        .err(),
        Some(IntegrityError::ProofSetFull { max: 50 })
    );
}

#[test]
fn more_than_fifty_signatures_kept_with_a_case_are_all_invalid_for_that_reason() {
    let plan = plan();
    let proof = signed_plan()["proof"].clone();
    let signatures = |n: usize| -> Vec<StoredSignature> {
        (0..n)
            .map(|i| StoredSignature {
                participant: format!("p{i}"),
                plan_digest: plan_digest(&plan),
                proof: proof.clone(),
            })
            .collect()
    };
    let views = signature_views(&plan, &signatures(50));
    assert!(views.iter().all(|v| v.state == SignatureState::Valid));
    let views = signature_views(&plan, &signatures(51));
    assert_eq!(views.len(), 51);
    for view in views {
        let SignatureState::Invalid(problem) = view.state else {
            panic!("a signature of 51 was shown as {:?}", view.state);
        };
        assert_eq!(problem.key, "integrity.document.too_many_proofs");
    }
}

/// Arbitrary JSON values; object members come from a small set of names, so nesting and
/// near-collisions are common, but serde_json's maps never hold a name twice.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-1.0e12f64..1.0e12).prop_map(Value::from),
        "[a-zA-Z0-9 ~/\"\\\\\u{e9}\u{1F600}\\t\\n]{0,8}".prop_map(Value::from),
    ];
    leaf.prop_recursive(6, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[ab~/\"]{0,3}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #[test]
    fn parse_strict_agrees_with_serde_json_without_duplicates(value in json_value(), pretty in any::<bool>()) {
        let text = if pretty {
            serde_json::to_string_pretty(&value).unwrap()
        } else {
            value.to_string()
        };
        let strict = parse_strict(&text);
        let plain: Value = serde_json::from_str(&text).unwrap();
        prop_assert!(strict.is_ok(), "{text}");
        prop_assert_eq!(strict.ok(), Some(plain));
    }

    #[test]
    fn parse_strict_agrees_with_serde_json_on_what_is_not_json(text in "[\\[\\]{}:,\"a0-9 .e-]{0,24}") {
        let plain = serde_json::from_str::<Value>(&text);
        match parse_strict(&text) {
            Ok(value) => prop_assert_eq!(Some(value), plain.ok()),
            Err(StrictJsonError::Syntax(_)) => prop_assert!(plain.is_err(), "{text}"),
            // A duplicate: serde_json reads it (keeping the last), and some object has
            // the name twice.
            Err(StrictJsonError::Duplicate(_)) => prop_assert!(plain.is_ok(), "{text}"),
        }
    }
}

/// Files allowed to call serde_json's parsers directly: the strict parser itself and the
/// built-in data compiled into the program (no user text reaches them).
const PLAIN_PARSE_ALLOWED: &[&str] = &[
    "src/engine/json.rs",
    "src/engine/json_steps.rs",
    "src/engine/reference.rs",
    "src/engine/example.rs",
    "src/engine/value_eq.rs",
];

fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        panic!("cannot read {}", dir.display());
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn user_json_text_is_only_parsed_strictly() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    assert!(files.len() > 20);
    for path in files {
        let relative = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        if PLAIN_PARSE_ALLOWED.contains(&relative.as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        for call in [
            "serde_json::from_str",
            "serde_json::from_slice",
            "serde_json::from_reader",
        ] {
            assert!(
                !text.contains(call),
                "{relative} calls {call}: use engine::json::parse_strict"
            );
        }
    }
}
