//! The desk's words: panes, headers, prompts and hints.

use super::Lang;
use crate::domain::{Outcome, Status, Word, dates};
use chrono::{Datelike, NaiveDate, NaiveDateTime};

/// Every word on the desk's screen. `Lang::w()` gives the set for the language.
pub struct Words {
    pub app: &'static str,
    pub panes: [&'static str; 7],
    /// "samtale"/"samtaler": see [`Lang::n`].
    pub calls_n: [&'static str; 2],
    pub visits_n: [&'static str; 2],
    pub overdue_n: &'static str,
    pub due_heading: &'static str,
    pub no_appointments_day: &'static str,
    pub no_conversations: &'static str,
    pub no_visits: &'static str,
    pub no_contacts: &'static str,
    pub no_citizens: &'static str,
    pub nothing_due: &'static str,
    pub more_due: &'static str,
    pub col_time: &'static str,
    pub col_min: &'static str,
    pub col_citizen: &'static str,
    pub col_kind: &'static str,
    pub col_channel: &'static str,
    pub col_status: &'static str,
    pub col_outcome: &'static str,
    pub col_note: &'static str,
    pub col_group: &'static str,
    pub col_last_contact: &'static str,
    pub col_next_due: &'static str,
    pub col_date: &'static str,
    pub overdue: &'static str,
    pub day_view: &'static str,
    pub week_view: &'static str,
    pub filter: &'static str,
    pub filter_hint: &'static str,
    pub help_title: &'static str,
    pub help_close: &'static str,
    pub too_small: &'static str,
    pub empty_title: &'static str,
    pub empty_body: [&'static str; 4],
    pub card_title: &'static str,
    pub card_details: &'static str,
    pub card_summary: &'static str,
    pub card_contacts: &'static str,
    pub card_appointments: &'static str,
    pub phone: &'static str,
    pub email: &'static str,
    pub cpr: &'static str,
    pub benefit_start: &'static str,
    pub mentor: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub archived: &'static str,
    pub exempt: &'static str,
    pub none: &'static str,
    pub rows_of: &'static str,
    pub scope_always: &'static str,
    pub scope_citizen: &'static str,
    pub scope_day: &'static str,
    pub scope_closure_calls: &'static str,
    pub scope_move: &'static str,
    pub scope_quick_add: &'static str,
    pub scope_pick: &'static str,
    pub scope_log_pick: &'static str,
    pub scope_closure_start: &'static str,
    pub scope_editing: &'static str,
    pub no_closure: &'static str,
    pub scope_global: &'static str,
    pub scope_list: &'static str,
    pub scope_filter: &'static str,
    pub scope_card: &'static str,
    pub scope_marking: &'static str,
    pub scope_log: &'static str,
    pub scope_text: &'static str,
    pub transferred_not: &'static str,
    pub note_title: &'static str,
    pub move_title: &'static str,
    pub log_title: &'static str,
    pub marked: &'static str,
    pub undone: &'static str,
    pub nothing_to_undo: &'static str,
    pub undo_hint: &'static str,
    pub note_saved: &'static str,
    pub moved_to: &'static str,
    pub logged: &'static str,
    pub not_appointment: &'static str,
    pub no_citizen_row: &'static str,
    pub not_contact: &'static str,
    pub transferred_set: &'static str,
    pub transferred_unset: &'static str,
    pub soft_limit: &'static str,
    pub log_options: [&'static str; 6],
    pub draft_recovered: &'static str,
    pub no_cpr: &'static str,
    pub show: &'static str,
    pub purge_due: &'static str,
    /// The same without the command, when the header has no room for it.
    pub purge_due_short: &'static str,
    pub exported_to: &'static str,
    pub personal_data: &'static str,
    pub planned: &'static str,
    pub quick_add_title: &'static str,
    pub closure_not_open: &'static str,
    pub closure_already_open: &'static str,
    pub closure_range_help: &'static str,
    pub closure_none: &'static str,
    pub closure_start_title: &'static str,
    pub accept_title: &'static str,
    pub confirm_convert: &'static str,
    pub scope_closure: &'static str,
    pub hours_week: &'static str,
    pub until: &'static str,
    pub mentor_agreement: &'static str,
    pub jobclub_exempt: &'static str,
    pub feedback: &'static str,
    pub summary_saved: &'static str,
    pub summary_title: &'static str,
    pub scope_editor: &'static str,
    /// The help's heading over the keys that answer a question.
    pub scope_confirm: &'static str,
    /// After answering no: nothing was written.
    pub not_changed: &'static str,
    /// A burst of typed characters in a mode where letters are commands.
    pub pasted_ignored: &'static str,
    /// Esc in the summary editor with changes.
    pub save_changes: &'static str,
    /// Moving onto a time taken by another appointment (after the list of them).
    pub clash_again: &'static str,
    pub overlaps: &'static str,
}

pub const DA: Words = Words {
    app: "jobdesk",
    panes: [
        "I dag",
        "Samtaler",
        "Mentorbesøg",
        "Kontaktlog",
        "Borgere",
        "Nedlukning",
        "Virksomheder",
    ],
    calls_n: ["samtale", "samtaler"],
    visits_n: ["besøg", "besøg"],
    overdue_n: "overskredet",
    due_heading: "Samtaler med frist inden 7 dage, bagud eller overskredet",
    no_appointments_day: "Ingen aftaler denne dag.",
    no_conversations: "Ingen samtaler i perioden.",
    no_visits: "Ingen mentorbesøg i perioden.",
    no_contacts: "Ingen kontakter denne dag.",
    no_citizens: "Ingen borgere.",
    nothing_due: "Ingen samtaler har frist de næste 7 dage.",
    more_due: "flere – se Borgere (5)",
    col_time: "Tid",
    col_min: "Min",
    col_citizen: "Borger",
    col_kind: "Art",
    col_channel: "Kanal",
    col_status: "Status",
    col_outcome: "Udfald",
    col_note: "Notat",
    col_group: "Målgruppe",
    col_last_contact: "Seneste kontakt",
    col_next_due: "Næste samtale senest",
    col_date: "Dato",
    overdue: "overskredet",
    day_view: "dag",
    week_view: "uge",
    filter: "Filter",
    filter_hint: "skriv for at filtrere · Enter beholder · Esc rydder",
    help_title: "Hjælp – taster",
    help_close: "Esc eller ? lukker",
    too_small: "Terminalen er for lille (mindst 80×23) – gør vinduet større, eller tryk q for at afslutte. Andre taster gør intet.",
    empty_title: "Velkommen til jobdesk",
    empty_body: [
        "Der er endnu ingen borgere i databasen. Sådan kommer du i gang (q afslutter):",
        "  • Tilføj en borger:  jobdesk citizen add --name \"Jens Hansen\" --target-group dagpenge",
        "  • Importér sagsstammen fra CSV (navn;målgruppe;…):  jobdesk import caseload borgere.csv",
        "  • Prøv et opdigtet eksempel:  jobdesk --demo",
    ],
    card_title: "Borgerkort",
    card_details: "Oplysninger",
    card_summary: "Resumé",
    card_contacts: "Seneste kontakter",
    card_appointments: "Aftaler",
    phone: "Telefon",
    email: "E-mail",
    cpr: "CPR",
    benefit_start: "Start på ydelse",
    mentor: "Mentor",
    yes: "ja",
    no: "nej",
    archived: "afsluttet",
    exempt: "fritaget for samtaler",
    none: "–",
    rows_of: "af",
    scope_always: "Også mens du skriver",
    scope_citizen: "På en række med en borger",
    scope_day: "Faner med en dag (I dag, Samtaler, Mentorbesøg, Kontaktlog)",
    scope_closure_calls: "På nedlukningens opkaldsliste",
    scope_move: "Når du skriver en ny tid (m)",
    scope_quick_add: "På linjen til en ny aftale (a, N)",
    scope_pick: "Når flere borgere passer",
    scope_log_pick: "Når du logger en kontakt (l)",
    scope_closure_start: "Når du starter en nedlukning (S)",
    scope_editing: "I alle tekstfelter",
    no_closure: "Ingen nedlukning endnu – S starter en",
    scope_global: "Overalt",
    scope_list: "Lister",
    scope_filter: "Mens du filtrerer",
    scope_card: "Borgerkort",
    scope_marking: "Aftaler (I dag, Samtaler, Mentorbesøg)",
    scope_log: "Kontaktlog",
    scope_text: "Når du skriver et notat",
    transferred_not: "ikke overført",
    note_title: "Notat (valgfrit)",
    move_title: "Flyt til (fx 24.11 10.30, i morgen 9)",
    log_title: "Log kontakt",
    marked: "markeret",
    undone: "Fortrudt",
    nothing_to_undo: "Intet at fortryde",
    undo_hint: "u fortryder",
    note_saved: "Notat gemt",
    moved_to: "flyttet til",
    logged: "Kontakt logget",
    not_appointment: "Vælg en aftale først",
    no_citizen_row: "Vælg en borger først",
    not_contact: "Vælg en kontakt i kontaktloggen",
    transferred_set: "Markeret som overført til sagssystemet",
    transferred_unset: "Ikke længere markeret som overført",
    soft_limit: "langt – hold notater korte",
    hours_week: "t/uge",
    until: "til",
    mentor_agreement: "Mentoraftale",
    jobclub_exempt: "Fri for jobklub",
    feedback: "borgerens vurdering",
    closure_not_open: "Ingen åben nedlukning: S starter en",
    closure_already_open: "Der er allerede en åben nedlukning (afslut den med jobdesk closure end)",
    closure_range_help: "skriv fra- og til-dato, fx 23.11.2026 04.12.2026, og evt. et navn",
    closure_none: "Ingen nedlukning endnu. S starter en (fra–til); ring-rundt til hele sagsstammen, hvert forsøg logges.",
    closure_start_title: "Start nedlukning: fra til [navn]",
    accept_title: "Takkede borgeren ja til en samtale? j/n (Esc: ikke spurgt)",
    confirm_convert: "fremmøder i perioden omlægges til telefon/gåtur. Fortsæt? j/n",
    scope_closure: "Nedlukning",
    planned: "Planlagt",
    quick_add_title: "Ny aftale – dag tid kanal navn varighed",
    exported_to: "Dagens log gemt i",
    personal_data: "⚠ filen indeholder personoplysninger: del den kun sikkert, og slet den efter brug",
    no_cpr: "Borgeren har intet CPR-nummer i jobdesk",
    show: "viser",
    purge_due: "til sletning (jobdesk purge)",
    purge_due_short: "til sletning",
    draft_recovered: "Kladde gendannet fra sidst: Enter gemmer, Esc kasserer",
    summary_saved: "Resumé gemt",
    summary_title: "Resumé",
    scope_editor: "Når du retter resuméet",
    scope_confirm: "Når desken spørger",
    not_changed: "Intet ændret",
    pasted_ignored: "Indsat tekst ignoreret – tryk a for at skrive en linje",
    save_changes: "Gem ændringerne? (j/n/Esc)",
    clash_again: "Enter igen flytter alligevel",
    overlaps: "Overlapper",
    log_options: [
        "Truffet (telefon)",
        "Ikke truffet (telefon)",
        "Lagt besked",
        "Samtale afholdt (telefon)",
        "Samtale afholdt (fremmøde)",
        "Samtale afholdt (video)",
    ],
};

pub const EN: Words = Words {
    app: "jobdesk",
    panes: [
        "Today",
        "Calls",
        "Mentor visits",
        "Contact log",
        "Caseload",
        "Closure",
        "Companies",
    ],
    calls_n: ["call", "calls"],
    visits_n: ["visit", "visits"],
    overdue_n: "overdue",
    due_heading: "Conversations due within 7 days, behind or overdue",
    no_appointments_day: "No appointments this day.",
    no_conversations: "No conversations in this period.",
    no_visits: "No mentor visits in this period.",
    no_contacts: "No contacts this day.",
    no_citizens: "No citizens.",
    nothing_due: "No conversations due in the next 7 days.",
    more_due: "more – see Caseload (5)",
    col_time: "Time",
    col_min: "Min",
    col_citizen: "Citizen",
    col_kind: "Kind",
    col_channel: "Channel",
    col_status: "Status",
    col_outcome: "Outcome",
    col_note: "Note",
    col_group: "Target group",
    col_last_contact: "Last contact",
    col_next_due: "Next conversation by",
    col_date: "Date",
    overdue: "overdue",
    day_view: "day",
    week_view: "week",
    filter: "Filter",
    filter_hint: "type to filter · Enter keeps · Esc clears",
    help_title: "Help – keys",
    help_close: "Esc or ? closes",
    too_small: "Terminal too small (needs 80×23) – make the window larger, or press q to quit. Other keys do nothing.",
    empty_title: "Welcome to jobdesk",
    empty_body: [
        "There are no citizens in the database yet. To start (q quits):",
        "  • Add a citizen:  jobdesk citizen add --name \"Jens Hansen\" --target-group dagpenge",
        "  • Import your caseload from CSV (name,target_group,…):  jobdesk import caseload file.csv",
        "  • Try it on a fictional example:  jobdesk --demo",
    ],
    card_title: "Citizen card",
    card_details: "Details",
    card_summary: "Summary",
    card_contacts: "Recent contacts",
    card_appointments: "Appointments",
    phone: "Phone",
    email: "E-mail",
    cpr: "CPR",
    benefit_start: "Benefit start",
    mentor: "Mentor",
    yes: "yes",
    no: "no",
    archived: "archived",
    exempt: "exempt from conversations",
    none: "–",
    rows_of: "of",
    scope_always: "Also while typing",
    scope_citizen: "On a row with a citizen",
    scope_day: "Panes about a day (Today, Calls, Mentor visits, Contact log)",
    scope_closure_calls: "On the closure's call list",
    scope_move: "While typing a new time (m)",
    scope_quick_add: "On the new-appointment line (a, N)",
    scope_pick: "When several citizens match",
    scope_log_pick: "While logging a contact (l)",
    scope_closure_start: "While starting a closure (S)",
    scope_editing: "In every text field",
    no_closure: "No closure yet – S starts one",
    scope_global: "Everywhere",
    scope_list: "Lists",
    scope_filter: "While filtering",
    scope_card: "Citizen card",
    scope_marking: "Appointments (Today, Calls, Mentor visits)",
    scope_log: "Contact log",
    scope_text: "While typing a note",
    transferred_not: "not transferred",
    note_title: "Note (optional)",
    move_title: "Move to (e.g. 24.11 10:30, tomorrow 9)",
    log_title: "Log a contact",
    marked: "marked",
    undone: "Undone",
    nothing_to_undo: "Nothing to undo",
    undo_hint: "u undoes",
    note_saved: "Note saved",
    moved_to: "moved to",
    logged: "Contact logged",
    not_appointment: "Select an appointment first",
    no_citizen_row: "Select a citizen first",
    not_contact: "Select a contact in the contact log",
    transferred_set: "Marked as transferred to the case system",
    transferred_unset: "No longer marked as transferred",
    soft_limit: "long – keep notes short",
    hours_week: "h/week",
    until: "until",
    mentor_agreement: "Mentor agreement",
    jobclub_exempt: "Job club exempt",
    feedback: "citizen's rating",
    closure_not_open: "No open closure: S starts one",
    closure_already_open: "A closure is already open (end it with jobdesk closure end)",
    closure_range_help: "type the first and last day, e.g. 2026-11-23 2026-12-04, and a name if you like",
    closure_none: "No closure yet. S starts one (from–to): a call-round through the whole caseload, every attempt logged.",
    closure_start_title: "Start a closure: from to [name]",
    accept_title: "Did the citizen accept a conversation? y/n (Esc: not asked)",
    confirm_convert: "in-person appointments in the range become phone/walk. Go ahead? y/n",
    scope_closure: "Closure",
    planned: "Planned",
    quick_add_title: "New appointment – day time channel name length",
    exported_to: "The day's log was saved to",
    personal_data: "⚠ the file holds personal data: share it only safely and delete it after use",
    no_cpr: "No CPR number is kept for this citizen",
    show: "shows",
    purge_due: "due for purge (jobdesk purge)",
    purge_due_short: "due for purge",
    draft_recovered: "Draft recovered from last time: Enter saves, Esc discards",
    summary_saved: "Summary saved",
    summary_title: "Summary",
    scope_editor: "While editing the summary",
    scope_confirm: "When the desk asks",
    not_changed: "Nothing changed",
    pasted_ignored: "Pasted text ignored – press a to type a line",
    save_changes: "Save the changes? (y/n/Esc)",
    clash_again: "Enter again moves anyway",
    overlaps: "Overlaps",
    log_options: [
        "Reached (phone)",
        "Not reached (phone)",
        "Message left",
        "Conversation held (phone)",
        "Conversation held (in person)",
        "Conversation held (video)",
    ],
};

/// Marking an appointment that is already marked: "Allerede afholdt – ændr til udeblevet? (j/n)",
/// or with the same status again "Allerede afholdt – markér igen? Den tidligere registrering
/// erstattes (j/n)".
pub fn remark_question(lang: Lang, old: Status, new: Status) -> String {
    if lang.da() {
        let was = match old {
            Status::CancelledByCitizen => "meldt afbud",
            s => s.name(true),
        };
        if old == new {
            format!("Allerede {was} – markér igen? Den tidligere registrering erstattes (j/n)")
        } else {
            format!("Allerede {was} – ændr til {}? (j/n)", new.name(true))
        }
    } else {
        let was = match old {
            Status::NoShow => "a no-show",
            s => s.name(false),
        };
        if old == new {
            format!("Already {was} – mark it again? The earlier record is replaced (y/n)")
        } else {
            format!("Already {was} – change to {}? (y/n)", new.name(false))
        }
    }
}

/// How near a conversation's deadline is: "frist i dag", "frist i morgen", "frist om 3 dage",
/// "overskredet" / "due today", "due tomorrow", "due in 3 days", "overdue".
pub fn due_in(lang: Lang, due: NaiveDate, today: NaiveDate) -> String {
    due_days(lang, (due - today).num_days())
}

/// A citizen's standing in words: "overskredet" only when the legal deadline has passed,
/// "bagud" when only the pace towards it has, else "frist i dag", "frist om 3 dage";
/// `None` when nothing is due within a week.
pub fn standing(lang: Lang, s: crate::domain::cadence::Standing) -> Option<String> {
    use crate::domain::cadence::Standing as S;
    match s {
        S::Overdue => Some(lang.w().overdue.to_string()),
        S::Behind => Some(lang.t("bagud", "behind").to_string()),
        S::DueSoon(d) => Some(due_days(lang, d)),
        S::Ok => None,
    }
}

fn due_days(lang: Lang, days: i64) -> String {
    match days {
        d if d < 0 => lang.w().overdue.to_string(),
        0 => lang.t("frist i dag", "due today").to_string(),
        1 => lang.t("frist i morgen", "due tomorrow").to_string(),
        d => {
            if lang.da() {
                format!("frist om {d} dage")
            } else {
                format!("due in {d} days")
            }
        }
    }
}

/// Today: a due citizen whose next planned conversation lies after the legal deadline.
pub fn planned_after_deadline(lang: Lang) -> &'static str {
    lang.t("⚠ planlagt efter fristen", "⚠ planned after the deadline")
}

/// Under plan warnings: a second Enter plans all the same.
pub fn plan_anyway(lang: Lang) -> &'static str {
    lang.t(
        "Enter igen planlægger alligevel",
        "Enter again plans all the same",
    )
}

/// A first conversation marked held or logged by phone or video (it must be held in person).
pub fn first_in_person_question(lang: Lang) -> &'static str {
    lang.t(
        "Første samtale skal holdes ved personligt fremmøde – tæller ikke med. Tæl den alligevel? (j/n)",
        "The first conversation must be held in person – it does not count. Count it all the same? (y/n)",
    )
}

/// After the answer: whether the first conversation counts.
pub fn first_counts(lang: Lang, counts: bool, citizen: &str) -> String {
    if counts {
        format!(
            "{} – {citizen}",
            lang.t("Tæller med alligevel", "Counts all the same")
        )
    } else {
        format!(
            "{} – {citizen}",
            lang.t(
                "Tæller ikke med (første samtale ikke ved fremmøde)",
                "Does not count (first conversation not in person)"
            )
        )
    }
}

/// The footer after `u`: "Fortrudt – afholdt: Jens Hansen" (never two colons in a row).
pub fn undone(lang: Lang, what: &str) -> String {
    format!("{} – {what}", lang.w().undone)
}

/// What deleting a log entry did, for the footer and the undo: "Kontakten 23.11 10.30 Jens
/// Hansen er slettet" / "Deleted the contact Mon 23 Nov 10:30 Jens Hansen".
pub fn contact_deleted(lang: Lang, which: &str) -> String {
    if lang.da() {
        format!("Kontakten {which} er slettet")
    } else {
        format!("Deleted the contact {which}")
    }
}

/// What correcting a log entry did: "Kontakten … er rettet" / "Corrected the contact …".
pub fn contact_corrected(lang: Lang, which: &str) -> String {
    if lang.da() {
        format!("Kontakten {which} er rettet")
    } else {
        format!("Corrected the contact {which}")
    }
}

/// An outcome as the desk says it: truffet / ikke truffet / lagt besked for the phone outcomes
/// (the stored keys stay `reached`, `not_reached`, `message_left`).
pub fn outcome(lang: Lang, o: Outcome) -> &'static str {
    match (o, lang.da()) {
        (Outcome::Reached, true) => "truffet",
        (Outcome::NotReached, true) => "ikke truffet",
        (Outcome::MessageLeft, true) => "lagt besked",
        (o, da) => o.short(da),
    }
}

/// Marking held an appointment that has not started yet.
pub fn future_held_question(lang: Lang, start: NaiveDateTime) -> String {
    let when = format!(
        "{} {}{}",
        lang.short_day(start.date()),
        lang.t("kl. ", ""),
        lang.time(start.time())
    );
    if lang.da() {
        format!("Aftalen er først {when} – markér den afholdt alligevel? (j/n)")
    } else {
        format!("The appointment is not until {when} – mark it held anyway? (y/n)")
    }
}

impl Lang {
    pub fn w(self) -> &'static Words {
        if self.da() { &DA } else { &EN }
    }

