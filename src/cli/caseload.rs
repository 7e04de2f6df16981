//! `jobdesk citizens`, `jobdesk citizen add|set|exempt-jobclub` and `jobdesk import caseload`.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Subcommand};
use serde::Serialize;

use super::table::{Col, Table};
use super::{Ctx, YesNo};
use crate::domain::Word;
use crate::domain::dates::fmt_date;
use crate::domain::text::sanitize_line;
use crate::error::{Result, user};
use crate::i18n::cli as words;
use crate::store::{CitizenFilter, CitizenOrder, Create};

#[derive(Debug, Args)]
pub struct CitizensArgs {
    /// Archived citizens too
    #[arg(long)]
    pub all: bool,
    /// One JSON array of objects (id, name, target_group, next_due, pace_due, archived), for
    /// scripts; next_due is the legal deadline, pace_due jobdesk's pace towards it
    #[arg(long)]
    pub json: bool,
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
    /// The first day of absence (sygedagpenge: the first conversation is due by the end of
    /// week 8 counted from it); "none" clears it
    #[arg(long, value_name = "DATE")]
    pub absence_start: Option<String>,
    /// The citizen's address (a home visit planned without a place is held there); "" clears it
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub address: Option<String>,
    /// The citizen's wishes and skills, free text (matched with the leads' skills); "" clears
    /// them
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub skills: Option<String>,
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
    /// The citizen's address (a home visit planned without a place is held there)
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    pub address: Option<String>,
    /// Start on the current benefit (the conversation count runs from it)
    #[arg(long, value_name = "DATE")]
    pub benefit_start: Option<String>,
    /// The first day of absence (sygedagpenge: the count runs from it; default: the benefit
    /// start)
    #[arg(long, value_name = "DATE")]
    pub absence_start: Option<String>,
    /// The citizen has a mentor
    #[arg(long)]
    pub mentor: bool,
    /// A short living summary
    #[arg(long, allow_hyphen_values = true, default_value = "")]
    pub summary: String,
}

#[derive(Debug, Args)]
pub struct ImportCaseloadArgs {
    pub file: PathBuf,
    /// Import the good rows and list the bad ones
    #[arg(long)]
    pub skip_invalid: bool,
}

/// Runs `jobdesk citizen ...`.
pub fn run_citizen(cmd: CitizenCommand, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    match cmd {
        CitizenCommand::Add(a) => citizen_add(&a, ctx, out),
        CitizenCommand::Set(a) => citizen_set(&a, ctx, out),
        CitizenCommand::ExemptJobclub(a) => exempt_jobclub(&a, ctx, out),
    }
}

/// `jobdesk import caseload FILE`.
pub fn import(a: &ImportCaseloadArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let bytes = std::fs::read(&a.file).map_err(|e| {
        user(crate::i18n::cli::cannot_read(
            ctx.lang,
            &a.file.display().to_string(),
            &e.to_string(),
        ))
    })?;
    let mut store = ctx.open_store(Create::Yes)?;
    let r = crate::import::caseload::import(
        &mut store,
        &bytes,
        ctx.now,
        a.skip_invalid,
        &a.file.display().to_string(),
        ctx.lang,
    )?;
    for e in &r.skipped {
        eprintln!(
            "{}",
            crate::i18n::cli::skipped_line(ctx.lang, e.line, &e.reason)
        );
    }
    writeln!(
        out,
        "{}",
        crate::i18n::cli::imported_citizens(
            ctx.lang,
            r.imported,
            &store.path().display().to_string()
        )
    )?;
    Ok(())
}

fn exempt_jobclub(a: &ExemptJobclubArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let mut store = ctx.open_store(Create::No)?;
    let from = ctx.date("--from", &a.from)?;
    let to = ctx.date("--to", &a.to)?;
    let id = store.add_jobclub_exemption(a.id, from, to, a.reason.trim(), ctx.now)?;
    writeln!(out, "{id}")?;
    Ok(())
}

fn citizen_add(a: &CitizenAddArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let name = a.name.trim();
    if name.is_empty() || name.chars().any(char::is_control) {
        return Err(user(crate::i18n::cli::name_needed(ctx.lang)));
    }
    let group = ctx.word::<crate::domain::TargetGroup>("--target-group", &a.target_group)?;
    let cpr = match a.cpr.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        Some(c) => Some(
            crate::domain::cpr::parse_cpr(c)
                .map_err(|e| user(crate::i18n::cli::bad_cpr(ctx.lang, c, &e)))?,
        ),
        None => None,
    };
    let benefit_start = match &a.benefit_start {
        Some(d) => Some(ctx.date("--benefit-start", d)?),
        None => None,
    };
    let absence_start = match &a.absence_start {
        Some(d) => Some(ctx.date("--absence-start", d)?),
        None => None,
    };
    if !a.email.is_empty() && !a.email.contains('@') {
        return Err(user(crate::i18n::cli::bad_email(ctx.lang, &a.email)));
    }
    let mut store = ctx.open_store(Create::Yes)?;
    if let Some(c) = &cpr
        && let Some(id) = store.citizen_by_cpr(c)?
    {
        return Err(user(crate::i18n::cli::cpr_taken(
            ctx.lang,
            &crate::domain::cpr::mask_cpr(c),
            id,
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
        absence_start,
    })?;
    if let Some(addr) = &a.address {
        store.set_address(id, Some(addr))?;
    }
    // A group the reform closes to new citizens: warn, never refuse (the date is data).
    if let Some(start) = benefit_start.or(Some(ctx.today()))
        && let Some(closed) = store.rules().closed_to_new(group, start)
    {
        eprintln!("{}", words::group_closed_to_new(ctx.lang, group, closed));
    }
    writeln!(out, "{id}")?;
    Ok(())
}

fn citizen_set(a: &CitizenSetArgs, ctx: &Ctx, _out: &mut dyn Write) -> Result<()> {
    let mut store = ctx.open_store(Create::No)?;
    store.require_citizen(a.id)?;
    let yes = |v: Option<YesNo>| v.map(|v| v == YesNo::Yes);
    let until = match &a.mentor_until {
        Some(d) => Some(ctx.date("--mentor-until", d)?),
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
    if let Some(d) = &a.absence_start {
        let day = match d.trim() {
            "none" | "ingen" | "" => None,
            d => Some(ctx.date("--absence-start", d)?),
        };
        store.set_absence_start(a.id, day)?;
    }
    if let Some(addr) = &a.address {
        store.set_address(a.id, Some(addr))?;
    }
    if let Some(skills) = &a.skills {
        store.set_citizen_skills(a.id, skills)?;
    }
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
    pace_due: Option<String>,
    archived: bool,
}

/// `jobdesk citizens [--all] [--json]`.
pub fn citizens(a: &CitizensArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let store = ctx.open_store(Create::No)?;
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
                pace_due: c.pace_due.map(|d| d.format("%Y-%m-%d").to_string()),
                archived: c.archived,
            })
            .collect();
        serde_json::to_writer(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    let da = ctx.lang.da();
    let h = words::citizens_header(ctx.lang);
    let table = Table::new(&[Col::Right(6), Col::Fit(28), Col::Fit(18), Col::Free]);
    table.row(out, &h)?;
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
        table.row(
            out,
            &[
                &c.id.to_string(),
                &sanitize_line(&c.name),
                c.target_group.short(da),
                &format!("{due}{arch}"),
            ],
        )?;
    }
    Ok(())
}
