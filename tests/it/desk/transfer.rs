//! The hand-over in the desk: `T` shows the transfer queue (exactly the live contacts not yet
//! transferred, oldest first, with their age), `y` copies an entry's journal text through the
//! terminal's clipboard escape (or shows it to copy by hand) and `o` then marks it transferred,
//! `Y` does the same for all of a citizen's pending entries, `O` marks the shown day's; `u`
//! undoes each.

use chrono::{NaiveDate, NaiveTime};
use jobdesk::domain::Contact;
use jobdesk::i18n::Lang;
use jobdesk::store::{Change, ContactFilter};
use jobdesk::ui::app::{App, Mode, Row};

use super::{app, screen, typ};

/// Every live contact not yet transferred, oldest first, read without the queue's own query.
fn untransferred(a: &App) -> Vec<Contact> {
    let mut all: Vec<Contact> = a
        .store
        .contacts(&ContactFilter::default(), 0, usize::MAX / 2)
        .unwrap()
        .into_iter()
        .filter(|c| c.transferred_at.is_none())
        .collect();
    all.sort_by_key(|c| (c.at, c.id));
    all
}

/// The generated desk with the entries of 10 and 19 November taken back to "not transferred".
fn desk(lang: Lang) -> App {
    let mut a = app(lang);
    let mut changes = Vec::new();
    for day in [10, 19] {
        let d = NaiveDate::from_ymd_opt(2026, 11, day).unwrap();
        let f = ContactFilter {
            from: Some(d.and_time(NaiveTime::MIN)),
            to: Some(d.succ_opt().unwrap().and_time(NaiveTime::MIN)),
            ..Default::default()
        };
        for c in a.store.contacts(&f, 0, 1000).unwrap() {
            changes.push(Change::ContactTransferred { id: c.id, at: None });
        }
    }
    assert!(!changes.is_empty());
    a.store.apply(&changes).unwrap();
    a.refresh().unwrap();
    a.resize(120, 40);
    a
}

fn shown(a: &App) -> Vec<i64> {
    a.state()
        .list
        .rows
        .iter()
        .filter_map(|r| match r {
            Row::Contact(c) => Some(c.id),
            _ => None,
        })
        .collect()
}

fn base64_decode(s: &str) -> Vec<u8> {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = 0u32;
    let mut n = 0;
    let mut out = Vec::new();
    for ch in s.bytes().filter(|b| *b != b'=') {
        let v = A.iter().position(|x| *x == ch).unwrap() as u32;
        bits = (bits << 6) | v;
        n += 6;
        if n >= 8 {
            n -= 8;
            out.push((bits >> n) as u8);
            bits &= (1 << n) - 1;
        }
    }
    out
}

#[test]
fn t_shows_exactly_the_untransferred_live_contacts_oldest_first() {
    let mut a = desk(Lang::Da);
    let want = untransferred(&a);
    assert!(want.len() >= 3);
    let s = screen(&a, 120, 40);
    assert!(s.contains(&format!("{} til overførsel", want.len())), "{s}");
    typ(&mut a, "4T");
    assert!(a.queue);
    assert_eq!(a.state().list.total, want.len());
    let ids: Vec<i64> = want.iter().map(|c| c.id).collect();
    assert_eq!(shown(&a), ids[..shown(&a).len()]);
    let s = screen(&a, 120, 40);
    assert!(s.contains("Til overførsel"), "{s}");
    // The entries of the 10th have waited 9 working days: too old.
    assert!(s.contains("10.11") && s.contains("9!"), "{s}");
    assert!(s.contains("for gamle"), "{s}");
    // A deleted entry leaves the queue.
    a.store.delete_contact(ids[0], a.now).unwrap();
    a.refresh().unwrap();
    assert_eq!(shown(&a)[0], ids[1]);
    // T again: back to the day.
    typ(&mut a, "T");
    assert!(!a.queue);
    assert!(!screen(&a, 120, 40).contains("Til overførsel ("));
}

fn copied(a: &App) -> (String, Vec<i64>, bool) {
    match &a.mode {
        Mode::Copied(c) => (c.text.clone(), c.ids.clone(), c.sent),
        m => panic!("not the copied box: {m:?}"),
    }
}

