//! The record stays right (issue 12): marking again replaces the earlier outcome, entries are
//! corrected and deleted (audited, undoable), and `check` finds an appointment marked twice. The
//! real binary on a copy of a generated caseload, and the store in-process where an undo is
//! needed (the desk's undo lives only while it is open).

use std::path::Path;

use jobdesk::store::{ContactEdit, Create, OpenOptions, Store};
use serde_json::Value;

use crate::support::*;

/// A new citizen in the caseload whose first conversation is due within a week of the start.
fn new_citizen(db: &Path) -> i64 {
    ok(jobdesk(db).args([
        "citizen",
        "add",
        "--name",
        "Rita Rettesen",
        "--target-group",
        "kontanthjaelp_jobparat",
        "--benefit-start",
        "2026-11-20",
    ]))
    .trim()
    .parse()
    .unwrap_or_else(|e| panic!("citizen id: {e}"))
}

/// A conversation in person this morning (before "now", 09:00), planned; its id. (In person:
/// a citizen's first conversation by phone does not count unless confirmed.)
fn planned(db: &Path, citizen: i64, at: &str) -> i64 {
    ok(jobdesk(db).args([
        "plan",
        "--citizen",
        &citizen.to_string(),
        "--at",
        at,
        "--channel",
        "in_person",
    ]))
    .trim()
    .parse()
    .unwrap_or_else(|e| panic!("appointment id: {e}"))
}

fn mark(db: &Path, appointment: i64, status: &str) -> i64 {
    ok(jobdesk(db).args([
        "mark",
        "--appointment",
        &appointment.to_string(),
        "--status",
        status,
    ]))
    .trim()
    .parse()
    .unwrap_or_else(|e| panic!("contact id: {e}"))
}

/// The citizen's live entries, as `log list --json` gives them.
fn entries_of(db: &Path, citizen: i64) -> Vec<Value> {
    json(&ok(jobdesk(db).args([
        "log",
        "list",
        "--citizen",
        &citizen.to_string(),
        "--json",
    ])))
    .as_array()
    .cloned()
    .unwrap_or_default()
}

fn due(db: &Path, citizen: i64) -> Value {
    let all = json(&ok(jobdesk(db).args(["citizens", "--json"])));
    all.as_array()
        .and_then(|a| a.iter().find(|c| c["id"] == citizen))
        .map(|c| c["next_due"].clone())
        .unwrap_or_else(|| panic!("citizen {citizen} not listed"))
}

fn status_of(db: &Path, appointment: i64, day: &str) -> String {
    let list = json(&ok(jobdesk(db).args(["agenda", "--date", day, "--json"])));
    list.as_array()
        .and_then(|a| a.iter().find(|x| x["id"] == appointment))
        .map(|x| x["status"].as_str().unwrap_or("").to_string())
        .unwrap_or_else(|| "(not listed)".into())
}

fn store(db: &Path) -> Store {
    Store::open(db, &OpenOptions::new(Create::No)).unwrap_or_else(|e| panic!("{e:#}"))
}

fn now() -> chrono::NaiveDateTime {
    chrono::NaiveDateTime::parse_from_str(NOW, "%Y-%m-%dT%H:%M").unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn marking_held_twice_leaves_one_entry_and_held_then_no_show_leaves_the_no_show() {
    let dir = tmpdir();
    let db = generated(&dir, 40);
    let citizen = new_citizen(&db);
    assert_eq!(due(&db, citizen), "2026-11-27");
    let a = planned(&db, citizen, "2026-11-23T08:00");

    let first = mark(&db, a, "held");
    let after_held = due(&db, citizen);
    assert_ne!(
        after_held, "2026-11-27",
        "a held conversation moves the due date"
    );
    // Marked held again (in Danish words): still one entry, and the same due date.
    let second = mark(&db, a, "afholdt");
    assert_ne!(first, second);
    let list = entries_of(&db, citizen);
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0]["id"], second);
    assert_eq!(list[0]["counts"], true);
    assert_eq!(due(&db, citizen), after_held);

    // Held, then no-show: one entry, a no-show that does not count, the due date as before.
    let err = String::from_utf8_lossy(
        &jobdesk(&db)
            .args([
                "mark",
                "--appointment",
                &a.to_string(),
                "--status",
                "no_show",
            ])
            .output()
            .unwrap_or_else(|e| panic!("{e}"))
            .stderr,
    )
    .into_owned();
    assert!(err.contains("replaces contact"), "{err}");
    let list = entries_of(&db, citizen);
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0]["outcome"], "no_show");
    assert_eq!(list[0]["counts"], false);
    assert_eq!(due(&db, citizen), "2026-11-27");
    assert_eq!(status_of(&db, a, "2026-11-23"), "no_show");
    // `check` finds nothing wrong.
    ok(jobdesk(&db).arg("check"));
}

