//! The quick-add line in the desk: one line such as `tor 10.30 tlf Jens Hansen 30m`, a live
//! preview of what will be created and what is wrong, a pick list when several citizens match,
//! a confirmation for a time in the past, and a warning for an overlap. At 80 columns the
//! warnings go on their own lines: nothing the user must read is cut.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use ratatui::Frame;
use ratatui::crossterm::event::Event;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::{Ctx, Effect, Overlay};
use crate::domain::quickadd::{Parsed, find_citizens, parse};
use crate::domain::recurrence::{OnDayOff, Recurrence};
use crate::domain::text::fold;
use crate::domain::text::{sanitize_line, width};
use crate::domain::{Channel, Kind, NewAppointment, Status, Word};
use crate::i18n::Lang;
use crate::store::Store;
use crate::ui::action::Action;
use crate::ui::keymap::Scope;
use crate::ui::layout::centered;
use crate::ui::widgets::boxes::{frame, text_box};
use crate::ui::widgets::line::{LineEvent, LineInput};

#[derive(Debug, Clone, PartialEq)]
pub struct QuickAdd {
    pub input: LineInput,
    /// The active citizens (id, name), read once when the line opens.
    pub citizens: Vec<(i64, String)>,
    /// The citizen the line was opened on.
    pub prefill: Option<(i64, String)>,
    /// Enter was pressed once on a line with warnings (a day off, a weekend, the past, after
    /// the citizen's deadline, an overlap): the next Enter creates it all the same.
    pub confirm: bool,
    /// Several citizens match: the one chosen with Up/Down.
    pub pick: Option<Pick>,
    pub preview: Preview,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Pick {
    pub ids: Vec<(i64, String)>,
    /// Each one told apart from namesakes: name, target group, birth year (from the CPR
    /// number, never the number itself) and id, in columns.
    pub labels: Vec<String>,
    pub selected: usize,
}

impl Pick {
    /// The pick list of `ids`, each told apart (see [`Pick::labels`]).
    pub fn new(ids: Vec<(i64, String)>, ctx: &Ctx<'_>) -> Pick {
        let labels = pick_labels(ctx, &ids);
        Pick {
            ids,
            labels,
            selected: 0,
        }
    }
}

/// One row a citizen of the pick list: `name  group  f. 1985  #42`, in columns.
pub fn pick_labels(ctx: &Ctx<'_>, ids: &[(i64, String)]) -> Vec<String> {
    let da = ctx.lang.da();
    let rows: Vec<(String, String, String, String)> = ids
        .iter()
        .map(|(id, name)| {
            let c = ctx.store.citizen(*id).ok();
            let group = c
                .as_ref()
                .map(|c| c.target_group.short(da).to_string())
                .unwrap_or_default();
            let born = c
                .as_ref()
                .and_then(|c| c.cpr.as_deref())
                .and_then(crate::domain::quickadd::birth_year)
                .map(|y| crate::i18n::born(ctx.lang, y))
                .unwrap_or_default();
            (sanitize_line(name), group, born, format!("#{id}"))
        })
        .collect();
    let col = |f: fn(&(String, String, String, String)) -> &String| {
        rows.iter().map(|r| width(f(r))).max().unwrap_or(0)
    };
    let (wn, wg, wb) = (col(|r| &r.0), col(|r| &r.1), col(|r| &r.2));
    let pad = |s: &str, w: usize| format!("{s}{}", " ".repeat(w.saturating_sub(width(s))));
    rows.iter()
        .map(|(n, g, b, id)| format!("{}  {}  {}  {id}", pad(n, wn), pad(g, wg), pad(b, wb)))
        .collect()
}

/// What Enter would do now.
#[derive(Debug, Clone, PartialEq)]
pub enum Preview {
    /// Nothing typed yet.
    Empty,
    /// Nothing typed yet, for this citizen.
    For(String),
    /// What is wrong, in words; nothing is written until it is right.
    Problems(Vec<String>),
    /// A visit to a company ("virksomhedsbesøg Bager Hansen tor 10"): Enter logs it as a
    /// contact with the company at that time.
    Company(super::company::CompanyVisit),
    /// Several citizens match the name: Enter opens the pick list.
    Ambiguous(Vec<(i64, String)>),
    /// Ready: the appointment, the citizen's name, and the plan warnings (as `jobdesk plan`
    /// gives them: after the deadline, a day off, a weekend, the past, an overlap).
    Ready {
        new: NewAppointment,
        citizen: String,
        warnings: Vec<String>,
        /// The line asks for a series starting with `new`.
        series: Option<SeriesPlan>,
    },
}

/// The series a line asks for, as it would be planned.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesPlan {
    /// How often and until when (the line's end, else the default end: the citizen's mentor
    /// agreement, else 26 weeks); days off skipped until the question is answered.
    pub rule: Recurrence,
    /// The days off the series lands on (asked about once, before it is saved).
    pub days_off: Vec<NaiveDate>,
}

