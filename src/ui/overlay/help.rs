//! `?`: every key of the desk, grouped by where it works, drawn from the keymap (so it never
//! disagrees with what the keys do). Esc or `?` goes back to what was open before.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::{Ctx, Effect, Mode, Overlay};
use crate::i18n::Lang;
use crate::ui::action::Action;
use crate::ui::keymap::{self, Scope};
use crate::ui::layout::centered;
use crate::ui::theme::ACCENT;

#[derive(Debug, Clone, PartialEq)]
pub struct Help {
    pub scroll: u16,
    /// What was open when the help was asked for: shown again when it closes.
    pub back: Box<Mode>,
}

impl Help {
    pub fn new(back: Mode) -> Help {
        Help {
            scroll: 0,
            back: Box::new(back),
        }
    }
}

/// Where the help is drawn on a screen of `area`, for `n` lines.
fn rect(area: Rect, n: usize) -> Rect {
    let h = (n as u16 + 2).min(area.height.saturating_sub(2));
    centered(area, 74, h)
}

fn max_scroll(lang: Lang, w: u16, h: u16) -> u16 {
    let lines = lines(lang);
    let r = rect(Rect::new(0, 0, w, h), lines.len());
    (lines.len() as u16).saturating_sub(r.height.saturating_sub(2))
}

/// The help: every binding, grouped by where it applies, drawn from the keymap.
pub fn lines(l: Lang) -> Vec<Line<'static>> {
    let w = l.w();
    let groups = [
        (Scope::Always, w.scope_always),
        (Scope::Global, w.scope_global),
        (Scope::List, w.scope_list),
        (Scope::Citizen, w.scope_citizen),
        (Scope::Day, w.scope_day),
        (Scope::NotToday, w.scope_day),
        (Scope::TodayPane, w.scope_day),
        (
            Scope::Week,
            l.t("Samtaler og mentorbesøg", "Calls and mentor visits"),
        ),
        (Scope::Marking, w.scope_marking),
        (
            Scope::Series,
            l.t(
                "På en aftale i en serie (↻)",
                "On an appointment of a series (↻)",
            ),
        ),
        (Scope::LogPane, w.scope_log),
        (Scope::Log, w.scope_log),
        (Scope::Closure, w.scope_closure),
        (Scope::ClosureOpen, w.scope_closure),
        (Scope::ClosureEnded, w.scope_closure),
        (Scope::ClosureCalls, w.scope_closure_calls),
        (
            Scope::CallAnswers,
            crate::i18n::closure_desk::scope_call_answers(l),
        ),
        (
            Scope::Companies,
            crate::i18n::companies_desk::scope_companies(l),
        ),
        (
            Scope::CompanyRow,
            crate::i18n::companies_desk::scope_companies(l),
        ),
        (
            Scope::LeadRow,
            crate::i18n::companies_desk::scope_companies(l),
        ),
        (Scope::Filter, w.scope_filter),
        (Scope::Caseload, crate::i18n::card::scope_caseload(l)),
        (Scope::Card, w.scope_card),
        (Scope::CardView, crate::i18n::card::scope_card_view(l)),
        (Scope::CitizenForm, crate::i18n::card::scope_citizen_form(l)),
        (
            Scope::CompanyCard,
            crate::i18n::companies_desk::scope_company_card(l),
        ),
        (
            Scope::LeadCard,
            crate::i18n::companies_desk::scope_lead_card(l),
        ),
        (
            Scope::LeadProposal,
            crate::i18n::companies_desk::scope_lead_card(l),
        ),
        (
            Scope::LeadMatch,
            crate::i18n::companies_desk::scope_lead_card(l),
        ),
        (
            Scope::CompanyLogPick,
            crate::i18n::companies_desk::scope_company_log(l),
        ),
        (
            Scope::LeadPick,
            crate::i18n::companies_desk::scope_lead_pick(l),
        ),
        (
            Scope::QuickAddCompany,
            crate::i18n::companies_desk::scope_quick_add_company(l),
        ),
        (Scope::Confirm, w.scope_confirm),
        (Scope::Copied, crate::i18n::queue::scope_copied(l)),
        (Scope::Note, w.scope_text),
        (Scope::Move, w.scope_move),
        (Scope::QuickAdd, w.scope_quick_add),
        (Scope::Pick, w.scope_pick),
        (Scope::LogPick, w.scope_log_pick),
        (Scope::ClosureStart, w.scope_closure_start),
        (Scope::ExportDialog, crate::i18n::handover::help_scope(l)),
        (Scope::Form, l.t("I formularen", "In the form")),
        (
            Scope::SeriesDaysOff,
            l.t(
                "Når en ny serie rammer fridage",
                "When a new series lands on days off",
            ),
        ),
        (
            Scope::SeriesWhich,
            l.t(
                "Flyt, aflys eller ret en aftale i en serie",
                "Moving, cancelling or editing one of a series",
            ),
        ),
        (
            Scope::EditContact,
            l.t(
                "Når du retter en kontakt (e)",
                "While correcting a contact (e)",
            ),
        ),
        (
            Scope::EditAppointment,
            l.t(
                "Når du retter en aftale (E)",
                "While editing an appointment (E)",
            ),
        ),
        (Scope::RatingOffer, crate::i18n::voice::scope_offer(l)),
        (Scope::FeedbackScore, crate::i18n::voice::scope_feedback(l)),
        (Scope::FeedbackRemove, crate::i18n::voice::scope_feedback(l)),
        (Scope::FeedbackWish, crate::i18n::voice::scope_feedback(l)),
        (
            Scope::Satisfaction,
            crate::i18n::voice::scope_satisfaction(l),
        ),
        (Scope::JobClub, crate::i18n::voice::scope_jobclub(l)),
        (Scope::JobClubDay, crate::i18n::voice::scope_jobclub(l)),
        (Scope::JobClubWeek, crate::i18n::voice::scope_jobclub(l)),
        (
            Scope::ExemptionForm,
            crate::i18n::voice::scope_exemption_form(l),
        ),
        (Scope::Editor, w.scope_editor),
        (Scope::Editing, w.scope_editing),
        (Scope::Help, w.help_title),
        (Scope::HelpScrolled, w.help_title),
    ];
    let mut lines = Vec::new();
    let mut last = "";
    for (scope, title) in groups {
        if title != last {
            if !last.is_empty() {
                lines.push(Line::raw(""));
            }
            lines.push(Line::from(Span::styled(
                title.to_string(),
                Style::new().fg(ACCENT).add_modifier(Modifier::BOLD),
            )));
            last = title;
        }
        for b in keymap::bindings().filter(|b| b.scope == scope) {
            lines.push(Line::from(vec![
                Span::styled(
                    format!("  {:<14}", b.label),
                    Style::new().add_modifier(Modifier::BOLD),
                ),
                Span::raw(b.hint(l).to_string()),
            ]));
        }
        if scope == Scope::Filter {
            // What the filter line takes besides words.
            for (term, what) in crate::i18n::filter_terms(l) {
                lines.push(Line::from(vec![
                    Span::styled(
                        format!("  {term:<20}"),
                        Style::new().add_modifier(Modifier::BOLD),
                    ),
                    Span::raw(*what),
                ]));
            }
        }
    }
    lines
}

