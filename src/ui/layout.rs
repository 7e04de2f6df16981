//! The screen's geometry, shared by drawing and by `App` (which needs to know how many rows a
//! list shows, to read only those from the store).

use ratatui::layout::Rect;

use super::pane::Pane;

pub const MIN_WIDTH: u16 = 80;
/// 80×23: an 80×24 terminal with a tmux or screen status line.
pub const MIN_HEIGHT: u16 = 23;

pub fn too_small(w: u16, h: u16) -> bool {
    w < MIN_WIDTH || h < MIN_HEIGHT
}

/// The parts of the screen.
pub struct Areas {
    pub header: Rect,
    pub tabs: Rect,
    /// The pane's title line (day, view, filter).
    pub title: Rect,
    /// The column headings and the rows.
    pub table: Rect,
    pub footer: Rect,
}

pub fn areas(area: Rect) -> Areas {
    let line = |y: u16| Rect {
        x: area.x,
        y,
        width: area.width,
        height: 1,
    };
    let body_h = area.height.saturating_sub(4);
    Areas {
        header: line(area.y),
        tabs: line(area.y + 1),
        title: line(area.y + 2),
        table: Rect {
            x: area.x,
            y: area.y + 3,
            width: area.width,
            height: body_h,
        },
        footer: line(area.y + area.height.saturating_sub(1)),
    }
}

/// How many rows of a list fit (the table less its heading line).
pub fn list_height(w: u16, h: u16, pane: Pane) -> usize {
    if too_small(w, h) {
        return 0;
    }
    // The Closure pane has its progress line above the table.
    let extra = if pane == Pane::Closure { 1 } else { 0 };
    areas(Rect::new(0, 0, w, h))
        .table
        .height
        .saturating_sub(1 + extra) as usize
}

/// A centred rectangle of at most `w`×`h` inside `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}
