//! `jobdesk import caseload FILE`: citizens from a CSV file with a header
//! (`name,cpr,phone,email,target_group,benefit_start,address`, Danish header names too),
//! delimiter `,` or `;`, with or without a UTF-8 BOM. Every row is checked before anything is
//! written, and every message is in the run's language with CPR numbers masked.
//!
//! Dates: `10.01.2026`, `10-01-2026`, `2026-01-10` (and the app's other date words), years
//! 2000–2099. A slash date is read only when its order cannot matter: `13/1/2026` and `1/13/2026`
//! are both 13 January, `5/5/2026` is 5 May; `10/1/2026` (10 January or 1 October, as an English
//! spreadsheet writes it) is refused with its rows listed.

use crate::domain::dates::{MONTHS_DA, MONTHS_EN};
use chrono::NaiveDate;

use crate::domain::cpr::{mask_cprs_in, parse_cpr_in};
use crate::domain::dates::{FIRST_YEAR, LAST_YEAR, year_in_range};
use crate::domain::limits;
use crate::domain::text::fold;
use crate::domain::when::parse_date;
use crate::domain::{NewCitizen, TargetGroup, Word};
use crate::error::{Result, user};
use crate::i18n::Lang;
use crate::store::Store;

/// The sentence in the run's language.
fn t(l: Lang, da: impl Into<String>, en: impl Into<String>) -> String {
    if l.da() { da.into() } else { en.into() }
}

/// A row that cannot be imported, with its line number in the file (the header is line 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub line: u64,
    pub reason: String,
}

/// The rows of a file, checked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    pub good: Vec<(u64, Good)>,
    pub bad: Vec<RowError>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Name,
    Cpr,
    Phone,
    Email,
    TargetGroup,
    BenefitStart,
    Address,
}

const FIELDS: &[(Field, &[&str])] = &[
    (Field::Name, &["name", "navn", "fulde navn", "full name"]),
    (
        Field::Cpr,
        &[
            "cpr",
            "cpr-nummer",
            "cpr nummer",
            "cprnr",
            "cpr-nr",
            "cpr nr",
        ],
    ),
    (
        Field::Phone,
        &[
            "phone",
            "telefon",
            "tlf",
            "mobil",
            "telefonnummer",
            "tlf.",
            "tlf nr",
        ],
    ),
    (Field::Email, &["email", "e-mail", "mail", "e-post"]),
    (
        Field::TargetGroup,
        &[
            "target_group",
            "target group",
            "malgruppe",
            "maalgruppe",
            "gruppe",
        ],
    ),
    (
        Field::BenefitStart,
        &[
            "benefit_start",
            "benefit start",
            "startdato",
            "start",
            "ydelsesstart",
            "start pa ydelse",
        ],
    ),
    (
        Field::Address,
        &[
            "address",
            "adresse",
            "bopael",
            "bopaelsadresse",
            "postadresse",
            "street address",
        ],
    ),
];

fn field_for(header: &str) -> Option<Field> {
    let h = fold(header.trim());
    FIELDS
        .iter()
        .find(|(_, names)| names.iter().any(|n| fold(n) == h))
        .map(|(f, _)| *f)
}

/// Guesses the delimiter from the header line: the one of `;` and `,` that occurs more.
fn delimiter(text: &[u8]) -> u8 {
    let first = text.split(|b| *b == b'\n').next().unwrap_or(&[]);
    let semi = first.iter().filter(|b| **b == b';').count();
    let comma = first.iter().filter(|b| **b == b',').count();
    if semi > comma { b';' } else { b',' }
}

/// Whether bytes that are not UTF-8 look like Windows-1252/Latin-1 Danish letters.
fn looks_like_latin1(b: &[u8]) -> bool {
    b.iter()
        .any(|c| matches!(c, 0xE6 | 0xF8 | 0xE5 | 0xC6 | 0xD8 | 0xC5))
}

