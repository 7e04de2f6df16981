//! Drawing: the whole screen from `&App`. Drawing never changes state and never writes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::app::{App, Mode};
use super::keymap::{self, Scope};
use super::layout::{self, areas, centered};
use super::panes;
use super::theme::ACCENT;
use super::widgets::line::LineInput;
use crate::domain::text::{capitalise, sanitize_line, truncate, width};

pub fn draw(app: &App, f: &mut Frame<'_>) {
    let area = f.area();
    if layout::too_small(area.width, area.height) {
        let msg = app.lang.w().too_small;
        let p = Paragraph::new(msg)
            .wrap(Wrap { trim: true })
            .style(Style::new().fg(Color::Yellow));
        f.render_widget(p, area);
        return;
    }
    let a = areas(area);
    header(app, f, a.header);
    tabs(app, f, a.tabs);
    if app.empty {
        welcome(
            app,
            f,
            Rect {
                height: a.table.height + 1,
                ..a.title
            },
        );
    } else {
        panes::draw(app, f, a.title, a.table);
    }
    footer(app, f, a.footer);
    match &app.mode {
        Mode::Help { scroll } => help(app, f, area, *scroll),
        Mode::Card(card) => panes::card::draw(app, card, f, area),
        Mode::Note { citizen, input, .. } => {
            let w = app.lang.w();
            let title = format!(" {} · {} ", sanitize_line(citizen), w.note_title);
            let len = input.len();
            let limit = app.config.note_soft_limit;
            let (count, style) = if len > limit {
                (
                    format!(" {len}/{limit} {} ", w.soft_limit),
                    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
                )
            } else {
                (format!(" {len}/{limit} "), Style::new().fg(Color::Gray))
            };
            text_box(
                f,
                a.footer,
                &title,
                Line::from(Span::styled(count, style)),
                input,
                None,
            );
        }
        Mode::Move {
            citizen,
            input,
            error,
            ..
        } => {
            let title = format!(" {} · {} ", sanitize_line(citizen), app.lang.w().move_title);
            text_box(f, a.footer, &title, Line::raw(""), input, error.as_deref());
        }
        Mode::LogPick { citizen, .. } => log_pick(app, f, area, citizen),
        Mode::Accept { citizen, .. } => {
            let title = format!(" {} ", sanitize_line(citizen));
            prompt(f, a.footer, &title, app.lang.w().accept_title);
        }
        Mode::ConfirmErase { question, .. } => {
            let lines: Vec<Line<'_>> = question
                .lines()
                .map(|l| Line::raw(l.to_string()))
                .chain([
                    Line::raw(""),
                    Line::styled(
                        app.lang.t("Slet for altid? j/n", "Erase for good? y/n"),
                        Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
                    ),
                ])
                .collect();
            let r = centered(area, 80, 10);
            f.render_widget(Clear, r);
            f.render_widget(
                Paragraph::new(lines).wrap(Wrap { trim: false }).block(
                    Block::new()
                        .borders(Borders::ALL)
                        .border_style(Style::new().fg(Color::Red)),
                ),
                r,
            );
        }
        Mode::ConfirmMark {
            citizen, question, ..
        } => {
            let title = format!(" {} ", sanitize_line(citizen));
            prompt(f, a.footer, &title, question);
        }
        Mode::ConfirmConvert { count } => {
            prompt(
                f,
                a.footer,
                " ",
                &format!("{count} {}", app.lang.w().confirm_convert),
            );
        }
        Mode::QuickAdd(q) => {
            let (text, ok) = super::quickadd::preview_text(app.lang, &q.preview);
            let title = format!(" {} ", app.lang.w().quick_add_title);
            let r = Rect {
                x: a.footer.x,
                y: a.footer.y.saturating_sub(4),
                width: a.footer.width,
                height: 4,
            };
            let block = Block::new()
                .borders(Borders::ALL)
                .border_style(Style::new().fg(ACCENT))
                .title(truncate(&title, r.width.saturating_sub(2) as usize));
            let inner = block.inner(r);
            f.render_widget(Clear, r);
            f.render_widget(block, r);
            f.render_widget(&q.input.area, Rect { height: 1, ..inner });
            let style = if ok {
                Style::new().fg(Color::Green)
            } else {
                Style::new().fg(Color::Red)
            };
            let style = if q.confirm_past {
                Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
            } else {
                style
            };
            f.render_widget(
                Paragraph::new(truncate(&sanitize_line(&text), inner.width as usize)).style(style),
                Rect {
                    y: inner.y + 1,
                    height: 1,
                    ..inner
                },
            );
            if let Some(pick) = &q.pick {
                let lines: Vec<Line<'_>> = pick
                    .ids
                    .iter()
                    .enumerate()
                    .map(|(i, (_, n))| {
                        let line = Line::raw(format!(" {} ", sanitize_line(n)));
                        if i == pick.selected {
                            line.style(Style::new().bg(Color::Blue).fg(Color::White))
                        } else {
                            line
                        }
                    })
                    .collect();
                let pr = centered(area, 50, lines.len() as u16 + 2);
                let title = format!(
                    " {} ",
                    app.lang
                        .t("Vælg borger (↑/↓, Enter)", "Pick the citizen (↑/↓, Enter)")
                );
                f.render_widget(Clear, pr);
                f.render_widget(
                    Paragraph::new(lines).block(
                        Block::new()
                            .borders(Borders::ALL)
                            .border_style(Style::new().fg(Color::Yellow))
                            .title(title),
                    ),
                    pr,
                );
            }
        }
        Mode::Form(form) => {
            let labels = super::form::labels(app.lang);
            let h = super::form::FIELDS as u16 + 2 + form.errors.len().min(4) as u16;
            let r = centered(area, 70, h);
            let block = Block::new()
                .borders(Borders::ALL)
                .border_style(Style::new().fg(ACCENT))
                .title(format!(" {} ", app.lang.t("Ny aftale", "New appointment")))
                .title_bottom(
                    Line::from(format!(
                        " {} ",
                        app.lang.t(
                            "Tab: næste felt · Ctrl+S gemmer · Esc fortryder",
                            "Tab: next field · Ctrl+S saves · Esc cancels"
                        )
                    ))
                    .right_aligned(),
                );
            let inner = block.inner(r);
            f.render_widget(Clear, r);
            f.render_widget(block, r);
            for (i, field) in form.fields.iter().enumerate() {
                let y = inner.y + i as u16;
                if y >= inner.y + inner.height {
                    break;
                }
                let style = if i == form.focus {
                    Style::new().fg(ACCENT).add_modifier(Modifier::BOLD)
                } else {
                    Style::new().fg(Color::Gray)
                };
                f.render_widget(
                    Paragraph::new(format!("{:<10}", labels[i])).style(style),
                    Rect {
                        x: inner.x,
                        y,
                        width: 11,
                        height: 1,
                    },
                );
                let fr = Rect {
                    x: inner.x + 11,
                    y,
                    width: inner.width.saturating_sub(11),
                    height: 1,
                };
                if i == form.focus {
                    f.render_widget(&field.area, fr);
                } else {
                    f.render_widget(Paragraph::new(sanitize_line(&field.text())), fr);
                }
            }
            for (j, e) in form.errors.iter().take(4).enumerate() {
                let y = inner.y + super::form::FIELDS as u16 + j as u16;
                if y < inner.y + inner.height {
                    f.render_widget(
                        Paragraph::new(truncate(&sanitize_line(e), inner.width as usize))
                            .style(Style::new().fg(Color::Red)),
                        Rect {
                            y,
                            height: 1,
                            ..inner
                        },
                    );
                }
            }
        }
        Mode::StartClosure { input, error } => {
            let title = format!(" {} ", app.lang.w().closure_start_title);
            text_box(f, a.footer, &title, Line::raw(""), input, error.as_deref());
        }
        Mode::Summary {
            citizen,
            editor,
            asking,
            ..
        } => {
            let r = centered(area, 90, 14);
            let block = Block::new()
                .borders(Borders::ALL)
                .border_style(Style::new().fg(ACCENT))
                .title(truncate(
                    &format!(
                        " {} · {} ",
                        sanitize_line(citizen),
                        app.lang.w().summary_title
                    ),
                    r.width.saturating_sub(2) as usize,
                ));
            let inner = block.inner(r);
            f.render_widget(Clear, r);
            f.render_widget(block, r);
            f.render_widget(&editor.0, inner);
            if *asking {
                let title = format!(" {} ", sanitize_line(citizen));
                prompt(f, a.footer, &title, app.lang.w().save_changes);
            }
        }
        _ => {}
    }
}

