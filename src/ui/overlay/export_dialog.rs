//! `x`: what to export of the contact log (the shown day, its week, or a range typed in the
//! one date-time language), plain CSV or the Excel form, and the folder (the documents folder
//! by default). Tab moves between the three fields; on the form, space (or ←/→) switches it.

use chrono::{Datelike, Duration, NaiveDate};
use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyCode, KeyEventKind};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;

use super::{Ctx, Effect, Overlay};
use crate::domain::records::DayRange;
use crate::i18n::handover as words;
use crate::ui::action::Action;
use crate::ui::keymap::Scope;
use crate::ui::widgets::boxes::text_box;
use crate::ui::widgets::line::{LineEvent, LineInput};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    What,
    Form,
    Folder,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExportDialog {
    /// The day shown in the desk ("uge"/"week" is its week).
    shown: NaiveDate,
    what: LineInput,
    folder: LineInput,
    pub excel: bool,
    field: Field,
    pub error: Option<String>,
}

impl ExportDialog {
    /// Prefilled with the shown day, the Excel form in Danish (plain in English) and the
    /// documents folder.
    pub fn new(ctx: &Ctx<'_>, shown: NaiveDate) -> ExportDialog {
        let mut what = LineInput::new(&ctx.lang.date(shown), Vec::new());
        what.area.select_all();
        let folder = crate::transfer::documents_dir()
            .map(|d| d.display().to_string())
            .unwrap_or_default();
        ExportDialog {
            shown,
            what,
            folder: LineInput::new(&folder, Vec::new()),
            excel: ctx.lang.da(),
            field: Field::What,
            error: None,
        }
    }

    /// The days asked for.
    fn range(&self, ctx: &Ctx<'_>) -> Result<DayRange, String> {
        let l = ctx.lang;
        let text = self.what.text();
        let text = text.trim();
        let today = ctx.now.date();
        if text.is_empty() {
            return Ok(DayRange::day(self.shown));
        }
        let folded = crate::domain::text::fold(text);
        if folded == "uge" || folded == "week" {
            let monday =
                self.shown - Duration::days(i64::from(self.shown.weekday().num_days_from_monday()));
            return Ok(DayRange {
                from: Some(monday),
                to: Some(monday + Duration::days(6)),
            });
        }
        if let Ok(r) = crate::domain::when::parse_date_range(text, today)
            && r.rest.trim().is_empty()
        {
            if r.from > r.to {
                return Err(words::range_reversed(l).to_string());
            }
            return Ok(DayRange {
                from: Some(r.from),
                to: Some(r.to),
            });
        }
        crate::domain::when::parse_date(text, today)
            .map(DayRange::day)
            .map_err(|p| p.text(l.da()).to_string())
    }

    fn next(&mut self, back: bool) {
        self.field = match (self.field, back) {
            (Field::What, false) | (Field::Folder, true) => Field::Form,
            (Field::Form, false) | (Field::What, true) => Field::Folder,
            (Field::Folder, false) | (Field::Form, true) => Field::What,
        };
        // A field reached with Tab is selected whole: the first key typed replaces it, as in
        // every form of the desk.
        match self.field {
            Field::What => self.what.area.select_all(),
            Field::Folder => self.folder.area.select_all(),
            Field::Form => {}
        }
    }
}

impl Overlay for ExportDialog {
    fn scopes(&self) -> Vec<Scope> {
        vec![Scope::ExportDialog, Scope::Editing]
    }

    fn act(&mut self, action: Action, ctx: &Ctx<'_>) -> Vec<Effect> {
        match action {
            Action::Save => {
                let folder = self.folder.text().trim().to_string();
                match self.range(ctx) {
                    Ok(_) if folder.is_empty() => {
                        self.error = Some(words::no_folder(ctx.lang).to_string());
                        Vec::new()
                    }
                    Ok(range) => vec![Effect::ExportLog {
                        range,
                        excel: self.excel,
                        folder,
                    }],
                    Err(e) => {
                        self.error = Some(e);
                        Vec::new()
                    }
                }
            }
            Action::NextField => {
                self.next(false);
                Vec::new()
            }
            Action::PrevField => {
                self.next(true);
                Vec::new()
            }
            Action::Close => vec![Effect::Close],
            a => vec![Effect::Action(a)],
        }
    }

    fn input(&mut self, ev: &Event, _ctx: &Ctx<'_>) -> Vec<Effect> {
        match self.field {
            Field::What => {
                if self.what.handle(ev) == LineEvent::Changed {
                    self.error = None;
                }
            }
            Field::Folder => {
                if self.folder.handle(ev) == LineEvent::Changed {
                    self.error = None;
                }
            }
            Field::Form => {
                if let Event::Key(k) = ev
                    && k.kind != KeyEventKind::Release
                    && matches!(k.code, KeyCode::Char(' ') | KeyCode::Left | KeyCode::Right)
                {
                    self.excel = !self.excel;
                }
            }
        }
        Vec::new()
    }

    fn draw(&self, ctx: &Ctx<'_>, f: &mut Frame<'_>, area: Rect) {
        let l = ctx.lang;
        let (label, input) = match self.field {
            Field::Folder => (words::field_folder(l), &self.folder),
            _ => (words::field_what(l), &self.what),
        };
        let title = format!(" {} · {label} ", words::dialog_title(l));
        let marked = |field: Field| {
            if self.field == field {
                Style::new().add_modifier(Modifier::BOLD)
            } else {
                Style::new()
            }
        };
        let mut below: Vec<(String, Style)> = Vec::new();
        if self.field != Field::What {
            below.push((
                format!("{}: {}", words::field_what(l), self.what.text()),
                marked(Field::What),
            ));
        }
        below.push((
            format!(
                "{}: {} {}",
                words::field_form(l),
                if self.field == Field::Form { "▸" } else { "" },
                words::form_name(l, self.excel)
            ),
            marked(Field::Form),
        ));
        if self.field != Field::Folder {
            below.push((
                format!("{}: {}", words::field_folder(l), self.folder.text()),
                marked(Field::Folder),
            ));
        }
        below.push((
            words::what_help(l).to_string(),
            Style::new().fg(Color::DarkGray),
        ));
        if let Some(e) = &self.error {
            below.push((e.clone(), Style::new().fg(Color::Red)));
        }
        text_box(f, area, &title, Line::raw(""), input, &below);
    }

    fn typing(&self) -> bool {
        true
    }

    fn failed(&mut self, msg: &str) -> bool {
        self.error = Some(msg.to_string());
        true
    }
}
