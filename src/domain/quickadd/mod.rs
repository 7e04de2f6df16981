//! The quick-add line: one line of words, in Danish or English and in any order, that says when,
//! how long, by which channel and with whom, e.g. `tor 10.30 tlf Jens Hansen 30m` or
//! `thu 10:30 phone Jens 30m`. Pure: no I/O, and "now" is injected.
//!
//! ```text
//! pub fn parse(input: &str, now: NaiveDateTime) -> Parsed
//! pub fn match_citizens<'a>(query: &str, candidates: impl IntoIterator<Item = (i64, &'a str)>) -> Vec<i64>
//! ```
//!
//! [`parse`] never fails and never panics: whatever it understood is in [`Parsed`], the words it did
//! not understand are the citizen query ([`Parsed::name`], as typed), and what is wrong is in
//! [`Parsed::problems`], each a short sentence in Danish and English for the live preview. A line is
//! ready to be written when `start` is set and `problems` is empty; the caller still has to find the
//! citizen ([`match_citizens`]), ask about a start in the past and warn about overlaps.
//!
//! What the line understands (case and accents ignored, `,`/`;` after a word ignored):
//!
//! | part | forms |
//! |---|---|
//! | day | `i dag`/`idag`/`today`, `i morgen`/`imorgen`/`tomorrow`, `i overmorgen`/`overmorgen`, `i går`/`yesterday`; `om 2 dage`, `in 2 days`, `om en uge`, `in 3 weeks` |
//! | weekday | `mandag man`, `tirsdag tir tirs`, `onsdag ons`, `torsdag tor tors`, `fredag fre`, `lørdag lør`, `søndag søn`; `monday mon`, `tuesday tue tues`, `wednesday wed`, `thursday thu thur thurs`, `friday fri`, `saturday sat`, `sunday sun`; optional `på`/`on`/`this`/`denne` before |
//! | next week | `næste tirsdag`, `next tue` (that weekday in next week); `næste uge man`, `next week mon` |
//! | week | `uge 49 man`, `week 49 mon`, `uge49`, `w49`; `uge 49 2027 man` with a year |
//! | date | `23.11`, `23.11.`, `23.11.2026`, `23.11.26`, `23-11-2026`, `23/11`, `2026-11-24`, `2026-11-24T10:30` (with its time) |
//! | time | `10`, `9`, `10.30`, `10:30`, `kl 10`, `kl. 10.30`, `klokken 10`, `kl10`, `at 10:30`, `9am`, `2:30pm` |
//! | time range | `10-11`, `9-10.30`, `10.30-11.15`, `10:30-11:15`, `kl. 10-11`: a start and its minutes |
//! | minutes | `30m`, `30 min`, `45min`, `90 minutter`, `1t`, `1h`, `1,5t`, `1.5h`, `2 timer`, `1 hour` (1 to 1440) |
//! | channel | anything [`Channel::parse`] takes: `tlf`, `telefon`, `phone`, `video`, `fremmøde`, `gåtur`, `walk`, `hjemmebesøg`, `home visit`, `arbejdsplads` … |
//! | kind | `samtale`, `jobsamtale`, `conversation`; `mentor`, `mentorbesøg`, `mentor visit` |
//! | filler | `med`, `with`, `hos` are dropped |
//! | series | `hver tir`, `every tue` (weekly on that day); `hver uge`, `every week`, `ugentlig`, `weekly`; `hver 2. uge`, `hver anden uge`, `hver 2. tir`, `hver 14. dag`, `every 2 weeks`, `every other week`, `every other tue`, `fortnightly`; `hver måned`, `every month`, `månedlig`, `monthly` (the start's weekday in the same week of the month) |
//! | series end | `indtil 31.03`, `til 31.03`, `until 2027-03-31`; `10 gange`, `10 times`, `10x` (1–261) |
//!
//! Rules:
//! - A weekday alone is the next such day from `now`: today counts when the time is still ahead of
//!   `now`, otherwise it is the same weekday next week. `næste`/`next` picks that weekday in the
//!   (Monday-first) week after this one.
//! - `uge 49` without a year is the next week 49 that has not ended yet (this year or next); a week
//!   needs a weekday.
//! - A date without a year is the first such date from 30 days ago on: `20.11` typed on 23.11 is
//!   three days ago (the caller asks about the past), `15.01` typed in December is next January,
//!   `28.12` typed on 5 January is last week. Give the year to reach further back.
//! - `10.11` can be a time or a date. It is a date when the line has no other day (weekday, date,
//!   `i morgen`, week) but does have another time, as in `10.11 14.00`; otherwise it is a time. A part
//!   that cannot be a time (`24.12`, `10.3`) is a date, one that cannot be a date (`14.00`) a time.
//! - `10-11` is likewise a time range or a date (10 November), by the same rule; a pair that cannot
//!   be a range (`23-11`, `11-10`) is a date.
//! - A number followed by a unit (`30m`, `30 min`) is a duration, never a time.
//! - A mentor channel (home visit, walk, workplace) makes the kind a mentor visit unless `samtale` is
//!   given; with no kind word and another channel, [`Parsed::kind`] is `None` (the caller decides).
//! - A series ([`Parsed::recurrence`]) starts at the line's day and time; `hver tir` is weekly
//!   unless another word says how often (`hver tir hver 2. uge`). An end date without a year is
//!   the first such date on or after the start. A line without an end leaves it to the caller
//!   ([`crate::domain::recurrence::default_end`]); an end without a frequency is a problem.
//! - When two weekday words occur (`Tor Hansen tor 10`), the first one in lower case is the weekday
//!   and the other is part of the name.
//!
//! The same words are the date-time language of every other field ([`crate::domain::when`]).
//!
//! Problems reported: no date or time, a date without a time, a time without a day, an impossible
//! date (`31.02 10`: "31.02 is not a date: February has no day 31") or time (`25.00`), an unknown
//! week, a week without a weekday, minutes outside 1–1440, two different dates/times/channels/
//! kinds/durations/frequencies, a series end without a frequency, both an end date and a count,
//! an end before the start, a count outside 1–261, a weekday that does not fit the date, a
//! number that means nothing. "In the past" and "overlaps" are left to the caller, who knows the
//! calendar.