#[test]
fn a_re_mark_keeps_the_note_and_its_undo_brings_the_earlier_entry_back() {
    let dir = tmpdir();
    let db = generated(&dir, 40);
    let citizen = new_citizen(&db);
    let a = planned(&db, citizen, "2026-11-23T08:00");
    let held = ok(jobdesk(&db).args([
        "mark",
        "--appointment",
        &a.to_string(),
        "--status",
        "held",
        "--note",
        "-5 kr. til transport",
    ]))
    .trim()
    .parse::<i64>()
    .unwrap_or_else(|e| panic!("{e}"));

    let mut s = store(&db);
    let marked = s
        .mark_appointment(a, jobdesk::domain::Status::NoShow, None, now())
        .unwrap_or_else(|e| panic!("{e:#}"));
    assert_eq!(marked.replaced, vec![held]);
    let c = s
        .contact(marked.contact_id)
        .unwrap_or_else(|e| panic!("{e:#}"));
    assert_eq!(
        c.note, "-5 kr. til transport",
        "the note stays with the outcome"
    );
    s.apply(&marked.undo).unwrap_or_else(|e| panic!("{e:#}"));
    drop(s);

    let list = entries_of(&db, citizen);
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0]["id"], held);
    assert_eq!(list[0]["outcome"], "held");
    assert_eq!(list[0]["note"], "-5 kr. til transport");
    assert_eq!(status_of(&db, a, "2026-11-23"), "held");
    assert_ne!(due(&db, citizen), "2026-11-27");
}

#[test]
fn a_moved_appointment_marked_again_takes_its_untouched_new_time_with_it_and_undo_restores_it() {
    let dir = tmpdir();
    let db = generated(&dir, 40);
    let citizen = new_citizen(&db);
    let a = planned(&db, citizen, "2026-11-23T08:00");
    let moved_to = chrono::NaiveDateTime::parse_from_str("2026-11-25T13:00", "%Y-%m-%dT%H:%M")
        .unwrap_or_else(|e| panic!("{e}"));
    let mut s = store(&db);
    let moved = s
        .mark_appointment(a, jobdesk::domain::Status::Moved, Some(moved_to), now())
        .unwrap_or_else(|e| panic!("{e:#}"));
    let follow_up = moved
        .new_appointment
        .unwrap_or_else(|| panic!("no new time"));
    let held = s
        .mark_appointment(a, jobdesk::domain::Status::Held, None, now())
        .unwrap_or_else(|e| panic!("{e:#}"));
    drop(s);
    assert_eq!(status_of(&db, follow_up, "2026-11-25"), "(not listed)");
    assert_eq!(entries_of(&db, citizen).len(), 1);

    let mut s = store(&db);
    s.apply(&held.undo).unwrap_or_else(|e| panic!("{e:#}"));
    drop(s);
    assert_eq!(status_of(&db, follow_up, "2026-11-25"), "planned");
    assert_eq!(status_of(&db, a, "2026-11-23"), "moved");
    let list = entries_of(&db, citizen);
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0]["outcome"], "moved");
}

