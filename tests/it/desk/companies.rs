//! Pane 7, Virksomheder / Companies: the companies and their leads, the filter, the company
//! card and a company contact logged with `l`, the lead card with the citizens who fit, `M`
//! proposing one, the outcomes set with one key each, and "started" on the citizen card.

use chrono::NaiveDate;
use jobdesk::domain::company::{Cvr, LeadKind, LeadStatus, NewCompany, NewLead, ProposalOutcome};
use jobdesk::domain::{Channel, TargetGroup};
use jobdesk::i18n::Lang;
use jobdesk::store::{CitizenFilter, CitizenOrder};
use jobdesk::ui::app::{App, Mode, Pane, Row};
use jobdesk::ui::overlay::company::CompanyMode;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::{now, press, screen, store_at, typ};
use crate::support;

/// The two citizens (first by name) who get "bager, butik" as their wishes: the lead's fit.
pub fn fitting_two(a: &App) -> Vec<(i64, String)> {
    a.store
        .citizens(&CitizenFilter::default(), CitizenOrder::Name, 0, 2)
        .unwrap()
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect()
}

/// Two companies (Bager Hansen with a praktik place and a job, Lager Nord with nothing open)
/// and two citizens whose wishes fit the praktik place; the desk read again.
pub fn add_companies(a: &mut App) {
    let bager = a
        .store
        .add_company(&NewCompany {
            name: "Bager Hansen ApS".into(),
            cvr: Cvr::parse("13748136").ok(),
            address: "Torvet 3, 7500 Holstebro".into(),
            industry: "Bageri".into(),
            notes: String::new(),
        })
        .unwrap();
    a.store
        .add_company(&NewCompany {
            name: "Lager Nord A/S".into(),
            cvr: None,
            address: String::new(),
            industry: "Lager og logistik".into(),
            notes: String::new(),
        })
        .unwrap();
    let lead = |title: &str, kind, skills: &str, groups: Vec<TargetGroup>| NewLead {
        company_id: bager,
        kind,
        title: title.into(),
        hours: Some(25.0),
        start: NaiveDate::from_ymd_opt(2026, 12, 7),
        deadline: NaiveDate::from_ymd_opt(2026, 12, 1),
        target_groups: groups,
        skills: skills.into(),
        status: LeadStatus::Open,
    };
    a.store
        .add_lead(&lead(
            "Butiksmedhjælper",
            LeadKind::Praktik,
            "bager butik",
            vec![],
        ))
        .unwrap();
    a.store
        .add_lead(&lead(
            "Bagersvend",
            LeadKind::Job,
            "svendebrev",
            vec![TargetGroup::Dagpenge],
        ))
        .unwrap();
    for (id, _) in fitting_two(a) {
        a.store
            .set_citizen_skills(id, "Vil gerne bager, butik")
            .unwrap();
    }
    a.refresh().unwrap();
}

fn desk(dir: &tempfile::TempDir, lang: Lang, w: u16, h: u16) -> App {
    let path = dir.path().join("c.db");
    support::copy_caseload(&path, 120, 2, 1, support::NOW);
    let mut a = App::new(store_at(&path), lang, now()).unwrap();
    a.handle_event(&Event::Resize(w, h));
    add_companies(&mut a);
    a
}

fn shift(a: &mut App, c: char) {
    a.handle_event(&Event::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::SHIFT,
    )));
}

fn lead_card(a: &App) -> &jobdesk::ui::overlay::company::LeadCard {
    match &a.mode {
        Mode::Company(m) => match m.as_ref() {
            CompanyMode::Lead(c) => c,
            other => panic!("not the lead card: {other:?}"),
        },
        other => panic!("not the lead card: {other:?}"),
    }
}

/// The praktik place's id.
fn praktik(a: &App) -> i64 {
    a.store
        .leads(&Default::default())
        .unwrap()
        .into_iter()
        .find(|l| l.kind == LeadKind::Praktik)
        .unwrap()
        .id
}

