//! Bulk loading: filling a fresh database in one go (the generator).
//!
//! Inserting a million rows into tables whose secondary indexes are kept up to date row by row
//! touches index pages all over the file; building each index once at the end sorts its keys and
//! writes it in order, several times faster. Everything happens inside one transaction, so the
//! indexes are dropped and built again all or nothing. While loading, the connection also runs
//! with a rollback journal (a fresh file: almost nothing to journal, and the WAL would write
//! every page twice), a large page cache (the index sorter does not spill to temporary files)
//! and without foreign-key checks (every reference is an id SQLite has just handed out); all
//! three are set back afterwards, whatever happened.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, Statement, params};

use super::{Error, Store};
use crate::domain::dates::to_db;
use crate::domain::text::{danish_sort_key, fold};
use crate::domain::{NewAppointment, NewCitizen, NewContact, TargetGroup, Word};
use crate::error::Result;

/// The page cache while loading, in KiB.
const BULK_CACHE_KIB: i64 = 32 * 1024;

/// The secondary indexes of the bulk-loaded tables, as `(name, CREATE INDEX …)`. The implicit
/// indexes of UNIQUE and PRIMARY KEY constraints stay: they guard the data while it is loaded.
struct DroppedIndexes(Vec<(String, String)>);

/// Drops the secondary indexes of `appointments` and `contacts` (read from the schema, so an
/// index added by a later migration is handled too).
fn drop_indexes(tx: &Connection) -> Result<DroppedIndexes> {
    let list: Vec<(String, String)> = {
        let mut st = tx.prepare(
            "SELECT name, sql FROM sqlite_master
             WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('appointments', 'contacts')
             ORDER BY name",
        )?;
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?
    };
    for (name, _) in &list {
        tx.execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))?;
    }
    Ok(DroppedIndexes(list))
}

/// Builds the dropped indexes again, each in one sorted pass.
fn restore_indexes(tx: &Connection, dropped: DroppedIndexes) -> Result<()> {
    for (_, sql) in dropped.0 {
        tx.execute_batch(&sql)?;
    }
    Ok(())
}

fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Prepared INSERTs for a bulk load. Unlike `add_appointment`/`add_contact` there is no ON
/// CONFLICT clause (each row is new: the unique uuid index still refuses a duplicate), no
/// recomputing of due dates per row (the loader sets them) and no statement-cache lookup per row.
pub struct Loader<'t> {
    citizen: Statement<'t>,
    derived: Statement<'t>,
    mentor: Statement<'t>,
    appointment: Statement<'t>,
    contact: Statement<'t>,
}

