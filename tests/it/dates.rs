//! Only dates that exist, and nothing personal in a message: years 2000–2099 wherever a date is
//! typed or imported, the spring night's missing hour refused, US-ordered dates in a caseload
//! refused with their rows, no CPR number in an import's message, JSON with a byte-order mark,
//! no control character in the CSV.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support::*;

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn years_outside_2000_to_2099_are_refused_on_the_command_line() {
    let dir = tmpdir();
    let db = generated(&dir, 3);
    for (flag, value) in [
        ("--from", "0000-01-01"),
        ("--from", "31.12.1999"),
        ("--to", "01.01.2200"),
        ("--to", "9999-12-31"),
    ] {
        let err = bad(jobdesk(&db).args(["export", "csv", flag, value]));
        assert!(err.contains(flag), "{value}: {err}");
        assert!(err.contains(value), "{value}: {err}");
        assert!(err.contains("2000–2099"), "{value}: {err}");
    }
    // A range to 9999-12-31 is refused, not an empty export.
    let err = bad(jobdesk(&db).args(["log", "list", "--from", "2026-01-01", "--to", "9999-12-31"]));
    assert!(
        err.contains("'9999-12-31' is not a date: the year must be 2000–2099"),
        "{err}"
    );
    let err = bad(jobdesk(&db).env("LANG", "da_DK.UTF-8").args([
        "plan",
        "--citizen",
        "1",
        "--channel",
        "phone",
        "--at",
        "01.01.2100 10:00",
    ]));
    assert!(
        err.contains("'01.01.2100' er ikke en dato: året skal ligge i 2000–2099"),
        "{err}"
    );
    // A two-digit year is 20yy: 99 is 2099, inside the range.
    ok(jobdesk(&db).args([
        "plan",
        "--citizen",
        "1",
        "--channel",
        "phone",
        "--at",
        "05.01.99 10:00",
    ]));
    let agenda = json(&ok(jobdesk(&db).args([
        "agenda",
        "--date",
        "2099-01-05",
        "--json",
    ])));
    assert_eq!(agenda[0]["start"], "2099-01-05T10:00", "{agenda}");
}

#[test]
fn the_spring_gap_is_refused_naming_it() {
    let dir = tmpdir();
    let db = generated(&dir, 3);
    let err = bad(jobdesk(&db).env("LANG", "da_DK.UTF-8").args([
        "plan",
        "--citizen",
        "1",
        "--channel",
        "phone",
        "--at",
        "29.03.2026 02:30",
    ]));
    assert!(
        err.contains("29.03.2026 kl. 02.30 findes ikke: urene stilles frem fra 02.00 til 03.00"),
        "{err}"
    );
    let err = bad(jobdesk(&db).args([
        "log",
        "add",
        "--citizen",
        "1",
        "--channel",
        "phone",
        "--outcome",
        "held",
        "--at",
        "2026-03-29T02:00",
    ]));
    assert!(
        err.contains("clocks go forward from 02:00 to 03:00"),
        "{err}"
    );
    // The hour after the gap, and the autumn's repeated hour, are taken.
    ok(jobdesk(&db).args([
        "plan",
        "--citizen",
        "1",
        "--channel",
        "phone",
        "--at",
        "29.03.2026 03:00",
    ]));
    ok(jobdesk(&db).args([
        "plan",
        "--citizen",
        "1",
        "--channel",
        "phone",
        "--at",
        "25.10.2026 02:30",
    ]));
}

#[test]
fn quick_add_previews_the_gap_and_the_years() {
    use jobdesk::domain::quickadd::parse;
    let now = chrono::NaiveDate::from_ymd_opt(2026, 3, 27)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .unwrap();
    let p = parse("søn 2.30 tlf Jens Hansen", now);
    assert_eq!(p.start, None);
    assert!(
        p.problems.iter().any(|x| x.da.starts_with(
            "29.03.2026 kl. 02.30 findes ikke: urene stilles frem fra 02.00 til 03.00"
        )),
        "{p:?}"
    );
    let p = parse("01.01.2100 10 tlf Jens", now);
    assert_eq!(p.start, None);
    assert!(
        p.problems
            .iter()
            .any(|x| x.en.contains("the year must be 2000–2099")),
        "{p:?}"
    );
    assert!(parse("søn 3.30 tlf Jens", now).start.is_some());
}

