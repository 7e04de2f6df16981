//! The command line of personal data and data safety: `init`, `encrypt`, `rekey`, `erase`,
//! `purge`, `audit`, `backup`, `check`.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use super::Ctx;
use super::prompt::{self, new_passphrase};
use super::prompt::{NEW_PASSPHRASE_ENV, PASSPHRASE_ENV};
use super::table::{Col, Table};
use crate::domain::dates::{fmt_date, fmt_time};
use crate::domain::text::{fit, sanitize_line};
use crate::error::{Result, user};
use crate::i18n::safety as words;
use crate::store::crypt::FileKind;
use crate::store::{AuditFilter, Create, Warning};

#[derive(Debug, Subcommand)]
pub enum SafetyCommand {
    /// Create a new, empty database, encrypted with a passphrase (--no-encrypt: plain)
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
    /// Encrypt the new database with a passphrase (JOBDESK_PASSPHRASE, or asked for twice):
    /// the default, unless the config says `encrypt = false`
    #[arg(long, conflicts_with = "no_encrypt")]
    pub encrypt: bool,
    /// Leave the new database unencrypted
    #[arg(long)]
    pub no_encrypt: bool,
}

#[derive(Debug, Args)]
pub struct EraseArgs {
    /// The citizen's id (see `jobdesk citizens --all`)
    #[arg(
        long,
        value_name = "ID",
        required_unless_present = "company_contact",
        conflicts_with = "company_contact"
    )]
    pub citizen: Option<i64>,
    /// Erase a company's contact person instead (see `jobdesk company show ID`)
    #[arg(long, value_name = "ID")]
    pub company_contact: Option<i64>,
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

