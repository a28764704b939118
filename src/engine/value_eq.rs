//! Structural comparison of a `Serialize` value with a [`serde_json::Value`] without
//! building a second `Value`: [`serializes_to`] answers "would
//! `serde_json::to_value(x) == expected`?" by walking `x`'s serialisation against
//! `expected` and stopping at the first difference.
//!
//! The recompute check uses it as a fast path: a recomputed plan that matches the
//! embedded one (the usual case) costs no allocation of a whole document. It is
//! conservative: `true` means equal for certain; `false` means "different, or not
//! something this walker follows" (maps, 128-bit integers), and the caller then takes the
//! exact path (`to_value` and `first_difference`), so reports never depend on this module.
//!
//! The rules mirror `serde_json::value::Serializer` (without `arbitrary_precision`):
//! integers and floats become `Number`s (non-finite floats `null`), `None`, `()` and unit
//! structs `null`, unit variants their name, newtype variants `{name: value}`, sequences
//! and tuples arrays, structs objects (skipped fields absent), struct and tuple variants
//! `{name: …}`.

use std::fmt;

use serde::ser::{self, Serialize};
use serde_json::{Map, Number, Value};

/// Whether `serde_json::to_value(value)` would succeed and equal `expected`.
pub(crate) fn serializes_to<T: Serialize + ?Sized>(value: &T, expected: &Value) -> bool {
    value.serialize(Walker { expected }).is_ok()
}

/// The walk stopped: a difference, or something not followed here.
#[derive(Debug)]
pub(crate) struct Differs;

impl fmt::Display for Differs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("differs")
    }
}

impl std::error::Error for Differs {}

impl ser::Error for Differs {
    fn custom<T: fmt::Display>(_msg: T) -> Self {
        Differs
    }
}

fn check(equal: bool) -> Result<(), Differs> {
    if equal {
        Ok(())
    } else {
        Err(Differs)
    }
}

fn number_is(expected: &Value, number: Number) -> Result<(), Differs> {
    check(matches!(expected, Value::Number(n) if *n == number))
}

/// Compares one value with `expected`.
struct Walker<'a> {
    expected: &'a Value,
}

impl<'a> Walker<'a> {
    fn array(&self, len: Option<usize>) -> Result<Elements<'a>, Differs> {
        match self.expected {
            Value::Array(items) if len.is_none_or(|n| n == items.len()) => {
                Ok(Elements { items, next: 0 })
            }
            _ => Err(Differs),
        }
    }

    fn object(&self) -> Result<Fields<'a>, Differs> {
        match self.expected {
            Value::Object(map) => Ok(Fields { map, seen: 0 }),
            _ => Err(Differs),
        }
    }

    /// `expected` is `{variant: inner}`; returns `inner`.
    fn variant(&self, variant: &str) -> Result<&'a Value, Differs> {
        match self.expected {
            Value::Object(map) if map.len() == 1 => map.get(variant).ok_or(Differs),
            _ => Err(Differs),
        }
    }
}

