//! The quick-add line, case by case.

use super::*;
use chrono::NaiveDate;

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
            recurrence: None,
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

#[test]
fn days_from_today_in_words() {
    for (s, d) in [
        ("om 2 dage 10", 25),
        ("in 2 days 10", 25),
        ("om en dag 10", 24),
        ("om 1 dag 10", 24),
        ("om en uge 10", 30),
        ("in a week 10", 30),
    ] {
        assert_eq!(start(s), at(2026, 11, d, 10, 0), "{s}");
    }
    assert_eq!(start("om 3 uger 10"), at(2026, 12, 14, 10, 0));
    // "in" before anything else is not a day: "in person" is a channel.
    assert_eq!(ok("in person Jens thu 10").channel, Some(Channel::InPerson));
    let r = ok("Jens Om tor 10");
    assert_eq!(r.name, "Jens Om");
}

#[test]
fn time_ranges_give_a_start_and_minutes() {
    for (s, (h, m), minutes) in [
        ("tor 10-11", (10, 0), 60),
        ("tor 9-10.30", (9, 0), 90),
        ("tor 10.30-11.15", (10, 30), 45),
        ("thu 10:30-11:15", (10, 30), 45),
        ("tor kl. 10-11", (10, 0), 60),
        ("tor kl 13-15", (13, 0), 120),
        ("tor 0-1", (0, 0), 60),
    ] {
        let r = ok(s);
        assert_eq!(r.start, Some(at(2026, 11, 26, h, m)), "{s}");
        assert_eq!(r.minutes, Some(minutes), "{s}");
    }
    // A pair that cannot be a range is a date; one that can be either is a date only when the
    // line has another time and no other day.
    assert_eq!(start("23-11 14"), at(2026, 11, 23, 14, 0));
    assert_eq!(start("11-10 14"), at(2027, 10, 11, 14, 0));
    assert_eq!(start("10-11 14"), at(2026, 11, 10, 14, 0));
    assert_eq!(ok("10-11 14").minutes, None);
    assert!(problems_en("10-11 Jens").contains("Give a day for 10-11"));
    assert!(problems_en("tor 11.00-10.30").contains("ends before it starts"));
    assert!(problems_en("tor 10-11 30m").contains("Two durations"));
    assert!(problems_en("tor 10.30-11.75").contains("is not a time"));
}

#[test]
fn the_contract_form_with_a_t() {
    let r = ok("2026-11-24T10:30 tlf Jens");
    assert_eq!(r.start, Some(at(2026, 11, 24, 10, 30)));
    assert_eq!(r.name, "Jens");
}

// A series.

fn repeat(s: &str) -> Repeat {
    ok(s).recurrence.unwrap_or_else(|| panic!("{s}: no series"))
}
fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}
use crate::domain::recurrence::{End, Frequency};

#[test]
fn a_weekly_walk_in_danish_and_english() {
    let da = ok("hver tir 10 gåtur Jens 60m");
    assert_eq!(da.start, Some(at(2026, 11, 24, 10, 0)));
    assert_eq!(da.channel, Some(Channel::Walk));
    assert_eq!(da.kind, Some(Kind::MentorVisit));
    assert_eq!(da.minutes, Some(60));
    assert_eq!(da.name, "Jens");
    assert_eq!(
        da.recurrence,
        Some(Repeat {
            frequency: Frequency::Weekly,
            end: None
        })
    );
    let en = ok("every tue 10 walk Jens 60m");
    assert_eq!(en, da);
    // Any order; the words of a one-off line give no series.
    assert_eq!(ok("Jens gåtur 60m tir 10 hver uge"), da);
    assert_eq!(ok("tir 10 gåtur Jens").recurrence, None);
}

