//! Calls / Samtaler and Mentor visits / Mentorbesøg: appointments of one kind by day or week.

use ratatui::Frame;
use ratatui::layout::Rect;

use super::{Col, appointment_cells, cell, channel_width, status_width, table};
use crate::domain::text::sanitize_line;
use crate::ui::app::{App, Row};
use crate::ui::pane::Pane;

pub fn draw(app: &App, f: &mut Frame<'_>, r: Rect) {
    let l = app.lang;
    let w = l.w();
    let da = l.da();
    let st = app.state();
    let week = st.week;
    let appts = || {
        st.list.rows.iter().filter_map(|row| match row {
            Row::Appointment(a) => Some(a),
            _ => None,
        })
    };
    // "tor 03.12 10.30" / "Thu 10 Dec 10:30" in week view, the time alone by day; " ↻" after
    // it for a series' occurrence, when one is on screen.
    let series = appts().any(|a| a.series_id.is_some());
    let mark = if series { 2 } else { 0 };
    let when_w = if week { if da { 15 } else { 16 } } else { 5 } + mark;
    let longest = super::widest(appts().map(|a| a.citizen.as_str()));
    let place = super::widest(appts().map(|a| a.place.as_str()));
    let cols = [
        Col::fixed(w.col_time, when_w),
        Col::fixed(w.col_min, 3),
        Col::name(w.col_citizen, longest),
        Col::fixed(w.col_channel, channel_width(da)),
        Col::fixed(w.col_status, status_width(da)),
        Col::flex(l.t("Sted", "Place"), 8, place.max(14))
            .optional(1)
            .fill(),
    ];
    // The phone number next to the name, when the place (an address, often) keeps 24 columns.
    let phone = super::widest(appts().map(|a| a.phone.as_str()));
    let (cols, widths) = if phone == 0 {
        (cols.to_vec(), super::fit(r.width, &cols))
    } else {
        super::fit_extra(r.width, &cols, 3, super::phone_col(app, phone), 24)
    };
    let rows = appts()
        .map(|a| {
            let mut cells = appointment_cells(app, a, week, widths[2]);
            if cols.len() > 6 {
                cells.insert(3, cell(&sanitize_line(&a.phone), widths[3]));
            }
            let place = widths[cols.len() - 1];
            cells.push(cell(&sanitize_line(&a.place), place));
            cells
        })
        .collect();
    let empty = if app.pane == Pane::Calls {
        w.no_conversations
    } else {
        w.no_visits
    };
    table(app, f, r, &cols, &widths, rows, empty);
}

/// The Mentor visits pane's hours for the shown week (the day's week by day), over every
/// mentor citizen: "12,5 t af 20 t aftalt". `None` on other panes or when nothing is agreed or
/// used.
pub(super) fn hours_title(app: &App) -> Option<String> {
    if app.pane != Pane::Visits {
        return None;
    }
    let (used, agreed) = app.visits_hours?;
    if used == 0 && agreed == 0.0 {
        return None;
    }
    Some(crate::i18n::mentor::pane_hours(app.lang, used, agreed))
}
