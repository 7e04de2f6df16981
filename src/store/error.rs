//! The store's errors: each variant carries the facts (which id, which file, which range), and
//! says whether the user caused it ([`Error::is_user`]: exit code 2) or not (exit code 1). The
//! wording here is plain English without command-line flags; the command line and the desk word
//! them in Danish or English in `i18n::errors`.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::domain::closure::CallResult;
use crate::domain::{Channel, Kind, Outcome, Status, Word};

/// What kind of row a [`Error::Gone`] was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Citizen,
    Appointment,
    Contact,
}

impl Row {
    pub fn en(self) -> &'static str {
        match self {
            Row::Citizen => "citizen",
            Row::Appointment => "appointment",
            Row::Contact => "contact",
        }
    }
}

/// What a length in minutes was given for (each has its own range).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MinutesOf {
    /// 1 to 1440.
    Appointment,
    /// 0 to 1440.
    Contact,
    /// 0 to 1440.
    Call,
}

impl MinutesOf {
    pub fn range(self) -> (i64, i64) {
        match self {
            MinutesOf::Appointment => (1, 24 * 60),
            MinutesOf::Contact | MinutesOf::Call => (0, 24 * 60),
        }
    }

    fn en(self) -> &'static str {
        match self {
            MinutesOf::Appointment => "an appointment",
            MinutesOf::Contact => "a contact",
            MinutesOf::Call => "a call",
        }
    }
}

/// What a path names when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Special {
    Folder,
    /// A character or block device (`/dev/null`, a disk).
    Device,
    /// A named pipe: reading it waits for a writer.
    Fifo,
    Socket,
    Other,
}

impl Special {
    /// What `path` names (following a symbolic link) when it is there and is not a regular file.
    pub fn of(path: &std::path::Path) -> Option<Special> {
        let meta = std::fs::metadata(path).ok()?;
        let t = meta.file_type();
        if t.is_file() {
            return None;
        }
        if t.is_dir() {
            return Some(Special::Folder);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if t.is_char_device() || t.is_block_device() {
                return Some(Special::Device);
            }
            if t.is_fifo() {
                return Some(Special::Fifo);
            }
            if t.is_socket() {
                return Some(Special::Socket);
            }
        }
        Some(Special::Other)
    }

    pub fn en(self) -> &'static str {
        match self {
            Special::Folder => "a folder",
            Special::Device => "a device",
            Special::Fifo => "a named pipe (FIFO)",
            Special::Socket => "a socket",
            Special::Other => "not a regular file",
        }
    }

    pub fn da(self) -> &'static str {
        match self {
            Special::Folder => "en mappe",
            Special::Device => "en enhed",
            Special::Fifo => "et navngivet rør (FIFO)",
            Special::Socket => "en sokkel",
            Special::Other => "ikke en almindelig fil",
        }
    }
}

fn shown(p: &std::path::Path) -> std::path::Display<'_> {
    p.display()
}

