//! The SQL of the exports: rows streamed straight from SQLite into a writer (never collected),
//! the restore of a JSON export into an empty database, and the record of every export.

use chrono::NaiveDate;
use rusqlite::{Connection, Row, TransactionBehavior, params};

use super::Store;
use crate::domain::dates::{from_db, to_db};
use crate::domain::records::{
    AppointmentRecord, CitizenRecord, ClosureAttemptRecord, ClosureCallRecord,
    ClosureConversionRecord, ClosureRecord, ContactRecord, DayRange, DraftRecord, ExportKind,
    ExportRecord, JobclubAttendanceRecord, JobclubExemptionRecord, LogRow, Record, RestoreSink,
    SeriesRecord,
};
use crate::domain::text::{danish_sort_key, fold};
use crate::domain::{Appointment, Channel, Kind, Outcome, TargetGroup, Word};
use crate::error::{Result, user};

/// Bounds that stand in for an open end of a range (stored times sort as text).
const BEFORE_ALL: &str = "0000-01-01T00:00:00";
const AFTER_ALL: &str = "9999-12-31T23:59:59";

fn bounds(range: &DayRange) -> (String, String) {
    (
        range
            .start()
            .map(to_db)
            .unwrap_or_else(|| BEFORE_ALL.into()),
        range
            .end_exclusive()
            .map(to_db)
            .unwrap_or_else(|| AFTER_ALL.into()),
    )
}

fn bad(i: usize, what: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        i,
        rusqlite::types::Type::Text,
        Box::new(crate::error::UserError(what)),
    )
}

/// A stored key as its word. Stored keys match exactly, so the fast path skips `Word::parse`'s
/// folding, which would cost more than the rest of a row.
fn word<W: Word>(r: &Row<'_>, i: usize) -> rusqlite::Result<W> {
    let s = r.get_ref(i)?.as_str()?;
    match W::ALL.iter().find(|w| w.key() == s) {
        Some(w) => Ok(*w),
        None => W::parse(s).map_err(|e| bad(i, e)),
    }
}

fn time(r: &Row<'_>, i: usize) -> rusqlite::Result<chrono::NaiveDateTime> {
    let s = r.get_ref(i)?.as_str()?;
    from_db(s).ok_or_else(|| bad(i, format!("bad time '{s}'")))
}

