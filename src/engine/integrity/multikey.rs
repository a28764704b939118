//! Ed25519 keys as W3C Multikey strings and did:key verification methods.
//!
//! - `publicKeyMultibase` = `"z"` + base58btc(`0xed 0x01` ‖ 32-byte public key), so it
//!   always starts with `z6Mk`;
//! - `secretKeyMultibase` = `"z"` + base58btc(`0x80 0x26` ‖ 32-byte seed);
//! - the verification method of a key is `did:key:<pk>#<pk>`.
//!
//! The seed comes from the caller: the engine never draws randomness itself.

use ed25519_dalek::{SigningKey, VerifyingKey};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use super::error::IntegrityError;

/// Multicodec prefix of an Ed25519 public key (`ed25519-pub`, varint of 0xed).
pub const ED25519_PUB_PREFIX: [u8; 2] = [0xed, 0x01];
/// Multicodec prefix of an Ed25519 secret seed (`ed25519-priv`, varint of 0x1300).
pub const ED25519_PRIV_PREFIX: [u8; 2] = [0x80, 0x26];

/// The `did:key` method prefix.
const DID_KEY: &str = "did:key:";

fn encode(prefix: [u8; 2], key: &[u8; 32]) -> String {
    let mut bytes = Vec::with_capacity(34);
    bytes.extend_from_slice(&prefix);
    bytes.extend_from_slice(key);
    format!("z{}", bs58::encode(bytes).into_string())
}

fn codec_name(prefix: [u8; 2]) -> String {
    match prefix {
        ED25519_PUB_PREFIX => "ed25519-pub".to_string(),
        ED25519_PRIV_PREFIX => "ed25519-priv".to_string(),
        [0x80, 0x24] => "p256-pub".to_string(),
        [0xe7, 0x01] => "secp256k1-pub".to_string(),
        [a, b] => format!("0x{a:02x}{b:02x}"),
    }
}

/// Decodes a multibase Multikey string strictly: `z` prefix, base58btc, the expected
/// two-byte multicodec prefix, then exactly 32 bytes.
fn decode(
    text: &str,
    field: &str,
    prefix: [u8; 2],
    expected: &'static str,
) -> Result<[u8; 32], IntegrityError> {
    let Some(body) = text.strip_prefix('z') else {
        return Err(IntegrityError::KeyNotBase58btc {
            field: field.to_string(),
        });
    };
    // A Multikey is 34 bytes, about 47 base58 characters; refusing long text early keeps
    // hostile input from costing quadratic decoding time.
    if body.len() > 100 {
        return Err(IntegrityError::KeyWrongLength {
            field: field.to_string(),
            found: body.len() * 3 / 4,
        });
    }
    let bytes = bs58::decode(body)
        .into_vec()
        .map_err(|_| IntegrityError::KeyBadBase58 {
            field: field.to_string(),
        })?;
    let (head, key) = match bytes.as_slice() {
        [a, b, rest @ ..] => ([*a, *b], rest),
        _ => {
            return Err(IntegrityError::KeyWrongLength {
                field: field.to_string(),
                found: 0,
            })
        }
    };
    if head != prefix {
        return Err(IntegrityError::KeyWrongMulticodec {
            field: field.to_string(),
            expected,
            found: codec_name(head),
        });
    }
    <[u8; 32]>::try_from(key).map_err(|_| IntegrityError::KeyWrongLength {
        field: field.to_string(),
        found: key.len(),
    })
}

/// Encodes a 32-byte Ed25519 public key as `publicKeyMultibase` (`z6Mk…`).
pub fn encode_public_key(public_key: &[u8; 32]) -> String {
    encode(ED25519_PUB_PREFIX, public_key)
}

/// Encodes a 32-byte Ed25519 seed as `secretKeyMultibase`.
pub fn encode_secret_key(seed: &[u8; 32]) -> String {
    encode(ED25519_PRIV_PREFIX, seed)
}

/// Parses a `publicKeyMultibase` into a verifying key; `field` names it in errors.
pub fn parse_public_key(text: &str, field: &str) -> Result<VerifyingKey, IntegrityError> {
    let bytes = decode(text, field, ED25519_PUB_PREFIX, "ed25519-pub")?;
    VerifyingKey::from_bytes(&bytes).map_err(|_| IntegrityError::KeyNotOnCurve {
        field: field.to_string(),
    })
}

/// Parses a `secretKeyMultibase` (or `privateKeyMultibase`) into its 32-byte seed.
pub fn parse_secret_key(text: &str, field: &str) -> Result<[u8; 32], IntegrityError> {
    decode(text, field, ED25519_PRIV_PREFIX, "ed25519-priv")
}

/// The did:key verification method of a public key: `did:key:<pk>#<pk>`.
pub fn verification_method(public_key_multibase: &str) -> String {
    format!("{DID_KEY}{public_key_multibase}#{public_key_multibase}")
}

