//! Issue 14 in the desk: the legal deadline and the pace apart ("overskredet" / "bagud"),
//! conversations planned after the deadline, plan warnings, `N` on working days, and the first
//! conversation in person.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{NaiveDate, NaiveDateTime};
use jobdesk::domain::cadence::Standing;
use jobdesk::domain::{
    Channel, Kind, NewAppointment, NewCitizen, NewContact, Outcome, Status, TargetGroup,
};
use jobdesk::i18n::Lang;
use jobdesk::store::Store;
use jobdesk::ui::app::App;

use super::screen;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn at(y: i32, m: u32, day: u32, h: u32, min: u32) -> NaiveDateTime {
    d(y, m, day).and_hms_opt(h, min, 0).unwrap()
}

fn citizen(s: &mut Store, name: &str, group: TargetGroup, start: NaiveDate) -> i64 {
    s.add_citizen(&NewCitizen {
        name: name.into(),
        target_group: Some(group),
        benefit_start: Some(start),
        ..Default::default()
    })
    .unwrap()
}

fn held(s: &mut Store, id: i64, when: NaiveDateTime) {
    s.log(&NewContact {
        uuid: format!("c-{id}-{when}"),
        citizen_id: id,
        appointment_id: None,
        at: when,
        channel: Channel::InPerson,
        outcome: Outcome::Held,
        minutes: 30,
        note: String::new(),
        counts: true,
    })
    .unwrap();
}

fn plan(s: &mut Store, id: i64, start: NaiveDateTime) -> i64 {
    s.plan(&NewAppointment {
        uuid: format!("a-{id}-{start}"),
        citizen_id: id,
        kind: Kind::Conversation,
        start,
        minutes: 30,
        channel: Channel::Phone,
        place: String::new(),
        status: Status::Planned,
        reason: String::new(),
    })
    .unwrap()
    .0
}

fn desk(store: Store, lang: Lang, now: NaiveDateTime) -> App {
    let mut a = App::new(store, lang, now).unwrap();
    a.resize(80, 24);
    a
}

/// Two citizens whose benefit began on 3.11.2026 and whose first conversation was held on
/// 8.11: the pace asks for the next by 6.1.2027, the law by 30.4.2027. The second has their
/// next conversation planned on 3.5.2027, after the deadline.
fn behind_pace() -> (Store, i64, i64) {
    let mut s = Store::open_in_memory().unwrap();
    let mut ids = Vec::new();
    for name in ["Bente Bagud", "Per Planlagt"] {
        let id = citizen(
            &mut s,
            name,
            TargetGroup::KontanthjaelpJobparat,
            d(2026, 11, 3),
        );
        held(&mut s, id, at(2026, 11, 8, 10, 0));
        let c = s.citizen(id).unwrap();
        assert_eq!(c.next_due, Some(d(2027, 4, 30)));
        assert_eq!(c.pace_due, Some(d(2027, 1, 6)));
        ids.push(id);
    }
    plan(&mut s, ids[1], at(2027, 5, 3, 10, 0));
    (s, ids[0], ids[1])
}

#[test]
fn behind_the_pace_is_bagud_not_overdue_and_a_conversation_after_the_deadline_is_marked() {
    let (s, bente, per) = behind_pace();
    let now = at(2027, 1, 11, 9, 0);
    let a = desk(s, Lang::Da, now);
    assert_eq!(
        a.store.citizen(bente).unwrap().standing(now.date()),
        Standing::Behind
    );
    assert_eq!(a.counts.overdue, 0, "behind the pace is not overdue");
    let text = screen(&a, 80, 24);
    assert!(text.contains(" 0 overskredet"), "{text}");
    let row = |name: &str| {
        text.lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name} is due: {text}"))
            .to_string()
    };
    let b = row("Bente Bagud");
    assert!(b.contains("bagud") && !b.contains("overskredet"), "{b}");
    assert!(!b.contains('⚠'), "{b}");
    let p = row("Per Planlagt");
    assert!(p.contains('⚠') && p.contains("planlagt 03.05"), "{p}");
    assert!(text.contains("⚠ planlagt efter fristen"), "{text}");
    assert!(a.state().list.late.iter().any(|(id, _)| *id == per));
    for line in text.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 80, "{line}");
    }
    // The caseload says the same; once the legal deadline has passed, it is overdue.
    let mut a = a;
    super::press(&mut a, ratatui::crossterm::event::KeyCode::Char('5'));
    let text = screen(&a, 80, 24);
    let b = text.lines().find(|l| l.contains("Bente Bagud")).unwrap();
    assert!(b.contains("30.04.2027 bagud"), "{b}");
    let (s, _, _) = behind_pace();
    let a = desk(s, Lang::Da, at(2027, 5, 4, 9, 0));
    assert_eq!(a.counts.overdue, 2);
    let text = screen(&a, 80, 24);
    let b = text.lines().find(|l| l.contains("Bente Bagud")).unwrap();
    assert!(b.contains("overskredet"), "{b}");
}

#[test]
fn next_step_never_proposes_a_day_off() {
    let cal = jobdesk::config::Config::default().calendar();
    let line = jobdesk::ui::overlay::quick_add::next_step_line(
        Lang::Da,
        Some(d(2026, 12, 26)),
        d(2026, 12, 21),
        &cal,
        None,
        None,
        None,
    );
    assert!(line.starts_with("23.12.2026 "), "{line}");
    // Four weeks on from 4.12.2026 is 1.1.2027 (nytårsdag): the last working day before it.
    let line = jobdesk::ui::overlay::quick_add::next_step_line(
        Lang::Da,
        None,
        d(2026, 12, 4),
        &cal,
        None,
        None,
        None,
    );
    assert!(line.starts_with("30.12.2026 "), "{line}");
}

