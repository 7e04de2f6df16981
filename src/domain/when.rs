//! One date-time language for every field that takes a day or a time: the move prompt, the full
//! form, closure start and the command line's `--at`/`--date`/`--from`/`--to`. It reads the same
//! words as the quick-add line (the recognisers are quick-add's own, so the two cannot drift) and
//! answers with a [`Problem`] in Danish and English.
//!
//! ```text
//! pub fn parse_date(input: &str, today: NaiveDate) -> Result<NaiveDate, Problem>
//! pub fn parse_time(input: &str) -> Result<NaiveTime, Problem>
//! pub fn parse_datetime(input: &str, now: NaiveDateTime, default_time: Option<NaiveTime>) -> Result<NaiveDateTime, Problem>
//! pub fn parse_slot(input: &str, now: NaiveDateTime) -> Result<Slot, Problem>
//! pub fn parse_slot_with(input: &str, now: NaiveDateTime, defaults: Defaults) -> Result<Slot, Problem>
//! pub fn parse_date_range(input: &str, today: NaiveDate) -> Result<DateRange, Problem>
//! ```
//!
//! The words (case and accents ignored): `i dag`/`today`, `i morgen`/`tomorrow`, `i overmorgen`,
//! `i går`/`yesterday`, `om 2 dage`/`in 2 days`, `om en uge`/`in a week`; weekdays long and short in
//! both languages (`tir`, `tirsdag`, `tue`), `næste tir`/`next tue`, `næste uge fre`; `uge 49 man`,
//! `week 49 mon`; dates `2026-11-23`, `23-11-2026`, `23.11.2026`, `23/11/2026`, `23.11` (the year
//! chosen as quick-add does: the first such date from 30 days ago on); times `10`, `10.30`, `10:30`,
//! `kl. 10.30`, `klokken 9`, `9am`; the contract's `2026-11-23T10:30`; and, where a length is
//! wanted, time ranges `10-11`, `10.30-11.15`, `kl. 10-11` and durations `30m`, `1t`.
//!
//! A weekday alone is the next such day: today while the time typed (if any) is still ahead of
//! `now`. `10.11` is a date in a date field, a time elsewhere unless the line gives another time
//! and no other day (`10.11 14.00`); `10-11` likewise a date or a time range. The whole input must
//! be a day and/or a time: any other word is refused, naming it.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

pub use super::quickadd::Problem;
use super::quickadd::numbers::strict_time;
use super::quickadd::recognise::recognise;
use super::quickadd::resolve::{day_and_time, day_missing, decide, sort, two_of};
use super::quickadd::tokens::Item;
use super::quickadd::{show, words};

/// A start and, when the input gave one (`10-11`, `30m`), its length in minutes (1–1440).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub start: NaiveDateTime,
    pub minutes: Option<u32>,
}

/// What a field already knows: the day a time alone is on (the appointment being moved), and
/// the time a day alone is at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Defaults {
    pub date: Option<NaiveDate>,
    pub time: Option<NaiveTime>,
}

/// A day: `tir`, `i morgen`, `om 2 dage`, `uge 49 man`, `23.11`, `2026-11-23` … A weekday alone
/// is today or the next such day.
pub fn parse_date(input: &str, today: NaiveDate) -> Result<NaiveDate, Problem> {
    let now = today.and_time(NaiveTime::MIN);
    let r = read(input, now, Want::Date, Defaults::default())?;
    r.date.ok_or_else(|| not_a(Want::Date, input, None))
}

/// A time of day: `10`, `9.05`, `10.30`, `10:30`, `1030`, `kl. 10.30`, `9am`.
pub fn parse_time(input: &str) -> Result<NaiveTime, Problem> {
    let t = input.trim();
    // The form fields have always taken four digits: `1030`.
    if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
        let (h, m) = t.split_at(2);
        return strict_time(&format!("{h}:{m}"), t).map_err(quoted);
    }
    // A time alone needs no day: any will do.
    let now = NaiveDateTime::default();
    let r = read(input, now, Want::Time, Defaults::default())?;
    r.time
        .map(|(t, _)| t)
        .ok_or_else(|| not_a(Want::Time, input, None))
}

