//! A recurring appointment (a series): how often, until when, and what happens on a day off.
//! Pure: the store keeps one row per occurrence (each can be moved, cancelled or marked on its
//! own) and one row for the series; this module says which dates a series has.
//!
//! ```text
//! pub fn occurrences(start: NaiveDateTime, rule: &Recurrence, calendar: &Calendar) -> Vec<Occurrence>
//! ```
//!
//! - `Weekly` and `EveryOtherWeek` repeat the start's weekday every 7 or 14 days.
//! - `MonthlyWeekday` repeats the start's weekday in the same week of the month: the start's
//!   "2nd Tuesday" gives every 2nd Tuesday; a start in the 5th week ("5th Thursday") gives the
//!   last such weekday of each month (RFC 5545 `BYDAY=-1TH`), so no month is skipped.
//! - A series ends at [`End::Until`] (that day included) or after [`End::Count`] occurrences
//!   (skipped ones included, as RFC 5545 counts them: an EXDATE does not add a date). A series
//!   is at most [`MAX_OCCURRENCES`] long.
//! - A date that is a day off (public holiday or local day off) is [`OnDayOff::Skip`]ped (the
//!   occurrence is listed with `skipped_for` set, so ICS can write it as EXDATE) or
//!   [`OnDayOff::Move`]d to the next working day that is not already an occurrence.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Weekday};
use serde::{Deserialize, Serialize};

use super::workdays::Calendar;

/// The longest series: five years of weekly visits.
pub const MAX_OCCURRENCES: usize = 261;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    Weekly,
    EveryOtherWeek,
    MonthlyWeekday,
}

