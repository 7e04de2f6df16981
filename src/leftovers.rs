//! Nothing left behind: the files jobdesk writes under a temporary name before it puts them in
//! place (an export's `.F.jobdesk-PID-HEX.tmp`, a backup's `F.partial-PID`, the database's
//! `.converting` copy), and what happens to them when the process is interrupted.
//!
//! - Every such file is [`track`]ed while it is being written. Ctrl+C, SIGTERM and SIGHUP (on
//!   Windows: Ctrl+C, Ctrl+Break, closing the console window, logging off, shutting down) remove
//!   the tracked files, with SQLite's companions (-wal, -shm, -journal), and say so on stderr;
//!   then the process ends with the signal, or, while the desk runs, the desk is told
//!   ([`on_termination`]) so that it saves the draft and ends itself.
//! - A kill -9 (or a power cut) leaves them. So whatever writes into a folder first [`sweep`]s it:
//!   files named like ours whose process no longer runs are removed, and reported on stderr; a
//!   file named like ours that jobdesk did not make (not a regular file, another user's, or one
//!   others may read: jobdesk makes them 0600) is reported and left alone.
//! - [`place`] renames a finished file over its target and can undo that (putting back a file it
//!   replaced), for a record in the database that fails to commit after the rename.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU8, AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, OnceLock, PoisonError};
use std::time::Duration;

use crate::i18n::Lang;

/// The files SQLite may keep beside a database-format file.
pub const COMPANIONS: [&str; 3] = ["-wal", "-shm", "-journal"];

/// `path` with `suffix` added to its file name.
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

// --- Names ---------------------------------------------------------------------------------

/// A fresh temporary name beside `dest`: `.{name}.jobdesk-{pid}-{16 hex}.{ext}`. The process id
/// in it tells a later sweep whether the writer still runs.
pub fn temp_name(dest: &Path, ext: &str) -> PathBuf {
    let name = dest
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let hex = uuid::Uuid::new_v4().simple().to_string();
    let short = hex.get(..16).unwrap_or(&hex);
    parent_dir(dest).join(format!(
        ".{name}.jobdesk-{}-{short}.{ext}",
        std::process::id()
    ))
}

/// A backup's partial file beside `dest`: `{name}.partial-{pid}`.
pub fn partial_name(dest: &Path) -> PathBuf {
    with_suffix(dest, &format!(".partial-{}", std::process::id()))
}

