//! The rows of a form: a label column (the focused field marked `›` and in the accent colour, not
//! only by colour) and the field's text; the focused field shows its editor with the cursor.
//! Shared by every form overlay (the full form, contact and appointment correction, the citizen).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Paragraph;

use super::line::LineInput;
use crate::domain::text::{fit, sanitize_line};
use crate::ui::theme::ACCENT;

/// Draws one row per field from the top of `inner`, as many as fit; `label_w` is the label
/// column's width, mark included, and each label is padded (or cut) to `pad` cells.
pub fn draw(
    f: &mut Frame<'_>,
    inner: Rect,
    labels: &[&str],
    fields: &[LineInput],
    focus: usize,
    label_w: u16,
    pad: usize,
) {
    for (i, field) in fields.iter().enumerate() {
        let y = inner.y + i as u16;
        if y >= inner.y + inner.height {
            break;
        }
        let style = if i == focus {
            Style::new().fg(ACCENT).add_modifier(Modifier::BOLD)
        } else {
            Style::new().fg(Color::Gray)
        };
        let mark = if i == focus { '›' } else { ' ' };
        let label = labels.get(i).copied().unwrap_or_default();
        f.render_widget(
            Paragraph::new(format!("{mark}{}", fit(label, pad))).style(style),
            Rect {
                x: inner.x,
                y,
                width: label_w.min(inner.width),
                height: 1,
            },
        );
        let fr = Rect {
            x: inner.x + label_w.min(inner.width),
            y,
            width: inner.width.saturating_sub(label_w),
            height: 1,
        };
        if i == focus {
            f.render_widget(&field.area, fr);
        } else {
            f.render_widget(Paragraph::new(sanitize_line(&field.text())), fr);
        }
    }
}
