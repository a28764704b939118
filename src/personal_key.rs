//! Personal signing keys (issue 13, item 1): one Ed25519 key per person on their device,
//! reused across cases, with the person's name, role and municipality.
//!
//! The key is kept and exported only sealed with a passphrase ([`crate::seal`]:
//! Argon2id + XChaCha20-Poly1305, the parameters and salt inside the envelope), so the
//! stored entry and the exported key file are the same text: an `ib-sealed/1` envelope
//! whose clear text is the record
//! `{"schema": "ib-personal-key/1", "name", "role", "municipality", "created",
//! "publicKeyMultibase", "secretKeyMultibase"}`. Nothing of it is readable without the
//! passphrase; the envelope is bound to [`ASSOCIATED`], so it opens wherever it is kept.
//!
//! Pure: no storage, clock or randomness (salt, nonce and seed are passed in).

use serde_json::{json, Map, Value};

use crate::engine::integrity::KeyPair;
use crate::engine::json::parse_strict;
use crate::seal::{self, KdfParams, SealError, NONCE_LEN};

/// The schema tag of the sealed record.
pub const PERSONAL_KEY_SCHEMA: &str = "ib-personal-key/1";
/// The text every personal key envelope is bound to.
pub const ASSOCIATED: &str = "ib-planner/personal-key";
/// The shortest passphrase accepted, in characters (as the device lock).
pub const MIN_PASSPHRASE_CHARS: usize = 12;
/// The longest name or municipality kept, in characters.
pub const MAX_TEXT_CHARS: usize = 200;
/// The role codes a person can give their key: the team roles of the reference data, the
/// parent (legal representative) and the head of the social service.
pub const ROLES: [&str; 11] = [
    "social_worker",
    "rehab_physician",
    "occupational_therapist",
    "physiotherapist",
    "speech_therapist",
    "audio_speech_therapist",
    "psychiatrist",
    "psychologist",
    "other",
    "legal_representative",
    "social_service_head",
];

/// A personal key as the person sees it: who it is for, and the key.
#[derive(Clone, Debug)]
pub struct PersonalKey {
    /// The person's name.
    pub name: String,
    /// One of [`ROLES`].
    pub role: String,
    /// The municipality (or its social service) the person works for.
    pub municipality: String,
    /// When the key was made (RFC 3339), as given.
    pub created: String,
    /// The key pair.
    pub key: KeyPair,
}

impl PersonalKey {
    /// The did:key to hand to the municipality (`did:key:z6Mk…`).
    pub fn did_key(&self) -> String {
        format!("did:key:{}", self.key.public_key_multibase())
    }

    /// The key's short fingerprint (`XXXX-XXXX-XXXX`).
    pub fn fingerprint(&self) -> String {
        self.key.fingerprint()
    }

    /// The clear record (only ever sealed before it is stored or exported).
    fn record(&self) -> Value {
        json!({
            "schema": PERSONAL_KEY_SCHEMA,
            "name": self.name,
            "role": self.role,
            "municipality": self.municipality,
            "created": self.created,
            "publicKeyMultibase": self.key.public_key_multibase(),
            "secretKeyMultibase": self.key.secret_key_multibase(),
        })
    }

    /// The key file name, `<name>-personal-key.json`.
    pub fn file_name(&self) -> String {
        format!(
            "{}-personal-key.json",
            crate::signing::safe_file_stem(&self.name)
        )
    }
}

/// Why a personal key file did not open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyFileError {
    /// Not a sealed personal key file (not JSON, or another kind of file: a per-case key
    /// file in clear, a plan …).
    NotKeyFile,
    /// The passphrase is wrong, or the file was changed.
    WrongPassphrase,
    /// It opened, but what is inside is not a personal key this version reads.
    Damaged,
    /// The key derivation's parameters are outside what this version runs.
    BadParams,
    /// No random bytes were available (sealing only).
    NoRandomness,
}

impl KeyFileError {
    /// The message key that explains the error.
    pub fn key(self) -> &'static str {
        match self {
            KeyFileError::NotKeyFile => "keys.error.not_key_file",
            KeyFileError::WrongPassphrase => "keys.error.wrong_passphrase",
            KeyFileError::Damaged => "keys.error.damaged",
            KeyFileError::BadParams => "keys.error.bad_params",
            KeyFileError::NoRandomness => "keys.error.random",
        }
    }
}