/// The process id in a name jobdesk gives its temporary files (a companion's too), or `None`
/// for any other name.
fn writer_of(name: &str) -> Option<u32> {
    let base = COMPANIONS
        .iter()
        .find_map(|s| name.strip_suffix(s))
        .unwrap_or(name);
    if let Some((_, pid)) = base.rsplit_once(".partial-") {
        return digits(pid);
    }
    let rest = base
        .strip_prefix('.')?
        .strip_suffix(".tmp")
        .or_else(|| base.strip_prefix('.')?.strip_suffix(".old"))?;
    let (_, tail) = rest.rsplit_once(".jobdesk-")?;
    let (pid, hex) = tail.split_once('-')?;
    (hex.len() == 16 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
        .then_some(())
        .and_then(|()| digits(pid))
}

fn digits(s: &str) -> Option<u32> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn is_companion(name: &str) -> bool {
    COMPANIONS.iter().any(|s| name.ends_with(s))
}

// --- The files in flight -------------------------------------------------------------------

struct Entry {
    id: u64,
    temp: PathBuf,
    dest: PathBuf,
}

static INFLIGHT: Mutex<Vec<Entry>> = Mutex::new(Vec::new());
static NEXT: AtomicU64 = AtomicU64::new(1);

/// A temporary file being written: an interruption removes it (with its companions) until this
/// is dropped. Dropping it does not remove the file: its writer does that, or puts it in place.
#[derive(Debug)]
#[must_use = "the file is tracked only while this lives"]
pub struct Tracked {
    id: u64,
}

/// Tracks `temp` (to become `dest`) from now on; call it before the file is created. Installs
/// the handling of interruptions on first use.
pub fn track(temp: &Path, dest: &Path) -> Tracked {
    install();
    let id = NEXT.fetch_add(1, Ordering::Relaxed);
    INFLIGHT
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push(Entry {
            id,
            temp: temp.to_path_buf(),
            dest: dest.to_path_buf(),
        });
    Tracked { id }
}

impl Drop for Tracked {
    fn drop(&mut self) {
        INFLIGHT
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .retain(|e| e.id != self.id);
    }
}

fn is_tracked(path: &Path) -> bool {
    INFLIGHT
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .iter()
        .any(|e| e.temp == path)
}

/// Removes every tracked file and its companions; returns those that were there, with their
/// targets. The list stays locked afterwards only for the moment of the removal.
fn remove_inflight() -> Vec<(PathBuf, PathBuf)> {
    let list = INFLIGHT.lock().unwrap_or_else(PoisonError::into_inner);
    let mut removed = Vec::new();
    for e in list.iter() {
        let was = std::fs::remove_file(&e.temp).is_ok();
        for s in COMPANIONS {
            let _ = std::fs::remove_file(with_suffix(&e.temp, s));
        }
        if was {
            removed.push((e.temp.clone(), e.dest.clone()));
        }
    }
    removed
}

// --- The language of what is said here -------------------------------------------------------

static LANG: AtomicU8 = AtomicU8::new(0);

/// The language this run speaks (the signal path and the sweeps say what they removed in it).
pub fn set_lang(lang: Lang) {
    LANG.store(if lang.da() { 1 } else { 2 }, Ordering::Relaxed);
}

fn lang() -> Lang {
    match LANG.load(Ordering::Relaxed) {
        1 => Lang::Da,
        2 => Lang::En,
        _ => Lang::from_env(),
    }
}

// --- Interruptions ---------------------------------------------------------------------------

type Hook = Arc<dyn Fn() + Send + Sync>;

static HOOK: Mutex<Option<Hook>> = Mutex::new(None);
/// Set when the desk that took the interruptions has finished (its draft is saved).
static FINISHED: (Mutex<bool>, Condvar) = (Mutex::new(false), Condvar::new());

/// While this lives, an interruption does not end the process: `f` is called (after the tracked
/// files are removed) and the holder ends itself. On Windows the console's close event waits
/// (about 4 seconds at most) until this is dropped, since the system ends the process as soon
/// as the handler returns.
#[must_use = "the interruptions are taken only while this lives"]
pub struct Termination(());

/// Takes the interruptions for the desk: see [`Termination`]. Also while the terminal is the
/// desk's, nothing is written on stderr here.
pub fn on_termination(f: impl Fn() + Send + Sync + 'static) -> std::io::Result<Termination> {
    try_install()?;
    *FINISHED.0.lock().unwrap_or_else(PoisonError::into_inner) = false;
    *HOOK.lock().unwrap_or_else(PoisonError::into_inner) = Some(Arc::new(f));
    Ok(Termination(()))
}

impl Drop for Termination {
    fn drop(&mut self) {
        *HOOK.lock().unwrap_or_else(PoisonError::into_inner) = None;
        let (done, cv) = &FINISHED;
        *done.lock().unwrap_or_else(PoisonError::into_inner) = true;
        cv.notify_all();
    }
}

/// Whether the desk holds the terminal (then nothing is said on stderr here).
fn quiet() -> bool {
    HOOK.lock()
        .unwrap_or_else(PoisonError::into_inner)
        .is_some()
}

/// The files this run put in place and recorded: an interruption after that says they are
/// complete (the process still ends with the signal, but nothing about them is unfinished).
static COMPLETE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// `dest` is in place and recorded: an interruption from now on says it is complete.
pub fn complete(dest: &Path) {
    COMPLETE
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push(dest.to_path_buf());
}

/// How many [`Hold`]s live, and the first interruption that arrived meanwhile.
static HOLD: Mutex<(usize, Option<i32>)> = Mutex::new((0, None));

/// While this lives an interruption waits: a file is being put in place and recorded in one
/// step (the rename and the commit), and ending between the two would leave a file without its
/// record. When the last one is dropped, a waiting interruption is handled then.
#[must_use = "interruptions wait only while this lives"]
pub struct Hold(());

/// Holds interruptions back until the returned [`Hold`] is dropped.
pub fn hold() -> Hold {
    install();
    HOLD.lock().unwrap_or_else(PoisonError::into_inner).0 += 1;
    Hold(())
}

impl Drop for Hold {
    fn drop(&mut self) {
        let waiting = release(&mut HOLD.lock().unwrap_or_else(PoisonError::into_inner));
        if let Some(sig) = waiting {
            os::deliver(sig);
        }
    }
}

/// Whether an interruption must wait (a [`Hold`] lives); then it is kept for the hold's end.
#[cfg_attr(not(any(unix, windows)), allow(dead_code))]
fn held(sig: i32) -> bool {
    keep_if_held(
        &mut HOLD.lock().unwrap_or_else(PoisonError::into_inner),
        sig,
    )
}

/// [`held`] on the holds' state.
fn keep_if_held(h: &mut (usize, Option<i32>), sig: i32) -> bool {
    if h.0 > 0 {
        h.1.get_or_insert(sig);
        true
    } else {
        false
    }
}

/// One hold ends: the interruption that waited, when it was the last.
fn release(h: &mut (usize, Option<i32>)) -> Option<i32> {
    h.0 = h.0.saturating_sub(1);
    if h.0 == 0 { h.1.take() } else { None }
}

/// What an interruption says on stderr: the unfinished files it removed, and the files this
/// run finished (complete and recorded, whatever the exit code).
fn interruption_lines(
    l: Lang,
    removed: &[(PathBuf, PathBuf)],
    complete: &[PathBuf],
) -> Vec<String> {
    let mut lines: Vec<String> = removed
        .iter()
        .map(|(temp, dest)| {
            crate::i18n::safety::interrupted_removed(
                l,
                &temp.display().to_string(),
                &dest.display().to_string(),
            )
        })
        .collect();
    lines.extend(
        complete
            .iter()
            .map(|d| crate::i18n::safety::interrupted_complete(l, &d.display().to_string())),
    );
    lines
}

/// An interruption arrived: removes the tracked files and says so, then hands over to the desk
/// if it took the interruptions. Returns whether it did (else the caller ends the process).
fn interrupted() -> bool {
    let removed = remove_inflight();
    let hook = HOOK.lock().unwrap_or_else(PoisonError::into_inner).clone();
    match hook {
        Some(h) => {
            h();
            true
        }
        None => {
            let complete = COMPLETE
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .clone();
            for line in interruption_lines(lang(), &removed, &complete) {
                eprintln!("jobdesk: {line}");
            }
            false
        }
    }
}

/// Installs the handling of interruptions once per process (a failure is tried again next time).
pub fn install() {
    let _ = try_install();
}

fn try_install() -> std::io::Result<()> {
    static DONE: OnceLock<()> = OnceLock::new();
    static LOCK: Mutex<()> = Mutex::new(());
    if DONE.get().is_some() {
        return Ok(());
    }
    let _guard = LOCK.lock().unwrap_or_else(PoisonError::into_inner);
    if DONE.get().is_none() {
        os::install()?;
        let _ = DONE.set(());
    }
    Ok(())
}

#[cfg(unix)]
mod os {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

    pub fn install() -> std::io::Result<()> {
        let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])?;
        std::thread::Builder::new()
            .name("interruptions".into())
            .spawn(move || {
                for sig in signals.forever() {
                    if !super::held(sig) {
                        deliver(sig);
                    }
                }
            })?;
        Ok(())
    }

    /// Handles an interruption: the tracked files go, and the process ends as the signal would
    /// have ended it (the caller sees which), unless the desk took it.
    pub fn deliver(sig: i32) {
        if !super::interrupted() {
            let _ = signal_hook::low_level::emulate_default_handler(sig);
            std::process::exit(128 + sig);
        }
    }
}

