//! The provision step's logic, pure: the `ib-provision/1` record kept inside the case at
//! [`PROVISION_POINTER`] (like the signatures at `/signatures`, so saving, two tabs,
//! backups and the device lock carry it with no storage code of its own), the provider
//! list on show (the made-up example, or a municipality's file kept on the device), and
//! the edits the screen makes: a line's provider and arrangement, a month's statement, an
//! amendment of the plan's quantities. Every edit builds a candidate record and checks it
//! with the engine ([`report_for`]); a refused edit changes nothing and returns its
//! problems at the screen's own field names (`provider`, `units`, `paid`, …), so the
//! engine's refusals land at the field that caused them.

use rust_decimal::Decimal;
use serde_json::Value;

use crate::engine::date::Date;
use crate::engine::json::{parse_strict, StrictJsonError};
use crate::engine::money::{amount_from_input, parse_money};
use crate::engine::problem::Problem;
use crate::engine::providers::{is_register_number, providers_from_json, ProviderList};
use crate::engine::provision::{
    carry_over, read_record, record_json, report_for, Arrangement, ArrangementKind, Delivery,
    OtherProvider, PlanFacts, ProviderRef, ProvisionError, ProvisionRecord, ProvisionReport,
    RecordLine, PROVISION_SCHEMA,
};
use crate::engine::reference::Catalogue;
use crate::engine::validate::MAX_ID_LEN;

/// Where a case keeps its provision record.
pub const PROVISION_POINTER: &str = "/provision";
/// The made-up example provider list (`public/data/providers.example.json`).
pub const EXAMPLE_PROVIDERS: &str = include_str!("../public/data/providers.example.json");

/// Reads a provider list file's text: strict JSON (a repeated member is refused with its
/// pointer), then the engine's validation against the price list.
pub fn read_provider_list(
    text: &str,
    catalogue: Option<&Catalogue>,
) -> Result<ProviderList, Vec<Problem>> {
    let value = parse_strict(text).map_err(|e| match e {
        StrictJsonError::Syntax(_) => vec![Problem::new("", "provision.providers.not_json")],
        StrictJsonError::Duplicate(d) => vec![d.problem()],
    })?;
    providers_from_json(&value, catalogue)
}

/// The record kept in the case: `None` when there is none yet.
pub fn stored_record(case: &Value) -> Option<Result<ProvisionRecord, Vec<Problem>>> {
    case.pointer(PROVISION_POINTER)
        .filter(|v| !v.is_null())
        .map(read_record)
}

/// A new, empty record for a plan.
pub fn new_record(facts: &PlanFacts, social_service: &str) -> ProvisionRecord {
    ProvisionRecord {
        schema: PROVISION_SCHEMA,
        plan_digest: facts.digest.clone(),
        previous_plan_digests: Vec::new(),
        case_id: facts.case_id.clone(),
        social_service: social_service.to_string(),
        statements_through: None,
        lines: Vec::new(),
        deliveries: Vec::new(),
    }
}

/// Writes the record into the case at [`PROVISION_POINTER`]; `false` when the case is not
/// an object or the record cannot be written as JSON (nothing changes then).
pub fn write_record(case: &mut Value, record: &ProvisionRecord) -> bool {
    let Ok(json) = record_json(record) else {
        return false;
    };
    match case.as_object_mut() {
        Some(object) => {
            object.insert("provision".into(), json);
            true
        }
        None => false,
    }
}

/// What the step finds when it opens.
#[derive(Clone, Debug, PartialEq)]
pub enum Standing {
    /// A record for this plan (`stored`: it is in the case already; else a new one).
    Ready {
        /// The record.
        record: ProvisionRecord,
        /// Whether it is stored in the case.
        stored: bool,
    },
    /// The stored record names another plan (the case changed after provision began).
    OtherPlan {
        /// The digest the record names.
        named: String,
    },
    /// The stored record cannot be read.
    Unreadable(Vec<Problem>),
}

/// The step's standing for a case and the facts of its current plan.
pub fn standing(case: &Value, facts: &PlanFacts, social_service: &str) -> Standing {
    match stored_record(case) {
        None => Standing::Ready {
            record: new_record(facts, social_service),
            stored: false,
        },
        Some(Err(problems)) => Standing::Unreadable(problems),
        Some(Ok(record)) if record.plan_digest != facts.digest => Standing::OtherPlan {
            named: record.plan_digest,
        },
        Some(Ok(record)) => Standing::Ready {
            record,
            stored: true,
        },
    }
}

