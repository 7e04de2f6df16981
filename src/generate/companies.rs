//! Fictional companies and job leads (issue 19), for the reference dataset and the Companies
//! pane's bench: names made of a trade and a surname from the generator's lists, an industry,
//! a street address of made-up streets, and leads of every kind and status around today. No
//! generated company has a CVR number: any number that passes the modulus-11 rule may belong to
//! a real company. Same seed and same today give the same rows.

use chrono::{Duration, NaiveDateTime};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rusqlite::params;

use crate::domain::TargetGroup;
use crate::domain::Word;
use crate::domain::company::{LeadKind, LeadStatus, groups_to_db};
use crate::domain::dates::to_db;
use crate::domain::text::{danish_sort_key, fold};
use crate::error::Result;
use crate::store::Store;

use super::names::LAST;

/// Trades: the company's name, its industry, and the leads' titles and skills.
const TRADES: &[(&str, &str, &[&str], &str)] = &[
    (
        "Bageri",
        "Bageri",
        &["Bagermedhjælper", "Ekspedient", "Opvasker"],
        "bageri, ekspedition, morgen",
    ),
    (
        "Tømrer",
        "Byggeri",
        &["Tømrerhjælper", "Pladsmand"],
        "byggeri, værktøj, tømrer",
    ),
    (
        "VVS",
        "Byggeri",
        &["VVS-hjælper", "Lagermand"],
        "vvs, værktøj, kørekort",
    ),
    ("Maler", "Byggeri", &["Malerhjælper"], "maler, byggeri"),
    (
        "Lager",
        "Transport og lager",
        &["Lagermedhjælper", "Truckfører", "Pakkemedarbejder"],
        "lager, truck, pakning",
    ),
    (
        "Vognmand",
        "Transport og lager",
        &["Chaufførmedhjælper", "Lagermand"],
        "kørekort, chauffør, lager",
    ),
    (
        "Rengøring",
        "Rengøring",
        &["Rengøringsassistent", "Vinduespudser"],
        "rengøring, service",
    ),
    (
        "Køkken",
        "Hotel og restauration",
        &["Køkkenmedhjælper", "Opvasker", "Kok"],
        "køkken, kantine, opvask",
    ),
    (
        "Kro",
        "Hotel og restauration",
        &["Tjener", "Køkkenmedhjælper", "Stuepige"],
        "service, køkken, rengøring",
    ),
    (
        "Gartneri",
        "Landbrug og gartneri",
        &["Gartnermedhjælper", "Plukker"],
        "gartner, udendørs, planter",
    ),
    (
        "Auto",
        "Autobranchen",
        &["Mekanikerhjælper", "Klargører"],
        "auto, mekanik, værksted",
    ),
    (
        "Smed",
        "Industri",
        &["Smedehjælper", "Svejser", "Produktionsmedarbejder"],
        "svejsning, metal, produktion",
    ),
    (
        "Plejecenter",
        "Sundhed og omsorg",
        &["Serviceassistent", "Pedel", "Køkkenmedhjælper"],
        "omsorg, service, køkken",
    ),
    (
        "Butik",
        "Detailhandel",
        &["Butiksassistent", "Kassemedarbejder", "Varepåfylder"],
        "butik, kasse, kundeservice",
    ),
    (
        "IT",
        "IT og kontor",
        &["Supportmedarbejder", "Kontorassistent"],
        "it, kontor, support",
    ),
    (
        "Genbrug",
        "Miljø og genbrug",
        &["Sorteringsmedarbejder", "Chauffør"],
        "sortering, kørekort, udendørs",
    ),
];

const SUFFIXES: &[&str] = &["ApS", "A/S", "I/S", "& Søn", ""];
const STREETS: &[&str] = &[
    "Fiktivvej",
    "Opdigtetgade",
    "Prøvestien",
    "Eksempelallé",
    "Demovej",
    "Testgade",
];
const TOWNS: &[&str] = &[
    "8000 Aarhus C",
    "7100 Vejle",
    "5000 Odense C",
    "9000 Aalborg",
    "4000 Roskilde",
];

/// How many of each kind and status, as weights.
const KINDS: &[(LeadKind, u32)] = &[
    (LeadKind::Job, 5),
    (LeadKind::Praktik, 3),
    (LeadKind::Loentilskud, 2),
];
const STATUSES: &[(LeadStatus, u32)] = &[
    (LeadStatus::Open, 6),
    (LeadStatus::Filled, 3),
    (LeadStatus::Closed, 1),
];

