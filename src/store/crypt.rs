//! Encryption at rest with SQLCipher: the passphrase, the key derived from it, and what kind of
//! file a database is.
//!
//! The key is SQLCipher 4's own: PBKDF2-HMAC-SHA512 with 256,000 iterations over the passphrase
//! and the 16-byte salt at the start of the file, made by the same OpenSSL call SQLCipher makes.
//! jobdesk derives it once per run and hands SQLCipher the raw key with its salt
//! (`PRAGMA key = "x'…'"`), so a second connection (a backup, the check after `encrypt`) costs
//! nothing, and the file still opens in any SQLCipher 4 with the passphrase alone.

use std::io::Read;
use std::path::Path;
use std::sync::{LazyLock, Mutex};

use rusqlite::Connection;
use zeroize::Zeroizing;

use crate::error::Result;

/// SQLCipher 4's default number of PBKDF2 iterations.
pub const KDF_ITER: u32 = 256_000;
pub const SALT_LEN: usize = 16;
const KEY_LEN: usize = 32;
/// The first 16 bytes of every plain SQLite file.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";
/// The shortest passphrase jobdesk accepts for a new key.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// A passphrase, wiped from memory when dropped and never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct Passphrase(Zeroizing<String>);

impl Passphrase {
    pub fn new(s: impl Into<String>) -> Passphrase {
        Passphrase(Zeroizing::new(s.into()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Refuses a passphrase too short (or blank) to be a new key.
    pub fn check_new(&self) -> Result<()> {
        if self.0.trim().is_empty() || self.0.chars().count() < MIN_PASSPHRASE_CHARS {
            return Err(super::Error::PassphraseTooShort {
                min: MIN_PASSPHRASE_CHARS,
            }
            .into());
        }
        Ok(())
    }
}

impl std::fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Passphrase(…)")
    }
}

/// SQLCipher's raw key with its salt, `x'<64 hex key><32 hex salt>'`: what `PRAGMA key` gets.
#[derive(Clone, PartialEq, Eq)]
pub struct Keyspec(Zeroizing<String>);

impl std::fmt::Debug for Keyspec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keyspec(…)")
    }
}

impl Keyspec {
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }

    /// Keys a fresh connection: the first statement that touches the file.
    pub(crate) fn apply(&self, conn: &Connection) -> Result<()> {
        let sql = Zeroizing::new(format!("PRAGMA key = \"{}\"", self.as_str()));
        conn.execute_batch(&sql)?;
        Ok(())
    }
}

fn hex(bytes: &[u8], out: &mut String) {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    for b in bytes {
        out.push(DIGITS[(b >> 4) as usize] as char);
        out.push(DIGITS[(b & 15) as usize] as char);
    }
}

/// Keys derived in this run, by passphrase and salt, so each is derived once.
type Derived = Vec<(Passphrase, [u8; SALT_LEN], Keyspec)>;
static DERIVED: LazyLock<Mutex<Derived>> = LazyLock::new(|| Mutex::new(Vec::new()));

/// The key for a file with this salt: derived once per run (SQLCipher 4's KDF).
pub fn derive(pass: &Passphrase, salt: &[u8; SALT_LEN]) -> Result<Keyspec> {
    if let Ok(cache) = DERIVED.lock()
        && let Some((_, _, k)) = cache.iter().find(|(p, s, _)| p == pass && s == salt)
    {
        return Ok(k.clone());
    }
    let mut key = Zeroizing::new([0u8; KEY_LEN]);
    pbkdf2_sha512(pass.as_str().as_bytes(), salt, KDF_ITER, &mut key[..])?;
    let mut spec = String::with_capacity(3 + 2 * (KEY_LEN + SALT_LEN));
    spec.push_str("x'");
    hex(&key[..], &mut spec);
    hex(salt, &mut spec);
    spec.push('\'');
    let spec = Keyspec(Zeroizing::new(spec));
    if let Ok(mut cache) = DERIVED.lock() {
        cache.push((pass.clone(), *salt, spec.clone()));
    }
    Ok(spec)
}

/// A fresh random salt for a new encrypted file.
pub fn new_salt() -> Result<[u8; SALT_LEN]> {
    let mut salt = [0u8; SALT_LEN];
    getrandom::fill(&mut salt).map_err(|e| super::Error::KeyDerivation {
        detail: format!("the system gave no random numbers: {e}"),
    })?;
    Ok(salt)
}

fn pbkdf2_sha512(pass: &[u8], salt: &[u8], iter: u32, out: &mut [u8]) -> Result<()> {
    let too_long = || super::Error::KeyDerivation {
        detail: "the passphrase is too long".into(),
    };
    let pass_len = i32::try_from(pass.len()).map_err(|_| too_long())?;
    let out_len = i32::try_from(out.len()).map_err(|_| too_long())?;
    let iter = i32::try_from(iter).map_err(|_| too_long())?;
    openssl_sys::init();
    // SAFETY: every pointer comes from a live slice whose length is passed beside it; OpenSSL
    // writes exactly `out_len` bytes into `out` and keeps no pointer after it returns.
    let ok = unsafe {
        openssl_sys::PKCS5_PBKDF2_HMAC(
            pass.as_ptr().cast(),
            pass_len,
            salt.as_ptr(),
            salt.len() as i32,
            iter,
            openssl_sys::EVP_sha512(),
            out_len,
            out.as_mut_ptr(),
        )
    };
    if ok != 1 {
        return Err(super::Error::KeyDerivation {
            detail: "OpenSSL failed".into(),
        }
        .into());
    }
    Ok(())
}

