//! A region's report from its municipalities' signed reports, and the nation's from the
//! regions' (`--level region`, `--level national`). Each report must be an `ib-report/1`
//! of the level below, carry at least one proof with every proof valid (and, when the
//! caller pins a part's key, one by that key), and name a part of the whole
//! (`regions.json`: a municipality of the region, or one of the regions); one report per
//! part (the first by file name). The figures are added up as they are shown: no
//! plan-level data is read, and a sum with a hidden part is only "at least" the rest, so
//! adding never brings a hidden figure back; then the sum gets the same disclosure
//! control as a municipality's report.

use std::collections::BTreeMap;

use serde_json::Value;

use super::document::{figures_from_json, rollup_json};
use super::figures::Figures;
use super::{Rejection, Taken, REPORT_SCHEMA};
use crate::engine::integrity::{verify_document, ProofStatus};
use crate::engine::reference::Regions;
use crate::engine::trust::key_of;

/// The code of the nation in a national report.
pub const COUNTRY: &str = "LV";

/// The level of a summed report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// A planning region, from its municipalities.
    Region,
    /// The nation, from the regions.
    National,
}

impl Level {
    /// The level's name in a document.
    pub fn name(self) -> &'static str {
        match self {
            Level::Region => "region",
            Level::National => "national",
        }
    }

    fn part_level(self) -> &'static str {
        match self {
            Level::Region => "municipality",
            Level::National => "region",
        }
    }

    fn part_key(self) -> &'static str {
        match self {
            Level::Region => "municipality",
            Level::National => "region",
        }
    }
}

/// Why no summed report was made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RollupError {
    /// No region was given and the municipalities are of several (their codes).
    SeveralRegions(Vec<String>),
    /// The region is not in `regions.json`.
    UnknownRegion(String),
    /// The reports are of different periods.
    SeveralPeriods(Vec<String>),
}

struct Part {
    file: String,
    period: Option<String>,
    region: String,
    figures: Figures,
}

/// Adds up reports one at a time.
pub struct Rollup<'a> {
    level: Level,
    regions: &'a Regions,
    region: Option<String>,
    period: Option<String>,
    pinned: BTreeMap<String, String>,
    read: u64,
    rejected: Vec<Rejection>,
    parts: BTreeMap<String, Part>,
}

fn reject(file: &str, reason: &'static str, detail: Option<String>) -> Taken {
    Taken::Rejected(Rejection {
        file: file.to_string(),
        reason,
        detail,
    })
}

