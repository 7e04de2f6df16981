//! The command line of personal data and data safety: `init`, `encrypt`, `rekey`, `erase`,
//! `purge`, `audit`, `backup`, `check`, and the no-echo passphrase prompt.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use zeroize::Zeroizing;

use crate::cli::{Ctx, open_store};
use crate::domain::dates::{fmt_date, fmt_time};
use crate::domain::text::{fit, sanitize_line};
use crate::error::{Result, user};
use crate::i18n::{Lang, safety as words};
use crate::store::crypt::{FileKind, Passphrase};
use crate::store::{AskReason, Clock, KeySource, OpenOptions, Warning};
use crate::store::{AuditFilter, Create, Store};

#[derive(Debug, Subcommand)]
pub enum SafetyCommand {
    /// Create a new, empty database (--encrypt: encrypted with a passphrase)
    Init(InitArgs),
    /// Encrypt the database in place with a passphrase (JOBDESK_PASSPHRASE, or asked for)
    Encrypt,
    /// Give an encrypted database a new passphrase (JOBDESK_NEW_PASSPHRASE, or asked for)
    Rekey,
    /// Erase a citizen and everything about them, for good (asks first; --yes for scripts)
    Erase(EraseArgs),
    /// Remove transferred contacts past the retention period (config: retention_days)
    Purge(PurgeArgs),
    /// The audit log: exports, backups, imports, revealed CPR numbers, erasures, purges
    Audit(AuditArgs),
    /// Copy the database to FILE with SQLite's online backup (safe while the desk is open;
    /// an encrypted database stays encrypted)
    Backup(BackupArgs),
    /// Check the database: SQLite's integrity check and the links between tables
    Check,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Encrypt the new database with a passphrase (JOBDESK_PASSPHRASE, or asked for twice)
    #[arg(long)]
    pub encrypt: bool,
}

#[derive(Debug, Args)]
pub struct EraseArgs {
    /// The citizen's id (see `jobdesk citizens --all`)
    #[arg(long, value_name = "ID")]
    pub citizen: i64,
    /// Do not ask (for scripts)
    #[arg(long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct PurgeArgs {
    /// Only say what would be removed
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Only the entries about this citizen
    #[arg(long, value_name = "ID")]
    pub citizen: Option<i64>,
    /// One JSON array of objects (id, at, os_user, action, citizen_id, range_from, range_to,
    /// rows, detail)
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The backup file to write (refused when it exists, unless --force)
    pub file: PathBuf,
    /// Replace FILE if it exists
    #[arg(long)]
    pub force: bool,
}

/// Runs one of these commands against the database at `path`.
pub fn run(cmd: SafetyCommand, path: &Path, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let shown = path.display().to_string();
    let l = ctx.lang;
    match cmd {
        SafetyCommand::Init(a) => init(&a, path, l, out),
        SafetyCommand::Encrypt => encrypt(path, l, out),
        SafetyCommand::Rekey => rekey(path, l, out),
        SafetyCommand::Erase(a) => erase(&a, path, ctx, out),
        SafetyCommand::Purge(a) => {
            let mut store = open_store(path, Create::No)?;
            let plan = if a.dry_run {
                store.purge_plan(ctx.now)?
            } else {
                store.purge(ctx.now)?
            };
            writeln!(out, "{}", words::purge_summary(l, &plan, a.dry_run))?;
            for c in &plan.citizens {
                let last = c
                    .last
                    .map(|t| fmt_date(t.date(), l.da()))
                    .unwrap_or_else(|| "–".into());
                writeln!(
                    out,
                    "{}",
                    words::purge_line(
                        l,
                        c.id,
                        &fit(&sanitize_line(&c.name), 28),
                        &last,
                        c.contacts,
                        c.whole
                    )
                )?;
            }
            if a.dry_run && !plan.is_empty() {
                writeln!(out, "{}", words::purge_hint(l))?;
            }
            if !plan.scrubbed {
                eprintln!("{}", words::not_scrubbed(l));
            }
            Ok(())
        }
        SafetyCommand::Audit(a) => audit(&a, path, l, out),
        SafetyCommand::Backup(a) => {
            let mut store = open_store(path, Create::No)?;
            let done = store.backup_to(&a.file, a.force, ctx.now)?;
            writeln!(out, "{}", words::backup_done(l, &done, &shown))?;
            Ok(())
        }
        SafetyCommand::Check => {
            let store = open_store(path, Create::No)?;
            let problems = store.check()?;
            if problems.is_empty() {
                writeln!(out, "{}", words::check_ok(l, &shown, store.encrypted()))?;
                return Ok(());
            }
            for p in &problems {
                writeln!(out, "problem: {p}")?;
            }
            out.flush()?;
            Err(anyhow::anyhow!(
                "{shown} has {} problem(s), listed above. jobdesk changed nothing; keep a copy of the file as it is before you try to repair it",
                problems.len()
            ))
        }
    }
}

