//! `jobdesk plan … --every` (a series) and `jobdesk series list|set|end|delete`.
//!
//! A series planned without `--until` or `--count` runs until the citizen's mentor agreement
//! ends (when it ends after the first date), else for 26 weeks.

use std::io::Write;

use chrono::NaiveDate;
use clap::{Args, Subcommand};
use serde::Serialize;

use super::Ctx;
use super::calendar::PlanArgs;
use super::table::{Col, Table};
use crate::domain::dates::{fmt_date, fmt_iso_minute};
use crate::domain::recurrence::{End, Frequency, OnDayOff, Recurrence};
use crate::domain::text::sanitize_line;
use crate::domain::{Channel, Kind, NewAppointment, Status, Word};
use crate::error::{Result, user};
use crate::i18n::cli as cli_words;
use crate::i18n::series as words;
use crate::store::{Create, FollowingEdit, NewSeries, Series, Store};

#[derive(Debug, Subcommand)]
pub enum SeriesCommand {
    /// The series (recurring appointments) of the caseload or of one citizen
    List(ListArgs),
    /// "This and all following": change the time, length, channel or place of an occurrence
    /// and every later planned one (the series is split there; marked ones stay as they were)
    Set(SetArgs),
    /// End a series from an occurrence on: it and every later planned one are removed, marked
    /// ones stay as single appointments
    End(EndArgs),
    /// Delete a series: its planned appointments are removed, the ones already marked (held,
    /// no-show, cancelled, moved) stay as single appointments
    Delete(DeleteArgs),
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only this citizen's series
    #[arg(long, value_name = "ID")]
    pub citizen: Option<i64>,
    /// One JSON array of objects (id, citizen_id, citizen, kind, channel, minutes, start,
    /// every, until, count, on_day_off, skipped, occurrences, planned, next)
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SetArgs {
    /// An occurrence's appointment id (see `jobdesk agenda`)
    #[arg(long, value_name = "APPOINTMENT_ID")]
    pub from: i64,
    /// The new time of day: 10:30 or 10.30 (each date stays)
    #[arg(long, value_name = "HH.MM")]
    pub time: Option<String>,
    /// The new length in minutes
    #[arg(long, value_name = "N")]
    pub minutes: Option<i64>,
    /// The new channel
    #[arg(long, value_name = "C")]
    pub channel: Option<String>,
    /// The new place
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub place: Option<String>,
}

#[derive(Debug, Args)]
pub struct EndArgs {
    /// The first occurrence to remove (its appointment id)
    #[arg(long, value_name = "APPOINTMENT_ID")]
    pub from: i64,
}

#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// The series' id (see `jobdesk series list`)
    #[arg(value_name = "ID")]
    pub id: i64,
}

pub fn run(cmd: SeriesCommand, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    match cmd {
        SeriesCommand::List(a) => list(&a, ctx, out),
        SeriesCommand::Set(a) => set(&a, ctx, out),
        SeriesCommand::End(a) => end(&a, ctx, out),
        SeriesCommand::Delete(a) => delete(&a, ctx, out),
    }
}

fn day_off_name(store: &Store, d: NaiveDate, da: bool) -> String {
    store
        .rules()
        .calendar()
        .is_day_off(d)
        .map(|o| o.name(da).to_string())
        .unwrap_or_else(|| {
            crate::domain::dates::weekday_name(chrono::Datelike::weekday(&d), da).to_string()
        })
}

