//! Case files and backups: what the app writes when a save fails (one case) or when the
//! user backs up every case on this device (one file), how such a file is read back, and
//! what importing it would do to the cases already here. Also the two small judgements
//! the start screen makes about storage: how full it is, and whether a backup is due.
//!
//! Pure Rust, tested natively; the start screen's import/backup part (`ui/saves.rs`)
//! reads the device through `storage` and calls these functions.
//!
//! Formats:
//! - **A case file** is a stored case's envelope (`ib-planner-stored-case/1`: id, updated,
//!   case), pretty-printed: the failed-save download. Import also takes a bare case
//!   (`"schema": "ib-case/…"`, as earlier builds downloaded it) and the raw download of an
//!   unreadable entry when its text still holds a case (`"case": {…}`).
//! - **A backup** (`ib-planner-backup/1`) holds when it was made, the app's version, every
//!   readable case as its envelope, and every unreadable entry as its key and raw text, so
//!   a restore loses nothing a backup saw. It holds the readable case text, never the
//!   device's signing keys: a backup is meant to travel (a USB stick, another laptop) and
//!   a key in it would let whoever finds the file sign plans as its owner; a key has its
//!   own export with its own warning, and a lost key is replaced by making a new one.

use crate::draft::{text_of, StoredCase, STORED_CASE_FORMAT};
use crate::engine::json::{parse_strict, StrictJsonError, DUPLICATE_KEY};
use serde_json::{json, Value};

/// The format tag of a backup of all cases.
pub const BACKUP_FORMAT: &str = "ib-planner-backup/1";

/// The prefix of a stored case's key (as `storage` makes them).
pub const CASE_KEY_PREFIX: &str = "ib-planner/case/";

/// Days of edits after which a backup is due.
pub const BACKUP_DUE_DAYS: i64 = 30;

/// Storage use, in per cent of the estimated limit, from which the start screen warns.
pub const WARN_PERCENT: u32 = 80;

/// Why a case file or a backup could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Not JSON at all.
    NotJson,
    /// JSON in which an object repeats a member name: the pointer of the repeat.
    DuplicateKey(String),
    /// JSON, but no case in it.
    NotACase,
    /// A backup given where one case was expected.
    IsBackup,
    /// One case given where a backup was expected.
    NotABackup,
    /// A backup entry that is not a stored case: its pointer.
    BadEntry(String),
    /// The same case id twice in a backup.
    RepeatedCase(String),
}

impl FileError {
    /// The message key that explains this error.
    pub fn key(&self) -> &'static str {
        match self {
            FileError::NotJson => "saves.file.not_json",
            FileError::DuplicateKey(_) => DUPLICATE_KEY,
            FileError::NotACase => "saves.file.not_a_case",
            FileError::IsBackup => "saves.file.is_backup",
            FileError::NotABackup => "saves.file.not_a_backup",
            FileError::BadEntry(_) => "saves.file.bad_entry",
            FileError::RepeatedCase(_) => "saves.file.repeated_case",
        }
    }

    /// The values for the message's placeholders.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        match self {
            FileError::DuplicateKey(p) | FileError::BadEntry(p) => vec![("pointer", p.clone())],
            FileError::RepeatedCase(id) => vec![("id", id.clone())],
            _ => Vec::new(),
        }
    }
}

fn parse(text: &str) -> Result<Value, FileError> {
    parse_strict(text).map_err(|e| match e {
        StrictJsonError::Syntax(_) => FileError::NotJson,
        StrictJsonError::Duplicate(d) => FileError::DuplicateKey(d.pointer),
    })
}

/// The envelope of a stored case as a JSON value (the same members as
/// [`StoredCase::to_text`]).
fn envelope(stored: &StoredCase) -> Value {
    json!({
        "format": STORED_CASE_FORMAT,
        "id": stored.id,
        "updated": stored.updated,
        "rev": stored.rev,
        "case": stored.case,
    })
}

/// The text of the case file offered when a save fails: the stored envelope, exactly as
/// it is stored ([`StoredCase::to_text`]).
pub fn case_file_text(stored: &StoredCase) -> String {
    stored.to_text()
}

/// A case read from a file: with its device id and save time when the file has them.
#[derive(Clone, Debug, PartialEq)]
pub struct IncomingCase {
    /// The device id it had where it was saved, if the file says.
    pub id: Option<String>,
    /// When it was last saved, if the file says.
    pub updated: Option<String>,
    /// The raw case.
    pub case: Value,
}