    /// A date as the screen shows it: 23.11.2026 / 2026-11-23.
    pub fn date(self, d: NaiveDate) -> String {
        dates::fmt_date(d, self.da())
    }

    /// A time as the screen shows it: 10.30 / 10:30.
    pub fn time(self, t: chrono::NaiveTime) -> String {
        dates::fmt_time(t, self.da())
    }

    /// "23.11" / "23 Nov": day and month only.
    pub fn day_month(self, d: NaiveDate) -> String {
        if self.da() {
            d.format("%d.%m").to_string()
        } else {
            d.format("%-d %b").to_string()
        }
    }

    /// "man 23.11" / "Mon 23 Nov": a short day for week views.
    pub fn short_day(self, d: NaiveDate) -> String {
        let wd = dates::weekday_short(d.weekday(), self.da());
        format!("{wd} {}", self.day_month(d))
    }

    /// A count with its noun, singular for one: `n(1, "samtale", "samtaler")` is "1 samtale",
    /// `n(3, …)` "3 samtaler" (the same rule in Danish and English).
    pub fn n(self, count: u64, one: &str, many: &str) -> String {
        format!("{count} {}", if count == 1 { one } else { many })
    }

    /// A count with the noun pair of a `Words` field: `self.nw(2, w.calls_n)` is "2 calls".
    pub fn nw(self, count: u64, noun: [&str; 2]) -> String {
        self.n(count, noun[0], noun[1])
    }
}

