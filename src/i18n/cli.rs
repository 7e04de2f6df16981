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

// ---------------------------------------------------------------------------------------------
// Messages of the command line: refusals, results and questions, in both languages.

/// A message in both languages, for code that does not know the run's language (the file
/// checks of `transfer`): the language is chosen where it is printed
/// ([`super::errors::message`]). Its `Display` is the English. A refusal ([`said`]) exits 2;
/// a failure wrapped with [`said_failed`] keeps its cause and the cause's exit code.
#[derive(Debug)]
pub struct Said {
    da: String,
    en: String,
    user: bool,
    cause: Option<anyhow::Error>,
}

impl Said {
    /// The text in `l`.
    pub fn text(&self, l: Lang) -> &str {
        if l.da() { &self.da } else { &self.en }
    }

    /// A refusal the user can fix (exit 2).
    pub fn is_user(&self) -> bool {
        self.user
    }
}

impl std::fmt::Display for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en)
    }
}

impl std::error::Error for Said {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.cause.as_ref().map(|e| {
            let e: &(dyn std::error::Error + 'static) = e.as_ref();
            e
        })
    }
}

/// A refusal in both languages (bad input: exit 2).
pub fn said(da: String, en: String) -> anyhow::Error {
    anyhow::Error::new(Said {
        da,
        en,
        user: true,
        cause: None,
    })
}

/// `cause` with what failed said in front, in both languages; the exit code is the cause's.
pub fn said_failed(cause: anyhow::Error, da: String, en: String) -> anyhow::Error {
    anyhow::Error::new(Said {
        da,
        en,
        user: false,
        cause: Some(cause),
    })
}

/// `-o` given empty.
pub fn target_empty() -> anyhow::Error {
    said(
        "-o er tomt: giv et filnavn".into(),
        "-o is empty: give a file name".into(),
    )
}

/// `-o` names a folder.
pub fn target_is_folder(shown: &str, example: &str) -> anyhow::Error {
    said(
        format!("-o {shown} er en mappe: giv et filnavn, fx {example}"),
        format!("-o {shown} is a folder: give a file name, such as {example}"),
    )
}

/// `-o` names an existing file, without `--force`.
pub fn target_exists(shown: &str) -> anyhow::Error {
    said(
        format!(
            "-o {shown} findes allerede: giv --force for at erstatte den, eller et andet filnavn. Intet blev skrevet"
        ),
        format!(
            "-o {shown} already exists: give --force to replace it, or another file name. Nothing was written"
        ),
    )
}

/// `-o` below something that is a file.
pub fn target_parent_is_file(shown: &str, dir: &str) -> anyhow::Error {
    said(
        format!(
            "-o {shown}: {dir} er en fil, ikke en mappe. Vælg en anden sti. Intet blev skrevet"
        ),
        format!(
            "-o {shown}: {dir} is a file, not a folder. Choose another path. Nothing was written"
        ),
    )
}

/// `-o` in a folder that does not exist.
pub fn target_no_folder(shown: &str, dir: &str) -> anyhow::Error {
    said(
        format!(
            "-o {shown}: mappen {dir} findes ikke. Opret den eller vælg en anden. Intet blev skrevet"
        ),
        format!(
            "-o {shown}: the folder {dir} does not exist. Create it or choose another. Nothing was written"
        ),
    )
}

/// The temporary file beside the target could not be made.
pub fn cannot_write_in(dir: &str, why: &str) -> anyhow::Error {
    said(
        format!(
            "kan ikke skrive i mappen {dir}: {why}. Tjek at du må skrive der, eller vælg et andet -o. Intet blev skrevet"
        ),
        format!(
            "cannot write in the folder {dir}: {why}. Check that you may write there, or choose another -o. Nothing was written"
        ),
    )
}

/// Writing the file failed (the cause follows).
pub fn writing_failed(cause: anyhow::Error, dest: &str) -> anyhow::Error {
    said_failed(
        cause,
        format!("skrivningen af {dest} mislykkedes; intet blev skrevet"),
        format!("writing {dest} failed; nothing was written"),
    )
}

/// The target appeared while the file was written.
pub fn target_appeared(dest: &str) -> anyhow::Error {
    said(
        format!(
            "{dest} dukkede op, mens udtrækket blev skrevet: giv --force for at erstatte den. Intet blev skrevet"
        ),
        format!(
            "{dest} appeared while the export was written: give --force to replace it. Nothing was written"
        ),
    )
}

/// The rename into place failed.
pub fn cannot_put_in_place(dest: &str, why: &str) -> anyhow::Error {
    said(
        format!("kan ikke lægge filen på plads som {dest}: {why}. Intet blev skrevet"),
        format!("cannot put the file in place at {dest}: {why}. Nothing was written"),
    )
}

