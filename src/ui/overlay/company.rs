//! Companies and job leads over the desk: the company card (details, contact persons, leads,
//! the history of contacts with it), the lead card (its proposals with their outcomes and the
//! citizens who fit), logging a contact with a company (what kind, then its note) and, from the
//! citizen card, choosing an open lead that fits to propose the citizen to. Like every overlay,
//! these only read; what they ask for comes back as [`CompanyEffect`]s that the app applies.

use ratatui::Frame;
use ratatui::crossterm::event::Event;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::{Ctx, Effect, Overlay};
use crate::domain::company::{Company, CompanyEvent, CompanyLogEntry, ContactPerson, Lead};
use crate::domain::company::{Proposal, ProposalOutcome};
use crate::domain::text::{fit, sanitize_line, truncate};
use crate::domain::{Channel, Outcome, Word};
use crate::i18n::Lang;
use crate::store::{FittingCitizen, FittingLead};
use crate::ui::action::{Action, CompanyAction};
use crate::ui::keymap::Scope;
use crate::ui::layout::centered;
use crate::ui::theme::ACCENT;
use crate::ui::widgets::boxes::{frame, text_box};
use crate::ui::widgets::line::{LineEvent, LineInput};

/// What the company overlays ask the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum CompanyEffect {
    /// Propose the citizen to the lead (one undo step), then read the card again.
    Propose { lead_id: i64, citizen_id: i64 },
    /// Set a proposal's outcome (one undo step), then read the card again.
    Outcome {
        proposal_id: i64,
        outcome: ProposalOutcome,
    },
    /// Log a contact with the company (one undo step), then show its card.
    Log {
        company_id: i64,
        /// When (`None`: now).
        at: Option<chrono::NaiveDateTime>,
        channel: Channel,
        outcome: Outcome,
        minutes: i64,
        note: String,
    },
}

/// The contacts with a company `l` offers, in the order of [`log_option`]'s words.
pub const COMPANY_LOG_OPTIONS: [(Outcome, Channel, i64); 6] = [
    (Outcome::Reached, Channel::Phone, 10),
    (Outcome::NotReached, Channel::Phone, 0),
    (Outcome::MessageLeft, Channel::Phone, 1),
    (Outcome::Held, Channel::Workplace, 60),
    (Outcome::Held, Channel::InPerson, 45),
    (Outcome::Held, Channel::Video, 30),
];

/// The words of the options of [`COMPANY_LOG_OPTIONS`].
pub fn log_option(l: Lang, i: usize) -> &'static str {
    match i {
        0 => l.t("Telefon – truffet", "Phone – reached"),
        1 => l.t("Telefon – ikke truffet", "Phone – not reached"),
        2 => l.t("Telefon – lagt besked", "Phone – message left"),
        3 => l.t("Virksomhedsbesøg", "Company visit"),
        4 => l.t("Møde her", "Meeting here"),
        _ => l.t("Video", "Video"),
    }
}

/// One of the company overlays.
#[derive(Debug, Clone, PartialEq)]
pub enum CompanyMode {
    Card(CompanyCard),
    Lead(LeadCard),
    LogPick { company_id: i64, company: String },
    LogNote(Box<CompanyNote>),
    LeadPick(LeadPick),
}

/// Delegates to the open company overlay; the log pick is drawn here.
impl Overlay for CompanyMode {
    fn scopes(&self) -> Vec<Scope> {
        match self {
            CompanyMode::Card(o) => o.scopes(),
            CompanyMode::Lead(o) => o.scopes(),
            CompanyMode::LogNote(o) => o.scopes(),
            CompanyMode::LeadPick(o) => o.scopes(),
            CompanyMode::LogPick { .. } => vec![Scope::CompanyLogPick],
        }
    }

    fn act(&mut self, action: Action, ctx: &Ctx<'_>) -> Vec<Effect> {
        match self {
            CompanyMode::Card(o) => o.act(action, ctx),
            CompanyMode::Lead(o) => o.act(action, ctx),
            CompanyMode::LogNote(o) => o.act(action, ctx),
            CompanyMode::LeadPick(o) => o.act(action, ctx),
            CompanyMode::LogPick {
                company_id,
                company,
            } => match action {
                Action::Choose(i) if i < COMPANY_LOG_OPTIONS.len() => {
                    let note = CompanyNote {
                        company_id: *company_id,
                        company: company.clone(),
                        option: i,
                        input: LineInput::new("", ctx.config.snippets(ctx.lang.da())),
                    };
                    vec![Effect::Open(Box::new(super::Mode::Company(Box::new(
                        CompanyMode::LogNote(Box::new(note)),
                    ))))]
                }
                Action::Close => vec![Effect::Close],
                a => vec![Effect::Action(a)],
            },
        }
    }

