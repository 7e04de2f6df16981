//! `jobdesk report feedback`: the citizens' ratings (1–5) per month and target group: answers,
//! mean, share rated 4–5, and the wishes listed as text only (no names). The sums are
//! `domain::feedback::by_month`, the words `i18n::feedback`.

use std::io::Write;

use clap::Args;

use super::Ctx;
use super::table::{Col, Table};
use crate::domain::feedback::{MonthRow, by_month, one_decimal};
use crate::domain::records::DayRange;
use crate::domain::text::sanitize_line;
use crate::error::Result;
use crate::export::csv::cell;
use crate::i18n::Lang;
use crate::i18n::feedback as words;
use crate::store::Create;

#[derive(Debug, Args)]
pub struct ReportFeedbackArgs {
    /// The first day (default: no limit)
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// The last day (default: no limit)
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// CSV (RFC 4180): month, target_group, answers, mean, share_4_5_pct, wishes (joined by
    /// " | "; Danish headers and decimal comma with --lang da)
    #[arg(long)]
    pub csv: bool,
    /// CSV for Danish Excel: `;` between fields, a UTF-8 BOM, CRLF, decimal comma
    #[arg(long)]
    pub excel: bool,
}

/// One row's CSV cells; numbers with a decimal comma when `comma`.
pub fn csv_cells(r: &MonthRow, l: Lang, comma: bool) -> Vec<String> {
    vec![
        words::month_key(r.month),
        words::group_cell(l, r.group),
        r.answers.to_string(),
        one_decimal(r.mean(), comma),
        one_decimal(r.high_pct(), comma),
        r.wishes
            .iter()
            .map(|w| sanitize_line(w))
            .collect::<Vec<_>>()
            .join(" | "),
    ]
}

/// Runs `jobdesk report feedback`.
pub fn report(a: &ReportFeedbackArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let l = ctx.lang;
    let range = DayRange {
        from: a
            .from
            .as_deref()
            .map(|d| ctx.date("--from", d))
            .transpose()?,
        to: a.to.as_deref().map(|d| ctx.date("--to", d)).transpose()?,
    };
    if let (Some(from), Some(to)) = (range.from, range.to)
        && from > to
    {
        return Err(crate::store::Error::RangeReversed { from, to }.into());
    }
    let store = ctx.open_store(Create::No)?;
    let rows = by_month(&store.feedback_answers(range)?);
    if a.csv || a.excel {
        let comma = a.excel || l.da();
        let mut w = crate::export::csv::writer(out, a.excel)?;
        w.write_record(words::csv_header(l).iter().map(|h| cell(h)))?;
        for r in &rows {
            w.write_record(csv_cells(r, l, comma).iter().map(|c| cell(c)))?;
        }
        w.flush()?;
        return Ok(());
    }
    writeln!(out, "{}", words::title(l, range.from, range.to))?;
    writeln!(out)?;
    if rows.is_empty() {
        writeln!(out, "{}", words::empty(l))?;
        return Ok(());
    }
    let h = words::table_header(l);
    let table = Table::new(&[
        Col::Fit(15),
        Col::Fit(20),
        Col::Right(5),
        Col::Right(5),
        Col::Right(6),
    ]);
    table.row(out, &h)?;
    let da = l.da();
    for r in &rows {
        table.row(
            out,
            &[
                &words::month(l, r.month),
                words::group(l, r.group),
                &r.answers.to_string(),
                &one_decimal(r.mean(), da),
                &one_decimal(r.high_pct(), da),
            ],
        )?;
    }
    // The wishes of each month, once (from the month's row of all groups).
    for r in rows
        .iter()
        .filter(|r| r.group.is_none() && !r.wishes.is_empty())
    {
        writeln!(out)?;
        writeln!(out, "{}", words::wishes_heading(l, r))?;
        for w in &r.wishes {
            writeln!(out, "  – {}", sanitize_line(w))?;
        }
    }
    writeln!(out)?;
    writeln!(out, "{}", words::footnote(l))?;
    Ok(())
}
