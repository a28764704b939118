//! Verification under a trust list in words (issue 13, item 3): the verify screen's lines
//! for each proof's verdict, the price list, the signing rule and the overall verdict, from
//! [`crate::engine::trust::TrustReport`]; and the trust list's own summary. Role codes
//! become names through a function the caller passes (the reference data's names and the
//! catalogue's), times stay as the list and the proofs give them. Pure, tested natively.

use crate::engine::json::{parse_strict, StrictJsonError};
use crate::engine::problem::Problem;
use crate::engine::trust::{
    load_trust_list, ListSignature, PriceListCheck, PriceListStatus, RuleCheck, TrustList,
    TrustReport, TrustVerdict, TrustedProof,
};
use crate::i18n::{t_in, Lang, TRUST_PART};

/// A message (the trust screens' rows, then the catalogue) with its placeholders filled.
pub fn tf(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    let mut text = t_in(TRUST_PART, lang, key).to_string();
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// Reads a trust list file's text: strict JSON, then [`load_trust_list`] (its shape and
/// its own signature, by a listed head of the social service). Problems carry pointers.
pub fn read_list_text(text: &str) -> Result<(TrustList, ListSignature), Vec<Problem>> {
    let value = parse_strict(text).map_err(|e| match e {
        StrictJsonError::Syntax(_) => vec![Problem::new("", "exchange.error.not_json")],
        StrictJsonError::Duplicate(d) => vec![d.problem()],
    })?;
    load_trust_list(&value, None)
}

/// A problem in words, with its pointer in front when it has one: "/signers/0/id: …".
pub fn problem_words(lang: Lang, problem: &Problem) -> String {
    let params: Vec<(&str, &str)> = problem
        .params
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let message = tf(lang, &problem.key, &params);
    if problem.path.is_empty() {
        message
    } else {
        format!("{}: {message}", problem.path)
    }
}

/// A line of the report: whether it holds (for its icon and class), and the words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// Whether this part of the verdict holds.
    pub ok: bool,
    /// The words.
    pub text: String,
}

/// The words of one proof under the list: its verdict, and (when the same key signed an
/// earlier proof) that the signer is counted once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProofWords {
    /// 1-based number of the proof in the document.
    pub number: usize,
    /// The verdict as a short code (`trusted`, `unknownKey`, …), for the page's classes.
    pub class: &'static str,
    /// Whether it counts as a trusted signature (trusted, or a duplicate of one counted).
    pub ok: bool,
    /// The verdict in words.
    pub text: String,
    /// "Signed with the same key as number N …", when it was.
    pub same_key: Option<String>,
}

fn verdict_class(verdict: TrustVerdict) -> &'static str {
    match verdict {
        TrustVerdict::Trusted => "trusted",
        TrustVerdict::UnknownKey => "unknown-key",
        TrustVerdict::OutsideValidity => "outside-validity",
        TrustVerdict::Revoked => "revoked",
        TrustVerdict::Invalid => "invalid",
        TrustVerdict::Duplicate => "duplicate",
    }
}

/// The words of one proof.
pub fn proof_words(
    lang: Lang,
    proof: &TrustedProof,
    role_name: &dyn Fn(&str) -> String,
) -> ProofWords {
    let params: Vec<(String, String)> = proof
        .params
        .iter()
        .map(|(name, value)| {
            if name == "role" {
                (name.clone(), role_name(value))
            } else {
                (name.clone(), value.clone())
            }
        })
        .collect();
    let params: Vec<(&str, &str)> = params
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    ProofWords {
        number: proof.index + 1,
        class: verdict_class(proof.verdict),
        ok: matches!(
            proof.verdict,
            TrustVerdict::Trusted | TrustVerdict::Duplicate
        ),
        text: tf(lang, proof.message_key, &params),
        same_key: proof.same_key_as.map(|i| {
            tf(
                lang,
                "trust.proof.same_key",
                &[("index", &(i + 1).to_string())],
            )
        }),
    }
}