    fn input(&mut self, ev: &Event, ctx: &Ctx<'_>) -> Vec<Effect> {
        match self {
            CompanyMode::LogNote(o) => o.input(ev, ctx),
            _ => Vec::new(),
        }
    }

    fn draw(&self, ctx: &Ctx<'_>, f: &mut Frame<'_>, area: Rect) {
        match self {
            CompanyMode::Card(o) => o.draw(ctx, f, area),
            CompanyMode::Lead(o) => o.draw(ctx, f, area),
            CompanyMode::LogNote(o) => o.draw(ctx, f, area),
            CompanyMode::LeadPick(o) => o.draw(ctx, f, area),
            CompanyMode::LogPick { company, .. } => {
                let l = ctx.lang;
                let lines: Vec<Line<'_>> = (0..COMPANY_LOG_OPTIONS.len())
                    .map(|i| {
                        Line::from(vec![
                            Span::styled(
                                format!("  {}  ", i + 1),
                                Style::new().fg(ACCENT).add_modifier(Modifier::BOLD),
                            ),
                            Span::raw(log_option(l, i)),
                        ])
                    })
                    .collect();
                let r = centered(area, 60, lines.len() as u16 + 2);
                let title = format!(
                    " {} · {} ",
                    sanitize_line(company),
                    l.t(
                        "log kontakt med virksomheden",
                        "log a contact with the company"
                    )
                );
                let inner = frame(f, r, &title, ACCENT);
                f.render_widget(Paragraph::new(lines), inner);
            }
        }
    }

    fn typing(&self) -> bool {
        matches!(self, CompanyMode::LogNote(_))
    }
}

/// The note of a contact with a company: Enter logs it with the note, Esc without one.
#[derive(Debug, Clone, PartialEq)]
pub struct CompanyNote {
    pub company_id: i64,
    pub company: String,
    /// Which of [`COMPANY_LOG_OPTIONS`].
    pub option: usize,
    pub input: LineInput,
}

impl CompanyNote {
    fn log(&self, note: String) -> Vec<Effect> {
        let (outcome, channel, minutes) = COMPANY_LOG_OPTIONS[self.option.min(5)];
        vec![
            Effect::Close,
            Effect::Company(CompanyEffect::Log {
                company_id: self.company_id,
                at: None,
                channel,
                outcome,
                minutes,
                note,
            }),
        ]
    }
}

impl Overlay for CompanyNote {
    fn scopes(&self) -> Vec<Scope> {
        vec![Scope::Note, Scope::Editing]
    }

    fn act(&mut self, action: Action, _ctx: &Ctx<'_>) -> Vec<Effect> {
        match action {
            Action::Save => self.log(self.input.text().trim().to_string()),
            Action::Close => self.log(String::new()),
            Action::Snippet => {
                self.input
                    .handle(&Event::Key(ratatui::crossterm::event::KeyEvent::new(
                        ratatui::crossterm::event::KeyCode::Tab,
                        ratatui::crossterm::event::KeyModifiers::NONE,
                    )));
                Vec::new()
            }
            a => vec![Effect::Action(a)],
        }
    }

    fn input(&mut self, ev: &Event, _ctx: &Ctx<'_>) -> Vec<Effect> {
        let _ = matches!(self.input.handle(ev), LineEvent::Changed);
        Vec::new()
    }

    fn draw(&self, ctx: &Ctx<'_>, f: &mut Frame<'_>, area: Rect) {
        let l = ctx.lang;
        let title = format!(
            " {} · {} · {} ",
            sanitize_line(&self.company),
            log_option(l, self.option),
            l.w().note_title
        );
        text_box(
            f,
            area,
            &title,
            Line::from(Span::styled(
                format!(
                    " {} ",
                    l.t(
                        "Enter logger · Esc uden notat",
                        "Enter logs · Esc without a note"
                    )
                ),
                Style::new().fg(Color::Gray),
            )),
            &self.input,
            &[],
        );
    }

