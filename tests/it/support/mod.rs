//! What every integration test shares: the one way to run the real binary, in an isolated
//! environment ([`bin`]), copies of generated caseloads made once per test process
//! ([`caseload`]), and small helpers for temporary folders and output.

mod bin;
mod caseload;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub use bin::{BIN, PLAIN_CONFIG, command, jobdesk, process, shell_env};
pub use caseload::copy_caseload;

/// The fixed "now" every test runs at: Monday 23 November 2026, 09:00.
pub const NOW: &str = "2026-11-23T09:00";

/// A folder for this test process (templates, settings paths); removed when the process exits.
fn process_dir() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::Builder::new()
            .prefix("jobdesk-tests-")
            .tempdir()
            .unwrap_or_else(|e| panic!("tempdir: {e}"));
        // A static is never dropped: remove the folder at exit instead.
        unsafe extern "C" {
            fn atexit(f: extern "C" fn()) -> std::ffi::c_int;
        }
        extern "C" fn remove() {
            if let Some(dir) = DIR.get() {
                let _ = std::fs::remove_dir_all(dir.path());
            }
        }
        // SAFETY: registers a plain function with the C runtime; it runs once, at exit.
        unsafe {
            atexit(remove);
        }
        dir
    })
    .path()
}

pub fn tmpdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"))
}

pub fn db_in(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("jobdesk.db")
}

/// Runs and returns stdout; panics with stderr when the command fails.
pub fn ok(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.output().unwrap_or_else(|e| panic!("run: {e}"));
    assert!(
        out.status.success(),
        "command failed ({:?}): {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Runs, expects exit 2, and returns stderr.
pub fn bad(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.output().unwrap_or_else(|e| panic!("run: {e}"));
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(
        out.status.code(),
        Some(2),
        "expected exit 2; stderr: {err}; stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(!err.contains("panicked"), "{err}");
    assert!(!err.contains("RUST_BACKTRACE"), "{err}");
    err
}

/// A copy of the small generated caseload (`citizens`, one year, seed 7) in `dir`.
pub fn generated(dir: &tempfile::TempDir, citizens: usize) -> PathBuf {
    let db = db_in(dir);
    copy_caseload(&db, citizens, 1, 7, NOW);
    db
}

pub fn json(s: &str) -> serde_json::Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("not JSON ({e}): {s}"))
}

pub fn file_hash(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap_or_default()
}
