//! Correcting and deleting log entries: each returns the change that undoes it, and each (and its
//! undo) is in the audit log with the names of the fields that changed, never the note's text.

use chrono::NaiveDateTime;
use rusqlite::{OptionalExtension, params};

use super::audit::{Action, NewAudit, record_audit_on};
use super::changes::{apply_one, drop_follow_up, refresh_citizens_on};
use super::{Change, Error, MinutesOf, Row, Store};
use crate::domain::dates::{from_db, to_db};
use crate::domain::{Channel, Kind, Outcome, Status, Word, minimum};
use crate::error::Result;

/// What to change in a log entry: the fields given, the others stay.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ContactEdit {
    pub at: Option<NaiveDateTime>,
    pub minutes: Option<u32>,
    pub channel: Option<Channel>,
    pub outcome: Option<Outcome>,
    pub note: Option<String>,
}

/// A contact as stored, deleted or not.
#[derive(Debug, Clone, PartialEq)]
struct Stored {
    citizen_id: i64,
    appointment_id: Option<i64>,
    at: NaiveDateTime,
    channel: Channel,
    outcome: Outcome,
    minutes: i64,
    note: String,
    counts: bool,
    deleted: bool,
}

fn stored(tx: &rusqlite::Connection, id: i64) -> Result<Option<Stored>> {
    let bad = |i: usize, what: String| {
        rusqlite::Error::FromSqlConversionFailure(
            i,
            rusqlite::types::Type::Text,
            Box::new(crate::error::UserError(what)),
        )
    };
    Ok(tx
        .prepare_cached(
            "SELECT citizen_id, appointment_id, at, channel, outcome, minutes, note, counts, deleted
             FROM contacts WHERE id = ?1",
        )?
        .query_row([id], |r| {
            let at: String = r.get(2)?;
            Ok(Stored {
                citizen_id: r.get(0)?,
                appointment_id: r.get(1)?,
                at: from_db(&at).ok_or_else(|| bad(2, format!("bad time '{at}'")))?,
                channel: Channel::parse(&r.get::<_, String>(3)?).map_err(|e| bad(3, e))?,
                outcome: Outcome::parse(&r.get::<_, String>(4)?).map_err(|e| bad(4, e))?,
                minutes: r.get(5)?,
                note: r.get(6)?,
                counts: r.get(7)?,
                deleted: r.get(8)?,
            })
        })
        .optional()?)
}

/// The live contact `id`: refused when there is none, or when it is deleted.
fn live(tx: &rusqlite::Connection, id: i64) -> Result<Stored> {
    match stored(tx, id)? {
        None => Err(Error::NoContact(id).into()),
        Some(s) if s.deleted => Err(Error::Deleted {
            what: Row::Contact,
            id,
        }
        .into()),
        Some(s) => Ok(s),
    }
}

/// An appointment's state as the undo needs it.
struct Linked {
    kind: Kind,
    status: Status,
    reason: String,
    moved_to: Option<i64>,
    deleted: bool,
}

fn linked(tx: &rusqlite::Connection, id: i64) -> Result<Option<Linked>> {
    let row: Option<(String, String, String, Option<i64>, bool)> = tx
        .query_row(
            "SELECT kind, status, reason, moved_to, deleted FROM appointments WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    let Some((kind, status, reason, moved_to, deleted)) = row else {
        return Ok(None);
    };
    Ok(Some(Linked {
        kind: Kind::parse(&kind).map_err(anyhow::Error::msg)?,
        status: Status::parse(&status).map_err(anyhow::Error::msg)?,
        reason,
        moved_to,
        deleted,
    }))
}

/// The appointment status an outcome marks, for the outcomes an entry may change to.
fn status_of(o: Outcome) -> Option<Status> {
    match o {
        Outcome::Held => Some(Status::Held),
        Outcome::NoShow => Some(Status::NoShow),
        Outcome::CancelledByCitizen => Some(Status::CancelledByCitizen),
        Outcome::Cancelled => Some(Status::Cancelled),
        _ => None,
    }
}

