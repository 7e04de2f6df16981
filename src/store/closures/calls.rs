//! A closure's call list: the entries, their attempts (each a contact in the log), the
//! working order, the progress and the report.

use crate::domain::workdays::Calendar;
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params, params_from_iter};

use super::{bad, date_db, date_from, no_open_closure};
use crate::domain::closure::{
    AttemptFact, CallBand, CallEntry, CallResult, Closure, GroupCounts, NewAttempt, Progress,
    ReportRow, call_state_in, report_rows,
};
use crate::domain::dates::{from_db, to_db};
use crate::domain::filter::Filter;
use crate::domain::{NewContact, TargetGroup, Word};
use crate::error::Result;
use crate::store::Store;
use crate::store::citizens::{Look, filter_conditions};
use crate::store::{Error, MinutesOf};

/// What recording an attempt did.
#[derive(Debug, Clone, PartialEq)]
pub struct AttemptRecorded {
    /// The contact written to the log.
    pub contact_id: i64,
    pub closure: Closure,
    /// The entry after the attempt.
    pub entry: CallEntry,
}

/// The columns of a call-list entry; `?2` is today's date, for the band.
const CALL_COLS: &str = "cc.closure_id, cc.citizen_id, c.name, c.phone, cc.target_group, cc.mentor, \
     cc.position, cc.attempts, cc.last_result, cc.last_at, cc.reached, cc.accepted, cc.next_try";

/// The band of an entry in SQL, mirroring `CallBand::of` (a store test checks they agree).
const BAND_SQL: &str = "CASE WHEN cc.reached THEN 4 WHEN cc.last_result IS NULL THEN 1 \
     WHEN cc.next_try IS NULL THEN 3 WHEN cc.next_try <= ?2 THEN 0 ELSE 2 END";

fn entry_from_row(r: &Row<'_>) -> rusqlite::Result<CallEntry> {
    let group: String = r.get(4)?;
    let last: Option<String> = r.get(8)?;
    Ok(CallEntry {
        closure_id: r.get(0)?,
        citizen_id: r.get(1)?,
        name: r.get(2)?,
        phone: r.get(3)?,
        target_group: TargetGroup::parse(&group).unwrap_or(TargetGroup::Other),
        mentor: r.get(5)?,
        position: r.get(6)?,
        attempts: r.get(7)?,
        last_result: match last {
            Some(s) => Some(CallResult::parse(&s).map_err(|e| bad(8, e))?),
            None => None,
        },
        last_at: r.get::<_, Option<String>>(9)?.and_then(|s| from_db(&s)),
        reached: r.get(10)?,
        accepted: r.get(11)?,
        next_try: r.get::<_, Option<String>>(12)?.and_then(|s| date_from(&s)),
    })
}

/// Recomputes a citizen's entries on every call list (after an undo touched their log).
pub(crate) fn refresh_calls_on(
    conn: &Connection,
    calendar: &Calendar,
    citizen_id: i64,
) -> Result<()> {
    let ids: Vec<i64> = {
        let mut st =
            conn.prepare_cached("SELECT closure_id FROM closure_calls WHERE citizen_id = ?1")?;
        st.query_map([citizen_id], |r| r.get(0))?
            .collect::<Result<_, _>>()?
    };
    for id in ids {
        refresh_call_on(conn, calendar, id, citizen_id)?;
    }
    Ok(())
}

/// Recomputes one call-list entry from its attempts whose contacts are not deleted.
pub(crate) fn refresh_call_on(
    conn: &Connection,
    calendar: &Calendar,
    closure_id: i64,
    citizen_id: i64,
) -> Result<()> {
    let facts: Vec<AttemptFact> = {
        let mut st = conn.prepare_cached(
            "SELECT k.at, a.result, a.accepted FROM closure_attempts a
             JOIN contacts k ON k.id = a.contact_id
             WHERE a.closure_id = ?1 AND a.citizen_id = ?2 AND k.deleted = 0
             ORDER BY k.at, k.id",
        )?;
        let rows = st.query_map(params![closure_id, citizen_id], |r| {
            let at: String = r.get(0)?;
            let result: String = r.get(1)?;
            Ok(AttemptFact {
                at: from_db(&at).ok_or_else(|| bad(0, format!("bad time '{at}'")))?,
                result: CallResult::parse(&result).map_err(|e| bad(1, e))?,
                accepted: r.get(2)?,
            })
        })?;
        rows.collect::<Result<_, _>>()?
    };
    // The retry falls on the next working day of the user's calendar (the config's days off).
    let s = call_state_in(&facts, calendar);
    conn.prepare_cached(
        "UPDATE closure_calls SET attempts = ?3, last_result = ?4, last_at = ?5, reached = ?6,
                accepted = ?7, next_try = ?8
         WHERE closure_id = ?1 AND citizen_id = ?2",
    )?
    .execute(params![
        closure_id,
        citizen_id,
        s.attempts,
        s.last_result.map(|r| r.key()),
        s.last_at.map(to_db),
        s.reached,
        s.accepted,
        s.next_try.map(date_db),
    ])?;
    Ok(())
}

