//! The Danish working-day calendar through the real binary: `jobdesk holidays`, a config that
//! changes the local days off, a closure retry over Christmas, and a generated caseload with
//! nothing on a day off.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate, Weekday};
use serde_json::Value;

use crate::support::{NOW, bad, command, copy_caseload, db_in, jobdesk, json, ok, tmpdir};

fn holidays(args: &[&str]) -> Vec<(String, String, String)> {
    let v = json(&ok(command().arg("holidays").args(args).arg("--json")));
    v.as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["date"].as_str().unwrap().to_string(),
                d["name"].as_str().unwrap().to_string(),
                d["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The Danish public holidays as published for 2024–2030 (Easter Sundays 2024-03-31,
/// 2025-04-20, 2026-04-05, 2027-03-28, 2028-04-16, 2029-04-01, 2030-04-21; every Easter-based
/// day from them; no store bededag from 2024).
const PUBLISHED: &[(i32, [&str; 10])] = &[
    (
        2024,
        [
            "01-01", "03-28", "03-29", "03-31", "04-01", "05-09", "05-19", "05-20", "12-25",
            "12-26",
        ],
    ),
    (
        2025,
        [
            "01-01", "04-17", "04-18", "04-20", "04-21", "05-29", "06-08", "06-09", "12-25",
            "12-26",
        ],
    ),
    (
        2026,
        [
            "01-01", "04-02", "04-03", "04-05", "04-06", "05-14", "05-24", "05-25", "12-25",
            "12-26",
        ],
    ),
    (
        2027,
        [
            "01-01", "03-25", "03-26", "03-28", "03-29", "05-06", "05-16", "05-17", "12-25",
            "12-26",
        ],
    ),
    (
        2028,
        [
            "01-01", "04-13", "04-14", "04-16", "04-17", "05-25", "06-04", "06-05", "12-25",
            "12-26",
        ],
    ),
    (
        2029,
        [
            "01-01", "03-29", "03-30", "04-01", "04-02", "05-10", "05-20", "05-21", "12-25",
            "12-26",
        ],
    ),
    (
        2030,
        [
            "01-01", "04-18", "04-19", "04-21", "04-22", "05-30", "06-09", "06-10", "12-25",
            "12-26",
        ],
    ),
];

const NAMES_DA: [&str; 10] = [
    "nytårsdag",
    "skærtorsdag",
    "langfredag",
    "påskedag",
    "2. påskedag",
    "Kristi himmelfartsdag",
    "pinsedag",
    "2. pinsedag",
    "juledag",
    "2. juledag",
];

#[test]
fn holidays_2024_to_2030_match_the_published_table_in_danish() {
    for (year, days) in PUBLISHED {
        let got: Vec<(String, String)> = holidays(&["--lang", "da", "--year", &year.to_string()])
            .into_iter()
            .filter(|(_, _, kind)| kind == "holiday")
            .map(|(date, name, _)| (date, name))
            .collect();
        let want: Vec<(String, String)> = days
            .iter()
            .zip(NAMES_DA)
            .map(|(md, name)| (format!("{year}-{md}"), name.to_string()))
            .collect();
        assert_eq!(got, want, "{year}");
        assert!(
            got.iter().all(|(_, n)| n != "store bededag"),
            "no store bededag in {year}"
        );
    }
}

#[test]
fn holidays_2026_as_json_and_as_a_table() {
    let days = holidays(&["--year", "2026"]);
    assert_eq!(days.len(), 13, "{days:?}");
    assert!(days.windows(2).all(|w| w[0].0 < w[1].0), "date order");
    assert!(days.contains(&(
        "2026-12-26".to_string(),
        "Boxing Day".to_string(),
        "holiday".to_string()
    )));
    assert!(days.contains(&(
        "2026-12-24".to_string(),
        "Christmas Eve".to_string(),
        "local".to_string()
    )));
    let da = holidays(&["--year", "2026", "--lang", "da"]);
    assert!(da.contains(&(
        "2026-12-26".to_string(),
        "2. juledag".to_string(),
        "holiday".to_string()
    )));
    assert!(da.contains(&(
        "2026-06-05".to_string(),
        "grundlovsdag".to_string(),
        "local".to_string()
    )));

    // The default year is this year (JOBDESK_NOW is in 2026).
    assert_eq!(holidays(&[]), days);

    let table = ok(command().args(["--lang", "da", "holidays", "--year", "2026"]));
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 14, "{table}");
    assert!(lines[0].starts_with("dato"), "{table}");
    assert!(
        table.contains("26.12.2026  lør  2. juledag") && table.contains("helligdag"),
        "{table}"
    );
    assert!(table.contains("24.12.2026  tor  juleaftensdag"), "{table}");
    assert!(table.contains("lokal fridag"), "{table}");

    let e = bad(command().args(["holidays", "--year", "1200"]));
    assert!(e.contains("--year 1200"), "{e}");
}

#[test]
fn a_config_without_juleaftensdag_makes_24_december_a_working_day() {
    let dir = tmpdir();
    let cfg = dir.path().join("config.toml");
    std::fs::write(
        &cfg,
        "[[days_off]]\nmonth = 6\nday = 5\nname_da = \"grundlovsdag\"\nname_en = \"Constitution Day\"\n\n[[days_off]]\nmonth = 12\nday = 31\nname_da = \"nytårsaftensdag\"\nname_en = \"New Year's Eve\"\n\n[[days_off]]\nmonth = 8\nday = 14\nname_da = \"byfest\"\n",
    )
    .unwrap();
    let v = json(&ok(command()
        .env("JOBDESK_CONFIG", &cfg)
        .args(["holidays", "--year", "2026", "--json"])));
    let dates: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["date"].as_str().unwrap())
        .collect();
    assert!(!dates.contains(&"2026-12-24"), "{dates:?}");
    assert!(dates.contains(&"2026-12-25") && dates.contains(&"2026-12-31"));
    let fest = v
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["date"] == "2026-08-14")
        .unwrap();
    assert_eq!(
        fest["name"], "byfest",
        "the Danish name when no English one"
    );
    assert_eq!(fest["kind"], "local");

    // `days_off = []`: only the public holidays.
    std::fs::write(&cfg, "days_off = []\n").unwrap();
    let v = json(&ok(command()
        .env("JOBDESK_CONFIG", &cfg)
        .args(["holidays", "--year", "2026", "--json"])));
    assert_eq!(v.as_array().unwrap().len(), 10);

    // A broken entry is refused with its line.
    std::fs::write(
        &cfg,
        "note_soft_limit = 200\n\n[[days_off]]\nmonth = 12\nday = 32\nname_da = \"x\"\n",
    )
    .unwrap();
    let e = bad(command()
        .env("JOBDESK_CONFIG", &cfg)
        .args(["holidays", "--year", "2026"]));
    assert!(e.contains("line 3") && e.contains("32.12"), "{e}");

    // config --default prints the default days off with their comment, and parses back.
    let text = ok(command().args(["config", "--default"]));
    assert!(text.contains("# days_off:"), "{text}");
    assert!(text.contains("name_da = \"juleaftensdag\""), "{text}");
    std::fs::write(&cfg, &text).unwrap();
    assert_eq!(
        json(&ok(command()
            .env("JOBDESK_CONFIG", &cfg)
            .args(["holidays", "--year", "2026", "--json"])))
        .as_array()
        .unwrap()
        .len(),
        13
    );
}

