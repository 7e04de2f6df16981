//! Mentor hours (issue 16): hours a week and a month from logged minutes, `report mentor` as CSV
//! in both forms, and the agreement-expiry flag.

use std::path::Path;

use chrono::NaiveDate;
use jobdesk::store::{Create, OpenOptions, Store};

use crate::support::{db_in, jobdesk, ok, tmpdir};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn open(db: &Path) -> Store {
    Store::open(db, &OpenOptions::new(Create::No)).unwrap_or_else(|e| panic!("{e}"))
}

fn log(db: &Path, citizen: &str, channel: &str, outcome: &str, minutes: &str, at: &str) {
    ok(jobdesk(db).args([
        "log",
        "add",
        "--citizen",
        citizen,
        "--channel",
        channel,
        "--outcome",
        outcome,
        "--minutes",
        minutes,
        "--at",
        at,
    ]));
}

/// Jens (4 h a week until 7 Dec) with walks and a home visit; Maren (2,5 h) with none; Ole with
/// no agreement but a walk. "Now" is Monday 23 November 2026.
fn case(db: &Path) -> (String, String, String) {
    let add = |name: &str| {
        ok(jobdesk(db).args(["citizen", "add", "--name", name, "--target-group", "other"]))
            .trim()
            .to_string()
    };
    let (jens, maren, ole) = (add("Jens Hansen"), add("Maren Ærø"), add("Ole Olsen"));
    ok(jobdesk(db).args([
        "citizen",
        "set",
        &jens,
        "--mentor-hours",
        "4",
        "--mentor-until",
        "2026-12-07",
    ]));
    ok(jobdesk(db).args(["citizen", "set", &maren, "--mentor-hours", "2.5"]));
    // This week (from Monday 23 Nov): 90 + 120 minutes held, one walk not held.
    log(db, &jens, "walk", "held", "90", "2026-11-23 10:00");
    log(db, &jens, "home_visit", "held", "120", "2026-11-24 10:00");
    log(db, &jens, "walk", "no_show", "60", "2026-11-25 10:00");
    // Earlier in November: a workplace visit; a phone call is no mentor contact.
    log(db, &jens, "workplace", "held", "630", "2026-11-10 13:00");
    log(db, &jens, "phone", "held", "30", "2026-11-11 09:00");
    // October does not count in November.
    log(db, &jens, "walk", "held", "60", "2026-10-30 10:00");
    log(db, &ole, "walk", "held", "45", "2026-11-23 11:00");
    (jens, maren, ole)
}

