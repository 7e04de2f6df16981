//! The command line: clap definitions and the non-interactive commands.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use chrono::{Duration, Local, NaiveDate, NaiveDateTime, NaiveTime};
use clap::{Args, Parser, Subcommand, ValueEnum};
use serde::Serialize;

use crate::domain::dates::{fmt_date, fmt_iso_minute, fmt_time, parse_date, parse_datetime};
use crate::domain::text::{fit, sanitize_line};
use crate::domain::{Channel, Kind, NewAppointment, NewContact, Outcome, Status, Word};
use crate::error::{Result, user};
use crate::i18n::{Lang, cli as words};
use crate::store::{AppointmentFilter, CitizenFilter, CitizenOrder, Create, Store};

#[derive(Debug, Parser)]
#[command(
    name = "jobdesk",
    version,
    about = "A job consultant's fast desk: calls, mentor visits, contact log and caseload",
    long_about = "A job consultant's fast desk: calls, mentor visits, contact log and caseload.\n\nWithout a command, jobdesk opens the desk in the terminal.",
    after_help = "Dates: 2026-11-23, 23-11-2026, 23.11.2026, today / i dag. Times: 10:30 or 10.30.\nExit codes: 0 ok, 2 bad input or usage, 1 other failures."
)]
pub struct Cli {
    /// The database file (default: your data folder; also env JOBDESK_DB)
    #[arg(long, global = true, env = "JOBDESK_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Language of the screen: da or en (default from LANG / LC_ALL / LC_MESSAGES)
    #[arg(long, global = true, value_enum, value_name = "da|en")]
    pub lang: Option<LangArg>,

    /// Open the desk on a fresh temporary database with a generated, fictional caseload
    #[arg(long)]
    pub demo: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Da,
    En,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Fill an empty database with a realistic, deterministic, fictional caseload
    Generate(GenerateArgs),
    /// List the active caseload (id, name, target group, next due date)
    Citizens(CitizensArgs),
    /// Add or change citizens
    #[command(subcommand)]
    Citizen(CitizenCommand),
    /// Show the appointments of a day (or several days) in time order
    Agenda(AgendaArgs),
    /// Plan one appointment and print its id
    Plan(PlanArgs),
    /// The contact log
    #[command(subcommand)]
    Log(LogCommand),
    /// Bring data in
    #[command(subcommand)]
    Import(ImportCommand),
    /// Where the config file is (snippets, note length, cadence rules); --default prints one to edit
    Config(ConfigArgs),
    /// The closure call-round: pause deadlines, convert in-person meetings, phone the caseload
    #[command(subcommand)]
    Closure(crate::closure_cmd::ClosureCommand),
    /// Reports
    #[command(subcommand)]
    Report(crate::closure_cmd::ReportCommand),
    /// Hand data over: the contact log as CSV, the calendar as iCalendar, everything as JSON
    #[command(subcommand)]
    Export(crate::export::cli::ExportCommand),
    /// Personal data and data safety: init, encrypt, rekey, erase, purge, audit, backup, check
    #[command(flatten)]
    Safety(crate::safety_cmd::SafetyCommand),
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// How many citizens in all (some are archived, as people find work)
    #[arg(long, default_value_t = 120)]
    pub citizens: usize,
    /// How many years of history
    #[arg(long, default_value_t = 2)]
    pub years: u32,
    /// The seed: the same seed on the same day gives the same caseload
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

#[derive(Debug, Args)]
pub struct CitizensArgs {
    /// Archived citizens too
    #[arg(long)]
    pub all: bool,
    /// One JSON array of objects (id, name, target_group, next_due), for scripts
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Print the default config file (with the built-in cadence rules written out)
    #[arg(long)]
    pub default: bool,
}

#[derive(Debug, Subcommand)]
pub enum CitizenCommand {
    /// Add one citizen to the caseload and print the id
    Add(CitizenAddArgs),
    /// Change a citizen: exemption, mentor agreement, archived, summary
    Set(CitizenSetArgs),
    /// Exempt a citizen from job-club attendance for an outside activity
    ExemptJobclub(ExemptJobclubArgs),
}

#[derive(Debug, Args)]
pub struct CitizenSetArgs {
    /// The citizen's id
    pub id: i64,
    /// Exempt from conversations (no next due date)
    #[arg(long, value_name = "yes|no")]
    pub exempt: Option<YesNo>,
    /// Has a mentor
    #[arg(long, value_name = "yes|no")]
    pub mentor: Option<YesNo>,
    /// The mentor agreement's goals
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub mentor_goals: Option<String>,
    /// The mentor agreement's hours a week
    #[arg(long, value_name = "H")]
    pub mentor_hours: Option<f64>,
    /// The last day of the mentor agreement
    #[arg(long, value_name = "DATE")]
    pub mentor_until: Option<String>,
    /// Archived (no longer in the active caseload)
    #[arg(long, value_name = "yes|no")]
    pub archived: Option<YesNo>,
    /// Replace the living summary
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub summary: Option<String>,
}

#[derive(Debug, Args)]
pub struct ExemptJobclubArgs {
    /// The citizen's id
    pub id: i64,
    #[arg(long, value_name = "DATE")]
    pub from: String,
    #[arg(long, value_name = "DATE")]
    pub to: String,
    /// Why (a network meeting, a course)
    #[arg(
        long,
        value_name = "TEXT",
        allow_hyphen_values = true,
        default_value = ""
    )]
    pub reason: String,
}

