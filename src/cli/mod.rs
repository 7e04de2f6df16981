//! The command line: the clap definitions, the context every command runs in ([`Ctx`]) and the
//! dispatch. One file per command group: `caseload` (citizens, import caseload), `calendar`
//! (agenda, plan, log add), `log` (mark, log list|edit|delete), `closure` (closure, report),
//! `transfer` (export, import json), `safety` (init … check), `setup` (generate, config, the
//! desk); `table` and `prompt` are shared helpers.

pub mod calendar;
pub mod caseload;
pub mod closure;
pub mod company;
pub mod handover;
pub mod help;
pub mod holidays;
pub mod keys;
pub mod log;
pub mod mentor;
pub mod pending;
pub mod prompt;
pub mod safety;
pub mod series;
pub mod setup;
pub mod table;
pub mod transfer;

use std::cell::OnceCell;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{Local, NaiveDate, NaiveDateTime, NaiveTime};
use clap::{Parser, Subcommand, ValueEnum};

use crate::config::Config;
use crate::domain::when::english::parse_datetime;
use crate::error::{Result, user};
use crate::i18n::Lang;
use crate::store::{Clock, Create, KeySource, OpenOptions, Passphrase, Store, Warning};

#[derive(Debug, Parser)]
#[command(
    name = "jobdesk",
    version,
    about = "A job consultant's fast desk: calls, mentor visits, contact log and caseload",
    long_about = "A job consultant's fast desk: calls, mentor visits, contact log and caseload.\n\nWithout a command, jobdesk opens the desk in the terminal.",
    after_help = "Dates: 2026-11-23, 23-11-2026, 23.11.2026, today / i dag. Times: 10:30 or 10.30.\nLanguage: --lang, else the config's lang, else LC_ALL / LC_MESSAGES / LANG, else the system's language, else Danish.\nExit codes: 0 ok, 2 bad input or usage, 1 other failures."
)]
pub struct Cli {
    /// The database file (default: your data folder; also env JOBDESK_DB)
    #[arg(long, global = true, env = "JOBDESK_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Language: da or en (default: the config's lang, then LC_ALL / LC_MESSAGES / LANG, then
    /// the system's language, else da)
    #[arg(long, global = true, value_enum, value_name = "da|en")]
    pub lang: Option<LangArg>,

