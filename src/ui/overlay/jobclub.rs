//! `J` in Today: the job club. The attendance list of a day's session (the citizens expected,
//! one key each for present / absent / exempt, the exemption that covers the session shown),
//! and with `w` the week's exemptions (who is exempt and why), to add, edit and remove. An
//! exemption is a small form: from–to, time of day, weekdays, reason; the store refuses an
//! overlap with its message, shown in the form.

use chrono::{Duration, NaiveDate, Weekday};
use ratatui::Frame;
use ratatui::crossterm::event::Event;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::{Ctx, Effect, Mode, Overlay};
use crate::domain::jobclub::{AttendanceRow, Exemption, Mark, Session, week_start};
use crate::domain::text::{sanitize_line, truncate};
use crate::i18n::Lang;
use crate::i18n::voice as words;
use crate::ui::action::Action;
use crate::ui::keymap::Scope;
use crate::ui::layout::centered;
use crate::ui::theme::ACCENT;
use crate::ui::widgets::line::LineInput;

#[derive(Debug, Clone, PartialEq)]
pub struct JobClub {
    /// The day shown (the week of it in the exemptions view).
    pub date: NaiveDate,
    /// The week's exemptions instead of the day's attendance.
    pub week: bool,
    pub session: Option<Session>,
    pub rows: Vec<AttendanceRow>,
    pub exemptions: Vec<(Exemption, String)>,
    pub selected: usize,
}

impl JobClub {
    pub fn new(ctx: &Ctx<'_>, date: NaiveDate) -> JobClub {
        let mut j = JobClub {
            date,
            week: false,
            session: None,
            rows: Vec::new(),
            exemptions: Vec::new(),
            selected: 0,
        };
        j.reload(ctx);
        j
    }

    /// Reads the session's list and the week's exemptions again (after a change).
    pub fn reload(&mut self, ctx: &Ctx<'_>) {
        self.session = ctx.config.jobclub_schedule().session_on(self.date);
        self.rows = match &self.session {
            Some(s) => ctx.store.attendance(s).unwrap_or_default(),
            None => Vec::new(),
        };
        let monday = week_start(self.date);
        self.exemptions = ctx
            .store
            .exemptions_between(monday, monday + Duration::days(6))
            .unwrap_or_default();
        self.selected = self.selected.min(self.len().saturating_sub(1));
    }

    fn len(&self) -> usize {
        if self.week {
            self.exemptions.len()
        } else {
            self.rows.len()
        }
    }

    fn row(&self) -> Option<&AttendanceRow> {
        (!self.week).then(|| self.rows.get(self.selected)).flatten()
    }

    fn exemption(&self) -> Option<&(Exemption, String)> {
        self.week
            .then(|| self.exemptions.get(self.selected))
            .flatten()
    }

    fn back(&self) -> Box<JobClub> {
        Box::new(self.clone())
    }
}

impl Overlay for JobClub {
    fn scopes(&self) -> Vec<Scope> {
        let mut v = Vec::new();
        if self.row().is_some() {
            v.push(Scope::JobClubDay);
        }
        if self.exemption().is_some() {
            v.push(Scope::JobClubWeek);
        }
        v.push(Scope::JobClub);
        v
    }

