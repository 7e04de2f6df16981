//! Words of closures (nedlukninger): the command line's output and the notes an attempt writes.

use super::Lang;
use crate::domain::closure::{
    CallAnswers, CallBand, CallEntry, CallResult, CatchUp, Closure, Group2020, Progress,
    REPORT_COLUMNS, REPORT_CSV_HEADER, ReachedVia, Reception, ReportRow,
};
use crate::domain::dates::{fmt_date, fmt_time};
use crate::domain::text::sanitize_line;
use crate::domain::{Channel, Kind, Word};
use chrono::{NaiveDate, NaiveDateTime};

fn date(l: Lang, d: NaiveDate) -> String {
    fmt_date(d, l.da())
}

pub fn datetime(l: Lang, t: NaiveDateTime) -> String {
    format!(
        "{} {}",
        fmt_date(t.date(), l.da()),
        fmt_time(t.time(), l.da())
    )
}

/// The name a closure gets without `--name`.
pub fn default_name(l: Lang, from: NaiveDate) -> String {
    format!("{} {}", l.t("Nedlukning", "Closure"), date(l, from))
}

/// `Closure "X", 2026-11-23 to 2026-12-04, open` / `…, ended 2026-12-04`.
pub fn title(l: Lang, c: &Closure) -> String {
    let state = match c.ended_at {
        None => l.t("åben", "open").to_string(),
        Some(t) => format!("{} {}", l.t("afsluttet", "ended"), date(l, t.date())),
    };
    format!(
        "{} \"{}\", {} {} {}, {}",
        l.t("Nedlukning", "Closure"),
        sanitize_line(&c.name),
        date(l, c.from),
        l.t("til", "to"),
        date(l, c.to),
        state
    )
}

pub fn started(l: Lang, c: &Closure) -> String {
    if l.da() {
        format!(
            "Nedlukningen \"{}\" er startet: {} til {} ({}).",
            sanitize_line(&c.name),
            date(l, c.from),
            date(l, c.to),
            l.n(c.days() as u64, "dag", "dage")
        )
    } else {
        format!(
            "Started the closure \"{}\": {} to {} ({}).",
            sanitize_line(&c.name),
            date(l, c.from),
            date(l, c.to),
            l.n(c.days() as u64, "day", "days")
        )
    }
}

pub fn paused(l: Lang, counts_held: bool) -> &'static str {
    match (l.da(), counts_held) {
        (true, false) => {
            "Frister for samtaler er sat i bero i perioden; samtaler holdt i perioden tæller ikke med i minimumskravet."
        }
        (true, true) => {
            "Frister for samtaler er sat i bero i perioden; samtaler holdt i perioden tæller med i minimumskravet."
        }
        (false, false) => {
            "Conversation deadlines are paused for these days; conversations held in them do not count toward the minimum."
        }
        (false, true) => {
            "Conversation deadlines are paused for these days; conversations held in them count toward the minimum."
        }
    }
}

pub fn in_person_title(l: Lang, n: usize) -> String {
    format!(
        "{}: {n}",
        l.t(
            "Fremmødeaftaler i perioden",
            "In-person appointments in the range"
        )
    )
}

pub fn appointment_header(l: Lang) -> [&'static str; 6] {
    if l.da() {
        ["id", "tid", "borger", "art", "kanal", ""]
    } else {
        ["id", "time", "citizen", "kind", "channel", ""]
    }
}

pub fn kind(l: Lang, k: Kind) -> &'static str {
    k.name(l.da())
}

pub fn channel(l: Lang, c: Channel) -> &'static str {
    c.name(l.da())
}

pub fn converted(l: Lang, n: usize) -> String {
    if l.da() {
        format!(
            "Omlagt: {}, samtaler til telefon, mentorbesøg til gåtur.",
            l.n(n as u64, "aftale", "aftaler")
        )
    } else {
        format!("Converted {n}: conversations to phone, mentor visits to a walk.")
    }
}