#[test]
fn y_copies_the_journal_text_with_osc52_and_o_marks_it_transferred() {
    for (lang, name) in [(Lang::Da, "journal_y_da"), (Lang::En, "journal_y_en")] {
        let mut a = desk(lang);
        a.clipboard_ok = true;
        typ(&mut a, "4T");
        let first = untransferred(&a)[0].clone();
        typ(&mut a, "y");
        let (text, ids, sent) = copied(&a);
        assert!(sent);
        assert_eq!(ids, [first.id]);
        insta::assert_snapshot!(name, text);
        // The clipboard escape carries the text, base64-encoded.
        let seq = a.clipboard.clone().unwrap();
        let body = seq
            .strip_prefix("\x1b]52;c;")
            .and_then(|s| s.strip_suffix('\x07'))
            .unwrap();
        assert_eq!(String::from_utf8(base64_decode(body)).unwrap(), text);
        assert_eq!(seq, jobdesk::domain::journal::osc52(&text));
        // The same text as the command line's `log note`.
        let src = a.store.journal_source(first.id, a.now).unwrap();
        assert_eq!(
            text,
            jobdesk::i18n::queue::journal_text(lang, a.config.journal_template(lang.da()), &src)
        );
        // o marks it transferred; u takes that back.
        let before = a.state().list.total;
        typ(&mut a, "o");
        assert_eq!(a.mode, Mode::Normal);
        assert!(a.store.contact(first.id).unwrap().transferred_at.is_some());
        assert_eq!(a.state().list.total, before - 1);
        typ(&mut a, "u");
        assert!(a.store.contact(first.id).unwrap().transferred_at.is_none());
        assert_eq!(a.state().list.total, before);
    }
}

#[test]
fn without_a_terminal_the_text_is_shown_to_copy_by_hand() {
    let mut a = desk(Lang::En);
    assert!(!a.clipboard_ok);
    typ(&mut a, "4T");
    typ(&mut a, "y");
    let (text, _, sent) = copied(&a);
    assert!(!sent);
    assert!(a.clipboard.is_none());
    let s = screen(&a, 120, 40);
    assert!(s.contains("select the text and copy it yourself"), "{s}");
    let first_line = text.lines().next().unwrap();
    assert!(s.contains(first_line), "{s}");
    // Esc closes and marks nothing.
    super::press(&mut a, ratatui::crossterm::event::KeyCode::Esc);
    assert_eq!(a.mode, Mode::Normal);
    assert!(a.undo.is_empty());
}

#[test]
fn shift_y_copies_all_of_a_citizens_pending_entries_and_marks_them_in_one_step() {
    let mut a = desk(Lang::En);
    a.clipboard_ok = true;
    typ(&mut a, "4T");
    let first = untransferred(&a)[0].clone();
    let theirs: Vec<i64> = untransferred(&a)
        .iter()
        .filter(|c| c.citizen_id == first.citizen_id)
        .map(|c| c.id)
        .collect();
    typ(&mut a, "Y");
    let (text, ids, _) = copied(&a);
    assert_eq!(ids, theirs);
    assert_eq!(
        text.matches("Counts toward the minimum").count(),
        theirs.len()
    );
    typ(&mut a, "o");
    assert!(
        untransferred(&a)
            .iter()
            .all(|c| c.citizen_id != first.citizen_id)
    );
    assert_eq!(a.undo.len(), 1);
    typ(&mut a, "u");
    let back: Vec<i64> = untransferred(&a)
        .iter()
        .filter(|c| c.citizen_id == first.citizen_id)
        .map(|c| c.id)
        .collect();
    assert_eq!(back, theirs);
}

#[test]
fn shift_o_marks_the_shown_days_entries_and_u_undoes_it() {
    let mut a = desk(Lang::En);
    typ(&mut a, "4");
    // Back to the 19th.
    typ(&mut a, ",,,,");
    assert_eq!(
        a.state().date,
        NaiveDate::from_ymd_opt(2026, 11, 19).unwrap()
    );
    let on_19 = |a: &App| {
        untransferred(a)
            .iter()
            .filter(|c| c.at.date() == NaiveDate::from_ymd_opt(2026, 11, 19).unwrap())
            .count()
    };
    let n = on_19(&a);
    assert!(n > 0);
    let total = untransferred(&a).len();
    typ(&mut a, "O");
    assert_eq!(on_19(&a), 0);
    assert_eq!(untransferred(&a).len(), total - n);
    assert!(a.message.clone().unwrap_or_default().contains(&format!(
        "{n} {} marked transferred",
        if n == 1 { "contact" } else { "contacts" }
    )));
    typ(&mut a, "u");
    assert_eq!(on_19(&a), n);
}
