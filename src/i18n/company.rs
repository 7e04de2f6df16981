//! The words of companies and job leads (issue 19): the store's refusals (said in both
//! languages, so the command line and the desk print them in theirs) and the command line's
//! lines.

use super::Lang;
use super::cli::said;
use crate::domain::Word;
use crate::domain::company::{CvrProblem, LeadKind, LeadStatus, ProposalOutcome};

/// No (live) company with this id.
pub fn no_company(id: i64) -> anyhow::Error {
    said(
        format!("der er ingen virksomhed med id {id}: se `jobdesk company list`"),
        format!("no company with id {id}: see `jobdesk company list`"),
    )
}

/// No (live) lead with this id.
pub fn no_lead(id: i64) -> anyhow::Error {
    said(
        format!("der er intet job-emne med id {id}: se `jobdesk lead list`"),
        format!("no lead with id {id}: see `jobdesk lead list`"),
    )
}

/// No (live) proposal with this id.
pub fn no_proposal(id: i64) -> anyhow::Error {
    said(
        format!(
            "der er intet forslag med id {id}: se `jobdesk lead list --json` eller borgerens kort"
        ),
        format!("no proposal with id {id}: see the citizen's card"),
    )
}

/// No (live) contact person with this id.
pub fn no_person(id: i64) -> anyhow::Error {
    said(
        format!("der er ingen kontaktperson med id {id}: se `jobdesk company list --json`"),
        format!("no contact person with id {id}: see `jobdesk company list --json`"),
    )
}

/// A CVR number that fails its check.
pub fn bad_cvr(given: &str, p: CvrProblem) -> anyhow::Error {
    said(
        format!("CVR-nummer '{given}': {}", p.text(true)),
        format!("CVR number '{given}': {}", p.text(false)),
    )
}

/// A CVR number another company has.
pub fn cvr_taken(cvr: &str, other: i64) -> anyhow::Error {
    said(
        format!(
            "CVR-nummer {cvr} har allerede virksomhed {other}: ret den i stedet (`jobdesk company set {other}`)"
        ),
        format!(
            "CVR number {cvr} already belongs to company {other}: change that one instead (`jobdesk company set {other}`)"
        ),
    )
}

/// A name or title left empty.
pub fn empty(what_da: &str, what_en: &str) -> anyhow::Error {
    said(
        format!("{what_da} må ikke være tomt"),
        format!("the {what_en} must not be empty"),
    )
}

/// A text longer than the store keeps.
pub fn too_long(what_da: &str, what_en: &str, max: usize) -> anyhow::Error {
    said(
        format!("{what_da} er for langt (højst {max} tegn)"),
        format!("the {what_en} is too long (at most {max} characters)"),
    )
}

/// Hours a week out of range.
pub fn bad_hours(h: f64) -> anyhow::Error {
    said(
        format!("timer om ugen skal være over 0 og højst 80, ikke {h}"),
        format!("hours a week must be above 0 and at most 80, not {h}"),
    )
}

/// Minutes out of range for a logged company contact.
pub fn bad_minutes(m: i64) -> anyhow::Error {
    said(
        format!("minutter skal være mellem 0 og 1440, ikke {m}"),
        format!("minutes must be between 0 and 1440, not {m}"),
    )
}

/// A deadline before the start.
pub fn deadline_after_start() -> anyhow::Error {
    said(
        "fristen ligger efter starten: det er sjældent meningen; ret --deadline eller --start"
            .into(),
        "the deadline is after the start: rarely meant; change --deadline or --start".into(),
    )
}

/// The citizen is already proposed to the lead.
pub fn already_proposed(citizen: i64, lead: i64, proposal: i64) -> anyhow::Error {
    said(
        format!(
            "borger {citizen} er allerede foreslået til job-emne {lead} (forslag {proposal}): sæt udfaldet med `jobdesk proposal set {proposal} --outcome …`"
        ),
        format!(
            "citizen {citizen} is already proposed to lead {lead} (proposal {proposal}): set its outcome with `jobdesk proposal set {proposal} --outcome …`"
        ),
    )
}

