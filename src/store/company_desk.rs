//! What the desk's Companies pane reads: a window of companies with the number of their open
//! leads, a window of leads with the number of their proposals, and their counts, each in one
//! or two statements (the pane re-reads on every key that moves the window, with thousands of
//! companies and tens of thousands of leads).

use rusqlite::params_from_iter;
use rusqlite::types::Value;

use super::Store;
use crate::domain::company::{Company, Lead};
use crate::domain::text::fold;
use crate::error::Result;

/// A company as the pane lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct CompanyRow {
    pub company: Company,
    /// Its open leads.
    pub open_leads: usize,
}

/// A lead as the pane lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct LeadRow {
    pub lead: Lead,
    /// Its live proposals.
    pub proposals: usize,
}

/// The folded words of a filter line and the SQL that finds them all in `cols`.
fn words(text: &str, cols: &[&str], args: &mut Vec<Value>) -> String {
    let mut cond = String::new();
    for w in fold(text).split_whitespace() {
        args.push(Value::Text(w.to_string()));
        let n = args.len();
        let any: Vec<String> = cols
            .iter()
            .map(|c| format!("instr({c}, ?{n}) > 0"))
            .collect();
        cond.push_str(&format!(" AND ({})", any.join(" OR ")));
    }
    cond
}

const COMPANY_WORDS: &[&str] = &["name_key", "coalesce(cvr, '')", "fold(industry)"];
const LEAD_WORDS: &[&str] = &["fold(l.title)", "fold(l.skills)", "co.name_key"];

/// The open leads with a deadline, by deadline (the index on status and deadline gives this
/// order without sorting), then those without one.
const OPEN_DATED: &str = "FROM leads l JOIN companies co ON co.id = l.company_id
     WHERE l.deleted = 0 AND co.deleted = 0 AND l.status = 'open' AND l.deadline IS NOT NULL";
const OPEN_UNDATED: &str = "FROM leads l JOIN companies co ON co.id = l.company_id
     WHERE l.deleted = 0 AND co.deleted = 0 AND l.status = 'open' AND l.deadline IS NULL";

impl Store {
    /// The open leads from `offset` on, in the order of [`Store::leads`] (deadline, none last,
    /// then id), read through the index: a window far down the list costs no sort of them all.
    fn open_leads_window(&self, offset: usize, limit: usize) -> Result<Vec<Lead>> {
        let ids = |sql: String, offset: usize, limit: usize| -> Result<Vec<i64>> {
            let mut st = self.conn.prepare_cached(&sql)?;
            let rows = st.query_map([limit as i64, offset as i64], |r| r.get(0))?;
            Ok(rows.collect::<rusqlite::Result<Vec<i64>>>()?)
        };
        let mut v = ids(
            format!("SELECT l.id {OPEN_DATED} ORDER BY l.deadline, l.id LIMIT ?1 OFFSET ?2"),
            offset,
            limit,
        )?;
        if v.len() < limit {
            // Past the dated ones: how many there are (counted only when the window is past
            // them all).
            let dated = if v.is_empty() {
                let n: i64 = self
                    .conn
                    .prepare_cached(&format!("SELECT count(*) {OPEN_DATED}"))?
                    .query_row([], |r| r.get(0))?;
                n.max(0) as usize
            } else {
                offset + v.len()
            };
            v.extend(ids(
                format!("SELECT l.id {OPEN_UNDATED} ORDER BY l.id LIMIT ?1 OFFSET ?2"),
                offset.saturating_sub(dated),
                limit - v.len(),
            )?);
        }
        v.into_iter().map(|id| self.lead(id)).collect()
    }

    /// How many live companies the pane's filter finds.
    pub fn desk_company_count(&self, text: &str) -> Result<usize> {
        let mut args = Vec::new();
        let cond = words(text, COMPANY_WORDS, &mut args);
        let n: i64 = self
            .conn
            .prepare_cached(&format!(
                "SELECT count(*) FROM companies WHERE deleted = 0{cond}"
            ))?
            .query_row(params_from_iter(args), |r| r.get(0))?;
        Ok(n.max(0) as usize)
    }

