//! `E` on a planned appointment (Today, Calls, Mentor visits): change its length, channel, place
//! and kind without moving it, in a small form, prefilled; the field's text is selected, so the
//! first key typed replaces it. Tab / Shift-Tab (or ↓/↑) move between fields, Enter saves (only
//! what changed), Esc cancels. What is wrong is said in the form, in the desk's language, and a
//! length that makes it overlap another appointment is warned of (it is saved all the same).
//! The app writes it as one undo step.

use ratatui::Frame;
use ratatui::crossterm::event::Event;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{Ctx, Effect, Overlay};
use crate::domain::text::sanitize_line;
use crate::domain::{Appointment, Channel, Kind, Word};
use crate::i18n::Lang;
use crate::store::AppointmentEdit;
use crate::ui::action::Action;
use crate::ui::keymap::Scope;
use crate::ui::layout::centered;
use crate::ui::theme::ACCENT;
use crate::ui::widgets::boxes::frame;
use crate::ui::widgets::line::{LineEvent, LineInput};

pub const FIELDS: usize = 4;

pub fn labels(lang: Lang) -> [&'static str; FIELDS] {
    if lang.da() {
        ["Minutter", "Kanal", "Sted", "Type"]
    } else {
        ["Minutes", "Channel", "Place", "Kind"]
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct EditAppointment {
    pub appointment: Appointment,
    pub fields: Vec<LineInput>,
    pub focus: usize,
    /// What is wrong (red), shown until the next key typed.
    pub errors: Vec<String>,
    /// The plan warnings of the appointment as typed (as `jobdesk plan` gives them: after the
    /// citizen's deadline, a day off, a weekend, the past, an overlap the length typed makes);
    /// yellow, it may be saved anyway.
    pub warnings: Vec<String>,
    /// "This and all following" of a series: the length, channel and place typed go to this
    /// occurrence and every later planned one (the kind stays the series').
    pub following: bool,
}

impl EditAppointment {
    pub fn new(appointment: Appointment, ctx: &Ctx<'_>) -> EditAppointment {
        let da = ctx.lang.da();
        let values = [
            appointment.minutes.to_string(),
            appointment.channel.name(da).to_string(),
            appointment.place.clone(),
            appointment.kind.name(da).to_string(),
        ];
        let mut e = EditAppointment {
            appointment,
            fields: values
                .iter()
                .map(|v| LineInput::new(v, Vec::new()))
                .collect(),
            focus: 0,
            errors: Vec::new(),
            warnings: Vec::new(),
            following: false,
        };
        e.focus_field(0);
        e.check_warnings(ctx);
        e
    }

    /// The form for this occurrence of a series and all following.
    pub fn following(appointment: Appointment, ctx: &Ctx<'_>) -> EditAppointment {
        let mut e = EditAppointment::new(appointment, ctx);
        e.following = true;
        e
    }

    /// Moves to field `i` with its text selected, so typing replaces it.
    pub fn focus_field(&mut self, i: usize) {
        self.focus = i.min(FIELDS - 1);
        self.fields[self.focus].area.select_all();
    }

    /// The plan warnings of the appointment with the length and kind typed (no overlap with
    /// itself).
    fn check_warnings(&mut self, ctx: &Ctx<'_>) {
        let a = &self.appointment;
        let minutes = match self.fields[0].text().trim().parse::<i64>() {
            Ok(m) if m > 0 => m,
            _ => a.minutes,
        };
        let kind = Kind::parse(self.fields[3].text().trim()).unwrap_or(a.kind);
        let new = crate::domain::NewAppointment {
            uuid: String::new(),
            citizen_id: a.citizen_id,
            kind,
            start: a.start,
            minutes,
            channel: a.channel,
            place: String::new(),
            status: crate::domain::Status::Planned,
            reason: String::new(),
        };
        self.warnings = super::plan_warnings(ctx.store, ctx.now, ctx.lang, &new, Some(a.id));
    }

    /// What changed, or what is wrong (in the desk's language) and the first field that is.
    pub fn build(&self, ctx: &Ctx<'_>) -> Result<AppointmentEdit, (usize, Vec<String>)> {
        let lang = ctx.lang;
        let l = labels(lang);
        let v: Vec<String> = self
            .fields
            .iter()
            .map(|f| f.text().trim().to_string())
            .collect();
        let a = &self.appointment;
        let mut errors = Vec::new();
        let mut first_bad = None;
        let mut bad = |i: usize, e: String, errors: &mut Vec<String>| {
            first_bad.get_or_insert(i);
            errors.push(e);
        };
        let mut edit = AppointmentEdit::default();
        match v[0].parse::<i64>() {
            Ok(m) if (1..=24 * 60).contains(&m) => {
                if m != a.minutes {
                    edit.minutes = Some(m);
                }
            }
            _ => bad(
                0,
                format!(
                    "{}: {}",
                    l[0],
                    lang.t(
                        "et helt antal minutter fra 1 til 1440",
                        "a whole number of minutes from 1 to 1440"
                    )
                ),
                &mut errors,
            ),
        }
        match Channel::parse(&v[1]) {
            Ok(ch) if ch != a.channel => edit.channel = Some(ch),
            Ok(_) => {}
            Err(_) => bad(1, unknown(lang, l[1], &v[1], Channel::ALL), &mut errors),
        }
        if v[2] != a.place.trim() {
            edit.place = Some(v[2].clone());
        }
        match Kind::parse(&v[3]) {
            Ok(k) if k != a.kind => edit.kind = Some(k),
            Ok(_) => {}
            Err(_) => bad(3, unknown(lang, l[3], &v[3], Kind::ALL), &mut errors),
        }
        match first_bad {
            None => Ok(edit),
            Some(i) => Err((i, errors)),
        }
    }
}

/// "Kanal: 'xyz' kendes ikke: skriv telefon, fremmøde, …" in the desk's language.
fn unknown<W: Word>(lang: Lang, label: &str, typed: &str, all: &[W]) -> String {
    let names: Vec<&str> = all.iter().map(|w| w.name(lang.da())).collect();
    format!(
        "{label}: '{}' {} {}",
        sanitize_line(typed),
        lang.t("kendes ikke: skriv", "is not known: type"),
        names.join(", ")
    )
}

impl Overlay for EditAppointment {
    fn scopes(&self) -> Vec<Scope> {
        vec![Scope::EditAppointment, Scope::Editing]
    }

    fn act(&mut self, action: Action, ctx: &Ctx<'_>) -> Vec<Effect> {
        match action {
            Action::NextField => self.focus_field((self.focus + 1) % FIELDS),
            Action::PrevField => self.focus_field((self.focus + FIELDS - 1) % FIELDS),
            Action::Close => return vec![Effect::Close],
            Action::Save => match self.build(ctx) {
                Ok(edit) if edit == AppointmentEdit::default() => {
                    return vec![
                        Effect::Close,
                        Effect::Message(ctx.lang.w().not_changed.to_string()),
                    ];
                }
                Ok(edit) if self.following => {
                    if edit.kind.is_some() {
                        self.errors = vec![
                            ctx.lang
                                .t(
                                    "Typen kan kun rettes for én aftale ad gangen",
                                    "The kind can be changed for one appointment at a time",
                                )
                                .to_string(),
                        ];
                        self.focus_field(3);
                        return Vec::new();
                    }
                    return vec![Effect::Following {
                        appointment_id: self.appointment.id,
                        edit: Box::new(crate::store::FollowingEdit {
                            time: None,
                            minutes: edit.minutes,
                            channel: edit.channel,
                            place: edit.place,
                        }),
                        what: ctx.lang.t("ændret", "changed").to_string(),
                    }];
                }
                Ok(edit) => {
                    let a = &self.appointment;
                    let what = crate::i18n::appointment_changed(
                        ctx.lang,
                        a.start,
                        &sanitize_line(&a.citizen),
                    );
                    return vec![Effect::EditAppointment {
                        id: a.id,
                        edit: Box::new(edit),
                        what,
                    }];
                }
                Err((first, errors)) => {
                    // To the first field that is wrong, its text selected to type anew.
                    self.focus_field(first);
                    self.errors = errors;
                }
            },
            a => return vec![Effect::Action(a)],
        }
        Vec::new()
    }

    fn input(&mut self, ev: &Event, ctx: &Ctx<'_>) -> Vec<Effect> {
        if self.fields[self.focus].handle(ev) == LineEvent::Changed {
            self.errors.clear();
            if self.focus == 0 || self.focus == 3 {
                self.check_warnings(ctx);
            }
        }
        Vec::new()
    }

    fn draw(&self, ctx: &Ctx<'_>, f: &mut Frame<'_>, area: Rect) {
        let lang = ctx.lang;
        let labels = labels(lang);
        let w = 70.min(area.width);
        let iw = w.saturating_sub(2);
        let a = &self.appointment;
        // Under the fields: when it is (it does not move), what is wrong, what it overlaps.
        let mut below: Vec<(String, Style)> = vec![(
            format!(
                "{}: {} {} · {} · {}",
                lang.t("Tid", "Time"),
                lang.short_day(a.start.date()),
                lang.time(a.start.time()),
                a.status.name(lang.da()),
                if self.following {
                    lang.t("denne og alle følgende", "this and all following")
                } else {
                    lang.t("tiden ændres med m (flyt)", "change the time with m (move)")
                },
            ),
            Style::new().fg(Color::Gray),
        )];
        below.extend(
            self.errors
                .iter()
                .map(|e| (e.clone(), Style::new().fg(Color::Red))),
        );
        below.extend(self.warnings.iter().map(|w| {
            (
                w.clone(),
                Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            )
        }));
        // Wrapped here, at words, so the box is as tall as what it shows.
        let below: Vec<(String, Style)> = below
            .into_iter()
            .flat_map(|(s, st)| {
                crate::ui::view::wrap_words(&sanitize_line(&s), iw as usize)
                    .into_iter()
                    .map(move |x| (x, st))
            })
            .collect();
        let h = FIELDS as u16 + 2 + below.len() as u16;
        let r = centered(area, w, h);
        let title = format!(
            " {} · {} ",
            lang.t("Ret aftale", "Edit appointment"),
            sanitize_line(&a.citizen)
        );
        let inner = frame(f, r, &title, ACCENT);
        crate::ui::widgets::fields::draw(f, inner, &labels, &self.fields, self.focus, 11, 9);
        for (i, (s, st)) in below.iter().enumerate() {
            let y = inner.y + FIELDS as u16 + i as u16;
            if y >= inner.y + inner.height {
                break;
            }
            f.render_widget(
                Paragraph::new(Line::raw(s.clone())).style(*st),
                Rect {
                    y,
                    height: 1,
                    ..inner
                },
            );
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