    fn act(&mut self, action: Action, ctx: &Ctx<'_>) -> Vec<Effect> {
        let step = if self.week { 7 } else { 1 };
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => {
                self.selected = (self.selected + 1).min(self.len().saturating_sub(1));
            }
            Action::PrevDay | Action::NextDay => {
                let sign = if action == Action::NextDay { 1 } else { -1 };
                self.date += Duration::days(sign * step);
                self.selected = 0;
                self.reload(ctx);
            }
            Action::ToggleWeek => {
                self.week = !self.week;
                self.selected = 0;
            }
            Action::Choose(i) if i < 3 => {
                if let (Some(r), Some(s)) = (self.row(), &self.session) {
                    let mark = [Mark::Present, Mark::Absent, Mark::Exempt][i];
                    let effect = Effect::Attendance {
                        citizen_id: r.citizen_id,
                        citizen: r.name.clone(),
                        date: s.date,
                        mark: Some(mark),
                        log: false,
                    };
                    // One key per citizen: the next one is selected for the next key.
                    self.selected = (self.selected + 1).min(self.len().saturating_sub(1));
                    return vec![effect];
                }
            }
            Action::LogAbsence => {
                if let (Some(r), Some(s)) = (self.row(), &self.session) {
                    return vec![Effect::Attendance {
                        citizen_id: r.citizen_id,
                        citizen: r.name.clone(),
                        date: s.date,
                        mark: Some(Mark::Absent),
                        log: true,
                    }];
                }
            }
            Action::DeleteEntry if !self.week => {
                if let (Some(r), Some(s)) = (self.row(), &self.session) {
                    return vec![Effect::Attendance {
                        citizen_id: r.citizen_id,
                        citizen: r.name.clone(),
                        date: s.date,
                        mark: None,
                        log: false,
                    }];
                }
            }
            Action::AddExemption => {
                if let Some(r) = self.row() {
                    let x = Exemption {
                        id: 0,
                        citizen_id: r.citizen_id,
                        from: self.date,
                        to: self.date,
                        time: None,
                        weekdays: Vec::new(),
                        reason: String::new(),
                    };
                    let form = ExemptionForm::new(ctx, x, r.name.clone(), self.back());
                    return vec![Effect::Open(Box::new(Mode::ExemptionForm(Box::new(form))))];
                }
            }
            Action::EditEntry => {
                if let Some((x, name)) = self.exemption() {
                    let form = ExemptionForm::new(ctx, x.clone(), name.clone(), self.back());
                    return vec![Effect::Open(Box::new(Mode::ExemptionForm(Box::new(form))))];
                }
            }
            Action::DeleteEntry => {
                if let Some((x, name)) = self.exemption() {
                    return vec![Effect::RemoveExemption {
                        id: x.id,
                        citizen: name.clone(),
                    }];
                }
            }
            Action::Close => return vec![Effect::Close],
            a => return vec![Effect::Action(a)],
        }
        Vec::new()
    }

    fn draw(&self, ctx: &Ctx<'_>, f: &mut Frame<'_>, area: Rect) {
        let l = ctx.lang;
        let (title, lines) = if self.week {
            (words::week_title(l, self.date), self.week_lines(l))
        } else {
            (
                words::session_title(l, self.date, self.session.as_ref()),
                self.day_lines(l),
            )
        };
        let width = 78u16.min(area.width);
        let h = (lines.len() as u16 + 2)
            .max(8)
            .min(area.height.saturating_sub(3));
        let r = centered(
            Rect {
                height: area.height.saturating_sub(1),
                ..area
            },
            width,
            h,
        );
        let inner_h = r.height.saturating_sub(2) as usize;
        // Keep the selection in view (the first line is the heading).
        let scroll = (self.selected + 2).saturating_sub(inner_h) as u16;
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(Style::new().fg(ACCENT))
            .title(truncate(&format!(" {title} "), width as usize - 2));
        f.render_widget(Clear, r);
        f.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), r);
    }
}