/// Reads a case file: the failed-save download, a bare case, or an unreadable entry's raw
/// text that still holds a case. A backup is refused with a pointer to the restore.
pub fn read_case_file(text: &str) -> Result<IncomingCase, FileError> {
    let value = parse(text)?;
    let format = value.get("format").and_then(Value::as_str);
    if format == Some(BACKUP_FORMAT) {
        return Err(FileError::IsBackup);
    }
    if value
        .get("schema")
        .and_then(Value::as_str)
        .is_some_and(|s| s.starts_with("ib-case/"))
    {
        return Ok(IncomingCase {
            id: None,
            updated: None,
            case: value,
        });
    }
    // An envelope, of this build's format or (an unreadable entry) not: its case.
    let Some(case) = value.get("case").filter(|c| c.is_object()) else {
        return Err(FileError::NotACase);
    };
    let known = format == Some(STORED_CASE_FORMAT);
    let id = value
        .get("id")
        .and_then(Value::as_str)
        .filter(|id| known && is_safe_id(id))
        .map(str::to_string);
    let updated = value
        .get("updated")
        .and_then(Value::as_str)
        .filter(|_| id.is_some())
        .map(str::to_string);
    Ok(IncomingCase {
        id,
        updated,
        case: case.clone(),
    })
}

/// Whether `id` can be a storage key's suffix as the app makes them (no slash, not
/// empty, not absurdly long), so a file cannot aim at another key.
fn is_safe_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// A backup of every case on this device.
#[derive(Clone, Debug, PartialEq)]
pub struct Backup {
    /// When it was made (ISO 8601).
    pub made_at: String,
    /// The app version that made it.
    pub app_version: String,
    /// The readable cases, as stored.
    pub cases: Vec<StoredCase>,
    /// The unreadable entries: storage key and raw text.
    pub unreadable: Vec<(String, String)>,
}

/// The text of a backup of `cases` and `unreadable` entries, made at `made_at`.
pub fn backup_text(made_at: &str, cases: &[StoredCase], unreadable: &[(String, String)]) -> String {
    let value = json!({
        "format": BACKUP_FORMAT,
        "madeAt": made_at,
        "appVersion": crate::engine::ENGINE_VERSION,
        "cases": cases.iter().map(envelope).collect::<Vec<_>>(),
        "unreadable": unreadable
            .iter()
            .map(|(key, text)| json!({ "key": key, "text": text }))
            .collect::<Vec<_>>(),
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// Reads a backup. Every case must be a stored case this build reads, each id once;
/// an unreadable entry must name a case key.
pub fn read_backup(text: &str) -> Result<Backup, FileError> {
    let value = parse(text)?;
    if value.get("format").and_then(Value::as_str) != Some(BACKUP_FORMAT) {
        return Err(FileError::NotABackup);
    }
    let Some(items) = value.get("cases").and_then(Value::as_array) else {
        return Err(FileError::BadEntry("/cases".into()));
    };
    let mut cases: Vec<StoredCase> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let stored = StoredCase::from_text(&item.to_string())
            .ok()
            .filter(|s| is_safe_id(&s.id))
            .ok_or_else(|| FileError::BadEntry(format!("/cases/{i}")))?;
        if cases.iter().any(|c| c.id == stored.id) {
            return Err(FileError::RepeatedCase(stored.id));
        }
        cases.push(stored);
    }
    let mut unreadable = Vec::new();
    if let Some(items) = value.get("unreadable") {
        let Some(items) = items.as_array() else {
            return Err(FileError::BadEntry("/unreadable".into()));
        };
        for (i, item) in items.iter().enumerate() {
            let key = item.get("key").and_then(Value::as_str);
            let text = item.get("text").and_then(Value::as_str);
            match (key, text) {
                (Some(key), Some(text))
                    if key
                        .strip_prefix(CASE_KEY_PREFIX)
                        .is_some_and(|rest| !rest.is_empty()) =>
                {
                    unreadable.push((key.to_string(), text.to_string()))
                }
                _ => return Err(FileError::BadEntry(format!("/unreadable/{i}"))),
            }
        }
    }
    Ok(Backup {
        made_at: text_of(value.get("madeAt")),
        app_version: text_of(value.get("appVersion")),
        cases,
        unreadable,
    })
}

/// Which of two versions of one case was saved later.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Newer {
    /// The one in the file.
    Incoming,
    /// The one on this device.
    Existing,
    /// Cannot tell (same time, or a time missing).
    Unknown,
}

/// What importing one case would do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportPlan {
    /// No case with its id here: it is added.
    Add,
    /// The same case is here already: nothing to do.
    Identical,
    /// A different version is here: replacing it needs the user's confirmation.
    Differs(Newer),
}

