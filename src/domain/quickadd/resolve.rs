//! The second pass over a quick-add line: the whole line is known, so ambiguous parts are
//! decided, the parts combined and the problems listed.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

use super::calendar::{in_next_week, week_date, yearless_date};
use super::numbers::hour_range;
use super::tokens::{Item, UntilDay, unknown_problem};
use super::{Parsed, Problem, Repeat, show};
use crate::domain::dates::{fmt_date, weekday_name};
use crate::domain::recurrence::{End, Frequency};
use crate::domain::types::{Channel, Kind};

/// The parts of a line sorted by what they say, each with the words that said it.
#[derive(Default)]
pub(in crate::domain) struct Parts {
    pub(in crate::domain) days: Vec<(Result<NaiveDate, Problem>, String)>,
    pub(in crate::domain) week: Option<(u32, Option<i32>, String)>,
    pub(in crate::domain) next_week: Option<String>,
    pub(in crate::domain) weekday: Option<(Weekday, bool, String)>,
    pub(in crate::domain) times: Vec<(Result<NaiveTime, Problem>, String)>,
    pub(in crate::domain) minutes: Vec<(Result<i64, Problem>, String)>,
    pub(in crate::domain) channels: Vec<(Channel, String)>,
    pub(in crate::domain) kinds: Vec<(Kind, String)>,
    pub(in crate::domain) name: Vec<String>,
    /// A series: how often (with whether only implied by `hver tir`), until, how many times.
    pub(in crate::domain) repeats: Vec<(Frequency, bool, String)>,
    pub(in crate::domain) untils: Vec<(Result<UntilDay, Problem>, String)>,
    pub(in crate::domain) counts: Vec<(Result<u32, Problem>, String)>,
    /// Problems of words in the order they were typed.
    pub(in crate::domain) word_problems: Vec<Problem>,
}

/// The day and the time a line's parts give, and what is wrong with them.
pub(in crate::domain) struct DayTime {
    pub(in crate::domain) date: Option<NaiveDate>,
    pub(in crate::domain) time: Option<(NaiveTime, String)>,
    pub(in crate::domain) date_problem: bool,
    pub(in crate::domain) time_problem: bool,
    pub(in crate::domain) problems: Vec<Problem>,
}

/// Second pass: the whole line is known; decide ambiguous parts, combine, and list the problems.
pub(super) fn resolve(mut items: Vec<Item>, now: NaiveDateTime) -> Parsed {
    decide(&mut items, now.date(), false);
    let parts = sort(items, now.date());
    let DayTime {
        date,
        time,
        date_problem,
        time_problem,
        mut problems,
    } = day_and_time(&parts, now);
    let Parts {
        minutes,
        channels,
        kinds,
        name,
        word_problems,
        repeats,
        untils,
        counts,
        ..
    } = parts;

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
            (None, Some((_, raw))) => problems.push(day_missing(raw)),
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

    // A series.
    let first_day = start.map_or(now.date(), |s| s.date());
    let recurrence = series(&repeats, &untils, &counts, first_day, &mut problems);

    problems.extend(word_problems);
    Parsed {
        start,
        minutes: mins,
        channel,
        kind,
        name: name.join(" "),
        recurrence,
        problems,
    }
}

