//! `jobdesk company add|set|list|show|log|contact`, `jobdesk lead add|set|list`, `jobdesk match`,
//! `jobdesk propose`, `jobdesk proposal set|list` and `jobdesk import companies`: companies and
//! job leads, matched to the caseload (issue 19).

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Subcommand};
use serde::Serialize;

use super::Ctx;
use super::table::{Col, Table};
use crate::domain::company::{
    CompanyEdit, CompanyEvent, ContactPersonEdit, Cvr, LeadEdit, LeadKind, LeadStatus, NewCompany,
    NewCompanyContact, NewContactPerson, NewLead, ProposalOutcome, parse_groups,
};
use crate::domain::dates::{fmt_date, fmt_time};
use crate::domain::text::sanitize_line;
use crate::domain::{Channel, Outcome, Word};
use crate::error::{Result, user};
use crate::i18n::company as words;
use crate::store::{CompanyFilter, Create, LeadFilter};

#[derive(Debug, Subcommand)]
pub enum CompanyCommand {
    /// Add a company and print its id
    Add(CompanyAddArgs),
    /// Change a company's name, CVR number, address, industry or notes
    Set(CompanySetArgs),
    /// List the companies (id, name, CVR number, industry, open leads)
    List(CompanyListArgs),
    /// One company: its contact persons, its leads and the history with it
    Show(CompanyShowArgs),
    /// Log a contact with a company (a call, a visit, an e-mail) and print its id
    Log(CompanyLogArgs),
    /// The company's contact persons
    #[command(subcommand)]
    Contact(ContactCommand),
}

#[derive(Debug, Args)]
pub struct CompanyAddArgs {
    /// The company's name
    #[arg(long, allow_hyphen_values = true)]
    pub name: String,
    /// The CVR number: 8 digits, checked by its modulus-11 rule
    #[arg(long)]
    pub cvr: Option<String>,
    #[arg(long, allow_hyphen_values = true, default_value = "")]
    pub address: String,
    /// The industry (branche), free text
    #[arg(long, allow_hyphen_values = true, default_value = "")]
    pub industry: String,
    #[arg(long, allow_hyphen_values = true, default_value = "")]
    pub notes: String,
}

#[derive(Debug, Args)]
pub struct CompanySetArgs {
    /// The company's id
    pub id: i64,
    #[arg(long, allow_hyphen_values = true)]
    pub name: Option<String>,
    /// The CVR number; "" takes it away
    #[arg(long)]
    pub cvr: Option<String>,
    #[arg(long, allow_hyphen_values = true)]
    pub address: Option<String>,
    #[arg(long, allow_hyphen_values = true)]
    pub industry: Option<String>,
    #[arg(long, allow_hyphen_values = true)]
    pub notes: Option<String>,
}

#[derive(Debug, Args)]
pub struct CompanyListArgs {
    /// Only companies whose name, CVR number or industry holds these words
    #[arg(
        long,
        value_name = "TEXT",
        allow_hyphen_values = true,
        default_value = ""
    )]
    pub filter: String,
    /// One JSON array of objects (id, name, cvr, industry, address, open_leads)
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct CompanyShowArgs {
    /// The company's id
    pub id: i64,
}

#[derive(Debug, Args)]
pub struct CompanyLogArgs {
    /// The company's id
    #[arg(long, value_name = "ID")]
    pub company: i64,
    /// phone, in_person, workplace (a company visit), email, video, … (Danish names too)
    #[arg(long, value_name = "C")]
    pub channel: String,
    /// held, reached, not_reached, message_left, … (Danish names too)
    #[arg(long, value_name = "O")]
    pub outcome: String,
    /// When (default: now)
    #[arg(long, value_name = "DATETIME")]
    pub at: Option<String>,
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub minutes: i64,
    /// The contact person spoken with (see `jobdesk company show ID`)
    #[arg(long, value_name = "ID")]
    pub person: Option<i64>,
    #[arg(
        long,
        value_name = "TEXT",
        allow_hyphen_values = true,
        default_value = ""
    )]
    pub note: String,
}

