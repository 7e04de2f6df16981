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

/// Where a run asks for a passphrase and says why: the terminal ([`Terminal`]), or a script in
/// tests.
pub trait Ask: Send + Sync {
    /// Whether there is someone to ask.
    fn can_ask(&self) -> bool;
    /// Reads a passphrase after `prompt`, without echo; `None` when nobody can be asked.
    fn read(&self, prompt: &str) -> Result<Option<Passphrase>>;
    /// Says something on the way (stderr).
    fn say(&self, text: &str);
    /// The passphrase typed earlier in this run, and remembering the one typed now.
    fn recall(&self) -> Option<Passphrase>;
    fn remember(&self, pass: Option<Passphrase>);
}

/// The terminal: stdin, stderr and the run's one remembered passphrase.
pub struct Terminal;

impl Ask for Terminal {
    fn can_ask(&self) -> bool {
        can_ask()
    }
    fn read(&self, prompt: &str) -> Result<Option<Passphrase>> {
        read_secret(prompt)
    }
    fn say(&self, text: &str) {
        eprintln!("{text}");
    }
    fn recall(&self) -> Option<Passphrase> {
        TYPED.lock().ok().and_then(|t| t.clone())
    }
    fn remember(&self, pass: Option<Passphrase>) {
        if let Ok(mut t) = TYPED.lock() {
            *t = pass;
        }
    }
}

/// How the command line unlocks the user's database (the store reads no environment variable
/// and asks nobody), in this order:
/// - `JOBDESK_PASSPHRASE` set (and not empty): that passphrase. A new database is encrypted
///   with it; a plain one opens as it is, with a warning.
/// - the passphrase kept for this database in the operating system's credential store
///   (`jobdesk unlock --remember`). When it does not open the file (it was changed with
///   `rekey`), the run says so and asks.
/// - else asked for without echo on the terminal when an encrypted database needs it, up to
///   three tries ("try again" after a wrong one); the passphrase typed is remembered for the rest
///   of the run. Without a terminal, an encrypted database is refused with a message that names
///   `JOBDESK_PASSPHRASE`.
///
/// A new database is encrypted when `encrypt_new` (the config's `encrypt`, default true): a new
/// passphrase is asked for twice on the terminal, and without a terminal the run stops with the
/// commands that create one. With `encrypt_new` false it stays plain.
pub fn key_source(l: Lang, encrypt_new: bool) -> KeySource {
    if let Some(p) = passphrase_from_env(PASSPHRASE_ENV) {
        return KeySource::Passphrase(p);
    }
    key_source_with(
        l,
        encrypt_new,
        super::keys::os_secrets(),
        std::sync::Arc::new(Terminal),
    )
}

/// [`key_source`] after the environment: this credential store, then asking here.
pub fn key_source_with(
    l: Lang,
    encrypt_new: bool,
    secrets: std::sync::Arc<dyn super::keys::Secrets>,
    ask: std::sync::Arc<dyn Ask>,
) -> KeySource {
    use std::sync::atomic::{AtomicBool, Ordering};
    // Whether the passphrase handed over last came from the credential store, and whether that
    // one turned out wrong (then it is not tried again in this run).
    let from_store = AtomicBool::new(false);
    let store_wrong = AtomicBool::new(false);
    KeySource::Ask(std::sync::Arc::new(move |path, reason| {
        let shown = path.display().to_string();
        match reason {
            AskReason::NewDatabase => {
                if !encrypt_new {
                    return Ok(None);
                }
                let p = choose_new(l, &shown, &*ask)?;
                ask.remember(Some(p.clone()));
                return Ok(Some(p));
            }
            AskReason::Existing => {
                if let Some(p) = ask.recall() {
                    return Ok(Some(p));
                }
                if !store_wrong.load(Ordering::Relaxed)
                    // A credential store that cannot be reached is as one that keeps nothing.
                    && let Ok(Some(p)) = secrets.get(path)
                {
                    from_store.store(true, Ordering::Relaxed);
                    return Ok(Some(p));
                }
            }
            AskReason::Retry { .. } => {
                ask.remember(None);
                if from_store.swap(false, Ordering::Relaxed) {
                    store_wrong.store(true, Ordering::Relaxed);
                    ask.say(&words::stored_wrong(l, &shown));
                } else {
                    ask.say(&crate::i18n::errors::passphrase_retry(l, &shown));
                }
            }
        }
        let typed = ask.read(&words::prompt_passphrase(l, &shown))?;
        if typed.is_some() {
            ask.remember(typed.clone());
        }
        Ok(typed)
    }))
}

/// The passphrase of a new database at `shown`: `JOBDESK_PASSPHRASE` when set (and long
/// enough), else chosen on the terminal ([`choose_new`]).
pub fn new_database_passphrase(l: Lang, shown: &str) -> Result<Passphrase> {
    if let Some(p) = passphrase_from_env(PASSPHRASE_ENV) {
        p.check_new()
            .map_err(|e| user(format!("{PASSPHRASE_ENV}: {e}")))?;
        return Ok(p);
    }
    choose_new(l, shown, &Terminal)
}

/// The passphrase of a new database at `shown`, chosen on the terminal: what it is for and how
/// strong it should be, then typed twice (up to three tries when it is too short or the two
/// differ). Without a terminal: an error naming the ways to create one.
pub fn choose_new(l: Lang, shown: &str, ask: &dyn Ask) -> Result<Passphrase> {
    if !ask.can_ask() {
        return Err(user(words::new_needs_terminal(l, shown)));
    }
    ask.say(&words::first_start(l, shown));
    let mut last = None;
    for _ in 0..3 {
        let Some(first) = ask.read(words::prompt_new(l))? else {
            return Err(user(words::new_needs_terminal(l, shown)));
        };
        if let Err(e) = first.check_new() {
            ask.say(&crate::i18n::errors::message(&e, l));
            last = Some(e);
            continue;
        }
        let again = ask
            .read(words::prompt_again(l))?
            .unwrap_or_else(|| Passphrase::new(""));
        if again == first {
            return Ok(first);
        }
        ask.say(words::differ(l));
        last = Some(user(words::differ(l)));
    }
    Err(last
        .unwrap_or_else(|| user(words::differ(l)))
        .context(user(words::nothing_created(l))))
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