impl Store {
    /// Corrects a log entry: only the fields given change. Whether it counts toward the minimum
    /// is worked out again when its time, channel or outcome changes (a "does not count" set by
    /// hand on a held conversation stays). The outcome of an appointment's entry may become
    /// held, no-show or cancelled, and the appointment follows. Audited with the names of the
    /// fields changed. Returns the change that undoes it.
    pub fn edit_contact(
        &mut self,
        id: i64,
        edit: &ContactEdit,
        now: NaiveDateTime,
    ) -> Result<Change> {
        if let Some(m) = edit.minutes
            && i64::from(m) > MinutesOf::Contact.range().1
        {
            return Err(Error::MinutesOutOfRange {
                of: MinutesOf::Contact,
                minutes: i64::from(m),
            }
            .into());
        }
        let rules = self.rules.clone();
        let sus = self.suspensions.clone();
        self.write(|tx| {
            let old = live(tx, id)?;
            let at = edit.at.unwrap_or(old.at);
            let minutes = edit.minutes.map_or(old.minutes, i64::from);
            let channel = edit.channel.unwrap_or(old.channel);
            let outcome = edit.outcome.unwrap_or(old.outcome);
            let note = edit.note.clone().unwrap_or_else(|| old.note.clone());
            if (at, minutes, channel, outcome, &note)
                == (old.at, old.minutes, old.channel, old.outcome, &old.note)
            {
                return Err(Error::NothingToChange.into());
            }
            let appointment = match old.appointment_id {
                Some(a) => linked(tx, a)?.map(|l| (a, l)),
                None => None,
            };
            let mut changes = Vec::new();
            if outcome != old.outcome
                && let Some((a, l)) = appointment.as_ref().filter(|(_, l)| !l.deleted)
            {
                let status = status_of(outcome).filter(|_| old.outcome != Outcome::Moved);
                let Some(status) = status else {
                    return Err(Error::OutcomeOfAppointment {
                        id,
                        appointment: *a,
                        outcome,
                    }
                    .into());
                };
                changes.push(Change::Appointment {
                    id: *a,
                    status,
                    reason: l.reason.clone(),
                    moved_to: l.moved_to,
                    deleted: false,
                });
            }
            let kind = appointment
                .as_ref()
                .map_or(Kind::Conversation, |(_, l)| l.kind);
            let counts = if (at, channel, outcome) == (old.at, old.channel, old.outcome) {
                old.counts
            } else {
                let rule = |at, outcome, channel| -> Result<bool> {
                    Ok(minimum::within_closures(
                        minimum::counts(kind, outcome, channel),
                        super::closures::held_does_not_count(tx, at)?,
                    ))
                };
                let set_by_hand = !old.counts && rule(old.at, old.outcome, old.channel)?;
                !set_by_hand && rule(at, outcome, channel)?
            };
            changes.insert(
                0,
                Change::Contact {
                    id,
                    at,
                    minutes,
                    channel,
                    outcome,
                    note,
                    counts,
                },
            );
            apply_all(tx, &changes, now, &rules, &sus)
        })
    }

    /// Deletes a log entry (soft: the returned change brings it back while the desk is open).
    /// When it was an appointment's only outcome, the appointment is planned again (and the new
    /// time of a move, still untouched, goes). Audited.
    pub fn delete_contact(&mut self, id: i64, now: NaiveDateTime) -> Result<Change> {
        let rules = self.rules.clone();
        let sus = self.suspensions.clone();
        self.write(|tx| {
            let old = live(tx, id)?;
            let mut changes = vec![Change::ContactRemoved { id, removed: true }];
            if let Some(a) = old.appointment_id
                && let Some(l) = linked(tx, a)?
                && !l.deleted
                && l.status != Status::Planned
            {
                let others: bool = tx.query_row(
                    "SELECT EXISTS (SELECT 1 FROM contacts
                                    WHERE appointment_id = ?1 AND deleted = 0 AND id <> ?2)",
                    params![a, id],
                    |r| r.get(0),
                )?;
                if !others {
                    changes.push(Change::Appointment {
                        id: a,
                        status: Status::Planned,
                        reason: l.reason.clone(),
                        moved_to: None,
                        deleted: false,
                    });
                    if let Some(f) = l.moved_to.filter(|_| l.status == Status::Moved)
                        && let Some(gone) = drop_follow_up(tx, f)?
                    {
                        changes.push(gone);
                    }
                }
            }
            apply_all(tx, &changes, now, &rules, &sus)
        })
    }
}