    /// Open the desk on a fresh temporary database with a generated, fictional caseload
    #[arg(long)]
    pub demo: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Da,
    En,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Fill an empty database with a realistic, deterministic, fictional caseload
    Generate(setup::GenerateArgs),
    /// List the active caseload (id, name, target group, next due date)
    Citizens(caseload::CitizensArgs),
    /// Add or change citizens
    #[command(subcommand)]
    Citizen(caseload::CitizenCommand),
    /// Show the appointments of a day (or several days) in time order
    Agenda(calendar::AgendaArgs),
    /// Plan one appointment (or a series with --every) and print its id
    Plan(calendar::PlanArgs),
    /// Recurring appointments: list them, change "this and all following", end or delete one
    #[command(subcommand)]
    Series(series::SeriesCommand),
    /// Mark an appointment held, no-show or cancelled and print the log entry's id; marking
    /// again replaces the earlier outcome
    Mark(log::MarkArgs),
    /// The contact log
    #[command(subcommand)]
    Log(calendar::LogCommand),
    /// Bring data in
    #[command(subcommand)]
    Import(ImportCommand),
    /// Where the config file is (snippets, note length, cadence rules); --default prints one to edit
    Config(setup::ConfigArgs),
    /// The closure call-round: pause deadlines, convert in-person meetings, phone the caseload
    #[command(subcommand)]
    Closure(closure::ClosureCommand),
    /// Reports
    #[command(subcommand)]
    Report(closure::ReportCommand),
    /// Hand data over: the contact log as CSV, the calendar as iCalendar, everything as JSON
    #[command(subcommand)]
    Export(transfer::ExportCommand),
    /// Cover for a colleague: citizens into an encrypted file, and such a file merged in
    #[command(subcommand)]
    Handover(handover::HandoverCommand),
    /// The days off of a year: public holidays and the config's local days off
    Holidays(holidays::HolidaysArgs),
    /// Companies: add, change, list, show one, log a contact with one, contact persons
    #[command(subcommand)]
    Company(company::CompanyCommand),
    /// Job leads: jobs, praktik places and løntilskud places at the companies
    #[command(subcommand)]
    Lead(company::LeadCommand),
    /// The citizens who fit a lead (--lead), or the open leads that fit a citizen (--citizen)
    Match(company::MatchArgs),
    /// Propose a citizen to a lead and print the proposal's id
    Propose(company::ProposeArgs),
    /// Proposals: set the outcome (interview, started, declined), list a citizen's or a lead's
    #[command(subcommand)]
    Proposal(company::ProposalCommand),
    /// Personal data and data safety: init, encrypt, rekey, erase, purge, audit, backup, check
    #[command(flatten)]
    Safety(safety::SafetyCommand),
    /// Check the passphrase of an encrypted database; --remember keeps it in the operating
    /// system's credential store, so that starting jobdesk asks nothing
    Unlock(keys::UnlockArgs),
    /// Forget the passphrase kept by `jobdesk unlock --remember`
    Lock,
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Citizens from CSV: header name,cpr,phone,email,target_group,benefit_start (Danish names
    /// too), ',' or ';', with or without BOM. All or nothing unless --skip-invalid
    Caseload(caseload::ImportCaseloadArgs),
    /// Everything from a `jobdesk export json` file, into an empty (or new) database only
    Json(transfer::ImportJsonArgs),
    /// Companies from CSV: header name,cvr,address,industry,notes (Danish names too), ',' or
    /// ';', with or without BOM. All or nothing: the bad rows are listed
    Companies(company::ImportCompaniesArgs),
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum YesNo {
    Yes,
    No,
}

/// Everything a command needs from outside: the time, the language, the database and the
/// user's config (read once, when a command first needs it, so that `config --default` works
/// beside a broken config file).
pub struct Ctx {
    pub now: NaiveDateTime,
    pub lang: Lang,
    db: Option<PathBuf>,
    config: OnceCell<Config>,
}

impl Ctx {
    /// `db` is `--db` / `JOBDESK_DB` as given (`None`: the platform data folder).
    pub fn new(now: NaiveDateTime, lang: Lang, db: Option<PathBuf>) -> Ctx {
        Ctx {
            now,
            lang,
            db,
            config: OnceCell::new(),
        }
    }

    pub fn today(&self) -> NaiveDate {
        self.now.date()
    }

    /// A day given for `flag`, in the one date-time language the desk speaks too (`i morgen`,
    /// `tir`, `uge 49 man`, `23.11.2026`, …); a bad one is worded in this run's language.
    pub fn date(&self, flag: &str, s: &str) -> Result<NaiveDate> {
        crate::domain::when::parse_date(s, self.today())
            .map_err(|p| user(format!("{flag}: {}", p.text(self.lang.da()))))
    }

    /// A day and time given for `flag` (`i dag 14.00`, `tor 10.30`, `2026-11-23 10:30`).
    pub fn datetime(&self, flag: &str, s: &str) -> Result<NaiveDateTime> {
        crate::domain::when::parse_datetime(s, self.now, None)
            .map_err(|p| user(format!("{flag}: {}", p.text(self.lang.da()))))
    }

    /// A word given for `flag` (a channel, an outcome, a target group, …: its key, its
    /// Danish or English name); a bad one is worded in this run's language.
    pub fn word<W: crate::domain::Word>(&self, flag: &str, s: &str) -> Result<W> {
        W::parse(s).map_err(|e| user(crate::i18n::cli::bad_word::<W>(self.lang, flag, s, &e)))
    }

    /// The database file: `--db` / `JOBDESK_DB`, else the platform data folder.
    pub fn db_path(&self) -> Result<PathBuf> {
        match &self.db {
            Some(p) if p.as_os_str().is_empty() => Err(user(crate::i18n::cli::db_empty(self.lang))),
            Some(p) => Ok(p.clone()),
            None => crate::store::default_db_path(),
        }
    }

    /// The user's config file (`JOBDESK_CONFIG` or the platform config folder), read on first
    /// use; a missing file gives the defaults, a broken one an error.
    pub fn config(&self) -> Result<&Config> {
        if let Some(c) = self.config.get() {
            return Ok(c);
        }
        let loaded = Config::load(Config::path().as_deref())?;
        Ok(self.config.get_or_init(|| loaded))
    }

    /// Opens the user's database. Every command that touches the database opens it here.
    pub fn open_store(&self, create: Create) -> Result<Store> {
        self.open_store_at(&self.db_path()?, create, None)
    }

    /// Opens the database at `path` (the user's, a new one, the demo's) with the user's config
    /// applied: the cadence rules and the retention period. With `pass`, an encrypted database
    /// opens with it and a new one is encrypted with it; without, the passphrase comes from
    /// `JOBDESK_PASSPHRASE` or is asked for. The opening's warnings are printed on stderr.
    pub fn open_store_at(
        &self,
        path: &Path,
        create: Create,
        pass: Option<&Passphrase>,
    ) -> Result<Store> {
        let mut store = self.open_store_quiet(path, create, pass)?;
        self.print_warnings(&store.take_warnings());
        Ok(store)
    }

    /// As [`Ctx::open_store_at`], leaving the opening's warnings in the store for the caller.
    pub fn open_store_quiet(
        &self,
        path: &Path,
        create: Create,
        pass: Option<&Passphrase>,
    ) -> Result<Store> {
        let key = match pass {
            Some(p) => KeySource::Passphrase(p.clone()),
            None => prompt::key_source(self.lang, self.config()?.encrypt),
        };
        Store::open(path, &self.open_options(create)?.key(key))
    }

    /// How the user's config opens a database (the cadence rules, the retention period), with
    /// no key: a new database is plain, an encrypted one is refused.
    pub fn open_options(&self, create: Create) -> Result<OpenOptions> {
        let config = self.config()?;
        Ok(OpenOptions::new(create)
            .clock(Clock::system())
            .rules(config.rules())
            .retention_days(config.retention_days))
    }

    /// Prints warnings of an opening on stderr, in this run's language.
    pub fn print_warnings(&self, warnings: &[Warning]) {
        for w in warnings {
            eprintln!("{}", crate::i18n::errors::warning(w, self.lang));
        }
    }
}

/// The current time: `JOBDESK_NOW` (for tests and demos of a fixed day) or the clock.
pub fn now_from_env() -> Result<NaiveDateTime> {
    match std::env::var("JOBDESK_NOW") {
        Ok(s) if !s.trim().is_empty() => {
            let today = Local::now().date_naive();
            parse_datetime(
                &s,
                today,
                Some(NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default()),
            )
            .map_err(|e| user(format!("JOBDESK_NOW: {e}")))
        }
        _ => Ok(Local::now().naive_local().with_nanosecond_zero()),
    }
}

trait NoNanos {
    fn with_nanosecond_zero(self) -> Self;
}
impl NoNanos for NaiveDateTime {
    fn with_nanosecond_zero(self) -> Self {
        use chrono::Timelike;
        self.with_nanosecond(0).unwrap_or(self)
    }
}

impl From<LangArg> for Lang {
    fn from(a: LangArg) -> Lang {
        match a {
            LangArg::Da => Lang::Da,
            LangArg::En => Lang::En,
        }
    }
}

/// The language of this run: `--lang`, else the config's `lang`, else `LC_ALL` / `LC_MESSAGES`
/// / `LANG`, else the operating system's UI language, else Danish ([`Lang::decide`]).
pub fn lang_of(arg: Option<LangArg>) -> Lang {
    Lang::decide(
        arg.map(Lang::from),
        Config::lang_setting(Config::path().as_deref()),
        |k| std::env::var(k).ok(),
        sys_locale::get_locale,
    )
}

/// `--lang` as the command line gives it, found before clap parses it, so that clap's own
/// help and errors are worded in it: `--lang da`, `--lang=da`, anywhere before a `--`. A value
/// that is not a language is left for clap to refuse.
pub fn lang_in_args<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Option<LangArg> {
    let mut found = None;
    let mut words = args.iter().skip(1).map(|a| a.as_ref().to_str());
    while let Some(word) = words.next() {
        let value = match word {
            Some("--") => break,
            Some("--lang") => words.next().flatten(),
            Some(w) => w.strip_prefix("--lang="),
            None => None,
        };
        if let Some(v) = value {
            found = match Lang::from_code(v) {
                Some(Lang::Da) => Some(LangArg::Da),
                Some(Lang::En) => Some(LangArg::En),
                None => found,
            };
        }
    }
    found
}

/// Runs the parsed command line in `lang`: one command, or the desk when none is given.
pub fn run(cli: Cli, lang: Lang) -> Result<()> {
    let ctx = Ctx::new(now_from_env()?, lang, cli.db);
    match cli.command {
        Some(cmd) => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            dispatch(cmd, &ctx, &mut out)?;
            out.flush()?;
            Ok(())
        }
        None => setup::desk(cli.demo, &ctx),
    }
}

/// Runs one non-interactive command, its output to `out`.
pub fn dispatch(cmd: Command, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    if let Command::Config(a) = &cmd {
        return setup::config(a, ctx, out);
    }
    if let Command::Holidays(a) = &cmd {
        return holidays::holidays(a, ctx, out);
    }
    // A bad --db is reported before anything else.
    ctx.db_path()?;
    match cmd {
        Command::Config(_) | Command::Holidays(_) => Ok(()),
        Command::Generate(a) => setup::generate(&a, ctx, out),
        Command::Citizens(a) => caseload::citizens(&a, ctx, out),
        Command::Citizen(c) => caseload::run_citizen(c, ctx, out),
        Command::Import(ImportCommand::Caseload(a)) => caseload::import(&a, ctx, out),
        Command::Import(ImportCommand::Json(a)) => transfer::import_json(&a, ctx, out),
        Command::Import(ImportCommand::Companies(a)) => company::import_companies(&a, ctx, out),
        Command::Company(c) => company::run_company(c, ctx, out),
        Command::Lead(c) => company::run_lead(c, ctx, out),
        Command::Match(a) => company::run_match(&a, ctx, out),
        Command::Propose(a) => company::run_propose(&a, ctx, out),
        Command::Proposal(c) => company::run_proposal(c, ctx, out),
        Command::Agenda(a) => calendar::agenda(&a, ctx, out),
        Command::Plan(a) => calendar::plan(&a, ctx, out),
        Command::Series(c) => series::run(c, ctx, out),
        Command::Mark(a) => log::mark(&a, ctx, out),
        Command::Log(c) => calendar::run_log(c, ctx, out),
        Command::Closure(c) => closure::run_closure(c, ctx, out),
        Command::Report(r) => closure::run_report(r, ctx, out),
        Command::Export(c) => transfer::run(c, ctx, out),
        Command::Handover(c) => handover::run(c, ctx, out),
        Command::Safety(c) => safety::run(c, ctx, out),
        Command::Unlock(a) => keys::unlock(&a, ctx, out),
        Command::Lock => keys::lock(ctx, out),
    }
}

/// The exit code for an error: 2 when any cause is a [`UserError`] or a store error the user
/// caused ([`crate::store::Error::is_user`]), else 1.
pub fn exit_code(e: &anyhow::Error) -> i32 {
    let user = e.chain().any(|c| {
        c.downcast_ref::<crate::error::UserError>().is_some()
            || c.downcast_ref::<crate::i18n::cli::Said>()
                .is_some_and(crate::i18n::cli::Said::is_user)
            || c.downcast_ref::<crate::store::Error>()
                .is_some_and(crate::store::Error::is_user)
    });
    if user { 2 } else { 1 }
}

#[cfg(test)]
mod error_tests {
    use crate::cli::exit_code;
    use crate::i18n::Lang;
    use crate::i18n::errors::message;
    use crate::store::Error;

