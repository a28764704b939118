//! Strict JSON reading in steps: [`StrictParse`] reads the same text as
//! [`parse_strict`](super::json::parse_strict) to the same [`Value`], refusing the same
//! repeated member names with the same pointer, but a bounded piece at a time, so a caller
//! on the page's one thread (the verify screen, on a plan of 5 MB) can give the browser a
//! turn between pieces and show how far it got.
//!
//! How it stays identical to `parse_strict` (which is serde_json's own parser with a
//! visitor that refuses a repeated name): the structure (whitespace, brackets, commas,
//! colons, nesting, the recursion limit) is walked here with an explicit stack instead of
//! the call stack, so it can stop anywhere; every scalar is handed to serde_json itself
//! (a string with an escape or a control character, every number), so escapes, surrogates,
//! number forms and their errors are serde_json's; a string without either is its own
//! text. `parse_strict` reports a repeat only when the whole text is otherwise JSON as
//! serde_json's `IgnoredAny` reads it (no recursion limit, any number, lone surrogates
//! allowed): after the first repeat this parser stops building and checks the rest the
//! same way, each scalar through `IgnoredAny`. A property test (`tests/json_steps.rs`)
//! compares both on arbitrary and broken text, and at every step size.
//!
//! What may differ is only the *wording* of a syntax error made here (a bracket or comma
//! out of place, the end of the text): it says the byte offset, where serde_json says the
//! line and column. Every caller maps a syntax error to "not JSON".

use serde::de::{Error as _, IgnoredAny};
use serde_json::{Map, Value};

use super::json::{DuplicateKey, StrictJsonError};
use super::problem::pointer_token;

/// How deep containers may nest while the value is built: serde_json's recursion limit
/// (its counter starts at 128 and refuses the container that brings it to 0).
const MAX_DEPTH: usize = 127;

/// A container being read.
enum Frame {
    /// An array and the items read so far (empty once only checking).
    Array { items: Vec<Value>, count: usize },
    /// An object, its members so far and the name whose value comes next.
    Object {
        members: Map<String, Value>,
        name: Option<String>,
    },
}

/// What the text may hold next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expect {
    /// A value (the whole text's, an array item after a comma, a member's after a colon).
    Value,
    /// Right after `[`: a value or `]`.
    ValueOrEnd,
    /// Right after `{`: a member name or `}`.
    NameOrEnd,
    /// After a comma in an object: a member name.
    Name,
    /// After a member name: `:`.
    Colon,
    /// After a value inside a container: `,` or its end.
    CommaOrEnd,
    /// After the whole text's value: only whitespace.
    End,
}

/// A strict parse of one text, done in steps (see the module's documentation).
///
/// ```
/// use ib_planner::engine::json_steps::StrictParse;
/// let mut parse = StrictParse::new(r#"{"a": [1, {"b": "x"}]}"#);
/// let value = loop {
///     if let Some(done) = parse.step(4) {
///         break done;
///     }
/// };
/// assert_eq!(value.ok(), Some(serde_json::json!({"a": [1, {"b": "x"}]})));
/// ```
pub struct StrictParse<'t> {
    text: &'t str,
    at: usize,
    expect: Expect,
    stack: Vec<Frame>,
    /// The finished top-level value, while the end of the text is checked.
    value: Option<Value>,
    /// The first repeated name's pointer: from then on nothing is built, the rest of the
    /// text is only checked.
    duplicate: Option<String>,
    /// Whitespace bytes skipped outside strings (so the text's compact length is known).
    whitespace: usize,
    /// The outcome, once known.
    outcome: Option<Result<Value, StrictJsonError>>,
    /// Whether the outcome was handed out.
    taken: bool,
}