/// A proposal to a lead that is not open.
pub fn lead_not_open(lead: i64, status: LeadStatus) -> anyhow::Error {
    said(
        format!(
            "job-emne {lead} er {}: åbn det igen med `jobdesk lead set {lead} --status open` for at foreslå nogen",
            status.da()
        ),
        format!(
            "lead {lead} is {}: open it again with `jobdesk lead set {lead} --status open` to propose someone",
            status.en()
        ),
    )
}

/// A proposal's outcome set to what it already is.
pub fn same_outcome(proposal: i64, o: ProposalOutcome) -> anyhow::Error {
    said(
        format!("forslag {proposal} er allerede '{}'", o.da()),
        format!("proposal {proposal} is '{}' already", o.en()),
    )
}

/// A word of this module in `l`.
pub fn word<W: Word>(w: W, l: Lang) -> &'static str {
    w.name(l.da())
}

/// "praktik" etc. for narrow tables.
pub fn kind_short(k: LeadKind, l: Lang) -> &'static str {
    match (k, l.da()) {
        (LeadKind::Job, true) => "job",
        (LeadKind::Job, false) => "job",
        (LeadKind::Praktik, true) => "praktik",
        (LeadKind::Praktik, false) => "placement",
        (LeadKind::Loentilskud, true) => "løntilskud",
        (LeadKind::Loentilskud, false) => "wage subsidy",
    }
}

fn t(l: Lang, da: impl Into<String>, en: impl Into<String>) -> String {
    if l.da() { da.into() } else { en.into() }
}

/// `--cvr` that fails its check.
pub fn bad_cvr_flag(l: Lang, given: &str, p: CvrProblem) -> String {
    t(
        l,
        format!("--cvr {given}: {}", p.text(true)),
        format!("--cvr {given}: {}", p.text(false)),
    )
}

/// A flag whose text holds control characters.
pub fn control_chars(l: Lang, flag: &str) -> String {
    t(
        l,
        format!("{flag} indeholder styretegn: skriv almindelig tekst"),
        format!("{flag} holds control characters: write plain text"),
    )
}

/// `--groups` with a word that is no target group.
pub fn bad_groups(l: Lang, e: &str) -> String {
    t(
        l,
        format!("--groups: {e} (adskil flere med ',')"),
        format!("--groups: {e} (separate several with ',')"),
    )
}

/// `--hours` that is no number.
pub fn bad_hours_flag(l: Lang, given: &str) -> String {
    t(
        l,
        format!(
            "--hours '{given}' er ikke et tal (timer om ugen, fx 37 eller 18,5; 'none' fjerner dem)"
        ),
        format!(
            "--hours '{given}' is not a number (hours a week, e.g. 37 or 18.5; 'none' clears them)"
        ),
    )
}

pub fn company_changed(l: Lang, id: i64) -> String {
    t(
        l,
        format!("virksomhed {id} er rettet"),
        format!("company {id} changed"),
    )
}

pub fn person_changed(l: Lang, id: i64) -> String {
    t(
        l,
        format!("kontaktperson {id} er rettet"),
        format!("contact person {id} changed"),
    )
}

pub fn lead_changed(l: Lang, id: i64) -> String {
    t(
        l,
        format!("job-emne {id} er rettet"),
        format!("lead {id} changed"),
    )
}

pub fn proposal_changed(l: Lang, id: i64, o: ProposalOutcome) -> String {
    t(
        l,
        format!("forslag {id}: {}", o.da()),
        format!("proposal {id}: {}", o.en()),
    )
}

pub fn no_companies(l: Lang) -> String {
    t(
        l,
        "ingen virksomheder (tilføj en med `jobdesk company add --name …`)",
        "no companies (add one with `jobdesk company add --name …`)",
    )
}

pub fn no_leads(l: Lang) -> String {
    t(
        l,
        "ingen job-emner (tilføj et med `jobdesk lead add --company ID --kind praktik --title …`)",
        "no leads (add one with `jobdesk lead add --company ID --kind praktik --title …`)",
    )
}