/// Where the filter looks on a call list (`cc` joined with the citizen `c`).
const LOOK: Look<'static> = Look {
    id: "c.id",
    name_key: "c.name_key",
    phone: "c.phone",
    group: "cc.target_group",
    mentor: "cc.mentor = 1 OR c.mentor = 1",
    next_due: "c.next_due",
    notes: &["c.address"],
    channel: None,
};

/// The WHERE clause of a call list: `?1` the closure, `?2` today (the band uses it), then the
/// filter's arguments.
fn call_conditions(closure_id: i64, today: NaiveDate, filter: &Filter) -> (String, Vec<Value>) {
    let mut cond = String::from("cc.closure_id = ?1");
    let mut args = vec![Value::Integer(closure_id), Value::Text(date_db(today))];
    // `?2` stays bound even when nothing but the band reads it.
    cond.push_str(" AND ?2 IS NOT NULL");
    filter_conditions(filter, &LOOK, today, &mut cond, &mut args);
    (cond, args)
}

impl Store {
    /// A window of a closure's call list, in working order on `today`: retries that are due
    /// (by their day, then list order), then those not called yet, retries of later days,
    /// wrong numbers, and last those reached; each band in list order.
    pub fn call_list(
        &self,
        closure_id: i64,
        today: NaiveDate,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<CallEntry>> {
        self.call_list_filtered(closure_id, today, &Filter::default(), offset, limit)
    }

    /// [`Store::call_list`] with only the entries the filter lets through: words in the name,
    /// the phone number, the address or the target group (the one the citizen had when the closure
    /// started); `gruppe:` that group; `mentor` the entries of mentor
    /// citizens; `overskredet` citizens whose next conversation was due before today; `kanal:`
    /// citizens with a planned appointment on that channel from today on.
    pub fn call_list_filtered(
        &self,
        closure_id: i64,
        today: NaiveDate,
        filter: &Filter,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<CallEntry>> {
        let (cond, mut args) = call_conditions(closure_id, today, filter);
        let n = args.len();
        args.push(Value::Integer(limit.min(i64::MAX as usize) as i64));
        args.push(Value::Integer(offset.min(i64::MAX as usize) as i64));
        let sql = format!(
            "SELECT {CALL_COLS}, {BAND_SQL} AS band
             FROM closure_calls cc JOIN citizens c ON c.id = cc.citizen_id
             WHERE {cond}
             ORDER BY band, cc.next_try, cc.position
             LIMIT ?{} OFFSET ?{}",
            n + 1,
            n + 2
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(params_from_iter(args), entry_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// How many entries of a closure's call list the filter lets through (all of them with an
    /// empty filter).
    pub fn count_call_list(
        &self,
        closure_id: i64,
        today: NaiveDate,
        filter: &Filter,
    ) -> Result<usize> {
        let (cond, args) = call_conditions(closure_id, today, filter);
        let sql = format!(
            "SELECT count(*) FROM closure_calls cc JOIN citizens c ON c.id = cc.citizen_id
             WHERE {cond}"
        );
        let n: i64 = self
            .conn
            .prepare_cached(&sql)?
            .query_row(params_from_iter(args), |r| r.get(0))?;
        Ok(n as usize)
    }

    /// One citizen's entry on a closure's call list, if they are on it.
    pub fn call_entry(&self, closure_id: i64, citizen_id: i64) -> Result<Option<CallEntry>> {
        let sql = format!(
            "SELECT {CALL_COLS} FROM closure_calls cc JOIN citizens c ON c.id = cc.citizen_id
             WHERE cc.closure_id = ?1 AND cc.citizen_id = ?2"
        );
        Ok(self
            .conn
            .query_row(&sql, params![closure_id, citizen_id], entry_from_row)
            .optional()?)
    }

    /// How far a closure's call-round has come on `today` ("reached 41 of 112", today's retries).
    pub fn call_progress(&self, closure_id: i64, today: NaiveDate) -> Result<Progress> {
        let sql = format!(
            "SELECT {BAND_SQL} AS band, count(*), sum(cc.reached AND cc.accepted IS 1), sum(cc.attempts)
             FROM closure_calls cc WHERE cc.closure_id = ?1 GROUP BY band"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(params![closure_id, date_db(today)], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, u32>(1)?,
                r.get::<_, u32>(2)?,
                r.get::<_, u32>(3)?,
            ))
        })?;
        let mut p = Progress::default();
        for row in rows {
            let (band, n, accepted, attempts) = row?;
            let band = CallBand::from_index(band)
                .ok_or_else(|| anyhow::anyhow!("unknown call band {band}"))?;
            p.add(band, n, accepted, attempts);
        }
        Ok(p)
    }

    /// The report of a closure: one row per target group of the contract (empty ones too), then
    /// all together. Citizens count in the group they had when the closure started.
    pub fn closure_report(&self, closure_id: i64) -> Result<Vec<ReportRow>> {
        let mut st = self.conn.prepare_cached(
            "SELECT target_group, count(*), sum(reached), sum(reached AND accepted IS 1), sum(attempts)
             FROM closure_calls WHERE closure_id = ?1 GROUP BY target_group",
        )?;
        let n = |x: Option<i64>| x.unwrap_or(0).max(0) as u64;
        let rows = st.query_map([closure_id], |r| {
            let g: String = r.get(0)?;
            Ok((
                TargetGroup::parse(&g).unwrap_or(TargetGroup::Other),
                GroupCounts {
                    citizens: n(r.get(1)?),
                    reached: n(r.get(2)?),
                    accepted: n(r.get(3)?),
                    attempts: n(r.get(4)?),
                },
            ))
        })?;
        let counts: Vec<(TargetGroup, GroupCounts)> = rows.collect::<Result<_, _>>()?;
        Ok(report_rows(&counts))
    }

    /// Records one attempt on the open closure's call list: a contact in the log (phone,
    /// outcome reached / not_reached / message_left, not counting toward the minimum) and the
    /// closure's result on the entry. Refused, with nothing written, when no closure is open,
    /// the citizen is not on its list, or `accepted` comes with a result other than reached.
    /// The same uuid again (a retry after a crash) records nothing new.
    pub fn record_attempt(&mut self, a: &NewAttempt) -> Result<AttemptRecorded> {
        if a.accepted.is_some() && a.result != CallResult::Reached {
            return Err(Error::AcceptedNeedsReached { result: a.result }.into());
        }
        if a.minutes < 0 || a.minutes > 24 * 60 {
            return Err(Error::MinutesOutOfRange {
                of: MinutesOf::Call,
                minutes: a.minutes,
            }
            .into());
        }
        let closure = self.open_closure()?.ok_or_else(no_open_closure)?;
        self.require_citizen(a.citizen_id)?;
        if self.call_entry(closure.id, a.citizen_id)?.is_none() {
            return Err(Error::NotOnCallList {
                citizen: a.citizen_id,
                closure: closure.name,
            }
            .into());
        }
        let rules = self.rules.clone();
        let calendar = rules.calendar();
        let sus = self.suspensions.clone();
        let created = to_db(self.clock.now());
        let contact = NewContact {
            uuid: a.uuid.clone(),
            citizen_id: a.citizen_id,
            appointment_id: None,
            at: a.at,
            channel: a.channel,
            outcome: a.result.outcome(),
            minutes: a.minutes,
            note: a.note.clone(),
            counts: false,
        };
        let contact_id = self.write(|tx| {
            let id = crate::store::insert_contact_raw(tx, &contact, &created)?;
            tx.prepare_cached(
                "INSERT INTO closure_attempts (contact_id, closure_id, citizen_id, result, accepted)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (contact_id) DO NOTHING",
            )?
            .execute(params![id, closure.id, a.citizen_id, a.result.key(), a.accepted])?;
            refresh_call_on(tx, &calendar, closure.id, a.citizen_id)?;
            crate::store::refresh_citizen_on(tx, &rules, &sus, a.citizen_id)?;
            Ok(id)
        })?;
        let entry = self
            .call_entry(closure.id, a.citizen_id)?
            .ok_or_else(|| anyhow::anyhow!("the call-list entry vanished while it was written"))?;
        Ok(AttemptRecorded {
            contact_id,
            closure,
            entry,
        })
    }
}
