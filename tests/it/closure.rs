//! The closure call-round from the command line, as a consultant would run it: a caseload with
//! known outcomes per target group, a closure, calls, and the report checked figure by figure;
//! the conversion of in-person appointments; paused deadlines; and every bad input refused with
//! exit 2 and nothing written.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

use crate::support::command;

const MONDAY: &str = "2026-11-23T09:00";
const TUESDAY: &str = "2026-11-24T09:00";

struct Desk {
    _dir: tempfile::TempDir,
    dir: PathBuf,
    db: PathBuf,
}

impl Desk {
    /// A database with the caseload of `csv` (header `name,target_group,benefit_start`).
    fn new(csv: &str) -> Desk {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().to_path_buf();
        let desk = Desk {
            db: dir.join("desk.db"),
            dir,
            _dir: tmp,
        };
        desk.import(csv);
        desk
    }

    fn import(&self, csv: &str) {
        let file = self.dir.join(format!("caseload-{}.csv", csv.len()));
        std::fs::write(&file, csv).unwrap();
        self.ok(MONDAY, &["import", "caseload", file.to_str().unwrap()]);
    }

    fn cmd(&self, now: &str, args: &[&str]) -> Command {
        let mut c = command();
        c.arg("--db").arg(&self.db);
        if !args.contains(&"--lang") {
            c.args(["--lang", "en"]);
        }
        c.args(args);
        c.env("JOBDESK_NOW", now).write_stdin("");
        c
    }

    /// Runs a command that must succeed; returns its stdout.
    fn ok(&self, now: &str, args: &[&str]) -> String {
        let out = self.cmd(now, args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?} failed: {stderr}");
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs a command that must be refused as bad input (exit 2) without writing anything;
    /// returns its stderr.
    fn refused(&self, now: &str, args: &[&str]) -> String {
        let before = self.dump();
        let out = self.cmd(now, args).output().unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?} should exit 2; stderr: {stderr}"
        );
        // Our own messages start with "jobdesk: ", clap's usage errors with "error: ".
        assert!(
            stderr.starts_with("jobdesk: ") || stderr.starts_with("error: "),
            "{stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert_eq!(self.dump(), before, "{args:?} wrote something");
        stderr
    }

    fn sql(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(&self.db).unwrap()
    }

    /// Every row of every table, as text: equal dumps mean nothing was written.
    fn dump(&self) -> String {
        let conn = self.sql();
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let mut out = String::new();
        for t in tables {
            let mut st = conn.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
            let n = st.column_count();
            let mut rows: Vec<String> = st
                .query_map([], |r| {
                    let cells: Vec<String> = (0..n)
                        .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                        .collect();
                    Ok(cells.join("|"))
                })
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            rows.sort();
            out.push_str(&format!("{t}: {}\n", rows.join("\n  ")));
        }
        out
    }

    fn id_of(&self, name: &str) -> String {
        let id: i64 = self
            .sql()
            .query_row("SELECT id FROM citizens WHERE name = ?1", [name], |r| {
                r.get(0)
            })
            .unwrap();
        id.to_string()
    }

    fn call(&self, now: &str, name: &str, extra: &[&str]) -> String {
        let id = self.id_of(name);
        let mut args = vec!["closure", "call", "--citizen", id.as_str()];
        args.extend_from_slice(extra);
        self.ok(now, &args)
    }

