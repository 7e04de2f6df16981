//! Everything the consultant keeps, as one JSON document: for a new laptop, a restore, or another
//! program. Not the machine's own records (the export log).
//!
//! ```text
//! {"format":"jobdesk","format_version":1,
//! "config":{"note_soft_limit":280,"snippets_da":[…],…},
//! "citizens":[
//! {"id":1,"name":"…",…},
//! …
//! ],
//! "appointments":[
//! …
//! ],
//! … one list per section, in the order of [`Section::ALL`] …
//! "drafts":[
//! ]}
//! ```
//!
//! `config` is the settings file (snippets, note length, cadence rules) as it was read, or `null`
//! when there was none (the built-in defaults). The lists hold one row a line, in key order, every
//! column the store keeps except what it derives (search and sort keys); soft-deleted rows too,
//! with `"deleted":true`. Times are local, `2026-11-23T10:30:00`. Writing and reading both stream:
//! rows go from SQLite to the file and back one at a time. Export → import → export gives the same
//! bytes.

use std::io::{Read, Write};

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

use crate::config::Config;
use crate::error::{Result, user};

pub use crate::domain::records::{
    AppointmentRecord, CitizenRecord, ClosureAttemptRecord, ClosureCallRecord,
    ClosureConversionRecord, ClosureRecord, ContactRecord, DraftRecord, JobclubExemptionRecord,
    Record, RestoreSink, Section, SeriesRecord,
};

/// The `format` value that marks a jobdesk export.
pub const FORMAT: &str = "jobdesk";
/// The version of the layout below. A reader refuses any other.
pub const FORMAT_VERSION: u64 = 1;

/// How many rows of each list were written or read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts([u64; Section::ALL.len()]);

impl Counts {
    pub fn get(&self, s: Section) -> u64 {
        self.0[s.index()]
    }
    fn add(&mut self, s: Section, n: u64) {
        self.0[s.index()] += n;
    }
    pub fn citizens(&self) -> u64 {
        self.get(Section::Citizens)
    }
    pub fn appointments(&self) -> u64 {
        self.get(Section::Appointments)
    }
    pub fn contacts(&self) -> u64 {
        self.get(Section::Contacts)
    }
    pub fn total(&self) -> u64 {
        self.0.iter().sum()
    }
}

/// Writes the whole document: the settings, then the rows as they come. The rows must come
/// section by section in the order of [`Section::ALL`] (a list may be empty).
pub fn write_all(
    out: &mut dyn Write,
    config: Option<&Config>,
    records: &mut dyn Iterator<Item = Result<Record>>,
) -> Result<Counts> {
    writeln!(
        out,
        "{{\"format\":\"{FORMAT}\",\"format_version\":{FORMAT_VERSION},"
    )?;
    out.write_all(b"\"config\":")?;
    serde_json::to_writer(&mut *out, &config)?;
    let mut counts = Counts::default();
    let mut current = 0usize;
    let open = |out: &mut dyn Write, i: usize| -> Result<()> {
        let sep = if i == 0 { ",\n" } else { "\n],\n" };
        write!(out, "{sep}\"{}\":[", Section::ALL[i].key())?;
        Ok(())
    };
    open(out, 0)?;
    for rec in records {
        let rec = rec?;
        let s = rec.section().index();
        if s < current {
            return Err(anyhow::anyhow!(
                "the rows of {} came after those of {}",
                Section::ALL[s].key(),
                Section::ALL[current].key()
            ));
        }
        while current < s {
            current += 1;
            open(out, current)?;
        }
        let first = counts.get(Section::ALL[s]) == 0;
        out.write_all(if first { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut *out, &rec)?;
        counts.add(Section::ALL[s], 1);
    }
    while current + 1 < Section::ALL.len() {
        current += 1;
        open(out, current)?;
    }
    out.write_all(b"\n]}\n")?;
    Ok(counts)
}

/// What a whole document held besides the rows given to the sink.
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    pub counts: Counts,
    pub config: Option<Config>,
}

