//! The in-person appointments a closure converts to phone, video or a walk.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use rusqlite::{Connection, params};

use super::{bad, no_open_closure};
use crate::domain::closure::{
    Conversion, check_conversion, conversion_channels, converted_channel, needs_conversion,
};
use crate::domain::dates::{from_db, to_db};
use crate::domain::{Appointment, Channel, Kind, Word};
use crate::error::Result;
use crate::store::Error;
use crate::store::Store;

/// Planned in-person appointments starting in the range, in time order.
pub(super) fn in_person_on(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<Appointment>> {
    let sql = format!(
        "SELECT {} FROM appointments a JOIN citizens c ON c.id = a.citizen_id
         WHERE a.deleted = 0 AND a.status = 'planned' AND a.start >= ?1 AND a.start < ?2
           AND a.channel IN ('in_person', 'home_visit', 'workplace')
         ORDER BY a.start, a.id",
        crate::store::appointments::COLS
    );
    let mut st = conn.prepare_cached(&sql)?;
    let start = to_db(from.and_time(NaiveTime::MIN));
    let end = to_db((to + Duration::days(1)).and_time(NaiveTime::MIN));
    let rows = st.query_map(
        params![start, end],
        crate::store::appointments::appointment_from_row,
    )?;
    let list: Vec<Appointment> = rows.collect::<Result<_, _>>()?;
    // The domain's rule decides; the query only narrows.
    Ok(list
        .into_iter()
        .filter(|a| needs_conversion(a.status, a.channel, a.start, from, to))
        .collect())
}

pub(super) fn convert_on(
    conn: &Connection,
    closure_id: i64,
    a: &Appointment,
    to: Channel,
    now: NaiveDateTime,
) -> Result<Conversion> {
    conn.prepare_cached("UPDATE appointments SET channel = ?2 WHERE id = ?1")?
        .execute(params![a.id, to.key()])?;
    conn.prepare_cached(
        "INSERT INTO closure_conversions (closure_id, appointment_id, from_channel, to_channel, at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        closure_id,
        a.id,
        a.channel.key(),
        to.key(),
        to_db(now)
    ])?;
    Ok(Conversion {
        appointment_id: a.id,
        citizen_id: a.citizen_id,
        citizen: a.citizen.clone(),
        kind: a.kind,
        start: a.start,
        from: a.channel,
        to,
    })
}

impl Store {
    /// Planned in-person appointments (in person, home visit, workplace) starting between `from`
    /// and `to` (both days included): what a closure over that range converts.
    pub fn in_person_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<Appointment>> {
        in_person_on(&self.conn, from, to)
    }

    /// The in-person appointments of a closure still to convert.
    pub fn closure_in_person(&self, closure_id: i64) -> Result<Vec<Appointment>> {
        let c = self.closure(closure_id)?;
        in_person_on(&self.conn, c.from, c.to)
    }

    /// The appointments a closure converted, in time order.
    pub fn closure_conversions(&self, closure_id: i64) -> Result<Vec<Conversion>> {
        let mut st = self.conn.prepare_cached(
            "SELECT a.id, a.citizen_id, c.name, a.kind, a.start, v.from_channel, v.to_channel
             FROM closure_conversions v
             JOIN appointments a ON a.id = v.appointment_id
             JOIN citizens c ON c.id = a.citizen_id
             WHERE v.closure_id = ?1 ORDER BY a.start, v.id",
        )?;
        let rows = st.query_map([closure_id], |r| {
            let kind: String = r.get(3)?;
            let start: String = r.get(4)?;
            let from: String = r.get(5)?;
            let to: String = r.get(6)?;
            Ok(Conversion {
                appointment_id: r.get(0)?,
                citizen_id: r.get(1)?,
                citizen: r.get(2)?,
                kind: Kind::parse(&kind).map_err(|e| bad(3, e))?,
                start: from_db(&start).ok_or_else(|| bad(4, format!("bad time '{start}'")))?,
                from: Channel::parse(&from).map_err(|e| bad(5, e))?,
                to: Channel::parse(&to).map_err(|e| bad(6, e))?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Converts one in-person appointment of the open closure's range to `to` (a conversation to
    /// phone or video, a mentor visit to a walk or phone).
    pub fn convert_appointment(
        &mut self,
        appointment_id: i64,
        to: Channel,
        now: NaiveDateTime,
    ) -> Result<Conversion> {
        let closure = self.open_closure()?.ok_or_else(no_open_closure)?;
        let a = self.appointment(appointment_id)?;
        if a.status != crate::domain::Status::Planned {
            return Err(Error::NotPlanned {
                id: appointment_id,
                status: a.status,
            }
            .into());
        }
        if !a.channel.is_in_person() {
            return Err(Error::NotInPerson {
                id: appointment_id,
                channel: a.channel,
            }
            .into());
        }
        if !closure.contains(a.start.date()) {
            return Err(Error::OutsideClosure {
                id: appointment_id,
                day: a.start.date(),
                closure: closure.name,
                from: closure.from,
                to: closure.to,
            }
            .into());
        }
        if check_conversion(a.kind, to).is_err() {
            return Err(Error::CannotConvert {
                kind: a.kind,
                to,
                allowed: conversion_channels(a.kind).to_vec(),
            }
            .into());
        }
        self.write(|tx| convert_on(tx, closure.id, &a, to, now))
    }

    /// Converts every in-person appointment in the open closure's range: conversations to
    /// phone, mentor visits to a walk.
    pub fn convert_all_in_person(&mut self, now: NaiveDateTime) -> Result<Vec<Conversion>> {
        let closure = self.open_closure()?.ok_or_else(no_open_closure)?;
        self.write(|tx| {
            let list = in_person_on(tx, closure.from, closure.to)?;
            list.iter()
                .map(|a| convert_on(tx, closure.id, a, converted_channel(a.kind), now))
                .collect()
        })
    }
}
