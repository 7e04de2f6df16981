//! Keys as data. `lookup` turns a key into an action; the footer's hints and the help overlay
//! are drawn from the same table, so they never disagree with what the keys do.
//!
//! No default key needs AltGr on a Danish keyboard (`[ ] { } @ \ | ~ €` do), and æ ø å are
//! ordinary keys there: they are left for typing.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use crate::i18n::Lang;

/// Where a binding applies. Every mode of the desk (the lists and every overlay) names the
/// scopes whose keys work there; the footer and the help are drawn from the same bindings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// In every mode, also while typing (Ctrl+C).
    Always,
    /// Everywhere except inside the help and text fields.
    Global,
    /// In the lists of every pane.
    List,
    /// In the panes about a day (Today, Calls, Mentor visits, Contact log).
    Day,
    /// In a pane about a day that shows another day than today.
    NotToday,
    /// On a row about a citizen.
    Citizen,
    /// In the Calls and Mentor visits panes.
    Week,
    /// While typing a filter.
    Filter,
    /// With a citizen card open.
    Card,
    /// With the help open.
    Help,
    /// With the help open and scrolled down.
    HelpScrolled,
    /// On an appointment (Today, Calls, Mentor visits).
    Marking,
    /// On a contact in the contact log.
    LogPane,
    /// In any text field (the editing keys).
    Editing,
    /// While typing a note.
    Note,
    /// While typing an appointment's new time.
    Move,
    /// On the quick-add line.
    QuickAdd,
    /// Choosing among citizens of the same name.
    Pick,
    /// Choosing what kind of contact to log.
    LogPick,
    /// While typing a new closure's range.
    ClosureStart,
    /// In the summary editor.
    Editor,
    /// In the Closure pane.
    Closure,
    /// On a citizen of the open closure's call list.
    ClosureCalls,
    /// In the full form.
    Form,
    /// Correcting a log entry.
    EditContact,
    /// While the desk asks a question (y/n).
    Confirm,
    /// A contact or appointment shown in full from the card.
    CardView,
    /// Editing or adding a citizen.
    CitizenForm,
    /// Changing a planned appointment without moving it.
    EditAppointment,
    /// In the Caseload pane, and on the first-run screen.
    Caseload,
}

#[derive(Debug, Clone, Copy)]
pub struct Key {
    pub code: KeyCode,
    pub shift_ok: bool,
    pub ctrl: bool,
}

const fn k(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        shift_ok: false,
        ctrl: false,
    }
}
/// A character that needs Shift on most layouts (`?`, `G`): Shift is accepted with it.
const fn ks(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        shift_ok: true,
        ctrl: false,
    }
}
const fn kc(code: KeyCode) -> Key {
    Key {
        code,
        shift_ok: false,
        ctrl: false,
    }
}
const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        shift_ok: false,
        ctrl: true,
    }
}

pub struct Binding {
    pub keys: &'static [Key],
    /// How the keys are written in hints and help.
    pub label: &'static str,
    pub action: Action,
    pub scope: Scope,
    pub da: &'static str,
    pub en: &'static str,
    /// Shown in the footer (the most used ones); all are in the help.
    pub footer: bool,
}

impl Binding {
    pub fn hint(&self, lang: Lang) -> &'static str {
        if lang.da() { self.da } else { self.en }
    }
}

use crate::domain::Status as St;
use crate::domain::closure::CallResult as CR;
use Action as A;
use Scope as S;

/// A binding shown in the footer (and the help).
const fn f(
    keys: &'static [Key],
    label: &'static str,
    action: Action,
    scope: Scope,
    da: &'static str,
    en: &'static str,
) -> Binding {
    Binding {
        keys,
        label,
        action,
        scope,
        da,
        en,
        footer: true,
    }
}

/// A binding shown in the help only.
const fn h(
    keys: &'static [Key],
    label: &'static str,
    action: Action,
    scope: Scope,
    da: &'static str,
    en: &'static str,
) -> Binding {
    Binding {
        keys,
        label,
        action,
        scope,
        da,
        en,
        footer: false,
    }
}

const DIGITS: &[Key] = &[k('1'), k('2'), k('3'), k('4'), k('5'), k('6')];

