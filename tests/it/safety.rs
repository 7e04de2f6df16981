//! Personal data and data safety through the real binary: encryption at rest (no plaintext in
//! the files), wrong keys, erasure, retention, the audit log, backup and check, and faults (two
//! writers, kill -9 in the middle of writes, a full disk, a read-only folder, file modes).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command as Proc, Stdio};
use std::time::{Duration, Instant};

use jobdesk::store::crypt::FileKind;
use jobdesk::store::{Create, Passphrase, Store};

use crate::support::*;

const PASS: &str = "rugbrød med leverpostej";
const NAME: &str = "Zacharias Hemmeligsen";
const NOTE: &str = "Knæskade og søvnbesvær drøftet";
const CPR: &str = "231190-4821";

/// The binary with no passphrase in its environment (whatever the developer's shell has: the
/// support module leaves none).
fn plain(db: &Path) -> assert_cmd::Command {
    jobdesk(db)
}

/// The binary with a passphrase.
fn keyed(db: &Path, pass: &str) -> assert_cmd::Command {
    let mut c = plain(db);
    c.env("JOBDESK_PASSPHRASE", pass);
    c
}

fn with_suffix(p: &Path, s: &str) -> PathBuf {
    let mut o = p.as_os_str().to_owned();
    o.push(s);
    PathBuf::from(o)
}

/// The database and whatever SQLite keeps beside it.
fn files_of(db: &Path) -> Vec<PathBuf> {
    ["", "-wal", "-shm", "-journal"]
        .iter()
        .map(|s| with_suffix(db, s))
        .filter(|p| p.exists())
        .collect()
}

fn contains(hay: &[u8], needle: &str) -> bool {
    let n = needle.as_bytes();
    hay.windows(n.len()).any(|w| w == n)
}

/// Which of the texts are somewhere in the files' bytes.
fn found_in(files: &[PathBuf], texts: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for f in files {
        let bytes = std::fs::read(f).unwrap();
        for t in texts {
            if contains(&bytes, t) {
                out.push(format!("{t:?} in {}", f.display()));
            }
        }
    }
    out
}

fn add_citizen(cmd: &mut assert_cmd::Command) -> i64 {
    ok(cmd.args([
        "citizen",
        "add",
        "--name",
        NAME,
        "--target-group",
        "sygedagpenge",
        "--cpr",
        CPR,
    ]))
    .trim()
    .parse()
    .unwrap()
}

fn log_note(cmd: &mut assert_cmd::Command, citizen: i64, note: &str) -> i64 {
    ok(cmd.args([
        "log",
        "add",
        "--citizen",
        &citizen.to_string(),
        "--channel",
        "phone",
        "--outcome",
        "held",
        "--note",
        note,
    ]))
    .trim()
    .parse()
    .unwrap()
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[test]
fn encrypted_files_hold_no_plaintext_of_a_name_a_note_or_a_cpr_number() {
    let dir = tmpdir();
    let db = db_in(&dir);
    let out = ok(keyed(&db, PASS).arg("init").arg("--encrypt"));
    assert!(out.contains("encrypted"), "{out}");
    assert!(matches!(FileKind::of(&db).unwrap(), FileKind::Encrypted(_)));
    let id = add_citizen(&mut keyed(&db, PASS));
    // Hold the database open (as the desk would), so the -wal file stays with what is written.
    let held = Store::open(
        &db,
        &jobdesk::store::OpenOptions::new(Create::No)
            .key(jobdesk::store::KeySource::Passphrase(Passphrase::new(PASS))),
    )
    .unwrap();
    assert!(held.encrypted());
    log_note(&mut keyed(&db, PASS), id, NOTE);
    let backup = dir.path().join("backup.db");
    ok(keyed(&db, PASS).arg("backup").arg(&backup));
    let wal = with_suffix(&db, "-wal");
    assert!(
        std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0) > 0,
        "the -wal file holds the last writes"
    );
    let mut files = files_of(&db);
    files.extend(files_of(&backup));
    let leaks = found_in(
        &files,
        &[NAME, "Hemmeligsen", NOTE, "søvnbesvær", CPR, "4821"],
    );
    assert!(leaks.is_empty(), "plaintext found: {leaks:?}");
    // Read back with the passphrase: everything is there, in the backup too.
    drop(held);
    for file in [&db, &backup] {
        let list = ok(keyed(file, PASS).args(["citizens", "--json"]));
        assert!(list.contains(NAME), "{list}");
        let csv = ok(keyed(file, PASS).args(["export", "csv", "--date", "today"]));
        assert!(csv.contains(NOTE), "{csv}");
    }
    assert!(matches!(
        FileKind::of(&backup).unwrap(),
        FileKind::Encrypted(_)
    ));
    #[cfg(unix)]
    assert_eq!(mode(&backup), 0o600);

    // The same steps on a plain database do leave the text in the files: the search works.
    let plain_db = dir.path().join("plain.db");
    let id = add_citizen(&mut plain(&plain_db));
    log_note(&mut plain(&plain_db), id, NOTE);
    assert!(!found_in(&files_of(&plain_db), &[NAME, NOTE]).is_empty());
}

