//! Encrypted by default: the first start asks for a passphrase and makes an encrypted file;
//! `init --no-encrypt` and the config's `encrypt = false` are the way out; a plain database is
//! marked in the desk's header; `unlock --remember` / `lock` with a credential store (a mock:
//! never the machine's own).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use jobdesk::cli::keys::{MemorySecrets, Secrets, lock_with, unlock_with};
use jobdesk::cli::prompt::{Ask, key_source_with};
use jobdesk::i18n::Lang;
use jobdesk::store::crypt::FileKind;
use jobdesk::store::{Create, KeySource, OpenOptions, Passphrase, Store};

use crate::desk::{app, screen};
use crate::e2e::Tmux;
use crate::support::*;

const PASS: &str = "kaffe på bænken ved åen";
const NAME: &str = "Zacharias Hemmeligsen";

fn bytes_hold(path: &Path, text: &str) -> bool {
    let hay = std::fs::read(path).unwrap();
    hay.windows(text.len()).any(|w| w == text.as_bytes())
}

fn starts_plain(path: &Path) -> bool {
    std::fs::read(path)
        .unwrap()
        .starts_with(b"SQLite format 3\0")
}

/// The binary with the shipped defaults (no settings file: `encrypt` is on), as on a new
/// machine.
fn fresh(dir: &tempfile::TempDir, db: &Path) -> assert_cmd::Command {
    let mut c = jobdesk(db);
    c.env(
        "JOBDESK_CONFIG",
        dir.path().join("none").join("config.toml"),
    );
    c
}

fn add_citizen(cmd: &mut assert_cmd::Command) -> String {
    ok(cmd.args([
        "citizen",
        "add",
        "--name",
        NAME,
        "--target-group",
        "dagpenge",
    ]))
}

#[test]
fn the_first_start_of_the_desk_asks_for_a_passphrase_twice_and_makes_an_encrypted_file() {
    let Some(t) = Tmux::new("first-start") else {
        return;
    };
    t.run(&["resize-window", "-t", "e2e", "-x", "80", "-y", "24"]);
    let dir = tmpdir();
    let db = dir.path().join("ny").join("jobdesk.db");
    let config = dir.path().join("config.toml");
    let cmd = format!(
        "{} JOBDESK_CONFIG='{}' JOBDESK_DB='{}' LANG= {} --lang da; echo EXIT=$?",
        shell_env(),
        config.display(),
        db.display(),
        BIN
    );
    t.keys(&[&cmd, "Enter"]);
    let s = t.wait_for("Ny adgangsfrase");
    assert!(s.contains("mindst 8 tegn"), "{s}");
    assert!(s.contains("jobdesk init --no-encrypt"), "{s}");
    // Too short, then two that differ: asked again, nothing made yet.
    t.keys(&["kort", "Enter"]);
    t.wait_for("for kort");
    t.keys(&[PASS, "Enter"]);
    t.wait_for("Skriv den igen");
    t.keys(&["noget andet helt", "Enter"]);
    t.wait_for("forskellige");
    t.keys(&[PASS, "Enter"]);
    t.keys(&[PASS, "Enter"]);
    t.wait_for("Velkommen til jobdesk");
    let s = t.screen();
    assert!(!s.contains("ukrypteret"), "{s}");
    // A citizen added in the desk, as a user would.
    t.keys(&["+"]);
    t.wait_for("Ny borger");
    t.keys(&[NAME, "Tab", "Tab", "Tab", "dagpenge", "Enter"]);
    t.wait_for("Borger oprettet");
    t.keys(&["Escape", "q"]);
    t.wait_for("EXIT=0");
    assert!(matches!(FileKind::of(&db).unwrap(), FileKind::Encrypted(_)));
    assert!(!starts_plain(&db));
    for f in [db.clone(), PathBuf::from(format!("{}-wal", db.display()))] {
        if f.exists() {
            assert!(!bytes_hold(&f, NAME), "{} holds the name", f.display());
            assert!(!bytes_hold(&f, "Hemmeligsen"), "{}", f.display());
        }
    }
    // The passphrase opens it; the citizen is there.
    let list = ok(fresh(&dir, &db)
        .env("JOBDESK_PASSPHRASE", PASS)
        .args(["citizens", "--json"]));
    assert!(list.contains(NAME), "{list}");
}

