//! Money: exact EUR amounts as [`Decimal`], parsed strictly and written in documents as
//! strings with exactly two decimals ("12.50"). Never floats.
//!
//! Parsing accepts plain decimal text (`12`, `12.5`, `12.50`), at most 12 integer digits
//! and at most 2 decimals. A sign, an exponent, spaces, a comma or anything else is a
//! problem, not a guess; empty text is its own problem ("empty", not "malformed"). JSON
//! numbers are accepted through their shortest text, under the same rules, so `12.5`
//! works and `1e3` does not.
//!
//! What a person types into a form is wider: [`amount_from_input`] turns "1 234,50"
//! (Latvian: spaces, also no-break ones, between thousands and a decimal comma),
//! "1,234.50" (English grouping) and "1234.50" alike into the document form "1234.50"
//! before anything is stored, so documents stay strict.

use rust_decimal::{Decimal, RoundingStrategy};

/// Largest number of integer digits an amount may have (under a trillion euros).
pub const MAX_INTEGER_DIGITS: usize = 12;

/// Why a text is not an acceptable amount. Each maps to a `problem.money.*` key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MoneyError {
    /// Nothing (or only spaces) where an amount is required.
    Empty,
    /// Not decimal text at all.
    Malformed,
    /// A minus sign: amounts here are never negative.
    Negative,
    /// More than two decimals.
    TooManyDecimals,
    /// More than [`MAX_INTEGER_DIGITS`] integer digits.
    TooLarge,
    /// Neither a string nor a number.
    WrongType,
}

impl MoneyError {
    /// The message key for this error.
    pub fn key(self) -> &'static str {
        match self {
            // One wording for an empty required field, whatever it holds.
            MoneyError::Empty => "problem.text.empty",
            MoneyError::Malformed => "problem.money.malformed",
            MoneyError::Negative => "problem.money.negative",
            MoneyError::TooManyDecimals => "problem.money.too_many_decimals",
            MoneyError::TooLarge => "problem.money.too_large",
            MoneyError::WrongType => "problem.money.wrong_type",
        }
    }
}

/// Parses a non-negative EUR amount with at most two decimals.
pub fn parse_money(text: &str) -> Result<Decimal, MoneyError> {
    parse_decimal_text(text, 2, MAX_INTEGER_DIGITS)
}

/// Parses a non-negative decimal with at most `max_decimals` decimals and
/// `max_integer_digits` integer digits. Shared by money and weights.
pub fn parse_decimal_text(
    text: &str,
    max_decimals: usize,
    max_integer_digits: usize,
) -> Result<Decimal, MoneyError> {
    if text.trim().is_empty() {
        return Err(MoneyError::Empty);
    }
    if let Some(rest) = text.strip_prefix('-') {
        // Only call it "negative" when the rest is a number; "-abc" is just malformed.
        return if !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
            Err(MoneyError::Negative)
        } else {
            Err(MoneyError::Malformed)
        };
    }
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text, None),
    };
    if int_part.is_empty() || !int_part.bytes().all(|b| b.is_ascii_digit()) {
        return Err(MoneyError::Malformed);
    }
    if let Some(f) = frac_part {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return Err(MoneyError::Malformed);
        }
        if f.len() > max_decimals {
            return Err(MoneyError::TooManyDecimals);
        }
    }
    let significant = int_part.trim_start_matches('0');
    if significant.len() > max_integer_digits {
        return Err(MoneyError::TooLarge);
    }
    // The text is now short and purely decimal, so this cannot overflow Decimal's 28 digits.
    Decimal::from_str_exact(text).map_err(|_| MoneyError::Malformed)
}

/// The characters a person may put between groups of thousands: spaces, including the
/// no-break space (U+00A0) and the narrow no-break space (U+202F) that Latvian number
/// formatting uses, and the thin space (U+2009).
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Whether `int` is digits grouped by `sep` in the usual way: 1–3 digits, then groups of
/// exactly three ("1,234,567"), so a mistyped "12,34" is not silently read as 1234.
fn grouped_by(int: &str, sep: char) -> bool {
    let mut groups = int.split(sep);
    let first_ok = groups
        .next()
        .is_some_and(|g| (1..=3).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()));
    first_ok && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

/// Turns an amount as typed into a form into the text a document stores: spaces between
/// thousands dropped, and the decimal separator, a comma or a point, written as a point.
/// "1 234,50", "1234,50", "1,234.50", "1.234,50" and "1234.50" all become "1234.50".
///
/// When both a comma and a point occur, the last one is the decimal separator and the
/// other must group thousands properly; one kind occurring once is the decimal
/// separator; one kind occurring more than once must group thousands. Anything else is
/// returned trimmed but otherwise as typed, so validation reports what the user wrote
/// ([`parse_money`] then says why). Never panics.
pub fn amount_from_input(text: &str) -> String {
    let trimmed = text.trim();
    let compact: String = trimmed.chars().filter(|c| !is_group_space(*c)).collect();
    let commas = compact.matches(',').count();
    let points = compact.matches('.').count();
    // Where the decimal separator is, and which character groups thousands.
    let (decimal_at, group) = match (commas, points) {
        (0, 0) => return compact,
        (1, 0) | (0, 1) => (compact.find([',', '.']), None),
        (_, 0) => (None, Some(',')),
        (0, _) => (None, Some('.')),
        _ => match compact.rfind([',', '.']) {
            Some(at) if compact[at..].starts_with(',') => (Some(at), Some('.')),
            at => (at, Some(',')),
        },
    };
    let (int, frac) = match decimal_at {
        Some(at) => (&compact[..at], Some(&compact[at + 1..])),
        None => (compact.as_str(), None),
    };
    let int = match group {
        Some(sep) if grouped_by(int, sep) => int.replace(sep, ""),
        Some(_) => return trimmed.to_string(),
        None => int.to_string(),
    };
    match frac {
        Some(f) => format!("{int}.{f}"),
        None => int,
    }
}

