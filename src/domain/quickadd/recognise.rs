//! The first pass over a quick-add line: each word (or a few words) on its own, as an [`Item`].

use chrono::Weekday;

use super::numbers::{is_time_shaped, number_at, range_at, strict_time, unit_factor};
use super::tokens::{Item, Tok, raw_join};
use super::{Problem, show};
use crate::domain::types::{Channel, Kind, Word};

/// First pass: each word (or phrase) on its own, with a look at the next word or two.
pub(in crate::domain) fn recognise(toks: &[Tok]) -> Vec<Item> {
    let mut items = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        let (item, used) = recognise_at(toks, i);
        items.push(item);
        i += used.max(1);
    }
    items
}

fn recognise_at(toks: &[Tok], i: usize) -> (Item, usize) {
    let t = &toks[i];
    let f = t.f.as_str();
    let next = toks.get(i + 1).map(|t| t.f.as_str());

    // A series: "hver tir", "every 2 weeks", "indtil 31.03", "10 gange".
    if let Some(found) = super::repeat::repeat_at(toks, i) {
        return found;
    }

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

    // "om 2 dage", "in 2 days", "om en uge", "in a week".
    if matches!(f, "om" | "in")
        && let Some(days) = in_days(toks, i)
    {
        return (
            Item::Relative {
                days,
                raw: raw_join(&toks[i..i + 3]),
            },
            3,
        );
    }

    // Filler words.
    if matches!(f, "med" | "with" | "hos") {
        return (Item::Filler(t.raw.to_string()), 1);
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
        // "kl. 10-11": after `kl` a pair of hours is a time range, never a date.
        if let Some(n) = toks.get(i + 1)
            && let Some(item) = range_at(&n.f, n.raw)
        {
            let raw = raw_join(&toks[i..i + 2]);
            let range = match item {
                Item::Range { range, .. } => range,
                Item::AmbiguousRange { a, b, .. } => Ok(super::numbers::hour_range(a, b)),
                _ => return (item, 1),
            };
            return (Item::Range { range, raw }, 2);
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

/// "om 2 dage", "in 2 days", "om en uge", "in three weeks": the days from today, when the two
/// words after `om`/`in` are a count (1–999 or one to three in words) and a unit of days or weeks.
fn in_days(toks: &[Tok], i: usize) -> Option<i64> {
    let count = toks.get(i + 1)?.f.as_str();
    let count: i64 = match count {
        "en" | "et" | "a" | "an" | "one" => 1,
        "to" | "two" => 2,
        "tre" | "three" => 3,
        n if (1..=3).contains(&n.len()) && n.chars().all(|c| c.is_ascii_digit()) => {
            n.parse().ok()?
        }
        _ => return None,
    };
    let unit = toks.get(i + 2)?.f.as_str();
    let per = match unit.strip_suffix('.').unwrap_or(unit) {
        "dag" | "dage" | "day" | "days" => 1,
        "uge" | "uger" | "week" | "weeks" => 7,
        _ => return None,
    };
    Some(count * per)
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

pub(in crate::domain) fn weekday_word(f: &str) -> Option<Weekday> {
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
