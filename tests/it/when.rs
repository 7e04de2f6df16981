//! One date-time language: the same phrases give the same day, time and length through
//! `domain::when` (the move prompt, the form, closure start), through `domain::dates` (the command
//! line's `--at`/`--date`/`--from`/`--to`) and through quick-add; errors come in both languages;
//! nothing panics.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use jobdesk::domain::quickadd::parse;
use jobdesk::domain::when::{self, Defaults, Slot};
use proptest::prelude::*;

/// Monday 23 November 2026, 09:00.
fn now() -> NaiveDateTime {
    at(2026, 11, 23, 9, 0)
}
fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|d| d.and_hms_opt(h, min, 0))
        .unwrap()
}
fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}
fn nine() -> NaiveTime {
    NaiveTime::from_hms_opt(9, 0, 0).unwrap()
}

/// What a phrase says.
enum Says {
    /// A day and a time, maybe with a length.
    Slot(NaiveDateTime, Option<u32>),
    /// A day only.
    Day(NaiveDate),
    /// A time (and length) only: everyone asks for the day.
    Time(NaiveTime, Option<u32>),
    /// `23.11`: a date in a date field (or where the time is known), else a time that lacks a day.
    Either(NaiveDate, NaiveTime),
}

fn table() -> Vec<(&'static str, Says)> {
    use Says::*;
    let hm = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
    vec![
        ("tir 9", Slot(at(2026, 11, 24, 9, 0), None)),
        ("tor", Day(day(2026, 11, 26))),
        ("i morgen 9", Slot(at(2026, 11, 24, 9, 0), None)),
        ("uge 49 man 10", Slot(at(2026, 11, 30, 10, 0), None)),
        ("week 49 mon 10", Slot(at(2026, 11, 30, 10, 0), None)),
        ("om 2 dage", Day(day(2026, 11, 25))),
        ("in 2 days 10:30", Slot(at(2026, 11, 25, 10, 30), None)),
        ("om en uge kl. 10", Slot(at(2026, 11, 30, 10, 0), None)),
        ("10-11", Time(hm(10, 0), Some(60))),
        ("tor 10-11", Slot(at(2026, 11, 26, 10, 0), Some(60))),
        (
            "i morgen 10.30-11.15",
            Slot(at(2026, 11, 24, 10, 30), Some(45)),
        ),
        ("fre kl. 13.15", Slot(at(2026, 11, 27, 13, 15), None)),
        ("fredag kl. 9-10", Slot(at(2026, 11, 27, 9, 0), Some(60))),
        ("23.11", Either(day(2026, 11, 23), hm(23, 11))),
        ("24.12", Day(day(2026, 12, 24))),
        ("23.11 14", Slot(at(2026, 11, 23, 14, 0), None)),
        ("2026-11-23 10:30", Slot(at(2026, 11, 23, 10, 30), None)),
        ("2026-11-23T10:30", Slot(at(2026, 11, 23, 10, 30), None)),
        ("23-11-2026 10.30", Slot(at(2026, 11, 23, 10, 30), None)),
        ("næste tirsdag 10", Slot(at(2026, 12, 1, 10, 0), None)),
        ("next week fri 10", Slot(at(2026, 12, 4, 10, 0), None)),
        ("man 10", Slot(at(2026, 11, 23, 10, 0), None)),
        ("i dag 14.00", Slot(at(2026, 11, 23, 14, 0), None)),
        ("thu 2:30pm 30m", Slot(at(2026, 11, 26, 14, 30), Some(30))),
        ("10.30", Time(hm(10, 30), None)),
    ]
}