impl<'a> ser::Serializer for Walker<'a> {
    type Ok = ();
    type Error = Differs;
    type SerializeSeq = Elements<'a>;
    type SerializeTuple = Elements<'a>;
    type SerializeTupleStruct = Elements<'a>;
    type SerializeTupleVariant = Elements<'a>;
    type SerializeMap = ser::Impossible<(), Differs>;
    type SerializeStruct = Fields<'a>;
    type SerializeStructVariant = Fields<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Differs> {
        check(self.expected.as_bool() == Some(v))
    }
    fn serialize_i8(self, v: i8) -> Result<(), Differs> {
        number_is(self.expected, Number::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<(), Differs> {
        number_is(self.expected, Number::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<(), Differs> {
        number_is(self.expected, Number::from(v))
    }
    fn serialize_i64(self, v: i64) -> Result<(), Differs> {
        number_is(self.expected, Number::from(v))
    }
    fn serialize_u8(self, v: u8) -> Result<(), Differs> {
        number_is(self.expected, Number::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<(), Differs> {
        number_is(self.expected, Number::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<(), Differs> {
        number_is(self.expected, Number::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result<(), Differs> {
        number_is(self.expected, Number::from(v))
    }
    fn serialize_f32(self, v: f32) -> Result<(), Differs> {
        // serde_json stores an f32 as the f64 with the same value.
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), Differs> {
        match Number::from_f64(v) {
            Some(number) => number_is(self.expected, number),
            // Non-finite floats become `null`.
            None => check(self.expected.is_null()),
        }
    }
    fn serialize_char(self, v: char) -> Result<(), Differs> {
        let mut buffer = [0u8; 4];
        self.serialize_str(v.encode_utf8(&mut buffer))
    }
    fn serialize_str(self, v: &str) -> Result<(), Differs> {
        check(self.expected.as_str() == Some(v))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Differs> {
        match self.expected {
            Value::Array(items) if items.len() == v.len() => {
                for (item, byte) in items.iter().zip(v) {
                    number_is(item, Number::from(*byte))?;
                }
                Ok(())
            }
            _ => Err(Differs),
        }
    }
    fn serialize_none(self) -> Result<(), Differs> {
        check(self.expected.is_null())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Differs> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Differs> {
        check(self.expected.is_null())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Differs> {
        check(self.expected.is_null())
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Differs> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Differs> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Differs> {
        let inner = self.variant(variant)?;
        value.serialize(Walker { expected: inner })
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Elements<'a>, Differs> {
        self.array(len)
    }
    fn serialize_tuple(self, len: usize) -> Result<Elements<'a>, Differs> {
        self.array(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Elements<'a>, Differs> {
        self.array(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Elements<'a>, Differs> {
        let inner = self.variant(variant)?;
        Walker { expected: inner }.array(Some(len))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Differs> {
        // Map keys go through serde_json's key rules and may repeat; not followed here
        // (no plan type has a map), so the caller takes the exact path.
        Err(Differs)
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Fields<'a>, Differs> {
        self.object()
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Fields<'a>, Differs> {
        let inner = self.variant(variant)?;
        Walker { expected: inner }.object()
    }
    fn collect_str<T: fmt::Display + ?Sized>(self, value: &T) -> Result<(), Differs> {
        // serde_json writes `value.to_string()`; compare the pieces as they are written.
        let Value::String(expected) = self.expected else {
            return Err(Differs);
        };
        let mut rest = Rest(expected);
        fmt::write(&mut rest, format_args!("{value}")).map_err(|_| Differs)?;
        check(rest.0.is_empty())
    }
    fn serialize_i128(self, v: i128) -> Result<(), Differs> {
        match i64::try_from(v) {
            Ok(v) => self.serialize_i64(v),
            Err(_) => Err(Differs),
        }
    }
    fn serialize_u128(self, v: u128) -> Result<(), Differs> {
        match u64::try_from(v) {
            Ok(v) => self.serialize_u64(v),
            Err(_) => Err(Differs),
        }
    }
}

/// The part of an expected string not matched yet; writing anything else fails.
struct Rest<'a>(&'a str);

impl fmt::Write for Rest<'_> {
    fn write_str(&mut self, piece: &str) -> fmt::Result {
        match self.0.strip_prefix(piece) {
            Some(rest) => {
                self.0 = rest;
                Ok(())
            }
            None => Err(fmt::Error),
        }
    }
}

/// The elements of an expected array, compared in order.
pub(crate) struct Elements<'a> {
    items: &'a [Value],
    next: usize,
}

impl Elements<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Differs> {
        let expected = self.items.get(self.next).ok_or(Differs)?;
        self.next += 1;
        value.serialize(Walker { expected })
    }

    fn finish(self) -> Result<(), Differs> {
        check(self.next == self.items.len())
    }
}

impl ser::SerializeSeq for Elements<'_> {
    type Ok = ();
    type Error = Differs;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Differs> {
        self.element(value)
    }
    fn end(self) -> Result<(), Differs> {
        self.finish()
    }
}

impl ser::SerializeTuple for Elements<'_> {
    type Ok = ();
    type Error = Differs;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Differs> {
        self.element(value)
    }
    fn end(self) -> Result<(), Differs> {
        self.finish()
    }
}

impl ser::SerializeTupleStruct for Elements<'_> {
    type Ok = ();
    type Error = Differs;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Differs> {
        self.element(value)
    }
    fn end(self) -> Result<(), Differs> {
        self.finish()
    }
}

impl ser::SerializeTupleVariant for Elements<'_> {
    type Ok = ();
    type Error = Differs;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Differs> {
        self.element(value)
    }
    fn end(self) -> Result<(), Differs> {
        self.finish()
    }
}

/// The members of an expected object, looked up by the serialised field names. A struct
/// never writes a field name twice, so counting the fields found and comparing with the
/// object's size tells whether the object has members the struct does not.
pub(crate) struct Fields<'a> {
    map: &'a Map<String, Value>,
    seen: usize,
}

impl Fields<'_> {
    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Differs> {
        let expected = self.map.get(key).ok_or(Differs)?;
        self.seen += 1;
        value.serialize(Walker { expected })
    }

    fn finish(self) -> Result<(), Differs> {
        check(self.seen == self.map.len())
    }
}

impl ser::SerializeStruct for Fields<'_> {
    type Ok = ();
    type Error = Differs;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Differs> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), Differs> {
        self.finish()
    }
}

impl ser::SerializeStructVariant for Fields<'_> {
    type Ok = ();
    type Error = Differs;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Differs> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), Differs> {
        self.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use serde_json::json;

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Inner {
        name: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<String>,
        count: u64,
        delta: i8,
        ratio: f64,
        tags: Vec<&'static str>,
        pair: (u8, bool),
        nothing: Option<u32>,
    }

    #[derive(Serialize)]
    #[serde(tag = "code", rename_all = "camelCase")]
    enum Tagged {
        Plain,
        Counted { units: u64 },
    }

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    enum External {
        Unit,
        Wrapped(u32),
        Pair(u8, u8),
        Shaped { x: i32 },
    }

    struct Shown(u32);

    impl Serialize for Shown {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_str(&format_args!("{}-{}", self.0, "x"))
        }
    }

    #[derive(Serialize)]
    struct Outer {
        shown: Vec<Shown>,
        inner: Inner,
        tagged: Vec<Tagged>,
        external: Vec<External>,
    }

    fn sample() -> Outer {
        Outer {
            shown: vec![Shown(12), Shown(0)],
            inner: Inner {
                name: "ä/b".into(),
                note: None,
                count: 7,
                delta: -2,
                ratio: 0.5,
                tags: vec!["a", "b"],
                pair: (1, true),
                nothing: None,
            },
            tagged: vec![Tagged::Plain, Tagged::Counted { units: 3 }],
            external: vec![
                External::Unit,
                External::Wrapped(4),
                External::Pair(1, 2),
                External::Shaped { x: -1 },
            ],
        }
    }

    #[test]
    fn agrees_with_to_value_on_equal_values() {
        let value = sample();
        let expected = serde_json::to_value(&value).unwrap_or(Value::Null);
        assert!(serializes_to(&value, &expected));
        // The same text parsed back (as a verifier sees it) is equal too.
        let parsed: Value = serde_json::from_str(&expected.to_string()).unwrap_or(Value::Null);
        assert_eq!(parsed, expected);
        assert!(serializes_to(&value, &parsed));
    }

    #[test]
    fn finds_every_kind_of_difference() {
        let value = sample();
        let expected = serde_json::to_value(&value).unwrap_or(Value::Null);
        let edits: Vec<(&str, Value)> = vec![
            ("/inner/name", json!("a/b")),
            ("/shown/0", json!("12-")),
            ("/shown/0", json!("12-xy")),
            ("/shown/1", json!("1-x")),
            ("/shown/1", json!(0)),
            ("/inner/count", json!(8)),
            ("/inner/count", json!(7.0)),
            ("/inner/count", json!("7")),
            ("/inner/delta", json!(2)),
            ("/inner/ratio", json!(0.25)),
            ("/inner/tags", json!(["a"])),
            ("/inner/tags", json!(["a", "b", "c"])),
            ("/inner/pair", json!([1, false])),
            ("/inner/nothing", json!(0)),
            ("/tagged/0/code", json!("counted")),
            ("/tagged/1/units", json!(4)),
            ("/external/0", json!("wrapped")),
            ("/external/1/wrapped", json!(5)),
            ("/external/2/pair", json!([1])),
            ("/external/3/shaped/x", json!(1)),
        ];
        for (pointer, replacement) in edits {
            let mut changed = expected.clone();
            if let Some(slot) = changed.pointer_mut(pointer) {
                *slot = replacement;
            } else {
                panic!("no {pointer}");
            }
            assert_ne!(changed, expected, "{pointer}");
            assert!(!serializes_to(&value, &changed), "{pointer}");
        }
        // An extra member, a missing member, a skipped member that is present.
        let mut extra = expected.clone();
        if let Some(inner) = extra.pointer_mut("/inner").and_then(Value::as_object_mut) {
            inner.insert("more".into(), json!(1));
        }
        assert!(!serializes_to(&value, &extra));
        let mut missing = expected.clone();
        if let Some(inner) = missing.pointer_mut("/inner").and_then(Value::as_object_mut) {
            inner.remove("count");
        }
        assert!(!serializes_to(&value, &missing));
        let mut skipped = expected.clone();
        if let Some(inner) = skipped.pointer_mut("/inner").and_then(Value::as_object_mut) {
            inner.insert("note".into(), Value::Null);
        }
        assert!(!serializes_to(&value, &skipped));
        assert!(!serializes_to(&value, &Value::Null));
    }

    #[test]
    fn maps_take_the_exact_path() {
        let mut map = std::collections::BTreeMap::new();
        map.insert("a", 1);
        let expected = serde_json::to_value(&map).unwrap_or(Value::Null);
        assert!(!serializes_to(&map, &expected));
    }
}
