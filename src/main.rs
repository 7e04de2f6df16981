//! The `jobdesk` binary: decide the language, parse the command line and dispatch; nothing else.

fn main() {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // The language is decided before clap parses, so that its help and errors are worded in it.
    let lang = jobdesk::cli::lang_of(jobdesk::cli::lang_in_args(&args));
    // A bug must never look like the user's fault, nor dump a backtrace on them: one line that
    // says what happened and that saved work is safe (every change is written when it is made).
    std::panic::set_hook(Box::new(move |info| {
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        eprintln!(
            "jobdesk: {}",
            jobdesk::i18n::cli::internal_error(lang, &place, &what)
        );
    }));
    std::process::exit(jobdesk::run_args(args, lang));
}
