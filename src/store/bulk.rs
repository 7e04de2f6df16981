//! Bulk loading: filling a fresh database in one go (the generator).
//!
//! Inserting a million rows into tables whose secondary indexes are kept up to date row by row
//! touches index pages all over the file; building each index once at the end sorts its keys and
//! writes it in order, several times faster. Everything happens inside the caller's transaction,
//! so the indexes are dropped and built again all or nothing.

use rusqlite::params;

use crate::domain::dates::to_db;
use crate::domain::{NewAppointment, NewContact, Word};
use crate::error::Result;

/// The secondary indexes of the bulk-loaded tables, as `(name, CREATE INDEX …)`. The implicit
/// indexes of UNIQUE and PRIMARY KEY constraints stay: they guard the data while it is loaded.
pub(crate) struct DroppedIndexes(Vec<(String, String)>);

/// Drops the secondary indexes of `appointments` and `contacts` (read from the schema, so an
/// index added by a later migration is handled too).
pub(crate) fn drop_indexes(tx: &rusqlite::Connection) -> Result<DroppedIndexes> {
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
pub(crate) fn restore_indexes(tx: &rusqlite::Connection, dropped: DroppedIndexes) -> Result<()> {
    for (_, sql) in dropped.0 {
        tx.execute_batch(&sql)?;
    }
    Ok(())
}

/// Prepared INSERTs for a bulk load. Unlike `insert_appointment`/`insert_contact` there is no
/// ON CONFLICT clause (each row is new: the unique uuid index still refuses a duplicate) and no
/// statement-cache lookup per row.
pub(crate) struct Inserter<'c> {
    appointment: rusqlite::Statement<'c>,
    contact: rusqlite::Statement<'c>,
}

impl<'c> Inserter<'c> {
    pub(crate) fn new(tx: &'c rusqlite::Connection) -> Result<Self> {
        Ok(Inserter {
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

    /// Writes one appointment; returns its id.
    pub(crate) fn appointment(&mut self, a: &NewAppointment, created: &str) -> Result<i64> {
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
            created
        ])?)
    }

    /// Writes one contact, with the time it was transferred to the case system if it was.
    pub(crate) fn contact(
        &mut self,
        c: &NewContact,
        created: &str,
        transferred_at: Option<&str>,
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
            created,
            transferred_at
        ])?)
    }
}