pub fn how_to_convert(l: Lang) -> &'static str {
    l.t(
        "Ikke omlagt endnu. Omlæg dem alle (samtaler til telefon, mentorbesøg til gåtur):\n    jobdesk closure convert --all --yes\n  eller én ad gangen:\n    jobdesk closure convert --appointment ID --channel phone|video|walk",
        "Not converted yet. Convert them all (conversations to phone, mentor visits to a walk):\n    jobdesk closure convert --all --yes\n  or one at a time:\n    jobdesk closure convert --appointment ID --channel phone|video|walk",
    )
}

pub fn nothing_to_convert(l: Lang) -> &'static str {
    l.t(
        "Intet at omlægge: ingen planlagte fremmødeaftaler i perioden.",
        "Nothing to convert: no planned in-person appointments in the range.",
    )
}

pub fn confirm_convert(l: Lang, n: usize) -> String {
    if l.da() {
        format!(
            "Omlæg {} (samtaler til telefon, mentorbesøg til gåtur)? [j/N] ",
            l.n(n as u64, "fremmødeaftale", "fremmødeaftaler")
        )
    } else {
        format!(
            "Convert {} (conversations to phone, mentor visits to a walk)? [y/N] ",
            l.n(n as u64, "in-person appointment", "in-person appointments")
        )
    }
}

pub fn not_confirmed(l: Lang) -> &'static str {
    l.t("Intet omlagt.", "Nothing converted.")
}

pub fn call_list_built(l: Lang, n: usize, mentors: usize) -> String {
    if l.da() {
        format!(
            "Ringeliste: {}, først {}, derefter dem med længst siden seneste kontakt.\nRegistrér et opkald: jobdesk closure call --citizen ID --result reached|no_answer|message_left|wrong_number",
            l.n(n as u64, "borger", "borgere"),
            l.n(mentors as u64, "mentorborger", "mentorborgere")
        )
    } else {
        format!(
            "Call list: {n} citizens, the {mentors} mentor citizens first, then the longest since the last contact.\nRecord a call: jobdesk closure call --citizen ID --result reached|no_answer|message_left|wrong_number"
        )
    }
}

/// "reached 41 of 112 (36.6 %) · accepted a conversation 30 · attempts 87".
pub fn progress(l: Lang, p: &Progress) -> String {
    let pct = p.reached_pct().fmt(l.da());
    if l.da() {
        format!(
            "truffet {} af {} ({pct} %) · takket ja til samtale {} · forsøg {}",
            p.reached, p.on_list, p.accepted, p.attempts
        )
    } else {
        format!(
            "reached {} of {} ({pct} %) · accepted a conversation {} · attempts {}",
            p.reached, p.on_list, p.accepted, p.attempts
        )
    }
}

/// The progress line of the desk's Closure pane, short enough for 80 columns:
/// "truffet 41 af 112 (36,6 %) · ja tak 30 · forsøg 87".
pub fn progress_short(l: Lang, p: &Progress) -> String {
    let pct = p.reached_pct().fmt(l.da());
    if l.da() {
        format!(
            "truffet {} af {} ({pct} %) · ja tak {} · forsøg {}",
            p.reached, p.on_list, p.accepted, p.attempts
        )
    } else {
        format!(
            "reached {} of {} ({pct} %) · accepted {} · attempts {}",
            p.reached, p.on_list, p.accepted, p.attempts
        )
    }
}

/// The desk's note of appointments still in person: "17 fremmøder ikke omlagt (V)".
pub fn still_to_convert_short(l: Lang, n: usize) -> String {
    if l.da() {
        format!("{} ikke omlagt (V)", l.n(n as u64, "fremmøde", "fremmøder"))
    } else {
        format!(
            "{} not converted (V)",
            l.n(n as u64, "in-person meeting", "in-person meetings")
        )
    }
}

/// The shortest note of appointments still in person: "23 ikke omlagt (V)".
pub fn still_to_convert_tiny(l: Lang, n: usize) -> String {
    format!("{n} {} (V)", l.t("ikke omlagt", "not converted"))
}

