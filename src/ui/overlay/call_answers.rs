//! After a reaching call on the closure's call list (`r`, then whether the citizen accepted):
//! the two optional one-key answers of 2020's call lists: how the call was received (1 meget
//! positivt … 4 negativt) and matched to a job or placement (j/y). Enter records the call with
//! what was answered, Esc records it without answers, Tab records it and opens the note: a call
//! stays its keys plus one Enter.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::{Ctx, Effect, Overlay};
use crate::domain::Word;
use crate::domain::closure::{CallAnswers, Reception};
use crate::i18n::closure_desk as words;
use crate::ui::action::Action;
use crate::ui::keymap::Scope;
use crate::ui::layout::centered;
use crate::ui::theme::ACCENT;
use crate::ui::widgets::boxes::frame;

#[derive(Debug, Clone, PartialEq)]
pub struct Answers {
    pub citizen_id: i64,
    pub citizen: String,
    /// The answer to "takker ja til samtale?" (`None`: not asked, Esc).
    pub accepted: Option<bool>,
    pub answers: CallAnswers,
}

impl Answers {
    pub fn new(citizen_id: i64, citizen: String, accepted: Option<bool>) -> Answers {
        Answers {
            citizen_id,
            citizen,
            accepted,
            answers: CallAnswers::default(),
        }
    }

    fn done(&self, answers: CallAnswers, note: bool) -> Vec<Effect> {
        vec![
            Effect::Close,
            Effect::CallAnswered {
                citizen_id: self.citizen_id,
                citizen: self.citizen.clone(),
                accepted: self.accepted,
                answers,
                note,
            },
        ]
    }
}

impl Overlay for Answers {
    fn scopes(&self) -> Vec<Scope> {
        vec![Scope::CallAnswers]
    }

    fn act(&mut self, action: Action, _ctx: &Ctx<'_>) -> Vec<Effect> {
        match action {
            Action::Choose(i) => {
                // The same digit again takes the answer back.
                let r = Reception::ALL.get(i).copied();
                self.answers.received = if self.answers.received == r { None } else { r };
                Vec::new()
            }
            Action::Yes => {
                self.answers.matched = match self.answers.matched {
                    Some(true) => None,
                    _ => Some(true),
                };
                Vec::new()
            }
            Action::Save => self.done(self.answers, false),
            Action::NextField => self.done(self.answers, true),
            Action::Close => self.done(CallAnswers::default(), false),
            _ => Vec::new(),
        }
    }

    fn draw(&self, ctx: &Ctx<'_>, f: &mut Frame<'_>, area: Rect) {
        let l = ctx.lang;
        let key = Style::new().fg(ACCENT).add_modifier(Modifier::BOLD);
        let chosen = Style::new().fg(Color::Black).bg(ACCENT);
        let mut choices: Vec<Span<'_>> = vec![Span::raw(" ")];
        for r in Reception::ALL {
            let style = if self.answers.received == Some(*r) {
                chosen
            } else {
                Style::new()
            };
            choices.push(Span::styled(format!("{}", r.index() + 1), key));
            choices.push(Span::styled(format!(" {}", r.name(l.da())), style));
            choices.push(Span::raw("   "));
        }
        let matched_style = if self.answers.matched == Some(true) {
            chosen
        } else {
            Style::new()
        };
        let (mk, mw) = words::matched_choice(l)
            .split_once(' ')
            .unwrap_or(("j", "ja"));
        let lines = vec![
            Line::raw(words::reception_question(l)),
            Line::from(choices),
            Line::raw(""),
            Line::from(vec![
                Span::raw(words::matched_question(l)),
                Span::raw("  "),
                Span::styled(mk.to_string(), key),
                Span::styled(format!(" {mw}"), matched_style),
            ]),
            Line::raw(""),
            Line::styled(words::answers_hint(l), Style::new().fg(Color::Gray)),
        ];
        let r = centered(area, 64, lines.len() as u16 + 2);
        let title = format!(
            " {} ",
            words::answers_title(l, &self.citizen, self.accepted)
        );
        let inner = frame(f, r, &title, ACCENT);
        f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_digit_or_j_again_takes_the_answer_back() {
        let mut a = Answers::new(1, "A".into(), Some(true));
        let store = crate::store::Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
        let config = crate::config::Config::default();
        let ctx = Ctx {
            lang: crate::i18n::Lang::Da,
            now: chrono::NaiveDateTime::default(),
            store: &store,
            config: &config,
            width: 80,
            height: 24,
        };
        a.act(Action::Choose(1), &ctx);
        a.act(Action::Yes, &ctx);
        assert_eq!(a.answers.received, Some(Reception::Positive));
        assert_eq!(a.answers.matched, Some(true));
        a.act(Action::Choose(1), &ctx);
        a.act(Action::Yes, &ctx);
        assert!(a.answers.is_empty());
        let out = a.act(Action::Close, &ctx);
        assert!(out.contains(&Effect::CallAnswered {
            citizen_id: 1,
            citizen: "A".into(),
            accepted: Some(true),
            answers: CallAnswers::default(),
            note: false,
        }));
    }
}