pub static BINDINGS: &[Binding] = &[
    // Everywhere.
    h(
        &[ctrl('c')],
        "Ctrl+C",
        A::Quit,
        S::Always,
        "afslut (også mens du skriver; kladden gemmes)",
        "quit (also while typing; the draft is kept)",
    ),
    f(&[ks('?')], "?", A::Help, S::Global, "hjælp", "help"),
    f(&[k('q')], "q", A::Quit, S::Global, "afslut", "quit"),
    f(
        DIGITS,
        "1–6",
        A::Pane(0),
        S::Global,
        "skift fane",
        "switch pane",
    ),
    h(
        &[kc(KeyCode::Tab)],
        "Tab",
        A::NextPane,
        S::Global,
        "næste fane",
        "next pane",
    ),
    h(
        &[kc(KeyCode::BackTab)],
        "Shift-Tab",
        A::PrevPane,
        S::Global,
        "forrige fane",
        "previous pane",
    ),
    // Lists (in the order the footer shows them).
    f(
        &[k('a')],
        "a",
        A::QuickAdd,
        S::List,
        "ny aftale",
        "add appointment",
    ),
    h(
        &[ks('N')],
        "N",
        A::NextStep,
        S::Citizen,
        "planlæg næste",
        "plan next",
    ),
    h(
        &[k('x')],
        "x",
        A::Export,
        S::List,
        "eksportér dagens log (CSV)",
        "export the day's log (CSV)",
    ),
    h(
        &[ks('A')],
        "A",
        A::FullForm,
        S::List,
        "ny aftale (formular)",
        "new appointment (form)",
    ),
    f(
        &[k('l')],
        "l",
        A::LogContact,
        S::Citizen,
        "log kontakt",
        "log contact",
    ),
    f(&[k('u')], "u", A::Undo, S::List, "fortryd", "undo"),
    h(
        &[kc(KeyCode::Up), k('k')],
        "↑/k",
        A::Up,
        S::List,
        "op",
        "up",
    ),
    h(
        &[kc(KeyCode::Down), k('j')],
        "↓/j",
        A::Down,
        S::List,
        "ned",
        "down",
    ),
    h(
        &[kc(KeyCode::PageUp)],
        "PgUp",
        A::PageUp,
        S::List,
        "side op",
        "page up",
    ),
    h(
        &[kc(KeyCode::PageDown)],
        "PgDn",
        A::PageDown,
        S::List,
        "side ned",
        "page down",
    ),
    h(
        &[kc(KeyCode::Home), k('g')],
        "Home/g",
        A::First,
        S::List,
        "første",
        "first",
    ),
    h(
        &[kc(KeyCode::End), ks('G')],
        "End/G",
        A::Last,
        S::List,
        "sidste",
        "last",
    ),
    f(
        &[kc(KeyCode::Left), k(',')],
        "←/,",
        A::PrevDay,
        S::Day,
        "forrige dag",
        "previous day",
    ),
    f(
        &[kc(KeyCode::Right), k('.')],
        "→/.",
        A::NextDay,
        S::Day,
        "næste dag",
        "next day",
    ),
    f(&[k('t')], "t", A::Today, S::NotToday, "i dag", "today"),
    f(
        &[k('w')],
        "w",
        A::ToggleWeek,
        S::Week,
        "dag/uge",
        "day/week",
    ),
    f(&[k('/')], "/", A::Filter, S::List, "filtrér", "filter"),
    f(
        &[kc(KeyCode::Enter)],
        "Enter",
        A::Open,
        S::Citizen,
        "borgerkort",
        "citizen card",
    ),
    h(
        &[kc(KeyCode::Esc)],
        "Esc",
        A::Close,
        S::List,
        "ryd filter",
        "clear filter",
    ),
    // On an appointment.
    f(
        &[k('h')],
        "h",
        A::Mark(St::Held),
        S::Marking,
        "afholdt",
        "held",
    ),
    f(
        &[k('n')],
        "n",
        A::Mark(St::NoShow),
        S::Marking,
        "udeblevet",
        "no-show",
    ),
    h(
        &[k('c')],
        "c",
        A::Mark(St::CancelledByCitizen),
        S::Marking,
        "afbud",
        "cancelled by citizen",
    ),
    h(
        &[ks('C')],
        "C",
        A::Mark(St::Cancelled),
        S::Marking,
        "aflyst",
        "cancelled",
    ),
    h(
        &[k('m')],
        "m",
        A::Move,
        S::Marking,
        "flyt (advarer ved overlap)",
        "move (warns of a clash)",
    ),
    f(
        &[ks('E')],
        "E",
        A::EditAppointment,
        S::Marking,
        "ret",
        "edit",
    ),
    h(
        &[k('v')],
        "v",
        A::Convert,
        S::Marking,
        "omlæg til telefon/gåtur",
        "convert to phone/walk",
    ),
    // On a contact in the log.
    f(
        &[k('o')],
        "o",
        A::Transferred,
        S::LogPane,
        "overført (● = ikke endnu)",
        "transferred (● = not yet)",
    ),
    f(
        &[k('e')],
        "e",
        A::EditEntry,
        S::LogPane,
        "ret kontakten",
        "correct the contact",
    ),
    f(
        &[k('d')],
        "d",
        A::DeleteEntry,
        S::LogPane,
        "slet kontakten (spørger først)",
        "delete the contact (asks first)",
    ),
    // The Closure pane.
    f(
        &[k('r')],
        "r",
        A::Attempt(CR::Reached),
        S::ClosureCalls,
        "truffet",
        "reached",
    ),
    f(
        &[k('n')],
        "n",
        A::Attempt(CR::NoAnswer),
        S::ClosureCalls,
        "intet svar",
        "no answer",
    ),
    f(
        &[k('m')],
        "m",
        A::Attempt(CR::MessageLeft),
        S::ClosureCalls,
        "lagt besked",
        "message left",
    ),
    f(
        &[k('w')],
        "w",
        A::Attempt(CR::WrongNumber),
        S::ClosureCalls,
        "forkert nummer",
        "wrong number",
    ),
    f(
        &[ks('R')],
        "R",
        A::ToggleReport,
        S::Closure,
        "rapport",
        "report",
    ),
    h(
        &[ks('S')],
        "S",
        A::StartClosure,
        S::Closure,
        "start nedlukning",
        "start closure",
    ),
    h(
        &[ks('V')],
        "V",
        A::ConvertAll,
        S::Closure,
        "omlæg alle fremmøder",
        "convert all in-person",
    ),
    // The filter.
    f(
        &[kc(KeyCode::Enter)],
        "Enter",
        A::Save,
        S::Filter,
        "behold filter",
        "keep filter",
    ),
    f(
        &[kc(KeyCode::Esc)],
        "Esc",
        A::Close,
        S::Filter,
        "ryd filter",
        "clear filter",
    ),
    h(&[kc(KeyCode::Up)], "↑", A::Up, S::Filter, "op", "up"),
    h(&[kc(KeyCode::Down)], "↓", A::Down, S::Filter, "ned", "down"),
    h(
        &[kc(KeyCode::Backspace)],
        "Backspace",
        A::Edit,
        S::Filter,
        "slet et tegn",
        "delete a character",
    ),
    h(
        &[ctrl('u')],
        "Ctrl+U",
        A::Edit,
        S::Filter,
        "ryd det skrevne",
        "clear what was typed",
    ),
    // The card (at 80 columns its footer shows Enter to E).
    f(
        &[kc(KeyCode::Enter)],
        "Enter",
        A::Open,
        S::Card,
        "vis",
        "show",
    ),
    f(&[k('a')], "a", A::QuickAdd, S::Card, "aftale", "add"),
    f(&[ks('N')], "N", A::NextStep, S::Card, "næste", "next"),
    f(&[k('l')], "l", A::LogContact, S::Card, "log", "log"),
    f(
        &[k('o')],
        "o",
        A::Transferred,
        S::Card,
        "overført",
        "transferred",
    ),
    f(&[k('e')], "e", A::EditSummary, S::Card, "resumé", "summary"),
    f(
        &[ks('E')],
        "E",
        A::EditCitizen,
        S::Card,
        "ret borger",
        "details",
    ),
    h(
        &[ks('A')],
        "A",
        A::Archive,
        S::Card,
        "arkivér borgeren (spørger først; igen: hent frem)",
        "archive the citizen (asks first; again: restore)",
    ),
    h(
        &[k('p')],
        "p",
        A::RevealCpr,
        S::Card,
        "vis CPR (logges)",
        "show CPR (logged)",
    ),
    h(
        &[ks('D')],
        "D",
        A::Erase,
        S::Card,
        "slet borgeren helt (spørger først)",
        "erase the citizen (asks first)",
    ),
    h(&[k('u')], "u", A::Undo, S::Card, "fortryd", "undo"),
    h(
        &[kc(KeyCode::Esc), k('q')],
        "Esc/q",
        A::Close,
        S::Card,
        "luk kortet",
        "close card",
    ),
    h(
        &[kc(KeyCode::Up), k('k')],
        "↑/k",
        A::Up,
        S::Card,
        "forrige linje (øverst: rul op)",
        "previous row (at the top: scroll up)",
    ),
    h(
        &[kc(KeyCode::Down), k('j')],
        "↓/j",
        A::Down,
        S::Card,
        "næste linje i historikken",
        "next row of the history",
    ),
    h(
        &[kc(KeyCode::PageUp)],
        "PgUp",
        A::PageUp,
        S::Card,
        "10 linjer op",
        "10 rows up",
    ),
    h(
        &[kc(KeyCode::PageDown)],
        "PgDn",
        A::PageDown,
        S::Card,
        "10 linjer ned",
        "10 rows down",
    ),
    h(
        &[kc(KeyCode::Home), k('g')],
        "Home/g",
        A::First,
        S::Card,
        "øverst",
        "top",
    ),
    h(
        &[kc(KeyCode::End), ks('G')],
        "End/G",
        A::Last,
        S::Card,
        "ældste linje",
        "oldest row",
    ),
    // A contact or appointment shown in full from the card.
    f(
        &[kc(KeyCode::Down), k('j')],
        "↓",
        A::Down,
        S::CardView,
        "rul ned / næste",
        "scroll / next",
    ),
    f(
        &[kc(KeyCode::Up), k('k')],
        "↑",
        A::Up,
        S::CardView,
        "rul op / forrige",
        "scroll / previous",
    ),
    h(
        &[kc(KeyCode::PageDown), ks(' ')],
        "PgDn",
        A::PageDown,
        S::CardView,
        "rul en side ned i en lang note",
        "scroll a long note a page down",
    ),
    h(
        &[kc(KeyCode::PageUp)],
        "PgUp",
        A::PageUp,
        S::CardView,
        "rul en side op",
        "scroll a page up",
    ),
    f(
        &[kc(KeyCode::Esc), kc(KeyCode::Enter), k('q')],
        "Esc",
        A::Close,
        S::CardView,
        "tilbage til kortet",
        "back to the card",
    ),
    // The citizen form.
    f(
        &[kc(KeyCode::Enter)],
        "Enter",
        A::Save,
        S::CitizenForm,
        "gem",
        "save",
    ),
    h(
        &[ctrl('s')],
        "Ctrl+S",
        A::Save,
        S::CitizenForm,
        "gem",
        "save",
    ),
    f(
        &[kc(KeyCode::Tab), kc(KeyCode::Down)],
        "Tab",
        A::NextField,
        S::CitizenForm,
        "næste felt",
        "next field",
    ),
    f(
        &[kc(KeyCode::BackTab), kc(KeyCode::Up)],
        "Shift-Tab",
        A::PrevField,
        S::CitizenForm,
        "forrige felt",
        "previous field",
    ),
    f(
        &[kc(KeyCode::Esc)],
        "Esc",
        A::Close,
        S::CitizenForm,
        "fortryd",
        "cancel",
    ),
    // The Caseload pane (and the first-run screen).
    f(
        &[ks('+')],
        "+",
        A::NewCitizen,
        S::Caseload,
        "ny borger",
        "new citizen",
    ),
    // The help.
    f(
        &[kc(KeyCode::Esc), ks('?'), k('q')],
        "Esc/?",
        A::Close,
        S::Help,
        "luk hjælpen",
        "close help",
    ),
    f(
        &[kc(KeyCode::Down), k('j'), kc(KeyCode::PageDown)],
        "↓/j",
        A::Down,
        S::Help,
        "rul ned",
        "scroll down",
    ),
    f(
        &[kc(KeyCode::Up), k('k'), kc(KeyCode::PageUp)],
        "↑/k",
        A::Up,
        S::HelpScrolled,
        "rul op",
        "scroll up",
    ),
    // Questions.
    f(
        &[k('j'), k('y'), ks('J'), ks('Y')],
        "j/y",
        A::Yes,
        S::Confirm,
        "ja",
        "yes",
    ),
    f(&[k('n'), ks('N')], "n", A::No, S::Confirm, "nej", "no"),
    f(
        &[kc(KeyCode::Esc)],
        "Esc",
        A::Close,
        S::Confirm,
        "fortryd",
        "cancel",
    ),
    // The note after marking or logging.
    f(
        &[kc(KeyCode::Enter)],
        "Enter",
        A::Save,
        S::Note,
        "gem notat (tomt: intet notat)",
        "save note (empty: no note)",
    ),
    f(
        &[kc(KeyCode::Esc)],
        "Esc",
        A::Close,
        S::Note,
        "intet notat",
        "no note",
    ),
    f(
        &[kc(KeyCode::Tab)],
        "Tab",
        A::Snippet,
        S::Note,
        "standardtekst",
        "snippet",
    ),
    // A new time.
    f(
        &[kc(KeyCode::Enter)],
        "Enter",
        A::Save,
        S::Move,
        "flyt",
        "move",
    ),
    f(
        &[kc(KeyCode::Esc)],
        "Esc",
        A::Close,
        S::Move,
        "fortryd",
        "cancel",
    ),
    // Quick-add and its pick list.
    f(
        &[kc(KeyCode::Enter)],
        "Enter",
        A::Save,
        S::QuickAdd,
        "opret aftalen",
        "create it",
    ),
    f(
        &[kc(KeyCode::Esc)],
        "Esc",
        A::Close,
        S::QuickAdd,
        "fortryd",
        "cancel",
    ),
    f(&[kc(KeyCode::Down)], "↓", A::Down, S::Pick, "næste", "next"),
    f(
        &[kc(KeyCode::Up)],
        "↑",
        A::Up,
        S::Pick,
        "forrige",
        "previous",
    ),
    f(
        &[kc(KeyCode::Enter)],
        "Enter",
        A::Save,
        S::Pick,
        "vælg",
        "choose",
    ),
    f(
        &[kc(KeyCode::Esc)],
        "Esc",
        A::Close,
        S::Pick,
        "tilbage til linjen",
        "back to the line",
    ),
    // Logging a contact.
    f(DIGITS, "1–6", A::Choose(0), S::LogPick, "vælg", "choose"),
    f(
        &[kc(KeyCode::Esc)],
        "Esc",
        A::Close,
        S::LogPick,
        "fortryd",
        "cancel",
    ),
    // A new closure.
    f(
        &[kc(KeyCode::Enter)],
        "Enter",
        A::Save,
        S::ClosureStart,
        "start",
        "start",
    ),
    f(
        &[kc(KeyCode::Esc)],
        "Esc",
        A::Close,
        S::ClosureStart,
        "fortryd",
        "cancel",
    ),
    // Forms.
    f(
        &[kc(KeyCode::Tab)],
        "Tab",
        A::NextField,
        S::Form,
        "næste felt",
        "next field",
    ),
    f(
        &[kc(KeyCode::BackTab)],
        "Shift-Tab",
        A::PrevField,
        S::Form,
        "forrige felt",
        "previous field",
    ),
    h(
        &[kc(KeyCode::Enter)],
        "Enter",
        A::Edit,
        S::Form,
        "næste felt (gemmer på det sidste)",
        "next field (saves on the last)",
    ),
    f(&[ctrl('s')], "Ctrl+S", A::Save, S::Form, "gem", "save"),
    f(
        &[kc(KeyCode::Esc)],
        "Esc",
        A::Close,
        S::Form,
        "fortryd",
        "cancel",
    ),
    // Correcting a log entry.
    f(
        &[kc(KeyCode::Enter)],
        "Enter",
        A::Save,
        S::EditContact,
        "gem",
        "save",
    ),
    f(
        &[kc(KeyCode::Tab)],
        "Tab",
        A::NextField,
        S::EditContact,
        "næste felt",
        "next field",
    ),
    f(
        &[kc(KeyCode::BackTab)],
        "Shift-Tab",
        A::PrevField,
        S::EditContact,
        "forrige felt",
        "previous field",
    ),
    f(
        &[kc(KeyCode::Esc)],
        "Esc",
        A::Close,
        S::EditContact,
        "fortryd",
        "cancel",
    ),
    // Changing an appointment without moving it.
    f(
        &[kc(KeyCode::Enter)],
        "Enter",
        A::Save,
        S::EditAppointment,
        "gem",
        "save",
    ),
    f(
        &[kc(KeyCode::Tab), kc(KeyCode::Down)],
        "Tab",
        A::NextField,
        S::EditAppointment,
        "næste felt",
        "next field",
    ),
    f(
        &[kc(KeyCode::BackTab), kc(KeyCode::Up)],
        "Shift-Tab",
        A::PrevField,
        S::EditAppointment,
        "forrige felt",
        "previous field",
    ),
    f(
        &[kc(KeyCode::Esc)],
        "Esc",
        A::Close,
        S::EditAppointment,
        "fortryd",
        "cancel",
    ),
    // The summary editor.
    f(
        &[ctrl('s')],
        "Ctrl+S",
        A::Save,
        S::Editor,
        "gem resumé",
        "save summary",
    ),
    f(
        &[kc(KeyCode::Esc)],
        "Esc",
        A::Close,
        S::Editor,
        "luk (spørger, hvis der er ændringer)",
        "close (asks if there are changes)",
    ),
    h(
        &[kc(KeyCode::Enter)],
        "Enter",
        A::Edit,
        S::Editor,
        "ny linje",
        "new line",
    ),
    // Editing keys in every text field (the field itself handles them).
    h(
        &[kc(KeyCode::Left), kc(KeyCode::Right)],
        "←/→",
        A::Edit,
        S::Editing,
        "flyt markøren",
        "move the cursor",
    ),
    h(
        &[kc(KeyCode::Home), kc(KeyCode::End), ctrl('a'), ctrl('e')],
        "Home/End",
        A::Edit,
        S::Editing,
        "til start/slut (også Ctrl+A/Ctrl+E)",
        "to start/end (also Ctrl+A/Ctrl+E)",
    ),
    h(
        &[kc(KeyCode::Backspace), kc(KeyCode::Delete)],
        "Backspace/Del",
        A::Edit,
        S::Editing,
        "slet et tegn",
        "delete a character",
    ),
    h(
        &[ctrl('w')],
        "Ctrl+W",
        A::Edit,
        S::Editing,
        "slet ordet før markøren",
        "delete the word before the cursor",
    ),
    h(
        &[ctrl('k')],
        "Ctrl+K",
        A::Edit,
        S::Editing,
        "slet resten af linjen",
        "delete the rest of the line",
    ),
    h(
        &[ctrl('u')],
        "Ctrl+U",
        A::Edit,
        S::Editing,
        "fortryd skrivning",
        "undo typing",
    ),
    h(
        &[ctrl('r')],
        "Ctrl+R",
        A::Edit,
        S::Editing,
        "gentag skrivning",
        "redo typing",
    ),
];

