//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The fixed "now" every test runs at: Monday 23 November 2026, 09:00.
pub const NOW: &str = "2026-11-23T09:00";

/// The real binary with a fixed clock, English words and the given database.
pub fn jobdesk(db: &Path) -> Command {
    let mut c = Command::cargo_bin("jobdesk").unwrap_or_else(|e| panic!("binary: {e}"));
    c.env("JOBDESK_NOW", NOW)
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("JOBDESK_DB")
        // Never the developer's own settings: the built-in defaults.
        .env("JOBDESK_CONFIG", "/nonexistent/jobdesk-test/config.toml")
        .arg("--db")
        .arg(db);
    c
}

pub fn tmpdir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"))
}

pub fn db_in(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("jobdesk.db")
}

/// Runs and returns stdout; panics with stderr when the command fails.
pub fn ok(cmd: &mut Command) -> String {
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
pub fn bad(cmd: &mut Command) -> String {
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

/// A small generated caseload.
pub fn generated(dir: &tempfile::TempDir, citizens: usize) -> PathBuf {
    let db = db_in(dir);
    ok(jobdesk(&db).args([
        "generate",
        "--citizens",
        &citizens.to_string(),
        "--years",
        "1",
        "--seed",
        "7",
    ]));
    db
}

pub fn json(s: &str) -> serde_json::Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("not JSON ({e}): {s}"))
}

pub fn file_hash(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap_or_default()
}
