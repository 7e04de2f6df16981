//! Personal data and data safety: revealing a CPR number, erasing a citizen, purging what is
//! past the retention period, the online backup, the integrity check, and encrypting (or
//! re-keying) a database in place. Everything that removes personal data runs with
//! `secure_delete` (set when the database is opened) and ends with a WAL checkpoint that
//! truncates the -wal file, so the removed text is in neither file afterwards.

//!
//! This file: revealing, erasing and purging; `backup.rs`: the backup and the check;
//! `convert.rs`: encrypting or re-keying in place.

mod backup;
mod convert;

pub use backup::{BackupDone, Problem};
pub use convert::Converted;

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension};

use super::audit::{Action, NewAudit, record_audit_on};
use super::open::explain_sqlite;
use super::{Store, no_citizen, refresh_citizen_on};
use crate::domain::dates::{from_db, to_db};
use crate::error::Result;

/// What erasing a citizen removed (or would remove).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Erased {
    pub citizen_id: i64,
    pub appointments: u64,
    pub contacts: u64,
    pub drafts: u64,
    pub closure_calls: u64,
    pub exemptions: u64,
    /// Contacts that carried the citizen's feedback.
    pub feedback: u64,
    /// False when another program kept the database open, so old copies of the removed rows
    /// may stay in the -wal file until it closes.
    pub scrubbed: bool,
}

impl Erased {
    /// Every row removed, the citizen's own included.
    pub fn rows(&self) -> u64 {
        1 + self.appointments + self.contacts + self.drafts + self.closure_calls + self.exemptions
    }
}

/// One citizen that a purge touches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PurgeCitizen {
    pub id: i64,
    pub name: String,
    /// The last contact (or when the citizen was added, if there was none).
    pub last: Option<NaiveDateTime>,
    /// Transferred contacts removed.
    pub contacts: u64,
    /// The citizen goes entirely: archived, nothing left untransferred, nothing planned.
    pub whole: bool,
}

/// What a purge removes (or removed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PurgePlan {
    /// Citizens whose last contact is before this day are past the retention period.
    pub cutoff: NaiveDate,
    pub retention_days: u32,
    pub citizens: Vec<PurgeCitizen>,
    pub scrubbed: bool,
}

impl PurgePlan {
    pub fn contacts(&self) -> u64 {
        self.citizens.iter().map(|c| c.contacts).sum()
    }

    pub fn whole_citizens(&self) -> u64 {
        self.citizens.iter().filter(|c| c.whole).count() as u64
    }

    pub fn is_empty(&self) -> bool {
        self.contacts() == 0 && self.whole_citizens() == 0
    }
}

fn count(conn: &Connection, sql: &str, id: i64) -> Result<u64> {
    let n: i64 = conn.prepare_cached(sql)?.query_row([id], |r| r.get(0))?;
    Ok(n.max(0) as u64)
}

/// `path` with `suffix` added to the file name (`jobdesk.db` → `jobdesk.db-wal`).
pub(crate) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

fn remove_with_companions(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(with_suffix(path, suffix));
    }
}

#[cfg(unix)]
fn sync_dir(path: &Path) {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && let Ok(d) = std::fs::File::open(dir)
    {
        let _ = d.sync_all();
    }
}

#[cfg(not(unix))]
fn sync_dir(_path: &Path) {}

impl Store {
    /// The citizen's CPR number in full, for the card's reveal key. Records the reveal in the
    /// audit log (a CPR number that is not there reveals nothing and is not recorded).
    pub fn reveal_cpr(&mut self, citizen_id: i64, now: NaiveDateTime) -> Result<Option<String>> {
        let cpr: Option<Option<String>> = self
            .conn
            .prepare_cached("SELECT cpr FROM citizens WHERE id = ?1")?
            .query_row([citizen_id], |r| r.get(0))
            .optional()?;
        let Some(cpr) = cpr else {
            return Err(no_citizen(citizen_id));
        };
        if cpr.is_some() {
            self.write(|tx| {
                record_audit_on(
                    tx,
                    &NewAudit::new(now, Action::RevealCpr)
                        .citizen(citizen_id)
                        .rows(1),
                )
            })?;
        }
        Ok(cpr)
    }