#[test]
fn without_a_terminal_a_new_database_is_refused_with_the_commands_that_make_one() {
    let dir = tmpdir();
    let db = dir.path().join("data").join("jobdesk.db");
    let csv = dir.path().join("b.csv");
    std::fs::write(&csv, "name,target_group\nAne Andersen,dagpenge\n").unwrap();
    for args in [
        &[
            "citizen",
            "add",
            "--name",
            NAME,
            "--target-group",
            "dagpenge",
        ][..],
        &["import", "caseload", csv.to_str().unwrap()],
        &["generate", "--citizens", "3"],
        &["init"],
    ] {
        let err = bad(fresh(&dir, &db).args(args));
        assert!(err.contains("JOBDESK_PASSPHRASE"), "{args:?}: {err}");
        if args[0] != "init" {
            assert!(err.contains("jobdesk init --no-encrypt"), "{args:?}: {err}");
        }
        assert!(!db.exists(), "{args:?} left {}", db.display());
    }
    // In Danish too.
    let err = bad(fresh(&dir, &db).args([
        "--lang",
        "da",
        "citizen",
        "add",
        "--name",
        NAME,
        "--target-group",
        "dagpenge",
    ]));
    assert!(err.contains("krypterer en ny med en adgangsfrase"), "{err}");
    assert!(!db.exists());
}

#[test]
fn init_encrypts_by_default_and_no_encrypt_or_the_config_makes_a_plain_file() {
    let dir = tmpdir();
    // The default, with the passphrase from the environment (scripts): encrypted.
    let enc = dir.path().join("enc.db");
    let out = ok(fresh(&dir, &enc)
        .env("JOBDESK_PASSPHRASE", PASS)
        .arg("init"));
    assert!(out.contains("Created an encrypted database"), "{out}");
    add_citizen(fresh(&dir, &enc).env("JOBDESK_PASSPHRASE", PASS));
    assert!(matches!(
        FileKind::of(&enc).unwrap(),
        FileKind::Encrypted(_)
    ));
    assert!(!starts_plain(&enc));
    assert!(!bytes_hold(&enc, NAME));
    // `--encrypt` still works (old scripts): the same.
    let old = dir.path().join("old.db");
    ok(fresh(&dir, &old)
        .env("JOBDESK_PASSPHRASE", PASS)
        .args(["init", "--encrypt"]));
    assert!(matches!(
        FileKind::of(&old).unwrap(),
        FileKind::Encrypted(_)
    ));
    // Both flags at once: bad input.
    bad(fresh(&dir, &dir.path().join("both.db")).args(["init", "--encrypt", "--no-encrypt"]));

    // --no-encrypt: plain, and the name is in the file's bytes (the check above can fail).
    let plain = dir.path().join("plain.db");
    let out = ok(fresh(&dir, &plain).args(["init", "--no-encrypt"]));
    assert!(out.contains("not encrypted"), "{out}");
    add_citizen(&mut fresh(&dir, &plain));
    assert_eq!(FileKind::of(&plain).unwrap(), FileKind::Plain);
    assert!(starts_plain(&plain));
    assert!(bytes_hold(&plain, NAME));

    // The config's `encrypt = false`: `init` and any command that creates the file make it plain.
    let cfg = dir.path().join("plain.toml");
    std::fs::write(&cfg, "encrypt = false\n").unwrap();
    for (name, args) in [
        ("a.db", &["init"][..]),
        (
            "b.db",
            &[
                "citizen",
                "add",
                "--name",
                NAME,
                "--target-group",
                "dagpenge",
            ],
        ),
    ] {
        let db = dir.path().join(name);
        ok(jobdesk(&db).env("JOBDESK_CONFIG", &cfg).args(args));
        assert_eq!(FileKind::of(&db).unwrap(), FileKind::Plain, "{args:?}");
    }
    // `init --encrypt` overrides the config.
    let db = dir.path().join("c.db");
    ok(jobdesk(&db)
        .env("JOBDESK_CONFIG", &cfg)
        .env("JOBDESK_PASSPHRASE", PASS)
        .args(["init", "--encrypt"]));
    assert!(matches!(FileKind::of(&db).unwrap(), FileKind::Encrypted(_)));
}

