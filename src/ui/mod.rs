//! The terminal app: the consultant's desk.
//!
//! Data flows one way: key event → `Action` (keymap) → `App::update` → store → state → `view::draw`.
//! The loop blocks on input, so an idle desk costs nothing but one wake-up a minute, on the
//! minute, for the header's clock. The database's files are watched (`watch`), so a change by
//! another process shows at once. The other timer is one-shot: armed by
//! a keystroke that changed a note or summary, it saves the draft a second after typing stops.
//! Keys that arrive together (pasted text without bracketed paste) are handled as one burst.

pub mod action;
pub mod app;
pub mod keymap;
pub mod layout;
pub mod links;
pub mod overlay;
pub mod pane;
pub mod panes;
pub mod theme;
pub mod view;
pub mod watch;
pub mod widgets;

use std::io::{IsTerminal, Write};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use chrono::NaiveDateTime;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::execute;

use crate::error::Result;
use crate::i18n::Lang;
use crate::store::Store;
use app::App;

enum Msg {
    Event(Event),
    /// The database's files changed (perhaps by another process).
    DbChanged,
    /// SIGTERM, SIGHUP or SIGINT (on Windows: the console window closed, logoff, shutdown):
    /// the terminal is going away.
    Signal,
    InputClosed,
}

/// What the desk shows at start beside the data.
#[derive(Debug, Clone, Default)]
pub struct Start {
    /// The database is not encrypted: the header says so.
    pub unencrypted: bool,
    /// A one-line message for the footer (the command that encrypts the database).
    pub message: Option<String>,
}

