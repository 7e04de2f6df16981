//! `jobdesk export csv|ics|json|history` and `jobdesk import json`: the clap definitions and the
//! command handlers; the formats themselves live in `export`.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use super::Ctx;
use super::table::{Col, Table};
use crate::config::Config;
use crate::domain::dates::{fmt_date, fmt_time};
use crate::error::{Result, user};
use crate::export::{DayRange, csv, ics, json};
use crate::i18n::export as words;
use crate::store::Create;
use crate::transfer::{self, Target};

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// The contact log of a day (default: today) or of a range as CSV, one row per contact in time
    /// order. CPR numbers only with --with-cpr
    Csv(CsvArgs),
    /// Appointments as iCalendar (.ics) for Outlook, Google Calendar, calcurse (default: all)
    Ics(IcsArgs),
    /// Everything you keep (citizens, appointments, contacts) as JSON, for a new laptop or a
    /// restore with `jobdesk import json`
    Json(JsonArgs),
    /// The record of every export: when, what, which days, how many rows, where to
    History,
}

#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Write to FILE (default: standard output). Written whole or not at all; mode 0600
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace FILE if it already exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct CsvArgs {
    /// One day (default: today)
    #[arg(long, value_name = "DATE", conflicts_with_all = ["from", "to"])]
    pub date: Option<String>,
    /// The first day of a range (included)
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// The last day of a range (included)
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// For Danish Excel: ';' between fields, a UTF-8 BOM, CRLF, dates as 23-11-2026
    #[arg(long)]
    pub excel: bool,
    /// Add a column with each citizen's CPR number (left out by default)
    #[arg(long)]
    pub with_cpr: bool,
    #[command(flatten)]
    pub out: OutputArgs,
}

#[derive(Debug, Args)]
pub struct IcsArgs {
    /// The first day (included; default: the first appointment)
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// The last day (included; default: the last appointment)
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    #[command(flatten)]
    pub out: OutputArgs,
}

#[derive(Debug, Args)]
pub struct JsonArgs {
    #[command(flatten)]
    pub out: OutputArgs,
}

#[derive(Debug, Args)]
pub struct ImportJsonArgs {
    /// A file written by `jobdesk export json`
    pub file: PathBuf,
}

/// The days asked for: `--date`, or `--from`/`--to` (either end may be left open), or `default`.
pub fn day_range(
    date: Option<&str>,
    from: Option<&str>,
    to: Option<&str>,
    ctx: &Ctx,
    default: DayRange,
) -> Result<DayRange> {
    let parse = |flag: &str, s: &str| {
        crate::domain::when::parse_date(s, ctx.today()).map_err(|p| {
            user(format!(
                "{flag}: {}. {}",
                p.text(ctx.lang.da()),
                ctx.lang.t("Intet blev skrevet", "Nothing was written")
            ))
        })
    };
    if let Some(d) = date {
        return Ok(DayRange::day(parse("--date", d)?));
    }
    if from.is_none() && to.is_none() {
        return Ok(default);
    }
    let range = DayRange {
        from: from.map(|s| parse("--from", s)).transpose()?,
        to: to.map(|s| parse("--to", s)).transpose()?,
    };
    if let (Some(a), Some(b)) = (range.from, range.to)
        && a > b
    {
        return Err(crate::store::Error::RangeReversed { from: a, to: b }.into());
    }
    Ok(range)
}

/// Refuses `-o` naming the database itself.
fn not_the_database(lang: crate::i18n::Lang, target: &Target, db: &Path) -> Result<()> {
    if let Target::File { path, .. } = target
        && let (Ok(a), Ok(b)) = (std::fs::canonicalize(path), std::fs::canonicalize(db))
        && a == b
    {
        return Err(user(crate::i18n::cli::target_is_database(
            lang,
            &path.display().to_string(),
        )));
    }
    Ok(())
}

/// Says where the file went, and that it holds personal data.
fn report(target: &Target, ctx: &Ctx, out: &mut dyn Write, said: String) -> Result<()> {
    if let Target::File { .. } = target {
        writeln!(out, "{said}")?;
        eprintln!("{}", words::personal_data(ctx.lang));
    }
    Ok(())
}

/// Runs one `jobdesk export …` command against the user's database.
pub fn run(cmd: ExportCommand, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let db = &ctx.db_path()?;
    match cmd {
        ExportCommand::Csv(a) => export_csv(&a, db, ctx, out),
        ExportCommand::Ics(a) => export_ics(&a, db, ctx, out),
        ExportCommand::Json(a) => export_json(&a, db, ctx, out),
        ExportCommand::History => history(ctx, out),
    }
}

fn export_csv(a: &CsvArgs, db: &Path, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let range = day_range(
        a.date.as_deref(),
        a.from.as_deref(),
        a.to.as_deref(),
        ctx,
        DayRange::day(ctx.today()),
    )?;
    let target = Target::new(a.out.output.as_deref(), a.out.force)?;
    not_the_database(ctx.lang, &target, db)?;
    let mut store = ctx.open_store(Create::No)?;
    let opts = csv::CsvOptions {
        excel: a.excel,
        with_cpr: a.with_cpr,
        lang: ctx.lang,
    };
    let path = target.recorded();
    let rows = transfer::export_log(&mut store, &target, out, range, &opts, ctx.now)?;
    if rows == 0 {
        eprintln!(
            "{}",
            words::no_contacts(ctx.lang, &range.describe(ctx.lang))
        );
    }
    report(
        &target,
        ctx,
        out,
        words::wrote_contacts(ctx.lang, rows, &path),
    )
}