impl QuickAdd {
    /// The line for `prefill` (the selected citizen), with `initial` typed, its preview made.
    pub fn new(
        ctx: &Ctx<'_>,
        initial: &str,
        prefill: Option<(i64, String)>,
    ) -> crate::error::Result<QuickAdd> {
        let mut q = QuickAdd::open(ctx.store, initial, prefill)?;
        q.update(ctx.store, ctx.now, ctx.lang);
        Ok(q)
    }

    pub fn open(
        store: &Store,
        initial: &str,
        prefill: Option<(i64, String)>,
    ) -> crate::error::Result<QuickAdd> {
        let citizens = store
            .citizens(
                &crate::store::CitizenFilter::default(),
                crate::store::CitizenOrder::Name,
                0,
                usize::MAX >> 1,
            )?
            .into_iter()
            .map(|c| (c.id, c.name))
            .collect();
        Ok(QuickAdd {
            input: LineInput::new(initial, Vec::new()),
            citizens,
            prefill,
            confirm: false,
            pick: None,
            preview: Preview::Empty,
        })
    }

    /// Recomputes the preview from the line.
    pub fn update(&mut self, store: &Store, now: NaiveDateTime, lang: Lang) {
        self.preview = preview(self, store, now, lang);
    }
}

fn preview(q: &QuickAdd, store: &Store, now: NaiveDateTime, lang: Lang) -> Preview {
    let text = q.input.text();
    if text.trim().is_empty() {
        return match &q.prefill {
            Some((_, n)) => Preview::For(n.clone()),
            None => Preview::Empty,
        };
    }
    if let Some(visit) = super::company::visit_preview(&text, store, now, lang) {
        return visit;
    }
    let da = lang.da();
    let p: Parsed = parse(&text, now);
    let mut problems: Vec<String> = p.problems.iter().map(|x| x.text(da).to_string()).collect();
    // The citizen: the line's name, or the one it was opened on.
    let name = p.name.trim();
    let citizen: Option<(i64, String)> = if name.is_empty() {
        match &q.prefill {
            Some(c) => Some(c.clone()),
            None => {
                problems.push(
                    lang.t("skriv borgerens navn", "type the citizen's name")
                        .to_string(),
                );
                None
            }
        }
    } else if q
        .prefill
        .as_ref()
        .is_some_and(|(_, n)| fold(n) == fold(name))
    {
        q.prefill.clone()
    } else {
        let ids = find_citizens(name, q.citizens.iter().map(|(id, n)| (*id, n.as_str())));
        match ids.len() {
            0 => {
                problems.push(format!(
                    "{} '{}'",
                    lang.t("ingen borger hedder", "no citizen is called"),
                    name
                ));
                None
            }
            1 => q.citizens.iter().find(|(id, _)| *id == ids[0]).cloned(),
            _ if problems.is_empty() => {
                let list = ids
                    .iter()
                    .filter_map(|id| q.citizens.iter().find(|(c, _)| c == id).cloned())
                    .take(20)
                    .collect();
                return Preview::Ambiguous(list);
            }
            _ => None,
        }
    };
    let (Some(start), Some((citizen_id, citizen))) = (p.start, citizen) else {
        return Preview::Problems(problems);
    };
    if !problems.is_empty() {
        return Preview::Problems(problems);
    }
    let kind = p
        .kind
        .unwrap_or(if p.channel.is_some_and(Channel::is_mentor_channel) {
            Kind::MentorVisit
        } else {
            Kind::Conversation
        });
    let channel = p.channel.unwrap_or(match kind {
        Kind::Conversation => Channel::Phone,
        Kind::MentorVisit => Channel::HomeVisit,
    });
    let minutes = p.minutes.unwrap_or(match kind {
        Kind::Conversation => 30,
        Kind::MentorVisit => 60,
    });
    let new = NewAppointment {
        uuid: String::new(),
        citizen_id,
        kind,
        start,
        minutes,
        channel,
        place: String::new(),
        status: Status::Planned,
        reason: String::new(),
    };
    let warnings = super::plan_warnings(store, now, lang, &new, None);
    let series = p.recurrence.map(|r| {
        let end = r.end.unwrap_or_else(|| {
            store
                .default_series_end(citizen_id, start)
                .unwrap_or(crate::domain::recurrence::End::Count(26))
        });
        let rule = Recurrence {
            frequency: r.frequency,
            end,
            on_day_off: OnDayOff::Skip,
        };
        SeriesPlan {
            days_off: store.series_days_off(start, &rule),
            rule,
        }
    });
    Preview::Ready {
        new,
        citizen,
        warnings,
        series,
    }
}

