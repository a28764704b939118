//! A small civil (proleptic Gregorian) date type: ISO `YYYY-MM-DD` parsing and writing,
//! month arithmetic and day counts. No clock: every date comes from the input.

use std::fmt;

/// Earliest year the planner accepts.
pub const MIN_YEAR: i32 = 1900;
/// Latest year the planner accepts.
pub const MAX_YEAR: i32 = 2200;

/// A calendar date. Ordering is chronological (fields compare year, month, day).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// A calendar month, e.g. a birth month `2016-04`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    /// The year.
    pub year: i32,
    /// The month, 1–12.
    pub month: u8,
}

/// Whether `year` is a Gregorian leap year.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in a month (`month` 1–12; anything else gives 0).
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

fn digits(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

impl Date {
    /// A date from its parts, if it exists and lies within [`MIN_YEAR`]..=[`MAX_YEAR`].
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses strict ISO 8601 calendar dates `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
            return None;
        }
        let year = digits(text.get(0..4)?)?;
        let month = digits(text.get(5..7)?)?;
        let day = digits(text.get(8..10)?)?;
        Date::new(
            i32::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }
    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }
    /// The day of the month.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Adds whole months; a day past the end of the target month becomes its last day
    /// (31 January + 1 month = 28/29 February). `None` outside the supported years.
    pub fn add_months(self, months: u32) -> Option<Date> {
        let index = i64::from(self.year) * 12 + i64::from(self.month) - 1 + i64::from(months);
        let year = i32::try_from(index.div_euclid(12)).ok()?;
        let month = u8::try_from(index.rem_euclid(12) + 1).ok()?;
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return None;
        }
        let day = self.day.min(days_in_month(year, month));
        Date::new(year, month, day)
    }

    /// Days since 1970-01-01 (negative before), by the civil-from-days inverse.
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date from a day count since 1970-01-01, if within the supported years.
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(
            i32::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    /// The previous day, if within the supported years.
    pub fn previous_day(self) -> Option<Date> {
        Date::from_days_since_epoch(self.days_since_epoch() - 1)
    }

    /// Whole days from `self` to `other` (negative when `other` is earlier).
    pub fn days_until(self, other: Date) -> i64 {
        other.days_since_epoch() - self.days_since_epoch()
    }

    /// Completed years of age on this date for someone born in `birth` (taken as the
    /// first day of that month).
    pub fn age_in_years(self, birth: YearMonth) -> i32 {
        let mut age = self.year - birth.year;
        if self.month < birth.month {
            age -= 1;
        }
        age
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl YearMonth {
    /// Parses `YYYY-MM` strictly, within the supported years.
    pub fn parse(text: &str) -> Option<YearMonth> {
        let bytes = text.as_bytes();
        if bytes.len() != 7 || bytes.get(4) != Some(&b'-') {
            return None;
        }
        let year = i32::try_from(digits(text.get(0..4)?)?).ok()?;
        let month = u8::try_from(digits(text.get(5..7)?)?).ok()?;
        Date::new(year, month, 1).map(|_| YearMonth { year, month })
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_only_real_iso_dates() {
        assert_eq!(
            Date::parse("2024-02-29").map(|d| d.to_string()),
            Some("2024-02-29".into())
        );
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-00-10",
            "2024-1-01",
            "24-01-01",
            "2024-01-32",
            "2024/01/01",
            "+024-01-01",
            "2024-01-0a",
            "1899-12-31",
            "2201-01-01",
            "",
            "2024-01-01T00",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert_eq!(
            YearMonth::parse("2016-04").map(|m| m.to_string()),
            Some("2016-04".into())
        );
        assert_eq!(YearMonth::parse("2016-4"), None);
    }

    #[test]
    fn month_arithmetic_clamps_to_month_end() {
        let d = |s| Date::parse(s).unwrap();
        assert_eq!(d("2025-01-31").add_months(1), Some(d("2025-02-28")));
        assert_eq!(d("2024-01-31").add_months(1), Some(d("2024-02-29")));
        assert_eq!(d("2025-09-01").add_months(6), Some(d("2026-03-01")));
        assert_eq!(d("2025-12-15").add_months(12), Some(d("2026-12-15")));
        assert_eq!(d("2200-12-01").add_months(1), None);
        assert_eq!(d("2026-03-01").previous_day(), Some(d("2026-02-28")));
        assert_eq!(d("2025-09-01").days_until(d("2026-03-01")), 181);
    }

    #[test]
    fn day_counts_round_trip() {
        let mut day = Date::parse("1900-01-01").unwrap().days_since_epoch();
        let end = Date::parse("2200-12-31").unwrap().days_since_epoch();
        assert_eq!(Date::parse("1970-01-01").unwrap().days_since_epoch(), 0);
        while day <= end {
            let date = Date::from_days_since_epoch(day).unwrap();
            assert_eq!(date.days_since_epoch(), day);
            day += 97;
        }
    }

    #[test]
    fn age_counts_completed_years() {
        let on = Date::parse("2025-09-01").unwrap();
        assert_eq!(on.age_in_years(YearMonth::parse("2020-09").unwrap()), 5);
        assert_eq!(on.age_in_years(YearMonth::parse("2020-10").unwrap()), 4);
    }
}
