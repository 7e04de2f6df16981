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

/// A database with one citizen ("Karin Lund", phone 11 22 33 44) and `n` contacts a week
/// apart, the oldest first; contact `i`'s note names it ("Samtale nr. i"). Returns the path
/// and the citizen's id.
fn one_citizen(
    dir: &tempfile::TempDir,
    n: i64,
    note: impl Fn(i64) -> String,
) -> (std::path::PathBuf, i64) {
    let path = dir.path().join("k.db");
    let mut s = store_at(&path);
    let id = s
        .add_citizen(&jobdesk::domain::NewCitizen {
            name: "Karin Lund".into(),
            phone: "11 22 33 44".into(),
            target_group: Some(jobdesk::domain::TargetGroup::Dagpenge),
            benefit_start: chrono::NaiveDate::from_ymd_opt(2026, 1, 5),
            ..Default::default()
        })
        .unwrap();
    for i in 0..n {
        s.add_contact(&jobdesk::domain::NewContact {
            uuid: format!("u{i}"),
            citizen_id: id,
            appointment_id: None,
            at: super::now() - chrono::Duration::days(7 * (n - i)),
            channel: jobdesk::domain::Channel::Phone,
            outcome: jobdesk::domain::Outcome::Reached,
            minutes: 10,
            note: note(i),
            counts: true,
        })
        .unwrap();
    }
    drop(s);
    (path, id)
}

fn card_of(a: &jobdesk::ui::app::App) -> &jobdesk::ui::overlay::Card {
    match &a.mode {
        Mode::Card(c) => c,
        m => panic!("no card: {m:?}"),
    }
}

#[test]
fn the_card_reaches_the_oldest_of_25_contacts() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = one_citizen(&dir, 25, |i| format!("Samtale nr. {i}"));
    let mut a = app(&path);
    a.resize(80, 24);
    typ(&mut a, "5");
    press(&mut a, KeyCode::Enter);
    assert_eq!(card_of(&a).contacts.len(), 25, "the whole history is read");
    let s = screen(&a, 80, 24);
    assert!(s.contains("Samtale nr. 24"), "the newest shows first:\n{s}");
    assert!(!s.contains("Samtale nr. 0 "), "{s}");
    for _ in 0..30 {
        press(&mut a, KeyCode::Down);
    }
    let s = screen(&a, 80, 24);
    assert!(s.contains("Samtale nr. 0"), "↓ reaches the oldest:\n{s}");
    assert_eq!(card_of(&a).selected, Some(24), "and stops there");
    // Up from the first row shows the top of the card again.
    press(&mut a, KeyCode::Home);
    assert!(screen(&a, 80, 24).contains("Karin Lund"));
}

#[test]
fn enter_on_a_contact_shows_its_whole_note_and_esc_goes_back() {
    let long = "Borgeren fortalte længe om forløbet hos lægen og om ønsket om et fleksjob \
                med faste tider, og vi aftalte at undersøge mulighederne hos tre lokale \
                virksomheder inden næste samtale. SLUTORD";
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = one_citizen(&dir, 3, |i| {
        if i == 2 {
            long.to_string()
        } else {
            format!("Kort {i}")
        }
    });
    let mut a = app(&path);
    typ(&mut a, "5");
    press(&mut a, KeyCode::Enter);
    assert!(
        !screen(&a, 100, 30).contains("SLUTORD"),
        "the card's row is cut"
    );
    press(&mut a, KeyCode::Down);
    press(&mut a, KeyCode::Enter);
    let s = screen(&a, 100, 30);
    assert!(s.contains("SLUTORD"), "the whole note:\n{s}");
    assert!(s.contains("Contact · Karin Lund"), "{s}");
    // ↓ shows the next (older) contact's note in the same view.
    press(&mut a, KeyCode::Down);
    assert!(screen(&a, 100, 30).contains("Kort 1"));
    press(&mut a, KeyCode::Esc);
    assert!(matches!(a.mode, Mode::Card(_)), "back on the card");
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.mode, Mode::Normal);
}

#[test]
fn a_n_l_and_o_work_on_the_card() {
    let dir = tempfile::tempdir().unwrap();
    let (path, id) = one_citizen(&dir, 2, |i| format!("Note {i}"));
    let mut a = app(&path);
    typ(&mut a, "5");
    press(&mut a, KeyCode::Enter);
    // a: the quick-add line, for this citizen.
    typ(&mut a, "a");
    let Mode::QuickAdd(q) = &a.mode else {
        panic!("{:?}", a.mode)
    };
    assert_eq!(q.prefill, Some((id, "Karin Lund".to_string())));
    assert!(screen(&a, 100, 30).contains("Karin Lund"));
    press(&mut a, KeyCode::Esc);
    // N: the next conversation, with a day already typed.
    press(&mut a, KeyCode::Enter);
    typ(&mut a, "N");
    let Mode::QuickAdd(q) = &a.mode else {
        panic!("{:?}", a.mode)
    };
    assert_eq!(q.prefill.as_ref().map(|p| p.0), Some(id));
    assert!(!q.input.text().is_empty());
    press(&mut a, KeyCode::Esc);
    // l: what kind of contact to log, for this citizen.
    press(&mut a, KeyCode::Enter);
    typ(&mut a, "l");
    let Mode::LogPick(p) = &a.mode else {
        panic!("{:?}", a.mode)
    };
    assert_eq!(p.citizen_id, id);
    press(&mut a, KeyCode::Esc);
    // o: on the selected contact only; one undo step.
    press(&mut a, KeyCode::Enter);
    typ(&mut a, "o");
    assert!(a.message.is_some(), "asks for a contact first");
    press(&mut a, KeyCode::Down);
    let k = card_of(&a).selected_contact().unwrap().clone();
    assert!(k.transferred_at.is_none());
    typ(&mut a, "o");
    assert!(a.store.contact(k.id).unwrap().transferred_at.is_some());
    let card = card_of(&a);
    assert_eq!(card.selected, Some(0), "the card is read again, in place");
    assert!(card.contacts[0].transferred_at.is_some());
    typ(&mut a, "u");
    assert!(a.store.contact(k.id).unwrap().transferred_at.is_none());
    assert!(
        card_of(&a).contacts[0].transferred_at.is_none(),
        "undone on the card"
    );
}
