//! `jobdesk holidays [--year Y] [--json]`: the days off of a year, the public holidays and the
//! config's local days off, in date order.

use std::io::Write;

use chrono::Datelike;
use clap::Args;
use serde::Serialize;

use super::Ctx;
use super::table::{Col, Table};
use crate::domain::dates::{fmt_date, weekday_short};
use crate::domain::text::sanitize_line;
use crate::error::{Result, user};
use crate::i18n::cli as words;

/// The years `--year` takes (the Gregorian computus and the rules known for them).
const YEARS: (i32, i32) = (1900, 2999);

#[derive(Debug, Args)]
pub struct HolidaysArgs {
    /// The year (default: this year)
    #[arg(long, value_name = "YYYY", allow_negative_numbers = true)]
    pub year: Option<i32>,
    /// One JSON array of objects (date, name, kind: holiday | local), for scripts
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct DayOffJson<'a> {
    date: String,
    name: &'a str,
    kind: &'static str,
}

/// `jobdesk holidays`: reads the config (for the local days off), never the database.
pub fn holidays(a: &HolidaysArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let year = a.year.unwrap_or_else(|| ctx.today().year());
    if !(YEARS.0..=YEARS.1).contains(&year) {
        return Err(user(words::holidays_year(ctx.lang, year, YEARS.0, YEARS.1)));
    }
    let calendar = ctx.config()?.calendar();
    let days = calendar.days_off(year);
    let da = ctx.lang.da();
    if a.json {
        let rows: Vec<DayOffJson<'_>> = days
            .iter()
            .map(|d| DayOffJson {
                date: d.date.format("%Y-%m-%d").to_string(),
                name: d.name(da),
                kind: d.kind.key(),
            })
            .collect();
        serde_json::to_writer(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    let table = Table::new(&[Col::Left(10), Col::Left(3), Col::Left(22), Col::Free]);
    table.row(out, &words::holidays_header(ctx.lang))?;
    for d in &days {
        table.row(
            out,
            &[
                &fmt_date(d.date, da),
                weekday_short(d.date.weekday(), da),
                &sanitize_line(d.name(da)),
                words::day_off_kind(ctx.lang, d.kind),
            ],
        )?;
    }
    Ok(())
}