#[test]
fn a_wrong_or_missing_passphrase_is_refused_and_the_file_is_never_changed() {
    let dir = tmpdir();
    let db = db_in(&dir);
    ok(keyed(&db, PASS).args(["init", "--encrypt"]));
    let id = add_citizen(&mut keyed(&db, PASS));
    log_note(&mut keyed(&db, PASS), id, NOTE);
    let before = file_hash(&db);
    let backup = dir.path().join("b.db");
    let id = id.to_string();
    for args in [
        &["citizens"][..],
        &["agenda"],
        &[
            "log",
            "add",
            "--citizen",
            &id,
            "--channel",
            "phone",
            "--outcome",
            "held",
        ],
        &["generate", "--citizens", "3"],
        &["erase", "--citizen", &id, "--yes"],
        &["purge"],
        &["check"],
        &["backup", backup.to_str().unwrap()],
        &["export", "json"],
        &["rekey"],
    ] {
        let err = bad(keyed(&db, "not the passphrase").args(args));
        assert!(err.contains("does not open"), "{args:?}: {err}");
        // SQLCipher's own log never reaches the screen: one line, ours.
        assert_eq!(err.trim().lines().count(), 1, "{err}");
        assert!(!err.to_lowercase().contains("hmac"), "{err}");
        assert!(!err.contains("ERROR"), "{err}");
        // Without a passphrase and without a terminal: said plainly.
        let err = bad(plain(&db).args(args));
        assert!(
            err.contains("is encrypted: set JOBDESK_PASSPHRASE or run in a terminal"),
            "{args:?}: {err}"
        );
    }
    assert_eq!(before, file_hash(&db), "the file was not changed");
    assert!(!backup.exists());
    assert_eq!(files_of(&db), vec![db.clone()], "no -wal or -shm was made");
}

#[test]
fn files_that_are_not_databases_are_never_changed_with_or_without_a_passphrase() {
    let dir = tmpdir();
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "This is a text file, not a database.\n".repeat(200)).unwrap();
    // Random-looking bytes in whole pages look like an encrypted database.
    let noise = dir.path().join("noise.bin");
    let bytes: Vec<u8> = (0..8192u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&noise, &bytes).unwrap();
    for path in [&text, &noise] {
        let before = file_hash(path);
        for args in [
            &["citizens"][..],
            &["generate", "--citizens", "3"],
            &["check"],
        ] {
            let err = bad(keyed(path, PASS).args(args));
            assert!(
                err.contains("not a jobdesk database") || err.contains("does not open"),
                "{err}"
            );
            bad(plain(path).args(args));
        }
        bad(keyed(path, PASS).arg("encrypt"));
        assert_eq!(before, file_hash(path));
        assert_eq!(files_of(path), vec![path.clone()]);
    }
}

