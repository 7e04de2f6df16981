//! Drawing: the whole screen from `&App`. Drawing never changes state and never writes.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::app::{App, Mode};
use super::layout::{self, areas, centered};
use super::panes;
use super::theme::ACCENT;
use crate::domain::text::{sanitize_line, truncate, width};

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
    if let (Mode::Normal, Some((_, citizen))) = (&app.mode, &app.voice.offer) {
        super::overlay::feedback::draw_offer(app.lang, citizen, f, area);
    }
    // What is open over the panes draws itself.
    app.mode.draw(&app.ctx(), f, area);
}

fn header(app: &App, f: &mut Frame<'_>, r: Rect) {
    let l = app.lang;
    let w = l.w();
    let today = app.today();
    let c = app.counts;
    // The app's name, or in its place the mark of a database that is not encrypted.
    let badge = if app.unencrypted {
        Span::styled(
            format!(" {} ", crate::i18n::safety::unencrypted_mark(l)),
            Style::new()
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD),
        )
    } else {
        Span::styled(
            format!(" {} ", w.app),
            Style::new()
                .fg(Color::Black)
                .bg(ACCENT)
                .add_modifier(Modifier::BOLD),
        )
    };
    let mut spans = vec![
        badge,
        Span::raw(" "),
        Span::styled(String::new(), Style::new().add_modifier(Modifier::BOLD)),
        Span::raw(" · "),
        Span::raw(l.week(today)),
        Span::raw(" · "),
        Span::raw(l.nw(c.calls as u64, w.calls_n)),
        Span::raw(" · "),
        Span::raw(l.nw(c.visits as u64, w.visits_n)),
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
    let purge_at = spans.len();
    if c.purge_due > 0 {
        spans.push(Span::styled(
            format!(" · {} {}", c.purge_due, w.purge_due),
            Style::new().fg(Color::Yellow),
        ));
    }
    // After the purge count (rarer, and it must not be cut off the line).
    if c.pending > 0 {
        spans.push(Span::styled(
            format!(
                " · {}",
                crate::i18n::queue::pending_count(l, c.pending, c.too_old)
            ),
            if c.too_old > 0 {
                Style::new().fg(Color::Red)
            } else {
                Style::new().fg(Color::Yellow)
            },
        ));
    }
    // The day: in full with its holiday's name when it fits, shorter when not, so that the
    // counts after it are never cut.
    let rest: usize = spans.iter().map(|s| width(&s.content)).sum();
    let cal = app.config.calendar();
    let off = cal.is_day_off(today);
    let long = l.day_title(today);
    let short = l.short_day(today);
    let choices: Vec<String> = match &off {
        Some(d) => vec![
            format!("{long} ({})", d.name(l.da())),
            format!("{short} ({})", d.name(l.da())),
            short.clone(),
        ],
        None => vec![long, short.clone()],
    };
    let fits = |rest: usize, c: &String| rest + width(c) <= r.width as usize;
    let day = choices
        .iter()
        .find(|c| fits(rest, c))
        .unwrap_or(&short)
        .clone();
    let mut rest = rest;
    // The purge count's hint (the command) goes first: the count itself stays.
    if c.purge_due > 0 && !fits(rest, &day) {
        let short = format!(" · {} {}", c.purge_due, w.purge_due_short);
        rest = rest - width(&spans[purge_at].content) + width(&short);
        spans[purge_at].content = short.into();
    }
    // Still too wide with the short day: the week number goes, then the app's name, so that the
    // counts (overdue, to transfer, to purge) stay whole. An unencrypted database's mark stands
    // where the name was and never goes: the space after it goes, then the day's weekday.
    let drops: &[&[usize]] = if app.unencrypted {
        &[&[3, 4], &[1]]
    } else {
        &[&[3, 4], &[0, 1]]
    };
    for drop in drops {
        if fits(rest, &day) {
            break;
        }
        for &i in *drop {
            rest -= width(&spans[i].content);
            spans[i].content = "".into();
        }
    }
    // Still too wide: the purge count (housekeeping) gives way to the transfer queue (the law's
    // "snarest muligt") after it.
    if c.purge_due > 0 && c.pending > 0 && !fits(rest, &day) {
        rest -= width(&spans[purge_at].content);
        spans[purge_at].content = "".into();
    }
    let day = if fits(rest, &day) || !app.unencrypted {
        day
    } else {
        l.day_month(today)
    };
    // The clock and the next appointment, last, in the room the day leaves: the countdown goes
    // first when the line is short, then the rest of the next appointment, then the clock, so
    // that they never cut a count, shorten the day or push out the week number.
    let clock = format!(" · {}", l.time(app.now.time()));
    let mut tails = Vec::new();
    if let Some(a) = &app.next {
        tails.push(format!(
            "{clock} · {}",
            crate::i18n::clock::next_full(l, app.now, a)
        ));
        tails.push(format!(
            "{clock} · {}",
            crate::i18n::clock::next_short(l, a)
        ));
    }
    tails.push(clock);
    if let Some(tail) = tails.into_iter().find(|t| fits(rest + width(t), &day)) {
        spans.push(Span::styled(tail, Style::new().fg(Color::Cyan)));
    }
    spans[2].content = day.into();
    f.render_widget(Paragraph::new(Line::from(spans)), r);
}

