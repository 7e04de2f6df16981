//! The words of a series on a quick-add line: how often (`hver tir`, `hver 2. uge`, `every
//! other week`, `fortnightly`, `månedlig`), until when (`indtil 31.03`, `until 2027-03-31`) and
//! how many times (`10 gange`, `10 times`, `10x`).

use super::numbers::number_at;
use super::tokens::{Item, Tok, UntilDay, raw_join};
use super::{Problem, show};
use crate::domain::recurrence::{Frequency, MAX_OCCURRENCES};

/// A series word at `toks[i]`, with how many words it took; `None` when it is none.
pub(in crate::domain) fn repeat_at(toks: &[Tok], i: usize) -> Option<(Item, usize)> {
    let f = toks[i].f.as_str();
    let at = |k: usize| toks.get(i + k).map(|t| t.f.trim_end_matches('.'));
    let item = |frequency, implied, used: usize| {
        Some((
            Item::Repeat {
                frequency,
                implied,
                raw: raw_join(&toks[i..i + used]),
            },
            used,
        ))
    };
    match f {
        "ugentlig" | "ugentligt" | "weekly" => return item(Frequency::Weekly, false, 1),
        "fortnightly" | "biweekly" => return item(Frequency::EveryOtherWeek, false, 1),
        "manedlig" | "manedligt" | "monthly" => return item(Frequency::MonthlyWeekday, false, 1),
        "hver" | "every" | "each" => {}
        "indtil" | "until" | "til" | "till" => return until_at(toks, i),
        _ => return count_at(toks, i),
    }
    let next = at(1);
    if next.is_some_and(is_weekday) {
        // "hver tir": the weekday is read as a weekday next; weekly unless said otherwise.
        return item(Frequency::Weekly, true, 1);
    }
    match next {
        Some("uge" | "week") => return item(Frequency::Weekly, false, 2),
        Some("maned" | "month") => return item(Frequency::MonthlyWeekday, false, 2),
        Some("fortnight") => return item(Frequency::EveryOtherWeek, false, 2),
        _ => {}
    }
    // "hver 2. uge", "hver anden tirsdag", "every other week", "every 2nd tue", "hver 14. dag".
    let second = next.is_some_and(|n| {
        matches!(
            n,
            "2" | "anden" | "andet" | "other" | "second" | "2nd" | "two"
        )
    });
    let fortnight = next.is_some_and(|n| n == "14");
    let third = at(2);
    if second && third.is_some_and(is_weekday) {
        return item(Frequency::EveryOtherWeek, false, 2);
    }
    if second && third.is_some_and(|w| matches!(w, "uge" | "uger" | "week" | "weeks")) {
        return item(Frequency::EveryOtherWeek, false, 3);
    }
    if fortnight && third.is_some_and(|w| matches!(w, "dag" | "dage" | "day" | "days")) {
        return item(Frequency::EveryOtherWeek, false, 3);
    }
    let raw = toks[i].raw;
    Some((
        Item::Problem(Problem::new(
            format!(
                "'{}' gentager hver uge, hver 2. uge eller hver måned: fx hver tir 10 eller hver 2. uge tir 10",
                show(raw)
            ),
            format!(
                "'{}' repeats every week, every 2 weeks or every month: e.g. every tue 10 or every 2 weeks tue 10",
                show(raw)
            ),
        )),
        1,
    ))
}

fn is_weekday(f: &str) -> bool {
    super::recognise::weekday_word(f).is_some()
}

/// `indtil 31.03`, `until 2027-03-31`. `til` is read so only before a date (else it is a word of
/// the name); `indtil`/`until` without a date is a problem.
fn until_at(toks: &[Tok], i: usize) -> Option<(Item, usize)> {
    let strict = matches!(toks[i].f.as_str(), "indtil" | "until");
    let day = toks
        .get(i + 1)
        .filter(|n| n.f.starts_with(|c: char| c.is_ascii_digit()))
        .and_then(|_| match number_at(toks, i + 1) {
            (Item::Day { date, .. }, 1) => Some(date.map(UntilDay::Date)),
            (
                Item::Yearless { day, month, .. }
                | Item::Ambiguous {
                    a: day, b: month, ..
                }
                | Item::AmbiguousRange {
                    a: day, b: month, ..
                },
                1,
            ) => Some(Ok(UntilDay::Yearless { day, month })),
            _ => None,
        });
    match day {
        Some(day) => Some((
            Item::Until {
                day,
                raw: raw_join(&toks[i..i + 2]),
            },
            2,
        )),
        None if strict => {
            let raw = toks[i].raw;
            Some((
                Item::Problem(Problem::new(
                    format!("'{}' mangler en dato, fx indtil 31.03", show(raw)),
                    format!("'{}' needs a date, e.g. until 31.03", show(raw)),
                )),
                1,
            ))
        }
        None => None,
    }
}

/// `10 gange`, `10 times`, `10x`, `1 gang`.
fn count_at(toks: &[Tok], i: usize) -> Option<(Item, usize)> {
    let f = toks[i].f.as_str();
    let digits = |s: &str| !s.is_empty() && s.len() <= 6 && s.bytes().all(|b| b.is_ascii_digit());
    let (n, used) = if digits(f)
        && toks
            .get(i + 1)
            .is_some_and(|u| matches!(u.f.as_str(), "gange" | "gang" | "times" | "x"))
    {
        (f, 2)
    } else if let Some(n) = f.strip_suffix('x').filter(|n| digits(n)) {
        (n, 1)
    } else {
        return None;
    };
    let raw = raw_join(&toks[i..i + used]);
    let count = n
        .parse::<u32>()
        .ok()
        .filter(|c| (1..=MAX_OCCURRENCES as u32).contains(c))
        .ok_or_else(|| {
            Problem::new(
                format!("{} gange: en serie har 1–{MAX_OCCURRENCES} datoer", show(n)),
                format!("{} times: a series has 1–{MAX_OCCURRENCES} dates", show(n)),
            )
        });
    Some((Item::Count { count, raw }, used))
}
