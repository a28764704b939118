//! The canonical form (JCS) of a document written in steps: [`CanonicalSteps`] writes
//! exactly the bytes of [`jcs::write_object_view`](super::jcs::write_object_view) (and
//! of `write_value`), a bounded piece per call, so the hash of a 5 MB plan is worked out
//! between turns of the page instead of in one go. The walk keeps its place in an
//! explicit stack of open arrays and objects; every scalar is written by `jcs` itself, and
//! the members of an object are put in the same order by the same comparison.

use serde_json::{Map, Value};

use super::error::IntegrityError;
use super::jcs;

/// An array or object whose members are being written.
enum Open<'a> {
    Items {
        items: &'a [Value],
        next: usize,
    },
    Members {
        members: Vec<(&'a str, &'a Value)>,
        next: usize,
    },
}

/// What is written.
enum Root<'a> {
    #[cfg_attr(not(test), allow(dead_code))]
    Value(&'a Value),
    View {
        object: &'a Map<String, Value>,
        skip: &'a str,
        context: Option<&'a Value>,
    },
}

/// A canonical form being written piece by piece.
pub(crate) struct CanonicalSteps<'a> {
    root: Option<Root<'a>>,
    stack: Vec<Open<'a>>,
    written: usize,
}

impl<'a> CanonicalSteps<'a> {
    /// The canonical form of `value`, as `jcs::write_value` writes it.
    #[cfg(test)]
    pub(crate) fn value(value: &'a Value) -> CanonicalSteps<'a> {
        CanonicalSteps {
            root: Some(Root::Value(value)),
            stack: Vec::new(),
            written: 0,
        }
    }

    /// The canonical form of `object` without `skip`, with `@context` replaced by
    /// `context` when given, as `jcs::write_object_view` writes it.
    pub(crate) fn object_view(
        object: &'a Map<String, Value>,
        skip: &'a str,
        context: Option<&'a Value>,
    ) -> CanonicalSteps<'a> {
        CanonicalSteps {
            root: Some(Root::View {
                object,
                skip,
                context,
            }),
            stack: Vec::new(),
            written: 0,
        }
    }

    /// How many bytes have been written so far.
    #[cfg(test)]
    pub(crate) fn written(&self) -> usize {
        self.written
    }

    /// Appends at least `budget` more bytes of the canonical form to `out` (fewer only at
    /// its end; a single string or number is never cut). True once all of it is written.
    pub(crate) fn write(
        &mut self,
        budget: usize,
        out: &mut Vec<u8>,
    ) -> Result<bool, IntegrityError> {
        let start = out.len();
        match self.root.take() {
            Some(Root::Value(value)) => self.enter(value, out)?,
            Some(Root::View {
                object,
                skip,
                context,
            }) => {
                let mut members: Vec<(&str, &Value)> = object
                    .iter()
                    .map(|(k, v)| (k.as_str(), v))
                    .filter(|(k, _)| *k != skip && !(context.is_some() && *k == "@context"))
                    .collect();
                if let Some(context) = context {
                    members.push(("@context", context));
                }
                self.open_members(members, out);
            }
            None => {}
        }
        while out.len() - start < budget.max(1) {
            let Some(top) = self.stack.last_mut() else {
                break;
            };
            let next = match top {
                Open::Items { items, next } => {
                    let item = items.get(*next);
                    if item.is_some() && *next > 0 {
                        out.push(b',');
                    }
                    *next += 1;
                    item.map(|item| (None, item))
                }
                Open::Members { members, next } => {
                    let member = members.get(*next).copied();
                    if member.is_some() && *next > 0 {
                        out.push(b',');
                    }
                    *next += 1;
                    member.map(|(name, value)| (Some(name), value))
                }
            };
            match next {
                Some((name, value)) => {
                    if let Some(name) = name {
                        jcs::write_string(name, out);
                        out.push(b':');
                    }
                    self.enter(value, out)?;
                }
                None => {
                    let closing = match self.stack.pop() {
                        Some(Open::Items { .. }) => b']',
                        _ => b'}',
                    };
                    out.push(closing);
                }
            }
        }
        self.written += out.len() - start;
        Ok(self.root.is_none() && self.stack.is_empty())
    }