    fn typing(&self) -> bool {
        true
    }
}

/// A card's lines: what is shown and which line each selectable row is on.
struct Lines {
    lines: Vec<Line<'static>>,
    rows_at: Vec<usize>,
}

fn heading(s: String) -> Line<'static> {
    Line::from(Span::styled(
        s,
        Style::new().fg(ACCENT).add_modifier(Modifier::BOLD),
    ))
}

fn gray(s: String) -> Line<'static> {
    Line::styled(s, Style::new().fg(Color::Gray))
}

/// A label and its value, the label in grey and `w` wide.
fn field(k: &str, v: String, w: usize) -> Line<'static> {
    Line::from(vec![
        Span::styled(fit(k, w), Style::new().fg(Color::Gray)),
        Span::raw(v),
    ])
}

/// A row of a card wrapped at words into `w` columns: indented by two, the lines after the
/// first by four (nothing a user must read is cut).
fn wrapped(text: &str, w: usize) -> Vec<Line<'static>> {
    crate::ui::view::wrap_words(text, w.saturating_sub(4).max(8))
        .into_iter()
        .enumerate()
        .map(|(i, s)| Line::raw(format!("{}{s}", if i == 0 { "  " } else { "    " })))
        .collect()
}

/// Where a card is drawn on a screen of `area`.
fn card_rect(area: Rect) -> Rect {
    centered(
        area,
        96.min(area.width.saturating_sub(4)),
        area.height.saturating_sub(2),
    )
}

/// Draws a card: its lines scrolled so that `selected` (a line index) is seen.
fn draw_card(
    f: &mut Frame<'_>,
    area: Rect,
    title: &str,
    bottom: &str,
    lines: Vec<Line<'static>>,
    scroll: u16,
) {
    let r = card_rect(area);
    let visible = r.height.saturating_sub(2);
    let max = (lines.len() as u16).saturating_sub(visible);
    let scroll = scroll.min(max);
    let more = match (scroll > 0, scroll < max) {
        (_, true) => "↓ ",
        (true, false) => "↑ ",
        _ => "",
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(Style::new().fg(ACCENT))
        .title(Span::styled(
            truncate(title, r.width.saturating_sub(2) as usize),
            Style::new().add_modifier(Modifier::BOLD),
        ))
        .title_bottom(
            Line::from(truncate(
                &format!(" {more}{bottom} "),
                r.width.saturating_sub(2) as usize,
            ))
            .right_aligned(),
        );
    f.render_widget(Clear, r);
    f.render_widget(Paragraph::new(lines).block(block).scroll((scroll, 0)), r);
}

/// The scroll that shows line `at` (with the line before it, a heading).
fn follow(scroll: u16, at: usize, visible: u16) -> u16 {
    let at = at as u16;
    let top = at.saturating_sub(1);
    if top < scroll {
        top
    } else if at + 1 > scroll + visible {
        at + 1 - visible
    } else {
        scroll
    }
}

fn visible(ctx: &Ctx<'_>) -> u16 {
    card_rect(Rect::new(0, 0, ctx.width, ctx.height))
        .height
        .saturating_sub(2)
}

fn inner_w(ctx: &Ctx<'_>) -> usize {
    card_rect(Rect::new(0, 0, ctx.width, ctx.height))
        .width
        .saturating_sub(2) as usize
}

/// "12.12.2026", or "–".
fn date_or(l: Lang, d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| l.date(d)).unwrap_or_else(|| "–".into())
}

/// "25 t/uge" / "25 h/week", or "".
pub fn hours(l: Lang, h: Option<f64>) -> String {
    match h {
        Some(h) => format!(
            "{} {}",
            super::card::fmt_hours(h, l.da()),
            l.t("t/uge", "h/week")
        ),
        None => String::new(),
    }
}

/// A proposal's outcome in a line: "samtale 24.11.2026".
fn outcome_text(l: Lang, o: ProposalOutcome, at: chrono::NaiveDateTime) -> String {
    format!("{} {}", o.name(l.da()), l.date(at.date()))
}

