//! `jobdesk closure ...` and `jobdesk report closure ...`: the closure call-round from the
//! command line. Clap definitions and handlers; the rules live in `domain::closure`, the SQL in
//! `store::closures`, the words in `i18n::closure`.

use std::io::Write;

use clap::{ArgGroup, Args, Subcommand, ValueEnum};
use serde::Serialize;

use super::table::{Col, Table};
use super::{Ctx, YesNo, prompt};
use crate::domain::closure::{
    CallAnswers, CallEntry, CallResult, Closure, Conversion, Grouping, NewAttempt, NewClosure,
    Reception, RowGroup, check_range, report_csv_record,
};
use crate::domain::dates::fmt_date;
use crate::domain::text::{sanitize_line, width};
use crate::domain::{Appointment, Channel, Word};
use crate::error::{Result, user};
use crate::export::csv::cell;
use crate::i18n::{Lang, closure as words};
use crate::store::{Create, Store};

#[derive(Debug, Subcommand)]
pub enum ClosureCommand {
    /// Start a closure: pause deadlines for the range, list (and convert) its in-person
    /// appointments, and build the call list of the whole caseload
    Start(StartArgs),
    /// Convert in-person appointments of the open closure to phone, video or a walk
    Convert(ConvertArgs),
    /// Record one call to a citizen on the call list (a contact in the log)
    Call(CallArgs),
    /// Progress of the call-round ("reached 41 of 112") and today's retries
    Status,
    /// The call list in working order: today's retries, not called yet, later retries, wrong
    /// numbers, reached
    List(ListArgs),
    /// End the open closure (ended early, its paused deadlines end today)
    End,
    /// Put a citizen on the open closure's call list: one registered before the list knew of
    /// them, or left off it (citizens added while it is open join by themselves)
    Add(AddArgs),
    /// After a closure: the citizens whose paused conversations are now due, by new deadline
    CatchUp(CatchUpArgs),
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// The citizen's id (see `jobdesk list`)
    #[arg(long, value_name = "ID")]
    pub citizen: i64,
}

