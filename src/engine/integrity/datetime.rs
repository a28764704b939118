//! Date-times of proofs: checking `created` values and formatting a given instant.
//!
//! Pure: the engine never reads the clock. The caller passes the instant in (the CLI
//! reads the system clock, the browser reads `Date.now()`).

/// Whether `text` is an RFC 3339 date-time with a time zone, which is also an XML Schema
/// `dateTimeStamp` as Data Integrity requires: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`.
/// Calendar fields are checked (month lengths, leap years); a leap second (`:60`) is
/// accepted as RFC 3339 allows.
///
/// ```
/// use ib_planner::engine::integrity::is_date_time_stamp;
/// assert!(is_date_time_stamp("2023-02-24T23:36:38Z"));
/// assert!(!is_date_time_stamp("2023-02-30T23:36:38Z"));
/// assert!(!is_date_time_stamp("2023-02-24T23:36:38"));
/// ```
pub fn is_date_time_stamp(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.len() < 20 || !bytes.is_ascii() {
        return false;
    }
    let number = |from: usize, len: usize| -> Option<u32> {
        let part = bytes.get(from..from + len)?;
        if part.iter().all(u8::is_ascii_digit) {
            Some(part.iter().fold(0, |acc, d| acc * 10 + u32::from(d - b'0')))
        } else {
            None
        }
    };
    let at = |i: usize, c: u8| bytes.get(i) == Some(&c);
    let fields = (
        number(0, 4),
        number(5, 2),
        number(8, 2),
        number(11, 2),
        number(14, 2),
        number(17, 2),
    );
    let (Some(year), Some(month), Some(day), Some(hour), Some(minute), Some(second)) = fields
    else {
        return false;
    };
    if !(at(4, b'-') && at(7, b'-') && at(13, b':') && at(16, b':')) {
        return false;
    }
    if !(at(10, b'T') || at(10, b't')) {
        return false;
    }
    if !(1..=12).contains(&month)
        || day == 0
        || day > days_in_month(year, month)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return false;
    }
    let mut rest = &bytes[19..];
    if let Some(fraction) = rest.strip_prefix(b".") {
        let digits = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 {
            return false;
        }
        rest = &fraction[digits..];
    }
    match rest {
        [b'Z'] | [b'z'] => true,
        [sign, h1, h2, b':', m1, m2] if *sign == b'+' || *sign == b'-' => {
            let all_digits = [h1, h2, m1, m2].iter().all(|b| b.is_ascii_digit());
            let hours = u32::from(h1.wrapping_sub(b'0')) * 10 + u32::from(h2.wrapping_sub(b'0'));
            let minutes = u32::from(m1.wrapping_sub(b'0')) * 10 + u32::from(m2.wrapping_sub(b'0'));
            all_digits && hours <= 23 && minutes <= 59
        }
        _ => false,
    }
}

fn is_leap_year(year: u32) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Formats seconds since the Unix epoch as `YYYY-MM-DDTHH:MM:SSZ` (UTC), the form the
/// proofs use for `created`. Instants before year 0 or after 9999 are clamped to
/// those years' bounds so the output always has four year digits.
///
/// ```
/// use ib_planner::engine::integrity::format_unix_utc;
/// assert_eq!(format_unix_utc(0), "1970-01-01T00:00:00Z");
/// assert_eq!(format_unix_utc(1_677_281_798), "2023-02-24T23:36:38Z");
/// ```
pub fn format_unix_utc(seconds: i64) -> String {
    // 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z.
    let seconds = seconds.clamp(-62_167_219_200, 253_402_300_799);
    let days = seconds.div_euclid(86_400);
    let of_day = seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        of_day / 3600,
        (of_day % 3600) / 60,
        of_day % 60
    )
}