#[cfg(windows)]
mod os {
    use windows_sys::Win32::System::Console::{
        CTRL_BREAK_EVENT, CTRL_C_EVENT, SetConsoleCtrlHandler,
    };
    use windows_sys::core::BOOL;

    const TRUE: BOOL = 1;

    /// What Windows' own handler ends a process with on Ctrl+C (STATUS_CONTROL_C_EXIT).
    const CONTROL_C_EXIT: i32 = 0xC000_013Au32 as i32;

    /// Runs on a thread the system starts for the event. For closing the window, logging off
    /// and shutting down, the system ends the process when this returns (or after a few
    /// seconds): so the work is done here, before returning.
    unsafe extern "system" fn handler(kind: u32) -> BOOL {
        if (kind == CTRL_C_EVENT || kind == CTRL_BREAK_EVENT) && super::held(kind as i32) {
            return TRUE;
        }
        if super::interrupted() {
            if kind != CTRL_C_EVENT && kind != CTRL_BREAK_EVENT {
                super::wait_finished(super::Duration::from_millis(4_000));
            }
            return TRUE;
        }
        std::process::exit(if kind == CTRL_C_EVENT || kind == CTRL_BREAK_EVENT {
            CONTROL_C_EXIT
        } else {
            1
        });
    }

    /// Handles a Ctrl+C or Ctrl+Break that waited for a [`super::Hold`].
    pub fn deliver(kind: i32) {
        if !super::interrupted() {
            std::process::exit(
                if kind as u32 == CTRL_BREAK_EVENT || kind as u32 == CTRL_C_EVENT {
                    CONTROL_C_EXIT
                } else {
                    1
                },
            );
        }
    }