#[derive(Debug, Args)]
pub struct CatchUpArgs {
    /// Which closure (default: the latest that has ended)
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub name: Option<String>,
    /// One JSON array of objects (citizen_id, name, phone, target_group, mentor, paused_due,
    /// due, planned), for scripts
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ConvertMode {
    /// Convert every in-person appointment in the range (asks first, unless --yes)
    All,
    /// List them and convert nothing (convert later with `jobdesk closure convert`)
    #[default]
    None,
}

#[derive(Debug, Args)]
pub struct StartArgs {
    /// The first day: 2026-11-23, 23.11.2026, today / i dag
    #[arg(long, value_name = "DATE")]
    pub from: String,
    /// The last day (included)
    #[arg(long, value_name = "DATE")]
    pub to: String,
    /// A name to tell closures apart (default: "Closure <first day>", in Danish "Nedlukning …")
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub name: Option<String>,
    /// What to do with the in-person appointments in the range: all converts conversations to
    /// phone and mentor visits to a walk
    #[arg(long, value_enum, default_value_t = ConvertMode::None, value_name = "all|none")]
    pub convert: ConvertMode,
    /// Whether conversations held in the range count toward the legal minimum
    #[arg(long, value_enum, default_value_t = YesNo::No, value_name = "yes|no")]
    pub counts_held: YesNo,
    /// Convert without asking
    #[arg(long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("which").required(true).args(["appointment", "all"])))]
pub struct ConvertArgs {
    /// One appointment's id (see `jobdesk closure status` or `jobdesk agenda`)
    #[arg(long, value_name = "ID", requires = "channel")]
    pub appointment: Option<i64>,
    /// The new channel: phone or video for a conversation, walk or phone for a mentor visit
    #[arg(long, value_name = "C")]
    pub channel: Option<String>,
    /// Every in-person appointment in the open closure's range
    #[arg(long, conflicts_with_all = ["appointment", "channel"])]
    pub all: bool,
    /// With --all: convert without asking
    #[arg(long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct CallArgs {
    /// The citizen's id (see `jobdesk closure list`)
    #[arg(long, value_name = "ID")]
    pub citizen: i64,
    /// reached, no_answer, message_left or wrong_number (Danish: fanget, intet svar, besked
    /// lagt, forkert nummer)
    #[arg(long, value_name = "R")]
    pub result: String,
    /// Only with --result reached: whether the citizen accepted the offer of a conversation
    #[arg(long, value_enum, value_name = "yes|no")]
    pub accepted: Option<YesNo>,
    /// Only with --result reached: how the call was received: very_positive, positive, neutral
    /// or negative (Danish: meget positivt, positivt, neutralt, negativt)
    #[arg(long, value_name = "R")]
    pub received: Option<String>,
    /// Only with --result reached: matched to a job or placement
    #[arg(long, value_enum, value_name = "yes|no")]
    pub matched: Option<YesNo>,
    /// When (default: now)
    #[arg(long, value_name = "DATETIME", allow_hyphen_values = true)]
    pub at: Option<String>,
    /// A short note; may start with '-'
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub note: Option<String>,
    /// Minutes spent
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub minutes: i64,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// One JSON array of objects (position, citizen_id, name, target_group, attempts,
    /// last_result, accepted, next_try, status), for scripts
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// A closure's report per target group: citizens, reached, accepted a conversation,
    /// attempts per citizen reached
    Closure(ReportClosureArgs),
    /// Mentor hours per citizen with an agreement: agreed hours (hours a week × the month's
    /// weeks), used hours, visits by channel
    Mentor(super::mentor::ReportMentorArgs),
    /// The citizens' ratings (1-5) per month and target group: answers, mean, share rated 4-5,
    /// and their wishes (text only, no names)
    Feedback(super::feedback::ReportFeedbackArgs),
}

#[derive(Debug, Args)]
pub struct ReportClosureArgs {
    /// Which closure (default: the open one, else the latest)
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub name: Option<String>,
    /// CSV: target_group,citizens,reached,reached_pct,accepted,accepted_pct,
    /// attempts_per_reached,asked,received,very_positive_pct,positive_pct,neutral_pct,
    /// negative_pct,matched (Danish headers and decimal comma with --lang da)
    #[arg(long)]
    pub csv: bool,
    /// CSV for Danish Excel: `;` between fields, a UTF-8 BOM, CRLF
    #[arg(long)]
    pub excel: bool,
    /// The rows: per target group, or 2020's six groups (nyledige, øvrige jobparate,
    /// sygedagpengemodtagere, aktivitetsparate, unge på uddannelseshjælp, ressourceforløb) and
    /// andre
    #[arg(long, value_enum, default_value_t = GroupsArg::Target, value_name = "target|2020")]
    pub groups: GroupsArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GroupsArg {
    /// One row per target group
    Target,
    /// 2020's six groups and andre
    #[value(name = "2020")]
    Y2020,
}

/// Runs `jobdesk closure ...`.
pub fn run_closure(cmd: ClosureCommand, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    match cmd {
        ClosureCommand::Start(a) => start(&a, ctx, out),
        ClosureCommand::Convert(a) => convert(&a, ctx, out),
        ClosureCommand::Call(a) => call(&a, ctx, out),
        ClosureCommand::Status => status(&ctx.open_store(Create::No)?, ctx, out),
        ClosureCommand::List(a) => list(&ctx.open_store(Create::No)?, &a, ctx, out),
        ClosureCommand::End => end(&mut ctx.open_store(Create::No)?, ctx, out),
        ClosureCommand::Add(a) => add(&mut ctx.open_store(Create::No)?, &a, ctx, out),
        ClosureCommand::CatchUp(a) => catch_up(&ctx.open_store(Create::No)?, &a, ctx, out),
    }
}

/// Runs `jobdesk report ...`.
pub fn run_report(cmd: ReportCommand, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    match cmd {
        ReportCommand::Closure(a) => report(&ctx.open_store(Create::No)?, &a, ctx, out),
        ReportCommand::Mentor(a) => super::mentor::report(&a, ctx, out),
        ReportCommand::Feedback(a) => super::feedback::report(&a, ctx, out),
    }
}

/// Asks whether to convert; refuses (nothing written) when nobody can answer.
fn confirm(l: Lang, question: &str, out: &mut dyn Write) -> Result<bool> {
    if !prompt::can_ask() {
        return Err(user(crate::i18n::cli::convert_needs_yes(l)));
    }
    prompt::confirm(question, out)
}

fn appointment_table(
    l: Lang,
    list: &[Appointment],
    converted: &[Conversion],
    out: &mut dyn Write,
) -> Result<()> {
    let table = Table::indented(
        "  ",
        &[
            Col::Right(7),
            Col::Fit(16),
            Col::Fit(24),
            Col::Fit(13),
            Col::Free,
        ],
    );
    // The header's sixth word (empty) is not a column here.
    let [id, time, citizen, kind, channel, _] = words::appointment_header(l);
    table.row(out, &[id, time, citizen, kind, channel])?;
    for a in list {
        table.row(
            out,
            &[
                &a.id.to_string(),
                &words::datetime(l, a.start),
                &sanitize_line(&a.citizen),
                words::kind(l, a.kind),
                words::channel(l, a.channel),
            ],
        )?;
    }
    for c in converted {
        table.row(
            out,
            &[
                &c.appointment_id.to_string(),
                &words::datetime(l, c.start),
                &sanitize_line(&c.citizen),
                words::kind(l, c.kind),
                &format!(
                    "{} → {}",
                    words::channel(l, c.from),
                    words::channel(l, c.to)
                ),
            ],
        )?;
    }
    Ok(())
}

fn start(a: &StartArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let l = ctx.lang;
    let from = ctx.date("--from", &a.from)?;
    let to = ctx.date("--to", &a.to)?;
    check_range(from, to).map_err(user)?;
    let name = match &a.name {
        Some(n) => {
            let n = sanitize_line(n).trim().to_string();
            if n.is_empty() {
                return Err(user(crate::i18n::cli::closure_name_empty(l)));
            }
            n
        }
        None => words::default_name(l, from),
    };
    let new = NewClosure {
        name,
        from,
        to,
        counts_held: a.counts_held == YesNo::Yes,
    };
    let mut store = ctx.open_store(Create::No)?;
    store.check_new_closure(&new)?;
    let mut convert_all = a.convert == ConvertMode::All;
    if convert_all && !a.yes {
        let n = store.in_person_between(from, to)?.len();
        if n > 0 && !confirm(l, &words::confirm_convert(l, n), out)? {
            writeln!(out, "{}", words::not_confirmed(l))?;
            convert_all = false;
        }
    }
    let s = store.start_closure(&new, convert_all, ctx.now)?;
    writeln!(out, "{}", words::started(l, &s.closure))?;
    writeln!(out, "{}", words::paused(l, s.closure.counts_held))?;
    writeln!(out)?;
    let n = s.in_person.len() + s.converted.len();
    writeln!(out, "{}", words::in_person_title(l, n))?;
    if n > 0 {
        appointment_table(l, &s.in_person, &s.converted, out)?;
    }
    if !s.converted.is_empty() {
        writeln!(out, "{}", words::converted(l, s.converted.len()))?;
    }
    if !s.in_person.is_empty() {
        writeln!(out, "{}", words::how_to_convert(l))?;
    }
    writeln!(out)?;
    writeln!(out, "{}", words::call_list_built(l, s.on_list, s.mentors))?;
    Ok(())
}

fn convert(a: &ConvertArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let l = ctx.lang;
    let mut store = ctx.open_store(Create::No)?;
    if a.all {
        let closure = store.require_open_closure()?;
        let n = store.closure_in_person(closure.id)?.len();
        if n == 0 {
            writeln!(out, "{}", words::nothing_to_convert(l))?;
            return Ok(());
        }
        if !a.yes && !confirm(l, &words::confirm_convert(l, n), out)? {
            writeln!(out, "{}", words::not_confirmed(l))?;
            return Ok(());
        }
        let done = store.convert_all_in_person(ctx.now)?;
        appointment_table(l, &[], &done, out)?;
        writeln!(out, "{}", words::converted(l, done.len()))?;
        return Ok(());
    }
    let (Some(id), Some(channel)) = (a.appointment, a.channel.as_deref()) else {
        return Err(user(crate::i18n::cli::convert_which(ctx.lang)));
    };
    let channel = ctx.word::<Channel>("--channel", channel)?;
    let c = store.convert_appointment(id, channel, ctx.now)?;
    appointment_table(l, &[], &[c], out)?;
    Ok(())
}

fn call(a: &CallArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let l = ctx.lang;
    let result = ctx.word::<CallResult>("--result", &a.result)?;
    let accepted = a.accepted.map(|v| v == YesNo::Yes);
    if accepted.is_some() && result != CallResult::Reached {
        return Err(user(crate::i18n::cli::accepted_only_reached(
            l,
            result.key(),
        )));
    }
    let answers = CallAnswers {
        received: match &a.received {
            Some(r) => Some(Reception::parse(r).map_err(|e| user(format!("--received: {e}")))?),
            None => None,
        },
        matched: a.matched.map(|v| v == YesNo::Yes),
    };
    let at = match &a.at {
        Some(s) => ctx.datetime("--at", s)?,
        None => ctx.now,
    };
    let mut store = ctx.open_store(Create::No)?;
    let closure = store.require_open_closure()?;
    let note = words::attempt_note(
        l,
        &closure.name,
        result,
        accepted,
        answers,
        a.note.as_deref().unwrap_or(""),
    );
    let r = store.record_attempt(&NewAttempt {
        uuid: uuid::Uuid::new_v4().to_string(),
        citizen_id: a.citizen,
        result,
        accepted,
        answers,
        at,
        channel: Channel::Phone,
        minutes: a.minutes,
        note,
    })?;
    writeln!(out, "{}", words::call_recorded(l, &r.entry, r.contact_id))?;
    let p = store.call_progress(r.closure.id, ctx.today())?;
    writeln!(out, "{}", words::progress(l, &p))?;
    if accepted == Some(true) {
        writeln!(out, "{}", words::plan_hint(l, a.citizen))?;
    }
    Ok(())
}

fn list_rows(l: Lang, entries: &[CallEntry], ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let da = l.da();
    let table = Table::new(&[
        Col::Right(4),
        Col::Right(6),
        Col::Fit(24),
        Col::Fit(18),
        Col::Fit(10),
        Col::Right(6),
        Col::Fit(56),
        Col::Free,
    ]);
    table.row(out, &words::list_header(l))?;
    for e in entries {
        let next = e
            .next_try
            .map(|d| fmt_date(d, da))
            .unwrap_or_else(|| "–".into());
        table.row(
            out,
            &[
                &e.position.to_string(),
                &e.citizen_id.to_string(),
                &sanitize_line(&e.name),
                e.target_group.short(da),
                &sanitize_line(&e.phone),
                &e.attempts.to_string(),
                &words::entry_status(l, e, ctx.today()),
                &next,
            ],
        )?;
    }
    Ok(())
}

/// The closure `status`, `list` and `report` show: the named one, else the open one, else the latest.
fn pick(store: &Store, name: Option<&str>) -> Result<Option<Closure>> {
    match name {
        Some(n) => Ok(Some(store.closure_named(n)?)),
        None => store.current_closure(),
    }
}

fn status(store: &Store, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let l = ctx.lang;
    let Some(c) = pick(store, None)? else {
        writeln!(out, "{}", words::no_closures(l))?;
        return Ok(());
    };
    let p = store.call_progress(c.id, ctx.today())?;
    writeln!(out, "{}", words::title(l, &c))?;
    writeln!(out, "{}", words::progress(l, &p))?;
    writeln!(out, "{}", words::bands(l, &p))?;
    if c.is_open() {
        let left = store.closure_in_person(c.id)?;
        if !left.is_empty() {
            writeln!(out, "{}", words::still_to_convert(l, left.len()))?;
            appointment_table(l, &left, &[], out)?;
        }
    }
    writeln!(out)?;
    if p.due_retries == 0 {
        writeln!(out, "{}", words::no_retries_today(l))?;
    } else {
        writeln!(out, "{}", words::retries_today(l))?;
        // Due retries come first in the working order.
        let due = store.call_list(c.id, ctx.today(), 0, p.due_retries as usize)?;
        list_rows(l, &due, ctx, out)?;
    }
    Ok(())
}

#[derive(Serialize)]
struct EntryJson<'a> {
    position: i64,
    citizen_id: i64,
    name: &'a str,
    target_group: &'a str,
    attempts: u32,
    last_result: Option<&'a str>,
    accepted: Option<bool>,
    next_try: Option<String>,
    status: &'a str,
    /// Registered during the closure.
    newcomer: bool,
    received: Option<&'a str>,
    matched: Option<bool>,
    /// Reached by another contact in the window: its channel and time.
    reached_by: Option<&'a str>,
    reached_at: Option<String>,
}

fn band_key(b: crate::domain::closure::CallBand) -> &'static str {
    use crate::domain::closure::CallBand::*;
    match b {
        DueRetry => "retry_today",
        NotCalled => "not_called",
        LaterRetry => "retry_later",
        WrongNumber => "wrong_number",
        Reached => "reached",
    }
}

fn list(store: &Store, a: &ListArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let l = ctx.lang;
    let Some(c) = pick(store, None)? else {
        if a.json {
            writeln!(out, "[]")?;
        } else {
            writeln!(out, "{}", words::no_closures(l))?;
        }
        return Ok(());
    };
    let entries = store.call_list(c.id, ctx.today(), 0, usize::MAX >> 1)?;
    if a.json {
        let rows: Vec<EntryJson<'_>> = entries
            .iter()
            .map(|e| EntryJson {
                position: e.position,
                citizen_id: e.citizen_id,
                name: &e.name,
                target_group: e.target_group.key(),
                attempts: e.attempts,
                last_result: e.last_result.map(|r| r.key()),
                accepted: e.accepted,
                next_try: e.next_try.map(|d| d.format("%Y-%m-%d").to_string()),
                status: band_key(e.band(ctx.today())),
                newcomer: e.newcomer,
                received: e.received.map(|r| r.key()),
                matched: e.matched,
                reached_by: e.reached_via.map(|v| v.channel.key()),
                reached_at: e
                    .reached_via
                    .map(|v| v.at.format("%Y-%m-%dT%H:%M").to_string()),
            })
            .collect();
        serde_json::to_writer(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(out, "{}", words::title(l, &c))?;
    writeln!(
        out,
        "{}",
        words::progress(l, &store.call_progress(c.id, ctx.today())?)
    )?;
    list_rows(l, &entries, ctx, out)
}

fn end(store: &mut Store, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let l = ctx.lang;
    let c = store.end_closure(ctx.now)?;
    writeln!(out, "{}", words::ended(l, &c))?;
    writeln!(
        out,
        "{}",
        words::progress(l, &store.call_progress(c.id, ctx.today())?)
    )?;
    Ok(())
}

fn report(store: &Store, a: &ReportClosureArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let l = ctx.lang;
    let Some(c) = pick(store, a.name.as_deref())? else {
        return Err(user(crate::i18n::cli::no_closure_yet(l)));
    };
    let grouping = match a.groups {
        GroupsArg::Target => Grouping::TargetGroups,
        GroupsArg::Y2020 => Grouping::Y2020,
    };
    let rows = store.closure_report_by(c.id, grouping)?;
    let da = l.da();
    if a.csv || a.excel {
        let header = words::report_csv_header(l);
        let all = words::all_groups(l);
        if a.excel {
            // The Danish Excel form of the log's CSV: the same writer.
            let mut w = crate::export::csv::writer(out, true)?;
            w.write_record(header.iter().map(|h| cell(h)))?;
            for r in &rows {
                let rec = report_csv_record(r, da, all);
                w.write_record(rec.iter().map(|c| cell(c)))?;
            }
            w.flush()?;
        } else {
            let mut w = csv::Writer::from_writer(&mut *out);
            w.write_record(header)?;
            for r in &rows {
                w.write_record(report_csv_record(r, da, all))?;
            }
            w.flush()?;
        }
        return Ok(());
    }
    let h = words::report_header(l);
    writeln!(out, "{}", words::title(l, &c))?;
    writeln!(out)?;
    let label_width = rows
        .iter()
        .map(|r| width(r.short(da).unwrap_or("")))
        .max()
        .unwrap_or(0)
        .max(20);
    let cols = [
        Col::Fit(label_width),
        Col::Right(8),
        Col::Right(8),
        Col::Right(6),
        Col::Right(7),
        Col::Right(8),
        Col::Right(6),
        Col::Right(width(h[7]).max(8)),
        Col::Right(width(h[8]).max(7)),
    ];
    let table = Table::new(&cols);
    table.row(out, &h)?;
    for r in &rows {
        let label = r.short(da).unwrap_or(words::all_groups(l));
        table.row(
            out,
            &[
                label,
                &r.counts.citizens.to_string(),
                &r.counts.reached.to_string(),
                &r.reached_pct().fmt(da),
                &r.counts.asked.to_string(),
                &r.counts.accepted.to_string(),
                &r.accepted_pct().fmt(da),
                &r.attempts_per_reached().fmt(da),
                &r.counts.matched.to_string(),
            ],
        )?;
    }
    writeln!(out)?;
    if let Some(all) = rows.iter().find(|r| r.group == RowGroup::All) {
        writeln!(out, "{}", words::reception_line(l, all))?;
    }
    writeln!(out, "{}", words::report_footnote(l))?;
    if grouping == Grouping::Y2020 {
        writeln!(out, "{}", words::groups_2020_footnote(l))?;
    }
    Ok(())
}

fn add(store: &mut Store, a: &AddArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let l = ctx.lang;
    let e = store.add_to_call_list(a.citizen)?;
    let closure = store.require_open_closure()?;
    writeln!(out, "{}", words::added_to_list(l, &closure, &e))?;
    writeln!(
        out,
        "{}",
        words::progress(l, &store.call_progress(closure.id, ctx.today())?)
    )?;
    Ok(())
}

#[derive(Serialize)]
struct CatchUpJson<'a> {
    citizen_id: i64,
    name: &'a str,
    phone: &'a str,
    target_group: &'a str,
    mentor: bool,
    paused_due: String,
    due: String,
    planned: Option<String>,
}

fn catch_up(store: &Store, a: &CatchUpArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let l = ctx.lang;
    let closure = match &a.name {
        Some(n) => Some(store.closure_named(n)?),
        None => store.catch_up_closure()?,
    };
    let Some(c) = closure else {
        if a.json {
            writeln!(out, "[]")?;
        } else {
            writeln!(out, "{}", words::catch_up_none_ended(l))?;
        }
        return Ok(());
    };
    let list = store.catch_up_list(c.id)?;
    if a.json {
        let ymd = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
        let rows: Vec<CatchUpJson<'_>> = list
            .iter()
            .map(|x| CatchUpJson {
                citizen_id: x.citizen_id,
                name: &x.name,
                phone: &x.phone,
                target_group: x.target_group.key(),
                mentor: x.mentor,
                paused_due: ymd(x.paused_due),
                due: ymd(x.due),
                planned: x.planned.map(|t| t.format("%Y-%m-%dT%H:%M").to_string()),
            })
            .collect();
        serde_json::to_writer(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(out, "{}", words::catch_up_title(l, &c, list.len()))?;
    if list.is_empty() {
        writeln!(out, "{}", words::catch_up_empty(l))?;
        return Ok(());
    }
    let table = Table::new(&[
        Col::Right(6),
        Col::Fit(24),
        Col::Fit(18),
        Col::Fit(10),
        Col::Fit(10),
        Col::Fit(12),
        Col::Free,
    ]);
    table.row(out, &words::catch_up_header(l))?;
    for x in &list {
        let [phone, was, due, planned] = words::catch_up_cells(l, x);
        table.row(
            out,
            &[
                &x.citizen_id.to_string(),
                &sanitize_line(&x.name),
                x.target_group.short(l.da()),
                &phone,
                &was,
                &due,
                &planned,
            ],
        )?;
    }
    Ok(())
}
