//! The second pass over a quick-add line: the whole line is known, so ambiguous parts are
//! decided, the parts combined and the problems listed.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

use super::calendar::{in_next_week, week_date, yearless_date};
use super::tokens::Item;
use super::{Parsed, Problem, show};
use crate::domain::dates::{fmt_date, weekday_name};
use crate::domain::types::{Channel, Kind};

/// Second pass: the whole line is known; decide ambiguous parts, combine, and list the problems.
pub(super) fn resolve(mut items: Vec<Item>, now: NaiveDateTime) -> Parsed {
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
