//! What opening a database takes from its caller: whether it may create one, where the key of an
//! encrypted one comes from, the clock, the cadence rules and the retention period; and the
//! warnings it gives back. The store reads nothing from the environment, asks nobody on a
//! terminal and prints nothing: the caller decides all of that.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDateTime;

use super::crypt::Passphrase;
use crate::domain::cadence::Rules;
use crate::error::Result;

/// Transferred contacts are kept this many days after a citizen's last contact (2 years).
pub const DEFAULT_RETENTION_DAYS: u32 = 730;

/// Whether opening may create a database that does not exist yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Create {
    Yes,
    No,
}

/// Why the store asks for a passphrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AskReason {
    /// The file is new (empty): a passphrase encrypts it, `None` leaves it plain.
    NewDatabase,
    /// The file is encrypted: its passphrase opens it, `None` refuses it
    /// ([`super::Error::NeedsPassphrase`]).
    Existing,
    /// The passphrase given for this encrypted file did not open it: this is try `attempt`
    /// (2 or 3; after the third the opening fails with [`super::Error::WrongPassphrase`]).
    Retry { attempt: u32 },
}

/// Asks for the passphrase of the database at the path, told why. `Ok(None)`: no passphrase
/// (nobody to ask, or none wanted). An error (the user cancelled) ends the opening.
pub type Asker = dyn Fn(&Path, AskReason) -> Result<Option<Passphrase>> + Send + Sync;

/// Where the key of an encrypted database comes from.
#[derive(Clone, Default)]
pub enum KeySource {
    /// No passphrase: a new database is plain, an encrypted one is refused
    /// ([`super::Error::NeedsPassphrase`]).
    #[default]
    Plain,
    /// This passphrase: an encrypted database must open with it
    /// ([`super::Error::WrongPassphrase`] otherwise, at once), a new one is encrypted with it. A
    /// plain database opens as it is, with [`Warning::PassphraseUnused`].
    Passphrase(Passphrase),
    /// Ask when a passphrase is needed (see [`AskReason`]); up to three tries for an encrypted
    /// database.
    Ask(Arc<Asker>),
}

impl std::fmt::Debug for KeySource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeySource::Plain => f.write_str("KeySource::Plain"),
            KeySource::Passphrase(_) => f.write_str("KeySource::Passphrase(…)"),
            KeySource::Ask(_) => f.write_str("KeySource::Ask(…)"),
        }
    }
}

/// The clock the store stamps rows with (`created_at`).
#[derive(Clone)]
pub struct Clock(Arc<dyn Fn() -> NaiveDateTime + Send + Sync>);

impl Clock {
    pub fn new(f: impl Fn() -> NaiveDateTime + Send + Sync + 'static) -> Clock {
        Clock(Arc::new(f))
    }

    /// Always this moment (tests).
    pub fn fixed(at: NaiveDateTime) -> Clock {
        Clock::new(move || at)
    }

    /// Danish time (Europe/Copenhagen), whatever time zone the computer is set to.
    pub fn system() -> Clock {
        Clock::new(crate::domain::localtime::now)
    }

    pub fn now(&self) -> NaiveDateTime {
        (self.0)()
    }
}

impl std::fmt::Debug for Clock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Clock({})", self.now())
    }
}

/// How to open a database. `OpenOptions::new(Create::No)` opens an existing plain database
/// with the system clock, the default cadence rules and retention.
#[derive(Debug, Clone)]
pub struct OpenOptions {
    pub create: Create,
    pub key: KeySource,
    pub clock: Clock,
    /// The cadence rules. `Some`: the stored due dates are recomputed when they were computed
    /// with other rules (see [`super::Store::use_rules`]). `None`: the default rules, and the
    /// stored due dates are taken as they are.
    pub rules: Option<Rules>,
    /// How long transferred contacts are kept after a citizen's last contact.
    pub retention_days: u32,
}

impl OpenOptions {
    pub fn new(create: Create) -> OpenOptions {
        OpenOptions {
            create,
            key: KeySource::Plain,
            clock: Clock::system(),
            rules: None,
            retention_days: DEFAULT_RETENTION_DAYS,
        }
    }

    pub fn key(mut self, key: KeySource) -> Self {
        self.key = key;
        self
    }

    pub fn clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    pub fn rules(mut self, rules: Rules) -> Self {
        self.rules = Some(rules);
        self
    }

    pub fn retention_days(mut self, days: u32) -> Self {
        self.retention_days = days;
        self
    }
}

/// Something the caller should tell the user after opening; the database opened all the same.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// Other users on this machine may read the file (it holds personal data).
    OthersMayRead { path: PathBuf },
    /// A passphrase was given, but the file is not encrypted.
    PassphraseUnused { path: PathBuf },
}
