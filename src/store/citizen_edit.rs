//! Editing, adding and archiving a citizen from the desk, each returning the change that undoes
//! it. Every such change (and its undo) is in the audit log with the citizen's id and the names
//! of the fields that changed, never their values.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{OptionalExtension, params};

use super::audit::{Action, NewAudit, record_audit_on};
use super::changes::{apply_one, refresh_citizens_on};
use super::{Change, Error, Row, Store};
use crate::domain::text::{danish_sort_key, fold};
use crate::domain::{NewCitizen, TargetGroup, Word};
use crate::error::Result;

/// What to change in a citizen: the fields given, the others stay. `Some(None)` clears an
/// optional value (the benefit start, the agreement's hours or end).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CitizenEdit {
    pub name: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub target_group: Option<TargetGroup>,
    pub benefit_start: Option<Option<NaiveDate>>,
    /// The mentor agreement: goals (a citizen with goals has a mentor), hours a week, until.
    pub mentor_goals: Option<String>,
    pub mentor_hours: Option<Option<f64>>,
    pub mentor_until: Option<Option<NaiveDate>>,
    /// Exempt from conversations.
    pub exempt: Option<bool>,
    pub archived: Option<bool>,
    /// The address; empty clears it.
    pub address: Option<String>,
}

/// Everything of a citizen that the desk edits, adds or takes back: what [`Change::Citizen`]
/// sets.
#[derive(Debug, Clone, PartialEq)]
pub struct CitizenState {
    pub name: String,
    pub cpr: Option<String>,
    pub phone: String,
    pub email: String,
    pub target_group: TargetGroup,
    pub benefit_start: Option<NaiveDate>,
    pub mentor: bool,
    pub mentor_goals: String,
    pub mentor_hours: Option<f64>,
    pub mentor_until: Option<NaiveDate>,
    pub summary: String,
    pub exempt: bool,
    pub archived: bool,
    pub address: Option<String>,
}

impl CitizenState {
    /// The state after `edit`.
    fn edited(&self, e: &CitizenEdit) -> CitizenState {
        let mentor_goals = e
            .mentor_goals
            .clone()
            .unwrap_or_else(|| self.mentor_goals.clone());
        CitizenState {
            name: e
                .name
                .as_deref()
                .map_or_else(|| self.name.clone(), |n| n.trim().to_string()),
            cpr: self.cpr.clone(),
            phone: e.phone.clone().unwrap_or_else(|| self.phone.clone()),
            email: e.email.clone().unwrap_or_else(|| self.email.clone()),
            target_group: e.target_group.unwrap_or(self.target_group),
            benefit_start: e.benefit_start.unwrap_or(self.benefit_start),
            // Goals written down mean a mentor, as `set_mentor_agreement` has it.
            mentor: self.mentor || (!mentor_goals.is_empty() && mentor_goals != self.mentor_goals),
            mentor_goals,
            mentor_hours: e.mentor_hours.unwrap_or(self.mentor_hours),
            mentor_until: e.mentor_until.unwrap_or(self.mentor_until),
            summary: self.summary.clone(),
            exempt: e.exempt.unwrap_or(self.exempt),
            archived: e.archived.unwrap_or(self.archived),
            address: match &e.address {
                Some(a) => Some(a.trim().to_string()).filter(|a| !a.is_empty()),
                None => self.address.clone(),
            },
        }
    }

    /// The names of the fields that differ (for the audit log: names, never values).
    fn changed(&self, other: &CitizenState) -> Vec<&'static str> {
        [
            ("name", self.name != other.name),
            ("cpr", self.cpr != other.cpr),
            ("phone", self.phone != other.phone),
            ("email", self.email != other.email),
            ("target_group", self.target_group != other.target_group),
            ("benefit_start", self.benefit_start != other.benefit_start),
            ("mentor", self.mentor != other.mentor),
            ("mentor_goals", self.mentor_goals != other.mentor_goals),
            ("mentor_hours", self.mentor_hours != other.mentor_hours),
            ("mentor_until", self.mentor_until != other.mentor_until),
            ("summary", self.summary != other.summary),
            ("exempt", self.exempt != other.exempt),
            ("archived", self.archived != other.archived),
            ("address", self.address != other.address),
        ]
        .into_iter()
        .filter_map(|(name, differs)| differs.then_some(name))
        .collect()
    }
}

fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn date(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

/// The citizen's state, or `None` when there is no such citizen.
fn state(tx: &rusqlite::Connection, id: i64) -> Result<Option<CitizenState>> {
    Ok(tx
        .prepare_cached(
            "SELECT name, cpr, phone, email, target_group, benefit_start, mentor, mentor_goals,
                    mentor_hours, mentor_until, summary, exempt, archived, address
             FROM citizens WHERE id = ?1",
        )?
        .query_row([id], |r| {
            Ok(CitizenState {
                name: r.get(0)?,
                cpr: r.get(1)?,
                phone: r.get(2)?,
                email: r.get(3)?,
                target_group: TargetGroup::parse(&r.get::<_, String>(4)?)
                    .unwrap_or(TargetGroup::Other),
                benefit_start: date(r.get(5)?),
                mentor: r.get(6)?,
                mentor_goals: r.get(7)?,
                mentor_hours: r.get(8)?,
                mentor_until: date(r.get(9)?),
                summary: r.get(10)?,
                exempt: r.get(11)?,
                archived: r.get(12)?,
                address: r.get(13)?,
            })
        })
        .optional()?)
}

fn check(s: &CitizenState) -> Result<()> {
    if s.name.trim().is_empty() {
        return Err(Error::NameMissing.into());
    }
    Error::check_length(crate::domain::limits::Text::Name, s.name.trim())?;
    Error::check_length(crate::domain::limits::Text::Summary, &s.summary)?;
    if let Some(h) = s.mentor_hours
        && !(0.0..=60.0).contains(&h)
    {
        return Err(Error::MentorHoursOutOfRange(h).into());
    }
    Ok(())
}

impl Store {
    /// Edits a citizen: only the fields given change; the due date is worked out again. Audited
    /// with the names of the fields changed (never their values). Returns the change that undoes
    /// it; nothing to change is an error.
    pub fn edit_citizen(
        &mut self,
        id: i64,
        edit: &CitizenEdit,
        now: NaiveDateTime,
    ) -> Result<Change> {
        let rules = self.rules.clone();
        let sus = self.suspensions.clone();
        self.write(|tx| {
            let old = state(tx, id)?.ok_or_else(|| super::no_citizen(id))?;
            let new = old.edited(edit);
            if new == old {
                return Err(Error::NothingToChange.into());
            }
            check(&new)?;
            let mut touched = Vec::new();
            let inverse = apply_one(
                tx,
                &Change::Citizen {
                    id,
                    state: Some(Box::new(new)),
                },
                now,
                &mut touched,
            )?;
            refresh_citizens_on(tx, &rules, &sus, touched)?;
            Ok(inverse)
        })
    }

    /// Adds a citizen from the desk: its id, and the change that takes it away again (refused
    /// once something is logged or planned for it). Audited without the name.
    pub fn add_citizen_undoable(
        &mut self,
        c: &NewCitizen,
        now: NaiveDateTime,
    ) -> Result<(i64, Change)> {
        let id = self.add_citizen(c)?;
        self.write(|tx| {
            record_audit_on(
                tx,
                &NewAudit::new(now, Action::EditCitizen)
                    .citizen(id)
                    .rows(1)
                    .detail(format!("citizen {id}: added")),
            )
        })?;
        Ok((id, Change::Citizen { id, state: None }))
    }
}

/// Applies a [`Change::Citizen`] and audits it at `now`; returns its inverse and the citizens it
/// touched (none when it took the citizen away).
pub(super) fn apply_citizen(
    tx: &rusqlite::Connection,
    ch: &Change,
    now: NaiveDateTime,
) -> Result<(Change, Option<i64>)> {
    let Change::Citizen { id, state: new } = ch else {
        return Err(anyhow::anyhow!("internal: {ch:?} is not a citizen change"));
    };
    let id = *id;
    let old = state(tx, id)?;
    let audit = |what: String| {
        record_audit_on(
            tx,
            &NewAudit::new(now, Action::EditCitizen)
                .citizen(id)
                .rows(1)
                .detail(format!("citizen {id}: {what}")),
        )
    };
    match (&old, new.as_deref()) {
        (Some(o), Some(n)) => {
            let changed = o.changed(n);
            tx.prepare_cached(
                "UPDATE citizens SET name = ?2, name_key = ?3, sort_key = ?4, cpr = ?5,
                    phone = ?6, email = ?7, target_group = ?8, benefit_start = ?9, mentor = ?10,
                    mentor_goals = ?11, mentor_hours = ?12, mentor_until = ?13, summary = ?14,
                    exempt = ?15, archived = ?16, address = ?17
                 WHERE id = ?1",
            )?
            .execute(params![
                id,
                n.name,
                fold(&n.name),
                danish_sort_key(&n.name),
                n.cpr,
                n.phone,
                n.email,
                n.target_group.key(),
                n.benefit_start.map(ymd),
                n.mentor,
                n.mentor_goals,
                n.mentor_hours,
                n.mentor_until.map(ymd),
                n.summary,
                n.exempt,
                n.archived,
                n.address,
            ])
            .map_err(super::open::explain_sqlite)?;
            if !changed.is_empty() {
                audit(changed.join(","))?;
            }
        }
        (None, Some(n)) => {
            tx.prepare_cached(
                "INSERT INTO citizens (id, name, name_key, sort_key, cpr, phone, email,
                    target_group, benefit_start, mentor, mentor_goals, mentor_hours, mentor_until,
                    summary, exempt, archived, created_at, address)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
            )?
            .execute(params![
                id,
                n.name,
                fold(&n.name),
                danish_sort_key(&n.name),
                n.cpr,
                n.phone,
                n.email,
                n.target_group.key(),
                n.benefit_start.map(ymd),
                n.mentor,
                n.mentor_goals,
                n.mentor_hours,
                n.mentor_until.map(ymd),
                n.summary,
                n.exempt,
                n.archived,
                crate::domain::dates::to_db(now),
                n.address,
            ])
            .map_err(super::open::explain_sqlite)?;
            audit("added".into())?;
        }
        (Some(_), None) => {
            let live: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM contacts WHERE citizen_id = ?1 AND deleted = 0)
                     OR EXISTS (SELECT 1 FROM appointments WHERE citizen_id = ?1 AND deleted = 0)",
                [id],
                |r| r.get(0),
            )?;
            if live {
                return Err(crate::error::UserError(format!(
                    "citizen {id} has contacts or appointments now: archive the citizen instead"
                ))
                .into());
            }
            tx.execute("DELETE FROM citizens WHERE id = ?1", [id])
                .map_err(super::open::explain_sqlite)?;
            audit("removed".into())?;
        }
        (None, None) => {
            return Err(Error::Gone {
                what: Row::Citizen,
                id,
            }
            .into());
        }
    }
    let touched = new.as_ref().map(|_| id);
    Ok((
        Change::Citizen {
            id,
            state: old.map(Box::new),
        },
        touched,
    ))
}