#[test]
fn the_pane_lists_companies_with_open_leads_and_the_leads_with_a_filter() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = desk(&dir, Lang::Da, 80, 24);
    typ(&mut a, "7");
    assert_eq!(a.pane, Pane::Companies);
    let s = screen(&a, 80, 24);
    let bager = s.lines().find(|l| l.contains("Bager Hansen ApS")).unwrap();
    assert!(bager.contains("13748136") && bager.contains(" 2 "), "{s}");
    assert!(s.contains("Lager Nord A/S"), "{s}");
    assert!(s.lines().nth(1).unwrap().contains("7 Virksomheder"), "{s}");
    // The leads.
    typ(&mut a, "v");
    let s = screen(&a, 80, 24);
    assert!(
        s.contains("Butiksmedhjælper") && s.contains("praktik"),
        "{s}"
    );
    assert!(s.contains("Bagersvend") && s.contains("01.12.2026"), "{s}");
    assert_eq!(a.state().list.total, 2);
    // The filter finds leads by their title, skills and company.
    typ(&mut a, "/butik");
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.state().list.total, 1);
    assert!(screen(&a, 80, 24).contains("filter: butik"));
    // Back to the companies: the same filter line, on names, CVR and industry.
    press(&mut a, KeyCode::Esc);
    typ(&mut a, "v/logistik");
    assert_eq!(a.state().list.total, 1);
    assert!(matches!(
        a.state().list.selected_row(),
        Some(Row::Company(c)) if c.company.name == "Lager Nord A/S"
    ));
}

#[test]
fn l_on_a_company_logs_a_contact_with_its_note_and_the_card_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = desk(&dir, Lang::Da, 80, 24);
    typ(&mut a, "7l");
    let s = screen(&a, 80, 24);
    assert!(s.contains("Virksomhedsbesøg"), "{s}");
    typ(&mut a, "4");
    typ(&mut a, "Talt med Lise om to pladser");
    press(&mut a, KeyCode::Enter);
    let id = a.store.companies(&Default::default()).unwrap()[0].id;
    let log = a.store.company_log(id).unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].channel, Some(Channel::Workplace));
    assert_eq!(log[0].note, "Talt med Lise om to pladser");
    // The company card shows the history, and `u` takes the entry back.
    let s = screen(&a, 80, 24);
    assert!(s.contains("Virksomhed: Bager Hansen ApS"), "{s}");
    assert!(s.contains("Talt med Lise om to pladser"), "{s}");
    press(&mut a, KeyCode::Esc);
    typ(&mut a, "u");
    assert!(a.store.company_log(id).unwrap().is_empty());
}

#[test]
fn a_lead_s_fitting_citizens_one_proposed_with_m_and_its_outcomes_set() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = desk(&dir, Lang::Da, 80, 24);
    let two = fitting_two(&a);
    typ(&mut a, "7v");
    // The praktik place is first (the same deadline, made first).
    press(&mut a, KeyCode::Enter);
    let card = lead_card(&a);
    assert_eq!(card.lead.title, "Butiksmedhjælper");
    let fitting: Vec<i64> = card.fitting.iter().map(|c| c.citizen_id).collect();
    assert_eq!(
        fitting.len(),
        2,
        "only the two with bager/butik: {fitting:?}"
    );
    for (id, _) in &two {
        assert!(fitting.contains(id));
    }
    let s = screen(&a, 80, 24);
    assert!(s.contains("Borgere der passer (2)"), "{s}");
    // M on the first who fits proposes them.
    let first = card.fitting[0].citizen_id;
    shift(&mut a, 'M');
    let lead = praktik(&a);
    let p = a.store.proposals_of_lead(lead).unwrap();
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].citizen_id, first);
    assert_eq!(p[0].outcome, ProposalOutcome::Proposed);
    // The card now lists the proposal first; the selection is on it: i, then s.
    assert_eq!(lead_card(&a).proposals.len(), 1);
    typ(&mut a, "i");
    assert_eq!(
        a.store.proposals_of_lead(lead).unwrap()[0].outcome,
        ProposalOutcome::Interview
    );
    typ(&mut a, "s");
    assert_eq!(
        a.store.proposals_of_lead(lead).unwrap()[0].outcome,
        ProposalOutcome::Started
    );
    let s = screen(&a, 80, 24);
    assert!(s.contains("startet 23.11.2026"), "{s}");
    // Every step is in the company's history.
    let company = a.store.lead(lead).unwrap().company_id;
    let steps: Vec<String> = a
        .store
        .company_log(company)
        .unwrap()
        .iter()
        .map(|e| format!("{:?}", e.event))
        .collect();
    assert_eq!(steps.len(), 3, "{steps:?}");
    // "Started" shows on the citizen's card.
    press(&mut a, KeyCode::Esc);
    a.open_card(first).unwrap();
    let s = screen(&a, 80, 24);
    assert!(
        s.contains("Startet") && s.contains("Bager Hansen ApS: Butiksmedhjælper"),
        "{s}"
    );
}

