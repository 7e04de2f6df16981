//! The desk driven by keys on `App`, one file per feature: what the panes show and how to move
//! around them (panes), marking, notes, logging, undo and drafts (marking), quick-add, the form
//! and the next step (planning), the citizen card (card), the closure call-round (closure).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod appointments;
mod card;
mod citizens;
mod clock;
mod closure;
mod closure_round;
mod companies;
mod corrections;
mod feedback;
mod jobclub;
mod marking;
mod overlays;
mod panes;
mod phone;
mod planning;
mod remark;
mod rules14;
mod series;
mod transfer;
mod when;

use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};
use jobdesk::domain::Status;
use jobdesk::i18n::Lang;
use jobdesk::store::Store;
use jobdesk::ui::app::{App, Row};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use crate::support;

/// The desk's "now": Monday 23 November 2026, 09:00 (the same as `support::NOW`).
pub fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 23)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .unwrap()
}

/// What a desk is opened on: see [`app`].
pub trait DeskOn {
    fn open(self) -> App;
}

/// A generated caseload (120 citizens, two years, seed 1) in memory, in that language.
impl DeskOn for Lang {
    fn open(self) -> App {
        let mut store = jobdesk::store::Store::open_in_memory().unwrap();
        let spec = jobdesk::generate::Spec {
            citizens: 120,
            years: 2,
            seed: 1,
            now: now(),
        };
        jobdesk::generate::generate(&mut store, spec, &mut |_, _| {}).unwrap();
        let mut app = App::new(store, self, now()).unwrap();
        app.resize(100, 30);
        app
    }
}

/// The database at that path, in English.
impl<P: AsRef<Path> + ?Sized> DeskOn for &P {
    fn open(self) -> App {
        let mut a = App::new(store_at(self.as_ref()), Lang::En, now()).unwrap();
        a.resize(100, 30);
        a
    }
}

/// The desk at 100×30: `app(Lang::Da)` on a generated caseload in memory, or `app(&path)` on a
/// database file (in English).
pub fn app(on: impl DeskOn) -> App {
    on.open()
}

pub fn store_at(path: &Path) -> Store {
    Store::open(
        path,
        &jobdesk::store::OpenOptions::new(jobdesk::store::Create::Yes),
    )
    .unwrap()
}

/// A copy of the generated caseload (60 citizens, one year, seed 5) in `dir`: the rows
/// `jobdesk::generate::generate` makes in process for that spec at `now()` (uuids aside: they are
/// random either way).
pub fn demo(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let path = dir.path().join("d.db");
    support::copy_caseload(&path, 60, 1, 5, support::NOW);
    path
}

/// The screen as text, one line a row, trailing blanks cut.
pub fn screen(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| jobdesk::ui::view::draw(app, f)).unwrap();
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

/// One key press (`press` is the same).
pub fn key(app: &mut App, code: KeyCode) {
    app.handle_event(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

/// Types the text, key by key (`typ` is the same).
pub fn chars(app: &mut App, s: &str) {
    for c in s.chars() {
        key(app, KeyCode::Char(c));
    }
}

pub fn press(a: &mut App, code: KeyCode) {
    key(a, code);
}

pub fn typ(a: &mut App, s: &str) {
    chars(a, s);
}

/// Selects the first planned appointment of today's list; returns its id.
pub fn select_planned(a: &mut App) -> i64 {
    for _ in 0..a.state().list.total {
        if let Some(Row::Appointment(x)) = a.state().list.selected_row()
            && x.status == Status::Planned
        {
            return x.id;
        }
        press(a, KeyCode::Down);
    }
    panic!("no planned appointment today");
}

/// Selects the appointment `id` in the current pane's list (after a mark the selection moves
/// on to the next planned appointment: this goes back to it).
pub fn select_appointment(a: &mut App, id: i64) {
    a.update(jobdesk::ui::action::Action::First);
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

/// Every visible row of the tables that matter, to compare states.
pub fn dump(path: &Path, with_deleted: bool) -> Vec<String> {
    let c = rusqlite::Connection::open(path).unwrap();
    let mut out = Vec::new();
    let filter = if with_deleted { "1" } else { "deleted = 0" };
    for sql in [
        format!(
            "SELECT id, status, reason, moved_to, start, channel FROM appointments WHERE {filter} ORDER BY id"
        ),
        format!(
            "SELECT id, uuid, outcome, note, counts, minutes, transferred_at FROM contacts WHERE {filter} ORDER BY id"
        ),
        "SELECT id, summary, next_due, last_contact FROM citizens ORDER BY id".to_string(),
    ] {
        let mut st = c.prepare(&sql).unwrap();
        let n = st.column_count();
        let rows = st
            .query_map([], |r| {
                let mut s = String::new();
                for i in 0..n {
                    let v: rusqlite::types::Value = r.get(i)?;
                    s.push_str(&format!("{v:?}|"));
                }
                Ok(s)
            })
            .unwrap();
        out.extend(rows.map(Result::unwrap));
    }
    out
}
