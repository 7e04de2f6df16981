//! Contact log / Kontaktlog: the log of a day, newest first, with outcome and note.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Cell;

use super::{Col, cell, channel_width, fit, table};
use crate::domain::text::sanitize_line;
use crate::domain::{Outcome, Word};
use crate::ui::app::{App, Row};

pub fn draw(app: &App, f: &mut Frame<'_>, r: Rect) {
    let l = app.lang;
    let w = l.w();
    let da = l.da();
    let contacts = || {
        app.state().list.rows.iter().filter_map(|row| match row {
            Row::Contact(c) => Some(c),
            _ => None,
        })
    };
    let longest = super::widest(contacts().map(|c| c.citizen.as_str()));
    let outcome_w = super::widest(Outcome::ALL.iter().map(|o| crate::i18n::outcome(l, *o)));
    let queue = app.queue;
    let cal = app.config.calendar();
    let max = app.config.transfer_max_days;
    let cols = [
        if queue {
            Col::fixed(w.col_time, 11)
        } else {
            Col::fixed(w.col_time, 5)
        },
        Col::name(w.col_citizen, longest),
        Col::fixed(w.col_channel, channel_width(da)),
        Col::fixed(w.col_outcome, outcome_w),
        Col::fixed(w.col_min, 3),
        if queue {
            Col::fixed(crate::i18n::queue::age_col(l), 3)
        } else {
            Col::fixed("", 1)
        },
        Col::flex(w.col_note, 10, 10).fill(),
    ];
    let widths = fit(r.width, &cols);
    let rows = contacts()
        .map(|c| {
            let mark = if queue {
                // The age in working days, red when too old.
                let age = crate::domain::journal::age_of(&cal, c.at, app.now);
                if crate::domain::journal::too_old(age, max) {
                    Cell::from(format!("{age}!"))
                        .style(Style::new().fg(Color::Red).add_modifier(Modifier::BOLD))
                } else {
                    Cell::from(age.to_string()).style(Style::new().fg(Color::Yellow))
                }
            } else if c.transferred_at.is_none() {
                Cell::from("●").style(Style::new().fg(Color::Yellow))
            } else {
                Cell::from("")
            };
            vec![
                Cell::from(if queue {
                    format!("{} {}", l.day_month(c.at.date()), l.time(c.at.time()))
                } else {
                    l.time(c.at.time())
                }),
                cell(&sanitize_line(&c.citizen), widths[1]),
                Cell::from(c.channel.name(da)),
                Cell::from(crate::i18n::outcome(l, c.outcome)),
                Cell::from(c.minutes.to_string()),
                mark,
                cell(&sanitize_line(&c.note), widths[6]),
            ]
        })
        .collect();
    table(app, f, r, &cols, &widths, rows, w.no_contacts);
}
