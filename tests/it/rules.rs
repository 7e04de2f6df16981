//! Issue 14: legal deadlines and pace apart, the rules of 2026 as data, the target groups after
//! 1.7.2025, sygedagpenge from the first day of absence, the first conversation in person, and
//! the warnings of `plan`.

use crate::support::{bad, db_in, generated, jobdesk, json, ok, tmpdir};
use jobdesk::domain::cadence::Standing;
use jobdesk::store::{Create, OpenOptions, Store};

fn add(db: &std::path::Path, name: &str, group: &str, start: &str, extra: &[&str]) -> String {
    let mut c = jobdesk(db);
    c.args([
        "citizen",
        "add",
        "--name",
        name,
        "--target-group",
        group,
        "--benefit-start",
        start,
    ])
    .args(extra);
    ok(&mut c).trim().to_string()
}

fn row(db: &std::path::Path, id: &str) -> serde_json::Value {
    let all = json(&ok(jobdesk(db).args(["citizens", "--json"])));
    all.as_array()
        .and_then(|a| {
            a.iter()
                .find(|c| c["id"].as_i64().map(|i| i.to_string()).as_deref() == Some(id))
                .cloned()
        })
        .unwrap_or_else(|| panic!("citizen {id} not listed"))
}

fn day(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|e| panic!("{e}"))
}