#[test]
fn quick_add_on_juledag_warns_and_a_second_enter_plans_it() {
    use jobdesk::ui::app::Mode;
    use ratatui::crossterm::event::KeyCode;
    let (s, bente, _) = behind_pace();
    let mut a = desk(s, Lang::Da, at(2026, 12, 21, 9, 0));
    super::press(&mut a, KeyCode::Char('a'));
    super::typ(&mut a, "25.12.2026 10.00 tlf Bente Bagud");
    let text = screen(&a, 80, 24);
    assert!(text.contains("⚠ juledag"), "{text}");
    for line in text.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 80, "{line}");
    }
    let before = a.store.next_planned_conversation(bente, a.now).unwrap();
    assert_eq!(before, None);
    super::press(&mut a, KeyCode::Enter);
    let Mode::QuickAdd(q) = &a.mode else {
        panic!("the first Enter asks")
    };
    assert!(q.confirm);
    assert!(screen(&a, 80, 24).contains("Enter igen planlægger alligevel"));
    super::press(&mut a, KeyCode::Enter);
    assert_eq!(a.mode, Mode::Normal);
    assert_eq!(
        a.store.next_planned_conversation(bente, a.now).unwrap(),
        Some(at(2026, 12, 25, 10, 0))
    );
}

#[test]
fn next_step_for_a_citizen_due_on_2_juledag_proposes_23_december() {
    use jobdesk::ui::app::Mode;
    use ratatui::crossterm::event::KeyCode;
    // Kontanthjælp from 19.12.2026: the first conversation within a week, by 26.12 (2. juledag),
    // moved back past juleaftensdag to 23.12.
    let mut s = Store::open_in_memory().unwrap();
    let id = citizen(
        &mut s,
        "Julie Jul",
        TargetGroup::KontanthjaelpJobparat,
        d(2026, 12, 19),
    );
    assert_eq!(s.citizen(id).unwrap().next_due, Some(d(2026, 12, 23)));
    let mut a = desk(s, Lang::Da, at(2026, 12, 21, 9, 0));
    super::press(&mut a, KeyCode::Char('5'));
    super::press(&mut a, KeyCode::Char('N'));
    let Mode::QuickAdd(q) = &a.mode else {
        panic!("N opens the quick-add line")
    };
    let line = q.input.text();
    assert!(line.starts_with("23.12.2026 "), "{line}");
}

#[test]
fn a_first_conversation_by_phone_asks_and_answered_n_does_not_count() {
    use jobdesk::store::ContactFilter;
    use jobdesk::ui::app::{Mode, Row};
    use jobdesk::ui::overlay::{Confirm, Question};
    use ratatui::crossterm::event::KeyCode;
    let mut s = Store::open_in_memory().unwrap();
    let now = at(2026, 11, 23, 9, 0);
    let id = citizen(
        &mut s,
        "Frida Først",
        TargetGroup::KontanthjaelpJobparat,
        d(2026, 11, 18),
    );
    let other = citizen(
        &mut s,
        "Lone Log",
        TargetGroup::KontanthjaelpJobparat,
        d(2026, 11, 18),
    );
    let appt = plan(&mut s, id, at(2026, 11, 23, 8, 0));
    let due = s.citizen(id).unwrap().next_due;
    let mut a = desk(s, Lang::Da, now);
    // The phone call at 08.00 today, marked held.
    while !matches!(a.state().list.selected_row(), Some(Row::Appointment(x)) if x.id == appt) {
        super::press(&mut a, KeyCode::Down);
    }
    super::press(&mut a, KeyCode::Char('h'));
    assert!(
        matches!(
            &a.mode,
            Mode::Confirm(Confirm {
                question: Question::FirstInPerson { .. },
                ..
            })
        ),
        "{:?}",
        a.mode
    );
    let text = screen(&a, 80, 24);
    assert!(
        text.contains("Første samtale skal holdes ved personligt fremmøde"),
        "{text}"
    );
    super::press(&mut a, KeyCode::Char('n'));
    assert!(matches!(a.mode, Mode::Note(_)), "then the note");
    super::press(&mut a, KeyCode::Enter);
    let contacts = |a: &App, who: i64| {
        a.store
            .contacts(
                &ContactFilter {
                    citizen_id: Some(who),
                    ..Default::default()
                },
                0,
                10,
            )
            .unwrap()
    };
    let c = contacts(&a, id);
    assert_eq!(c.len(), 1);
    assert!(!c[0].counts, "answered n: it does not count");
    assert_eq!(a.store.citizen(id).unwrap().next_due, due, "still due");
    // Logged by phone with `l` and answered j: it counts. (Esc first: the rating offered after
    // the held call takes 1–5.)
    super::press(&mut a, KeyCode::Esc);
    super::press(&mut a, KeyCode::Char('5'));
    while !matches!(a.state().list.selected_row(), Some(Row::Citizen(x)) if x.id == other) {
        super::press(&mut a, KeyCode::Down);
    }
    super::press(&mut a, KeyCode::Char('l'));
    super::press(&mut a, KeyCode::Char('4'));
    assert!(
        matches!(
            &a.mode,
            Mode::Confirm(Confirm {
                question: Question::FirstInPerson { .. },
                ..
            })
        ),
        "{:?}",
        a.mode
    );
    super::press(&mut a, KeyCode::Char('j'));
    super::press(&mut a, KeyCode::Enter);
    let c = contacts(&a, other);
    assert_eq!(c.len(), 1);
    assert!(c[0].counts, "answered j: it counts");
}
