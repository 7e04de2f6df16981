//! Changes the desk makes to appointments and the log, each returning its inverse so the app can
//! undo it. Deletions are soft (`deleted = 1`) while an undo could bring them back; the app purges
//! them when its undo history ends.

use chrono::NaiveDateTime;
use rusqlite::{OptionalExtension, params};

use super::Row;
use super::{Store, refresh_citizen_on};
use crate::domain::dates::to_db;
use crate::domain::minimum;
use crate::domain::{Appointment, Channel, NewAppointment, NewContact, Outcome, Status, Word};
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
    /// Set a contact's fields: a correction and its undo. Audited with the names of the fields
    /// that change (never the note's text).
    Contact {
        id: i64,
        at: NaiveDateTime,
        minutes: i64,
        channel: Channel,
        outcome: Outcome,
        note: String,
        counts: bool,
    },
    /// Delete a contact (soft, `removed: true`) or bring it back: what
    /// [`Store::delete_contact`] does and its undo. Audited, unlike [`Change::ContactDeleted`]
    /// (the undo of a new entry or a mark).
    ContactRemoved {
        id: i64,
        removed: bool,
    },
    /// Set a citizen's fields (`Some`), add them back with this id, or take away a citizen
    /// just added (`None`): what [`Store::edit_citizen`] and
    /// [`Store::add_citizen_undoable`] do and their undo. Audited with the names of the fields
    /// that change, never their values.
    Citizen {
        id: i64,
        state: Option<Box<super::citizen_edit::CitizenState>>,
    },
    /// Set a planned appointment's length, channel, place and kind (not its time): what
    /// [`Store::edit_appointment`] does and its undo.
    AppointmentFields {
        id: i64,
        minutes: i64,
        channel: Channel,
        place: String,
        kind: crate::domain::Kind,
    },
    /// Set a series' row (its first date, length, channel, place, rule, skipped days and
    /// deleted flag): what the calls of [`Store::plan_series`] and friends do and their undo.
    Series {
        id: i64,
        state: Box<super::series::SeriesState>,
    },
    /// Set an appointment's series and nominal start (`None`: a single appointment) and its
    /// time, length, channel and place: "this and all following" and its undo.
    Occurrence {
        id: i64,
        series_id: Option<i64>,
        occurrence: Option<NaiveDateTime>,
        start: NaiveDateTime,
        minutes: i64,
        channel: Channel,
        place: String,
    },
    /// Set a contact's feedback: the rating (`None`: no feedback) and the wish. What
    /// [`Store::set_feedback`] does and its undo.
    Feedback {
        contact_id: i64,
        score: Option<u8>,
        wish: String,
    },
    /// Set (or clear, `None`) the day a citizen asked for a conversation: what
    /// [`Store::set_requested`] does, and the undo of a plan that cleared it.
    Requested {
        citizen_id: i64,
        date: Option<chrono::NaiveDate>,
    },
    /// Set a citizen's job-club attendance mark for the session of `date` (`None`: no mark),
    /// with the contact an absence was logged as: what [`Store::mark_attendance`] does and its
    /// undo.
    Attendance {
        citizen_id: i64,
        date: chrono::NaiveDate,
        mark: Option<crate::domain::jobclub::Mark>,
        contact_id: Option<i64>,
    },
    /// Set a job-club exemption (`Some`: its fields, added back with this id when it is gone)
    /// or take it away (`None`): what [`Store::add_exemption`], [`Store::edit_exemption`] and
    /// [`Store::remove_exemption`] do and their undo. `created_at` is kept for adding it back.
    Exemption {
        id: i64,
        citizen_id: i64,
        exemption: Option<Box<crate::domain::jobclub::Exemption>>,
        created_at: String,
    },
    /// A change to companies, contact persons, leads, proposals, a company's history or a
    /// citizen's wishes and skills (see [`super::CompanyChange`]).
    Company(Box<super::CompanyChange>),
    /// Several changes as one step, applied in the order given.
    Several(Vec<Change>),
}

/// What marking an appointment did.
#[derive(Debug, Clone, PartialEq)]
pub struct Marked {
    pub contact_id: i64,
    /// The new appointment, when it was moved.
    pub new_appointment: Option<i64>,
    /// The earlier outcome entries of the appointment this mark replaced (soft-deleted).
    pub replaced: Vec<i64>,
    /// Changes that undo the mark, in the order to apply them.
    pub undo: Vec<Change>,
}

