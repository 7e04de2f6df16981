//! `jobdesk agenda`, `jobdesk plan` and `jobdesk log add|feedback` (`log list|edit|delete` and
//! `mark` are in `log`).

use std::io::Write;

use chrono::{Duration, NaiveTime};
use clap::{Args, Subcommand};
use serde::Serialize;

use super::table::{Col, Table};
use super::{Ctx, YesNo};
use crate::domain::dates::{fmt_iso_minute, fmt_time};
use crate::domain::text::sanitize_line;
use crate::domain::{Channel, Kind, NewAppointment, NewContact, Outcome, Status, Word};
use crate::error::{Result, user};
use crate::i18n::cli as words;
use crate::store::{AppointmentFilter, Create};

#[derive(Debug, Args)]
pub struct AgendaArgs {
    /// The first day (default: today)
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// How many days from it
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub days: u32,
    /// One JSON array of objects (id, start, minutes, citizen_id, citizen, kind, channel, status)
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// The citizen's id (see `jobdesk citizens`)
    #[arg(long, value_name = "ID")]
    pub citizen: i64,
    /// When: 2026-11-23T10:30, "23.11.2026 10.30" or "today 14:00"
    #[arg(long, value_name = "DATETIME", allow_hyphen_values = true)]
    pub at: String,
    /// in_person, phone, video, home_visit, walk, workplace (Danish words too)
    #[arg(long, value_name = "C")]
    pub channel: String,
    /// Length in minutes
    #[arg(long, value_name = "N")]
    pub minutes: Option<i64>,
    /// conversation or mentor_visit (default: mentor_visit for home_visit/walk/workplace)
    #[arg(long, value_name = "K")]
    pub kind: Option<String>,
    /// Where (an address, a room)
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub place: Option<String>,
    /// Treat a warning (after the citizen's legal deadline, a day off, a weekend, in the past,
    /// over another appointment) as an error: exit 2 and plan nothing
    #[arg(long)]
    pub strict: bool,
    /// Plan a series: week (every week), 2weeks (every other week) or month (the same weekday
    /// of the same week of each month, e.g. the 2nd Tuesday; a 5th one: the last). Prints the
    /// series' id; how many were planned and the days off skipped or moved go to stderr
    #[arg(long, value_name = "week|2weeks|month")]
    pub every: Option<String>,
    /// The series' last day (included). Without --until or --count: until the citizen's
    /// mentor agreement ends, else 26 weeks
    #[arg(long, value_name = "DATE", conflicts_with = "count")]
    pub until: Option<String>,
    /// How many dates the series has (days off skipped included), 1 to 261
    #[arg(long, value_name = "N")]
    pub count: Option<u32>,
    /// A date on a public holiday or local day off: skip it (default) or move it to the next
    /// working day
    #[arg(long, value_name = "skip|move")]
    pub on_day_off: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum LogCommand {
    /// Append one contact to the log and print its id
    Add(LogAddArgs),
    /// Record how the citizen experienced a contact (1–5) and their own wish
    Feedback(FeedbackArgs),
    /// The live entries of a day (default: today), a range or a citizen, in time order
    List(super::log::ListArgs),
    /// Correct one entry: only the fields given change (recorded in the audit log, without the
    /// note's text)
    Edit(super::log::EditArgs),
    /// Delete one entry (asks first; --yes for scripts; recorded in the audit log)
    Delete(super::log::DeleteArgs),
    /// Every live entry not yet transferred to the case system, across all days, oldest first,
    /// with its age in working days (too old: more than transfer_max_days in the config)
    Pending(super::pending::PendingArgs),
    /// Print one entry's journal-ready text (the config's journal template), to paste into the
    /// case system
    Note(super::pending::NoteArgs),
    /// Mark entries transferred to the case system: one, a day's or a citizen's (--undo: not
    /// transferred); prints how many changed
    Transferred(super::pending::TransferredArgs),
}

#[derive(Debug, Args)]
pub struct FeedbackArgs {
    /// The contact's id
    #[arg(long, value_name = "ID")]
    pub contact: i64,
    /// 1 (poor) to 5 (very good)
    #[arg(long, value_name = "N")]
    pub score: u8,
    /// The citizen's own wish, in one line
    #[arg(
        long,
        value_name = "TEXT",
        allow_hyphen_values = true,
        default_value = ""
    )]
    pub wish: String,
}

