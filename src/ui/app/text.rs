//! Typing in the desk: notes after marking, new times, the summary editor, drafts that survive
//! a closing terminal, and marking itself.

use std::time::{Duration, Instant};

use chrono::NaiveDateTime;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{App, Mode, Row};
use crate::domain::{Appointment, Channel, NewContact, Outcome, Status, Word};
use crate::error::Result;
use crate::store::{Change, Draft, DraftKind};
use crate::ui::overlay::{Confirm, LogPick, Move, Summary};

/// A draft is saved this long after the last keystroke that changed it…
const DRAFT_QUIET: Duration = Duration::from_secs(1);
/// …and at most this long after the first unsaved change.
const DRAFT_LONGEST: Duration = Duration::from_secs(5);

impl App {
    /// Brings back a note or summary that was being typed when the desk last closed.
    pub(super) fn offer_draft(&mut self) -> Result<()> {
        let Some(d) = self.store.latest_draft()? else {
            return Ok(());
        };
        let w = self.lang.w();
        match d.kind {
            DraftKind::Note => match self.store.contact(d.target_id) {
                Ok(c) => {
                    let t = self.note_type(c.id, false);
                    self.mode = Mode::Note(Box::new(self.typed_note(c.id, c.citizen, &d.text, t)));
                    self.message = Some(w.draft_recovered.to_string());
                }
                Err(_) => self.store.delete_draft(d.kind, d.target_id)?,
            },
            DraftKind::Summary => match self.store.citizen(d.target_id) {
                Ok(c) => {
                    self.mode =
                        Mode::Summary(Box::new(Summary::new(c.id, &c.name, &c.summary, &d.text)));
                    self.message = Some(w.draft_recovered.to_string());
                }
                Err(_) => self.store.delete_draft(d.kind, d.target_id)?,
            },
        }
        Ok(())
    }

    /// The draft of what is being typed now, if anything.
    pub(super) fn current_draft(&self) -> Option<Draft> {
        let (kind, target_id, text) = self.mode.draft()?;
        let citizen_id = match kind {
            DraftKind::Note => self.store.contact(target_id).ok()?.citizen_id,
            DraftKind::Summary => target_id,
        };
        Some(Draft {
            kind,
            target_id,
            citizen_id,
            text,
        })
    }

    /// Saves what is being typed as a draft now (on SIGTERM/SIGHUP and when the terminal goes).
    pub fn save_draft_now(&mut self) {
        self.draft_due = None;
        self.draft_dirty_since = None;
        if let Some(d) = self.current_draft()
            && let Err(e) = self.store.save_draft(&d, self.now)
        {
            self.message = Some(format!("{e:#}"));
        }
    }

    /// The draft changed: arm the one-shot timer that saves it a second after typing stops
    /// (and at most five seconds after the first unsaved change, for long bursts of typing).
    pub(super) fn draft_changed(&mut self) {
        if self.mode.draft().is_none() {
            return;
        }
        let now = Instant::now();
        let since = *self.draft_dirty_since.get_or_insert(now);
        self.draft_due = Some((now + DRAFT_QUIET).min(since + DRAFT_LONGEST));
    }

    /// When the draft being typed is due to be saved, if it has unsaved changes. The event
    /// loop waits for input only until then (and without a deadline when nothing is typed).
    pub fn draft_deadline(&self) -> Option<Instant> {
        self.draft_due
    }

    /// The draft timer: saves the draft when its time `now` has come. Returns whether it saved.
    pub fn tick_drafts(&mut self, now: Instant) -> bool {
        match self.draft_due {
            Some(due) if due <= now => {
                self.save_draft_now();
                true
            }
            _ => false,
        }
    }

    pub(super) fn drop_draft(&mut self, kind: DraftKind, target_id: i64) {
        self.draft_due = None;
        self.draft_dirty_since = None;
        if let Err(e) = self.store.delete_draft(kind, target_id) {
            self.message = Some(format!("{e:#}"));
        }
    }

    /// Saves the summary (one undo step) and shows the card.
    pub(super) fn save_summary(&mut self, citizen_id: i64, text: String) -> Result<()> {
        let inverse = self.store.apply(&[Change::Summary { citizen_id, text }])?;
        self.drop_draft(DraftKind::Summary, citizen_id);
        let what = self.lang.w().summary_saved.to_string();
        self.push_undo(what.clone(), inverse);
        self.after_change(&what);
        self.open_card(citizen_id)
    }

