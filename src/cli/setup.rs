//! `jobdesk generate`, `jobdesk config` and the desk itself (`jobdesk [--demo]`).

use std::io::{IsTerminal, Write};

use clap::Args;

use super::Ctx;
use crate::config::Config;
use crate::error::{Result, user};
use crate::store::Create;

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// How many citizens in all (some are archived, as people find work)
    #[arg(long, default_value_t = 120)]
    pub citizens: usize,
    /// How many years of history
    #[arg(long, default_value_t = 2)]
    pub years: u32,
    /// The seed: the same seed on the same day gives the same caseload
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Fictional companies too (the reference dataset has 5000)
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub companies: usize,
    /// Fictional job leads spread over the companies (the reference dataset has 20000)
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub leads: usize,
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Print the default config file (with the built-in cadence rules written out)
    #[arg(long)]
    pub default: bool,
}

/// `jobdesk config [--default]`: where the config file is, or the default one to edit. The
/// default is printed without reading the user's file, so it helps when that file is broken.
pub fn config(a: &ConfigArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    if a.default {
        write!(out, "{}", Config::default_text())?;
        return Ok(());
    }
    match Config::path() {
        Some(p) => {
            ctx.config()?;
            let state = if p.exists() {
                crate::i18n::cli::config_in_use(ctx.lang)
            } else {
                crate::i18n::cli::config_not_there(ctx.lang)
            };
            writeln!(out, "{} ({state})", p.display())?;
            writeln!(
                out,
                "{}",
                crate::i18n::cli::config_write_one(ctx.lang, &p.display().to_string())
            )?;
        }
        None => writeln!(out, "{}", crate::i18n::cli::no_config_folder(ctx.lang))?,
    }
    Ok(())
}

/// `jobdesk generate`: fills an empty database with a fictional caseload.
pub fn generate(a: &GenerateArgs, ctx: &Ctx, out: &mut dyn Write) -> Result<()> {
    let mut store = ctx.open_store(Create::Yes)?;
    let started = std::time::Instant::now();
    let tty = std::io::stderr().is_terminal();
    let mut shown = false;
    let mut progress = |done: usize, total: usize| {
        if tty && (shown || started.elapsed().as_millis() > 400) {
            shown = true;
            eprint!(
                "\r{}   ",
                crate::i18n::cli::generating(ctx.lang, done, total)
            );
        }
    };
    let spec = crate::generate::Spec {
        citizens: a.citizens,
        years: a.years,
        seed: a.seed,
        now: ctx.now,
    };
    let calendar = ctx.config()?.calendar();
    let s = crate::generate::generate_with(&mut store, spec, &calendar, &mut progress)?;
    crate::generate::companies::generate_companies(
        &mut store,
        a.companies,
        a.leads,
        a.seed,
        ctx.now,
    )?;
    if shown {
        eprintln!();
    }
    writeln!(
        out,
        "{}",
        crate::i18n::cli::generated(
            ctx.lang,
            &s,
            started.elapsed().as_secs_f64(),
            &store.path().display().to_string()
        )
    )?;
    Ok(())
}

/// Opens the desk on the user's database, or with `demo` on a fresh temporary one.
pub fn desk(demo: bool, ctx: &Ctx) -> Result<()> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(user(crate::i18n::cli::desk_needs_terminal(ctx.lang)));
    }
    let fixed_now = std::env::var("JOBDESK_NOW").is_ok_and(|v| !v.trim().is_empty());
    let start = ctx.now;
    let clock = move || {
        if fixed_now {
            start
        } else {
            chrono::Local::now().naive_local()
        }
    };
    let config = ctx.config()?.clone();
    if demo {
        let dir = tempfile::Builder::new().prefix("jobdesk-demo-").tempdir()?;
        let path = dir.path().join("demo.db");
        // Fictional data in a temporary file: plain, and no passphrase is asked for.
        let mut store = crate::store::Store::open(&path, &ctx.open_options(Create::Yes)?)?;
        let spec = crate::generate::Spec {
            citizens: 120,
            years: 2,
            seed: 1,
            now: ctx.now,
        };
        crate::generate::generate_with(&mut store, spec, &config.calendar(), &mut |_, _| {})?;
        let r = crate::ui::run(store, config, ctx.lang, clock, crate::ui::Start::default());
        drop(dir);
        return r;
    }
    // A new database is encrypted with a passphrase asked for here, before the desk opens
    // (unless the config says `encrypt = false`).
    let store = ctx.open_store(Create::Yes)?;
    let start = start_of(&store, &config, ctx);
    crate::ui::run(store, config, ctx.lang, clock, start)
}

/// What the real desk shows at start about its database: an unencrypted one is marked in the
/// header, with a one-line hint naming the command that encrypts it (not when the config chose
/// plain databases with `encrypt = false`).
fn start_of(store: &crate::store::Store, config: &Config, ctx: &Ctx) -> crate::ui::Start {
    if store.encrypted() {
        return crate::ui::Start::default();
    }
    // `jobdesk encrypt` works on the same file only when it finds it the same way.
    let db = match (&ctx.db, std::env::var_os("JOBDESK_DB")) {
        (Some(p), env) if env.as_deref() != Some(p.as_os_str()) => {
            format!(" --db \"{}\"", p.display())
        }
        _ => String::new(),
    };
    crate::ui::Start {
        unencrypted: true,
        message: config
            .encrypt
            .then(|| crate::i18n::safety::unencrypted_hint(ctx.lang, &db)),
    }
}
