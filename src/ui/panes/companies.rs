//! Companies / Virksomheder (pane 7): the companies with their open leads, or (`v`) the leads
//! with their proposals.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Cell;

use super::{Col, cell, fit, table, widest};
use crate::domain::Word;
use crate::domain::company::{LeadKind, LeadStatus};
use crate::domain::text::sanitize_line;
use crate::i18n::companies_desk as words;
use crate::ui::app::{App, Row};

/// The title line's part after the pane's name.
pub fn title(app: &App) -> String {
    let v = app.company_view;
    words::pane_title(app.lang, v.leads, v.all).to_string()
}

pub fn draw(app: &App, f: &mut Frame<'_>, r: Rect) {
    if app.company_view.leads {
        leads(app, f, r);
    } else {
        companies(app, f, r);
    }
}

fn companies(app: &App, f: &mut Frame<'_>, r: Rect) {
    let l = app.lang;
    let rows = || {
        app.state().list.rows.iter().filter_map(|row| match row {
            Row::Company(c) => Some(c),
            _ => None,
        })
    };
    let longest = widest(rows().map(|c| c.company.name.as_str()));
    let industry = widest(rows().map(|c| c.company.industry.as_str()));
    let cols = [
        Col::name(words::col_company(l), longest),
        Col::fixed("CVR", 8),
        Col::fixed(words::col_open(l), 3),
        Col::flex(words::col_industry(l), 10, industry.max(10)).fill(),
    ];
    let widths = fit(r.width, &cols);
    let cells = rows()
        .map(|c| {
            vec![
                cell(&sanitize_line(&c.company.name), widths[0]),
                Cell::from(
                    c.company
                        .cvr
                        .as_ref()
                        .map(|c| c.to_string())
                        .unwrap_or_default(),
                ),
                Cell::from(if c.open_leads == 0 {
                    String::new()
                } else {
                    c.open_leads.to_string()
                }),
                cell(&sanitize_line(&c.company.industry), widths[3]),
            ]
        })
        .collect();
    table(app, f, r, &cols, &widths, cells, words::none(l, false));
}

fn leads(app: &App, f: &mut Frame<'_>, r: Rect) {
    let l = app.lang;
    let da = l.da();
    let rows = || {
        app.state().list.rows.iter().filter_map(|row| match row {
            Row::Lead(x) => Some(x),
            _ => None,
        })
    };
    let company = widest(rows().map(|x| x.lead.company.as_str()));
    let title = widest(rows().map(|x| x.lead.title.as_str()));
    let kind_w = widest(LeadKind::ALL.iter().map(|k| words::kind_short(l, *k)));
    let status_w = widest(LeadStatus::ALL.iter().map(|s| s.name(da)));
    let date_w = l.date(app.today()).len();
    let cols = [
        Col::name(words::col_company(l), company),
        Col::flex(words::col_title(l), 14, title.max(14)).fill(),
        Col::fixed(words::col_kind(l), kind_w),
        Col::fixed(words::col_deadline(l), date_w),
        Col::fixed(words::col_proposals(l), 2),
        Col::fixed("Status", status_w).optional(1),
    ];
    let widths = fit(r.width, &cols);
    let cells = rows()
        .map(|x| {
            let ld = &x.lead;
            vec![
                cell(&sanitize_line(&ld.company), widths[0]),
                cell(&sanitize_line(&ld.title), widths[1]),
                Cell::from(words::kind_short(l, ld.kind)),
                Cell::from(ld.deadline.map(|d| l.date(d)).unwrap_or_default()),
                Cell::from(if x.proposals == 0 {
                    String::new()
                } else {
                    x.proposals.to_string()
                }),
                Cell::from(ld.status.name(da)),
            ]
        })
        .collect();
    table(app, f, r, &cols, &widths, cells, words::none(l, true));
}
