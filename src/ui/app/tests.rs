//! Keys on `App` with an in-memory store: what a user notices (the screen, the rows written).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use chrono::{NaiveDate, NaiveDateTime};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::{App, Mode, Pane, Row};
use crate::domain::Status;
use crate::i18n::Lang;
use crate::store::Store;
use crate::ui::overlay::Confirm;

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 23)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .unwrap()
}

fn app(lang: Lang) -> App {
    let mut store = Store::open_in_memory().unwrap();
    let spec = crate::generate::Spec {
        citizens: 60,
        years: 1,
        seed: 5,
        now: now(),
    };
    crate::generate::generate(&mut store, spec, &mut |_, _| {}).unwrap();
    let mut a = App::new(store, lang, now()).unwrap();
    a.resize(80, 24);
    a
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn press(a: &mut App, code: KeyCode) {
    a.handle_event(&key(code));
}

fn typ(a: &mut App, s: &str) {
    for c in s.chars() {
        press(a, KeyCode::Char(c));
    }
}

fn chars(s: &str) -> Vec<Event> {
    s.chars().map(|c| key(KeyCode::Char(c))).collect()
}

fn screen(a: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| crate::ui::view::draw(a, f)).unwrap();
    let buf = t.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..h {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..w {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            line.push_str(sym);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Every row of the tables a key could change, to compare before and after.
fn dump(a: &App) -> Vec<String> {
    let c = a.store.conn();
    let mut out = Vec::new();
    for sql in [
        "SELECT id || status || reason || COALESCE(moved_to, '') || start || channel || deleted FROM appointments ORDER BY id",
        "SELECT id || outcome || note || counts || minutes || COALESCE(transferred_at, '') || deleted FROM contacts ORDER BY id",
        "SELECT id || summary || COALESCE(next_due, '') FROM citizens ORDER BY id",
        "SELECT kind || target_id || text FROM drafts ORDER BY kind, target_id",
        "SELECT id || action || COALESCE(citizen_id, '') || rows FROM audit ORDER BY id",
    ] {
        let mut st = c.prepare(sql).unwrap();
        let rows = st.query_map([], |r| r.get::<_, String>(0)).unwrap();
        out.extend(rows.map(Result::unwrap));
    }
    out
}

/// Selects the first appointment of today's list with `status` that starts after (`future`) or
/// at/before now; returns it.
fn select(a: &mut App, status: Status, future: bool) -> crate::domain::Appointment {
    a.update(crate::ui::action::Action::First);
    for _ in 0..a.state().list.total {
        if let Some(Row::Appointment(x)) = a.state().list.selected_row()
            && x.status == status
            && (x.start > a.now) == future
        {
            return x.clone();
        }
        press(a, KeyCode::Down);
    }
    panic!("no {status:?} appointment today (future: {future})");
}

/// Selects appointment `id` again (after a mark and its note the selection moves on).
fn reselect(a: &mut App, id: i64) {
    a.update(crate::ui::action::Action::First);
    for _ in 0..a.state().list.total {
        if let Some(Row::Appointment(x)) = a.state().list.selected_row()
            && x.id == id
        {
            return;
        }
        press(a, KeyCode::Down);
    }
    panic!("appointment {id} is not in the list");
}

fn reveals(a: &App) -> i64 {
    a.store
        .conn()
        .query_row(
            "SELECT COUNT(*) FROM audit WHERE action = 'reveal_cpr'",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn keys_while_the_terminal_is_too_small_change_nothing() {
    let mut a = app(Lang::Da);
    select(&mut a, Status::Planned, true);
    let before = dump(&a);
    a.handle_event(&Event::Resize(80, 22));
    let s = screen(&a, 80, 22);
    assert!(s.contains("Terminalen er for lille"), "{s}");
    assert!(s.contains("tryk q for at"), "{s}");
    // x would export the day, n Enter mark a no-show, h j mark held, l 1 log a contact,
    // a … plan, e edit: none of it happens unseen.
    for k in [
        "x", "n", "\n", "h", "j", "l", "1", "\n", "a", "t", "o", "r", "\n", "p", "u",
    ] {
        let code = if k == "\n" {
            KeyCode::Enter
        } else {
            KeyCode::Char(k.chars().next().unwrap())
        };
        assert!(!a.handle_event(&key(code)), "{k} does nothing");
    }
    assert_eq!(a.mode, Mode::Normal);
    assert!(!a.quit);
    assert_eq!(dump(&a), before, "not a row changed");
    assert!(a.undo.is_empty());
    // Back to a size that shows the desk: it is as it was, and keys act again.
    a.handle_event(&Event::Resize(80, 23));
    assert!(!screen(&a, 80, 23).contains("for lille"));
    // q still quits while too small.
    a.handle_event(&Event::Resize(60, 20));
    typ(&mut a, "q");
    assert!(a.quit);
}

#[test]
fn a_note_being_typed_is_kept_when_q_quits_a_too_small_desk() {
    let mut a = app(Lang::En);
    a.now = now() + chrono::Duration::hours(10);
    select(&mut a, Status::Planned, false);
    typ(&mut a, "h");
    typ(&mut a, "half");
    a.handle_event(&Event::Resize(40, 10));
    typ(&mut a, "q");
    assert!(a.quit);
    assert_eq!(a.store.latest_draft().unwrap().unwrap().text, "half");
}

#[test]
fn eighty_by_twenty_three_shows_every_pane_and_overlay() {
    let mut a = app(Lang::Da);
    a.handle_event(&Event::Resize(80, 23));
    for (k, title) in [
        ("1", "I dag"),
        ("2", "Samtaler"),
        ("3", "Mentorbesøg"),
        ("4", "Kontaktlog"),
        ("5", "Borgere"),
        ("6", "Nedlukning"),
    ] {
        typ(&mut a, k);
        let s = screen(&a, 80, 23);
        assert!(!s.contains("for lille"), "{s}");
        assert!(s.lines().nth(2).unwrap().contains(title), "{k}: {s}");
        assert!(s.lines().nth(22).unwrap().len() > 20, "the footer: {s}");
        assert!(a.page() >= 15, "rows on screen: {}", a.page());
    }
    // The card fits (it scrolls when it is taller), the help and the quick-add line too.
    typ(&mut a, "5");
    press(&mut a, KeyCode::Enter);
    let s = screen(&a, 80, 23);
    assert!(s.contains("Borgerkort") && s.contains("Esc lukker"), "{s}");
    press(&mut a, KeyCode::Esc);
    typ(&mut a, "?");
    let s = screen(&a, 80, 23);
    assert!(s.contains("Esc"), "{s}");
    press(&mut a, KeyCode::Esc);
    typ(&mut a, "a");
    let s = screen(&a, 80, 23);
    assert!(s.contains("skriv dag og tid"), "{s}");
}

#[test]
fn p_shows_the_cpr_on_the_card_and_logs_it_once() {
    let mut a = app(Lang::Da);
    let id = a
        .store
        .add_citizen(&crate::domain::NewCitizen {
            name: "Aaberg Testperson".into(),
            cpr: Some("181082-1234".into()),
            target_group: Some(crate::domain::TargetGroup::Dagpenge),
            ..Default::default()
        })
        .unwrap();
    a.open_card(id).unwrap();
    let s = screen(&a, 80, 24);
    assert!(
        s.contains("181082-****") && !s.contains("181082-1234"),
        "{s}"
    );
    assert_eq!(reveals(&a), 0, "nothing revealed, nothing logged");
    typ(&mut a, "p");
    let s = screen(&a, 80, 24);
    assert!(s.contains("181082-1234"), "the card shows it: {s}");
    assert_eq!(reveals(&a), 1);
    typ(&mut a, "p");
    assert!(screen(&a, 80, 24).contains("181082-1234"));
    assert_eq!(reveals(&a), 1, "shown once, logged once");
    // Closing the card hides it again.
    press(&mut a, KeyCode::Esc);
    a.open_card(id).unwrap();
    assert!(screen(&a, 80, 24).contains("181082-****"));
    // Too small: p is not shown, so it is not logged either.
    a.handle_event(&Event::Resize(70, 20));
    typ(&mut a, "p");
    assert_eq!(reveals(&a), 1);
}

#[test]
fn marking_a_future_appointment_held_asks_first() {
    let mut a = app(Lang::Da);
    let appt = select(&mut a, Status::Planned, true);
    let before = dump(&a);
    typ(&mut a, "h");
    let Mode::Confirm(Confirm { text: question, .. }) = &a.mode else {
        panic!("asks: {:?}", a.mode)
    };
    assert!(
        question.contains("først") && question.ends_with("(j/n)"),
        "{question}"
    );
    assert!(screen(&a, 80, 24).contains("markér den afholdt alligevel"));
    typ(&mut a, "n");
    assert_eq!(a.mode, Mode::Normal);
    assert_eq!(dump(&a), before, "n: nothing written");
    assert_eq!(a.message.as_deref(), Some("Intet ændret"));
    typ(&mut a, "hj");
    assert!(
        matches!(a.mode, Mode::Note(_)),
        "j marks it and offers the note"
    );
    assert_eq!(a.store.appointment(appt.id).unwrap().status, Status::Held);
    // A past one is marked without a word.
    press(&mut a, KeyCode::Enter);
    a.now = now() + chrono::Duration::hours(10);
    let past = select(&mut a, Status::Planned, false);
    typ(&mut a, "n");
    assert!(matches!(a.mode, Mode::Note(_)));
    assert_eq!(a.store.appointment(past.id).unwrap().status, Status::NoShow);
}

#[test]
fn re_marking_asks_and_no_leaves_the_appointment_as_it_was() {
    let mut a = app(Lang::Da);
    a.now = now() + chrono::Duration::hours(10);
    let appt = select(&mut a, Status::Planned, false);
    typ(&mut a, "h");
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.store.appointment(appt.id).unwrap().status, Status::Held);
    reselect(&mut a, appt.id);
    let before = dump(&a);
    typ(&mut a, "n");
    let Mode::Confirm(Confirm { text: question, .. }) = &a.mode else {
        panic!("asks: {:?}", a.mode)
    };
    assert_eq!(question, "Allerede afholdt – ændr til udeblevet? (j/n)");
    typ(&mut a, "n");
    assert_eq!(dump(&a), before, "n leaves it unchanged");
    assert_eq!(a.store.appointment(appt.id).unwrap().status, Status::Held);
    // Esc too.
    typ(&mut a, "n");
    press(&mut a, KeyCode::Esc);
    assert_eq!(dump(&a), before);
    // j changes it (the store replaces the earlier outcome) and offers the note.
    typ(&mut a, "nj");
    assert!(matches!(a.mode, Mode::Note(_)));
    assert_eq!(a.store.appointment(appt.id).unwrap().status, Status::NoShow);
    // The English words.
    a.lang = Lang::En;
    press(&mut a, KeyCode::Enter);
    reselect(&mut a, appt.id);
    typ(&mut a, "h");
    let Mode::Confirm(Confirm { text: question, .. }) = &a.mode else {
        panic!()
    };
    assert_eq!(question, "Already a no-show – change to held? (y/n)");
}

#[test]
fn the_question_keys_are_in_the_footer_and_the_help() {
    let mut a = app(Lang::Da);
    select(&mut a, Status::Planned, true);
    typ(&mut a, "h");
    let s = screen(&a, 80, 24);
    let footer = s.lines().nth(23).unwrap();
    assert!(
        footer.contains("j/y ja") && footer.contains("n nej") && footer.contains("Esc fortryd"),
        "{footer}"
    );
    let help: Vec<String> = crate::ui::view::help_lines(&a)
        .iter()
        .map(|l| l.to_string())
        .collect();
    assert!(help.iter().any(|l| l.contains("Når desken spørger")));
    assert!(
        help.iter()
            .any(|l| l.contains("flyt (advarer ved overlap)"))
    );
}

#[test]
fn moving_onto_a_taken_time_warns_and_offers_the_note() {
    let mut a = app(Lang::En);
    let appt = select(&mut a, Status::Planned, true);
    // Another planned appointment of the day: moving onto its time clashes.
    let other = a
        .store
        .appointments(&Default::default(), 0, 10_000)
        .unwrap()
        .into_iter()
        .find(|x| x.id != appt.id && x.status == Status::Planned && x.start > now())
        .unwrap();
    typ(&mut a, "m");
    for _ in 0..20 {
        press(&mut a, KeyCode::Backspace);
    }
    typ(&mut a, &other.start.format("%Y-%m-%d %H:%M").to_string());
    press(&mut a, KeyCode::Enter);
    let Mode::Move(m) = &a.mode else {
        panic!("warns: {:?}", a.mode)
    };
    let e = m.warnings.join(" · ");
    assert!(e.contains("overlaps") && e.contains(&other.citizen), "{e}");
    assert_eq!(
        a.store.appointment(appt.id).unwrap().status,
        Status::Planned
    );
    press(&mut a, KeyCode::Enter);
    assert!(
        matches!(a.mode, Mode::Note(_)),
        "moved; the note is offered"
    );
    assert_eq!(a.store.appointment(appt.id).unwrap().status, Status::Moved);
}

#[test]
fn the_draft_is_saved_whole_a_second_after_typing_stops() {
    let mut a = app(Lang::En);
    assert_eq!(a.draft_deadline(), None, "idle: no timer");
    a.now = now() + chrono::Duration::hours(10);
    select(&mut a, Status::Planned, false);
    typ(&mut a, "h");
    assert_eq!(a.draft_deadline(), None, "nothing typed yet: no timer");
    let start = Instant::now();
    typ(&mut a, "Talked about the job plan, next in four weeks.");
    let due = a.draft_deadline().expect("armed by the keystrokes");
    assert!(
        due >= start + Duration::from_millis(900) && due <= Instant::now() + Duration::from_secs(1)
    );
    assert!(!a.tick_drafts(start), "not before its time");
    assert_eq!(a.store.latest_draft().unwrap(), None);
    assert!(a.tick_drafts(due));
    assert_eq!(
        a.store.latest_draft().unwrap().unwrap().text,
        "Talked about the job plan, next in four weeks."
    );
    assert_eq!(
        a.draft_deadline(),
        None,
        "one-shot: disarmed until the next keystroke"
    );
    typ(&mut a, " Ok.");
    assert!(a.tick_drafts(Instant::now() + Duration::from_secs(2)));
    assert!(
        a.store
            .latest_draft()
            .unwrap()
            .unwrap()
            .text
            .ends_with("weeks. Ok.")
    );
    // Saving the note ends the draft.
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.store.latest_draft().unwrap(), None);
    assert_eq!(a.draft_deadline(), None);
}

#[test]
fn esc_in_the_summary_editor_with_changes_asks() {
    let mut a = app(Lang::Da);
    typ(&mut a, "5");
    let Some(Row::Citizen(c)) = a.state().list.selected_row().cloned() else {
        panic!()
    };
    press(&mut a, KeyCode::Enter);
    // No changes: Esc closes at once.
    typ(&mut a, "e");
    press(&mut a, KeyCode::Esc);
    assert!(matches!(a.mode, Mode::Card(_)));
    typ(&mut a, "e");
    typ(&mut a, " Kørekort B.");
    press(&mut a, KeyCode::Esc);
    assert!(matches!(a.mode, Mode::Summary(ref s) if s.asking));
    assert!(screen(&a, 80, 24).contains("Gem ændringerne? (j/n/Esc)"));
    // Esc goes back to the editor, the text kept.
    press(&mut a, KeyCode::Esc);
    assert!(matches!(a.mode, Mode::Summary(ref s) if !s.asking));
    typ(&mut a, "!");
    press(&mut a, KeyCode::Esc);
    typ(&mut a, "n");
    assert!(matches!(a.mode, Mode::Card(_)), "n throws it away");
    assert_eq!(a.store.citizen(c.id).unwrap().summary, c.summary);
    assert_eq!(a.store.latest_draft().unwrap(), None);
    typ(&mut a, "e");
    typ(&mut a, " Kørekort B.");
    press(&mut a, KeyCode::Esc);
    typ(&mut a, "j");
    assert!(matches!(a.mode, Mode::Card(_)), "j saves");
    assert_eq!(
        a.store.citizen(c.id).unwrap().summary,
        format!("{} Kørekort B.", c.summary).trim_end()
    );
}

#[test]
fn a_burst_of_letters_is_not_run_as_commands() {
    let mut a = app(Lang::Da);
    a.now = now() + chrono::Duration::hours(10);
    let appt = select(&mut a, Status::Planned, false);
    let before = dump(&a);
    assert!(a.handle_burst(&chars("hnx")));
    assert_eq!(a.mode, Mode::Normal);
    assert_eq!(dump(&a), before, "nothing marked, nothing exported");
    assert_eq!(
        a.message.as_deref(),
        Some("Indsat tekst ignoreret – tryk a for at skrive en linje")
    );
    assert!(screen(&a, 80, 24).contains("Indsat tekst ignoreret"));
    // Two keys together (a fast typist) still act.
    a.handle_burst(&chars("jk"));
    assert_eq!(a.pane, Pane::Today);
    // In the note line the burst is text.
    a.handle_burst(&chars("h"));
    assert!(matches!(a.mode, Mode::Note(_)));
    a.handle_burst(&chars("hnx"));
    let Mode::Note(n) = &a.mode else { panic!() };
    let input = &n.input;
    assert_eq!(input.text(), "hnx");
    // A pasted line with a line break: the note is saved, the rest is not run as commands.
    let mut ev = chars(" ok");
    ev.push(key(KeyCode::Enter));
    ev.extend(chars("Cnx"));
    a.handle_burst(&ev);
    assert_eq!(a.mode, Mode::Normal);
    let held = a.store.appointment(appt.id).unwrap();
    assert_eq!(held.status, Status::Held);
    assert!(a.message.as_deref().unwrap().contains("Indsat tekst"));
}

#[test]
fn what_is_due_for_purge_is_counted_after_the_first_frame_and_shown() {
    let mut store = Store::open_in_memory().unwrap();
    let spec = crate::generate::Spec {
        citizens: 60,
        years: 4,
        seed: 5,
        now: now(),
    };
    crate::generate::generate(&mut store, spec, &mut |_, _| {}).unwrap();
    let want = store.purge_due_count(now()).unwrap();
    assert!(
        want > 0,
        "four years hold transferred contacts past the two-year retention"
    );
    let mut a = App::new(store, Lang::Da, now()).unwrap();
    a.resize(100, 30);
    assert_eq!(a.counts.purge_due, 0, "not read before the first frame");
    assert!(a.load_purge_due().unwrap());
    assert_eq!(a.counts.purge_due, want);
    let mut t = Terminal::new(TestBackend::new(100, 30)).unwrap();
    t.draw(|f| crate::ui::view::draw(&a, f)).unwrap();
    let top: String = (0..100)
        .map(|x| t.backend().buffer()[(x, 0)].symbol().to_string())
        .collect();
    assert!(top.contains("til sletning"), "{top}");
}

/// At 80 columns the purge count stays whole and its hint is dropped rather than cut in the
/// middle of the command ("598 til sletning (jobdesk pur").
#[test]
fn the_purge_count_is_never_cut_off_at_80_columns() {
    let mut store = Store::open_in_memory().unwrap();
    let spec = crate::generate::Spec {
        citizens: 60,
        years: 4,
        seed: 5,
        now: now(),
    };
    crate::generate::generate(&mut store, spec, &mut |_, _| {}).unwrap();
    let want = store.purge_due_count(now()).unwrap();
    for lang in [Lang::Da, Lang::En] {
        let mut s2 = Store::open_in_memory().unwrap();
        crate::generate::generate(&mut s2, spec, &mut |_, _| {}).unwrap();
        let mut a = App::new(s2, lang, now()).unwrap();
        a.resize(80, 24);
        assert!(a.load_purge_due().unwrap());
        // Enough to purge and to transfer that the whole line cannot fit.
        a.counts.purge_due = 598;
        a.counts.overdue = 13;
        a.counts.pending = 0;
        let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
        t.draw(|f| crate::ui::view::draw(&a, f)).unwrap();
        let top: String = (0..80)
            .map(|x| t.backend().buffer()[(x, 0)].symbol().to_string())
            .collect();
        let top = top.trim_end();
        let word = if lang.da() {
            "598 til sletning"
        } else {
            "598 due for purge"
        };
        assert!(top.contains(word), "{top}");
        assert!(
            top.contains("(jobdesk purge)") || !top.contains("(jobdesk"),
            "cut: {top}"
        );
        // With entries to transfer as well, the transfer count is whole and the purge count
        // gives way.
        a.counts.pending = 58;
        t.draw(|f| crate::ui::view::draw(&a, f)).unwrap();
        let top: String = (0..80)
            .map(|x| t.backend().buffer()[(x, 0)].symbol().to_string())
            .collect();
        let pending = crate::i18n::queue::pending_count(lang, 58, 0);
        assert!(top.contains(&pending), "{top}");
    }
    assert!(want > 0);
}

fn at_day(d: u32, lang: Lang) -> App {
    let now = NaiveDate::from_ymd_opt(2026, 12, d)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let spec = crate::generate::Spec {
        citizens: 30,
        years: 1,
        seed: 5,
        now,
    };
    crate::generate::generate(&mut store, spec, &mut |_, _| {}).unwrap();
    let mut a = App::new(store, lang, now).unwrap();
    a.resize(80, 24);
    a
}

fn rows_of(a: &App, w: u16, h: u16) -> Vec<String> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| crate::ui::view::draw(a, f)).unwrap();
    (0..h)
        .map(|y| {
            (0..w)
                .map(|x| t.backend().buffer()[(x, y)].symbol().to_string())
                .collect()
        })
        .collect()
}

#[test]
fn christmas_week_names_its_days_off_in_the_header_and_the_week_view() {
    let mut a = at_day(25, Lang::Da);
    // Wide enough: the header names the holiday.
    let wide = rows_of(&a, 120, 30);
    assert!(wide[0].contains("(juledag)"), "{}", wide[0]);
    // At 80 columns the header's day shortens (and then the week number goes) so that the
    // counts stay whole; the pane's title line still names the day.
    for (d, short, name) in [
        (25, "fre 25.12", "juledag"),
        (24, "tor 24.12", "juleaftensdag"),
    ] {
        let app = at_day(d, Lang::Da);
        let top = rows_of(&app, 80, 24);
        let head = top[0].trim_end();
        assert!(head.contains(short), "{head}");
        assert!(head.contains(" overskredet"), "never cut: {head}");
        if head.contains("overf") {
            assert!(head.contains("til overførsel"), "never cut: {head}");
        }
        assert!(top[2].contains(name), "{}", top[2]);
    }
    // The week view of Calls names the week's days off.
    a.handle_event(&key(KeyCode::Char('2')));
    a.handle_event(&key(KeyCode::Char('w')));
    let screen = rows_of(&a, 120, 30);
    let title = &screen[2];
    assert!(title.contains("24.12 juleaftensdag"), "{title}");
    assert!(title.contains("25.12 juledag"), "{title}");
    assert!(title.contains("26.12 2. juledag"), "{title}");
}
