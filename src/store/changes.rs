//! Changes the desk makes to appointments and the log, each returning its inverse so the app can
//! undo it. Deletions are soft (`deleted = 1`) while an undo could bring them back; the app purges
//! them when its undo history ends.

use chrono::NaiveDateTime;
use rusqlite::params;

use super::Row;
use super::{Store, refresh_citizen_on};
use crate::domain::dates::to_db;
use crate::domain::minimum;
use crate::domain::{Appointment, NewAppointment, NewContact, Status, Word};
use crate::error::Result;

/// One reversible change. Applying it returns the change that undoes it.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Set an appointment's status, reason, link and deleted flag.
    Appointment {
        id: i64,
        status: Status,
        reason: String,
        moved_to: Option<i64>,
        deleted: bool,
    },
    /// Set a contact's deleted flag.
    ContactDeleted {
        id: i64,
        deleted: bool,
    },
    ContactNote {
        id: i64,
        note: String,
    },
    ContactTransferred {
        id: i64,
        at: Option<NaiveDateTime>,
    },
    Summary {
        citizen_id: i64,
        text: String,
    },
}

/// What marking an appointment did.
#[derive(Debug, Clone, PartialEq)]
pub struct Marked {
    pub contact_id: i64,
    /// The new appointment, when it was moved.
    pub new_appointment: Option<i64>,
    /// Changes that undo the mark, in the order to apply them.
    pub undo: Vec<Change>,
}

impl Store {
    /// Applies changes in one transaction and returns their inverses (to apply in the order given).
    pub fn apply(&mut self, changes: &[Change]) -> Result<Vec<Change>> {
        let rules = self.rules.clone();
        let sus = self.suspensions.clone();
        self.write(|tx| {
            let mut inverse = Vec::with_capacity(changes.len());
            let mut citizens = Vec::new();
            for ch in changes {
                let (inv, citizen) = apply_one(tx, ch)?;
                inverse.push(inv);
                citizens.push(citizen);
            }
            citizens.sort_unstable();
            citizens.dedup();
            for c in citizens {
                refresh_citizen_on(tx, &rules, &sus, c)?;
                super::closures::refresh_calls_on(tx, c)?;
            }
            inverse.reverse();
            Ok(inverse)
        })
    }

    /// Marks an appointment held, no-show, cancelled (by the citizen) or moved, and writes the
    /// log entry: channel, minutes (held: the appointment's), outcome, and whether it counts
    /// toward the legal minimum (a held conversation, unless a closure says otherwise). Moving
    /// needs `new_start` and creates the new planned appointment, linked from the old one.
    pub fn mark_appointment(
        &mut self,
        id: i64,
        status: Status,
        new_start: Option<NaiveDateTime>,
        now: NaiveDateTime,
    ) -> Result<Marked> {
        let a = self.appointment(id)?;
        let Some(outcome) = status.outcome() else {
            return Err(super::Error::NotAMark { status }.into());
        };
        if status == Status::Moved && new_start.is_none() {
            return Err(super::Error::MoveNeedsTime.into());
        }
        let counts = minimum::counts(a.kind, outcome, a.channel);
        let minutes = if status == Status::Held { a.minutes } else { 0 };
        let contact = NewContact {
            uuid: uuid::Uuid::new_v4().to_string(),
            citizen_id: a.citizen_id,
            appointment_id: Some(a.id),
            // A held or missed appointment is logged at its time; a cancellation or a move when
            // it was made, if that was before the appointment.
            at: match status {
                Status::Held | Status::NoShow => a.start,
                _ => now.min(a.start),
            },
            channel: a.channel,
            outcome,
            minutes,
            note: String::new(),
            counts,
        };
        let created = to_db(now);
        let rules = self.rules.clone();
        let sus = self.suspensions.clone();
        self.write(|tx| {
            let mut undo = Vec::new();
            let new_appointment = match new_start {
                Some(start) if status == Status::Moved => {
                    let n = NewAppointment {
                        uuid: uuid::Uuid::new_v4().to_string(),
                        citizen_id: a.citizen_id,
                        kind: a.kind,
                        start,
                        minutes: a.minutes,
                        channel: a.channel,
                        place: a.place.clone(),
                        status: Status::Planned,
                        reason: String::new(),
                    };
                    let nid = super::appointments::insert_appointment(tx, &n, &created)?;
                    undo.push(Change::Appointment {
                        id: nid,
                        status: Status::Planned,
                        reason: String::new(),
                        moved_to: None,
                        deleted: true,
                    });
                    Some(nid)
                }
                _ => None,
            };
            let (inv, _) = apply_one(
                tx,
                &Change::Appointment {
                    id: a.id,
                    status,
                    reason: a.reason.clone(),
                    moved_to: new_appointment,
                    deleted: false,
                },
            )?;
            undo.insert(0, inv);
            // A conversation held inside a closure does not count, unless the closure says so.
            let counts = minimum::within_closures(
                contact.counts,
                super::closures::held_does_not_count(tx, contact.at)?,
            );
            let contact_id = super::contacts::insert_contact(
                tx,
                &NewContact {
                    counts,
                    ..contact.clone()
                },
                &created,
            )?;
            undo.insert(
                0,
                Change::ContactDeleted {
                    id: contact_id,
                    deleted: true,
                },
            );
            refresh_citizen_on(tx, &rules, &sus, a.citizen_id)?;
            Ok(Marked {
                contact_id,
                new_appointment,
                undo,
            })
        })
    }

