//! The journal-ready text after `y` / `Y`: it went to the clipboard (OSC 52), or, where it could
//! not, it is shown to select by hand. `o` marks the entries transferred (one undo step), Esc
//! closes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::{Ctx, Effect, Overlay};
use crate::domain::text::sanitize_line;
use crate::i18n::queue as words;
use crate::ui::action::Action;
use crate::ui::keymap::Scope;
use crate::ui::layout::centered;
use crate::ui::widgets::boxes::frame;

#[derive(Debug, Clone, PartialEq)]
pub struct Copied {
    pub citizen: String,
    pub text: String,
    /// The entries `o` marks transferred (none when they already are).
    pub ids: Vec<i64>,
    /// Whether the text went to the clipboard.
    pub sent: bool,
}

impl Copied {
    pub fn new(citizen: &str, text: String, ids: Vec<i64>, sent: bool) -> Copied {
        Copied {
            citizen: citizen.to_string(),
            text,
            ids,
            sent,
        }
    }
}

impl Overlay for Copied {
    fn scopes(&self) -> Vec<Scope> {
        vec![Scope::Copied]
    }

    fn act(&mut self, action: Action, _ctx: &Ctx<'_>) -> Vec<Effect> {
        match action {
            Action::Transferred if !self.ids.is_empty() => vec![
                Effect::Close,
                Effect::MarkTransferred(std::mem::take(&mut self.ids)),
            ],
            Action::Transferred | Action::Close => vec![Effect::Close],
            a => vec![Effect::Action(a)],
        }
    }

    fn draw(&self, ctx: &Ctx<'_>, f: &mut Frame<'_>, area: Rect) {
        let l = ctx.lang;
        let mut lines: Vec<Line<'_>> = vec![
            Line::styled(
                words::copied_title(l, self.sent),
                Style::new().add_modifier(Modifier::BOLD),
            ),
            Line::raw(""),
        ];
        lines.extend(self.text.lines().map(|s| Line::raw(sanitize_line(s))));
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            words::copied_offer(l, self.ids.len()),
            Style::new().fg(Color::Yellow),
        ));
        let height = (lines.len() as u16 + 2).min(area.height);
        let r = centered(area, 80, height);
        let inner = frame(
            f,
            r,
            &format!(" {} ", sanitize_line(&self.citizen)),
            Color::Cyan,
        );
        f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    }
}
