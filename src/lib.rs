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

/// Runs the command line `args` (the program's name first) in `lang` (decided before clap
/// parses: [`cli::lang_of`] of [`cli::lang_in_args`]) and returns the process's exit code.
/// Help, usage errors and every message are worded in `lang`.
pub fn run_args<I, T>(args: I, lang: i18n::Lang) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    match cli::help::parse(args, lang) {
        Ok(cli) => {
            let lang = cli.lang.map(i18n::Lang::from).unwrap_or(lang);
            app_main(cli, lang)
        }
        Err(code) => code,
    }
}

/// Runs the parsed command line in `lang` and returns the process's exit code. Errors are
/// printed on stderr as "jobdesk: what was wrong"; no backtrace.
pub fn app_main(cli: cli::Cli, lang: i18n::Lang) -> i32 {
    leftovers::set_lang(lang);
    match cli::run(cli, lang) {
        Ok(()) => 0,
        Err(e) => {
            // A closed pipe (`jobdesk citizens | head`) is not an error worth a message.
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return 0;
            }
            // A message may echo what a file held: no CPR number leaves unmasked.
            let msg = i18n::errors::message(&e, lang);
            eprintln!("jobdesk: {}", domain::cpr::mask_cprs_in(&msg));
            cli::exit_code(&e)
        }
    }
}