/// Reads a whole document from `input`, handing each row to `sink` as soon as it is read.
/// Anything wrong (another format or version, a truncated file, a bad row, trailing bytes) is an
/// error; the caller's transaction then keeps nothing.
pub fn read_all(input: impl Read, sink: &mut dyn RestoreSink) -> Result<Restored> {
    let mut input = std::io::BufReader::with_capacity(1 << 16, input);
    skip_bom(&mut input).map_err(|e| user(format!("the file cannot be read: {e}")))?;
    let mut de = serde_json::Deserializer::from_reader(input);
    let mut failed: Option<anyhow::Error> = None;
    let result = Document {
        sink,
        failed: &mut failed,
    }
    .deserialize(&mut de)
    .and_then(|c| de.end().map(|()| c));
    match result {
        Ok(c) => Ok(c),
        Err(e) => match failed {
            Some(f) => Err(f),
            None => Err(user(explain(&e))),
        },
    }
}

/// Skips a UTF-8 byte-order mark, as PowerShell 5.1 and Notepad write before the text.
fn skip_bom(r: &mut impl std::io::BufRead) -> std::io::Result<()> {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    let mut seen = 0;
    // The mark may arrive over more than one read (a pipe): compare byte by byte.
    while seen < BOM.len() {
        let buf = r.fill_buf()?;
        let Some(&b) = buf.first() else { break };
        if b != BOM[seen] {
            if seen > 0 {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    "it starts with a broken byte-order mark",
                ));
            }
            break;
        }
        r.consume(1);
        seen += 1;
    }
    Ok(())
}

fn explain(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let at = format!("line {}, column {}", e.line(), e.column());
    match e.classify() {
        Category::Eof => {
            format!("the file ends too early ({at}): it is cut short, not a whole jobdesk export")
        }
        Category::Syntax => format!("the file is not valid JSON ({at}): {e}"),
        Category::Data => format!("{e}"),
        Category::Io => format!("the file cannot be read: {e}"),
    }
}

struct Document<'a> {
    sink: &'a mut dyn RestoreSink,
    failed: &'a mut Option<anyhow::Error>,
}

impl<'de> DeserializeSeed<'de> for Document<'_> {
    type Value = Restored;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Restored, D::Error> {
        d.deserialize_map(self)
    }
}

impl Document<'_> {
    /// A refusal whose message needs no position in the file.
    fn refuse<E: de::Error>(&mut self, msg: String) -> E {
        let e = E::custom(&msg);
        *self.failed = Some(user(msg));
        e
    }
}

const HEAD: [&str; 3] = ["format", "format_version", "config"];

impl<'de> Visitor<'de> for Document<'_> {
    type Value = Restored;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a jobdesk export: a JSON object with format, format_version, config, citizens, appointments, contacts, …")
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<Restored, A::Error> {
        let mut counts = Counts::default();
        let mut config: Option<Config> = None;
        let (mut format, mut version) = (false, false);
        let mut seen: Vec<String> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if seen.contains(&key) {
                return Err(self.refuse(format!("the file names \"{key}\" twice")));
            }
            seen.push(key.clone());
            match key.as_str() {
                "format" => {
                    let f: String = map.next_value()?;
                    if f != FORMAT {
                        return Err(self
                            .refuse(format!("the file is a '{f}' export, not a jobdesk export")));
                    }
                    format = true;
                }
                "format_version" => {
                    let v: u64 = map.next_value()?;
                    if v != FORMAT_VERSION {
                        return Err(self.refuse(format!(
                            "the file is in jobdesk export format version {v}; this jobdesk reads version {FORMAT_VERSION}{}",
                            if v > FORMAT_VERSION {
                                ": update jobdesk to import it"
                            } else {
                                ""
                            }
                        )));
                    }
                    version = true;
                }
                data => {
                    if !format || !version {
                        return Err(self.refuse(
                            "the file does not start with \"format\":\"jobdesk\" and \"format_version\": it is not a jobdesk export".into(),
                        ));
                    }
                    if data == "config" {
                        config = map.next_value()?;
                        continue;
                    }
                    let Some(section) = Section::of_key(data) else {
                        let known: Vec<&'static str> = HEAD
                            .into_iter()
                            .chain(Section::ALL.iter().map(|s| s.key()))
                            .collect();
                        return Err(self.refuse(format!(
                            "the file has a list \"{data}\" that a jobdesk export does not have (it has {})",
                            known.join(", ")
                        )));
                    };
                    let n = map.next_value_seed(SectionSeed {
                        section,
                        sink: &mut *self.sink,
                        failed: &mut *self.failed,
                    })?;
                    counts.add(section, n);
                }
            }
        }
        // A file written before series (or the job club's attendance) has no such list: it has
        // none.
        let needed = HEAD.into_iter().chain(
            Section::ALL
                .iter()
                .filter(|s| !matches!(s, Section::Series | Section::JobclubAttendance))
                .map(|s| s.key()),
        );
        for needed in needed {
            if !seen.iter().any(|s| s == needed) {
                return Err(self.refuse(format!(
                    "the file has no \"{needed}\": it is not a whole jobdesk export"
                )));
            }
        }
        Ok(Restored { counts, config })
    }
}