    pub fn install() -> std::io::Result<()> {
        // SAFETY: registers a handler function that lives as long as the program.
        if unsafe { SetConsoleCtrlHandler(Some(handler), TRUE) } == 0 {
            return Err(std::io::Error::last_os_error());
        }
        Ok(())
    }
}

#[cfg(not(any(unix, windows)))]
mod os {
    pub fn install() -> std::io::Result<()> {
        Ok(())
    }

    pub fn deliver(_sig: i32) {}
}

/// Waits until the desk that took the interruptions has finished, at most `limit`.
#[cfg_attr(not(windows), allow(dead_code))]
fn wait_finished(limit: Duration) {
    let (done, cv) = &FINISHED;
    let guard = done.lock().unwrap_or_else(PoisonError::into_inner);
    let _ = cv.wait_timeout_while(guard, limit, |finished| !*finished);
}

// --- Leftovers of a kill -9 ------------------------------------------------------------------

/// What a sweep of a folder found.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Swept {
    /// Leftovers of an interrupted jobdesk, removed (companions not listed).
    pub removed: Vec<PathBuf>,
    /// Named like jobdesk's temporary files but not made by jobdesk: left alone.
    pub foreign: Vec<PathBuf>,
}

impl Swept {
    pub fn is_empty(&self) -> bool {
        self.removed.is_empty() && self.foreign.is_empty()
    }

    /// Says on stderr, in this run's language, what was removed and what was left alone
    /// (nothing while the desk holds the terminal).
    pub fn report(&self) {
        if quiet() {
            return;
        }
        let l = lang();
        for p in &self.removed {
            eprintln!(
                "jobdesk: {}",
                crate::i18n::safety::leftover_removed(l, &p.display().to_string())
            );
        }
        for p in &self.foreign {
            eprintln!(
                "jobdesk: {}",
                crate::i18n::safety::leftover_foreign(l, &p.display().to_string())
            );
        }
    }
}

