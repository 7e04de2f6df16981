//! Fuzzes the quick-add line parser on arbitrary UTF-8: it must never panic, and what it returns
//! must hold together. Run from `fuzz/`: `cargo +nightly fuzz run quickadd -- -dict=quickadd.dict`.
#![no_main]

use chrono::NaiveDate;
use jobdesk::domain::quickadd::{match_citizens, parse};
use libfuzzer_sys::fuzz_target;

const PEOPLE: [(i64, &str); 4] = [
    (1, "Jens Hansen"),
    (2, "Søren Hansen"),
    (3, "Åse Jørgensen"),
    (4, "Hans-Erik Nielsen"),
];

fuzz_target!(|data: &[u8]| {
    let Ok(line) = std::str::from_utf8(data) else {
        return;
    };
    // A Monday morning, and the last minute of a year (week 53, year changes).
    let nows = [
        NaiveDate::from_ymd_opt(2026, 11, 23).and_then(|d| d.and_hms_opt(9, 0, 0)),
        NaiveDate::from_ymd_opt(2026, 12, 31).and_then(|d| d.and_hms_opt(23, 59, 0)),
    ];
    for now in nows.into_iter().flatten() {
        let r = parse(line, now);
        if let Some(m) = r.minutes {
            assert!((1..=1440).contains(&m), "minutes {m}");
        }
        assert!(
            r.start.is_some() || !r.problems.is_empty(),
            "no start and no problem"
        );
        assert!(
            r.problems
                .iter()
                .all(|p| !p.da.is_empty() && !p.en.is_empty())
        );
        let ids = match_citizens(&r.name, PEOPLE);
        assert!(ids.iter().all(|id| (1..=4).contains(id)));
    }
    let _ = match_citizens(line, PEOPLE);
});
