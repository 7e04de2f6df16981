//! Today / I dag: the day's calls and mentor visits in time order, then the citizens whose next
//! conversation is due within 7 days, behind the pace or overdue, most urgent first.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Cell, Paragraph};

use super::{Col, appointment_cells, cell, channel_width, fit, status_width, table};
use crate::domain::Word;
use crate::domain::cadence::Standing;
use crate::domain::text::{sanitize_line, truncate};
use crate::domain::{Kind, TargetGroup};
use crate::ui::app::{App, Row};

pub fn draw(app: &App, f: &mut Frame<'_>, r: Rect) {
    let l = app.lang;
    let w = l.w();
    let da = l.da();
    let st = app.state();
    let today = app.today();
    let longest = super::widest(st.list.rows.iter().map(|row| match row {
        Row::Appointment(a) => a.citizen.as_str(),
        Row::Due(c) => c.name.as_str(),
        _ => "",
    }));
    // The first column holds a time, or the due date of a due citizen.
    let date_w = super::widest([l.date(today).as_str()]);
    let kind_w = super::widest(Kind::ALL.iter().map(|k| k.name(da)));
    let group_w = super::widest(TargetGroup::ALL.iter().map(|g| g.short(da)));
    // The due word ("frist om 6 dage") and "seneste 23.11" share the channel and status columns.
    let due_w = super::widest(
        [-1, 0, 1, 6]
            .iter()
            .map(|d| crate::i18n::due_in(l, today + chrono::Duration::days(*d), today))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str),
    );
    // "planlagt 03.05" only widens the column when such a row is on screen.
    let planned_w = if st.list.late.is_empty() {
        0
    } else {
        super::widest([format!("{} {}", w_planned(app), l.day_month(today)).as_str()])
    };
    let last_w = super::widest([last_label(app, Some(today)).as_str()]).max(planned_w);
    let cols = [
        Col::fixed(w.col_time, date_w),
        Col::fixed(w.col_min, 3),
        Col::name(w.col_citizen, longest),
        Col::flex(w.col_kind, kind_w, group_w.max(kind_w)),
        Col::fixed(w.col_channel, channel_width(da).max(due_w)),
        Col::fixed(w.col_status, status_width(da).max(last_w)),
    ];
    // The phone number next to the name, when the other columns have what they want.
    let phone = super::widest(st.list.rows.iter().map(|row| match row {
        Row::Appointment(a) => a.phone.as_str(),
        Row::Due(c) => c.phone.as_str(),
        _ => "",
    }));
    let (cols, widths) = if phone == 0 {
        (cols.to_vec(), fit(r.width, &cols))
    } else {
        super::fit_extra(r.width, &cols, 3, super::phone_col(app, phone), 0)
    };
    let with_phone = cols.len() > 6;
    let phone_cell = |p: &str| cell(&sanitize_line(p), widths[3]);
    // The columns after the phone (when it is there) are one further on.
    let kind_i = if with_phone { 4 } else { 3 };
    let mut rows = Vec::new();
    // Rows whose one text spans the columns from the name on: (index, text, style).
    let mut spanning: Vec<(usize, String, Style)> = Vec::new();
    for (i, row) in st.list.rows.iter().enumerate() {
        rows.push(match row {
            Row::Appointment(a) => {
                let mut cells = appointment_cells(app, a, false, widths[2]);
                cells.insert(3, cell(a.kind.name(da), widths[kind_i]));
                if with_phone {
                    cells.insert(3, phone_cell(&a.phone));
                }
                cells
            }
            Row::Due(c) => {
                let standing = c.standing(today);
                let word = match (crate::i18n::standing(l, standing), c.next_due) {
                    (Some(text), _) => Cell::from(text).style(super::standing_style(standing)),
                    (None, Some(d)) => Cell::from(crate::i18n::due_in(l, d, today)),
                    (None, None) => Cell::from(""),
                };
                let late = st.list.late.iter().find(|(id, _)| *id == c.id);
                let (mark, last) = match (late, c.requested) {
                    // Asked for a conversation, none planned since: the mark and the day.
                    (None, Some(d)) => (
                        Cell::from("»").style(Style::new().fg(Color::Cyan)),
                        Cell::from(crate::i18n::voice::requested_label(l, d))
                            .style(Style::new().fg(Color::Cyan)),
                    ),
                    _ => match late {
                        Some((_, day)) => (
                            Cell::from("⚠").style(late_style()),
                            Cell::from(format!("{} {}", w_planned(app), l.day_month(*day)))
                                .style(late_style()),
                        ),
                        None => (
                            Cell::from(""),
                            Cell::from(last_label(app, c.last_contact.map(|t| t.date())))
                                .style(Style::new().fg(Color::Gray)),
                        ),
                    },
                };
                // The date the word speaks of: the pace's when it comes first and is near.
                let shown = match standing {
                    Standing::DueSoon(d) => Some(today + chrono::Duration::days(d)),
                    _ => c.next_due,
                };
                let mut cells = vec![
                    super::standing_cell(app, shown, standing),
                    mark,
                    cell(&sanitize_line(&c.name), widths[2]),
                    cell(c.target_group.short(da), widths[kind_i]),
                    word,
                    last,
                ];
                if with_phone {
                    cells.insert(3, phone_cell(&c.phone));
                }
                cells
            }
            Row::DueHeading => {
                let mut text = format!(" {}  ({})", w.due_heading, st.list.due);
                if let Some(flag) = expiry_flag(app) {
                    text.push_str(&format!("  ·  {flag}"));
                }
                spanning.push((
                    i,
                    text,
                    Style::new()
                        .fg(Color::Black)
                        .bg(Color::Gray)
                        .add_modifier(Modifier::BOLD),
                ));
                vec![]
            }
            Row::NoAppointments | Row::NothingDue => {
                let text = if matches!(row, Row::NoAppointments) {
                    w.no_appointments_day
                } else {
                    w.nothing_due
                };
                let indent = " ".repeat((widths[0] + widths[1] + 2) as usize);
                spanning.push((i, format!("{indent}{text}"), Style::new().fg(Color::Gray)));
                vec![]
            }
            Row::Contact(_)
            | Row::Citizen(_)
            | Row::Call(_)
            | Row::CatchUp(_)
            | Row::Company(_)
            | Row::Lead(_) => vec![],
        });
    }
    table(app, f, r, &cols, &widths, rows, w.no_appointments_day);
    for (i, text, style) in spanning {
        let y = r.y + 1 + i as u16;
        if y < r.y + r.height {
            let p = Paragraph::new(truncate(&text, r.width as usize)).style(style);
            f.render_widget(p, Rect { y, height: 1, ..r });
        }
    }
}