/// A day and a time: `tir 9`, `i morgen 10.30`, `uge 49 man 10`, `23.11 14`,
/// `2026-11-23T10:30`. A day alone is at `default_time` when given, else refused ("has no time
/// of day"); a time alone is refused ("give a day"). A length (`10-11`, `30m`) is refused: this
/// field holds the start only.
pub fn parse_datetime(
    input: &str,
    now: NaiveDateTime,
    default_time: Option<NaiveTime>,
) -> Result<NaiveDateTime, Problem> {
    let defaults = Defaults {
        date: None,
        time: default_time,
    };
    read(input, now, Want::DateTime, defaults)?.start(input, defaults)
}

/// A day and a time with an optional length: `tir 10-11`, `i morgen 9 30m`, `fre kl. 13.15`.
pub fn parse_slot(input: &str, now: NaiveDateTime) -> Result<Slot, Problem> {
    parse_slot_with(input, now, Defaults::default())
}

/// As [`parse_slot`], with what the field already knows: a time alone (`14`, `10-11`) is on
/// `defaults.date`, a day alone (`tor`) at `defaults.time`; without them each is refused.
pub fn parse_slot_with(
    input: &str,
    now: NaiveDateTime,
    defaults: Defaults,
) -> Result<Slot, Problem> {
    let r = read(input, now, Want::Slot, defaults)?;
    Ok(Slot {
        start: r.start(input, defaults)?,
        minutes: r.minutes.and_then(|m| u32::try_from(m).ok()),
    })
}

/// Two days and the words after them: what closure start reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateRange {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The words after the second day, joined by one space (the closure's name); may be empty.
    pub rest: String,
}

/// The most words one day can take: `uge 49 2027 man`.
const MAX_DAY_WORDS: usize = 4;

/// Two days, then anything: `23.11 4.12 Vinter 2026`, `i morgen - uge 50 fre Julelukning`,
/// `fra 23.11.2026 til 04.12.2026`. Each day is the longest run of words (at most four) that
/// [`parse_date`] takes; `fra`/`from` may come before the first, `-`, `–`, `til` or `to` between
/// them. Whether the first day comes before the second is left to the caller.
pub fn parse_date_range(input: &str, today: NaiveDate) -> Result<DateRange, Problem> {
    let spaced = input.replace('–', " – ");
    let words: Vec<&str> = spaced.split_whitespace().collect();
    let mut i = usize::from(words.first().is_some_and(|w| {
        let f = super::text::fold(w);
        f == "fra" || f == "from"
    }));
    let (from, used) = longest_day(&words[i..], today)?;
    i += used;
    if words
        .get(i)
        .is_some_and(|w| matches!(super::text::fold(w).as_str(), "-" | "–" | "til" | "to"))
    {
        i += 1;
    }
    if i >= words.len() {
        return Err(Problem::new(
            "Angiv også den sidste dag, fx 23.11 4.12 Vinterlukning",
            "Give the last day too, e.g. 23.11 4.12 Winter closure",
        ));
    }
    let (to, used) = longest_day(&words[i..], today)?;
    Ok(DateRange {
        from,
        to,
        rest: words[i + used..].join(" "),
    })
}

