//! Closure / Nedlukning: the call-round's list with progress, and its report per target group
//! as a bar chart and a table.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{
    Bar, BarChart, BarGroup, Block, Borders, Cell, Paragraph, Row as TRow, Table, Wrap,
};

use super::{fill_width, table};
use crate::domain::text::{sanitize_line, truncate};
use crate::i18n::closure as words;
use crate::ui::app::{App, ClosureView, Row};
use crate::ui::theme::ACCENT;

pub fn draw(app: &App, f: &mut Frame<'_>, r: Rect) {
    let l = app.lang;
    let Some(v) = &app.closure else {
        let p = Paragraph::new(format!("  {}", l.w().closure_none))
            .wrap(Wrap { trim: false })
            .style(Style::new().fg(Color::Gray));
        f.render_widget(
            p,
            Rect {
                y: r.y + 1,
                height: r.height.saturating_sub(1),
                ..r
            },
        );
        return;
    };
    if v.report.is_some() {
        report(app, v, f, r);
        return;
    }
    // The table's first row is the progress line; the list below it.
    let mut status = words::progress(l, &v.progress);
    if v.to_convert > 0 {
        status = format!("{status} · {}", words::still_to_convert(l, v.to_convert));
    }
    f.render_widget(
        Paragraph::new(truncate(&status, r.width as usize))
            .style(Style::new().fg(ACCENT).add_modifier(Modifier::BOLD)),
        Rect { height: 1, ..r },
    );
    let list = Rect {
        y: r.y + 1,
        height: r.height.saturating_sub(1),
        ..r
    };
    let h = words::list_header(l);
    let fixed = [4, 15, 12, 6, 22, 12];
    let name_w = fill_width(list.width, &fixed);
    let today = app.today();
    let rows: Vec<TRow<'static>> = app
        .state()
        .list
        .rows
        .iter()
        .filter_map(|row| match row {
            Row::Call(e) => Some(TRow::new(vec![
                Cell::from(e.position.to_string()),
                Cell::from(truncate(&sanitize_line(&e.name), name_w)),
                Cell::from(truncate(e.target_group.short(l.da()), 15)),
                Cell::from(truncate(&sanitize_line(&e.phone), 12)),
                Cell::from(e.attempts.to_string()),
                Cell::from(truncate(&words::entry_status(l, e, today), 22)),
                Cell::from(e.next_try.map(|d| l.date(d)).unwrap_or_default()),
            ])),
            _ => None,
        })
        .collect();
    let header = vec![h[0], h[2], h[3], h[4], h[5], h[6], h[7]];
    let widths = vec![
        Constraint::Length(fixed[0]),
        Constraint::Fill(1),
        Constraint::Length(fixed[1]),
        Constraint::Length(fixed[2]),
        Constraint::Length(fixed[3]),
        Constraint::Length(fixed[4]),
        Constraint::Length(fixed[5]),
    ];
    table(app, f, list, header, widths, rows, l.w().no_citizens);
}

/// The report: reached and accepted per target group as bars, and the figures as a table.
fn report(app: &App, v: &ClosureView, f: &mut Frame<'_>, r: Rect) {
    let l = app.lang;
    let rows = v.report.as_deref().unwrap_or(&[]);
    let [chart_area, table_area] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(rows.len() as u16 + 1),
    ])
    .areas(r);
    let bars: Vec<Bar<'_>> = rows
        .iter()
        .filter(|row| row.group.is_some() && row.counts.citizens > 0)
        .map(|row| {
            let pct = row.reached_pct().0 / 10;
            let label = row
                .group
                .map(|g| truncate(g.short(l.da()), 9))
                .unwrap_or_default();
            Bar::default()
                .value(pct)
                .label(Line::from(label))
                .text_value(format!("{pct}%"))
                .style(Style::new().fg(ACCENT))
        })
        .collect();
    let title = format!(
        " {} ",
        l.t("Fanget i % pr. målgruppe", "Reached, % per target group")
    );
    let chart = BarChart::default()
        .block(Block::new().borders(Borders::TOP).title(title))
        .data(BarGroup::default().bars(&bars))
        .bar_width(9)
        .bar_gap(1)
        .max(100);
    f.render_widget(chart, chart_area);
    let head = words::report_header(l);
    let t_rows: Vec<TRow<'static>> = rows
        .iter()
        .map(|row| {
            let name = match row.group {
                Some(g) => g.short(l.da()).to_string(),
                None => words::all_groups(l).to_string(),
            };
            let c = &row.counts;
            TRow::new(vec![
                Cell::from(name),
                Cell::from(c.citizens.to_string()),
                Cell::from(c.reached.to_string()),
                Cell::from(row.reached_pct().fmt(l.da())),
                Cell::from(c.accepted.to_string()),
                Cell::from(row.accepted_pct().fmt(l.da())),
                Cell::from(row.attempts_per_reached().fmt(l.da())),
            ])
        })
        .collect();
    let widths = [
        Constraint::Fill(1),
        Constraint::Length(9),
        Constraint::Length(8),
        Constraint::Length(9),
        Constraint::Length(9),
        Constraint::Length(10),
        Constraint::Length(20),
    ];
    let t = Table::new(t_rows, widths)
        .header(
            TRow::new(head.iter().map(|h| Cell::from(*h)))
                .style(Style::new().fg(Color::Gray).add_modifier(Modifier::BOLD)),
        )
        .column_spacing(1);
    f.render_widget(t, table_area);
}