#[test]
fn hours_a_week_and_a_month_from_logged_minutes() {
    let dir = tmpdir();
    let db = db_in(&dir);
    let (jens, maren, _) = case(&db);
    let store = open(&db);
    let jens: i64 = jens.parse().unwrap_or(-1);
    let maren: i64 = maren.parse().unwrap_or(-1);
    // The week of 23–29 November: 90 + 120 = 210 minutes = 3,5 h of 4.
    assert_eq!(
        store
            .mentor_hours(jens, d("2026-11-23"), d("2026-11-29"))
            .ok(),
        Some(210)
    );
    // November: 210 + 630 = 840 minutes = 14 h.
    assert_eq!(
        store
            .mentor_hours(jens, d("2026-11-01"), d("2026-11-30"))
            .ok(),
        Some(840)
    );
    assert_eq!(
        store
            .mentor_hours(maren, d("2026-11-01"), d("2026-11-30"))
            .ok(),
        Some(0)
    );
    let month = store
        .mentor_month(d("2026-11-15"))
        .unwrap_or_else(|e| panic!("{e}"));
    // Ole has no agreement: not in the summary.
    let names: Vec<&str> = month.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["Jens Hansen", "Maren Ærø"]);
    let j = &month[0];
    assert_eq!(
        (j.weeks, j.agreed_minutes, j.used_minutes),
        (4, 16 * 60, 840)
    );
    assert_eq!(
        jobdesk::i18n::mentor::card_line(
            jobdesk::i18n::Lang::Da,
            210,
            4.0,
            j.used_minutes,
            j.agreed_minutes,
            d("2026-11-23")
        ),
        "3,5 af 4 t denne uge; 14 af 16 t i november"
    );
    // Over every mentor citizen this week: 210 + 45 minutes against 4 + 2,5 h.
    let (used, agreed) = store
        .mentor_hours_all(d("2026-11-23"), d("2026-11-29"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((used, agreed), (255, 6.5));
    // December: the agreement ends Monday 7 Dec, so two of December's five weeks count.
    let dec = store
        .mentor_month(d("2026-12-01"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((dec[0].weeks, dec[0].agreed_minutes), (2, 8 * 60));
}

fn read_csv(bytes: &[u8], excel: bool) -> Vec<Vec<String>> {
    let body = if excel {
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "no BOM");
        &bytes[3..]
    } else {
        assert!(!bytes.starts_with(b"\xEF\xBB\xBF"));
        bytes
    };
    assert!(body.ends_with(b"\r\n"), "records end with CRLF");
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(if excel { b';' } else { b',' })
        .from_reader(body);
    r.records()
        .map(|rec| {
            rec.unwrap_or_else(|e| panic!("{e}"))
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect()
}

#[test]
fn report_mentor_csv_in_both_forms_reads_back() {
    let dir = tmpdir();
    let db = db_in(&dir);
    let (jens, maren, _) = case(&db);
    let plain = jobdesk(&db)
        .args(["report", "mentor", "--month", "2026-11", "--csv"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(plain.status.success());
    let rows = read_csv(&plain.stdout, false);
    assert_eq!(
        rows[0],
        [
            "id",
            "citizen",
            "hours_per_week",
            "weeks",
            "agreed_hours",
            "used_hours",
            "home_visit",
            "walk",
            "workplace",
            "other_channels"
        ]
    );
    assert_eq!(
        rows[1],
        [
            jens.as_str(),
            "Jens Hansen",
            "4",
            "4",
            "16",
            "14",
            "1",
            "1",
            "1",
            "0"
        ]
    );
    assert_eq!(
        rows[2],
        [
            maren.as_str(),
            "Maren Ærø",
            "2.5",
            "4",
            "10",
            "0",
            "0",
            "0",
            "0",
            "0"
        ]
    );
    assert_eq!(rows.len(), 3);

    let excel = jobdesk(&db)
        .args([
            "--lang", "da", "report", "mentor", "--month", "2026-11", "--excel",
        ])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(excel.status.success());
    let rows = read_csv(&excel.stdout, true);
    assert_eq!(
        rows[0],
        [
            "id",
            "borger",
            "timer pr. uge",
            "uger",
            "aftalte timer",
            "brugte timer",
            "hjemmebesøg",
            "gåtur",
            "arbejdsplads",
            "andre kanaler"
        ]
    );
    assert_eq!(rows[2][1], "Maren Ærø");
    assert_eq!(rows[2][2], "2,5");
    assert_eq!(rows[1][5], "14");

    // The default month is this month (November 2026); the table says how it counts.
    let table = ok(jobdesk(&db).args(["report", "mentor"]));
    assert!(table.contains("Mentor hours November 2026"), "{table}");
    assert!(table.contains("Thursday"), "{table}");
    let err = crate::support::bad(jobdesk(&db).args(["report", "mentor", "--month", "11-2026"]));
    assert!(err.contains("YYYY-MM"), "{err}");
}

#[test]
fn expiry_is_flagged_14_days_before_and_not_15() {
    let dir = tmpdir();
    let db = db_in(&dir);
    let id = ok(jobdesk(&db).args([
        "citizen",
        "add",
        "--name",
        "Jens Hansen",
        "--target-group",
        "other",
    ]))
    .trim()
    .to_string();
    // Now is 23 November: 7 December is 14 days ahead.
    ok(jobdesk(&db).args([
        "citizen",
        "set",
        &id,
        "--mentor-hours",
        "4",
        "--mentor-until",
        "2026-12-07",
    ]));
    let today = d("2026-11-23");
    let flagged = |store: &Store| {
        store
            .mentor_expiring(today, jobdesk::store::EXPIRY_DAYS)
            .unwrap_or_else(|e| panic!("{e}"))
    };
    let store = open(&db);
    let list = flagged(&store);
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].2, d("2026-12-07"));
    assert!(jobdesk::store::expires_soon(Some(list[0].2), today));
    assert_eq!(
        jobdesk::i18n::mentor::expires(jobdesk::i18n::Lang::Da, list[0].2),
        "mentoraftale udløber 07.12"
    );
    drop(store);
    ok(jobdesk(&db).args(["citizen", "set", &id, "--mentor-until", "2026-12-08"]));
    let store = open(&db);
    assert!(flagged(&store).is_empty());
    assert!(!jobdesk::store::expires_soon(Some(d("2026-12-08")), today));
}

/// The desk in Danish at 120×30 on the hand-made case, "now" Monday 23 November 09:00.
fn desk(db: &Path) -> jobdesk::ui::app::App {
    let now = d("2026-11-23").and_hms_opt(9, 0, 0).unwrap_or_default();
    let mut a = jobdesk::ui::app::App::new(open(db), jobdesk::i18n::Lang::Da, now)
        .unwrap_or_else(|e| panic!("{e}"));
    a.resize(120, 30);
    a
}

#[test]
fn the_desk_shows_hours_on_the_card_and_the_visits_pane_and_flags_the_expiry_on_today() {
    use crate::desk::{chars, key, screen};
    use ratatui::crossterm::event::KeyCode;
    let dir = tmpdir();
    let db = db_in(&dir);
    case(&db);
    let mut a = desk(&db);
    let today = screen(&a, 120, 30);
    assert!(
        today.contains("mentoraftale udløber 07.12: Jens Hansen"),
        "{today}"
    );
    // Mentor visits, this week: 210 + 45 minutes of 4 + 2,5 hours.
    chars(&mut a, "3");
    let visits = screen(&a, 120, 30);
    assert!(visits.contains("4,3 t af 6,5 t aftalt"), "{visits}");
    // Jens's card.
    // Jens's card: the caseload's first row.
    chars(&mut a, "5");
    key(&mut a, KeyCode::Enter);
    let card = screen(&a, 120, 30);
    assert!(card.contains("Jens Hansen"), "{card}");
    assert!(
        card.contains("3,5 af 4 t denne uge; 14 af 16 t i november"),
        "{card}"
    );
    assert!(card.contains("mentoraftale udløber 07.12"), "{card}");
    drop(a);
    // 15 days ahead: no flag on Today or the card.
    ok(jobdesk(&db).args(["citizen", "set", "1", "--mentor-until", "2026-12-08"]));
    let mut a = desk(&db);
    assert!(!screen(&a, 120, 30).contains("mentoraftale udløber"));
    chars(&mut a, "5");
    key(&mut a, KeyCode::Enter);
    let card = screen(&a, 120, 30);
    assert!(card.contains("i november"), "{card}");
    assert!(!card.contains("mentoraftale udløber"), "{card}");
}

#[test]
fn a_walk_logged_as_reached_counts_as_mentor_hours() {
    let dir = tmpdir();
    let db = db_in(&dir);
    let (_, maren, _) = case(&db);
    // Logged from the command line without an appointment: "reached" is how it took place.
    log(&db, &maren, "walk", "reached", "90", "2026-11-24 10:00");
    log(&db, &maren, "phone", "reached", "30", "2026-11-24 12:00");
    let store = open(&db);
    let maren: i64 = maren.parse().unwrap_or(-1);
    assert_eq!(
        store
            .mentor_hours(maren, d("2026-11-23"), d("2026-11-29"))
            .ok(),
        Some(90),
        "the walk counts, the phone call is no mentor contact"
    );
}
