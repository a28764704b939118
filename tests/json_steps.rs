//! The strict parse in steps (`engine::json_steps`) gives exactly what `parse_strict`
//! gives, on any text and at any step size: the same value (byte for byte as JSON text),
//! the same refusal of a repeated name with the same pointer, a syntax error where
//! `parse_strict` has one.

use ib_planner::engine::json::{parse_strict, StrictJsonError};
use ib_planner::engine::json_steps::{parse_strict_in_steps, StrictParse};
use proptest::prelude::*;

/// The outcome as comparable text: the value's JSON, the duplicate's pointer, or "syntax".
fn outcome(result: Result<serde_json::Value, StrictJsonError>) -> String {
    match result {
        Ok(value) => format!("ok {value}"),
        Err(StrictJsonError::Duplicate(d)) => format!("duplicate {}", d.pointer),
        Err(StrictJsonError::Syntax(_)) => "syntax".into(),
    }
}

fn check(text: &str) {
    let expected = outcome(parse_strict(text));
    for budget in [1, 2, 3, 7, 64, 4096, usize::MAX] {
        assert_eq!(
            outcome(parse_strict_in_steps(text, budget)),
            expected,
            "{text:?} in steps of {budget}"
        );
    }
}

/// JSON as a tree in which an object may repeat a name, written out by hand.
#[derive(Clone, Debug)]
enum Raw {
    Scalar(String),
    Array(Vec<Raw>),
    Object(Vec<(String, Raw)>),
}

impl Raw {
    fn write(&self, pretty: bool, out: &mut String) {
        let gap = if pretty { " \n\t" } else { "" };
        match self {
            Raw::Scalar(text) => out.push_str(text),
            Raw::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(gap);
                    item.write(pretty, out);
                }
                out.push_str(gap);
                out.push(']');
            }
            Raw::Object(members) => {
                out.push('{');
                for (i, (name, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(gap);
                    out.push_str(name);
                    out.push_str(if pretty { " : " } else { ":" });
                    value.write(pretty, out);
                }
                out.push_str(gap);
                out.push('}');
            }
        }
    }
}

/// Scalars as JSON text, the hard ones included: escapes, lone surrogates (serde_json
/// refuses them in a value, its `IgnoredAny` does not), control characters, numbers out
/// of range, negative zero, integers beyond 64 bits, exponents.
fn scalar() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("null".to_string()),
        Just("true".to_string()),
        Just("false".to_string()),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<u64>().prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|x| serde_json::Value::from(x).to_string()),
        prop::sample::select(vec![
            "-0",
            "0.0",
            "1e400",
            "-1e400",
            "1E+2",
            "12345678901234567890123",
            "1.5e-7",
            "\"\\ud800\"",
            "\"\\ud83d\\ude00\"",
            "\"\\u0061\"",
            "\"a\\/b\"",
            "\"\\n\\t\"",
            "\"\u{1}\"",
            "\"\\x\"",
            "\"ā\u{1F600}\"",
            "01",
            "-",
            "1.",
            "tru",
        ])
        .prop_map(str::to_string),
        "[a-z \u{e9}~/]{0,6}".prop_map(|s| serde_json::Value::from(s).to_string()),
    ]
}

/// Names from a small set, so repeats are common (escaped spellings of one name too).
fn name() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "\"a\"",
        "\"b\"",
        "\"\\u0061\"",
        "\"~/\"",
        "\"\"",
        "\"\\ud800\"",
    ])
    .prop_map(str::to_string)
}

fn raw() -> impl Strategy<Value = Raw> {
    scalar()
        .prop_map(Raw::Scalar)
        .prop_recursive(6, 64, 5, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(Raw::Array),
                prop::collection::vec((name(), inner), 0..5).prop_map(Raw::Object),
            ]
        })
}

