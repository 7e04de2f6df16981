//! Words of the command line's plain tables.

use super::Lang;

/// A bug (a panic): what happened, where, and that saved work is safe.
pub fn internal_error(l: Lang, place: &str, what: &str) -> String {
    let place = if place.is_empty() {
        String::new()
    } else if l.da() {
        format!(" i {place}")
    } else {
        format!(" at {place}")
    };
    if l.da() {
        format!(
            "intern fejl{place}: {what}. Alt, der var gemt før dette, er i sikkerhed. Meld den venligst."
        )
    } else {
        format!(
            "internal error{place}: {what}. Everything saved before this is safe. Please report it."
        )
    }
}

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

pub fn log_header(l: Lang) -> [&'static str; 10] {
    if l.da() {
        [
            "id",
            "tid",
            "borger",
            "art",
            "kanal",
            "udfald",
            "min",
            "tæller",
            "overført",
            "notat",
        ]
    } else {
        [
            "id",
            "time",
            "citizen",
            "kind",
            "channel",
            "outcome",
            "min",
            "counts",
            "transferred",
            "note",
        ]
    }
}

pub fn yes(l: Lang) -> &'static str {
    l.t("ja", "yes")
}

pub fn no_contacts(l: Lang) -> &'static str {
    l.t("ingen kontakter", "no contacts")
}

/// `mark` replaced earlier outcome entries of the appointment.
pub fn replaced(l: Lang, appointment: i64, ids: &[i64]) -> String {
    let ids = ids
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    if l.da() {
        format!(
            "aftale {appointment} var allerede markeret: den nye markering erstatter kontakt {ids}"
        )
    } else {
        format!("appointment {appointment} was marked already: the new mark replaces contact {ids}")
    }
}

/// `mark --status moved` needs the new time, which the command line does not take.
pub fn mark_moved(l: Lang) -> &'static str {
    l.t(
        "--status moved: en flytning har brug for det nye tidspunkt: flyt aftalen i skrivebordet (m), eller markér den aflyst og planlæg en ny med `jobdesk plan`. Intet blev skrevet",
        "--status moved: a move needs the new time: move the appointment in the desk (m), or mark it cancelled and plan a new one with `jobdesk plan`. Nothing was written",
    )
}

pub fn mark_planned(l: Lang) -> &'static str {
    l.t(
        "--status planned er ikke en markering: angiv held, no_show, cancelled_by_citizen eller cancelled. Intet blev skrevet",
        "--status planned is not a mark: give held, no_show, cancelled_by_citizen or cancelled. Nothing was written",
    )
}

/// Marking held an appointment that has not begun: done, with a word.
pub fn future_held(l: Lang, id: i64, when: &str) -> String {
    if l.da() {
        format!("bemærk: aftale {id} er først {when} og er nu markeret afholdt")
    } else {
        format!("note: appointment {id} is not until {when} and is now marked held")
    }
}

pub fn edit_needs_a_change(l: Lang) -> &'static str {
    l.t(
        "log edit: angiv mindst én ændring (--at, --minutes, --channel, --outcome eller --note). Intet blev skrevet",
        "log edit: give at least one change (--at, --minutes, --channel, --outcome or --note). Nothing was written",
    )
}

pub fn corrected(l: Lang, id: i64) -> String {
    if l.da() {
        format!("kontakt {id} er rettet")
    } else {
        format!("contact {id} corrected")
    }
}

/// A corrected entry that is in the case system already.
pub fn transferred_already(l: Lang, id: i64, day: &str) -> String {
    if l.da() {
        format!("bemærk: kontakt {id} blev overført til sagssystemet {day}: ret den også dér")
    } else {
        format!(
            "note: contact {id} was transferred to the case system on {day}: correct it there too"
        )
    }
}

pub fn delete_question(l: Lang, id: i64, what: &str) -> String {
    if l.da() {
        format!("Slet kontakt {id} ({what})? (j/n) ")
    } else {
        format!("Delete contact {id} ({what})? (y/n) ")
    }
}

pub fn delete_needs_confirmation(l: Lang, id: i64) -> String {
    if l.da() {
        format!(
            "sletning af kontakt {id} skal bekræftes: kør i en terminal for at blive spurgt, eller tilføj --yes (til scripts). Intet blev slettet"
        )
    } else {
        format!(
            "deleting contact {id} needs a confirmation: run it in a terminal to be asked, or add --yes (for scripts). Nothing was deleted"
        )
    }
}