/// The day `N` aims at: the pace's date when it comes before the legal deadline (never after
/// it), else the legal deadline.
pub fn aim(
    next_due: Option<chrono::NaiveDate>,
    pace_due: Option<chrono::NaiveDate>,
) -> Option<chrono::NaiveDate> {
    match (next_due, pace_due) {
        (Some(legal), Some(pace)) => Some(legal.min(pace)),
        (legal, _) => legal,
    }
}

/// The line `N` opens after marking: the citizen, a suggested day from the cadence rules (the
/// next due date, else four weeks on; never a weekend, a public holiday or a local day off of
/// `calendar`: [`crate::domain::cadence::proposed_day`]), the same time of day and channel.
pub fn next_step_line(
    lang: Lang,
    next_due: Option<chrono::NaiveDate>,
    today: chrono::NaiveDate,
    calendar: &crate::domain::workdays::Calendar,
    time: Option<NaiveTime>,
    channel: Option<Channel>,
    minutes: Option<i64>,
) -> String {
    let day = crate::domain::cadence::proposed_day(next_due, today, calendar);
    let time = time.unwrap_or(NaiveTime::from_hms_opt(10, 0, 0).unwrap_or_default());
    let channel = channel.unwrap_or(Channel::Phone);
    let mut line = format!(
        "{} {} {}",
        day.format("%d.%m.%Y"),
        lang.time(time),
        channel.name(lang.da())
    );
    if let Some(m) = minutes {
        line.push_str(&format!(" {m}m"));
    }
    line
}

/// One line of the preview (the parts joined).
pub fn preview_text(lang: Lang, p: &Preview) -> (String, bool) {
    let (parts, ok) = preview_parts(lang, p);
    (parts.join(" · "), ok)
}

/// The preview in parts: what Enter does, then each warning (the screen puts a part that does
/// not fit on its own line), and whether it is good.
pub fn preview_parts(lang: Lang, p: &Preview) -> (Vec<String>, bool) {
    let (text, ok) = preview_main(lang, p);
    let mut parts = vec![text];
    if let Preview::Ready {
        warnings,
        series,
        new,
        ..
    } = p
    {
        if let Some(s) = series {
            parts.push(series_line(lang, new.start, s));
            if !s.days_off.is_empty() {
                parts.push(format!(
                    "⚠ {}",
                    crate::i18n::series_days_off(lang, &s.days_off)
                ));
            }
        }
        parts.extend(warnings.iter().cloned());
    }
    (parts, ok)
}

/// "↻ hver tirsdag kl. 10.00, 10 gange · første tir 24.11".
fn series_line(lang: Lang, start: NaiveDateTime, s: &SeriesPlan) -> String {
    format!(
        "↻ {} · {} {}",
        crate::i18n::series_text(lang, start, s.rule.frequency, s.rule.end),
        lang.t("første", "first"),
        lang.short_day(start.date())
    )
}

/// How many of the preview's parts say what Enter does (drawn in the preview's colour; the
/// rest are warnings): the appointment, and the series line when there is one.
fn main_parts(p: &Preview) -> usize {
    match p {
        Preview::Ready {
            series: Some(_), ..
        } => 2,
        _ => 1,
    }
}

