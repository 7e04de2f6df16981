//! Companies, their contact persons, their leads (jobs, praktik and løntilskud places), the
//! proposals of citizens to leads, and the history with each company (`company_log`: contacts
//! with the company and the steps of its proposals). Changes return their undo as a
//! [`Change::Company`]; removals are soft (`deleted = 1`) while an undo could bring them back,
//! except the erasure of a contact person (personal data), which is final and audited.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Row, params, params_from_iter};

use super::{Change, Store};
use crate::domain::company::{
    Company, CompanyEdit, CompanyEvent, CompanyLogEntry, ContactPerson, ContactPersonEdit, Cvr,
    Fit, Lead, LeadEdit, LeadKind, LeadStatus, NewCompany, NewCompanyContact, NewContactPerson,
    NewLead, Proposal, ProposalOutcome, fit, groups_from_db, groups_to_db,
};
use crate::domain::dates::{from_db, to_db};
use crate::domain::text::{danish_sort_key, fold};
use crate::domain::{Channel, Outcome, TargetGroup, Word};
use crate::error::Result;
use crate::i18n::company as say;

/// The longest name, title, role, phone or e-mail kept.
const SHORT_TEXT: usize = 200;
/// The longest notes, skills or log note kept.
const LONG_TEXT: usize = 2_000;

/// Which companies a list shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CompanyFilter {
    /// Words that must all be found in the folded name, CVR number or industry.
    pub text: String,
    /// At most this many (`None`: all).
    pub limit: Option<usize>,
    pub offset: usize,
}

/// Which leads a list shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LeadFilter {
    /// Only this company's.
    pub company_id: Option<i64>,
    /// Only open leads.
    pub open_only: bool,
    /// Words that must all be found in the title, skills or company name (folded).
    pub text: String,
    /// At most this many (`None`: all).
    pub limit: Option<usize>,
    pub offset: usize,
}

/// A citizen who fits a lead.
#[derive(Debug, Clone, PartialEq)]
pub struct FittingCitizen {
    pub citizen_id: i64,
    pub name: String,
    pub target_group: TargetGroup,
    pub fit: Fit,
    /// The citizen's proposal to this lead, if already proposed: its id and latest outcome.
    pub proposal: Option<(i64, ProposalOutcome)>,
}

/// An open lead that fits a citizen.
#[derive(Debug, Clone, PartialEq)]
pub struct FittingLead {
    pub lead: Lead,
    pub fit: Fit,
    /// The citizen's proposal to this lead, if already proposed.
    pub proposal: Option<(i64, ProposalOutcome)>,
}

/// What proposing a citizen did.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposed {
    pub proposal_id: i64,
    /// The history entry ("proposed") in the company's log.
    pub log_id: i64,
    /// Applying these undoes it.
    pub undo: Vec<Change>,
}

/// What setting a proposal's outcome (or logging a company contact) did.
#[derive(Debug, Clone, PartialEq)]
pub struct Logged {
    /// The new entry of the company's history.
    pub log_id: i64,
    /// Applying these undoes it.
    pub undo: Vec<Change>,
}

/// A company's fields as stored, for an undo.
#[derive(Debug, Clone, PartialEq)]
pub struct CompanyState {
    pub name: String,
    pub cvr: Option<String>,
    pub address: String,
    pub industry: String,
    pub notes: String,
    pub deleted: bool,
}

/// A contact person's fields as stored, for an undo.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonState {
    pub name: String,
    pub role: String,
    pub phone: String,
    pub email: String,
    pub deleted: bool,
}

/// A lead's fields as stored, for an undo.
#[derive(Debug, Clone, PartialEq)]
pub struct LeadState {
    pub kind: LeadKind,
    pub title: String,
    pub hours: Option<f64>,
    pub start: Option<NaiveDate>,
    pub deadline: Option<NaiveDate>,
    pub target_groups: Vec<TargetGroup>,
    pub skills: String,
    pub status: LeadStatus,
    pub deleted: bool,
}

/// One reversible change to companies, leads and proposals (inside [`Change::Company`]).
/// Applying it returns the change that undoes it.
#[derive(Debug, Clone, PartialEq)]
pub enum CompanyChange {
    /// Set a company's fields (and deleted flag).
    Company { id: i64, state: CompanyState },
    /// Set a contact person's fields (and deleted flag).
    Person { id: i64, state: PersonState },
    /// Set a lead's fields (and deleted flag).
    Lead { id: i64, state: Box<LeadState> },
    /// Set a proposal's latest outcome, its time and note, and its deleted flag.
    Proposal {
        id: i64,
        outcome: ProposalOutcome,
        at: NaiveDateTime,
        note: String,
        deleted: bool,
    },
    /// Set an entry of a company's history deleted (or bring it back).
    LogEntry { id: i64, deleted: bool },
    /// Set a citizen's wishes and skills.
    Skills { citizen_id: i64, text: String },
}

fn check_text(s: &str, max: usize, what_da: &str, what_en: &str) -> Result<()> {
    if s.chars().count() > max {
        return Err(say::too_long(what_da, what_en, max));
    }
    Ok(())
}

fn check_name(s: &str, what_da: &str, what_en: &str) -> Result<()> {
    if s.trim().is_empty() {
        return Err(say::empty(what_da, what_en));
    }
    check_text(s, SHORT_TEXT, what_da, what_en)
}

