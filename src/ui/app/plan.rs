//! Planning: the quick-add line, the full form and the next step.

use ratatui::crossterm::event::{Event, KeyCode, KeyModifiers};

use super::super::quickadd::{Pick, Preview, QuickAdd};
use super::super::widgets::line::{LineEvent, LineInput};
use super::{App, Mode, Row};
use crate::domain::Kind;
use crate::domain::NewAppointment;
use crate::error::Result;

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
        let mut q = QuickAdd::open(&self.store, initial, prefill)?;
        q.update(&self.store, self.now, self.lang);
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
        let line = crate::ui::quickadd::next_step_line(
            self.lang,
            c.next_due,
            self.today(),
            time,
            channel,
            minutes,
        );
        self.open_quick_add(&line, Some((c.id, c.name)))
    }

    pub(super) fn form_event(&mut self, ev: &Event) -> bool {
        let Mode::Form(form) = &mut self.mode else {
            return false;
        };
        let save = match ev {
            Event::Resize(w, h) => {
                self.resize(*w, *h);
                return true;
            }
            Event::Key(k) if k.code == KeyCode::Tab => {
                form.focus_field((form.focus + 1) % crate::ui::form::FIELDS);
                return true;
            }
            Event::Key(k) if k.code == KeyCode::BackTab => {
                form.focus_field(
                    (form.focus + crate::ui::form::FIELDS - 1) % crate::ui::form::FIELDS,
                );
                return true;
            }
            Event::Key(k)
                if k.code == KeyCode::Char('s') && k.modifiers.contains(KeyModifiers::CONTROL) =>
            {
                true
            }
            _ => {
                let focus = form.focus;
                match form.fields[focus].handle(ev) {
                    LineEvent::Ignored => return false,
                    LineEvent::Changed => {
                        form.errors.clear();
                        return true;
                    }
                    LineEvent::Cancel => {
                        self.mode = Mode::Normal;
                        return true;
                    }
                    LineEvent::Submit(_) if focus + 1 < crate::ui::form::FIELDS => {
                        form.focus_field(focus + 1);
                        return true;
                    }
                    LineEvent::Submit(_) => true,
                }
            }
        };
        if save {
            match form.build(self.now, self.lang) {
                Err(errors) => form.errors = errors,
                Ok((new, citizen)) => {
                    if let Err(e) = self.plan_new(&new, &citizen)
                        && let Mode::Form(form) = &mut self.mode
                    {
                        form.errors = vec![format!("{e:#}")];
                    }
                }
            }
        }
        true
    }

    pub(super) fn quick_add_event(&mut self, ev: &Event) -> bool {
        let Mode::QuickAdd(q) = &mut self.mode else {
            return false;
        };
        if let Event::Resize(w, h) = ev {
            self.resize(*w, *h);
            return true;
        }
        // Choosing among several matching citizens.
        if let (Some(pick), Event::Key(k)) = (&mut q.pick, ev) {
            match k.code {
                KeyCode::Up => pick.selected = pick.selected.saturating_sub(1),
                KeyCode::Down => {
                    pick.selected = (pick.selected + 1).min(pick.ids.len().saturating_sub(1))
                }
                KeyCode::Esc => q.pick = None,
                KeyCode::Enter => {
                    let chosen = pick.ids[pick.selected].clone();
                    q.pick = None;
                    q.prefill = Some(chosen.clone());
                    // The chosen citizen's full name replaces the typed name on the line.
                    let p = crate::domain::quickadd::parse(&q.input.text(), self.now);
                    let rest = q.input.text().replacen(p.name.trim(), &chosen.1, 1);
                    q.input = LineInput::new(&rest, Vec::new());
                    q.update(&self.store, self.now, self.lang);
                }
                _ => return false,
            }
            return true;
        }
        match q.input.handle(ev) {
            LineEvent::Ignored => false,
            LineEvent::Changed => {
                q.confirm_past = false;
                q.update(&self.store, self.now, self.lang);
                true
            }
            LineEvent::Cancel => {
                self.mode = Mode::Normal;
                true
            }
            LineEvent::Submit(_) => {
                q.update(&self.store, self.now, self.lang);
                match q.preview.clone() {
                    Preview::Ambiguous(ids) => q.pick = Some(Pick { ids, selected: 0 }),
                    Preview::Ready { past: true, .. } if !q.confirm_past => q.confirm_past = true,
                    Preview::Ready {
                        mut new, citizen, ..
                    } => {
                        new.uuid = uuid::Uuid::new_v4().to_string();
                        if let Err(e) = self.plan_new(&new, &citizen) {
                            self.message = Some(format!("{e:#}"));
                        }
                    }
                    Preview::Empty | Preview::For(_) | Preview::Problems(_) => {}
                }
                true
            }
        }
    }

    /// Opens the quick-add line, for the selected row's citizen if there is one.
    pub(super) fn quick_add_for_selection(&mut self) -> Result<()> {
        let prefill = match self.state().list.selected_row().and_then(Row::citizen_id) {
            Some(id) => Some((id, self.store.citizen(id)?.name)),
            None => None,
        };
        self.open_quick_add("", prefill)
    }

    /// Opens the full form for a new appointment, for the selected row's citizen if there is one.
    pub(super) fn open_full_form(&mut self) -> Result<()> {
        let citizen = match self.state().list.selected_row().and_then(Row::citizen_id) {
            Some(id) => Some(self.store.citizen(id)?.name),
            None => None,
        };
        let q = QuickAdd::open(&self.store, "", None)?;
        let form =
            super::super::form::Form::new(q.citizens, citizen.as_deref(), self.now, self.lang);
        self.mode = Mode::Form(Box::new(form));
        Ok(())
    }
}
