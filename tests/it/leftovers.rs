//! Nothing left behind: an export or a backup interrupted by Ctrl+C (SIGINT) or SIGTERM leaves no
//! temporary file; what a kill -9 left is removed by the next export into the folder (and
//! recorded); `--force` replaces regular files only; `--db` on a named pipe is refused at once; a
//! side file left by a read-only opening does not block later commands; a full disk and a
//! read-only database exit 1 and say what happened. The real binary, on a big generated caseload.

#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::support::*;

/// A caseload big enough that writing its export or backup takes a while (a debug build
/// writes the JSON export, about 9 MB, in a good fraction of a second).
fn big(dir: &tempfile::TempDir) -> PathBuf {
    let db = db_in(dir);
    copy_caseload(&db, 400, 5, 3, NOW);
    db
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// The temporary files of an export or a backup in `dir`.
fn temporary(dir: &Path) -> Vec<String> {
    names(dir)
        .into_iter()
        .filter(|n| n.ends_with(".tmp") || n.contains(".partial-") || n.contains(".jobdesk-"))
        .collect()
}

fn signal(child: &Child, sig: i32) {
    let pid = libc::pid_t::try_from(child.id()).unwrap();
    // SAFETY: sends a signal to a child this test started and has not yet waited for.
    assert_eq!(unsafe { libc::kill(pid, sig) }, 0);
}

/// Starts `args` on `db` and sends `sig` once its temporary file is in `dir`. Returns the
/// finished process's status and stderr, or `None` when it finished before the file was seen
/// or the signal landed (the caller tries again).
fn interrupt(
    db: &Path,
    dir: &Path,
    args: &[&str],
    sig: i32,
) -> Option<(std::process::ExitStatus, String)> {
    let mut child = process()
        .arg("--db")
        .arg(db)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut seen = false;
    while Instant::now() < deadline {
        if !temporary(dir).is_empty() {
            seen = true;
            break;
        }
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
    if seen {
        signal(&child, sig);
    }
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!err.contains("panicked"), "{err}");
    if out.status.success() {
        return None;
    }
    Some((out.status, err))
}

/// Interrupts `args` with `sig` (trying again while it finishes first) and checks that the
/// folder holds no temporary file and no `output`, and that the run ended by the signal.
fn interrupted_leaves_nothing(args: &[&str], output: &str, sig: i32) {
    let dir = tmpdir();
    let db = big(&dir);
    let out = dir.path().join(output);
    let mut args: Vec<&str> = args.to_vec();
    let shown = out.to_str().unwrap().to_string();
    args.push(&shown);
    for _ in 0..10 {
        let Some((status, err)) = interrupt(&db, dir.path(), &args, sig) else {
            // Finished before the signal: start over.
            let _ = std::fs::remove_file(&out);
            continue;
        };
        assert!(
            status.signal() == Some(sig) || status.code() == Some(128 + sig),
            "{status:?}: {err}"
        );
        assert!(err.contains("interrupted"), "{err}");
        assert!(err.contains("was not created"), "{err}");
        assert_eq!(temporary(dir.path()), Vec::<String>::new(), "{err}");
        assert!(!out.exists(), "{} was made", out.display());
        // The database is whole and the next run works.
        ok(jobdesk(&db).arg("check"));
        return;
    }
    panic!("the signal never landed during the write");
}

#[test]
fn ctrl_c_during_a_large_export_leaves_no_temporary_file() {
    interrupted_leaves_nothing(&["export", "json", "-o"], "all.json", libc::SIGINT);
}

#[test]
fn sigterm_during_a_large_export_leaves_no_temporary_file() {
    interrupted_leaves_nothing(
        &[
            "export",
            "csv",
            "--from",
            "2020-01-01",
            "--to",
            "2027-12-31",
            "-o",
        ],
        "log.csv",
        libc::SIGTERM,
    );
}

#[test]
fn ctrl_c_and_sigterm_during_a_backup_leave_no_partial_file() {
    interrupted_leaves_nothing(&["backup"], "backup.db", libc::SIGINT);
    interrupted_leaves_nothing(&["backup"], "backup.db", libc::SIGTERM);
}

#[test]
fn what_a_kill_left_is_removed_by_the_next_export_into_the_folder_and_recorded() {
    let dir = tmpdir();
    let db = big(&dir);
    let out = dir.path().join("all.json");
    // A kill -9 in the middle of the write: the temporary file stays.
    let mut left = Vec::new();
    for _ in 0..10 {
        if interrupt(
            &db,
            dir.path(),
            &["export", "json", "-o", out.to_str().unwrap()],
            libc::SIGKILL,
        )
        .is_some()
        {
            left = temporary(dir.path());
            break;
        }
        let _ = std::fs::remove_file(&out);
    }
    assert_eq!(left.len(), 1, "the kill left no file: {left:?}");
    // A file named like ours that jobdesk did not make (others may read it): reported, kept.
    let foreign = dir.path().join("notes.db.partial-4194999");
    std::fs::write(&foreign, "mine").unwrap();
    std::fs::set_permissions(&foreign, std::fs::Permissions::from_mode(0o644)).unwrap();

    let o = jobdesk(&db)
        .args(["export", "csv", "-o"])
        .arg(dir.path().join("today.csv"))
        .output()
        .unwrap();
    assert!(o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(&format!("removed {}", dir.path().join(&left[0]).display())),
        "{err}"
    );
    assert!(err.contains("interrupted export or backup"), "{err}");
    assert!(err.contains("notes.db.partial-4194999"), "{err}");
    assert!(err.contains("left alone"), "{err}");
    assert_eq!(
        temporary(dir.path()),
        vec!["notes.db.partial-4194999".to_string()]
    );
    assert_eq!(std::fs::read_to_string(&foreign).unwrap(), "mine");
    // The removal is in the audit log (the file held personal data).
    let audit = ok(jobdesk(&db).arg("audit"));
    assert!(
        audit.contains(&format!(
            "leftover of an interrupted write removed: {}",
            dir.path().join(&left[0]).display()
        )),
        "{audit}"
    );

    // Said in Danish when the run is Danish.
    std::fs::write(
        dir.path()
            .join(".x.csv.jobdesk-4194999-0123456789abcdef.tmp"),
        "",
    )
    .unwrap();
    std::fs::set_permissions(
        dir.path()
            .join(".x.csv.jobdesk-4194999-0123456789abcdef.tmp"),
        std::fs::Permissions::from_mode(0o600),
    )
    .unwrap();
    let o = jobdesk(&db)
        .args(["--lang", "da", "export", "ics", "-o"])
        .arg(dir.path().join("cal.ics"))
        .output()
        .unwrap();
    assert!(o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("fjernede") && err.contains("afbrudt eksport"),
        "{err}"
    );
}

fn mkfifo(p: &Path) {
    let c = std::ffi::CString::new(p.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

fn is_fifo(p: &Path) -> bool {
    std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_fifo())
}

#[test]
fn force_replaces_regular_files_only() {
    let dir = tmpdir();
    let db = generated(&dir, 5);
    let fifo = dir.path().join("pipe");
    mkfifo(&fifo);
    for args in [
        vec!["export", "csv", "--force", "-o"],
        vec!["export", "json", "-o"],
        vec!["backup", "--force"],
    ] {
        let err = bad(jobdesk(&db).args(&args).arg(&fifo));
        assert!(err.contains("is a named pipe (FIFO)"), "{args:?}: {err}");
        assert!(err.contains("only regular files"), "{args:?}: {err}");
        assert!(is_fifo(&fifo), "{args:?}: the FIFO was replaced");
    }
    // A link to one is refused alike; a device too.
    let link = dir.path().join("link");
    std::os::unix::fs::symlink(&fifo, &link).unwrap();
    let err = bad(jobdesk(&db)
        .args(["export", "csv", "--force", "-o"])
        .arg(&link));
    assert!(err.contains("named pipe"), "{err}");
    assert!(is_fifo(&fifo));
    let err = bad(jobdesk(&db).args(["backup", "--force", "/dev/full"]));
    assert!(err.contains("/dev/full is a device"), "{err}");
    assert!(
        Path::new("/dev/full")
            .metadata()
            .unwrap()
            .file_type()
            .is_char_device()
    );
    // A regular file is replaced with --force.
    let file = dir.path().join("log.csv");
    std::fs::write(&file, "old").unwrap();
    ok(jobdesk(&db)
        .args(["export", "csv", "--force", "-o"])
        .arg(&file));
    assert_ne!(std::fs::read_to_string(&file).unwrap(), "old");
}

/// Runs `cmd`, killing it and failing when it takes longer than `limit`.
fn within(cmd: &mut std::process::Command, limit: Duration) -> std::process::Output {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn db_on_a_named_pipe_or_a_device_is_refused_at_once() {
    let dir = tmpdir();
    let fifo = dir.path().join("pipe");
    mkfifo(&fifo);
    let out = within(
        process().arg("--db").arg(&fifo).arg("citizens"),
        Duration::from_secs(20),
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("is a named pipe (FIFO), not a database file"),
        "{err}"
    );
    assert!(is_fifo(&fifo));
    let out = within(
        process().args(["--db", "/dev/null", "log", "list"]),
        Duration::from_secs(20),
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("/dev/null is a device, not a database file"),
        "{err}"
    );
    assert!(!err.contains("chmod"), "{err}");
}

/// Runs the binary as an unprivileged user when the tests run as root (root may write a
/// read-only file, so read-only would not be read-only). `dir` is handed to that user.
/// `None` when it cannot be done here.
fn as_user(dir: &Path) -> Option<impl Fn(&Path) -> std::process::Command> {
    // SAFETY: getuid has no preconditions.
    let root = unsafe { libc::getuid() } == 0;
    let (uid, gid): (u32, u32) = if root {
        (65534, 65534)
    } else {
        (u32::MAX, u32::MAX)
    };
    if root {
        // The binary must be reachable by that user.
        let reachable = Path::new(BIN).ancestors().skip(1).all(|a| {
            a.metadata()
                .is_ok_and(|m| m.permissions().mode() & 0o001 != 0)
        });
        if !reachable {
            return None;
        }
        for entry in walk(dir) {
            let c = std::ffi::CString::new(entry.to_str()?).ok()?;
            // SAFETY: a valid NUL-terminated path.
            if unsafe { libc::chown(c.as_ptr(), uid, gid) } != 0 {
                return None;
            }
        }
    }
    let config = dir.join("config.toml");
    Some(move |db: &Path| {
        let mut c = process();
        c.arg("--db").arg(db).env("JOBDESK_CONFIG", &config);
        if root {
            // SAFETY: only async-signal-safe calls between fork and exec.
            unsafe {
                c.pre_exec(move || {
                    if libc::setgroups(0, std::ptr::null()) != 0
                        || libc::setgid(gid) != 0
                        || libc::setuid(uid) != 0
                    {
                        return Err(std::io::Error::last_os_error());
                    }
                    Ok(())
                });
            }
        }
        c
    })
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![dir.to_path_buf()];
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            out.push(e.path());
        }
    }
    out
}

fn chmod(p: &Path, mode: u32) {
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn a_read_only_database_exits_1_and_its_side_files_do_not_block_later_commands() {
    let dir = tmpdir();
    let db = generated(&dir, 5);
    let Some(run) = as_user(dir.path()) else {
        eprintln!("skipped: cannot run the binary as an unprivileged user here");
        return;
    };
    let add = |db: &Path| {
        let mut c = run(db);
        c.args([
            "log",
            "add",
            "--citizen",
            "1",
            "--channel",
            "phone",
            "--outcome",
            "reached",
        ]);
        c.output().unwrap()
    };
    chmod(&db, 0o400);
    // Reading works, and leaves read-only -wal and -shm beside it.
    let o = run(&db).arg("citizens").output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // Writing is refused as a failure (exit 1), not as bad input.
    let o = add(&db);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("read-only") || err.contains("cannot be written"),
        "{err}"
    );
    // Writable again: every command works at once.
    chmod(&db, 0o600);
    let o = run(&db).arg("citizens").output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = add(&db);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

/// The binary with writes limited to `bytes` per file (RLIMIT_FSIZE): a write past it fails
/// as on a full disk (EFBIG, with SIGXFSZ ignored so it is an error, not a kill).
fn limited(db: &Path, bytes: u64) -> std::process::Command {
    let mut c = process();
    c.arg("--db").arg(db);
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        c.pre_exec(move || {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let lim = libc::rlimit {
                rlim_cur: bytes as libc::rlim_t,
                rlim_max: bytes as libc::rlim_t,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    c
}

#[test]
fn a_write_that_runs_out_of_room_removes_its_file_and_says_so() {
    let dir = tmpdir();
    let db = big(&dir);
    let out = dir.path().join("log.csv");
    let o = limited(&db, 64 * 1024)
        .args([
            "export",
            "csv",
            "--from",
            "2020-01-01",
            "--to",
            "2027-12-31",
            "-o",
        ])
        .arg(&out)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    let said = String::from_utf8_lossy(&o.stdout);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "the disk is full: nothing was saved, {} was not created",
            out.display()
        )),
        "{err}"
    );
    assert!(
        !said.contains("written"),
        "success said after a failed write: {said}"
    );
    assert!(!out.exists());
    assert_eq!(temporary(dir.path()), Vec::<String>::new());
    // In Danish too.
    let o = limited(&db, 64 * 1024)
        .args(["--lang", "da", "export", "json", "-o"])
        .arg(dir.path().join("alt.json"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("disken er fuld: intet blev gemt"), "{err}");
    assert!(err.contains("alt.json er ikke oprettet"), "{err}");
    assert_eq!(temporary(dir.path()), Vec::<String>::new());

    // A backup that cannot be written: no partial file, no success, exit 1.
    let backup = dir.path().join("backup.db");
    let o = limited(&db, 256 * 1024)
        .arg("backup")
        .arg(&backup)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(!String::from_utf8_lossy(&o.stdout).contains("Backup written"));
    assert!(err.contains("backup.db"), "{err}");
    assert!(!backup.exists());
    assert_eq!(temporary(dir.path()), Vec::<String>::new());
}