/// Arbitrary JSON values (no repeats possible), as `parse_strict`'s own property test.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "[a-zA-Z0-9 ~/\"\\\\\u{e9}\u{1F600}\\t\\n\u{1}]{0,8}".prop_map(Value::from),
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
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn equals_parse_strict_on_json(value in json_value(), pretty in any::<bool>()) {
        let text = if pretty {
            serde_json::to_string_pretty(&value).unwrap()
        } else {
            value.to_string()
        };
        check(&text);
        // And the value is the one written.
        prop_assert_eq!(parse_strict_in_steps(&text, 5).ok(), Some(value));
    }

    #[test]
    fn equals_parse_strict_with_repeated_names(tree in raw(), pretty in any::<bool>()) {
        let mut text = String::new();
        tree.write(pretty, &mut text);
        check(&text);
    }

    #[test]
    fn equals_parse_strict_on_broken_text(tree in raw(), cut in any::<prop::sample::Index>(), insert in prop::sample::select(vec!["", ",", "]", "}", "\"", ":", "x", "[", "{\"a\":1,\"a\":2}"])) {
        // A repeat and then a fault, a fault and then a repeat, a cut-off text.
        let mut text = String::new();
        tree.write(false, &mut text);
        let mut at = cut.index(text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let broken = format!("{}{insert}{}", &text[..at], &text[at..]);
        check(&broken);
        check(&text[..at]);
    }

    #[test]
    fn equals_parse_strict_on_any_text(text in "[\\[\\]{}:,\"a0-9 .e\\\\u-]{0,32}") {
        check(&text);
    }
}

#[test]
fn the_recursion_limit_is_serde_jsons_while_building_and_none_after_a_repeat() {
    for depth in [126, 127, 128, 129, 300] {
        let deep = "[".repeat(depth) + &"]".repeat(depth);
        check(&deep);
        // After a repeat only the syntax counts (serde_json's `IgnoredAny` has no limit).
        check(&format!("{{\"a\":1,\"a\":{deep}}}"));
        // Before it, the limit stops the parse first.
        check(&format!("[{deep},{{\"a\":1,\"a\":2}}]"));
    }
    assert!(parse_strict_in_steps(&("[".repeat(127) + &"]".repeat(127)), 3).is_ok());
}

#[test]
fn what_is_refused_only_in_a_value_is_allowed_after_a_repeat() {
    for later in ["1e400", "\"\\ud800\"", "-0", "\"\u{1}\"", "01"] {
        check(&format!("{{\"a\":1,\"a\":2,\"b\":{later}}}"));
        check(&format!("{{\"b\":{later},\"a\":1,\"a\":2}}"));
    }
}

#[test]
fn byte_order_marks_and_whitespace_as_parse_strict() {
    for text in [
        "\u{feff}{\"a\": 1}",
        "{\"a\": 1}\u{feff}",
        "\u{feff}\u{feff}1",
        " \t\n\r 1 \n",
        "",
        "   ",
        "\u{feff}",
        "\u{a0}1",
    ] {
        check(text);
    }
}

#[test]
fn the_first_repeat_is_named_with_its_pointer() {
    let text = r#"{"x":[0,{"y":{"b":1,"c":2,"b":3}}],"x":1,"a/b~":[{"q":1,"q":2}]}"#;
    assert_eq!(
        outcome(parse_strict_in_steps(text, 2)),
        "duplicate /x/1/y/b"
    );
    check(text);
    check(r#"[{"a/b~":1,"a/b~":1}]"#);
}

#[test]
fn progress_and_the_compact_length() {
    let text = "{\n  \"a\": [1, 2, \"x y\"]\n}";
    let mut parse = StrictParse::new(text);
    assert_eq!(parse.percent(), 0);
    let mut seen = Vec::new();
    let value = loop {
        if let Some(done) = parse.step(4) {
            break done;
        }
        seen.push(parse.percent());
    };
    assert!(value.is_ok());
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    assert!(seen.len() >= 3);
    assert_eq!(parse.percent(), 100);
    assert_eq!(parse.compact_len(), r#"{"a":[1,2,"x y"]}"#.len());
    // Handed out once.
    assert!(parse.step(4).is_none());
}
