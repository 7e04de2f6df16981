//! Generated caseloads, made once per test process and copied per test: `jobdesk generate` runs
//! once for each (citizens, years, seed, now) into a folder that lives as long as the process,
//! and every test gets its own copy of the finished file.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

type Key = (usize, u32, u64, String);

/// The template database for `key`, generated on first use (other threads asking for the
/// same one wait; different ones generate side by side).
fn template(key: &Key) -> PathBuf {
    static CACHE: Mutex<Vec<(Key, Arc<OnceLock<PathBuf>>)>> = Mutex::new(Vec::new());
    let cell = {
        let mut cache = CACHE.lock().unwrap_or_else(PoisonError::into_inner);
        match cache.iter().find(|(k, _)| k == key) {
            Some((_, cell)) => Arc::clone(cell),
            None => {
                let cell = Arc::new(OnceLock::new());
                cache.push((key.clone(), Arc::clone(&cell)));
                cell
            }
        }
    };
    cell.get_or_init(|| generate(key)).clone()
}

fn generate(key: &Key) -> PathBuf {
    let (citizens, years, seed, now) = key;
    let dir = super::process_dir().join(format!(
        "caseload-{citizens}-{years}-{seed}-{}",
        now.replace(':', "")
    ));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let db = dir.join("jobdesk.db");
    super::ok(
        super::jobdesk(&db)
            .env("JOBDESK_NOW", now)
            .arg("generate")
            .args(["--citizens", &citizens.to_string()])
            .args(["--years", &years.to_string()])
            .args(["--seed", &seed.to_string()]),
    );
    // The process has ended, so SQLite has folded its log into the file and removed the -wal
    // and -shm beside it. Should they be left (a crash, a setting), fold them in now: the last
    // connection to close checkpoints the log and removes both. Then one file is the caseload.
    if sidecar(&db, "-wal").exists() || sidecar(&db, "-shm").exists() {
        let conn = rusqlite::Connection::open(&db).unwrap_or_else(|e| panic!("{e}"));
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .unwrap_or_else(|e| panic!("{e}"));
    }
    for s in ["-wal", "-shm"] {
        assert!(!sidecar(&db, s).exists(), "{s} left beside the template");
    }
    db
}

fn sidecar(db: &Path, suffix: &str) -> PathBuf {
    let mut p = db.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

/// Copies the caseload `jobdesk generate --citizens C --years Y --seed S` makes at `now`
/// (as `JOBDESK_NOW`) to `db`; generated once per test process.
pub fn copy_caseload(db: &Path, citizens: usize, years: u32, seed: u64, now: &str) {
    let template = template(&(citizens, years, seed, now.to_string()));
    if let Some(parent) = db.parent() {
        std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{}: {e}", parent.display()));
    }
    std::fs::copy(&template, db).unwrap_or_else(|e| panic!("{}: {e}", db.display()));
}