#[derive(Debug, Subcommand)]
pub enum ContactCommand {
    /// Add a contact person to a company and print the id
    Add(ContactAddArgs),
    /// Change a contact person
    Set(ContactSetArgs),
}

#[derive(Debug, Args)]
pub struct ContactAddArgs {
    /// The company's id
    #[arg(long, value_name = "ID")]
    pub company: i64,
    #[arg(long, allow_hyphen_values = true)]
    pub name: String,
    /// The role at the company (owner, HR, team lead, …)
    #[arg(long, allow_hyphen_values = true, default_value = "")]
    pub role: String,
    #[arg(long, default_value = "")]
    pub phone: String,
    #[arg(long, default_value = "")]
    pub email: String,
}

#[derive(Debug, Args)]
pub struct ContactSetArgs {
    /// The contact person's id
    pub id: i64,
    #[arg(long, allow_hyphen_values = true)]
    pub name: Option<String>,
    #[arg(long, allow_hyphen_values = true)]
    pub role: Option<String>,
    #[arg(long)]
    pub phone: Option<String>,
    #[arg(long)]
    pub email: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum LeadCommand {
    /// Add a lead (a job, a praktik place, a løntilskud place) and print its id
    Add(LeadAddArgs),
    /// Change a lead (its status too: open, filled, closed)
    Set(LeadSetArgs),
    /// List the leads, open ones first by deadline
    List(LeadListArgs),
}

#[derive(Debug, Args)]
pub struct LeadAddArgs {
    /// The company's id
    #[arg(long, value_name = "ID")]
    pub company: i64,
    /// job, praktik (virksomhedspraktik) or loentilskud (Danish names too)
    #[arg(long, value_name = "KIND")]
    pub kind: String,
    #[arg(long, allow_hyphen_values = true)]
    pub title: String,
    /// Hours a week
    #[arg(long, value_name = "H")]
    pub hours: Option<f64>,
    /// The first day
    #[arg(long, value_name = "DATE")]
    pub start: Option<String>,
    /// The last day to propose someone
    #[arg(long, value_name = "DATE")]
    pub deadline: Option<String>,
    /// The target groups it suits, separated by ',' (default: any)
    #[arg(long, value_name = "GROUPS", default_value = "")]
    pub groups: String,
    /// What it asks for, free words (matched with the citizens' wishes and skills)
    #[arg(long, allow_hyphen_values = true, default_value = "")]
    pub skills: String,
}

#[derive(Debug, Args)]
pub struct LeadSetArgs {
    /// The lead's id
    pub id: i64,
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    #[arg(long, allow_hyphen_values = true)]
    pub title: Option<String>,
    /// Hours a week; "none" clears them
    #[arg(long, value_name = "H")]
    pub hours: Option<String>,
    /// The first day; "none" clears it
    #[arg(long, value_name = "DATE")]
    pub start: Option<String>,
    /// The last day to propose someone; "none" clears it
    #[arg(long, value_name = "DATE")]
    pub deadline: Option<String>,
    /// The target groups it suits, separated by ','; "" suits any
    #[arg(long, value_name = "GROUPS")]
    pub groups: Option<String>,
    #[arg(long, allow_hyphen_values = true)]
    pub skills: Option<String>,
    /// open, filled or closed (Danish names too)
    #[arg(long, value_name = "STATUS")]
    pub status: Option<String>,
}

#[derive(Debug, Args)]
pub struct LeadListArgs {
    /// Only open leads
    #[arg(long)]
    pub open: bool,
    /// Only this company's
    #[arg(long, value_name = "ID")]
    pub company: Option<i64>,
    /// One JSON array of objects (id, company_id, company, kind, title, hours, start,
    /// deadline, target_groups, skills, status)
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("side").required(true).args(["lead", "citizen"]))]
pub struct MatchArgs {
    /// The citizens who fit this lead
    #[arg(long, value_name = "ID")]
    pub lead: Option<i64>,
    /// The open leads that fit this citizen
    #[arg(long, value_name = "ID")]
    pub citizen: Option<i64>,
    /// One JSON array of objects (citizen_id, name, target_group, shared, proposal_id,
    /// outcome; with --citizen: lead_id, title, kind, company, …)
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ProposeArgs {
    /// The lead's id
    #[arg(long, value_name = "ID")]
    pub lead: i64,
    /// The citizen's id
    #[arg(long, value_name = "ID")]
    pub citizen: i64,
    /// When (default: now)
    #[arg(long, value_name = "DATETIME")]
    pub at: Option<String>,
    #[arg(
        long,
        value_name = "TEXT",
        allow_hyphen_values = true,
        default_value = ""
    )]
    pub note: String,
}

