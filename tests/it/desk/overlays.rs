//! Every overlay of the desk: snapshots at 80×24 in Danish and at 120×40 in English (the same
//! generated caseload and "now" as the pane snapshots), and every key its footer shows does
//! something.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use jobdesk::domain::Status;
use jobdesk::i18n::Lang;
use jobdesk::ui::app::{App, Mode, Row};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::{now, press, screen, store_at, typ};
use crate::support;

/// The generated caseload of the pane snapshots (120 citizens, two years, seed 1), as a file.
fn desk(dir: &tempfile::TempDir, lang: Lang, w: u16, h: u16) -> App {
    let path = dir.path().join("o.db");
    support::copy_caseload(&path, 120, 2, 1, support::NOW);
    let mut a = App::new(store_at(&path), lang, now()).unwrap();
    a.handle_event(&Event::Resize(w, h));
    a
}

/// Selects the first appointment of today's list with that status, in the future or not.
fn select(a: &mut App, status: Status, future: bool) {
    a.update(jobdesk::ui::action::Action::First);
    for _ in 0..a.state().list.total {
        if let Some(Row::Appointment(x)) = a.state().list.selected_row()
            && x.status == status
            && (x.start > a.now) == future
        {
            return;
        }
        press(a, KeyCode::Down);
    }
    panic!("no {status:?} appointment today (future: {future})");
}

/// A first name two citizens share, to get the pick list.
fn shared_first_name(a: &App) -> String {
    let all = a
        .store
        .citizens(
            &Default::default(),
            jobdesk::store::CitizenOrder::Name,
            0,
            1000,
        )
        .unwrap();
    let first = |n: &str| n.split_whitespace().next().unwrap_or("").to_string();
    all.iter()
        .map(|c| first(&c.name))
        .find(|f| all.iter().filter(|c| first(&c.name) == *f).count() > 1)
        .expect("two citizens share a first name")
}

/// The overlays, by name, and how to open each on a fresh desk (Danish words where typed).
const OVERLAYS: &[&str] = &[
    "help",
    "card",
    "note",
    "move",
    "move_clash",
    "log_pick",
    "quick_add",
    "quick_add_past",
    "pick",
    "form",
    "form_errors",
    "summary",
    "summary_save",
    "erase",
    "confirm_mark",
    "closure_start",
    "convert_all",
    "accepted",
    "edit_contact",
    "delete_contact",
    "card_history",
    "card_note",
    "archive",
    "citizen_form",
    "citizen_form_errors",
    "citizen_new",
    "appointment_edit",
    "appointment_edit_errors",
    "copied",
];

