//! The desk's words of the citizen's voice and the job club: the rating after a held
//! conversation, the satisfaction view, the "asked for a conversation" mark, the job club's
//! attendance and exemptions.

use super::Lang;
use crate::domain::text::sanitize_line;

/// The prompt after a held conversation's note: "Hvordan oplevede Anna Holm samtalen?".
pub fn offer_title(l: Lang, citizen: &str) -> String {
    let name = sanitize_line(citizen);
    if l.da() {
        format!("Hvordan oplevede {name} samtalen?")
    } else {
        format!("How did {name} find the conversation?")
    }
}

/// The prompt's keys, written out in the box (the footer shows the message of the mark).
pub fn offer_keys(l: Lang) -> &'static str {
    l.t(
        "1–5 bedømmelse (5 bedst) · Enter springer over",
        "1–5 rating (5 best) · Enter skips",
    )
}

/// The keys of `f`'s rating step.
pub fn edit_keys(l: Lang, has: bool) -> &'static str {
    match has {
        true => l.t(
            "1–5 bedømmelse · Del fjerner den · Esc tilbage",
            "1–5 rating · Del removes it · Esc back",
        ),
        false => l.t("1–5 bedømmelse · Esc tilbage", "1–5 rating · Esc back"),
    }
}

/// The feedback box's title: "Anna Holm · tilfredshed".
pub fn feedback_title(l: Lang, citizen: &str) -> String {
    format!(
        "{} · {}",
        sanitize_line(citizen),
        l.t("tilfredshed", "satisfaction")
    )
}

/// The rating chosen, in the wish box's title: "4 af 5 · ønske (valgfrit)".
pub fn wish_label(l: Lang, score: u8) -> String {
    format!(
        "{score} {} · {}",
        l.t("af 5", "of 5"),
        l.t("ønske (valgfrit)", "wish (optional)")
    )
}

/// The line of the score step when `f` changes feedback given before.
pub fn score_now(l: Lang, had: Option<(u8, String)>) -> String {
    match had {
        Some((s, w)) if w.is_empty() => format!("{} {s}", l.t("Nu:", "Now:")),
        Some((s, w)) => format!("{} {s} · {}", l.t("Nu:", "Now:"), sanitize_line(&w)),
        None => l.t("Ingen bedømmelse endnu.", "No rating yet.").to_string(),
    }
}

/// The undo step's words: "tilfredshed 4: Anna Holm" / "tilfredshed fjernet: Anna Holm".
pub fn feedback_saved(l: Lang, score: Option<u8>, citizen: &str) -> String {
    match score {
        Some(s) => format!("{} {s}: {citizen}", l.t("tilfredshed", "satisfaction")),
        None => format!(
            "{}: {citizen}",
            l.t("tilfredshed fjernet", "satisfaction removed")
        ),
    }
}

/// The help's heading of the rating prompt's keys.
pub fn scope_offer(l: Lang) -> &'static str {
    l.t(
        "Efter noten til en afholdt samtale",
        "After a held conversation's note",
    )
}

/// The help's heading of the feedback box's keys.
pub fn scope_feedback(l: Lang) -> &'static str {
    l.t(
        "Tilfredshed (f i kontaktloggen)",
        "Satisfaction (f in the contact log)",
    )
}

/// Under the note's line: the prompts of the conversation's type and that Tab offers them.
pub fn note_prompts(l: Lang, prompts: &[String]) -> String {
    format!(
        "{} {} ({})",
        l.t("Noten:", "The note:"),
        prompts.join(" "),
        l.t("Tab udfylder", "Tab fills in")
    )
}

/// The satisfaction view's title.
pub fn satisfaction_title(l: Lang) -> &'static str {
    l.t(
        "Tilfredshed · de seneste 12 måneder",
        "Satisfaction · the last 12 months",
    )
}

/// The satisfaction view's keys, at its bottom.
pub fn satisfaction_close(l: Lang) -> &'static str {
    l.t("↑/↓ rul · Esc luk", "↑/↓ scroll · Esc close")
}

pub fn col_month(l: Lang) -> &'static str {
    l.t("Måned", "Month")
}

pub fn col_group(l: Lang) -> &'static str {
    l.t("Målgruppe", "Target group")
}

pub fn col_answers(l: Lang) -> &'static str {
    l.t("Svar", "Answers")
}

