//! Closures: the date ranges that pause deadlines, their call lists, the attempts on them, the
//! in-person appointments they convert, and the report's counts. The rules themselves live in
//! `domain::closure`; these files only read and write. This file: the closures themselves
//! (start, end, look-ups); `calls.rs`: the call list and its attempts; `conversions.rs`: the
//! in-person appointments a closure converts.

mod calls;
mod conversions;

pub use calls::AttemptRecorded;
pub(crate) use calls::{join_open_closure_on, refresh_calls_on};
use conversions::{convert_on, in_person_on};

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::Store;
use crate::domain::Appointment;
use crate::domain::cadence::Suspension;
use crate::domain::closure::MAX_DAYS;
use crate::domain::closure::{
    Candidate, CatchUp, Closure, Conversion, NewClosure, call_order, catch_up_order, check_range,
    converted_channel, range_when_ended, was_paused,
};
use crate::domain::dates::{from_db, to_db};
use crate::domain::text::fold;
use crate::domain::{TargetGroup, Word};
use crate::error::Result;
use crate::store::Error;

/// What starting a closure did.
#[derive(Debug, Clone, PartialEq)]
pub struct StartedClosure {
    pub closure: Closure,
    /// Citizens on the call list.
    pub on_list: usize,
    /// Of them, mentor citizens (at the top of the list).
    pub mentors: usize,
    /// In-person appointments converted at the start (with `convert_all`).
    pub converted: Vec<Conversion>,
    /// In-person appointments in the range still to convert.
    pub in_person: Vec<Appointment>,
}

fn date_db(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn date_from(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn bad(i: usize, what: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        i,
        rusqlite::types::Type::Text,
        Box::new(crate::error::UserError(what)),
    )
}

const COLS: &str = "id, name, from_date, to_date, counts_held, created_at, ended_at";

fn closure_from_row(r: &Row<'_>) -> rusqlite::Result<Closure> {
    let from: String = r.get(2)?;
    let to: String = r.get(3)?;
    let created: String = r.get(5)?;
    Ok(Closure {
        id: r.get(0)?,
        name: r.get(1)?,
        from: date_from(&from).ok_or_else(|| bad(2, format!("bad date '{from}'")))?,
        to: date_from(&to).ok_or_else(|| bad(3, format!("bad date '{to}'")))?,
        counts_held: r.get(4)?,
        created_at: from_db(&created).ok_or_else(|| bad(5, format!("bad time '{created}'")))?,
        ended_at: r.get::<_, Option<String>>(6)?.and_then(|s| from_db(&s)),
    })
}

/// Every closure's range, as the cadence rules' suspension windows.
pub(crate) fn load_suspensions(conn: &Connection) -> Result<Vec<Suspension>> {
    let mut st =
        conn.prepare_cached("SELECT from_date, to_date FROM closures ORDER BY from_date")?;
    let rows = st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut out = Vec::new();
    for row in rows {
        let (f, t) = row?;
        if let (Some(from), Some(to)) = (date_from(&f), date_from(&t)) {
            out.push(Suspension { from, to });
        }
    }
    Ok(out)
}

/// Whether a conversation held at `at` falls in a closure whose held conversations do not count
/// toward the legal minimum.
pub(crate) fn held_does_not_count(conn: &Connection, at: NaiveDateTime) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS(SELECT 1 FROM closures
                           WHERE counts_held = 0 AND from_date <= ?1 AND to_date >= ?1)",
        )?
        .query_row([date_db(at.date())], |r| r.get(0))?)
}

fn open_closure_on(conn: &Connection) -> Result<Option<Closure>> {
    let sql = format!("SELECT {COLS} FROM closures WHERE ended_at IS NULL");
    Ok(conn.query_row(&sql, [], closure_from_row).optional()?)
}

fn closure_on(conn: &Connection, id: i64) -> Result<Closure> {
    let sql = format!("SELECT {COLS} FROM closures WHERE id = ?1");
    conn.query_row(&sql, [id], closure_from_row)
        .map_err(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Error::NoClosure(id).into(),
            e => e.into(),
        })
}

