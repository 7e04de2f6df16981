//! The store: every SQL statement of jobdesk lives under this module. One SQLite file, opened with
//! settings that keep data (WAL, synchronous=FULL, foreign keys, a busy timeout), every write in
//! an IMMEDIATE transaction, migrations by `PRAGMA user_version` from `schema.sql`.

mod agreements;
mod appointments;
mod audit;
mod bulk;
mod changes;
mod citizen_edit;
mod citizens;
mod closures;
mod contacts;
mod corrections;
pub mod crypt;
mod drafts;
mod error;
mod export;
mod handover;
mod jobclub;
mod mentor;
mod open;
mod options;
mod pending;
mod safety;
pub(crate) mod series;

/// A job-club exemption as the store keeps it (the domain's type).
pub use crate::domain::jobclub::Exemption as JobclubExemption;
pub use agreements::MentorAgreement;
pub use appointments::{AppointmentEdit, AppointmentFilter};
pub use audit::{Action, AuditEntry, AuditFilter, NewAudit, os_user, record_audit_on};
pub use bulk::Loader;
pub use changes::{Change, Marked};
pub use citizen_edit::{CitizenEdit, CitizenState};
pub use citizens::{CitizenFilter, CitizenOrder};
pub use closures::{AttemptRecorded, StartedClosure};
pub(crate) use contacts::insert_contact as insert_contact_raw;
pub use contacts::{ContactFilter, LogEntry};
pub use corrections::ContactEdit;
pub use crypt::Passphrase;
pub use drafts::{Draft, DraftKind};
pub use error::{Error, MinutesOf, Row, Special};
pub use export::record_export_on;
pub use handover::{Conflict, HANDOVER_FORMAT, Handover, HandoverCitizen, Merged, Selection};
pub use jobclub::{AttendanceMarked, LogAbsence};
pub use mentor::{
    EXPIRY_DAYS, MentorMonth, agreed_weeks, expires_soon, hours_to_minutes, month_end, month_start,
    month_weeks,
};
pub use open::{MIGRATIONS, Migration, default_db_path, latest_version, migrate};
pub use options::{
    AskReason, Asker, Clock, Create, DEFAULT_RETENTION_DAYS, KeySource, OpenOptions, Warning,
};
pub use pending::TransferScope;
pub use safety::{BackupDone, Converted, Erased, Problem, PurgeCitizen, PurgePlan};
pub use series::{
    DEFAULT_SERIES_WEEKS, FollowingEdit, NewSeries, PlannedSeries, Series, SeriesChanged,
    SeriesEnded, SeriesRows, SeriesState, frequency_from_key as series_frequency_from_key,
    frequency_key as series_frequency_key, on_day_off_from_key as series_on_day_off_from_key,
    on_day_off_key as series_on_day_off_key,
};

use std::path::{Path, PathBuf};

use anyhow::Context;
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior};

use crate::domain::cadence::{Rules, Suspension};
use crate::error::Result;

pub struct Store {
    conn: Connection,
    path: PathBuf,
    rules: Rules,
    suspensions: Vec<Suspension>,
    /// The raw key of an encrypted database (derived once per run), `None` for a plain one.
    key: Option<crypt::Keyspec>,
    /// How long transferred contacts are kept after a citizen's last contact.
    retention_days: u32,
    /// What stamps `created_at`.
    clock: Clock,
    /// What opening found worth telling the user, until the caller takes them.
    warnings: Vec<Warning>,
}

impl Store {
    /// Opens (and if allowed creates) the database at `path`, checks it, and migrates it; the
    /// key of an encrypted database, the clock, the cadence rules and the retention period come
    /// from `opts`. What is worth telling the user waits in [`Store::take_warnings`].
    pub fn open(path: &Path, opts: &OpenOptions) -> Result<Store> {
        let opened = open::open_connection(path, opts.create, open::Unlock::Source(&opts.key))?;
        let mut store = Store {
            conn: opened.conn,
            path: path.to_path_buf(),
            rules: Rules::default(),
            suspensions: Vec::new(),
            key: opened.key,
            retention_days: opts.retention_days,
            clock: opts.clock.clone(),
            warnings: opened.warnings,
        };
        migrate(&mut store.conn, &MIGRATIONS).with_context(|| Error::InDatabase {
            path: path.to_path_buf(),
        })?;
        store.load_suspensions()?;
        if let Some(rules) = &opts.rules {
            store.use_rules(rules.clone())?;
        }
        Ok(store)
    }

    /// The warnings of the opening (a file others may read, a passphrase not used), once.
    pub fn take_warnings(&mut self) -> Vec<Warning> {
        std::mem::take(&mut self.warnings)
    }

