//! `jobdesk mark` and `jobdesk log list|edit|delete`: marking an appointment, listing the live
//! log, and correcting or deleting one entry (audited), as the desk does.

use std::io::Write;

use chrono::{Duration, NaiveTime};
use clap::Args;
use serde::Serialize;

use super::table::{Col, Table};
use super::{Ctx, prompt};
use crate::domain::dates::{fmt_date, fmt_iso_minute, fmt_time};
use crate::domain::text::sanitize_line;
use crate::domain::{Channel, Outcome, Status, Word};
use crate::error::{Result, user};
use crate::i18n::cli as words;
use crate::store::{Change, ContactEdit, ContactFilter, Create, Error, MinutesOf};

#[derive(Debug, Args)]
pub struct MarkArgs {
    /// The appointment's id (see `jobdesk agenda`)
    #[arg(long, value_name = "ID")]
    pub appointment: i64,
    /// held, no_show, cancelled_by_citizen or cancelled (Danish words too); marking again
    /// replaces the earlier outcome
    #[arg(long, value_name = "S")]
    pub status: String,
    /// A short note on the entry (default: the earlier entry's note, when marked again); may
    /// start with '-'
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub note: Option<String>,
    /// The citizen's first conversation was held by phone or video and counts all the same
    /// (without it, such a first conversation warns and does not count: it must be held in
    /// person)
    #[arg(long)]
    pub first_by_phone_ok: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// One day (default: today, or every day with --citizen)
    #[arg(long, value_name = "DATE", conflicts_with_all = ["from", "to"])]
    pub date: Option<String>,
    /// The first day of a range (included)
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// The last day of a range (included)
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Only this citizen's entries
    #[arg(long, value_name = "ID")]
    pub citizen: Option<i64>,
    /// One JSON array of objects (id, at, citizen_id, citizen, kind, channel, outcome, minutes,
    /// counts, transferred, note)
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// The entry's id (see `jobdesk log list`)
    #[arg(long, value_name = "ID")]
    pub contact: i64,
    /// The right time: 2026-11-23T10:30, "23.11.2026 10.30" or "today 14:00"
    #[arg(long, value_name = "DATETIME", allow_hyphen_values = true)]
    pub at: Option<String>,
    /// Minutes spent (0 to 1440)
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub minutes: Option<i64>,
    /// in_person, phone, video, home_visit, walk, workplace, sms, email, digital_post, letter
    /// (Danish words too)
    #[arg(long, value_name = "C")]
    pub channel: Option<String>,
    /// held, no_show, cancelled_by_citizen, cancelled, moved, reached, not_reached, message_left
    #[arg(long, value_name = "O")]
    pub outcome: Option<String>,
    /// The whole note as it should read; may start with '-' and may hold a line break
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub note: Option<String>,
}

#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// The entry's id (see `jobdesk log list`)
    #[arg(long, value_name = "ID")]
    pub contact: i64,
    /// Delete without asking (for scripts)
    #[arg(long)]
    pub yes: bool,
}

/// `jobdesk mark`: marks the appointment, replacing an earlier outcome; prints the entry's id.
pub fn mark(a: &MarkArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let l = ctx.lang;
    let status = ctx.word::<Status>("--status", &a.status)?;
    match status {
        Status::Planned => return Err(user(words::mark_planned(l))),
        Status::Moved => return Err(user(words::mark_moved(l))),
        _ => {}
    }
    let mut store = ctx.open_store(Create::No)?;
    let appointment = store.appointment(a.appointment)?;
    let first_not_in_person = status.outcome().is_some_and(|o| {
        crate::domain::minimum::first_needs_in_person(
            true,
            appointment.kind,
            o,
            appointment.channel,
        )
    }) && store.is_first_conversation(appointment.citizen_id)?;
    let marked = store.mark_appointment(a.appointment, status, None, ctx.now)?;
    if first_not_in_person {
        eprintln!("{}", words::first_in_person(l));
        if !a.first_by_phone_ok {
            eprintln!(
                "{}",
                words::first_in_person_not_counted(l, "--first-by-phone-ok")
            );
            store.set_contact_counts(marked.contact_id, false)?;
        }
    }
    if let Some(note) = a.note.as_deref().filter(|n| !n.trim().is_empty()) {
        store.apply(&[Change::ContactNote {
            id: marked.contact_id,
            note: note.to_string(),
        }])?;
    }
    if !marked.replaced.is_empty() {
        eprintln!("{}", words::replaced(l, a.appointment, &marked.replaced));
    }
    if status == Status::Held && appointment.start > ctx.now {
        let when = format!(
            "{} {}",
            fmt_date(appointment.start.date(), l.da()),
            fmt_time(appointment.start.time(), l.da())
        );
        eprintln!("{}", words::future_held(l, a.appointment, &when));
    }
    writeln!(out, "{}", marked.contact_id)?;
    Ok(())
}

/// One live log entry as `log list --json` and `log pending --json` print it (the contract's
/// fields, in its order).
#[derive(Serialize)]
pub(super) struct EntryJson<'a> {
    id: i64,
    at: String,
    citizen_id: i64,
    citizen: &'a str,
    kind: &'a str,
    channel: &'a str,
    outcome: &'a str,
    minutes: i64,
    counts: bool,
    transferred: Option<String>,
    note: &'a str,
}

