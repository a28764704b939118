//! The case as the user is editing it: a raw JSON value, exactly what the engine
//! validates, what is stored on the device and what is exported. Form fields are bound to
//! JSON pointers into it, so a validation problem (which names a pointer) lands on the
//! field that caused it, and nothing a user types is ever dropped: text that is not yet a
//! valid number is kept as text and reported, not discarded.
//!
//! Pure Rust, tested natively; the UI calls these functions from its event handlers.

use serde_json::{Map, Value};

use crate::engine::json::{parse_strict, StrictJsonError, DUPLICATE_KEY};

/// What kind of value a form field edits, which decides how typed text is stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// Free text, stored as a string.
    Text,
    /// A whole number: stored as a JSON number when the text is one, else kept as text.
    Integer,
    /// A euro amount or other decimal: always stored as text ("1234.50"); a comma is
    /// accepted as the decimal separator and stored as a point, and spaces or commas
    /// between thousands are dropped ([`crate::engine::money::amount_from_input`]).
    Decimal,
}

/// Turns what the user typed into the JSON value to store.
pub fn value_from_text(kind: FieldKind, text: &str) -> Value {
    match kind {
        FieldKind::Text => Value::String(text.to_string()),
        FieldKind::Integer => {
            let trimmed = text.trim();
            match trimmed.parse::<i64>() {
                Ok(n) if trimmed.len() <= 15 => Value::from(n),
                _ => Value::String(text.to_string()),
            }
        }
        // "1 234,50", "1,234.50" and "1234.50" alike (see the money module).
        FieldKind::Decimal => Value::String(crate::engine::money::amount_from_input(text)),
    }
}

/// The text a form field shows for a stored value (empty when absent).
pub fn text_of(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        Some(other) => other.to_string(),
    }
}

fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// Sets the value at a JSON pointer, creating missing objects (or arrays, for numeric
/// tokens) on the way, and extending an array by one when the index is exactly its length. Returns `false`, changing
/// nothing, when the pointer runs through a value that is neither object nor array, or
/// through an array index that is out of range.
pub fn set_at(root: &mut Value, pointer: &str, new_value: Value) -> bool {
    if pointer.is_empty() {
        *root = new_value;
        return true;
    }
    let Some(rest) = pointer.strip_prefix('/') else {
        return false;
    };
    let tokens: Vec<String> = rest.split('/').map(unescape).collect();
    let mut current = root;
    for (i, token) in tokens.iter().enumerate() {
        let last = i + 1 == tokens.len();
        if current.is_null() {
            // A missing container becomes an array when it is indexed by a number.
            *current = if token.parse::<usize>().is_ok() {
                Value::Array(Vec::new())
            } else {
                Value::Object(Map::new())
            };
        }
        current = match current {
            Value::Object(map) => {
                if last {
                    map.insert(token.clone(), new_value);
                    return true;
                }
                map.entry(token.clone()).or_insert(Value::Null)
            }
            Value::Array(items) => {
                let Ok(index) = token.parse::<usize>() else {
                    return false;
                };
                if index == items.len() {
                    items.push(Value::Null);
                }
                let Some(slot) = items.get_mut(index) else {
                    return false;
                };
                if last {
                    *slot = new_value;
                    return true;
                }
                slot
            }
            _ => return false,
        };
    }
    false
}

/// The array at `pointer`, created empty when missing. `None` when something else is there.
pub fn array_at<'a>(root: &'a mut Value, pointer: &str) -> Option<&'a mut Vec<Value>> {
    if root.pointer(pointer).is_none() && !set_at(root, pointer, Value::Array(Vec::new())) {
        return None;
    }
    root.pointer_mut(pointer).and_then(Value::as_array_mut)
}

/// Appends an item to the array at `pointer`; returns its index.
pub fn push_at(root: &mut Value, pointer: &str, item: Value) -> Option<usize> {
    let items = array_at(root, pointer)?;
    items.push(item);
    Some(items.len() - 1)
}

/// Removes item `index` of the array at `pointer`; `false` when there is no such item.
pub fn remove_at(root: &mut Value, pointer: &str, index: usize) -> bool {
    match root.pointer_mut(pointer).and_then(Value::as_array_mut) {
        Some(items) if index < items.len() => {
            items.remove(index);
            true
        }
        _ => false,
    }
}

/// Swaps items `a` and `b` of the array at `pointer`; `false` when either is missing.
pub fn swap_at(root: &mut Value, pointer: &str, a: usize, b: usize) -> bool {
    match root.pointer_mut(pointer).and_then(Value::as_array_mut) {
        Some(items) if a < items.len() && b < items.len() => {
            items.swap(a, b);
            true
        }
        _ => false,
    }
}

/// Whether a problem's path is the field at `pointer` or lies inside it.
pub fn path_is_within(problem_path: &str, pointer: &str) -> bool {
    problem_path == pointer
        || (problem_path.starts_with(pointer)
            && problem_path.as_bytes().get(pointer.len()) == Some(&b'/'))
}

