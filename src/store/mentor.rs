//! Mentor hours: the minutes of held mentor contacts set against the agreement's hours a week.
//!
//! A mentor contact is a contact that took place (held, or reached when logged without an
//! appointment: `log add --outcome reached`) and is either logged on a mentor visit appointment
//! or on a mentor channel (home visit, walk, workplace).
//!
//! How a month's agreed hours are counted: hours a week × the month's weeks, where a week (Monday
//! to Sunday) belongs to the month that holds its Thursday (as ISO 8601 weeks belong to years),
//! so November 2026 has 4 weeks and December 2026 has 5. A week that starts after the agreement's
//! last day does not count. The used hours are the minutes logged in the calendar month.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};
use rusqlite::params;

use super::Store;
use crate::domain::Channel;
use crate::domain::Word;
use crate::domain::dates::week_start;
use crate::error::Result;

/// What marks a contact `k` (joined to its appointment `a`) as a held mentor contact.
const MENTOR_CONTACT: &str = "k.outcome IN ('held', 'reached') \
     AND (a.kind = 'mentor_visit' OR k.channel IN ('home_visit', 'walk', 'workplace'))";

/// A citizen's mentor month: the agreement and what was used of it.
#[derive(Debug, Clone, PartialEq)]
pub struct MentorMonth {
    pub citizen_id: i64,
    pub name: String,
    /// The agreement's hours a week (0 when none are set).
    pub hours_per_week: f64,
    pub until: Option<NaiveDate>,
    /// The weeks of the month that count (see the module's note).
    pub weeks: u32,
    /// Agreed minutes: hours a week × weeks.
    pub agreed_minutes: i64,
    /// Minutes of held mentor contacts in the calendar month.
    pub used_minutes: i64,
    /// Held mentor contacts in the month by channel.
    pub visits: BTreeMap<Channel, u32>,
}

/// The first day of the month that holds `d`.
pub fn month_start(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

/// The last day of the month that holds `d`.
pub fn month_end(d: NaiveDate) -> NaiveDate {
    let first = month_start(d);
    let next = if first.month() == 12 {
        NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)
    };
    next.map(|n| n - Duration::days(1)).unwrap_or(first)
}

/// The Mondays of the weeks that belong to the month holding `d` (their Thursday is in it).
pub fn month_weeks(d: NaiveDate) -> Vec<NaiveDate> {
    let (first, last) = (month_start(d), month_end(d));
    let mut monday = week_start(first);
    let mut out = Vec::new();
    while monday <= last {
        let thursday = monday + Duration::days(3);
        if thursday >= first && thursday <= last {
            out.push(monday);
        }
        monday += Duration::days(7);
    }
    out
}

/// The weeks of the month holding `d` that count for an agreement ending on `until`.
pub fn agreed_weeks(d: NaiveDate, until: Option<NaiveDate>) -> u32 {
    month_weeks(d)
        .into_iter()
        .filter(|m| until.is_none_or(|u| *m <= u))
        .count() as u32
}

/// Minutes from hours (rounded to the minute).
pub fn hours_to_minutes(h: f64) -> i64 {
    (h * 60.0).round() as i64
}

fn day_start(d: NaiveDate) -> String {
    format!("{}T00:00", d.format("%Y-%m-%d"))
}

impl Store {
    /// Minutes of held mentor contacts with the citizen from `from` to `to` (both days included).
    pub fn mentor_hours(&self, citizen_id: i64, from: NaiveDate, to: NaiveDate) -> Result<i64> {
        let sql = format!(
            "SELECT coalesce(sum(k.minutes), 0) FROM contacts k \
             LEFT JOIN appointments a ON a.id = k.appointment_id \
             WHERE k.citizen_id = ?1 AND k.at >= ?2 AND k.at < ?3 AND {MENTOR_CONTACT}"
        );
        Ok(self.conn.prepare_cached(&sql)?.query_row(
            params![
                citizen_id,
                day_start(from),
                day_start(to + Duration::days(1))
            ],
            |r| r.get(0),
        )?)
    }

    /// Over every citizen from `from` to `to` (both included): the minutes of held mentor
    /// contacts, and the hours a week agreed with the citizens whose agreement is running on
    /// `from` (or has no last day).
    pub fn mentor_hours_all(&self, from: NaiveDate, to: NaiveDate) -> Result<(i64, f64)> {
        let sql = format!(
            "SELECT coalesce(sum(k.minutes), 0) FROM contacts k \
             LEFT JOIN appointments a ON a.id = k.appointment_id \
             WHERE k.at >= ?1 AND k.at < ?2 AND {MENTOR_CONTACT}"
        );
        let used: i64 = self.conn.prepare_cached(&sql)?.query_row(
            params![day_start(from), day_start(to + Duration::days(1))],
            |r| r.get(0),
        )?;
        let agreed: f64 = self
            .conn
            .prepare_cached(
                "SELECT coalesce(sum(mentor_hours), 0) FROM citizens \
             WHERE archived = 0 AND mentor_hours > 0 \
               AND (mentor_until IS NULL OR mentor_until >= ?1)",
            )?
            .query_row([from.format("%Y-%m-%d").to_string()], |r| r.get(0))?;
        Ok((used, agreed))
    }

