//! Closure / Nedlukning: the call-round's list with progress, and its report per target group
//! as a bar chart and a table.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Bar, BarChart, BarGroup, Block, Borders, Cell, Paragraph, Row as TRow, Table, Wrap,
};

use super::{Col, cell, fit, table, widest};
use crate::domain::closure::{CallBand, CallEntry, ReportRow};
use crate::domain::text::{sanitize_line, truncate, width};
use crate::domain::{TargetGroup, Word};
use crate::i18n::closure as words;
use crate::i18n::closure_desk as desk;
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
    if let Some(list) = &v.catch_up {
        catch_up(app, list.len(), f, r);
        return;
    }
    // The table's first row is the progress line (short enough for 80 columns; the full words
    // when they fit); the list below it.
    // The progress line: the full words when they fit, else shorter ones; the figures are
    // never cut.
    let p = &v.progress;
    let mut tries = vec![words::progress(l, p), words::progress_short(l, p)];
    if v.to_convert > 0 {
        tries = vec![
            format!(
                "{} · {}",
                words::progress(l, p),
                words::still_to_convert(l, v.to_convert)
            ),
            format!(
                "{} · {}",
                words::progress_short(l, p),
                words::still_to_convert_short(l, v.to_convert)
            ),
            format!(
                "{} · {}",
                words::progress_short(l, p),
                words::still_to_convert_tiny(l, v.to_convert)
            ),
            words::progress_short(l, p),
        ];
    }
    let status = tries
        .iter()
        .find(|t| width(t) <= r.width as usize)
        .or(tries.last())
        .cloned()
        .unwrap_or_default();
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
    let da = l.da();
    let today = app.today();
    let entries = || {
        app.state().list.rows.iter().filter_map(|row| match row {
            Row::Call(e) => Some(e),
            _ => None,
        })
    };
    let longest = widest(entries().map(|e| e.name.as_str()));
    let phone_w = widest(entries().map(|e| e.phone.as_str()));
    // Counts are never cut: the number column fits the longest list.
    let nr_w = (v.progress.on_list as usize)
        .max(app.state().list.total)
        .to_string()
        .len();
    let group_w = widest(TargetGroup::ALL.iter().map(|g| g.short(da)));
    let status_w = widest(
        [
            CallBand::DueRetry,
            CallBand::NotCalled,
            CallBand::LaterRetry,
            CallBand::WrongNumber,
        ]
        .map(|b| words::band(l, b)),
    )
    .max(width(l.t("truffet, nej tak", "reached, declined")))
    // Reached by another contact: "nået: hjemmebesøg" (at most 19, see closure_desk).
    .max(widest(
        entries()
            .filter_map(|e| e.reached_via)
            .map(|v| desk::reached_via(l, v.channel))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str),
    ));
    let next_w = widest([l.short_day(today).as_str()]) + 1;
    let cols = [
        Col::fixed(h[0], nr_w),
        Col::name(h[2], longest),
        Col::flex(h[3], 10, group_w).optional(1),
        Col::fixed(h[4], phone_w),
        Col::fixed(h[5], 3),
        Col::fixed(h[6], status_w),
        Col::fixed(h[7], next_w),
    ];
    let widths = fit(list.width, &cols);
    let rows = entries()
        .map(|e| {
            vec![
                Cell::from(e.position.to_string()),
                name_cell(l, e, widths[1]),
                cell(e.target_group.short(da), widths[2]),
                Cell::from(sanitize_line(&e.phone)),
                Cell::from(e.attempts.to_string()),
                cell(&status_of(l, e, today), widths[5]),
                Cell::from(e.next_try.map(|d| l.short_day(d)).unwrap_or_default()),
            ]
        })
        .collect();
    table(app, f, list, &cols, &widths, rows, l.w().no_citizens);
}

/// The name, and a newcomer's flag ("ny") at the column's right end: never cut.
fn name_cell(l: crate::i18n::Lang, e: &CallEntry, w: u16) -> Cell<'static> {
    let name = sanitize_line(&e.name);
    if !e.newcomer {
        return cell(&name, w);
    }
    let flag = desk::newcomer_flag(l);
    let room = (w as usize).saturating_sub(width(flag) + 1);
    let name = truncate(&name, room);
    let pad = " ".repeat(room.saturating_sub(width(&name)) + 1);
    Cell::from(Line::from(vec![
        Span::raw(format!("{name}{pad}")),
        Span::styled(flag, Style::new().fg(ACCENT).add_modifier(Modifier::BOLD)),
    ]))
}

/// The status column: the band (and the answer), or which contact reached the citizen.
fn status_of(l: crate::i18n::Lang, e: &CallEntry, today: chrono::NaiveDate) -> String {
    match e.reached_via {
        Some(v) => desk::reached_via(l, v.channel),
        None => words::entry_status_short(l, e, today),
    }
}

