//! Appointments: conversations and mentor visits.

use chrono::NaiveDateTime;
use rusqlite::types::Value;
use rusqlite::{Row, params, params_from_iter};

use super::Store;
use super::citizens::{Look, filter_conditions};
use crate::domain::cadence::{PlanContext, PlanWarning, plan_warnings};
use crate::domain::dates::{from_db, to_db};
use crate::domain::filter::Filter;
use crate::domain::{Appointment, Channel, Kind, NewAppointment, Status, Word};
use crate::error::Result;

/// Which appointments a list shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AppointmentFilter {
    /// From this time (inclusive) to `to` (exclusive).
    pub from: Option<NaiveDateTime>,
    pub to: Option<NaiveDateTime>,
    pub kind: Option<Kind>,
    pub citizen_id: Option<i64>,
    /// The filter line as typed: words (found in the citizen's name, phone, target group or
    /// address, or the appointment's place or reason) and terms (`gruppe:…`, `overskredet`, `mentor`,
    /// `kanal:…`), read with [`Filter::parse`]. `mentor` takes the appointments of citizens with
    /// a mentor agreement and every mentor visit.
    pub text: String,
}

impl AppointmentFilter {
    /// The filter line's words and terms.
    pub fn terms(&self) -> Filter {
        Filter::parse(&self.text)
    }
}

/// Where the filter looks in appointments `a` joined with their citizen `c`. The citizen's
/// columns come first: the Today pane counts from the index `appointments_live_day` and the
/// citizen's row, and reads an appointment's own row only for a word not found on the citizen.
const LOOK: Look<'static> = Look {
    id: "c.id",
    name_key: "c.name_key",
    phone: "c.phone",
    group: "c.target_group",
    mentor: "c.mentor = 1 OR a.kind = 'mentor_visit'",
    next_due: "c.next_due",
    notes: &["c.address", "a.place", "a.reason"],
    channel: Some("a.channel"),
};

impl Store {
    /// The warnings for planning `a` (see [`plan_warnings`]): after the citizen's legal
    /// deadline, on a day off or a weekend, before `now`, or over another planned appointment
    /// of the consultant ([`Store::overlapping`]); `moving`: the appointment being moved, which is not
    /// an overlap with itself. The desk (quick-add, form, `m`) and `jobdesk plan` show the same
    /// list.
    pub fn plan_warnings(
        &self,
        a: &NewAppointment,
        now: NaiveDateTime,
        moving: Option<i64>,
    ) -> Result<Vec<PlanWarning>> {
        let deadline = self.citizen(a.citizen_id)?.next_due;
        let others: Vec<(i64, NaiveDateTime, i64)> = self
            .overlapping(a.start, a.minutes.max(1), moving)?
            .into_iter()
            .map(|x| (x.id, x.start, x.minutes))
            .collect();
        let calendar = self.rules.calendar();
        Ok(plan_warnings(
            a.kind,
            a.start,
            a.minutes,
            &PlanContext {
                now,
                deadline,
                calendar: &calendar,
                others: &others,
            },
        ))
    }
}

impl Store {
    /// The start of the citizen's next planned conversation from `from` on, if any (the desk
    /// marks a due citizen whose next conversation lies after the legal deadline).
    pub fn next_planned_conversation(
        &self,
        citizen_id: i64,
        from: NaiveDateTime,
    ) -> Result<Option<NaiveDateTime>> {
        let n: Option<String> = self
            .conn
            .prepare_cached(
                "SELECT min(start) FROM appointments WHERE citizen_id = ?1 AND kind = ?2 \
                 AND status = ?3 AND deleted = 0 AND start >= ?4",
            )?
            .query_row(
                params![
                    citizen_id,
                    Kind::Conversation.key(),
                    Status::Planned.key(),
                    to_db(from)
                ],
                |r| r.get(0),
            )?;
        Ok(n.as_deref().and_then(from_db))
    }
}

pub(crate) const COLS: &str = "a.id, a.uuid, a.citizen_id, c.name, a.kind, a.start, a.minutes, a.channel, \
                    a.place, a.status, a.reason, a.moved_to, c.phone, a.series_id";

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
        phone: r.get(12)?,
        series_id: r.get(13)?,
    })
}

/// What to change in a planned appointment without moving it: the fields given, the others
/// stay. Its time is changed by moving it (a mark), never here.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AppointmentEdit {
    pub minutes: Option<i64>,
    pub channel: Option<Channel>,
    pub place: Option<String>,
    pub kind: Option<Kind>,
}

impl Store {
    /// Changes a planned appointment's length, channel, place or kind (not its time) and returns
    /// the change that undoes it. Refused for an appointment that is not planned (held, missed,
    /// cancelled or moved: what happened stays as it was), for a length outside 1 minute to 24
    /// hours, and when nothing is given.
    pub fn edit_appointment(
        &mut self,
        id: i64,
        edit: &AppointmentEdit,
        _now: NaiveDateTime,
    ) -> Result<super::Change> {
        if *edit == AppointmentEdit::default() {
            return Err(super::Error::NothingToChange.into());
        }
        let a = self.appointment(id)?;
        if a.status != Status::Planned {
            return Err(crate::error::user(format!(
                "appointment {id} is {}, not planned: only a planned appointment's length, channel, place and kind are changed",
                a.status.key()
            )));
        }
        let minutes = edit.minutes.unwrap_or(a.minutes);
        if minutes <= 0 || minutes > 24 * 60 {
            return Err(super::Error::MinutesOutOfRange {
                of: super::MinutesOf::Appointment,
                minutes,
            }
            .into());
        }
        let change = super::Change::AppointmentFields {
            id,
            minutes,
            channel: edit.channel.unwrap_or(a.channel),
            place: edit
                .place
                .as_deref()
                .map(|p| p.trim().to_string())
                .unwrap_or(a.place),
            kind: edit.kind.unwrap_or(a.kind),
        };
        let mut inverse = self.apply(&[change])?;
        inverse
            .pop()
            .ok_or_else(|| anyhow::anyhow!("internal: no undo for the appointment's edit"))
    }