pub fn col_mean(l: Lang) -> &'static str {
    l.t("Snit", "Mean")
}

/// The month's row of all target groups.
pub fn all_groups(l: Lang) -> &'static str {
    l.t("I alt", "All")
}

/// No ratings given in the period.
pub fn no_answers(l: Lang) -> &'static str {
    l.t(
        "Ingen bedømmelser endnu (1–5 efter en afholdt samtale, f i kontaktloggen).",
        "No ratings yet (1–5 after a held conversation, f in the contact log).",
    )
}

/// A month short: "nov 2026".
pub fn month(l: Lang, d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let name: String = super::mentor::month_name(l, d).chars().take(3).collect();
    format!("{name} {}", d.year())
}

/// The help's heading of the satisfaction view's keys.
pub fn scope_satisfaction(l: Lang) -> &'static str {
    l.t(
        "Tilfredshed over tid (F i kontaktloggen)",
        "Satisfaction over time (F in the contact log)",
    )
}

/// The undo step of `s` on the card: "ønsker samtale 23.11: Anna Holm" / "ønsker samtale
/// fjernet: Anna Holm".
pub fn requested_set(l: Lang, date: Option<chrono::NaiveDate>, citizen: &str) -> String {
    match date {
        Some(d) => format!(
            "{} {}: {}",
            l.t("ønsker samtale", "asked for a conversation"),
            l.day_month(d),
            sanitize_line(citizen)
        ),
        None => format!(
            "{}: {}",
            l.t("ønsker samtale fjernet", "request cleared"),
            sanitize_line(citizen)
        ),
    }
}

/// In Today's due list (the mark » beside the name): "ønsket 20.11" / "asked 20 Nov".
pub fn requested_label(l: Lang, d: chrono::NaiveDate) -> String {
    format!("{} {}", l.t("ønsket", "asked"), l.day_month(d))
}

// --- The job club --------------------------------------------------------------------------

/// "Jobklub · tirsdag 24.11.2026 · 09.00–11.30 · Lokale 2" (or "ingen jobklub denne dag").
pub fn session_title(
    l: Lang,
    date: chrono::NaiveDate,
    s: Option<&crate::domain::jobclub::Session>,
) -> String {
    let day = l.day_title(date);
    match s {
        Some(s) if s.place.is_empty() => format!(
            "{} · {day} · {}–{}",
            l.t("Jobklub", "Job club"),
            l.time(s.from),
            l.time(s.to)
        ),
        Some(s) => format!(
            "{} · {day} · {}–{} · {}",
            l.t("Jobklub", "Job club"),
            l.time(s.from),
            l.time(s.to),
            sanitize_line(&s.place)
        ),
        None => format!("{} · {day}", l.t("Jobklub", "Job club")),
    }
}

/// "Jobklub · fritagelser uge 48".
pub fn week_title(l: Lang, date: chrono::NaiveDate) -> String {
    format!(
        "{} · {} {}",
        l.t("Jobklub", "Job club"),
        l.t("fritagelser", "exemptions"),
        l.week(date)
    )
}

pub fn col_citizen(l: Lang) -> &'static str {
    l.t("Borger", "Citizen")
}

pub fn col_attendance(l: Lang) -> &'static str {
    l.t("Fremmøde", "Attendance")
}

pub fn col_exemption(l: Lang) -> &'static str {
    l.t("Fritaget (hvorfor)", "Exempt (why)")
}

pub fn col_period(l: Lang) -> &'static str {
    l.t("Periode", "Period")
}

pub fn no_session(l: Lang) -> &'static str {
    l.t(
        "Jobklubben mødes ikke denne dag (←/→ skifter dag).",
        "The job club does not meet this day (←/→ change day).",
    )
}

pub fn nobody_expected(l: Lang) -> &'static str {
    l.t(
        "Ingen borgere er tilmeldt jobklubben (jobdesk jobclub join).",
        "No citizens are expected at the job club (jobdesk jobclub join).",
    )
}

pub fn no_exemptions(l: Lang) -> &'static str {
    l.t("Ingen fritagelser denne uge.", "No exemptions this week.")
}