fn init(a: &InitArgs, path: &Path, l: Lang, out: &mut dyn Write) -> Result<()> {
    let shown = path.display().to_string();
    if path.exists() {
        return Err(user(format!(
            "{shown} exists already: `init` makes a new database only. To encrypt an existing one use `jobdesk encrypt`"
        )));
    }
    let store = if a.encrypt {
        let pass = new_passphrase(l, PASSPHRASE_ENV)?;
        open_db(
            path,
            &run_options(Create::Yes).key(KeySource::Passphrase(pass)),
        )?
    } else {
        open_db(path, &run_options(Create::Yes))?
    };
    writeln!(out, "{}", words::created(l, &shown, store.encrypted()))?;
    if store.encrypted() {
        writeln!(out, "{}", words::keep_safe(l))?;
    }
    Ok(())
}

fn existing_kind(path: &Path) -> Result<FileKind> {
    let shown = path.display().to_string();
    if !path.exists() {
        return Err(user(format!(
            "no database at {shown}: point --db / JOBDESK_DB at yours, or create one with `jobdesk init --encrypt`"
        )));
    }
    FileKind::of(path).map_err(|e| user(format!("cannot read {shown}: {e}")))
}

fn encrypt(path: &Path, l: Lang, out: &mut dyn Write) -> Result<()> {
    let shown = path.display().to_string();
    match existing_kind(path)? {
        FileKind::Encrypted(_) => {
            return Err(user(format!(
                "{shown} is encrypted already: `jobdesk rekey` gives it a new passphrase"
            )));
        }
        FileKind::Other => {
            return Err(user(format!(
                "{shown} is not a jobdesk database; it was not changed"
            )));
        }
        FileKind::Plain | FileKind::Empty => {}
    }
    let pass = new_passphrase(l, PASSPHRASE_ENV)?;
    // A plain file opens as it is, whatever the passphrase.
    let mut store = Store::open(
        path,
        &run_options(Create::No).key(KeySource::Passphrase(pass.clone())),
    )?;
    // The passphrase is for the encryption about to happen: no warning that it went unused.
    let warnings = store.take_warnings();
    print_warnings(
        &warnings
            .into_iter()
            .filter(|w| !matches!(w, Warning::PassphraseUnused { .. }))
            .collect::<Vec<_>>(),
    );
    let done = store.convert(&pass)?;
    writeln!(
        out,
        "{}",
        words::encrypted_done(l, &shown, done.rows, done.tables)
    )?;
    writeln!(out, "{}", words::keep_safe(l))?;
    Ok(())
}

fn rekey(path: &Path, l: Lang, out: &mut dyn Write) -> Result<()> {
    let shown = path.display().to_string();
    if !matches!(existing_kind(path)?, FileKind::Encrypted(_)) {
        return Err(user(format!(
            "{shown} is not encrypted: `jobdesk encrypt` encrypts it with a passphrase"
        )));
    }
    let store = open_db(path, &run_options(Create::No))?;
    let pass = new_passphrase(l, NEW_PASSPHRASE_ENV)?;
    let done = store.convert(&pass)?;
    writeln!(out, "{}", words::rekeyed(l, &shown, done.rows))?;
    writeln!(out, "{}", words::keep_safe(l))?;
    Ok(())
}

