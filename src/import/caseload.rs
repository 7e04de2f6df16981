//! `jobdesk import caseload FILE`: citizens from a CSV file with a header
//! (`name,cpr,phone,email,target_group,benefit_start`, Danish header names too), delimiter `,` or
//! `;`, with or without a UTF-8 BOM. Every row is checked before anything is written.

use chrono::NaiveDate;

use crate::domain::cpr::parse_cpr;
use crate::domain::text::fold;
use crate::domain::when::english::parse_date;
use crate::domain::{NewCitizen, TargetGroup, Word};
use crate::error::{Result, user};
use crate::store::Store;

/// A row that cannot be imported, with its line number in the file (the header is line 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub line: u64,
    pub reason: String,
}

/// The rows of a file, checked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    pub good: Vec<(u64, NewCitizen)>,
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

const ENCODING_HINT: &str = "the file is not UTF-8 (it looks like Excel's plain CSV, Windows-1252): in Excel choose 'Save as' → 'CSV UTF-8', or convert it with `iconv -f cp1252 -t utf-8`";

/// Reads and checks every row. Errors that concern the whole file (a wrong header, a file that
/// is not text) come back as `Err`.
pub fn parse(bytes: &[u8], today: NaiveDate) -> Result<Parsed, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err("the file is empty: it needs a header line such as name,cpr,phone,email,target_group,benefit_start".into());
    }
    if bytes.contains(&0) {
        return Err("the file is not a CSV text file (it holds binary data)".into());
    }
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter(bytes))
        .flexible(true)
        .has_headers(true)
        .from_reader(bytes);
    let headers = rdr
        .byte_headers()
        .map_err(|e| format!("cannot read the header: {e}"))?
        .clone();
    let mut columns: Vec<Option<Field>> = Vec::with_capacity(headers.len());
    for h in headers.iter() {
        let h = std::str::from_utf8(h).map_err(|_| {
            if looks_like_latin1(h) {
                ENCODING_HINT.to_string()
            } else {
                "the header is not UTF-8 text".to_string()
            }
        })?;
        let f = field_for(h);
        if let Some(f) = f
            && columns.contains(&Some(f))
        {
            return Err(format!("the header names the column '{}' twice", h.trim()));
        }
        columns.push(f);
    }
    let expected = "the header must name at least the columns name and target_group (Danish: navn, målgruppe); known columns: name, cpr, phone, email, target_group, benefit_start";
    if !columns.contains(&Some(Field::Name)) || !columns.contains(&Some(Field::TargetGroup)) {
        let seen: Vec<String> = headers
            .iter()
            .map(|h| String::from_utf8_lossy(h).trim().to_string())
            .collect();
        return Err(format!("wrong header [{}]: {expected}", seen.join(", ")));
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
                    reason: format!("cannot be read: {e}"),
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
                reason: format!(
                    "has {} fields, the header has {}",
                    record.len(),
                    headers.len()
                ),
            });
            continue;
        }
        match check_row(&record, &columns, today) {
            Ok(c) => {
                if let Some(cpr) = &c.cpr {
                    if let Some(first) = cprs.get(cpr) {
                        out.bad.push(RowError {
                            line,
                            reason: format!(
                                "CPR {} is also on line {first}",
                                crate::domain::cpr::mask_cpr(cpr)
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

fn check_row(
    record: &csv::ByteRecord,
    columns: &[Option<Field>],
    today: NaiveDate,
) -> Result<NewCitizen, String> {
    let mut c = NewCitizen::default();
    let mut problems = Vec::new();
    for (raw, field) in record.iter().zip(columns) {
        let Some(field) = field else { continue };
        let value = match std::str::from_utf8(raw) {
            Ok(v) => v.trim(),
            Err(_) => {
                return Err(if looks_like_latin1(raw) {
                    ENCODING_HINT.to_string()
                } else {
                    "is not valid UTF-8 text".to_string()
                });
            }
        };
        match field {
            Field::Name => {
                if value.is_empty() {
                    problems.push("the name is empty".to_string());
                } else if value.chars().any(|ch| ch.is_control()) {
                    problems.push("the name holds control characters".to_string());
                } else {
                    c.name = value.to_string();
                }
            }
            Field::Cpr if !value.is_empty() => match parse_cpr(value) {
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
                    problems.push(format!(
                        "phone '{value}' may hold only digits, spaces, + - ( )"
                    ));
                }
            }
            Field::Email => {
                if value.is_empty() || (value.contains('@') && !value.contains(char::is_whitespace))
                {
                    c.email = value.to_string();
                } else {
                    problems.push(format!("e-mail '{value}' is not an address"));
                }
            }
            Field::TargetGroup => match TargetGroup::parse(value) {
                Ok(g) => c.target_group = Some(g),
                Err(e) if value.is_empty() => problems.push(format!(
                    "the target group is empty: {}",
                    e.split(": ").nth(1).unwrap_or("")
                )),
                Err(e) => problems.push(e),
            },
            Field::BenefitStart if !value.is_empty() => match parse_date(value, today) {
                Ok(d) => c.benefit_start = Some(d),
                Err(e) => problems.push(format!("benefit start: {e}")),
            },
            Field::Cpr | Field::BenefitStart => {}
        }
    }
    if problems.is_empty() {
        Ok(c)
    } else {
        Err(problems.join("; "))
    }
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outcome {
    pub imported: usize,
    pub skipped: Vec<RowError>,
}

/// Checks every row (also against CPR numbers already in the caseload) and writes the good ones
/// in one transaction. Unless `skip_invalid`, a single bad row means nothing is written.
/// The import is recorded in the audit log (`source` says from where: the file's path).
pub fn import(
    store: &mut Store,
    bytes: &[u8],
    now: chrono::NaiveDateTime,
    skip_invalid: bool,
    source: &str,
) -> Result<Outcome> {
    let today = now.date();
    let mut parsed = parse(bytes, today).map_err(user)?;
    let mut good = Vec::with_capacity(parsed.good.len());
    for (line, c) in parsed.good {
        if let Some(cpr) = &c.cpr
            && let Some(id) = store.citizen_by_cpr(cpr)?
        {
            parsed.bad.push(RowError {
                line,
                reason: format!(
                    "CPR {} is already in the caseload (citizen {id})",
                    crate::domain::cpr::mask_cpr(cpr)
                ),
            });
            continue;
        }
        good.push(c);
    }
    parsed.bad.sort_by_key(|e| e.line);
    if !parsed.bad.is_empty() && !skip_invalid {
        let list: Vec<String> = parsed
            .bad
            .iter()
            .map(|e| format!("  line {}: {}", e.line, e.reason))
            .collect();
        return Err(user(format!(
            "{} of {} rows cannot be imported, so nothing was imported:\n{}\nFix these rows, or import the others with --skip-invalid",
            parsed.bad.len(),
            parsed.bad.len() + good.len(),
            list.join("\n")
        )));
    }
    let audit = crate::store::NewAudit::new(now, crate::store::Action::Import)
        .rows(good.len() as u64)
        .detail(format!("caseload csv <- {source}"));
    store.add_citizens_audited(&good, &audit)?;
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
        let p = parse(text.as_bytes(), today()).unwrap_or_default();
        assert!(p.bad.is_empty(), "{:?}", p.bad);
        let c = &p.good[0].1;
        assert_eq!(c.name, "Søren Ærø");
        assert_eq!(c.cpr.as_deref(), Some("231190-1234"));
        assert_eq!(c.target_group, Some(TargetGroup::Sygedagpenge));
        assert_eq!(c.benefit_start, NaiveDate::from_ymd_opt(2026, 10, 1));
    }

    #[test]
    fn bad_rows_carry_line_numbers_and_reasons() {
        let text = "name,cpr,target_group,benefit_start,notes\nA B,,dagpenge,2026-01-01,x\nC D,311190-1234,dagpenge,,y\nE F,,nonsense,,z\nG H,,dagpenge\n";
        let p = parse(text.as_bytes(), today()).unwrap_or_default();
        assert_eq!(p.good.len(), 1);
        let lines: Vec<u64> = p.bad.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![3, 4, 5]);
        assert!(p.bad[0].reason.contains("real date"));
        assert!(p.bad[1].reason.contains("unknown target group 'nonsense'"));
        assert!(p.bad[2].reason.contains("has 3 fields, the header has 5"));
    }

    #[test]
    fn wrong_header_and_latin1_are_file_errors() {
        let e = parse(b"foo,bar\n1,2\n", today()).unwrap_err();
        assert!(e.contains("wrong header [foo, bar]"), "{e}");
        let latin1 = b"navn;m\xe5lgruppe\nS\xf8ren;dagpenge\n";
        let e = parse(latin1, today()).unwrap_err();
        assert!(e.contains("not UTF-8"), "{e}");
        assert!(parse(b"", today()).unwrap_err().contains("empty"));
    }

    #[test]
    fn duplicate_cpr_in_file_is_a_bad_row() {
        let text = "name,cpr,target_group\nA,231190-1234,other\nB,2311901234,other\n";
        let p = parse(text.as_bytes(), today()).unwrap_or_default();
        assert_eq!(p.good.len(), 1);
        assert!(p.bad[0].reason.contains("also on line 2"));
    }
}
