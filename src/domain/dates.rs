//! Dates and times as users type them (ISO, Danish, words) and as the app shows them.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

/// Danish weekday names, Monday first, lower case as Danish writes them.
pub const WEEKDAYS_DA: [&str; 7] = [
    "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
];
pub const WEEKDAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

pub fn weekday_name(d: Weekday, danish: bool) -> &'static str {
    let i = d.num_days_from_monday() as usize;
    if danish {
        WEEKDAYS_DA[i]
    } else {
        WEEKDAYS_EN[i]
    }
}

pub fn weekday_short(d: Weekday, danish: bool) -> &'static str {
    const DA: [&str; 7] = ["man", "tir", "ons", "tor", "fre", "lør", "søn"];
    const EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let i = d.num_days_from_monday() as usize;
    if danish { DA[i] } else { EN[i] }
}

/// 23.11.2026 in Danish, 2026-11-23 in English.
pub fn fmt_date(d: NaiveDate, danish: bool) -> String {
    if danish {
        d.format("%d.%m.%Y").to_string()
    } else {
        d.format("%Y-%m-%d").to_string()
    }
}

/// 10.30 in Danish, 10:30 in English.
pub fn fmt_time(t: NaiveTime, danish: bool) -> String {
    if danish {
        t.format("%H.%M").to_string()
    } else {
        t.format("%H:%M").to_string()
    }
}

/// The contract's machine form of a local date and time: `2026-11-23T10:30`.
pub fn fmt_iso_minute(t: NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M").to_string()
}

/// The stored form (sortable text, seconds included).
///
/// Written by hand: every row read or written goes through this and `from_db`, and chrono's
/// format strings are interpreted anew on each call (a tenth of the generator's time).
pub fn to_db(t: NaiveDateTime) -> String {
    use chrono::Timelike;
    let y = t.year();
    if !(0..=9999).contains(&y) {
        return t.format("%Y-%m-%dT%H:%M:%S").to_string();
    }
    let mut b = [0u8; 19];
    let put = |b: &mut [u8; 19], at: usize, v: u32, digits: usize| {
        let mut v = v;
        for i in (0..digits).rev() {
            b[at + i] = b'0' + (v % 10) as u8;
            v /= 10;
        }
    };
    put(&mut b, 0, y as u32, 4);
    b[4] = b'-';
    put(&mut b, 5, t.month(), 2);
    b[7] = b'-';
    put(&mut b, 8, t.day(), 2);
    b[10] = b'T';
    put(&mut b, 11, t.hour(), 2);
    b[13] = b':';
    put(&mut b, 14, t.minute(), 2);
    b[16] = b':';
    // A leap second (nanosecond ≥ 1e9) is shown as second 60, as chrono does.
    put(&mut b, 17, t.second() + t.nanosecond() / 1_000_000_000, 2);
    // Only ASCII digits and separators were written.
    String::from_utf8(b.to_vec()).unwrap_or_default()
}

pub fn from_db(s: &str) -> Option<NaiveDateTime> {
    if let Some(t) = from_db_fast(s.as_bytes()) {
        return Some(t);
    }
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S")
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M"))
        .ok()
}

