//! `ibplan` end to end: the built binary is run as a user would run it — keys, the
//! example case, a plan, two signatures, verification, tampering and bad input.

use std::path::Path;
use std::process::Command;

use serde_json::{json, Value};

mod common;
use common::*;

/// The first string under `value` that looks like money (`123.45`), as a JSON pointer.
fn first_money(value: &Value, at: &str) -> Option<String> {
    match value {
        Value::String(s) => {
            let looks_like_money = s.split_once('.').is_some_and(|(units, cents)| {
                !units.is_empty()
                    && units.chars().all(|c| c.is_ascii_digit())
                    && cents.len() == 2
                    && cents.chars().all(|c| c.is_ascii_digit())
            }) && s != "0.00";
            looks_like_money.then(|| at.to_string())
        }
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, v)| first_money(v, &format!("{at}/{i}"))),
        Value::Object(map) => map
            .iter()
            .find_map(|(k, v)| first_money(v, &format!("{at}/{k}"))),
        _ => None,
    }
}

/// Keys, example case, plan, and a plan signed by two people (the second key file
/// written with `privateKeyMultibase`, as in the W3C vectors).
fn signed_plan(dir: &Path) -> Value {
    let first = run_json(dir, &["keygen"]);
    let second = run_json(dir, &["keygen"]);
    for key in [&first, &second] {
        let public = key["publicKeyMultibase"].as_str().unwrap_or_default();
        assert!(public.starts_with("z6Mk"), "{key}");
        assert!(key["secretKeyMultibase"].is_string(), "{key}");
    }
    assert_ne!(first, second, "keygen repeats itself");
    write(dir, "parent.key.json", &first);
    write(
        dir,
        "worker.key.json",
        &json!({
            "publicKeyMultibase": second["publicKeyMultibase"],
            "privateKeyMultibase": second["secretKeyMultibase"],
        }),
    );
    let case = run_json(dir, &["example-case"]);
    write(dir, "case.json", &case);
    let plan = run_json(dir, &["plan", "case.json"]);
    assert!(
        plan["schema"]
            .as_str()
            .is_some_and(|s| s.starts_with("ib-plan/")),
        "{:.200}",
        plan.to_string()
    );
    write(dir, "plan.json", &plan);
    let once = run_json(dir, &["sign", "--key", "parent.key.json", "plan.json"]);
    assert!(once["proof"].is_object());
    write(dir, "plan.signed1.json", &once);
    let twice = run_json(
        dir,
        &[
            "sign",
            "--key=worker.key.json",
            "--created",
            "2025-03-01T10:00:00Z",
            "--purpose",
            "authentication",
            "plan.signed1.json",
        ],
    );
    write(dir, "plan.signed.json", &twice);
    twice
}

