//! `jobdesk jobclub …`: who is expected (join, leave), the attendance of a session (list, mark,
//! an absence logged as a contact only with `--log`), and exemptions with a date range, time of
//! day and weekdays (add, list per week, set, remove; overlaps refused). The sessions come from
//! the config's `[jobclub]`, the SQL from `store::jobclub`, the words from `i18n::jobclub`.

use std::io::Write;

use chrono::{Datelike, Duration, NaiveDate};
use clap::{Args, Subcommand};
use serde::Serialize;

use super::Ctx;
use super::table::{Col, Table};
use crate::domain::Word;
use crate::domain::jobclub::{Exemption, Mark, parse_time_range, parse_weekdays, week_start};
use crate::domain::text::sanitize_line;
use crate::error::{Result, user};
use crate::i18n::jobclub as words;
use crate::store::{Create, LogAbsence, Store};

#[derive(Debug, Subcommand)]
pub enum JobclubCommand {
    /// Expect a citizen at the job club's sessions
    Join(MemberArgs),
    /// No longer expect a citizen at the job club
    Leave(MemberArgs),
    /// The day's session: the expected citizens and their marks, exemptions applied
    Attendance(AttendanceArgs),
    /// Mark a citizen present, absent or exempt for the day's session; marking again replaces
    /// the mark
    Mark(MarkArgs),
    /// Exempt a citizen from the sessions for an outside activity (a course, a network meeting);
    /// or list, change or remove exemptions
    Exempt(ExemptArgs),
}

#[derive(Debug, Args)]
pub struct MemberArgs {
    /// The citizen's id
    pub id: i64,
}

