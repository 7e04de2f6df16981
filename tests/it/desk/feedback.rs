//! Issue 20 in the desk: the next call in one key less, the rating after a held conversation,
//! `f` in the Contact log, the satisfaction view and the "asked for a conversation" mark.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{NaiveDate, NaiveDateTime};
use jobdesk::domain::{Channel, Kind, NewAppointment, NewCitizen, Status, TargetGroup};
use jobdesk::i18n::Lang;
use jobdesk::ui::app::{App, Mode, Row};
use ratatui::crossterm::event::{Event, KeyCode};

use super::{key, store_at};

/// Monday 23 November 2026 at that time.
fn at(h: u32, m: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 23)
        .and_then(|d| d.and_hms_opt(h, m, 0))
        .unwrap()
}

/// Three citizens, each with a planned conversation in person this morning (9.00, 9.30,
/// 10.00), and the desk at 80×24 at 11.00, after all three.
fn morning(dir: &tempfile::TempDir, lang: Lang) -> (App, Vec<i64>) {
    let path = dir.path().join("f.db");
    let mut s = store_at(&path);
    let mut ids = Vec::new();
    for (i, (name, group)) in [
        ("Anna Holm", TargetGroup::Dagpenge),
        ("Bo Lund", TargetGroup::KontanthjaelpJobparat),
        ("Cecilie Dam", TargetGroup::Dagpenge),
    ]
    .into_iter()
    .enumerate()
    {
        let c = s
            .add_citizen(&NewCitizen {
                name: name.into(),
                target_group: Some(group),
                ..Default::default()
            })
            .unwrap();
        let (id, _) = s
            .plan(&NewAppointment {
                uuid: uuid::Uuid::new_v4().to_string(),
                citizen_id: c,
                kind: Kind::Conversation,
                start: at(9, 0) + chrono::Duration::minutes(30 * i as i64),
                minutes: 30,
                channel: Channel::InPerson,
                place: String::new(),
                status: Status::Planned,
                reason: String::new(),
            })
            .unwrap();
        ids.push(id);
    }
    drop(s);
    let mut a = App::new(store_at(&path), lang, at(11, 0)).unwrap();
    a.handle_event(&Event::Resize(80, 24));
    (a, ids)
}

/// Presses the keys; returns how many there were.
fn keys(a: &mut App, list: &[KeyCode]) -> usize {
    for k in list {
        key(a, *k);
    }
    list.len()
}

fn selected_id(a: &App) -> Option<i64> {
    match a.state().list.selected_row() {
        Some(Row::Appointment(x)) => Some(x.id),
        _ => None,
    }
}

#[test]
fn three_held_calls_in_a_row_take_six_keys() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, ids) = morning(&dir, Lang::Da);
    assert_eq!(selected_id(&a), Some(ids[0]), "the first call is selected");
    let mut n = 0;
    for _ in 0..3 {
        n += keys(&mut a, &[KeyCode::Char('h'), KeyCode::Enter]);
    }
    assert_eq!(n, 6);
    for id in &ids {
        assert_eq!(a.store.appointment(*id).unwrap().status, Status::Held);
    }
    assert!(matches!(a.mode, Mode::Normal), "{:?}", a.mode);
}

#[test]
fn after_a_mark_and_its_note_the_next_planned_call_is_selected() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, ids) = morning(&dir, Lang::Da);
    // The second call first: a no-show, with a note.
    key(&mut a, KeyCode::Down);
    assert_eq!(selected_id(&a), Some(ids[1]));
    key(&mut a, KeyCode::Char('n'));
    assert!(matches!(a.mode, Mode::Note(_)));
    // While the note is open the selection stays.
    assert_eq!(selected_id(&a), Some(ids[1]));
    super::typ(&mut a, "Ikke mødt");
    key(&mut a, KeyCode::Enter);
    assert_eq!(selected_id(&a), Some(ids[2]), "on to the next planned call");
    // The last one: back to the one still planned before it.
    keys(&mut a, &[KeyCode::Char('h'), KeyCode::Esc]);
    assert_eq!(selected_id(&a), Some(ids[0]));
    // None left planned: the selection stays.
    keys(&mut a, &[KeyCode::Char('h'), KeyCode::Enter]);
    assert_eq!(selected_id(&a), Some(ids[0]));
}

