//! `S` in the Closure pane: a new closure's range, "from to [name]", prefilled with the next
//! two weeks (selected: the first key typed replaces it).

use chrono::Duration;
use ratatui::Frame;
use ratatui::crossterm::event::Event;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::Line;

use super::{Ctx, Effect, Overlay};
use crate::domain::closure::NewClosure;
use crate::ui::action::Action;
use crate::ui::keymap::Scope;
use crate::ui::widgets::boxes::text_box;
use crate::ui::widgets::line::{LineEvent, LineInput};

#[derive(Debug, Clone, PartialEq)]
pub struct StartClosure {
    pub input: LineInput,
    pub error: Option<String>,
}

impl StartClosure {
    pub fn new(ctx: &Ctx<'_>) -> StartClosure {
        let l = ctx.lang;
        let today = ctx.now.date();
        let initial = format!("{} {}", l.date(today), l.date(today + Duration::days(13)));
        let mut input = LineInput::new(&initial, Vec::new());
        input.area.select_all();
        StartClosure { input, error: None }
    }

    /// "23.11.2026 04.12.2026 Vinter 2026", "i morgen - uge 50 fre Jul": two days in the one
    /// date-time language, then an optional name.
    fn parse(&self, ctx: &Ctx<'_>) -> Result<NewClosure, String> {
        let text = self.input.text();
        if text.trim().is_empty() {
            return Err(ctx.lang.w().closure_range_help.to_string());
        }
        let range = crate::domain::when::parse_date_range(&text, ctx.now.date())
            .map_err(|p| p.text(ctx.lang.da()).to_string())?;
        let (from, to) = (range.from, range.to);
        let name = if range.rest.trim().is_empty() {
            crate::i18n::closure::default_name(ctx.lang, from)
        } else {
            range.rest.trim().to_string()
        };
        Ok(NewClosure {
            name,
            from,
            to,
            counts_held: false,
        })
    }
}

impl Overlay for StartClosure {
    fn scopes(&self) -> Vec<Scope> {
        vec![Scope::ClosureStart, Scope::Editing]
    }

    fn act(&mut self, action: Action, ctx: &Ctx<'_>) -> Vec<Effect> {
        match action {
            Action::Save => match self.parse(ctx) {
                Ok(c) => vec![Effect::StartClosure(c)],
                Err(e) => {
                    self.error = Some(e);
                    Vec::new()
                }
            },
            Action::Close => vec![Effect::Close],
            a => vec![Effect::Action(a)],
        }
    }

    fn input(&mut self, ev: &Event, _ctx: &Ctx<'_>) -> Vec<Effect> {
        if self.input.handle(ev) == LineEvent::Changed {
            self.error = None;
        }
        Vec::new()
    }

    fn draw(&self, ctx: &Ctx<'_>, f: &mut Frame<'_>, area: Rect) {
        let title = format!(" {} ", ctx.lang.w().closure_start_title);
        let below: Vec<(String, Style)> = self
            .error
            .iter()
            .map(|e| (e.clone(), Style::new().fg(Color::Red)))
            .collect();
        text_box(f, area, &title, Line::raw(""), &self.input, &below);
    }

    fn typing(&self) -> bool {
        true
    }

    fn failed(&mut self, msg: &str) -> bool {
        self.error = Some(msg.to_string());
        true
    }
}
