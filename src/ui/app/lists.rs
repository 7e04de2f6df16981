//! The lists: which pane and day are shown, the selection and the window of rows on screen, and
//! reading exactly those rows (and the counts) from the store.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

use super::super::layout;
use super::{App, Counts, Mode, Pane, Row};
use crate::domain::Kind;
use crate::domain::dates::week_start;
use crate::error::Result;
use crate::store::{AppointmentFilter, CitizenFilter, CitizenOrder, ContactFilter};

/// How far ahead Today looks for due conversations.
pub const DUE_DAYS: i64 = 7;

impl App {
    pub(super) fn go_pane(&mut self, i: usize) {
        self.pane = Pane::ALL[i];
        self.mode = Mode::Normal;
        // Each pane keeps its own day, filter and selection; re-read its window (data may have
        // changed in another pane).
        self.reload_pane();
    }

    pub(super) fn reset_and_reload(&mut self) {
        let st = self.state_mut();
        st.list.selected = 0;
        st.list.offset = 0;
        self.reload_pane();
    }

    pub(super) fn reload_after_filter(&mut self) {
        let st = self.state_mut();
        st.list.selected = 0;
        st.list.offset = 0;
        self.reload_pane();
    }

    pub fn resize(&mut self, w: u16, h: u16) {
        self.width = w;
        self.height = h;
        for i in 0..self.panes.len() {
            let pane = Pane::ALL[i];
            self.clamp_offset(pane);
        }
        // The rows that fit changed: read the visible window again, and say so if that fails.
        if let Err(e) = self.load_window(self.pane) {
            self.message = Some(format!("{e:#}"));
        }
    }

    /// Rows a list shows on the current screen (from the shared layout).
    pub fn page(&self) -> usize {
        layout::list_height(self.width, self.height, self.pane).max(1)
    }

    pub(super) fn move_by(&mut self, delta: i64) {
        if self.mode != Mode::Normal && self.mode != Mode::Filter {
            return;
        }
        let today = self.pane == Pane::Today;
        let st = self.state_mut();
        let total = st.list.total;
        if total == 0 {
            return;
        }
        let sel = (st.list.selected as i64 + delta).clamp(0, total as i64 - 1) as usize;
        st.list.selected = st.list.nearest_selectable(today, sel, delta.signum());
        let pane = self.pane;
        if self.clamp_offset(pane) {
            let _ = self.load_window(pane);
        }
    }

    /// Keeps the selection on screen; returns whether the window moved.
    pub(super) fn clamp_offset(&mut self, pane: Pane) -> bool {
        let page = layout::list_height(self.width, self.height, pane).max(1);
        let l = &mut self.panes[pane.index()].list;
        let before = l.offset;
        if l.selected < l.offset {
            l.offset = l.selected;
        } else if l.selected >= l.offset + page {
            l.offset = l.selected + 1 - page;
        }
        let max_offset = l.total.saturating_sub(page);
        l.offset = l.offset.min(max_offset);
        l.offset != before || l.rows.len() < page.min(l.total.saturating_sub(l.offset))
    }

    /// Re-reads everything derived from the store: counts, the current pane.
    pub fn refresh(&mut self) -> Result<()> {
        // A closure started or ended from the command line meanwhile pauses or frees deadlines.
        self.store.load_suspensions()?;
        self.empty = self.store.count(crate::store::Table::Citizens)? == 0;
        let purge_due = self.counts.purge_due;
        self.counts = Counts {
            purge_due,
            ..self.load_counts()?
        };
        self.closure = self.load_closure()?;
        self.load_next()?;
        self.mentor_expiring = self
            .store
            .mentor_expiring(self.today(), crate::store::EXPIRY_DAYS)?;
        self.reload_pane();
        Ok(())
    }

    fn load_counts(&self) -> Result<Counts> {
        let from = self.today().and_time(NaiveTime::MIN);
        let (calls, visits) = self.store.count_by_kind(from, from + Duration::days(1))?;
        let (pending, too_old) = self.count_pending()?;
        Ok(Counts {
            calls,
            visits,
            overdue: self.store.count_overdue(self.today())?,
            purge_due: self.counts.purge_due,
            pending,
            too_old,
        })
    }

    /// Re-counts and re-reads the current pane's window.
    pub(super) fn reload_pane(&mut self) {
        let pane = self.pane;
        if pane == Pane::Visits {
            let from = week_start(self.panes[pane.index()].date);
            let to = from + Duration::days(6);
            self.visits_hours = match self.store.mentor_hours_all(from, to) {
                Ok(h) => Some(h),
                Err(e) => {
                    self.message = Some(format!("{e:#}"));
                    None
                }
            };
        }
        if let Err(e) = self.count_pane(pane).and_then(|_| {
            self.clamp_offset(pane);
            self.load_window(pane)
        }) {
            self.message = Some(format!("{e:#}"));
        }
    }

    fn range(&self, pane: Pane) -> (NaiveDateTime, NaiveDateTime) {
        let st = &self.panes[pane.index()];
        if st.week {
            let from = week_start(st.date).and_time(NaiveTime::MIN);
            (from, from + Duration::days(7))
        } else {
            let from = st.date.and_time(NaiveTime::MIN);
            (from, from + Duration::days(1))
        }
    }

