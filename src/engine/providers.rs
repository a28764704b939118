//! The provider list (`"schema": "ib-providers/1"`): the social-service providers a
//! municipality works with, as reference data it edits and loads, like the price list.
//! Each provider has its name, its number in the Social Services Provider Register
//! (Sociālo pakalpojumu sniedzēju reģistrs, DOMAIN.md §3), an address, a contact and the
//! catalogue services it offers, each optionally at its own unit price.
//!
//! [`providers_from_json`] validates a list and reports every problem with its JSON
//! pointer (never a panic): a wrong schema tag, a missing version or date, empty texts, a
//! register number given twice, a service offered twice by one provider, a price that is
//! not an amount, and, when a catalogue is given, a service code it does not have.

use std::collections::BTreeSet;

use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::engine::date::Date;
use crate::engine::money::money_from_json;
use crate::engine::problem::{join, Problem};
use crate::engine::reference::{serialize_display, Catalogue, LocalName};
use crate::engine::validate::{Reader, MAX_ID_LEN};

/// The schema tag of a provider list.
pub const PROVIDERS_SCHEMA: &str = "ib-providers/1";

/// Longest accepted register number.
pub const MAX_REGISTER_NUMBER_LEN: usize = 32;
/// Longest accepted name, address or contact.
pub const MAX_DETAIL_LEN: usize = 300;

/// One service a provider offers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OfferedService {
    /// Catalogue service code.
    pub code: String,
    /// The provider's own unit price, when it has one; otherwise it charges the plan's.
    #[serde(serialize_with = "serialize_opt_money")]
    pub unit_price: Option<Decimal>,
}

/// One provider.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Provider {
    /// The provider's name.
    pub name: String,
    /// Its number in the Social Services Provider Register.
    pub register_number: String,
    /// Its address.
    pub address: String,
    /// Telephone, e-mail or a contact person, as the municipality writes it.
    pub contact: String,
    /// The services it offers, in file order.
    pub services: Vec<OfferedService>,
}

impl Provider {
    /// The offer of this service, if the provider has one.
    pub fn offer(&self, code: &str) -> Option<&OfferedService> {
        self.services.iter().find(|s| s.code == code)
    }
}

/// A validated provider list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProviderList {
    /// Always [`PROVIDERS_SCHEMA`].
    pub schema: &'static str,
    /// The list's version, e.g. `2026.1`.
    pub version: String,
    /// The date the list was drawn up.
    #[serde(serialize_with = "serialize_display")]
    pub date: Date,
    /// A note about the data (e.g. that an example is made up), in both languages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<LocalName>,
    /// The providers, in file order.
    pub providers: Vec<Provider>,
}

impl ProviderList {
    /// The provider with this register number.
    pub fn provider(&self, register_number: &str) -> Option<&Provider> {
        self.providers
            .iter()
            .find(|p| p.register_number == register_number)
    }

    /// The providers offering a service, in list order (what a parents' choice offers).
    pub fn offering<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Provider> + 'a {
        self.providers
            .iter()
            .filter(move |p| p.offer(code).is_some())
    }
}

/// Writes an optional amount with two decimals, or `null`.
pub fn serialize_opt_money<S: serde::Serializer>(
    amount: &Option<Decimal>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match amount {
        Some(a) => s.serialize_str(&crate::engine::money::money_string(*a)),
        None => s.serialize_none(),
    }
}

/// Whether a register number is acceptable: 1–32 characters, no spaces or control
/// characters (the register's own numbering is not checked; it is not published as a
/// format).
pub fn is_register_number(text: &str) -> bool {
    let count = text.chars().count();
    (1..=MAX_REGISTER_NUMBER_LEN).contains(&count)
        && !text.chars().any(|c| c.is_control() || c.is_whitespace())
}

/// Most providers a list may have.
pub const MAX_PROVIDERS: usize = 2000;

