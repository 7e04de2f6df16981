//! The citizen form: `E` on the card edits the citizen's details (name, phone, e-mail, target
//! group, benefit start, the mentor agreement, the exemption from conversations, the address), `+` in the
//! Caseload pane adds a citizen with the same form, empty. Each field starts selected, so the
//! first key typed replaces it; Tab / Shift-Tab (or ↓/↑) move between fields; Enter or Ctrl+S
//! saves, Esc cancels. What is wrong is shown under the fields in the desk's language, and
//! nothing is written until every field is valid.

use ratatui::Frame;
use ratatui::crossterm::event::Event;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use super::{Ctx, Effect, Overlay};
use crate::domain::text::sanitize_line;
use crate::domain::{Citizen, NewCitizen, TargetGroup, Word};
use crate::i18n::card::{self as words, FORM_FIELDS};
use crate::store::{CitizenEdit, MentorAgreement};
use crate::ui::action::Action;
use crate::ui::keymap::Scope;
use crate::ui::layout::centered;
use crate::ui::theme::ACCENT;
use crate::ui::widgets::boxes::{frame, wrapped_rows};
use crate::ui::widgets::line::{LineEvent, LineInput};

const NAME: usize = 0;
const PHONE: usize = 1;
const EMAIL: usize = 2;
const GROUP: usize = 3;
const START: usize = 4;
const GOALS: usize = 5;
const HOURS: usize = 6;
const UNTIL: usize = 7;
const EXEMPT: usize = 8;
const ADDRESS: usize = 9;

/// The values the form started with (editing), to write only what changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Before {
    pub id: i64,
    pub name: String,
    pub phone: String,
    pub email: String,
    pub address: String,
    pub target_group: TargetGroup,
    pub benefit_start: Option<chrono::NaiveDate>,
    pub agreement: MentorAgreement,
    pub exempt: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CitizenForm {
    /// `None` when adding a citizen.
    pub before: Option<Before>,
    pub fields: Vec<LineInput>,
    pub focus: usize,
    pub errors: Vec<String>,
}

/// What the fields say, checked.
#[derive(Debug, Clone, PartialEq)]
struct Values {
    name: String,
    phone: String,
    email: String,
    address: String,
    target_group: TargetGroup,
    benefit_start: Option<chrono::NaiveDate>,
    goals: String,
    hours: Option<f64>,
    until: Option<chrono::NaiveDate>,
    exempt: bool,
}

impl CitizenForm {
    /// The form for `c`, prefilled.
    pub fn edit(c: &Citizen, agreement: &MentorAgreement, ctx: &Ctx<'_>) -> CitizenForm {
        let l = ctx.lang;
        let date = |d: Option<chrono::NaiveDate>| d.map(|d| l.date(d)).unwrap_or_default();
        let values = [
            c.name.clone(),
            c.phone.clone(),
            c.email.clone(),
            c.target_group.name(l.da()).to_string(),
            date(c.benefit_start),
            agreement.goals.clone(),
            agreement
                .hours
                .map(|h| super::card::fmt_hours(h, l.da()))
                .unwrap_or_default(),
            date(agreement.until),
            words::yes_no(l, c.exempt).to_string(),
            c.address.clone().unwrap_or_default(),
        ];
        let mut form = CitizenForm::with(&values);
        form.before = Some(Before {
            id: c.id,
            name: c.name.clone(),
            phone: c.phone.clone(),
            email: c.email.clone(),
            address: c.address.clone().unwrap_or_default(),
            target_group: c.target_group,
            benefit_start: c.benefit_start,
            agreement: agreement.clone(),
            exempt: c.exempt,
        });
        form
    }

    /// The form for a new citizen, empty (the exemption says no).
    pub fn add(ctx: &Ctx<'_>) -> CitizenForm {
        let mut values: [String; FORM_FIELDS] = Default::default();
        values[EXEMPT] = words::yes_no(ctx.lang, false).to_string();
        CitizenForm::with(&values)
    }

    fn with(values: &[String; FORM_FIELDS]) -> CitizenForm {
        let mut form = CitizenForm {
            before: None,
            fields: values
                .iter()
                .map(|v| LineInput::new(v, Vec::new()))
                .collect(),
            focus: 0,
            errors: Vec::new(),
        };
        form.focus_field(0);
        form
    }