/// A birth year in the pick list ("f. 1985" / "b. 1985").
pub fn born(lang: Lang, year: i32) -> String {
    format!("{} {year}", lang.t("f.", "b."))
}

/// The undo step of an appointment changed without moving it.
pub fn appointment_changed(lang: Lang, start: NaiveDateTime, citizen: &str) -> String {
    let which = format!(
        "{} {} {} {citizen}",
        lang.short_day(start.date()),
        lang.time(start.time()),
        lang.t("med", "with"),
    );
    if lang.da() {
        format!("Aftalen {which} er ændret")
    } else {
        format!("Changed the appointment {which}")
    }
}

/// `E` on an appointment that is not planned: what happened stays as it was.
pub fn appointment_not_planned(lang: Lang, status: Status) -> String {
    format!(
        "{} {}: {}",
        lang.t("Aftalen er", "The appointment is"),
        status.name(lang.da()),
        lang.t(
            "kun en planlagt aftale kan rettes",
            "only a planned appointment can be edited"
        )
    )
}

/// The help's lines on what the filter (`/`) takes: terms and how names are found.
pub fn filter_terms(lang: Lang) -> &'static [(&'static str, &'static str)] {
    // At most 36 columns a description: the help is 60 wide.
    if lang.da() {
        &[
            ("ord", "navn, telefon, note, målgruppe"),
            ("gruppe:sygedagpenge", "kun den målgruppe"),
            ("overskredet", "kun dem over fristen"),
            ("mentor", "med mentor, og mentorbesøg"),
            ("kanal:telefon", "kun den kanal"),
            ("soeren, aase", "finder Søren, Åse (oe=ø, aa=å, ae=æ)"),
        ]
    } else {
        &[
            ("words", "name, phone, note, target group"),
            ("group:sickness", "that group (gruppe:sygedagpenge)"),
            ("overdue", "past the due date (overskredet)"),
            ("mentor", "with a mentor, and mentor visits"),
            ("channel:phone", "that channel (kanal:telefon)"),
            ("soeren, aase", "find Søren, Åse (oe=ø, aa=å, ae=æ)"),
        ]
    }
}

