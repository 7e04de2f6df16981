//! The full form (`A`): every field of a new appointment, for whatever the quick-add line cannot
//! say (a place, an exact kind), and whether it repeats (none, weekly, every 2 weeks, monthly)
//! until a date or for a number of times. Tab and Shift-Tab move between fields, Enter on the
//! place or after it (the repeat fields are optional) or Ctrl+S saves, Esc cancels. Nothing is
//! written until every field is valid; a series that lands on days off asks once whether to skip
//! or move them.

use chrono::NaiveDateTime;
use ratatui::Frame;
use ratatui::crossterm::event::Event;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::{Ctx, Effect, Overlay};
use crate::domain::quickadd::{Repeat, match_citizens, repeat_words};
use crate::domain::recurrence::{End, OnDayOff, Recurrence};
use crate::domain::text::sanitize_line;
use crate::domain::when::{parse_date, parse_time};
use crate::domain::{Channel, Kind, NewAppointment, Status, Word};
use crate::i18n::Lang;
use crate::ui::action::Action;
use crate::ui::keymap::Scope;
use crate::ui::layout::centered;
use crate::ui::theme::ACCENT;
use crate::ui::widgets::boxes::{frame, wrapped_rows};
use crate::ui::widgets::line::{LineEvent, LineInput};

pub const FIELDS: usize = 9;
/// The place: Enter here (or on a field after it) saves.
const PLACE: usize = 6;

#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub fields: Vec<LineInput>,
    pub focus: usize,
    pub citizens: Vec<(i64, String)>,
    /// What is wrong, per field (shown under the form).
    pub errors: Vec<String>,
    /// The plan warnings shown after the first Save (yellow): the next Save plans all the same.
    pub warnings: Vec<String>,
}

/// The labels of the fields, in order.
pub fn labels(lang: Lang) -> [&'static str; FIELDS] {
    if lang.da() {
        [
            "Borger", "Dato", "Tid", "Minutter", "Kanal", "Art", "Sted", "Gentag", "Slut",
        ]
    } else {
        [
            "Citizen", "Date", "Time", "Minutes", "Channel", "Kind", "Place", "Repeat", "Ends",
        ]
    }
}

impl Form {
    pub fn new(
        citizens: Vec<(i64, String)>,
        citizen: Option<&str>,
        now: NaiveDateTime,
        lang: Lang,
    ) -> Form {
        let day = crate::domain::dates::next_working_day(now.date());
        let values = [
            citizen.unwrap_or("").to_string(),
            lang.date(day),
            "10.00".to_string(),
            "30".to_string(),
            Channel::Phone.name(lang.da()).to_string(),
            Kind::Conversation.name(lang.da()).to_string(),
            String::new(),
            lang.t("nej", "no").to_string(),
            String::new(),
        ];
        let mut form = Form {
            fields: values
                .iter()
                .map(|v| LineInput::new(v, Vec::new()))
                .collect(),
            focus: 0,
            citizens,
            errors: Vec::new(),
            warnings: Vec::new(),
        };
        form.focus_field(if citizen.is_some() { 1 } else { 0 });
        form
    }

    /// Moves to field `i` with its text selected, so typing replaces it.
    pub fn focus_field(&mut self, i: usize) {
        self.focus = i.min(FIELDS - 1);
        self.fields[self.focus].area.select_all();
    }