#[derive(Debug, Args)]
pub struct LogAddArgs {
    #[arg(long, value_name = "ID")]
    pub citizen: i64,
    /// in_person, phone, video, home_visit, walk, workplace, sms, email, digital_post, letter
    /// (Danish words too)
    #[arg(long, value_name = "C")]
    pub channel: String,
    /// held, no_show, cancelled_by_citizen, cancelled, moved, reached, not_reached, message_left
    #[arg(long, value_name = "O")]
    pub outcome: String,
    /// When (default: now)
    #[arg(long, value_name = "DATETIME", allow_hyphen_values = true)]
    pub at: Option<String>,
    /// Minutes spent
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub minutes: i64,
    /// A short note; may start with '-' and may hold a line break
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub note: Option<String>,
    /// Whether it counts toward the legal minimum of conversations (default: yes for a held
    /// conversation in person, by phone or video; a citizen's first conversation by phone or
    /// video warns and counts only with --counts yes, since it must be held in person)
    #[arg(long, value_name = "yes|no")]
    pub counts: Option<YesNo>,
}

/// Runs `jobdesk log ...`.
pub fn run_log(cmd: LogCommand, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    match cmd {
        LogCommand::Add(a) => log_add(&a, ctx, out),
        LogCommand::Feedback(a) => {
            let mut store = ctx.open_store(Create::No)?;
            store.set_feedback(a.contact, Some(a.score), a.wish.trim())?;
            Ok(())
        }
        LogCommand::List(a) => super::log::list(&a, ctx, out),
        LogCommand::Edit(a) => super::log::edit(&a, ctx, out),
        LogCommand::Delete(a) => super::log::delete(&a, ctx, out),
        LogCommand::Pending(a) => super::pending::pending(&a, ctx, out),
        LogCommand::Note(a) => super::pending::note(&a, ctx, out),
        LogCommand::Transferred(a) => super::pending::transferred(&a, ctx, out),
    }
}

#[derive(Serialize)]
struct AppointmentJson<'a> {
    id: i64,
    start: String,
    minutes: i64,
    citizen_id: i64,
    citizen: &'a str,
    kind: &'a str,
    channel: &'a str,
    status: &'a str,
}

