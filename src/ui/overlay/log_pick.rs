//! `l`: what kind of unplanned contact to log with the citizen (1–6); the app logs it now and
//! offers the note.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Ctx, Effect, Overlay};
use crate::domain::text::sanitize_line;
use crate::domain::{Channel, Outcome};
use crate::ui::action::Action;
use crate::ui::keymap::Scope;
use crate::ui::layout::centered;
use crate::ui::theme::ACCENT;
use crate::ui::widgets::boxes::frame;

/// The unplanned contacts `l` offers, in the order of `Words::log_options`.
pub const LOG_OPTIONS: [(Outcome, Channel, i64); 6] = [
    (Outcome::Reached, Channel::Phone, 5),
    (Outcome::NotReached, Channel::Phone, 0),
    (Outcome::MessageLeft, Channel::Phone, 1),
    (Outcome::Held, Channel::Phone, 20),
    (Outcome::Held, Channel::InPerson, 45),
    (Outcome::Held, Channel::Video, 30),
];

#[derive(Debug, Clone, PartialEq)]
pub struct LogPick {
    pub citizen_id: i64,
    pub citizen: String,
}

impl Overlay for LogPick {
    fn scopes(&self) -> Vec<Scope> {
        vec![Scope::LogPick]
    }

    fn act(&mut self, action: Action, _ctx: &Ctx<'_>) -> Vec<Effect> {
        match action {
            Action::Choose(i) if i < LOG_OPTIONS.len() => {
                let (outcome, channel, minutes) = LOG_OPTIONS[i];
                vec![Effect::Log {
                    citizen_id: self.citizen_id,
                    citizen: self.citizen.clone(),
                    outcome,
                    channel,
                    minutes,
                }]
            }
            Action::Close => vec![Effect::Close],
            a => vec![Effect::Action(a)],
        }
    }

    fn draw(&self, ctx: &Ctx<'_>, f: &mut Frame<'_>, area: Rect) {
        let w = ctx.lang.w();
        let lines: Vec<Line<'_>> = w
            .log_options
            .iter()
            .enumerate()
            .map(|(i, label)| {
                Line::from(vec![
                    Span::styled(
                        format!("  {}  ", i + 1),
                        Style::new().fg(ACCENT).add_modifier(Modifier::BOLD),
                    ),
                    Span::raw(*label),
                ])
            })
            .collect();
        let r = centered(area, 60, lines.len() as u16 + 2);
        let title = format!(" {} · {} ", sanitize_line(&self.citizen), w.log_title);
        let inner = frame(f, r, &title, ACCENT);
        f.render_widget(Paragraph::new(lines), inner);
    }
}