#[test]
fn encrypt_in_place_then_rekey_keeps_every_row_and_leaves_no_plain_file() {
    let dir = tmpdir();
    let db = generated(&dir, 12);
    let id = add_citizen(&mut plain(&db));
    log_note(&mut plain(&db), id, NOTE);
    let list_before = ok(plain(&db).args(["citizens", "--all", "--json"]));
    let log_before = ok(plain(&db).args([
        "export",
        "csv",
        "--from",
        "2020-01-01",
        "--to",
        "2030-12-31",
    ]));
    assert!(!found_in(&files_of(&db), &[NAME]).is_empty());

    // Refused while another program has it open; nothing changes.
    {
        let _desk = Store::open(&db, &jobdesk::store::OpenOptions::new(Create::No)).unwrap();
        let before = file_hash(&db);
        let err = bad(keyed(&db, PASS).arg("encrypt"));
        assert!(err.contains("open in another program"), "{err}");
        assert_eq!(before, file_hash(&db));
    }
    // Too short a passphrase is refused.
    let err = bad(keyed(&db, "kort").arg("encrypt"));
    assert!(err.contains("too short"), "{err}");
    // No passphrase and no terminal: refused.
    let err = bad(plain(&db).arg("encrypt"));
    assert!(err.contains("JOBDESK_PASSPHRASE"), "{err}");

    let out = ok(keyed(&db, PASS).arg("encrypt"));
    assert!(out.contains("Encrypted"), "{out}");
    assert!(matches!(FileKind::of(&db).unwrap(), FileKind::Encrypted(_)));
    assert_eq!(files_of(&db), vec![db.clone()], "no -wal, -shm or leftover");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("convert") || n.contains("partial"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    assert!(found_in(&files_of(&db), &[NAME, NOTE]).is_empty());
    #[cfg(unix)]
    assert_eq!(mode(&db), 0o600);
    {
        // Any SQLCipher 4 opens it with the passphrase alone (its own key derivation).
        let c = rusqlite::Connection::open(&db).unwrap();
        c.pragma_update(None, "key", PASS).unwrap();
        let n: i64 = c
            .query_row("SELECT count(*) FROM citizens", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 13);
    }
    assert_eq!(
        ok(keyed(&db, PASS).args(["citizens", "--all", "--json"])),
        list_before
    );
    let log_after = ok(keyed(&db, PASS).args([
        "export",
        "csv",
        "--from",
        "2020-01-01",
        "--to",
        "2030-12-31",
    ]));
    assert_eq!(log_after, log_before);
    ok(keyed(&db, PASS).arg("check"));
    let err = bad(keyed(&db, PASS).arg("encrypt"));
    assert!(err.contains("encrypted already"), "{err}");

    // A new passphrase: the old one no longer opens it.
    let new_pass = "en helt ny frase";
    let mut rekey = keyed(&db, PASS);
    rekey.env("JOBDESK_NEW_PASSPHRASE", new_pass).arg("rekey");
    ok(&mut rekey);
    bad(keyed(&db, PASS).arg("citizens"));
    assert_eq!(
        ok(keyed(&db, new_pass).args(["citizens", "--all", "--json"])),
        list_before
    );
    assert_eq!(files_of(&db), vec![db.clone()]);

    // rekey on a plain database says what to do instead.
    let other = dir.path().join("other.db");
    add_citizen(&mut plain(&other));
    let err = bad(plain(&other).arg("rekey"));
    assert!(err.contains("not encrypted"), "{err}");
}

#[test]
fn erase_leaves_no_trace_of_the_name_or_notes_in_the_files() {
    let dir = tmpdir();
    let db = generated(&dir, 10);
    let id = add_citizen(&mut plain(&db));
    let sid = id.to_string();
    log_note(&mut plain(&db), id, NOTE);
    let contact = log_note(&mut plain(&db), id, "Anden samtale om Hemmeligsen");
    ok(plain(&db).args([
        "log",
        "feedback",
        "--contact",
        &contact.to_string(),
        "--score",
        "4",
        "--wish",
        "Ønsker Zetajobbet",
    ]));
    ok(plain(&db).args([
        "plan",
        "--citizen",
        &sid,
        "--at",
        "2026-11-25T10:00",
        "--channel",
        "phone",
    ]));
    ok(plain(&db).args([
        "citizen",
        "exempt-jobclub",
        &sid,
        "--from",
        "2026-12-01",
        "--to",
        "2026-12-05",
        "--reason",
        "Netværksmøde",
    ]));
    ok(plain(&db).args([
        "closure",
        "start",
        "--from",
        "2026-11-23",
        "--to",
        "2026-12-20",
    ]));
    ok(plain(&db).args([
        "closure",
        "call",
        "--citizen",
        &sid,
        "--result",
        "reached",
        "--accepted",
        "yes",
        "--note",
        "Hemmeligsen tog telefonen",
    ]));
    {
        let mut s = Store::open(&db, &jobdesk::store::OpenOptions::new(Create::No)).unwrap();
        s.save_draft(
            &jobdesk::store::Draft {
                kind: jobdesk::store::DraftKind::Summary,
                target_id: id,
                citizen_id: id,
                text: "Kladde om Hemmeligsen".into(),
            },
            chrono::Local::now().naive_local(),
        )
        .unwrap();
    }
    let secrets = [
        "Hemmeligsen",
        "hemmeligsen",
        NOTE,
        "Zetajobbet",
        "Netværksmøde",
        CPR,
    ];
    assert!(!found_in(&files_of(&db), &secrets).is_empty());
    let others_before = ok(plain(&db).args(["citizens", "--all", "--json"]));

    // No terminal and no --yes: refused, nothing erased.
    let before = file_hash(&db);
    let err = bad(plain(&db).args(["erase", "--citizen", &sid]));
    assert!(err.contains("--yes"), "{err}");
    assert_eq!(before, file_hash(&db));
    let err = bad(plain(&db).args(["erase", "--citizen", "99999", "--yes"]));
    assert!(err.contains("no citizen with id 99999"), "{err}");

    // Held open by another connection while erasing: the -wal file stays, and must be clean too.
    let reader = rusqlite::Connection::open(&db).unwrap();
    let out = ok(plain(&db).args(["erase", "--citizen", &sid, "--yes"]));
    assert!(out.contains("erased"), "{out}");
    let leaks = found_in(&files_of(&db), &secrets);
    assert!(leaks.is_empty(), "left behind: {leaks:?}");
    drop(reader);
    let leaks = found_in(&files_of(&db), &secrets);
    assert!(leaks.is_empty(), "left behind: {leaks:?}");

    // Everyone else is still there, and the database is sound.
    let others_after = ok(plain(&db).args(["citizens", "--all", "--json"]));
    let count = |s: &str| json(s).as_array().map(|a| a.len()).unwrap_or(0);
    assert_eq!(count(&others_after), count(&others_before) - 1);
    assert!(!others_after.contains(NAME));
    ok(plain(&db).arg("check"));
    // The audit log says that citizen `id` was erased, and nothing that names them.
    let audit = ok(plain(&db).args(["audit", "--citizen", &sid, "--json"]));
    let entries = json(&audit);
    let entries = entries.as_array().unwrap();
    assert!(
        entries
            .iter()
            .any(|e| e["action"] == "erase" && e["rows"].as_u64() > Some(5))
    );
    assert!(!audit.contains("Hemmeligsen"), "{audit}");
}

#[test]
fn erase_on_an_encrypted_database_and_the_backup_before_it() {
    let dir = tmpdir();
    let db = db_in(&dir);
    ok(keyed(&db, PASS).args(["init", "--encrypt"]));
    let id = add_citizen(&mut keyed(&db, PASS));
    log_note(&mut keyed(&db, PASS), id, NOTE);
    ok(keyed(&db, PASS).args(["erase", "--citizen", &id.to_string(), "--yes"]));
    let list = ok(keyed(&db, PASS).args(["citizens", "--all"]));
    assert!(!list.contains(NAME), "{list}");
    ok(keyed(&db, PASS).arg("check"));
}

fn run_log_adds(db: &Path, citizen: i64, n: usize) -> Vec<i64> {
    let mut ids = Vec::with_capacity(n);
    for i in 0..n {
        let out = ok(plain(db).args([
            "log",
            "add",
            "--citizen",
            &citizen.to_string(),
            "--channel",
            "phone",
            "--outcome",
            "reached",
            "--note",
            &format!("entry {i}"),
        ]));
        ids.push(out.trim().parse().unwrap());
    }
    ids
}

#[test]
fn two_writer_processes_with_200_entries_each_make_400_entries() {
    let dir = tmpdir();
    let db = db_in(&dir);
    let a = add_citizen(&mut plain(&db));
    let b: i64 = ok(plain(&db).args([
        "citizen",
        "add",
        "--name",
        "Anden Borger",
        "--target-group",
        "dagpenge",
    ]))
    .trim()
    .parse()
    .unwrap();
    let (db1, db2) = (db.clone(), db.clone());
    let t1 = std::thread::spawn(move || run_log_adds(&db1, a, 200));
    let t2 = std::thread::spawn(move || run_log_adds(&db2, b, 200));
    let mut ids = t1.join().unwrap();
    ids.extend(t2.join().unwrap());
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 400);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM contacts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 400);
    ok(plain(&db).arg("check"));
}

