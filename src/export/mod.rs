//! Hand-over: the contact log to CSV (Danish Excel too), the calendar to iCalendar, everything to
//! JSON. The writers are pure functions over iterators of rows and a `Write`; the store streams
//! the rows (`store::export`), so a five-year log never sits in memory.
//!
//! Files are written atomically: a temporary file in the same folder (mode 0600 on unix), flushed
//! to disk, then renamed over the target, so a reader never sees a half-written or empty file.
//! Every export is recorded in the `exports` table.

pub mod csv;
pub mod ics;
pub mod json;

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

use crate::domain::{Channel, Kind, Outcome, TargetGroup};
use crate::error::{Result, user};
use crate::i18n::Lang;
use crate::store::Store;

/// One entry of the contact log as the CSV export shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct LogRow {
    pub at: NaiveDateTime,
    pub citizen: String,
    pub cpr: Option<String>,
    pub target_group: TargetGroup,
    /// The planned appointment's kind; for an unplanned contact, a mentor visit when the channel
    /// is a mentor's (home visit, walk, workplace), else a conversation.
    pub kind: Kind,
    pub channel: Channel,
    pub outcome: Outcome,
    pub minutes: i64,
    pub note: String,
}

/// The days an export covers, both ends included; `None` leaves that end open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DayRange {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl DayRange {
    pub fn day(d: NaiveDate) -> DayRange {
        DayRange {
            from: Some(d),
            to: Some(d),
        }
    }

    /// The first moment included, if the range has a start.
    pub fn start(&self) -> Option<NaiveDateTime> {
        self.from.map(|d| d.and_time(NaiveTime::MIN))
    }

    /// The first moment after the range, if it has an end.
    pub fn end_exclusive(&self) -> Option<NaiveDateTime> {
        self.to
            .map(|d| (d + Duration::days(1)).and_time(NaiveTime::MIN))
    }

    /// "23.11.2026", "23.11.2026–27.11.2026", "fra 23.11.2026", "til …" or "alle" in words.
    pub fn describe(&self, lang: Lang) -> String {
        let d = |x: NaiveDate| crate::domain::dates::fmt_date(x, lang.da());
        match (self.from, self.to) {
            (Some(a), Some(b)) if a == b => d(a),
            (Some(a), Some(b)) => format!("{}–{}", d(a), d(b)),
            (Some(a), None) => format!("{} {}", lang.t("fra", "from"), d(a)),
            (None, Some(b)) => format!("{} {}", lang.t("til og med", "through"), d(b)),
            (None, None) => lang.t("alle dage", "all days").to_string(),
        }
    }
}

/// What kind of file an export wrote (the `exports.kind` column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    Csv,
    CsvExcel,
    Ics,
    Json,
}

impl ExportKind {
    pub fn key(self) -> &'static str {
        match self {
            ExportKind::Csv => "csv",
            ExportKind::CsvExcel => "csv_excel",
            ExportKind::Ics => "ics",
            ExportKind::Json => "json",
        }
    }

    pub fn parse(s: &str) -> Option<ExportKind> {
        [
            ExportKind::Csv,
            ExportKind::CsvExcel,
            ExportKind::Ics,
            ExportKind::Json,
        ]
        .into_iter()
        .find(|k| k.key() == s)
    }
}

