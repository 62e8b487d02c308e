//! Calendar arithmetic on civil dates, as the rules count: inclusive day counts, anniversaries and rolling
//! months computed from the start (never chained), a missing day falling back to the month's last day.

use jiff::civil::Date;
use jiff::SignedDuration;

// Neri and Schneider, "Euclidean affine functions and their application to calendar algorithms" (2022): no
// branch and no division but by constants. jiff uses the same algorithm, but its public day count
// (`Date::duration_until`) costs 3 % more instructions per quote (DESIGN.md, "Why day numbers by hand?"). Years are shifted by 400 × 82 so that every operand is unsigned.
const SHIFT_YEARS: u32 = 400 * 82;
const SHIFT_DAYS: u32 = 719_468 + 146_097 * 82;

/// Days since 1970-01-01 (proleptic Gregorian), for exact day counts.
pub fn ordinal(d: Date) -> i64 {
    let (year, month, day) = (d.year() as u32, d.month() as u32, d.day() as u32);
    let january_or_february = month <= 2;
    let y = year
        .wrapping_add(SHIFT_YEARS)
        .wrapping_sub(u32::from(january_or_february));
    let m = if january_or_february {
        month + 12
    } else {
        month
    };
    let century = y / 100;
    let days = 1461 * y / 4 - century + century / 4 + (979 * m - 2919) / 32 + day - 1;
    i64::from(days.wrapping_sub(SHIFT_DAYS) as i32)
}

/// `d` as French users write it, 30/09/2026 (not jiff's strftime: its formatter weighs tens of KB in the page).
pub fn french_date(d: Date) -> String {
    format!("{:02}/{:02}/{}", d.day(), d.month(), d.year())
}

/// Days from `a` to `b`, both included (1 when they are the same day).
pub fn days_inclusive(a: Date, b: Date) -> i64 {
    ordinal(b) - ordinal(a) + 1
}

/// `d` plus `n` months; 31 January + 1 month is the last day of February.
///
/// Callers keep dates within years 1900–2200, far from jiff's limits.
pub fn add_months(d: Date, n: i32) -> Date {
    let months = i32::from(d.month()) - 1 + n;
    // Most steps stay within the year or move whole years; the division by 12 is for the rest.
    let (year, month) = if (0..12).contains(&months) {
        (i32::from(d.year()), months + 1)
    } else {
        (
            i32::from(d.year()) + months.div_euclid(12),
            months.rem_euclid(12) + 1,
        )
    };
    let (Ok(year), Ok(month)) = (i16::try_from(year), i8::try_from(month)) else {
        return d;
    };
    let day = match d.day() {
        day @ 1..=28 => day,
        day => day.min(days_in_month(year, month)),
    };
    Date::new(year, month, day).unwrap_or(d)
}

