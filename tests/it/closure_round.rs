//! The closure round as it really ran (issue 18), from the command line: a citizen registered
//! during the closure joins the call list and counts as "nyledige" under `--groups 2020`; a walk
//! in the window counts as reached; accepted is of those asked; how the call was received and
//! "matched" reach the CSV and its Danish Excel form; the catch-up list after the end; and the
//! JSON export carries the new columns.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use serde_json::Value;

use crate::support::command;

const START: &str = "2026-11-23T08:00";
const MONDAY: &str = "2026-11-23T10:00";
const TUESDAY: &str = "2026-11-24T10:00";

struct Round {
    _dir: tempfile::TempDir,
    dir: PathBuf,
    db: PathBuf,
}

impl Round {
    /// Seven citizens (one per group that matters for 2020, plus a flex-job one) imported
    /// before a closure from Monday 23.11 to Friday 4.12 is started at 08:00.
    fn started() -> Round {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().to_path_buf();
        let r = Round {
            db: dir.join("round.db"),
            dir,
            _dir: tmp,
        };
        r.import(
            "2026-11-23T07:00",
            "name,target_group,benefit_start
D1 Dagpenge,dagpenge,2026-11-02
J1 Jobparat,kontanthjaelp_jobparat,2026-11-02
A1 Akt,kontanthjaelp_aktivitetsparat,2026-11-02
U1 Udd,uddannelsesparat,2026-11-02
S1 Syg,sygedagpenge,2026-10-01
R1 Res,ressourceforloeb,2026-11-02
L1 Led,ledighedsydelse,2026-11-02
",
        );
        r.ok(
            START,
            &[
                "closure",
                "start",
                "--from",
                "2026-11-23",
                "--to",
                "2026-12-04",
            ],
        );
        r
    }

    fn import(&self, now: &str, csv: &str) {
        let file = self.dir.join(format!("caseload-{}.csv", csv.len()));
        std::fs::write(&file, csv).unwrap();
        self.ok(now, &["import", "caseload", file.to_str().unwrap()]);
    }

    fn out(&self, now: &str, args: &[&str]) -> std::process::Output {
        let mut c = command();
        c.arg("--db").arg(&self.db);
        if !args.contains(&"--lang") {
            c.args(["--lang", "en"]);
        }
        c.args(args).env("JOBDESK_NOW", now).write_stdin("");
        c.output().unwrap()
    }

