//! Recurring appointments: a series is one row in `series` (the rule: how often, until when,
//! what happens on a day off, and the appointment's kind, length, channel and place) and one
//! ordinary appointment row per date, which names its series and its nominal start (the date
//! and time the rule gives it, RFC 5545's RECURRENCE-ID). Each occurrence is moved, cancelled,
//! marked or edited with the store's usual calls ([`Store::mark_appointment`],
//! [`Store::edit_appointment`]) without touching the others; a move's new appointment stays in
//! the series with the same nominal start.
//!
//! The calls here change a series as a whole, each in one transaction, each returning the
//! [`Change`] that undoes it (apply it with [`Store::apply`]):
//!
//! ```text
//! Store::plan_series(&NewSeries)                    -> PlannedSeries   plan it: one row per date
//! Store::change_following(appointment, &FollowingEdit) -> SeriesChanged  "this and all following"
//! Store::end_series_from(appointment)               -> SeriesEnded     it and later planned ones go
//! Store::delete_series(series)                      -> SeriesEnded     planned ones go, marked stay
//! Store::series(id), Store::series_list(citizen), Store::series_of(appointment)   reading
//! Store::series_preview(start, &Recurrence), Store::default_series_end(citizen, start)
//! ```
//!
//! Days off come from the calendar of the cadence rules the store was opened with
//! ([`super::OpenOptions::rules`]): a date on a day off is skipped (kept in the series'
//! `skipped` list, for ICS's EXDATE) or moved to the next working day, as the series says.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use rusqlite::{OptionalExtension, params};

use super::{Change, Store};
use crate::domain::dates::{from_db, to_db};
use crate::domain::recurrence::{
    End, Frequency, MAX_OCCURRENCES, Occurrence, OnDayOff, Recurrence, days_off_hit, occurrences,
};
use crate::domain::{Channel, Kind, NewAppointment, Status, Word};
use crate::error::Result;

/// How many weeks a series planned without an end runs when the citizen has no mentor
/// agreement ending after its start (see [`Store::default_series_end`]).
pub const DEFAULT_SERIES_WEEKS: i64 = 26;

/// A series to plan.
#[derive(Debug, Clone, PartialEq)]
pub struct NewSeries {
    /// The series' lasting identity (a hand-over merges by it); a new v4 UUID.
    pub uuid: String,
    pub citizen_id: i64,
    pub kind: Kind,
    /// The first date and time (the rule repeats its weekday, and for a monthly series its
    /// week of the month).
    pub start: NaiveDateTime,
    pub minutes: i64,
    pub channel: Channel,
    /// Empty: a home visit is held at the citizen's address (as a single appointment is).
    pub place: String,
    pub recurrence: Recurrence,
}

/// A stored series.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub id: i64,
    pub uuid: String,
    pub citizen_id: i64,
    /// The citizen's name.
    pub citizen: String,
    pub kind: Kind,
    /// The first nominal date and time (DTSTART).
    pub start: NaiveDateTime,
    pub minutes: i64,
    pub channel: Channel,
    pub place: String,
    pub recurrence: Recurrence,
    /// The days off the rule landed on and skipped.
    pub skipped: Vec<NaiveDate>,
    pub created_at: NaiveDateTime,
    /// Its live appointments (a moved one counts once, by its new time).
    pub occurrences: usize,
    /// Of those, how many are still planned.
    pub planned: usize,
    /// The first planned occurrence at or after the store's clock, if any.
    pub next: Option<NaiveDateTime>,
}

/// A series with its live appointments and the nominal start each stands for (a moved one
/// and its new time both), for the calendar export.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesRows {
    pub series: Series,
    pub rows: Vec<(NaiveDateTime, crate::domain::Appointment)>,
}

/// What planning a series did.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedSeries {
    pub series_id: i64,
    /// The appointments made, with the date each stands for, in time order.
    pub appointments: Vec<(i64, Occurrence)>,
    /// Days off the rule landed on that were skipped.
    pub skipped: Vec<NaiveDate>,
    /// Days off moved: (the day off, the working day it moved to).
    pub moved: Vec<(NaiveDate, NaiveDate)>,
    /// Undoes the whole series.
    pub undo: Change,
}

/// What "this and all following" changes; `None` keeps what each occurrence has.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FollowingEdit {
    /// The new time of day (each date stays; the series' nominal times follow).
    pub time: Option<NaiveTime>,
    pub minutes: Option<i64>,
    pub channel: Option<Channel>,
    pub place: Option<String>,
}

/// What "this and all following" did.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesChanged {
    /// The series that now holds the occurrence and the later ones: a new one split off, or
    /// the same one when the occurrence was its first.
    pub series_id: i64,
    /// Whether the series was split (the old one now ends the day before the occurrence).
    pub split: bool,
    /// The planned appointments changed.
    pub changed: Vec<i64>,
    /// Later occurrences already marked (held, cancelled, moved …): they stay as they were.
    pub kept: usize,
    pub undo: Change,
}

/// What ending or deleting a series did.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesEnded {
    pub series_id: i64,
    /// Planned appointments removed.
    pub removed: Vec<i64>,
    /// Occurrences already marked, kept as single appointments (no longer in the series).
    pub kept: Vec<i64>,
    /// Whether the series itself is gone (deleted, or ended from its first date).
    pub deleted: bool,
    pub undo: Change,
}

/// The row of a series as a [`Change::Series`] sets it (kind and citizen never change).
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesState {
    pub start: NaiveDateTime,
    pub minutes: i64,
    pub channel: Channel,
    pub place: String,
    pub recurrence: Recurrence,
    pub skipped: Vec<NaiveDate>,
    pub deleted: bool,
}