#[test]
fn the_header_marks_an_unencrypted_database_and_keeps_every_count_whole() {
    let mut a = app(Lang::Da);
    let s = screen(&a, 80, 24);
    assert!(!s.contains("ukrypteret"), "the demo is not nagged: {s}");
    a.unencrypted = true;
    for h in [24, 23] {
        let s = screen(&a, 80, h);
        let top = s.lines().next().unwrap();
        assert!(top.starts_with(" ukrypteret "), "{top}");
        assert!(top.contains("0 overskredet"), "{top}");
        assert!(top.contains("til overførsel"), "{top}");
        assert!(top.contains("man 23.11"), "{top}");
    }
    // Busier days whose header fits without the mark: the mark stays, and every count stays
    // whole (the space after the mark goes, then the weekday).
    for (calls, visits, overdue, pending, too_old) in
        [(14, 2, 17, 12, 0), (9, 3, 11, 8, 0), (24, 12, 7, 0, 0)]
    {
        a.counts.calls = calls;
        a.counts.visits = visits;
        a.counts.overdue = overdue;
        a.counts.pending = pending;
        a.counts.too_old = too_old;
        a.unencrypted = false;
        let plain = screen(&a, 80, 24).lines().next().unwrap().to_string();
        a.unencrypted = true;
        let marked = screen(&a, 80, 24).lines().next().unwrap().to_string();
        assert!(marked.starts_with(" ukrypteret"), "{marked}");
        assert!(marked.contains("23.11"), "{marked}");
        let counts: Vec<&str> = plain.split(" · ").skip(1).collect();
        assert!(counts.len() >= 4, "{plain}");
        for count in counts {
            assert!(
                marked.contains(count.trim()),
                "{count:?} cut:\n{plain}\n{marked}"
            );
        }
    }

    let mut a = app(Lang::En);
    a.unencrypted = true;
    let s = screen(&a, 120, 40);
    let top = s.lines().next().unwrap();
    assert!(top.starts_with(" unencrypted "), "{top}");
    assert!(top.contains("week 48"), "{top}");
}

/// Asking by script: the answers to give, what was said, the passphrase remembered.
#[derive(Default)]
struct Script {
    answers: Mutex<VecDeque<&'static str>>,
    asked: Mutex<Vec<String>>,
    said: Mutex<Vec<String>>,
    typed: Mutex<Option<Passphrase>>,
}

