//! Planning in the desk: quick-add for the selected citizen with its live preview, its refusals
//! and pick list, the next step after marking, and the full form.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use jobdesk::domain::{Kind, Status};
use jobdesk::i18n::Lang;
use jobdesk::store::AppointmentFilter;
use jobdesk::ui::app::{App, Mode, Row};
use jobdesk::ui::overlay::quick_add::Preview;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::{app, demo, now, press, select_planned, store_at, typ};

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
    let (text, ok) = jobdesk::ui::overlay::quick_add::preview_text(Lang::En, &q.preview);
    assert!(ok, "{text}");
    assert!(
        text.contains(&c.name) && text.contains("Thu 26 Nov 10:30") && text.contains("45 min"),
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
    let (text, ok) = jobdesk::ui::overlay::quick_add::preview_text(Lang::En, &q.preview);
    assert!(!ok && text.contains("31.02"), "{text}");
    press(&mut a, KeyCode::Esc);
    typ(&mut a, "aNobody Atall mon 10");
    press(&mut a, KeyCode::Enter);
    let Mode::QuickAdd(q) = &a.mode else { panic!() };
    assert!(
        jobdesk::ui::overlay::quick_add::preview_text(Lang::En, &q.preview)
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
    assert!(q.confirm);
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
    // The selection moved on to the next planned call: back to the one just held.
    super::select_appointment(&mut a, id);
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
    // 13.15–14.45 overlaps another appointment: warned of once, Enter again plans it.
    let Mode::Form(f) = &a.mode else {
        panic!("the warnings are shown")
    };
    assert!(
        f.warnings.iter().any(|w| w.contains("overlaps")),
        "{:?}",
        f.warnings
    );
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.mode, Mode::Normal, "Enter again on the last field saves");
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

/// A database with two "Steffen Olesen" (born 1985 and 1992, different groups), a "Lars Møller"
/// and a "Lars Møller Hansen"; returns the path and the ids in that order.
fn namesakes(dir: &tempfile::TempDir) -> (std::path::PathBuf, Vec<i64>) {
    use jobdesk::domain::{NewCitizen, TargetGroup};
    let path = dir.path().join("n.db");
    let mut s = store_at(&path);
    let ids = [
        (
            "Steffen Olesen",
            Some("120385-1234"),
            TargetGroup::Sygedagpenge,
        ),
        ("Steffen Olesen", Some("010792-2345"), TargetGroup::Dagpenge),
        ("Lars Møller", None, TargetGroup::Dagpenge),
        ("Lars Møller Hansen", None, TargetGroup::Dagpenge),
    ]
    .iter()
    .map(|(name, cpr, g)| {
        s.add_citizen(&NewCitizen {
            name: (*name).into(),
            cpr: cpr.map(Into::into),
            target_group: Some(*g),
            ..Default::default()
        })
        .unwrap()
    })
    .collect();
    drop(s);
    (path, ids)
}

#[test]
fn namesakes_are_told_apart_in_the_pick_list_and_an_exact_unique_name_skips_it() {
    let dir = tempfile::tempdir().unwrap();
    let (path, ids) = namesakes(&dir);
    let mut a = app(&path);
    a.resize(80, 24);
    typ(&mut a, "atomorrow 9 steffen olesen");
    press(&mut a, KeyCode::Enter);
    let Mode::QuickAdd(q) = &a.mode else { panic!() };
    let pick = q.pick.clone().expect("two namesakes: a pick list");
    assert_eq!(
        pick.ids.iter().map(|(id, _)| *id).collect::<Vec<_>>(),
        vec![ids[0], ids[1]],
        "only the two of that exact name"
    );
    let s = super::screen(&a, 80, 24);
    for part in [
        "Sickness",
        "Dagpenge",
        "b. 1985",
        "b. 1992",
        &format!("#{}", ids[0]),
    ] {
        assert!(s.contains(part), "{part} in the pick list:\n{s}");
    }
    assert!(
        !s.contains("1234") && !s.contains("120385"),
        "never the CPR number:\n{s}"
    );
    // The second one, by its row.
    press(&mut a, KeyCode::Down);
    press(&mut a, KeyCode::Enter);
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.mode, Mode::Normal, "{:?}", a.message);
    assert_eq!(planned_for(&a, ids[1]).len(), 1);
    assert_eq!(planned_for(&a, ids[0]).len(), 0);

    // An exact full name that only one citizen has: no pick list, though another name starts
    // with it; the Danish letter may be typed the old way.
    typ(&mut a, "atomorrow 10 lars moeller");
    let Mode::QuickAdd(q) = &a.mode else { panic!() };
    assert!(
        matches!(&q.preview, Preview::Ready { citizen, .. } if citizen == "Lars Møller"),
        "{:?}",
        q.preview
    );
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.mode, Mode::Normal, "{:?}", a.message);
    assert_eq!(planned_for(&a, ids[2]).len(), 1);
    assert_eq!(planned_for(&a, ids[3]).len(), 0);
}

