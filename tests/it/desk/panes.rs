//! What the desk shows and how to move around it, drawn into a TestBackend: every pane in both
//! languages at 100×30, 80×24 (Danish) and 120×40 (English), the header, days, selection,
//! filter, help, footer, tiny and resized terminals.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use jobdesk::i18n::Lang;
use jobdesk::ui::action::Action;
use jobdesk::ui::app::{App, Mode, Pane, Row};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::{app, chars, key, now, screen};

#[test]
fn snapshots_of_every_pane_in_both_languages() {
    for (lang, tag) in [(Lang::Da, "da"), (Lang::En, "en")] {
        let mut a = app(lang);
        for (i, name) in ["today", "calls", "visits", "log", "caseload", "closure"]
            .iter()
            .enumerate()
        {
            a.update(Action::Pane(i));
            insta::assert_snapshot!(format!("{name}_{tag}"), screen(&a, 100, 30));
        }
        a.update(Action::Pane(1));
        a.update(Action::ToggleWeek);
        insta::assert_snapshot!(format!("calls_week_{tag}"), screen(&a, 100, 30));
        a.update(Action::Pane(4));
        a.update(Action::Open);
        insta::assert_snapshot!(format!("card_{tag}"), screen(&a, 100, 30));
        a.update(Action::Close);
        a.update(Action::Help);
        insta::assert_snapshot!(format!("help_{tag}"), screen(&a, 100, 30));
    }
}

/// Every pane laid out for 80×24 in Danish first, and grown to 120×40 in English: the Closure
/// pane with an open closure of more than 100 citizens, a few of them called.
#[test]
fn snapshots_of_every_pane_at_80x24_danish_and_120x40_english() {
    for (lang, w, h) in [(Lang::Da, 80, 24), (Lang::En, 120, 40)] {
        let tag = format!("{}_{w}x{h}", if lang.da() { "da" } else { "en" });
        let mut a = app(lang);
        a.handle_event(&Event::Resize(w, h));
        for (i, name) in ["today", "calls", "visits", "log", "caseload", "closure"]
            .iter()
            .enumerate()
        {
            a.update(Action::Pane(i));
            insta::assert_snapshot!(format!("{name}_{tag}"), screen(&a, w, h));
        }
        a.update(Action::Pane(1));
        a.update(Action::ToggleWeek);
        insta::assert_snapshot!(format!("calls_week_{tag}"), screen(&a, w, h));
        // An open closure on a larger caseload: every active citizen (more than 100) on the
        // call list, three of them called.
        let mut a = caseload_of(lang, 160);
        a.handle_event(&Event::Resize(w, h));
        chars(&mut a, "6S");
        key(&mut a, KeyCode::Enter);
        let on_list = a.closure.as_ref().unwrap().progress.on_list;
        assert!(on_list > 100, "{on_list}");
        chars(&mut a, if lang.da() { "rj" } else { "ry" });
        key(&mut a, KeyCode::Enter);
        // "Takker ja" offers the quick-add line for the conversation: not now.
        key(&mut a, KeyCode::Esc);
        // Not reached: one key each.
        chars(&mut a, "nw");
        a.message = None;
        let s = screen(&a, w, h);
        insta::assert_snapshot!(format!("closure_open_{tag}"), s);
        let title = s.lines().nth(2).unwrap();
        assert!(title.ends_with(&format!("·  {on_list}")), "{title}");
        for line in s.lines().skip(5).take(5) {
            let name = line.split_whitespace().nth(1).unwrap_or("");
            assert!(
                name.chars().count() > 3,
                "names are not cut to three letters: {line}"
            );
        }
        // The end of the list: the called ones, with three-digit places.
        chars(&mut a, "G");
        insta::assert_snapshot!(format!("closure_end_{tag}"), screen(&a, w, h));
        chars(&mut a, "R");
        insta::assert_snapshot!(format!("closure_report_{tag}"), screen(&a, w, h));
    }
}

