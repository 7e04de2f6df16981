//! Keys as data. `lookup` turns a key into an action; the footer's hints and the help overlay
//! are drawn from the same table, so they never disagree with what the keys do.
//!
//! No default key needs AltGr on a Danish keyboard (`[ ] { } @ \ | ~ €` do), and æ ø å are
//! ordinary keys there: they are left for typing.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use crate::i18n::Lang;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Everywhere except inside the help, the card and text fields.
    Global,
    /// In the lists of every pane.
    List,
    /// In the Calls and Mentor visits panes.
    Week,
    /// While typing a filter.
    Filter,
    /// With a citizen card open.
    Card,
    /// With the help open.
    Help,
    /// On an appointment (Today, Calls, Mentor visits).
    Marking,
    /// In the contact log.
    LogPane,
    /// While typing a note or a time.
    Text,
    /// While typing a note (snippets).
    Note,
    /// In the summary editor.
    Editor,
    /// In the Closure pane.
    Closure,
    /// In the full form.
    Form,
    /// While the desk asks a question (y/n).
    Confirm,
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

pub const BINDINGS: &[Binding] = &[
    Binding {
        keys: &[ks('?')],
        label: "?",
        action: A::Help,
        scope: S::Global,
        da: "hjælp",
        en: "help",
        footer: true,
    },
    Binding {
        keys: &[k('q'), ctrl('c')],
        label: "q",
        action: A::Quit,
        scope: S::Global,
        da: "afslut",
        en: "quit",
        footer: true,
    },
    Binding {
        keys: &[k('1'), k('2'), k('3'), k('4'), k('5'), k('6')],
        label: "1–6",
        action: A::Pane(0),
        scope: S::Global,
        da: "skift fane",
        en: "switch pane",
        footer: true,
    },
    Binding {
        keys: &[kc(KeyCode::Tab)],
        label: "Tab",
        action: A::NextPane,
        scope: S::Global,
        da: "næste fane",
        en: "next pane",
        footer: false,
    },
    Binding {
        keys: &[kc(KeyCode::BackTab)],
        label: "Shift-Tab",
        action: A::PrevPane,
        scope: S::Global,
        da: "forrige fane",
        en: "previous pane",
        footer: false,
    },
    Binding {
        keys: &[k('a')],
        label: "a",
        action: A::QuickAdd,
        scope: S::List,
        da: "ny aftale",
        en: "add appointment",
        footer: true,
    },
    Binding {
        keys: &[ks('N')],
        label: "N",
        action: A::NextStep,
        scope: S::List,
        da: "planlæg næste",
        en: "plan next",
        footer: false,
    },
    Binding {
        keys: &[k('x')],
        label: "x",
        action: A::Export,
        scope: S::List,
        da: "eksportér dagens log (CSV)",
        en: "export the day's log (CSV)",
        footer: false,
    },
    Binding {
        keys: &[ks('A')],
        label: "A",
        action: A::FullForm,
        scope: S::List,
        da: "ny aftale (formular)",
        en: "new appointment (form)",
        footer: false,
    },
    Binding {
        keys: &[k('l')],
        label: "l",
        action: A::LogContact,
        scope: S::List,
        da: "log kontakt",
        en: "log contact",
        footer: true,
    },
    Binding {
        keys: &[k('u')],
        label: "u",
        action: A::Undo,
        scope: S::List,
        da: "fortryd",
        en: "undo",
        footer: true,
    },
    Binding {
        keys: &[kc(KeyCode::Up), k('k')],
        label: "↑/k",
        action: A::Up,
        scope: S::List,
        da: "op",
        en: "up",
        footer: false,
    },
    Binding {
        keys: &[kc(KeyCode::Down), k('j')],
        label: "↓/j",
        action: A::Down,
        scope: S::List,
        da: "ned",
        en: "down",
        footer: false,
    },
    Binding {
        keys: &[kc(KeyCode::PageUp)],
        label: "PgUp",
        action: A::PageUp,
        scope: S::List,
        da: "side op",
        en: "page up",
        footer: false,
    },
    Binding {
        keys: &[kc(KeyCode::PageDown)],
        label: "PgDn",
        action: A::PageDown,
        scope: S::List,
        da: "side ned",
        en: "page down",
        footer: false,
    },
    Binding {
        keys: &[kc(KeyCode::Home), k('g')],
        label: "Home/g",
        action: A::First,
        scope: S::List,
        da: "første",
        en: "first",
        footer: false,
    },
    Binding {
        keys: &[kc(KeyCode::End), ks('G')],
        label: "End/G",
        action: A::Last,
        scope: S::List,
        da: "sidste",
        en: "last",
        footer: false,
    },
    Binding {
        keys: &[kc(KeyCode::Left), k(',')],
        label: "←/,",
        action: A::PrevDay,
        scope: S::List,
        da: "forrige dag",
        en: "previous day",
        footer: true,
    },
    Binding {
        keys: &[kc(KeyCode::Right), k('.')],
        label: "→/.",
        action: A::NextDay,
        scope: S::List,
        da: "næste dag",
        en: "next day",
        footer: true,
    },
    Binding {
        keys: &[k('t')],
        label: "t",
        action: A::Today,
        scope: S::List,
        da: "i dag",
        en: "today",
        footer: true,
    },
    Binding {
        keys: &[k('w')],
        label: "w",
        action: A::ToggleWeek,
        scope: S::Week,
        da: "dag/uge",
        en: "day/week",
        footer: true,
    },
    Binding {
        keys: &[k('/')],
        label: "/",
        action: A::Filter,
        scope: S::List,
        da: "filtrér",
        en: "filter",
        footer: true,
    },
    Binding {
        keys: &[kc(KeyCode::Enter)],
        label: "Enter",
        action: A::Open,
        scope: S::List,
        da: "borgerkort",
        en: "citizen card",
        footer: true,
    },
    Binding {
        keys: &[kc(KeyCode::Esc)],
        label: "Esc",
        action: A::Close,
        scope: S::List,
        da: "ryd filter",
        en: "clear filter",
        footer: false,
    },
    Binding {
        keys: &[k('h')],
        label: "h",
        action: A::Mark(St::Held),
        scope: S::Marking,
        da: "afholdt",
        en: "held",
        footer: true,
    },
    Binding {
        keys: &[k('n')],
        label: "n",
        action: A::Mark(St::NoShow),
        scope: S::Marking,
        da: "udeblevet",
        en: "no-show",
        footer: true,
    },
    Binding {
        keys: &[k('c')],
        label: "c",
        action: A::Mark(St::CancelledByCitizen),
        scope: S::Marking,
        da: "afbud",
        en: "cancelled by citizen",
        footer: false,
    },
    Binding {
        keys: &[ks('C')],
        label: "C",
        action: A::Mark(St::Cancelled),
        scope: S::Marking,
        da: "aflyst",
        en: "cancelled",
        footer: false,
    },
    Binding {
        keys: &[k('m')],
        label: "m",
        action: A::Move,
        scope: S::Marking,
        da: "flyt (advarer ved overlap)",
        en: "move (warns of a clash)",
        footer: false,
    },
    Binding {
        keys: &[k('o')],
        label: "o",
        action: A::Transferred,
        scope: S::LogPane,
        da: "overført til sagssystem (● = ikke overført)",
        en: "transferred to case system (● = not yet)",
        footer: true,
    },
    Binding {
        keys: &[k('p')],
        label: "p",
        action: A::RevealCpr,
        scope: S::Card,
        da: "vis CPR (logges)",
        en: "show CPR (logged)",
        footer: false,
    },
    Binding {
        keys: &[ks('D')],
        label: "D",
        action: A::Erase,
        scope: S::Card,
        da: "slet borgeren helt (spørger først)",
        en: "erase the citizen (asks first)",
        footer: false,
    },
    Binding {
        keys: &[k('e')],
        label: "e",
        action: A::EditSummary,
        scope: S::Card,
        da: "ret resumé",
        en: "edit summary",
        footer: true,
    },
    Binding {
        keys: &[k('r')],
        label: "r",
        action: A::Attempt(CR::Reached),
        scope: S::Closure,
        da: "fanget",
        en: "reached",
        footer: true,
    },
    Binding {
        keys: &[k('n')],
        label: "n",
        action: A::Attempt(CR::NoAnswer),
        scope: S::Closure,
        da: "intet svar",
        en: "no answer",
        footer: true,
    },
    Binding {
        keys: &[k('m')],
        label: "m",
        action: A::Attempt(CR::MessageLeft),
        scope: S::Closure,
        da: "besked lagt",
        en: "message left",
        footer: true,
    },
    Binding {
        keys: &[k('w')],
        label: "w",
        action: A::Attempt(CR::WrongNumber),
        scope: S::Closure,
        da: "forkert nummer",
        en: "wrong number",
        footer: true,
    },
    Binding {
        keys: &[ks('R')],
        label: "R",
        action: A::ToggleReport,
        scope: S::Closure,
        da: "rapport",
        en: "report",
        footer: true,
    },
    Binding {
        keys: &[ks('S')],
        label: "S",
        action: A::StartClosure,
        scope: S::Closure,
        da: "start nedlukning",
        en: "start closure",
        footer: false,
    },
    Binding {
        keys: &[ks('V')],
        label: "V",
        action: A::ConvertAll,
        scope: S::Closure,
        da: "omlæg alle fremmøder",
        en: "convert all in-person",
        footer: false,
    },
    Binding {
        keys: &[k('v')],
        label: "v",
        action: A::Convert,
        scope: S::Marking,
        da: "omlæg til telefon/gåtur",
        en: "convert to phone/walk",
        footer: false,
    },
    Binding {
        keys: &[kc(KeyCode::Tab)],
        label: "Tab",
        action: A::NextPane,
        scope: S::Form,
        da: "næste felt",
        en: "next field",
        footer: true,
    },
    Binding {
        keys: &[kc(KeyCode::BackTab)],
        label: "Shift-Tab",
        action: A::PrevPane,
        scope: S::Form,
        da: "forrige felt",
        en: "previous field",
        footer: true,
    },
    Binding {
        keys: &[ctrl('s')],
        label: "Ctrl+S",
        action: A::FilterDone,
        scope: S::Form,
        da: "gem",
        en: "save",
        footer: true,
    },
    Binding {
        keys: &[kc(KeyCode::Esc)],
        label: "Esc",
        action: A::Close,
        scope: S::Form,
        da: "fortryd",
        en: "cancel",
        footer: true,
    },
    Binding {
        keys: &[ctrl('s')],
        label: "Ctrl+S",
        action: A::FilterDone,
        scope: S::Editor,
        da: "gem resumé",
        en: "save summary",
        footer: true,
    },
    Binding {
        keys: &[kc(KeyCode::Esc)],
        label: "Esc",
        action: A::Close,
        scope: S::Editor,
        da: "luk (spørger, hvis der er ændringer)",
        en: "close (asks if there are changes)",
        footer: true,
    },
    Binding {
        keys: &[kc(KeyCode::Enter)],
        label: "Enter",
        action: A::FilterDone,
        scope: S::Text,
        da: "gem",
        en: "save",
        footer: true,
    },
    Binding {
        keys: &[kc(KeyCode::Esc)],
        label: "Esc",
        action: A::Close,
        scope: S::Text,
        da: "fortryd",
        en: "cancel",
        footer: true,
    },
    Binding {
        keys: &[kc(KeyCode::Tab)],
        label: "Tab",
        action: A::NextPane,
        scope: S::Note,
        da: "standardtekst",
        en: "snippet",
        footer: true,
    },
    Binding {
        keys: &[kc(KeyCode::Enter)],
        label: "Enter",
        action: A::FilterDone,
        scope: S::Filter,
        da: "behold filter",
        en: "keep filter",
        footer: true,
    },
    Binding {
        keys: &[kc(KeyCode::Esc)],
        label: "Esc",
        action: A::Close,
        scope: S::Filter,
        da: "ryd filter",
        en: "clear filter",
        footer: true,
    },
    Binding {
        keys: &[kc(KeyCode::Up)],
        label: "↑",
        action: A::Up,
        scope: S::Filter,
        da: "op",
        en: "up",
        footer: false,
    },
    Binding {
        keys: &[kc(KeyCode::Down)],
        label: "↓",
        action: A::Down,
        scope: S::Filter,
        da: "ned",
        en: "down",
        footer: false,
    },
    Binding {
        keys: &[kc(KeyCode::Esc), k('q')],
        label: "Esc/q",
        action: A::Close,
        scope: S::Card,
        da: "luk kortet",
        en: "close card",
        footer: true,
    },
    Binding {
        keys: &[kc(KeyCode::Up), k('k')],
        label: "↑/k",
        action: A::Up,
        scope: S::Card,
        da: "rul op",
        en: "scroll up",
        footer: false,
    },
    Binding {
        keys: &[kc(KeyCode::Down), k('j')],
        label: "↓/j",
        action: A::Down,
        scope: S::Card,
        da: "rul ned",
        en: "scroll down",
        footer: false,
    },
    Binding {
        keys: &[ks('?')],
        label: "?",
        action: A::Help,
        scope: S::Card,
        da: "hjælp",
        en: "help",
        footer: true,
    },
    Binding {
        keys: &[kc(KeyCode::Esc), ks('?'), k('q')],
        label: "Esc/?",
        action: A::Close,
        scope: S::Help,
        da: "luk hjælpen",
        en: "close help",
        footer: true,
    },
    Binding {
        keys: &[kc(KeyCode::Up), k('k')],
        label: "↑/k",
        action: A::Up,
        scope: S::Help,
        da: "rul op",
        en: "scroll up",
        footer: true,
    },
    Binding {
        keys: &[kc(KeyCode::Down), k('j')],
        label: "↓/j",
        action: A::Down,
        scope: S::Help,
        da: "rul ned",
        en: "scroll down",
        footer: true,
    },
    Binding {
        keys: &[k('j'), k('y'), ks('J'), ks('Y')],
        label: "j/y",
        action: A::Yes,
        scope: S::Confirm,
        da: "ja",
        en: "yes",
        footer: true,
    },
    Binding {
        keys: &[k('n'), ks('N')],
        label: "n",
        action: A::No,
        scope: S::Confirm,
        da: "nej",
        en: "no",
        footer: true,
    },
    Binding {
        keys: &[kc(KeyCode::Esc)],
        label: "Esc",
        action: A::Close,
        scope: S::Confirm,
        da: "fortryd",
        en: "cancel",
        footer: true,
    },
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
                        // The 1–6 binding carries which pane in the key's position.
                        Action::Pane(_) => Action::Pane(i),
                        a => a,
                    });
                }
            }
        }
    }
    None
}

/// The bindings of the given scopes that the footer shows.
/// A key shown once: the first scope that binds it wins, as in `lookup`.
pub fn footer(scopes: &[Scope]) -> Vec<&'static Binding> {
    let mut out: Vec<&'static Binding> = Vec::new();
    for s in scopes {
        for b in BINDINGS.iter().filter(|b| b.scope == *s && b.footer) {
            let shadowed = out.iter().any(|o| {
                o.keys.iter().any(|k| {
                    b.keys
                        .iter()
                        .any(|kb| kb.code == k.code && kb.ctrl == k.ctrl)
                })
            });
            if !shadowed {
                out.push(b);
            }
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
                &[Scope::Global],
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
