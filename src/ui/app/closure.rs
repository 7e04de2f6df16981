//! The Closure pane's actions: starting one, converting in-person appointments, recording
//! attempts; and the yes/no questions (accepted, convert all, erase).

use super::{App, ClosureView, Mode, Row};
use crate::domain::Channel;
use crate::domain::closure::{CallAnswers, CallResult, NewAttempt, NewClosure};
use crate::error::Result;
use crate::store::Change;
use crate::ui::overlay::{Confirm, Note, StartClosure};

impl App {
    /// Starts the closure the overlay read from its line.
    pub(super) fn start_closure(&mut self, new: &NewClosure) -> Result<()> {
        let started = self.store.start_closure(new, false, self.now)?;
        self.undo.clear();
        self.refresh()?;
        self.message = Some(crate::i18n::closure::started(self.lang, &started.closure));
        Ok(())
    }

    /// Erases a citizen after the confirmation: no undo can bring them back, so the undo steps
    /// and drafts that concern them go too.
    pub(super) fn erase(&mut self, citizen_id: i64) -> Result<()> {
        let e = self.store.erase_citizen(citizen_id, self.now)?;
        self.undo.clear();
        self.refresh()?;
        let mut msg = crate::i18n::safety::erased(self.lang, &e);
        if !e.scrubbed {
            msg = format!("{msg} {}", crate::i18n::safety::not_scrubbed(self.lang));
        }
        self.message = Some(msg);
        Ok(())
    }

    pub(super) fn convert_all(&mut self) -> Result<()> {
        let done = self.store.convert_all_in_person(self.now)?;
        self.refresh()?;
        self.message = Some(crate::i18n::closure::converted(self.lang, done.len()));
        Ok(())
    }

    /// One attempt on the call list: written to the log at once, then a note is offered.
    pub(super) fn attempt(
        &mut self,
        citizen_id: i64,
        citizen: String,
        result: CallResult,
        accepted: Option<bool>,
    ) -> Result<()> {
        let closure_name = self
            .closure
            .as_ref()
            .map(|v| v.closure.name.clone())
            .unwrap_or_default();
        // The same log note as `jobdesk closure call` writes.
        let note = crate::i18n::closure::attempt_note(
            self.lang,
            &closure_name,
            result,
            accepted,
            CallAnswers::default(),
            "",
        );
        let rec = self.store.record_attempt(&NewAttempt {
            uuid: uuid::Uuid::new_v4().to_string(),
            citizen_id,
            result,
            accepted,
            answers: CallAnswers::default(),
            at: self.now,
            channel: Channel::Phone,
            minutes: if result == CallResult::Reached { 5 } else { 1 },
            note,
        })?;
        let what = format!(
            "{}: {}",
            crate::i18n::closure::result(self.lang, result),
            citizen
        );
        self.push_undo(
            what.clone(),
            vec![Change::ContactDeleted {
                id: rec.contact_id,
                deleted: true,
            }],
        );
        self.after_change(&what);
        let existing = self
            .store
            .contact(rec.contact_id)
            .map(|c| c.note)
            .unwrap_or_default();
        let snippets = self.config.snippets(self.lang.da());
        self.mode = Mode::Note(Box::new(Note::new(
            rec.contact_id,
            citizen,
            &existing,
            snippets,
        )));
        Ok(())
    }

    pub(super) fn closure_action(&mut self, result: Option<CallResult>) -> Result<()> {
        let Some(Row::Call(e)) = self.state().list.selected_row().cloned() else {
            self.message = Some(self.lang.w().no_citizen_row.to_string());
            return Ok(());
        };
        if self.closure.as_ref().is_none_or(|c| !c.closure.is_open()) {
            self.message = Some(self.lang.w().closure_not_open.to_string());
            return Ok(());
        }
        match result {
            Some(CallResult::Reached) => {
                self.mode = Mode::Confirm(Confirm::accepted(e.citizen_id, &e.name, &self.ctx()));
                Ok(())
            }
            Some(r) => self.attempt(e.citizen_id, e.name, r, None),
            None => Ok(()),
        }
    }

    /// `v` on an in-person appointment during the open closure: phone (or a walk for a visit).
    pub(super) fn convert_selected(&mut self) -> Result<()> {
        let Some(Row::Appointment(a)) = self.state().list.selected_row().cloned() else {
            self.message = Some(self.lang.w().not_appointment.to_string());
            return Ok(());
        };
        let to = crate::domain::closure::converted_channel(a.kind);
        self.store.convert_appointment(a.id, to, self.now)?;
        self.refresh()?;
        self.message = Some(crate::i18n::closure::converted(self.lang, 1));
        Ok(())
    }

    pub(super) fn load_closure(&self) -> Result<Option<ClosureView>> {
        let Some(closure) = self.store.current_closure()? else {
            return Ok(None);
        };
        let progress = self.store.call_progress(closure.id, self.today())?;
        let report = match &self.closure {
            Some(v) if v.report.is_some() && v.closure.id == closure.id => {
                Some(self.store.closure_report(closure.id)?)
            }
            _ => None,
        };
        let to_convert = if closure.is_open() {
            self.store.closure_in_person(closure.id)?.len()
        } else {
            0
        };
        Ok(Some(ClosureView {
            closure,
            progress,
            report,
            to_convert,
        }))
    }

    /// Shows or hides the closure's report.
    pub(super) fn toggle_report(&mut self) -> Result<()> {
        match &mut self.closure {
            Some(v) => {
                v.report = match v.report {
                    Some(_) => None,
                    None => Some(self.store.closure_report(v.closure.id)?),
                };
            }
            None => self.message = Some(self.lang.w().no_closure.to_string()),
        }
        Ok(())
    }

    /// Opens the line for a new closure ("from to [name]"), two weeks from today; one at a time.
    pub(super) fn ask_start_closure(&mut self) {
        if self.closure.as_ref().is_some_and(|c| c.closure.is_open()) {
            self.message = Some(self.lang.w().closure_already_open.to_string());
        } else {
            self.mode = Mode::StartClosure(Box::new(StartClosure::new(&self.ctx())));
        }
    }

    /// Asks before converting every in-person appointment of the open closure.
    pub(super) fn ask_convert_all(&mut self) {
        match &self.closure {
            Some(v) if v.closure.is_open() && v.to_convert > 0 => {
                self.mode = Mode::Confirm(Confirm::convert_all(v.to_convert, &self.ctx()));
            }
            Some(v) if v.closure.is_open() => {
                self.message =
                    Some(crate::i18n::closure::nothing_to_convert(self.lang).to_string());
            }
            _ => self.message = Some(self.lang.w().closure_not_open.to_string()),
        }
    }
}