    /// The companies from `offset` on (at most `limit`), in Danish alphabetical order, each
    /// with its number of open leads.
    pub fn desk_companies(
        &self,
        text: &str,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<CompanyRow>> {
        let companies = self.companies(&super::CompanyFilter {
            text: text.to_string(),
            limit: Some(limit),
            offset,
        })?;
        let mut out = Vec::with_capacity(companies.len());
        let mut st = self.conn.prepare_cached(
            "SELECT count(*) FROM leads WHERE company_id = ?1 AND deleted = 0 AND status = 'open'",
        )?;
        for company in companies {
            let n: i64 = st.query_row([company.id], |r| r.get(0))?;
            out.push(CompanyRow {
                company,
                open_leads: n.max(0) as usize,
            });
        }
        Ok(out)
    }

    /// How many live leads the pane's filter finds (`open_only`: only open ones).
    pub fn desk_lead_count(&self, text: &str, open_only: bool) -> Result<usize> {
        let mut args = Vec::new();
        let mut cond = words(text, LEAD_WORDS, &mut args);
        if open_only {
            cond.push_str(" AND l.status = 'open'");
        }
        let n: i64 = self
            .conn
            .prepare_cached(&format!(
                "SELECT count(*) FROM leads l JOIN companies co ON co.id = l.company_id
                 WHERE l.deleted = 0 AND co.deleted = 0{cond}"
            ))?
            .query_row(params_from_iter(args), |r| r.get(0))?;
        Ok(n.max(0) as usize)
    }

    /// The leads from `offset` on (at most `limit`) in the order of [`Store::leads`], each with
    /// its number of live proposals.
    pub fn desk_leads(
        &self,
        text: &str,
        open_only: bool,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<LeadRow>> {
        let leads = if open_only && text.trim().is_empty() {
            self.open_leads_window(offset, limit)?
        } else {
            self.leads(&super::LeadFilter {
                company_id: None,
                open_only,
                text: text.to_string(),
                limit: Some(limit),
                offset,
            })?
        };
        let mut out = Vec::with_capacity(leads.len());
        let mut st = self
            .conn
            .prepare_cached("SELECT count(*) FROM proposals WHERE lead_id = ?1 AND deleted = 0")?;
        for lead in leads {
            let n: i64 = st.query_row([lead.id], |r| r.get(0))?;
            out.push(LeadRow {
                lead,
                proposals: n.max(0) as usize,
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::company::{LeadKind, LeadStatus, NewCompany, NewLead};
    use crate::store::{LeadFilter, Store};

    /// The pane's window of open leads (read through the index) is the same list, in the same
    /// order, as the store's list of open leads, wherever it starts.
    #[test]
    fn the_open_leads_window_is_the_store_s_order() {
        let mut s = Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
        let c = s
            .add_company(&NewCompany {
                name: "Bager Hansen".into(),
                ..Default::default()
            })
            .unwrap_or_else(|e| panic!("{e}"));
        for i in 0..23 {
            let status = if i % 5 == 0 {
                LeadStatus::Filled
            } else {
                LeadStatus::Open
            };
            s.add_lead(&NewLead {
                company_id: c,
                kind: LeadKind::Job,
                title: format!("Plads {i}"),
                hours: None,
                start: None,
                deadline: if i % 3 == 0 {
                    None
                } else {
                    chrono::NaiveDate::from_ymd_opt(2026, 12, 1 + (i * 7) % 28)
                },
                target_groups: Vec::new(),
                skills: String::new(),
                status,
            })
            .unwrap_or_else(|e| panic!("{e}"));
        }
        let all: Vec<i64> = s
            .leads(&LeadFilter {
                open_only: true,
                ..Default::default()
            })
            .unwrap_or_else(|e| panic!("{e}"))
            .iter()
            .map(|l| l.id)
            .collect();
        assert_eq!(all.len(), s.desk_lead_count("", true).unwrap_or(0));
        for offset in 0..all.len() + 2 {
            let got: Vec<i64> = s
                .desk_leads("", true, offset, 4)
                .unwrap_or_else(|e| panic!("{e}"))
                .iter()
                .map(|r| r.lead.id)
                .collect();
            let want: Vec<i64> = all.iter().skip(offset).take(4).copied().collect();
            assert_eq!(got, want, "from {offset}");
        }
    }
}
