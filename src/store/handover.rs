//! Cover for a colleague: the rows of chosen citizens gathered for a hand-over file (itself a
//! jobdesk database), and a hand-over merged into a database that already holds other citizens.
//!
//! A citizen is the same in both databases when its `uuid` is (given on its first hand-over).
//! Appointments and contacts are matched by their own uuids. Each side remembers, per citizen,
//! the stamp of the last hand-over it made or took (`handover.base.<uuid>` in `settings`); a
//! citizen's stamp is the latest time found in its rows and its audit entries. A side "changed
//! since" when it holds rows the other lacks or its stamp passed that base. Differing details
//! are taken from the file only when the file changed and this database did not; when both did
//! (or neither can be told apart) the citizen is a conflict: listed, and left as it is.
//!
//! The citizens' proposals travel with them, with the leads they point to, those leads'
//! companies (and their contact persons) and the proposals' company-log entries, all merged by
//! uuid (a company also by CVR number): added when missing, a proposal's later outcome taken.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension, params};

use super::Store;
use crate::domain::TargetGroup;
use crate::domain::Word;
use crate::domain::dates::{from_db, to_db};
use crate::domain::records::{
    AppointmentRecord, CitizenRecord, CompanyContactRecord, CompanyLogRecord, CompanyRecord,
    ContactRecord, DraftRecord, JobclubExemptionRecord, LeadRecord, ProposalRecord, Record,
    SeriesRecord,
};
use crate::domain::text::{danish_sort_key, fold};
use crate::error::Result;

/// The layout of the hand-over facts inside a hand-over file (its `settings` keys). A file with
/// a higher number was written by a newer jobdesk.
pub const HANDOVER_FORMAT: u32 = 1;
const FORMAT_KEY: &str = "handover.format";
const CONSULTANT_KEY: &str = "handover.consultant";
const EXPORTED_KEY: &str = "handover.exported_at";

fn stamp_key(uuid: &str) -> String {
    format!("handover.stamp.{uuid}")
}

fn base_key(uuid: &str) -> String {
    format!("handover.base.{uuid}")
}

/// Which citizens a hand-over takes.
#[derive(Debug, Clone, PartialEq)]
pub enum Selection {
    Citizens(Vec<i64>),
    /// The active (not archived) citizens of one target group.
    TargetGroup(TargetGroup),
    /// Every active citizen.
    All,
}

/// One citizen in a hand-over: its lasting identity, its stamp and its row.
#[derive(Debug, Clone, PartialEq)]
pub struct HandoverCitizen {
    pub uuid: String,
    pub stamp: String,
    pub record: CitizenRecord,
}

/// The rows of a hand-over (ids as in the database they were read from).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Handover {
    pub consultant: Option<String>,
    pub exported_at: Option<NaiveDateTime>,
    pub citizens: Vec<HandoverCitizen>,
    pub appointments: Vec<AppointmentRecord>,
    pub contacts: Vec<ContactRecord>,
    pub exemptions: Vec<JobclubExemptionRecord>,
    pub drafts: Vec<DraftRecord>,
    /// Recurring appointments (their dates are among `appointments`).
    pub series: Vec<SeriesRecord>,
    /// The citizens' proposals to leads, the leads they point to, those leads' companies with
    /// their contact persons, and the company-log entries of the proposals.
    pub proposals: Vec<ProposalRecord>,
    pub leads: Vec<LeadRecord>,
    pub companies: Vec<CompanyRecord>,
    pub company_contacts: Vec<CompanyContactRecord>,
    pub company_log: Vec<CompanyLogRecord>,
}

impl Handover {
    /// How many rows it holds, all lists together.
    pub fn rows(&self) -> u64 {
        (self.citizens.len()
            + self.appointments.len()
            + self.contacts.len()
            + self.exemptions.len()
            + self.drafts.len()
            + self.series.len()
            + self.proposals.len()
            + self.leads.len()
            + self.companies.len()
            + self.company_contacts.len()
            + self.company_log.len()) as u64
    }
}

/// A citizen changed on both sides: left as it is here.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// The citizen's id in this database.
    pub citizen_id: i64,
    pub name: String,
    /// Another citizen here has the file's CPR number (not the same uuid).
    pub same_cpr: bool,
}

/// What a merge did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Merged {
    /// Citizens new to this database.
    pub added: usize,
    /// Citizens here that took the file's newer rows.
    pub updated: usize,
    /// Citizens the file holds as they are here.
    pub unchanged: usize,
    /// Citizens newer here than in the file: kept.
    pub kept: usize,
    /// Rows written (new or changed).
    pub rows: u64,
    pub conflicts: Vec<Conflict>,
}

