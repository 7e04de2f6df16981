//! Every word jobdesk shows, in Danish and English, in one place.

use crate::domain::dates;
use chrono::{Datelike, NaiveDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    Da,
    #[default]
    En,
}

impl Lang {
    /// Danish when LC_ALL, LC_MESSAGES or LANG (first one set) starts with `da`, else English.
    pub fn from_env() -> Lang {
        Self::from_vars(|k| std::env::var(k).ok())
    }

    pub fn from_vars(get: impl Fn(&str) -> Option<String>) -> Lang {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Some(v) = get(key).filter(|v| !v.is_empty()) {
                return if v.to_ascii_lowercase().starts_with("da") {
                    Lang::Da
                } else {
                    Lang::En
                };
            }
        }
        Lang::En
    }

    pub fn da(self) -> bool {
        self == Lang::Da
    }

    /// Picks the Danish or the English text.
    pub fn t(self, da: &'static str, en: &'static str) -> &'static str {
        if self.da() { da } else { en }
    }

    /// "mandag 23.11.2026" / "Monday 2026-11-23".
    pub fn day_title(self, d: NaiveDate) -> String {
        format!(
            "{} {}",
            dates::weekday_name(d.weekday(), self.da()),
            dates::fmt_date(d, self.da())
        )
    }

    /// "uge 48" / "week 48".
    pub fn week(self, d: NaiveDate) -> String {
        format!("{} {}", self.t("uge", "week"), d.iso_week().week())
    }
}

