//! The citizen card as a workplace: details, the living summary and the whole history
//! (upcoming appointments, every contact, earlier appointments). ↑/↓ select a row of the
//! history and the card scrolls with it; Enter shows the row in full (a contact's whole note),
//! `a` plans for the citizen, `N` plans the next conversation, `l` logs a contact, `o` toggles
//! "transferred" on the selected contact, `e` edits the summary, `E` the citizen's details,
//! `A` archives after asking, `p` shows the CPR number (the app writes the audit entry), `D`
//! asks before erasing the citizen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::card_rows::{appointment_row, contact_row};
use super::{CitizenForm, Confirm, Ctx, Effect, LogPick, Mode, Overlay, Summary};
use crate::domain::cpr::mask_cpr;
use crate::domain::text::{fit, sanitize_line, truncate};
use crate::domain::{Appointment, Citizen, Contact, Kind, Word};
use crate::i18n::card as words;
use crate::store::CitizenEdit;
use crate::ui::action::Action;
use crate::ui::keymap::Scope;
use crate::ui::layout::centered;
use crate::ui::theme::ACCENT;
use crate::ui::widgets::boxes::{frame, prompt};

/// What is open over the card itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Card,
    /// The selected row in full.
    Detail,
    /// Asking before archiving (or bringing back) the citizen.
    Archive,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub citizen: Citizen,
    /// Every contact, newest first.
    pub contacts: Vec<Contact>,
    /// The citizen's feedback on each of `contacts`, if given.
    pub feedback: Vec<Option<(u8, String)>>,
    /// Appointments from today on, soonest first.
    pub upcoming: Vec<Appointment>,
    /// Appointments before today, newest first.
    pub earlier: Vec<Appointment>,
    pub agreement: crate::store::MentorAgreement,
    pub exemptions: Vec<crate::store::JobclubExemption>,
    /// The citizen's series (recurring appointments), oldest first.
    pub series: Vec<crate::store::Series>,
    /// The CPR number in full, once revealed (each reveal is in the audit log); shown until
    /// the card closes.
    pub cpr_revealed: Option<String>,
    /// How many rows the card is scrolled down.
    pub scroll: u16,
    /// The selected row of the history (see [`Card::row`]), if any.
    pub selected: Option<usize>,
    pub view: View,
    /// How far the selected row shown in full is scrolled down (a long note).
    pub detail_scroll: u16,
    /// The open leads that fit the citizen (`M` proposes to one).
    pub leads: Vec<crate::store::FittingLead>,
    /// The citizen's proposals to leads, the latest step first.
    pub proposals: Vec<crate::domain::company::Proposal>,
}

