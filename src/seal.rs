//! Sealing text at rest with a passphrase: the one encryption module of the app, used by
//! the device lock (every stored case and signing key, `storage`) and meant for sealed
//! personal signing keys too.
//!
//! - **Key derivation:** Argon2id (RFC 9106, crate `argon2`) from the passphrase and a
//!   random 16-byte salt, to a 32-byte key. The parameters travel with the salt
//!   ([`KdfParams`]) so a later build can raise them; [`KdfParams::recommended`] is
//!   OWASP's minimum for Argon2id (19 MiB, 2 passes, 1 lane), which a slow phone still
//!   runs in about a second. Parameters read back are bounded ([`KdfParams::check`]), so a
//!   forged record cannot ask for gigabytes.
//! - **Cipher:** XChaCha20-Poly1305 (crate `chacha20poly1305`), a random 24-byte nonce per
//!   seal (a nonce that long may be drawn at random for every write), and the caller's
//!   *associated text* authenticated with it: the device lock passes the entry's storage
//!   key, so an entry copied under another key does not open.
//! - **Envelope:** JSON text `{"format":"ib-sealed/1","nonce":"…","ct":"…"}` (standard
//!   base64), with a `"kdf"` member when the envelope carries its own salt
//!   ([`seal_with_passphrase`]). Read back with `engine::json::parse_strict`; unknown
//!   members, formats and lengths are refused.
//! - **Lock record:** [`LockRecord`] keeps the parameters and salt with a sealed check
//!   value, so a wrong passphrase is told without touching any entry.
//!
//! Pure: no storage, no clock, no randomness — salts and nonces come in as arguments, the
//! key is never written anywhere by this module. Nothing here panics on any input.

use crate::engine::json::parse_strict;
use argon2::{Algorithm, Argon2, Params, Version};
use base64ct::{Base64, Encoding};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde_json::{json, Map, Value};

/// The `format` of a sealed envelope.
pub const SEALED_FORMAT: &str = "ib-sealed/1";
/// The `format` of a lock record.
pub const LOCK_FORMAT: &str = "ib-lock/1";
/// Bytes of salt for the key derivation.
pub const SALT_LEN: usize = 16;
/// Bytes of nonce per seal.
pub const NONCE_LEN: usize = 24;
/// Bytes of the Poly1305 tag at the end of every ciphertext.
const TAG_LEN: usize = 16;
/// The text sealed in a lock record to check a passphrase.
const CHECK_TEXT: &str = "ib-planner lock check";

/// Why text could not be sealed or opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SealError {
    /// Not a sealed envelope (or lock record) of a format this version knows.
    Malformed,
    /// The key derivation's parameters are outside what this version accepts.
    BadParams,
    /// The passphrase (or key) is wrong, or the sealed text or its associated text was
    /// changed: an AEAD cannot tell which, and says nothing more.
    CannotOpen,
}

/// The key derivation's parameters: Argon2id, version 0x13.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KdfParams {
    /// Memory in KiB (`m`).
    pub memory_kib: u32,
    /// Passes (`t`).
    pub iterations: u32,
    /// Lanes (`p`).
    pub parallelism: u32,
    /// The random salt.
    pub salt: [u8; SALT_LEN],
}

impl KdfParams {
    /// OWASP's minimum for Argon2id (m = 19 MiB, t = 2, p = 1) with `salt`.
    pub fn recommended(salt: [u8; SALT_LEN]) -> KdfParams {
        KdfParams {
            memory_kib: 19 * 1024,
            iterations: 2,
            parallelism: 1,
            salt,
        }
    }

    /// Whether these parameters are ones this version runs: at least 8 MiB and at most
    /// 256 MiB, 1 to 10 passes, 1 to 4 lanes.
    pub fn check(&self) -> Result<(), SealError> {
        let ok = (8 * 1024..=256 * 1024).contains(&self.memory_kib)
            && (1..=10).contains(&self.iterations)
            && (1..=4).contains(&self.parallelism);
        if ok {
            Ok(())
        } else {
            Err(SealError::BadParams)
        }
    }