fn check_hours(h: Option<f64>) -> Result<()> {
    match h {
        Some(h) if !(h > 0.0 && h <= 80.0) => Err(say::bad_hours(h)),
        _ => Ok(()),
    }
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn date(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

fn bad(i: usize, what: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        i,
        rusqlite::types::Type::Text,
        Box::new(crate::error::UserError(what)),
    )
}

const COMPANY_COLS: &str = "id, uuid, name, cvr, address, industry, notes, created_at";

fn company_from_row(r: &Row<'_>) -> rusqlite::Result<Company> {
    let created: String = r.get(7)?;
    Ok(Company {
        id: r.get(0)?,
        uuid: r.get(1)?,
        name: r.get(2)?,
        cvr: r
            .get::<_, Option<String>>(3)?
            .and_then(|s| Cvr::parse(&s).ok()),
        address: r.get(4)?,
        industry: r.get(5)?,
        notes: r.get(6)?,
        created_at: from_db(&created).ok_or_else(|| bad(7, format!("bad time '{created}'")))?,
    })
}

const PERSON_COLS: &str = "id, uuid, company_id, name, role, phone, email";

fn person_from_row(r: &Row<'_>) -> rusqlite::Result<ContactPerson> {
    Ok(ContactPerson {
        id: r.get(0)?,
        uuid: r.get(1)?,
        company_id: r.get(2)?,
        name: r.get(3)?,
        role: r.get(4)?,
        phone: r.get(5)?,
        email: r.get(6)?,
    })
}

const LEAD_COLS: &str = "l.id, l.uuid, l.company_id, co.name, l.kind, l.title, l.hours, l.start, \
     l.deadline, l.target_groups, l.skills, l.status, l.created_at";

fn lead_from_row(r: &Row<'_>) -> rusqlite::Result<Lead> {
    let kind: String = r.get(4)?;
    let status: String = r.get(11)?;
    let created: String = r.get(12)?;
    let groups: String = r.get(9)?;
    Ok(Lead {
        id: r.get(0)?,
        uuid: r.get(1)?,
        company_id: r.get(2)?,
        company: r.get(3)?,
        kind: LeadKind::parse(&kind).map_err(|e| bad(4, e))?,
        title: r.get(5)?,
        hours: r.get(6)?,
        start: date(r.get(7)?),
        deadline: date(r.get(8)?),
        target_groups: groups_from_db(&groups),
        skills: r.get(10)?,
        status: LeadStatus::parse(&status).map_err(|e| bad(11, e))?,
        created_at: from_db(&created).ok_or_else(|| bad(12, format!("bad time '{created}'")))?,
    })
}

const PROPOSAL_COLS: &str = "p.id, p.uuid, p.lead_id, l.title, l.kind, l.company_id, co.name, \
     p.citizen_id, c.name, p.outcome, p.at, p.note";
const PROPOSAL_FROM: &str = "proposals p JOIN leads l ON l.id = p.lead_id \
     JOIN companies co ON co.id = l.company_id JOIN citizens c ON c.id = p.citizen_id";

fn proposal_from_row(r: &Row<'_>) -> rusqlite::Result<Proposal> {
    let kind: String = r.get(4)?;
    let outcome: String = r.get(9)?;
    let at: String = r.get(10)?;
    Ok(Proposal {
        id: r.get(0)?,
        uuid: r.get(1)?,
        lead_id: r.get(2)?,
        lead_title: r.get(3)?,
        lead_kind: LeadKind::parse(&kind).map_err(|e| bad(4, e))?,
        company_id: r.get(5)?,
        company: r.get(6)?,
        citizen_id: r.get(7)?,
        citizen: r.get(8)?,
        outcome: ProposalOutcome::parse(&outcome).map_err(|e| bad(9, e))?,
        at: from_db(&at).ok_or_else(|| bad(10, format!("bad time '{at}'")))?,
        note: r.get(11)?,
    })
}

const LOG_COLS: &str = "g.id, g.uuid, g.company_id, co.name, g.person_id, pe.name, g.proposal_id, \
     g.citizen_id, c.name, l.title, g.at, g.channel, g.outcome, g.minutes, g.note";
const LOG_FROM: &str = "company_log g JOIN companies co ON co.id = g.company_id \
     LEFT JOIN company_contacts pe ON pe.id = g.person_id \
     LEFT JOIN citizens c ON c.id = g.citizen_id \
     LEFT JOIN proposals p ON p.id = g.proposal_id LEFT JOIN leads l ON l.id = p.lead_id";

fn log_from_row(r: &Row<'_>) -> rusqlite::Result<CompanyLogEntry> {
    let at: String = r.get(10)?;
    let channel: Option<String> = r.get(11)?;
    let outcome: String = r.get(12)?;
    let proposal_id: Option<i64> = r.get(6)?;
    let event = if proposal_id.is_some() {
        CompanyEvent::Proposal(ProposalOutcome::parse(&outcome).map_err(|e| bad(12, e))?)
    } else {
        CompanyEvent::Contact(Outcome::parse(&outcome).map_err(|e| bad(12, e))?)
    };
    Ok(CompanyLogEntry {
        id: r.get(0)?,
        uuid: r.get(1)?,
        company_id: r.get(2)?,
        company: r.get(3)?,
        person_id: r.get(4)?,
        person: r.get(5)?,
        proposal_id,
        citizen_id: r.get(7)?,
        citizen: r.get(8)?,
        lead_title: r.get(9)?,
        at: from_db(&at).ok_or_else(|| bad(10, format!("bad time '{at}'")))?,
        channel: channel.and_then(|c| Channel::parse(&c).ok()),
        event,
        minutes: r.get(13)?,
        note: r.get(14)?,
    })
}

/// Checks a new company's fields and that its CVR number is free (`except`: the company
/// being changed).
fn check_company(
    tx: &rusqlite::Connection,
    name: &str,
    cvr: Option<&str>,
    address: &str,
    industry: &str,
    notes: &str,
    except: Option<i64>,
) -> Result<()> {
    check_name(name, "navnet", "name")?;
    check_text(address, SHORT_TEXT, "adressen", "address")?;
    check_text(industry, SHORT_TEXT, "branchen", "industry")?;
    check_text(notes, LONG_TEXT, "noterne", "notes")?;
    if let Some(cvr) = cvr {
        let other: Option<i64> = tx
            .prepare_cached("SELECT id FROM companies WHERE cvr = ?1")?
            .query_row([cvr], |r| r.get(0))
            .optional()?;
        if let Some(other) = other.filter(|o| Some(*o) != except) {
            return Err(say::cvr_taken(cvr, other));
        }
    }
    Ok(())
}

/// Inserts a company on any connection (the import uses it too); returns its id.
pub(crate) fn insert_company(
    tx: &rusqlite::Connection,
    c: &NewCompany,
    created: &str,
) -> Result<i64> {
    let name = c.name.trim();
    let cvr = c.cvr.as_ref().map(Cvr::as_str);
    check_company(tx, name, cvr, &c.address, &c.industry, &c.notes, None)?;
    tx.prepare_cached(
        "INSERT INTO companies (uuid, name, name_key, sort_key, cvr, address, industry, notes, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        uuid::Uuid::new_v4().to_string(),
        name,
        fold(name),
        danish_sort_key(name),
        cvr,
        c.address.trim(),
        c.industry.trim(),
        c.notes.trim(),
        created,
    ])
    .map_err(super::open::explain_sqlite)?;
    Ok(tx.last_insert_rowid())
}

fn company_state(tx: &rusqlite::Connection, id: i64) -> Result<CompanyState> {
    tx.prepare_cached(
        "SELECT name, cvr, address, industry, notes, deleted FROM companies WHERE id = ?1",
    )?
    .query_row([id], |r| {
        Ok(CompanyState {
            name: r.get(0)?,
            cvr: r.get(1)?,
            address: r.get(2)?,
            industry: r.get(3)?,
            notes: r.get(4)?,
            deleted: r.get(5)?,
        })
    })
    .optional()?
    .ok_or_else(|| say::no_company(id))
}

fn person_state(tx: &rusqlite::Connection, id: i64) -> Result<PersonState> {
    tx.prepare_cached(
        "SELECT name, role, phone, email, deleted FROM company_contacts WHERE id = ?1",
    )?
    .query_row([id], |r| {
        Ok(PersonState {
            name: r.get(0)?,
            role: r.get(1)?,
            phone: r.get(2)?,
            email: r.get(3)?,
            deleted: r.get(4)?,
        })
    })
    .optional()?
    .ok_or_else(|| say::no_person(id))
}