/// A small random source for the kill test (xorshift), seeded from the clock and printed.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

#[test]
fn a_writer_killed_at_random_moments_loses_no_acknowledged_entry() {
    let dir = tmpdir();
    let db = db_in(&dir);
    let citizen = add_citizen(&mut plain(&db));
    // How long one `log add` takes here, so the kills land across its whole life.
    let started = Instant::now();
    run_log_adds(&db, citizen, 3);
    let typical = (started.elapsed().as_micros() / 3).max(1000) as u64;
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(1)
        | 1;
    eprintln!("kill test seed {seed}, one write takes about {typical} µs");
    let mut rng = Rng(seed);
    let mut acknowledged: Vec<i64> = Vec::new();
    let mut killed = 0;
    let note = "x".repeat(3000);
    for round in 0..60 {
        let child = process()
            .env("JOBDESK_NOW", NOW)
            .env_remove("JOBDESK_PASSPHRASE")
            .env("JOBDESK_CONFIG", db.with_extension("no-config.toml"))
            .args(["--db", db.to_str().unwrap(), "log", "add", "--citizen"])
            .arg(citizen.to_string())
            .args(["--channel", "phone", "--outcome", "held", "--note"])
            .arg(format!("round {round} {note}"))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut child = child;
        std::thread::sleep(Duration::from_micros(rng.below(typical * 3 / 2)));
        let _ = child.kill(); // SIGKILL
        let out = child.wait_with_output().unwrap();
        if out.status.success() {
            // Printed before the kill: acknowledged.
            acknowledged.push(String::from_utf8_lossy(&out.stdout).trim().parse().unwrap());
        } else {
            killed += 1;
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(!err.contains("panicked"), "{err}");
        }
    }
    eprintln!("{} acknowledged, {killed} killed", acknowledged.len());
    assert!(killed > 0, "no kill landed during a write");
    // The database passes SQLite's check and holds every acknowledged entry.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    for id in &acknowledged {
        let there: bool = conn
            .query_row(
                "SELECT EXISTS(SELECT 1 FROM contacts WHERE id = ?1)",
                [id],
                |r| r.get(0),
            )
            .unwrap();
        assert!(there, "acknowledged entry {id} is lost");
    }
    drop(conn);
    ok(plain(&db).arg("check"));
    // And it goes on working.
    run_log_adds(&db, citizen, 1);
}

