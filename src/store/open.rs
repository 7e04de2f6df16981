//! Opening the database file: path, permissions, pragmas, checks and migrations.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};

use super::Error;
use super::crypt::{self, FileKind, Keyspec, Passphrase};
use super::options::{AskReason, KeySource, Warning};
use crate::error::Result;

/// One step of `schema.sql`: the SQL that brings a database from `version - 1` to `version`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migration {
    pub version: u32,
    pub sql: String,
}

const SCHEMA: &str = include_str!("../../schema.sql");

/// The migrations of `schema.sql`, in order.
pub static MIGRATIONS: std::sync::LazyLock<Vec<Migration>> =
    std::sync::LazyLock::new(|| parse_schema(SCHEMA));

/// Splits schema text at its `-- version: N` lines.
pub fn parse_schema(text: &str) -> Vec<Migration> {
    let mut out: Vec<Migration> = Vec::new();
    for line in text.lines() {
        if let Some(v) = line.trim().strip_prefix("-- version:")
            && let Ok(version) = v.trim().parse::<u32>()
        {
            out.push(Migration {
                version,
                sql: String::new(),
            });
            continue;
        }
        if let Some(m) = out.last_mut() {
            m.sql.push_str(line);
            m.sql.push('\n');
        }
    }
    out
}

pub fn latest_version() -> u32 {
    MIGRATIONS.last().map(|m| m.version).unwrap_or(0)
}

/// Where the database lives when neither `--db` nor `JOBDESK_DB` says.
pub fn default_db_path() -> Result<PathBuf> {
    let dirs =
        directories::ProjectDirs::from("dk", "jobdesk", "jobdesk").ok_or(Error::NoHomeFolder)?;
    Ok(dirs.data_dir().join("jobdesk.db"))
}

/// Turns SQLite's errors into the store's errors that say what happened.
pub(crate) fn explain_sqlite(e: rusqlite::Error) -> anyhow::Error {
    sqlite_error(e).into()
}

/// [`explain_sqlite`], typed.
pub(crate) fn sqlite_error(e: rusqlite::Error) -> Error {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => Error::NotADatabase { path: None },
        Some(ErrorCode::DatabaseCorrupt) => Error::Corrupt {
            detail: e.to_string(),
        },
        Some(ErrorCode::SystemIoFailure) => Error::DiskIo {
            detail: e.to_string(),
        },
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => Error::Busy,
        Some(ErrorCode::DiskFull) => Error::DiskFull,
        Some(ErrorCode::ReadOnly) => Error::ReadOnly,
        Some(ErrorCode::CannotOpen) => Error::CannotOpen,
        Some(ErrorCode::PermissionDenied) => Error::PermissionDenied,
        _ => Error::Sqlite(e),
    }
}

/// How an opening gets the key of an encrypted file, and whether a new file is encrypted.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Unlock<'a> {
    /// The caller's key source.
    Source(&'a KeySource),
    /// A key already derived in this run (a second connection to a file, or a copy keyed alike).
    Key(&'a Keyspec),
}

/// A checked connection, the key it was opened with (`None`: a plain file), and what is worth
/// telling the user.
pub(crate) struct Opened {
    pub conn: Connection,
    pub key: Option<Keyspec>,
    pub warnings: Vec<Warning>,
}

/// Says why SQLite could not open or write a database it can see: a read-only file or folder
/// (jobdesk keeps its -wal and -shm files beside the database), or else what SQLite said.
fn explain_access(path: &Path, e: rusqlite::Error) -> anyhow::Error {
    if !matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::CannotOpen | ErrorCode::ReadOnly | ErrorCode::PermissionDenied)
    ) {
        return explain_sqlite(e);
    }
    if let Err(io) = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)
    {
        return Error::FileNotWritable {
            path: path.to_path_buf(),
            reason: io.to_string(),
        }
        .into();
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or_else(|| Path::new("."));
    if let Err(io) = tempfile::tempfile_in(dir) {
        return Error::FolderNotWritable {
            dir: dir.to_path_buf(),
            reason: io.to_string(),
        }
        .into();
    }
    explain_sqlite(e)
}

fn not_a_database(path: &Path) -> anyhow::Error {
    Error::NotADatabase {
        path: Some(path.to_path_buf()),
    }
    .into()
}