pub fn not_deleted(l: Lang) -> &'static str {
    l.t("Intet blev slettet.", "Nothing was deleted.")
}

pub fn deleted(l: Lang, id: i64) -> String {
    if l.da() {
        format!("kontakt {id} er slettet")
    } else {
        format!("contact {id} deleted")
    }
}

pub fn holidays_header(l: Lang) -> [&'static str; 4] {
    if l.da() {
        ["dato", "dag", "fridag", "art"]
    } else {
        ["date", "day", "day off", "kind"]
    }
}

/// The kind of a day off in the `holidays` table.
pub fn day_off_kind(l: Lang, kind: crate::domain::workdays::DayOffKind) -> &'static str {
    match kind {
        crate::domain::workdays::DayOffKind::Holiday => l.t("helligdag", "public holiday"),
        crate::domain::workdays::DayOffKind::Local => l.t("lokal fridag", "local day off"),
    }
}

/// `holidays --year` out of the calendar's range.
pub fn holidays_year(l: Lang, year: i32, from: i32, to: i32) -> String {
    if l.da() {
        format!("--year {year}: angiv et år fra {from} til {to}")
    } else {
        format!("--year {year}: give a year from {from} to {to}")
    }
}

/// Adding a citizen to a group the reform closes to new citizens: a warning, never a refusal.
pub fn group_closed_to_new(
    l: Lang,
    group: crate::domain::TargetGroup,
    closed: &crate::domain::cadence::ClosedGroup,
) -> String {
    use crate::domain::Word;
    let from = crate::domain::dates::fmt_date(closed.closed_from, l.da());
    let unsure = if closed.unverified {
        l.t(
            " (datoen er ikke bekræftet)",
            " (the date is not confirmed)",
        )
    } else {
        ""
    };
    if l.da() {
        format!(
            "⚠ {} er lukket for nye borgere fra {from}{unsure} ({}); borgeren er oprettet med den hidtidige regel",
            group.da(),
            closed.source
        )
    } else {
        format!(
            "⚠ {} is closed to new citizens from {from}{unsure} ({}); the citizen was added with the earlier rule",
            group.en(),
            closed.source
        )
    }
}

/// One warning of planning an appointment, for stderr and the desk's preview.
pub fn plan_warning(l: Lang, w: &crate::domain::cadence::PlanWarning) -> String {
    use crate::domain::cadence::PlanWarning as W;
    let da = l.da();
    let date = |d| crate::domain::dates::fmt_date(d, da);
    match w {
        W::AfterDeadline { deadline } => {
            if da {
                format!("⚠ efter borgerens frist {}", date(*deadline))
            } else {
                format!("⚠ after the citizen's deadline {}", date(*deadline))
            }
        }
        W::DayOff { name_da, name_en } => {
            format!("⚠ {}", if da { name_da } else { name_en })
        }
        W::Weekend => l.t("⚠ weekend", "⚠ weekend").to_string(),
        W::Past => l
            .t("⚠ tidspunktet er overstået", "⚠ the time has passed")
            .to_string(),
        W::Overlap {
            appointment_id,
            start,
            minutes,
        } => {
            let t = crate::domain::dates::fmt_time(start.time(), da);
            if da {
                format!("⚠ overlapper aftale {appointment_id} kl. {t} ({minutes} min.)")
            } else {
                format!("⚠ overlaps appointment {appointment_id} at {t} ({minutes} min)")
            }
        }
    }
}

/// `plan --strict` refused because of warnings.
pub fn plan_strict_refused(l: Lang, n: usize) -> String {
    if l.da() {
        format!("--strict: {n} advarsel(er) ovenfor; intet blev planlagt")
    } else {
        format!("--strict: {n} warning(s) above; nothing was planned")
    }
}

/// A first conversation by phone or video (it must be held in person).
pub fn first_in_person(l: Lang) -> &'static str {
    l.t(
        "⚠ første samtale skal holdes ved personligt fremmøde",
        "⚠ the first conversation must be held in person",
    )
}

/// ... and so it does not count unless confirmed.
pub fn first_in_person_not_counted(l: Lang, confirm: &str) -> String {
    if l.da() {
        format!("  den tæller ikke med i minimum; {confirm} hvis den skal tælle alligevel")
    } else {
        format!("  it does not count toward the minimum; {confirm} to count it all the same")
    }
}
