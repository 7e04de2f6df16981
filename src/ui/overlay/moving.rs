//! `m`: the new time of an appointment. The field starts with the old time, selected, so the
//! first key typed replaces it. Enter checks the time and its plan warnings (after the
//! citizen's deadline, a day off, a weekend, the past, a clash: shown once; Enter again moves
//! anyway); the move itself is the app's, which then offers the note.

use ratatui::Frame;
use ratatui::crossterm::event::Event;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
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
    pub citizen_id: i64,
    pub kind: crate::domain::Kind,
    pub channel: crate::domain::Channel,
    /// What is wrong with the time typed.
    pub error: Option<String>,
    /// The plan warnings of the new time (as `jobdesk plan` gives them: after the deadline, a
    /// day off, a weekend, the past, an overlap), each on its own line.
    pub warnings: Vec<String>,
    /// The warnings were shown: Enter again moves anyway.
    pub confirm: bool,
    /// "This and all following" of a series: only a new time of day is typed, and each
    /// planned occurrence from this one on keeps its date and gets it.
    pub following: bool,
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
            citizen_id: a.citizen_id,
            kind: a.kind,
            channel: a.channel,
            input,
            error: None,
            warnings: Vec::new(),
            confirm: false,
            following: false,
        }
    }

    /// The new time of day for this occurrence of a series and all following.
    pub fn following(a: &Appointment, ctx: &Ctx<'_>) -> Move {
        let mut m = Move::new(a, ctx);
        m.input = LineInput::new(&ctx.lang.time(a.start.time()), Vec::new());
        m.input.area.select_all();
        m.following = true;
        m
    }

    /// Enter in "this and all following": the new time of day for every planned occurrence.
    fn save_following(&mut self, ctx: &Ctx<'_>) -> Vec<Effect> {
        match crate::domain::when::parse_time(&self.input.text()) {
            Ok(time) => vec![Effect::Following {
                appointment_id: self.appointment_id,
                edit: Box::new(crate::store::FollowingEdit {
                    time: Some(time),
                    ..Default::default()
                }),
                what: format!(
                    "{} {}",
                    ctx.lang.t("flyttet til kl.", "moved to"),
                    ctx.lang.time(time)
                ),
            }],
            Err(p) => {
                self.error = Some(p.text(ctx.lang.da()).to_string());
                Vec::new()
            }
        }
    }

    /// The plan warnings for moving it to `start` (no overlap with itself).
    fn warnings(&self, start: chrono::NaiveDateTime, ctx: &Ctx<'_>) -> Vec<String> {
        let new = crate::domain::NewAppointment {
            uuid: String::new(),
            citizen_id: self.citizen_id,
            kind: self.kind,
            start,
            minutes: self.minutes,
            channel: self.channel,
            place: String::new(),
            status: crate::domain::Status::Planned,
            reason: String::new(),
        };
        super::plan_warnings(
            ctx.store,
            ctx.now,
            ctx.lang,
            &new,
            Some(self.appointment_id),
        )
    }
}

impl Overlay for Move {
    fn scopes(&self) -> Vec<Scope> {
        vec![Scope::Move, Scope::Editing]
    }

    fn act(&mut self, action: Action, ctx: &Ctx<'_>) -> Vec<Effect> {
        match action {
            Action::Save if self.following => self.save_following(ctx),
            Action::Save => {
                let text = self.input.text();
                let start = match crate::domain::when::parse_datetime(&text, ctx.now, None) {
                    Ok(s) => s,
                    Err(p) => {
                        self.error = Some(p.text(ctx.lang.da()).to_string());
                        self.warnings.clear();
                        self.confirm = false;
                        return Vec::new();
                    }
                };
                if !self.confirm {
                    let warnings = self.warnings(start, ctx);
                    if !warnings.is_empty() {
                        self.error = None;
                        self.warnings = warnings;
                        self.confirm = true;
                        return Vec::new();
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
            self.warnings.clear();
            self.confirm = false;
        }
        Vec::new()
    }

    fn draw(&self, ctx: &Ctx<'_>, f: &mut Frame<'_>, area: Rect) {
        let title = if self.following {
            format!(
                " {} · {} ",
                sanitize_line(&self.citizen),
                ctx.lang.t(
                    "denne og alle følgende: nyt klokkeslæt",
                    "this and all following: new time of day"
                )
            )
        } else {
            format!(
                " {} · {} ",
                sanitize_line(&self.citizen),
                ctx.lang.w().move_title
            )
        };
        let warn = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
        let mut below: Vec<(String, Style)> = self
            .error
            .iter()
            .map(|e| (e.clone(), Style::new().fg(Color::Red)))
            .collect();
        below.extend(self.warnings.iter().map(|w| (w.clone(), warn)));
        if !self.warnings.is_empty() {
            below.push((ctx.lang.w().clash_again.to_string(), warn));
        }
        text_box(f, area, &title, Line::raw(""), &self.input, &below);
    }

    fn typing(&self) -> bool {
        true
    }

    fn failed(&mut self, msg: &str) -> bool {
        self.error = Some(msg.to_string());
        self.warnings.clear();
        self.confirm = false;
        true
    }
}
