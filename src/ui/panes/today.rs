//! Today / I dag: the day's calls and mentor visits in time order, then the citizens whose next
//! conversation is due within 7 days or overdue, most urgent first.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Cell, Paragraph, Row as TRow};

use super::{appointment_cells, due_cell, fill_width, table};
use crate::domain::Word;
use crate::domain::cadence::{Urgency, urgency};
use crate::domain::text::{sanitize_line, truncate};
use crate::ui::app::{App, Row};

pub fn draw(app: &App, f: &mut Frame<'_>, r: Rect) {
    let l = app.lang;
    let w = l.w();
    let da = l.da();
    let fixed = [10, 3, 15, 15, 14];
    let name_w = fill_width(r.width, &fixed);
    let mut rows = Vec::new();
    let mut heading_at = None;
    let st = app.state();
    for (i, row) in st.list.rows.iter().enumerate() {
        rows.push(match row {
            Row::Appointment(a) => {
                let mut cells = appointment_cells(app, a, false, name_w);
                cells.insert(3, Cell::from(a.kind.name(da)));
                TRow::new(cells)
            }
            Row::Due(c) => {
                let word = match c.next_due.map(|d| urgency(d, app.today())) {
                    Some(Urgency::Overdue) => {
                        Cell::from(w.overdue).style(Style::new().fg(Color::Red))
                    }
                    Some(Urgency::DueSoon) => {
                        Cell::from(w.due_soon).style(Style::new().fg(Color::Yellow))
                    }
                    _ => Cell::from(""),
                };
                let last = c
                    .last_contact
                    .map(|t| l.day_month(t.date()))
                    .unwrap_or_else(|| w.none.to_string());
                TRow::new(vec![
                    due_cell(app, c.next_due),
                    Cell::from(""),
                    Cell::from(truncate(&sanitize_line(&c.name), name_w)),
                    Cell::from(truncate(c.target_group.short(da), 15)),
                    word,
                    Cell::from(format!("{} {last}", l.t("sidst", "last")))
                        .style(Style::new().fg(Color::Gray)),
                ])
            }
            Row::DueHeading => {
                heading_at = Some(i);
                TRow::new(vec![Cell::from("")])
            }
            Row::NoAppointments => TRow::new(vec![
                Cell::from(""),
                Cell::from(""),
                Cell::from(w.no_appointments_day).style(Style::new().fg(Color::Gray)),
            ]),
            Row::NothingDue => TRow::new(vec![
                Cell::from(""),
                Cell::from(""),
                Cell::from(w.nothing_due).style(Style::new().fg(Color::Gray)),
            ]),
            Row::Contact(_) | Row::Citizen(_) | Row::Call(_) => TRow::new(vec![Cell::from("")]),
        });
    }
    let header = vec![
        w.col_time,
        w.col_min,
        w.col_citizen,
        w.col_kind,
        w.col_channel,
        w.col_status,
    ];
    let widths = vec![
        Constraint::Length(fixed[0]),
        Constraint::Length(fixed[1]),
        Constraint::Fill(1),
        Constraint::Length(fixed[2]),
        Constraint::Length(fixed[3]),
        Constraint::Length(fixed[4]),
    ];
    table(app, f, r, header, widths, rows, w.no_appointments_day);
    if let Some(i) = heading_at {
        let y = r.y + 1 + i as u16;
        if y < r.y + r.height {
            let text = format!(" {}  ({})", w.due_heading, st.list.due);
            let p = Paragraph::new(truncate(&text, r.width as usize)).style(
                Style::new()
                    .fg(Color::Black)
                    .bg(Color::Gray)
                    .add_modifier(Modifier::BOLD),
            );
            f.render_widget(p, Rect { y, height: 1, ..r });
        }
    }
}