/// What importing `incoming` (with its save time) would do where `existing` is stored
/// under the same id. Identical means the same case content; the save time alone does
/// not make two versions differ.
pub fn plan_import(
    incoming: &Value,
    incoming_updated: Option<&str>,
    existing: Option<&StoredCase>,
) -> ImportPlan {
    let Some(existing) = existing else {
        return ImportPlan::Add;
    };
    if existing.case == *incoming {
        return ImportPlan::Identical;
    }
    let newer = match (
        incoming_updated.and_then(day_time),
        day_time(&existing.updated),
    ) {
        (Some(a), Some(b)) if a > b => Newer::Incoming,
        (Some(a), Some(b)) if a < b => Newer::Existing,
        _ => Newer::Unknown,
    };
    ImportPlan::Differs(newer)
}

/// What a restore would do: each case of the backup with its plan against `here`.
pub fn plan_restore(backup: &Backup, here: &[StoredCase]) -> Vec<(StoredCase, ImportPlan)> {
    backup
        .cases
        .iter()
        .map(|c| {
            let existing = here.iter().find(|h| h.id == c.id);
            (c.clone(), plan_import(&c.case, Some(&c.updated), existing))
        })
        .collect()
}

/// An ISO 8601 UTC timestamp (`2026-11-22T06:00:00.000Z`, or a bare date) as
/// (days since 1970-01-01, milliseconds into the day), comparable; `None` if unreadable.
fn day_time(iso: &str) -> Option<(i64, i64)> {
    let date = iso.get(..10)?;
    let mut parts = date.split('-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: i64 = parts.next()?.parse().ok()?;
    let day: i64 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || date.len() != 10 {
        return None;
    }
    // Days from the civil date (H. Hinnant's algorithm).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let mut ms = 0;
    if let Some(time) = iso.get(11..) {
        let digits: String = time.chars().filter(char::is_ascii_digit).take(9).collect();
        let field = |r: std::ops::Range<usize>| digits.get(r).and_then(|s| s.parse::<i64>().ok());
        ms = field(0..2).unwrap_or(0) * 3_600_000
            + field(2..4).unwrap_or(0) * 60_000
            + field(4..6).unwrap_or(0) * 1000
            + field(6..9).unwrap_or(0);
    }
    Some((days, ms))
}

/// Whether to remind the user to back up: some case was saved after the last backup
/// (or there never was one), and those edits have gone on for at least
/// [`BACKUP_DUE_DAYS`] — counted from the last backup, or, with none, from the oldest
/// case's last save — up to `now`.
pub fn backup_due(last_backup: Option<&str>, updates: &[&str], now: &str) -> bool {
    let Some(now) = day_time(now) else {
        return false;
    };
    let since = last_backup.and_then(day_time);
    let unbacked: Vec<(i64, i64)> = updates
        .iter()
        .filter_map(|u| day_time(u))
        .filter(|u| since.is_none_or(|s| *u > s))
        .collect();
    let Some(oldest) = unbacked.iter().min().copied() else {
        return false;
    };
    let from = since.unwrap_or(oldest);
    now.0 - from.0 >= BACKUP_DUE_DAYS
}

/// How full this device's storage is, as the start screen says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StorageUse {
    /// Bytes this app's entries take.
    pub app_bytes: u64,
    /// Bytes every entry of this site takes (the limit is per site).
    pub all_bytes: u64,
    /// The estimated limit, in bytes.
    pub limit_bytes: u64,
    /// Bytes left, estimated.
    pub left_bytes: u64,
    /// Per cent of the limit in use (0–100).
    pub percent: u32,
    /// About how many more cases of the average size here fit, if there is one.
    pub cases_fit: Option<u64>,
    /// Whether to warn that storage is nearly full.
    pub warn: bool,
}

