//! Property tests of the quick-add line: it never panics on any input, and a line generated from
//! known parts (in any order, either language) parses back to those parts.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use jobdesk::domain::quickadd::{Parsed, match_citizens, parse};
use jobdesk::domain::{Channel, Kind};
use proptest::prelude::*;

fn fixed_now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 23)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .unwrap()
}

/// What must hold for every result, whatever the input.
fn check_invariants(input: &str, r: &Parsed) {
    if let Some(m) = r.minutes {
        assert!((1..=1440).contains(&m), "{input:?}: minutes {m}");
    }
    if r.problems.is_empty() {
        assert!(
            r.start.is_some(),
            "{input:?}: no problem but no start: {r:?}"
        );
    }
    for p in &r.problems {
        assert!(!p.da.is_empty() && !p.en.is_empty(), "{input:?}: {p:?}");
        assert!(
            !p.da.chars().any(char::is_control) && !p.en.chars().any(char::is_control),
            "{input:?}: control character in {p:?}"
        );
    }
    assert_eq!(
        r.name,
        r.name.split_whitespace().collect::<Vec<_>>().join(" "),
        "{input:?}: the name is words joined by one space"
    );
    if r.kind.is_none() {
        assert!(
            !r.channel.is_some_and(Channel::is_mentor_channel),
            "{input:?}: a mentor channel implies a kind"
        );
    }
}

/// Words and pieces the parser reacts to, to build lines that go deep into it.
const PIECES: &[&str] = &[
    "i",
    "dag",
    "morgen",
    "i dag",
    "idag",
    "tomorrow",
    "næste",
    "next",
    "uge",
    "week",
    "w49",
    "uge53",
    "om",
    "2",
    "dage",
    "days",
    "en",
    "om en uge",
    "in 2 days",
    "10-11",
    "11-10",
    "23-11",
    "9-10.30",
    "10.30-11.15",
    "10:30-11:15",
    "25-26",
    "10.30-9",
    "2026-11-23T10:30",
    "2026-11-23T",
    "kl",
    "kl.",
    "klokken",
    "at",
    "@",
    "på",
    "on",
    "tor",
    "Tor",
    "thu",
    "man",
    "søn",
    "lør",
    "mandag",
    "tlf",
    "video",
    "home",
    "visit",
    "home visit",
    "in",
    "person",
    "gåtur",
    "mentor",
    "samtale",
    "med",
    "with",
    "10",
    "9",
    "0",
    "00",
    "24",
    "25",
    "99",
    "10.30",
    "10:30",
    "23.11",
    "31.02",
    "29.02",
    "23.11.",
    "23.11.2026",
    "2026-11-24",
    "1.2.3",
    "10.3",
    "1,5t",
    "30m",
    "30",
    "min",
    "t",
    "h",
    "timer",
    "9am",
    "13pm",
    "12am",
    "0m",
    "1441m",
    "2026",
    "49",
    "53",
    "54",
    ".",
    ":",
    "-",
    "/",
    ",",
    ";",
    "..",
    "::",
    "1.",
    ".1",
    "1..2",
    "1::2",
    "Jens",
    "Søren",
    "Åse",
    "æøå",
    "€",
    "a€",
    "𝟙",
    "１０",
    "¨",
    "\u{1b}[31m",
    "\u{0}",
    "\u{202e}",
    "e\u{301}",
];