/// A generated caseload of `citizens` citizens (two years, seed 1) in memory.
fn caseload_of(lang: Lang, citizens: usize) -> App {
    let mut store = jobdesk::store::Store::open_in_memory().unwrap();
    let spec = jobdesk::generate::Spec {
        citizens,
        years: 2,
        seed: 1,
        now: now(),
    };
    jobdesk::generate::generate(&mut store, spec, &mut |_, _| {}).unwrap();
    App::new(store, lang, now()).unwrap()
}

/// A footer message longer than the line wraps at spaces, upwards; no word is cut.
#[test]
fn a_long_footer_message_wraps_at_words() {
    let mut a = app(Lang::Da);
    a.handle_event(&Event::Resize(80, 24));
    chars(&mut a, "6S");
    key(&mut a, KeyCode::Enter);
    let msg = a.message.clone().unwrap();
    assert!(msg.chars().count() > 80, "{msg}");
    let s = screen(&a, 80, 24);
    let bottom: Vec<&str> = s.lines().skip(21).collect();
    let shown = bottom.join(" ");
    assert!(shown.contains(msg.trim_end()), "{shown}");
}

#[test]
fn header_shows_date_week_and_counts() {
    let a = app(Lang::Da);
    let s = screen(&a, 100, 30);
    let first = s.lines().next().unwrap();
    assert!(first.contains("mandag 23.11.2026"), "{first}");
    assert!(first.contains("· uge 48 ·"), "{first}");
    assert!(
        first.contains(&format!("{} samtaler", a.counts.calls)),
        "{first}"
    );
    assert!(
        first.contains(&format!("{} besøg", a.counts.visits)),
        "{first}"
    );
    let a = app(Lang::En);
    let first = screen(&a, 100, 30).lines().next().unwrap().to_string();
    assert!(
        first.contains("Monday 2026-11-23") && first.contains("week 48"),
        "{first}"
    );
}

#[test]
fn today_lists_the_days_appointments_in_time_order_then_due_citizens_most_urgent_first() {
    let a = app(Lang::En);
    let l = &a.state().list;
    let appts: Vec<_> = l
        .rows
        .iter()
        .filter_map(|r| {
            if let Row::Appointment(x) = r {
                Some(x.start)
            } else {
                None
            }
        })
        .collect();
    assert!(!appts.is_empty());
    assert!(appts.windows(2).all(|w| w[0] <= w[1]));
    assert!(appts.iter().all(|t| t.date() == now().date()));
    let due: Vec<_> = l
        .rows
        .iter()
        .filter_map(|r| {
            if let Row::Due(c) = r {
                c.next_due
            } else {
                None
            }
        })
        .collect();
    assert!(!due.is_empty());
    assert!(due.windows(2).all(|w| w[0] <= w[1]), "most urgent first");
    assert!(
        due.iter()
            .all(|d| *d <= now().date() + chrono::Duration::days(7))
    );
    // The heading is never selected: moving down past the appointments lands on a due citizen.
    let mut a = a;
    a.update(Action::Last);
    assert!(matches!(a.state().list.selected_row(), Some(Row::Due(_))));
    for _ in 0..a.state().list.due {
        a.update(Action::Up);
    }
    assert!(matches!(
        a.state().list.selected_row(),
        Some(Row::Appointment(_))
    ));
}

#[test]
fn switching_panes_with_numbers_tab_and_shift_tab() {
    let mut a = app(Lang::En);
    chars(&mut a, "3");
    assert_eq!(a.pane, Pane::Visits);
    key(&mut a, KeyCode::Tab);
    assert_eq!(a.pane, Pane::Log);
    key(&mut a, KeyCode::Tab);
    key(&mut a, KeyCode::Tab);
    assert_eq!(a.pane, Pane::Closure);
    key(&mut a, KeyCode::Tab);
    assert_eq!(a.pane, Pane::Companies);
    key(&mut a, KeyCode::Tab);
    assert_eq!(a.pane, Pane::Today, "Tab wraps around");
    key(&mut a, KeyCode::BackTab);
    key(&mut a, KeyCode::BackTab);
    key(&mut a, KeyCode::BackTab);
    assert_eq!(a.pane, Pane::Caseload);
    assert!(
        screen(&a, 100, 30)
            .lines()
            .nth(2)
            .unwrap()
            .contains("Caseload")
    );
}

