//! Recurring appointments from the command line: planning a series in both languages, days off
//! skipped and moved, one occurrence cancelled or moved without touching the others, "this and
//! all following", ending and deleting; and the calendar export read back by Python's
//! `recurring_ical_events` and imported by calcurse with the same occurrences as `agenda`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::path::Path;

use chrono::NaiveDateTime;

use crate::support::{bad, jobdesk, json, ok, tmpdir};

fn stderr(cmd: &mut assert_cmd::Command) -> (String, String) {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A new database with one mentor citizen; returns its id.
fn with_citizen(db: &Path) -> String {
    ok(jobdesk(db).args(["init"]));
    ok(jobdesk(db).args([
        "citizen",
        "add",
        "--name",
        "Jens Testesen",
        "--target-group",
        "other",
        "--mentor",
    ]))
    .trim()
    .to_string()
}

/// Every appointment that takes place (not cancelled, not the old time of a move), as
/// (start, minutes), from `agenda --json`.
fn agenda_slots(db: &Path, from: &str, days: u32) -> BTreeSet<(String, i64)> {
    let v = json(&ok(jobdesk(db).args([
        "agenda",
        "--date",
        from,
        "--days",
        &days.to_string(),
        "--json",
    ])));
    v.as_array()
        .unwrap()
        .iter()
        .filter(|a| {
            !matches!(
                a["status"].as_str().unwrap(),
                "cancelled" | "cancelled_by_citizen" | "moved"
            )
        })
        .map(|a| {
            (
                a["start"].as_str().unwrap().to_string(),
                a["minutes"].as_i64().unwrap(),
            )
        })
        .collect()
}

fn agenda_ids(db: &Path, from: &str, days: u32) -> Vec<(i64, String, String)> {
    let v = json(&ok(jobdesk(db).args([
        "agenda",
        "--date",
        from,
        "--days",
        &days.to_string(),
        "--json",
    ])));
    v.as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["id"].as_i64().unwrap(),
                a["start"].as_str().unwrap().to_string(),
                a["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_series_is_planned_in_both_languages_and_skips_christmas() {
    let dir = tmpdir();
    let db = dir.path().join("j.db");
    let c = with_citizen(&db);
    let (out, err) = stderr(jobdesk(&db).env("LANG", "da_DK.UTF-8").args([
        "plan",
        "--citizen",
        &c,
        "--at",
        "17.12.2026 10.00",
        "--channel",
        "gåtur",
        "--every",
        "week",
        "--count",
        "10",
    ]));
    assert_eq!(out.trim(), "1", "the series' id on stdout");
    assert!(
        err.contains("serie 1: 8 aftale(r) planlagt (hver torsdag kl. 10.00, 10 gange)"),
        "{err}"
    );
    assert!(
        err.contains(
            "sprunget over (fridag): 24.12.2026 juleaftensdag, 31.12.2026 nytårsaftensdag"
        ),
        "{err}"
    );
    let days: Vec<String> = agenda_ids(&db, "2026-12-14", 90)
        .into_iter()
        .map(|(_, s, _)| s)
        .collect();
    assert_eq!(days.len(), 8);
    assert_eq!(days[0], "2026-12-17T10:00");
    assert_eq!(days[1], "2027-01-07T10:00", "no walk on 24.12 or 31.12");

    // English, every other week until a date.
    let (out, err) = stderr(jobdesk(&db).args([
        "plan",
        "--citizen",
        &c,
        "--at",
        "2027-03-02 13:00",
        "--channel",
        "phone",
        "--every",
        "2weeks",
        "--until",
        "2027-04-13",
    ]));
    assert_eq!(out.trim(), "2");
    assert!(
        err.contains("series 2: 4 appointment(s) planned (every other Tuesday at 13:00"),
        "{err}"
    );
    let list = json(&ok(jobdesk(&db).args(["series", "list", "--json"])));
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["every"], "week");
    assert_eq!(list[0]["count"], 10);
    assert_eq!(list[0]["skipped"][0], "2026-12-24");
    assert_eq!(list[1]["every"], "2weeks");
    assert_eq!(list[1]["until"], "2027-04-13");
    assert_eq!(list[1]["kind"], "conversation");
    let table = ok(jobdesk(&db)
        .env("LANG", "da_DK.UTF-8")
        .args(["series", "list"]));
    assert!(table.contains("hver torsdag 10.00"), "{table}");
    assert!(table.contains("hver 2. tirsdag 13.00"), "{table}");

    // Without an end: 26 weeks, said on stderr.
    let (_, err) = stderr(jobdesk(&db).args([
        "plan",
        "--citizen",
        &c,
        "--at",
        "2027-05-03 09:00",
        "--channel",
        "video",
        "--every",
        "month",
    ]));
    assert!(
        err.contains("no --until or --count: 26 weeks, until 2027-10-31"),
        "{err}"
    );
}

#[test]
fn bad_series_input_exits_2_in_the_runs_language() {
    let dir = tmpdir();
    let db = dir.path().join("j.db");
    let c = with_citizen(&db);
    let plan = |extra: &[&str], da: bool| {
        let mut cmd = jobdesk(&db);
        if da {
            cmd.env("LANG", "da_DK.UTF-8");
        }
        cmd.args([
            "plan",
            "--citizen",
            &c,
            "--at",
            "2027-02-02 10:00",
            "--channel",
            "walk",
        ])
        .args(extra);
        bad(&mut cmd)
    };
    assert!(plan(&["--every", "daily"], true).contains("--every 'daily': angiv week"));
    assert!(plan(&["--count", "3"], false).contains("--count belongs to a series"));
    assert!(plan(&["--every", "week", "--count", "0"], false).contains("a series has 1 to 261"));
    assert!(
        plan(&["--every", "week", "--until", "2027-01-01"], true)
            .contains("ligger før første dato")
    );
    assert!(
        plan(&["--every", "week", "--on-day-off", "later"], false).contains("give skip or move")
    );
    // Saturdays only: every date a day off.
    let err = bad(jobdesk(&db).args([
        "plan",
        "--citizen",
        &c,
        "--at",
        "2027-02-06 10:00",
        "--channel",
        "walk",
        "--every",
        "week",
        "--count",
        "3",
    ]));
    assert!(err.contains("is a day off"), "{err}");
    assert!(bad(jobdesk(&db).args(["series", "delete", "9"])).contains("no series with id 9"));
    assert!(bad(jobdesk(&db).args(["series", "end", "--from", "1"])).contains("no appointment"));
    assert_eq!(
        agenda_ids(&db, "2027-01-01", 365).len(),
        0,
        "nothing planned"
    );
}

#[test]
fn easter_is_moved_to_the_next_working_day() {
    let dir = tmpdir();
    let db = dir.path().join("j.db");
    let c = with_citizen(&db);
    let (_, err) = stderr(jobdesk(&db).env("LANG", "da_DK.UTF-8").args([
        "plan",
        "--citizen",
        &c,
        "--at",
        "18.03.2027 10.00",
        "--channel",
        "walk",
        "--every",
        "week",
        "--count",
        "3",
        "--on-day-off",
        "move",
    ]));
    assert!(
        err.contains("flyttet fra fridag: 25.03.2027 skærtorsdag → 30.03.2027"),
        "{err}"
    );
    let days: Vec<String> = agenda_ids(&db, "2027-03-15", 30)
        .into_iter()
        .map(|(_, s, _)| s)
        .collect();
    assert_eq!(
        days,
        ["2027-03-18T10:00", "2027-03-30T10:00", "2027-04-01T10:00"]
    );
}

/// A weekly walk over Christmas, one occurrence cancelled, one moved, the last ones changed
/// ("this and all following"); returns the database.
fn walked(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let db = dir.path().join("j.db");
    let c = with_citizen(&db);
    ok(jobdesk(&db).args([
        "plan",
        "--citizen",
        &c,
        "--at",
        "2026-12-17 10:00",
        "--channel",
        "walk",
        "--every",
        "week",
        "--count",
        "10",
    ]));
    let rows = agenda_ids(&db, "2026-12-14", 90);
    // 17.12, 07.01, 14.01, 21.01, 28.01, 04.02, 11.02, 18.02
    ok(jobdesk(&db).args([
        "mark",
        "--appointment",
        &rows[2].0.to_string(),
        "--status",
        "cancelled",
    ]));
    // A move is the desk's: the same store call.
    let mut store = jobdesk::store::Store::open(
        &db,
        &jobdesk::store::OpenOptions::new(jobdesk::store::Create::No),
    )
    .unwrap();
    let at = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    store
        .mark_appointment(
            rows[3].0,
            jobdesk::domain::Status::Moved,
            Some(at("2027-01-22 13:00")),
            at("2026-11-23 09:00"),
        )
        .unwrap();
    drop(store);
    let (out, err) = stderr(jobdesk(&db).args([
        "series",
        "set",
        "--from",
        &rows[6].0.to_string(),
        "--time",
        "14.30",
        "--minutes",
        "45",
    ]));
    assert_eq!(out.trim(), "2", "{err}");
    assert!(
        err.contains("2 planned appointment(s) changed, now series 2"),
        "{err}"
    );
    db
}

#[test]
fn one_cancelled_and_one_moved_leave_the_others_and_this_and_all_following_changes_the_rest() {
    let dir = tmpdir();
    let db = walked(&dir);
    let rows: Vec<(String, String)> = agenda_ids(&db, "2026-12-14", 90)
        .into_iter()
        .map(|(_, s, st)| (s, st))
        .collect();
    let want: Vec<(String, String)> = [
        ("2026-12-17T10:00", "planned"),
        ("2027-01-07T10:00", "planned"),
        ("2027-01-14T10:00", "cancelled"),
        ("2027-01-21T10:00", "moved"),
        ("2027-01-22T13:00", "planned"),
        ("2027-01-28T10:00", "planned"),
        ("2027-02-04T10:00", "planned"),
        ("2027-02-11T14:30", "planned"),
        ("2027-02-18T14:30", "planned"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(rows, want);
    let slots = agenda_slots(&db, "2026-12-14", 90);
    assert!(slots.contains(&("2027-02-18T14:30".to_string(), 45)));
    assert!(slots.contains(&("2027-02-04T10:00".to_string(), 60)));

    // Ending the second series from its first date deletes it; marked ones would stay.
    let second = agenda_ids(&db, "2027-02-11", 1)[0].0;
    let said = ok(jobdesk(&db).args(["series", "end", "--from", &second.to_string()]));
    assert!(
        said.contains("the series is deleted: 2 planned appointment(s) removed"),
        "{said}"
    );
    assert_eq!(agenda_ids(&db, "2027-02-08", 14).len(), 0);
    let said = ok(jobdesk(&db)
        .env("LANG", "da_DK.UTF-8")
        .args(["series", "delete", "1"]));
    assert!(
        said.contains("serien er slettet: 5 planlagt(e) aftale(r) fjernet, 1 markeret beholdt"),
        "{said}"
    );
    let left: Vec<String> = agenda_ids(&db, "2026-12-14", 90)
        .into_iter()
        .map(|(_, s, st)| format!("{s} {st}"))
        .collect();
    assert_eq!(
        left,
        ["2027-01-14T10:00 cancelled", "2027-01-21T10:00 moved"],
        "what was marked stays"
    );
}

/// `(start, minutes)` of every event `recurring_ical_events` expands from `ics`, in Danish
/// local time; `None` when the Python modules are missing.
fn python_slots(ics: &Path) -> Option<BTreeSet<(String, i64)>> {
    let script = r#"
import sys, datetime
import icalendar, recurring_ical_events
from zoneinfo import ZoneInfo
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
cph = ZoneInfo('Europe/Copenhagen')
utc = datetime.timezone.utc
for e in recurring_ical_events.of(cal).between(datetime.date(2000, 1, 1), datetime.date(2100, 1, 1)):
    s, t = e['DTSTART'].dt, e['DTEND'].dt
    # Real minutes: in UTC (Python subtracts wall clocks when both share a zone).
    real = t.astimezone(utc) - s.astimezone(utc)
    print(s.astimezone(cph).strftime('%Y-%m-%dT%H:%M'), int(real.total_seconds() // 60))
"#;
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(ics)
        .output()
        .ok()?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        if err.contains("ModuleNotFoundError") {
            eprintln!("python3 icalendar/recurring_ical_events missing: skipped ({err})");
            return None;
        }
        panic!("{err}");
    }
    Some(
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| l.split_once(' '))
            .map(|(s, m)| (s.to_string(), m.parse().unwrap()))
            .collect(),
    )
}

/// `(start, minutes)` of every appointment calcurse shows after importing `ics`; `None` when
/// calcurse is not installed.
fn calcurse_slots(
    dir: &Path,
    ics: &Path,
    from: &str,
    days: u32,
) -> Option<BTreeSet<(String, i64)>> {
    if std::process::Command::new("calcurse")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("calcurse is not installed: skipped (apt-get install calcurse)");
        return None;
    }
    let cc = dir.join("calcurse");
    std::fs::create_dir_all(&cc).unwrap();
    let import = std::process::Command::new("calcurse")
        .env("TZ", "Europe/Copenhagen")
        .arg("-D")
        .arg(&cc)
        .arg("-i")
        .arg(ics)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&import.stdout).to_string();
    assert!(report.contains("0 skipped"), "{report}");
    let shown = std::process::Command::new("calcurse")
        .env("TZ", "Europe/Copenhagen")
        .arg("-D")
        .arg(&cc)
        .args(["-Q", "--from", from, "--days", &days.to_string()])
        .arg("--format-apt=%(start:%Y-%m-%dT%H:%M) %(duration:%EM)\n")
        .arg("--format-recur-apt=%(start:%Y-%m-%dT%H:%M) %(duration:%EM)\n")
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&shown.stdout).to_string();
    Some(
        shown
            .lines()
            .filter_map(|l| l.trim().split_once(' '))
            .filter(|(s, _)| s.len() == 16)
            .map(|(s, m)| (s.to_string(), m.trim().parse::<i64>().unwrap_or(-1)))
            .collect(),
    )
}

