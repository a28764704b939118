//! `ibplan` with a signed review (issue 15, item 3): `sign` refuses a review whose
//! outcome does not recompute (unless `--force`); `verify` checks the review's proofs,
//! recomputes its outcome and, with `--plan PLAN.json`, checks that the plan given is
//! the one the review names, or says that no plan was given. And `ibplan upgrade`
//! (issue 13, item 4): an `ib-plan/0` plan converted, its old proofs left out. Shared
//! helpers in `tests/common/`.

use std::path::{Path, PathBuf};

use serde_json::{json, Value};

mod common;
use common::*;

const REVIEW_INPUT: &str = include_str!("data/example-review-input.json");

/// A directory with the example plan (`plan.json`), the same plan signed
/// (`plan.signed.json`), a key (`key.json`) and the example review (`review.json`).
fn setup(test: &str) -> PathBuf {
    let dir = scratch(test);
    let case = run_json(&dir, &["example-case"]);
    write(&dir, "case.json", &case);
    let plan = run_json(&dir, &["plan", "case.json"]);
    write(&dir, "plan.json", &plan);
    let key = run_json(&dir, &["keygen"]);
    write(&dir, "key.json", &key);
    let signed = run_json(&dir, &["sign", "--key", "key.json", "plan.json"]);
    write(&dir, "plan.signed.json", &signed);
    let input: Value = serde_json::from_str(REVIEW_INPUT).unwrap_or(Value::Null);
    write(&dir, "input.json", &input);
    let review = run_json(&dir, &["review", "plan.signed.json", "input.json"]);
    write(&dir, "review.json", &review);
    dir
}

fn signed_review(dir: &Path) {
    let signed = run_json(
        dir,
        &[
            "sign",
            "--key",
            "key.json",
            "--created",
            "2026-06-30T12:00:00Z",
            "review.json",
        ],
    );
    write(dir, "review.signed.json", &signed);
}