#[test]
fn the_same_phrases_mean_the_same_everywhere() {
    let today = now().date();
    for (s, says) in table() {
        let q = parse(s, now());
        match says {
            Says::Slot(start, minutes) => {
                assert!(q.problems.is_empty(), "{s}: quick-add {:?}", q.problems);
                assert_eq!(q.start, Some(start), "{s}: quick-add");
                assert_eq!(q.minutes, minutes.map(i64::from), "{s}: quick-add");
                assert_eq!(
                    when::parse_slot(s, now()),
                    Ok(Slot { start, minutes }),
                    "{s}: when::parse_slot"
                );
                if minutes.is_none() {
                    assert_eq!(when::parse_datetime(s, now(), None), Ok(start), "{s}");
                    assert_eq!(
                        when::english::parse_datetime(s, today, None),
                        Ok(start),
                        "{s}"
                    );
                } else {
                    // A field that holds the start only refuses a length, in both languages.
                    let e = when::parse_datetime(s, now(), None).unwrap_err();
                    assert!(e.en.contains("give only the start"), "{s}: {e:?}");
                    assert!(e.da.contains("kun starttidspunktet"), "{s}: {e:?}");
                    let e = when::english::parse_datetime(s, today, None).unwrap_err();
                    assert!(e.contains("give only the start"), "{s}: {e}");
                }
                assert!(
                    when::parse_date(s, today).is_err(),
                    "{s}: a date field refuses a time"
                );
            }
            Says::Day(d) => {
                assert_eq!(when::parse_date(s, today), Ok(d), "{s}: when::parse_date");
                assert_eq!(
                    when::english::parse_date(s, today),
                    Ok(d),
                    "{s}: when::english::parse_date"
                );
                assert_eq!(
                    when::parse_datetime(s, now(), Some(nine())),
                    Ok(d.and_time(nine())),
                    "{s}"
                );
                assert_eq!(
                    when::english::parse_datetime(s, today, Some(nine())),
                    Ok(d.and_time(nine())),
                    "{s}"
                );
                // Without a default time each asks for one, about the same day.
                let e = when::parse_datetime(s, now(), None).unwrap_err();
                assert!(e.en.contains("has no time of day"), "{s}: {e:?}");
                assert!(e.da.contains("mangler et klokkeslæt"), "{s}: {e:?}");
                assert!(
                    when::english::parse_datetime(s, today, None)
                        .unwrap_err()
                        .contains("no time"),
                    "{s}"
                );
                assert_eq!(q.start, None, "{s}");
                let wanted = format!("Give a time for {}", d.format("%A %Y-%m-%d"));
                assert!(
                    q.problems.iter().any(|p| p.en.contains(&wanted)),
                    "{s}: {:?}",
                    q.problems
                );
            }
            Says::Time(t, minutes) => {
                // Everyone asks for the day, in the same words.
                let e = when::parse_slot(s, now()).unwrap_err();
                assert_eq!(q.problems.first(), Some(&e), "{s}");
                assert!(e.en.starts_with("Give a day for"), "{s}: {e:?}");
                assert!(e.da.starts_with("Angiv en dag til"), "{s}: {e:?}");
                // A field that knows the day takes it.
                let on = Defaults {
                    date: Some(day(2026, 12, 2)),
                    time: None,
                };
                assert_eq!(
                    when::parse_slot_with(s, now(), on),
                    Ok(Slot {
                        start: day(2026, 12, 2).and_time(t),
                        minutes
                    }),
                    "{s}"
                );
                if minutes.is_none() {
                    assert_eq!(when::parse_time(s), Ok(t), "{s}");
                    assert_eq!(when::english::parse_time(s), Ok(t), "{s}");
                }
            }
            Says::Either(d, t) => {
                assert_eq!(when::parse_date(s, today), Ok(d), "{s}");
                assert_eq!(when::english::parse_date(s, today), Ok(d), "{s}");
                assert_eq!(when::parse_time(s), Ok(t), "{s}");
                assert_eq!(
                    when::parse_datetime(s, now(), Some(nine())),
                    Ok(d.and_time(nine())),
                    "{s}"
                );
                // Alone on a line it is a time; the message says how to mean the date.
                let e = when::parse_slot(s, now()).unwrap_err();
                assert_eq!(q.problems.first(), Some(&e), "{s}");
                assert!(
                    e.en.contains(&format!("for the date {s}, add a time")),
                    "{e:?}"
                );
                assert!(e.da.contains(&format!("menes datoen {s}")), "{e:?}");
            }
        }
    }
}

#[test]
fn errors_in_danish_and_english() {
    let today = now().date();
    let e = when::parse_date("tirx", today).unwrap_err();
    assert_eq!(
        e.text(true),
        "'tirx' er ikke en dato: skriv fx tir, i morgen, 23.11 eller 2026-11-23"
    );
    assert_eq!(
        e.text(false),
        "'tirx' is not a date: use e.g. tue, tomorrow, 23.11 or 2026-11-23"
    );
    assert_eq!(when::english::parse_date("tirx", today), Err(e.en.clone()));

    let e = when::parse_datetime("tir 9 Jens", now(), None).unwrap_err();
    assert!(e.da.contains("er ikke en dag og et klokkeslæt"), "{e:?}");
    assert!(e.da.contains("'Jens' passer ikke ind"), "{e:?}");
    assert!(e.en.contains("'Jens' does not fit"), "{e:?}");

    let e = when::parse_slot("31.02 10", now()).unwrap_err();
    assert_eq!(e.en, "'31.02' is not a date: February has no day 31");
    assert_eq!(e.da, "'31.02' er ikke en dato: der er ingen 31. februar");

    let e = when::parse_time("25.00").unwrap_err();
    assert!(e.en.starts_with("'25.00' is not a time"), "{e:?}");
    assert!(e.da.starts_with("'25.00' er ikke et klokkeslæt"), "{e:?}");

    let e = when::parse_slot("uge 49 10", now()).unwrap_err();
    assert!(e.da.contains("angiv også en ugedag"), "{e:?}");
    assert!(e.en.contains("add a weekday too"), "{e:?}");

    let e = when::parse_slot("tor 10 11", now()).unwrap_err();
    assert!(e.en.contains("Two times"), "{e:?}");
    assert!(e.da.contains("To klokkeslæt"), "{e:?}");

    let e = when::parse_date("", today).unwrap_err();
    assert!(e.da.starts_with("Angiv en dato"), "{e:?}");
    assert!(e.en.contains("give a date"), "{e:?}");

    // The command line's phrases the tests and users know.
    let e = when::english::parse_date("31.02.2026", today).unwrap_err();
    assert_eq!(e, "'31.02.2026' is not a date: February 2026 has no day 31");
    assert!(
        when::english::parse_date("2026-13-01", today)
            .unwrap_err()
            .contains("no month 13")
    );
    assert!(
        when::english::parse_datetime("2026-11-24", today, None)
            .unwrap_err()
            .contains("no time")
    );
}