/// Every word on the desk's screen. `Lang::w()` gives the set for the language.
pub struct Words {
    pub app: &'static str,
    pub panes: [&'static str; 6],
    pub calls_n: &'static str,
    pub visits_n: &'static str,
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
    pub due_soon: &'static str,
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
    ],
    calls_n: "samtaler",
    visits_n: "besøg",
    overdue_n: "overskredet",
    due_heading: "Samtaler der forfalder inden 7 dage eller er overskredet",
    no_appointments_day: "Ingen aftaler denne dag.",
    no_conversations: "Ingen samtaler i perioden.",
    no_visits: "Ingen mentorbesøg i perioden.",
    no_contacts: "Ingen kontakter denne dag.",
    no_citizens: "Ingen borgere.",
    nothing_due: "Ingen samtaler forfalder de næste 7 dage.",
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
    col_last_contact: "Sidste kontakt",
    col_next_due: "Næste senest",
    col_date: "Dato",
    overdue: "overskredet",
    due_soon: "forfalder snart",
    day_view: "dag",
    week_view: "uge",
    filter: "Filter",
    filter_hint: "skriv for at filtrere · Enter beholder · Esc rydder",
    help_title: "Hjælp – taster",
    help_close: "Esc eller ? lukker",
    too_small: "Terminalen er for lille (mindst 80×24)",
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
    scope_global: "Overalt",
    scope_list: "Lister",
    scope_filter: "Mens du filtrerer",
    scope_card: "Borgerkort",
    scope_marking: "Aftaler (I dag, Samtaler, Mentorbesøg)",
    scope_log: "Kontaktlog",
    scope_text: "Når du skriver et notat",
    transferred_not: "ikke overført",
    note_title: "Notat (valgfrit) – Enter gemmer, tom Enter springer over, Tab: standardtekster",
    move_title: "Flyt til (fx 24.11 10.30, i morgen 9) – Enter flytter, Esc fortryder",
    log_title: "Log kontakt – vælg med tal, Esc fortryder",
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
    closure_start_title: "Start nedlukning: fra til [navn] – Enter starter, Esc fortryder",
    accept_title: "Takkede borgeren ja til en samtale? j/n (Esc: ikke spurgt)",
    confirm_convert: "fremmøder i perioden omlægges til telefon/gåtur. Fortsæt? j/n",
    scope_closure: "Nedlukning",
    planned: "Planlagt",
    quick_add_title: "Ny aftale – dag tid kanal navn varighed · Enter opretter, Esc fortryder",
    exported_to: "Dagens log gemt i",
    personal_data: "⚠ filen indeholder personoplysninger: del den kun sikkert, og slet den efter brug",
    no_cpr: "Borgeren har intet CPR-nummer i jobdesk",
    show: "viser",
    purge_due: "til sletning (jobdesk purge)",
    draft_recovered: "Kladde gendannet fra sidst: Enter gemmer, Esc kasserer",
    summary_saved: "Resumé gemt",
    summary_title: "Resumé – Ctrl+S gemmer, Esc fortryder",
    scope_editor: "Når du retter resuméet",
    log_options: [
        "Kontakt (telefon)",
        "Ikke fanget (telefon)",
        "Besked lagt",
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
    ],
    calls_n: "calls",
    visits_n: "visits",
    overdue_n: "overdue",
    due_heading: "Conversations due within 7 days or overdue",
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
    col_next_due: "Next due",
    col_date: "Date",
    overdue: "overdue",
    due_soon: "due soon",
    day_view: "day",
    week_view: "week",
    filter: "Filter",
    filter_hint: "type to filter · Enter keeps · Esc clears",
    help_title: "Help – keys",
    help_close: "Esc or ? closes",
    too_small: "Terminal too small (needs 80×24)",
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
    scope_global: "Everywhere",
    scope_list: "Lists",
    scope_filter: "While filtering",
    scope_card: "Citizen card",
    scope_marking: "Appointments (Today, Calls, Mentor visits)",
    scope_log: "Contact log",
    scope_text: "While typing a note",
    transferred_not: "not transferred",
    note_title: "Note (optional) – Enter saves, empty Enter skips, Tab: snippets",
    move_title: "Move to (e.g. 24.11 10:30, tomorrow 9) – Enter moves, Esc cancels",
    log_title: "Log a contact – pick a number, Esc cancels",
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
    closure_start_title: "Start a closure: from to [name] – Enter starts, Esc cancels",
    accept_title: "Did the citizen accept a conversation? y/n (Esc: not asked)",
    confirm_convert: "in-person appointments in the range become phone/walk. Go ahead? y/n",
    scope_closure: "Closure",
    planned: "Planned",
    quick_add_title: "New appointment – day time channel name length · Enter creates, Esc cancels",
    exported_to: "The day's log was saved to",
    personal_data: "⚠ the file holds personal data: share it only safely and delete it after use",
    no_cpr: "No CPR number is kept for this citizen",
    show: "shows",
    purge_due: "due for purge (jobdesk purge)",
    draft_recovered: "Draft recovered from last time: Enter saves, Esc discards",
    summary_saved: "Summary saved",
    summary_title: "Summary – Ctrl+S saves, Esc cancels",
    scope_editor: "While editing the summary",
    log_options: [
        "Reached (phone)",
        "Not reached (phone)",
        "Message left",
        "Conversation held (phone)",
        "Conversation held (in person)",
        "Conversation held (video)",
    ],
};

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

    /// "23.11" / "11-23": day and month only.
    pub fn day_month(self, d: NaiveDate) -> String {
        if self.da() {
            d.format("%d.%m").to_string()
        } else {
            d.format("%m-%d").to_string()
        }
    }

    /// "man 23.11" / "Mon 11-23": a short day for week views.
    pub fn short_day(self, d: NaiveDate) -> String {
        let wd = dates::weekday_short(d.weekday(), self.da());
        if self.da() {
            format!("{wd} {}", d.format("%d.%m"))
        } else {
            format!("{wd} {}", d.format("%m-%d"))
        }
    }
}

/// Words of the command line's plain tables.
pub mod cli {
    use super::Lang;

    pub fn agenda_header(l: Lang) -> [&'static str; 7] {
        if l.da() {
            ["id", "tid", "min", "borger", "art", "kanal", "status"]
        } else {
            ["id", "time", "min", "citizen", "kind", "channel", "status"]
        }
    }

    pub fn citizens_header(l: Lang) -> [&'static str; 4] {
        if l.da() {
            ["id", "navn", "målgruppe", "næste samtale senest"]
        } else {
            ["id", "name", "target group", "next due"]
        }
    }

    pub fn no_appointments(l: Lang) -> &'static str {
        l.t("ingen aftaler", "no appointments")
    }

    pub fn archived(l: Lang) -> &'static str {
        l.t("(afsluttet)", "(archived)")
    }
}

/// Words of closures (nedlukninger): the command line's output and the notes an attempt writes.
pub mod closure {
    use super::Lang;
    use crate::domain::closure::{CallBand, CallEntry, CallResult, Closure, Progress};
    use crate::domain::dates::{fmt_date, fmt_time};
    use crate::domain::text::sanitize_line;
    use crate::domain::{Channel, Kind, Word};
    use chrono::{NaiveDate, NaiveDateTime};

    fn date(l: Lang, d: NaiveDate) -> String {
        fmt_date(d, l.da())
    }

