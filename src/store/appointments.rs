//! Appointments: conversations and mentor visits.

use chrono::{Local, NaiveDateTime};
use rusqlite::{Row, params};

use super::Store;
use crate::domain::dates::{from_db, to_db};
use crate::domain::text::fold;
use crate::domain::{Appointment, Channel, Kind, NewAppointment, Status, Word};
use crate::error::{Result, user};

/// Which appointments a list shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AppointmentFilter {
    /// From this time (inclusive) to `to` (exclusive).
    pub from: Option<NaiveDateTime>,
    pub to: Option<NaiveDateTime>,
    pub kind: Option<Kind>,
    pub citizen_id: Option<i64>,
    /// Text the citizen's name must contain (case and accents ignored).
    pub text: String,
}

pub(crate) const COLS: &str = "a.id, a.uuid, a.citizen_id, c.name, a.kind, a.start, a.minutes, a.channel, \
                    a.place, a.status, a.reason, a.moved_to";

pub(crate) fn appointment_from_row(r: &Row<'_>) -> rusqlite::Result<Appointment> {
    let bad = |i: usize, what: String| {
        rusqlite::Error::FromSqlConversionFailure(
            i,
            rusqlite::types::Type::Text,
            Box::new(crate::error::UserError(what)),
        )
    };
    let kind: String = r.get(4)?;
    let start: String = r.get(5)?;
    let channel: String = r.get(7)?;
    let status: String = r.get(9)?;
    Ok(Appointment {
        id: r.get(0)?,
        uuid: r.get(1)?,
        citizen_id: r.get(2)?,
        citizen: r.get(3)?,
        kind: Kind::parse(&kind).map_err(|e| bad(4, e))?,
        start: from_db(&start).ok_or_else(|| bad(5, format!("bad time '{start}'")))?,
        minutes: r.get(6)?,
        channel: Channel::parse(&channel).map_err(|e| bad(7, e))?,
        place: r.get(8)?,
        status: Status::parse(&status).map_err(|e| bad(9, e))?,
        reason: r.get(10)?,
        moved_to: r.get(11)?,
    })
}

impl Store {
    /// Plans one appointment and returns its id.
    pub fn add_appointment(&mut self, a: &NewAppointment) -> Result<i64> {
        self.require_citizen(a.citizen_id)?;
        if a.minutes <= 0 || a.minutes > 24 * 60 {
            return Err(user(format!(
                "{} minutes is not a length for an appointment: give 1 to 1440",
                a.minutes
            )));
        }
        let created = to_db(Local::now().naive_local());
        self.write(|tx| insert_appointment(tx, a, &created))
    }

    pub fn appointment(&self, id: i64) -> Result<Appointment> {
        let sql = format!(
            "SELECT {COLS} FROM appointments a JOIN citizens c ON c.id = a.citizen_id WHERE a.id = ?1 AND a.deleted = 0"
        );
        self.conn
            .query_row(&sql, [id], appointment_from_row)
            .map_err(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => user(format!(
                    "no appointment with id {id}: see `jobdesk agenda` for the ids"
                )),
                e => e.into(),
            })
    }

    /// Appointments in time order, a window of `limit` rows from `offset`.
    pub fn appointments(
        &self,
        f: &AppointmentFilter,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<Appointment>> {
        let sql = format!(
            "SELECT {COLS} FROM appointments a JOIN citizens c ON c.id = a.citizen_id
             WHERE a.deleted = 0
               AND (?1 IS NULL OR a.start >= ?1) AND (?2 IS NULL OR a.start < ?2)
               AND (?3 IS NULL OR a.kind = ?3) AND (?4 IS NULL OR a.citizen_id = ?4)
               AND (?7 = '' OR instr(c.name_key, ?7) > 0)
             ORDER BY a.start, a.id LIMIT ?5 OFFSET ?6"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(
            params![
                f.from.map(to_db),
                f.to.map(to_db),
                f.kind.map(|k| k.key()),
                f.citizen_id,
                limit as i64,
                offset as i64,
                fold(&f.text)
            ],
            appointment_from_row,
        )?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn count_appointments(&self, f: &AppointmentFilter) -> Result<usize> {
        let n: i64 = self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM appointments a JOIN citizens c ON c.id = a.citizen_id
                 WHERE a.deleted = 0
                   AND (?1 IS NULL OR a.start >= ?1) AND (?2 IS NULL OR a.start < ?2)
                   AND (?3 IS NULL OR a.kind = ?3) AND (?4 IS NULL OR a.citizen_id = ?4)
                   AND (?5 = '' OR instr(c.name_key, ?5) > 0)",
            )?
            .query_row(
                params![
                    f.from.map(to_db),
                    f.to.map(to_db),
                    f.kind.map(|k| k.key()),
                    f.citizen_id,
                    fold(&f.text)
                ],
                |r| r.get(0),
            )?;
        Ok(n as usize)
    }
}

pub(crate) fn insert_appointment(
    tx: &rusqlite::Connection,
    a: &NewAppointment,
    created: &str,
) -> Result<i64> {
    tx.prepare_cached(
        "INSERT INTO appointments (uuid, citizen_id, kind, start, minutes, channel, place, status,
                                   reason, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        a.uuid,
        a.citizen_id,
        a.kind.key(),
        to_db(a.start),
        a.minutes,
        a.channel.key(),
        a.place,
        a.status.key(),
        a.reason,
        created
    ])
    .map_err(super::open::explain_sqlite)?;
    Ok(tx.last_insert_rowid())
}