    fn to_json(&self) -> Value {
        json!({
            "alg": "argon2id",
            "v": 19,
            "m": self.memory_kib,
            "t": self.iterations,
            "p": self.parallelism,
            "salt": Base64::encode_string(&self.salt),
        })
    }

    fn from_json(value: &Value) -> Result<KdfParams, SealError> {
        let object = exact_members(value, &["alg", "v", "m", "t", "p", "salt"])?;
        if object["alg"] != "argon2id" || object["v"] != 19 {
            return Err(SealError::Malformed);
        }
        let number = |name: &str| {
            object[name]
                .as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .ok_or(SealError::Malformed)
        };
        let params = KdfParams {
            memory_kib: number("m")?,
            iterations: number("t")?,
            parallelism: number("p")?,
            salt: fixed_bytes(&object["salt"])?,
        };
        params.check()?;
        Ok(params)
    }
}

/// A derived 32-byte key. Kept only in memory; overwritten when dropped.
#[derive(Clone, PartialEq, Eq)]
pub struct SealKey([u8; 32]);

impl SealKey {
    /// A key from raw bytes (tests, and a key handed over from a split chunk).
    pub fn from_bytes(bytes: [u8; 32]) -> SealKey {
        SealKey(bytes)
    }

    /// The raw bytes, to hand the key over as plain data.
    pub fn to_bytes(&self) -> [u8; 32] {
        self.0
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new((&self.0).into())
    }
}

impl Drop for SealKey {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.0);
    }
}

impl std::fmt::Debug for SealKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SealKey(…)")
    }
}

/// Derives the key for `passphrase` with `params` (Argon2id). Slow on purpose: about a
/// second on a slow phone with [`KdfParams::recommended`].
pub fn derive_key(passphrase: &str, params: &KdfParams) -> Result<SealKey, SealError> {
    params.check()?;
    let argon_params = Params::new(
        params.memory_kib,
        params.iterations,
        params.parallelism,
        Some(32),
    )
    .map_err(|_| SealError::BadParams)?;
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, argon_params);
    let mut key = [0u8; 32];
    argon
        .hash_password_into(passphrase.as_bytes(), &params.salt, &mut key)
        .map_err(|_| SealError::BadParams)?;
    Ok(SealKey(key))
}

/// Seals `text` with `key`, binding it to `associated` (the device lock passes the
/// entry's storage key). `nonce` must be fresh random bytes for every call.
pub fn seal(key: &SealKey, nonce: [u8; NONCE_LEN], associated: &str, text: &str) -> String {
    envelope(None, key, nonce, associated, text).to_string()
}

/// Opens an envelope made by [`seal`] with `key` and the same `associated` text.
pub fn open(key: &SealKey, associated: &str, sealed: &str) -> Result<String, SealError> {
    let parsed = Envelope::parse(sealed)?;
    if parsed.kdf.is_some() {
        return Err(SealError::Malformed);
    }
    parsed.open(key, associated)
}

/// Seals `text` under a key derived from `passphrase` with `params`; the envelope keeps
/// the parameters and salt (a file that opens on its own, such as a sealed personal
/// signing key).
pub fn seal_with_passphrase(
    passphrase: &str,
    params: &KdfParams,
    nonce: [u8; NONCE_LEN],
    associated: &str,
    text: &str,
) -> Result<String, SealError> {
    let key = derive_key(passphrase, params)?;
    Ok(envelope(Some(params), &key, nonce, associated, text).to_string())
}

/// Opens an envelope made by [`seal_with_passphrase`].
pub fn open_with_passphrase(
    passphrase: &str,
    associated: &str,
    sealed: &str,
) -> Result<String, SealError> {
    let parsed = Envelope::parse(sealed)?;
    let params = parsed.kdf.as_ref().ok_or(SealError::Malformed)?;
    let key = derive_key(passphrase, params)?;
    parsed.open(&key, associated)
}

/// Whether `text` is a sealed envelope (of either kind), by its shape only: it may still
/// fail to open. Clear stored entries (a stored case, a key file) are never one.
pub fn is_sealed(text: &str) -> bool {
    Envelope::parse(text).is_ok()
}

