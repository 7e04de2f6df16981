//! Minimal documentation driven by keys on `App`: marking, notes, moving, logging, undo, drafts.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{NaiveDate, NaiveDateTime};
use jobdesk::domain::{Kind, Outcome, Status};
use jobdesk::i18n::Lang;
use jobdesk::store::{AppointmentFilter, ContactFilter, Store};
use jobdesk::ui::app::{App, Mode, Row};
use jobdesk::ui::quickadd::Preview;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 23)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .unwrap()
}

fn store_at(path: &std::path::Path) -> Store {
    Store::open(path, jobdesk::store::Create::Yes).unwrap()
}

fn demo(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let path = dir.path().join("d.db");
    let mut s = store_at(&path);
    jobdesk::generate::generate(
        &mut s,
        jobdesk::generate::Spec {
            citizens: 60,
            years: 1,
            seed: 5,
            now: now(),
        },
        &mut |_, _| {},
    )
    .unwrap();
    path
}

fn app(path: &std::path::Path) -> App {
    let mut a = App::new(store_at(path), Lang::En, now()).unwrap();
    a.resize(100, 30);
    a
}

fn press(a: &mut App, code: KeyCode) {
    a.handle_event(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn typ(a: &mut App, s: &str) {
    for c in s.chars() {
        press(a, KeyCode::Char(c));
    }
}

/// Selects the first planned appointment of today's list; returns its id.
fn select_planned(a: &mut App) -> i64 {
    for _ in 0..a.state().list.total {
        if let Some(Row::Appointment(x)) = a.state().list.selected_row()
            && x.status == Status::Planned
        {
            return x.id;
        }
        press(a, KeyCode::Down);
    }
    panic!("no planned appointment today");
}

/// Every visible row of the tables that matter, to compare states.
fn dump(path: &std::path::Path, with_deleted: bool) -> Vec<String> {
    let c = rusqlite::Connection::open(path).unwrap();
    let mut out = Vec::new();
    let filter = if with_deleted { "1" } else { "deleted = 0" };
    for sql in [
        format!(
            "SELECT id, status, reason, moved_to, start, channel FROM appointments WHERE {filter} ORDER BY id"
        ),
        format!(
            "SELECT id, uuid, outcome, note, counts, minutes, transferred_at FROM contacts WHERE {filter} ORDER BY id"
        ),
        "SELECT id, summary, next_due, last_contact FROM citizens ORDER BY id".to_string(),
    ] {
        let mut st = c.prepare(&sql).unwrap();
        let n = st.column_count();
        let rows = st
            .query_map([], |r| {
                let mut s = String::new();
                for i in 0..n {
                    let v: rusqlite::types::Value = r.get(i)?;
                    s.push_str(&format!("{v:?}|"));
                }
                Ok(s)
            })
            .unwrap();
        out.extend(rows.map(Result::unwrap));
    }
    out
}

#[test]
fn a_held_call_without_a_note_takes_at_most_three_keys() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(&dir);
    let mut a = app(&path);
    let id = select_planned(&mut a);
    let before = a.store.count_contacts(&ContactFilter::default()).unwrap();
    // The keys: h, Enter (and y: the appointment has not begun at 9:00, so the desk asks).
    press(&mut a, KeyCode::Char('h'));
    assert!(matches!(a.mode, Mode::ConfirmMark { .. }));
    press(&mut a, KeyCode::Char('y'));
    assert!(
        matches!(a.mode, Mode::Note { .. }),
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
    assert!(matches!(a.mode, Mode::Move { .. }));
    // Clear the prefilled time and type a new one; a bad one is explained and kept.
    for _ in 0..20 {
        press(&mut a, KeyCode::Backspace);
    }
    typ(&mut a, "31.02.2026 10:00");
    press(&mut a, KeyCode::Enter);
    let Mode::Move { error: Some(e), .. } = &a.mode else {
        panic!("the error is shown")
    };
    assert!(e.contains("February 2026 has no day 31"), "{e}");
    for _ in 0..20 {
        press(&mut a, KeyCode::Backspace);
    }
    typ(&mut a, "2026-11-26 13:30");
    press(&mut a, KeyCode::Enter);
    // That time is taken: the clash is shown, and Enter again moves anyway.
    let Mode::Move { error: Some(e), .. } = &a.mode else {
        panic!("the clash is shown")
    };
    assert!(e.contains("Overlaps") && e.contains("12:45"), "{e}");
    press(&mut a, KeyCode::Enter);
    assert!(matches!(a.mode, Mode::Note { .. }), "the note is offered");
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
        "2026-11-26 13:30"
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
    typ(&mut a, "2026-11-27 10:00");
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
fn the_summary_is_edited_on_the_card_and_can_be_undone() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(&dir);
    let mut a = app(&path);
    typ(&mut a, "5");
    let Some(Row::Citizen(c)) = a.state().list.selected_row().cloned() else {
        panic!()
    };
    press(&mut a, KeyCode::Enter);
    typ(&mut a, "e");
    assert!(matches!(a.mode, Mode::Summary { .. }));
    press(&mut a, KeyCode::Enter);
    typ(&mut a, "Kørekort B {AltGr}");
    a.handle_event(&Event::Key(KeyEvent::new(
        KeyCode::Char('@'),
        KeyModifiers::CONTROL | KeyModifiers::ALT,
    )));
    a.handle_event(&Event::Key(KeyEvent::new(
        KeyCode::Char('s'),
        KeyModifiers::CONTROL,
    )));
    let saved = a.store.citizen(c.id).unwrap().summary;
    assert_eq!(
        saved,
        format!("{}\nKørekort B {{AltGr}}@", c.summary),
        "saved, AltGr @ included"
    );
    assert!(matches!(a.mode, Mode::Card(_)), "back on the card");
    press(&mut a, KeyCode::Esc);
    typ(&mut a, "u");
    assert_eq!(a.store.citizen(c.id).unwrap().summary, c.summary);
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
    let Mode::Note { input, .. } = &b.mode else {
        panic!("the draft is offered back")
    };
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

#[test]
fn a_closure_from_the_desk_call_round_and_undo() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(&dir);
    let mut a = app(&path);
    typ(&mut a, "6");
    assert!(a.closure.is_none());
    typ(&mut a, "S");
    assert!(matches!(a.mode, Mode::StartClosure { .. }));
    press(&mut a, KeyCode::Enter);
    let v = a.closure.clone().expect("started");
    assert!(v.closure.is_open());
    assert_eq!(v.closure.from, now().date());
    let on_list = v.progress.on_list;
    assert_eq!(
        on_list as usize,
        a.store.count_citizens(&Default::default()).unwrap(),
        "every active citizen once"
    );
    // Reached and accepted: r, y, Enter (no note).
    typ(&mut a, "ry");
    press(&mut a, KeyCode::Enter);
    let p = a.closure.as_ref().unwrap().progress;
    assert_eq!((p.reached, p.accepted, p.attempts), (1, 1, 1));
    // No answer: the citizen is retried the next working day.
    let Some(Row::Call(e)) = a.state().list.selected_row().cloned() else {
        panic!()
    };
    typ(&mut a, "n");
    press(&mut a, KeyCode::Enter);
    let entry = a
        .store
        .call_entry(v.closure.id, e.citizen_id)
        .unwrap()
        .unwrap();
    assert_eq!(entry.attempts, 1);
    assert_eq!(
        entry.next_try,
        Some(NaiveDate::from_ymd_opt(2026, 11, 24).unwrap())
    );
    // Every attempt is in the log; undo takes the last one back, list included.
    let log = a
        .store
        .contacts(
            &ContactFilter {
                citizen_id: Some(e.citizen_id),
                ..Default::default()
            },
            0,
            1,
        )
        .unwrap();
    assert_eq!(log[0].outcome, Outcome::NotReached);
    typ(&mut a, "u");
    let entry = a
        .store
        .call_entry(v.closure.id, e.citizen_id)
        .unwrap()
        .unwrap();
    assert_eq!((entry.attempts, entry.next_try), (0, None));
    assert_eq!(a.closure.as_ref().unwrap().progress.attempts, 1);
    // The report, per target group.
    typ(&mut a, "R");
    let rows = a
        .closure
        .as_ref()
        .unwrap()
        .report
        .clone()
        .expect("report shown");
    let all = rows.iter().find(|r| r.group.is_none()).unwrap();
    assert_eq!(
        (all.counts.citizens, all.counts.reached, all.counts.accepted),
        (on_list as u64, 1, 1)
    );
}

fn planned_for(a: &App, citizen_id: i64) -> Vec<jobdesk::domain::Appointment> {
    a.store
        .appointments(
            &AppointmentFilter {
                citizen_id: Some(citizen_id),
                from: Some(now()),
                ..Default::default()
            },
            0,
            100,
        )
        .unwrap()
}

#[test]
fn quick_add_plans_for_the_selected_citizen_with_a_live_preview() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(&dir);
    let mut a = app(&path);
    typ(&mut a, "5");
    let Some(Row::Citizen(c)) = a.state().list.selected_row().cloned() else {
        panic!()
    };
    let before = planned_for(&a, c.id).len();
    typ(&mut a, "a");
    typ(&mut a, "thu 10:30 phone 45m");
    let Mode::QuickAdd(q) = &a.mode else {
        panic!("quick-add open")
    };
    let (text, ok) = jobdesk::ui::quickadd::preview_text(Lang::En, &q.preview);
    assert!(ok, "{text}");
    assert!(
        text.contains(&c.name) && text.contains("Thu 11-26 10:30") && text.contains("45 min"),
        "{text}"
    );
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.mode, Mode::Normal);
    let after = planned_for(&a, c.id);
    assert_eq!(after.len(), before + 1);
    let new = after
        .iter()
        .find(|x| x.start.format("%Y-%m-%d %H:%M").to_string() == "2026-11-26 10:30")
        .unwrap();
    assert_eq!(
        (new.minutes, new.channel, new.kind, new.status),
        (
            45,
            jobdesk::domain::Channel::Phone,
            Kind::Conversation,
            Status::Planned
        )
    );
    typ(&mut a, "u");
    assert_eq!(planned_for(&a, c.id).len(), before, "undo removes it");
}

