//! Planning: the quick-add line, the full form and the next step.

use super::{App, Mode, Row};
use crate::domain::Kind;
use crate::domain::NewAppointment;
use crate::error::Result;
use crate::ui::overlay::{EditAppointment, Form, QuickAdd};

impl App {
    /// Plans `new` for `citizen`: one undo step, and a message that says so.
    pub(super) fn plan_new(&mut self, new: &NewAppointment, citizen: &str) -> Result<()> {
        let (_, change) = self.store.plan(new)?;
        self.mode = Mode::Normal;
        let l = self.lang;
        let what = format!(
            "{}: {} {} {}",
            l.w().planned,
            citizen,
            l.short_day(new.start.date()),
            l.time(new.start.time())
        );
        self.push_undo(what.clone(), vec![change]);
        self.after_change(&what);
        Ok(())
    }

    pub(super) fn open_quick_add(
        &mut self,
        initial: &str,
        prefill: Option<(i64, String)>,
    ) -> Result<()> {
        let q = QuickAdd::new(&self.ctx(), initial, prefill)?;
        self.mode = Mode::QuickAdd(Box::new(q));
        Ok(())
    }

    /// `N`: the quick-add line for the selected citizen's next conversation.
    pub(super) fn next_step(&mut self) -> Result<()> {
        let row = self.state().list.selected_row().cloned();
        let Some(id) = row.as_ref().and_then(Row::citizen_id) else {
            self.message = Some(self.lang.w().no_citizen_row.to_string());
            return Ok(());
        };
        let c = self.store.citizen(id)?;
        let (time, channel, minutes) = match &row {
            Some(Row::Appointment(a)) if a.kind == Kind::Conversation => {
                (Some(a.start.time()), Some(a.channel), Some(a.minutes))
            }
            _ => (None, None, None),
        };
        let line = crate::ui::overlay::quick_add::next_step_line(
            self.lang,
            crate::ui::overlay::quick_add::aim(c.next_due, c.pace_due),
            self.today(),
            &self.config.calendar(),
            time,
            channel,
            minutes,
        );
        self.open_quick_add(&line, Some((c.id, c.name)))
    }

    /// Opens the quick-add line, for the selected row's citizen if there is one.
    pub(super) fn quick_add_for_selection(&mut self) -> Result<()> {
        let prefill = match self.state().list.selected_row().and_then(Row::citizen_id) {
            Some(id) => Some((id, self.store.citizen(id)?.name)),
            None => None,
        };
        self.open_quick_add("", prefill)
    }

    /// `E`: the selected planned appointment's length, channel, place and kind in a small form;
    /// an appointment that is not planned is refused, with why.
    pub(super) fn ask_edit_appointment(&mut self) -> Result<()> {
        let Some(Row::Appointment(a)) = self.state().list.selected_row().cloned() else {
            return Ok(());
        };
        // As it is now, not as the list was read.
        let a = self.store.appointment(a.id)?;
        if a.status != crate::domain::Status::Planned {
            self.message = Some(crate::i18n::appointment_not_planned(self.lang, a.status));
            return Ok(());
        }
        if self.ask_which(&a, crate::ui::overlay::SeriesOp::Edit)? {
            return Ok(());
        }
        self.mode = Mode::EditAppointment(Box::new(EditAppointment::new(a, &self.ctx())));
        Ok(())
    }

    /// Opens the full form for a new appointment, for the selected row's citizen if there is one.
    pub(super) fn open_full_form(&mut self) -> Result<()> {
        let citizen = match self.state().list.selected_row().and_then(Row::citizen_id) {
            Some(id) => Some(self.store.citizen(id)?.name),
            None => None,
        };
        let q = QuickAdd::open(&self.store, "", None)?;
        let form = Form::new(q.citizens, citizen.as_deref(), self.now, self.lang);
        self.mode = Mode::Form(Box::new(form));
        Ok(())
    }
}
