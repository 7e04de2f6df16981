//! `jobdesk import caseload`: all or nothing, --skip-invalid, the forms Excel writes.

use crate::support::*;

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).unwrap_or_else(|e| panic!("{e}"));
    p
}

fn count(db: &std::path::Path) -> usize {
    json(&ok(jobdesk(db).args(["citizens", "--all", "--json"])))
        .as_array()
        .map(Vec::len)
        .unwrap_or(0)
}

#[test]
fn a_bad_row_means_nothing_is_imported_and_every_bad_row_is_listed() {
    let dir = tmpdir();
    let db = db_in(&dir);
    ok(jobdesk(&db).args(["generate", "--citizens", "2"]));
    let csv = write(&dir, "c.csv", b"name,cpr,phone,email,target_group,benefit_start\nAnna Hansen,,12345678,a@eksempel.dk,dagpenge,2026-10-01\nBo Berg,310290-1234,,,dagpenge,\nCarl Dahl,,,,nogroup,\nDitte Eg,,,,other,31.02.2026\nEva Fisk,,,\n");
    let err = bad(jobdesk(&db).args(["import", "caseload"]).arg(&csv));
    assert!(
        err.contains("4 of 5 rows cannot be imported, so nothing was imported"),
        "{err}"
    );
    assert!(
        err.contains("line 3: CPR '310290-****' does not start with a real date"),
        "{err}"
    );
    assert!(
        err.contains("line 4: unknown target group 'nogroup'"),
        "{err}"
    );
    assert!(
        err.contains("line 5: benefit start: '31.02.2026' is not a date"),
        "{err}"
    );
    assert!(
        err.contains("line 6: has 4 fields, the header has 6"),
        "{err}"
    );
    assert!(err.contains("--skip-invalid"), "{err}");
    assert_eq!(count(&db), 2, "nothing imported");

    let out = jobdesk(&db)
        .args(["import", "caseload", "--skip-invalid"])
        .arg(&csv)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("imported 1 citizens"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err.lines()
            .filter(|l| l.starts_with("skipped line"))
            .count(),
        4,
        "{err}"
    );
    assert_eq!(count(&db), 3);
}

#[test]
fn danish_excel_export_with_bom_semicolons_and_crlf() {
    let dir = tmpdir();
    let db = db_in(&dir);
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice("Navn;CPR-nummer;Telefon;E-mail;Målgruppe;Startdato;Sagsbehandler\r\nSøren Ærø Åberg;0101901234;+45 20 30 40 50;s@eksempel.dk;Sygedagpengemodtager;01.11.2026;KB\r\n\"Hansen; Jens\";;;;Jobparat;;\r\n".as_bytes());
    let csv = write(&dir, "excel.csv", &bytes);
    let out = ok(jobdesk(&db).args(["import", "caseload"]).arg(&csv));
    assert!(out.contains("imported 2 citizens"), "{out}");
    let v = json(&ok(jobdesk(&db).args(["citizens", "--json"])));
    let names: Vec<&str> = v
        .as_array()
        .map(|a| a.iter().filter_map(|r| r["name"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(names, vec!["Hansen; Jens", "Søren Ærø Åberg"]);
    let soren = v
        .as_array()
        .and_then(|a| a.iter().find(|r| r["name"] == "Søren Ærø Åberg").cloned())
        .unwrap_or_default();
    assert_eq!(soren["target_group"], "sygedagpenge");
    // Sickness benefit: the first follow-up by the end of week 8 (1.11 + 55 days = 2. juledag,
    // Saturday 26.12.2026), moved back to the last working day before it.
    assert_eq!(soren["next_due"], "2026-12-23");
}

#[test]
fn the_same_cpr_twice_is_refused() {
    let dir = tmpdir();
    let db = db_in(&dir);
    let a = write(
        &dir,
        "a.csv",
        b"name,cpr,target_group\nAnna,010190-1234,other\n",
    );
    ok(jobdesk(&db).args(["import", "caseload"]).arg(&a));
    let err = bad(jobdesk(&db).args(["import", "caseload"]).arg(&a));
    assert!(
        err.contains("line 2: CPR 010190-**** is already in the caseload (citizen 1)"),
        "{err}"
    );
    assert_eq!(count(&db), 1);
}

#[test]
fn wrong_header_bad_encoding_and_missing_file() {
    let dir = tmpdir();
    let db = db_in(&dir);
    let f = write(&dir, "h.csv", b"fornavn,efternavn\nA,B\n");
    let err = bad(jobdesk(&db).args(["import", "caseload"]).arg(&f));
    assert!(err.contains("wrong header [fornavn, efternavn]"), "{err}");
    assert!(err.contains("name and target_group"), "{err}");
    let f = write(&dir, "l.csv", b"navn;m\xe5lgruppe\nS\xf8ren;dagpenge\n");
    let err = bad(jobdesk(&db).args(["import", "caseload"]).arg(&f));
    assert!(err.contains("CSV UTF-8"), "{err}");
    let err = bad(jobdesk(&db)
        .args(["import", "caseload"])
        .arg(dir.path().join("missing.csv")));
    assert!(
        err.contains("cannot read") && err.contains("missing.csv"),
        "{err}"
    );
    let f = write(&dir, "bin.csv", &[0u8, 1, 2, 3, 255]);
    let err = bad(jobdesk(&db).args(["import", "caseload"]).arg(&f));
    assert!(err.contains("not a CSV text file"), "{err}");
}