#[test]
fn ics_of_a_series_reads_back_as_agenda_in_python_and_calcurse() {
    let dir = tmpdir();
    let db = walked(&dir);
    let ics = dir.path().join("cal.ics");
    ok(jobdesk(&db).args(["export", "ics", "-o"]).arg(&ics));
    let text = std::fs::read_to_string(&ics).unwrap();
    assert!(
        text.contains("RRULE:FREQ=WEEKLY;BYDAY=TH;UNTIL=20270204T090000Z\r\n"),
        "{text}"
    );
    assert!(
        text.contains("EXDATE;TZID=Europe/Copenhagen:20261224T100000\r\n"),
        "{text}"
    );
    assert!(
        text.contains("EXDATE;TZID=Europe/Copenhagen:20270114T100000\r\n"),
        "cancelled"
    );
    assert!(
        text.contains("EXDATE;TZID=Europe/Copenhagen:20270121T100000\r\n"),
        "moved"
    );
    assert!(
        text.contains("RECURRENCE-ID;TZID=Europe/Copenhagen:20270121T100000\r\n"),
        "{text}"
    );
    assert!(text.contains("DTSTART;TZID=Europe/Copenhagen:20270122T130000\r\n"));
    for stamp in text.lines().filter(|l| l.starts_with("DTSTAMP")) {
        assert!(stamp.ends_with('Z'), "{stamp}");
    }
    let agenda = agenda_slots(&db, "2026-12-14", 90);
    assert_eq!(agenda.len(), 7);
    if let Some(py) = python_slots(&ics) {
        assert_eq!(py, agenda, "Python's recurring_ical_events");
    }
    if let Some(cc) = calcurse_slots(dir.path(), &ics, "12/14/2026", 90) {
        assert_eq!(cc, agenda, "calcurse");
    }
}