/// The instant an RFC 3339 date-time stamp (see [`is_date_time_stamp`]) names, as
/// nanoseconds since the Unix epoch (fractions beyond nanoseconds are cut off; a leap
/// second counts as the first second of the next minute). `None` for any other text. Two
/// stamps in different zones compare correctly through it.
///
/// ```
/// use ib_planner::engine::integrity::instant_nanos;
/// assert_eq!(instant_nanos("1970-01-01T02:00:00+02:00"), Some(0));
/// assert!(instant_nanos("2026-01-01T00:00:00Z") < instant_nanos("2026-01-01T00:00:00.5Z"));
/// assert_eq!(instant_nanos("2026-01-01"), None);
/// ```
pub fn instant_nanos(text: &str) -> Option<i128> {
    if !is_date_time_stamp(text) {
        return None;
    }
    let bytes = text.as_bytes();
    let number = |from: usize, len: usize| -> i64 {
        bytes[from..from + len]
            .iter()
            .fold(0, |acc, d| acc * 10 + i64::from(d - b'0'))
    };
    let days = days_from_civil(number(0, 4), number(5, 2), number(8, 2));
    let seconds = days * 86_400 + number(11, 2) * 3600 + number(14, 2) * 60 + number(17, 2);
    let mut rest = &bytes[19..];
    let mut nanos: i128 = 0;
    if let Some(fraction) = rest.strip_prefix(b".") {
        let digits = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
        for (i, d) in fraction[..digits].iter().take(9).enumerate() {
            nanos += i128::from(d - b'0') * 10_i128.pow(8 - i as u32);
        }
        rest = &fraction[digits..];
    }
    let offset = match rest {
        [sign, ..] if *sign == b'+' || *sign == b'-' => {
            let minutes = number(bytes.len() - 5, 2) * 60 + number(bytes.len() - 2, 2);
            if *sign == b'+' {
                minutes * 60
            } else {
                -minutes * 60
            }
        }
        _ => 0,
    };
    Some(i128::from(seconds - offset) * 1_000_000_000 + nanos)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's civil-to-days).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let mp = if month > 2 { month - 3 } else { month + 9 };
    let day_of_year = (153 * mp + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's
/// well-known days-to-civil algorithm, written out here).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_rfc3339_with_zone() {
        for ok in [
            "2023-02-24T23:36:38Z",
            "2024-02-29T00:00:00Z",
            "2000-02-29T12:00:00.123456+02:00",
            "1999-12-31T23:59:60-05:30",
            "2025-01-01t00:00:00z",
        ] {
            assert!(is_date_time_stamp(ok), "{ok}");
        }
    }

    #[test]
    fn rejects_everything_else() {
        for bad in [
            "",
            "2023-02-24",
            "2023-02-24T23:36:38",
            "2023-02-24 23:36:38Z",
            "2023-13-01T00:00:00Z",
            "2023-02-29T00:00:00Z",
            "1900-02-29T00:00:00Z",
            "2023-04-31T00:00:00Z",
            "2023-01-01T24:00:00Z",
            "2023-01-01T00:60:00Z",
            "2023-01-01T00:00:61Z",
            "2023-01-01T00:00:00.Z",
            "2023-01-01T00:00:00+0200",
            "2023-01-01T00:00:00+24:00",
            "2023-01-01T00:00:00Zjunk",
            "2023-01-01T00:00:00ž",
            "+2023-01-01T00:00:00Z",
        ] {
            assert!(!is_date_time_stamp(bad), "{bad}");
        }
    }

    #[test]
    fn formats_instants_in_utc() {
        assert_eq!(format_unix_utc(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(format_unix_utc(-1), "1969-12-31T23:59:59Z");
        assert_eq!(format_unix_utc(i64::MAX), "9999-12-31T23:59:59Z");
        assert_eq!(format_unix_utc(i64::MIN), "0000-01-01T00:00:00Z");
        assert!(is_date_time_stamp(&format_unix_utc(1_750_000_000)));
    }

    #[test]
    fn instants_round_trip_and_respect_zones() {
        for seconds in [0_i64, -1, 951_782_400, 1_750_000_000, 253_402_300_799] {
            let text = format_unix_utc(seconds);
            assert_eq!(
                instant_nanos(&text),
                Some(i128::from(seconds) * 1_000_000_000)
            );
        }
        assert_eq!(
            instant_nanos("2026-03-01T00:30:00+01:00"),
            instant_nanos("2026-02-28T23:30:00Z")
        );
        assert_eq!(
            instant_nanos("2026-03-01T00:00:00.123456789999Z"),
            instant_nanos("2026-03-01T00:00:00Z").map(|n| n + 123_456_789)
        );
        assert_eq!(instant_nanos("yesterday"), None);
    }
}