/// A list of at most `max` entries (longer than the case's lists may be: a city's
/// providers, a record's statements), still bounded.
pub(crate) fn bounded_array<'a>(
    r: &mut Reader,
    value: &'a Value,
    path: &str,
    max: usize,
) -> Option<&'a Vec<Value>> {
    match value {
        Value::Array(items) if items.len() <= max => Some(items),
        Value::Array(items) => {
            r.push(
                Problem::new(path, "problem.list.too_long")
                    .with("max", max)
                    .with("count", items.len()),
            );
            None
        }
        other => {
            r.push(
                Problem::new(path, "problem.type.array")
                    .with("found", crate::engine::validate::kind(other)),
            );
            None
        }
    }
}

/// Reports every member of `map` that is not one of `allowed` (a misspelt optional
/// member would otherwise be silently ignored: a record's `"delivery"` for
/// `"deliveries"` would read as no deliveries at all).
pub(crate) fn unknown_members(
    r: &mut Reader,
    map: &Map<String, Value>,
    allowed: &[&str],
    path: &str,
) {
    for key in map.keys() {
        if !allowed.contains(&key.as_str()) {
            r.push(Problem::new(join(path, key), "problem.field.unknown").with("field", key));
        }
    }
}

/// Reads a register number at `key` of `map`.
pub(crate) fn register_number(
    r: &mut Reader,
    map: &Map<String, Value>,
    key: &str,
    path: &str,
) -> Option<String> {
    let text = r.required_text(map, key, path, MAX_REGISTER_NUMBER_LEN)?;
    if !is_register_number(&text) {
        r.push(
            Problem::new(join(path, key), "problem.provider.register_number").with("value", &text),
        );
        return None;
    }
    Some(text)
}

/// Reads a positive unit price at `key`, if present.
pub(crate) fn optional_price(
    r: &mut Reader,
    map: &Map<String, Value>,
    key: &str,
    path: &str,
) -> Result<Option<Decimal>, ()> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => match money_from_json(v) {
            Ok(p) if p > Decimal::ZERO => Ok(Some(p)),
            Ok(_) => {
                r.push(Problem::new(join(path, key), "problem.provider.price_zero"));
                Err(())
            }
            Err(e) => {
                r.push(Problem::new(join(path, key), e.key()));
                Err(())
            }
        },
    }
}

fn read_note(r: &mut Reader, root: &Map<String, Value>) -> Option<Option<LocalName>> {
    let Some(value) = root.get("note").filter(|v| !v.is_null()) else {
        return Some(None);
    };
    let note = r.object(value, "/note")?;
    unknown_members(r, note, &["lv", "en"], "/note");
    let lv = r.required_text(note, "lv", "/note", MAX_DETAIL_LEN * 4);
    let en = r.required_text(note, "en", "/note", MAX_DETAIL_LEN * 4);
    Some(Some(LocalName { lv: lv?, en: en? }))
}

fn read_provider(
    r: &mut Reader,
    value: &Value,
    path: &str,
    catalogue: Option<&Catalogue>,
    numbers: &mut BTreeSet<String>,
) -> Option<Provider> {
    let p = r.object(value, path)?;
    unknown_members(
        r,
        p,
        &["name", "registerNumber", "address", "contact", "services"],
        path,
    );
    let name = r.required_text(p, "name", path, MAX_DETAIL_LEN);
    let number = register_number(r, p, "registerNumber", path);
    if let Some(number) = &number {
        if !numbers.insert(number.clone()) {
            r.push(
                Problem::new(
                    join(path, "registerNumber"),
                    "problem.provider.duplicate_register_number",
                )
                .with("value", number),
            );
        }
    }
    let address = r.required_text(p, "address", path, MAX_DETAIL_LEN);
    let contact = r.required_text(p, "contact", path, MAX_DETAIL_LEN);
    let services = r.required(p, "services", path).and_then(|v| {
        let sp = join(path, "services");
        let items = r.array(v, &sp)?;
        if items.is_empty() {
            r.push(Problem::new(&sp, "problem.provider.no_services"));
            return None;
        }
        let mut codes = BTreeSet::new();
        let mut out = Vec::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let ip = join(&sp, i);
            let Some(s) = r.object(item, &ip) else {
                ok = false;
                continue;
            };
            unknown_members(r, s, &["code", "unitPrice"], &ip);
            let code = r.required_text(s, "code", &ip, MAX_ID_LEN);
            let price = optional_price(r, s, "unitPrice", &ip);
            let Some(code) = code else {
                ok = false;
                continue;
            };
            if !codes.insert(code.clone()) {
                r.push(
                    Problem::new(join(&ip, "code"), "problem.provider.duplicate_service")
                        .with("code", &code),
                );
                ok = false;
            } else if catalogue.is_some_and(|c| c.service(&code).is_none()) {
                r.push(
                    Problem::new(join(&ip, "code"), "problem.service.unknown").with("code", &code),
                );
                ok = false;
            }
            match price {
                Ok(unit_price) => out.push(OfferedService { code, unit_price }),
                Err(()) => ok = false,
            }
        }
        ok.then_some(out)
    });
    Some(Provider {
        name: name?,
        register_number: number?,
        address: address?,
        contact: contact?,
        services: services?,
    })
}