fn no_open_closure() -> anyhow::Error {
    Error::ClosureNotOpen.into()
}

/// Refuses a closure that cannot start: another is open, the range overlaps one, or the name is taken.
fn check_new_on(conn: &Connection, c: &NewClosure) -> Result<()> {
    if check_range(c.from, c.to).is_err() {
        return Err(if c.from > c.to {
            Error::RangeReversed {
                from: c.from,
                to: c.to,
            }
        } else {
            Error::ClosureTooLong {
                from: c.from,
                to: c.to,
                days: (c.to - c.from).num_days() + 1,
                max: MAX_DAYS,
            }
        }
        .into());
    }
    let name = c.name.trim();
    if name.is_empty() {
        return Err(Error::ClosureNameEmpty.into());
    }
    if let Some(open) = open_closure_on(conn)? {
        return Err(Error::ClosureOpen {
            name: open.name,
            from: open.from,
            to: open.to,
        }
        .into());
    }
    let sql = format!("SELECT {COLS} FROM closures ORDER BY from_date");
    let mut st = conn.prepare_cached(&sql)?;
    let all: Vec<Closure> = st
        .query_map([], closure_from_row)?
        .collect::<Result<_, _>>()?;
    if let Some(o) = all.iter().find(|o| o.overlaps(c.from, c.to)) {
        return Err(Error::ClosureOverlaps {
            from: c.from,
            to: c.to,
            name: o.name.clone(),
            closure_from: o.from,
            closure_to: o.to,
        }
        .into());
    }
    if all.iter().any(|o| fold(o.name.trim()) == fold(name)) {
        return Err(Error::ClosureNameTaken {
            name: name.to_string(),
        }
        .into());
    }
    Ok(())
}

impl Store {
    /// Reloads the suspension windows from the closures (every closure's range pauses deadlines).
    /// Done when the store opens and after every change of a closure through this store; a
    /// long-running app calls it when another process (the command line) may have changed them.
    pub fn load_suspensions(&mut self) -> Result<()> {
        self.suspensions = load_suspensions(&self.conn)?;
        Ok(())
    }

