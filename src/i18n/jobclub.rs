//! Words of the job club: `jobdesk jobclub …` (attendance, marks, exemptions) and the desk's
//! attendance list and exemption list.

use chrono::{NaiveDate, Weekday};

use super::Lang;
use crate::domain::Word;
use crate::domain::dates::{fmt_date, fmt_time};
use crate::domain::jobclub::{Exemption, Mark, Session};

/// A weekday's short name: "tir" / "Tue".
pub fn weekday_short(l: Lang, d: Weekday) -> &'static str {
    let da = ["man", "tir", "ons", "tor", "fre", "lør", "søn"];
    let en = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let i = d.num_days_from_monday() as usize;
    if l.da() { da[i] } else { en[i] }
}

/// A mark's word: "mødt", "fraværende", "fritaget" / "present", "absent", "exempt"; "–" for
/// none yet.
pub fn mark(l: Lang, m: Option<Mark>) -> &'static str {
    match m {
        Some(m) => m.name(l.da()),
        None => "–",
    }
}

/// "Jobklub mandag 23.11.2026 09.00–11.30, Lokale 2".
pub fn session_title(l: Lang, s: &Session) -> String {
    let place = if s.place.is_empty() {
        String::new()
    } else {
        format!(", {}", s.place)
    };
    format!(
        "{} {} {}–{}{place}",
        l.t("Jobklub", "Job club"),
        l.day_title(s.date),
        fmt_time(s.from, l.da()),
        fmt_time(s.to, l.da())
    )
}

/// When the club does not meet that day.
pub fn no_session(l: Lang, d: NaiveDate) -> String {
    format!(
        "{} {}: {}",
        l.t("Jobklubben mødes ikke", "The job club does not meet on"),
        l.day_title(d),
        l.t(
            "se dagene under [jobclub] i config-filen (`jobdesk config`)",
            "see the days under [jobclub] in the config file (`jobdesk config`)"
        )
    )
}

/// When nobody is expected.
pub fn nobody(l: Lang) -> &'static str {
    l.t(
        "Ingen borgere er tilmeldt jobklubben. Tilmeld med `jobdesk jobclub join ID`.",
        "No citizens are in the job club. Add one with `jobdesk jobclub join ID`.",
    )
}

/// The attendance table's header.
pub fn attendance_header(l: Lang) -> [&'static str; 4] {
    match l {
        Lang::Da => ["Id", "Borger", "Status", "Fritagelse"],
        Lang::En => ["Id", "Citizen", "Mark", "Exemption"],
    }
}

/// A count line below the list: "3 mødt · 1 fraværende · 1 fritaget · 2 mangler".
pub fn counts(l: Lang, present: usize, absent: usize, exempt: usize, open: usize) -> String {
    format!(
        "{present} {} · {absent} {} · {exempt} {} · {open} {}",
        Mark::Present.name(l.da()),
        Mark::Absent.name(l.da()),
        Mark::Exempt.name(l.da()),
        l.t("mangler", "not marked")
    )
}

/// An exemption in one line: "tir 09.00–14.00 · 01.11.2026–31.12.2026 · Kursus".
pub fn exemption_line(l: Lang, x: &Exemption) -> String {
    let days = if x.weekdays.is_empty() {
        l.t("alle dage", "every day").to_string()
    } else {
        x.weekdays
            .iter()
            .map(|d| weekday_short(l, *d))
            .collect::<Vec<_>>()
            .join(",")
    };
    let time = match x.time {
        Some((f, t)) => format!(" {}–{}", fmt_time(f, l.da()), fmt_time(t, l.da())),
        None => format!(" {}", l.t("hele dagen", "all day")),
    };
    format!(
        "{days}{time} · {}–{} · {}",
        fmt_date(x.from, l.da()),
        fmt_date(x.to, l.da()),
        if x.reason.is_empty() {
            "–"
        } else {
            &x.reason
        }
    )
}

/// The week list's title: "Fritagelser fra jobklub, uge 48 2026".
pub fn week_title(l: Lang, monday: NaiveDate) -> String {
    use chrono::Datelike;
    let w = monday.iso_week();
    format!(
        "{} {} {}",
        l.t(
            "Fritagelser fra jobklubben, uge",
            "Job-club exemptions, week"
        ),
        w.week(),
        w.year()
    )
}

