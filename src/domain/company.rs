//! Companies and job leads (issue 19): the CVR number and its check, the kinds of lead, their
//! status, the outcomes of a proposal, and the rules that say which citizens fit a lead. Plain
//! values, no I/O: the store keeps them (`store::companies`), the command line and the desk
//! word them.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::text::fold;
use super::types::{Channel, Outcome, TargetGroup, Word, word_enum};

/// A CVR number (Det Centrale Virksomhedsregister): eight digits whose weighted sum is
/// divisible by 11.
///
/// The rule, as the Danish Business Authority states it (erhvervsstyrelsen.dk, "Modulus 11
/// kontrol"): "Syv første cifre i CVR nummeret 1 3 7 4 8 1 3 / Vægt 2 7 6 5 4 3 2", the eighth
/// digit is 11 minus the remainder of the sum by 11 (0 for remainder 0; remainder 1 gives no
/// valid number). With the check digit weighted 1, the weights 2, 7, 6, 5, 4, 3, 2, 1 over all
/// eight digits give a sum divisible by 11. CVR numbers are issued from 10000000: a leading 0
/// is refused.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Cvr(String);

/// Why a text is no CVR number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CvrProblem {
    /// Not eight digits (after spaces, dashes, dots and a leading "DK" are taken away).
    NotEightDigits,
    /// Starts with 0: no CVR number does.
    LeadingZero,
    /// The eight digits fail the modulus-11 check (a typing error).
    CheckDigit,
}

impl CvrProblem {
    pub fn text(self, danish: bool) -> &'static str {
        match (self, danish) {
            (CvrProblem::NotEightDigits, true) => "et CVR-nummer har 8 cifre",
            (CvrProblem::NotEightDigits, false) => "a CVR number has 8 digits",
            (CvrProblem::LeadingZero, true) => "et CVR-nummer begynder ikke med 0",
            (CvrProblem::LeadingZero, false) => "a CVR number does not start with 0",
            (CvrProblem::CheckDigit, true) => {
                "kontrolcifferet passer ikke (modulus 11): er et ciffer tastet forkert?"
            }
            (CvrProblem::CheckDigit, false) => {
                "the check digit does not match (modulus 11): is a digit mistyped?"
            }
        }
    }
}

/// The weights of the modulus-11 check, first digit first.
const CVR_WEIGHTS: [u32; 8] = [2, 7, 6, 5, 4, 3, 2, 1];

impl Cvr {
    /// Reads a CVR number: spaces, dashes and dots between the digits and a leading "DK" (as
    /// on an invoice) are allowed.
    pub fn parse(s: &str) -> Result<Cvr, CvrProblem> {
        let t = s.trim();
        let t = t
            .strip_prefix("DK")
            .or_else(|| t.strip_prefix("dk"))
            .unwrap_or(t);
        let digits: String = t
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '.' | '\u{a0}'))
            .collect();
        if digits.chars().count() != 8 || !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(CvrProblem::NotEightDigits);
        }
        if digits.starts_with('0') {
            return Err(CvrProblem::LeadingZero);
        }
        let sum: u32 = digits
            .chars()
            .zip(CVR_WEIGHTS)
            .map(|(c, w)| c.to_digit(10).unwrap_or(0) * w)
            .sum();
        if !sum.is_multiple_of(11) {
            return Err(CvrProblem::CheckDigit);
        }
        Ok(Cvr(digits))
    }

    /// The eight digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Cvr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Cvr {
    type Error = String;
    fn try_from(s: String) -> Result<Cvr, String> {
        Cvr::parse(&s).map_err(|p| format!("CVR '{s}': {}", p.text(false)))
    }
}

impl From<Cvr> for String {
    fn from(c: Cvr) -> String {
        c.0
    }
}

word_enum!(LeadKind, "lead kind", {
    /// An ordinary job (a vacancy).
    Job => "job", "ordinært job", "ordinary job", ["vacancy", "stilling", "ledig_stilling", "ordinaert_job", "ordinart_job", "jobopslag"];
    /// A virksomhedspraktik place.
    Praktik => "praktik", "virksomhedspraktik", "work placement", ["praktikplads", "placement", "work_trial"];
    /// A løntilskud place (wage subsidy).
    Loentilskud => "loentilskud", "løntilskud", "wage subsidy", ["lontilskud", "lontilskudsjob", "wage_subsidy", "subsidised_job"];
});

word_enum!(LeadStatus, "lead status", {
    Open => "open", "åben", "open", ["aaben", "abn", "ledig"];
    Filled => "filled", "besat", "filled", [];
    Closed => "closed", "lukket", "closed", ["annulleret", "cancelled"];
});