    /// Moves to field `i` with its text selected, so typing replaces it.
    pub fn focus_field(&mut self, i: usize) {
        self.focus = i.min(FORM_FIELDS - 1);
        self.fields[self.focus].area.select_all();
    }

    /// The fields checked, or what is wrong with them (in the desk's language).
    fn values(&self, ctx: &Ctx<'_>) -> Result<Values, Vec<String>> {
        let l = ctx.lang;
        let labels = words::form_labels(l);
        let v: Vec<String> = self
            .fields
            .iter()
            .map(|f| f.text().trim().to_string())
            .collect();
        let mut errors = Vec::new();
        let mut err = |i: usize, msg: String| errors.push(format!("{}: {msg}", labels[i]));
        if v[NAME].is_empty() {
            err(NAME, words::name_required(l).into());
        }
        let phone_ok = v[PHONE]
            .chars()
            .all(|c| c.is_ascii_digit() || " +-()".contains(c));
        if !phone_ok {
            err(PHONE, words::phone_bad(l).into());
        }
        let email_ok = v[EMAIL].is_empty()
            || (!v[EMAIL].contains(char::is_whitespace)
                && v[EMAIL]
                    .split_once('@')
                    .is_some_and(|(a, b)| !a.is_empty() && b.contains('.') && !b.contains('@')));
        if !email_ok {
            err(EMAIL, words::email_bad(l).into());
        }
        let group = if v[GROUP].is_empty() {
            err(GROUP, words::name_required(l).into());
            None
        } else {
            match TargetGroup::parse(&v[GROUP]) {
                Ok(g) => Some(g),
                Err(_) => {
                    err(GROUP, words::group_unknown(l, &sanitize_line(&v[GROUP])));
                    None
                }
            }
        };
        let mut date = |i: usize| -> Option<chrono::NaiveDate> {
            if v[i].is_empty() {
                return None;
            }
            match crate::domain::when::parse_date(&v[i], ctx.now.date()) {
                Ok(d) => Some(d),
                Err(p) => {
                    err(i, p.text(l.da()).to_string());
                    None
                }
            }
        };
        let benefit_start = date(START);
        let until = date(UNTIL);
        let hours = if v[HOURS].is_empty() {
            None
        } else {
            match v[HOURS].replace(',', ".").parse::<f64>() {
                Ok(h) if (0.0..=60.0).contains(&h) => Some(h),
                _ => {
                    err(HOURS, words::hours_bad(l).into());
                    None
                }
            }
        };
        let exempt = words::parse_yes_no(&v[EXEMPT]);
        if exempt.is_none() {
            err(EXEMPT, words::yes_no_bad(l).into());
        }
        match (group, exempt) {
            (Some(target_group), Some(exempt)) if errors.is_empty() => Ok(Values {
                name: v[NAME].clone(),
                phone: v[PHONE].clone(),
                email: v[EMAIL].clone(),
                address: v[ADDRESS].clone(),
                target_group,
                benefit_start,
                goals: v[GOALS].clone(),
                hours,
                until,
                exempt,
            }),
            _ => Err(errors),
        }
    }

