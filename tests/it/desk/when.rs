//! One date-time language in the desk's prompts: `m` and closure start read the same words as
//! quick-add and the command line, and say what is wrong in the desk's language.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use jobdesk::i18n::Lang;
use jobdesk::ui::app::Mode;
use ratatui::crossterm::event::KeyCode;

use super::{app, demo, press, select_planned, typ};

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

#[test]
fn move_reads_weekday_words_and_replaces_the_prefilled_time() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(&dir);
    let mut a = app(&path);
    let id = select_planned(&mut a);
    press(&mut a, KeyCode::Char('m'));
    // The old time is selected: typing replaces it (no Backspace needed).
    typ(&mut a, "tor 16.45");
    press(&mut a, KeyCode::Enter);
    if let Mode::Move(_) = &a.mode {
        // A clash was shown: Enter again moves anyway.
        press(&mut a, KeyCode::Enter);
    }
    assert!(matches!(a.mode, Mode::Note(_)), "the note is offered");
    press(&mut a, KeyCode::Enter);
    let old = a.store.appointment(id).unwrap();
    let new = a.store.appointment(old.moved_to.expect("moved")).unwrap();
    assert_eq!(new.start, day(11, 26).and_hms_opt(16, 45, 0).unwrap());
}

#[test]
fn move_says_what_is_wrong_in_danish() {
    let mut a = app(Lang::Da);
    select_planned(&mut a);
    press(&mut a, KeyCode::Char('m'));
    typ(&mut a, "tirx 10");
    press(&mut a, KeyCode::Enter);
    let Mode::Move(m) = &a.mode else {
        panic!("the error is shown in the prompt")
    };
    let e = m.error.as_deref().unwrap();
    assert!(e.contains("'tirx"), "{e}");
    assert!(!e.contains(" is not "), "Danish on a Danish desk: {e}");
}

#[test]
fn closure_start_reads_words_for_both_days_and_keeps_the_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = demo(&dir);
    let mut a = app(&path);
    typ(&mut a, "6");
    typ(&mut a, "S");
    typ(&mut a, "i morgen - uge 49 fre Julelukning");
    press(&mut a, KeyCode::Enter);
    let c = a.store.open_closure().unwrap().expect("started");
    assert_eq!((c.from, c.to), (day(11, 24), day(12, 4)));
    assert_eq!(c.name, "Julelukning");
}
