//! Series in the desk: planned from the quick-add line (Danish and English), the days-off
//! question asked once, one occurrence cancelled or held without touching the others, "this and
//! all following", ending a series with `X`, and undo. Snapshots at 80×24 in Danish of the
//! preview and the questions.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{NaiveDate, NaiveDateTime};
use jobdesk::domain::Status;
use jobdesk::i18n::Lang;
use jobdesk::store::AppointmentFilter;
use jobdesk::ui::app::{App, Mode, Row};
use jobdesk::ui::overlay::quick_add::preview_text;
use ratatui::crossterm::event::{Event, KeyCode};

use super::{app, press, screen, typ};

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|d| d.and_hms_opt(h, min, 0))
        .unwrap()
}

/// The desk in `lang` at 80×24, on the Caseload pane with its first citizen selected; that
/// citizen's id and name.
fn desk(lang: Lang) -> (App, i64, String) {
    let mut a = app(lang);
    a.handle_event(&Event::Resize(80, 24));
    typ(&mut a, "5");
    let Some(Row::Citizen(c)) = a.state().list.selected_row().cloned() else {
        panic!("a citizen")
    };
    (a, c.id, c.name)
}

/// The quick-add line's preview, in the desk's language.
fn preview(a: &App) -> String {
    let Mode::QuickAdd(q) = &a.mode else {
        panic!("quick-add open: {:?}", a.mode)
    };
    let (text, ok) = preview_text(a.lang, &q.preview);
    assert!(ok, "{text}");
    text
}

/// Enter on the quick-add line, twice when it warns first (an overlap in the caseload).
fn enter(a: &mut App) {
    press(a, KeyCode::Enter);
    if matches!(&a.mode, Mode::QuickAdd(q) if q.confirm) {
        press(a, KeyCode::Enter);
    }
}

/// The citizen's appointments of the series, in time order.
fn occurrences(a: &App, citizen_id: i64, series_id: i64) -> Vec<jobdesk::domain::Appointment> {
    a.store
        .appointments(
            &AppointmentFilter {
                citizen_id: Some(citizen_id),
                ..Default::default()
            },
            0,
            1000,
        )
        .unwrap()
        .into_iter()
        .filter(|x| x.series_id == Some(series_id))
        .collect()
}

fn only_series(a: &App, citizen_id: i64) -> jobdesk::store::Series {
    let list = a.store.series_list(Some(citizen_id)).unwrap();
    assert_eq!(list.len(), 1, "{list:?}");
    list.into_iter().next().unwrap()
}

/// Plans "every Tuesday at 10, 10 times" for the citizen from the quick-add line.
fn plan_weekly(a: &mut App, citizen_id: i64) -> jobdesk::store::Series {
    typ(a, "a");
    typ(a, "hver tir 10 gåtur 60m 10 gange");
    enter(a);
    assert_eq!(a.mode, Mode::Normal, "{:?}", a.message);
    only_series(a, citizen_id)
}

/// Shows the Mentor visits pane on `day` and selects the series' appointment there.
fn select_on(a: &mut App, day: NaiveDate, series_id: i64) -> jobdesk::domain::Appointment {
    typ(a, "3t");
    while a.state().date < day {
        typ(a, ".");
    }
    a.update(jobdesk::ui::action::Action::First);
    for _ in 0..a.state().list.total {
        if let Some(Row::Appointment(x)) = a.state().list.selected_row()
            && x.series_id == Some(series_id)
        {
            return x.clone();
        }
        press(a, KeyCode::Down);
    }
    panic!("no occurrence on {day}");
}