#[derive(Debug, Args)]
pub struct CitizenAddArgs {
    #[arg(long, allow_hyphen_values = true)]
    pub name: String,
    /// dagpenge, sygedagpenge, kontanthjaelp_jobparat, … (Danish names too)
    #[arg(long, value_name = "GROUP")]
    pub target_group: String,
    /// ddmmyy-xxxx or 10 digits (optional; masked on screen)
    #[arg(long)]
    pub cpr: Option<String>,
    #[arg(long, default_value = "")]
    pub phone: String,
    #[arg(long, default_value = "")]
    pub email: String,
    /// Start on the current benefit (the conversation count runs from it)
    #[arg(long, value_name = "DATE")]
    pub benefit_start: Option<String>,
    /// The citizen has a mentor
    #[arg(long)]
    pub mentor: bool,
    /// A short living summary
    #[arg(long, allow_hyphen_values = true, default_value = "")]
    pub summary: String,
}

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
}

#[derive(Debug, Subcommand)]
pub enum LogCommand {
    /// Append one contact to the log and print its id
    Add(LogAddArgs),
    /// Record how the citizen experienced a contact (1–5) and their own wish
    Feedback(FeedbackArgs),
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
    /// in_person, phone, video, home_visit, walk, workplace (Danish words too)
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
    /// conversation in person, by phone or video)
    #[arg(long, value_name = "yes|no")]
    pub counts: Option<YesNo>,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum YesNo {
    Yes,
    No,
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Citizens from CSV: header name,cpr,phone,email,target_group,benefit_start (Danish names
    /// too), ',' or ';', with or without BOM. All or nothing unless --skip-invalid
    Caseload(ImportCaseloadArgs),
    /// Everything from a `jobdesk export json` file, into an empty (or new) database only
    Json(crate::export::cli::ImportJsonArgs),
}

#[derive(Debug, Args)]
pub struct ImportCaseloadArgs {
    pub file: PathBuf,
    /// Import the good rows and list the bad ones
    #[arg(long)]
    pub skip_invalid: bool,
}

/// Everything a command needs from outside: the time, the language, where output goes.
pub struct Ctx {
    pub now: NaiveDateTime,
    pub lang: Lang,
}

impl Ctx {
    pub fn today(&self) -> NaiveDate {
        self.now.date()
    }
}

/// The current time: `JOBDESK_NOW` (for tests and demos of a fixed day) or the clock.
pub fn now_from_env() -> Result<NaiveDateTime> {
    match std::env::var("JOBDESK_NOW") {
        Ok(s) if !s.trim().is_empty() => {
            let today = Local::now().date_naive();
            parse_datetime(
                &s,
                today,
                Some(NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default()),
            )
            .map_err(|e| user(format!("JOBDESK_NOW: {e}")))
        }
        _ => Ok(Local::now().naive_local().with_nanosecond_zero()),
    }
}

trait NoNanos {
    fn with_nanosecond_zero(self) -> Self;
}
impl NoNanos for NaiveDateTime {
    fn with_nanosecond_zero(self) -> Self {
        use chrono::Timelike;
        self.with_nanosecond(0).unwrap_or(self)
    }
}

pub fn lang_of(arg: Option<LangArg>) -> Lang {
    match arg {
        Some(LangArg::Da) => Lang::Da,
        Some(LangArg::En) => Lang::En,
        None => Lang::from_env(),
    }
}

pub fn db_path(cli_db: &Option<PathBuf>) -> Result<PathBuf> {
    match cli_db {
        Some(p) if p.as_os_str().is_empty() => {
            Err(user("--db / JOBDESK_DB is empty: give a file path"))
        }
        Some(p) => Ok(p.clone()),
        None => crate::store::default_db_path(),
    }
}

/// Opens the store with the cadence rules of the user's config file.
pub fn open_store(path: &std::path::Path, create: Create) -> Result<Store> {
    let config = crate::config::Config::load(crate::config::Config::path().as_deref())?;
    crate::safety_cmd::open_db(
        path,
        &crate::safety_cmd::run_options(create)
            .rules(config.rules())
            .retention_days(config.retention_days),
    )
}

/// Runs one non-interactive command.
pub fn run(cmd: Command, db: &Option<PathBuf>, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    if let Command::Config(a) = &cmd {
        let cfg = crate::config::Config::path();
        if a.default {
            write!(out, "{}", crate::config::Config::default_text())?;
        } else {
            match &cfg {
                Some(p) => {
                    crate::config::Config::load(Some(p))?;
                    let state = if p.exists() {
                        "in use"
                    } else {
                        "not there yet: the defaults apply"
                    };
                    writeln!(out, "{} ({state})", p.display())?;
                    writeln!(
                        out,
                        "Write one with: jobdesk config --default > \"{}\"",
                        p.display()
                    )?;
                }
                None => writeln!(
                    out,
                    "no config folder on this machine; set JOBDESK_CONFIG to a file"
                )?,
            }
        }
        return Ok(());
    }
    let path = db_path(db)?;
    match cmd {
        Command::Config(_) => Ok(()),
        Command::Generate(a) => {
            let mut store = open_store(&path, Create::Yes)?;
            generate(&mut store, &a, ctx, out)
        }
        Command::Citizens(a) => citizens(&open_store(&path, Create::No)?, &a, ctx, out),
        Command::Citizen(CitizenCommand::Add(a)) => citizen_add(&path, &a, ctx, out),
        Command::Citizen(CitizenCommand::Set(a)) => {
            citizen_set(&mut open_store(&path, Create::No)?, &a, ctx, out)
        }
        Command::Citizen(CitizenCommand::ExemptJobclub(a)) => {
            let mut store = open_store(&path, Create::No)?;
            let from =
                parse_date(&a.from, ctx.today()).map_err(|e| user(format!("--from: {e}")))?;
            let to = parse_date(&a.to, ctx.today()).map_err(|e| user(format!("--to: {e}")))?;
            let id = store.add_jobclub_exemption(a.id, from, to, a.reason.trim(), ctx.now)?;
            writeln!(out, "{id}")?;
            Ok(())
        }
        Command::Log(LogCommand::Feedback(a)) => {
            let mut store = open_store(&path, Create::No)?;
            store.set_feedback(a.contact, a.score, a.wish.trim())?;
            Ok(())
        }
        Command::Agenda(a) => agenda(&open_store(&path, Create::No)?, &a, ctx, out),
        Command::Plan(a) => plan(&mut open_store(&path, Create::No)?, &a, ctx, out),
        Command::Log(LogCommand::Add(a)) => {
            log_add(&mut open_store(&path, Create::No)?, &a, ctx, out)
        }
        Command::Closure(c) => crate::closure_cmd::run_closure(c, &path, ctx, out),
        Command::Report(r) => crate::closure_cmd::run_report(r, &path, ctx, out),
        Command::Import(ImportCommand::Caseload(a)) => {
            let bytes = std::fs::read(&a.file)
                .map_err(|e| user(format!("cannot read {}: {e}", a.file.display())))?;
            let mut store = open_store(&path, Create::Yes)?;
            let r = crate::import::caseload::import(
                &mut store,
                &bytes,
                ctx.now,
                a.skip_invalid,
                &a.file.display().to_string(),
            )?;
            for e in &r.skipped {
                eprintln!("skipped line {}: {}", e.line, e.reason);
            }
            writeln!(
                out,
                "imported {} citizens into {}",
                r.imported,
                path.display()
            )?;
            Ok(())
        }
        Command::Import(ImportCommand::Json(a)) => {
            crate::export::cli::import_json(&a, &path, ctx, out)
        }
        Command::Export(c) => crate::export::cli::run(c, &path, ctx, out),
        Command::Safety(c) => crate::safety_cmd::run(c, &path, ctx, out),
    }
}

fn generate(store: &mut Store, a: &GenerateArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let started = std::time::Instant::now();
    let tty = std::io::stderr().is_terminal();
    let mut shown = false;
    let mut progress = |done: usize, total: usize| {
        if tty && (shown || started.elapsed().as_millis() > 400) {
            shown = true;
            eprint!(
                "\rgenerating: {done} of {total} citizens ({}%)   ",
                done * 100 / total.max(1)
            );
        }
    };
    let spec = crate::generate::Spec {
        citizens: a.citizens,
        years: a.years,
        seed: a.seed,
        now: ctx.now,
    };
    let s = crate::generate::generate(store, spec, &mut progress)?;
    if shown {
        eprintln!();
    }
    writeln!(
        out,
        "generated {} citizens ({} archived), {} appointments and {} contacts in {:.1} s into {}",
        s.citizens,
        s.archived,
        s.appointments,
        s.contacts,
        started.elapsed().as_secs_f64(),
        store.path().display()
    )?;
    Ok(())
}

fn citizen_add(
    path: &std::path::Path,
    a: &CitizenAddArgs,
    ctx: &Ctx,
    out: &mut dyn Write,
) -> Result<()> {
    let name = a.name.trim();
    if name.is_empty() || name.chars().any(char::is_control) {
        return Err(user(
            "--name: give the citizen's name (no control characters)",
        ));
    }
    let group = crate::domain::TargetGroup::parse(&a.target_group)
        .map_err(|e| user(format!("--target-group: {e}")))?;
    let cpr = match a.cpr.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        Some(c) => Some(crate::domain::cpr::parse_cpr(c).map_err(|e| user(format!("--cpr: {e}")))?),
        None => None,
    };
    let benefit_start = match &a.benefit_start {
        Some(d) => {
            Some(parse_date(d, ctx.today()).map_err(|e| user(format!("--benefit-start: {e}")))?)
        }
        None => None,
    };
    if !a.email.is_empty() && !a.email.contains('@') {
        return Err(user(format!("--email: '{}' is not an address", a.email)));
    }
    let mut store = open_store(path, Create::Yes)?;
    if let Some(c) = &cpr
        && let Some(id) = store.citizen_by_cpr(c)?
    {
        return Err(user(format!(
            "--cpr: a citizen with CPR {} is already in the caseload (id {id})",
            crate::domain::cpr::mask_cpr(c)
        )));
    }
    let id = store.add_citizen(&crate::domain::NewCitizen {
        name: name.to_string(),
        cpr,
        phone: a.phone.trim().to_string(),
        email: a.email.trim().to_string(),
        target_group: Some(group),
        benefit_start,
        mentor: a.mentor,
        summary: a.summary.clone(),
        archived: false,
    })?;
    writeln!(out, "{id}")?;
    Ok(())
}

fn citizen_set(
    store: &mut Store,
    a: &CitizenSetArgs,
    ctx: &Ctx,
    _out: &mut dyn Write,
) -> Result<()> {
    store.require_citizen(a.id)?;
    let yes = |v: Option<YesNo>| v.map(|v| v == YesNo::Yes);
    let until = match &a.mentor_until {
        Some(d) => {
            Some(parse_date(d, ctx.today()).map_err(|e| user(format!("--mentor-until: {e}")))?)
        }
        None => None,
    };
    if a.mentor_goals.is_some() || a.mentor_hours.is_some() || until.is_some() {
        let mut m = store.mentor_agreement(a.id)?;
        if let Some(g) = &a.mentor_goals {
            m.goals = g.trim().to_string();
        }
        if a.mentor_hours.is_some() {
            m.hours = a.mentor_hours;
        }
        if until.is_some() {
            m.until = until;
        }
        store.set_mentor_agreement(a.id, &m)?;
    }
    store.set_citizen_flags(a.id, yes(a.exempt), yes(a.mentor), yes(a.archived))?;
    if let Some(text) = &a.summary {
        store.apply(&[crate::store::Change::Summary {
            citizen_id: a.id,
            text: text.clone(),
        }])?;
    }
    Ok(())
}

#[derive(Serialize)]
struct CitizenJson<'a> {
    id: i64,
    name: &'a str,
    target_group: &'a str,
    next_due: Option<String>,
    archived: bool,
}