/// Storage use from the byte counts: `all_bytes` of `limit_bytes` in use, `app_bytes` of
/// them by this app's `cases` cases.
pub fn storage_use(app_bytes: u64, all_bytes: u64, limit_bytes: u64, cases: u64) -> StorageUse {
    let limit_bytes = limit_bytes.max(1);
    let left_bytes = limit_bytes.saturating_sub(all_bytes);
    let percent = (all_bytes.saturating_mul(100) / limit_bytes).min(100) as u32;
    let cases_fit = (cases > 0 && app_bytes > 0).then(|| left_bytes / (app_bytes / cases).max(1));
    StorageUse {
        app_bytes,
        all_bytes,
        limit_bytes,
        left_bytes,
        percent,
        cases_fit,
        warn: percent >= WARN_PERCENT,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::new_case;

    fn stored(id: &str, updated: &str, child: &str) -> StoredCase {
        let mut case = new_case("2026-12-01");
        case["child"]["id"] = json!(child);
        StoredCase {
            id: id.into(),
            updated: updated.into(),
            case,
            rev: 0,
        }
    }

    #[test]
    fn the_failed_save_download_reads_back_with_its_id_and_time() {
        let s = stored("abc123", "2026-11-22T06:00:00.000Z", "FULL-1");
        let incoming = read_case_file(&case_file_text(&s)).unwrap();
        assert_eq!(incoming.id.as_deref(), Some("abc123"));
        assert_eq!(
            incoming.updated.as_deref(),
            Some("2026-11-22T06:00:00.000Z")
        );
        assert_eq!(incoming.case, s.case);
        // The compact stored text (the raw download of an entry) reads the same.
        assert_eq!(read_case_file(&s.to_text()).unwrap(), incoming);
    }

    #[test]
    fn a_bare_case_and_an_unreadable_entry_holding_a_case_are_read_without_an_id() {
        let case = new_case("2026-12-01");
        let bare = read_case_file(&serde_json::to_string_pretty(&case).unwrap()).unwrap();
        assert_eq!((bare.id, bare.case), (None, case.clone()));
        let odd = json!({"format": "ib-planner-stored-case/9", "id": "x", "case": case});
        let read = read_case_file(&odd.to_string()).unwrap();
        assert_eq!(read.id, None);
        // An id that could aim at another key is dropped.
        let sneaky =
            json!({"format": STORED_CASE_FORMAT, "id": "../lang", "updated": "", "case": {}});
        assert_eq!(read_case_file(&sneaky.to_string()).unwrap().id, None);
    }

    #[test]
    fn bad_case_files_are_errors_with_their_reason() {
        assert_eq!(
            read_case_file("{\"format\": \"ib-pl"),
            Err(FileError::NotJson)
        );
        assert_eq!(
            read_case_file(r#"{"schema":"ib-case/1","child":{"id":"A","id":"B"}}"#),
            Err(FileError::DuplicateKey("/child/id".into()))
        );
        assert_eq!(read_case_file("[1,2]"), Err(FileError::NotACase));
        assert_eq!(read_case_file(r#"{"case": 7}"#), Err(FileError::NotACase));
        let backup = backup_text("2026-12-01T10:00:00.000Z", &[], &[]);
        assert_eq!(read_case_file(&backup), Err(FileError::IsBackup));
    }

    #[test]
    fn a_backup_round_trips_every_case_and_unreadable_entry() {
        let cases = vec![
            stored("a1", "2026-11-22T06:00:00.000Z", "A"),
            stored("b2", "2026-11-23T06:00:00.000Z", "B"),
        ];
        let broken = vec![("ib-planner/case/broken".to_string(), "{\"bro".to_string())];
        let text = backup_text("2026-12-01T10:00:00.000Z", &cases, &broken);
        let backup = read_backup(&text).unwrap();
        assert_eq!(backup.cases, cases);
        assert_eq!(backup.unreadable, broken);
        assert_eq!(backup.made_at, "2026-12-01T10:00:00.000Z");
        assert_eq!(backup.app_version, crate::engine::ENGINE_VERSION);
        assert!(!text.contains("signing-key"));
    }

    #[test]
    fn corrupted_or_ambiguous_backups_are_refused() {
        let a = stored("a1", "2026-11-22T06:00:00.000Z", "A");
        let text = backup_text("2026-12-01T10:00:00.000Z", std::slice::from_ref(&a), &[]);
        assert_eq!(
            read_backup(&text[..text.len() / 2]),
            Err(FileError::NotJson)
        );
        let twice = text.replacen(
            "\"format\": \"ib-planner-backup/1\"",
            "\"format\": \"ib-planner-backup/1\", \"format\": \"x\"",
            1,
        );
        assert_eq!(
            read_backup(&twice),
            Err(FileError::DuplicateKey("/format".into()))
        );
        assert_eq!(read_backup(&case_file_text(&a)), Err(FileError::NotABackup));
        let repeated = backup_text("2026-12-01T10:00:00.000Z", &[a.clone(), a.clone()], &[]);
        assert_eq!(
            read_backup(&repeated),
            Err(FileError::RepeatedCase("a1".into()))
        );
        let bad = json!({"format": BACKUP_FORMAT, "cases": [{"format": "x"}]});
        assert_eq!(
            read_backup(&bad.to_string()),
            Err(FileError::BadEntry("/cases/0".into()))
        );
        let bad_key = json!({"format": BACKUP_FORMAT, "cases": [],
            "unreadable": [{"key": "ib-planner/lang", "text": "lv"}]});
        assert_eq!(
            read_backup(&bad_key.to_string()),
            Err(FileError::BadEntry("/unreadable/0".into()))
        );
    }

    #[test]
    fn import_plans_tell_new_identical_and_which_version_is_newer() {
        let here = stored("a1", "2026-11-22T06:00:00.000Z", "A");
        let same = here.case.clone();
        assert_eq!(plan_import(&same, None, None), ImportPlan::Add);
        assert_eq!(
            plan_import(&same, Some("2027-01-01T00:00:00.000Z"), Some(&here)),
            ImportPlan::Identical
        );
        let other = stored("a1", "2026-11-23T06:00:00.000Z", "A2").case;
        assert_eq!(
            plan_import(&other, Some("2026-11-23T06:00:00.000Z"), Some(&here)),
            ImportPlan::Differs(Newer::Incoming)
        );
        assert_eq!(
            plan_import(&other, Some("2026-11-22T05:59:59.999Z"), Some(&here)),
            ImportPlan::Differs(Newer::Existing)
        );
        assert_eq!(
            plan_import(&other, None, Some(&here)),
            ImportPlan::Differs(Newer::Unknown)
        );
        let backup = Backup {
            made_at: String::new(),
            app_version: String::new(),
            cases: vec![here.clone(), stored("b2", "2026-11-23T06:00:00.000Z", "B")],
            unreadable: Vec::new(),
        };
        let plans: Vec<ImportPlan> = plan_restore(&backup, &[here])
            .into_iter()
            .map(|p| p.1)
            .collect();
        assert_eq!(plans, vec![ImportPlan::Identical, ImportPlan::Add]);
    }

    #[test]
    fn a_backup_is_due_after_thirty_days_of_edits_without_one() {
        let now = "2026-12-31T12:00:00.000Z";
        // Never backed up: counted from the oldest case's last save.
        assert!(backup_due(
            None,
            &["2026-11-30T09:00:00.000Z", "2026-12-30T09:00:00.000Z"],
            now
        ));
        assert!(!backup_due(None, &["2026-12-02T09:00:00.000Z"], now));
        // Backed up 40 days ago, edited since: due; nothing edited since: not due.
        let last = Some("2026-11-21T08:00:00.000Z");
        assert!(backup_due(last, &["2026-12-20T09:00:00.000Z"], now));
        assert!(!backup_due(last, &["2026-11-20T09:00:00.000Z"], now));
        // Backed up recently.
        assert!(!backup_due(
            Some("2026-12-20T08:00:00.000Z"),
            &["2026-12-30T09:00:00.000Z"],
            now
        ));
        assert!(!backup_due(None, &[], now));
        assert!(!backup_due(None, &["garbage"], now));
        assert_eq!(day_time("1970-01-02"), Some((1, 0)));
        assert_eq!(day_time("2000-03-01T00:00:01.500Z"), Some((11017, 1500)));
    }

    #[test]
    fn storage_use_warns_from_eighty_per_cent_and_counts_cases_that_fit() {
        let quiet = storage_use(1_000_000, 1_200_000, 10_000_000, 10);
        assert_eq!((quiet.percent, quiet.warn), (12, false));
        assert_eq!(quiet.left_bytes, 8_800_000);
        assert_eq!(quiet.cases_fit, Some(88));
        let full = storage_use(8_000_000, 8_100_000, 10_000_000, 4);
        assert!(full.warn);
        assert_eq!(full.percent, 81);
        let over = storage_use(0, 12_000_000, 10_000_000, 0);
        assert_eq!(
            (over.percent, over.left_bytes, over.cases_fit),
            (100, 0, None)
        );
    }
}