impl JobClub {
    fn day_lines(&self, l: Lang) -> Vec<Line<'static>> {
        let head = Style::new().add_modifier(Modifier::BOLD);
        let mut out = vec![Line::from(Span::styled(
            format!(
                "  {:<24}{:<12}{}",
                words::col_citizen(l),
                words::col_attendance(l),
                words::col_exemption(l)
            ),
            head,
        ))];
        if self.session.is_none() {
            out.push(Line::raw(format!("  {}", words::no_session(l))));
            return out;
        }
        if self.rows.is_empty() {
            out.push(Line::raw(format!("  {}", words::nobody_expected(l))));
        }
        for (i, r) in self.rows.iter().enumerate() {
            let mark = match (r.mark, r.effective()) {
                (Some(m), _) => words::mark(l, m).to_string(),
                (None, Some(m)) => format!("({})", words::mark(l, m)),
                (None, None) => "–".into(),
            };
            let ex = r
                .exemption
                .as_ref()
                .map(|x| exemption_text(l, x))
                .unwrap_or_default();
            let text = format!(
                "{} {:<24}{:<12}{}",
                if i == self.selected { "▶" } else { " " },
                truncate(&sanitize_line(&r.name), 23),
                mark,
                ex
            );
            let style = match r.effective() {
                Some(Mark::Absent) => Style::new().fg(Color::Red),
                Some(Mark::Exempt) => Style::new().fg(Color::Cyan),
                _ => Style::new(),
            };
            let style = if i == self.selected {
                style.add_modifier(Modifier::REVERSED)
            } else {
                style
            };
            out.push(Line::from(Span::styled(truncate(&text, 76), style)));
        }
        let count = |m: Mark| {
            self.rows
                .iter()
                .filter(|r| r.effective() == Some(m))
                .count()
        };
        out.push(Line::raw(""));
        out.push(Line::from(Span::styled(
            words::attendance_counts(
                l,
                self.rows.len(),
                count(Mark::Present),
                count(Mark::Absent),
                count(Mark::Exempt),
            ),
            Style::new().fg(Color::Gray),
        )));
        out
    }

    fn week_lines(&self, l: Lang) -> Vec<Line<'static>> {
        let head = Style::new().add_modifier(Modifier::BOLD);
        let mut out = vec![Line::from(Span::styled(
            format!(
                "  {:<22}{:<14}{}",
                words::col_citizen(l),
                words::col_period(l),
                words::col_exemption(l)
            ),
            head,
        ))];
        if self.exemptions.is_empty() {
            out.push(Line::raw(format!("  {}", words::no_exemptions(l))));
        }
        for (i, (x, name)) in self.exemptions.iter().enumerate() {
            let text = format!(
                "{} {:<22}{:<14}{}",
                if i == self.selected { "▶" } else { " " },
                truncate(&sanitize_line(name), 21),
                format!("{}–{}", l.day_month(x.from), l.day_month(x.to)),
                exemption_text(l, x)
            );
            let style = if i == self.selected {
                Style::new().add_modifier(Modifier::REVERSED)
            } else {
                Style::new()
            };
            out.push(Line::from(Span::styled(truncate(&text, 76), style)));
        }
        out
    }
}

/// "tir 09.00–14.00 kursus": the weekdays, the time of day and the reason.
fn exemption_text(l: Lang, x: &Exemption) -> String {
    let mut parts = Vec::new();
    if !x.weekdays.is_empty() {
        parts.push(words::weekdays(l, &x.weekdays));
    }
    if let Some((a, b)) = x.time {
        parts.push(format!("{}–{}", l.time(a), l.time(b)));
    }
    parts.push(sanitize_line(&x.reason));
    parts.join(" ")
}

/// Adding or editing an exemption: from, to, time of day, weekdays, reason.
#[derive(Debug, Clone, PartialEq)]
pub struct ExemptionForm {
    pub exemption: Exemption,
    pub citizen: String,
    pub fields: Vec<LineInput>,
    pub focus: usize,
    pub error: Option<String>,
    /// The job club to go back to.
    pub back: Box<JobClub>,
}

impl ExemptionForm {
    pub fn new(ctx: &Ctx<'_>, x: Exemption, citizen: String, back: Box<JobClub>) -> Self {
        let l = ctx.lang;
        let date = |d: NaiveDate| d.format("%d.%m.%Y").to_string();
        let time = x
            .time
            .map(|(a, b)| format!("{}-{}", l.time(a), l.time(b)))
            .unwrap_or_default();
        let values = [
            date(x.from),
            date(x.to),
            time,
            words::weekdays(l, &x.weekdays),
            x.reason.clone(),
        ];
        ExemptionForm {
            fields: values
                .iter()
                .map(|v| LineInput::new(v, Vec::new()))
                .collect(),
            exemption: x,
            citizen,
            focus: 0,
            error: None,
            back,
        }
    }