impl<'a> EntryJson<'a> {
    pub(super) fn of(e: &'a crate::store::LogEntry) -> EntryJson<'a> {
        let c = &e.contact;
        EntryJson {
            id: c.id,
            at: fmt_iso_minute(c.at),
            citizen_id: c.citizen_id,
            citizen: &c.citizen,
            kind: e.kind.key(),
            channel: c.channel.key(),
            outcome: c.outcome.key(),
            minutes: c.minutes,
            counts: c.counts,
            transferred: c
                .transferred_at
                .map(|t| t.date().format("%Y-%m-%d").to_string()),
            note: &c.note,
        }
    }
}

/// `jobdesk log list`: the live entries of a day, a range or a citizen, in time order.
pub fn list(a: &ListArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let day = |flag: &str, s: &str| ctx.date(flag, s);
    let (from, to) = match (&a.date, &a.from, &a.to) {
        (Some(d), _, _) => {
            let d = day("--date", d)?;
            (Some(d), Some(d))
        }
        (None, None, None) if a.citizen.is_some() => (None, None),
        (None, None, None) => (Some(ctx.today()), Some(ctx.today())),
        (None, f, t) => (
            f.as_deref().map(|s| day("--from", s)).transpose()?,
            t.as_deref().map(|s| day("--to", s)).transpose()?,
        ),
    };
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        return Err(Error::RangeReversed { from: f, to: t }.into());
    }
    let store = ctx.open_store(Create::No)?;
    if let Some(c) = a.citizen {
        store.require_citizen(c)?;
    }
    let list = store.log_entries(&ContactFilter {
        from: from.map(|d| d.and_time(NaiveTime::MIN)),
        to: to.map(|d| (d + Duration::days(1)).and_time(NaiveTime::MIN)),
        citizen_id: a.citizen,
        text: String::new(),
    })?;
    if a.json {
        let rows: Vec<EntryJson<'_>> = list.iter().map(EntryJson::of).collect();
        serde_json::to_writer(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    let l = ctx.lang;
    let da = l.da();
    if list.is_empty() {
        writeln!(out, "{}", words::no_contacts(l))?;
        return Ok(());
    }
    let table = Table::new(&[
        Col::Right(6),
        Col::Fit(16),
        Col::Fit(22),
        Col::Fit(12),
        Col::Fit(12),
        Col::Fit(14),
        Col::Right(3),
        Col::Fit(6),
        Col::Fit(11),
        Col::Free,
    ]);
    table.row(out, &words::log_header(l))?;
    for e in &list {
        let c = &e.contact;
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
                &c.minutes.to_string(),
                if c.counts { words::yes(l) } else { "" },
                &c.transferred_at
                    .map(|t| fmt_date(t.date(), da))
                    .unwrap_or_default(),
                &sanitize_line(&c.note),
            ],
        )?;
    }
    Ok(())
}

/// `jobdesk log edit`: corrects the fields given of one entry (audited).
pub fn edit(a: &EditArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let l = ctx.lang;
    if a.at.is_none()
        && a.minutes.is_none()
        && a.channel.is_none()
        && a.outcome.is_none()
        && a.note.is_none()
    {
        return Err(user(words::edit_needs_a_change(l)));
    }
    let minutes = match a.minutes {
        Some(m) => Some(u32::try_from(m).map_err(|_| Error::MinutesOutOfRange {
            of: MinutesOf::Contact,
            minutes: m,
        })?),
        None => None,
    };
    let edit = ContactEdit {
        at: a
            .at
            .as_deref()
            .map(|s| ctx.datetime("--at", s))
            .transpose()?,
        minutes,
        channel: a
            .channel
            .as_deref()
            .map(|s| ctx.word::<Channel>("--channel", s))
            .transpose()?,
        outcome: a
            .outcome
            .as_deref()
            .map(|s| ctx.word::<Outcome>("--outcome", s))
            .transpose()?,
        note: a.note.clone(),
    };
    let mut store = ctx.open_store(Create::No)?;
    let before = store.contact(a.contact)?;
    store.edit_contact(a.contact, &edit, ctx.now)?;
    writeln!(out, "{}", words::corrected(l, a.contact))?;
    if let Some(t) = before.transferred_at {
        eprintln!(
            "{}",
            words::transferred_already(l, a.contact, &fmt_date(t.date(), l.da()))
        );
    }
    Ok(())
}

/// `jobdesk log delete`: deletes one entry after a confirmation (audited).
pub fn delete(a: &DeleteArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let l = ctx.lang;
    let da = l.da();
    let mut store = ctx.open_store(Create::No)?;
    let c = store.contact(a.contact)?;
    if !a.yes {
        if !prompt::can_ask() {
            return Err(user(words::delete_needs_confirmation(l, a.contact)));
        }
        let what = format!(
            "{} {}, {}, {}",
            fmt_date(c.at.date(), da),
            fmt_time(c.at.time(), da),
            sanitize_line(&c.citizen),
            c.outcome.name(da)
        );
        if !prompt::confirm(&words::delete_question(l, a.contact, &what), out)? {
            return Err(user(words::not_deleted(l)));
        }
    }
    store.delete_contact(a.contact, ctx.now)?;
    writeln!(out, "{}", words::deleted(l, a.contact))?;
    Ok(())
}
