//! Citizens: the caseload.

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{Row, params, params_from_iter};

use super::{Store, no_citizen};
use crate::domain::dates::from_db;
use crate::domain::filter::Filter;
use crate::domain::text::{danish_sort_key, fold};
use crate::domain::{Citizen, NewCitizen, TargetGroup, Word};
use crate::error::Result;

/// Which citizens a list shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CitizenFilter {
    pub include_archived: bool,
    /// The filter line as typed: words (found in the name, phone or target group) and
    /// terms (`gruppe:…`, `overskredet`, `mentor`, `kanal:…`), read with [`Filter::parse`].
    pub text: String,
}

impl CitizenFilter {
    /// The filter line's words and terms.
    pub fn terms(&self) -> Filter {
        Filter::parse(&self.text)
    }
}

/// Where a filter's words and terms look in one kind of list: SQL expressions of the row.
pub(crate) struct Look<'a> {
    /// The citizen's id, folded name, phone, target group, mentor flag (a truth value) and next
    /// due date.
    pub id: &'a str,
    pub name_key: &'a str,
    pub phone: &'a str,
    pub group: &'a str,
    pub mentor: &'a str,
    pub next_due: &'a str,
    /// Text columns a word is also looked for in (folded with the SQL function `fold`).
    pub notes: &'a [&'a str],
    /// The row's channel; `None` in lists of citizens, where `kanal:` selects those with a
    /// planned appointment on that channel from today on.
    pub channel: Option<&'a str>,
}

/// Appends the conditions of `f` to a WHERE clause, numbering its arguments after those in
/// `args`. Each word must be found in the name, the phone number (its digits), the target group's
/// name or a note; the name comes first, so a row whose name matches is judged from the
/// caseload's covering index alone.
pub(crate) fn filter_conditions(
    f: &Filter,
    look: &Look<'_>,
    today: NaiveDate,
    cond: &mut String,
    args: &mut Vec<Value>,
) {
    let mut arg = |v: Value| {
        args.push(v);
        format!("?{}", args.len())
    };
    for w in &f.words {
        let p = arg(Value::Text(w.clone()));
        let mut any = vec![format!("instr({}, {p}) > 0", look.name_key)];
        let digits: String = w.chars().filter(char::is_ascii_digit).collect();
        if !digits.is_empty() {
            let d = arg(Value::Text(digits));
            any.push(format!(
                "instr(replace(replace({}, ' ', ''), '-', ''), {d}) > 0",
                look.phone
            ));
        }
        let groups = Filter::groups_named(w);
        if !groups.is_empty() {
            let list: Vec<String> = groups
                .iter()
                .map(|g| arg(Value::Text(g.key().to_string())))
                .collect();
            any.push(format!("{} IN ({})", look.group, list.join(", ")));
        }
        for n in look.notes {
            any.push(format!("instr(fold({n}), {p}) > 0"));
        }
        cond.push_str(&format!(" AND ({})", any.join(" OR ")));
    }
    if let Some(g) = f.group {
        let p = arg(Value::Text(g.key().to_string()));
        cond.push_str(&format!(" AND {} = {p}", look.group));
    }
    if f.overdue {
        let p = arg(Value::Text(today.format("%Y-%m-%d").to_string()));
        cond.push_str(&format!(" AND {} < {p}", look.next_due));
    }
    if f.mentor {
        cond.push_str(&format!(" AND ({})", look.mentor));
    }
    if let Some(c) = f.channel {
        let p = arg(Value::Text(c.key().to_string()));
        match look.channel {
            Some(col) => cond.push_str(&format!(" AND {col} = {p}")),
            None => {
                let t = arg(Value::Text(today.format("%Y-%m-%d").to_string()));
                cond.push_str(&format!(
                    " AND EXISTS (SELECT 1 FROM appointments fa WHERE fa.citizen_id = {} \
                     AND fa.deleted = 0 AND fa.status = 'planned' AND fa.channel = {p} \
                     AND fa.start >= {t})",
                    look.id
                ));
            }
        }
    }
}

/// Where the filter looks in the citizens table itself (no alias). Not in the summary: folding
/// every summary on each keystroke costs thirty times the rest, while name, phone, group, mentor
/// and next_due are read from the covering index `citizens_active_search` alone.
const CITIZENS: Look<'static> = Look {
    id: "citizens.id",
    name_key: "name_key",
    phone: "phone",
    group: "target_group",
    mentor: "mentor = 1",
    next_due: "next_due",
    notes: &[],
    channel: None,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CitizenOrder {
    #[default]
    Name,
    /// Most urgent first: overdue, then soonest due, then those with nothing due.
    Due,
}