/// The Closure pane's title: `"Nedlukning 23.11.2026" 23.11.2026–04.12.2026, åben`.
pub fn pane_title(l: Lang, c: &Closure) -> String {
    let state = match c.ended_at {
        None => l.t("åben", "open").to_string(),
        Some(t) => format!("{} {}", l.t("afsluttet", "ended"), date(l, t.date())),
    };
    format!(
        "\"{}\" {}–{}, {state}",
        sanitize_line(&c.name),
        date(l, c.from),
        date(l, c.to)
    )
}

/// The status column of the desk's call list, short: "truffet, ja tak" / "reached, accepted";
/// reached by another contact in the window: "nået: gåtur 14.04".
pub fn entry_status_short(l: Lang, e: &CallEntry, today: NaiveDate) -> String {
    if let Some(v) = e.reached_via {
        return reached_via(l, v);
    }
    let b = e.band(today);
    match (b, e.accepted) {
        (CallBand::Reached, Some(yes)) => format!(
            "{}, {}",
            band(l, b),
            match (yes, l.da()) {
                (true, true) => "ja tak",
                (false, true) => "nej tak",
                (true, false) => "accepted",
                (false, false) => "declined",
            }
        ),
        _ => band(l, b).to_string(),
    }
}

/// A citizen reached outside the call-round: "nået: gåtur 14.04" / "reached: walk 14.04".
pub fn reached_via(l: Lang, v: ReachedVia) -> String {
    format!(
        "{}: {} {}",
        l.t("nået", "reached"),
        v.channel.name(l.da()),
        v.at.format("%d.%m")
    )
}

/// The flag of a citizen registered during the closure.
pub fn newcomer(l: Lang) -> &'static str {
    l.t("ny under nedlukningen", "new during the closure")
}

pub fn bands(l: Lang, p: &Progress) -> String {
    if l.da() {
        format!(
            "genopkald i dag {} · ikke ringet op endnu {} · genopkald senere {} · forkert nummer {}",
            p.due_retries, p.not_called, p.later_retries, p.wrong_number
        )
    } else {
        format!(
            "retries today {} · not called yet {} · retries later {} · wrong number {}",
            p.due_retries, p.not_called, p.later_retries, p.wrong_number
        )
    }
}

pub fn still_to_convert(l: Lang, n: usize) -> String {
    if l.da() {
        format!("Fremmødeaftaler der endnu ikke er omlagt: {n} (jobdesk closure convert --all)")
    } else {
        format!("In-person appointments not converted yet: {n} (jobdesk closure convert --all)")
    }
}

pub fn retries_today(l: Lang) -> &'static str {
    l.t("Dagens genopkald:", "Today's retries:")
}

pub fn no_retries_today(l: Lang) -> &'static str {
    l.t("Ingen genopkald i dag.", "No retries today.")
}

pub fn list_header(l: Lang) -> [&'static str; 8] {
    if l.da() {
        [
            "nr",
            "id",
            "navn",
            "målgruppe",
            "telefon",
            "forsøg",
            "status",
            "næste forsøg",
        ]
    } else {
        [
            "no",
            "id",
            "name",
            "target group",
            "phone",
            "tries",
            "status",
            "next try",
        ]
    }
}

pub fn band(l: Lang, b: CallBand) -> &'static str {
    match b {
        CallBand::DueRetry => l.t("genopkald i dag", "retry today"),
        CallBand::NotCalled => l.t("ikke ringet op", "not called"),
        CallBand::LaterRetry => l.t("genopkald senere", "retry later"),
        CallBand::WrongNumber => l.t("forkert nummer", "wrong number"),
        CallBand::Reached => l.t("truffet", "reached"),
    }
}

pub fn accepted(l: Lang, accepted: Option<bool>) -> &'static str {
    match accepted {
        Some(true) => l.t("takker ja til samtale", "accepted a conversation"),
        Some(false) => l.t("takker nej til samtale", "declined a conversation"),
        None => "",
    }
}

