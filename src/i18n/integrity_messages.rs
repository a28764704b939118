//! Messages for signatures and verification: proof states, key problems, recomputation.
//! Every key `crate::engine::integrity::messages` lists has a row here; a test there
//! keeps it so.

/// The signature and verification messages.
pub static INTEGRITY: &[(&str, &str, &str)] = &[
    // Proof states and the verification summary.
    ("integrity.status.valid", "derīgs", "valid"),
    ("integrity.status.invalid", "nederīgs", "invalid"),
    ("integrity.status.unsupported", "neatbalstīts", "unsupported"),
    (
        "integrity.report.no_proofs",
        "Dokumentam nav neviena paraksta, tāpēc tas nav pārbaudīts.",
        "The document carries no proof, so it is not verified.",
    ),
    (
        "integrity.report.verified",
        "Visi paraksti ir derīgi (pavisam {count}).",
        "Every proof is valid ({count} in all).",
    ),
    (
        "integrity.report.not_verified",
        "Dokuments nav pārbaudīts: {valid} no {count} parakstiem ir derīgi.",
        "The document is not verified: {valid} of {count} proofs are valid.",
    ),
    (
        "integrity.report.proof_line",
        "Paraksts {index}: {status}; atslēga {fingerprint}, nolūks {purpose}, izveidots {created}",
        "Proof {index}: {status}; key {fingerprint}, purpose {purpose}, created {created}",
    ),
    // Recomputation of a plan.
    (
        "integrity.recompute.matches",
        "Plāns pārrēķināts: rezultāts sakrīt ar dokumentā ierakstīto.",
        "Plan recomputed: the result matches the one in the document.",
    ),
    (
        "integrity.recompute.differs",
        "Pārrēķinātais plāns atšķiras vietā {path}: dokumentā {embedded}, aprēķināts {recomputed}.",
        "The recomputed plan differs at {path}: the document has {embedded}, the engine computes {recomputed}.",
    ),
    (
        "integrity.recompute.not_a_plan",
        "Dokuments nav plāns, tāpēc tas netika pārrēķināts.",
        "The document is not a plan, so it was not recomputed.",
    ),
    (
        "integrity.recompute.unsupported_schema",
        "Plāna shēma {schema} nav atbalstīta, tāpēc plānu nevar pārrēķināt.",
        "Plan schema {schema} is not supported, so the plan cannot be recomputed.",
    ),
    (
        "integrity.recompute.invalid",
        "Plāna ievaddati nav derīgi, tāpēc plānu nevar pārrēķināt.",
        "The plan's inputs are not valid, so the plan cannot be recomputed.",
    ),
    // Documents.
    (
        "integrity.document.not_object",
        "Dokumentam jābūt JSON objektam.",
        "The document must be a JSON object.",
    ),
    (
        "integrity.document.bad_proof_member",
        "Dokumenta lauks “proof” nav ne paraksta objekts, ne šādu objektu saraksts.",
        "The document's “proof” member is neither a proof object nor a list of them.",
    ),
    (
        "integrity.document.canonicalization",
        "Dokumentu nevar pārvērst kanoniskā formā: {reason}",
        "The document cannot be canonicalized: {reason}",
    ),
    (
        "integrity.document.too_many_proofs",
        "Dokumentā ir {count} paraksti; atļauti ne vairāk kā {max}, tāpēc neviens paraksts netika pārbaudīts.",
        "The document has {count} signatures; at most {max} are allowed, so no signature was checked.",
    ),
    (
        "integrity.document.proof_set_full",
        "Dokumentā jau ir {max} paraksti, vairāk nav atļauts; jaunu parakstu pievienot nevar.",
        "The document already has {max} signatures, the most allowed; no signature can be added.",
    ),
    // Keys and key files.
    (
        "integrity.key.not_base58btc",
        "{field} nav base58btc multibāzes virkne (tai jāsākas ar “z”).",
        "{field} is not a base58btc multibase string (it must start with “z”).",
    ),
    (
        "integrity.key.bad_base58",
        "{field} satur rakstzīmes, kas nav base58btc alfabētā.",
        "{field} contains characters outside the base58btc alphabet.",
    ),
    (
        "integrity.key.wrong_multicodec",
        "{field} ir {found} atslēga, bet vajadzīga {expected}.",
        "{field} is a {found} key, but {expected} is needed.",
    ),
    (
        "integrity.key.wrong_length",
        "{field} satur {found} baitus atslēgas, bet vajag tieši 32.",
        "{field} holds {found} bytes of key material, but exactly 32 are needed.",
    ),
    (
        "integrity.key.not_on_curve",
        "{field} nav derīga Ed25519 publiskā atslēga.",
        "{field} is not a valid Ed25519 public key.",
    ),
    (
        "integrity.keyfile.not_object",
        "Atslēgas failam jābūt JSON objektam.",
        "The key file must be a JSON object.",
    ),
    (
        "integrity.keyfile.missing_secret",
        "Atslēgas failā nav ne “secretKeyMultibase”, ne “privateKeyMultibase”.",
        "The key file has neither “secretKeyMultibase” nor “privateKeyMultibase”.",
    ),
    (
        "integrity.keyfile.field_not_string",
        "Atslēgas faila laukam {field} jābūt teksta virknei.",
        "The key file's {field} must be a string.",
    ),
    (
        "integrity.keyfile.public_mismatch",
        "Atslēgas faila “publicKeyMultibase” nepieder tā slepenajai atslēgai.",
        "The key file's “publicKeyMultibase” does not belong to its secret key.",
    ),
    // Proofs.
    (
        "integrity.proof.bad_created",
        "Laiks “{value}” nav RFC 3339 datums un laiks ar laika joslu.",
        "The time “{value}” is not an RFC 3339 date-time with a time zone.",
    ),
    (
        "integrity.proof.bad_purpose",
        "Paraksta nolūks “{value}” nav viens vārds.",
        "The proof purpose “{value}” is not a single word.",
    ),
    (
        "integrity.proof.not_object",
        "Paraksts nav JSON objekts.",
        "The proof is not a JSON object.",
    ),
    (
        "integrity.proof.field_not_string",
        "Paraksta laukam {field} jābūt teksta virknei.",
        "The proof's {field} must be a string.",
    ),
    (
        "integrity.proof.missing_field",
        "Parakstam trūkst lauka {field}.",
        "The proof lacks {field}.",
    ),
    (
        "integrity.proof.unknown_type",
        "Paraksta veids {type} netiek atbalstīts.",
        "Proof type {type} is not supported.",
    ),
    (
        "integrity.proof.unknown_cryptosuite",
        "Kriptokomplekts {cryptosuite} netiek atbalstīts.",
        "Cryptosuite {cryptosuite} is not supported.",
    ),
    (
        "integrity.proof.chain_unsupported",
        "Parakstu ķēdes (“previousProof”) netiek atbalstītas.",
        "Proof chains (“previousProof”) are not supported.",
    ),
    (
        "integrity.proof.method_not_did_key",
        "Verifikācijas metodi {method} nevar atrisināt: atbalstītas tikai did:key metodes.",
        "Verification method {method} cannot be resolved: only did:key methods are supported.",
    ),
    (
        "integrity.proof.method_mismatch",
        "Verifikācijas metodes fragments nosauc citu atslēgu nekā did:key identifikators.",
        "The verification method's fragment names another key than its did:key identifier.",
    ),
    (
        "integrity.proof.bad_proof_value",
        "Paraksta vērtība “proofValue” nav base58btc multibāzes virkne.",
        "The proof's “proofValue” is not a base58btc multibase string.",
    ),
    (
        "integrity.proof.bad_signature_length",
        "Paraksta garums ir {found} baiti, bet Ed25519 parakstam jābūt 64 baitiem.",
        "The signature is {found} bytes long, but an Ed25519 signature has 64.",
    ),
    (
        "integrity.proof.context_mismatch",
        "Paraksta “@context” neatbilst dokumenta “@context” sākumam.",
        "The proof's “@context” does not match the start of the document's “@context”.",
    ),
    (
        "integrity.proof.signature_mismatch",
        "Paraksts neatbilst: dokuments vai paraksts ir mainīts pēc parakstīšanas.",
        "The signature does not match: the document or the proof was changed after signing.",
    ),
];