    fn next_due(&self, now: &str) -> Vec<(String, Value)> {
        let v: Value = serde_json::from_str(&self.ok(now, &["citizens", "--json"])).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["name"].as_str().unwrap().to_string(),
                    c["next_due"].clone(),
                )
            })
            .collect()
    }

    fn due_of(&self, now: &str, name: &str) -> String {
        self.next_due(now)
            .into_iter()
            .find(|(n, _)| n == name)
            .map(|(_, d)| d.as_str().unwrap_or("none").to_string())
            .unwrap()
    }

    fn channel_of(&self, appointment: &str) -> String {
        self.sql()
            .query_row(
                "SELECT channel FROM appointments WHERE id = ?1",
                [appointment.parse::<i64>().unwrap()],
                |r| r.get(0),
            )
            .unwrap()
    }

    fn list_names(&self, now: &str) -> Vec<String> {
        let v: Value = serde_json::from_str(&self.ok(now, &["closure", "list", "--json"])).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|e| e["name"].as_str().unwrap().to_string())
            .collect()
    }
}

/// Fourteen active citizens in five groups, one archived. Names say the group.
const CASELOAD: &str = "name,target_group,benefit_start
D1 Dagpenge,dagpenge,2026-11-02
D2 Dagpenge,dagpenge,2026-11-02
D3 Dagpenge,dagpenge,2026-11-02
J1 Jobparat,kontanthjaelp_jobparat,2026-11-02
J2 Jobparat,kontanthjaelp_jobparat,2026-11-02
J3 Jobparat,kontanthjaelp_jobparat,2026-11-02
U1 Udd,uddannelseshjaelp,2026-11-02
U2 Udd,uddannelseshjaelp,2026-11-02
U3 Udd,uddannelseshjaelp,2026-11-02
U4 Udd,uddannelseshjaelp,2026-11-02
U5 Udd,uddannelseshjaelp,2026-11-02
U6 Udd,uddannelseshjaelp,2026-11-02
S1 Syg,sygedagpenge,2026-10-01
O1 Other,other,
A1 Archived,dagpenge,2026-01-05
";

fn caseload_desk() -> Desk {
    let desk = Desk::new(CASELOAD);
    let sql = desk.sql();
    sql.execute(
        "UPDATE citizens SET archived = 1 WHERE name = 'A1 Archived'",
        [],
    )
    .unwrap();
    sql.execute("UPDATE citizens SET mentor = 1 WHERE name = 'U6 Udd'", [])
        .unwrap();
    // J2 was last contacted in June, J1 last Friday; nobody else ever.
    for (name, at) in [
        ("J2 Jobparat", "2026-06-01T10:00"),
        ("J1 Jobparat", "2026-11-20T10:00"),
    ] {
        let id = desk.id_of(name);
        desk.ok(
            MONDAY,
            &[
                "log",
                "add",
                "--citizen",
                &id,
                "--channel",
                "phone",
                "--outcome",
                "reached",
                "--at",
                at,
            ],
        );
    }
    desk
}