    /// The appointment the fields describe, or what is wrong with them.
    pub fn build(
        &self,
        now: NaiveDateTime,
        lang: Lang,
    ) -> Result<(NewAppointment, String, Option<Repeat>), Vec<String>> {
        let l = labels(lang);
        let v: Vec<String> = self
            .fields
            .iter()
            .map(|f| f.text().trim().to_string())
            .collect();
        let mut errors = Vec::new();
        let today = now.date();
        let ids = match_citizens(&v[0], self.citizens.iter().map(|(id, n)| (*id, n.as_str())));
        let exact = self
            .citizens
            .iter()
            .find(|(_, n)| crate::domain::text::fold(n) == crate::domain::text::fold(&v[0]));
        let citizen = match (exact, ids.len()) {
            (Some(c), _) => Some(c.clone()),
            (None, 1) => self.citizens.iter().find(|(id, _)| *id == ids[0]).cloned(),
            (None, 0) => {
                errors.push(format!(
                    "{}: {}",
                    l[0],
                    lang.t("ingen borger passer", "no citizen matches")
                ));
                None
            }
            (None, n) => {
                errors.push(format!(
                    "{}: {n} {}",
                    l[0],
                    lang.t(
                        "borgere passer – skriv mere af navnet",
                        "citizens match – type more of the name"
                    )
                ));
                None
            }
        };
        let date = parse_date(&v[1], today)
            .map_err(|p| errors.push(format!("{}: {}", l[1], p.text(lang.da()))))
            .ok();
        let time = parse_time(&v[2])
            .map_err(|p| errors.push(format!("{}: {}", l[2], p.text(lang.da()))))
            .ok();
        let minutes = match v[3].parse::<i64>() {
            Ok(m) if (1..=1440).contains(&m) => Some(m),
            _ => {
                errors.push(format!("{}: {}", l[3], lang.t("1 til 1440", "1 to 1440")));
                None
            }
        };
        let channel = Channel::parse(&v[4])
            .map_err(|e| errors.push(format!("{}: {e}", l[4])))
            .ok();
        let kind = Kind::parse(&v[5])
            .map_err(|e| errors.push(format!("{}: {e}", l[5])))
            .ok();
        let repeat = repeat_fields(&v[7], &v[8], date.unwrap_or(today), today, lang)
            .map_err(|(i, e)| errors.push(format!("{}: {e}", l[i])))
            .ok()
            .flatten();
        match (citizen, date, time, minutes, channel, kind) {
            (
                Some((citizen_id, name)),
                Some(d),
                Some(t),
                Some(minutes),
                Some(channel),
                Some(kind),
            ) if errors.is_empty() => Ok((
                NewAppointment {
                    uuid: uuid::Uuid::new_v4().to_string(),
                    citizen_id,
                    kind,
                    start: d.and_time(t),
                    minutes,
                    channel,
                    place: v[6].clone(),
                    status: Status::Planned,
                    reason: String::new(),
                },
                name,
                repeat,
            )),
            _ => Err(errors),
        }
    }
}

/// The repeat and end fields: `nej`/`no`/empty is a single appointment; `ugentlig`, `hver 2.
/// uge`, `every month` … (the quick-add line's words) a series; the end a date (`31.03`, the
/// first such day on or after the start), a count (`10`, `10 gange`) or empty (the default
/// end). On error, the field's index and what is wrong.
fn repeat_fields(
    repeat: &str,
    end: &str,
    first: chrono::NaiveDate,
    today: chrono::NaiveDate,
    lang: Lang,
) -> Result<Option<Repeat>, (usize, String)> {
    let none = ["", "nej", "no", "ingen", "none", "-"];
    if none.contains(&crate::domain::text::fold(repeat).as_str()) {
        if end.trim().is_empty() {
            return Ok(None);
        }
        return Err((
            7,
            lang.t(
                "angiv hvor ofte (fx ugentlig), eller ryd Slut",
                "say how often (e.g. weekly), or clear Ends",
            )
            .to_string(),
        ));
    }
    let how_often = || {
        (
            7,
            format!(
                "'{}': {}",
                crate::domain::text::sanitize_line(repeat),
                lang.t(
                    "skriv nej, ugentlig, hver 2. uge eller månedlig",
                    "type no, weekly, every 2 weeks or monthly",
                )
            ),
        )
    };
    let frequency = repeat_words(repeat, first, today)
        .ok()
        .flatten()
        .filter(|r| r.end.is_none())
        .map(|r| r.frequency)
        .ok_or_else(how_often)?;
    let end = end.trim();
    let end = if end.is_empty() {
        None
    } else if end.chars().all(|c| c.is_ascii_digit()) {
        match end.parse::<u32>() {
            Ok(n) if (1..=crate::domain::recurrence::MAX_OCCURRENCES as u32).contains(&n) => {
                Some(End::Count(n))
            }
            _ => {
                return Err((
                    8,
                    format!(
                        "{} 1–{}",
                        lang.t("antal gange", "number of times"),
                        crate::domain::recurrence::MAX_OCCURRENCES
                    ),
                ));
            }
        }
    } else {
        // "31.03", "indtil 31.03", "10 gange", "10 times".
        let words = if end.starts_with(|c: char| c.is_ascii_digit()) && !end.contains(' ') {
            format!("hver uge indtil {end}")
        } else {
            format!("hver uge {end}")
        };
        repeat_words(&words, first, today)
            .map_err(|p| (8, p.text(lang.da()).to_string()))?
            .and_then(|r| r.end)
    };
    Ok(Some(Repeat { frequency, end }))
}

