//! jobdesk: a Danish job consultant's fast desk beside the case system.
//!
//! The library holds everything; `main.rs` only parses the command line and dispatches, so that
//! tests reach every piece. The command line (and the opening of the desk) lives in `cli`.

pub mod cli;
pub mod config;
pub mod domain;
pub mod error;
pub mod export;
pub mod generate;
pub mod i18n;
pub mod import;
pub mod leftovers;
pub mod store;
pub mod transfer;
pub mod ui;

/// Runs the parsed command line and returns the process's exit code. Errors are printed on
/// stderr as "jobdesk: what was wrong"; no backtrace.
pub fn app_main(cli: cli::Cli) -> i32 {
    let lang = cli::lang_of(cli.lang);
    leftovers::set_lang(lang);
    match cli::run(cli) {
        Ok(()) => 0,
        Err(e) => {
            // A closed pipe (`jobdesk citizens | head`) is not an error worth a message.
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return 0;
            }
            eprintln!("jobdesk: {}", i18n::errors::message(&e, lang));
            cli::exit_code(&e)
        }
    }
}