#[test]
fn a_call_round_reports_every_figure_per_target_group() {
    let desk = caseload_desk();
    let out = desk.ok(
        MONDAY,
        &[
            "closure",
            "start",
            "--from",
            "23.11.2026",
            "--to",
            "2026-12-04",
        ],
    );
    assert!(
        out.contains(
            "Started the closure \"Closure 2026-11-23\": 2026-11-23 to 2026-12-04 (12 days)"
        ),
        "{out}"
    );
    assert!(
        out.contains("Call list: 14 citizens, the 1 mentor citizens first"),
        "{out}"
    );

    // The call list: the mentor citizen, then never contacted (by name), then J2 (June),
    // then J1 (last Friday). The archived citizen is not on it.
    assert_eq!(
        desk.list_names(MONDAY),
        [
            "U6 Udd",
            "D1 Dagpenge",
            "D2 Dagpenge",
            "D3 Dagpenge",
            "J3 Jobparat",
            "O1 Other",
            "S1 Syg",
            "U1 Udd",
            "U2 Udd",
            "U3 Udd",
            "U4 Udd",
            "U5 Udd",
            "J2 Jobparat",
            "J1 Jobparat"
        ]
    );

    // Monday.
    let first = desk.call(MONDAY, "D1 Dagpenge", &["--result", "no_answer"]);
    assert!(first.contains("no answer, attempt 1"), "{first}");
    assert!(first.contains("Next try Tuesday 2026-11-24"), "{first}");
    desk.call(
        MONDAY,
        "D3 Dagpenge",
        &["--result", "no_answer", "--at", "2026-11-23T09:30"],
    );
    desk.call(
        MONDAY,
        "D2 Dagpenge",
        &["--result", "reached", "--accepted", "no"],
    );
    let yes = desk.call(
        MONDAY,
        "J1 Jobparat",
        &["--result", "reached", "--accepted", "yes"],
    );
    assert!(yes.contains("accepted a conversation, attempt 1"), "{yes}");
    assert!(yes.contains("jobdesk plan --citizen"), "{yes}");
    desk.call(
        MONDAY,
        "J2 Jobparat",
        &["--result", "reached", "--accepted", "yes"],
    );
    desk.call(
        MONDAY,
        "J3 Jobparat",
        &["--result", "kontakt", "--accepted", "no"],
    );
    desk.call(
        MONDAY,
        "U1 Udd",
        &[
            "--result",
            "reached",
            "--accepted",
            "yes",
            "--note",
            "-ringer selv",
        ],
    );
    desk.call(MONDAY, "S1 Syg", &["--result", "wrong_number"]);
    let last = desk.call(MONDAY, "O1 Other", &["--result", "reached"]);
    assert!(
        last.contains("reached 6 of 14 (42.9 %) · accepted a conversation 3 · attempts 9"),
        "{last}"
    );

    // Tuesday: D1 and D3 are today's retries, first in the list.
    let status = desk.ok(TUESDAY, &["closure", "status"]);
    assert!(status.contains("reached 6 of 14 (42.9 %)"), "{status}");
    assert!(
        status.contains("retries today 2 · not called yet 5 · retries later 0 · wrong number 1"),
        "{status}"
    );
    let retries: Vec<&str> = status
        .lines()
        .skip_while(|l| !l.starts_with("Today's retries:"))
        .filter(|l| l.contains("retry today"))
        .collect();
    assert_eq!(retries.len(), 2, "{status}");
    assert!(
        retries[0].contains("D1 Dagpenge") && retries[1].contains("D3 Dagpenge"),
        "{status}"
    );
    let order = desk.list_names(TUESDAY);
    assert_eq!(&order[..3], ["D1 Dagpenge", "D3 Dagpenge", "U6 Udd"]);
    assert_eq!(order.last().unwrap(), "J1 Jobparat"); // reached ones last, in list order

    desk.call(
        TUESDAY,
        "D1 Dagpenge",
        &["--result", "reached", "--accepted", "yes"],
    );
    let msg = desk.call(TUESDAY, "D3 Dagpenge", &["--result", "message_left"]);
    assert!(msg.contains("message left, attempt 2"), "{msg}");
    assert!(msg.contains("Next try Wednesday 2026-11-25"), "{msg}");

    // The target group counted is the one at the start of the closure.
    desk.sql()
        .execute(
            "UPDATE citizens SET target_group = 'dagpenge' WHERE name = 'S1 Syg'",
            [],
        )
        .unwrap();

    let csv = desk.ok(TUESDAY, &["report", "closure", "--csv"]);
    assert_eq!(
        csv,
        "target_group,citizens,reached,reached_pct,accepted,accepted_pct,attempts_per_reached,asked,received,very_positive_pct,positive_pct,neutral_pct,negative_pct,matched
dagpenge,3,2,66.7,1,50.0,2.5,2,0,0.0,0.0,0.0,0.0,0
kontanthjaelp_jobparat,3,3,100.0,2,66.7,1.0,3,0,0.0,0.0,0.0,0.0,0
kontanthjaelp_aktivitetsparat,0,0,0.0,0,0.0,0.0,0,0,0.0,0.0,0.0,0.0,0
uddannelsesparat,6,1,16.7,1,100.0,1.0,1,0,0.0,0.0,0.0,0.0,0
sygedagpenge,1,0,0.0,0,0.0,0.0,0,0,0.0,0.0,0.0,0.0,0
jobafklaring,0,0,0.0,0,0.0,0.0,0,0,0.0,0.0,0.0,0.0,0
ressourceforloeb,0,0,0.0,0,0.0,0.0,0,0,0.0,0.0,0.0,0.0,0
ledighedsydelse,0,0,0.0,0,0.0,0.0,0,0,0.0,0.0,0.0,0.0,0
revalidering,0,0,0.0,0,0.0,0.0,0,0,0.0,0.0,0.0,0.0,0
other,1,1,100.0,0,0.0,1.0,0,0,0.0,0.0,0.0,0.0,0
all,14,7,50.0,4,66.7,1.6,6,0,0.0,0.0,0.0,0.0,0
"
    );

    // Every attempt is a contact in the log: phone, not counting toward the minimum, with the
    // closure's result in the note (the two contacts logged before the closure aside).
    let sql = desk.sql();
    let mut st = sql
        .prepare(
            "SELECT k.outcome, count(*) FROM contacts k JOIN closure_attempts a ON a.contact_id = k.id
             WHERE k.channel = 'phone' AND k.counts = 0 GROUP BY k.outcome ORDER BY k.outcome",
        )
        .unwrap();
    let outcomes: Vec<(String, i64)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(
        outcomes,
        [
            ("message_left".to_string(), 1),
            ("not_reached".to_string(), 3),
            ("reached".to_string(), 7)
        ]
    );
    let total: i64 = sql
        .query_row("SELECT count(*) FROM contacts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(total, 11 + 2);
    let note: String = sql
        .query_row(
            "SELECT note FROM contacts WHERE outcome = 'reached' AND note LIKE '%ringer selv%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        note,
        "Call-round (Closure 2026-11-23): reached, accepted a conversation. -ringer selv"
    );
    let wrong: i64 = sql
        .query_row(
            "SELECT count(*) FROM contacts WHERE note LIKE '%wrong number%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(wrong, 1);

    // The readable report, in Danish: decimal comma, every group, then all.
    let da = desk.ok(TUESDAY, &["--lang", "da", "report", "closure"]);
    assert!(
        da.contains("Nedlukning \"Closure 2026-11-23\", 23.11.2026 til 04.12.2026, åben"),
        "{da}"
    );
    let row = |label: &str| {
        da.lines()
            .find(|l| l.starts_with(label))
            .unwrap_or_else(|| panic!("no row {label} in {da}"))
            .split_whitespace()
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    // citizens, reached, %, asked, accepted, % of asked, attempts per reached, matched
    assert_eq!(
        row("Dagpenge")[1..],
        ["3", "2", "66,7", "2", "1", "50,0", "2,5", "0"]
    );
    assert_eq!(
        row("Revalidering")[1..],
        ["0", "0", "0,0", "0", "0", "0,0", "0,0", "0"]
    );
    // Accepted of those asked: 4 of 6 (the citizen reached without the question is not asked).
    assert_eq!(
        row("Alle")[1..],
        ["14", "7", "50,0", "6", "4", "66,7", "1,6", "0"]
    );

    // Ended, it is still reported by name; the reopened week no longer pauses anything.
    desk.ok("2026-11-27T16:00", &["closure", "end"]);
    let by_name = desk.ok(
        "2026-11-30T09:00",
        &["report", "closure", "--name", "closure 2026-11-23", "--csv"],
    );
    assert_eq!(by_name, csv);
    let status = desk.ok("2026-11-30T09:00", &["closure", "status"]);
    assert!(
        status.contains("2026-11-23 to 2026-11-27, ended 2026-11-27"),
        "{status}"
    );
}

#[test]
fn in_person_appointments_are_listed_and_converted() {
    let desk = Desk::new("name,target_group,benefit_start\nMette Madsen,dagpenge,2026-11-02\n");
    let id = desk.id_of("Mette Madsen");
    let plan = |at: &str, channel: &str, kind: &str| {
        desk.ok(
            MONDAY,
            &[
                "plan",
                "--citizen",
                &id,
                "--at",
                at,
                "--channel",
                channel,
                "--kind",
                kind,
            ],
        )
        .trim()
        .to_string()
    };
    let talk = plan("2026-11-24T10:00", "in_person", "conversation");
    let home = plan("2026-11-25T13:00", "home_visit", "mentor_visit");
    let work = plan("2026-12-04T09:00", "workplace", "mentor_visit");
    let phone = plan("2026-11-26T11:00", "phone", "conversation");
    let later = plan("2026-12-10T10:00", "in_person", "conversation");

    // Converting all needs a confirmation; without a terminal to ask on, nothing is written
    // (not even the closure).
    let e = desk.refused(
        MONDAY,
        &[
            "closure",
            "start",
            "--from",
            "2026-11-23",
            "--to",
            "2026-12-04",
            "--convert",
            "all",
        ],
    );
    assert!(e.contains("add --yes"), "{e}");

    let out = desk.ok(
        MONDAY,
        &[
            "closure",
            "start",
            "--from",
            "2026-11-23",
            "--to",
            "2026-12-04",
        ],
    );
    assert!(
        out.contains("In-person appointments in the range: 3"),
        "{out}"
    );
    for a in [&talk, &home, &work] {
        assert!(
            out.lines()
                .any(|l| l.trim_start().starts_with(&format!("{a} "))),
            "{a} not in {out}"
        );
    }
    assert!(
        !out.lines()
            .any(|l| l.trim_start().starts_with(&format!("{later} "))),
        "{out}"
    );
    assert!(out.contains("jobdesk closure convert --all --yes"), "{out}");
    assert_eq!(desk.channel_of(&talk), "in_person");

    // One at a time.
    let one = desk.ok(
        MONDAY,
        &[
            "closure",
            "convert",
            "--appointment",
            &talk,
            "--channel",
            "video",
        ],
    );
    assert!(one.contains("in person → video"), "{one}");
    assert_eq!(desk.channel_of(&talk), "video");
    let e = desk.refused(
        MONDAY,
        &[
            "closure",
            "convert",
            "--appointment",
            &home,
            "--channel",
            "video",
        ],
    );
    assert!(
        e.contains("a mentor visit cannot be converted to 'video'")
            && e.contains("use walk or phone"),
        "{e}"
    );
    let e = desk.refused(
        MONDAY,
        &[
            "closure",
            "convert",
            "--appointment",
            &later,
            "--channel",
            "phone",
        ],
    );
    assert!(e.contains("outside the closure"), "{e}");
    let e = desk.refused(
        MONDAY,
        &[
            "closure",
            "convert",
            "--appointment",
            &phone,
            "--channel",
            "video",
        ],
    );
    assert!(e.contains("already by phone"), "{e}");
    desk.refused(MONDAY, &["closure", "convert", "--all"]);

    let status = desk.ok(MONDAY, &["closure", "status"]);
    assert!(
        status.contains("In-person appointments not converted yet: 2"),
        "{status}"
    );

    let all = desk.ok(MONDAY, &["closure", "convert", "--all", "--yes"]);
    assert!(
        all.contains("Converted 2: conversations to phone, mentor visits to a walk."),
        "{all}"
    );
    assert_eq!(desk.channel_of(&home), "walk");
    assert_eq!(desk.channel_of(&work), "walk");
    assert_eq!(desk.channel_of(&talk), "video");
    assert_eq!(desk.channel_of(&phone), "phone");
    assert_eq!(desk.channel_of(&later), "in_person");
    let again = desk.ok(MONDAY, &["closure", "convert", "--all", "--yes"]);
    assert!(again.contains("Nothing to convert"), "{again}");

    // The agenda shows the new channels.
    let agenda: Value = serde_json::from_str(&desk.ok(
        MONDAY,
        &["agenda", "--date", "2026-11-23", "--days", "20", "--json"],
    ))
    .unwrap();
    let channels: Vec<&str> = agenda
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["channel"].as_str().unwrap())
        .collect();
    assert_eq!(channels, ["video", "walk", "phone", "walk", "in_person"]);
}

#[test]
fn starting_with_convert_all_and_yes_converts_at_once() {
    let desk = Desk::new("name,target_group,benefit_start\nMette Madsen,dagpenge,2026-11-02\n");
    let id = desk.id_of("Mette Madsen");
    let talk = desk
        .ok(
            MONDAY,
            &[
                "plan",
                "--citizen",
                &id,
                "--at",
                "2026-11-24T10:00",
                "--channel",
                "fremmøde",
            ],
        )
        .trim()
        .to_string();
    let visit = desk
        .ok(
            MONDAY,
            &[
                "plan",
                "--citizen",
                &id,
                "--at",
                "2026-11-24T13:00",
                "--channel",
                "hjemmebesøg",
            ],
        )
        .trim()
        .to_string();
    let out = desk.ok(
        MONDAY,
        &[
            "closure",
            "start",
            "--from",
            "i dag",
            "--to",
            "27.11.2026",
            "--convert",
            "all",
            "--yes",
        ],
    );
    assert!(
        out.contains("Converted 2: conversations to phone, mentor visits to a walk."),
        "{out}"
    );
    assert!(!out.contains("Not converted yet"), "{out}");
    assert_eq!(desk.channel_of(&talk), "phone");
    assert_eq!(desk.channel_of(&visit), "walk");
}

#[test]
fn deadlines_pause_for_the_closure_and_held_conversations_do_not_count() {
    let desk = Desk::new(
        "name,target_group,benefit_start
Ulla Udd,uddannelseshjaelp,2026-11-20
Sine Syg,sygedagpenge,2026-10-01
Karl Kth,kontanthjaelp_jobparat,2026-11-01
",
    );
    // First conversation: Ulla within a week (27 November), Sine by the end of week 8 (25
    // November), Karl within a week of 1 November (Sunday 8 November, moved back to Friday 6
    // November; overdue before the closure).
    assert_eq!(desk.due_of(MONDAY, "Ulla Udd"), "2026-11-27");
    assert_eq!(desk.due_of(MONDAY, "Sine Syg"), "2026-11-25");
    assert_eq!(desk.due_of(MONDAY, "Karl Kth"), "2026-11-06");

    desk.ok(
        MONDAY,
        &[
            "closure",
            "start",
            "--from",
            "2026-11-23",
            "--to",
            "2026-12-04",
        ],
    );
    // Twelve days paused.
    assert_eq!(desk.due_of(MONDAY, "Ulla Udd"), "2026-12-09");
    assert_eq!(desk.due_of(MONDAY, "Sine Syg"), "2026-12-07");
    assert_eq!(desk.due_of(MONDAY, "Karl Kth"), "2026-11-06");

    // A conversation held by phone in the closure does not count: the deadline stays.
    let ulla = desk.id_of("Ulla Udd");
    let k = desk.ok(
        MONDAY,
        &[
            "log",
            "add",
            "--citizen",
            &ulla,
            "--channel",
            "phone",
            "--outcome",
            "held",
            "--at",
            "2026-11-24T10:00",
        ],
    );
    let counts: bool = desk
        .sql()
        .query_row(
            "SELECT counts FROM contacts WHERE id = ?1",
            [k.trim().parse::<i64>().unwrap()],
            |r| r.get(0),
        )
        .unwrap();
    assert!(!counts);
    assert_eq!(desk.due_of(MONDAY, "Ulla Udd"), "2026-12-09");

    // Ended on Wednesday: three days paused (23–25 November).
    let end = desk.ok("2026-11-25T16:00", &["closure", "end"]);
    assert!(
        end.contains("deadlines were paused from 2026-11-23 to 2026-11-25"),
        "{end}"
    );
    assert_eq!(desk.due_of("2026-11-25T16:00", "Ulla Udd"), "2026-11-30");
    assert_eq!(desk.due_of("2026-11-25T16:00", "Sine Syg"), "2026-11-27");

    // A closure that says held conversations count: they do, and move the deadline on.
    desk.ok(
        "2026-12-07T09:00",
        &[
            "closure",
            "start",
            "--from",
            "2026-12-07",
            "--to",
            "2026-12-11",
            "--name",
            "Uge 50",
            "--counts-held",
            "yes",
        ],
    );
    let sine = desk.id_of("Sine Syg");
    let before = desk.due_of("2026-12-07T09:00", "Sine Syg");
    let k = desk.ok(
        "2026-12-07T09:00",
        &[
            "log",
            "add",
            "--citizen",
            &sine,
            "--channel",
            "phone",
            "--outcome",
            "held",
            "--at",
            "2026-12-08T10:00",
            // Her first conversation, by phone: it counts only when confirmed.
            "--counts",
            "yes",
        ],
    );
    let counts: bool = desk
        .sql()
        .query_row(
            "SELECT counts FROM contacts WHERE id = ?1",
            [k.trim().parse::<i64>().unwrap()],
            |r| r.get(0),
        )
        .unwrap();
    assert!(counts);
    assert_ne!(desk.due_of("2026-12-07T09:00", "Sine Syg"), before);
}

#[test]
fn bad_input_is_refused_with_exit_2_and_nothing_written() {
    let desk = caseload_desk();
    let start = |from: &str, to: &str| -> Vec<String> {
        ["closure", "start", "--from", from, "--to", to]
            .iter()
            .map(|s| s.to_string())
            .collect()
    };
    let refuse = |now: &str, args: &[String]| {
        let a: Vec<&str> = args.iter().map(String::as_str).collect();
        desk.refused(now, &a)
    };

    // Before any closure.
    let e = desk.refused(
        MONDAY,
        &["closure", "call", "--citizen", "1", "--result", "reached"],
    );
    assert!(
        e.contains("no closure is open") && e.contains("jobdesk closure start"),
        "{e}"
    );
    let e = desk.refused(MONDAY, &["report", "closure"]);
    assert!(e.contains("no closure to report on yet"), "{e}");
    let e = desk.refused(MONDAY, &["closure", "end"]);
    assert!(e.contains("no closure is open"), "{e}");
    let e = refuse(MONDAY, &start("2026-12-04", "2026-11-23"));
    assert!(
        e.contains("--from 2026-12-04 is after --to 2026-11-23"),
        "{e}"
    );
    let e = refuse(MONDAY, &start("31.02.2026", "2026-11-23"));
    assert!(
        e.contains("--from: '31.02.2026' is not a date: February 2026 has no day 31"),
        "{e}"
    );
    let e = refuse(MONDAY, &start("2026-11-23", "2026-13-01"));
    assert!(e.contains("--to:") && e.contains("no month 13"), "{e}");
    let e = refuse(MONDAY, &start("2026-11-23", "2062-11-23"));
    assert!(e.contains("at most 366 days"), "{e}");

    desk.ok(
        MONDAY,
        &[
            "closure",
            "start",
            "--from",
            "2026-11-23",
            "--to",
            "2026-12-04",
        ],
    );

    // A second closure while one is open; then, once ended, one that overlaps it.
    let e = refuse(MONDAY, &start("2026-12-10", "2026-12-11"));
    assert!(
        e.contains("is still open") && e.contains("jobdesk closure end"),
        "{e}"
    );

    // Calls.
    let d1 = desk.id_of("D1 Dagpenge");
    let e = desk.refused(
        MONDAY,
        &["closure", "call", "--citizen", &d1, "--result", "busy"],
    );
    assert!(
        e.contains("--result: unknown result 'busy': use one of reached, no_answer, message_left, wrong_number"),
        "{e}"
    );
    let e = desk.refused(
        MONDAY,
        &[
            "closure",
            "call",
            "--citizen",
            &d1,
            "--result",
            "no_answer",
            "--accepted",
            "yes",
        ],
    );
    assert!(
        e.contains("--accepted goes only with --result reached"),
        "{e}"
    );
    let e = desk.refused(
        MONDAY,
        &[
            "closure",
            "call",
            "--citizen",
            &d1,
            "--result",
            "reached",
            "--accepted",
            "maybe",
        ],
    );
    assert!(e.contains("maybe"), "{e}");
    let e = desk.refused(
        MONDAY,
        &[
            "closure",
            "call",
            "--citizen",
            &d1,
            "--result",
            "reached",
            "--at",
            "2026-11-31T10:00",
        ],
    );
    assert!(
        e.contains("--at:") && e.contains("November 2026 has no day 31"),
        "{e}"
    );
    let e = desk.refused(
        MONDAY,
        &["closure", "call", "--citizen", "999", "--result", "reached"],
    );
    assert!(e.contains("no citizen with id 999"), "{e}");
    let archived = desk.id_of("A1 Archived");
    let e = desk.refused(
        MONDAY,
        &[
            "closure",
            "call",
            "--citizen",
            &archived,
            "--result",
            "reached",
        ],
    );
    assert!(
        e.contains("is not on the call list of the closure \"Closure 2026-11-23\""),
        "{e}"
    );

    // Conversion of something that is not an appointment.
    let e = desk.refused(
        MONDAY,
        &[
            "closure",
            "convert",
            "--appointment",
            "77",
            "--channel",
            "phone",
        ],
    );
    assert!(e.contains("no appointment with id 77"), "{e}");
    let e = desk.refused(
        MONDAY,
        &[
            "closure",
            "convert",
            "--appointment",
            "77",
            "--channel",
            "fax",
        ],
    );
    assert!(e.contains("unknown channel 'fax'"), "{e}");
    desk.refused(MONDAY, &["closure", "convert"]);

    // Reports of a name that does not exist.
    let e = desk.refused(MONDAY, &["report", "closure", "--name", "Påske 2027"]);
    assert!(
        e.contains("no closure named \"Påske 2027\": the closures are \"Closure 2026-11-23\""),
        "{e}"
    );

    desk.ok("2026-12-04T16:00", &["closure", "end"]);
    let e = refuse("2026-12-04T16:00", &start("2026-12-01", "2026-12-10"));
    assert!(
        e.contains("the range 2026-12-01 to 2026-12-10 overlaps the closure \"Closure 2026-11-23\" (2026-11-23 to 2026-12-04)"),
        "{e}"
    );
    let e = refuse("2026-12-04T16:00", &start("2026-11-01", "2026-11-23"));
    assert!(e.contains("overlaps"), "{e}");
    let mut named = start("2027-03-01", "2027-03-05");
    named.extend(["--name".to_string(), "closure 2026-11-23".to_string()]);
    let e = refuse("2026-12-04T16:00", &named);
    assert!(
        e.contains("a closure named \"closure 2026-11-23\" exists already"),
        "{e}"
    );
    let e = desk.refused(
        "2026-12-04T16:00",
        &["closure", "call", "--citizen", &d1, "--result", "reached"],
    );
    assert!(e.contains("no closure is open"), "{e}");

    // The day after the first closure is free.
    desk.ok(
        "2026-12-04T16:00",
        &[
            "closure",
            "start",
            "--from",
            "2026-12-05",
            "--to",
            "2026-12-06",
        ],
    );
}