fn feedback_of(a: &App, appointment: i64) -> Option<(u8, String)> {
    let c = a
        .store
        .contacts(&jobdesk::store::ContactFilter::default(), 0, 100)
        .unwrap()
        .into_iter()
        .find(|c| c.appointment_id == Some(appointment))
        .expect("the held call's log entry");
    a.store.feedback(c.id).unwrap()
}

#[test]
fn a_held_call_with_a_rating_takes_four_keys_and_without_two() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, ids) = morning(&dir, Lang::Da);
    // Without: h Enter, and the next call is marked straight away (the prompt lets h through).
    assert_eq!(keys(&mut a, &[KeyCode::Char('h'), KeyCode::Enter]), 2);
    let s = super::screen(&a, 80, 24);
    assert!(s.contains("Hvordan oplevede Anna Holm samtalen?"), "{s}");
    assert_eq!(feedback_of(&a, ids[0]), None);
    // With: h Enter 4 Enter (no wish) — four keys.
    assert_eq!(
        keys(
            &mut a,
            &[
                KeyCode::Char('h'),
                KeyCode::Enter,
                KeyCode::Char('4'),
                KeyCode::Enter
            ]
        ),
        4
    );
    assert_eq!(a.store.appointment(ids[1]).unwrap().status, Status::Held);
    assert_eq!(feedback_of(&a, ids[1]), Some((4, String::new())));
    assert!(matches!(a.mode, Mode::Normal));
    // With a wish: typed after the rating.
    keys(
        &mut a,
        &[KeyCode::Char('h'), KeyCode::Enter, KeyCode::Char('5')],
    );
    super::typ(&mut a, "Mere tid til snak");
    key(&mut a, KeyCode::Enter);
    assert_eq!(
        feedback_of(&a, ids[2]),
        Some((5, "Mere tid til snak".to_string()))
    );
    // u takes the rating back (the mark stays).
    key(&mut a, KeyCode::Char('u'));
    assert_eq!(feedback_of(&a, ids[2]), None);
    assert_eq!(a.store.appointment(ids[2]).unwrap().status, Status::Held);
}

#[test]
fn enter_skips_the_rating_and_a_digit_after_it_switches_pane_again() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, ids) = morning(&dir, Lang::Da);
    keys(
        &mut a,
        &[KeyCode::Char('h'), KeyCode::Enter, KeyCode::Enter],
    );
    assert_eq!(feedback_of(&a, ids[0]), None);
    assert!(a.voice.offer.is_none());
    key(&mut a, KeyCode::Char('4'));
    assert_eq!(a.pane, jobdesk::ui::app::Pane::Log, "4 is a pane again");
}

#[test]
fn f_in_the_contact_log_changes_and_removes_the_rating_and_u_undoes_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, ids) = morning(&dir, Lang::Da);
    keys(
        &mut a,
        &[
            KeyCode::Char('h'),
            KeyCode::Enter,
            KeyCode::Char('2'),
            KeyCode::Enter,
        ],
    );
    assert_eq!(feedback_of(&a, ids[0]), Some((2, String::new())));
    key(&mut a, KeyCode::Char('4'));
    assert_eq!(a.pane, jobdesk::ui::app::Pane::Log);
    assert!(matches!(
        a.state().list.selected_row(),
        Some(Row::Contact(_))
    ));
    // f: the rating now, then a new one and a wish.
    key(&mut a, KeyCode::Char('f'));
    let s = super::screen(&a, 80, 24);
    assert!(s.contains("Nu: 2"), "{s}");
    key(&mut a, KeyCode::Char('5'));
    super::typ(&mut a, "Tak");
    key(&mut a, KeyCode::Enter);
    assert_eq!(feedback_of(&a, ids[0]), Some((5, "Tak".to_string())));
    key(&mut a, KeyCode::Char('u'));
    assert_eq!(feedback_of(&a, ids[0]), Some((2, String::new())));
    // Del removes it.
    keys(&mut a, &[KeyCode::Char('f'), KeyCode::Delete]);
    assert_eq!(feedback_of(&a, ids[0]), None);
}

#[test]
fn snapshot_of_the_rating_prompt_and_the_wish_at_80x24_in_danish() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, _) = morning(&dir, Lang::Da);
    keys(&mut a, &[KeyCode::Char('h'), KeyCode::Enter]);
    insta::assert_snapshot!("rating_prompt_da_80x24", super::screen(&a, 80, 24));
    key(&mut a, KeyCode::Char('4'));
    super::typ(&mut a, "Kortere ventetid");
    insta::assert_snapshot!("rating_wish_da_80x24", super::screen(&a, 80, 24));
}