/// Creates the folder (0700) and file (0600) if allowed, opens it, keys it when it is encrypted,
/// and sets the pragmas. Nothing is written to a file that turns out not to be a jobdesk
/// database, to be encrypted with another passphrase, or to come from a newer jobdesk.
pub(crate) fn open_connection(
    path: &Path,
    create: super::Create,
    unlock: Unlock<'_>,
) -> Result<Opened> {
    let with_path = |e: anyhow::Error| {
        e.context(Error::AtDatabase {
            path: path.to_path_buf(),
        })
    };
    match super::Special::of(path) {
        None => {}
        Some(super::Special::Folder) => {
            return Err(Error::IsAFolder {
                path: path.to_path_buf(),
            }
            .into());
        }
        // A device or a named pipe: refused before anything reads it (a pipe would wait for a
        // writer forever).
        Some(kind) => {
            return Err(Error::NotAFile {
                path: path.to_path_buf(),
                kind,
            }
            .into());
        }
    }
    let mut warnings = Vec::new();
    // Whether this opening made the (empty) file: it goes again when no key can be had for it.
    let mut made = false;
    if !path.exists() {
        if create == super::Create::No {
            return Err(Error::NoDatabase {
                path: path.to_path_buf(),
            }
            .into());
        }
        create_private_file(path)?;
        made = true;
    } else if readable_by_others(path) {
        warnings.push(Warning::OthersMayRead {
            path: path.to_path_buf(),
        });
    }
    writable_companions(path);
    let mut attempt = 1;
    let mut replaced = 0;
    loop {
        let before = file_id(path);
        let kind = FileKind::of(path).map_err(|e| Error::CannotRead {
            path: path.to_path_buf(),
            reason: e.to_string(),
        })?;
        let need = |reason: AskReason| -> Result<Option<Passphrase>> {
            match unlock {
                Unlock::Source(KeySource::Plain) | Unlock::Key(_) => Ok(None),
                Unlock::Source(KeySource::Passphrase(p)) => Ok(Some(p.clone())),
                Unlock::Source(KeySource::Ask(ask)) => ask(path, reason),
            }
        };
        let asked = matches!(unlock, Unlock::Source(KeySource::Ask(_)));
        let key = match (kind, unlock) {
            (FileKind::Other, _) => return Err(not_a_database(path)),
            (FileKind::Plain, u) => {
                if matches!(u, Unlock::Source(KeySource::Passphrase(_))) && attempt == 1 {
                    warnings.push(Warning::PassphraseUnused {
                        path: path.to_path_buf(),
                    });
                }
                None
            }
            (FileKind::Empty | FileKind::Encrypted(_), Unlock::Key(k)) => Some(k.clone()),
            (FileKind::Empty, _) => match need(AskReason::NewDatabase) {
                Ok(Some(p)) => Some(crypt::derive(&p, &crypt::new_salt()?)?),
                Ok(None) => None,
                Err(e) => {
                    if made && std::fs::metadata(path).is_ok_and(|m| m.len() == 0) {
                        let _ = std::fs::remove_file(path);
                    }
                    return Err(e);
                }
            },
            (FileKind::Encrypted(salt), _) => {
                let reason = if attempt == 1 {
                    AskReason::Existing
                } else {
                    AskReason::Retry { attempt }
                };
                match need(reason)? {
                    Some(p) => Some(crypt::derive(&p, &salt)?),
                    None => {
                        return Err(Error::NeedsPassphrase {
                            path: path.to_path_buf(),
                        }
                        .into());
                    }
                }
            }
        };
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path, flags)
            .map_err(explain_sqlite)
            .map_err(with_path)?;
        crypt::silence(&conn);
        if let Some(k) = &key {
            k.apply(&conn).map_err(with_path)?;
        }
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        register_functions(&conn)?;
        // Read before any write: this fails on a file that is not a database, or on a wrong key.
        let read = conn.query_row(
            "SELECT (SELECT count(*) FROM sqlite_master), (SELECT user_version FROM pragma_user_version)",
            [],
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, u32>(1)?)),
        );
        let (tables, version) = match read {
            Ok(v) => v,
            Err(e) if key.is_some() && e.sqlite_error_code() == Some(ErrorCode::NotADatabase) => {
                drop(conn);
                if asked && attempt < 3 {
                    attempt += 1;
                    continue;
                }
                return Err(Error::WrongPassphrase {
                    path: path.to_path_buf(),
                    asked,
                }
                .into());
            }
            Err(e) => return Err(with_path(explain_access(path, e))),
        };
        // `jobdesk encrypt` or `rekey` in another process may have put a new file in place
        // while this one waited for the lock: then this connection reads the old file, and
        // whatever it wrote would be lost. Open the new one instead.
        if file_id(path) != before && replaced < 3 {
            drop(conn);
            replaced += 1;
            continue;
        }
        check_version(version, path)?;
        if version == 0 && tables > 0 {
            return Err(Error::ForeignDatabase {
                path: path.to_path_buf(),
            }
            .into());
        }
        // secure_delete: deleted rows (an erased citizen, a purged note) are overwritten with
        // zeros, not left in free space.
        conn.execute_batch(
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON;",
        )
        .map_err(|e| explain_access(path, e))
        .map_err(with_path)?;
        if file_id(path) != before && replaced < 3 {
            drop(conn);
            replaced += 1;
            continue;
        }
        return Ok(Opened {
            conn,
            key,
            warnings,
        });
    }
}