const COLS: &str = "id, name, cpr, phone, email, target_group, benefit_start, mentor, summary, \
                    exempt, archived, last_contact, next_due, pace_due, absence_start, address, \
                    requested, jobclub";

pub(crate) fn citizen_from_row(r: &Row<'_>) -> rusqlite::Result<Citizen> {
    let group: String = r.get(5)?;
    let date = |s: Option<String>| s.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok());
    Ok(Citizen {
        id: r.get(0)?,
        name: r.get(1)?,
        cpr: r.get(2)?,
        phone: r.get(3)?,
        email: r.get(4)?,
        target_group: TargetGroup::parse(&group).unwrap_or(TargetGroup::Other),
        benefit_start: date(r.get(6)?),
        mentor: r.get(7)?,
        summary: r.get(8)?,
        exempt: r.get(9)?,
        archived: r.get(10)?,
        last_contact: r.get::<_, Option<String>>(11)?.and_then(|s| from_db(&s)),
        next_due: date(r.get(12)?),
        pace_due: date(r.get(13)?),
        absence_start: date(r.get(14)?),
        address: r.get(15)?,
        requested: date(r.get(16)?),
        jobclub: r.get(17)?,
    })
}

impl Store {
    /// Adds one citizen and returns the id.
    pub fn add_citizen(&mut self, c: &NewCitizen) -> Result<i64> {
        let rules = self.rules.clone();
        let sus = self.suspensions.clone();
        let created = crate::domain::dates::to_db(self.clock.now());
        self.write(|tx| {
            let id = insert_citizen(tx, c, &created)?;
            super::refresh_citizen_on(tx, &rules, &sus, id)?;
            Ok(id)
        })
    }

    /// Adds many citizens in one transaction (all or nothing); returns their ids.
    pub fn add_citizens(&mut self, list: &[NewCitizen]) -> Result<Vec<i64>> {
        let rules = self.rules.clone();
        let sus = self.suspensions.clone();
        let created = crate::domain::dates::to_db(self.clock.now());
        self.write(|tx| {
            let mut ids = Vec::with_capacity(list.len());
            for c in list {
                let id = insert_citizen(tx, c, &created)?;
                super::refresh_citizen_on(tx, &rules, &sus, id)?;
                ids.push(id);
            }
            Ok(ids)
        })
    }

    /// [`Store::add_citizens`] with the audit entry of the import, in the same transaction;
    /// `addresses[i]`, when given, is the address of `list[i]`.
    pub fn add_citizens_audited(
        &mut self,
        list: &[NewCitizen],
        addresses: &[Option<String>],
        audit: &super::NewAudit,
    ) -> Result<Vec<i64>> {
        let rules = self.rules.clone();
        let sus = self.suspensions.clone();
        let created = crate::domain::dates::to_db(self.clock.now());
        self.write(|tx| {
            let mut ids = Vec::with_capacity(list.len());
            for (i, c) in list.iter().enumerate() {
                let id = insert_citizen(tx, c, &created)?;
                if let Some(a) = addresses.get(i).and_then(|a| a.as_deref()) {
                    tx.execute(
                        "UPDATE citizens SET address = ?2 WHERE id = ?1",
                        params![id, a],
                    )?;
                }
                super::refresh_citizen_on(tx, &rules, &sus, id)?;
                ids.push(id);
            }
            super::record_audit_on(tx, audit)?;
            Ok(ids)
        })
    }