fn opt_time(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<chrono::NaiveDateTime>> {
    match r.get::<_, Option<String>>(i)? {
        None => Ok(None),
        Some(s) => from_db(&s)
            .map(Some)
            .ok_or_else(|| bad(i, format!("bad time '{s}'"))),
    }
}

fn opt_date(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<NaiveDate>> {
    match r.get::<_, Option<String>>(i)? {
        None => Ok(None),
        Some(s) => NaiveDate::parse_from_str(&s, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| bad(i, format!("bad date '{s}'"))),
    }
}

fn date(r: &Row<'_>, i: usize) -> rusqlite::Result<NaiveDate> {
    opt_date(r, i)?.ok_or_else(|| bad(i, "a date is missing".into()))
}

fn date_text(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

fn log_row(r: &Row<'_>) -> rusqlite::Result<LogRow> {
    let channel: Channel = word(r, 5)?;
    let kind = match r.get_ref(4)? {
        rusqlite::types::ValueRef::Null if channel.is_mentor_channel() => Kind::MentorVisit,
        rusqlite::types::ValueRef::Null => Kind::Conversation,
        _ => word::<Kind>(r, 4)?,
    };
    Ok(LogRow {
        at: time(r, 0)?,
        citizen: r.get(1)?,
        cpr: r.get(2)?,
        target_group: word::<TargetGroup>(r, 3)?,
        kind,
        channel,
        outcome: word::<Outcome>(r, 6)?,
        minutes: r.get(7)?,
        note: r.get(8)?,
        counts: r.get(9)?,
        transferred: opt_time(r, 10)?.map(|t| t.date()),
    })
}

/// The columns of `appointments::appointment_from_row`, with the fast word lookup.
fn appointment_row(r: &Row<'_>) -> rusqlite::Result<Appointment> {
    Ok(Appointment {
        id: r.get(0)?,
        uuid: r.get(1)?,
        citizen_id: r.get(2)?,
        citizen: r.get(3)?,
        kind: word(r, 4)?,
        start: time(r, 5)?,
        minutes: r.get(6)?,
        channel: word(r, 7)?,
        place: r.get(8)?,
        status: word(r, 9)?,
        reason: r.get(10)?,
        moved_to: r.get(11)?,
        phone: String::new(),
        series_id: None,
    })
}

const CITIZEN_COLS: &str = "id, name, cpr, phone, email, target_group, benefit_start, mentor, \
    mentor_goals, mentor_hours, mentor_until, summary, exempt, archived, last_contact, next_due, created_at, \
    pace_due, absence_start, address, requested, jobclub";

fn citizen_record(r: &Row<'_>) -> rusqlite::Result<CitizenRecord> {
    Ok(CitizenRecord {
        id: r.get(0)?,
        name: r.get(1)?,
        cpr: r.get(2)?,
        phone: r.get(3)?,
        email: r.get(4)?,
        target_group: word(r, 5)?,
        benefit_start: opt_date(r, 6)?,
        mentor: r.get(7)?,
        mentor_goals: r.get(8)?,
        mentor_hours: r.get(9)?,
        mentor_until: opt_date(r, 10)?,
        summary: r.get(11)?,
        exempt: r.get(12)?,
        archived: r.get(13)?,
        last_contact: opt_time(r, 14)?,
        next_due: opt_date(r, 15)?,
        created_at: time(r, 16)?,
        pace_due: opt_date(r, 17)?,
        absence_start: opt_date(r, 18)?,
        address: r.get(19)?,
        requested: opt_date(r, 20)?,
        jobclub: r.get(21)?,
    })
}

const APPOINTMENT_COLS: &str = "id, uuid, citizen_id, kind, start, minutes, channel, place, status, \
    reason, moved_to, deleted, created_at, series_id, occurrence";

fn appointment_record(r: &Row<'_>) -> rusqlite::Result<AppointmentRecord> {
    Ok(AppointmentRecord {
        id: r.get(0)?,
        uuid: r.get(1)?,
        citizen_id: r.get(2)?,
        kind: word(r, 3)?,
        start: time(r, 4)?,
        minutes: r.get(5)?,
        channel: word(r, 6)?,
        place: r.get(7)?,
        status: word(r, 8)?,
        reason: r.get(9)?,
        moved_to: r.get(10)?,
        deleted: r.get(11)?,
        created_at: time(r, 12)?,
        series_id: r.get(13)?,
        occurrence: opt_time(r, 14)?,
    })
}

const SERIES_COLS: &str = "id, uuid, citizen_id, kind, start, minutes, channel, place, frequency, \
    until, count, on_day_off, skipped, deleted, created_at";

fn series_record(r: &Row<'_>) -> rusqlite::Result<SeriesRecord> {
    let frequency: String = r.get(8)?;
    let on_day_off: String = r.get(11)?;
    let skipped: String = r.get(12)?;
    Ok(SeriesRecord {
        id: r.get(0)?,
        uuid: r.get(1)?,
        citizen_id: r.get(2)?,
        kind: word(r, 3)?,
        start: time(r, 4)?,
        minutes: r.get(5)?,
        channel: word(r, 6)?,
        place: r.get(7)?,
        frequency: super::series_frequency_from_key(&frequency)
            .ok_or_else(|| bad(8, format!("bad frequency '{frequency}'")))?,
        until: opt_date(r, 9)?,
        count: r.get(10)?,
        on_day_off: super::series_on_day_off_from_key(&on_day_off)
            .ok_or_else(|| bad(11, format!("bad day-off rule '{on_day_off}'")))?,
        skipped: super::series::skipped_from_text(&skipped),
        deleted: r.get(13)?,
        created_at: time(r, 14)?,
    })
}

const CONTACT_COLS: &str = "id, uuid, citizen_id, appointment_id, at, channel, outcome, minutes, \
    note, counts, transferred_at, feedback_score, feedback_wish, deleted, created_at";

fn contact_record(r: &Row<'_>) -> rusqlite::Result<ContactRecord> {
    Ok(ContactRecord {
        id: r.get(0)?,
        uuid: r.get(1)?,
        citizen_id: r.get(2)?,
        appointment_id: r.get(3)?,
        at: time(r, 4)?,
        channel: word(r, 5)?,
        outcome: word(r, 6)?,
        minutes: r.get(7)?,
        note: r.get(8)?,
        counts: r.get(9)?,
        transferred_at: opt_time(r, 10)?,
        feedback_score: r.get(11)?,
        feedback_wish: r.get(12)?,
        deleted: r.get(13)?,
        created_at: time(r, 14)?,
    })
}

const CLOSURE_COLS: &str = "id, name, from_date, to_date, counts_held, created_at, ended_at";

fn closure_record(r: &Row<'_>) -> rusqlite::Result<ClosureRecord> {
    Ok(ClosureRecord {
        id: r.get(0)?,
        name: r.get(1)?,
        from_date: date(r, 2)?,
        to_date: date(r, 3)?,
        counts_held: r.get(4)?,
        created_at: time(r, 5)?,
        ended_at: opt_time(r, 6)?,
    })
}

const CALL_COLS: &str = "closure_id, citizen_id, position, target_group, mentor, attempts, \
    last_result, last_at, reached, accepted, next_try, newcomer, received, matched";

fn call_record(r: &Row<'_>) -> rusqlite::Result<ClosureCallRecord> {
    Ok(ClosureCallRecord {
        closure_id: r.get(0)?,
        citizen_id: r.get(1)?,
        position: r.get(2)?,
        target_group: word(r, 3)?,
        mentor: r.get(4)?,
        attempts: r.get(5)?,
        last_result: r.get(6)?,
        last_at: opt_time(r, 7)?,
        reached: r.get(8)?,
        accepted: r.get(9)?,
        next_try: opt_date(r, 10)?,
        newcomer: r.get(11)?,
        received: r.get(12)?,
        matched: r.get(13)?,
    })
}

const ATTEMPT_COLS: &str =
    "contact_id, closure_id, citizen_id, result, accepted, received, matched";

fn attempt_record(r: &Row<'_>) -> rusqlite::Result<ClosureAttemptRecord> {
    Ok(ClosureAttemptRecord {
        contact_id: r.get(0)?,
        closure_id: r.get(1)?,
        citizen_id: r.get(2)?,
        result: r.get(3)?,
        accepted: r.get(4)?,
        received: r.get(5)?,
        matched: r.get(6)?,
    })
}

const CONVERSION_COLS: &str = "id, closure_id, appointment_id, from_channel, to_channel, at";

fn conversion_record(r: &Row<'_>) -> rusqlite::Result<ClosureConversionRecord> {
    Ok(ClosureConversionRecord {
        id: r.get(0)?,
        closure_id: r.get(1)?,
        appointment_id: r.get(2)?,
        from_channel: word(r, 3)?,
        to_channel: word(r, 4)?,
        at: time(r, 5)?,
    })
}

const EXEMPTION_COLS: &str =
    "id, citizen_id, from_date, to_date, reason, created_at, from_time, to_time, weekdays";

fn exemption_record(r: &Row<'_>) -> rusqlite::Result<JobclubExemptionRecord> {
    Ok(JobclubExemptionRecord {
        id: r.get(0)?,
        citizen_id: r.get(1)?,
        from_date: date(r, 2)?,
        to_date: date(r, 3)?,
        reason: r.get(4)?,
        created_at: time(r, 5)?,
        from_time: r.get(6)?,
        to_time: r.get(7)?,
        weekdays: r.get(8)?,
    })
}

const ATTENDANCE_COLS: &str = "date, citizen_id, mark, contact_id, marked_at";

fn attendance_record(r: &Row<'_>) -> rusqlite::Result<JobclubAttendanceRecord> {
    let mark: String = r.get(2)?;
    Ok(JobclubAttendanceRecord {
        date: date(r, 0)?,
        citizen_id: r.get(1)?,
        mark: crate::domain::jobclub::Mark::parse(&mark).map_err(|e| bad(2, e))?,
        contact_id: r.get(3)?,
        marked_at: time(r, 4)?,
    })
}

const DRAFT_COLS: &str = "kind, target_id, citizen_id, text, updated_at";

fn draft_record(r: &Row<'_>) -> rusqlite::Result<DraftRecord> {
    Ok(DraftRecord {
        kind: r.get(0)?,
        target_id: r.get(1)?,
        citizen_id: r.get(2)?,
        text: r.get(3)?,
        updated_at: time(r, 4)?,
    })
}

type Stream<'a, T> = &'a mut dyn Iterator<Item = Result<T>>;

/// A larger page cache while an export reads the log (16 MiB), set back when dropped. A memory
/// map was faster by about a tenth but made the whole file resident (300+ MB on a five-year log);
/// the issue asks for flat memory, so the cache it is (about 24 MB at peak on the same log).
struct Mapped<'a>(&'a Connection, i64);

impl<'a> Mapped<'a> {
    fn new(conn: &'a Connection) -> Mapped<'a> {
        let before: i64 = conn
            .query_row("PRAGMA cache_size", [], |r| r.get(0))
            .unwrap_or(-2000);
        let _ = conn.pragma_update(None, "cache_size", -16384i64);
        Mapped(conn, before)
    }
}

impl Drop for Mapped<'_> {
    fn drop(&mut self) {
        let _ = self.0.pragma_update(None, "cache_size", self.1);
    }
}

impl Store {
    /// Streams the contact log of `range` in time order into `f`.
    pub fn stream_log<T>(
        &self,
        range: DayRange,
        f: impl FnOnce(Stream<'_, LogRow>) -> Result<T>,
    ) -> Result<T> {
        let (from, to) = bounds(&range);
        let _mapped = Mapped::new(&self.conn);
        let mut st = self.conn.prepare(
            "SELECT k.at, c.name, c.cpr, c.target_group, a.kind, k.channel, k.outcome, k.minutes, k.note,
                    k.counts, k.transferred_at
             FROM contacts k
             JOIN citizens c ON c.id = k.citizen_id
             LEFT JOIN appointments a ON a.id = k.appointment_id
             WHERE k.deleted = 0 AND k.at >= ?1 AND k.at < ?2
             ORDER BY k.at, k.id",
        )?;
        let mut rows = st
            .query_map(params![from, to], log_row)?
            .map(|r| r.map_err(anyhow::Error::from));
        f(&mut rows)
    }

    /// Streams the single appointments of `range` (not deleted ones, not those of a series:
    /// [`Store::calendar_series`]) in time order into `f`.
    pub fn stream_appointments<T>(
        &self,
        range: DayRange,
        f: impl FnOnce(Stream<'_, Appointment>) -> Result<T>,
    ) -> Result<T> {
        let (from, to) = bounds(&range);
        let _mapped = Mapped::new(&self.conn);
        let mut st = self.conn.prepare(
            "SELECT a.id, a.uuid, a.citizen_id, c.name, a.kind, a.start, a.minutes, a.channel,
                    a.place, a.status, a.reason, a.moved_to
             FROM appointments a JOIN citizens c ON c.id = a.citizen_id
             WHERE a.deleted = 0 AND a.series_id IS NULL AND a.start >= ?1 AND a.start < ?2
             ORDER BY a.start, a.id",
        )?;
        let mut rows = st
            .query_map(params![from, to], appointment_row)?
            .map(|r| r.map_err(anyhow::Error::from));
        f(&mut rows)
    }

    /// Streams every row the consultant keeps, list by list in the order of
    /// `Section::ALL`, each list in key order, from one consistent snapshot.
    pub fn stream_everything<T>(
        &self,
        f: impl FnOnce(Stream<'_, Record>) -> Result<T>,
    ) -> Result<T> {
        let _mapped = Mapped::new(&self.conn);
        // A read transaction: all lists come from the same moment, even if another jobdesk
        // writes meanwhile.
        let tx = self.conn.unchecked_transaction()?;
        let sql = |cols: &str, table: &str, order: &str| {
            format!("SELECT {cols} FROM {table} ORDER BY {order}")
        };
        let mut s1 = tx.prepare(&sql(CITIZEN_COLS, "citizens", "id"))?;
        let mut s2 = tx.prepare(&sql(APPOINTMENT_COLS, "appointments", "id"))?;
        let mut s3 = tx.prepare(&sql(CONTACT_COLS, "contacts", "id"))?;
        let mut s4 = tx.prepare(&sql(CLOSURE_COLS, "closures", "id"))?;
        let mut s5 = tx.prepare(&sql(CALL_COLS, "closure_calls", "closure_id, citizen_id"))?;
        let mut s6 = tx.prepare(&sql(ATTEMPT_COLS, "closure_attempts", "contact_id"))?;
        let mut s7 = tx.prepare(&sql(CONVERSION_COLS, "closure_conversions", "id"))?;
        let mut s8 = tx.prepare(&sql(EXEMPTION_COLS, "jobclub_exemptions", "id"))?;
        let mut s9 = tx.prepare(&sql(DRAFT_COLS, "drafts", "kind, target_id"))?;
        let mut s10 = tx.prepare(&sql(SERIES_COLS, "series", "id"))?;
        let mut s11 = tx.prepare(&sql(
            ATTENDANCE_COLS,
            "jobclub_attendance",
            "date, citizen_id",
        ))?;
        let rows = s1
            .query_map([], |r| citizen_record(r).map(Record::Citizen))?
            .chain(s2.query_map([], |r| appointment_record(r).map(Record::Appointment))?)
            .chain(s3.query_map([], |r| contact_record(r).map(Record::Contact))?)
            .chain(s4.query_map([], |r| closure_record(r).map(Record::Closure))?)
            .chain(s5.query_map([], |r| call_record(r).map(Record::ClosureCall))?)
            .chain(s6.query_map([], |r| attempt_record(r).map(Record::ClosureAttempt))?)
            .chain(s7.query_map([], |r| conversion_record(r).map(Record::ClosureConversion))?)
            .chain(s8.query_map([], |r| exemption_record(r).map(Record::JobclubExemption))?)
            .chain(s9.query_map([], |r| draft_record(r).map(Record::Draft))?)
            .chain(s10.query_map([], |r| series_record(r).map(Record::Series))?)
            .chain(s11.query_map([], |r| attendance_record(r).map(Record::JobclubAttendance))?);
        let mut rows = rows.map(|r| r.map_err(anyhow::Error::from));
        let out = f(&mut rows)?;
        drop(rows);
        drop((s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11));
        tx.commit()?;
        Ok(out)
    }

    /// Restores rows into this database, which must hold no citizens, appointments or contacts:
    /// `f` hands them to the sink; everything is written in one IMMEDIATE transaction, or nothing.
    /// `audit` makes the import's audit entry from what was restored; it lands in the same
    /// transaction.
    pub fn restore<T>(
        &mut self,
        f: impl FnOnce(&mut dyn RestoreSink) -> Result<T>,
        audit: impl FnOnce(&T) -> super::NewAudit,
    ) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(super::open::explain_sqlite)?;
        let held: i64 = tx.query_row(
            "SELECT (SELECT count(*) FROM citizens) + (SELECT count(*) FROM appointments)
                  + (SELECT count(*) FROM contacts) + (SELECT count(*) FROM closures)
                  + (SELECT count(*) FROM jobclub_exemptions) + (SELECT count(*) FROM drafts)
                  + (SELECT count(*) FROM series)",
            [],
            |r| r.get(0),
        )?;
        if held > 0 {
            return Err(user(format!(
                "the database {} is not empty: `import json` restores into an empty database only, so nothing is mixed or lost. Give a new file with --db. Nothing was imported",
                self.path.display()
            )));
        }
        // Rows may refer to rows later in the file (an appointment moved to a later one):
        // check the references once, at the end.
        tx.execute_batch("PRAGMA defer_foreign_keys = ON")?;
        let out = f(&mut TxSink { tx: &tx })?;
        super::record_audit_on(&tx, &audit(&out))?;
        tx.commit().map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::ConstraintViolation) => user(format!(
                "the file's rows refer to rows that are not in it ({e}). Nothing was imported"
            )),
            _ => super::open::explain_sqlite(e),
        })?;
        Ok(out)
    }

    /// Records one export (a disclosure of personal data).
    pub fn record_export(&mut self, r: &ExportRecord) -> Result<()> {
        self.write(|tx| record_export_on(tx, r))
    }

    /// Records one export and runs `then` (putting the exported file in place) inside the same
    /// transaction: the record is kept only when `then` succeeds, so the record and the file are
    /// there together or not at all.
    pub fn record_export_then(
        &mut self,
        r: &ExportRecord,
        then: impl FnOnce() -> Result<()>,
    ) -> Result<()> {
        self.write(|tx| {
            record_export_on(tx, r)?;
            then()
        })
    }

    /// Every recorded export, newest first.
    pub fn exports(&self) -> Result<Vec<ExportRecord>> {
        let mut st = self.conn.prepare(
            "SELECT at, kind, range_from, range_to, rows, cpr, path FROM exports ORDER BY at DESC, id DESC",
        )?;
        let rows = st.query_map([], |r| {
            let kind: String = r.get(1)?;
            Ok(ExportRecord {
                at: time(r, 0)?,
                kind: ExportKind::parse(&kind)
                    .ok_or_else(|| bad(1, format!("unknown export kind '{kind}'")))?,
                range: DayRange {
                    from: opt_date(r, 2)?,
                    to: opt_date(r, 3)?,
                },
                rows: r.get::<_, i64>(4)?.max(0) as u64,
                cpr: r.get(5)?,
                path: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// Records one export on a connection or inside a transaction.
pub fn record_export_on(conn: &Connection, r: &ExportRecord) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO exports (at, kind, range_from, range_to, rows, cpr, path)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        to_db(r.at),
        r.kind.key(),
        date_text(r.range.from),
        date_text(r.range.to),
        r.rows as i64,
        r.cpr,
        r.path
    ])
    .map_err(super::open::explain_sqlite)?;
    // Every export is a disclosure: it is in the audit log too, with the same facts.
    super::audit::record_audit_on(
        conn,
        &super::audit::NewAudit::new(r.at, super::audit::Action::Export)
            .range(r.range)
            .rows(r.rows)
            .detail(format!(
                "{}{} -> {}",
                r.kind.key(),
                if r.cpr { " with CPR" } else { "" },
                r.path
            )),
    )?;
    Ok(())
}

/// Writes one row as it is, ids included, inside a transaction (a restore, a hand-over merge).
pub(super) fn put_record(tx: &Connection, r: Record) -> Result<()> {
    TxSink { tx }.put(r)
}

/// Writes restored rows as they are, ids included, inside the restore's transaction.
struct TxSink<'a> {
    tx: &'a Connection,
}

fn refused(what: &str, id: i64, e: impl std::fmt::Display) -> anyhow::Error {
    user(format!(
        "{what} {id} in the file cannot be restored: {e}. Nothing was imported"
    ))
}

fn insert(tx: &Connection, sql: &str, params: &[&dyn rusqlite::ToSql]) -> rusqlite::Result<usize> {
    tx.prepare_cached(sql)?.execute(params)
}

impl TxSink<'_> {
    fn citizen(&mut self, c: CitizenRecord) -> Result<()> {
        if let Some(cpr) = &c.cpr {
            match crate::domain::cpr::parse_cpr(cpr) {
                Ok(n) if &n == cpr => {}
                Ok(_) => {
                    return Err(refused(
                        "citizen",
                        c.id,
                        format!(
                            "CPR '{}' is not written ddmmyy-xxxx",
                            crate::domain::cpr::mask_cpr(cpr)
                        ),
                    ));
                }
                Err(e) => return Err(refused("citizen", c.id, e)),
            }
        }
        insert(
            self.tx,
            &format!(
                "INSERT INTO citizens (name_key, sort_key, {CITIZEN_COLS})
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)"
            ),
            params![
                fold(c.name.trim()),
                danish_sort_key(c.name.trim()),
                c.id,
                c.name,
                c.cpr,
                c.phone,
                c.email,
                c.target_group.key(),
                date_text(c.benefit_start),
                c.mentor,
                c.mentor_goals,
                c.mentor_hours,
                date_text(c.mentor_until),
                c.summary,
                c.exempt,
                c.archived,
                c.last_contact.map(to_db),
                date_text(c.next_due),
                to_db(c.created_at),
                date_text(c.pace_due),
                date_text(c.absence_start),
                c.address,
                date_text(c.requested),
                c.jobclub,
            ],
        )
        .map_err(|e| refused("citizen", c.id, e))?;
        Ok(())
    }
}

impl RestoreSink for TxSink<'_> {
    fn put(&mut self, r: Record) -> Result<()> {
        let tx = self.tx;
        let values = |n: usize| {
            (1..=n)
                .map(|i| format!("?{i}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if let Some((what, id, day)) = r.day_outside_range() {
            return Err(refused(what, id, crate::domain::dates::year_outside(day)));
        }
        {
            use super::Error;
            use crate::domain::limits::Text;
            match &r {
                Record::Citizen(c) => Error::check_length(Text::Name, c.name.trim())
                    .and_then(|()| Error::check_length(Text::Summary, &c.summary))
                    .map_err(|e| refused("citizen", c.id, e))?,
                Record::Contact(k) => Error::check_length(Text::Note, &k.note)
                    .map_err(|e| refused("contact", k.id, e))?,
                _ => {}
            }
        }
        match r {
            Record::Citizen(c) => self.citizen(c),
            Record::Appointment(a) => insert(
                tx,
                &format!(
                    "INSERT INTO appointments ({APPOINTMENT_COLS}) VALUES ({})",
                    values(15)
                ),
                params![
                    a.id,
                    a.uuid,
                    a.citizen_id,
                    a.kind.key(),
                    to_db(a.start),
                    a.minutes,
                    a.channel.key(),
                    a.place,
                    a.status.key(),
                    a.reason,
                    a.moved_to,
                    a.deleted,
                    to_db(a.created_at),
                    a.series_id,
                    a.occurrence.map(to_db),
                ],
            )
            .map(drop)
            .map_err(|e| refused("appointment", a.id, e)),
            Record::Series(x) => {
                if x.until.is_some() == x.count.is_some() {
                    return Err(refused(
                        "series",
                        x.id,
                        "it needs exactly one of until and count",
                    ));
                }
                insert(
                    tx,
                    &format!("INSERT INTO series ({SERIES_COLS}) VALUES ({})", values(15)),
                    params![
                        x.id,
                        x.uuid,
                        x.citizen_id,
                        x.kind.key(),
                        to_db(x.start),
                        x.minutes,
                        x.channel.key(),
                        x.place,
                        super::series_frequency_key(x.frequency),
                        date_text(x.until),
                        x.count,
                        super::series_on_day_off_key(x.on_day_off),
                        super::series::skipped_text(&x.skipped),
                        x.deleted,
                        to_db(x.created_at),
                    ],
                )
                .map(drop)
                .map_err(|e| refused("series", x.id, e))
            }
            Record::Contact(k) => insert(
                tx,
                &format!(
                    "INSERT INTO contacts ({CONTACT_COLS}) VALUES ({})",
                    values(15)
                ),
                params![
                    k.id,
                    k.uuid,
                    k.citizen_id,
                    k.appointment_id,
                    to_db(k.at),
                    k.channel.key(),
                    k.outcome.key(),
                    k.minutes,
                    k.note,
                    k.counts,
                    k.transferred_at.map(to_db),
                    k.feedback_score,
                    k.feedback_wish,
                    k.deleted,
                    to_db(k.created_at),
                ],
            )
            .map(drop)
            .map_err(|e| refused("contact", k.id, e)),
            Record::Closure(c) => insert(
                tx,
                &format!(
                    "INSERT INTO closures ({CLOSURE_COLS}) VALUES ({})",
                    values(7)
                ),
                params![
                    c.id,
                    c.name,
                    date_text(Some(c.from_date)),
                    date_text(Some(c.to_date)),
                    c.counts_held,
                    to_db(c.created_at),
                    c.ended_at.map(to_db),
                ],
            )
            .map(drop)
            .map_err(|e| refused("closure", c.id, e)),
            Record::ClosureCall(c) => insert(
                tx,
                &format!(
                    "INSERT INTO closure_calls ({CALL_COLS}) VALUES ({})",
                    values(14)
                ),
                params![
                    c.closure_id,
                    c.citizen_id,
                    c.position,
                    c.target_group.key(),
                    c.mentor,
                    c.attempts,
                    c.last_result,
                    c.last_at.map(to_db),
                    c.reached,
                    c.accepted,
                    date_text(c.next_try),
                    c.newcomer,
                    c.received,
                    c.matched,
                ],
            )
            .map(drop)
            .map_err(|e| refused("the call-list entry of citizen", c.citizen_id, e)),
            Record::ClosureAttempt(a) => insert(
                tx,
                &format!(
                    "INSERT INTO closure_attempts ({ATTEMPT_COLS}) VALUES ({})",
                    values(7)
                ),
                params![
                    a.contact_id,
                    a.closure_id,
                    a.citizen_id,
                    a.result,
                    a.accepted,
                    a.received,
                    a.matched
                ],
            )
            .map(drop)
            .map_err(|e| refused("the closure call of contact", a.contact_id, e)),
            Record::ClosureConversion(c) => insert(
                tx,
                &format!(
                    "INSERT INTO closure_conversions ({CONVERSION_COLS}) VALUES ({})",
                    values(6)
                ),
                params![
                    c.id,
                    c.closure_id,
                    c.appointment_id,
                    c.from_channel.key(),
                    c.to_channel.key(),
                    to_db(c.at),
                ],
            )
            .map(drop)
            .map_err(|e| refused("closure conversion", c.id, e)),
            Record::JobclubExemption(x) => insert(
                tx,
                &format!(
                    "INSERT INTO jobclub_exemptions ({EXEMPTION_COLS}) VALUES ({})",
                    values(9)
                ),
                params![
                    x.id,
                    x.citizen_id,
                    date_text(Some(x.from_date)),
                    date_text(Some(x.to_date)),
                    x.reason,
                    to_db(x.created_at),
                    x.from_time,
                    x.to_time,
                    x.weekdays,
                ],
            )
            .map(drop)
            .map_err(|e| refused("job-club exemption", x.id, e)),
            Record::JobclubAttendance(a) => insert(
                tx,
                &format!(
                    "INSERT INTO jobclub_attendance ({ATTENDANCE_COLS}) VALUES ({})",
                    values(5)
                ),
                params![
                    date_text(Some(a.date)),
                    a.citizen_id,
                    a.mark.key(),
                    a.contact_id,
                    to_db(a.marked_at),
                ],
            )
            .map(drop)
            .map_err(|e| refused("the job-club attendance of citizen", a.citizen_id, e)),
            Record::Draft(d) => insert(
                tx,
                &format!("INSERT INTO drafts ({DRAFT_COLS}) VALUES ({})", values(5)),
                params![
                    d.kind,
                    d.target_id,
                    d.citizen_id,
                    d.text,
                    to_db(d.updated_at)
                ],
            )
            .map(drop)
            .map_err(|e| refused("the draft for", d.target_id, e)),
        }
    }
}
