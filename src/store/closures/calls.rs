//! A closure's call list: the entries, their attempts (each a contact in the log), the
//! working order, the progress and the report.

use crate::domain::workdays::Calendar;
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params, params_from_iter};

use super::{bad, date_db, date_from, no_open_closure};
use crate::domain::closure::{
    AttemptFact, CallAnswers, CallBand, CallEntry, CallResult, Closure, GroupCounts, Grouping,
    NewAttempt, Progress, RawCounts, ReachedVia, Reception, ReportRow, call_state_in,
    contact_reaches, is_conversation_channel, is_newcomer, report_rows_by,
};
use crate::domain::dates::{from_db, to_db};
use crate::domain::filter::Filter;
use crate::domain::{Channel, NewContact, Outcome, TargetGroup, Word};
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

/// The columns of a call-list entry (from [`CALLS_FROM`]); `?2` is today's date, for the band.
const CALL_COLS: &str = "cc.closure_id, cc.citizen_id, c.name, c.phone, cc.target_group, cc.mentor, \
     cc.position, cc.attempts, cc.last_result, cc.last_at, cc.reached, cc.accepted, cc.next_try, \
     cc.newcomer, cc.received, cc.matched, cc.via";

/// The band of an entry in SQL, mirroring `CallBand::of` (a store test checks they agree): an
/// entry reached by another contact in the window (`via`) is reached.
const BAND_SQL: &str = "CASE WHEN cc.reached OR cc.via IS NOT NULL THEN 4 \
     WHEN cc.last_result IS NULL THEN 1 \
     WHEN cc.next_try IS NULL THEN 3 WHEN cc.next_try <= ?2 THEN 0 ELSE 2 END";

/// The call list's entries with `via`: the earliest contact outside the call-round that reached
/// the citizen inside the closure's window (`domain::closure::contact_reaches`), as
/// `at|channel|id`, or NULL. Read when the list is read, so a walk logged, edited, deleted or
/// undone is counted at once. Joined with the citizen as `c`.
static CALLS_FROM: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    let channels: Vec<String> = Channel::ALL
        .iter()
        .filter(|c| is_conversation_channel(**c))
        .map(|c| format!("'{}'", c.key()))
        .collect();
    let outcomes: Vec<String> = Outcome::ALL
        .iter()
        .filter(|o| contact_reaches(Channel::Phone, **o))
        .map(|o| format!("'{}'", o.key()))
        .collect();
    format!(
        "(SELECT x.*, (SELECT k.at || '|' || k.channel || '|' || k.id FROM contacts k
              WHERE k.citizen_id = x.citizen_id AND k.deleted = 0
                AND k.outcome IN ({}) AND k.channel IN ({})
                AND k.at >= cl.from_date AND k.at < date(cl.to_date, '+1 day')
                AND NOT EXISTS (SELECT 1 FROM closure_attempts a WHERE a.contact_id = k.id)
              ORDER BY k.at, k.id LIMIT 1) AS via
          FROM closure_calls x JOIN closures cl ON cl.id = x.closure_id) cc
         JOIN citizens c ON c.id = cc.citizen_id",
        outcomes.join(", "),
        channels.join(", ")
    )
});

fn via_from(s: &str) -> Option<ReachedVia> {
    let mut it = s.splitn(3, '|');
    let at = from_db(it.next()?)?;
    let channel = Channel::parse(it.next()?).ok()?;
    let contact_id = it.next()?.parse().ok()?;
    Some(ReachedVia {
        contact_id,
        channel,
        at,
    })
}