#[test]
fn quick_add_refuses_what_is_wrong_and_asks_about_the_past() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(&dir);
    let mut a = app(&path);
    typ(&mut a, "5");
    let Some(Row::Citizen(c)) = a.state().list.selected_row().cloned() else {
        panic!()
    };
    let before = planned_for(&a, c.id).len();
    typ(&mut a, "a31.02 10");
    press(&mut a, KeyCode::Enter);
    let Mode::QuickAdd(q) = &a.mode else {
        panic!("still open: nothing written")
    };
    let (text, ok) = jobdesk::ui::quickadd::preview_text(Lang::En, &q.preview);
    assert!(!ok && text.contains("31.02"), "{text}");
    press(&mut a, KeyCode::Esc);
    typ(&mut a, "aNobody Atall mon 10");
    press(&mut a, KeyCode::Enter);
    let Mode::QuickAdd(q) = &a.mode else { panic!() };
    assert!(
        jobdesk::ui::quickadd::preview_text(Lang::En, &q.preview)
            .0
            .contains("no citizen is called")
    );
    press(&mut a, KeyCode::Esc);
    // A time in the past: the first Enter asks, the second creates.
    let all = a
        .store
        .count_appointments(&AppointmentFilter::default())
        .unwrap();
    typ(&mut a, "atoday 8");
    press(&mut a, KeyCode::Enter);
    let Mode::QuickAdd(q) = &a.mode else {
        panic!("asks first")
    };
    assert!(q.confirm_past);
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.mode, Mode::Normal);
    assert_eq!(
        a.store
            .count_appointments(&AppointmentFilter::default())
            .unwrap(),
        all + 1
    );
    assert_eq!(
        planned_for(&a, c.id).len(),
        before,
        "08:00 today is before now"
    );
}