/// Runs the desk until the user quits or a signal ends it. The terminal is restored on every
/// way out: quit, error, panic (ratatui's hook) and SIGTERM/SIGHUP/SIGINT or the console
/// window's close; the draft being typed is saved first.
pub fn run(
    store: Store,
    config: crate::config::Config,
    lang: Lang,
    clock: impl Fn() -> NaiveDateTime,
    start: Start,
) -> Result<()> {
    let mut app = App::new(store, lang, clock())?;
    app.config = config;
    app.unencrypted = start.unencrypted;
    if start.message.is_some() {
        app.message = start.message;
    }
    // The config may set another transfer limit: count the queue again.
    app.refresh()?;
    app.clipboard_ok = std::io::stdout().is_terminal();
    let (tx, rx) = mpsc::channel::<Msg>();
    let input_tx = tx.clone();
    std::thread::spawn(move || {
        loop {
            match event::read() {
                Ok(ev) => {
                    if input_tx.send(Msg::Event(ev)).is_err() {
                        break;
                    }
                }
                Err(_) => {
                    let _ = input_tx.send(Msg::InputClosed);
                    break;
                }
            }
        }
    });
    let db_tx = tx.clone();
    let _watch = watch::watch_database(app.store.path(), move || {
        let _ = db_tx.send(Msg::DbChanged);
    });
    // Taken until the desk has finished (declared before the terminal, so dropped after it is
    // restored): on Windows the close event waits for that.
    let _signals = crate::leftovers::on_termination(move || {
        let _ = tx.send(Msg::Signal);
    })?;

    // Phone numbers as tel: links where the terminal is likely to show them.
    let mut links = links::Links::new(
        std::io::stdout().is_terminal() && links::enabled_here(app.config.hyperlinks),
    );
    let mut terminal = ratatui::try_init()?;
    let _ = execute!(std::io::stdout(), EnableBracketedPaste);
    let result = (|| -> Result<()> {
        let size = terminal.size()?;
        app.resize(size.width, size.height);
        draw(&mut terminal, &app, &mut links)?;
        // After the first frame: what is due for purge reads old contacts, which takes a moment
        // on years of history.
        let mut dirty = match app.load_purge_due() {
            Ok(changed) => changed,
            Err(e) => {
                app.message = Some(format!("{e:#}"));
                true
            }
        };
        // When to ask SQLite whether another process changed the data (armed by the watcher).
        let mut db_check: Option<Instant> = None;
        loop {
            if dirty {
                draw(&mut terminal, &app, &mut links)?;
            }
            // Wait for input, the database changing, or the next whole minute (the header's
            // clock); while a draft has unsaved changes, only until it is due; after the
            // database's files changed, only until the change is looked at. Nothing else wakes
            // an idle desk.
            if std::mem::take(&mut app.reminder.bell) {
                // The reminder before an appointment: the terminal's bell, once.
                let mut out = std::io::stdout();
                let _ = out.write_all(b"\x07").and_then(|_| out.flush());
            }
            let t = clock();
            let mut minute = Instant::now() + app::until_next_minute(t) + MINUTE_SLACK;
            // A reminder due before the minute turns (an appointment off the whole minute)
            // wakes the desk then instead.
            if let Some(at) = app.next_reminder_at()
                && let Ok(d) = (at - t).to_std()
            {
                minute = minute.min(Instant::now() + d + MINUTE_SLACK);
            }
            let due = [app.draft_deadline(), db_check]
                .into_iter()
                .flatten()
                .fold(minute, Instant::min);
            let first = match rx.recv_timeout(due.saturating_duration_since(Instant::now())) {
                Ok(msg) => msg,
                Err(RecvTimeoutError::Timeout) => {
                    let t = clock();
                    let now = Instant::now();
                    dirty = false;
                    if now >= minute || t.date() != app.today() {
                        dirty |= app.tick_minute(t);
                    }
                    app.now = t;
                    if db_check.is_some_and(|c| c <= now) {
                        db_check = None;
                        dirty |= app.external_change();
                    }
                    dirty |= app.tick_drafts(now);
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => Msg::InputClosed,
            };
            let (events, changed, end) = burst(first, &rx);
            let t = clock();
            dirty = false;
            if t.date() != app.today() {
                // Past midnight while a key was pressed: Today moves on first.
                dirty |= app.tick_minute(t);
            }
            app.now = t;
            if changed && db_check.is_none() {
                db_check = Some(Instant::now() + DB_SETTLE);
            }
            if !events.is_empty() {
                dirty |= app.handle_burst(&events);
                if let Some(seq) = app.clipboard.take() {
                    // The terminal puts the text on the system clipboard (OSC 52).
                    let mut out = std::io::stdout();
                    let _ = out.write_all(seq.as_bytes()).and_then(|_| out.flush());
                }
            }
            if end {
                // The terminal is going away: keep what was being typed for next time.
                app.save_draft_now();
                break;
            }
            if app.quit {
                break;
            }
        }
        Ok(())
    })();
    app.finish();
    let _ = execute!(std::io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    let _ = std::io::stdout().flush();
    result
}

/// Draws the frame, then writes the phone numbers on it as links (when they are on).
fn draw(
    terminal: &mut ratatui::DefaultTerminal,
    app: &App,
    links: &mut links::Links,
) -> Result<()> {
    let frame = terminal.draw(|f| view::draw(app, f))?;
    links.after_frame(std::io::stdout(), frame.buffer, app)?;
    Ok(())
}

/// How long a typed character waits for more that are already on their way: a paste arrives
/// in one read from the terminal, so the rest of it follows within microseconds; a person types
/// far slower. Other keys (arrows, Enter, Esc) never wait.
const BURST_GAP: Duration = Duration::from_millis(1);
/// A burst is handled at least every this many events (a long paste stays responsive).
const BURST_MAX: usize = 4096;
/// How long after the database's files change the desk looks: a writer appends its commit
/// to the `-wal` file before it publishes it in the shared index, so looking at once could miss
/// it; later writes of the same commit do not wait longer.
const DB_SETTLE: Duration = Duration::from_millis(30);
/// The minute tick wakes this much after the minute has turned, so that the clock read then is
/// surely in the new minute (a wake-up a hair early would otherwise come again at once).
const MINUTE_SLACK: Duration = Duration::from_millis(5);

/// The events that arrive with `first`: those already waiting, and, after a typed character,
/// those following within `BURST_GAP`. Also whether the terminal is going away (a signal, or
/// input closed). Also whether the database's files changed meanwhile (the events and the
/// change are handled together).
fn burst(first: Msg, rx: &mpsc::Receiver<Msg>) -> (Vec<Event>, bool, bool) {
    use ratatui::crossterm::event::{KeyCode, KeyEvent};
    let mut events = Vec::new();
    let mut changed = false;
    match first {
        Msg::Event(ev) => events.push(ev),
        Msg::DbChanged => changed = true,
        Msg::Signal | Msg::InputClosed => return (events, changed, true),
    }
    let typed = |ev: Option<&Event>| {
        matches!(
            ev,
            Some(Event::Key(KeyEvent {
                code: KeyCode::Char(_),
                ..
            }))
        )
    };
    while events.len() < BURST_MAX {
        let next = match rx.try_recv() {
            Ok(m) => m,
            Err(mpsc::TryRecvError::Disconnected) => return (events, changed, true),
            Err(mpsc::TryRecvError::Empty) if typed(events.last()) => {
                match rx.recv_timeout(BURST_GAP) {
                    Ok(m) => m,
                    Err(_) => break,
                }
            }
            Err(mpsc::TryRecvError::Empty) => break,
        };
        match next {
            Msg::Event(ev) => events.push(ev),
            Msg::DbChanged => changed = true,
            Msg::Signal | Msg::InputClosed => return (events, changed, true),
        }
    }
    (events, changed, false)
}