    /// Every closure, the latest first.
    pub fn closures(&self) -> Result<Vec<Closure>> {
        let sql = format!("SELECT {COLS} FROM closures ORDER BY from_date DESC, id DESC");
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map([], closure_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn closure(&self, id: i64) -> Result<Closure> {
        closure_on(&self.conn, id)
    }

    /// The open closure, if any (one at a time).
    pub fn open_closure(&self) -> Result<Option<Closure>> {
        open_closure_on(&self.conn)
    }

    /// The open closure, or the contract's message saying how to start one.
    pub fn require_open_closure(&self) -> Result<Closure> {
        self.open_closure()?.ok_or_else(no_open_closure)
    }

    /// The closure a pane or a report shows by default: the open one, else the latest.
    pub fn current_closure(&self) -> Result<Option<Closure>> {
        if let Some(c) = self.open_closure()? {
            return Ok(Some(c));
        }
        Ok(self.closures()?.into_iter().next())
    }

    /// The closure with this name (case and accents ignored).
    pub fn closure_named(&self, name: &str) -> Result<Closure> {
        let all = self.closures()?;
        let want = fold(name.trim());
        if let Some(c) = all.iter().find(|c| fold(c.name.trim()) == want) {
            return Ok(c.clone());
        }
        Err(Error::NoClosureNamed {
            name: name.trim().to_string(),
            closures: all.into_iter().map(|c| c.name).collect(),
        }
        .into())
    }

    /// Checks that a closure could start now, without writing anything.
    pub fn check_new_closure(&self, c: &NewClosure) -> Result<()> {
        check_new_on(&self.conn, c)
    }

    /// Starts a closure: stores it, builds its call list (every active citizen once, in the
    /// domain's order), converts its in-person appointments when `convert_all`, pauses deadlines
    /// for its range and recomputes every citizen's next due date. All in one transaction: on a
    /// refusal (another closure open, an overlapping range, a taken name) nothing is written.
    pub fn start_closure(
        &mut self,
        c: &NewClosure,
        convert_all: bool,
        now: NaiveDateTime,
    ) -> Result<StartedClosure> {
        let rules = self.rules.clone();
        let (started, sus) = self.write(|tx| {
            check_new_on(tx, c)?;
            tx.prepare_cached(
                "INSERT INTO closures (name, from_date, to_date, counts_held, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                c.name.trim(),
                date_db(c.from),
                date_db(c.to),
                c.counts_held,
                to_db(now)
            ])
            .map_err(super::open::explain_sqlite)?;
            let id = tx.last_insert_rowid();
            let candidates: Vec<(Candidate, String)> = {
                let mut st = tx.prepare_cached(
                    "SELECT id, mentor, last_contact, name_key, target_group FROM citizens
                     WHERE archived = 0",
                )?;
                let rows = st.query_map([], |r| {
                    Ok((
                        Candidate {
                            citizen_id: r.get(0)?,
                            mentor: r.get(1)?,
                            last_contact: r.get::<_, Option<String>>(2)?.and_then(|s| from_db(&s)),
                            name_key: r.get(3)?,
                        },
                        r.get::<_, String>(4)?,
                    ))
                })?;
                rows.collect::<Result<_, _>>()?
            };
            let groups: std::collections::HashMap<i64, String> =
                candidates.iter().map(|(c, g)| (c.citizen_id, g.clone())).collect();
            let ordered = call_order(candidates.into_iter().map(|(c, _)| c).collect());
            {
                let mut ins = tx.prepare_cached(
                    "INSERT INTO closure_calls (closure_id, citizen_id, position, target_group, mentor)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )?;
                for (i, cand) in ordered.iter().enumerate() {
                    let group = groups.get(&cand.citizen_id).map(String::as_str).unwrap_or("other");
                    ins.execute(params![id, cand.citizen_id, i as i64 + 1, group, cand.mentor])?;
                }
            }
            let mentors = ordered.iter().filter(|c| c.mentor).count();
            let mut in_person = in_person_on(tx, c.from, c.to)?;
            let mut converted = Vec::new();
            if convert_all {
                for a in &in_person {
                    converted.push(convert_on(tx, id, a, converted_channel(a.kind), now)?);
                }
                in_person.clear();
            }
            let sus = load_suspensions(tx)?;
            super::refresh_all_on(tx, &rules, &sus)?;
            let closure = closure_on(tx, id)?;
            Ok((
                StartedClosure { closure, on_list: ordered.len(), mentors, converted, in_person },
                sus,
            ))
        })?;
        self.suspensions = sus;
        Ok(started)
    }

    /// The closure the catch-up list is about: the latest that has ended (`None` while the only
    /// closures are open, or there are none).
    pub fn catch_up_closure(&self) -> Result<Option<Closure>> {
        Ok(self.closures()?.into_iter().find(|c| !c.is_open()))
    }

    /// The catch-up list after a closure: the active citizens whose conversation the closure
    /// paused (the deadline without it fell inside it, or before its end, and differs from the
    /// deadline now), with the new deadline and any conversation planned already; ordered by
    /// the new deadline, then name. Citizens who have had a conversation since are off it (their
    /// deadline moved on). The desk's pane 6 and `jobdesk closure catch-up` show it.
    pub fn catch_up_list(&self, closure_id: i64) -> Result<Vec<CatchUp>> {
        let closure = self.closure(closure_id)?;
        let without: Vec<Suspension> = self
            .suspensions
            .iter()
            .copied()
            .filter(|s| !(s.from == closure.from && s.to == closure.to))
            .collect();
        let calendar = self.rules.calendar();
        type Row = (i64, String, String, String, bool, String);
        let citizens: Vec<Row> = {
            let mut st = self.conn.prepare_cached(
                "SELECT id, name, phone, target_group, mentor, name_key FROM citizens
                 WHERE archived = 0 AND exempt = 0",
            )?;
            let rows = st.query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })?;
            rows.collect::<Result<_, _>>()?
        };
        let mut keys = std::collections::HashMap::new();
        let mut out = Vec::new();
        for (id, name, phone, group, mentor, key) in citizens {
            let with = super::due_of(&self.conn, &self.rules, &calendar, &self.suspensions, id)?;
            let before = super::due_of(&self.conn, &self.rules, &calendar, &without, id)?;
            let (Some(Some(with)), Some(Some(before))) = (with, before) else {
                continue;
            };
            if !was_paused(before.legal, with.legal, closure.to) {
                continue;
            }
            let planned: Option<String> = self
                .conn
                .prepare_cached(
                    "SELECT min(start) FROM appointments
                     WHERE citizen_id = ?1 AND kind = 'conversation' AND status = 'planned'
                       AND deleted = 0",
                )?
                .query_row([id], |r| r.get(0))?;
            keys.insert(id, key);
            out.push(CatchUp {
                citizen_id: id,
                name,
                phone,
                target_group: TargetGroup::parse(&group).unwrap_or(TargetGroup::Other),
                mentor,
                paused_due: before.legal,
                due: with.legal,
                planned: planned.and_then(|s| from_db(&s)),
            });
        }
        Ok(catch_up_order(out, |c| {
            keys.get(&c.citizen_id).cloned().unwrap_or_default()
        }))
    }