/// The series the line's words ask for: the first explicit frequency (`hver 2. uge`) before
/// the weekly one `hver tir` implies, and its end (a date or a count, not both).
pub(in crate::domain) fn series(
    repeats: &[(Frequency, bool, String)],
    untils: &[(Result<UntilDay, Problem>, String)],
    counts: &[(Result<u32, Problem>, String)],
    first_day: NaiveDate,
    problems: &mut Vec<Problem>,
) -> Option<Repeat> {
    let explicit: Vec<&(Frequency, bool, String)> = repeats.iter().filter(|r| !r.1).collect();
    let chosen = explicit.first().copied().or_else(|| repeats.first());
    if let Some((first, _, raw)) = explicit.first()
        && let Some((_, _, second)) = explicit.iter().skip(1).find(|r| r.0 != *first)
    {
        problems.push(two_of("gentagelser", "repeats", raw, second));
    }
    let end_raw = untils
        .first()
        .map(|u| &u.1)
        .or_else(|| counts.first().map(|c| &c.1));
    let Some((frequency, _, _)) = chosen else {
        if let Some(raw) = end_raw {
            problems.push(Problem::new(
                format!(
                    "'{}' siger ikke hvor ofte: skriv fx hver tir 10 eller hver 2. uge",
                    show(raw)
                ),
                format!(
                    "'{}' does not say how often: write e.g. every tue 10 or every 2 weeks",
                    show(raw)
                ),
            ));
        }
        return None;
    };
    if let (Some((_, u)), Some((_, c))) = (untils.first(), counts.first()) {
        problems.push(Problem::new(
            format!(
                "Både '{}' og '{}': angiv en slutdato eller et antal gange",
                show(u),
                show(c)
            ),
            format!(
                "Both '{}' and '{}': give an end date or a number of times",
                show(u),
                show(c)
            ),
        ));
        return Some(Repeat {
            frequency: *frequency,
            end: None,
        });
    }
    let mut end = None;
    if let Some((first, raw)) = untils.first() {
        if let Some((_, second)) = untils.iter().skip(1).find(|(u, _)| u != first) {
            problems.push(two_of("slutdatoer", "end dates", raw, second));
        }
        match first.clone().and_then(|d| until_date(d, first_day, raw)) {
            Ok(d) if d < first_day => problems.push(Problem::new(
                format!(
                    "Serien slutter {} før den begynder {}",
                    fmt_date(d, true),
                    fmt_date(first_day, true)
                ),
                format!(
                    "The series ends on {} before it begins on {}",
                    fmt_date(d, false),
                    fmt_date(first_day, false)
                ),
            )),
            Ok(d) => end = Some(End::Until(d)),
            Err(p) => problems.push(p),
        }
    } else if let Some((first, raw)) = counts.first() {
        if let Some((_, second)) = counts.iter().skip(1).find(|(c, _)| c != first) {
            problems.push(two_of("antal gange", "counts", raw, second));
        }
        match first {
            Ok(n) => end = Some(End::Count(*n)),
            Err(p) => problems.push(p.clone()),
        }
    }
    Some(Repeat {
        frequency: *frequency,
        end,
    })
}

/// The end date of `indtil 31.03`: a day and month without a year is the first such date on or
/// after the series' first day.
fn until_date(day: UntilDay, first_day: NaiveDate, raw: &str) -> Result<NaiveDate, Problem> {
    match day {
        UntilDay::Date(d) => Ok(d),
        UntilDay::Yearless { day, month } => (0..=4)
            .filter_map(|k| NaiveDate::from_ymd_opt(first_day.year() + k, month, day))
            .find(|d| *d >= first_day)
            .map_or_else(
                || super::calendar::full_date(first_day.year(), month, day, raw),
                Ok,
            ),
    }
}

pub(in crate::domain) fn twice(da_what: &str, en_what: &str, raw: &str) -> Problem {
    Problem::new(
        format!("To {da_what}: '{}' er én for meget", show(raw)),
        format!("Two {en_what}: '{}' is one too many", show(raw)),
    )
}