/// The status column of an entry: its band, and for a reached citizen the answer; reached by
/// another contact in the window, which ("nået: gåtur 14.04"); a newcomer is said so.
pub fn entry_status(l: Lang, e: &CallEntry, today: NaiveDate) -> String {
    let b = e.band(today);
    let mut s = match (e.reached_via, b, e.accepted) {
        (Some(v), _, _) => reached_via(l, v),
        (None, CallBand::Reached, Some(_)) => {
            format!("{}, {}", band(l, b), accepted(l, e.accepted))
        }
        _ => band(l, b).to_string(),
    };
    if e.newcomer {
        s.push_str(" · ");
        s.push_str(newcomer(l));
    }
    s
}

/// A call's result in words: truffet / intet svar / lagt besked / forkert nummer (the stored
/// keys stay `reached`, `no_answer`, `message_left`, `wrong_number`).
pub fn result(l: Lang, r: CallResult) -> &'static str {
    match (r, l.da()) {
        (CallResult::Reached, true) => "truffet",
        (CallResult::MessageLeft, true) => "lagt besked",
        (r, da) => r.name(da),
    }
}

/// The note an attempt writes in the log, so the case system learns what the outcome alone
/// cannot say (wrong number, the answer to the offer): "Ring-rundt (X): truffet, takker ja til
/// samtale. <the user's note>".
pub fn attempt_note(
    l: Lang,
    closure: &str,
    r: CallResult,
    accepted_answer: Option<bool>,
    answers: CallAnswers,
    note: &str,
) -> String {
    let mut s = format!(
        "{} ({closure}): {}",
        l.t("Ring-rundt", "Call-round"),
        result(l, r)
    );
    if accepted_answer.is_some() {
        s.push_str(", ");
        s.push_str(accepted(l, accepted_answer));
    }
    if let Some(rc) = answers.received {
        s.push_str(", ");
        s.push_str(&received(l, rc));
    }
    if let Some(m) = answers.matched {
        s.push_str(", ");
        s.push_str(matched(l, m));
    }
    let note = note.trim();
    if !note.is_empty() {
        s.push_str(". ");
        s.push_str(note);
    }
    s
}

/// "modtaget meget positivt" / "received very positively"
pub fn received(l: Lang, r: Reception) -> String {
    match l {
        Lang::Da => format!("modtaget {}", r.da()),
        Lang::En => format!(
            "received {}",
            match r {
                Reception::VeryPositive => "very positively",
                Reception::Positive => "positively",
                Reception::Neutral => "neutrally",
                Reception::Negative => "negatively",
            }
        ),
    }
}

/// "matchet til job/praktik" / "matched to a job/placement" (or not).
pub fn matched(l: Lang, m: bool) -> &'static str {
    if m {
        l.t("matchet til job/praktik", "matched to a job/placement")
    } else {
        l.t(
            "ikke matchet til job/praktik",
            "not matched to a job/placement",
        )
    }
}

/// "Anna Jensen (id 3): no answer, attempt 2. Logged as contact 17. Next try Tuesday 2026-11-24."
pub fn call_recorded(l: Lang, e: &CallEntry, contact_id: i64) -> String {
    let r = e.last_result.map(|r| result(l, r)).unwrap_or("");
    let mut s = format!("{} (id {}): {r}", sanitize_line(&e.name), e.citizen_id);
    if e.last_result == Some(CallResult::Reached) && e.accepted.is_some() {
        s.push_str(", ");
        s.push_str(accepted(l, e.accepted));
    }
    if e.last_result == Some(CallResult::Reached) {
        if let Some(r) = e.received {
            s.push_str(", ");
            s.push_str(&received(l, r));
        }
        if let Some(m) = e.matched {
            s.push_str(", ");
            s.push_str(matched(l, m));
        }
    }
    if e.newcomer {
        s.push_str(" (");
        s.push_str(newcomer(l));
        s.push(')');
    }
    if l.da() {
        s.push_str(&format!(
            ", forsøg {}. Logget som kontakt {contact_id}.",
            e.attempts
        ));
    } else {
        s.push_str(&format!(
            ", attempt {}. Logged as contact {contact_id}.",
            e.attempts
        ));
    }
    if let Some(d) = e.next_try {
        s.push_str(&format!(
            " {} {}.",
            l.t("Næste forsøg", "Next try"),
            l.day_title(d)
        ));
    }
    s
}

