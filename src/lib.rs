//! jobdesk: a Danish job consultant's fast desk beside the case system.
//!
//! The library holds everything; `main.rs` only parses the command line and dispatches, so that
//! tests reach every piece.

pub mod cli;
pub mod closure_cmd;
pub mod config;
pub mod domain;
pub mod error;
pub mod export;
pub mod generate;
pub mod i18n;
pub mod import;
pub mod safety_cmd;
pub mod store;
pub mod ui;

/// Runs the parsed command line and returns the process's exit code. Errors are printed on
/// stderr as "jobdesk: what was wrong"; no backtrace.
pub fn app_main(cli: cli::Cli) -> i32 {
    let lang = cli::lang_of(cli.lang);
    let result = (|| -> error::Result<()> {
        let ctx = cli::Ctx {
            now: cli::now_from_env()?,
            lang,
        };
        safety_cmd::install_prompt(ctx.lang);
        match cli.command {
            Some(cmd) => {
                let stdout = std::io::stdout();
                let mut out = std::io::BufWriter::new(stdout.lock());
                cli::run(cmd, &cli.db, &ctx, &mut out)?;
                std::io::Write::flush(&mut out)?;
                Ok(())
            }
            None => desk(&cli, &ctx),
        }
    })();
    match result {
        Ok(()) => 0,
        Err(e) => {
            // A closed pipe (`jobdesk citizens | head`) is not an error worth a message.
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return 0;
            }
            eprintln!("jobdesk: {}", error::message(&e, lang));
            error::exit_code(&e)
        }
    }
}

/// Opens the desk on the user's database, or with `--demo` on a fresh temporary one.
fn desk(cli: &cli::Cli, ctx: &cli::Ctx) -> error::Result<()> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(error::user(
            "the desk needs a terminal; for scripts use the commands (see `jobdesk --help`)",
        ));
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
    let config = config::Config::load(config::Config::path().as_deref())?;
    if cli.demo {
        let dir = tempfile::Builder::new().prefix("jobdesk-demo-").tempdir()?;
        let path = dir.path().join("demo.db");
        let mut store = safety_cmd::open_db(
            &path,
            &safety_cmd::run_options(store::Create::Yes).rules(config.rules()),
        )?;
        let spec = generate::Spec {
            citizens: 120,
            years: 2,
            seed: 1,
            now: ctx.now,
        };
        generate::generate(&mut store, spec, &mut |_, _| {})?;
        let r = ui::run(store, config, ctx.lang, clock);
        drop(dir);
        return r;
    }
    let path = cli::db_path(&cli.db)?;
    let store = safety_cmd::open_db(
        &path,
        &safety_cmd::run_options(store::Create::Yes)
            .rules(config.rules())
            .retention_days(config.retention_days),
    )?;
    ui::run(store, config, ctx.lang, clock)
}