/// No home folder for the desk's export.
pub fn no_home_folder() -> anyhow::Error {
    said(
        "kan ikke finde din hjemmemappe at lægge filen i".into(),
        "cannot find your home folder to put the file in".into(),
    )
}

/// A hand-over asked for on standard output.
pub fn handover_needs_file() -> anyhow::Error {
    said(
        "en overdragelse er en databasefil: giv -o FIL (standard-output kan ikke rumme den)".into(),
        "a hand-over is a database file: give -o FILE (standard output cannot hold it)".into(),
    )
}

/// `-o` names the database itself.
pub fn target_is_database(l: Lang, shown: &str) -> String {
    if l.da() {
        format!("-o {shown} er selve databasen: giv et andet filnavn. Intet blev skrevet")
    } else {
        format!("-o {shown} is the database itself: give another file name. Nothing was written")
    }
}

/// `--db` / `JOBDESK_DB` given empty.
pub fn db_empty(l: Lang) -> &'static str {
    l.t(
        "--db / JOBDESK_DB er tom: giv en filsti",
        "--db / JOBDESK_DB is empty: give a file path",
    )
}

/// A file that could not be read.
pub fn cannot_read(l: Lang, shown: &str, why: &str) -> String {
    if l.da() {
        format!("kan ikke læse {shown}: {why}")
    } else {
        format!("cannot read {shown}: {why}")
    }
}

/// `import json` given a folder.
pub fn import_json_folder(l: Lang, shown: &str) -> String {
    if l.da() {
        format!("{shown} er en mappe: giv filen skrevet af `jobdesk export json`")
    } else {
        format!("{shown} is a folder: give the file written by `jobdesk export json`")
    }
}

/// Before the reason an import failed.
pub fn cannot_import(l: Lang, shown: &str) -> String {
    if l.da() {
        format!("kan ikke indlæse {shown}")
    } else {
        format!("cannot import {shown}")
    }
}

/// A word (channel, outcome, …) that is none of the keys; `english` is the domain's own
/// message, kept as it is in English.
pub fn bad_word<W: crate::domain::Word>(l: Lang, flag: &str, input: &str, english: &str) -> String {
    if !l.da() {
        return format!("{flag}: {english}");
    }
    let what = match W::WHAT {
        "target group" => "målgruppe",
        "channel" => "kanal",
        "outcome" => "udfald",
        "kind" => "art",
        "result" => "resultat",
        other => other,
    };
    let keys: Vec<&str> = W::ALL.iter().map(|w| w.key()).collect();
    format!(
        "{flag}: ukendt {what} '{}': brug en af {}",
        input.trim(),
        keys.join(", ")
    )
}

/// `--cpr` that is not a CPR number; `english` is the domain's own message.
pub fn bad_cpr(l: Lang, input: &str, english: &str) -> String {
    if l.da() {
        format!(
            "--cpr: '{}' er ikke et CPR-nummer: skriv ddmmåå-xxxx eller 10 cifre, der begynder med en rigtig dato",
            input.trim()
        )
    } else {
        format!("--cpr: {english}")
    }
}

/// `--days` outside 1 to 3660.
pub fn days_out_of_range(l: Lang, days: impl std::fmt::Display) -> String {
    if l.da() {
        format!("--days {days} er uden for området: giv 1 til 3660")
    } else {
        format!("--days {days} is out of range: give 1 to 3660")
    }
}

/// `--counts yes` on an outcome that cannot count.
pub fn counts_only_held(l: Lang, outcome: &str) -> String {
    if l.da() {
        format!("--counts yes: kun en holdt samtale tæller med i minimum, ikke '{outcome}'")
    } else {
        format!("--counts yes: only a held conversation counts toward the minimum, not '{outcome}'")
    }
}

/// A caseload row skipped by `import caseload --skip-invalid`.
pub fn skipped_line(l: Lang, line: impl std::fmt::Display, reason: &str) -> String {
    if l.da() {
        format!("sprang linje {line} over: {reason}")
    } else {
        format!("skipped line {line}: {reason}")
    }
}

/// `import caseload` done.
pub fn imported_citizens(l: Lang, n: usize, db: &str) -> String {
    if l.da() {
        format!("indlæste {n} borgere i {db}")
    } else {
        format!("imported {n} citizens into {db}")
    }
}

/// `citizen add --name` empty or with control characters.
pub fn name_needed(l: Lang) -> &'static str {
    l.t(
        "--name: giv borgerens navn (uden kontroltegn)",
        "--name: give the citizen's name (no control characters)",
    )
}

