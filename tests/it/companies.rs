//! Companies and job leads (issue 19) through the real binary: the CVR check, a lead's fitting
//! citizens, a proposal's steps in the company's history and on the citizen's side, company
//! contacts in the log, the JSON round trip, the CSV import, and the erasure of a contact person.
//!
//! The CVR numbers here pass the modulus-11 rule but are made up (13748136 is the worked example
//! of the Danish Business Authority's page on the rule); no real company is meant.

use std::path::{Path, PathBuf};

use crate::support::{bad, generated, jobdesk, json, ok, tmpdir};

fn id(out: &str) -> String {
    out.trim().to_string()
}

fn citizen(db: &Path, name: &str, group: &str, skills: &str) -> String {
    let c = id(&ok(jobdesk(db).args([
        "citizen",
        "add",
        "--name",
        name,
        "--target-group",
        group,
    ])));
    ok(jobdesk(db).args(["citizen", "set", &c, "--skills", skills]));
    c
}

/// A company, a praktik place for dagpenge citizens who know a warehouse, and three citizens:
/// two fit, one is in another target group.
struct Setup {
    _dir: tempfile::TempDir,
    db: PathBuf,
    company: String,
    lead: String,
    anna: String,
    bo: String,
}

fn setup() -> Setup {
    let dir = tmpdir();
    let db = generated(&dir, 10);
    let anna = citizen(
        &db,
        "Anna Lagerfiktiv",
        "dagpenge",
        "lager, truckcertifikat",
    );
    let bo = citizen(&db, "Bo Lagerfiktiv", "dagpenge", "Vil gerne lagerarbejde");
    citizen(&db, "Cia Lagerfiktiv", "sygedagpenge", "lager");
    let company = id(&ok(jobdesk(&db).args([
        "company",
        "add",
        "--name",
        "Bager Fiktiv ApS",
        "--cvr",
        "13748136",
        "--industry",
        "Bageri",
    ])));
    let lead = id(&ok(jobdesk(&db).args([
        "lead",
        "add",
        "--company",
        &company,
        "--kind",
        "virksomhedspraktik",
        "--title",
        "Lagermedhjælper",
        "--hours",
        "20",
        "--groups",
        "dagpenge",
        "--skills",
        "lager",
    ])));
    Setup {
        _dir: dir,
        db,
        company,
        lead,
        anna,
        bo,
    }
}

#[test]
fn a_cvr_number_is_checked_by_modulus_11_and_is_one_company_s() {
    let s = setup();
    let e = bad(jobdesk(&s.db).args(["company", "add", "--name", "X", "--cvr", "13748137"]));
    assert!(e.contains("modulus 11"), "{e}");
    let e = bad(jobdesk(&s.db).args(["company", "add", "--name", "X", "--cvr", "1374813"]));
    assert!(e.contains("8 digits"), "{e}");
    let e = bad(jobdesk(&s.db).args(["company", "add", "--name", "X", "--cvr", "DK 13 74 81 36"]));
    assert!(e.contains(&format!("company {}", s.company)), "{e}");
    let list = json(&ok(jobdesk(&s.db).args(["company", "list", "--json"])));
    let list = list.as_array().cloned().unwrap_or_default();
    assert_eq!(list.len(), 1, "nothing was added by the refusals");
    assert_eq!(list[0]["cvr"], "13748136");
    assert_eq!(list[0]["open_leads"], 1);
}

#[test]
fn a_lead_s_fitting_citizens() {
    let s = setup();
    let m = json(&ok(
        jobdesk(&s.db).args(["match", "--lead", &s.lead, "--json"])
    ));
    let ids: Vec<String> = m
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|x| x["citizen_id"].to_string())
        .collect();
    assert_eq!(ids, vec![s.anna.clone(), s.bo.clone()], "{m}");
    assert_eq!(m[0]["target_group"], "dagpenge");
    // And from the citizen's side: the open lead that fits.
    let m = json(&ok(jobdesk(&s.db).args([
        "match",
        "--citizen",
        &s.anna,
        "--json",
    ])));
    assert_eq!(m[0]["lead_id"].to_string(), s.lead);
    // A filled lead is offered no more.
    ok(jobdesk(&s.db).args(["lead", "set", &s.lead, "--status", "besat"]));
    let m = json(&ok(jobdesk(&s.db).args([
        "match",
        "--citizen",
        &s.anna,
        "--json",
    ])));
    assert_eq!(m.as_array().map(Vec::len), Some(0));
    let open = json(&ok(
        jobdesk(&s.db).args(["lead", "list", "--open", "--json"])
    ));
    assert_eq!(open.as_array().map(Vec::len), Some(0));
}