    pub fn datetime(l: Lang, t: NaiveDateTime) -> String {
        format!(
            "{} {}",
            fmt_date(t.date(), l.da()),
            fmt_time(t.time(), l.da())
        )
    }

    /// The name a closure gets without `--name`.
    pub fn default_name(l: Lang, from: NaiveDate) -> String {
        format!("{} {}", l.t("Nedlukning", "Closure"), date(l, from))
    }

    /// `Closure "X", 2026-11-23 to 2026-12-04, open` / `…, ended 2026-12-04`.
    pub fn title(l: Lang, c: &Closure) -> String {
        let state = match c.ended_at {
            None => l.t("åben", "open").to_string(),
            Some(t) => format!("{} {}", l.t("afsluttet", "ended"), date(l, t.date())),
        };
        format!(
            "{} \"{}\", {} {} {}, {}",
            l.t("Nedlukning", "Closure"),
            sanitize_line(&c.name),
            date(l, c.from),
            l.t("til", "to"),
            date(l, c.to),
            state
        )
    }

    pub fn started(l: Lang, c: &Closure) -> String {
        if l.da() {
            format!(
                "Nedlukningen \"{}\" er startet: {} til {} ({} dage).",
                sanitize_line(&c.name),
                date(l, c.from),
                date(l, c.to),
                c.days()
            )
        } else {
            format!(
                "Started the closure \"{}\": {} to {} ({} days).",
                sanitize_line(&c.name),
                date(l, c.from),
                date(l, c.to),
                c.days()
            )
        }
    }