/// One row of the card's history.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum HistoryRow<'a> {
    Appointment(&'a Appointment),
    /// A contact and its index in `contacts`.
    Contact(&'a Contact, usize),
}

impl Card {
    /// The CPR number revealed (the audit entry is written), or `None` when there is none.
    pub fn revealed(&mut self, cpr: Option<String>) {
        self.cpr_revealed = cpr;
    }

    /// How many rows the history has.
    pub fn history_len(&self) -> usize {
        self.upcoming.len() + self.contacts.len() + self.earlier.len()
    }

    /// Row `i` of the history: upcoming appointments, contacts, earlier appointments.
    pub fn row(&self, i: usize) -> Option<HistoryRow<'_>> {
        let (u, c) = (self.upcoming.len(), self.contacts.len());
        if i < u {
            Some(HistoryRow::Appointment(&self.upcoming[i]))
        } else if i < u + c {
            Some(HistoryRow::Contact(&self.contacts[i - u], i - u))
        } else {
            self.earlier.get(i - u - c).map(HistoryRow::Appointment)
        }
    }

    /// The selected contact, if a contact is selected.
    pub fn selected_contact(&self) -> Option<&Contact> {
        match self.row(self.selected?)? {
            HistoryRow::Contact(c, _) => Some(c),
            HistoryRow::Appointment(_) => None,
        }
    }

    /// Moves the selection by `by` rows (from none: to the first), scrolling so it is seen.
    /// Up from the first row leaves the history and shows the top of the card.
    fn select_by(&mut self, by: i64, ctx: &Ctx<'_>) {
        let n = self.history_len() as i64;
        if n == 0 {
            let max = max_scroll(ctx, self, ctx.width, ctx.height) as i64;
            self.scroll = (self.scroll as i64 + by).clamp(0, max) as u16;
            return;
        }
        self.selected = match self.selected {
            None if by > 0 => Some(((by - 1).min(n - 1)) as usize),
            None => None,
            Some(i) if i as i64 + by < 0 => None,
            Some(i) => Some((i as i64 + by).min(n - 1) as usize),
        };
        self.follow(ctx);
    }

    /// Scrolls so that the selected row is on screen (the top of the card when none is).
    pub fn follow(&mut self, ctx: &Ctx<'_>) {
        let Some(sel) = self.selected else {
            self.scroll = 0;
            return;
        };
        let r = card_rect(Rect::new(0, 0, ctx.width, ctx.height));
        let (lines, rows_at) = lines(ctx, self, r.width.saturating_sub(4) as usize);
        let Some(&at) = rows_at.get(sel) else {
            return;
        };
        let visible = r.height.saturating_sub(2).max(1);
        // Its section's heading comes into view with the first row of a section.
        let top = rows(&lines[..at], r);
        let head = if at > 0 && lines[at - 1].spans.len() == 1 && is_heading(&lines[at - 1]) {
            top.saturating_sub(1)
        } else {
            top
        };
        if head < self.scroll {
            self.scroll = head;
        } else if top + 1 > self.scroll + visible {
            self.scroll = top + 1 - visible;
        }
        self.scroll = self
            .scroll
            .min(max_scroll(ctx, self, ctx.width, ctx.height));
    }

    fn act_on_card(&mut self, action: Action, ctx: &Ctx<'_>) -> Vec<Effect> {
        let l = ctx.lang;
        let c = &self.citizen;
        match action {
            Action::Close => vec![Effect::Close],
            Action::Requested => vec![Effect::ToggleRequested(c.id)],
            Action::Up => {
                self.select_by(-1, ctx);
                Vec::new()
            }
            Action::Down => {
                self.select_by(1, ctx);
                Vec::new()
            }
            Action::PageUp => {
                self.select_by(-10, ctx);
                Vec::new()
            }
            Action::PageDown => {
                self.select_by(10, ctx);
                Vec::new()
            }
            Action::First => {
                self.selected = None;
                self.follow(ctx);
                Vec::new()
            }
            Action::Last => {
                self.selected = self.history_len().checked_sub(1);
                self.follow(ctx);
                Vec::new()
            }
            Action::Open if self.selected.is_some() => {
                self.view = View::Detail;
                self.detail_scroll = 0;
                Vec::new()
            }
            Action::Open => vec![Effect::Message(words::choose_row(l).into())],
            // `X`: the series of the selected appointment (the app asks first).
            Action::EndSeries => match self.selected.and_then(|i| self.row(i)) {
                Some(HistoryRow::Appointment(a)) => vec![Effect::AskEndSeries(a.id)],
                _ => vec![Effect::Message(crate::i18n::not_in_series(l).to_string())],
            },
            Action::QuickAdd => vec![Effect::QuickAdd {
                citizen_id: c.id,
                citizen: c.name.clone(),
                line: String::new(),
            }],
            Action::NextStep => {
                // The last conversation's time, channel and length, as `N` in the lists.
                let last = self
                    .upcoming
                    .iter()
                    .chain(self.earlier.iter())
                    .find(|a| a.kind == Kind::Conversation);
                let line = super::quick_add::next_step_line(
                    l,
                    crate::ui::overlay::quick_add::aim(c.next_due, c.pace_due),
                    ctx.now.date(),
                    &ctx.config.calendar(),
                    last.map(|a| a.start.time()),
                    last.map(|a| a.channel),
                    last.map(|a| a.minutes),
                );
                vec![Effect::QuickAdd {
                    citizen_id: c.id,
                    citizen: c.name.clone(),
                    line,
                }]
            }
            Action::LogContact => vec![Effect::Open(Box::new(Mode::LogPick(LogPick {
                citizen_id: c.id,
                citizen: c.name.clone(),
            })))],
            Action::Transferred => match self.selected_contact() {
                Some(k) => vec![Effect::Transferred {
                    contact_id: k.id,
                    at: if k.transferred_at.is_some() {
                        None
                    } else {
                        Some(ctx.now)
                    },
                }],
                None => vec![Effect::Message(words::choose_contact(l).into())],
            },
            Action::EditSummary => vec![Effect::Open(Box::new(Mode::Summary(Box::new(
                Summary::new(c.id, &c.name, &c.summary, &c.summary),
            ))))],
            Action::EditCitizen => vec![Effect::Open(Box::new(Mode::CitizenForm(Box::new(
                CitizenForm::edit(c, &self.agreement, ctx),
            ))))],
            Action::Archive => {
                self.view = View::Archive;
                Vec::new()
            }
            Action::RevealCpr if self.cpr_revealed.is_some() => Vec::new(),
            Action::RevealCpr => vec![Effect::RevealCpr(c.id)],
            Action::Erase => match ctx.store.erase_preview(c.id) {
                Ok(e) => {
                    let text = crate::i18n::safety::erase_question(l, &c.name, &e);
                    vec![Effect::Open(Box::new(Mode::Confirm(Confirm::erase(
                        c.id, &c.name, text,
                    ))))]
                }
                Err(e) => vec![Effect::Message(format!("{e:#}"))],
            },
            // Undo, help, panes: the app's, then the card is read again.
            a => vec![Effect::Action(a)],
        }
    }

    fn answer_archive(&mut self, yes: bool, ctx: &Ctx<'_>) -> Vec<Effect> {
        self.view = View::Card;
        let c = &self.citizen;
        if !yes {
            return vec![Effect::Message(ctx.lang.w().not_changed.into())];
        }
        let archived = !c.archived;
        vec![Effect::EditCitizen {
            id: c.id,
            edit: Box::new(CitizenEdit {
                archived: Some(archived),
                ..Default::default()
            }),
            what: words::archived(ctx.lang, &c.name, archived),
        }]
    }
}