fn open(a: &mut App, name: &str) {
    let da = a.lang == Lang::Da;
    match name {
        "help" => typ(a, "?"),
        "card" => {
            typ(a, "5");
            press(a, KeyCode::Enter);
        }
        "note" => {
            typ(a, "l1");
            typ(
                a,
                if da {
                    "Aftalt praktik"
                } else {
                    "Agreed work trial"
                },
            );
        }
        "move" => {
            select(a, Status::Planned, true);
            typ(a, "m");
        }
        "move_clash" => {
            select(a, Status::Planned, true);
            typ(a, "m");
            // Onto another appointment of today: the clash is shown first.
            let other = a
                .store
                .appointments(
                    &jobdesk::store::AppointmentFilter {
                        from: Some(now()),
                        ..Default::default()
                    },
                    0,
                    50,
                )
                .unwrap()
                .into_iter()
                .find(|x| x.status == Status::Planned && x.start.date() == now().date())
                .unwrap();
            let Mode::Move(m) = &a.mode else { panic!() };
            let own = m.appointment_id;
            let target = if other.id == own {
                other.start + chrono::Duration::minutes(5)
            } else {
                other.start
            };
            typ(a, &target.format("%d.%m.%Y %H.%M").to_string());
            press(a, KeyCode::Enter);
        }
        "log_pick" => typ(a, "l"),
        "quick_add" => {
            typ(a, "a");
            typ(
                a,
                if da {
                    "tor 10.30 tlf 45m"
                } else {
                    "thu 10:30 phone 45m"
                },
            );
        }
        "quick_add_past" => {
            typ(a, "a");
            typ(a, if da { "i dag 8 tlf" } else { "today 8 phone" });
            press(a, KeyCode::Enter);
        }
        "pick" => {
            typ(a, "5");
            let name = shared_first_name(a);
            typ(a, "a");
            for _ in 0..60 {
                press(a, KeyCode::Backspace);
            }
            typ(
                a,
                &format!("{name} {}", if da { "tor 10" } else { "thu 10" }),
            );
            press(a, KeyCode::Enter);
        }
        "form" => {
            typ(a, "5A");
        }
        "form_errors" => {
            typ(a, "5A31.02.2026");
            a.handle_event(&Event::Key(KeyEvent::new(
                KeyCode::Char('s'),
                KeyModifiers::CONTROL,
            )));
        }
        "summary" => {
            open(a, "card");
            typ(a, "e");
            typ(
                a,
                if da {
                    " Ønsker praktik."
                } else {
                    " Wants a trial."
                },
            );
        }
        "summary_save" => {
            open(a, "summary");
            press(a, KeyCode::Esc);
        }
        "erase" => {
            open(a, "card");
            typ(a, "D");
        }
        "confirm_mark" => {
            select(a, Status::Planned, true);
            typ(a, "h");
        }
        "closure_start" => typ(a, "6S"),
        "convert_all" => {
            typ(a, "6S");
            press(a, KeyCode::Enter);
            typ(a, "V");
        }
        "accepted" => {
            typ(a, "6S");
            press(a, KeyCode::Enter);
            typ(a, "r");
        }
        "edit_contact" => {
            super::corrections::select_contact(a);
            typ(a, "e");
        }
        "delete_contact" => {
            super::corrections::select_contact(a);
            typ(a, "d");
        }
        "card_history" => {
            open(a, "card");
            for _ in 0..12 {
                press(a, KeyCode::Down);
            }
        }
        "card_note" => {
            open(a, "card");
            press(a, KeyCode::Down);
            press(a, KeyCode::Enter);
        }
        "archive" => {
            open(a, "card");
            typ(a, "A");
        }
        "citizen_form" => {
            open(a, "card");
            typ(a, "E");
        }
        "citizen_form_errors" => {
            open(a, "citizen_form");
            press(a, KeyCode::Tab);
            press(a, KeyCode::Tab);
            typ(a, "x@");
            press(a, KeyCode::Tab);
            typ(a, "pensionist");
            press(a, KeyCode::Tab);
            typ(a, if da { "31.02" } else { "02/31" });
            press(a, KeyCode::Enter);
        }
        "citizen_new" => typ(a, "5+"),
        "appointment_edit" => {
            select(a, Status::Planned, true);
            typ(a, "E");
        }
        "appointment_edit_errors" => {
            open(a, "appointment_edit");
            // Long enough to reach the next appointments, and a channel that is not one.
            typ(a, "600");
            press(a, KeyCode::Tab);
            typ(a, if da { "brevdue" } else { "pigeon" });
            press(a, KeyCode::Tab);
            // Enter goes to the wrong field; the errors stay while the focus moves on.
            press(a, KeyCode::Enter);
            press(a, KeyCode::Tab);
        }
        "copied" => {
            super::corrections::select_contact(a);
            typ(a, "y");
        }
        other => panic!("no overlay {other}"),
    }
    assert!(
        a.mode.is_overlay(),
        "{name}: an overlay is open ({:?})",
        a.message
    );
}

#[test]
fn snapshots_of_every_overlay_at_80x24_in_danish_and_120x40_in_english() {
    for (lang, tag, w, h) in [
        (Lang::Da, "da_80x24", 80, 24),
        (Lang::En, "en_120x40", 120, 40),
    ] {
        for name in OVERLAYS {
            let dir = tempfile::tempdir().unwrap();
            let mut a = desk(&dir, lang, w, h);
            open(&mut a, name);
            insta::assert_snapshot!(format!("{name}_{tag}"), screen(&a, w, h));
        }
    }
}

/// What a key can change that the user sees or that ends the desk.
fn seen(a: &App) -> (String, bool, Option<String>, usize) {
    (
        screen(a, a.width, a.height),
        a.quit,
        a.message.clone(),
        a.undo.len(),
    )
}