/// A tmpfs of `size` mounted on a fresh folder, unmounted when dropped. `None` when this
/// machine does not let the test mount one (not root, or no permission).
struct Tmpfs(PathBuf);
impl Tmpfs {
    fn mount(dir: &Path, size: &str) -> Option<Tmpfs> {
        let at = dir.join("mnt");
        std::fs::create_dir_all(&at).ok()?;
        let ok = Proc::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size},mode=0700"),
                "tmpfs",
            ])
            .arg(&at)
            .stderr(Stdio::null())
            .status()
            .ok()?
            .success();
        ok.then_some(Tmpfs(at))
    }

    fn read_only(&self) -> bool {
        Proc::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&self.0)
            .status()
            .map(|s| s.success())
            .unwrap_or(false)
    }
}
impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Proc::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_full_disk_gives_a_clear_message_and_loses_nothing_already_saved() {
    let dir = tmpdir();
    let Some(fs) = Tmpfs::mount(dir.path(), "1m") else {
        eprintln!("skipped: cannot mount a small tmpfs here (needs root)");
        return;
    };
    let db = fs.0.join("jobdesk.db");
    let citizen = add_citizen(&mut plain(&db));
    // The longest note allowed: the disk fills after a few hundred (1 MiB: the new schema
    // alone, written to the database and its -wal file, takes about half of 512 KiB).
    let note = "x".repeat(2_000);
    let mut acknowledged = Vec::new();
    let mut message = None;
    for _ in 0..2_000 {
        let out = plain(&db)
            .args([
                "log",
                "add",
                "--citizen",
                &citizen.to_string(),
                "--channel",
                "phone",
                "--outcome",
                "held",
                "--note",
                &note,
            ])
            .output()
            .unwrap();
        if out.status.success() {
            acknowledged.push(
                String::from_utf8_lossy(&out.stdout)
                    .trim()
                    .parse::<i64>()
                    .unwrap(),
            );
        } else {
            // Not bad input: a failure (exit 1).
            assert_eq!(out.status.code(), Some(1));
            message = Some(String::from_utf8_lossy(&out.stderr).into_owned());
            break;
        }
    }
    let message = message.expect("the disk never filled up");
    assert!(message.contains("disk is full"), "{message}");
    assert!(
        message.contains("everything saved before is intact"),
        "{message}"
    );
    assert!(!acknowledged.is_empty());
    // Everything acknowledged is there, and the database is sound.
    let out = ok(plain(&db).arg("check"));
    assert!(out.starts_with("ok"), "{out}");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM contacts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n as usize, acknowledged.len());
}

