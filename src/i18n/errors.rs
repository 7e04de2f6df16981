//! Words of the store's errors and warnings, in Danish and English: what was wrong, where, and
//! what to do. The store gives the facts; the command line and the desk word them here.

use super::Lang;
use crate::domain::Word;
use crate::domain::dates::fmt_date;
use crate::store::{Error, MinutesOf, Row, Warning};

/// A store error in words: Danish, or English with the command line's flags and commands where
/// they say what to do.
pub fn store(e: &Error, l: Lang) -> String {
    if l.da() { da(e) } else { en(e) }
}

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

fn en(e: &Error) -> String {
    match e {
        Error::NoHomeFolder => "cannot find your home folder to keep the database in: give one with --db PATH or JOBDESK_DB".into(),
        Error::IsAFolder { path } => format!(
            "{} is a folder, not a database file: give a file path with --db",
            path.display()
        ),
        Error::NoDatabase { path } => format!(
            "no database at {}: create one with `jobdesk init`, `jobdesk generate`, `jobdesk import caseload FILE` or by starting `jobdesk`, or point --db / JOBDESK_DB at yours",
            path.display()
        ),
        Error::CannotCreateFolder { dir, reason } => format!(
            "cannot create the folder {}: {reason}. Create it or give another --db path",
            dir.display()
        ),
        Error::NotADatabase { path } => format!(
            "{} is not a jobdesk database (or it is encrypted and the passphrase is wrong); it was not changed. Check --db / JOBDESK_DB",
            path.as_deref()
                .map(|p| p.display().to_string())
                .unwrap_or_else(|| "the file".into())
        ),
        Error::ForeignDatabase { path } => format!(
            "{} is an SQLite database of another program, not jobdesk's; it was not changed. Give jobdesk its own file with --db",
            path.display()
        ),
        Error::NewerSchema {
            path: None,
            version,
            latest,
        } => format!(
            "the database was written by a newer jobdesk (version {version}, this one knows up to {latest}); it was not changed"
        ),
        Error::NeedsPassphrase { path } => format!(
            "{} is encrypted: set JOBDESK_PASSPHRASE or run in a terminal to be asked for the passphrase",
            path.display()
        ),
        Error::WrongPassphrase { path, asked } => format!(
            "the passphrase{} does not open {}: it is wrong, or the file is not a jobdesk database. The file was not changed",
            if *asked { "" } else { " (from JOBDESK_PASSPHRASE)" },
            path.display()
        ),
        Error::Corrupt { detail } => format!(
            "the database file is damaged ({detail}). Keep a copy of it as it is, run `jobdesk check` to see what is wrong, and restore from your latest backup if need be"
        ),
        Error::NoCitizen(id) => {
            format!("no citizen with id {id}: see `jobdesk citizens --all` for the ids")
        }
        Error::NoAppointment(id) => {
            format!("no appointment with id {id}: see `jobdesk agenda` for the ids")
        }
        Error::NoContact(id) => {
            format!("no contact with id {id}: see `jobdesk log list` for the ids")
        }
        Error::Deleted {
            what: Row::Contact,
            id,
        } => format!(
            "contact {id} is deleted: see `jobdesk log list` for the live entries. Nothing was written"
        ),
        Error::Deleted { what, id } => format!(
            "the {} {id} is deleted. Nothing was written",
            what.en()
        ),
        Error::NothingToChange => "nothing to change: give at least one new value. Nothing was written".into(),
        Error::OutcomeOfAppointment {
            id,
            appointment,
            outcome,
        } => format!(
            "contact {id} is the outcome of appointment {appointment} and cannot become '{}': give held, no_show, cancelled_by_citizen or cancelled, or mark it again with `jobdesk mark --appointment {appointment} --status ...`. Nothing was written",
            outcome.key()
        ),
        Error::NotEmpty { path, citizens } => format!(
            "the database {} already holds {citizens} citizens; generate only fills an empty one. Use another --db path",
            path.display()
        ),
        Error::NotAMark { .. } => {
            "an appointment is marked held, no-show, cancelled or moved".into()
        }
        Error::ScoreOutOfRange(score) => {
            format!("--score {score}: give 1 (poor) to 5 (very good)")
        }
        Error::RangeReversed { from, to } => {
            format!("--from {from} is after --to {to}: give the first day first. Nothing was written")
        }
        Error::NoExemption(id) => format!(
            "no job-club exemption with id {id}: see `jobdesk jobclub exempt list`"
        ),
        Error::NoClosure(id) => {
            format!("no closure with id {id}: see `jobdesk closure status`")
        }
        Error::NoSeries(id) => format!("no series with id {id}: see `jobdesk series list`"),
        Error::NotAnOccurrence(id) => format!(
            "appointment {id} is not part of a series: see `jobdesk series list`, or change the single appointment in the desk"
        ),
        Error::SeriesCount { count } => format!(
            "--count {count}: a series has 1 to {} dates",
            crate::domain::recurrence::MAX_OCCURRENCES
        ),
        Error::SeriesEndsBeforeStart { start, until } => format!(
            "--until {until} is before the first date {start}: give a later --until"
        ),
        Error::ClosureNotOpen => "no closure is open: start one with `jobdesk closure start --from DATE --to DATE` (see `jobdesk closure start --help`)".into(),
        Error::ClosureOpen { name, from, to } => format!(
            "the closure \"{name}\" ({from} to {to}) is still open, and one closure runs at a time: end it first with `jobdesk closure end`"
        ),
        Error::ClosureNameEmpty => {
            "--name is empty: give the closure a name, or leave --name out".into()
        }
        Error::ClosureNameTaken { name } => {
            format!("a closure named \"{name}\" exists already: give another --name")
        }
        Error::AcceptedNeedsReached { result } => format!(
            "--accepted goes only with --result reached (whether the citizen accepted the offer of a conversation); this call was '{}': leave --accepted out",
            result.key()
        ),
        Error::NotOnCallList { citizen, closure } => format!(
            "citizen {citizen} is not on the call list of the closure \"{closure}\" (it holds the citizens who were active when it started, and those added since): see `jobdesk closure list`, put them on it with `jobdesk closure add --citizen {citizen}`, or log the call with `jobdesk log add`"
        ),
        Error::AnswersNeedReached { result } => format!(
            "--received and --matched go only with --result reached (how the call was received, whether the citizen was matched to a job or placement); this call was '{}': leave them out",
            result.key()
        ),
        Error::NoAttemptToAnswer { citizen } => format!(
            "citizen {citizen} has no call on the open closure's list yet: record the call first with `jobdesk closure call --citizen {citizen} --result reached`"
        ),
        Error::AlreadyOnCallList { citizen, closure } => format!(
            "citizen {citizen} is on the call list of the closure \"{closure}\" already: see `jobdesk closure list`"
        ),
        Error::CallListArchived { citizen } => format!(
            "citizen {citizen} is archived: bring them back first, then add them with `jobdesk closure add --citizen {citizen}`"
        ),
        Error::CannotConvert { .. } => format!("--channel: {e}"),
        Error::NotAFile { path, kind } => format!(
            "{} is {}, not a database file: give the path of a database file with --db (a new one is made where none is). Nothing was read or changed",
            path.display(),
            kind.en()
        ),
        Error::NotRegular { path, kind } => format!(
            "{} is {}: jobdesk writes, and with --force replaces, only regular files. Give a file name. Nothing was written",
            path.display(),
            kind.en()
        ),
        Error::BackupExists { path } => format!(
            "{} exists already: give another file name, or --force to replace it",
            path.display()
        ),
        // The store's own words say it all.
        _ => e.to_string(),
    }
}