/// A three-line box just above the footer with a one-line input in it.
fn text_box(
    f: &mut Frame<'_>,
    footer: Rect,
    title: &str,
    right: Line<'_>,
    input: &LineInput,
    error: Option<&str>,
) {
    let h = if error.is_some() { 4 } else { 3 };
    let r = Rect {
        x: footer.x,
        y: footer.y.saturating_sub(h),
        width: footer.width,
        height: h,
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(Style::new().fg(ACCENT))
        .title(truncate(title, r.width.saturating_sub(2) as usize))
        .title_bottom(right.right_aligned());
    let inner = block.inner(r);
    f.render_widget(Clear, r);
    f.render_widget(block, r);
    let line = Rect { height: 1, ..inner };
    f.render_widget(&input.area, line);
    if let Some(e) = error {
        let er = Rect {
            y: inner.y + 1,
            height: 1,
            ..inner
        };
        f.render_widget(
            Paragraph::new(truncate(&sanitize_line(e), er.width as usize))
                .style(Style::new().fg(Color::Red)),
            er,
        );
    }
}

/// A question just above the footer, answered with one key.
fn prompt(f: &mut Frame<'_>, footer: Rect, title: &str, question: &str) {
    let r = Rect {
        x: footer.x,
        y: footer.y.saturating_sub(3),
        width: footer.width,
        height: 3,
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(Style::new().fg(Color::Yellow))
        .title(truncate(title, r.width.saturating_sub(2) as usize));
    f.render_widget(Clear, r);
    f.render_widget(
        Paragraph::new(truncate(question, r.width.saturating_sub(2) as usize))
            .block(block)
            .style(Style::new().add_modifier(Modifier::BOLD)),
        r,
    );
}

fn log_pick(app: &App, f: &mut Frame<'_>, area: Rect, citizen: &str) {
    let w = app.lang.w();
    let mut lines = Vec::new();
    for (i, label) in w.log_options.iter().enumerate() {
        lines.push(Line::from(vec![
            Span::styled(
                format!("  {}  ", i + 1),
                Style::new().fg(ACCENT).add_modifier(Modifier::BOLD),
            ),
            Span::raw(*label),
        ]));
    }
    let r = centered(area, 60, lines.len() as u16 + 2);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(Style::new().fg(ACCENT))
        .title(truncate(
            &format!(" {} · {} ", sanitize_line(citizen), w.log_title),
            r.width.saturating_sub(2) as usize,
        ));
    f.render_widget(Clear, r);
    f.render_widget(Paragraph::new(lines).block(block), r);
}

fn header(app: &App, f: &mut Frame<'_>, r: Rect) {
    let l = app.lang;
    let w = l.w();
    let today = app.today();
    let c = app.counts;
    let mut spans = vec![
        Span::styled(
            format!(" {} ", w.app),
            Style::new()
                .fg(Color::Black)
                .bg(ACCENT)
                .add_modifier(Modifier::BOLD),
        ),
        Span::raw(" "),
        Span::styled(
            l.day_title(today),
            Style::new().add_modifier(Modifier::BOLD),
        ),
        Span::raw(" · "),
        Span::raw(capitalise(&l.week(today))),
        Span::raw(" · "),
        Span::raw(format!("{} {}", c.calls, w.calls_n)),
        Span::raw(" · "),
        Span::raw(format!("{} {}", c.visits, w.visits_n)),
        Span::raw(" · "),
    ];
    let overdue = format!("{} {}", c.overdue, w.overdue_n);
    spans.push(if c.overdue > 0 {
        Span::styled(
            overdue,
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        )
    } else {
        Span::raw(overdue)
    });
    if c.purge_due > 0 {
        spans.push(Span::styled(
            format!(" · {} {}", c.purge_due, w.purge_due),
            Style::new().fg(Color::Yellow),
        ));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), r);
}

fn tabs(app: &App, f: &mut Frame<'_>, r: Rect) {
    let w = app.lang.w();
    let mut spans = Vec::new();
    for (i, name) in w.panes.iter().enumerate() {
        let label = format!(" {} {} ", i + 1, name);
        let style = if i == app.pane.index() {
            Style::new()
                .fg(Color::Black)
                .bg(Color::White)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().fg(Color::Gray)
        };
        spans.push(Span::styled(label, style));
        spans.push(Span::raw(" "));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), r);
}

