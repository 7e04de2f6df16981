//! Dates from the parts of a line: a full date, a date without a year, a week and weekday, the
//! weekday of next week; each with the problem that names the impossible part.

use crate::domain::dates::{MONTHS_DA, MONTHS_EN};
use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::{Problem, show};
use crate::domain::dates::{week_start, year_in_range, year_problem};

/// How far back a date without a year may lie before it means next year's.
const YEARLESS_LOOKBACK_DAYS: i64 = 30;

/// A date with its year, or the problem naming the part.
pub(in crate::domain) fn full_date(
    year: i32,
    month: u32,
    day: u32,
    raw: &str,
) -> Result<NaiveDate, Problem> {
    if !(1..=12).contains(&month) {
        return Err(Problem::new(
            format!("{} er ikke en dato: der er ingen måned {month}", show(raw)),
            format!("{} is not a date: there is no month {month}", show(raw)),
        ));
    }
    if !year_in_range(year) {
        return Err(year_problem(&show(raw)));
    }
    NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| no_such_day(raw, month, day, Some(year)))
}

fn no_such_day(raw: &str, month: u32, day: u32, year: Option<i32>) -> Problem {
    let i = (month as usize).saturating_sub(1) % 12;
    let (da_y, en_y) = match year {
        Some(y) => (format!(" {y}"), format!(" {y}")),
        None => (String::new(), String::new()),
    };
    Problem::new(
        format!(
            "{} er ikke en dato: der er ingen {day}. {}{da_y}",
            show(raw),
            MONTHS_DA[i]
        ),
        format!(
            "{} is not a date: {}{en_y} has no day {day}",
            show(raw),
            MONTHS_EN[i]
        ),
    )
}

/// A day and month without a year: the first such date on or after `YEARLESS_LOOKBACK_DAYS`
/// ago (so also last December's in early January).
pub(in crate::domain) fn yearless_date(
    day: u32,
    month: u32,
    today: NaiveDate,
    raw: &str,
) -> Result<NaiveDate, Problem> {
    if !(1..=12).contains(&month) {
        return full_date(today.year(), month, day, raw);
    }
    let earliest = today - Duration::days(YEARLESS_LOOKBACK_DAYS);
    (-1..=4)
        .filter_map(|k| NaiveDate::from_ymd_opt(today.year() + k, month, day))
        .find(|d| *d >= earliest)
        .ok_or_else(|| no_such_day(raw, month, day, None))
}

/// The weekday `wd` in the week after the one holding `today`.
pub(in crate::domain) fn in_next_week(today: NaiveDate, wd: Weekday) -> NaiveDate {
    week_start(today) + Duration::days(7 + i64::from(wd.num_days_from_monday()))
}

/// Weekday `wd` of ISO week `w`: of `year`, or without a year of the next week `w` that has not
/// ended yet.
pub(in crate::domain) fn week_date(
    w: u32,
    year: Option<i32>,
    wd: Weekday,
    today: NaiveDate,
    raw: &str,
) -> Result<NaiveDate, Problem> {
    if !(1..=53).contains(&w) {
        return Err(Problem::new(
            format!("{} findes ikke: uger går fra 1 til 53", show(raw)),
            format!("There is no {}: weeks go 1–53", show(raw)),
        ));
    }
    let no_week = |y: i32| {
        Problem::new(
            format!("{y} har ingen uge {w}"),
            format!("{y} has no week {w}"),
        )
    };
    match year {
        Some(y) if !year_in_range(y) => Err(year_problem(&show(raw))),
        Some(y) => NaiveDate::from_isoywd_opt(y, w, wd).ok_or_else(|| no_week(y)),
        None => {
            let this = today.iso_week().year();
            [this, this + 1]
                .into_iter()
                .filter_map(|y| NaiveDate::from_isoywd_opt(y, w, Weekday::Sun).map(|s| (y, s)))
                .find(|(_, sunday)| *sunday >= today)
                .and_then(|(y, _)| NaiveDate::from_isoywd_opt(y, w, wd))
                .ok_or_else(|| no_week(this + 1))
        }
    }
}