#[test]
fn m_on_the_citizen_card_proposes_to_a_lead_that_fits() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = desk(&dir, Lang::Da, 80, 24);
    let (id, _) = fitting_two(&a)[1].clone();
    a.open_card(id).unwrap();
    let s = screen(&a, 80, 24);
    assert!(s.contains("Job og praktik (1 passer)"), "{s}");
    shift(&mut a, 'M');
    let s = screen(&a, 80, 24);
    assert!(s.contains("pladser der passer"), "{s}");
    assert!(s.contains("Bager Hansen ApS · Butiksmedhjælper"), "{s}");
    press(&mut a, KeyCode::Enter);
    let p = a.store.proposals_of_citizen(id).unwrap();
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].lead_title, "Butiksmedhjælper");
    // Back on the card, which lists the proposal.
    assert!(matches!(a.mode, Mode::Card(_)), "{:?}", a.mode);
    let s = screen(&a, 80, 24);
    assert!(s.contains("Butiksmedhjælper · foreslået 23.11.2026"), "{s}");
    // `u` takes it back.
    typ(&mut a, "u");
    assert!(a.store.proposals_of_citizen(id).unwrap().is_empty());
}

#[test]
fn nothing_acts_while_the_screen_is_too_small() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = desk(&dir, Lang::Da, 80, 24);
    typ(&mut a, "7");
    a.handle_event(&Event::Resize(79, 24));
    typ(&mut a, "vl");
    press(&mut a, KeyCode::Enter);
    assert!(!a.company_view.leads);
    assert_eq!(a.mode, Mode::Normal);
}

/// The overlays of companies whose footers are checked (the lists' are in `overlays`).
const OVERLAYS: &[&str] = &[
    "company_card",
    "lead_proposal",
    "lead_match",
    "log_pick",
    "lead_pick",
];

fn open(a: &mut App, name: &str) {
    match name {
        "company_card" => {
            typ(a, "7");
            press(a, KeyCode::Enter);
        }
        "lead_match" => {
            typ(a, "7v");
            press(a, KeyCode::Enter);
        }
        "lead_proposal" => {
            typ(a, "7v");
            press(a, KeyCode::Enter);
            shift(a, 'M');
        }
        "log_pick" => typ(a, "7l"),
        "lead_pick" => {
            let (id, _) = fitting_two(a)[0].clone();
            a.open_card(id).unwrap();
            shift(a, 'M');
        }
        other => panic!("no overlay {other}"),
    }
}