    /// Plans one appointment and returns its id.
    pub fn add_appointment(&mut self, a: &NewAppointment) -> Result<i64> {
        self.require_citizen(a.citizen_id)?;
        if a.minutes <= 0 || a.minutes > 24 * 60 {
            return Err(super::Error::MinutesOutOfRange {
                of: super::MinutesOf::Appointment,
                minutes: a.minutes,
            }
            .into());
        }
        // A home visit planned without a place is held at the citizen's address.
        let with_address;
        let a = if a.channel == Channel::HomeVisit && a.place.trim().is_empty() {
            match self.address(a.citizen_id)? {
                Some(address) => {
                    with_address = NewAppointment {
                        place: address,
                        ..a.clone()
                    };
                    &with_address
                }
                None => a,
            }
        } else {
            a
        };
        let created = to_db(self.clock.now());
        self.write(|tx| insert_appointment(tx, a, &created))
    }

    pub fn appointment(&self, id: i64) -> Result<Appointment> {
        let sql = format!(
            "SELECT {COLS} FROM appointments a JOIN citizens c ON c.id = a.citizen_id WHERE a.id = ?1 AND a.deleted = 0"
        );
        self.conn
            .query_row(&sql, [id], appointment_from_row)
            .map_err(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => super::Error::NoAppointment(id).into(),
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
        let (cond, mut args) = conditions(f, self.today());
        let n = args.len();
        args.push(Value::Integer(limit.min(i64::MAX as usize) as i64));
        args.push(Value::Integer(offset.min(i64::MAX as usize) as i64));
        let sql = format!(
            "SELECT {COLS} FROM appointments a JOIN citizens c ON c.id = a.citizen_id
             WHERE {cond} ORDER BY a.start, a.id LIMIT ?{} OFFSET ?{}",
            n + 1,
            n + 2
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(params_from_iter(args), appointment_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn count_appointments(&self, f: &AppointmentFilter) -> Result<usize> {
        let (cond, args) = conditions(f, self.today());
        // The citizen is needed only to filter by them.
        let join = if f.terms().is_empty() {
            ""
        } else {
            "JOIN citizens c ON c.id = a.citizen_id"
        };
        let sql = format!("SELECT count(*) FROM appointments a {join} WHERE {cond}");
        let n: i64 = self
            .conn
            .prepare_cached(&sql)?
            .query_row(params_from_iter(args), |r| r.get(0))?;
        Ok(n as usize)
    }

    /// How many conversations and how many mentor visits lie in `[from, to)`, leaving out those
    /// that were cancelled or moved (the header's figures for the day).
    pub fn count_by_kind(&self, from: NaiveDateTime, to: NaiveDateTime) -> Result<(usize, usize)> {
        let mut st = self.conn.prepare_cached(
            "SELECT a.kind, count(*) FROM appointments a
             WHERE a.deleted = 0 AND a.start >= ?1 AND a.start < ?2
               AND a.status NOT IN ('cancelled', 'cancelled_by_citizen', 'moved')
             GROUP BY a.kind",
        )?;
        let mut rows = st.query(params![to_db(from), to_db(to)])?;
        let (mut conversations, mut visits) = (0, 0);
        while let Some(r) = rows.next()? {
            let kind: String = r.get(0)?;
            let n: i64 = r.get(1)?;
            match Kind::parse(&kind) {
                Ok(Kind::Conversation) => conversations += n as usize,
                Ok(Kind::MentorVisit) => visits += n as usize,
                Err(_) => {}
            }
        }
        Ok((conversations, visits))
    }
}

/// The WHERE clause of a filter and its arguments (`?1`, `?2`, … in order). Only the conditions
/// that apply are written, so that SQLite sees a plain range on `start` (or on the citizen) and
/// searches its index, rather than scanning half a million rows past `?1 IS NULL OR …`.
fn conditions(f: &AppointmentFilter, today: chrono::NaiveDate) -> (String, Vec<Value>) {
    let mut cond = String::from("a.deleted = 0");
    let mut args: Vec<Value> = Vec::new();
    let mut add = |sql: &str, v: Value| {
        args.push(v);
        cond.push_str(&sql.replace('?', &format!("?{}", args.len())));
    };
    if let Some(c) = f.citizen_id {
        add(" AND a.citizen_id = ?", Value::Integer(c));
    }
    if let Some(k) = f.kind {
        add(" AND a.kind = ?", Value::Text(k.key().to_string()));
    }
    if let Some(t) = f.from {
        add(" AND a.start >= ?", Value::Text(to_db(t)));
    }
    if let Some(t) = f.to {
        add(" AND a.start < ?", Value::Text(to_db(t)));
    }
    filter_conditions(&f.terms(), &LOOK, today, &mut cond, &mut args);
    (cond, args)
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
    let id = tx.last_insert_rowid();
    // A conversation planned on or after the day the citizen asked for one answers the request.
    if a.kind == crate::domain::Kind::Conversation && a.status == crate::domain::Status::Planned {
        tx.prepare_cached(
            "UPDATE citizens SET requested = NULL
             WHERE id = ?1 AND requested IS NOT NULL AND requested <= ?2",
        )?
        .execute(params![
            a.citizen_id,
            a.start.date().format("%Y-%m-%d").to_string()
        ])?;
    }
    Ok(id)
}
