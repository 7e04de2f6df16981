//! The desk's sense of time and of other writers: the minute tick (the header's clock and the
//! next appointment, Today moving on at midnight) and a change made by another process (the
//! command line, a second desk), re-read when SQLite's `data_version` has moved.

use chrono::{Duration, NaiveDateTime, NaiveTime, Timelike};

use super::App;
use crate::domain::{Appointment, Status};
use crate::error::Result;
use crate::store::AppointmentFilter;

/// How long from `now` to the next whole minute (never zero: at :00.000 it is a full minute).
pub fn until_next_minute(now: NaiveDateTime) -> std::time::Duration {
    let into = u64::from(now.second()) * 1000 + u64::from(now.nanosecond() / 1_000_000).min(999);
    std::time::Duration::from_millis(60_000 - into)
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
    /// when SQLite's `data_version` has moved, the counts and the visible window are read
    /// again. True when it re-read.
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
        true
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
                return Ok(());
            }
            if page.len() < 16 {
                return Ok(());
            }
            offset += page.len();
        }
    }

    /// Whether the appointment is going on now (now within its start and end).
    pub fn is_current(&self, a: &Appointment) -> bool {
        a.start <= self.now && self.now < a.end()
    }
}