#[test]
fn how_often_in_both_languages() {
    for (line, f) in [
        ("hver uge tir 10 Jens", Frequency::Weekly),
        ("every week tue 10 Jens", Frequency::Weekly),
        ("ugentlig tir 10 Jens", Frequency::Weekly),
        ("weekly tue 10 Jens", Frequency::Weekly),
        ("hver 2. uge tir 10 Jens", Frequency::EveryOtherWeek),
        ("hver anden uge tir 10 Jens", Frequency::EveryOtherWeek),
        ("hver 2. tir 10 Jens", Frequency::EveryOtherWeek),
        ("hver anden tirsdag 10 Jens", Frequency::EveryOtherWeek),
        ("hver 14. dag tir 10 Jens", Frequency::EveryOtherWeek),
        ("every 2 weeks tue 10 Jens", Frequency::EveryOtherWeek),
        ("every other week tue 10 Jens", Frequency::EveryOtherWeek),
        ("every other tue 10 Jens", Frequency::EveryOtherWeek),
        ("fortnightly tue 10 Jens", Frequency::EveryOtherWeek),
        ("tir 10 Jens hver 2. uge", Frequency::EveryOtherWeek),
        ("hver måned tir 10 Jens", Frequency::MonthlyWeekday),
        ("every month tue 10 Jens", Frequency::MonthlyWeekday),
        ("monthly tue 10 Jens", Frequency::MonthlyWeekday),
        ("månedlig tir 10 Jens", Frequency::MonthlyWeekday),
        // "hver tir" says weekly only until the line says how often.
        ("hver tir hver 2. uge 10 Jens", Frequency::EveryOtherWeek),
    ] {
        let r = repeat(line);
        assert_eq!(r.frequency, f, "{line}");
        assert_eq!(ok(line).name, "Jens", "{line}");
        assert_eq!(ok(line).start, Some(at(2026, 11, 24, 10, 0)), "{line}");
    }
}

#[test]
fn until_a_date_or_for_a_number_of_times() {
    // 31.03 typed in November is next March.
    assert_eq!(
        repeat("hver tir 10 Jens indtil 31.03").end,
        Some(End::Until(ymd(2027, 3, 31)))
    );
    assert_eq!(
        repeat("every tue 10 Jens until 31.03.2027").end,
        Some(End::Until(ymd(2027, 3, 31)))
    );
    assert_eq!(
        repeat("every tue 10 Jens until 2027-03-31").end,
        Some(End::Until(ymd(2027, 3, 31)))
    );
    // "til" before a date is the end too; 10.11 after it is a date, never a time.
    assert_eq!(
        repeat("hver tir 10 Jens til 10.11").end,
        Some(End::Until(ymd(2027, 11, 10)))
    );
    assert_eq!(
        repeat("hver tir 10 Jens 10 gange").end,
        Some(End::Count(10))
    );
    assert_eq!(
        repeat("every tue 10 Jens 10 times").end,
        Some(End::Count(10))
    );
    assert_eq!(repeat("every tue 10 Jens 6x").end, Some(End::Count(6)));
    // "til" before a name stays a word of the name.
    assert_eq!(ok("tir 10 tlf til Jens").name, "til Jens");
}

#[test]
fn what_is_wrong_with_a_series() {
    assert!(problems_en("hver 10 Jens").contains("repeats every week"));
    assert!(problems_en("every 3 weeks tue 10 Jens").contains("repeats every week"));
    assert!(problems_en("tir 10 Jens 10 gange").contains("does not say how often"));
    assert!(problems_en("every tue 10 Jens until").contains("needs a date"));
    assert!(
        problems_en("every tue 10 Jens until 31.03 10 times")
            .contains("give an end date or a number of times")
    );
    assert!(problems_en("every tue 10 Jens until 20.11.2026").contains("before it begins"));
    assert!(problems_en("every tue 10 Jens 0 times").contains("a series has 1–261 dates"));
    assert!(problems_en("weekly monthly tue 10 Jens").contains("Two repeats"));
    assert!(problems_en("every tue 10 Jens until 30.02").contains("has no day 30"));
    let da = p("tir 10 Jens 10 gange");
    assert!(da.problems[0].da.contains("siger ikke hvor ofte"), "{da:?}");
}

#[test]
fn a_date_field_takes_no_series_words() {
    use crate::domain::when;
    assert!(when::parse_date("hver tir", now().date()).is_err());
    assert!(when::parse_date("tir", now().date()).is_ok());
}

#[test]
fn the_forms_repeat_fields_take_the_same_words() {
    let first = ymd(2026, 11, 24);
    let r = |s: &str| repeat_words(s, first, now().date());
    assert_eq!(r("ugentlig").unwrap().unwrap().frequency, Frequency::Weekly);
    assert_eq!(
        r("every other week").unwrap().unwrap().frequency,
        Frequency::EveryOtherWeek
    );
    assert_eq!(
        r("hver måned").unwrap().unwrap().frequency,
        Frequency::MonthlyWeekday
    );
    assert_eq!(r("").unwrap(), None);
    assert_eq!(
        r("hver uge indtil 31.03").unwrap().unwrap().end,
        Some(End::Until(ymd(2027, 3, 31)))
    );
    assert_eq!(
        r("hver uge 6 gange").unwrap().unwrap().end,
        Some(End::Count(6))
    );
    assert!(r("daily").is_err());
    assert!(r("hver uge tir").is_err());
}
