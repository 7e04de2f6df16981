//! `e` on the card: the citizen's living summary in a multi-line editor. Ctrl+S saves, Esc
//! closes, and asks first when the text was changed ("save the changes? j/n/Esc"). What is typed
//! is a draft (saved a second after typing stops).

use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyCode, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use ratatui_textarea::TextArea;

use super::{Ctx, Effect, Overlay};
use crate::domain::text::sanitize_line;
use crate::store::DraftKind;
use crate::ui::action::Action;
use crate::ui::keymap::Scope;
use crate::ui::layout::centered;
use crate::ui::theme::ACCENT;
use crate::ui::widgets::boxes::{frame, prompt};

/// The multi-line editor (ratatui-textarea); equal when the text is.
#[derive(Debug, Clone)]
pub struct Editor(pub TextArea<'static>);

impl PartialEq for Editor {
    fn eq(&self, other: &Self) -> bool {
        self.0.lines() == other.0.lines()
    }
}

/// A multi-line editor holding `text`, the cursor at its end.
pub fn editor(text: &str) -> Editor {
    let lines: Vec<String> = if text.is_empty() {
        vec![String::new()]
    } else {
        text.lines().map(str::to_string).collect()
    };
    let mut t = TextArea::new(lines);
    t.set_cursor_line_style(ratatui::style::Style::new());
    t.move_cursor(ratatui_textarea::CursorMove::Bottom);
    t.move_cursor(ratatui_textarea::CursorMove::End);
    Editor(t)
}

#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub citizen_id: i64,
    pub citizen: String,
    pub editor: Editor,
    /// The saved summary, to tell whether there are changes.
    pub original: String,
    /// Esc with changes: "save the changes? (y/n/Esc)" is asked.
    pub asking: bool,
}

impl Summary {
    /// The editor on `text` (the saved summary, or a recovered draft of it).
    pub fn new(citizen_id: i64, citizen: &str, original: &str, text: &str) -> Summary {
        Summary {
            citizen_id,
            citizen: citizen.to_string(),
            editor: editor(text),
            original: original.to_string(),
            asking: false,
        }
    }

    pub fn text(&self) -> String {
        self.editor.0.lines().join("\n")
    }

    pub fn draft(&self) -> (DraftKind, i64, String) {
        (DraftKind::Summary, self.citizen_id, self.text())
    }

    /// Whether the text differs from the saved summary.
    pub fn changed(&self) -> bool {
        self.text().trim_end() != self.original.trim_end()
    }

    fn save(&self) -> Vec<Effect> {
        vec![Effect::SaveSummary {
            citizen_id: self.citizen_id,
            text: self.text().trim_end().to_string(),
        }]
    }

    /// Closes without saving: the draft goes, the card comes back.
    fn discard(&self) -> Vec<Effect> {
        vec![
            Effect::DropDraft(DraftKind::Summary, self.citizen_id),
            Effect::OpenCard(self.citizen_id),
        ]
    }
}

impl Overlay for Summary {
    fn scopes(&self) -> Vec<Scope> {
        if self.asking {
            vec![Scope::Confirm]
        } else {
            vec![Scope::Editor, Scope::Editing]
        }
    }

    fn act(&mut self, action: Action, _ctx: &Ctx<'_>) -> Vec<Effect> {
        match (self.asking, action) {
            (true, Action::Yes) | (false, Action::Save) => self.save(),
            (true, Action::No) => self.discard(),
            (true, Action::Close) => {
                self.asking = false;
                Vec::new()
            }
            (false, Action::Close) if self.changed() => {
                self.asking = true;
                Vec::new()
            }
            (false, Action::Close) => self.discard(),
            (_, a) => vec![Effect::Action(a)],
        }
    }

    fn input(&mut self, ev: &Event, _ctx: &Ctx<'_>) -> Vec<Effect> {
        if self.asking {
            return Vec::new();
        }
        let changed = match ev {
            Event::Key(k)
                if k.modifiers
                    .contains(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                // AltGr on Windows: text, never a command.
                if let KeyCode::Char(c) = k.code {
                    self.editor.0.insert_char(c);
                }
                true
            }
            // Ctrl+U clears the line before the cursor and Ctrl+Z undoes, as in the one-line
            // fields.
            Event::Key(k)
                if k.modifiers.contains(KeyModifiers::CONTROL) && k.code == KeyCode::Char('u') =>
            {
                self.editor.0.delete_line_by_head()
            }
            Event::Key(k)
                if k.modifiers.contains(KeyModifiers::CONTROL) && k.code == KeyCode::Char('z') =>
            {
                self.editor.0.undo()
            }
            Event::Key(k) => self.editor.0.input(*k),
            Event::Paste(s) => {
                self.editor.0.insert_str(s.replace('\r', ""));
                true
            }
            _ => false,
        };
        if changed {
            vec![Effect::DraftChanged]
        } else {
            Vec::new()
        }
    }

    fn draw(&self, ctx: &Ctx<'_>, f: &mut Frame<'_>, area: Rect) {
        let r = centered(area, 90, 14);
        let title = format!(
            " {} · {} ",
            sanitize_line(&self.citizen),
            ctx.lang.w().summary_title
        );
        let inner = frame(f, r, &title, ACCENT);
        (&self.editor.0).render(inner, f.buffer_mut());
        if self.asking {
            let title = format!(" {} ", sanitize_line(&self.citizen));
            prompt(f, area, &title, ctx.lang.w().save_changes);
        }
    }

    fn typing(&self) -> bool {
        !self.asking
    }
}
