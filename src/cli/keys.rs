//! `jobdesk unlock [--remember]` and `jobdesk lock`: the passphrase of an encrypted database
//! kept in the operating system's credential store (Windows Credential Manager, macOS Keychain,
//! the Linux kernel keyring), so that a start asks nothing while the OS account is the user's.
//!
//! The store sits behind [`Secrets`], so that tests use [`MemorySecrets`] and never the
//! machine's own store. One entry per database: service `jobdesk`, account the database's full
//! path.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use clap::Args;
use zeroize::Zeroizing;

use super::Ctx;
use super::prompt::{self, PASSPHRASE_ENV};
use crate::error::{Result, user};
use crate::i18n::{Lang, safety as words};
use crate::store::crypt::FileKind;
use crate::store::{Create, KeySource, OpenOptions, Passphrase, Store};

/// The service name of jobdesk's entries in the credential store.
pub const SERVICE: &str = "jobdesk";

/// A credential store: one passphrase per database file.
pub trait Secrets: Send + Sync {
    /// The passphrase kept for this database, if any.
    fn get(&self, db: &Path) -> Result<Option<Passphrase>>;
    /// Keeps the passphrase for this database (replacing one kept before).
    fn set(&self, db: &Path, pass: &Passphrase) -> Result<()>;
    /// Forgets it; `false` when none was kept.
    fn forget(&self, db: &Path) -> Result<bool>;
}

/// The account name of a database: its full path, so that two databases have two entries.
pub fn account(db: &Path) -> String {
    let full = std::fs::canonicalize(db)
        .or_else(|_| std::path::absolute(db))
        .unwrap_or_else(|_| db.to_path_buf());
    full.display().to_string()
}

/// The operating system's credential store, through the `keyring` crate.
pub struct OsSecrets;

/// Runs `op` on the database's entry. The Linux kernel keyring refuses the first use in a
/// process now and then (as "no such key") while it links the user's persistent keyring: there
/// a "no such key" is tried once more on a fresh entry.
fn on_entry<T>(
    db: &Path,
    op: impl Fn(&keyring::Entry) -> keyring::Result<T>,
) -> Result<keyring::Result<T>> {
    let entry = || keyring::Entry::new(SERVICE, &account(db)).map_err(|e| anyhow::anyhow!("{e}"));
    let first = op(&entry()?);
    if cfg!(target_os = "linux") && matches!(first, Err(keyring::Error::NoEntry)) {
        return Ok(op(&entry()?));
    }
    Ok(first)
}

impl Secrets for OsSecrets {
    fn get(&self, db: &Path) -> Result<Option<Passphrase>> {
        match on_entry(db, |e| e.get_password())? {
            Ok(p) => {
                let p = Zeroizing::new(p);
                Ok(Some(Passphrase::new(p.as_str())))
            }
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(anyhow::anyhow!("{e}")),
        }
    }

    fn set(&self, db: &Path, pass: &Passphrase) -> Result<()> {
        match on_entry(db, |e| e.set_password(pass.as_str()))? {
            Ok(()) => Ok(()),
            // The kernel keyring says "no such key" when it refuses access.
            Err(keyring::Error::NoEntry) => Err(anyhow::anyhow!("access was refused")),
            Err(e) => Err(anyhow::anyhow!("{e}")),
        }
    }

    fn forget(&self, db: &Path) -> Result<bool> {
        match on_entry(db, |e| e.delete_credential())? {
            Ok(()) => Ok(true),
            Err(keyring::Error::NoEntry) => Ok(false),
            Err(e) => Err(anyhow::anyhow!("{e}")),
        }
    }
}

/// A credential store in memory, for tests: it forgets everything when dropped.
#[derive(Default)]
pub struct MemorySecrets(Mutex<Vec<(String, Passphrase)>>);

impl Secrets for MemorySecrets {
    fn get(&self, db: &Path) -> Result<Option<Passphrase>> {
        let key = account(db);
        Ok(self
            .0
            .lock()
            .ok()
            .and_then(|v| v.iter().find(|(a, _)| *a == key).map(|(_, p)| p.clone())))
    }

    fn set(&self, db: &Path, pass: &Passphrase) -> Result<()> {
        let key = account(db);
        if let Ok(mut v) = self.0.lock() {
            v.retain(|(a, _)| *a != key);
            v.push((key, pass.clone()));
        }
        Ok(())
    }

    fn forget(&self, db: &Path) -> Result<bool> {
        let key = account(db);
        let Ok(mut v) = self.0.lock() else {
            return Ok(false);
        };
        let before = v.len();
        v.retain(|(a, _)| *a != key);
        Ok(v.len() != before)
    }
}

