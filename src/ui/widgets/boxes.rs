//! The frames overlays are drawn in: a box with a one-line input just above the footer, a
//! question above the footer. Text that does not fit wraps onto more lines: nothing a user must
//! read is cut.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::line::LineInput;
use crate::domain::text::{sanitize_line, truncate, width};
use crate::ui::layout::areas;
use crate::ui::theme::ACCENT;

/// How many rows `text` takes wrapped at `w` columns (word wrap may need one more than the
/// characters do; that row is kept).
pub fn wrapped_rows(text: &str, w: u16) -> u16 {
    let w = w.max(1) as usize;
    let n = width(text);
    if n <= w {
        1
    } else {
        (n.div_ceil(w) + 1).min(8) as u16
    }
}

/// The footer line of a screen of `area`.
pub fn footer(area: Rect) -> Rect {
    areas(area).footer
}

/// A box just above the footer with a one-line input in it and, under it, lines of text
/// (an error, a preview) in `style`, each wrapped to fit.
pub fn text_box(
    f: &mut Frame<'_>,
    area: Rect,
    title: &str,
    right: Line<'_>,
    input: &LineInput,
    below: &[(String, Style)],
) {
    let footer = footer(area);
    let inner_w = footer.width.saturating_sub(2);
    let rows: Vec<u16> = below
        .iter()
        .map(|(t, _)| wrapped_rows(t, inner_w))
        .collect();
    let h = 3 + rows.iter().sum::<u16>();
    let r = Rect {
        x: footer.x,
        y: footer.y.saturating_sub(h),
        width: footer.width,
        height: h.min(footer.y),
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(Style::new().fg(ACCENT))
        .title(truncate(title, r.width.saturating_sub(2) as usize))
        .title_bottom(right.right_aligned());
    let inner = block.inner(r);
    f.render_widget(Clear, r);
    f.render_widget(block, r);
    f.render_widget(&input.area, Rect { height: 1, ..inner });
    let mut y = inner.y + 1;
    for ((text, style), n) in below.iter().zip(rows) {
        let lr = Rect {
            y,
            height: n.min((inner.y + inner.height).saturating_sub(y)),
            ..inner
        };
        f.render_widget(
            Paragraph::new(sanitize_line(text))
                .wrap(Wrap { trim: true })
                .style(*style),
            lr,
        );
        y += n;
    }
}

/// A question just above the footer, answered with one key (wrapped when it is long).
pub fn prompt(f: &mut Frame<'_>, area: Rect, title: &str, question: &str) {
    let footer = footer(area);
    let n = wrapped_rows(question, footer.width.saturating_sub(2));
    let h = 2 + n;
    let r = Rect {
        x: footer.x,
        y: footer.y.saturating_sub(h),
        width: footer.width,
        height: h,
    };
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(Style::new().fg(Color::Yellow))
        .title(truncate(title, r.width.saturating_sub(2) as usize));
    f.render_widget(Clear, r);
    f.render_widget(
        Paragraph::new(question.to_string())
            .wrap(Wrap { trim: true })
            .block(block)
            .style(Style::new().add_modifier(Modifier::BOLD)),
        r,
    );
}

/// A framed box in the accent colour with a title, cleared first; returns its inside.
pub fn frame(f: &mut Frame<'_>, r: Rect, title: &str, color: Color) -> Rect {
    let block = Block::new()
        .borders(Borders::ALL)
        .border_style(Style::new().fg(color))
        .title(truncate(title, r.width.saturating_sub(2) as usize));
    let inner = block.inner(r);
    f.render_widget(Clear, r);
    f.render_widget(block, r);
    inner
}