#[derive(Debug, Args)]
pub struct AttendanceArgs {
    /// The session's day (default: today)
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// One JSON array of objects (citizen_id, name, mark, marked, exemption_id, reason), for
    /// scripts; mark is the one that counts (an exemption makes it exempt)
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct MarkArgs {
    /// The session's day (default: today)
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// The citizen's id
    #[arg(long, value_name = "ID")]
    pub citizen: i64,
    /// present, absent or exempt (Danish: mødt, fraværende, fritaget)
    #[arg(value_name = "present|absent|exempt")]
    pub mark: String,
    /// Also log an absence in the contact log (in person, no-show, not counting)
    #[arg(long)]
    pub log: bool,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ExemptArgs {
    #[command(subcommand)]
    pub command: Option<ExemptCommand>,
    /// The citizen's id
    #[arg(long, value_name = "ID")]
    pub citizen: Option<i64>,
    #[command(flatten)]
    pub fields: ExemptFields,
}

/// The fields of an exemption, as given when adding or changing one.
#[derive(Debug, Args)]
pub struct ExemptFields {
    /// The first day
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// The last day
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Only this time of day, from-to (09.00-14.00); "all" for the whole day
    #[arg(long, value_name = "FROM-TO")]
    pub time: Option<String>,
    /// Only these weekdays (tir,tor or man-fre); "all" for every day
    #[arg(long, value_name = "DAYS")]
    pub days: Option<String>,
    /// Why (a course, a network meeting)
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub reason: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ExemptCommand {
    /// The exemptions that hold in a week: who is exempt and why
    List(ExemptListArgs),
    /// Change an exemption: the fields given
    Set(ExemptSetArgs),
    /// Remove an exemption
    Remove(ExemptIdArgs),
}

#[derive(Debug, Args)]
pub struct ExemptListArgs {
    /// The week: its number (48, this year or the next such week) or a day in it (default:
    /// this week)
    #[arg(long, value_name = "W")]
    pub week: Option<String>,
}

#[derive(Debug, Args)]
pub struct ExemptSetArgs {
    /// The exemption's id
    pub id: i64,
    #[command(flatten)]
    pub fields: ExemptFields,
}

#[derive(Debug, Args)]
pub struct ExemptIdArgs {
    /// The exemption's id
    pub id: i64,
}

/// Runs `jobdesk jobclub …`.
pub fn run(cmd: JobclubCommand, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    match cmd {
        JobclubCommand::Join(a) => member(a.id, true, ctx, out),
        JobclubCommand::Leave(a) => member(a.id, false, ctx, out),
        JobclubCommand::Attendance(a) => attendance(&a, ctx, out),
        JobclubCommand::Mark(a) => mark(&a, ctx, out),
        JobclubCommand::Exempt(a) => match a.command {
            None => add(a.citizen, &a.fields, ctx, out),
            Some(ExemptCommand::List(l)) => list(&l, ctx, out),
            Some(ExemptCommand::Set(s)) => set(&s, ctx, out),
            Some(ExemptCommand::Remove(r)) => remove(r.id, ctx, out),
        },
    }
}

fn member(id: i64, join: bool, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let mut store = ctx.open_store(Create::No)?;
    store.set_jobclub(id, join)?;
    let name = store.citizen(id)?.name;
    writeln!(
        out,
        "{}",
        words::joined(ctx.lang, &sanitize_line(&name), join)
    )?;
    Ok(())
}

fn day(ctx: &Ctx, d: Option<&str>) -> Result<NaiveDate> {
    match d {
        Some(d) => ctx.date("--date", d),
        None => Ok(ctx.today()),
    }
}

fn session(ctx: &Ctx, date: NaiveDate) -> Result<crate::domain::jobclub::Session> {
    ctx.config()?
        .jobclub_schedule()
        .session_on(date)
        .ok_or_else(|| user(words::no_session(ctx.lang, date)))
}

#[derive(Serialize)]
struct AttendanceJson<'a> {
    citizen_id: i64,
    name: &'a str,
    /// The mark that counts (null: not marked yet).
    mark: Option<&'static str>,
    /// The mark given by hand, if any.
    marked: Option<&'static str>,
    exemption_id: Option<i64>,
    reason: Option<&'a str>,
    contact_id: Option<i64>,
}

fn attendance(a: &AttendanceArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let l = ctx.lang;
    let date = day(ctx, a.date.as_deref())?;
    let session = session(ctx, date)?;
    let store = ctx.open_store(Create::No)?;
    let rows = store.attendance(&session)?;
    if a.json {
        let list: Vec<AttendanceJson<'_>> = rows
            .iter()
            .map(|r| AttendanceJson {
                citizen_id: r.citizen_id,
                name: &r.name,
                mark: r.effective().map(Mark::key),
                marked: r.mark.map(Mark::key),
                exemption_id: r.exemption.as_ref().map(|x| x.id),
                reason: r.exemption.as_ref().map(|x| x.reason.as_str()),
                contact_id: r.contact_id,
            })
            .collect();
        serde_json::to_writer(&mut *out, &list)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(out, "{}", words::session_title(l, &session))?;
    writeln!(out)?;
    if rows.is_empty() {
        writeln!(out, "{}", words::nobody(l))?;
        return Ok(());
    }
    let h = words::attendance_header(l);
    let table = Table::new(&[Col::Right(5), Col::Fit(28), Col::Fit(11), Col::Free]);
    table.row(out, &h)?;
    let (mut present, mut absent, mut exempt, mut open) = (0, 0, 0, 0);
    for r in &rows {
        match r.effective() {
            Some(Mark::Present) => present += 1,
            Some(Mark::Absent) => absent += 1,
            Some(Mark::Exempt) => exempt += 1,
            None => open += 1,
        }
        let ex = r
            .exemption
            .as_ref()
            .map(|x| format!("{}: {}", x.id, sanitize_line(&words::exemption_line(l, x))))
            .unwrap_or_default();
        table.row(
            out,
            &[
                &r.citizen_id.to_string(),
                &sanitize_line(&r.name),
                words::mark(l, r.effective()),
                &ex,
            ],
        )?;
    }
    writeln!(out)?;
    writeln!(out, "{}", words::counts(l, present, absent, exempt, open))?;
    Ok(())
}

fn mark(a: &MarkArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let l = ctx.lang;
    let m = ctx.word::<Mark>("present|absent|exempt", &a.mark)?;
    if a.log && m != Mark::Absent {
        return Err(user(words::log_only_absent(l)));
    }
    let date = day(ctx, a.date.as_deref())?;
    let session = session(ctx, date)?;
    let mut store = ctx.open_store(Create::No)?;
    let log = a.log.then(|| LogAbsence {
        uuid: uuid::Uuid::new_v4().to_string(),
        at: date.and_time(session.from),
        note: words::absence_note(l).to_string(),
    });
    let done = store.mark_attendance(a.citizen, date, Some(m), log.as_ref())?;
    let name = store.citizen(a.citizen)?.name;
    writeln!(
        out,
        "{}",
        words::marked(l, &sanitize_line(&name), m, date, done.contact_id)
    )?;
    Ok(())
}

/// A time of day from–to, or none for the whole day.
type TimeOfDay = Option<(chrono::NaiveTime, chrono::NaiveTime)>;

/// Reads the time of day and weekdays given (`all` clears them); `None` leaves them as `keep`.
fn time_and_days(
    f: &ExemptFields,
    ctx: &Ctx,
    keep: &Exemption,
) -> Result<(TimeOfDay, Vec<chrono::Weekday>)> {
    let all = |s: &str| matches!(s.trim().to_lowercase().as_str(), "all" | "alle" | "");
    let time = match f.time.as_deref() {
        None => keep.time,
        Some(s) if all(s) => None,
        Some(s) => {
            Some(parse_time_range(s).ok_or_else(|| user(words::bad_time_range(ctx.lang, s)))?)
        }
    };
    let days = match f.days.as_deref() {
        None => keep.weekdays.clone(),
        Some(s) if all(s) => Vec::new(),
        Some(s) => parse_weekdays(s).map_err(|w| user(words::bad_weekday(ctx.lang, &w)))?,
    };
    Ok((time, days))
}

fn add(citizen: Option<i64>, f: &ExemptFields, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let l = ctx.lang;
    let need = |flag: &str| user(words::exempt_needs(l, flag));
    let citizen = citizen.ok_or_else(|| need("--citizen"))?;
    let from = ctx.date("--from", f.from.as_deref().ok_or_else(|| need("--from"))?)?;
    let to = ctx.date("--to", f.to.as_deref().ok_or_else(|| need("--to"))?)?;
    let reason = f.reason.as_deref().ok_or_else(|| need("--reason"))?.trim();
    let blank = Exemption {
        id: 0,
        citizen_id: citizen,
        from,
        to,
        time: None,
        weekdays: Vec::new(),
        reason: reason.to_string(),
    };
    let (time, weekdays) = time_and_days(f, ctx, &blank)?;
    let x = Exemption {
        time,
        weekdays,
        ..blank
    };
    let mut store = ctx.open_store(Create::No)?;
    let (id, _) = store.add_exemption(&x, ctx.now)?;
    writeln!(
        out,
        "{}",
        words::exemption_done(
            l,
            words::ExemptionDone::Added,
            id,
            &sanitize_line(&words::exemption_line(l, &x))
        )
    )?;
    Ok(())
}

fn set(a: &ExemptSetArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let l = ctx.lang;
    let f = &a.fields;
    if f.from.is_none()
        && f.to.is_none()
        && f.time.is_none()
        && f.days.is_none()
        && f.reason.is_none()
    {
        return Err(crate::store::Error::NothingToChange.into());
    }
    let mut store = ctx.open_store(Create::No)?;
    let old = store.exemption(a.id)?;
    let (time, weekdays) = time_and_days(f, ctx, &old)?;
    let x = Exemption {
        from: match &f.from {
            Some(d) => ctx.date("--from", d)?,
            None => old.from,
        },
        to: match &f.to {
            Some(d) => ctx.date("--to", d)?,
            None => old.to,
        },
        time,
        weekdays,
        reason: f
            .reason
            .as_deref()
            .map_or_else(|| old.reason.clone(), |r| r.trim().to_string()),
        ..old
    };
    store.edit_exemption(&x)?;
    writeln!(
        out,
        "{}",
        words::exemption_done(
            l,
            words::ExemptionDone::Changed,
            x.id,
            &sanitize_line(&words::exemption_line(l, &x))
        )
    )?;
    Ok(())
}

fn remove(id: i64, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let l = ctx.lang;
    let mut store = ctx.open_store(Create::No)?;
    let (x, _) = store.remove_exemption(id)?;
    writeln!(
        out,
        "{}",
        words::exemption_done(
            l,
            words::ExemptionDone::Removed,
            id,
            &sanitize_line(&words::exemption_line(l, &x))
        )
    )?;
    Ok(())
}

/// The Monday of the week `--week` names: a week number (this ISO year's, or the next year's
/// when it has passed more than half a year ago), or any day in the week.
fn week_of(ctx: &Ctx, w: Option<&str>) -> Result<NaiveDate> {
    let today = ctx.today();
    let Some(w) = w.map(str::trim) else {
        return Ok(week_start(today));
    };
    let number = w
        .trim_start_matches(|c: char| c.is_alphabetic() || c == ' ')
        .trim();
    if let Ok(n) = number.parse::<u32>() {
        let year = today.iso_week().year();
        let monday = NaiveDate::from_isoywd_opt(year, n, chrono::Weekday::Mon)
            .ok_or_else(|| user(words::bad_week(ctx.lang, w)))?;
        if monday + Duration::days(183) < today {
            return NaiveDate::from_isoywd_opt(year + 1, n, chrono::Weekday::Mon)
                .ok_or_else(|| user(words::bad_week(ctx.lang, w)));
        }
        return Ok(monday);
    }
    ctx.date("--week", w).map(week_start)
}

fn list(a: &ExemptListArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let l = ctx.lang;
    let monday = week_of(ctx, a.week.as_deref())?;
    let store: Store = ctx.open_store(Create::No)?;
    let rows = store.exemptions_between(monday, monday + Duration::days(6))?;
    writeln!(out, "{}", words::week_title(l, monday))?;
    writeln!(out)?;
    if rows.is_empty() {
        writeln!(out, "{}", words::no_exemptions(l))?;
        return Ok(());
    }
    let table = Table::new(&[Col::Right(5), Col::Fit(24), Col::Right(9), Col::Free]);
    table.row(out, &words::exemption_header(l))?;
    for (x, name) in &rows {
        table.row(
            out,
            &[
                &x.id.to_string(),
                &sanitize_line(name),
                &x.citizen_id.to_string(),
                &sanitize_line(&words::exemption_line(l, x)),
            ],
        )?;
    }
    Ok(())
}
