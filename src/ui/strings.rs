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
    pub panes: [&'static str; 5],
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
}

pub const DA: Words = Words {
    app: "jobdesk",
    panes: ["I dag", "Samtaler", "Mentorbesøg", "Kontaktlog", "Borgere"],
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
    panes: ["Today", "Calls", "Mentor visits", "Contact log", "Caseload"],
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
