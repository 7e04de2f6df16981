//! Typing in the desk: notes after marking, new times, the summary editor, drafts that survive
//! a closing terminal, and marking itself.

use std::time::{Duration, Instant};

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::super::widgets::line::{LineEvent, LineInput};
use super::state::summary_editor;
use super::{App, LOG_OPTIONS, Mode, Row};
use crate::domain::{Appointment, NewContact, Status, Word};
use crate::error::Result;
use crate::store::{Change, Draft, DraftKind};

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
                    let snippets = self.config.snippets(self.lang.da());
                    self.mode = Mode::Note {
                        contact_id: c.id,
                        citizen: c.citizen,
                        input: Box::new(LineInput::new(&d.text, snippets)),
                    };
                    self.message = Some(w.draft_recovered.to_string());
                }
                Err(_) => self.store.delete_draft(d.kind, d.target_id)?,
            },
            DraftKind::Summary => match self.store.citizen(d.target_id) {
                Ok(c) => {
                    self.mode = Mode::Summary {
                        citizen_id: c.id,
                        citizen: c.name,
                        editor: Box::new(summary_editor(&d.text)),
                        original: c.summary,
                        asking: false,
                    };
                    self.message = Some(w.draft_recovered.to_string());
                }
                Err(_) => self.store.delete_draft(d.kind, d.target_id)?,
            },
        }
        Ok(())
    }

    /// The draft of what is being typed now, if anything.
    pub(super) fn current_draft(&self) -> Option<Draft> {
        match &self.mode {
            Mode::Note {
                contact_id, input, ..
            } => {
                let citizen_id = self.store.contact(*contact_id).ok()?.citizen_id;
                Some(Draft {
                    kind: DraftKind::Note,
                    target_id: *contact_id,
                    citizen_id,
                    text: input.text(),
                })
            }
            Mode::Summary {
                citizen_id, editor, ..
            } => Some(Draft {
                kind: DraftKind::Summary,
                target_id: *citizen_id,
                citizen_id: *citizen_id,
                text: editor.lines().join("\n"),
            }),
            _ => None,
        }
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
        if !matches!(self.mode, Mode::Note { .. } | Mode::Summary { .. }) {
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

    /// Whether the summary being edited differs from the saved one.
    fn summary_changed(&self) -> bool {
        match &self.mode {
            Mode::Summary {
                editor, original, ..
            } => editor.lines().join("\n").trim_end() != original.trim_end(),
            _ => false,
        }
    }

    /// Esc in the summary editor: closes it, or asks first when there are changes.
    pub(super) fn close_summary(&mut self) {
        if self.summary_changed() {
            if let Mode::Summary { asking, .. } = &mut self.mode {
                *asking = true;
            }
        } else {
            self.discard_summary();
        }
    }

    /// Closes the summary editor without saving (the draft goes too) and shows the card.
    pub(super) fn discard_summary(&mut self) {
        let Mode::Summary { citizen_id, .. } = std::mem::replace(&mut self.mode, Mode::Normal)
        else {
            return;
        };
        self.drop_draft(DraftKind::Summary, citizen_id);
        if let Err(e) = self.open_card(citizen_id) {
            self.message = Some(format!("{e:#}"));
        }
    }

    /// Saves the summary being edited (one undo step) and shows the card.
    pub(super) fn save_summary(&mut self) {
        let Mode::Summary {
            citizen_id, editor, ..
        } = std::mem::replace(&mut self.mode, Mode::Normal)
        else {
            return;
        };
        let text = editor.lines().join("\n").trim_end().to_string();
        match self.store.apply(&[Change::Summary { citizen_id, text }]) {
            Ok(inverse) => {
                self.drop_draft(DraftKind::Summary, citizen_id);
                let what = self.lang.w().summary_saved.to_string();
                self.push_undo(what.clone(), inverse);
                self.after_change(&what);
                if let Err(e) = self.open_card(citizen_id) {
                    self.message = Some(format!("{e:#}"));
                }
            }
            Err(e) => self.message = Some(format!("{e:#}")),
        }
    }

    /// Keys in the summary editor.
    pub(super) fn summary_event(&mut self, ev: &Event) -> bool {
        let Mode::Summary { editor, .. } = &mut self.mode else {
            return false;
        };
        match ev {
            Event::Key(k) if k.code == KeyCode::Esc => {
                self.close_summary();
                true
            }
            Event::Key(k)
                if k.code == KeyCode::Char('s') && k.modifiers.contains(KeyModifiers::CONTROL) =>
            {
                self.save_summary();
                true
            }
            Event::Key(k)
                if k.modifiers
                    .contains(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                if let KeyCode::Char(c) = k.code {
                    editor.insert_char(c);
                }
                self.draft_changed();
                true
            }
            Event::Key(k) => {
                let changed = editor.input(*k);
                if changed {
                    self.draft_changed();
                }
                changed
            }
            Event::Paste(s) => {
                editor.insert_str(s.replace('\r', ""));
                self.draft_changed();
                true
            }
            Event::Resize(w, h) => {
                self.resize(*w, *h);
                true
            }
            _ => false,
        }
    }

    /// A note or a new time being typed.
    pub(super) fn text_event(&mut self, ev: &Event) -> bool {
        if matches!(ev, Event::Resize(..)) {
            if let Event::Resize(w, h) = ev {
                self.resize(*w, *h);
            }
            return true;
        }
        let result = match &mut self.mode {
            Mode::Note { input, .. } | Mode::Move { input, .. } => input.handle(ev),
            _ => return false,
        };
        match result {
            LineEvent::Ignored => false,
            LineEvent::Changed => {
                if let Mode::Move {
                    error,
                    confirm_clash,
                    ..
                } = &mut self.mode
                {
                    *error = None;
                    *confirm_clash = false;
                }
                self.draft_changed();
                true
            }
            LineEvent::Cancel => {
                if let Mode::Note { contact_id, .. } =
                    std::mem::replace(&mut self.mode, Mode::Normal)
                {
                    self.drop_draft(DraftKind::Note, contact_id);
                }
                true
            }
            LineEvent::Submit(text) => {
                let mode = std::mem::replace(&mut self.mode, Mode::Normal);
                let r = match mode {
                    Mode::Note { contact_id, .. } => {
                        self.drop_draft(DraftKind::Note, contact_id);
                        self.save_note(contact_id, &text)
                    }
                    Mode::Move {
                        appointment_id,
                        citizen,
                        input,
                        confirm_clash,
                        ..
                    } => {
                        // Keep what was typed and say what is wrong, or what it clashes with.
                        let (error, confirm_clash) =
                            match self.move_to(appointment_id, &citizen, &text, confirm_clash) {
                                Ok(None) => return true,
                                Ok(Some(clash)) => (clash, true),
                                Err(e) => (format!("{e:#}"), false),
                            };
                        self.mode = Mode::Move {
                            appointment_id,
                            citizen,
                            input,
                            error: Some(error),
                            confirm_clash,
                        };
                        return true;
                    }
                    _ => Ok(()),
                };
                if let Err(e) = r {
                    self.message = Some(format!("{e:#}"));
                }
                true
            }
        }
    }

    pub(super) fn log_pick(&mut self, k: &KeyEvent) -> bool {
        let Mode::LogPick {
            citizen_id,
            citizen,
        } = &self.mode
        else {
            return false;
        };
        let (citizen_id, citizen) = (*citizen_id, citizen.clone());
        match k.code {
            KeyCode::Esc => {
                self.mode = Mode::Normal;
                true
            }
            KeyCode::Char(c @ '1'..='6') => {
                let (outcome, channel, minutes) = LOG_OPTIONS[(c as usize) - ('1' as usize)];
                let counts = crate::domain::minimum::counts(
                    crate::domain::Kind::Conversation,
                    outcome,
                    channel,
                );
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
                match self.store.log(&contact) {
                    Ok((id, change)) => {
                        let what = format!(
                            "{}: {} ({})",
                            self.lang.w().logged,
                            citizen,
                            outcome.name(self.lang.da())
                        );
                        self.push_undo(what.clone(), vec![change]);
                        self.after_change(&what);
                        self.start_note(id, citizen);
                    }
                    Err(e) => {
                        self.mode = Mode::Normal;
                        self.message = Some(format!("{e:#}"));
                    }
                }
                true
            }
            _ => false,
        }
    }

    /// `e` on the card: edit the living summary.
    pub(super) fn edit_summary(&mut self) {
        if let Mode::Card(card) = &self.mode {
            let c = &card.citizen;
            self.mode = Mode::Summary {
                citizen_id: c.id,
                citizen: c.name.clone(),
                editor: Box::new(summary_editor(&c.summary)),
                original: c.summary.clone(),
                asking: false,
            };
        }
    }

    pub(super) fn start_note(&mut self, contact_id: i64, citizen: String) {
        let snippets = self.config.snippets(self.lang.da());
        self.mode = Mode::Note {
            contact_id,
            citizen,
            input: Box::new(LineInput::new("", snippets)),
        };
    }

    pub(super) fn save_note(&mut self, contact_id: i64, text: &str) -> Result<()> {
        let note = text.trim();
        if note.is_empty() {
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

    /// Moves the appointment to the time typed, then offers the one-line note. When the new
    /// time clashes with another planned appointment and that was not shown yet, nothing is
    /// written and the warning is returned (Enter again moves anyway).
    pub(super) fn move_to(
        &mut self,
        appointment_id: i64,
        citizen: &str,
        text: &str,
        clash_shown: bool,
    ) -> Result<Option<String>> {
        let start = crate::domain::dates::parse_datetime(text, self.today(), None)
            .map_err(crate::error::user)?;
        let l = self.lang;
        if !clash_shown {
            let minutes = self.store.appointment(appointment_id)?.minutes;
            let clashes: Vec<String> = self
                .store
                .overlapping(start, minutes, Some(appointment_id))?
                .into_iter()
                .map(|a| format!("{} {}", l.time(a.start.time()), a.citizen))
                .collect();
            if !clashes.is_empty() {
                // What to do first: at 80 columns the list of clashes may be cut.
                return Ok(Some(format!(
                    "⚠ {} – {}: {}",
                    l.w().overlaps,
                    l.w().clash_again,
                    clashes.join(", ")
                )));
            }
        }
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
        self.start_note(marked.contact_id, citizen.to_string());
        Ok(None)
    }

    /// `h` `n` `c` `C` `m` on an appointment. The unusual asks first: an appointment already
    /// marked (the new mark replaces the earlier outcome), or one not yet begun marked held.
    pub(super) fn mark(&mut self, status: Status) -> Result<()> {
        let Some(Row::Appointment(a)) = self.state().list.selected_row().cloned() else {
            self.message = Some(self.lang.w().not_appointment.to_string());
            return Ok(());
        };
        let question = if a.status != Status::Planned {
            Some(crate::i18n::remark_question(self.lang, a.status, status))
        } else if status == Status::Held && a.start > self.now {
            Some(crate::i18n::future_held_question(self.lang, a.start))
        } else {
            None
        };
        match question {
            Some(question) => {
                self.mode = Mode::ConfirmMark {
                    appointment_id: a.id,
                    citizen: a.citizen.clone(),
                    status,
                    question,
                };
                Ok(())
            }
            None => self.mark_now(&a, status),
        }
    }

    /// Marks without asking: the new time for a move, else the mark and the one-line note.
    pub(super) fn mark_now(&mut self, a: &Appointment, status: Status) -> Result<()> {
        if status == Status::Moved {
            let l = self.lang;
            let initial = format!("{} {}", l.date(a.start.date()), l.time(a.start.time()));
            self.mode = Mode::Move {
                appointment_id: a.id,
                citizen: a.citizen.clone(),
                input: Box::new(LineInput::new(&initial, Vec::new())),
                error: None,
                confirm_clash: false,
            };
            return Ok(());
        }
        let marked = self.store.mark_appointment(a.id, status, None, self.now)?;
        let what = format!("{}: {}", status.name(self.lang.da()), a.citizen);
        self.push_undo(what.clone(), marked.undo);
        self.after_change(&what);
        self.start_note(marked.contact_id, a.citizen.clone());
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
                self.mode = Mode::LogPick {
                    citizen_id: id,
                    citizen,
                };
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