/// The key event for a binding's key (the second of the pane keys when on the first pane).
fn event(b: &jobdesk::ui::keymap::Binding, a: &App) -> KeyEvent {
    let i = if b.keys.len() > 1 && a.pane.index() == 0 && b.label == "1–7" {
        1
    } else {
        0
    };
    let k = b.keys[i];
    let mut mods = if k.ctrl {
        KeyModifiers::CONTROL
    } else {
        KeyModifiers::NONE
    };
    if let KeyCode::Char(c) = k.code
        && c.is_uppercase()
    {
        mods |= KeyModifiers::SHIFT;
    }
    if k.code == KeyCode::BackTab {
        mods |= KeyModifiers::SHIFT;
    }
    KeyEvent::new(k.code, mods)
}

/// The modes of the lists whose footers are checked too.
const LISTS: &[&str] = &[
    "today",
    "calls",
    "visits",
    "log",
    "caseload",
    "closure",
    "closure_open",
    "yesterday",
    "filter",
    "companies",
    "leads",
];

fn open_list(a: &mut App, name: &str) {
    match name {
        "today" => {}
        "calls" => typ(a, "2"),
        "visits" => typ(a, "3"),
        "log" => {
            super::corrections::select_contact(a);
        }
        "caseload" => typ(a, "5"),
        "closure" => typ(a, "6"),
        "closure_open" => {
            typ(a, "6S");
            press(a, KeyCode::Enter);
        }
        "yesterday" => typ(a, ","),
        "filter" => typ(a, "5/a"),
        "companies" => {
            super::companies::add_companies(a);
            typ(a, "7");
        }
        "leads" => {
            super::companies::add_companies(a);
            typ(a, "7v");
        }
        other => panic!("no list {other}"),
    }
}

#[test]
fn every_key_in_every_footer_does_something() {
    let mut failures = Vec::new();
    let modes: Vec<(&str, bool)> = LISTS
        .iter()
        .map(|n| (*n, false))
        .chain(OVERLAYS.iter().map(|n| (*n, true)))
        .collect();
    for (name, overlay) in modes {
        let dir = tempfile::tempdir().unwrap();
        let mut a = desk(&dir, Lang::Da, 80, 24);
        if overlay {
            open(&mut a, name);
        } else {
            open_list(&mut a, name);
        }
        a.message = None;
        let labels: Vec<&str> = a.footer_bindings().iter().map(|b| b.label).collect();
        assert!(!labels.is_empty(), "{name}: a footer");
        for (i, label) in labels.iter().enumerate() {
            let dir = tempfile::tempdir().unwrap();
            let mut a = desk(&dir, Lang::Da, 80, 24);
            if overlay {
                open(&mut a, name);
            } else {
                open_list(&mut a, name);
            }
            a.message = None;
            let b = a.footer_bindings()[i];
            assert_eq!(b.label, *label);
            let before = seen(&a);
            a.handle_event(&Event::Key(event(b, &a)));
            if seen(&a) == before {
                failures.push(format!("{name}: {} ({}) does nothing", b.label, b.da));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn the_help_explains_the_filter_terms_in_both_languages() {
    for (lang, words) in [
        (
            Lang::Da,
            &[
                "gruppe:sygedagpenge",
                "overskredet",
                "mentor",
                "kanal:telefon",
                "Søren, Åse",
            ],
        ),
        (
            Lang::En,
            &[
                "group:sickness",
                "overdue",
                "mentor",
                "channel:phone",
                "Søren, Åse",
            ],
        ),
    ] {
        let text: Vec<String> = jobdesk::ui::overlay::help::lines(lang)
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect();
        for w in words {
            let line = text
                .iter()
                .find(|l| l.contains(w))
                .unwrap_or_else(|| panic!("{lang:?}: {w} in the help:\n{}", text.join("\n")));
            // Nothing is cut: the help's box is 60 wide (58 inside).
            assert!(
                unicode_width::UnicodeWidthStr::width(line.as_str()) <= 58,
                "{line}"
            );
        }
    }
}