fn tabs(app: &App, f: &mut Frame<'_>, r: Rect) {
    let w = app.lang.w();
    let mut spans = Vec::new();
    for (i, label) in tab_labels(&w.panes, app.pane.index(), r.width as usize)
        .into_iter()
        .enumerate()
    {
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

/// The tabs' labels (" 1 I dag "), each followed by a space. When they do not all fit in
/// `room` columns, the tabs not shown lose their padding ("2 Samtaler"), then the longest of
/// their names is shortened (with "…") until they fit; the shown pane's name stays whole.
pub fn tab_labels(names: &[&str], selected: usize, room: usize) -> Vec<String> {
    let full: Vec<String> = names
        .iter()
        .enumerate()
        .map(|(i, n)| format!(" {} {n} ", i + 1))
        .collect();
    let total = |v: &[String]| v.iter().map(|s| width(s) + 1).sum::<usize>() - 1;
    if full.is_empty() || total(&full) <= room {
        return full;
    }
    let mut keep: Vec<usize> = names.iter().map(|n| width(n)).collect();
    let label = |keep: &[usize]| -> Vec<String> {
        names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                if i == selected {
                    format!(" {} {n} ", i + 1)
                } else {
                    format!("{} {}", i + 1, truncate(n, keep[i]))
                }
            })
            .collect()
    };
    loop {
        let v = label(&keep);
        if total(&v) <= room {
            return v;
        }
        let longest = (0..keep.len())
            .filter(|i| *i != selected && keep[*i] > 2)
            .max_by_key(|i| (keep[*i], *i));
        match longest {
            Some(i) => keep[i] -= 1,
            None => return v,
        }
    }
}

fn footer(app: &App, f: &mut Frame<'_>, r: Rect) {
    let l = app.lang;
    if let Some(msg) = &app.message {
        // A message longer than the line wraps upwards over the rows above it (at word
        // boundaries, at most four lines): never cut mid-word.
        let msg = sanitize_line(msg);
        let lines = wrap_words(&msg, r.width as usize);
        let n = (lines.len() as u16).clamp(1, 4).min(r.y + 1);
        let area = Rect {
            y: r.y + 1 - n,
            height: n,
            ..r
        };
        let text: Vec<Line<'_>> = lines.into_iter().take(n as usize).map(Line::raw).collect();
        f.render_widget(Clear, area);
        f.render_widget(
            Paragraph::new(text).style(Style::new().fg(Color::Yellow)),
            area,
        );
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
    // The reminder before an appointment, until Esc or the appointment starts.
    if let Some(line) = app.reminder_line() {
        f.render_widget(
            Paragraph::new(truncate(
                &format!(" {}", sanitize_line(&line)),
                r.width as usize,
            ))
            .style(Style::new().fg(Color::Black).bg(Color::Yellow)),
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
    lines.extend(
        crate::i18n::card::empty_body(app.lang)
            .iter()
            .map(|s| Line::raw(*s)),
    );
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

/// The help's lines: every binding, grouped by where it applies, drawn from the keymap.
pub fn help_lines(app: &App) -> Vec<Line<'static>> {
    super::overlay::help::lines(app.lang)
}

/// `text` broken into lines of at most `w` columns at spaces; a word longer than a line is cut
/// into pieces (the only case where a word is split).
pub fn wrap_words(text: &str, w: usize) -> Vec<String> {
    let w = w.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|x| !x.is_empty()) {
        if !line.is_empty() && width(&line) + 1 + width(word) <= w {
            line.push(' ');
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // A word wider than a line: as much as fits on each line.
        for c in word.chars() {
            let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if !line.is_empty() && width(&line) + cw > w {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap_words;

    #[test]
    fn words_wrap_at_spaces_never_mid_word() {
        assert_eq!(
            wrap_words("Nedlukningen er startet (14 dage).", 20),
            ["Nedlukningen er", "startet (14 dage)."]
        );
        assert_eq!(wrap_words("kort", 20), ["kort"]);
        assert_eq!(wrap_words("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(wrap_words("", 5), [""]);
    }

    #[test]
    fn tabs_fit_the_line_with_the_shown_pane_whole() {
        use super::tab_labels;
        use crate::domain::text::width;
        let names = crate::i18n::Lang::Da.w().panes;
        for sel in 0..names.len() {
            let v = tab_labels(&names, sel, 80);
            let total: usize = v.iter().map(|s| width(s) + 1).sum::<usize>() - 1;
            assert!(total <= 80, "{v:?}");
            assert_eq!(v[sel], format!(" {} {} ", sel + 1, names[sel]));
            for (i, l) in v.iter().enumerate() {
                assert!(l.contains(&(i + 1).to_string()), "{l}");
            }
        }
        // Room for all: every tab padded and whole.
        let v = tab_labels(&names, 0, 200);
        assert_eq!(v[6], " 7 Virksomheder ");
    }
}