    pub fn paused(l: Lang, counts_held: bool) -> &'static str {
        match (l.da(), counts_held) {
            (true, false) => {
                "Frister for samtaler er sat i bero i perioden; samtaler holdt i perioden tæller ikke med i minimumskravet."
            }
            (true, true) => {
                "Frister for samtaler er sat i bero i perioden; samtaler holdt i perioden tæller med i minimumskravet."
            }
            (false, false) => {
                "Conversation deadlines are paused for these days; conversations held in them do not count toward the minimum."
            }
            (false, true) => {
                "Conversation deadlines are paused for these days; conversations held in them count toward the minimum."
            }
        }
    }

    pub fn in_person_title(l: Lang, n: usize) -> String {
        format!(
            "{}: {n}",
            l.t(
                "Fremmødeaftaler i perioden",
                "In-person appointments in the range"
            )
        )
    }

    pub fn appointment_header(l: Lang) -> [&'static str; 6] {
        if l.da() {
            ["id", "tid", "borger", "art", "kanal", ""]
        } else {
            ["id", "time", "citizen", "kind", "channel", ""]
        }
    }

    pub fn kind(l: Lang, k: Kind) -> &'static str {
        k.name(l.da())
    }

    pub fn channel(l: Lang, c: Channel) -> &'static str {
        c.name(l.da())
    }

    pub fn converted(l: Lang, n: usize) -> String {
        if l.da() {
            format!("Omlagt {n}: samtaler til telefon, mentorbesøg til gåtur.")
        } else {
            format!("Converted {n}: conversations to phone, mentor visits to a walk.")
        }
    }

    pub fn how_to_convert(l: Lang) -> &'static str {
        l.t(
            "Ikke omlagt endnu. Omlæg dem alle (samtaler til telefon, mentorbesøg til gåtur):\n    jobdesk closure convert --all --yes\n  eller én ad gangen:\n    jobdesk closure convert --appointment ID --channel phone|video|walk",
            "Not converted yet. Convert them all (conversations to phone, mentor visits to a walk):\n    jobdesk closure convert --all --yes\n  or one at a time:\n    jobdesk closure convert --appointment ID --channel phone|video|walk",
        )
    }

    pub fn nothing_to_convert(l: Lang) -> &'static str {
        l.t(
            "Intet at omlægge: ingen planlagte fremmødeaftaler i perioden.",
            "Nothing to convert: no planned in-person appointments in the range.",
        )
    }

    pub fn confirm_convert(l: Lang, n: usize) -> String {
        if l.da() {
            format!(
                "Omlæg {n} fremmødeaftaler (samtaler til telefon, mentorbesøg til gåtur)? [j/N] "
            )
        } else {
            format!(
                "Convert {n} in-person appointments (conversations to phone, mentor visits to a walk)? [y/N] "
            )
        }
    }

    pub fn not_confirmed(l: Lang) -> &'static str {
        l.t("Intet omlagt.", "Nothing converted.")
    }

    pub fn call_list_built(l: Lang, n: usize, mentors: usize) -> String {
        if l.da() {
            format!(
                "Ringeliste: {n} borgere, de {mentors} mentorborgere først, derefter længst siden sidste kontakt.\nRegistrér et opkald: jobdesk closure call --citizen ID --result reached|no_answer|message_left|wrong_number"
            )
        } else {
            format!(
                "Call list: {n} citizens, the {mentors} mentor citizens first, then the longest since the last contact.\nRecord a call: jobdesk closure call --citizen ID --result reached|no_answer|message_left|wrong_number"
            )
        }
    }

    /// "reached 41 of 112 (36.6 %) · accepted a conversation 30 · attempts 87".
    pub fn progress(l: Lang, p: &Progress) -> String {
        let pct = p.reached_pct().fmt(l.da());
        if l.da() {
            format!(
                "fanget {} af {} ({pct} %) · takket ja til samtale {} · forsøg {}",
                p.reached, p.on_list, p.accepted, p.attempts
            )
        } else {
            format!(
                "reached {} of {} ({pct} %) · accepted a conversation {} · attempts {}",
                p.reached, p.on_list, p.accepted, p.attempts
            )
        }
    }

    pub fn bands(l: Lang, p: &Progress) -> String {
        if l.da() {
            format!(
                "genopkald i dag {} · ikke ringet op endnu {} · genopkald senere {} · forkert nummer {}",
                p.due_retries, p.not_called, p.later_retries, p.wrong_number
            )
        } else {
            format!(
                "retries today {} · not called yet {} · retries later {} · wrong number {}",
                p.due_retries, p.not_called, p.later_retries, p.wrong_number
            )
        }
    }

    pub fn still_to_convert(l: Lang, n: usize) -> String {
        if l.da() {
            format!("Fremmødeaftaler der endnu ikke er omlagt: {n} (jobdesk closure convert --all)")
        } else {
            format!("In-person appointments not converted yet: {n} (jobdesk closure convert --all)")
        }
    }

    pub fn retries_today(l: Lang) -> &'static str {
        l.t("Dagens genopkald:", "Today's retries:")
    }

    pub fn no_retries_today(l: Lang) -> &'static str {
        l.t("Ingen genopkald i dag.", "No retries today.")
    }

    pub fn list_header(l: Lang) -> [&'static str; 8] {
        if l.da() {
            [
                "nr",
                "id",
                "navn",
                "målgruppe",
                "telefon",
                "forsøg",
                "status",
                "næste forsøg",
            ]
        } else {
            [
                "no",
                "id",
                "name",
                "target group",
                "phone",
                "tries",
                "status",
                "next try",
            ]
        }
    }

    pub fn band(l: Lang, b: CallBand) -> &'static str {
        match b {
            CallBand::DueRetry => l.t("genopkald i dag", "retry today"),
            CallBand::NotCalled => l.t("ikke ringet op", "not called"),
            CallBand::LaterRetry => l.t("genopkald senere", "retry later"),
            CallBand::WrongNumber => l.t("forkert nummer", "wrong number"),
            CallBand::Reached => l.t("fanget", "reached"),
        }
    }

    pub fn accepted(l: Lang, accepted: Option<bool>) -> &'static str {
        match accepted {
            Some(true) => l.t("takker ja til samtale", "accepted a conversation"),
            Some(false) => l.t("takker nej til samtale", "declined a conversation"),
            None => "",
        }
    }

    /// The status column of an entry: its band, and for a reached citizen the answer.
    pub fn entry_status(l: Lang, e: &CallEntry, today: NaiveDate) -> String {
        let b = e.band(today);
        match (b, e.accepted) {
            (CallBand::Reached, Some(_)) => format!("{}, {}", band(l, b), accepted(l, e.accepted)),
            _ => band(l, b).to_string(),
        }
    }

    pub fn result(l: Lang, r: CallResult) -> &'static str {
        r.name(l.da())
    }

    /// The note an attempt writes in the log, so the case system learns what the outcome alone
    /// cannot say (wrong number, the answer to the offer): "Ring-rundt (X): fanget, takker ja til
    /// samtale. <the user's note>".
    pub fn attempt_note(
        l: Lang,
        closure: &str,
        r: CallResult,
        accepted_answer: Option<bool>,
        note: &str,
    ) -> String {
        let mut s = format!(
            "{} ({closure}): {}",
            l.t("Ring-rundt", "Call-round"),
            result(l, r)
        );
        if accepted_answer.is_some() {
            s.push_str(", ");
            s.push_str(accepted(l, accepted_answer));
        }
        let note = note.trim();
        if !note.is_empty() {
            s.push_str(". ");
            s.push_str(note);
        }
        s
    }

    /// "Anna Jensen (id 3): no answer, attempt 2. Logged as contact 17. Next try Tuesday 2026-11-24."
    pub fn call_recorded(l: Lang, e: &CallEntry, contact_id: i64) -> String {
        let r = e.last_result.map(|r| result(l, r)).unwrap_or("");
        let mut s = format!("{} (id {}): {r}", sanitize_line(&e.name), e.citizen_id);
        if e.last_result == Some(CallResult::Reached) && e.accepted.is_some() {
            s.push_str(", ");
            s.push_str(accepted(l, e.accepted));
        }
        if l.da() {
            s.push_str(&format!(
                ", forsøg {}. Logget som kontakt {contact_id}.",
                e.attempts
            ));
        } else {
            s.push_str(&format!(
                ", attempt {}. Logged as contact {contact_id}.",
                e.attempts
            ));
        }
        if let Some(d) = e.next_try {
            s.push_str(&format!(
                " {} {}.",
                l.t("Næste forsøg", "Next try"),
                l.day_title(d)
            ));
        }
        s
    }

    pub fn plan_hint(l: Lang, citizen_id: i64) -> String {
        format!(
            "{}: jobdesk plan --citizen {citizen_id} --at DATETIME --channel phone",
            l.t("Planlæg samtalen", "Plan the conversation")
        )
    }

    pub fn ended(l: Lang, c: &Closure) -> String {
        if l.da() {
            format!(
                "Nedlukningen \"{}\" er afsluttet; frister var sat i bero fra {} til {}.",
                sanitize_line(&c.name),
                date(l, c.from),
                date(l, c.to)
            )
        } else {
            format!(
                "Ended the closure \"{}\"; deadlines were paused from {} to {}.",
                sanitize_line(&c.name),
                date(l, c.from),
                date(l, c.to)
            )
        }
    }

    pub fn no_closures(l: Lang) -> &'static str {
        l.t(
            "Ingen nedlukninger endnu: start en med jobdesk closure start --from DATO --to DATO",
            "No closures yet: start one with jobdesk closure start --from DATE --to DATE",
        )
    }

    pub fn report_header(l: Lang) -> [&'static str; 7] {
        if l.da() {
            [
                "målgruppe",
                "borgere",
                "fanget",
                "%",
                "ja tak",
                "%",
                "forsøg pr. fanget",
            ]
        } else {
            [
                "target group",
                "citizens",
                "reached",
                "%",
                "accepted",
                "%",
                "attempts per reached",
            ]
        }
    }

    pub fn all_groups(l: Lang) -> &'static str {
        l.t("Alle", "All")
    }

    pub fn report_footnote(l: Lang) -> &'static str {
        l.t(
            "Ja tak: takket ja til en samtale, i % af de fangede. Forsøg pr. fanget: alle opkald i gruppen delt med antal fangede (0,0 når ingen er fanget).",
            "Accepted: accepted the offer of a conversation, in % of those reached. Attempts per reached: every call in the group divided by the citizens reached (0.0 when nobody was reached).",
        )
    }
}