#[test]
fn keygen_plan_sign_twice_and_verify() {
    let dir = scratch("flow");
    let signed = signed_plan(&dir);
    let proofs = signed["proof"].as_array().cloned().unwrap_or_default();
    assert_eq!(proofs.len(), 2);
    assert_eq!(proofs[1]["created"], json!("2025-03-01T10:00:00Z"));
    assert_eq!(proofs[1]["proofPurpose"], json!("authentication"));
    // The default `created` is now, in UTC, to the second.
    let created = proofs[0]["created"].as_str().unwrap_or_default();
    assert_eq!(created.len(), 20, "{created}");
    assert!(created.ends_with('Z'), "{created}");

    let output = run(&dir, &["verify", "plan.signed.json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let summary = stderr(&output);
    assert!(summary.contains("plan.signed.json"), "{summary}");
    assert!(summary.contains("VERIFIED"), "{summary}");

    let report = run_json(&dir, &["verify", "--json", "plan.signed.json"]);
    assert_eq!(report["verified"], json!(true), "{report}");
    assert_eq!(report["recompute"]["status"], json!("matches"), "{report}");
    let proofs = report["proofs"].as_array().cloned().unwrap_or_default();
    assert_eq!(proofs.len(), 2);
    for proof in &proofs {
        assert_eq!(proof["status"], json!("valid"));
        assert!(proof["key"].as_str().is_some_and(|k| k.starts_with("z6Mk")));
        assert!(proof["fingerprint"].is_string());
        assert!(proof["created"].is_string());
    }
    assert_eq!(proofs[1]["purpose"], json!("authentication"));
}

/// Where to tamper: the plan's allocated total, or the unit price of the first planned
/// service in the embedded price list (falling back to the first money value of the
/// section if the document is shaped differently).
fn tamper_pointer(signed: &Value, section: &str) -> Option<String> {
    if section == "result" && signed.pointer("/result/totals/allocated").is_some() {
        return Some("/result/totals/allocated".to_string());
    }
    if section == "priceList" {
        let code = signed.pointer("/result/lines/0/code").cloned();
        let services = signed
            .pointer("/priceList/services")
            .and_then(Value::as_array);
        if let (Some(code), Some(services)) = (code, services) {
            let position = services.iter().position(|s| s["code"] == code);
            if let Some(i) = position {
                return first_money(&services[i], &format!("/priceList/services/{i}"));
            }
        }
    }
    first_money(&signed[section], &format!("/{section}"))
}

fn tamper_and_verify(test: &str, section: &str) {
    let dir = scratch(test);
    let mut signed = signed_plan(&dir);
    let Some(pointer) = tamper_pointer(&signed, section) else {
        panic!("no money value under /{section}");
    };
    let Some(target) = signed.pointer_mut(&pointer) else {
        panic!("{pointer} vanished");
    };
    let old = target.as_str().unwrap_or_default().to_string();
    let new = if old.ends_with('1') {
        format!("{}2", &old[..old.len() - 1])
    } else {
        format!("{}1", &old[..old.len() - 1])
    };
    *target = json!(new);
    write(&dir, "tampered.json", &signed);

    let output = run(&dir, &["verify", "tampered.json"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let summary = stderr(&output);
    assert!(summary.contains("tampered.json"), "{summary}");
    assert!(summary.contains("NOT VERIFIED"), "{summary}");
    assert!(summary.contains("/proof/0"), "{summary}");
    assert!(summary.contains("/proof/1"), "{summary}");
    // The recomputation names the first difference (a result value); a tampered total
    // is named exactly.
    assert!(summary.contains("differs at /result"), "{summary}");
    if section == "result" {
        assert!(
            summary.contains(&pointer),
            "{pointer} not named in: {summary}"
        );
    }

    let report = run_json_any(&dir, &["verify", "--json", "tampered.json"]);
    assert_eq!(report["verified"], json!(false));
    assert_eq!(report["validProofs"], json!(0));
    assert_eq!(report["recompute"]["status"], json!("differs"));
}

/// Like `run_json` but for a command that exits non-zero on purpose.
fn run_json_any(dir: &Path, args: &[&str]) -> Value {
    let output = run(dir, args);
    serde_json::from_str(&stdout(&output)).unwrap_or(Value::Null)
}

#[test]
fn a_tampered_total_fails_verification_and_is_named() {
    tamper_and_verify("total", "result");
}

#[test]
fn a_tampered_price_fails_verification() {
    tamper_and_verify("price", "priceList");
}

#[test]
fn unreadable_input_exits_2_and_names_the_file() {
    let dir = scratch("garbage");
    if let Err(e) = std::fs::write(dir.join("garbage.json"), "{\"proof\": [1, 2") {
        panic!("{e}");
    }
    let output = run(&dir, &["verify", "garbage.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("garbage.json"),
        "{}",
        stderr(&output)
    );
    assert!(stderr(&output).contains("line 1"), "{}", stderr(&output));

    let output = run(&dir, &["verify", "missing.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("missing.json"));

    write(&dir, "array.json", &json!([1, 2]));
    let output = run(&dir, &["verify", "array.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("array.json"));

    let output = run(&dir, &["plan", "garbage.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("garbage.json"));
}

#[test]
fn a_document_without_proofs_is_not_verified() {
    let dir = scratch("unsigned");
    write(&dir, "doc.json", &json!({"title": "nothing signed"}));
    let output = run(&dir, &["verify", "--json", "doc.json"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("no proof"), "{}", stderr(&output));
    let report: Value = serde_json::from_str(&stdout(&output)).unwrap_or(Value::Null);
    assert_eq!(report["verified"], json!(false));
    assert_eq!(report["proofCount"], json!(0));
}

#[test]
fn any_json_object_can_be_signed_and_verified() {
    let dir = scratch("any");
    write(&dir, "key.json", &run_json(&dir, &["keygen"]));
    write(
        &dir,
        "note.json",
        &json!({"note": "Sanāksme 3. martā", "n": [1, 2.5, null]}),
    );
    let signed = run_json(
        &dir,
        &[
            "sign",
            "--key",
            "key.json",
            "--created",
            "2025-03-01T10:00:00+02:00",
            "note.json",
        ],
    );
    write(&dir, "note.signed.json", &signed);
    let output = run(&dir, &["verify", "note.signed.json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn a_case_with_problems_lists_them_with_file_and_pointer() {
    let dir = scratch("problems");
    let mut case = run_json(&dir, &["example-case"]);
    case["settings"] = json!("not settings");
    write(&dir, "bad-case.json", &case);
    let output = run(&dir, &["plan", "bad-case.json"]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let text = stderr(&output);
    assert!(text.contains("bad-case.json: /settings"), "{text}");
    assert!(
        !text.contains("⟨?⟩"),
        "a problem key has no message: {text}"
    );
}

#[test]
fn a_case_of_a_newer_version_is_refused_not_planned_as_version_1() {
    let dir = scratch("newer-case");
    let mut case = run_json(&dir, &["example-case"]);
    case["schema"] = json!("ib-case/2");
    write(&dir, "newer-case.json", &case);
    let output = run(&dir, &["plan", "newer-case.json"]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert!(stdout(&output).is_empty(), "a plan was printed");
    let text = stderr(&output);
    assert!(text.contains("newer-case.json"), "{text}");
    assert!(
        text.contains("ib-case/2") && text.contains("ib-case/1"),
        "{text}"
    );
}

#[test]
fn bad_keys_and_options_are_named() {
    let dir = scratch("badkey");
    write(&dir, "doc.json", &json!({"a": 1}));
    write(&dir, "nokey.json", &json!({"publicKeyMultibase": "z6Mk"}));
    write(
        &dir,
        "shortkey.json",
        &json!({"secretKeyMultibase": "z3u2"}),
    );
    let output = run(&dir, &["sign", "--key", "nokey.json", "doc.json"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("nokey.json: /:"),
        "{}",
        stderr(&output)
    );
    let output = run(&dir, &["sign", "--key", "shortkey.json", "doc.json"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("shortkey.json: /secretKeyMultibase:"),
        "{}",
        stderr(&output)
    );
    write(&dir, "key.json", &run_json(&dir, &["keygen"]));
    let output = run(
        &dir,
        &[
            "sign",
            "--key",
            "key.json",
            "--created",
            "2025-02-30",
            "doc.json",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("--created"), "{}", stderr(&output));
    let output = run(
        &dir,
        &[
            "sign",
            "--key",
            "key.json",
            "--purpose",
            "two words",
            "doc.json",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("--purpose"), "{}", stderr(&output));
}

#[test]
fn every_command_has_help() {
    let dir = scratch("help");
    for command in [
        "keygen",
        "example-case",
        "plan",
        "review",
        "show",
        "sign",
        "verify",
    ] {
        let output = run(&dir, &[command, "--help"]);
        assert_eq!(output.status.code(), Some(0));
        assert!(
            stdout(&output).contains(&format!("ibplan {command}")),
            "{command}"
        );
    }
    let output = run(&dir, &["--help"]);
    assert!(stdout(&output).contains("Usage"));
    for command in ["review PLAN.json INPUT.json", "show FILE.json"] {
        assert!(
            stdout(&output).contains(&format!("ibplan {command}")),
            "{command}"
        );
    }
    let output = run(&dir, &["nonsense"]);
    assert_eq!(output.status.code(), Some(2));
}

const REVIEW_INPUT: &str = include_str!("data/example-review-input.json");

/// The example plan signed twice, and the review input, written into `dir`.
fn plan_and_review_input(dir: &Path) {
    signed_plan(dir);
    let input: Value = serde_json::from_str(REVIEW_INPUT).unwrap_or(Value::Null);
    write(dir, "input.json", &input);
}

#[test]
fn review_a_signed_plan_show_it_and_sign_the_review() {
    let dir = scratch("review");
    plan_and_review_input(&dir);
    let review = run_json(&dir, &["review", "plan.signed.json", "input.json"]);
    assert_eq!(review["schema"], json!("ib-review/1"));
    // The digest names the plan without its proofs: signed or not, the same plan.
    let unsigned = run_json(&dir, &["review", "plan.json", "input.json"]);
    assert_eq!(review, unsigned);
    assert_eq!(review["outcome"]["delivery"]["percent"], json!("93.22"));
    write(&dir, "review.json", &review);

    // The same inputs give the same bytes.
    let again = run(&dir, &["review", "plan.json", "input.json"]);
    let first = run(&dir, &["review", "plan.json", "input.json"]);
    assert_eq!(again.stdout, first.stdout);

    let shown = run(&dir, &["show", "review.json"]);
    assert_eq!(shown.status.code(), Some(0), "{}", stderr(&shown));
    let text = stdout(&shown);
    for expected in [
        "Review ib-review/1",
        "CESIS-2025-017",
        "50.00 / 51.77",
        "+1.67",
        "330 of 354 funded units (93.22 %)",
        "continue",
        "achieved",
        "Review recomputed: the outcome matches",
        "0 proof(s)",
    ] {
        assert!(text.contains(expected), "{expected}: {text}");
    }
    assert!(text.lines().count() < 50, "{text}");

    let shown = run(&dir, &["show", "plan.signed.json"]);
    assert_eq!(shown.status.code(), Some(0), "{}", stderr(&shown));
    let text = stdout(&shown);
    for expected in [
        "Plan ib-plan/1",
        "SVC-SPEECH",
        "Funded in full.",
        // The reasons in the app's words: what was left, the smallest change, the score.
        "Not funded: €134.00 was left when its turn came, but one item costs €150.00.",
        "One item would be funded with €16.00 more in the budget, or if it were above",
        "experts rank 8 → 3 points × 60\u{a0}% + parents rank 6 → 5 points × 40\u{a0}% = 3.8",
        "Plan recomputed",
        "2 proof(s)",
    ] {
        assert!(text.contains(expected), "{expected}: {text}");
    }

    // The review is a JSON object like any other: it can be signed and its proof checks.
    let key = run_json(&dir, &["keygen"]);
    write(&dir, "key.json", &key);
    let signed = run_json(&dir, &["sign", "--key", "key.json", "review.json"]);
    write(&dir, "review.signed.json", &signed);
    let shown = run(&dir, &["show", "review.signed.json"]);
    assert_eq!(shown.status.code(), Some(0));
    assert!(stdout(&shown).contains("1 proof(s)"));
}

#[test]
fn a_tampered_review_outcome_is_named_by_show() {
    let dir = scratch("review-tamper");
    plan_and_review_input(&dir);
    let mut review = run_json(&dir, &["review", "plan.json", "input.json"]);
    review["outcome"]["copm"]["satisfactionImportant"] = json!(false);
    write(&dir, "review.json", &review);
    let shown = run(&dir, &["show", "review.json"]);
    assert_eq!(shown.status.code(), Some(1));
    assert!(
        stdout(&shown).contains("review.json: /outcome/copm/satisfactionImportant:"),
        "{}",
        stdout(&shown)
    );
}

#[test]
fn review_problems_name_the_file_and_pointer() {
    let dir = scratch("review-problems");
    plan_and_review_input(&dir);
    let mut input: Value = serde_json::from_str(REVIEW_INPUT).unwrap_or(Value::Null);
    input["goals"][1]["conclusion"] = json!("done");
    input["delivery"][0]["delivered"] = json!(30);
    write(&dir, "bad.json", &input);
    let output = run(&dir, &["review", "plan.json", "bad.json"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("bad.json: /goals/1/conclusion: The conclusion must be"),
        "{err}"
    );
    assert!(
        err.contains("bad.json: /delivery/0/delivered: 30 units delivered are given, but the plan funded 24."),
        "{err}"
    );
    assert!(
        err.contains("bad.json: 2 problem(s); no review was made"),
        "{err}"
    );
    assert!(stdout(&output).is_empty());

    // A plan whose result was changed is refused, naming the plan file.
    let mut plan: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("plan.json")).unwrap_or_default())
            .unwrap_or(Value::Null);
    plan["result"]["totals"]["remaining"] = json!("0.00");
    write(&dir, "changed.json", &plan);
    let output = run(&dir, &["review", "changed.json", "input.json"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("changed.json: /result/totals/remaining:"),
        "{}",
        stderr(&output)
    );

    // A file that is neither a plan nor a review; a missing file; a wrong command line.
    write(&dir, "other.json", &json!({"schema": "something/1"}));
    let output = run(&dir, &["show", "other.json"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("other.json: /schema:"));
    let output = run(&dir, &["review", "plan.json", "missing.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("missing.json: cannot read the file"));
    let output = run(&dir, &["review", "plan.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("two file arguments"));
}

/// `value` as text in which the object at `parent` has `name` twice, `first` first.
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

fn write_text(dir: &Path, name: &str, text: &str) {
    if let Err(e) = std::fs::write(dir.join(name), text) {
        panic!("cannot write {name}: {e}");
    }
}

#[test]
fn duplicate_members_are_refused_with_file_and_pointer() {
    let dir = scratch("duplicates");
    let signed = signed_plan(&dir);
    let cases = [
        (
            "plan.budget.json",
            with_duplicate(&signed, "/case/settings", "budget", &json!("99999.00")),
            "/case/settings/budget",
        ),
        (
            "plan.proof.json",
            with_duplicate(&signed, "", "proof", &json!([])),
            "/proof",
        ),
    ];
    for (name, text, pointer) in cases {
        write_text(&dir, name, &text);
        let output = run(&dir, &["verify", "--json", name]);
        assert_eq!(output.status.code(), Some(2), "{name}: {}", stderr(&output));
        let text = stderr(&output);
        assert!(text.contains(&format!("{name}: {pointer}: ")), "{text}");
        assert!(text.contains("appears twice"), "{text}");
        assert!(stdout(&output).is_empty(), "{name}: a report was printed");
    }

    let case = run_json(&dir, &["example-case"]);
    let text = with_duplicate(&case, "/settings/weights", "expert", &json!("1"));
    write_text(&dir, "case.dup.json", &text);
    let output = run(&dir, &["plan", "case.dup.json"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("case.dup.json: /settings/weights/expert: "),
        "{}",
        stderr(&output)
    );

    let key = run_json(&dir, &["keygen"]);
    let other = run_json(&dir, &["keygen"]);
    let text = with_duplicate(&key, "", "secretKeyMultibase", &other["secretKeyMultibase"]);
    write_text(&dir, "key.dup.json", &text);
    let output = run(&dir, &["sign", "--key", "key.dup.json", "plan.json"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("key.dup.json: /secretKeyMultibase: "),
        "{}",
        stderr(&output)
    );
}

#[test]
fn more_than_fifty_proofs_are_refused_before_checking() {
    let dir = scratch("proofs51");
    let signed = signed_plan(&dir);
    let proof = signed["proof"][0].clone();
    let mut many = signed.clone();
    many["proof"] = Value::Array(vec![proof.clone(); 51]);
    write(&dir, "many.json", &many);
    let output = run(&dir, &["verify", "--json", "many.json"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let text = stderr(&output);
    assert!(text.contains("many.json: /proof: "), "{text}");
    assert!(text.contains("51") && text.contains("at most 50"), "{text}");
    assert!(!text.contains("1/51"), "a proof was checked: {text}");

    many["proof"] = Value::Array(vec![proof; 50]);
    write(&dir, "fifty.json", &many);
    let output = run(&dir, &["verify", "fifty.json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let output = run(&dir, &["sign", "--key", "parent.key.json", "fifty.json"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("fifty.json: /proof: "),
        "{}",
        stderr(&output)
    );
}

#[test]
fn files_over_five_mib_are_not_read() {
    let dir = scratch("large");
    let limit = 5 * 1024 * 1024;
    // A sparse file: the size is checked before anything is read.
    let file = match std::fs::File::create(dir.join("large.json")) {
        Ok(file) => file,
        Err(e) => panic!("{e}"),
    };
    if let Err(e) = file.set_len(30 * 1024 * 1024) {
        panic!("{e}");
    }
    for args in [
        &["verify", "large.json"][..],
        &["plan", "large.json"],
        &["sign", "--key", "large.json", "large.json"],
    ] {
        let output = run(&dir, args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let text = stderr(&output);
        assert!(
            text.contains("large.json: the file is larger than 5242880 bytes"),
            "{text}"
        );
    }

    // Standard input: refused once past the limit, not read to the end.
    let mut big = format!("{{\"pad\":\"{}", " ".repeat(limit));
    big.push_str("\"}");
    let child = Command::new(BIN)
        .current_dir(&dir)
        .args(["verify", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(e) => panic!("{e}"),
    };
    if let Some(mut stdin) = child.stdin.take() {
        use std::io::Write;
        // ibplan may stop reading (and close the pipe) once past the limit.
        let _ = stdin.write_all(big.as_bytes());
    }
    let output = match child.wait_with_output() {
        Ok(output) => output,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("-: the file is larger than"),
        "{}",
        stderr(&output)
    );

    // Just under the limit is read.
    let mut fits = json!({"pad": ""});
    fits["pad"] = Value::from(" ".repeat(limit - 20));
    write(&dir, "fits.json", &fits);
    let output = run(&dir, &["verify", "fits.json"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("no proof"), "{}", stderr(&output));
}
