//! Strict JSON reading: [`parse_strict`] refuses a document in which an object has the
//! same member name twice, and says where ([`DuplicateKey::pointer`]).
//!
//! Why serde_json alone does not do it: `serde_json::from_str::<Value>` keeps the *last*
//! of two equal member names and drops the first without a word (RFC 8259 §4 only says
//! names "SHOULD be unique"). Other programs keep the first or refuse, so a signed plan
//! with `"budget":"99999.00","budget":"3800.00"` would read as one amount here and as
//! another elsewhere, while its signature (over the parsed value) stays valid. serde_json
//! has no option to refuse duplicates, so this module reads the text with serde_json's
//! own [`Deserializer`] and a [`Visitor`] that builds the [`Value`] as serde_json's does,
//! refusing a member name its object already has. The same tokenizer, recursion limit and
//! syntax errors as `serde_json::from_str` apply, so a document without duplicates reads
//! exactly as before (a property test checks this). It is one pass, about as fast as
//! `serde_json::from_str` (the verify screen reads files of 5 MB); the pointer of a
//! repeat is put together only when one is found, as the error travels back up.

use std::fmt;

use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Deserializer, Map, Number, Value};

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
    let mut duplicate = None;
    let mut deserializer = Deserializer::from_str(text);
    let built = Build {
        duplicate: &mut duplicate,
    }
    .deserialize(&mut deserializer)
    .and_then(|value| deserializer.end().map(|()| value));
    match (built, duplicate) {
        (Ok(value), _) => Ok(value),
        (Err(_), Some(mut tokens)) => {
            // Text that is not JSON at all is reported as such, even past a duplicate.
            serde_json::from_str::<IgnoredAny>(text).map_err(StrictJsonError::Syntax)?;
            tokens.reverse();
            let mut pointer = String::new();
            for token in tokens {
                pointer.push('/');
                pointer.push_str(&token);
            }
            Err(StrictJsonError::Duplicate(DuplicateKey { pointer }))
        }
        (Err(error), None) => Err(StrictJsonError::Syntax(error)),
    }
}

/// Builds one value. On a repeated member name it stops with an error and starts
/// `duplicate` with the name's pointer token; each enclosing array or object adds its own
/// token as the error passes (so the tokens are innermost first).
struct Build<'a> {
    duplicate: &'a mut Option<Vec<String>>,
}

impl Build<'_> {
    fn inner(&mut self) -> Build<'_> {
        Build {
            duplicate: &mut *self.duplicate,
        }
    }

    /// Adds the token of the member or element an error came out of.
    fn on_error<E>(&mut self, error: E, token: impl FnOnce() -> String) -> E {
        if let Some(tokens) = self.duplicate.as_mut() {
            tokens.push(token());
        }
        error
    }
}

impl<'de> DeserializeSeed<'de> for Build<'_> {
    type Value = Value;

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Build<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }
    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }
    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }
    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        // As serde_json's own value visitor does (the parser never gives a non-finite one).
        Ok(Number::from_f64(value).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_owned()))
    }
    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        loop {
            match seq.next_element_seed(self.inner()) {
                Ok(Some(item)) => items.push(item),
                Ok(None) => return Ok(Value::Array(items)),
                Err(error) => {
                    let index = items.len();
                    return Err(self.on_error(error, || index.to_string()));
                }
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(name) = map.next_key::<String>()? {
            if object.contains_key(&name) {
                *self.duplicate = Some(vec![pointer_token(&name)]);
                return Err(serde::de::Error::custom("duplicate member name"));
            }
            match map.next_value_seed(self.inner()) {
                Ok(value) => {
                    object.insert(name, value);
                }
                Err(error) => return Err(self.on_error(error, || pointer_token(&name))),
            }
        }
        Ok(Value::Object(object))
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