/// What a file holds, judged from its first bytes and its size; nothing is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// No bytes yet: a new database.
    Empty,
    /// A plain SQLite file.
    Plain,
    /// Random-looking whole pages: an SQLCipher file (its first 16 bytes are the salt).
    Encrypted([u8; SALT_LEN]),
    /// Neither: a text file, a picture, a broken file.
    Other,
}

impl FileKind {
    pub fn of(path: &Path) -> std::io::Result<FileKind> {
        let mut f = std::fs::File::open(path)?;
        let len = f.metadata()?.len();
        if len == 0 {
            return Ok(FileKind::Empty);
        }
        let mut head = [0u8; SALT_LEN];
        let mut got = 0;
        while got < SALT_LEN {
            match f.read(&mut head[got..])? {
                0 => break,
                n => got += n,
            }
        }
        if got == SALT_LEN && &head == SQLITE_HEADER {
            return Ok(FileKind::Plain);
        }
        // SQLCipher writes whole pages of 512 to 65,536 bytes, and its salt is random bytes,
        // not text.
        let text = head
            .iter()
            .all(|b| matches!(b, b'\t' | b'\n' | b'\r' | 0x20..=0x7e));
        if got == SALT_LEN && len >= 512 && len % 512 == 0 && !text {
            return Ok(FileKind::Encrypted(head));
        }
        Ok(FileKind::Other)
    }
}

/// Turns SQLCipher's logging off for the whole process: its messages would land on stderr,
/// over the desk's screen. jobdesk says what went wrong itself.
pub(crate) fn silence(conn: &Connection) {
    let _ = conn.query_row("PRAGMA cipher_log_level = NONE", [], |_| Ok(()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_raw_key_is_what_sqlcipher_derives_from_the_passphrase() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.db");
        let pass = Passphrase::new("correct horse battery");
        // SQLCipher derives the key itself from the passphrase and writes a random salt.
        {
            let conn = Connection::open(&path).unwrap();
            silence(&conn);
            conn.pragma_update(None, "key", pass.as_str()).unwrap();
            conn.execute_batch("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('hello');")
                .unwrap();
        }
        let FileKind::Encrypted(salt) = FileKind::of(&path).unwrap() else {
            panic!("not seen as encrypted");
        };
        // jobdesk's raw key with that salt opens it.
        let conn = Connection::open(&path).unwrap();
        silence(&conn);
        derive(&pass, &salt).unwrap().apply(&conn).unwrap();
        let x: String = conn.query_row("SELECT x FROM t", [], |r| r.get(0)).unwrap();
        assert_eq!(x, "hello");
        // A wrong passphrase does not.
        let conn = Connection::open(&path).unwrap();
        silence(&conn);
        derive(&Passphrase::new("wrong horse battery"), &salt)
            .unwrap()
            .apply(&conn)
            .unwrap();
        let e = conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| {
                r.get::<_, i64>(0)
            })
            .unwrap_err();
        assert_eq!(
            e.sqlite_error_code(),
            Some(rusqlite::ErrorCode::NotADatabase)
        );
    }

    #[test]
    fn a_file_made_with_the_raw_key_opens_with_the_passphrase_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b.db");
        let pass = Passphrase::new("another long passphrase");
        let salt = new_salt().unwrap();
        {
            let conn = Connection::open(&path).unwrap();
            silence(&conn);
            derive(&pass, &salt).unwrap().apply(&conn).unwrap();
            conn.execute_batch("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('hej');")
                .unwrap();
        }
        assert_eq!(FileKind::of(&path).unwrap(), FileKind::Encrypted(salt));
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "key", pass.as_str()).unwrap();
        let x: String = conn.query_row("SELECT x FROM t", [], |r| r.get(0)).unwrap();
        assert_eq!(x, "hej");
    }

    #[test]
    fn kinds_of_files() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x");
        std::fs::write(&p, b"").unwrap();
        assert_eq!(FileKind::of(&p).unwrap(), FileKind::Empty);
        std::fs::write(&p, "not a database\n".repeat(100)).unwrap();
        assert_eq!(FileKind::of(&p).unwrap(), FileKind::Other);
        // Text in whole pages is still text.
        std::fs::write(&p, "0123456789abcdef".repeat(64)).unwrap();
        assert_eq!(FileKind::of(&p).unwrap(), FileKind::Other);
        let conn = Connection::open(p.with_extension("db")).unwrap();
        conn.execute_batch("CREATE TABLE t (x)").unwrap();
        drop(conn);
        assert_eq!(
            FileKind::of(&p.with_extension("db")).unwrap(),
            FileKind::Plain
        );
    }

    #[test]
    fn short_passphrases_are_refused_for_new_keys() {
        assert!(Passphrase::new("kort").check_new().is_err());
        assert!(Passphrase::new("        ").check_new().is_err());
        assert!(Passphrase::new("otte tegn").check_new().is_ok());
        assert_eq!(format!("{:?}", Passphrase::new("secret")), "Passphrase(…)");
    }
}
