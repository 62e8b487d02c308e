//! Calendar arithmetic on civil dates, as the rules count: inclusive day counts, anniversaries and rolling
//! months computed from the start (never chained), a missing day falling back to the month's last day.

use jiff::civil::Date;

/// Days since 1970-01-01 (proleptic Gregorian), for exact day counts.
pub fn ordinal(d: Date) -> i64 {
    // Howard Hinnant's days_from_civil.
    let (y, m, day) = (
        i64::from(d.year()),
        i64::from(d.month()),
        i64::from(d.day()),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Days from `a` to `b`, both included (1 when they are the same day).
pub fn days_inclusive(a: Date, b: Date) -> i64 {
    ordinal(b) - ordinal(a) + 1
}

/// `d` plus `n` months; 31 January + 1 month is the last day of February.
///
/// Callers keep dates within years 1900–2200, far from jiff's limits.
pub fn add_months(d: Date, n: i32) -> Date {
    let months = i32::from(d.year()) * 12 + i32::from(d.month()) - 1 + n;
    let (year, month) = (months.div_euclid(12), months.rem_euclid(12) + 1);
    let (Ok(year), Ok(month)) = (i16::try_from(year), i8::try_from(month)) else {
        return d;
    };
    Date::new(year, month, d.day().min(days_in_month(year, month))).unwrap_or(d)
}

fn days_in_month(year: i16, month: i8) -> i8 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The date of a day number of [`ordinal`] (the inverse of its algorithm), `None` out of range.
fn from_ordinal(n: i64) -> Option<Date> {
    let z = n + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()
}

/// `d` plus `n` years; 29 February + 1 year is 28 February.
pub fn add_years(d: Date, n: i32) -> Date {
    add_months(d, n * 12)
}

/// `d` plus `n` days.
pub fn add_days(d: Date, n: i64) -> Date {
    // The rules step a few days or about a year at a time: walk the months rather than count days.
    if n.abs() > 400 {
        return n
            .checked_add(ordinal(d))
            .and_then(from_ordinal)
            .unwrap_or(d);
    }
    let (mut year, mut month, mut day) = (d.year(), d.month(), i64::from(d.day()) + n);
    while day > i64::from(days_in_month(year, month)) {
        day -= i64::from(days_in_month(year, month));
        (year, month) = if month == 12 {
            (year + 1, 1)
        } else {
            (year, month + 1)
        };
    }
    while day < 1 {
        (year, month) = if month == 1 {
            (year - 1, 12)
        } else {
            (year, month - 1)
        };
        day += i64::from(days_in_month(year, month));
    }
    Date::new(year, month, day as i8).unwrap_or(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use jiff::Span;

    #[test]
    fn ordinal_matches_jiff_day_counts() {
        let a = date(2025, 9, 1);
        for n in [0, 1, 59, 365, 366, 1000, 20_000] {
            let b = add_days(a, n);
            assert_eq!(ordinal(b) - ordinal(a), n, "{a} + {n} = {b}");
        }
        assert_eq!(ordinal(date(1970, 1, 1)), 0);
    }

    #[test]
    fn add_days_agrees_with_jiff() {
        let mut d = date(1899, 12, 25);
        while d < date(2205, 1, 1) {
            for n in [-800, -366, -365, -31, -1, 0, 1, 27, 30, 59, 365, 366, 1000] {
                let expected = d.checked_add(Span::new().days(n)).unwrap();
                assert_eq!(add_days(d, n), expected, "{d} + {n} days");
            }
            d = d.checked_add(Span::new().days(13)).unwrap();
        }
        assert_eq!(add_days(date(9999, 12, 31), 1), date(9999, 12, 31));
    }

    #[test]
    fn add_months_agrees_with_jiff() {
        let mut d = date(2019, 1, 1);
        while d < date(2031, 1, 1) {
            for n in [-36, -13, -3, -1, 0, 1, 2, 6, 11, 12, 13, 24, 48] {
                let expected = d.checked_add(Span::new().months(n)).unwrap();
                assert_eq!(add_months(d, n), expected, "{d} + {n} months");
            }
            d = add_days(d, 1);
        }
    }

    #[test]
    fn anniversaries_and_months_fall_back_to_the_last_day() {
        assert_eq!(add_years(date(2024, 2, 29), 1), date(2025, 2, 28));
        assert_eq!(add_years(date(2024, 2, 29), 4), date(2028, 2, 29));
        assert_eq!(add_months(date(2025, 1, 31), 1), date(2025, 2, 28));
        assert_eq!(add_months(date(2024, 1, 31), 1), date(2024, 2, 29));
        assert_eq!(add_months(date(2025, 1, 31), 2), date(2025, 3, 31));
        assert_eq!(days_inclusive(date(2025, 9, 1), date(2026, 6, 3)), 276);
    }
}