    /// Ends the open closure. Ended before its last day, its range (and the paused deadlines)
    /// ends on the day it was ended; ended before its first day, it keeps only its first day.
    pub fn end_closure(&mut self, now: NaiveDateTime) -> Result<Closure> {
        let open = self.open_closure()?.ok_or_else(no_open_closure)?;
        let rules = self.rules.clone();
        let (closure, sus) = self.write(|tx| {
            let (_, to) = range_when_ended(open.from, open.to, now.date());
            tx.prepare_cached("UPDATE closures SET ended_at = ?2, to_date = ?3 WHERE id = ?1")?
                .execute(params![open.id, to_db(now), date_db(to)])?;
            let sus = load_suspensions(tx)?;
            super::refresh_all_on(tx, &rules, &sus)?;
            Ok((closure_on(tx, open.id)?, sus))
        })?;
        self.suspensions = sus;
        Ok(closure)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::closure::{CallBand, CallResult, NewAttempt};
    use crate::domain::{
        Channel, Kind, NewAppointment, NewCitizen, NewContact, Outcome, Status, TargetGroup,
    };

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }
    fn t(y: i32, m: u32, dd: u32, h: u32) -> NaiveDateTime {
        d(y, m, dd).and_hms_opt(h, 0, 0).unwrap()
    }
    fn citizen(s: &mut Store, name: &str, group: TargetGroup, mentor: bool) -> i64 {
        s.add_citizen(&NewCitizen {
            name: name.into(),
            target_group: Some(group),
            benefit_start: Some(d(2026, 11, 20)),
            mentor,
            ..Default::default()
        })
        .unwrap()
    }
    fn closure(from: NaiveDate, to: NaiveDate) -> NewClosure {
        NewClosure {
            name: format!("c {from}"),
            from,
            to,
            counts_held: false,
        }
    }
    fn attempt(citizen_id: i64, result: CallResult, at: NaiveDateTime) -> NewAttempt {
        NewAttempt {
            uuid: uuid::Uuid::new_v4().to_string(),
            citizen_id,
            result,
            accepted: None,
            answers: Default::default(),
            at,
            channel: Channel::Phone,
            minutes: 2,
            note: String::new(),
        }
    }

