//! Marking by keys on `App`: held, no-show, cancelled, moved; notes and snippets; logging an
//! unplanned contact; undo; drafts that survive the terminal closing; what can be marked.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use jobdesk::domain::{Kind, Outcome, Status};
use jobdesk::store::{AppointmentFilter, ContactFilter};
use jobdesk::ui::app::{Mode, Row};
use jobdesk::ui::overlay::{Confirm, Question};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::{app, demo, dump, now, press, select_planned, typ};

#[test]
fn a_held_call_without_a_note_takes_at_most_three_keys() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(&dir);
    let mut a = app(&path);
    let id = select_planned(&mut a);
    let before = a.store.count_contacts(&ContactFilter::default()).unwrap();
    // The keys: h, Enter (and y: the appointment has not begun at 9:00, so the desk asks).
    press(&mut a, KeyCode::Char('h'));
    assert!(matches!(
        a.mode,
        Mode::Confirm(Confirm {
            question: Question::Mark { .. },
            ..
        })
    ));
    press(&mut a, KeyCode::Char('y'));
    assert!(
        matches!(a.mode, Mode::Note(_)),
        "a one-line note is offered"
    );
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.mode, Mode::Normal);
    let appt = a.store.appointment(id).unwrap();
    assert_eq!(appt.status, Status::Held);
    assert_eq!(
        a.store.count_contacts(&ContactFilter::default()).unwrap(),
        before + 1
    );
    let logged = a
        .store
        .contacts(
            &ContactFilter {
                citizen_id: Some(appt.citizen_id),
                ..Default::default()
            },
            0,
            50,
        )
        .unwrap();
    let c = logged
        .iter()
        .find(|c| c.appointment_id == Some(id))
        .expect("the log entry");
    assert_eq!(c.outcome, Outcome::Held);
    assert_eq!(c.channel, appt.channel);
    assert_eq!(c.minutes, appt.minutes);
    assert_eq!(c.at, appt.start);
    assert_eq!(
        c.counts,
        appt.kind == Kind::Conversation && !appt.channel.is_mentor_channel()
    );
    assert_eq!(c.note, "");
}

#[test]
fn a_note_with_a_snippet_is_saved_on_the_log_entry() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(&dir);
    let mut a = app(&path);
    let id = select_planned(&mut a);
    press(&mut a, KeyCode::Char('h'));
    press(&mut a, KeyCode::Char('y'));
    typ(&mut a, "went");
    press(&mut a, KeyCode::Tab);
    typ(&mut a, " Next in 4 weeks.");
    press(&mut a, KeyCode::Enter);
    let c = a
        .store
        .contacts(&ContactFilter::default(), 0, 10_000)
        .unwrap()
        .into_iter()
        .find(|c| c.appointment_id == Some(id))
        .unwrap();
    assert_eq!(c.note, "Went through the job plan. Next in 4 weeks.");
}

#[test]
fn no_show_and_cancellations_do_what_they_say() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(&dir);
    for (key, status, outcome) in [
        ('n', Status::NoShow, Outcome::NoShow),
        ('c', Status::CancelledByCitizen, Outcome::CancelledByCitizen),
        ('C', Status::Cancelled, Outcome::Cancelled),
    ] {
        let mut a = app(&path);
        let id = select_planned(&mut a);
        let code = KeyCode::Char(key);
        let mods = if key.is_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        a.handle_event(&Event::Key(KeyEvent::new(code, mods)));
        press(&mut a, KeyCode::Enter);
        assert_eq!(a.store.appointment(id).unwrap().status, status);
        let c = a
            .store
            .contacts(&ContactFilter::default(), 0, 10_000)
            .unwrap()
            .into_iter()
            .find(|c| c.appointment_id == Some(id))
            .unwrap();
        assert_eq!(c.outcome, outcome);
        assert!(!c.counts, "{status:?} does not count toward the minimum");
        assert_eq!(c.minutes, 0);
    }
}

#[test]
fn moving_asks_for_the_new_time_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(&dir);
    let mut a = app(&path);
    let id = select_planned(&mut a);
    let old = a.store.appointment(id).unwrap();
    press(&mut a, KeyCode::Char('m'));
    assert!(matches!(a.mode, Mode::Move(_)));
    // Clear the prefilled time and type a new one; a bad one is explained and kept.
    for _ in 0..20 {
        press(&mut a, KeyCode::Backspace);
    }
    typ(&mut a, "31.02.2026 10:00");
    press(&mut a, KeyCode::Enter);
    let Mode::Move(m) = &a.mode else {
        panic!("the error is shown")
    };
    let e = m.error.as_deref().expect("an error");
    assert!(e.contains("February 2026 has no day 31"), "{e}");
    for _ in 0..20 {
        press(&mut a, KeyCode::Backspace);
    }
    typ(&mut a, "2026-11-27 13:00");
    press(&mut a, KeyCode::Enter);
    // That time is taken: the clash is shown, and Enter again moves anyway.
    let Mode::Move(m) = &a.mode else {
        panic!("the clash is shown")
    };
    let e = m.warnings.join(" · ");
    assert!(e.contains("overlaps") && e.contains("12:45"), "{e}");
    press(&mut a, KeyCode::Enter);
    assert!(matches!(a.mode, Mode::Note(_)), "the note is offered");
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.mode, Mode::Normal);
    let moved = a.store.appointment(id).unwrap();
    assert_eq!(moved.status, Status::Moved);
    let new = a
        .store
        .appointment(moved.moved_to.expect("linked"))
        .unwrap();
    assert_eq!(
        new.start.format("%Y-%m-%d %H:%M").to_string(),
        "2026-11-27 13:00"
    );
    assert_eq!(
        (
            new.status,
            new.citizen_id,
            new.kind,
            new.channel,
            new.minutes
        ),
        (
            Status::Planned,
            old.citizen_id,
            old.kind,
            old.channel,
            old.minutes
        )
    );
}