/// Runs and returns (exit code, stdout, stderr).
fn run(cmd: &mut assert_cmd::Command) -> (Option<i32>, String, String) {
    let out = cmd.output().unwrap_or_else(|e| panic!("run: {e}"));
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_deadline_on_a_saturday_moves_to_friday() {
    let dir = tmpdir();
    let db = db_in(&dir);
    // Saturday 21.11.2026 + 1 week = Saturday 28.11.2026: Friday 27.11.2026.
    let id = add(
        &db,
        "Lis Lørdag",
        "kontanthjaelp_jobparat",
        "2026-11-21",
        &[],
    );
    assert_eq!(row(&db, &id)["next_due"], "2026-11-27");
    assert_eq!(row(&db, &id)["pace_due"], "2026-11-27");
}

#[test]
fn overdue_only_after_the_legal_deadline_behind_the_pace_is_not_overdue() {
    let dir = tmpdir();
    let db = db_in(&dir);
    let id = add(
        &db,
        "Bo Bagud",
        "kontanthjaelp_aktivitetsparat",
        "2026-09-01",
        &[],
    );
    ok(jobdesk(&db).args([
        "log",
        "add",
        "--citizen",
        &id,
        "--channel",
        "in_person",
        "--outcome",
        "held",
        "--at",
        "2026-09-03T10:00",
    ]));
    let r = row(&db, &id);
    // The law: four by the end of month 6 (Sunday 28.2.2027, so Friday 26.2.2027); the pace
    // for the second: 64 days after the start (4.11.2026), passed on 23.11.2026.
    assert_eq!(r["next_due"], "2027-02-26");
    assert_eq!(r["pace_due"], "2026-11-04");
    let store = Store::open(&db, &OpenOptions::new(Create::No)).unwrap_or_else(|e| panic!("{e}"));
    let c = store
        .citizen(id.parse().unwrap_or_default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(c.standing(day("2026-11-23")), Standing::Behind);
    assert_eq!(c.standing(day("2027-03-01")), Standing::Overdue);
    assert_eq!(store.count_overdue(day("2026-11-23")).unwrap_or(9), 0);
}

#[test]
fn a_2026_row_applies_to_a_benefit_start_after_its_date_and_not_before() {
    let dir = tmpdir();
    let db = db_in(&dir);
    // Dagpenge: from 1.7.2026 the municipality holds at least 2 (STAR), before that 3.
    let after = add(&db, "Efter Reform", "dagpenge", "2026-08-03", &[]);
    let before = add(&db, "Før Reform", "dagpenge", "2026-06-01", &[]);
    for id in [&after, &before] {
        for at in ["2026-11-10T10:00", "2026-11-17T10:00"] {
            ok(jobdesk(&db).args([
                "log",
                "add",
                "--citizen",
                id,
                "--channel",
                "in_person",
                "--outcome",
                "held",
                "--at",
                at,
            ]));
        }
    }
    assert_eq!(row(&db, &after)["next_due"], serde_json::Value::Null);
    // The earlier rule: three by month 6 (30.11.2026).
    assert_eq!(row(&db, &before)["next_due"], "2026-11-30");
}

#[test]
fn config_default_names_the_rules_their_dates_and_sources() {
    let dir = tmpdir();
    let db = db_in(&dir);
    let text = ok(jobdesk(&db).args(["config", "--default"]));
    for want in [
        "LAB § 31, stk. 3 og 5 (lovbkg. nr. 280 af 1.3.2024)",
        "sygedagpengeloven § 13 b, stk. 1",
        "STAR, Spørgsmål og svar om reformen, opdateret 04-06-2025",
        "effective_from = \"2026-07-01\"",
        "unverified = true",
        "[[closed_to_new]]",
    ] {
        assert!(text.contains(want), "{want}: {text}");
    }
}

#[test]
fn import_caseload_accepts_uddannelsesparat_and_the_old_key() {
    let dir = tmpdir();
    let db = db_in(&dir);
    let csv = dir.path().join("c.csv");
    std::fs::write(
        &csv,
        "name,target_group,benefit_start\nAnna Ny,Uddannelsesparat,2026-11-02\nBent Gammel,uddannelseshjaelp,2026-11-02\nCarl Dansk,Uddannelsesparat kontanthjælpsmodtager,2026-11-02\n",
    )
    .unwrap_or_default();
    ok(jobdesk(&db).args(["import", "caseload"]).arg(&csv));
    let all = json(&ok(jobdesk(&db).args(["citizens", "--json"])));
    let groups: Vec<&str> = all
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|c| c["target_group"].as_str())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(groups, ["uddannelsesparat"; 3]);
}

#[test]
fn sygedagpenge_count_from_the_first_day_of_absence() {
    let dir = tmpdir();
    let db = db_in(&dir);
    let id = add(
        &db,
        "Sif Syg",
        "sygedagpenge",
        "2026-01-19",
        &["--absence-start", "05.01.2026"],
    );
    // End of week 8 from Monday 5.1.2026: Sunday 1.3.2026, moved back to Friday 27.2.2026.
    assert_eq!(row(&db, &id)["next_due"], "2026-02-27");
    // Without it, the benefit start: 19.1 + 55 = Sunday 15.3.2026, so Friday 13.3.2026.
    ok(jobdesk(&db).args(["citizen", "set", &id, "--absence-start", "none"]));
    assert_eq!(row(&db, &id)["next_due"], "2026-03-13");
    ok(jobdesk(&db).args(["citizen", "set", &id, "--absence-start", "2026-01-05"]));
    assert_eq!(row(&db, &id)["next_due"], "2026-02-27");
}

#[test]
fn a_closed_group_warns_for_a_new_citizen_and_adds_it() {
    let dir = tmpdir();
    let db = db_in(&dir);
    let (code, out, err) = run(jobdesk(&db).args([
        "citizen",
        "add",
        "--name",
        "Rie Reva",
        "--target-group",
        "revalidering",
        "--benefit-start",
        "2026-11-02",
    ]));
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(out.trim(), "1");
    assert!(err.contains("closed to new citizens"), "{err}");
    let (_, _, err) = run(jobdesk(&db).args([
        "citizen",
        "add",
        "--name",
        "Ole Gammel",
        "--target-group",
        "revalidering",
        "--benefit-start",
        "2025-11-02",
    ]));
    assert!(!err.contains("closed"), "{err}");
}

#[test]
fn a_first_conversation_by_phone_warns_and_does_not_count_unless_confirmed() {
    let dir = tmpdir();
    let db = db_in(&dir);
    let id = add(
        &db,
        "Pia Telefon",
        "kontanthjaelp_jobparat",
        "2026-11-16",
        &[],
    );
    let log = |extra: &[&str]| {
        let mut c = jobdesk(&db);
        c.args([
            "log",
            "add",
            "--citizen",
            &id,
            "--channel",
            "phone",
            "--outcome",
            "held",
            "--at",
            "2026-11-20T10:00",
        ])
        .args(extra);
        run(&mut c)
    };
    let (code, _, err) = log(&[]);
    assert_eq!(code, Some(0));
    assert!(
        err.contains("first conversation must be held in person"),
        "{err}"
    );
    assert!(err.contains("does not count"), "{err}");
    assert_eq!(row(&db, &id)["next_due"], "2026-11-23", "not counted");
    let (code, _, err) = log(&["--counts", "yes"]);
    assert_eq!(code, Some(0));
    assert!(err.contains("in person"), "{err}");
    assert_ne!(
        row(&db, &id)["next_due"],
        "2026-11-23",
        "confirmed: counted"
    );

    // In Danish, and through `mark`.
    let other = add(
        &db,
        "Per Video",
        "kontanthjaelp_jobparat",
        "2026-11-16",
        &[],
    );
    let plan = |at: &str| {
        ok(jobdesk(&db).args([
            "plan",
            "--citizen",
            &other,
            "--at",
            at,
            "--channel",
            "video",
        ]))
        .trim()
        .to_string()
    };
    let a = plan("2026-11-20T10:00");
    let (code, _, err) = run(jobdesk(&db).env("LANG", "da_DK.UTF-8").args([
        "mark",
        "--appointment",
        &a,
        "--status",
        "held",
    ]));
    assert_eq!(code, Some(0));
    assert!(
        err.contains("første samtale skal holdes ved personligt fremmøde"),
        "{err}"
    );
    assert_eq!(row(&db, &other)["next_due"], "2026-11-23", "not counted");
    let b = plan("2026-11-20T11:00");
    ok(jobdesk(&db).args([
        "mark",
        "--appointment",
        &b,
        "--status",
        "held",
        "--first-by-phone-ok",
    ]));
    assert_ne!(
        row(&db, &other)["next_due"],
        "2026-11-23",
        "confirmed: counted"
    );
}

#[test]
fn plan_warns_on_stderr_plans_all_the_same_and_strict_refuses() {
    let dir = tmpdir();
    let db = db_in(&dir);
    // Due by Friday 27.11.2026 (now is Monday 23.11.2026 09.00).
    let id = add(
        &db,
        "Vera Varsel",
        "kontanthjaelp_jobparat",
        "2026-11-20",
        &[],
    );
    let plan = |at: &str, lang: &str, strict: bool| {
        let mut c = jobdesk(&db);
        c.env("LANG", lang).args([
            "plan",
            "--citizen",
            &id,
            "--at",
            at,
            "--channel",
            "in_person",
        ]);
        if strict {
            c.arg("--strict");
        }
        run(&mut c)
    };
    let en = "C.UTF-8";
    let cases = [
        ("2026-12-26T10:00", "da_DK.UTF-8", "⚠ 2. juledag"),
        (
            "2026-12-26T10:00",
            "da_DK.UTF-8",
            "efter borgerens frist 27.11.2026",
        ),
        ("2026-11-28T10:00", en, "weekend"),
        ("2026-11-20T10:00", en, "the time has passed"),
        ("2026-12-01T10:00", en, "after the citizen's deadline"),
    ];
    for (at, lang, want) in cases {
        let (code, out, err) = plan(at, lang, false);
        assert_eq!(code, Some(0), "{at}: {err}");
        assert!(out.trim().parse::<i64>().is_ok(), "{at}: planned: {out}");
        assert!(err.contains(want), "{at}: {want}: {err}");
    }
    let (code, _, err) = plan("2026-11-24T10:00", en, false);
    assert_eq!(code, Some(0));
    assert!(err.is_empty(), "a good time says nothing: {err}");
    let (code, _, err) = plan("2026-11-24T10:15", en, false);
    assert_eq!(code, Some(0));
    assert!(err.contains("overlaps appointment"), "{err}");

    let count = || {
        json(&ok(jobdesk(&db).args([
            "agenda",
            "--date",
            "2026-11-21",
            "--days",
            "60",
            "--json",
        ])))
        .as_array()
        .map(|a| a.len())
        .unwrap_or(0)
    };
    let before = count();
    let err = bad(jobdesk(&db).args([
        "plan",
        "--citizen",
        &id,
        "--at",
        "2026-11-29T10:00",
        "--channel",
        "phone",
        "--strict",
    ]));
    assert!(err.contains("weekend") && err.contains("--strict"), "{err}");
    assert_eq!(count(), before, "nothing planned");
}

#[test]
fn a_generated_caseload_has_no_overlaps_and_no_conversation_after_its_deadline() {
    let dir = tmpdir();
    let db = generated(&dir, 60);
    let store = Store::open(&db, &OpenOptions::new(Create::No)).unwrap_or_else(|e| panic!("{e}"));
    let list = store
        .appointments(&Default::default(), 0, 1_000_000)
        .unwrap_or_else(|e| panic!("{e}"));
    let mut live: Vec<_> = list
        .iter()
        .filter(|a| {
            matches!(
                a.status,
                jobdesk::domain::Status::Planned | jobdesk::domain::Status::Held
            )
        })
        .collect();
    live.sort_by_key(|a| a.start);
    for w in live.windows(2) {
        assert!(
            w[0].end() <= w[1].start,
            "overlap: {} {} and {} {}",
            w[0].id,
            w[0].start,
            w[1].id,
            w[1].start
        );
    }
    let today = day("2026-11-23");
    let citizens = store
        .citizens(&Default::default(), Default::default(), 0, 100_000)
        .unwrap_or_else(|e| panic!("{e}"));
    let mut checked = 0;
    for c in citizens {
        let Some(due) = c.next_due.filter(|d| *d > today) else {
            continue;
        };
        let next = list
            .iter()
            .filter(|a| {
                a.citizen_id == c.id
                    && a.status == jobdesk::domain::Status::Planned
                    && a.kind == jobdesk::domain::Kind::Conversation
            })
            .map(|a| a.start.date())
            .min();
        if let Some(next) = next {
            checked += 1;
            assert!(
                next <= due,
                "{}: next {next} after the deadline {due}",
                c.name
            );
        }
    }
    assert!(checked > 0);
}

#[test]
fn absence_start_survives_a_json_round_trip_and_old_files_load() {
    let dir = tmpdir();
    let db = db_in(&dir);
    let id = add(
        &db,
        "Sif Syg",
        "sygedagpenge",
        "2026-01-19",
        &["--absence-start", "2026-01-05"],
    );
    let file = dir.path().join("all.json");
    ok(jobdesk(&db).args(["export", "json", "-o"]).arg(&file));
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(text.contains("\"absence_start\":\"2026-01-05\""), "{text}");
    let other = dir.path().join("other.db");
    ok(jobdesk(&other).args(["import", "json"]).arg(&file));
    assert_eq!(row(&other, &id)["next_due"], "2026-02-27");
    let again = dir.path().join("again.json");
    ok(jobdesk(&other).args(["export", "json", "-o"]).arg(&again));
    let again_text = std::fs::read_to_string(&again).unwrap_or_default();
    // The same citizen line, whatever the header says.
    let line = |t: &str| {
        t.lines()
            .find(|l| l.contains("Sif Syg"))
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(line(&again_text), line(&text));
    // A file written before the field loads (the old key too).
    let old = text
        .replace(",\"absence_start\":\"2026-01-05\"", "")
        .replace("\"sygedagpenge\"", "\"uddannelseshjaelp\"");
    let old_file = dir.path().join("old.json");
    std::fs::write(&old_file, old).unwrap_or_default();
    let third = dir.path().join("third.db");
    ok(jobdesk(&third).args(["import", "json"]).arg(&old_file));
    assert_eq!(row(&third, &id)["target_group"], "uddannelsesparat");
}