impl<'a> Rollup<'a> {
    /// A roll-up at `level`; `region`: the region's code (else the one the municipalities
    /// are of); `period`: the period every report must have (else they must agree);
    /// `pinned`: per part code, the did:key (or `publicKeyMultibase`) its report must be
    /// signed with.
    pub fn new(
        level: Level,
        regions: &'a Regions,
        region: Option<String>,
        period: Option<String>,
        pinned: BTreeMap<String, String>,
    ) -> Rollup<'a> {
        let pinned = pinned
            .into_iter()
            .map(|(code, key)| {
                let key = key_of(&key).unwrap_or(key);
                (code, key)
            })
            .collect();
        Rollup {
            level,
            regions,
            region,
            period,
            pinned,
            read: 0,
            rejected: Vec::new(),
            parts: BTreeMap::new(),
        }
    }

    /// Counts a file the caller could not read or parse.
    pub fn add_unreadable(&mut self, file: &str, reason: &'static str, detail: Option<String>) {
        self.read += 1;
        self.rejected.push(Rejection {
            file: file.to_string(),
            reason,
            detail,
        });
    }

    /// Verifies one report and keeps its figures.
    pub fn add_report(&mut self, file: &str, doc: &Value) -> Taken {
        self.read += 1;
        let taken = self.take(file, doc);
        if let Taken::Rejected(r) = &taken {
            self.rejected.push(r.clone());
        }
        taken
    }

    fn take(&mut self, file: &str, doc: &Value) -> Taken {
        if doc.get("schema").and_then(Value::as_str) != Some(REPORT_SCHEMA) {
            return reject(file, "report.reject.not_a_report", None);
        }
        if doc.get("level").and_then(Value::as_str) != Some(self.level.part_level()) {
            return reject(file, "report.reject.wrong_level", None);
        }
        let report = match verify_document(doc) {
            Ok(r) => r,
            Err(e) => return reject(file, "report.reject.integrity", Some(e.key().into())),
        };
        if report.proofs.is_empty() {
            return reject(file, "report.reject.unsigned", None);
        }
        if let Some(bad) = report
            .proofs
            .iter()
            .find(|p| p.status != ProofStatus::Valid)
        {
            return reject(
                file,
                "report.reject.untrusted",
                Some(bad.error.unwrap_or(bad.status.key()).to_string()),
            );
        }
        let Some(code) = doc.get(self.level.part_key()).and_then(Value::as_str) else {
            return reject(file, "report.reject.malformed", None);
        };
        let region = match self.level {
            Level::Region => match self.regions.municipality(code) {
                Some((region, _)) => region.code.clone(),
                None => return reject(file, "report.reject.not_in_region", None),
            },
            Level::National => {
                if !self.regions.regions.iter().any(|r| r.code == code) {
                    return reject(file, "report.reject.not_in_region", None);
                }
                code.to_string()
            }
        };
        if self.level == Level::Region {
            let claimed = doc.get("region").and_then(Value::as_str);
            let wanted = self.region.as_deref().unwrap_or(&region);
            if claimed != Some(region.as_str()) || region != wanted {
                return reject(file, "report.reject.not_in_region", None);
            }
        }
        if let Some(key) = self.pinned.get(code) {
            if !report
                .proofs
                .iter()
                .any(|p| p.key.as_deref() == Some(key.as_str()))
            {
                return reject(file, "report.reject.wrong_signer", None);
            }
        }
        let period = doc
            .get("period")
            .and_then(Value::as_str)
            .map(str::to_string);
        if let Some(wanted) = &self.period {
            if period.as_ref() != Some(wanted) {
                return reject(file, "report.reject.outside_period", None);
            }
        }
        let Some(figures) = figures_from_json(doc) else {
            return reject(file, "report.reject.malformed", None);
        };
        let part = Part {
            file: file.to_string(),
            period,
            region,
            figures,
        };
        match self.parts.get(code) {
            Some(kept) if kept.file.as_str() <= file => {
                reject(file, "report.reject.duplicate_part", None)
            }
            Some(kept) => {
                self.rejected.push(Rejection {
                    file: kept.file.clone(),
                    reason: "report.reject.duplicate_part",
                    detail: None,
                });
                self.parts.insert(code.to_string(), part);
                Taken::Kept
            }
            None => {
                self.parts.insert(code.to_string(), part);
                Taken::Kept
            }
        }
    }

    /// Adds up the reports kept and builds the summed report (unsigned).
    pub fn finish(self) -> Result<Value, RollupError> {
        let periods: std::collections::BTreeSet<String> = self
            .parts
            .values()
            .map(|p| p.period.clone().unwrap_or_default())
            .collect();
        if periods.len() > 1 {
            return Err(RollupError::SeveralPeriods(periods.into_iter().collect()));
        }
        let period = self
            .period
            .clone()
            .or_else(|| periods.into_iter().next().filter(|p| !p.is_empty()));
        let (code, expected): (String, Vec<String>) = match self.level {
            Level::Region => {
                let code = match &self.region {
                    Some(code) => code.clone(),
                    None => {
                        let named: std::collections::BTreeSet<&str> =
                            self.parts.values().map(|p| p.region.as_str()).collect();
                        if named.len() > 1 {
                            return Err(RollupError::SeveralRegions(
                                named.into_iter().map(str::to_string).collect(),
                            ));
                        }
                        named.into_iter().next().unwrap_or_default().to_string()
                    }
                };
                let Some(region) = self.regions.regions.iter().find(|r| r.code == code) else {
                    return Err(RollupError::UnknownRegion(code));
                };
                let members = region
                    .municipalities
                    .iter()
                    .filter(|m| m.valid_until.is_none() && m.merged_into.is_none())
                    .map(|m| m.code.clone())
                    .collect();
                (code, members)
            }
            Level::National => (
                COUNTRY.to_string(),
                self.regions
                    .regions
                    .iter()
                    .map(|r| r.code.clone())
                    .collect(),
            ),
        };
        let mut figures = Figures::empty();
        for part in self.parts.values() {
            figures.add(&part.figures);
        }
        figures.suppress();
        let parts: Vec<String> = self.parts.keys().cloned().collect();
        let mut missing: Vec<String> = expected
            .into_iter()
            .filter(|c| !self.parts.contains_key(c))
            .collect();
        missing.sort();
        let mut rejected = self.rejected;
        rejected.sort();
        Ok(rollup_json(
            &figures,
            self.level.name(),
            &code,
            &parts,
            &missing,
            period.as_deref(),
            self.read,
            &rejected,
        ))
    }
}