#[test]
fn log_edit_changes_exactly_that_entry_and_the_audit_log_names_the_fields_not_the_note() {
    let dir = tmpdir();
    let db = generated(&dir, 40);
    let range = ["--from", "2026-11-01", "--to", "2026-11-30", "--json"];
    let before = json(&ok(jobdesk(&db).args(["log", "list"]).args(range)));
    let before = before.as_array().cloned().unwrap_or_default();
    assert!(before.len() > 3, "the caseload has a log: {before:?}");
    let target = before[before.len() / 2].clone();
    let id = target["id"].as_i64().unwrap_or_default();

    let said = ok(jobdesk(&db).args([
        "log",
        "edit",
        "--contact",
        &id.to_string(),
        "--minutes",
        "47",
        "--note",
        "-Hemmelig rettelse",
    ]));
    assert!(said.contains(&format!("contact {id} corrected")), "{said}");

    let after = json(&ok(jobdesk(&db).args(["log", "list"]).args(range)));
    let after = after.as_array().cloned().unwrap_or_default();
    assert_eq!(after.len(), before.len());
    for (b, a) in before.iter().zip(&after) {
        if b["id"] == id {
            assert_eq!(a["minutes"], 47);
            assert_eq!(a["note"], "-Hemmelig rettelse");
            for key in ["at", "citizen_id", "kind", "channel", "outcome", "counts"] {
                assert_eq!(a[key], b[key], "{key} unchanged");
            }
        } else {
            assert_eq!(
                a.to_string(),
                b.to_string(),
                "the other entries are untouched"
            );
        }
    }
    let audit = ok(jobdesk(&db).args(["audit", "--json"]));
    let entries = json(&audit);
    let last = entries
        .as_array()
        .and_then(|a| a.last())
        .cloned()
        .unwrap_or_default();
    assert_eq!(last["action"], "correct_contact");
    assert_eq!(last["citizen_id"], target["citizen_id"]);
    assert!(
        last["detail"]
            .as_str()
            .unwrap_or("")
            .contains("minutes,note"),
        "{last}"
    );
    assert!(
        !audit.contains("Hemmelig"),
        "no note text in the audit log: {audit}"
    );

    // The same through the store: the returned change undoes it, and the undo is audited too.
    let mut s = store(&db);
    let undo = s
        .edit_contact(
            id,
            &ContactEdit {
                channel: Some(jobdesk::domain::Channel::Video),
                ..Default::default()
            },
            now(),
        )
        .unwrap_or_else(|e| panic!("{e:#}"));
    s.apply(&[undo]).unwrap_or_else(|e| panic!("{e:#}"));
    drop(s);
    let again = json(&ok(jobdesk(&db).args(["log", "list"]).args(range)));
    assert_eq!(again.to_string(), Value::Array(after).to_string());
    let audit = json(&ok(jobdesk(&db).args(["audit", "--json"])));
    let corrections = audit
        .as_array()
        .map(|a| {
            a.iter()
                .filter(|e| e["action"] == "correct_contact")
                .count()
        })
        .unwrap_or_default();
    assert_eq!(corrections, 3, "the edit, the second edit and its undo");
}

#[test]
fn log_delete_removes_the_entry_its_undo_restores_it_and_an_outcome_frees_its_appointment() {
    let dir = tmpdir();
    let db = generated(&dir, 40);
    let citizen = new_citizen(&db);
    let a = planned(&db, citizen, "2026-11-23T08:00");
    let held = mark(&db, a, "held");

    // Without a terminal and without --yes: refused, nothing deleted.
    let err = bad(jobdesk(&db).args(["log", "delete", "--contact", &held.to_string()]));
    assert!(err.contains("--yes"), "{err}");
    assert_eq!(entries_of(&db, citizen).len(), 1);

    ok(jobdesk(&db).args(["log", "delete", "--contact", &held.to_string(), "--yes"]));
    assert!(entries_of(&db, citizen).is_empty());
    assert_eq!(status_of(&db, a, "2026-11-23"), "planned");
    assert_eq!(due(&db, citizen), "2026-11-27");
    let audit = json(&ok(jobdesk(&db).args(["audit", "--json"])));
    assert!(
        audit.as_array().is_some_and(|a| a
            .iter()
            .any(|e| e["action"] == "delete_contact" && e["citizen_id"] == citizen)),
        "{audit}"
    );

    // Deleting the marked-again entry in the store, then undoing it: as before.
    let again = mark(&db, a, "held");
    let mut s = store(&db);
    let undo = s
        .delete_contact(again, now())
        .unwrap_or_else(|e| panic!("{e:#}"));
    drop(s);
    assert!(entries_of(&db, citizen).is_empty());
    let mut s = store(&db);
    s.apply(&[undo]).unwrap_or_else(|e| panic!("{e:#}"));
    drop(s);
    let list = entries_of(&db, citizen);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["id"], again);
    assert_eq!(status_of(&db, a, "2026-11-23"), "held");
    assert_ne!(due(&db, citizen), "2026-11-27");
}