#[test]
fn an_unanswered_closure_call_on_juleaftensdag_is_retried_on_28_december() {
    let dir = tmpdir();
    let db = db_in(&dir);
    let csv = dir.path().join("caseload.csv");
    std::fs::write(
        &csv,
        "name,target_group,benefit_start\nD1 Dagpenge,dagpenge,2026-11-02\n",
    )
    .unwrap();
    let run = |now: &str, args: &[&str]| ok(jobdesk(&db).env("JOBDESK_NOW", now).args(args));
    run(NOW, &["import", "caseload", csv.to_str().unwrap()]);
    let eve = "2026-12-24T10:00";
    run(
        eve,
        &[
            "closure",
            "start",
            "--from",
            "2026-12-21",
            "--to",
            "2027-01-08",
        ],
    );
    let out = run(
        eve,
        &["closure", "call", "--citizen", "1", "--result", "no_answer"],
    );
    assert!(out.contains("2026-12-28"), "{out}");
    assert!(!out.contains("2026-12-25"), "{out}");
    let list = json(&run(eve, &["closure", "list", "--json"]));
    assert_eq!(list[0]["next_try"], "2026-12-28", "{list}");
}

#[test]
fn a_generated_caseload_has_nothing_on_a_day_off() {
    let dir = tmpdir();
    let db = db_in(&dir);
    copy_caseload(&db, 120, 2, 1, NOW);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let days = |sql: &str| -> Vec<NaiveDate> {
        conn.prepare(sql)
            .unwrap()
            .query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .map(|s| NaiveDate::parse_from_str(&s.unwrap()[..10], "%Y-%m-%d").unwrap())
            .collect()
    };
    let appointments = days("SELECT start FROM appointments");
    let contacts = days("SELECT at FROM contacts");
    assert!(appointments.len() > 500 && contacts.len() > 1000);
    // Every day off of the years the caseload covers, from the binary itself.
    let mut off = BTreeSet::new();
    for year in 2024..=2027 {
        for (date, _, _) in holidays(&["--year", &year.to_string()]) {
            off.insert(NaiveDate::parse_from_str(&date, "%Y-%m-%d").unwrap());
        }
    }
    let working =
        |d: &NaiveDate| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) && !off.contains(d);
    let bad_a: Vec<_> = appointments.iter().filter(|d| !working(d)).collect();
    let bad_c: Vec<_> = contacts.iter().filter(|d| !working(d)).collect();
    assert!(bad_a.is_empty(), "appointments on days off: {bad_a:?}");
    assert!(bad_c.is_empty(), "contacts on days off: {bad_c:?}");
    // And the caseload does span Christmas and Easter (the check above is not empty-handed).
    assert!(
        appointments
            .iter()
            .any(|d| d.month() == 12 && d.day() == 23)
    );
    assert!(
        appointments
            .iter()
            .any(|d| d.year() == 2026 && d.month() == 4)
    );
}

