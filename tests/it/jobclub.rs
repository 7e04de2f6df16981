//! The job club (issue 20): the expected citizens of a session and their marks, exemptions with
//! a time of day and weekdays (a course 9–14 on Tuesdays) applied to the attendance list, listed
//! per week, changed and removed, overlaps refused naming the other one, an absence logged as a
//! contact only when asked, and note templates chosen by conversation type.

use std::path::Path;

use crate::support::{bad, db_in, jobdesk, json, ok, tmpdir};

fn add(db: &Path, name: &str) -> String {
    let id = ok(jobdesk(db).args([
        "citizen",
        "add",
        "--name",
        name,
        "--target-group",
        "dagpenge",
    ]))
    .trim()
    .to_string();
    ok(jobdesk(db).args(["jobclub", "join", &id]));
    id
}

fn marks(db: &Path, date: &str) -> Vec<(String, serde_json::Value)> {
    let list = json(&ok(jobdesk(db).args([
        "jobclub",
        "attendance",
        "--date",
        date,
        "--json",
    ])));
    list.as_array()
        .map(|a| {
            a.iter()
                .map(|r| {
                    (
                        r["name"].as_str().unwrap_or_default().to_string(),
                        r["mark"].clone(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_session_s_attendance_is_marked_and_listed_with_exemptions_applied() {
    let dir = tmpdir();
    let db = db_in(&dir);
    let anna = add(&db, "Anna Berg");
    let bo = add(&db, "Bo Dahl");
    let carl = add(&db, "Carl Eriksen");
    // Not in the club: not on the list.
    ok(jobdesk(&db).args([
        "citizen",
        "add",
        "--name",
        "Dorte Falk",
        "--target-group",
        "other",
    ]));
    // Carl is on a course 9–14 on Tuesdays in November and December.
    let out = ok(jobdesk(&db).args([
        "--lang",
        "da",
        "jobclub",
        "exempt",
        "--citizen",
        &carl,
        "--from",
        "01.11.2026",
        "--to",
        "31.12.2026",
        "--time",
        "09.00-14.00",
        "--days",
        "tir",
        "--reason",
        "AMU-kursus",
    ]));
    assert!(
        out.contains("tir 09.00–14.00") && out.contains("AMU-kursus"),
        "{out}"
    );
    // Tuesday 24 November: Carl is exempt by the exemption, the others not marked yet.
    assert_eq!(
        marks(&db, "2026-11-24"),
        vec![
            ("Anna Berg".into(), serde_json::Value::Null),
            ("Bo Dahl".into(), serde_json::Value::Null),
            ("Carl Eriksen".into(), "exempt".into()),
        ]
    );
    // Monday 23 November: the course does not cover it.
    assert_eq!(marks(&db, "2026-11-23")[2].1, serde_json::Value::Null);
    ok(jobdesk(&db).args([
        "jobclub",
        "mark",
        "--date",
        "2026-11-24",
        "--citizen",
        &anna,
        "present",
    ]));
    let out = ok(jobdesk(&db).args([
        "--lang",
        "da",
        "jobclub",
        "mark",
        "--date",
        "24.11.2026",
        "--citizen",
        &bo,
        "fraværende",
    ]));
    assert!(out.contains("Bo Dahl: fraværende 24.11.2026"), "{out}");
    assert!(!out.contains("logget"), "no contact unless asked: {out}");
    assert_eq!(
        marks(&db, "2026-11-24")
            .into_iter()
            .map(|(_, m)| m)
            .collect::<Vec<_>>(),
        vec!["present", "absent", "exempt"]
    );
    let log = json(&ok(jobdesk(&db).args([
        "log",
        "list",
        "--date",
        "2026-11-24",
        "--json",
    ])));
    assert_eq!(log.as_array().map(Vec::len), Some(0), "{log}");
    // Asked: the absence is logged, once, and marking present takes it back.
    let out = ok(jobdesk(&db).args([
        "jobclub",
        "mark",
        "--date",
        "2026-11-24",
        "--citizen",
        &bo,
        "absent",
        "--log",
    ]));
    assert!(out.contains("logged as contact"), "{out}");
    let log = json(&ok(jobdesk(&db).args([
        "log",
        "list",
        "--date",
        "2026-11-24",
        "--json",
    ])));
    assert_eq!(log.as_array().map(Vec::len), Some(1), "{log}");
    assert_eq!(log[0]["outcome"], "no_show");
    assert_eq!(log[0]["counts"], false);
    ok(jobdesk(&db).args([
        "jobclub",
        "mark",
        "--date",
        "2026-11-24",
        "--citizen",
        &bo,
        "present",
    ]));
    let log = json(&ok(jobdesk(&db).args([
        "log",
        "list",
        "--date",
        "2026-11-24",
        "--json",
    ])));
    assert_eq!(log.as_array().map(Vec::len), Some(0), "{log}");
    // The table in Danish.
    let text = ok(jobdesk(&db).args([
        "--lang",
        "da",
        "jobclub",
        "attendance",
        "--date",
        "24.11.2026",
    ]));
    assert!(
        text.contains("Jobklub tirsdag 24.11.2026 09.00–11.30"),
        "{text}"
    );
    assert!(
        text.contains("2 mødt · 0 fraværende · 1 fritaget · 0 mangler"),
        "{text}"
    );
    // No session on a Saturday; --log only for an absence.
    let e = bad(jobdesk(&db).args([
        "--lang",
        "da",
        "jobclub",
        "attendance",
        "--date",
        "28.11.2026",
    ]));
    assert!(e.contains("mødes ikke"), "{e}");
    let e = bad(jobdesk(&db).args([
        "jobclub",
        "mark",
        "--date",
        "2026-11-24",
        "--citizen",
        &anna,
        "present",
        "--log",
    ]));
    assert!(e.contains("--log"), "{e}");
}

#[test]
fn exemptions_are_listed_per_week_changed_removed_and_overlaps_refused() {
    let dir = tmpdir();
    let db = db_in(&dir);
    let carl = add(&db, "Carl Eriksen");
    let course = ok(jobdesk(&db).args([
        "jobclub",
        "exempt",
        "--citizen",
        &carl,
        "--from",
        "2026-11-01",
        "--to",
        "2026-12-31",
        "--time",
        "9-14",
        "--days",
        "tue",
        "--reason",
        "Course",
    ]));
    let id = course
        .split_whitespace()
        .nth(1)
        .map(|s| s.trim_end_matches(':').to_string())
        .unwrap_or_default();
    // A network meeting on Tuesday 24 November at 10 overlaps the course: refused, naming it.
    let e = bad(jobdesk(&db).args([
        "--lang",
        "da",
        "jobclub",
        "exempt",
        "--citizen",
        &carl,
        "--from",
        "24.11.2026",
        "--to",
        "24.11.2026",
        "--time",
        "10.00-11.00",
        "--reason",
        "Netværksmøde",
    ]));
    assert!(
        e.contains(&format!("fritagelse {id}")) && e.contains("Course"),
        "{e}"
    );
    // On the Wednesday it does not.
    ok(jobdesk(&db).args([
        "jobclub",
        "exempt",
        "--citizen",
        &carl,
        "--from",
        "2026-11-25",
        "--to",
        "2026-11-25",
        "--reason",
        "Network meeting",
    ]));
    let week = ok(jobdesk(&db).args(["--lang", "da", "jobclub", "exempt", "list", "--week", "48"]));
    assert!(week.contains("uge 48 2026"), "{week}");
    assert!(
        week.contains("Course") && week.contains("Network meeting"),
        "{week}"
    );
    let later = ok(jobdesk(&db).args(["jobclub", "exempt", "list", "--week", "2027-01-05"]));
    assert!(later.contains("No exemptions"), "{later}");
    // Changed to Thursdays, the meeting can move to Tuesday; then removed.
    ok(jobdesk(&db).args(["jobclub", "exempt", "set", &id, "--days", "tor"]));
    ok(jobdesk(&db).args([
        "jobclub",
        "exempt",
        "--citizen",
        &carl,
        "--from",
        "2026-11-24",
        "--to",
        "2026-11-24",
        "--reason",
        "Moved meeting",
    ]));
    let out = ok(jobdesk(&db).args(["jobclub", "exempt", "remove", &id]));
    assert!(out.contains("Removed") && out.contains("Thu"), "{out}");
    let week = ok(jobdesk(&db).args(["jobclub", "exempt", "list", "--week", "2026-11-23"]));
    assert!(
        !week.contains("Course") && week.contains("Moved meeting"),
        "{week}"
    );
    let e = bad(jobdesk(&db).args(["jobclub", "exempt", "remove", &id]));
    assert!(e.contains(&id), "{e}");
    let e = bad(jobdesk(&db).args([
        "jobclub",
        "exempt",
        "--citizen",
        &carl,
        "--from",
        "2026-11-24",
    ]));
    assert!(e.contains("--to"), "{e}");
}

#[test]
fn the_job_club_survives_a_json_round_trip() {
    let dir = tmpdir();
    let db = db_in(&dir);
    let anna = add(&db, "Anna Berg");
    ok(jobdesk(&db).args(["citizen", "request", &anna, "--date", "2026-11-20"]));
    ok(jobdesk(&db).args([
        "jobclub",
        "exempt",
        "--citizen",
        &anna,
        "--from",
        "2026-11-01",
        "--to",
        "2026-12-31",
        "--time",
        "9-14",
        "--days",
        "tue,thu",
        "--reason",
        "Course",
    ]));
    ok(jobdesk(&db).args([
        "jobclub",
        "mark",
        "--date",
        "2026-11-23",
        "--citizen",
        &anna,
        "absent",
        "--log",
    ]));
    let file = dir.path().join("all.json");
    ok(jobdesk(&db).args(["export", "json", "-o"]).arg(&file));
    let copy = dir.path().join("copy.db");
    ok(jobdesk(&copy).args(["import", "json"]).arg(&file));
    let again = dir.path().join("again.json");
    ok(jobdesk(&copy).args(["export", "json", "-o"]).arg(&again));
    let a = std::fs::read_to_string(&file).unwrap_or_default();
    let b = std::fs::read_to_string(&again).unwrap_or_default();
    assert!(
        a.contains("\"jobclub_attendance\":[\n{\"date\":\"2026-11-23\""),
        "{a}"
    );
    assert!(a.contains("\"weekdays\":\"2,4\""), "{a}");
    assert_eq!(a, b, "the second export is the first");
    assert_eq!(
        marks(&copy, "2026-11-23"),
        vec![("Anna Berg".into(), "absent".into())]
    );
}

#[test]
fn templates_are_chosen_by_conversation_type() {
    use jobdesk::config::Config;
    use jobdesk::domain::{Channel, Kind};
    let c = Config::default();
    let first = c.template_for(
        true,
        Some(Kind::Conversation),
        Channel::InPerson,
        true,
        false,
    );
    assert_eq!(first, ["Situation:", "Aftalt:", "Næste skridt:"]);
    let visit = c.template_for(false, Some(Kind::MentorVisit), Channel::Walk, false, false);
    assert_eq!(visit[0], "Goals worked on:");
    let call = c.template_for(true, Some(Kind::Conversation), Channel::Phone, false, true);
    assert_eq!(call[0], "Truffet:");
    let unplanned = c.template_for(true, None, Channel::Phone, false, false);
    assert_eq!(unplanned[0], "Henvendelse om:");
}
