//! Words of the exports (`jobdesk export …` and the app's `x`).

use super::Lang;
use crate::domain::records::DayRange;

/// The CSV header: date, time, citizen, target group, kind, channel, outcome, minutes, note,
/// counts, transferred.
pub fn csv_header(l: Lang) -> [&'static str; 11] {
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
            "tæller",
            "overført",
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
            "counts",
            "transferred",
        ]
    }
}

/// The `counts` cell: yes or no.
pub fn csv_yes_no(l: Lang, yes: bool) -> &'static str {
    match (l.da(), yes) {
        (true, true) => "ja",
        (true, false) => "nej",
        (false, true) => "yes",
        (false, false) => "no",
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
        format!("{} skrevet til {path}", l.n(n, "kontakt", "kontakter"))
    } else {
        format!("{} written to {path}", l.n(n, "contact", "contacts"))
    }
}

pub fn wrote_appointments(l: Lang, n: u64, path: &str) -> String {
    if l.da() {
        format!("{} skrevet til {path}", l.n(n, "aftale", "aftaler"))
    } else {
        format!(
            "{} written to {path}",
            l.n(n, "appointment", "appointments")
        )
    }
}

pub fn wrote_everything(l: Lang, c: u64, a: u64, k: u64, path: &str) -> String {
    if l.da() {
        let (c, a, k) = counts(l, c, a, k);
        format!("{c}, {a} og {k} skrevet til {path}")
    } else {
        let (c, a, k) = counts(l, c, a, k);
        format!("{c}, {a} and {k} written to {path}")
    }
}

/// "3 borgere", "1 aftale", "0 kontakter" / "3 citizens", "1 appointment", "0 contacts".
fn counts(l: Lang, c: u64, a: u64, k: u64) -> (String, String, String) {
    if l.da() {
        (
            l.n(c, "borger", "borgere"),
            l.n(a, "aftale", "aftaler"),
            l.n(k, "kontakt", "kontakter"),
        )
    } else {
        (
            l.n(c, "citizen", "citizens"),
            l.n(a, "appointment", "appointments"),
            l.n(k, "contact", "contacts"),
        )
    }
}

pub fn imported_everything(l: Lang, c: u64, a: u64, k: u64, path: &str) -> String {
    if l.da() {
        let (c, a, k) = counts(l, c, a, k);
        format!("{c}, {a} og {k} indlæst i {path}")
    } else {
        let (c, a, k) = counts(l, c, a, k);
        format!("imported {c}, {a} and {k} into {path}")
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

/// The words of a range of days. (An inherent `impl` may sit anywhere in the crate: the type is
/// plain data in `domain`, its words are here.)
impl DayRange {
    /// "23.11.2026", "23.11.2026–27.11.2026", "fra 23.11.2026", "til …" or "alle" in words.
    pub fn describe(&self, lang: Lang) -> String {
        let d = |x: chrono::NaiveDate| crate::domain::dates::fmt_date(x, lang.da());
        match (self.from, self.to) {
            (Some(a), Some(b)) if a == b => d(a),
            (Some(a), Some(b)) => format!("{}–{}", d(a), d(b)),
            (Some(a), None) => format!("{} {}", lang.t("fra", "from"), d(a)),
            (None, Some(b)) => format!("{} {}", lang.t("til og med", "through"), d(b)),
            (None, None) => lang.t("alle dage", "all days").to_string(),
        }
    }
}

/// The desk's export to a folder that is not there.
pub fn no_folder(l: Lang, dir: &str) -> String {
    if l.da() {
        format!("mappen {dir} findes ikke: opret den, eller skriv en anden. Intet blev skrevet")
    } else {
        format!("the folder {dir} does not exist: create it or give another. Nothing was written")
    }
}
