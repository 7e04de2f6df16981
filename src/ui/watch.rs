//! Live refresh: the database's files are watched (inotify, ReadDirectoryChangesW, FSEvents
//! through `notify`), so a change by another process (the command line, a second desk) reaches
//! the open desk at once, without polling. The desk then asks SQLite whether the data really
//! moved (`App::external_change`).

use std::path::{Path, PathBuf};

use notify::event::{AccessKind, AccessMode};
use notify::{EventKind, RecursiveMode, Watcher};

/// The running watch; dropping it stops it.
pub struct DbWatch {
    _watcher: notify::RecommendedWatcher,
}

/// Watches the database at `db` (the file itself and its `-wal`, which another writer appends
/// to at each commit) and calls `changed` from the watcher's thread when either is written,
/// created or removed. The folder is watched, not the files, so a `-wal` that comes and goes
/// is seen too. None when the platform cannot watch that folder: the desk then shows others'
/// changes at the next key press, as before.
pub fn watch_database(db: &Path, changed: impl Fn() + Send + 'static) -> Option<DbWatch> {
    let db = std::path::absolute(db).ok()?;
    let dir = db.parent()?.to_path_buf();
    let name = db.file_name()?.to_os_string();
    let mut wal = name.clone();
    wal.push("-wal");
    let ours = move |p: &PathBuf| p.file_name().is_some_and(|n| n == name || n == wal);
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        let Ok(ev) = res else { return };
        let writes = matches!(
            ev.kind,
            EventKind::Modify(_)
                | EventKind::Create(_)
                | EventKind::Remove(_)
                | EventKind::Access(AccessKind::Close(AccessMode::Write))
        );
        if writes && ev.paths.iter().any(&ours) {
            changed();
        }
    })
    .ok()?;
    watcher.watch(&dir, RecursiveMode::NonRecursive).ok()?;
    Some(DbWatch { _watcher: watcher })
}