/// SQL functions jobdesk's queries use: `fold(text)` folds case and accents like the domain does,
/// so a search for "soren" finds "Søren" in notes too.
pub(crate) fn register_functions(conn: &Connection) -> Result<()> {
    use rusqlite::functions::FunctionFlags;
    conn.create_scalar_function(
        "fold",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let s: Option<String> = ctx.get(0)?;
            Ok(s.map(|s| crate::domain::text::fold(&s)))
        },
    )?;
    Ok(())
}

fn check_version(version: u32, path: &Path) -> Result<()> {
    let latest = latest_version();
    if version > latest {
        return Err(Error::NewerSchema {
            path: Some(path.to_path_buf()),
            version,
            latest,
        }
        .into());
    }
    Ok(())
}

/// Brings the database up to the last migration in one IMMEDIATE transaction. The SQL
/// functions are registered first: a migration may call them (version 8 recomputes the folded
/// names with `fold`), whoever opened the connection.
pub fn migrate(conn: &mut Connection, migrations: &[Migration]) -> Result<()> {
    register_functions(conn)?;
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(explain_sqlite)?;
    let current: u32 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let latest = migrations.last().map(|m| m.version).unwrap_or(0);
    if current > latest {
        return Err(Error::NewerSchema {
            path: None,
            version: current,
            latest,
        }
        .into());
    }
    for m in migrations.iter().filter(|m| m.version > current) {
        tx.execute_batch(&m.sql)
            .map_err(|e| Error::MigrationFailed {
                version: m.version,
                detail: e.to_string(),
            })?;
        tx.pragma_update(None, "user_version", m.version)?;
    }
    tx.commit().map_err(explain_sqlite)?;
    Ok(())
}

#[cfg(unix)]
pub(crate) fn create_private_file(path: &Path) -> Result<()> {
    use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.exists()
    {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(|e| Error::CannotCreateFolder {
                dir: dir.to_path_buf(),
                reason: e.to_string(),
            })?;
    }
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| Error::CannotCreate {
            path: path.to_path_buf(),
            reason: e.to_string(),
        })?;
    Ok(())
}

#[cfg(not(unix))]
pub(crate) fn create_private_file(path: &Path) -> Result<()> {
    // On Windows the user profile's own folder rights keep the file private.
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::CannotCreateFolder {
            dir: dir.to_path_buf(),
            reason: e.to_string(),
        })?;
    }
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| Error::CannotCreate {
            path: path.to_path_buf(),
            reason: e.to_string(),
        })?;
    Ok(())
}

/// SQLite makes the -wal and -shm files with the database's permissions: opened while the
/// database was read-only (`chmod 400`), they stay read-only after it is writable again, and
/// every later opening fails. When the database may be written, its companions are made
/// writable again too (they are this user's, and hold nothing the database does not).
fn writable_companions(path: &Path) {
    let writable = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)
        .is_ok();
    if !writable {
        return;
    }
    let Ok(db) = std::fs::metadata(path) else {
        return;
    };
    for suffix in ["-wal", "-shm", "-journal"] {
        let side = super::safety::with_suffix(path, suffix);
        let Ok(meta) = std::fs::symlink_metadata(&side) else {
            continue;
        };
        if !meta.file_type().is_file() {
            continue;
        }
        let stuck = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(&side)
            .is_err_and(|e| e.kind() == std::io::ErrorKind::PermissionDenied);
        if stuck {
            let _ = std::fs::set_permissions(&side, db.permissions());
        }
    }
}

/// Which file a path names now (device and inode), to notice a file put in place meanwhile.
#[cfg(unix)]
fn file_id(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

/// Windows cannot replace a file that is open, so the path keeps naming the opened file.
#[cfg(not(unix))]
fn file_id(_path: &Path) -> Option<(u64, u64)> {
    None
}

/// Whether users other than the owner may read or write the file.
#[cfg(unix)]
fn readable_by_others(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|meta| meta.permissions().mode() & 0o077 != 0)
}

#[cfg(not(unix))]
fn readable_by_others(_path: &Path) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_has_ordered_versions() {
        let m = parse_schema(SCHEMA);
        assert!(!m.is_empty());
        for (i, mig) in m.iter().enumerate() {
            assert_eq!(
                mig.version as usize,
                i + 1,
                "versions must be 1, 2, 3, … in order"
            );
            assert!(mig.sql.contains("CREATE") || mig.sql.contains("ALTER"));
        }
    }
}