#[test]
fn moving_days_and_back_to_today() {
    let mut a = app(Lang::En);
    chars(&mut a, "2");
    key(&mut a, KeyCode::Right);
    assert_eq!(
        a.state().date,
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    );
    chars(&mut a, "..,");
    assert_eq!(
        a.state().date,
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    );
    assert!(screen(&a, 100, 30).contains("Wednesday 2026-11-25"));
    for r in &a.state().list.rows {
        if let Row::Appointment(x) = r {
            assert_eq!(x.start.date(), a.state().date);
            assert_eq!(x.kind, jobdesk::domain::Kind::Conversation);
        }
    }
    // In week view the arrows move by a week.
    chars(&mut a, "w");
    key(&mut a, KeyCode::Left);
    assert_eq!(
        a.state().date,
        NaiveDate::from_ymd_opt(2026, 11, 18).unwrap()
    );
    assert!(screen(&a, 100, 30).contains("week 47"));
    chars(&mut a, "t");
    assert_eq!(a.state().date, now().date());
    // Each pane keeps its own day.
    chars(&mut a, "4");
    assert_eq!(a.state().date, now().date());
}

#[test]
fn selection_moves_and_pages_without_leaving_the_list() {
    let mut a = app(Lang::En);
    chars(&mut a, "5");
    let total = a.state().list.total;
    assert!(total > 30, "the caseload is longer than a page: {total}");
    chars(&mut a, "jj");
    assert_eq!(a.state().list.selected, 2);
    key(&mut a, KeyCode::PageDown);
    assert_eq!(a.state().list.selected, 2 + a.page());
    chars(&mut a, "G");
    assert_eq!(a.state().list.selected, total - 1);
    let s = screen(&a, 100, 30);
    let Some(Row::Citizen(last)) = a.state().list.selected_row().cloned() else {
        panic!("no citizen selected")
    };
    assert!(s.contains(&last.name), "the last citizen is on screen");
    key(&mut a, KeyCode::Down);
    assert_eq!(a.state().list.selected, total - 1);
    key(&mut a, KeyCode::Home);
    assert_eq!(a.state().list.selected, 0);
    assert_eq!(a.state().list.offset, 0);
    assert!(
        a.state().list.rows.len() <= a.page(),
        "only the visible window is read"
    );
}

#[test]
fn filter_as_you_type_ignores_case_and_accents() {
    let mut a = app(Lang::En);
    chars(&mut a, "5");
    let all = a.state().list.total;
    chars(&mut a, "/");
    assert_eq!(a.mode, Mode::Filter);
    chars(&mut a, "MOLL");
    let n = a.state().list.total;
    assert!(n > 0 && n < all);
    for r in &a.state().list.rows {
        let Row::Citizen(c) = r else { panic!() };
        assert!(c.name.to_lowercase().contains("møll"), "{}", c.name);
    }
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.mode, Mode::Normal);
    assert!(screen(&a, 100, 30).contains("filter: MOLL"));
    key(&mut a, KeyCode::Esc);
    assert_eq!(a.state().list.total, all, "Esc clears the filter");
    // Typing in the filter takes letters that are keys elsewhere, and AltGr characters.
    chars(&mut a, "/q");
    assert!(!a.quit);
    a.handle_event(&Event::Key(KeyEvent::new(
        KeyCode::Char('@'),
        KeyModifiers::CONTROL | KeyModifiers::ALT,
    )));
    assert_eq!(a.state().filter, "q@");
    key(&mut a, KeyCode::Backspace);
    a.handle_event(&Event::Paste("ø".into()));
    assert_eq!(a.state().filter, "qø");
}

