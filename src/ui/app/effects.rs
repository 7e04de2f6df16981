//! Where the overlays' effects are applied: the one place the desk writes to the store on an
//! overlay's behalf. An effect that fails stops the rest; its error goes to the overlay when it
//! has a place for it (the form's errors, the new time's line), else to the footer.

use super::{App, Mode};
use crate::domain::closure::CallResult;
use crate::error::Result;
use crate::ui::overlay::Effect;

impl App {
    pub(super) fn apply(&mut self, effects: Vec<Effect>) {
        for e in effects {
            if let Err(err) = self.apply_one(e) {
                let msg = format!("{err:#}");
                if !self.mode.failed(&msg) {
                    self.message = Some(msg);
                }
                return;
            }
        }
    }

    /// One undo step for `change`, and a message that says what was done.
    fn undoable(&mut self, what: String, change: crate::store::Change) {
        self.push_undo(what.clone(), vec![change]);
        self.after_change(&what);
    }

    fn apply_one(&mut self, effect: Effect) -> Result<()> {
        match effect {
            Effect::Close => self.mode = Mode::Normal,
            Effect::Open(m) => self.mode = *m,
            Effect::Message(m) => self.message = Some(m),
            Effect::Action(a) => {
                let on_card = matches!(self.mode, Mode::Card(_));
                self.update(a);
                // An undo made on the card shows on it.
                if on_card {
                    self.reload_card();
                }
                self.reload_jobclub();
            }
            Effect::DraftChanged => self.draft_changed(),
            Effect::DropDraft(kind, id) => self.drop_draft(kind, id),
            Effect::SaveNote { contact_id, text } => self.save_note(contact_id, &text)?,
            Effect::Mark {
                appointment_id,
                status,
            } => {
                let a = self.store.appointment(appointment_id)?;
                self.mark_now(&a, status)?;
            }
            Effect::Moved {
                appointment_id,
                citizen,
                start,
            } => self.move_to(appointment_id, &citizen, start)?,
            Effect::Log {
                citizen_id,
                citizen,
                outcome,
                channel,
                minutes,
            } => self.log_contact(citizen_id, citizen, outcome, channel, minutes)?,
            Effect::Plan { new, citizen } => self.plan_new(&new, &citizen)?,
            Effect::PlanSeries { series, citizen } => self.plan_series(&series, &citizen)?,
            Effect::SeriesOp {
                appointment,
                op,
                following,
            } => self.series_op(&appointment, op, following)?,
            Effect::Following {
                appointment_id,
                edit,
                what,
            } => self.change_following(appointment_id, &edit, &what)?,
            Effect::AskEndSeries(appointment_id) => self.ask_end_series(appointment_id)?,
            Effect::EndSeries { series_id, what } => self.end_series(series_id, &what)?,
            Effect::Reached {
                citizen_id,
                citizen,
                accepted,
            } => self.attempt(citizen_id, citizen, CallResult::Reached, accepted)?,
            Effect::CallAnswered {
                citizen_id,
                citizen,
                accepted,
                answers,
                note,
            } => self.call_answered(citizen_id, citizen, accepted, answers, note)?,
            Effect::EndClosure => self.end_closure()?,
            Effect::ConvertAll => self.convert_all()?,
            Effect::Erase(id) => self.erase(id)?,
            Effect::StartClosure(c) => {
                self.start_closure(&c)?;
                self.mode = Mode::Normal;
            }
            Effect::SaveSummary { citizen_id, text } => self.save_summary(citizen_id, text)?,
            Effect::OpenCard(id) => self.open_card(id)?,
            Effect::RevealCpr(id) => self.reveal_cpr(id)?,
            Effect::EditContact { id, edit, what } => {
                let change = self.store.edit_contact(id, &edit, self.now)?;
                self.mode = Mode::Normal;
                self.undoable(what, change);
            }
            Effect::EditAppointment { id, edit, what } => {
                let change = self.store.edit_appointment(id, &edit, self.now)?;
                self.mode = Mode::Normal;
                self.undoable(what, change);
            }
            Effect::FirstCounts {
                contact_id,
                citizen,
                counts,
            } => {
                if counts {
                    self.store.set_contact_counts(contact_id, true)?;
                }
                self.message = Some(crate::i18n::first_counts(self.lang, counts, &citizen));
                self.refresh()?;
                self.start_note(contact_id, citizen);
            }
            Effect::DeleteContact { id, what } => {
                let change = self.store.delete_contact(id, self.now)?;
                self.undoable(what, change);
            }
            Effect::QuickAdd {
                citizen_id,
                citizen,
                line,
            } => self.open_quick_add(&line, Some((citizen_id, citizen)))?,
            Effect::Transferred { contact_id, at } => {
                let inverse = self
                    .store
                    .apply(&[crate::store::Change::ContactTransferred { id: contact_id, at }])?;
                let w = self.lang.w();
                let what = if at.is_some() {
                    w.transferred_set
                } else {
                    w.transferred_unset
                };
                self.push_undo(what.to_string(), inverse);
                self.after_change(what);
                self.reload_card();
            }
            Effect::MarkTransferred(ids) => self.mark_ids_transferred(&ids)?,
            Effect::Company(e) => self.apply_company(e)?,
            Effect::EditCitizen { id, edit, what } => self.edit_citizen(id, &edit, what)?,
            Effect::AddCitizen { new, edit } => self.add_citizen(&new, &edit)?,
            Effect::Feedback {
                contact_id,
                citizen,
                score,
                wish,
            } => self.save_feedback(contact_id, &citizen, score, &wish)?,
            Effect::ToggleRequested(id) => self.toggle_requested(id)?,
            Effect::Attendance {
                citizen_id,
                citizen,
                date,
                mark,
                log,
            } => self.mark_attendance(citizen_id, &citizen, date, mark, log)?,
            Effect::SaveExemption {
                exemption,
                citizen,
                back,
            } => self.save_exemption(&exemption, &citizen, back)?,
            Effect::RemoveExemption { id, citizen } => self.remove_exemption(id, &citizen)?,
            Effect::ExportLog {
                range,
                excel,
                folder,
            } => {
                let path = crate::transfer::log_to_folder(
                    &mut self.store,
                    std::path::Path::new(&folder),
                    range,
                    excel,
                    self.lang,
                    self.now,
                )?;
                self.mode = Mode::Normal;
                self.message = Some(format!(
                    "{} {} · {}",
                    crate::i18n::handover::saved_to(self.lang),
                    path.display(),
                    self.lang.w().personal_data
                ));
            }
        }
        Ok(())
    }
}