/// Date-time words and pieces, to build lines that go deep into both readers.
const PIECES: &[&str] = &[
    "i",
    "dag",
    "morgen",
    "overmorgen",
    "om",
    "in",
    "en",
    "a",
    "to",
    "2",
    "dage",
    "days",
    "uge",
    "uger",
    "week",
    "næste",
    "next",
    "tir",
    "Tor",
    "fre",
    "mon",
    "kl.",
    "kl",
    "klokken",
    "10",
    "9",
    "24",
    "10.30",
    "10:30",
    "10.11",
    "10-11",
    "9-10.30",
    "11-10",
    "23-11",
    "10.30-11.15",
    "23.11",
    "31.02",
    "2026-11-23",
    "2026-11-23T10:30",
    "23.11.2026",
    "30m",
    "1t",
    "49",
    "2027",
    "-",
    ".",
    "T",
    "æ",
    "€",
];

fn piece_line() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..7).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn never_panics(s in any::<String>(), days in -40000i64..40000) {
        let now = now() + chrono::Duration::days(days);
        let today = now.date();
        let _ = when::parse_date(&s, today);
        let _ = when::parse_time(&s);
        let _ = when::parse_datetime(&s, now, None);
        let _ = when::parse_datetime(&s, now, Some(nine()));
        let _ = when::parse_slot(&s, now);
        let _ = when::parse_slot_with(&s, now, Defaults { date: Some(today), time: Some(nine()) });
        let _ = when::parse_date_range(&s, today);
        let _ = when::english::parse_date(&s, today);
        let _ = when::english::parse_time(&s);
        let _ = when::english::parse_datetime(&s, today, None);
    }

    #[test]
    fn errors_are_never_empty_and_have_no_control_characters(s in piece_line()) {
        for e in [
            when::parse_date(&s, now().date()).err(),
            when::parse_time(&s).err(),
            when::parse_datetime(&s, now(), None).err(),
            when::parse_slot(&s, now()).err(),
            when::parse_date_range(&s, now().date()).err(),
        ].into_iter().flatten() {
            prop_assert!(!e.da.is_empty() && !e.en.is_empty(), "{s:?}");
            prop_assert!(!e.da.chars().any(char::is_control) && !e.en.chars().any(char::is_control), "{s:?}");
        }
    }

    /// A slot is exactly what quick-add reads from a line that names nobody.
    #[test]
    fn a_slot_is_what_quick_add_reads(s in piece_line(), days in -400i64..400, mins in 0i64..1440) {
        let now = now() + chrono::Duration::days(days) + chrono::Duration::minutes(mins);
        let q = parse(&s, now);
        let from_quick_add = (q.problems.is_empty() && q.name.is_empty())
            .then(|| q.start.map(|start| Slot { start, minutes: q.minutes.map(|m| m as u32) }))
            .flatten();
        prop_assert_eq!(when::parse_slot(&s, now).ok(), from_quick_add, "{:?} at {}", s, now);
    }
}

/// `plan --at` on the command line reads the same phrases as quick-add, and says what is
/// wrong in Danish with `--lang da`.
#[test]
fn plan_at_on_the_command_line_speaks_the_same_language() {
    use crate::support::{bad, generated, jobdesk, json, ok, tmpdir};
    let dir = tmpdir();
    let db = generated(&dir, 5);
    for (phrase, want) in [
        ("tir 10", "2026-11-24T10:00"),
        ("i morgen 9", "2026-11-24T09:00"),
        ("uge 49 man 10.30", "2026-11-30T10:30"),
        ("om 2 dage 14", "2026-11-25T14:00"),
    ] {
        let id = ok(jobdesk(&db).args([
            "plan",
            "--citizen",
            "1",
            "--at",
            phrase,
            "--channel",
            "phone",
        ]));
        let agenda = json(&ok(jobdesk(&db).args([
            "agenda",
            "--date",
            &want[..10],
            "--json",
        ])));
        let found = agenda
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"].as_i64().map(|n| n.to_string()).as_deref() == Some(id.trim()))
            .unwrap_or_else(|| panic!("{phrase}: {id} not in {agenda}"));
        assert_eq!(found["start"], want, "{phrase}");
        let quick = parse(&format!("{phrase} tlf"), now());
        assert_eq!(
            quick
                .start
                .map(|t| t.format("%Y-%m-%dT%H:%M").to_string())
                .as_deref(),
            Some(want),
            "quick-add reads {phrase} the same"
        );
    }
    let err = bad(jobdesk(&db).args([
        "--lang",
        "da",
        "plan",
        "--citizen",
        "1",
        "--at",
        "tirx 10",
        "--channel",
        "phone",
    ]));
    assert!(err.contains("--at: 'tirx 10' er ikke en dag"), "{err}");
    assert!(!err.contains("is not"), "Danish, not English: {err}");
}