/// The day the longest run of first words gives, and how many words it took; or the problem with
/// the first word.
fn longest_day(words: &[&str], today: NaiveDate) -> Result<(NaiveDate, usize), Problem> {
    (1..=words.len().min(MAX_DAY_WORDS))
        .rev()
        .find_map(|k| {
            parse_date(&words[..k].join(" "), today)
                .ok()
                .map(|d| (d, k))
        })
        .ok_or_else(|| match words.first() {
            Some(w) => parse_date(w, today)
                .err()
                .unwrap_or_else(|| empty(Want::Date)),
            None => empty(Want::Date),
        })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Want {
    Date,
    Time,
    DateTime,
    Slot,
}

/// What the input said.
struct Read {
    date: Option<NaiveDate>,
    /// The time and the words that gave it.
    time: Option<(NaiveTime, String)>,
    minutes: Option<i64>,
}

impl Read {
    /// The start: the day and the time read, or what the field already knows. A time the
    /// clocks skip (02.30 on the spring night) is refused, naming the gap.
    fn start(&self, input: &str, defaults: Defaults) -> Result<NaiveDateTime, Problem> {
        let start = self.start_unchecked(input, defaults)?;
        match super::localtime::gap_problem(start) {
            Some(p) => Err(p),
            None => Ok(start),
        }
    }

    fn start_unchecked(&self, input: &str, defaults: Defaults) -> Result<NaiveDateTime, Problem> {
        match (self.date, &self.time) {
            (Some(d), Some((t, _))) => Ok(d.and_time(*t)),
            (Some(d), None) => defaults
                .time
                .map(|t| d.and_time(t))
                .ok_or_else(|| no_time(input)),
            (None, Some((t, raw))) => defaults
                .date
                .map(|d| d.and_time(*t))
                .ok_or_else(|| quoted(day_missing(raw))),
            (None, None) => Err(not_a(Want::DateTime, input, None)),
        }
    }
}

/// Reads the input as quick-add does, then refuses what this field does not take.
fn read(input: &str, now: NaiveDateTime, want: Want, defaults: Defaults) -> Result<Read, Problem> {
    if input.trim().is_empty() {
        return Err(empty(want));
    }
    let today = now.date();
    let mut items = recognise(&words(input));
    // A lone `10.11` is a date where a date is wanted, or where only the time is known.
    let prefer_date = want == Want::Date || (defaults.time.is_some() && defaults.date.is_none());
    decide(&mut items, today, prefer_date);
    for it in &items {
        if let Some(raw) = misfit(it, want) {
            return Err(match (it, want) {
                (Item::Range { .. } | Item::Minutes { .. }, Want::DateTime) => length(it, raw),
                _ => not_a(want, input, Some(raw)),
            });
        }
    }
    let parts = sort(items, today);
    let dt = day_and_time(&parts, now);
    if let Some(p) = dt.problems.into_iter().next() {
        return Err(quoted(p));
    }
    let mut minutes = None;
    if let Some((first, raw)) = parts.minutes.first() {
        minutes = Some(first.clone()?);
        if let Some((_, second)) = parts.minutes.iter().skip(1).find(|(m, _)| m != first) {
            return Err(two_of("varigheder", "durations", raw, second));
        }
    }
    if let Some(p) = parts.word_problems.into_iter().next() {
        return Err(p);
    }
    Ok(Read {
        date: dt.date,
        time: dt.time,
        minutes,
    })
}

/// The words of an item that this field does not take.
fn misfit(it: &Item, want: Want) -> Option<&str> {
    let day = matches!(
        it,
        Item::Day { .. }
            | Item::Relative { .. }
            | Item::Yearless { .. }
            | Item::Week { .. }
            | Item::NextWeek { .. }
            | Item::Weekday { .. }
    );
    let time = matches!(it, Item::Time { .. });
    let length = matches!(it, Item::Range { .. } | Item::Minutes { .. });
    let fits = match want {
        Want::Date => day,
        Want::Time => time,
        Want::DateTime => day || time,
        Want::Slot => day || time || length,
    };
    if fits {
        return None;
    }
    match it {
        Item::Day { raw, .. }
        | Item::Relative { raw, .. }
        | Item::Yearless { raw, .. }
        | Item::Week { raw, .. }
        | Item::NextWeek { raw }
        | Item::Weekday { raw, .. }
        | Item::Time { raw, .. }
        | Item::Range { raw, .. }
        | Item::AmbiguousRange { raw, .. }
        | Item::Ambiguous { raw, .. }
        | Item::Minutes { raw, .. }
        | Item::Channel { raw, .. }
        | Item::Kind { raw, .. }
        | Item::Name(raw)
        | Item::Filler(raw)
        | Item::Repeat { raw, .. }
        | Item::Until { raw, .. }
        | Item::Count { raw, .. }
        | Item::Unknown(raw) => Some(raw),
        // A word's own problem ("kl" without a time) is reported as quick-add reports it.
        Item::Problem(_) => None,
    }
}

/// The forms each field takes, for its messages.
fn examples(want: Want) -> (&'static str, &'static str) {
    match want {
        Want::Date => (
            "tir, i morgen, 23.11 eller 2026-11-23",
            "tue, tomorrow, 23.11 or 2026-11-23",
        ),
        Want::Time => (
            "10.30, 10:30 eller kl. 9",
            "10:30, 10.30 or 9 (24-hour clock)",
        ),
        Want::DateTime => (
            "tir 9, i morgen 10.30, 23.11 10.30 eller 2026-11-23 10:30",
            "tue 9, tomorrow 10:30, 23.11 10:30 or 2026-11-23 10:30",
        ),
        Want::Slot => (
            "tir 9, i morgen 10-11, 23.11 10.30 30m eller 2026-11-23 10:30",
            "tue 9, tomorrow 10-11, 23.11 10:30 30m or 2026-11-23 10:30",
        ),
    }
}

fn what(want: Want) -> (&'static str, &'static str) {
    match want {
        Want::Date => ("en dato", "a date"),
        Want::Time => ("et klokkeslæt", "a time"),
        Want::DateTime | Want::Slot => ("en dag og et klokkeslæt", "a date and time"),
    }
}

/// "'tirx' er ikke en dato: skriv fx tir, i morgen, 23.11 eller 2026-11-23", naming the word that
/// does not fit when it is not the whole input.
fn not_a(want: Want, input: &str, word: Option<&str>) -> Problem {
    let input = input.trim();
    let (da_what, en_what) = what(want);
    let (da_ex, en_ex) = examples(want);
    let (da_word, en_word) = match word {
        Some(w) if w != input => (
            format!(" ('{}' passer ikke ind)", show(w)),
            format!(" ('{}' does not fit)", show(w)),
        ),
        _ => (String::new(), String::new()),
    };
    Problem::new(
        format!(
            "'{}' er ikke {da_what}{da_word}: skriv fx {da_ex}",
            show(input)
        ),
        format!(
            "'{}' is not {en_what}{en_word}: use e.g. {en_ex}",
            show(input)
        ),
    )
}

fn empty(want: Want) -> Problem {
    let (da_what, en_what) = what(want);
    let (da_ex, en_ex) = examples(want);
    Problem::new(
        format!("Angiv {da_what}, fx {da_ex}"),
        format!("empty: give {en_what} such as {en_ex}"),
    )
}

fn no_time(input: &str) -> Problem {
    let t = show(input.trim());
    Problem::new(
        format!("'{t}' mangler et klokkeslæt: skriv det efter, fx '{t} 10.30'"),
        format!("'{t}' has no time of day: add one, as in '{t} 10:30'"),
    )
}

/// A range or a duration where only the start is wanted.
fn length(it: &Item, raw: &str) -> Problem {
    let raw = show(raw);
    if matches!(it, Item::Range { .. }) {
        Problem::new(
            format!("'{raw}' er et tidsrum: her skal kun starttidspunktet stå, fx 10"),
            format!("'{raw}' is a time range: give only the start here, e.g. 10"),
        )
    } else {
        Problem::new(
            format!("'{raw}' er en varighed: her skal kun starttidspunktet stå"),
            format!("'{raw}' is a duration: give only the start here"),
        )
    }
}

/// Quick-add names an impossible part bare ("31.02 is not a date: …"); a field names it in
/// quotes, as the command line always has ("'31.02.2026' is not a date: …").
fn quoted(p: Problem) -> Problem {
    fn quote(s: &str, marker: &str) -> String {
        match s.find(marker) {
            Some(i) if i > 0 && !s.starts_with('\'') => format!("'{}'{}", &s[..i], &s[i..]),
            _ => s.to_string(),
        }
    }
    Problem {
        da: quote(&p.da, " er ikke e"),
        en: quote(&p.en, " is not a"),
    }
}

/// The same parsers with the English sentence as the error, for callers that word errors in
/// English only (the caseload import, `JOBDESK_NOW`).
pub mod english {
    use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

    /// Parses a date in the app's one date-time language ([`super::when`]): `2026-11-23`,
    /// `23-11-2026`, `23.11.2026`, `23/11/2026`, `23.11`, `today`/`i dag`, `tomorrow`/`i morgen`,
    /// `tir`, `om 2 dage`, `uge 49 man` … `today` is injected. The error is the English sentence;
    /// [`super::super::parse_date`] gives both languages.
    pub fn parse_date(s: &str, today: NaiveDate) -> Result<NaiveDate, String> {
        super::parse_date(s, today).map_err(|p| p.en)
    }

    /// Parses a time of day: `10:30`, `10.30`, `1030`, `10`, `9`, `kl. 10.30`. The error is the English
    /// sentence; [`super::super::parse_time`] gives both languages.
    pub fn parse_time(s: &str) -> Result<NaiveTime, String> {
        super::parse_time(s).map_err(|p| p.en)
    }

    /// Parses a date and a time: `2026-11-23T10:30`, `2026-11-23 10:30`, `23.11.2026 10.30`,
    /// `today 14:00`, `i dag 9`, `tir 9`, `uge 49 man 10`. A date alone means `default_time` if given.
    /// Only the day is known here, so a weekday is today at any time of today; callers that know the
    /// time of day use [`super::super::parse_datetime`], which also gives both languages.
    pub fn parse_datetime(
        s: &str,
        today: NaiveDate,
        default_time: Option<NaiveTime>,
    ) -> Result<NaiveDateTime, String> {
        super::parse_datetime(s, today.and_time(NaiveTime::MIN), default_time).map_err(|p| p.en)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Monday 23 November 2026, 09:00.
    fn now() -> NaiveDateTime {
        at(2026, 11, 23, 9, 0)
    }
    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|d| d.and_hms_opt(h, min, 0))
            .unwrap_or_default()
    }
    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }
    fn hm(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default()
    }

    #[test]
    fn dates_in_words_and_numbers() {
        let today = now().date();
        for (s, want) in [
            ("tir", day(2026, 11, 24)),
            ("tirsdag", day(2026, 11, 24)),
            ("Tue", day(2026, 11, 24)),
            ("man", day(2026, 11, 23)),
            ("i dag", day(2026, 11, 23)),
            ("i morgen", day(2026, 11, 24)),
            ("i overmorgen", day(2026, 11, 25)),
            ("om 2 dage", day(2026, 11, 25)),
            ("in 2 days", day(2026, 11, 25)),
            ("om en uge", day(2026, 11, 30)),
            ("in 3 weeks", day(2026, 12, 14)),
            ("næste tir", day(2026, 12, 1)),
            ("næste uge fre", day(2026, 12, 4)),
            ("uge 49 man", day(2026, 11, 30)),
            ("week 49 mon", day(2026, 11, 30)),
            ("23.11", day(2026, 11, 23)),
            ("10.11", day(2026, 11, 10)),
            ("10.11", day(2026, 11, 10)),
            ("23-11", day(2026, 11, 23)),
            ("15.01", day(2027, 1, 15)),
            ("2026-11-23", day(2026, 11, 23)),
            ("23-11-2026", day(2026, 11, 23)),
            ("23.11.2026", day(2026, 11, 23)),
        ] {
            assert_eq!(parse_date(s, today), Ok(want), "{s}");
        }
    }

    #[test]
    fn times_alone() {
        for (s, want) in [
            ("10", hm(10, 0)),
            ("9", hm(9, 0)),
            ("10.30", hm(10, 30)),
            ("10:30", hm(10, 30)),
            ("10.11", hm(10, 11)),
            ("1030", hm(10, 30)),
            ("kl. 10.30", hm(10, 30)),
            ("klokken 9", hm(9, 0)),
            ("2:30pm", hm(14, 30)),
        ] {
            assert_eq!(parse_time(s), Ok(want), "{s}");
        }
        let e = parse_time("25.00").unwrap_err();
        assert!(e.en.starts_with("'25.00' is not a time"), "{e:?}");
        assert!(e.da.starts_with("'25.00' er ikke et klokkeslæt"), "{e:?}");
        assert!(parse_time("tir").is_err());
        assert!(parse_time("10-11").is_err());
    }

    #[test]
    fn slots_with_a_length() {
        let s = |x: &str| parse_slot(x, now());
        assert_eq!(
            s("tor 10-11"),
            Ok(Slot {
                start: at(2026, 11, 26, 10, 0),
                minutes: Some(60)
            })
        );
        assert_eq!(
            s("i morgen 10.30-11.15"),
            Ok(Slot {
                start: at(2026, 11, 24, 10, 30),
                minutes: Some(45)
            })
        );
        assert_eq!(
            s("fre kl. 9-10"),
            Ok(Slot {
                start: at(2026, 11, 27, 9, 0),
                minutes: Some(60)
            })
        );
        assert_eq!(
            s("tor 10 30m"),
            Ok(Slot {
                start: at(2026, 11, 26, 10, 0),
                minutes: Some(30)
            })
        );
        assert!(s("tor 11.00-10.00").unwrap_err().en.contains("ends before"));
        let on = Defaults {
            date: Some(day(2026, 12, 2)),
            time: None,
        };
        assert_eq!(
            parse_slot_with("14-15", now(), on),
            Ok(Slot {
                start: at(2026, 12, 2, 14, 0),
                minutes: Some(60)
            })
        );
    }

    #[test]
    fn a_datetime_holds_no_length() {
        let e = parse_datetime("tor 10-11", now(), None).unwrap_err();
        assert!(e.en.contains("is a time range"), "{e:?}");
        assert!(e.da.contains("er et tidsrum"), "{e:?}");
        let e = parse_datetime("tor 10 30m", now(), None).unwrap_err();
        assert!(e.en.contains("is a duration"), "{e:?}");
    }

    #[test]
    fn a_day_alone_takes_the_default_time() {
        assert_eq!(
            parse_datetime("tor", now(), Some(hm(9, 0))),
            Ok(at(2026, 11, 26, 9, 0))
        );
        assert_eq!(
            parse_datetime("23.11", now(), Some(hm(9, 0))),
            Ok(at(2026, 11, 23, 9, 0))
        );
        let e = parse_datetime("tor", now(), None).unwrap_err();
        assert!(e.en.contains("'tor' has no time of day"), "{e:?}");
        assert!(e.da.contains("'tor' mangler et klokkeslæt"), "{e:?}");
    }

    #[test]
    fn two_days_and_a_name() {
        let today = now().date();
        let r = |s: &str| parse_date_range(s, today);
        assert_eq!(
            r("23.11.2026 04.12.2026 Vinter 2026"),
            Ok(DateRange {
                from: day(2026, 11, 23),
                to: day(2026, 12, 4),
                rest: "Vinter 2026".into()
            })
        );
        assert_eq!(
            r("i morgen - uge 50 fre Julelukning"),
            Ok(DateRange {
                from: day(2026, 11, 24),
                to: day(2026, 12, 11),
                rest: "Julelukning".into()
            })
        );
        assert_eq!(
            r("fra i dag til om 2 uger"),
            Ok(DateRange {
                from: day(2026, 11, 23),
                to: day(2026, 12, 7),
                rest: String::new()
            })
        );
        assert_eq!(
            r("23.11–4.12").map(|x| (x.from, x.to)),
            Ok((day(2026, 11, 23), day(2026, 12, 4)))
        );
        let e = r("23.11").unwrap_err();
        assert!(e.da.contains("den sidste dag"), "{e:?}");
        let e = r("tirx 4.12").unwrap_err();
        assert!(e.da.starts_with("'tirx' er ikke en dato"), "{e:?}");
        let e = r("23.11 31.02 x").unwrap_err();
        assert!(e.en.contains("February has no day 31"), "{e:?}");
        assert!(r("").is_err());
    }

    #[test]
    fn errors_name_the_word_in_both_languages() {
        let e = parse_date("tirx", now().date()).unwrap_err();
        assert_eq!(
            e.da,
            "'tirx' er ikke en dato: skriv fx tir, i morgen, 23.11 eller 2026-11-23"
        );
        assert_eq!(
            e.en,
            "'tirx' is not a date: use e.g. tue, tomorrow, 23.11 or 2026-11-23"
        );
        let e = parse_date("tir 10", now().date()).unwrap_err();
        assert!(e.da.contains("('10' passer ikke ind)"), "{e:?}");
        let e = parse_datetime("tir 9 Jens", now(), None).unwrap_err();
        assert!(e.en.contains("'Jens' does not fit"), "{e:?}");
        let e = parse_date("31.02.2026", now().date()).unwrap_err();
        assert_eq!(
            e.en,
            "'31.02.2026' is not a date: February 2026 has no day 31"
        );
        assert_eq!(
            e.da,
            "'31.02.2026' er ikke en dato: der er ingen 31. februar 2026"
        );
        assert!(
            parse_date("", now().date())
                .unwrap_err()
                .da
                .contains("Angiv en dato")
        );
        let e = parse_datetime("10.30", now(), None).unwrap_err();
        assert!(e.da.starts_with("Angiv en dag til 10.30"), "{e:?}");
    }

    #[test]
    fn only_years_2000_to_2099() {
        let today = now().date();
        for s in [
            "0000-01-01",
            "9999-12-31",
            "2200-01-01",
            "01.01.2200",
            "31.12.1999",
            "1999-12-31",
            "01.01.2100",
            "uge 10 2100 man",
        ] {
            let e = parse_date(s, today).unwrap_err();
            assert!(e.en.contains("the year must be 2000–2099"), "{s}: {e:?}");
            assert!(e.da.contains("året skal ligge i 2000–2099"), "{s}: {e:?}");
        }
        // Words that reach past the range.
        for (s, on) in [("om 999 uger", day(2098, 6, 1)), ("i går", day(2000, 1, 1))] {
            let e = parse_date(s, on).unwrap_err();
            assert!(e.en.contains("the year must be 2000–2099"), "{s}: {e:?}");
        }
        let e = parse_date("01.01.2200", today).unwrap_err();
        assert_eq!(
            e.da,
            "'01.01.2200' er ikke en dato: året skal ligge i 2000–2099"
        );
        // A two-digit year is 20yy: 99 is 2099, inside the range.
        assert_eq!(parse_date("01.01.99", today), Ok(day(2099, 1, 1)));
        assert_eq!(parse_date("01.01.00", today), Ok(day(2000, 1, 1)));
        assert_eq!(parse_date("2099-12-31", today), Ok(day(2099, 12, 31)));
        assert_eq!(parse_date("2000-01-01", today), Ok(day(2000, 1, 1)));
        assert!(parse_datetime("9999-12-31 10:00", now(), None).is_err());
    }

    #[test]
    fn the_spring_gap_is_refused_naming_it() {
        let e = parse_datetime("29.03.2026 02:30", now(), None).unwrap_err();
        assert!(
            e.da.starts_with(
                "29.03.2026 kl. 02.30 findes ikke: urene stilles frem fra 02.00 til 03.00"
            ),
            "{e:?}"
        );
        assert!(
            e.en.contains("clocks go forward from 02:00 to 03:00"),
            "{e:?}"
        );
        assert!(parse_slot("2026-03-29 2.00 30m", now()).is_err());
        // A time alone on the day the field already knows.
        let on = Defaults {
            date: Some(day(2026, 3, 29)),
            time: None,
        };
        assert!(parse_slot_with("2.15", now(), on).is_err());
        // A day alone at the field's default time.
        assert!(parse_datetime("29.03.2026", now(), Some(hm(2, 30))).is_err());
        // Either side of the gap, and the autumn's repeated hour, are fine.
        assert_eq!(
            parse_datetime("29.03.2026 01:59", now(), None),
            Ok(at(2026, 3, 29, 1, 59))
        );
        assert_eq!(
            parse_datetime("29.03.2026 03:00", now(), None),
            Ok(at(2026, 3, 29, 3, 0))
        );
        assert_eq!(
            parse_datetime("25.10.2026 02:30", now(), None),
            Ok(at(2026, 10, 25, 2, 30))
        );
        // A week later the same hour exists.
        assert!(parse_datetime("22.03.2026 02:30", now(), None).is_ok());
    }
}