/// The credential store this run uses: the operating system's.
pub fn os_secrets() -> Arc<dyn Secrets> {
    Arc::new(OsSecrets)
}

#[derive(Debug, Args)]
pub struct UnlockArgs {
    /// Keep the passphrase in the operating system's credential store, so that the next start
    /// asks nothing (`jobdesk lock` forgets it)
    #[arg(long)]
    pub remember: bool,
}

/// `jobdesk unlock [--remember]` on the user's database, with the OS credential store.
pub fn unlock(a: &UnlockArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let path = ctx.db_path()?;
    let pass = match prompt::passphrase_from_env(PASSPHRASE_ENV) {
        Some(p) => Some(p),
        None => prompt::read_secret(&words::prompt_passphrase(
            ctx.lang,
            &path.display().to_string(),
        ))?,
    };
    let said = unlock_with(&path, pass, a.remember, &*os_secrets(), ctx.lang)?;
    writeln!(out, "{said}")?;
    Ok(())
}

/// `jobdesk lock` on the user's database, with the OS credential store.
pub fn lock(ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let path = ctx.db_path()?;
    let said = lock_with(&path, &*os_secrets(), ctx.lang)?;
    writeln!(out, "{said}")?;
    Ok(())
}

/// Checks that `pass` opens the encrypted database at `path` and, with `remember`, keeps it in
/// `secrets`. Returns what to tell the user. Nothing is kept when the passphrase does not open
/// the file, when the file is plain, or when there is none.
pub fn unlock_with(
    path: &Path,
    pass: Option<Passphrase>,
    remember: bool,
    secrets: &dyn Secrets,
    l: Lang,
) -> Result<String> {
    let shown = path.display().to_string();
    match encrypted_file(path, l)? {
        true => {}
        false => return Err(user(words::unlock_plain(l, &shown))),
    }
    let Some(pass) = pass else {
        return Err(user(words::unlock_needs_passphrase(l, &shown)));
    };
    // Opening checks the passphrase; nothing is written to the file.
    let opts = OpenOptions::new(Create::No).key(KeySource::Passphrase(pass.clone()));
    Store::open(path, &opts)?;
    if !remember {
        return Ok(words::unlock_checked(l, &shown));
    }
    // Not the user's fault: exit 1.
    secrets
        .set(path, &pass)
        .map_err(|e| anyhow::anyhow!(words::keep_failed(l, &format!("{e:#}"))))?;
    Ok(words::remembered(l, &shown))
}

/// Forgets the passphrase kept for the database at `path`. Returns what to tell the user.
pub fn lock_with(path: &Path, secrets: &dyn Secrets, l: Lang) -> Result<String> {
    let shown = path.display().to_string();
    match secrets.forget(path) {
        Ok(true) => Ok(words::forgotten(l, &shown)),
        Ok(false) => Ok(words::nothing_kept(l, &shown)),
        Err(e) => Err(anyhow::anyhow!(words::keep_failed(l, &format!("{e:#}")))),
    }
}

/// Whether the file at `path` is an encrypted database (false: a plain one); an error when
/// there is none or it is no database.
fn encrypted_file(path: &Path, l: Lang) -> Result<bool> {
    let shown = path.display().to_string();
    if !path.exists() {
        return Err(user(words::no_database_yet(l, &shown)));
    }
    match FileKind::of(path).map_err(|e| user(format!("{shown}: {e}")))? {
        FileKind::Encrypted(_) => Ok(true),
        FileKind::Plain | FileKind::Empty => Ok(false),
        FileKind::Other => Err(crate::store::Error::NotADatabase {
            path: Some(PathBuf::from(path)),
        }
        .into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_entry_per_database_whatever_path_names_it() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let a = dir.path().join("a.db");
        let b = dir.path().join("b.db");
        std::fs::write(&a, b"").unwrap_or_default();
        let same = dir.path().join(".").join("a.db");
        assert_eq!(account(&a), account(&same));
        assert_ne!(account(&a), account(&b));
        assert!(Path::new(&account(&b)).is_absolute());
        let m = MemorySecrets::default();
        m.set(&a, &Passphrase::new("first one")).unwrap_or_default();
        m.set(&same, &Passphrase::new("second one"))
            .unwrap_or_default();
        assert_eq!(
            m.get(&a).ok().flatten(),
            Some(Passphrase::new("second one")),
            "replaced, not added"
        );
        assert_eq!(m.get(&b).ok().flatten(), None);
        assert!(m.forget(&a).unwrap_or_default());
        assert!(!m.forget(&a).unwrap_or(true));
        assert_eq!(m.get(&a).ok().flatten(), None);
    }
}