/// One entry of a company's history as a line.
pub fn log_line(l: Lang, e: &CompanyLogEntry, with_company: bool) -> String {
    let da = l.da();
    let what = match e.event {
        CompanyEvent::Contact(o) => {
            let ch = e.channel.map(|c| c.name(da)).unwrap_or_default();
            format!("{ch}: {}", o.name(da))
        }
        CompanyEvent::Proposal(p) => {
            let who = e.citizen.as_deref().map(sanitize_line).unwrap_or_default();
            let lead = e
                .lead_title
                .as_deref()
                .map(sanitize_line)
                .unwrap_or_default();
            format!("{who} · {lead}: {}", p.name(da))
        }
    };
    let mut s = format!("{} {}  {what}", l.date(e.at.date()), l.time(e.at.time()));
    if with_company {
        s = format!("{s} · {}", sanitize_line(&e.company));
    }
    if let Some(p) = &e.person {
        s.push_str(&format!(" · {}", sanitize_line(p)));
    }
    if !e.note.trim().is_empty() {
        s.push_str(&format!(" · {}", sanitize_line(&e.note)));
    }
    s
}

/// The company card: details, contact persons, leads and the history with the company.
#[derive(Debug, Clone, PartialEq)]
pub struct CompanyCard {
    pub company: Company,
    pub persons: Vec<ContactPerson>,
    pub leads: Vec<Lead>,
    pub log: Vec<CompanyLogEntry>,
    pub scroll: u16,
}

impl CompanyCard {
    fn lines(&self, ctx: &Ctx<'_>) -> Vec<Line<'static>> {
        let l = ctx.lang;
        let da = l.da();
        let w = inner_w(ctx);
        let c = &self.company;
        let label_w = 10;
        let none = || gray(format!("  {}", l.w().none));
        let mut lines = vec![heading(l.t("Oplysninger", "Details").into())];
        lines.push(field(
            "CVR",
            c.cvr
                .as_ref()
                .map(|c| c.to_string())
                .unwrap_or_else(|| l.w().none.into()),
            label_w,
        ));
        if !c.address.trim().is_empty() {
            lines.push(field(
                l.t("Adresse", "Address"),
                sanitize_line(&c.address),
                label_w,
            ));
        }
        if !c.industry.trim().is_empty() {
            lines.push(field(
                l.t("Branche", "Industry"),
                sanitize_line(&c.industry),
                label_w,
            ));
        }
        if !c.notes.trim().is_empty() {
            lines.push(field(
                l.t("Noter", "Notes"),
                sanitize_line(&c.notes),
                label_w,
            ));
        }
        lines.push(Line::raw(""));
        lines.push(heading(format!(
            "{} ({})",
            l.t("Kontaktpersoner", "Contact persons"),
            self.persons.len()
        )));
        if self.persons.is_empty() {
            lines.push(none());
        }
        for p in &self.persons {
            let parts: Vec<String> = [&p.name, &p.role, &p.phone, &p.email]
                .iter()
                .filter(|s| !s.trim().is_empty())
                .map(|s| sanitize_line(s))
                .collect();
            lines.extend(wrapped(&parts.join(" · "), w));
        }
        lines.push(Line::raw(""));
        lines.push(heading(format!(
            "{} ({})",
            l.t("Pladser", "Leads"),
            self.leads.len()
        )));
        if self.leads.is_empty() {
            lines.push(none());
        }
        for ld in &self.leads {
            lines.push(Line::raw(truncate(
                &format!(
                    "  {} · {} · {} · {} {}",
                    sanitize_line(&ld.title),
                    ld.kind.name(da),
                    ld.status.name(da),
                    l.t("frist", "deadline"),
                    date_or(l, ld.deadline)
                ),
                w,
            )));
        }
        lines.push(Line::raw(""));
        lines.push(heading(format!(
            "{} ({})",
            l.t("Kontakter med virksomheden", "Contacts with the company"),
            self.log.len()
        )));
        if self.log.is_empty() {
            lines.push(none());
        }
        for e in &self.log {
            lines.extend(wrapped(&log_line(l, e, false), w));
        }
        lines
    }
}

impl Overlay for CompanyCard {
    fn scopes(&self) -> Vec<Scope> {
        vec![Scope::CompanyCard, Scope::Global]
    }