    /// Logs an unplanned contact now (one undo step) and offers the note.
    pub(super) fn log_contact(
        &mut self,
        citizen_id: i64,
        citizen: String,
        outcome: Outcome,
        channel: Channel,
        minutes: i64,
    ) -> Result<()> {
        self.mode = Mode::Normal;
        // A first conversation by phone or video does not count unless the consultant says so.
        let first_not_in_person = crate::domain::minimum::first_needs_in_person(
            self.store.is_first_conversation(citizen_id)?,
            crate::domain::Kind::Conversation,
            outcome,
            channel,
        );
        let counts =
            crate::domain::minimum::counts(crate::domain::Kind::Conversation, outcome, channel)
                && !first_not_in_person;
        let contact = NewContact {
            uuid: uuid::Uuid::new_v4().to_string(),
            citizen_id,
            appointment_id: None,
            at: self.now,
            channel,
            outcome,
            minutes,
            note: String::new(),
            counts,
        };
        let (id, change) = self.store.log(&contact)?;
        let what = format!(
            "{}: {} ({})",
            self.lang.w().logged,
            citizen,
            crate::i18n::outcome(self.lang, outcome)
        );
        self.push_undo(what.clone(), vec![change]);
        self.after_change(&what);
        self.note_or_ask_first(id, citizen, first_not_in_person);
        Ok(())
    }

    /// The one-line note; first, for a first conversation not held in person (written as not
    /// counting), the question whether it counts all the same.
    fn note_or_ask_first(&mut self, contact_id: i64, citizen: String, ask: bool) {
        if ask {
            self.mode = Mode::Confirm(crate::ui::overlay::Confirm::first_in_person(
                contact_id,
                &citizen,
                &self.ctx(),
            ));
        } else {
            self.start_note(contact_id, citizen);
        }
    }

    pub(super) fn start_note(&mut self, contact_id: i64, citizen: String) {
        let t = self.note_type(contact_id, false);
        self.mode = Mode::Note(Box::new(self.typed_note(contact_id, citizen, "", t)));
    }

    pub(super) fn save_note(&mut self, contact_id: i64, text: &str) -> Result<()> {
        let note = text.trim();
        // Nothing typed, or the prefilled note left as it was (a closure call's): no change.
        if note.is_empty() || self.store.contact(contact_id).is_ok_and(|c| c.note == note) {
            return Ok(());
        }
        let inverse = self.store.apply(&[Change::ContactNote {
            id: contact_id,
            note: note.to_string(),
        }])?;
        let what = self.lang.w().note_saved.to_string();
        self.push_undo(what.clone(), inverse);
        self.after_change(&what);
        Ok(())
    }

    /// Moves the appointment to `start` (the overlay checked the time and the clashes), then
    /// offers the one-line note.
    pub(super) fn move_to(
        &mut self,
        appointment_id: i64,
        citizen: &str,
        start: NaiveDateTime,
    ) -> Result<()> {
        let l = self.lang;
        let marked =
            self.store
                .mark_appointment(appointment_id, Status::Moved, Some(start), self.now)?;
        let what = format!(
            "{}: {} {} {} {}",
            Status::Moved.name(l.da()),
            citizen,
            l.w().moved_to,
            l.date(start.date()),
            l.time(start.time())
        );
        self.push_undo(what.clone(), marked.undo);
        self.after_change(&what);
        if let Ok(a) = self.store.appointment(appointment_id) {
            self.marked(appointment_id, a.start, None);
        }
        self.start_note(marked.contact_id, citizen.to_string());
        Ok(())
    }

