//! `e` in the Contact log: correct the selected entry (time, minutes, channel, outcome, note) in
//! a small form, prefilled; the field's text is selected, so the first key typed replaces it.
//! Tab / Shift-Tab move between fields, Enter saves (only what changed), Esc cancels. The app
//! writes it as one undo step.

use ratatui::Frame;
use ratatui::crossterm::event::Event;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::{Ctx, Effect, Overlay};
use crate::domain::text::sanitize_line;
use crate::domain::{Channel, Contact, Outcome, Word};
use crate::i18n::Lang;
use crate::store::ContactEdit;
use crate::ui::action::Action;
use crate::ui::keymap::Scope;
use crate::ui::layout::centered;
use crate::ui::theme::ACCENT;
use crate::ui::widgets::boxes::{frame, wrapped_rows};
use crate::ui::widgets::line::{LineEvent, LineInput};

pub const FIELDS: usize = 5;

pub fn labels(lang: Lang) -> [&'static str; FIELDS] {
    if lang.da() {
        ["Tid", "Minutter", "Kanal", "Udfald", "Notat"]
    } else {
        ["Time", "Minutes", "Channel", "Outcome", "Note"]
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct EditContact {
    pub contact: Contact,
    pub fields: Vec<LineInput>,
    pub focus: usize,
    pub errors: Vec<String>,
}

impl EditContact {
    pub fn new(contact: Contact, ctx: &Ctx<'_>) -> EditContact {
        let l = ctx.lang;
        let values = [
            format!(
                "{} {}",
                l.date(contact.at.date()),
                l.time(contact.at.time())
            ),
            contact.minutes.to_string(),
            contact.channel.name(l.da()).to_string(),
            contact.outcome.name(l.da()).to_string(),
            contact.note.clone(),
        ];
        let mut e = EditContact {
            contact,
            fields: values
                .iter()
                .map(|v| LineInput::new(v, Vec::new()))
                .collect(),
            focus: 0,
            errors: Vec::new(),
        };
        e.focus_field(0);
        e
    }

    /// Moves to field `i` with its text selected, so typing replaces it.
    pub fn focus_field(&mut self, i: usize) {
        self.focus = i.min(FIELDS - 1);
        self.fields[self.focus].area.select_all();
    }

    /// What changed, or what is wrong.
    pub fn build(&self, ctx: &Ctx<'_>) -> Result<ContactEdit, Vec<String>> {
        let l = labels(ctx.lang);
        let v: Vec<String> = self
            .fields
            .iter()
            .map(|f| f.text().trim().to_string())
            .collect();
        let c = &self.contact;
        let mut errors = Vec::new();
        let mut edit = ContactEdit::default();
        match crate::domain::when::parse_datetime(&v[0], ctx.now, None) {
            Ok(at) if at != c.at => edit.at = Some(at),
            Ok(_) => {}
            Err(p) => errors.push(format!("{}: {}", l[0], p.text(ctx.lang.da()))),
        }
        match v[1].parse::<u32>() {
            Ok(m) if i64::from(m) != c.minutes => edit.minutes = Some(m),
            Ok(_) => {}
            Err(_) => errors.push(format!(
                "{}: {}",
                l[1],
                ctx.lang.t("et helt tal", "a whole number")
            )),
        }
        match Channel::parse(&v[2]) {
            Ok(ch) if ch != c.channel => edit.channel = Some(ch),
            Ok(_) => {}
            Err(e) => errors.push(format!("{}: {e}", l[2])),
        }
        match Outcome::parse(&v[3]) {
            Ok(o) if o != c.outcome => edit.outcome = Some(o),
            Ok(_) => {}
            Err(e) => errors.push(format!("{}: {e}", l[3])),
        }
        if v[4] != c.note.trim() {
            edit.note = Some(v[4].clone());
        }
        if errors.is_empty() {
            Ok(edit)
        } else {
            Err(errors)
        }
    }
}

impl Overlay for EditContact {
    fn scopes(&self) -> Vec<Scope> {
        vec![Scope::EditContact, Scope::Editing]
    }

    fn act(&mut self, action: Action, ctx: &Ctx<'_>) -> Vec<Effect> {
        match action {
            Action::NextField => self.focus_field((self.focus + 1) % FIELDS),
            Action::PrevField => self.focus_field((self.focus + FIELDS - 1) % FIELDS),
            Action::Close => return vec![Effect::Close],
            Action::Save => match self.build(ctx) {
                Ok(edit) if edit == ContactEdit::default() => {
                    return vec![
                        Effect::Close,
                        Effect::Message(ctx.lang.w().not_changed.to_string()),
                    ];
                }
                Ok(edit) => {
                    let c = &self.contact;
                    let l = ctx.lang;
                    let what = crate::i18n::contact_corrected(
                        l,
                        &format!(
                            "{} {} {}",
                            l.short_day(c.at.date()),
                            l.time(c.at.time()),
                            c.citizen
                        ),
                    );
                    return vec![Effect::EditContact {
                        id: c.id,
                        edit: Box::new(edit),
                        what,
                    }];
                }
                Err(errors) => self.errors = errors,
            },
            a => return vec![Effect::Action(a)],
        }
        Vec::new()
    }

    fn input(&mut self, ev: &Event, _ctx: &Ctx<'_>) -> Vec<Effect> {
        if self.fields[self.focus].handle(ev) == LineEvent::Changed {
            self.errors.clear();
        }
        Vec::new()
    }

    fn draw(&self, ctx: &Ctx<'_>, f: &mut Frame<'_>, area: Rect) {
        let labels = labels(ctx.lang);
        let w = 70.min(area.width);
        let err_rows: Vec<u16> = self
            .errors
            .iter()
            .map(|e| wrapped_rows(e, w.saturating_sub(2)))
            .collect();
        let h = FIELDS as u16 + 2 + err_rows.iter().sum::<u16>();
        let r = centered(area, w, h);
        let c = &self.contact;
        let title = format!(
            " {} · {} ",
            ctx.lang.t("Ret kontakt", "Correct contact"),
            sanitize_line(&c.citizen)
        );
        let inner = frame(f, r, &title, ACCENT);
        crate::ui::widgets::fields::draw(f, inner, &labels, &self.fields, self.focus, 11, 9);
        let mut y = inner.y + FIELDS as u16;
        for (e, n) in self.errors.iter().zip(err_rows) {
            let end = inner.y + inner.height;
            if y >= end {
                break;
            }
            f.render_widget(
                Paragraph::new(Line::raw(sanitize_line(e)))
                    .wrap(Wrap { trim: true })
                    .style(Style::new().fg(Color::Red)),
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
