//! Calls / Samtaler and Mentor visits / Mentorbesøg: appointments of one kind by day or week.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::widgets::{Cell, Row as TRow};

use super::{appointment_cells, fill_width, table};
use crate::domain::text::{sanitize_line, truncate};
use crate::ui::app::{App, Row};
use crate::ui::pane::Pane;

pub fn draw(app: &App, f: &mut Frame<'_>, r: Rect) {
    let w = app.lang.w();
    let st = app.state();
    let week = st.week;
    let when_w: u16 = if week { 15 } else { 5 };
    let fixed = [when_w, 3, 12, 14, 14];
    let name_w = fill_width(r.width, &fixed);
    let rows: Vec<TRow<'static>> = st
        .list
        .rows
        .iter()
        .filter_map(|row| match row {
            Row::Appointment(a) => {
                let mut cells = appointment_cells(app, a, week, name_w);
                let extra = if a.place.is_empty() {
                    String::new()
                } else {
                    sanitize_line(&a.place)
                };
                cells.push(Cell::from(truncate(&extra, 14)));
                Some(TRow::new(cells))
            }
            _ => None,
        })
        .collect();
    let header = vec![
        w.col_time,
        w.col_min,
        w.col_citizen,
        w.col_channel,
        w.col_status,
        app.lang.t("Sted", "Place"),
    ];
    let widths = vec![
        Constraint::Length(fixed[0]),
        Constraint::Length(fixed[1]),
        Constraint::Fill(1),
        Constraint::Length(fixed[2]),
        Constraint::Length(fixed[3]),
        Constraint::Length(fixed[4]),
    ];
    let empty = if app.pane == Pane::Calls {
        w.no_conversations
    } else {
        w.no_visits
    };
    table(app, f, r, header, widths, rows, empty);
}