    #[test]
    fn the_sql_band_agrees_with_the_domain_and_orders_the_list() {
        let mut s = Store::open_in_memory().unwrap();
        let a = citizen(&mut s, "Anna", TargetGroup::Dagpenge, false);
        let b = citizen(&mut s, "Bo", TargetGroup::Dagpenge, true);
        let c = citizen(&mut s, "Carl", TargetGroup::Sygedagpenge, false);
        let e = citizen(&mut s, "Eva", TargetGroup::Other, false);
        let f = citizen(&mut s, "Finn", TargetGroup::Other, false);
        let now = t(2026, 11, 23, 9);
        let st = s
            .start_closure(&closure(d(2026, 11, 23), d(2026, 12, 4)), false, now)
            .unwrap();
        assert_eq!((st.on_list, st.mentors), (5, 1));
        let id = st.closure.id;
        // Monday: Anna no answer (retry Tuesday), Carl reached, Eva wrong number.
        s.record_attempt(&attempt(a, CallResult::NoAnswer, t(2026, 11, 23, 10)))
            .unwrap();
        s.record_attempt(&attempt(c, CallResult::Reached, t(2026, 11, 23, 11)))
            .unwrap();
        s.record_attempt(&attempt(e, CallResult::WrongNumber, t(2026, 11, 23, 12)))
            .unwrap();
        for today in [d(2026, 11, 23), d(2026, 11, 24)] {
            let list = s.call_list(id, today, 0, 100).unwrap();
            let bands: Vec<CallBand> = list.iter().map(|x| x.band(today)).collect();
            let mut sorted = bands.clone();
            sorted.sort();
            assert_eq!(bands, sorted, "the list is in band order on {today}");
            let p = s.call_progress(id, today).unwrap();
            let count = |b| bands.iter().filter(|x| **x == b).count() as u32;
            assert_eq!(p.due_retries, count(CallBand::DueRetry));
            assert_eq!(p.later_retries, count(CallBand::LaterRetry));
            assert_eq!(p.not_called, count(CallBand::NotCalled));
            assert_eq!(p.wrong_number, count(CallBand::WrongNumber));
            assert_eq!(p.reached, count(CallBand::Reached));
        }
        // Tuesday: Anna's retry comes first, then the uncalled (mentor Bo first), Eva, Carl.
        let ids: Vec<i64> = s
            .call_list(id, d(2026, 11, 24), 0, 100)
            .unwrap()
            .iter()
            .map(|x| x.citizen_id)
            .collect();
        assert_eq!(ids[0], a);
        assert_eq!(ids[1], b);
        assert_eq!(ids[4], c);
        assert!(ids[2..4].contains(&f) && ids[2..4].contains(&e));
        // A window.
        let w = s.call_list(id, d(2026, 11, 24), 1, 2).unwrap();
        assert_eq!(
            w.iter().map(|x| x.citizen_id).collect::<Vec<_>>(),
            ids[1..3].to_vec()
        );
    }

    #[test]
    fn an_attempt_is_a_contact_that_does_not_count_and_a_retry_writes_nothing_new() {
        let mut s = Store::open_in_memory().unwrap();
        let a = citizen(&mut s, "Anna", TargetGroup::Dagpenge, false);
        s.start_closure(
            &closure(d(2026, 11, 23), d(2026, 12, 4)),
            false,
            t(2026, 11, 23, 9),
        )
        .unwrap();
        let mut x = attempt(a, CallResult::Reached, t(2026, 11, 23, 10));
        x.accepted = Some(true);
        let r = s.record_attempt(&x).unwrap();
        let k = s.contact(r.contact_id).unwrap();
        assert_eq!(
            (k.outcome, k.channel, k.counts),
            (Outcome::Reached, Channel::Phone, false)
        );
        assert_eq!(
            (r.entry.attempts, r.entry.reached, r.entry.accepted),
            (1, true, Some(true))
        );
        let again = s.record_attempt(&x).unwrap();
        assert_eq!(again.contact_id, r.contact_id);
        assert_eq!(again.entry.attempts, 1);
        assert_eq!(s.count(super::super::Table::Contacts).unwrap(), 1);
    }

