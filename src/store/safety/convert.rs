//! Encrypting a database in place, or giving it a new passphrase: a new file, checked, put in
//! place with one rename.

use std::collections::BTreeMap;
use std::path::Path;

use rusqlite::{Connection, params};

use super::{remove_with_companions, sync_dir, with_suffix};
use crate::error::Result;
use crate::store::Error;
use crate::store::crypt::{self, Passphrase};
use crate::store::open::{self, Unlock, explain_sqlite};
use crate::store::{Create, Store};

/// A finished `encrypt` or `rekey`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Converted {
    pub was_encrypted: bool,
    pub tables: usize,
    pub rows: u64,
}

/// Row counts of every table, to compare a copy with its source.
fn table_counts(conn: &Connection) -> Result<BTreeMap<String, i64>> {
    let names: Vec<String> = {
        let mut st = conn.prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
        )?;
        st.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?
    };
    let mut out = BTreeMap::new();
    for name in names {
        let n: i64 = conn.query_row(
            &format!("SELECT count(*) FROM \"{}\"", name.replace('"', "\"\"")),
            [],
            |r| r.get(0),
        )?;
        out.insert(name, n);
    }
    Ok(out)
}

impl Store {
    /// Writes the whole database, encrypted with `to` (a new key with a fresh salt), into a new
    /// file beside it, checks that the new file opens with the new key alone and holds the same
    /// rows in every table, and then puts it in place of the old file with one rename. Used by
    /// `encrypt` (plain → encrypted) and `rekey` (a new passphrase). Refuses while another
    /// program has the database open. On any failure the old file is as it was.
    pub fn convert(mut self, to: &Passphrase) -> Result<Converted> {
        to.check_new()?;
        let in_use = || -> anyhow::Error {
            Error::InUse {
                path: self.path.clone(),
            }
            .into()
        };
        // Leaving WAL mode needs the only connection: proof that nobody else has it open. It
        // also brings everything into the one file, so no -wal or -shm is left beside it.
        let mode: String = self
            .conn
            .query_row("PRAGMA journal_mode=DELETE", [], |r| r.get(0))
            .map_err(|e| match e.sqlite_error_code() {
                Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                    in_use()
                }
                _ => explain_sqlite(e),
            })?;
        if !mode.eq_ignore_ascii_case("delete") {
            return Err(in_use());
        }
        let tmp = with_suffix(&self.path, ".converting");
        // Removed on Ctrl+C, SIGTERM or SIGHUP; one a kill left is replaced by the next run.
        let _tracked = crate::leftovers::track(&tmp, &self.path);
        let result = self.convert_into(&tmp, to);
        let out = match result {
            Ok(out) => out,
            Err(e) => {
                remove_with_companions(&tmp);
                let _ = self
                    .conn
                    .execute_batch("PRAGMA locking_mode=NORMAL; PRAGMA journal_mode=WAL;");
                return Err(e.context(Error::NotChanged {
                    path: self.path.clone(),
                }));
            }
        };
        #[cfg(not(unix))]
        let path = {
            // Windows cannot replace a file that is open.
            let path = self.path.clone();
            drop(self);
            path
        };
        #[cfg(unix)]
        let path = self.path.clone();
        if let Err(e) = std::fs::rename(&tmp, &path) {
            remove_with_companions(&tmp);
            return Err(Error::CannotReplace {
                path: path.clone(),
                reason: e.to_string(),
            }
            .into());
        }
        sync_dir(&path);
        // The old file's lock goes with it; nothing of the old file is left beside the new one.
        #[cfg(unix)]
        drop(self);
        for suffix in ["-journal", "-wal", "-shm"] {
            let _ = std::fs::remove_file(with_suffix(&path, suffix));
        }
        Ok(out)
    }

    fn convert_into(&mut self, tmp: &Path, to: &Passphrase) -> Result<Converted> {
        // Hold the database for the whole conversion, from the exclusive transaction below until
        // the connection closes after the swap: another program that opens it meanwhile waits,
        // then sees that the file was replaced and opens the new one (see `open_connection`).
        self.conn.execute_batch("PRAGMA locking_mode=EXCLUSIVE")?;
        remove_with_companions(tmp);
        open::create_private_file(tmp)?;
        let key = crypt::derive(to, &crypt::new_salt()?)?;
        let tmp_text = tmp.to_str().ok_or(Error::PathNotText)?;
        self.conn
            .execute(
                "ATTACH DATABASE ?1 AS jobdesk_new KEY ?2",
                params![tmp_text, key.as_str()],
            )
            .map_err(explain_sqlite)?;
        let exported = (|| -> Result<BTreeMap<String, i64>> {
            self.conn
                .execute_batch("PRAGMA jobdesk_new.journal_mode=OFF; BEGIN EXCLUSIVE;")
                .map_err(explain_sqlite)?;
            let before = table_counts(&self.conn)?;
            let version: u32 = self
                .conn
                .query_row("PRAGMA user_version", [], |r| r.get(0))?;
            self.conn
                .query_row("SELECT sqlcipher_export('jobdesk_new')", [], |_| Ok(()))
                .map_err(explain_sqlite)?;
            self.conn
                .pragma_update(Some("jobdesk_new"), "user_version", version)?;
            self.conn.execute_batch("COMMIT").map_err(explain_sqlite)?;
            Ok(before)
        })();
        if exported.is_err() && !self.conn.is_autocommit() {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
        let detached = self.conn.execute_batch("DETACH DATABASE jobdesk_new");
        let before = exported?;
        detached?;
        // The new file must open with the new key alone and hold the same rows.
        let opened = open::open_connection(tmp, Create::No, Unlock::Key(&key))?;
        let after = table_counts(&opened.conn)?;
        let check: String = opened
            .conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))?;
        let mode: String = opened
            .conn
            .query_row("PRAGMA journal_mode=DELETE", [], |r| r.get(0))?;
        opened.conn.close().map_err(|(_, e)| explain_sqlite(e))?;
        if check != "ok" {
            return Err(anyhow::anyhow!(
                "the new file does not pass SQLite's check: {check}"
            ));
        }
        if before != after {
            return Err(anyhow::anyhow!(
                "the new file does not hold the same rows (before: {before:?}, after: {after:?})"
            ));
        }
        if !mode.eq_ignore_ascii_case("delete") {
            return Err(anyhow::anyhow!("the new file kept journal mode {mode}"));
        }
        std::fs::File::open(tmp)
            .and_then(|f| f.sync_all())
            .map_err(|e| anyhow::anyhow!("cannot sync the new file to disk: {e}"))?;
        Ok(Converted {
            was_encrypted: self.encrypted(),
            tables: after.len(),
            rows: after.values().map(|n| (*n).max(0) as u64).sum(),
        })
    }
}