/// Whether `text` has the shape of a sealed envelope's outside (a JSON object whose
/// `format` is [`SEALED_FORMAT`]), without decoding it: the cheap test the storage side
/// makes on every read. [`open`] checks the rest.
pub fn looks_sealed(text: &str) -> bool {
    text.trim_start().starts_with('{')
        && text.contains(SEALED_FORMAT)
        && parse_strict(text)
            .is_ok_and(|v| v.get("format").and_then(Value::as_str) == Some(SEALED_FORMAT))
}

/// A lock record: the key derivation's parameters and salt, with a check value sealed
/// under the derived key, so a passphrase is checked without opening any entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockRecord {
    /// How the key is derived.
    pub kdf: KdfParams,
    check: Value,
}

impl LockRecord {
    /// A new record for `key` (derived with `kdf`); `associated` is where it is stored.
    pub fn new(
        kdf: KdfParams,
        key: &SealKey,
        nonce: [u8; NONCE_LEN],
        associated: &str,
    ) -> LockRecord {
        let check = envelope(None, key, nonce, associated, CHECK_TEXT);
        LockRecord { kdf, check }
    }

    /// Whether `key` is the one this record was made for (`associated` as in [`Self::new`]).
    pub fn accepts(&self, key: &SealKey, associated: &str) -> bool {
        Envelope::from_value(&self.check)
            .and_then(|e| e.open(key, associated))
            .is_ok_and(|text| text == CHECK_TEXT)
    }

    /// The record as stored text.
    pub fn to_text(&self) -> String {
        json!({"format": LOCK_FORMAT, "kdf": self.kdf.to_json(), "check": self.check}).to_string()
    }

    /// Reads a record back; anything unexpected is [`SealError::Malformed`] (or
    /// [`SealError::BadParams`] for parameters out of bounds).
    pub fn from_text(text: &str) -> Result<LockRecord, SealError> {
        let value = parse_strict(text).map_err(|_| SealError::Malformed)?;
        let object = exact_members(&value, &["format", "kdf", "check"])?;
        if object["format"] != LOCK_FORMAT {
            return Err(SealError::Malformed);
        }
        let kdf = KdfParams::from_json(&object["kdf"])?;
        let check = Envelope::from_value(&object["check"])?;
        if check.kdf.is_some() {
            return Err(SealError::Malformed);
        }
        Ok(LockRecord {
            kdf,
            check: object["check"].clone(),
        })
    }
}

struct Envelope {
    kdf: Option<KdfParams>,
    nonce: [u8; NONCE_LEN],
    ciphertext: Vec<u8>,
}

impl Envelope {
    fn parse(text: &str) -> Result<Envelope, SealError> {
        // Cheap refusal of clear text (a stored case is large): an envelope begins so.
        if !text.trim_start().starts_with('{') || !text.contains(SEALED_FORMAT) {
            return Err(SealError::Malformed);
        }
        let value = parse_strict(text).map_err(|_| SealError::Malformed)?;
        Envelope::from_value(&value)
    }

    fn from_value(value: &Value) -> Result<Envelope, SealError> {
        let with_kdf = value.get("kdf").is_some();
        let names: &[&str] = if with_kdf {
            &["format", "kdf", "nonce", "ct"]
        } else {
            &["format", "nonce", "ct"]
        };
        let object = exact_members(value, names)?;
        if object["format"] != SEALED_FORMAT {
            return Err(SealError::Malformed);
        }
        let kdf = if with_kdf {
            Some(KdfParams::from_json(&object["kdf"])?)
        } else {
            None
        };
        let ciphertext = object["ct"]
            .as_str()
            .and_then(|s| Base64::decode_vec(s).ok())
            .filter(|ct| ct.len() >= TAG_LEN)
            .ok_or(SealError::Malformed)?;
        Ok(Envelope {
            kdf,
            nonce: fixed_bytes(&object["nonce"])?,
            ciphertext,
        })
    }