    /// The exemption the fields describe, or what is wrong.
    fn read(&self, ctx: &Ctx<'_>) -> Result<Exemption, String> {
        let l = ctx.lang;
        let today = ctx.now.date();
        let text = |i: usize| self.fields[i].text().trim().to_string();
        let date = |i: usize| {
            crate::domain::when::parse_date(&text(i), today)
                .map_err(|_| words::bad_field(l, words::field_names(l)[i], &text(i)))
        };
        let from = date(0)?;
        let to = if text(1).is_empty() { from } else { date(1)? };
        let time = if text(2).is_empty() {
            None
        } else {
            Some(
                crate::domain::jobclub::parse_time_range(&text(2))
                    .ok_or_else(|| words::bad_field(l, words::field_names(l)[2], &text(2)))?,
            )
        };
        let weekdays: Vec<Weekday> = crate::domain::jobclub::parse_weekdays(&text(3))
            .map_err(|w| words::bad_field(l, words::field_names(l)[3], &w))?;
        Ok(Exemption {
            from,
            to,
            time,
            weekdays,
            reason: text(4),
            ..self.exemption.clone()
        })
    }
}

impl Overlay for ExemptionForm {
    fn scopes(&self) -> Vec<Scope> {
        vec![Scope::ExemptionForm, Scope::Editing]
    }

    fn act(&mut self, action: Action, ctx: &Ctx<'_>) -> Vec<Effect> {
        match action {
            Action::NextField => self.focus = (self.focus + 1) % self.fields.len(),
            Action::PrevField => {
                self.focus = (self.focus + self.fields.len() - 1) % self.fields.len();
            }
            Action::Save => match self.read(ctx) {
                Ok(x) => {
                    return vec![Effect::SaveExemption {
                        exemption: Box::new(x),
                        citizen: self.citizen.clone(),
                        back: self.back.clone(),
                    }];
                }
                Err(e) => self.error = Some(e),
            },
            Action::Close => {
                return vec![Effect::Open(Box::new(Mode::JobClub(self.back.clone())))];
            }
            a => return vec![Effect::Action(a)],
        }
        Vec::new()
    }

    fn input(&mut self, ev: &Event, _ctx: &Ctx<'_>) -> Vec<Effect> {
        if let Some(f) = self.fields.get_mut(self.focus) {
            f.handle(ev);
            self.error = None;
        }
        Vec::new()
    }

    fn draw(&self, ctx: &Ctx<'_>, f: &mut Frame<'_>, area: Rect) {
        let l = ctx.lang;
        let names = words::field_names(l);
        let hints = words::field_hints(l);
        let width = 70u16.min(area.width);
        let mut lines: Vec<Line<'_>> = Vec::new();
        for (i, field) in self.fields.iter().enumerate() {
            let focus = i == self.focus;
            let label = Span::styled(
                format!("{} {:<10}", if focus { "▶" } else { " " }, names[i]),
                Style::new().add_modifier(Modifier::BOLD),
            );
            let value = if focus {
                Span::styled(
                    format!("{}▏", sanitize_line(&field.text())),
                    Style::new().fg(ACCENT),
                )
            } else {
                Span::raw(sanitize_line(&field.text()))
            };
            lines.push(Line::from(vec![
                label,
                value,
                Span::styled(format!("  {}", hints[i]), Style::new().fg(Color::Gray)),
            ]));
        }
        lines.push(Line::raw(""));
        if let Some(e) = &self.error {
            for part in crate::ui::view::wrap_words(e, width as usize - 4) {
                lines.push(Line::from(Span::styled(
                    part,
                    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
                )));
            }
        }
        let h = lines.len() as u16 + 2;
        let r = centered(area, width, h);
        let title = words::form_title(l, &self.citizen, self.exemption.id != 0);
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(Style::new().fg(ACCENT))
            .title(truncate(&format!(" {title} "), width as usize - 2));
        f.render_widget(Clear, r);
        f.render_widget(Paragraph::new(lines).block(block), r);
    }

    fn typing(&self) -> bool {
        true
    }

    fn failed(&mut self, msg: &str) -> bool {
        self.error = Some(msg.to_string());
        true
    }
}