#[derive(Debug, Subcommand)]
pub enum ProposalCommand {
    /// Set a proposal's outcome: interview, started or declined (logged with the company)
    Set(ProposalSetArgs),
    /// A citizen's proposals (or a lead's) with their latest outcome
    List(ProposalListArgs),
}

#[derive(Debug, Args)]
pub struct ProposalSetArgs {
    /// The proposal's id (printed by `jobdesk propose`)
    pub id: i64,
    /// proposed, interview, started or declined (Danish names too)
    #[arg(long, value_name = "O")]
    pub outcome: String,
    /// When (default: now)
    #[arg(long, value_name = "DATETIME")]
    pub at: Option<String>,
    #[arg(
        long,
        value_name = "TEXT",
        allow_hyphen_values = true,
        default_value = ""
    )]
    pub note: String,
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("of").required(true).args(["lead", "citizen"]))]
pub struct ProposalListArgs {
    /// This citizen's proposals
    #[arg(long, value_name = "ID")]
    pub citizen: Option<i64>,
    /// This lead's proposals
    #[arg(long, value_name = "ID")]
    pub lead: Option<i64>,
    /// One JSON array of objects (id, lead_id, lead, kind, company_id, company, citizen_id,
    /// citizen, outcome, at, note)
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ImportCompaniesArgs {
    pub file: PathBuf,
}

/// Runs `jobdesk company …`.
pub fn run_company(cmd: CompanyCommand, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    match cmd {
        CompanyCommand::Add(a) => company_add(&a, ctx, out),
        CompanyCommand::Set(a) => company_set(&a, ctx, out),
        CompanyCommand::List(a) => company_list(&a, ctx, out),
        CompanyCommand::Show(a) => company_show(&a, ctx, out),
        CompanyCommand::Log(a) => company_log(&a, ctx, out),
        CompanyCommand::Contact(ContactCommand::Add(a)) => contact_add(&a, ctx, out),
        CompanyCommand::Contact(ContactCommand::Set(a)) => contact_set(&a, ctx, out),
    }
}

/// Runs `jobdesk lead …`.
pub fn run_lead(cmd: LeadCommand, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    match cmd {
        LeadCommand::Add(a) => lead_add(&a, ctx, out),
        LeadCommand::Set(a) => lead_set(&a, ctx, out),
        LeadCommand::List(a) => lead_list(&a, ctx, out),
    }
}

/// Runs `jobdesk proposal …`.
pub fn run_proposal(cmd: ProposalCommand, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    match cmd {
        ProposalCommand::Set(a) => proposal_set(&a, ctx, out),
        ProposalCommand::List(a) => proposal_list(&a, ctx, out),
    }
}

fn cvr(ctx: &Ctx, s: &str) -> Result<Cvr> {
    Cvr::parse(s).map_err(|p| user(words::bad_cvr_flag(ctx.lang, s, p)))
}

fn text_ok(ctx: &Ctx, flag: &str, s: &str) -> Result<()> {
    if s.chars().any(|c| c.is_control() && c != '\n') {
        return Err(user(words::control_chars(ctx.lang, flag)));
    }
    Ok(())
}

fn company_add(a: &CompanyAddArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    text_ok(ctx, "--name", &a.name)?;
    let cvr = match a.cvr.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
        Some(c) => Some(cvr(ctx, c)?),
        None => None,
    };
    let mut store = ctx.open_store(Create::Yes)?;
    let id = store.add_company(&NewCompany {
        name: a.name.clone(),
        cvr,
        address: a.address.clone(),
        industry: a.industry.clone(),
        notes: a.notes.clone(),
    })?;
    writeln!(out, "{id}")?;
    Ok(())
}