#[test]
fn check_finds_an_appointment_with_two_live_outcomes() {
    let dir = tmpdir();
    let db = generated(&dir, 40);
    let citizen = new_citizen(&db);
    let a = planned(&db, citizen, "2026-11-23T08:00");
    let held = mark(&db, a, "held");
    ok(jobdesk(&db).arg("check"));
    {
        let conn = rusqlite::Connection::open(&db).unwrap_or_else(|e| panic!("{e}"));
        conn.execute(
            "INSERT INTO contacts (uuid, citizen_id, appointment_id, at, channel, outcome, minutes,
                                   note, counts, created_at)
             SELECT 'planted-twin', citizen_id, appointment_id, at, channel, outcome, minutes,
                    note, counts, created_at FROM contacts WHERE id = ?1",
            [held],
        )
        .unwrap_or_else(|e| panic!("{e}"));
    }
    let out = jobdesk(&db)
        .arg("check")
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(&format!(
            "appointment {a} (23.11.2026 08.00) has 2 live outcomes: {held}, "
        )),
        "{stdout}"
    );
    // Deleting the duplicate mends it, and the appointment stays held.
    let twin = entries_of(&db, citizen)
        .iter()
        .filter_map(|e| e["id"].as_i64())
        .find(|&id| id != held)
        .unwrap_or_else(|| panic!("the planted twin is listed"));
    ok(jobdesk(&db).args(["log", "delete", "--contact", &twin.to_string(), "--yes"]));
    ok(jobdesk(&db).arg("check"));
    assert_eq!(status_of(&db, a, "2026-11-23"), "held");
}

#[test]
fn unknown_or_deleted_ids_and_refused_values_get_exit_2_in_the_users_language() {
    let dir = tmpdir();
    let db = generated(&dir, 40);
    let citizen = new_citizen(&db);
    let a = planned(&db, citizen, "2026-11-23T08:00");
    let held = mark(&db, a, "held");
    let id = held.to_string();
    let snapshot = || ok(jobdesk(&db).args(["log", "list", "--from", "2020-01-01", "--json"]));
    let before = snapshot();

    let err = bad(jobdesk(&db).args(["log", "edit", "--contact", "999999", "--minutes", "5"]));
    assert!(err.contains("no contact with id 999999"), "{err}");
    let err = bad(jobdesk(&db).args([
        "--lang",
        "da",
        "log",
        "delete",
        "--contact",
        "999999",
        "--yes",
    ]));
    assert!(err.contains("der er ingen kontakt med id 999999"), "{err}");
    let err = bad(jobdesk(&db).args(["mark", "--appointment", "999999", "--status", "held"]));
    assert!(err.contains("no appointment with id 999999"), "{err}");
    let err = bad(jobdesk(&db).args(["mark", "--appointment", &a.to_string(), "--status", "soon"]));
    assert!(err.contains("--status"), "{err}");
    let err = bad(jobdesk(&db).args(["log", "edit", "--contact", &id]));
    assert!(err.contains("at least one change"), "{err}");
    let err = bad(jobdesk(&db).args(["log", "edit", "--contact", &id, "--minutes", "-5"]));
    assert!(err.contains("-5 minutes"), "{err}");
    let err = bad(jobdesk(&db).args(["log", "edit", "--contact", &id, "--minutes", "2000"]));
    assert!(err.contains("2000 minutes"), "{err}");
    let err = bad(jobdesk(&db).args(["log", "edit", "--contact", &id, "--channel", "fax"]));
    assert!(err.contains("--channel"), "{err}");
    let err = bad(jobdesk(&db).args(["log", "edit", "--contact", &id, "--outcome", "reached"]));
    assert!(
        err.contains(&format!("outcome of appointment {a}")),
        "{err}"
    );
    let err = bad(jobdesk(&db).args([
        "--lang",
        "da",
        "log",
        "edit",
        "--contact",
        &id,
        "--outcome",
        "reached",
    ]));
    assert!(err.contains(&format!("udfaldet af aftale {a}")), "{err}");
    assert_eq!(snapshot(), before, "nothing was written");

    ok(jobdesk(&db).args(["log", "delete", "--contact", &id, "--yes"]));
    let err = bad(jobdesk(&db).args(["log", "edit", "--contact", &id, "--note", "x"]));
    assert!(err.contains(&format!("contact {id} is deleted")), "{err}");
    let err = bad(jobdesk(&db).args(["--lang", "da", "log", "delete", "--contact", &id, "--yes"]));
    assert!(err.contains(&format!("kontakt {id} er slettet")), "{err}");
}

