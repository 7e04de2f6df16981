//! The desk's clock (the time and the next appointment in the header, the current appointment,
//! the minute tick and midnight) and live refresh (another process's change seen without a key).

use std::time::Duration;

use chrono::NaiveDate;
use jobdesk::i18n::Lang;
use jobdesk::ui::app::{Mode, Pane, Row, until_next_minute};
use ratatui::crossterm::event::KeyCode;

use super::{app, demo, now, press, screen};
use crate::support::{jobdesk, ok, tmpdir};

fn at(d: u32, h: u32, m: u32, s: u32) -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, d)
        .and_then(|d| d.and_hms_opt(h, m, s))
        .unwrap()
}

#[test]
fn the_header_shows_the_time_and_the_next_appointment_with_its_countdown() {
    let mut a = app(Lang::En);
    let next = a.next.clone().expect("a planned appointment later today");
    assert!(next.start > a.now);
    let line = screen(&a, 200, 30).lines().next().unwrap().to_string();
    let want = format!(
        "· 09:00 · {}",
        jobdesk::i18n::clock::next_full(Lang::En, a.now, &next)
    );
    assert!(line.ends_with(&want), "{line}");
    assert!(line.contains("in 30 min"), "{line}");
    // Ten minutes on, the countdown says so.
    a.tick_minute(at(23, 9, 10, 0));
    let line = screen(&a, 200, 30).lines().next().unwrap().to_string();
    assert!(line.contains("· 09:10 · next"), "{line}");
    assert!(line.contains("in 20 min"), "{line}");
    // At 80 columns the counts stay whole: the next appointment goes before any is cut.
    let line = screen(&a, 80, 24).lines().next().unwrap().to_string();
    assert!(line.contains("0 overdue"), "{line}");
    assert!(!line.contains("in 20 min"), "{line}");
}

#[test]
fn danish_header_says_naeste_and_om() {
    let a = app(Lang::Da);
    let line = screen(&a, 200, 30).lines().next().unwrap().to_string();
    assert!(line.contains("· 09.00 · næste 09.30"), "{line}");
    assert!(line.contains("om 30 min"), "{line}");
}

#[test]
fn the_minute_timeout_ends_on_the_whole_minute() {
    assert_eq!(until_next_minute(at(23, 9, 0, 0)), Duration::from_secs(60));
    assert_eq!(until_next_minute(at(23, 9, 0, 45)), Duration::from_secs(15));
    let t = at(23, 9, 0, 59) + chrono::Duration::milliseconds(990);
    assert_eq!(until_next_minute(t), Duration::from_millis(10));
}

#[test]
fn the_current_appointment_is_known_and_the_next_moves_on() {
    let mut a = app(Lang::En);
    let next = a.next.clone().unwrap();
    assert!(!a.is_current(&next));
    a.tick_minute(next.start + chrono::Duration::minutes(1));
    assert!(a.is_current(&next));
    assert_ne!(a.next.as_ref().map(|x| x.id), Some(next.id));
}

#[test]
fn at_midnight_today_moves_to_the_new_day_and_a_view_on_another_day_stays() {
    let mut a = app(Lang::En);
    // The Calls pane is left on Wednesday.
    press(&mut a, KeyCode::Char('2'));
    assert_eq!(a.pane, Pane::Calls);
    let wed = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    a.panes[Pane::Calls.index()].date = wed;
    press(&mut a, KeyCode::Char('1'));
    a.tick_minute(at(23, 23, 59, 0));
    assert_eq!(a.today(), now().date());
    a.tick_minute(at(24, 0, 0, 0));
    let tue = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    assert_eq!(a.today(), tue);
    assert_eq!(a.state().date, tue, "Today shows the new day");
    assert_eq!(a.panes[Pane::Calls.index()].date, wed, "left where it was");
    assert_eq!(a.panes[Pane::Log.index()].date, tue);
    let line = screen(&a, 120, 40).lines().next().unwrap().to_string();
    assert!(line.contains("Tuesday 2026-11-24"), "{line}");
    assert!(line.contains("· 00:00"), "{line}");
}

#[test]
fn a_contact_logged_by_another_process_shows_in_the_open_desk() {
    let dir = tmpdir();
    let db = demo(&dir);
    let mut a = app(&db);
    press(&mut a, KeyCode::Char('4'));
    assert_eq!(a.pane, Pane::Log);
    assert!(!a.external_change(), "nothing changed yet");
    let before = a.state().list.total;
    ok(jobdesk(&db).args([
        "log",
        "add",
        "--citizen",
        "2",
        "--channel",
        "phone",
        "--outcome",
        "held",
        "--at",
        "2026-11-23 08:15",
        "--minutes",
        "20",
        "--note",
        "logged from the command line",
    ]));
    assert!(a.external_change(), "the data version moved");
    assert_eq!(a.state().list.total, before + 1);
    let shown = a
        .state()
        .list
        .rows
        .iter()
        .any(|r| matches!(r, Row::Contact(c) if c.note == "logged from the command line"));
    assert!(shown, "{:?}", a.state().list.rows);
    assert!(!a.external_change(), "read once");
}

