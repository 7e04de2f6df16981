//! Issue 20 in the desk: the job club from Today (`J`): the attendance list of the day's session
//! marked with one key each, exemptions added in a small form (an overlap refused with the
//! store's message), listed per week, edited and removed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{NaiveDate, NaiveTime, Weekday};
use jobdesk::domain::jobclub::Mark;
use jobdesk::domain::{NewCitizen, TargetGroup};
use jobdesk::i18n::Lang;
use jobdesk::ui::app::{App, Mode};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::{key, now, screen, store_at, typ};

/// Three citizens expected at the job club, and one who is not; the desk at 80×24, Monday
/// 23 November 2026 at 09.00.
fn club(dir: &tempfile::TempDir, lang: Lang) -> (App, Vec<i64>) {
    let path = dir.path().join("j.db");
    let mut s = store_at(&path);
    let mut ids = Vec::new();
    for name in ["Anna Holm", "Bo Lund", "Cecilie Dam", "Dorte Ikke"] {
        let id = s
            .add_citizen(&NewCitizen {
                name: name.into(),
                target_group: Some(TargetGroup::Dagpenge),
                ..Default::default()
            })
            .unwrap();
        if name != "Dorte Ikke" {
            s.set_jobclub(id, true).unwrap();
        }
        ids.push(id);
    }
    drop(s);
    let mut a = App::new(store_at(&path), lang, now()).unwrap();
    a.handle_event(&Event::Resize(80, 24));
    (a, ids)
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn marks(a: &App, date: NaiveDate) -> Vec<(String, Option<Mark>)> {
    let s = a.config.jobclub_schedule().session_on(date).unwrap();
    a.store
        .attendance(&s)
        .unwrap()
        .into_iter()
        .map(|r| (r.name.clone(), r.effective()))
        .collect()
}

#[test]
fn attendance_is_marked_with_one_key_each_and_undone_with_u() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, _) = club(&dir, Lang::Da);
    typ(&mut a, "J");
    assert!(matches!(a.mode, Mode::JobClub(_)), "{:?}", a.message);
    let s = screen(&a, 80, 24);
    assert!(
        s.contains("Jobklub · mandag 23. november 2026 · 09.00–11.30") || s.contains("Jobklub"),
        "{s}"
    );
    assert!(
        !s.contains("Dorte Ikke"),
        "only the citizens expected:\n{s}"
    );
    // Anna present, Bo absent, Cecilie exempt: one key each, the next citizen selected after
    // each mark.
    typ(&mut a, "123");
    assert_eq!(
        marks(&a, day(23)),
        vec![
            ("Anna Holm".to_string(), Some(Mark::Present)),
            ("Bo Lund".to_string(), Some(Mark::Absent)),
            ("Cecilie Dam".to_string(), Some(Mark::Exempt)),
        ]
    );
    let s = screen(&a, 80, 24);
    assert!(
        s.contains("3 forventet · 1 mødt · 1 udeblevet · 1 fritaget"),
        "{s}"
    );
    // u undoes the last mark, and the list shows it.
    typ(&mut a, "u");
    assert_eq!(marks(&a, day(23))[2].1, None);
    assert!(screen(&a, 80, 24).contains("0 fritaget"));
    // An absence is no contact unless asked for.
    assert_eq!(
        a.store
            .count_contacts(&jobdesk::store::ContactFilter::default())
            .unwrap(),
        0
    );
    insta::assert_snapshot!("jobclub_attendance_da_80x24", screen(&a, 80, 24));
}

/// Opens the form for the selected citizen, fills in from, to, time, weekdays, reason, saves.
fn exempt(a: &mut App, fields: [&str; 5]) {
    typ(a, "x");
    assert!(matches!(a.mode, Mode::ExemptionForm(_)));
    for (i, f) in fields.iter().enumerate() {
        for _ in 0..12 {
            key(a, KeyCode::Backspace);
        }
        typ(a, f);
        if i < 4 {
            key(a, KeyCode::Tab);
        }
    }
    key(a, KeyCode::Enter);
}