fn encoding_hint(l: Lang) -> String {
    t(
        l,
        "filen er ikke UTF-8 (den ligner Excels almindelige CSV, Windows-1252): vælg 'Gem som' → 'CSV UTF-8' i Excel, eller konvertér den med `iconv -f cp1252 -t utf-8`",
        "the file is not UTF-8 (it looks like Excel's plain CSV, Windows-1252): in Excel choose 'Save as' → 'CSV UTF-8', or convert it with `iconv -f cp1252 -t utf-8`",
    )
}

/// Reads and checks every row. Errors that concern the whole file (a wrong header, a file that
/// is not text) come back as `Err`. No message holds a whole CPR number.
pub fn parse(bytes: &[u8], today: NaiveDate, l: Lang) -> Result<Parsed, String> {
    let mut p = parse_unmasked(bytes, today, l).map_err(|e| mask_cprs_in(&e))?;
    for e in &mut p.bad {
        e.reason = mask_cprs_in(&e.reason);
    }
    Ok(p)
}

fn parse_unmasked(bytes: &[u8], today: NaiveDate, l: Lang) -> Result<Parsed, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(t(
            l,
            "filen er tom: den skal have en overskriftslinje som navn;cpr;telefon;e-mail;målgruppe;startdato;adresse",
            "the file is empty: it needs a header line such as name,cpr,phone,email,target_group,benefit_start,address",
        ));
    }
    if bytes.contains(&0) {
        return Err(t(
            l,
            "filen er ikke en CSV-tekstfil (den indeholder binære data)",
            "the file is not a CSV text file (it holds binary data)",
        ));
    }
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter(bytes))
        .flexible(true)
        .has_headers(true)
        .from_reader(bytes);
    let headers = rdr
        .byte_headers()
        .map_err(|e| {
            t(
                l,
                format!("kan ikke læse overskriften: {e}"),
                format!("cannot read the header: {e}"),
            )
        })?
        .clone();
    let mut columns: Vec<Option<Field>> = Vec::with_capacity(headers.len());
    for h in headers.iter() {
        let h = std::str::from_utf8(h).map_err(|_| {
            if looks_like_latin1(h) {
                encoding_hint(l)
            } else {
                t(
                    l,
                    "overskriften er ikke UTF-8-tekst",
                    "the header is not UTF-8 text",
                )
            }
        })?;
        let f = field_for(h);
        if let Some(f) = f
            && columns.contains(&Some(f))
        {
            return Err(t(
                l,
                format!("overskriften nævner kolonnen '{}' to gange", h.trim()),
                format!("the header names the column '{}' twice", h.trim()),
            ));
        }
        columns.push(f);
    }
    if !columns.contains(&Some(Field::Name)) || !columns.contains(&Some(Field::TargetGroup)) {
        // A file without a header shows its first row here: CPR numbers are masked by `parse`.
        let seen: Vec<String> = headers
            .iter()
            .map(|h| String::from_utf8_lossy(h).trim().to_string())
            .collect();
        return Err(t(
            l,
            format!(
                "forkert overskrift [{}]: overskriften skal mindst nævne kolonnerne navn og målgruppe (engelsk: name, target_group); kendte kolonner: navn, cpr, telefon, e-mail, målgruppe, startdato, adresse",
                seen.join(", ")
            ),
            format!(
                "wrong header [{}]: the header must name at least the columns name and target_group (Danish: navn, målgruppe); known columns: name, cpr, phone, email, target_group, benefit_start, address",
                seen.join(", ")
            ),
        ));
    }
    let mut out = Parsed::default();
    let mut cprs: std::collections::HashMap<String, u64> = Default::default();
    let mut record = csv::ByteRecord::new();
    loop {
        match rdr.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                out.bad.push(RowError {
                    line,
                    reason: t(
                        l,
                        format!("kan ikke læses: {e}"),
                        format!("cannot be read: {e}"),
                    ),
                });
                continue;
            }
        }
        let line = record.position().map(|p| p.line()).unwrap_or(0);
        if record
            .iter()
            .all(|f| f.iter().all(|b| b.is_ascii_whitespace()))
        {
            continue;
        }
        if record.len() != headers.len() {
            out.bad.push(RowError {
                line,
                reason: t(
                    l,
                    format!(
                        "har {} felter, overskriften har {}",
                        record.len(),
                        headers.len()
                    ),
                    format!(
                        "has {} fields, the header has {}",
                        record.len(),
                        headers.len()
                    ),
                ),
            });
            continue;
        }
        match check_row(&record, &columns, today, l) {
            Ok(c) => {
                if let Some(cpr) = &c.citizen.cpr {
                    if let Some(first) = cprs.get(cpr) {
                        let cpr = crate::domain::cpr::mask_cpr(cpr);
                        out.bad.push(RowError {
                            line,
                            reason: t(
                                l,
                                format!("CPR {cpr} står også i række {first}"),
                                format!("CPR {cpr} is also on line {first}"),
                            ),
                        });
                        continue;
                    }
                    cprs.insert(cpr.clone(), line);
                }
                out.good.push((line, c));
            }
            Err(reason) => out.bad.push(RowError { line, reason }),
        }
    }
    Ok(out)
}