/// The card of the selected citizen in Caseload.
fn card_citizen(a: &App) -> i64 {
    match &a.mode {
        Mode::Card(c) => c.citizen.id,
        m => panic!("no card: {m:?}"),
    }
}

#[test]
fn overlays_opened_on_the_card_return_to_the_card() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(&dir);
    let mut a = app(&path);
    typ(&mut a, "5");
    // Not the list's first citizen: the card's citizen must be the one acted on.
    press(&mut a, KeyCode::Down);
    press(&mut a, KeyCode::Down);
    press(&mut a, KeyCode::Enter);
    let id = card_citizen(&a);
    press(&mut a, KeyCode::Down);
    press(&mut a, KeyCode::Down);
    let Mode::Card(before) = a.mode.clone() else {
        panic!()
    };
    press(&mut a, KeyCode::Up);
    let Mode::Card(_) = &a.mode else { panic!() };
    press(&mut a, KeyCode::Down);

    // Esc from quick-add: the same card, scrolled and selected as it was.
    typ(&mut a, "a");
    assert!(matches!(a.mode, Mode::QuickAdd(_)));
    press(&mut a, KeyCode::Esc);
    let Mode::Card(back) = &a.mode else {
        panic!("back to the card: {:?}", a.mode)
    };
    assert_eq!(back.citizen.id, id);
    assert_eq!(
        (back.selected, back.scroll),
        (before.selected, before.scroll)
    );

    // N there plans for that citizen, and saving returns to the card.
    let before_n = planned_for(&a, id).len();
    typ(&mut a, "N");
    let Mode::QuickAdd(q) = &a.mode else { panic!() };
    assert_eq!(q.prefill.as_ref().map(|p| p.0), Some(id));
    press(&mut a, KeyCode::Enter);
    if let Mode::QuickAdd(_) = a.mode {
        press(&mut a, KeyCode::Enter); // a warning was confirmed
    }
    assert_eq!(card_citizen(&a), id, "{:?}", a.message);
    assert_eq!(planned_for(&a, id).len(), before_n + 1);
    let Mode::Card(c) = &a.mode else { panic!() };
    assert_eq!(c.upcoming.len(), planned_for(&a, id).len(), "read again");
    // The row that was selected stays selected, though a new row came above it.
    let key = |c: &jobdesk::ui::overlay::Card| {
        c.selected.and_then(|i| c.row(i)).map(|r| match r {
            jobdesk::ui::overlay::card::HistoryRow::Contact(k, _) => ("contact", k.id),
            jobdesk::ui::overlay::card::HistoryRow::Appointment(x) => ("appointment", x.id),
        })
    };
    assert!(key(&before).is_some());
    assert_eq!(key(c), key(&before));

    // l: the log pick, then the note; Esc at each step ends on the card.
    typ(&mut a, "l");
    assert!(matches!(a.mode, Mode::LogPick(_)));
    press(&mut a, KeyCode::Esc);
    assert_eq!(card_citizen(&a), id);
    typ(&mut a, "l1");
    assert!(matches!(a.mode, Mode::Note(_)), "{:?}", a.mode);
    typ(&mut a, "Ringede");
    press(&mut a, KeyCode::Enter);
    assert_eq!(card_citizen(&a), id);

    // e: the summary, closed unchanged.
    typ(&mut a, "e");
    assert!(matches!(a.mode, Mode::Summary(_)));
    press(&mut a, KeyCode::Esc);
    assert_eq!(card_citizen(&a), id);

    // The card closes to the list as before.
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.mode, Mode::Normal);
}