    fn ok(&self, now: &str, args: &[&str]) -> String {
        let out = self.out(now, args);
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn id_of(&self, name: &str) -> String {
        let conn = rusqlite::Connection::open(&self.db).unwrap();
        let id: i64 = conn
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

    fn entry(&self, now: &str, name: &str) -> Value {
        let v: Value = serde_json::from_str(&self.ok(now, &["closure", "list", "--json"])).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .find(|e| e["name"] == name)
            .cloned()
            .unwrap_or_else(|| panic!("{name} is not on the call list: {v}"))
    }

    /// The report's CSV as rows of cells, keyed by their first cell.
    fn csv_rows(&self, now: &str, args: &[&str]) -> Vec<Vec<String>> {
        let mut a = vec!["report", "closure", "--csv"];
        a.extend_from_slice(args);
        let text = self.ok(now, &a);
        csv::Reader::from_reader(text.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect()
    }
}

fn row<'a>(rows: &'a [Vec<String>], key: &str) -> &'a [String] {
    rows.iter()
        .find(|r| r[0] == key)
        .unwrap_or_else(|| panic!("no row {key} in {rows:?}"))
}

#[test]
fn a_citizen_registered_during_the_closure_is_called_and_counted_as_nyledige() {
    let r = Round::started();
    // Registered on Monday at 10, after the closure began: on the call list, flagged.
    let id = r.ok(
        MONDAY,
        &[
            "citizen",
            "add",
            "--name",
            "Nina Ny",
            "--target-group",
            "kontanthjaelp_aktivitetsparat",
            "--benefit-start",
            "2026-11-23",
        ],
    );
    let e = r.entry(MONDAY, "Nina Ny");
    assert_eq!(e["newcomer"], true, "{e}");
    assert_eq!(e["position"], 8, "at the end of the list: {e}");
    assert_eq!(e["citizen_id"].to_string(), id.trim());
    let list = r.ok(MONDAY, &["--lang", "da", "closure", "list"]);
    assert!(list.contains("ny under nedlukningen"), "{list}");
    // An old citizen is not flagged.
    assert_eq!(r.entry(MONDAY, "A1 Akt")["newcomer"], false);

    // `closure call` accepts them.
    let msg = r.call(
        MONDAY,
        "Nina Ny",
        &["--result", "reached", "--accepted", "yes"],
    );
    assert!(
        msg.contains("Nina Ny") && msg.contains("new during the closure"),
        "{msg}"
    );

    // Under 2020's groups she is nyledige, not aktivitetsparat.
    let rows = r.csv_rows(MONDAY, &["--groups", "2020"]);
    let keys: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        keys,
        [
            "nyledige",
            "oevrige_jobparate",
            "sygedagpengemodtagere",
            "aktivitetsparate_kontanthjaelpsmodtagere",
            "unge_paa_uddannelseshjaelp",
            "ressourceforloeb",
            "andre",
            "all"
        ]
    );
    // citizens, reached, reached_pct, accepted, accepted_pct
    assert_eq!(
        row(&rows, "nyledige")[1..6],
        ["1", "1", "100.0", "1", "100.0"]
    );
    assert_eq!(
        row(&rows, "aktivitetsparate_kontanthjaelpsmodtagere")[1..3],
        ["1", "0"]
    );
    // Dagpenge and jobparat together; the flex-job citizen under andre.
    assert_eq!(row(&rows, "oevrige_jobparate")[1], "2");
    assert_eq!(row(&rows, "andre")[1], "1");
    assert_eq!(row(&rows, "all")[1], "8");
    // By target group she is still counted in hers.
    let by_group = r.csv_rows(MONDAY, &[]);
    assert_eq!(
        row(&by_group, "kontanthjaelp_aktivitetsparat")[1..3],
        ["2", "1"]
    );

    // The Danish report names the groups that went to "andre".
    let da = r.ok(
        MONDAY,
        &["--lang", "da", "report", "closure", "--groups", "2020"],
    );
    assert!(da.contains("Andre (hører ikke til 2020's grupper)"), "{da}");
    assert!(da.contains("Ledighedsydelse"), "{da}");

