//! The command line in the run's language: clap's [`Command`] with every about and help text
//! from the Danish table ([`crate::i18n::help`]) when the run is Danish, clap's own headings
//! and help flags in Danish, and its usage errors worded in Danish. The language is decided
//! before clap parses (see [`super::lang_in_args`]), so `jobdesk --help` is already Danish.

use std::io::{IsTerminal, Write};

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorFormatter, ErrorKind};
use clap::{Command, CommandFactory, FromArgMatches};

use super::Cli;
use crate::i18n::Lang;
use crate::i18n::help as words;

/// The command line's clap definition, worded in `lang` (English: the doc comments as they
/// are).
pub fn command(lang: Lang) -> Command {
    let cmd = Cli::command();
    if !lang.da() {
        return cmd;
    }
    let mut cmd = danish(cmd, "")
        .long_about(words::LONG_ABOUT_DA)
        .after_help(words::AFTER_HELP_DA);
    // clap adds its help and version flags and the `help` command when it builds the tree:
    // build it now, so that they can be worded too.
    cmd.build();
    clap_own_danish(cmd)
}

/// Replaces the texts of `cmd` (at `path`, e.g. "log add") and of everything below it.
fn danish(mut cmd: Command, path: &str) -> Command {
    if let Some(t) = words::da(path, "") {
        cmd = cmd.about(t).long_about(None);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let text = words::da(path, &id);
        cmd = cmd.mut_arg(id, |a| {
            let a = match text {
                Some(t) => a.help(t).long_help(None),
                None => a,
            };
            // clap's "[env: …]" and "[possible values: …]" are English; the Danish texts and
            // the value names (`da|en`, `yes|no`) say the same.
            let a = heading(a);
            let a = if a.get_env().is_some() {
                a.hide_env(true)
            } else {
                a
            };
            if a.get_action().takes_values() && !a.get_possible_values().is_empty() {
                a.hide_possible_values(true)
            } else {
                a
            }
        });
    }
    cmd = cmd
        .help_template(words::TEMPLATE_DA)
        .subcommand_help_heading(words::COMMANDS_DA)
        .subcommand_value_name(words::COMMAND_DA);
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let below = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        cmd = cmd.mut_subcommand(name, |s| danish(s, &below));
    }
    cmd
}

/// clap writes arguments without a heading under "Options" / "Arguments", words it cannot
/// change: every argument gets the Danish heading instead.
fn heading(a: clap::Arg) -> clap::Arg {
    if a.get_help_heading().is_some() {
        a
    } else if a.is_positional() {
        a.help_heading(words::ARGUMENTS_DA)
    } else {
        a.help_heading(words::OPTIONS_DA)
    }
}

/// The flags and the `help` command clap added when it built the tree, in Danish.
fn clap_own_danish(mut cmd: Command) -> Command {
    let has = |cmd: &Command, id: &str| cmd.get_arguments().any(|a| a.get_id() == id);
    if has(&cmd, "help") {
        cmd = cmd.mut_arg("help", |a| {
            let a = heading(a);
            if a.get_long_help().is_some() {
                a.help(words::HELP_SHORT_DA).long_help(words::HELP_LONG_DA)
            } else {
                a.help(words::HELP_DA)
            }
        });
    }
    if has(&cmd, "version") {
        cmd = cmd.mut_arg("version", |a| heading(a).help(words::VERSION_DA));
    }
    if has(&cmd, "subcommand") && cmd.get_name() == "help" {
        cmd = cmd.mut_arg("subcommand", |a| a.help(words::HELP_COMMAND_ARG_DA));
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let help = name == "help";
        cmd = cmd.mut_subcommand(name, |s| {
            let s = if help {
                s.about(words::HELP_COMMAND_DA)
                    .help_template(words::TEMPLATE_DA)
                    .subcommand_help_heading(words::COMMANDS_DA)
                    .subcommand_value_name(words::COMMAND_DA)
            } else {
                s
            };
            clap_own_danish(s)
        });
    }
    cmd
}

/// Parses the command line in `lang`. A help or version request, or a usage error, is printed
/// (in `lang`) and its exit code returned instead: 0 for help and version, 2 for bad usage.
pub fn parse<I, T>(args: I, lang: Lang) -> Result<Cli, i32>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    command(lang)
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m))
        .map_err(|e| report(e, lang))
}