word_enum!(ProposalOutcome, "proposal outcome", {
    /// The citizen was proposed to the company.
    Proposed => "proposed", "foreslået", "proposed", ["foreslaet", "forslag"];
    /// The company asked the citizen to an interview.
    Interview => "interview", "samtale", "interview", ["ansaettelsessamtale", "jobsamtale"];
    /// The citizen started (the job, the praktik or the løntilskud place): a match.
    Started => "started", "startet", "started", ["start", "ansat", "hired"];
    /// The company or the citizen said no.
    Declined => "declined", "afvist", "declined", ["afslag", "nej", "rejected"];
});

impl ProposalOutcome {
    /// Still going: neither started nor declined.
    pub fn is_pending(self) -> bool {
        matches!(self, ProposalOutcome::Proposed | ProposalOutcome::Interview)
    }
}

/// A company.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Company {
    pub id: i64,
    pub uuid: String,
    pub name: String,
    pub cvr: Option<Cvr>,
    pub address: String,
    pub industry: String,
    pub notes: String,
    pub created_at: NaiveDateTime,
}

/// A company to be created.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NewCompany {
    pub name: String,
    pub cvr: Option<Cvr>,
    pub address: String,
    pub industry: String,
    pub notes: String,
}

/// What to change of a company (`None`: keep). `cvr: Some(None)` takes the number away.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CompanyEdit {
    pub name: Option<String>,
    pub cvr: Option<Option<Cvr>>,
    pub address: Option<String>,
    pub industry: Option<String>,
    pub notes: Option<String>,
}

/// A contact person at a company: personal data (erasure, audit by field names only).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContactPerson {
    pub id: i64,
    pub uuid: String,
    pub company_id: i64,
    pub name: String,
    pub role: String,
    pub phone: String,
    pub email: String,
}

/// A contact person to be added.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NewContactPerson {
    pub company_id: i64,
    pub name: String,
    pub role: String,
    pub phone: String,
    pub email: String,
}

/// What to change of a contact person (`None`: keep).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ContactPersonEdit {
    pub name: Option<String>,
    pub role: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// A lead: an ordinary job, a praktik place or a løntilskud place at a company.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lead {
    pub id: i64,
    pub uuid: String,
    pub company_id: i64,
    /// The company's name.
    pub company: String,
    pub kind: LeadKind,
    pub title: String,
    /// Hours a week.
    pub hours: Option<f64>,
    pub start: Option<NaiveDate>,
    /// The last day to apply or propose.
    pub deadline: Option<NaiveDate>,
    /// The target groups it suits; empty: any.
    pub target_groups: Vec<TargetGroup>,
    /// What it asks for, free words (matched with a citizen's wishes and skills).
    pub skills: String,
    pub status: LeadStatus,
    pub created_at: NaiveDateTime,
}

/// A lead to be created.
#[derive(Debug, Clone, PartialEq)]
pub struct NewLead {
    pub company_id: i64,
    pub kind: LeadKind,
    pub title: String,
    pub hours: Option<f64>,
    pub start: Option<NaiveDate>,
    pub deadline: Option<NaiveDate>,
    pub target_groups: Vec<TargetGroup>,
    pub skills: String,
    pub status: LeadStatus,
}

/// What to change of a lead (`None`: keep; `Some(None)` clears an optional field).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LeadEdit {
    pub kind: Option<LeadKind>,
    pub title: Option<String>,
    pub hours: Option<Option<f64>>,
    pub start: Option<Option<NaiveDate>>,
    pub deadline: Option<Option<NaiveDate>>,
    pub target_groups: Option<Vec<TargetGroup>>,
    pub skills: Option<String>,
    pub status: Option<LeadStatus>,
}

/// A citizen proposed to a lead, with the latest outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Proposal {
    pub id: i64,
    pub uuid: String,
    pub lead_id: i64,
    pub lead_title: String,
    pub lead_kind: LeadKind,
    pub company_id: i64,
    pub company: String,
    pub citizen_id: i64,
    pub citizen: String,
    pub outcome: ProposalOutcome,
    /// When the latest outcome happened.
    pub at: NaiveDateTime,
    pub note: String,
}

/// What an entry of a company's history is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "outcome")]
pub enum CompanyEvent {
    /// A contact with the company (a call, a visit, an e-mail) and how it went.
    Contact(Outcome),
    /// A step of a proposal: a citizen proposed, an interview, a start, a no.
    Proposal(ProposalOutcome),
}