    // One added earlier but left off (archived when the list was built) is added by hand;
    // twice is refused with exit 2.
    let l1 = r.id_of("L1 Led");
    let conn = rusqlite::Connection::open(&r.db).unwrap();
    conn.execute(
        "DELETE FROM closure_calls WHERE citizen_id = ?1",
        [l1.parse::<i64>().unwrap()],
    )
    .unwrap();
    let refused = r.out(
        MONDAY,
        &["closure", "call", "--citizen", &l1, "--result", "reached"],
    );
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("jobdesk closure add --citizen"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
    let added = r.ok(MONDAY, &["closure", "add", "--citizen", &l1]);
    assert!(
        added.contains("L1 Led") && added.contains("no. 9"),
        "{added}"
    );
    let twice = r.out(MONDAY, &["closure", "add", "--citizen", &l1]);
    assert_eq!(twice.status.code(), Some(2));
    r.call(MONDAY, "L1 Led", &["--result", "no_answer"]);
}

#[test]
fn a_walk_in_the_window_counts_as_reached_and_says_so() {
    let r = Round::started();
    let a1 = r.id_of("A1 Akt");
    // A mentor walk on Tuesday, held: no closure call at all.
    r.ok(
        TUESDAY,
        &[
            "log",
            "add",
            "--citizen",
            &a1,
            "--channel",
            "walk",
            "--outcome",
            "held",
            "--minutes",
            "45",
        ],
    );
    // An e-mail answered is not a conversation; a phone call before the closure is outside it.
    let s1 = r.id_of("S1 Syg");
    r.ok(
        TUESDAY,
        &[
            "log",
            "add",
            "--citizen",
            &s1,
            "--channel",
            "email",
            "--outcome",
            "reached",
        ],
    );
    let d1 = r.id_of("D1 Dagpenge");
    r.ok(
        TUESDAY,
        &[
            "log",
            "add",
            "--citizen",
            &d1,
            "--channel",
            "phone",
            "--outcome",
            "reached",
            "--at",
            "2026-11-20T10:00",
        ],
    );
    let e = r.entry(TUESDAY, "A1 Akt");
    assert_eq!(e["status"], "reached", "{e}");
    assert_eq!(e["reached_by"], "walk", "{e}");
    assert_eq!(e["reached_at"], "2026-11-24T10:00", "{e}");
    assert_eq!(e["attempts"], 0, "{e}");
    assert_eq!(r.entry(TUESDAY, "S1 Syg")["status"], "not_called");
    assert_eq!(r.entry(TUESDAY, "D1 Dagpenge")["status"], "not_called");
    let da = r.ok(TUESDAY, &["--lang", "da", "closure", "list"]);
    let line = da.lines().find(|l| l.contains("A1 Akt")).unwrap();
    assert!(line.contains("nået: gåtur 24.11"), "{line}");
    let status = r.ok(TUESDAY, &["closure", "status"]);
    assert!(status.contains("reached 1 of 7"), "{status}");

    // In the report: reached, but not asked.
    let rows = r.csv_rows(TUESDAY, &[]);
    let akt = row(&rows, "kontanthjaelp_aktivitetsparat");
    assert_eq!(akt[1..4], ["1", "1", "100.0"]);
    assert_eq!(akt[7], "0", "asked: {akt:?}");

    // The walk deleted (undone): not reached any more.
    let conn = rusqlite::Connection::open(&r.db).unwrap();
    conn.execute(
        "UPDATE contacts SET deleted = 1 WHERE citizen_id = ?1",
        [a1.parse::<i64>().unwrap()],
    )
    .unwrap();
    assert_eq!(r.entry(TUESDAY, "A1 Akt")["status"], "not_called");
}

#[test]
fn accepted_is_of_those_asked_and_the_answers_reach_the_csv() {
    let r = Round::started();
    // Four reached: two accept, one declines, one is not asked (a walk). One more is reached
    // by a call without the question. 2 of 3 asked accepted: 66.7, not 2 of 5 (40.0).
    r.call(
        MONDAY,
        "D1 Dagpenge",
        &[
            "--result",
            "reached",
            "--accepted",
            "yes",
            "--received",
            "very_positive",
            "--matched",
            "yes",
        ],
    );
    r.call(
        MONDAY,
        "J1 Jobparat",
        &[
            "--result",
            "reached",
            "--accepted",
            "yes",
            "--received",
            "positiv",
        ],
    );
    r.call(
        MONDAY,
        "U1 Udd",
        &[
            "--result",
            "reached",
            "--accepted",
            "no",
            "--received",
            "negative",
        ],
    );
    r.call(MONDAY, "R1 Res", &["--result", "reached"]);
    let a1 = r.id_of("A1 Akt");
    r.ok(
        MONDAY,
        &[
            "log",
            "add",
            "--citizen",
            &a1,
            "--channel",
            "home_visit",
            "--outcome",
            "held",
        ],
    );
    r.call(MONDAY, "S1 Syg", &["--result", "no_answer"]);

    let rows = r.csv_rows(MONDAY, &[]);
    let all = row(&rows, "all");
    // citizens, reached, reached_pct, accepted, accepted_pct, attempts_per_reached, asked,
    // received, very_positive_pct, positive_pct, neutral_pct, negative_pct, matched.
    // Attempts per reached: 5 calls for the 4 the calls reached (the home visit cost none).
    assert_eq!(
        all[1..],
        [
            "7", "5", "71.4", "2", "66.7", "1.3", "3", "3", "33.3", "33.3", "0.0", "33.3", "1"
        ]
    );
    assert_eq!(
        row(&rows, "dagpenge")[7..],
        ["1", "1", "100.0", "0.0", "0.0", "0.0", "1"]
    );

    // A bad answer, or an answer to a call that did not reach, is refused with exit 2.
    let s1 = r.id_of("S1 Syg");
    for extra in [
        ["--result", "reached", "--received", "lukewarm"],
        ["--result", "no_answer", "--matched", "yes"],
    ] {
        let mut args = vec!["closure", "call", "--citizen", s1.as_str()];
        args.extend_from_slice(&extra);
        let out = r.out(MONDAY, &args);
        assert_eq!(out.status.code(), Some(2), "{extra:?}");
    }

    // The log note says it all, in the run's language.
    let conn = rusqlite::Connection::open(&r.db).unwrap();
    let note: String = conn
        .query_row(
            "SELECT k.note FROM contacts k JOIN citizens c ON c.id = k.citizen_id
             WHERE c.name = 'D1 Dagpenge'",
            [],
            |x| x.get(0),
        )
        .unwrap();
    assert_eq!(
        note,
        "Call-round (Closure 2026-11-23): reached, accepted a conversation, received very positively, matched to a job/placement"
    );

    // The Danish Excel form: BOM, `;`, CRLF, Danish headers and a decimal comma.
    let out = r.out(
        MONDAY,
        &[
            "--lang", "da", "report", "closure", "--excel", "--groups", "2020",
        ],
    );
    assert!(out.status.success());
    let bytes = out.stdout;
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.ends_with("\r\n") && !text.replace("\r\n", "").contains('\n'));
    let rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    assert_eq!(rows[0][0], "Målgruppe");
    assert_eq!(rows[0][5], "Takket ja % af spurgte");
    assert_eq!(rows[0][13], "Matchet til job/praktik");
    let alle = row(&rows, "Alle");
    assert_eq!(alle[3..6], ["71,4", "2", "66,7"]);
    assert_eq!(row(&rows, "Øvrige jobparate")[1], "2");

