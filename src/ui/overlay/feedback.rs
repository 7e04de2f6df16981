//! The citizen's rating of a contact (1–5) and a one-line wish: offered after a held
//! conversation's note (the prompt, drawn by [`draw_offer`], is not an overlay: any key it does
//! not take goes on to the lists), and `f` on a contact in the Contact log to add, change or
//! remove it later.

use ratatui::Frame;
use ratatui::crossterm::event::Event;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::{Ctx, Effect, Overlay};
use crate::i18n::voice as words;
use crate::ui::action::Action;
use crate::ui::keymap::Scope;
use crate::ui::theme::ACCENT;
use crate::ui::widgets::boxes::{footer, frame, text_box};
use crate::ui::widgets::line::{LineEvent, LineInput};

#[derive(Debug, Clone, PartialEq)]
pub struct Feedback {
    pub contact_id: i64,
    pub citizen: String,
    /// The rating given before (`f` on a contact that has one).
    pub had: Option<(u8, String)>,
    /// The rating chosen: then the wish is typed.
    pub score: Option<u8>,
    pub wish: LineInput,
}

impl Feedback {
    /// `f` on a contact: the rating first (what it has now shown), then the wish.
    pub fn edit(contact_id: i64, citizen: String, had: Option<(u8, String)>) -> Feedback {
        let wish = had.as_ref().map(|(_, w)| w.as_str()).unwrap_or("");
        Feedback {
            contact_id,
            citizen,
            wish: LineInput::new(wish, Vec::new()),
            had,
            score: None,
        }
    }

    /// The rating just given on the prompt after the note: the wish is next.
    pub fn scored(contact_id: i64, citizen: String, score: u8) -> Feedback {
        Feedback {
            contact_id,
            citizen,
            had: None,
            score: Some(score),
            wish: LineInput::new("", Vec::new()),
        }
    }

    fn save(&self, score: Option<u8>) -> Vec<Effect> {
        vec![
            Effect::Close,
            Effect::Feedback {
                contact_id: self.contact_id,
                citizen: self.citizen.clone(),
                score,
                wish: self.wish.text().trim().to_string(),
            },
        ]
    }
}

impl Overlay for Feedback {
    fn scopes(&self) -> Vec<Scope> {
        match self.score {
            Some(_) => vec![Scope::FeedbackWish, Scope::Editing],
            None if self.had.is_some() => vec![Scope::FeedbackScore, Scope::FeedbackRemove],
            None => vec![Scope::FeedbackScore],
        }
    }

    fn act(&mut self, action: Action, _ctx: &Ctx<'_>) -> Vec<Effect> {
        match action {
            Action::Choose(i) if self.score.is_none() && i < 5 => {
                self.score = Some(i as u8 + 1);
                Vec::new()
            }
            Action::DeleteEntry if self.had.is_some() => self.save(None),
            Action::Save => self.save(self.score),
            Action::Close => vec![Effect::Close],
            a => vec![Effect::Action(a)],
        }
    }

    fn input(&mut self, ev: &Event, _ctx: &Ctx<'_>) -> Vec<Effect> {
        if self.score.is_some() {
            let _: LineEvent = self.wish.handle(ev);
        }
        Vec::new()
    }

    fn draw(&self, ctx: &Ctx<'_>, f: &mut Frame<'_>, area: Rect) {
        let l = ctx.lang;
        let title = words::feedback_title(l, &self.citizen);
        match self.score {
            Some(s) => text_box(
                f,
                area,
                &format!(" {title} · {} ", words::wish_label(l, s)),
                Line::raw(""),
                &self.wish,
                &[],
            ),
            None => {
                let lines = vec![
                    Line::raw(words::score_now(l, self.had.clone())),
                    Line::from(Span::styled(
                        words::edit_keys(l, self.had.is_some()),
                        Style::new().fg(ACCENT).add_modifier(Modifier::BOLD),
                    )),
                ];
                let r = above_footer(area, 4);
                let inner = frame(f, r, &format!(" {title} "), ACCENT);
                f.render_widget(Paragraph::new(lines), inner);
            }
        }
    }

    fn typing(&self) -> bool {
        self.score.is_some()
    }
}

/// A box `h` rows high just above the footer, as wide as the screen.
fn above_footer(area: Rect, h: u16) -> Rect {
    let foot = footer(area);
    Rect {
        x: foot.x,
        y: foot.y.saturating_sub(h),
        width: foot.width,
        height: h.min(foot.y),
    }
}

/// The prompt after a held conversation's note: the rating (1–5) or Enter to skip it; any
/// other key goes on to the lists (so a run of held calls stays `h` Enter each).
pub fn draw_offer(l: crate::i18n::Lang, citizen: &str, f: &mut Frame<'_>, area: Rect) {
    let r = above_footer(area, 3);
    f.render_widget(Clear, r);
    let inner = frame(
        f,
        r,
        &format!(" {} ", words::offer_title(l, citizen)),
        ACCENT,
    );
    f.render_widget(
        Paragraph::new(Line::from(Span::styled(
            words::offer_keys(l),
            Style::new().fg(ACCENT).add_modifier(Modifier::BOLD),
        ))),
        inner,
    );
}