impl Form {
    /// Checks the fields: the appointment to plan, or the errors shown under the form.
    fn save(&mut self, ctx: &Ctx<'_>) -> Vec<Effect> {
        match self.build(ctx.now, ctx.lang) {
            Err(errors) => {
                self.errors = errors;
                vec![Effect::Message(
                    ctx.lang
                        .t(
                            "Ret fejlene under felterne og gem igen",
                            "Correct the errors under the fields and save again",
                        )
                        .to_string(),
                )]
            }
            Ok((new, citizen, repeat)) => {
                // The warnings once (as `jobdesk plan` gives them); Save again plans anyway.
                if self.warnings.is_empty() {
                    let warnings = super::plan_warnings(ctx.store, ctx.now, ctx.lang, &new, None);
                    if !warnings.is_empty() {
                        self.warnings = warnings;
                        self.warnings
                            .push(crate::i18n::plan_anyway(ctx.lang).to_string());
                        return Vec::new();
                    }
                }
                let Some(r) = repeat else {
                    return vec![Effect::Plan {
                        new: Box::new(new),
                        citizen,
                    }];
                };
                let end = r.end.unwrap_or_else(|| {
                    ctx.store
                        .default_series_end(new.citizen_id, new.start)
                        .unwrap_or(End::Count(26))
                });
                let series = Box::new(crate::store::NewSeries {
                    uuid: new.uuid.clone(),
                    citizen_id: new.citizen_id,
                    kind: new.kind,
                    start: new.start,
                    minutes: new.minutes,
                    channel: new.channel,
                    place: new.place.clone(),
                    recurrence: Recurrence {
                        frequency: r.frequency,
                        end,
                        on_day_off: OnDayOff::Skip,
                    },
                });
                let days = ctx.store.series_days_off(new.start, &series.recurrence);
                if days.is_empty() {
                    return vec![Effect::PlanSeries { series, citizen }];
                }
                // Asked once for the series; Esc comes back to the form.
                let back = Box::new(super::Mode::Form(Box::new(self.clone())));
                vec![Effect::Open(Box::new(super::Mode::DaysOff(Box::new(
                    super::DaysOff {
                        back,
                        series,
                        citizen,
                        days,
                    },
                ))))]
            }
        }
    }
}

impl Overlay for Form {
    fn scopes(&self) -> Vec<Scope> {
        vec![Scope::Form, Scope::Editing]
    }

    fn act(&mut self, action: Action, ctx: &Ctx<'_>) -> Vec<Effect> {
        match action {
            Action::NextField => self.focus_field((self.focus + 1) % FIELDS),
            Action::PrevField => self.focus_field((self.focus + FIELDS - 1) % FIELDS),
            Action::Save => return self.save(ctx),
            Action::Close => return vec![Effect::Close],
            a => return vec![Effect::Action(a)],
        }
        Vec::new()
    }

    fn input(&mut self, ev: &Event, ctx: &Ctx<'_>) -> Vec<Effect> {
        let focus = self.focus;
        match self.fields[focus].handle(ev) {
            LineEvent::Ignored => {}
            LineEvent::Changed => {
                self.errors.clear();
                self.warnings.clear();
            }
            LineEvent::Cancel => return vec![Effect::Close],
            LineEvent::Submit(_) if focus < PLACE => self.focus_field(focus + 1),
            LineEvent::Submit(_) => return self.save(ctx),
        }
        Vec::new()
    }

    fn draw(&self, ctx: &Ctx<'_>, f: &mut Frame<'_>, area: Rect) {
        let labels = labels(ctx.lang);
        let w = 70.min(area.width);
        // Under the fields: what is wrong (red), then the plan warnings (yellow).
        let notes: Vec<(&String, Style)> = self
            .errors
            .iter()
            .take(4)
            .map(|e| (e, Style::new().fg(Color::Red)))
            .chain(self.warnings.iter().take(7).map(|e| {
                (
                    e,
                    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
                )
            }))
            .collect();
        let err_rows: Vec<u16> = notes
            .iter()
            .map(|(e, _)| wrapped_rows(e, w.saturating_sub(2)))
            .collect();
        let h = FIELDS as u16 + 2 + err_rows.iter().sum::<u16>();
        let r = centered(area, w, h);
        let title = format!(" {} ", ctx.lang.t("Ny aftale", "New appointment"));
        let inner = frame(f, r, &title, ACCENT);
        crate::ui::widgets::fields::draw(f, inner, &labels, &self.fields, self.focus, 11, 9);
        let mut y = inner.y + FIELDS as u16;
        for ((e, style), n) in notes.into_iter().zip(err_rows) {
            let end = inner.y + inner.height;
            if y >= end {
                break;
            }
            f.render_widget(
                Paragraph::new(Line::raw(sanitize_line(e)))
                    .wrap(Wrap { trim: true })
                    .style(style),
                Rect {
                    y,
                    height: n.min(end - y),
                    ..inner
                },
            );
            y += n;
        }
    }

    fn typing(&self) -> bool {
        true
    }

    fn failed(&mut self, msg: &str) -> bool {
        self.errors = vec![msg.to_string()];
        true
    }
}
