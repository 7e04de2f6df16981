//! The closure round in the desk as 2020's ran: the answers after a reaching call (how it was
//! received, matched to a job or placement), the quick-add line after "takker ja", ending the
//! closure with `E`, newcomers on the list and the catch-up list after the closure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{Duration, NaiveDate};
use jobdesk::domain::closure::{CallResult, Reception};
use jobdesk::domain::{NewCitizen, TargetGroup};
use jobdesk::i18n::Lang;
use jobdesk::ui::app::{App, Mode, Row};
use jobdesk::ui::overlay::Question;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::{app, key, now, screen, typ};

/// The desk in Danish at 80×24 on the generated caseload, pane 6, a closure started today.
fn open_closure() -> App {
    let mut a = app(Lang::Da);
    a.handle_event(&Event::Resize(80, 24));
    typ(&mut a, "6S");
    key(&mut a, KeyCode::Enter);
    assert!(a.closure.as_ref().unwrap().closure.is_open());
    a.message = None;
    a
}

/// The call-list entry selected.
fn selected(a: &App) -> jobdesk::domain::closure::CallEntry {
    match a.state().list.selected_row() {
        Some(Row::Call(e)) => e.clone(),
        other => panic!("not a call: {other:?}"),
    }
}

fn entry(a: &App, citizen_id: i64) -> jobdesk::domain::closure::CallEntry {
    let id = a.closure.as_ref().unwrap().closure.id;
    a.store.call_entry(id, citizen_id).unwrap().unwrap()
}

fn latest_note(a: &App, citizen_id: i64) -> String {
    a.store
        .contacts(
            &jobdesk::store::ContactFilter {
                citizen_id: Some(citizen_id),
                ..Default::default()
            },
            0,
            1,
        )
        .unwrap()[0]
        .note
        .clone()
}

/// Each key press counted: what a call costs.
fn press_all(a: &mut App, keys: &[KeyCode]) -> usize {
    for k in keys {
        key(a, *k);
    }
    keys.len()
}

#[test]
fn a_reaching_call_records_how_it_was_received_and_matched_then_offers_the_conversation() {
    let mut a = open_closure();
    let e = selected(&a);
    typ(&mut a, "rj");
    assert!(matches!(a.mode, Mode::Answers(_)), "the answers are asked");
    let s = screen(&a, 80, 24);
    assert!(s.contains("Hvordan blev opkaldet modtaget?"), "{s}");
    assert!(s.contains("1 meget positivt"), "{s}");
    assert!(s.contains("Matchet til job eller praktik?"), "{s}");
    // Nothing is written before the answers are given.
    assert_eq!(entry(&a, e.citizen_id).attempts, 0);
    typ(&mut a, "2j");
    key(&mut a, KeyCode::Enter);
    let after = entry(&a, e.citizen_id);
    assert_eq!(after.attempts, 1);
    assert!(after.reached);
    assert_eq!(after.accepted, Some(true));
    assert_eq!(after.received, Some(Reception::Positive));
    assert_eq!(after.matched, Some(true));
    // The log note is the command line's.
    let note = latest_note(&a, e.citizen_id);
    let want = jobdesk::i18n::closure::attempt_note(
        Lang::Da,
        &a.closure.as_ref().unwrap().closure.name,
        CallResult::Reached,
        Some(true),
        after_answers(Reception::Positive, true),
        "",
    );
    assert_eq!(note, want);
    assert!(note.contains("modtaget positivt"), "{note}");
    assert!(note.contains("matchet til job/praktik"), "{note}");
    // "Takker ja": the quick-add line for a conversation with the citizen, the name in it.
    let Mode::QuickAdd(q) = &a.mode else {
        panic!("quick-add offered: {:?}", a.mode)
    };
    assert_eq!(q.input.text(), format!("samtale {} ", e.name));
    assert_eq!(q.prefill.as_ref().map(|p| p.0), Some(e.citizen_id));
    // Typing the day and time plans the conversation.
    typ(&mut a, "i morgen 10");
    key(&mut a, KeyCode::Enter);
    if matches!(&a.mode, Mode::QuickAdd(q) if q.confirm) {
        // A warning (an overlap in the generated calendar): the second Enter plans all the same.
        key(&mut a, KeyCode::Enter);
    }
    assert_eq!(a.mode, Mode::Normal, "{:?}", a.message);
    let next = a
        .store
        .next_planned_conversation(e.citizen_id, now())
        .unwrap()
        .expect("planned");
    assert_eq!(
        next,
        NaiveDate::from_ymd_opt(2026, 11, 24)
            .unwrap()
            .and_hms_opt(10, 0, 0)
            .unwrap()
    );
}