pub(in crate::domain) mod calendar;
mod names;
pub(in crate::domain) mod numbers;
pub(in crate::domain) mod recognise;
mod repeat;
pub(in crate::domain) mod resolve;
#[cfg(test)]
mod tests;
pub(in crate::domain) mod tokens;

use chrono::NaiveDateTime;

use super::recurrence::{End, Frequency};
use super::text::{fold, sanitize_line, truncate};
use super::types::{Channel, Kind};
use recognise::recognise;
use resolve::resolve;
use tokens::Tok;

pub use names::{birth_year, find_citizens, match_citizens};

/// What is wrong with a quick-add line, as one short sentence in each language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub da: String,
    pub en: String,
}

impl Problem {
    pub(in crate::domain) fn new(da: impl Into<String>, en: impl Into<String>) -> Self {
        Problem {
            da: da.into(),
            en: en.into(),
        }
    }

    /// The sentence in the chosen language.
    pub fn text(&self, danish: bool) -> &str {
        if danish { &self.da } else { &self.en }
    }
}

/// What a quick-add line says. Fields are `None` when the line does not say them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parsed {
    /// Date and time together; `None` unless both were given and valid.
    pub start: Option<NaiveDateTime>,
    /// Duration in minutes, 1–1440.
    pub minutes: Option<i64>,
    pub channel: Option<Channel>,
    /// Given by a kind word, or a mentor visit implied by a mentor channel.
    pub kind: Option<Kind>,
    /// The words left over: the citizen query, as typed (words joined by one space).
    pub name: String,
    /// A series (`hver tir`, `every 2 weeks`, `indtil 31.03`, `10 gange`): `None` for one
    /// appointment.
    pub recurrence: Option<Repeat>,
    /// What is wrong, for the preview. Empty when the line is fine.
    pub problems: Vec<Problem>,
}

/// The series a line asks for: how often, and the end it gives (`None`: the line gives none,
/// the caller uses [`crate::domain::recurrence::default_end`]). What to do on days off is asked
/// by the caller, once for the series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Repeat {
    pub frequency: Frequency,
    pub end: Option<End>,
}

/// Parses a quick-add line. `now` is the local time the line is read against (today, "the next
/// Thursday", "week 49"). Never panics; see the module documentation for the forms and rules.
pub fn parse(input: &str, now: NaiveDateTime) -> Parsed {
    let items = recognise(&words(input));
    resolve(items, now)
}

/// The words of a series alone, as the form's repeat and end fields take them: how often
/// (`ugentlig`, `hver 2. uge`, `every month` …) and the end (`indtil 31.03`, `10 gange`), read as
/// on the quick-add line against the series' `first` day. `Ok(None)` when the words name no
/// frequency and no end; a word that is no series word is a problem.
pub fn repeat_words(
    input: &str,
    first: chrono::NaiveDate,
    today: chrono::NaiveDate,
) -> Result<Option<Repeat>, Problem> {
    let mut items = recognise(&words(input));
    resolve::decide(&mut items, today, false);
    let p = resolve::sort(items, today);
    if let Some(pr) = p.word_problems.first() {
        return Err(pr.clone());
    }
    let other = p
        .days
        .iter()
        .map(|d| &d.1)
        .chain(p.times.iter().map(|t| &t.1))
        .chain(p.minutes.iter().map(|m| &m.1))
        .chain(p.channels.iter().map(|c| &c.1))
        .chain(p.kinds.iter().map(|k| &k.1))
        .chain(p.name.iter())
        .chain(p.weekday.iter().map(|w| &w.2))
        .chain(p.week.iter().map(|w| &w.2))
        .chain(p.next_week.iter())
        .next();
    if let Some(raw) = other {
        return Err(tokens::unknown_problem(raw));
    }
    let mut problems = Vec::new();
    let r = resolve::series(&p.repeats, &p.untils, &p.counts, first, &mut problems);
    match problems.into_iter().next() {
        Some(pr) => Err(pr),
        None => Ok(r),
    }
}

/// The words of a line, as typed and folded; `,`/`;` after a word dropped, and the contract's
/// `2026-11-23T10:30` read as the two words `2026-11-23 10:30`.
pub(in crate::domain) fn words(input: &str) -> Vec<Tok<'_>> {
    input
        .split_whitespace()
        .map(|w| w.trim_end_matches([',', ';']))
        .flat_map(split_iso)
        .filter(|w| !w.is_empty())
        .map(|raw| Tok { raw, f: fold(raw) })
        .collect()
}

/// `2026-11-23T10:30` → `2026-11-23`, `10:30`; any other word stays whole.
fn split_iso(w: &str) -> Vec<&str> {
    let b = w.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() > 11
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && matches!(b[10], b'T' | b't')
    {
        // Bytes 0..11 are ASCII, so both halves are on character boundaries.
        let (d, t) = w.split_at(10);
        vec![d, &t[1..]]
    } else {
        vec![w]
    }
}

/// Shows a piece of user text inside a message: one line, no escapes, at most 24 cells.
pub(in crate::domain) fn show(raw: &str) -> String {
    truncate(&sanitize_line(raw), 24)
}