fn date_text(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

fn setting(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

fn set_setting(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?
    .execute(params![key, value])?;
    Ok(())
}

/// The latest time in a citizen's rows and audit entries (empty when none).
fn stamp_of(conn: &Connection, id: i64) -> Result<String> {
    let s: Option<String> = conn.query_row(
        "SELECT max(s) FROM (
            SELECT created_at AS s FROM citizens WHERE id = ?1
            UNION ALL SELECT max(created_at) FROM appointments WHERE citizen_id = ?1
            UNION ALL SELECT max(created_at) FROM contacts WHERE citizen_id = ?1
            UNION ALL SELECT max(transferred_at) FROM contacts WHERE citizen_id = ?1
            UNION ALL SELECT max(updated_at) FROM drafts WHERE citizen_id = ?1
            UNION ALL SELECT max(created_at) FROM jobclub_exemptions WHERE citizen_id = ?1
            UNION ALL SELECT max(at) FROM audit WHERE citizen_id = ?1
                AND action IN ('edit_citizen', 'correct_contact', 'delete_contact'))",
        [id],
        |r| r.get(0),
    )?;
    Ok(s.unwrap_or_default())
}

fn same_details(a: &CitizenRecord, b: &CitizenRecord) -> bool {
    a.name == b.name
        && a.cpr == b.cpr
        && a.phone == b.phone
        && a.address == b.address
        && a.email == b.email
        && a.target_group == b.target_group
        && a.benefit_start == b.benefit_start
        && a.mentor == b.mentor
        && a.mentor_goals == b.mentor_goals
        && a.mentor_hours == b.mentor_hours
        && a.mentor_until == b.mentor_until
        && a.summary == b.summary
        && a.exempt == b.exempt
        && a.archived == b.archived
        && a.absence_start == b.absence_start
}

fn same_appointment(a: &AppointmentRecord, b: &AppointmentRecord) -> bool {
    a.kind == b.kind
        && a.start == b.start
        && a.minutes == b.minutes
        && a.channel == b.channel
        && a.place == b.place
        && a.status == b.status
        && a.reason == b.reason
        && a.deleted == b.deleted
        && a.occurrence == b.occurrence
}

fn same_contact(a: &ContactRecord, b: &ContactRecord) -> bool {
    a.at == b.at
        && a.channel == b.channel
        && a.outcome == b.outcome
        && a.minutes == b.minutes
        && a.note == b.note
        && a.counts == b.counts
        && a.transferred_at == b.transferred_at
        && a.feedback_score == b.feedback_score
        && a.feedback_wish == b.feedback_wish
        && a.deleted == b.deleted
}

fn next_id(conn: &Connection, table: &str) -> Result<i64> {
    Ok(conn.query_row(
        &format!("SELECT coalesce(max(id), 0) + 1 FROM {table}"),
        [],
        |r| r.get(0),
    )?)
}

impl Store {
    /// The ids of the citizens a hand-over takes, in id order; an unknown id is refused.
    pub fn handover_ids(&self, sel: &Selection) -> Result<Vec<i64>> {
        let mut ids: Vec<i64> = match sel {
            Selection::Citizens(ids) => {
                for id in ids {
                    let found: Option<i64> = self
                        .conn
                        .query_row("SELECT id FROM citizens WHERE id = ?1", [id], |r| r.get(0))
                        .optional()?;
                    if found.is_none() {
                        return Err(super::Error::NoCitizen(*id).into());
                    }
                }
                ids.clone()
            }
            Selection::TargetGroup(g) => {
                let mut st = self.conn.prepare(
                    "SELECT id FROM citizens WHERE archived = 0 AND target_group = ?1 ORDER BY id",
                )?;
                st.query_map([g.key()], |r| r.get(0))?
                    .collect::<Result<_, _>>()?
            }
            Selection::All => {
                let mut st = self
                    .conn
                    .prepare("SELECT id FROM citizens WHERE archived = 0 ORDER BY id")?;
                st.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?
            }
        };
        ids.sort_unstable();
        ids.dedup();
        Ok(ids)
    }

    /// The rows of these citizens, for a hand-over made at `at`: each citizen gets its lasting
    /// uuid if it has none yet, and this database remembers the stamp handed over.
    pub fn handover_out(
        &mut self,
        ids: &[i64],
        consultant: Option<String>,
        at: NaiveDateTime,
    ) -> Result<Handover> {
        let marks = self.write(|tx| {
            let mut marks = HashMap::new();
            for &id in ids {
                let uuid: Option<String> =
                    tx.query_row("SELECT uuid FROM citizens WHERE id = ?1", [id], |r| {
                        r.get(0)
                    })?;
                let uuid = match uuid {
                    Some(u) => u,
                    None => {
                        let u = uuid::Uuid::new_v4().to_string();
                        tx.execute(
                            "UPDATE citizens SET uuid = ?1 WHERE id = ?2",
                            params![u, id],
                        )?;
                        u
                    }
                };
                let stamp = stamp_of(tx, id)?;
                set_setting(tx, &base_key(&uuid), &stamp)?;
                marks.insert(id, (uuid, stamp));
            }
            Ok(marks)
        })?;
        let mut h = self.collect(&ids.iter().copied().collect(), &marks)?;
        h.consultant = consultant.filter(|c| !c.trim().is_empty());
        h.exported_at = Some(at);
        Ok(h)
    }

    /// The rows of the citizens in `ids` (each with its uuid and stamp from `marks`).
    fn collect(
        &self,
        ids: &HashSet<i64>,
        marks: &HashMap<i64, (String, String)>,
    ) -> Result<Handover> {
        let mut h = Handover::default();
        let (mut companies, mut people, mut leads, mut log) = (vec![], vec![], vec![], vec![]);
        self.stream_everything(|rows| {
            for r in rows {
                match r? {
                    Record::Citizen(c) if ids.contains(&c.id) => {
                        let (uuid, stamp) = marks.get(&c.id).cloned().unwrap_or_default();
                        h.citizens.push(HandoverCitizen {
                            uuid,
                            stamp,
                            record: c,
                        });
                    }
                    Record::Appointment(a) if ids.contains(&a.citizen_id) => h.appointments.push(a),
                    Record::Contact(k) if ids.contains(&k.citizen_id) => h.contacts.push(k),
                    Record::JobclubExemption(x) if ids.contains(&x.citizen_id) => {
                        h.exemptions.push(x)
                    }
                    Record::Draft(d) if ids.contains(&d.citizen_id) => h.drafts.push(d),
                    Record::Series(x) if ids.contains(&x.citizen_id) => h.series.push(x),
                    Record::Proposal(x) if ids.contains(&x.citizen_id) => h.proposals.push(x),
                    Record::Company(x) => companies.push(x),
                    Record::CompanyContact(x) => people.push(x),
                    Record::Lead(x) => leads.push(x),
                    Record::CompanyLog(x) => log.push(x),
                    _ => {}
                }
            }
            Ok(())
        })?;
        // The company side follows the proposals: their leads, those leads' companies (with
        // their contact persons) and the proposals' own log entries.
        let lead_ids: HashSet<i64> = h.proposals.iter().map(|x| x.lead_id).collect();
        h.leads = leads
            .into_iter()
            .filter(|x| lead_ids.contains(&x.id))
            .collect();
        let company_ids: HashSet<i64> = h.leads.iter().map(|x| x.company_id).collect();
        h.companies = companies
            .into_iter()
            .filter(|x| company_ids.contains(&x.id))
            .collect();
        h.company_contacts = people
            .into_iter()
            .filter(|x| company_ids.contains(&x.company_id))
            .collect();
        let proposal_ids: HashSet<i64> = h.proposals.iter().map(|x| x.id).collect();
        h.company_log = log
            .into_iter()
            .filter(|x| x.proposal_id.is_some_and(|p| proposal_ids.contains(&p)))
            .collect();
        Ok(h)
    }

    /// Fills this new, empty database with a hand-over: the rows, the citizens' uuids and
    /// stamps, who handed over and when. `audit` is its audit entry.
    pub fn fill_handover(&mut self, h: &Handover, audit: super::NewAudit) -> Result<()> {
        self.restore(
            |sink| {
                for c in &h.citizens {
                    sink.put(Record::Citizen(c.record.clone()))?;
                }
                for x in &h.series {
                    sink.put(Record::Series(x.clone()))?;
                }
                for a in &h.appointments {
                    sink.put(Record::Appointment(a.clone()))?;
                }
                for k in &h.contacts {
                    sink.put(Record::Contact(k.clone()))?;
                }
                for x in &h.exemptions {
                    sink.put(Record::JobclubExemption(x.clone()))?;
                }
                for d in &h.drafts {
                    sink.put(Record::Draft(d.clone()))?;
                }
                for x in &h.companies {
                    sink.put(Record::Company(x.clone()))?;
                }
                for x in &h.company_contacts {
                    sink.put(Record::CompanyContact(x.clone()))?;
                }
                for x in &h.leads {
                    sink.put(Record::Lead(x.clone()))?;
                }
                for x in &h.proposals {
                    sink.put(Record::Proposal(x.clone()))?;
                }
                for x in &h.company_log {
                    sink.put(Record::CompanyLog(x.clone()))?;
                }
                Ok(())
            },
            |_| audit,
        )?;
        self.write(|tx| {
            for c in &h.citizens {
                tx.execute(
                    "UPDATE citizens SET uuid = ?1 WHERE id = ?2",
                    params![c.uuid, c.record.id],
                )?;
                set_setting(tx, &stamp_key(&c.uuid), &c.stamp)?;
            }
            set_setting(tx, FORMAT_KEY, &HANDOVER_FORMAT.to_string())?;
            if let Some(name) = &h.consultant {
                set_setting(tx, CONSULTANT_KEY, name)?;
            }
            if let Some(at) = h.exported_at {
                set_setting(tx, EXPORTED_KEY, &to_db(at))?;
            }
            Ok(())
        })
    }

    /// The hand-over layout of this database: `None` when it is no hand-over file.
    pub fn handover_format(&self) -> Result<Option<u32>> {
        Ok(setting(&self.conn, FORMAT_KEY)?.map(|v| v.trim().parse().unwrap_or(u32::MAX)))
    }

    /// Reads this hand-over file's rows (check [`Store::handover_format`] first).
    pub fn read_handover(&self) -> Result<Handover> {
        let mut marks = HashMap::new();
        {
            let mut st = self.conn.prepare("SELECT id, uuid FROM citizens")?;
            let rows = st.query_map([], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, Option<String>>(1)?))
            })?;
            for row in rows {
                let (id, uuid) = row?;
                let uuid = uuid.ok_or_else(|| {
                    crate::error::user("a citizen in the hand-over file has no uuid")
                })?;
                let stamp = setting(&self.conn, &stamp_key(&uuid))?.unwrap_or_default();
                marks.insert(id, (uuid, stamp));
            }
        }
        let ids = marks.keys().copied().collect();
        let mut h = self.collect(&ids, &marks)?;
        h.consultant = setting(&self.conn, CONSULTANT_KEY)?;
        h.exported_at = setting(&self.conn, EXPORTED_KEY)?.and_then(|s| from_db(&s));
        Ok(h)
    }

    /// Merges a hand-over into this database in one transaction: citizens new here are added
    /// with all their rows; a citizen already here (same uuid) takes the file's new rows and,
    /// when only the file changed since the last hand-over, its details; a citizen changed on
    /// both sides is a conflict, left untouched. `audit` makes the audit entry from the result;
    /// it lands in the same transaction.
    pub fn merge_handover(
        &mut self,
        h: &Handover,
        audit: impl FnOnce(&Merged) -> super::NewAudit,
    ) -> Result<Merged> {
        // This database's own rows of the citizens the file holds too.
        let mut here_ids: HashMap<String, i64> = HashMap::new();
        for c in &h.citizens {
            let id: Option<i64> = self
                .conn
                .query_row("SELECT id FROM citizens WHERE uuid = ?1", [&c.uuid], |r| {
                    r.get(0)
                })
                .optional()?;
            if let Some(id) = id {
                here_ids.insert(c.uuid.clone(), id);
            }
        }
        let here = self.collect(&here_ids.values().copied().collect(), &HashMap::new())?;
        let rules = self.rules.clone();
        let sus = self.suspensions.clone();
        self.write(|tx| {
            let mut m = Merged::default();
            let mut touched = Vec::new();
            // The file's citizen ids to this database's, for the citizens not in conflict.
            let mut mapped: HashMap<i64, i64> = HashMap::new();
            for c in &h.citizens {
                let local = here_ids.get(&c.uuid).copied();
                let file_part = Part::of(h, c.record.id);
                match local {
                    None => {
                        if let Some(cpr) = &c.record.cpr {
                            let other: Option<(i64, String)> = tx
                                .query_row(
                                    "SELECT id, name FROM citizens WHERE cpr = ?1",
                                    [cpr],
                                    |r| Ok((r.get(0)?, r.get(1)?)),
                                )
                                .optional()?;
                            if let Some((citizen_id, name)) = other {
                                m.conflicts.push(Conflict {
                                    citizen_id,
                                    name,
                                    same_cpr: true,
                                });
                                continue;
                            }
                        }
                        let id = next_id(tx, "citizens")?;
                        super::export::put_record(
                            tx,
                            Record::Citizen(CitizenRecord {
                                id,
                                ..c.record.clone()
                            }),
                        )?;
                        tx.execute(
                            "UPDATE citizens SET uuid = ?1 WHERE id = ?2",
                            params![c.uuid, id],
                        )?;
                        m.rows += 1 + add_rows(tx, &file_part, id, &Part::default())?;
                        mapped.insert(c.record.id, id);
                        set_setting(tx, &base_key(&c.uuid), &c.stamp)?;
                        m.added += 1;
                        touched.push(id);
                    }
                    Some(id) => {
                        mapped.insert(c.record.id, id);
                        let here_part = Part::of(&here, id);
                        let Some(here_rec) = here.citizens.iter().find(|x| x.record.id == id)
                        else {
                            continue;
                        };
                        let local_apps: HashMap<&str, &AppointmentRecord> = here_part
                            .appointments
                            .iter()
                            .map(|a| (a.uuid.as_str(), *a))
                            .collect();
                        let local_cons: HashMap<&str, &ContactRecord> = here_part
                            .contacts
                            .iter()
                            .map(|k| (k.uuid.as_str(), *k))
                            .collect();
                        let file_apps: HashSet<&str> = file_part
                            .appointments
                            .iter()
                            .map(|a| a.uuid.as_str())
                            .collect();
                        let file_cons: HashSet<&str> =
                            file_part.contacts.iter().map(|k| k.uuid.as_str()).collect();
                        let file_new = file_part
                            .appointments
                            .iter()
                            .any(|a| !local_apps.contains_key(a.uuid.as_str()))
                            || file_part
                                .contacts
                                .iter()
                                .any(|k| !local_cons.contains_key(k.uuid.as_str()));
                        let here_new = local_apps.keys().any(|u| !file_apps.contains(u))
                            || local_cons.keys().any(|u| !file_cons.contains(u));
                        let differs = !same_details(&here_rec.record, &c.record)
                            || file_part.appointments.iter().any(|a| {
                                local_apps
                                    .get(a.uuid.as_str())
                                    .is_some_and(|l| !same_appointment(l, a))
                            })
                            || file_part.contacts.iter().any(|k| {
                                local_cons
                                    .get(k.uuid.as_str())
                                    .is_some_and(|l| !same_contact(l, k))
                            });
                        if !differs && !file_new {
                            m.unchanged += 1;
                            continue;
                        }
                        let base = setting(tx, &base_key(&c.uuid))?;
                        let local_stamp = stamp_of(tx, id)?;
                        let (file_changed, here_changed) = match &base {
                            Some(b) => (file_new || c.stamp > *b, here_new || local_stamp > *b),
                            None => (
                                file_new || c.stamp > local_stamp,
                                here_new || local_stamp > c.stamp,
                            ),
                        };
                        if differs && file_changed == here_changed {
                            mapped.remove(&c.record.id);
                            m.conflicts.push(Conflict {
                                citizen_id: id,
                                name: here_rec.record.name.clone(),
                                same_cpr: false,
                            });
                            continue;
                        }
                        if differs && here_changed {
                            m.kept += 1;
                            continue;
                        }
                        if differs {
                            m.rows += update_rows(tx, &c.record, id, &file_part, &here_part)?;
                        }
                        m.rows += add_rows(tx, &file_part, id, &here_part)?;
                        let after = stamp_of(tx, id)?;
                        set_setting(tx, &base_key(&c.uuid), after.max(c.stamp.clone()).as_str())?;
                        m.updated += 1;
                        touched.push(id);
                    }
                }
            }
            m.rows += merge_companies(tx, h, &mapped)?;
            for id in touched {
                super::refresh_citizen_on(tx, &rules, &sus, id)?;
            }
            super::record_audit_on(tx, &audit(&m))?;
            Ok(m)
        })
    }
}

