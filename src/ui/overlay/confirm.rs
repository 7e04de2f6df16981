//! The desk's yes/no questions: erasing a citizen, converting every in-person appointment,
//! whether a citizen reached on the call-round accepted, an unusual mark (re-marking, a future
//! appointment held), a first conversation not held in person that should count all the same. j/y, n or Esc; what each answer does is in [`Question`].

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::{Ctx, Effect, Overlay};
use crate::domain::Status;
use crate::domain::text::sanitize_line;
use crate::ui::action::Action;
use crate::ui::keymap::Scope;
use crate::ui::layout::centered;
use crate::ui::widgets::boxes::{frame, prompt};

/// What is asked, and what a yes does.
#[derive(Debug, Clone, PartialEq)]
pub enum Question {
    /// Erase the citizen and everything about them (no undo).
    Erase { citizen_id: i64 },
    /// Convert every in-person appointment of the open closure.
    ConvertAll { count: usize },
    /// Reached on the call-round: did the citizen accept? (Esc records the call without.)
    Accepted { citizen_id: i64 },
    /// Mark an appointment that is already marked, or hold one not yet begun.
    Mark { appointment_id: i64, status: Status },
    /// Delete a log entry (undoable while the desk is open).
    DeleteContact { id: i64, what: String },
    /// A first conversation held by phone or video was logged as not counting (it must be held
    /// in person): count it all the same? n (the default) keeps it not counting.
    FirstInPerson { contact_id: i64 },
    /// End the open closure today (`E` in the Closure pane; no undo: the store cannot reopen
    /// a closure, and the question says so).
    EndClosure,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Confirm {
    pub question: Question,
    /// Whom it is about (the title).
    pub citizen: String,
    /// The question in words (may have several lines).
    pub text: String,
}

impl Confirm {
    pub fn erase(citizen_id: i64, citizen: &str, text: String) -> Confirm {
        Confirm {
            question: Question::Erase { citizen_id },
            citizen: citizen.to_string(),
            text,
        }
    }

    pub fn convert_all(count: usize, ctx: &Ctx<'_>) -> Confirm {
        Confirm {
            question: Question::ConvertAll { count },
            citizen: ctx.lang.t("Nedlukning", "Closure").to_string(),
            text: format!("{count} {}", ctx.lang.w().confirm_convert),
        }
    }

    pub fn accepted(citizen_id: i64, citizen: &str, ctx: &Ctx<'_>) -> Confirm {
        Confirm {
            question: Question::Accepted { citizen_id },
            citizen: citizen.to_string(),
            text: ctx.lang.w().accept_title.to_string(),
        }
    }

    pub fn mark(appointment_id: i64, status: Status, citizen: &str, text: String) -> Confirm {
        Confirm {
            question: Question::Mark {
                appointment_id,
                status,
            },
            citizen: citizen.to_string(),
            text,
        }
    }

    /// "Afslut nedlukningen "…" i dag (23.11.2026)? … (j/n)".
    pub fn end_closure(closure: &crate::domain::closure::Closure, ctx: &Ctx<'_>) -> Confirm {
        let l = ctx.lang;
        Confirm {
            question: Question::EndClosure,
            citizen: crate::i18n::closure_desk::end_title(l).to_string(),
            text: crate::i18n::closure_desk::end_question(l, closure, ctx.now.date()),
        }
    }

    /// "Første samtale skal holdes ved personligt fremmøde – tæller ikke med. Tæl den alligevel?
    /// (j/n)".
    pub fn first_in_person(contact_id: i64, citizen: &str, ctx: &Ctx<'_>) -> Confirm {
        Confirm {
            question: Question::FirstInPerson { contact_id },
            citizen: citizen.to_string(),
            text: crate::i18n::first_in_person_question(ctx.lang).to_string(),
        }
    }

    /// "Slet kontakten man 23.11 10.30 Jens Hansen? (j/n)".
    pub fn delete_contact(c: &crate::domain::Contact, ctx: &Ctx<'_>) -> Confirm {
        let l = ctx.lang;
        let when = format!("{} {}", l.short_day(c.at.date()), l.time(c.at.time()));
        Confirm {
            question: Question::DeleteContact {
                id: c.id,
                what: crate::i18n::contact_deleted(l, &format!("{when} {}", c.citizen)),
            },
            citizen: c.citizen.clone(),
            text: format!(
                "{} {when} {}? ({})",
                l.t("Slet kontakten", "Delete the contact"),
                c.citizen,
                l.t("j/n", "y/n")
            ),
        }
    }

    fn answer(&self, yes: Option<bool>, ctx: &Ctx<'_>) -> Vec<Effect> {
        let mut out = vec![Effect::Close];
        match (&self.question, yes) {
            (Question::Erase { citizen_id }, Some(true)) => out.push(Effect::Erase(*citizen_id)),
            (Question::ConvertAll { .. }, Some(true)) => out.push(Effect::ConvertAll),
            (Question::EndClosure, Some(true)) => out.push(Effect::EndClosure),
            (Question::EndClosure, _) => out.push(Effect::Message(
                crate::i18n::closure_desk::still_open(ctx.lang).to_string(),
            )),
            (Question::Accepted { citizen_id }, accepted) => out.push(Effect::Reached {
                citizen_id: *citizen_id,
                citizen: self.citizen.clone(),
                accepted,
            }),
            (
                Question::Mark {
                    appointment_id,
                    status,
                },
                Some(true),
            ) => out.push(Effect::Mark {
                appointment_id: *appointment_id,
                status: *status,
            }),
            (Question::DeleteContact { id, what }, Some(true)) => out.push(Effect::DeleteContact {
                id: *id,
                what: what.clone(),
            }),
            (Question::FirstInPerson { contact_id }, yes) => out.push(Effect::FirstCounts {
                contact_id: *contact_id,
                citizen: self.citizen.clone(),
                counts: yes == Some(true),
            }),
            (Question::Mark { .. } | Question::DeleteContact { .. }, _) => {
                out.push(Effect::Message(ctx.lang.w().not_changed.to_string()))
            }
            (Question::Erase { .. } | Question::ConvertAll { .. }, _) => {}
        }
        out
    }
}

impl Overlay for Confirm {
    fn scopes(&self) -> Vec<Scope> {
        vec![Scope::Confirm]
    }

    fn act(&mut self, action: Action, ctx: &Ctx<'_>) -> Vec<Effect> {
        match action {
            Action::Yes => self.answer(Some(true), ctx),
            Action::No => self.answer(Some(false), ctx),
            Action::Close => self.answer(None, ctx),
            a => vec![Effect::Action(a)],
        }
    }

    fn draw(&self, ctx: &Ctx<'_>, f: &mut Frame<'_>, area: Rect) {
        if let Question::Erase { .. } = self.question {
            // Erasing is for good: a box in red with the counts of what goes.
            let lines: Vec<Line<'_>> = self
                .text
                .lines()
                .map(|l| Line::raw(l.to_string()))
                .chain([
                    Line::raw(""),
                    Line::styled(
                        ctx.lang.t("Slet for altid? j/n", "Erase for good? y/n"),
                        Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
                    ),
                ])
                .collect();
            let r = centered(area, 80, 10);
            let inner = frame(f, r, "", Color::Red);
            f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
            return;
        }
        let title = format!(" {} ", sanitize_line(&self.citizen));
        prompt(f, area, &title, &self.text);
    }
}
