//! Caseload / Borgere: the citizens, with target group, latest contact and next due date.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Cell;

use super::{Col, cell, fit, standing_cell, standing_style, table};
use crate::domain::cadence::Standing;
use crate::domain::text::sanitize_line;
use crate::domain::{TargetGroup, Word};
use crate::ui::app::{App, Row};

pub fn draw(app: &App, f: &mut Frame<'_>, r: Rect) {
    let l = app.lang;
    let w = l.w();
    let da = l.da();
    let citizens = || {
        app.state().list.rows.iter().filter_map(|row| match row {
            Row::Citizen(c) => Some(c),
            _ => None,
        })
    };
    let longest = super::widest(citizens().map(|c| c.name.as_str()));
    let group_w = super::widest(TargetGroup::ALL.iter().map(|g| g.short(da)));
    let date_w = l.date(app.today()).len();
    // "overskredet" (the legal deadline passed) or "bagud" (only the pace), after the date.
    // Only as wide as the words on screen need (the header is as wide as "bagud" needs).
    let standing_w = super::widest(citizens().map(|c| match c.standing(app.today()) {
        Standing::Overdue => w.overdue,
        Standing::Behind => l.t("bagud", "behind"),
        _ => "",
    }));
    let cols = [
        Col::name(w.col_citizen, longest),
        Col::flex(w.col_group, 10, group_w),
        Col::fixed(w.col_last_contact, date_w),
        Col::fixed(w.col_next_due, date_w + standing_w.min(1) + standing_w),
        Col::fixed("", w.mentor.len()).optional(1),
    ];
    let widths = fit(r.width, &cols);
    let rows = citizens()
        .map(|c| {
            let standing = c.standing(app.today());
            vec![
                cell(&sanitize_line(&c.name), widths[0]),
                cell(c.target_group.short(da), widths[1]),
                Cell::from(
                    c.last_contact
                        .map(|t| l.date(t.date()))
                        .unwrap_or_else(|| w.none.to_string()),
                ),
                match (standing, c.next_due) {
                    (Standing::Overdue | Standing::Behind, Some(d)) => Cell::from(format!(
                        "{} {}",
                        l.date(d),
                        crate::i18n::standing(l, standing).unwrap_or_default()
                    ))
                    .style(standing_style(standing)),
                    _ => standing_cell(app, c.next_due, standing),
                },
                Cell::from(if c.mentor { w.mentor } else { "" }),
            ]
        })
        .collect();
    table(app, f, r, &cols, &widths, rows, w.no_citizens);
}