    // As a spreadsheet user's script reads it: Python's csv with ';', the BOM stripped.
    if let Ok(py) = std::process::Command::new("python3")
        .arg("-c")
        .arg(
            "import csv,sys\n\
             t=sys.stdin.buffer.read().decode('utf-8-sig')\n\
             r=list(csv.reader(t.splitlines(),delimiter=';'))\n\
             print(r[0][0]+'|'+r[0][7]+'|'+r[-1][0]+'|'+r[-1][5])",
        )
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
    {
        use std::io::Write;
        let mut py = py;
        let mut excel = b"\xEF\xBB\xBF".to_vec();
        excel.extend_from_slice(text.as_bytes());
        py.stdin.take().unwrap().write_all(&excel).unwrap();
        let done = py.wait_with_output().unwrap();
        assert!(done.status.success());
        assert_eq!(
            String::from_utf8(done.stdout).unwrap().trim(),
            "Målgruppe|Spurgt|Alle|66,7"
        );
    }
}

#[test]
fn the_catch_up_list_after_the_end_is_by_new_deadline() {
    let r = Round::started();
    // Registered during the closure with a benefit from Monday: a first conversation was due
    // inside the closure.
    r.ok(
        MONDAY,
        &[
            "citizen",
            "add",
            "--name",
            "Nina Ny",
            "--target-group",
            "kontanthjaelp_aktivitetsparat",
            "--benefit-start",
            "2026-11-23",
        ],
    );
    let open = r.ok(MONDAY, &["closure", "catch-up"]);
    assert!(open.contains("No closure has ended yet"), "{open}");
    assert_eq!(
        r.ok(MONDAY, &["closure", "catch-up", "--json"]).trim(),
        "[]"
    );

    r.ok("2026-12-04T16:00", &["closure", "end"]);
    let v: Value =
        serde_json::from_str(&r.ok("2026-12-07T09:00", &["closure", "catch-up", "--json"]))
            .unwrap();
    let list = v.as_array().unwrap();
    let names: Vec<&str> = list.iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["S1 Syg", "Nina Ny"], "{v}");
    let dues: Vec<&str> = list.iter().map(|c| c["due"].as_str().unwrap()).collect();
    assert!(dues.windows(2).all(|w| w[0] <= w[1]), "{dues:?}");
    for c in list {
        // Paused: the old deadline fell in the closure, the new one is after it.
        assert!(c["paused_due"].as_str().unwrap() <= "2026-12-04", "{c}");
        assert!(c["due"].as_str().unwrap() > "2026-12-04", "{c}");
    }
    // Citizens whose deadline was already past before the closure are not "paused".
    assert!(!names.contains(&"A1 Akt"));

    let da = r.ok("2026-12-07T09:00", &["--lang", "da", "closure", "catch-up"]);
    assert!(
        da.contains("2 borgere med samtaler, der var sat i bero"),
        "{da}"
    );
    assert!(da.contains("ikke planlagt"), "{da}");

    // Planned: the list says when, and a conversation held takes the citizen off it.
    let nina = r.id_of("Nina Ny");
    r.ok(
        "2026-12-07T09:00",
        &[
            "log",
            "add",
            "--citizen",
            &nina,
            "--channel",
            "in_person",
            "--outcome",
            "held",
            "--at",
            "2026-12-07T09:00",
        ],
    );
    let v: Value =
        serde_json::from_str(&r.ok("2026-12-07T10:00", &["closure", "catch-up", "--json"]))
            .unwrap();
    let names: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["S1 Syg"], "{v}");
}