/// After the closure: the citizens whose paused conversations are due again, by new deadline
/// (Enter opens the card, `N` plans the next conversation, `a` any appointment).
fn catch_up(app: &App, n: usize, f: &mut Frame<'_>, r: Rect) {
    let l = app.lang;
    let tries = [
        desk::catch_up_status(l, n),
        desk::catch_up_status_short(l, n),
    ];
    let status = tries
        .iter()
        .find(|t| width(t) <= r.width as usize)
        .unwrap_or(&tries[1]);
    f.render_widget(
        Paragraph::new(truncate(status, r.width as usize))
            .style(Style::new().fg(ACCENT).add_modifier(Modifier::BOLD)),
        Rect { height: 1, ..r },
    );
    let list = Rect {
        y: r.y + 1,
        height: r.height.saturating_sub(1),
        ..r
    };
    let da = l.da();
    let rows_on_screen = || {
        app.state().list.rows.iter().filter_map(|row| match row {
            Row::CatchUp(c) => Some(c),
            _ => None,
        })
    };
    let h = desk::catch_up_header(l);
    let longest = widest(rows_on_screen().map(|c| c.name.as_str()));
    let phone_w = widest(rows_on_screen().map(|c| c.phone.as_str()));
    let group_w = widest(TargetGroup::ALL.iter().map(|g| g.short(da)));
    let date_w = width(&l.date(app.today()));
    let planned_w =
        width(&format!("{} 10.00", l.short_day(app.today()))).max(width(desk::not_planned(l)));
    let cols = [
        Col::name(h[0], longest),
        Col::flex(h[1], 10, group_w).optional(1),
        Col::fixed(h[2], phone_w),
        Col::fixed(h[3], date_w).optional(2),
        Col::fixed(h[4], date_w),
        Col::fixed(h[5], planned_w),
    ];
    let widths = fit(list.width, &cols);
    let rows = rows_on_screen()
        .map(|c| {
            vec![
                cell(&sanitize_line(&c.name), widths[0]),
                cell(c.target_group.short(da), widths[1]),
                Cell::from(sanitize_line(&c.phone)),
                Cell::from(l.date(c.paused_due)),
                Cell::from(l.date(c.due)),
                Cell::from(
                    c.planned
                        .map(|t| format!("{} {}", l.short_day(t.date()), l.time(t.time())))
                        .unwrap_or_else(|| desk::not_planned(l).to_string()),
                ),
            ]
        })
        .collect();
    table(app, f, list, &cols, &widths, rows, desk::catch_up_empty(l));
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
    // Two bars per group: reached (of the citizens) and accepted (of those asked), side by
    // side, as wide as the groups leave room for.
    let shown: Vec<&ReportRow> = rows
        .iter()
        .filter(|row| !row.is_all() && row.counts.citizens > 0)
        .collect();
    let n = shown.len().max(1) as u16;
    // A group takes two bars and a gap after each (the second is the space between groups).
    let per = (chart_area.width / n).max(4);
    let bar_w = (per.saturating_sub(2) / 2).clamp(1, 8);
    let group_w = bar_w * 2 + 1;
    let accepted_style = Style::new().fg(Color::Green);
    let bar = |pct: u64, style: Style| {
        let text = if bar_w >= 4 {
            format!("{pct}%")
        } else {
            pct.to_string()
        };
        Bar::default()
            .value(pct)
            .text_value(if width(&text) <= bar_w as usize {
                text
            } else {
                String::new()
            })
            .style(style)
            .value_style(style.add_modifier(Modifier::REVERSED))
    };
    let groups: Vec<BarGroup<'_>> = shown
        .iter()
        .map(|row| {
            let label = row
                .short(l.da())
                .map(|g| truncate(g, group_w as usize))
                .unwrap_or_default();
            BarGroup::with_label(
                Line::from(label),
                vec![
                    bar(row.reached_pct().0 / 10, Style::new().fg(ACCENT)),
                    bar(row.accepted_pct().0 / 10, accepted_style),
                ],
            )
        })
        .collect();
    let (head, reached, accepted) = desk::bars_title(l);
    let title = Line::from(vec![
        Span::raw(head),
        Span::styled(reached, Style::new().fg(ACCENT)),
        Span::raw("  "),
        Span::styled(accepted, accepted_style),
        Span::raw(" "),
    ]);
    let mut chart = BarChart::default()
        .block(Block::new().borders(Borders::TOP).title(title))
        .bar_width(bar_w)
        .bar_gap(1)
        .group_gap(0)
        .max(100);
    for g in &groups {
        chart = chart.data(g.clone());
    }
    f.render_widget(chart, chart_area);
    let head = words::report_header(l);
    let names: Vec<String> = rows
        .iter()
        .map(|row| {
            row.short(l.da())
                .unwrap_or(words::all_groups(l))
                .to_string()
        })
        .collect();
    let figure = |i: usize| Col::fixed(head[i], 6);
    let cols = [
        Col::flex(head[0], 10, widest(names.iter().map(String::as_str))),
        figure(1),
        figure(2),
        figure(3),
        figure(4),
        figure(5),
        figure(6),
        figure(7),
        figure(8),
    ];
    let widths = fit(table_area.width, &cols);
    let t_rows: Vec<TRow<'static>> = rows
        .iter()
        .zip(&names)
        .map(|(row, name)| {
            let c = &row.counts;
            TRow::new(vec![
                cell(name, widths[0]),
                Cell::from(c.citizens.to_string()),
                Cell::from(c.reached.to_string()),
                Cell::from(row.reached_pct().fmt(l.da())),
                Cell::from(c.asked.to_string()),
                Cell::from(c.accepted.to_string()),
                Cell::from(row.accepted_pct().fmt(l.da())),
                Cell::from(row.attempts_per_reached().fmt(l.da())),
                Cell::from(c.matched.to_string()),
            ])
        })
        .collect();
    let constraints: Vec<Constraint> = widths.iter().map(|w| Constraint::Length(*w)).collect();
    let t = Table::new(t_rows, constraints)
        .header(
            TRow::new(head.iter().map(|h| Cell::from(*h)))
                .style(Style::new().fg(Color::Gray).add_modifier(Modifier::BOLD)),
        )
        .column_spacing(1);
    f.render_widget(t, table_area);
}
