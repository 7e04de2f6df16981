//! The desk's words of the closure pane (pane 6): the answers after a reaching call, ending a
//! closure, the newcomer flag, the double bars of the report and the catch-up view. The words
//! the command line shares with the desk are in [`super::closure`].

use super::Lang;
use crate::domain::closure::{Closure, Reception};
use crate::domain::text::sanitize_line;
use crate::domain::{Channel, Word};

/// The flag in the name column of a citizen registered during the closure.
pub fn newcomer_flag(l: Lang) -> &'static str {
    l.t("ny", "new")
}

/// The list's status of a citizen reached by another contact in the closure's window, short
/// enough for the status column at 80 columns: "nået: gåtur" / "reached: walk" (the log says
/// when).
pub fn reached_via(l: Lang, channel: Channel) -> String {
    format!("{}: {}", l.t("nået", "reached"), channel.name(l.da()))
}

/// The answers box's title: "Jens Hansen · truffet, takker ja til samtale".
pub fn answers_title(l: Lang, citizen: &str, accepted: Option<bool>) -> String {
    let mut s = format!(
        "{} · {}",
        sanitize_line(citizen),
        super::closure::result(l, crate::domain::closure::CallResult::Reached)
    );
    let a = super::closure::accepted(l, accepted);
    if !a.is_empty() {
        s.push_str(", ");
        s.push_str(a);
    }
    s
}

/// After a call that did not reach: where its note can be added ("notat: e i Kontaktlog (4)").
pub fn note_later(l: Lang) -> &'static str {
    l.t("notat: e i Kontaktlog (4)", "note: e in Contact log (4)")
}

/// The help's heading of the answers' keys.
pub fn scope_call_answers(l: Lang) -> &'static str {
    l.t(
        "Efter et truffet opkald (modtagelse, matchet)",
        "After a reaching call (received, matched)",
    )
}

/// "Hvordan blev opkaldet modtaget?"
pub fn reception_question(l: Lang) -> &'static str {
    l.t(
        "Hvordan blev opkaldet modtaget?",
        "How was the call received?",
    )
}

/// One reception choice as the box shows it: "1 meget positivt".
pub fn reception_choice(l: Lang, r: Reception) -> String {
    format!("{} {}", r.index() + 1, r.name(l.da()))
}

/// "Matchet til job eller praktik?"
pub fn matched_question(l: Lang) -> &'static str {
    l.t(
        "Matchet til job eller praktik?",
        "Matched to a job or placement?",
    )
}

/// The matched choice: "j ja" / "y yes".
pub fn matched_choice(l: Lang) -> &'static str {
    l.t("j ja", "y yes")
}

/// The answers box's last line: what Enter, Esc and Tab do.
pub fn answers_hint(l: Lang) -> &'static str {
    l.t(
        "Enter gem · Esc uden svar · Tab skriv notat",
        "Enter save · Esc no answers · Tab write a note",
    )
}

/// The confirmation before `E` ends the open closure: what it does and that it cannot be undone.
pub fn end_question(l: Lang, c: &Closure, today: chrono::NaiveDate) -> String {
    let name = sanitize_line(&c.name);
    let day = l.date(today);
    if l.da() {
        format!(
            "Afslut nedlukningen \"{name}\" i dag ({day})? Fristerne løber igen fra i morgen, og ringelisten lukkes. Det kan ikke fortrydes med u (en ny nedlukning startes med S). (j/n)"
        )
    } else {
        format!(
            "End the closure \"{name}\" today ({day})? Deadlines run again from tomorrow and the call list closes. This cannot be undone with u (a new closure is started with S). (y/n)"
        )
    }
}

/// After `n` (or Esc) on the question: the closure goes on.
pub fn still_open(l: Lang) -> &'static str {
    l.t("Nedlukningen er stadig åben.", "The closure is still open.")
}