/// A stable HTML id for the field at a JSON pointer, so an error summary can link to it.
pub fn field_id(pointer: &str) -> String {
    let mut id = String::from("f");
    for c in pointer.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else {
            id.push('-');
        }
    }
    id
}

/// The format tag of a case as stored on the device.
pub const STORED_CASE_FORMAT: &str = "ib-planner-stored-case/1";

/// A new, empty case: the two mandatory team members, the default settings (6 months,
/// weights 60 % / 40 %, policy "fill"), starting on `start_date` (ISO `YYYY-MM-DD`).
pub fn new_case(start_date: &str) -> Value {
    serde_json::json!({
        "schema": "ib-case/1",
        "child": { "id": "", "birth": "", "municipality": "", "targetGroup": "FT" },
        "questionnaire": { "goals": [] },
        "team": [
            { "id": "SW", "role": "social_worker", "name": "", "assessments": [] },
            { "id": "RP", "role": "rehab_physician", "name": "", "assessments": [] }
        ],
        "goals": [],
        "services": [],
        "settings": {
            "startDate": start_date,
            "periodMonths": 6,
            "budget": "",
            "weights": { "expert": "0.6", "parent": "0.4" },
            "policy": "fill",
            "caps": "trim"
        }
    })
}

/// A case as kept on the device: its id, when it was last saved, and the raw case.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredCase {
    /// The device-local id (also the storage key's suffix).
    pub id: String,
    /// When it was last saved, as an ISO 8601 timestamp from the browser.
    pub updated: String,
    /// The raw case, exactly as edited.
    pub case: Value,
    /// The entry's revision: one more with every write of an open case, so a tab can
    /// write compare-and-set and never silently replace a newer version (two tabs, issue
    /// 12). Stored as the optional member `rev`; entries stored before it are revision 0.
    pub rev: u64,
}

/// Why stored text could not be read back as a case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoredCaseError {
    /// Not JSON at all (truncated, overwritten, another app's data).
    NotJson,
    /// JSON in which an object repeats a member name: the pointer of the repeat.
    DuplicateKey(String),
    /// JSON, but not a stored case of a format this version knows.
    UnknownFormat,
    /// Sealed by the device lock, but it does not open with this device's passphrase
    /// (changed, or moved from another storage key).
    Sealed,
}

impl StoredCaseError {
    /// The message key that explains this error.
    pub fn key(&self) -> &'static str {
        match self {
            StoredCaseError::NotJson => "cases.unreadable.not_json",
            StoredCaseError::DuplicateKey(_) => DUPLICATE_KEY,
            StoredCaseError::UnknownFormat => "cases.unreadable.unknown_format",
            StoredCaseError::Sealed => "cases.unreadable.sealed",
        }
    }

    /// The values for the message's placeholders.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        match self {
            StoredCaseError::DuplicateKey(pointer) => vec![("pointer", pointer.clone())],
            StoredCaseError::NotJson | StoredCaseError::UnknownFormat | StoredCaseError::Sealed => {
                Vec::new()
            }
        }
    }

    /// The message in `lang`, with its placeholders filled.
    pub fn text(&self, lang: crate::i18n::Lang) -> String {
        let params = self.params();
        let params: Vec<(&str, &str)> = params.iter().map(|(n, v)| (*n, v.as_str())).collect();
        crate::i18n::tf(lang, self.key(), &params)
    }
}

impl StoredCase {
    /// The text stored for this case.
    pub fn to_text(&self) -> String {
        serde_json::json!({
            "format": STORED_CASE_FORMAT,
            "id": self.id,
            "updated": self.updated,
            "rev": self.rev,
            "case": self.case,
        })
        .to_string()
    }

    /// Reads stored text back. Never panics; anything unexpected is an error the UI
    /// shows with an offer to download the raw text, so nothing is lost.
    pub fn from_text(text: &str) -> Result<StoredCase, StoredCaseError> {
        let value = parse_strict(text).map_err(|e| match e {
            StrictJsonError::Syntax(_) => StoredCaseError::NotJson,
            StrictJsonError::Duplicate(d) => StoredCaseError::DuplicateKey(d.pointer),
        })?;
        if value.get("format").and_then(Value::as_str) != Some(STORED_CASE_FORMAT) {
            return Err(StoredCaseError::UnknownFormat);
        }
        let id = value.get("id").and_then(Value::as_str);
        let case = value.get("case").filter(|c| c.is_object());
        // Absent in entries stored by older builds: revision 0. Anything but a whole
        // number is not an envelope this build wrote.
        let rev = match value.get("rev") {
            None => Some(0),
            Some(rev) => rev.as_u64(),
        };
        match (id, case, rev) {
            (Some(id), Some(case), Some(rev)) => Ok(StoredCase {
                id: id.to_string(),
                updated: text_of(value.get("updated")),
                case: case.clone(),
                rev,
            }),
            _ => Err(StoredCaseError::UnknownFormat),
        }
    }

