//! A one-line text field (ratatui-textarea underneath): notes, new times. Enter submits, Esc
//! cancels, Tab completes from snippets; AltGr characters (Ctrl+Alt on Windows) and pastes are
//! text; line breaks in a paste become spaces.

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::TextArea;

use crate::domain::text::width;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineEvent {
    Submit(String),
    Cancel,
    Changed,
    Ignored,
}

#[derive(Debug, Clone)]
pub struct LineInput {
    pub area: TextArea<'static>,
    /// Snippets Tab completes from, and where in them Tab is.
    snippets: Vec<String>,
    tab_index: Option<usize>,
    /// The text before Tab started cycling.
    tab_base: String,
}

impl PartialEq for LineInput {
    fn eq(&self, other: &Self) -> bool {
        self.text() == other.text()
    }
}

impl LineInput {
    pub fn new(initial: &str, snippets: Vec<String>) -> LineInput {
        let mut area = TextArea::new(vec![initial.replace(['\n', '\r'], " ")]);
        area.set_cursor_line_style(ratatui::style::Style::new());
        area.move_cursor(ratatui_textarea::CursorMove::End);
        LineInput {
            area,
            snippets,
            tab_index: None,
            tab_base: String::new(),
        }
    }

    pub fn text(&self) -> String {
        self.area.lines().join(" ")
    }

    /// Length in characters as the user counts them.
    pub fn len(&self) -> usize {
        self.text().chars().count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn width(&self) -> usize {
        width(&self.text())
    }

    fn set_text(&mut self, s: &str) {
        self.area.select_all();
        self.area.cut();
        self.area.insert_str(s);
    }

    /// Tab: the next snippet that starts with what was typed (or any, when nothing was); a
    /// snippet is added after text that does not match any.
    fn complete(&mut self) {
        if self.snippets.is_empty() {
            return;
        }
        if self.tab_index.is_none() {
            self.tab_base = self.text();
        }
        let base = crate::domain::text::fold(self.tab_base.trim());
        let matching: Vec<usize> = (0..self.snippets.len())
            .filter(|i| {
                base.is_empty() || crate::domain::text::fold(&self.snippets[*i]).starts_with(&base)
            })
            .collect();
        let next = match self.tab_index {
            Some(i) => matching
                .iter()
                .copied()
                .find(|j| *j > i)
                .or_else(|| matching.first().copied()),
            None => matching.first().copied(),
        };
        match next {
            Some(i) => {
                self.tab_index = Some(i);
                let s = self.snippets[i].clone();
                self.set_text(&s);
            }
            None => {
                // Nothing starts like that: append the first snippet after the text.
                let i = self
                    .tab_index
                    .map(|i| (i + 1) % self.snippets.len())
                    .unwrap_or(0);
                self.tab_index = Some(i);
                let s = format!("{} {}", self.tab_base.trim_end(), self.snippets[i]);
                self.set_text(&s);
            }
        }
    }

    pub fn handle(&mut self, ev: &Event) -> LineEvent {
        match ev {
            Event::Paste(s) => {
                let clean: String = s
                    .chars()
                    .map(|c| {
                        if c == '\n' || c == '\r' || c == '\t' {
                            ' '
                        } else {
                            c
                        }
                    })
                    .filter(|c| !c.is_control())
                    .collect();
                self.area.insert_str(clean);
                self.tab_index = None;
                LineEvent::Changed
            }
            Event::Key(k) => self.key(k),
            _ => LineEvent::Ignored,
        }
    }

    fn key(&mut self, k: &KeyEvent) -> LineEvent {
        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
        let alt = k.modifiers.contains(KeyModifiers::ALT);
        match k.code {
            KeyCode::Enter => return LineEvent::Submit(self.text()),
            KeyCode::Esc => return LineEvent::Cancel,
            KeyCode::Tab => {
                self.complete();
                return LineEvent::Changed;
            }
            KeyCode::Char(c) if ctrl && alt => {
                // AltGr on Windows: text, never a command.
                self.area.insert_char(c);
            }
            KeyCode::Char('m') if ctrl => return LineEvent::Submit(self.text()),
            // Ctrl+U clears what stands before the cursor, as in a shell (the field's own
            // Ctrl+U is undo, which leaves a prefilled line as it was); Ctrl+Z undoes.
            KeyCode::Char('u') if ctrl => {
                if !self.area.delete_line_by_head() {
                    return LineEvent::Ignored;
                }
            }
            KeyCode::Char('z') if ctrl => {
                if !self.area.undo() {
                    return LineEvent::Ignored;
                }
            }
            _ => {
                if !self.area.input(*k) {
                    return LineEvent::Ignored;
                }
            }
        }
        self.tab_index = None;
        LineEvent::Changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: KeyCode, m: KeyModifiers) -> Event {
        Event::Key(KeyEvent::new(c, m))
    }

    #[test]
    fn typing_altgr_paste_and_submit() {
        let mut l = LineInput::new("", vec![]);
        for c in "Ærø ".chars() {
            l.handle(&key(KeyCode::Char(c), KeyModifiers::NONE));
        }
        l.handle(&key(
            KeyCode::Char('@'),
            KeyModifiers::CONTROL | KeyModifiers::ALT,
        ));
        l.handle(&Event::Paste("a\nb".into()));
        assert_eq!(l.text(), "Ærø @a b");
        assert_eq!(
            l.handle(&key(KeyCode::Enter, KeyModifiers::NONE)),
            LineEvent::Submit("Ærø @a b".into())
        );
        assert_eq!(
            l.handle(&key(KeyCode::Esc, KeyModifiers::NONE)),
            LineEvent::Cancel
        );
    }

    #[test]
    fn ctrl_u_clears_a_prefilled_line_and_ctrl_z_brings_it_back() {
        let mut l = LineInput::new("samtale Jens Hansen ", vec![]);
        let ctrl = |c| key(KeyCode::Char(c), KeyModifiers::CONTROL);
        assert_eq!(l.handle(&ctrl('u')), LineEvent::Changed);
        assert_eq!(l.text(), "");
        l.handle(&key(KeyCode::Char('x'), KeyModifiers::NONE));
        assert_eq!(l.text(), "x", "the next text is not appended");
        l.handle(&key(KeyCode::Backspace, KeyModifiers::NONE));
        l.handle(&ctrl('z'));
        l.handle(&ctrl('z'));
        l.handle(&ctrl('z'));
        assert_eq!(l.text(), "samtale Jens Hansen ");
    }

    #[test]
    fn tab_cycles_matching_snippets() {
        let snippets = vec![
            "Aftalt praktik".to_string(),
            "Afbud pga. sygdom".to_string(),
            "Ny samtale aftalt".to_string(),
        ];
        let mut l = LineInput::new("", snippets);
        for c in "af".chars() {
            l.handle(&key(KeyCode::Char(c), KeyModifiers::NONE));
        }
        l.handle(&key(KeyCode::Tab, KeyModifiers::NONE));
        assert_eq!(l.text(), "Aftalt praktik");
        l.handle(&key(KeyCode::Tab, KeyModifiers::NONE));
        assert_eq!(l.text(), "Afbud pga. sygdom");
        l.handle(&key(KeyCode::Tab, KeyModifiers::NONE));
        assert_eq!(l.text(), "Aftalt praktik", "wraps around the matching ones");
        l.handle(&key(KeyCode::Char('.'), KeyModifiers::NONE));
        assert_eq!(l.text(), "Aftalt praktik.");
    }
}