    /// Whether the database file is encrypted.
    pub fn encrypted(&self) -> bool {
        self.key.is_some()
    }

    /// How long transferred contacts are kept after a citizen's last contact (the config's
    /// `retention_days`).
    pub fn set_retention_days(&mut self, days: u32) {
        self.retention_days = days;
    }

    pub fn retention_days(&self) -> u32 {
        self.retention_days
    }

    /// An in-memory store, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Store> {
        let mut conn = Connection::open_in_memory()?;
        conn.execute_batch("PRAGMA foreign_keys=ON;")?;
        open::register_functions(&conn)?;
        migrate(&mut conn, &MIGRATIONS)?;
        let mut store = Store {
            conn,
            path: PathBuf::from(":memory:"),
            rules: Rules::default(),
            suspensions: Vec::new(),
            key: None,
            retention_days: DEFAULT_RETENTION_DAYS,
            clock: Clock::system(),
            warnings: Vec::new(),
        };
        store.load_suspensions()?;
        Ok(store)
    }

    /// Lets SQLite keep up to `kib` KiB of pages in memory (its default is 2 MiB). The desk
    /// asks for more: the citizens table and the index pages of the days on screen then stay
    /// in memory, and a key press does not read the same pages from the operating system again
    /// and again. The cache fills only as pages are read; one-shot commands keep the default.
    pub fn set_page_cache_kib(&self, kib: u32) -> Result<()> {
        self.conn
            .pragma_update(None, "cache_size", -i64::from(kib))?;
        Ok(())
    }

    /// SQLite's `data_version`: it moves when another connection (another process) has committed
    /// a change to the database since this connection last looked.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "data_version", |r| r.get(0))?)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    /// Uses these cadence rules; recomputes the due dates only when they differ from the rules
    /// the stored dates were computed with (a user who edits the config file pays once).
    pub fn use_rules(&mut self, rules: Rules) -> Result<()> {
        let fingerprint = serde_json::to_string(&rules)?;
        let stored: Option<String> = self
            .conn
            .query_row("SELECT value FROM settings WHERE key = 'rules'", [], |r| {
                r.get(0)
            })
            .optional()?;
        self.rules = rules;
        // No fingerprint stored (a new database, or one whose due dates a migration asks to
        // recompute): computed once now.
        if stored.as_deref() == Some(fingerprint.as_str()) {
            return Ok(());
        }
        self.refresh_all_due()?;
        self.write(|tx| {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES ('rules', ?1) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [&fingerprint],
            )?;
            Ok(())
        })
    }

    pub fn suspensions(&self) -> &[Suspension] {
        &self.suspensions
    }

    /// The raw connection, for the crate's tests.
    #[cfg(test)]
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` inside one IMMEDIATE transaction: all of it is written, or none of it.
    pub(crate) fn write<T>(
        &mut self,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(open::explain_sqlite)?;
        let out = f(&tx)?;
        tx.commit().map_err(open::explain_sqlite)?;
        Ok(out)
    }

    /// Counts of rows, for status lines and tests.
    pub fn count(&self, table: Table) -> Result<i64> {
        let sql = match table {
            Table::Citizens => "SELECT count(*) FROM citizens",
            Table::Appointments => "SELECT count(*) FROM appointments WHERE deleted = 0",
            Table::Contacts => "SELECT count(*) FROM contacts WHERE deleted = 0",
        };
        Ok(self.conn.query_row(sql, [], |r| r.get(0))?)
    }

    /// Recomputes every citizen's `next_due` and `last_contact` in one transaction.
    pub fn refresh_all_due(&mut self) -> Result<()> {
        let rules = self.rules.clone();
        let sus = self.suspensions.clone();
        self.write(|tx| refresh_all_on(tx, &rules, &sus))
    }
}

#[derive(Debug, Clone, Copy)]
pub enum Table {
    Citizens,
    Appointments,
    Contacts,
}

/// Recomputes every citizen's derived columns on any connection or transaction.
pub(crate) fn refresh_all_on(
    conn: &Connection,
    rules: &Rules,
    suspensions: &[Suspension],
) -> Result<()> {
    let ids: Vec<i64> = {
        let mut st = conn.prepare_cached("SELECT id FROM citizens")?;
        st.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?
    };
    let calendar = rules.calendar();
    for id in ids {
        refresh_with(conn, rules, &calendar, suspensions, id)?;
    }
    Ok(())
}

/// Recomputes one citizen's derived columns on any connection or transaction: `next_due` (the
/// legal deadline), `pace_due` (jobdesk's pace) and `last_contact`.
pub(crate) fn refresh_citizen_on(
    conn: &Connection,
    rules: &Rules,
    suspensions: &[Suspension],
    citizen_id: i64,
) -> Result<()> {
    refresh_with(conn, rules, &rules.calendar(), suspensions, citizen_id)
}

fn refresh_with(
    conn: &Connection,
    rules: &Rules,
    calendar: &crate::domain::workdays::Calendar,
    suspensions: &[Suspension],
    citizen_id: i64,
) -> Result<()> {
    let Some(due) = due_of(conn, rules, calendar, suspensions, citizen_id)? else {
        return Ok(());
    };
    let iso = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
    conn.prepare_cached(
        "UPDATE citizens SET next_due = ?2, pace_due = ?3,
            last_contact = (SELECT max(at) FROM contacts WHERE citizen_id = ?1 AND deleted = 0)
         WHERE id = ?1",
    )?
    .execute(rusqlite::params![
        citizen_id,
        due.map(|d| iso(d.legal)),
        due.map(|d| iso(d.pace)),
    ])?;
    Ok(())
}

/// A citizen's deadlines with these suspension windows (`None`: no such citizen; `Some(None)`:
/// nothing is due). The closure's catch-up list compares them with and without a closure.
pub(crate) fn due_of(
    conn: &Connection,
    rules: &Rules,
    calendar: &crate::domain::workdays::Calendar,
    suspensions: &[Suspension],
    citizen_id: i64,
) -> Result<Option<Option<crate::domain::cadence::Due>>> {
    type DueRow = (String, Option<String>, bool, Option<String>);
    let row: Option<DueRow> = conn
        .query_row(
            "SELECT target_group, benefit_start, exempt, absence_start FROM citizens WHERE id = ?1",
            [citizen_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let Some((group, start, exempt, absence)) = row else {
        return Ok(None);
    };
    let group = <crate::domain::TargetGroup as crate::domain::Word>::parse(&group)
        .map_err(anyhow::Error::msg)?;
    let date = |s: Option<String>| s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok());
    let start = date(start);
    let absence = date(absence);
    let count_from = crate::domain::cadence::counting_start(group, start, absence);
    let held: Vec<NaiveDate> = {
        let mut st = conn.prepare_cached(
            "SELECT at FROM contacts WHERE citizen_id = ?1 AND counts = 1 AND deleted = 0 AND at >= ?2",
        )?;
        let from = count_from
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default();
        st.query_map(rusqlite::params![citizen_id, from], |r| {
            r.get::<_, String>(0)
        })?
        .filter_map(|s| s.ok().and_then(|s| crate::domain::dates::from_db(&s)))
        .map(|t: NaiveDateTime| t.date())
        .collect()
    };
    let input = crate::domain::cadence::DueInput {
        group,
        benefit_start: start,
        absence_start: absence,
        exempt,
        held: &held,
        suspensions,
    };
    Ok(Some(rules.due(&input, calendar)))
}

/// Refuses an id that names no citizen.
pub(crate) fn no_citizen(id: i64) -> anyhow::Error {
    Error::NoCitizen(id).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(c: &rusqlite::Connection) -> u32 {
        c.query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap_or(0)
    }

    #[test]
    fn an_empty_file_is_migrated_to_the_latest_version() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let db = dir.path().join("empty.db");
        std::fs::write(&db, b"").unwrap_or_default();
        let store = Store::open(&db, &crate::store::OpenOptions::new(Create::No))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(version(store.conn()), latest_version());
        let mode: String = store
            .conn()
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap_or_default();
        assert_eq!(mode, "wal");
        let fk: i64 = store
            .conn()
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .unwrap_or(0);
        assert_eq!(fk, 1);
        let sync: i64 = store
            .conn()
            .query_row("PRAGMA synchronous", [], |r| r.get(0))
            .unwrap_or(0);
        assert_eq!(sync, 2, "synchronous=FULL");
    }

    #[test]
    fn a_day_of_the_log_is_an_index_lookup() {
        let store = Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
        let plan = |sql: &str| -> String {
            let mut st = store
                .conn()
                .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
                .unwrap_or_else(|e| panic!("{e}"));
            let rows: Vec<String> = st
                .query_map([], |r| r.get::<_, String>(3))
                .map(|it| it.filter_map(Result::ok).collect())
                .unwrap_or_default();
            rows.join("; ")
        };
        let p = plan("SELECT * FROM contacts WHERE at >= '2026-11-23' AND at < '2026-11-24'");
        assert!(p.contains("USING INDEX contacts_at"), "{p}");
        let p =
            plan("SELECT * FROM appointments WHERE start >= '2026-11-23' AND start < '2026-11-24'");
        assert!(p.contains("USING INDEX appointments_start"), "{p}");
        let p = plan("SELECT * FROM contacts WHERE citizen_id = 5 ORDER BY at");
        assert!(p.contains("USING INDEX contacts_citizen"), "{p}");
    }
}