pub fn no_fitting_citizens(l: Lang) -> String {
    t(
        l,
        "ingen borgere passer: målgruppen eller ønsker og kompetencer (`jobdesk citizen set ID --skills …`) mødes ikke",
        "no citizen fits: the target group or the wishes and skills (`jobdesk citizen set ID --skills …`) do not meet",
    )
}

pub fn no_fitting_leads(l: Lang) -> String {
    t(l, "ingen åbne job-emner passer", "no open lead fits")
}

pub fn no_proposals(l: Lang) -> String {
    t(l, "ingen forslag", "no proposals")
}

/// A lead that suits any target group.
pub fn any_group(l: Lang) -> &'static str {
    if l.da() {
        "alle målgrupper"
    } else {
        "any target group"
    }
}

pub fn company_header(l: Lang) -> [&'static str; 5] {
    if l.da() {
        ["id", "navn", "CVR", "branche", "åbne"]
    } else {
        ["id", "name", "CVR", "industry", "open"]
    }
}

pub fn lead_header(l: Lang) -> [&'static str; 7] {
    if l.da() {
        [
            "id",
            "slags",
            "titel",
            "virksomhed",
            "frist",
            "status",
            "målgrupper",
        ]
    } else {
        [
            "id",
            "kind",
            "title",
            "company",
            "deadline",
            "status",
            "target groups",
        ]
    }
}

pub fn match_header(l: Lang) -> [&'static str; 5] {
    if l.da() {
        ["id", "navn", "målgruppe", "forslag", "fælles ord"]
    } else {
        ["id", "name", "target group", "proposal", "shared words"]
    }
}

pub fn lead_match_header(l: Lang) -> [&'static str; 6] {
    if l.da() {
        [
            "id",
            "slags",
            "titel",
            "virksomhed",
            "forslag",
            "fælles ord",
        ]
    } else {
        ["id", "kind", "title", "company", "proposal", "shared words"]
    }
}

pub fn proposal_header(l: Lang) -> [&'static str; 6] {
    if l.da() {
        ["id", "borger", "job-emne", "virksomhed", "udfald", "dato"]
    } else {
        ["id", "citizen", "lead", "company", "outcome", "date"]
    }
}

pub fn heading_persons(l: Lang) -> &'static str {
    if l.da() {
        "Kontaktpersoner:"
    } else {
        "Contact persons:"
    }
}

pub fn heading_leads(l: Lang) -> &'static str {
    if l.da() { "Job-emner:" } else { "Leads:" }
}

pub fn heading_history(l: Lang) -> &'static str {
    if l.da() { "Historik:" } else { "History:" }
}

pub fn imported_companies(l: Lang, n: usize, path: &str) -> String {
    t(
        l,
        format!("{n} virksomheder importeret til {path}"),
        format!("{n} companies imported into {path}"),
    )
}

/// A contact person erased.
pub fn person_erased(l: Lang, id: i64) -> String {
    t(
        l,
        format!(
            "kontaktperson {id} er slettet for altid. Revisionsloggen gemmer kun, at kontaktperson {id} blev slettet, og hvilke felter."
        ),
        format!(
            "contact person {id} is erased for good. The audit log keeps only that contact person {id} was erased, and which fields."
        ),
    )
}

/// The question before erasing a contact person.
pub fn erase_person_question(l: Lang, name: &str, company: &str) -> String {
    t(
        l,
        format!(
            "Slet kontaktpersonen {name} ({company}) for altid? Virksomhedens historik beholder sine notater uden personen."
        ),
        format!(
            "Erase the contact person {name} ({company}) for good? The company's history keeps its notes without the person."
        ),
    )
}

/// `erase --company-contact` without a terminal to ask in and without --yes.
pub fn erase_person_needs_yes(l: Lang, id: i64) -> String {
    t(
        l,
        format!(
            "sletning af kontaktperson {id} kræver en bekræftelse: kør den i en terminal for at blive spurgt, eller tilføj --yes (til scripts). Intet blev slettet"
        ),
        format!(
            "erasing contact person {id} needs a confirmation: run it in a terminal to be asked, or add --yes (for scripts). Nothing was erased"
        ),
    )
}