fn preview_main(lang: Lang, p: &Preview) -> (String, bool) {
    let da = lang.da();
    match p {
        Preview::Empty => (
            lang.t(
                "fx: tor 10.30 tlf Jens Hansen 30m · i morgen 9 · uge 49 man 10",
                "e.g.: thu 10:30 phone Jens Hansen 30m · tomorrow 9 · week 49 mon 10",
            )
            .to_string(),
            true,
        ),
        Preview::For(n) => (
            format!(
                "{} {n}: {}",
                lang.t("for", "for"),
                lang.t(
                    "skriv dag og tid, fx tor 10.30 tlf 30m (eller et andet navn)",
                    "type day and time, e.g. thu 10:30 phone 30m (or another name)"
                )
            ),
            true,
        ),
        Preview::Problems(list) => (list.join(" · "), false),
        Preview::Company(v) => (v.preview(lang), true),
        Preview::Ambiguous(list) => (
            format!(
                "{} {} – {}",
                list.len(),
                lang.t(
                    "borgere passer: Enter vælger",
                    "citizens match: Enter picks"
                ),
                {
                    // Namesakes once, with how many: the pick list tells them apart.
                    let mut names: Vec<(&str, usize)> = Vec::new();
                    for (_, n) in list {
                        match names.iter_mut().find(|(m, _)| *m == n.as_str()) {
                            Some((_, k)) => *k += 1,
                            None => names.push((n.as_str(), 1)),
                        }
                    }
                    names
                        .iter()
                        .take(4)
                        .map(|(n, k)| {
                            if *k > 1 {
                                format!("{n} ×{k}")
                            } else {
                                n.to_string()
                            }
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            ),
            true,
        ),
        Preview::Ready {
            new,
            citizen,
            series: Some(_),
            ..
        } => {
            // The days and the time are on the series line.
            let s = format!(
                "→ {} ({}) · {} · {} min",
                capital(new.kind.name(da)),
                new.channel.name(da),
                citizen,
                new.minutes
            );
            (s, true)
        }
        Preview::Ready { new, citizen, .. } => {
            let s = format!(
                "→ {} ({}) · {} · {} {} · {} min",
                capital(new.kind.name(da)),
                new.channel.name(da),
                citizen,
                lang.short_day(new.start.date()),
                lang.time(new.start.time()),
                new.minutes
            );
            (s, true)
        }
    }
}

impl Overlay for QuickAdd {
    fn scopes(&self) -> Vec<Scope> {
        if self.pick.is_some() {
            vec![Scope::Pick]
        } else if matches!(self.preview, Preview::Company(_)) {
            vec![Scope::QuickAddCompany, Scope::QuickAdd, Scope::Editing]
        } else {
            vec![Scope::QuickAdd, Scope::Editing]
        }
    }

    fn act(&mut self, action: Action, ctx: &Ctx<'_>) -> Vec<Effect> {
        if let Some(pick) = &mut self.pick {
            let n = pick.ids.len().max(1);
            match action {
                // Round the list: every key shown does something.
                Action::Up => pick.selected = (pick.selected + n - 1) % n,
                Action::Down => pick.selected = (pick.selected + 1) % n,
                Action::Close => self.pick = None,
                Action::Save => {
                    let Some(chosen) = pick.ids.get(pick.selected).cloned() else {
                        self.pick = None;
                        return Vec::new();
                    };
                    self.pick = None;
                    // The chosen citizen's full name replaces the typed name on the line.
                    let p = parse(&self.input.text(), ctx.now);
                    let rest = self.input.text().replacen(p.name.trim(), &chosen.1, 1);
                    self.prefill = Some(chosen);
                    self.input = LineInput::new(&rest, Vec::new());
                    self.update(ctx.store, ctx.now, ctx.lang);
                }
                a => return vec![Effect::Action(a)],
            }
            return Vec::new();
        }
        match action {
            Action::Close => vec![Effect::Close],
            Action::Save => {
                self.update(ctx.store, ctx.now, ctx.lang);
                match self.preview.clone() {
                    Preview::Ambiguous(ids) => self.pick = Some(Pick::new(ids, ctx)),
                    Preview::Ready { warnings, .. } if !warnings.is_empty() && !self.confirm => {
                        self.confirm = true
                    }
                    Preview::Ready {
                        new,
                        citizen,
                        series: Some(plan),
                        ..
                    } => {
                        let series = Box::new(crate::store::NewSeries {
                            uuid: uuid::Uuid::new_v4().to_string(),
                            citizen_id: new.citizen_id,
                            kind: new.kind,
                            start: new.start,
                            minutes: new.minutes,
                            channel: new.channel,
                            place: new.place.clone(),
                            recurrence: plan.rule,
                        });
                        if plan.days_off.is_empty() {
                            return vec![Effect::PlanSeries { series, citizen }];
                        }
                        // Asked once for the series; Esc comes back to this line.
                        let back = Box::new(super::Mode::QuickAdd(Box::new(self.clone())));
                        return vec![Effect::Open(Box::new(super::Mode::DaysOff(Box::new(
                            super::DaysOff {
                                back,
                                series,
                                citizen,
                                days: plan.days_off,
                            },
                        ))))];
                    }
                    Preview::Ready {
                        mut new, citizen, ..
                    } => {
                        new.uuid = uuid::Uuid::new_v4().to_string();
                        return vec![Effect::Plan {
                            new: Box::new(new),
                            citizen,
                        }];
                    }
                    Preview::Company(v) => return v.effects(),
                    p @ (Preview::Empty | Preview::For(_) | Preview::Problems(_)) => {
                        // Nothing to create yet: say what is missing where the keys are.
                        return vec![Effect::Message(preview_text(ctx.lang, &p).0)];
                    }
                }
                Vec::new()
            }
            a => vec![Effect::Action(a)],
        }
    }

    fn input(&mut self, ev: &Event, ctx: &Ctx<'_>) -> Vec<Effect> {
        if self.pick.is_some() {
            return Vec::new();
        }
        if self.input.handle(ev) == LineEvent::Changed {
            self.confirm = false;
            self.update(ctx.store, ctx.now, ctx.lang);
        }
        Vec::new()
    }

    fn draw(&self, ctx: &Ctx<'_>, f: &mut Frame<'_>, area: Rect) {
        let (mut parts, ok) = preview_parts(ctx.lang, &self.preview);
        if self.confirm {
            // The warnings were seen once: say that Enter again plans all the same.
            parts.push(crate::i18n::plan_anyway(ctx.lang).to_string());
        }
        let style = if self.confirm {
            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
        } else if ok {
            Style::new().fg(Color::Green)
        } else {
            Style::new().fg(Color::Red)
        };
        // One line when it all fits; else what Enter does, then each warning on its own line.
        let inner_w = area.width.saturating_sub(2) as usize;
        let joined = parts.join(" · ");
        let main = main_parts(&self.preview);
        let below: Vec<(String, Style)> = if width(&joined) <= inner_w {
            vec![(joined, style)]
        } else {
            parts
                .into_iter()
                .enumerate()
                .map(|(i, p)| {
                    let st = if i < main {
                        style
                    } else {
                        Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
                    };
                    (p, st)
                })
                .collect()
        };
        let title = format!(" {} ", ctx.lang.w().quick_add_title);
        text_box(f, area, &title, Line::raw(""), &self.input, &below);
        if let Some(pick) = &self.pick {
            let lines: Vec<Line<'_>> = pick
                .labels
                .iter()
                .enumerate()
                .map(|(i, label)| {
                    let mark = if i == pick.selected { '›' } else { ' ' };
                    let line = Line::raw(format!("{mark}{label} "));
                    if i == pick.selected {
                        line.style(Style::new().bg(Color::Blue).fg(Color::White))
                    } else {
                        line
                    }
                })
                .collect();
            let widest = pick.labels.iter().map(|x| width(x)).max().unwrap_or(0) as u16 + 4;
            let pr = centered(
                area,
                widest.clamp(50, area.width.saturating_sub(2)),
                lines.len() as u16 + 2,
            );
            let title = format!(
                " {} ",
                ctx.lang
                    .t("Vælg borger (↑/↓, Enter)", "Pick the citizen (↑/↓, Enter)")
            );
            let inner = frame(f, pr, &title, Color::Yellow);
            f.render_widget(Paragraph::new(lines), inner);
        }
    }

    fn typing(&self) -> bool {
        true
    }
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|x| x.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