#[test]
fn a_weekly_walk_is_planned_from_quick_add_in_danish_and_undone_at_once() {
    let (mut a, id, _) = desk(Lang::Da);
    typ(&mut a, "a");
    typ(&mut a, "hver tir 10 gåtur 60m 10 gange");
    let text = preview(&a);
    assert!(
        text.contains("hver tirsdag kl. 10.00, 10 gange") && text.contains("første tir 24.11"),
        "{text}"
    );
    enter(&mut a);
    assert_eq!(a.mode, Mode::Normal);
    let s = only_series(&a, id);
    let occ = occurrences(&a, id, s.id);
    assert_eq!(occ.len(), 10);
    assert_eq!(occ[0].start, at(2026, 11, 24, 10, 0));
    assert_eq!(occ[9].start, at(2027, 1, 26, 10, 0));
    assert!(
        occ.iter()
            .all(|x| x.minutes == 60 && x.status == Status::Planned)
    );
    assert!(
        a.message.as_deref().unwrap_or("").contains("10 aftaler"),
        "{:?}",
        a.message
    );
    // One undo step takes the whole series away.
    typ(&mut a, "u");
    assert!(a.store.series_list(Some(id)).unwrap().is_empty());
    assert!(occurrences(&a, id, s.id).is_empty());
}

#[test]
fn every_other_week_in_english_until_a_date() {
    let (mut a, id, _) = desk(Lang::En);
    typ(&mut a, "a");
    typ(&mut a, "every other week wed 13:30 phone until 20.01");
    let text = preview(&a);
    assert!(
        text.contains("every other Wednesday at 13:30, until 2027-01-20"),
        "{text}"
    );
    enter(&mut a);
    let s = only_series(&a, id);
    let days: Vec<String> = occurrences(&a, id, s.id)
        .iter()
        .map(|x| x.start.format("%d.%m").to_string())
        .collect();
    assert_eq!(days, ["25.11", "09.12", "23.12", "06.01", "20.01"]);
}

#[test]
fn without_an_end_a_series_runs_26_weeks() {
    let (mut a, id, _) = desk(Lang::En);
    // Not a mentor citizen's agreement: the first in the caseload has none ending later.
    let until = a.store.mentor_agreement(id).unwrap().until;
    typ(&mut a, "a");
    typ(&mut a, "every tue 10 phone");
    let text = preview(&a);
    enter(&mut a);
    let s = only_series(&a, id);
    match until.filter(|u| *u >= NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()) {
        Some(u) => assert!(text.contains(&u.format("%Y-%m-%d").to_string()), "{text}"),
        None => {
            assert!(text.contains("until 2027-05-24"), "{text}");
            assert_eq!(occurrences(&a, id, s.id).len(), 26);
        }
    }
}

#[test]
fn days_off_are_asked_about_once_and_moved_or_skipped() {
    for (answer, expect) in [
        (
            'f',
            vec![
                "26.11", "03.12", "10.12", "17.12", "28.12", "04.01", "07.01",
            ],
        ),
        ('s', vec!["26.11", "03.12", "10.12", "17.12", "07.01"]),
    ] {
        let (mut a, id, _) = desk(Lang::Da);
        typ(&mut a, "a");
        // Thursdays to 7 January: juleaftensdag and nytårsaftensdag are days off.
        typ(&mut a, "hver tor 10 tlf indtil 07.01");
        let text = preview(&a);
        assert!(
            text.contains("2 datoer er fridage (24.12, 31.12)"),
            "{text}"
        );
        enter(&mut a);
        assert!(matches!(a.mode, Mode::DaysOff(_)), "{:?}", a.mode);
        let s = screen(&a, 80, 24);
        assert!(
            s.contains("2 datoer er fridage (24.12, 31.12): s = spring over, f = flyt til"),
            "{s}"
        );
        // Esc goes back to the line as it was typed; Enter asks again.
        press(&mut a, KeyCode::Esc);
        assert!(preview(&a).contains("hver torsdag"));
        enter(&mut a);
        typ(&mut a, &answer.to_string());
        assert_eq!(a.mode, Mode::Normal, "{:?}", a.message);
        let s = only_series(&a, id);
        let days: Vec<String> = occurrences(&a, id, s.id)
            .iter()
            .map(|x| x.start.format("%d.%m").to_string())
            .collect();
        assert_eq!(days, expect, "answer {answer}");
    }
}