fn citizens(store: &Store, a: &CitizensArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let filter = CitizenFilter {
        include_archived: a.all,
        text: String::new(),
    };
    let list = store.citizens(&filter, CitizenOrder::Name, 0, usize::MAX >> 1)?;
    if a.json {
        let rows: Vec<CitizenJson<'_>> = list
            .iter()
            .map(|c| CitizenJson {
                id: c.id,
                name: &c.name,
                target_group: c.target_group.key(),
                next_due: c.next_due.map(|d| d.format("%Y-%m-%d").to_string()),
                archived: c.archived,
            })
            .collect();
        serde_json::to_writer(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    let da = ctx.lang.da();
    let h = words::citizens_header(ctx.lang);
    writeln!(
        out,
        "{:>6}  {}  {}  {}",
        h[0],
        fit(h[1], 28),
        fit(h[2], 18),
        h[3]
    )?;
    for c in &list {
        let due = c
            .next_due
            .map(|d| fmt_date(d, da))
            .unwrap_or_else(|| "–".into());
        let arch = if c.archived {
            format!("  {}", words::archived(ctx.lang))
        } else {
            String::new()
        };
        writeln!(
            out,
            "{:>6}  {}  {}  {}{}",
            c.id,
            fit(&sanitize_line(&c.name), 28),
            fit(c.target_group.short(da), 18),
            due,
            arch
        )?;
    }
    Ok(())
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

fn agenda(store: &Store, a: &AgendaArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let first = match &a.date {
        Some(d) => parse_date(d, ctx.today()).map_err(|e| user(format!("--date: {e}")))?,
        None => ctx.today(),
    };
    if a.days == 0 || a.days > 3660 {
        return Err(user(format!(
            "--days {} is out of range: give 1 to 3660",
            a.days
        )));
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
        writeln!(
            out,
            "  {:>7}  {}  {:>4}  {}  {}  {}  {}",
            h[0],
            fit(h[1], 5),
            h[2],
            fit(h[3], 26),
            fit(h[4], 13),
            fit(h[5], 13),
            h[6]
        )?;
        for x in of_day {
            writeln!(
                out,
                "  {:>7}  {}  {:>4}  {}  {}  {}  {}",
                x.id,
                fit(&fmt_time(x.start.time(), da), 5),
                x.minutes,
                fit(&sanitize_line(&x.citizen), 26),
                fit(x.kind.name(da), 13),
                fit(x.channel.name(da), 13),
                x.status.name(da)
            )?;
        }
    }
    if a.days > 1 && list.is_empty() {
        writeln!(out, "{}", words::no_appointments(l))?;
    }
    Ok(())
}

fn plan(store: &mut Store, a: &PlanArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let start = parse_datetime(&a.at, ctx.today(), None).map_err(|e| user(format!("--at: {e}")))?;
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
    let id = store.add_appointment(&NewAppointment {
        uuid: uuid::Uuid::new_v4().to_string(),
        citizen_id: a.citizen,
        kind,
        start,
        minutes,
        channel,
        place: a.place.clone().unwrap_or_default(),
        status: Status::Planned,
        reason: String::new(),
    })?;
    writeln!(out, "{id}")?;
    Ok(())
}

fn log_add(store: &mut Store, a: &LogAddArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let channel = Channel::parse(&a.channel).map_err(|e| user(format!("--channel: {e}")))?;
    let outcome = Outcome::parse(&a.outcome).map_err(|e| user(format!("--outcome: {e}")))?;
    let at = match &a.at {
        Some(s) => parse_datetime(s, ctx.today(), None).map_err(|e| user(format!("--at: {e}")))?,
        None => ctx.now,
    };
    let counts = match a.counts {
        Some(YesNo::Yes) if !outcome.can_count() => {
            return Err(user(format!(
                "--counts yes: only a held conversation counts toward the minimum, not '{}'",
                outcome.key()
            )));
        }
        Some(v) => v == YesNo::Yes,
        None => outcome.can_count() && !channel.is_mentor_channel(),
    };
    store.require_citizen(a.citizen)?;
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
