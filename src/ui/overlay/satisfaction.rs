//! `F` in the Contact log: satisfaction over time, from the ratings citizens gave (the last 12
//! months): per month and target group the answers, the mean, the share rated 4–5, and the
//! wishes listed under their group. ↑/↓ scroll, Esc closes.

use chrono::{Datelike, Duration};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::{Ctx, Effect, Overlay};
use crate::domain::Word;
use crate::domain::feedback::{MonthRow, by_month, one_decimal};
use crate::domain::records::DayRange;
use crate::domain::text::{sanitize_line, truncate};
use crate::i18n::Lang;
use crate::i18n::voice as words;
use crate::ui::action::Action;
use crate::ui::keymap::Scope;
use crate::ui::theme::ACCENT;

#[derive(Debug, Clone, PartialEq)]
pub struct Satisfaction {
    /// The rows, newest month first.
    pub rows: Vec<MonthRow>,
    pub scroll: u16,
}

impl Satisfaction {
    /// The last 12 months up to today.
    pub fn new(ctx: &Ctx<'_>) -> crate::error::Result<Satisfaction> {
        let today = ctx.now.date();
        let from = (today - Duration::days(365)).with_day(1).unwrap_or(today);
        let answers = ctx.store.feedback_answers(DayRange {
            from: Some(from),
            to: Some(today),
        })?;
        let mut rows = by_month(&answers);
        // Newest month first; within a month the groups, then all of them.
        rows.sort_by_key(|r| std::cmp::Reverse(r.month));
        Ok(Satisfaction { rows, scroll: 0 })
    }

    fn lines(&self, l: Lang, w: usize) -> Vec<Line<'static>> {
        let head = Style::new().add_modifier(Modifier::BOLD);
        let mut out = vec![Line::from(Span::styled(
            format!(
                "{:<9}{:<26}{:>6}{:>7}{:>7}",
                words::col_month(l),
                words::col_group(l),
                words::col_answers(l),
                words::col_mean(l),
                "4–5"
            ),
            head,
        ))];
        if self.rows.is_empty() {
            out.push(Line::raw(words::no_answers(l)));
        }
        let mut last = None;
        for r in &self.rows {
            let month = if last == Some(r.month) {
                String::new()
            } else {
                words::month(l, r.month)
            };
            last = Some(r.month);
            let group = match r.group {
                Some(g) => g.name(l.da()).to_string(),
                None => words::all_groups(l).to_string(),
            };
            let pct = r
                .high_pct()
                .map(|p| format!("{:.0} %", p))
                .unwrap_or_else(|| "–".into());
            let line = format!(
                "{month:<9}{:<26}{:>6}{:>7}{:>7}",
                truncate(&group, 25),
                r.answers,
                one_decimal(r.mean(), l.da()),
                pct
            );
            out.push(if r.group.is_none() {
                Line::from(Span::styled(line, head))
            } else {
                Line::raw(line)
            });
            if r.group.is_some() {
                for wish in &r.wishes {
                    out.push(Line::from(Span::styled(
                        truncate(&format!("{:9}  “{}”", "", sanitize_line(wish)), w),
                        Style::new().fg(Color::Gray),
                    )));
                }
            }
        }
        out
    }
}

impl Overlay for Satisfaction {
    fn scopes(&self) -> Vec<Scope> {
        vec![Scope::Satisfaction]
    }

    fn act(&mut self, action: Action, _ctx: &Ctx<'_>) -> Vec<Effect> {
        match action {
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::Down => self.scroll = self.scroll.saturating_add(1),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(10),
            Action::PageDown => self.scroll = self.scroll.saturating_add(10),
            Action::Close => return vec![Effect::Close],
            a => return vec![Effect::Action(a)],
        }
        Vec::new()
    }

    fn draw(&self, ctx: &Ctx<'_>, f: &mut Frame<'_>, area: Rect) {
        let l = ctx.lang;
        let width = 62u16.min(area.width);
        let lines = self.lines(l, width.saturating_sub(2) as usize);
        let h = (lines.len() as u16 + 2).min(area.height.saturating_sub(2));
        let r = crate::ui::layout::centered(area, width, h);
        let max = (lines.len() as u16).saturating_sub(r.height.saturating_sub(2));
        let more = if self.scroll.min(max) < max {
            l.t("↓ mere · ", "↓ more · ")
        } else {
            ""
        };
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(Style::new().fg(ACCENT))
            .title(format!(" {} ", words::satisfaction_title(l)))
            .title_bottom(
                Line::from(format!(" {more}{} ", words::satisfaction_close(l))).right_aligned(),
            );
        f.render_widget(Clear, r);
        f.render_widget(
            Paragraph::new(lines)
                .block(block)
                .scroll((self.scroll.min(max), 0)),
            r,
        );
    }
}