#[cfg(test)]
mod english_tests {
    use super::english::{parse_date, parse_datetime, parse_time};
    use chrono::{NaiveDate, NaiveTime};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
    }
    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap_or_default()
    }

    #[test]
    fn dates_in_every_accepted_form() {
        for s in [
            "2026-11-23",
            "23-11-2026",
            "23.11.2026",
            "23/11/2026",
            "23.11",
            "today",
            "i dag",
            "I DAG",
        ] {
            assert_eq!(parse_date(s, today()), Ok(d(2026, 11, 23)), "{s}");
        }
        assert_eq!(parse_date("i morgen", today()), Ok(d(2026, 11, 24)));
        assert_eq!(parse_date("1.2.2027", today()), Ok(d(2027, 2, 1)));
    }

    #[test]
    fn impossible_dates_are_refused_with_a_reason() {
        let e = parse_date("31.02.2026", today()).unwrap_err();
        assert!(e.contains("February 2026 has no day 31"), "{e}");
        assert!(
            parse_date("2026-13-01", today())
                .unwrap_err()
                .contains("no month 13")
        );
        assert!(parse_date("tomorrowish", today()).is_err());
        assert!(parse_date("", today()).is_err());
        assert!(parse_date("2026-11-23-1", today()).is_err());
    }

    #[test]
    fn times_with_colon_or_dot() {
        let t = NaiveTime::from_hms_opt(10, 30, 0).unwrap_or_default();
        assert_eq!(parse_time("10:30"), Ok(t));
        assert_eq!(parse_time("10.30"), Ok(t));
        assert_eq!(parse_time("1030"), Ok(t));
        assert_eq!(
            parse_time("9"),
            Ok(NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default())
        );
        assert!(parse_time("24:00").is_err());
        assert!(parse_time("10:61").is_err());
        assert!(parse_time("ten").is_err());
        assert!(
            parse_time("a€").is_err(),
            "four bytes that are not four digits"
        );
        assert!(parse_time("ææ").is_err());
    }

    #[test]
    fn datetimes() {
        let want = d(2026, 11, 23).and_hms_opt(10, 30, 0).unwrap_or_default();
        for s in [
            "2026-11-23T10:30",
            "2026-11-23 10:30",
            "23.11.2026 10.30",
            "today 10:30",
            "i dag 10.30",
        ] {
            assert_eq!(parse_datetime(s, today(), None), Ok(want), "{s}");
        }
        assert!(
            parse_datetime("2026-11-23", today(), None)
                .unwrap_err()
                .contains("no time")
        );
        assert!(parse_datetime("31.02.2026 10:00", today(), None).is_err());
    }
}