fn days_in_month(year: i16, month: i8) -> i8 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The age in whole years on `day` of someone born on `birth` (a birthday counts from its day).
pub fn age_on(birth: Date, day: Date) -> i32 {
    let mut age = i32::from(day.year()) - i32::from(birth.year());
    if (day.month(), day.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    age
}

/// `d` plus `n` years; 29 February + 1 year is 28 February.
pub fn add_years(d: Date, n: i32) -> Date {
    add_months(d, n * 12)
}

/// The day before `d` (`d` itself at jiff's first day).
#[inline]
pub fn day_before(d: Date) -> Date {
    // jiff's step builds the date without validating it again.
    d.yesterday().unwrap_or(d)
}

/// The day after `d` (`d` itself at jiff's last day).
#[inline]
pub fn day_after(d: Date) -> Date {
    d.tomorrow().unwrap_or(d)
}

/// `d` plus `n` days.
pub fn add_days(d: Date, n: i64) -> Date {
    // The rules step a day or a few weeks (an advance 30 days after a start): within the month or into a
    // neighbouring one, no day number is needed.
    let (year, month, day) = (d.year(), d.month(), i64::from(d.day()) + n);
    let near = if (1..=28).contains(&day) {
        Some((year, month, day))
    } else if (-27..=0).contains(&day) {
        let (year, month) = if month == 1 {
            (year - 1, 12)
        } else {
            (year, month - 1)
        };
        Some((year, month, day + i64::from(days_in_month(year, month))))
    } else if (29..=59).contains(&day) {
        let length = i64::from(days_in_month(year, month));
        Some(match day - length {
            ..=0 => (year, month, day),
            _ if month == 12 => (year + 1, 1, day - length),
            _ => (year, month + 1, day - length),
        })
    } else {
        None
    };
    match near {
        Some((year, month, day)) => Date::new(year, month, day as i8).unwrap_or(d),
        None => n
            .checked_mul(24)
            .and_then(|hours| d.checked_add(SignedDuration::from_hours(hours)).ok())
            .unwrap_or(d),
    }
}

/// Why a written date cannot be read ([`read_french`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unread {
    /// Not a day, a month and a year in a form French users write.
    Unreadable,
    /// A day the calendar lacks (30 February).
    NotInCalendar,
}

/// The French month names, in lower case and without accents (texts are folded before the comparison).
pub const MONTHS: [&str; 12] = [
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
];

/// Reads a date as French users write it: `20/11/2026`, `20-11-2026`, `20.11.2026`, `20/11/26`,
/// `20 novembre 2026` (`1er`, abbreviations such as `nov.` and letters without accents too), `20112026` (a
/// phone's numeric keypad has no slash) or `2026-11-20`.
///
/// A two-digit year is 2000–2069 from `00` to `69` and 1970–1999 from `70` to `99` (POSIX's `%y`): the
/// contracts are all after 2000 and an apprentice born in 1998 may write `98`.
pub fn read_french(text: &str) -> Result<Date, Unread> {
    let text = text.trim();
    // Eight figures, as a phone's numeric keypad without a slash types them.
    if text.len() == 8 && text.bytes().all(|b| b.is_ascii_digit()) {
        return read_french(&[&text[..2], &text[2..4], &text[4..]].join("/"));
    }
    let mut parts = [""; 3];
    let mut count = 0;
    for part in text
        .split(['/', '-', '.', ',', ' ', '\u{a0}'])
        .filter(|p| !p.is_empty())
    {
        *parts.get_mut(count).ok_or(Unread::Unreadable)? = part;
        count += 1;
    }
    if count != 3 {
        return Err(Unread::Unreadable);
    }
    let (y, m, d) = if parts[0].len() == 4 {
        (
            number(parts[0], 4, 4),
            number(parts[1], 1, 2),
            number(parts[2], 1, 2),
        )
    } else {
        let day = parts[0].strip_suffix("er").unwrap_or(parts[0]);
        let year = match number(parts[2], 2, 4) {
            Some(y) if parts[2].len() == 2 => Some(if y < 70 { 2000 + y } else { 1900 + y }),
            Some(_) if parts[2].len() == 3 => None,
            y => y,
        };
        let month = number(parts[1], 1, 2).or_else(|| month_named(parts[1]));
        (year, month, number(day, 1, 2))
    };
    let (Some(y), Some(m), Some(d)) = (y, m, d) else {
        return Err(Unread::Unreadable);
    };
    Date::new(y, m as i8, d as i8).map_err(|_| Unread::NotInCalendar)
}

/// `text` as a number of `min` to `max` ASCII digits.
fn number(text: &str, min: usize, max: usize) -> Option<i16> {
    ((min..=max).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.bytes().fold(0, |n, b| n * 10 + i16::from(b - b'0')))
}