/// One recorded export: what left the database, when, and where to.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportRecord {
    pub at: NaiveDateTime,
    pub kind: ExportKind,
    pub range: DayRange,
    pub rows: u64,
    /// CPR numbers were included.
    pub cpr: bool,
    /// The file written, or `-` for standard output.
    pub path: String,
}

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
            return Err(user("-o is empty: give a file name"));
        }
        let shown = path.display();
        if path.is_dir() {
            return Err(user(format!(
                "-o {shown} is a folder: give a file name, such as {}",
                path.join("export.csv").display()
            )));
        }
        if path.exists() && !force {
            return Err(user(format!(
                "-o {shown} already exists: give --force to replace it, or another file name. Nothing was written"
            )));
        }
        let dir = parent_dir(path);
        if dir.exists() && !dir.is_dir() {
            return Err(user(format!(
                "-o {shown}: {} is a file, not a folder. Choose another path. Nothing was written",
                dir.display()
            )));
        }
        if !dir.is_dir() {
            return Err(user(format!(
                "-o {shown}: the folder {} does not exist. Create it or choose another. Nothing was written",
                dir.display()
            )));
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

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A file written in full to a temporary name beside its target, not yet in place. `persist`
/// renames it over the target; dropping it without that removes it.
#[derive(Debug)]
pub struct PendingFile {
    temp: PathBuf,
    dest: PathBuf,
    force: bool,
    done: bool,
}

impl PendingFile {
    /// Writes the whole file with `f` into a temporary file beside `dest` (mode 0600 on unix),
    /// flushed and synced to disk. Nothing is at `dest` yet.
    pub fn write<T>(
        dest: &Path,
        force: bool,
        f: impl FnOnce(&mut dyn Write) -> Result<T>,
    ) -> Result<(PendingFile, T)> {
        let dir = parent_dir(dest);
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let temp = dir.join(format!(".{name}.{}.tmp", uuid::Uuid::new_v4().simple()));
        let file = create_private(&temp).map_err(|e| {
            user(format!(
                "cannot write in the folder {}: {e}. Check that you may write there, or choose another -o. Nothing was written",
                dir.display()
            ))
        })?;
        let pending = PendingFile {
            temp,
            dest: dest.to_path_buf(),
            force,
            done: false,
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
        let value = written
            .with_context(|| format!("writing {} failed; nothing was written", dest.display()))?;
        Ok((pending, value))
    }

    pub fn dest(&self) -> &Path {
        &self.dest
    }

    /// Puts the file in place (atomically replacing an older one only with `force`).
    pub fn persist(mut self) -> Result<()> {
        if !self.force && self.dest.exists() {
            return Err(user(format!(
                "{} appeared while the export was written: give --force to replace it. Nothing was written",
                self.dest.display()
            )));
        }
        std::fs::rename(&self.temp, &self.dest).map_err(|e| {
            user(format!(
                "cannot put the file in place at {}: {e}. Nothing was written",
                self.dest.display()
            ))
        })?;
        self.done = true;
        sync_dir(&parent_dir(&self.dest));
        Ok(())
    }
}

impl Drop for PendingFile {
    fn drop(&mut self) {
        if !self.done {
            let _ = std::fs::remove_file(&self.temp);
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

/// Writes an export to `target` with `write`, records it and puts the file in place in one step:
/// the record and the file are there together or not at all. (On standard output the record is
/// written once everything has been written.)
pub fn deliver<T>(
    store: &mut Store,
    target: &Target,
    stdout: &mut dyn Write,
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
            let (pending, value) = PendingFile::write(path, *force, |w| write(store, w))?;
            let rec = record(&value);
            store.write(|tx| {
                crate::store::record_export_on(tx, &rec)?;
                pending.persist()
            })?;
            Ok(value)
        }
    }
}

/// The file name of a day's log in the documents folder: `jobdesk-kontaktlog-2026-11-23.csv` (or
/// `jobdesk-contact-log-…` in English); `-2`, `-3`, … when one is there already.
fn free_name(dir: &Path, date: NaiveDate, lang: Lang) -> PathBuf {
    let stem = format!(
        "jobdesk-{}-{}",
        crate::i18n::export::log_file_stem(lang),
        date.format("%Y-%m-%d")
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
    let dirs = directories::UserDirs::new()
        .ok_or_else(|| user("cannot find your home folder to put the file in"))?;
    Ok(dirs
        .document_dir()
        .filter(|d| d.is_dir())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| dirs.home_dir().to_path_buf()))
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
    if !dir.is_dir() {
        return Err(user(format!("the folder {} does not exist", dir.display())));
    }
    let path = free_name(dir, date, lang);
    let target = Target::File {
        path: path.clone(),
        force: false,
    };
    let opts = csv::CsvOptions {
        excel: lang.da(),
        with_cpr: false,
        lang,
    };
    let range = DayRange::day(date);
    let kind = if opts.excel {
        ExportKind::CsvExcel
    } else {
        ExportKind::Csv
    };
    let recorded = target.recorded();
    deliver(
        store,
        &target,
        &mut std::io::sink(),
        |rows| ExportRecord {
            at: now,
            kind,
            range,
            rows: *rows,
            cpr: false,
            path: recorded,
        },
        |store, w| store.stream_log(range, |rows| csv::write_log(w, rows, &opts)),
    )?;
    Ok(path)
}
