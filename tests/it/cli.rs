//! The command line as a script or a user drives it: the real binary, a temporary database.

use crate::support::*;

#[test]
fn generate_then_agenda_shows_todays_appointments_in_time_order() {
    let dir = tmpdir();
    let db = generated(&dir, 80);
    let out = ok(jobdesk(&db).args(["agenda", "--json"]));
    let v = json(&out);
    let rows = v.as_array().cloned().unwrap_or_default();
    assert!(
        !rows.is_empty(),
        "a generated Monday has appointments: {out}"
    );
    let starts: Vec<String> = rows
        .iter()
        .map(|r| r["start"].as_str().unwrap_or("").to_string())
        .collect();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted, "agenda is in time order");
    for r in &rows {
        assert!(
            r["start"].as_str().unwrap_or("").starts_with("2026-11-23T"),
            "{r}"
        );
        assert_eq!(
            r["start"].as_str().unwrap_or("").len(),
            16,
            "start is 2026-11-23T10:30: {r}"
        );
        for key in [
            "id",
            "minutes",
            "citizen_id",
            "citizen",
            "kind",
            "channel",
            "status",
        ] {
            assert!(!r[key].is_null(), "{key} missing in {r}");
        }
        assert!(["conversation", "mentor_visit"].contains(&r["kind"].as_str().unwrap_or("")));
    }
    // The plain form is a readable table with the same appointments.
    let plain = ok(jobdesk(&db).arg("agenda"));
    assert!(plain.starts_with("Monday 2026-11-23 (week 48)"), "{plain}");
    // A long name is cut to its column: the first word and the id are there.
    let first = rows[0]["citizen"].as_str().unwrap_or("");
    let first = first.split(' ').next().unwrap_or(first);
    assert!(plain.contains(first), "{plain}");
    assert!(plain.contains(&format!("  {}  ", rows[0]["id"])), "{plain}");
}

#[test]
fn generate_is_deterministic_for_the_same_seed_and_day() {
    let dump = |seed: &str| {
        let dir = tmpdir();
        let db = db_in(&dir);
        ok(jobdesk(&db).args([
            "generate",
            "--citizens",
            "40",
            "--years",
            "2",
            "--seed",
            seed,
        ]));
        let c = ok(jobdesk(&db).args(["citizens", "--all", "--json"]));
        let a =
            ok(jobdesk(&db).args(["agenda", "--date", "2025-11-23", "--days", "400", "--json"]));
        (c, a)
    };
    let one = dump("3");
    assert_eq!(one, dump("3"), "same seed, same caseload");
    assert_ne!(one, dump("4"), "another seed, another caseload");
}

#[test]
fn generate_refuses_a_database_that_holds_citizens() {
    let dir = tmpdir();
    let db = generated(&dir, 10);
    let before = file_hash(&db);
    let err = bad(jobdesk(&db).args(["generate", "--citizens", "10"]));
    assert!(err.contains("already holds 10 citizens"), "{err}");
    assert_eq!(before, file_hash(&db));
}

#[test]
fn citizens_lists_active_and_with_all_archived_too() {
    let dir = tmpdir();
    let db = generated(&dir, 60);
    let active = json(&ok(jobdesk(&db).args(["citizens", "--json"])));
    let all = json(&ok(jobdesk(&db).args(["citizens", "--all", "--json"])));
    let (a, b) = (
        active.as_array().map(Vec::len).unwrap_or(0),
        all.as_array().map(Vec::len).unwrap_or(0),
    );
    assert_eq!(b, 60);
    assert!(a < b && a > 0, "some archived: {a} of {b}");
    let row = &all[0];
    for key in ["id", "name", "target_group"] {
        assert!(!row[key].is_null(), "{key} in {row}");
    }
    assert!(row.get("next_due").is_some());
    let plain = ok(jobdesk(&db).arg("citizens"));
    assert_eq!(
        plain.lines().count(),
        a + 1,
        "header plus one line a citizen"
    );
}

