//! `jobdesk import companies FILE`: companies from a CSV file with a header
//! (`name,cvr,address,industry,notes`, Danish header names too), delimiter `,` or `;`, with or
//! without a UTF-8 BOM, by the caseload import's rules: every row is checked before anything
//! is written (the CVR number by its modulus-11 rule, against the other rows and the companies
//! already kept), the bad rows are listed by line, and one bad row means nothing is written.

use crate::domain::company::{Cvr, NewCompany};
use crate::domain::text::fold;
use crate::error::{Result, user};
use crate::i18n::Lang;
use crate::store::Store;

use super::caseload::{RowError, list_rows};

fn t(l: Lang, da: impl Into<String>, en: impl Into<String>) -> String {
    if l.da() { da.into() } else { en.into() }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Name,
    Cvr,
    Address,
    Industry,
    Notes,
}

const FIELDS: &[(Field, &[&str])] = &[
    (
        Field::Name,
        &[
            "name",
            "navn",
            "company",
            "virksomhed",
            "firma",
            "firmanavn",
            "virksomhedsnavn",
            "company name",
        ],
    ),
    (
        Field::Cvr,
        &[
            "cvr",
            "cvr-nummer",
            "cvr nummer",
            "cvr-nr",
            "cvr nr",
            "cvrnr",
            "cvr number",
            "vat",
        ],
    ),
    (
        Field::Address,
        &["address", "adresse", "postadresse", "street address"],
    ),
    (
        Field::Industry,
        &["industry", "branche", "sector", "sektor", "branchekode"],
    ),
    (
        Field::Notes,
        &[
            "notes",
            "note",
            "noter",
            "bemaerkninger",
            "bemaerkning",
            "comments",
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

fn delimiter(text: &[u8]) -> u8 {
    let first = text.split(|b| *b == b'\n').next().unwrap_or(&[]);
    let semi = first.iter().filter(|b| **b == b';').count();
    let comma = first.iter().filter(|b| **b == b',').count();
    if semi > comma { b';' } else { b',' }
}

/// The rows of a file, checked: the good ones with their line, and the bad ones.
/// The 1-based line of the record that starts at byte `at`.
fn line_at(bytes: &[u8], at: u64) -> u64 {
    let mut end = (at as usize).min(bytes.len());
    // After "\r\n" the reader's position may still stand on the "\n".
    while bytes.get(end).is_some_and(|b| *b == b'\n' || *b == b'\r') {
        end += 1;
    }
    bytes[..end].iter().filter(|b| **b == b'\n').count() as u64 + 1
}

/// The good rows with their line numbers, and the bad rows.
pub type Parsed = (Vec<(u64, NewCompany)>, Vec<RowError>);

pub fn parse(bytes: &[u8], l: Lang) -> Result<Parsed, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(t(
            l,
            "filen er tom: den skal have en overskriftslinje som navn;cvr;adresse;branche;noter",
            "the file is empty: it needs a header line such as name,cvr,address,industry,notes",
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| {
        t(
            l,
            "filen er ikke UTF-8: vælg 'Gem som' → 'CSV UTF-8' i Excel",
            "the file is not UTF-8: in Excel choose 'Save as' → 'CSV UTF-8'",
        )
    })?;
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delimiter(bytes))
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
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
    let headers: Vec<String> = headers
        .iter()
        .map(|h| String::from_utf8_lossy(h).into_owned())
        .collect();
    for h in &headers {
        let f = field_for(h);
        if f.is_some() && columns.contains(&f) {
            return Err(t(
                l,
                format!("overskriften nævner kolonnen '{}' to gange", h.trim()),
                format!("the header names the column '{}' twice", h.trim()),
            ));
        }
        columns.push(f);
    }
    if !columns.contains(&Some(Field::Name)) {
        let seen: Vec<&str> = headers.iter().map(|h| h.trim()).collect();
        return Err(t(
            l,
            format!(
                "forkert overskrift [{}]: overskriften skal mindst nævne kolonnen navn (engelsk: name); kendte kolonner: navn, cvr, adresse, branche, noter",
                seen.join(", ")
            ),
            format!(
                "wrong header [{}]: the header must name at least the column name (Danish: navn); known columns: name, cvr, address, industry, notes",
                seen.join(", ")
            ),
        ));
    }
    let mut good = Vec::new();
    let mut bad = Vec::new();
    let mut cvrs: std::collections::HashMap<String, u64> = Default::default();
    let mut raw = csv::ByteRecord::new();
    loop {
        match rdr.read_byte_record(&mut raw) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                bad.push(RowError {
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
        // The line from the byte offset: the reader's own line count lags one behind after a
        // "\r\n" line end (Excel writes those).
        let line = raw
            .position()
            .map(|p| line_at(text.as_bytes(), p.byte()))
            .unwrap_or(0);
        let rec: Vec<String> = raw
            .iter()
            .map(|f| String::from_utf8_lossy(f).into_owned())
            .collect();
        if rec.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if rec.len() != headers.len() {
            bad.push(RowError {
                line,
                reason: t(
                    l,
                    format!(
                        "har {} felter, overskriften har {}",
                        rec.len(),
                        headers.len()
                    ),
                    format!("has {} fields, the header has {}", rec.len(), headers.len()),
                ),
            });
            continue;
        }
        let mut c = NewCompany::default();
        let mut problem = None;
        for (value, col) in rec.iter().zip(&columns) {
            let value: &str = value;
            let value = value.trim();
            match col {
                Some(Field::Name) => c.name = value.to_string(),
                Some(Field::Cvr) if !value.is_empty() => match Cvr::parse(value) {
                    Ok(v) => c.cvr = Some(v),
                    Err(p) => {
                        problem = Some(t(
                            l,
                            format!("CVR-nummer '{value}': {}", p.text(true)),
                            format!("CVR number '{value}': {}", p.text(false)),
                        ))
                    }
                },
                Some(Field::Address) => c.address = value.to_string(),
                Some(Field::Industry) => c.industry = value.to_string(),
                Some(Field::Notes) => c.notes = value.to_string(),
                _ => {}
            }
        }
        if problem.is_none() && c.name.is_empty() {
            problem = Some(t(l, "navnet mangler", "the name is missing"));
        }
        if problem.is_none()
            && let Some(cvr) = &c.cvr
        {
            if let Some(first) = cvrs.get(cvr.as_str()) {
                problem = Some(t(
                    l,
                    format!("CVR {cvr} står også i række {first}"),
                    format!("CVR {cvr} is also on line {first}"),
                ));
            } else {
                cvrs.insert(cvr.as_str().to_string(), line);
            }
        }
        match problem {
            Some(reason) => bad.push(RowError { line, reason }),
            None => good.push((line, c)),
        }
    }
    Ok((good, bad))
}

/// Checks every row (also against the CVR numbers already kept) and writes them all in one
/// transaction, audited; one bad row means nothing is written (exit 2, the rows listed).
/// Returns how many were imported.
pub fn import(
    store: &mut Store,
    bytes: &[u8],
    now: chrono::NaiveDateTime,
    source: &str,
    l: Lang,
) -> Result<usize> {
    let (good, mut bad) = parse(bytes, l).map_err(user)?;
    let mut companies = Vec::with_capacity(good.len());
    for (line, c) in good {
        if let Some(cvr) = &c.cvr
            && let Some(other) = store.company_by_cvr(cvr)?
        {
            bad.push(RowError {
                line,
                reason: t(
                    l,
                    format!("CVR {cvr} har allerede virksomhed {}", other.id),
                    format!("CVR {cvr} already belongs to company {}", other.id),
                ),
            });
            continue;
        }
        companies.push(c);
    }
    bad.sort_by_key(|e| e.line);
    if !bad.is_empty() {
        let list = list_rows(&bad, l);
        let (n, all) = (bad.len(), bad.len() + companies.len());
        return Err(user(t(
            l,
            format!(
                "{n} af {all} rækker kan ikke importeres, så intet blev importeret:\n{}\nRet rækkerne og prøv igen",
                list.join("\n")
            ),
            format!(
                "{n} of {all} rows cannot be imported, so nothing was imported:\n{}\nFix these rows and try again",
                list.join("\n")
            ),
        )));
    }
    let audit = crate::store::NewAudit::new(now, crate::store::Action::Import)
        .rows(companies.len() as u64)
        .detail(format!("companies csv <- {source}"));
    store.add_companies_audited(&companies, &audit)?;
    Ok(companies.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_headers_and_bad_rows_by_line() {
        // The CVR numbers pass the modulus-11 rule but are made up.
        let text = "\u{feff}Firmanavn;CVR-nr;Branche\r\nBager Hansen;13748136;Bageri\r\nFejl ApS;13748137;IT\r\n;12345674;x\r\nTo gange;DK 13748136;y\r\n";
        let (good, bad) = parse(text.as_bytes(), Lang::En).unwrap_or_default();
        assert_eq!(good.len(), 1);
        assert_eq!(good[0].1.industry, "Bageri");
        let lines: Vec<u64> = bad.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![3, 4, 5]);
        assert!(bad[0].reason.contains("check digit"), "{}", bad[0].reason);
        assert!(bad[2].reason.contains("line 2"), "{}", bad[2].reason);
        assert!(parse(b"cvr\n13748136\n", Lang::En).is_err());
    }
}