fn lead_state(tx: &rusqlite::Connection, id: i64) -> Result<LeadState> {
    let row = tx
        .prepare_cached(
            "SELECT kind, title, hours, start, deadline, target_groups, skills, status, deleted
             FROM leads WHERE id = ?1",
        )?
        .query_row([id], |r| {
            let kind: String = r.get(0)?;
            let status: String = r.get(7)?;
            let groups: String = r.get(5)?;
            Ok(LeadState {
                kind: LeadKind::parse(&kind).map_err(|e| bad(0, e))?,
                title: r.get(1)?,
                hours: r.get(2)?,
                start: date(r.get(3)?),
                deadline: date(r.get(4)?),
                target_groups: groups_from_db(&groups),
                skills: r.get(6)?,
                status: LeadStatus::parse(&status).map_err(|e| bad(7, e))?,
                deleted: r.get(8)?,
            })
        })
        .optional()?;
    row.ok_or_else(|| say::no_lead(id))
}

fn check_lead(l: &LeadState) -> Result<()> {
    check_name(&l.title, "titlen", "title")?;
    check_text(&l.skills, LONG_TEXT, "kompetencerne", "skills")?;
    check_hours(l.hours)?;
    if let (Some(s), Some(d)) = (l.start, l.deadline)
        && d > s
    {
        return Err(say::deadline_after_start());
    }
    Ok(())
}

/// Inserts a lead on any connection; returns its id.
pub(crate) fn insert_lead(tx: &rusqlite::Connection, l: &NewLead, created: &str) -> Result<i64> {
    let live: Option<bool> = tx
        .prepare_cached("SELECT deleted FROM companies WHERE id = ?1")?
        .query_row([l.company_id], |r| r.get(0))
        .optional()?;
    if live != Some(false) {
        return Err(say::no_company(l.company_id));
    }
    check_lead(&LeadState {
        kind: l.kind,
        title: l.title.clone(),
        hours: l.hours,
        start: l.start,
        deadline: l.deadline,
        target_groups: l.target_groups.clone(),
        skills: l.skills.clone(),
        status: l.status,
        deleted: false,
    })?;
    tx.prepare_cached(
        "INSERT INTO leads (uuid, company_id, kind, title, hours, start, deadline, target_groups,
                            skills, status, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        uuid::Uuid::new_v4().to_string(),
        l.company_id,
        l.kind.key(),
        l.title.trim(),
        l.hours,
        l.start.map(iso),
        l.deadline.map(iso),
        groups_to_db(&l.target_groups),
        l.skills.trim(),
        l.status.key(),
        created,
    ])?;
    Ok(tx.last_insert_rowid())
}

/// Writes one entry of a company's history; returns its id.
#[allow(clippy::too_many_arguments)]
fn insert_log(
    tx: &rusqlite::Connection,
    company_id: i64,
    person_id: Option<i64>,
    proposal: Option<(i64, i64)>,
    at: NaiveDateTime,
    channel: Option<Channel>,
    outcome: &str,
    minutes: i64,
    note: &str,
    created: &str,
) -> Result<i64> {
    tx.prepare_cached(
        "INSERT INTO company_log (uuid, company_id, person_id, proposal_id, citizen_id, at, channel,
                                  outcome, minutes, note, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        uuid::Uuid::new_v4().to_string(),
        company_id,
        person_id,
        proposal.map(|p| p.0),
        proposal.map(|p| p.1),
        to_db(at),
        channel.map(|c| c.key()),
        outcome,
        minutes,
        note.trim(),
        created,
    ])?;
    Ok(tx.last_insert_rowid())
}

/// Applies one company change; returns its inverse and the citizen it touched, if one.
pub(super) fn apply_company_change(
    tx: &rusqlite::Connection,
    ch: &CompanyChange,
) -> Result<(CompanyChange, Option<i64>)> {
    Ok(match ch {
        CompanyChange::Company { id, state } => {
            let old = company_state(tx, *id)?;
            check_company(
                tx,
                &state.name,
                state.cvr.as_deref(),
                &state.address,
                &state.industry,
                &state.notes,
                Some(*id),
            )?;
            tx.prepare_cached(
                "UPDATE companies SET name = ?2, name_key = ?3, sort_key = ?4, cvr = ?5, address = ?6,
                        industry = ?7, notes = ?8, deleted = ?9 WHERE id = ?1",
            )?
            .execute(params![
                id,
                state.name.trim(),
                fold(state.name.trim()),
                danish_sort_key(state.name.trim()),
                state.cvr,
                state.address,
                state.industry,
                state.notes,
                state.deleted
            ])
            .map_err(super::open::explain_sqlite)?;
            (
                CompanyChange::Company {
                    id: *id,
                    state: old,
                },
                None,
            )
        }
        CompanyChange::Person { id, state } => {
            let old = person_state(tx, *id)?;
            check_name(&state.name, "navnet", "name")?;
            for (v, da, en) in [
                (&state.role, "rollen", "role"),
                (&state.phone, "telefonnummeret", "phone"),
                (&state.email, "e-mailen", "e-mail"),
            ] {
                check_text(v, SHORT_TEXT, da, en)?;
            }
            tx.prepare_cached(
                "UPDATE company_contacts SET name = ?2, role = ?3, phone = ?4, email = ?5, deleted = ?6
                 WHERE id = ?1",
            )?
            .execute(params![
                id,
                state.name.trim(),
                state.role,
                state.phone,
                state.email,
                state.deleted
            ])?;
            (
                CompanyChange::Person {
                    id: *id,
                    state: old,
                },
                None,
            )
        }
        CompanyChange::Lead { id, state } => {
            let old = lead_state(tx, *id)?;
            check_lead(state)?;
            tx.prepare_cached(
                "UPDATE leads SET kind = ?2, title = ?3, hours = ?4, start = ?5, deadline = ?6,
                        target_groups = ?7, skills = ?8, status = ?9, deleted = ?10 WHERE id = ?1",
            )?
            .execute(params![
                id,
                state.kind.key(),
                state.title.trim(),
                state.hours,
                state.start.map(iso),
                state.deadline.map(iso),
                groups_to_db(&state.target_groups),
                state.skills,
                state.status.key(),
                state.deleted
            ])?;
            (
                CompanyChange::Lead {
                    id: *id,
                    state: Box::new(old),
                },
                None,
            )
        }
        CompanyChange::Proposal {
            id,
            outcome,
            at,
            note,
            deleted,
        } => {
            type Old = (String, String, String, bool, i64);
            let old: Option<Old> = tx
                .prepare_cached(
                    "SELECT outcome, at, note, deleted, citizen_id FROM proposals WHERE id = ?1",
                )?
                .query_row([id], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                })
                .optional()?;
            let (o, a, n, d, citizen) = old.ok_or_else(|| say::no_proposal(*id))?;
            check_text(note, LONG_TEXT, "notatet", "note")?;
            tx.prepare_cached(
                "UPDATE proposals SET outcome = ?2, at = ?3, note = ?4, deleted = ?5 WHERE id = ?1",
            )?
            .execute(params![id, outcome.key(), to_db(*at), note, deleted])?;
            (
                CompanyChange::Proposal {
                    id: *id,
                    outcome: ProposalOutcome::parse(&o).unwrap_or(ProposalOutcome::Proposed),
                    at: from_db(&a).unwrap_or(*at),
                    note: n,
                    deleted: d,
                },
                Some(citizen),
            )
        }
        CompanyChange::LogEntry { id, deleted } => {
            let old: Option<(bool, Option<i64>)> = tx
                .prepare_cached("SELECT deleted, citizen_id FROM company_log WHERE id = ?1")?
                .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            let (old, citizen) = old.ok_or_else(|| {
                anyhow::Error::new(super::Error::Gone {
                    what: super::Row::Contact,
                    id: *id,
                })
            })?;
            tx.prepare_cached("UPDATE company_log SET deleted = ?2 WHERE id = ?1")?
                .execute(params![id, deleted])?;
            (
                CompanyChange::LogEntry {
                    id: *id,
                    deleted: old,
                },
                citizen,
            )
        }
        CompanyChange::Skills { citizen_id, text } => {
            let old: String = tx
                .prepare_cached("SELECT skills FROM citizens WHERE id = ?1")?
                .query_row([citizen_id], |r| r.get(0))
                .optional()?
                .ok_or_else(|| super::no_citizen(*citizen_id))?;
            check_text(
                text,
                LONG_TEXT,
                "ønsker og kompetencer",
                "wishes and skills",
            )?;
            tx.prepare_cached("UPDATE citizens SET skills = ?2 WHERE id = ?1")?
                .execute(params![citizen_id, text.trim()])?;
            (
                CompanyChange::Skills {
                    citizen_id: *citizen_id,
                    text: old,
                },
                Some(*citizen_id),
            )
        }
    })
}