#[test]
fn a_read_only_folder_gives_a_clear_message() {
    let dir = tmpdir();
    let Some(fs) = Tmpfs::mount(dir.path(), "1m") else {
        eprintln!("skipped: cannot mount a tmpfs here (needs root)");
        return;
    };
    let db = fs.0.join("jobdesk.db");
    let citizen = add_citizen(&mut plain(&db));
    assert!(fs.read_only(), "remount read-only");
    let before = file_hash(&db);
    let out = plain(&db)
        .args([
            "log",
            "add",
            "--citizen",
            &citizen.to_string(),
            "--channel",
            "phone",
            "--outcome",
            "held",
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    // A read-only database is a failure (exit 1), not bad input.
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("cannot be written"), "{err}");
    assert!(err.contains("Read-only"), "{err}");
    assert_eq!(before, file_hash(&db));
    let err = bad(plain(&fs.0.join("new.db")).args([
        "citizen",
        "add",
        "--name",
        "Ny",
        "--target-group",
        "dagpenge",
    ]));
    assert!(err.contains("cannot create the database"), "{err}");
}

#[cfg(unix)]
#[test]
fn the_database_and_its_wal_and_shm_are_private_and_a_readable_one_draws_a_warning() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tmpdir();
    let db = db_in(&dir);
    let id = add_citizen(&mut plain(&db));
    let _held = Store::open(&db, &jobdesk::store::OpenOptions::new(Create::No)).unwrap();
    log_note(&mut plain(&db), id, NOTE);
    for f in files_of(&db) {
        assert_eq!(mode(&f), 0o600, "{}", f.display());
    }
    assert!(with_suffix(&db, "-wal").exists() && with_suffix(&db, "-shm").exists());
    let out = plain(&db).arg("citizens").output().unwrap();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("warning"));
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = plain(&db).arg("citizens").output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("can be read by other users"), "{err}");
    assert!(err.contains("chmod 600"), "{err}");
}

#[test]
fn backup_is_safe_while_another_process_writes_and_refuses_to_overwrite() {
    let dir = tmpdir();
    let db = generated(&dir, 20);
    let citizen = add_citizen(&mut plain(&db));
    let db2 = db.clone();
    let writer = std::thread::spawn(move || run_log_adds(&db2, citizen, 40));
    let mut backups = Vec::new();
    for i in 0..4 {
        let b = dir.path().join(format!("backup-{i}.db"));
        let out = ok(plain(&db).arg("backup").arg(&b));
        assert!(out.contains("Backup written"), "{out}");
        backups.push(b);
    }
    writer.join().unwrap();
    for b in &backups {
        let out = ok(plain(b).arg("check"));
        assert!(out.starts_with("ok"), "{out}");
        assert_eq!(files_of(b), vec![b.clone()], "one self-contained file");
        #[cfg(unix)]
        assert_eq!(mode(b), 0o600);
    }
    // An existing file is refused unless --force; the database itself is refused.
    let before = file_hash(&backups[0]);
    let err = bad(plain(&db).arg("backup").arg(&backups[0]));
    assert!(err.contains("--force"), "{err}");
    assert_eq!(before, file_hash(&backups[0]));
    ok(plain(&db).arg("backup").arg(&backups[0]).arg("--force"));
    let err = bad(plain(&db).arg("backup").arg(&db).arg("--force"));
    assert!(err.contains("the database itself"), "{err}");
    let err = bad(plain(&db)
        .arg("backup")
        .arg(dir.path().join("no/such/folder/b.db")));
    assert!(err.contains("does not exist"), "{err}");
    // The backups are in the audit log.
    let audit = json(&ok(plain(&db).args(["audit", "--json"])));
    let n = audit
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "backup")
        .count();
    assert_eq!(n, 5);
}

#[test]
fn check_says_what_is_wrong_in_plain_words() {
    let dir = tmpdir();
    let db = generated(&dir, 5);
    let out = ok(plain(&db).arg("check"));
    assert!(out.starts_with("ok"), "{out}");
    {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.execute_batch(
            "PRAGMA foreign_keys = OFF;
             INSERT INTO contacts (uuid, citizen_id, at, channel, outcome, created_at)
             VALUES ('u-broken', 9999, '2026-11-20T10:00:00', 'phone', 'held', '2026-11-20T10:00:00');",
        )
        .unwrap();
    }
    let out = plain(&db).arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("refers to a citizen that is not in the database"),
        "{stdout}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("1 problem"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");

    // A damaged index: its pages overwritten.
    let db = dir.path().join("damaged.db");
    let id = add_citizen(&mut plain(&db));
    run_log_adds(&db, id, 30);
    let root: i64 = {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.execute_batch("PRAGMA journal_mode=DELETE").unwrap();
        c.query_row(
            "SELECT rootpage FROM sqlite_master WHERE name = 'contacts_at'",
            [],
            |r| r.get(0),
        )
        .unwrap()
    };
    let mut bytes = std::fs::read(&db).unwrap();
    let page = 4096 * (root as usize - 1);
    for b in &mut bytes[page + 100..page + 4000] {
        *b = 0x55;
    }
    std::fs::write(&db, &bytes).unwrap();
    let out = plain(&db).arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("problem:"), "{stdout}");
}

