//! Cadence rules: how many conversations a target group must have in its first months on a
//! benefit, as data with effective dates and sources, and from them each citizen's legal
//! deadline and jobdesk's pace towards it.
//!
//! The law sets minimums within a period ("at least four conversations within the first six
//! months", LAB § 31, stk. 3) and for some groups a limit for the first one (1 week for
//! kontanthjælp, LAB § 31, stk. 5; the end of week 8 from the first day of absence for
//! sygedagpenge, sygedagpengeloven § 13 b). It sets no date for the 2nd and 3rd conversation:
//! jobdesk's even spacing towards the minimum is a *pace*, never a legal deadline. Both dates
//! are kept apart: [`Due::legal`] (overdue once passed) and [`Due::pace`] (behind once passed).
//!
//! Municipalities and reforms change the numbers, so the rules are data (the config file may
//! replace them) and never code paths. A row marked `unverified` is shown with its source but
//! not used until someone checks it and sets `unverified = false`.

pub use super::standing::{Standing, standing};
use chrono::{Duration, Months, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::types::TargetGroup;
use super::workdays::{Calendar, LocalDayOff};

fn yes() -> bool {
    true
}

/// One rule: from `effective_from` on, citizens of `group` who start a benefit must have `count`
/// conversations within the window (`window_months` months, or `window_days` days when
/// `window_months` is 0), the first within `first_within_days` of the start. When
/// `first_is_legal` is false that first limit is only jobdesk's pace (the law sets none).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rule {
    pub group: TargetGroup,
    #[serde(alias = "from")]
    pub effective_from: NaiveDate,
    pub count: u32,
    pub first_within_days: i64,
    #[serde(default = "yes")]
    pub first_is_legal: bool,
    #[serde(default)]
    pub window_months: u32,
    #[serde(default)]
    pub window_days: i64,
    /// Where the numbers come from: the law and its paragraph, or STAR's guidance with its date.
    #[serde(default)]
    pub source: String,
    /// Not confirmed against the law's text: shown, but not used (the earlier rule stays in force).
    #[serde(default)]
    pub unverified: bool,
}

/// A target group closed to new citizens from a date (by a reform): adding a citizen in it with
/// a later benefit start warns; citizens already in it keep their rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClosedGroup {
    pub group: TargetGroup,
    #[serde(alias = "from")]
    pub closed_from: NaiveDate,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub unverified: bool,
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
    /// Groups closed to new citizens.
    #[serde(default)]
    pub closed: Vec<ClosedGroup>,
    /// The local days off of the working-day calendar the deadlines are moved back on.
    #[serde(default = "LocalDayOff::defaults")]
    pub days_off: Vec<LocalDayOff>,
}

/// A citizen's next legal deadline and jobdesk's pace towards it (never later than it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Due {
    pub legal: NaiveDate,
    pub pace: NaiveDate,
}

/// What the deadlines of one citizen are computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DueInput<'a> {
    pub group: TargetGroup,
    pub benefit_start: Option<NaiveDate>,
    /// The first day of absence (sygedagpenge): the count runs from it when set.
    pub absence_start: Option<NaiveDate>,
    pub exempt: bool,
    /// Dates of conversations that count toward the minimum.
    pub held: &'a [NaiveDate],
    pub suspensions: &'a [Suspension],
}

/// Where a citizen's count of conversations starts: the first day of absence for sygedagpenge
/// (sygedagpengeloven § 13 b, "regnet fra første fraværsdag"), falling back to the benefit start;
/// the benefit start for every other group.
pub fn counting_start(
    group: TargetGroup,
    benefit_start: Option<NaiveDate>,
    absence_start: Option<NaiveDate>,
) -> Option<NaiveDate> {
    match group {
        TargetGroup::Sygedagpenge => absence_start.or(benefit_start),
        _ => benefit_start,
    }
}

const LAB_2024: &str = "lovbkg. nr. 280 af 1.3.2024";
const STAR_QA: &str = "STAR, Spørgsmål og svar om reformen, opdateret 04-06-2025";
const STAR_WEBINAR: &str = "ikrafttræden 1.7.2026: STAR, svar på spørgsmål fra webinar 21.01.2026 (lov nr. 1750 af 29.12.2025)";