/// Validates a provider list given as JSON. With a catalogue, every service code must be
/// one of its codes. Returns every problem found, with JSON pointers into the list.
pub fn providers_from_json(
    value: &Value,
    catalogue: Option<&Catalogue>,
) -> Result<ProviderList, Vec<Problem>> {
    let mut r = Reader::new();
    let Some(root) = r.object(value, "") else {
        return Err(r.problems);
    };
    unknown_members(
        &mut r,
        root,
        &["schema", "version", "date", "note", "providers"],
        "",
    );
    match r.required_text(root, "schema", "", 64) {
        Some(tag) if tag == PROVIDERS_SCHEMA => {}
        Some(tag) => {
            r.push(Problem::new("/schema", "problem.providers.schema").with("found", tag));
        }
        None => {}
    }
    let version = r.required_text(root, "version", "", MAX_ID_LEN);
    let date = r.required_text(root, "date", "", 32).and_then(|text| {
        let date = Date::parse(&text);
        if date.is_none() {
            r.push(Problem::new("/date", "problem.date.malformed").with("value", text));
        }
        date
    });
    let note = read_note(&mut r, root);
    let providers = r.required(root, "providers", "").and_then(|v| {
        let items = bounded_array(&mut r, v, "/providers", MAX_PROVIDERS)?;
        if items.is_empty() {
            r.push(Problem::new("/providers", "problem.providers.empty"));
            return None;
        }
        let mut numbers = BTreeSet::new();
        let mut out = Vec::new();
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            match read_provider(
                &mut r,
                item,
                &join("/providers", i),
                catalogue,
                &mut numbers,
            ) {
                Some(p) => out.push(p),
                None => ok = false,
            }
        }
        ok.then_some(out)
    });
    match (version, date, note, providers) {
        (Some(version), Some(date), Some(note), Some(providers)) if r.problems.is_empty() => {
            Ok(ProviderList {
                schema: PROVIDERS_SCHEMA,
                version,
                date,
                note,
                providers,
            })
        }
        _ if r.problems.is_empty() => Err(vec![Problem::new("", "problem.case.incomplete")]),
        _ => Err(r.problems),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::reference::ReferenceData;
    use serde_json::json;

    const EXAMPLE: &str = include_str!("../../public/data/providers.example.json");

    fn list() -> Value {
        json!({
            "schema": "ib-providers/1",
            "version": "2026.1",
            "date": "2026-01-15",
            "providers": [
                {"name": "A", "registerNumber": "R-1", "address": "Iela 1", "contact": "+371 1",
                 "services": [{"code": "SVC-SPEECH"}, {"code": "SVC-OT", "unitPrice": "30.00"}]},
                {"name": "B", "registerNumber": "R-2", "address": "Iela 2", "contact": "b@x.lv",
                 "services": [{"code": "SVC-SPEECH", "unitPrice": 22.5}]}
            ]
        })
    }

    fn keys(problems: &[Problem]) -> Vec<(String, String)> {
        problems
            .iter()
            .map(|p| (p.path.clone(), p.key.clone()))
            .collect()
    }

    #[test]
    fn a_good_list_loads_with_its_prices() {
        let list = providers_from_json(&list(), None).unwrap();
        assert_eq!(list.providers.len(), 2);
        let b = list.provider("R-2").unwrap();
        assert_eq!(
            b.offer("SVC-SPEECH").unwrap().unit_price,
            Some(Decimal::new(2250, 2))
        );
        assert_eq!(
            list.provider("R-1")
                .unwrap()
                .offer("SVC-SPEECH")
                .unwrap()
                .unit_price,
            None
        );
        let names: Vec<&str> = list
            .offering("SVC-SPEECH")
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(names, ["A", "B"]);
        assert_eq!(list.offering("SVC-RESPITE").count(), 0);
    }

    #[test]
    fn every_problem_is_reported_at_its_pointer() {
        let mut bad = list();
        bad["schema"] = json!("ib-providers/2");
        bad["date"] = json!("2026-02-30");
        bad["providers"][1]["registerNumber"] = json!("R-1");
        bad["providers"][0]["services"][1]["code"] = json!("SVC-SPEECH");
        bad["providers"][0]["address"] = json!(" ");
        bad["providers"][1]["services"][0]["unitPrice"] = json!("-3");
        let reference = ReferenceData::builtin().unwrap();
        bad["providers"][1]["services"]
            .as_array_mut()
            .unwrap()
            .push(json!({"code": "SVC-NOPE"}));
        let problems = providers_from_json(&bad, Some(&reference.catalogue)).unwrap_err();
        let found = keys(&problems);
        for want in [
            ("/schema", "problem.providers.schema"),
            ("/date", "problem.date.malformed"),
            (
                "/providers/1/registerNumber",
                "problem.provider.duplicate_register_number",
            ),
            (
                "/providers/0/services/1/code",
                "problem.provider.duplicate_service",
            ),
            ("/providers/0/address", "problem.text.empty"),
            (
                "/providers/1/services/0/unitPrice",
                "problem.money.negative",
            ),
            ("/providers/1/services/1/code", "problem.service.unknown"),
        ] {
            assert!(
                found.contains(&(want.0.to_string(), want.1.to_string())),
                "{want:?} not in {found:?}"
            );
        }
    }

    #[test]
    fn unknown_codes_are_only_checked_against_a_catalogue_given() {
        let mut odd = list();
        odd["providers"][0]["services"][0]["code"] = json!("OWN-CODE");
        assert!(providers_from_json(&odd, None).is_ok());
        let reference = ReferenceData::builtin().unwrap();
        assert!(providers_from_json(&odd, Some(&reference.catalogue)).is_err());
    }

    #[test]
    fn malformed_values_never_panic() {
        for value in [
            json!(null),
            json!([]),
            json!({"schema": 1}),
            json!({"providers": "x"}),
            json!({"providers": [1, {"services": [{}]}]}),
            json!({"schema": "ib-providers/1", "version": "1", "date": "2026-01-01", "providers": []}),
        ] {
            assert!(providers_from_json(&value, None).is_err(), "{value}");
        }
        let mut typo = list();
        typo["providers"][0]["service"] = json!([]);
        typo["providers"][0]["services"][0]["price"] = json!("1.00");
        let found = keys(&providers_from_json(&typo, None).unwrap_err());
        assert_eq!(
            found,
            [
                (
                    "/providers/0/service".to_string(),
                    "problem.field.unknown".to_string()
                ),
                (
                    "/providers/0/services/0/price".to_string(),
                    "problem.field.unknown".to_string()
                )
            ]
        );
        let mut spaced = list();
        spaced["providers"][0]["registerNumber"] = json!("R 1");
        let problems = providers_from_json(&spaced, None).unwrap_err();
        assert_eq!(
            keys(&problems),
            [(
                "/providers/0/registerNumber".to_string(),
                "problem.provider.register_number".to_string()
            )]
        );
    }

    #[test]
    fn the_example_file_loads_against_the_built_in_catalogue_and_says_it_is_made_up() {
        let value = crate::engine::json::parse_strict(EXAMPLE).unwrap();
        let reference = ReferenceData::builtin().unwrap();
        let list = providers_from_json(&value, Some(&reference.catalogue)).unwrap();
        let note = list.note.unwrap();
        assert!(note.lv.contains("izdomāt"), "{}", note.lv);
        assert!(note.en.contains("made up"), "{}", note.en);
        assert!(list.providers.len() >= 3);
    }
}