    fn act(&mut self, action: Action, ctx: &Ctx<'_>) -> Vec<Effect> {
        let max = (self.lines(ctx).len() as u16).saturating_sub(visible(ctx));
        match action {
            Action::Close => vec![Effect::Close],
            Action::Up => {
                self.scroll = self.scroll.saturating_sub(1);
                Vec::new()
            }
            Action::Down => {
                self.scroll = (self.scroll + 1).min(max);
                Vec::new()
            }
            Action::Company(CompanyAction::LogContact) => {
                vec![Effect::Open(Box::new(super::Mode::Company(Box::new(
                    CompanyMode::LogPick {
                        company_id: self.company.id,
                        company: self.company.name.clone(),
                    },
                ))))]
            }
            a => vec![Effect::Action(a)],
        }
    }

    fn draw(&self, ctx: &Ctx<'_>, f: &mut Frame<'_>, area: Rect) {
        let l = ctx.lang;
        let title = format!(
            " {}: {} ",
            l.t("Virksomhed", "Company"),
            sanitize_line(&self.company.name)
        );
        let bottom = l.t("l log kontakt · Esc luk", "l log contact · Esc closes");
        draw_card(f, area, &title, bottom, self.lines(ctx), self.scroll);
    }
}

/// The lead card: the lead, its proposals (outcomes set with one key each) and the citizens
/// who fit it (`M` proposes one).
#[derive(Debug, Clone, PartialEq)]
pub struct LeadCard {
    pub lead: Lead,
    pub proposals: Vec<Proposal>,
    pub fitting: Vec<FittingCitizen>,
    /// The selected row: proposals first, then the citizens who fit.
    pub selected: usize,
    pub scroll: u16,
}

/// A row of the lead card.
pub enum LeadRow<'a> {
    Proposal(&'a Proposal),
    Fitting(&'a FittingCitizen),
}

impl LeadCard {
    pub fn rows(&self) -> usize {
        self.proposals.len() + self.fitting.len()
    }

    pub fn row(&self, i: usize) -> Option<LeadRow<'_>> {
        match self.proposals.get(i) {
            Some(p) => Some(LeadRow::Proposal(p)),
            None => self
                .fitting
                .get(i - self.proposals.len())
                .map(LeadRow::Fitting),
        }
    }

    fn lines(&self, ctx: &Ctx<'_>) -> Lines {
        let l = ctx.lang;
        let da = l.da();
        let w = inner_w(ctx);
        let ld = &self.lead;
        let label_w = 12;
        let mut lines = vec![heading(l.t("Pladsen", "The lead").into())];
        let mut about = vec![ld.kind.name(da).to_string()];
        let h = hours(l, ld.hours);
        if !h.is_empty() {
            about.push(h);
        }
        about.push(ld.status.name(da).to_string());
        lines.push(field(l.t("Type", "Kind"), about.join(" · "), label_w));
        lines.push(field(
            l.t("Start", "Start"),
            format!(
                "{} · {} {}",
                date_or(l, ld.start),
                l.t("frist", "deadline"),
                date_or(l, ld.deadline)
            ),
            label_w,
        ));
        let groups = if ld.target_groups.is_empty() {
            l.t("alle", "any").to_string()
        } else {
            ld.target_groups
                .iter()
                .map(|g| g.short(da))
                .collect::<Vec<_>>()
                .join(", ")
        };
        lines.push(field(l.t("Målgrupper", "Groups"), groups, label_w));
        if !ld.skills.trim().is_empty() {
            lines.push(field(
                l.t("Kompetencer", "Skills"),
                truncate(&sanitize_line(&ld.skills), w.saturating_sub(label_w)),
                label_w,
            ));
        }
        let mut rows_at = Vec::with_capacity(self.rows());
        let sel = Style::new().add_modifier(Modifier::REVERSED);
        let mut row = |lines: &mut Vec<Line<'static>>, text: String| {
            let (mark, style) = if self.selected == rows_at.len() {
                ('›', sel)
            } else {
                (' ', Style::new())
            };
            rows_at.push(lines.len());
            lines.push(Line::styled(truncate(&format!("{mark} {text}"), w), style));
        };
        lines.push(Line::raw(""));
        lines.push(heading(format!(
            "{} ({})",
            l.t("Foreslået", "Proposed"),
            self.proposals.len()
        )));
        if self.proposals.is_empty() {
            lines.push(gray(format!("  {}", l.w().none)));
        }
        for p in &self.proposals {
            row(
                &mut lines,
                format!(
                    "{}  {}",
                    fit(&sanitize_line(&p.citizen), 24),
                    outcome_text(l, p.outcome, p.at)
                ),
            );
        }
        lines.push(Line::raw(""));
        lines.push(heading(format!(
            "{} ({})",
            l.t("Borgere der passer", "Citizens who fit"),
            self.fitting.len()
        )));
        let group_w =
            crate::ui::panes::widest(crate::domain::TargetGroup::ALL.iter().map(|g| g.short(da)));
        if self.fitting.is_empty() {
            lines.push(gray(format!("  {}", l.w().none)));
        }
        for c in &self.fitting {
            let why = if c.fit.shared.is_empty() {
                l.t("målgruppe", "target group").to_string()
            } else {
                c.fit.shared.join(", ")
            };
            let mut text = format!(
                "{}  {}  {why}",
                fit(&sanitize_line(&c.name), 24),
                fit(c.target_group.short(da), group_w)
            );
            if let Some((_, o)) = c.proposal {
                text = format!("{text}  ({})", o.name(da));
            }
            row(&mut lines, text);
        }
        Lines { lines, rows_at }
    }

