//! Caseload / Borgere: the citizens, with target group, last contact and next due date.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::widgets::{Cell, Row as TRow};

use super::{due_cell, fill_width, table};
use crate::domain::text::{sanitize_line, truncate};
use crate::ui::app::{App, Row};

pub fn draw(app: &App, f: &mut Frame<'_>, r: Rect) {
    let l = app.lang;
    let w = l.w();
    let da = l.da();
    let fixed = [17, 14, 12, 6];
    let name_w = fill_width(r.width, &fixed);
    let rows: Vec<TRow<'static>> = app
        .state()
        .list
        .rows
        .iter()
        .filter_map(|row| match row {
            Row::Citizen(c) => Some(TRow::new(vec![
                Cell::from(truncate(&sanitize_line(&c.name), name_w)),
                Cell::from(c.target_group.short(da)),
                Cell::from(
                    c.last_contact
                        .map(|t| l.date(t.date()))
                        .unwrap_or_else(|| w.none.to_string()),
                ),
                due_cell(app, c.next_due),
                Cell::from(if c.mentor { w.mentor } else { "" }),
            ])),
            _ => None,
        })
        .collect();
    let header = vec![
        w.col_citizen,
        w.col_group,
        w.col_last_contact,
        w.col_next_due,
        "",
    ];
    let widths = vec![
        Constraint::Fill(1),
        Constraint::Length(fixed[0]),
        Constraint::Length(fixed[1]),
        Constraint::Length(fixed[2]),
        Constraint::Length(fixed[3]),
    ];
    table(app, f, r, header, widths, rows, w.no_citizens);
}