impl Default for Rules {
    fn default() -> Self {
        use TargetGroup::*;
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        let earlier = day(2020, 1, 1);
        let reform = day(2026, 7, 1);
        let row = |group, from, count, first, first_is_legal, source: String| Rule {
            group,
            effective_from: from,
            count,
            first_within_days: first,
            first_is_legal,
            window_months: 6,
            window_days: 0,
            source,
            unverified: false,
        };
        let lab = |stk: &str| format!("LAB § 31, {stk} ({LAB_2024})");
        let mut rules = vec![
            // The a-kasse holds the first ones; the job centre at least three more "herefter, og
            // senest inden personen har været ledig i 6 måneder": no limit for its first one.
            row(Dagpenge, earlier, 3, 91, false, lab("stk. 1 og 4")),
            row(
                KontanthjaelpJobparat,
                earlier,
                4,
                7,
                true,
                lab("stk. 3 og 5"),
            ),
            row(
                KontanthjaelpAktivitetsparat,
                earlier,
                4,
                7,
                true,
                lab("stk. 3 og 5"),
            ),
            row(Uddannelsesparat, earlier, 4, 7, true, lab("stk. 3 og 5")),
            // "senest inden udgangen af ottende uge regnet fra første fraværsdag": day 1 is the
            // first day of absence, so the last day of week 8 is that day + 55.
            row(
                Sygedagpenge,
                earlier,
                4,
                55,
                true,
                "sygedagpengeloven § 13 b, stk. 1 (lovbkg. nr. 1179 af 21.9.2023)".into(),
            ),
            // No limit for the first conversation in § 31, stk. 5: 28 days is jobdesk's pace.
            row(Jobafklaring, earlier, 4, 28, false, lab("stk. 3")),
            row(Ressourceforloeb, earlier, 4, 28, false, lab("stk. 3")),
            row(Ledighedsydelse, earlier, 4, 28, false, lab("stk. 3")),
            row(Revalidering, earlier, 4, 28, false, lab("stk. 3")),
            // Lov nr. 1750 af 29.12.2025, from 1.7.2026, as STAR describes it (the amended
            // § 31 itself could not be read): the municipality holds at least 2 conversations
            // from hand-over to month 6 (with at least 75 % of the group; up to 25 % may be
            // exempted, a caseload target and not a per-citizen deadline).
            row(
                Dagpenge,
                reform,
                2,
                91,
                false,
                format!("{STAR_QA}; {STAR_WEBINAR}"),
            ),
            // At least 4 within 6 months (for at least 75 % of the group). The 1-week limit for
            // the first is the earlier rule (LAB § 31, stk. 5), not restated by STAR.
            row(
                KontanthjaelpJobparat,
                reform,
                4,
                7,
                true,
                format!(
                    "{STAR_QA}; {STAR_WEBINAR}; første samtale inden 1 uge: LAB § 31, stk. 5 ({LAB_2024})"
                ),
            ),
            row(
                Ledighedsydelse,
                reform,
                4,
                28,
                false,
                format!("{STAR_QA}; {STAR_WEBINAR}"),
            ),
        ];
        // A candidate, not confirmed: "mindst én samtale det første halve år" for sick-listed
        // people other than the employed expected back within 26 weeks, expected from 1.1.2027.
        rules.push(Rule {
            unverified: true,
            ..row(
                Sygedagpenge,
                day(2027, 1, 1),
                1,
                55,
                true,
                "ikke bekræftet: OP Academy (opkurser.dk), nyhed om reformen (sekundær kilde); ændringslov om sygedagpenge forventet 1.1.2027 (STAR, proces)".into(),
            )
        });
        let closed = |group| {
            ClosedGroup {
            group,
            closed_from: day(2026, 2, 1),
            source: "lov nr. 1750 af 29.12.2025 § 4, nr. 2, 4-6 (afskaffet for nye borgere); datoen ikke bekræftet: lovens første ikrafttræden 1.2.2026 (STAR, svar på spørgsmål fra webinar 21.01.2026)".into(),
            unverified: true,
        }
        };
        Rules {
            rules,
            closed: vec![closed(Ressourceforloeb), closed(Revalidering)],
            days_off: LocalDayOff::defaults(),
        }
    }
}

impl Rules {
    /// The rule in force for a group on a benefit that started on `start`: the latest verified
    /// row whose effective date is on or before the start. A row dated after the start does not
    /// apply to that citizen.
    pub fn rule_for(&self, group: TargetGroup, start: NaiveDate) -> Option<&Rule> {
        self.rules
            .iter()
            .filter(|r| r.group == group && r.effective_from <= start && !r.unverified)
            .max_by_key(|r| r.effective_from)
    }

