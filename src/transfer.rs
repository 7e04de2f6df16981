//! Where the exports meet the store and the file system: the export formats (`export`) are pure
//! functions from rows to a writer; this module streams the rows out of the store into them and
//! delivers the bytes.
//!
//! - Files are written atomically: a temporary file in the same folder (mode 0600 on unix),
//!   flushed to disk, then renamed over the target, so a reader never sees a half-written or empty
//!   file. An existing regular file is replaced only with `--force`; a device, a named pipe or a
//!   folder never.
//! - Nothing is left behind (see `leftovers`): the temporary file is removed on a failed write
//!   (a full disk is said as such), on Ctrl+C, SIGTERM, SIGHUP or a closed console; what a kill
//!   left in the folder is removed before the next file is written there, and recorded.
//! - Every export is recorded in the `exports` table and the audit log, in the same transaction
//!   as the rename: the record and the file are there together or not at all. (On standard
//!   output the record is written once everything has been written.)
//! - `import json` restores a JSON export into an empty database, audited in the same
//!   transaction.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};

use crate::config::Config;
use crate::error::{Result, user};
use crate::export::{DayRange, ExportKind, ExportRecord, csv, ics, json};
use crate::i18n::Lang;
use crate::i18n::cli as words;
use crate::store::{Action, NewAudit, Store};

/// Where an export goes: standard output, or a file written atomically.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Stdout,
    File { path: PathBuf, force: bool },
}

impl Target {
    /// `-o FILE` (`-` or none means standard output). Checks what can be checked before any work:
    /// an existing file without `--force`, a folder, a folder that does not exist.
    pub fn new(path: Option<&Path>, force: bool) -> Result<Target> {
        let Some(path) = path.filter(|p| p.as_os_str() != "-") else {
            return Ok(Target::Stdout);
        };
        if path.as_os_str().is_empty() {
            return Err(words::target_empty());
        }
        let shown = path.display();
        if path.is_dir() {
            return Err(words::target_is_folder(
                &shown.to_string(),
                &path.join("export.csv").display().to_string(),
            ));
        }
        not_special(path)?;
        if path.exists() && !force {
            return Err(words::target_exists(&shown.to_string()));
        }
        let dir = parent_dir(path);
        if dir.exists() && !dir.is_dir() {
            return Err(words::target_parent_is_file(
                &shown.to_string(),
                &dir.display().to_string(),
            ));
        }
        if !dir.is_dir() {
            return Err(words::target_no_folder(
                &shown.to_string(),
                &dir.display().to_string(),
            ));
        }
        Ok(Target::File {
            path: path.to_path_buf(),
            force,
        })
    }

    /// The path as recorded: the file, or `-`.
    pub fn recorded(&self) -> String {
        match self {
            Target::Stdout => "-".into(),
            Target::File { path, .. } => std::path::absolute(path)
                .unwrap_or_else(|_| path.clone())
                .display()
                .to_string(),
        }
    }
}

/// Refuses a path that names a device, a named pipe or a socket (or a link to one): only
/// regular files are written or replaced, `--force` or not.
pub fn not_special(path: &Path) -> Result<()> {
    match crate::store::Special::of(path) {
        Some(kind) => Err(crate::store::Error::NotRegular {
            path: path.to_path_buf(),
            kind,
        }
        .into()),
        None => Ok(()),
    }
}

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A file written in full to a temporary name beside its target, not yet in place. `persist`
/// renames it over the target; dropping it without that removes it. While it exists an
/// interruption removes it too.
#[derive(Debug)]
struct PendingFile {
    temp: PathBuf,
    dest: PathBuf,
    force: bool,
    done: bool,
    _tracked: crate::leftovers::Tracked,
}

