//! Series in the desk: planning one (after the days-off question), asking whether a move, a
//! cancellation or an edit is for one occurrence or for it and all following, and ending one.
//! Each write is one undo step.

use super::{App, Mode};
use crate::domain::{Appointment, Status};
use crate::error::Result;
use crate::store::{FollowingEdit, NewSeries, Series};
use crate::ui::overlay::{EditAppointment, EndSeries, Move, SeriesOp, Which};

impl App {
    /// A series in words: "hver tirsdag kl. 10.00, til 30.03.2027".
    pub(super) fn series_words(&self, s: &Series) -> String {
        crate::i18n::series_text(self.lang, s.start, s.recurrence.frequency, s.recurrence.end)
    }

    /// Plans the series (one undo step for all of it) and says how many appointments it made.
    pub(super) fn plan_series(&mut self, s: &NewSeries, citizen: &str) -> Result<()> {
        let planned = self.store.plan_series(s)?;
        self.mode = Mode::Normal;
        let text =
            crate::i18n::series_text(self.lang, s.start, s.recurrence.frequency, s.recurrence.end);
        let what =
            crate::i18n::series_planned(self.lang, citizen, &text, planned.appointments.len());
        self.push_undo(what.clone(), vec![planned.undo]);
        self.after_change(&what);
        Ok(())
    }

    /// Before moving, cancelling or editing a planned occurrence of a series: only this one, or
    /// this and all following? True when asked (the answer goes on in [`App::series_op`]).
    pub(super) fn ask_which(&mut self, a: &Appointment, op: SeriesOp) -> Result<bool> {
        if a.status != Status::Planned {
            return Ok(false);
        }
        let Some((series, _)) = self.store.series_of(a.id)? else {
            return Ok(false);
        };
        self.mode = Mode::Which(Box::new(Which {
            appointment: Box::new(a.clone()),
            op,
            series: self.series_words(&series),
        }));
        Ok(true)
    }

    /// The answer to [`App::ask_which`].
    pub(super) fn series_op(
        &mut self,
        a: &Appointment,
        op: SeriesOp,
        following: bool,
    ) -> Result<()> {
        // As it is now, not as the question was asked.
        let a = self.store.appointment(a.id)?;
        let ctx = self.ctx();
        self.mode = match (op, following) {
            (SeriesOp::Move, false) => Mode::Move(Box::new(Move::new(&a, &ctx))),
            (SeriesOp::Move, true) => Mode::Move(Box::new(Move::following(&a, &ctx))),
            (SeriesOp::Edit, false) => {
                Mode::EditAppointment(Box::new(EditAppointment::new(a, &ctx)))
            }
            (SeriesOp::Edit, true) => {
                Mode::EditAppointment(Box::new(EditAppointment::following(a, &ctx)))
            }
            (SeriesOp::Cancel(status), false) => {
                self.mode = Mode::Normal;
                return self.mark_now(&a, status);
            }
            (SeriesOp::Cancel(_), true) => {
                let ended = self.store.end_series_from(a.id)?;
                self.mode = Mode::Normal;
                let what = crate::i18n::following_changed(
                    self.lang,
                    &a.citizen,
                    ended.removed.len(),
                    self.lang.t("aflyst", "cancelled"),
                );
                self.push_undo(what.clone(), vec![ended.undo]);
                self.after_change(&what);
                return Ok(());
            }
        };
        Ok(())
    }

    /// "This and all following": the occurrence and every later planned one get the new time
    /// of day, length, channel or place (one undo step).
    pub(super) fn change_following(
        &mut self,
        appointment_id: i64,
        edit: &FollowingEdit,
        what: &str,
    ) -> Result<()> {
        let a = self.store.appointment(appointment_id)?;
        let changed = self.store.change_following(appointment_id, edit)?;
        self.mode = Mode::Normal;
        let what =
            crate::i18n::following_changed(self.lang, &a.citizen, changed.changed.len(), what);
        self.push_undo(what.clone(), vec![changed.undo]);
        self.after_change(&what);
        Ok(())
    }

    /// `X`: asks before ending the series the appointment belongs to.
    pub(super) fn ask_end_series(&mut self, appointment_id: i64) -> Result<()> {
        let Some((series, _)) = self.store.series_of(appointment_id)? else {
            self.message = Some(crate::i18n::not_in_series(self.lang).to_string());
            return Ok(());
        };
        self.mode = Mode::EndSeries(Box::new(EndSeries {
            series_id: series.id,
            citizen: series.citizen.clone(),
            series: self.series_words(&series),
            planned: series.planned,
        }));
        Ok(())
    }

    /// Ends the series: its planned appointments go, the held and marked stay (one undo step).
    pub(super) fn end_series(&mut self, series_id: i64, what: &str) -> Result<()> {
        let ended = self.store.delete_series(series_id)?;
        self.push_undo(what.to_string(), vec![ended.undo]);
        self.after_change(what);
        Ok(())
    }
}
