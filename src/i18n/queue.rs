//! Words of the transfer queue and the journal-ready text (`jobdesk log pending|note|transferred`
//! and the Contact log's `T`, `y`, `Y`).

use super::Lang;
use crate::domain::dates::{fmt_date, fmt_time};
use crate::domain::journal::{self, JournalFacts, JournalSource};
use crate::domain::{Kind, Outcome, Word};

/// The default journal template, Danish.
pub const TEMPLATE_DA: &str = "{date} kl. {time}: {kind}, {channel}, {outcome}\n\
Tæller med i minimumskravet: {counts}\n\
Notat: {note}\n\
Næste samtale: {next}";

/// The default journal template, English.
pub const TEMPLATE_EN: &str = "{date} at {time}: {kind}, {channel}, {outcome}\n\
Counts toward the minimum: {counts}\n\
Note: {note}\n\
Next conversation: {next}";

/// Why an entry does not count toward the legal minimum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WhyNot {
    /// Not a held conversation (a no-show, a call not answered, …).
    NotHeld,
    /// Not a conversation (a mentor visit).
    NotAConversation,
    /// Held during a closure whose held conversations do not count.
    Closure(String),
    /// Set not to count (a first conversation not held in person, or by a correction).
    Set,
}

/// The `{counts}` field: "ja", or "nej (…)" with the reason.
pub fn counts(l: Lang, counts: bool, why: Option<&WhyNot>) -> String {
    if counts {
        return l.t("ja", "yes").to_string();
    }
    let no = l.t("nej", "no");
    match why {
        None => no.to_string(),
        Some(WhyNot::NotHeld) => format!("{no} ({})", l.t("ikke afholdt", "not held")),
        Some(WhyNot::NotAConversation) => {
            format!("{no} ({})", l.t("ikke en samtale", "not a conversation"))
        }
        Some(WhyNot::Closure(name)) => format!(
            "{no} ({} {name})",
            l.t("holdt under lukningen", "held during the closure")
        ),
        Some(WhyNot::Set) => format!(
            "{no} ({})",
            l.t(
                "sat til ikke at tælle, fx en første samtale uden fremmøde",
                "set not to count, e.g. a first conversation not in person"
            )
        ),
    }
}

/// `P` in the desk: the phone number went to the clipboard.
pub fn phone_copied(l: Lang, number: &str) -> String {
    format!(
        "{}: {number}",
        l.t("Telefonnummer kopieret", "Phone number copied")
    )
}

/// `P` without a terminal's clipboard: the number to type by hand.
pub fn phone_shown(l: Lang, number: &str) -> String {
    format!(
        "{}: {number}",
        l.t(
            "Telefonnummer (kunne ikke kopieres)",
            "Phone number (could not be copied)"
        )
    )
}

/// `P` on a citizen without a phone number.
pub fn no_phone(l: Lang, name: &str) -> String {
    format!("{name}: {}", l.t("intet telefonnummer", "no phone number"))
}

/// The `{next}` field when no conversation is planned.
pub fn no_next(l: Lang) -> &'static str {
    l.t("ingen planlagt", "none planned")
}

/// `log pending` with nothing to transfer.
pub fn nothing_pending(l: Lang) -> &'static str {
    l.t(
        "intet til overførsel: alle kontakter er overført",
        "nothing to transfer: every contact has been transferred",
    )
}

/// The header of `log pending`.
pub fn pending_header(l: Lang) -> [&'static str; 9] {
    if l.da() {
        [
            "id",
            "tidspunkt",
            "borger",
            "art",
            "kanal",
            "udfald",
            "alder",
            "",
            "notat",
        ]
    } else {
        [
            "id", "time", "citizen", "kind", "channel", "outcome", "age", "", "note",
        ]
    }
}

/// The mark of an entry that has waited too long.
pub fn too_old_mark(l: Lang) -> &'static str {
    l.t("for gammel", "too old")
}

/// "7 til overførsel, 2 for gamle" / "7 to transfer, 2 too old" (the second part only when
/// some are too old).
pub fn pending_count(l: Lang, pending: usize, too_old: usize) -> String {
    let mut s = if l.da() {
        format!("{pending} til overførsel")
    } else {
        format!("{pending} to transfer")
    };
    if too_old > 0 {
        if l.da() {
            s.push_str(&format!(", {too_old} for gamle"));
        } else {
            s.push_str(&format!(", {too_old} too old"));
        }
    }
    s
}