impl Store {
    /// Applies changes in one transaction and returns their inverses (to apply in the order given).
    pub fn apply(&mut self, changes: &[Change]) -> Result<Vec<Change>> {
        let rules = self.rules.clone();
        let sus = self.suspensions.clone();
        let now = self.clock.now();
        self.write(|tx| {
            let mut inverse = Vec::with_capacity(changes.len());
            let mut citizens = Vec::new();
            for ch in changes {
                inverse.push(apply_one(tx, ch, now, &mut citizens)?);
            }
            refresh_citizens_on(tx, &rules, &sus, citizens)?;
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
            let mut touched = Vec::new();
            let mut undo = Vec::new();
            // One outcome per appointment: the earlier ones are replaced (soft-deleted, so the
            // undo brings them back), and the latest note written is kept on the new entry.
            let earlier: Vec<(i64, String)> = {
                let mut st = tx.prepare_cached(
                    "SELECT id, note FROM contacts WHERE appointment_id = ?1 AND deleted = 0 ORDER BY id",
                )?;
                st.query_map([a.id], |r| Ok((r.get(0)?, r.get(1)?)))?
                    .collect::<Result<_, _>>()?
            };
            for (cid, _) in &earlier {
                undo.push(apply_one(
                    tx,
                    &Change::ContactDeleted {
                        id: *cid,
                        deleted: true,
                    },
                    now,
                    &mut touched,
                )?);
            }
            let note = earlier
                .iter()
                .rev()
                .map(|(_, n)| n.clone())
                .find(|n| !n.trim().is_empty())
                .unwrap_or_default();
            // The follow-up of an earlier move goes with it while nothing has happened to it.
            if let Some(f) = a.moved_to.filter(|_| a.status == Status::Moved)
                && let Some(gone) = drop_follow_up(tx, f)?
            {
                undo.push(apply_one(tx, &gone, now, &mut touched)?);
            }
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
                    // A moved occurrence of a series stays in it, with the same nominal start.
                    super::series::inherit_on(tx, a.id, nid)?;
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
            undo.push(apply_one(
                tx,
                &Change::Appointment {
                    id: a.id,
                    status,
                    reason: a.reason.clone(),
                    moved_to: new_appointment,
                    deleted: false,
                },
                now,
                &mut touched,
            )?);
            // A conversation held inside a closure does not count, unless the closure says so.
            let counts = minimum::within_closures(
                contact.counts,
                super::closures::held_does_not_count(tx, contact.at)?,
            );
            let contact_id = super::contacts::insert_contact(
                tx,
                &NewContact {
                    counts,
                    note,
                    ..contact.clone()
                },
                &created,
            )?;
            undo.push(Change::ContactDeleted {
                id: contact_id,
                deleted: true,
            });
            undo.reverse();
            touched.push(a.citizen_id);
            refresh_citizens_on(tx, &rules, &sus, touched)?;
            Ok(Marked {
                contact_id,
                new_appointment,
                replaced: earlier.into_iter().map(|(id, _)| id).collect(),
                undo,
            })
        })
    }

    /// Plans an appointment; returns its id and the change that undoes it (which also puts
    /// back a request for a conversation the plan cleared).
    pub fn plan(&mut self, a: &NewAppointment) -> Result<(i64, Change)> {
        let requested = self.requested(a.citizen_id)?;
        let id = self.add_appointment(a)?;
        let undo = Change::Appointment {
            id,
            status: a.status,
            reason: a.reason.clone(),
            moved_to: None,
            deleted: true,
        };
        if requested.is_some() && self.requested(a.citizen_id)?.is_none() {
            return Ok((
                id,
                Change::Several(vec![
                    undo,
                    Change::Requested {
                        citizen_id: a.citizen_id,
                        date: requested,
                    },
                ]),
            ));
        }
        Ok((id, undo))
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
            tx.execute("DELETE FROM series WHERE deleted = 1", [])?;
            Ok(n + m)
        })
    }
}

/// Recomputes the derived columns of the citizens touched (each once): the due date, the last
/// contact, and their place on a closure's call list.
pub(super) fn refresh_citizens_on(
    tx: &rusqlite::Connection,
    rules: &crate::domain::cadence::Rules,
    sus: &[crate::domain::cadence::Suspension],
    mut citizens: Vec<i64>,
) -> Result<()> {
    citizens.sort_unstable();
    citizens.dedup();
    let calendar = rules.calendar();
    for c in citizens {
        refresh_citizen_on(tx, rules, sus, c)?;
        super::closures::refresh_calls_on(tx, &calendar, c)?;
    }
    Ok(())
}

