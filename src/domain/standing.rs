//! Where a citizen stands: overdue (the legal deadline passed), behind (only jobdesk's pace
//! passed), due soon, or fine. The legal deadline and the pace come from the cadence rules.

use chrono::NaiveDate;

/// Where a citizen stands, seen from `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Standing {
    /// The legal deadline has passed: "overskredet" (red).
    Overdue,
    /// Only jobdesk's pace has passed; the legal deadline still lies ahead: "bagud".
    Behind,
    /// The next date to aim at (the pace, never after the legal deadline) is within 7 days:
    /// this many days from today (0 = today).
    DueSoon(i64),
    /// Nothing due within a week, or nothing due at all.
    Ok,
}

/// The standing of a citizen with this legal deadline and pace date (see [`Standing`]).
pub fn standing(
    next_due: Option<NaiveDate>,
    pace_due: Option<NaiveDate>,
    today: NaiveDate,
) -> Standing {
    let Some(legal) = next_due else {
        return Standing::Ok;
    };
    if legal < today {
        return Standing::Overdue;
    }
    let aim = pace_due.map_or(legal, |p| p.min(legal));
    if aim < today {
        return Standing::Behind;
    }
    let days = (aim - today).num_days();
    if days <= 7 {
        Standing::DueSoon(days)
    } else {
        Standing::Ok
    }
}

impl super::types::Citizen {
    /// Where the citizen stands today: overdue (the legal deadline passed), behind (only the
    /// pace passed), due soon (within 7 days of the next date to aim at), or fine.
    pub fn standing(&self, today: NaiveDate) -> Standing {
        standing(self.next_due, self.pace_due, today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap_or_default()
    }

    #[test]
    fn standing_tells_overdue_from_behind() {
        let today = d(2026, 11, 23);
        let s = |legal, pace| standing(Some(legal), Some(pace), today);
        assert_eq!(s(d(2026, 11, 20), d(2026, 10, 1)), Standing::Overdue);
        assert_eq!(s(d(2026, 12, 31), d(2026, 11, 20)), Standing::Behind);
        assert_eq!(s(d(2026, 12, 31), d(2026, 11, 25)), Standing::DueSoon(2));
        assert_eq!(s(d(2026, 11, 23), d(2026, 11, 23)), Standing::DueSoon(0));
        assert_eq!(s(d(2026, 12, 31), d(2026, 12, 10)), Standing::Ok);
        assert_eq!(standing(None, None, today), Standing::Ok);
    }
}