impl<'t> Loader<'t> {
    fn new(tx: &'t Connection) -> Result<Self> {
        Ok(Loader {
            citizen: tx.prepare(
                "INSERT INTO citizens (name, name_key, sort_key, cpr, phone, email, target_group,
                                       benefit_start, mentor, summary, archived, created_at)
                 VALUES (?1, ?2, ?12, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?,
            derived: tx.prepare(
                "UPDATE citizens SET next_due = ?2, last_contact = ?3, pace_due = ?4 WHERE id = ?1",
            )?,
            mentor: tx.prepare(
                "UPDATE citizens SET mentor_goals = ?2, mentor_hours = ?3, mentor_until = ?4 WHERE id = ?1",
            )?,
            appointment: tx.prepare(
                "INSERT INTO appointments (uuid, citizen_id, kind, start, minutes, channel, place,
                                           status, reason, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?,
            contact: tx.prepare(
                "INSERT INTO contacts (uuid, citizen_id, appointment_id, at, channel, outcome,
                                       minutes, note, counts, created_at, transferred_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?,
        })
    }

    /// Writes one citizen as given (the name is not trimmed, the due date not computed: see
    /// [`Loader::set_derived`]); returns its id.
    pub fn citizen(&mut self, c: &NewCitizen, created: NaiveDateTime) -> Result<i64> {
        Ok(self.citizen.insert(params![
            c.name,
            fold(&c.name),
            c.cpr,
            c.phone,
            c.email,
            c.target_group.unwrap_or(TargetGroup::Other).key(),
            c.benefit_start.map(ymd),
            c.mentor,
            c.summary,
            c.archived,
            to_db(created),
            danish_sort_key(&c.name),
        ])?)
    }

    /// Sets a citizen's derived columns: the next legal deadline and the latest contact.
    pub fn set_derived(
        &mut self,
        citizen_id: i64,
        next_due: Option<NaiveDate>,
        last_contact: Option<NaiveDateTime>,
        pace_due: Option<NaiveDate>,
    ) -> Result<()> {
        self.derived.execute(params![
            citizen_id,
            next_due.map(ymd),
            last_contact.map(to_db),
            pace_due.map(ymd)
        ])?;
        Ok(())
    }

    /// Sets a citizen's mentor agreement (goals, hours a week, last day).
    pub fn set_mentor_agreement(
        &mut self,
        citizen_id: i64,
        a: &super::MentorAgreement,
    ) -> Result<()> {
        self.mentor
            .execute(params![citizen_id, a.goals, a.hours, a.until.map(ymd)])?;
        Ok(())
    }

    /// Writes one appointment; returns its id.
    pub fn appointment(&mut self, a: &NewAppointment, created: NaiveDateTime) -> Result<i64> {
        Ok(self.appointment.insert(params![
            a.uuid,
            a.citizen_id,
            a.kind.key(),
            to_db(a.start),
            a.minutes,
            a.channel.key(),
            a.place,
            a.status.key(),
            a.reason,
            to_db(created)
        ])?)
    }

    /// Writes one contact, with the time it was transferred to the case system if it was;
    /// `counts` is written as given.
    pub fn contact(
        &mut self,
        c: &NewContact,
        created: NaiveDateTime,
        transferred_at: Option<NaiveDateTime>,
    ) -> Result<i64> {
        Ok(self.contact.insert(params![
            c.uuid,
            c.citizen_id,
            c.appointment_id,
            to_db(c.at),
            c.channel.key(),
            c.outcome.key(),
            c.minutes,
            c.note,
            c.counts,
            to_db(created),
            transferred_at.map(to_db)
        ])?)
    }
}

impl Store {
    /// Fills an empty database in one transaction through a [`Loader`]: all of it is written,
    /// or none of it. Refuses a database that holds citizens already ([`Error::NotEmpty`]). The
    /// caller writes rows in the order they should lie in the file (time order keeps a day's
    /// rows on a few pages).
    pub fn bulk_load<T>(&mut self, f: impl FnOnce(&mut Loader<'_>) -> Result<T>) -> Result<T> {
        let citizens = self.count(super::Table::Citizens)?;
        if citizens > 0 {
            return Err(Error::NotEmpty {
                path: self.path.clone(),
                citizens,
            }
            .into());
        }
        // A connection that shares the file with another keeps it in WAL (the switch fails),
        // and that is fine.
        let rollback = self.path.as_os_str() != ":memory:"
            && self
                .conn
                .query_row("PRAGMA journal_mode=DELETE", [], |r| r.get::<_, String>(0))
                .is_ok_and(|m| m.eq_ignore_ascii_case("delete"));
        let cache: i64 = self.conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
        self.conn
            .pragma_update(None, "cache_size", -BULK_CACHE_KIB)?;
        // A test runs `PRAGMA foreign_key_check` on a generated caseload.
        self.conn.pragma_update(None, "foreign_keys", false)?;
        let result = self.write(|tx| {
            let dropped = drop_indexes(tx)?;
            let mut loader = Loader::new(tx)?;
            let out = f(&mut loader)?;
            drop(loader);
            restore_indexes(tx, dropped)?;
            Ok(out)
        });
        self.conn.pragma_update(None, "foreign_keys", true)?;
        self.conn.pragma_update(None, "cache_size", cache)?;
        if rollback {
            let back = self
                .conn
                .query_row("PRAGMA journal_mode=WAL", [], |r| r.get::<_, String>(0));
            return result.and_then(|s| back.map(|_| s).map_err(Into::into));
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Channel, Kind, Outcome, Status};

    fn one(store: &Store, sql: &str) -> i64 {
        store.conn().query_row(sql, [], |r| r.get(0)).unwrap()
    }

    #[test]
    fn a_bulk_load_brings_the_indexes_and_the_settings_back() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(
            &dir.path().join("b.db"),
            &super::super::OpenOptions::new(super::super::Create::Yes),
        )
        .unwrap();
        let at = NaiveDate::from_ymd_opt(2026, 11, 23)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .unwrap();
        store
            .bulk_load(|load| {
                let id = load.citizen(
                    &NewCitizen {
                        name: "Anna Bulk".into(),
                        ..Default::default()
                    },
                    at,
                )?;
                let a = load.appointment(
                    &NewAppointment {
                        uuid: "u1".into(),
                        citizen_id: id,
                        kind: Kind::Conversation,
                        start: at,
                        minutes: 30,
                        channel: Channel::Phone,
                        place: String::new(),
                        status: Status::Held,
                        reason: String::new(),
                    },
                    at,
                )?;
                load.contact(
                    &NewContact {
                        uuid: "u2".into(),
                        citizen_id: id,
                        appointment_id: Some(a),
                        at,
                        channel: Channel::Phone,
                        outcome: Outcome::Held,
                        minutes: 30,
                        note: String::new(),
                        counts: true,
                    },
                    at,
                    None,
                )?;
                load.set_derived(id, Some(at.date()), Some(at), None)
            })
            .unwrap();
        assert_eq!(
            one(&store, "SELECT count(*) FROM pragma_foreign_key_check"),
            0
        );
        for name in [
            "contacts_at",
            "contacts_citizen",
            "appointments_start",
            "appointments_live_day",
        ] {
            assert_eq!(
                one(
                    &store,
                    &format!(
                        "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = '{name}'"
                    )
                ),
                1,
                "{name}"
            );
        }
        assert_eq!(one(&store, "PRAGMA foreign_keys"), 1);
        assert_eq!(one(&store, "PRAGMA cache_size"), -2000);
        let mode: String = store
            .conn()
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
    }
}
