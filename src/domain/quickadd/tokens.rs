//! The words of a quick-add line and what each turned out to be: shared by the first pass
//! (`recognise`), the number readers (`numbers`), the second pass (`resolve`) and the date-time
//! fields of the rest of the app (`domain::when`), which read the same words.

use chrono::{NaiveDate, NaiveTime, Weekday};

use super::{Problem, show};
use crate::domain::recurrence::Frequency;
use crate::domain::types::{Channel, Kind};

/// One word of the line: as typed (for the name and messages) and folded (for recognising).
pub(in crate::domain) struct Tok<'a> {
    pub(in crate::domain) raw: &'a str,
    pub(in crate::domain) f: String,
}

/// What a word (or a few words) of the line turned out to be.
pub(in crate::domain) enum Item {
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
    /// `10-11`, `10.30-11.15`: a start and its length in minutes.
    Range {
        range: Result<(NaiveTime, i64), Problem>,
        raw: String,
    },
    /// `10-11` where both can be hours and the pair can be a day and month: a time range or a
    /// date, decided as `Ambiguous` is.
    AmbiguousRange {
        a: u32,
        b: u32,
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
    /// `hver uge`, `every 2 weeks`, `månedlig`: how often a series repeats. `implied`: the
    /// `hver` of `hver tir` (weekly unless another word of the line says how often).
    Repeat {
        frequency: Frequency,
        implied: bool,
        raw: String,
    },
    /// `indtil 31.03`, `until 2027-03-31`: the last day of a series.
    Until {
        day: Result<UntilDay, Problem>,
        raw: String,
    },
    /// `10 gange`, `10 times`: how many dates a series has.
    Count {
        count: Result<u32, Problem>,
        raw: String,
    },
    Name(String),
    /// `med`, `with`, `hos`: dropped.
    Filler(String),
    /// A word that starts like a number but is none of the forms.
    Unknown(String),
    Problem(Problem),
}

/// The day after `indtil`/`until`: a full date, or a day and month whose year is the first
/// that puts it on or after the series' first date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(in crate::domain) enum UntilDay {
    Date(NaiveDate),
    Yearless { day: u32, month: u32 },
}

pub(in crate::domain) fn raw_join(toks: &[Tok]) -> String {
    toks.iter().map(|t| t.raw).collect::<Vec<_>>().join(" ")
}

pub(in crate::domain) fn unknown(raw: &str) -> Item {
    Item::Unknown(raw.to_string())
}

/// What quick-add says about a word it does not understand.
pub(in crate::domain) fn unknown_problem(raw: &str) -> Problem {
    Problem::new(
        format!(
            "'{}' forstås ikke: skriv dato som 23.11, klokkeslæt som 10.30 og varighed som 30m",
            show(raw)
        ),
        format!(
            "'{}' is not understood: write a date as 23.11, a time as 10:30 and a duration as 30m",
            show(raw)
        ),
    )
}