    /// Keeps the selection on screen.
    pub fn follow(&mut self, ctx: &Ctx<'_>) {
        self.selected = self.selected.min(self.rows().saturating_sub(1));
        let ls = self.lines(ctx);
        if let Some(&at) = ls.rows_at.get(self.selected) {
            self.scroll = follow(self.scroll, at, visible(ctx));
        }
    }
}

impl Overlay for LeadCard {
    fn scopes(&self) -> Vec<Scope> {
        let mut v = Vec::new();
        match self.row(self.selected) {
            Some(LeadRow::Proposal(_)) => v.push(Scope::LeadProposal),
            Some(LeadRow::Fitting(_)) => v.push(Scope::LeadMatch),
            None => {}
        }
        v.extend([Scope::LeadCard, Scope::Global]);
        v
    }

    fn act(&mut self, action: Action, ctx: &Ctx<'_>) -> Vec<Effect> {
        match action {
            Action::Close => vec![Effect::Close],
            Action::Up => {
                self.selected = self.selected.saturating_sub(1);
                self.follow(ctx);
                Vec::new()
            }
            Action::Down => {
                self.selected += 1;
                self.follow(ctx);
                Vec::new()
            }
            Action::Company(CompanyAction::Propose) => match self.row(self.selected) {
                Some(LeadRow::Fitting(c)) => vec![Effect::Company(CompanyEffect::Propose {
                    lead_id: self.lead.id,
                    citizen_id: c.citizen_id,
                })],
                _ => Vec::new(),
            },
            Action::Company(CompanyAction::Outcome(o)) => match self.row(self.selected) {
                Some(LeadRow::Proposal(p)) => vec![Effect::Company(CompanyEffect::Outcome {
                    proposal_id: p.id,
                    outcome: o,
                })],
                _ => Vec::new(),
            },
            a => vec![Effect::Action(a)],
        }
    }

    fn draw(&self, ctx: &Ctx<'_>, f: &mut Frame<'_>, area: Rect) {
        let l = ctx.lang;
        let title = format!(
            " {}: {} · {} ",
            l.t("Plads", "Lead"),
            sanitize_line(&self.lead.title),
            sanitize_line(&self.lead.company)
        );
        let bottom = match self.row(self.selected) {
            Some(LeadRow::Proposal(_)) => l.t(
                "i samtale · s startet · d afvist · Esc luk",
                "i interview · s started · d declined · Esc closes",
            ),
            Some(LeadRow::Fitting(_)) => l.t("M foreslå · Esc luk", "M propose · Esc closes"),
            None => l.t("Esc luk", "Esc closes"),
        };
        let ls = self.lines(ctx);
        draw_card(f, area, &title, bottom, ls.lines, self.scroll);
    }
}

/// From the citizen card: the open leads that fit the citizen; Enter (or `M`) proposes.
#[derive(Debug, Clone, PartialEq)]
pub struct LeadPick {
    pub citizen_id: i64,
    pub citizen: String,
    pub leads: Vec<FittingLead>,
    pub selected: usize,
}

impl Overlay for LeadPick {
    fn scopes(&self) -> Vec<Scope> {
        vec![Scope::LeadPick]
    }

