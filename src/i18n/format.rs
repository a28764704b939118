//! Locale-aware display of money and dates: `1 234,56 €` and `dd.mm.gggg.` in Latvian,
//! `€1,234.56` and `22 November 2026` in English. Display only: documents keep money as
//! two-decimal strings and dates as ISO 8601.

use super::Lang;
use rust_decimal::{Decimal, RoundingStrategy};

/// The no-break space used between digit groups and before the euro sign, so a sum never
/// wraps across lines.
const NBSP: char = '\u{a0}';

/// Formats an amount in euros, rounded half away from zero to cents.
pub fn format_money(lang: Lang, amount: Decimal) -> String {
    let rounded = amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    let text = format!("{:.2}", rounded.abs());
    let (int_part, frac_part) = text.split_once('.').unwrap_or((text.as_str(), "00"));
    let (group_sep, decimal_sep) = match lang {
        Lang::Lv => (NBSP, ','),
        Lang::En => (',', '.'),
    };
    let mut grouped = String::with_capacity(int_part.len() + int_part.len() / 3);
    for (i, digit) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            grouped.push(group_sep);
        }
        grouped.push(digit);
    }
    let sign = if negative { "−" } else { "" };
    match lang {
        Lang::Lv => format!("{sign}{grouped}{decimal_sep}{frac_part}{NBSP}€"),
        Lang::En => format!("{sign}€{grouped}{decimal_sep}{frac_part}"),
    }
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Formats a calendar date given as year, month (1–12) and day. Out-of-range parts are
/// shown as numbers rather than rejected: validation happens elsewhere.
pub fn format_date(lang: Lang, year: i32, month: u32, day: u32) -> String {
    match lang {
        Lang::Lv => format!("{day:02}.{month:02}.{year}."),
        Lang::En => match MONTHS_EN.get((month as usize).wrapping_sub(1)) {
            Some(name) => format!("{day} {name} {year}"),
            None => format!("{year}-{month:02}-{day:02}"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("test literal")
    }

    #[test]
    fn money_in_latvian_groups_with_no_break_spaces_and_a_comma() {
        assert_eq!(format_money(Lang::Lv, d("1234.56")), "1\u{a0}234,56\u{a0}€");
        assert_eq!(format_money(Lang::Lv, d("0")), "0,00\u{a0}€");
        assert_eq!(
            format_money(Lang::Lv, d("1234567.005")),
            "1\u{a0}234\u{a0}567,01\u{a0}€"
        );
    }

    #[test]
    fn money_in_english_puts_the_euro_sign_first() {
        assert_eq!(format_money(Lang::En, d("1234.56")), "€1,234.56");
        assert_eq!(format_money(Lang::En, d("999.999")), "€1,000.00");
        assert_eq!(format_money(Lang::En, d("-12.5")), "−€12.50");
    }

    #[test]
    fn dates_follow_each_language() {
        assert_eq!(format_date(Lang::Lv, 2026, 3, 1), "01.03.2026.");
        assert_eq!(format_date(Lang::En, 2026, 3, 1), "1 March 2026");
        assert_eq!(format_date(Lang::En, 2026, 13, 1), "2026-13-01");
    }
}