fn late_style() -> Style {
    Style::new().fg(Color::Red)
}

/// "planlagt" / "planned": before the day of a conversation planned after the deadline.
fn w_planned(app: &App) -> &'static str {
    app.lang.t("planlagt", "planned")
}

/// "seneste 23.11" / "latest 23 Nov": a due citizen's latest contact.
fn last_label(app: &App, last: Option<chrono::NaiveDate>) -> String {
    let l = app.lang;
    let when = last
        .map(|d| l.day_month(d))
        .unwrap_or_else(|| l.w().none.to_string());
    format!("{} {when}", l.t("seneste", "latest"))
}

/// The mentor agreements that end within 14 days, for the due section's heading:
/// "mentoraftale udløber 02.12: Jens Hansen; 04.12: Maren Ærø".
fn expiry_flag(app: &App) -> Option<String> {
    let list = &app.mentor_expiring;
    let mut parts = list.iter().map(|(_, name, until)| {
        (
            crate::i18n::mentor::expires(app.lang, *until),
            app.lang.day_month(*until),
            sanitize_line(name),
        )
    });
    let (first, _, name) = parts.next()?;
    let mut text = format!("{first}: {name}");
    for (_, day, name) in parts {
        text.push_str(&format!("; {day}: {name}"));
    }
    Some(text)
}