fn minutes_of(of: MinutesOf) -> &'static str {
    match of {
        MinutesOf::Appointment => "en aftale",
        MinutesOf::Contact => "en kontakt",
        MinutesOf::Call => "et opkald",
    }
}

fn row(r: Row) -> &'static str {
    match r {
        Row::Citizen => "borgeren",
        Row::Appointment => "aftalen",
        Row::Contact => "kontakten",
    }
}

fn d(day: &chrono::NaiveDate) -> String {
    fmt_date(*day, true)
}

fn da(e: &Error) -> String {
    match e {
        Error::NoHomeFolder => "kan ikke finde din hjemmemappe til databasen: angiv en med --db STI eller JOBDESK_DB".into(),
        Error::IsAFolder { path } => format!(
            "{} er en mappe, ikke en databasefil: angiv stien til en fil med --db",
            path.display()
        ),
        Error::NoDatabase { path } => format!(
            "der er ingen database i {}: opret en med `jobdesk init`, `jobdesk generate`, `jobdesk import caseload FIL` eller ved at starte `jobdesk`, eller peg --db / JOBDESK_DB på din egen",
            path.display()
        ),
        Error::CannotRead { path, reason } => format!(
            "kan ikke læse {}: {reason}. Tjek filens rettigheder",
            path.display()
        ),
        Error::CannotCreateFolder { dir, reason } => format!(
            "kan ikke oprette mappen {}: {reason}. Opret den selv, eller angiv en anden sti med --db",
            dir.display()
        ),
        Error::CannotCreate { path, reason } => format!(
            "kan ikke oprette databasen {}: {reason}. Tjek at mappen findes, og at du må skrive i den",
            path.display()
        ),
        Error::NotADatabase { path } => format!(
            "{} er ikke en jobdesk-database (eller den er krypteret, og adgangsfrasen er forkert); den er ikke ændret. Tjek --db / JOBDESK_DB",
            path.as_deref()
                .map(|p| p.display().to_string())
                .unwrap_or_else(|| "filen".into())
        ),
        Error::ForeignDatabase { path } => format!(
            "{} er en SQLite-database fra et andet program, ikke jobdesks; den er ikke ændret. Giv jobdesk sin egen fil med --db",
            path.display()
        ),
        Error::NewerSchema {
            path,
            version,
            latest,
        } => format!(
            "{} er skrevet af en nyere jobdesk (databaseversion {version}, denne jobdesk kender op til {latest}); den er ikke ændret. Opdatér jobdesk for at åbne den",
            path.as_deref()
                .map(|p| p.display().to_string())
                .unwrap_or_else(|| "databasen".into())
        ),
        Error::MigrationFailed { version, detail } => {
            format!("opdateringen til databaseversion {version} mislykkedes: {detail}")
        }
        Error::NeedsPassphrase { path } => format!(
            "{} er krypteret: sæt JOBDESK_PASSPHRASE, eller kør i en terminal for at blive spurgt om adgangsfrasen",
            path.display()
        ),
        Error::WrongPassphrase { path, asked } => format!(
            "adgangsfrasen{} åbner ikke {}: den er forkert, eller filen er ikke en jobdesk-database. Filen er ikke ændret",
            if *asked { "" } else { " (fra JOBDESK_PASSPHRASE)" },
            path.display()
        ),
        Error::PassphraseTooShort { min } => format!(
            "adgangsfrasen er for kort: brug mindst {min} tegn (nogle få ord er lette at huske og svære at gætte)"
        ),
        Error::KeyDerivation { detail } => format!("nøglen kunne ikke laves: {detail}"),
        Error::Busy => "databasen er optaget: et andet program har holdt den låst for længe. Prøv igen om lidt".into(),
        Error::DiskFull => "disken er fuld: intet fra dette trin er gemt, alt gemt før er i behold. Frigør plads og prøv igen".into(),
        Error::ReadOnly => "databasen eller dens mappe er skrivebeskyttet: intet er gemt. Tjek filens og mappens rettigheder".into(),
        Error::CannotOpen => "databasefilen kan ikke åbnes: tjek at mappen findes, og at du må læse og skrive i den".into(),
        Error::PermissionDenied => "adgang nægtet til databasefilen: tjek dens ejer og rettigheder".into(),
        Error::Corrupt { detail } => format!(
            "databasefilen er beskadiget ({detail}). Gem en kopi af den, som den er, kør `jobdesk check` for at se hvad der er galt, og genskab fra din seneste sikkerhedskopi om nødvendigt"
        ),
        Error::DiskIo { detail } => format!(
            "læsning eller skrivning på disken mislykkedes (er den fuld, fjernet eller ved at gå i stykker?): intet fra dette trin er gemt, alt gemt før er i behold ({detail})"
        ),
        Error::FileNotWritable { path, reason } => format!(
            "databasen {} kan ikke skrives ({reason}): intet er gemt eller ændret. Tjek filens rettigheder, eller kopiér den et sted hen hvor du må skrive",
            path.display()
        ),
        Error::FolderNotWritable { dir, reason } => format!(
            "mappen {} kan ikke skrives ({reason}): jobdesk lægger to små filer ved siden af databasen (-wal og -shm), så den kan ikke arbejde der. Intet er gemt eller ændret. Flyt databasen til en mappe hvor du må skrive",
            dir.display()
        ),
        Error::AtDatabase { path } => format!("databasen {}", path.display()),
        Error::InDatabase { path } => format!("i {}", path.display()),
        Error::NoCitizen(id) => {
            format!("der er ingen borger med id {id}: se id'erne med `jobdesk citizens --all`")
        }
        Error::NoAppointment(id) => {
            format!("der er ingen aftale med id {id}: se id'erne med `jobdesk agenda`")
        }
        Error::NoContact(id) => {
            format!("der er ingen kontakt med id {id}: se id'erne med `jobdesk log list`")
        }
        Error::Gone { what, id } => format!("{} {id} er væk (er den slettet?)", row(*what)),
        Error::Deleted {
            what: Row::Contact,
            id,
        } => format!(
            "kontakt {id} er slettet: se de gældende kontakter med `jobdesk log list`. Intet blev skrevet"
        ),
        Error::Deleted { what, id } => {
            format!("{} {id} er slettet. Intet blev skrevet", row(*what))
        }
        Error::NothingToChange => {
            "intet at ændre: angiv mindst én ny værdi. Intet blev skrevet".into()
        }
        Error::OutcomeOfAppointment {
            id,
            appointment,
            outcome,
        } => format!(
            "kontakt {id} er udfaldet af aftale {appointment} og kan ikke blive '{}': angiv held, no_show, cancelled_by_citizen eller cancelled, eller markér aftalen igen med `jobdesk mark --appointment {appointment} --status ...`. Intet blev skrevet",
            outcome.name(true)
        ),
        Error::NotEmpty { path, citizens } => format!(
            "databasen {} har allerede {citizens} borgere; generate fylder kun en tom. Angiv en anden sti med --db",
            path.display()
        ),
        Error::NameMissing => "en borger skal have et navn".into(),
        Error::TooLong { what, len } => format!(
            "{} er {len} tegn langt; højst {} er tilladt. Intet blev skrevet",
            what.da(),
            what.max()
        ),
        Error::DuplicateCpr { masked } => {
            format!("en borger med CPR {masked} er allerede i sagsstammen")
        }
        Error::MinutesOutOfRange { of, minutes } => {
            let (lo, hi) = of.range();
            format!(
                "{minutes} minutter er ikke en længde for {}: angiv {lo} til {hi}",
                minutes_of(*of)
            )
        }
        Error::NotAMark { .. } => {
            "en aftale markeres som afholdt, udeblevet, aflyst eller flyttet".into()
        }
        Error::MoveNeedsTime => "en aftale kan kun flyttes til et nyt tidspunkt: angiv det".into(),
        Error::MentorHoursOutOfRange(h) => {
            format!("{h} timer om ugen er ikke en mentoraftale: angiv 0 til 60")
        }
        Error::ScoreOutOfRange(score) => {
            format!("--score {score}: angiv 1 (dårlig) til 5 (meget god)")
        }
        Error::RangeReversed { from, to } => format!(
            "--from {} ligger efter --to {}: angiv den første dag først. Intet blev skrevet",
            d(from),
            d(to)
        ),
        Error::TimeReversed { from, to } => format!(
            "klokkeslættet {} ligger ikke før {}: angiv tidsrummets start først. Intet blev skrevet",
            from.format("%H.%M"),
            to.format("%H.%M")
        ),
        Error::NoExemption(id) => format!(
            "der er ingen jobklub-fritagelse med id {id}: se `jobdesk jobclub exempt list`"
        ),
        Error::ExemptionOverlaps {
            other,
            from,
            to,
            reason,
        } => format!(
            "den overlapper borgerens jobklub-fritagelse {other} ({} til {}: {reason}): ret eller fjern den først. Intet blev skrevet",
            d(from),
            d(to)
        ),
        Error::NoClosure(id) => {
            format!("der er ingen nedlukning med id {id}: se `jobdesk closure status`")
        }
        Error::NoSeries(id) => format!("der er ingen serie med id {id}: se `jobdesk series list`"),
        Error::NotAnOccurrence(id) => format!(
            "aftale {id} hører ikke til en serie: se `jobdesk series list`, eller ret den enkelte aftale i skrivebordet"
        ),
        Error::SeriesCount { count } => format!(
            "--count {count}: en serie har 1 til {} datoer",
            crate::domain::recurrence::MAX_OCCURRENCES
        ),
        Error::SeriesEndsBeforeStart { start, until } => format!(
            "--until {} ligger før første dato {}: angiv en senere --until",
            d(until),
            d(start)
        ),
        Error::SeriesAllDaysOff { days } => format!(
            "alle seriens {days} datoer er fridage, så intet blev planlagt: vælg en anden ugedag, eller flyt fridage (--on-day-off move)"
        ),
        Error::ClosureNotOpen => "ingen nedlukning er åben: start en med `jobdesk closure start --from DATO --to DATO` (se `jobdesk closure start --help`)".into(),
        Error::ClosureOpen { name, from, to } => format!(
            "nedlukningen \"{name}\" ({} til {}) er stadig åben, og der kører én nedlukning ad gangen: afslut den først med `jobdesk closure end`",
            d(from),
            d(to)
        ),
        Error::ClosureTooLong {
            from,
            to,
            days,
            max,
        } => format!(
            "perioden {} til {} er {days} dage lang; en nedlukning varer højst {max} dage: tjek årstallene",
            d(from),
            d(to)
        ),
        Error::ClosureNameEmpty => {
            "--name er tom: giv nedlukningen et navn, eller udelad --name".into()
        }
        Error::ClosureOverlaps {
            from,
            to,
            name,
            closure_from,
            closure_to,
        } => format!(
            "perioden {} til {} overlapper nedlukningen \"{name}\" ({} til {}): vælg dage uden for den",
            d(from),
            d(to),
            d(closure_from),
            d(closure_to)
        ),
        Error::ClosureNameTaken { name } => {
            format!("der findes allerede en nedlukning ved navn \"{name}\": angiv et andet --name")
        }
        Error::NoClosureNamed { name, closures } if closures.is_empty() => {
            format!("der er ingen nedlukning ved navn \"{name}\": der er ingen nedlukninger endnu")
        }
        Error::NoClosureNamed { name, closures } => format!(
            "der er ingen nedlukning ved navn \"{name}\": nedlukningerne er {}",
            quoted(closures)
        ),
        Error::AcceptedNeedsReached { result } => format!(
            "--accepted hører kun sammen med --result reached (om borgeren tog imod tilbuddet om en samtale); dette opkald var '{}': udelad --accepted",
            result.key()
        ),
        Error::NotOnCallList { citizen, closure } => format!(
            "borger {citizen} er ikke på ringelisten for nedlukningen \"{closure}\" (den rummer de borgere, der var aktive, da den startede, og dem der er kommet til siden): se `jobdesk closure list`, sæt borgeren på med `jobdesk closure add --citizen {citizen}`, eller log opkaldet med `jobdesk log add`"
        ),
        Error::AnswersNeedReached { result } => format!(
            "--received og --matched hører kun sammen med --result reached (hvordan opkaldet blev modtaget, om borgeren blev matchet til job eller praktik); dette opkald var '{}': udelad dem",
            result.key()
        ),
        Error::NoAttemptToAnswer { citizen } => format!(
            "borger {citizen} har endnu ikke et opkald på den åbne nedluknings ringeliste: registrér opkaldet først med `jobdesk closure call --citizen {citizen} --result reached`"
        ),
        Error::AlreadyOnCallList { citizen, closure } => format!(
            "borger {citizen} er allerede på ringelisten for nedlukningen \"{closure}\": se `jobdesk closure list`"
        ),
        Error::CallListArchived { citizen } => format!(
            "borger {citizen} er arkiveret: hent borgeren tilbage først, og tilføj så med `jobdesk closure add --citizen {citizen}`"
        ),
        Error::NotPlanned { id, status } => format!(
            "aftale {id} er {}, ikke planlagt: kun planlagte aftaler omlægges",
            status.da()
        ),
        Error::NotInPerson { id, channel } => format!(
            "aftale {id} er allerede {}: kun fremmødeaftaler (fremmøde, hjemmebesøg, arbejdsplads) omlægges",
            channel.da()
        ),
        Error::OutsideClosure {
            id,
            day,
            closure,
            from,
            to,
        } => format!(
            "aftale {id} ligger {}, uden for nedlukningen \"{closure}\" ({} til {}): kun aftaler inden for den omlægges",
            d(day),
            d(from),
            d(to)
        ),
        Error::CannotConvert { kind, to, allowed } => format!(
            "--channel: en {} kan ikke omlægges til '{}' under en nedlukning: brug {}",
            kind.da(),
            to.key(),
            allowed
                .iter()
                .map(|c| c.key())
                .collect::<Vec<_>>()
                .join(" eller ")
        ),
        Error::BackupIsFolder { path } => format!(
            "{} er en mappe: angiv sikkerhedskopiens filnavn, fx {}",
            path.display(),
            path.join("jobdesk-backup.db").display()
        ),
        Error::BackupIsDatabase { path } => format!(
            "{} er selve databasen: giv sikkerhedskopien et andet filnavn",
            path.display()
        ),
        Error::BackupExists { path } => format!(
            "{} findes allerede: angiv et andet filnavn, eller --force for at erstatte den",
            path.display()
        ),
        Error::FolderMissing { dir } => {
            format!("mappen {} findes ikke: opret den først", dir.display())
        }
        Error::BackupBusy => "databasen var optaget i 30 sekunder: prøv sikkerhedskopien igen om lidt".into(),
        Error::BackupFailed { path } => format!(
            "sikkerhedskopien til {} mislykkedes; intet er skrevet der",
            path.display()
        ),
        Error::CannotPlaceBackup { path, reason } => format!(
            "kan ikke lægge sikkerhedskopien på plads i {}: {reason}",
            path.display()
        ),
        Error::InUse { path } => format!(
            "{} er åben i et andet program (skrivebordet?): luk det og prøv igen. Intet er ændret",
            path.display()
        ),
        Error::NotChanged { path } => format!("{} er ikke ændret", path.display()),
        Error::CannotReplace { path, reason } => format!(
            "kan ikke lægge den nye fil i stedet for {}: {reason}. Databasen er ikke ændret",
            path.display()
        ),
        Error::NotAFile { path, kind } => format!(
            "{} er {}, ikke en databasefil: angiv stien til en databasefil med --db (hvor der ingen er, oprettes en ny). Intet er læst eller ændret",
            path.display(),
            kind.da()
        ),
        Error::NotRegular { path, kind } => format!(
            "{} er {}: jobdesk skriver, og erstatter med --force, kun almindelige filer. Angiv et filnavn. Intet er skrevet",
            path.display(),
            kind.da()
        ),
        Error::NotCreated { path, full: true } => format!(
            "disken er fuld: intet blev gemt, {} er ikke oprettet. Frigør plads og prøv igen",
            path.display()
        ),
        Error::NotCreated { path, full: false } => format!(
            "skrivningen mislykkedes: intet blev gemt, {} er ikke oprettet",
            path.display()
        ),
        Error::PathNotText => "databasens sti er ikke gyldig tekst".into(),
        Error::Sqlite(e) => format!("SQLite: {e}"),
        Error::Io(e) => format!("fejl ved læsning eller skrivning: {e}"),
    }
}

