//! `m`: the new time of an appointment. The field starts with the old time, selected, so the
//! first key typed replaces it. Enter checks the time and the clashes it would make (shown
//! once; Enter again moves anyway); the move itself is the app's, which then offers the note.

use ratatui::Frame;
use ratatui::crossterm::event::Event;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::Line;

use super::{Ctx, Effect, Overlay};
use crate::domain::Appointment;
use crate::domain::text::sanitize_line;
use crate::ui::action::Action;
use crate::ui::keymap::Scope;
use crate::ui::widgets::boxes::text_box;
use crate::ui::widgets::line::{LineEvent, LineInput};

#[derive(Debug, Clone, PartialEq)]
pub struct Move {
    pub appointment_id: i64,
    pub citizen: String,
    pub minutes: i64,
    pub input: LineInput,
    /// What is wrong with the time typed, or the clash it would make.
    pub error: Option<String>,
    /// The clash was shown: Enter again moves anyway.
    pub confirm_clash: bool,
}

impl Move {
    pub fn new(a: &Appointment, ctx: &Ctx<'_>) -> Move {
        let l = ctx.lang;
        let initial = format!("{} {}", l.date(a.start.date()), l.time(a.start.time()));
        let mut input = LineInput::new(&initial, Vec::new());
        input.area.select_all();
        Move {
            appointment_id: a.id,
            citizen: a.citizen.clone(),
            minutes: a.minutes,
            input,
            error: None,
            confirm_clash: false,
        }
    }

    /// The clash warning for `start`, if it overlaps another planned appointment.
    fn clash(
        &self,
        start: chrono::NaiveDateTime,
        ctx: &Ctx<'_>,
    ) -> crate::error::Result<Option<String>> {
        let l = ctx.lang;
        let clashes: Vec<String> = ctx
            .store
            .overlapping(start, self.minutes, Some(self.appointment_id))?
            .into_iter()
            .map(|a| format!("{} {}", l.time(a.start.time()), a.citizen))
            .collect();
        Ok((!clashes.is_empty()).then(|| {
            format!(
                "⚠ {} – {}: {}",
                l.w().overlaps,
                l.w().clash_again,
                clashes.join(", ")
            )
        }))
    }
}

impl Overlay for Move {
    fn scopes(&self) -> Vec<Scope> {
        vec![Scope::Move, Scope::Editing]
    }

    fn act(&mut self, action: Action, ctx: &Ctx<'_>) -> Vec<Effect> {
        match action {
            Action::Save => {
                let text = self.input.text();
                let start = match crate::domain::when::parse_datetime(&text, ctx.now, None) {
                    Ok(s) => s,
                    Err(p) => {
                        self.error = Some(p.text(ctx.lang.da()).to_string());
                        self.confirm_clash = false;
                        return Vec::new();
                    }
                };
                if !self.confirm_clash {
                    match self.clash(start, ctx) {
                        Ok(Some(w)) => {
                            self.error = Some(w);
                            self.confirm_clash = true;
                            return Vec::new();
                        }
                        Ok(None) => {}
                        Err(e) => {
                            self.error = Some(format!("{e:#}"));
                            return Vec::new();
                        }
                    }
                }
                vec![Effect::Moved {
                    appointment_id: self.appointment_id,
                    citizen: self.citizen.clone(),
                    start,
                }]
            }
            Action::Close => vec![Effect::Close],
            a => vec![Effect::Action(a)],
        }
    }

    fn input(&mut self, ev: &Event, _ctx: &Ctx<'_>) -> Vec<Effect> {
        if self.input.handle(ev) == LineEvent::Changed {
            self.error = None;
            self.confirm_clash = false;
        }
        Vec::new()
    }

    fn draw(&self, ctx: &Ctx<'_>, f: &mut Frame<'_>, area: Rect) {
        let title = format!(
            " {} · {} ",
            sanitize_line(&self.citizen),
            ctx.lang.w().move_title
        );
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
        self.confirm_clash = false;
        true
    }
}
