//! jobdesk: a Danish job consultant's fast desk beside the case system.
//!
//! The library holds everything; `main.rs` only parses the command line and dispatches, so that
//! tests reach every piece.

pub mod cli;
pub mod domain;
pub mod error;
pub mod generate;
pub mod import;
pub mod store;
pub mod ui;

/// Runs the parsed command line and returns the process's exit code. Errors are printed on
/// stderr as "jobdesk: what was wrong"; no backtrace.
pub fn app_main(cli: cli::Cli) -> i32 {
    let result = (|| -> error::Result<()> {
        let ctx = cli::Ctx {
            now: cli::now_from_env()?,
            lang: cli::lang_of(cli.lang),
        };
        match cli.command {
            Some(cmd) => {
                let stdout = std::io::stdout();
                let mut out = std::io::BufWriter::new(stdout.lock());
                cli::run(cmd, &cli.db, &ctx, &mut out)?;
                std::io::Write::flush(&mut out)?;
                Ok(())
            }
            None => Err(error::user(
                "the terminal desk is not built yet: try `jobdesk agenda` or `jobdesk --help`",
            )),
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
            eprintln!("jobdesk: {e:#}");
            error::exit_code(&e)
        }
    }
}
