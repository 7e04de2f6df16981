//! Contacts: the log.

use chrono::{Local, NaiveDateTime};
use rusqlite::{Row, params};

use super::Store;
use crate::domain::dates::{from_db, to_db};
use crate::domain::text::fold;
use crate::domain::{Channel, Contact, NewContact, Outcome, Word};
use crate::error::{Result, user};

/// Which contacts a list shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ContactFilter {
    pub from: Option<NaiveDateTime>,
    pub to: Option<NaiveDateTime>,
    pub citizen_id: Option<i64>,
    /// Folded text the citizen's name or the note must contain.
    pub text: String,
}

const COLS: &str = "k.id, k.uuid, k.citizen_id, c.name, k.appointment_id, k.at, k.channel, \
                    k.outcome, k.minutes, k.note, k.counts, k.transferred_at";

pub(crate) fn contact_from_row(r: &Row<'_>) -> rusqlite::Result<Contact> {
    let bad = |i: usize, what: String| {
        rusqlite::Error::FromSqlConversionFailure(
            i,
            rusqlite::types::Type::Text,
            Box::new(crate::error::UserError(what)),
        )
    };
    let at: String = r.get(5)?;
    let channel: String = r.get(6)?;
    let outcome: String = r.get(7)?;
    Ok(Contact {
        id: r.get(0)?,
        uuid: r.get(1)?,
        citizen_id: r.get(2)?,
        citizen: r.get(3)?,
        appointment_id: r.get(4)?,
        at: from_db(&at).ok_or_else(|| bad(5, format!("bad time '{at}'")))?,
        channel: Channel::parse(&channel).map_err(|e| bad(6, e))?,
        outcome: Outcome::parse(&outcome).map_err(|e| bad(7, e))?,
        minutes: r.get(8)?,
        note: r.get(9)?,
        counts: r.get(10)?,
        transferred_at: r.get::<_, Option<String>>(11)?.and_then(|s| from_db(&s)),
    })
}

impl Store {
    /// Appends one contact to the log and returns its id. Writing the same uuid again (a retry
    /// after a crash) returns the existing entry's id instead of a duplicate.
    pub fn add_contact(&mut self, c: &NewContact) -> Result<i64> {
        self.require_citizen(c.citizen_id)?;
        if c.minutes < 0 || c.minutes > 24 * 60 {
            return Err(user(format!(
                "{} minutes is not a length for a contact: give 0 to 1440",
                c.minutes
            )));
        }
        let rules = self.rules.clone();
        let sus = self.suspensions.clone();
        let created = to_db(Local::now().naive_local());
        self.write(|tx| {
            // A conversation held inside a closure does not count toward the minimum, unless
            // that closure says held conversations count.
            let counts = c.counts && !super::closures::held_does_not_count(tx, c.at)?;
            let id = insert_contact(
                tx,
                &NewContact {
                    counts,
                    ..c.clone()
                },
                &created,
            )?;
            super::refresh_citizen_on(tx, &rules, &sus, c.citizen_id)?;
            Ok(id)
        })
    }

    pub fn contact(&self, id: i64) -> Result<Contact> {
        let sql = format!(
            "SELECT {COLS} FROM contacts k JOIN citizens c ON c.id = k.citizen_id WHERE k.id = ?1 AND k.deleted = 0"
        );
        self.conn
            .query_row(&sql, [id], contact_from_row)
            .map_err(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => user(format!("no contact with id {id}")),
                e => e.into(),
            })
    }

    /// Contacts, newest first, a window of `limit` rows from `offset`.
    pub fn contacts(&self, f: &ContactFilter, offset: usize, limit: usize) -> Result<Vec<Contact>> {
        let sql = format!(
            "SELECT {COLS} FROM contacts k JOIN citizens c ON c.id = k.citizen_id
             WHERE k.deleted = 0
               AND (?1 IS NULL OR k.at >= ?1) AND (?2 IS NULL OR k.at < ?2)
               AND (?3 IS NULL OR k.citizen_id = ?3)
               AND (?4 = '' OR instr(c.name_key, ?4) > 0 OR instr(fold(k.note), ?4) > 0)
             ORDER BY k.at DESC, k.id DESC LIMIT ?5 OFFSET ?6"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(
            params![
                f.from.map(to_db),
                f.to.map(to_db),
                f.citizen_id,
                fold(&f.text),
                limit as i64,
                offset as i64
            ],
            contact_from_row,
        )?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn count_contacts(&self, f: &ContactFilter) -> Result<usize> {
        let n: i64 = self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM contacts k JOIN citizens c ON c.id = k.citizen_id
                 WHERE k.deleted = 0
                   AND (?1 IS NULL OR k.at >= ?1) AND (?2 IS NULL OR k.at < ?2)
                   AND (?3 IS NULL OR k.citizen_id = ?3)
                   AND (?4 = '' OR instr(c.name_key, ?4) > 0 OR instr(fold(k.note), ?4) > 0)",
            )?
            .query_row(
                params![
                    f.from.map(to_db),
                    f.to.map(to_db),
                    f.citizen_id,
                    fold(&f.text)
                ],
                |r| r.get(0),
            )?;
        Ok(n as usize)
    }
}

pub(crate) fn insert_contact(
    tx: &rusqlite::Connection,
    c: &NewContact,
    created: &str,
) -> Result<i64> {
    insert_contact_transferred(tx, c, created, None)
}

/// Like `insert_contact`, with the time it was transferred to the case system (the generator
/// writes old entries as already transferred, in the same statement).
pub(crate) fn insert_contact_transferred(
    tx: &rusqlite::Connection,
    c: &NewContact,
    created: &str,
    transferred_at: Option<&str>,
) -> Result<i64> {
    tx.prepare_cached(
        "INSERT INTO contacts (uuid, citizen_id, appointment_id, at, channel, outcome, minutes,
                               note, counts, created_at, transferred_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
         ON CONFLICT (uuid) DO NOTHING",
    )?
    .execute(params![
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
    ])
    .map_err(super::open::explain_sqlite)?;
    if tx.changes() == 0 {
        // The same entry was written before (a retry): return it, not a duplicate.
        return Ok(tx
            .prepare_cached("SELECT id FROM contacts WHERE uuid = ?1")?
            .query_row([&c.uuid], |r| r.get(0))?);
    }
    Ok(tx.last_insert_rowid())
}