impl<'t> StrictParse<'t> {
    /// Starts reading `text`. A UTF-8 byte-order mark at its start is ignored, as
    /// `parse_strict` does.
    pub fn new(text: &'t str) -> StrictParse<'t> {
        StrictParse {
            text: text.strip_prefix('\u{feff}').unwrap_or(text),
            at: 0,
            expect: Expect::Value,
            stack: Vec::new(),
            value: None,
            duplicate: None,
            whitespace: 0,
            outcome: None,
            taken: false,
        }
    }

    /// Reads on for at least `budget` bytes of text (less only at its end; a single
    /// string or number is never cut, so a step may read more). `Some` with the result
    /// once the text is read, exactly what `parse_strict` gives for it; after that, `None`.
    pub fn step(&mut self, budget: usize) -> Option<Result<Value, StrictJsonError>> {
        if self.outcome.is_none() {
            let until = self.at.saturating_add(budget.max(1));
            while self.outcome.is_none() && self.at < until {
                if let Err(error) = self.token() {
                    self.outcome = Some(Err(StrictJsonError::Syntax(error)));
                }
            }
        }
        if self.taken {
            return None;
        }
        let outcome = self.outcome.take()?;
        self.taken = true;
        Some(outcome)
    }

    /// How much of the text is read, in percent.
    pub fn percent(&self) -> usize {
        (self.at.saturating_mul(100) / self.text.len().max(1)).min(100)
    }

    /// The text's length without the whitespace between its tokens (read so far): close
    /// to the length of the value's canonical form, for the progress of what comes next.
    pub fn compact_len(&self) -> usize {
        self.text.len().saturating_sub(self.whitespace)
    }

    fn error(&self, what: &str) -> serde_json::Error {
        serde_json::Error::custom(format!("{what} at byte {}", self.at))
    }

    /// Reads one token (or the end of the text) and moves on.
    fn token(&mut self) -> Result<(), serde_json::Error> {
        let bytes = self.text.as_bytes();
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = bytes.get(self.at) {
            self.at += 1;
            self.whitespace += 1;
        }
        let Some(&byte) = bytes.get(self.at) else {
            return match self.expect {
                Expect::End => {
                    self.finish();
                    Ok(())
                }
                _ => Err(self.error("EOF while parsing")),
            };
        };
        match self.expect {
            Expect::End => Err(self.error("trailing characters")),
            Expect::Value => self.value_start(byte),
            Expect::ValueOrEnd if byte == b']' => {
                self.at += 1;
                self.close()
            }
            Expect::ValueOrEnd => self.value_start(byte),
            Expect::NameOrEnd if byte == b'}' => {
                self.at += 1;
                self.close()
            }
            Expect::NameOrEnd | Expect::Name => self.name(byte),
            Expect::Colon if byte == b':' => {
                self.at += 1;
                self.expect = Expect::Value;
                Ok(())
            }
            Expect::Colon => Err(self.error("expected `:`")),
            Expect::CommaOrEnd => {
                let array = matches!(self.stack.last(), Some(Frame::Array { .. }));
                match (byte, array) {
                    (b',', true) => {
                        self.at += 1;
                        self.expect = Expect::Value;
                        Ok(())
                    }
                    (b',', false) => {
                        self.at += 1;
                        self.expect = Expect::Name;
                        Ok(())
                    }
                    (b']', true) | (b'}', false) => {
                        self.at += 1;
                        self.close()
                    }
                    _ => Err(self.error("expected `,` or the container's end")),
                }
            }
        }
    }

    /// The whole text is read: the value, or the first repeat.
    fn finish(&mut self) {
        self.outcome = Some(match self.duplicate.take() {
            Some(pointer) => Err(StrictJsonError::Duplicate(DuplicateKey { pointer })),
            None => Ok(self.value.take().unwrap_or(Value::Null)),
        });
    }

    fn checking(&self) -> bool {
        self.duplicate.is_some()
    }

    fn value_start(&mut self, byte: u8) -> Result<(), serde_json::Error> {
        match byte {
            b'[' | b'{' => {
                if !self.checking() && self.stack.len() >= MAX_DEPTH {
                    return Err(self.error("recursion limit exceeded"));
                }
                self.at += 1;
                if byte == b'[' {
                    self.stack.push(Frame::Array {
                        items: Vec::new(),
                        count: 0,
                    });
                    self.expect = Expect::ValueOrEnd;
                } else {
                    self.stack.push(Frame::Object {
                        members: Map::new(),
                        name: None,
                    });
                    self.expect = Expect::NameOrEnd;
                }
                Ok(())
            }
            b'"' => {
                let end = self.string_end()?;
                let value = if self.checking() {
                    self.check_scalar(end)?;
                    Value::Null
                } else {
                    Value::String(self.string_to(end)?)
                };
                self.at = end;
                self.put(value);
                Ok(())
            }
            b'-' | b'0'..=b'9' => {
                let bytes = self.text.as_bytes();
                let mut end = self.at + 1;
                while let Some(b'0'..=b'9' | b'+' | b'-' | b'.' | b'e' | b'E') = bytes.get(end) {
                    end += 1;
                }
                let value = if self.checking() {
                    self.check_scalar(end)?;
                    Value::Null
                } else {
                    let token = self.slice_to(end)?;
                    serde_json::from_str::<Value>(token)?
                };
                self.at = end;
                self.put(value);
                Ok(())
            }
            _ => {
                let rest = &self.text.as_bytes()[self.at..];
                let (length, value) = if rest.starts_with(b"true") {
                    (4, Value::Bool(true))
                } else if rest.starts_with(b"false") {
                    (5, Value::Bool(false))
                } else if rest.starts_with(b"null") {
                    (4, Value::Null)
                } else {
                    return Err(self.error("expected value"));
                };
                self.at += length;
                self.put(value);
                Ok(())
            }
        }
    }

    /// Where the string starting at `self.at` (its opening quote) ends: just past its
    /// closing quote.
    fn string_end(&self) -> Result<usize, serde_json::Error> {
        let bytes = self.text.as_bytes();
        let mut at = self.at + 1;
        loop {
            match bytes.get(at) {
                Some(b'"') => return Ok(at + 1),
                Some(b'\\') => at += 2,
                Some(_) => at += 1,
                None => return Err(self.error("EOF while parsing a string")),
            }
        }
    }

    fn slice_to(&self, end: usize) -> Result<&'t str, serde_json::Error> {
        self.text
            .get(self.at..end)
            .ok_or_else(|| self.error("a token not on a character boundary"))
    }

