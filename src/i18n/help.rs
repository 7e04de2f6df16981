//! The command line's help in Danish: every command's and every option's text (the English is
//! the doc comments on the clap definitions in `cli/`), clap's own headings and the words of
//! its usage errors. A command or option added to the command line needs its row here: a test
//! in `cli::help` lists every one without.

/// The Danish about of a command, by its path (`""` the program, `"log add"` a subcommand) and
/// the Danish help of an option or argument, by the command's path and the argument's id (the
/// field name). One row each; the empty id is the command's own about.
pub const DA: &[(&str, &str, &str)] = &[
    (
        "",
        "",
        "En jobkonsulents hurtige skrivebord: opkald, mentorbesøg, kontaktlog og sagsstamme",
    ),
    (
        "",
        "db",
        "Databasefilen (standard: din datamappe; også miljøvariablen JOBDESK_DB)",
    ),
    (
        "",
        "lang",
        "Sproget: da eller en (standard: config'ens lang, så LC_ALL / LC_MESSAGES / LANG, så styresystemets sprog, ellers dansk)",
    ),
    (
        "",
        "demo",
        "Åbn skrivebordet på en ny midlertidig database med en genereret, opdigtet sagsstamme",
    ),
    // generate
    (
        "generate",
        "",
        "Fyld en tom database med en realistisk, fast (samme frø, samme data), opdigtet sagsstamme",
    ),
    (
        "generate",
        "citizens",
        "Hvor mange borgere i alt (nogle er afsluttede, som når folk finder job)",
    ),
    ("generate", "years", "Hvor mange års historik"),
    (
        "generate",
        "seed",
        "Frøet: samme frø samme dag giver samme sagsstamme",
    ),
    // citizens
    (
        "citizens",
        "",
        "Vis den aktive sagsstamme (id, navn, målgruppe, næste samtale senest)",
    ),
    ("citizens", "all", "Også afsluttede borgere"),
    (
        "citizens",
        "json",
        "Ét JSON-array af objekter (id, name, target_group, next_due, pace_due, archived) til scripts; next_due er den lovpligtige frist, pace_due jobdesks tempo hen imod den",
    ),
    // citizen
    ("citizen", "", "Opret eller ret borgere"),
    (
        "citizen add",
        "",
        "Føj én borger til sagsstammen og skriv id'et",
    ),
    (
        "citizen add",
        "target_group",
        "dagpenge, sygedagpenge, kontanthjaelp_jobparat, … (også de fulde navne, på dansk eller engelsk)",
    ),
    (
        "citizen add",
        "cpr",
        "ddmmåå-xxxx eller 10 cifre (valgfrit; skjult på skærmen)",
    ),
    (
        "citizen add",
        "address",
        "Borgerens adresse (et hjemmebesøg planlagt uden sted holdes her)",
    ),
    (
        "citizen add",
        "benefit_start",
        "Start på den nuværende ydelse (samtaletællingen løber fra den)",
    ),
    (
        "citizen add",
        "absence_start",
        "Første fraværsdag (sygedagpenge: tællingen løber fra den; standard: ydelsens start)",
    ),
    ("citizen add", "mentor", "Borgeren har en mentor"),
    ("citizen add", "summary", "Et kort, levende resumé"),
    (
        "citizen set",
        "",
        "Ret en borger: fritagelse, mentoraftale, afsluttet, resumé",
    ),
    ("citizen set", "id", "Borgerens id"),
    (
        "citizen set",
        "exempt",
        "Fritaget for samtaler (ingen næste frist)",
    ),
    ("citizen set", "mentor", "Har en mentor"),
    ("citizen set", "mentor_goals", "Mentoraftalens mål"),
    (
        "citizen set",
        "mentor_hours",
        "Mentoraftalens timer om ugen",
    ),
    ("citizen set", "mentor_until", "Mentoraftalens sidste dag"),
    (
        "citizen set",
        "archived",
        "Afsluttet (ikke længere i den aktive sagsstamme)",
    ),
    ("citizen set", "summary", "Erstat det levende resumé"),
    (
        "citizen set",
        "absence_start",
        "Første fraværsdag (sygedagpenge: første samtale senest ved udgangen af uge 8 regnet fra den); \"none\" fjerner den",
    ),
    (
        "citizen set",
        "address",
        "Borgerens adresse (et hjemmebesøg planlagt uden sted holdes her); \"\" fjerner den",
    ),
    (
        "citizen exempt-jobclub",
        "",
        "Frita en borger for jobklub i en periode med en anden aktivitet",
    ),
    ("citizen exempt-jobclub", "id", "Borgerens id"),
    (
        "citizen exempt-jobclub",
        "reason",
        "Hvorfor (et netværksmøde, et kursus)",
    ),
    // agenda, plan, mark
    (
        "agenda",
        "",
        "Vis aftalerne på en dag (eller flere dage) i tidsorden",
    ),
    ("agenda", "date", "Den første dag (standard: i dag)"),
    ("agenda", "days", "Hvor mange dage fra den"),
    (
        "agenda",
        "json",
        "Ét JSON-array af objekter (id, start, minutes, citizen_id, citizen, kind, channel, status)",
    ),
    ("plan", "", "Planlæg én aftale og skriv dens id"),
    ("plan", "citizen", "Borgerens id (se `jobdesk citizens`)"),
    (
        "plan",
        "at",
        "Hvornår: 2026-11-23T10:30, \"23.11.2026 10.30\" eller \"i dag 14:00\"",
    ),
    (
        "plan",
        "channel",
        "in_person, phone, video, home_visit, walk, workplace (også danske ord: fremmøde, telefon, video, hjemmebesøg, gåtur, arbejdsplads)",
    ),
    ("plan", "minutes", "Længde i minutter"),
    (
        "plan",
        "kind",
        "conversation (samtale) eller mentor_visit (mentorbesøg) (standard: mentor_visit ved home_visit/walk/workplace)",
    ),
    ("plan", "place", "Hvor (en adresse, et lokale)"),
    (
        "plan",
        "strict",
        "Gør en advarsel (efter borgerens lovpligtige frist, en fridag, en weekend, i fortiden, oven i en anden aftale) til en fejl: exit 2 og intet planlagt",
    ),
    (
        "plan",
        "every",
        "Planlæg en serie: week (hver uge), 2weeks (hver anden uge) eller month (samme ugedag i samme uge hver måned, fx 2. tirsdag; en 5.: den sidste). Skriver seriens id; hvor mange der blev planlagt, og de fridage, der blev sprunget over eller flyttet, står på stderr",
    ),
    (
        "plan",
        "until",
        "Seriens sidste dag (medregnet). Uden --until og --count: til borgerens mentoraftale udløber, ellers 26 uger",
    ),
    (
        "plan",
        "count",
        "Hvor mange datoer serien har (fridage, der springes over, medregnet), 1 til 261",
    ),
    (
        "plan",
        "on_day_off",
        "En dato på en helligdag eller lokal fridag: spring den over (skip, standard) eller flyt den til næste arbejdsdag (move)",
    ),
    (
        "series",
        "",
        "Gentagne aftaler: vis dem, ret \"denne og alle følgende\", afslut eller slet en serie",
    ),
    (
        "series list",
        "",
        "Serierne (gentagne aftaler) i sagsstammen eller hos én borger",
    ),
    ("series list", "citizen", "Kun denne borgers serier"),
    (
        "series list",
        "json",
        "Ét JSON-array af objekter (id, citizen_id, citizen, kind, channel, minutes, start, every, until, count, on_day_off, skipped, occurrences, planned, next) til scripts",
    ),
    (
        "series set",
        "",
        "\"Denne og alle følgende\": ret tid, længde, kanal eller sted for en forekomst og alle senere planlagte (serien deles der; markerede forbliver, som de var)",
    ),
    (
        "series set",
        "from",
        "En forekomsts aftale-id (se `jobdesk agenda`)",
    ),
    (
        "series set",
        "time",
        "Det nye klokkeslæt: 10:30 eller 10.30 (hver dato bliver)",
    ),
    ("series set", "minutes", "Den nye længde i minutter"),
    ("series set", "channel", "Den nye kanal"),
    ("series set", "place", "Det nye sted"),
    (
        "series end",
        "",
        "Afslut en serie fra en forekomst: den og alle senere planlagte fjernes, markerede forbliver som enkeltaftaler",
    ),
    (
        "series end",
        "from",
        "Den første forekomst, der fjernes (dens aftale-id)",
    ),
    (
        "series delete",
        "",
        "Slet en serie: dens planlagte aftaler fjernes, de allerede markerede (holdt, udeblevet, aflyst, flyttet) forbliver som enkeltaftaler",
    ),
    (
        "series delete",
        "id",
        "Seriens id (se `jobdesk series list`)",
    ),
    (
        "mark",
        "",
        "Markér en aftale holdt, udeblevet eller aflyst og skriv kontaktens id; en ny markering erstatter den tidligere",
    ),
    ("mark", "appointment", "Aftalens id (se `jobdesk agenda`)"),
    (
        "mark",
        "status",
        "held, no_show, cancelled_by_citizen eller cancelled (også danske ord); en ny markering erstatter den tidligere",
    ),
    (
        "mark",
        "note",
        "Et kort notat (standard: det tidligere notat ved en ny markering); må begynde med '-'",
    ),
    (
        "mark",
        "first_by_phone_ok",
        "Borgerens første samtale blev holdt over telefon eller video og tæller alligevel (uden dette advares der, og den tæller ikke: den første skal holdes ved fremmøde)",
    ),
    // log
    ("log", "", "Kontaktloggen"),
    (
        "log add",
        "",
        "Tilføj én kontakt til loggen og skriv dens id",
    ),
    (
        "log add",
        "channel",
        "in_person, phone, video, home_visit, walk, workplace, sms, email, digital_post, letter (også danske ord)",
    ),
    (
        "log add",
        "outcome",
        "held, no_show, cancelled_by_citizen, cancelled, moved, reached, not_reached, message_left (også danske ord)",
    ),
    ("log add", "at", "Hvornår (standard: nu)"),
    ("log add", "minutes", "Minutter brugt"),
    (
        "log add",
        "note",
        "Et kort notat; må begynde med '-' og må have et linjeskift",
    ),
    (
        "log add",
        "counts",
        "Om den tæller med i lovens minimum af samtaler (standard: ja for en holdt samtale ved fremmøde, telefon eller video; en borgers første samtale over telefon eller video advarer og tæller kun med --counts yes, da den skal holdes ved fremmøde)",
    ),
    (
        "log feedback",
        "",
        "Notér hvordan borgeren oplevede en kontakt (1–5) og borgerens eget ønske",
    ),
    ("log feedback", "contact", "Kontaktens id"),
    ("log feedback", "score", "1 (dårlig) til 5 (meget god)"),
    ("log feedback", "wish", "Borgerens eget ønske, på én linje"),
    (
        "log list",
        "",
        "De gældende kontakter på en dag (standard: i dag), i en periode eller for en borger, i tidsorden",
    ),
    (
        "log list",
        "date",
        "Én dag (standard: i dag, eller alle dage med --citizen)",
    ),
    ("log list", "from", "Periodens første dag (medregnet)"),
    ("log list", "to", "Periodens sidste dag (medregnet)"),
    ("log list", "citizen", "Kun denne borgers kontakter"),
    (
        "log list",
        "json",
        "Ét JSON-array af objekter (id, at, citizen_id, citizen, kind, channel, outcome, minutes, counts, transferred, note)",
    ),
    (
        "log edit",
        "",
        "Ret én kontakt: kun de felter, der gives, ændres (skrevet i revisionsloggen, uden notatets tekst)",
    ),
    (
        "log edit",
        "contact",
        "Kontaktens id (se `jobdesk log list`)",
    ),
    (
        "log edit",
        "at",
        "Det rigtige tidspunkt: 2026-11-23T10:30, \"23.11.2026 10.30\" eller \"i dag 14:00\"",
    ),
    ("log edit", "minutes", "Minutter brugt (0 til 1440)"),
    (
        "log edit",
        "channel",
        "in_person, phone, video, home_visit, walk, workplace, sms, email, digital_post, letter (også danske ord)",
    ),
    (
        "log edit",
        "outcome",
        "held, no_show, cancelled_by_citizen, cancelled, moved, reached, not_reached, message_left (også danske ord)",
    ),
    (
        "log edit",
        "note",
        "Hele notatet, som det skal lyde; må begynde med '-' og må have et linjeskift",
    ),
    (
        "log delete",
        "",
        "Slet én kontakt (spørger først; --yes til scripts; skrevet i revisionsloggen)",
    ),
    (
        "log delete",
        "contact",
        "Kontaktens id (se `jobdesk log list`)",
    ),
    ("log delete", "yes", "Slet uden at spørge (til scripts)"),
    (
        "log pending",
        "",
        "Alle gældende kontakter, der endnu ikke er overført til sagssystemet, på tværs af dage, ældste først, med alder i arbejdsdage (for gammel: mere end transfer_max_days i config'en)",
    ),
    (
        "log pending",
        "json",
        "Ét JSON-array af objekter (som `log list --json`, plus age_days: ventede arbejdsdage, too_old: mere end transfer_max_days)",
    ),
    (
        "log note",
        "",
        "Skriv én kontakts journalklare tekst (config'ens journalskabelon) til at sætte ind i sagssystemet",
    ),
    (
        "log note",
        "contact",
        "Kontaktens id (se `jobdesk log list` eller `log pending`)",
    ),
    (
        "log transferred",
        "",
        "Markér kontakter overført til sagssystemet: én, en dags eller en borgers (--undo: ikke overført); skriver hvor mange der blev ændret",
    ),
    ("log transferred", "contact", "Én kontakt"),
    ("log transferred", "date", "Alle kontakter på denne dag"),
    (
        "log transferred",
        "citizen",
        "Alle kontakter for denne borger",
    ),
    (
        "log transferred",
        "undo",
        "Markér dem i stedet som ikke overført",
    ),
    // import
    ("import", "", "Hent data ind"),
    (
        "import caseload",
        "",
        "Borgere fra CSV: overskrift name,cpr,phone,email,target_group,benefit_start (også danske navne), ',' eller ';', med eller uden BOM. Alt eller intet, medmindre --skip-invalid",
    ),
    (
        "import caseload",
        "skip_invalid",
        "Indlæs de gode rækker og vis de dårlige",
    ),
    (
        "import json",
        "",
        "Alt fra en fil skrevet af `jobdesk export json`, kun ind i en tom (eller ny) database",
    ),
    (
        "import json",
        "file",
        "En fil skrevet af `jobdesk export json`",
    ),
    // config
    (
        "config",
        "",
        "Hvor config-filen ligger (sprog, notatstumper, notatlængde, samtaleregler); --default skriver en til at rette i",
    ),
    (
        "config",
        "default",
        "Skriv standard-config-filen (med de indbyggede samtaleregler skrevet ud)",
    ),
    // closure, report
    (
        "closure",
        "",
        "Nedlukningens ringerunde: sæt frister i bero, læg fremmøder om, ring sagsstammen op",
    ),
    (
        "closure start",
        "",
        "Start en nedlukning: sæt frister i bero i perioden, vis (og læg om) dens fremmødeaftaler, og lav opkaldslisten over hele sagsstammen",
    ),
    (
        "closure start",
        "from",
        "Første dag: 2026-11-23, 23.11.2026, i dag / today",
    ),
    ("closure start", "to", "Sidste dag (medregnet)"),
    (
        "closure start",
        "name",
        "Et navn, der skiller nedlukninger ad (standard: \"Nedlukning <første dag>\", på engelsk \"Closure …\")",
    ),
    (
        "closure start",
        "convert",
        "Hvad der sker med fremmødeaftalerne i perioden: all lægger samtaler om til telefon og mentorbesøg til en gåtur",
    ),
    (
        "closure start",
        "counts_held",
        "Om samtaler holdt i perioden tæller med i lovens minimum",
    ),
    ("closure start", "yes", "Læg om uden at spørge"),
    (
        "closure convert",
        "",
        "Læg fremmødeaftaler i den åbne nedlukning om til telefon, video eller en gåtur",
    ),
    (
        "closure convert",
        "appointment",
        "Én aftales id (se `jobdesk closure status` eller `jobdesk agenda`)",
    ),
    (
        "closure convert",
        "channel",
        "Den nye kanal: phone eller video til en samtale, walk eller phone til et mentorbesøg",
    ),
    (
        "closure convert",
        "all",
        "Alle fremmødeaftaler i den åbne nedluknings periode",
    ),
    ("closure convert", "yes", "Med --all: læg om uden at spørge"),
    (
        "closure call",
        "",
        "Notér ét opkald til en borger på opkaldslisten (en kontakt i loggen)",
    ),
    (
        "closure call",
        "citizen",
        "Borgerens id (se `jobdesk closure list`)",
    ),
    (
        "closure call",
        "result",
        "reached, no_answer, message_left eller wrong_number (på dansk: fanget, intet svar, besked lagt, forkert nummer)",
    ),
    (
        "closure call",
        "accepted",
        "Kun med --result reached: om borgeren sagde ja til tilbuddet om en samtale",
    ),
    (
        "closure call",
        "received",
        "Kun med --result reached: hvordan opkaldet blev modtaget: very_positive, positive, neutral eller negative (på dansk: meget positivt, positivt, neutralt, negativt)",
    ),
    (
        "closure call",
        "matched",
        "Kun med --result reached: matchet til job eller praktik",
    ),
    ("closure call", "at", "Hvornår (standard: nu)"),
    (
        "closure call",
        "received",
        "Kun med --result reached: hvordan opkaldet blev modtaget: very_positive, positive, neutral eller negative (eller meget positivt, positivt, neutralt, negativt)",
    ),
    (
        "closure call",
        "matched",
        "Kun med --result reached: matchet med et job eller en plads",
    ),
    (
        "closure add",
        "",
        "Sæt en borger på den åbne nedluknings ringeliste: en, der var oprettet før listen, eller som mangler på den (borgere oprettet under nedlukningen kommer selv på)",
    ),
    ("closure add", "citizen", "Borgerens id (se `jobdesk list`)"),
    (
        "closure catch-up",
        "",
        "Efter en nedlukning: borgere, hvis udsatte samtaler nu skal holdes, efter ny frist",
    ),
    (
        "closure catch-up",
        "name",
        "Hvilken nedlukning (standard: den seneste afsluttede)",
    ),
    (
        "closure catch-up",
        "json",
        "Ét JSON-array af objekter (citizen_id, name, phone, target_group, mentor, paused_due, due, planned) til scripts",
    ),
    ("closure call", "note", "Et kort notat; må begynde med '-'"),
    ("closure call", "minutes", "Minutter brugt"),
    (
        "closure status",
        "",
        "Ringerundens fremdrift (\"fanget 41 af 112\") og dagens genopkald",
    ),
    (
        "closure list",
        "",
        "Opkaldslisten i arbejdsrækkefølge: dagens genopkald, ikke ringet op endnu, senere genopkald, forkerte numre, fanget",
    ),
    (
        "closure list",
        "json",
        "Ét JSON-array af objekter (position, citizen_id, name, target_group, attempts, last_result, accepted, next_try, status) til scripts",
    ),
    (
        "closure end",
        "",
        "Afslut den åbne nedlukning (slutter før tid; dens frister i bero slutter i dag)",
    ),
    (
        "closure add",
        "",
        "Sæt en borger på den åbne nedluknings ringeliste: en der var registreret, før listen kendte dem, eller som blev udeladt (borgere, der oprettes mens den er åben, kommer selv med)",
    ),
    ("closure add", "citizen", "Borgerens id (se `jobdesk list`)"),
    (
        "closure catch-up",
        "",
        "Efter en nedlukning: borgerne, hvis samtaler var sat i bero og nu skal holdes, efter ny frist",
    ),
    (
        "closure catch-up",
        "name",
        "Hvilken nedlukning (standard: den seneste afsluttede)",
    ),
    (
        "closure catch-up",
        "json",
        "Ét JSON-array af objekter (citizen_id, name, phone, target_group, mentor, paused_due, due, planned) til scripts",
    ),
    ("report", "", "Rapporter"),
    (
        "report closure",
        "",
        "En nedluknings rapport pr. målgruppe: borgere, fanget, sagde ja til en samtale (af de spurgte), forsøg pr. fanget borger, modtagelse, matchet",
    ),
    (
        "report closure",
        "name",
        "Hvilken nedlukning (standard: den åbne, ellers den seneste)",
    ),
    (
        "report closure",
        "excel",
        "CSV til dansk Excel: `;` mellem felterne, UTF-8 BOM, CRLF",
    ),
    (
        "report closure",
        "groups",
        "Rækkerne: pr. målgruppe, eller 2020's seks grupper (nyledige, øvrige jobparate, sygedagpengemodtagere, aktivitetsparate, unge på uddannelseshjælp, ressourceforløb) og andre",
    ),
    (
        "report closure",
        "csv",
        "CSV: målgruppe, borgere, fanget, andel fanget, sagde ja, andel ja af de spurgte, forsøg pr. fanget, spurgt, modtagelse (fire andele), matchet — danske overskrifter og decimalkomma med --lang da",
    ),
    (
        "report closure",
        "excel",
        "CSV til dansk Excel: `;` mellem felterne, UTF-8-BOM, CRLF",
    ),
    (
        "report closure",
        "groups",
        "Rækkerne: pr. målgruppe, eller 2020's seks grupper (nyledige, øvrige jobparate, sygedagpengemodtagere, aktivitetsparate, unge på uddannelseshjælp, ressourceforløb) og andre",
    ),
    (
        "report mentor",
        "",
        "Mentortimer pr. borger med en aftale: aftalte timer (timer om ugen × månedens uger), brugte timer, besøg pr. kanal",
    ),
    (
        "report mentor",
        "month",
        "Måneden, ÅÅÅÅ-MM (standard: denne måned)",
    ),
    (
        "report mentor",
        "csv",
        "CSV (RFC 4180): id, borger, timer om ugen, uger, aftalte timer, brugte timer, hjemmebesøg, gåtur, arbejdsplads, andre kanaler (danske overskrifter med --lang da)",
    ),
    (
        "report mentor",
        "excel",
        "CSV til dansk Excel: `;` mellem felterne, UTF-8-BOM, decimalkomma",
    ),
    // export
    (
        "export",
        "",
        "Giv data videre: kontaktloggen som CSV, kalenderen som iCalendar, alt som JSON",
    ),
    (
        "export csv",
        "",
        "Kontaktloggen for en dag (standard: i dag) eller en periode som CSV, én række pr. kontakt i tidsorden. CPR-numre kun med --with-cpr",
    ),
    ("export csv", "date", "Én dag (standard: i dag)"),
    ("export csv", "from", "Periodens første dag (medregnet)"),
    ("export csv", "to", "Periodens sidste dag (medregnet)"),
    (
        "export csv",
        "excel",
        "Til dansk Excel: ';' mellem felterne, UTF-8-BOM, CRLF, datoer som 23-11-2026",
    ),
    (
        "export csv",
        "with_cpr",
        "Tilføj en kolonne med hver borgers CPR-nummer (udeladt som standard)",
    ),
    (
        "export csv",
        "output",
        "Skriv til FILE (standard: standard-output). Skrives helt eller slet ikke; tilladelser 0600",
    ),
    (
        "export csv",
        "force",
        "Erstat FILE, hvis den allerede findes",
    ),
    (
        "export ics",
        "",
        "Aftaler som iCalendar (.ics) til Outlook, Google Kalender, calcurse (standard: alle)",
    ),
    (
        "export ics",
        "from",
        "Første dag (medregnet; standard: den første aftale)",
    ),
    (
        "export ics",
        "to",
        "Sidste dag (medregnet; standard: den sidste aftale)",
    ),
    (
        "export ics",
        "output",
        "Skriv til FILE (standard: standard-output). Skrives helt eller slet ikke; tilladelser 0600",
    ),
    (
        "export ics",
        "force",
        "Erstat FILE, hvis den allerede findes",
    ),
    (
        "export json",
        "",
        "Alt, hvad du gemmer (borgere, aftaler, kontakter), som JSON, til en ny bærbar eller en gendannelse med `jobdesk import json`",
    ),
    (
        "export json",
        "output",
        "Skriv til FILE (standard: standard-output). Skrives helt eller slet ikke; tilladelser 0600",
    ),
    (
        "export json",
        "force",
        "Erstat FILE, hvis den allerede findes",
    ),
    (
        "export history",
        "",
        "Listen over alle udtræk: hvornår, hvad, hvilke dage, hvor mange rækker, hvorhen",
    ),
    // handover
    (
        "handover",
        "",
        "Dæk for en kollega: borgere ud i en krypteret fil, og sådan en fil flettet ind",
    ),
    (
        "handover export",
        "",
        "Skriv borgere med deres aftaler, kontakter, mentoraftaler og kladder i én krypteret fil til en kollega (en adgangsfrase tastet to gange, eller JOBDESK_HANDOVER_PASSPHRASE)",
    ),
    (
        "handover export",
        "citizen",
        "En borgers id (gentag for flere)",
    ),
    (
        "handover export",
        "target_group",
        "Alle aktive borgere i en målgruppe",
    ),
    ("handover export", "all", "Alle aktive borgere"),
    ("handover export", "output", "Filen, der skal skrives"),
    ("handover export", "force", "Erstat FILE, hvis den findes"),
    (
        "handover import",
        "",
        "Flet en kollegas overdragelsesfil ind i denne database efter uuid: nye borgere tilføjes, nyere rækker tages, en borger ændret begge steder vises og lades urørt",
    ),
    (
        "handover import",
        "file",
        "En fil skrevet af `jobdesk handover export`",
    ),
    // holidays
    (
        "holidays",
        "",
        "Et års fridage: helligdage og config'ens lokale fridage",
    ),
    ("holidays", "year", "Året (standard: i år)"),
    (
        "holidays",
        "json",
        "Ét JSON-array af objekter (date, name, kind: holiday | local) til scripts",
    ),
    // safety
    (
        "init",
        "",
        "Opret en ny, tom database, krypteret med en adgangsfrase (--no-encrypt: ukrypteret)",
    ),
    (
        "init",
        "encrypt",
        "Kryptér den nye database med en adgangsfrase (JOBDESK_PASSPHRASE, eller spurgt om to gange): standard, medmindre indstillingerne siger `encrypt = false`",
    ),
    ("init", "no_encrypt", "Lad den nye database være ukrypteret"),
    (
        "unlock",
        "",
        "Kontrollér adgangsfrasen til en krypteret database; --remember gemmer den i styresystemets nøglering, så jobdesk ikke spørger ved start",
    ),
    (
        "unlock",
        "remember",
        "Gem adgangsfrasen i styresystemets nøglering, så næste start ikke spørger (`jobdesk lock` glemmer den)",
    ),
    (
        "lock",
        "",
        "Glem adgangsfrasen, som `jobdesk unlock --remember` gemte",
    ),
    (
        "encrypt",
        "",
        "Kryptér databasen på stedet med en adgangsfrase (JOBDESK_PASSPHRASE, eller spurgt om)",
    ),
    (
        "rekey",
        "",
        "Giv en krypteret database en ny adgangsfrase (JOBDESK_NEW_PASSPHRASE, eller spurgt om)",
    ),
    (
        "erase",
        "",
        "Slet en borger og alt om borgeren for altid (spørger først; --yes til scripts)",
    ),
    (
        "erase",
        "citizen",
        "Borgerens id (se `jobdesk citizens --all`)",
    ),
    ("erase", "yes", "Spørg ikke (til scripts)"),
    (
        "purge",
        "",
        "Fjern overførte kontakter efter opbevaringsperioden (config: retention_days)",
    ),
    ("purge", "dry_run", "Sig kun, hvad der ville blive fjernet"),
    (
        "audit",
        "",
        "Revisionsloggen: udtræk, sikkerhedskopier, indlæsninger, viste CPR-numre, sletninger, oprydninger",
    ),
    ("audit", "citizen", "Kun linjerne om denne borger"),
    (
        "audit",
        "json",
        "Ét JSON-array af objekter (id, at, os_user, action, citizen_id, range_from, range_to, rows, detail)",
    ),
    (
        "backup",
        "",
        "Kopiér databasen til FILE med SQLites online-backup (sikkert, mens skrivebordet er åbent; en krypteret database forbliver krypteret)",
    ),
    (
        "backup",
        "file",
        "Sikkerhedskopien, der skal skrives (afvist, hvis den findes, medmindre --force)",
    ),
    ("backup", "force", "Erstat FILE, hvis den findes"),
    (
        "check",
        "",
        "Tjek databasen: SQLites integritetstjek og forbindelserne mellem tabellerne",
    ),
    // companies and job leads
    (
        "generate",
        "companies",
        "Også opdigtede virksomheder (referencedatasættet har 5000)",
    ),
    (
        "generate",
        "leads",
        "Opdigtede job-emner fordelt på virksomhederne (referencedatasættet har 20000)",
    ),
    (
        "citizen set",
        "skills",
        "Borgerens ønsker og kompetencer, fri tekst (matches med job-emnernes kompetencer); \"\" fjerner dem",
    ),
    (
        "import companies",
        "",
        "Virksomheder fra CSV: overskrift navn;cvr;adresse;branche;noter (engelske navne også), ',' eller ';', med eller uden BOM. Alt eller intet: de forkerte rækker vises",
    ),
    (
        "company",
        "",
        "Virksomheder: opret, ret, vis listen, vis én, log en kontakt med én, kontaktpersoner",
    ),
    ("company add", "", "Opret en virksomhed og skriv dens id"),
    ("company add", "name", "Virksomhedens navn"),
    (
        "company add",
        "cvr",
        "CVR-nummeret: 8 cifre, tjekket med modulus 11",
    ),
    ("company add", "industry", "Branchen, fri tekst"),
    (
        "company set",
        "",
        "Ret en virksomheds navn, CVR-nummer, adresse, branche eller noter",
    ),
    ("company set", "id", "Virksomhedens id"),
    ("company set", "cvr", "CVR-nummeret; \"\" fjerner det"),
    (
        "company list",
        "",
        "Vis virksomhederne (id, navn, CVR-nummer, branche, åbne job-emner)",
    ),
    (
        "company list",
        "filter",
        "Kun virksomheder hvis navn, CVR-nummer eller branche rummer disse ord",
    ),
    (
        "company list",
        "json",
        "Ét JSON-array af objekter (id, name, cvr, industry, address, open_leads)",
    ),
    (
        "company show",
        "",
        "Én virksomhed: kontaktpersoner, job-emner og historikken med den",
    ),
    ("company show", "id", "Virksomhedens id"),
    (
        "company log",
        "",
        "Log en kontakt med en virksomhed (et opkald, et besøg, en e-mail) og skriv dens id",
    ),
    ("company log", "company", "Virksomhedens id"),
    (
        "company log",
        "channel",
        "phone, in_person, workplace (virksomhedsbesøg), email, video, … (danske navne også)",
    ),
    (
        "company log",
        "outcome",
        "held, reached, not_reached, message_left, … (danske navne også)",
    ),
    ("company log", "at", "Hvornår (standard: nu)"),
    (
        "company log",
        "person",
        "Kontaktpersonen, der blev talt med (se `jobdesk company show ID`)",
    ),
    ("company contact", "", "Virksomhedens kontaktpersoner"),
    (
        "company contact add",
        "",
        "Tilføj en kontaktperson til en virksomhed og skriv id'et",
    ),
    ("company contact add", "company", "Virksomhedens id"),
    (
        "company contact add",
        "role",
        "Rollen i virksomheden (ejer, HR, teamleder, …)",
    ),
    ("company contact set", "", "Ret en kontaktperson"),
    ("company contact set", "id", "Kontaktpersonens id"),
    (
        "lead",
        "",
        "Job-emner: job, praktikpladser og løntilskudspladser i virksomhederne",
    ),
    (
        "lead add",
        "",
        "Opret et job-emne (et job, en praktikplads, en løntilskudsplads) og skriv dets id",
    ),
    ("lead add", "company", "Virksomhedens id"),
    (
        "lead add",
        "kind",
        "job, praktik (virksomhedspraktik) eller loentilskud (danske navne også)",
    ),
    ("lead add", "hours", "Timer om ugen"),
    ("lead add", "start", "Første dag"),
    ("lead add", "deadline", "Sidste dag for at foreslå nogen"),
    (
        "lead add",
        "groups",
        "Målgrupperne det passer til, adskilt af ',' (standard: alle)",
    ),
    (
        "lead add",
        "skills",
        "Hvad det kræver, frie ord (matches med borgernes ønsker og kompetencer)",
    ),
    (
        "lead set",
        "",
        "Ret et job-emne (også status: åben, besat, lukket)",
    ),
    ("lead set", "id", "Job-emnets id"),
    ("lead set", "hours", "Timer om ugen; \"none\" fjerner dem"),
    ("lead set", "start", "Første dag; \"none\" fjerner den"),
    (
        "lead set",
        "deadline",
        "Sidste dag for at foreslå nogen; \"none\" fjerner den",
    ),
    (
        "lead set",
        "groups",
        "Målgrupperne det passer til, adskilt af ','; \"\" passer til alle",
    ),
    (
        "lead set",
        "status",
        "open, filled eller closed (danske navne også: åben, besat, lukket)",
    ),
    (
        "lead list",
        "",
        "Vis job-emnerne, de åbne først efter frist",
    ),
    ("lead list", "open", "Kun åbne job-emner"),
    ("lead list", "company", "Kun denne virksomheds"),
    (
        "lead list",
        "json",
        "Ét JSON-array af objekter (id, company_id, company, kind, title, hours, start, deadline, target_groups, skills, status)",
    ),
    (
        "match",
        "",
        "Borgerne, der passer til et job-emne (--lead), eller de åbne job-emner, der passer til en borger (--citizen)",
    ),
    ("match", "lead", "Borgerne, der passer til dette job-emne"),
    (
        "match",
        "citizen",
        "De åbne job-emner, der passer til denne borger",
    ),
    (
        "match",
        "json",
        "Ét JSON-array af objekter (citizen_id, name, target_group, shared, proposal_id, outcome; med --citizen: lead_id, title, kind, company, …)",
    ),
    (
        "propose",
        "",
        "Foreslå en borger til et job-emne og skriv forslagets id",
    ),
    ("propose", "lead", "Job-emnets id"),
    ("propose", "citizen", "Borgerens id"),
    ("propose", "at", "Hvornår (standard: nu)"),
    (
        "proposal",
        "",
        "Forslag: sæt udfaldet (samtale, startet, afvist), vis en borgers eller et job-emnes",
    ),
    (
        "proposal set",
        "",
        "Sæt et forslags udfald: interview, started eller declined (logges hos virksomheden)",
    ),
    (
        "proposal set",
        "id",
        "Forslagets id (skrevet af `jobdesk propose`)",
    ),
    (
        "proposal set",
        "outcome",
        "proposed, interview, started eller declined (danske navne også: foreslået, samtale, startet, afvist)",
    ),
    ("proposal set", "at", "Hvornår (standard: nu)"),
    (
        "proposal list",
        "",
        "En borgers forslag (eller et job-emnes) med det seneste udfald",
    ),
    ("proposal list", "citizen", "Denne borgers forslag"),
    ("proposal list", "lead", "Dette job-emnes forslag"),
    (
        "proposal list",
        "json",
        "Ét JSON-array af objekter (id, lead_id, lead, kind, company_id, company, citizen_id, citizen, outcome, at, note)",
    ),
    (
        "erase",
        "company_contact",
        "Slet i stedet en virksomheds kontaktperson (se `jobdesk company show ID`)",
    ),
];

