//! The words of the citizen card as a workplace: its history, the full note, the citizen form,
//! archiving, and the first-run screen that sends the user to `+`.

use super::Lang;

/// The citizen form's fields, in order.
pub const FORM_FIELDS: usize = 10;

pub fn form_labels(l: Lang) -> [&'static str; FORM_FIELDS] {
    if l.da() {
        [
            "Navn",
            "Telefon",
            "E-mail",
            "Målgruppe",
            "Start på ydelse",
            "Mentormål",
            "Mentortimer/uge",
            "Mentor til",
            "Fritaget",
            "Adresse",
        ]
    } else {
        [
            "Name",
            "Phone",
            "E-mail",
            "Target group",
            "Benefit start",
            "Mentor goals",
            "Mentor hours/wk",
            "Mentor until",
            "Exempt",
            "Address",
        ]
    }
}

/// The card's label of the citizen's address.
pub fn address_label(l: Lang) -> &'static str {
    l.t("Adresse", "Address")
}

/// The names of the fields in a message ("telefon, e-mail").
pub fn field_names(l: Lang) -> [&'static str; FORM_FIELDS] {
    if l.da() {
        [
            "navn",
            "telefon",
            "e-mail",
            "målgruppe",
            "start på ydelse",
            "mentormål",
            "mentortimer",
            "mentor til",
            "fritagelse",
            "adresse",
        ]
    } else {
        [
            "name",
            "phone",
            "e-mail",
            "target group",
            "benefit start",
            "mentor goals",
            "mentor hours",
            "mentor until",
            "exemption",
            "address",
        ]
    }
}

pub fn form_title_edit(l: Lang, name: &str) -> String {
    format!("{} · {name}", l.t("Ret borger", "Edit citizen"))
}

pub fn form_title_new(l: Lang) -> &'static str {
    l.t("Ny borger", "New citizen")
}

/// Under the form: what the exemption field takes and what is required.
pub fn form_hint(l: Lang, adding: bool) -> &'static str {
    match (l.da(), adding) {
        (true, true) => "Navn og målgruppe skal udfyldes. Fritaget: ja/nej (for samtaler).",
        (true, false) => "Tomt felt = intet. Fritaget: ja/nej (for samtaler).",
        (false, true) => "Name and target group are required. Exempt: yes/no (from conversations).",
        (false, false) => "An empty field = none. Exempt: yes/no (from conversations).",
    }
}

pub fn name_required(l: Lang) -> &'static str {
    l.t("skal udfyldes", "is required")
}

pub fn group_unknown(l: Lang, typed: &str) -> String {
    if l.da() {
        format!(
            "'{typed}' kendes ikke – skriv fx dagpenge, jobparat, aktivitetsparat, uddannelseshjælp, sygedagpenge, jobafklaring, ressourceforløb, ledighedsydelse, revalidering eller anden"
        )
    } else {
        format!(
            "'{typed}' is not known – type e.g. dagpenge, job-ready, activity-ready, education benefit, sickness, work-ability, resource, flexjob, rehab or other"
        )
    }
}

pub fn phone_bad(l: Lang) -> &'static str {
    l.t(
        "kun cifre, mellemrum, + og -",
        "digits, spaces, + and - only",
    )
}

pub fn email_bad(l: Lang) -> &'static str {
    l.t(
        "skal have form som navn@eksempel.dk",
        "must look like name@example.com",
    )
}

pub fn hours_bad(l: Lang) -> &'static str {
    l.t(
        "et tal fra 0 til 60, fx 4,5",
        "a number from 0 to 60, e.g. 4.5",
    )
}

pub fn yes_no_bad(l: Lang) -> &'static str {
    l.t("skriv ja eller nej", "type yes or no")
}

pub fn yes_no(l: Lang, b: bool) -> &'static str {
    match b {
        true => l.t("ja", "yes"),
        false => l.t("nej", "no"),
    }
}

/// "ja", "j", "yes", "y" → true; "nej", "n", "no" → false.
pub fn parse_yes_no(s: &str) -> Option<bool> {
    match s.trim().to_lowercase().as_str() {
        "ja" | "j" | "yes" | "y" | "true" => Some(true),
        "nej" | "n" | "no" | "false" | "" => Some(false),
        _ => None,
    }
}

pub fn fix_errors(l: Lang) -> &'static str {
    l.t(
        "Ret fejlene under felterne og gem igen",
        "Correct the errors under the fields and save again",
    )
}

/// "Rettet: telefon for Jens Hansen".
pub fn edited(l: Lang, fields: &[&str], name: &str) -> String {
    format!(
        "{}: {} {} {name}",
        l.t("Rettet", "Corrected"),
        fields.join(", "),
        l.t("for", "of")
    )
}

pub fn added(l: Lang, name: &str) -> String {
    format!("{}: {name}", l.t("Borger oprettet", "Citizen added"))
}

pub fn archived(l: Lang, name: &str, archived: bool) -> String {
    let what = match archived {
        true => l.t("Arkiveret", "Archived"),
        false => l.t("Hentet frem fra arkivet", "Restored from the archive"),
    };
    format!("{what}: {name}")
}

