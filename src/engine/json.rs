//! Strict JSON reading: [`parse_strict`] refuses a document in which an object has the
//! same member name twice, and says where ([`DuplicateKey::pointer`]).
//!
//! Why serde_json alone does not do it: `serde_json::from_str::<Value>` keeps the *last*
//! of two equal member names and drops the first without a word (RFC 8259 §4 only says
//! names "SHOULD be unique"). Other programs keep the first or refuse, so a signed plan
//! with `"budget":"99999.00","budget":"3800.00"` would read as one amount here and as
//! another elsewhere, while its signature (over the parsed value) stays valid. serde_json
//! has no option to refuse duplicates, so this module makes one extra pass over the text
//! with serde_json's own [`Deserializer`] and a [`Visitor`] that remembers the member
//! names of each object. The same tokenizer, recursion limit and syntax errors as
//! `serde_json::from_str` apply; the value itself is then built by serde_json, so a
//! document without duplicates reads exactly as before (a property test checks this).

use std::collections::HashSet;
use std::fmt;

use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Deserializer, Value};

use super::problem::{pointer_token, Problem};

/// The message key of a duplicate member name; its parameter is `{pointer}`.
pub const DUPLICATE_KEY: &str = "problem.json.duplicate_key";

/// An object member name that appears twice: the JSON pointer (RFC 6901) of the second
/// occurrence, e.g. `/budget` or `/proof/0/proofValue`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuplicateKey {
    /// Where the repeated name is.
    pub pointer: String,
}

impl DuplicateKey {
    /// The message key ([`DUPLICATE_KEY`]).
    pub fn key(&self) -> &'static str {
        DUPLICATE_KEY
    }

    /// The values for the message's placeholders.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        vec![("pointer", self.pointer.clone())]
    }

    /// The duplicate as a problem at its pointer, with the pointer as a parameter.
    pub fn problem(&self) -> Problem {
        Problem::new(self.pointer.clone(), DUPLICATE_KEY).with("pointer", &self.pointer)
    }
}

/// Why text was not read as strict JSON.
#[derive(Debug)]
pub enum StrictJsonError {
    /// Not JSON: serde_json's error, with its line and column.
    Syntax(serde_json::Error),
    /// JSON in which an object repeats a member name.
    Duplicate(DuplicateKey),
}

/// Parses JSON text like `serde_json::from_str::<Value>`, but refuses an object with a
/// repeated member name. A UTF-8 byte-order mark at the start (which some editors write)
/// is ignored, as RFC 8259 §8.1 allows. Never panics.
///
/// ```
/// use ib_planner::engine::json::{parse_strict, StrictJsonError};
/// assert!(parse_strict(r#"{"a": [1, {"b": 2}]}"#).is_ok());
/// match parse_strict(r#"{"a": [1, {"b": 2, "b": 3}]}"#) {
///     Err(StrictJsonError::Duplicate(d)) => assert_eq!(d.pointer, "/a/1/b"),
///     _ => panic!("the duplicate was not found"),
/// }
/// ```
pub fn parse_strict(text: &str) -> Result<Value, StrictJsonError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut path = Vec::new();
    let mut duplicate = None;
    let mut deserializer = Deserializer::from_str(text);
    let checked = Check {
        path: &mut path,
        duplicate: &mut duplicate,
    }
    .deserialize(&mut deserializer)
    .and_then(|()| deserializer.end());
    // Text that is not JSON at all is reported as such, even past a duplicate.
    let value = serde_json::from_str(text).map_err(StrictJsonError::Syntax);
    match (duplicate, checked) {
        (Some(duplicate), _) if value.is_ok() => Err(StrictJsonError::Duplicate(duplicate)),
        (None, Err(error)) => Err(StrictJsonError::Syntax(error)),
        _ => value,
    }
}

/// One pass over a value: records the path (escaped pointer tokens) on the way down and
/// stops at the first repeated member name.
struct Check<'a> {
    path: &'a mut Vec<String>,
    duplicate: &'a mut Option<DuplicateKey>,
}