/// Applies `changes` in order, refreshes the citizens touched, and returns the one change that
/// undoes them all.
fn apply_all(
    tx: &rusqlite::Connection,
    changes: &[Change],
    now: NaiveDateTime,
    rules: &crate::domain::cadence::Rules,
    sus: &[crate::domain::cadence::Suspension],
) -> Result<Change> {
    let mut touched = Vec::new();
    let mut inverse = Vec::with_capacity(changes.len());
    for c in changes {
        inverse.push(apply_one(tx, c, now, &mut touched)?);
    }
    refresh_citizens_on(tx, rules, sus, touched)?;
    inverse.reverse();
    Ok(if inverse.len() == 1 {
        inverse.remove(0)
    } else {
        Change::Several(inverse)
    })
}

/// Applies a [`Change::Contact`] or [`Change::ContactRemoved`] and audits it at `now`; returns
/// its inverse and the citizen it touched.
pub(super) fn apply_correction(
    tx: &rusqlite::Connection,
    ch: &Change,
    now: NaiveDateTime,
) -> Result<(Change, i64)> {
    let gone = |id: i64| -> anyhow::Error {
        Error::Gone {
            what: Row::Contact,
            id,
        }
        .into()
    };
    match ch {
        Change::Contact {
            id,
            at,
            minutes,
            channel,
            outcome,
            note,
            counts,
        } => {
            let old = stored(tx, *id)?.ok_or_else(|| gone(*id))?;
            Error::check_length(crate::domain::limits::Text::Note, note)?;
            let changed: Vec<&str> = [
                ("at", *at != old.at),
                ("minutes", *minutes != old.minutes),
                ("channel", *channel != old.channel),
                ("outcome", *outcome != old.outcome),
                ("note", *note != old.note),
                ("counts", *counts != old.counts),
            ]
            .into_iter()
            .filter_map(|(name, differs)| differs.then_some(name))
            .collect();
            tx.prepare_cached(
                "UPDATE contacts SET at = ?2, minutes = ?3, channel = ?4, outcome = ?5, note = ?6,
                                     counts = ?7
                 WHERE id = ?1",
            )?
            .execute(params![
                id,
                to_db(*at),
                minutes,
                channel.key(),
                outcome.key(),
                note,
                counts
            ])
            .map_err(super::open::explain_sqlite)?;
            if !changed.is_empty() {
                record_audit_on(
                    tx,
                    &NewAudit::new(now, Action::CorrectContact)
                        .citizen(old.citizen_id)
                        .rows(1)
                        .detail(format!("contact {id}: {}", changed.join(","))),
                )?;
            }
            Ok((
                Change::Contact {
                    id: *id,
                    at: old.at,
                    minutes: old.minutes,
                    channel: old.channel,
                    outcome: old.outcome,
                    note: old.note,
                    counts: old.counts,
                },
                old.citizen_id,
            ))
        }
        Change::ContactRemoved { id, removed } => {
            let old = stored(tx, *id)?.ok_or_else(|| gone(*id))?;
            tx.execute(
                "UPDATE contacts SET deleted = ?2 WHERE id = ?1",
                params![id, removed],
            )?;
            if old.deleted != *removed {
                let what = if *removed { "deleted" } else { "restored" };
                record_audit_on(
                    tx,
                    &NewAudit::new(now, Action::DeleteContact)
                        .citizen(old.citizen_id)
                        .rows(1)
                        .detail(format!("contact {id}: {what}")),
                )?;
            }
            Ok((
                Change::ContactRemoved {
                    id: *id,
                    removed: old.deleted,
                },
                old.citizen_id,
            ))
        }
        _ => Err(anyhow::anyhow!("internal: {ch:?} is not a correction")),
    }
}