/// How a verification method string was understood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MethodKey {
    /// A did:key method whose fragment (if any) names the same key.
    DidKey(String),
    /// A did:key method whose fragment names another key than the DID.
    Mismatch,
    /// Not a did:key method (e.g. an https URL): this verifier cannot resolve it.
    NotDidKey,
}

/// Extracts the `publicKeyMultibase` from a did:key verification method. Both
/// `did:key:<pk>#<pk>` and the bare `did:key:<pk>` are accepted.
pub fn method_key(method: &str) -> MethodKey {
    let Some(rest) = method.strip_prefix(DID_KEY) else {
        return MethodKey::NotDidKey;
    };
    match rest.split_once('#') {
        None => MethodKey::DidKey(rest.to_string()),
        Some((did, fragment)) if did == fragment => MethodKey::DidKey(did.to_string()),
        Some(_) => MethodKey::Mismatch,
    }
}

/// A short code for people to compare keys by eye or over the phone: the first six
/// bytes of SHA-256 over the raw 32-byte public key, upper-case hex in groups of four
/// (`3F2A-91C0-7B4E`). It is a convenience for telling signers apart, not a security
/// boundary: the full `publicKeyMultibase` is what verification uses.
pub fn fingerprint(public_key: &VerifyingKey) -> String {
    let digest = Sha256::digest(public_key.as_bytes());
    let hex: String = digest
        .iter()
        .take(6)
        .map(|byte| format!("{byte:02X}"))
        .collect();
    let mut out = String::with_capacity(14);
    for (i, ch) in hex.chars().enumerate() {
        if i > 0 && i % 4 == 0 {
            out.push('-');
        }
        out.push(ch);
    }
    out
}

/// An Ed25519 key pair built from a 32-byte seed the caller supplies.
#[derive(Clone)]
pub struct KeyPair {
    signing: SigningKey,
}

impl std::fmt::Debug for KeyPair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never print the secret.
        f.debug_struct("KeyPair")
            .field("publicKeyMultibase", &self.public_key_multibase())
            .finish_non_exhaustive()
    }
}

impl KeyPair {
    /// The key pair of a 32-byte seed (the RFC 8032 secret key).
    ///
    /// ```
    /// use ib_planner::engine::integrity::KeyPair;
    /// let key = KeyPair::from_seed(&[7u8; 32]);
    /// assert!(key.public_key_multibase().starts_with("z6Mk"));
    /// ```
    pub fn from_seed(seed: &[u8; 32]) -> KeyPair {
        KeyPair {
            signing: SigningKey::from_bytes(seed),
        }
    }

    /// The key pair of a `secretKeyMultibase` string.
    pub fn from_secret_key_multibase(text: &str) -> Result<KeyPair, IntegrityError> {
        Ok(KeyPair::from_seed(&parse_secret_key(
            text,
            "secretKeyMultibase",
        )?))
    }

    /// Reads a key file: a JSON object with `secretKeyMultibase` or (as in the W3C test
    /// vectors) `privateKeyMultibase`; a `publicKeyMultibase`, when present, must belong
    /// to that secret.
    pub fn from_key_json(value: &Value) -> Result<KeyPair, IntegrityError> {
        let object = value.as_object().ok_or(IntegrityError::KeyFileNotObject)?;
        let field = ["secretKeyMultibase", "privateKeyMultibase"]
            .into_iter()
            .find(|name| object.contains_key(*name))
            .ok_or(IntegrityError::KeyFileMissingSecret)?;
        let text = string_member(object, field)?;
        let key = KeyPair::from_seed(&parse_secret_key(text, field)?);
        if object.contains_key("publicKeyMultibase") {
            let public = string_member(object, "publicKeyMultibase")?;
            parse_public_key(public, "publicKeyMultibase")?;
            if public != key.public_key_multibase() {
                return Err(IntegrityError::KeyFilePublicMismatch);
            }
        }
        Ok(key)
    }

    /// The key file form: `{"publicKeyMultibase": …, "secretKeyMultibase": …}`.
    pub fn to_key_json(&self) -> Value {
        serde_json::json!({
            "publicKeyMultibase": self.public_key_multibase(),
            "secretKeyMultibase": self.secret_key_multibase(),
        })
    }

    /// The public key as `publicKeyMultibase` (`z6Mk…`).
    pub fn public_key_multibase(&self) -> String {
        encode_public_key(self.signing.verifying_key().as_bytes())
    }

    /// The seed as `secretKeyMultibase`.
    pub fn secret_key_multibase(&self) -> String {
        encode_secret_key(&self.signing.to_bytes())
    }

    /// The did:key verification method, `did:key:<pk>#<pk>`.
    pub fn verification_method(&self) -> String {
        verification_method(&self.public_key_multibase())
    }

    /// The short human fingerprint of the public key (see [`fingerprint`]).
    pub fn fingerprint(&self) -> String {
        fingerprint(&self.signing.verifying_key())
    }

