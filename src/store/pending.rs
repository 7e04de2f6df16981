//! The transfer queue: the live contacts not yet transferred to the case system, the facts of a
//! contact's journal-ready text, and marking a selection transferred (or not) as one undoable
//! change.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, params_from_iter};

use super::contacts::{COLS, LogEntry, log_entry_from_row};
use super::{Change, Store};
use crate::domain::dates::to_db;
use crate::domain::journal::JournalSource;
use crate::error::Result;

/// Which contacts `log transferred` marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransferScope {
    Contact(i64),
    /// Every live contact of that day.
    Day(NaiveDate),
    /// Every live contact of that citizen.
    Citizen(i64),
}

impl Store {
    /// The live contacts not yet transferred, oldest first; only one citizen's with `Some`.
    pub fn pending_entries(&self, citizen: Option<i64>) -> Result<Vec<LogEntry>> {
        let sql = format!(
            "SELECT {COLS}, a.kind FROM contacts k JOIN citizens c ON c.id = k.citizen_id
             LEFT JOIN appointments a ON a.id = k.appointment_id
             WHERE k.deleted = 0 AND k.transferred_at IS NULL
               AND (?1 IS NULL OR k.citizen_id = ?1)
             ORDER BY k.at, k.id"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map([citizen], log_entry_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One live entry with its kind.
    pub fn log_entry(&self, id: i64) -> Result<LogEntry> {
        // The contact's own lookup explains a missing or deleted one.
        self.contact(id)?;
        let sql = format!(
            "SELECT {COLS}, a.kind FROM contacts k JOIN citizens c ON c.id = k.citizen_id
             LEFT JOIN appointments a ON a.id = k.appointment_id
             WHERE k.id = ?1"
        );
        Ok(self.conn.query_row(&sql, [id], log_entry_from_row)?)
    }

    /// The facts of contact `id`'s journal-ready text; the next conversation is looked for from
    /// `now` on.
    pub fn journal_source(&self, id: i64, now: NaiveDateTime) -> Result<JournalSource> {
        let entry = self.log_entry(id)?;
        let c = &entry.contact;
        let closure = if c.counts {
            None
        } else {
            let day = c.at.date().format("%Y-%m-%d").to_string();
            self.conn
                .prepare_cached(
                    "SELECT name FROM closures
                     WHERE counts_held = 0 AND from_date <= ?1 AND to_date >= ?1
                     ORDER BY from_date LIMIT 1",
                )?
                .query_row([day], |r| r.get::<_, String>(0))
                .optional()?
        };
        let next = self.next_planned_conversation(c.citizen_id, now.max(c.at))?;
        Ok(JournalSource {
            contact: entry.contact,
            kind: entry.kind,
            closure,
            next,
        })
    }

    /// The live contacts of `scope` that would change: not yet transferred (to mark them), or
    /// transferred (`undo`, to take the mark away). Oldest first.
    pub fn transfer_targets(&self, scope: TransferScope, undo: bool) -> Result<Vec<i64>> {
        let state = if undo {
            "k.transferred_at IS NOT NULL"
        } else {
            "k.transferred_at IS NULL"
        };
        let (cond, args): (&str, Vec<Value>) = match scope {
            TransferScope::Contact(id) => {
                self.contact(id)?;
                ("k.id = ?1", vec![Value::Integer(id)])
            }
            TransferScope::Citizen(id) => {
                self.require_citizen(id)?;
                ("k.citizen_id = ?1", vec![Value::Integer(id)])
            }
            TransferScope::Day(d) => (
                "k.at >= ?1 AND k.at < ?2",
                vec![
                    Value::Text(to_db(d.and_time(NaiveTime::MIN))),
                    Value::Text(to_db((d + Duration::days(1)).and_time(NaiveTime::MIN))),
                ],
            ),
        };
        let sql = format!(
            "SELECT k.id FROM contacts k WHERE k.deleted = 0 AND {state} AND {cond}
             ORDER BY k.at, k.id"
        );
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map(params_from_iter(args), |r| r.get::<_, i64>(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Marks contacts transferred at `at` (`None`: not transferred) in one step; returns the
    /// changes that undo it.
    pub fn mark_transferred(
        &mut self,
        ids: &[i64],
        at: Option<NaiveDateTime>,
    ) -> Result<Vec<Change>> {
        let changes: Vec<Change> = ids
            .iter()
            .map(|&id| Change::ContactTransferred { id, at })
            .collect();
        self.apply(&changes)
    }
}
