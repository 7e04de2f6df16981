//! Everything the consultant keeps, as one JSON document: for a new laptop, a restore, or another
//! program. Not the machine's own records (the export log).
//!
//! ```text
//! {"format":"jobdesk","format_version":1,
//! "citizens":[
//! {"id":1,"name":"…",…},
//! …
//! ],
//! "appointments":[
//! …
//! ],
//! "contacts":[
//! …
//! ]}
//! ```
//!
//! One row a line, rows in id order, every column the store keeps (soft-deleted rows too, with
//! `"deleted":true`, so undo history survives a move), times as local `2026-11-23T10:30:00`.
//! Writing and reading both stream: rows go from SQLite to the file and back one at a time.
//! Export → import → export gives the same bytes.

use std::io::{Read, Write};

use chrono::{NaiveDate, NaiveDateTime};
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::domain::{Channel, Kind, Outcome, Status, TargetGroup};
use crate::error::{Result, user};

/// The `format` value that marks a jobdesk export.
pub const FORMAT: &str = "jobdesk";
/// The version of the layout below. A reader refuses any other.
pub const FORMAT_VERSION: u64 = 1;

/// One citizen, every column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CitizenRecord {
    pub id: i64,
    pub name: String,
    pub cpr: Option<String>,
    pub phone: String,
    pub email: String,
    pub target_group: TargetGroup,
    pub benefit_start: Option<NaiveDate>,
    pub mentor: bool,
    pub summary: String,
    pub exempt: bool,
    pub archived: bool,
    pub last_contact: Option<NaiveDateTime>,
    pub next_due: Option<NaiveDate>,
    pub created_at: NaiveDateTime,
}

/// One appointment, every column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppointmentRecord {
    pub id: i64,
    pub uuid: String,
    pub citizen_id: i64,
    pub kind: Kind,
    pub start: NaiveDateTime,
    pub minutes: i64,
    pub channel: Channel,
    pub place: String,
    pub status: Status,
    pub reason: String,
    pub moved_to: Option<i64>,
    pub deleted: bool,
    pub created_at: NaiveDateTime,
}

/// One entry of the contact log, every column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactRecord {
    pub id: i64,
    pub uuid: String,
    pub citizen_id: i64,
    pub appointment_id: Option<i64>,
    pub at: NaiveDateTime,
    pub channel: Channel,
    pub outcome: Outcome,
    pub minutes: i64,
    pub note: String,
    pub counts: bool,
    pub transferred_at: Option<NaiveDateTime>,
    pub deleted: bool,
    pub created_at: NaiveDateTime,
}

/// How many rows of each kind were written or read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub citizens: u64,
    pub appointments: u64,
    pub contacts: u64,
}

impl Counts {
    pub fn total(&self) -> u64 {
        self.citizens + self.appointments + self.contacts
    }
}

type Rows<'a, T> = &'a mut dyn Iterator<Item = Result<T>>;

fn section<T: Serialize>(out: &mut dyn Write, name: &str, rows: Rows<'_, T>) -> Result<u64> {
    write!(out, "\"{name}\":[")?;
    let mut n = 0u64;
    for row in rows {
        out.write_all(if n == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut *out, &row?)?;
        n += 1;
    }
    out.write_all(b"\n]")?;
    Ok(n)
}

/// Writes the whole document, rows as they come.
pub fn write_all(
    out: &mut dyn Write,
    citizens: Rows<'_, CitizenRecord>,
    appointments: Rows<'_, AppointmentRecord>,
    contacts: Rows<'_, ContactRecord>,
) -> Result<Counts> {
    writeln!(
        out,
        "{{\"format\":\"{FORMAT}\",\"format_version\":{FORMAT_VERSION},"
    )?;
    let citizens = section(out, "citizens", citizens)?;
    out.write_all(b",\n")?;
    let appointments = section(out, "appointments", appointments)?;
    out.write_all(b",\n")?;
    let contacts = section(out, "contacts", contacts)?;
    out.write_all(b"}\n")?;
    Ok(Counts {
        citizens,
        appointments,
        contacts,
    })
}