#[test]
fn several_matching_citizens_give_a_pick_list() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.db");
    let mut s = store_at(&path);
    for name in ["Søren Hansen", "Søren Jensen", "Anna Berg"] {
        s.add_citizen(&jobdesk::domain::NewCitizen {
            name: name.into(),
            target_group: Some(jobdesk::domain::TargetGroup::Dagpenge),
            ..Default::default()
        })
        .unwrap();
    }
    drop(s);
    let mut a = app(&path);
    typ(&mut a, "atomorrow 9 soren");
    press(&mut a, KeyCode::Enter);
    let Mode::QuickAdd(q) = &a.mode else { panic!() };
    let pick = q.pick.clone().expect("a pick list");
    assert_eq!(
        pick.ids.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>(),
        vec!["Søren Hansen", "Søren Jensen"]
    );
    press(&mut a, KeyCode::Down);
    press(&mut a, KeyCode::Enter);
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.mode, Mode::Normal);
    let list = a
        .store
        .appointments(&AppointmentFilter::default(), 0, 10)
        .unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].citizen, "Søren Jensen");
    assert_eq!(
        list[0].start.format("%Y-%m-%d %H:%M").to_string(),
        "2026-11-24 09:00"
    );
}

#[test]
fn next_step_after_marking_plans_the_next_conversation() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(&dir);
    let mut a = app(&path);
    let id = select_planned(&mut a);
    let appt = a.store.appointment(id).unwrap();
    typ(&mut a, "hy");
    press(&mut a, KeyCode::Enter);
    let before = planned_for(&a, appt.citizen_id).len();
    typ(&mut a, "N");
    let Mode::QuickAdd(q) = &a.mode else {
        panic!("N opens the line")
    };
    let Preview::Ready { new, .. } = &q.preview else {
        panic!("prefilled and ready: {:?}", q.preview)
    };
    assert_eq!(new.citizen_id, appt.citizen_id);
    assert_eq!(new.channel, appt.channel);
    assert_eq!(new.start.time(), appt.start.time());
    assert!(new.start.date() > now().date());
    press(&mut a, KeyCode::Enter);
    assert_eq!(planned_for(&a, appt.citizen_id).len(), before + 1);
}