fn weighted<T: Copy>(rng: &mut ChaCha8Rng, list: &[(T, u32)]) -> T {
    let total: u32 = list.iter().map(|(_, w)| w).sum();
    let mut x = rng.random_range(0..total.max(1));
    for (v, w) in list {
        if x < *w {
            return *v;
        }
        x -= w;
    }
    list[0].0
}

/// Adds `companies` fictional companies and `leads` leads spread over them (none when there
/// are no companies), in one transaction; returns how many of each were written.
pub fn generate_companies(
    store: &mut Store,
    companies: usize,
    leads: usize,
    seed: u64,
    now: NaiveDateTime,
) -> Result<(usize, usize)> {
    if companies == 0 {
        return Ok((0, 0));
    }
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0xC0_4D_A1_E5);
    let created = to_db(now);
    let today = now.date();
    store.write(|tx| {
        let mut company = tx.prepare(
            "INSERT INTO companies (uuid, name, name_key, sort_key, address, industry, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        let mut lead = tx.prepare(
            "INSERT INTO leads (uuid, company_id, kind, title, hours, start, deadline,
                                target_groups, skills, status, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?;
        let mut trades = Vec::with_capacity(companies);
        let mut ids = Vec::with_capacity(companies);
        for _ in 0..companies {
            let t = rng.random_range(0..TRADES.len());
            let (trade, industry, _, _) = TRADES[t];
            let surname = LAST[rng.random_range(0..LAST.len())];
            let suffix = SUFFIXES[rng.random_range(0..SUFFIXES.len())];
            let name = format!("{trade} {surname} {suffix}").trim().to_string();
            let address = format!(
                "{} {}, {}",
                STREETS[rng.random_range(0..STREETS.len())],
                rng.random_range(1..200u32),
                TOWNS[rng.random_range(0..TOWNS.len())]
            );
            let uuid = uuid::Builder::from_random_bytes(rng.random()).into_uuid();
            company.execute(params![
                uuid.to_string(),
                name,
                fold(&name),
                danish_sort_key(&name),
                address,
                industry,
                created,
            ])?;
            ids.push(tx.last_insert_rowid());
            trades.push(t);
        }
        for _ in 0..leads {
            let c = rng.random_range(0..ids.len());
            let (_, _, titles, skills) = TRADES[trades[c]];
            let kind = weighted(&mut rng, KINDS);
            let status = weighted(&mut rng, STATUSES);
            let title = titles[rng.random_range(0..titles.len())];
            let hours: f64 = match kind {
                LeadKind::Job => [37.0, 30.0, 25.0][rng.random_range(0..3)],
                _ => [10.0, 15.0, 20.0, 25.0, 37.0][rng.random_range(0..5)],
            };
            let start = today + Duration::days(rng.random_range(-60..90));
            let deadline = start - Duration::days(rng.random_range(3..21));
            let mut groups = Vec::new();
            for _ in 0..rng.random_range(0..3u32) {
                let g = TargetGroup::ALL[rng.random_range(0..TargetGroup::ALL.len())];
                if !groups.contains(&g) {
                    groups.push(g);
                }
            }
            let uuid = uuid::Builder::from_random_bytes(rng.random()).into_uuid();
            lead.execute(params![
                uuid.to_string(),
                ids[c],
                kind.key(),
                title,
                hours,
                start.format("%Y-%m-%d").to_string(),
                deadline.format("%Y-%m-%d").to_string(),
                groups_to_db(&groups),
                skills,
                status.key(),
                created,
            ])?;
        }
        Ok((ids.len(), leads))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_companies_and_leads() {
        let now = crate::domain::dates::from_db("2026-11-23T09:00:00").unwrap_or_default();
        let names = |seed: u64| {
            let mut s = Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
            let n = generate_companies(&mut s, 50, 200, seed, now).unwrap_or_default();
            assert_eq!(n, (50, 200));
            let list = s
                .companies(&crate::store::CompanyFilter::default())
                .unwrap_or_default();
            assert!(list.iter().all(|c| c.cvr.is_none()));
            let open = s
                .leads(&crate::store::LeadFilter {
                    open_only: true,
                    ..Default::default()
                })
                .unwrap_or_default();
            assert!(!open.is_empty() && open.len() < 200);
            list.into_iter().map(|c| c.name).collect::<Vec<_>>()
        };
        assert_eq!(names(3), names(3));
        assert_ne!(names(3), names(4));
    }
}