    fn act(&mut self, action: Action, _ctx: &Ctx<'_>) -> Vec<Effect> {
        match action {
            Action::Close => vec![Effect::Close],
            Action::Up => {
                self.selected = self.selected.saturating_sub(1);
                Vec::new()
            }
            Action::Down => {
                self.selected = (self.selected + 1).min(self.leads.len().saturating_sub(1));
                Vec::new()
            }
            Action::Company(CompanyAction::Propose) => match self.leads.get(self.selected) {
                Some(fl) => vec![
                    Effect::Close,
                    Effect::Company(CompanyEffect::Propose {
                        lead_id: fl.lead.id,
                        citizen_id: self.citizen_id,
                    }),
                ],
                None => vec![Effect::Close],
            },
            a => vec![Effect::Action(a)],
        }
    }

    fn draw(&self, ctx: &Ctx<'_>, f: &mut Frame<'_>, area: Rect) {
        let l = ctx.lang;
        let da = l.da();
        let w = 76.min(area.width.saturating_sub(4));
        let inner = w.saturating_sub(2) as usize;
        let max_rows = area.height.saturating_sub(6) as usize;
        let first = self.selected.saturating_sub(max_rows.saturating_sub(1));
        let mut lines: Vec<Line<'_>> = Vec::new();
        if self.leads.is_empty() {
            lines.push(gray(format!(
                "  {}",
                l.t("Ingen åbne pladser passer.", "No open lead fits.")
            )));
        }
        for (i, fl) in self.leads.iter().enumerate().skip(first).take(max_rows) {
            let ld = &fl.lead;
            let mut text = format!(
                "{} · {} · {} · {} {}",
                sanitize_line(&ld.company),
                sanitize_line(&ld.title),
                ld.kind.name(da),
                l.t("frist", "deadline"),
                date_or(l, ld.deadline)
            );
            if let Some((_, o)) = fl.proposal {
                text = format!("{text} ({})", o.name(da));
            }
            let (mark, style) = if i == self.selected {
                ('›', Style::new().add_modifier(Modifier::REVERSED))
            } else {
                (' ', Style::new())
            };
            lines.push(Line::styled(
                truncate(&format!("{mark} {text}"), inner),
                style,
            ));
        }
        let r = centered(area, w, lines.len() as u16 + 2);
        let title = format!(
            " {} · {} ",
            sanitize_line(&self.citizen),
            l.t("pladser der passer", "leads that fit")
        );
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(Style::new().fg(ACCENT))
            .title(truncate(&title, inner))
            .title_bottom(
                Line::from(format!(
                    " {} ",
                    l.t("Enter foreslå · Esc tilbage", "Enter propose · Esc back")
                ))
                .right_aligned(),
            );
        f.render_widget(Clear, r);
        f.render_widget(Paragraph::new(lines).block(block), r);
    }
}

/// How many proposals and leads that fit the citizen card lists (`M` shows every lead).
const CARD_ROWS: usize = 4;