fn matches(key: &Key, ev: &KeyEvent) -> bool {
    let mods = ev.modifiers;
    let ctrl = mods.contains(KeyModifiers::CONTROL);
    let alt = mods.contains(KeyModifiers::ALT);
    if key.ctrl {
        return ctrl && !alt && ev.code == key.code;
    }
    // Ctrl or Alt held (AltGr arrives as Ctrl+Alt on Windows) never triggers a plain binding.
    if ctrl || alt {
        return false;
    }
    if mods.contains(KeyModifiers::SHIFT) && !key.shift_ok && !matches!(key.code, KeyCode::BackTab)
    {
        // Shift+letter arrives as the upper-case letter; a plain binding wants the plain key.
        if let KeyCode::Char(_) = key.code {
            return false;
        }
    }
    ev.code == key.code
}

/// The action for a key in the given scopes (searched in order).
pub fn lookup(scopes: &[Scope], ev: &KeyEvent) -> Option<Action> {
    for scope in scopes {
        for b in BINDINGS.iter().filter(|b| b.scope == *scope) {
            for (i, key) in b.keys.iter().enumerate() {
                if matches(key, ev) {
                    return Some(match b.action {
                        // The 1–6 bindings carry which one in the key's position.
                        Action::Pane(_) => Action::Pane(i),
                        Action::Choose(_) => Action::Choose(i),
                        a => a,
                    });
                }
            }
        }
    }
    None
}

