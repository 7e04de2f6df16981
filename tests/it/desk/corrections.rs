//! Correcting and deleting log entries in the Contact log pane: `e` opens a small prefilled form
//! (typing replaces a field), Enter saves only what changed, `d` asks first; `u` undoes both.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use jobdesk::domain::{Channel, Contact};
use jobdesk::ui::app::{App, Mode, Row};
use jobdesk::ui::overlay::{Confirm, Question};
use ratatui::crossterm::event::KeyCode;

use super::{app, demo, press, screen, typ};

/// Goes back day by day in the Contact log until a contact is selected.
pub fn select_contact(a: &mut App) -> Contact {
    typ(a, "4");
    for _ in 0..30 {
        if let Some(Row::Contact(c)) = a.state().list.selected_row() {
            return c.clone();
        }
        typ(a, ",");
    }
    panic!("no contact in the last 30 days");
}

#[test]
fn e_corrects_the_selected_entry_and_u_undoes_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(&dir);
    let mut a = app(&path);
    let c = select_contact(&mut a);
    typ(&mut a, "e");
    assert!(matches!(a.mode, Mode::EditContact(_)));
    // Minutes: the first key replaces the prefilled value; then the note, replaced too.
    press(&mut a, KeyCode::Tab);
    typ(&mut a, "17");
    press(&mut a, KeyCode::Tab);
    typ(&mut a, "video");
    press(&mut a, KeyCode::Tab);
    press(&mut a, KeyCode::Tab);
    typ(&mut a, "Corrected note");
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.mode, Mode::Normal, "{:?}", a.message);
    let after = a.store.contact(c.id).unwrap();
    assert_eq!(
        (
            after.minutes,
            after.channel,
            after.note.as_str(),
            after.at,
            after.outcome
        ),
        (17, Channel::Video, "Corrected note", c.at, c.outcome)
    );
    assert!(a.message.as_deref().unwrap().contains("Corrected"));
    typ(&mut a, "u");
    assert_eq!(a.store.contact(c.id).unwrap(), c, "undo restores it");
}

#[test]
fn a_bad_value_is_explained_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(&dir);
    let mut a = app(&path);
    let c = select_contact(&mut a);
    typ(&mut a, "e31.02.2026 10:00");
    press(&mut a, KeyCode::Enter);
    let Mode::EditContact(e) = &a.mode else {
        panic!("kept open")
    };
    assert!(
        e.errors.iter().any(|x| x.contains("no day 31")),
        "{:?}",
        e.errors
    );
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.mode, Mode::Normal);
    assert_eq!(a.store.contact(c.id).unwrap(), c);
}

#[test]
fn d_deletes_after_asking_and_u_brings_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(&dir);
    let mut a = app(&path);
    let c = select_contact(&mut a);
    let total = a.state().list.total;
    typ(&mut a, "d");
    let Mode::Confirm(Confirm {
        question: Question::DeleteContact { .. },
        text,
        ..
    }) = &a.mode
    else {
        panic!("asks first")
    };
    assert!(
        text.starts_with("Delete the contact") && text.contains(&c.citizen),
        "{text}"
    );
    typ(&mut a, "n");
    assert_eq!(a.store.contact(c.id).unwrap(), c, "n keeps it");
    typ(&mut a, "dy");
    assert_eq!(a.state().list.total, total - 1);
    assert!(!screen(&a, 100, 30).contains(&format!("{}  ", c.note)) || c.note.is_empty());
    typ(&mut a, "u");
    assert_eq!(a.state().list.total, total, "undo brings it back");
    assert_eq!(a.store.contact(c.id).unwrap(), c);
}
