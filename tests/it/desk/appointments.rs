//! Changing a planned appointment without moving it (`E`): length, channel, place and kind in a
//! small form, one undo step; refused for an appointment that is not planned.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use jobdesk::domain::{Channel, Kind, Status};
use jobdesk::i18n::Lang;
use jobdesk::store::AppointmentEdit;
use jobdesk::ui::app::{Mode, Row};
use ratatui::crossterm::event::KeyCode;

use super::{app, now, press, select_planned, typ};

#[test]
fn e_changes_only_length_channel_place_and_kind_and_u_restores() {
    let mut a = app(Lang::Da);
    let id = select_planned(&mut a);
    let old = a.store.appointment(id).unwrap();
    typ(&mut a, "E");
    let Mode::EditAppointment(f) = &a.mode else {
        panic!("the form: {:?} {:?}", a.mode, a.message)
    };
    assert_eq!(f.fields[0].text(), old.minutes.to_string(), "prefilled");
    // The first key typed replaces the prefilled value.
    typ(&mut a, "50");
    press(&mut a, KeyCode::Tab);
    typ(&mut a, "video");
    press(&mut a, KeyCode::Tab);
    typ(&mut a, "Jobcentret, lokale 3");
    press(&mut a, KeyCode::Tab);
    typ(&mut a, "mentorbesøg");
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.mode, Mode::Normal, "{:?}", a.message);
    let new = a.store.appointment(id).unwrap();
    assert_eq!(
        (new.minutes, new.channel, new.place.as_str(), new.kind),
        (
            50,
            Channel::Video,
            "Jobcentret, lokale 3",
            Kind::MentorVisit
        )
    );
    // Nothing else: not moved, still planned, the same citizen.
    assert_eq!(
        (
            new.start,
            new.status,
            new.citizen_id,
            &new.uuid,
            &new.reason
        ),
        (
            old.start,
            old.status,
            old.citizen_id,
            &old.uuid,
            &old.reason
        )
    );
    assert!(
        a.message.as_deref().unwrap_or("").contains('u'),
        "{:?}",
        a.message
    );
    typ(&mut a, "u");
    assert_eq!(a.store.appointment(id).unwrap(), old, "{:?}", a.message);
}

#[test]
fn bad_values_are_told_in_the_form_in_the_desks_language() {
    let mut a = app(Lang::Da);
    a.resize(80, 24);
    let id = select_planned(&mut a);
    let old = a.store.appointment(id).unwrap();
    typ(&mut a, "E");
    typ(&mut a, "0");
    press(&mut a, KeyCode::Tab);
    typ(&mut a, "brevdue");
    press(&mut a, KeyCode::Enter);
    let Mode::EditAppointment(f) = &a.mode else {
        panic!("the form stays open")
    };
    let errors = f.errors.join(" | ");
    assert!(
        errors.contains("Minutter") && errors.contains("minutter fra 1"),
        "{errors}"
    );
    assert!(
        errors.contains("'brevdue' kendes ikke") && errors.contains("telefon"),
        "{errors}"
    );
    let s = super::screen(&a, 80, 24);
    assert!(s.contains("kendes ikke"), "{s}");
    assert_eq!(a.store.appointment(id).unwrap(), old, "nothing written");
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.mode, Mode::Normal);
}

#[test]
fn a_longer_appointment_that_overlaps_another_is_warned_of_in_the_form() {
    let mut a = app(Lang::Da);
    a.resize(80, 24);
    // A planned appointment with another planned one later the same day.
    let day: Vec<_> = a
        .store
        .appointments(
            &jobdesk::store::AppointmentFilter {
                from: Some(now()),
                to: Some(now() + chrono::Duration::days(30)),
                ..Default::default()
            },
            0,
            2000,
        )
        .unwrap()
        .into_iter()
        .filter(|x| x.status == Status::Planned)
        .collect();
    let (first, next) = day
        .windows(2)
        .find(|w| w[0].start.date() == w[1].start.date() && w[0].end() <= w[1].start)
        .map(|w| (w[0].clone(), w[1].clone()))
        .expect("two planned on one day");
    // Its day in the Today pane, its row selected.
    while a.state().date < first.start.date() {
        typ(&mut a, ".");
    }
    for _ in 0..a.state().list.total {
        if let Some(Row::Appointment(x)) = a.state().list.selected_row()
            && x.id == first.id
        {
            break;
        }
        press(&mut a, KeyCode::Down);
    }
    typ(&mut a, "E");
    let reach = (next.start - first.start).num_minutes() + 10;
    typ(&mut a, &reach.to_string());
    let Mode::EditAppointment(f) = &a.mode else {
        panic!("{:?}", a.message)
    };
    assert!(
        f.warnings.iter().any(|o| o.contains(&next.citizen)),
        "{:?}",
        f.warnings
    );
    let s = super::screen(&a, 80, 24);
    assert!(s.contains("⚠ overlapper"), "{s}");
    // A warning, not a refusal.
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.store.appointment(first.id).unwrap().minutes, reach);
}

#[test]
fn a_held_appointment_is_not_edited() {
    let mut a = app(Lang::Da);
    let id = select_planned(&mut a);
    typ(&mut a, "h");
    if let Mode::Confirm(_) = a.mode {
        typ(&mut a, "j");
    }
    if let Mode::Note(_) = a.mode {
        press(&mut a, KeyCode::Esc);
    }
    assert_eq!(a.store.appointment(id).unwrap().status, Status::Held);
    let held = a.store.appointment(id).unwrap();
    // The selection moved on to the next planned appointment; back to the held one: E says
    // why not, in Danish, and opens nothing.
    super::select_appointment(&mut a, id);
    let Some(Row::Appointment(x)) = a.state().list.selected_row() else {
        panic!()
    };
    assert_eq!(x.id, id);
    typ(&mut a, "E");
    assert_eq!(a.mode, Mode::Normal);
    let msg = a.message.clone().unwrap_or_default();
    assert!(msg.contains("afholdt") && msg.contains("planlagt"), "{msg}");
    // The store refuses it too.
    let err = a
        .store
        .edit_appointment(
            id,
            &AppointmentEdit {
                minutes: Some(15),
                ..Default::default()
            },
            now(),
        )
        .unwrap_err();
    assert!(format!("{err:#}").contains("not planned"), "{err:#}");
    assert_eq!(a.store.appointment(id).unwrap(), held);
}
