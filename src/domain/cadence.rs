//! Cadence rules: how many conversations a target group must have in its first months on a
//! benefit, as data with effective dates, and from them each citizen's next due date.
//!
//! Defaults follow LAB § 31 as summarised in the domain guide; municipalities and reforms change
//! them, so the rules are data (a user file may replace them) and never code paths.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::types::TargetGroup;
use super::workdays::Calendar;

/// One rule: from `effective_from` on, citizens of `group` who start a benefit must have `count`
/// conversations, the first within `first_within_days` of the start and all within `window_days`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rule {
    pub group: TargetGroup,
    pub effective_from: NaiveDate,
    pub count: u32,
    pub first_within_days: i64,
    pub window_days: i64,
}

/// A period in which deadlines are paused (a closure).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suspension {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rules {
    pub rules: Vec<Rule>,
}

const HALF_YEAR: i64 = 183;

impl Default for Rules {
    fn default() -> Self {
        use TargetGroup::*;
        let from = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap_or_default();
        let r = |group, count, first_within_days, window_days| Rule {
            group,
            effective_from: from,
            count,
            first_within_days,
            window_days,
        };
        Rules {
            rules: vec![
                // The job centre's three conversations by month 6 (the a-kasse holds the others).
                r(Dagpenge, 3, 91, HALF_YEAR),
                r(KontanthjaelpJobparat, 4, 7, HALF_YEAR),
                r(KontanthjaelpAktivitetsparat, 4, 7, HALF_YEAR),
                r(Uddannelseshjaelp, 4, 7, HALF_YEAR),
                r(Sygedagpenge, 4, 56, HALF_YEAR),
                r(Jobafklaring, 4, 28, HALF_YEAR),
                r(Ressourceforloeb, 4, 28, HALF_YEAR),
                r(Ledighedsydelse, 4, 28, HALF_YEAR),
                r(Revalidering, 4, 28, HALF_YEAR),
            ],
        }
    }
}

impl Rules {
    /// The rule in force for a group on a benefit that started on `start`.
    pub fn rule_for(&self, group: TargetGroup, start: NaiveDate) -> Option<&Rule> {
        self.rules
            .iter()
            .filter(|r| r.group == group && r.effective_from <= start)
            .max_by_key(|r| r.effective_from)
    }

    /// The unshifted deadline of the `k`-th (1-based) conversation: the first within
    /// `first_within_days`, the rest spread evenly to the end of the window.
    pub fn deadline(rule: &Rule, start: NaiveDate, k: u32) -> NaiveDate {
        let first = rule.first_within_days;
        if k <= 1 || rule.count <= 1 {
            return start + Duration::days(first);
        }
        let span = (rule.window_days - first).max(0);
        start + Duration::days(first + span * (k as i64 - 1) / (rule.count as i64 - 1))
    }

    /// The date by which the citizen's next conversation is due, or `None` when no conversation
    /// is due by the rules (exempt, no benefit start, minimum met, or a group without a rule).
    /// `held` are the dates of conversations that count toward the minimum. Suspension windows
    /// push deadlines by the days they cover.
    pub fn next_due(
        &self,
        group: TargetGroup,
        benefit_start: Option<NaiveDate>,
        exempt: bool,
        held: &[NaiveDate],
        suspensions: &[Suspension],
    ) -> Option<NaiveDate> {
        if exempt {
            return None;
        }
        let start = benefit_start?;
        let rule = self.rule_for(group, start)?;
        let done = held.iter().filter(|d| **d >= start).count() as u32;
        if done >= rule.count {
            return None;
        }
        let raw = Self::deadline(rule, start, done + 1);
        Some(shift_by_suspensions(start, raw, suspensions))
    }
}

/// Moves `deadline` later by every suspended day between `start` and the (moving) deadline.
fn shift_by_suspensions(
    start: NaiveDate,
    deadline: NaiveDate,
    suspensions: &[Suspension],
) -> NaiveDate {
    let mut sus: Vec<Suspension> = suspensions.to_vec();
    sus.sort_by_key(|s| s.from);
    let mut d = deadline;
    for s in sus {
        if s.to < start || s.from > d {
            continue;
        }
        let from = s.from.max(start);
        let days = (s.to - from).num_days() + 1;
        if days > 0 {
            d += Duration::days(days);
        }
    }
    d
}

/// The day `N` proposes for a citizen's next step: the next due date when it lies ahead, else
/// four weeks on; moved back to the last working day on or before it (never a weekend, a public
/// holiday or a local day off), and never today or earlier (then the next working day).
pub fn proposed_day(
    next_due: Option<NaiveDate>,
    today: NaiveDate,
    calendar: &Calendar,
) -> NaiveDate {
    let day = match next_due {
        Some(d) if d > today => d,
        _ => today + Duration::days(28),
    };
    let day = calendar.last_working_day_on_or_before(day);
    if day <= today {
        calendar.next_working_day(today)
    } else {
        day
    }
}

/// How urgent a due date is, seen from `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Urgency {
    Overdue,
    DueSoon,
    Later,
}