/// Where a restore puts the rows it reads (the store, inside one transaction).
pub trait RestoreSink {
    fn citizen(&mut self, c: CitizenRecord) -> Result<()>;
    fn appointment(&mut self, a: AppointmentRecord) -> Result<()>;
    fn contact(&mut self, c: ContactRecord) -> Result<()>;
}

/// Reads a whole document from `input`, handing each row to `sink` as soon as it is read.
/// Anything wrong (another format or version, a truncated file, a bad row, trailing bytes) is an
/// error; the caller's transaction then keeps nothing.
pub fn read_all(input: impl Read, sink: &mut dyn RestoreSink) -> Result<Counts> {
    let mut de =
        serde_json::Deserializer::from_reader(std::io::BufReader::with_capacity(1 << 16, input));
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
    type Value = Counts;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Counts, D::Error> {
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

const FIELDS: &[&str] = &[
    "format",
    "format_version",
    "citizens",
    "appointments",
    "contacts",
];

impl<'de> Visitor<'de> for Document<'_> {
    type Value = Counts;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a jobdesk export: a JSON object with format, format_version, citizens, appointments and contacts")
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<Counts, A::Error> {
        let mut counts = Counts::default();
        let (mut format, mut version) = (false, false);
        let mut seen: Vec<String> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if seen.contains(&key) {
                return Err(de::Error::duplicate_field(
                    FIELDS.iter().find(|f| **f == key).copied().unwrap_or("?"),
                ));
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
                    match data {
                        "citizens" => {
                            counts.citizens = map.next_value_seed(Section::<CitizenRecord> {
                                sink: &mut *self.sink,
                                failed: &mut *self.failed,
                                put: |s, r| s.citizen(r),
                            })?
                        }
                        "appointments" => {
                            counts.appointments =
                                map.next_value_seed(Section::<AppointmentRecord> {
                                    sink: &mut *self.sink,
                                    failed: &mut *self.failed,
                                    put: |s, r| s.appointment(r),
                                })?
                        }
                        "contacts" => {
                            counts.contacts = map.next_value_seed(Section::<ContactRecord> {
                                sink: &mut *self.sink,
                                failed: &mut *self.failed,
                                put: |s, r| s.contact(r),
                            })?
                        }
                        other => return Err(de::Error::unknown_field(other, FIELDS)),
                    }
                }
            }
        }
        for needed in FIELDS {
            if !seen.iter().any(|s| s == needed) {
                return Err(self.refuse(format!(
                    "the file has no \"{needed}\": it is not a whole jobdesk export"
                )));
            }
        }
        Ok(counts)
    }
}

struct Section<'a, T> {
    sink: &'a mut dyn RestoreSink,
    failed: &'a mut Option<anyhow::Error>,
    put: fn(&mut dyn RestoreSink, T) -> Result<()>,
}