#[test]
fn an_exemption_for_a_course_on_tuesdays_is_listed_per_week_and_an_overlap_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, ids) = club(&dir, Lang::Da);
    typ(&mut a, "J");
    // Anna: a course 9–14 on Tuesdays for three weeks.
    exempt(
        &mut a,
        ["23.11.2026", "11.12.2026", "09.00-14.00", "tir", "Kursus"],
    );
    assert!(
        matches!(a.mode, Mode::JobClub(_)),
        "back on the list: {:?}",
        a.message
    );
    let x = a.store.jobclub_exemptions(ids[0]).unwrap();
    assert_eq!(x.len(), 1);
    assert_eq!(x[0].weekdays, vec![Weekday::Tue]);
    assert_eq!(
        x[0].time,
        Some((
            NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
            NaiveTime::from_hms_opt(14, 0, 0).unwrap()
        ))
    );
    // Monday: not exempt; Tuesday: exempt by the course.
    assert_eq!(marks(&a, day(23))[0].1, None);
    key(&mut a, KeyCode::Right);
    assert_eq!(marks(&a, day(24))[0].1, Some(Mark::Exempt));
    let s = screen(&a, 80, 24);
    assert!(
        s.contains("(fritaget)") && s.contains("tir 09.00–14.00 Kursus"),
        "{s}"
    );
    // Another exemption for Anna that overlaps: refused, with the store's message in the form.
    exempt(&mut a, ["01.12.2026", "01.12.2026", "", "", "Netværksmøde"]);
    assert!(matches!(a.mode, Mode::ExemptionForm(_)), "the form stays");
    let s = screen(&a, 80, 24);
    assert!(
        s.contains("Kursus"),
        "the message names the other one:\n{s}"
    );
    assert_eq!(a.store.jobclub_exemptions(ids[0]).unwrap().len(), 1);
    key(&mut a, KeyCode::Esc);
    assert!(matches!(a.mode, Mode::JobClub(_)));
    // The week's exemptions: who and why; e edits, d removes.
    typ(&mut a, "w");
    let s = screen(&a, 80, 24);
    assert!(s.contains("Anna Holm") && s.contains("Kursus"), "{s}");
    insta::assert_snapshot!("jobclub_week_da_80x24", s);
    typ(&mut a, "e");
    assert!(matches!(a.mode, Mode::ExemptionForm(_)));
    for _ in 0..4 {
        key(&mut a, KeyCode::Tab);
    }
    for _ in 0..10 {
        key(&mut a, KeyCode::Backspace);
    }
    typ(&mut a, "AMU-kursus");
    key(&mut a, KeyCode::Enter);
    assert_eq!(
        a.store.jobclub_exemptions(ids[0]).unwrap()[0].reason,
        "AMU-kursus"
    );
    typ(&mut a, "d");
    assert!(a.store.jobclub_exemptions(ids[0]).unwrap().is_empty());
}