/// `--email` without an @.
pub fn bad_email(l: Lang, email: &str) -> String {
    if l.da() {
        format!("--email: '{email}' er ikke en adresse")
    } else {
        format!("--email: '{email}' is not an address")
    }
}

/// `citizen add --cpr` of a citizen already there (the CPR masked).
pub fn cpr_taken(l: Lang, masked: &str, id: i64) -> String {
    if l.da() {
        format!("--cpr: en borger med CPR {masked} er allerede i sagsstammen (id {id})")
    } else {
        format!("--cpr: a citizen with CPR {masked} is already in the caseload (id {id})")
    }
}

/// `closure … --convert all` / `--all` without `--yes` and without a terminal.
pub fn convert_needs_yes(l: Lang) -> &'static str {
    l.t(
        "at lægge alle fremmødeaftaler om kræver en bekræftelse, og der er ingen terminal at spørge i: tilføj --yes for at lægge dem om, eller udelad --convert all / --all; intet blev skrevet",
        "converting every in-person appointment needs a confirmation, and there is no terminal to ask on: add --yes to convert them, or leave out --convert all / --all; nothing was written",
    )
}

/// `closure start --name ""`.
pub fn closure_name_empty(l: Lang) -> &'static str {
    l.t(
        "--name er tom: giv nedlukningen et navn, eller udelad --name",
        "--name is empty: give the closure a name, or leave --name out",
    )
}

/// `closure convert` with neither one appointment nor `--all`.
pub fn convert_which(l: Lang) -> &'static str {
    l.t(
        "giv --appointment ID --channel C for én aftale, eller --all for dem alle",
        "give --appointment ID --channel C for one appointment, or --all for every one",
    )
}

/// `closure call --accepted` with another result than reached.
pub fn accepted_only_reached(l: Lang, result: &str) -> String {
    if l.da() {
        format!(
            "--accepted hører kun til --result reached (om borgeren sagde ja til tilbuddet om en samtale); dette opkald var '{result}': udelad --accepted"
        )
    } else {
        format!(
            "--accepted goes only with --result reached (whether the citizen accepted the offer of a conversation); this call was '{result}': leave --accepted out"
        )
    }
}

/// `report closure` before any closure.
pub fn no_closure_yet(l: Lang) -> &'static str {
    l.t(
        "der er endnu ingen nedlukning at lave rapport over: start en med `jobdesk closure start --from DATO --to DATO`",
        "there is no closure to report on yet: start one with `jobdesk closure start --from DATE --to DATE`",
    )
}

/// A new passphrase needed, with no variable and no terminal.
pub fn new_passphrase_needed(l: Lang, env: &str) -> String {
    if l.da() {
        format!(
            "der skal bruges en ny adgangsfrase: sæt {env}, eller kør i en terminal for at blive spurgt. Intet blev ændret"
        )
    } else {
        format!(
            "a new passphrase is needed: set {env}, or run in a terminal to be asked. Nothing was changed"
        )
    }
}

/// The two typed passphrases differ.
pub fn passphrases_differ(l: Lang) -> &'static str {
    l.t(
        "de to adgangsfraser er forskellige: intet blev ændret. Prøv igen",
        "the two passphrases differ: nothing was changed. Try again",
    )
}

/// The terminal cannot be switched to read a passphrase without echo (the cause follows).
pub fn no_raw_terminal(cause: anyhow::Error) -> anyhow::Error {
    said_failed(
        cause,
        "kan ikke skifte terminalen om til at læse en adgangsfrase".into(),
        "cannot switch the terminal to read a passphrase".into(),
    )
}

/// Esc or Ctrl+C at a passphrase prompt.
pub fn cancelled() -> anyhow::Error {
    said(
        "afbrudt: intet blev ændret".into(),
        "cancelled: nothing was changed".into(),
    )
}

/// `check` found problems.
pub fn check_failed(l: Lang, shown: &str, n: usize) -> String {
    if l.da() {
        format!(
            "{shown} har {n} problem(er), vist ovenfor. jobdesk ændrede intet; gem en kopi af filen, som den er, før du prøver at reparere den"
        )
    } else {
        format!(
            "{shown} has {n} problem(s), listed above. jobdesk changed nothing; keep a copy of the file as it is before you try to repair it"
        )
    }
}

/// `init` on a file that is there.
pub fn init_exists(l: Lang, shown: &str) -> String {
    if l.da() {
        format!(
            "{shown} findes allerede: `init` laver kun en ny database. Brug `jobdesk encrypt` for at kryptere en eksisterende"
        )
    } else {
        format!(
            "{shown} exists already: `init` makes a new database only. To encrypt an existing one use `jobdesk encrypt`"
        )
    }
}

