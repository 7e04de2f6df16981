//! The citizen card: details, the living summary, recent contacts and appointments.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::domain::Word;
use crate::domain::cpr::mask_cpr;
use crate::domain::text::{sanitize_line, truncate};
use crate::ui::app::{App, Card};
use crate::ui::layout::centered;
use crate::ui::theme::ACCENT;

/// Where the card is drawn on a screen of `area`.
fn card_rect(area: Rect) -> Rect {
    centered(
        area,
        96.min(area.width.saturating_sub(4)),
        area.height.saturating_sub(2),
    )
}

/// How many screen rows `lines` take inside the card (summary lines wrap; an estimate by width).
fn rows(lines: &[Line<'_>], r: Rect) -> u16 {
    let wrap = r.width.saturating_sub(2).max(1) as usize;
    lines
        .iter()
        .map(|l| l.width().div_ceil(wrap).max(1))
        .sum::<usize>()
        .min(u16::MAX as usize) as u16
}

/// How far the card can scroll on a `w`×`h` screen (0 when it fits).
pub fn max_scroll(app: &App, card: &Card, w: u16, h: u16) -> u16 {
    let r = card_rect(Rect::new(0, 0, w, h));
    let lines = lines(app, card, r.width.saturating_sub(4) as usize);
    rows(&lines, r).saturating_sub(r.height.saturating_sub(2))
}

pub fn draw(app: &App, card: &Card, f: &mut Frame<'_>, area: Rect) {
    let l = app.lang;
    let w = l.w();
    let c = &card.citizen;
    let r = card_rect(area);
    let inner_w = r.width.saturating_sub(4) as usize;
    let lines = lines(app, card, inner_w);
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let max = rows(&lines, r).saturating_sub(r.height.saturating_sub(2));
    let scroll = card.scroll.min(max);
    let mut title = format!(" {}: {} ", w.card_title, sanitize_line(&c.name));
    if c.archived {
        title = format!("{title}({}) ", w.archived);
    }
    let more = match (scroll > 0, scroll < max) {
        (_, true) => l.t("↓ mere · ", "↓ more · "),
        (true, false) => l.t("↑ mere · ", "↑ more · "),
        (false, false) => "",
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(Style::new().fg(ACCENT))
        .title(Span::styled(
            truncate(&title, r.width.saturating_sub(2) as usize),
            bold,
        ))
        .title_bottom(
            Line::from(format!(" {more}Esc {} ", l.t("lukker", "closes"))).right_aligned(),
        );
    f.render_widget(Clear, r);
    f.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        r,
    );
}

/// The card's lines: details, summary, appointments, contacts.
fn lines(app: &App, card: &Card, inner_w: usize) -> Vec<Line<'static>> {
    let l = app.lang;
    let w = l.w();
    let da = l.da();
    let c = &card.citizen;
    let head = |s: &str| {
        Line::from(Span::styled(
            s.to_string(),
            Style::new().fg(ACCENT).add_modifier(Modifier::BOLD),
        ))
    };
    let field = |k: &str, v: String| {
        Line::from(vec![
            Span::styled(format!("{k:<18}"), Style::new().fg(Color::Gray)),
            Span::raw(v),
        ])
    };
    let mut lines = vec![head(w.card_details)];
    lines.push(field(w.col_group, c.target_group.name(da).to_string()));
    lines.push(field(
        w.cpr,
        match (&card.cpr_revealed, c.cpr.as_deref()) {
            (Some(full), _) => sanitize_line(full),
            (None, Some(cpr)) => mask_cpr(cpr),
            (None, None) => w.none.into(),
        },
    ));
    lines.push(field(w.phone, sanitize_line(&c.phone)));
    lines.push(field(w.email, sanitize_line(&c.email)));
    lines.push(field(
        w.benefit_start,
        c.benefit_start
            .map(|d| l.date(d))
            .unwrap_or_else(|| w.none.into()),
    ));
    let mut due = c
        .next_due
        .map(|d| l.date(d))
        .unwrap_or_else(|| w.none.into());
    if c.exempt {
        due = format!("{due} ({})", w.exempt);
    }
    lines.push(field(w.col_next_due, due));
    lines.push(field(w.mentor, if c.mentor { w.yes } else { w.no }.into()));
    let m = &card.agreement;
    if !m.goals.is_empty() || m.hours.is_some() || m.until.is_some() {
        let mut parts = Vec::new();
        if !m.goals.is_empty() {
            parts.push(sanitize_line(&m.goals));
        }
        if let Some(h) = m.hours {
            parts.push(format!("{} {}", fmt_hours(h, da), w.hours_week));
        }
        if let Some(u) = m.until {
            parts.push(format!("{} {}", w.until, l.date(u)));
        }
        lines.push(field(w.mentor_agreement, parts.join(" · ")));
    }
    for e in card.exemptions.iter().take(3) {
        lines.push(field(
            w.jobclub_exempt,
            format!(
                "{}–{} {}",
                l.date(e.from),
                l.date(e.to),
                sanitize_line(&e.reason)
            ),
        ));
    }
    lines.push(Line::raw(""));
    lines.push(head(w.card_summary));
    if c.summary.trim().is_empty() {
        lines.push(Line::styled(w.none, Style::new().fg(Color::Gray)));
    }
    for s in c.summary.lines() {
        lines.push(Line::raw(sanitize_line(s)));
    }
    lines.push(Line::raw(""));
    lines.push(head(w.card_appointments));
    if card.appointments.is_empty() {
        lines.push(Line::styled(w.none, Style::new().fg(Color::Gray)));
    }
    for a in &card.appointments {
        lines.push(Line::raw(truncate(
            &format!(
                "{} {}  {}  {}  {}",
                l.date(a.start.date()),
                l.time(a.start.time()),
                a.kind.name(da),
                a.channel.name(da),
                a.status.name(da)
            ),
            inner_w,
        )));
    }
    lines.push(Line::raw(""));
    lines.push(head(w.card_contacts));
    if card.contacts.is_empty() {
        lines.push(Line::styled(w.none, Style::new().fg(Color::Gray)));
    }
    for (i, k) in card.contacts.iter().enumerate() {
        let mut text = format!(
            "{} {}  {}  {}  {}",
            l.date(k.at.date()),
            l.time(k.at.time()),
            k.channel.name(da),
            k.outcome.name(da),
            sanitize_line(&k.note)
        );
        if let Some(Some((score, wish))) = card.feedback.get(i) {
            text.push_str(&format!("  [{}: {score}/5", w.feedback));
            if !wish.is_empty() {
                text.push_str(&format!(" · {}", sanitize_line(wish)));
            }
            text.push(']');
        }
        lines.push(Line::raw(truncate(&text, inner_w)));
    }
    lines
}

/// 4 / 4,5 (Danish decimal comma) / 4.5.
fn fmt_hours(h: f64, danish: bool) -> String {
    let s = if h.fract() == 0.0 {
        format!("{h:.0}")
    } else {
        format!("{h:.1}")
    };
    if danish { s.replace('.', ",") } else { s }
}
