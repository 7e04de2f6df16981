//! The hand-over exports through the real binary: CSV in both forms, iCalendar, JSON round trip,
//! and every bad input refused with exit 2 and nothing written.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use jobdesk::domain::{TargetGroup, Word};
use serde_json::Value;
use tempfile::TempDir;

use crate::support::{command, copy_caseload};

const NOW: &str = "2026-11-23T12:00";

const NOTE_QUOTES: &str = "Aftalt; \"nyt\" møde, kl. 10\nlinje to: æøå ÆØÅ";
const NOTE_FORMULA: &str = "=1+1";
const NOTE_MINUS: &str = "-5 kr. i husleje";

/// The binary with a fixed "now", English unless told, and its settings file in `dir` (so a
/// test never reads or writes the real one).
fn jd(dir: &Path) -> Command {
    let mut c = command();
    c.env("JOBDESK_NOW", NOW)
        .env("JOBDESK_CONFIG", dir.join("config.toml"));
    c
}

struct Fixture {
    dir: TempDir,
    db: PathBuf,
}

impl Fixture {
    /// A generated caseload with three contacts of today whose notes are hard for CSV, and
    /// two planned appointments tomorrow.
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("jobdesk.db");
        copy_caseload(&db, 30, 1, 1, NOW);
        let f = Fixture { dir, db };
        f.ok(&[
            "log",
            "add",
            "--citizen",
            "1",
            "--channel",
            "phone",
            "--outcome",
            "reached",
            "--at",
            "i dag 13.05",
            "--minutes",
            "7",
            "--note",
            NOTE_QUOTES,
        ]);
        f.ok(&[
            "log",
            "add",
            "--citizen",
            "2",
            "--channel",
            "telefon",
            "--outcome",
            "besked",
            "--at",
            "today 13:10",
            "--note",
            NOTE_FORMULA,
        ]);
        f.ok(&[
            "log",
            "add",
            "--citizen",
            "3",
            "--channel",
            "video",
            "--outcome",
            "held",
            "--at",
            "today 13:20",
            "--minutes",
            "30",
            "--note",
            NOTE_MINUS,
        ]);
        f.ok(&[
            "plan",
            "--citizen",
            "1",
            "--at",
            "24.11.2026 10.30",
            "--channel",
            "telefon",
        ]);
        f.ok(&[
            "plan",
            "--citizen",
            "2",
            "--at",
            "24.11.2026 13:00",
            "--channel",
            "fremmøde",
            "--minutes",
            "45",
            "--place",
            "Jobcentret; lok. 2",
        ]);
        f
    }

    fn jd(&self) -> Command {
        jd(self.dir.path())
    }

    fn run(&self, args: &[&str]) -> assert_cmd::assert::Assert {
        self.jd().arg("--db").arg(&self.db).args(args).assert()
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args).success().get_output().stdout.clone();
        String::from_utf8(out).unwrap()
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn p(&self, name: &str) -> String {
        self.path(name).display().to_string()
    }

    /// The whole database as the JSON export shows it.
    fn everything(&self) -> Value {
        serde_json::from_str(&self.ok(&["export", "json"])).unwrap()
    }

    fn files(&self) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(self.dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| !n.starts_with("jobdesk.db"))
            .collect();
        v.sort();
        v
    }
}

fn citizen(all: &Value, id: i64) -> &Value {
    all["citizens"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap()
}

fn cprs(all: &Value) -> Vec<String> {
    all["citizens"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["cpr"].as_str().map(String::from))
        .collect()
}

fn read_csv(bytes: &[u8], delimiter: u8) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .from_reader(bytes)
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

/// Every record ends with CRLF, and no bare LF appears outside quoted fields.
fn assert_crlf_records(text: &str) {
    assert!(text.ends_with("\r\n"));
    let mut in_quotes = false;
    let b = text.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'"' => in_quotes = !in_quotes,
            b'\n' if !in_quotes => assert!(i > 0 && b[i - 1] == b'\r', "bare LF at byte {i}"),
            _ => {}
        }
    }
}

fn group_name(all: &Value, id: i64, danish: bool) -> &'static str {
    TargetGroup::parse(citizen(all, id)["target_group"].as_str().unwrap())
        .unwrap()
        .name(danish)
}