/// The stored word of a frequency.
pub fn frequency_key(f: Frequency) -> &'static str {
    match f {
        Frequency::Weekly => "weekly",
        Frequency::EveryOtherWeek => "every_other_week",
        Frequency::MonthlyWeekday => "monthly_weekday",
    }
}

pub fn frequency_from_key(s: &str) -> Option<Frequency> {
    match s {
        "weekly" => Some(Frequency::Weekly),
        "every_other_week" => Some(Frequency::EveryOtherWeek),
        "monthly_weekday" => Some(Frequency::MonthlyWeekday),
        _ => Frequency::parse(s),
    }
}

pub fn on_day_off_key(o: OnDayOff) -> &'static str {
    match o {
        OnDayOff::Skip => "skip",
        OnDayOff::Move => "move",
    }
}

pub fn on_day_off_from_key(s: &str) -> Option<OnDayOff> {
    match s {
        "skip" => Some(OnDayOff::Skip),
        "move" => Some(OnDayOff::Move),
        _ => None,
    }
}

/// The `skipped` column: ISO dates separated by ','.
pub fn skipped_text(days: &[NaiveDate]) -> String {
    days.iter()
        .map(|d| d.format("%Y-%m-%d").to_string())
        .collect::<Vec<_>>()
        .join(",")
}

pub fn skipped_from_text(s: &str) -> Vec<NaiveDate> {
    s.split(',')
        .filter_map(|d| NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok())
        .collect()
}

fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn bad(i: usize, what: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        i,
        rusqlite::types::Type::Text,
        Box::new(crate::error::UserError(what)),
    )
}

/// The series columns read by [`series_from_row`] (`s` the series, `c` its citizen).
const COLS: &str = "s.id, s.uuid, s.citizen_id, c.name, s.kind, s.start, s.minutes, s.channel, \
    s.place, s.frequency, s.until, s.count, s.on_day_off, s.skipped, s.created_at, \
    (SELECT count(*) FROM appointments a WHERE a.series_id = s.id AND a.deleted = 0 AND a.status <> 'moved'), \
    (SELECT count(*) FROM appointments a WHERE a.series_id = s.id AND a.deleted = 0 AND a.status = 'planned'), \
    (SELECT min(a.start) FROM appointments a WHERE a.series_id = s.id AND a.deleted = 0 AND a.status = 'planned' AND a.start >= ?1)";

fn series_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Series> {
    let kind: String = r.get(4)?;
    let start: String = r.get(5)?;
    let channel: String = r.get(7)?;
    let frequency: String = r.get(9)?;
    let until: Option<String> = r.get(10)?;
    let count: Option<u32> = r.get(11)?;
    let on_day_off: String = r.get(12)?;
    let skipped: String = r.get(13)?;
    let created: String = r.get(14)?;
    let next: Option<String> = r.get(17)?;
    let end = match (until, count) {
        (Some(u), _) => End::Until(
            NaiveDate::parse_from_str(&u, "%Y-%m-%d")
                .map_err(|_| bad(10, format!("bad date '{u}'")))?,
        ),
        (None, Some(n)) => End::Count(n),
        (None, None) => return Err(bad(10, "a series without an end".into())),
    };
    Ok(Series {
        id: r.get(0)?,
        uuid: r.get(1)?,
        citizen_id: r.get(2)?,
        citizen: r.get(3)?,
        kind: Kind::parse(&kind).map_err(|e| bad(4, e))?,
        start: from_db(&start).ok_or_else(|| bad(5, format!("bad time '{start}'")))?,
        minutes: r.get(6)?,
        channel: Channel::parse(&channel).map_err(|e| bad(7, e))?,
        place: r.get(8)?,
        recurrence: Recurrence {
            frequency: frequency_from_key(&frequency)
                .ok_or_else(|| bad(9, format!("bad frequency '{frequency}'")))?,
            end,
            on_day_off: on_day_off_from_key(&on_day_off)
                .ok_or_else(|| bad(12, format!("bad day-off rule '{on_day_off}'")))?,
        },
        skipped: skipped_from_text(&skipped),
        created_at: from_db(&created).ok_or_else(|| bad(14, format!("bad time '{created}'")))?,
        occurrences: r.get::<_, i64>(15)?.max(0) as usize,
        planned: r.get::<_, i64>(16)?.max(0) as usize,
        next: next.as_deref().and_then(from_db),
    })
}

/// Refuses a rule that gives no date or too many: a count of 0 or over [`MAX_OCCURRENCES`],
/// an end before the start.
fn check_rule(start: NaiveDateTime, rule: &Recurrence) -> Result<()> {
    match rule.end {
        End::Count(n) if n == 0 || n as usize > MAX_OCCURRENCES => {
            Err(super::Error::SeriesCount { count: n }.into())
        }
        End::Until(u) if u < start.date() => Err(super::Error::SeriesEndsBeforeStart {
            start: start.date(),
            until: u,
        }
        .into()),
        _ => Ok(()),
    }
}

/// One live occurrence row of a series.
#[derive(Debug, Clone)]
struct Row {
    id: i64,
    occurrence: NaiveDateTime,
    start: NaiveDateTime,
    minutes: i64,
    channel: Channel,
    place: String,
    status: Status,
    reason: String,
    moved_to: Option<i64>,
}