    fn open(&self, key: &SealKey, associated: &str) -> Result<String, SealError> {
        let payload = Payload {
            msg: &self.ciphertext,
            aad: associated.as_bytes(),
        };
        let plain = key
            .cipher()
            .decrypt(XNonce::from_slice(&self.nonce), payload)
            .map_err(|_| SealError::CannotOpen)?;
        // Authenticated, so sealed by this module from a `&str`: always UTF-8.
        String::from_utf8(plain).map_err(|_| SealError::CannotOpen)
    }
}

fn envelope(
    kdf: Option<&KdfParams>,
    key: &SealKey,
    nonce: [u8; NONCE_LEN],
    associated: &str,
    text: &str,
) -> Value {
    let payload = Payload {
        msg: text.as_bytes(),
        aad: associated.as_bytes(),
    };
    // XChaCha20-Poly1305 fails only for a message over 256 GiB, which no `&str` in
    // this app reaches; an empty ciphertext would then be refused on opening.
    let ciphertext = key
        .cipher()
        .encrypt(XNonce::from_slice(&nonce), payload)
        .unwrap_or_default();
    let mut object = Map::new();
    object.insert("format".into(), SEALED_FORMAT.into());
    if let Some(kdf) = kdf {
        object.insert("kdf".into(), kdf.to_json());
    }
    object.insert("nonce".into(), Base64::encode_string(&nonce).into());
    object.insert("ct".into(), Base64::encode_string(&ciphertext).into());
    Value::Object(object)
}

/// The object's members, if it has exactly `names`.
fn exact_members<'a>(
    value: &'a Value,
    names: &[&str],
) -> Result<&'a Map<String, Value>, SealError> {
    let object = value.as_object().ok_or(SealError::Malformed)?;
    let exact = object.len() == names.len() && names.iter().all(|n| object.contains_key(*n));
    if exact {
        Ok(object)
    } else {
        Err(SealError::Malformed)
    }
}