/// One entry of a company's history (and, for proposal steps, of the citizen's).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompanyLogEntry {
    pub id: i64,
    pub uuid: String,
    pub company_id: i64,
    pub company: String,
    /// The contact person spoken with, if one (and not erased).
    pub person_id: Option<i64>,
    pub person: Option<String>,
    /// The proposal this step belongs to.
    pub proposal_id: Option<i64>,
    /// The citizen of a proposal step.
    pub citizen_id: Option<i64>,
    pub citizen: Option<String>,
    /// The lead of a proposal step.
    pub lead_title: Option<String>,
    pub at: NaiveDateTime,
    pub channel: Option<Channel>,
    pub event: CompanyEvent,
    pub minutes: i64,
    pub note: String,
}

/// A contact with a company to be logged.
#[derive(Debug, Clone, PartialEq)]
pub struct NewCompanyContact {
    pub company_id: i64,
    /// The contact person, if one.
    pub person_id: Option<i64>,
    pub at: NaiveDateTime,
    pub channel: Channel,
    pub outcome: Outcome,
    pub minutes: i64,
    pub note: String,
}

/// Why a citizen fits a lead.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Fit {
    /// The lead names the citizen's target group (false: the lead suits any group).
    pub group_named: bool,
    /// The words of the lead's skills found in the citizen's wishes and skills (folded).
    pub shared: Vec<String>,
}

impl Fit {
    /// Better fits first: more shared words, then a named group.
    pub fn score(&self) -> usize {
        self.shared.len() * 2 + usize::from(self.group_named)
    }
}

/// Words too common to say anything about a fit.
const STOP_WORDS: &[&str] = &[
    "og", "eller", "med", "til", "for", "som", "der", "det", "den", "de", "en", "et", "af", "paa",
    "pa", "i", "at", "er", "ikke", "kan", "vil", "gerne", "and", "or", "with", "the", "for", "to",
    "of", "in", "a", "an", "job", "arbejde", "work",
];

/// The words of a free text that matching looks at: folded (case, accents, "aa"/"oe"), split
/// at anything but letters and digits, at least 3 letters, common words left out, each once.
pub fn skill_words(text: &str) -> Vec<String> {
    let folded = fold(text);
    let mut out: Vec<String> = Vec::new();
    for w in folded.split(|c: char| !c.is_alphanumeric()) {
        if w.chars().count() < 3 || STOP_WORDS.contains(&w) {
            continue;
        }
        if !out.iter().any(|o| o == w) {
            out.push(w.to_string());
        }
    }
    out
}

/// Two words meet when they are equal, or one begins with the other and the shorter has at
/// least 4 letters ("lager" meets "lagerarbejde", "truck" meets "truckcertifikat").
fn words_meet(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short == long || (short.chars().count() >= 4 && long.starts_with(short))
}

/// Whether a citizen fits a lead, and why:
/// - the lead names no target group, or names the citizen's;
/// - and the lead asks for no skills, or at least one of its words meets a word of the
///   citizen's wishes and skills.
///
/// `None`: does not fit. Distance is not considered. The lead's status is the caller's
/// concern (only open leads are offered).
pub fn fit(
    lead_groups: &[TargetGroup],
    lead_skills: &str,
    group: TargetGroup,
    citizen_skills: &str,
) -> Option<Fit> {
    let group_named = !lead_groups.is_empty();
    if group_named && !lead_groups.contains(&group) {
        return None;
    }
    let wanted = skill_words(lead_skills);
    if wanted.is_empty() {
        return Some(Fit {
            group_named,
            shared: Vec::new(),
        });
    }
    let has = skill_words(citizen_skills);
    let shared: Vec<String> = wanted
        .into_iter()
        .filter(|w| has.iter().any(|h| words_meet(w, h)))
        .collect();
    if shared.is_empty() {
        return None;
    }
    Some(Fit {
        group_named,
        shared,
    })
}

/// Target groups as stored: their keys joined by ',' ('' for none).
pub fn groups_to_db(groups: &[TargetGroup]) -> String {
    groups.iter().map(|g| g.key()).collect::<Vec<_>>().join(",")
}

/// Target groups from their stored form (unknown keys are skipped).
pub fn groups_from_db(s: &str) -> Vec<TargetGroup> {
    s.split(',')
        .filter(|k| !k.trim().is_empty())
        .filter_map(|k| TargetGroup::parse(k.trim()).ok())
        .collect()
}

