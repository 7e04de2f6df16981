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
        Action::EditContactPerson => l.t("kontaktperson rettet", "contact person edited"),
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

/// What the first start says before it asks for a new passphrase (lines short enough for an
/// 80-column terminal).
pub fn first_start(l: Lang, path: &str) -> String {
    if l.da() {
        format!(
            "Ny database: {path}\n\
             jobdesk krypterer den med en adgangsfrase, som du vælger nu.\n\
             Brug mindst 8 tegn – gerne en sætning på 4–5 ord, som du kan huske.\n\
             Uden adgangsfrasen kan ingen læse databasen, heller ikke jobdesk.\n\
             (Ukrypteret i stedet: afbryd med Esc og kør `jobdesk init --no-encrypt`.)"
        )
    } else {
        format!(
            "New database: {path}\n\
             jobdesk encrypts it with a passphrase you choose now.\n\
             Use at least 8 characters – a sentence of 4–5 words you can remember is best.\n\
             Without the passphrase nobody can read the database, jobdesk included.\n\
             (Unencrypted instead: press Esc and run `jobdesk init --no-encrypt`.)"
        )
    }
}

/// A new database without a terminal to ask for its passphrase on.
pub fn new_needs_terminal(l: Lang, path: &str) -> String {
    if l.da() {
        format!(
            "der er ingen database {path} endnu, og jobdesk krypterer en ny med en adgangsfrase: kør jobdesk i en terminal for at vælge den, sæt JOBDESK_PASSPHRASE (scripts), eller opret en ukrypteret med `jobdesk init --no-encrypt`. Intet er oprettet"
        )
    } else {
        format!(
            "there is no database {path} yet, and jobdesk encrypts a new one with a passphrase: run jobdesk in a terminal to choose it, set JOBDESK_PASSPHRASE (scripts), or create an unencrypted one with `jobdesk init --no-encrypt`. Nothing was created"
        )
    }
}

pub fn differ(l: Lang) -> &'static str {
    l.t(
        "De to adgangsfraser er forskellige; prøv igen.",
        "The two passphrases differ; try again.",
    )
}

/// The passphrase kept in the credential store does not open the file (changed with rekey).
pub fn stored_wrong(l: Lang, path: &str) -> String {
    if l.da() {
        format!(
            "Adgangsfrasen, der er gemt i {}, åbner ikke {path}.\nEr den skiftet med `jobdesk rekey`? Skriv den nye; `jobdesk unlock --remember` gemmer den.",
            store_name(l)
        )
    } else {
        format!(
            "The passphrase kept in {} does not open {path}.\nWas it changed with `jobdesk rekey`? Type the new one; `jobdesk unlock --remember` keeps it.",
            store_name(l)
        )
    }
}

/// The operating system's credential store, by name.
pub fn store_name(l: Lang) -> &'static str {
    if cfg!(windows) {
        l.t(
            "Windows' Legitimationsoplysninger (Credential Manager)",
            "the Windows Credential Manager",
        )
    } else if cfg!(target_os = "macos") {
        l.t("nøgleringen (Keychain)", "the macOS Keychain")
    } else {
        l.t(
            "kernens nøglering (til maskinen genstartes)",
            "the kernel keyring (until the machine restarts)",
        )
    }
}

pub fn unlock_plain(l: Lang, path: &str) -> String {
    if l.da() {
        format!(
            "{path} er ikke krypteret, så der er ingen adgangsfrase at gemme: `jobdesk encrypt` krypterer den"
        )
    } else {
        format!(
            "{path} is not encrypted, so there is no passphrase to keep: `jobdesk encrypt` encrypts it"
        )
    }
}

pub fn unlock_needs_passphrase(l: Lang, path: &str) -> String {
    if l.da() {
        format!(
            "adgangsfrasen til {path} skal skrives: kør i en terminal, eller sæt JOBDESK_PASSPHRASE. Intet er gemt"
        )
    } else {
        format!(
            "the passphrase of {path} is needed: run in a terminal, or set JOBDESK_PASSPHRASE. Nothing was kept"
        )
    }
}

pub fn unlock_checked(l: Lang, path: &str) -> String {
    if l.da() {
        format!(
            "Adgangsfrasen åbner {path}. Med --remember gemmes den i {}, så jobdesk ikke spørger.",
            store_name(l)
        )
    } else {
        format!(
            "The passphrase opens {path}. With --remember it is kept in {}, so jobdesk does not ask.",
            store_name(l)
        )
    }
}

pub fn remembered(l: Lang, path: &str) -> String {
    if l.da() {
        format!(
            "Adgangsfrasen til {path} er gemt i {}: jobdesk spørger ikke længere, når du er logget ind. Lås computeren, når du går fra den; `jobdesk lock` glemmer adgangsfrasen.",
            store_name(l)
        )
    } else {
        format!(
            "The passphrase of {path} is kept in {}: jobdesk no longer asks while you are logged in. Lock the computer when you leave it; `jobdesk lock` forgets the passphrase.",
            store_name(l)
        )
    }
}

pub fn forgotten(l: Lang, path: &str) -> String {
    if l.da() {
        format!(
            "Adgangsfrasen til {path} er fjernet fra {}: jobdesk spørger igen ved næste start.",
            store_name(l)
        )
    } else {
        format!(
            "The passphrase of {path} is gone from {}: jobdesk asks again at the next start.",
            store_name(l)
        )
    }
}

pub fn nothing_kept(l: Lang, path: &str) -> String {
    if l.da() {
        format!("Der var ingen adgangsfrase til {path} i {}.", store_name(l))
    } else {
        format!("No passphrase of {path} was kept in {}.", store_name(l))
    }
}

pub fn keep_failed(l: Lang, detail: &str) -> String {
    if l.da() {
        format!(
            "{} kunne ikke bruges ({detail}); jobdesk spørger om adgangsfrasen som før",
            store_name(l)
        )
    } else {
        format!(
            "{} could not be used ({detail}); jobdesk asks for the passphrase as before",
            store_name(l)
        )
    }
}

pub fn no_database_yet(l: Lang, path: &str) -> String {
    if l.da() {
        format!(
            "der er ingen database {path}: peg --db / JOBDESK_DB på din, eller opret en med `jobdesk init`"
        )
    } else {
        format!(
            "no database at {path}: point --db / JOBDESK_DB at yours, or create one with `jobdesk init`"
        )
    }
}

/// The desk's header mark for a database that is not encrypted.
pub fn unencrypted_mark(l: Lang) -> &'static str {
    l.t("ukrypteret", "unencrypted")
}

/// The desk's one-line hint at start on a database that is not encrypted: the command that
/// encrypts it (`db` the `--db` words when the database is not the default one).
pub fn unencrypted_hint(l: Lang, db: &str) -> String {
    if l.da() {
        format!("Databasen er ikke krypteret: afslut (q) og kør `jobdesk{db} encrypt`.")
    } else {
        format!("The database is not encrypted: quit (q) and run `jobdesk{db} encrypt`.")
    }
}

pub fn nothing_created(l: Lang) -> &'static str {
    l.t("Intet er oprettet", "Nothing was created")
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

/// Said when an interruption comes after a file was put in place and recorded.
pub fn interrupted_complete(l: Lang, dest: &str) -> String {
    if l.da() {
        format!("afbrudt: {dest} er skrevet helt og registreret i eksporthistorikken")
    } else {
        format!("interrupted: {dest} is complete and recorded in the export history")
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