#[test]
fn an_appointment_across_the_autumn_night_keeps_its_length_and_dtstamp_is_utc() {
    let dir = tmpdir();
    let db = dir.path().join("j.db");
    let c = with_citizen(&db);
    // 01:30 summer time for 90 real minutes: ends 02:00 winter time.
    ok(jobdesk(&db).args([
        "plan",
        "--citizen",
        &c,
        "--at",
        "2026-10-25 01:30",
        "--channel",
        "phone",
        "--minutes",
        "90",
    ]));
    // 02:00 that night (the first one) for an hour.
    ok(jobdesk(&db).args([
        "plan",
        "--citizen",
        &c,
        "--at",
        "2026-10-25 02:00",
        "--channel",
        "phone",
        "--minutes",
        "60",
    ]));
    let ics = dir.path().join("cal.ics");
    let utc = dir.path().join("utc.ics");
    ok(jobdesk(&db)
        .env("TZ", "Europe/Copenhagen")
        .args(["export", "ics", "-o"])
        .arg(&ics));
    ok(jobdesk(&db)
        .env("TZ", "UTC")
        .args(["export", "ics", "-o"])
        .arg(&utc));
    let text = std::fs::read_to_string(&ics).unwrap();
    assert!(text.contains("DTSTART:20261024T233000Z\r\n"), "{text}");
    assert!(text.contains("DTEND:20261025T010000Z\r\n"), "{text}");
    assert!(text.contains("DTSTART:20261025T000000Z\r\n"), "{text}");
    // The run's clock is 23.11.2026 09:00 Danish time: 08:00 UTC, also on a machine set to UTC.
    assert!(text.contains("DTSTAMP:20261123T080000Z\r\n"), "{text}");
    let text = std::fs::read_to_string(&utc).unwrap();
    assert!(text.contains("DTSTAMP:20261123T080000Z\r\n"), "{text}");
    let real: Vec<i64> = vec![90, 60];
    if let Some(py) = python_slots(&ics) {
        let mins: Vec<i64> = py.iter().map(|(_, m)| *m).collect();
        assert_eq!(mins, real, "{py:?}");
    }
    // calcurse keeps wall-clock times: it imports both (none refused as ending before its
    // start) and shows them from their real start to their real end on that night's clock,
    // 01.30–02.00 and 02.00–02.00.
    if let Some(cc) = calcurse_slots(dir.path(), &ics, "10/24/2026", 3) {
        let starts: Vec<&str> = cc.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(starts, ["2026-10-25T01:30", "2026-10-25T02:00"], "{cc:?}");
    }
}