#[test]
fn the_watcher_sends_within_a_second_of_a_write() {
    let dir = tmpdir();
    let db = demo(&dir);
    let (tx, rx) = std::sync::mpsc::channel();
    let _w = jobdesk::ui::watch::watch_database(&db, move || {
        let _ = tx.send(());
    })
    .expect("the folder can be watched");
    while rx.try_recv().is_ok() {}
    // Another connection writes.
    let c = rusqlite::Connection::open(&db).unwrap();
    c.execute("UPDATE citizens SET summary = 'x' WHERE id = 1", [])
        .unwrap();
    rx.recv_timeout(Duration::from_secs(1))
        .expect("a message within a second");
}

/// The footer (the last line) of the desk at 80×24.
fn footer(a: &jobdesk::ui::app::App) -> String {
    screen(a, 80, 24)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn the_reminder_rings_once_and_shows_a_line_until_esc() {
    let mut a = app(Lang::Da);
    a.config.reminder_minutes = Some(10);
    let next = a.next.clone().expect("a planned appointment at 09.30");
    assert_eq!(next.start, at(23, 9, 30, 0));
    let who = jobdesk::export::ics::short_name(&next.citizen);
    a.tick_minute(at(23, 9, 19, 0));
    assert!(!a.reminder.bell);
    assert!(a.reminder_line().is_none());
    assert_eq!(a.next_reminder_at(), Some(at(23, 9, 20, 0)));
    // Ten minutes before: the bell and the line.
    a.tick_minute(at(23, 9, 20, 0));
    assert!(std::mem::take(&mut a.reminder.bell), "the bell rings");
    let line = footer(&a);
    assert!(
        line.starts_with(&format!(" Om 10 min: 09.30 {who} · ")),
        "{line}"
    );
    assert!(line.contains("Esc lukker"), "{line}");
    assert_eq!(a.next_reminder_at(), None, "no wake-up of its own");
    // A minute on: the line counts down, the bell does not ring again.
    a.tick_minute(at(23, 9, 21, 0));
    assert!(!a.reminder.bell);
    assert!(footer(&a).starts_with(" Om 9 min: 09.30"), "{}", footer(&a));
    // Esc takes it away for good.
    press(&mut a, KeyCode::Esc);
    assert!(!footer(&a).contains("09.30"), "{}", footer(&a));
    a.tick_minute(at(23, 9, 22, 0));
    assert!(a.reminder_line().is_none());
    assert!(!a.reminder.bell);
}

#[test]
fn the_reminder_goes_when_the_appointment_starts_and_is_off_by_default() {
    let mut a = app(Lang::En);
    a.tick_minute(at(23, 9, 25, 0));
    assert!(a.reminder_line().is_none(), "off without reminder_minutes");
    assert!(!a.reminder.bell);
    a.config.reminder_minutes = Some(10);
    a.tick_minute(at(23, 9, 26, 0));
    assert!(std::mem::take(&mut a.reminder.bell));
    assert!(
        footer(&a).starts_with(" In 4 min: 09:30 "),
        "{}",
        footer(&a)
    );
    a.tick_minute(at(23, 9, 30, 0));
    assert!(
        a.reminder_line().is_none_or(|l| !l.contains("09:30")),
        "{:?}",
        a.reminder_line()
    );
}

#[test]
fn an_open_card_shows_a_contact_logged_by_another_process() {
    let dir = tmpdir();
    let db = demo(&dir);
    let mut a = app(&db);
    a.open_card(2).unwrap();
    let Mode::Card(card) = &a.mode else {
        panic!("the card is open")
    };
    let before = card.contacts.len();
    let name = card.citizen.name.clone();
    ok(jobdesk(&db).args([
        "log",
        "add",
        "--citizen",
        "2",
        "--channel",
        "phone",
        "--outcome",
        "held",
        "--at",
        "2026-11-23 08:15",
        "--minutes",
        "20",
        "--note",
        "logged while the card was open",
    ]));
    assert!(a.external_change());
    let Mode::Card(card) = &a.mode else {
        panic!("the card stays open")
    };
    assert_eq!(card.citizen.name, name);
    assert_eq!(card.contacts.len(), before + 1);
    assert!(
        card.contacts
            .iter()
            .any(|c| c.note == "logged while the card was open")
    );
    let shown = screen(&a, 120, 40);
    assert!(shown.contains("logged while the card was open"), "{shown}");
}