    /// Checks the fields and says what to write.
    fn save(&mut self, ctx: &Ctx<'_>) -> Vec<Effect> {
        let l = ctx.lang;
        let v = match self.values(ctx) {
            Ok(v) => v,
            Err(errors) => {
                self.errors = errors;
                return vec![Effect::Message(words::fix_errors(l).into())];
            }
        };
        let Some(b) = &self.before else {
            let new = NewCitizen {
                name: v.name.clone(),
                phone: v.phone.clone(),
                email: v.email.clone(),
                target_group: Some(v.target_group),
                benefit_start: v.benefit_start,
                ..Default::default()
            };
            let extra = CitizenEdit {
                mentor_goals: Some(v.goals.clone()).filter(|g| !g.is_empty()),
                mentor_hours: v.hours.map(Some),
                mentor_until: v.until.map(Some),
                exempt: Some(true).filter(|_| v.exempt),
                address: Some(v.address.clone()).filter(|a| !a.is_empty()),
                ..Default::default()
            };
            return vec![Effect::AddCitizen {
                new: Box::new(new),
                edit: Box::new(extra),
            }];
        };
        let names = words::field_names(l);
        let mut changed = Vec::new();
        let mut edit = CitizenEdit::default();
        if v.name != b.name.trim() {
            edit.name = Some(v.name.clone());
            changed.push(names[NAME]);
        }
        if v.phone != b.phone.trim() {
            edit.phone = Some(v.phone.clone());
            changed.push(names[PHONE]);
        }
        if v.email != b.email.trim() {
            edit.email = Some(v.email.clone());
            changed.push(names[EMAIL]);
        }
        if v.address != b.address.trim() {
            edit.address = Some(v.address.clone());
            changed.push(names[ADDRESS]);
        }
        if v.target_group != b.target_group {
            edit.target_group = Some(v.target_group);
            changed.push(names[GROUP]);
        }
        if v.benefit_start != b.benefit_start {
            edit.benefit_start = Some(v.benefit_start);
            changed.push(names[START]);
        }
        if v.goals != b.agreement.goals.trim() {
            edit.mentor_goals = Some(v.goals.clone());
            changed.push(names[GOALS]);
        }
        if v.hours != b.agreement.hours {
            edit.mentor_hours = Some(v.hours);
            changed.push(names[HOURS]);
        }
        if v.until != b.agreement.until {
            edit.mentor_until = Some(v.until);
            changed.push(names[UNTIL]);
        }
        if v.exempt != b.exempt {
            edit.exempt = Some(v.exempt);
            changed.push(names[EXEMPT]);
        }
        if changed.is_empty() {
            return vec![
                Effect::OpenCard(b.id),
                Effect::Message(l.w().not_changed.to_string()),
            ];
        }
        vec![Effect::EditCitizen {
            id: b.id,
            edit: Box::new(edit),
            what: words::edited(l, &changed, &v.name),
        }]
    }

    /// Back where the form came from: the card, or the lists.
    fn cancel(&self) -> Vec<Effect> {
        match &self.before {
            Some(b) => vec![Effect::OpenCard(b.id)],
            None => vec![Effect::Close],
        }
    }
}

impl Overlay for CitizenForm {
    fn scopes(&self) -> Vec<Scope> {
        vec![Scope::CitizenForm, Scope::Editing]
    }

    fn act(&mut self, action: Action, ctx: &Ctx<'_>) -> Vec<Effect> {
        match action {
            Action::NextField => self.focus_field((self.focus + 1) % FORM_FIELDS),
            Action::PrevField => self.focus_field((self.focus + FORM_FIELDS - 1) % FORM_FIELDS),
            Action::Save => return self.save(ctx),
            Action::Close => return self.cancel(),
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
        let l = ctx.lang;
        let labels = words::form_labels(l);
        let w = 76.min(area.width.saturating_sub(2));
        let inner_w = w.saturating_sub(2);
        let hint = words::form_hint(l, self.before.is_none());
        let hint_rows = wrapped_rows(hint, inner_w);
        let err_rows: Vec<u16> = self
            .errors
            .iter()
            .map(|e| wrapped_rows(e, inner_w))
            .collect();
        let h = (FORM_FIELDS as u16 + 2 + hint_rows + err_rows.iter().sum::<u16>())
            .min(area.height.saturating_sub(2));
        let r = centered(area, w, h);
        let title = match &self.before {
            Some(b) => words::form_title_edit(l, &sanitize_line(&b.name)),
            None => words::form_title_new(l).to_string(),
        };
        let inner = frame(f, r, &format!(" {title} "), ACCENT);
        let end = inner.y + inner.height;
        const LABEL: u16 = 17;
        crate::ui::widgets::fields::draw(f, inner, &labels, &self.fields, self.focus, LABEL, 16);
        let mut y = inner.y + FORM_FIELDS as u16;
        let mut put = |text: &str, n: u16, style: Style| {
            if y >= end {
                return;
            }
            f.render_widget(
                Paragraph::new(Line::raw(sanitize_line(text)))
                    .wrap(Wrap { trim: true })
                    .style(style),
                Rect {
                    y,
                    height: n.min(end - y),
                    ..inner
                },
            );
            y += n;
        };
        for (e, n) in self.errors.iter().zip(err_rows) {
            put(e, n, Style::new().fg(Color::Red));
        }
        put(hint, hint_rows, Style::new().fg(Color::Gray));
    }

    fn typing(&self) -> bool {
        true
    }

    fn failed(&mut self, msg: &str) -> bool {
        self.errors = vec![msg.to_string()];
        true
    }
}