/// A problem at one of the screen's fields (`field` is the screen's name, not a pointer).
fn at(field: &str, key: &str) -> Problem {
    Problem::new(field, key)
}

/// The engine's problems of a candidate record, moved to the screen's field names:
/// `…/units` to `units`, `…/paid` to `paid`, `…/arrangement/number` to `number`, a
/// provider's to `provider`; the rest to `""` (shown above the form).
fn to_fields(problems: Vec<Problem>) -> Vec<Problem> {
    problems
        .into_iter()
        .map(|mut p| {
            let field = if p.path.ends_with("/units") {
                "units"
            } else if p.path.ends_with("/paid") {
                "paid"
            } else if p.path.ends_with("/arrangement/number") {
                "number"
            } else if p.path.contains("/provider") {
                "provider"
            } else {
                ""
            };
            p.path = field.to_string();
            p
        })
        .collect()
}

/// The provider a line is to have, as the form gives it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum ProviderInput {
    /// None chosen yet.
    #[default]
    None,
    /// A listed provider by register number.
    Listed(String),
    /// Another provider, typed in.
    Other {
        /// Name.
        name: String,
        /// Register number.
        register_number: String,
        /// Address.
        address: String,
        /// Contact.
        contact: String,
        /// Its unit price as typed (empty: the plan's).
        unit_price: String,
    },
}

/// A line's form: the provider and the arrangement (`kind` `None`: not made yet).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChoiceInput {
    /// The provider.
    pub provider: ProviderInput,
    /// Contract or guarantee letter, if made.
    pub kind: Option<ArrangementKind>,
    /// Its number.
    pub number: String,
    /// Its date (ISO, as a date input gives it).
    pub date: String,
}

/// The index of a service's current line: its provider from the latest month.
fn current_line(record: &ProvisionRecord, code: &str) -> Option<usize> {
    (0..record.lines.len())
        .filter(|&i| record.lines[i].code == code)
        .max_by_key(|&i| record.lines[i].from_month)
}

/// The form of a service's current provider (the one from the latest month).
pub fn choice_input(record: &ProvisionRecord, code: &str) -> ChoiceInput {
    let Some(line) = current_line(record, code).map(|i| &record.lines[i]) else {
        return ChoiceInput::default();
    };
    let provider = match &line.provider {
        ProviderRef::Listed(number) => ProviderInput::Listed(number.clone()),
        ProviderRef::Other(o) => ProviderInput::Other {
            name: o.name.clone(),
            register_number: o.register_number.clone(),
            address: o.address.clone(),
            contact: o.contact.clone(),
            unit_price: o
                .unit_price
                .map(crate::engine::money::money_string)
                .unwrap_or_default(),
        },
    };
    match &line.arrangement {
        Some(a) => ChoiceInput {
            provider,
            kind: Some(a.kind),
            number: a.number.clone(),
            date: a.date.to_string(),
        },
        None => ChoiceInput {
            provider,
            ..ChoiceInput::default()
        },
    }
}

fn required(problems: &mut Vec<Problem>, field: &str, text: &str, max: usize) -> String {
    let text = text.trim();
    if text.is_empty() {
        problems.push(at(field, "provision.form.required"));
    } else if text.chars().count() > max {
        problems.push(at(field, "provision.form.too_long").with("max", max));
    }
    text.to_string()
}

/// Reads a price as typed ("26,50"): `None` when empty.
fn price_input(problems: &mut Vec<Problem>, field: &str, text: &str) -> Option<Decimal> {
    if text.trim().is_empty() {
        return None;
    }
    match parse_money(&amount_from_input(text)) {
        Ok(price) if price > Decimal::ZERO => Some(price),
        Ok(_) => {
            problems.push(at(field, "problem.provider.price_zero"));
            None
        }
        Err(e) => {
            problems.push(at(field, e.key()));
            None
        }
    }
}