impl PendingFile {
    /// Writes the whole file with `f` into a temporary file beside `dest` (mode 0600 on unix),
    /// flushed and synced to disk. Nothing is at `dest` yet.
    fn write<T>(
        dest: &Path,
        force: bool,
        f: impl FnOnce(&mut dyn Write) -> Result<T>,
    ) -> Result<(PendingFile, T)> {
        let dir = parent_dir(dest);
        let temp = crate::leftovers::temp_name(dest, "tmp");
        let tracked = crate::leftovers::track(&temp, dest);
        let file = create_private(&temp).map_err(|e| {
            if crate::leftovers::io_full(&e) {
                return crate::store::Error::NotCreated {
                    path: dest.to_path_buf(),
                    full: true,
                }
                .into();
            }
            words::cannot_write_in(&dir.display().to_string(), &e.to_string())
        })?;
        let pending = PendingFile {
            temp,
            dest: dest.to_path_buf(),
            force,
            done: false,
            _tracked: tracked,
        };
        let written = (|| -> Result<T> {
            let mut w = std::io::BufWriter::with_capacity(1 << 16, file);
            let value = f(&mut w)?;
            let file = w.into_inner().map_err(|e| e.into_error())?;
            file.sync_all()?;
            Ok(value)
        })();
        // On any failure (a full disk, a bad row) `pending` is dropped and the temporary file
        // with it; the target is untouched.
        let value = written.map_err(|e| not_created(e, dest))?;
        Ok((pending, value))
    }

    /// Puts the file in place (atomically replacing an older regular file only with `force`).
    /// The caller keeps it, or undoes it when what goes with it (the record) fails.
    fn persist(mut self) -> Result<crate::leftovers::Placed> {
        if !self.force && self.dest.exists() {
            return Err(words::target_appeared(&self.dest.display().to_string()));
        }
        not_special(&self.dest)?;
        let placed = crate::leftovers::place(&self.temp, &self.dest).map_err(|e| {
            words::cannot_put_in_place(&self.dest.display().to_string(), &e.to_string())
        })?;
        self.done = true;
        sync_dir(&parent_dir(&self.dest));
        Ok(placed)
    }

    /// [`PendingFile::persist`] inside `commit` (a database transaction that records the
    /// file): the file is in place exactly when the transaction committed. Should the commit
    /// fail after the rename (a full disk), the file is taken away again.
    fn persist_with(
        self,
        commit: impl FnOnce(&mut dyn FnMut() -> Result<()>) -> Result<()>,
    ) -> Result<()> {
        let dest = self.dest.clone();
        // No interruption between the rename and the commit: it waits until the file and its
        // record are there together (or neither), and then says which.
        let _hold = crate::leftovers::hold();
        let mut pending = Some(self);
        let mut placed = None;
        let done = commit(&mut || {
            if let Some(p) = pending.take() {
                placed = Some(p.persist()?);
            }
            Ok(())
        });
        match (done, placed) {
            (Ok(()), Some(p)) => {
                p.keep();
                crate::leftovers::complete(&dest);
                Ok(())
            }
            (Ok(()), None) => Ok(()),
            (Err(e), Some(p)) => {
                p.undo();
                Err(not_created(e, &dest))
            }
            (Err(e), None) => Err(e),
        }
    }
}

/// A failed write of `dest`, said as such: a full disk in plain words (exit 1), else what
/// failed with the file named.
fn not_created(e: anyhow::Error, dest: &Path) -> anyhow::Error {
    if crate::leftovers::disk_full(&e) {
        return crate::store::Error::NotCreated {
            path: dest.to_path_buf(),
            full: true,
        }
        .into();
    }
    words::writing_failed(e, &dest.display().to_string())
}

impl Drop for PendingFile {
    fn drop(&mut self) {
        if !self.done {
            let _ = std::fs::remove_file(&self.temp);
            for suffix in crate::leftovers::COMPANIONS {
                let mut p = self.temp.as_os_str().to_owned();
                p.push(suffix);
                let _ = std::fs::remove_file(PathBuf::from(p));
            }
        }
    }
}

#[cfg(unix)]
fn create_private(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
}

#[cfg(not(unix))]
fn create_private(path: &Path) -> std::io::Result<std::fs::File> {
    // On Windows the user profile's own folder rights keep the file private.
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
}