/// `jobdesk agenda [--date D] [--days N] [--json]`.
pub fn agenda(a: &AgendaArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let store = ctx.open_store(Create::No)?;
    let first = match &a.date {
        Some(d) => ctx.date("--date", d)?,
        None => ctx.today(),
    };
    if a.days == 0 || a.days > 3660 {
        return Err(user(crate::i18n::cli::days_out_of_range(ctx.lang, a.days)));
    }
    let from = first.and_time(NaiveTime::MIN);
    let filter = AppointmentFilter {
        from: Some(from),
        to: Some(from + Duration::days(a.days as i64)),
        ..Default::default()
    };
    let list = store.appointments(&filter, 0, usize::MAX >> 1)?;
    if a.json {
        let rows: Vec<AppointmentJson<'_>> = list
            .iter()
            .map(|x| AppointmentJson {
                id: x.id,
                start: fmt_iso_minute(x.start),
                minutes: x.minutes,
                citizen_id: x.citizen_id,
                citizen: &x.citizen,
                kind: x.kind.key(),
                channel: x.channel.key(),
                status: x.status.key(),
            })
            .collect();
        serde_json::to_writer(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    let l = ctx.lang;
    let da = l.da();
    let h = words::agenda_header(l);
    let table = Table::indented(
        "  ",
        &[
            Col::Right(7),
            Col::Fit(5),
            Col::Right(4),
            Col::Fit(26),
            Col::Fit(13),
            Col::Fit(13),
            Col::Free,
        ],
    );
    for day in 0..a.days as i64 {
        let date = first + Duration::days(day);
        let of_day: Vec<_> = list.iter().filter(|x| x.start.date() == date).collect();
        if a.days > 1 && of_day.is_empty() {
            continue;
        }
        writeln!(out, "{} ({})", l.day_title(date), l.week(date))?;
        if of_day.is_empty() {
            writeln!(out, "  {}", words::no_appointments(l))?;
            continue;
        }
        table.row(out, &h)?;
        for x in of_day {
            table.row(
                out,
                &[
                    &x.id.to_string(),
                    &fmt_time(x.start.time(), da),
                    &x.minutes.to_string(),
                    &sanitize_line(&x.citizen),
                    x.kind.name(da),
                    x.channel.name(da),
                    x.status.name(da),
                ],
            )?;
        }
    }
    if a.days > 1 && list.is_empty() {
        writeln!(out, "{}", words::no_appointments(l))?;
    }
    Ok(())
}

/// `jobdesk plan`: one planned appointment (or a series, with `--every`); prints its id.
pub fn plan(a: &PlanArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    if a.every.is_some() {
        return super::series::plan_series(a, ctx, out);
    }
    for (given, flag) in [
        (a.until.is_some(), "--until"),
        (a.count.is_some(), "--count"),
        (a.on_day_off.is_some(), "--on-day-off"),
    ] {
        if given {
            return Err(user(crate::i18n::series::needs_every(ctx.lang, flag)));
        }
    }
    let mut store = ctx.open_store(Create::No)?;
    let start = ctx.datetime("--at", &a.at)?;
    let channel = ctx.word::<Channel>("--channel", &a.channel)?;
    let kind = match &a.kind {
        Some(k) => ctx.word::<Kind>("--kind", k)?,
        None if channel.is_mentor_channel() => Kind::MentorVisit,
        None => Kind::Conversation,
    };
    let minutes = a.minutes.unwrap_or(match kind {
        Kind::Conversation => 30,
        Kind::MentorVisit => 60,
    });
    store.require_citizen(a.citizen)?;
    let new = NewAppointment {
        uuid: uuid::Uuid::new_v4().to_string(),
        citizen_id: a.citizen,
        kind,
        start,
        minutes,
        channel,
        place: a.place.clone().unwrap_or_default(),
        status: Status::Planned,
        reason: String::new(),
    };
    // Warnings, never silence: each on stderr; planned all the same unless --strict.
    let warnings = store.plan_warnings(&new, ctx.now, None)?;
    for w in &warnings {
        eprintln!("{}", words::plan_warning(ctx.lang, w));
    }
    if a.strict && !warnings.is_empty() {
        return Err(user(words::plan_strict_refused(ctx.lang, warnings.len())));
    }
    let id = store.add_appointment(&new)?;
    writeln!(out, "{id}")?;
    Ok(())
}

fn log_add(a: &LogAddArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let mut store = ctx.open_store(Create::No)?;
    let channel = ctx.word::<Channel>("--channel", &a.channel)?;
    let outcome = ctx.word::<Outcome>("--outcome", &a.outcome)?;
    let at = match &a.at {
        Some(s) => ctx.datetime("--at", s)?,
        None => ctx.now,
    };
    let counts = match a.counts {
        Some(YesNo::Yes) if !outcome.can_count() => {
            return Err(user(crate::i18n::cli::counts_only_held(
                ctx.lang,
                outcome.key(),
            )));
        }
        Some(v) => v == YesNo::Yes,
        None => crate::domain::minimum::counts(Kind::Conversation, outcome, channel),
    };
    store.require_citizen(a.citizen)?;
    let first_not_in_person = crate::domain::minimum::first_needs_in_person(
        store.is_first_conversation(a.citizen)?,
        Kind::Conversation,
        outcome,
        channel,
    );
    let counts = if first_not_in_person {
        eprintln!("{}", words::first_in_person(ctx.lang));
        if a.counts.is_none() {
            eprintln!(
                "{}",
                words::first_in_person_not_counted(ctx.lang, "--counts yes")
            );
        }
        counts && a.counts == Some(YesNo::Yes)
    } else {
        counts
    };
    let id = store.add_contact(&NewContact {
        uuid: uuid::Uuid::new_v4().to_string(),
        citizen_id: a.citizen,
        appointment_id: None,
        at,
        channel,
        outcome,
        minutes: a.minutes,
        note: a.note.clone().unwrap_or_default(),
        counts,
    })?;
    writeln!(out, "{id}")?;
    Ok(())
}