#[test]
fn the_json_export_carries_newcomers_and_answers_exactly() {
    let r = Round::started();
    r.ok(
        MONDAY,
        &[
            "citizen",
            "add",
            "--name",
            "Nina Ny",
            "--target-group",
            "dagpenge",
        ],
    );
    r.call(
        MONDAY,
        "Nina Ny",
        &[
            "--result",
            "reached",
            "--accepted",
            "yes",
            "--received",
            "neutral",
            "--matched",
            "no",
        ],
    );
    let file = r.dir.join("all.json");
    r.ok(
        MONDAY,
        &["export", "json", "--output", file.to_str().unwrap()],
    );
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("\"newcomer\":true"), "{text}");
    assert!(text.contains("\"received\":\"neutral\""), "{text}");
    let other = r.dir.join("other.db");
    let out = command()
        .args(["--lang", "en", "--db"])
        .arg(&other)
        .args(["import", "json", file.to_str().unwrap()])
        .env("JOBDESK_NOW", MONDAY)
        .write_stdin("")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let dump = |db: &PathBuf| -> Vec<String> {
        let conn = rusqlite::Connection::open(db).unwrap();
        let mut rows = Vec::new();
        for sql in [
            "SELECT closure_id, citizen_id, position, newcomer, received, matched, accepted
             FROM closure_calls ORDER BY closure_id, citizen_id",
            "SELECT contact_id, 0, result, accepted, received, matched, citizen_id
             FROM closure_attempts ORDER BY contact_id",
        ] {
            let mut st = conn.prepare(sql).unwrap();
            let got: Vec<String> = st
                .query_map([], |r| {
                    Ok((0..7)
                        .map(|i| format!("{:?}", r.get::<_, rusqlite::types::Value>(i).unwrap()))
                        .collect::<Vec<_>>()
                        .join("|"))
                })
                .unwrap()
                .map(|r| r.unwrap())
                .collect();
            rows.extend(got);
        }
        rows
    };
    let before = dump(&r.db);
    assert!(
        before
            .iter()
            .any(|l| l.contains("Text(\"neutral\")") && l.contains("Integer(0)")),
        "{before:?}"
    );
    assert_eq!(dump(&other), before);
}