#[test]
fn every_key_in_the_company_overlays_footers_does_something() {
    let mut failures = Vec::new();
    for name in OVERLAYS {
        let dir = tempfile::tempdir().unwrap();
        let mut a = desk(&dir, Lang::Da, 80, 24);
        open(&mut a, name);
        a.message = None;
        let labels: Vec<&str> = a.footer_bindings().iter().map(|b| b.label).collect();
        assert!(!labels.is_empty(), "{name}: a footer");
        for (i, label) in labels.iter().enumerate() {
            let dir = tempfile::tempdir().unwrap();
            let mut a = desk(&dir, Lang::Da, 80, 24);
            open(&mut a, name);
            a.message = None;
            let b = a.footer_bindings()[i];
            assert_eq!(b.label, *label);
            let before = (screen(&a, 80, 24), a.undo.len(), a.quit);
            let k = b.keys[0];
            let mods = match k.code {
                KeyCode::Char(c) if c.is_uppercase() => KeyModifiers::SHIFT,
                _ => KeyModifiers::NONE,
            };
            a.handle_event(&Event::Key(KeyEvent::new(k.code, mods)));
            if (screen(&a, 80, 24), a.undo.len(), a.quit) == before {
                failures.push(format!("{name}: {} ({}) does nothing", b.label, b.da));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn snapshots_of_the_pane_and_the_cards_at_80x24_in_danish() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = desk(&dir, Lang::Da, 80, 24);
    typ(&mut a, "7");
    insta::assert_snapshot!("companies_pane_da_80x24", screen(&a, 80, 24));
    // 80×23 (a tmux status line): nothing a user must read is cut either.
    a.handle_event(&Event::Resize(80, 23));
    insta::assert_snapshot!("companies_pane_da_80x23", screen(&a, 80, 23));
    a.handle_event(&Event::Resize(80, 24));
    // The company card after a logged visit.
    typ(&mut a, "l4");
    typ(&mut a, "Besøg hos Lise, to pladser på vej");
    press(&mut a, KeyCode::Enter);
    a.message = None;
    insta::assert_snapshot!("company_card_da_80x24", screen(&a, 80, 24));
    press(&mut a, KeyCode::Esc);
    typ(&mut a, "v");
    insta::assert_snapshot!("companies_leads_da_80x24", screen(&a, 80, 24));
    press(&mut a, KeyCode::Enter);
    shift(&mut a, 'M');
    a.message = None;
    insta::assert_snapshot!("lead_card_da_80x24", screen(&a, 80, 24));
}

#[test]
fn quick_add_logs_a_company_visit_by_the_company_s_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = desk(&dir, Lang::Da, 80, 24);
    typ(&mut a, "7a");
    typ(&mut a, "virksomhedsbesøg Bager Hansen tor 10");
    let s = screen(&a, 80, 24);
    assert!(
        s.contains("Virksomhedsbesøg · Bager Hansen ApS · tor 26.11 10.00"),
        "{s}"
    );
    // The footer says what Enter does here.
    assert!(
        s.lines()
            .last()
            .unwrap()
            .contains("Enter log besøget hos virksomheden"),
        "{s}"
    );
    press(&mut a, KeyCode::Enter);
    let id = a.store.companies(&Default::default()).unwrap()[0].id;
    let log = a.store.company_log(id).unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].channel, Some(Channel::Workplace));
    assert_eq!(
        log[0].at,
        NaiveDate::from_ymd_opt(2026, 11, 26)
            .unwrap()
            .and_hms_opt(10, 0, 0)
            .unwrap()
    );
    // A name no company has is said, and nothing is logged.
    press(&mut a, KeyCode::Esc);
    typ(&mut a, "a");
    typ(&mut a, "virksomhedsbesøg Slagter tor 10");
    assert!(screen(&a, 80, 24).contains("ingen virksomhed hedder 'Slagter'"));
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.store.company_log(id).unwrap().len(), 1);
    // A citizen's line is read as before.
    press(&mut a, KeyCode::Esc);
    typ(&mut a, "a");
    typ(&mut a, "tor 10 tlf Anders Andreasen");
    assert!(screen(&a, 80, 24).contains("Anders Andreasen"));
}

#[test]
fn snapshots_of_the_pane_and_the_lead_card_at_120x40_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = desk(&dir, Lang::En, 120, 40);
    typ(&mut a, "7");
    insta::assert_snapshot!("companies_pane_en_120x40", screen(&a, 120, 40));
    typ(&mut a, "v");
    press(&mut a, KeyCode::Enter);
    insta::assert_snapshot!("lead_card_en_120x40", screen(&a, 120, 40));
}