#[test]
fn plain_csv_holds_the_days_log_in_rfc4180() {
    let f = Fixture::new();
    let all = f.everything();
    let out = f.ok(&["export", "csv", "--lang", "en", "-o", &f.p("day.csv")]);
    assert!(out.contains("contacts written to"), "{out}");
    let bytes = std::fs::read(f.path("day.csv")).unwrap();
    assert!(!bytes.starts_with(b"\xEF\xBB\xBF"), "plain CSV has no BOM");
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert_crlf_records(&text);
    // Quoting of ; " and the line break, æøå intact.
    assert!(
        text.contains("\"Aftalt; \"\"nyt\"\" møde, kl. 10\nlinje to: æøå ÆØÅ\""),
        "{text}"
    );

    let rows = read_csv(&bytes, b',');
    assert_eq!(
        rows[0],
        [
            "date",
            "time",
            "citizen",
            "target_group",
            "kind",
            "channel",
            "outcome",
            "minutes",
            "note",
            "counts",
            "transferred"
        ]
    );
    let body = &rows[1..];
    assert!(body.len() >= 3);
    assert!(body.iter().all(|r| r.len() == 11 && r[0] == "2026-11-23"));
    let times: Vec<&str> = body.iter().map(|r| r[1].as_str()).collect();
    let mut sorted = times.clone();
    sorted.sort();
    assert_eq!(times, sorted, "rows in time order");

    let name = |id| citizen(&all, id)["name"].as_str().unwrap().to_string();
    let row = |t: &str| body.iter().find(|r| r[1] == t).unwrap().clone();
    let r = row("13:05");
    assert_eq!(
        r,
        [
            "2026-11-23",
            "13:05",
            &name(1),
            group_name(&all, 1, false),
            "conversation",
            "phone",
            "reached",
            "7",
            NOTE_QUOTES,
            "no",
            ""
        ]
    );
    let r = row("13:10");
    assert_eq!(r[2], name(2));
    assert_eq!(r[6], "message left");
    assert_eq!(r[7], "0");
    assert_eq!(r[8], "'=1+1", "a formula is defused with a leading '");
    assert_eq!(jobdesk::export::csv::unescape(&r[8]), NOTE_FORMULA);
    let r = row("13:20");
    assert_eq!(
        (r[5].as_str(), r[6].as_str(), r[7].as_str()),
        ("video", "held", "30")
    );
    assert_eq!(r[8], "'-5 kr. i husleje");
    assert_eq!(jobdesk::export::csv::unescape(&r[8]), NOTE_MINUS);
    assert_eq!((r[9].as_str(), r[10].as_str()), ("yes", ""), "held: counts");

    // No CPR number anywhere without --with-cpr.
    let cprs = cprs(&all);
    assert!(!cprs.is_empty());
    for c in &cprs {
        assert!(!text.contains(c.as_str()), "CPR {c} leaked");
        assert!(!text.contains(&c.replace('-', "")), "CPR {c} leaked");
    }

    // Standard output gives the same bytes, and the file is private.
    assert_eq!(
        f.ok(&["export", "csv", "--lang", "en"]).as_bytes(),
        &bytes[..]
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(f.path("day.csv"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn excel_csv_opens_in_danish_excel() {
    let f = Fixture::new();
    let all = f.everything();
    f.ok(&[
        "export",
        "csv",
        "--excel",
        "--lang",
        "da",
        "--date",
        "23.11.2026",
        "-o",
        &f.p("excel.csv"),
    ]);
    let bytes = std::fs::read(f.path("excel.csv")).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM first");
    assert!(!bytes.starts_with(b"\xEF\xBB\xBFsep="), "no sep= line");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert_crlf_records(&text);
    assert!(
        text.starts_with(
            "dato;tid;borger;målgruppe;art;kanal;udfald;minutter;notat;tæller;overført\r\n"
        ),
        "{text}"
    );
    // ; inside a note is quoted, since ; separates the fields.
    assert!(
        text.contains(";\"Aftalt; \"\"nyt\"\" møde, kl. 10\nlinje to: æøå ÆØÅ\";nej;\r\n"),
        "{text}"
    );

    let rows = read_csv(&bytes[3..], b';');
    let body = &rows[1..];
    assert!(body.iter().all(|r| r.len() == 11 && r[0] == "23-11-2026"));
    let row = |t: &str| body.iter().find(|r| r[1] == t).unwrap().clone();
    assert_eq!(
        row("13:05"),
        [
            "23-11-2026",
            "13:05",
            citizen(&all, 1)["name"].as_str().unwrap(),
            group_name(&all, 1, true),
            "samtale",
            "telefon",
            "truffet",
            "7",
            NOTE_QUOTES,
            "nej",
            ""
        ]
    );
    assert_eq!(row("13:10")[6], "lagt besked");
    assert_eq!(row("13:10")[8], "'=1+1");
    assert_eq!(row("13:20")[8], "'-5 kr. i husleje");
    assert_eq!(row("13:20")[9], "ja");
    // Marked transferred: the day, in the Danish form.
    f.ok(&["log", "transferred", "--date", "23.11.2026"]);
    let text = f.ok(&["export", "csv", "--excel", "--lang", "da"]);
    let rows = read_csv(&text.as_bytes()[3..], b';');
    assert!(rows.len() > 3);
    assert!(rows[1..].iter().all(|r| r[10] == "23-11-2026"), "{rows:?}");
    for c in cprs(&all) {
        assert!(!text.contains(&c), "CPR {c} leaked");
    }
}

#[test]
fn with_cpr_adds_the_cpr_column() {
    let f = Fixture::new();
    let all = f.everything();
    let text = f.ok(&["export", "csv", "--with-cpr", "--lang", "en"]);
    let rows = read_csv(text.as_bytes(), b',');
    assert_eq!(
        rows[0],
        [
            "date",
            "time",
            "citizen",
            "cpr",
            "target_group",
            "kind",
            "channel",
            "outcome",
            "minutes",
            "note",
            "counts",
            "transferred"
        ]
    );
    let r = rows.iter().find(|r| r[1] == "13:05").unwrap();
    assert_eq!(r[3], citizen(&all, 1)["cpr"].as_str().unwrap_or(""));
    assert_eq!(r[9], NOTE_QUOTES);
    let r = rows.iter().find(|r| r[1] == "13:10").unwrap();
    assert_eq!(r[3], citizen(&all, 2)["cpr"].as_str().unwrap_or(""));

    let da = f.ok(&["export", "csv", "--with-cpr", "--excel", "--lang", "da"]);
    assert!(
        da.starts_with("\u{feff}dato;tid;borger;cpr-nummer;målgruppe;"),
        "{da}"
    );
}

#[test]
fn a_range_and_an_empty_day() {
    let f = Fixture::new();
    let text = f.ok(&[
        "export",
        "csv",
        "--from",
        "2026-11-16",
        "--to",
        "23.11.2026",
        "--lang",
        "en",
    ]);
    let rows = read_csv(text.as_bytes(), b',');
    let days: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    assert!(
        days.iter()
            .all(|d| ("2026-11-16"..="2026-11-23").contains(d)),
        "{days:?}"
    );
    assert!(
        days.iter().any(|d| *d != "2026-11-23"),
        "more than one day: {days:?}"
    );
    let keys: Vec<String> = rows[1..]
        .iter()
        .map(|r| format!("{}T{}", r[0], r[1]))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    // Older entries of the generated log have been transferred: their day is in the last column.
    assert!(rows[1..].iter().all(|r| r.len() == 11));
    assert!(
        rows[1..]
            .iter()
            .any(|r| r[10].len() == 10 && r[10].as_str() >= r[0].as_str()),
        "{rows:?}"
    );
    assert!(
        rows[1..]
            .iter()
            .all(|r| ["yes", "no"].contains(&r[9].as_str()))
    );

    // A Sunday with nothing logged: the header alone, a word on stderr, exit 0, a real file.
    let a = f
        .run(&[
            "export",
            "csv",
            "--date",
            "2026-11-29",
            "--lang",
            "en",
            "-o",
            &f.p("empty.csv"),
        ])
        .success();
    let err = String::from_utf8_lossy(&a.get_output().stderr).to_string();
    assert!(
        err.contains("no contacts") && err.contains("header"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(f.path("empty.csv")).unwrap(),
        b"date,time,citizen,target_group,kind,channel,outcome,minutes,note,counts,transferred\r\n"
    );
}

#[test]
fn every_export_is_recorded() {
    let f = Fixture::new();
    f.ok(&[
        "export",
        "csv",
        "--excel",
        "--with-cpr",
        "-o",
        &f.p("a.csv"),
    ]);
    f.ok(&[
        "export",
        "ics",
        "--from",
        "2026-11-24",
        "--to",
        "2026-11-24",
    ]);
    f.ok(&["export", "json", "-o", &f.p("all.json")]);
    let store = jobdesk::store::Store::open(
        &f.db,
        &jobdesk::store::OpenOptions::new(jobdesk::store::Create::No),
    )
    .unwrap();
    let list = store.exports().unwrap();
    // Newest first; the fixture's `everything()` was not called here.
    let kinds: Vec<&str> = list.iter().map(|r| r.kind.key()).collect();
    assert_eq!(kinds, ["json", "ics", "csv_excel"]);
    let csv = &list[2];
    assert!(csv.cpr);
    assert!(csv.rows >= 3);
    assert_eq!(
        csv.range.from,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
    );
    assert_eq!(csv.range.to, csv.range.from);
    assert!(csv.path.ends_with("a.csv"));
    assert_eq!(csv.at.format("%Y-%m-%dT%H:%M").to_string(), NOW);
    let tomorrow = agenda_json(&f).len() as u64;
    assert!(tomorrow >= 2);
    assert_eq!((list[1].rows, list[1].path.as_str()), (tomorrow, "-"));
    let hist = f.ok(&["export", "history", "--lang", "en"]);
    assert!(
        hist.contains("csv_excel") && hist.contains("a.csv") && hist.contains("json"),
        "{hist}"
    );
}

fn agenda_json(f: &Fixture) -> Vec<Value> {
    serde_json::from_str::<Value>(&f.ok(&["agenda", "--date", "2026-11-24", "--json"]))
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn ics_parses_back_with_stable_uids_time_zone_and_cancellations() {
    let f = Fixture::new();
    let all = f.everything();
    f.ok(&["export", "ics", "--lang", "da", "-o", &f.p("cal.ics")]);
    let text = std::fs::read_to_string(f.path("cal.ics")).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Copenhagen\r\n"));
    assert!(text.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"));
    assert!(text.contains("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"));
    assert!(text.lines().all(|l| l.len() <= 75));

    let cal: icalendar::Calendar = text.parse().unwrap();
    let events: Vec<&icalendar::Event> = cal.events().collect();
    let appts: Vec<&Value> = all["appointments"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["deleted"] == false)
        .collect();
    assert_eq!(events.len(), appts.len());
    use icalendar::Component;
    let mut cancelled = 0;
    for a in &appts {
        let uid = a["uuid"].as_str().unwrap();
        let e = events.iter().find(|e| e.get_uid() == Some(uid)).unwrap();
        let start = chrono::NaiveDateTime::parse_from_str(
            a["start"].as_str().unwrap(),
            "%Y-%m-%dT%H:%M:%S",
        )
        .unwrap();
        assert_eq!(
            e.get_start(),
            Some(icalendar::DatePerhapsTime::DateTime(
                icalendar::CalendarDateTime::WithTimezone {
                    date_time: start,
                    tzid: "Europe/Copenhagen".into()
                }
            ))
        );
        let status = a["status"].as_str().unwrap();
        let want = if ["cancelled", "cancelled_by_citizen", "moved"].contains(&status) {
            cancelled += 1;
            icalendar::EventStatus::Cancelled
        } else {
            icalendar::EventStatus::Confirmed
        };
        assert_eq!(e.get_status(), Some(want), "{uid}");
    }
    assert!(cancelled > 0, "the fixture has cancelled appointments");
    assert!(text.contains("STATUS:CANCELLED\r\n"));

    // Tomorrow's two planned ones, by their summary; no CPR, no notes anywhere.
    let tomorrow = agenda_json(&f);
    let first = |id: i64| {
        citizen(&all, id)["name"]
            .as_str()
            .unwrap()
            .split(' ')
            .next()
            .unwrap()
            .to_string()
    };
    let initial = |id: i64| {
        citizen(&all, id)["name"]
            .as_str()
            .unwrap()
            .split(' ')
            .next_back()
            .unwrap()
            .chars()
            .next()
            .unwrap()
    };
    for (id, summary) in [
        (
            1,
            format!("Samtale (telefon): {} {}.", first(1), initial(1)),
        ),
        (
            2,
            format!("Samtale (fremmøde): {} {}.", first(2), initial(2)),
        ),
    ] {
        let a = tomorrow.iter().find(|a| a["citizen_id"] == id).unwrap();
        let e = events
            .iter()
            .find(|e| e.get_summary() == Some(summary.as_str()))
            .unwrap();
        assert!(e.get_uid().is_some());
        assert_eq!(a["start"].as_str().unwrap().len(), 16);
    }
    assert!(text.contains("DTSTART;TZID=Europe/Copenhagen:20261124T103000\r\n"));
    // DTEND in UTC: 13.45 Danish winter time.
    assert!(text.contains("DTEND:20261124T124500Z\r\n"));
    assert!(text.contains("LOCATION:Jobcentret\\; lok. 2\r\n"));
    for c in cprs(&all) {
        assert!(!text.contains(&c), "CPR {c} leaked");
    }
    assert!(
        !text.contains("husleje") && !text.contains("nyt"),
        "notes stay out of the calendar"
    );

    // English summaries, and the same UIDs every time.
    let en = f.ok(&[
        "export",
        "ics",
        "--lang",
        "en",
        "--from",
        "2026-11-24",
        "--to",
        "2026-11-24",
    ]);
    assert!(
        en.contains(&format!(
            "SUMMARY:Conversation (phone): {} {}.\r\n",
            first(1),
            initial(1)
        )),
        "{en}"
    );
    let again = f.ok(&[
        "export",
        "ics",
        "--lang",
        "en",
        "--from",
        "2026-11-24",
        "--to",
        "2026-11-24",
    ]);
    assert_eq!(en, again, "stable output, stable UIDs");
}

/// calcurse (a real calendar program; CI installs it) imports the file and shows the
/// appointments at their Danish times.
#[test]
fn ics_imports_into_calcurse() {
    if std::process::Command::new("calcurse")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("calcurse is not installed: skipped (apt-get install calcurse)");
        return;
    }
    let f = Fixture::new();
    let ics = f.path("cal.ics");
    f.ok(&[
        "export",
        "ics",
        "--lang",
        "da",
        "--from",
        "2026-11-24",
        "--to",
        "2026-11-24",
        "-o",
        &f.p("cal.ics"),
    ]);
    let cc = f.path("calcurse");
    std::fs::create_dir(&cc).unwrap();
    let import = std::process::Command::new("calcurse")
        .env("TZ", "Europe/Copenhagen")
        .arg("-D")
        .arg(&cc)
        .arg("-i")
        .arg(&ics)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&import.stdout).to_string()
        + &String::from_utf8_lossy(&import.stderr);
    assert!(import.status.success(), "{report}");
    assert!(
        report.contains(&format!("{} apps", agenda_json(&f).len())) && report.contains("0 skipped"),
        "{report}"
    );
    let shown = std::process::Command::new("calcurse")
        .env("TZ", "Europe/Copenhagen")
        .arg("-D")
        .arg(&cc)
        .args(["-Q", "--from", "11/24/2026", "--days", "1"])
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&shown.stdout).to_string();
    assert!(shown.contains("10:30 -> 11:00"), "{shown}");
    assert!(shown.contains("13:00 -> 13:45"), "{shown}");
    assert!(shown.contains("Samtale (telefon): "), "{shown}");
    assert!(shown.contains("Samtale (fremmøde): "), "{shown}");
}

#[test]
fn json_round_trip_is_exact() {
    let f = Fixture::new();
    f.ok(&["export", "json", "-o", &f.p("a.json")]);
    let a = std::fs::read(f.path("a.json")).unwrap();
    assert!(a.starts_with(b"{\"format\":\"jobdesk\",\"format_version\":1,\n"));
    let v: Value = serde_json::from_slice(&a).unwrap();
    assert_eq!(v["citizens"].as_array().unwrap().len(), 30);
    assert!(
        v["contacts"]
            .as_array()
            .unwrap()
            .iter()
            .any(|k| k["note"] == NOTE_QUOTES)
    );

    let db2 = f.path("restored.db");
    let out = f
        .jd()
        .arg("--db")
        .arg(&db2)
        .args(["import", "json"])
        .arg(f.path("a.json"))
        .assert()
        .success();
    let said = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(said.contains("imported 30 citizens"), "{said}");
    let b = f
        .jd()
        .arg("--db")
        .arg(&db2)
        .args(["export", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(a == b, "export → import → export differs");
    // What the user sees is the same too.
    let agenda = |db: &Path| {
        f.jd()
            .arg("--db")
            .arg(db)
            .args(["agenda", "--date", "2026-11-24", "--json"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    assert_eq!(agenda(&f.db), agenda(&db2));
    let log = |db: &Path| {
        f.jd()
            .arg("--db")
            .arg(db)
            .args(["export", "csv", "--with-cpr"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    assert_eq!(log(&f.db), log(&db2));
}

fn refused(f: &Fixture, args: &[&str], why: &str) {
    let before = f.files();
    let a = f.run(args).code(2);
    let err = String::from_utf8_lossy(&a.get_output().stderr).to_string();
    assert!(err.contains(why), "{args:?}: {err}");
    assert!(
        !err.contains("panicked") && !err.contains("backtrace"),
        "{err}"
    );
    assert_eq!(f.files(), before, "{args:?} left a file behind");
}

#[test]
fn bad_exports_exit_2_and_write_nothing() {
    let f = Fixture::new();
    let out = f.p("out.csv");
    refused(
        &f,
        &["export", "csv", "--date", "31.02.2026", "-o", &out],
        "February 2026 has no day 31",
    );
    refused(
        &f,
        &["export", "csv", "--date", "2026-13-01", "-o", &out],
        "no month 13",
    );
    refused(
        &f,
        &["export", "csv", "--date", "someday", "-o", &out],
        "is not a date",
    );
    refused(
        &f,
        &[
            "export",
            "csv",
            "--from",
            "2026-11-24",
            "--to",
            "2026-11-23",
            "-o",
            &out,
        ],
        "is after --to",
    );
    refused(
        &f,
        &[
            "export",
            "ics",
            "--from",
            "24.11.2026",
            "--to",
            "23.11.2026",
            "-o",
            &out,
        ],
        "is after --to",
    );
    refused(
        &f,
        &[
            "export",
            "csv",
            "--date",
            "2026-11-23",
            "--from",
            "2026-11-01",
        ],
        "cannot be used with",
    );
    refused(
        &f,
        &["export", "csv", "-o", &f.p("no/such/folder/x.csv")],
        "does not exist",
    );
    refused(
        &f,
        &["export", "csv", "-o", f.dir.path().to_str().unwrap()],
        "is a folder",
    );
    refused(
        &f,
        &["export", "json", "-o", f.db.to_str().unwrap(), "--force"],
        "the database itself",
    );
    #[cfg(target_os = "linux")]
    refused(
        &f,
        &["export", "csv", "-o", "/proc/jobdesk-export.csv"],
        "cannot write in the folder",
    );

    // An existing file is kept as it was, unless --force.
    std::fs::write(f.path("keep.csv"), "mine").unwrap();
    refused(
        &f,
        &["export", "csv", "-o", &f.p("keep.csv")],
        "already exists",
    );
    refused(
        &f,
        &["export", "json", "-o", &f.p("keep.csv")],
        "already exists",
    );
    assert_eq!(std::fs::read_to_string(f.path("keep.csv")).unwrap(), "mine");
    f.ok(&[
        "export",
        "csv",
        "--lang",
        "en",
        "-o",
        &f.p("keep.csv"),
        "--force",
    ]);
    assert!(
        std::fs::read_to_string(f.path("keep.csv"))
            .unwrap()
            .starts_with("date,time,")
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(f.path("keep.csv"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "a replaced file is private too");
    }
    assert_eq!(f.files(), ["keep.csv"], "no temporary files left");
}

/// The export with its first citizen's line twice.
fn duplicated_first_citizen(good: &str) -> String {
    let start = good.find("\"citizens\":[\n").unwrap() + "\"citizens\":[\n".len();
    let end = start + good[start..].find('\n').unwrap();
    let line = &good[start..end];
    format!("{}{line}\n{}", &good[..start], &good[start..])
}

#[test]
fn bad_imports_exit_2_and_import_nothing() {
    let f = Fixture::new();
    f.ok(&["export", "json", "-o", &f.p("good.json")]);
    let good = std::fs::read_to_string(f.path("good.json")).unwrap();
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "v2.json",
            good.replacen("\"format_version\":1", "\"format_version\":2", 1),
            "format version 2",
        ),
        (
            "cut.json",
            good[..good.len() * 2 / 3].to_string(),
            "ends too early",
        ),
        (
            "half-row.json",
            good[..good.rfind("\"note\"").unwrap()].to_string(),
            "ends too early",
        ),
        (
            "other.json",
            "{\"format\":\"other\",\"format_version\":1}".into(),
            "not a jobdesk export",
        ),
        ("list.json", "[]".into(), "jobdesk export"),
        ("empty.json", String::new(), "ends too early"),
        (
            "bad-channel.json",
            good.replacen("\"channel\":\"phone\"", "\"channel\":\"fax\"", 1),
            "unknown variant `fax`",
        ),
        (
            "dangling.json",
            good.replacen("\"citizen_id\":1,", "\"citizen_id\":99999,", 1),
            "refer to rows that are not in it",
        ),
        (
            "dup.json",
            duplicated_first_citizen(&good),
            "citizen 1 in the file cannot be restored",
        ),
    ];
    for (name, text, why) in cases {
        std::fs::write(f.path(name), text).unwrap();
        let db = f.path("new.db");
        let a = f
            .jd()
            .arg("--db")
            .arg(&db)
            .args(["import", "json"])
            .arg(f.path(name))
            .assert()
            .code(2);
        let err = String::from_utf8_lossy(&a.get_output().stderr).to_string();
        assert!(err.contains(why), "{name}: {err}");
        assert!(
            !db.exists(),
            "{name}: a failed import leaves no database behind"
        );
    }

    // Into a database that holds data: refused, and the data is as it was.
    let before = f.everything();
    let a = f.run(&["import", "json", &f.p("good.json")]).code(2);
    assert!(String::from_utf8_lossy(&a.get_output().stderr).contains("not empty"));
    assert_eq!(f.everything(), before);

    // A database file the import created is removed when it fails; the next try starts clean.
    let empty = f.path("empty.db");
    f.jd()
        .arg("--db")
        .arg(&empty)
        .args(["import", "json"])
        .arg(f.path("cut.json"))
        .assert()
        .code(2);
    assert!(!empty.exists());
    f.jd()
        .arg("--db")
        .arg(&empty)
        .args(["import", "json"])
        .arg(f.path("good.json"))
        .assert()
        .success();
    let restored = f
        .jd()
        .arg("--db")
        .arg(&empty)
        .args(["export", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(restored, good.as_bytes());
}

#[test]
fn the_apps_x_writes_the_day_to_a_folder() {
    let f = Fixture::new();
    let docs = f.path("Documents");
    std::fs::create_dir(&docs).unwrap();
    let mut store = jobdesk::store::Store::open(
        &f.db,
        &jobdesk::store::OpenOptions::new(jobdesk::store::Create::No),
    )
    .unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let now = day.and_hms_opt(12, 0, 0).unwrap();
    let da = jobdesk::transfer::day_to_folder(&mut store, &docs, day, jobdesk::i18n::Lang::Da, now)
        .unwrap();
    assert_eq!(da.file_name().unwrap(), "jobdesk-kontaktlog-2026-11-23.csv");
    let bytes = std::fs::read(&da).unwrap();
    assert!(
        bytes.starts_with("\u{feff}dato;tid;borger;målgruppe;".as_bytes()),
        "Excel form in Danish"
    );
    let again =
        jobdesk::transfer::day_to_folder(&mut store, &docs, day, jobdesk::i18n::Lang::Da, now)
            .unwrap();
    assert_eq!(
        again.file_name().unwrap(),
        "jobdesk-kontaktlog-2026-11-23-2.csv",
        "never overwrites"
    );
    let en = jobdesk::transfer::day_to_folder(&mut store, &docs, day, jobdesk::i18n::Lang::En, now)
        .unwrap();
    assert_eq!(
        en.file_name().unwrap(),
        "jobdesk-contact-log-2026-11-23.csv"
    );
    assert!(
        std::fs::read(&en)
            .unwrap()
            .starts_with(b"date,time,citizen,")
    );
    assert_eq!(store.exports().unwrap().len(), 3);
}

/// Closures, their call list and calls, a mentor agreement, a job-club exemption, feedback on a
/// contact, a draft and the settings file all survive export → import on a "new laptop".
#[test]
fn json_keeps_closures_agreements_feedback_drafts_and_settings() {
    let f = Fixture::new();
    std::fs::write(
        f.path("config.toml"),
        "note_soft_limit = 123\nsnippets_da = [\"Min egen tekstbid; med \\\"citat\\\"\"]\n",
    )
    .unwrap();
    f.ok(&[
        "citizen",
        "set",
        "1",
        "--mentor",
        "yes",
        "--mentor-goals",
        "Struktur på dagen; \"ro\"",
        "--mentor-hours",
        "2.5",
        "--mentor-until",
        "2027-03-01",
    ]);
    f.ok(&[
        "citizen",
        "exempt-jobclub",
        "2",
        "--from",
        "2026-11-25",
        "--to",
        "2026-11-27",
        "--reason",
        "Kursus",
    ]);
    let contact = f.ok(&[
        "log",
        "add",
        "--citizen",
        "5",
        "--channel",
        "phone",
        "--outcome",
        "held",
        "--at",
        "today 11:00",
    ]);
    f.ok(&[
        "log",
        "feedback",
        "--contact",
        contact.trim(),
        "--score",
        "4",
        "--wish",
        "Mere praktik",
    ]);
    f.ok(&[
        "closure",
        "start",
        "--from",
        "2026-11-23",
        "--to",
        "2026-12-04",
        "--convert",
        "all",
        "--yes",
    ]);
    f.ok(&[
        "closure",
        "call",
        "--citizen",
        "6",
        "--result",
        "reached",
        "--accepted",
        "yes",
        "--at",
        "today 14:00",
    ]);
    f.ok(&[
        "closure",
        "call",
        "--citizen",
        "4",
        "--result",
        "no_answer",
        "--at",
        "today 14:05",
    ]);
    {
        let mut store = jobdesk::store::Store::open(
            &f.db,
            &jobdesk::store::OpenOptions::new(jobdesk::store::Create::No),
        )
        .unwrap();
        let draft = jobdesk::store::Draft {
            kind: jobdesk::store::DraftKind::Summary,
            target_id: 6,
            citizen_id: 6,
            text: "Halvt skrevet resumé".into(),
        };
        let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap();
        store.save_draft(&draft, now).unwrap();
    }

    f.ok(&["export", "json", "-o", &f.p("all.json")]);
    let a = std::fs::read(f.path("all.json")).unwrap();
    let v: Value = serde_json::from_slice(&a).unwrap();
    assert_eq!(v["config"]["note_soft_limit"], 123);
    assert_eq!(
        v["config"]["snippets_da"][0],
        "Min egen tekstbid; med \"citat\""
    );
    let c1 = citizen(&v, 1);
    assert_eq!(
        (c1["mentor_goals"].as_str(), c1["mentor_hours"].as_f64()),
        (Some("Struktur på dagen; \"ro\""), Some(2.5))
    );
    assert_eq!(c1["mentor_until"], "2027-03-01");
    let len = |k: &str| v[k].as_array().unwrap().len();
    assert_eq!(len("closures"), 1);
    assert!(
        len("closure_calls") >= 20,
        "the whole active caseload is on the call list"
    );
    assert_eq!(len("closure_attempts"), 2);
    assert!(
        len("closure_conversions") >= 1,
        "tomorrow's in-person meeting was converted"
    );
    assert_eq!(len("jobclub_exemptions"), 1);
    assert_eq!(len("drafts"), 1);
    assert!(
        v["contacts"]
            .as_array()
            .unwrap()
            .iter()
            .any(|k| k["feedback_score"] == 4 && k["feedback_wish"] == "Mere praktik")
    );

    // The new laptop: another folder, no settings file yet.
    let laptop = f.path("laptop");
    std::fs::create_dir(&laptop).unwrap();
    let db2 = laptop.join("jobdesk.db");
    let out = jd(&laptop)
        .arg("--db")
        .arg(&db2)
        .args(["import", "json"])
        .arg(f.path("all.json"))
        .assert()
        .success();
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        err.contains("settings") && err.contains("written to"),
        "{err}"
    );
    let restored = jobdesk::config::Config::load(Some(&laptop.join("config.toml"))).unwrap();
    assert_eq!(restored.note_soft_limit, 123);
    assert_eq!(restored.snippets_da, ["Min egen tekstbid; med \"citat\""]);
    let b = jd(&laptop)
        .arg("--db")
        .arg(&db2)
        .args(["export", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(a == b, "export → import → export differs");
    let status = |dir: &Path, db: &Path| {
        jd(dir)
            .arg("--db")
            .arg(db)
            .args(["closure", "status"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    assert_eq!(status(f.dir.path(), &f.db), status(&laptop, &db2));

    // Importing again where a different settings file is: the data goes in, the file is kept.
    std::fs::write(laptop.join("config.toml"), "note_soft_limit = 99\n").unwrap();
    let db3 = laptop.join("third.db");
    let out = jd(&laptop)
        .arg("--db")
        .arg(&db3)
        .args(["import", "json"])
        .arg(f.path("all.json"))
        .assert()
        .success();
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("kept your settings"), "{err}");
    assert_eq!(
        std::fs::read_to_string(laptop.join("config.toml")).unwrap(),
        "note_soft_limit = 99\n"
    );
}

#[test]
fn a_reversed_range_is_refused_in_danish_with_lang_da() {
    let f = Fixture::new();
    let out = f.p("out.csv");
    refused(
        &f,
        &[
            "--lang",
            "da",
            "export",
            "csv",
            "--from",
            "05.12.2026",
            "--to",
            "01.12.2026",
            "-o",
            &out,
        ],
        "--from 05.12.2026 ligger efter --to 01.12.2026: angiv den første dag først",
    );
}

#[test]
fn exports_read_the_users_config_file() {
    // Every command opens the database through one place that applies the config: a broken
    // config file is named (with its line) by an export too, and nothing is written.
    let f = Fixture::new();
    std::fs::write(f.dir.path().join("config.toml"), "note_soft_limit = [\n").unwrap();
    let out = f.p("out.csv");
    refused(&f, &["export", "csv", "-o", &out], "config.toml");
}

/// A citizen's address: set on the command line, kept through `export json` → `import json`
/// (and files without it still load: see `json_round_trip_is_exact`), and the place of a home
/// visit planned without one, which the ICS LOCATION then carries.
#[test]
fn an_address_round_trips_and_becomes_a_home_visits_place_in_the_ics() {
    let f = Fixture::new();
    let addr = "Nørregade 12, 2. th; 8000 Aarhus C";
    f.ok(&["citizen", "set", "3", "--address", addr]);
    let all = f.everything();
    assert_eq!(citizen(&all, 3)["address"], addr);
    // Citizens without one have no such field (old readers see what they always saw).
    assert!(citizen(&all, 4).get("address").is_none());
    f.ok(&["export", "json", "-o", &f.p("a.json")]);
    let db2 = f.path("restored.db");
    f.jd()
        .arg("--db")
        .arg(&db2)
        .args(["import", "json"])
        .arg(f.path("a.json"))
        .assert()
        .success();
    let b: Value = serde_json::from_slice(
        &f.jd()
            .arg("--db")
            .arg(&db2)
            .args(["export", "json"])
            .assert()
            .success()
            .get_output()
            .stdout,
    )
    .unwrap();
    assert_eq!(citizen(&b, 3)["address"], addr);
    // `citizen add --address` too.
    let id: i64 = f
        .ok(&[
            "citizen",
            "add",
            "--name",
            "Ny Borger",
            "--target-group",
            "dagpenge",
            "--address",
            "Torvet 1",
        ])
        .trim()
        .parse()
        .unwrap();
    assert_eq!(citizen(&f.everything(), id)["address"], "Torvet 1");
    // "" clears it.
    f.ok(&["citizen", "set", &id.to_string(), "--address", ""]);
    assert!(citizen(&f.everything(), id).get("address").is_none());

    // A home visit planned with no place is held at the address; one with a place keeps it.
    f.ok(&[
        "plan",
        "--citizen",
        "3",
        "--at",
        "25.11.2026 10.00",
        "--channel",
        "home_visit",
    ]);
    f.ok(&[
        "plan",
        "--citizen",
        "3",
        "--at",
        "26.11.2026 10.00",
        "--channel",
        "home_visit",
        "--place",
        "Café Kaffe",
    ]);
    let all = f.everything();
    let places: Vec<&str> = all["appointments"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["citizen_id"] == 3 && a["channel"] == "home_visit")
        .map(|a| a["place"].as_str().unwrap())
        .collect();
    assert_eq!(places, [addr, "Café Kaffe"]);
    f.ok(&["export", "ics", "-o", &f.p("cal.ics")]);
    let text = std::fs::read_to_string(f.path("cal.ics")).unwrap();
    let cal: icalendar::Calendar = text.parse().unwrap();
    use icalendar::Component;
    let locations: Vec<String> = cal
        .events()
        .filter_map(|e| e.property_value("LOCATION").map(String::from))
        .collect();
    assert!(
        locations
            .iter()
            .any(|l| l.replace('\\', "") == addr || l == addr),
        "{locations:?}"
    );
}
