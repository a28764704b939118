//! Reference data: the service catalogue (price list), planning regions and
//! municipalities, specialist roles and assessment domains. The built-in set is the JSON
//! in `public/data/`, embedded at compile time and validated on load; a municipality can
//! supply its own edited catalogue, which goes through the same validation.

use std::collections::BTreeSet;
use std::sync::{Arc, OnceLock};

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::engine::date::{Date, YearMonth};
use crate::engine::money::{money_from_json, money_string};
use crate::engine::problem::{join, Problem};

/// The schema tag of a catalogue file.
pub const CATALOGUE_SCHEMA: &str = "ib-catalogue/1";

const CATALOGUE_JSON: &str = include_str!("../../public/data/catalogue.json");
const REGIONS_JSON: &str = include_str!("../../public/data/regions.json");
const ROLES_JSON: &str = include_str!("../../public/data/roles.json");
const DOMAINS_JSON: &str = include_str!("../../public/data/domains.json");

/// A name in both languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalName {
    /// Latvian.
    pub lv: String,
    /// English.
    pub en: String,
}

/// The DI target groups (DOMAIN.md §1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum TargetGroup {
    /// Adults with mental or intellectual disabilities.
    #[serde(rename = "GRT")]
    Grt,
    /// Children and young people in out-of-family care.
    #[serde(rename = "ARP")]
    Arp,
    /// Children with functional impairments.
    #[serde(rename = "FT")]
    Ft,
}

impl TargetGroup {
    /// Parses the code used in files (`GRT`, `ARP`, `FT`).
    pub fn from_code(code: &str) -> Option<TargetGroup> {
        match code {
            "GRT" => Some(TargetGroup::Grt),
            "ARP" => Some(TargetGroup::Arp),
            "FT" => Some(TargetGroup::Ft),
            _ => None,
        }
    }
    /// The code used in files.
    pub fn code(self) -> &'static str {
        match self {
            TargetGroup::Grt => "GRT",
            TargetGroup::Arp => "ARP",
            TargetGroup::Ft => "FT",
        }
    }
}

/// The unit a service is priced and counted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Unit {
    /// An hour.
    Hour,
    /// A session (consultation, therapy session).
    Session,
    /// A day of attendance.
    Day,
    /// A 24-hour day (diennakts).
    Day24,
    /// A month.
    Month,
    /// One item (an aid, a trip).
    Item,
}

/// Volume caps of a service; each present cap limits the units in one plan.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Caps {
    /// At most this many units in one plan period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_period: Option<u32>,
    /// At most this many units a year; one plan gets `perYear × months / 12`, rounded
    /// down, so consecutive plans cannot exceed the year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub per_year: Option<u32>,
    /// Units per week by the child's age at the plan's start; one plan gets
    /// `units × days in the period / 7`, rounded down. No matching band means 0.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub per_week_by_age: Vec<AgeBand>,
}

/// Units per week for children aged `fromAge..=toAge` (completed years).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AgeBand {
    /// Youngest age in the band.
    pub from_age: u32,
    /// Oldest age in the band.
    pub to_age: u32,
    /// Units per week.
    pub units: u32,
}

impl Caps {
    /// Whether no cap is set.
    pub fn is_empty(&self) -> bool {
        self.per_period.is_none() && self.per_year.is_none() && self.per_week_by_age.is_empty()
    }

    /// The cap in units for one plan of `months` months covering `days` days, for a child
    /// of `age` completed years; `None` when the service has no cap.
    pub fn units_for_plan(&self, months: u32, days: i64, age: i32) -> Option<u64> {
        let mut cap: Option<u64> = None;
        let mut limit = |units: u64| cap = Some(cap.map_or(units, |c| c.min(units)));
        if let Some(p) = self.per_period {
            limit(u64::from(p));
        }
        if let Some(y) = self.per_year {
            limit(u64::from(y) * u64::from(months) / 12);
        }
        if !self.per_week_by_age.is_empty() {
            let band = self.per_week_by_age.iter().find(|b| {
                i64::from(b.from_age) <= i64::from(age) && i64::from(age) <= i64::from(b.to_age)
            });
            let days = u64::try_from(days.max(0)).unwrap_or(0);
            limit(band.map_or(0, |b| u64::from(b.units) * days / 7));
        }
        cap
    }
}

/// One service of the catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Service {
    /// Stable code, e.g. `SVC-HOMECARE`.
    pub code: String,
    /// Name in both languages.
    pub name: LocalName,
    /// IB service area 1–3 (DOMAIN.md §3).
    pub area: u8,
    /// Target groups the service is offered to.
    pub target_groups: Vec<TargetGroup>,
    /// The unit of quantity and price.
    pub unit: Unit,
    /// Price per unit, EUR.
    #[serde(serialize_with = "serialize_money")]
    pub unit_price: Decimal,
    /// Volume caps.
    #[serde(skip_serializing_if = "Caps::is_empty")]
    pub caps: Caps,
}