    #[test]
    fn held_conversations_in_a_closure_do_not_count_unless_it_says_so() {
        let mut s = Store::open_in_memory().unwrap();
        let a = citizen(&mut s, "Anna", TargetGroup::Uddannelsesparat, false);
        s.start_closure(
            &closure(d(2026, 11, 23), d(2026, 11, 27)),
            false,
            t(2026, 11, 23, 9),
        )
        .unwrap();
        let held = |at| NewContact {
            uuid: uuid::Uuid::new_v4().to_string(),
            citizen_id: a,
            appointment_id: None,
            at,
            channel: Channel::Phone,
            outcome: Outcome::Held,
            minutes: 20,
            note: String::new(),
            counts: true,
        };
        let inside = s.add_contact(&held(t(2026, 11, 24, 10))).unwrap();
        assert!(!s.contact(inside).unwrap().counts);
        let after = s.add_contact(&held(t(2026, 11, 30, 10))).unwrap();
        assert!(s.contact(after).unwrap().counts);
        s.end_closure(t(2026, 11, 30, 9)).unwrap();
        let mut counting = closure(d(2026, 12, 1), d(2026, 12, 4));
        counting.counts_held = true;
        s.start_closure(&counting, false, t(2026, 12, 1, 9))
            .unwrap();
        let inside2 = s.add_contact(&held(t(2026, 12, 2, 10))).unwrap();
        assert!(s.contact(inside2).unwrap().counts);
    }

