//! Phone numbers where the calls are: a phone column on Today and Calls when there is room
//! (never at the cost of the names or the place at 80 columns), and `P` copying the selected
//! citizen's number through the terminal's clipboard escape (OSC 52).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use jobdesk::i18n::Lang;
use jobdesk::ui::action::Action;
use jobdesk::ui::app::Row;
use ratatui::crossterm::event::Event;

use super::{app, screen, typ};

/// The line of column headings (the fourth line on the screen).
fn heading(s: &str) -> String {
    s.lines().nth(3).unwrap().to_string()
}

#[test]
fn the_phone_column_shows_at_120_columns_and_not_at_80() {
    let mut a = app(Lang::En);
    a.handle_event(&Event::Resize(120, 40));
    a.update(Action::Pane(1));
    let s = screen(&a, 120, 40);
    assert!(heading(&s).contains("Phone"), "{s}");
    let Some(Row::Appointment(first)) = a.state().list.rows.first().cloned() else {
        panic!("no appointment on Calls");
    };
    assert!(!first.phone.is_empty());
    assert!(s.contains(&first.phone), "{s}");

    let mut a = app(Lang::Da);
    a.handle_event(&Event::Resize(80, 24));
    a.update(Action::Pane(1));
    let s = screen(&a, 80, 24);
    let head = heading(&s);
    assert!(head.contains("Borger") && !head.contains("Telefon"), "{s}");
    assert!(!s.contains(&first.phone), "{s}");
}

#[test]
fn p_copies_the_phone_number_with_osc52() {
    for lang in [Lang::Da, Lang::En] {
        let mut a = app(lang);
        a.clipboard_ok = true;
        a.update(Action::Pane(1));
        let Some(Row::Appointment(first)) = a.state().list.selected_row().cloned() else {
            panic!("no appointment selected");
        };
        let phone = a.store.citizen(first.citizen_id).unwrap().phone;
        assert!(!phone.is_empty());
        typ(&mut a, "P");
        assert_eq!(
            a.clipboard.as_deref(),
            Some(jobdesk::domain::journal::osc52(&phone).as_str())
        );
        let want = if lang.da() {
            format!("Telefonnummer kopieret: {phone}")
        } else {
            format!("Phone number copied: {phone}")
        };
        assert_eq!(a.message.as_deref(), Some(want.as_str()));
        // Without a terminal nothing is sent and the number is shown instead.
        let mut a = app(lang);
        a.update(Action::Pane(1));
        typ(&mut a, "P");
        assert!(a.clipboard.is_none());
        assert!(a.message.unwrap().contains(&phone));
    }
}