/// Removes from `dir` the temporary files an interrupted jobdesk left (named as jobdesk names
/// them, with the id of a process that no longer runs, and made as jobdesk makes them); reports
/// others named so but not made so. Files of a jobdesk still running are left alone.
pub fn sweep(dir: &Path) -> Swept {
    let mut found = Swept::default();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return found;
    };
    let me = std::process::id();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(pid) = writer_of(name) else { continue };
        let path = entry.path();
        if (pid == me && is_tracked_base(&path)) || (pid != me && running(pid)) {
            continue;
        }
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if !made_by_us(&meta) {
            if !is_companion(name) {
                found.foreign.push(path);
            }
            continue;
        }
        if std::fs::remove_file(&path).is_ok() && !is_companion(name) {
            found.removed.push(path);
        }
    }
    found.removed.sort();
    found.foreign.sort();
    found
}

/// Whether `path` (or the file it is a companion of) is being written by this process.
fn is_tracked_base(path: &Path) -> bool {
    let s = path.to_string_lossy();
    let base = COMPANIONS
        .iter()
        .find_map(|c| s.strip_suffix(c))
        .unwrap_or(&s);
    is_tracked(Path::new(base))
}

/// A regular file of this user that nobody else may read: as jobdesk makes its files.
#[cfg(unix)]
fn made_by_us(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid has no preconditions and cannot fail.
    let uid = unsafe { libc::geteuid() };
    meta.file_type().is_file() && meta.uid() == uid && meta.mode() & 0o077 == 0
}

#[cfg(not(unix))]
fn made_by_us(meta: &std::fs::Metadata) -> bool {
    // On Windows the user profile's folder rights keep them private; a regular file it is.
    meta.file_type().is_file()
}

/// Whether a process with this id runs now (on doubt: yes, so nothing is removed).
#[cfg(unix)]
fn running(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return true;
    };
    if pid <= 0 {
        return true;
    }
    // SAFETY: signal 0 only asks whether the process exists; nothing is sent.
    let r = unsafe { libc::kill(pid, 0) };
    r == 0 || std::io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
}

#[cfg(windows)]
fn running(pid: u32) -> bool {
    use windows_sys::Win32::Foundation::{CloseHandle, STILL_ACTIVE};
    use windows_sys::Win32::System::Threading::{
        GetExitCodeProcess, OpenProcess, PROCESS_QUERY_LIMITED_INFORMATION,
    };
    // SAFETY: plain Win32 calls on a handle this function opens and closes.
    unsafe {
        let h = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, 0, pid);
        if h.is_null() {
            // ERROR_INVALID_PARAMETER: no such process. Anything else (access denied): it runs.
            return std::io::Error::last_os_error().raw_os_error() != Some(87);
        }
        let mut code = 0u32;
        let ok = GetExitCodeProcess(h, &mut code) != 0;
        CloseHandle(h);
        !ok || code == STILL_ACTIVE as u32
    }
}

#[cfg(not(any(unix, windows)))]
fn running(_pid: u32) -> bool {
    true
}

// --- Putting a finished file in place --------------------------------------------------------

/// A file put in place by [`place`], until [`Placed::keep`] (it stays) or [`Placed::undo`] (it
/// goes, and a file it replaced comes back).
#[derive(Debug)]
#[must_use = "keep or undo it"]
pub struct Placed {
    dest: PathBuf,
    /// The replaced file, kept under a temporary name meanwhile.
    old: Option<(PathBuf, Tracked)>,
}