/// The problems of the new-key form, as (field, message key), in the fields' order.
/// The passphrase must be [`MIN_PASSPHRASE_CHARS`] long and typed the same twice.
pub fn form_problems(
    name: &str,
    role: &str,
    municipality: &str,
    passphrase: &str,
    confirm: &str,
) -> Vec<(&'static str, &'static str)> {
    let mut problems = Vec::new();
    if name.trim().is_empty() {
        problems.push(("key-name", "keys.error.name"));
    } else if name.chars().count() > MAX_TEXT_CHARS {
        problems.push(("key-name", "keys.error.too_long"));
    }
    if !ROLES.contains(&role) {
        problems.push(("key-role", "keys.error.role"));
    }
    if municipality.trim().is_empty() {
        problems.push(("key-municipality", "keys.error.municipality"));
    } else if municipality.chars().count() > MAX_TEXT_CHARS {
        problems.push(("key-municipality", "keys.error.too_long"));
    }
    problems.extend(passphrase_problems(passphrase, confirm));
    problems
}

/// The problems of a new passphrase typed twice (fields `key-passphrase`, `key-confirm`).
pub fn passphrase_problems(passphrase: &str, confirm: &str) -> Vec<(&'static str, &'static str)> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        vec![("key-passphrase", "keys.error.too_short")]
    } else if passphrase != confirm {
        vec![("key-confirm", "keys.error.mismatch")]
    } else {
        Vec::new()
    }
}

/// Seals `key` with `passphrase` under `params` (fresh salt) and `nonce` (fresh random
/// bytes): the text that is stored and exported.
pub fn seal_key(
    key: &PersonalKey,
    passphrase: &str,
    params: &KdfParams,
    nonce: [u8; NONCE_LEN],
) -> Result<String, KeyFileError> {
    seal::seal_with_passphrase(
        passphrase,
        params,
        nonce,
        ASSOCIATED,
        &key.record().to_string(),
    )
    .map_err(|e| match e {
        SealError::BadParams => KeyFileError::BadParams,
        _ => KeyFileError::Damaged,
    })
}

/// Whether `text` has the shape of a sealed personal key file (checked before asking
/// for its passphrase).
pub fn looks_like_key_file(text: &str) -> bool {
    let text = text.trim_start_matches('\u{feff}');
    seal::is_sealed(text)
        && parse_strict(text).is_ok_and(|v| v.get("kdf").is_some_and(Value::is_object))
}

/// Opens a sealed personal key file with `passphrase`.
pub fn open_key(text: &str, passphrase: &str) -> Result<PersonalKey, KeyFileError> {
    let text = text.trim_start_matches('\u{feff}');
    if !looks_like_key_file(text) {
        return Err(KeyFileError::NotKeyFile);
    }
    let clear = seal::open_with_passphrase(passphrase, ASSOCIATED, text).map_err(|e| match e {
        SealError::CannotOpen => KeyFileError::WrongPassphrase,
        SealError::BadParams => KeyFileError::BadParams,
        SealError::Malformed => KeyFileError::NotKeyFile,
    })?;
    read_record(&clear).ok_or(KeyFileError::Damaged)
}