/// How often a series repeats, from its first date: "hver tirsdag" / "every Tuesday", "hver 2.
/// tirsdag" / "every other Tuesday", "hver måned den 2. tirsdag" / "every month on the 2nd
/// Tuesday" ("den sidste" / "the last" from the 5th week on, as the series keeps it).
pub fn series_how_often(
    lang: Lang,
    first: NaiveDate,
    frequency: crate::domain::recurrence::Frequency,
) -> String {
    use crate::domain::recurrence::{Frequency, week_of_month};
    let da = lang.da();
    let day = dates::weekday_name(first.weekday(), da);
    match (frequency, da) {
        (Frequency::Weekly, true) => format!("hver {day}"),
        (Frequency::Weekly, false) => format!("every {day}"),
        (Frequency::EveryOtherWeek, true) => format!("hver 2. {day}"),
        (Frequency::EveryOtherWeek, false) => format!("every other {day}"),
        (Frequency::MonthlyWeekday, _) => {
            let n = week_of_month(first);
            let nth = match (n, da) {
                (5.., true) => "sidste".to_string(),
                (5.., false) => "last".to_string(),
                (n, true) => format!("{n}."),
                (1, false) => "1st".to_string(),
                (2, false) => "2nd".to_string(),
                (3, false) => "3rd".to_string(),
                (n, false) => format!("{n}th"),
            };
            if da {
                format!("hver måned den {nth} {day}")
            } else {
                format!("every month on the {nth} {day}")
            }
        }
    }
}