#[test]
fn the_full_form_covers_place_and_kind() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(&dir);
    let mut a = app(&path);
    typ(&mut a, "5");
    let Some(Row::Citizen(c)) = a.state().list.selected_row().cloned() else {
        panic!()
    };
    let before = planned_for(&a, c.id).len();
    typ(&mut a, "A");
    assert!(matches!(a.mode, Mode::Form(_)));
    // Date (selected, typing replaces it), then time, minutes, channel, kind, place.
    typ(&mut a, "31.02.2026");
    a.handle_event(&Event::Key(KeyEvent::new(
        KeyCode::Char('s'),
        KeyModifiers::CONTROL,
    )));
    let Mode::Form(f) = &a.mode else {
        panic!("kept open")
    };
    assert!(
        f.errors
            .iter()
            .any(|e| e.contains("February 2026 has no day 31")),
        "{:?}",
        f.errors
    );
    press(&mut a, KeyCode::BackTab);
    press(&mut a, KeyCode::Tab);
    typ(&mut a, "27.11.2026");
    press(&mut a, KeyCode::Tab);
    typ(&mut a, "13.15");
    press(&mut a, KeyCode::Tab);
    typ(&mut a, "90");
    press(&mut a, KeyCode::Tab);
    typ(&mut a, "walk");
    press(&mut a, KeyCode::Tab);
    typ(&mut a, "mentor_visit");
    press(&mut a, KeyCode::Tab);
    typ(&mut a, "Søndermarken");
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.mode, Mode::Normal, "Enter on the last field saves");
    let after = planned_for(&a, c.id);
    assert_eq!(after.len(), before + 1);
    let new = after.iter().find(|x| x.place == "Søndermarken").unwrap();
    assert_eq!(
        new.start.format("%Y-%m-%d %H:%M").to_string(),
        "2026-11-27 13:15"
    );
    assert_eq!(
        (new.minutes, new.channel, new.kind),
        (90, jobdesk::domain::Channel::Walk, Kind::MentorVisit)
    );
}

#[test]
fn the_card_reveals_a_cpr_into_the_audit_log_and_erases_after_asking() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("e.db");
    let mut s = store_at(&path);
    let id = s
        .add_citizen(&jobdesk::domain::NewCitizen {
            name: "Eraseme Testperson".into(),
            cpr: Some("010190-1234".into()),
            target_group: Some(jobdesk::domain::TargetGroup::Dagpenge),
            ..Default::default()
        })
        .unwrap();
    s.add_citizen(&jobdesk::domain::NewCitizen {
        name: "Stays Here".into(),
        target_group: Some(jobdesk::domain::TargetGroup::Other),
        ..Default::default()
    })
    .unwrap();
    drop(s);
    let mut a = app(&path);
    typ(&mut a, "5");
    press(&mut a, KeyCode::Enter);
    let Mode::Card(card) = &a.mode else { panic!() };
    assert_eq!(card.citizen.id, id);
    typ(&mut a, "p");
    let Mode::Card(card) = &a.mode else { panic!() };
    assert_eq!(card.cpr_revealed.as_deref(), Some("010190-1234"));
    // Erase: asks first; n keeps the citizen.
    typ(&mut a, "D");
    assert!(matches!(a.mode, Mode::ConfirmErase { .. }));
    typ(&mut a, "n");
    assert!(a.store.citizen(id).is_ok());
    press(&mut a, KeyCode::Enter);
    typ(&mut a, "Dy");
    assert!(
        a.store.citizen(id).is_err(),
        "erased: {:?} {:?}",
        a.message,
        a.mode
    );
    assert_eq!(a.store.count_citizens(&Default::default()).unwrap(), 1);
    drop(a);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_jobdesk"))
        .args(["audit", "--db"])
        .arg(&path)
        .env("JOBDESK_CONFIG", "/nonexistent/x.toml")
        .output()
        .unwrap();
    let audit = String::from_utf8_lossy(&out.stdout);
    assert!(
        audit.to_lowercase().contains("cpr"),
        "the reveal is in the audit log: {audit}"
    );
    assert!(
        !audit.contains("Eraseme"),
        "the audit log keeps no name: {audit}"
    );
    let bytes = std::fs::read(&path).unwrap();
    let hay = String::from_utf8_lossy(&bytes);
    assert!(
        !hay.contains("Eraseme"),
        "no trace of the name in the database file"
    );
}