    /// The string from `self.at` to `end` (quotes included), decoded. Text without an
    /// escape or a control character is itself; anything else is serde_json's to read.
    fn string_to(&self, end: usize) -> Result<String, serde_json::Error> {
        let token = self.slice_to(end)?;
        let inner = &token[1..token.len() - 1];
        if inner.bytes().all(|b| b != b'\\' && b >= 0x20) {
            Ok(inner.to_owned())
        } else {
            serde_json::from_str::<String>(token)
        }
    }

    /// A scalar while only checking: as serde_json's `IgnoredAny` reads it.
    fn check_scalar(&self, end: usize) -> Result<(), serde_json::Error> {
        serde_json::from_str::<IgnoredAny>(self.slice_to(end)?).map(|_| ())
    }

    /// A member name (a string) at `byte`: refused if its object has it already.
    fn name(&mut self, byte: u8) -> Result<(), serde_json::Error> {
        if byte != b'"' {
            return Err(self.error("expected a member name"));
        }
        let end = self.string_end()?;
        if self.checking() {
            self.check_scalar(end)?;
            self.at = end;
            self.expect = Expect::Colon;
            return Ok(());
        }
        let name = self.string_to(end)?;
        let repeated = matches!(self.stack.last(), Some(Frame::Object { members, .. }) if members.contains_key(&name));
        if repeated {
            self.start_checking(&name);
        } else if let Some(Frame::Object { name: next, .. }) = self.stack.last_mut() {
            *next = Some(name);
        }
        self.at = end;
        self.expect = Expect::Colon;
        Ok(())
    }

    /// A repeated `name` in the innermost object: its pointer is kept, what was built is
    /// dropped, and the rest of the text is only checked.
    fn start_checking(&mut self, name: &str) {
        let mut pointer = String::new();
        for frame in &self.stack[..self.stack.len() - 1] {
            pointer.push('/');
            match frame {
                Frame::Array { count, .. } => pointer.push_str(&count.to_string()),
                Frame::Object { name, .. } => {
                    pointer.push_str(&pointer_token(name.as_deref().unwrap_or_default()))
                }
            }
        }
        pointer.push('/');
        pointer.push_str(&pointer_token(name));
        self.duplicate = Some(pointer);
        for frame in &mut self.stack {
            match frame {
                Frame::Array { items, .. } => *items = Vec::new(),
                Frame::Object { members, .. } => *members = Map::new(),
            }
        }
    }

    /// A finished value: into its container, or the whole text's.
    fn put(&mut self, value: Value) {
        let checking = self.checking();
        match self.stack.last_mut() {
            None => {
                self.value = (!checking).then_some(value);
                self.expect = Expect::End;
            }
            Some(Frame::Array { items, count }) => {
                if !checking {
                    items.push(value);
                }
                *count += 1;
                self.expect = Expect::CommaOrEnd;
            }
            Some(Frame::Object { members, name }) => {
                if let (false, Some(name)) = (checking, name.take()) {
                    members.insert(name, value);
                }
                self.expect = Expect::CommaOrEnd;
            }
        }
    }

    /// The innermost container ended.
    fn close(&mut self) -> Result<(), serde_json::Error> {
        let value = match self.stack.pop() {
            Some(Frame::Array { items, .. }) => Value::Array(items),
            Some(Frame::Object { members, .. }) => Value::Object(members),
            None => return Err(self.error("unexpected end of a container")),
        };
        self.put(value);
        Ok(())
    }
}

/// [`StrictParse`] run to the end in steps of `budget` bytes: exactly `parse_strict`.
pub fn parse_strict_in_steps(text: &str, budget: usize) -> Result<Value, StrictJsonError> {
    let mut parse = StrictParse::new(text);
    loop {
        if let Some(outcome) = parse.step(budget) {
            return outcome;
        }
    }
}