#[test]
fn plan_then_agenda_shows_it() {
    let dir = tmpdir();
    let db = generated(&dir, 5);
    let id = ok(jobdesk(&db).args([
        "plan",
        "--citizen",
        "1",
        "--at",
        "24.11.2026 10.30",
        "--channel",
        "telefon",
        "--minutes",
        "45",
    ]));
    let id: i64 = id.trim().parse().unwrap_or(-1);
    assert!(id > 0);
    let v = json(&ok(jobdesk(&db).args([
        "agenda",
        "--date",
        "2026-11-24",
        "--json",
    ])));
    let row = v
        .as_array()
        .and_then(|r| r.iter().find(|x| x["id"] == id).cloned())
        .unwrap_or_default();
    assert_eq!(row["start"], "2026-11-24T10:30");
    assert_eq!(row["minutes"], 45);
    assert_eq!(row["channel"], "phone");
    assert_eq!(row["kind"], "conversation");
    assert_eq!(row["status"], "planned");
    assert_eq!(row["citizen_id"], 1);
    // A walk is a mentor visit unless told otherwise.
    let id2 = ok(jobdesk(&db).args([
        "plan",
        "--citizen",
        "1",
        "--at",
        "2026-11-24T13:00",
        "--channel",
        "gåtur",
    ]));
    let v = json(&ok(jobdesk(&db).args([
        "agenda",
        "--date",
        "24-11-2026",
        "--json",
    ])));
    let row = v
        .as_array()
        .and_then(|r| {
            r.iter()
                .find(|x| x["id"].as_i64() == id2.trim().parse::<i64>().ok())
                .cloned()
        })
        .unwrap_or_default();
    assert_eq!(row["kind"], "mentor_visit");
    assert_eq!(row["minutes"], 60);
}