#[test]
fn json_round_trip_keeps_series_exactly() {
    let dir = tmpdir();
    let db = walked(&dir);
    let a = dir.path().join("a.json");
    let b = dir.path().join("b.json");
    ok(jobdesk(&db).args(["export", "json", "-o"]).arg(&a));
    let text = std::fs::read_to_string(&a).unwrap();
    assert!(text.contains("\n\"series\":[\n{\"id\":1,"), "{text}");
    assert!(
        text.contains("\"skipped\":[\"2026-12-24\",\"2026-12-31\"]"),
        "{text}"
    );
    assert!(
        text.contains("\"occurrence\":\"2027-01-21T10:00:00\""),
        "{text}"
    );
    let db2 = dir.path().join("restored.db");
    ok(jobdesk(&db2).args(["import", "json"]).arg(&a));
    ok(jobdesk(&db2).args(["export", "json", "-o"]).arg(&b));
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    assert_eq!(
        ok(jobdesk(&db).args(["series", "list", "--json"])),
        ok(jobdesk(&db2).args(["series", "list", "--json"]))
    );
    // The restored series still works as one: ending it from its second date.
    let second = agenda_ids(&db2, "2027-01-07", 1)[0].0;
    let said = ok(jobdesk(&db2).args(["series", "end", "--from", &second.to_string()]));
    assert!(said.contains("the series ends 2027-01-06"), "{said}");
}