    /// The working-day calendar the deadlines are moved back on.
    pub fn calendar(&self) -> Calendar {
        Calendar::new(self.days_off.clone())
    }

    /// The closure of `group` to new citizens that a citizen starting on `start` falls under.
    pub fn closed_to_new(&self, group: TargetGroup, start: NaiveDate) -> Option<&ClosedGroup> {
        self.closed
            .iter()
            .find(|c| c.group == group && c.closed_from <= start)
    }

    /// The last day of the rule's window (unshifted).
    pub fn window_end(rule: &Rule, start: NaiveDate) -> NaiveDate {
        if rule.window_months > 0 {
            start
                .checked_add_months(Months::new(rule.window_months))
                .map(|d| d - Duration::days(1))
                .unwrap_or(start)
        } else {
            start + Duration::days(rule.window_days)
        }
    }

    /// The unshifted pace date of the `k`-th (1-based) conversation: the first within
    /// `first_within_days`, the rest spread evenly to the end of the window.
    pub fn deadline(rule: &Rule, start: NaiveDate, k: u32) -> NaiveDate {
        let first = rule.first_within_days;
        if k <= 1 || rule.count <= 1 {
            return start + Duration::days(first);
        }
        let span = ((Self::window_end(rule, start) - start).num_days() - first).max(0);
        start + Duration::days(first + span * (k as i64 - 1) / (rule.count as i64 - 1))
    }

    /// The unshifted legal deadline of the `k`-th conversation: the first's own limit when the
    /// law sets one, else (and for every later one) the end of the window.
    pub fn legal_deadline(rule: &Rule, start: NaiveDate, k: u32) -> NaiveDate {
        if k <= 1 && rule.first_is_legal {
            start + Duration::days(rule.first_within_days)
        } else {
            Self::window_end(rule, start)
        }
    }

    /// The citizen's next legal deadline and pace date, or `None` when no conversation is due by
    /// the rules (exempt, no start, minimum met, or a group without a rule). Suspension windows
    /// push both by the days they cover; a date on a day off moves back to the last working day
    /// before it.
    pub fn due(&self, input: &DueInput<'_>, calendar: &Calendar) -> Option<Due> {
        if input.exempt {
            return None;
        }
        let rule_start = input.benefit_start.or(input.absence_start)?;
        let start = counting_start(input.group, input.benefit_start, input.absence_start)?;
        let rule = self.rule_for(input.group, rule_start)?;
        let done = input.held.iter().filter(|d| **d >= start).count() as u32;
        if done >= rule.count {
            return None;
        }
        let k = done + 1;
        let shift = |d| {
            calendar.last_working_day_on_or_before(shift_by_suspensions(
                start,
                d,
                input.suspensions,
            ))
        };
        let legal = shift(Self::legal_deadline(rule, start, k));
        let pace = shift(Self::deadline(rule, start, k)).min(legal);
        Some(Due { legal, pace })
    }

    /// The date by which the citizen's next conversation is legally due (see [`Rules::due`]),
    /// on the default calendar.
    pub fn next_due(
        &self,
        group: TargetGroup,
        benefit_start: Option<NaiveDate>,
        exempt: bool,
        held: &[NaiveDate],
        suspensions: &[Suspension],
    ) -> Option<NaiveDate> {
        let input = DueInput {
            group,
            benefit_start,
            absence_start: None,
            exempt,
            held,
            suspensions,
        };
        self.due(&input, &self.calendar()).map(|d| d.legal)
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

/// Something worth a word before an appointment is planned. Never a refusal: the command line
/// prints each on stderr and plans all the same (`--strict` refuses), the desk shows them in
/// its preview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanWarning {
    /// A conversation after the citizen's legal deadline.
    AfterDeadline { deadline: NaiveDate },
    /// On a public holiday or a local day off, with its names.
    DayOff { name_da: String, name_en: String },
    /// On a Saturday or Sunday (that is no named day off).
    Weekend,
    /// It begins before now.
    Past,
    /// Over another live appointment of the consultant.
    Overlap {
        appointment_id: i64,
        start: NaiveDateTime,
        minutes: i64,
    },
}

/// What a planned appointment is checked against.
#[derive(Debug, Clone, Copy)]
pub struct PlanContext<'a> {
    pub now: NaiveDateTime,
    /// The citizen's legal deadline (`Citizen::next_due`).
    pub deadline: Option<NaiveDate>,
    pub calendar: &'a Calendar,
    /// The consultant's other live appointments near it: (id, start, minutes).
    pub others: &'a [(i64, NaiveDateTime, i64)],
}

