//! `jobdesk report mentor`: per citizen with a mentor agreement, the month's agreed hours, the
//! hours used (minutes of held mentor contacts) and the visits by channel. The SQL lives in
//! `store::mentor`, the words in `i18n::mentor`.

use std::io::Write;

use chrono::NaiveDate;
use clap::Args;

use super::Ctx;
use super::table::{Col, Table};
use crate::domain::Channel;
use crate::domain::text::sanitize_line;
use crate::error::{Result, user};
use crate::export::csv::cell;
use crate::i18n::mentor as words;
use crate::store::{Create, MentorMonth, month_start};

#[derive(Debug, Args)]
pub struct ReportMentorArgs {
    /// The month, YYYY-MM (default: this month)
    #[arg(long, value_name = "YYYY-MM")]
    pub month: Option<String>,
    /// CSV (RFC 4180): id, citizen, hours_per_week, weeks, agreed_hours, used_hours, home_visit,
    /// walk, workplace, other_channels (Danish headers with --lang da)
    #[arg(long)]
    pub csv: bool,
    /// CSV for Danish Excel: `;` between fields, a UTF-8 BOM, decimal comma
    #[arg(long)]
    pub excel: bool,
}

/// Reads `--month`: "2026-11".
fn parse_month(s: &str, l: crate::i18n::Lang) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(&format!("{}-01", s.trim()), "%Y-%m-%d")
        .map_err(|_| user(crate::i18n::mentor::not_a_month(l, s.trim())))
}

/// The visits of a row in the report's order: home visit, walk, workplace, other channels.
fn visits(r: &MentorMonth) -> [u32; 4] {
    let get = |c: Channel| r.visits.get(&c).copied().unwrap_or(0);
    let total: u32 = r.visits.values().sum();
    let (h, w, p) = (
        get(Channel::HomeVisit),
        get(Channel::Walk),
        get(Channel::Workplace),
    );
    [h, w, p, total - h - w - p]
}

/// One row's cells; hours with a decimal comma when `comma`.
fn cells(r: &MentorMonth, comma: bool) -> Vec<String> {
    let mut c = vec![
        r.citizen_id.to_string(),
        sanitize_line(&r.name),
        words::hours(r.hours_per_week, comma),
        r.weeks.to_string(),
        words::minutes_as_hours(r.agreed_minutes, comma),
        words::minutes_as_hours(r.used_minutes, comma),
    ];
    c.extend(visits(r).iter().map(u32::to_string));
    c
}

/// Runs `jobdesk report mentor`.
pub fn report(a: &ReportMentorArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let l = ctx.lang;
    let month = match &a.month {
        Some(m) => parse_month(m, ctx.lang)?,
        None => month_start(ctx.today()),
    };
    let store = ctx.open_store(Create::No)?;
    let rows = store.mentor_month(month)?;
    let header = words::report_header(l);
    if a.csv || a.excel {
        let mut w = crate::export::csv::writer(out, a.excel)?;
        w.write_record(header)?;
        for r in &rows {
            w.write_record(cells(r, a.excel).iter().map(|c| cell(c)))?;
        }
        w.flush()?;
        return Ok(());
    }
    writeln!(out, "{}", words::report_title(l, month))?;
    writeln!(out)?;
    if rows.is_empty() {
        writeln!(out, "{}", words::report_empty(l))?;
        return Ok(());
    }
    let cols = [
        Col::Right(5),
        Col::Fit(24),
        Col::Right(header[2].chars().count()),
        Col::Right(4),
        Col::Right(header[4].chars().count()),
        Col::Right(header[5].chars().count()),
        Col::Right(header[6].chars().count()),
        Col::Right(header[7].chars().count()),
        Col::Right(header[8].chars().count()),
        Col::Right(header[9].chars().count()),
    ];
    let table = Table::new(&cols);
    table.row(out, &header)?;
    for r in &rows {
        let c = cells(r, l.da());
        let refs: Vec<&str> = c.iter().map(String::as_str).collect();
        table.row(out, &refs)?;
    }
    writeln!(out)?;
    writeln!(out, "{}", words::report_footnote(l))?;
    Ok(())
}
