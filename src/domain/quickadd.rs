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
//! | day | `i dag`/`idag`/`today`, `i morgen`/`imorgen`/`tomorrow`, `i overmorgen`/`overmorgen`, `i går`/`yesterday` |
//! | weekday | `mandag man`, `tirsdag tir tirs`, `onsdag ons`, `torsdag tor tors`, `fredag fre`, `lørdag lør`, `søndag søn`; `monday mon`, `tuesday tue tues`, `wednesday wed`, `thursday thu thur thurs`, `friday fri`, `saturday sat`, `sunday sun`; optional `på`/`on`/`this`/`denne` before |
//! | next week | `næste tirsdag`, `next tue` (that weekday in next week); `næste uge man`, `next week mon` |
//! | week | `uge 49 man`, `week 49 mon`, `uge49`, `w49`; `uge 49 2027 man` with a year |
//! | date | `23.11`, `23.11.`, `23.11.2026`, `23.11.26`, `23-11-2026`, `23/11`, `2026-11-24` |
//! | time | `10`, `9`, `10.30`, `10:30`, `kl 10`, `kl. 10.30`, `klokken 10`, `kl10`, `at 10:30`, `9am`, `2:30pm` |
//! | minutes | `30m`, `30 min`, `45min`, `90 minutter`, `1t`, `1h`, `1,5t`, `1.5h`, `2 timer`, `1 hour` (1 to 1440) |
//! | channel | anything [`Channel::parse`] takes: `tlf`, `telefon`, `phone`, `video`, `fremmøde`, `gåtur`, `walk`, `hjemmebesøg`, `home visit`, `arbejdsplads` … |
//! | kind | `samtale`, `jobsamtale`, `conversation`; `mentor`, `mentorbesøg`, `mentor visit` |
//! | filler | `med`, `with`, `hos` are dropped |
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
//! - A number followed by a unit (`30m`, `30 min`) is a duration, never a time.
//! - A mentor channel (home visit, walk, workplace) makes the kind a mentor visit unless `samtale` is
//!   given; with no kind word and another channel, [`Parsed::kind`] is `None` (the caller decides).
//! - When two weekday words occur (`Tor Hansen tor 10`), the first one in lower case is the weekday
//!   and the other is part of the name.
//!
//! Problems reported: no date or time, a date without a time, a time without a day, an impossible
//! date (`31.02 10`: "31.02 is not a date: February has no day 31") or time (`25.00`), an unknown
//! week, a week without a weekday, minutes outside 1–1440, two different dates/times/channels/
//! kinds/durations, a weekday that does not fit the date, a number that means nothing. "In the past"
//! and "overlaps" are left to the caller, who knows the calendar.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

use super::dates::{fmt_date, week_start, weekday_name};
use super::text::{danish_sort_key, fold, sanitize_line, truncate};
use super::types::{Channel, Kind, Word};

/// What is wrong with a quick-add line, as one short sentence in each language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub da: String,
    pub en: String,
}