fn footer(app: &App, f: &mut Frame<'_>, r: Rect) {
    let l = app.lang;
    if let Some(msg) = &app.message {
        let p = Paragraph::new(truncate(&sanitize_line(msg), r.width as usize))
            .style(Style::new().fg(Color::Yellow));
        f.render_widget(p, r);
        return;
    }
    if app.mode == Mode::Filter {
        let st = app.state();
        let text = format!(
            " {}: {}▏  {}",
            l.w().filter,
            sanitize_line(&st.filter),
            l.w().filter_hint
        );
        f.render_widget(
            Paragraph::new(truncate(&text, r.width as usize)).style(Style::new().fg(ACCENT)),
            r,
        );
        return;
    }
    let mut spans: Vec<Span<'_>> = Vec::new();
    let mut used = 0usize;
    for b in app.footer_bindings() {
        let hint = b.hint(l);
        let piece = width(b.label) + 1 + width(hint) + 3;
        if used + piece > r.width as usize {
            break;
        }
        used += piece;
        spans.push(Span::styled(
            format!(" {}", b.label),
            Style::new().fg(ACCENT).add_modifier(Modifier::BOLD),
        ));
        spans.push(Span::raw(format!(" {}  ", hint)));
    }
    f.render_widget(
        Paragraph::new(Line::from(spans)).style(Style::new().fg(Color::Gray)),
        r,
    );
}

