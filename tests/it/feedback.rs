//! The citizen's voice (issue 20): ratings summed up per month and target group by
//! `report feedback` (mean, share 4–5, wishes without names, Danish CSV), the rating's undo,
//! and the "asked for a conversation" mark that clears when a conversation is planned.

use std::path::Path;

use jobdesk::store::{Create, OpenOptions, Store};

use crate::support::{db_in, jobdesk, json, ok, tmpdir};

fn open(db: &Path) -> Store {
    Store::open(db, &OpenOptions::new(Create::No)).unwrap_or_else(|e| panic!("{e}"))
}

fn add(db: &Path, name: &str, group: &str) -> String {
    ok(jobdesk(db).args(["citizen", "add", "--name", name, "--target-group", group]))
        .trim()
        .to_string()
}

/// Logs a held phone call at `at` and rates it `score` with `wish`.
fn rated(db: &Path, citizen: &str, at: &str, score: &str, wish: &str) {
    let contact = ok(jobdesk(db).args([
        "log",
        "add",
        "--citizen",
        citizen,
        "--channel",
        "phone",
        "--outcome",
        "held",
        "--at",
        at,
    ]))
    .trim()
    .to_string();
    let mut cmd = jobdesk(db);
    cmd.args(["log", "feedback", "--contact", &contact, "--score", score]);
    if !wish.is_empty() {
        cmd.args(["--wish", wish]);
    }
    ok(&mut cmd);
}

/// Two dagpenge citizens and one on sygedagpenge, rated in October and November.
fn case(db: &Path) {
    let jens = add(db, "Jens Hansen", "dagpenge");
    let maren = add(db, "Maren Ærø", "dagpenge");
    let ole = add(db, "Ole Olsen", "sygedagpenge");
    rated(db, &jens, "2026-11-02 10:00", "5", "Mere tid til snak");
    rated(db, &maren, "2026-11-09 10:00", "4", "");
    rated(db, &jens, "2026-11-20 10:00", "2", "Kortere ventetid");
    rated(db, &ole, "2026-11-23 09:00", "3", "");
    rated(db, &ole, "2026-10-30 09:00", "5", "Tak");
}

#[test]
fn the_report_sums_up_per_month_and_group_with_a_decimal_comma_in_danish() {
    let dir = tmpdir();
    let db = db_in(&dir);
    case(&db);
    let text = ok(jobdesk(&db).args([
        "--lang",
        "da",
        "report",
        "feedback",
        "--from",
        "01.11.2026",
        "--to",
        "30.11.2026",
    ]));
    assert!(text.contains("Borgernes tilfredshed"), "{text}");
    // Dagpenge in November: (5 + 4 + 2) / 3 = 3,7; two of three rated 4–5 = 66,7 %.
    let dp = text
        .lines()
        .find(|l| l.contains("november 2026") && l.contains("Dagpenge"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(dp.contains("3,7") && dp.contains("66,7"), "{dp}");
    // All groups in November: 14 / 4 = 3,5, half rated 4–5.
    let all = text
        .lines()
        .find(|l| l.contains("Alle"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(all.contains("3,5") && all.contains("50,0"), "{all}");
    assert!(
        !text.contains("oktober"),
        "the range leaves October out: {text}"
    );
    assert!(text.contains("Kortere ventetid"), "{text}");
    assert!(!text.contains("Jens"), "wishes without names: {text}");

    let csv = ok(jobdesk(&db).args(["--lang", "da", "report", "feedback", "--excel"]));
    assert!(csv.starts_with('\u{feff}'), "Excel's BOM");
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines[0],
        "Måned;Målgruppe;Svar;Gennemsnit;Andel 4–5 %;Ønsker"
    );
    assert_eq!(lines[1], "2026-10;Sygedagpengemodtager;1;5,0;100,0;Tak");
    assert!(
        lines.contains(&"2026-11;Dagpengemodtager;3;3,7;66,7;Mere tid til snak | Kortere ventetid"),
        "{csv}"
    );
    assert!(!csv.contains("Jens") && !csv.contains("Maren"), "{csv}");
    let en = ok(jobdesk(&db).args(["--lang", "en", "report", "feedback", "--csv"]));
    assert!(
        en.starts_with("month,target_group,answers,mean,share_4_5_pct,wishes"),
        "{en}"
    );
    assert!(en.contains("2026-11,all,4,3.5,50.0,"), "{en}");
}

#[test]
fn a_rating_is_changed_cleared_and_undone() {
    let dir = tmpdir();
    let db = db_in(&dir);
    let jens = add(&db, "Jens Hansen", "dagpenge");
    let contact: i64 = ok(jobdesk(&db).args([
        "log",
        "add",
        "--citizen",
        &jens,
        "--channel",
        "phone",
        "--outcome",
        "held",
    ]))
    .trim()
    .parse()
    .unwrap_or(-1);
    let mut s = open(&db);
    let undo = s
        .set_feedback(contact, Some(4), "Mere tid")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        s.feedback(contact).ok().flatten(),
        Some((4, "Mere tid".into()))
    );
    s.set_feedback(contact, Some(2), "")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.feedback(contact).ok().flatten(), Some((2, String::new())));
    s.set_feedback(contact, None, "x")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.feedback(contact).ok().flatten(), None);
    s.apply(&[undo]).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        s.feedback(contact).ok().flatten(),
        None,
        "the first undo puts back 'none'"
    );
    assert!(s.set_feedback(contact, Some(6), "").is_err());
}