    /// Plans an appointment; returns its id and the change that undoes it.
    pub fn plan(&mut self, a: &NewAppointment) -> Result<(i64, Change)> {
        let id = self.add_appointment(a)?;
        Ok((
            id,
            Change::Appointment {
                id,
                status: a.status,
                reason: a.reason.clone(),
                moved_to: None,
                deleted: true,
            },
        ))
    }

    /// Logs a contact; returns its id and the change that undoes it.
    pub fn log(&mut self, c: &NewContact) -> Result<(i64, Change)> {
        let id = self.add_contact(c)?;
        Ok((id, Change::ContactDeleted { id, deleted: true }))
    }

    /// Appointments that overlap `start`..`start + minutes` (for the quick-add warning).
    pub fn overlapping(
        &self,
        start: NaiveDateTime,
        minutes: i64,
        except: Option<i64>,
    ) -> Result<Vec<Appointment>> {
        let from = start - chrono::Duration::hours(12);
        let list = self.appointments(
            &super::AppointmentFilter {
                from: Some(from),
                to: Some(start + chrono::Duration::minutes(minutes)),
                ..Default::default()
            },
            0,
            500,
        )?;
        let end = start + chrono::Duration::minutes(minutes);
        Ok(list
            .into_iter()
            .filter(|a| {
                Some(a.id) != except
                    && a.status == Status::Planned
                    && a.start < end
                    && a.end() > start
            })
            .collect())
    }

    /// Removes rows that were soft-deleted (when no undo can bring them back any more).
    pub fn purge_deleted(&mut self) -> Result<usize> {
        self.write(|tx| {
            // Both deleted-row lookups read the small partial indexes of schema version 5.
            let n = tx.execute("DELETE FROM contacts WHERE deleted = 1", [])?;
            let any: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM appointments WHERE deleted = 1)",
                [],
                |r| r.get(0),
            )?;
            if !any {
                return Ok(n);
            }
            tx.execute("UPDATE appointments SET moved_to = NULL WHERE moved_to IN (SELECT id FROM appointments WHERE deleted = 1)", [])?;
            let m = tx.execute("DELETE FROM appointments WHERE deleted = 1", [])?;
            Ok(n + m)
        })
    }
}

/// Applies one change; returns its inverse and the citizen it touched.
fn apply_one(tx: &rusqlite::Connection, ch: &Change) -> Result<(Change, i64)> {
    let missing = |what: Row, id: i64| -> anyhow::Error { super::Error::Gone { what, id }.into() };
    Ok(match ch {
        Change::Appointment {
            id,
            status,
            reason,
            moved_to,
            deleted,
        } => {
            let (old_status, old_reason, old_moved, old_deleted, citizen): (String, String, Option<i64>, bool, i64) = tx
                .query_row(
                    "SELECT status, reason, moved_to, deleted, citizen_id FROM appointments WHERE id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
                )
                .map_err(|_| missing(Row::Appointment, *id))?;
            tx.execute(
                "UPDATE appointments SET status = ?2, reason = ?3, moved_to = ?4, deleted = ?5 WHERE id = ?1",
                params![id, status.key(), reason, moved_to, deleted],
            )?;
            (
                Change::Appointment {
                    id: *id,
                    status: Status::parse(&old_status).unwrap_or(Status::Planned),
                    reason: old_reason,
                    moved_to: old_moved,
                    deleted: old_deleted,
                },
                citizen,
            )
        }
        Change::ContactDeleted { id, deleted } => {
            let (old, citizen): (bool, i64) = tx
                .query_row(
                    "SELECT deleted, citizen_id FROM contacts WHERE id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .map_err(|_| missing(Row::Contact, *id))?;
            tx.execute(
                "UPDATE contacts SET deleted = ?2 WHERE id = ?1",
                params![id, deleted],
            )?;
            (
                Change::ContactDeleted {
                    id: *id,
                    deleted: old,
                },
                citizen,
            )
        }
        Change::ContactNote { id, note } => {
            let (old, citizen): (String, i64) = tx
                .query_row(
                    "SELECT note, citizen_id FROM contacts WHERE id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .map_err(|_| missing(Row::Contact, *id))?;
            tx.execute(
                "UPDATE contacts SET note = ?2 WHERE id = ?1",
                params![id, note],
            )?;
            (Change::ContactNote { id: *id, note: old }, citizen)
        }
        Change::ContactTransferred { id, at } => {
            let (old, citizen): (Option<String>, i64) = tx
                .query_row(
                    "SELECT transferred_at, citizen_id FROM contacts WHERE id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .map_err(|_| missing(Row::Contact, *id))?;
            tx.execute(
                "UPDATE contacts SET transferred_at = ?2 WHERE id = ?1",
                params![id, at.map(to_db)],
            )?;
            (
                Change::ContactTransferred {
                    id: *id,
                    at: old.and_then(|s| crate::domain::dates::from_db(&s)),
                },
                citizen,
            )
        }
        Change::Summary { citizen_id, text } => {
            let old: String = tx
                .query_row(
                    "SELECT summary FROM citizens WHERE id = ?1",
                    [citizen_id],
                    |r| r.get(0),
                )
                .map_err(|_| missing(Row::Citizen, *citizen_id))?;
            tx.execute(
                "UPDATE citizens SET summary = ?2 WHERE id = ?1",
                params![citizen_id, text],
            )?;
            (
                Change::Summary {
                    citizen_id: *citizen_id,
                    text: old,
                },
                *citizen_id,
            )
        }
    })
}