/// The month (1–12) of a French name or of the unambiguous start of one (`nov`, `fév`, `juil`).
fn month_named(text: &str) -> Option<i16> {
    let folded: String = crate::case::lowercase(text)
        .chars()
        .map(|c| match c {
            'é' | 'è' | 'ê' => 'e',
            'û' | 'ù' => 'u',
            c => c,
        })
        .collect();
    if folded.len() < 3 {
        return None;
    }
    let mut matching = (1..)
        .zip(MONTHS)
        .filter(|(_, name)| name.starts_with(&folded));
    match (matching.next(), matching.next()) {
        (Some((n, _)), None) => Some(n),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use jiff::Span;

    #[test]
    fn dates_read_as_french_users_type_them() {
        let day = Ok(date(2026, 11, 20));
        for text in [
            "20/11/2026",
            "20-11-2026",
            "20.11.2026",
            "20/11/26",
            "20 novembre 2026",
            "20 Novembre 2026",
            "20 nov. 2026",
            "20 NOV 2026",
            " 20 / 11 / 2026 ",
            "2026-11-20",
            "20112026",
            "20,11,2026",
        ] {
            assert_eq!(read_french(text), day, "{text}");
        }
        assert_eq!(read_french("1er février 2027"), Ok(date(2027, 2, 1)));
        assert_eq!(read_french("1 fevrier 27"), Ok(date(2027, 2, 1)));
        assert_eq!(read_french("15 août 2026"), Ok(date(2026, 8, 15)));
        assert_eq!(read_french("3 décembre 2025"), Ok(date(2025, 12, 3)));
        assert_eq!(read_french("5/3/98"), Ok(date(1998, 3, 5)));
        assert_eq!(read_french("5/3/69"), Ok(date(2069, 3, 5)));
        assert_eq!(read_french("1/9/2025"), Ok(date(2025, 9, 1)));
    }

    #[test]
    fn what_is_not_a_date_is_told_apart_from_a_day_the_calendar_lacks() {
        for text in [
            "",
            "20",
            "20/11",
            "20/11/2026/1",
            "20/13/2026x",
            "2/11/202",
            "20 ju 2026",
            "20 jui 2026",
            "20 nombre 2026",
            "aujourd'hui",
            "20/11/20266",
            "+20/11/2026",
        ] {
            assert_eq!(read_french(text), Err(Unread::Unreadable), "{text}");
        }
        for text in [
            "30/02/2026",
            "31 avril 2026",
            "29/02/25",
            "2026-13-01",
            "00/01/2026",
        ] {
            assert_eq!(read_french(text), Err(Unread::NotInCalendar), "{text}");
        }
    }

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
    fn every_day_of_jiff_has_the_next_day_number_and_its_neighbours() {
        let (mut d, mut n) = (Date::MIN, ordinal(Date::MIN));
        while d < Date::MAX {
            assert_eq!(
                ordinal(d),
                d.duration_since(Date::MIN).as_hours() / 24 + ordinal(Date::MIN)
            );
            let tomorrow = d.tomorrow().unwrap();
            assert_eq!(add_days(d, 1), tomorrow);
            assert_eq!(add_days(tomorrow, -1), d);
            assert_eq!(day_after(d), tomorrow);
            assert_eq!(day_before(tomorrow), d);
            d = tomorrow;
            n += 1;
            assert_eq!(ordinal(d), n, "{d}");
        }
        assert_eq!(
            (day_after(Date::MAX), day_before(Date::MIN)),
            (Date::MAX, Date::MIN)
        );
        assert_eq!(ordinal(date(2000, 3, 1)) - ordinal(date(2000, 2, 28)), 2);
    }

    #[test]
    fn steps_of_up_to_two_months_agree_with_jiff() {
        let mut d = date(1999, 12, 1);
        while d < date(2005, 3, 1) {
            for n in -62..=62 {
                let expected = d.checked_add(Span::new().days(n)).unwrap();
                assert_eq!(add_days(d, n), expected, "{d} + {n} days");
            }
            d = d.tomorrow().unwrap();
        }
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