struct SectionSeed<'a> {
    section: Section,
    sink: &'a mut dyn RestoreSink,
    failed: &'a mut Option<anyhow::Error>,
}

impl<'de> DeserializeSeed<'de> for SectionSeed<'_> {
    type Value = u64;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<u64, D::Error> {
        d.deserialize_seq(self)
    }
}

fn next<'de, S: SeqAccess<'de>, T: Deserialize<'de>>(
    seq: &mut S,
    wrap: fn(T) -> Record,
) -> Result<Option<Record>, S::Error> {
    Ok(seq.next_element::<T>()?.map(wrap))
}

impl<'de> Visitor<'de> for SectionSeed<'_> {
    type Value = u64;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the list of {}", self.section.key())
    }

    fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<u64, S::Error> {
        let mut n = 0u64;
        loop {
            let row = match self.section {
                Section::Citizens => next(&mut seq, Record::Citizen)?,
                Section::Appointments => next(&mut seq, Record::Appointment)?,
                Section::Contacts => next(&mut seq, Record::Contact)?,
                Section::Closures => next(&mut seq, Record::Closure)?,
                Section::ClosureCalls => next(&mut seq, Record::ClosureCall)?,
                Section::ClosureAttempts => next(&mut seq, Record::ClosureAttempt)?,
                Section::ClosureConversions => next(&mut seq, Record::ClosureConversion)?,
                Section::JobclubExemptions => next(&mut seq, Record::JobclubExemption)?,
                Section::Drafts => next(&mut seq, Record::Draft)?,
                Section::Series => next(&mut seq, Record::Series)?,
                Section::JobclubAttendance => next(&mut seq, Record::JobclubAttendance)?,
            };
            let Some(row) = row else { break };
            if let Err(e) = self.sink.put(row) {
                let msg = format!("{e:#}");
                *self.failed = Some(e);
                return Err(de::Error::custom(msg));
            }
            n += 1;
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Channel, Kind, Outcome, Status, TargetGroup};
    use chrono::{NaiveDate, NaiveDateTime};

    #[derive(Default)]
    struct Collect(Vec<Record>);

    impl RestoreSink for Collect {
        fn put(&mut self, r: Record) -> Result<()> {
            if let Record::Contact(c) = &r
                && c.note == "refuse"
            {
                return Err(user("contact refused"));
            }
            self.0.push(r);
            Ok(())
        }
    }

    fn t(s: &str) -> NaiveDateTime {
        crate::domain::dates::from_db(s).unwrap_or_default()
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    fn sample() -> Vec<Record> {
        vec![
            Record::Citizen(CitizenRecord {
                id: 1,
                name: "Åse \"Ø\" Jørgensen".into(),
                cpr: Some("010190-1234".into()),
                phone: "+45 12 34 56 78".into(),
                email: String::new(),
                target_group: TargetGroup::KontanthjaelpJobparat,
                benefit_start: Some(d("2026-09-01")),
                mentor: true,
                mentor_goals: "Struktur på dagen".into(),
                mentor_hours: Some(2.5),
                mentor_until: Some(d("2027-03-01")),
                summary: "linje 1\nlinje 2".into(),
                exempt: false,
                archived: false,
                last_contact: Some(t("2026-11-20T10:00:00")),
                next_due: Some(d("2026-12-01")),
                created_at: t("2026-09-01T08:00:00"),
                pace_due: Some(d("2026-11-27")),
                absence_start: None,
                address: None,
                requested: Some(d("2026-11-19")),
                jobclub: true,
            }),
            Record::Appointment(AppointmentRecord {
                id: 4,
                uuid: "u-a".into(),
                citizen_id: 1,
                kind: Kind::MentorVisit,
                start: t("2026-11-24T10:00:00"),
                minutes: 60,
                channel: Channel::Walk,
                place: String::new(),
                status: Status::Planned,
                reason: String::new(),
                moved_to: None,
                deleted: false,
                created_at: t("2026-11-01T08:00:00"),
                series_id: None,
                occurrence: None,
            }),
            Record::Contact(ContactRecord {
                id: 9,
                uuid: "u-k".into(),
                citizen_id: 1,
                appointment_id: None,
                at: t("2026-11-20T10:00:00"),
                channel: Channel::Phone,
                outcome: Outcome::Reached,
                minutes: 5,
                note: "=1+1; \"x\"".into(),
                counts: false,
                transferred_at: None,
                feedback_score: Some(4),
                feedback_wish: "Mere tid".into(),
                deleted: true,
                created_at: t("2026-11-20T10:05:00"),
            }),
            Record::Closure(ClosureRecord {
                id: 1,
                name: "Nedlukning 2026".into(),
                from_date: d("2026-11-01"),
                to_date: d("2026-11-30"),
                counts_held: false,
                created_at: t("2026-11-01T08:00:00"),
                ended_at: None,
            }),
            Record::ClosureCall(ClosureCallRecord {
                closure_id: 1,
                citizen_id: 1,
                position: 1,
                target_group: TargetGroup::KontanthjaelpJobparat,
                mentor: true,
                attempts: 1,
                last_result: Some("reached".into()),
                last_at: Some(t("2026-11-20T10:00:00")),
                reached: true,
                accepted: Some(true),
                next_try: None,
                newcomer: true,
                received: Some("very_positive".into()),
                matched: Some(true),
            }),
            Record::JobclubExemption(JobclubExemptionRecord {
                id: 3,
                citizen_id: 1,
                from_date: d("2026-11-01"),
                to_date: d("2026-12-31"),
                reason: "Kursus 9–14".into(),
                created_at: t("2026-11-01T08:10:00"),
                from_time: Some("09:00".into()),
                to_time: Some("14:00".into()),
                weekdays: "2".into(),
            }),
            Record::Draft(DraftRecord {
                kind: "note".into(),
                target_id: 9,
                citizen_id: 1,
                text: "halv".into(),
                updated_at: t("2026-11-20T10:06:00"),
            }),
            Record::JobclubAttendance(crate::domain::records::JobclubAttendanceRecord {
                date: d("2026-11-23"),
                citizen_id: 1,
                mark: crate::domain::jobclub::Mark::Absent,
                contact_id: Some(9),
                marked_at: t("2026-11-23T09:15:00"),
            }),
        ]
    }

    fn write(rows: Vec<Record>, config: Option<&Config>) -> Vec<u8> {
        let mut out = Vec::new();
        write_all(&mut out, config, &mut rows.into_iter().map(Ok)).unwrap();
        out
    }

    #[test]
    fn round_trip_is_exact() {
        let rows = sample();
        let config = Config::default();
        let bytes = write(rows.clone(), Some(&config));
        let mut got = Collect::default();
        let restored = read_all(&bytes[..], &mut got).unwrap();
        assert_eq!(restored.config, Some(config.clone()));
        assert_eq!(restored.counts.citizens(), 1);
        assert_eq!(restored.counts.get(Section::ClosureCalls), 1);
        assert_eq!(restored.counts.get(Section::ClosureAttempts), 0);
        assert_eq!(restored.counts.total(), 8);
        assert_eq!(restored.counts.get(Section::JobclubAttendance), 1);
        assert_eq!(got.0, rows);
        assert_eq!(write(got.0, Some(&config)), bytes);
        let text = String::from_utf8(bytes).unwrap();
        assert!(
            text.starts_with("{\"format\":\"jobdesk\",\"format_version\":1,\n\"config\":{"),
            "{text}"
        );
        assert!(text.contains("\n],\n\"closure_attempts\":[\n],\n\"closure_conversions\":["));
        assert!(text.contains("\"mentor_hours\":2.5,"));
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let rows = sample();
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend(write(rows.clone(), None));
        let mut got = Collect::default();
        read_all(&bytes[..], &mut got).unwrap();
        assert_eq!(got.0, rows);
        // One byte at a time, as from a slow pipe.
        let mut got = Collect::default();
        struct OneByte<'a>(&'a [u8]);
        impl Read for OneByte<'_> {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                let n = usize::from(!self.0.is_empty() && !buf.is_empty());
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        read_all(OneByte(&bytes), &mut got).unwrap();
        assert_eq!(got.0, rows);
        // A mark alone is an empty file, not a jobdesk export.
        assert!(read_all(&b"\xEF\xBB\xBF"[..], &mut Collect::default()).is_err());
    }

    #[test]
    fn empty_document() {
        let bytes = write(vec![], None);
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(
            text.starts_with(
                "{\"format\":\"jobdesk\",\"format_version\":1,\n\"config\":null,\n\"citizens\":[\n],\n\"appointments\":[\n],\n"
            ),
            "{text}"
        );
        assert!(
            text.ends_with(",\n\"drafts\":[\n],\n\"series\":[\n],\n\"jobclub_attendance\":[\n]}\n"),
            "{text}"
        );
        let restored = read_all(&bytes[..], &mut Collect::default()).unwrap();
        assert_eq!(restored.counts, Counts::default());
        assert_eq!(restored.config, None);
        // A file written before series has no "series" list: it reads as none.
        let old = text.replace(",\n\"series\":[\n]", "");
        let restored = read_all(old.as_bytes(), &mut Collect::default()).unwrap();
        assert_eq!(restored.counts, Counts::default());
    }

    #[test]
    fn rows_out_of_order_are_a_bug_not_a_file() {
        let mut rows = sample();
        rows.swap(0, 1);
        let mut out = Vec::new();
        assert!(write_all(&mut out, None, &mut rows.into_iter().map(Ok)).is_err());
    }

    fn error_of(text: &str) -> String {
        format!(
            "{:#}",
            read_all(text.as_bytes(), &mut Collect::default()).unwrap_err()
        )
    }

    #[test]
    fn bad_documents_are_refused_with_a_reason() {
        let good = String::from_utf8(write(sample(), None)).unwrap();
        let cut = &good[..good.len() / 2];
        assert!(
            error_of(cut).contains("ends too early"),
            "{}",
            error_of(cut)
        );
        let v2 = good.replace("\"format_version\":1", "\"format_version\":2");
        assert_eq!(
            error_of(&v2),
            "the file is in jobdesk export format version 2; this jobdesk reads version 1: update jobdesk to import it"
        );
        let other = good.replace("\"format\":\"jobdesk\"", "\"format\":\"other\"");
        assert!(error_of(&other).contains("not a jobdesk export"));
        assert!(
            error_of("[1,2]").contains("a jobdesk export"),
            "{}",
            error_of("[1,2]")
        );
        assert!(error_of("{\"citizens\":[]}").contains("not a jobdesk export"));
        let unknown = good.replace("\n\"drafts\":[", "\n\"x\":[");
        assert!(
            error_of(&unknown).contains("a list \"x\" that a jobdesk export does not have"),
            "{}",
            error_of(&unknown)
        );
        let missing = format!("{}}}", &good[..good.find(",\n\"drafts\":[").unwrap()]);
        assert!(
            error_of(&missing).contains("the file has no \"drafts\""),
            "{}",
            error_of(&missing)
        );
        let trailing = format!("{good}{{}}");
        assert!(
            error_of(&trailing).contains("trailing"),
            "{}",
            error_of(&trailing)
        );
        let refused = good.replace("=1+1; \\\"x\\\"", "refuse");
        assert_eq!(error_of(&refused), "contact refused");
        let bad_word = good.replace("\"walk\"", "\"swim\"");
        assert!(
            error_of(&bad_word).contains("unknown variant `swim`"),
            "{}",
            error_of(&bad_word)
        );
        let bad_config = good.replace("\"config\":null", "\"config\":{\"colour\":1}");
        assert!(
            error_of(&bad_config).contains("unknown field `colour`"),
            "{}",
            error_of(&bad_config)
        );
    }
}
