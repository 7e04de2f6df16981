//! Words of personal data and data safety: passphrases, erasure, purge, audit, backup, check.

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
            "Slet borger {} ({name}) og alt om borgeren for altid: {}, {} (notater og feedback), {}, {} på ringelister, {} fra jobklub.\nDet kan ikke fortrydes. Filer, der er eksporteret tidligere, røres ikke.",
            e.citizen_id,
            l.n(e.appointments, "aftale", "aftaler"),
            l.n(e.contacts, "kontakt", "kontakter"),
            l.n(e.drafts, "kladde", "kladder"),
            l.n(e.closure_calls, "plads", "pladser"),
            l.n(e.exemptions, "fritagelse", "fritagelser")
        )
    } else {
        format!(
            "Erase citizen {} ({name}) and everything about them, for good: {}, {} (notes and feedback), {}, {}, {}.\nThis cannot be undone. Files exported earlier are not touched.",
            e.citizen_id,
            l.n(e.appointments, "appointment", "appointments"),
            l.n(e.contacts, "contact", "contacts"),
            l.n(e.drafts, "draft", "drafts"),
            l.n(e.closure_calls, "call-list entry", "call-list entries"),
            l.n(e.exemptions, "job-club exemption", "job-club exemptions")
        )
    }
}

pub fn erase_confirm(l: Lang) -> &'static str {
    l.t("Skriv ja for at slette: ", "Type yes to erase: ")
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

pub fn purge_line(l: Lang, id: i64, name: &str, last: &str, contacts: u64, whole: bool) -> String {
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
        Action::CorrectContact => l.t("kontakt rettet", "entry corrected"),
        Action::DeleteContact => l.t("kontakt slettet", "entry deleted"),
        Action::EditCitizen => l.t("borger rettet", "citizen edited"),
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

/// Said when Ctrl+C, SIGTERM, SIGHUP or closing the console interrupted a write: the unfinished
/// `temp` is gone and `dest` was not made.
pub fn interrupted_removed(l: Lang, temp: &str, dest: &str) -> String {
    if l.da() {
        format!("afbrudt: den ufærdige fil {temp} er fjernet; {dest} er ikke oprettet")
    } else {
        format!("interrupted: the unfinished file {temp} was removed; {dest} was not created")
    }
}

/// Said when a write finds and removes what an interrupted jobdesk (a kill, a power cut) left.
pub fn leftover_removed(l: Lang, path: &str) -> String {
    if l.da() {
        format!(
            "fjernede {path}: en ufærdig fil fra en afbrudt eksport eller sikkerhedskopi (den blev aldrig lagt på plads)"
        )
    } else {
        format!(
            "removed {path}: an unfinished file of an interrupted export or backup (it was never put in place)"
        )
    }
}

/// Said of a file named like jobdesk's temporary files that jobdesk did not make.
pub fn leftover_foreign(l: Lang, path: &str) -> String {
    if l.da() {
        format!(
            "{path} er navngivet som jobdesks midlertidige filer, men jobdesk har ikke lavet den (en anden ejer, andre rettigheder end 600, eller ikke en almindelig fil); den er ikke rørt. Slet den selv, hvis du ikke skal bruge den"
        )
    } else {
        format!(
            "{path} is named like jobdesk's temporary files, but jobdesk did not make it (another owner, permissions other than 600, or not a regular file); it was left alone. Delete it yourself if it is not needed"
        )
    }
}
