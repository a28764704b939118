//! Messages of the trust list (`engine::trust`): its problem keys and the verdicts of
//! verification under a trust list. `tests/engine_messages.rs` checks every problem key
//! of the engine; `engine::trust::MESSAGES` lists the rest.

/// The trust list's messages.
pub static TRUST: &[(&str, &str, &str)] = &[
    // Problems in a trust list.
    ("problem.trust.schema", "Šis nav uzticamo parakstītāju saraksts (“schema” ir “{found}”, jābūt “ib-trust/1”).", "This is not a trust list (“schema” is “{found}”, it must be “ib-trust/1”)."),
    ("problem.trust.unknown_field", "Lauks “{field}” uzticamo parakstītāju sarakstā nav paredzēts.", "The field “{field}” has no place in a trust list."),
    ("problem.trust.not_did_key", "“{value}” nav did:key Ed25519 atslēga (did:key:z6Mk…).", "“{value}” is not an Ed25519 did:key (did:key:z6Mk…)."),
    ("problem.trust.signer_duplicate", "Atslēga {id} sarakstā ir vairākas reizes.", "The key {id} is listed more than once."),
    ("problem.trust.date_time", "Laikam jābūt RFC 3339 formā ar laika joslu, piemēram, 2026-01-01T00:00:00Z, bet ir “{value}”.", "The time must be RFC 3339 with a time zone, e.g. 2026-01-01T00:00:00Z, but is “{value}”."),
    ("problem.trust.validity_order", "Derīguma beigām ({until}) jābūt vēlākām par sākumu ({from}).", "The end of validity ({until}) must be later than its start ({from})."),
    ("problem.trust.digest_malformed", "Cenrāža nospiedumam jābūt 64 heksadecimālām rakstzīmēm (mazajiem burtiem).", "The price-list digest must be 64 hexadecimal characters (lower case)."),
    ("problem.trust.price_list_duplicate", "Cenrāža versija “{version}” sarakstā ir vairākas reizes.", "The price-list version “{version}” is listed more than once."),
    ("problem.trust.rule_empty", "Parakstīšanas noteikumam jānosauc vismaz viena loma.", "The signing rule must name at least one role."),
    ("problem.trust.rule_duplicate", "Loma “{role}” parakstīšanas noteikumā ir vairākas reizes.", "The role “{role}” appears more than once in the signing rule."),
    ("problem.trust.unsigned", "Uzticamo parakstītāju saraksts nav parakstīts.", "The trust list is not signed."),
    ("problem.trust.not_signed_by_head", "Sarakstu nav parakstījis neviens tajā norādīts parakstītājs ar lomu “{role}”, kas parakstīšanas brīdī bija derīgs.", "The list is not signed by any signer it names with the role “{role}” who was valid when signing."),
    ("problem.trust.not_signed_by_pinned", "Sarakstu nav parakstījusi norādītā atslēga {fingerprint}.", "The list is not signed by the given key {fingerprint}."),
    // Verification under a trust list.
    ("trust.proof.trusted", "derīgs, parakstījis {name} ({role})", "valid, signed by {name} ({role})"),
    ("trust.proof.unknown_key", "paraksts derīgs, bet atslēga {fingerprint} nav uzticamo parakstītāju sarakstā", "the signature is valid, but the key {fingerprint} is not on the trust list"),
    ("trust.proof.outside_validity", "paraksts derīgs, bet {name} ({role}) to veidojis {created}, ārpus derīguma laika ({from} – {until})", "the signature is valid, but {name} ({role}) made it at {created}, outside their validity ({from} – {until})"),
    ("trust.proof.revoked", "paraksts derīgs, bet {name} ({role}) atslēga ir atsaukta no {revoked}", "the signature is valid, but the key of {name} ({role}) is revoked from {revoked}"),
    ("trust.proof.duplicate", "tas pats paraksts, kas nr. {index}; tiek skaitīts vienreiz", "the same proof as number {index}; counted once"),
    ("trust.proof.same_key", "parakstīts ar to pašu atslēgu, kas nr. {index}; parakstītājs tiek skaitīts vienreiz", "signed with the same key as number {index}; the signer is counted once"),
    ("trust.price_list.official", "Cenrādis {version}: oficiālais (nospiedums sakrīt ar sarakstā norādīto).", "Price list {version}: the official one (its digest matches the trust list)."),
    ("trust.price_list.not_official", "Cenrādis {version}: NAV oficiālais — tā nospiedums {digest} atšķiras no sarakstā norādītā {official}; cenas ir mainītas.", "Price list {version}: NOT the official one — its digest {digest} differs from the trust list's {official}; the prices were changed."),
    ("trust.price_list.unknown_version", "Cenrādis {version}: sarakstā nav oficiāla šīs versijas cenrāža.", "Price list {version}: the trust list has no official price list of this version."),
    ("trust.price_list.missing", "Plānā nav nolasāma cenrāža.", "The plan has no readable price list."),
    ("trust.rule.complete", "Parakstīšanas noteikums izpildīts: parakstījuši {roles}.", "Signing rule met: signed by {roles}."),
    ("trust.rule.incomplete", "Parakstīšanas noteikums nav izpildīts: trūkst {missing}.", "Signing rule not met: missing {missing}."),
    ("trust.list.signed_by", "Uzticamo parakstītāju saraksts: {issuer}; parakstījis {name} ({role}), atslēga {fingerprint}.", "Trust list of {issuer}, signed by {name} ({role}), key {fingerprint}."),
    ("trust.list.signed_by_pinned", "Uzticamo parakstītāju saraksts: {issuer}; parakstījusi norādītā atslēga {fingerprint}.", "Trust list of {issuer}, signed by the given key {fingerprint}."),
    ("trust.verdict.valid", "DERĪGS saskaņā ar uzticamo parakstītāju sarakstu: {issuer}", "VALID under the trust list of {issuer}"),
    ("trust.verdict.not_valid", "NAV DERĪGS saskaņā ar uzticamo parakstītāju sarakstu: {issuer}", "NOT VALID under the trust list of {issuer}"),
    ("trust.integrity_only", "Pārbaudīta tikai integritāte: bez uzticamo parakstītāju saraksta (--trust) netika pārbaudīts, kas parakstīja, vai cenrādis ir oficiālais un vai parakstījuši visi vajadzīgie.", "Checked integrity only: without a trust list (--trust) it was not checked who signed, whether the price list is the official one or whether everyone required signed."),
];