/// Prints what clap returned instead of a parsed command line and gives its exit code.
fn report(e: clap::Error, lang: Lang) -> i32 {
    let code = e.exit_code();
    if !lang.da() {
        let _ = e.print();
        return code;
    }
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let out = std::io::stdout();
            let text = rendered(&e, out.is_terminal());
            let _ = out.lock().write_all(text.as_bytes());
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let err = std::io::stderr();
            let text = rendered(&e, err.is_terminal());
            let _ = err.lock().write_all(text.as_bytes());
        }
        kind if has_danish_words(kind) => {
            let _ = e.apply::<Danish>().print();
        }
        _ => {
            eprintln!("jobdesk: {}", words::errors::other());
            let _ = e.print();
        }
    }
    code
}

/// The usage errors [`Danish`] words; any other keeps clap's English below a Danish line.
fn has_danish_words(kind: ErrorKind) -> bool {
    matches!(
        kind,
        ErrorKind::ArgumentConflict
            | ErrorKind::NoEquals
            | ErrorKind::InvalidValue
            | ErrorKind::ValueValidation
            | ErrorKind::InvalidSubcommand
            | ErrorKind::UnknownArgument
            | ErrorKind::MissingRequiredArgument
            | ErrorKind::MissingSubcommand
            | ErrorKind::TooManyValues
            | ErrorKind::WrongNumberOfValues
            | ErrorKind::TooFewValues
            | ErrorKind::InvalidUtf8
    )
}

/// A help or version text clap rendered, with clap's fixed English words put in Danish;
/// coloured on a terminal unless `NO_COLOR` is set.
fn rendered(e: &clap::Error, terminal: bool) -> String {
    let styled = e.render();
    let colour = terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let text = if colour {
        styled.ansi().to_string()
    } else {
        styled.to_string()
    };
    clap_words_danish(&text)
}

/// clap's fixed words in a rendered help or usage ("Usage:", "[OPTIONS]", "[default: …]"),
/// in Danish.
pub fn clap_words_danish(text: &str) -> String {
    words::CLAP_WORDS_DA
        .iter()
        .fold(text.to_string(), |t, (en, da)| t.replace(en, da))
}

/// clap's usage errors worded in Danish (a kind without Danish words keeps clap's English
/// below a Danish line).
pub struct Danish;

impl ErrorFormatter for Danish {
    fn format_error(e: &clap::error::Error<Self>) -> StyledStr {
        StyledStr::from(danish_error(e))
    }
}

fn string(e: &clap::error::Error<Danish>, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        _ => None,
    }
}

fn strings(e: &clap::error::Error<Danish>, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        _ => Vec::new(),
    }
}

fn number(e: &clap::error::Error<Danish>, kind: ContextKind) -> Option<isize> {
    match e.get(kind)? {
        ContextValue::Number(n) => Some(*n),
        _ => None,
    }
}

/// What went wrong, in Danish: the first line, the possible values or a suggestion, the usage
/// and where to read more.
fn danish_error(e: &clap::error::Error<Danish>) -> String {
    use words::errors as w;
    let arg = string(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = string(e, ContextKind::InvalidValue).unwrap_or_default();
    let mut text = match e.kind() {
        ErrorKind::ArgumentConflict => {
            let prior = string(e, ContextKind::PriorArg);
            if prior.as_deref() == Some(arg.as_str()) {
                w::twice(&arg)
            } else {
                let what = if arg.is_empty() {
                    string(e, ContextKind::InvalidSubcommand).unwrap_or_default()
                } else {
                    arg.clone()
                };
                format!(
                    "{} {}",
                    w::conflict(&what),
                    prior
                        .map(|p| format!("'{p}'"))
                        .unwrap_or_else(|| w::conflict_others().to_string())
                )
            }
        }
        ErrorKind::NoEquals => w::no_equals(&arg),
        ErrorKind::InvalidValue if value.is_empty() => w::missing_value(&arg),
        ErrorKind::InvalidValue => w::invalid_value(&value, &arg),
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e).map(source_danish);
            match why {
                Some(why) => format!("{}: {why}", w::invalid_value(&value, &arg)),
                None => w::invalid_value(&value, &arg),
            }
        }
        ErrorKind::InvalidSubcommand => {
            w::unknown_command(&string(e, ContextKind::InvalidSubcommand).unwrap_or_default())
        }
        ErrorKind::UnknownArgument => w::unknown_argument(&arg),
        ErrorKind::MissingRequiredArgument => {
            let mut t = w::missing_arguments().to_string();
            for a in strings(e, ContextKind::InvalidArg) {
                t.push_str(&format!("\n  {a}"));
            }
            t
        }
        ErrorKind::MissingSubcommand => {
            w::missing_command(&string(e, ContextKind::InvalidSubcommand).unwrap_or_default())
        }
        ErrorKind::TooManyValues => w::too_many_values(&value, &arg),
        ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => w::wrong_number(
            &arg,
            number(e, ContextKind::ExpectedNumValues)
                .or_else(|| number(e, ContextKind::MinValues))
                .unwrap_or_default(),
            number(e, ContextKind::ActualNumValues).unwrap_or_default(),
        ),
        ErrorKind::InvalidUtf8 => w::not_utf8().to_string(),
        // Not reached: `report` prints these kinds with clap's English (see has_danish_words).
        _ => w::other().to_string(),
    };
    let valid = strings(e, ContextKind::ValidValue);
    if !valid.is_empty() {
        text.push_str(&format!("\n  {}", w::possible_values(&valid.join(", "))));
    }
    let subcommands = strings(e, ContextKind::ValidSubcommand);
    if !subcommands.is_empty() {
        text.push_str(&format!("\n  {}", w::commands(&subcommands.join(", "))));
    }
    for kind in [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ] {
        if let Some(s) = string(e, kind) {
            text.push_str(&format!("\n\n  {}", w::did_you_mean(&s)));
        }
    }
    let mut out = format!("jobdesk: {text}");
    if let Some(usage) = string(e, ContextKind::Usage) {
        out.push_str("\n\n");
        out.push_str(&clap_words_danish(&usage));
    }
    out.push_str("\n\n");
    out.push_str(w::more_help());
    out.push('\n');
    out
}