#[cfg(unix)]
fn sync_dir(dir: &Path) {
    // The rename itself is durable only once the folder is synced.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) {}

/// The file name of a day's log in the documents folder: `jobdesk-kontaktlog-2026-11-23.csv` (or
/// `jobdesk-contact-log-…` in English); `-2`, `-3`, … when one is there already.
fn free_name(dir: &Path, range: DayRange, lang: Lang) -> PathBuf {
    let day = |d: Option<NaiveDate>| {
        d.map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default()
    };
    let days = if range.from == range.to {
        day(range.from)
    } else {
        format!("{}_{}", day(range.from), day(range.to))
    };
    let stem = format!(
        "jobdesk-{}-{days}",
        crate::i18n::export::log_file_stem(lang),
    );
    let mut path = dir.join(format!("{stem}.csv"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{stem}-{n}.csv"));
        n += 1;
    }
    path
}

/// The user's documents folder (`directories::UserDirs`), else their home folder (also when the
/// documents folder is configured but does not exist).
pub fn documents_dir() -> Result<PathBuf> {
    let dirs = directories::UserDirs::new().ok_or_else(words::no_home_folder)?;
    Ok(dirs
        .document_dir()
        .filter(|d| d.is_dir())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| dirs.home_dir().to_path_buf()))
}

/// Writes an export to `target` with `write`, records it and puts the file in place in one step:
/// the record and the file are there together or not at all. (On standard output the record is
/// written once everything has been written.)
fn deliver<T>(
    store: &mut Store,
    target: &Target,
    stdout: &mut dyn Write,
    at: NaiveDateTime,
    record: impl FnOnce(&T) -> ExportRecord,
    write: impl FnOnce(&Store, &mut dyn Write) -> Result<T>,
) -> Result<T> {
    match target {
        Target::Stdout => {
            let value = write(store, stdout)?;
            stdout.flush()?;
            store.record_export(&record(&value))?;
            Ok(value)
        }
        Target::File { path, force } => {
            store.clear_leftovers(&parent_dir(path), at)?;
            let (pending, value) = PendingFile::write(path, *force, |w| write(store, w))?;
            let rec = record(&value);
            pending.persist_with(|persist| store.record_export_then(&rec, persist))?;
            Ok(value)
        }
    }
}

/// The contact log of `range` as CSV to `target` (`stdout` when it is standard output),
/// streamed from the store; recorded as made at `at`. Returns the number of contacts.
pub fn export_log(
    store: &mut Store,
    target: &Target,
    stdout: &mut dyn Write,
    range: DayRange,
    opts: &csv::CsvOptions,
    at: NaiveDateTime,
) -> Result<u64> {
    let kind = if opts.excel {
        ExportKind::CsvExcel
    } else {
        ExportKind::Csv
    };
    let path = target.recorded();
    deliver(
        store,
        target,
        stdout,
        at,
        |rows| ExportRecord {
            at,
            kind,
            range,
            rows: *rows,
            cpr: opts.with_cpr,
            path,
        },
        |store, w| store.stream_log(range, |rows| csv::write_log(w, rows, opts)),
    )
}

/// The appointments of `range` as iCalendar to `target`, streamed from the store; recorded as
/// made at `opts.now`. Returns the number of appointments.
pub fn export_calendar(
    store: &mut Store,
    target: &Target,
    stdout: &mut dyn Write,
    range: DayRange,
    opts: &ics::IcsOptions,
) -> Result<u64> {
    let path = target.recorded();
    deliver(
        store,
        target,
        stdout,
        opts.now,
        |rows| ExportRecord {
            at: opts.now,
            kind: ExportKind::Ics,
            range,
            rows: *rows,
            cpr: false,
            path,
        },
        |store, w| {
            let window = ics::Window {
                from: range.start(),
                to: range.end_exclusive(),
            };
            let series = store.calendar_series(window.from, window.to)?;
            store.stream_appointments(range, |rows| {
                ics::write_calendar(w, rows, &series, window, opts)
            })
        },
    )
}

/// Everything the consultant keeps, with `config` (the settings file, if there is one), as JSON
/// to `target`, streamed from the store; recorded as made at `at`. Returns what was written.
pub fn export_everything(
    store: &mut Store,
    target: &Target,
    stdout: &mut dyn Write,
    config: Option<&Config>,
    at: NaiveDateTime,
) -> Result<json::Counts> {
    let path = target.recorded();
    deliver(
        store,
        target,
        stdout,
        at,
        |c: &json::Counts| ExportRecord {
            at,
            kind: ExportKind::Json,
            range: DayRange::default(),
            rows: c.total(),
            cpr: true,
            path,
        },
        |store, w| store.stream_everything(|rows| json::write_all(w, config, rows)),
    )
}

/// Restores a JSON export read from `input` into `store`, which must be empty: all of it or
/// nothing, audited as an import from `shown` (the file's name as the user gave it) at `at`.
pub fn import_everything(
    store: &mut Store,
    input: impl Read,
    shown: &str,
    at: NaiveDateTime,
) -> Result<json::Restored> {
    store.restore(
        |sink| json::read_all(input, sink),
        |r| {
            NewAudit::new(at, Action::Import)
                .rows(r.counts.total())
                .detail(format!("json <- {shown}"))
        },
    )
}

/// Writes `bytes` to `path` atomically (a temporary file beside it, mode 0600 on unix, then a
/// rename); an existing file is replaced only with `force`.
pub fn write_file(path: &Path, force: bool, bytes: &[u8]) -> Result<()> {
    not_special(path)?;
    crate::leftovers::sweep(&parent_dir(path)).report();
    let (pending, ()) = PendingFile::write(path, force, |w| {
        w.write_all(bytes)?;
        Ok(())
    })?;
    pending.persist()?.keep();
    Ok(())
}

/// The terminal app's `x`: writes the day's contact log to the documents folder (the Excel form
/// when the language is Danish, plain CSV otherwise; no CPR), records the export, and returns the
/// file's path. The file holds personal data: the caller says so on screen.
pub fn day_to_documents(
    store: &mut Store,
    date: NaiveDate,
    lang: Lang,
    now: NaiveDateTime,
) -> Result<PathBuf> {
    day_to_folder(store, &documents_dir()?, date, lang, now)
}

/// [`day_to_documents`] into a given folder (tests, and callers with their own folder).
pub fn day_to_folder(
    store: &mut Store,
    dir: &Path,
    date: NaiveDate,
    lang: Lang,
    now: NaiveDateTime,
) -> Result<PathBuf> {
    log_to_folder(store, dir, DayRange::day(date), lang.da(), lang, now)
}

/// The desk's `x` as asked: the contact log of `range` into a new file in `dir` (the Excel form
/// with `excel`, plain CSV otherwise; no CPR), recorded as an export; returns the file's path.
pub fn log_to_folder(
    store: &mut Store,
    dir: &Path,
    range: DayRange,
    excel: bool,
    lang: Lang,
    now: NaiveDateTime,
) -> Result<PathBuf> {
    if !dir.is_dir() {
        return Err(user(crate::i18n::export::no_folder(
            lang,
            &dir.display().to_string(),
        )));
    }
    let path = free_name(dir, range, lang);
    let target = Target::File {
        path: path.clone(),
        force: false,
    };
    let opts = csv::CsvOptions {
        excel,
        with_cpr: false,
        lang,
    };
    export_log(store, &target, &mut std::io::sink(), range, &opts, now)?;
    Ok(path)
}

/// A hand-over to a colleague: the rows of the citizens `ids` into a new jobdesk database at
/// `target`, encrypted with `pass` (mode 0600 on unix, written under a temporary name beside it
/// and renamed into place). The export is in this database's audit log (who, how many, the
/// file; no personal data), in the same transaction as the rename. Returns what was handed over.
pub fn handover_to_file(
    store: &mut Store,
    ids: &[i64],
    target: &Target,
    pass: &crate::store::Passphrase,
    consultant: Option<String>,
    now: NaiveDateTime,
) -> Result<crate::store::Handover> {
    use crate::store::{Create, KeySource, OpenOptions};
    let Target::File { path, force } = target else {
        return Err(words::handover_needs_file());
    };
    let handover = store.handover_out(ids, consultant, now)?;
    store.clear_leftovers(&parent_dir(path), now)?;
    let (pending, ()) = PendingFile::write(path, *force, |_| Ok(()))?;
    let temp = pending.temp.clone();
    let filled = (|| -> Result<()> {
        let opts = OpenOptions::new(Create::Yes).key(KeySource::Passphrase(pass.clone()));
        let mut file = Store::open(&temp, &opts)?;
        file.fill_handover(
            &handover,
            NewAudit::new(now, Action::Import)
                .rows(handover.rows())
                .detail("handover"),
        )?;
        drop(file);
        std::fs::File::open(&temp)?.sync_all()?;
        Ok(())
    })();
    let cleanup = || {
        for suffix in ["-wal", "-shm", "-journal"] {
            let mut p = temp.as_os_str().to_owned();
            p.push(suffix);
            let _ = std::fs::remove_file(PathBuf::from(p));
        }
    };
    if let Err(e) = filled {
        cleanup();
        return Err(not_created(e, path));
    }
    cleanup();
    let audit = NewAudit::new(now, Action::Export)
        .rows(handover.citizens.len() as u64)
        .detail(format!(
            "handover ({} rows) -> {}",
            handover.rows(),
            target.recorded()
        ));
    pending.persist_with(|persist| {
        store.write(|tx| {
            crate::store::record_audit_on(tx, &audit)?;
            persist()
        })
    })?;
    Ok(handover)
}

/// Merges the hand-over file at `path` (opened with `pass`) into `store`, all or nothing,
/// audited as an import from `shown` at `now`. A file that cannot be opened or read, or that is
/// no hand-over (or one from a newer jobdesk), is refused as the user's error with nothing
/// merged; `words` words those refusals.
pub fn handover_from_file(
    store: &mut Store,
    path: &Path,
    pass: &crate::store::Passphrase,
    shown: &str,
    now: NaiveDateTime,
    lang: Lang,
) -> Result<crate::store::Merged> {
    use crate::i18n::handover as words;
    use crate::store::{Create, HANDOVER_FORMAT, KeySource, OpenOptions};
    if !path.is_file() {
        return Err(user(words::not_a_file(lang, shown)));
    }
    let opts = OpenOptions::new(Create::No).key(KeySource::Passphrase(pass.clone()));
    let refuse = |e: anyhow::Error| {
        // The user's error (exit 2) whatever the cause: the file is what they gave. A wrong
        // passphrase is said as the hand-over's own (not the database's JOBDESK_PASSPHRASE).
        let wrong = e.chain().any(|c| {
            matches!(
                c.downcast_ref::<crate::store::Error>(),
                Some(crate::store::Error::WrongPassphrase { .. })
            )
        });
        let why = if wrong {
            words::wrong_passphrase(lang).to_string()
        } else {
            crate::i18n::errors::message(&e, lang)
        };
        user(words::cannot_open(lang, shown, &why))
    };
    let file = Store::open(path, &opts).map_err(refuse)?;
    match file.handover_format().map_err(refuse)? {
        None => return Err(user(words::not_a_handover(lang, shown))),
        Some(v) if v > HANDOVER_FORMAT => return Err(user(words::newer(lang, shown))),
        Some(_) => {}
    }
    let handover = file.read_handover().map_err(refuse)?;
    drop(file);
    store.merge_handover(&handover, |m| {
        NewAudit::new(now, Action::Import)
            .rows(m.added as u64 + m.updated as u64)
            .detail(format!(
                "handover <- {shown}: {} added, {} updated, {} conflicts",
                m.added,
                m.updated,
                m.conflicts.len()
            ))
    })
}