    /// Messages said in both languages (the file checks that do not know the run's language)
    /// are printed in the run's language, keep their cause and their exit code.
    #[test]
    fn messages_said_in_both_languages_are_printed_in_the_run_s() {
        use crate::i18n::cli::{target_exists, writing_failed};
        let e = target_exists("a.csv");
        assert!(message(&e, Lang::Da).starts_with("-o a.csv findes allerede"));
        assert!(message(&e, Lang::En).starts_with("-o a.csv already exists"));
        assert_eq!(exit_code(&e), 2);
        let disk = anyhow::Error::new(std::io::Error::other("disk full"));
        let e = writing_failed(disk, "a.csv");
        assert_eq!(
            message(&e, Lang::Da),
            "skrivningen af a.csv mislykkedes; intet blev skrevet: disk full"
        );
        assert_eq!(
            message(&e, Lang::En),
            "writing a.csv failed; nothing was written: disk full"
        );
        assert_eq!(exit_code(&e), 1, "a failure, not bad input");
        let e = writing_failed(target_exists("b.csv"), "a.csv");
        assert_eq!(exit_code(&e), 2, "the cause's exit code");
    }

    #[test]
    fn lang_is_found_in_the_arguments_before_clap_parses_them() {
        use crate::cli::{LangArg, lang_in_args};
        let find = |args: &[&str]| lang_in_args(args);
        assert!(matches!(
            find(&["jobdesk", "--lang", "da"]),
            Some(LangArg::Da)
        ));
        assert!(matches!(
            find(&["jobdesk", "plan", "--help", "--lang=en"]),
            Some(LangArg::En)
        ));
        assert!(matches!(
            find(&["jobdesk", "--lang", "en", "agenda", "--lang", "da"]),
            Some(LangArg::Da)
        ));
        assert!(find(&["jobdesk", "--lang", "fr"]).is_none());
        assert!(find(&["jobdesk", "--lang"]).is_none());
        assert!(find(&["jobdesk", "--", "--lang", "da"]).is_none());
        assert!(
            find(&["--lang"]).is_none(),
            "the program's own name is skipped"
        );
    }