fn fixed_bytes<const N: usize>(value: &Value) -> Result<[u8; N], SealError> {
    value
        .as_str()
        .and_then(|s| Base64::decode_vec(s).ok())
        .and_then(|bytes| <[u8; N]>::try_from(bytes).ok())
        .ok_or(SealError::Malformed)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fast parameters for tests (the bounds' minimum memory, one pass).
    fn quick(salt: u8) -> KdfParams {
        KdfParams {
            memory_kib: 8 * 1024,
            iterations: 1,
            parallelism: 1,
            salt: [salt; SALT_LEN],
        }
    }

    fn key(byte: u8) -> SealKey {
        SealKey::from_bytes([byte; 32])
    }

    const AD: &str = "ib-planner/case/abc";

    #[test]
    fn sealed_text_opens_with_the_same_key_and_associated_text() {
        let text = r#"{"pseudonym":"RIGA-2025-001","ā":"ž"}"#;
        let sealed = seal(&key(1), [7; NONCE_LEN], AD, text);
        assert!(!sealed.contains("RIGA"));
        assert!(is_sealed(&sealed));
        assert!(looks_sealed(&sealed));
        assert_eq!(open(&key(1), AD, &sealed).as_deref(), Ok(text));
    }

    #[test]
    fn a_wrong_key_does_not_open() {
        let sealed = seal(&key(1), [7; NONCE_LEN], AD, "secret");
        assert_eq!(open(&key(2), AD, &sealed), Err(SealError::CannotOpen));
    }

    #[test]
    fn an_entry_moved_to_another_storage_key_does_not_open() {
        let sealed = seal(&key(1), [7; NONCE_LEN], AD, "secret");
        assert_eq!(
            open(&key(1), "ib-planner/case/other", &sealed),
            Err(SealError::CannotOpen)
        );
    }

    #[test]
    fn a_changed_ciphertext_or_nonce_does_not_open() {
        let sealed = seal(&key(1), [7; NONCE_LEN], AD, "secret text");
        let mut value = parse_strict(&sealed).unwrap();
        let mut ct = Base64::decode_vec(value["ct"].as_str().unwrap()).unwrap();
        ct[0] ^= 1;
        value["ct"] = Base64::encode_string(&ct).into();
        assert_eq!(
            open(&key(1), AD, &value.to_string()),
            Err(SealError::CannotOpen)
        );
        let mut value = parse_strict(&sealed).unwrap();
        value["nonce"] = Base64::encode_string(&[8; NONCE_LEN]).into();
        assert_eq!(
            open(&key(1), AD, &value.to_string()),
            Err(SealError::CannotOpen)
        );
    }

    #[test]
    fn each_nonce_gives_another_ciphertext() {
        let a = seal(&key(1), [1; NONCE_LEN], AD, "same");
        let b = seal(&key(1), [2; NONCE_LEN], AD, "same");
        assert_ne!(a, b);
    }

    #[test]
    fn clear_stored_text_is_not_sealed() {
        assert!(!is_sealed(
            r#"{"format":"ib-stored-case/1","id":"x","case":{}}"#
        ));
        assert!(!is_sealed("lv"));
        assert!(!is_sealed(""));
        // A case that merely mentions the format in its text is still not an envelope.
        assert!(!is_sealed(
            r#"{"format":"ib-stored-case/1","note":"ib-sealed/1"}"#
        ));
    }

    #[test]
    fn malformed_envelopes_are_refused() {
        let good = seal(&key(1), [7; NONCE_LEN], AD, "x");
        let value = parse_strict(&good).unwrap();
        let nonce = value["nonce"].as_str().unwrap().to_string();
        let ct = value["ct"].as_str().unwrap().to_string();
        let cases = [
            format!(r#"{{"format":"ib-sealed/2","nonce":"{nonce}","ct":"{ct}"}}"#),
            format!(r#"{{"format":"ib-sealed/1","nonce":"{nonce}"}}"#),
            format!(r#"{{"format":"ib-sealed/1","nonce":"{nonce}","ct":"{ct}","x":1}}"#),
            format!(r#"{{"format":"ib-sealed/1","nonce":"AAAA","ct":"{ct}"}}"#),
            format!(r#"{{"format":"ib-sealed/1","nonce":"{nonce}","ct":"AAAA"}}"#),
            format!(r#"{{"format":"ib-sealed/1","nonce":"{nonce}","ct":"not base64!"}}"#),
            format!(r#"{{"format":"ib-sealed/1","nonce":"{nonce}","ct":"{ct}","ct":"{ct}"}}"#),
            r#"["ib-sealed/1"]"#.to_string(),
        ];
        for case in cases {
            assert_eq!(
                open(&key(1), AD, &case),
                Err(SealError::Malformed),
                "{case}"
            );
        }
    }

    #[test]
    fn a_passphrase_envelope_round_trips_and_refuses_a_wrong_passphrase() {
        let sealed =
            seal_with_passphrase("correct horse", &quick(3), [9; NONCE_LEN], "key", "seed")
                .unwrap();
        assert!(sealed.contains("argon2id"));
        assert_eq!(
            open_with_passphrase("correct horse", "key", &sealed).as_deref(),
            Ok("seed")
        );
        assert_eq!(
            open_with_passphrase("correct hors", "key", &sealed),
            Err(SealError::CannotOpen)
        );
        // A key envelope is not a lock entry, and the other way round.
        assert_eq!(open(&key(1), "key", &sealed), Err(SealError::Malformed));
        let plain = seal(&key(1), [7; NONCE_LEN], "key", "seed");
        assert_eq!(
            open_with_passphrase("correct horse", "key", &plain),
            Err(SealError::Malformed)
        );
    }

    #[test]
    fn the_key_depends_on_passphrase_salt_and_params() {
        let a = derive_key("passphrase one", &quick(1)).unwrap();
        assert_eq!(a, derive_key("passphrase one", &quick(1)).unwrap());
        assert_ne!(a, derive_key("passphrase two", &quick(1)).unwrap());
        assert_ne!(a, derive_key("passphrase one", &quick(2)).unwrap());
        let mut more = quick(1);
        more.iterations = 2;
        assert_ne!(a, derive_key("passphrase one", &more).unwrap());
    }

    #[test]
    fn the_derivation_is_pinned() {
        // A pinned value, not an outside vector (the `argon2` crate checks Argon2id
        // against RFC 9106 itself): it changes if the algorithm, the version or the
        // mapping of our parameters ever does, which would lock users out.
        let params = KdfParams {
            memory_kib: 8192,
            iterations: 1,
            parallelism: 1,
            salt: *b"somesaltsomesalt",
        };
        let key = derive_key("password", &params).unwrap();
        let hex: String = key.to_bytes().iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex, ARGON2ID_VECTOR);
    }

    const ARGON2ID_VECTOR: &str =
        "84fb006bbc3cd69895722b64b5bf735251a9e8e9f3ecb93ff595b98aeb7accb7";

    #[test]
    fn parameters_out_of_bounds_are_refused() {
        let mut huge = quick(1);
        huge.memory_kib = 4 * 1024 * 1024;
        assert_eq!(derive_key("x", &huge), Err(SealError::BadParams));
        let mut none = quick(1);
        none.iterations = 0;
        assert_eq!(none.check(), Err(SealError::BadParams));
        assert_eq!(KdfParams::recommended([0; SALT_LEN]).check(), Ok(()));
    }

    #[test]
    fn a_lock_record_accepts_only_its_key_and_round_trips() {
        let kdf = quick(5);
        let right = derive_key("the right passphrase", &kdf).unwrap();
        let record = LockRecord::new(kdf.clone(), &right, [4; NONCE_LEN], "ib-planner/lock");
        let text = record.to_text();
        let back = LockRecord::from_text(&text).unwrap();
        assert_eq!(back, record);
        assert_eq!(back.kdf, kdf);
        assert!(back.accepts(&right, "ib-planner/lock"));
        let wrong = derive_key("the wrong passphrase", &kdf).unwrap();
        assert!(!back.accepts(&wrong, "ib-planner/lock"));
        assert!(!back.accepts(&right, "ib-planner/other"));
    }

    #[test]
    fn a_malformed_lock_record_is_refused() {
        let kdf = quick(5);
        let record = LockRecord::new(kdf, &key(1), [4; NONCE_LEN], "l").to_text();
        assert!(LockRecord::from_text(&record).is_ok());
        let forged = record.replace("\"m\":8192", "\"m\":99999999");
        assert_eq!(LockRecord::from_text(&forged), Err(SealError::BadParams));
        let other = record.replace(LOCK_FORMAT, "ib-lock/9");
        assert_eq!(LockRecord::from_text(&other), Err(SealError::Malformed));
        let dup = record.replacen('{', "{\"format\":\"x\",", 1);
        assert_eq!(LockRecord::from_text(&dup), Err(SealError::Malformed));
        assert_eq!(LockRecord::from_text("not json"), Err(SealError::Malformed));
    }

    mod prop {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn any_text_round_trips(text in ".{0,200}", ad in "[a-z/]{0,20}", n in any::<u8>()) {
                let sealed = seal(&key(3), [n; NONCE_LEN], &ad, &text);
                prop_assert_eq!(open(&key(3), &ad, &sealed), Ok(text));
            }

            #[test]
            fn any_input_never_panics(text in ".{0,300}") {
                let _ = open(&key(3), AD, &text);
                let _ = LockRecord::from_text(&text);
                let _ = is_sealed(&text);
            }

            #[test]
            fn a_flipped_byte_never_opens(at in 0usize..40, bit in 0u8..8) {
                let sealed = seal(&key(3), [1; NONCE_LEN], AD, "some case text here");
                let value = parse_strict(&sealed).unwrap();
                let mut ct = Base64::decode_vec(value["ct"].as_str().unwrap()).unwrap();
                let at = at % ct.len();
                ct[at] ^= 1 << bit;
                let mut value = value;
                value["ct"] = Base64::encode_string(&ct).into();
                prop_assert_eq!(open(&key(3), AD, &value.to_string()), Err(SealError::CannotOpen));
            }
        }
    }
}