/// `jobdesk plan … --every week|2weeks|month [--until D | --count N] [--on-day-off skip|move]`.
pub fn plan_series(a: &PlanArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let l = ctx.lang;
    let every = a.every.as_deref().unwrap_or_default();
    let frequency = Frequency::parse(every).ok_or_else(|| user(words::bad_every(l, every)))?;
    let on_day_off = match a.on_day_off.as_deref().map(|s| s.trim().to_lowercase()) {
        None => OnDayOff::Skip,
        Some(s) if s == "skip" || s == "spring" || s == "spring over" => OnDayOff::Skip,
        Some(s) if s == "move" || s == "flyt" => OnDayOff::Move,
        Some(s) => return Err(user(words::bad_on_day_off(l, &s))),
    };
    let mut store = ctx.open_store(Create::No)?;
    let start = ctx.datetime("--at", &a.at)?;
    let channel = Channel::parse(&a.channel).map_err(|e| user(format!("--channel: {e}")))?;
    let kind = match &a.kind {
        Some(k) => Kind::parse(k).map_err(|e| user(format!("--kind: {e}")))?,
        None if channel.is_mentor_channel() => Kind::MentorVisit,
        None => Kind::Conversation,
    };
    let minutes = a.minutes.unwrap_or(match kind {
        Kind::Conversation => 30,
        Kind::MentorVisit => 60,
    });
    store.require_citizen(a.citizen)?;
    let end = match (&a.until, a.count) {
        (Some(u), _) => End::Until(ctx.date("--until", u)?),
        (None, Some(n)) => End::Count(n),
        (None, None) => {
            let end = store.default_series_end(a.citizen, start)?;
            if let End::Until(d) = end {
                let agreement = store.mentor_agreement(a.citizen)?.until == Some(d);
                eprintln!("{}", words::default_end(l, d, agreement));
            }
            end
        }
    };
    let recurrence = Recurrence {
        frequency,
        end,
        on_day_off,
    };
    let new = NewSeries {
        uuid: uuid::Uuid::new_v4().to_string(),
        citizen_id: a.citizen,
        kind,
        start,
        minutes,
        channel,
        place: a.place.clone().unwrap_or_default(),
        recurrence,
    };
    // Warnings, never silence: those of the first date, and overlaps of the later ones (days
    // off are the series' own business: skipped or moved, said below).
    let mut warnings = Vec::new();
    let dates = store.series_preview(start, &recurrence);
    let mut first = true;
    for o in dates.iter().filter(|o| !o.is_skipped()) {
        let one = NewAppointment {
            uuid: String::new(),
            citizen_id: a.citizen,
            kind,
            start: o.start,
            minutes,
            channel,
            place: String::new(),
            status: Status::Planned,
            reason: String::new(),
        };
        for w in store.plan_warnings(&one, ctx.now, None)? {
            use crate::domain::cadence::PlanWarning as W;
            let keep = match w {
                W::DayOff { .. } | W::Weekend => false,
                W::Overlap { .. } => true,
                W::AfterDeadline { .. } | W::Past => first,
            };
            if keep {
                warnings.push(words::date_warning(
                    l,
                    o.start.date(),
                    &cli_words::plan_warning(l, &w),
                ));
            }
        }
        first = false;
    }
    for w in &warnings {
        eprintln!("{w}");
    }
    if a.strict && !warnings.is_empty() {
        return Err(user(cli_words::plan_strict_refused(l, warnings.len())));
    }
    let planned = store.plan_series(&new)?;
    writeln!(out, "{}", planned.series_id)?;
    eprintln!(
        "{}",
        words::planned(
            l,
            planned.series_id,
            planned.appointments.len(),
            &words::describe(l, start, &recurrence)
        )
    );
    let da = l.da();
    if !planned.skipped.is_empty() {
        let days: Vec<(NaiveDate, String)> = planned
            .skipped
            .iter()
            .map(|d| (*d, day_off_name(&store, *d, da)))
            .collect();
        eprintln!("{}", words::skipped(l, &days));
    }
    if !planned.moved.is_empty() {
        let days: Vec<(NaiveDate, String, NaiveDate)> = planned
            .moved
            .iter()
            .map(|(d, to)| (*d, day_off_name(&store, *d, da), *to))
            .collect();
        eprintln!("{}", words::moved(l, &days));
    }
    Ok(())
}

#[derive(Serialize)]
struct SeriesJson<'a> {
    id: i64,
    citizen_id: i64,
    citizen: &'a str,
    kind: &'a str,
    channel: &'a str,
    minutes: i64,
    place: &'a str,
    start: String,
    every: &'a str,
    until: Option<String>,
    count: Option<u32>,
    on_day_off: &'a str,
    skipped: Vec<String>,
    occurrences: usize,
    planned: usize,
    next: Option<String>,
}