fn erase(a: &EraseArgs, path: &Path, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let l = ctx.lang;
    let mut store = open_store(path, Create::No)?;
    let preview = store.erase_preview(a.citizen)?;
    if !a.yes {
        let terminal = std::io::stdin().is_terminal();
        if !terminal {
            return Err(user(format!(
                "erasing citizen {} needs a confirmation: run it in a terminal to be asked, or add --yes (for scripts). Nothing was erased",
                a.citizen
            )));
        }
        let name = store.citizen(a.citizen)?.name;
        eprintln!(
            "{}",
            words::erase_question(l, &sanitize_line(&name), &preview)
        );
        eprint!("{}", words::erase_confirm(l));
        std::io::stderr().flush()?;
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        if !words::is_yes(&answer) {
            return Err(user(words::not_erased(l)));
        }
    }
    let erased = store.erase_citizen(a.citizen, ctx.now)?;
    writeln!(out, "{}", words::erased(l, &erased))?;
    if !erased.scrubbed {
        eprintln!("{}", words::not_scrubbed(l));
    }
    Ok(())
}

fn audit(a: &AuditArgs, path: &Path, l: Lang, out: &mut dyn Write) -> Result<()> {
    let store = open_store(path, Create::No)?;
    let list = store.audit(&AuditFilter {
        citizen_id: a.citizen,
    })?;
    if a.json {
        serde_json::to_writer(&mut *out, &list)?;
        writeln!(out)?;
        return Ok(());
    }
    if list.is_empty() {
        writeln!(out, "{}", words::no_audit(l))?;
        return Ok(());
    }
    let h = words::audit_header(l);
    writeln!(
        out,
        "{}  {}  {}  {:>7}  {}  {:>7}  {}",
        fit(h[0], 16),
        fit(h[1], 10),
        fit(h[2], 10),
        h[3],
        fit(h[4], 23),
        h[5],
        h[6]
    )?;
    for e in list {
        let at = format!(
            "{} {}",
            fmt_date(e.at.date(), l.da()),
            fmt_time(e.at.time(), l.da())
        );
        let range = crate::export::DayRange {
            from: e.range_from,
            to: e.range_to,
        };
        let range = if e.range_from.is_none() && e.range_to.is_none() {
            "–".to_string()
        } else {
            range.describe(l)
        };
        writeln!(
            out,
            "{}  {}  {}  {:>7}  {}  {:>7}  {}",
            fit(&at, 16),
            fit(&sanitize_line(&e.os_user), 10),
            fit(words::action(l, e.action), 10),
            e.citizen_id.map(|c| c.to_string()).unwrap_or_default(),
            fit(&range, 23),
            e.rows,
            sanitize_line(&e.detail)
        )?;
    }
    Ok(())
}

/// A new passphrase: from the environment variable `env` when set, else typed twice on the
/// terminal. Refused when too short, when the two differ, or without a terminal.
pub fn new_passphrase(l: Lang, env: &str) -> Result<Passphrase> {
    if let Some(p) = passphrase_from_env(env) {
        p.check_new().map_err(|e| user(format!("{env}: {e}")))?;
        return Ok(p);
    }
    let Some(first) = read_secret(words::prompt_new(l))? else {
        return Err(user(format!(
            "a new passphrase is needed: set {env}, or run in a terminal to be asked. Nothing was changed"
        )));
    };
    first.check_new()?;
    let again = read_secret(words::prompt_again(l))?.unwrap_or_else(|| Passphrase::new(""));
    if again != first {
        return Err(user(
            "the two passphrases differ: nothing was changed. Try again",
        ));
    }
    Ok(first)
}

/// Where a run finds the passphrase of the database without asking.
pub const PASSPHRASE_ENV: &str = "JOBDESK_PASSPHRASE";
/// The new passphrase of `jobdesk rekey`, for scripts.
pub const NEW_PASSPHRASE_ENV: &str = "JOBDESK_NEW_PASSPHRASE";

/// A passphrase from this environment variable, when it is set and not empty.
pub fn passphrase_from_env(name: &str) -> Option<Passphrase> {
    let v = Zeroizing::new(std::env::var(name).ok()?);
    (!v.is_empty()).then(|| Passphrase::new(v.as_str()))
}

/// The language of this run's passphrase prompts.
static PROMPT_LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// Sets the language of this run's passphrase prompts (once, before the first database is
/// opened; later calls are ignored).
pub fn install_prompt(l: Lang) {
    let _ = PROMPT_LANG.set(l);
}

/// The passphrase typed in this run, so that it is asked for once.
static TYPED: std::sync::Mutex<Option<Passphrase>> = std::sync::Mutex::new(None);

