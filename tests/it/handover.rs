//! `jobdesk handover export|import`: cover for a colleague, database to database by uuid.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use crate::support::*;

const PASS: &str = "en lang og god overdragelse";

fn handover(db: &Path, pass: &str) -> assert_cmd::Command {
    let mut c = jobdesk(db);
    c.env("JOBDESK_HANDOVER_PASSPHRASE", pass).arg("handover");
    c
}

fn everything(db: &Path) -> Value {
    json(&ok(jobdesk(db).args(["export", "json"])))
}

/// The citizens named in `names` with their appointments and contacts, without this database's
/// ids (references by uuid and name instead), keyed for comparison.
fn restricted(all: &Value, names: &[String]) -> BTreeMap<String, Value> {
    let list = |k: &str| all[k].as_array().cloned().unwrap_or_default();
    let citizens = list("citizens");
    let name_of: BTreeMap<i64, String> = citizens
        .iter()
        .map(|c| {
            (
                c["id"].as_i64().unwrap_or(0),
                c["name"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let apps = list("appointments");
    let app_uuid: BTreeMap<i64, String> = apps
        .iter()
        .map(|a| {
            (
                a["id"].as_i64().unwrap_or(0),
                a["uuid"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let keep = |v: &Value| {
        let id = v["citizen_id"].as_i64().unwrap_or(0);
        name_of.get(&id).filter(|n| names.contains(n)).cloned()
    };
    let mut out = BTreeMap::new();
    for mut c in citizens.clone() {
        let name = c["name"].as_str().unwrap_or("").to_string();
        if names.contains(&name) {
            c.as_object_mut().map(|o| o.remove("id"));
            out.insert(format!("citizen {name}"), c);
        }
    }
    for mut a in apps.clone() {
        if let Some(name) = keep(&a) {
            let o = a.as_object_mut().unwrap_or_else(|| panic!("object"));
            o.remove("id");
            o.insert("citizen_id".into(), Value::String(name));
            let moved = o["moved_to"]
                .as_i64()
                .and_then(|m| app_uuid.get(&m).cloned());
            o.insert(
                "moved_to".into(),
                moved.map(Value::String).unwrap_or(Value::Null),
            );
            out.insert(format!("appointment {}", o["uuid"]), a);
        }
    }
    for mut k in list("contacts") {
        if let Some(name) = keep(&k) {
            let o = k.as_object_mut().unwrap_or_else(|| panic!("object"));
            o.remove("id");
            o.insert("citizen_id".into(), Value::String(name));
            let app = o["appointment_id"]
                .as_i64()
                .and_then(|m| app_uuid.get(&m).cloned());
            o.insert(
                "appointment_id".into(),
                app.map(Value::String).unwrap_or(Value::Null),
            );
            out.insert(format!("contact {}", o["uuid"]), k);
        }
    }
    out
}

fn names(db: &Path, ids: &[i64]) -> Vec<String> {
    let all = everything(db);
    all["citizens"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .filter(|c| ids.contains(&c["id"].as_i64().unwrap_or(0)))
        .map(|c| c["name"].as_str().unwrap_or("").to_string())
        .collect()
}

fn id_of(db: &Path, name: &str) -> i64 {
    everything(db)["citizens"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .find(|c| c["name"] == name)
        .and_then(|c| c["id"].as_i64())
        .unwrap_or_else(|| panic!("no citizen {name}"))
}

/// A colleague's database: two citizens of their own.
fn colleague(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let db = dir.path().join("colleague.db");
    for name in ["Kollegas Borger", "Anden Borger"] {
        ok(jobdesk(&db).args([
            "citizen",
            "add",
            "--name",
            name,
            "--target-group",
            "dagpenge",
        ]));
    }
    db
}

#[test]
fn a_handover_gives_the_colleague_the_same_citizens_and_a_second_import_changes_nothing() {
    let dir = tmpdir();
    let src = generated(&dir, 6);
    let dst = colleague(&dir);
    let file = dir.path().join("overdragelse.jobdesk");
    let said = ok(handover(&src, PASS)
        .args(["export", "--citizen", "2", "--citizen", "4", "-o"])
        .arg(&file));
    assert!(said.contains("2 citizens"), "{said}");
    let handed = names(&src, &[2, 4]);
    assert_eq!(handed.len(), 2);

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file)
            .unwrap_or_else(|e| panic!("{e}"))
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let bytes = std::fs::read(&file).unwrap_or_default();
    assert!(bytes.len() > 1000);
    for n in &handed {
        assert!(
            !bytes.windows(n.len()).any(|w| w == n.as_bytes()),
            "the file holds no plaintext name"
        );
    }
    assert!(!bytes.windows(8).any(|w| w == b"SQLite f"), "encrypted");

    // Refused when the file exists, unless --force.
    let err = bad(handover(&src, PASS)
        .args(["export", "--citizen", "2", "-o"])
        .arg(&file));
    assert!(err.contains("already exists"), "{err}");

    let said = ok(handover(&dst, PASS).arg("import").arg(&file));
    assert!(said.contains("2 new citizens"), "{said}");
    assert_eq!(
        restricted(&everything(&dst), &handed),
        restricted(&everything(&src), &handed)
    );
    assert_eq!(
        everything(&dst)["citizens"].as_array().map(Vec::len),
        Some(4)
    );

    let before = everything(&dst);
    let said = ok(handover(&dst, PASS).arg("import").arg(&file));
    assert!(
        said.contains("0 new citizens, 0 updated, 2 unchanged"),
        "{said}"
    );
    assert_eq!(everything(&dst), before, "a second import changes nothing");

    let audit = ok(jobdesk(&dst).args(["audit"]));
    assert!(audit.contains("handover"), "{audit}");
    for n in &handed {
        assert!(
            !audit.contains(n.as_str()),
            "no personal data in the audit: {audit}"
        );
    }
    let audit = ok(jobdesk(&src).args(["audit"]));
    assert!(audit.contains("handover"), "{audit}");
}

#[test]
fn a_citizen_changed_on_both_sides_is_a_conflict_and_not_overwritten() {
    let dir = tmpdir();
    let src = generated(&dir, 4);
    let dst = colleague(&dir);
    let file = dir.path().join("h.db");
    ok(handover(&src, PASS)
        .args(["export", "--citizen", "1", "-o"])
        .arg(&file));
    ok(handover(&dst, PASS).arg("import").arg(&file));
    let name = names(&src, &[1]).remove(0);
    let here = id_of(&dst, &name);

    ok(jobdesk(&src).args(["citizen", "set", "1", "--summary", "Kilden skrev dette"]));
    ok(jobdesk(&dst).args([
        "citizen",
        "set",
        &here.to_string(),
        "--summary",
        "Kollegaen skrev dette",
    ]));
    ok(handover(&src, PASS)
        .args(["export", "--citizen", "1", "--force", "-o"])
        .arg(&file));
    let said = ok(handover(&dst, PASS).arg("import").arg(&file));
    assert!(said.contains("1 conflicts"), "{said}");
    assert!(said.contains(&format!("{here}  {name}")), "{said}");
    let kept = everything(&dst)["citizens"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .find(|c| c["id"] == here)
        .unwrap_or_default();
    assert_eq!(kept["summary"], "Kollegaen skrev dette");
}

#[test]
fn a_wrong_passphrase_or_a_damaged_file_is_refused_and_nothing_is_merged() {
    let dir = tmpdir();
    let src = generated(&dir, 3);
    let dst = colleague(&dir);
    let file = dir.path().join("h.db");
    ok(handover(&src, PASS)
        .args(["export", "--all", "-o"])
        .arg(&file));
    let before = everything(&dst);

    let err = bad(handover(&dst, "en helt forkert frase")
        .arg("import")
        .arg(&file));
    assert!(err.contains("passphrase"), "{err}");
    let err = bad(handover(&dst, "en helt forkert frase")
        .args(["--lang", "da", "import"])
        .arg(&file));
    assert!(err.contains("overdragelsesfilen"), "{err}");

    let cut = dir.path().join("cut.db");
    let bytes = std::fs::read(&file).unwrap_or_default();
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap_or_else(|e| panic!("{e}"));
    bad(handover(&dst, PASS).arg("import").arg(&cut));
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, vec![7u8; 8192]).unwrap_or_else(|e| panic!("{e}"));
    bad(handover(&dst, PASS).arg("import").arg(&junk));

    assert_eq!(everything(&dst), before, "nothing merged");
}

/// The desk's `x` asks what to export: a range typed in the one date-time language, the form,
/// the folder; the file is written there.
#[test]
fn the_desk_x_dialog_exports_a_typed_range_as_plain_csv_into_the_folder_given() {
    use crate::desk::{DeskOn, key, screen, typ};
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let clear = |app: &mut jobdesk::ui::app::App| {
        for c in ['a', 'k'] {
            app.handle_event(&Event::Key(KeyEvent::new(
                KeyCode::Char(c),
                KeyModifiers::CONTROL,
            )));
        }
    };
    let dir = tmpdir();
    let mut app = jobdesk::i18n::Lang::Da.open();
    key(&mut app, KeyCode::Char('x'));
    assert!(
        matches!(app.mode, jobdesk::ui::overlay::Mode::ExportDialog(_)),
        "x opens the dialog"
    );
    let shown = screen(&app, 100, 30);
    assert!(shown.contains("Eksportér kontaktloggen"), "{shown}");
    assert!(shown.contains("Excel"), "{shown}");
    assert!(
        shown.contains("næste felt"),
        "the footer names Tab: {shown}"
    );

    // A range typed over the prefilled day; a bad one is said in the dialog.
    typ(&mut app, "23.11.2026 - 20.11.2026");
    key(&mut app, KeyCode::Enter);
    assert!(
        screen(&app, 100, 30).contains("første dag ligger efter"),
        "{}",
        screen(&app, 100, 30)
    );
    clear(&mut app);
    typ(&mut app, "fra 16.11.2026 til 20.11.2026");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Tab);
    // The folder reached with Tab is selected whole: typing replaces the prefilled one.
    typ(&mut app, &dir.path().display().to_string());
    key(&mut app, KeyCode::Enter);
    assert!(
        matches!(app.mode, jobdesk::ui::overlay::Mode::Normal),
        "{}",
        screen(&app, 100, 30)
    );
    let file = dir
        .path()
        .join("jobdesk-kontaktlog-2026-11-16_2026-11-20.csv");
    let message = app.message.clone().unwrap_or_default();
    assert!(message.contains(&file.display().to_string()), "{message}");
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{e}: {message}"));
    assert!(!text.starts_with('\u{feff}'), "plain, not the Excel form");
    let first = text.lines().next().unwrap_or("");
    assert!(first.starts_with("dato,tid,borger"), "{first}");
    let days: std::collections::BTreeSet<&str> = text
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').next())
        .collect();
    assert!(days.len() > 1, "more than one day: {days:?}");
    assert!(
        days.iter()
            .all(|d| ("2026-11-16"..="2026-11-20").contains(d)),
        "{days:?}"
    );
}

fn add(db: &Path, args: &[&str]) -> String {
    ok(jobdesk(db).args(args)).trim().to_string()
}

fn list(all: &Value, key: &str) -> Vec<Value> {
    all[key].as_array().cloned().unwrap_or_default()
}

#[test]
fn a_proposal_of_a_handed_over_citizen_arrives_with_its_lead_and_company_once() {
    let dir = tmpdir();
    let src = generated(&dir, 6);
    let dst = colleague(&dir);
    let file = dir.path().join("overdragelse.jobdesk");
    let eva = add(
        &src,
        &[
            "citizen",
            "add",
            "--name",
            "Eva Praktikfiktiv",
            "--target-group",
            "dagpenge",
        ],
    );
    let other = add(
        &src,
        &[
            "citizen",
            "add",
            "--name",
            "Ole Blivfiktiv",
            "--target-group",
            "dagpenge",
        ],
    );
    let company = add(
        &src,
        &[
            "company",
            "add",
            "--name",
            "Bager Fiktiv ApS",
            "--cvr",
            "13748136",
        ],
    );
    add(
        &src,
        &[
            "company",
            "contact",
            "add",
            "--company",
            &company,
            "--name",
            "Karen Kontaktfiktiv",
            "--role",
            "Indehaver",
        ],
    );
    let lead = add(
        &src,
        &[
            "lead",
            "add",
            "--company",
            &company,
            "--kind",
            "virksomhedspraktik",
            "--title",
            "Lagermedhjælper",
        ],
    );
    let p = add(
        &src,
        &[
            "propose",
            "--lead",
            &lead,
            "--citizen",
            &eva,
            "--at",
            "2026-11-23 10:00",
        ],
    );
    add(
        &src,
        &[
            "proposal",
            "set",
            &p,
            "--outcome",
            "samtale",
            "--at",
            "2026-11-25 09:00",
        ],
    );
    // Another citizen's proposal stays behind.
    add(
        &src,
        &[
            "propose",
            "--lead",
            &lead,
            "--citizen",
            &other,
            "--at",
            "2026-11-23 11:00",
        ],
    );

    ok(handover(&src, PASS)
        .args(["export", "--citizen", &eva, "-o"])
        .arg(&file));
    ok(handover(&dst, PASS).arg("import").arg(&file));
    let all = everything(&dst);
    let eva_here = id_of(&dst, "Eva Praktikfiktiv");
    let companies = list(&all, "companies");
    assert_eq!(companies.len(), 1, "{all}");
    assert_eq!(companies[0]["name"], "Bager Fiktiv ApS");
    assert_eq!(companies[0]["cvr"], "13748136");
    let people = list(&all, "company_contacts");
    assert_eq!(people.len(), 1);
    assert_eq!(people[0]["name"], "Karen Kontaktfiktiv");
    let leads = list(&all, "leads");
    assert_eq!(leads.len(), 1);
    assert_eq!(leads[0]["title"], "Lagermedhjælper");
    assert_eq!(leads[0]["company_id"], companies[0]["id"]);
    let proposals = list(&all, "proposals");
    assert_eq!(proposals.len(), 1, "only Eva's proposal: {all}");
    assert_eq!(proposals[0]["citizen_id"].as_i64(), Some(eva_here));
    assert_eq!(proposals[0]["lead_id"], leads[0]["id"]);
    assert_eq!(proposals[0]["outcome"], "interview");
    let log = list(&all, "company_log");
    assert_eq!(log.len(), 2, "proposed and interview: {all}");
    assert!(
        log.iter()
            .all(|x| x["citizen_id"].as_i64() == Some(eva_here)
                && x["proposal_id"] == proposals[0]["id"])
    );
    // The colleague sees the proposal on the citizen's side.
    let mine = json(&ok(jobdesk(&dst).args([
        "proposal",
        "list",
        "--citizen",
        &eva_here.to_string(),
        "--json",
    ])));
    assert_eq!(mine[0]["company"], "Bager Fiktiv ApS");

    // Importing the same file again adds nothing.
    let before = everything(&dst);
    ok(handover(&dst, PASS).arg("import").arg(&file));
    assert_eq!(everything(&dst), before, "a second import changes nothing");

    // A later step at the source arrives with the next hand-over, still once.
    add(
        &src,
        &[
            "proposal",
            "set",
            &p,
            "--outcome",
            "declined",
            "--at",
            "2026-11-27 09:00",
        ],
    );
    ok(handover(&src, PASS)
        .args(["export", "--force", "--citizen", &eva, "-o"])
        .arg(&file));
    ok(handover(&dst, PASS).arg("import").arg(&file));
    let all = everything(&dst);
    assert_eq!(list(&all, "companies").len(), 1);
    assert_eq!(list(&all, "leads").len(), 1);
    let proposals = list(&all, "proposals");
    assert_eq!(proposals.len(), 1);
    assert_eq!(proposals[0]["outcome"], "declined");
    assert_eq!(list(&all, "company_log").len(), 3);
}