/// The confirmation's title.
pub fn end_title(l: Lang) -> &'static str {
    l.t("Afslut nedlukning", "End the closure")
}

/// `E` with no closure open.
pub fn nothing_to_end(l: Lang) -> &'static str {
    l.t(
        "Ingen nedlukning er åben: der er intet at afslutte.",
        "No closure is open: there is nothing to end.",
    )
}

/// `I` while a closure is open, or with none ended.
pub fn catch_up_not_yet(l: Lang) -> &'static str {
    l.t(
        "Indhentningslisten vises, når nedlukningen er afsluttet (E).",
        "The catch-up list is shown once the closure has ended (E).",
    )
}

/// The catch-up view's status line: "Indhentning: 12 borgere med samtaler sat i bero, efter ny frist".
pub fn catch_up_status(l: Lang, n: usize) -> String {
    if l.da() {
        format!(
            "Indhentning: {} med samtaler sat i bero, efter ny frist",
            l.n(n as u64, "borger", "borgere")
        )
    } else {
        format!(
            "Catching up: {} with paused conversations, by new deadline",
            l.n(n as u64, "citizen", "citizens")
        )
    }
}

/// Shorter, for 80 columns: "Indhentning: 12 borgere, efter ny frist".
pub fn catch_up_status_short(l: Lang, n: usize) -> String {
    if l.da() {
        format!(
            "Indhentning: {}, efter ny frist",
            l.n(n as u64, "borger", "borgere")
        )
    } else {
        format!(
            "Catching up: {}, by new deadline",
            l.n(n as u64, "citizen", "citizens")
        )
    }
}

/// The catch-up view with nobody on it.
pub fn catch_up_empty(l: Lang) -> &'static str {
    l.t(
        "Ingen samtaler, der var sat i bero, mangler.",
        "No paused conversations are left to catch up on.",
    )
}

/// The catch-up table's header: name, target group, phone, due before, new deadline, planned.
pub fn catch_up_header(l: Lang) -> [&'static str; 6] {
    if l.da() {
        [
            "navn",
            "målgruppe",
            "telefon",
            "frist før",
            "ny frist",
            "planlagt",
        ]
    } else {
        [
            "name",
            "target group",
            "phone",
            "was due",
            "new due",
            "planned",
        ]
    }
}

/// "ikke planlagt" / "not planned".
pub fn not_planned(l: Lang) -> &'static str {
    l.t("ikke planlagt", "not planned")
}

/// The report's chart title with its legend: which bar is which.
pub fn bars_title(l: Lang) -> (&'static str, &'static str, &'static str) {
    (
        l.t(" I % pr. målgruppe: ", " In % per target group: "),
        l.t("█ truffet", "█ reached"),
        l.t("█ ja tak af spurgte", "█ accepted of those asked"),
    )
}

/// The quick-add line offered after "takker ja": a conversation with the citizen, the day and
/// time left to type ("samtale Jens Hansen ").
pub fn conversation_line(l: Lang, citizen: &str) -> String {
    format!(
        "{} {} ",
        l.t("samtale", "conversation"),
        sanitize_line(citizen)
    )
}

/// The footer's message with the quick-add line offered: say why it opened.
pub fn plan_offer(l: Lang, citizen: &str) -> String {
    if l.da() {
        format!(
            "{} takker ja: skriv dag og tid for samtalen (Esc: ikke nu).",
            sanitize_line(citizen)
        )
    } else {
        format!(
            "{} accepted: type the conversation's day and time (Esc: not now).",
            sanitize_line(citizen)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::text::width;

    #[test]
    fn every_reached_via_status_fits_the_status_column_at_80() {
        for l in [Lang::Da, Lang::En] {
            for c in Channel::ALL {
                if crate::domain::closure::is_conversation_channel(*c) {
                    let s = reached_via(l, *c);
                    assert!(width(&s) <= 19, "{s}");
                }
            }
        }
    }
}
