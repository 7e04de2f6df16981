//! The desk's words of companies and job leads (pane 7, the company and lead cards, proposing
//! from the citizen card). The words the command line shares are in [`super::company`].

use super::Lang;
use crate::domain::company::{Lead, Proposal};
use crate::domain::text::sanitize_line;
use crate::domain::{Channel, Outcome, Word};

/// "Bo Jensen foreslået til Bager Hansen" (short: the footer line holds it with "u fortryder").
pub fn proposed(l: Lang, citizen: &str, lead: &Lead) -> String {
    format!(
        "{} {} {}",
        sanitize_line(citizen),
        l.t("foreslået til", "proposed to"),
        sanitize_line(&lead.company)
    )
}

/// "Bo Jensen · Bager Hansen: samtale".
pub fn outcome_set(l: Lang, p: &Proposal) -> String {
    format!(
        "{} · {}: {}",
        sanitize_line(&p.citizen),
        sanitize_line(&p.company),
        p.outcome.name(l.da())
    )
}

/// "Kontakt med Bager Hansen logget (virksomhedsbesøg, afholdt)".
pub fn logged(l: Lang, company: &str, channel: Channel, outcome: Outcome) -> String {
    let da = l.da();
    format!(
        "{} {} {} ({}, {})",
        l.t("kontakt med", "contact with"),
        sanitize_line(company),
        l.t("logget", "logged"),
        channel.name(da),
        outcome.name(da)
    )
}

/// The pane's title: "virksomheder" or "pladser (åbne)" / "pladser (alle)".
pub fn pane_title(l: Lang, leads: bool, all: bool) -> &'static str {
    match (leads, all) {
        (false, _) => l.t("virksomheder", "companies"),
        (true, false) => l.t("åbne pladser", "open leads"),
        (true, true) => l.t("alle pladser", "all leads"),
    }
}

/// An empty list.
pub fn none(l: Lang, leads: bool) -> &'static str {
    if leads {
        l.t(
            "Ingen pladser. Tilføj: jobdesk lead add",
            "No leads. Add: jobdesk lead add",
        )
    } else {
        l.t(
            "Ingen virksomheder. Tilføj: jobdesk company add",
            "No companies. Add: jobdesk company add",
        )
    }
}

/// The help's headings.
pub fn scope_companies(l: Lang) -> &'static str {
    l.t("Virksomheder (fane 7)", "Companies (pane 7)")
}
pub fn scope_company_card(l: Lang) -> &'static str {
    l.t("Virksomhedskort", "Company card")
}
pub fn scope_lead_card(l: Lang) -> &'static str {
    l.t(
        "Pladskort (forslag og borgere der passer)",
        "Lead card (proposals and citizens who fit)",
    )
}
pub fn scope_company_log(l: Lang) -> &'static str {
    l.t(
        "Når du logger en kontakt med en virksomhed (l)",
        "While logging a contact with a company (l)",
    )
}
pub fn scope_quick_add_company(l: Lang) -> &'static str {
    l.t(
        "På linjen til en ny aftale, når den nævner et virksomhedsbesøg",
        "On the new-appointment line when it names a company visit",
    )
}
pub fn scope_lead_pick(l: Lang) -> &'static str {
    l.t(
        "Pladser der passer (M på borgerkortet)",
        "Leads that fit (M on the citizen card)",
    )
}

/// A lead's kind in a narrow column: "job", "praktik", "løntilskud".
pub fn kind_short(l: Lang, k: crate::domain::company::LeadKind) -> &'static str {
    use crate::domain::company::LeadKind;
    match k {
        LeadKind::Job => l.t("job", "job"),
        LeadKind::Praktik => l.t("praktik", "placement"),
        LeadKind::Loentilskud => l.t("løntilskud", "subsidy"),
    }
}

/// The columns' headings.
pub fn col_company(l: Lang) -> &'static str {
    l.t("Virksomhed", "Company")
}
pub fn col_industry(l: Lang) -> &'static str {
    l.t("Branche", "Industry")
}
pub fn col_open(l: Lang) -> &'static str {
    l.t("Åbne pladser", "Open leads")
}
pub fn col_title(l: Lang) -> &'static str {
    l.t("Plads", "Lead")
}
pub fn col_kind(l: Lang) -> &'static str {
    l.t("Type", "Kind")
}
pub fn col_deadline(l: Lang) -> &'static str {
    l.t("Frist", "Deadline")
}
pub fn col_proposals(l: Lang) -> &'static str {
    l.t("Forslag", "Proposed")
}

/// The citizen card's label of a start.
pub fn started_label(l: Lang) -> &'static str {
    l.t("Startet", "Started")
}

/// "Bager Hansen: Butiksassistent (virksomhedspraktik) 24.11.2026".
pub fn started(l: Lang, p: &Proposal) -> String {
    format!(
        "{}: {} ({}) {}",
        sanitize_line(&p.company),
        sanitize_line(&p.lead_title),
        p.lead_kind.name(l.da()),
        l.date(p.at.date())
    )
}

/// The citizen card's heading of leads and proposals.
pub fn card_heading(l: Lang, fitting: usize) -> String {
    format!(
        "{} ({fitting} {}) · {}",
        l.t("Job og praktik", "Jobs and placements"),
        l.t("passer", "fit"),
        l.t("M foreslår", "M proposes")
    )
}

/// "… og 3 flere (M viser dem)".
pub fn more(l: Lang, n: usize) -> String {
    format!(
        "… {} {n} {}",
        l.t("og", "and"),
        l.t("flere (M viser dem)", "more (M shows them)")
    )
}