/// Runs one of these commands against the user's database.
pub fn run(cmd: SafetyCommand, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let path = &ctx.db_path()?;
    let shown = path.display().to_string();
    let l = ctx.lang;
    match cmd {
        SafetyCommand::Init(a) => init(&a, path, ctx, out),
        SafetyCommand::Encrypt => encrypt(path, ctx, out),
        SafetyCommand::Rekey => rekey(path, ctx, out),
        SafetyCommand::Erase(a) => erase(&a, ctx, out),
        SafetyCommand::Purge(a) => {
            let mut store = ctx.open_store(Create::No)?;
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
        SafetyCommand::Audit(a) => audit(&a, ctx, out),
        SafetyCommand::Backup(a) => {
            let mut store = ctx.open_store(Create::No)?;
            let done = store.backup_to(&a.file, a.force, ctx.now)?;
            writeln!(out, "{}", words::backup_done(l, &done, &shown))?;
            Ok(())
        }
        SafetyCommand::Check => {
            let store = ctx.open_store(Create::No)?;
            let problems = store.check()?;
            if problems.is_empty() {
                writeln!(out, "{}", words::check_ok(l, &shown, store.encrypted()))?;
                return Ok(());
            }
            for p in &problems {
                writeln!(out, "problem: {p}")?;
            }
            out.flush()?;
            Err(anyhow::anyhow!(crate::i18n::cli::check_failed(
                l,
                &shown,
                problems.len()
            )))
        }
    }
}

fn init(a: &InitArgs, path: &Path, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let l = ctx.lang;
    let shown = path.display().to_string();
    if path.exists() {
        return Err(user(crate::i18n::cli::init_exists(l, &shown)));
    }
    let encrypt = !a.no_encrypt && (a.encrypt || ctx.config()?.encrypt);
    let store = if encrypt {
        let pass = prompt::new_database_passphrase(l, &shown)?;
        ctx.open_store_at(path, Create::Yes, Some(&pass))?
    } else {
        let opts = ctx.open_options(Create::Yes)?;
        let mut store = crate::store::Store::open(path, &opts)?;
        ctx.print_warnings(&store.take_warnings());
        store
    };
    writeln!(out, "{}", words::created(l, &shown, store.encrypted()))?;
    if store.encrypted() {
        writeln!(out, "{}", words::keep_safe(l))?;
    }
    Ok(())
}

fn existing_kind(l: crate::i18n::Lang, path: &Path) -> Result<FileKind> {
    let shown = path.display().to_string();
    if !path.exists() {
        return Err(user(crate::i18n::cli::no_database_to_change(l, &shown)));
    }
    FileKind::of(path).map_err(|e| user(crate::i18n::cli::cannot_read(l, &shown, &e.to_string())))
}

fn encrypt(path: &Path, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let l = ctx.lang;
    let shown = path.display().to_string();
    match existing_kind(l, path)? {
        FileKind::Encrypted(_) => {
            return Err(user(crate::i18n::cli::encrypted_already(l, &shown)));
        }
        FileKind::Other => {
            return Err(user(crate::i18n::cli::not_jobdesk(l, &shown)));
        }
        FileKind::Plain | FileKind::Empty => {}
    }
    let pass = new_passphrase(l, PASSPHRASE_ENV)?;
    // A plain file opens as it is, whatever the passphrase.
    let mut store = ctx.open_store_quiet(path, Create::No, Some(&pass))?;
    // The passphrase is for the encryption about to happen: no warning that it went unused.
    let warnings: Vec<Warning> = store
        .take_warnings()
        .into_iter()
        .filter(|w| !matches!(w, Warning::PassphraseUnused { .. }))
        .collect();
    ctx.print_warnings(&warnings);
    let done = store.convert(&pass)?;
    writeln!(
        out,
        "{}",
        words::encrypted_done(l, &shown, done.rows, done.tables)
    )?;
    writeln!(out, "{}", words::keep_safe(l))?;
    Ok(())
}

fn rekey(path: &Path, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let l = ctx.lang;
    let shown = path.display().to_string();
    if !matches!(existing_kind(l, path)?, FileKind::Encrypted(_)) {
        return Err(user(crate::i18n::cli::not_encrypted(l, &shown)));
    }
    let store = ctx.open_store(Create::No)?;
    let pass = new_passphrase(l, NEW_PASSPHRASE_ENV)?;
    let done = store.convert(&pass)?;
    writeln!(out, "{}", words::rekeyed(l, &shown, done.rows))?;
    writeln!(out, "{}", words::keep_safe(l))?;
    Ok(())
}

fn erase(a: &EraseArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let l = ctx.lang;
    let mut store = ctx.open_store(Create::No)?;
    let citizen = match (a.citizen, a.company_contact) {
        (Some(c), _) => c,
        (None, Some(p)) => return erase_person(&mut store, p, a.yes, ctx, out),
        (None, None) => return Err(user(crate::i18n::cli::erase_needs_yes(l, 0))),
    };
    let preview = store.erase_preview(citizen)?;
    if !a.yes {
        if !prompt::can_ask() {
            return Err(user(crate::i18n::cli::erase_needs_yes(l, citizen)));
        }
        let name = store.citizen(citizen)?.name;
        let question = format!(
            "{}\n{}",
            words::erase_question(l, &sanitize_line(&name), &preview),
            words::erase_confirm(l)
        );
        if !prompt::confirm(&question, out)? {
            return Err(user(words::not_erased(l)));
        }
    }
    let erased = store.erase_citizen(citizen, ctx.now)?;
    writeln!(out, "{}", words::erased(l, &erased))?;
    if !erased.scrubbed {
        eprintln!("{}", words::not_scrubbed(l));
    }
    Ok(())
}

/// `jobdesk erase --company-contact ID`: a company's contact person, for good.
fn erase_person(
    store: &mut crate::store::Store,
    id: i64,
    yes: bool,
    ctx: &Ctx,
    out: &mut dyn Write,
) -> Result<()> {
    let l = ctx.lang;
    let person = store.contact_person(id)?;
    if !yes {
        if !prompt::can_ask() {
            return Err(user(crate::i18n::company::erase_person_needs_yes(l, id)));
        }
        let company = store.company(person.company_id)?.name;
        let question = format!(
            "{}\n{}",
            crate::i18n::company::erase_person_question(
                l,
                &sanitize_line(&person.name),
                &sanitize_line(&company)
            ),
            words::erase_confirm(l)
        );
        if !prompt::confirm(&question, out)? {
            return Err(user(words::not_erased(l)));
        }
    }
    let scrubbed = store.erase_contact_person(id, ctx.now)?;
    writeln!(out, "{}", crate::i18n::company::person_erased(l, id))?;
    if !scrubbed {
        eprintln!("{}", words::not_scrubbed(l));
    }
    Ok(())
}

fn audit(a: &AuditArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let l = ctx.lang;
    let store = ctx.open_store(Create::No)?;
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
    let table = Table::new(&[
        Col::Fit(16),
        Col::Fit(10),
        Col::Fit(15),
        Col::Right(7),
        Col::Fit(23),
        Col::Right(7),
        Col::Free,
    ]);
    table.row(out, &words::audit_header(l))?;
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
        table.row(
            out,
            &[
                &at,
                &sanitize_line(&e.os_user),
                words::action(l, e.action),
                &e.citizen_id.map(|c| c.to_string()).unwrap_or_default(),
                &range,
                &e.rows.to_string(),
                &sanitize_line(&e.detail),
            ],
        )?;
    }
    Ok(())
}
