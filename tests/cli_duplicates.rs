//! Every file `ibplan` reads refuses a JSON document in which an object repeats a member
//! name, naming the file and the pointer of the repeat (issue 12, item 4): cases, price
//! lists, plans, review inputs and reviews, keys, trust lists, provider lists, provision
//! records and amended plans, in every command that reads them. All of them go through
//! one reader (`read_json`, which calls `engine::json::parse_strict`); this table keeps
//! a new command or option from reading JSON another way. Shared helpers in
//! `tests/common/`.

use std::path::{Path, PathBuf};

use serde_json::{json, Value};

mod common;
use common::*;

const REVIEW_INPUT: &str = include_str!("data/example-review-input.json");
const RECORD: &str = include_str!("data/example-provision-record.json");
const PROVIDERS: &str = include_str!("../public/data/providers.example.json");
const CATALOGUE: &str = include_str!("../public/data/catalogue.json");

fn parsed(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or(Value::Null)
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
    let text = value.to_string();
    assert_eq!(text.matches(MARK).count(), 1);
    text.replace(MARK, &format!("{}:{first}", Value::from(name)))
}

/// A directory with a valid file of every kind: `case.json`, `plan.json` (signed),
/// `catalogue.json`, `input.json`, `review.json`, `key.json`, `providers.json`,
/// `record.json`, `trust.json`.
fn setup(test: &str) -> PathBuf {
    let dir = scratch(test);
    let case = run_json(&dir, &["example-case"]);
    write(&dir, "case.json", &case);
    let plan = run_json(&dir, &["plan", "case.json"]);
    write(&dir, "unsigned.json", &plan);
    let key = run_json(&dir, &["keygen"]);
    write(&dir, "key.json", &key);
    let signed = run_json(&dir, &["sign", "--key", "key.json", "unsigned.json"]);
    write(&dir, "plan.json", &signed);
    write(&dir, "catalogue.json", &parsed(CATALOGUE));
    write(&dir, "input.json", &parsed(REVIEW_INPUT));
    let review = run_json(&dir, &["review", "plan.json", "input.json"]);
    write(&dir, "review.json", &review);
    write(&dir, "providers.json", &parsed(PROVIDERS));
    write(&dir, "record.json", &parsed(RECORD));
    write(
        &dir,
        "trust.json",
        &json!({"schema": "ib-trust/1", "signers": [], "priceLists": []}),
    );
    dir
}

fn read(dir: &Path, name: &str) -> Value {
    parsed(&std::fs::read_to_string(dir.join(name)).unwrap_or_default())
}

#[test]
fn every_file_of_every_command_refuses_a_repeated_member_name() {
    let dir = setup("every-file");
    // (command line with DUP for the file under test, the valid file it is a copy of,
    // the object that gets a repeated member, the member)
    let table: &[(&[&str], &str, &str, &str)] = &[
        (&["plan", "DUP"], "case.json", "/settings/weights", "expert"),
        (
            &["plan", "--catalogue", "DUP", "case.json"],
            "catalogue.json",
            "",
            "schema",
        ),
        (&["price-list-entry", "DUP"], "catalogue.json", "", "schema"),
        (
            &["providers", "--catalogue", "DUP", "providers.json"],
            "catalogue.json",
            "",
            "schema",
        ),
        (&["verify", "DUP"], "plan.json", "/case/settings", "budget"),
        (&["verify", "DUP"], "plan.json", "", "proof"),
        (&["show", "DUP"], "plan.json", "/case/child", "id"),
        (&["upgrade", "DUP"], "plan.json", "", "schema"),
        (
            &["sign", "--key", "key.json", "DUP"],
            "unsigned.json",
            "/result/totals",
            "allocated",
        ),
        (
            &["sign", "--key", "DUP", "unsigned.json"],
            "key.json",
            "",
            "secretKeyMultibase",
        ),
        (&["review", "DUP", "input.json"], "plan.json", "", "schema"),
        (&["review", "plan.json", "DUP"], "input.json", "", "goals"),
        (&["verify", "DUP"], "review.json", "", "schema"),
        (&["show", "DUP"], "review.json", "", "schema"),
        (
            &["verify", "--plan", "DUP", "review.json"],
            "plan.json",
            "",
            "schema",
        ),
        (
            &["verify", "--trust", "DUP", "plan.json"],
            "trust.json",
            "",
            "signers",
        ),
        (&["providers", "DUP"], "providers.json", "", "version"),
        (
            &[
                "provision",
                "--providers",
                "DUP",
                "plan.json",
                "record.json",
            ],
            "providers.json",
            "",
            "version",
        ),
        (
            &["provision", "plan.json", "DUP"],
            "record.json",
            "",
            "planDigest",
        ),
        (
            &["provision", "DUP", "record.json"],
            "plan.json",
            "",
            "schema",
        ),
        (
            &["provision", "--amend", "DUP", "plan.json", "record.json"],
            "plan.json",
            "",
            "schema",
        ),
    ];
    for (index, (args, source, parent, name)) in table.iter().enumerate() {
        let file = format!("dup-{index}.json");
        let value = read(&dir, source);
        let first = match value.pointer(&format!("{parent}/{name}")) {
            Some(Value::String(_)) => json!("other"),
            Some(Value::Array(_)) => json!([]),
            _ => json!(1),
        };
        std::fs::write(
            dir.join(&file),
            with_duplicate(&value, parent, name, &first),
        )
        .unwrap_or_else(|e| panic!("cannot write {file}: {e}"));
        let args: Vec<&str> = args
            .iter()
            .map(|a| if *a == "DUP" { file.as_str() } else { a })
            .collect();
        let output = run(&dir, &args);
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "ibplan {args:?}: {err}");
        let pointer = format!("{parent}/{name}");
        assert!(
            err.contains(&format!("{file}: {pointer}: ")) && err.contains("appears twice"),
            "ibplan {args:?} did not name {file} and {pointer}: {err}"
        );
        assert!(stdout(&output).is_empty(), "ibplan {args:?} printed output");
    }
}
