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

/// Gives the citizen an address, as `citizen set --address` or the card's form would.
fn set_address(a: &mut jobdesk::ui::app::App, id: i64, address: &str) {
    let edit = jobdesk::store::CitizenEdit {
        address: Some(address.into()),
        ..Default::default()
    };
    a.store.edit_citizen(id, &edit, a.now).unwrap();
    a.refresh().unwrap();
}

#[test]
fn the_filter_finds_the_citizens_address_on_calls_and_in_the_due_list() {
    let mut a = app(Lang::En);
    // Calls: an appointment's citizen lives in Vestergade.
    a.update(Action::Pane(1));
    let Some(Row::Appointment(first)) = a.state().list.rows.first().cloned() else {
        panic!("no appointment on Calls");
    };
    set_address(&mut a, first.citizen_id, "Vestergade 12, 8000 Aarhus C");
    typ(&mut a, "/vesterg");
    let rows = &a.state().list.rows;
    assert!(!rows.is_empty());
    assert!(
        rows.iter()
            .all(|r| matches!(r, Row::Appointment(x) if x.citizen_id == first.citizen_id)),
        "{rows:?}"
    );
    // Today's due list: accents and case folded ("aboulevard" finds "Åboulevarden").
    let mut a = app(Lang::En);
    let due = a
        .state()
        .list
        .rows
        .iter()
        .find_map(|r| match r {
            Row::Due(c) => Some(c.id),
            _ => None,
        })
        .expect("a due citizen on Today");
    set_address(&mut a, due, "Åboulevarden 3, 8000 Aarhus C");
    typ(&mut a, "/ABOULEVARD");
    let dues: Vec<i64> = a
        .state()
        .list
        .rows
        .iter()
        .filter_map(|r| match r {
            Row::Due(c) => Some(c.id),
            _ => None,
        })
        .collect();
    assert_eq!(dues, vec![due]);
}
