//! After a mark: the selection moves on to the next planned appointment once the mark's note
//! is done, so that a run of held calls costs two keys each (`h` Enter). After a held
//! conversation's note the citizen's rating is offered (1–5, Enter skips; any other key goes
//! on to the lists, so it costs nothing when not given); `f` in the Contact log gives or
//! changes it later.

use chrono::NaiveDateTime;

use super::{App, Mode, Pane, Row};
use crate::domain::templates::NoteType;
use crate::error::Result;
use crate::store::AppointmentFilter;
use crate::ui::action::Action;
use crate::ui::overlay::{Feedback, Note};

/// What follows a mark once its note is done.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Voice {
    /// The appointment just marked (its id and start): the selection moves past it when the
    /// lists show again.
    after_mark: Option<AfterMark>,
    /// The rating offered after a held conversation's note: the contact and the citizen.
    pub offer: Option<(i64, String)>,
    /// The contact whose note is a first conversation's (known before the mark, not after).
    first: Option<i64>,
}

#[derive(Debug, Clone, PartialEq)]
struct AfterMark {
    appointment_id: i64,
    start: NaiveDateTime,
    /// A held conversation: its contact and citizen, for the rating.
    rate: Option<(i64, String)>,
}

impl App {
    /// A mark was made on `id` (starting at `start`): when its note is done, move on.
    pub(super) fn marked(&mut self, id: i64, start: NaiveDateTime, rate: Option<(i64, String)>) {
        self.voice.after_mark = Some(AfterMark {
            appointment_id: id,
            start,
            rate,
        });
    }

    /// Remembers that the contact just written is the citizen's first conversation.
    pub(super) fn first_note(&mut self, contact_id: i64, first: bool) {
        self.voice.first = first.then_some(contact_id);
    }

    /// The conversation type of a contact's note: a closure call (`closure`), a mentor visit,
    /// an unplanned contact, the first conversation or a follow-up.
    pub(super) fn note_type(&self, contact_id: i64, closure: bool) -> NoteType {
        let Ok(c) = self.store.contact(contact_id) else {
            return NoteType::Unplanned;
        };
        let kind = c
            .appointment_id
            .and_then(|id| self.store.appointment(id).ok())
            .map(|a| a.kind);
        let first = self.voice.first == Some(contact_id);
        NoteType::of(kind, c.channel, first, closure)
    }

    /// The one-line note with the prompts and snippets of its type.
    pub(super) fn typed_note(
        &self,
        contact_id: i64,
        citizen: String,
        text: &str,
        t: NoteType,
    ) -> Note {
        let da = self.lang.da();
        let prompts = self.config.templates(da).get(t).to_vec();
        let snippets = self.config.snippets_for(da, t);
        Note::typed(contact_id, citizen, text, &prompts, &snippets)
    }

    /// After an overlay's effects: when the mark's note (and what follows it) is done and the
    /// lists show again, the selection moves to the next planned appointment; when something
    /// else was opened instead (a card, a form), nothing moves.
    pub(super) fn settle_after_mark(&mut self) {
        match self.mode {
            Mode::Normal | Mode::Filter => {
                if let Some(m) = self.voice.after_mark.take() {
                    if let Err(e) = self.select_next_planned(m.appointment_id, m.start) {
                        self.message = Some(format!("{e:#}"));
                    }
                    self.voice.offer = m.rate;
                }
            }
            Mode::Note(_) | Mode::Confirm(_) | Mode::Move(_) => {}
            _ => self.voice.after_mark = None,
        }
    }

    /// A key while the rating is offered: 1–5 gives it (the wish is asked next), Enter or Esc
    /// skips it; any other key ends the offer and acts as usual. True when the key was taken.
    pub(super) fn offer_key(&mut self, action: Option<Action>) -> bool {
        let Some((contact_id, citizen)) = self.voice.offer.take() else {
            return false;
        };
        match action {
            Some(Action::Choose(i)) if i < 5 => {
                self.message = None;
                self.mode =
                    Mode::Feedback(Box::new(Feedback::scored(contact_id, citizen, i as u8 + 1)));
                true
            }
            Some(Action::Close) => {
                self.message = None;
                true
            }
            _ => false,
        }
    }