/// Renames `temp` over `dest` in one step (a reader sees the old file or the new one). A
/// regular file at `dest` is kept under a second name (a hard link) until the caller keeps or
/// undoes the change.
pub fn place(temp: &Path, dest: &Path) -> std::io::Result<Placed> {
    let mut old = None;
    if std::fs::symlink_metadata(dest).is_ok_and(|m| m.file_type().is_file()) {
        let keep = temp_name(dest, "old");
        let tracked = track(&keep, dest);
        if std::fs::hard_link(dest, &keep).is_ok() {
            old = Some((keep, tracked));
        }
    }
    if let Err(e) = std::fs::rename(temp, dest) {
        if let Some((keep, _)) = &old {
            let _ = std::fs::remove_file(keep);
        }
        return Err(e);
    }
    Ok(Placed {
        dest: dest.to_path_buf(),
        old,
    })
}

impl Placed {
    /// The new file stays; the replaced one goes.
    pub fn keep(self) {
        if let Some((keep, _)) = &self.old {
            let _ = std::fs::remove_file(keep);
        }
    }

    /// The new file goes; a replaced one is put back. Returns whether a replaced one came back.
    pub fn undo(self) -> bool {
        match &self.old {
            Some((keep, _)) => std::fs::rename(keep, &self.dest).is_ok(),
            None => {
                let _ = std::fs::remove_file(&self.dest);
                false
            }
        }
    }
}

// --- Failures worth their own words -----------------------------------------------------------

/// Whether `e` (any cause in it) is a full disk, a full quota or a file grown past its limit:
/// the write could not be finished for want of room.
pub fn disk_full(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        if let Some(io) = c.downcast_ref::<std::io::Error>() {
            return io_full(io);
        }
        if let Some(s) = c.downcast_ref::<crate::store::Error>() {
            return match s {
                crate::store::Error::DiskFull => true,
                crate::store::Error::Io(io) => io_full(io),
                crate::store::Error::Sqlite(e) => {
                    e.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull)
                }
                _ => false,
            };
        }
        // The csv and serde_json errors name no source: their I/O error is inside.
        if let Some(e) = c.downcast_ref::<csv::Error>() {
            return matches!(e.kind(), csv::ErrorKind::Io(io) if io_full(io));
        }
        if let Some(e) = c.downcast_ref::<serde_json::Error>() {
            return e.io_error_kind().is_some_and(kind_full);
        }
        c.downcast_ref::<rusqlite::Error>()
            .is_some_and(|e| e.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull))
    })
}

fn kind_full(kind: std::io::ErrorKind) -> bool {
    use std::io::ErrorKind;
    matches!(
        kind,
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded | ErrorKind::FileTooLarge
    )
}