    /// Starts writing `value`: a scalar at once, a container by opening it.
    fn enter(&mut self, value: &'a Value, out: &mut Vec<u8>) -> Result<(), IntegrityError> {
        match value {
            Value::Array(items) => {
                out.push(b'[');
                self.stack.push(Open::Items { items, next: 0 });
            }
            Value::Object(object) => {
                let members = object.iter().map(|(k, v)| (k.as_str(), v)).collect();
                self.open_members(members, out);
            }
            scalar => jcs::write_value(scalar, out)?,
        }
        Ok(())
    }

    fn open_members(&mut self, mut members: Vec<(&'a str, &'a Value)>, out: &mut Vec<u8>) {
        // The order of `jcs::write_members` (a stable sort by UTF-16 code units; a map in
        // byte order is almost always sorted already).
        crate::engine::order::sort_by(&mut members, |a, b| jcs::utf16_order(a.0, b.0));
        out.push(b'{');
        self.stack.push(Open::Members { members, next: 0 });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    fn in_steps(mut steps: CanonicalSteps<'_>, budget: usize) -> Vec<u8> {
        let mut out = Vec::new();
        let mut calls = 0;
        while !steps.write(budget, &mut out).unwrap_or(true) {
            calls += 1;
            assert!(calls < 1_000_000);
        }
        assert_eq!(steps.written(), out.len());
        out
    }

    fn whole(value: &Value) -> Vec<u8> {
        let mut out = Vec::new();
        assert!(jcs::write_value(value, &mut out).is_ok());
        out
    }

    fn view(object: &Map<String, Value>, skip: &str, context: Option<&Value>) -> Vec<u8> {
        let mut out = Vec::new();
        assert!(jcs::write_object_view(object, skip, context, &mut out).is_ok());
        out
    }

    #[test]
    fn tricky_values_in_any_steps() {
        let values = [
            json!({"b": 1, "a": [true, false, null], "": {}, "c": []}),
            json!({"\u{e000}": 1, "\u{1f600}": 2, "a": 3, "é": 4, "\u{7f}": [[{}]]}),
            json!(["\u{0}\u{1f}\"\\/", 1e21, -0.0, 9007199254740993u64, [], {}]),
            json!("just a string"),
            json!(7),
            json!([]),
            json!({}),
        ];
        for value in &values {
            for budget in [1, 2, 5, 64, usize::MAX] {
                assert_eq!(in_steps(CanonicalSteps::value(value), budget), whole(value));
            }
        }
    }

    #[test]
    fn views_as_write_object_view() {
        let object = json!({"proof": [1, 2], "@context": "a", "b": {"z": 1, "y": 2}, "\u{e000}": 0, "\u{1f600}": 1});
        let Some(map) = object.as_object() else {
            panic!("not an object");
        };
        let context = json!(["x", {"k": 1}]);
        for budget in [1, 3, 1000] {
            for context in [None, Some(&context)] {
                assert_eq!(
                    in_steps(CanonicalSteps::object_view(map, "proof", context), budget),
                    view(map, "proof", context)
                );
            }
        }
    }

    fn json_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            (-1.0e300f64..1.0e300).prop_map(Value::from),
            "[a-z\u{e000}\u{1F600}\u{e9}\"\\\\\u{1}]{0,6}".prop_map(Value::from),
        ];
        leaf.prop_recursive(6, 64, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::btree_map("[ab\u{e000}\u{1F600}@]{0,3}", inner, 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn the_same_bytes_as_in_one_go(value in json_value(), budget in 1usize..40) {
            prop_assert_eq!(in_steps(CanonicalSteps::value(&value), budget), whole(&value));
            if let Value::Object(map) = &value {
                prop_assert_eq!(
                    in_steps(CanonicalSteps::object_view(map, "a", None), budget),
                    view(map, "a", None)
                );
            }
        }
    }
}
