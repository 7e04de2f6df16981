//! The questions a series asks in the desk, each with one key per answer:
//!
//! - [`DaysOff`]: a new series lands on days off: skip them (`s`) or move each to the next
//!   working day (`f`)? Asked once, before the series is saved; Esc goes back to where it was
//!   typed.
//! - [`Which`]: moving, cancelling or editing an occurrence: only this one (`1`) or this and
//!   all following (`2`)?
//! - [`EndSeries`]: end the series (`X`): its planned appointments go, what was held or marked
//!   stays (j/n).

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::{Ctx, Effect, Mode, Overlay};
use crate::domain::text::sanitize_line;
use crate::domain::{Appointment, Status};
use crate::store::NewSeries;
use crate::ui::action::Action;
use crate::ui::keymap::Scope;
use crate::ui::widgets::boxes::prompt;

/// A new series lands on days off: skip or move them?
#[derive(Debug, Clone, PartialEq)]
pub struct DaysOff {
    /// Where the series was typed (quick-add or the form): Esc goes back there.
    pub back: Box<Mode>,
    pub series: Box<NewSeries>,
    pub citizen: String,
    /// The days off the series lands on.
    pub days: Vec<NaiveDate>,
}

impl Overlay for DaysOff {
    fn scopes(&self) -> Vec<Scope> {
        vec![Scope::SeriesDaysOff]
    }

    fn act(&mut self, action: Action, _ctx: &Ctx<'_>) -> Vec<Effect> {
        match action {
            Action::DaysOff(on) => {
                let mut series = self.series.clone();
                series.recurrence.on_day_off = on;
                vec![Effect::PlanSeries {
                    series,
                    citizen: self.citizen.clone(),
                }]
            }
            Action::Close => vec![Effect::Open(self.back.clone())],
            a => vec![Effect::Action(a)],
        }
    }

    fn draw(&self, ctx: &Ctx<'_>, f: &mut Frame<'_>, area: Rect) {
        let title = format!(" {} ", sanitize_line(&self.citizen));
        prompt(f, area, &title, &days_off_question(ctx, &self.days));
    }
}

/// "3 datoer er fridage (24.12, 31.12, …): s = spring over, f = flyt til næste arbejdsdag".
pub fn days_off_question(ctx: &Ctx<'_>, days: &[NaiveDate]) -> String {
    format!(
        "{}: {}",
        crate::i18n::series_days_off(ctx.lang, days),
        ctx.lang.t(
            "s = spring over, f = flyt til næste arbejdsdag",
            "s = skip them, f = move each to the next working day"
        )
    )
}

/// What is being done to an occurrence of a series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeriesOp {
    /// `m`: a new time.
    Move,
    /// `c`, `C`: cancelled (by the citizen, or by the consultant).
    Cancel(Status),
    /// `E`: length, channel, place.
    Edit,
}

/// Only this occurrence, or this and all following?
#[derive(Debug, Clone, PartialEq)]
pub struct Which {
    pub appointment: Box<Appointment>,
    pub op: SeriesOp,
    /// How often the series repeats, in words ("hver tirsdag kl. 10.00, til 30.03.2027").
    pub series: String,
}

impl Overlay for Which {
    fn scopes(&self) -> Vec<Scope> {
        vec![Scope::SeriesWhich]
    }

    fn act(&mut self, action: Action, ctx: &Ctx<'_>) -> Vec<Effect> {
        match action {
            Action::Following(following) => vec![Effect::SeriesOp {
                appointment: self.appointment.clone(),
                op: self.op,
                following,
            }],
            Action::Close => vec![
                Effect::Close,
                Effect::Message(ctx.lang.w().not_changed.to_string()),
            ],
            a => vec![Effect::Action(a)],
        }
    }

    fn draw(&self, ctx: &Ctx<'_>, f: &mut Frame<'_>, area: Rect) {
        let l = ctx.lang;
        let what = match self.op {
            SeriesOp::Move => l.t("Flyt", "Move"),
            SeriesOp::Cancel(_) => l.t("Aflys", "Cancel"),
            SeriesOp::Edit => l.t("Ret", "Edit"),
        };
        let title = format!(
            " {} · {} ",
            sanitize_line(&self.appointment.citizen),
            sanitize_line(&self.series)
        );
        let text = format!(
            "{what} {} {}: {}",
            l.short_day(self.appointment.start.date()),
            l.time(self.appointment.start.time()),
            l.t(
                "1 = kun denne, 2 = denne og alle følgende",
                "1 = only this, 2 = this and all following"
            )
        );
        prompt(f, area, &title, &text);
    }
}

/// End a series: its planned appointments go, what was held or marked stays.
#[derive(Debug, Clone, PartialEq)]
pub struct EndSeries {
    pub series_id: i64,
    pub citizen: String,
    /// The series in words, for the question and the undo step.
    pub series: String,
    /// How many of its appointments are still planned (they go).
    pub planned: usize,
}

impl Overlay for EndSeries {
    fn scopes(&self) -> Vec<Scope> {
        vec![Scope::Confirm]
    }

    fn act(&mut self, action: Action, ctx: &Ctx<'_>) -> Vec<Effect> {
        match action {
            Action::Yes => vec![
                Effect::Close,
                Effect::EndSeries {
                    series_id: self.series_id,
                    what: crate::i18n::series_ended(ctx.lang, &self.citizen, &self.series),
                },
            ],
            Action::No | Action::Close => vec![
                Effect::Close,
                Effect::Message(ctx.lang.w().not_changed.to_string()),
            ],
            a => vec![Effect::Action(a)],
        }
    }

    fn draw(&self, ctx: &Ctx<'_>, f: &mut Frame<'_>, area: Rect) {
        let title = format!(" {} ", sanitize_line(&self.citizen));
        prompt(
            f,
            area,
            &title,
            &crate::i18n::end_series_question(ctx.lang, &self.series, self.planned),
        );
    }
}
