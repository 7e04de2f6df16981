//! One file per pane. Each turns the rows `App` read into a table.

pub mod caseload;
pub mod closure;
pub mod log;
pub mod today;
pub mod visits;

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row as TRow, Table};

use super::app::App;
use super::pane::Pane;
use super::theme::ACCENT;
use crate::domain::cadence::{Urgency, urgency};
use crate::domain::text::{sanitize_line, truncate};
use crate::domain::{Appointment, Status};

pub fn draw(app: &App, f: &mut Frame<'_>, title: Rect, table: Rect) {
    title_line(app, f, title);
    match app.pane {
        Pane::Today => today::draw(app, f, table),
        Pane::Calls | Pane::Visits => visits::draw(app, f, table),
        Pane::Log => log::draw(app, f, table),
        Pane::Caseload => caseload::draw(app, f, table),
        Pane::Closure => closure::draw(app, f, table),
    }
}

/// "mandag 23.11.2026 · dag · 12 rækker · filter: sør".
fn title_line(app: &App, f: &mut Frame<'_>, r: Rect) {
    let l = app.lang;
    let w = l.w();
    let st = app.state();
    let mut spans = Vec::new();
    let name = w.panes[app.pane.index()];
    spans.push(Span::styled(
        format!(" {name}"),
        Style::new().add_modifier(Modifier::BOLD),
    ));
    if app.pane == Pane::Closure {
        if let Some(v) = &app.closure {
            spans.push(Span::raw(format!(
                "  ·  {}",
                crate::i18n::closure::title(l, &v.closure)
            )));
        }
    } else if app.pane != Pane::Caseload {
        let when = if st.week {
            let from = crate::domain::dates::week_start(st.date);
            format!(
                "{} {}–{}",
                capital(&l.week(st.date)),
                l.date(from),
                l.date(from + chrono::Duration::days(6))
            )
        } else {
            l.day_title(st.date)
        };
        spans.push(Span::raw(format!("  ·  {when}")));
        if matches!(app.pane, Pane::Calls | Pane::Visits) {
            spans.push(Span::styled(
                format!("  ·  {}", if st.week { w.week_view } else { w.day_view }),
                Style::new().fg(Color::Gray),
            ));
        }
    }
    let count = match app.pane {
        Pane::Today => st.list.appts,
        _ => st.list.total,
    };
    spans.push(Span::styled(
        format!("  ·  {count}"),
        Style::new().fg(Color::Gray),
    ));
    if !st.filter.is_empty() {
        spans.push(Span::styled(
            format!(
                "  ·  {}: {}",
                w.filter.to_lowercase(),
                sanitize_line(&st.filter)
            ),
            Style::new().fg(ACCENT),
        ));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), r);
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|x| x.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// A table of `rows` with the selection highlighted; an empty list shows `empty`.
pub(crate) fn table(
    app: &App,
    f: &mut Frame<'_>,
    r: Rect,
    header: Vec<&'static str>,
    widths: Vec<Constraint>,
    rows: Vec<TRow<'static>>,
    empty: &str,
) {
    let st = app.state();
    let head = TRow::new(header.into_iter().map(Cell::from))
        .style(Style::new().fg(Color::Gray).add_modifier(Modifier::BOLD));
    if rows.is_empty() {
        let t = Table::new(Vec::<TRow<'_>>::new(), widths.clone())
            .header(head)
            .column_spacing(1);
        f.render_widget(t, r);
        let msg = Rect {
            y: r.y + 2,
            height: 1,
            ..r
        };
        f.render_widget(
            Paragraph::new(format!("  {empty}")).style(Style::new().fg(Color::Gray)),
            msg,
        );
        return;
    }
    let selected = st.list.selected.checked_sub(st.list.offset);
    let rows: Vec<TRow<'static>> = rows
        .into_iter()
        .enumerate()
        .map(|(i, row)| {
            if Some(i) == selected {
                row.style(selected_style())
            } else {
                row
            }
        })
        .collect();
    let t = Table::new(rows, widths).header(head).column_spacing(1);
    f.render_widget(t, r);
}

/// The width a `Fill` column gets next to fixed columns (one cell of spacing between columns).
pub(crate) fn fill_width(total: u16, fixed: &[u16]) -> usize {
    let spacing = fixed.len();
    (total as usize)
        .saturating_sub(fixed.iter().map(|w| *w as usize).sum::<usize>() + spacing)
        .max(8)
}

fn selected_style() -> Style {
    Style::new()
        .bg(Color::Blue)
        .fg(Color::White)
        .add_modifier(Modifier::BOLD)
}

/// Status with its colour: held green, no-show red, cancelled grey, planned plain.
fn status_cell(app: &App, s: Status) -> Cell<'static> {
    let style = match s {
        Status::Held => Style::new().fg(Color::Green),
        Status::NoShow => Style::new().fg(Color::Red),
        Status::Cancelled | Status::CancelledByCitizen | Status::Moved => {
            Style::new().fg(Color::DarkGray)
        }
        Status::Planned => Style::new(),
    };
    Cell::from(s.short(app.lang.da())).style(style)
}

/// A due date coloured by urgency: overdue red, within 7 days yellow.
pub(crate) fn due_cell(app: &App, due: Option<chrono::NaiveDate>) -> Cell<'static> {
    let l = app.lang;
    match due {
        None => Cell::from(l.w().none),
        Some(d) => {
            let style = match urgency(d, app.today()) {
                Urgency::Overdue => Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
                Urgency::DueSoon => Style::new().fg(Color::Yellow),
                Urgency::Later => Style::new(),
            };
            Cell::from(l.date(d)).style(style)
        }
    }
}

/// The cells every appointment row shares: time, minutes, citizen, channel, status.
pub(crate) fn appointment_cells(
    app: &App,
    a: &Appointment,
    with_day: bool,
    name_w: usize,
) -> Vec<Cell<'static>> {
    let l = app.lang;
    let da = l.da();
    let when = if with_day {
        format!("{} {}", l.short_day(a.start.date()), l.time(a.start.time()))
    } else {
        l.time(a.start.time())
    };
    vec![
        Cell::from(when),
        Cell::from(a.minutes.to_string()),
        Cell::from(truncate(&sanitize_line(&a.citizen), name_w)),
        Cell::from(crate::domain::Word::name(a.channel, da)),
        status_cell(app, a.status),
    ]
}
