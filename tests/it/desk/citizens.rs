//! Citizens edited, added and archived in the desk: the form on the card (`E`), `+` in the
//! Caseload pane and on the first-run screen, `A` on the card; each one undo step, audited
//! without the values.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use jobdesk::i18n::Lang;
use jobdesk::store::{AuditFilter, CitizenFilter};
use jobdesk::ui::app::{App, Mode, Row};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::{app, demo, press, screen, typ};

/// The Caseload pane's first citizen, its card open.
fn open_first_card(a: &mut App) -> jobdesk::domain::Citizen {
    typ(a, "5");
    let Some(Row::Citizen(c)) = a.state().list.selected_row().cloned() else {
        panic!()
    };
    press(a, KeyCode::Enter);
    assert!(matches!(a.mode, Mode::Card(_)));
    c
}

fn ctrl_s(a: &mut App) {
    a.handle_event(&Event::Key(KeyEvent::new(
        KeyCode::Char('s'),
        KeyModifiers::CONTROL,
    )));
}

#[test]
fn a_phone_number_is_corrected_on_the_card_and_u_restores_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(&dir);
    let mut a = app(&path);
    let c = open_first_card(&mut a);
    typ(&mut a, "E");
    let Mode::CitizenForm(form) = &a.mode else {
        panic!("{:?}", a.mode)
    };
    assert_eq!(form.fields[0].text(), c.name, "prefilled");
    assert_eq!(form.fields[1].text(), c.phone);
    press(&mut a, KeyCode::Tab);
    // The field is selected: what is typed replaces the old number.
    typ(&mut a, "87 65 43 21");
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.store.citizen(c.id).unwrap().phone, "87 65 43 21");
    assert!(matches!(a.mode, Mode::Card(_)), "back on the card");
    assert!(screen(&a, 100, 30).contains("87 65 43 21"));
    let audit = a
        .store
        .audit(&AuditFilter {
            citizen_id: Some(c.id),
        })
        .unwrap();
    let last = audit.last().unwrap();
    assert_eq!(last.action.key(), "edit_citizen");
    assert!(last.detail.contains("phone"), "{last:?}");
    let all = format!("{audit:?}");
    assert!(
        !all.contains("87 65 43 21") && !all.contains(&c.phone),
        "no values: {all}"
    );
    assert!(!all.contains(&c.name), "no name: {all}");
    // u on the card undoes it, and the card shows it.
    typ(&mut a, "u");
    assert_eq!(a.store.citizen(c.id).unwrap().phone, c.phone);
    assert!(screen(&a, 100, 30).contains(&c.phone));
}

#[test]
fn bad_values_are_shown_in_the_form_in_danish_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(&dir);
    let mut a = App::new(super::store_at(&path), Lang::Da, super::now()).unwrap();
    a.resize(80, 24);
    let c = open_first_card(&mut a);
    typ(&mut a, "E");
    press(&mut a, KeyCode::Tab);
    press(&mut a, KeyCode::Tab);
    typ(&mut a, "ikke en adresse");
    press(&mut a, KeyCode::Tab);
    typ(&mut a, "pensionist");
    press(&mut a, KeyCode::Tab);
    typ(&mut a, "31.02.2026");
    ctrl_s(&mut a);
    let Mode::CitizenForm(form) = &a.mode else {
        panic!("{:?}", a.mode)
    };
    assert_eq!(form.errors.len(), 3, "{:?}", form.errors);
    let s = screen(&a, 80, 24);
    assert!(s.contains("E-mail: skal have form"), "{s}");
    assert!(s.contains("'pensionist' kendes ikke"), "{s}");
    assert!(s.contains("Start på ydelse:"), "{s}");
    assert_eq!(a.store.citizen(c.id).unwrap(), c, "nothing written");
    press(&mut a, KeyCode::Esc);
    assert!(matches!(a.mode, Mode::Card(_)), "Esc: back on the card");
}

#[test]
fn the_target_group_and_start_recompute_the_due_date() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(&dir);
    let mut a = app(&path);
    let c = open_first_card(&mut a);
    typ(&mut a, "E");
    for _ in 0..3 {
        press(&mut a, KeyCode::Tab);
    }
    typ(&mut a, "sygedagpenge");
    press(&mut a, KeyCode::Tab);
    typ(&mut a, "2026-11-16");
    press(&mut a, KeyCode::Enter);
    let now = a.store.citizen(c.id).unwrap();
    assert_eq!(now.target_group, jobdesk::domain::TargetGroup::Sygedagpenge);
    assert!(now.next_due.is_some(), "due again: {now:?}");
    typ(&mut a, "u");
    assert_eq!(a.store.citizen(c.id).unwrap(), c, "all of it undone");
}