/// The warnings for planning an appointment of `kind` at `start` for `minutes`, in a fixed
/// order: after the deadline, day off or weekend, in the past, overlaps.
pub fn plan_warnings(
    kind: super::Kind,
    start: NaiveDateTime,
    minutes: i64,
    ctx: &PlanContext<'_>,
) -> Vec<PlanWarning> {
    use chrono::{Datelike, Weekday};
    let mut out = Vec::new();
    let day = start.date();
    if kind == super::Kind::Conversation
        && let Some(deadline) = ctx.deadline
        && day > deadline
    {
        out.push(PlanWarning::AfterDeadline { deadline });
    }
    if let Some(off) = ctx.calendar.is_day_off(day) {
        out.push(PlanWarning::DayOff {
            name_da: off.name(true).to_string(),
            name_en: off.name(false).to_string(),
        });
    } else if matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
        out.push(PlanWarning::Weekend);
    }
    if start < ctx.now {
        out.push(PlanWarning::Past);
    }
    let end = start + Duration::minutes(minutes.max(1));
    for &(id, s, m) in ctx.others {
        let e = s + Duration::minutes(m.max(1));
        if s < end && start < e {
            out.push(PlanWarning::Overlap {
                appointment_id: id,
                start: s,
                minutes: m,
            });
        }
    }
    out
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

    fn due(r: &Rules, group: TargetGroup, start: NaiveDate, held: &[NaiveDate]) -> Option<Due> {
        r.due(
            &DueInput {
                group,
                benefit_start: Some(start),
                absence_start: None,
                exempt: false,
                held,
                suspensions: &[],
            },
            &Calendar::default(),
        )
    }

    #[test]
    fn first_conversation_within_a_week_for_cash_benefit() {
        let r = Rules::default();
        // Monday 2.11.2026 + 7 = Monday 9.11.2026.
        let start = d(2026, 11, 2);
        assert_eq!(
            due(&r, TargetGroup::KontanthjaelpJobparat, start, &[]),
            Some(Due {
                legal: d(2026, 11, 9),
                pace: d(2026, 11, 9)
            })
        );
    }

    #[test]
    fn a_deadline_on_a_saturday_moves_back_to_friday() {
        let r = Rules::default();
        // Saturday 7.11.2026 − 7 = Saturday 31.10.2026... start on a Saturday: due Saturday
        // 14.11.2026, moved back to Friday 13.11.2026.
        let start = d(2026, 11, 7);
        let x = due(&r, TargetGroup::Uddannelsesparat, start, &[]);
        assert_eq!(x.map(|x| x.legal), Some(d(2026, 11, 13)));
        // A deadline on 2. juledag (Saturday 26.12.2026) moves back to 23.12 (24 and 25 are
        // days off).
        let x = due(&r, TargetGroup::KontanthjaelpJobparat, d(2026, 12, 19), &[]);
        assert_eq!(x.map(|x| x.legal), Some(d(2026, 12, 23)));
    }

    #[test]
    fn the_legal_deadline_of_the_later_conversations_is_the_end_of_month_6() {
        let r = Rules::default();
        let start = d(2026, 1, 1);
        let g = TargetGroup::KontanthjaelpAktivitetsparat;
        let one = [d(2026, 1, 5)];
        // The law: four by the end of month 6 (30.6.2026, a Tuesday). The pace: the second
        // of four at 7 + (180-7)*1/3 = 64 days: Thursday 5.3.2026.
        assert_eq!(
            due(&r, g, start, &one),
            Some(Due {
                legal: d(2026, 6, 30),
                pace: d(2026, 3, 6)
            })
        );
        let four = [d(2026, 1, 5), d(2026, 2, 5), d(2026, 3, 5), d(2026, 4, 5)];
        assert_eq!(due(&r, g, start, &four), None);
        // Conversations before the benefit started do not count: the first is due 8.1.2026.
        let old = [d(2025, 6, 1), d(2025, 7, 1), d(2025, 8, 1), d(2025, 9, 1)];
        assert_eq!(
            due(&r, g, start, &old).map(|x| x.legal),
            Some(d(2026, 1, 8))
        );
    }

    #[test]
    fn groups_without_a_legal_first_limit_have_only_a_pace_for_it() {
        let r = Rules::default();
        let start = d(2026, 3, 2);
        let x = due(&r, TargetGroup::Jobafklaring, start, &[]);
        // 28 days is the pace (Monday 30.3.2026); the law: four by 1.9.2026.
        assert_eq!(
            x,
            Some(Due {
                legal: d(2026, 9, 1),
                pace: d(2026, 3, 30)
            })
        );
    }

    #[test]
    fn sygedagpenge_run_from_the_first_day_of_absence() {
        let r = Rules::default();
        let input = DueInput {
            group: TargetGroup::Sygedagpenge,
            benefit_start: Some(d(2026, 1, 19)),
            absence_start: Some(d(2026, 1, 5)),
            exempt: false,
            held: &[],
            suspensions: &[],
        };
        // End of week 8 from Monday 5.1.2026 is Sunday 1.3.2026: back to Friday 27.2.2026.
        assert_eq!(
            r.due(&input, &Calendar::default()).map(|x| x.legal),
            Some(d(2026, 2, 27))
        );
        // Without an absence start, the benefit start.
        let input = DueInput {
            absence_start: None,
            benefit_start: Some(d(2026, 1, 5)),
            ..input
        };
        assert_eq!(
            r.due(&input, &Calendar::default()).map(|x| x.legal),
            Some(d(2026, 2, 27))
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
            r.next_due(TargetGroup::Uddannelsesparat, Some(start), false, &[], &sus),
            Some(d(2026, 11, 19))
        );
        // A suspension after the deadline changes nothing.
        let later = [Suspension {
            from: d(2026, 12, 1),
            to: d(2026, 12, 5),
        }];
        assert_eq!(
            r.next_due(
                TargetGroup::Uddannelsesparat,
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
            group: TargetGroup::KontanthjaelpAktivitetsparat,
            effective_from: d(2026, 7, 1),
            count: 2,
            first_within_days: 14,
            first_is_legal: true,
            window_months: 6,
            window_days: 0,
            source: String::new(),
            unverified: false,
        });
        let g = TargetGroup::KontanthjaelpAktivitetsparat;
        // Benefit from Monday 3.8.2026: the new row, 14 days: Monday 17.8.2026.
        assert_eq!(
            r.next_due(g, Some(d(2026, 8, 3)), false, &[], &[]),
            Some(d(2026, 8, 17))
        );
        // Benefit from Monday 1.6.2026: the earlier rule, 7 days: Monday 8.6.2026.
        assert_eq!(
            r.next_due(g, Some(d(2026, 6, 1)), false, &[], &[]),
            Some(d(2026, 6, 8))
        );
        // An unverified row is shown, not used.
        if let Some(last) = r.rules.last_mut() {
            last.unverified = true;
        }
        assert_eq!(
            r.next_due(g, Some(d(2026, 8, 3)), false, &[], &[]),
            Some(d(2026, 8, 10))
        );
    }

    #[test]
    fn the_2026_dagpenge_row_needs_two_conversations() {
        let r = Rules::default();
        let g = TargetGroup::Dagpenge;
        let held = |s: NaiveDate| [s + Duration::days(95), s + Duration::days(120)];
        let after = d(2026, 8, 3);
        let before = d(2026, 6, 1);
        assert_eq!(r.next_due(g, Some(after), false, &held(after), &[]), None);
        assert!(
            r.next_due(g, Some(before), false, &held(before), &[])
                .is_some()
        );
    }

    #[test]
    fn every_default_row_has_a_source_and_closed_groups_are_data() {
        let r = Rules::default();
        assert!(r.rules.iter().all(|x| !x.source.is_empty()));
        assert!(r.rules.iter().any(|x| x.unverified));
        assert!(
            r.closed_to_new(TargetGroup::Revalidering, d(2026, 3, 1))
                .is_some()
        );
        assert!(
            r.closed_to_new(TargetGroup::Revalidering, d(2026, 1, 1))
                .is_none()
        );
        assert!(
            r.closed_to_new(TargetGroup::Dagpenge, d(2026, 3, 1))
                .is_none()
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