#[test]
fn help_lists_every_key_of_the_keymap_and_closes() {
    let mut a = app(Lang::Da);
    chars(&mut a, "?");
    assert!(matches!(a.mode, Mode::Help(_)));
    let lines: Vec<String> = jobdesk::ui::view::help_lines(&a)
        .iter()
        .map(|l| l.to_string())
        .collect();
    for b in jobdesk::ui::keymap::bindings().filter(|b| b.scope != jobdesk::ui::keymap::Scope::Help)
    {
        assert!(
            lines
                .iter()
                .any(|l| l.contains(b.label) && l.contains(b.da)),
            "{} missing from help",
            b.label
        );
    }
    chars(&mut a, "q");
    assert!(!a.quit, "q closes the help, it does not quit");
    assert_eq!(a.mode, Mode::Normal);
    chars(&mut a, "q");
    assert!(a.quit);
}

#[test]
fn footer_hints_are_keys_that_work() {
    let a = app(Lang::En);
    let s = screen(&a, 100, 30);
    let footer = s.lines().nth(29).unwrap();
    for b in jobdesk::ui::keymap::footer(&a.scopes()) {
        if footer.contains(&format!("{} {}", b.label, b.en)) {
            let k = b.keys[0];
            let mods = if k.ctrl {
                KeyModifiers::CONTROL
            } else {
                KeyModifiers::NONE
            };
            assert!(
                jobdesk::ui::keymap::lookup(&a.scopes(), &KeyEvent::new(k.code, mods)).is_some(),
                "{}",
                b.label
            );
        }
    }
    assert!(
        footer.contains("? help") && footer.contains("q quit"),
        "{footer}"
    );
}

#[test]
fn key_releases_are_ignored_so_keys_never_double() {
    let mut a = app(Lang::En);
    chars(&mut a, "5");
    let mut release = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    chars(&mut a, "j");
    assert!(!a.handle_event(&Event::Key(release)));
    assert_eq!(a.state().list.selected, 1);
}

#[test]
fn tiny_terminals_show_a_message_and_never_panic() {
    let a = app(Lang::En);
    for (w, h) in [(1, 1), (2, 1), (20, 5), (79, 24), (80, 22), (10, 40)] {
        let s = screen(&a, w, h);
        if w >= 20 && h >= 2 {
            assert!(s.contains("Terminal too"), "{w}x{h}: {s}");
        }
    }
    let s = screen(&a, 80, 24);
    assert!(s.contains("Today") && !s.contains("too small"));
    let big = screen(&a, 200, 60);
    assert!(big.lines().nth(3).unwrap().contains("Citizen"));
}

#[test]
fn resize_keeps_the_selection_on_screen() {
    let mut a = app(Lang::En);
    chars(&mut a, "5");
    a.update(Action::Last);
    a.handle_event(&Event::Resize(80, 24));
    let l = &a.state().list;
    assert!(l.selected >= l.offset && l.selected < l.offset + a.page());
    assert!(matches!(l.selected_row(), Some(Row::Citizen(_))));
}

#[test]
fn stored_text_with_escape_sequences_never_reaches_the_terminal() {
    let mut store = jobdesk::store::Store::open_in_memory().unwrap();
    let id = store
        .add_citizen(&jobdesk::domain::NewCitizen {
            name: "Evil \u{1b}[2J\u{1b}]0;pwned\u{7}Name 👍 Æblegård".into(),
            target_group: Some(jobdesk::domain::TargetGroup::Other),
            ..Default::default()
        })
        .unwrap();
    let mut a = App::new(store, Lang::En, now()).unwrap();
    a.resize(100, 30);
    chars(&mut a, "5");
    let s = screen(&a, 100, 30);
    assert!(!s.contains('\u{1b}') && !s.contains('\u{7}'));
    assert!(s.contains("Evil Name 👍 Æblegård"), "{s}");
    a.open_card(id).unwrap();
    let s = screen(&a, 100, 30);
    assert!(!s.contains('\u{1b}'));
}

#[test]
fn an_empty_database_says_how_to_start() {
    let store = jobdesk::store::Store::open_in_memory().unwrap();
    let a = App::new(store, Lang::Da, now()).unwrap();
    let s = screen(&a, 100, 30);
    assert!(s.contains("Velkommen til jobdesk"), "{s}");
    assert!(s.contains("jobdesk import caseload"));
    assert!(s.contains("Tryk + for at oprette den første borger"), "{s}");
    assert!(s.contains("jobdesk --demo"));
}