#[test]
fn one_occurrence_cancelled_or_held_leaves_the_others() {
    let (mut a, id, _) = desk(Lang::Da);
    let s = plan_weekly(&mut a, id);
    let day = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let x = select_on(&mut a, day, s.id);
    typ(&mut a, "c");
    assert!(matches!(a.mode, Mode::Which(_)), "{:?}", a.mode);
    let scr = screen(&a, 80, 24);
    assert!(
        scr.contains("1 = kun denne, 2 = denne og alle følgende"),
        "{scr}"
    );
    typ(&mut a, "1");
    // The note after marking, as for any appointment.
    press(&mut a, KeyCode::Esc);
    let occ = occurrences(&a, id, s.id);
    assert_eq!(occ.len(), 10);
    let status = |d: u32, m: u32| {
        let day = NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        occ.iter().find(|o| o.start.date() == day).unwrap().status
    };
    assert_eq!(
        occ.iter().find(|o| o.id == x.id).unwrap().status,
        Status::CancelledByCitizen
    );
    assert_eq!(status(24, 11), Status::Planned);
    assert_eq!(status(8, 12), Status::Planned);
    assert_eq!(
        occ.iter().filter(|o| o.status == Status::Planned).count(),
        9
    );
    // Held: no question, one occurrence.
    let held = select_on(&mut a, NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(), s.id);
    a.now = at(2026, 11, 24, 12, 0);
    typ(&mut a, "h");
    press(&mut a, KeyCode::Esc);
    let occ = occurrences(&a, id, s.id);
    assert_eq!(
        occ.iter().find(|o| o.id == held.id).unwrap().status,
        Status::Held
    );
    assert_eq!(
        occ.iter().filter(|o| o.status == Status::Planned).count(),
        8
    );
}

#[test]
fn this_and_all_following_moves_the_later_ones_and_undo_puts_them_back() {
    let (mut a, id, _) = desk(Lang::Da);
    let s = plan_weekly(&mut a, id);
    select_on(&mut a, NaiveDate::from_ymd_opt(2026, 12, 8).unwrap(), s.id);
    typ(&mut a, "m");
    assert!(matches!(a.mode, Mode::Which(_)));
    typ(&mut a, "2");
    let scr = screen(&a, 80, 24);
    assert!(
        scr.contains("denne og alle følgende: nyt klokkeslæt"),
        "{scr}"
    );
    // The field holds the time, selected: typing replaces it.
    typ(&mut a, "11.30");
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.mode, Mode::Normal, "{:?}", a.message);
    let times = |a: &App| -> Vec<String> {
        a.store
            .appointments(
                &AppointmentFilter {
                    citizen_id: Some(id),
                    ..Default::default()
                },
                0,
                1000,
            )
            .unwrap()
            .into_iter()
            .filter(|x| {
                x.kind == jobdesk::domain::Kind::MentorVisit
                    && x.status == Status::Planned
                    && x.start >= at(2026, 11, 24, 0, 0)
            })
            .map(|x| x.start.format("%d.%m %H:%M").to_string())
            .collect()
    };
    let after = times(&a);
    assert!(after.contains(&"24.11 10:00".to_string()), "{after:?}");
    assert!(after.contains(&"01.12 10:00".to_string()), "{after:?}");
    assert!(after.contains(&"08.12 11:30".to_string()), "{after:?}");
    assert!(after.contains(&"26.01 11:30".to_string()), "{after:?}");
    assert!(!after.contains(&"15.12 10:00".to_string()), "{after:?}");
    assert!(
        a.message
            .as_deref()
            .unwrap_or("")
            .contains("denne og 7 følgende"),
        "{:?}",
        a.message
    );
    typ(&mut a, "u");
    let back = times(&a);
    assert!(back.contains(&"15.12 10:00".to_string()), "{back:?}");
    assert!(!back.iter().any(|t| t.ends_with("11:30")), "{back:?}");
}