#[test]
fn a_proposal_s_outcomes_are_in_the_company_s_log_and_on_the_citizen_s_side() {
    let s = setup();
    let p = id(&ok(jobdesk(&s.db).args([
        "propose",
        "--lead",
        &s.lead,
        "--citizen",
        &s.anna,
        "--at",
        "2026-11-23 10:00",
    ])));
    let e = bad(jobdesk(&s.db).args(["propose", "--lead", &s.lead, "--citizen", &s.anna]));
    assert!(e.contains("already proposed"), "{e}");
    ok(jobdesk(&s.db).args([
        "proposal",
        "set",
        &p,
        "--outcome",
        "samtale",
        "--at",
        "2026-11-25 09:00",
    ]));
    ok(jobdesk(&s.db).args([
        "proposal",
        "set",
        &p,
        "--outcome",
        "started",
        "--at",
        "2026-12-01 08:00",
    ]));
    let show = ok(jobdesk(&s.db).args(["company", "show", &s.company]));
    for step in [
        "started: Anna Lagerfiktiv",
        "interview: Anna Lagerfiktiv",
        "proposed: Anna Lagerfiktiv",
    ] {
        assert!(show.contains(step), "{step}: {show}");
    }
    let da = ok(jobdesk(&s.db).args(["--lang", "da", "company", "show", &s.company]));
    assert!(da.contains("startet: Anna Lagerfiktiv"), "{da}");
    // The card's view: the citizen's proposals with the latest outcome, started.
    let list = json(&ok(jobdesk(&s.db).args([
        "proposal",
        "list",
        "--citizen",
        &s.anna,
        "--json",
    ])));
    assert_eq!(list[0]["outcome"], "started");
    assert_eq!(list[0]["company"], "Bager Fiktiv ApS");
    // The match shows the proposal too.
    let m = json(&ok(
        jobdesk(&s.db).args(["match", "--lead", &s.lead, "--json"])
    ));
    assert_eq!(m[0]["outcome"], "started");
    assert_eq!(m[1]["outcome"], serde_json::Value::Null);
    // The place is taken: the start filled the lead.
    let open = json(&ok(
        jobdesk(&s.db).args(["lead", "list", "--open", "--json"])
    ));
    assert_eq!(open.as_array().map(Vec::len), Some(0), "{open}");
    let all = json(&ok(jobdesk(&s.db).args(["lead", "list", "--json"])));
    assert_eq!(all[0]["status"], "filled", "{all}");
}

#[test]
fn company_contacts_are_in_the_company_s_log() {
    let s = setup();
    let person = id(&ok(jobdesk(&s.db).args([
        "company",
        "contact",
        "add",
        "--company",
        &s.company,
        "--name",
        "Karen Kontaktfiktiv",
        "--role",
        "Indehaver",
    ])));
    ok(jobdesk(&s.db).args([
        "company",
        "log",
        "--company",
        &s.company,
        "--channel",
        "workplace",
        "--outcome",
        "held",
        "--person",
        &person,
        "--at",
        "2026-11-24 13:00",
        "--note",
        "To pladser på vej",
    ]));
    let show = ok(jobdesk(&s.db).args(["company", "show", &s.company]));
    assert!(show.contains("Karen Kontaktfiktiv"), "{show}");
    assert!(
        show.contains(
            "2026-11-24 13:00  workplace · held (Karen Kontaktfiktiv)  To pladser på vej"
        ),
        "{show}"
    );
}

#[test]
fn json_round_trip_stays_exact_with_companies_and_leads() {
    let s = setup();
    let p = id(&ok(jobdesk(&s.db).args([
        "propose",
        "--lead",
        &s.lead,
        "--citizen",
        &s.bo,
    ])));
    ok(jobdesk(&s.db).args(["proposal", "set", &p, "--outcome", "declined"]));
    ok(jobdesk(&s.db).args([
        "company",
        "contact",
        "add",
        "--company",
        &s.company,
        "--name",
        "Karen Kontaktfiktiv",
    ]));
    ok(jobdesk(&s.db).args(["company", "add", "--name", "Uden CVR"]));
    let a = ok(jobdesk(&s.db).args(["export", "json"]));
    let v = json(&a);
    assert_eq!(v["companies"].as_array().map(Vec::len), Some(2));
    assert_eq!(v["leads"][0]["kind"], "praktik");
    assert_eq!(v["proposals"][0]["outcome"], "declined");
    assert_eq!(v["company_log"].as_array().map(Vec::len), Some(2));
    assert_eq!(v["company_contacts"][0]["name"], "Karen Kontaktfiktiv");
    let file = s.db.with_file_name("a.json");
    std::fs::write(&file, &a).unwrap_or_default();
    let db2 = s.db.with_file_name("restored.db");
    ok(jobdesk(&db2).args(["init", "--no-encrypt"]));
    ok(jobdesk(&db2).arg("import").arg("json").arg(&file));
    let b = ok(jobdesk(&db2).args(["export", "json"]));
    assert!(a == b, "export → import → export differs");
    // A file of an older jobdesk (no company lists) still loads.
    // The company lists are the last ones: cut them off.
    let cut = a.find(",\n\"companies\":[").unwrap_or(a.len());
    let old = format!("{}}}", &a[..cut]);
    std::fs::write(&file, old).unwrap_or_default();
    let db3 = s.db.with_file_name("old.db");
    ok(jobdesk(&db3).args(["init", "--no-encrypt"]));
    ok(jobdesk(&db3).arg("import").arg("json").arg(&file));
}

