//! The audit log: every export, backup, import, revealed CPR number, erasure, purge, and every
//! correction or deletion of a log entry, with the time, the user of the machine, the citizen or
//! the days, and how many rows. Public-sector practice keeps such a log for 6 months: older
//! entries are removed whenever one is written. Entries hold no names, CPR numbers or notes.

use chrono::{Months, NaiveDate, NaiveDateTime};
use rusqlite::{Connection, params};
use serde::Serialize;

use super::Store;
use crate::domain::dates::{from_db, to_db};
use crate::domain::records::DayRange;
use crate::error::Result;

/// How long audit entries are kept.
pub const AUDIT_MONTHS: u32 = 6;

/// What was done with personal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Export,
    Backup,
    Import,
    RevealCpr,
    Erase,
    Purge,
    /// A log entry corrected (or the correction undone): the detail names the fields changed.
    CorrectContact,
    /// A log entry deleted (or brought back by an undo).
    DeleteContact,
    /// A citizen's details edited, a citizen added or archived in the desk (or the undo): the
    /// detail names the fields changed, never their values.
    EditCitizen,
    /// A company's contact person edited (personal data): the detail names the fields changed,
    /// never their values.
    EditContactPerson,
}

impl Action {
    pub const ALL: [Action; 10] = [
        Action::Export,
        Action::Backup,
        Action::Import,
        Action::RevealCpr,
        Action::Erase,
        Action::Purge,
        Action::CorrectContact,
        Action::DeleteContact,
        Action::EditCitizen,
        Action::EditContactPerson,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Action::Export => "export",
            Action::Backup => "backup",
            Action::Import => "import",
            Action::RevealCpr => "reveal_cpr",
            Action::Erase => "erase",
            Action::Purge => "purge",
            Action::CorrectContact => "correct_contact",
            Action::DeleteContact => "delete_contact",
            Action::EditCitizen => "edit_citizen",
            Action::EditContactPerson => "edit_contact_person",
        }
    }

    pub fn parse(s: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.key() == s)
    }
}

/// One entry to record.
#[derive(Debug, Clone, PartialEq)]
pub struct NewAudit {
    pub at: NaiveDateTime,
    pub action: Action,
    pub citizen_id: Option<i64>,
    pub range: DayRange,
    pub rows: u64,
    /// What kind and where (`csv -> /home/…/log.csv`); never a name, a CPR number or a note.
    pub detail: String,
}

impl NewAudit {
    pub fn new(at: NaiveDateTime, action: Action) -> NewAudit {
        NewAudit {
            at,
            action,
            citizen_id: None,
            range: DayRange::default(),
            rows: 0,
            detail: String::new(),
        }
    }

    pub fn citizen(mut self, id: i64) -> NewAudit {
        self.citizen_id = Some(id);
        self
    }

    pub fn rows(mut self, rows: u64) -> NewAudit {
        self.rows = rows;
        self
    }

    pub fn range(mut self, range: DayRange) -> NewAudit {
        self.range = range;
        self
    }

    pub fn detail(mut self, detail: impl Into<String>) -> NewAudit {
        self.detail = detail.into();
        self
    }
}

/// One recorded entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditEntry {
    pub id: i64,
    #[serde(serialize_with = "iso")]
    pub at: NaiveDateTime,
    pub os_user: String,
    pub action: Action,
    pub citizen_id: Option<i64>,
    pub range_from: Option<NaiveDate>,
    pub range_to: Option<NaiveDate>,
    pub rows: u64,
    pub detail: String,
}

fn iso<S: serde::Serializer>(t: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&t.format("%Y-%m-%dT%H:%M:%S").to_string())
}

/// Which entries to list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AuditFilter {
    pub citizen_id: Option<i64>,
}

/// The user of the machine running jobdesk: `USER` (`USERNAME` on Windows, `LOGNAME`), else the
/// name of the home folder, else "?".
pub fn os_user() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
        .or_else(|| {
            directories::UserDirs::new().and_then(|d| {
                d.home_dir()
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
            })
        })
        .unwrap_or_else(|| "?".into())
}

fn day(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

/// Records one entry on a connection or inside a transaction (so it lands with what it
/// records), and removes entries older than 6 months before it.
pub fn record_audit_on(conn: &Connection, e: &NewAudit) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO audit (at, os_user, action, citizen_id, range_from, range_to, rows, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        to_db(e.at),
        os_user(),
        e.action.key(),
        e.citizen_id,
        day(e.range.from),
        day(e.range.to),
        e.rows as i64,
        e.detail
    ])
    .map_err(super::open::explain_sqlite)?;
    if let Some(cutoff) = e.at.checked_sub_months(Months::new(AUDIT_MONTHS)) {
        conn.prepare_cached("DELETE FROM audit WHERE at < ?1")?
            .execute([to_db(cutoff)])
            .map_err(super::open::explain_sqlite)?;
    }
    Ok(())
}

impl Store {
    /// Records one audit entry in its own transaction.
    pub fn record_audit(&mut self, e: &NewAudit) -> Result<()> {
        self.write(|tx| record_audit_on(tx, e))
    }

    /// The audit log, oldest first.
    pub fn audit(&self, f: &AuditFilter) -> Result<Vec<AuditEntry>> {
        let mut st = self.conn.prepare(
            "SELECT id, at, os_user, action, citizen_id, range_from, range_to, rows, detail
             FROM audit WHERE (?1 IS NULL OR citizen_id = ?1) ORDER BY at, id",
        )?;
        let date =
            |s: Option<String>| s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok());
        let rows = st.query_map([f.citizen_id], |r| {
            let at: String = r.get(1)?;
            let action: String = r.get(3)?;
            Ok((
                r.get::<_, i64>(0)?,
                at,
                r.get::<_, String>(2)?,
                action,
                r.get::<_, Option<i64>>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, Option<String>>(6)?,
                r.get::<_, i64>(7)?,
                r.get::<_, String>(8)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, at, os_user, action, citizen_id, from, to, n, detail) = row?;
            let (Some(at), Some(action)) = (from_db(&at), Action::parse(&action)) else {
                continue;
            };
            out.push(AuditEntry {
                id,
                at,
                os_user,
                action,
                citizen_id,
                range_from: date(from),
                range_to: date(to),
                rows: n.max(0) as u64,
                detail,
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(y: i32, m: u32, d: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap()
    }

    #[test]
    fn entries_are_listed_and_those_older_than_six_months_go() {
        let mut s = Store::open_in_memory().unwrap();
        s.record_audit(&NewAudit::new(t(2026, 1, 10), Action::Export).rows(3))
            .unwrap();
        s.record_audit(&NewAudit::new(t(2026, 5, 1), Action::RevealCpr).citizen(7))
            .unwrap();
        assert_eq!(s.audit(&AuditFilter::default()).unwrap().len(), 2);
        // Writing on 23 July removes what is older than 23 January.
        s.record_audit(
            &NewAudit::new(t(2026, 7, 23), Action::Erase)
                .citizen(7)
                .rows(12),
        )
        .unwrap();
        let all = s.audit(&AuditFilter::default()).unwrap();
        let actions: Vec<Action> = all.iter().map(|e| e.action).collect();
        assert_eq!(actions, vec![Action::RevealCpr, Action::Erase]);
        let of7 = s
            .audit(&AuditFilter {
                citizen_id: Some(7),
            })
            .unwrap();
        assert_eq!(of7.len(), 2);
        assert_eq!(of7[1].rows, 12);
        assert!(
            s.audit(&AuditFilter {
                citizen_id: Some(8)
            })
            .unwrap()
            .is_empty()
        );
    }
}