/// A series' end: "til 31.03.2027" / "until 2027-03-31", "10 gange" / "10 times".
pub fn series_end(lang: Lang, end: crate::domain::recurrence::End) -> String {
    use crate::domain::recurrence::End;
    match end {
        End::Until(d) => format!("{} {}", lang.t("til", "until"), lang.date(d)),
        End::Count(n) => lang.n(
            u64::from(n),
            lang.t("gang", "time"),
            lang.t("gange", "times"),
        ),
    }
}

/// A series in one phrase: "hver tirsdag kl. 10.00, 10 gange" / "every Tuesday at 10:00, 10
/// times".
pub fn series_text(
    lang: Lang,
    first: NaiveDateTime,
    frequency: crate::domain::recurrence::Frequency,
    end: crate::domain::recurrence::End,
) -> String {
    format!(
        "{} {} {}, {}",
        series_how_often(lang, first.date(), frequency),
        lang.t("kl.", "at"),
        lang.time(first.time()),
        series_end(lang, end)
    )
}

/// A few dates, then "…": "24.12, 31.12, …" / "24 Dec, 31 Dec, …".
pub fn some_dates(lang: Lang, days: &[NaiveDate], shown: usize) -> String {
    let mut s: Vec<String> = days
        .iter()
        .take(shown)
        .map(|d| lang.day_month(*d))
        .collect();
    if days.len() > shown {
        s.push("…".to_string());
    }
    s.join(", ")
}