#[test]
fn a_us_dated_caseload_is_refused_with_its_rows_listed() {
    let dir = tmpdir();
    let db = db_in(&dir);
    ok(jobdesk(&db).args(["generate", "--citizens", "2"]));
    let csv = write(
        &dir,
        "us.csv",
        b"name,target_group,benefit_start\nAnna Hansen,dagpenge,1/13/2026\nBo Berg,dagpenge,10/1/2026\nCarl Dahl,dagpenge,2026-01-10\nDitte Eg,dagpenge,10.01.2026\nEva Fisk,dagpenge,2/3/2026\nFrank Gram,dagpenge,10/1/2026\n",
    );
    let err = bad(jobdesk(&db)
        .env("LANG", "da_DK.UTF-8")
        .args(["import", "caseload"])
        .arg(&csv));
    assert!(
        err.contains("række 3, 7: startdato: 10/1/2026 kan være 10. januar eller 1. oktober — skriv 10.01.2026 eller 2026-01-10"),
        "{err}"
    );
    assert!(
        err.contains("række 6: startdato: 2/3/2026 kan være 2. marts eller 3. februar"),
        "{err}"
    );
    assert!(err.contains("3 af 6 rækker kan ikke importeres"), "{err}");
    let n = json(&ok(jobdesk(&db).args(["citizens", "--all", "--json"])));
    assert_eq!(n.as_array().map(Vec::len), Some(2), "nothing imported");
    let err = bad(jobdesk(&db).args(["import", "caseload"]).arg(&csv));
    assert!(
        err.contains("lines 3, 7: benefit start: 10/1/2026 could be 10 January or 1 October — write 10.01.2026 or 2026-01-10"),
        "{err}"
    );
}

#[test]
fn an_import_without_a_header_prints_no_cpr_number() {
    let dir = tmpdir();
    let db = db_in(&dir);
    let csv = write(
        &dir,
        "noheader.csv",
        "Søren Ærø;231190-1234;dagpenge;01.10.2026\nBo Berg;0101901234;dagpenge;\n".as_bytes(),
    );
    let out = jobdesk(&db)
        .args(["import", "caseload"])
        .arg(&csv)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        all.contains("wrong header [Søren Ærø, 231190-****"),
        "{all}"
    );
    assert!(
        !all.contains("231190-1234") && !all.contains("1234"),
        "{all}"
    );
}

#[test]
fn a_caseload_address_column_is_imported() {
    let dir = tmpdir();
    let db = db_in(&dir);
    let csv = write(
        &dir,
        "c.csv",
        "Navn;Målgruppe;Adresse\nSøren Ærø;dagpenge;Eksempelvej 1, 2860 Søborg\n".as_bytes(),
    );
    ok(jobdesk(&db).args(["import", "caseload"]).arg(&csv));
    let out = dir.path().join("all.json");
    ok(jobdesk(&db).args(["export", "json", "-o"]).arg(&out));
    let v = json(&std::fs::read_to_string(&out).unwrap());
    assert_eq!(
        v["citizens"][0]["address"], "Eksempelvej 1, 2860 Søborg",
        "{v}"
    );
}

#[test]
fn a_json_file_with_a_byte_order_mark_imports() {
    let dir = tmpdir();
    let db = generated(&dir, 3);
    let plain = dir.path().join("all.json");
    ok(jobdesk(&db).args(["export", "json", "-o"]).arg(&plain));
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(std::fs::read(&plain).unwrap());
    let with_bom = write(&dir, "bom.json", &bytes);
    let fresh = dir.path().join("fresh.db");
    ok(jobdesk(&fresh).args(["import", "json"]).arg(&with_bom));
    let before = json(&ok(jobdesk(&db).args(["citizens", "--all", "--json"])));
    let after = json(&ok(jobdesk(&fresh).args(["citizens", "--all", "--json"])));
    assert_eq!(before, after);
}