pub fn urgency(due: NaiveDate, today: NaiveDate) -> Urgency {
    if due < today {
        Urgency::Overdue
    } else if due <= today + Duration::days(7) {
        Urgency::DueSoon
    } else {
        Urgency::Later
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap_or_default()
    }

    #[test]
    fn first_conversation_within_a_week_for_cash_benefit() {
        let r = Rules::default();
        let start = d(2026, 11, 2);
        assert_eq!(
            r.next_due(
                TargetGroup::KontanthjaelpJobparat,
                Some(start),
                false,
                &[],
                &[]
            ),
            Some(d(2026, 11, 9))
        );
    }

    #[test]
    fn held_conversations_move_the_deadline_and_four_end_it() {
        let r = Rules::default();
        let start = d(2026, 1, 1);
        let g = TargetGroup::KontanthjaelpAktivitetsparat;
        let one = [d(2026, 1, 5)];
        // Second of four: 7 + (183-7)*1/3 = 65 days after the start.
        assert_eq!(
            r.next_due(g, Some(start), false, &one, &[]),
            Some(d(2026, 3, 7))
        );
        let four = [d(2026, 1, 5), d(2026, 2, 5), d(2026, 3, 5), d(2026, 4, 5)];
        assert_eq!(r.next_due(g, Some(start), false, &four, &[]), None);
        // Conversations before the benefit started do not count.
        let old = [d(2025, 6, 1), d(2025, 7, 1), d(2025, 8, 1), d(2025, 9, 1)];
        assert_eq!(
            r.next_due(g, Some(start), false, &old, &[]),
            Some(d(2026, 1, 8))
        );
    }

    #[test]
    fn exempt_and_other_have_nothing_due() {
        let r = Rules::default();
        let start = Some(d(2026, 1, 1));
        assert_eq!(
            r.next_due(TargetGroup::Sygedagpenge, start, true, &[], &[]),
            None
        );
        assert_eq!(r.next_due(TargetGroup::Other, start, false, &[], &[]), None);
        assert_eq!(
            r.next_due(TargetGroup::Dagpenge, None, false, &[], &[]),
            None
        );
    }

    #[test]
    fn suspension_pauses_the_deadline() {
        let r = Rules::default();
        let start = d(2026, 11, 2);
        let sus = [Suspension {
            from: d(2026, 11, 4),
            to: d(2026, 11, 13),
        }];
        // 9 November + 10 suspended days.
        assert_eq!(
            r.next_due(
                TargetGroup::Uddannelseshjaelp,
                Some(start),
                false,
                &[],
                &sus
            ),
            Some(d(2026, 11, 19))
        );
        // A suspension after the deadline changes nothing.
        let later = [Suspension {
            from: d(2026, 12, 1),
            to: d(2026, 12, 5),
        }];
        assert_eq!(
            r.next_due(
                TargetGroup::Uddannelseshjaelp,
                Some(start),
                false,
                &[],
                &later
            ),
            Some(d(2026, 11, 9))
        );
    }

    #[test]
    fn effective_dates_pick_the_rule_in_force() {
        let mut r = Rules::default();
        r.rules.push(Rule {
            group: TargetGroup::Dagpenge,
            effective_from: d(2026, 7, 1),
            count: 2,
            first_within_days: 30,
            window_days: 183,
        });
        assert_eq!(
            r.next_due(TargetGroup::Dagpenge, Some(d(2026, 8, 1)), false, &[], &[]),
            Some(d(2026, 8, 31))
        );
        assert_eq!(
            r.next_due(TargetGroup::Dagpenge, Some(d(2026, 6, 1)), false, &[], &[]),
            Some(d(2026, 8, 31))
        );
    }

    #[test]
    fn the_proposal_for_n_is_a_working_day_before_the_due_date() {
        let cal = Calendar::default();
        let today = d(2026, 12, 1);
        // Due on 2. juledag (Saturday 26.12.2026): not juledag, but Wednesday 23 December.
        assert_eq!(
            proposed_day(Some(d(2026, 12, 26)), today, &cal),
            d(2026, 12, 23)
        );
        // Due on 2. påskedag 2027 (29 March): Wednesday 24 March.
        assert_eq!(
            proposed_day(Some(d(2027, 3, 29)), d(2027, 3, 1), &cal),
            d(2027, 3, 24)
        );
        // Nothing due: four weeks on, here 29.12.2026, a working day.
        assert_eq!(proposed_day(None, today, &cal), d(2026, 12, 29));
        // Four weeks from 27.11.2026 is Christmas Day: back to the 23rd.
        assert_eq!(proposed_day(None, d(2026, 11, 27), &cal), d(2026, 12, 23));
        // Due tomorrow but tomorrow is a day off, and today is the last working day before it:
        // the next working day after today.
        assert_eq!(
            proposed_day(Some(d(2026, 12, 24)), d(2026, 12, 23), &cal),
            d(2026, 12, 28)
        );
        // Overdue: four weeks on.
        assert_eq!(
            proposed_day(Some(d(2026, 11, 1)), d(2026, 11, 23), &cal),
            d(2026, 12, 21)
        );
    }

    #[test]
    fn urgency_bands() {
        let today = d(2026, 11, 23);
        assert_eq!(urgency(d(2026, 11, 22), today), Urgency::Overdue);
        assert_eq!(urgency(d(2026, 11, 30), today), Urgency::DueSoon);
        assert_eq!(urgency(d(2026, 12, 1), today), Urgency::Later);
    }
}