    /// The public half.
    pub fn verifying_key(&self) -> VerifyingKey {
        self.signing.verifying_key()
    }

    pub(crate) fn signing_key(&self) -> &SigningKey {
        &self.signing
    }
}

fn string_member<'a>(
    object: &'a Map<String, Value>,
    field: &str,
) -> Result<&'a str, IntegrityError> {
    match object.get(field) {
        Some(Value::String(text)) => Ok(text),
        _ => Err(IntegrityError::KeyFileFieldNotString {
            field: field.to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_keys_start_with_z6mk_and_round_trip() {
        let key = KeyPair::from_seed(&[1u8; 32]);
        let public = key.public_key_multibase();
        assert!(public.starts_with("z6Mk"), "{public}");
        let parsed = parse_public_key(&public, "pk").map(|k| k.to_bytes());
        assert_eq!(parsed, Ok(key.verifying_key().to_bytes()));
        let again = KeyPair::from_secret_key_multibase(&key.secret_key_multibase())
            .map(|k| k.public_key_multibase());
        assert_eq!(again, Ok(public));
    }

    #[test]
    fn strict_parsing_names_the_problem() {
        let key = KeyPair::from_seed(&[2u8; 32]);
        let public = key.public_key_multibase();
        let secret = key.secret_key_multibase();
        let err = |text: &str| parse_public_key(text, "pk").err().map(|e| e.key());
        assert_eq!(err(&public[1..]), Some("integrity.key.not_base58btc"));
        assert_eq!(err("z0OIl"), Some("integrity.key.bad_base58"));
        assert_eq!(err(&secret), Some("integrity.key.wrong_multicodec"));
        assert_eq!(err(""), Some("integrity.key.not_base58btc"));
        assert_eq!(err("z"), Some("integrity.key.wrong_length"));
        assert_eq!(err(&"z".repeat(500)), Some("integrity.key.wrong_length"));
        let short = format!("z{}", bs58::encode([0xed, 0x01, 1, 2, 3]).into_string());
        assert_eq!(err(&short), Some("integrity.key.wrong_length"));
        assert_eq!(
            parse_secret_key(&public, "sk").err().map(|e| e.to_string()),
            Some("sk is a ed25519-pub key, expected ed25519-priv".to_string())
        );
    }

    #[test]
    fn method_keys_are_extracted_from_did_key_only() {
        assert_eq!(
            method_key("did:key:z6MkA#z6MkA"),
            MethodKey::DidKey("z6MkA".into())
        );
        assert_eq!(
            method_key("did:key:z6MkA"),
            MethodKey::DidKey("z6MkA".into())
        );
        assert_eq!(method_key("did:key:z6MkA#z6MkB"), MethodKey::Mismatch);
        assert_eq!(
            method_key("https://example.org/keys/1"),
            MethodKey::NotDidKey
        );
    }

    #[test]
    fn fingerprints_are_short_grouped_and_distinct() {
        let a = KeyPair::from_seed(&[3u8; 32]).fingerprint();
        let b = KeyPair::from_seed(&[4u8; 32]).fingerprint();
        assert_eq!(a.len(), 14);
        assert_eq!(a.matches('-').count(), 2);
        assert_ne!(a, b);
    }

    #[test]
    fn key_files_accept_both_secret_names_and_check_the_public_key() {
        let key = KeyPair::from_seed(&[5u8; 32]);
        let secret = key.secret_key_multibase();
        let public = key.public_key_multibase();
        let other = KeyPair::from_seed(&[6u8; 32]).public_key_multibase();
        let read = |v: Value| KeyPair::from_key_json(&v).map(|k| k.public_key_multibase());
        assert_eq!(read(key.to_key_json()), Ok(public.clone()));
        assert_eq!(
            read(serde_json::json!({"privateKeyMultibase": secret})),
            Ok(public.clone())
        );
        assert_eq!(
            read(serde_json::json!({"secretKeyMultibase": secret, "publicKeyMultibase": other})),
            Err(IntegrityError::KeyFilePublicMismatch)
        );
        assert_eq!(
            read(serde_json::json!({"publicKeyMultibase": public})),
            Err(IntegrityError::KeyFileMissingSecret)
        );
        assert_eq!(
            read(serde_json::json!({"secretKeyMultibase": 5})),
            Err(IntegrityError::KeyFileFieldNotString {
                field: "secretKeyMultibase".into()
            })
        );
        assert_eq!(
            read(serde_json::json!([])),
            Err(IntegrityError::KeyFileNotObject)
        );
    }

    #[test]
    fn debug_output_hides_the_secret() {
        let key = KeyPair::from_seed(&[9u8; 32]);
        let shown = format!("{key:?}");
        assert!(!shown.contains(&key.secret_key_multibase()));
        assert!(shown.contains(&key.public_key_multibase()));
    }
}
