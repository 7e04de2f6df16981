//! The desk's state apart from `App` itself: the rows of a list and its window, the undo steps
//! and the figures of the header. What is open over the panes (`Mode`) is in `ui::overlay`.

use chrono::NaiveDate;

use crate::domain::closure::{CallEntry, CatchUp, Closure, Progress, ReportRow};
use crate::domain::{Appointment, Citizen, Contact};
use crate::store::Change;
pub use crate::ui::overlay::{Card, LOG_OPTIONS, Mode};

/// One row of a list.
#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    Appointment(Appointment),
    Due(Citizen),
    Contact(Contact),
    Citizen(Citizen),
    /// Today: the heading over the due citizens.
    DueHeading,
    /// Today: "no appointments this day" in place of the appointments.
    NoAppointments,
    /// Today: "nothing due" in place of the due citizens.
    NothingDue,
    /// Closure: one citizen on the call list.
    Call(CallEntry),
    /// Closure, after it ended: a citizen whose paused conversation is due again.
    CatchUp(CatchUp),
    /// Companies: a company with its open leads.
    Company(Box<crate::store::CompanyRow>),
    /// Companies, the leads view: a lead with its proposals.
    Lead(Box<crate::store::LeadRow>),
}

impl Row {
    pub fn citizen_id(&self) -> Option<i64> {
        match self {
            Row::Appointment(a) => Some(a.citizen_id),
            Row::Contact(c) => Some(c.citizen_id),
            Row::Due(c) | Row::Citizen(c) => Some(c.id),
            Row::Call(e) => Some(e.citizen_id),
            Row::CatchUp(c) => Some(c.citizen_id),
            Row::DueHeading
            | Row::NoAppointments
            | Row::NothingDue
            | Row::Company(_)
            | Row::Lead(_) => None,
        }
    }
}

/// A list's position: how many rows there are, which is selected, which are on screen (only
/// those are read from the store).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListView {
    pub total: usize,
    pub selected: usize,
    pub offset: usize,
    /// The rows from `offset` on, as many as fit.
    pub rows: Vec<Row>,
    /// Today only: the number of appointments and of due citizens. The list is then the
    /// appointments (or one "none" row), a heading, and the due citizens (or one "none" row).
    pub appts: usize,
    pub due: usize,
    /// Today only: the due citizens on screen whose next planned conversation lies after their
    /// legal deadline, with its day.
    pub late: Vec<(i64, NaiveDate)>,
}

impl ListView {
    pub fn selected_row(&self) -> Option<&Row> {
        self.rows.get(self.selected.checked_sub(self.offset)?)
    }

    /// Today: the index of the due heading (rows before it are the appointments part).
    pub(super) fn heading(&self) -> usize {
        self.appts.max(1)
    }

    /// Whether row `i` can hold the selection (headings and "none" rows cannot).
    fn selectable(&self, today: bool, i: usize) -> bool {
        if !today {
            return true;
        }
        let h = self.heading();
        !((self.appts == 0 && i == 0) || i == h || (self.due == 0 && i == h + 1))
    }

    /// The nearest selectable row from `i` in direction `dir` (then the other way).
    pub(super) fn nearest_selectable(&self, today: bool, i: usize, dir: i64) -> usize {
        let total = self.total as i64;
        for d in [dir, -dir] {
            let mut j = i as i64;
            while j >= 0 && j < total {
                if self.selectable(today, j as usize) {
                    return j as usize;
                }
                j += if d >= 0 { 1 } else { -1 };
            }
        }
        i
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PaneState {
    pub date: NaiveDate,
    pub week: bool,
    pub filter: String,
    pub list: ListView,
}

/// One step back: what it was and the changes that undo it.
#[derive(Debug, Clone, PartialEq)]
pub struct UndoStep {
    pub what: String,
    pub changes: Vec<Change>,
}

/// Today's figures for the header.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub calls: usize,
    pub visits: usize,
    pub overdue: usize,
    /// Entries past the retention period (counted when the desk opens).
    pub purge_due: usize,
    /// Live contacts not yet transferred to the case system, and those of them waiting longer
    /// than `transfer_max_days` working days.
    pub pending: usize,
    pub too_old: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClosureView {
    pub closure: Closure,
    pub progress: Progress,
    pub report: Option<Vec<ReportRow>>,
    /// In-person appointments in the range not yet converted.
    pub to_convert: usize,
    /// The catch-up list after the closure ended, when it is shown (`I`, and after `E`).
    pub catch_up: Option<Vec<CatchUp>>,
}