    /// A short human label: the child's pseudonymous id, or `None` when not yet given.
    pub fn label(&self) -> Option<String> {
        self.case
            .pointer("/child/id")
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn typed_text_is_never_lost() {
        assert_eq!(value_from_text(FieldKind::Integer, "7"), json!(7));
        assert_eq!(value_from_text(FieldKind::Integer, " 12 "), json!(12));
        assert_eq!(value_from_text(FieldKind::Integer, "7a"), json!("7a"));
        assert_eq!(value_from_text(FieldKind::Integer, ""), json!(""));
        assert_eq!(
            value_from_text(
                FieldKind::Integer,
                "1234567890123456789012345678901234567890"
            ),
            json!("1234567890123456789012345678901234567890")
        );
        assert_eq!(
            value_from_text(FieldKind::Decimal, "1 234,50"),
            json!("1234.50")
        );
        assert_eq!(value_from_text(FieldKind::Decimal, "12.5"), json!("12.5"));
        assert_eq!(value_from_text(FieldKind::Decimal, "abc"), json!("abc"));
        assert_eq!(text_of(Some(&json!(7))), "7");
        assert_eq!(text_of(None), "");
    }

    #[test]
    fn set_at_creates_objects_and_appends_to_arrays() {
        let mut v = json!({});
        assert!(set_at(&mut v, "/child/id", json!("A-1")));
        assert!(set_at(&mut v, "/services/0", json!({"code": "X"})));
        assert!(set_at(&mut v, "/services/0/quantity", json!(3)));
        assert!(set_at(&mut v, "/a~1b", json!(1)));
        assert_eq!(
            v,
            json!({"child": {"id": "A-1"}, "services": [{"code": "X", "quantity": 3}], "a/b": 1})
        );
        assert!(!set_at(&mut v, "/services/5/quantity", json!(1)));
        assert!(!set_at(&mut v, "/child/id/deeper", json!(1)));
        assert!(!set_at(&mut v, "no-slash", json!(1)));
    }

    #[test]
    fn array_edits_report_what_they_could_not_do() {
        let mut v = json!({"list": [1, 2, 3], "text": "x"});
        assert_eq!(push_at(&mut v, "/list", json!(4)), Some(3));
        assert_eq!(push_at(&mut v, "/new", json!(1)), Some(0));
        assert_eq!(push_at(&mut v, "/text", json!(1)), None);
        assert!(swap_at(&mut v, "/list", 0, 3));
        assert!(!swap_at(&mut v, "/list", 0, 9));
        assert!(remove_at(&mut v, "/list", 1));
        assert!(!remove_at(&mut v, "/list", 9));
        assert_eq!(v["list"], json!([4, 3, 1]));
    }

    #[test]
    fn stored_cases_round_trip_and_bad_text_is_an_error_not_a_panic() {
        let stored = StoredCase {
            id: "c1".into(),
            updated: "2026-11-22T06:00:00.000Z".into(),
            case: new_case("2026-12-01"),
            rev: 7,
        };
        assert_eq!(StoredCase::from_text(&stored.to_text()), Ok(stored.clone()));
        assert_eq!(stored.label(), None);
        assert_eq!(
            StoredCase::from_text("{\"format\": \"ib-planner-stored-ca"),
            Err(StoredCaseError::NotJson)
        );
        assert_eq!(
            StoredCase::from_text("[1,2]"),
            Err(StoredCaseError::UnknownFormat)
        );
        assert_eq!(
            StoredCase::from_text(r#"{"format":"ib-planner-stored-case/1","id":"x","case":7}"#),
            Err(StoredCaseError::UnknownFormat)
        );
    }

    #[test]
    fn entries_stored_before_revisions_are_revision_zero_and_a_bad_revision_is_refused() {
        let old = r#"{"format":"ib-planner-stored-case/1","id":"x","updated":"2026-01-01T00:00:00.000Z","case":{"child":{}}}"#;
        assert_eq!(StoredCase::from_text(old).map(|c| c.rev), Ok(0));
        for rev in ["-1", "1.5", "\"3\"", "null"] {
            let text = format!(
                r#"{{"format":"ib-planner-stored-case/1","id":"x","rev":{rev},"case":{{}}}}"#
            );
            assert_eq!(
                StoredCase::from_text(&text),
                Err(StoredCaseError::UnknownFormat),
                "{rev}"
            );
        }
    }

    #[test]
    fn a_new_case_has_the_mandatory_team_and_default_settings() {
        let case = new_case("2026-12-01");
        assert_eq!(case["team"][0]["role"], "social_worker");
        assert_eq!(case["team"][1]["role"], "rehab_physician");
        assert_eq!(case["settings"]["periodMonths"], 6);
        assert_eq!(case["settings"]["weights"]["expert"], "0.6");
    }

    #[test]
    fn problems_match_fields_by_pointer_prefix() {
        assert!(path_is_within("/services/2/quantity", "/services"));
        assert!(path_is_within("/services", "/services"));
        assert!(!path_is_within("/servicesX", "/services"));
        assert_eq!(field_id("/services/2/quantity"), "f-services-2-quantity");
    }
}