/// Words of the exports (`jobdesk export …` and the app's `x`).
pub mod export {
    use super::Lang;

    /// The CSV header: date, time, citizen, target group, kind, channel, outcome, minutes, note.
    pub fn csv_header(l: Lang) -> [&'static str; 9] {
        if l.da() {
            [
                "dato",
                "tid",
                "borger",
                "målgruppe",
                "art",
                "kanal",
                "udfald",
                "minutter",
                "notat",
            ]
        } else {
            [
                "date",
                "time",
                "citizen",
                "target_group",
                "kind",
                "channel",
                "outcome",
                "minutes",
                "note",
            ]
        }
    }

    /// The CSV column added by `--with-cpr`, after the citizen's name.
    pub fn csv_cpr(l: Lang) -> &'static str {
        l.t("cpr-nummer", "cpr")
    }

    /// The middle of the file name of a day's log: `jobdesk-kontaktlog-2026-11-23.csv`.
    pub fn log_file_stem(l: Lang) -> &'static str {
        l.t("kontaktlog", "contact-log")
    }

    /// Said on stderr when a CSV export holds no contacts.
    pub fn no_contacts(l: Lang, range: &str) -> String {
        if l.da() {
            format!("ingen kontakter i loggen ({range}): filen har kun overskriftslinjen")
        } else {
            format!("no contacts in the log ({range}): the file holds the header line alone")
        }
    }

    /// Said on stderr when an iCalendar export holds no appointments.
    pub fn no_appointments(l: Lang, range: &str) -> String {
        if l.da() {
            format!("ingen aftaler ({range}): kalenderen er tom")
        } else {
            format!("no appointments ({range}): the calendar is empty")
        }
    }

    pub fn wrote_contacts(l: Lang, n: u64, path: &str) -> String {
        if l.da() {
            format!("{n} kontakter skrevet til {path}")
        } else {
            format!("{n} contacts written to {path}")
        }
    }

    pub fn wrote_appointments(l: Lang, n: u64, path: &str) -> String {
        if l.da() {
            format!("{n} aftaler skrevet til {path}")
        } else {
            format!("{n} appointments written to {path}")
        }
    }

    pub fn wrote_everything(l: Lang, c: u64, a: u64, k: u64, path: &str) -> String {
        if l.da() {
            format!("{c} borgere, {a} aftaler og {k} kontakter skrevet til {path}")
        } else {
            format!("{c} citizens, {a} appointments and {k} contacts written to {path}")
        }
    }

    pub fn imported_everything(l: Lang, c: u64, a: u64, k: u64, path: &str) -> String {
        if l.da() {
            format!("{c} borgere, {a} aftaler og {k} kontakter indlæst i {path}")
        } else {
            format!("imported {c} citizens, {a} appointments and {k} contacts into {path}")
        }
    }

    /// After `import json`: the export's settings became the settings file.
    pub fn config_restored(l: Lang, path: &str) -> String {
        if l.da() {
            format!("indstillingerne (tekstbidder, regler) fra eksporten er skrevet til {path}")
        } else {
            format!("the settings (snippets, rules) from the export were written to {path}")
        }
    }

    /// After `import json`: the settings file there already matches the export's.
    pub fn config_same(l: Lang, path: &str) -> String {
        if l.da() {
            format!("indstillingerne i {path} er de samme som i eksporten")
        } else {
            format!("the settings in {path} are the same as in the export")
        }
    }

    /// After `import json`: a different settings file was there and is kept.
    pub fn config_kept(l: Lang, path: &str) -> String {
        if l.da() {
            format!(
                "dine indstillinger i {path} er beholdt; eksportens er anderledes (de står under \"config\" i filen)"
            )
        } else {
            format!(
                "kept your settings in {path}; the export's differ (they are under \"config\" in the file)"
            )
        }
    }

    pub fn config_not_restored(l: Lang, path: &str, why: &str) -> String {
        if l.da() {
            format!("indstillingerne blev ikke skrevet til {path}: {why}")
        } else {
            format!("the settings were not written to {path}: {why}")
        }
    }

    /// The warning under every export written to a file.
    pub fn personal_data(l: Lang) -> &'static str {
        l.t(
            "Filen indeholder personoplysninger: opbevar den sikkert, og slet den, når den er brugt.",
            "The file holds personal data: keep it safe, and delete it once it has been used.",
        )
    }

    /// The header of `jobdesk export history`.
    pub fn history_header(l: Lang) -> [&'static str; 6] {
        if l.da() {
            ["tidspunkt", "art", "periode", "rækker", "cpr", "fil"]
        } else {
            ["time", "kind", "range", "rows", "cpr", "file"]
        }
    }

    pub fn no_exports(l: Lang) -> &'static str {
        l.t("ingen eksporter endnu", "no exports yet")
    }

    pub fn yes_no(l: Lang, yes: bool) -> &'static str {
        match (l.da(), yes) {
            (true, true) => "ja",
            (true, false) => "nej",
            (false, true) => "yes",
            (false, false) => "no",
        }
    }
}

