//! The transfer queue through the real binary: `log pending` lists exactly the live contacts not
//! yet transferred, oldest first, with their age in working days; `log note` prints the
//! journal-ready text in both languages; `log transferred` marks one, a day's or a citizen's
//! entries and `--undo` takes the mark away again.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::Value;

use crate::support::{bad, generated, jobdesk, json, ok, tmpdir};

/// Every live entry of the log, through `log list --json`.
fn whole_log(db: &std::path::Path) -> Vec<Value> {
    let out = ok(jobdesk(db).args([
        "log",
        "list",
        "--from",
        "2000-01-01",
        "--to",
        "2099-12-31",
        "--json",
    ]));
    json(&out).as_array().unwrap().clone()
}

/// The generated caseload with five entries added out of time order, none transferred.
fn with_pending() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tmpdir();
    let db = generated(&dir, 12);
    for (citizen, at, outcome) in [
        ("2", "2026-11-20T14:00", "held"),
        ("1", "2026-11-10T09:30", "not_reached"),
        ("3", "2026-11-23T08:00", "reached"),
        ("1", "2026-11-18T11:00", "held"),
        ("2", "2026-11-23T08:30", "message_left"),
    ] {
        ok(jobdesk(&db).args([
            "log",
            "add",
            "--citizen",
            citizen,
            "--channel",
            "phone",
            "--outcome",
            outcome,
            "--at",
            at,
            "--note",
            "til overførsel",
        ]));
    }
    (dir, db)
}

fn pending(db: &std::path::Path) -> Vec<Value> {
    json(&ok(jobdesk(db).args(["log", "pending", "--json"])))
        .as_array()
        .unwrap()
        .clone()
}

fn ids(rows: &[Value]) -> Vec<i64> {
    rows.iter().map(|r| r["id"].as_i64().unwrap()).collect()
}

#[test]
fn pending_lists_exactly_the_untransferred_live_contacts_oldest_first() {
    let (_dir, db) = with_pending();
    let mut want: Vec<Value> = whole_log(&db)
        .into_iter()
        .filter(|r| r["transferred"].is_null())
        .collect();
    want.sort_by_key(|r| (r["at"].as_str().unwrap().to_string(), r["id"].as_i64()));
    let got = pending(&db);
    assert!(got.len() >= 5, "{got:?}");
    assert_eq!(got[0]["at"], "2026-11-10T09:30");
    assert_eq!(got[0]["age_days"], 9);
    assert_eq!(got[0]["too_old"], true);
    assert_eq!(ids(&got), ids(&want));
    for (g, w) in got.iter().zip(&want) {
        for key in [
            "at",
            "citizen_id",
            "citizen",
            "kind",
            "channel",
            "outcome",
            "minutes",
            "counts",
            "note",
        ] {
            assert_eq!(g[key], w[key], "{key}");
        }
        assert!(g["transferred"].is_null());
        let age = g["age_days"].as_u64().unwrap();
        assert_eq!(g["too_old"].as_bool().unwrap(), age > 2, "{g}");
    }
    // Oldest first: the ages never grow down the list.
    let ages: Vec<u64> = got
        .iter()
        .map(|r| r["age_days"].as_u64().unwrap())
        .collect();
    assert!(ages.windows(2).all(|w| w[0] >= w[1]), "{ages:?}");

    // A deleted entry leaves the queue.
    let first = got[0]["id"].as_i64().unwrap().to_string();
    ok(jobdesk(&db).args(["log", "delete", "--contact", &first, "--yes"]));
    assert_eq!(ids(&pending(&db)), ids(&got[1..]));

    // The plain table ends with the count.
    let plain = ok(jobdesk(&db).args(["log", "pending"]));
    assert!(
        plain.contains(&format!("{} to transfer", got.len() - 1)),
        "{plain}"
    );
    let da = ok(jobdesk(&db)
        .env("LANG", "da_DK.UTF-8")
        .args(["log", "pending"]));
    assert!(
        da.contains(&format!("{} til overførsel", got.len() - 1)),
        "{da}"
    );
}