impl Frequency {
    /// The command line's word (`--every week|2weeks|month`).
    pub fn key(self) -> &'static str {
        match self {
            Frequency::Weekly => "week",
            Frequency::EveryOtherWeek => "2weeks",
            Frequency::MonthlyWeekday => "month",
        }
    }

    pub fn parse(s: &str) -> Option<Frequency> {
        match s.trim().to_lowercase().as_str() {
            "week" | "weekly" | "uge" | "ugentlig" => Some(Frequency::Weekly),
            "2weeks" | "2 weeks" | "biweekly" | "2uger" | "2 uger" | "hver 2. uge" => {
                Some(Frequency::EveryOtherWeek)
            }
            "month" | "monthly" | "måned" | "maaned" | "månedlig" => {
                Some(Frequency::MonthlyWeekday)
            }
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum End {
    /// The last day a date may fall on (included).
    Until(NaiveDate),
    /// How many dates the series has (skipped ones included).
    Count(u32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OnDayOff {
    #[default]
    Skip,
    Move,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recurrence {
    pub frequency: Frequency,
    pub end: End,
    pub on_day_off: OnDayOff,
}

/// One date of a series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    /// Which date of the series this is (0 = the first), as the rule gives it.
    pub index: u32,
    /// The date and time the rule gives (RFC 5545's RECURRENCE-ID).
    pub nominal: NaiveDateTime,
    /// When it takes place: the nominal time, or the next working day when moved off a day off.
    pub start: NaiveDateTime,
    /// Set when the nominal date is a day off and the series skips such days.
    pub skipped_for: Option<NaiveDate>,
}

impl Occurrence {
    pub fn is_skipped(&self) -> bool {
        self.skipped_for.is_some()
    }

    pub fn is_moved(&self) -> bool {
        self.skipped_for.is_none() && self.start != self.nominal
    }
}

/// The `n`th (1-based) `weekday` of a month, or the last one when `n` is 5 or more and the month
/// has only four.
fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: u32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let offset = (7 + weekday.num_days_from_monday() - first.weekday().num_days_from_monday()) % 7;
    let d = first + Duration::days(i64::from(offset) + 7 * i64::from(n.saturating_sub(1)));
    if d.month() == month {
        Some(d)
    } else {
        Some(d - Duration::days(7))
    }
}

/// Which week of the month a date is in (1–5), counted by its weekday.
pub fn week_of_month(d: NaiveDate) -> u32 {
    (d.day() - 1) / 7 + 1
}

/// The nominal dates of a series (RFC 5545's recurrence set before EXDATE), before days off are
/// looked at.
pub fn nominal_dates(start: NaiveDateTime, rule: &Recurrence) -> Vec<NaiveDateTime> {
    let mut out = Vec::new();
    let limit = match rule.end {
        End::Count(n) => (n as usize).min(MAX_OCCURRENCES),
        End::Until(_) => MAX_OCCURRENCES,
    };
    let until = match rule.end {
        End::Until(d) => Some(d),
        End::Count(_) => None,
    };
    let time = start.time();
    let nth = week_of_month(start.date());
    let weekday = start.weekday();
    let mut i: i64 = 0;
    while out.len() < limit {
        let date = match rule.frequency {
            Frequency::Weekly => start.date().checked_add_signed(Duration::days(7 * i)),
            Frequency::EveryOtherWeek => start.date().checked_add_signed(Duration::days(14 * i)),
            Frequency::MonthlyWeekday => {
                let months = i64::from(start.month0()) + i;
                let year = start.year() + i32::try_from(months / 12).unwrap_or(i32::MAX);
                let month = u32::try_from(months % 12).unwrap_or(0) + 1;
                nth_weekday(year, month, weekday, nth)
            }
        };
        let Some(date) = date else { break };
        if until.is_some_and(|u| date > u) {
            break;
        }
        out.push(date.and_time(time));
        i += 1;
    }
    out
}

/// The dates of a series, with days off skipped or moved.
pub fn occurrences(
    start: NaiveDateTime,
    rule: &Recurrence,
    calendar: &Calendar,
) -> Vec<Occurrence> {
    let nominal = nominal_dates(start, rule);
    let taken: std::collections::HashSet<NaiveDate> = nominal.iter().map(|d| d.date()).collect();
    let mut out = Vec::with_capacity(nominal.len());
    for (i, n) in nominal.iter().enumerate() {
        let index = u32::try_from(i).unwrap_or(u32::MAX);
        let date = n.date();
        if calendar.is_working_day(date) {
            out.push(Occurrence {
                index,
                nominal: *n,
                start: *n,
                skipped_for: None,
            });
            continue;
        }
        match rule.on_day_off {
            OnDayOff::Skip => out.push(Occurrence {
                index,
                nominal: *n,
                start: *n,
                skipped_for: Some(date),
            }),
            OnDayOff::Move => {
                let mut d = calendar.next_working_day(date);
                while taken.contains(&d) {
                    d = calendar.next_working_day(d);
                }
                out.push(Occurrence {
                    index,
                    nominal: *n,
                    start: d.and_time(n.time()),
                    skipped_for: None,
                });
            }
        }
    }
    out
}

/// The days off a series would land on (to ask once whether to skip or move them).
pub fn days_off_hit(
    start: NaiveDateTime,
    rule: &Recurrence,
    calendar: &Calendar,
) -> Vec<NaiveDate> {
    nominal_dates(start, rule)
        .into_iter()
        .map(|d| d.date())
        .filter(|d| !calendar.is_working_day(*d))
        .collect()
}

/// The RFC 5545 RRULE value (without `RRULE:`) for a series. `until_utc` is the UNTIL value
/// already in UTC form (`20270601T225959Z`), as RFC 5545 requires when DTSTART has a time zone.
pub fn rrule(start: NaiveDateTime, rule: &Recurrence, until_utc: Option<&str>) -> String {
    let day = match start.weekday() {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    };
    let mut s = match rule.frequency {
        Frequency::Weekly => format!("FREQ=WEEKLY;BYDAY={day}"),
        Frequency::EveryOtherWeek => format!("FREQ=WEEKLY;INTERVAL=2;BYDAY={day}"),
        Frequency::MonthlyWeekday => {
            let n = week_of_month(start.date());
            if n >= 5 {
                format!("FREQ=MONTHLY;BYDAY=-1{day}")
            } else {
                format!("FREQ=MONTHLY;BYDAY={n}{day}")
            }
        }
    };
    match rule.end {
        End::Count(n) => s.push_str(&format!(";COUNT={}", (n as usize).min(MAX_OCCURRENCES))),
        End::Until(_) => {
            if let Some(u) = until_utc {
                s.push_str(&format!(";UNTIL={u}"));
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::workdays::default_calendar;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    fn rule(frequency: Frequency, end: End, on_day_off: OnDayOff) -> Recurrence {
        Recurrence {
            frequency,
            end,
            on_day_off,
        }
    }

    #[test]
    fn weekly_for_n_times_keeps_weekday_and_time() {
        let occ = occurrences(
            at("2026-12-01 10:00"),
            &rule(Frequency::Weekly, End::Count(3), OnDayOff::Skip),
            default_calendar(),
        );
        let starts: Vec<_> = occ.iter().map(|o| o.start).collect();
        assert_eq!(
            starts,
            vec![
                at("2026-12-01 10:00"),
                at("2026-12-08 10:00"),
                at("2026-12-15 10:00")
            ]
        );
    }

    #[test]
    fn christmas_is_skipped_or_moved() {
        // Thursdays from 17.12.2026: 24.12 (juleaftensdag, a local day off by default) and
        // 31.12 (nytårsaftensdag) are days off.
        let start = at("2026-12-17 10:00");
        let skip = occurrences(
            start,
            &rule(
                Frequency::Weekly,
                End::Until(NaiveDate::from_ymd_opt(2027, 1, 7).unwrap()),
                OnDayOff::Skip,
            ),
            default_calendar(),
        );
        let skipped: Vec<_> = skip.iter().filter_map(|o| o.skipped_for).collect();
        assert_eq!(
            skipped,
            vec![
                NaiveDate::from_ymd_opt(2026, 12, 24).unwrap(),
                NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()
            ]
        );
        assert_eq!(skip.len(), 4);
        let moved = occurrences(
            start,
            &rule(Frequency::Weekly, End::Count(4), OnDayOff::Move),
            default_calendar(),
        );
        // 24.12 → 28.12 (25 and 26 are holidays, 27 a Sunday); 31.12 → 04.01 (1.1 holiday, weekend).
        assert_eq!(moved[1].start, at("2026-12-28 10:00"));
        assert!(moved[1].is_moved());
        assert_eq!(moved[2].start, at("2027-01-04 10:00"));
        assert_eq!(moved[3].start, at("2027-01-07 10:00"));
        assert_eq!(
            days_off_hit(
                start,
                &rule(Frequency::Weekly, End::Count(4), OnDayOff::Skip),
                default_calendar()
            )
            .len(),
            2
        );
    }

    #[test]
    fn every_other_week_and_until_is_inclusive() {
        let occ = occurrences(
            at("2027-02-02 09:00"),
            &rule(
                Frequency::EveryOtherWeek,
                End::Until(NaiveDate::from_ymd_opt(2027, 3, 2).unwrap()),
                OnDayOff::Skip,
            ),
            default_calendar(),
        );
        let days: Vec<_> = occ.iter().map(|o| o.start.date().to_string()).collect();
        assert_eq!(days, vec!["2027-02-02", "2027-02-16", "2027-03-02"]);
    }

    #[test]
    fn monthly_keeps_the_nth_weekday_and_the_fifth_is_the_last() {
        // 10.02.2027 is the 2nd Wednesday of February.
        let occ = occurrences(
            at("2027-02-10 13:00"),
            &rule(Frequency::MonthlyWeekday, End::Count(3), OnDayOff::Skip),
            default_calendar(),
        );
        let days: Vec<_> = occ.iter().map(|o| o.start.date().to_string()).collect();
        assert_eq!(days, vec!["2027-02-10", "2027-03-10", "2027-04-14"]);
        // 29.03.2027 is the 5th Monday; April 2027 has four Mondays, the last on 26.04.
        let last = occurrences(
            at("2027-03-29 13:00"),
            &rule(Frequency::MonthlyWeekday, End::Count(2), OnDayOff::Skip),
            default_calendar(),
        );
        assert_eq!(last[1].start.date().to_string(), "2027-04-26");
        assert_eq!(
            rrule(
                at("2027-03-29 13:00"),
                &rule(Frequency::MonthlyWeekday, End::Count(2), OnDayOff::Skip),
                None
            ),
            "FREQ=MONTHLY;BYDAY=-1MO;COUNT=2"
        );
    }

    #[test]
    fn a_series_is_bounded() {
        let occ = occurrences(
            at("2026-12-01 10:00"),
            &rule(Frequency::Weekly, End::Count(100_000), OnDayOff::Skip),
            default_calendar(),
        );
        assert_eq!(occ.len(), MAX_OCCURRENCES);
        assert_eq!(
            rrule(
                at("2026-12-01 10:00"),
                &rule(Frequency::EveryOtherWeek, End::Count(5), OnDayOff::Skip),
                None
            ),
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=5"
        );
    }
}