pub fn plan_hint(l: Lang, citizen_id: i64) -> String {
    format!(
        "{}: jobdesk plan --citizen {citizen_id} --at DATETIME --channel phone",
        l.t("Planlæg samtalen", "Plan the conversation")
    )
}

pub fn ended(l: Lang, c: &Closure) -> String {
    if l.da() {
        format!(
            "Nedlukningen \"{}\" er afsluttet; frister var sat i bero fra {} til {}.",
            sanitize_line(&c.name),
            date(l, c.from),
            date(l, c.to)
        )
    } else {
        format!(
            "Ended the closure \"{}\"; deadlines were paused from {} to {}.",
            sanitize_line(&c.name),
            date(l, c.from),
            date(l, c.to)
        )
    }
}

pub fn no_closures(l: Lang) -> &'static str {
    l.t(
        "Ingen nedlukninger endnu: start en med jobdesk closure start --from DATO --to DATO",
        "No closures yet: start one with jobdesk closure start --from DATE --to DATE",
    )
}

/// The readable report's header (`jobdesk report closure`, the desk's table).
pub fn report_header(l: Lang) -> [&'static str; 9] {
    if l.da() {
        [
            "målgruppe",
            "borgere",
            "truffet",
            "%",
            "spurgt",
            "ja tak",
            "%",
            "forsøg/truffet",
            "matchet",
        ]
    } else {
        [
            "target group",
            "citizens",
            "reached",
            "%",
            "asked",
            "accepted",
            "%",
            "attempts/reached",
            "matched",
        ]
    }
}

/// The report CSV's header: in English the contract's keys
/// ([`crate::domain::closure::REPORT_CSV_HEADER`]), in Danish words a spreadsheet shows.
pub fn report_csv_header(l: Lang) -> [&'static str; REPORT_COLUMNS] {
    match l {
        Lang::En => REPORT_CSV_HEADER,
        Lang::Da => [
            "Målgruppe",
            "Borgere",
            "Truffet",
            "Truffet %",
            "Takket ja",
            "Takket ja % af spurgte",
            "Forsøg pr. truffet",
            "Spurgt",
            "Svar om modtagelse",
            "Meget positivt %",
            "Positivt %",
            "Neutralt %",
            "Negativt %",
            "Matchet til job/praktik",
        ],
    }
}

/// "Modtagelse (5 svar): meget positivt 40,0 % · positivt 40,0 % · neutralt 20,0 % · negativt 0,0 %"
pub fn reception_line(l: Lang, row: &ReportRow) -> String {
    let parts: Vec<String> = Reception::ALL
        .iter()
        .map(|r| format!("{} {} %", r.name(l.da()), row.received_pct(*r).fmt(l.da())))
        .collect();
    format!(
        "{} ({} {}): {}",
        l.t("Modtagelse", "Received"),
        row.counts.answered(),
        l.t("svar", "answers"),
        parts.join(" · ")
    )
}

/// Under the 2020 grouping: which target groups went to "andre", and what nyledige are.
pub fn groups_2020_footnote(l: Lang) -> String {
    let names: Vec<&str> = Group2020::unmapped()
        .into_iter()
        .map(|g| g.name(l.da()))
        .collect();
    if l.da() {
        format!(
            "2020-grupperne: nyledige er borgere registreret under nedlukningen, uanset målgruppe; øvrige jobparate er dagpengemodtagere og jobparate kontanthjælpsmodtagere. Andre (hører ikke til 2020's grupper): {}.",
            names.join(", ")
        )
    } else {
        format!(
            "2020's groups: nyledige are citizens registered during the closure, whatever their target group; øvrige jobparate are dagpenge and job-ready cash benefit. Andre (no place among 2020's groups): {}.",
            names.join(", ")
        )
    }
}