#[test]
fn plus_adds_a_citizen_and_u_takes_it_away() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(&dir);
    let mut a = app(&path);
    let before = a.store.count_citizens(&CitizenFilter::default()).unwrap();
    typ(&mut a, "5+");
    assert!(matches!(a.mode, Mode::CitizenForm(_)), "{:?}", a.mode);
    // Name and target group are required.
    press(&mut a, KeyCode::Enter);
    let Mode::CitizenForm(form) = &a.mode else {
        panic!()
    };
    assert_eq!(form.errors.len(), 2, "{:?}", form.errors);
    typ(&mut a, "Ny Borgersen");
    press(&mut a, KeyCode::Tab);
    typ(&mut a, "20 30 40 50");
    press(&mut a, KeyCode::Tab);
    press(&mut a, KeyCode::Tab);
    typ(&mut a, "jobparat");
    press(&mut a, KeyCode::Enter);
    assert_eq!(
        a.store.count_citizens(&CitizenFilter::default()).unwrap(),
        before + 1
    );
    let Mode::Card(card) = &a.mode else {
        panic!("the new citizen's card: {:?}", a.mode)
    };
    assert_eq!(card.citizen.name, "Ny Borgersen");
    assert_eq!(card.citizen.phone, "20 30 40 50");
    let id = card.citizen.id;
    press(&mut a, KeyCode::Esc);
    typ(&mut a, "u");
    assert!(a.store.citizen(id).is_err(), "undone: {:?}", a.message);
    assert_eq!(
        a.store.count_citizens(&CitizenFilter::default()).unwrap(),
        before
    );
}

#[test]
fn the_first_run_screen_says_plus_and_plus_adds_the_first_citizen() {
    let store = jobdesk::store::Store::open_in_memory().unwrap();
    let mut a = App::new(store, Lang::Da, super::now()).unwrap();
    a.resize(80, 24);
    let s = screen(&a, 80, 24);
    assert!(s.contains("Tryk + for at oprette"), "{s}");
    assert!(s.contains("+ ny borger"), "the footer says it too:\n{s}");
    typ(&mut a, "+");
    typ(&mut a, "Første Borger");
    for _ in 0..3 {
        press(&mut a, KeyCode::Tab);
    }
    typ(&mut a, "dagpenge");
    press(&mut a, KeyCode::Enter);
    assert!(!a.empty, "{:?}", a.message);
    assert!(matches!(a.mode, Mode::Card(_)));
}

#[test]
fn a_citizen_is_archived_after_asking_and_u_brings_them_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(&dir);
    let mut a = app(&path);
    let c = open_first_card(&mut a);
    typ(&mut a, "A");
    assert!(screen(&a, 100, 30).contains(&format!("Archive {}?", c.name)));
    typ(&mut a, "n");
    assert!(!a.store.citizen(c.id).unwrap().archived, "n keeps them");
    typ(&mut a, "Ay");
    assert!(a.store.citizen(c.id).unwrap().archived);
    assert!(screen(&a, 100, 30).contains("(archived)"));
    press(&mut a, KeyCode::Esc);
    let Some(Row::Citizen(first)) = a.state().list.selected_row().cloned() else {
        panic!()
    };
    assert_ne!(first.id, c.id, "gone from the list");
    typ(&mut a, "u");
    assert!(!a.store.citizen(c.id).unwrap().archived);
}

/// The address: the citizen form's last field; shown on the card; `u` takes it back. A home
/// visit planned without a place then shows the address on its row.
#[test]
fn the_address_is_edited_in_the_form_shown_on_the_card_and_a_home_visits_place() {
    let mut a = app(Lang::En);
    let c = open_first_card(&mut a);
    assert_eq!(c.address, None);
    typ(&mut a, "E");
    // Shift-Tab from the first field: the last one, the address.
    press(&mut a, KeyCode::BackTab);
    typ(&mut a, "Vestergade 3, 8000 Aarhus C");
    press(&mut a, KeyCode::Enter);
    let now = a.store.citizen(c.id).unwrap();
    assert_eq!(now.address.as_deref(), Some("Vestergade 3, 8000 Aarhus C"));
    assert!(matches!(a.mode, Mode::Card(_)));
    let s = screen(&a, 120, 40);
    assert!(
        s.contains("Address") && s.contains("Vestergade 3, 8000 Aarhus C"),
        "{s}"
    );

    let at = super::now().date().and_hms_opt(15, 0, 0).unwrap();
    a.store
        .add_appointment(&jobdesk::domain::NewAppointment {
            uuid: "0b0e4f7e-1a2b-4c3d-8e9f-0a1b2c3d4e5f".into(),
            citizen_id: c.id,
            kind: jobdesk::domain::Kind::Conversation,
            start: at,
            minutes: 30,
            channel: jobdesk::domain::Channel::HomeVisit,
            place: String::new(),
            status: jobdesk::domain::Status::Planned,
            reason: String::new(),
        })
        .unwrap();
    press(&mut a, KeyCode::Esc);
    typ(&mut a, "2");
    let s = screen(&a, 120, 40);
    let row = s.lines().find(|l| l.contains("15:00")).unwrap();
    assert!(row.contains("Vestergade 3"), "{s}");

    typ(&mut a, "5");
    press(&mut a, KeyCode::Enter);
    typ(&mut a, "u");
    assert_eq!(a.store.citizen(c.id).unwrap().address, None, "undone");
}