/// The citizen card's section of proposals and open leads that fit; nothing when there are
/// neither.
pub fn card_section(ctx: &Ctx<'_>, card: &super::Card, inner_w: usize) -> Vec<Line<'static>> {
    let l = ctx.lang;
    let da = l.da();
    let fitting: Vec<&FittingLead> = card.leads.iter().filter(|f| f.proposal.is_none()).collect();
    if card.proposals.is_empty() && fitting.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![
        Line::raw(""),
        heading(crate::i18n::companies_desk::card_heading(l, fitting.len())),
    ];
    for p in card.proposals.iter().take(CARD_ROWS) {
        lines.push(Line::raw(truncate(
            &format!(
                "  {} · {} · {}",
                sanitize_line(&p.company),
                sanitize_line(&p.lead_title),
                outcome_text(l, p.outcome, p.at)
            ),
            inner_w,
        )));
    }
    for f in fitting.iter().take(CARD_ROWS) {
        let ld = &f.lead;
        lines.push(gray(truncate(
            &format!(
                "  {} · {} · {} · {} {}",
                sanitize_line(&ld.company),
                sanitize_line(&ld.title),
                ld.kind.name(da),
                l.t("frist", "deadline"),
                date_or(l, ld.deadline)
            ),
            inner_w,
        )));
    }
    if fitting.len() > CARD_ROWS {
        lines.push(gray(format!(
            "  {}",
            crate::i18n::companies_desk::more(l, fitting.len() - CARD_ROWS)
        )));
    }
    lines
}

/// A visit to a company from the quick-add line: logged as a contact with the company (a
/// visit at its workplace) at the line's time.
#[derive(Debug, Clone, PartialEq)]
pub struct CompanyVisit {
    pub company_id: i64,
    pub company: String,
    pub at: chrono::NaiveDateTime,
    pub minutes: i64,
}

impl CompanyVisit {
    /// "→ Virksomhedsbesøg · Bager Hansen ApS · tor 26.11 10.00 · 60 min (logges)".
    pub fn preview(&self, l: Lang) -> String {
        format!(
            "→ {} · {} · {} {} · {} min ({})",
            log_option(l, 3),
            sanitize_line(&self.company),
            l.short_day(self.at.date()),
            l.time(self.at.time()),
            self.minutes,
            l.t(
                "logges som kontakt med virksomheden",
                "logged as a contact with the company"
            )
        )
    }

    pub fn effects(&self) -> Vec<Effect> {
        vec![
            Effect::Close,
            Effect::Company(CompanyEffect::Log {
                company_id: self.company_id,
                at: Some(self.at),
                channel: Channel::Workplace,
                outcome: Outcome::Held,
                minutes: self.minutes,
                note: String::new(),
            }),
        ]
    }
}

/// The words that start a company visit on the quick-add line (folded).
const VISIT_WORDS: &[&str] = &[
    "virksomhedsbesog",
    "virksomhedsbesoeg",
    "firmabesog",
    "firmabesoeg",
    "company visit",
    "companyvisit",
];

/// The quick-add line's preview when it starts with a company-visit word; `None` otherwise
/// (then the line is about a citizen, as always). The rest of the line is read as usual: a
/// day and time, a length, and the words left are the company's name.
pub fn visit_preview(
    text: &str,
    store: &crate::store::Store,
    now: chrono::NaiveDateTime,
    l: Lang,
) -> Option<super::quick_add::Preview> {
    use super::quick_add::Preview;
    let folded = crate::domain::text::fold(text.trim());
    let word = VISIT_WORDS.iter().find(|w| {
        folded.starts_with(*w)
            && folded[w.len()..]
                .chars()
                .next()
                .is_none_or(char::is_whitespace)
    })?;
    // The same number of words off the typed line as the visit word has.
    let n = word.split_whitespace().count();
    let rest: Vec<&str> = text.split_whitespace().skip(n).collect();
    let p = crate::domain::quickadd::parse(&rest.join(" "), now);
    let mut problems: Vec<String> = p
        .problems
        .iter()
        .map(|x| x.text(l.da()).to_string())
        .collect();
    let name = p.name.trim();
    let company = if name.is_empty() {
        problems.push(
            l.t("skriv virksomhedens navn", "type the company's name")
                .to_string(),
        );
        None
    } else {
        let found = store.companies_named(name, 5).unwrap_or_default();
        let exact = found
            .iter()
            .find(|c| crate::domain::text::fold(&c.name) == crate::domain::text::fold(name));
        match (found.len(), exact) {
            (_, Some(c)) => Some(c.clone()),
            (1, None) => found.first().cloned(),
            (0, _) => {
                problems.push(format!(
                    "{} '{}'",
                    l.t("ingen virksomhed hedder", "no company is called"),
                    name
                ));
                None
            }
            _ => {
                let names: Vec<String> = found.iter().map(|c| sanitize_line(&c.name)).collect();
                problems.push(format!(
                    "{}: {}",
                    l.t(
                        "flere virksomheder passer, skriv mere af navnet",
                        "several companies match, type more of the name"
                    ),
                    names.join(", ")
                ));
                None
            }
        }
    };
    if p.start.is_none() && problems.is_empty() {
        problems.push(
            l.t(
                "skriv dag og tid, fx tor 10",
                "type day and time, e.g. thu 10",
            )
            .to_string(),
        );
    }
    match (company, p.start) {
        (Some(c), Some(at)) if problems.is_empty() => Some(Preview::Company(CompanyVisit {
            company_id: c.id,
            company: c.name,
            at,
            minutes: p.minutes.unwrap_or(60),
        })),
        _ => Some(Preview::Problems(problems)),
    }
}