fn after_answers(r: Reception, matched: bool) -> jobdesk::domain::closure::CallAnswers {
    jobdesk::domain::closure::CallAnswers {
        received: Some(r),
        matched: Some(matched),
    }
}

#[test]
fn with_both_answers_skipped_a_call_stays_its_keys_and_one_enter() {
    let mut a = open_closure();
    // Reached, declined, answers skipped: r n Enter, and the list is back.
    let e = selected(&a);
    let n = press_all(
        &mut a,
        &[KeyCode::Char('r'), KeyCode::Char('n'), KeyCode::Enter],
    );
    assert_eq!(n, 3);
    assert_eq!(a.mode, Mode::Normal);
    let got = entry(&a, e.citizen_id);
    assert_eq!((got.reached, got.accepted), (true, Some(false)));
    assert_eq!((got.received, got.matched), (None, None));
    // Esc skips them too, and keeps the call (it is not a cancel).
    let e = selected(&a);
    typ(&mut a, "rn3");
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.mode, Mode::Normal);
    let got = entry(&a, e.citizen_id);
    assert!(got.reached);
    assert_eq!(got.received, None, "Esc records the call without answers");
    // Not reached: one key, no answers and no note asked.
    let e = selected(&a);
    let n = press_all(&mut a, &[KeyCode::Char('n')]);
    assert_eq!(n, 1);
    assert_eq!(a.mode, Mode::Normal);
    assert_eq!(entry(&a, e.citizen_id).attempts, 1);
    // Tab after the answers: the note line, then the quick-add after "takker ja".
    let e = selected(&a);
    typ(&mut a, "rj1");
    key(&mut a, KeyCode::Tab);
    assert!(matches!(a.mode, Mode::Note(_)));
    typ(&mut a, " Vil gerne ses");
    key(&mut a, KeyCode::Enter);
    assert!(matches!(a.mode, Mode::QuickAdd(_)), "{:?}", a.mode);
    key(&mut a, KeyCode::Esc);
    let note = latest_note(&a, e.citizen_id);
    assert!(
        note.contains("modtaget meget positivt") && note.ends_with("Vil gerne ses"),
        "{note}"
    );
}