/// A validated price list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Catalogue {
    /// Always [`CATALOGUE_SCHEMA`].
    pub schema: String,
    /// The price-list version, e.g. `2025.1`.
    pub version: String,
    /// The date from which the prices apply.
    #[serde(serialize_with = "serialize_display")]
    pub effective_date: Date,
    /// Always `EUR`.
    pub currency: String,
    /// Free text about the source of the prices.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The services, in file order.
    pub services: Vec<Service>,
}

impl Catalogue {
    /// The service with this code.
    pub fn service(&self, code: &str) -> Option<&Service> {
        self.services.iter().find(|s| s.code == code)
    }
}

/// Writes a money amount with two decimals.
pub fn serialize_money<S: serde::Serializer>(amount: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&money_string(*amount))
}

/// Writes a value through its `Display`.
pub fn serialize_display<T: std::fmt::Display, S: serde::Serializer>(
    value: &T,
    s: S,
) -> Result<S::Ok, S::Error> {
    s.collect_str(value)
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawCatalogue {
    schema: String,
    version: String,
    effective_date: String,
    currency: String,
    #[serde(default)]
    note: String,
    services: Vec<RawService>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawService {
    code: String,
    name: LocalName,
    area: u8,
    target_groups: Vec<String>,
    unit: Unit,
    unit_price: serde_json::Value,
    #[serde(default)]
    caps: Caps,
}

fn shape_problem(path: &str, what: &str, err: &serde_json::Error) -> Problem {
    Problem::new(path, "problem.reference.malformed")
        .with("file", what)
        .with("detail", err)
}

fn is_code(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 64
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Validates a catalogue given as JSON (built-in or edited by a municipality).
pub fn catalogue_from_json(value: &serde_json::Value) -> Result<Catalogue, Vec<Problem>> {
    let raw =
        RawCatalogue::deserialize(value).map_err(|e| vec![shape_problem("", "catalogue", &e)])?;
    let mut problems = Vec::new();
    if raw.schema != CATALOGUE_SCHEMA {
        problems
            .push(Problem::new("/schema", "problem.catalogue.schema").with("found", &raw.schema));
    }
    if raw.version.trim().is_empty() {
        problems.push(Problem::new(
            "/version",
            "problem.catalogue.version_missing",
        ));
    }
    let effective_date = Date::parse(&raw.effective_date);
    if effective_date.is_none() {
        problems.push(
            Problem::new("/effectiveDate", "problem.date.malformed")
                .with("value", &raw.effective_date),
        );
    }
    if raw.currency != "EUR" {
        problems.push(
            Problem::new("/currency", "problem.catalogue.currency").with("found", &raw.currency),
        );
    }
    if raw.services.is_empty() {
        problems.push(Problem::new("/services", "problem.catalogue.empty"));
    }
    let mut seen = BTreeSet::new();
    let mut services = Vec::new();
    for (i, s) in raw.services.into_iter().enumerate() {
        let at = join("/services", i);
        if !is_code(&s.code) {
            problems.push(
                Problem::new(join(&at, "code"), "problem.code.malformed").with("code", &s.code),
            );
        } else if !seen.insert(s.code.clone()) {
            problems.push(
                Problem::new(join(&at, "code"), "problem.catalogue.duplicate_code")
                    .with("code", &s.code),
            );
        }
        if s.name.lv.trim().is_empty() || s.name.en.trim().is_empty() {
            problems.push(Problem::new(join(&at, "name"), "problem.name.missing"));
        }
        if !(1..=3).contains(&s.area) {
            problems.push(
                Problem::new(join(&at, "area"), "problem.catalogue.area").with("value", s.area),
            );
        }
        let mut groups = Vec::new();
        for (g, code) in s.target_groups.iter().enumerate() {
            match TargetGroup::from_code(code) {
                Some(tg) if !groups.contains(&tg) => groups.push(tg),
                Some(_) => {}
                None => problems.push(
                    Problem::new(
                        join(&join(&at, "targetGroups"), g),
                        "problem.target_group.unknown",
                    )
                    .with("code", code),
                ),
            }
        }
        if groups.is_empty() {
            problems.push(Problem::new(
                join(&at, "targetGroups"),
                "problem.catalogue.no_target_group",
            ));
        }
        let price = match money_from_json(&s.unit_price) {
            Ok(p) if p > Decimal::ZERO => p,
            Ok(_) => {
                problems.push(Problem::new(
                    join(&at, "unitPrice"),
                    "problem.catalogue.price_zero",
                ));
                Decimal::ZERO
            }
            Err(e) => {
                problems.push(Problem::new(join(&at, "unitPrice"), e.key()));
                Decimal::ZERO
            }
        };
        for (b, band) in s.caps.per_week_by_age.iter().enumerate() {
            if band.from_age > band.to_age {
                problems.push(Problem::new(
                    join(&join(&join(&at, "caps"), "perWeekByAge"), b),
                    "problem.catalogue.age_band",
                ));
            }
        }
        services.push(Service {
            code: s.code,
            name: s.name,
            area: s.area,
            target_groups: groups,
            unit: s.unit,
            unit_price: price,
            caps: s.caps,
        });
    }
    match (effective_date, problems.is_empty()) {
        (Some(effective_date), true) => Ok(Catalogue {
            schema: raw.schema,
            version: raw.version,
            effective_date,
            currency: raw.currency,
            note: raw.note,
            services,
        }),
        _ => Err(problems),
    }
}

/// One municipality.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Municipality {
    /// Stable code, e.g. `CESU-NOV`.
    pub code: String,
    /// Latvian name, e.g. `Cēsu novads`.
    pub name: String,
    /// `city` (valstspilsēta) or `novads`.
    pub kind: String,
    /// Last day the municipality existed, if it no longer does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<String>,
    /// The municipality it merged into.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged_into: Option<String>,
}

/// One planning region and its municipalities.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Region {
    /// Stable code, e.g. `VIDZEME`.
    pub code: String,
    /// Name in both languages.
    pub name: LocalName,
    /// The member municipalities.
    pub municipalities: Vec<Municipality>,
}

/// The regions file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Regions {
    /// `ib-regions/1`.
    pub schema: String,
    /// Data version.
    pub version: String,
    /// Source note.
    #[serde(default)]
    pub note: String,
    /// The five planning regions.
    pub regions: Vec<Region>,
}