    /// What erasing the citizen would remove, for the question before it.
    pub fn erase_preview(&self, citizen_id: i64) -> Result<Erased> {
        self.require_citizen(citizen_id)?;
        erase_counts(&self.conn, citizen_id)
    }

    /// Removes the citizen and everything about them: appointments, contacts (notes and
    /// feedback), drafts, the closure call-list entries and attempts, job-club exemptions. The
    /// audit log keeps only that citizen `id` was erased and how many rows went. With
    /// `secure_delete` and a truncating WAL checkpoint, the name and notes are in neither the
    /// database nor its -wal file afterwards (unless another program holds the database open:
    /// then `scrubbed` is false). The caller asks for confirmation first.
    pub fn erase_citizen(&mut self, citizen_id: i64, now: NaiveDateTime) -> Result<Erased> {
        self.require_citizen(citizen_id)?;
        let mut erased = self.write(|tx| {
            let erased = erase_counts(tx, citizen_id)?;
            tx.prepare_cached("DELETE FROM citizens WHERE id = ?1")?
                .execute([citizen_id])
                .map_err(explain_sqlite)?;
            record_audit_on(
                tx,
                &NewAudit::new(now, Action::Erase)
                    .citizen(citizen_id)
                    .rows(erased.rows()),
            )?;
            Ok(erased)
        })?;
        erased.scrubbed = self.scrub()?;
        Ok(erased)
    }

    /// Copies every page of the -wal file into the database and empties it, so removed rows
    /// (overwritten with zeros by `secure_delete`) leave no old copy behind. Returns false when
    /// another connection kept reading, so the -wal file could not be emptied.
    pub fn scrub(&mut self) -> Result<bool> {
        if self.path.as_os_str() == ":memory:" {
            return Ok(true);
        }
        let busy: i64 = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))
            .map_err(explain_sqlite)?;
        Ok(busy == 0)
    }

    /// What `purge` would remove now: transferred contacts of citizens whose last contact is
    /// more than `retention_days` ago, and archived such citizens entirely when nothing of
    /// theirs is left untransferred or planned. Contacts not yet transferred to the case
    /// system are never purged.
    pub fn purge_plan(&self, now: NaiveDateTime) -> Result<PurgePlan> {
        let cutoff = now.date() - chrono::Duration::days(i64::from(self.retention_days));
        let cutoff_db = to_db(cutoff.and_time(chrono::NaiveTime::MIN));
        let mut st = self.conn.prepare_cached(
            "SELECT c.id, c.name, c.archived,
                    coalesce(max(CASE WHEN k.deleted = 0 THEN k.at END), max(k.at), c.created_at) AS last,
                    count(k.transferred_at),
                    count(k.id) - count(k.transferred_at),
                    (SELECT count(*) FROM appointments a WHERE a.citizen_id = c.id AND a.start >= ?1)
             FROM citizens c LEFT JOIN contacts k ON k.citizen_id = c.id
             WHERE c.last_contact IS NULL OR c.last_contact < ?1
             GROUP BY c.id
             HAVING last < ?1
             ORDER BY last, c.id",
        )?;
        let rows = st.query_map([&cutoff_db], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, bool>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, i64>(4)?,
                r.get::<_, i64>(5)?,
                r.get::<_, i64>(6)?,
            ))
        })?;
        let mut citizens = Vec::new();
        for row in rows {
            let (id, name, archived, last, transferred, pending, planned) = row?;
            let whole = archived && pending == 0 && planned == 0;
            if transferred == 0 && !whole {
                continue;
            }
            citizens.push(PurgeCitizen {
                id,
                name,
                last: from_db(&last),
                contacts: transferred.max(0) as u64,
                whole,
            });
        }
        Ok(PurgePlan {
            cutoff,
            retention_days: self.retention_days,
            citizens,
            scrubbed: true,
        })
    }

    /// How many entries are due for purge (transferred contacts, plus citizens that go
    /// entirely): the desk shows it when it is not 0.
    pub fn purge_due_count(&self, now: NaiveDateTime) -> Result<usize> {
        let plan = self.purge_plan(now)?;
        Ok((plan.contacts() + plan.whole_citizens()) as usize)
    }

    /// Removes what [`Store::purge_plan`] lists, in one transaction, records one audit entry
    /// per citizen, and scrubs the -wal file. Returns what was removed.
    pub fn purge(&mut self, now: NaiveDateTime) -> Result<PurgePlan> {
        let rules = self.rules.clone();
        let sus = self.suspensions.clone();
        let mut plan = self.purge_plan(now)?;
        if plan.is_empty() {
            return Ok(plan);
        }
        self.write(|tx| {
            for c in &plan.citizens {
                if c.whole {
                    tx.prepare_cached("DELETE FROM citizens WHERE id = ?1")?
                        .execute([c.id])
                        .map_err(explain_sqlite)?;
                } else {
                    tx.prepare_cached(
                        "DELETE FROM contacts WHERE citizen_id = ?1 AND transferred_at IS NOT NULL",
                    )?
                    .execute([c.id])
                    .map_err(explain_sqlite)?;
                    refresh_citizen_on(tx, &rules, &sus, c.id)?;
                }
                let rows = c.contacts + u64::from(c.whole);
                record_audit_on(
                    tx,
                    &NewAudit::new(now, Action::Purge)
                        .citizen(c.id)
                        .rows(rows)
                        .detail(if c.whole {
                            "citizen and transferred contacts"
                        } else {
                            "transferred contacts"
                        }),
                )?;
            }
            Ok(())
        })?;
        plan.scrubbed = self.scrub()?;
        Ok(plan)
    }
}