#[test]
fn ctrl_u_clears_the_prefilled_quick_add_line() {
    let mut a = open_closure();
    typ(&mut a, "rj");
    key(&mut a, KeyCode::Enter);
    assert!(matches!(a.mode, Mode::QuickAdd(_)), "{:?}", a.mode);
    a.handle_event(&Event::Key(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    typ(&mut a, "aftale");
    let Mode::QuickAdd(q) = &a.mode else {
        panic!("{:?}", a.mode)
    };
    assert_eq!(
        q.input.text(),
        "aftale",
        "the line was cleared, not appended to"
    );
}

#[test]
fn ten_no_answers_are_ten_keys_on_ten_citizens_and_u_takes_the_last_back() {
    let mut a = open_closure();
    let mut called = Vec::new();
    for i in 0..10 {
        let e = selected(&a);
        assert!(
            !called.contains(&e.citizen_id),
            "call {i}: {} again",
            e.name
        );
        key(&mut a, KeyCode::Char('n'));
        assert_eq!(a.mode, Mode::Normal, "call {i}: no note line");
        let got = entry(&a, e.citizen_id);
        assert_eq!(
            (got.attempts, got.last_result),
            (1, Some(CallResult::NoAnswer)),
            "call {i}"
        );
        // The log note is the command line's: the closure and the result.
        let note = latest_note(&a, e.citizen_id);
        assert!(note.ends_with("intet svar"), "{note}");
        called.push(e.citizen_id);
    }
    assert_eq!(a.closure.as_ref().unwrap().progress.attempts, 10);
    // The footer says the call, the undo and where a note goes.
    let s = screen(&a, 80, 24);
    assert!(s.contains("u fortryder"), "{s}");
    let msg = a.message.clone().unwrap();
    assert!(msg.contains("notat: e i Kontaktlog (4)"), "{msg}");
    // u takes the last call back.
    key(&mut a, KeyCode::Char('u'));
    assert_eq!(entry(&a, called[9]).attempts, 0);
    assert_eq!(entry(&a, called[8]).attempts, 1);
    // m and w are one key too.
    for k in ['m', 'w'] {
        let e = selected(&a);
        key(&mut a, KeyCode::Char(k));
        assert_eq!(a.mode, Mode::Normal);
        assert_eq!(entry(&a, e.citizen_id).attempts, 1, "{k}");
        assert_ne!(selected(&a).citizen_id, e.citizen_id, "{k} moves on");
    }
}

#[test]
fn e_ends_the_closure_after_a_confirmation_and_n_keeps_it_open() {
    let mut a = open_closure();
    let shift_e = Event::Key(KeyEvent::new(KeyCode::Char('E'), KeyModifiers::SHIFT));
    a.handle_event(&shift_e);
    let Mode::Confirm(c) = &a.mode else {
        panic!("asks first: {:?}", a.mode)
    };
    assert_eq!(c.question, Question::EndClosure);
    let s = screen(&a, 80, 24);
    assert!(
        s.contains("kan ikke fortrydes"),
        "no undo, and it says so:\n{s}"
    );
    typ(&mut a, "n");
    assert_eq!(a.mode, Mode::Normal);
    assert!(a.closure.as_ref().unwrap().closure.is_open());
    assert_eq!(
        a.message.as_deref(),
        Some("Nedlukningen er stadig åben."),
        "n keeps it open"
    );
    // A week later it ends: j.
    a.now += Duration::days(7);
    a.handle_event(&shift_e);
    typ(&mut a, "j");
    let v = a.closure.as_ref().unwrap();
    assert!(!v.closure.is_open());
    assert_eq!(v.closure.to, NaiveDate::from_ymd_opt(2026, 11, 30).unwrap());
    assert!(a.store.open_closure().unwrap().is_none());
    // E again: nothing to end.
    a.handle_event(&shift_e);
    assert_eq!(a.mode, Mode::Normal);
}

#[test]
fn the_catch_up_list_is_shown_after_the_closure_ends() {
    let mut a = open_closure();
    a.now += Duration::days(7);
    a.handle_event(&Event::Key(KeyEvent::new(
        KeyCode::Char('E'),
        KeyModifiers::SHIFT,
    )));
    typ(&mut a, "j");
    let v = a.closure.clone().unwrap();
    let list = v.catch_up.clone().expect("the catch-up list is shown");
    let want = a.store.catch_up_list(v.closure.id).unwrap();
    assert_eq!(list, want);
    assert!(!list.is_empty(), "a week's deadlines were paused");
    // The rows are the list's, by new deadline; Enter on one opens the citizen's card.
    let rows: Vec<i64> = a
        .state()
        .list
        .rows
        .iter()
        .map(|r| match r {
            Row::CatchUp(c) => c.citizen_id,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(rows[0], list[0].citizen_id);
    let s = screen(&a, 80, 24);
    assert!(s.contains("Indhentning:"), "{s}");
    assert!(s.contains("ny frist"), "{s}");
    assert!(s.contains(&list[0].name), "{s}");
    // I toggles back to the call list and again to the catch-up list.
    a.handle_event(&Event::Key(KeyEvent::new(
        KeyCode::Char('I'),
        KeyModifiers::SHIFT,
    )));
    assert!(a.closure.as_ref().unwrap().catch_up.is_none());
    assert!(matches!(a.state().list.selected_row(), Some(Row::Call(_))));
    a.handle_event(&Event::Key(KeyEvent::new(
        KeyCode::Char('I'),
        KeyModifiers::SHIFT,
    )));
    assert!(matches!(
        a.state().list.selected_row(),
        Some(Row::CatchUp(_))
    ));
    key(&mut a, KeyCode::Enter);
    assert!(matches!(a.mode, Mode::Card(_)));
}

#[test]
fn every_key_the_answers_box_shows_does_something() {
    let mut b = open_closure();
    typ(&mut b, "rj");
    let labels: Vec<&str> = b.footer_bindings().iter().map(|x| x.label).collect();
    assert_eq!(
        labels[..5],
        ["1–4", "j/y", "Enter", "Esc", "Tab"],
        "{labels:?}"
    );
    for label in &labels[..5] {
        let mut b = open_closure();
        typ(&mut b, "rj");
        let before = b.mode.clone();
        let binding = b
            .footer_bindings()
            .into_iter()
            .find(|x| x.label == *label)
            .unwrap();
        b.handle_event(&Event::Key(KeyEvent::new(
            binding.keys[0].code,
            KeyModifiers::NONE,
        )));
        assert_ne!(b.mode, before, "{label} does something");
    }
}

#[test]
fn the_list_flags_a_newcomer_and_says_which_contact_reached_a_citizen() {
    let mut a = open_closure();
    let id = a
        .store
        .add_citizen(&NewCitizen {
            name: "Ny Nyborg".into(),
            phone: "20304050".into(),
            target_group: Some(TargetGroup::Dagpenge),
            benefit_start: Some(now().date()),
            ..Default::default()
        })
        .unwrap();
    a.refresh().unwrap();
    let e = entry(&a, id);
    assert!(e.newcomer, "added during the closure: on its list");
    typ(&mut a, "G");
    let s = screen(&a, 80, 24);
    let line = s
        .lines()
        .find(|l| l.contains("Ny Nyborg"))
        .unwrap_or_else(|| panic!("{s}"));
    assert!(line.contains(" ny "), "the flag: {line}");
    insta::assert_snapshot!("closure_round_newcomer_da_80x24", s);
    // Called like everyone: the report counts them.
    let mut pos = 0;
    while !matches!(a.state().list.selected_row(), Some(Row::Call(c)) if c.citizen_id == id) {
        key(&mut a, KeyCode::Up);
        pos += 1;
        assert!(pos < 200);
    }
    typ(&mut a, "rj1j");
    key(&mut a, KeyCode::Enter);
    key(&mut a, KeyCode::Esc);
    let called = entry(&a, id);
    assert!(called.reached && called.matched == Some(true));
    a.message = None;
    typ(&mut a, "R");
    let s = screen(&a, 80, 24);
    assert!(
        s.contains("█ truffet") && s.contains("█ ja tak af spurgte"),
        "{s}"
    );
    insta::assert_snapshot!("closure_round_report_da_80x24", s);
}

#[test]
fn the_help_lists_the_new_keys_in_both_languages() {
    for (lang, words) in [
        (
            Lang::Da,
            [
                "afslut nedlukning (spørger)",
                "indhentning",
                "Efter et truffet opkald",
                "modtaget",
                "matchet",
            ],
        ),
        (
            Lang::En,
            [
                "end the closure (asks)",
                "catch-up",
                "After a reaching call",
                "received",
                "matched",
            ],
        ),
    ] {
        let text: Vec<String> = jobdesk::ui::overlay::help::lines(lang)
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect();
        for w in words {
            assert!(
                text.iter().any(|l| l.contains(w)),
                "{lang:?}: {w} in the help"
            );
        }
    }
}

#[test]
fn nothing_acts_while_the_screen_is_too_small() {
    let mut a = open_closure();
    a.handle_event(&Event::Resize(30, 10));
    let e = selected(&a);
    typ(&mut a, "rj");
    a.handle_event(&Event::Key(KeyEvent::new(
        KeyCode::Char('E'),
        KeyModifiers::SHIFT,
    )));
    assert_eq!(a.mode, Mode::Normal);
    assert_eq!(entry(&a, e.citizen_id).attempts, 0);
    assert!(a.closure.as_ref().unwrap().closure.is_open());
}