#[test]
fn ending_a_series_asks_first_keeps_what_was_marked_and_can_be_undone() {
    let (mut a, id, _) = desk(Lang::Da);
    let s = plan_weekly(&mut a, id);
    let first = select_on(&mut a, NaiveDate::from_ymd_opt(2026, 11, 24).unwrap(), s.id);
    a.now = at(2026, 11, 24, 12, 0);
    typ(&mut a, "h");
    press(&mut a, KeyCode::Esc);
    // The footer says X where a series' appointment is selected.
    select_on(&mut a, NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(), s.id);
    assert!(a.footer_bindings().iter().any(|b| b.label == "X"));
    typ(&mut a, "X");
    assert!(matches!(a.mode, Mode::EndSeries(_)), "{:?}", a.mode);
    let scr = screen(&a, 80, 24);
    assert!(scr.contains("9 planlagte aftaler fjernes"), "{scr}");
    typ(&mut a, "n");
    assert_eq!(occurrences(&a, id, s.id).len(), 10);
    typ(&mut a, "X");
    typ(&mut a, "j");
    let left: Vec<_> = a
        .store
        .appointments(
            &AppointmentFilter {
                citizen_id: Some(id),
                from: Some(at(2026, 11, 24, 0, 0)),
                ..Default::default()
            },
            0,
            1000,
        )
        .unwrap()
        .into_iter()
        .filter(|x| x.kind == jobdesk::domain::Kind::MentorVisit)
        .collect();
    assert_eq!(left.len(), 1, "{left:?}");
    assert_eq!((left[0].id, left[0].status), (first.id, Status::Held));
    typ(&mut a, "u");
    assert_eq!(
        occurrences(&a, id, s.id)
            .iter()
            .filter(|x| x.status == Status::Planned)
            .count(),
        9
    );
}

#[test]
fn snapshots_of_the_preview_and_the_questions_at_80x24_in_danish() {
    let (mut a, _, _) = desk(Lang::Da);
    typ(&mut a, "a");
    typ(&mut a, "hver tor 10 gåtur 60m indtil 07.01");
    insta::assert_snapshot!("series_preview_da_80x24", screen(&a, 80, 24));
    enter(&mut a);
    insta::assert_snapshot!("series_days_off_da_80x24", screen(&a, 80, 24));
    typ(&mut a, "s");
    let s = only_series(&a, a.store.series_list(None).unwrap()[0].citizen_id);
    select_on(&mut a, NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(), s.id);
    insta::assert_snapshot!("series_row_da_80x24", screen(&a, 80, 24));
    typ(&mut a, "m");
    insta::assert_snapshot!("series_which_da_80x24", screen(&a, 80, 24));
}

#[test]
fn every_key_the_series_questions_show_does_something() {
    for step in ["days_off", "which", "end"] {
        let (a0, id, _) = desk(Lang::Da);
        let open = |mut a: App| -> App {
            match step {
                "days_off" => {
                    typ(&mut a, "a");
                    typ(&mut a, "hver tor 10 tlf indtil 07.01");
                    enter(&mut a);
                }
                _ => {
                    let s = plan_weekly(&mut a, id);
                    select_on(&mut a, NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(), s.id);
                    typ(&mut a, if step == "which" { "m" } else { "X" });
                }
            }
            assert!(a.mode.is_overlay(), "{step}: {:?}", a.mode);
            a
        };
        let a = open(a0);
        let labels: Vec<&str> = a.footer_bindings().iter().map(|b| b.label).collect();
        assert!(labels.len() >= 2, "{step}: {labels:?}");
        for i in 0..labels.len() {
            let (b0, _, _) = desk(Lang::Da);
            let mut b = open(b0);
            let before = (screen(&b, 80, 24), b.mode.clone());
            let bind = b.footer_bindings()[i];
            let mut mods = ratatui::crossterm::event::KeyModifiers::NONE;
            if let KeyCode::Char(c) = bind.keys[0].code
                && c.is_uppercase()
            {
                mods = ratatui::crossterm::event::KeyModifiers::SHIFT;
            }
            b.handle_event(&Event::Key(ratatui::crossterm::event::KeyEvent::new(
                bind.keys[0].code,
                mods,
            )));
            assert_ne!(
                (screen(&b, 80, 24), b.mode.clone()),
                before,
                "{step}: {} does nothing",
                bind.label
            );
        }
    }
}