/// Words of personal data and data safety: passphrases, erasure, purge, audit, backup, check.
pub mod safety {
    use super::Lang;
    use crate::domain::dates::fmt_date;
    use crate::store::{Action, BackupDone, Erased, PurgePlan};

    pub fn prompt_passphrase(l: Lang, path: &str) -> String {
        format!("{} {path}: ", l.t("Adgangsfrase til", "Passphrase for"))
    }

    pub fn prompt_new(l: Lang) -> &'static str {
        l.t(
            "Ny adgangsfrase (mindst 8 tegn): ",
            "New passphrase (at least 8 characters): ",
        )
    }

    pub fn prompt_again(l: Lang) -> &'static str {
        l.t("Skriv den igen: ", "Type it again: ")
    }

    pub fn keep_safe(l: Lang) -> &'static str {
        l.t(
            "Gem adgangsfrasen et sikkert sted: uden den kan ingen læse databasen, heller ikke jobdesk.",
            "Keep the passphrase safe: without it nobody can read the database, jobdesk included.",
        )
    }

    pub fn created(l: Lang, path: &str, encrypted: bool) -> String {
        match (l.da(), encrypted) {
            (true, true) => format!("Oprettede en krypteret database: {path}"),
            (true, false) => format!(
                "Oprettede en database: {path} (ikke krypteret; `jobdesk encrypt` krypterer den)"
            ),
            (false, true) => format!("Created an encrypted database: {path}"),
            (false, false) => {
                format!("Created a database: {path} (not encrypted; `jobdesk encrypt` encrypts it)")
            }
        }
    }

    pub fn encrypted_done(l: Lang, path: &str, rows: u64, tables: usize) -> String {
        if l.da() {
            format!(
                "Krypterede {path}: {rows} rækker i {tables} tabeller, kontrolleret. Den ukrypterede fil er væk."
            )
        } else {
            format!(
                "Encrypted {path}: {rows} rows in {tables} tables, checked. The plain file is gone."
            )
        }
    }

    pub fn rekeyed(l: Lang, path: &str, rows: u64) -> String {
        if l.da() {
            format!("Ny adgangsfrase til {path}: {rows} rækker genkrypteret og kontrolleret.")
        } else {
            format!("New passphrase for {path}: {rows} rows encrypted anew and checked.")
        }
    }

    pub fn erase_question(l: Lang, name: &str, e: &Erased) -> String {
        if l.da() {
            format!(
                "Slet borger {} ({name}) og alt om borgeren for altid: {} aftaler, {} kontakter (notater og feedback), {} kladder, {} pladser på ringelister, {} fritagelser fra jobklub.\nDet kan ikke fortrydes. Filer, der er eksporteret tidligere, røres ikke.",
                e.citizen_id, e.appointments, e.contacts, e.drafts, e.closure_calls, e.exemptions
            )
        } else {
            format!(
                "Erase citizen {} ({name}) and everything about them, for good: {} appointments, {} contacts (notes and feedback), {} drafts, {} call-list entries, {} job-club exemptions.\nThis cannot be undone. Files exported earlier are not touched.",
                e.citizen_id, e.appointments, e.contacts, e.drafts, e.closure_calls, e.exemptions
            )
        }
    }

    pub fn erase_confirm(l: Lang) -> &'static str {
        l.t("Skriv ja for at slette: ", "Type yes to erase: ")
    }

    /// Whether a typed answer confirms.
    pub fn is_yes(answer: &str) -> bool {
        matches!(
            answer.trim().to_lowercase().as_str(),
            "yes" | "ja" | "y" | "j"
        )
    }

    pub fn not_erased(l: Lang) -> &'static str {
        l.t("Intet blev slettet.", "Nothing was erased.")
    }

    pub fn erased(l: Lang, e: &Erased) -> String {
        if l.da() {
            format!(
                "Borger {} er slettet: {} rækker i alt. Revisionsloggen gemmer kun, at borger {} blev slettet.",
                e.citizen_id,
                e.rows(),
                e.citizen_id
            )
        } else {
            format!(
                "Citizen {} is erased: {} rows in all. The audit log keeps only that citizen {} was erased.",
                e.citizen_id,
                e.rows(),
                e.citizen_id
            )
        }
    }

    pub fn not_scrubbed(l: Lang) -> &'static str {
        l.t(
            "Advarsel: et andet program har databasen åben, så gamle kopier af det slettede ligger i databasens -wal-fil, til det lukker den.",
            "Warning: another program has the database open, so old copies of what was removed stay in the database's -wal file until it closes it.",
        )
    }

    pub fn purge_summary(l: Lang, p: &PurgePlan, dry_run: bool) -> String {
        let cutoff = fmt_date(p.cutoff, l.da());
        let citizens = p.citizens.len();
        match (l.da(), p.is_empty(), dry_run) {
            (true, true, _) => format!(
                "Intet er ældre end opbevaringsperioden ({} dage efter sidste kontakt, dvs. før {cutoff}).",
                p.retention_days
            ),
            (false, true, _) => format!(
                "Nothing is past the retention period ({} days after the last contact, that is before {cutoff}).",
                p.retention_days
            ),
            (true, false, d) => format!(
                "{} {} overførte kontakter hos {citizens} borgere og {} afsluttede borgere helt (sidste kontakt før {cutoff}; {} dage):",
                if d { "Ville slette" } else { "Slettede" },
                p.contacts(),
                p.whole_citizens(),
                p.retention_days
            ),
            (false, false, d) => format!(
                "{} {} transferred contacts of {citizens} citizens and {} archived citizens entirely (last contact before {cutoff}; {} days):",
                if d { "Would remove" } else { "Removed" },
                p.contacts(),
                p.whole_citizens(),
                p.retention_days
            ),
        }
    }

    pub fn purge_line(
        l: Lang,
        id: i64,
        name: &str,
        last: &str,
        contacts: u64,
        whole: bool,
    ) -> String {
        let whole = match (whole, l.da()) {
            (false, _) => "",
            (true, true) => "  (hele borgeren)",
            (true, false) => "  (the whole citizen)",
        };
        if l.da() {
            format!("{id:>7}  {name}  sidste kontakt {last}  {contacts} kontakter{whole}")
        } else {
            format!("{id:>7}  {name}  last contact {last}  {contacts} contacts{whole}")
        }
    }

    pub fn purge_hint(l: Lang) -> &'static str {
        l.t(
            "Kør `jobdesk purge` for at slette dem. Kontakter, der ikke er overført til sagssystemet, slettes aldrig.",
            "Run `jobdesk purge` to remove them. Contacts not yet transferred to the case system are never purged.",
        )
    }

    pub fn audit_header(l: Lang) -> [&'static str; 7] {
        if l.da() {
            [
                "tid", "bruger", "handling", "borger", "periode", "rækker", "detaljer",
            ]
        } else {
            [
                "time", "user", "action", "citizen", "range", "rows", "detail",
            ]
        }
    }

    pub fn action(l: Lang, a: Action) -> &'static str {
        match a {
            Action::Export => l.t("eksport", "export"),
            Action::Backup => l.t("backup", "backup"),
            Action::Import => l.t("import", "import"),
            Action::RevealCpr => l.t("vis CPR", "reveal CPR"),
            Action::Erase => l.t("sletning", "erasure"),
            Action::Purge => l.t("oprydning", "purge"),
        }
    }

    pub fn no_audit(l: Lang) -> &'static str {
        l.t(
            "Revisionsloggen er tom (den gemmer 6 måneder).",
            "The audit log is empty (it keeps 6 months).",
        )
    }

    pub fn backup_done(l: Lang, b: &BackupDone, db: &str) -> String {
        let kb = b.bytes.div_ceil(1024);
        let (enc_da, enc_en) = if b.encrypted {
            (
                "krypteret med samme adgangsfrase",
                "encrypted with the same passphrase",
            )
        } else {
            ("ikke krypteret", "not encrypted")
        };
        if l.da() {
            format!(
                "Backup skrevet: {} ({kb} KB, {enc_da}; {} borgere, {} kontakter).\nGendan: luk jobdesk og kopier filen over {db}, eller åbn den med --db.",
                b.path.display(),
                b.citizens,
                b.contacts
            )
        } else {
            format!(
                "Backup written: {} ({kb} KB, {enc_en}; {} citizens, {} contacts).\nRestore: close jobdesk and copy the file over {db}, or open it with --db.",
                b.path.display(),
                b.citizens,
                b.contacts
            )
        }
    }

    pub fn check_ok(l: Lang, path: &str, encrypted: bool) -> String {
        let enc = match (encrypted, l.da()) {
            (true, true) => "krypteret",
            (false, true) => "ikke krypteret",
            (true, false) => "encrypted",
            (false, false) => "not encrypted",
        };
        if l.da() {
            format!(
                "ok: {path} ({enc}) består SQLites integritetstjek og tjekket af forbindelserne mellem tabellerne."
            )
        } else {
            format!(
                "ok: {path} ({enc}) passes SQLite's integrity check and the check of the links between tables."
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_from_environment() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_vars(env(&[("LANG", "da_DK.UTF-8")])), Lang::Da);
        assert_eq!(Lang::from_vars(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
        assert_eq!(
            Lang::from_vars(env(&[("LC_ALL", "da_DK"), ("LANG", "en_US")])),
            Lang::Da
        );
        assert_eq!(
            Lang::from_vars(env(&[("LC_MESSAGES", "C"), ("LANG", "da_DK")])),
            Lang::En
        );
        assert_eq!(Lang::from_vars(env(&[])), Lang::En);
    }
}
