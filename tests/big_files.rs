//! Large and hostile files (issue 12, item 4): the proof set verified in steps (the verify
//! screen's way through a 5 MB file) gives exactly the report of one call, with the
//! document hashed once in slices; and every reader of a file the app opens refuses a
//! repeated member name with a message that names its pointer.

use ib_planner::draft::StoredCase;
use ib_planner::engine::example::example_case_json;
use ib_planner::engine::integrity::{
    add_proof, verify_document, IntegrityError, KeyPair, ProofOptions, ProofSetCheck, ProofStatus,
    HASH_SLICE_BYTES, MAX_PROOFS,
};
use ib_planner::engine::json::DUPLICATE_KEY;
use ib_planner::engine::plan::plan_from_case_json;
use ib_planner::engine::reference::ReferenceData;
use ib_planner::exchange::{answers_file, ranking_file, read_answers, read_ranking};
use ib_planner::i18n::{tf, Lang};
use ib_planner::signing::{key_from_text, key_to_text, open_plan_text, read_plan_document};
use serde_json::{json, Value};

fn plan() -> Value {
    plan_from_case_json(&example_case_json()).unwrap_or_else(|p| panic!("{p:?}"))
}

fn signed_by(document: &Value, seeds: &[u8]) -> Value {
    seeds.iter().fold(document.clone(), |doc, seed| {
        add_proof(
            &doc,
            &KeyPair::from_seed(&[*seed; 32]),
            &ProofOptions::new("2026-01-05T10:00:00Z"),
        )
        .unwrap_or_else(|e| panic!("{e}"))
    })
}

/// Runs a check step by step, recording the hashing progress it reports.
fn stepped(
    document: &Value,
) -> (
    Vec<usize>,
    ib_planner::engine::integrity::VerificationReport,
) {
    // The text's length is what the verify screen gives as the hint (its parse's
    // compact length), for the hashing's percent.
    let mut check = ProofSetCheck::new(document)
        .unwrap_or_else(|e| panic!("{e}"))
        .with_size_hint(document.to_string().len());
    let mut percents = Vec::new();
    let mut steps = 0;
    while check.step() {
        steps += 1;
        assert!(steps < 10_000, "the check does not end");
        if let Some(percent) = check.hashed_percent() {
            percents.push(percent);
        }
        assert!(check.proofs_checked() <= check.proof_count());
    }
    assert_eq!(check.proofs_checked(), check.proof_count());
    (percents, check.finish())
}

#[test]
fn a_proof_set_checked_in_steps_gives_the_same_report() {
    let three = signed_by(&plan(), &[1, 2, 3]);
    let mut one_broken = three.clone();
    one_broken["proof"][1]["proofValue"] = json!("z1111");
    let mut not_an_object = three.clone();
    not_an_object["proof"][2] = json!("not a proof");
    for document in [
        plan(),
        signed_by(&plan(), &[1]),
        three,
        one_broken,
        not_an_object,
    ] {
        let (_, report) = stepped(&document);
        assert_eq!(Some(report), verify_document(&document).ok());
    }
    let (_, report) = stepped(&signed_by(&plan(), &[1, 2, 3]));
    assert_eq!(report.count(ProofStatus::Valid), 3);
}

#[test]
fn a_large_document_is_hashed_once_in_slices() {
    // A plan with a member of 3 MB: about six slices, then one step per proof.
    let mut big = plan();
    big["annex"] = json!("x".repeat(3 * 1024 * 1024));
    let proof = signed_by(&big, &[5])["proof"].clone();
    big["proof"] = Value::Array(vec![proof; 20]);
    let (percents, report) = stepped(&big);
    let slices = (3 * 1024 * 1024) / HASH_SLICE_BYTES;
    assert!(percents.len() >= slices, "{percents:?}");
    assert!(percents.windows(2).all(|w| w[0] <= w[1]), "{percents:?}");
    assert!(percents.iter().any(|p| *p > 0 && *p < 100), "{percents:?}");
    assert_eq!(report.proofs.len(), 20);
    assert!(report.is_verified());
    assert_eq!(Some(report), verify_document(&big).ok());
}