#[test]
fn the_satisfaction_view_per_month_and_group_at_80x24_in_danish() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, _) = morning(&dir, Lang::Da);
    for (score, wish) in [(5u8, ""), (4, "Mere tid til snak"), (2, "Kortere ventetid")] {
        keys(&mut a, &[KeyCode::Char('h'), KeyCode::Enter]);
        key(&mut a, KeyCode::Char(char::from(b'0' + score)));
        super::typ(&mut a, wish);
        key(&mut a, KeyCode::Enter);
    }
    super::typ(&mut a, "4F");
    assert!(matches!(a.mode, Mode::Satisfaction(_)));
    let s = super::screen(&a, 80, 24);
    // Dagpenge: 5 and 2 (mean 3,5, half 4–5); kontanthjælp: 4; all: 3 answers, mean 3,7.
    assert!(s.contains("3,5") && s.contains("50 %"), "{s}");
    assert!(s.contains("3,7") && s.contains("67 %"), "{s}");
    assert!(
        s.contains("Kortere ventetid") && s.contains("Mere tid til snak"),
        "{s}"
    );
    insta::assert_snapshot!("satisfaction_da_80x24", s);
}

#[test]
fn the_requested_mark_shows_in_the_due_list_and_clears_when_a_conversation_is_planned() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, _) = morning(&dir, Lang::Da);
    // Dorte has nothing planned; her card (pane 5): s marks that she asked today.
    let anna = a
        .store
        .add_citizen(&NewCitizen {
            name: "Dorte Ønske".into(),
            target_group: Some(TargetGroup::Dagpenge),
            ..Default::default()
        })
        .unwrap();
    super::typ(&mut a, "5");
    while !matches!(a.state().list.selected_row(), Some(Row::Citizen(c)) if c.id == anna) {
        key(&mut a, KeyCode::Down);
    }
    key(&mut a, KeyCode::Enter);
    assert!(matches!(a.mode, Mode::Card(_)));
    super::typ(&mut a, "s");
    key(&mut a, KeyCode::Esc);
    super::typ(&mut a, "1");
    assert!(a.store.requested(anna).unwrap().is_some());
    let s = super::screen(&a, 80, 24);
    let row = s
        .lines()
        .find(|l| l.contains("»") && l.contains("ønsket 23.11"))
        .unwrap_or_else(|| panic!("{s}"))
        .to_string();
    assert!(row.contains("Dorte Ønske"), "{row}");
    // A conversation planned for her: the mark is gone.
    a.store
        .plan(&NewAppointment {
            uuid: uuid::Uuid::new_v4().to_string(),
            citizen_id: anna,
            kind: Kind::Conversation,
            start: at(13, 0),
            minutes: 30,
            channel: Channel::InPerson,
            place: String::new(),
            status: Status::Planned,
            reason: String::new(),
        })
        .unwrap();
    a.refresh().unwrap();
    assert!(a.store.requested(anna).unwrap().is_none());
    assert!(!super::screen(&a, 80, 24).contains("ønsket 23.11"));
}

#[test]
fn the_note_editor_shows_the_prompts_of_the_conversation_type() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, _) = morning(&dir, Lang::Da);
    // A planned conversation, the citizen's first: the first conversation's prompts.
    key(&mut a, KeyCode::Char('h'));
    let Mode::Note(n) = &a.mode else {
        panic!("{:?}", a.mode)
    };
    assert_eq!(n.prompts, a.config.templates_da.first);
    // Tab offers the prompts first.
    key(&mut a, KeyCode::Tab);
    let Mode::Note(n) = &a.mode else { panic!() };
    assert_eq!(n.input.text(), a.config.templates_da.first[0]);
    key(&mut a, KeyCode::Esc);
    key(&mut a, KeyCode::Esc);
    // An unplanned contact (l, 1): the unplanned prompts.
    super::typ(&mut a, "l1");
    let Mode::Note(n) = &a.mode else {
        panic!("{:?}", a.mode)
    };
    assert_eq!(n.prompts, a.config.templates_da.unplanned);
    assert!(super::screen(&a, 80, 24).contains("Henvendelse om:"));
}
