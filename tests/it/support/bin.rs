//! The one way to run the real binary. Every run is isolated from the developer's shell: a fixed
//! clock, English, no database, settings file or passphrase from the environment. A test that
//! wants one of these sets it on the command it gets (a later `env` wins), e.g. Danish with
//! `.env("LANG", "da_DK.UTF-8")` or a settings file with `.env("JOBDESK_CONFIG", path)`.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::NOW;

/// The binary under test, as cargo built it for this test run.
pub const BIN: &str = env!("CARGO_BIN_EXE_jobdesk");

/// Variables removed from every run: what the binary would otherwise take from the caller
/// (`JOBDESK_CONFIG` is not among them: it is always set, see `fixed`).
const REMOVED: &[&str] = &[
    "JOBDESK_DB",
    "JOBDESK_PASSPHRASE",
    "JOBDESK_NEW_PASSPHRASE",
    "JOBDESK_HANDOVER_PASSPHRASE",
    "LC_ALL",
    "LC_MESSAGES",
    "LANGUAGE",
];

/// Set on every run (after the removals).
fn fixed() -> [(&'static str, String); 3] {
    [
        ("JOBDESK_NOW", NOW.to_string()),
        ("LANG", "C.UTF-8".to_string()),
        ("JOBDESK_CONFIG", no_config()),
    ]
}

/// A settings file that no other run uses, with the built-in defaults but one: `encrypt =
/// false`, so that a run without a terminal may create a plain database as the tests expect
/// (a test of the default writes its own file). Anything written there stays with this one run.
fn no_config() -> String {
    static N: AtomicUsize = AtomicUsize::new(0);
    let n = N.fetch_add(1, Ordering::Relaxed);
    let dir = super::process_dir().join(format!("no-config-{n}"));
    let path = dir.join("config.toml");
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    std::fs::write(&path, PLAIN_CONFIG).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    path.display().to_string()
}

/// The settings every run gets unless a test gives its own.
pub const PLAIN_CONFIG: &str = "encrypt = false\n";

/// The binary as a `std::process::Command`, isolated (for spawning and killing processes).
pub fn process() -> std::process::Command {
    let mut c = std::process::Command::new(BIN);
    for var in REMOVED {
        c.env_remove(var);
    }
    for (var, value) in fixed() {
        c.env(var, value);
    }
    c
}

/// The binary, isolated, with no arguments yet.
pub fn command() -> assert_cmd::Command {
    assert_cmd::Command::from_std(process())
}

/// The binary, isolated, on the given database.
pub fn jobdesk(db: &Path) -> assert_cmd::Command {
    let mut c = command();
    c.arg("--db").arg(db);
    c
}

/// The same isolation for a shell line (a test in a real terminal): `env -u … VAR=value …`, to be
/// followed by more `VAR=value` words and the binary.
pub fn shell_env() -> String {
    let mut words = vec!["env".to_string()];
    for var in REMOVED {
        words.push(format!("-u {var}"));
    }
    for (var, value) in fixed() {
        words.push(format!("{var}='{value}'"));
    }
    words.join(" ")
}
