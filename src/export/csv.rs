//! The contact log as CSV, in two forms:
//!
//! - plain: RFC 4180 (`,` between fields, CRLF between records, `"` quoting), UTF-8 without BOM,
//!   ISO dates (`2026-11-23`), times `10:30`;
//! - Excel (`--excel`): `;` between fields, a UTF-8 BOM, CRLF, Danish dates (`23-11-2026`), so
//!   Danish Excel opens it by double-click with æøå intact. (No `sep=` line: it makes Excel
//!   ignore the BOM.)
//!
//! After the note come `counts` (yes/no, ja/nej) and `transferred` (the day, or empty); the
//! first nine columns are as they were before those two were added.
//!
//! Both forms guard against formula injection (OWASP "CSV injection"): a cell that starts with
//! `=`, `+`, `-`, `@`, tab, CR or LF is prefixed with `'`, and so is one that already starts with
//! `'`. The rule is exactly reversible: [`unescape`] removes one leading `'`.
//!
//! Control characters never reach a cell raw: every one but tab and line breaks (a note's lines
//! stay lines, quoted as RFC 4180 says) is removed, and so are the bidirectional overrides and
//! isolates (U+202A–U+202E, U+2066–U+2069) that can make a cell read other than it is
//! ([`clean`]).

use std::borrow::Cow;
use std::io::Write;

use crate::domain::Word;
use crate::error::Result;
use crate::i18n::{Lang, export as words};

use super::LogRow;

/// How to write the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvOptions {
    /// The Danish Excel form: `;`, BOM, Danish dates.
    pub excel: bool,
    /// Add the citizen's CPR number after the name.
    pub with_cpr: bool,
    /// The language of the header and of the words in the cells.
    pub lang: Lang,
}

/// The UTF-8 byte order mark that tells Excel the file is UTF-8.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Whether a spreadsheet could take a cell starting with this character as a formula (or the
/// cell starts with the escape character itself).
fn needs_escape(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r' | '\n' | '\'')
}

/// Guards one cell against formula injection: prefixes `'` when it starts with `=`, `+`, `-`, `@`,
/// tab, CR, LF or `'`.
pub fn escape(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some(c) if needs_escape(c) => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// Whether a character is removed from every cell: a control character other than tab, LF and
/// CR, or a bidirectional override or isolate.
fn removed(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// One cell's text with the characters [`removed`] taken out.
pub fn clean(cell: &str) -> Cow<'_, str> {
    if cell.chars().any(removed) {
        Cow::Owned(cell.chars().filter(|c| !removed(*c)).collect())
    } else {
        Cow::Borrowed(cell)
    }
}

/// A report's cell as every CSV this program writes has it: control characters removed
/// ([`clean`]) and a formula's first character escaped ([`escape`]).
pub fn cell(text: &str) -> String {
    escape(&clean(text)).into_owned()
}

/// Undoes [`escape`]: removes one leading `'`. `unescape(&escape(s)) == s` for every string.
pub fn unescape(cell: &str) -> &str {
    cell.strip_prefix('\'').unwrap_or(cell)
}

/// The header line's words, in the options' language.
pub fn header(opts: &CsvOptions) -> Vec<&'static str> {
    let h = words::csv_header(opts.lang);
    let mut out: Vec<&'static str> = Vec::with_capacity(h.len() + 1);
    out.extend_from_slice(&h[..3]);
    if opts.with_cpr {
        out.push(words::csv_cpr(opts.lang));
    }
    out.extend_from_slice(&h[3..]);
    out
}

/// A CSV writer in the plain form (`,`, CRLF) or the Danish Excel form (`;`, CRLF, the BOM
/// written first): the log's, and the reports' (`report closure --excel`). Cells still go
/// through [`escape`].
pub fn writer(out: &mut dyn Write, excel: bool) -> Result<::csv::Writer<&mut dyn Write>> {
    if excel {
        out.write_all(BOM)?;
    }
    Ok(::csv::WriterBuilder::new()
        .delimiter(if excel { b';' } else { b',' })
        .terminator(::csv::Terminator::CRLF)
        .quote_style(::csv::QuoteStyle::Necessary)
        .from_writer(out))
}