impl Problem {
    fn new(da: impl Into<String>, en: impl Into<String>) -> Self {
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
    /// What is wrong, for the preview. Empty when the line is fine.
    pub problems: Vec<Problem>,
}

/// How far back a date without a year may lie before it means next year's.
const YEARLESS_LOOKBACK_DAYS: i64 = 30;
const MAX_MINUTES: i64 = 1440;

const MONTHS_DA: [&str; 12] = [
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
const MONTHS_EN: [&str; 12] = [
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

/// One word of the line: as typed (for the name and messages) and folded (for recognising).
struct Tok<'a> {
    raw: &'a str,
    f: String,
}

/// What a word (or a few words) of the line turned out to be.
enum Item {
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

/// Parses a quick-add line. `now` is the local time the line is read against (today, "the next
/// Thursday", "week 49"). Never panics; see the module documentation for the forms and rules.
pub fn parse(input: &str, now: NaiveDateTime) -> Parsed {
    let toks: Vec<Tok> = input
        .split_whitespace()
        .map(|w| w.trim_end_matches([',', ';']))
        .filter(|w| !w.is_empty())
        .map(|raw| Tok { raw, f: fold(raw) })
        .collect();
    let items = recognise(&toks);
    resolve(items, now)
}

/// First pass: each word (or phrase) on its own, with a look at the next word or two.
fn recognise(toks: &[Tok]) -> Vec<Item> {
    let mut items = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        let (item, used) = recognise_at(toks, i);
        items.push(item);
        i += used.max(1);
    }
    items
}

fn raw_join(toks: &[Tok]) -> String {
    toks.iter().map(|t| t.raw).collect::<Vec<_>>().join(" ")
}

fn recognise_at(toks: &[Tok], i: usize) -> (Item, usize) {
    let t = &toks[i];
    let f = t.f.as_str();
    let next = toks.get(i + 1).map(|t| t.f.as_str());

    // Days in words.
    if f == "i" {
        let rel = match next {
            Some("dag") => Some(0),
            Some("morgen") => Some(1),
            Some("overmorgen") => Some(2),
            Some("gar") | Some("gaar") => Some(-1),
            _ => None,
        };
        if let Some(days) = rel {
            return (
                Item::Relative {
                    days,
                    raw: raw_join(&toks[i..i + 2]),
                },
                2,
            );
        }
    }
    let rel = match f {
        "idag" | "today" => Some(0),
        "imorgen" | "tomorrow" => Some(1),
        "overmorgen" => Some(2),
        "igar" | "igaar" | "yesterday" => Some(-1),
        _ => None,
    };
    if let Some(days) = rel {
        return (
            Item::Relative {
                days,
                raw: t.raw.to_string(),
            },
            1,
        );
    }

    // Filler words.
    if matches!(f, "med" | "with" | "hos") {
        return (Item::Filler, 1);
    }

    // "næste tirsdag", "next week".
    if matches!(f, "naeste" | "next" | "kommende")
        && let Some(n) = next
    {
        if let Some(wd) = weekday_word(n) {
            return (
                Item::Weekday {
                    wd,
                    next: true,
                    capital: starts_upper(toks[i + 1].raw),
                    raw: raw_join(&toks[i..i + 2]),
                },
                2,
            );
        }
        if matches!(n, "uge" | "week") {
            return (
                Item::NextWeek {
                    raw: raw_join(&toks[i..i + 2]),
                },
                2,
            );
        }
    }
    // "på fredag", "on friday", "this friday": the plain weekday.
    if matches!(f, "pa" | "on" | "this" | "denne")
        && let Some(wd) = next.and_then(weekday_word)
    {
        return (
            Item::Weekday {
                wd,
                next: false,
                capital: starts_upper(toks[i + 1].raw),
                raw: raw_join(&toks[i..i + 2]),
            },
            2,
        );
    }

    // Weeks: "uge 49", "week 49 2027", "uge49", "w49".
    if let Some((week, used)) = week_at(toks, i) {
        // A year may follow, but not a duration: "uge 49 1000 min".
        let year = toks
            .get(i + used)
            .and_then(|y| four_digit_year(&y.f))
            .filter(|_| {
                toks.get(i + used + 1)
                    .is_none_or(|u| unit_factor(u.f.trim_end_matches('.')).is_none())
            });
        let used = used + usize::from(year.is_some());
        let raw = raw_join(&toks[i..i + used]);
        return (Item::Week { week, year, raw }, used);
    }
    if matches!(f, "uge" | "week" | "wk") {
        return (
            Item::Problem(Problem::new(
                format!("'{}' mangler et ugenummer, fx uge 49", show(t.raw)),
                format!("'{}' needs a week number, e.g. week 49", show(t.raw)),
            )),
            1,
        );
    }

    if let Some(wd) = weekday_word(f) {
        return (
            Item::Weekday {
                wd,
                next: false,
                capital: starts_upper(t.raw),
                raw: t.raw.to_string(),
            },
            1,
        );
    }

    // "kl 10", "kl. 10.30", "klokken 10", "at 10:30", "kl10".
    if matches!(f, "kl" | "kl." | "klokken" | "at" | "@") {
        // A sentence may end right after the time: "kl. 10.".
        if let Some(n) = toks.get(i + 1)
            && let nf = n.f.strip_suffix('.').unwrap_or(&n.f)
            && is_time_shaped(nf)
        {
            return (
                Item::Time {
                    time: strict_time(nf, n.raw),
                    raw: raw_join(&toks[i..i + 2]),
                },
                2,
            );
        }
        if matches!(f, "kl" | "kl." | "klokken") {
            return (
                Item::Problem(Problem::new(
                    format!("'{}' mangler et klokkeslæt, fx kl 10.30", show(t.raw)),
                    format!("'{}' needs a time after it, e.g. kl 10:30", show(t.raw)),
                )),
                1,
            );
        }
    }
    if let Some(rest) = f.strip_prefix("kl.").or_else(|| f.strip_prefix("kl"))
        && rest.starts_with(|c: char| c.is_ascii_digit())
        && is_time_shaped(rest)
    {
        return (
            Item::Time {
                time: strict_time(rest, t.raw),
                raw: t.raw.to_string(),
            },
            1,
        );
    }

    // Numbers: durations, dates, times.
    if f.starts_with(|c: char| c.is_ascii_digit()) {
        return number_at(toks, i);
    }

    // Channels ("home visit" before "visit"), then kinds.
    if let Some(n) = next {
        let two = format!("{f} {n}");
        if let Ok(channel) = Channel::parse(&two) {
            return (
                Item::Channel {
                    channel,
                    raw: raw_join(&toks[i..i + 2]),
                },
                2,
            );
        }
        if let Ok(kind) = Kind::parse(&two) {
            return (
                Item::Kind {
                    kind,
                    raw: raw_join(&toks[i..i + 2]),
                },
                2,
            );
        }
    }
    if let Ok(channel) = Channel::parse(f) {
        return (
            Item::Channel {
                channel,
                raw: t.raw.to_string(),
            },
            1,
        );
    }
    if let Ok(kind) = Kind::parse(f) {
        return (
            Item::Kind {
                kind,
                raw: t.raw.to_string(),
            },
            1,
        );
    }
    (Item::Name(t.raw.to_string()), 1)
}

/// "uge 49", "week 49", "uge49", "w49": the week number and how many words it took.
fn week_at(toks: &[Tok], i: usize) -> Option<(u32, usize)> {
    let f = toks[i].f.as_str();
    if matches!(f, "uge" | "week" | "wk") {
        let n = toks.get(i + 1)?;
        return small_number(&n.f).map(|w| (w, 2));
    }
    for prefix in ["uge", "week", "wk", "w"] {
        if let Some(rest) = f.strip_prefix(prefix)
            && let Some(w) = small_number(rest)
        {
            return Some((w, 1));
        }
    }
    None
}

/// One or two ASCII digits.
fn small_number(s: &str) -> Option<u32> {
    let n = s.chars().count();
    if (1..=2).contains(&n) && s.chars().all(|c| c.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

fn four_digit_year(s: &str) -> Option<i32> {
    if s.chars().count() == 4 && s.chars().all(|c| c.is_ascii_digit()) {
        s.parse().ok().filter(|y| (1000..=9999).contains(y))
    } else {
        None
    }
}

fn weekday_word(f: &str) -> Option<Weekday> {
    let w = f.strip_suffix('.').unwrap_or(f);
    Some(match w {
        "mandag" | "man" | "monday" | "mon" => Weekday::Mon,
        "tirsdag" | "tir" | "tirs" | "tuesday" | "tue" | "tues" => Weekday::Tue,
        "onsdag" | "ons" | "wednesday" | "wed" => Weekday::Wed,
        "torsdag" | "tor" | "tors" | "thursday" | "thu" | "thur" | "thurs" => Weekday::Thu,
        "fredag" | "fre" | "friday" | "fri" => Weekday::Fri,
        "lordag" | "lor" | "saturday" | "sat" => Weekday::Sat,
        "sondag" | "son" | "sunday" | "sun" => Weekday::Sun,
        _ => return None,
    })
}

fn starts_upper(raw: &str) -> bool {
    raw.chars().next().is_some_and(char::is_uppercase)
}

const MINUTE_UNITS: [&str; 8] = [
    "m", "min", "mins", "minut", "minutter", "minute", "minutes", "minuts",
];
const HOUR_UNITS: [&str; 8] = ["t", "h", "time", "timer", "hour", "hours", "hr", "hrs"];

fn unit_factor(unit: &str) -> Option<i64> {
    if MINUTE_UNITS.contains(&unit) {
        Some(1)
    } else if HOUR_UNITS.contains(&unit) {
        Some(60)
    } else {
        None
    }
}

/// `30`, `1,5`, `1.5`: digits with at most one decimal part.
fn is_amount(s: &str) -> bool {
    let mut parts = s.split([',', '.']);
    let int = parts.next().unwrap_or("");
    let frac = parts.next();
    parts.next().is_none()
        && !int.is_empty()
        && int.chars().all(|c| c.is_ascii_digit())
        && frac.is_none_or(|f| !f.is_empty() && f.chars().all(|c| c.is_ascii_digit()))
}

/// Minutes from an amount and a unit factor, with the problem when out of 1–1440.
fn minutes_of(amount: &str, factor: i64, raw: &str) -> Result<i64, Problem> {
    let out_of_range = || {
        Problem::new(
            format!(
                "Varigheden {} skal være 1–{MAX_MINUTES} minutter (fx 30m, 1t, 1,5t)",
                show(raw)
            ),
            format!(
                "The duration {} must be 1–{MAX_MINUTES} minutes (e.g. 30m, 1h, 1.5h)",
                show(raw)
            ),
        )
    };
    if amount.chars().count() > 12 {
        return Err(out_of_range());
    }
    let value: f64 = amount
        .replace(',', ".")
        .parse()
        .map_err(|_| out_of_range())?;
    let minutes = (value * factor as f64).round();
    if !(1.0..=MAX_MINUTES as f64).contains(&minutes) {
        return Err(out_of_range());
    }
    Ok(minutes as i64)
}

/// Whether a folded word looks like a time: `10`, `10.30`, `10:30`, `9am`, `2:30pm`.
fn is_time_shaped(f: &str) -> bool {
    let core = f
        .strip_suffix("am")
        .or_else(|| f.strip_suffix("pm"))
        .unwrap_or(f);
    let (h, m) = match core.split_once(['.', ':']) {
        Some((h, m)) => (h, Some(m)),
        None => (core, None),
    };
    let digits = |s: &str, max: usize| {
        let n = s.chars().count();
        (1..=max).contains(&n) && s.chars().all(|c| c.is_ascii_digit())
    };
    digits(h, 2) && m.is_none_or(|m| digits(m, 2))
}

/// A time where only a time can be meant (after `kl`, with `:`, with am/pm): valid or a problem
/// naming the part.
fn strict_time(f: &str, raw: &str) -> Result<NaiveTime, Problem> {
    let bad = || {
        Problem::new(
            format!(
                "{} er ikke et klokkeslæt: timer går fra 0 til 23 og minutter fra 00 til 59",
                show(raw)
            ),
            format!(
                "{} is not a time: hours go 0–23 and minutes 00–59",
                show(raw)
            ),
        )
    };
    let (core, pm) = if let Some(c) = f.strip_suffix("pm") {
        (c, Some(true))
    } else if let Some(c) = f.strip_suffix("am") {
        (c, Some(false))
    } else {
        (f, None)
    };
    let (h, m) = match core.split_once(['.', ':']) {
        Some((h, m)) if m.chars().count() == 2 => (h, m),
        Some(_) => return Err(bad()),
        None => (core, "0"),
    };
    let h: u32 = h.parse().map_err(|_| bad())?;
    let m: u32 = m.parse().map_err(|_| bad())?;
    let h = match pm {
        None => h,
        Some(_) if !(1..=12).contains(&h) => return Err(bad()),
        Some(false) => h % 12,
        Some(true) => h % 12 + 12,
    };
    NaiveTime::from_hms_opt(h, m, 0).ok_or_else(bad)
}

/// A word that starts with a digit: a duration, a date, a time, or a problem.
fn number_at(toks: &[Tok], i: usize) -> (Item, usize) {
    let t = &toks[i];
    let f = t.f.as_str();

    // "30 min", "1,5 timer".
    if is_amount(f)
        && let Some(n) = toks.get(i + 1)
        && let Some(factor) = unit_factor(n.f.trim_end_matches('.'))
    {
        let raw = raw_join(&toks[i..i + 2]);
        let minutes = minutes_of(f, factor, &raw);
        return (Item::Minutes { minutes, raw }, 2);
    }
    // "30m", "1,5t", "9am".
    let amount = f.trim_end_matches(|c: char| c.is_alphabetic() || c == '.');
    if let Some(unit) = f.strip_prefix(amount)
        && unit.chars().any(char::is_alphabetic)
    {
        let unit = unit.trim_end_matches('.');
        if let Some(factor) = unit_factor(unit)
            && is_amount(amount)
        {
            let minutes = minutes_of(amount, factor, t.raw);
            return (
                Item::Minutes {
                    minutes,
                    raw: t.raw.to_string(),
                },
                1,
            );
        }
        if matches!(unit, "am" | "pm") && is_time_shaped(f) {
            return (
                Item::Time {
                    time: strict_time(f, t.raw),
                    raw: t.raw.to_string(),
                },
                1,
            );
        }
        return (unknown(t.raw), 1);
    }

    if !f
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '/' | ':'))
    {
        return (unknown(t.raw), 1);
    }
    let raw = t.raw.to_string();
    if f.contains(':') {
        if is_time_shaped(f) {
            return (
                Item::Time {
                    time: strict_time(f, t.raw),
                    raw,
                },
                1,
            );
        }
        return (unknown(t.raw), 1);
    }
    // A Danish date may end with a dot: "23.11.".
    let core = f.strip_suffix('.').unwrap_or(f);
    let parts: Vec<&str> = core.split(['.', '-', '/']).collect();
    let all_digits = parts
        .iter()
        .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    if !all_digits {
        return (unknown(t.raw), 1);
    }
    let len = |p: &str| p.chars().count();
    let num = |p: &str| p.parse::<u32>().unwrap_or(u32::MAX);
    match parts.as_slice() {
        [h] if len(h) <= 2 => {
            let time = strict_time(h, t.raw);
            (Item::Time { time, raw }, 1)
        }
        [y, m, d] if len(y) == 4 && len(m) <= 2 && len(d) <= 2 => {
            let date = full_date(num(y) as i32, num(m), num(d), t.raw);
            (Item::Day { date, raw }, 1)
        }
        [d, m, y] if len(d) <= 2 && len(m) <= 2 && (len(y) == 4 || len(y) == 2) => {
            let year = if len(y) == 2 { 2000 + num(y) } else { num(y) };
            let date = full_date(year as i32, num(m), num(d), t.raw);
            (Item::Day { date, raw }, 1)
        }
        [a, b] if len(a) <= 2 && len(b) <= 2 => {
            let (a_n, b_n) = (num(a), num(b));
            let dotted_time_form = f.contains('.') && !f.ends_with('.') && len(b) == 2;
            if !dotted_time_form {
                // "10.3", "23-11", "23/11", "23.11.": only a date.
                return (
                    Item::Yearless {
                        day: a_n,
                        month: b_n,
                        raw,
                    },
                    1,
                );
            }
            let can_be_month = (1..=12).contains(&b_n);
            if !can_be_month {
                // "14.00", "25.00", "10.75": only a time (maybe impossible).
                let time = strict_time(f, t.raw);
                return (Item::Time { time, raw }, 1);
            }
            if (1..=23).contains(&a_n) {
                (
                    Item::Ambiguous {
                        a: a_n,
                        b: b_n,
                        raw,
                    },
                    1,
                )
            } else if a_n == 0 {
                let time = strict_time(f, t.raw);
                (Item::Time { time, raw }, 1)
            } else {
                (
                    Item::Yearless {
                        day: a_n,
                        month: b_n,
                        raw,
                    },
                    1,
                )
            }
        }
        _ => (unknown(t.raw), 1),
    }
}

fn unknown(raw: &str) -> Item {
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

/// A date with its year, or the problem naming the part.
fn full_date(year: i32, month: u32, day: u32, raw: &str) -> Result<NaiveDate, Problem> {
    if !(1..=12).contains(&month) {
        return Err(Problem::new(
            format!("{} er ikke en dato: der er ingen måned {month}", show(raw)),
            format!("{} is not a date: there is no month {month}", show(raw)),
        ));
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
fn yearless_date(day: u32, month: u32, today: NaiveDate, raw: &str) -> Result<NaiveDate, Problem> {
    if !(1..=12).contains(&month) {
        return full_date(today.year(), month, day, raw);
    }
    let earliest = today - Duration::days(YEARLESS_LOOKBACK_DAYS);
    (-1..=4)
        .filter_map(|k| NaiveDate::from_ymd_opt(today.year() + k, month, day))
        .find(|d| *d >= earliest)
        .ok_or_else(|| no_such_day(raw, month, day, None))
}

/// Shows a piece of user text inside a message: one line, no escapes, at most 24 cells.
fn show(raw: &str) -> String {
    truncate(&sanitize_line(raw), 24)
}

/// Second pass: the whole line is known; decide ambiguous parts, combine, and list the problems.
fn resolve(mut items: Vec<Item>, now: NaiveDateTime) -> Parsed {
    let today = now.date();
    let mut problems = Vec::new();

    // Two weekday words ("Tor Hansen tor 10"): the first lower-case one is the weekday, the
    // others are part of the name.
    let weekday_at: Vec<usize> = items
        .iter()
        .enumerate()
        .filter(|(_, it)| matches!(it, Item::Weekday { .. }))
        .map(|(i, _)| i)
        .collect();
    let chosen = weekday_at
        .iter()
        .copied()
        .find(|&i| matches!(items[i], Item::Weekday { capital: false, .. }))
        .or_else(|| weekday_at.first().copied());
    for &i in &weekday_at {
        if Some(i) != chosen
            && let Item::Weekday { raw, .. } = &items[i]
        {
            items[i] = Item::Name(raw.clone());
        }
    }

    // Decide "10.11": a date only when nothing else gives the day and something else gives the time.
    let mut has_day = chosen.is_some()
        || items.iter().any(|it| {
            matches!(
                it,
                Item::Day { .. }
                    | Item::Relative { .. }
                    | Item::Yearless { .. }
                    | Item::Week { .. }
                    | Item::NextWeek { .. }
            )
        });
    let time_like = |it: &Item| matches!(it, Item::Time { .. } | Item::Ambiguous { .. });
    for i in 0..items.len() {
        if let Item::Ambiguous { a, b, raw } = &items[i] {
            let other_time = items
                .iter()
                .enumerate()
                .any(|(j, it)| j != i && time_like(it));
            let (a, b, raw) = (*a, *b, raw.clone());
            items[i] = if !has_day && other_time {
                has_day = true;
                Item::Day {
                    date: yearless_date(a, b, today, &raw),
                    raw,
                }
            } else {
                let time = NaiveTime::from_hms_opt(a, b, 0).ok_or_else(|| {
                    Problem::new(
                        format!("{} er ikke et klokkeslæt", show(&raw)),
                        format!("{} is not a time", show(&raw)),
                    )
                });
                Item::Time { time, raw }
            };
        }
    }

    let mut days: Vec<(Result<NaiveDate, Problem>, String)> = Vec::new();
    let mut week: Option<(u32, Option<i32>, String)> = None;
    let mut next_week: Option<String> = None;
    let mut weekday: Option<(Weekday, bool, String)> = None;
    let mut times: Vec<(Result<NaiveTime, Problem>, String)> = Vec::new();
    let mut minutes: Vec<(Result<i64, Problem>, String)> = Vec::new();
    let mut channels: Vec<(Channel, String)> = Vec::new();
    let mut kinds: Vec<(Kind, String)> = Vec::new();
    let mut name: Vec<String> = Vec::new();
    // Problems of words in the order they were typed.
    let mut word_problems: Vec<Problem> = Vec::new();

    for it in items {
        match it {
            Item::Day { date, raw } => days.push((date, raw)),
            Item::Relative { days: n, raw } => days.push((Ok(today + Duration::days(n)), raw)),
            Item::Yearless { day, month, raw } => {
                days.push((yearless_date(day, month, today, &raw), raw));
            }
            Item::Week { week: w, year, raw } => {
                if week.is_some() || next_week.is_some() {
                    word_problems.push(twice("uger", "weeks", &raw));
                } else {
                    week = Some((w, year, raw));
                }
            }
            Item::NextWeek { raw } => {
                if week.is_some() || next_week.is_some() {
                    word_problems.push(twice("uger", "weeks", &raw));
                } else {
                    next_week = Some(raw);
                }
            }
            Item::Weekday { wd, next, raw, .. } => weekday = Some((wd, next, raw)),
            Item::Time { time, raw } => times.push((time, raw)),
            // Every ambiguous part was decided above.
            Item::Ambiguous { raw, .. } => name.push(raw),
            Item::Filler => {}
            Item::Minutes { minutes: m, raw } => minutes.push((m, raw)),
            Item::Channel { channel, raw } => channels.push((channel, raw)),
            Item::Kind { kind, raw } => kinds.push((kind, raw)),
            Item::Name(raw) => name.push(raw),
            Item::Problem(p) => word_problems.push(p),
        }
    }

    // The time.
    let mut time = None;
    let mut time_problem = false;
    if let Some((first, raw)) = times.first() {
        match first {
            Ok(t) => time = Some((*t, raw.clone())),
            Err(p) => {
                problems.push(p.clone());
                time_problem = true;
            }
        }
        if let Some((_, second)) = times.iter().skip(1).find(|(t, _)| t != first) {
            problems.push(two_of("klokkeslæt", "times", raw, second));
            time_problem = true;
        }
    }

    // The day.
    let mut date: Option<NaiveDate> = None;
    let mut date_problem = false;
    if let Some((first, raw)) = days.first() {
        match first {
            Ok(d) => date = Some(*d),
            Err(p) => {
                problems.push(p.clone());
                date_problem = true;
            }
        }
        let other = days
            .iter()
            .skip(1)
            .find(|(d, _)| d != first)
            .map(|(_, r)| r.clone())
            .or_else(|| week.as_ref().map(|w| w.2.clone()))
            .or_else(|| next_week.clone());
        if let Some(second) = other {
            problems.push(two_of("datoer", "dates", raw, &second));
            date_problem = true;
            date = None;
        }
        if let (Some(d), Some((wd, _, wd_raw))) = (date, &weekday)
            && d.weekday() != *wd
        {
            problems.push(weekday_mismatch(d, *wd, wd_raw));
            date_problem = true;
            date = None;
        }
    } else if let Some((w, year, raw)) = &week {
        match &weekday {
            None => {
                problems.push(week_without_day(raw));
                date_problem = true;
            }
            Some((wd, _, _)) => match week_date(*w, *year, *wd, today, raw) {
                Ok(d) => date = Some(d),
                Err(p) => {
                    problems.push(p);
                    date_problem = true;
                }
            },
        }
    } else if let Some(raw) = &next_week {
        match &weekday {
            None => {
                problems.push(week_without_day(raw));
                date_problem = true;
            }
            Some((wd, _, _)) => date = Some(in_next_week(today, *wd)),
        }
    } else if let Some((wd, next, _)) = &weekday {
        date = Some(if *next {
            in_next_week(today, *wd)
        } else {
            let ahead = (i64::from(wd.num_days_from_monday())
                - i64::from(today.weekday().num_days_from_monday()))
            .rem_euclid(7);
            let passed = time.as_ref().is_some_and(|(t, _)| *t <= now.time());
            let ahead = if ahead == 0 && passed { 7 } else { ahead };
            today + Duration::days(ahead)
        });
    }

    let start = match (date, &time) {
        (Some(d), Some((t, _))) => Some(d.and_time(*t)),
        _ => None,
    };
    if start.is_none() && !date_problem && !time_problem {
        match (date, &time) {
            (None, None) => problems.push(Problem::new(
                "Angiv dag og klokkeslæt, fx tor 10.30 eller i morgen 9",
                "Give a day and a time, e.g. thu 10:30 or tomorrow 9",
            )),
            (Some(d), None) => problems.push(Problem::new(
                format!(
                    "Angiv et klokkeslæt for {} {}, fx 10.30",
                    weekday_name(d.weekday(), true),
                    fmt_date(d, true)
                ),
                format!(
                    "Give a time for {} {}, e.g. 10:30",
                    weekday_name(d.weekday(), false),
                    fmt_date(d, false)
                ),
            )),
            (None, Some((_, raw))) => problems.push(Problem::new(
                format!(
                    "Angiv en dag til {}, fx tor, i morgen eller 23.11",
                    show(raw)
                ),
                format!("Give a day for {}, e.g. thu, tomorrow or 23.11", show(raw)),
            )),
            (Some(_), Some(_)) => {}
        }
    }

    // Minutes.
    let mut mins = None;
    if let Some((first, raw)) = minutes.first() {
        match first {
            Ok(m) => mins = Some(*m),
            Err(p) => problems.push(p.clone()),
        }
        if let Some((_, second)) = minutes.iter().skip(1).find(|(m, _)| m != first) {
            problems.push(two_of("varigheder", "durations", raw, second));
            mins = None;
        }
    }

    // Channel and kind.
    let channel = channels.first().map(|c| c.0);
    if let Some((first, raw)) = channels.first()
        && let Some((_, second)) = channels.iter().skip(1).find(|(o, _)| o != first)
    {
        problems.push(two_of("kanaler", "channels", raw, second));
    }
    let mut kind = kinds.first().map(|k| k.0);
    if let Some((first, raw)) = kinds.first()
        && let Some((_, second)) = kinds.iter().skip(1).find(|(o, _)| o != first)
    {
        problems.push(two_of("slags aftale", "kinds", raw, second));
    }
    if kind.is_none() && channel.is_some_and(Channel::is_mentor_channel) {
        kind = Some(Kind::MentorVisit);
    }

    problems.extend(word_problems);
    Parsed {
        start,
        minutes: mins,
        channel,
        kind,
        name: name.join(" "),
        problems,
    }
}

fn twice(da_what: &str, en_what: &str, raw: &str) -> Problem {
    Problem::new(
        format!("To {da_what}: '{}' er én for meget", show(raw)),
        format!("Two {en_what}: '{}' is one too many", show(raw)),
    )
}

fn two_of(da_what: &str, en_what: &str, a: &str, b: &str) -> Problem {
    Problem::new(
        format!("To {da_what}: '{}' og '{}'; angiv kun én", show(a), show(b)),
        format!(
            "Two {en_what}: '{}' and '{}'; give only one",
            show(a),
            show(b)
        ),
    )
}

fn weekday_mismatch(d: NaiveDate, wd: Weekday, raw: &str) -> Problem {
    Problem::new(
        format!(
            "{} er en {}, ikke '{}'",
            fmt_date(d, true),
            weekday_name(d.weekday(), true),
            show(raw)
        ),
        format!(
            "{} is a {}, not '{}' ({})",
            fmt_date(d, false),
            weekday_name(d.weekday(), false),
            show(raw),
            weekday_name(wd, false)
        ),
    )
}

fn week_without_day(raw: &str) -> Problem {
    Problem::new(
        format!("{}: angiv også en ugedag, fx uge 49 man 10", show(raw)),
        format!("{}: add a weekday too, e.g. week 49 mon 10", show(raw)),
    )
}

/// The weekday `wd` in the week after the one holding `today`.
fn in_next_week(today: NaiveDate, wd: Weekday) -> NaiveDate {
    week_start(today) + Duration::days(7 + i64::from(wd.num_days_from_monday()))
}

/// Weekday `wd` of ISO week `w`: of `year`, or without a year of the next week `w` that has not
/// ended yet.
fn week_date(
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

/// Citizens whose name matches the query, best first; returns their ids.
///
/// Every word of the query must be the start of a different word of the name, with case and
/// accents ignored (`soren` and `søren` find "Søren"; `aa`/`oe` also stand for å/ø). Words are split
/// at anything that is not a letter or digit, so `hans-erik` finds "Hans-Erik". Order: the exact
/// full name, then names where every query word is a whole word, then prefix matches; within each,
/// a match on the first name before others, then the Danish alphabetical order of the name, then
/// id. An empty query matches nobody.
pub fn match_citizens<'a>(
    query: &str,
    candidates: impl IntoIterator<Item = (i64, &'a str)>,
) -> Vec<i64> {
    let q = words(query);
    if q.is_empty() {
        return Vec::new();
    }
    let mut hits: Vec<(u8, bool, String, i64)> = candidates
        .into_iter()
        .filter_map(|(id, name)| {
            let n = words(name);
            let rank = if n == q {
                0
            } else if assign(&q, &n, |a, b| a == b || alt(a) == b) {
                1
            } else if assign(&q, &n, |a, b| b.starts_with(a) || b.starts_with(&alt(a))) {
                2
            } else {
                return None;
            };
            let first = n
                .first()
                .is_some_and(|f| f.starts_with(&q[0]) || f.starts_with(&alt(&q[0])));
            Some((rank, !first, danish_sort_key(name), id))
        })
        .collect();
    hits.sort();
    hits.into_iter().map(|h| h.3).collect()
}

/// Folded words: split at anything that is not a letter or a digit.
fn words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The old spellings "aa" for å and "oe" for ø, folded the way `fold` folds å and ø.
fn alt(w: &str) -> String {
    w.replace("aa", "a").replace("oe", "o")
}

/// Whether each query word can be given its own name word that `fits` (a bipartite matching).
fn assign(q: &[String], n: &[String], fits: impl Fn(&str, &str) -> bool) -> bool {
    if q.len() > n.len() {
        return false;
    }
    // owner[j] = the query word that holds name word j.
    let mut owner: Vec<Option<usize>> = vec![None; n.len()];
    fn try_place(
        i: usize,
        q: &[String],
        n: &[String],
        fits: &dyn Fn(&str, &str) -> bool,
        owner: &mut [Option<usize>],
        seen: &mut [bool],
    ) -> bool {
        for j in 0..n.len() {
            if seen[j] || !fits(&q[i], &n[j]) {
                continue;
            }
            seen[j] = true;
            let free = match owner[j] {
                None => true,
                Some(k) => try_place(k, q, n, fits, owner, seen),
            };
            if free {
                owner[j] = Some(i);
                return true;
            }
        }
        false
    }
    (0..q.len()).all(|i| {
        let mut seen = vec![false; n.len()];
        try_place(i, q, n, &fits, &mut owner, &mut seen)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Monday 23 November 2026, 09:00 (ISO week 48).
    fn now() -> NaiveDateTime {
        at(2026, 11, 23, 9, 0)
    }
    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|d| d.and_hms_opt(h, min, 0))
            .unwrap()
    }
    fn p(s: &str) -> Parsed {
        parse(s, now())
    }
    /// Parses a line that must be fine and returns it.
    fn ok(s: &str) -> Parsed {
        let r = p(s);
        assert!(r.problems.is_empty(), "{s}: {:?}", r.problems);
        r
    }
    fn start(s: &str) -> NaiveDateTime {
        ok(s).start.unwrap()
    }
    fn problems_en(s: &str) -> String {
        let r = p(s);
        assert!(!r.problems.is_empty(), "{s} should have a problem: {r:?}");
        assert!(
            r.problems
                .iter()
                .all(|p| !p.da.is_empty() && !p.en.is_empty()),
            "{s}: {:?}",
            r.problems
        );
        r.problems
            .iter()
            .map(|p| p.en.as_str())
            .collect::<Vec<_>>()
            .join(" | ")
    }

    #[test]
    fn the_issue_example_in_danish_and_english() {
        let da = ok("tor 10.30 tlf Jens Hansen 30m");
        assert_eq!(
            da,
            Parsed {
                start: Some(at(2026, 11, 26, 10, 30)),
                minutes: Some(30),
                channel: Some(Channel::Phone),
                kind: None,
                name: "Jens Hansen".into(),
                problems: vec![],
            }
        );
        let en = ok("thu 10:30 phone Jens 30m");
        assert_eq!(en.start, da.start);
        assert_eq!(en.minutes, Some(30));
        assert_eq!(en.channel, Some(Channel::Phone));
        assert_eq!(en.kind, None);
        assert_eq!(en.name, "Jens");
    }

    #[test]
    fn any_order_of_the_parts() {
        for s in [
            "Jens Hansen tlf 30m tor 10.30",
            "30m Jens Hansen tor tlf 10.30",
            "tlf, Jens Hansen, tor kl. 10.30, 30 min",
            "torsdag kl 10.30 telefon 30 minutter Jens Hansen",
            "Jens tor 10.30 tlf Hansen 30m",
        ] {
            let r = ok(s);
            assert_eq!(r.start, Some(at(2026, 11, 26, 10, 30)), "{s}");
            assert_eq!(r.minutes, Some(30), "{s}");
            assert_eq!(r.channel, Some(Channel::Phone), "{s}");
            assert_eq!(r.name, "Jens Hansen", "{s}");
        }
    }

    #[test]
    fn tomorrow_and_today() {
        for s in ["i morgen 9", "tomorrow 9", "imorgen kl 9", "I MORGEN 9.00"] {
            assert_eq!(start(s), at(2026, 11, 24, 9, 0), "{s}");
        }
        for s in ["i dag 14", "idag 14.00", "today 14"] {
            assert_eq!(start(s), at(2026, 11, 23, 14, 0), "{s}");
        }
        assert_eq!(start("today 14:30"), at(2026, 11, 23, 14, 30));
        assert_eq!(start("i overmorgen 8.15"), at(2026, 11, 25, 8, 15));
        assert_eq!(start("i går 10"), at(2026, 11, 22, 10, 0));
        assert_eq!(start("yesterday 10"), at(2026, 11, 22, 10, 0));
        let r = ok("i dag 14 Søren");
        assert_eq!(r.name, "Søren");
    }

    #[test]
    fn dates_with_and_without_a_year() {
        let r = ok("23.11 14.00 video");
        assert_eq!(r.start, Some(at(2026, 11, 23, 14, 0)));
        assert_eq!(r.channel, Some(Channel::Video));
        assert_eq!(r.kind, None);
        assert_eq!(r.name, "");
        assert_eq!(start("14.00 23.11"), at(2026, 11, 23, 14, 0));
        assert_eq!(start("23.11.2026 14.00"), at(2026, 11, 23, 14, 0));
        assert_eq!(start("23.11. 14.00"), at(2026, 11, 23, 14, 0));
        assert_eq!(start("23-11-2026 14.00"), at(2026, 11, 23, 14, 0));
        assert_eq!(start("23/11 14"), at(2026, 11, 23, 14, 0));
        assert_eq!(start("23.11.26 14"), at(2026, 11, 23, 14, 0));
        assert_eq!(start("2026-11-24 10:30"), at(2026, 11, 24, 10, 30));
        assert_eq!(start("1.12 10"), at(2026, 12, 1, 10, 0));
        assert_eq!(start("10.3 10"), at(2027, 3, 10, 10, 0));
        assert_eq!(start("24.12 10.30"), at(2026, 12, 24, 10, 30));
        // A year-less date in the last 30 days stays this year (the caller asks about the past);
        // further back it is next year's.
        assert_eq!(start("20.11 10"), at(2026, 11, 20, 10, 0));
        assert_eq!(start("15.01 10"), at(2027, 1, 15, 10, 0));
        assert_eq!(start("15.10 10"), at(2027, 10, 15, 10, 0));
        assert_eq!(start("29.02 10"), at(2028, 2, 29, 10, 0));
        let january = at(2027, 1, 5, 9, 0);
        assert_eq!(
            parse("28.12 10", january).start,
            Some(at(2026, 12, 28, 10, 0))
        );
        assert_eq!(
            parse("5.12 10", january).start,
            Some(at(2027, 12, 5, 10, 0))
        );
        // With an explicit year a past date stays past.
        assert_eq!(start("15.10.2026 10"), at(2026, 10, 15, 10, 0));
    }

    #[test]
    fn a_dotted_pair_is_a_time_when_the_day_is_given_elsewhere() {
        assert_eq!(start("tor 10.11"), at(2026, 11, 26, 10, 11));
        assert_eq!(start("10.11 tor"), at(2026, 11, 26, 10, 11));
        assert_eq!(start("10.12 10.11"), at(2026, 12, 10, 10, 11));
        assert_eq!(start("i morgen 10.05"), at(2026, 11, 24, 10, 5));
        // Alone it is a time, which then lacks a day.
        assert!(problems_en("10.11 Jens").contains("Give a day for 10.11"));
    }

    #[test]
    fn weeks() {
        for s in [
            "uge 49 man 10",
            "week 49 mon 10",
            "man uge 49 10",
            "uge49 mandag 10",
            "w49 mon 10",
        ] {
            assert_eq!(start(s), at(2026, 11, 30, 10, 0), "{s}");
        }
        assert_eq!(start("uge 48 fre 13"), at(2026, 11, 27, 13, 0));
        // This week still counts, even for a day already gone (the caller flags the past).
        assert_eq!(start("uge 48 man 8"), at(2026, 11, 23, 8, 0));
        // A week number already behind us this year is next year's.
        assert_eq!(start("uge 2 tir 10"), at(2027, 1, 12, 10, 0));
        assert_eq!(start("week 10 2026 wed 9"), at(2026, 3, 4, 9, 0));
        let r = ok("uge 49 man 10 1000 min");
        assert_eq!(
            (r.start, r.minutes),
            (Some(at(2026, 11, 30, 10, 0)), Some(1000))
        );
        let r = ok("uge 49 1000 min man 10");
        assert_eq!(
            (r.start, r.minutes),
            (Some(at(2026, 11, 30, 10, 0)), Some(1000))
        );
        assert_eq!(start("uge 53 fre 10"), at(2027, 1, 1, 10, 0));
        assert!(problems_en("uge 54 man 10").contains("There is no uge 54"));
        assert!(problems_en("uge 0 man 10").contains("weeks go 1–53"));
        assert!(problems_en("uge 53 2027 man 10").contains("2027 has no week 53"));
        assert!(problems_en("uge 49 10").contains("add a weekday too"));
        assert!(problems_en("uge man 10").contains("needs a week number"));
        let r = p("uge 49 10");
        assert!(r.problems[0].da.contains("angiv også en ugedag"), "{r:?}");
    }

    #[test]
    fn weekdays_long_and_short_in_both_languages() {
        let days = [
            (["man", "mandag", "mon", "monday"], 30),
            (["tir", "tirsdag", "tue", "tuesday"], 24),
            (["ons", "onsdag", "wed", "wednesday"], 25),
            (["tor", "torsdag", "thu", "thursday"], 26),
            (["fre", "fredag", "fri", "friday"], 27),
            (["lør", "lørdag", "sat", "saturday"], 28),
            (["søn", "søndag", "sun", "sunday"], 29),
        ];
        for (words, day) in days {
            for w in words {
                let s = format!("{w} 10");
                let want = if day == 30 {
                    // Monday at 10 is still ahead of Monday 09:00: today.
                    at(2026, 11, 23, 10, 0)
                } else {
                    at(2026, 11, day, 10, 0)
                };
                assert_eq!(start(&s), want, "{s}");
                let upper = format!("{} 10", w.to_uppercase());
                assert_eq!(start(&upper), want, "{upper}");
            }
        }
        assert_eq!(start("lor 10"), at(2026, 11, 28, 10, 0));
        assert_eq!(start("tor. 10"), at(2026, 11, 26, 10, 0));
        assert_eq!(start("på fredag kl 10"), at(2026, 11, 27, 10, 0));
        assert_eq!(start("on friday at 10"), at(2026, 11, 27, 10, 0));
    }

    #[test]
    fn a_weekday_today_counts_only_while_the_time_is_ahead() {
        // now is Monday 09:00.
        assert_eq!(start("mandag 9"), at(2026, 11, 30, 9, 0));
        assert_eq!(start("mandag 8.59"), at(2026, 11, 30, 8, 59));
        assert_eq!(start("mandag 9.01"), at(2026, 11, 23, 9, 1));
        assert_eq!(start("monday 14"), at(2026, 11, 23, 14, 0));
    }

    #[test]
    fn next_weekday_is_in_next_week() {
        assert_eq!(start("næste tirsdag 10"), at(2026, 12, 1, 10, 0));
        assert_eq!(start("naeste tir 10"), at(2026, 12, 1, 10, 0));
        assert_eq!(start("next tue 10"), at(2026, 12, 1, 10, 0));
        assert_eq!(start("next monday 10"), at(2026, 11, 30, 10, 0));
        assert_eq!(start("næste uge fre 10"), at(2026, 12, 4, 10, 0));
        assert_eq!(start("next week fri 10"), at(2026, 12, 4, 10, 0));
        assert!(problems_en("next week 10").contains("add a weekday too"));
    }

    #[test]
    fn times_in_every_form() {
        let cases = [
            ("tor 10", (10, 0)),
            ("tor 9", (9, 0)),
            ("tor 10.30", (10, 30)),
            ("tor 10:30", (10, 30)),
            ("tor kl 10", (10, 0)),
            ("tor kl. 10.30", (10, 30)),
            ("tor klokken 10", (10, 0)),
            ("tor kl10", (10, 0)),
            ("tor kl.10.30", (10, 30)),
            ("tor kl. 10.", (10, 0)),
            ("tor kl. 10.30.", (10, 30)),
            ("tor 10.", (10, 0)),
            ("thu at 10:30", (10, 30)),
            ("thu 9am", (9, 0)),
            ("thu 2:30pm", (14, 30)),
            ("thu 12pm", (12, 0)),
            ("thu 12am", (0, 0)),
            ("tor 00.30", (0, 30)),
            ("tor 23.59", (23, 59)),
        ];
        for (s, (h, m)) in cases {
            assert_eq!(start(s), at(2026, 11, 26, h, m), "{s}");
        }
    }

    #[test]
    fn durations_are_never_times() {
        let cases = [
            ("30m", 30),
            ("30 min", 30),
            ("45min", 45),
            ("90m", 90),
            ("1t", 60),
            ("1h", 60),
            ("1,5t", 90),
            ("1.5h", 90),
            ("2 timer", 120),
            ("1 hour", 60),
            ("20 minutter", 20),
            ("15 minutes", 15),
            ("24t", 1440),
            ("1m", 1),
        ];
        for (d, want) in cases {
            let s = format!("tor 10 {d} Jens");
            let r = ok(&s);
            assert_eq!(r.minutes, Some(want), "{s}");
            assert_eq!(r.start, Some(at(2026, 11, 26, 10, 0)), "{s}");
            assert_eq!(r.name, "Jens", "{s}");
        }
        assert_eq!(ok("tor 10").minutes, None);
    }

    #[test]
    fn channels_and_kinds() {
        let r = ok("mentor walk Søren fre 13");
        assert_eq!(r.start, Some(at(2026, 11, 27, 13, 0)));
        assert_eq!(r.channel, Some(Channel::Walk));
        assert_eq!(r.kind, Some(Kind::MentorVisit));
        assert_eq!(r.name, "Søren");
        let r = ok("mentorbesøg gåtur Søren fre 13");
        assert_eq!(
            (r.channel, r.kind),
            (Some(Channel::Walk), Some(Kind::MentorVisit))
        );
        // A mentor channel implies a mentor visit ...
        let r = ok("hjemmebesøg hos Søren fre 13");
        assert_eq!(
            (r.channel, r.kind),
            (Some(Channel::HomeVisit), Some(Kind::MentorVisit))
        );
        assert_eq!(r.name, "Søren");
        let r = ok("home visit with Søren fri 13");
        assert_eq!(
            (r.channel, r.kind),
            (Some(Channel::HomeVisit), Some(Kind::MentorVisit))
        );
        assert_eq!(r.name, "Søren");
        // ... unless it is said to be a conversation.
        let r = ok("samtale gåtur Søren fre 13");
        assert_eq!(
            (r.channel, r.kind),
            (Some(Channel::Walk), Some(Kind::Conversation))
        );
        let r = ok("conversation walk Søren fri 13");
        assert_eq!(
            (r.channel, r.kind),
            (Some(Channel::Walk), Some(Kind::Conversation))
        );
        let r = ok("samtale fremmøde Jens tor 10");
        assert_eq!(
            (r.channel, r.kind),
            (Some(Channel::InPerson), Some(Kind::Conversation))
        );
        let r = ok("in person Jens thu 10");
        assert_eq!((r.channel, r.kind), (Some(Channel::InPerson), None));
        assert_eq!(r.name, "Jens");
        for (w, c) in [
            ("tlf", Channel::Phone),
            ("telefon", Channel::Phone),
            ("video", Channel::Video),
            ("teams", Channel::Video),
            ("arbejdsplads", Channel::Workplace),
            ("workplace", Channel::Workplace),
        ] {
            assert_eq!(ok(&format!("tor 10 {w} Jens")).channel, Some(c), "{w}");
        }
        let r = ok("Jens tor 10");
        assert_eq!((r.channel, r.kind), (None, None));
    }

    #[test]
    fn a_name_that_is_a_weekday_word() {
        let r = ok("Tor Hansen tor 10");
        assert_eq!(r.start, Some(at(2026, 11, 26, 10, 0)));
        assert_eq!(r.name, "Tor Hansen");
        let r = ok("fre 10 Tor Hansen");
        assert_eq!(r.start, Some(at(2026, 11, 27, 10, 0)));
        assert_eq!(r.name, "Tor Hansen");
    }

    #[test]
    fn missing_parts_are_named() {
        assert!(problems_en("Jens").contains("Give a day and a time"));
        assert!(problems_en("").contains("Give a day and a time"));
        assert!(problems_en("tor Jens").contains("Give a time for Thursday 2026-11-26"));
        let r = p("tor Jens");
        assert!(r.problems[0].da.contains("torsdag 26.11.2026"), "{r:?}");
        assert_eq!(r.start, None);
        assert_eq!(r.name, "Jens");
        assert!(problems_en("10.30 Jens").contains("Give a day for 10.30"));
        assert!(problems_en("kl Jens tor").contains("'kl' needs a time"));
    }

    #[test]
    fn impossible_dates_and_times_name_the_part() {
        let r = p("31.02 10");
        assert_eq!(r.start, None);
        assert_eq!(r.problems.len(), 1, "{r:?}");
        assert_eq!(
            r.problems[0].en,
            "31.02 is not a date: February has no day 31"
        );
        assert_eq!(
            r.problems[0].da,
            "31.02 er ikke en dato: der er ingen 31. februar"
        );
        assert!(problems_en("31.02.2026 10").contains("February 2026 has no day 31"));
        assert!(problems_en("2026-13-01 10").contains("there is no month 13"));
        assert!(problems_en("10.13.2026 10").contains("there is no month 13"));
        let r = p("tor 25.00");
        assert_eq!(r.start, None);
        assert_eq!(r.problems.len(), 1, "{r:?}");
        assert!(r.problems[0].en.starts_with("25.00 is not a time"), "{r:?}");
        assert!(
            r.problems[0].da.starts_with("25.00 er ikke et klokkeslæt"),
            "{r:?}"
        );
        assert!(problems_en("tor 24").contains("24 is not a time"));
        assert!(problems_en("tor 10.75").contains("10.75 is not a time"));
        assert!(problems_en("tor 10:5").contains("10:5 is not a time"));
        assert!(problems_en("tor kl 10.3").starts_with("10.3 is not a time"));
        assert!(problems_en("thu 13pm").contains("13pm is not a time"));
    }

    #[test]
    fn minutes_out_of_range() {
        for d in ["0m", "1441m", "25t", "0,2m", "99999999999999999999999m"] {
            let r = p(&format!("tor 10 {d}"));
            assert_eq!(r.minutes, None, "{d}");
            assert!(
                r.problems
                    .iter()
                    .any(|p| p.en.contains("must be 1–1440 minutes")),
                "{d}: {r:?}"
            );
            assert_eq!(r.start, Some(at(2026, 11, 26, 10, 0)), "{d}");
        }
    }

    #[test]
    fn contradictions_are_problems() {
        assert!(problems_en("tor 10 11").contains("Two times: '10' and '11'"));
        assert!(problems_en("i dag i morgen 10").contains("Two dates"));
        assert!(problems_en("23.11.2026 uge 49 man 10").contains("Two dates"));
        assert!(problems_en("tlf video tor 10").contains("Two channels: 'tlf' and 'video'"));
        assert!(problems_en("tor 10 30m 45m").contains("Two durations"));
        assert!(problems_en("mentor samtale tor 10").contains("Two kinds"));
        assert!(problems_en("man 24.11.2026 10").contains("2026-11-24 is a Tuesday"));
        // The same thing said twice is fine.
        assert_eq!(start("tir 24.11.2026 10"), at(2026, 11, 24, 10, 0));
        assert_eq!(ok("tlf telefon tor 10").channel, Some(Channel::Phone));
    }

    #[test]
    fn stray_numbers_are_problems_not_names() {
        assert!(problems_en("tor 10 2026").contains("'2026' is not understood"));
        assert!(problems_en("tor 10 3F").contains("'3F' is not understood"));
        let r = p("tor 10 1.2.3.4");
        assert!(r.problems[0].en.contains("not understood"), "{r:?}");
    }

    #[test]
    fn user_text_in_messages_is_short_and_clean() {
        let long = format!("{}m", "9".repeat(200));
        let r = p(&format!("tor 10 {long}"));
        assert!(
            r.problems.iter().all(|p| p.en.chars().count() < 120),
            "{r:?}"
        );
        let r = p("tor 10 9\u{1b}[31mx");
        assert!(r.problems.iter().all(|p| !p.en.contains('\u{1b}')), "{r:?}");
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in [
            "a€",
            "€€€ 1€ €1 1.€ kl€ uge€ uge 9€",
            "i",
            "i i i dag",
            "næste",
            "next",
            "kl",
            "kl.",
            "uge",
            "w",
            "𝟙𝟘.𝟛𝟘 tor",
            "１０：３０ tor",
            "¨ ´ ¨i ¨dag",
            ". .. ... - / : ,,, ;;;",
            "0.0.0 00:00 0/0 0-0",
            "4294967296.4294967296 4294967296:1 99999999999.1",
            "\u{0} \u{7f} \u{202e}tor 10",
        ] {
            let _ = p(s);
        }
    }

    #[test]
    fn full_width_digits_are_digits() {
        assert_eq!(start("tor １０.３０"), at(2026, 11, 26, 10, 30));
    }

    fn people() -> Vec<(i64, &'static str)> {
        vec![
            (1, "Jens Jensen"),
            (2, "Jens Hansen"),
            (3, "Søren Hansen"),
            (4, "Anders Jensen"),
            (5, "Åse Jørgensen"),
            (6, "Hans-Erik Nielsen"),
            (7, "Jens"),
            (8, "Mette Søndergaard"),
        ]
    }

    #[test]
    fn citizens_match_with_accents_ignored() {
        assert_eq!(match_citizens("soren", people()), vec![3]);
        assert_eq!(match_citizens("søren", people()), vec![3]);
        assert_eq!(match_citizens("SØR han", people()), vec![3]);
        assert_eq!(match_citizens("ase", people()), vec![5]);
        assert_eq!(match_citizens("aase joer", people()), vec![5]);
        assert_eq!(match_citizens("jorgensen", people()), vec![5]);
        assert_eq!(match_citizens("sondergaard", people()), vec![8]);
        assert_eq!(match_citizens("erik", people()), vec![6]);
        assert_eq!(match_citizens("hans-erik", people()), vec![6]);
    }

    #[test]
    fn every_query_word_needs_its_own_name_word() {
        assert_eq!(match_citizens("jens h", people()), vec![2]);
        assert_eq!(match_citizens("jens j", people()), vec![1]);
        assert_eq!(match_citizens("h jens", people()), vec![2]);
        assert_eq!(match_citizens("jens jens", people()), vec![1]);
        assert_eq!(match_citizens("jens hansen x", people()), Vec::<i64>::new());
        assert_eq!(match_citizens("ens", people()), Vec::<i64>::new());
        assert_eq!(match_citizens("", people()), Vec::<i64>::new());
        assert_eq!(match_citizens(" - ", people()), Vec::<i64>::new());
    }

    #[test]
    fn best_matches_come_first() {
        // Exact full name, then whole words (first name first, then alphabetical), then prefixes.
        assert_eq!(match_citizens("jens", people()), vec![7, 2, 1, 4]);
        assert_eq!(match_citizens("Jens Hansen", people()), vec![2]);
        assert_eq!(match_citizens("hansen", people()), vec![2, 3]);
        assert_eq!(match_citizens("han", people()), vec![6, 2, 3]);
        assert_eq!(match_citizens("je", people()), vec![7, 2, 1, 4]);
    }
}
