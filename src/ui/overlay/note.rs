//! The one-line note offered after marking, moving or logging a contact. Enter saves it (an
//! empty line saves nothing), Esc skips it (the contact keeps the note it has), Tab completes
//! from the snippets. What is typed is a draft (saved a second after typing stops).

use ratatui::Frame;
use ratatui::crossterm::event::Event;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

use super::{Ctx, Effect, Overlay};
use crate::domain::text::sanitize_line;
use crate::store::DraftKind;
use crate::ui::action::Action;
use crate::ui::keymap::Scope;
use crate::ui::widgets::boxes::text_box;
use crate::ui::widgets::line::{LineEvent, LineInput};

#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub contact_id: i64,
    pub citizen: String,
    pub input: LineInput,
    /// What follows when the note is saved or left (the closure's quick-add after "takker ja").
    pub then: Option<Box<Effect>>,
    /// The prompts of the conversation's type ("Aftalt:", "Næste skridt:"): shown in the empty
    /// line and under it, and offered first by Tab.
    pub prompts: Vec<String>,
}

impl Note {
    pub fn new(contact_id: i64, citizen: String, text: &str, snippets: Vec<String>) -> Note {
        Note {
            contact_id,
            citizen,
            input: LineInput::new(text, snippets),
            then: None,
            prompts: Vec::new(),
        }
    }

    /// The note of a conversation type: its prompts shown, and Tab completes from the prompts
    /// and the type's snippets (`snippets`).
    pub fn typed(
        contact_id: i64,
        citizen: String,
        text: &str,
        prompts: &[String],
        snippets: &[String],
    ) -> Note {
        let all: Vec<String> = prompts.iter().chain(snippets).cloned().collect();
        let mut note = Note::new(contact_id, citizen, text, all);
        note.prompts = prompts.to_vec();
        note
    }

    /// The note, with `then` to follow it.
    pub fn then(self, then: Option<Effect>) -> Note {
        Note {
            then: then.map(Box::new),
            ..self
        }
    }

    pub fn draft(&self) -> (DraftKind, i64, String) {
        (DraftKind::Note, self.contact_id, self.input.text())
    }
}

impl Overlay for Note {
    fn scopes(&self) -> Vec<Scope> {
        vec![Scope::Note, Scope::Editing]
    }

    fn act(&mut self, action: Action, _ctx: &Ctx<'_>) -> Vec<Effect> {
        let drop = Effect::DropDraft(DraftKind::Note, self.contact_id);
        let then = self.then.as_deref().cloned();
        match action {
            Action::Save => vec![
                Effect::Close,
                drop,
                Effect::SaveNote {
                    contact_id: self.contact_id,
                    text: self.input.text(),
                },
            ]
            .into_iter()
            .chain(then)
            .collect(),
            Action::Close => [Effect::Close, drop].into_iter().chain(then).collect(),
            Action::Snippet => {
                self.input.handle(&tab());
                vec![Effect::DraftChanged]
            }
            a => vec![Effect::Action(a)],
        }
    }

    fn input(&mut self, ev: &Event, _ctx: &Ctx<'_>) -> Vec<Effect> {
        match self.input.handle(ev) {
            LineEvent::Changed => vec![Effect::DraftChanged],
            _ => Vec::new(),
        }
    }

    fn draw(&self, ctx: &Ctx<'_>, f: &mut Frame<'_>, area: Rect) {
        let w = ctx.lang.w();
        let title = format!(" {} · {} ", sanitize_line(&self.citizen), w.note_title);
        let len = self.input.len();
        let limit = ctx.config.note_soft_limit;
        let (count, style) = if len > limit {
            (
                format!(" {len}/{limit} {} ", w.soft_limit),
                Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            )
        } else {
            (format!(" {len}/{limit} "), Style::new().fg(Color::Gray))
        };
        let below: Vec<(String, Style)> = if self.prompts.is_empty() {
            Vec::new()
        } else {
            vec![(
                crate::i18n::voice::note_prompts(ctx.lang, &self.prompts),
                Style::new().fg(Color::Gray),
            )]
        };
        text_box(
            f,
            area,
            &title,
            Line::from(Span::styled(count, style)),
            &self.input,
            &below,
        );
    }

    fn typing(&self) -> bool {
        true
    }
}

/// The Tab key, for the line's snippet completion.
fn tab() -> Event {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    Event::Key(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE))
}