fn piece_line() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(prop::sample::select(PIECES), 0..16),
        prop::collection::vec(
            prop::sample::select(&[" ", "  ", "\t", "", "\n", ".", ","][..]),
            16,
        ),
    )
        .prop_map(|(words, seps)| {
            let mut s = String::new();
            for (w, sep) in words.iter().zip(seps.iter().cycle()) {
                s.push_str(w);
                s.push_str(sep);
            }
            s
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_arbitrary_text(s in any::<String>()) {
        check_invariants(&s, &parse(&s, fixed_now()));
    }

    #[test]
    fn never_panics_on_any_chars_including_controls(chars in prop::collection::vec(any::<char>(), 0..300)) {
        let s: String = chars.into_iter().collect();
        check_invariants(&s, &parse(&s, fixed_now()));
    }

    #[test]
    fn never_panics_on_lines_of_meaningful_pieces(s in piece_line(), days in -40000i64..40000, mins in 0i64..1440) {
        let now = fixed_now() + Duration::days(days) + Duration::minutes(mins);
        check_invariants(&s, &parse(&s, now));
    }

    #[test]
    fn matching_never_panics_and_finds_each_name_itself(
        query in any::<String>(),
        names in prop::collection::vec("[A-Za-zÆØÅæøåéü' -]{0,24}", 0..8),
    ) {
        let cands: Vec<(i64, &str)> = names.iter().enumerate().map(|(i, n)| (i as i64, n.as_str())).collect();
        let hits = match_citizens(&query, cands.iter().copied());
        let mut seen = std::collections::HashSet::new();
        for id in &hits {
            prop_assert!(*id >= 0 && (*id as usize) < names.len());
            prop_assert!(seen.insert(*id), "duplicate id {id}");
        }
        for (id, name) in &cands {
            if name.chars().any(char::is_alphanumeric) {
                let own = match_citizens(name, cands.iter().copied());
                prop_assert!(own.contains(id), "{name:?} does not find itself: {own:?}");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_very_long_input(s in piece_line(), times in 1usize..1000, junk in "\\PC{0,2000}") {
        let line = format!("{} {}", s.repeat(times), junk);
        check_invariants(&line, &parse(&line, fixed_now()));
        let one_word = "9".repeat(times * 10) + "m";
        check_invariants(&one_word, &parse(&one_word, fixed_now()));
    }
}

// ---- Generated valid lines ----

const WEEKDAY_WORDS: [[&str; 6]; 7] = [
    ["man", "mandag", "mon", "monday", "man.", "Mandag"],
    ["tir", "tirsdag", "tue", "tuesday", "tirs", "Tuesday"],
    ["ons", "onsdag", "wed", "wednesday", "ons.", "WED"],
    ["tor", "torsdag", "thu", "thursday", "thurs", "Torsdag"],
    ["fre", "fredag", "fri", "friday", "fre.", "Fri"],
    ["lør", "lørdag", "sat", "saturday", "lor", "Lørdag"],
    ["søn", "søndag", "sun", "sunday", "son", "Sunday"],
];

const CHANNEL_WORDS: &[(&str, Channel)] = &[
    ("tlf", Channel::Phone),
    ("telefon", Channel::Phone),
    ("phone", Channel::Phone),
    ("video", Channel::Video),
    ("fremmøde", Channel::InPerson),
    ("in person", Channel::InPerson),
    ("gåtur", Channel::Walk),
    ("walk", Channel::Walk),
    ("hjemmebesøg", Channel::HomeVisit),
    ("home visit", Channel::HomeVisit),
    ("arbejdsplads", Channel::Workplace),
    ("workplace", Channel::Workplace),
];

const KIND_WORDS: &[(&str, Kind)] = &[
    ("samtale", Kind::Conversation),
    ("jobsamtale", Kind::Conversation),
    ("conversation", Kind::Conversation),
    ("mentor", Kind::MentorVisit),
    ("mentorbesøg", Kind::MentorVisit),
];

const NAME_WORDS: &[&str] = &[
    "Jens",
    "Hansen",
    "Søren",
    "Åse",
    "Jørgensen",
    "Mette",
    "Birgitte",
    "Ole",
    "Nielsen",
    "Fatima",
    "Ali",
    "Zainab",
    "Kirsten",
    "Lars",
    "Pedersen",
    "Ærenfeldt",
];

#[derive(Debug, Clone)]
enum DayForm {
    Weekday(usize, usize),
    Full(i64, bool),
    Iso(i64),
    Relative(usize),
    Yearless(i64, bool),
    Week(i64, bool, usize),
}

fn day_form() -> impl Strategy<Value = DayForm> {
    prop_oneof![
        (0usize..7, 0usize..6).prop_map(|(d, f)| DayForm::Weekday(d, f)),
        (-400i64..400, any::<bool>()).prop_map(|(o, pad)| DayForm::Full(o, pad)),
        (-400i64..400).prop_map(DayForm::Iso),
        (0usize..6).prop_map(DayForm::Relative),
        (-30i64..=334, any::<bool>()).prop_map(|(o, pad)| DayForm::Yearless(o, pad)),
        (0i64..300, any::<bool>(), 0usize..6).prop_map(|(o, da, f)| DayForm::Week(o, da, f)),
    ]
}

fn time_text(h: u32, m: u32, form: usize) -> String {
    match form {
        0 if m == 0 => format!("{h}"),
        1 if m == 0 => format!("kl {h}"),
        2 => format!("{h}:{m:02}"),
        3 => format!("kl. {h:02}.{m:02}"),
        4 => format!("at {h}:{m:02}"),
        5 => format!("klokken {h}.{m:02}"),
        _ => format!("{h}.{m:02}"),
    }
}

const MINUTE_FORMS: &[(&str, i64)] = &[
    ("30m", 30),
    ("30 min", 30),
    ("45min", 45),
    ("1t", 60),
    ("1h", 60),
    ("1,5t", 90),
    ("1.5h", 90),
    ("90m", 90),
    ("2 timer", 120),
    ("1 hour", 60),
    ("20 minutter", 20),
];

#[derive(Debug, Clone)]
struct Line {
    now: NaiveDateTime,
    day: DayForm,
    time: (u32, u32, usize),
    channel: Option<usize>,
    kind: Option<usize>,
    minutes: Option<(usize, Option<i64>)>,
    name: Vec<usize>,
    order: Vec<usize>,
}

fn line() -> impl Strategy<Value = Line> {
    (
        (-1500i64..1500, 0u32..24, 0u32..60),
        day_form(),
        (0u32..24, 0u32..60, 0usize..7),
        prop::option::of(0..CHANNEL_WORDS.len()),
        prop::option::of(0..KIND_WORDS.len()),
        prop::option::of((0..MINUTE_FORMS.len(), prop::option::of(1i64..=1440))),
        prop::collection::vec(0..NAME_WORDS.len(), 0..4),
        Just((0..7).collect::<Vec<usize>>()).prop_shuffle(),
    )
        .prop_map(
            |((d, h, m), day, time, channel, kind, minutes, name, order)| Line {
                now: fixed_now().date().and_hms_opt(h, m, 0).unwrap() + Duration::days(d),
                day,
                time,
                channel,
                kind,
                minutes,
                name,
                order,
            },
        )
}

/// The line's text and what it must parse to, worked out without the parser's own rules.
fn build(
    l: &Line,
) -> (
    String,
    NaiveDateTime,
    Option<i64>,
    Option<Channel>,
    Option<Kind>,
    String,
) {
    let today = l.now.date();
    let (h, m, tform) = l.time;
    let time = NaiveTime::from_hms_opt(h, m, 0).unwrap();
    let dmy = |d: NaiveDate, pad: bool| {
        if pad {
            format!("{:02}.{:02}", d.day(), d.month())
        } else {
            format!("{}.{}", d.day(), d.month())
        }
    };
    // Avoid 29 February for dates whose year the parser picks.
    let no_leap = |d: NaiveDate| {
        if d.month() == 2 && d.day() == 29 {
            d + Duration::days(1)
        } else {
            d
        }
    };
    let (day_parts, date): (Vec<String>, NaiveDate) = match &l.day {
        DayForm::Weekday(wd, f) => {
            let want = Weekday::try_from(*wd as u8).unwrap();
            // The next such day; today only while the time is still ahead.
            let date = (0..=7)
                .map(|k| today + Duration::days(k))
                .find(|d| d.weekday() == want && (*d > today || time > l.now.time()))
                .unwrap();
            (vec![WEEKDAY_WORDS[*wd][*f].to_string()], date)
        }
        DayForm::Full(o, pad) => {
            let d = today + Duration::days(*o);
            (vec![format!("{}.{}", dmy(d, *pad), d.year())], d)
        }
        DayForm::Iso(o) => {
            let d = today + Duration::days(*o);
            (vec![d.format("%Y-%m-%d").to_string()], d)
        }
        DayForm::Relative(k) => {
            let (w, n) = [
                ("i dag", 0),
                ("today", 0),
                ("i morgen", 1),
                ("tomorrow", 1),
                ("idag", 0),
                ("imorgen", 1),
            ][*k];
            (vec![w.to_string()], today + Duration::days(n))
        }
        DayForm::Yearless(o, pad) => {
            let d = no_leap(today + Duration::days(*o));
            let d = if d > today + Duration::days(334) {
                d - Duration::days(2)
            } else {
                d
            };
            (vec![dmy(d, *pad)], d)
        }
        DayForm::Week(o, da, f) => {
            let d = today + Duration::days(*o);
            let w = d.iso_week().week();
            let word = if *da { "uge" } else { "week" };
            let wd = d.weekday().num_days_from_monday() as usize;
            (
                vec![format!("{word} {w}"), WEEKDAY_WORDS[wd][*f].to_string()],
                d,
            )
        }
    };

    let mut parts: Vec<Vec<String>> = vec![day_parts, vec![time_text(h, m, tform)]];
    let channel = l.channel.map(|i| CHANNEL_WORDS[i]);
    let kind = l.kind.map(|i| KIND_WORDS[i]);
    let minutes = l.minutes.map(|(i, n)| match n {
        Some(n) if i % 2 == 0 => (format!("{n}m"), n),
        Some(n) => (format!("{n} min"), n),
        None => (MINUTE_FORMS[i].0.to_string(), MINUTE_FORMS[i].1),
    });
    let name: Vec<&str> = l.name.iter().map(|&i| NAME_WORDS[i]).collect();
    parts.push(channel.map(|c| c.0.to_string()).into_iter().collect());
    parts.push(kind.map(|k| k.0.to_string()).into_iter().collect());
    parts.push(minutes.as_ref().map(|m| m.0.clone()).into_iter().collect());
    parts.push(if name.is_empty() {
        vec![]
    } else {
        vec![name.join(" ")]
    });
    parts.push(vec![]);

    // Shuffle the parts (a week and its weekday are two parts); a year-less date goes before
    // the time, which is how "10.11 10.12" is read.
    let mut flat: Vec<(usize, String)> = Vec::new();
    for &p in &l.order {
        for s in &parts[p] {
            flat.push((p, s.clone()));
        }
    }
    if matches!(l.day, DayForm::Yearless(..)) {
        let di = flat.iter().position(|(p, _)| *p == 0).unwrap();
        let ti = flat.iter().position(|(p, _)| *p == 1).unwrap();
        if ti < di {
            flat.swap(di, ti);
        }
    }
    let text = flat
        .into_iter()
        .map(|(_, s)| s)
        .collect::<Vec<_>>()
        .join(" ");

    let channel = channel.map(|c| c.1);
    let kind = kind.map(|k| k.1).or_else(|| {
        channel
            .filter(|c| c.is_mentor_channel())
            .map(|_| Kind::MentorVisit)
    });
    (
        text,
        date.and_time(time),
        minutes.map(|m| m.1),
        channel,
        kind,
        name.join(" "),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn a_generated_line_parses_back(l in line()) {
        let (text, start, minutes, channel, kind, name) = build(&l);
        let r = parse(&text, l.now);
        if jobdesk::domain::localtime::gap_at(start).is_some() {
            // The spring night's missing hour does not exist: refused, with the gap named.
            prop_assert!(r.problems.iter().any(|p| p.da.contains("findes ikke")), "{text:?}: {:?}", r.problems);
            return Ok(());
        }
        prop_assert!(r.problems.is_empty(), "{text:?} at {}: {:?}", l.now, r.problems);
        prop_assert_eq!(r.start, Some(start), "{:?} at {}", text, l.now);
        prop_assert_eq!(r.minutes, minutes, "{:?}", text);
        prop_assert_eq!(r.channel, channel, "{:?}", text);
        prop_assert_eq!(r.kind, kind, "{:?}", text);
        prop_assert_eq!(&r.name, &name, "{:?}", text);
    }
}