    /// `h` `n` `c` `C` `m` on an appointment. The unusual asks first: an appointment already
    /// marked (the new mark replaces the earlier outcome), or one not yet begun marked held.
    pub(super) fn mark(&mut self, status: Status) -> Result<()> {
        let Some(Row::Appointment(a)) = self.state().list.selected_row().cloned() else {
            self.message = Some(self.lang.w().not_appointment.to_string());
            return Ok(());
        };
        // An occurrence of a series: only it, or it and all following?
        let op = match status {
            Status::Moved => Some(crate::ui::overlay::SeriesOp::Move),
            Status::CancelledByCitizen | Status::Cancelled => {
                Some(crate::ui::overlay::SeriesOp::Cancel(status))
            }
            _ => None,
        };
        if let Some(op) = op
            && self.ask_which(&a, op)?
        {
            return Ok(());
        }
        let question = if a.status != Status::Planned {
            Some(crate::i18n::remark_question(self.lang, a.status, status))
        } else if status == Status::Held && a.start > self.now {
            Some(crate::i18n::future_held_question(self.lang, a.start))
        } else {
            None
        };
        match question {
            Some(question) => {
                self.mode = Mode::Confirm(Confirm::mark(a.id, status, &a.citizen, question));
                Ok(())
            }
            None => self.mark_now(&a, status),
        }
    }

    /// Marks without asking: the new time for a move, else the mark and the one-line note.
    pub(super) fn mark_now(&mut self, a: &Appointment, status: Status) -> Result<()> {
        if status == Status::Moved {
            self.mode = Mode::Move(Box::new(Move::new(a, &self.ctx())));
            return Ok(());
        }
        // A first conversation by phone or video does not count unless the consultant says so.
        let first_not_in_person = status.outcome().is_some_and(|o| {
            crate::domain::minimum::first_needs_in_person(true, a.kind, o, a.channel)
        }) && self.store.is_first_conversation(a.citizen_id)?;
        let first = a.kind == crate::domain::Kind::Conversation
            && status == Status::Held
            && self.store.is_first_conversation(a.citizen_id)?;
        let marked = self.store.mark_appointment(a.id, status, None, self.now)?;
        self.first_note(marked.contact_id, first);
        if first_not_in_person {
            self.store.set_contact_counts(marked.contact_id, false)?;
        }
        let what = format!("{}: {}", status.name(self.lang.da()), a.citizen);
        let rate = (status == Status::Held && a.kind == crate::domain::Kind::Conversation)
            .then(|| (marked.contact_id, a.citizen.clone()));
        self.marked(a.id, a.start, rate);
        self.push_undo(what.clone(), marked.undo);
        self.after_change(&what);
        self.note_or_ask_first(marked.contact_id, a.citizen.clone(), first_not_in_person);
        Ok(())
    }

    pub(super) fn toggle_transferred(&mut self) -> Result<()> {
        let Some(Row::Contact(c)) = self.state().list.selected_row().cloned() else {
            self.message = Some(self.lang.w().not_contact.to_string());
            return Ok(());
        };
        let at = if c.transferred_at.is_some() {
            None
        } else {
            Some(self.now)
        };
        let inverse = self
            .store
            .apply(&[Change::ContactTransferred { id: c.id, at }])?;
        let w = self.lang.w();
        let what = if at.is_some() {
            w.transferred_set
        } else {
            w.transferred_unset
        }
        .to_string();
        self.push_undo(what.clone(), inverse);
        self.after_change(&what);
        Ok(())
    }

    /// Asks what kind of unplanned contact to log with the selected row's citizen.
    pub(super) fn ask_log_contact(&mut self) -> Result<()> {
        match self.state().list.selected_row().and_then(Row::citizen_id) {
            Some(id) => {
                let citizen = self.store.citizen(id)?.name;
                self.mode = Mode::LogPick(LogPick {
                    citizen_id: id,
                    citizen,
                });
            }
            None => self.message = Some(self.lang.w().no_citizen_row.to_string()),
        }
        Ok(())
    }

    /// Typing in the filter: any character (also AltGr ones, which arrive with Ctrl+Alt).
    pub(super) fn filter_key(&mut self, k: &KeyEvent) -> bool {
        let altgr = k
            .modifiers
            .contains(KeyModifiers::CONTROL | KeyModifiers::ALT);
        let plain = !k
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        match k.code {
            KeyCode::Char(c) if plain || altgr => {
                self.state_mut().filter.push(c);
            }
            KeyCode::Backspace => {
                self.state_mut().filter.pop();
            }
            KeyCode::Char('u') if k.modifiers.contains(KeyModifiers::CONTROL) => {
                self.state_mut().filter.clear();
            }
            _ => return false,
        }
        self.reload_after_filter();
        true
    }
}
