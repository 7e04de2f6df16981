//! The citizen's voice and the job club (issue 20): who is expected at the job club, the
//! attendance marks per session, exemptions with a time of day and weekdays (overlaps refused),
//! the "asked for a conversation" mark, and the feedback answers the satisfaction report sums up.
//! The rules (which sessions, what an exemption covers, the sums) are in `domain::jobclub` and
//! `domain::feedback`.

use chrono::{NaiveDate, NaiveTime};
use rusqlite::{OptionalExtension, Row, params};

use super::{Change, Store, no_citizen};
use crate::domain::dates::to_db;
use crate::domain::feedback::Answer;
use crate::domain::jobclub::{
    AttendanceRow, Exemption, Mark, Session, weekdays_from_key, weekdays_key,
};
use crate::domain::records::DayRange;
use crate::domain::{Channel, NewContact, Outcome, TargetGroup, Word};
use crate::error::Result;

fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn day(s: Option<String>) -> Option<NaiveDate> {
    s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
}

fn hm(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

fn time(s: Option<String>) -> Option<NaiveTime> {
    s.and_then(|s| NaiveTime::parse_from_str(&s, "%H:%M").ok())
}

const EXEMPTION_COLS: &str =
    "id, citizen_id, from_date, to_date, from_time, to_time, weekdays, reason";

fn exemption_from_row(r: &Row<'_>) -> rusqlite::Result<Exemption> {
    let from_time = time(r.get(4)?);
    let to_time = time(r.get(5)?);
    Ok(Exemption {
        id: r.get(0)?,
        citizen_id: r.get(1)?,
        from: day(r.get(2)?).unwrap_or_default(),
        to: day(r.get(3)?).unwrap_or_default(),
        time: from_time.zip(to_time),
        weekdays: weekdays_from_key(&r.get::<_, String>(6)?),
        reason: r.get(7)?,
    })
}

/// An absence to log as a contact when it is marked (only when the user asks for it).
#[derive(Debug, Clone, PartialEq)]
pub struct LogAbsence {
    /// The new entry's uuid (a retry cannot log it twice).
    pub uuid: String,
    /// When: the session's start.
    pub at: chrono::NaiveDateTime,
    /// The note, in the user's language ("Jobklub: fraværende").
    pub note: String,
}

/// What marking attendance did.
#[derive(Debug, Clone, PartialEq)]
pub struct AttendanceMarked {
    /// The contact the absence was logged as, when asked.
    pub contact_id: Option<i64>,
    /// The change that undoes the mark (and the logged contact).
    pub undo: Change,
}

/// Sets (or removes, `mark: None`) one attendance row; returns the change that puts back what
/// was there.
pub(super) fn set_attendance_on(
    tx: &rusqlite::Connection,
    citizen_id: i64,
    date: NaiveDate,
    mark: Option<Mark>,
    contact_id: Option<i64>,
) -> Result<Change> {
    let old: Option<(String, Option<i64>)> = tx
        .query_row(
            "SELECT mark, contact_id FROM jobclub_attendance WHERE date = ?1 AND citizen_id = ?2",
            params![ymd(date), citizen_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match mark {
        Some(m) => {
            tx.execute(
                "INSERT INTO jobclub_attendance (date, citizen_id, mark, contact_id, marked_at)
                 VALUES (?1, ?2, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))
                 ON CONFLICT (date, citizen_id) DO UPDATE SET mark = excluded.mark,
                     contact_id = excluded.contact_id, marked_at = excluded.marked_at",
                params![ymd(date), citizen_id, m.key(), contact_id],
            )
            .map_err(super::open::explain_sqlite)?;
        }
        None => {
            tx.execute(
                "DELETE FROM jobclub_attendance WHERE date = ?1 AND citizen_id = ?2",
                params![ymd(date), citizen_id],
            )?;
        }
    }
    let (mark, contact_id) = match old {
        Some((m, c)) => (Mark::parse(&m).ok(), c),
        None => (None, None),
    };
    Ok(Change::Attendance {
        citizen_id,
        date,
        mark,
        contact_id,
    })
}

/// Sets exemption `id` to `x` (updated, or added back with this id and `created_at` when it is
/// gone), or deletes it (`None`); returns the change that puts back what was there.
pub(super) fn set_exemption_on(
    tx: &rusqlite::Connection,
    id: i64,
    citizen_id: i64,
    x: Option<&Exemption>,
    created_at: &str,
) -> Result<Change> {
    let old: Option<(Exemption, String)> = tx
        .query_row(
            &format!("SELECT {EXEMPTION_COLS}, created_at FROM jobclub_exemptions WHERE id = ?1"),
            [id],
            |r| Ok((exemption_from_row(r)?, r.get(8)?)),
        )
        .optional()?;
    match (x, &old) {
        (Some(x), Some(_)) => {
            tx.execute(
                "UPDATE jobclub_exemptions SET from_date = ?2, to_date = ?3, from_time = ?4,
                     to_time = ?5, weekdays = ?6, reason = ?7 WHERE id = ?1",
                params![
                    id,
                    ymd(x.from),
                    ymd(x.to),
                    x.time.map(|t| hm(t.0)),
                    x.time.map(|t| hm(t.1)),
                    weekdays_key(&x.weekdays),
                    x.reason
                ],
            )?;
        }
        (Some(x), None) => {
            tx.execute(
                "INSERT INTO jobclub_exemptions
                     (id, citizen_id, from_date, to_date, from_time, to_time, weekdays, reason,
                      created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    id,
                    citizen_id,
                    ymd(x.from),
                    ymd(x.to),
                    x.time.map(|t| hm(t.0)),
                    x.time.map(|t| hm(t.1)),
                    weekdays_key(&x.weekdays),
                    x.reason,
                    created_at
                ],
            )
            .map_err(super::open::explain_sqlite)?;
        }
        (None, _) => {
            tx.execute("DELETE FROM jobclub_exemptions WHERE id = ?1", [id])?;
        }
    }
    Ok(match old {
        Some((x, created_at)) => Change::Exemption {
            id,
            citizen_id: x.citizen_id,
            exemption: Some(Box::new(x)),
            created_at,
        },
        None => Change::Exemption {
            id,
            citizen_id,
            exemption: None,
            created_at: created_at.to_string(),
        },
    })
}

impl Store {
    // --- Expected at the job club ------------------------------------------------------------

    /// Whether the citizen is expected at the job club's sessions (`jobdesk jobclub join|leave`).
    pub fn set_jobclub(&mut self, citizen_id: i64, member: bool) -> Result<()> {
        self.require_citizen(citizen_id)?;
        self.write(|tx| {
            tx.execute(
                "UPDATE citizens SET jobclub = ?2 WHERE id = ?1",
                params![citizen_id, member],
            )?;
            Ok(())
        })
    }

    /// The active citizens expected at the job club, by name: (id, name).
    pub fn jobclub_members(&self) -> Result<Vec<(i64, String)>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, name FROM citizens WHERE jobclub = 1 AND archived = 0 ORDER BY sort_key, id",
        )?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    // --- Attendance ----------------------------------------------------------------------------

    /// The attendance list of a session: every active citizen expected at the job club, and
    /// anyone marked for that day (who may have left since), by name; each with the mark given
    /// and the exemption that covers the session (see [`AttendanceRow::effective`]).
    pub fn attendance(&self, session: &Session) -> Result<Vec<AttendanceRow>> {
        let date = ymd(session.date);
        let mut st = self.conn.prepare_cached(
            "SELECT c.id, c.name, a.mark, a.contact_id
             FROM citizens c
             LEFT JOIN jobclub_attendance a ON a.citizen_id = c.id AND a.date = ?1
             WHERE (c.jobclub = 1 AND c.archived = 0) OR a.mark IS NOT NULL
             ORDER BY c.sort_key, c.id",
        )?;
        let rows: Vec<(i64, String, Option<String>, Option<i64>)> = st
            .query_map([&date], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<Result<_, _>>()?;
        let mut ex = self.conn.prepare_cached(&format!(
            "SELECT {EXEMPTION_COLS} FROM jobclub_exemptions
             WHERE citizen_id = ?1 AND from_date <= ?2 AND to_date >= ?2 ORDER BY from_date, id"
        ))?;
        let mut out = Vec::with_capacity(rows.len());
        for (id, name, mark, contact_id) in rows {
            let exemption = ex
                .query_map(params![id, date], exemption_from_row)?
                .collect::<Result<Vec<_>, _>>()?
                .into_iter()
                .find(|x| x.covers(session));
            out.push(AttendanceRow {
                citizen_id: id,
                name,
                mark: mark.and_then(|m| Mark::parse(&m).ok()),
                exemption,
                contact_id,
            });
        }
        Ok(out)
    }

    /// Marks a citizen present, absent or exempt for the session of `date` (`None` takes the
    /// mark away); marking again replaces the mark. With `log` an absence is also written to
    /// the contact log (in person, no-show, not counting toward the minimum); a mark that is no
    /// absence, or a new mark, takes back an absence logged before (soft-deleted). One undo
    /// step.
    pub fn mark_attendance(
        &mut self,
        citizen_id: i64,
        date: NaiveDate,
        mark: Option<Mark>,
        log: Option<&LogAbsence>,
    ) -> Result<AttendanceMarked> {
        self.require_citizen(citizen_id)?;
        let rules = self.rules.clone();
        let sus = self.suspensions.clone();
        let created = to_db(self.clock.now());
        self.write(|tx| {
            let earlier: Option<i64> = tx
                .query_row(
                    "SELECT contact_id FROM jobclub_attendance WHERE date = ?1 AND citizen_id = ?2",
                    params![ymd(date), citizen_id],
                    |r| r.get(0),
                )
                .optional()?
                .flatten();
            let mut undo = Vec::new();
            if let Some(old) = earlier {
                tx.execute("UPDATE contacts SET deleted = 1 WHERE id = ?1", [old])?;
                undo.push(Change::ContactDeleted {
                    id: old,
                    deleted: false,
                });
            }
            let contact_id = match (mark, log) {
                (Some(Mark::Absent), Some(l)) => {
                    let id = super::contacts::insert_contact(
                        tx,
                        &NewContact {
                            uuid: l.uuid.clone(),
                            citizen_id,
                            appointment_id: None,
                            at: l.at,
                            channel: Channel::InPerson,
                            outcome: Outcome::NoShow,
                            minutes: 0,
                            note: l.note.clone(),
                            counts: false,
                        },
                        &created,
                    )?;
                    undo.push(Change::ContactDeleted { id, deleted: true });
                    Some(id)
                }
                _ => None,
            };
            undo.push(set_attendance_on(tx, citizen_id, date, mark, contact_id)?);
            if earlier.is_some() || contact_id.is_some() {
                super::refresh_citizen_on(tx, &rules, &sus, citizen_id)?;
            }
            undo.reverse();
            Ok(AttendanceMarked {
                contact_id,
                undo: Change::Several(undo),
            })
        })
    }

    /// The marks given between two days (both included), by day and name:
    /// (date, citizen id, name, mark).
    pub fn attendance_marks(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(NaiveDate, i64, String, Mark)>> {
        let mut st = self.conn.prepare_cached(
            "SELECT a.date, c.id, c.name, a.mark FROM jobclub_attendance a
             JOIN citizens c ON c.id = a.citizen_id
             WHERE a.date >= ?1 AND a.date <= ?2 ORDER BY a.date, c.sort_key, c.id",
        )?;
        let rows = st.query_map(params![ymd(from), ymd(to)], |r| {
            Ok((
                day(r.get(0)?).unwrap_or_default(),
                r.get(1)?,
                r.get(2)?,
                Mark::parse(&r.get::<_, String>(3)?).unwrap_or(Mark::Absent),
            ))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    // --- Exemptions ----------------------------------------------------------------------------

    /// Adds an exemption (its `id` is ignored) and returns the new id. Refused when the range
    /// is reversed, the time of day ends before it starts, or it overlaps another exemption of
    /// the same citizen ([`super::Error::ExemptionOverlaps`] names that one).
    pub fn add_exemption(
        &mut self,
        x: &Exemption,
        now: chrono::NaiveDateTime,
    ) -> Result<(i64, Change)> {
        self.require_citizen(x.citizen_id)?;
        self.check_exemption(x, None)?;
        self.write(|tx| {
            tx.execute(
                "INSERT INTO jobclub_exemptions
                     (citizen_id, from_date, to_date, from_time, to_time, weekdays, reason, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    x.citizen_id,
                    ymd(x.from),
                    ymd(x.to),
                    x.time.map(|t| hm(t.0)),
                    x.time.map(|t| hm(t.1)),
                    weekdays_key(&x.weekdays),
                    x.reason,
                    to_db(now)
                ],
            )?;
            let id = tx.last_insert_rowid();
            Ok((
                id,
                Change::Exemption {
                    id,
                    citizen_id: x.citizen_id,
                    exemption: None,
                    created_at: to_db(now),
                },
            ))
        })
    }

    /// A whole-day exemption on every day from–to (the form `citizen exempt-jobclub` keeps).
    pub fn add_jobclub_exemption(
        &mut self,
        citizen_id: i64,
        from: NaiveDate,
        to: NaiveDate,
        reason: &str,
        now: chrono::NaiveDateTime,
    ) -> Result<i64> {
        self.add_exemption(
            &Exemption {
                id: 0,
                citizen_id,
                from,
                to,
                time: None,
                weekdays: Vec::new(),
                reason: reason.to_string(),
            },
            now,
        )
        .map(|(id, _)| id)
    }

    /// Changes exemption `x.id` (its citizen stays); the same checks as adding one, the
    /// exemption itself left out of the overlap check.
    pub fn edit_exemption(&mut self, x: &Exemption) -> Result<Change> {
        let old = self.exemption(x.id)?;
        let x = Exemption {
            citizen_id: old.citizen_id,
            ..x.clone()
        };
        self.check_exemption(&x, Some(x.id))?;
        self.write(|tx| set_exemption_on(tx, x.id, x.citizen_id, Some(&x), ""))
    }

    /// Removes an exemption; returns what it was and the change that brings it back.
    pub fn remove_exemption(&mut self, id: i64) -> Result<(Exemption, Change)> {
        let old = self.exemption(id)?;
        let undo = self.write(|tx| set_exemption_on(tx, id, old.citizen_id, None, ""))?;
        Ok((old, undo))
    }

    /// One exemption by id.
    pub fn exemption(&self, id: i64) -> Result<Exemption> {
        self.conn
            .query_row(
                &format!("SELECT {EXEMPTION_COLS} FROM jobclub_exemptions WHERE id = ?1"),
                [id],
                exemption_from_row,
            )
            .optional()?
            .ok_or_else(|| super::Error::NoExemption(id).into())
    }

    /// A citizen's exemptions, the latest first.
    pub fn jobclub_exemptions(&self, citizen_id: i64) -> Result<Vec<Exemption>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {EXEMPTION_COLS} FROM jobclub_exemptions WHERE citizen_id = ?1
             ORDER BY from_date DESC, id DESC"
        ))?;
        let rows = st.query_map([citizen_id], exemption_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The exemptions that hold on some day from–to (both included; a week's list), with the
    /// citizen's name, by first day and name.
    pub fn exemptions_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(Exemption, String)>> {
        let cols = EXEMPTION_COLS
            .split(", ")
            .map(|c| format!("x.{c}"))
            .collect::<Vec<_>>()
            .join(", ");
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {cols}, c.name FROM jobclub_exemptions x JOIN citizens c ON c.id = x.citizen_id
             WHERE x.from_date <= ?2 AND x.to_date >= ?1 ORDER BY x.from_date, c.sort_key, x.id"
        ))?;
        let rows = st
            .query_map(params![ymd(from), ymd(to)], |r| {
                Ok((exemption_from_row(r)?, r.get::<_, String>(8)?))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        // Only those that hold on one of the days (a Tuesday-only exemption is not in a week
        // whose Tuesday is outside its range).
        Ok(rows
            .into_iter()
            .filter(|(x, _)| {
                from.iter_days()
                    .take_while(|d| *d <= to)
                    .any(|d| x.holds_on(d))
            })
            .collect())
    }

    fn check_exemption(&self, x: &Exemption, except: Option<i64>) -> Result<()> {
        if x.from > x.to {
            return Err(super::Error::RangeReversed {
                from: x.from,
                to: x.to,
            }
            .into());
        }
        if let Some((f, t)) = x.time
            && f >= t
        {
            return Err(super::Error::TimeReversed { from: f, to: t }.into());
        }
        super::Error::check_length(crate::domain::limits::Text::Summary, &x.reason)?;
        for other in self.jobclub_exemptions(x.citizen_id)? {
            if Some(other.id) != except && other.overlaps(x) {
                return Err(super::Error::ExemptionOverlaps {
                    other: other.id,
                    from: other.from,
                    to: other.to,
                    reason: other.reason,
                }
                .into());
            }
        }
        Ok(())
    }

    // --- Asked for a conversation --------------------------------------------------------------

    /// Marks that the citizen asked for a conversation on `date` (`None` clears the mark); the
    /// mark also clears itself when a conversation is planned on or after that day. Returns the
    /// change that undoes it.
    pub fn set_requested(&mut self, citizen_id: i64, date: Option<NaiveDate>) -> Result<Change> {
        self.require_citizen(citizen_id)?;
        let mut inverse = self.apply(&[Change::Requested { citizen_id, date }])?;
        inverse
            .pop()
            .ok_or_else(|| anyhow::anyhow!("internal: no undo for the request"))
    }

    /// The day the citizen asked for a conversation, while none is planned since.
    pub fn requested(&self, citizen_id: i64) -> Result<Option<NaiveDate>> {
        self.conn
            .query_row(
                "SELECT requested FROM citizens WHERE id = ?1",
                [citizen_id],
                |r| r.get::<_, Option<String>>(0),
            )
            .optional()?
            .map(day)
            .ok_or_else(|| no_citizen(citizen_id))
    }

    // --- Feedback ------------------------------------------------------------------------------

    /// The feedback answers of the live contacts in `range` (by the contact's day), oldest
    /// first, with the citizen's target group (today's: the log keeps no earlier one).
    pub fn feedback_answers(&self, range: DayRange) -> Result<Vec<Answer>> {
        let from = range.from.map(ymd).unwrap_or_else(|| "0000-01-01".into());
        let to = range
            .end_exclusive()
            .map(to_db)
            .unwrap_or_else(|| "9999-12-31".into());
        let mut st = self.conn.prepare_cached(
            "SELECT k.at, c.target_group, k.feedback_score, k.feedback_wish
             FROM contacts k JOIN citizens c ON c.id = k.citizen_id
             WHERE k.deleted = 0 AND k.feedback_score IS NOT NULL AND k.at >= ?1 AND k.at < ?2
             ORDER BY k.at, k.id",
        )?;
        let rows = st.query_map(params![from, to], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, u8>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (at, group, score, wish) = row?;
            let Some(at) = crate::domain::dates::from_db(&at) else {
                continue;
            };
            out.push(Answer {
                date: at.date(),
                group: TargetGroup::parse(&group).unwrap_or(TargetGroup::Other),
                score,
                wish,
            });
        }
        Ok(out)
    }
}