/// Parses an amount given as a JSON value: a string, or a number through its text.
pub fn money_from_json(value: &serde_json::Value) -> Result<Decimal, MoneyError> {
    match value {
        serde_json::Value::String(s) => parse_money(s),
        serde_json::Value::Number(n) => parse_money(&n.to_string()),
        _ => Err(MoneyError::WrongType),
    }
}

/// Rounds to cents, half away from zero. Used only where a documented rule says so.
pub fn round_cents(amount: Decimal) -> Decimal {
    amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// Rounds down to whole cents (towards zero).
pub fn floor_cents(amount: Decimal) -> Decimal {
    amount.round_dp_with_strategy(2, RoundingStrategy::ToZero)
}

/// Writes an amount with exactly two decimals, e.g. `12.50`. Amounts with more decimals
/// are rounded to cents first (half away from zero).
pub fn money_string(amount: Decimal) -> String {
    let mut rounded = round_cents(amount);
    rounded.rescale(2);
    rounded.to_string()
}

/// Whether a text is an amount in the document form: digits, a point, two digits.
pub fn is_document_money(text: &str) -> bool {
    match text.split_once('.') {
        Some((i, f)) => {
            !i.is_empty()
                && i.bytes().all(|b| b.is_ascii_digit())
                && f.len() == 2
                && f.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_plain_amounts_and_rejects_everything_else() {
        let ok = [
            ("12", "12"),
            ("12.5", "12.5"),
            ("0.01", "0.01"),
            ("007.10", "7.10"),
        ];
        for (text, want) in ok {
            assert_eq!(
                parse_money(text).map(|d| d.to_string()),
                Ok(want.to_string()),
                "{text}"
            );
        }
        let bad = [
            ("", MoneyError::Empty),
            ("  ", MoneyError::Empty),
            ("-1", MoneyError::Negative),
            ("-x", MoneyError::Malformed),
            ("+1", MoneyError::Malformed),
            ("1,50", MoneyError::Malformed),
            (" 1", MoneyError::Malformed),
            ("1.", MoneyError::Malformed),
            (".5", MoneyError::Malformed),
            ("1e3", MoneyError::Malformed),
            ("NaN", MoneyError::Malformed),
            ("inf", MoneyError::Malformed),
            ("1.005", MoneyError::TooManyDecimals),
            (
                "1234567890123456789012345678901234567890",
                MoneyError::TooLarge,
            ),
            ("1000000000000", MoneyError::TooLarge),
        ];
        for (text, want) in bad {
            assert_eq!(parse_money(text), Err(want), "{text:?}");
        }
        assert!(parse_money("999999999999.99").is_ok());
    }

    #[test]
    fn typed_amounts_in_either_language_become_document_text() {
        let nbsp = "1\u{a0}234,50";
        let narrow = "1\u{202f}234,50";
        for typed in [
            "1 234,50",
            "1234,50",
            "1234.50",
            " 1234.50 ",
            "1,234.50",
            "1.234,50",
            nbsp,
            narrow,
        ] {
            assert_eq!(amount_from_input(typed), "1234.50", "{typed:?}");
            assert_eq!(
                parse_money(&amount_from_input(typed)).map(|d| d.to_string()),
                Ok("1234.50".to_string())
            );
        }
        assert_eq!(amount_from_input("1 234 567"), "1234567");
        assert_eq!(amount_from_input("1,234,567.5"), "1234567.5");
        assert_eq!(amount_from_input("1.234.567"), "1234567");
        assert_eq!(amount_from_input("12"), "12");
        assert_eq!(amount_from_input(""), "");
        // Not a guess: badly grouped or doubled separators stay as typed, and are reported.
        for typed in ["12,34.5", "1,2,3", "1.2,3.4", "1,,5"] {
            assert_eq!(amount_from_input(typed), typed);
            assert_eq!(
                parse_money(&amount_from_input(typed)),
                Err(MoneyError::Malformed)
            );
        }
        assert_eq!(
            parse_money(&amount_from_input("1,005")),
            Err(MoneyError::TooManyDecimals)
        );
        assert_eq!(
            parse_money(&amount_from_input("-1 234,50")),
            Err(MoneyError::Negative)
        );
        assert_eq!(
            parse_money(&amount_from_input("   ")),
            Err(MoneyError::Empty)
        );
    }

    #[test]
    fn writes_exactly_two_decimals() {
        for (text, want) in [
            ("12", "12.00"),
            ("12.5", "12.50"),
            ("0", "0.00"),
            ("3.14", "3.14"),
        ] {
            let d = parse_money(text).unwrap();
            assert_eq!(money_string(d), want);
            assert!(is_document_money(&money_string(d)));
        }
        assert_eq!(money_string(Decimal::new(12345, 3)), "12.35");
        assert!(!is_document_money("12.5"));
    }

    #[test]
    fn json_numbers_follow_the_same_rules() {
        assert!(money_from_json(&serde_json::json!(12.5)).is_ok());
        assert_eq!(
            money_from_json(&serde_json::json!(-1)),
            Err(MoneyError::Negative)
        );
        assert_eq!(
            money_from_json(&serde_json::json!(true)),
            Err(MoneyError::WrongType)
        );
        assert_eq!(
            money_from_json(&serde_json::json!(1e40)),
            Err(MoneyError::Malformed)
        );
    }
}
