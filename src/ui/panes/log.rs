//! Contact log / Kontaktlog: the log of a day, newest first, with outcome and note.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Color, Style};
use ratatui::widgets::{Cell, Row as TRow};

use super::{fill_width, table};
use crate::domain::Word;
use crate::domain::text::{sanitize_line, truncate};
use crate::ui::app::{App, Row};

pub fn draw(app: &App, f: &mut Frame<'_>, r: Rect) {
    let l = app.lang;
    let w = l.w();
    let da = l.da();
    let fixed = [5, 18, 12, 14, 3, 1];
    let note_w = fill_width(r.width, &fixed);
    let rows: Vec<TRow<'static>> = app
        .state()
        .list
        .rows
        .iter()
        .filter_map(|row| match row {
            Row::Contact(c) => {
                let mark = if c.transferred_at.is_none() {
                    Cell::from("●").style(Style::new().fg(Color::Yellow))
                } else {
                    Cell::from("")
                };
                Some(TRow::new(vec![
                    Cell::from(l.time(c.at.time())),
                    Cell::from(truncate(&sanitize_line(&c.citizen), 18)),
                    Cell::from(c.channel.name(da)),
                    Cell::from(c.outcome.short(da)),
                    Cell::from(c.minutes.to_string()),
                    mark,
                    Cell::from(truncate(&sanitize_line(&c.note), note_w)),
                ]))
            }
            _ => None,
        })
        .collect();
    let header = vec![
        w.col_time,
        w.col_citizen,
        w.col_channel,
        w.col_outcome,
        w.col_min,
        "",
        w.col_note,
    ];
    let widths = vec![
        Constraint::Length(fixed[0]),
        Constraint::Length(fixed[1]),
        Constraint::Length(fixed[2]),
        Constraint::Length(fixed[3]),
        Constraint::Length(fixed[4]),
        Constraint::Length(fixed[5]),
        Constraint::Fill(1),
    ];
    table(app, f, r, header, widths, rows, w.no_contacts);
}