#[test]
fn undo_restores_exactly_the_state_before() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(&dir);
    let before = dump(&path, true);
    let mut a = app(&path);
    select_planned(&mut a);
    press(&mut a, KeyCode::Char('h'));
    press(&mut a, KeyCode::Char('y'));
    typ(&mut a, "a note");
    press(&mut a, KeyCode::Enter);
    press(&mut a, KeyCode::Down);
    select_planned(&mut a);
    press(&mut a, KeyCode::Char('m'));
    for _ in 0..20 {
        press(&mut a, KeyCode::Backspace);
    }
    typ(&mut a, "2026-11-26 10:00");
    press(&mut a, KeyCode::Enter);
    press(&mut a, KeyCode::Enter);
    typ(&mut a, "4");
    typ(&mut a, "o");
    assert_eq!(a.undo.len(), 4, "mark, note, move, transferred");
    assert_ne!(dump(&path, false), before);
    typ(&mut a, "uuuu");
    assert_eq!(dump(&path, false), before, "every visible row is as it was");
    typ(&mut a, "u");
    assert!(
        a.message
            .as_deref()
            .unwrap_or("")
            .contains("Nothing to undo")
    );
    a.finish();
    drop(a);
    assert_eq!(
        dump(&path, true),
        before,
        "and once the desk closes, the files hold nothing extra"
    );
}

#[test]
fn l_logs_an_unplanned_contact_in_two_keys() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(&dir);
    let mut a = app(&path);
    typ(&mut a, "5");
    let Some(Row::Citizen(c)) = a.state().list.selected_row().cloned() else {
        panic!()
    };
    typ(&mut a, "l1");
    press(&mut a, KeyCode::Enter);
    let log = a
        .store
        .contacts(
            &ContactFilter {
                citizen_id: Some(c.id),
                ..Default::default()
            },
            0,
            1,
        )
        .unwrap();
    assert_eq!(log[0].outcome, Outcome::Reached);
    assert_eq!(log[0].at, now());
    assert!(!log[0].counts);
    typ(&mut a, "4");
    assert!(
        a.state()
            .list
            .rows
            .iter()
            .any(|r| matches!(r, Row::Contact(k) if k.id == log[0].id)),
        "it shows in today's log"
    );
}

#[test]
fn a_note_being_typed_survives_the_terminal_closing() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(&dir);
    let mut a = app(&path);
    select_planned(&mut a);
    press(&mut a, KeyCode::Char('h'));
    press(&mut a, KeyCode::Char('y'));
    typ(&mut a, "half a thought");
    // What the desk does on SIGTERM / SIGHUP before it exits.
    a.save_draft_now();
    drop(a);
    let mut b = app(&path);
    let Mode::Note(n) = &b.mode else {
        panic!("the draft is offered back")
    };
    let input = &n.input;
    assert_eq!(input.text(), "half a thought");
    assert!(
        b.message
            .as_deref()
            .unwrap_or("")
            .contains("Draft recovered")
    );
    typ(&mut b, " finished");
    press(&mut b, KeyCode::Enter);
    let notes: Vec<String> = b
        .store
        .contacts(&ContactFilter::default(), 0, 100_000)
        .unwrap()
        .into_iter()
        .map(|c| c.note)
        .collect();
    assert!(notes.contains(&"half a thought finished".to_string()));
    drop(b);
    let c = app(&path);
    assert_eq!(c.mode, Mode::Normal, "a saved note is no longer a draft");
}

#[test]
fn appointments_of_today_are_the_marking_scope_and_others_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(&dir);
    let mut a = app(&path);
    typ(&mut a, "5");
    let before = a
        .store
        .count_appointments(&AppointmentFilter::default())
        .unwrap();
    typ(&mut a, "h");
    assert_eq!(a.mode, Mode::Normal, "h on a citizen does nothing");
    assert_eq!(
        a.store
            .count_appointments(&AppointmentFilter::default())
            .unwrap(),
        before
    );
}