fn export_ics(a: &IcsArgs, db: &Path, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let range = day_range(
        None,
        a.from.as_deref(),
        a.to.as_deref(),
        ctx,
        DayRange::default(),
    )?;
    let target = Target::new(a.out.output.as_deref(), a.out.force)?;
    not_the_database(ctx.lang, &target, db)?;
    let mut store = ctx.open_store(Create::No)?;
    // The run's clock is Danish time: DTSTAMP is that instant in UTC.
    let stamp = crate::domain::localtime::to_utc(ctx.now).and_utc();
    let opts = ics::IcsOptions {
        lang: ctx.lang,
        now: ctx.now,
        stamp,
    };
    let path = target.recorded();
    let rows = transfer::export_calendar(&mut store, &target, out, range, &opts)?;
    if rows == 0 {
        eprintln!(
            "{}",
            words::no_appointments(ctx.lang, &range.describe(ctx.lang))
        );
    }
    report(
        &target,
        ctx,
        out,
        words::wrote_appointments(ctx.lang, rows, &path),
    )
}

/// The settings file as it is now, or `None` when there is none (the built-in defaults).
fn current_config(ctx: &Ctx) -> Result<Option<&Config>> {
    match Config::path() {
        Some(p) if p.exists() => Ok(Some(ctx.config()?)),
        _ => Ok(None),
    }
}

fn export_json(a: &JsonArgs, db: &Path, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let target = Target::new(a.out.output.as_deref(), a.out.force)?;
    not_the_database(ctx.lang, &target, db)?;
    let config = current_config(ctx)?;
    let mut store = ctx.open_store(Create::No)?;
    let path = target.recorded();
    let counts = transfer::export_everything(&mut store, &target, out, config, ctx.now)?;
    report(
        &target,
        ctx,
        out,
        words::wrote_everything(
            ctx.lang,
            counts.citizens(),
            counts.appointments(),
            counts.contacts(),
            &path,
        ),
    )
}

fn history(ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let store = ctx.open_store(Create::No)?;
    let list = store.exports()?;
    let l = ctx.lang;
    if list.is_empty() {
        writeln!(out, "{}", words::no_exports(l))?;
        return Ok(());
    }
    let table = Table::new(&[
        Col::Left(16),
        Col::Left(9),
        Col::Left(23),
        Col::Right(7),
        Col::Left(3),
        Col::Free,
    ]);
    table.row(out, &words::history_header(l))?;
    for r in list {
        let at = format!(
            "{} {}",
            fmt_date(r.at.date(), l.da()),
            fmt_time(r.at.time(), l.da())
        );
        table.row(
            out,
            &[
                &at,
                r.kind.key(),
                &r.range.describe(l),
                &r.rows.to_string(),
                words::yes_no(l, r.cpr),
                &crate::domain::text::sanitize_line(&r.path),
            ],
        )?;
    }
    Ok(())
}

/// `jobdesk import json FILE`: restores an export into an empty (or new) database, all or
/// nothing. A database file this command created is removed again when the import fails. The
/// settings in the export are written to the settings file when there is none yet.
pub fn import_json(a: &ImportJsonArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let db = &ctx.db_path()?;
    let shown = a.file.display().to_string();
    if a.file.is_dir() {
        return Err(user(crate::i18n::cli::import_json_folder(ctx.lang, &shown)));
    }
    let file = std::fs::File::open(&a.file).map_err(|e| {
        user(crate::i18n::cli::cannot_read(
            ctx.lang,
            &shown,
            &e.to_string(),
        ))
    })?;
    let existed = db.exists();
    let result = (|| -> Result<json::Restored> {
        let mut store = ctx.open_store(Create::Yes)?;
        transfer::import_everything(&mut store, file, &shown, ctx.now)
    })();
    let restored = match result {
        Ok(r) => r,
        Err(e) => {
            if !existed {
                for suffix in ["", "-wal", "-shm", "-journal"] {
                    let mut p = db.as_os_str().to_owned();
                    p.push(suffix);
                    let _ = std::fs::remove_file(PathBuf::from(p));
                }
            }
            return Err(e.context(crate::i18n::cli::cannot_import(ctx.lang, &shown)));
        }
    };
    let c = restored.counts;
    writeln!(
        out,
        "{}",
        words::imported_everything(
            ctx.lang,
            c.citizens(),
            c.appointments(),
            c.contacts(),
            &db.display().to_string()
        )
    )?;
    if let Some(config) = restored.config {
        eprintln!("{}", restore_config(&config, ctx));
    }
    Ok(())
}

/// Writes the export's settings to the settings file if there is none; keeps an existing one.
/// Returns what to say.
fn restore_config(config: &Config, ctx: &Ctx) -> String {
    let l = ctx.lang;
    let Some(path) = Config::path() else {
        return words::config_not_restored(l, "-", "no folder for settings was found");
    };
    let shown = path.display().to_string();
    if path.exists() {
        return match ctx.config() {
            Ok(mine) if mine == config => words::config_same(l, &shown),
            _ => words::config_kept(l, &shown),
        };
    }
    let written = (|| -> Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let text = format!(
            "# jobdesk's settings, restored from an export.\n\n{}",
            toml::to_string_pretty(config)?
        );
        transfer::write_file(&path, false, text.as_bytes())
    })();
    match written {
        Ok(()) => words::config_restored(l, &shown),
        Err(e) => words::config_not_restored(l, &shown, &format!("{e:#}")),
    }
}
