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