/// Sets the provider and arrangement of a funded line. The current provider's entry is
/// edited in place while nothing was delivered under it; another provider after
/// statements were recorded is a provider change: a new entry from the month after the
/// last statement, so earlier statements stay with the provider of their month. Checked against the plan and the list; refused with problems
/// at the form's fields (`provider`, `other/name`, `other/registerNumber`,
/// `other/address`, `other/contact`, `other/unitPrice`, `number`, `date`).
pub fn apply_choice(
    record: &ProvisionRecord,
    facts: &PlanFacts,
    providers: Option<&ProviderList>,
    code: &str,
    input: &ChoiceInput,
) -> Result<ProvisionRecord, Vec<Problem>> {
    let mut problems = Vec::new();
    let provider = match &input.provider {
        ProviderInput::None => None,
        ProviderInput::Listed(number) => Some(ProviderRef::Listed(number.clone())),
        ProviderInput::Other {
            name,
            register_number,
            address,
            contact,
            unit_price,
        } => {
            let name = required(&mut problems, "other/name", name, 300);
            let number = register_number.trim().to_string();
            if !is_register_number(&number) {
                problems.push(
                    at("other/registerNumber", "problem.provider.register_number")
                        .with("value", &number),
                );
            }
            let address = required(&mut problems, "other/address", address, 300);
            let contact = required(&mut problems, "other/contact", contact, 300);
            let unit_price = price_input(&mut problems, "other/unitPrice", unit_price);
            Some(ProviderRef::Other(OtherProvider {
                name,
                register_number: number,
                address,
                contact,
                unit_price,
            }))
        }
    };
    let arrangement = match input.kind {
        None => None,
        Some(kind) => {
            let number = required(&mut problems, "number", &input.number, MAX_ID_LEN);
            let date = Date::parse(input.date.trim());
            if date.is_none() {
                problems.push(at("date", "provision.form.date"));
            }
            date.map(|date| Arrangement { kind, number, date })
        }
    };
    if provider.is_none() && arrangement.is_some() {
        problems.push(at("provider", "provision.form.provider_first"));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut candidate = record.clone();
    let place = current_line(&candidate, code);
    // The last month with a statement of this service: a different provider starts after
    // it, so each statement stays with the provider of its month.
    let last = record
        .deliveries
        .iter()
        .filter(|d| d.code == code)
        .map(|d| d.month)
        .max()
        .unwrap_or(0);
    match (provider, place) {
        (None, Some(i)) => {
            candidate.lines.remove(i);
        }
        (None, None) => {}
        (Some(provider), Some(i))
            if candidate.lines[i].provider == provider || last < candidate.lines[i].from_month =>
        {
            candidate.lines[i].provider = provider;
            candidate.lines[i].arrangement = arrangement;
        }
        (Some(provider), Some(_)) => {
            if last >= facts.period.months {
                return Err(vec![at("provider", "provision.choice.no_month_left")]);
            }
            candidate.lines.push(RecordLine {
                code: code.to_string(),
                from_month: last + 1,
                provider,
                arrangement,
            });
        }
        (Some(provider), None) => candidate.lines.push(RecordLine {
            code: code.to_string(),
            from_month: 1,
            provider,
            arrangement,
        }),
    }
    report_for(facts, &candidate, providers).map_err(to_fields)?;
    Ok(candidate)
}

/// Records one provider's statement for a service and plan month (replacing an earlier
/// one of that month): units delivered and amount paid, as typed. Refused with problems
/// at `units` or `paid` (or `""`) when the engine refuses it: more delivered or paid than
/// funded, a payment above units × the agreed price, no provider or arrangement yet.
pub fn apply_delivery(
    record: &ProvisionRecord,
    facts: &PlanFacts,
    providers: Option<&ProviderList>,
    code: &str,
    month: u32,
    units: &str,
    paid: &str,
) -> Result<ProvisionRecord, Vec<Problem>> {
    let mut problems = Vec::new();
    let units = match units.trim().parse::<u64>() {
        Ok(n) if i64::try_from(n).is_ok_and(|n| n <= crate::engine::validate::MAX_QUANTITY) => {
            Some(n)
        }
        _ => {
            problems.push(at("units", "provision.form.units"));
            None
        }
    };
    let paid = match parse_money(&amount_from_input(paid)) {
        Ok(p) => Some(p),
        Err(e) => {
            problems.push(at("paid", e.key()));
            None
        }
    };
    let (Some(units), Some(paid)) = (units, paid) else {
        return Err(problems);
    };
    let mut candidate = record.clone();
    let delivery = Delivery {
        code: code.to_string(),
        month,
        units,
        paid,
    };
    match candidate
        .deliveries
        .iter()
        .position(|d| d.code == code && d.month == month)
    {
        Some(i) => candidate.deliveries[i] = delivery,
        None => candidate.deliveries.push(delivery),
    }
    if let Some(through) = candidate.statements_through {
        candidate.statements_through = Some(through.max(month));
    }
    report_for(facts, &candidate, providers).map_err(to_fields)?;
    Ok(candidate)
}

/// Removes the statement of a service and month (never refused: less delivered is
/// always within the plan).
pub fn remove_delivery(record: &ProvisionRecord, code: &str, month: u32) -> ProvisionRecord {
    let mut out = record.clone();
    out.deliveries
        .retain(|d| !(d.code == code && d.month == month));
    out
}

/// The check of a record against its plan: the report, or its problems.
pub fn report(
    facts: &PlanFacts,
    record: &ProvisionRecord,
    providers: Option<&ProviderList>,
) -> Result<ProvisionReport, Vec<Problem>> {
    report_for(facts, record, providers)
}

/// An amendment: the plan's quantities change inside its period. Writes the new
/// quantities into a copy of the case, computes the amended plan and carries the record
/// over to it ([`carry_over`]: the deliveries kept, the earlier plan's digest appended,
/// refused when the amended plan funds fewer units or less money than already delivered
/// or paid). Returns the amended case (its plan must be signed again) and the record.
/// Problems have `quantity/<code>` or `""` as their field.
pub fn amend(
    case: &Value,
    plan: &Value,
    record: &ProvisionRecord,
    providers: Option<&ProviderList>,
    quantities: &[(String, String)],
    plan_of: impl Fn(&Value) -> Result<Value, Vec<Problem>>,
) -> Result<(Value, ProvisionRecord), Vec<Problem>> {
    let mut amended = case.clone();
    let mut problems = Vec::new();
    let mut changed = false;
    for (code, text) in quantities {
        let field = format!("quantity/{code}");
        let Ok(quantity) = text.trim().parse::<u64>() else {
            problems.push(at(&field, "provision.form.units"));
            continue;
        };
        let services = amended
            .pointer_mut("/services")
            .and_then(Value::as_array_mut);
        let Some(service) = services
            .into_iter()
            .flatten()
            .find(|s| s.get("code").and_then(Value::as_str) == Some(code.as_str()))
        else {
            problems.push(at(&field, "provision.amend.no_service"));
            continue;
        };
        if service.get("quantity").and_then(Value::as_u64) != Some(quantity) {
            service["quantity"] = Value::from(quantity);
            changed = true;
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    if !changed {
        return Err(vec![at("", "provision.amend.unchanged")]);
    }
    if let Some(object) = amended.as_object_mut() {
        object.remove("provision");
        // The amended plan names its earlier versions (issue 14, item 5): the record's
        // chain and then the plan being amended (`carry_over` checks they agree).
        let mut chain = record.previous_plan_digests.clone();
        chain.push(record.plan_digest.clone());
        object.insert("amends".into(), serde_json::json!({"planDigests": chain}));
    }
    let new_plan = plan_of(&amended)?;
    let record_value = record_json(record)?;
    let carried = carry_over(plan, &new_plan, &record_value, providers).map_err(|e| match e {
        ProvisionError::Plan(p) | ProvisionError::AmendedPlan(p) | ProvisionError::Record(p) => p
            .into_iter()
            .map(|mut p| {
                p.path = String::new();
                p
            })
            .collect::<Vec<_>>(),
    })?;
    if !write_record(&mut amended, &carried) {
        return Err(vec![at("", "problem.internal")]);
    }
    Ok((amended, carried))
}

/// `<pseudonym>-payments.csv` / `<pseudonym>-provision.json`.
pub fn file_name(case_id: &str, what: &str) -> String {
    format!("{}-{what}", crate::signing::safe_file_stem(case_id))
}

/// The record as pretty JSON text, for the download.
pub fn record_text(record: &ProvisionRecord) -> String {
    record_json(record)
        .ok()
        .and_then(|v| serde_json::to_string_pretty(&v).ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::example::example_case_json;
    use crate::engine::plan::plan_from_case_json;
    use crate::engine::provision::{payments_csv, plan_facts};

    fn setup() -> (Value, Value, PlanFacts, ProviderList) {
        let case = example_case_json();
        let plan = plan_from_case_json(&example_case_json()).unwrap();
        let facts = plan_facts(&plan).unwrap();
        let list = read_provider_list(EXAMPLE_PROVIDERS, None).unwrap();
        (case, plan, facts, list)
    }

    fn letter(number: &str) -> ChoiceInput {
        ChoiceInput {
            provider: ProviderInput::Listed("EX-0001".into()),
            kind: Some(ArrangementKind::GuaranteeLetter),
            number: number.into(),
            date: "2025-08-25".into(),
        }
    }

    fn chosen() -> (Value, Value, PlanFacts, ProviderList, ProvisionRecord) {
        let (case, plan, facts, list) = setup();
        let record = new_record(&facts, "Cēsu novada Sociālais dienests");
        let record =
            apply_choice(&record, &facts, Some(&list), "SVC-SPEECH", &letter("GV-1")).unwrap();
        (case, plan, facts, list, record)
    }

    #[test]
    fn a_new_case_has_a_new_record_that_is_written_and_read_back() {
        let (mut case, _, facts, _, record) = chosen();
        assert!(matches!(
            standing(&case, &facts, "X"),
            Standing::Ready { stored: false, .. }
        ));
        assert!(write_record(&mut case, &record));
        match standing(&case, &facts, "X") {
            Standing::Ready {
                record: read,
                stored,
            } => {
                assert!(stored);
                assert_eq!(read, record);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(choice_input(&record, "SVC-SPEECH"), letter("GV-1"));
        // A record of another plan is told, not used.
        case["provision"]["planDigest"] = Value::from("0".repeat(64));
        assert!(matches!(
            standing(&case, &facts, "X"),
            Standing::OtherPlan { .. }
        ));
        case["provision"] = Value::from(7);
        assert!(matches!(
            standing(&case, &facts, "X"),
            Standing::Unreadable(_)
        ));
    }

    #[test]
    fn a_provider_not_offering_the_service_or_typed_details_missing_are_refused_at_fields() {
        let (_, _, facts, list, record) = chosen();
        let wrong = ChoiceInput {
            provider: ProviderInput::Listed("EX-0003".into()),
            ..letter("GV-2")
        };
        let problems =
            apply_choice(&record, &facts, Some(&list), "SVC-SPEECH", &wrong).unwrap_err();
        assert_eq!(problems[0].path, "provider");
        assert_eq!(problems[0].key, "problem.provision.provider_not_offering");
        let other = ChoiceInput {
            provider: ProviderInput::Other {
                name: " ".into(),
                register_number: "has space".into(),
                address: "Iela 1".into(),
                contact: "+371 2".into(),
                unit_price: "abc".into(),
            },
            kind: Some(ArrangementKind::Contract),
            number: String::new(),
            date: "2025-13-01".into(),
        };
        let problems =
            apply_choice(&record, &facts, Some(&list), "SVC-SPEECH", &other).unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            fields,
            [
                "other/name",
                "other/registerNumber",
                "other/unitPrice",
                "number",
                "date"
            ]
        );
        // The same letter number for another provider is refused at the number.
        let physio = ChoiceInput {
            provider: ProviderInput::Listed("EX-0002".into()),
            ..letter("GV-1")
        };
        let problems =
            apply_choice(&record, &facts, Some(&list), "SVC-PHYSIO", &physio).unwrap_err();
        assert_eq!(problems[0].path, "number");
    }

    #[test]
    fn deliveries_within_the_plan_are_kept_and_over_delivery_is_refused_at_the_field() {
        let (_, _, facts, list, record) = chosen();
        let one =
            apply_delivery(&record, &facts, Some(&list), "SVC-SPEECH", 1, "4", "96,00").unwrap();
        let two = apply_delivery(&one, &facts, Some(&list), "SVC-SPEECH", 2, "3", "72").unwrap();
        let report = report(&facts, &two, Some(&list)).unwrap();
        let speech = report
            .services
            .iter()
            .find(|s| s.code == "SVC-SPEECH")
            .unwrap();
        assert_eq!(speech.delivered_units, 7);
        assert_eq!(speech.available_units, 17);
        // 24 are funded: 7 + 18 is too many; nothing changes.
        let problems =
            apply_delivery(&two, &facts, Some(&list), "SVC-SPEECH", 3, "18", "0").unwrap_err();
        assert_eq!(problems[0].path, "units");
        assert_eq!(problems[0].key, "problem.provision.delivered_over_funded");
        // Paid above units × price.
        let problems =
            apply_delivery(&two, &facts, Some(&list), "SVC-SPEECH", 3, "1", "30").unwrap_err();
        assert_eq!(problems[0].path, "paid");
        // Not a number, not an amount.
        let problems =
            apply_delivery(&two, &facts, Some(&list), "SVC-SPEECH", 3, "x", "1,234").unwrap_err();
        assert_eq!(problems.len(), 2);
        // No provider for physiotherapy yet.
        let problems =
            apply_delivery(&two, &facts, Some(&list), "SVC-PHYSIO", 1, "1", "25").unwrap_err();
        assert_eq!(problems[0].path, "");
        // Replacing and removing a month.
        let again = apply_delivery(&two, &facts, Some(&list), "SVC-SPEECH", 2, "2", "48").unwrap();
        assert_eq!(again.deliveries.len(), 2);
        assert_eq!(remove_delivery(&again, "SVC-SPEECH", 2).deliveries.len(), 1);
        let csv = payments_csv(&report);
        assert!(csv.contains("EX-0001"), "{csv}");
        assert!(csv.lines().count() == 3, "{csv}");
    }

    #[test]
    fn a_provider_change_after_statements_starts_the_month_after_the_last_one() {
        let (_, _, facts, list, record) = chosen();
        let record =
            apply_delivery(&record, &facts, Some(&list), "SVC-SPEECH", 2, "3", "72").unwrap();
        let other = ChoiceInput {
            provider: ProviderInput::Other {
                name: "Cits, SIA".into(),
                register_number: "X-9".into(),
                address: "Iela 9".into(),
                contact: "+371 2".into(),
                unit_price: String::new(),
            },
            ..letter("GV-5")
        };
        let changed = apply_choice(&record, &facts, Some(&list), "SVC-SPEECH", &other).unwrap();
        assert_eq!(changed.lines.len(), 2);
        assert_eq!(
            changed.lines[0].provider,
            ProviderRef::Listed("EX-0001".into())
        );
        assert_eq!(changed.lines[1].from_month, 3);
        assert_eq!(choice_input(&changed, "SVC-SPEECH"), other);
        let report = report(&facts, &changed, Some(&list)).unwrap();
        assert_eq!(report.deliveries[0].register_number, "EX-0001");
        // Its arrangement is edited in place (nothing delivered under it yet).
        let again = apply_choice(
            &changed,
            &facts,
            Some(&list),
            "SVC-SPEECH",
            &ChoiceInput {
                number: "GV-6".into(),
                ..other
            },
        )
        .unwrap();
        assert_eq!(again.lines.len(), 2);
    }

    #[test]
    fn an_amendment_keeps_the_deliveries_and_names_the_earlier_plan() {
        let (case, plan, facts, list, record) = chosen();
        let record =
            apply_delivery(&record, &facts, Some(&list), "SVC-SPEECH", 1, "4", "96").unwrap();
        let plan_of = |c: &Value| {
            crate::engine::plan::plan_from_case_json(c)
                .map_err(|_| vec![Problem::new("", "problem.internal")])
        };
        let (amended, carried) = amend(
            &case,
            &plan,
            &record,
            Some(&list),
            &[("SVC-SPEECH".into(), "20".into())],
            plan_of,
        )
        .unwrap();
        assert_eq!(carried.previous_plan_digests, vec![facts.digest.clone()]);
        // The case (and so the amended plan) names the plan it amends.
        assert_eq!(
            amended.pointer("/amends/planDigests"),
            Some(&serde_json::json!([facts.digest.clone()]))
        );
        assert_eq!(carried.deliveries, record.deliveries);
        assert_ne!(carried.plan_digest, facts.digest);
        assert_eq!(
            amended
                .pointer("/provision/planDigest")
                .and_then(Value::as_str),
            Some(carried.plan_digest.as_str())
        );
        // Fewer than delivered is refused.
        let problems = amend(
            &case,
            &plan,
            &record,
            Some(&list),
            &[("SVC-SPEECH".into(), "3".into())],
            plan_of,
        )
        .unwrap_err();
        assert_eq!(problems[0].key, "problem.provision.amended_below_delivered");
        let problems = amend(&case, &plan, &record, Some(&list), &[], plan_of).unwrap_err();
        assert_eq!(problems[0].key, "provision.amend.unchanged");
    }

    #[test]
    fn a_provider_file_that_is_not_json_or_repeats_a_member_is_refused_with_a_pointer() {
        assert_eq!(
            read_provider_list("{", None).unwrap_err()[0].key,
            "provision.providers.not_json"
        );
        let problems =
            read_provider_list(r#"{"schema":"ib-providers/1","schema":"x"}"#, None).unwrap_err();
        assert_eq!(problems[0].path, "/schema");
        let problems = read_provider_list(r#"{"schema":"ib-providers/2"}"#, None).unwrap_err();
        assert!(problems.iter().any(|p| p.path == "/schema"));
        assert_eq!(file_name("CESIS 1", "payments.csv"), "CESIS_1-payments.csv");
    }
}
