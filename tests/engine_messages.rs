//! Every problem and reason key the engine can emit has a Latvian and English message.
//! The keys are enumerated from the engine's sources (every `"problem.…"` and
//! `"reason.…"` literal), so a new key without a message fails here.

use std::fs;

use ib_planner::engine::allocate::Reason;
use ib_planner::i18n::{has, t, Lang, MISSING};

fn engine_keys() -> Vec<String> {
    let mut keys = Vec::new();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/engine");
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for path in files
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
    {
        let text = fs::read_to_string(&path).unwrap();
        for prefix in ["\"problem.", "\"reason."] {
            for (at, _) in text.match_indices(prefix) {
                let rest = &text[at + 1..];
                let end = rest.find('"').unwrap();
                let key = &rest[..end];
                if key
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '.' || c == '_')
                    && !key.ends_with('.')
                {
                    keys.push(key.to_string());
                }
            }
        }
    }
    keys.sort();
    keys.dedup();
    keys
}

#[test]
fn every_engine_key_has_both_languages() {
    let keys = engine_keys();
    assert!(keys.len() > 50, "found only {} keys", keys.len());
    for key in &keys {
        assert!(has(key), "no message for {key}");
        assert_ne!(t(Lang::Lv, key), MISSING);
        assert_ne!(t(Lang::En, key), MISSING);
    }
    for key in Reason::KEYS {
        assert!(keys.iter().any(|k| k == key), "{key} not found in sources");
    }
}

#[test]
fn reason_placeholders_match_the_serialised_fields() {
    let reason = Reason::PartlyFunded {
        funded_units: 3,
        requested_units: 5,
    };
    let json = serde_json::to_value(reason).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"code": "partlyFunded", "fundedUnits": 3, "requestedUnits": 5})
    );
    let text = t(Lang::En, reason.key());
    for field in ["fundedUnits", "requestedUnits"] {
        assert!(text.contains(&format!("{{{field}}}")), "{text}");
    }
    let capped = serde_json::to_value(Reason::Capped { cap: 15 }).unwrap();
    assert_eq!(capped, serde_json::json!({"code": "capped", "cap": 15}));
}