/// The bindings of the given scopes that the footer shows.
/// A key shown once: the first scope that binds it wins, as in `lookup` (also when that
/// binding is in the help only, so the footer never shows a key that does something else).
pub fn footer(scopes: &[Scope]) -> Vec<&'static Binding> {
    let mut out: Vec<&'static Binding> = Vec::new();
    let mut seen: Vec<&'static Binding> = Vec::new();
    for s in scopes {
        for b in BINDINGS.iter().filter(|b| b.scope == *s) {
            let shadowed = seen.iter().any(|o| {
                o.keys.iter().any(|k| {
                    b.keys
                        .iter()
                        .any(|kb| kb.code == k.code && kb.ctrl == k.ctrl)
                })
            });
            if b.footer && !shadowed {
                out.push(b);
            }
            seen.push(b);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(c, m)
    }

    #[test]
    fn every_key_maps_to_its_bindings_action() {
        for b in BINDINGS {
            for (i, kk) in b.keys.iter().enumerate() {
                let mods = if kk.ctrl {
                    KeyModifiers::CONTROL
                } else {
                    KeyModifiers::NONE
                };
                let got = lookup(&[b.scope], &key(kk.code, mods));
                let want = match b.action {
                    Action::Pane(_) => Action::Pane(i),
                    Action::Choose(_) => Action::Choose(i),
                    a => a,
                };
                assert_eq!(got, Some(want), "{} in {:?}", b.label, b.scope);
            }
        }
    }

    #[test]
    fn no_binding_needs_altgr_on_a_danish_keyboard() {
        const ALTGR: &[char] = &['[', ']', '{', '}', '@', '\\', '|', '~', '€', '$', '£'];
        for b in BINDINGS {
            for kk in b.keys {
                if let KeyCode::Char(c) = kk.code {
                    assert!(!ALTGR.contains(&c), "{} needs AltGr", b.label);
                    assert!(!"æøåÆØÅ".contains(c), "{} takes a Danish letter", b.label);
                }
            }
        }
    }

    #[test]
    fn altgr_and_alt_combinations_trigger_nothing() {
        let altgr = KeyModifiers::CONTROL | KeyModifiers::ALT;
        assert_eq!(
            lookup(
                &[Scope::Global, Scope::List],
                &key(KeyCode::Char('q'), altgr)
            ),
            None
        );
        assert_eq!(
            lookup(
                &[Scope::Global, Scope::List],
                &key(KeyCode::Char('j'), KeyModifiers::ALT)
            ),
            None
        );
        assert_eq!(
            lookup(
                &[Scope::Always],
                &key(KeyCode::Char('c'), KeyModifiers::CONTROL)
            ),
            Some(Action::Quit)
        );
        assert_eq!(
            lookup(
                &[Scope::Global],
                &key(KeyCode::Char('?'), KeyModifiers::SHIFT)
            ),
            Some(Action::Help)
        );
        assert_eq!(
            lookup(
                &[Scope::List],
                &key(KeyCode::Char('G'), KeyModifiers::SHIFT)
            ),
            Some(Action::Last)
        );
    }

    #[test]
    fn no_key_is_bound_twice_in_one_scope() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                if a.scope != b.scope {
                    continue;
                }
                for ka in a.keys {
                    for kb in b.keys {
                        assert!(
                            !(ka.code == kb.code && ka.ctrl == kb.ctrl),
                            "{} and {} share a key in {:?}",
                            a.label,
                            b.label,
                            a.scope
                        );
                    }
                }
            }
        }
    }
}