fn read_record(clear: &str) -> Option<PersonalKey> {
    let value = parse_strict(clear).ok()?;
    let object: &Map<String, Value> = value.as_object()?;
    if object.get("schema").and_then(Value::as_str) != Some(PERSONAL_KEY_SCHEMA) {
        return None;
    }
    let text = |name: &str| object.get(name).and_then(Value::as_str).map(str::to_string);
    let role = text("role")?;
    if !ROLES.contains(&role.as_str()) {
        return None;
    }
    let key = KeyPair::from_key_json(&json!({
        "publicKeyMultibase": text("publicKeyMultibase")?,
        "secretKeyMultibase": text("secretKeyMultibase")?,
    }))
    .ok()?;
    Some(PersonalKey {
        name: text("name")?,
        role,
        municipality: text("municipality")?,
        created: text("created")?,
        key,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seal::SALT_LEN;

    fn quick() -> KdfParams {
        KdfParams {
            memory_kib: 8 * 1024,
            iterations: 1,
            parallelism: 1,
            salt: [3; SALT_LEN],
        }
    }

    fn anna() -> PersonalKey {
        PersonalKey {
            name: "Anna Bērziņa".into(),
            role: "social_worker".into(),
            municipality: "Cēsu novads".into(),
            created: "2026-03-01T10:00:00Z".into(),
            key: KeyPair::from_seed(&[2; 32]),
        }
    }

    #[test]
    fn a_sealed_key_round_trips_and_keeps_nothing_in_clear() {
        let key = anna();
        let text = seal_key(&key, "a long passphrase", &quick(), [9; NONCE_LEN]).unwrap();
        assert!(looks_like_key_file(&text));
        assert!(!text.contains("Anna"));
        assert!(!text.contains(&key.key.public_key_multibase()));
        assert!(!text.contains(&key.key.secret_key_multibase()));
        let back = open_key(&text, "a long passphrase").unwrap();
        assert_eq!(back.name, "Anna Bērziņa");
        assert_eq!(back.role, "social_worker");
        assert_eq!(back.municipality, "Cēsu novads");
        assert_eq!(back.did_key(), key.did_key());
        assert_eq!(back.fingerprint(), key.fingerprint());
        assert!(back.did_key().starts_with("did:key:z6Mk"));
    }

    #[test]
    fn a_wrong_passphrase_or_a_changed_file_is_told_and_never_panics() {
        let text = seal_key(&anna(), "a long passphrase", &quick(), [9; NONCE_LEN]).unwrap();
        assert_eq!(
            open_key(&text, "another passphrase").unwrap_err(),
            KeyFileError::WrongPassphrase
        );
        let mut value: Value = parse_strict(&text).unwrap();
        let ct = value["ct"].as_str().unwrap().to_string();
        let flipped = if ct.starts_with('A') { "B" } else { "A" };
        value["ct"] = Value::String(format!("{flipped}{}", &ct[1..]));
        assert_eq!(
            open_key(&value.to_string(), "a long passphrase").unwrap_err(),
            KeyFileError::WrongPassphrase
        );
    }

    #[test]
    fn other_files_are_not_key_files() {
        let clear_key = crate::signing::key_to_text(&KeyPair::from_seed(&[1; 32]));
        for text in ["", "not json", "{}", "[1]", clear_key.as_str()] {
            assert_eq!(
                open_key(text, "a long passphrase").unwrap_err(),
                KeyFileError::NotKeyFile,
                "{text}"
            );
        }
        // A sealed envelope of something that is not a personal key.
        let other = seal::seal_with_passphrase(
            "a long passphrase",
            &quick(),
            [1; NONCE_LEN],
            ASSOCIATED,
            "{\"schema\":\"ib-case/1\"}",
        )
        .unwrap();
        assert_eq!(
            open_key(&other, "a long passphrase").unwrap_err(),
            KeyFileError::Damaged
        );
    }

    #[test]
    fn the_form_asks_for_every_field_and_a_long_passphrase_twice() {
        assert_eq!(
            form_problems("", "nurse", " ", "short", "short"),
            vec![
                ("key-name", "keys.error.name"),
                ("key-role", "keys.error.role"),
                ("key-municipality", "keys.error.municipality"),
                ("key-passphrase", "keys.error.too_short"),
            ]
        );
        assert_eq!(
            form_problems(
                "Anna",
                "social_worker",
                "Cēsis",
                "a long passphrase",
                "a long"
            ),
            vec![("key-confirm", "keys.error.mismatch")]
        );
        assert!(form_problems(
            "Anna",
            "legal_representative",
            "Cēsis",
            "a long passphrase",
            "a long passphrase"
        )
        .is_empty());
    }

    #[test]
    fn every_message_key_is_in_the_catalogue() {
        let errors = [
            KeyFileError::NotKeyFile,
            KeyFileError::WrongPassphrase,
            KeyFileError::Damaged,
            KeyFileError::BadParams,
            KeyFileError::NoRandomness,
        ];
        for key in errors.iter().map(|e| e.key()).chain([
            "keys.error.name",
            "keys.error.role",
            "keys.error.municipality",
            "keys.error.too_long",
            "keys.error.too_short",
            "keys.error.mismatch",
        ]) {
            assert!(
                crate::i18n::TRUST_PART.iter().any(|(k, _, _)| *k == key),
                "{key}"
            );
        }
        // The team roles are named by the reference data; these two by the catalogue.
        for key in [
            "keys.role.legal_representative",
            "keys.role.social_service_head",
            "files.too_large.trust",
        ] {
            assert!(
                crate::i18n::TRUST_PART.iter().any(|(k, _, _)| *k == key),
                "{key}"
            );
        }
    }
}