impl Overlay for Help {
    fn scopes(&self) -> Vec<Scope> {
        if self.scroll > 0 {
            vec![Scope::Help, Scope::HelpScrolled]
        } else {
            vec![Scope::Help]
        }
    }

    fn act(&mut self, action: Action, ctx: &Ctx<'_>) -> Vec<Effect> {
        match action {
            Action::Close => {
                let back = std::mem::replace(&mut self.back, Box::new(Mode::Normal));
                vec![Effect::Open(back)]
            }
            Action::Up => {
                self.scroll = self.scroll.saturating_sub(1);
                Vec::new()
            }
            Action::Down => {
                let max = max_scroll(ctx.lang, ctx.width, ctx.height);
                self.scroll = self.scroll.saturating_add(1).min(max);
                Vec::new()
            }
            a => vec![Effect::Action(a)],
        }
    }

    fn draw(&self, ctx: &Ctx<'_>, f: &mut Frame<'_>, area: Rect) {
        let w = ctx.lang.w();
        let lines = lines(ctx.lang);
        let r = rect(area, lines.len());
        let max = (lines.len() as u16).saturating_sub(r.height.saturating_sub(2));
        let more = if self.scroll < max {
            ctx.lang.t("↓ mere · ", "↓ more · ")
        } else {
            ""
        };
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(Style::new().fg(ACCENT))
            .title(format!(" {} ", w.help_title))
            .title_bottom(Line::from(format!(" {more}{} ", w.help_close)).right_aligned());
        f.render_widget(Clear, r);
        f.render_widget(
            Paragraph::new(lines)
                .block(block)
                .scroll((self.scroll.min(max), 0)),
            r,
        );
    }
}

#[cfg(test)]
mod width_tests {
    use super::*;

    /// At 80 columns every line of the help is whole inside its box: a key's text cut at the
    /// border ("kladden gemm") says less than the key does.
    #[test]
    fn every_help_line_is_whole_at_80_columns() {
        let inner = rect(Rect::new(0, 0, 80, 24), 1).width as usize - 2;
        for l in [Lang::Da, Lang::En] {
            let cut: Vec<String> = lines(l)
                .iter()
                .filter(|line| line.width() > inner)
                .map(|line| format!("{} > {inner}: {line}", line.width()))
                .collect();
            assert!(cut.is_empty(), "{cut:#?}");
        }
    }
}