fn entry_from_row(r: &Row<'_>) -> rusqlite::Result<CallEntry> {
    let group: String = r.get(4)?;
    let last: Option<String> = r.get(8)?;
    let received: Option<String> = r.get(14)?;
    let called: bool = r.get(10)?;
    let via = if called {
        None
    } else {
        r.get::<_, Option<String>>(16)?
            .as_deref()
            .and_then(via_from)
    };
    Ok(CallEntry {
        closure_id: r.get(0)?,
        citizen_id: r.get(1)?,
        name: r.get(2)?,
        phone: r.get(3)?,
        target_group: TargetGroup::parse(&group).unwrap_or(TargetGroup::Other),
        mentor: r.get(5)?,
        position: r.get(6)?,
        newcomer: r.get(13)?,
        attempts: r.get(7)?,
        last_result: match last {
            Some(s) => Some(CallResult::parse(&s).map_err(|e| bad(8, e))?),
            None => None,
        },
        last_at: r.get::<_, Option<String>>(9)?.and_then(|s| from_db(&s)),
        reached: called || via.is_some(),
        accepted: r.get(11)?,
        next_try: if via.is_some() {
            None
        } else {
            r.get::<_, Option<String>>(12)?.and_then(|s| date_from(&s))
        },
        received: match received {
            Some(s) => Some(Reception::parse(&s).map_err(|e| bad(14, e))?),
            None => None,
        },
        matched: r.get(15)?,
        reached_via: via,
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
            "SELECT k.at, a.result, a.accepted, a.received, a.matched FROM closure_attempts a
             JOIN contacts k ON k.id = a.contact_id
             WHERE a.closure_id = ?1 AND a.citizen_id = ?2 AND k.deleted = 0
             ORDER BY k.at, k.id",
        )?;
        let rows = st.query_map(params![closure_id, citizen_id], |r| {
            let at: String = r.get(0)?;
            let result: String = r.get(1)?;
            let received: Option<String> = r.get(3)?;
            Ok(AttemptFact {
                at: from_db(&at).ok_or_else(|| bad(0, format!("bad time '{at}'")))?,
                result: CallResult::parse(&result).map_err(|e| bad(1, e))?,
                accepted: r.get(2)?,
                answers: CallAnswers {
                    received: match received {
                        Some(s) => Some(Reception::parse(&s).map_err(|e| bad(3, e))?),
                        None => None,
                    },
                    matched: r.get(4)?,
                },
            })
        })?;
        rows.collect::<Result<_, _>>()?
    };
    // The retry falls on the next working day of the user's calendar (the config's days off).
    let s = call_state_in(&facts, calendar);
    conn.prepare_cached(
        "UPDATE closure_calls SET attempts = ?3, last_result = ?4, last_at = ?5, reached = ?6,
                accepted = ?7, next_try = ?8, received = ?9, matched = ?10
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
        s.received.map(|r| r.key()),
        s.matched,
    ])?;
    Ok(())
}

/// Puts a citizen just registered on the open closure's call list, if one is open: at the end
/// of the list, flagged as a newcomer ("ny under nedlukningen", 2020's "nyledige"), with their
/// target group and mentor flag of now. Called in the transaction that adds a citizen (by hand,
/// by import or in the desk). Returns whether they joined.
pub(crate) fn join_open_closure_on(conn: &Connection, citizen_id: i64) -> Result<bool> {
    let Some(closure) = super::open_closure_on(conn)? else {
        return Ok(false);
    };
    let archived: Option<bool> = conn
        .prepare_cached("SELECT archived FROM citizens WHERE id = ?1")?
        .query_row([citizen_id], |r| r.get(0))
        .optional()?;
    if archived != Some(false) {
        return Ok(false);
    }
    insert_entry_on(conn, closure.id, citizen_id, true)
}