#[test]
fn import_companies_is_all_or_nothing_with_the_bad_rows_listed() {
    let s = setup();
    let file = s.db.with_file_name("c.csv");
    std::fs::write(
        &file,
        "\u{feff}Firmanavn;CVR-nr;Branche\r\nSmed Fiktiv;12345674;Metal\r\nFejl ApS;12345678;IT\r\nDobbelt;13748136;x\r\n",
    )
    .unwrap_or_default();
    let e = bad(jobdesk(&s.db).arg("import").arg("companies").arg(&file));
    assert!(e.contains("nothing was imported"), "{e}");
    assert!(e.contains("line 3: CVR number '12345678'"), "{e}");
    assert!(
        e.contains(&format!(
            "line 4: CVR 13748136 already belongs to company {}",
            s.company
        )),
        "{e}"
    );
    let list = json(&ok(jobdesk(&s.db).args(["company", "list", "--json"])));
    assert_eq!(list.as_array().map(Vec::len), Some(1));
    std::fs::write(
        &file,
        "navn,cvr,branche\nSmed Fiktiv,12345674,Metal\nKro Fiktiv,,Hotel\n",
    )
    .unwrap_or_default();
    let out = ok(jobdesk(&s.db).arg("import").arg("companies").arg(&file));
    assert!(out.contains("2 companies imported"), "{out}");
}

#[test]
fn erasing_a_contact_person_leaves_no_trace_of_the_name_in_the_files() {
    let s = setup();
    const NAME: &str = "Zeta Hemmeligfiktiv";
    let person = id(&ok(jobdesk(&s.db).args([
        "company",
        "contact",
        "add",
        "--company",
        &s.company,
        "--name",
        NAME,
        "--phone",
        "99 88 77 66",
    ])));
    ok(jobdesk(&s.db).args([
        "company",
        "log",
        "--company",
        &s.company,
        "--channel",
        "phone",
        "--outcome",
        "reached",
        "--person",
        &person,
    ]));
    let files = |db: &Path| -> Vec<u8> {
        let mut all = Vec::new();
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut p = db.as_os_str().to_owned();
            p.push(suffix);
            all.extend(std::fs::read(PathBuf::from(p)).unwrap_or_default());
        }
        all
    };
    let has = |hay: &[u8], t: &str| hay.windows(t.len()).any(|w| w == t.as_bytes());
    assert!(has(&files(&s.db), NAME));
    // No terminal and no --yes: refused.
    let e = bad(jobdesk(&s.db).args(["erase", "--company-contact", &person]));
    assert!(e.contains("--yes"), "{e}");
    ok(jobdesk(&s.db).args(["erase", "--company-contact", &person, "--yes"]));
    let all = files(&s.db);
    assert!(!has(&all, NAME), "the name is still in the files");
    assert!(!has(&all, "99 88 77 66"), "the phone is still in the files");
    // The history keeps the call, without the person; the audit log names fields only.
    let show = ok(jobdesk(&s.db).args(["company", "show", &s.company]));
    assert!(show.contains("phone · reached"), "{show}");
    let audit = ok(jobdesk(&s.db).args(["audit", "--json"]));
    assert!(audit.contains("company contact"), "{audit}");
    assert!(audit.contains("name, role, phone, email"), "{audit}");
    assert!(!audit.contains("Zeta"), "{audit}");
}

#[test]
fn editing_a_contact_person_is_audited_with_field_names_only() {
    let s = setup();
    let person = id(&ok(jobdesk(&s.db).args([
        "company",
        "contact",
        "add",
        "--company",
        &s.company,
        "--name",
        "Yrsa Fiktivsen",
        "--phone",
        "11 22 33 44",
    ])));
    ok(jobdesk(&s.db).args([
        "company",
        "contact",
        "set",
        &person,
        "--phone",
        "55 66 77 88",
        "--role",
        "HR",
    ]));
    let audit = ok(jobdesk(&s.db).args(["audit", "--json"]));
    assert!(audit.contains("edit_contact_person"), "{audit}");
    assert!(
        audit.contains(&format!("company contact {person}: role, phone")),
        "{audit}"
    );
    assert!(
        !audit.contains("55 66 77 88") && !audit.contains("Yrsa"),
        "{audit}"
    );
}