/// One citizen's rows of a hand-over.
#[derive(Default)]
struct Part<'a> {
    series: Vec<&'a SeriesRecord>,
    appointments: Vec<&'a AppointmentRecord>,
    contacts: Vec<&'a ContactRecord>,
    exemptions: Vec<&'a JobclubExemptionRecord>,
    drafts: Vec<&'a DraftRecord>,
}

impl<'a> Part<'a> {
    fn of(h: &'a Handover, citizen: i64) -> Part<'a> {
        Part {
            series: h
                .series
                .iter()
                .filter(|x| x.citizen_id == citizen)
                .collect(),
            appointments: h
                .appointments
                .iter()
                .filter(|a| a.citizen_id == citizen)
                .collect(),
            contacts: h
                .contacts
                .iter()
                .filter(|k| k.citizen_id == citizen)
                .collect(),
            exemptions: h
                .exemptions
                .iter()
                .filter(|x| x.citizen_id == citizen)
                .collect(),
            drafts: h
                .drafts
                .iter()
                .filter(|d| d.citizen_id == citizen)
                .collect(),
        }
    }
}

/// The file's series of one citizen to this database's ids (by uuid): those missing here are
/// added as citizen `id`'s; with `take`, those here take the file's columns. Adds to `n` the
/// rows written.
fn merge_series(
    tx: &Connection,
    file: &Part<'_>,
    id: i64,
    take: bool,
    n: &mut u64,
) -> Result<HashMap<i64, i64>> {
    let mut map = HashMap::new();
    for x in &file.series {
        let here: Option<i64> = tx
            .query_row("SELECT id FROM series WHERE uuid = ?1", [&x.uuid], |r| {
                r.get(0)
            })
            .optional()?;
        match here {
            Some(l) => {
                if take {
                    *n += tx.execute(
                        "UPDATE series SET start = ?2, minutes = ?3, channel = ?4, place = ?5,
                            frequency = ?6, until = ?7, count = ?8, on_day_off = ?9, skipped = ?10,
                            deleted = ?11
                         WHERE id = ?1 AND (start, minutes, channel, place, frequency,
                            coalesce(until, ''), coalesce(count, 0), on_day_off, skipped, deleted)
                            IS NOT (?2, ?3, ?4, ?5, ?6, coalesce(?7, ''), coalesce(?8, 0), ?9, ?10, ?11)",
                        params![
                            l,
                            to_db(x.start),
                            x.minutes,
                            x.channel.key(),
                            x.place,
                            super::series_frequency_key(x.frequency),
                            date_text(x.until),
                            x.count,
                            super::series_on_day_off_key(x.on_day_off),
                            super::series::skipped_text(&x.skipped),
                            x.deleted
                        ],
                    )? as u64;
                }
                map.insert(x.id, l);
            }
            None => {
                let new = next_id(tx, "series")?;
                super::export::put_record(
                    tx,
                    Record::Series(SeriesRecord {
                        id: new,
                        citizen_id: id,
                        ..(*x).clone()
                    }),
                )?;
                map.insert(x.id, new);
                *n += 1;
            }
        }
    }
    Ok(map)
}

/// This database's id of a row with this uuid in `table`, if it holds one.
fn id_by_uuid(tx: &Connection, table: &str, uuid: &str) -> Result<Option<i64>> {
    Ok(tx
        .prepare_cached(&format!("SELECT id FROM {table} WHERE uuid = ?1"))?
        .query_row([uuid], |r| r.get(0))
        .optional()?)
}

/// Merges the company side of a hand-over for the citizens in `citizens` (the file's ids to
/// this database's): companies, contact persons, leads, proposals and the proposals' log
/// entries are matched by uuid (a company also by its CVR number) and added when missing; a
/// proposal held on both sides takes the file's outcome when the file's is the later. Returns
/// the rows written.
fn merge_companies(tx: &Connection, h: &Handover, citizens: &HashMap<i64, i64>) -> Result<u64> {
    let mut n = 0u64;
    let proposals: Vec<&ProposalRecord> = h
        .proposals
        .iter()
        .filter(|x| citizens.contains_key(&x.citizen_id))
        .collect();
    if proposals.is_empty() {
        return Ok(0);
    }
    let mut companies: HashMap<i64, i64> = HashMap::new();
    for x in &h.companies {
        let mut here = id_by_uuid(tx, "companies", &x.uuid)?;
        if here.is_none()
            && let Some(cvr) = &x.cvr
        {
            here = tx
                .query_row(
                    "SELECT id FROM companies WHERE cvr = ?1",
                    [cvr.to_string()],
                    |r| r.get(0),
                )
                .optional()?;
        }
        let id = match here {
            Some(id) => id,
            None => {
                let id = next_id(tx, "companies")?;
                super::export::put_record(tx, Record::Company(CompanyRecord { id, ..x.clone() }))?;
                n += 1;
                id
            }
        };
        companies.insert(x.id, id);
    }
    let mut people: HashMap<i64, i64> = HashMap::new();
    for x in &h.company_contacts {
        let Some(&company_id) = companies.get(&x.company_id) else {
            continue;
        };
        let id = match id_by_uuid(tx, "company_contacts", &x.uuid)? {
            Some(id) => id,
            None => {
                let id = next_id(tx, "company_contacts")?;
                super::export::put_record(
                    tx,
                    Record::CompanyContact(CompanyContactRecord {
                        id,
                        company_id,
                        ..x.clone()
                    }),
                )?;
                n += 1;
                id
            }
        };
        people.insert(x.id, id);
    }
    let mut leads: HashMap<i64, i64> = HashMap::new();
    for x in &h.leads {
        let Some(&company_id) = companies.get(&x.company_id) else {
            continue;
        };
        let id = match id_by_uuid(tx, "leads", &x.uuid)? {
            Some(id) => id,
            None => {
                let id = next_id(tx, "leads")?;
                super::export::put_record(
                    tx,
                    Record::Lead(LeadRecord {
                        id,
                        company_id,
                        ..x.clone()
                    }),
                )?;
                n += 1;
                id
            }
        };
        leads.insert(x.id, id);
    }
    let mut props: HashMap<i64, i64> = HashMap::new();
    for x in proposals {
        let (Some(&lead_id), Some(&citizen_id)) =
            (leads.get(&x.lead_id), citizens.get(&x.citizen_id))
        else {
            continue;
        };
        let id = match id_by_uuid(tx, "proposals", &x.uuid)? {
            Some(id) => {
                // The later outcome wins (the file's when it happened after this one's).
                n += tx.execute(
                    "UPDATE proposals SET outcome = json_extract(?1, '$.outcome'),
                        at = json_extract(?1, '$.at'), note = json_extract(?1, '$.note'),
                        deleted = json_extract(?1, '$.deleted')
                     WHERE id = ?2 AND at < json_extract(?1, '$.at')",
                    params![serde_json::to_string(x)?, id],
                )? as u64;
                id
            }
            None => {
                let id = next_id(tx, "proposals")?;
                super::export::put_record(
                    tx,
                    Record::Proposal(ProposalRecord {
                        id,
                        lead_id,
                        citizen_id,
                        ..x.clone()
                    }),
                )?;
                n += 1;
                id
            }
        };
        props.insert(x.id, id);
    }
    for x in &h.company_log {
        let Some(proposal_id) = x.proposal_id.and_then(|p| props.get(&p).copied()) else {
            continue;
        };
        let Some(&company_id) = companies.get(&x.company_id) else {
            continue;
        };
        if id_by_uuid(tx, "company_log", &x.uuid)?.is_some() {
            continue;
        }
        let id = next_id(tx, "company_log")?;
        super::export::put_record(
            tx,
            Record::CompanyLog(CompanyLogRecord {
                id,
                company_id,
                person_id: x.person_id.and_then(|p| people.get(&p).copied()),
                proposal_id: Some(proposal_id),
                citizen_id: x.citizen_id.and_then(|c| citizens.get(&c).copied()),
                ..x.clone()
            }),
        )?;
        n += 1;
    }
    Ok(n)
}

/// Writes the file's rows of one citizen that `here` lacks, as citizen `id`; returns how many.
fn add_rows(tx: &Connection, file: &Part<'_>, id: i64, here: &Part<'_>) -> Result<u64> {
    let mut n = 0u64;
    let series = merge_series(tx, file, id, false, &mut n)?;
    // The file's ids to this database's ids.
    let mut apps: HashMap<i64, i64> = HashMap::new();
    let mut cons: HashMap<i64, i64> = HashMap::new();
    for a in &file.appointments {
        if let Some(l) = here.appointments.iter().find(|l| l.uuid == a.uuid) {
            apps.insert(a.id, l.id);
        }
    }
    for k in &file.contacts {
        if let Some(l) = here.contacts.iter().find(|l| l.uuid == k.uuid) {
            cons.insert(k.id, l.id);
        }
    }
    let mut added_apps = Vec::new();
    for a in &file.appointments {
        if apps.contains_key(&a.id) {
            continue;
        }
        let new = next_id(tx, "appointments")?;
        super::export::put_record(
            tx,
            Record::Appointment(AppointmentRecord {
                id: new,
                citizen_id: id,
                moved_to: None,
                series_id: a.series_id.and_then(|x| series.get(&x).copied()),
                ..(*a).clone()
            }),
        )?;
        apps.insert(a.id, new);
        added_apps.push(*a);
        n += 1;
    }
    for a in added_apps {
        if let Some(to) = a.moved_to.and_then(|t| apps.get(&t)) {
            tx.execute(
                "UPDATE appointments SET moved_to = ?1 WHERE id = ?2",
                params![to, apps.get(&a.id)],
            )?;
        }
    }
    for k in &file.contacts {
        if cons.contains_key(&k.id) {
            continue;
        }
        let new = next_id(tx, "contacts")?;
        super::export::put_record(
            tx,
            Record::Contact(ContactRecord {
                id: new,
                citizen_id: id,
                appointment_id: k.appointment_id.and_then(|a| apps.get(&a).copied()),
                ..(*k).clone()
            }),
        )?;
        cons.insert(k.id, new);
        n += 1;
    }
    for x in &file.exemptions {
        let held = here
            .exemptions
            .iter()
            .any(|l| l.from_date == x.from_date && l.to_date == x.to_date && l.reason == x.reason);
        if held {
            continue;
        }
        let new = next_id(tx, "jobclub_exemptions")?;
        super::export::put_record(
            tx,
            Record::JobclubExemption(JobclubExemptionRecord {
                id: new,
                citizen_id: id,
                ..(*x).clone()
            }),
        )?;
        n += 1;
    }
    for d in &file.drafts {
        let target = match d.kind.as_str() {
            "summary" => Some(id),
            _ => cons.get(&d.target_id).copied(),
        };
        let Some(target) = target else { continue };
        n += tx
            .prepare_cached(
                "INSERT OR IGNORE INTO drafts (kind, target_id, citizen_id, text, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![d.kind, target, id, d.text, to_db(d.updated_at)])? as u64;
    }
    Ok(n)
}

/// Takes the file's details of a citizen and of its rows held on both sides; returns how many
/// rows changed.
fn update_rows(
    tx: &Connection,
    c: &CitizenRecord,
    id: i64,
    file: &Part<'_>,
    here: &Part<'_>,
) -> Result<u64> {
    let mut n = 0u64;
    n += tx.execute(
        "UPDATE citizens SET name = ?1, name_key = ?2, sort_key = ?3, cpr = ?4, phone = ?5,
            email = ?6, target_group = ?7, benefit_start = ?8, mentor = ?9, mentor_goals = ?10,
            mentor_hours = ?11, mentor_until = ?12, summary = ?13, exempt = ?14, archived = ?15,
            absence_start = ?16, address = ?18
         WHERE id = ?17",
        params![
            c.name,
            fold(c.name.trim()),
            danish_sort_key(c.name.trim()),
            c.cpr,
            c.phone,
            c.email,
            c.target_group.key(),
            date_text(c.benefit_start),
            c.mentor,
            c.mentor_goals,
            c.mentor_hours,
            date_text(c.mentor_until),
            c.summary,
            c.exempt,
            c.archived,
            date_text(c.absence_start),
            id,
            c.address
        ],
    )? as u64;
    let series = merge_series(tx, file, id, true, &mut n)?;
    for a in &file.appointments {
        let Some(l) = here.appointments.iter().find(|l| l.uuid == a.uuid) else {
            continue;
        };
        if same_appointment(l, a) {
            continue;
        }
        n += tx.execute(
            "UPDATE appointments SET kind = ?1, start = ?2, minutes = ?3, channel = ?4,
                place = ?5, status = ?6, reason = ?7, deleted = ?8, series_id = ?10,
                occurrence = ?11
             WHERE id = ?9",
            params![
                a.kind.key(),
                to_db(a.start),
                a.minutes,
                a.channel.key(),
                a.place,
                a.status.key(),
                a.reason,
                a.deleted,
                l.id,
                a.series_id.and_then(|x| series.get(&x).copied()),
                a.occurrence.map(to_db)
            ],
        )? as u64;
    }
    for k in &file.contacts {
        let Some(l) = here.contacts.iter().find(|l| l.uuid == k.uuid) else {
            continue;
        };
        if same_contact(l, k) {
            continue;
        }
        n += tx.execute(
            "UPDATE contacts SET at = ?1, channel = ?2, outcome = ?3, minutes = ?4, note = ?5,
                counts = ?6, transferred_at = ?7, feedback_score = ?8, feedback_wish = ?9,
                deleted = ?10
             WHERE id = ?11",
            params![
                to_db(k.at),
                k.channel.key(),
                k.outcome.key(),
                k.minutes,
                k.note,
                k.counts,
                k.transferred_at.map(to_db),
                k.feedback_score,
                k.feedback_wish,
                k.deleted,
                l.id
            ],
        )? as u64;
    }
    Ok(n)
}