fn write_config(dir: &Path, text: &str) -> PathBuf {
    let p = dir.join("config.toml");
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn purge_removes_transferred_contacts_past_the_retention_period_and_says_what() {
    let dir = tmpdir();
    let db = db_in(&dir);
    let old = add_citizen(&mut plain(&db));
    let recent: i64 = ok(plain(&db).args([
        "citizen",
        "add",
        "--name",
        "Nylig Kontakt",
        "--target-group",
        "dagpenge",
    ]))
    .trim()
    .parse()
    .unwrap();
    for (citizen, at) in [
        (old, "2023-03-01T10:00"),
        (old, "2023-06-01T10:00"),
        (old, "2024-01-10T10:00"),
        (recent, "2023-01-05T10:00"),
        (recent, "2026-11-02T10:00"),
    ] {
        ok(plain(&db).args([
            "log",
            "add",
            "--citizen",
            &citizen.to_string(),
            "--channel",
            "phone",
            "--outcome",
            "held",
            "--at",
            at,
            "--note",
            NOTE,
        ]));
    }
    {
        // Everything but the old citizen's last contact is transferred to the case system.
        let c = rusqlite::Connection::open(&db).unwrap();
        c.execute(
            "UPDATE contacts SET transferred_at = at WHERE NOT (citizen_id = ?1 AND at LIKE '2024-01-10%')",
            [old],
        )
        .unwrap();
    }
    let before = file_hash(&db);
    let out = ok(plain(&db).args(["purge", "--dry-run"]));
    assert!(
        out.contains("Would remove 2 transferred contacts of 1 citizens"),
        "{out}"
    );
    assert!(out.contains(NAME), "{out}");
    assert!(out.contains("2024-01-10"), "{out}");
    assert_eq!(before, file_hash(&db), "a dry run changes nothing");

    let out = ok(plain(&db).arg("purge"));
    assert!(out.contains("Removed 2 transferred contacts"), "{out}");
    let n = |db: &Path| -> i64 {
        rusqlite::Connection::open(db)
            .unwrap()
            .query_row("SELECT count(*) FROM contacts", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(n(&db), 3);
    let out = ok(plain(&db).arg("purge"));
    assert!(
        out.contains("Nothing is past the retention period"),
        "{out}"
    );

    // A shorter period in the config reaches the recent citizen (last contact 21 days ago).
    let cfg = write_config(dir.path(), "retention_days = 14\n");
    let mut cmd = plain(&db);
    cmd.env("JOBDESK_CONFIG", &cfg).arg("purge");
    let out = ok(&mut cmd);
    assert!(
        out.contains("Removed 2 transferred contacts of 1 citizens"),
        "{out}"
    );
    assert_eq!(n(&db), 1, "only the untransferred contact is left");
    let cfg = write_config(dir.path(), "retention_days = 0\n");
    let mut cmd = plain(&db);
    cmd.env("JOBDESK_CONFIG", &cfg).arg("purge");
    let err = bad(&mut cmd);
    assert!(err.contains("retention_days"), "{err}");

    let audit = json(&ok(plain(&db).args(["audit", "--json"])));
    let purges: Vec<_> = audit
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "purge")
        .collect();
    assert_eq!(purges.len(), 2);
    assert!(
        !found_in(&files_of(&db), &["søvnbesvær"]).is_empty(),
        "the untransferred note stays"
    );
}

#[test]
fn the_audit_log_records_exports_imports_and_reveals() {
    let dir = tmpdir();
    let db = db_in(&dir);
    let csv = dir.path().join("caseload.csv");
    std::fs::write(
        &csv,
        "name;cpr;target_group\nAnna Andersen;010190-1111;dagpenge\nBo Bech;020290-2222;sygedagpenge\n",
    )
    .unwrap();
    ok(plain(&db).arg("import").arg("caseload").arg(&csv));
    ok(plain(&db)
        .args(["export", "csv", "--date", "today", "--with-cpr", "-o"])
        .arg(dir.path().join("log.csv")));
    let ics = ok(plain(&db).args(["export", "ics"]));
    assert!(!ics.contains("010190"), "no CPR in a calendar");
    let json_file = dir.path().join("all.json");
    ok(plain(&db).args(["export", "json", "-o"]).arg(&json_file));
    let restored = dir.path().join("restored.db");
    ok(plain(&restored).arg("import").arg("json").arg(&json_file));
    {
        let mut s = Store::open(&db, &jobdesk::store::OpenOptions::new(Create::No)).unwrap();
        let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
            .unwrap()
            .and_hms_opt(9, 5, 0)
            .unwrap();
        assert_eq!(
            s.reveal_cpr(1, now).unwrap().as_deref(),
            Some("010190-1111")
        );
    }
    let entries = json(&ok(plain(&db).args(["audit", "--json"])));
    let actions: Vec<&str> = entries
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        vec!["import", "export", "export", "export", "reveal_cpr"]
    );
    let e = &entries[0];
    assert_eq!(e["rows"], 2);
    assert!(e["at"].as_str().unwrap().starts_with("2026-11-23T09:00"));
    assert!(e["os_user"].as_str().is_some_and(|u| !u.is_empty()));
    assert!(entries[1]["detail"].as_str().unwrap().contains("with CPR"));
    assert_eq!(entries[4]["citizen_id"], 1);
    let text = ok(plain(&db).args(["audit", "--citizen", "1"]));
    assert!(text.contains("reveal CPR"), "{text}");
    assert!(!text.contains("import"), "{text}");
    assert!(!text.contains("010190"), "no CPR in the log: {text}");
    let restored_audit = json(&ok(plain(&restored).args(["audit", "--json"])));
    assert_eq!(restored_audit[0]["action"], "import");

    // Entries older than six months go when a new one is written.
    let mut late = plain(&db);
    late.env("JOBDESK_NOW", "2027-06-01T09:00")
        .args(["export", "ics", "-o"])
        .arg(dir.path().join("late.ics"));
    ok(&mut late);
    let entries = json(&ok(plain(&db).args(["audit", "--json"])));
    assert_eq!(entries.as_array().unwrap().len(), 1);
    let da = ok(plain(&db).args(["audit", "--lang", "da"]));
    assert!(da.contains("eksport"), "{da}");
}

#[test]
fn writes_while_encrypt_runs_are_refused_or_kept_never_lost() {
    let dir = tmpdir();
    let db = generated(&dir, 150);
    let citizen = add_citizen(&mut plain(&db));
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (db2, stop2) = (db.clone(), stop.clone());
    // A writer that knows the passphrase: before the swap it writes the plain file, after it
    // the encrypted one.
    let writer = std::thread::spawn(move || {
        let mut acknowledged = Vec::new();
        let mut extra = 5;
        while extra > 0 {
            if stop2.load(std::sync::atomic::Ordering::SeqCst) {
                extra -= 1;
            }
            let out = keyed(&db2, PASS)
                .args([
                    "log",
                    "add",
                    "--citizen",
                    &citizen.to_string(),
                    "--channel",
                    "phone",
                    "--outcome",
                    "held",
                ])
                .output()
                .unwrap();
            if out.status.success() {
                acknowledged.push(
                    String::from_utf8_lossy(&out.stdout)
                        .trim()
                        .parse::<i64>()
                        .unwrap(),
                );
            }
        }
        acknowledged
    });
    // encrypt refuses while the writer has the file open; try until it gets its moment.
    let mut done = false;
    for _ in 0..200 {
        let out = keyed(&db, PASS).arg("encrypt").output().unwrap();
        if out.status.success() {
            done = true;
            break;
        }
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("open in another program") || err.contains("busy"),
            "{err}"
        );
    }
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    let acknowledged = writer.join().unwrap();
    assert!(done, "encrypt never found the database free");
    assert!(matches!(FileKind::of(&db).unwrap(), FileKind::Encrypted(_)));
    let s = Store::open(
        &db,
        &jobdesk::store::OpenOptions::new(Create::No)
            .key(jobdesk::store::KeySource::Passphrase(Passphrase::new(PASS))),
    )
    .unwrap();
    for id in &acknowledged {
        assert!(s.contact(*id).is_ok(), "acknowledged entry {id} is lost");
    }
    assert!(s.check().unwrap().is_empty());
}