#[test]
fn a_json_file_with_a_day_outside_the_years_is_refused() {
    let dir = tmpdir();
    let db = generated(&dir, 3);
    let plain = dir.path().join("all.json");
    ok(jobdesk(&db).args(["export", "json", "-o"]).arg(&plain));
    let text = std::fs::read_to_string(&plain).unwrap();
    let v = json(&text);
    let id = v["appointments"][0]["id"].clone();
    let start = v["appointments"][0]["start"].as_str().unwrap().to_string();
    let edited = text.replacen(
        &format!("\"start\":\"{start}\""),
        "\"start\":\"2200-01-01T10:00:00\"",
        1,
    );
    assert_ne!(edited, text);
    let edited = write(&dir, "edited.json", edited.as_bytes());
    let fresh = dir.path().join("fresh.db");
    let err = bad(jobdesk(&fresh).args(["import", "json"]).arg(&edited));
    assert!(
        err.contains(&format!("appointment {id} in the file cannot be restored: 2200-01-01 is outside the years 2000–2099")),
        "{err}"
    );
}

#[test]
fn a_control_character_in_a_note_does_not_reach_the_csv() {
    let dir = tmpdir();
    let db = generated(&dir, 3);
    ok(jobdesk(&db).args([
        "log",
        "add",
        "--citizen",
        "1",
        "--channel",
        "phone",
        "--outcome",
        "held",
        "--at",
        "2026-11-20T10:00",
        "--note",
        "ring\u{7}tilbage\u{1b}[2J\ttab",
    ]));
    let csv = ok(jobdesk(&db).args(["export", "csv", "--date", "2026-11-20"]));
    assert!(csv.contains("ringtilbage[2J\ttab"), "{csv:?}");
    assert!(
        !csv.chars()
            .any(|c| c.is_control() && !matches!(c, '\t' | '\r' | '\n')),
        "{csv:?}"
    );
}

#[test]
fn names_notes_and_summaries_have_a_length_limit() {
    let dir = tmpdir();
    let db = generated(&dir, 3);
    let long_name = "Æ".repeat(201);
    let err = bad(jobdesk(&db).args([
        "citizen",
        "add",
        "--name",
        &long_name,
        "--target-group",
        "dagpenge",
    ]));
    assert!(
        err.contains("the name is 201 characters long; at most 200 are allowed"),
        "{err}"
    );
    ok(jobdesk(&db).args([
        "citizen",
        "add",
        "--name",
        &"Æ".repeat(200),
        "--target-group",
        "dagpenge",
    ]));
    let long_note = "x".repeat(2_001);
    let err = bad(jobdesk(&db).env("LANG", "da_DK.UTF-8").args([
        "log",
        "add",
        "--citizen",
        "1",
        "--channel",
        "phone",
        "--outcome",
        "held",
        "--note",
        &long_note,
    ]));
    assert!(
        err.contains("notatet er 2001 tegn langt; højst 2000 er tilladt"),
        "{err}"
    );
    let id = ok(jobdesk(&db).args([
        "log",
        "add",
        "--citizen",
        "1",
        "--channel",
        "phone",
        "--outcome",
        "held",
        "--note",
        &"x".repeat(2_000),
    ]));
    let err = bad(jobdesk(&db).args(["log", "edit", "--contact", id.trim(), "--note", &long_note]));
    assert!(err.contains("the note is 2001 characters long"), "{err}");
    let err = bad(jobdesk(&db).args([
        "citizen",
        "add",
        "--name",
        "Bo Berg",
        "--target-group",
        "dagpenge",
        "--summary",
        &"y".repeat(10_001),
    ]));
    assert!(
        err.contains("the summary is 10001 characters long; at most 10000"),
        "{err}"
    );
    // An import names the row.
    let csv = write(
        &dir,
        "long.csv",
        format!("name,target_group\n{},other\n", "N".repeat(201)).as_bytes(),
    );
    let err = bad(jobdesk(&db).args(["import", "caseload"]).arg(&csv));
    assert!(
        err.contains("line 2: the name is 201 characters long; at most 200 are allowed"),
        "{err}"
    );
}