/// A warning of opening a database, as the command line prints it.
pub fn warning(w: &Warning, l: Lang) -> String {
    match w {
        Warning::OthersMayRead { path } => {
            let p = path.display();
            if l.da() {
                format!(
                    "advarsel: andre brugere på denne maskine kan læse {p}, og den rummer personoplysninger. Ret det med: chmod 600 {p}"
                )
            } else {
                format!(
                    "warning: {p} can be read by other users on this machine; it holds personal data. Fix it with: chmod 600 {p}"
                )
            }
        }
        Warning::PassphraseUnused { path } => {
            let p = path.display();
            if l.da() {
                format!(
                    "advarsel: JOBDESK_PASSPHRASE er sat, men {p} er ikke krypteret. Kryptér den med: jobdesk encrypt"
                )
            } else {
                format!(
                    "warning: JOBDESK_PASSPHRASE is set, but {p} is not encrypted. Encrypt it with: jobdesk encrypt"
                )
            }
        }
    }
}

/// Said before asking again, after a passphrase that did not open the database.
pub fn passphrase_retry(l: Lang, path: &str) -> String {
    if l.da() {
        format!("Den adgangsfrase åbner ikke {path}; prøv igen.")
    } else {
        format!("That passphrase does not open {path}; try again.")
    }
}

/// The message for an error, as `{e:#}` prints it (every cause, joined by ": "), except that
/// store errors in the chain are worded in `lang` (see `i18n::errors::store`), and so are
/// messages said in both languages ([`super::cli::Said`]).
pub fn message(e: &anyhow::Error, lang: Lang) -> String {
    e.chain()
        .map(|c| {
            if let Some(s) = c.downcast_ref::<crate::store::Error>() {
                store(s, lang)
            } else if let Some(s) = c.downcast_ref::<super::cli::Said>() {
                s.text(lang).to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(": ")
}
