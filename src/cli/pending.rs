//! `jobdesk log pending|note|transferred`: the transfer queue, a contact's journal-ready text,
//! and marking contacts transferred to the case system (one, a day's, or a citizen's).

use std::io::Write;

use clap::Args;
use serde::Serialize;

use super::Ctx;
use super::table::{Col, Table};
use crate::domain::Word;
use crate::domain::dates::{fmt_date, fmt_time};
use crate::domain::journal::{age_of, too_old};
use crate::domain::text::sanitize_line;
use crate::error::{Result, user};
use crate::i18n::queue as words;
use crate::store::{Create, TransferScope};

#[derive(Debug, Args)]
pub struct PendingArgs {
    /// One JSON array of objects (as `log list --json`, and age_days: working days waited,
    /// too_old: more than transfer_max_days)
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct NoteArgs {
    /// The entry's id (see `jobdesk log list` or `log pending`)
    #[arg(long, value_name = "ID")]
    pub contact: i64,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("which").required(true).args(["contact", "date", "citizen"])))]
pub struct TransferredArgs {
    /// One entry
    #[arg(long, value_name = "ID")]
    pub contact: Option<i64>,
    /// Every entry of this day
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Every entry of this citizen
    #[arg(long, value_name = "ID")]
    pub citizen: Option<i64>,
    /// Mark them not transferred instead
    #[arg(long)]
    pub undo: bool,
}

/// A pending entry: the fields of `log list --json`, then its age.
#[derive(Serialize)]
struct PendingJson<'a> {
    #[serde(flatten)]
    entry: super::log::EntryJson<'a>,
    age_days: u32,
    too_old: bool,
}

/// `jobdesk log pending`: every live contact not yet transferred, oldest first, with its age in
/// working days.
pub fn pending(a: &PendingArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let config = ctx.config()?;
    let cal = config.calendar();
    let max = config.transfer_max_days;
    let store = ctx.open_store(Create::No)?;
    let list = store.pending_entries(None)?;
    let ages: Vec<u32> = list
        .iter()
        .map(|e| age_of(&cal, e.contact.at, ctx.now))
        .collect();
    if a.json {
        let rows: Vec<PendingJson<'_>> = list
            .iter()
            .zip(&ages)
            .map(|(e, &age)| PendingJson {
                entry: super::log::EntryJson::of(e),
                age_days: age,
                too_old: too_old(age, max),
            })
            .collect();
        serde_json::to_writer(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    let l = ctx.lang;
    let da = l.da();
    if list.is_empty() {
        writeln!(out, "{}", words::nothing_pending(l))?;
        return Ok(());
    }
    let table = Table::new(&[
        Col::Right(6),
        Col::Fit(16),
        Col::Fit(22),
        Col::Fit(12),
        Col::Fit(12),
        Col::Fit(14),
        Col::Right(5),
        Col::Fit(10),
        Col::Free,
    ]);
    table.row(out, &words::pending_header(l))?;
    let mut old = 0;
    for (e, &age) in list.iter().zip(&ages) {
        let c = &e.contact;
        let is_old = too_old(age, max);
        old += usize::from(is_old);
        table.row(
            out,
            &[
                &c.id.to_string(),
                &format!(
                    "{} {}",
                    fmt_date(c.at.date(), da),
                    fmt_time(c.at.time(), da)
                ),
                &sanitize_line(&c.citizen),
                e.kind.name(da),
                c.channel.name(da),
                c.outcome.name(da),
                &age.to_string(),
                if is_old { words::too_old_mark(l) } else { "" },
                &sanitize_line(&c.note),
            ],
        )?;
    }
    writeln!(out, "{}", words::pending_summary(l, list.len(), old, max))?;
    Ok(())
}

/// `jobdesk log note`: the entry's journal-ready text, from the config's template.
pub fn note(a: &NoteArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let l = ctx.lang;
    let config = ctx.config()?;
    let store = ctx.open_store(Create::No)?;
    let src = store.journal_source(a.contact, ctx.now)?;
    writeln!(
        out,
        "{}",
        words::journal_text(l, config.journal_template(l.da()), &src)
    )?;
    Ok(())
}

/// `jobdesk log transferred`: marks the selection transferred now (or not, with `--undo`);
/// prints how many changed.
pub fn transferred(a: &TransferredArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let l = ctx.lang;
    let scope = match (a.contact, &a.date, a.citizen) {
        (Some(id), None, None) => TransferScope::Contact(id),
        (None, Some(d), None) => TransferScope::Day(ctx.date("--date", d)?),
        (None, None, Some(id)) => TransferScope::Citizen(id),
        _ => return Err(user(words::transferred_needs_a_selection(l))),
    };
    let mut store = ctx.open_store(Create::No)?;
    let ids = store.transfer_targets(scope, a.undo)?;
    let at = if a.undo { None } else { Some(ctx.now) };
    if !ids.is_empty() {
        store.mark_transferred(&ids, at)?;
    }
    writeln!(out, "{}", words::marked(l, ids.len(), a.undo))?;
    Ok(())
}
