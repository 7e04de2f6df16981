//! The online backup and the integrity check.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::NaiveDateTime;
use rusqlite::Connection;

use super::{remove_with_companions, sync_dir};
use crate::error::Result;
use crate::store::Error;
use crate::store::Store;
use crate::store::audit::{Action, NewAudit, record_audit_on};
use crate::store::crypt;
use crate::store::open::{self, explain_sqlite};

/// A finished backup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupDone {
    pub path: PathBuf,
    pub bytes: u64,
    pub encrypted: bool,
    pub citizens: u64,
    pub contacts: u64,
}

/// One thing `check` found wrong, in plain words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem(pub String);

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Store {
    /// Removes what an interrupted jobdesk left in `dir` (see `leftovers::sweep`), says so on
    /// stderr, and records each removal in the audit log (they held personal data).
    pub fn clear_leftovers(&mut self, dir: &Path, now: NaiveDateTime) -> Result<()> {
        let swept = crate::leftovers::sweep(dir);
        swept.report();
        for p in &swept.removed {
            self.record_audit(&NewAudit::new(now, Action::Purge).detail(format!(
                "leftover of an interrupted write removed: {}",
                std::path::absolute(p).unwrap_or_else(|_| p.clone()).display()
            )))?;
        }
        Ok(())
    }

    /// Copies the database to `dest` with SQLite's online backup: a consistent copy even while
    /// the desk is writing, encrypted with the same key when the database is encrypted, written
    /// to a private (0600) file beside `dest` and put in place only when complete and checked.
    /// Refuses an existing `dest` unless `force`, and anything but a regular file even then.
    /// Records the backup in the audit log, in the same transaction as the rename (should it
    /// fail, the file is taken away again). The partial file is removed on a failure, and on
    /// Ctrl+C, SIGTERM or SIGHUP (see `leftovers`).
    pub fn backup_to(
        &mut self,
        dest: &Path,
        force: bool,
        now: NaiveDateTime,
    ) -> Result<BackupDone> {
        let shown = dest.display().to_string();
        if dest.is_dir() {
            return Err(Error::BackupIsFolder {
                path: dest.to_path_buf(),
            }
            .into());
        }
        if let Some(kind) = crate::store::Special::of(dest) {
            return Err(Error::NotRegular {
                path: dest.to_path_buf(),
                kind,
            }
            .into());
        }
        if same_file(dest, &self.path) {
            return Err(Error::BackupIsDatabase {
                path: dest.to_path_buf(),
            }
            .into());
        }
        if dest.exists() && !force {
            return Err(Error::BackupExists {
                path: dest.to_path_buf(),
            }
            .into());
        }
        if let Some(dir) = dest.parent().filter(|d| !d.as_os_str().is_empty())
            && !dir.is_dir()
        {
            return Err(Error::FolderMissing {
                dir: dir.to_path_buf(),
            }
            .into());
        }
        let dir = dest
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or_else(|| Path::new("."));
        self.clear_leftovers(dir, now)?;
        let tmp = crate::leftovers::partial_name(dest);
        let _tracked = crate::leftovers::track(&tmp, dest);
        remove_with_companions(&tmp);
        let failed = |e: anyhow::Error| {
            if crate::leftovers::disk_full(&e) {
                return Error::NotCreated {
                    path: dest.to_path_buf(),
                    full: true,
                }
                .into();
            }
            e.context(Error::BackupFailed {
                path: dest.to_path_buf(),
            })
        };
        let copied = open::create_private_file(&tmp).and_then(|()| self.backup_into(&tmp));
        let (citizens, contacts) = match copied {
            Ok(c) => c,
            Err(e) => {
                remove_with_companions(&tmp);
                return Err(failed(e));
            }
        };
        let bytes = std::fs::metadata(&tmp).map(|m| m.len()).unwrap_or(0);
        let audit = NewAudit::new(now, Action::Backup)
            .rows((citizens + contacts).max(0) as u64)
            .detail(format!(
                "{} -> {shown}",
                if self.encrypted() {
                    "encrypted"
                } else {
                    "plain"
                }
            ));
        let mut placed = None;
        let recorded = self.write(|tx| {
            record_audit_on(tx, &audit)?;
            placed = Some(crate::leftovers::place(&tmp, dest).map_err(|e| {
                Error::CannotPlaceBackup {
                    path: dest.to_path_buf(),
                    reason: e.to_string(),
                }
            })?);
            Ok(())
        });
        match (recorded, placed) {
            (Ok(()), Some(p)) => p.keep(),
            (Ok(()), None) => {}
            (Err(e), placed) => {
                if let Some(p) = placed {
                    p.undo();
                }
                remove_with_companions(&tmp);
                return Err(failed(e));
            }
        }
        sync_dir(dest);
        Ok(BackupDone {
            path: dest.to_path_buf(),
            bytes,
            encrypted: self.encrypted(),
            citizens: citizens.max(0) as u64,
            contacts: contacts.max(0) as u64,
        })
    }

    /// The backup itself, into a fresh file; returns the copy's citizens and contacts.
    fn backup_into(&self, tmp: &Path) -> Result<(i64, i64)> {
        use rusqlite::backup::{Backup, StepResult};
        let flags =
            rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut dst = Connection::open_with_flags(tmp, flags).map_err(explain_sqlite)?;
        crypt::silence(&dst);
        if let Some(k) = &self.key {
            k.apply(&dst)?;
        }
        {
            let b = Backup::new(&self.conn, &mut dst).map_err(explain_sqlite)?;
            let started = Instant::now();
            loop {
                // All pages in one step: one read transaction, so one consistent snapshot even
                // while the desk writes (WAL lets it go on writing meanwhile).
                match b.step(-1).map_err(explain_sqlite)? {
                    StepResult::Done => break,
                    StepResult::More => {}
                    _ if started.elapsed() > Duration::from_secs(30) => {
                        return Err(Error::BackupBusy.into());
                    }
                    _ => std::thread::sleep(Duration::from_millis(50)),
                }
            }
        }
        // One self-contained file (no -wal beside it), checked before it is put in place.
        let mode: String = dst
            .query_row("PRAGMA journal_mode=DELETE", [], |r| r.get(0))
            .map_err(explain_sqlite)?;
        if !mode.eq_ignore_ascii_case("delete") {
            return Err(anyhow::anyhow!("the copy kept journal mode {mode}"));
        }
        let check: String = dst
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .map_err(explain_sqlite)?;
        if check != "ok" {
            return Err(anyhow::anyhow!(
                "the copy does not pass SQLite's check: {check}"
            ));
        }
        let counts: (i64, i64) = dst.query_row(
            "SELECT (SELECT count(*) FROM citizens), (SELECT count(*) FROM contacts)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        dst.close().map_err(|(_, e)| explain_sqlite(e))?;
        std::fs::File::open(tmp)
            .and_then(|f| f.sync_all())
            .map_err(|e| anyhow::anyhow!("cannot sync the copy to disk: {e}"))?;
        Ok(counts)
    }

    /// SQLite's integrity check, the foreign-key check and, for an encrypted database, the
    /// check of every page's checksum, in plain words. Empty when all is well.
    pub fn check(&self) -> Result<Vec<Problem>> {
        let mut problems = Vec::new();
        {
            // A badly damaged file can stop the check part way: what it found until then counts.
            let mut st = self.conn.prepare("PRAGMA integrity_check")?;
            let mut rows = st.query([])?;
            loop {
                match rows.next() {
                    Ok(Some(r)) => {
                        let msg: String = r.get(0)?;
                        if msg != "ok" {
                            problems.push(Problem(explain_integrity(&msg)));
                        }
                    }
                    Ok(None) => break,
                    Err(e) => {
                        problems.push(Problem(format!(
                            "the file is damaged so that the check could not read on: some data may be unreadable. Keep a copy of the file as it is, and restore from your latest backup (SQLite: {e})"
                        )));
                        break;
                    }
                }
            }
        }
        {
            let mut st = self.conn.prepare("PRAGMA foreign_key_check")?;
            let rows: Vec<(String, Option<i64>, String)> = st
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<Result<_, _>>()
                .map_err(explain_sqlite)?;
            for (table, rowid, parent) in rows {
                let which = match rowid {
                    Some(id) => format!("{} {id}", singular(&table)),
                    None => format!("a row in {table}"),
                };
                problems.push(Problem(format!(
                    "{which} refers to a {} that is not in the database (a broken link between tables; the rest is readable)",
                    singular(&parent)
                )));
            }
        }
        problems.extend(self.outcomes_twice()?);
        if self.encrypted() {
            let mut st = self.conn.prepare("PRAGMA cipher_integrity_check")?;
            let rows: Vec<String> = st
                .query_map([], |r| r.get(0))?
                .collect::<Result<_, _>>()
                .map_err(explain_sqlite)?;
            for msg in rows {
                problems.push(Problem(format!(
                    "a part of the encrypted file does not match its checksum: it was changed outside jobdesk, or the disk is failing (SQLCipher: {msg})"
                )));
            }
        }
        Ok(problems)
    }
}

impl Store {
    /// Appointments with more than one live outcome entry in the log (one mark is one entry).
    fn outcomes_twice(&self) -> Result<Vec<Problem>> {
        let mut st = self.conn.prepare(
            "SELECT a.id, a.start, count(*), group_concat(k.id, ', ')
             FROM (SELECT id, appointment_id FROM contacts
                   WHERE deleted = 0 AND appointment_id IS NOT NULL ORDER BY id) k
             JOIN appointments a ON a.id = k.appointment_id
             WHERE a.deleted = 0
             GROUP BY a.id HAVING count(*) > 1 ORDER BY a.start, a.id",
        )?;
        let rows: Vec<(i64, String, i64, String)> = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<Result<_, _>>()
            .map_err(explain_sqlite)?;
        Ok(rows
            .into_iter()
            .map(|(id, start, n, ids)| {
                let when = crate::domain::dates::from_db(&start)
                    .map(|t| {
                        format!(
                            "{} {}",
                            crate::domain::dates::fmt_date(t.date(), true),
                            crate::domain::dates::fmt_time(t.time(), true)
                        )
                    })
                    .unwrap_or(start);
                Problem(format!(
                    "appointment {id} ({when}) has {n} live outcomes: {ids} (an appointment has one: delete the extra entries from the log)"
                ))
            })
            .collect())
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

fn singular(table: &str) -> &str {
    match table {
        "citizens" => "citizen",
        "appointments" => "appointment",
        "contacts" => "contact",
        "closures" => "closure",
        "closure_calls" => "call-list entry",
        "closure_attempts" => "closure call",
        "closure_conversions" => "closure conversion",
        "drafts" => "draft",
        "jobclub_exemptions" => "job-club exemption",
        other => other,
    }
}

/// One line of `PRAGMA integrity_check`, in words a consultant can act on.
fn explain_integrity(msg: &str) -> String {
    let msg = msg
        .trim_start_matches("*** in database main ***")
        .trim()
        .replace('\n', "; ");
    let lower = msg.to_ascii_lowercase();
    if lower.contains("index") {
        format!(
            "an index (SQLite's lookup list beside a table) is out of step with its table; the data itself may be whole. Make a backup of the file before anything else (SQLite: {msg})"
        )
    } else if lower.contains("never used") || lower.contains("freelist") {
        format!("some space in the file is not accounted for; no data is lost (SQLite: {msg})")
    } else {
        format!(
            "the file is damaged: some data may be unreadable. Keep a copy of the file as it is, and restore from your latest backup (SQLite: {msg})"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integrity_messages_in_plain_words() {
        assert!(explain_integrity("row 5 missing from index contacts_at").contains("index"));
        assert!(explain_integrity("Page 7 is never used").contains("no data is lost"));
        assert!(explain_integrity("Tree 3 page 3 cell 0: invalid page number").contains("damaged"));
    }
}