#[test]
fn the_requested_mark_shows_and_clears_when_a_conversation_is_planned() {
    let dir = tmpdir();
    let db = db_in(&dir);
    let jens = add(&db, "Jens Hansen", "other");
    let ole = add(&db, "Ole Olsen", "other");
    ok(jobdesk(&db).args(["citizen", "request", &jens, "--date", "20.11.2026"]));
    let list = json(&ok(jobdesk(&db).args(["citizens", "--json"])));
    let find = |list: &serde_json::Value, id: &str| {
        list.as_array()
            .and_then(|a| {
                a.iter()
                    .find(|c| c["id"].as_i64().map(|i| i.to_string()).as_deref() == Some(id))
                    .cloned()
            })
            .unwrap_or_default()
    };
    assert_eq!(find(&list, &jens)["requested"], "2026-11-20");
    assert!(find(&list, &ole)["requested"].is_null());
    // "Other" has no deadline, yet Jens is in the due list (first) while Ole is not.
    let s = open(&db);
    let due = s
        .due_citizens(
            chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default(),
            "",
            0,
            50,
        )
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        due.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(),
        ["Jens Hansen"]
    );
    drop(s);
    // A mentor visit does not answer it; a conversation planned after the request does.
    ok(jobdesk(&db).args([
        "plan",
        "--citizen",
        &jens,
        "--at",
        "2026-11-25 10:00",
        "--channel",
        "home_visit",
        "--kind",
        "mentor_visit",
    ]));
    assert_eq!(
        find(&json(&ok(jobdesk(&db).args(["citizens", "--json"]))), &jens)["requested"],
        "2026-11-20"
    );
    ok(jobdesk(&db).args([
        "plan",
        "--citizen",
        &jens,
        "--at",
        "2026-11-26 10:00",
        "--channel",
        "phone",
    ]));
    assert!(
        find(&json(&ok(jobdesk(&db).args(["citizens", "--json"]))), &jens)["requested"].is_null()
    );
    // Set again and cleared by hand.
    ok(jobdesk(&db).args(["citizen", "request", &ole]));
    let list = json(&ok(jobdesk(&db).args(["citizens", "--json"])));
    assert!(find(&list, &ole)["requested"].is_string());
    ok(jobdesk(&db).args(["citizen", "request", &ole, "--clear"]));
    assert!(
        find(&json(&ok(jobdesk(&db).args(["citizens", "--json"]))), &ole)["requested"].is_null()
    );
}

#[test]
fn undoing_a_plan_brings_the_request_back() {
    let dir = tmpdir();
    let db = db_in(&dir);
    let jens: i64 = add(&db, "Jens Hansen", "other").parse().unwrap_or(-1);
    let mut s = open(&db);
    let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap_or_default();
    s.set_requested(jens, Some(day(20)))
        .unwrap_or_else(|e| panic!("{e}"));
    let (_, undo) = s
        .plan(&jobdesk::domain::NewAppointment {
            uuid: "u-1".into(),
            citizen_id: jens,
            kind: jobdesk::domain::Kind::Conversation,
            start: day(24).and_hms_opt(10, 0, 0).unwrap_or_default(),
            minutes: 30,
            channel: jobdesk::domain::Channel::Phone,
            place: String::new(),
            status: jobdesk::domain::Status::Planned,
            reason: String::new(),
        })
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.requested(jens).ok().flatten(), None);
    s.apply(&[undo]).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(s.requested(jens).ok().flatten(), Some(day(20)));
}