/// Why a value was refused, in Danish where we know the reason (numbers), else as given.
fn source_danish(source: &(dyn std::error::Error + 'static)) -> String {
    use std::num::IntErrorKind;
    use words::errors as w;
    match source.downcast_ref::<std::num::ParseIntError>() {
        Some(p) => match p.kind() {
            IntErrorKind::PosOverflow => w::number_too_large(),
            IntErrorKind::NegOverflow => w::number_too_small(),
            IntErrorKind::Empty => w::empty(),
            _ => w::not_a_number(),
        }
        .to_string(),
        None => source.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(cmd: &Command, path: &str, found: &mut Vec<(String, String)>) {
        if cmd.get_about().is_some() {
            found.push((path.to_string(), String::new()));
        }
        for a in cmd.get_arguments() {
            if a.get_help().is_some() {
                found.push((path.to_string(), a.get_id().to_string()));
            }
        }
        for s in cmd.get_subcommands() {
            let below = if path.is_empty() {
                s.get_name().to_string()
            } else {
                format!("{path} {}", s.get_name())
            };
            walk(s, &below, found);
        }
    }

    /// Every command and option with an English text has a Danish one, and every Danish row
    /// belongs to a command or option that exists.
    #[test]
    fn every_help_text_has_its_danish_row() {
        let mut english = Vec::new();
        walk(&Cli::command(), "", &mut english);
        let missing: Vec<_> = english
            .iter()
            .filter(|(p, id)| words::da(p, id).is_none())
            .collect();
        assert!(missing.is_empty(), "no Danish text for {missing:?}");
        let stale: Vec<_> = words::DA
            .iter()
            .filter(|(p, id, _)| !english.iter().any(|(ep, eid)| ep == p && eid == id))
            .map(|(p, id, _)| (p, id))
            .collect();
        assert!(stale.is_empty(), "Danish rows of nothing: {stale:?}");
    }

    /// Every option says what it takes: `log add --help` once showed `--citizen <ID>` bare.
    #[test]
    fn every_option_has_a_help_text() {
        fn check(cmd: &Command, path: &str, bad: &mut Vec<String>) {
            for a in cmd.get_arguments() {
                if a.get_long().is_some() && !a.is_hide_set() && a.get_help().is_none() {
                    bad.push(format!("{path} --{}", a.get_id()));
                }
            }
            for s in cmd.get_subcommands() {
                let below = format!("{path} {}", s.get_name());
                check(s, below.trim(), bad);
            }
        }
        let mut bad = Vec::new();
        check(&Cli::command(), "", &mut bad);
        assert!(bad.is_empty(), "{bad:?}");
    }

    /// The `--flags` a text names, as a sorted list.
    fn flags_named(text: &str) -> Vec<String> {
        let mut out: Vec<String> = text
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .filter(|w| w.starts_with("--") && w.len() > 2)
            .map(str::to_string)
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// A Danish text points to the same options as the English one: a Danish reader is not
    /// left without the flag the English help sends them to (`plan … --every`).
    #[test]
    fn danish_texts_name_the_same_flags_as_the_english() {
        fn check(cmd: &Command, path: &str, bad: &mut Vec<String>) {
            let mut pairs = Vec::new();
            if let Some(en) = cmd.get_about() {
                pairs.push((String::new(), en.to_string()));
            }
            for a in cmd.get_arguments() {
                if let Some(en) = a.get_long_help().or(a.get_help()) {
                    pairs.push((a.get_id().to_string(), en.to_string()));
                }
            }
            for (id, en) in pairs {
                if let Some(da) = words::da(path, &id) {
                    let (e, d) = (flags_named(&en), flags_named(da));
                    if e.iter().any(|f| !d.contains(f)) {
                        bad.push(format!("{path} {id}: en {e:?}, da {d:?}"));
                    }
                }
            }
            for s in cmd.get_subcommands() {
                let below = if path.is_empty() {
                    s.get_name().to_string()
                } else {
                    format!("{path} {}", s.get_name())
                };
                check(s, &below, bad);
            }
        }
        let mut bad = Vec::new();
        check(&Cli::command(), "", &mut bad);
        assert!(bad.is_empty(), "{bad:#?}");
    }

    fn help(lang: Lang, args: &[&str]) -> String {
        let mut all = vec!["jobdesk"];
        all.extend_from_slice(args);
        match command(lang).try_get_matches_from(all) {
            Ok(_) => String::new(),
            Err(e) if lang.da() => clap_words_danish(&e.render().to_string()),
            Err(e) => e.render().to_string(),
        }
    }

    #[test]
    fn danish_help_has_no_english_left() {
        for args in [
            &["--help"][..],
            &["-h"],
            &["plan", "--help"],
            &["log", "--help"],
            &["log", "add", "--help"],
            &["export", "csv", "--help"],
            &["help", "plan"],
        ] {
            let text = help(Lang::Da, args);
            assert!(text.contains("Brug: jobdesk"), "{args:?}: {text}");
            for english in [
                "Usage",
                "Options",
                "Commands",
                "Arguments",
                "Print",
                "OPTIONS",
                "COMMAND>",
                "The ",
                "default:",
            ] {
                assert!(!text.contains(english), "{args:?}: '{english}' in:\n{text}");
            }
        }
        let top = help(Lang::Da, &["--help"]);
        assert!(
            top.contains("Kommandoer:") && top.contains("Tilvalg:"),
            "{top}"
        );
        assert!(top.contains("Planlæg én aftale"), "{top}");
        let plan = help(Lang::Da, &["plan", "--help"]);
        assert!(plan.contains("Borgerens id"), "{plan}");
        assert!(plan.contains("Databasefilen"), "global options too: {plan}");
        assert!(plan.contains("-h, --help"), "{plan}");
    }

    #[test]
    fn english_help_is_clap_s_own() {
        let top = help(Lang::En, &["--help"]);
        assert!(
            top.contains("Usage: jobdesk") && top.contains("Commands:"),
            "{top}"
        );
        assert!(top.contains("Plan one appointment"), "{top}");
    }

    #[test]
    fn danish_usage_errors() {
        let err = |args: &[&str]| {
            let mut all = vec!["jobdesk"];
            all.extend_from_slice(args);
            match command(Lang::Da).try_get_matches_from(all) {
                Ok(_) => String::new(),
                Err(e) => e.apply::<Danish>().to_string(),
            }
        };
        let e = err(&["plan", "--citzen", "3"]);
        assert!(
            e.starts_with("jobdesk: '--citzen' er ikke et tilvalg her"),
            "{e}"
        );
        assert!(e.contains("mente du '--citizen'?"), "{e}");
        assert!(e.contains("Brug: jobdesk plan"), "{e}");
        assert!(e.contains("Mere hjælp: '--help'."), "{e}");
        let e = err(&["agenda", "--date"]);
        assert!(e.contains("'--date <DATE>' mangler en værdi"), "{e}");
        let e = err(&["plan", "--citizen", "abc"]);
        assert!(
            e.contains("'abc' er ikke en gyldig værdi for '--citizen <ID>': ikke et helt tal"),
            "{e}"
        );
        let e = err(&["plan", "--citizen", "3"]);
        assert!(
            e.contains("disse skal gives:") && e.contains("--at <DATETIME>"),
            "{e}"
        );
        let e = err(&["--lang", "fr"]);
        assert!(
            e.contains("'fr' er ikke en gyldig værdi") && e.contains("mulige værdier: da, en"),
            "{e}"
        );
        let e = err(&["agendaa"]);
        assert!(
            e.contains("'agendaa' er ikke en kommando") && e.contains("mente du 'agenda'?"),
            "{e}"
        );
        for e in [
            e,
            err(&["log", "list", "--date", "1.1.2026", "--from", "1.1.2026"]),
        ] {
            assert!(!e.contains("error:") && !e.contains("Usage"), "{e}");
        }
    }
}