/// A row that passed its checks: the citizen and the address, if the file gave one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Good {
    pub citizen: NewCitizen,
    pub address: Option<String>,
}

fn check_row(
    record: &csv::ByteRecord,
    columns: &[Option<Field>],
    today: NaiveDate,
    l: Lang,
) -> Result<Good, String> {
    let mut g = Good::default();
    let c = &mut g.citizen;
    let mut problems = Vec::new();
    for (raw, field) in record.iter().zip(columns) {
        let Some(field) = field else { continue };
        let value = match std::str::from_utf8(raw) {
            Ok(v) => v.trim(),
            Err(_) => {
                return Err(if looks_like_latin1(raw) {
                    encoding_hint(l)
                } else {
                    t(l, "er ikke gyldig UTF-8-tekst", "is not valid UTF-8 text")
                });
            }
        };
        match field {
            Field::Name => {
                if value.is_empty() {
                    problems.push(t(l, "navnet er tomt", "the name is empty"));
                } else if value.chars().any(|ch| ch.is_control()) {
                    problems.push(t(
                        l,
                        "navnet indeholder kontroltegn",
                        "the name holds control characters",
                    ));
                } else if let Err(len) = limits::check(limits::Text::Name, value) {
                    let max = limits::Text::Name.max();
                    problems.push(t(
                        l,
                        format!("navnet er {len} tegn langt; højst {max} er tilladt"),
                        format!("the name is {len} characters long; at most {max} are allowed"),
                    ));
                } else {
                    c.name = value.to_string();
                }
            }
            Field::Cpr if !value.is_empty() => match parse_cpr_in(value, l.da()) {
                Ok(v) => c.cpr = Some(v),
                Err(e) => problems.push(e),
            },
            Field::Phone => {
                if value
                    .chars()
                    .all(|ch| ch.is_ascii_digit() || " +-()".contains(ch))
                {
                    c.phone = value.to_string();
                } else {
                    problems.push(t(
                        l,
                        format!("telefon '{value}' må kun have cifre, mellemrum, + - ( )"),
                        format!("phone '{value}' may hold only digits, spaces, + - ( )"),
                    ));
                }
            }
            Field::Email => {
                if value.is_empty() || (value.contains('@') && !value.contains(char::is_whitespace))
                {
                    c.email = value.to_string();
                } else {
                    problems.push(t(
                        l,
                        format!("e-mail '{value}' er ikke en adresse"),
                        format!("e-mail '{value}' is not an address"),
                    ));
                }
            }
            Field::TargetGroup => match TargetGroup::parse(value) {
                Ok(g) => c.target_group = Some(g),
                Err(e) => problems.push(target_group_problem(value, &e, l)),
            },
            Field::BenefitStart if !value.is_empty() => match benefit_start(value, today, l) {
                Ok(d) => c.benefit_start = Some(d),
                Err(e) => problems.push(e),
            },
            Field::Address => {
                if value.chars().any(char::is_control) {
                    problems.push(t(
                        l,
                        "adressen indeholder kontroltegn",
                        "the address holds control characters",
                    ));
                } else if !value.is_empty() {
                    g.address = Some(value.to_string());
                }
            }
            Field::Cpr | Field::BenefitStart => {}
        }
    }
    if problems.is_empty() {
        Ok(g)
    } else {
        Err(problems.join("; "))
    }
}

