//! A closure from the desk: the call-round, its report and undo.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use jobdesk::domain::Outcome;
use jobdesk::store::ContactFilter;
use jobdesk::ui::app::{Mode, Row};
use ratatui::crossterm::event::KeyCode;

use super::{app, demo, now, press, typ};

#[test]
fn a_closure_from_the_desk_call_round_and_undo() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(&dir);
    let mut a = app(&path);
    typ(&mut a, "6");
    assert!(a.closure.is_none());
    typ(&mut a, "S");
    assert!(matches!(a.mode, Mode::StartClosure(_)));
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
    // Reached and accepted: r, y, Enter (no answers, no note); then Esc: the conversation
    // is not planned now.
    typ(&mut a, "ry");
    press(&mut a, KeyCode::Enter);
    assert!(matches!(a.mode, Mode::QuickAdd(_)));
    press(&mut a, KeyCode::Esc);
    // Contacts the demo logged today (in the closure's window) count as reached already.
    let before = v.progress.reached;
    let p = a.closure.as_ref().unwrap().progress;
    assert_eq!((p.reached, p.accepted, p.attempts), (before + 1, 1, 1));
    // No answer: the citizen is retried the next working day.
    let Some(Row::Call(e)) = a.state().list.selected_row().cloned() else {
        panic!()
    };
    typ(&mut a, "n");
    assert_eq!(a.mode, Mode::Normal, "one key: no note line");
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
    let all = rows.iter().find(|r| r.is_all()).unwrap();
    assert_eq!(
        (all.counts.citizens, all.counts.reached, all.counts.accepted),
        (on_list as u64, before as u64 + 1, 1)
    );
}