    /// One row per citizen (not archived) with a mentor agreement running in the month that
    /// holds `month`, by name.
    pub fn mentor_month(&self, month: NaiveDate) -> Result<Vec<MentorMonth>> {
        let (first, last) = (month_start(month), month_end(month));
        let mut st = self.conn.prepare_cached(
            "SELECT id, name, mentor_hours, mentor_until FROM citizens \
             WHERE archived = 0 \
               AND (mentor_hours IS NOT NULL OR mentor_until IS NOT NULL OR mentor_goals <> '') \
               AND (mentor_until IS NULL OR mentor_until >= ?1) \
             ORDER BY name COLLATE NOCASE, id",
        )?;
        let people = st
            .query_map([first.format("%Y-%m-%d").to_string()], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<f64>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let sql = format!(
            "SELECT k.channel, count(*), coalesce(sum(k.minutes), 0) FROM contacts k \
             LEFT JOIN appointments a ON a.id = k.appointment_id \
             WHERE k.citizen_id = ?1 AND k.at >= ?2 AND k.at < ?3 AND {MENTOR_CONTACT} \
             GROUP BY k.channel"
        );
        let mut by = self.conn.prepare_cached(&sql)?;
        let mut out = Vec::with_capacity(people.len());
        for (id, name, hours, until) in people {
            let until = until.and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok());
            let hours = hours.unwrap_or(0.0);
            let weeks = agreed_weeks(first, until);
            let mut visits = BTreeMap::new();
            let mut used = 0i64;
            let rows = by.query_map(
                params![id, day_start(first), day_start(last + Duration::days(1))],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, u32>(1)?,
                        r.get::<_, i64>(2)?,
                    ))
                },
            )?;
            for row in rows {
                let (channel, n, minutes) = row?;
                used += minutes;
                if let Ok(c) = Channel::parse(&channel) {
                    *visits.entry(c).or_insert(0) += n;
                }
            }
            out.push(MentorMonth {
                citizen_id: id,
                name,
                hours_per_week: hours,
                until,
                weeks,
                agreed_minutes: hours_to_minutes(hours) * weeks as i64,
                used_minutes: used,
                visits,
            });
        }
        Ok(out)
    }

    /// Citizens (not archived) whose mentor agreement ends within `days` days of `today`
    /// (today included), soonest first: (id, name, last day).
    pub fn mentor_expiring(
        &self,
        today: NaiveDate,
        days: i64,
    ) -> Result<Vec<(i64, String, NaiveDate)>> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, name, mentor_until FROM citizens \
             WHERE archived = 0 AND mentor_until >= ?1 AND mentor_until <= ?2 \
             ORDER BY mentor_until, name COLLATE NOCASE",
        )?;
        let ymd = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        let rows = st.query_map([ymd(today), ymd(today + Duration::days(days))], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, name, until) = row?;
            if let Ok(d) = NaiveDate::parse_from_str(&until, "%Y-%m-%d") {
                out.push((id, name, d));
            }
        }
        Ok(out)
    }
}

/// Whether an agreement ending on `until` is flagged on `today`: it ends within 14 days.
pub fn expires_soon(until: Option<NaiveDate>, today: NaiveDate) -> bool {
    until.is_some_and(|u| u >= today && (u - today).num_days() <= EXPIRY_DAYS)
}

/// How many days ahead an ending agreement is flagged.
pub const EXPIRY_DAYS: i64 = 14;

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn weeks_belong_to_the_month_of_their_thursday() {
        assert_eq!(month_weeks(d(2026, 11, 15)).len(), 4);
        assert_eq!(month_weeks(d(2026, 12, 1)).len(), 5);
        assert_eq!(month_weeks(d(2026, 11, 1))[0], d(2026, 11, 2));
        assert_eq!(agreed_weeks(d(2026, 12, 1), Some(d(2026, 12, 2))), 1);
        assert_eq!(month_end(d(2026, 2, 3)), d(2026, 2, 28));
        assert_eq!(month_end(d(2026, 12, 3)), d(2026, 12, 31));
    }

    #[test]
    fn expiry_flag_is_14_days_ahead_not_15() {
        let today = d(2026, 11, 23);
        assert!(expires_soon(Some(d(2026, 12, 7)), today));
        assert!(!expires_soon(Some(d(2026, 12, 8)), today));
        assert!(expires_soon(Some(today), today));
        assert!(!expires_soon(Some(d(2026, 11, 22)), today));
    }
}