    #[test]
    fn suspensions_are_loaded_when_opened_and_cut_when_ended_early() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.db");
        let mut s = Store::open(
            &path,
            &crate::store::OpenOptions::new(crate::store::Create::Yes),
        )
        .unwrap();
        let a = citizen(&mut s, "Anna", TargetGroup::Uddannelsesparat, false);
        // Benefit from 20 November: first conversation due 27 November.
        assert_eq!(s.citizen(a).unwrap().next_due, Some(d(2026, 11, 27)));
        s.start_closure(
            &closure(d(2026, 11, 23), d(2026, 12, 4)),
            false,
            t(2026, 11, 23, 9),
        )
        .unwrap();
        assert_eq!(s.citizen(a).unwrap().next_due, Some(d(2026, 12, 9)));
        drop(s);
        let mut s = Store::open(
            &path,
            &crate::store::OpenOptions::new(crate::store::Create::No),
        )
        .unwrap();
        assert_eq!(
            s.suspensions(),
            &[Suspension {
                from: d(2026, 11, 23),
                to: d(2026, 12, 4)
            }]
        );
        // Ended on Wednesday 25th: three days paused.
        let c = s.end_closure(t(2026, 11, 25, 16)).unwrap();
        assert_eq!(c.to, d(2026, 11, 25));
        assert!(!c.is_open());
        assert_eq!(s.citizen(a).unwrap().next_due, Some(d(2026, 11, 30)));
    }

    #[test]
    fn converting_and_the_refusals() {
        let mut s = Store::open_in_memory().unwrap();
        let a = citizen(&mut s, "Anna", TargetGroup::Dagpenge, true);
        let plan = |s: &mut Store, at, channel, kind, status| {
            s.add_appointment(&NewAppointment {
                uuid: uuid::Uuid::new_v4().to_string(),
                citizen_id: a,
                kind,
                start: at,
                minutes: 30,
                channel,
                place: String::new(),
                status,
                reason: String::new(),
            })
            .unwrap()
        };
        let conv = plan(
            &mut s,
            t(2026, 11, 24, 10),
            Channel::InPerson,
            Kind::Conversation,
            Status::Planned,
        );
        let visit = plan(
            &mut s,
            t(2026, 11, 25, 10),
            Channel::HomeVisit,
            Kind::MentorVisit,
            Status::Planned,
        );
        let phone = plan(
            &mut s,
            t(2026, 11, 25, 12),
            Channel::Phone,
            Kind::Conversation,
            Status::Planned,
        );
        let later = plan(
            &mut s,
            t(2026, 12, 10, 10),
            Channel::InPerson,
            Kind::Conversation,
            Status::Planned,
        );
        assert!(
            s.convert_appointment(conv, Channel::Phone, t(2026, 11, 23, 9))
                .is_err()
        );
        let st = s
            .start_closure(
                &closure(d(2026, 11, 23), d(2026, 12, 4)),
                false,
                t(2026, 11, 23, 9),
            )
            .unwrap();
        assert_eq!(
            st.in_person.iter().map(|x| x.id).collect::<Vec<_>>(),
            vec![conv, visit]
        );
        let e = s
            .convert_appointment(conv, Channel::Walk, t(2026, 11, 23, 9))
            .unwrap_err();
        assert!(e.to_string().contains("use phone or video"), "{e}");
        assert!(
            s.convert_appointment(phone, Channel::Video, t(2026, 11, 23, 9))
                .is_err()
        );
        assert!(
            s.convert_appointment(later, Channel::Phone, t(2026, 11, 23, 9))
                .is_err()
        );
        let one = s
            .convert_appointment(conv, Channel::Video, t(2026, 11, 23, 9))
            .unwrap();
        assert_eq!((one.from, one.to), (Channel::InPerson, Channel::Video));
        let rest = s.convert_all_in_person(t(2026, 11, 23, 9)).unwrap();
        assert_eq!(rest.len(), 1);
        assert_eq!(s.appointment(visit).unwrap().channel, Channel::Walk);
        assert!(s.closure_in_person(st.closure.id).unwrap().is_empty());
        assert_eq!(s.closure_conversions(st.closure.id).unwrap().len(), 2);
    }

    #[test]
    fn a_citizen_added_while_open_joins_and_answers_are_set_afterwards() {
        use crate::domain::closure::{CallAnswers, Reception};
        let mut s = Store::open_in_memory().unwrap();
        let a = citizen(&mut s, "Anna", TargetGroup::Dagpenge, false);
        let st = s
            .start_closure(
                &closure(d(2026, 11, 23), d(2026, 12, 4)),
                false,
                t(2026, 11, 23, 8),
            )
            .unwrap();
        let id = st.closure.id;
        let n = citizen(&mut s, "Nina", TargetGroup::Sygedagpenge, false);
        let e = s.call_entry(id, n).unwrap().expect("joined");
        assert!(e.newcomer);
        assert_eq!(e.position, 2);
        assert!(!s.call_entry(id, a).unwrap().unwrap().newcomer);
        // Twice on the list is refused.
        assert!(s.add_to_call_list(n).is_err());

        // Answers need a reaching attempt, the latest.
        let ans = CallAnswers {
            received: Some(Reception::Positive),
            matched: Some(true),
        };
        assert!(s.set_call_answers(n, ans).is_err(), "no attempt yet");
        s.record_attempt(&attempt(n, CallResult::NoAnswer, t(2026, 11, 23, 10)))
            .unwrap();
        assert!(s.set_call_answers(n, ans).is_err(), "not reached");
        s.record_attempt(&attempt(n, CallResult::Reached, t(2026, 11, 23, 11)))
            .unwrap();
        let e = s.set_call_answers(n, ans).unwrap();
        assert_eq!(
            (e.received, e.matched),
            (Some(Reception::Positive), Some(true))
        );
        // A `None` leaves the earlier answer.
        let e = s
            .set_call_answers(
                n,
                CallAnswers {
                    received: Some(Reception::VeryPositive),
                    matched: None,
                },
            )
            .unwrap();
        assert_eq!(
            (e.received, e.matched),
            (Some(Reception::VeryPositive), Some(true))
        );
        let rows = s
            .closure_report_by(id, crate::domain::closure::Grouping::Y2020)
            .unwrap();
        assert_eq!(rows[0].key(), "nyledige");
        assert_eq!(
            (
                rows[0].counts.citizens,
                rows[0].counts.reached,
                rows[0].counts.matched
            ),
            (1, 1, 1)
        );
        assert_eq!(rows[0].counts.received, [1, 0, 0, 0]);

        // After the end nobody joins.
        s.end_closure(t(2026, 12, 4, 16)).unwrap();
        let late = citizen(&mut s, "Late", TargetGroup::Dagpenge, false);
        assert!(s.call_entry(id, late).unwrap().is_none());
    }
}