impl<'de, T: Deserialize<'de>> DeserializeSeed<'de> for Section<'_, T> {
    type Value = u64;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<u64, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for Section<'_, T> {
    type Value = u64;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a list of rows")
    }

    fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<u64, S::Error> {
        let mut n = 0u64;
        while let Some(row) = seq.next_element::<T>()? {
            if let Err(e) = (self.put)(&mut *self.sink, row) {
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

    #[derive(Default)]
    struct Collect {
        citizens: Vec<CitizenRecord>,
        appointments: Vec<AppointmentRecord>,
        contacts: Vec<ContactRecord>,
    }

    impl RestoreSink for Collect {
        fn citizen(&mut self, c: CitizenRecord) -> Result<()> {
            self.citizens.push(c);
            Ok(())
        }
        fn appointment(&mut self, a: AppointmentRecord) -> Result<()> {
            self.appointments.push(a);
            Ok(())
        }
        fn contact(&mut self, c: ContactRecord) -> Result<()> {
            if c.note == "refuse" {
                return Err(user("contact refused"));
            }
            self.contacts.push(c);
            Ok(())
        }
    }

    fn t(s: &str) -> NaiveDateTime {
        crate::domain::dates::from_db(s).unwrap_or_default()
    }

    fn sample() -> (
        Vec<CitizenRecord>,
        Vec<AppointmentRecord>,
        Vec<ContactRecord>,
    ) {
        let c = CitizenRecord {
            id: 1,
            name: "Åse \"Ø\" Jørgensen".into(),
            cpr: Some("010190-1234".into()),
            phone: "+45 12 34 56 78".into(),
            email: String::new(),
            target_group: TargetGroup::KontanthjaelpJobparat,
            benefit_start: NaiveDate::from_ymd_opt(2026, 9, 1),
            mentor: true,
            summary: "linje 1\nlinje 2".into(),
            exempt: false,
            archived: false,
            last_contact: Some(t("2026-11-20T10:00:00")),
            next_due: NaiveDate::from_ymd_opt(2026, 12, 1),
            created_at: t("2026-09-01T08:00:00"),
        };
        let a = AppointmentRecord {
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
        };
        let k = ContactRecord {
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
            deleted: true,
            created_at: t("2026-11-20T10:05:00"),
        };
        (vec![c], vec![a], vec![k])
    }

    fn write(c: Vec<CitizenRecord>, a: Vec<AppointmentRecord>, k: Vec<ContactRecord>) -> Vec<u8> {
        let mut out = Vec::new();
        write_all(
            &mut out,
            &mut c.into_iter().map(Ok),
            &mut a.into_iter().map(Ok),
            &mut k.into_iter().map(Ok),
        )
        .unwrap();
        out
    }

    #[test]
    fn round_trip_is_exact() {
        let (c, a, k) = sample();
        let bytes = write(c.clone(), a.clone(), k.clone());
        let mut got = Collect::default();
        let counts = read_all(&bytes[..], &mut got).unwrap();
        assert_eq!(
            counts,
            Counts {
                citizens: 1,
                appointments: 1,
                contacts: 1
            }
        );
        assert_eq!(
            (
                got.citizens.clone(),
                got.appointments.clone(),
                got.contacts.clone()
            ),
            (c, a, k)
        );
        assert_eq!(write(got.citizens, got.appointments, got.contacts), bytes);
        let text = String::from_utf8(bytes).unwrap();
        assert!(
            text.starts_with(
                "{\"format\":\"jobdesk\",\"format_version\":1,\n\"citizens\":[\n{\"id\":1,"
            ),
            "{text}"
        );
    }

    #[test]
    fn empty_document() {
        let bytes = write(vec![], vec![], vec![]);
        assert_eq!(
            String::from_utf8(bytes.clone()).unwrap(),
            "{\"format\":\"jobdesk\",\"format_version\":1,\n\"citizens\":[\n],\n\"appointments\":[\n],\n\"contacts\":[\n]}\n"
        );
        assert_eq!(
            read_all(&bytes[..], &mut Collect::default()).unwrap(),
            Counts::default()
        );
    }

    fn error_of(text: &str) -> String {
        format!(
            "{:#}",
            read_all(text.as_bytes(), &mut Collect::default()).unwrap_err()
        )
    }

    #[test]
    fn bad_documents_are_refused_with_a_reason() {
        let (c, a, k) = sample();
        let good = String::from_utf8(write(c, a, k)).unwrap();
        let cut = &good[..good.len() / 2];
        assert!(
            error_of(cut).contains("ends too early"),
            "{}",
            error_of(cut)
        );
        let v2 = good.replace("\"format_version\":1", "\"format_version\":2");
        assert!(
            error_of(&v2).contains("format version 2; this jobdesk reads version 1"),
            "{}",
            error_of(&v2)
        );
        let other = good.replace("\"format\":\"jobdesk\"", "\"format\":\"other\"");
        assert!(error_of(&other).contains("not a jobdesk export"));
        assert!(
            error_of("[1,2]").contains("a jobdesk export"),
            "{}",
            error_of("[1,2]")
        );
        assert!(error_of("{\"citizens\":[]}").contains("not a jobdesk export"));
        let no_contacts = good.replace(",\n\"contacts\":[", ",\n\"x\":[");
        assert!(
            error_of(&no_contacts).contains("unknown field `x`"),
            "{}",
            error_of(&no_contacts)
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
    }
}
