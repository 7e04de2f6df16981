//! Contacts: the log.

use chrono::NaiveDateTime;
use rusqlite::types::Value;
use rusqlite::{Row, params, params_from_iter};

use super::Store;
use super::citizens::{Look, filter_conditions};
use crate::domain::dates::{from_db, to_db};
use crate::domain::filter::Filter;
use crate::domain::{Channel, Contact, Kind, NewContact, Outcome, Word};
use crate::error::Result;

/// Which contacts a list shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ContactFilter {
    pub from: Option<NaiveDateTime>,
    pub to: Option<NaiveDateTime>,
    pub citizen_id: Option<i64>,
    /// The filter line as typed: words (found in the citizen's name, phone or target group, or
    /// the note) and terms (`gruppe:…`, `overskredet`, `mentor`, `kanal:…`), read with
    /// [`Filter::parse`]. `mentor` takes entries of citizens with a mentor agreement and entries
    /// on a mentor's channel.
    pub text: String,
}

impl ContactFilter {
    /// The filter line's words and terms.
    pub fn terms(&self) -> Filter {
        Filter::parse(&self.text)
    }
}

/// Where the filter looks in the log (contacts `k` joined with their citizen `c`).
const LOOK: Look<'static> = Look {
    id: "c.id",
    name_key: "c.name_key",
    phone: "c.phone",
    group: "c.target_group",
    mentor: "c.mentor = 1 OR k.channel IN ('home_visit', 'walk', 'workplace')",
    next_due: "c.next_due",
    notes: &["k.note"],
    channel: Some("k.channel"),
};

/// One entry of the log as `log list` shows it: the contact and the kind of meeting it was (an
/// appointment's kind; an entry without one is a conversation, or a mentor visit by a mentor's
/// channel).
#[derive(Debug, Clone, PartialEq)]
pub struct LogEntry {
    pub contact: Contact,
    pub kind: Kind,
}

pub(crate) const COLS: &str = "k.id, k.uuid, k.citizen_id, c.name, k.appointment_id, k.at, k.channel, \
                    k.outcome, k.minutes, k.note, k.counts, k.transferred_at";

/// The columns `COLS` and then `a.kind` (the appointment's, if any) as a log entry.
pub(crate) fn log_entry_from_row(r: &Row<'_>) -> rusqlite::Result<LogEntry> {
    let contact = contact_from_row(r)?;
    let kind = match r.get::<_, Option<String>>(12)? {
        Some(k) => Kind::parse(&k).unwrap_or(Kind::Conversation),
        None if contact.channel.is_mentor_channel() => Kind::MentorVisit,
        None => Kind::Conversation,
    };
    Ok(LogEntry { contact, kind })
}

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
            return Err(super::Error::MinutesOutOfRange {
                of: super::MinutesOf::Contact,
                minutes: c.minutes,
            }
            .into());
        }
        let rules = self.rules.clone();
        let sus = self.suspensions.clone();
        let created = to_db(self.clock.now());
        self.write(|tx| {
            // A conversation held inside a closure does not count toward the minimum, unless
            // that closure says held conversations count.
            let counts = crate::domain::minimum::within_closures(
                c.counts,
                super::closures::held_does_not_count(tx, c.at)?,
            );
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
                rusqlite::Error::QueryReturnedNoRows => self.missing_contact(id),
                e => e.into(),
            })
    }

    /// Why contact `id` is not there: deleted (kept for an undo), or never was.
    fn missing_contact(&self, id: i64) -> anyhow::Error {
        let deleted = self
            .conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM contacts WHERE id = ?1 AND deleted = 1)",
                [id],
                |r| r.get::<_, bool>(0),
            )
            .unwrap_or(false);
        if deleted {
            super::Error::Deleted {
                what: super::Row::Contact,
                id,
            }
            .into()
        } else {
            super::Error::NoContact(id).into()
        }
    }

    /// Contacts, newest first, a window of `limit` rows from `offset`.
    pub fn contacts(&self, f: &ContactFilter, offset: usize, limit: usize) -> Result<Vec<Contact>> {
        let (cond, mut args) = conditions(f, self.today());
        let n = args.len();
        args.push(Value::Integer(limit.min(i64::MAX as usize) as i64));
        args.push(Value::Integer(offset.min(i64::MAX as usize) as i64));
        let sql = format!(
            "SELECT {COLS} FROM contacts k JOIN citizens c ON c.id = k.citizen_id
             WHERE {cond} ORDER BY k.at DESC, k.id DESC LIMIT ?{} OFFSET ?{}",
            n + 1,
            n + 2
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(params_from_iter(args), contact_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The live entries of the log the filter selects, in time order.
    pub fn log_entries(&self, f: &ContactFilter) -> Result<Vec<LogEntry>> {
        let (cond, args) = conditions(f, self.today());
        let sql = format!(
            "SELECT {COLS}, a.kind FROM contacts k JOIN citizens c ON c.id = k.citizen_id
             LEFT JOIN appointments a ON a.id = k.appointment_id
             WHERE {cond} ORDER BY k.at, k.id"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(params_from_iter(args), log_entry_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn count_contacts(&self, f: &ContactFilter) -> Result<usize> {
        let (cond, args) = conditions(f, self.today());
        // The citizen is needed only to filter by them.
        let join = if f.terms().is_empty() {
            ""
        } else {
            "JOIN citizens c ON c.id = k.citizen_id"
        };
        let sql = format!("SELECT count(*) FROM contacts k {join} WHERE {cond}");
        let n: i64 = self
            .conn
            .prepare_cached(&sql)?
            .query_row(params_from_iter(args), |r| r.get(0))?;
        Ok(n as usize)
    }
}

/// The WHERE clause of a filter and its arguments, with only the conditions that apply, so
/// that SQLite searches the index on `at` (or on the citizen) instead of scanning the log.
fn conditions(f: &ContactFilter, today: chrono::NaiveDate) -> (String, Vec<Value>) {
    let mut cond = String::from("k.deleted = 0");
    let mut args: Vec<Value> = Vec::new();
    let mut add = |sql: &str, v: Value| {
        args.push(v);
        cond.push_str(&sql.replace('?', &format!("?{}", args.len())));
    };
    if let Some(c) = f.citizen_id {
        add(" AND k.citizen_id = ?", Value::Integer(c));
    }
    if let Some(t) = f.from {
        add(" AND k.at >= ?", Value::Text(to_db(t)));
    }
    if let Some(t) = f.to {
        add(" AND k.at < ?", Value::Text(to_db(t)));
    }
    filter_conditions(&f.terms(), &LOOK, today, &mut cond, &mut args);
    (cond, args)
}

pub(crate) fn insert_contact(
    tx: &rusqlite::Connection,
    c: &NewContact,
    created: &str,
) -> Result<i64> {
    super::Error::check_length(crate::domain::limits::Text::Note, &c.note)?;
    tx.prepare_cached(
        "INSERT INTO contacts (uuid, citizen_id, appointment_id, at, channel, outcome, minutes,
                               note, counts, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
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
        created
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