/// A mark: "mødt", "udeblevet", "fritaget".
pub fn mark(l: Lang, m: crate::domain::jobclub::Mark) -> &'static str {
    use crate::domain::jobclub::Mark;
    match m {
        Mark::Present => l.t("mødt", "present"),
        Mark::Absent => l.t("udeblevet", "absent"),
        Mark::Exempt => l.t("fritaget", "exempt"),
    }
}

/// "5 forventet · 3 mødt · 1 udeblevet · 1 fritaget".
pub fn attendance_counts(
    l: Lang,
    n: usize,
    present: usize,
    absent: usize,
    exempt: usize,
) -> String {
    use crate::domain::jobclub::Mark;
    format!(
        "  {n} {} · {present} {} · {absent} {} · {exempt} {}",
        l.t("forventet", "expected"),
        mark(l, Mark::Present),
        mark(l, Mark::Absent),
        mark(l, Mark::Exempt)
    )
}

const DAYS_DA: [&str; 7] = ["man", "tir", "ons", "tor", "fre", "lør", "søn"];
const DAYS_EN: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// Weekdays short: "tir,tor" / "tue,thu"; empty for every day.
pub fn weekdays(l: Lang, days: &[chrono::Weekday]) -> String {
    let names = if l.da() { DAYS_DA } else { DAYS_EN };
    days.iter()
        .map(|d| names[d.num_days_from_monday() as usize % 7])
        .collect::<Vec<_>>()
        .join(",")
}

/// The exemption form's field names.
pub fn field_names(l: Lang) -> [&'static str; 5] {
    if l.da() {
        ["Fra", "Til", "Tid", "Ugedage", "Grund"]
    } else {
        ["From", "To", "Time", "Weekdays", "Reason"]
    }
}

/// What each field takes, beside it.
pub fn field_hints(l: Lang) -> [&'static str; 5] {
    if l.da() {
        [
            "dato",
            "dato (tom: samme dag)",
            "09.00-14.00 (tom: hele dagen)",
            "tir,tor (tom: alle dage)",
            "kursus, netværksmøde …",
        ]
    } else {
        [
            "date",
            "date (empty: the same day)",
            "09:00-14:00 (empty: all day)",
            "tue,thu (empty: every day)",
            "course, network meeting …",
        ]
    }
}

/// A field that does not read: "Tid: '9-' er ikke …".
pub fn bad_field(l: Lang, field: &str, value: &str) -> String {
    format!(
        "{field}: '{}' {}",
        sanitize_line(value),
        l.t("kan ikke læses", "cannot be read")
    )
}

/// The form's title: "Ny fritagelse · Anna Holm" / "Ret fritagelse · Anna Holm".
pub fn form_title(l: Lang, citizen: &str, editing: bool) -> String {
    format!(
        "{} · {}",
        if editing {
            l.t("Ret fritagelse fra jobklub", "Edit job-club exemption")
        } else {
            l.t("Ny fritagelse fra jobklub", "New job-club exemption")
        },
        sanitize_line(citizen)
    )
}

/// The undo step of a mark: "jobklub 24.11 mødt: Anna Holm".
pub fn attendance_marked(
    l: Lang,
    date: chrono::NaiveDate,
    m: Option<crate::domain::jobclub::Mark>,
    citizen: &str,
) -> String {
    let what = m
        .map(|m| mark(l, m))
        .unwrap_or(l.t("mærke fjernet", "mark removed"));
    format!(
        "{} {} {what}: {}",
        l.t("jobklub", "job club"),
        l.day_month(date),
        sanitize_line(citizen)
    )
}

/// The undo step of an absence marked and logged as a contact.
pub fn absence_logged(l: Lang, marked: &str) -> String {
    format!(
        "{marked} ({})",
        l.t("logget som kontakt", "logged as a contact")
    )
}

/// The undo step of an exemption saved or removed.
pub fn exemption_saved(l: Lang, removed: bool, citizen: &str) -> String {
    format!(
        "{}: {}",
        if removed {
            l.t("fritagelse fjernet", "exemption removed")
        } else {
            l.t("fritagelse gemt", "exemption saved")
        },
        sanitize_line(citizen)
    )
}

pub fn scope_jobclub(l: Lang) -> &'static str {
    l.t("Jobklubben (J i I dag)", "The job club (J in Today)")
}

pub fn scope_exemption_form(l: Lang) -> &'static str {
    l.t(
        "Fritagelse fra jobklub (formular)",
        "Job-club exemption (form)",
    )
}