impl Overlay for Card {
    fn scopes(&self) -> Vec<Scope> {
        match self.view {
            View::Card => vec![Scope::Card, Scope::Global],
            View::Detail => vec![Scope::CardView],
            View::Archive => vec![Scope::Confirm],
        }
    }

    fn act(&mut self, action: Action, ctx: &Ctx<'_>) -> Vec<Effect> {
        match (self.view, action) {
            (View::Card, a) => self.act_on_card(a, ctx),
            (View::Detail, Action::Close) => {
                self.view = View::Card;
                self.detail_scroll = 0;
                Vec::new()
            }
            // A note taller than the box scrolls first; at its end the keys go on to the
            // next (previous) row, shown from its top.
            (View::Detail, Action::Up) if self.detail_scroll > 0 => {
                self.detail_scroll -= 1;
                Vec::new()
            }
            (View::Detail, Action::Up) => {
                // Above the first row is the card itself.
                if self.selected.is_some_and(|i| i > 0) {
                    self.select_by(-1, ctx);
                } else {
                    self.view = View::Card;
                }
                self.detail_scroll = 0;
                Vec::new()
            }
            (View::Detail, Action::Down) if self.detail_scroll < detail_max_scroll(ctx, self) => {
                self.detail_scroll += 1;
                Vec::new()
            }
            (View::Detail, Action::Down) => {
                self.select_by(1, ctx);
                self.detail_scroll = 0;
                Vec::new()
            }
            (View::Detail, Action::PageDown) => {
                let (max, page) = (detail_max_scroll(ctx, self), detail_page(ctx, self));
                self.detail_scroll = (self.detail_scroll + page).min(max);
                Vec::new()
            }
            (View::Detail, Action::PageUp) => {
                let page = detail_page(ctx, self);
                self.detail_scroll = self.detail_scroll.saturating_sub(page);
                Vec::new()
            }
            (View::Archive, Action::Yes) => self.answer_archive(true, ctx),
            (View::Archive, Action::No | Action::Close) => self.answer_archive(false, ctx),
            (_, Action::Help) => vec![Effect::Action(Action::Help)],
            _ => Vec::new(),
        }
    }

