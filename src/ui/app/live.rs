//! The desk's sense of time and of other writers: the minute tick (the header's clock and the
//! next appointment, Today moving on at midnight, the reminder before it) and a change made by
//! another process (the command line, a second desk), re-read when SQLite's `data_version` has
//! moved.

use chrono::{Duration, NaiveDateTime, NaiveTime, Timelike};

use super::{App, Mode};
use crate::domain::{Appointment, Status};
use crate::error::Result;
use crate::store::AppointmentFilter;

/// How long from `now` to the next whole minute (never zero: at :00.000 it is a full minute).
pub fn until_next_minute(now: NaiveDateTime) -> std::time::Duration {
    let into = u64::from(now.second()) * 1000 + u64::from(now.nanosecond() / 1_000_000).min(999);
    std::time::Duration::from_millis(60_000 - into)
}

/// The reminder before an appointment (config `reminder_minutes`): the bell rings once for
/// each appointment, and its line shows until Esc or the appointment starts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Reminder {
    /// The appointment (id and start) the bell rang for: never twice for the same one.
    rung: Option<(i64, NaiveDateTime)>,
    /// The appointment whose line Esc took away.
    dismissed: Option<(i64, NaiveDateTime)>,
    /// The bell waits to be written to the terminal (the desk's loop takes it).
    pub bell: bool,
}

impl App {
    /// The minute has turned (the desk's loop calls this on the minute): the clock moves to
    /// `now`; at midnight the counts are for the new day and every pane that showed the old
    /// day shows the new one (a pane left on another day stays there). True when the screen
    /// needs drawing.
    pub fn tick_minute(&mut self, now: NaiveDateTime) -> bool {
        let old = self.today();
        self.now = now;
        if now.date() != old {
            for st in &mut self.panes {
                if st.date == old {
                    st.date = now.date();
                }
            }
            if let Err(e) = self.refresh() {
                self.message = Some(format!("{e:#}"));
            }
        } else if let Err(e) = self.load_next() {
            self.message = Some(format!("{e:#}"));
        }
        true
    }

    /// Another process may have written to the database (the watcher saw its files change):
    /// when SQLite's `data_version` has moved, the counts, the visible window and an open card
    /// are read again. True when it re-read.
    pub fn external_change(&mut self) -> bool {
        let v = match self.store.data_version() {
            Ok(v) => v,
            Err(e) => {
                self.message = Some(format!("{e:#}"));
                return true;
            }
        };
        if v == self.data_version {
            return false;
        }
        self.data_version = v;
        if let Err(e) = self.refresh() {
            self.message = Some(format!("{e:#}"));
        }
        self.reread_card();
        true
    }

    /// The open card read again after another process's change (a contact logged from the
    /// command line shows in it), where it was scrolled to; a row shown in full stays open
    /// while it is still there.
    fn reread_card(&mut self) {
        let Mode::Card(old) = &self.mode else {
            return;
        };
        let (view, was) = (old.view, old.selected.and_then(|i| row_key(old, i)));
        self.reload_card();
        if let Mode::Card(card) = &mut self.mode {
            let same = card.selected.and_then(|i| row_key(card, i)) == was;
            if view != crate::ui::overlay::card::View::Detail || (was.is_some() && same) {
                card.view = view;
            }
        }
    }

    /// Reads the next planned appointment of today after now (for the header).
    pub(super) fn load_next(&mut self) -> Result<()> {
        let end = (self.today() + Duration::days(1)).and_time(NaiveTime::MIN);
        let f = AppointmentFilter {
            from: Some(self.now + Duration::seconds(1)),
            to: Some(end),
            ..Default::default()
        };
        let mut offset = 0;
        self.next = None;
        loop {
            let page = self.store.appointments(&f, offset, 16)?;
            if let Some(a) = page.iter().find(|a| a.status == Status::Planned) {
                self.next = Some(a.clone());
                self.remind();
                return Ok(());
            }
            if page.len() < 16 {
                self.remind();
                return Ok(());
            }
            offset += page.len();
        }
    }

    /// The appointment whose reminder shows now: the next one, when it starts within the
    /// configured minutes and Esc has not taken its line away.
    pub fn reminder_due(&self) -> Option<&Appointment> {
        let minutes = self.config.reminder_minutes?;
        let a = self.next.as_ref()?;
        let at = a.start - Duration::minutes(i64::from(minutes));
        let due = at <= self.now && self.now < a.start;
        (due && self.reminder.dismissed != Some((a.id, a.start))).then_some(a)
    }

    /// The reminder line for the footer, when one shows.
    pub fn reminder_line(&self) -> Option<String> {
        let a = self.reminder_due()?;
        Some(crate::i18n::clock::reminder(self.lang, self.now, a))
    }

    /// When the next reminder falls due, if one is still to come (the desk's loop wakes then
    /// when it is before the next whole minute; appointments start on the minute, so it
    /// never adds a wake-up).
    pub fn next_reminder_at(&self) -> Option<NaiveDateTime> {
        let minutes = self.config.reminder_minutes?;
        let a = self.next.as_ref()?;
        let at = a.start - Duration::minutes(i64::from(minutes));
        (at > self.now && self.reminder.rung != Some((a.id, a.start))).then_some(at)
    }

    /// Esc: the reminder's line goes (the bell has rung already). True when one was shown.
    pub fn dismiss_reminder(&mut self) -> bool {
        let Some(key) = self.reminder_due().map(|a| (a.id, a.start)) else {
            return false;
        };
        self.reminder.dismissed = Some(key);
        true
    }

    /// Rings the bell once when an appointment's reminder has come.
    fn remind(&mut self) {
        let Some(key) = self.reminder_due().map(|a| (a.id, a.start)) else {
            return;
        };
        if self.reminder.rung != Some(key) {
            self.reminder.rung = Some(key);
            self.reminder.bell = true;
        }
    }

    /// Whether the appointment is going on now (now within its start and end).
    pub fn is_current(&self, a: &Appointment) -> bool {
        a.start <= self.now && self.now < a.end()
    }
}

/// What identifies a row of the card's history across a re-read.
fn row_key(card: &super::Card, i: usize) -> Option<(bool, i64)> {
    use crate::ui::overlay::card::HistoryRow;
    match card.row(i)? {
        HistoryRow::Contact(c, _) => Some((true, c.id)),
        HistoryRow::Appointment(a) => Some((false, a.id)),
    }
}