/// `encrypt` / `rekey` with no database.
pub fn no_database_to_change(l: Lang, shown: &str) -> String {
    if l.da() {
        format!(
            "ingen database i {shown}: peg --db / JOBDESK_DB på din, eller opret en med `jobdesk init --encrypt`"
        )
    } else {
        format!(
            "no database at {shown}: point --db / JOBDESK_DB at yours, or create one with `jobdesk init --encrypt`"
        )
    }
}

/// `encrypt` on an encrypted database.
pub fn encrypted_already(l: Lang, shown: &str) -> String {
    if l.da() {
        format!("{shown} er allerede krypteret: `jobdesk rekey` giver den en ny adgangsfrase")
    } else {
        format!("{shown} is encrypted already: `jobdesk rekey` gives it a new passphrase")
    }
}

/// `encrypt` on a file that is not jobdesk's.
pub fn not_jobdesk(l: Lang, shown: &str) -> String {
    if l.da() {
        format!("{shown} er ikke en jobdesk-database; den blev ikke ændret")
    } else {
        format!("{shown} is not a jobdesk database; it was not changed")
    }
}

/// `rekey` on a plain database.
pub fn not_encrypted(l: Lang, shown: &str) -> String {
    if l.da() {
        format!("{shown} er ikke krypteret: `jobdesk encrypt` krypterer den med en adgangsfrase")
    } else {
        format!("{shown} is not encrypted: `jobdesk encrypt` encrypts it with a passphrase")
    }
}

/// `erase` without `--yes` and without a terminal.
pub fn erase_needs_yes(l: Lang, citizen: i64) -> String {
    if l.da() {
        format!(
            "sletning af borger {citizen} kræver en bekræftelse: kør den i en terminal for at blive spurgt, eller tilføj --yes (til scripts). Intet blev slettet"
        )
    } else {
        format!(
            "erasing citizen {citizen} needs a confirmation: run it in a terminal to be asked, or add --yes (for scripts). Nothing was erased"
        )
    }
}

/// `config`: the file is there.
pub fn config_in_use(l: Lang) -> &'static str {
    l.t("i brug", "in use")
}

/// `config`: no file yet.
pub fn config_not_there(l: Lang) -> &'static str {
    l.t(
        "findes ikke endnu: standardindstillingerne gælder",
        "not there yet: the defaults apply",
    )
}

/// `config`: how to write one.
pub fn config_write_one(l: Lang, path: &str) -> String {
    if l.da() {
        format!("Skriv en med: jobdesk config --default > \"{path}\"")
    } else {
        format!("Write one with: jobdesk config --default > \"{path}\"")
    }
}

/// `config` on a machine without a config folder.
pub fn no_config_folder(l: Lang) -> &'static str {
    l.t(
        "ingen config-mappe på denne maskine; sæt JOBDESK_CONFIG til en fil",
        "no config folder on this machine; set JOBDESK_CONFIG to a file",
    )
}

/// `generate`'s progress on a terminal.
pub fn generating(l: Lang, done: usize, total: usize) -> String {
    let pct = done * 100 / total.max(1);
    if l.da() {
        format!("genererer: {done} af {total} borgere ({pct}%)")
    } else {
        format!("generating: {done} of {total} citizens ({pct}%)")
    }
}

/// `generate` done.
pub fn generated(l: Lang, s: &crate::generate::Summary, seconds: f64, db: &str) -> String {
    if l.da() {
        format!(
            "genererede {} borgere ({} afsluttede), {} aftaler og {} kontakter på {} s i {db}",
            s.citizens,
            s.archived,
            s.appointments,
            s.contacts,
            format!("{seconds:.1}").replace('.', ",")
        )
    } else {
        format!(
            "generated {} citizens ({} archived), {} appointments and {} contacts in {:.1} s into {db}",
            s.citizens, s.archived, s.appointments, s.contacts, seconds
        )
    }
}

/// The desk started without a terminal.
pub fn desk_needs_terminal(l: Lang) -> &'static str {
    l.t(
        "skrivebordet kræver en terminal; brug kommandoerne til scripts (se `jobdesk --help`)",
        "the desk needs a terminal; for scripts use the commands (see `jobdesk --help`)",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Danish writes a decimal comma: "på 1,5 s", as the reports do.
    #[test]
    fn generated_says_its_seconds_with_a_decimal_comma_in_danish() {
        let s = crate::generate::Summary::default();
        assert!(generated(Lang::Da, &s, 1.54, "x.db").contains("på 1,5 s i x.db"));
        assert!(generated(Lang::En, &s, 1.54, "x.db").contains("in 1.5 s into x.db"));
    }
}