    #[test]
    fn store_errors_are_worded_in_the_language_and_keep_their_context_and_exit_code() {
        let e = anyhow::Error::new(Error::NoCitizen(7)).context("erasing");
        assert_eq!(
            message(&e, Lang::En),
            "erasing: no citizen with id 7: see `jobdesk citizens --all` for the ids"
        );
        assert!(message(&e, Lang::Da).starts_with("erasing: der er ingen borger med id 7"));
        assert_eq!(exit_code(&e), 2);
        let from = chrono::NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
        let to = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let e = anyhow::Error::new(Error::RangeReversed { from, to });
        assert!(
            message(&e, Lang::Da).contains("05.12.2026 ligger efter --to 01.12.2026"),
            "{}",
            message(&e, Lang::Da)
        );
        assert!(
            !e.to_string().contains("--"),
            "the store's own words name no flags"
        );
        let e = anyhow::Error::new(Error::Corrupt { detail: "x".into() });
        assert_eq!(exit_code(&e), 1);
        let e = anyhow::anyhow!("plain");
        assert_eq!(message(&e, Lang::Da), "plain");
        assert_eq!(exit_code(&e), 1);
    }

    #[test]
    fn a_full_disk_a_busy_or_read_only_database_is_a_failure_not_bad_input() {
        for e in [
            Error::DiskFull,
            Error::Busy,
            Error::BackupBusy,
            Error::ReadOnly,
            Error::NotCreated {
                path: "x.csv".into(),
                full: true,
            },
            Error::FileNotWritable {
                path: "a.db".into(),
                reason: "Permission denied".into(),
            },
        ] {
            let e = anyhow::Error::new(e).context("writing");
            assert_eq!(exit_code(&e), 1, "{e:#}");
        }
        let e = anyhow::Error::new(Error::NotCreated {
            path: "x.csv".into(),
            full: true,
        });
        assert_eq!(
            message(&e, Lang::Da),
            "disken er fuld: intet blev gemt, x.csv er ikke oprettet. Frigør plads og prøv igen"
        );
        // A device or a pipe given as a file is bad input.
        let e = anyhow::Error::new(Error::NotRegular {
            path: "/dev/full".into(),
            kind: crate::store::Special::Device,
        });
        assert_eq!(exit_code(&e), 2);
    }
}