pub fn all_groups(l: Lang) -> &'static str {
    l.t("Alle", "All")
}

pub fn report_footnote(l: Lang) -> &'static str {
    l.t(
        "Truffet: nået i et opkald eller en anden samtale i perioden (gåtur, hjemmebesøg, video, telefon). Ja tak: takket ja til en samtale, i % af de spurgte. Forsøg pr. truffet: alle opkald i gruppen delt med antal trufne (0,0 når ingen er truffet). Matchet: til job eller praktik.",
        "Reached: in a call or another conversation in the period (walk, home visit, video, phone). Accepted: accepted the offer of a conversation, in % of those asked. Attempts per reached: every call in the group divided by the citizens reached (0.0 when nobody was reached). Matched: to a job or placement.",
    )
}

/// "Borger 41 Ny Borger er sat på ringelisten for "Nedlukning …" som nr. 103 (ny under nedlukningen)."
pub fn added_to_list(l: Lang, closure: &Closure, e: &CallEntry) -> String {
    let flag = if e.newcomer {
        format!(" ({})", newcomer(l))
    } else {
        String::new()
    };
    if l.da() {
        format!(
            "{} (id {}) er sat på ringelisten for \"{}\" som nr. {}{flag}.",
            sanitize_line(&e.name),
            e.citizen_id,
            sanitize_line(&closure.name),
            e.position
        )
    } else {
        format!(
            "{} (id {}) is on the call list of \"{}\" as no. {}{flag}.",
            sanitize_line(&e.name),
            e.citizen_id,
            sanitize_line(&closure.name),
            e.position
        )
    }
}

/// The catch-up list's title: which closure, and how many are due again.
pub fn catch_up_title(l: Lang, c: &Closure, n: usize) -> String {
    if l.da() {
        format!(
            "Indhentning efter \"{}\" ({}–{}): {} med samtaler, der var sat i bero, efter ny frist.",
            sanitize_line(&c.name),
            date(l, c.from),
            date(l, c.to),
            l.n(n as u64, "borger", "borgere")
        )
    } else {
        format!(
            "Catching up after \"{}\" ({}–{}): {} with conversations that were paused, by new deadline.",
            sanitize_line(&c.name),
            date(l, c.from),
            date(l, c.to),
            l.n(n as u64, "citizen", "citizens")
        )
    }
}

pub fn catch_up_header(l: Lang) -> [&'static str; 7] {
    if l.da() {
        [
            "id",
            "navn",
            "målgruppe",
            "telefon",
            "frist før",
            "ny frist",
            "planlagt",
        ]
    } else {
        [
            "id",
            "name",
            "target group",
            "phone",
            "was due",
            "new deadline",
            "planned",
        ]
    }
}

/// One row's cells of the catch-up list (after the id and name).
pub fn catch_up_cells(l: Lang, c: &CatchUp) -> [String; 4] {
    [
        sanitize_line(&c.phone),
        date(l, c.paused_due),
        date(l, c.due),
        c.planned
            .map(|t| datetime(l, t))
            .unwrap_or_else(|| l.t("ikke planlagt", "not planned").to_string()),
    ]
}

pub fn catch_up_none_ended(l: Lang) -> &'static str {
    l.t(
        "Ingen nedlukning er afsluttet endnu: indhentningslisten laves, når en nedlukning er afsluttet (jobdesk closure end).",
        "No closure has ended yet: the catch-up list is made when a closure has ended (jobdesk closure end).",
    )
}

pub fn catch_up_empty(l: Lang) -> &'static str {
    l.t(
        "Ingen samtaler, der var sat i bero, mangler.",
        "No paused conversations are left to catch up on.",
    )
}