#[test]
fn too_many_proofs_are_refused_before_any_step() {
    let proof = signed_by(&plan(), &[1])["proof"].clone();
    let mut many = plan();
    many["proof"] = Value::Array(vec![proof; 5000]);
    assert_eq!(
        ProofSetCheck::new(&many).err(),
        Some(IntegrityError::TooManyProofs {
            count: 5000,
            max: MAX_PROOFS
        })
    );
    let text = many.to_string();
    assert!(read_plan_document(&text).is_ok());
    let problem = open_plan_text(&text)
        .err()
        .unwrap_or_else(|| panic!("accepted"));
    let params: Vec<(&str, &str)> = problem
        .params
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert!(tf(Lang::En, &problem.key, &params).contains("5000"));
}

/// `value` as compact JSON text in which the object at `parent` has the member `name`
/// twice, the first time with `first`.
fn with_duplicate(value: &Value, parent: &str, name: &str, first: &Value) -> String {
    const MARK: &str = "\"__duplicate_here__\":null";
    let mut value = value.clone();
    let Some(Value::Object(object)) = value.pointer_mut(parent) else {
        panic!("no object at {parent}");
    };
    assert!(object.contains_key(name), "{parent} has no member {name}");
    object.insert("__duplicate_here__".into(), Value::Null);
    value
        .to_string()
        .replace(MARK, &format!("{}:{first}", Value::from(name)))
}

#[test]
fn every_file_the_app_reads_refuses_a_repeated_member_with_its_pointer() {
    let case = example_case_json();
    let reference = ReferenceData::builtin().unwrap_or_else(|p| panic!("{p:?}"));
    let stored = StoredCase {
        id: "c1".into(),
        updated: "2026-01-05T10:00:00.000Z".into(),
        case: case.clone(),
        rev: 0,
    }
    .to_text();
    let parse = |text: &str| serde_json::from_str::<Value>(text).unwrap_or(Value::Null);
    let answers = parse(&answers_file(&case));
    let ranking = parse(&ranking_file(&case, &reference.catalogue));
    let key = parse(&key_to_text(&KeyPair::from_seed(&[3; 32])));
    type Reader = fn(&str) -> Option<(String, String)>;
    // The reader's message key and pointer parameter, or None when it accepted the text.
    let plan_reader: Reader = |t| open_plan_text(t).err().map(|p| (p.key, p.path));
    let case_reader: Reader = |t| {
        StoredCase::from_text(t).err().map(|e| {
            let pointer = e.params().into_iter().map(|(_, v)| v).next();
            (e.key().to_string(), pointer.unwrap_or_default())
        })
    };
    let answers_reader: Reader = |t| {
        read_answers(t).err().map(|e| {
            let pointer = e.params().into_iter().map(|(_, v)| v).next();
            (e.key().to_string(), pointer.unwrap_or_default())
        })
    };
    let ranking_reader: Reader = |t| {
        read_ranking(t).err().map(|e| {
            let pointer = e.params().into_iter().map(|(_, v)| v).next();
            (e.key().to_string(), pointer.unwrap_or_default())
        })
    };
    let key_reader: Reader = |t| key_from_text(t).err().map(|p| (p.key, p.path));
    let table: Vec<(&str, Reader, Value, &str, &str)> = vec![
        (
            "plan",
            plan_reader,
            signed_by(&plan(), &[1]),
            "/case/settings",
            "budget",
        ),
        (
            "plan proof",
            plan_reader,
            signed_by(&plan(), &[1]),
            "/proof",
            "proofValue",
        ),
        (
            "stored case",
            case_reader,
            parse(&stored),
            "/case/child",
            "birth",
        ),
        ("answers", answers_reader, answers.clone(), "", "format"),
        ("ranking", ranking_reader, ranking.clone(), "", "format"),
        ("key", key_reader, key, "", "publicKeyMultibase"),
    ];
    for (what, reader, value, parent, name) in table {
        let valid = value.to_string();
        assert_eq!(
            reader(&valid).map(|(k, _)| k),
            None,
            "{what}: the valid file is refused"
        );
        let text = with_duplicate(&value, parent, name, &json!("other"));
        let pointer = format!("{parent}/{name}");
        assert_eq!(
            reader(&text),
            Some((DUPLICATE_KEY.to_string(), pointer.clone())),
            "{what}"
        );
        for lang in Lang::ALL {
            let message = tf(lang, DUPLICATE_KEY, &[("pointer", &pointer)]);
            assert!(message.contains(&pointer), "{what}: {message}");
        }
    }
}