/// [`disk_full`] for one I/O error.
pub fn io_full(io: &std::io::Error) -> bool {
    kind_full(io.kind())
        || io
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<csv::Error>())
            .is_some_and(|e| matches!(e.kind(), csv::ErrorKind::Io(io) if io_full(io)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_interruption_waits_for_the_last_hold_and_then_says_the_file_is_complete() {
        let mut h = (0, None);
        assert!(!keep_if_held(&mut h, 2), "nothing held: handled at once");
        h.0 = 2;
        assert!(keep_if_held(&mut h, 2));
        assert!(keep_if_held(&mut h, 15), "the first one is kept");
        assert_eq!(release(&mut h), None, "one hold still lives");
        assert_eq!(release(&mut h), Some(2), "then it is handled");
        assert_eq!(h, (0, None));
        let done = [PathBuf::from("/tmp/log.csv")];
        assert_eq!(
            interruption_lines(Lang::Da, &[], &done),
            ["afbrudt: /tmp/log.csv er skrevet helt og registreret i eksporthistorikken"]
        );
        assert_eq!(
            interruption_lines(Lang::En, &[], &done),
            ["interrupted: /tmp/log.csv is complete and recorded in the export history"]
        );
    }

    #[test]
    fn names_of_our_temporary_files_carry_the_writer() {
        let t = temp_name(Path::new("/x/log.csv"), "tmp");
        let name = t.file_name().unwrap().to_str().unwrap();
        assert!(name.starts_with(".log.csv.jobdesk-"), "{name}");
        assert_eq!(writer_of(name), Some(std::process::id()));
        assert_eq!(
            writer_of(&format!("{name}-journal")),
            Some(std::process::id())
        );
        let p = partial_name(Path::new("b.db"));
        assert_eq!(
            writer_of(p.to_str().unwrap()),
            Some(std::process::id()),
            "{}",
            p.display()
        );
        assert_eq!(writer_of("b.db.partial-77-wal"), Some(77));
        assert_eq!(
            writer_of(".a.csv.jobdesk-12-0123456789abcdef.old"),
            Some(12)
        );
        for other in [
            "log.csv",
            ".log.csv.tmp",
            ".a.jobdesk-12-xyz.tmp",
            "a.partial-",
            "a.partial-12x",
            ".a.csv.jobdesk-12-0123456789abcde.tmp",
        ] {
            assert_eq!(writer_of(other), None, "{other}");
        }
    }

    #[test]
    fn placing_replaces_and_undo_puts_the_old_file_back() {
        let dir = tempfile::tempdir().unwrap();
        let dest = dir.path().join("out.csv");
        let temp = temp_name(&dest, "tmp");
        // A new file: undo removes it.
        std::fs::write(&temp, "new").unwrap();
        let placed = place(&temp, &dest).unwrap();
        assert_eq!(std::fs::read_to_string(&dest).unwrap(), "new");
        assert!(!placed.undo());
        assert!(!dest.exists());
        // Over an old file: undo brings it back, keep leaves only the new one.
        std::fs::write(&dest, "old").unwrap();
        std::fs::write(&temp, "new").unwrap();
        let placed = place(&temp, &dest).unwrap();
        assert_eq!(std::fs::read_to_string(&dest).unwrap(), "new");
        assert!(placed.undo());
        assert_eq!(std::fs::read_to_string(&dest).unwrap(), "old");
        std::fs::write(&temp, "new").unwrap();
        place(&temp, &dest).unwrap().keep();
        assert_eq!(std::fs::read_to_string(&dest).unwrap(), "new");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec!["out.csv"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_sweep_removes_dead_writers_files_and_reports_what_is_not_ours() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let private = |name: &str| {
            let p = dir.path().join(name);
            std::fs::write(&p, "x").unwrap();
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o600)).unwrap();
            p
        };
        // A process id that is surely not running: past the largest Linux allows.
        let dead = 4_194_999;
        let stale = private(&format!(".a.csv.jobdesk-{dead}-0123456789abcdef.tmp"));
        let stale_wal = private(&format!(".a.csv.jobdesk-{dead}-0123456789abcdef.tmp-wal"));
        let partial = private(&format!("b.db.partial-{dead}"));
        let alive = private(&format!("c.db.partial-{}", std::process::id()));
        let tracked = track(&alive, Path::new("c.db"));
        let foreign = dir.path().join(format!("d.db.partial-{dead}"));
        std::fs::write(&foreign, "someone else's").unwrap();
        std::fs::set_permissions(&foreign, std::fs::Permissions::from_mode(0o644)).unwrap();
        let unrelated = private("e.csv");
        let found = sweep(dir.path());
        assert_eq!(found.removed, vec![stale.clone(), partial.clone()]);
        assert_eq!(found.foreign, vec![foreign.clone()]);
        assert!(!stale.exists() && !stale_wal.exists() && !partial.exists());
        assert!(alive.exists() && foreign.exists() && unrelated.exists());
        drop(tracked);
    }

    #[test]
    fn a_full_disk_is_known_by_its_kind() {
        let e = anyhow::Error::new(std::io::Error::from(std::io::ErrorKind::StorageFull))
            .context("writing");
        assert!(disk_full(&e));
        let e = anyhow::Error::new(crate::store::Error::DiskFull).context("x");
        assert!(disk_full(&e));
        assert!(!disk_full(&anyhow::anyhow!("no")));
    }
}
