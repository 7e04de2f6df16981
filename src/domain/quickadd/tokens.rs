//! The words of a quick-add line and what each turned out to be: shared by the first pass
//! (`recognise`), the number readers (`numbers`) and the second pass (`resolve`).

use chrono::{NaiveDate, NaiveTime, Weekday};

use super::{Problem, show};
use crate::domain::types::{Channel, Kind};

/// One word of the line: as typed (for the name and messages) and folded (for recognising).
pub(super) struct Tok<'a> {
    pub(super) raw: &'a str,
    pub(super) f: String,
}

/// What a word (or a few words) of the line turned out to be.
pub(super) enum Item {
    /// A day: an explicit date, `i morgen`, or a resolved `10.11`. `Err` is an impossible date.
    Day {
        date: Result<NaiveDate, Problem>,
        raw: String,
    },
    /// `i dag`, `i morgen`, …: today plus `days`.
    Relative {
        days: i64,
        raw: String,
    },
    /// A day and month without a year (`23.11`); the year is chosen against today.
    Yearless {
        day: u32,
        month: u32,
        raw: String,
    },
    Week {
        week: u32,
        year: Option<i32>,
        raw: String,
    },
    NextWeek {
        raw: String,
    },
    Weekday {
        wd: Weekday,
        next: bool,
        capital: bool,
        raw: String,
    },
    Time {
        time: Result<NaiveTime, Problem>,
        raw: String,
    },
    /// `10.11`: a time or a date, decided once the whole line is known.
    Ambiguous {
        a: u32,
        b: u32,
        raw: String,
    },
    Minutes {
        minutes: Result<i64, Problem>,
        raw: String,
    },
    Channel {
        channel: Channel,
        raw: String,
    },
    Kind {
        kind: Kind,
        raw: String,
    },
    Name(String),
    /// `med`, `with`, `hos`: dropped.
    Filler,
    Problem(Problem),
}

pub(super) fn raw_join(toks: &[Tok]) -> String {
    toks.iter().map(|t| t.raw).collect::<Vec<_>>().join(" ")
}

pub(super) fn unknown(raw: &str) -> Item {
    Item::Problem(Problem::new(
        format!(
            "'{}' forstås ikke: skriv dato som 23.11, klokkeslæt som 10.30 og varighed som 30m",
            show(raw)
        ),
        format!(
            "'{}' is not understood: write a date as 23.11, a time as 10:30 and a duration as 30m",
            show(raw)
        ),
    ))
}
