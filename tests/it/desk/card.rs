//! The citizen card: opening and closing it, the summary edited and undone, a CPR number revealed
//! into the audit log, and erasing a citizen after asking.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use jobdesk::i18n::Lang;
use jobdesk::ui::app::{Mode, Row};
use jobdesk::ui::overlay::{Confirm, Question};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::{app, chars, demo, key, press, screen, store_at, typ};
use crate::support;

#[test]
fn enter_opens_the_citizen_card_and_esc_closes_it() {
    let mut a = app(Lang::En);
    chars(&mut a, "5j");
    let Some(Row::Citizen(c)) = a.state().list.selected_row().cloned() else {
        panic!()
    };
    key(&mut a, KeyCode::Enter);
    let Mode::Card(card) = &a.mode else {
        panic!("no card")
    };
    assert_eq!(card.citizen.id, c.id);
    let s = screen(&a, 100, 30);
    assert!(s.contains(&format!("Citizen card: {}", c.name)), "{s}");
    assert!(s.contains("Contacts ("), "{s}");
    if let Some(cpr) = &c.cpr {
        assert!(!s.contains(cpr.as_str()), "CPR is masked");
        assert!(s.contains(&format!("{}-****", &cpr[..6])));
    }
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.mode, Mode::Normal);
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
    assert!(matches!(a.mode, Mode::Summary(_)));
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
    assert!(matches!(
        a.mode,
        Mode::Confirm(Confirm {
            question: Question::Erase { .. },
            ..
        })
    ));
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
    let out = support::process()
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