/// The Danish text of a command (`id` empty) or of one of its arguments.
pub fn da(path: &str, id: &str) -> Option<&'static str> {
    DA.iter()
        .find(|(p, i, _)| *p == path && *i == id)
        .map(|(_, _, t)| *t)
}

/// The program's long about (`jobdesk --help`), in Danish.
pub const LONG_ABOUT_DA: &str = "En jobkonsulents hurtige skrivebord: opkald, mentorbesøg, kontaktlog og sagsstamme.\n\nUden en kommando åbner jobdesk skrivebordet i terminalen.";

/// Below the program's help, in Danish.
pub const AFTER_HELP_DA: &str = "Datoer: 2026-11-23, 23-11-2026, 23.11.2026, i dag / today. Tider: 10:30 eller 10.30.\nSprog: --lang, ellers config'ens lang, ellers LC_ALL / LC_MESSAGES / LANG, ellers styresystemets sprog, ellers dansk.\nExitkoder: 0 ok, 2 forkert input eller brug, 1 andre fejl.";

/// clap's own words, in Danish: the help's layout (clap's "Usage:" heading is fixed; the
/// template writes "Brug:" instead) and headings.
pub const TEMPLATE_DA: &str =
    "{before-help}{about-with-newline}\nBrug: {usage}\n\n{all-args}{after-help}";