/// Also read through the command line: `agenda --json` over Christmas 2025 and New Year has
/// appointments, none of them on a day off.
#[test]
fn the_agenda_of_christmas_week_is_empty_on_the_days_off() {
    let dir = tmpdir();
    let db = db_in(&dir);
    copy_caseload(&db, 120, 2, 1, NOW);
    let v: Value = json(&ok(jobdesk(&db).args([
        "agenda",
        "--date",
        "2025-12-22",
        "--days",
        "14",
        "--json",
    ])));
    let list = v.as_array().unwrap();
    assert!(list.len() > 5, "{v}");
    for a in list {
        let start = a["start"].as_str().unwrap();
        for off in [
            "2025-12-24",
            "2025-12-25",
            "2025-12-26",
            "2025-12-31",
            "2026-01-01",
        ] {
            assert!(!start.starts_with(off), "{start}");
        }
    }
}

#[test]
fn closure_retries_follow_the_config_s_own_days_off() {
    // A municipality that also closes on 28 December: the retry after an unanswered call on
    // juleaftensdag moves on to the 29th.
    let dir = tmpdir();
    let db = db_in(&dir);
    let cfg = dir.path().join("config.toml");
    std::fs::write(
        &cfg,
        "encrypt = false\n\n[[days_off]]\nmonth = 12\nday = 24\nname_da = \"juleaftensdag\"\n\n[[days_off]]\nmonth = 12\nday = 28\nname_da = \"mellemdag\"\n",
    )
    .unwrap();
    let csv = dir.path().join("caseload.csv");
    std::fs::write(
        &csv,
        "name,target_group,benefit_start\nD1 Dagpenge,dagpenge,2026-11-02\n",
    )
    .unwrap();
    let run = |now: &str, args: &[&str]| {
        ok(jobdesk(&db)
            .env("JOBDESK_NOW", now)
            .env("JOBDESK_CONFIG", &cfg)
            .args(args))
    };
    run(NOW, &["import", "caseload", csv.to_str().unwrap()]);
    let eve = "2026-12-24T10:00";
    run(
        eve,
        &[
            "closure",
            "start",
            "--from",
            "2026-12-21",
            "--to",
            "2027-01-08",
        ],
    );
    run(
        eve,
        &["closure", "call", "--citizen", "1", "--result", "no_answer"],
    );
    let list = json(&run(eve, &["closure", "list", "--json"]));
    assert_eq!(list[0]["next_try"], "2026-12-29", "{list}");
}