pub(in crate::domain) fn two_of(da_what: &str, en_what: &str, a: &str, b: &str) -> Problem {
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

pub(in crate::domain) fn week_without_day(raw: &str) -> Problem {
    Problem::new(
        format!("{}: angiv også en ugedag, fx uge 49 man 10", show(raw)),
        format!("{}: add a weekday too, e.g. week 49 mon 10", show(raw)),
    )
}

/// Decides what the whole line must settle: of two weekday words the first lower-case one is the
/// weekday and the others are part of the name ("Tor Hansen tor 10"); a `10.11` or `10-11` is a
/// date only when nothing else gives the day and something else gives the time (or when
/// `prefer_date`, for a field that holds a date alone), otherwise a time or a time range.
pub(in crate::domain) fn decide(items: &mut [Item], today: NaiveDate, prefer_date: bool) {
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
    let time_like = |it: &Item| {
        matches!(
            it,
            Item::Time { .. }
                | Item::Ambiguous { .. }
                | Item::Range { .. }
                | Item::AmbiguousRange { .. }
        )
    };
    for i in 0..items.len() {
        let (a, b, raw, range) = match &items[i] {
            Item::Ambiguous { a, b, raw } => (*a, *b, raw.clone(), false),
            Item::AmbiguousRange { a, b, raw } => (*a, *b, raw.clone(), true),
            _ => continue,
        };
        let other_time = items
            .iter()
            .enumerate()
            .any(|(j, it)| j != i && time_like(it));
        items[i] = if !has_day && (other_time || prefer_date) {
            has_day = true;
            Item::Day {
                date: yearless_date(a, b, today, &raw),
                raw,
            }
        } else if range {
            Item::Range {
                range: Ok(hour_range(a, b)),
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

/// Sorts the decided items by what they say.
pub(in crate::domain) fn sort(items: Vec<Item>, today: NaiveDate) -> Parts {
    let mut p = Parts::default();
    for it in items {
        match it {
            Item::Day { date, raw } => p.days.push((date, raw)),
            Item::Relative { days: n, raw } => {
                let date = today
                    .checked_add_signed(Duration::days(n))
                    .ok_or_else(|| out_of_calendar(&raw));
                p.days.push((date, raw));
            }
            Item::Yearless { day, month, raw } => {
                p.days.push((yearless_date(day, month, today, &raw), raw));
            }
            Item::Week { week: w, year, raw } => {
                if p.week.is_some() || p.next_week.is_some() {
                    p.word_problems.push(twice("uger", "weeks", &raw));
                } else {
                    p.week = Some((w, year, raw));
                }
            }
            Item::NextWeek { raw } => {
                if p.week.is_some() || p.next_week.is_some() {
                    p.word_problems.push(twice("uger", "weeks", &raw));
                } else {
                    p.next_week = Some(raw);
                }
            }
            Item::Weekday { wd, next, raw, .. } => p.weekday = Some((wd, next, raw)),
            Item::Time { time, raw } => p.times.push((time, raw)),
            Item::Range { range, raw } => {
                if let Ok((_, m)) = &range {
                    p.minutes.push((Ok(*m), raw.clone()));
                }
                p.times.push((range.map(|r| r.0), raw));
            }
            // Every ambiguous part was decided before.
            Item::Ambiguous { raw, .. } | Item::AmbiguousRange { raw, .. } => p.name.push(raw),
            Item::Filler(_) => {}
            Item::Minutes { minutes: m, raw } => p.minutes.push((m, raw)),
            Item::Channel { channel, raw } => p.channels.push((channel, raw)),
            Item::Kind { kind, raw } => p.kinds.push((kind, raw)),
            Item::Name(raw) => p.name.push(raw),
            Item::Repeat {
                frequency,
                implied,
                raw,
            } => p.repeats.push((frequency, implied, raw)),
            Item::Until { day, raw } => p.untils.push((day, raw)),
            Item::Count { count, raw } => p.counts.push((count, raw)),
            Item::Unknown(raw) => p.word_problems.push(unknown_problem(&raw)),
            Item::Problem(pr) => p.word_problems.push(pr),
        }
    }
    p
}

/// The day and the time of the sorted parts. A weekday alone is the next such day from `now`:
/// today while the time (if any) is still ahead.
pub(in crate::domain) fn day_and_time(p: &Parts, now: NaiveDateTime) -> DayTime {
    let today = now.date();
    let mut problems = Vec::new();

    // The time.
    let mut time = None;
    let mut time_problem = false;
    if let Some((first, raw)) = p.times.first() {
        match first {
            Ok(t) => time = Some((*t, raw.clone())),
            Err(pr) => {
                problems.push(pr.clone());
                time_problem = true;
            }
        }
        if let Some((_, second)) = p.times.iter().skip(1).find(|(t, _)| t != first) {
            problems.push(two_of("klokkeslæt", "times", raw, second));
            time_problem = true;
        }
    }

    // The day.
    let mut date: Option<NaiveDate> = None;
    let mut date_problem = false;
    if let Some((first, raw)) = p.days.first() {
        match first {
            Ok(d) => date = Some(*d),
            Err(pr) => {
                problems.push(pr.clone());
                date_problem = true;
            }
        }
        let other = p
            .days
            .iter()
            .skip(1)
            .find(|(d, _)| d != first)
            .map(|(_, r)| r.clone())
            .or_else(|| p.week.as_ref().map(|w| w.2.clone()))
            .or_else(|| p.next_week.clone());
        if let Some(second) = other {
            problems.push(two_of("datoer", "dates", raw, &second));
            date_problem = true;
            date = None;
        }
        if let (Some(d), Some((wd, _, wd_raw))) = (date, &p.weekday)
            && d.weekday() != *wd
        {
            problems.push(weekday_mismatch(d, *wd, wd_raw));
            date_problem = true;
            date = None;
        }
    } else if let Some((w, year, raw)) = &p.week {
        match &p.weekday {
            None => {
                problems.push(week_without_day(raw));
                date_problem = true;
            }
            Some((wd, _, _)) => match week_date(*w, *year, *wd, today, raw) {
                Ok(d) => date = Some(d),
                Err(pr) => {
                    problems.push(pr);
                    date_problem = true;
                }
            },
        }
    } else if let Some(raw) = &p.next_week {
        match &p.weekday {
            None => {
                problems.push(week_without_day(raw));
                date_problem = true;
            }
            Some((wd, _, _)) => date = Some(in_next_week(today, *wd)),
        }
    } else if let Some((wd, next, _)) = &p.weekday {
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
    // Only dates that exist: in the app's years (a relative day can reach past them), and not in
    // the hour the clocks skip on the spring night.
    if let Some(d) = date
        && !crate::domain::dates::in_range(d)
    {
        problems.push(crate::domain::dates::years_problem(
            &fmt_date(d, true),
            &fmt_date(d, false),
        ));
        date_problem = true;
        date = None;
    }
    if let (Some(d), Some((t, _))) = (date, &time)
        && let Some(gap) = crate::domain::localtime::gap_problem(d.and_time(*t))
    {
        problems.push(gap);
        time_problem = true;
        time = None;
    }
    DayTime {
        date,
        time,
        date_problem,
        time_problem,
        problems,
    }
}

/// "Give a day for 10.30": a time without a day. When the time could also be read as a date
/// (`23.11`, `10-11`), says how to mean the date.
pub(in crate::domain) fn day_missing(raw: &str) -> Problem {
    let r = show(raw);
    let (da_date, en_date) = if could_be_a_date(raw) {
        (
            format!("; menes datoen {r}, så skriv også et klokkeslæt: {r} 10.30"),
            format!("; for the date {r}, add a time: {r} 10:30"),
        )
    } else {
        (String::new(), String::new())
    };
    Problem::new(
        format!("Angiv en dag til {r}, fx tor, i morgen eller 23.11{da_date}"),
        format!("Give a day for {r}, e.g. thu, tomorrow or 23.11{en_date}"),
    )
}

/// `23.11`, `10-11`: two plain numbers that are also a day and a month.
fn could_be_a_date(raw: &str) -> bool {
    let Some((a, b)) = raw.split_once(['.', '-']) else {
        return false;
    };
    let num = |s: &str| {
        (!s.is_empty() && s.len() <= 2 && s.bytes().all(|c| c.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    matches!((num(a), num(b)), (Some(1..=31), Some(1..=12)))
}

fn out_of_calendar(raw: &str) -> Problem {
    Problem::new(
        format!("{} ligger uden for kalenderen", show(raw)),
        format!("{} is outside the calendar", show(raw)),
    )
}