pub fn no_exemptions(l: Lang) -> &'static str {
    l.t("Ingen fritagelser den uge.", "No exemptions that week.")
}

/// The exemption list's header.
pub fn exemption_header(l: Lang) -> [&'static str; 4] {
    match l {
        Lang::Da => ["Id", "Borger", "Borger-id", "Fritaget"],
        Lang::En => ["Id", "Citizen", "Citizen id", "Exempt"],
    }
}

/// After join / leave.
pub fn joined(l: Lang, name: &str, member: bool) -> String {
    if member {
        format!(
            "{name} {}",
            l.t("er tilmeldt jobklubben", "is in the job club")
        )
    } else {
        format!(
            "{name} {}",
            l.t("er meldt ud af jobklubben", "left the job club")
        )
    }
}

/// After a mark: "Jens Hansen: fraværende 23.11.2026 (logget som kontakt 41)".
pub fn marked(l: Lang, name: &str, m: Mark, d: NaiveDate, contact: Option<i64>) -> String {
    let logged = match contact {
        Some(id) => format!(" ({} {id})", l.t("logget som kontakt", "logged as contact")),
        None => String::new(),
    };
    format!("{name}: {} {}{logged}", m.name(l.da()), fmt_date(d, l.da()))
}

/// The note of an absence logged as a contact.
pub fn absence_note(l: Lang) -> &'static str {
    l.t(
        "Jobklub: fraværende uden fritagelse.",
        "Job club: absent without exemption.",
    )
}

/// `--log` given with a mark that is no absence.
pub fn log_only_absent(l: Lang) -> &'static str {
    l.t(
        "--log logger kun et fravær (absent) som kontakt",
        "--log logs only an absence (absent) as a contact",
    )
}

/// A bad `--days`.
pub fn bad_weekday(l: Lang, word: &str) -> String {
    format!(
        "--days: '{word}' {}",
        l.t(
            "er ikke en ugedag: skriv fx tir,tor eller man-fre",
            "is not a weekday: write e.g. tue,thu or mon-fri"
        )
    )
}

/// A bad `--time`.
pub fn bad_time_range(l: Lang, s: &str) -> String {
    format!(
        "--time: '{s}' {}",
        l.t(
            "er ikke et tidsrum: skriv fx 09.00-14.00",
            "is not a time of day from–to: write e.g. 09.00-14.00"
        )
    )
}

/// A bad `--week`.
pub fn bad_week(l: Lang, s: &str) -> String {
    format!(
        "--week: '{s}' {}",
        l.t(
            "er ikke en uge: skriv et ugenummer (48) eller en dag i ugen",
            "is not a week: write a week number (48) or a day in the week"
        )
    )
}

/// `jobclub exempt` without a subcommand misses a flag.
pub fn exempt_needs(l: Lang, flag: &str) -> String {
    format!(
        "{} {flag} ({})",
        l.t("en fritagelse skal have", "an exemption needs"),
        l.t(
            "--citizen, --from, --to og --reason",
            "--citizen, --from, --to and --reason"
        )
    )
}

/// After an exemption was added, changed or removed.
pub fn exemption_done(l: Lang, what: ExemptionDone, id: i64, line: &str) -> String {
    let verb = match what {
        ExemptionDone::Added => l.t("Fritagelse", "Exemption"),
        ExemptionDone::Changed => l.t("Rettet fritagelse", "Changed exemption"),
        ExemptionDone::Removed => l.t("Fjernet fritagelse", "Removed exemption"),
    };
    format!("{verb} {id}: {line}")
}

#[derive(Debug, Clone, Copy)]
pub enum ExemptionDone {
    Added,
    Changed,
    Removed,
}

/// "bedt om samtale 20.11.2026" on a citizen's line.
pub fn requested(l: Lang, d: NaiveDate) -> String {
    format!(
        "{} {}",
        l.t("bedt om samtale", "asked for a conversation"),
        fmt_date(d, l.da())
    )
}

/// After `citizen request` (`None`: cleared).
pub fn request_set(l: Lang, name: &str, d: Option<NaiveDate>) -> String {
    match d {
        Some(d) => format!("{name}: {}", requested(l, d)),
        None => format!(
            "{name}: {}",
            l.t(
                "ønsket om samtale er fjernet",
                "the request for a conversation was cleared"
            )
        ),
    }
}