/// The change that soft-deletes appointment `id`, the new time of a move, while it is still
/// planned with nothing logged on it; `None` when something has happened to it.
pub(super) fn drop_follow_up(tx: &rusqlite::Connection, id: i64) -> Result<Option<Change>> {
    let row: Option<(String, String, Option<i64>, bool, bool)> = tx
        .query_row(
            "SELECT status, reason, moved_to, deleted,
                    EXISTS (SELECT 1 FROM contacts WHERE appointment_id = ?1 AND deleted = 0)
             FROM appointments WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    Ok(match row {
        Some((status, reason, moved_to, false, false)) if status == Status::Planned.key() => {
            Some(Change::Appointment {
                id,
                status: Status::Planned,
                reason,
                moved_to,
                deleted: true,
            })
        }
        _ => None,
    })
}

/// Applies one change (a [`Change::Several`] in order); returns its inverse and adds the
/// citizens it touched to `touched`. Corrections and deletions of entries are audited at `now`.
pub(super) fn apply_one(
    tx: &rusqlite::Connection,
    ch: &Change,
    now: NaiveDateTime,
    touched: &mut Vec<i64>,
) -> Result<Change> {
    match ch {
        Change::Several(list) => {
            let mut inverse = Vec::with_capacity(list.len());
            for c in list {
                inverse.push(apply_one(tx, c, now, touched)?);
            }
            inverse.reverse();
            Ok(Change::Several(inverse))
        }
        Change::Contact { .. } | Change::ContactRemoved { .. } => {
            let (inv, citizen) = super::corrections::apply_correction(tx, ch, now)?;
            touched.push(citizen);
            Ok(inv)
        }
        Change::Citizen { .. } => {
            let (inv, citizen) = super::citizen_edit::apply_citizen(tx, ch, now)?;
            touched.extend(citizen);
            Ok(inv)
        }
        Change::Series { .. } | Change::Occurrence { .. } => {
            let (inv, citizen) = super::series::apply_series_change(tx, ch)?;
            touched.push(citizen);
            Ok(inv)
        }
        Change::Company(c) => {
            let (inv, citizen) = super::companies::apply_company_change(tx, c)?;
            touched.extend(citizen);
            Ok(Change::Company(Box::new(inv)))
        }
        _ => {
            let (inv, citizen) = apply_simple(tx, ch)?;
            touched.push(citizen);
            Ok(inv)
        }
    }
}

/// Applies one change of the kinds that are not audited; returns its inverse and the citizen
/// it touched.
fn apply_simple(tx: &rusqlite::Connection, ch: &Change) -> Result<(Change, i64)> {
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
        Change::AppointmentFields {
            id,
            minutes,
            channel,
            place,
            kind,
        } => {
            let (old_minutes, old_channel, old_place, old_kind, citizen): (i64, String, String, String, i64) = tx
                .query_row(
                    "SELECT minutes, channel, place, kind, citizen_id FROM appointments WHERE id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
                )
                .map_err(|_| missing(Row::Appointment, *id))?;
            tx.execute(
                "UPDATE appointments SET minutes = ?2, channel = ?3, place = ?4, kind = ?5 WHERE id = ?1",
                params![id, minutes, channel.key(), place, kind.key()],
            )?;
            (
                Change::AppointmentFields {
                    id: *id,
                    minutes: old_minutes,
                    channel: Channel::parse(&old_channel).unwrap_or(*channel),
                    place: old_place,
                    kind: crate::domain::Kind::parse(&old_kind).unwrap_or(*kind),
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
            super::Error::check_length(crate::domain::limits::Text::Note, note)?;
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
            super::Error::check_length(crate::domain::limits::Text::Summary, text)?;
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
        Change::Feedback {
            contact_id,
            score,
            wish,
        } => {
            let (old_score, old_wish, citizen): (Option<u8>, String, i64) = tx
                .query_row(
                    "SELECT feedback_score, feedback_wish, citizen_id FROM contacts WHERE id = ?1",
                    [contact_id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .map_err(|_| missing(Row::Contact, *contact_id))?;
            if let Some(s) = score
                && !(1..=5).contains(s)
            {
                return Err(super::Error::ScoreOutOfRange(*s).into());
            }
            super::Error::check_length(crate::domain::limits::Text::Note, wish)?;
            tx.execute(
                "UPDATE contacts SET feedback_score = ?2, feedback_wish = ?3 WHERE id = ?1",
                params![contact_id, score, wish],
            )?;
            (
                Change::Feedback {
                    contact_id: *contact_id,
                    score: old_score,
                    wish: old_wish,
                },
                citizen,
            )
        }
        Change::Requested { citizen_id, date } => {
            let old: Option<String> = tx
                .query_row(
                    "SELECT requested FROM citizens WHERE id = ?1",
                    [citizen_id],
                    |r| r.get(0),
                )
                .map_err(|_| missing(Row::Citizen, *citizen_id))?;
            tx.execute(
                "UPDATE citizens SET requested = ?2 WHERE id = ?1",
                params![citizen_id, date.map(|d| d.format("%Y-%m-%d").to_string())],
            )?;
            (
                Change::Requested {
                    citizen_id: *citizen_id,
                    date: old.and_then(|s| chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok()),
                },
                *citizen_id,
            )
        }
        Change::Attendance {
            citizen_id,
            date,
            mark,
            contact_id,
        } => {
            let inverse =
                super::jobclub::set_attendance_on(tx, *citizen_id, *date, *mark, *contact_id)?;
            (inverse, *citizen_id)
        }
        Change::Exemption {
            id,
            citizen_id,
            exemption,
            created_at,
        } => {
            let inverse = super::jobclub::set_exemption_on(
                tx,
                *id,
                *citizen_id,
                exemption.as_deref(),
                created_at,
            )?;
            (inverse, *citizen_id)
        }
        Change::Contact { .. }
        | Change::ContactRemoved { .. }
        | Change::Citizen { .. }
        | Change::Series { .. }
        | Change::Occurrence { .. }
        | Change::Company(_)
        | Change::Several(_) => {
            return Err(anyhow::anyhow!("internal: {ch:?} is applied by apply_one"));
        }
    })
}
