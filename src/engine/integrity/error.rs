//! The error type of signing and key handling, with a message key for the catalogue.

use thiserror::Error;

/// What can go wrong while reading a key, preparing a document or creating a proof.
///
/// Every variant maps to a message key in `crate::i18n` ([`IntegrityError::key`]) and
/// the values for that message's placeholders ([`IntegrityError::params`]); the English
/// `Display` text is for logs and the command line.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum IntegrityError {
    /// A document to sign or verify is not a JSON object.
    #[error("the document is not a JSON object")]
    DocumentNotObject,
    /// The document's `proof` member is neither a proof object nor an array of them.
    #[error("the document's `proof` member is neither an object nor an array of objects")]
    ExistingProofMalformed,
    /// The document has more proofs than [`super::MAX_PROOFS`]; refused before any
    /// signature is checked.
    #[error("the document has {count} proofs; at most {max} are accepted")]
    TooManyProofs {
        /// How many proofs there are.
        count: usize,
        /// The limit, [`super::MAX_PROOFS`].
        max: usize,
    },
    /// The document already has [`super::MAX_PROOFS`] proofs; no more can be added.
    #[error("the document already has {max} proofs, the most it may carry")]
    ProofSetFull {
        /// The limit, [`super::MAX_PROOFS`].
        max: usize,
    },
    /// A multibase string does not start with `z` (base58btc).
    #[error("{field} is not base58btc multibase (it must start with \"z\")")]
    KeyNotBase58btc {
        /// The field or role of the key, e.g. `publicKeyMultibase`.
        field: String,
    },
    /// A multibase string contains characters outside the base58btc alphabet.
    #[error("{field} is not valid base58btc")]
    KeyBadBase58 {
        /// The field or role of the key.
        field: String,
    },
    /// The decoded key starts with another multicodec than the expected one.
    #[error("{field} is a {found} key, expected {expected}")]
    KeyWrongMulticodec {
        /// The field or role of the key.
        field: String,
        /// The expected multicodec name (`ed25519-pub` or `ed25519-priv`).
        expected: &'static str,
        /// The multicodec found: a known name, or the two prefix bytes in hex.
        found: String,
    },
    /// The key material after the multicodec prefix is not 32 bytes long.
    #[error("{field} holds {found} bytes of key material, expected 32")]
    KeyWrongLength {
        /// The field or role of the key.
        field: String,
        /// The number of bytes found after the prefix.
        found: usize,
    },
    /// The 32 bytes are not a valid Ed25519 public key (not a curve point).
    #[error("{field} is not a valid Ed25519 public key")]
    KeyNotOnCurve {
        /// The field or role of the key.
        field: String,
    },
    /// A key file is not a JSON object.
    #[error("the key file is not a JSON object")]
    KeyFileNotObject,
    /// A key file has neither `secretKeyMultibase` nor `privateKeyMultibase`.
    #[error("the key file has neither secretKeyMultibase nor privateKeyMultibase")]
    KeyFileMissingSecret,
    /// A key file member that must be a string is not one.
    #[error("{field} in the key file is not a string")]
    KeyFileFieldNotString {
        /// The member name.
        field: String,
    },
    /// A key file's `publicKeyMultibase` does not belong to its secret key.
    #[error("publicKeyMultibase in the key file does not belong to its secret key")]
    KeyFilePublicMismatch,
    /// A `created` value is not an RFC 3339 / XML Schema `dateTimeStamp`.
    #[error("created \"{value}\" is not an RFC 3339 date-time with a time zone")]
    BadCreated {
        /// The rejected value.
        value: String,
    },
    /// A proof purpose is empty or contains whitespace.
    #[error("proof purpose \"{value}\" is not a single word")]
    BadPurpose {
        /// The rejected value.
        value: String,
    },
    /// RFC 8785 canonicalization failed (cannot happen for values parsed from JSON text).
    #[error("the document cannot be canonicalized: {reason}")]
    Canonicalization {
        /// What the canonicalizer said.
        reason: String,
    },
}

impl IntegrityError {
    /// The catalogue key of this error's message.
    pub fn key(&self) -> &'static str {
        match self {
            IntegrityError::DocumentNotObject => "integrity.document.not_object",
            IntegrityError::ExistingProofMalformed => "integrity.document.bad_proof_member",
            IntegrityError::TooManyProofs { .. } => "integrity.document.too_many_proofs",
            IntegrityError::ProofSetFull { .. } => "integrity.document.proof_set_full",
            IntegrityError::KeyNotBase58btc { .. } => "integrity.key.not_base58btc",
            IntegrityError::KeyBadBase58 { .. } => "integrity.key.bad_base58",
            IntegrityError::KeyWrongMulticodec { .. } => "integrity.key.wrong_multicodec",
            IntegrityError::KeyWrongLength { .. } => "integrity.key.wrong_length",
            IntegrityError::KeyNotOnCurve { .. } => "integrity.key.not_on_curve",
            IntegrityError::KeyFileNotObject => "integrity.keyfile.not_object",
            IntegrityError::KeyFileMissingSecret => "integrity.keyfile.missing_secret",
            IntegrityError::KeyFileFieldNotString { .. } => "integrity.keyfile.field_not_string",
            IntegrityError::KeyFilePublicMismatch => "integrity.keyfile.public_mismatch",
            IntegrityError::BadCreated { .. } => "integrity.proof.bad_created",
            IntegrityError::BadPurpose { .. } => "integrity.proof.bad_purpose",
            IntegrityError::Canonicalization { .. } => "integrity.document.canonicalization",
        }
    }

    /// The values for the message's `{name}` placeholders.
    pub fn params(&self) -> Vec<(&'static str, String)> {
        match self {
            IntegrityError::KeyNotBase58btc { field }
            | IntegrityError::KeyBadBase58 { field }
            | IntegrityError::KeyNotOnCurve { field }
            | IntegrityError::KeyFileFieldNotString { field } => {
                vec![("field", field.clone())]
            }
            IntegrityError::KeyWrongMulticodec {
                field,
                expected,
                found,
            } => vec![
                ("field", field.clone()),
                ("expected", (*expected).to_string()),
                ("found", found.clone()),
            ],
            IntegrityError::KeyWrongLength { field, found } => {
                vec![("field", field.clone()), ("found", found.to_string())]
            }
            IntegrityError::BadCreated { value } | IntegrityError::BadPurpose { value } => {
                vec![("value", value.clone())]
            }
            IntegrityError::Canonicalization { reason } => vec![("reason", reason.clone())],
            IntegrityError::TooManyProofs { count, max } => {
                vec![("count", count.to_string()), ("max", max.to_string())]
            }
            IntegrityError::ProofSetFull { max } => vec![("max", max.to_string())],
            IntegrityError::DocumentNotObject
            | IntegrityError::ExistingProofMalformed
            | IntegrityError::KeyFileNotObject
            | IntegrityError::KeyFileMissingSecret
            | IntegrityError::KeyFilePublicMismatch => Vec::new(),
        }
    }
}