/// The days off a new series lands on: "3 datoer er fridage (24.12, 31.12, …)" / "3 dates are
/// days off (24 Dec, 31 Dec, …)".
pub fn series_days_off(lang: Lang, days: &[NaiveDate]) -> String {
    let n = days.len() as u64;
    let list = some_dates(lang, days, 3);
    if lang.da() {
        let verb = if n == 1 {
            "dato er en fridag"
        } else {
            "datoer er fridage"
        };
        format!("{n} {verb} ({list})")
    } else {
        let verb = if n == 1 {
            "date is a day off"
        } else {
            "dates are days off"
        };
        format!("{n} {verb} ({list})")
    }
}

/// `X`: "Afslut serien hver tirsdag kl. 10.00, til 30.03.2027? 18 planlagte aftaler fjernes;
/// afholdte og markerede bliver. (j/n)".
pub fn end_series_question(lang: Lang, series: &str, planned: usize) -> String {
    if lang.da() {
        let n = lang.n(
            planned as u64,
            "planlagt aftale fjernes",
            "planlagte aftaler fjernes",
        );
        format!("Afslut serien {series}? {n}; afholdte og markerede bliver. (j/n)")
    } else {
        let n = lang.n(
            planned as u64,
            "planned appointment goes",
            "planned appointments go",
        );
        format!("End the series {series}? {n}; held and marked ones stay. (y/n)")
    }
}