/// Writes the header and one record per row, in the order given; returns the number of rows.
pub fn write_log(
    out: &mut dyn Write,
    rows: &mut dyn Iterator<Item = Result<LogRow>>,
    opts: &CsvOptions,
) -> Result<u64> {
    let mut w = writer(out, opts.excel)?;
    w.write_record(header(opts).iter().map(|h| escape(h).into_owned()))?;
    let da = opts.lang.da();
    let mut n = 0u64;
    for row in rows {
        let r = row?;
        let date = if opts.excel {
            r.at.format("%d-%m-%Y").to_string()
        } else {
            r.at.format("%Y-%m-%d").to_string()
        };
        let time = r.at.format("%H:%M").to_string();
        let minutes = r.minutes.to_string();
        let transferred = r
            .transferred
            .map(|d| {
                if opts.excel {
                    d.format("%d-%m-%Y").to_string()
                } else {
                    d.format("%Y-%m-%d").to_string()
                }
            })
            .unwrap_or_default();
        let mut cells: Vec<&str> = Vec::with_capacity(12);
        cells.push(&date);
        cells.push(&time);
        cells.push(&r.citizen);
        if opts.with_cpr {
            cells.push(r.cpr.as_deref().unwrap_or(""));
        }
        cells.push(r.target_group.name(da));
        cells.push(r.kind.name(da));
        cells.push(r.channel.name(da));
        cells.push(r.outcome.name(da));
        cells.push(&minutes);
        cells.push(&r.note);
        cells.push(words::csv_yes_no(opts.lang, r.counts));
        cells.push(&transferred);
        for c in &cells {
            w.write_field(escape(&clean(c)).as_bytes())?;
        }
        // An empty iterator ends the record begun with `write_field`.
        w.write_record(None::<&[u8]>)?;
        n += 1;
    }
    w.flush()?;
    Ok(n)
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_report_cell_is_cleaned_and_escaped() {
        assert_eq!(super::cell("=1+1\u{7}"), "'=1+1");
        assert_eq!(super::cell("mere\u{1b}[31m tid"), "mere[31m tid");
        assert_eq!(super::cell("Dagpenge"), "Dagpenge");
    }
    use super::*;
    use crate::domain::{Channel, Kind, Outcome, TargetGroup};
    use chrono::NaiveDate;
    use proptest::prelude::*;

    fn row(note: &str) -> LogRow {
        LogRow {
            at: NaiveDate::from_ymd_opt(2026, 11, 23)
                .and_then(|d| d.and_hms_opt(10, 30, 0))
                .unwrap_or_default(),
            citizen: "Søren Ærø".into(),
            cpr: Some("231190-1234".into()),
            target_group: TargetGroup::Sygedagpenge,
            kind: Kind::Conversation,
            channel: Channel::Phone,
            outcome: Outcome::Held,
            minutes: 30,
            note: note.into(),
            counts: true,
            transferred: None,
        }
    }

    fn write(rows: Vec<LogRow>, opts: CsvOptions) -> Vec<u8> {
        let mut out = Vec::new();
        let mut it = rows.into_iter().map(Ok);
        write_log(&mut out, &mut it, &opts).unwrap();
        out
    }

    #[test]
    fn escape_marks_formula_starts_and_the_mark_itself() {
        for (s, want) in [
            ("=1+1", "'=1+1"),
            ("+45 12345678", "'+45 12345678"),
            ("-5 kr.", "'-5 kr."),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("\nx", "'\nx"),
            ("'quoted", "''quoted"),
            ("plain", "plain"),
            ("", ""),
            ("5-1", "5-1"),
        ] {
            assert_eq!(escape(s), want, "{s:?}");
            assert_eq!(unescape(&escape(s)), s);
        }
    }

    proptest! {
        #[test]
        fn unescape_undoes_escape(s in any::<String>()) {
            let escaped = escape(&s);
            prop_assert_eq!(unescape(&escaped), s.as_str());
        }

        #[test]
        fn escaped_cells_never_start_a_formula(s in any::<String>()) {
            let e = escape(&s);
            let first = e.chars().next();
            prop_assert!(!matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r' | '\n')));
        }

        #[test]
        fn any_note_survives_a_csv_round_trip(note in any::<String>(), excel in any::<bool>()) {
            let opts = CsvOptions { excel, with_cpr: false, lang: Lang::Da };
            let bytes = write(vec![row(&note)], opts);
            let body = if excel { &bytes[3..] } else { &bytes[..] };
            let mut r = ::csv::ReaderBuilder::new()
                .delimiter(if excel { b';' } else { b',' })
                .from_reader(body);
            let rec = r.records().next().unwrap().unwrap();
            let want = clean(&note);
            prop_assert_eq!(unescape(&rec[8]), want.as_ref());
        }

        #[test]
        fn no_cell_holds_a_control_character_but_tab_and_line_breaks(
            note in any::<String>(),
            name in any::<String>(),
        ) {
            let mut r = row(&note);
            r.citizen = name;
            let bytes = write(vec![r], CsvOptions { excel: false, with_cpr: false, lang: Lang::En });
            let text = String::from_utf8(bytes).unwrap();
            prop_assert!(!text.chars().any(removed), "{:?}", text);
        }
    }

    #[test]
    fn control_characters_in_a_note_are_removed() {
        let bytes = write(
            vec![row(
                "ring\u{7}tilbage\u{1b}[31m\u{0}\ttab\r\nny linje\u{202E}dcb\u{7f}",
            )],
            CsvOptions {
                excel: false,
                with_cpr: false,
                lang: Lang::En,
            },
        );
        let text = String::from_utf8(bytes).unwrap();
        assert!(
            text.contains("\"ringtilbage[31m\ttab\r\nny linjedcb\""),
            "{text:?}"
        );
    }

    #[test]
    fn plain_form_is_rfc4180() {
        let bytes = write(
            vec![row("a;b, \"c\"\nd")],
            CsvOptions {
                excel: false,
                with_cpr: false,
                lang: Lang::En,
            },
        );
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(
            text,
            "date,time,citizen,target_group,kind,channel,outcome,minutes,note,counts,transferred\r\n\
             2026-11-23,10:30,Søren Ærø,Sickness benefit,conversation,phone,held,30,\"a;b, \"\"c\"\"\nd\",yes,\r\n"
        );
    }

    #[test]
    fn excel_form_has_bom_semicolons_and_danish_dates() {
        let bytes = write(
            vec![LogRow {
                counts: false,
                transferred: NaiveDate::from_ymd_opt(2026, 11, 24),
                ..row("-5 kr.; mødt")
            }],
            CsvOptions {
                excel: true,
                with_cpr: true,
                lang: Lang::Da,
            },
        );
        assert!(bytes.starts_with(BOM));
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        assert_eq!(
            text,
            "dato;tid;borger;cpr-nummer;målgruppe;art;kanal;udfald;minutter;notat;tæller;overført\r\n\
             23-11-2026;10:30;Søren Ærø;231190-1234;Sygedagpengemodtager;samtale;telefon;afholdt;30;\"'-5 kr.; mødt\";nej;24-11-2026\r\n"
        );
    }

    #[test]
    fn empty_log_is_the_header_alone() {
        let bytes = write(
            vec![],
            CsvOptions {
                excel: false,
                with_cpr: false,
                lang: Lang::En,
            },
        );
        assert_eq!(
            bytes,
            b"date,time,citizen,target_group,kind,channel,outcome,minutes,note,counts,transferred\r\n"
        );
    }
}