// ---------------------------------------------------------------------------------------------
// How the command line unlocks the user's database. The store reads no environment variable and
// asks nobody: every command hands it this key source (through `run_options`).
// ---------------------------------------------------------------------------------------------

/// The command line's key source:
/// - `JOBDESK_PASSPHRASE` set (and not empty): that passphrase. A new database is encrypted
///   with it; a plain one opens as it is, with a warning.
/// - else: asked for without echo on the terminal when an encrypted database needs it, up to
///   three tries ("try again" after a wrong one); the passphrase typed is remembered for the rest
///   of the run. A new database stays plain. Without a terminal, an encrypted database is
///   refused with a message that names `JOBDESK_PASSPHRASE`.
pub fn key_source(l: Lang) -> KeySource {
    if let Some(p) = passphrase_from_env(PASSPHRASE_ENV) {
        return KeySource::Passphrase(p);
    }
    KeySource::Ask(std::sync::Arc::new(move |path, reason| {
        let shown = path.display().to_string();
        match reason {
            AskReason::NewDatabase => return Ok(None),
            AskReason::Existing => {
                if let Some(p) = TYPED.lock().ok().and_then(|t| t.clone()) {
                    return Ok(Some(p));
                }
            }
            AskReason::Retry { .. } => {
                if let Ok(mut t) = TYPED.lock() {
                    *t = None;
                }
                eprintln!("{}", crate::i18n::errors::passphrase_retry(l, &shown));
            }
        }
        let typed = read_secret(&words::prompt_passphrase(l, &shown))?;
        if let (Some(p), Ok(mut t)) = (&typed, TYPED.lock()) {
            *t = Some(p.clone());
        }
        Ok(typed)
    }))
}

/// The options every command opens the user's database with: this run's key source (prompts
/// in the language of [`install_prompt`]) and the computer's clock. Add the config's rules
/// and retention with `.rules(…)` and `.retention_days(…)`.
pub fn run_options(create: Create) -> OpenOptions {
    let l = PROMPT_LANG.get().copied().unwrap_or_default();
    OpenOptions::new(create)
        .key(key_source(l))
        .clock(Clock::system())
}

/// Opens a database and prints the opening's warnings on stderr.
pub fn open_db(path: &Path, opts: &OpenOptions) -> Result<Store> {
    let mut store = Store::open(path, opts)?;
    print_warnings(&store.take_warnings());
    Ok(store)
}

/// Prints warnings of an opening on stderr, in the language of [`install_prompt`].
pub fn print_warnings(warnings: &[Warning]) {
    let l = PROMPT_LANG.get().copied().unwrap_or_default();
    for w in warnings {
        eprintln!("{}", crate::i18n::errors::warning(w, l));
    }
}

/// Reads a line without echo on the terminal; `None` without a terminal. Esc or Ctrl+C
/// cancels.
pub fn read_secret(prompt: &str) -> Result<Option<Passphrase>> {
    use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
    use ratatui::crossterm::terminal;
    if !std::io::stdin().is_terminal() {
        return Ok(None);
    }
    eprint!("{prompt}");
    std::io::stderr().flush()?;
    struct Raw;
    impl Drop for Raw {
        fn drop(&mut self) {
            let _ = terminal::disable_raw_mode();
        }
    }
    terminal::enable_raw_mode()
        .map_err(|e| anyhow::anyhow!("cannot switch the terminal to read a passphrase: {e}"))?;
    let raw = Raw;
    let mut text = Zeroizing::new(String::new());
    let cancelled = loop {
        match event::read()? {
            Event::Key(k) if k.kind != KeyEventKind::Release => match k.code {
                KeyCode::Enter => break false,
                KeyCode::Esc => break true,
                KeyCode::Char('c' | 'd')
                    if k.modifiers.contains(KeyModifiers::CONTROL)
                        && !k.modifiers.contains(KeyModifiers::ALT) =>
                {
                    break true;
                }
                KeyCode::Backspace => {
                    text.pop();
                }
                KeyCode::Char(c) => text.push(c),
                _ => {}
            },
            Event::Paste(p) => text.push_str(&p),
            _ => {}
        }
    };
    drop(raw);
    eprintln!();
    if cancelled {
        return Err(user("cancelled: nothing was changed"));
    }
    Ok(Some(Passphrase::new(text.as_str())))
}