/// Appends a citizen to a call list (nothing when they are on it); whether a row was written.
fn insert_entry_on(
    conn: &Connection,
    closure_id: i64,
    citizen_id: i64,
    newcomer: bool,
) -> Result<bool> {
    let n = conn
        .prepare_cached(
            "INSERT INTO closure_calls (closure_id, citizen_id, position, target_group, mentor, newcomer)
             SELECT ?1, c.id,
                    (SELECT coalesce(max(position), 0) + 1 FROM closure_calls WHERE closure_id = ?1),
                    c.target_group, c.mentor, ?3
             FROM citizens c WHERE c.id = ?2
             ON CONFLICT (closure_id, citizen_id) DO NOTHING",
        )?
        .execute(params![closure_id, citizen_id, newcomer])?;
    Ok(n > 0)
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
             FROM {from}
             WHERE {cond}
             ORDER BY band, cc.next_try, cc.position
             LIMIT ?{} OFFSET ?{}",
            n + 1,
            n + 2,
            from = *CALLS_FROM,
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
        // The filter never reads `via`: the plain tables suffice for counting.
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
            "SELECT {CALL_COLS} FROM {} WHERE cc.closure_id = ?1 AND cc.citizen_id = ?2",
            *CALLS_FROM
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
             FROM {} WHERE cc.closure_id = ?1 GROUP BY band",
            *CALLS_FROM
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
    /// all together. Citizens count in the group they had when they joined the call list.
    pub fn closure_report(&self, closure_id: i64) -> Result<Vec<ReportRow>> {
        self.closure_report_by(closure_id, Grouping::TargetGroups)
    }

    /// The report of a closure in a grouping: by target group, or folded into 2020's six groups
    /// and "andre" ([`crate::domain::closure::Group2020`]); then all together. Reached counts
    /// a contact outside the call-round in the window too; asked, accepted and the receptions
    /// come from the calls; matched from the calls, or a proposal of the citizen that started
    /// (a job, a praktik or løntilskud place) within the closure's days.
    pub fn closure_report_by(&self, closure_id: i64, grouping: Grouping) -> Result<Vec<ReportRow>> {
        Ok(report_rows_by(grouping, &self.closure_counts(closure_id)?))
    }

    /// The raw counts of a closure per target group and newcomer flag (what the rows fold).
    pub fn closure_counts(&self, closure_id: i64) -> Result<Vec<RawCounts>> {
        let sql = format!(
            "SELECT cc.target_group, cc.newcomer, count(*),
                    sum(cc.reached OR cc.via IS NOT NULL),
                    sum(cc.reached AND cc.accepted IS 1),
                    sum(cc.attempts),
                    sum(cc.reached AND cc.accepted IS NOT NULL),
                    sum(cc.reached AND cc.received IS 'very_positive'),
                    sum(cc.reached AND cc.received IS 'positive'),
                    sum(cc.reached AND cc.received IS 'neutral'),
                    sum(cc.reached AND cc.received IS 'negative'),
                    sum((cc.reached AND cc.matched IS 1) OR EXISTS (
                        SELECT 1 FROM company_log g JOIN closures w ON w.id = cc.closure_id
                        WHERE g.citizen_id = cc.citizen_id AND g.proposal_id IS NOT NULL
                          AND g.deleted = 0 AND g.outcome = 'started'
                          AND g.at >= w.from_date AND g.at < date(w.to_date, '+1 day'))),
                    sum(cc.reached)
             FROM {} WHERE cc.closure_id = ?1 GROUP BY cc.target_group, cc.newcomer",
            *CALLS_FROM
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let n = |x: Option<i64>| x.unwrap_or(0).max(0) as u64;
        let rows = st.query_map([closure_id], |r| {
            let g: String = r.get(0)?;
            let newcomer: bool = r.get(1)?;
            Ok(RawCounts {
                group: TargetGroup::parse(&g).unwrap_or(TargetGroup::Other),
                newcomer,
                counts: GroupCounts {
                    citizens: n(r.get(2)?),
                    reached: n(r.get(3)?),
                    accepted: n(r.get(4)?),
                    attempts: n(r.get(5)?),
                    asked: n(r.get(6)?),
                    received: [n(r.get(7)?), n(r.get(8)?), n(r.get(9)?), n(r.get(10)?)],
                    matched: n(r.get(11)?),
                    newcomers: if newcomer { n(r.get(2)?) } else { 0 },
                    reached_by_call: n(r.get(12)?),
                },
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Puts a citizen on the open closure's call list (`jobdesk closure add --citizen ID`): one
    /// added before the list knew of them, or left off it (archived when it was built). At the
    /// end of the list, flagged as a newcomer when they were registered during the closure.
    /// Refused when no closure is open, the citizen is archived, or already on the list.
    pub fn add_to_call_list(&mut self, citizen_id: i64) -> Result<CallEntry> {
        let closure = self.open_closure()?.ok_or_else(no_open_closure)?;
        self.require_citizen(citizen_id)?;
        let (archived, created): (bool, String) = self
            .conn
            .prepare_cached("SELECT archived, created_at FROM citizens WHERE id = ?1")?
            .query_row([citizen_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        if archived {
            return Err(Error::CallListArchived {
                citizen: citizen_id,
            }
            .into());
        }
        if self.call_entry(closure.id, citizen_id)?.is_some() {
            return Err(Error::AlreadyOnCallList {
                citizen: citizen_id,
                closure: closure.name,
            }
            .into());
        }
        let newcomer = from_db(&created).is_some_and(|t| is_newcomer(t, &closure));
        let calendar = self.rules.calendar();
        self.write(|tx| {
            insert_entry_on(tx, closure.id, citizen_id, newcomer)?;
            // Calls logged before they were on the list are theirs already.
            refresh_call_on(tx, &calendar, closure.id, citizen_id)
        })?;
        self.call_entry(closure.id, citizen_id)?
            .ok_or_else(|| anyhow::anyhow!("the call-list entry vanished while it was written"))
    }

    /// Sets the answers of the citizen's latest attempt on the open closure's call list, after
    /// the outcome was recorded (the desk asks them after the outcome key): how the call was
    /// received, matched to a job or placement. A `None` answer leaves that answer as it is.
    /// Refused, with nothing written, when no closure is open, the citizen is not on its list,
    /// has no attempt, or the latest attempt did not reach them. Returns the entry after.
    pub fn set_call_answers(&mut self, citizen_id: i64, answers: CallAnswers) -> Result<CallEntry> {
        let closure = self.open_closure()?.ok_or_else(no_open_closure)?;
        if self.call_entry(closure.id, citizen_id)?.is_none() {
            return Err(Error::NotOnCallList {
                citizen: citizen_id,
                closure: closure.name,
            }
            .into());
        }
        let latest: Option<(i64, String)> = self
            .conn
            .prepare_cached(
                "SELECT a.contact_id, a.result FROM closure_attempts a
                 JOIN contacts k ON k.id = a.contact_id
                 WHERE a.closure_id = ?1 AND a.citizen_id = ?2 AND k.deleted = 0
                 ORDER BY k.at DESC, k.id DESC LIMIT 1",
            )?
            .query_row(params![closure.id, citizen_id], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        let Some((contact_id, result)) = latest else {
            return Err(Error::NoAttemptToAnswer {
                citizen: citizen_id,
            }
            .into());
        };
        let result = CallResult::parse(&result).map_err(anyhow::Error::msg)?;
        if result != CallResult::Reached {
            return Err(Error::AnswersNeedReached { result }.into());
        }
        let calendar = self.rules.calendar();
        self.write(|tx| {
            tx.prepare_cached(
                "UPDATE closure_attempts SET received = coalesce(?2, received),
                        matched = coalesce(?3, matched)
                 WHERE contact_id = ?1",
            )?
            .execute(params![
                contact_id,
                answers.received.map(|r| r.key()),
                answers.matched
            ])?;
            refresh_call_on(tx, &calendar, closure.id, citizen_id)
        })?;
        self.call_entry(closure.id, citizen_id)?
            .ok_or_else(|| anyhow::anyhow!("the call-list entry vanished while it was written"))
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
        if !a.answers.is_empty() && a.result != CallResult::Reached {
            return Err(Error::AnswersNeedReached { result: a.result }.into());
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
                "INSERT INTO closure_attempts
                     (contact_id, closure_id, citizen_id, result, accepted, received, matched)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (contact_id) DO NOTHING",
            )?
            .execute(params![
                id,
                closure.id,
                a.citizen_id,
                a.result.key(),
                a.accepted,
                a.answers.received.map(|r| r.key()),
                a.answers.matched
            ])?;
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