/// Target groups as typed: keys or names separated by ',' (or ';').
pub fn parse_groups(s: &str) -> Result<Vec<TargetGroup>, String> {
    let mut out = Vec::new();
    for part in s.split([',', ';']) {
        if part.trim().is_empty() {
            continue;
        }
        let g = TargetGroup::parse(part)?;
        if !out.contains(&g) {
            out.push(g);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    // The numbers below pass the modulus-11 rule but are made up for the tests: 13748136 is the
    // worked example of the Danish Business Authority's page on the rule, the others were
    // computed here. None is meant to name a real company.
    #[test]
    fn cvr_numbers_are_checked_by_modulus_11() {
        for ok in [
            "13748136",
            "DK 13 74 81 36",
            "dk-13748136",
            "10000009",
            "12345674",
        ] {
            assert!(Cvr::parse(ok).is_ok(), "{ok}");
        }
        assert_eq!(
            Cvr::parse("DK 13 74 81 36").map(|c| c.to_string()),
            Ok("13748136".to_string())
        );
        // One digit changed, two digits swapped: the check catches both.
        assert_eq!(Cvr::parse("13748137"), Err(CvrProblem::CheckDigit));
        assert_eq!(Cvr::parse("31748136"), Err(CvrProblem::CheckDigit));
        assert_eq!(Cvr::parse("12345678"), Err(CvrProblem::CheckDigit));
        assert_eq!(Cvr::parse("1374813"), Err(CvrProblem::NotEightDigits));
        assert_eq!(Cvr::parse("137481366"), Err(CvrProblem::NotEightDigits));
        assert_eq!(Cvr::parse("1374813x"), Err(CvrProblem::NotEightDigits));
        assert_eq!(Cvr::parse("01234567"), Err(CvrProblem::LeadingZero));
    }

    #[test]
    fn every_valid_check_digit_is_the_one_the_rule_gives() {
        // For seven digits, exactly one eighth digit passes, unless the remainder is 1.
        let first7 = [1u32, 3, 7, 4, 8, 1, 3];
        let passing: Vec<u32> = (0..10)
            .filter(|d| {
                let s: String = first7
                    .iter()
                    .chain(std::iter::once(d))
                    .map(|x| char::from_digit(*x, 10).unwrap_or('0'))
                    .collect();
                Cvr::parse(&s).is_ok()
            })
            .collect();
        assert_eq!(passing, vec![6]);
    }

    #[test]
    fn words_round_trip() {
        assert_eq!(LeadKind::parse("virksomhedspraktik"), Ok(LeadKind::Praktik));
        assert_eq!(LeadKind::parse("løntilskud"), Ok(LeadKind::Loentilskud));
        assert_eq!(LeadKind::parse("vacancy"), Ok(LeadKind::Job));
        assert_eq!(LeadStatus::parse("besat"), Ok(LeadStatus::Filled));
        assert_eq!(
            ProposalOutcome::parse("samtale"),
            Ok(ProposalOutcome::Interview)
        );
        assert_eq!(
            ProposalOutcome::parse("foreslået"),
            Ok(ProposalOutcome::Proposed)
        );
        assert!(ProposalOutcome::parse("maybe").is_err());
    }

    #[test]
    fn a_citizen_fits_by_target_group_and_shared_skills() {
        use TargetGroup::*;
        let groups = [Dagpenge, KontanthjaelpJobparat];
        let f = fit(
            &groups,
            "lager, truckcertifikat",
            Dagpenge,
            "Vil gerne lagerarbejde",
        );
        assert_eq!(
            f,
            Some(Fit {
                group_named: true,
                shared: vec!["lager".into()]
            })
        );
        // Another group: no fit, whatever the skills.
        assert_eq!(fit(&groups, "lager", Sygedagpenge, "lager, truck"), None);
        // No shared word: no fit.
        assert_eq!(fit(&groups, "lager", Dagpenge, "rengøring, køkken"), None);
        // A lead without skills suits everyone of its groups; without groups, any group.
        assert!(fit(&groups, "", Dagpenge, "").is_some());
        let any = fit(&[], "Køkken", Revalidering, "koekken og kantine");
        assert_eq!(any.map(|f| f.shared), Some(vec!["kokken".to_string()]));
    }

    #[test]
    fn groups_are_stored_as_keys() {
        let g =
            parse_groups("dagpenge; jobparat, Sygedagpengemodtager, dagpenge").unwrap_or_default();
        assert_eq!(
            groups_to_db(&g),
            "dagpenge,kontanthjaelp_jobparat,sygedagpenge"
        );
        assert_eq!(groups_from_db(&groups_to_db(&g)), g);
        assert!(parse_groups("dagpenge, kaffe").is_err());
    }
}