impl Regions {
    /// The municipality with this code, with its region's code.
    pub fn municipality(&self, code: &str) -> Option<(&Region, &Municipality)> {
        self.regions.iter().find_map(|r| {
            r.municipalities
                .iter()
                .find(|m| m.code == code)
                .map(|m| (r, m))
        })
    }
}

/// A specialist role.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Role {
    /// Stable code, e.g. `social_worker`.
    pub code: String,
    /// Name in both languages.
    pub name: LocalName,
    /// Whether every assessment team must have this role.
    pub mandatory: bool,
}

/// The roles file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Roles {
    /// `ib-roles/1`.
    pub schema: String,
    /// Data version.
    pub version: String,
    /// The roles.
    pub roles: Vec<Role>,
}

/// An assessment domain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AssessmentDomain {
    /// Stable code, e.g. `mobility`.
    pub code: String,
    /// The ICF chapter, when the domain is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icf: Option<String>,
    /// Name in both languages.
    pub name: LocalName,
}

/// The domains file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Domains {
    /// `ib-domains/1`.
    pub schema: String,
    /// Data version.
    pub version: String,
    /// The domains.
    pub domains: Vec<AssessmentDomain>,
}

/// The reference data a case is validated and planned against.
///
/// Regions, roles and domains are shared (`Arc`): the built-in ones are parsed and
/// validated once per process and every [`ReferenceData`] points at them, so building one
/// for an edited or embedded price list costs only that price list's validation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReferenceData {
    /// The price list.
    pub catalogue: Catalogue,
    /// Regions and municipalities.
    pub regions: Arc<Regions>,
    /// Specialist roles.
    pub roles: Arc<Roles>,
    /// Assessment domains.
    pub domains: Arc<Domains>,
}

/// The built-in regions, roles and domains, parsed, with what their validation found.
#[derive(Debug)]
struct BuiltinFiles {
    regions: Arc<Regions>,
    roles: Arc<Roles>,
    domains: Arc<Domains>,
    /// The problems of [`validate_reference`] (empty for the shipped files; a test
    /// proves it).
    problems: Vec<Problem>,
}

/// The embedded regions, roles and domains files parsed and validated once; the result
/// (including the problems, if the shipped files were ever broken) is kept for the life of
/// the process. The files are compiled in, so the outcome can never change.
fn builtin_files() -> &'static Result<BuiltinFiles, Vec<Problem>> {
    static FILES: OnceLock<Result<BuiltinFiles, Vec<Problem>>> = OnceLock::new();
    FILES.get_or_init(|| {
        let regions: Regions = parse_file(REGIONS_JSON, "regions")?;
        let roles: Roles = parse_file(ROLES_JSON, "roles")?;
        let domains: Domains = parse_file(DOMAINS_JSON, "domains")?;
        let problems = validate_reference(&regions, &roles, &domains);
        Ok(BuiltinFiles {
            regions: Arc::new(regions),
            roles: Arc::new(roles),
            domains: Arc::new(domains),
            problems,
        })
    })
}