pub const COMMANDS_DA: &str = "Kommandoer";
pub const COMMAND_DA: &str = "KOMMANDO";
pub const OPTIONS_DA: &str = "Tilvalg";
pub const ARGUMENTS_DA: &str = "Argumenter";
pub const HELP_DA: &str = "Vis hjælp";
pub const HELP_SHORT_DA: &str = "Vis hjælp (mere med '--help')";
pub const HELP_LONG_DA: &str = "Vis hjælp (et overblik med '-h')";
pub const VERSION_DA: &str = "Vis versionen";
pub const HELP_COMMAND_DA: &str = "Vis denne hjælp eller hjælpen til de givne kommandoer";
pub const HELP_COMMAND_ARG_DA: &str = "Vis hjælpen til kommandoerne";

/// clap's fixed words inside a rendered help or usage, and their Danish.
pub const CLAP_WORDS_DA: &[(&str, &str)] = &[
    ("Usage:", "Brug:"),
    ("[OPTIONS]", "[TILVALG]"),
    // Without the space after the colon: a wrapped line may break there.
    ("[default:", "[standard:"),
    ("[aliases:", "[også:"),
    ("[alias:", "[også:"),
];

/// The words of clap's usage errors, in Danish (the English ones are clap's own).
pub mod errors {
    /// `--x` given twice.
    pub fn twice(arg: &str) -> String {
        format!("'{arg}' kan kun gives én gang")
    }
    pub fn conflict(arg: &str) -> String {
        format!("'{arg}' kan ikke bruges sammen med")
    }
    pub fn conflict_others() -> &'static str {
        "et af de andre tilvalg"
    }
    pub fn no_equals(arg: &str) -> String {
        format!("'{arg}' skal have sin værdi efter et lighedstegn ({arg}=…)")
    }
    pub fn missing_value(arg: &str) -> String {
        format!("'{arg}' mangler en værdi")
    }
    pub fn invalid_value(value: &str, arg: &str) -> String {
        format!("'{value}' er ikke en gyldig værdi for '{arg}'")
    }
    pub fn possible_values(values: &str) -> String {
        format!("mulige værdier: {values}")
    }
    pub fn unknown_command(name: &str) -> String {
        format!("'{name}' er ikke en kommando")
    }
    pub fn missing_arguments() -> &'static str {
        "disse skal gives:"
    }
    pub fn missing_command(name: &str) -> String {
        format!("'{name}' skal efterfølges af en kommando")
    }
    pub fn commands(list: &str) -> String {
        format!("kommandoer: {list}")
    }
    pub fn too_many_values(value: &str, arg: &str) -> String {
        format!("'{value}' er én værdi for meget til '{arg}'")
    }
    pub fn wrong_number(arg: &str, wanted: isize, got: isize) -> String {
        format!("'{arg}' skal have {wanted} værdier, men fik {got}")
    }
    pub fn unknown_argument(arg: &str) -> String {
        format!("'{arg}' er ikke et tilvalg her")
    }
    pub fn not_utf8() -> &'static str {
        "et argument er ikke gyldig UTF-8-tekst"
    }
    pub fn not_a_number() -> &'static str {
        "ikke et helt tal"
    }
    pub fn number_too_large() -> &'static str {
        "tallet er for stort"
    }
    pub fn number_too_small() -> &'static str {
        "tallet er for lille"
    }
    pub fn empty() -> &'static str {
        "tom"
    }
    pub fn did_you_mean(what: &str) -> String {
        format!("tip: mente du '{what}'?")
    }
    /// The last line of every usage error.
    pub fn more_help() -> &'static str {
        "Mere hjælp: '--help'."
    }
    /// Any other usage error: clap's English words below a Danish line.
    pub fn other() -> &'static str {
        "kommandolinjen kunne ikke læses (claps beskrivelse på engelsk):"
    }
}