fn keys(list: &[Channel]) -> String {
    list.iter()
        .map(|c| c.key())
        .collect::<Vec<_>>()
        .join(" or ")
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    // --- Finding, creating and opening the file --------------------------------------------
    #[error("cannot find your home folder to keep the database in: give the database's path")]
    NoHomeFolder,
    #[error("{} is a folder, not a database file: give a file's path", shown(path))]
    IsAFolder { path: PathBuf },
    #[error("{} is {}, not a database file: give a database file's path", shown(path), kind.en())]
    NotAFile { path: PathBuf, kind: Special },
    #[error(
        "no database at {}: create one, or give the path of yours",
        shown(path)
    )]
    NoDatabase { path: PathBuf },
    #[error("cannot read {}: {reason}. Check the file's permissions", shown(path))]
    CannotRead { path: PathBuf, reason: String },
    #[error(
        "cannot create the folder {}: {reason}. Create it or choose another path",
        shown(dir)
    )]
    CannotCreateFolder { dir: PathBuf, reason: String },
    #[error(
        "cannot create the database {}: {reason}. Check that the folder exists and is writable",
        shown(path)
    )]
    CannotCreate { path: PathBuf, reason: String },
    #[error("{} is not a jobdesk database (or it is encrypted and the passphrase is wrong); it was not changed", path.as_deref().map(|p| p.display().to_string()).unwrap_or_else(|| "the file".into()))]
    NotADatabase { path: Option<PathBuf> },
    #[error(
        "{} is an SQLite database of another program, not jobdesk's; it was not changed. Give jobdesk its own file",
        shown(path)
    )]
    ForeignDatabase { path: PathBuf },
    #[error("{} was written by a newer jobdesk (database version {version}, this jobdesk knows up to {latest}); it was not changed. Update jobdesk to open it", path.as_deref().map(|p| p.display().to_string()).unwrap_or_else(|| "the database".into()))]
    NewerSchema {
        path: Option<PathBuf>,
        version: u32,
        latest: u32,
    },
    #[error("migration to database version {version} failed: {detail}")]
    MigrationFailed { version: u32, detail: String },
    #[error("{} is encrypted: its passphrase is needed to open it", shown(path))]
    NeedsPassphrase { path: PathBuf },
    /// `asked`: the passphrase was asked for (three tries); else it was given by the caller.
    #[error(
        "the passphrase does not open {}: it is wrong, or the file is not a jobdesk database. The file was not changed",
        shown(path)
    )]
    WrongPassphrase { path: PathBuf, asked: bool },
    #[error(
        "the passphrase is too short: use at least {min} characters (a few words are easy to remember and hard to guess)"
    )]
    PassphraseTooShort { min: usize },
    #[error("the key could not be made: {detail}")]
    KeyDerivation { detail: String },

    // --- What SQLite said --------------------------------------------------------------------
    #[error(
        "the database is busy: another program kept it locked for too long. Try again in a moment"
    )]
    Busy,
    #[error(
        "the disk is full: nothing from this step was saved, everything saved before is intact. Free some space and try again"
    )]
    DiskFull,
    #[error(
        "the database or its folder is read-only: nothing was saved. Check the file's and folder's permissions"
    )]
    ReadOnly,
    #[error(
        "the database file cannot be opened: check that the folder exists and that you may read and write it"
    )]
    CannotOpen,
    #[error("permission denied on the database file: check its owner and permissions")]
    PermissionDenied,
    #[error(
        "the database file is damaged ({detail}). Keep a copy of it as it is, check it, and restore from your latest backup if need be"
    )]
    Corrupt { detail: String },
    #[error(
        "reading or writing the disk failed (is it full, removed or failing?): nothing from this step was saved, everything saved before is intact ({detail})"
    )]
    DiskIo { detail: String },
    #[error(
        "the database {} cannot be written ({reason}): nothing was saved or changed. Check the file's permissions, or copy it somewhere you may write",
        shown(path)
    )]
    FileNotWritable { path: PathBuf, reason: String },
    #[error(
        "the folder {} cannot be written ({reason}): jobdesk keeps two small files beside the database (-wal and -shm), so it cannot work there. Nothing was saved or changed. Move the database to a folder you may write",
        shown(dir)
    )]
    FolderNotWritable { dir: PathBuf, reason: String },
    /// Context: the database an error happened in.
    #[error("database {}", shown(path))]
    AtDatabase { path: PathBuf },
    /// Context: the database a migration failed in.
    #[error("in {}", shown(path))]
    InDatabase { path: PathBuf },

    // --- Rows ----------------------------------------------------------------------------------
    #[error("no citizen with id {0}")]
    NoCitizen(i64),
    #[error("no appointment with id {0}")]
    NoAppointment(i64),
    #[error("no contact with id {0}")]
    NoContact(i64),
    #[error("the {} {id} is gone (was it erased?)", what.en())]
    Gone { what: Row, id: i64 },
    /// A soft-deleted row (kept only so an undo can bring it back).
    #[error("the {} {id} is deleted: undo the deletion first, or choose a live one", what.en())]
    Deleted { what: Row, id: i64 },
    #[error("nothing to change: give at least one new value")]
    NothingToChange,
    /// An appointment's outcome entry becomes held, no-show or cancelled (its appointment
    /// follows); a move, or an outcome of a call without an appointment, is a new mark.
    #[error("contact {id} is the outcome of appointment {appointment} and cannot become '{}': give held, no_show, cancelled_by_citizen or cancelled, or mark the appointment again", outcome.key())]
    OutcomeOfAppointment {
        id: i64,
        appointment: i64,
        outcome: Outcome,
    },
    #[error(
        "the database {} already holds {citizens} citizens; only an empty one is filled",
        shown(path)
    )]
    NotEmpty { path: PathBuf, citizens: i64 },
    #[error("a citizen needs a name")]
    NameMissing,
    #[error("the {} is {len} characters long; at most {} are allowed. Nothing was written", what.en(), what.max())]
    TooLong {
        what: crate::domain::limits::Text,
        len: usize,
    },
    #[error("a citizen with CPR {masked} is already in the caseload")]
    DuplicateCpr { masked: String },
    #[error("{minutes} minutes is not a length for {}: give {} to {}", of.en(), of.range().0, of.range().1)]
    MinutesOutOfRange { of: MinutesOf, minutes: i64 },
    #[error("an appointment is marked held, no-show, cancelled or moved, not {}", status.key())]
    NotAMark { status: Status },
    #[error("moving an appointment needs the new time")]
    MoveNeedsTime,
    #[error("{0} hours a week is not a mentor agreement: give 0 to 60")]
    MentorHoursOutOfRange(f64),
    #[error("a score of {0} is not feedback: give 1 (poor) to 5 (very good)")]
    ScoreOutOfRange(u8),
    #[error("the first day {from} is after the last day {to}: give the first day first")]
    RangeReversed { from: NaiveDate, to: NaiveDate },
    #[error("the time {from} is not before {to}: give the start of the time of day first")]
    TimeReversed {
        from: chrono::NaiveTime,
        to: chrono::NaiveTime,
    },
    #[error("no job-club exemption with id {0}")]
    NoExemption(i64),
    /// Two exemptions of one citizen may not hold at the same moment.
    #[error(
        "it overlaps job-club exemption {other} of the same citizen ({from} to {to}: {reason}): change or remove that one first. Nothing was written"
    )]
    ExemptionOverlaps {
        other: i64,
        from: NaiveDate,
        to: NaiveDate,
        reason: String,
    },

    // --- Series ----------------------------------------------------------------------------------
    #[error("no series with id {0}")]
    NoSeries(i64),
    #[error("appointment {0} is not part of a series")]
    NotAnOccurrence(i64),
    #[error(
        "a series of {count} dates is not planned: give 1 to {}",
        crate::domain::recurrence::MAX_OCCURRENCES
    )]
    SeriesCount { count: u32 },
    #[error("the series would end on {until}, before its first date {start}: give a later end")]
    SeriesEndsBeforeStart { start: NaiveDate, until: NaiveDate },
    #[error(
        "every date of the series ({days}) is a day off, so nothing was planned: choose another weekday or move days off"
    )]
    SeriesAllDaysOff { days: usize },

    // --- Closures --------------------------------------------------------------------------------
    #[error("no closure with id {0}")]
    NoClosure(i64),
    #[error("no closure is open")]
    ClosureNotOpen,
    #[error(
        "the closure \"{name}\" ({from} to {to}) is still open, and one closure runs at a time: end it first"
    )]
    ClosureOpen {
        name: String,
        from: NaiveDate,
        to: NaiveDate,
    },
    #[error(
        "the range {from} to {to} is {days} days long; a closure may last at most {max} days: check the years"
    )]
    ClosureTooLong {
        from: NaiveDate,
        to: NaiveDate,
        days: i64,
        max: i64,
    },
    #[error("the closure's name is empty: give it a name")]
    ClosureNameEmpty,
    #[error(
        "the range {from} to {to} overlaps the closure \"{name}\" ({closure_from} to {closure_to}): choose days outside it"
    )]
    ClosureOverlaps {
        from: NaiveDate,
        to: NaiveDate,
        name: String,
        closure_from: NaiveDate,
        closure_to: NaiveDate,
    },
    #[error("a closure named \"{name}\" exists already: give another name")]
    ClosureNameTaken { name: String },
    /// `closures`: the names there are.
    #[error("no closure named \"{name}\"{}", if closures.is_empty() { ": there are no closures yet".to_string() } else { format!(": the closures are {}", closures.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ")) })]
    NoClosureNamed { name: String, closures: Vec<String> },
    #[error("whether the citizen accepted goes only with the result reached; this call was '{}'", result.key())]
    AcceptedNeedsReached { result: CallResult },
    #[error(
        "citizen {citizen} is not on the call list of the closure \"{closure}\" (it holds the citizens who were active when it started)"
    )]
    NotOnCallList { citizen: i64, closure: String },
    #[error("how the call was received and whether the citizen was matched go only with the result reached; this call was '{}'", result.key())]
    AnswersNeedReached { result: CallResult },
    #[error("citizen {citizen} has no call on the open closure's list to answer for yet")]
    NoAttemptToAnswer { citizen: i64 },
    #[error("citizen {citizen} is on the call list of the closure \"{closure}\" already")]
    AlreadyOnCallList { citizen: i64, closure: String },
    #[error("citizen {citizen} is archived: bring them back first, then add them to the call list")]
    CallListArchived { citizen: i64 },
    #[error("appointment {id} is {}, not planned: only planned appointments are converted", status.key())]
    NotPlanned { id: i64, status: Status },
    #[error("appointment {id} is already by {}: only in-person appointments (in_person, home_visit, workplace) are converted", channel.key())]
    NotInPerson { id: i64, channel: Channel },
    #[error(
        "appointment {id} is on {day}, outside the closure \"{closure}\" ({from} to {to}): only appointments inside it are converted"
    )]
    OutsideClosure {
        id: i64,
        day: NaiveDate,
        closure: String,
        from: NaiveDate,
        to: NaiveDate,
    },
    #[error("a {} cannot be converted to '{}' during a closure: use {}", kind.en(), to.key(), keys(allowed))]
    CannotConvert {
        kind: Kind,
        to: Channel,
        allowed: Vec<Channel>,
    },

    // --- Backup, encrypting in place -----------------------------------------------------------
    #[error("{} is a folder: give the backup's file name, such as {}", shown(path), shown(&path.join("jobdesk-backup.db")))]
    BackupIsFolder { path: PathBuf },
    #[error(
        "{} is the database itself: give the backup another file name",
        shown(path)
    )]
    BackupIsDatabase { path: PathBuf },
    #[error(
        "{} exists already: give another file name, or allow replacing it",
        shown(path)
    )]
    BackupExists { path: PathBuf },
    #[error("the folder {} does not exist: create it first", shown(dir))]
    FolderMissing { dir: PathBuf },
    #[error(
        "{} is {}: jobdesk writes (and replaces) only regular files. Give a file name; nothing was written",
        shown(path),
        kind.en()
    )]
    NotRegular { path: PathBuf, kind: Special },
    /// A file that could not be written in full: what was written of it is removed.
    #[error("{}: nothing was saved, {} was not created{}", if *full { "the disk is full" } else { "writing failed" }, shown(path), if *full { ". Free some space and try again" } else { "" })]
    NotCreated { path: PathBuf, full: bool },
    #[error("the database stayed busy for 30 seconds: try the backup again in a moment")]
    BackupBusy,
    /// Context: the backup that failed.
    #[error("backup to {} failed; nothing was written there", shown(path))]
    BackupFailed { path: PathBuf },
    #[error("cannot put the backup in place at {}: {reason}", shown(path))]
    CannotPlaceBackup { path: PathBuf, reason: String },
    #[error(
        "{} is open in another program (the desk?): close it and try again. Nothing was changed",
        shown(path)
    )]
    InUse { path: PathBuf },
    /// Context: a conversion that failed and left the file as it was.
    #[error("{} was not changed", shown(path))]
    NotChanged { path: PathBuf },
    #[error(
        "cannot put the new file in place of {}: {reason}. The database was not changed",
        shown(path)
    )]
    CannotReplace { path: PathBuf, reason: String },
    #[error("the database's path is not valid text")]
    PathNotText,

    // --- Everything else -------------------------------------------------------------------------
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

impl Error {
    /// `Err(TooLong)` when `text` is longer than `what` may be.
    pub fn check_length(what: crate::domain::limits::Text, text: &str) -> Result<(), Error> {
        crate::domain::limits::check(what, text).map_err(|len| Error::TooLong { what, len })
    }

    /// Whether the user caused it and can fix it (bad input, a wrong path, a refused database):
    /// exit code 2. Otherwise (a damaged file, a failing or full disk, a busy or read-only
    /// database, a bug) exit code 1.
    pub fn is_user(&self) -> bool {
        !matches!(
            self,
            Error::Busy
                | Error::BackupBusy
                | Error::DiskFull
                | Error::ReadOnly
                | Error::FileNotWritable { .. }
                | Error::FolderNotWritable { .. }
                | Error::NotCreated { .. }
                | Error::MigrationFailed { .. }
                | Error::KeyDerivation { .. }
                | Error::Corrupt { .. }
                | Error::DiskIo { .. }
                | Error::AtDatabase { .. }
                | Error::InDatabase { .. }
                | Error::BackupFailed { .. }
                | Error::NotChanged { .. }
                | Error::Sqlite(_)
                | Error::Io(_)
        )
    }
}