/// "unknown target group 'x': use one of …", in the run's language.
fn target_group_problem(value: &str, en: &str, l: Lang) -> String {
    let keys: Vec<&str> = TargetGroup::ALL.iter().map(|g| g.key()).collect();
    match (value.is_empty(), l.da()) {
        (true, true) => format!("målgruppen er tom: brug en af {}", keys.join(", ")),
        (false, true) => format!("ukendt målgruppe '{value}': brug en af {}", keys.join(", ")),
        (true, false) => format!(
            "the target group is empty: {}",
            en.split(": ").nth(1).unwrap_or("")
        ),
        (false, false) => en.to_string(),
    }
}

/// The benefit start: a slash date only when its order cannot matter, any other form as the
/// app's date language reads it (`10.01.2026`, `10-01-2026`, `2026-01-10`), years 2000–2099.
fn benefit_start(value: &str, today: NaiveDate, l: Lang) -> Result<NaiveDate, String> {
    let what = t(l, "startdato", "benefit start");
    if value.contains('/') {
        return slash_date(value, l).map_err(|e| format!("{what}: {e}"));
    }
    parse_date(value, today).map_err(|p| format!("{what}: {}", p.text(l.da())))
}

/// `13/1/2026` or `1/13/2026` (13 January either way), `5/5/2026`; `10/1/2026` is refused as
/// ambiguous. A two-digit year is 20yy.
fn slash_date(value: &str, l: Lang) -> Result<NaiveDate, String> {
    let parts: Vec<&str> = value.split('/').map(str::trim).collect();
    let number = |s: &str, max_len: usize| {
        (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let write_as = |d: u32, m: u32, y: i32| {
        (
            format!("skriv {d:02}.{m:02}.{y} eller {y}-{m:02}-{d:02}"),
            format!("write {d:02}.{m:02}.{y} or {y}-{m:02}-{d:02}"),
        )
    };
    let not_a_date = || {
        t(
            l,
            format!("'{value}' er ikke en dato: skriv fx 10.01.2026 eller 2026-01-10"),
            format!("'{value}' is not a date: write e.g. 10.01.2026 or 2026-01-10"),
        )
    };
    let (a, b, y) = match parts.as_slice() {
        [a, b, y] if y.len() == 4 || y.len() == 2 => {
            match (number(a, 2), number(b, 2), number(y, 4)) {
                (Some(a), Some(b), Some(y)) => {
                    let y = if y < 100 { 2000 + y } else { y };
                    (a, b, i32::try_from(y).unwrap_or(0))
                }
                _ => return Err(not_a_date()),
            }
        }
        _ => return Err(not_a_date()),
    };
    let (day, month) = match (a, b) {
        (a, b) if a == b => (a, b),
        (a @ 13..=31, b @ 1..=12) => (a, b),
        (a @ 1..=12, b @ 13..=31) => (b, a),
        (a @ 1..=12, b @ 1..=12) => {
            let (da_fix, en_fix) = write_as(a, b, y);
            let (m1, m2) = ((b - 1) as usize, (a - 1) as usize);
            return Err(t(
                l,
                format!(
                    "{value} kan være {a}. {} eller {b}. {} — {da_fix}",
                    MONTHS_DA[m1], MONTHS_DA[m2]
                ),
                format!(
                    "{value} could be {a} {} or {b} {} — {en_fix}",
                    MONTHS_EN[m1], MONTHS_EN[m2]
                ),
            ));
        }
        _ => return Err(not_a_date()),
    };
    if !year_in_range(y) {
        return Err(t(
            l,
            format!("'{value}' er ikke en dato: året skal ligge i {FIRST_YEAR}–{LAST_YEAR}"),
            format!("'{value}' is not a date: the year must be {FIRST_YEAR}–{LAST_YEAR}"),
        ));
    }
    NaiveDate::from_ymd_opt(y, month, day).ok_or_else(not_a_date)
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outcome {
    pub imported: usize,
    pub skipped: Vec<RowError>,
}

/// The bad rows, one line per reason: rows with the same reason share a line
/// ("lines 3, 7: 10/1/2026 could be …").
pub fn list_rows(bad: &[RowError], l: Lang) -> Vec<String> {
    let mut groups: Vec<(&str, Vec<u64>)> = Vec::new();
    for e in bad {
        match groups.iter_mut().find(|(r, _)| *r == e.reason) {
            Some((_, lines)) => lines.push(e.line),
            None => groups.push((&e.reason, vec![e.line])),
        }
    }
    groups
        .into_iter()
        .map(|(reason, lines)| {
            let nums: Vec<String> = lines.iter().map(u64::to_string).collect();
            let word = match (l.da(), lines.len()) {
                (true, _) => "række",
                (false, 1) => "line",
                (false, _) => "lines",
            };
            format!("  {word} {}: {reason}", nums.join(", "))
        })
        .collect()
}

/// Checks every row (also against CPR numbers already in the caseload) and writes the good ones
/// in one transaction. Unless `skip_invalid`, a single bad row means nothing is written.
/// The import is recorded in the audit log (`source` says from where: the file's path).
/// Messages are in `l`, with CPR numbers masked.
pub fn import(
    store: &mut Store,
    bytes: &[u8],
    now: chrono::NaiveDateTime,
    skip_invalid: bool,
    source: &str,
    l: Lang,
) -> Result<Outcome> {
    let today = now.date();
    let mut parsed = parse(bytes, today, l).map_err(user)?;
    let mut good = Vec::with_capacity(parsed.good.len());
    let mut addresses = Vec::with_capacity(parsed.good.len());
    for (line, g) in parsed.good {
        if let Some(cpr) = &g.citizen.cpr
            && let Some(id) = store.citizen_by_cpr(cpr)?
        {
            let cpr = crate::domain::cpr::mask_cpr(cpr);
            parsed.bad.push(RowError {
                line,
                reason: t(
                    l,
                    format!("CPR {cpr} er allerede i sagsstammen (borger {id})"),
                    format!("CPR {cpr} is already in the caseload (citizen {id})"),
                ),
            });
            continue;
        }
        good.push(g.citizen);
        addresses.push(g.address);
    }
    parsed.bad.sort_by_key(|e| e.line);
    if !parsed.bad.is_empty() && !skip_invalid {
        let list = list_rows(&parsed.bad, l);
        let (bad, all) = (parsed.bad.len(), parsed.bad.len() + good.len());
        return Err(user(t(
            l,
            format!(
                "{bad} af {all} rækker kan ikke importeres, så intet blev importeret:\n{}\nRet rækkerne, eller importér de andre med --skip-invalid",
                list.join("\n")
            ),
            format!(
                "{bad} of {all} rows cannot be imported, so nothing was imported:\n{}\nFix these rows, or import the others with --skip-invalid",
                list.join("\n")
            ),
        )));
    }
    let audit = crate::store::NewAudit::new(now, crate::store::Action::Import)
        .rows(good.len() as u64)
        .detail(format!("caseload csv <- {source}"));
    store.add_citizens_audited(&good, &addresses, &audit)?;
    Ok(Outcome {
        imported: good.len(),
        skipped: parsed.bad,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
    }

    #[test]
    fn danish_excel_file_with_bom_and_semicolons() {
        let text = "\u{feff}Navn;CPR-nummer;Telefon;E-mail;Målgruppe;Startdato\r\nSøren Ærø;231190-1234;20 30 40 50;s@eksempel.dk;Sygedagpenge;01.10.2026\r\n";
        let p = parse(text.as_bytes(), today(), Lang::En).unwrap_or_default();
        assert!(p.bad.is_empty(), "{:?}", p.bad);
        let c = &p.good[0].1.citizen;
        assert_eq!(c.name, "Søren Ærø");
        assert_eq!(c.cpr.as_deref(), Some("231190-1234"));
        assert_eq!(c.target_group, Some(TargetGroup::Sygedagpenge));
        assert_eq!(c.benefit_start, NaiveDate::from_ymd_opt(2026, 10, 1));
    }

    #[test]
    fn bad_rows_carry_line_numbers_and_reasons() {
        let text = "name,cpr,target_group,benefit_start,notes\nA B,,dagpenge,2026-01-01,x\nC D,311190-1234,dagpenge,,y\nE F,,nonsense,,z\nG H,,dagpenge\n";
        let p = parse(text.as_bytes(), today(), Lang::En).unwrap_or_default();
        assert_eq!(p.good.len(), 1);
        let lines: Vec<u64> = p.bad.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![3, 4, 5]);
        assert!(p.bad[0].reason.contains("real date"));
        assert!(p.bad[1].reason.contains("unknown target group 'nonsense'"));
        assert!(p.bad[2].reason.contains("has 3 fields, the header has 5"));
    }

    #[test]
    fn wrong_header_and_latin1_are_file_errors() {
        let e = parse(b"foo,bar\n1,2\n", today(), Lang::En).unwrap_err();
        assert!(e.contains("wrong header [foo, bar]"), "{e}");
        let latin1 = b"navn;m\xe5lgruppe\nS\xf8ren;dagpenge\n";
        let e = parse(latin1, today(), Lang::En).unwrap_err();
        assert!(e.contains("not UTF-8"), "{e}");
        assert!(parse(b"", today(), Lang::En).unwrap_err().contains("empty"));
    }

    #[test]
    fn duplicate_cpr_in_file_is_a_bad_row() {
        let text = "name,cpr,target_group\nA,231190-1234,other\nB,2311901234,other\n";
        let p = parse(text.as_bytes(), today(), Lang::En).unwrap_or_default();
        assert_eq!(p.good.len(), 1);
        assert!(p.bad[0].reason.contains("also on line 2"));
    }

    fn d(y: i32, m: u32, dd: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, dd)
    }

    #[test]
    fn slash_dates_only_where_the_order_cannot_matter() {
        let text = "name,target_group,benefit_start\nA,other,13/1/2026\nB,other,1/13/2026\nC,other,5/5/2026\nD,other,10/1/2026\nE,other,10.01.2026\nF,other,10-01-2026\nG,other,2026-01-10\nH,other,10/1/2026\nI,other,3/4/26\nJ,other,31/2/2026\nK,other,13/13/2026\n";
        let p = parse(text.as_bytes(), today(), Lang::En).unwrap_or_default();
        let starts: Vec<(u64, Option<NaiveDate>)> = p
            .good
            .iter()
            .map(|(l, g)| (*l, g.citizen.benefit_start))
            .collect();
        assert_eq!(
            starts,
            vec![
                (2, d(2026, 1, 13)),
                (3, d(2026, 1, 13)),
                (4, d(2026, 5, 5)),
                (6, d(2026, 1, 10)),
                (7, d(2026, 1, 10)),
                (8, d(2026, 1, 10)),
            ]
        );
        let lines: Vec<u64> = p.bad.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![5, 9, 10, 11, 12]);
        assert_eq!(
            p.bad[0].reason,
            "benefit start: 10/1/2026 could be 10 January or 1 October — write 10.01.2026 or 2026-01-10"
        );
        assert_eq!(p.bad[0].reason, p.bad[1].reason);
        assert!(
            p.bad[2]
                .reason
                .contains("3/4/26 could be 3 April or 4 March"),
            "{:?}",
            p.bad[2]
        );
        assert!(
            p.bad[3].reason.contains("'31/2/2026' is not a date"),
            "{:?}",
            p.bad[3]
        );
        assert!(
            p.bad[4].reason.contains("'13/13/2026' is not a date"),
            "{:?}",
            p.bad[4]
        );
        // The same rows, listed once per reason, in Danish.
        let p = parse(text.as_bytes(), today(), Lang::Da).unwrap_or_default();
        let list = list_rows(&p.bad, Lang::Da);
        assert_eq!(
            list[0],
            "  række 5, 9: startdato: 10/1/2026 kan være 10. januar eller 1. oktober — skriv 10.01.2026 eller 2026-01-10"
        );
        assert_eq!(list.len(), 4);
        assert!(list_rows(&p.bad, Lang::En)[1].starts_with("  line 10: "));
    }

    #[test]
    fn dates_outside_2000_to_2099_are_bad_rows() {
        let text = "name,target_group,benefit_start\nA,other,01.01.1999\nB,other,2100-01-01\nC,other,1/13/2100\nD,other,01.01.99\n";
        let p = parse(text.as_bytes(), today(), Lang::En).unwrap_or_default();
        assert_eq!(p.good.len(), 1);
        assert_eq!(p.good[0].1.citizen.benefit_start, d(2099, 1, 1));
        assert_eq!(p.bad.len(), 3);
        for e in &p.bad {
            assert!(e.reason.contains("the year must be 2000–2099"), "{e:?}");
        }
    }

    #[test]
    fn an_address_column_by_its_english_or_danish_name() {
        for header in ["address", "Adresse", "Bopæl"] {
            let text = format!(
                "navn;målgruppe;{header}\nSøren Ærø;dagpenge;Eksempelvej 1, 2860 Søborg\nBo Berg;dagpenge;\n"
            );
            let p = parse(text.as_bytes(), today(), Lang::En).unwrap_or_default();
            assert!(p.bad.is_empty(), "{header}: {:?}", p.bad);
            assert_eq!(
                p.good[0].1.address.as_deref(),
                Some("Eksempelvej 1, 2860 Søborg"),
                "{header}"
            );
            assert_eq!(p.good[1].1.address, None);
        }
    }

    #[test]
    fn a_file_without_a_header_shows_no_cpr_number() {
        let text = "Søren Ærø;231190-1234;dagpenge\nBo Berg;0101901234;dagpenge\n";
        let e = parse(text.as_bytes(), today(), Lang::En).unwrap_err();
        assert!(
            e.contains("wrong header [Søren Ærø, 231190-****, dagpenge]"),
            "{e}"
        );
        assert!(!e.contains("1234"), "{e}");
        let e = parse(text.as_bytes(), today(), Lang::Da).unwrap_err();
        assert!(
            e.starts_with("forkert overskrift [Søren Ærø, 231190-****"),
            "{e}"
        );
        // A CPR number in a field where it does not belong is masked too.
        let text = "name,phone,target_group\nA,231190-1234x,other\nB,,2311901234\n";
        let p = parse(text.as_bytes(), today(), Lang::En).unwrap_or_default();
        assert_eq!(p.bad.len(), 2);
        for e in &p.bad {
            assert!(e.reason.contains("231190-****"), "{e:?}");
            assert!(!e.reason.contains("1234"), "{e:?}");
        }
    }
}