#[test]
fn every_key_in_the_job_club_footers_does_something() {
    for setup in ["day", "week", "form"] {
        let labels = {
            let dir = tempfile::tempdir().unwrap();
            let a = open_setup(&dir, setup);
            a.footer_bindings()
                .iter()
                .map(|b| b.label)
                .collect::<Vec<_>>()
        };
        assert!(!labels.is_empty());
        for (i, label) in labels.iter().enumerate() {
            let dir = tempfile::tempdir().unwrap();
            let mut a = open_setup(&dir, setup);
            let b = a.footer_bindings()[i];
            assert_eq!(b.label, *label);
            let before = (screen(&a, 80, 24), a.message.clone());
            let k = b.keys[0];
            let mods = if k.code == KeyCode::BackTab {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            a.handle_event(&Event::Key(KeyEvent::new(k.code, mods)));
            assert_ne!(
                (screen(&a, 80, 24), a.message.clone()),
                before,
                "{setup}: {label} does nothing"
            );
        }
    }
}

fn open_setup(dir: &tempfile::TempDir, setup: &str) -> App {
    let (mut a, _) = club(dir, Lang::Da);
    typ(&mut a, "J");
    match setup {
        "day" => {}
        "week" => {
            exempt(
                &mut a,
                ["23.11.2026", "11.12.2026", "09.00-14.00", "tir", "Kursus"],
            );
            typ(&mut a, "w");
        }
        "form" => typ(&mut a, "x"),
        _ => unreachable!(),
    }
    a.message = None;
    a
}

#[test]
fn exemptions_added_edited_or_removed_in_the_desk_are_undone_with_u() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, ids) = club(&dir, Lang::Da);
    typ(&mut a, "J");
    exempt(
        &mut a,
        ["23.11.2026", "11.12.2026", "09.00-14.00", "tir", "Kursus"],
    );
    assert_eq!(a.store.jobclub_exemptions(ids[0]).unwrap().len(), 1);
    // u takes the new exemption away again, and the list shows it.
    typ(&mut a, "u");
    assert!(matches!(a.mode, Mode::JobClub(_)));
    assert!(a.store.jobclub_exemptions(ids[0]).unwrap().is_empty());
    key(&mut a, KeyCode::Right);
    assert_eq!(marks(&a, day(24))[0].1, None);
    assert!(!screen(&a, 80, 24).contains("Kursus"));
    key(&mut a, KeyCode::Left);
    // Added again, its reason edited: u puts the old reason back.
    exempt(
        &mut a,
        ["23.11.2026", "11.12.2026", "09.00-14.00", "tir", "Kursus"],
    );
    typ(&mut a, "w");
    typ(&mut a, "e");
    for _ in 0..4 {
        key(&mut a, KeyCode::Tab);
    }
    for _ in 0..10 {
        key(&mut a, KeyCode::Backspace);
    }
    typ(&mut a, "AMU-kursus");
    key(&mut a, KeyCode::Enter);
    assert_eq!(
        a.store.jobclub_exemptions(ids[0]).unwrap()[0].reason,
        "AMU-kursus"
    );
    typ(&mut a, "u");
    assert_eq!(
        a.store.jobclub_exemptions(ids[0]).unwrap()[0].reason,
        "Kursus"
    );
    assert!(screen(&a, 80, 24).contains("tir 09.00–14.00 Kursus"));
    // Removed: u brings it back, the same exemption with its time and weekdays.
    let before = a.store.jobclub_exemptions(ids[0]).unwrap();
    typ(&mut a, "d");
    assert!(a.store.jobclub_exemptions(ids[0]).unwrap().is_empty());
    assert!(!screen(&a, 80, 24).contains("Kursus"));
    typ(&mut a, "u");
    assert_eq!(a.store.jobclub_exemptions(ids[0]).unwrap(), before);
    assert!(screen(&a, 80, 24).contains("Kursus"));
    assert_eq!(marks(&a, day(24))[0].1, Some(Mark::Exempt));
}

#[test]
fn l_marks_an_absence_and_logs_it_as_a_contact_in_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, ids) = club(&dir, Lang::Da);
    let contacts = |a: &App| {
        a.store
            .count_contacts(&jobdesk::store::ContactFilter::default())
            .unwrap()
    };
    typ(&mut a, "J");
    key(&mut a, KeyCode::Down);
    typ(&mut a, "L");
    assert_eq!(
        marks(&a, day(23))[1],
        ("Bo Lund".to_string(), Some(Mark::Absent))
    );
    assert_eq!(contacts(&a), 1, "the absence is in the contact log");
    let c = a
        .store
        .contacts(&jobdesk::store::ContactFilter::default(), 0, 10)
        .unwrap()
        .remove(0);
    assert_eq!(c.citizen_id, ids[1]);
    assert_eq!(c.outcome, jobdesk::domain::Outcome::NoShow);
    assert_eq!(
        c.at,
        day(23).and_hms_opt(9, 0, 0).unwrap(),
        "at the session's start"
    );
    assert!(!c.counts, "an absence does not count toward the minimum");
    let s = screen(&a, 80, 24);
    assert!(s.contains("logget som kontakt"), "{s}");
    // One u takes both back: the mark and the contact.
    typ(&mut a, "u");
    assert_eq!(marks(&a, day(23))[1].1, None);
    assert_eq!(contacts(&a), 0);
    // `?` lists the key.
    key(&mut a, KeyCode::Esc);
    typ(&mut a, "?");
    assert!(matches!(a.mode, Mode::Help(_)));
    assert!(
        jobdesk::ui::view::help_lines(&a).iter().any(|l| {
            let l = l.to_string();
            l.contains(" L ") && l.contains("udeblevet, og fraværet logges som kontakt")
        }),
        "L is in the help"
    );
}
