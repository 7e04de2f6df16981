//! Issue 12 in the desk: one outcome per appointment. Re-marking asks, then replaces the
//! earlier outcome; undo brings the earlier one back. Driven by keys only.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use jobdesk::domain::{Outcome, Status};
use jobdesk::store::ContactFilter;
use ratatui::crossterm::event::KeyCode;

use super::{app, demo, press, select_appointment, select_planned, typ};

/// The live log entries of one appointment.
fn outcomes(a: &jobdesk::ui::app::App, id: i64) -> Vec<(Outcome, String, bool)> {
    a.store
        .contacts(&ContactFilter::default(), 0, 100_000)
        .unwrap()
        .into_iter()
        .filter(|c| c.appointment_id == Some(id))
        .map(|c| (c.outcome, c.note, c.counts))
        .collect()
}

/// `h` on a planned call that has not begun: the desk asks, `y` marks, a note is typed.
fn hold_with_note(a: &mut jobdesk::ui::app::App, note: &str) {
    press(a, KeyCode::Char('h'));
    press(a, KeyCode::Char('y'));
    typ(a, note);
    press(a, KeyCode::Enter);
}

#[test]
fn h_twice_on_one_call_leaves_one_live_held_contact() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(&dir);
    let mut a = app(&path);
    let id = select_planned(&mut a);
    hold_with_note(&mut a, "first");
    assert_eq!(outcomes(&a, id).len(), 1);
    // The selection moved on to the next planned call: back to this one.
    select_appointment(&mut a, id);
    // Again: "Already held – …?" — yes; the note is kept when none is typed.
    press(&mut a, KeyCode::Char('h'));
    press(&mut a, KeyCode::Char('y'));
    press(&mut a, KeyCode::Enter);
    let live = outcomes(&a, id);
    assert_eq!(live.len(), 1, "{live:?}");
    assert_eq!(live[0].0, Outcome::Held);
    assert_eq!(live[0].1, "first");
    assert_eq!(a.store.appointment(id).unwrap().status, Status::Held);
}

#[test]
fn held_then_no_show_leaves_one_no_show_and_undo_brings_held_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(&dir);
    let mut a = app(&path);
    let id = select_planned(&mut a);
    hold_with_note(&mut a, "went well");
    let counted = outcomes(&a, id)[0].2;
    select_appointment(&mut a, id);
    press(&mut a, KeyCode::Char('n'));
    press(&mut a, KeyCode::Char('y'));
    press(&mut a, KeyCode::Enter);
    let live = outcomes(&a, id);
    assert_eq!(live.len(), 1, "{live:?}");
    assert_eq!(live[0].0, Outcome::NoShow);
    assert!(!live[0].2, "a no-show never counts toward the minimum");
    assert_eq!(a.store.appointment(id).unwrap().status, Status::NoShow);
    // Undo the re-mark: the held entry is back, with its note, and counts as before.
    press(&mut a, KeyCode::Char('u'));
    let live = outcomes(&a, id);
    assert_eq!(live.len(), 1, "{live:?}");
    assert_eq!(live[0], (Outcome::Held, "went well".to_string(), counted));
    assert_eq!(a.store.appointment(id).unwrap().status, Status::Held);
}

#[test]
fn answering_no_to_a_re_mark_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(&dir);
    let mut a = app(&path);
    let id = select_planned(&mut a);
    hold_with_note(&mut a, "kept");
    let before = outcomes(&a, id);
    press(&mut a, KeyCode::Char('c'));
    press(&mut a, KeyCode::Char('n'));
    assert_eq!(outcomes(&a, id), before);
    assert_eq!(a.store.appointment(id).unwrap().status, Status::Held);
}