/// The price list line.
pub fn price_list_line(lang: Lang, check: &PriceListCheck) -> Line {
    let params: Vec<(&str, &str)> = check
        .params
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    Line {
        ok: check.status == PriceListStatus::Official,
        text: tf(lang, check.message_key, &params),
    }
}

/// Role codes as names, joined with commas.
fn names(roles: &[String], role_name: &dyn Fn(&str) -> String) -> String {
    roles
        .iter()
        .map(|r| role_name(r))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The signing rule line: complete (naming the roles), or the roles missing.
pub fn rule_line(lang: Lang, rule: &RuleCheck, role_name: &dyn Fn(&str) -> String) -> Line {
    let text = if rule.complete {
        tf(
            lang,
            "trust.rule.complete",
            &[("roles", &names(&rule.required, role_name))],
        )
    } else {
        tf(
            lang,
            "trust.rule.incomplete",
            &[("missing", &names(&rule.missing, role_name))],
        )
    };
    Line {
        ok: rule.complete,
        text,
    }
}

/// The overall verdict under the list of `issuer`. Valid only when the engine says so
/// (every proof trusted or a duplicate, the price list official, the rule complete) and,
/// for a plan, its result recomputes (`recomputes`).
pub fn verdict_line(lang: Lang, report: &TrustReport, issuer: &str, recomputes: bool) -> Line {
    let ok = report.valid && recomputes;
    let key = if ok {
        "trust.verdict.valid"
    } else {
        "trust.verdict.not_valid"
    };
    Line {
        ok,
        text: tf(lang, key, &[("issuer", issuer)]),
    }
}

/// What a verification without a trust list checked: integrity only, in the app's words.
pub fn integrity_only(lang: Lang) -> &'static str {
    t_in(TRUST_PART, lang, "trust_ui.integrity_only")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::trust::RuleCheck;

    fn role(code: &str) -> String {
        match code {
            "social_worker" => "Social worker".into(),
            "rehab_physician" => "Rehabilitation physician".into(),
            other => other.to_string(),
        }
    }

    fn proof(
        index: usize,
        verdict: TrustVerdict,
        key: &'static str,
        params: &[(&str, &str)],
    ) -> TrustedProof {
        TrustedProof {
            index,
            verdict,
            fingerprint: Some("AAAA-BBBB-CCCC".into()),
            name: None,
            role: None,
            created: None,
            duplicate_of: None,
            same_key_as: None,
            message_key: key,
            params: params
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
        }
    }

    #[test]
    fn each_verdict_has_its_words_with_the_role_named() {
        let trusted = proof(
            0,
            TrustVerdict::Trusted,
            "trust.proof.trusted",
            &[("name", "Anna Bērziņa"), ("role", "social_worker")],
        );
        let words = proof_words(Lang::En, &trusted, &role);
        assert_eq!(words.number, 1);
        assert!(words.ok);
        assert_eq!(words.text, "valid, signed by Anna Bērziņa (Social worker)");
        let unknown = proof(
            1,
            TrustVerdict::UnknownKey,
            "trust.proof.unknown_key",
            &[("fingerprint", "AAAA-BBBB-CCCC")],
        );
        let words = proof_words(Lang::En, &unknown, &role);
        assert!(!words.ok);
        assert_eq!(words.class, "unknown-key");
        assert!(words.text.contains("AAAA-BBBB-CCCC"), "{}", words.text);
        let mut again = proof(
            2,
            TrustVerdict::Trusted,
            "trust.proof.trusted",
            &[("name", "Anna"), ("role", "social_worker")],
        );
        again.same_key_as = Some(0);
        let words = proof_words(Lang::Lv, &again, &role);
        assert_eq!(
            words.same_key.as_deref(),
            Some("parakstīts ar to pašu atslēgu, kas nr. 1; parakstītājs tiek skaitīts vienreiz")
        );
        let duplicate = proof(
            3,
            TrustVerdict::Duplicate,
            "trust.proof.duplicate",
            &[("index", "1")],
        );
        let words = proof_words(Lang::En, &duplicate, &role);
        assert!(words.ok);
        assert_eq!(words.text, "the same proof as number 1; counted once");
        for (verdict, key) in [
            (
                TrustVerdict::OutsideValidity,
                "trust.proof.outside_validity",
            ),
            (TrustVerdict::Revoked, "trust.proof.revoked"),
            (TrustVerdict::Invalid, "integrity.status.invalid"),
        ] {
            let words = proof_words(Lang::En, &proof(0, verdict, key, &[]), &role);
            assert!(!words.ok);
            assert!(!words.text.is_empty());
        }
    }

    #[test]
    fn the_rule_names_missing_roles_and_the_verdict_needs_everything() {
        let rule = RuleCheck {
            required: vec!["social_worker".into(), "rehab_physician".into()],
            missing: vec!["rehab_physician".into()],
            complete: false,
            message_key: "trust.rule.incomplete",
            params: Vec::new(),
        };
        let line = rule_line(Lang::En, &rule, &role);
        assert!(!line.ok);
        assert_eq!(
            line.text,
            "Signing rule not met: missing Rehabilitation physician."
        );
        let complete = RuleCheck {
            missing: Vec::new(),
            complete: true,
            ..rule.clone()
        };
        assert_eq!(
            rule_line(Lang::En, &complete, &role).text,
            "Signing rule met: signed by Social worker, Rehabilitation physician."
        );
        let report = TrustReport {
            proofs: Vec::new(),
            price_list: None,
            rule: complete,
            valid: true,
        };
        assert!(verdict_line(Lang::En, &report, "Cēsis", true).ok);
        let line = verdict_line(Lang::En, &report, "Cēsis", false);
        assert!(!line.ok);
        assert_eq!(line.text, "NOT VALID under the trust list of Cēsis");
        assert!(!integrity_only(Lang::Lv).is_empty());
    }

    #[test]
    fn a_bad_trust_list_file_is_explained_with_pointers() {
        let problems = read_list_text("{not json").unwrap_err();
        assert_eq!(problems[0].key, "exchange.error.not_json");
        let problems = read_list_text(r#"{"schema":"ib-trust/1","schema":"x"}"#).unwrap_err();
        assert!(problem_words(Lang::En, &problems[0]).starts_with("/schema: "));
        let problems = read_list_text(
            r#"{"schema":"ib-trust/1","issuer":"X","signers":[{"id":"nope"}],"priceLists":[],"rule":{"roles":[]}}"#,
        )
        .unwrap_err();
        let words: Vec<String> = problems
            .iter()
            .map(|p| problem_words(Lang::En, p))
            .collect();
        assert!(
            words.iter().any(|w| w.starts_with("/signers/0/id: ")),
            "{words:?}"
        );
        assert!(
            words.iter().any(|w| w.starts_with("/rule/roles: ")),
            "{words:?}"
        );
        assert!(
            words.iter().all(|w| !w.contains(crate::i18n::MISSING)),
            "{words:?}"
        );
    }

    #[test]
    fn the_price_list_line_says_whether_it_is_the_official_one() {
        let check = PriceListCheck {
            status: PriceListStatus::NotOfficial,
            version: Some("2025.1".into()),
            digest: Some("ab".into()),
            official_digest: Some("cd".into()),
            message_key: "trust.price_list.not_official",
            params: vec![
                ("version".into(), "2025.1".into()),
                ("digest".into(), "ab".into()),
                ("official".into(), "cd".into()),
            ],
        };
        let line = price_list_line(Lang::En, &check);
        assert!(!line.ok);
        assert!(line
            .text
            .starts_with("Price list 2025.1: NOT the official one"));
    }
}