impl<'de> DeserializeSeed<'de> for Check<'_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Check<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_i128<E>(self, _: i128) -> Result<(), E> {
        Ok(())
    }
    fn visit_u128<E>(self, _: u128) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0usize;
        loop {
            self.path.push(index.to_string());
            let more = seq.next_element_seed(Check {
                path: &mut *self.path,
                duplicate: &mut *self.duplicate,
            });
            self.path.pop();
            if more?.is_none() {
                return Ok(());
            }
            index += 1;
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen: HashSet<String> = HashSet::new();
        while let Some(name) = map.next_key::<String>()? {
            let token = pointer_token(&name);
            if !seen.insert(name) {
                let mut pointer = String::new();
                for part in self.path.iter().chain(std::iter::once(&token)) {
                    pointer.push('/');
                    pointer.push_str(part);
                }
                *self.duplicate = Some(DuplicateKey { pointer });
                return Err(serde::de::Error::custom("duplicate member name"));
            }
            self.path.push(token);
            let value = map.next_value_seed(Check {
                path: &mut *self.path,
                duplicate: &mut *self.duplicate,
            });
            self.path.pop();
            value?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pointer(text: &str) -> Option<String> {
        match parse_strict(text) {
            Err(StrictJsonError::Duplicate(d)) => Some(d.pointer),
            _ => None,
        }
    }

    #[test]
    fn finds_duplicates_at_any_depth_and_escapes_the_pointer() {
        assert_eq!(pointer(r#"{"a":1,"a":2}"#).as_deref(), Some("/a"));
        assert_eq!(
            pointer(r#"{"x":[0,{"y":{"b":1,"c":2,"b":3}}]}"#).as_deref(),
            Some("/x/1/y/b")
        );
        assert_eq!(
            pointer(r#"{"a/b~":1,"a/b~":1}"#).as_deref(),
            Some("/a~1b~0")
        );
        // An escape spelling the same name is the same name.
        assert_eq!(pointer(r#"{"a":1,"\u0061":1}"#).as_deref(), Some("/a"));
        assert_eq!(pointer(r#"[{"":1,"":2}]"#).as_deref(), Some("/0/"));
        // Equal names in different objects are fine.
        assert!(parse_strict(r#"{"a":{"a":1},"b":{"a":2}}"#).is_ok());
    }

    #[test]
    fn a_byte_order_mark_is_ignored_only_at_the_start() {
        assert_eq!(
            parse_strict("\u{feff}{\"a\": 1}").ok(),
            Some(serde_json::json!({"a": 1}))
        );
        assert!(parse_strict("{\"a\": 1}\u{feff}").is_err());
        assert_eq!(
            pointer("\u{feff}{\"a\": 1, \"a\": 2}").as_deref(),
            Some("/a")
        );
    }

    #[test]
    fn syntax_errors_are_serde_json_errors() {
        for bad in ["", "{", r#"{"a":1,}"#, "[1] x", r#"{"a":1,"a""#] {
            assert!(
                matches!(parse_strict(bad), Err(StrictJsonError::Syntax(_))),
                "{bad}"
            );
        }
        let deep = "[".repeat(200) + &"]".repeat(200);
        assert!(matches!(
            parse_strict(&deep),
            Err(StrictJsonError::Syntax(_))
        ));
    }

    #[test]
    fn the_problem_names_the_pointer() {
        let d = DuplicateKey {
            pointer: "/proof".into(),
        };
        let problem = d.problem();
        assert_eq!(problem.path, "/proof");
        assert_eq!(problem.key, DUPLICATE_KEY);
        assert_eq!(problem.params, vec![("pointer".into(), "/proof".into())]);
        let text = crate::i18n::t(crate::i18n::Lang::En, DUPLICATE_KEY);
        assert!(text.contains("{pointer}"));
    }
}
