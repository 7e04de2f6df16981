//! Words of the hand-over to a colleague (`jobdesk handover export|import`).

use super::Lang;

pub fn not_a_file(l: Lang, file: &str) -> String {
    if l.da() {
        format!(
            "{file} findes ikke eller er ikke en fil: angiv filen fra `jobdesk handover export`. Intet blev flettet ind"
        )
    } else {
        format!(
            "{file} does not exist or is not a file: give the file written by `jobdesk handover export`. Nothing was merged"
        )
    }
}

pub fn cannot_open(l: Lang, file: &str, why: &str) -> String {
    if l.da() {
        format!(
            "kan ikke åbne overdragelsesfilen {file} (forkert adgangsfrase, eller filen er beskadiget eller afkortet): {why}. Intet blev flettet ind"
        )
    } else {
        format!(
            "cannot open the hand-over file {file} (a wrong passphrase, or the file is damaged or truncated): {why}. Nothing was merged"
        )
    }
}

/// Why a hand-over file did not open: the passphrase given for it is not its passphrase.
pub fn wrong_passphrase(l: Lang) -> &'static str {
    l.t(
        "adgangsfrasen (JOBDESK_HANDOVER_PASSPHRASE eller den indtastede) åbner den ikke; spørg kollegaen om den rigtige",
        "the passphrase (JOBDESK_HANDOVER_PASSPHRASE or the one typed) does not open it; ask your colleague for the right one",
    )
}

pub fn not_a_handover(l: Lang, file: &str) -> String {
    if l.da() {
        format!(
            "{file} er en jobdesk-database, men ikke en overdragelsesfil fra `jobdesk handover export`. Intet blev flettet ind"
        )
    } else {
        format!(
            "{file} is a jobdesk database but not a hand-over file from `jobdesk handover export`. Nothing was merged"
        )
    }
}

pub fn newer(l: Lang, file: &str) -> String {
    if l.da() {
        format!(
            "{file} er skrevet af en nyere jobdesk: opdatér jobdesk for at læse den. Intet blev flettet ind"
        )
    } else {
        format!(
            "{file} was written by a newer jobdesk: update jobdesk to read it. Nothing was merged"
        )
    }
}

pub fn nobody(l: Lang) -> &'static str {
    l.t(
        "ingen borgere at overdrage: intet blev skrevet",
        "no citizens to hand over: nothing was written",
    )
}

pub fn prompt_file(l: Lang, file: &str) -> String {
    if l.da() {
        format!("Adgangsudtryk til overdragelsesfilen {file}: ")
    } else {
        format!("Passphrase of the hand-over file {file}: ")
    }
}

pub fn no_passphrase(l: Lang, env: &str) -> String {
    if l.da() {
        format!(
            "overdragelsesfilens adgangsfrase mangler: sæt {env}, eller kør i en terminal for at blive spurgt. Intet blev flettet ind"
        )
    } else {
        format!(
            "the hand-over file's passphrase is needed: set {env}, or run in a terminal to be asked. Nothing was merged"
        )
    }
}

pub fn exported(l: Lang, citizens: usize, rows: u64, file: &str) -> String {
    if l.da() {
        format!(
            "{citizens} borgere ({rows} rækker) overdraget til {file} (krypteret). Filen indeholder personoplysninger: giv den kun til kollegaen, og slet den bagefter."
        )
    } else {
        format!(
            "{citizens} citizens ({rows} rows) handed over to {file} (encrypted). The file holds personal data: give it only to your colleague, and delete it afterwards."
        )
    }
}

pub fn from_consultant(l: Lang, name: &str) -> String {
    if l.da() {
        format!("Overdraget af {name}.")
    } else {
        format!("Handed over by {name}.")
    }
}

pub fn imported(l: Lang, added: usize, updated: usize, unchanged: usize, kept: usize) -> String {
    if l.da() {
        format!(
            "{added} nye borgere, {updated} opdateret, {unchanged} uændret, {kept} nyere her (beholdt)."
        )
    } else {
        format!(
            "{added} new citizens, {updated} updated, {unchanged} unchanged, {kept} newer here (kept)."
        )
    }
}

pub fn conflicts(l: Lang, n: usize) -> String {
    if l.da() {
        format!("{n} konflikter (ændret begge steder): ikke overskrevet, se dem igennem:")
    } else {
        format!("{n} conflicts (changed on both sides): not overwritten, look them over:")
    }
}

pub fn conflict(l: Lang, id: i64, name: &str, same_cpr: bool) -> String {
    match (l.da(), same_cpr) {
        (true, false) => format!("  {id}  {name}"),
        (true, true) => format!("  {id}  {name} (samme CPR-nummer, en anden borger i filen)"),
        (false, false) => format!("  {id}  {name}"),
        (false, true) => format!("  {id}  {name} (same CPR number, another citizen in the file)"),
    }
}

// The desk's `x`: what to export, in which form, where to.

pub fn dialog_title(l: Lang) -> &'static str {
    l.t("Eksportér kontaktloggen", "Export the contact log")
}

pub fn help_scope(l: Lang) -> &'static str {
    l.t(
        "Når du eksporterer loggen (x)",
        "While exporting the log (x)",
    )
}

pub fn field_what(l: Lang) -> &'static str {
    l.t("Hvad", "What")
}

pub fn field_form(l: Lang) -> &'static str {
    l.t("Form", "Form")
}

pub fn field_folder(l: Lang) -> &'static str {
    l.t("Mappe", "Folder")
}

pub fn form_name(l: Lang, excel: bool) -> &'static str {
    match excel {
        true => l.t("Excel (semikolon, BOM)", "Excel (semicolon, BOM)"),
        false => l.t("almindelig CSV", "plain CSV"),
    }
}

pub fn what_help(l: Lang) -> &'static str {
    l.t(
        "en dag, 'uge' for den viste dags uge, eller to dage (fra – til) · Tab: næste felt · mellemrum skifter form",
        "a day, 'week' for the shown day's week, or two days (from – to) · Tab: next field · space switches the form",
    )
}

pub fn range_reversed(l: Lang) -> &'static str {
    l.t(
        "den første dag ligger efter den sidste",
        "the first day comes after the last",
    )
}

pub fn no_folder(l: Lang) -> &'static str {
    l.t("skriv en mappe", "give a folder")
}

pub fn saved_to(l: Lang) -> &'static str {
    l.t("Loggen gemt i", "The log was saved to")
}