impl Script {
    fn answering(answers: &[&'static str]) -> Arc<Script> {
        let s = Script::default();
        s.answers.lock().unwrap().extend(answers.iter().copied());
        Arc::new(s)
    }
}

impl Ask for Script {
    fn can_ask(&self) -> bool {
        !self.answers.lock().unwrap().is_empty()
    }
    fn read(&self, prompt: &str) -> jobdesk::error::Result<Option<Passphrase>> {
        self.asked.lock().unwrap().push(prompt.to_string());
        Ok(self
            .answers
            .lock()
            .unwrap()
            .pop_front()
            .map(Passphrase::new))
    }
    fn say(&self, text: &str) {
        self.said.lock().unwrap().push(text.to_string());
    }
    fn recall(&self) -> Option<Passphrase> {
        self.typed.lock().unwrap().clone()
    }
    fn remember(&self, pass: Option<Passphrase>) {
        *self.typed.lock().unwrap() = pass;
    }
}

fn encrypted_db(dir: &tempfile::TempDir, pass: &str) -> PathBuf {
    let db = dir.path().join("k.db");
    let opts = OpenOptions::new(Create::Yes).key(KeySource::Passphrase(Passphrase::new(pass)));
    let store = Store::open(&db, &opts).unwrap();
    assert!(store.encrypted());
    db
}

fn open_with(db: &Path, key: KeySource) -> jobdesk::error::Result<Store> {
    Store::open(db, &OpenOptions::new(Create::No).key(key))
}

#[test]
fn unlock_remember_then_lock_round_trip_with_a_mock_credential_store() {
    let dir = tmpdir();
    let db = encrypted_db(&dir, PASS);
    let secrets: Arc<MemorySecrets> = Arc::new(MemorySecrets::default());
    let nobody = || Script::answering(&[]);

    // Nothing kept: without a terminal the database is refused.
    let key = key_source_with(Lang::En, true, secrets.clone(), nobody());
    let e = open_with(&db, key).err().unwrap();
    assert!(format!("{e:#}").contains("is encrypted"), "{e:#}");

    // A wrong passphrase is not kept.
    let e = unlock_with(
        &db,
        Some(Passphrase::new("not the one at all")),
        true,
        &*secrets,
        Lang::En,
    )
    .err()
    .unwrap();
    assert!(format!("{e:#}").contains("does not open"), "{e:#}");
    assert!(secrets.get(&db).unwrap().is_none());

    // unlock --remember: kept, and the next start asks nothing.
    let said = unlock_with(&db, Some(Passphrase::new(PASS)), true, &*secrets, Lang::En).unwrap();
    assert!(said.contains("is kept in"), "{said}");
    let ask = nobody();
    let store = open_with(
        &db,
        key_source_with(Lang::En, true, secrets.clone(), ask.clone()),
    )
    .unwrap();
    assert!(store.encrypted());
    drop(store);
    assert!(ask.asked.lock().unwrap().is_empty(), "nothing was asked");
    // The same database by another path (with `..`) is the same entry.
    let other = db.parent().unwrap().join(".").join("k.db");
    assert!(secrets.get(&other).unwrap().is_some());

    // unlock without --remember only checks.
    let said = unlock_with(&db, Some(Passphrase::new(PASS)), false, &*secrets, Lang::Da).unwrap();
    assert!(said.contains("Adgangsfrasen åbner"), "{said}");

    // lock forgets it: asked (refused without a terminal) again.
    let said = lock_with(&db, &*secrets, Lang::En).unwrap();
    assert!(said.contains("is gone from"), "{said}");
    assert!(
        open_with(
            &db,
            key_source_with(Lang::En, true, secrets.clone(), nobody())
        )
        .is_err()
    );
    let said = lock_with(&db, &*secrets, Lang::Da).unwrap();
    assert!(said.contains("Der var ingen adgangsfrase"), "{said}");

    // A plain database has no passphrase to keep.
    let plain = dir.path().join("plain.db");
    Store::open(&plain, &OpenOptions::new(Create::Yes)).unwrap();
    let e = unlock_with(
        &plain,
        Some(Passphrase::new(PASS)),
        true,
        &*secrets,
        Lang::En,
    )
    .err()
    .unwrap();
    assert!(format!("{e:#}").contains("jobdesk encrypt"), "{e:#}");
    assert!(secrets.get(&plain).unwrap().is_none());
}

#[test]
fn a_stored_passphrase_changed_by_rekey_is_reported_and_the_user_asked() {
    let dir = tmpdir();
    let db = encrypted_db(&dir, "the new passphrase");
    let secrets: Arc<MemorySecrets> = Arc::new(MemorySecrets::default());
    secrets
        .set(&db, &Passphrase::new("the old passphrase"))
        .unwrap();
    let ask = Script::answering(&["the new passphrase"]);
    let store = open_with(
        &db,
        key_source_with(Lang::En, true, secrets.clone(), ask.clone()),
    )
    .unwrap();
    assert!(store.encrypted());
    let said = ask.said.lock().unwrap().join("\n");
    assert!(said.contains("does not open"), "{said}");
    assert!(said.contains("jobdesk rekey"), "{said}");
    assert!(said.contains("jobdesk unlock --remember"), "{said}");
    assert_eq!(ask.asked.lock().unwrap().len(), 1, "asked once");
    // Without anyone to ask: the store's passphrase is reported, then the file refused.
    let ask = Script::answering(&[]);
    assert!(
        open_with(
            &db,
            key_source_with(Lang::Da, true, secrets.clone(), ask.clone())
        )
        .is_err()
    );
    let said = ask.said.lock().unwrap().join("\n");
    assert!(said.contains("åbner ikke"), "{said}");
}

#[test]
fn a_new_database_asks_for_its_passphrase_twice_or_stays_plain_when_the_config_says_so() {
    let dir = tmpdir();
    let secrets: Arc<MemorySecrets> = Arc::new(MemorySecrets::default());
    // Typed twice: encrypted with it.
    let db = dir.path().join("new.db");
    let ask = Script::answering(&[PASS, PASS]);
    let key = key_source_with(Lang::Da, true, secrets.clone(), ask.clone());
    let store = Store::open(&db, &OpenOptions::new(Create::Yes).key(key)).unwrap();
    assert!(store.encrypted());
    drop(store);
    let said = ask.said.lock().unwrap().join("\n");
    assert!(said.contains("mindst 8 tegn"), "{said}");
    assert_eq!(ask.asked.lock().unwrap().len(), 2);
    assert!(open_with(&db, KeySource::Passphrase(Passphrase::new(PASS))).is_ok());
    // Cancelled at the question (nobody answers the second time): no file left.
    let db = dir.path().join("gone.db");
    let ask = Script::answering(&[PASS]);
    let key = key_source_with(Lang::En, true, secrets.clone(), ask);
    assert!(Store::open(&db, &OpenOptions::new(Create::Yes).key(key)).is_err());
    assert!(!db.exists());
    // encrypt = false: plain, nothing asked.
    let db = dir.path().join("plain.db");
    let ask = Script::answering(&[PASS, PASS]);
    let key = key_source_with(Lang::En, false, secrets, ask.clone());
    let store = Store::open(&db, &OpenOptions::new(Create::Yes).key(key)).unwrap();
    assert!(!store.encrypted());
    assert!(ask.asked.lock().unwrap().is_empty());
}