#[test]
fn transferred_marks_one_a_day_or_a_citizen_and_undo_takes_it_back() {
    let (_dir, db) = with_pending();
    let before = pending(&db);
    let one = before[0]["id"].as_i64().unwrap();
    let out = ok(jobdesk(&db).args(["log", "transferred", "--contact", &one.to_string()]));
    assert_eq!(out.trim(), "1 contact marked transferred");
    assert_eq!(ids(&pending(&db)), ids(&before[1..]));
    // Marking it again changes nothing.
    let out = ok(jobdesk(&db).args(["log", "transferred", "--contact", &one.to_string()]));
    assert_eq!(out.trim(), "0 contacts marked transferred");
    let out = ok(jobdesk(&db).args([
        "log",
        "transferred",
        "--contact",
        &one.to_string(),
        "--undo",
    ]));
    assert_eq!(out.trim(), "1 contact marked not transferred");
    assert_eq!(ids(&pending(&db)), ids(&before));

    // A citizen's pending entries, all at once.
    let citizen = before[0]["citizen_id"].as_i64().unwrap();
    let theirs = before.iter().filter(|r| r["citizen_id"] == citizen).count();
    let out = ok(jobdesk(&db).args(["log", "transferred", "--citizen", &citizen.to_string()]));
    assert_eq!(out.trim(), contacts_marked(theirs));
    assert!(pending(&db).iter().all(|r| r["citizen_id"] != citizen));

    // A day's entries (today's, the 23rd).
    let today = before
        .iter()
        .filter(|r| {
            r["at"].as_str().unwrap().starts_with("2026-11-23") && r["citizen_id"] != citizen
        })
        .count();
    let out = ok(jobdesk(&db).args(["log", "transferred", "--date", "23.11.2026"]));
    assert_eq!(out.trim(), contacts_marked(today));
    assert!(
        pending(&db)
            .iter()
            .all(|r| !r["at"].as_str().unwrap().starts_with("2026-11-23"))
    );
    // The log shows the day of the transfer.
    assert!(
        whole_log(&db)
            .iter()
            .filter(|r| r["at"].as_str().unwrap().starts_with("2026-11-23"))
            .all(|r| r["transferred"] == "2026-11-23")
    );

    // Undo of a citizen: every one of their entries not transferred (the generated older ones too).
    ok(jobdesk(&db).args([
        "log",
        "transferred",
        "--citizen",
        &citizen.to_string(),
        "--undo",
    ]));
    let log = whole_log(&db);
    assert!(
        log.iter()
            .filter(|r| r["citizen_id"] == citizen)
            .all(|r| r["transferred"].is_null())
    );

    // No selection, two selections, an unknown contact: exit 2.
    bad(jobdesk(&db).args(["log", "transferred"]));
    bad(jobdesk(&db).args(["log", "transferred", "--contact", "1", "--citizen", "1"]));
    let err = bad(jobdesk(&db).args(["log", "transferred", "--contact", "999999"]));
    assert!(err.contains("999999"), "{err}");
}

/// A small database: one citizen, one held conversation with a note, and the next one planned.
fn one_conversation() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tmpdir();
    let db = dir.path().join("jobdesk.db");
    ok(jobdesk(&db).args([
        "citizen",
        "add",
        "--name",
        "Åse Ørsted",
        "--target-group",
        "Sygedagpenge",
        "--benefit-start",
        "01.11.2026",
    ]));
    ok(jobdesk(&db).args([
        "log",
        "add",
        "--citizen",
        "1",
        "--channel",
        "phone",
        "--outcome",
        "held",
        "--at",
        "2026-11-20T10:30",
        "--minutes",
        "30",
        "--note",
        "Aftalt praktik hos Netto.\nCV opdateret.",
    ]));
    ok(jobdesk(&db).args([
        "plan",
        "--citizen",
        "1",
        "--at",
        "2026-12-01T09:00",
        "--channel",
        "fremmøde",
    ]));
    ok(jobdesk(&db).args([
        "log",
        "add",
        "--citizen",
        "1",
        "--channel",
        "sms",
        "--outcome",
        "message_left",
        "--at",
        "2026-11-23T08:15",
        "--note",
        "Påmindelse sendt.",
    ]));
    (dir, db)
}

#[test]
fn note_prints_the_journal_text_in_both_languages() {
    let (_dir, db) = one_conversation();
    let en = ok(jobdesk(&db).args(["log", "note", "--contact", "1"]));
    insta::assert_snapshot!("journal_note_en", en);
    let da = ok(jobdesk(&db)
        .env("LANG", "da_DK.UTF-8")
        .args(["log", "note", "--contact", "1"]));
    insta::assert_snapshot!("journal_note_da", da);
    let sms = ok(jobdesk(&db)
        .env("LANG", "da_DK.UTF-8")
        .args(["log", "note", "--contact", "2"]));
    insta::assert_snapshot!("journal_note_not_held_da", sms);

    // The pending list: the older one first, with its age (Friday → Monday: 1 working day).
    let p = pending(&db);
    assert_eq!(ids(&p), [1, 2]);
    assert_eq!(p[0]["age_days"], 1);
    assert_eq!(p[1]["age_days"], 0);

    // A template from the config file.
    let config = db.with_file_name("config.toml");
    std::fs::write(
        &config,
        "journal_template_en = \"{date}|{outcome}|{counts}|{note}\"\n",
    )
    .unwrap();
    let out =
        ok(jobdesk(&db)
            .env("JOBDESK_CONFIG", &config)
            .args(["log", "note", "--contact", "2"]));
    assert_eq!(
        out,
        "2026-11-23|message left|no (not held)|Påmindelse sendt.\n"
    );
    std::fs::write(&config, "journal_template_en = \"{date} {nope}\"\n").unwrap();
    let err =
        bad(jobdesk(&db)
            .env("JOBDESK_CONFIG", &config)
            .args(["log", "note", "--contact", "2"]));
    assert!(err.contains("{nope}"), "{err}");
    std::fs::write(&config, "transfer_max_days = 0\n").unwrap();
    let out = ok(jobdesk(&db)
        .env("JOBDESK_CONFIG", &config)
        .args(["log", "pending", "--json"]));
    let p = json(&out);
    assert_eq!(p[0]["too_old"], true);
    assert_eq!(p[1]["too_old"], false);
}

/// "1 contact marked transferred", "2 contacts marked transferred".
fn contacts_marked(n: usize) -> String {
    let noun = if n == 1 { "contact" } else { "contacts" };
    format!("{n} {noun} marked transferred")
}