    pub fn citizen(&self, id: i64) -> Result<Citizen> {
        let sql = format!("SELECT {COLS} FROM citizens WHERE id = ?1");
        self.conn
            .query_row(&sql, [id], citizen_from_row)
            .map_err(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => no_citizen(id),
                e => e.into(),
            })
    }

    /// Citizens in name order (or due order), a window of `limit` rows from `offset`.
    pub fn citizens(
        &self,
        filter: &CitizenFilter,
        order: CitizenOrder,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<Citizen>> {
        let order_sql = match order {
            CitizenOrder::Name => "sort_key, id",
            CitizenOrder::Due => "next_due IS NULL, next_due, sort_key, id",
        };
        let (cond, mut args) = conditions(filter, self.today());
        let n = args.len();
        args.push(Value::Integer(limit.min(i64::MAX as usize) as i64));
        args.push(Value::Integer(offset.min(i64::MAX as usize) as i64));
        let sql = format!(
            "SELECT {COLS} FROM citizens WHERE {cond} ORDER BY {order_sql} LIMIT ?{} OFFSET ?{}",
            n + 1,
            n + 2
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(params_from_iter(args), citizen_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn count_citizens(&self, filter: &CitizenFilter) -> Result<usize> {
        let (cond, args) = conditions(filter, self.today());
        let n: i64 = self
            .conn
            .prepare_cached(&format!("SELECT count(*) FROM citizens WHERE {cond}"))?
            .query_row(params_from_iter(args), |r| r.get(0))?;
        Ok(n as usize)
    }

    /// Active citizens whose next conversation is due on or before `until` (the legal deadline,
    /// or the pace towards it when that comes first), by legal deadline (overdue first),
    /// that the filter line `text` lets through (see [`Filter`]); a window of `limit` from
    /// `offset`. Citizens who asked for a conversation ([`Citizen::requested`]) are in it
    /// whatever their deadline, first, until one is planned.
    ///
    /// [`Citizen::requested`]: crate::domain::Citizen::requested
    pub fn due_citizens(
        &self,
        until: NaiveDate,
        text: &str,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<Citizen>> {
        let (cond, mut args) = due_conditions(until, text, self.today());
        let n = args.len();
        args.push(Value::Integer(limit.min(i64::MAX as usize) as i64));
        args.push(Value::Integer(offset.min(i64::MAX as usize) as i64));
        let sql = format!(
            "SELECT {COLS} FROM citizens WHERE {cond}
             ORDER BY requested IS NULL, next_due, sort_key, id LIMIT ?{} OFFSET ?{}",
            n + 1,
            n + 2
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(params_from_iter(args), citizen_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn count_due(&self, until: NaiveDate, text: &str) -> Result<usize> {
        let (cond, args) = due_conditions(until, text, self.today());
        let n: i64 = self
            .conn
            .prepare_cached(&format!("SELECT count(*) FROM citizens WHERE {cond}"))?
            .query_row(params_from_iter(args), |r| r.get(0))?;
        Ok(n as usize)
    }

    /// Today by the store's clock: what `overskredet` is measured against.
    pub(crate) fn today(&self) -> NaiveDate {
        self.clock.now().date()
    }

    /// How many active citizens are overdue (due before `today`).
    pub fn count_overdue(&self, today: NaiveDate) -> Result<usize> {
        let n: i64 = self.conn.prepare_cached(
            "SELECT count(*) FROM citizens WHERE archived = 0 AND next_due IS NOT NULL AND next_due < ?1",
        )?
        .query_row([today.format("%Y-%m-%d").to_string()], |r| r.get(0))?;
        Ok(n as usize)
    }

    /// Sets (or clears) a citizen's first day of absence and recomputes the due dates.
    pub fn set_absence_start(&mut self, id: i64, day: Option<NaiveDate>) -> Result<()> {
        self.require_citizen(id)?;
        let rules = self.rules.clone();
        let sus = self.suspensions.clone();
        self.write(|tx| {
            tx.execute(
                "UPDATE citizens SET absence_start = ?2 WHERE id = ?1",
                params![id, day.map(|d| d.format("%Y-%m-%d").to_string())],
            )?;
            super::refresh_citizen_on(tx, &rules, &sus, id)?;
            Ok(())
        })
    }

    /// Sets (or, empty, clears) a citizen's address.
    pub fn set_address(&mut self, id: i64, address: Option<&str>) -> Result<()> {
        self.require_citizen(id)?;
        let address = address.map(str::trim).filter(|a| !a.is_empty());
        self.write(|tx| {
            tx.execute(
                "UPDATE citizens SET address = ?2 WHERE id = ?1",
                params![id, address],
            )?;
            Ok(())
        })
    }

    /// A citizen's address, if one is known.
    pub fn address(&self, id: i64) -> Result<Option<String>> {
        self.require_citizen(id)?;
        let a: Option<String> =
            self.conn
                .query_row("SELECT address FROM citizens WHERE id = ?1", [id], |r| {
                    r.get(0)
                })?;
        Ok(a.filter(|a| !a.trim().is_empty()))
    }

    /// Whether the citizen's next counting conversation is the first one: none that counts since
    /// the count started (the first day of absence for sygedagpenge, else the benefit start).
    /// The first conversation must be held in person ([`crate::domain::minimum::first_needs_in_person`]).
    pub fn is_first_conversation(&self, citizen_id: i64) -> Result<bool> {
        let c = self.citizen(citizen_id)?;
        let from = crate::domain::cadence::counting_start(
            c.target_group,
            c.benefit_start,
            c.absence_start,
        )
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default();
        let any: bool = self
            .conn
            .prepare_cached(
                "SELECT EXISTS(SELECT 1 FROM contacts WHERE citizen_id = ?1 AND counts = 1 \
                 AND deleted = 0 AND at >= ?2)",
            )?
            .query_row(params![citizen_id, from], |r| r.get(0))?;
        Ok(!any)
    }

    /// Sets whether one log entry counts toward the minimum (a first conversation by phone that
    /// the consultant did not confirm) and recomputes the citizen's due dates.
    pub fn set_contact_counts(&mut self, contact_id: i64, counts: bool) -> Result<()> {
        let rules = self.rules.clone();
        let sus = self.suspensions.clone();
        self.write(|tx| {
            let citizen: i64 = tx.query_row(
                "SELECT citizen_id FROM contacts WHERE id = ?1",
                [contact_id],
                |r| r.get(0),
            )?;
            tx.execute(
                "UPDATE contacts SET counts = ?2 WHERE id = ?1",
                params![contact_id, counts],
            )?;
            super::refresh_citizen_on(tx, &rules, &sus, citizen)?;
            Ok(())
        })
    }

    /// Fails with the contract's message unless the citizen exists.
    pub fn require_citizen(&self, id: i64) -> Result<()> {
        let found: bool = self
            .conn
            .prepare_cached("SELECT EXISTS(SELECT 1 FROM citizens WHERE id = ?1)")?
            .query_row([id], |r| r.get(0))?;
        if found { Ok(()) } else { Err(no_citizen(id)) }
    }

    /// The id of the citizen with this CPR number, if any.
    pub fn citizen_by_cpr(&self, cpr: &str) -> Result<Option<i64>> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .prepare_cached("SELECT id FROM citizens WHERE cpr = ?1")?
            .query_row([cpr], |r| r.get(0))
            .optional()?)
    }
}

/// The WHERE clause of a filter and its arguments, with only the conditions that apply (so
/// that `archived = 0` reaches the covering index on `(archived, sort_key, …)`).
fn conditions(f: &CitizenFilter, today: NaiveDate) -> (String, Vec<Value>) {
    let mut cond = String::from("1");
    let mut args: Vec<Value> = Vec::new();
    if !f.include_archived {
        cond.push_str(" AND archived = 0");
    }
    filter_conditions(&f.terms(), &CITIZENS, today, &mut cond, &mut args);
    (cond, args)
}

/// Where the filter looks in the due list: the caseload's columns and the address (the due list
/// reads each due citizen's row anyway, for the pace).
const DUE: Look<'static> = Look {
    notes: &["address"],
    ..CITIZENS
};

/// The WHERE clause of the due list: active, due on or before `until`, and the filter line.
fn due_conditions(until: NaiveDate, text: &str, today: NaiveDate) -> (String, Vec<Value>) {
    // Due: the legal deadline, or the pace towards it when that comes first ("bagud"); or the
    // citizen asked for a conversation and none is planned yet.
    let mut cond = String::from(
        "archived = 0 AND ((next_due IS NOT NULL AND min(next_due, coalesce(pace_due, next_due)) <= ?1) OR requested IS NOT NULL)",
    );
    let mut args = vec![Value::Text(until.format("%Y-%m-%d").to_string())];
    filter_conditions(&Filter::parse(text), &DUE, today, &mut cond, &mut args);
    (cond, args)
}

pub(crate) fn insert_citizen(
    tx: &rusqlite::Connection,
    c: &NewCitizen,
    created: &str,
) -> Result<i64> {
    let name = c.name.trim();
    if name.is_empty() {
        return Err(super::Error::NameMissing.into());
    }
    super::Error::check_length(crate::domain::limits::Text::Name, name)?;
    super::Error::check_length(crate::domain::limits::Text::Summary, &c.summary)?;
    let group = c.target_group.unwrap_or(TargetGroup::Other);
    let mut st = tx.prepare_cached(
        "INSERT INTO citizens (name, name_key, sort_key, cpr, phone, email, target_group,
                               benefit_start, mentor, summary, archived, created_at, absence_start)
         VALUES (?1, ?2, ?12, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?13)",
    )?;
    st.execute(params![
        name,
        fold(name),
        c.cpr,
        c.phone,
        c.email,
        group.key(),
        c.benefit_start.map(|d| d.format("%Y-%m-%d").to_string()),
        c.mentor,
        c.summary,
        c.archived,
        created,
        danish_sort_key(name),
        c.absence_start.map(|d| d.format("%Y-%m-%d").to_string()),
    ])
    .map_err(|e| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::ConstraintViolation) if c.cpr.is_some() => {
            super::Error::DuplicateCpr {
                masked: crate::domain::cpr::mask_cpr(c.cpr.as_deref().unwrap_or("")),
            }
            .into()
        }
        _ => super::open::explain_sqlite(e),
    })?;
    let id = tx.last_insert_rowid();
    // Registered while a closure is open: on its call list too ("ny under nedlukningen").
    super::closures::join_open_closure_on(tx, id)?;
    Ok(id)
}