    fn draw(&self, ctx: &Ctx<'_>, f: &mut Frame<'_>, area: Rect) {
        draw(ctx, self, f, area);
        match self.view {
            View::Card => {}
            View::Detail => draw_detail(ctx, self, f, area),
            View::Archive => {
                let c = &self.citizen;
                prompt(
                    f,
                    area,
                    &format!(" {} ", sanitize_line(&c.name)),
                    &words::archive_question(ctx.lang, &sanitize_line(&c.name), c.archived),
                );
            }
        }
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

fn heading_style() -> Style {
    Style::new().fg(ACCENT).add_modifier(Modifier::BOLD)
}

fn is_heading(l: &Line<'_>) -> bool {
    l.spans.first().is_some_and(|s| s.style == heading_style())
}

/// How far the card can scroll on a `w`×`h` screen (0 when it fits).
pub fn max_scroll(app: &Ctx<'_>, card: &Card, w: u16, h: u16) -> u16 {
    let r = card_rect(Rect::new(0, 0, w, h));
    let (lines, _) = lines(app, card, r.width.saturating_sub(4) as usize);
    rows(&lines, r).saturating_sub(r.height.saturating_sub(2))
}

fn draw(app: &Ctx<'_>, card: &Card, f: &mut Frame<'_>, area: Rect) {
    let l = app.lang;
    let w = l.w();
    let c = &card.citizen;
    let r = card_rect(area);
    let inner_w = r.width.saturating_sub(4) as usize;
    let (lines, _) = lines(app, card, inner_w);
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
    let bottom = format!(" {more}{} · {} ", words::card_keys(l), words::esc_closes(l));
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(Style::new().fg(ACCENT))
        .title(Span::styled(
            truncate(&title, r.width.saturating_sub(2) as usize),
            bold,
        ))
        .title_bottom(
            Line::from(truncate(&bottom, r.width.saturating_sub(2) as usize)).right_aligned(),
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

/// The card's lines (details, summary, the history) and the line of each history row.
fn lines(app: &Ctx<'_>, card: &Card, inner_w: usize) -> (Vec<Line<'static>>, Vec<usize>) {
    let l = app.lang;
    let w = l.w();
    let da = l.da();
    let c = &card.citizen;
    let head = |s: &str| Line::from(Span::styled(s.to_string(), heading_style()));
    // The labels' column: as wide as the longest label, plus a space.
    let label_w = [
        w.col_group,
        w.cpr,
        w.phone,
        w.email,
        crate::i18n::card::address_label(l),
        w.benefit_start,
        w.col_next_due,
        w.mentor,
        w.mentor_agreement,
        w.jobclub_exempt,
        crate::i18n::mentor::card_field(l),
    ]
    .iter()
    .map(|k| crate::domain::text::width(k))
    .max()
    .unwrap_or(0)
        + 1;
    let field = |k: &str, v: String| {
        Line::from(vec![
            Span::styled(fit(k, label_w), Style::new().fg(Color::Gray)),
            Span::raw(v),
        ])
    };
    let none = || Line::styled(w.none, Style::new().fg(Color::Gray));
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
    if let Some(a) = c.address.as_deref().filter(|a| !a.trim().is_empty()) {
        lines.push(field(crate::i18n::card::address_label(l), sanitize_line(a)));
    }
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
    // "overskredet" only when the legal deadline has passed; "bagud" when only the pace has.
    let standing = c.standing(app.now.date());
    let due_style = crate::ui::panes::standing_style(standing);
    if matches!(
        standing,
        crate::domain::cadence::Standing::Overdue | crate::domain::cadence::Standing::Behind
    ) && let Some(word) = crate::i18n::standing(l, standing)
    {
        due = format!("{due} – {word}");
    }
    lines.push(field(w.col_next_due, due).style(due_style));
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
        let today = app.now.date();
        let ends = crate::store::expires_soon(m.until, today);
        if let (true, Some(u)) = (ends, m.until) {
            parts.push(crate::i18n::mentor::expires(l, u));
        }
        let line = field(w.mentor_agreement, parts.join(" · "));
        lines.push(if ends {
            line.style(Style::new().fg(Color::Yellow))
        } else {
            line
        });
        if let Some(h) = m.hours {
            lines.push(field(
                crate::i18n::mentor::card_field(l),
                mentor_hours(app, c.id, h, m.until),
            ));
        }
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
    for s in &card.series {
        lines.push(field(
            l.t("Serie", "Series"),
            format!(
                "{} {} {}, {}",
                crate::i18n::series_how_often(l, s.start.date(), s.recurrence.frequency),
                l.time(s.start.time()),
                s.channel.name(da),
                crate::i18n::series_end(l, s.recurrence.end)
            ),
        ));
    }
    // Started in a job, a praktik or a løntilskud place (a proposal's outcome).
    if let Some(p) = card
        .proposals
        .iter()
        .find(|p| p.outcome == crate::domain::company::ProposalOutcome::Started)
    {
        lines.push(
            field(
                crate::i18n::companies_desk::started_label(l),
                crate::i18n::companies_desk::started(l, p),
            )
            .style(Style::new().fg(Color::Green)),
        );
    }
    lines.push(Line::raw(""));
    lines.push(head(w.card_summary));
    if c.summary.trim().is_empty() {
        lines.push(none());
    }
    for s in c.summary.lines() {
        lines.push(Line::raw(sanitize_line(s)));
    }
    lines.extend(crate::ui::overlay::company::card_section(
        app, card, inner_w,
    ));
    let mut at = Vec::with_capacity(card.history_len());
    let selected = Style::new().add_modifier(Modifier::REVERSED);
    // The selected row is marked in text too (not only by colour).
    let mut row = |lines: &mut Vec<Line<'static>>, text: String| {
        let (mark, style) = if card.selected == Some(at.len()) {
            ('›', selected)
        } else {
            (' ', Style::new())
        };
        at.push(lines.len());
        lines.push(Line::styled(
            truncate(&format!("{mark}{text}"), inner_w),
            style,
        ));
    };
    let sections = [
        (words::upcoming(l, card.upcoming.len()), 0),
        (words::contacts(l, card.contacts.len()), 1),
        (words::earlier(l, card.earlier.len()), 2),
    ];
    for (title, which) in sections {
        if which == 2 && card.earlier.is_empty() {
            continue;
        }
        lines.push(Line::raw(""));
        lines.push(head(&title));
        match which {
            0 if card.upcoming.is_empty() => lines.push(none()),
            0 => {
                for a in &card.upcoming {
                    row(&mut lines, appointment_row(app, a, !card.series.is_empty()));
                }
            }
            1 if card.contacts.is_empty() => lines.push(none()),
            1 => {
                for (i, k) in card.contacts.iter().enumerate() {
                    row(
                        &mut lines,
                        contact_row(app, card.feedback.get(i).and_then(|f| f.as_ref()), k),
                    );
                }
            }
            _ => {
                for a in &card.earlier {
                    row(&mut lines, appointment_row(app, a, !card.series.is_empty()));
                }
            }
        }
    }
    (lines, at)
}

/// A line of text and its style.
type StyledRow = (String, Style);

/// The selected row in full, on a screen of `area`: its box, its title and its lines wrapped
/// to the box (all of them; the box shows as many as fit, from `detail_scroll` on).
fn detail(ctx: &Ctx<'_>, card: &Card, area: Rect) -> Option<(Rect, String, Vec<StyledRow>)> {
    let row = card.selected.and_then(|i| card.row(i))?;
    let l = ctx.lang;
    let da = l.da();
    let gray = Style::new().fg(Color::Gray);
    let mut text: Vec<(String, Style)> = Vec::new();
    let title = match row {
        HistoryRow::Contact(k, i) => {
            text.push((
                format!(
                    "{} {} · {} · {} · {}",
                    l.date(k.at.date()),
                    l.time(k.at.time()),
                    k.channel.name(da),
                    k.outcome.name(da),
                    words::minutes(l, k.minutes)
                ),
                Style::new().add_modifier(Modifier::BOLD),
            ));
            text.push((
                words::transferred(
                    l,
                    k.transferred_at
                        .map(|t| format!("{} {}", l.date(t.date()), l.time(t.time()))),
                ),
                gray,
            ));
            text.push((String::new(), Style::new()));
            if k.note.trim().is_empty() {
                text.push((words::no_note(l).into(), gray));
            }
            for s in k.note.lines() {
                text.push((sanitize_line(s), Style::new()));
            }
            if let Some(Some((score, wish))) = card.feedback.get(i) {
                text.push((String::new(), Style::new()));
                let mut fb = format!("{}: {score}/5", words::feedback(l));
                if !wish.is_empty() {
                    fb.push_str(&format!(" · {}", sanitize_line(wish)));
                }
                text.push((fb, gray));
            }
            words::contact_title(l)
        }
        HistoryRow::Appointment(a) => {
            text.push((
                format!(
                    "{} {} · {} · {} · {}",
                    l.date(a.start.date()),
                    l.time(a.start.time()),
                    a.kind.name(da),
                    a.channel.name(da),
                    words::minutes(l, a.minutes)
                ),
                Style::new().add_modifier(Modifier::BOLD),
            ));
            text.push((a.status.name(da).to_string(), gray));
            if !a.place.trim().is_empty() {
                text.push((
                    format!("{}: {}", words::place(l), sanitize_line(&a.place)),
                    Style::new(),
                ));
            }
            if !a.reason.trim().is_empty() {
                text.push((
                    format!("{}: {}", words::reason(l), sanitize_line(&a.reason)),
                    Style::new(),
                ));
            }
            words::appointment_title(l)
        }
    };
    let w = 72.min(area.width.saturating_sub(2));
    let inner_w = w.saturating_sub(2);
    let rows: Vec<(String, Style)> = text
        .into_iter()
        .flat_map(|(s, st)| {
            let mut v = crate::ui::view::wrap_words(&s, inner_w as usize);
            if v.is_empty() {
                v.push(String::new());
            }
            v.into_iter().map(move |x| (x, st))
        })
        .collect();
    let h = (rows.len() as u16 + 2).min(area.height.saturating_sub(2));
    Some((centered(area, w, h), title.to_string(), rows))
}

/// How far the row shown in full can scroll (0 when it fits).
pub fn detail_max_scroll(ctx: &Ctx<'_>, card: &Card) -> u16 {
    match detail(ctx, card, Rect::new(0, 0, ctx.width, ctx.height)) {
        Some((r, _, rows)) => (rows.len() as u16).saturating_sub(r.height.saturating_sub(2)),
        None => 0,
    }
}

/// A page of the row shown in full: the rows the box shows, less one kept.
fn detail_page(ctx: &Ctx<'_>, card: &Card) -> u16 {
    match detail(ctx, card, Rect::new(0, 0, ctx.width, ctx.height)) {
        Some((r, _, _)) => r.height.saturating_sub(3).max(1),
        None => 1,
    }
}

/// The selected row in full: a contact with its whole note, or an appointment. A note taller
/// than the box scrolls (↓/↑, PgDn/PgUp); the bottom border says when there is more.
fn draw_detail(ctx: &Ctx<'_>, card: &Card, f: &mut Frame<'_>, area: Rect) {
    let Some((r, title, rows)) = detail(ctx, card, area) else {
        return;
    };
    let l = ctx.lang;
    let inner_w = r.width.saturating_sub(2);
    let visible = r.height.saturating_sub(2);
    let max = (rows.len() as u16).saturating_sub(visible);
    let scroll = card.detail_scroll.min(max);
    let title = format!(" {} · {} ", title, sanitize_line(&card.citizen.name));
    let inner = frame(f, r, &truncate(&title, inner_w as usize), ACCENT);
    let lines: Vec<Line<'_>> = rows
        .into_iter()
        .skip(scroll as usize)
        .take(visible as usize)
        .map(|(s, st)| Line::styled(s, st))
        .collect();
    f.render_widget(Paragraph::new(lines), inner);
    // How to go on, on the bottom border (and whether there is more).
    let more = match (scroll > 0, scroll < max) {
        (false, false) => String::new(),
        (false, true) => l.t("↓ mere · ", "↓ more · ").to_string(),
        (true, true) => l.t("↑↓ mere · ", "↑↓ more · ").to_string(),
        (true, false) => l.t("↑ mere · ", "↑ more · ").to_string(),
    };
    let hint = truncate(&format!(" {more}{} ", words::esc_back(l)), inner_w as usize);
    let hw = crate::domain::text::width(&hint) as u16;
    f.render_widget(
        Paragraph::new(hint).style(Style::new().fg(ACCENT)),
        Rect {
            x: r.x + r.width.saturating_sub(hw + 1),
            y: r.y + r.height.saturating_sub(1),
            width: hw.min(r.width),
            height: 1,
        },
    );
}

/// 4 / 4,5 (Danish decimal comma) / 4.5.
pub fn fmt_hours(h: f64, danish: bool) -> String {
    let s = if h.fract() == 0.0 {
        format!("{h:.0}")
    } else {
        format!("{h:.1}")
    };
    if danish { s.replace('.', ",") } else { s }
}

/// The card's mentor hours: "3,5 af 4 t denne uge; 14 af 16 t i november" (this week and this
/// month, from the minutes of held mentor contacts).
fn mentor_hours(
    app: &Ctx<'_>,
    citizen_id: i64,
    per_week: f64,
    until: Option<chrono::NaiveDate>,
) -> String {
    use crate::store::{agreed_weeks, hours_to_minutes, month_end, month_start};
    let today = app.now.date();
    let monday = crate::domain::dates::week_start(today);
    let sunday = monday + chrono::Duration::days(6);
    let week = app
        .store
        .mentor_hours(citizen_id, monday, sunday)
        .unwrap_or(0);
    let month = app
        .store
        .mentor_hours(citizen_id, month_start(today), month_end(today))
        .unwrap_or(0);
    let agreed = hours_to_minutes(per_week) * i64::from(agreed_weeks(today, until));
    crate::i18n::mentor::card_line(app.lang, week, per_week, month, agreed, today)
}