/// `log pending`'s line under the table: the count and the limit.
pub fn pending_summary(l: Lang, pending: usize, too_old: usize, max_days: u32) -> String {
    let count = pending_count(l, pending, too_old);
    if l.da() {
        format!("{count} (for gammel: mere end {max_days} arbejdsdage)")
    } else {
        format!("{count} (too old: more than {max_days} working days)")
    }
}

/// What `log transferred` did.
pub fn marked(l: Lang, n: usize, undo: bool) -> String {
    let what = l.n(
        n as u64,
        l.t("kontakt", "contact"),
        l.t("kontakter", "contacts"),
    );
    match (l.da(), undo) {
        (true, false) => format!("{what} markeret overført"),
        (true, true) => format!("{what} markeret ikke overført"),
        (false, false) => format!("{what} marked transferred"),
        (false, true) => format!("{what} marked not transferred"),
    }
}

/// `log transferred` without a selection.
pub fn transferred_needs_a_selection(l: Lang) -> &'static str {
    l.t(
        "giv --contact ID, --date D eller --citizen ID",
        "give --contact ID, --date D or --citizen ID",
    )
}

/// Why an entry of the log does not count (`None` when it does).
pub fn why_not(src: &JournalSource) -> Option<WhyNot> {
    let c = &src.contact;
    if c.counts {
        None
    } else if c.outcome != Outcome::Held {
        Some(WhyNot::NotHeld)
    } else if src.kind != Kind::Conversation {
        Some(WhyNot::NotAConversation)
    } else if let Some(name) = &src.closure {
        Some(WhyNot::Closure(name.clone()))
    } else {
        Some(WhyNot::Set)
    }
}

/// A contact's facts in words.
pub fn journal_facts(l: Lang, src: &JournalSource) -> JournalFacts {
    let da = l.da();
    let c = &src.contact;
    JournalFacts {
        date: fmt_date(c.at.date(), da),
        time: fmt_time(c.at.time(), da),
        channel: c.channel.name(da).to_string(),
        kind: src.kind.name(da).to_string(),
        outcome: c.outcome.name(da).to_string(),
        counts: counts(l, c.counts, why_not(src).as_ref()),
        note: c.note.trim().to_string(),
        next: match src.next {
            Some(t) => format!(
                "{} {}{}",
                fmt_date(t.date(), da),
                l.t("kl. ", ""),
                fmt_time(t.time(), da)
            ),
            None => no_next(l).to_string(),
        },
    }
}

/// A contact's journal-ready text from `template`.
pub fn journal_text(l: Lang, template: &str, src: &JournalSource) -> String {
    journal::render(template, &journal_facts(l, src))
}

/// `Y` on a citizen with nothing pending.
pub fn nothing_pending_for(l: Lang, citizen: &str) -> String {
    if l.da() {
        format!("intet til overførsel for {citizen}")
    } else {
        format!("nothing to transfer for {citizen}")
    }
}

/// The first line of the copied-text box.
pub fn copied_title(l: Lang, sent: bool) -> &'static str {
    if sent {
        l.t(
            "Kopieret til udklipsholderen: sæt ind i fagsystemet",
            "Copied to the clipboard: paste it into the case system",
        )
    } else {
        l.t(
            "Kunne ikke kopiere: markér teksten og kopiér den selv",
            "Could not copy: select the text and copy it yourself",
        )
    }
}

/// The last line of the copied-text box: what `o` does.
pub fn copied_offer(l: Lang, n: usize) -> String {
    match (l.da(), n) {
        (true, 0) => "allerede overført · Esc luk".to_string(),
        (false, 0) => "already transferred · Esc close".to_string(),
        (true, 1) => "o marker overført · Esc luk".to_string(),
        (false, 1) => "o mark transferred · Esc close".to_string(),
        (true, n) => format!("o marker alle {n} overført · Esc luk"),
        (false, n) => format!("o mark all {n} transferred · Esc close"),
    }
}

/// The Contact log's title line in the queue.
pub fn queue_title(l: Lang) -> &'static str {
    l.t(
        "Til overførsel (alle dage, ældste først; T tilbage til dagen)",
        "To transfer (all days, oldest first; T back to the day)",
    )
}

/// The help's heading over the keys of the copied-text box.
pub fn scope_copied(l: Lang) -> &'static str {
    l.t(
        "Når journalteksten er kopieret (y, Y)",
        "When the journal text is copied (y, Y)",
    )
}

/// The transfer queue's age column (working days waited), three cells wide.
pub fn age_col(l: Lang) -> &'static str {
    l.t("dg.", "age")
}