    /// `f` on a contact in the Contact log: its rating and wish, to give, change or remove.
    pub(super) fn ask_feedback(&mut self) -> Result<()> {
        let Some(Row::Contact(c)) = self.state().list.selected_row().cloned() else {
            self.message = Some(self.lang.w().not_contact.to_string());
            return Ok(());
        };
        let had = self.store.feedback(c.id)?;
        self.mode = Mode::Feedback(Box::new(Feedback::edit(c.id, c.citizen, had)));
        Ok(())
    }

    /// Writes the rating and wish (one undo step).
    pub(super) fn save_feedback(
        &mut self,
        contact_id: i64,
        citizen: &str,
        score: Option<u8>,
        wish: &str,
    ) -> Result<()> {
        let change = self.store.set_feedback(contact_id, score, wish)?;
        let what = crate::i18n::voice::feedback_saved(self.lang, score, citizen);
        self.push_undo(what.clone(), vec![change]);
        self.after_change(&what);
        Ok(())
    }

    /// `s` on the card: the citizen asked for a conversation today, or the mark is cleared
    /// (one undo step); the card shows again.
    pub(super) fn toggle_requested(&mut self, citizen_id: i64) -> Result<()> {
        let c = self.store.citizen(citizen_id)?;
        let date = match self.store.requested(citizen_id)? {
            Some(_) => None,
            None => Some(self.today()),
        };
        let change = self.store.set_requested(citizen_id, date)?;
        let what = crate::i18n::voice::requested_set(self.lang, date, &c.name);
        self.push_undo(what.clone(), vec![change]);
        self.after_change(&what);
        self.reload_card();
        Ok(())
    }

    /// The job club open now is read again (after a change).
    pub(super) fn reload_jobclub(&mut self) {
        let mut mode = std::mem::replace(&mut self.mode, Mode::Normal);
        if let Mode::JobClub(j) = &mut mode {
            j.reload(&self.ctx());
        }
        self.mode = mode;
    }

    /// A job-club mark (one undo step; the undo reads the list again when it is open). With
    /// `log` an absence is also written to the contact log at the session's start (the same
    /// step).
    pub(super) fn mark_attendance(
        &mut self,
        citizen_id: i64,
        citizen: &str,
        date: chrono::NaiveDate,
        mark: Option<crate::domain::jobclub::Mark>,
        log: bool,
    ) -> Result<()> {
        let log = log.then(|| {
            let from = self
                .config
                .jobclub_schedule()
                .session_on(date)
                .map(|s| s.from)
                .unwrap_or_default();
            crate::store::LogAbsence {
                uuid: uuid::Uuid::new_v4().to_string(),
                at: date.and_time(from),
                note: crate::i18n::jobclub::absence_note(self.lang).to_string(),
            }
        });
        let marked = self
            .store
            .mark_attendance(citizen_id, date, mark, log.as_ref())?;
        let mut what = crate::i18n::voice::attendance_marked(self.lang, date, mark, citizen);
        if marked.contact_id.is_some() {
            what = crate::i18n::voice::absence_logged(self.lang, &what);
        }
        self.push_undo(what.clone(), vec![marked.undo]);
        self.after_change(&what);
        self.reload_jobclub();
        Ok(())
    }

    /// Adds or changes an exemption (one undo step); the store refuses an overlap (the form
    /// shows why).
    pub(super) fn save_exemption(
        &mut self,
        x: &crate::domain::jobclub::Exemption,
        citizen: &str,
        back: Box<crate::ui::overlay::JobClub>,
    ) -> Result<()> {
        let lang = self.lang;
        let worded = |e: anyhow::Error| anyhow::anyhow!(crate::i18n::errors::message(&e, lang));
        let change = if x.id == 0 {
            self.store.add_exemption(x, self.now).map_err(worded)?.1
        } else {
            self.store.edit_exemption(x).map_err(worded)?
        };
        self.mode = Mode::JobClub(back);
        let what = crate::i18n::voice::exemption_saved(self.lang, false, citizen);
        self.push_undo(what.clone(), vec![change]);
        self.after_change(&what);
        self.reload_jobclub();
        Ok(())
    }

    /// Removes an exemption (one undo step).
    pub(super) fn remove_exemption(&mut self, id: i64, citizen: &str) -> Result<()> {
        let (_, change) = self.store.remove_exemption(id)?;
        let what = crate::i18n::voice::exemption_saved(self.lang, true, citizen);
        self.push_undo(what.clone(), vec![change]);
        self.after_change(&what);
        self.reload_jobclub();
        Ok(())
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
