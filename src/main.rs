//! The `jobdesk` binary: parse the command line and dispatch; nothing else.

use clap::Parser;

fn main() {
    // A bug must never look like the user's fault, nor dump a backtrace on them: one line that
    // says what happened and that saved work is safe (every change is written when it is made).
    std::panic::set_hook(Box::new(|info| {
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "jobdesk: internal error{place}: {}. Everything saved before this is safe. Please report it.",
            info.payload()
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| info.payload().downcast_ref::<String>().cloned())
                .unwrap_or_default()
        );
    }));
    std::process::exit(jobdesk::app_main(jobdesk::cli::Cli::parse()));
}
