//! The words of service provision, for the screens and for print: a guarantee letter's
//! text (Latvian, or English for reading) and a price difference in a sentence, from the
//! engine's data ([`crate::engine::provision`]) and the catalogue. Pure, tested natively;
//! the engine itself emits only keys and figures.

use crate::engine::date::Date;
use crate::engine::provision::{GuaranteeLetter, PriceDifference};
use crate::i18n::{format_date, format_money, t, tf, Lang};
use crate::plan_view::count_text;

fn date_text(lang: Lang, date: Date) -> String {
    format_date(
        lang,
        date.year(),
        u32::from(date.month()),
        u32::from(date.day()),
    )
}

/// A price difference in words: what the provider's price does to the funded units.
pub fn price_difference_text(lang: Lang, difference: &PriceDifference) -> String {
    tf(
        lang,
        difference.key,
        &[
            (
                "providerUnitPrice",
                &format_money(lang, difference.provider_unit_price),
            ),
            (
                "planUnitPrice",
                &format_money(lang, difference.plan_unit_price),
            ),
            (
                "unitsAtProviderPrice",
                &difference.units_at_provider_price.to_string(),
            ),
            ("fundedUnits", &difference.funded_units.to_string()),
        ],
    )
}

/// The text of a guarantee letter, line by line, in `lang`: title, number and date, the
/// provider, the guarantee, one line per service (units, unit price, amount, the days it
/// covers), the total, the plan it rests on (case pseudonym and digest, so the letter can
/// be checked against the plan) and the fields for the child's name and personal code,
/// which are filled in on paper and never stored.
pub fn letter_text(letter: &GuaranteeLetter, lang: Lang) -> Vec<String> {
    let mut out = vec![
        t(lang, "letter.title").to_string(),
        tf(
            lang,
            "letter.number",
            &[
                ("number", &letter.number),
                ("date", &date_text(lang, letter.date)),
            ],
        ),
        tf(
            lang,
            "letter.to",
            &[
                ("name", &letter.provider.name),
                ("registerNumber", &letter.provider.register_number),
            ],
        ),
        tf(
            lang,
            "letter.address",
            &[
                ("address", &letter.provider.address),
                ("contact", &letter.provider.contact),
            ],
        ),
        tf(
            lang,
            "letter.body",
            &[
                ("socialService", &letter.social_service),
                ("start", &date_text(lang, letter.period_start)),
                ("end", &date_text(lang, letter.period_end)),
            ],
        ),
    ];
    for s in &letter.services {
        let name = match lang {
            Lang::Lv => &s.name.lv,
            Lang::En => &s.name.en,
        };
        out.push(tf(
            lang,
            "letter.service",
            &[
                ("service", name),
                ("code", &s.code),
                ("count", &count_text(lang, s.unit, s.units)),
                ("price", &format_money(lang, s.unit_price)),
                ("amount", &format_money(lang, s.amount)),
                ("start", &date_text(lang, s.start)),
                ("end", &date_text(lang, s.end)),
            ],
        ));
    }
    out.push(tf(
        lang,
        "letter.total",
        &[("total", &format_money(lang, letter.total))],
    ));
    out.push(tf(
        lang,
        "letter.plan",
        &[("caseId", &letter.case_id), ("digest", &letter.plan_digest)],
    ));
    out.push(t(lang, "letter.child_fields").to_string());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::example::example_case_json;
    use crate::engine::json::parse_strict;
    use crate::engine::plan::plan_from_case_json;
    use crate::engine::providers::providers_from_json;
    use crate::engine::provision::{guarantee_letters, provision_report};
    use crate::engine::review::document_digest;
    use serde_json::json;

    fn letters() -> Vec<GuaranteeLetter> {
        let plan = plan_from_case_json(&example_case_json()).unwrap();
        let list = parse_strict(include_str!("../public/data/providers.example.json")).unwrap();
        let list = providers_from_json(&list, None).unwrap();
        let record = json!({
            "schema": "ib-provision/1",
            "planDigest": document_digest(&plan).unwrap(),
            "caseId": "CESIS-2025-017",
            "socialService": "Cēsu novada Sociālais dienests",
            "lines": [
                {"code": "SVC-PHYSIO", "provider": {"listed": "EX-0002"},
                 "arrangement": {"kind": "guaranteeLetter", "number": "GV-7", "date": "2025-08-25"}},
                {"code": "SVC-SUPPORTGROUP", "provider": {"listed": "EX-0002"},
                 "arrangement": {"kind": "guaranteeLetter", "number": "GV-7", "date": "2025-08-25"}}
            ]
        });
        let report = provision_report(&plan, &record, Some(&list)).unwrap();
        guarantee_letters(&report)
    }

    #[test]
    fn a_letter_reads_in_latvian_and_english_with_everything_it_must_say() {
        let letters = letters();
        assert_eq!(letters.len(), 1);
        let lv = letter_text(&letters[0], Lang::Lv);
        assert_eq!(lv[0], "Garantijas vēstule");
        assert_eq!(lv[1], "Nr. GV-7, 25.08.2025.");
        assert!(lv[2].contains("reģistra Nr. EX-0002"), "{}", lv[2]);
        assert!(
            lv[4].starts_with("Cēsu novada Sociālais dienests apliecina"),
            "{}",
            lv[4]
        );
        assert!(
            lv[4].contains("01.09.2025.") && lv[4].contains("28.02.2026."),
            "{}",
            lv[4]
        );
        // Physiotherapy at the provider's 26.00 €: 600 € buys 23 sessions.
        assert!(lv[5].contains("(SVC-PHYSIO): 23 "), "{}", lv[5]);
        assert!(lv[5].contains("26,00\u{a0}€ = 598,00\u{a0}€"), "{}", lv[5]);
        assert!(lv[7].contains("694,00\u{a0}€"), "{}", lv[7]);
        assert!(lv[8].contains("CESIS-2025-017") && lv[8].contains(&letters[0].plan_digest));
        assert!(lv[9].contains("Personas kods"));
        let en = letter_text(&letters[0], Lang::En);
        assert_eq!(en[1], "No. GV-7, 25 August 2025");
        assert!(
            en[5].contains("23 sessions × €26.00 = €598.00"),
            "{}",
            en[5]
        );
        assert!(en.iter().all(|l| !l.contains('{')), "{en:?}");
        assert!(lv.iter().all(|l| !l.contains('{')), "{lv:?}");
    }

    #[test]
    fn a_price_difference_reads_with_formatted_amounts() {
        let plan = plan_from_case_json(&example_case_json()).unwrap();
        let facts = crate::engine::provision::plan_facts(&plan).unwrap();
        let physio = facts.lines.iter().find(|l| l.code == "SVC-PHYSIO").unwrap();
        let diff =
            crate::engine::provision::price_difference(physio, rust_decimal::Decimal::new(2600, 2))
                .unwrap();
        assert_eq!(
            price_difference_text(Lang::En, &diff),
            "The provider's price €26.00 is higher than the plan's €25.00: the funded amount pays for only 23 of the 24 units."
        );
        assert!(price_difference_text(Lang::Lv, &diff).contains("26,00\u{a0}€"));
    }
}