/// `Change::Company` around a company change.
fn wrap(c: CompanyChange) -> Change {
    Change::Company(Box::new(c))
}

/// The folded words of a filter line and the SQL that finds them all in `cols`, appending the
/// values to `args`.
fn words_condition(text: &str, cols: &[&str], args: &mut Vec<Value>) -> String {
    let mut cond = String::new();
    for w in fold(text).split_whitespace() {
        args.push(Value::Text(w.to_string()));
        let n = args.len();
        let any: Vec<String> = cols
            .iter()
            .map(|c| format!("instr({c}, ?{n}) > 0"))
            .collect();
        cond.push_str(&format!(" AND ({})", any.join(" OR ")));
    }
    cond
}

impl Store {
    // --- companies -------------------------------------------------------------------------

    /// Adds a company and returns its id. Refused: an empty name, a CVR number another
    /// company has. (Its CVR number is checked when the [`Cvr`] is made.)
    pub fn add_company(&mut self, c: &NewCompany) -> Result<i64> {
        let created = to_db(self.clock.now());
        self.write(|tx| insert_company(tx, c, &created))
    }

    /// Adds a company and returns its id and the change that takes it away again (the desk's
    /// undo).
    pub fn add_company_undoable(&mut self, c: &NewCompany) -> Result<(i64, Change)> {
        let id = self.add_company(c)?;
        let mut state = self.write(|tx| company_state(tx, id))?;
        state.deleted = true;
        Ok((id, wrap(CompanyChange::Company { id, state })))
    }

    /// Changes a company's fields; returns the undo.
    pub fn edit_company(&mut self, id: i64, e: &CompanyEdit) -> Result<Change> {
        let old = self.write(|tx| company_state(tx, id))?;
        if old.deleted {
            return Err(say::no_company(id));
        }
        let state = CompanyState {
            name: e.name.clone().unwrap_or(old.name.clone()),
            cvr: match &e.cvr {
                Some(c) => c.as_ref().map(|c| c.as_str().to_string()),
                None => old.cvr.clone(),
            },
            address: e.address.clone().unwrap_or(old.address.clone()),
            industry: e.industry.clone().unwrap_or(old.industry.clone()),
            notes: e.notes.clone().unwrap_or(old.notes.clone()),
            deleted: false,
        };
        let inv = self.apply(&[wrap(CompanyChange::Company { id, state })])?;
        Ok(Change::Several(inv))
    }

    /// Removes a company (soft, with its leads and history hidden with it); returns the undo.
    pub fn delete_company(&mut self, id: i64) -> Result<Change> {
        let mut state = self.write(|tx| company_state(tx, id))?;
        state.deleted = true;
        let inv = self.apply(&[wrap(CompanyChange::Company { id, state })])?;
        Ok(Change::Several(inv))
    }

