//! After a mark: the selection moves on to the next planned appointment once the mark's note
//! (and, after a held conversation, the optional rating) is done, so that a run of held calls
//! costs two keys each (`h` Enter).

use chrono::NaiveDateTime;

use super::{App, Mode, Pane};
use crate::error::Result;
use crate::store::AppointmentFilter;

/// What follows a mark once its note is done.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Voice {
    /// The appointment just marked (its id and start): the selection moves past it when the
    /// lists show again.
    after_mark: Option<(i64, NaiveDateTime)>,
}

impl App {
    /// A mark was made on `id` (starting at `start`): when its note is done, move on.
    pub(super) fn marked(&mut self, id: i64, start: NaiveDateTime) {
        self.voice.after_mark = Some((id, start));
    }

    /// After an overlay's effects: when the mark's note (and what follows it) is done and the
    /// lists show again, the selection moves to the next planned appointment; when something
    /// else was opened instead (a card, a form), nothing moves.
    pub(super) fn settle_after_mark(&mut self) {
        match self.mode {
            Mode::Normal | Mode::Filter => {
                if let Some((id, start)) = self.voice.after_mark.take()
                    && let Err(e) = self.select_next_planned(id, start)
                {
                    self.message = Some(format!("{e:#}"));
                }
            }
            Mode::Note(_) | Mode::Confirm(_) | Mode::Move(_) => {}
            _ => self.voice.after_mark = None,
        }
    }

    /// Selects the first planned appointment of the pane's list after the one marked (by
    /// start), else the first planned one of the list; stays where it is when none is left.
    fn select_next_planned(&mut self, marked: i64, start: NaiveDateTime) -> Result<()> {
        if !matches!(self.pane, Pane::Today | Pane::Calls | Pane::Visits) {
            return Ok(());
        }
        let filter: AppointmentFilter = self.appointment_filter(self.pane);
        let total = self.store.count_appointments(&filter)?;
        let all = self.store.appointments(&filter, 0, total)?;
        let planned = |a: &&crate::domain::Appointment| {
            a.id != marked && a.status == crate::domain::Status::Planned
        };
        let next = all
            .iter()
            .position(|a| planned(&a) && a.start >= start)
            .or_else(|| all.iter().position(|a| planned(&a)));
        let Some(i) = next else {
            return Ok(());
        };
        self.state_mut().list.selected = i;
        let pane = self.pane;
        self.clamp_offset(pane);
        self.load_window(pane)?;
        Ok(())
    }
}
