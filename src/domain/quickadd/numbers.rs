//! Words that start with a digit: durations (`30m`, `1,5 timer`), times (`10.30`, `9am`) and
//! dates (`23.11`, `2026-11-24`), and the `10.11` that can be either.

use chrono::NaiveTime;

use super::calendar::full_date;
use super::tokens::{Item, Tok, raw_join, unknown};
use super::{Problem, show};

const MAX_MINUTES: i64 = 1440;

const MINUTE_UNITS: [&str; 8] = [
    "m", "min", "mins", "minut", "minutter", "minute", "minutes", "minuts",
];
const HOUR_UNITS: [&str; 8] = ["t", "h", "time", "timer", "hour", "hours", "hr", "hrs"];

pub(in crate::domain) fn unit_factor(unit: &str) -> Option<i64> {
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
pub(in crate::domain) fn is_time_shaped(f: &str) -> bool {
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
pub(in crate::domain) fn strict_time(f: &str, raw: &str) -> Result<NaiveTime, Problem> {
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

/// `10-11`, `9-10.30`, `10.30-11.15`, `10:30-11:15`: a time range, when the word has that shape.
/// Two plain numbers that can also be a day and a month (`10-11`) are left to the whole line to
/// decide ([`Item::AmbiguousRange`]); a pair that cannot be a range (`23-11`) is not one.
pub(in crate::domain) fn range_at(f: &str, raw: &str) -> Option<Item> {
    let core = f.strip_suffix('.').unwrap_or(f);
    let (l, r) = core.split_once('-')?;
    if r.contains('-') || !is_time_shaped(l) || !is_time_shaped(r) {
        return None;
    }
    let plain = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if plain(l) && plain(r) {
        let (a, b) = (l.parse::<u32>().ok()?, r.parse::<u32>().ok()?);
        if a >= b || b > 23 {
            // "23-11", "24-12": a day and a month.
            return None;
        }
        let raw = raw.to_string();
        if a >= 1 && b <= 12 {
            return Some(Item::AmbiguousRange { a, b, raw });
        }
        return Some(Item::Range {
            range: Ok(hour_range(a, b)),
            raw,
        });
    }
    let range = strict_time(l, raw).and_then(|start| {
        let end = strict_time(r, raw)?;
        let minutes = (end - start).num_minutes();
        if minutes <= 0 {
            return Err(Problem::new(
                format!("{} slutter før det begynder", show(raw)),
                format!("{} ends before it starts", show(raw)),
            ));
        }
        Ok((start, minutes))
    });
    Some(Item::Range {
        range,
        raw: raw.to_string(),
    })
}

/// From hour `a` to hour `b` (`a < b <= 23`): the start and the minutes.
pub(in crate::domain) fn hour_range(a: u32, b: u32) -> (NaiveTime, i64) {
    (
        NaiveTime::from_hms_opt(a, 0, 0).unwrap_or_default(),
        i64::from(b.saturating_sub(a)) * 60,
    )
}

/// A word that starts with a digit: a duration, a date, a time, or a problem.
pub(in crate::domain) fn number_at(toks: &[Tok], i: usize) -> (Item, usize) {
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
    if let Some(item) = range_at(f, t.raw) {
        return (item, 1);
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