    /// One live company.
    pub fn company(&self, id: i64) -> Result<Company> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {COMPANY_COLS} FROM companies WHERE id = ?1 AND deleted = 0"
            ))?
            .query_row([id], company_from_row)
            .optional()?
            .ok_or_else(|| say::no_company(id))
    }

    /// The live company with this CVR number, if one.
    pub fn company_by_cvr(&self, cvr: &Cvr) -> Result<Option<Company>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {COMPANY_COLS} FROM companies WHERE cvr = ?1 AND deleted = 0"
            ))?
            .query_row([cvr.as_str()], company_from_row)
            .optional()?)
    }

    /// Live companies in Danish alphabetical order, filtered by the words of `f.text` (found
    /// in the folded name, the CVR number or the industry).
    pub fn companies(&self, f: &CompanyFilter) -> Result<Vec<Company>> {
        let mut args = Vec::new();
        let cond = words_condition(
            &f.text,
            &["name_key", "coalesce(cvr, '')", "fold(industry)"],
            &mut args,
        );
        let limit = f.limit.map(|l| l as i64).unwrap_or(-1);
        let sql = format!(
            "SELECT {COMPANY_COLS} FROM companies WHERE deleted = 0{cond}
             ORDER BY sort_key, id LIMIT {limit} OFFSET {}",
            f.offset
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(params_from_iter(args), company_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// How many live companies the filter finds.
    pub fn company_count(&self, text: &str) -> Result<usize> {
        let mut args = Vec::new();
        let cond = words_condition(
            text,
            &["name_key", "coalesce(cvr, '')", "fold(industry)"],
            &mut args,
        );
        let sql = format!("SELECT count(*) FROM companies WHERE deleted = 0{cond}");
        let n: i64 = self
            .conn
            .prepare_cached(&sql)?
            .query_row(params_from_iter(args), |r| r.get(0))?;
        Ok(n.max(0) as usize)
    }

    /// Companies whose folded name starts with, or holds, the folded `text` (quick-add's
    /// "virksomhedsbesøg Bager Hansen"): those whose name starts with it first; at most
    /// `limit`.
    pub fn companies_named(&self, text: &str, limit: usize) -> Result<Vec<Company>> {
        let key = fold(text.trim());
        if key.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT {COMPANY_COLS} FROM companies WHERE deleted = 0 AND instr(name_key, ?1) > 0
             ORDER BY instr(name_key, ?1) <> 1, sort_key, id LIMIT ?2"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(params![key, limit as i64], company_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Adds many companies in one transaction (all or nothing), with the audit entry of the
    /// import; returns their ids.
    pub fn add_companies_audited(
        &mut self,
        list: &[NewCompany],
        audit: &super::NewAudit,
    ) -> Result<Vec<i64>> {
        let created = to_db(self.clock.now());
        self.write(|tx| {
            let mut ids = Vec::with_capacity(list.len());
            for c in list {
                ids.push(insert_company(tx, c, &created)?);
            }
            super::record_audit_on(tx, audit)?;
            Ok(ids)
        })
    }

    /// How many open live leads each company has (companies without any are left out).
    pub fn open_lead_counts(&self) -> Result<std::collections::HashMap<i64, usize>> {
        let mut st = self.conn.prepare_cached(
            "SELECT company_id, count(*) FROM leads WHERE status = 'open' AND deleted = 0
             GROUP BY company_id",
        )?;
        let rows = st.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?;
        let mut out = std::collections::HashMap::new();
        for row in rows {
            let (id, n) = row?;
            out.insert(id, n.max(0) as usize);
        }
        Ok(out)
    }

    // --- contact persons -------------------------------------------------------------------

    /// Adds a contact person to a company; returns the id and the undo (taking them away).
    pub fn add_contact_person(&mut self, p: &NewContactPerson) -> Result<(i64, Change)> {
        self.company(p.company_id)?;
        check_name(&p.name, "navnet", "name")?;
        for (v, da, en) in [
            (&p.role, "rollen", "role"),
            (&p.phone, "telefonnummeret", "phone"),
            (&p.email, "e-mailen", "e-mail"),
        ] {
            check_text(v, SHORT_TEXT, da, en)?;
        }
        let created = to_db(self.clock.now());
        let id = self.write(|tx| {
            tx.prepare_cached(
                "INSERT INTO company_contacts (uuid, company_id, name, role, phone, email, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?
            .execute(params![
                uuid::Uuid::new_v4().to_string(),
                p.company_id,
                p.name.trim(),
                p.role.trim(),
                p.phone.trim(),
                p.email.trim(),
                created
            ])?;
            Ok(tx.last_insert_rowid())
        })?;
        let undo = wrap(CompanyChange::Person {
            id,
            state: PersonState {
                name: p.name.trim().to_string(),
                role: p.role.trim().to_string(),
                phone: p.phone.trim().to_string(),
                email: p.email.trim().to_string(),
                deleted: true,
            },
        });
        Ok((id, undo))
    }

    /// Changes a contact person's fields; returns the undo.
    pub fn edit_contact_person(&mut self, id: i64, e: &ContactPersonEdit) -> Result<Change> {
        let old = self.write(|tx| person_state(tx, id))?;
        if old.deleted {
            return Err(say::no_person(id));
        }
        let state = PersonState {
            name: e.name.clone().unwrap_or(old.name.clone()),
            role: e.role.clone().unwrap_or(old.role.clone()),
            phone: e.phone.clone().unwrap_or(old.phone.clone()),
            email: e.email.clone().unwrap_or(old.email.clone()),
            deleted: false,
        };
        let changed: Vec<&str> = [
            ("name", state.name != old.name),
            ("role", state.role != old.role),
            ("phone", state.phone != old.phone),
            ("email", state.email != old.email),
        ]
        .into_iter()
        .filter_map(|(field, differs)| differs.then_some(field))
        .collect();
        let inv = self.apply(&[wrap(CompanyChange::Person { id, state })])?;
        if !changed.is_empty() {
            // Personal data: which fields changed is audited, never their values.
            let audit = super::NewAudit::new(self.clock.now(), super::Action::EditContactPerson)
                .rows(1)
                .detail(format!("company contact {id}: {}", changed.join(", ")));
            self.write(|tx| super::record_audit_on(tx, &audit))?;
        }
        Ok(Change::Several(inv))
    }

    /// One live contact person.
    pub fn contact_person(&self, id: i64) -> Result<ContactPerson> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {PERSON_COLS} FROM company_contacts WHERE id = ?1 AND deleted = 0"
            ))?
            .query_row([id], person_from_row)
            .optional()?
            .ok_or_else(|| say::no_person(id))
    }

    /// A company's live contact persons, by name.
    pub fn contact_persons(&self, company_id: i64) -> Result<Vec<ContactPerson>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {PERSON_COLS} FROM company_contacts WHERE company_id = ?1 AND deleted = 0
             ORDER BY name, id"
        ))?;
        let rows = st.query_map([company_id], person_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Erases a contact person (personal data): the row goes for good (the company's history
    /// keeps its entries, without the person), the audit log records which fields went (their
    /// names, never their values), and the file is scrubbed as for a citizen's erasure.
    /// Returns whether the scrub succeeded (false: another program held the database open).
    pub fn erase_contact_person(&mut self, id: i64, now: NaiveDateTime) -> Result<bool> {
        let _ = self.write(|tx| person_state(tx, id))?;
        self.write(|tx| {
            tx.prepare_cached("UPDATE company_log SET person_id = NULL WHERE person_id = ?1")?
                .execute([id])?;
            tx.prepare_cached("DELETE FROM company_contacts WHERE id = ?1")?
                .execute([id])?;
            super::record_audit_on(
                tx,
                &super::NewAudit::new(now, super::Action::Erase)
                    .rows(1)
                    .detail(format!("company contact {id}: name, role, phone, email")),
            )?;
            Ok(())
        })?;
        self.scrub()
    }

    // --- leads -----------------------------------------------------------------------------

    /// Adds a lead to a live company; returns its id. Refused: an empty title, hours outside
    /// 0–80 a week, a deadline after the start.
    pub fn add_lead(&mut self, l: &NewLead) -> Result<i64> {
        let created = to_db(self.clock.now());
        self.write(|tx| insert_lead(tx, l, &created))
    }

    /// Adds a lead; returns its id and the undo (taking it away).
    pub fn add_lead_undoable(&mut self, l: &NewLead) -> Result<(i64, Change)> {
        let id = self.add_lead(l)?;
        let mut state = self.write(|tx| lead_state(tx, id))?;
        state.deleted = true;
        Ok((
            id,
            wrap(CompanyChange::Lead {
                id,
                state: Box::new(state),
            }),
        ))
    }

    /// Changes a lead's fields (its status too); returns the undo.
    pub fn edit_lead(&mut self, id: i64, e: &LeadEdit) -> Result<Change> {
        let old = self.write(|tx| lead_state(tx, id))?;
        if old.deleted {
            return Err(say::no_lead(id));
        }
        let state = LeadState {
            kind: e.kind.unwrap_or(old.kind),
            title: e.title.clone().unwrap_or(old.title.clone()),
            hours: e.hours.unwrap_or(old.hours),
            start: e.start.unwrap_or(old.start),
            deadline: e.deadline.unwrap_or(old.deadline),
            target_groups: e.target_groups.clone().unwrap_or(old.target_groups.clone()),
            skills: e.skills.clone().unwrap_or(old.skills.clone()),
            status: e.status.unwrap_or(old.status),
            deleted: false,
        };
        let inv = self.apply(&[wrap(CompanyChange::Lead {
            id,
            state: Box::new(state),
        })])?;
        Ok(Change::Several(inv))
    }

    /// One live lead (of a live company).
    pub fn lead(&self, id: i64) -> Result<Lead> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {LEAD_COLS} FROM leads l JOIN companies co ON co.id = l.company_id
                 WHERE l.id = ?1 AND l.deleted = 0 AND co.deleted = 0"
            ))?
            .query_row([id], lead_from_row)
            .optional()?
            .ok_or_else(|| say::no_lead(id))
    }

    /// Live leads: open ones first by deadline (none last), then the rest; filtered.
    pub fn leads(&self, f: &LeadFilter) -> Result<Vec<Lead>> {
        let mut args: Vec<Value> = Vec::new();
        let mut cond = String::new();
        if let Some(c) = f.company_id {
            args.push(Value::Integer(c));
            cond.push_str(&format!(" AND l.company_id = ?{}", args.len()));
        }
        if f.open_only {
            cond.push_str(" AND l.status = 'open'");
        }
        cond.push_str(&words_condition(
            &f.text,
            &["fold(l.title)", "fold(l.skills)", "co.name_key"],
            &mut args,
        ));
        let limit = f.limit.map(|l| l as i64).unwrap_or(-1);
        let sql = format!(
            "SELECT {LEAD_COLS} FROM leads l JOIN companies co ON co.id = l.company_id
             WHERE l.deleted = 0 AND co.deleted = 0{cond}
             ORDER BY l.status <> 'open', l.deadline IS NULL, l.deadline, l.id
             LIMIT {limit} OFFSET {}",
            f.offset
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(params_from_iter(args), lead_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// How many live leads the filter finds (its limit and offset ignored).
    pub fn lead_count(&self, f: &LeadFilter) -> Result<usize> {
        let all = LeadFilter {
            limit: None,
            offset: 0,
            ..f.clone()
        };
        // Counting reads the same rows; leads are few enough per company for this.
        Ok(self.leads(&all)?.len())
    }

    // --- matching --------------------------------------------------------------------------

    /// The active citizens who fit a lead ([`crate::domain::company::fit`]): best fits first
    /// (more shared words, a named group), then by name. Each says whether they are already
    /// proposed to it.
    pub fn fitting_citizens(&self, lead_id: i64) -> Result<Vec<FittingCitizen>> {
        let lead = self.lead(lead_id)?;
        let proposed = self.proposal_map("lead_id", lead_id)?;
        let mut st = self.conn.prepare_cached(
            "SELECT id, name, target_group, skills FROM citizens WHERE archived = 0
             ORDER BY sort_key, id",
        )?;
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, name, group, skills) = row?;
            let group = TargetGroup::parse(&group).unwrap_or(TargetGroup::Other);
            if let Some(f) = fit(&lead.target_groups, &lead.skills, group, &skills) {
                out.push(FittingCitizen {
                    citizen_id: id,
                    name,
                    target_group: group,
                    fit: f,
                    proposal: proposed.iter().find(|p| p.0 == id).map(|p| (p.1, p.2)),
                });
            }
        }
        // Stable: equal scores keep the caseload's order.
        out.sort_by_key(|c| std::cmp::Reverse(c.fit.score()));
        Ok(out)
    }

    /// The open leads that fit a citizen (for the card): best fits first, then by deadline.
    pub fn fitting_leads(&self, citizen_id: i64) -> Result<Vec<FittingLead>> {
        let (group, skills): (String, String) = self
            .conn
            .prepare_cached("SELECT target_group, skills FROM citizens WHERE id = ?1")?
            .query_row([citizen_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?
            .ok_or_else(|| super::no_citizen(citizen_id))?;
        let group = TargetGroup::parse(&group).unwrap_or(TargetGroup::Other);
        let proposed = self.proposal_map("citizen_id", citizen_id)?;
        let sql = format!(
            "SELECT {LEAD_COLS} FROM leads l JOIN companies co ON co.id = l.company_id
             WHERE l.deleted = 0 AND co.deleted = 0 AND l.status = 'open'
               AND (l.target_groups = '' OR instr(',' || l.target_groups || ',', ?1) > 0)
             ORDER BY l.deadline IS NULL, l.deadline, l.id"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map([format!(",{},", group.key())], lead_from_row)?;
        let mut out = Vec::new();
        for lead in rows {
            let lead = lead?;
            if let Some(f) = fit(&lead.target_groups, &lead.skills, group, &skills) {
                let proposal = proposed.iter().find(|p| p.0 == lead.id).map(|p| (p.1, p.2));
                out.push(FittingLead {
                    lead,
                    fit: f,
                    proposal,
                });
            }
        }
        out.sort_by_key(|l| std::cmp::Reverse(l.fit.score()));
        Ok(out)
    }

    /// (the other side's id, proposal id, outcome) of the live proposals of a lead or citizen.
    fn proposal_map(&self, col: &str, id: i64) -> Result<Vec<(i64, i64, ProposalOutcome)>> {
        let other = if col == "lead_id" {
            "citizen_id"
        } else {
            "lead_id"
        };
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {other}, id, outcome FROM proposals WHERE {col} = ?1 AND deleted = 0"
        ))?;
        let rows = st.query_map([id], |r| {
            let o: String = r.get(2)?;
            Ok((
                r.get(0)?,
                r.get(1)?,
                ProposalOutcome::parse(&o).unwrap_or(ProposalOutcome::Proposed),
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    // --- proposals -------------------------------------------------------------------------

    /// Proposes a citizen to an open lead at `at`: a proposal ("proposed") and its entry in
    /// the company's history. Refused: a lead not open, a citizen already proposed to it.
    pub fn propose(
        &mut self,
        lead_id: i64,
        citizen_id: i64,
        at: NaiveDateTime,
        note: &str,
    ) -> Result<Proposed> {
        let lead = self.lead(lead_id)?;
        self.require_citizen(citizen_id)?;
        if lead.status != LeadStatus::Open {
            return Err(say::lead_not_open(lead_id, lead.status));
        }
        if let Some((_, pid, _)) = self
            .proposal_map("lead_id", lead_id)?
            .into_iter()
            .find(|p| p.0 == citizen_id)
        {
            return Err(say::already_proposed(citizen_id, lead_id, pid));
        }
        check_text(note, LONG_TEXT, "notatet", "note")?;
        let created = to_db(self.clock.now());
        let (proposal_id, log_id) = self.write(|tx| {
            tx.prepare_cached(
                "INSERT INTO proposals (uuid, lead_id, citizen_id, outcome, at, note, created_at)
                 VALUES (?1, ?2, ?3, 'proposed', ?4, ?5, ?6)",
            )?
            .execute(params![
                uuid::Uuid::new_v4().to_string(),
                lead_id,
                citizen_id,
                to_db(at),
                note.trim(),
                created
            ])?;
            let pid = tx.last_insert_rowid();
            let log = insert_log(
                tx,
                lead.company_id,
                None,
                Some((pid, citizen_id)),
                at,
                None,
                ProposalOutcome::Proposed.key(),
                0,
                note,
                &created,
            )?;
            Ok((pid, log))
        })?;
        let undo = vec![
            wrap(CompanyChange::LogEntry {
                id: log_id,
                deleted: true,
            }),
            wrap(CompanyChange::Proposal {
                id: proposal_id,
                outcome: ProposalOutcome::Proposed,
                at,
                note: note.trim().to_string(),
                deleted: true,
            }),
        ];
        Ok(Proposed {
            proposal_id,
            log_id,
            undo,
        })
    }

    /// Sets a proposal's outcome (an interview, a start, a no) at `at`, and logs the step in
    /// the company's history (the citizen's card shows it too). A start fills the lead when it
    /// is open (a lead is one place). Setting the outcome it already has is refused. Returns the
    /// entry and the undo (of all of it).
    pub fn set_proposal_outcome(
        &mut self,
        id: i64,
        outcome: ProposalOutcome,
        at: NaiveDateTime,
        note: &str,
    ) -> Result<Logged> {
        let p = self.proposal(id)?;
        if p.outcome == outcome {
            return Err(say::same_outcome(id, outcome));
        }
        check_text(note, LONG_TEXT, "notatet", "note")?;
        let created = to_db(self.clock.now());
        let note = note.trim().to_string();
        let (log_id, inv, filled) = self.write(|tx| {
            let log = insert_log(
                tx,
                p.company_id,
                None,
                Some((id, p.citizen_id)),
                at,
                None,
                outcome.key(),
                0,
                &note,
                &created,
            )?;
            let (inv, _) = apply_company_change(
                tx,
                &CompanyChange::Proposal {
                    id,
                    outcome,
                    at,
                    note: if note.is_empty() {
                        p.note.clone()
                    } else {
                        note.clone()
                    },
                    deleted: false,
                },
            )?;
            // A lead is one place: a start fills it (an open one; undone with the step).
            let mut filled = None;
            if outcome == ProposalOutcome::Started {
                let lead = lead_state(tx, p.lead_id)?;
                if lead.status == LeadStatus::Open && !lead.deleted {
                    let (back, _) = apply_company_change(
                        tx,
                        &CompanyChange::Lead {
                            id: p.lead_id,
                            state: Box::new(LeadState {
                                status: LeadStatus::Filled,
                                ..lead
                            }),
                        },
                    )?;
                    filled = Some(back);
                }
            }
            Ok((log, inv, filled))
        })?;
        let mut undo = vec![
            wrap(CompanyChange::LogEntry {
                id: log_id,
                deleted: true,
            }),
            wrap(inv),
        ];
        undo.extend(filled.map(wrap));
        Ok(Logged { log_id, undo })
    }

    /// One live proposal.
    pub fn proposal(&self, id: i64) -> Result<Proposal> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {PROPOSAL_COLS} FROM {PROPOSAL_FROM} WHERE p.id = ?1 AND p.deleted = 0"
            ))?
            .query_row([id], proposal_from_row)
            .optional()?
            .ok_or_else(|| say::no_proposal(id))
    }

    /// A citizen's live proposals, the latest step first (for the card).
    pub fn proposals_of_citizen(&self, citizen_id: i64) -> Result<Vec<Proposal>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {PROPOSAL_COLS} FROM {PROPOSAL_FROM}
             WHERE p.citizen_id = ?1 AND p.deleted = 0 AND l.deleted = 0 AND co.deleted = 0
             ORDER BY p.at DESC, p.id DESC"
        ))?;
        let rows = st.query_map([citizen_id], proposal_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// A lead's live proposals, the latest step first.
    pub fn proposals_of_lead(&self, lead_id: i64) -> Result<Vec<Proposal>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {PROPOSAL_COLS} FROM {PROPOSAL_FROM}
             WHERE p.lead_id = ?1 AND p.deleted = 0 ORDER BY p.at DESC, p.id DESC"
        ))?;
        let rows = st.query_map([lead_id], proposal_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The citizen's latest proposal that "started" (a job, a praktik or a løntilskud place),
    /// if one: what the card shows as started.
    pub fn started(&self, citizen_id: i64) -> Result<Option<Proposal>> {
        Ok(self
            .proposals_of_citizen(citizen_id)?
            .into_iter()
            .find(|p| p.outcome == ProposalOutcome::Started))
    }

    // --- the history with a company --------------------------------------------------------

    /// Logs a contact with a company (a call, a visit, an e-mail), with a contact person if
    /// one; returns the entry and the undo.
    pub fn log_company_contact(&mut self, c: &NewCompanyContact) -> Result<Logged> {
        let company = self.company(c.company_id)?;
        if let Some(p) = c.person_id {
            let person = self.contact_person(p)?;
            if person.company_id != company.id {
                return Err(say::no_person(p));
            }
        }
        if !(0..=24 * 60).contains(&c.minutes) {
            return Err(say::bad_minutes(c.minutes));
        }
        check_text(&c.note, LONG_TEXT, "notatet", "note")?;
        let created = to_db(self.clock.now());
        let log_id = self.write(|tx| {
            insert_log(
                tx,
                c.company_id,
                c.person_id,
                None,
                c.at,
                Some(c.channel),
                c.outcome.key(),
                c.minutes,
                &c.note,
                &created,
            )
        })?;
        Ok(Logged {
            log_id,
            undo: vec![wrap(CompanyChange::LogEntry {
                id: log_id,
                deleted: true,
            })],
        })
    }

    /// A company's history, the latest first: contacts with it and the steps of its
    /// proposals.
    pub fn company_log(&self, company_id: i64) -> Result<Vec<CompanyLogEntry>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {LOG_COLS} FROM {LOG_FROM} WHERE g.company_id = ?1 AND g.deleted = 0
             ORDER BY g.at DESC, g.id DESC"
        ))?;
        let rows = st.query_map([company_id], log_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The steps of a citizen's proposals, the latest first (the card's history with
    /// companies).
    pub fn citizen_company_log(&self, citizen_id: i64) -> Result<Vec<CompanyLogEntry>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {LOG_COLS} FROM {LOG_FROM} WHERE g.citizen_id = ?1 AND g.deleted = 0
             ORDER BY g.at DESC, g.id DESC"
        ))?;
        let rows = st.query_map([citizen_id], log_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    // --- the citizen's side ----------------------------------------------------------------

    /// Sets a citizen's wishes and skills (free text, matched with leads); returns the undo.
    pub fn set_citizen_skills(&mut self, citizen_id: i64, text: &str) -> Result<Change> {
        let inv = self.apply(&[wrap(CompanyChange::Skills {
            citizen_id,
            text: text.to_string(),
        })])?;
        Ok(Change::Several(inv))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::NewCitizen;

    fn t(s: &str) -> NaiveDateTime {
        from_db(s).unwrap_or_default()
    }

    fn store() -> Store {
        Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"))
    }

    fn citizen(s: &mut Store, name: &str, g: TargetGroup, skills: &str) -> i64 {
        let id = s
            .add_citizen(&NewCitizen {
                name: name.into(),
                target_group: Some(g),
                ..Default::default()
            })
            .unwrap_or_else(|e| panic!("{e}"));
        s.set_citizen_skills(id, skills)
            .unwrap_or_else(|e| panic!("{e}"));
        id
    }

    fn company(s: &mut Store, name: &str, cvr: Option<&str>) -> i64 {
        s.add_company(&NewCompany {
            name: name.into(),
            cvr: cvr.and_then(|c| Cvr::parse(c).ok()),
            ..Default::default()
        })
        .unwrap_or_else(|e| panic!("{e}"))
    }

    fn lead(s: &mut Store, company_id: i64, groups: &[TargetGroup], skills: &str) -> i64 {
        s.add_lead(&NewLead {
            company_id,
            kind: LeadKind::Praktik,
            title: "Lagermedhjælper".into(),
            hours: Some(25.0),
            start: None,
            deadline: None,
            target_groups: groups.to_vec(),
            skills: skills.into(),
            status: LeadStatus::Open,
        })
        .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_cvr_number_is_one_company_s() {
        let mut s = store();
        let a = company(&mut s, "Bager Hansen ApS", Some("13748136"));
        let again = s.add_company(&NewCompany {
            name: "Other".into(),
            cvr: Cvr::parse("13748136").ok(),
            ..Default::default()
        });
        let e = again.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(e.contains(&format!("company {a}")), "{e}");
        // Without a number, any number of companies.
        company(&mut s, "Uden CVR", None);
        company(&mut s, "Også uden", None);
        let found = s
            .companies(&CompanyFilter {
                text: "hansen".into(),
                ..Default::default()
            })
            .unwrap_or_default();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].cvr.as_ref().map(Cvr::as_str), Some("13748136"));
        assert_eq!(s.companies_named("bager", 5).unwrap_or_default().len(), 1);
    }

    #[test]
    fn a_lead_s_fitting_citizens_and_a_citizen_s_fitting_leads() {
        let mut s = store();
        let anna = citizen(&mut s, "Anna Lager", TargetGroup::Dagpenge, "lager, truck");
        let _bo = citizen(&mut s, "Bo Køkken", TargetGroup::Dagpenge, "køkken");
        let _cia = citizen(&mut s, "Cia Syg", TargetGroup::Sygedagpenge, "lagerarbejde");
        let c = company(&mut s, "Lager A/S", None);
        let l = lead(&mut s, c, &[TargetGroup::Dagpenge], "lager");
        let fits = s.fitting_citizens(l).unwrap_or_default();
        let names: Vec<&str> = fits.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, vec!["Anna Lager"]);
        let leads = s.fitting_leads(anna).unwrap_or_default();
        assert_eq!(leads.len(), 1);
        assert_eq!(leads[0].lead.id, l);
        // A filled lead is offered no more.
        s.edit_lead(
            l,
            &LeadEdit {
                status: Some(LeadStatus::Filled),
                ..Default::default()
            },
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(s.fitting_leads(anna).unwrap_or_default().is_empty());
    }

    #[test]
    fn a_start_fills_the_open_lead_and_its_undo_opens_it_again() {
        let mut s = store();
        let anna = citizen(&mut s, "Anna Lager", TargetGroup::Dagpenge, "lager");
        let bo = citizen(&mut s, "Bo Lager", TargetGroup::Dagpenge, "lager");
        let c = company(&mut s, "Lager A/S", None);
        let l = lead(&mut s, c, &[], "");
        let status = |s: &Store| s.lead(l).map(|x| x.status).ok();
        let p = s
            .propose(l, anna, t("2026-11-23T10:00:00"), "")
            .unwrap_or_else(|e| panic!("{e}"));
        let q = s
            .propose(l, bo, t("2026-11-23T11:00:00"), "")
            .unwrap_or_else(|e| panic!("{e}"));
        s.set_proposal_outcome(
            p.proposal_id,
            ProposalOutcome::Interview,
            t("2026-11-25T09:00:00"),
            "",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            status(&s),
            Some(LeadStatus::Open),
            "an interview fills nothing"
        );
        let started = s
            .set_proposal_outcome(
                p.proposal_id,
                ProposalOutcome::Started,
                t("2026-12-01T08:00:00"),
                "",
            )
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(status(&s), Some(LeadStatus::Filled));
        s.apply(&started.undo).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            status(&s),
            Some(LeadStatus::Open),
            "one undo takes both back"
        );
        assert_eq!(
            s.proposal(p.proposal_id).map(|p| p.outcome).ok(),
            Some(ProposalOutcome::Interview)
        );
        // A closed lead stays closed when someone starts anyway.
        s.edit_lead(
            l,
            &LeadEdit {
                status: Some(LeadStatus::Closed),
                ..Default::default()
            },
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let started = s
            .set_proposal_outcome(
                q.proposal_id,
                ProposalOutcome::Started,
                t("2026-12-01T08:00:00"),
                "",
            )
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(status(&s), Some(LeadStatus::Closed));
        s.apply(&started.undo).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(status(&s), Some(LeadStatus::Closed));
    }

    #[test]
    fn a_proposal_s_steps_are_logged_and_undone() {
        let mut s = store();
        let anna = citizen(&mut s, "Anna Lager", TargetGroup::Dagpenge, "lager");
        let c = company(&mut s, "Lager A/S", None);
        let l = lead(&mut s, c, &[], "");
        let p = s
            .propose(l, anna, t("2026-11-23T10:00:00"), "")
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(s.propose(l, anna, t("2026-11-23T10:00:00"), "").is_err());
        s.set_proposal_outcome(
            p.proposal_id,
            ProposalOutcome::Interview,
            t("2026-11-25T09:00:00"),
            "",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let started = s
            .set_proposal_outcome(
                p.proposal_id,
                ProposalOutcome::Started,
                t("2026-12-01T08:00:00"),
                "",
            )
            .unwrap_or_else(|e| panic!("{e}"));
        let steps: Vec<CompanyEvent> = s
            .company_log(c)
            .unwrap_or_default()
            .iter()
            .map(|e| e.event)
            .collect();
        assert_eq!(
            steps,
            vec![
                CompanyEvent::Proposal(ProposalOutcome::Started),
                CompanyEvent::Proposal(ProposalOutcome::Interview),
                CompanyEvent::Proposal(ProposalOutcome::Proposed),
            ]
        );
        assert_eq!(s.citizen_company_log(anna).unwrap_or_default().len(), 3);
        assert!(s.started(anna).unwrap_or_default().is_some());
        // Undo the start: the interview is the latest again.
        s.apply(&started.undo).unwrap_or_else(|e| panic!("{e}"));
        assert!(s.started(anna).unwrap_or_default().is_none());
        assert_eq!(
            s.proposal(p.proposal_id).map(|p| p.outcome).ok(),
            Some(ProposalOutcome::Interview)
        );
        assert_eq!(s.company_log(c).unwrap_or_default().len(), 2);
    }
}