fn erase_counts(conn: &Connection, id: i64) -> Result<Erased> {
    Ok(Erased {
        citizen_id: id,
        appointments: count(
            conn,
            "SELECT count(*) FROM appointments WHERE citizen_id = ?1",
            id,
        )?,
        contacts: count(
            conn,
            "SELECT count(*) FROM contacts WHERE citizen_id = ?1",
            id,
        )?,
        drafts: count(
            conn,
            "SELECT count(*) FROM drafts WHERE citizen_id = ?1",
            id,
        )?,
        closure_calls: count(
            conn,
            "SELECT count(*) FROM closure_calls WHERE citizen_id = ?1",
            id,
        )?,
        exemptions: count(
            conn,
            "SELECT count(*) FROM jobclub_exemptions WHERE citizen_id = ?1",
            id,
        )?,
        feedback: count(
            conn,
            "SELECT count(*) FROM contacts WHERE citizen_id = ?1 AND (feedback_score IS NOT NULL OR feedback_wish != '')",
            id,
        )?,
        scrubbed: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Channel, NewCitizen, NewContact, Outcome, TargetGroup};

    fn t(y: i32, m: u32, d: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(10, 0, 0)
            .unwrap()
    }

    fn citizen(s: &mut Store, name: &str, archived: bool) -> i64 {
        s.add_citizen(&NewCitizen {
            name: name.into(),
            cpr: None,
            phone: String::new(),
            email: String::new(),
            target_group: Some(TargetGroup::Dagpenge),
            benefit_start: None,
            mentor: false,
            summary: String::new(),
            archived,
            absence_start: None,
        })
        .unwrap()
    }

    fn contact(s: &mut Store, citizen_id: i64, at: NaiveDateTime, transferred: bool) -> i64 {
        let id = s
            .add_contact(&NewContact {
                uuid: uuid::Uuid::new_v4().to_string(),
                citizen_id,
                appointment_id: None,
                at,
                channel: Channel::Phone,
                outcome: Outcome::Held,
                minutes: 20,
                note: "note".into(),
                counts: true,
            })
            .unwrap();
        if transferred {
            s.apply(&[crate::store::Change::ContactTransferred { id, at: Some(at) }])
                .unwrap();
        }
        id
    }

    #[test]
    fn purge_takes_only_transferred_contacts_past_the_period() {
        let mut s = Store::open_in_memory().unwrap();
        let now = t(2026, 11, 23);
        // Last contact 3 years ago, all transferred, archived: goes entirely.
        let old_archived = citizen(&mut s, "Gammel Arkiveret", true);
        contact(&mut s, old_archived, t(2023, 6, 1), true);
        // Last contact 3 years ago, one not transferred: only the transferred one goes.
        let old_pending = citizen(&mut s, "Gammel Ventende", true);
        contact(&mut s, old_pending, t(2023, 5, 1), true);
        contact(&mut s, old_pending, t(2023, 6, 1), false);
        // Recent contact: the old transferred one stays too (the period runs from the last).
        let recent = citizen(&mut s, "Ny Borger", false);
        contact(&mut s, recent, t(2023, 1, 1), true);
        contact(&mut s, recent, t(2026, 10, 1), true);

        let plan = s.purge_plan(now).unwrap();
        assert_eq!(plan.cutoff, NaiveDate::from_ymd_opt(2024, 11, 23).unwrap());
        assert_eq!(plan.contacts(), 2);
        assert_eq!(plan.whole_citizens(), 1);
        assert_eq!(s.purge_due_count(now).unwrap(), 3);

        let done = s.purge(now).unwrap();
        assert_eq!(done.contacts(), 2);
        assert!(s.citizen(old_archived).is_err());
        assert!(s.citizen(old_pending).is_ok());
        assert_eq!(s.count(crate::store::Table::Contacts).unwrap(), 3);
        assert_eq!(s.purge_due_count(now).unwrap(), 0);
        let audit = s.audit(&crate::store::AuditFilter::default()).unwrap();
        assert_eq!(audit.len(), 2);
        assert!(audit.iter().all(|e| e.action == Action::Purge));

        // The period runs from the last contact: 60 days keep both of the recent citizen's
        // contacts (the last is 53 days old), 30 days reach both.
        s.set_retention_days(60);
        assert_eq!(s.purge_due_count(now).unwrap(), 0);
        s.set_retention_days(30);
        assert_eq!(s.purge_due_count(now).unwrap(), 2);
    }

    #[test]
    fn reveal_is_audited_and_erase_removes_everything() {
        let mut s = Store::open_in_memory().unwrap();
        let now = t(2026, 11, 23);
        let id = s
            .add_citizen(&NewCitizen {
                name: "Karen Hemmelig".into(),
                cpr: Some("231190-1234".into()),
                phone: String::new(),
                email: String::new(),
                target_group: Some(TargetGroup::Sygedagpenge),
                benefit_start: None,
                mentor: false,
                summary: "Helbred".into(),
                archived: false,
                absence_start: None,
            })
            .unwrap();
        let other = citizen(&mut s, "Anden Borger", false);
        contact(&mut s, id, t(2026, 11, 20), false);
        contact(&mut s, other, t(2026, 11, 20), false);
        assert_eq!(
            s.reveal_cpr(id, now).unwrap().as_deref(),
            Some("231190-1234")
        );
        assert_eq!(s.reveal_cpr(other, now).unwrap(), None);
        assert!(s.reveal_cpr(999, now).is_err());
        let preview = s.erase_preview(id).unwrap();
        assert_eq!(preview.contacts, 1);
        let erased = s.erase_citizen(id, now).unwrap();
        assert_eq!(erased.rows(), 2);
        assert!(s.citizen(id).is_err());
        assert!(s.citizen(other).is_ok());
        assert_eq!(s.count(crate::store::Table::Contacts).unwrap(), 1);
        let audit = s
            .audit(&crate::store::AuditFilter {
                citizen_id: Some(id),
            })
            .unwrap();
        let actions: Vec<Action> = audit.iter().map(|e| e.action).collect();
        assert_eq!(actions, vec![Action::RevealCpr, Action::Erase]);
        assert!(s.erase_citizen(id, now).is_err());
    }
}
