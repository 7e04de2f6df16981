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