    pub(super) fn appointment_filter(&self, pane: Pane) -> AppointmentFilter {
        let (from, to) = self.range(pane);
        AppointmentFilter {
            from: Some(from),
            to: Some(to),
            kind: match pane {
                Pane::Calls => Some(Kind::Conversation),
                Pane::Visits => Some(Kind::MentorVisit),
                _ => None,
            },
            citizen_id: None,
            text: self.panes[pane.index()].filter.clone(),
        }
    }

    fn due_until(&self, pane: Pane) -> NaiveDate {
        self.panes[pane.index()].date + Duration::days(DUE_DAYS)
    }

    fn citizen_filter(&self, pane: Pane) -> CitizenFilter {
        CitizenFilter {
            include_archived: false,
            text: self.panes[pane.index()].filter.clone(),
        }
    }

    fn contact_filter(&self, pane: Pane) -> ContactFilter {
        let (from, to) = self.range(pane);
        ContactFilter {
            from: Some(from),
            to: Some(to),
            citizen_id: None,
            text: self.panes[pane.index()].filter.clone(),
        }
    }

    fn count_pane(&mut self, pane: Pane) -> Result<()> {
        let (mut appts, mut due) = (0, 0);
        let total = match pane {
            Pane::Today => {
                appts = self
                    .store
                    .count_appointments(&self.appointment_filter(pane))?;
                let st = &self.panes[pane.index()];
                due = self.store.count_due(self.due_until(pane), &st.filter)?;
                appts.max(1) + 1 + due.max(1)
            }
            Pane::Calls | Pane::Visits => self
                .store
                .count_appointments(&self.appointment_filter(pane))?,
            Pane::Log if self.queue => self.store.pending_entries(None)?.len(),
            Pane::Log => self.store.count_contacts(&self.contact_filter(pane))?,
            Pane::Caseload => self.store.count_citizens(&self.citizen_filter(pane))?,
            Pane::Closure => self.closure_total()?,
            Pane::Companies => self.companies_total()?,
        };
        let l = &mut self.panes[pane.index()].list;
        l.total = total;
        l.appts = appts;
        l.due = due;
        l.selected = l.selected.min(total.saturating_sub(1));
        l.selected = l.nearest_selectable(pane == Pane::Today, l.selected, 1);
        Ok(())
    }

    /// Reads just the rows on screen.
    pub(super) fn load_window(&mut self, pane: Pane) -> Result<()> {
        let page = layout::list_height(self.width, self.height, pane).max(1);
        let (offset, appts, due, heading) = {
            let l = &self.panes[pane.index()].list;
            (l.offset, l.appts, l.due, l.heading())
        };
        let rows: Vec<Row> = match pane {
            Pane::Today => {
                let mut rows: Vec<Row> = Vec::with_capacity(page);
                let end = offset + page;
                if offset < heading {
                    if appts == 0 {
                        rows.push(Row::NoAppointments);
                    } else {
                        let n = page.min(appts - offset);
                        rows.extend(
                            self.store
                                .appointments(&self.appointment_filter(pane), offset, n)?
                                .into_iter()
                                .map(Row::Appointment),
                        );
                    }
                }
                if offset <= heading && heading < end {
                    rows.push(Row::DueHeading);
                }
                if end > heading + 1 {
                    if due == 0 {
                        rows.push(Row::NothingDue);
                    } else {
                        let due_offset = offset.saturating_sub(heading + 1);
                        let filter = self.panes[pane.index()].filter.clone();
                        let n = page.saturating_sub(rows.len());
                        rows.extend(
                            self.store
                                .due_citizens(self.due_until(pane), &filter, due_offset, n)?
                                .into_iter()
                                .map(Row::Due),
                        );
                    }
                }
                rows.truncate(page);
                rows
            }
            Pane::Calls | Pane::Visits => self
                .store
                .appointments(&self.appointment_filter(pane), offset, page)?
                .into_iter()
                .map(Row::Appointment)
                .collect(),
            Pane::Log if self.queue => self
                .store
                .pending_entries(None)?
                .into_iter()
                .skip(offset)
                .take(page)
                .map(|e| Row::Contact(e.contact))
                .collect(),
            Pane::Log => self
                .store
                .contacts(&self.contact_filter(pane), offset, page)?
                .into_iter()
                .map(Row::Contact)
                .collect(),
            Pane::Caseload => self
                .store
                .citizens(&self.citizen_filter(pane), CitizenOrder::Name, offset, page)?
                .into_iter()
                .map(Row::Citizen)
                .collect(),
            Pane::Closure => self.closure_rows(offset, page)?,
            Pane::Companies => self.companies_rows(offset, page)?,
        };
        let mut late = Vec::new();
        for row in &rows {
            if let Row::Due(c) = row
                && let Some(deadline) = c.next_due
                && let Some(next) = self.store.next_planned_conversation(c.id, self.now)?
                && next.date() > deadline
            {
                late.push((c.id, next.date()));
            }
        }
        let list = &mut self.panes[pane.index()].list;
        list.rows = rows;
        list.late = late;
        Ok(())
    }
}