/// The stored form exactly (`YYYY-MM-DDTHH:MM:SS` or without seconds), without chrono's parser.
fn from_db_fast(b: &[u8]) -> Option<NaiveDateTime> {
    if b.len() != 19 && b.len() != 16 {
        return None;
    }
    let num = |at: usize, n: usize| -> Option<u32> {
        b[at..at + n].iter().try_fold(0u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    if b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[13] != b':' {
        return None;
    }
    let sec = if b.len() == 19 {
        if b[16] != b':' {
            return None;
        }
        num(17, 2)?
    } else {
        0
    };
    NaiveDate::from_ymd_opt(num(0, 4)? as i32, num(5, 2)?, num(8, 2)?)?.and_hms_opt(
        num(11, 2)?,
        num(14, 2)?,
        sec,
    )
}

/// The first and the last year a date may be in: everywhere a date is typed or imported, a year
/// outside 2000–2099 is refused (a two-digit year is 20yy).
pub const FIRST_YEAR: i32 = 2000;
pub const LAST_YEAR: i32 = 2099;

/// Whether `year` is one the app takes dates in ([`FIRST_YEAR`]–[`LAST_YEAR`]).
pub fn year_in_range(year: i32) -> bool {
    (FIRST_YEAR..=LAST_YEAR).contains(&year)
}

/// Whether `d` is in a year the app takes.
pub fn in_range(d: NaiveDate) -> bool {
    year_in_range(d.year())
}

/// "01.01.2200 er ikke en dato: året skal ligge i 2000–2099", naming what was typed.
pub(in crate::domain) fn year_problem(raw: &str) -> super::quickadd::Problem {
    years_problem(raw, raw)
}

/// As [`year_problem`], with the date written in each language's way.
pub(in crate::domain) fn years_problem(da: &str, en: &str) -> super::quickadd::Problem {
    super::quickadd::Problem::new(
        format!("{da} er ikke en dato: året skal ligge i {FIRST_YEAR}–{LAST_YEAR}"),
        format!("{en} is not a date: the year must be {FIRST_YEAR}–{LAST_YEAR}"),
    )
}

/// The same for a date in English, for messages that are English only (a JSON file's rows).
pub fn year_outside(d: NaiveDate) -> String {
    format!(
        "{} is outside the years {FIRST_YEAR}–{LAST_YEAR}",
        d.format("%Y-%m-%d")
    )
}

/// Monday of the ISO week that holds `d`.
pub fn week_start(d: NaiveDate) -> NaiveDate {
    d - Duration::days(d.weekday().num_days_from_monday() as i64)
}

/// The next working day after `d`: Monday to Friday and no day off in the default calendar
/// (the public holidays and the default local days off, see [`super::workdays`]). Code that has
/// the user's config uses [`super::workdays::Calendar::next_working_day`] instead.
pub fn next_working_day(d: NaiveDate) -> NaiveDate {
    super::workdays::default_calendar().next_working_day(d)
}

/// Whether `d` is a working day in the default calendar.
pub fn is_working_day(d: NaiveDate) -> bool {
    super::workdays::default_calendar().is_working_day(d)
}

/// `d` when it is a working day, else the last working day before it, in the default calendar
/// (a deadline that falls on a day off moves back to it).
pub fn last_working_day_on_or_before(d: NaiveDate) -> NaiveDate {
    super::workdays::default_calendar().last_working_day_on_or_before(d)
}

/// The months' names, January first (Danish in lower case, as Danish writes them).
pub const MONTHS_DA: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];
pub const MONTHS_EN: [&str; 12] = [
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_form_round_trips_and_matches_chrono() {
        let mut t = NaiveDate::from_ymd_opt(1999, 12, 31)
            .and_then(|d| d.and_hms_opt(23, 59, 58))
            .unwrap_or_default();
        for _ in 0..2000 {
            let s = to_db(t);
            assert_eq!(s, t.format("%Y-%m-%dT%H:%M:%S").to_string());
            assert_eq!(from_db(&s), Some(t));
            t += Duration::minutes(7919);
        }
        assert_eq!(
            from_db("2026-11-23T10:30"),
            NaiveDate::from_ymd_opt(2026, 11, 23).and_then(|d| d.and_hms_opt(10, 30, 0))
        );
        assert_eq!(from_db("2026-02-30T10:30:00"), None);
        assert_eq!(from_db("2026-11-23T24:00:00"), None);
        assert_eq!(from_db("2026-11-23 10:30:00"), None);
        assert_eq!(from_db(""), None);
    }

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap_or_default()
    }

    #[test]
    fn danish_and_english_formats() {
        assert_eq!(fmt_date(d(2026, 11, 23), true), "23.11.2026");
        assert_eq!(fmt_date(d(2026, 11, 23), false), "2026-11-23");
        let t = NaiveTime::from_hms_opt(10, 30, 0).unwrap_or_default();
        assert_eq!(fmt_time(t, true), "10.30");
        assert_eq!(weekday_name(Weekday::Mon, true), "mandag");
        assert_eq!(next_working_day(d(2026, 11, 27)), d(2026, 11, 30));
        // The default calendar knows the Danish days off.
        assert_eq!(next_working_day(d(2026, 12, 24)), d(2026, 12, 28));
        assert_eq!(
            last_working_day_on_or_before(d(2026, 12, 26)),
            d(2026, 12, 23)
        );
        assert!(!is_working_day(d(2026, 5, 14)));
    }
}