#[test]
fn log_list_shows_a_day_in_time_order_in_either_language() {
    let dir = tmpdir();
    let db = generated(&dir, 40);
    let list = json(&ok(jobdesk(&db).args([
        "log",
        "list",
        "--date",
        "2026-11-20",
        "--json",
    ])));
    let rows = list.as_array().cloned().unwrap_or_default();
    assert!(!rows.is_empty(), "a generated Friday has a log");
    let keys = [
        "id",
        "at",
        "citizen_id",
        "citizen",
        "kind",
        "channel",
        "outcome",
        "minutes",
        "counts",
        "transferred",
        "note",
    ];
    for r in &rows {
        let obj = r.as_object().unwrap_or_else(|| panic!("{r}"));
        assert_eq!(obj.len(), keys.len(), "{r}");
        for k in keys {
            assert!(obj.contains_key(k), "{k} in {r}");
        }
        let at = r["at"].as_str().unwrap_or("");
        assert!(at.starts_with("2026-11-20T") && at.len() == 16, "{r}");
    }
    let ats: Vec<&str> = rows
        .iter()
        .map(|r| r["at"].as_str().unwrap_or(""))
        .collect();
    let mut sorted = ats.clone();
    sorted.sort();
    assert_eq!(ats, sorted);
    let plain = ok(jobdesk(&db).args(["log", "list", "--date", "20.11.2026", "--lang", "da"]));
    assert!(plain.starts_with("    id  tid"), "{plain}");
    // A long name is cut to its column: its first word is there.
    let first = rows[0]["citizen"].as_str().unwrap_or("");
    let first = first.split(' ').next().unwrap_or(first);
    assert!(plain.contains(first), "{plain}");
    let err = bad(jobdesk(&db).args(["log", "list", "--from", "2026-11-20", "--to", "2026-11-01"]));
    assert!(err.contains("first day first"), "{err}");
}

#[test]
fn an_older_database_keeps_its_audit_log_when_corrections_join_it() {
    use jobdesk::store::{MIGRATIONS, migrate};
    let mut conn = rusqlite::Connection::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
    let before: Vec<_> = MIGRATIONS
        .iter()
        .filter(|m| m.version <= 6)
        .cloned()
        .collect();
    migrate(&mut conn, &before).unwrap_or_else(|e| panic!("{e:#}"));
    conn.execute(
        "INSERT INTO audit (at, os_user, action, citizen_id, rows, detail)
         VALUES ('2026-11-20T10:00:00', 'kim', 'reveal_cpr', 4, 1, '')",
        [],
    )
    .unwrap_or_else(|e| panic!("{e}"));
    migrate(&mut conn, &MIGRATIONS).unwrap_or_else(|e| panic!("{e:#}"));
    let kept: (String, String, i64) = conn
        .query_row("SELECT os_user, action, citizen_id FROM audit", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(kept, ("kim".into(), "reveal_cpr".into(), 4));
    conn.execute(
        "INSERT INTO audit (at, action, detail) VALUES ('2026-11-23T09:00:00', 'correct_contact', 'contact 1: note')",
        [],
    )
    .unwrap_or_else(|e| panic!("{e}"));
}