#[test]
fn a_signed_review_verifies_with_its_plan_and_says_when_the_plan_is_missing() {
    let dir = setup("review-verify");
    signed_review(&dir);

    // With the plan beside it (signed or not: the digest leaves proofs out).
    for plan in ["plan.json", "plan.signed.json"] {
        let output = run(
            &dir,
            &["verify", "--json", "--plan", plan, "review.signed.json"],
        );
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let err = stderr(&output);
        assert!(
            err.contains("Review recomputed: the outcome matches"),
            "{err}"
        );
        assert!(
            err.contains(&format!(
                "{plan}: The plan given is exactly the one the review is about"
            )),
            "{err}"
        );
        let report: Value = serde_json::from_str(&stdout(&output)).unwrap_or(Value::Null);
        assert_eq!(report["verified"], json!(true), "{report}");
        assert_eq!(report["plan"]["checked"], json!(true), "{report}");
        assert_eq!(report["plan"]["matches"], json!(true), "{report}");
        assert_eq!(report["recompute"]["status"], json!("matches"), "{report}");
    }

    // Without the plan: verified, and the output says the plan was not checked.
    let output = run(&dir, &["verify", "--json", "review.signed.json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("The plan was not given beside the review"),
        "{}",
        stderr(&output)
    );
    let report: Value = serde_json::from_str(&stdout(&output)).unwrap_or(Value::Null);
    assert_eq!(report["plan"]["checked"], json!(false), "{report}");
}

#[test]
fn another_plan_beside_the_review_fails_and_is_named() {
    let dir = setup("review-other-plan");
    signed_review(&dir);
    // The reviewed plan, changed afterwards: the digest no longer matches.
    let mut other: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("plan.json")).unwrap_or_default())
            .unwrap_or(Value::Null);
    assert!(other.is_object(), "{other}");
    other["engineVersion"] = json!("0.0.0-changed");
    write(&dir, "other-plan.json", &other);

    let output = run(
        &dir,
        &[
            "verify",
            "--json",
            "--plan",
            "other-plan.json",
            "review.signed.json",
        ],
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(
        err.contains("other-plan.json: The plan given is not the one the review is about"),
        "{err}"
    );
    assert!(err.contains("NOT VERIFIED"), "{err}");
    let report: Value = serde_json::from_str(&stdout(&output)).unwrap_or(Value::Null);
    assert_eq!(report["verified"], json!(false), "{report}");
    assert_eq!(report["plan"]["matches"], json!(false), "{report}");

    // A review given as the plan is not a plan.
    let output = run(
        &dir,
        &["verify", "--plan", "review.json", "review.signed.json"],
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("review.json: The file given as the plan is not a plan document"),
        "{}",
        stderr(&output)
    );

    // --plan beside a plan is a usage error.
    let output = run(&dir, &["verify", "--plan", "plan.json", "plan.signed.json"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("--plan is for a review"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_review_whose_outcome_was_changed_is_not_signed_and_not_verified() {
    let dir = setup("review-tampered-sign");
    let mut review: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("review.json")).unwrap_or_default())
            .unwrap_or(Value::Null);
    review["outcome"]["delivery"]["percent"] = json!("100.00");
    write(&dir, "changed.json", &review);

    let output = run(&dir, &["sign", "--key", "key.json", "changed.json"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(
        err.contains("changed.json: /outcome/delivery/percent"),
        "{err}"
    );
    assert!(
        err.contains("not signed: the review's outcome does not recompute"),
        "{err}"
    );
    assert!(stdout(&output).is_empty());

    // With --force it is signed, with a warning, and verify still refuses it.
    let output = run(
        &dir,
        &["sign", "--force", "--key", "key.json", "changed.json"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains("warning: signing with --force"));
    let forced: Value = serde_json::from_str(&stdout(&output)).unwrap_or(Value::Null);
    write(&dir, "forced.json", &forced);
    let output = run(&dir, &["verify", "--plan", "plan.json", "forced.json"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(
        err.contains("forced.json: /outcome/delivery/percent"),
        "{err}"
    );
    assert!(err.contains("NOT VERIFIED"), "{err}");
}

/// An `ib-plan/0` draft of the example plan (weights as a pair, no period), signed.
fn version_0_plan(dir: &Path) -> Value {
    let mut case = run_json(dir, &["example-case"]);
    if let Some(settings) = case["settings"].as_object_mut() {
        settings.remove("periodMonths");
        settings.insert("weights".into(), json!([0.6, 0.4]));
    }
    let draft = json!({"schema": "ib-plan/0", "case": case});
    write(dir, "draft.json", &draft);
    // A plan that does not recompute is signed only with --force (as an old tool did).
    let signed = run_json(dir, &["sign", "--force", "--key", "key.json", "draft.json"]);
    write(dir, "draft.signed.json", &signed);
    signed
}

#[test]
fn upgrade_converts_a_version_0_plan_and_leaves_its_old_proofs_out() {
    let dir = setup("upgrade");
    version_0_plan(&dir);

    // verify refuses the old version and says why.
    let output = run(&dir, &["verify", "draft.signed.json"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("ib-plan/0"), "{}", stderr(&output));

    let output = run(&dir, &["upgrade", "draft.signed.json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(
        err.contains("draft.signed.json: converted ib-plan/0 to ib-plan/1"),
        "{err}"
    );
    assert!(err.contains("1 proof(s) of the old document"), "{err}");
    let upgraded: Value = serde_json::from_str(&stdout(&output)).unwrap_or(Value::Null);
    assert_eq!(upgraded["schema"], json!("ib-plan/1"));
    assert!(upgraded.get("proof").is_none(), "{upgraded:.200}");
    assert_eq!(
        upgraded["case"]["settings"]["weights"],
        json!({"expert": "0.6", "parent": "0.4"})
    );
    // The same plan as one made from the case today.
    let today: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("plan.json")).unwrap_or_default())
            .unwrap_or(Value::Null);
    assert_eq!(upgraded["result"], today["result"]);
    write(&dir, "upgraded.json", &upgraded);
    let shown = run(&dir, &["show", "upgraded.json"]);
    assert_eq!(shown.status.code(), Some(0), "{}", stderr(&shown));

    // A current plan is printed unchanged, proofs and all.
    let output = run(&dir, &["upgrade", "plan.signed.json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains("already ib-plan/1"));
    let same: Value = serde_json::from_str(&stdout(&output)).unwrap_or(Value::Null);
    let signed: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("plan.signed.json")).unwrap_or_default(),
    )
    .unwrap_or(Value::Null);
    assert_eq!(same, signed);

    // A newer schema and a broken draft are refused with pointers.
    let output = run(&dir, &["upgrade", "review.json"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let mut broken = json!({"schema": "ib-plan/0", "case": {"settings": {"weights": [0.6, 0.4]}}});
    write(&dir, "broken.json", &broken);
    let output = run(&dir, &["upgrade", "broken.json"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains("broken.json: /case/"), "{err}");
    assert!(err.contains("the plan was not converted"), "{err}");
    assert!(stdout(&output).is_empty());
    broken["schema"] = json!("ib-plan/7");
    write(&dir, "newer.json", &broken);
    let output = run(&dir, &["upgrade", "newer.json"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("newer.json: /schema:"),
        "{}",
        stderr(&output)
    );
}