fn rows_on(tx: &rusqlite::Connection, series_id: i64) -> Result<Vec<Row>> {
    let mut st = tx.prepare_cached(
        "SELECT id, occurrence, start, minutes, channel, place, status, reason, moved_to
         FROM appointments WHERE series_id = ?1 AND deleted = 0 ORDER BY occurrence, id",
    )?;
    let rows = st.query_map([series_id], |r| {
        let occ: Option<String> = r.get(1)?;
        let start: String = r.get(2)?;
        let channel: String = r.get(4)?;
        let status: String = r.get(6)?;
        let start = from_db(&start).ok_or_else(|| bad(2, format!("bad time '{start}'")))?;
        Ok(Row {
            id: r.get(0)?,
            occurrence: occ.as_deref().and_then(from_db).unwrap_or(start),
            start,
            minutes: r.get(3)?,
            channel: Channel::parse(&channel).map_err(|e| bad(4, e))?,
            place: r.get(5)?,
            status: Status::parse(&status).map_err(|e| bad(6, e))?,
            reason: r.get(7)?,
            moved_to: r.get(8)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn state_on(tx: &rusqlite::Connection, id: i64) -> Result<(SeriesState, i64)> {
    tx.query_row(
        "SELECT start, minutes, channel, place, frequency, until, count, on_day_off, skipped,
                deleted, citizen_id
         FROM series WHERE id = ?1",
        [id],
        |r| {
            let start: String = r.get(0)?;
            let channel: String = r.get(2)?;
            let frequency: String = r.get(4)?;
            let until: Option<String> = r.get(5)?;
            let count: Option<u32> = r.get(6)?;
            let on_day_off: String = r.get(7)?;
            let skipped: String = r.get(8)?;
            let end = match (
                until.and_then(|u| NaiveDate::parse_from_str(&u, "%Y-%m-%d").ok()),
                count,
            ) {
                (Some(u), _) => End::Until(u),
                (None, Some(n)) => End::Count(n),
                (None, None) => return Err(bad(5, "a series without an end".into())),
            };
            Ok((
                SeriesState {
                    start: from_db(&start).ok_or_else(|| bad(0, format!("bad time '{start}'")))?,
                    minutes: r.get(1)?,
                    channel: Channel::parse(&channel).map_err(|e| bad(2, e))?,
                    place: r.get(3)?,
                    recurrence: Recurrence {
                        frequency: frequency_from_key(&frequency)
                            .ok_or_else(|| bad(4, format!("bad frequency '{frequency}'")))?,
                        end,
                        on_day_off: on_day_off_from_key(&on_day_off)
                            .ok_or_else(|| bad(7, format!("bad day-off rule '{on_day_off}'")))?,
                    },
                    skipped: skipped_from_text(&skipped),
                    deleted: r.get(9)?,
                },
                r.get(10)?,
            ))
        },
    )
    .optional()?
    .ok_or_else(|| super::Error::NoSeries(id).into())
}

fn end_columns(end: End) -> (Option<String>, Option<u32>) {
    match end {
        End::Until(u) => (Some(ymd(u)), None),
        End::Count(n) => (None, Some(n)),
    }
}

fn insert_series(
    tx: &rusqlite::Connection,
    uuid: &str,
    citizen_id: i64,
    kind: Kind,
    s: &SeriesState,
    created: &str,
) -> Result<i64> {
    let (until, count) = end_columns(s.recurrence.end);
    tx.prepare_cached(
        "INSERT INTO series (uuid, citizen_id, kind, start, minutes, channel, place, frequency,
                             until, count, on_day_off, skipped, deleted, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(params![
        uuid,
        citizen_id,
        kind.key(),
        to_db(s.start),
        s.minutes,
        s.channel.key(),
        s.place,
        frequency_key(s.recurrence.frequency),
        until,
        count,
        on_day_off_key(s.recurrence.on_day_off),
        skipped_text(&s.skipped),
        s.deleted,
        created
    ])
    .map_err(super::open::explain_sqlite)?;
    Ok(tx.last_insert_rowid())
}

/// Applies a [`Change::Series`] or [`Change::Occurrence`]; returns its inverse and the citizen
/// it touched.
pub(super) fn apply_series_change(tx: &rusqlite::Connection, ch: &Change) -> Result<(Change, i64)> {
    match ch {
        Change::Series { id, state } => {
            let (old, citizen) = state_on(tx, *id)?;
            let (until, count) = end_columns(state.recurrence.end);
            tx.execute(
                "UPDATE series SET start = ?2, minutes = ?3, channel = ?4, place = ?5,
                        frequency = ?6, until = ?7, count = ?8, on_day_off = ?9, skipped = ?10,
                        deleted = ?11
                 WHERE id = ?1",
                params![
                    id,
                    to_db(state.start),
                    state.minutes,
                    state.channel.key(),
                    state.place,
                    frequency_key(state.recurrence.frequency),
                    until,
                    count,
                    on_day_off_key(state.recurrence.on_day_off),
                    skipped_text(&state.skipped),
                    state.deleted
                ],
            )?;
            Ok((
                Change::Series {
                    id: *id,
                    state: Box::new(old),
                },
                citizen,
            ))
        }
        Change::Occurrence {
            id,
            series_id,
            occurrence,
            start,
            minutes,
            channel,
            place,
        } => {
            type Old = (
                Option<i64>,
                Option<String>,
                String,
                i64,
                String,
                String,
                i64,
            );
            let old: Old = tx
                .query_row(
                    "SELECT series_id, occurrence, start, minutes, channel, place, citizen_id
                     FROM appointments WHERE id = ?1",
                    [id],
                    |r| {
                        Ok((
                            r.get(0)?,
                            r.get(1)?,
                            r.get(2)?,
                            r.get(3)?,
                            r.get(4)?,
                            r.get(5)?,
                            r.get(6)?,
                        ))
                    },
                )
                .optional()?
                .ok_or(super::Error::Gone {
                    what: super::Row::Appointment,
                    id: *id,
                })?;
            tx.execute(
                "UPDATE appointments SET series_id = ?2, occurrence = ?3, start = ?4, minutes = ?5,
                        channel = ?6, place = ?7
                 WHERE id = ?1",
                params![
                    id,
                    series_id,
                    occurrence.map(to_db),
                    to_db(*start),
                    minutes,
                    channel.key(),
                    place
                ],
            )?;
            let old_start = from_db(&old.2).unwrap_or(*start);
            Ok((
                Change::Occurrence {
                    id: *id,
                    series_id: old.0,
                    occurrence: old.1.as_deref().and_then(from_db),
                    start: old_start,
                    minutes: old.3,
                    channel: Channel::parse(&old.4).unwrap_or(*channel),
                    place: old.5,
                },
                old.6,
            ))
        }
        _ => Err(anyhow::anyhow!(
            "internal: {ch:?} is not a change of a series"
        )),
    }
}

/// Gives a move's new appointment `new_id` the series and nominal start of the moved one
/// `old_id` (a moved occurrence stays in its series).
pub(super) fn inherit_on(tx: &rusqlite::Connection, old_id: i64, new_id: i64) -> Result<()> {
    tx.execute(
        "UPDATE appointments SET (series_id, occurrence) =
             (SELECT series_id, occurrence FROM appointments WHERE id = ?1)
         WHERE id = ?2",
        params![old_id, new_id],
    )?;
    Ok(())
}

/// Applies `ch` on `tx`, keeps its inverse in `undo` and the citizen it touched.
fn step(
    tx: &rusqlite::Connection,
    ch: Change,
    now: NaiveDateTime,
    undo: &mut Vec<Change>,
    touched: &mut Vec<i64>,
) -> Result<()> {
    undo.push(super::changes::apply_one(tx, &ch, now, touched)?);
    Ok(())
}

fn delete_row(r: &Row) -> Change {
    Change::Appointment {
        id: r.id,
        status: r.status,
        reason: r.reason.clone(),
        moved_to: r.moved_to,
        deleted: true,
    }
}

fn detach_row(r: &Row) -> Change {
    Change::Occurrence {
        id: r.id,
        series_id: None,
        occurrence: None,
        start: r.start,
        minutes: r.minutes,
        channel: r.channel,
        place: r.place.clone(),
    }
}

fn undo_of(mut undo: Vec<Change>) -> Change {
    undo.reverse();
    Change::Several(undo)
}

impl Store {
    /// The dates a series would have on this store's calendar (for a preview, or to ask once
    /// whether days off are skipped or moved: [`Occurrence::skipped_for`], `is_moved`).
    pub fn series_preview(&self, start: NaiveDateTime, rule: &Recurrence) -> Vec<Occurrence> {
        occurrences(start, rule, &self.rules.calendar())
    }

    /// The days off a series would land on, on this store's calendar.
    pub fn series_days_off(&self, start: NaiveDateTime, rule: &Recurrence) -> Vec<NaiveDate> {
        days_off_hit(start, rule, &self.rules.calendar())
    }

    /// The end of a series planned without one: the last day of the citizen's mentor agreement
    /// when it ends after `start`, else [`DEFAULT_SERIES_WEEKS`] weeks (the day before the
    /// same weekday 26 weeks on: 26 weekly dates, 13 every other week, 6 monthly).
    pub fn default_series_end(&self, citizen_id: i64, start: NaiveDateTime) -> Result<End> {
        let agreement = self.mentor_agreement(citizen_id)?;
        Ok(match agreement.until {
            Some(u) if u >= start.date() => End::Until(u),
            _ => {
                End::Until(start.date() + Duration::weeks(DEFAULT_SERIES_WEEKS) - Duration::days(1))
            }
        })
    }

    /// Plans a series: one planned appointment per date of the rule, skipping or moving days
    /// off. Refused for an unknown citizen, a length outside 1 minute to 24 hours, a count of 0
    /// or over [`MAX_OCCURRENCES`], an end before the start, and a rule whose every date is a
    /// day off. One transaction; the returned undo removes the series and its appointments.
    pub fn plan_series(&mut self, s: &NewSeries) -> Result<PlannedSeries> {
        self.require_citizen(s.citizen_id)?;
        if s.minutes <= 0 || s.minutes > 24 * 60 {
            return Err(super::Error::MinutesOutOfRange {
                of: super::MinutesOf::Appointment,
                minutes: s.minutes,
            }
            .into());
        }
        check_rule(s.start, &s.recurrence)?;
        let place = if s.channel == Channel::HomeVisit && s.place.trim().is_empty() {
            self.address(s.citizen_id)?.unwrap_or_default()
        } else {
            s.place.trim().to_string()
        };
        let dates = self.series_preview(s.start, &s.recurrence);
        let skipped: Vec<NaiveDate> = dates.iter().filter_map(|o| o.skipped_for).collect();
        let moved: Vec<(NaiveDate, NaiveDate)> = dates
            .iter()
            .filter(|o| o.is_moved())
            .map(|o| (o.nominal.date(), o.start.date()))
            .collect();
        if dates.iter().all(Occurrence::is_skipped) {
            return Err(super::Error::SeriesAllDaysOff {
                days: skipped.len(),
            }
            .into());
        }
        let state = SeriesState {
            start: s.start,
            minutes: s.minutes,
            channel: s.channel,
            place: place.clone(),
            recurrence: s.recurrence,
            skipped: skipped.clone(),
            deleted: false,
        };
        let created = to_db(self.clock.now());
        let rules = self.rules.clone();
        let sus = self.suspensions.clone();
        self.write(|tx| {
            let id = insert_series(tx, &s.uuid, s.citizen_id, s.kind, &state, &created)?;
            let mut undo = vec![Change::Series {
                id,
                state: Box::new(SeriesState {
                    deleted: true,
                    ..state.clone()
                }),
            }];
            let mut made = Vec::new();
            for o in dates.iter().filter(|o| !o.is_skipped()) {
                let a = NewAppointment {
                    uuid: uuid::Uuid::new_v4().to_string(),
                    citizen_id: s.citizen_id,
                    kind: s.kind,
                    start: o.start,
                    minutes: s.minutes,
                    channel: s.channel,
                    place: place.clone(),
                    status: Status::Planned,
                    reason: String::new(),
                };
                let aid = super::appointments::insert_appointment(tx, &a, &created)?;
                tx.prepare_cached(
                    "UPDATE appointments SET series_id = ?2, occurrence = ?3 WHERE id = ?1",
                )?
                .execute(params![aid, id, to_db(o.nominal)])?;
                undo.push(Change::Appointment {
                    id: aid,
                    status: Status::Planned,
                    reason: String::new(),
                    moved_to: None,
                    deleted: true,
                });
                made.push((aid, *o));
            }
            super::changes::refresh_citizens_on(tx, &rules, &sus, vec![s.citizen_id])?;
            made.sort_by_key(|(aid, o)| (o.start, *aid));
            undo.reverse();
            Ok(PlannedSeries {
                series_id: id,
                appointments: made,
                skipped,
                moved,
                undo: Change::Several(undo),
            })
        })
    }

    /// One series (also a deleted one, whose undo could bring it back).
    pub fn series(&self, id: i64) -> Result<Series> {
        let sql = format!(
            "SELECT {COLS} FROM series s JOIN citizens c ON c.id = s.citizen_id WHERE s.id = ?2"
        );
        self.conn
            .query_row(&sql, params![to_db(self.clock.now()), id], series_from_row)
            .optional()?
            .ok_or_else(|| super::Error::NoSeries(id).into())
    }

    /// The live series of one citizen, or of everyone, by start.
    pub fn series_list(&self, citizen_id: Option<i64>) -> Result<Vec<Series>> {
        let sql = format!(
            "SELECT {COLS} FROM series s JOIN citizens c ON c.id = s.citizen_id
             WHERE s.deleted = 0 AND (?2 IS NULL OR s.citizen_id = ?2)
             ORDER BY s.start, s.id"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(
            params![to_db(self.clock.now()), citizen_id],
            series_from_row,
        )?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The live series with an appointment (or a nominal date) in `[from, to)` (open ends:
    /// all), each with its live appointments, for the calendar export.
    pub fn calendar_series(
        &self,
        from: Option<NaiveDateTime>,
        to: Option<NaiveDateTime>,
    ) -> Result<Vec<SeriesRows>> {
        let mut out = Vec::new();
        for series in self.series_list(None)? {
            let dates = crate::domain::recurrence::nominal_dates(series.start, &series.recurrence);
            let inside =
                |t: &NaiveDateTime| from.is_none_or(|f| *t >= f) && to.is_none_or(|e| *t < e);
            if !dates.iter().any(inside) {
                continue;
            }
            let sql = format!(
                "SELECT {}, a.occurrence FROM appointments a JOIN citizens c ON c.id = a.citizen_id
                 WHERE a.series_id = ?1 AND a.deleted = 0 ORDER BY a.occurrence, a.id",
                super::appointments::COLS
            );
            let mut st = self.conn.prepare_cached(&sql)?;
            let rows = st.query_map([series.id], |r| {
                let a = super::appointments::appointment_from_row(r)?;
                let occ: Option<String> = r.get("occurrence")?;
                Ok((occ.as_deref().and_then(from_db).unwrap_or(a.start), a))
            })?;
            let rows = rows.collect::<Result<Vec<_>, _>>()?;
            out.push(SeriesRows { series, rows });
        }
        Ok(out)
    }

    /// The series an appointment is an occurrence of, with its nominal start; `None` for a
    /// single appointment. The desk asks this to offer "this and all following".
    pub fn series_of(&self, appointment_id: i64) -> Result<Option<(Series, NaiveDateTime)>> {
        let row: Option<(Option<i64>, Option<String>)> = self
            .conn
            .query_row(
                "SELECT series_id, occurrence FROM appointments WHERE id = ?1 AND deleted = 0",
                [appointment_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((sid, occ)) = row else {
            return Err(super::Error::NoAppointment(appointment_id).into());
        };
        let (Some(sid), Some(occ)) = (sid, occ.as_deref().and_then(from_db)) else {
            return Ok(None);
        };
        Ok(Some((self.series(sid)?, occ)))
    }

    /// The live series and nominal start of an occurrence, or an error saying it is none.
    fn occurrence_of(&self, appointment_id: i64) -> Result<(Series, NaiveDateTime)> {
        match self.series_of(appointment_id)? {
            Some((s, occ)) if !self.series_deleted(s.id)? => Ok((s, occ)),
            _ => Err(super::Error::NotAnOccurrence(appointment_id).into()),
        }
    }

    fn series_deleted(&self, id: i64) -> Result<bool> {
        Ok(self
            .conn
            .query_row("SELECT deleted FROM series WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?
            .unwrap_or(true))
    }

    /// "This and all following": changes the time of day, length, channel or place of the
    /// occurrence `appointment_id` and of every later planned occurrence of its series. The
    /// series is split there: the old one ends the day before, a new one (same rule and end)
    /// starts with the occurrence's date and the new values; when the occurrence is the
    /// series' first, the series itself changes. Occurrences already marked (held, cancelled,
    /// moved …) move to the new series unchanged. Refused when nothing is given, for a length
    /// outside 1 minute to 24 hours, and for an appointment that is no occurrence.
    pub fn change_following(
        &mut self,
        appointment_id: i64,
        edit: &FollowingEdit,
    ) -> Result<SeriesChanged> {
        if *edit == FollowingEdit::default() {
            return Err(super::Error::NothingToChange.into());
        }
        if let Some(m) = edit.minutes
            && (m <= 0 || m > 24 * 60)
        {
            return Err(super::Error::MinutesOutOfRange {
                of: super::MinutesOf::Appointment,
                minutes: m,
            }
            .into());
        }
        let (series, from) = self.occurrence_of(appointment_id)?;
        let now = self.clock.now();
        let created = to_db(now);
        let rules = self.rules.clone();
        let sus = self.suspensions.clone();
        let new_uuid = uuid::Uuid::new_v4().to_string();
        self.write(|tx| {
            let (old, citizen) = state_on(tx, series.id)?;
            let rows = rows_on(tx, series.id)?;
            let mut undo = Vec::new();
            let mut touched = vec![citizen];
            let retime = |t: NaiveDateTime| match edit.time {
                Some(time) => t.date().and_time(time),
                None => t,
            };
            let place = edit.place.as_deref().map(|p| p.trim().to_string());
            let new_state = SeriesState {
                start: retime(from),
                minutes: edit.minutes.unwrap_or(old.minutes),
                channel: edit.channel.unwrap_or(old.channel),
                place: place.clone().unwrap_or_else(|| old.place.clone()),
                recurrence: Recurrence {
                    end: last_end(&old, from, &rules),
                    ..old.recurrence
                },
                skipped: old
                    .skipped
                    .iter()
                    .copied()
                    .filter(|d| *d >= from.date())
                    .collect(),
                deleted: false,
            };
            let split = from > old.start;
            let target = if split {
                // The old series ends the day before; the new one takes the rest.
                step(
                    tx,
                    Change::Series {
                        id: series.id,
                        state: Box::new(SeriesState {
                            recurrence: Recurrence {
                                end: End::Until(from.date() - Duration::days(1)),
                                ..old.recurrence
                            },
                            skipped: old
                                .skipped
                                .iter()
                                .copied()
                                .filter(|d| *d < from.date())
                                .collect(),
                            ..old.clone()
                        }),
                    },
                    now,
                    &mut undo,
                    &mut touched,
                )?;
                let nid = insert_series(tx, &new_uuid, citizen, series.kind, &new_state, &created)?;
                undo.push(Change::Series {
                    id: nid,
                    state: Box::new(SeriesState {
                        deleted: true,
                        ..new_state.clone()
                    }),
                });
                nid
            } else {
                let keep_end = SeriesState {
                    recurrence: old.recurrence,
                    ..new_state.clone()
                };
                step(
                    tx,
                    Change::Series {
                        id: series.id,
                        state: Box::new(keep_end),
                    },
                    now,
                    &mut undo,
                    &mut touched,
                )?;
                series.id
            };
            let mut changed = Vec::new();
            let mut kept = 0;
            for r in rows.iter().filter(|r| r.occurrence >= from) {
                let planned = r.status == Status::Planned;
                if planned {
                    changed.push(r.id);
                } else if r.status != Status::Moved {
                    kept += 1;
                }
                step(
                    tx,
                    Change::Occurrence {
                        id: r.id,
                        series_id: Some(target),
                        occurrence: Some(retime(r.occurrence)),
                        start: if planned { retime(r.start) } else { r.start },
                        minutes: if planned {
                            edit.minutes.unwrap_or(r.minutes)
                        } else {
                            r.minutes
                        },
                        channel: if planned {
                            edit.channel.unwrap_or(r.channel)
                        } else {
                            r.channel
                        },
                        place: match (&place, planned) {
                            (Some(p), true) => p.clone(),
                            _ => r.place.clone(),
                        },
                    },
                    now,
                    &mut undo,
                    &mut touched,
                )?;
            }
            super::changes::refresh_citizens_on(tx, &rules, &sus, touched)?;
            Ok(SeriesChanged {
                series_id: target,
                split,
                changed,
                kept,
                undo: undo_of(undo),
            })
        })
    }

    /// Ends a series from the occurrence `appointment_id` on: it and every later planned
    /// occurrence are removed, the series' last day becomes the day before; later occurrences
    /// already marked stay, as single appointments. From the series' first date this deletes
    /// the series ([`Store::delete_series`]).
    pub fn end_series_from(&mut self, appointment_id: i64) -> Result<SeriesEnded> {
        let (series, from) = self.occurrence_of(appointment_id)?;
        if from <= series.start {
            return self.delete_series(series.id);
        }
        let now = self.clock.now();
        let rules = self.rules.clone();
        let sus = self.suspensions.clone();
        self.write(|tx| {
            let (old, citizen) = state_on(tx, series.id)?;
            let mut undo = Vec::new();
            let mut touched = vec![citizen];
            step(
                tx,
                Change::Series {
                    id: series.id,
                    state: Box::new(SeriesState {
                        recurrence: Recurrence {
                            end: End::Until(from.date() - Duration::days(1)),
                            ..old.recurrence
                        },
                        skipped: old
                            .skipped
                            .iter()
                            .copied()
                            .filter(|d| *d < from.date())
                            .collect(),
                        ..old.clone()
                    }),
                },
                now,
                &mut undo,
                &mut touched,
            )?;
            let (removed, kept) = drop_rows(
                tx,
                rows_on(tx, series.id)?
                    .iter()
                    .filter(|r| r.occurrence >= from),
                now,
                &mut undo,
                &mut touched,
            )?;
            super::changes::refresh_citizens_on(tx, &rules, &sus, touched)?;
            Ok(SeriesEnded {
                series_id: series.id,
                removed,
                kept,
                deleted: false,
                undo: undo_of(undo),
            })
        })
    }

    /// Deletes a series: its planned occurrences are removed; those already marked (held,
    /// no-show, cancelled, moved) stay as single appointments. Undoable.
    pub fn delete_series(&mut self, series_id: i64) -> Result<SeriesEnded> {
        if self.series_deleted(series_id)? {
            return Err(super::Error::NoSeries(series_id).into());
        }
        let now = self.clock.now();
        let rules = self.rules.clone();
        let sus = self.suspensions.clone();
        self.write(|tx| {
            let (old, citizen) = state_on(tx, series_id)?;
            let mut undo = Vec::new();
            let mut touched = vec![citizen];
            let (removed, kept) = drop_rows(
                tx,
                rows_on(tx, series_id)?.iter(),
                now,
                &mut undo,
                &mut touched,
            )?;
            step(
                tx,
                Change::Series {
                    id: series_id,
                    state: Box::new(SeriesState {
                        deleted: true,
                        ..old
                    }),
                },
                now,
                &mut undo,
                &mut touched,
            )?;
            super::changes::refresh_citizens_on(tx, &rules, &sus, touched)?;
            Ok(SeriesEnded {
                series_id,
                removed,
                kept,
                deleted: true,
                undo: undo_of(undo),
            })
        })
    }
}

/// The end of the part of a series from `from` on: its old end as a last day (a count becomes
/// the day of its last date).
fn last_end(old: &SeriesState, from: NaiveDateTime, rules: &crate::domain::cadence::Rules) -> End {
    match old.recurrence.end {
        End::Until(u) => End::Until(u),
        End::Count(_) => {
            let last = occurrences(old.start, &old.recurrence, &rules.calendar())
                .last()
                .map(|o| o.nominal.date())
                .unwrap_or(from.date());
            End::Until(last.max(from.date()))
        }
    }
}

/// Removes the planned rows among `rows` and detaches the others (they stay as single
/// appointments). A move's new appointment is in the series too: removed while planned.
fn drop_rows<'a>(
    tx: &rusqlite::Connection,
    rows: impl Iterator<Item = &'a Row>,
    now: NaiveDateTime,
    undo: &mut Vec<Change>,
    touched: &mut Vec<i64>,
) -> Result<(Vec<i64>, Vec<i64>)> {
    let mut removed = Vec::new();
    let mut kept = Vec::new();
    for r in rows {
        if r.status == Status::Planned {
            step(tx, delete_row(r), now, undo, touched)?;
            removed.push(r.id);
        } else {
            step(tx, detach_row(r), now, undo, touched)?;
            if r.status != Status::Moved {
                kept.push(r.id);
            }
        }
    }
    Ok((removed, kept))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::NewCitizen;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    fn store() -> (Store, i64) {
        let mut st = Store::open_in_memory().unwrap();
        let id = st
            .add_citizen(&NewCitizen {
                name: "Jens Testesen".into(),
                mentor: true,
                ..Default::default()
            })
            .unwrap();
        (st, id)
    }

    fn walk(citizen_id: i64, start: &str, end: End, on_day_off: OnDayOff) -> NewSeries {
        NewSeries {
            uuid: uuid::Uuid::new_v4().to_string(),
            citizen_id,
            kind: Kind::MentorVisit,
            start: at(start),
            minutes: 60,
            channel: Channel::Walk,
            place: String::new(),
            recurrence: Recurrence {
                frequency: Frequency::Weekly,
                end,
                on_day_off,
            },
        }
    }

    fn starts(st: &Store, citizen: i64) -> Vec<String> {
        st.appointments(
            &crate::store::AppointmentFilter {
                citizen_id: Some(citizen),
                ..Default::default()
            },
            0,
            1000,
        )
        .unwrap()
        .iter()
        .map(|a| format!("{} {}", a.start.format("%d.%m %H:%M"), a.status.key()))
        .collect()
    }

    #[test]
    fn a_series_skips_christmas_and_undo_removes_it_all() {
        let (mut st, c) = store();
        let p = st
            .plan_series(&walk(c, "2026-12-17 10:00", End::Count(4), OnDayOff::Skip))
            .unwrap();
        assert_eq!(p.appointments.len(), 2);
        assert_eq!(p.skipped.len(), 2);
        assert_eq!(
            starts(&st, c),
            vec!["17.12 10:00 planned", "07.01 10:00 planned"]
        );
        let s = st.series(p.series_id).unwrap();
        assert_eq!(s.skipped, p.skipped);
        assert_eq!((s.occurrences, s.planned), (2, 2));
        st.apply(&[p.undo]).unwrap();
        assert!(starts(&st, c).is_empty());
        assert!(st.series_list(Some(c)).unwrap().is_empty());
    }

    #[test]
    fn one_moved_and_one_cancelled_leave_the_others() {
        let (mut st, c) = store();
        let p = st
            .plan_series(&walk(c, "2027-02-02 10:00", End::Count(4), OnDayOff::Skip))
            .unwrap();
        let ids: Vec<i64> = p.appointments.iter().map(|(id, _)| *id).collect();
        let now = at("2027-01-20 09:00");
        st.mark_appointment(ids[1], Status::Cancelled, None, now)
            .unwrap();
        let m = st
            .mark_appointment(ids[2], Status::Moved, Some(at("2027-02-17 13:00")), now)
            .unwrap();
        assert_eq!(
            starts(&st, c),
            vec![
                "02.02 10:00 planned",
                "09.02 10:00 cancelled",
                "16.02 10:00 moved",
                "17.02 13:00 planned",
                "23.02 10:00 planned"
            ]
        );
        // The new time stays in the series with the nominal start of the moved one.
        let (s, occ) = st.series_of(m.new_appointment.unwrap()).unwrap().unwrap();
        assert_eq!((s.id, occ), (p.series_id, at("2027-02-16 10:00")));
        assert_eq!(s.planned, 3);
    }

    #[test]
    fn this_and_all_following_splits_the_series_and_undoes() {
        let (mut st, c) = store();
        let p = st
            .plan_series(&walk(c, "2027-02-02 10:00", End::Count(4), OnDayOff::Skip))
            .unwrap();
        let ids: Vec<i64> = p.appointments.iter().map(|(id, _)| *id).collect();
        st.mark_appointment(ids[3], Status::Held, None, at("2027-02-23 12:00"))
            .unwrap();
        let ch = st
            .change_following(
                ids[1],
                &FollowingEdit {
                    time: NaiveTime::from_hms_opt(13, 30, 0),
                    minutes: Some(45),
                    ..Default::default()
                },
            )
            .unwrap();
        assert!(ch.split);
        assert_eq!(ch.changed, vec![ids[1], ids[2]]);
        assert_eq!(ch.kept, 1);
        assert_eq!(
            starts(&st, c),
            vec![
                "02.02 10:00 planned",
                "09.02 13:30 planned",
                "16.02 13:30 planned",
                "23.02 10:00 held"
            ]
        );
        let old = st.series(p.series_id).unwrap();
        assert_eq!(
            old.recurrence.end,
            End::Until(NaiveDate::from_ymd_opt(2027, 2, 8).unwrap())
        );
        let new = st.series(ch.series_id).unwrap();
        assert_eq!((new.start, new.minutes), (at("2027-02-09 13:30"), 45));
        assert_eq!(st.appointment(ids[2]).unwrap().minutes, 45);
        st.apply(&[ch.undo]).unwrap();
        assert_eq!(
            starts(&st, c),
            vec![
                "02.02 10:00 planned",
                "09.02 10:00 planned",
                "16.02 10:00 planned",
                "23.02 10:00 held"
            ]
        );
        assert_eq!(st.series_list(Some(c)).unwrap().len(), 1);
        assert_eq!(
            st.series(p.series_id).unwrap().recurrence.end,
            End::Count(4)
        );
    }

    #[test]
    fn ending_and_deleting_keep_what_was_held() {
        let (mut st, c) = store();
        let p = st
            .plan_series(&walk(c, "2027-02-02 10:00", End::Count(5), OnDayOff::Skip))
            .unwrap();
        let ids: Vec<i64> = p.appointments.iter().map(|(id, _)| *id).collect();
        st.mark_appointment(ids[0], Status::Held, None, at("2027-02-02 12:00"))
            .unwrap();
        st.mark_appointment(ids[3], Status::NoShow, None, at("2027-02-23 12:00"))
            .unwrap();
        let e = st.end_series_from(ids[2]).unwrap();
        assert_eq!(e.removed, vec![ids[2], ids[4]]);
        assert_eq!(e.kept, vec![ids[3]]);
        assert!(st.series_of(ids[3]).unwrap().is_none());
        assert_eq!(
            starts(&st, c),
            vec![
                "02.02 10:00 held",
                "09.02 10:00 planned",
                "23.02 10:00 no_show"
            ]
        );
        let d = st.delete_series(p.series_id).unwrap();
        assert_eq!(
            (d.removed.clone(), d.kept.clone()),
            (vec![ids[1]], vec![ids[0]])
        );
        assert_eq!(
            starts(&st, c),
            vec!["02.02 10:00 held", "23.02 10:00 no_show"]
        );
        assert!(st.series_list(None).unwrap().is_empty());
        st.apply(&[d.undo]).unwrap();
        st.apply(&[e.undo]).unwrap();
        assert_eq!(starts(&st, c).len(), 5);
        assert_eq!(st.series(p.series_id).unwrap().planned, 3);
    }

    #[test]
    fn easter_is_moved_and_bad_rules_are_refused() {
        let (mut st, c) = store();
        // Thursdays from 18.03.2027: skærtorsdag 25.03 → 30.03 (langfredag, weekend, 2. påskedag).
        let p = st
            .plan_series(&walk(c, "2027-03-18 10:00", End::Count(3), OnDayOff::Move))
            .unwrap();
        assert_eq!(
            p.moved,
            vec![(
                NaiveDate::from_ymd_opt(2027, 3, 25).unwrap(),
                NaiveDate::from_ymd_opt(2027, 3, 30).unwrap()
            )]
        );
        assert_eq!(
            starts(&st, c),
            vec![
                "18.03 10:00 planned",
                "30.03 10:00 planned",
                "01.04 10:00 planned"
            ]
        );
        assert!(
            st.plan_series(&walk(c, "2027-03-18 10:00", End::Count(0), OnDayOff::Skip))
                .is_err()
        );
        assert!(
            st.plan_series(&walk(
                c,
                "2027-03-18 10:00",
                End::Until(NaiveDate::from_ymd_opt(2027, 3, 1).unwrap()),
                OnDayOff::Skip
            ))
            .is_err()
        );
        // Saturdays only: every date a day off.
        let e = st
            .plan_series(&walk(c, "2027-03-20 10:00", End::Count(3), OnDayOff::Skip))
            .unwrap_err();
        assert!(e.to_string().contains("day off"), "{e}");
    }
}