fn welcome(app: &App, f: &mut Frame<'_>, r: Rect) {
    let w = app.lang.w();
    let mut lines = vec![
        Line::from(Span::styled(
            w.empty_title,
            Style::new().add_modifier(Modifier::BOLD),
        )),
        Line::raw(""),
    ];
    lines.extend(w.empty_body.iter().map(|s| Line::raw(*s)));
    let inner = centered(r, 96, lines.len() as u16 + 4);
    f.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            Block::new()
                .borders(Borders::ALL)
                .border_style(Style::new().fg(ACCENT)),
        ),
        inner,
    );
}

/// The help: every binding, grouped by where it applies, drawn from the keymap.
pub fn help_lines(app: &App) -> Vec<Line<'static>> {
    let l = app.lang;
    let w = l.w();
    let groups = [
        (Scope::Global, w.scope_global),
        (Scope::List, w.scope_list),
        (
            Scope::Week,
            l.t("Samtaler og mentorbesøg", "Calls and mentor visits"),
        ),
        (Scope::Marking, w.scope_marking),
        (Scope::LogPane, w.scope_log),
        (Scope::Filter, w.scope_filter),
        (Scope::Note, w.scope_text),
        (
            Scope::Text,
            l.t(
                "Når du skriver en tid eller en ny aftale",
                "While typing a time or a new appointment",
            ),
        ),
        (Scope::Editor, w.scope_editor),
        (Scope::Closure, w.scope_closure),
        (Scope::Form, l.t("I formularen", "In the form")),
        (Scope::Card, w.scope_card),
        (Scope::Confirm, w.scope_confirm),
    ];
    let mut lines = Vec::new();
    for (scope, title) in groups {
        lines.push(Line::from(Span::styled(
            title.to_string(),
            Style::new().fg(ACCENT).add_modifier(Modifier::BOLD),
        )));
        for b in keymap::BINDINGS.iter().filter(|b| b.scope == scope) {
            lines.push(Line::from(vec![
                Span::styled(
                    format!("  {:<12}", b.label),
                    Style::new().add_modifier(Modifier::BOLD),
                ),
                Span::raw(b.hint(l).to_string()),
            ]));
        }
        lines.push(Line::raw(""));
    }
    lines
}

fn help(app: &App, f: &mut Frame<'_>, area: Rect, scroll: u16) {
    let w = app.lang.w();
    let lines = help_lines(app);
    let h = (lines.len() as u16 + 2).min(area.height.saturating_sub(2));
    let r = centered(area, 60, h);
    let max_scroll = (lines.len() as u16).saturating_sub(r.height.saturating_sub(2));
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(Style::new().fg(ACCENT))
        .title(format!(" {} ", w.help_title))
        .title_bottom(Line::from(format!(" {} ", w.help_close)).right_aligned());
    f.render_widget(Clear, r);
    f.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll.min(max_scroll), 0)),
        r,
    );
}