/// The undo step of ending a series.
pub fn series_ended(lang: Lang, citizen: &str, series: &str) -> String {
    if lang.da() {
        format!("Serien {series} for {citizen} er afsluttet")
    } else {
        format!("Ended the series {series} for {citizen}")
    }
}

/// The undo step of planning a series: "Planlagt: Jens Hansen hver tirsdag kl. 10.00, 10
/// gange (10 aftaler)".
pub fn series_planned(lang: Lang, citizen: &str, series: &str, appointments: usize) -> String {
    let n = lang.n(
        appointments as u64,
        lang.t("aftale", "appointment"),
        lang.t("aftaler", "appointments"),
    );
    format!("{}: {citizen} {series} ({n})", lang.w().planned)
}

/// The undo step of "this and all following": "Jens Hansen: denne og 11 følgende ændret" /
/// "Jens Hansen: this and 11 following changed".
pub fn following_changed(lang: Lang, citizen: &str, changed: usize, what: &str) -> String {
    let later = changed.saturating_sub(1);
    if lang.da() {
        format!("{citizen}: denne og {later} følgende {what}")
    } else {
        format!("{citizen}: this and {later} following {what}")
    }
}

/// `X` on an appointment that belongs to no series.
pub fn not_in_series(lang: Lang) -> &'static str {
    lang.t(
        "Aftalen hører ikke til en serie",
        "The appointment is not part of a series",
    )
}
