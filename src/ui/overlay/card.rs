//! The citizen card: details, the living summary, recent contacts and appointments. It scrolls
//! when taller than the screen; `e` edits the summary, `p` shows the CPR number (the app writes
//! the audit entry), `D` asks before erasing the citizen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::{Confirm, Ctx, Effect, Mode, Overlay, Summary};
use crate::domain::cpr::mask_cpr;
use crate::domain::text::{sanitize_line, truncate};
use crate::domain::{Appointment, Citizen, Contact, Word};
use crate::ui::action::Action;
use crate::ui::keymap::Scope;
use crate::ui::layout::centered;
use crate::ui::theme::ACCENT;

#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub citizen: Citizen,
    pub contacts: Vec<Contact>,
    /// The citizen's feedback on each of `contacts`, if given.
    pub feedback: Vec<Option<(u8, String)>>,
    pub appointments: Vec<Appointment>,
    pub agreement: crate::store::MentorAgreement,
    pub exemptions: Vec<crate::store::JobclubExemption>,
    /// The CPR number in full, once revealed (each reveal is in the audit log); shown until
    /// the card closes.
    pub cpr_revealed: Option<String>,
    /// How many lines the card is scrolled down (↑/↓ when it is taller than the screen).
    pub scroll: u16,
}

impl Card {
    /// The CPR number revealed (the audit entry is written), or `None` when there is none.
    pub fn revealed(&mut self, cpr: Option<String>) {
        self.cpr_revealed = cpr;
    }
}

impl Overlay for Card {
    fn scopes(&self) -> Vec<Scope> {
        vec![Scope::Card, Scope::Global]
    }

    fn act(&mut self, action: Action, ctx: &Ctx<'_>) -> Vec<Effect> {
        let c = &self.citizen;
        match action {
            Action::Close => vec![Effect::Close],
            Action::Up => {
                self.scroll = self.scroll.saturating_sub(1);
                Vec::new()
            }
            Action::Down => {
                let max = max_scroll(ctx, self, ctx.width, ctx.height);
                self.scroll = self.scroll.saturating_add(1).min(max);
                Vec::new()
            }
            Action::EditSummary => vec![Effect::Open(Box::new(Mode::Summary(Box::new(
                Summary::new(c.id, &c.name, &c.summary, &c.summary),
            ))))],
            Action::RevealCpr if self.cpr_revealed.is_some() => Vec::new(),
            Action::RevealCpr => vec![Effect::RevealCpr(c.id)],
            Action::Erase => match ctx.store.erase_preview(c.id) {
                Ok(e) => {
                    let text = crate::i18n::safety::erase_question(ctx.lang, &c.name, &e);
                    vec![Effect::Open(Box::new(Mode::Confirm(Confirm::erase(
                        c.id, &c.name, text,
                    ))))]
                }
                Err(e) => vec![Effect::Message(format!("{e:#}"))],
            },
            a => vec![Effect::Action(a)],
        }
    }

    fn draw(&self, ctx: &Ctx<'_>, f: &mut Frame<'_>, area: Rect) {
        draw(ctx, self, f, area)
    }
}

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
pub fn max_scroll(app: &Ctx<'_>, card: &Card, w: u16, h: u16) -> u16 {
    let r = card_rect(Rect::new(0, 0, w, h));
    let lines = lines(app, card, r.width.saturating_sub(4) as usize);
    rows(&lines, r).saturating_sub(r.height.saturating_sub(2))
}

fn draw(app: &Ctx<'_>, card: &Card, f: &mut Frame<'_>, area: Rect) {
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
fn lines(app: &Ctx<'_>, card: &Card, inner_w: usize) -> Vec<Line<'static>> {
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
