//! The Closure pane's actions: starting one, converting in-person appointments, recording
//! attempts; and the yes/no questions (accepted, convert all, erase).

use super::{App, ClosureView, Mode, Row};
use crate::domain::closure::CatchUp;
use crate::domain::closure::{CallAnswers, CallResult, NewAttempt, NewClosure};
use crate::domain::filter::Filter;
use crate::domain::text::fold;
use crate::domain::{Channel, Word};
use crate::error::Result;
use crate::store::Change;
use crate::ui::overlay::{Answers, Confirm, Effect, StartClosure};

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

    /// One attempt on the call list. Not reached: written to the log at once with the command
    /// line's note, and the selection moves on to the next citizen (one key per call; the
    /// footer says where a note can be added). Reached: the two optional answers are asked
    /// first (how the call was received, matched), and the call is written with them
    /// ([`App::call_answered`]).
    pub(super) fn attempt(
        &mut self,
        citizen_id: i64,
        citizen: String,
        result: CallResult,
        accepted: Option<bool>,
    ) -> Result<()> {
        if result == CallResult::Reached {
            self.mode = Mode::Answers(Box::new(Answers::new(citizen_id, citizen, accepted)));
            return Ok(());
        }
        // The citizen after this one, as the list stood: the called one moves on to a later
        // band, so this is who is called next.
        let next = {
            let l = &self.state().list;
            l.rows
                .get(l.selected.saturating_sub(l.offset) + 1)
                .and_then(Row::citizen_id)
        };
        self.record_call(citizen_id, &citizen, result, None, CallAnswers::default())?;
        if let Some(next) = next {
            let l = &mut self.state_mut().list;
            if let Some(i) = l.rows.iter().position(|r| r.citizen_id() == Some(next)) {
                l.selected = l.offset + i;
            }
        }
        if let Some(m) = &mut self.message {
            m.push_str(" · ");
            m.push_str(crate::i18n::closure_desk::note_later(self.lang));
        }
        Ok(())
    }

    /// A reaching call answered (or its answers skipped): written to the log with its answers;
    /// then the note when asked for (`note`), and after "takker ja" the quick-add line for a
    /// conversation with the citizen.
    pub(super) fn call_answered(
        &mut self,
        citizen_id: i64,
        citizen: String,
        accepted: Option<bool>,
        answers: CallAnswers,
        note: bool,
    ) -> Result<()> {
        let contact_id =
            self.record_call(citizen_id, &citizen, CallResult::Reached, accepted, answers)?;
        let plan = (accepted == Some(true)).then(|| Effect::QuickAdd {
            citizen_id,
            citizen: citizen.clone(),
            line: crate::i18n::closure_desk::conversation_line(self.lang, &citizen),
        });
        if note {
            self.offer_note(contact_id, citizen, plan);
        } else if let Some(Effect::QuickAdd { line, .. }) = plan {
            self.offer_plan(citizen_id, citizen, &line)?;
        }
        Ok(())
    }

    /// The quick-add line for a conversation with the citizen who accepted, the day and time
    /// left to type; the footer says why it opened.
    pub(super) fn offer_plan(
        &mut self,
        citizen_id: i64,
        citizen: String,
        line: &str,
    ) -> Result<()> {
        let msg = crate::i18n::closure_desk::plan_offer(self.lang, &citizen);
        self.open_quick_add(line, Some((citizen_id, citizen)))?;
        self.message = Some(msg);
        Ok(())
    }

    /// The note line of a call just written, prefilled with the note the call wrote; `then`
    /// follows it.
    fn offer_note(&mut self, contact_id: i64, citizen: String, then: Option<Effect>) {
        let existing = self
            .store
            .contact(contact_id)
            .map(|c| c.note)
            .unwrap_or_default();
        let t = self.note_type(contact_id, true);
        self.mode = Mode::Note(Box::new(
            self.typed_note(contact_id, citizen, &existing, t)
                .then(then),
        ));
    }

    /// Writes one call on the call list with the same log note as `jobdesk closure call`; one
    /// undo step. Returns the contact's id.
    fn record_call(
        &mut self,
        citizen_id: i64,
        citizen: &str,
        result: CallResult,
        accepted: Option<bool>,
        answers: CallAnswers,
    ) -> Result<i64> {
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
            answers,
            "",
        );
        let rec = self.store.record_attempt(&NewAttempt {
            uuid: uuid::Uuid::new_v4().to_string(),
            citizen_id,
            result,
            accepted,
            answers,
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
        Ok(rec.contact_id)
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
        let same = self.closure.as_ref().filter(|v| v.closure.id == closure.id);
        let report = match same {
            Some(v) if v.report.is_some() => Some(self.store.closure_report(closure.id)?),
            _ => None,
        };
        // The catch-up list stays shown while the closure it is about is the one shown.
        let catch_up = match same {
            Some(v) if v.catch_up.is_some() && !closure.is_open() => {
                Some(self.store.catch_up_list(closure.id)?)
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
            catch_up,
        }))
    }

    /// Shows or hides the closure's report (in place of the call list or the catch-up list).
    pub(super) fn toggle_report(&mut self) -> Result<()> {
        match &mut self.closure {
            Some(v) => {
                v.report = match v.report {
                    Some(_) => None,
                    None => Some(self.store.closure_report(v.closure.id)?),
                };
                v.catch_up = None;
            }
            None => self.message = Some(self.lang.w().no_closure.to_string()),
        }
        self.reset_closure_list();
        Ok(())
    }

    /// `I`: shows or hides the catch-up list of the ended closure shown.
    pub(super) fn toggle_catch_up(&mut self) -> Result<()> {
        match &mut self.closure {
            Some(v) if !v.closure.is_open() => {
                v.catch_up = match v.catch_up {
                    Some(_) => None,
                    None => Some(self.store.catch_up_list(v.closure.id)?),
                };
                v.report = None;
            }
            Some(_) => {
                self.message =
                    Some(crate::i18n::closure_desk::catch_up_not_yet(self.lang).to_string())
            }
            None => self.message = Some(self.lang.w().no_closure.to_string()),
        }
        self.reset_closure_list();
        Ok(())
    }

    /// The Closure pane's rows changed kind (calls, catch-up): from the top.
    fn reset_closure_list(&mut self) {
        if self.pane == super::Pane::Closure {
            let l = &mut self.state_mut().list;
            l.selected = 0;
            l.offset = 0;
            self.reload_pane();
        }
    }

    /// `E`: asks before ending the open closure.
    pub(super) fn ask_end_closure(&mut self) {
        match &self.closure {
            Some(v) if v.closure.is_open() => {
                self.mode = Mode::Confirm(Confirm::end_closure(&v.closure, &self.ctx()));
            }
            _ => {
                self.message =
                    Some(crate::i18n::closure_desk::nothing_to_end(self.lang).to_string())
            }
        }
    }

    /// Ends the open closure (answered yes): no undo step (the store cannot reopen one, the
    /// question said so); the pane shows the catch-up list.
    pub(super) fn end_closure(&mut self) -> Result<()> {
        let ended = self.store.end_closure(self.now)?;
        self.refresh()?;
        if let Some(v) = &mut self.closure
            && v.closure.id == ended.id
        {
            v.report = None;
            v.catch_up = Some(self.store.catch_up_list(ended.id)?);
        }
        self.reset_closure_list();
        self.message = Some(crate::i18n::closure::ended(self.lang, &ended));
        Ok(())
    }

    /// How many rows the Closure pane lists: the catch-up list's, or the call list's (through
    /// the filter).
    pub(super) fn closure_total(&self) -> Result<usize> {
        let filter = &self.panes[super::Pane::Closure.index()].filter;
        Ok(match &self.closure {
            None => 0,
            Some(v) if v.catch_up.is_some() => self.catch_up_rows().count(),
            Some(c) if filter.trim().is_empty() => c.progress.on_list as usize,
            Some(c) => {
                self.store
                    .count_call_list(c.closure.id, self.today(), &Filter::parse(filter))?
            }
        })
    }

    /// The Closure pane's rows on screen.
    pub(super) fn closure_rows(&self, offset: usize, page: usize) -> Result<Vec<Row>> {
        let filter = &self.panes[super::Pane::Closure.index()].filter;
        Ok(match &self.closure {
            None => Vec::new(),
            Some(v) if v.catch_up.is_some() => self
                .catch_up_rows()
                .skip(offset)
                .take(page)
                .cloned()
                .map(Row::CatchUp)
                .collect(),
            Some(v) => self
                .store
                .call_list_filtered(
                    v.closure.id,
                    self.today(),
                    &Filter::parse(filter),
                    offset,
                    page,
                )?
                .into_iter()
                .map(Row::Call)
                .collect(),
        })
    }

    /// The catch-up list's entries the filter lets through: words in the name, the phone or
    /// the target group; `gruppe:`; `mentor`.
    fn catch_up_rows(&self) -> impl Iterator<Item = &CatchUp> {
        let filter = Filter::parse(&self.panes[super::Pane::Closure.index()].filter);
        let list = self
            .closure
            .as_ref()
            .and_then(|v| v.catch_up.as_deref())
            .unwrap_or(&[]);
        list.iter().filter(move |c| {
            let hay = fold(&format!(
                "{} {} {} {}",
                c.name,
                c.phone,
                c.target_group.name(true),
                c.target_group.name(false)
            ));
            filter.words.iter().all(|w| hay.contains(w.as_str()))
                && filter.group.is_none_or(|g| g == c.target_group)
                && (!filter.mentor || c.mentor)
        })
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