#[test]
fn the_card_lists_the_series_and_x_on_an_occurrence_ends_it() {
    let (mut a, id, _) = desk(Lang::Da);
    let s = plan_weekly(&mut a, id);
    typ(&mut a, "5");
    press(&mut a, KeyCode::Enter);
    assert!(matches!(a.mode, Mode::Card(_)));
    let scr = screen(&a, 80, 24);
    assert!(scr.contains("hver tirsdag 10.00 gåtur, 10 gange"), "{scr}");
    insta::assert_snapshot!("series_card_da_80x24", scr);
    // The first row of the history is the series' first date.
    press(&mut a, KeyCode::Down);
    typ(&mut a, "X");
    assert!(matches!(a.mode, Mode::EndSeries(_)), "{:?}", a.mode);
    typ(&mut a, "j");
    assert!(
        matches!(a.mode, Mode::Card(_)),
        "back on the card: {:?}",
        a.mode
    );
    assert!(a.store.series_list(Some(id)).unwrap().is_empty());
    assert!(occurrences(&a, id, s.id).is_empty());
    assert!(!screen(&a, 80, 24).contains("hver tirsdag"));
    typ(&mut a, "u");
    assert_eq!(occurrences(&a, id, s.id).len(), 10);
}

#[test]
fn the_form_plans_a_series_every_two_weeks_for_a_number_of_times() {
    let (mut a, id, _) = desk(Lang::Da);
    typ(&mut a, "A");
    assert!(matches!(a.mode, Mode::Form(_)));
    // Date (selected: typing replaces it), time, minutes, channel, kind, place, repeat, end.
    typ(&mut a, "01.12.2026");
    for text in ["14.00", "45", "telefon", "samtale", "", "hver 2. uge", "4"] {
        press(&mut a, KeyCode::Tab);
        typ(&mut a, text);
    }
    insta::assert_snapshot!("series_form_da_80x24", screen(&a, 80, 24));
    a.handle_event(&Event::Key(ratatui::crossterm::event::KeyEvent::new(
        KeyCode::Char('s'),
        ratatui::crossterm::event::KeyModifiers::CONTROL,
    )));
    if matches!(&a.mode, Mode::Form(f) if !f.warnings.is_empty()) {
        press(&mut a, KeyCode::Enter);
    }
    assert_eq!(a.mode, Mode::Normal, "{:?}", a.message);
    let s = only_series(&a, id);
    let days: Vec<String> = occurrences(&a, id, s.id)
        .iter()
        .map(|x| x.start.format("%d.%m %H:%M").to_string())
        .collect();
    assert_eq!(
        days,
        ["01.12 14:00", "15.12 14:00", "29.12 14:00", "12.01 14:00"]
    );
}

#[test]
fn the_form_says_what_is_wrong_with_the_repeat_fields() {
    let (mut a, _, _) = desk(Lang::En);
    typ(&mut a, "A");
    typ(&mut a, "01.12.2026");
    for _ in 0..6 {
        press(&mut a, KeyCode::Tab);
    }
    typ(&mut a, "daily");
    press(&mut a, KeyCode::Enter);
    let Mode::Form(f) = &a.mode else {
        panic!("kept open")
    };
    assert!(
        f.errors
            .iter()
            .any(|e| e.contains("Repeat: 'daily': type no, weekly, every 2 weeks or monthly")),
        "{:?}",
        f.errors
    );
}