fn list(a: &ListArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let store = ctx.open_store(Create::No)?;
    if let Some(c) = a.citizen {
        store.require_citizen(c)?;
    }
    let all = store.series_list(a.citizen)?;
    if a.json {
        let rows: Vec<SeriesJson<'_>> = all
            .iter()
            .map(|s: &Series| SeriesJson {
                id: s.id,
                citizen_id: s.citizen_id,
                citizen: &s.citizen,
                kind: s.kind.key(),
                channel: s.channel.key(),
                minutes: s.minutes,
                place: &s.place,
                start: fmt_iso_minute(s.start),
                every: s.recurrence.frequency.key(),
                until: match s.recurrence.end {
                    End::Until(d) => Some(d.format("%Y-%m-%d").to_string()),
                    End::Count(_) => None,
                },
                count: match s.recurrence.end {
                    End::Count(n) => Some(n),
                    End::Until(_) => None,
                },
                on_day_off: crate::store::series_on_day_off_key(s.recurrence.on_day_off),
                skipped: s
                    .skipped
                    .iter()
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .collect(),
                occurrences: s.occurrences,
                planned: s.planned,
                next: s.next.map(fmt_iso_minute),
            })
            .collect();
        serde_json::to_writer(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    let l = ctx.lang;
    let da = l.da();
    if all.is_empty() {
        writeln!(out, "{}", words::none(l))?;
        return Ok(());
    }
    let table = Table::new(&[
        Col::Right(5),
        Col::Fit(24),
        Col::Fit(13),
        Col::Fit(12),
        Col::Fit(34),
        Col::Fit(10),
        Col::Fit(22),
        Col::Free,
    ]);
    table.row(out, &words::list_header(l))?;
    for s in &all {
        let rule = format!(
            "{} {}",
            words::rule(l, s.start.date(), s.recurrence.frequency),
            crate::domain::dates::fmt_time(s.start.time(), da)
        );
        table.row(
            out,
            &[
                &s.id.to_string(),
                &sanitize_line(&s.citizen),
                s.kind.name(da),
                s.channel.name(da),
                &rule,
                &fmt_date(s.start.date(), da),
                &words::end(l, s.recurrence.end),
                &format!("{}/{}", s.planned, s.occurrences),
            ],
        )?;
    }
    Ok(())
}

fn set(a: &SetArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let time = match &a.time {
        Some(t) => Some(
            crate::domain::when::parse_time(t)
                .map_err(|p| user(format!("--time: {}", p.text(ctx.lang.da()))))?,
        ),
        None => None,
    };
    let channel = match &a.channel {
        Some(c) => Some(Channel::parse(c).map_err(|e| user(format!("--channel: {e}")))?),
        None => None,
    };
    let mut store = ctx.open_store(Create::No)?;
    let done = store.change_following(
        a.from,
        &FollowingEdit {
            time,
            minutes: a.minutes,
            channel,
            place: a.place.clone(),
        },
    )?;
    writeln!(out, "{}", done.series_id)?;
    eprintln!(
        "{}",
        words::changed(
            ctx.lang,
            done.series_id,
            done.split,
            done.changed.len(),
            done.kept
        )
    );
    Ok(())
}

fn end(a: &EndArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let mut store = ctx.open_store(Create::No)?;
    let done = store.end_series_from(a.from)?;
    let last = if done.deleted {
        None
    } else {
        match store.series(done.series_id)?.recurrence.end {
            End::Until(d) => Some(d),
            End::Count(_) => None,
        }
    };
    writeln!(
        out,
        "{}",
        words::ended(ctx.lang, last, done.removed.len(), done.kept.len())
    )?;
    Ok(())
}

fn delete(a: &DeleteArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let mut store = ctx.open_store(Create::No)?;
    let done = store.delete_series(a.id)?;
    writeln!(
        out,
        "{}",
        words::ended(ctx.lang, None, done.removed.len(), done.kept.len())
    )?;
    Ok(())
}