/// The question before archiving (or restoring) a citizen.
pub fn archive_question(l: Lang, name: &str, archived: bool) -> String {
    match (l.da(), archived) {
        (true, false) => format!(
            "Arkivér {name}? Borgeren forsvinder fra listerne og fristerne; historikken bevares. (j/n)"
        ),
        (true, true) => format!("Hent {name} frem fra arkivet igen? (j/n)"),
        (false, false) => format!(
            "Archive {name}? The citizen leaves the lists and the deadlines; the history is kept. (y/n)"
        ),
        (false, true) => format!("Restore {name} from the archive? (y/n)"),
    }
}

pub fn upcoming(l: Lang, n: usize) -> String {
    format!("{} ({n})", l.t("Kommende aftaler", "Upcoming appointments"))
}

pub fn contacts(l: Lang, n: usize) -> String {
    format!("{} ({n})", l.t("Kontakter", "Contacts"))
}

pub fn earlier(l: Lang, n: usize) -> String {
    format!("{} ({n})", l.t("Tidligere aftaler", "Earlier appointments"))
}

pub fn choose_row(l: Lang) -> &'static str {
    l.t(
        "Vælg en linje i historikken med ↓ først",
        "Select a row of the history with ↓ first",
    )
}

pub fn choose_contact(l: Lang) -> &'static str {
    l.t(
        "Vælg en kontakt med ↓ først",
        "Select a contact with ↓ first",
    )
}

/// The card's bottom line: how to move and what Enter shows.
pub fn card_keys(l: Lang) -> &'static str {
    l.t("↑↓ vælg · Enter viser", "↑↓ select · Enter shows")
}

pub fn esc_closes(l: Lang) -> &'static str {
    l.t("Esc lukker", "Esc closes")
}

pub fn esc_back(l: Lang) -> &'static str {
    l.t(
        "↑↓ forrige/næste · Esc tilbage",
        "↑↓ previous/next · Esc back",
    )
}

pub fn contact_title(l: Lang) -> &'static str {
    l.t("Kontakt", "Contact")
}

pub fn appointment_title(l: Lang) -> &'static str {
    l.t("Aftale", "Appointment")
}

pub fn minutes(l: Lang, n: i64) -> String {
    match (l.da(), n == 1) {
        (true, true) => "1 minut".into(),
        (true, false) => format!("{n} minutter"),
        (false, true) => "1 minute".into(),
        (false, false) => format!("{n} minutes"),
    }
}

pub fn transferred(l: Lang, at: Option<String>) -> String {
    match at {
        Some(at) => format!(
            "{} {at}",
            l.t(
                "Overført til sagssystemet",
                "Transferred to the case system"
            )
        ),
        None => l
            .t(
                "Ikke overført til sagssystemet endnu",
                "Not yet transferred to the case system",
            )
            .into(),
    }
}

pub fn no_note(l: Lang) -> &'static str {
    l.t("(intet notat)", "(no note)")
}

pub fn place(l: Lang) -> &'static str {
    l.t("Sted", "Place")
}

pub fn reason(l: Lang) -> &'static str {
    l.t("Årsag", "Reason")
}

pub fn feedback(l: Lang) -> &'static str {
    l.t("Borgerens vurdering", "The citizen's rating")
}

/// The first-run screen: what to do with an empty database.
pub fn empty_body(l: Lang) -> [&'static str; 4] {
    if l.da() {
        [
            "Der er endnu ingen borgere i databasen. Sådan kommer du i gang (q afslutter):",
            "  • Tryk + for at oprette den første borger (navn og målgruppe).",
            "  • En liste i CSV hentes ind med:  jobdesk import caseload borgere.csv",
            "  • Prøv et opdigtet eksempel:  jobdesk --demo",
        ]
    } else {
        [
            "There are no citizens in the database yet. To get started (q quits):",
            "  • Press + to add the first citizen (name and target group).",
            "  • A list can be imported from CSV:  jobdesk import caseload file.csv",
            "  • Try a made-up example:  jobdesk --demo",
        ]
    }
}

/// The help's headings of the card's, the form's and the Caseload pane's keys.
pub fn scope_card_view(l: Lang) -> &'static str {
    l.t(
        "En kontakt eller aftale vist fra kortet (Enter)",
        "A contact or appointment shown from the card (Enter)",
    )
}

pub fn scope_citizen_form(l: Lang) -> &'static str {
    l.t(
        "Når du retter eller opretter en borger (E, +)",
        "While editing or adding a citizen (E, +)",
    )
}

pub fn scope_caseload(l: Lang) -> &'static str {
    l.t("I Borgere-fanen", "In the Caseload pane")
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    /// The first-run box is as wide as an 80-column screen, 78 inside its border: a line
    /// longer than that breaks in the middle of the command to type.
    #[test]
    fn the_first_run_lines_fit_inside_80_columns() {
        for l in [Lang::Da, Lang::En] {
            for line in empty_body(l) {
                assert!(line.width() <= 78, "{} columns: {line}", line.width());
            }
        }
    }
}