/// The built-in reference data (with the built-in catalogue), validated once.
fn builtin_reference() -> &'static Result<ReferenceData, Vec<Problem>> {
    static BUILTIN: OnceLock<Result<ReferenceData, Vec<Problem>>> = OnceLock::new();
    BUILTIN.get_or_init(|| {
        let catalogue = parse_value(CATALOGUE_JSON, "catalogue")?;
        ReferenceData::with_catalogue(&catalogue)
    })
}

/// Parses a built-in file. Typed reading goes through a `Value` so each record type has
/// one deserializer in the wasm (the `&Value` one edited catalogues use) instead of two.
fn parse_file<T: for<'de> Deserialize<'de>>(text: &str, what: &str) -> Result<T, Vec<Problem>> {
    let value = parse_value(text, what)?;
    T::deserialize(&value).map_err(|e| vec![shape_problem("", what, &e)])
}

fn parse_value(text: &str, what: &str) -> Result<serde_json::Value, Vec<Problem>> {
    serde_json::from_str(text).map_err(|e| vec![shape_problem("", what, &e)])
}

fn check_codes<'a>(
    what: &str,
    items: impl Iterator<Item = (String, &'a str)>,
    problems: &mut Vec<Problem>,
) {
    let mut seen = BTreeSet::new();
    for (path, code) in items {
        if !is_code(code) {
            problems.push(Problem::new(path, "problem.code.malformed").with("code", code));
        } else if !seen.insert(code.to_string()) {
            problems.push(
                Problem::new(path, "problem.reference.duplicate_code")
                    .with("file", what)
                    .with("code", code),
            );
        }
    }
}

/// Validates the regions, roles and domains files (the catalogue has its own function).
pub fn validate_reference(regions: &Regions, roles: &Roles, domains: &Domains) -> Vec<Problem> {
    let mut problems = Vec::new();
    check_codes(
        "regions",
        regions.regions.iter().enumerate().flat_map(|(r, region)| {
            region
                .municipalities
                .iter()
                .enumerate()
                .map(move |(m, mu)| {
                    (
                        format!("/regions/{r}/municipalities/{m}/code"),
                        mu.code.as_str(),
                    )
                })
        }),
        &mut problems,
    );
    for (r, region) in regions.regions.iter().enumerate() {
        for (m, mu) in region.municipalities.iter().enumerate() {
            if let Some(until) = &mu.valid_until {
                if Date::parse(until).is_none() {
                    problems.push(
                        Problem::new(
                            format!("/regions/{r}/municipalities/{m}/validUntil"),
                            "problem.date.malformed",
                        )
                        .with("value", until),
                    );
                }
            }
        }
    }
    check_codes(
        "roles",
        roles
            .roles
            .iter()
            .enumerate()
            .map(|(i, r)| (format!("/roles/{i}/code"), r.code.as_str())),
        &mut problems,
    );
    check_codes(
        "domains",
        domains
            .domains
            .iter()
            .enumerate()
            .map(|(i, d)| (format!("/domains/{i}/code"), d.code.as_str())),
        &mut problems,
    );
    problems
}

impl ReferenceData {
    /// The data shipped in `public/data/`, validated. A test proves it loads.
    ///
    /// The files are parsed and validated on the first call only; later calls return a
    /// copy (the regions, roles and domains are shared, the catalogue is cloned).
    pub fn builtin() -> Result<ReferenceData, Vec<Problem>> {
        builtin_reference().clone()
    }

    /// The built-in regions, roles and domains with an edited catalogue. Only the
    /// catalogue is validated here; the built-in files were validated once, on first use.
    pub fn with_catalogue(catalogue: &serde_json::Value) -> Result<ReferenceData, Vec<Problem>> {
        let files = builtin_files().as_ref().map_err(Clone::clone)?;
        let mut problems = files.problems.clone();
        let catalogue = match catalogue_from_json(catalogue) {
            Ok(c) => Some(c),
            Err(p) => {
                problems.extend(p);
                None
            }
        };
        match catalogue {
            Some(catalogue) if problems.is_empty() => Ok(ReferenceData {
                catalogue,
                regions: Arc::clone(&files.regions),
                roles: Arc::clone(&files.roles),
                domains: Arc::clone(&files.domains),
            }),
            _ => Err(problems),
        }
    }

    /// The built-in catalogue as JSON, e.g. as the starting point of a municipality's edit.
    pub fn builtin_catalogue_json() -> Result<serde_json::Value, Vec<Problem>> {
        parse_value(CATALOGUE_JSON, "catalogue")
    }
}

/// Whether a birth month and plan start give a plausible child's age (0–17).
pub fn child_age(start: Date, birth: YearMonth) -> i32 {
    start.age_in_years(birth)
}
