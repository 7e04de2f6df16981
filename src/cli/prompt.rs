//! Every question the command line asks on the terminal: a passphrase without echo (a new one
//! typed twice, or the one of an encrypted database) and a yes/no confirmation. Questions go to
//! stderr, so that stdout stays the command's output.

use std::io::{BufRead, IsTerminal, Write};

use zeroize::Zeroizing;

use crate::error::{Result, user};
use crate::i18n::{Lang, safety as words};
use crate::store::{AskReason, KeySource, Passphrase};

/// Whether there is a terminal to ask on (stdin is one).
pub fn can_ask() -> bool {
    std::io::stdin().is_terminal()
}

/// Asks a yes/no question on the terminal and reads the answer (y, yes, j, ja: yes). `out` is
/// flushed first so that the command's output so far stands above the question. Callers check
/// [`can_ask`] first and word their own refusal.
pub fn confirm(question: &str, out: &mut dyn Write) -> Result<bool> {
    out.flush()?;
    eprint!("{question}");
    std::io::stderr().flush()?;
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    let answer = crate::domain::text::fold(line.trim());
    Ok(matches!(answer.as_str(), "y" | "yes" | "j" | "ja"))
}

/// A new passphrase: from the environment variable `env` when set, else typed twice on the
/// terminal. Refused when too short, when the two differ, or without a terminal.
pub fn new_passphrase(l: Lang, env: &str) -> Result<Passphrase> {
    if let Some(p) = passphrase_from_env(env) {
        p.check_new().map_err(|e| user(format!("{env}: {e}")))?;
        return Ok(p);
    }
    let Some(first) = read_secret(words::prompt_new(l))? else {
        return Err(user(crate::i18n::cli::new_passphrase_needed(l, env)));
    };
    first.check_new()?;
    let again = read_secret(words::prompt_again(l))?.unwrap_or_else(|| Passphrase::new(""));
    if again != first {
        return Err(user(crate::i18n::cli::passphrases_differ(l)));
    }
    Ok(first)
}

/// Where a run finds the passphrase of the database without asking.
pub const PASSPHRASE_ENV: &str = "JOBDESK_PASSPHRASE";
/// The new passphrase of `jobdesk rekey`, for scripts.
pub const NEW_PASSPHRASE_ENV: &str = "JOBDESK_NEW_PASSPHRASE";

/// A passphrase from this environment variable, when it is set and not empty.
pub fn passphrase_from_env(name: &str) -> Option<Passphrase> {
    let v = Zeroizing::new(std::env::var(name).ok()?);
    (!v.is_empty()).then(|| Passphrase::new(v.as_str()))
}

/// The passphrase typed in this run, so that it is asked for once.
static TYPED: std::sync::Mutex<Option<Passphrase>> = std::sync::Mutex::new(None);

/// How the command line unlocks the user's database (the store reads no environment variable
/// and asks nobody):
/// - `JOBDESK_PASSPHRASE` set (and not empty): that passphrase. A new database is encrypted
///   with it; a plain one opens as it is, with a warning.
/// - else: asked for without echo on the terminal when an encrypted database needs it, up to
///   three tries ("try again" after a wrong one); the passphrase typed is remembered for the rest
///   of the run. A new database stays plain. Without a terminal, an encrypted database is
///   refused with a message that names `JOBDESK_PASSPHRASE`.
pub fn key_source(l: Lang) -> KeySource {
    if let Some(p) = passphrase_from_env(PASSPHRASE_ENV) {
        return KeySource::Passphrase(p);
    }
    KeySource::Ask(std::sync::Arc::new(move |path, reason| {
        let shown = path.display().to_string();
        match reason {
            AskReason::NewDatabase => return Ok(None),
            AskReason::Existing => {
                if let Some(p) = TYPED.lock().ok().and_then(|t| t.clone()) {
                    return Ok(Some(p));
                }
            }
            AskReason::Retry { .. } => {
                if let Ok(mut t) = TYPED.lock() {
                    *t = None;
                }
                eprintln!("{}", crate::i18n::errors::passphrase_retry(l, &shown));
            }
        }
        let typed = read_secret(&words::prompt_passphrase(l, &shown))?;
        if let (Some(p), Ok(mut t)) = (&typed, TYPED.lock()) {
            *t = Some(p.clone());
        }
        Ok(typed)
    }))
}

/// Reads a line without echo on the terminal; `None` without a terminal. Esc or Ctrl+C
/// cancels.
pub fn read_secret(prompt: &str) -> Result<Option<Passphrase>> {
    use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
    use ratatui::crossterm::terminal;
    if !can_ask() {
        return Ok(None);
    }
    eprint!("{prompt}");
    std::io::stderr().flush()?;
    struct Raw;
    impl Drop for Raw {
        fn drop(&mut self) {
            let _ = terminal::disable_raw_mode();
        }
    }
    terminal::enable_raw_mode().map_err(|e| crate::i18n::cli::no_raw_terminal(e.into()))?;
    let raw = Raw;
    let mut text = Zeroizing::new(String::new());
    let cancelled = loop {
        match event::read()? {
            Event::Key(k) if k.kind != KeyEventKind::Release => match k.code {
                KeyCode::Enter => break false,
                KeyCode::Esc => break true,
                KeyCode::Char('c' | 'd')
                    if k.modifiers.contains(KeyModifiers::CONTROL)
                        && !k.modifiers.contains(KeyModifiers::ALT) =>
                {
                    break true;
                }
                KeyCode::Backspace => {
                    text.pop();
                }
                KeyCode::Char(c) => text.push(c),
                _ => {}
            },
            Event::Paste(p) => text.push_str(&p),
            _ => {}
        }
    };
    drop(raw);
    eprintln!();
    if cancelled {
        return Err(crate::i18n::cli::cancelled());
    }
    Ok(Some(Passphrase::new(text.as_str())))
}
