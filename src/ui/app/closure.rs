//! The Closure pane's actions: starting one, converting in-person appointments, recording
//! attempts; and the yes/no questions (accepted, convert all, erase).

use chrono::{Duration, NaiveDate};
use ratatui::crossterm::event::Event;

use super::super::widgets::line::{LineEvent, LineInput};
use super::{App, ClosureView, Mode, Row};
use crate::domain::Channel;
use crate::domain::closure::{CallResult, NewAttempt, NewClosure};
use crate::error::Result;
use crate::store::Change;

impl App {
    /// The answer to the question open (y/j, n, or Esc = `None`): whether the citizen reached
    /// on the call-round accepted, converting all, erasing, an unusual mark, saving the summary.
    pub(super) fn answer(&mut self, answer: Option<bool>) -> Result<()> {
        if let Mode::Summary { asking, .. } = &mut self.mode {
            match answer {
                Some(true) => self.save_summary(),
                Some(false) => self.discard_summary(),
                None => *asking = false,
            }
            return Ok(());
        }
        let mode = std::mem::replace(&mut self.mode, Mode::Normal);
        match (mode, answer) {
            (
                Mode::Accept {
                    citizen_id,
                    citizen,
                },
                a,
            ) => self.attempt(citizen_id, citizen, CallResult::Reached, a),
            (Mode::ConfirmConvert { .. }, Some(true)) => self.convert_all(),
            (Mode::ConfirmErase { citizen_id, .. }, Some(true)) => self.erase(citizen_id),
            (
                Mode::ConfirmMark {
                    appointment_id,
                    status,
                    ..
                },
                Some(true),
            ) => {
                let a = self.store.appointment(appointment_id)?;
                self.mark_now(&a, status)
            }
            (Mode::ConfirmMark { .. }, _) => {
                self.message = Some(self.lang.w().not_changed.to_string());
                Ok(())
            }
            (Mode::ConfirmConvert { .. } | Mode::ConfirmErase { .. }, _) => Ok(()),
            (mode, _) => {
                // Not a question: leave it as it was.
                self.mode = mode;
                Ok(())
            }
        }
    }

    pub(super) fn start_closure_event(&mut self, ev: &Event) -> bool {
        let Mode::StartClosure { input, error } = &mut self.mode else {
            return false;
        };
        match input.handle(ev) {
            LineEvent::Ignored => false,
            LineEvent::Changed => {
                *error = None;
                true
            }
            LineEvent::Cancel => {
                self.mode = Mode::Normal;
                true
            }
            LineEvent::Submit(text) => {
                match self.start_closure(&text) {
                    Ok(()) => self.mode = Mode::Normal,
                    Err(e) => {
                        if let Mode::StartClosure { error, .. } = &mut self.mode {
                            *error = Some(format!("{e:#}"));
                        }
                    }
                }
                true
            }
        }
    }

    /// "23.11.2026 04.12.2026 Vinter 2026": two dates, then an optional name.
    pub(super) fn start_closure(&mut self, text: &str) -> Result<()> {
        let words: Vec<&str> = text.split_whitespace().collect();
        let today = self.today();
        let date = |w: Option<&&str>| -> Result<NaiveDate> {
            let w = w.ok_or_else(|| crate::error::user(self.lang.w().closure_range_help))?;
            crate::domain::dates::parse_date(w, today).map_err(crate::error::user)
        };
        let from = date(words.first())?;
        let to = date(words.get(1))?;
        let name = if words.len() > 2 {
            words[2..].join(" ")
        } else {
            crate::i18n::closure::default_name(self.lang, from)
        };
        let started = self.store.start_closure(
            &NewClosure {
                name,
                from,
                to,
                counts_held: false,
            },
            false,
            self.now,
        )?;
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
        let rec = self.store.record_attempt(&NewAttempt {
            uuid: uuid::Uuid::new_v4().to_string(),
            citizen_id,
            result,
            accepted,
            at: self.now,
            channel: Channel::Phone,
            minutes: if result == CallResult::Reached { 5 } else { 1 },
            note: String::new(),
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
        self.mode = Mode::Note {
            contact_id: rec.contact_id,
            citizen,
            input: Box::new(LineInput::new(&existing, snippets)),
        };
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
                self.mode = Mode::Accept {
                    citizen_id: e.citizen_id,
                    citizen: e.name,
                };
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
        if let Some(v) = &mut self.closure {
            v.report = match v.report {
                Some(_) => None,
                None => Some(self.store.closure_report(v.closure.id)?),
            };
        }
        Ok(())
    }

    /// Opens the line for a new closure ("from to [name]"), two weeks from today; one at a time.
    pub(super) fn ask_start_closure(&mut self) {
        if self.closure.as_ref().is_some_and(|c| c.closure.is_open()) {
            self.message = Some(self.lang.w().closure_already_open.to_string());
        } else {
            let l = self.lang;
            let initial = format!(
                "{} {}",
                l.date(self.today()),
                l.date(self.today() + Duration::days(13))
            );
            self.mode = Mode::StartClosure {
                input: Box::new(LineInput::new(&initial, Vec::new())),
                error: None,
            };
        }
    }

    /// Asks before converting every in-person appointment of the open closure.
    pub(super) fn ask_convert_all(&mut self) {
        match &self.closure {
            Some(v) if v.closure.is_open() && v.to_convert > 0 => {
                self.mode = Mode::ConfirmConvert {
                    count: v.to_convert,
                };
            }
            Some(v) if v.closure.is_open() => {
                self.message =
                    Some(crate::i18n::closure::nothing_to_convert(self.lang).to_string());
            }
            _ => self.message = Some(self.lang.w().closure_not_open.to_string()),
        }
    }
}
