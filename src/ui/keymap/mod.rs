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
    /// In the Contact log pane.
    Log,
    /// The journal-ready text copied (or shown to copy by hand).
    Copied,
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
    /// Choosing what to export of the contact log (`x`).
    ExportDialog,
    /// In the summary editor.
    Editor,
    /// In the Closure pane.
    Closure,
    /// On a citizen of the open closure's call list.
    ClosureCalls,
    /// In the Closure pane while its closure is open.
    ClosureOpen,
    /// In the Closure pane when its closure has ended.
    ClosureEnded,
    /// After a reaching call: how it was received, matched.
    CallAnswers,
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
    /// On an appointment that belongs to a series (in the lists and on the card).
    Series,
    /// A new series lands on days off: skip or move them?
    SeriesDaysOff,
    /// Only this occurrence, or this and all following?
    SeriesWhich,
    /// In the Companies pane.
    Companies,
    /// On a company in the Companies pane.
    CompanyRow,
    /// On a lead in the Companies pane.
    LeadRow,
    /// With a company card open.
    CompanyCard,
    /// With a lead card open (its proposals and the citizens who fit).
    LeadCard,
    /// On a proposal in the lead card.
    LeadProposal,
    /// On a citizen who fits, in the lead card.
    LeadMatch,
    /// Choosing what kind of contact with a company to log.
    CompanyLogPick,
    /// Choosing a lead to propose the citizen to (from the citizen card).
    LeadPick,
    /// On the quick-add line when it names a company visit.
    QuickAddCompany,
    /// After a held conversation's note: the optional rating (any other key goes on).
    RatingOffer,
    /// The feedback box: choosing the rating.
    FeedbackScore,
    /// The feedback box on a contact that has a rating: taking it away.
    FeedbackRemove,
    /// The feedback box: typing the wish.
    FeedbackWish,
    /// The satisfaction view.
    Satisfaction,
    /// In the Today pane.
    TodayPane,
    /// The job club (its attendance list or the week's exemptions).
    JobClub,
    /// The job club: on a citizen of the attendance list.
    JobClubDay,
    /// The job club: on an exemption of the week's list.
    JobClubWeek,
    /// The job club's exemption form.
    ExemptionForm,
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
/// The panes' keys (one more than the choices of a list).
const PANE_DIGITS: &[Key] = &[k('1'), k('2'), k('3'), k('4'), k('5'), k('6'), k('7')];

mod companies;
mod lists;
mod overlays;
mod voice;

/// Every binding, in the order they are looked up: the lists', then the overlays', then those
/// of companies and leads.
pub fn bindings() -> impl Iterator<Item = &'static Binding> {
    lists::LISTS
        .iter()
        .chain(overlays::OVERLAYS.iter())
        .chain(companies::COMPANIES.iter())
        .chain(voice::VOICE.iter())
}

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
        for b in bindings().filter(|b| b.scope == *scope) {
            for (i, key) in b.keys.iter().enumerate() {
                if matches(key, ev) {
                    return Some(match b.action {
                        // The 1–6 (1–7) bindings carry which one in the key's position.
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
        for b in bindings().filter(|b| b.scope == *s) {
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
        for b in bindings() {
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
        for b in bindings() {
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
        let all: Vec<&Binding> = bindings().collect();
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
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