fn company_set(a: &CompanySetArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let cvr = match a.cvr.as_deref().map(str::trim) {
        Some("") => Some(None),
        Some(c) => Some(Some(cvr(ctx, c)?)),
        None => None,
    };
    let mut store = ctx.open_store(Create::No)?;
    store.edit_company(
        a.id,
        &CompanyEdit {
            name: a.name.clone(),
            cvr,
            address: a.address.clone(),
            industry: a.industry.clone(),
            notes: a.notes.clone(),
        },
    )?;
    writeln!(out, "{}", words::company_changed(ctx.lang, a.id))?;
    Ok(())
}

#[derive(Serialize)]
struct CompanyJson {
    id: i64,
    name: String,
    cvr: Option<String>,
    industry: String,
    address: String,
    open_leads: usize,
}

fn company_list(a: &CompanyListArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let store = ctx.open_store(Create::No)?;
    let list = store.companies(&CompanyFilter {
        text: a.filter.clone(),
        ..Default::default()
    })?;
    let open = store.open_lead_counts()?;
    let rows: Vec<CompanyJson> = list
        .into_iter()
        .map(|c| CompanyJson {
            open_leads: open.get(&c.id).copied().unwrap_or(0),
            id: c.id,
            name: c.name,
            cvr: c.cvr.map(String::from),
            industry: c.industry,
            address: c.address,
        })
        .collect();
    if a.json {
        serde_json::to_writer(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    if rows.is_empty() {
        writeln!(out, "{}", words::no_companies(ctx.lang))?;
        return Ok(());
    }
    let table = Table::new(&[
        Col::Right(5),
        Col::Fit(30),
        Col::Left(8),
        Col::Fit(20),
        Col::Right(5),
    ]);
    table.row(out, &words::company_header(ctx.lang))?;
    for r in rows {
        table.row(
            out,
            &[
                &r.id.to_string(),
                &sanitize_line(&r.name),
                r.cvr.as_deref().unwrap_or("–"),
                &sanitize_line(&r.industry),
                &r.open_leads.to_string(),
            ],
        )?;
    }
    Ok(())
}

fn company_show(a: &CompanyShowArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let l = ctx.lang;
    let store = ctx.open_store(Create::No)?;
    let c = store.company(a.id)?;
    writeln!(
        out,
        "{} ({})",
        sanitize_line(&c.name),
        c.cvr.as_ref().map(Cvr::as_str).unwrap_or("–")
    )?;
    for line in [&c.address, &c.industry, &c.notes] {
        if !line.trim().is_empty() {
            writeln!(out, "  {}", sanitize_line(line))?;
        }
    }
    writeln!(out, "{}", words::heading_persons(l))?;
    for p in store.contact_persons(c.id)? {
        writeln!(
            out,
            "  {:>5}  {}  {}  {}  {}",
            p.id,
            sanitize_line(&p.name),
            sanitize_line(&p.role),
            sanitize_line(&p.phone),
            sanitize_line(&p.email)
        )?;
    }
    writeln!(out, "{}", words::heading_leads(l))?;
    for lead in store.leads(&LeadFilter {
        company_id: Some(c.id),
        ..Default::default()
    })? {
        writeln!(
            out,
            "  {:>5}  {}  {}  {}",
            lead.id,
            words::kind_short(lead.kind, l),
            sanitize_line(&lead.title),
            lead.status.name(l.da())
        )?;
    }
    writeln!(out, "{}", words::heading_history(l))?;
    for e in store.company_log(c.id)? {
        let when = format!(
            "{} {}",
            fmt_date(e.at.date(), l.da()),
            fmt_time(e.at.time(), l.da())
        );
        let what = match e.event {
            CompanyEvent::Contact(o) => format!(
                "{} · {}",
                e.channel.map(|c| c.name(l.da())).unwrap_or("–"),
                o.name(l.da())
            ),
            CompanyEvent::Proposal(o) => format!(
                "{}: {} → {}",
                o.name(l.da()),
                sanitize_line(e.citizen.as_deref().unwrap_or("–")),
                sanitize_line(e.lead_title.as_deref().unwrap_or("–"))
            ),
        };
        let who = e
            .person
            .as_deref()
            .map(|p| format!(" ({})", sanitize_line(p)))
            .unwrap_or_default();
        writeln!(out, "  {when}  {what}{who}  {}", sanitize_line(&e.note))?;
    }
    Ok(())
}

fn company_log(a: &CompanyLogArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let channel = ctx.word::<Channel>("--channel", &a.channel)?;
    let outcome = ctx.word::<Outcome>("--outcome", &a.outcome)?;
    let at = match &a.at {
        Some(s) => ctx.datetime("--at", s)?,
        None => ctx.now,
    };
    let mut store = ctx.open_store(Create::No)?;
    let logged = store.log_company_contact(&NewCompanyContact {
        company_id: a.company,
        person_id: a.person,
        at,
        channel,
        outcome,
        minutes: a.minutes,
        note: a.note.clone(),
    })?;
    writeln!(out, "{}", logged.log_id)?;
    Ok(())
}

fn contact_add(a: &ContactAddArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    text_ok(ctx, "--name", &a.name)?;
    if !a.email.is_empty() && !a.email.contains('@') {
        return Err(user(crate::i18n::cli::bad_email(ctx.lang, &a.email)));
    }
    let mut store = ctx.open_store(Create::No)?;
    let (id, _) = store.add_contact_person(&NewContactPerson {
        company_id: a.company,
        name: a.name.clone(),
        role: a.role.clone(),
        phone: a.phone.clone(),
        email: a.email.clone(),
    })?;
    writeln!(out, "{id}")?;
    Ok(())
}

fn contact_set(a: &ContactSetArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    if let Some(e) = a
        .email
        .as_deref()
        .filter(|e| !e.is_empty() && !e.contains('@'))
    {
        return Err(user(crate::i18n::cli::bad_email(ctx.lang, e)));
    }
    let mut store = ctx.open_store(Create::No)?;
    store.edit_contact_person(
        a.id,
        &ContactPersonEdit {
            name: a.name.clone(),
            role: a.role.clone(),
            phone: a.phone.clone(),
            email: a.email.clone(),
        },
    )?;
    writeln!(out, "{}", words::person_changed(ctx.lang, a.id))?;
    Ok(())
}

/// `none` (or `ingen`, or empty) clears an optional value.
fn is_none_word(s: &str) -> bool {
    matches!(
        s.trim().to_lowercase().as_str(),
        "" | "none" | "ingen" | "-"
    )
}

fn hours(ctx: &Ctx, s: &str) -> Result<f64> {
    s.trim()
        .replace(',', ".")
        .parse::<f64>()
        .map_err(|_| user(words::bad_hours_flag(ctx.lang, s)))
}

fn groups(ctx: &Ctx, s: &str) -> Result<Vec<crate::domain::TargetGroup>> {
    parse_groups(s).map_err(|e| user(words::bad_groups(ctx.lang, &e)))
}

fn lead_add(a: &LeadAddArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let kind = ctx.word::<LeadKind>("--kind", &a.kind)?;
    text_ok(ctx, "--title", &a.title)?;
    let hours = a.hours;
    let start = match &a.start {
        Some(d) => Some(ctx.date("--start", d)?),
        None => None,
    };
    let deadline = match &a.deadline {
        Some(d) => Some(ctx.date("--deadline", d)?),
        None => None,
    };
    let target_groups = groups(ctx, &a.groups)?;
    let mut store = ctx.open_store(Create::No)?;
    let id = store.add_lead(&NewLead {
        company_id: a.company,
        kind,
        title: a.title.clone(),
        hours,
        start,
        deadline,
        target_groups,
        skills: a.skills.clone(),
        status: LeadStatus::Open,
    })?;
    writeln!(out, "{id}")?;
    Ok(())
}

fn lead_set(a: &LeadSetArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let opt_date = |flag: &str, v: &Option<String>| -> Result<Option<Option<chrono::NaiveDate>>> {
        match v {
            Some(s) if is_none_word(s) => Ok(Some(None)),
            Some(s) => Ok(Some(Some(ctx.date(flag, s)?))),
            None => Ok(None),
        }
    };
    let edit = LeadEdit {
        kind: match &a.kind {
            Some(k) => Some(ctx.word::<LeadKind>("--kind", k)?),
            None => None,
        },
        title: a.title.clone(),
        hours: match &a.hours {
            Some(s) if is_none_word(s) => Some(None),
            Some(s) => Some(Some(hours(ctx, s)?)),
            None => None,
        },
        start: opt_date("--start", &a.start)?,
        deadline: opt_date("--deadline", &a.deadline)?,
        target_groups: match &a.groups {
            Some(g) => Some(groups(ctx, g)?),
            None => None,
        },
        skills: a.skills.clone(),
        status: match &a.status {
            Some(s) => Some(ctx.word::<LeadStatus>("--status", s)?),
            None => None,
        },
    };
    let mut store = ctx.open_store(Create::No)?;
    store.edit_lead(a.id, &edit)?;
    writeln!(out, "{}", words::lead_changed(ctx.lang, a.id))?;
    Ok(())
}

#[derive(Serialize)]
struct LeadJson {
    id: i64,
    company_id: i64,
    company: String,
    kind: LeadKind,
    title: String,
    hours: Option<f64>,
    start: Option<chrono::NaiveDate>,
    deadline: Option<chrono::NaiveDate>,
    target_groups: Vec<crate::domain::TargetGroup>,
    skills: String,
    status: LeadStatus,
}

fn lead_list(a: &LeadListArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let l = ctx.lang;
    let store = ctx.open_store(Create::No)?;
    let leads = store.leads(&LeadFilter {
        company_id: a.company,
        open_only: a.open,
        ..Default::default()
    })?;
    if a.json {
        let rows: Vec<LeadJson> = leads
            .into_iter()
            .map(|x| LeadJson {
                id: x.id,
                company_id: x.company_id,
                company: x.company,
                kind: x.kind,
                title: x.title,
                hours: x.hours,
                start: x.start,
                deadline: x.deadline,
                target_groups: x.target_groups,
                skills: x.skills,
                status: x.status,
            })
            .collect();
        serde_json::to_writer(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    if leads.is_empty() {
        writeln!(out, "{}", words::no_leads(l))?;
        return Ok(());
    }
    let table = Table::new(&[
        Col::Right(5),
        Col::Fit(12),
        Col::Fit(26),
        Col::Fit(20),
        Col::Left(10),
        Col::Left(8),
        Col::Free,
    ]);
    table.row(out, &words::lead_header(l))?;
    for x in leads {
        let deadline = x
            .deadline
            .map(|d| fmt_date(d, l.da()))
            .unwrap_or_else(|| "–".into());
        let groups: Vec<&str> = x.target_groups.iter().map(|g| g.short(l.da())).collect();
        table.row(
            out,
            &[
                &x.id.to_string(),
                words::kind_short(x.kind, l),
                &sanitize_line(&x.title),
                &sanitize_line(&x.company),
                &deadline,
                x.status.name(l.da()),
                &if groups.is_empty() {
                    words::any_group(l).to_string()
                } else {
                    groups.join(", ")
                },
            ],
        )?;
    }
    Ok(())
}

#[derive(Serialize)]
struct MatchJson {
    citizen_id: i64,
    name: String,
    target_group: crate::domain::TargetGroup,
    shared: Vec<String>,
    proposal_id: Option<i64>,
    outcome: Option<ProposalOutcome>,
}

#[derive(Serialize)]
struct LeadMatchJson {
    lead_id: i64,
    title: String,
    kind: LeadKind,
    company_id: i64,
    company: String,
    deadline: Option<chrono::NaiveDate>,
    shared: Vec<String>,
    proposal_id: Option<i64>,
    outcome: Option<ProposalOutcome>,
}

/// `jobdesk match --lead ID` (the citizens who fit) or `--citizen ID` (the open leads).
pub fn run_match(a: &MatchArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let l = ctx.lang;
    let store = ctx.open_store(Create::No)?;
    if let Some(citizen) = a.citizen {
        let fits = store.fitting_leads(citizen)?;
        if a.json {
            let rows: Vec<LeadMatchJson> = fits
                .into_iter()
                .map(|f| LeadMatchJson {
                    lead_id: f.lead.id,
                    title: f.lead.title,
                    kind: f.lead.kind,
                    company_id: f.lead.company_id,
                    company: f.lead.company,
                    deadline: f.lead.deadline,
                    shared: f.fit.shared,
                    proposal_id: f.proposal.map(|p| p.0),
                    outcome: f.proposal.map(|p| p.1),
                })
                .collect();
            serde_json::to_writer(&mut *out, &rows)?;
            writeln!(out)?;
            return Ok(());
        }
        if fits.is_empty() {
            writeln!(out, "{}", words::no_fitting_leads(l))?;
            return Ok(());
        }
        let table = Table::new(&[
            Col::Right(5),
            Col::Fit(12),
            Col::Fit(26),
            Col::Fit(20),
            Col::Fit(12),
            Col::Free,
        ]);
        table.row(out, &words::lead_match_header(l))?;
        for f in fits {
            table.row(
                out,
                &[
                    &f.lead.id.to_string(),
                    words::kind_short(f.lead.kind, l),
                    &sanitize_line(&f.lead.title),
                    &sanitize_line(&f.lead.company),
                    f.proposal.map(|p| p.1.name(l.da())).unwrap_or("–"),
                    &f.fit.shared.join(", "),
                ],
            )?;
        }
        return Ok(());
    }
    let lead = a.lead.unwrap_or_default();
    let fits = store.fitting_citizens(lead)?;
    if a.json {
        let rows: Vec<MatchJson> = fits
            .into_iter()
            .map(|f| MatchJson {
                citizen_id: f.citizen_id,
                name: f.name,
                target_group: f.target_group,
                shared: f.fit.shared,
                proposal_id: f.proposal.map(|p| p.0),
                outcome: f.proposal.map(|p| p.1),
            })
            .collect();
        serde_json::to_writer(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    if fits.is_empty() {
        writeln!(out, "{}", words::no_fitting_citizens(l))?;
        return Ok(());
    }
    let table = Table::new(&[
        Col::Right(5),
        Col::Fit(26),
        Col::Fit(18),
        Col::Fit(12),
        Col::Free,
    ]);
    table.row(out, &words::match_header(l))?;
    for f in fits {
        table.row(
            out,
            &[
                &f.citizen_id.to_string(),
                &sanitize_line(&f.name),
                f.target_group.short(l.da()),
                f.proposal.map(|p| p.1.name(l.da())).unwrap_or("–"),
                &f.fit.shared.join(", "),
            ],
        )?;
    }
    Ok(())
}

/// `jobdesk propose --lead ID --citizen ID`: prints the proposal's id.
pub fn run_propose(a: &ProposeArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let at = match &a.at {
        Some(s) => ctx.datetime("--at", s)?,
        None => ctx.now,
    };
    let mut store = ctx.open_store(Create::No)?;
    let p = store.propose(a.lead, a.citizen, at, &a.note)?;
    writeln!(out, "{}", p.proposal_id)?;
    Ok(())
}

fn proposal_set(a: &ProposalSetArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let outcome = ctx.word::<ProposalOutcome>("--outcome", &a.outcome)?;
    let at = match &a.at {
        Some(s) => ctx.datetime("--at", s)?,
        None => ctx.now,
    };
    let mut store = ctx.open_store(Create::No)?;
    store.set_proposal_outcome(a.id, outcome, at, &a.note)?;
    writeln!(out, "{}", words::proposal_changed(ctx.lang, a.id, outcome))?;
    Ok(())
}

#[derive(Serialize)]
struct ProposalJson {
    id: i64,
    lead_id: i64,
    lead: String,
    kind: LeadKind,
    company_id: i64,
    company: String,
    citizen_id: i64,
    citizen: String,
    outcome: ProposalOutcome,
    at: String,
    note: String,
}

fn proposal_list(a: &ProposalListArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let l = ctx.lang;
    let store = ctx.open_store(Create::No)?;
    let list = match (a.citizen, a.lead) {
        (Some(c), _) => {
            store.citizen(c)?;
            store.proposals_of_citizen(c)?
        }
        (None, Some(lead)) => {
            store.lead(lead)?;
            store.proposals_of_lead(lead)?
        }
        (None, None) => Vec::new(),
    };
    if a.json {
        let rows: Vec<ProposalJson> = list
            .into_iter()
            .map(|p| ProposalJson {
                id: p.id,
                lead_id: p.lead_id,
                lead: p.lead_title,
                kind: p.lead_kind,
                company_id: p.company_id,
                company: p.company,
                citizen_id: p.citizen_id,
                citizen: p.citizen,
                outcome: p.outcome,
                at: p.at.format("%Y-%m-%dT%H:%M").to_string(),
                note: p.note,
            })
            .collect();
        serde_json::to_writer(&mut *out, &rows)?;
        writeln!(out)?;
        return Ok(());
    }
    if list.is_empty() {
        writeln!(out, "{}", words::no_proposals(l))?;
        return Ok(());
    }
    let table = Table::new(&[
        Col::Right(5),
        Col::Fit(22),
        Col::Fit(22),
        Col::Fit(18),
        Col::Left(12),
        Col::Free,
    ]);
    table.row(out, &words::proposal_header(l))?;
    for p in list {
        table.row(
            out,
            &[
                &p.id.to_string(),
                &sanitize_line(&p.citizen),
                &sanitize_line(&p.lead_title),
                &sanitize_line(&p.company),
                p.outcome.name(l.da()),
                &fmt_date(p.at.date(), l.da()),
            ],
        )?;
    }
    Ok(())
}

/// `jobdesk import companies FILE`.
pub fn import_companies(a: &ImportCompaniesArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let bytes = std::fs::read(&a.file).map_err(|e| {
        user(crate::i18n::cli::cannot_read(
            ctx.lang,
            &a.file.display().to_string(),
            &e.to_string(),
        ))
    })?;
    let mut store = ctx.open_store(Create::Yes)?;
    let n = crate::import::companies::import(
        &mut store,
        &bytes,
        ctx.now,
        &a.file.display().to_string(),
        ctx.lang,
    )?;
    writeln!(
        out,
        "{}",
        words::imported_companies(ctx.lang, n, &store.path().display().to_string())
    )?;
    Ok(())
}