#[test]
fn log_add_keeps_notes_starting_with_dash_and_line_breaks() {
    let dir = tmpdir();
    let db = generated(&dir, 5);
    let id = ok(jobdesk(&db).args([
        "log",
        "add",
        "--citizen",
        "2",
        "--channel",
        "phone",
        "--outcome",
        "held",
        "--at",
        "today 08:15",
        "--minutes",
        "20",
        "--note",
        "-5 kr. i husleje\nanden linje",
    ]));
    let id: i64 = id.trim().parse().unwrap_or(-1);
    assert!(id > 0);
    let store = jobdesk::store::Store::open(
        &db,
        &jobdesk::store::OpenOptions::new(jobdesk::store::Create::No),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let c = store.contact(id).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(c.note, "-5 kr. i husleje\nanden linje");
    assert_eq!(
        c.at.format("%Y-%m-%d %H:%M").to_string(),
        "2026-11-23 08:15"
    );
    assert_eq!(c.minutes, 20);
    assert!(
        c.counts,
        "a held phone conversation counts toward the minimum"
    );
    assert_eq!(c.citizen_id, 2);
    // The citizen's last contact follows the log.
    let cz = store.citizen(2).unwrap_or_else(|e| panic!("{e}"));
    assert!(cz.last_contact.is_some_and(|t| t >= c.at));
}

#[test]
fn logging_a_held_conversation_moves_the_next_due_date() {
    let dir = tmpdir();
    let db = db_in(&dir);
    std::fs::write(
        dir.path().join("c.csv"),
        "name,target_group,benefit_start\nAnna Test,kontanthjaelp_jobparat,2026-11-20\n",
    )
    .unwrap_or_default();
    ok(jobdesk(&db)
        .args(["import", "caseload"])
        .arg(dir.path().join("c.csv")));
    let due = |db: &std::path::Path| {
        json(&ok(jobdesk(db).args(["citizens", "--json"])))[0]["next_due"].clone()
    };
    assert_eq!(
        due(&db),
        "2026-11-27",
        "first conversation within a week of the start"
    );
    ok(jobdesk(&db).args([
        "log",
        "add",
        "--citizen",
        "1",
        "--channel",
        "in_person",
        "--outcome",
        "held",
    ]));
    // The law: four by the end of month 6 (19.5.2027). The pace: the second of four at
    // 7 + 173/3 = 64 days after the start (Saturday 23.1.2027, so Friday 22.1.2027).
    assert_eq!(due(&db), "2027-05-19");
    let pace = json(&ok(jobdesk(&db).args(["citizens", "--json"])))[0]["pace_due"].clone();
    assert_eq!(pace, "2027-01-22");
}

#[test]
fn bad_input_gets_a_clear_message_and_exit_2_with_nothing_written() {
    let dir = tmpdir();
    let db = generated(&dir, 5);
    let before = file_hash(&db);
    let cases: &[(&[&str], &str)] = &[
        (
            &[
                "plan",
                "--citizen",
                "999",
                "--at",
                "today 10:00",
                "--channel",
                "phone",
            ],
            "no citizen with id 999",
        ),
        (
            &[
                "plan",
                "--citizen",
                "1",
                "--at",
                "31.02.2026 10:00",
                "--channel",
                "phone",
            ],
            "February 2026 has no day 31",
        ),
        (
            &[
                "plan",
                "--citizen",
                "1",
                "--at",
                "2026-11-24",
                "--channel",
                "phone",
            ],
            "no time",
        ),
        (
            &[
                "plan",
                "--citizen",
                "1",
                "--at",
                "today 10:00",
                "--channel",
                "fax",
            ],
            "unknown channel 'fax'",
        ),
        (
            &[
                "plan",
                "--citizen",
                "1",
                "--at",
                "today 10:00",
                "--channel",
                "phone",
                "--minutes",
                "0",
            ],
            "0 minutes",
        ),
        (
            &[
                "log",
                "add",
                "--citizen",
                "1",
                "--channel",
                "phone",
                "--outcome",
                "maybe",
            ],
            "unknown outcome 'maybe'",
        ),
        (
            &[
                "log",
                "add",
                "--citizen",
                "1",
                "--channel",
                "phone",
                "--outcome",
                "reached",
                "--counts",
                "yes",
            ],
            "only a held conversation counts",
        ),
        (
            &[
                "log",
                "add",
                "--citizen",
                "77",
                "--channel",
                "phone",
                "--outcome",
                "held",
            ],
            "no citizen with id 77",
        ),
        (&["agenda", "--date", "2026-13-01"], "no month 13"),
        (&["agenda", "--days", "0"], "out of range"),
        (
            &[
                "plan",
                "--citizen",
                "abc",
                "--at",
                "today 10:00",
                "--channel",
                "phone",
            ],
            "invalid value 'abc'",
        ),
    ];
    for (args, want) in cases {
        let err = bad(jobdesk(&db).args(*args));
        assert!(err.contains(want), "{args:?}: wanted '{want}' in: {err}");
    }
    assert_eq!(before, file_hash(&db), "nothing was written");
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_never_changed() {
    let dir = tmpdir();
    let path = dir.path().join("notes.txt");
    let text = "This is a text file, not a database.\n".repeat(200);
    std::fs::write(&path, &text).unwrap_or_default();
    for args in [
        &["agenda"][..],
        &["citizens"],
        &["generate", "--citizens", "3"],
        &[
            "plan",
            "--citizen",
            "1",
            "--at",
            "today 10:00",
            "--channel",
            "phone",
        ],
    ] {
        let err = bad(jobdesk(&path).args(args));
        assert!(err.contains("not a jobdesk database"), "{err}");
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap_or_default(), text);
    assert!(!dir.path().join("notes.txt-wal").exists());
}

#[test]
fn another_programs_sqlite_file_is_refused_and_never_changed() {
    let dir = tmpdir();
    let path = dir.path().join("other.sqlite");
    {
        let c = rusqlite::Connection::open(&path).unwrap_or_else(|e| panic!("{e}"));
        c.execute_batch("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');")
            .unwrap_or_default();
    }
    let before = file_hash(&path);
    let err = bad(jobdesk(&path).args(["generate", "--citizens", "3"]));
    assert!(err.contains("another program"), "{err}");
    assert_eq!(before, file_hash(&path));
}

#[test]
fn a_database_from_a_newer_jobdesk_is_refused_and_never_changed() {
    let dir = tmpdir();
    let db = generated(&dir, 3);
    {
        let c = rusqlite::Connection::open(&db).unwrap_or_else(|e| panic!("{e}"));
        c.pragma_update(None, "user_version", 999)
            .unwrap_or_default();
        c.pragma_update(None, "journal_mode", "DELETE")
            .unwrap_or_default();
    }
    let before = file_hash(&db);
    let err = bad(jobdesk(&db).arg("agenda"));
    assert!(err.contains("newer jobdesk"), "{err}");
    assert!(err.contains("999"), "{err}");
    assert_eq!(before, file_hash(&db));
}

#[test]
fn a_missing_database_is_explained_not_created_by_read_commands() {
    let dir = tmpdir();
    let db = dir.path().join("nope.db");
    let err = bad(jobdesk(&db).arg("agenda"));
    assert!(err.contains("no database at"), "{err}");
    assert!(!db.exists());
}

#[test]
fn the_database_is_created_private() {
    let dir = tmpdir();
    let db = dir.path().join("sub").join("folder").join("jobdesk.db");
    ok(jobdesk(&db).args(["generate", "--citizens", "3"]));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| {
            std::fs::metadata(p)
                .map(|m| m.permissions().mode() & 0o777)
                .unwrap_or(0)
        };
        assert_eq!(mode(&db), 0o600);
        assert_eq!(mode(&dir.path().join("sub").join("folder")), 0o700);
        // While open, the WAL copies the mode.
        let _store = jobdesk::store::Store::open(
            &db,
            &jobdesk::store::OpenOptions::new(jobdesk::store::Create::No),
        );
        let wal = db.with_extension("db-wal");
        if wal.exists() {
            assert_eq!(mode(&wal), 0o600);
        }
    }
}

#[test]
fn jobdesk_db_environment_variable_picks_the_database() {
    let dir = tmpdir();
    let db = generated(&dir, 4);
    let mut cmd = command();
    let out = ok(cmd
        .env("JOBDESK_DB", &db)
        .env("JOBDESK_NOW", NOW)
        .args(["citizens", "--all", "--json"]));
    assert_eq!(json(&out).as_array().map(Vec::len), Some(4));
}

#[test]
fn danish_plain_output() {
    let dir = tmpdir();
    let db = generated(&dir, 30);
    let out = ok(jobdesk(&db).args(["--lang", "da", "agenda"]));
    assert!(out.starts_with("mandag 23.11.2026 (uge 48)"), "{out}");
    assert!(out.contains("borger"), "{out}");
    let out = ok(jobdesk(&db)
        .args(["agenda", "--date", "2026-11-23"])
        .env("LANG", "da_DK.UTF-8"));
    assert!(out.starts_with("mandag"), "{out}");
}

#[test]
fn citizen_add_then_list() {
    let dir = tmpdir();
    let db = db_in(&dir);
    let id = ok(jobdesk(&db).args([
        "citizen",
        "add",
        "--name",
        "Åse Ørsted",
        "--target-group",
        "Sygedagpenge",
        "--cpr",
        "0101901234",
        "--benefit-start",
        "01.11.2026",
        "--mentor",
    ]));
    assert_eq!(id.trim(), "1");
    let v = json(&ok(jobdesk(&db).args(["citizens", "--json"])));
    assert_eq!(v[0]["name"], "Åse Ørsted");
    assert_eq!(v[0]["target_group"], "sygedagpenge");
    assert_eq!(v[0]["next_due"], "2026-12-23");
    let before = file_hash(&db);
    let err = bad(jobdesk(&db).args([
        "citizen",
        "add",
        "--name",
        "X",
        "--target-group",
        "dagpenge",
        "--cpr",
        "010190-1234",
    ]));
    assert!(err.contains("already in the caseload (id 1)"), "{err}");
    let err = bad(jobdesk(&db).args(["citizen", "add", "--name", "X", "--target-group", "nope"]));
    assert!(err.contains("unknown target group 'nope'"), "{err}");
    let err = bad(jobdesk(&db).args(["citizen", "add", "--name", " ", "--target-group", "other"]));
    assert!(err.contains("--name"), "{err}");
    assert_eq!(before, file_hash(&db));
}

#[test]
fn mentor_agreement_exemptions_and_feedback_from_the_command_line() {
    let dir = tmpdir();
    let db = generated(&dir, 5);
    ok(jobdesk(&db).args([
        "citizen",
        "set",
        "2",
        "--mentor-goals",
        "Ud af huset to gange om ugen",
        "--mentor-hours",
        "4.5",
        "--mentor-until",
        "31.03.2027",
    ]));
    ok(jobdesk(&db).args([
        "citizen",
        "exempt-jobclub",
        "2",
        "--from",
        "01.12.2026",
        "--to",
        "05.12.2026",
        "--reason",
        "Netværksmøde",
    ]));
    let cid = ok(jobdesk(&db).args([
        "log",
        "add",
        "--citizen",
        "2",
        "--channel",
        "phone",
        "--outcome",
        "held",
    ]));
    ok(jobdesk(&db).args([
        "log",
        "feedback",
        "--contact",
        cid.trim(),
        "--score",
        "4",
        "--wish",
        "Mere praktik",
    ]));
    let store = jobdesk::store::Store::open(
        &db,
        &jobdesk::store::OpenOptions::new(jobdesk::store::Create::No),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let m = store.mentor_agreement(2).unwrap_or_default();
    assert_eq!(m.goals, "Ud af huset to gange om ugen");
    assert_eq!(m.hours, Some(4.5));
    assert_eq!(m.until.map(|d| d.to_string()), Some("2027-03-31".into()));
    assert!(store.citizen(2).map(|c| c.mentor).unwrap_or(false));
    let ex = store.jobclub_exemptions(2).unwrap_or_default();
    assert_eq!(ex.len(), 1);
    assert_eq!(ex[0].reason, "Netværksmøde");
    let id: i64 = cid.trim().parse().unwrap_or(0);
    assert_eq!(
        store.feedback(id).unwrap_or_default(),
        Some((4, "Mere praktik".to_string()))
    );
    // Exemption from conversations removes the due date; lifting it brings it back.
    drop(store);
    ok(jobdesk(&db).args(["citizen", "set", "2", "--exempt", "yes"]));
    let due = |db: &std::path::Path| {
        let v = json(&ok(jobdesk(db).args(["citizens", "--all", "--json"])));
        v.as_array()
            .and_then(|a| a.iter().find(|c| c["id"] == 2).cloned())
            .unwrap_or_default()["next_due"]
            .clone()
    };
    assert!(due(&db).is_null());
    let before = file_hash(&db);
    let err = bad(jobdesk(&db).args(["log", "feedback", "--contact", cid.trim(), "--score", "9"]));
    assert!(err.contains("1 (poor) to 5"), "{err}");
    let err = bad(jobdesk(&db).args([
        "citizen",
        "exempt-jobclub",
        "2",
        "--from",
        "05.12.2026",
        "--to",
        "01.12.2026",
    ]));
    assert!(err.contains("after --to"), "{err}");
    let err = bad(jobdesk(&db).args(["citizen", "set", "99", "--exempt", "no"]));
    assert!(err.contains("no citizen with id 99"), "{err}");
    assert_eq!(before, file_hash(&db));
}

#[test]
fn edited_cadence_rules_in_the_config_file_move_due_dates() {
    let dir = tmpdir();
    let db = db_in(&dir);
    ok(jobdesk(&db).args([
        "citizen",
        "add",
        "--name",
        "Anna Test",
        "--target-group",
        "kontanthjaelp_jobparat",
        "--benefit-start",
        "2026-11-20",
    ]));
    let due = |cmd: &mut assert_cmd::Command| {
        json(&ok(cmd.args(["citizens", "--json"])))[0]["next_due"].clone()
    };
    assert_eq!(
        due(&mut jobdesk(&db)),
        "2026-11-27",
        "the default: first within a week"
    );
    let cfg = dir.path().join("config.toml");
    let text = ok(jobdesk(&db).args(["config", "--default"]));
    assert!(text.contains("first_within_days = 7"));
    std::fs::write(
        &cfg,
        text.replace("first_within_days = 7", "first_within_days = 14"),
    )
    .unwrap_or_default();
    // Every `7` (the cash-benefit groups, both the earlier rule and the 2026 row) becomes 14.
    assert_eq!(due(jobdesk(&db).env("JOBDESK_CONFIG", &cfg)), "2026-12-04");
    std::fs::write(&cfg, "note_soft_limit = \"long\"\n").unwrap_or_default();
    let err = bad(jobdesk(&db).env("JOBDESK_CONFIG", &cfg).arg("citizens"));
    assert!(
        err.contains("line 1") && err.contains("config file"),
        "{err}"
    );
}
