//! Closures (nedlukninger): a date range in which in-person meetings are suspended, deadlines
//! are paused, and the consultant phones the whole caseload from a call list. This module holds
//! the rules and the pure computations: the range checks, which appointments a closure converts
//! and to what, the order of the call list, the state of one entry from its attempts, and the
//! figures of the report with their rounding. No I/O.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::cadence::Suspension;
use super::dates::next_working_day;
use super::types::{Channel, Kind, Outcome, Status, TargetGroup, Word};

/// The longest range a closure may have. A typo in a year (2062 for 2026) would otherwise pause
/// every deadline for decades.
pub const MAX_DAYS: i64 = 366;

/// A closure as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Closure {
    pub id: i64,
    pub name: String,
    /// First day of the range.
    pub from: NaiveDate,
    /// Last day of the range (inclusive).
    pub to: NaiveDate,
    /// Whether conversations held in the range count toward the legal minimum.
    pub counts_held: bool,
    pub created_at: NaiveDateTime,
    /// When the call-round was ended (`jobdesk closure end`); `None` while it is open.
    pub ended_at: Option<NaiveDateTime>,
}

impl Closure {
    pub fn is_open(&self) -> bool {
        self.ended_at.is_none()
    }
    /// Days in the range, both ends included.
    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.from <= d && d <= self.to
    }
    /// The window in which the cadence rules pause deadlines.
    pub fn suspension(&self) -> Suspension {
        Suspension {
            from: self.from,
            to: self.to,
        }
    }
    pub fn overlaps(&self, from: NaiveDate, to: NaiveDate) -> bool {
        self.from <= to && from <= self.to
    }
}

/// A closure to be started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewClosure {
    pub name: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub counts_held: bool,
}

/// Checks a range the user gave: `from` on or before `to`, at most [`MAX_DAYS`] days.
pub fn check_range(from: NaiveDate, to: NaiveDate) -> Result<(), String> {
    if from > to {
        return Err(format!(
            "--from {from} is after --to {to}: the first day must come before the last"
        ));
    }
    let days = (to - from).num_days() + 1;
    if days > MAX_DAYS {
        return Err(format!(
            "the range {from} to {to} is {days} days long; a closure may last at most {MAX_DAYS} days: check the years"
        ));
    }
    Ok(())
}

/// The range a closure keeps when it is ended on `day`: ended early, its paused deadlines end
/// that day; ended before it began, it keeps only its first day (the smallest range there is).
pub fn range_when_ended(from: NaiveDate, to: NaiveDate, day: NaiveDate) -> (NaiveDate, NaiveDate) {
    (from, to.min(day.max(from)))
}

/// Whether a closure from `from` to `to` converts this appointment: planned, in person (in
/// person, home visit, workplace) and starting inside the range.
pub fn needs_conversion(
    status: Status,
    channel: Channel,
    start: NaiveDateTime,
    from: NaiveDate,
    to: NaiveDate,
) -> bool {
    status == Status::Planned
        && channel.is_in_person()
        && from <= start.date()
        && start.date() <= to
}

/// The channel "convert all" gives: a conversation goes to phone, a mentor visit to a walk.
pub fn converted_channel(kind: Kind) -> Channel {
    match kind {
        Kind::Conversation => Channel::Phone,
        Kind::MentorVisit => Channel::Walk,
    }
}

/// The channels an appointment of this kind may be converted to during a closure.
pub fn conversion_channels(kind: Kind) -> &'static [Channel] {
    match kind {
        Kind::Conversation => &[Channel::Phone, Channel::Video],
        Kind::MentorVisit => &[Channel::Walk, Channel::Phone],
    }
}

/// Refuses a conversion to a channel the closure does not allow for this kind.
pub fn check_conversion(kind: Kind, to: Channel) -> Result<(), String> {
    let allowed = conversion_channels(kind);
    if allowed.contains(&to) {
        return Ok(());
    }
    let keys: Vec<&str> = allowed.iter().map(|c| c.key()).collect();
    Err(format!(
        "a {} cannot be converted to '{}' during a closure: use {}",
        kind.en(),
        to.key(),
        keys.join(" or ")
    ))
}

/// The result of one attempt to reach a citizen on the call list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CallResult {
    Reached,
    NoAnswer,
    MessageLeft,
    WrongNumber,
}

impl Word for CallResult {
    const ALL: &'static [Self] = &[
        CallResult::Reached,
        CallResult::NoAnswer,
        CallResult::MessageLeft,
        CallResult::WrongNumber,
    ];
    const WHAT: &'static str = "result";
    fn key(self) -> &'static str {
        match self {
            CallResult::Reached => "reached",
            CallResult::NoAnswer => "no_answer",
            CallResult::MessageLeft => "message_left",
            CallResult::WrongNumber => "wrong_number",
        }
    }
    fn da(self) -> &'static str {
        match self {
            CallResult::Reached => "fanget",
            CallResult::NoAnswer => "intet svar",
            CallResult::MessageLeft => "besked lagt",
            CallResult::WrongNumber => "forkert nummer",
        }
    }
    fn en(self) -> &'static str {
        match self {
            CallResult::Reached => "reached",
            CallResult::NoAnswer => "no answer",
            CallResult::MessageLeft => "message left",
            CallResult::WrongNumber => "wrong number",
        }
    }
    fn aliases(self) -> &'static [&'static str] {
        match self {
            CallResult::Reached => &["kontakt", "naaet", "naet"],
            CallResult::NoAnswer => &["ikke_fanget", "ingen_svar", "not_reached"],
            CallResult::MessageLeft => &["besked", "voicemail", "sms"],
            CallResult::WrongNumber => &["forkert", "forkert_nr", "wrong"],
        }
    }
}

impl CallResult {
    /// The outcome of the contact the attempt writes to the log.
    pub fn outcome(self) -> Outcome {
        match self {
            CallResult::Reached => Outcome::Reached,
            CallResult::NoAnswer | CallResult::WrongNumber => Outcome::NotReached,
            CallResult::MessageLeft => Outcome::MessageLeft,
        }
    }
    /// Whether the citizen is tried again the next working day. A wrong number is not: calling
    /// it again tomorrow reaches nobody; the citizen waits, marked, until a number is found.
    pub fn retries(self) -> bool {
        matches!(self, CallResult::NoAnswer | CallResult::MessageLeft)
    }
}

/// What the call list needs of a citizen to place them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub citizen_id: i64,
    pub mentor: bool,
    pub last_contact: Option<NaiveDateTime>,
    /// Folded name: ties are broken alphabetically, then by id.
    pub name_key: String,
}

/// Orders the call list: mentor citizens first (the most vulnerable), then the longest since
/// the last contact (never contacted counts as longest), and within equal standing the rest by
/// name and id. Inside the mentor group the same "longest since" order applies.
pub fn call_order(mut list: Vec<Candidate>) -> Vec<Candidate> {
    // `None < Some(_)`: never contacted sorts before any date, the oldest date before newer.
    list.sort_by(|a, b| {
        (!a.mentor, a.last_contact, &a.name_key, a.citizen_id).cmp(&(
            !b.mentor,
            b.last_contact,
            &b.name_key,
            b.citizen_id,
        ))
    });
    list
}

/// One attempt as the state computation needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttemptFact {
    pub at: NaiveDateTime,
    pub result: CallResult,
    pub accepted: Option<bool>,
}

/// The state of one call-list entry, derived from its attempts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CallState {
    pub attempts: u32,
    pub last_result: Option<CallResult>,
    pub last_at: Option<NaiveDateTime>,
    /// Reached at least once.
    pub reached: bool,
    /// The answer at the latest attempt that reached the citizen (`None`: not asked or not reached).
    pub accepted: Option<bool>,
    /// The day to try again: the next working day after an unanswered call or a message;
    /// `None` once reached, after a wrong number, or before the first attempt.
    pub next_try: Option<NaiveDate>,
}

/// Folds the attempts of one entry (in any order; sorted by time, stable) into its state.
pub fn call_state(attempts: &[AttemptFact]) -> CallState {
    let mut list = attempts.to_vec();
    list.sort_by_key(|a| a.at);
    let mut s = CallState {
        attempts: list.len() as u32,
        ..CallState::default()
    };
    for a in &list {
        if a.result == CallResult::Reached {
            s.reached = true;
            s.accepted = a.accepted;
        }
    }
    if let Some(last) = list.last() {
        s.last_result = Some(last.result);
        s.last_at = Some(last.at);
        if !s.reached && last.result.retries() {
            s.next_try = Some(next_working_day(last.at.date()));
        }
    }
    s
}

/// Where an entry stands on a given day; the list shows the bands in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CallBand {
    /// Not reached, and the day to try again has come.
    DueRetry,
    /// Not tried yet.
    NotCalled,
    /// Not reached, to be tried again on a later day.
    LaterRetry,
    /// Not reached: the number was wrong.
    WrongNumber,
    /// Reached: done.
    Reached,
}

impl CallBand {
    pub const ALL: [CallBand; 5] = [
        CallBand::DueRetry,
        CallBand::NotCalled,
        CallBand::LaterRetry,
        CallBand::WrongNumber,
        CallBand::Reached,
    ];

    /// The band of an entry on `today`.
    pub fn of(s: &CallState, today: NaiveDate) -> CallBand {
        if s.reached {
            CallBand::Reached
        } else if s.last_result.is_none() {
            CallBand::NotCalled
        } else {
            match s.next_try {
                None => CallBand::WrongNumber,
                Some(d) if d <= today => CallBand::DueRetry,
                Some(_) => CallBand::LaterRetry,
            }
        }
    }

    /// The band's number in the store's ordering (0 first).
    pub fn index(self) -> i64 {
        self as i64
    }

    pub fn from_index(i: i64) -> Option<CallBand> {
        CallBand::ALL.into_iter().find(|b| b.index() == i)
    }
}

/// One entry of a closure's call list, for the pane and the command line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallEntry {
    pub closure_id: i64,
    pub citizen_id: i64,
    pub name: String,
    pub phone: String,
    /// The target group when the closure started (the report counts by it).
    pub target_group: TargetGroup,
    pub mentor: bool,
    /// 1-based place in the call list as it was built.
    pub position: i64,
    pub attempts: u32,
    pub last_result: Option<CallResult>,
    pub last_at: Option<NaiveDateTime>,
    pub reached: bool,
    pub accepted: Option<bool>,
    pub next_try: Option<NaiveDate>,
}

impl CallEntry {
    pub fn state(&self) -> CallState {
        CallState {
            attempts: self.attempts,
            last_result: self.last_result,
            last_at: self.last_at,
            reached: self.reached,
            accepted: self.accepted,
            next_try: self.next_try,
        }
    }
    pub fn band(&self, today: NaiveDate) -> CallBand {
        CallBand::of(&self.state(), today)
    }
}

/// How far the call-round has come, on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Progress {
    pub on_list: u32,
    pub reached: u32,
    pub accepted: u32,
    pub attempts: u32,
    pub due_retries: u32,
    pub not_called: u32,
    pub later_retries: u32,
    pub wrong_number: u32,
}

impl Progress {
    /// Counts `entries` entries of one band, of which `accepted` accepted a conversation (only
    /// counted for reached entries), with `attempts` attempts between them.
    pub fn add(&mut self, band: CallBand, entries: u32, accepted: u32, attempts: u32) {
        self.on_list += entries;
        self.attempts += attempts;
        match band {
            CallBand::DueRetry => self.due_retries += entries,
            CallBand::NotCalled => self.not_called += entries,
            CallBand::LaterRetry => self.later_retries += entries,
            CallBand::WrongNumber => self.wrong_number += entries,
            CallBand::Reached => {
                self.reached += entries;
                self.accepted += accepted;
            }
        }
    }

    /// Reached, in % of the list.
    pub fn reached_pct(&self) -> Tenths {
        Tenths::percent(self.reached as u64, self.on_list as u64)
    }
}

/// An in-person appointment a closure converted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conversion {
    pub appointment_id: i64,
    pub citizen_id: i64,
    pub citizen: String,
    pub kind: Kind,
    pub start: NaiveDateTime,
    pub from: Channel,
    pub to: Channel,
}

/// One attempt to reach a citizen on the open closure's call list, to be recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAttempt {
    /// The uuid of the contact it writes: a retry after a crash cannot duplicate it.
    pub uuid: String,
    pub citizen_id: i64,
    pub result: CallResult,
    /// Only with [`CallResult::Reached`]: whether the citizen accepted the offer of a conversation.
    pub accepted: Option<bool>,
    pub at: NaiveDateTime,
    /// Phone, normally; video if the call was a video call.
    pub channel: Channel,
    pub minutes: i64,
    pub note: String,
}

/// A number with one decimal, kept as whole tenths so that rounding is exact and the same on
/// every machine: 66.7 is `Tenths(667)`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Tenths(pub u64);

impl Tenths {
    /// `scale * num / den` rounded to one decimal, halves away from zero; 0.0 when `den` is 0
    /// (a share of nothing is shown as 0.0, never as an error or a blank).
    pub fn ratio(num: u64, den: u64, scale: u64) -> Tenths {
        if den == 0 {
            return Tenths(0);
        }
        let n = num as u128 * scale as u128 * 10;
        let d = den as u128;
        Tenths(((2 * n + d) / (2 * d)) as u64)
    }

    /// A percentage from 0 to 100 with one decimal: `percent(2, 3)` is 66.7.
    pub fn percent(part: u64, whole: u64) -> Tenths {
        Tenths::ratio(part, whole, 100)
    }

    /// "66.7", or "66,7" with a decimal comma (Danish).
    pub fn fmt(self, decimal_comma: bool) -> String {
        let sep = if decimal_comma { ',' } else { '.' };
        format!("{}{sep}{}", self.0 / 10, self.0 % 10)
    }

    pub fn as_f64(self) -> f64 {
        self.0 as f64 / 10.0
    }
}

impl std::fmt::Display for Tenths {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&Tenths::fmt(*self, false))
    }
}

/// The raw counts of one target group in a closure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct GroupCounts {
    /// Citizens on the call list.
    pub citizens: u64,
    /// Citizens reached at least once.
    pub reached: u64,
    /// Citizens reached who accepted the offer of a conversation (at the latest reaching call).
    pub accepted: u64,
    /// Every attempt, reached or not, on citizens of the group.
    pub attempts: u64,
}

impl GroupCounts {
    pub fn add(&mut self, o: &GroupCounts) {
        self.citizens += o.citizens;
        self.reached += o.reached;
        self.accepted += o.accepted;
        self.attempts += o.attempts;
    }
}

/// One row of the closure report: a target group, or all groups together (`group: None`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportRow {
    pub group: Option<TargetGroup>,
    pub counts: GroupCounts,
}

impl ReportRow {
    /// The contract's key: the target-group key, or `all`.
    pub fn key(&self) -> &'static str {
        self.group.map(|g| g.key()).unwrap_or("all")
    }
    /// Reached, in % of the citizens on the list.
    pub fn reached_pct(&self) -> Tenths {
        Tenths::percent(self.counts.reached, self.counts.citizens)
    }
    /// Accepted a conversation, in % of those reached.
    pub fn accepted_pct(&self) -> Tenths {
        Tenths::percent(self.counts.accepted, self.counts.reached)
    }
    /// Every attempt of the group divided by the citizens reached: what one reached citizen cost
    /// in calls. 0.0 when nobody was reached (also when calls were made).
    pub fn attempts_per_reached(&self) -> Tenths {
        Tenths::ratio(self.counts.attempts, self.counts.reached, 1)
    }
}

/// The report's rows: one per target group of the contract, in the contract's order, groups
/// without citizens included, then the row `all`.
pub fn report_rows(counts: &[(TargetGroup, GroupCounts)]) -> Vec<ReportRow> {
    let mut rows = Vec::with_capacity(TargetGroup::ALL.len() + 1);
    let mut all = GroupCounts::default();
    for g in TargetGroup::ALL {
        let mut c = GroupCounts::default();
        for (_, x) in counts.iter().filter(|(k, _)| k == g) {
            c.add(x);
        }
        all.add(&c);
        rows.push(ReportRow {
            group: Some(*g),
            counts: c,
        });
    }
    rows.push(ReportRow {
        group: None,
        counts: all,
    });
    rows
}

/// The CSV header of `jobdesk report closure --csv`.
pub const REPORT_CSV_HEADER: [&str; 7] = [
    "target_group",
    "citizens",
    "reached",
    "reached_pct",
    "accepted",
    "accepted_pct",
    "attempts_per_reached",
];

/// One report row as the CSV's fields.
pub fn report_csv_record(r: &ReportRow) -> [String; 7] {
    [
        r.key().to_string(),
        r.counts.citizens.to_string(),
        r.counts.reached.to_string(),
        r.reached_pct().to_string(),
        r.counts.accepted.to_string(),
        r.accepted_pct().to_string(),
        r.attempts_per_reached().to_string(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }
    fn t(y: i32, m: u32, dd: u32, h: u32) -> NaiveDateTime {
        d(y, m, dd).and_hms_opt(h, 0, 0).unwrap()
    }
    fn cand(id: i64, mentor: bool, last: Option<NaiveDateTime>, name: &str) -> Candidate {
        Candidate {
            citizen_id: id,
            mentor,
            last_contact: last,
            name_key: name.into(),
        }
    }

    #[test]
    fn call_list_puts_mentor_citizens_first_then_longest_since_contact() {
        let list = vec![
            cand(1, false, Some(t(2026, 11, 20, 9)), "anna"),
            cand(2, false, None, "bo"),
            cand(3, true, Some(t(2026, 11, 22, 9)), "carl"),
            cand(4, false, Some(t(2026, 6, 1, 9)), "dorte"),
            cand(5, true, None, "emil"),
            cand(6, false, None, "aage"),
            cand(7, true, Some(t(2026, 1, 1, 9)), "finn"),
        ];
        let ids: Vec<i64> = call_order(list).iter().map(|c| c.citizen_id).collect();
        // Mentors: never contacted (5), oldest (7), newest (3). Then the others: never
        // contacted by name (6 aage, 2 bo), then 1 June (4), then 20 November (1).
        assert_eq!(ids, vec![5, 7, 3, 6, 2, 4, 1]);
    }

    #[test]
    fn call_list_of_nobody_is_empty_and_ties_go_by_id() {
        assert!(call_order(vec![]).is_empty());
        let ids: Vec<i64> = call_order(vec![cand(9, false, None, "x"), cand(3, false, None, "x")])
            .iter()
            .map(|c| c.citizen_id)
            .collect();
        assert_eq!(ids, vec![3, 9]);
    }

    #[test]
    fn not_reached_is_retried_the_next_working_day() {
        // Friday 27 November 2026: the retry is Monday 30 November.
        let s = call_state(&[AttemptFact {
            at: t(2026, 11, 27, 10),
            result: CallResult::NoAnswer,
            accepted: None,
        }]);
        assert_eq!(s.attempts, 1);
        assert!(!s.reached);
        assert_eq!(s.next_try, Some(d(2026, 11, 30)));
        assert_eq!(CallBand::of(&s, d(2026, 11, 27)), CallBand::LaterRetry);
        assert_eq!(CallBand::of(&s, d(2026, 11, 30)), CallBand::DueRetry);
        let m = call_state(&[AttemptFact {
            at: t(2026, 11, 23, 10),
            result: CallResult::MessageLeft,
            accepted: None,
        }]);
        assert_eq!(m.next_try, Some(d(2026, 11, 24)));
    }

    #[test]
    fn reached_ends_the_retries_and_the_latest_answer_counts() {
        let s = call_state(&[
            AttemptFact {
                at: t(2026, 11, 24, 9),
                result: CallResult::Reached,
                accepted: Some(true),
            },
            AttemptFact {
                at: t(2026, 11, 23, 9),
                result: CallResult::NoAnswer,
                accepted: None,
            },
            AttemptFact {
                at: t(2026, 11, 25, 9),
                result: CallResult::NoAnswer,
                accepted: None,
            },
        ]);
        assert_eq!(s.attempts, 3);
        assert!(s.reached);
        assert_eq!(s.accepted, Some(true));
        assert_eq!(s.next_try, None);
        assert_eq!(s.last_result, Some(CallResult::NoAnswer));
        assert_eq!(CallBand::of(&s, d(2026, 11, 26)), CallBand::Reached);
        let changed = call_state(&[
            AttemptFact {
                at: t(2026, 11, 23, 9),
                result: CallResult::Reached,
                accepted: Some(false),
            },
            AttemptFact {
                at: t(2026, 11, 24, 9),
                result: CallResult::Reached,
                accepted: Some(true),
            },
        ]);
        assert_eq!(changed.accepted, Some(true));
    }

    #[test]
    fn wrong_number_waits_and_nothing_tried_is_not_called() {
        let s = call_state(&[AttemptFact {
            at: t(2026, 11, 23, 9),
            result: CallResult::WrongNumber,
            accepted: None,
        }]);
        assert_eq!(s.next_try, None);
        assert_eq!(CallBand::of(&s, d(2026, 11, 30)), CallBand::WrongNumber);
        assert_eq!(
            CallBand::of(&call_state(&[]), d(2026, 11, 23)),
            CallBand::NotCalled
        );
        for b in CallBand::ALL {
            assert_eq!(CallBand::from_index(b.index()), Some(b));
        }
    }

    #[test]
    fn result_words_parse_in_both_languages() {
        assert_eq!(CallResult::parse("reached"), Ok(CallResult::Reached));
        assert_eq!(CallResult::parse("Intet svar"), Ok(CallResult::NoAnswer));
        assert_eq!(
            CallResult::parse("besked lagt"),
            Ok(CallResult::MessageLeft)
        );
        assert_eq!(
            CallResult::parse("forkert nummer"),
            Ok(CallResult::WrongNumber)
        );
        let e = CallResult::parse("busy").unwrap_err();
        assert!(e.contains("unknown result 'busy'"), "{e}");
        assert!(
            e.contains("reached, no_answer, message_left, wrong_number"),
            "{e}"
        );
        assert_eq!(CallResult::WrongNumber.outcome(), Outcome::NotReached);
        assert_eq!(CallResult::MessageLeft.outcome(), Outcome::MessageLeft);
    }

    #[test]
    fn rounding_is_to_one_decimal_half_up() {
        assert_eq!(Tenths::percent(2, 3).to_string(), "66.7");
        assert_eq!(Tenths::percent(1, 3).to_string(), "33.3");
        assert_eq!(Tenths::percent(1, 16).to_string(), "6.3"); // 6.25
        assert_eq!(Tenths::percent(3, 3).to_string(), "100.0");
        assert_eq!(Tenths::percent(0, 7).to_string(), "0.0");
        assert_eq!(Tenths::percent(5, 0).to_string(), "0.0");
        assert_eq!(Tenths::ratio(5, 2, 1).to_string(), "2.5");
        assert_eq!(Tenths::ratio(7, 3, 1).to_string(), "2.3");
        assert_eq!(Tenths::percent(2, 3).fmt(true), "66,7");
    }

    #[test]
    fn report_has_every_group_then_all_with_exact_figures() {
        let counts = [
            (
                TargetGroup::Dagpenge,
                GroupCounts {
                    citizens: 3,
                    reached: 2,
                    accepted: 1,
                    attempts: 5,
                },
            ),
            (
                TargetGroup::KontanthjaelpJobparat,
                GroupCounts {
                    citizens: 3,
                    reached: 3,
                    accepted: 2,
                    attempts: 3,
                },
            ),
            (
                TargetGroup::Sygedagpenge,
                GroupCounts {
                    citizens: 1,
                    reached: 0,
                    accepted: 0,
                    attempts: 2,
                },
            ),
        ];
        let rows = report_rows(&counts);
        assert_eq!(rows.len(), 11);
        let keys: Vec<&str> = rows.iter().map(|r| r.key()).collect();
        assert_eq!(
            keys,
            [
                "dagpenge",
                "kontanthjaelp_jobparat",
                "kontanthjaelp_aktivitetsparat",
                "uddannelseshjaelp",
                "sygedagpenge",
                "jobafklaring",
                "ressourceforloeb",
                "ledighedsydelse",
                "revalidering",
                "other",
                "all"
            ]
        );
        let csv: Vec<String> = rows
            .iter()
            .map(|r| report_csv_record(r).join(","))
            .collect();
        assert_eq!(csv[0], "dagpenge,3,2,66.7,1,50.0,2.5");
        assert_eq!(csv[1], "kontanthjaelp_jobparat,3,3,100.0,2,66.7,1.0");
        // Two calls, nobody reached: the ratio of nothing is 0.0.
        assert_eq!(csv[4], "sygedagpenge,1,0,0.0,0,0.0,0.0");
        // A group with no citizens.
        assert_eq!(csv[2], "kontanthjaelp_aktivitetsparat,0,0,0.0,0,0.0,0.0");
        // All: 7 citizens, 5 reached (71.4), 3 accepted of 5 (60.0), 10 attempts / 5 = 2.0.
        assert_eq!(csv[10], "all,7,5,71.4,3,60.0,2.0");
    }

    #[test]
    fn ranges_and_conversions() {
        assert!(check_range(d(2026, 11, 23), d(2026, 11, 23)).is_ok());
        assert!(
            check_range(d(2026, 11, 24), d(2026, 11, 23))
                .unwrap_err()
                .contains("after")
        );
        assert!(
            check_range(d(2026, 1, 1), d(2062, 1, 1))
                .unwrap_err()
                .contains("at most 366")
        );
        assert_eq!(
            range_when_ended(d(2026, 11, 23), d(2026, 12, 4), d(2026, 11, 27)),
            (d(2026, 11, 23), d(2026, 11, 27))
        );
        assert_eq!(
            range_when_ended(d(2026, 11, 23), d(2026, 12, 4), d(2026, 12, 20)),
            (d(2026, 11, 23), d(2026, 12, 4))
        );
        assert_eq!(
            range_when_ended(d(2026, 11, 23), d(2026, 12, 4), d(2026, 11, 1)),
            (d(2026, 11, 23), d(2026, 11, 23))
        );
        let (f, to) = (d(2026, 11, 23), d(2026, 12, 4));
        assert!(needs_conversion(
            Status::Planned,
            Channel::InPerson,
            t(2026, 12, 4, 15),
            f,
            to
        ));
        assert!(needs_conversion(
            Status::Planned,
            Channel::HomeVisit,
            t(2026, 11, 23, 8),
            f,
            to
        ));
        assert!(!needs_conversion(
            Status::Planned,
            Channel::Walk,
            t(2026, 11, 24, 8),
            f,
            to
        ));
        assert!(!needs_conversion(
            Status::Held,
            Channel::InPerson,
            t(2026, 11, 24, 8),
            f,
            to
        ));
        assert!(!needs_conversion(
            Status::Planned,
            Channel::InPerson,
            t(2026, 12, 5, 8),
            f,
            to
        ));
        assert_eq!(converted_channel(Kind::Conversation), Channel::Phone);
        assert_eq!(converted_channel(Kind::MentorVisit), Channel::Walk);
        assert!(check_conversion(Kind::Conversation, Channel::Video).is_ok());
        assert!(check_conversion(Kind::Conversation, Channel::Walk).is_err());
        assert!(
            check_conversion(Kind::MentorVisit, Channel::InPerson)
                .unwrap_err()
                .contains("use walk or phone")
        );
    }

    #[test]
    fn progress_counts_each_band() {
        let mut p = Progress::default();
        p.add(CallBand::Reached, 2, 1, 3);
        p.add(CallBand::DueRetry, 1, 0, 1);
        p.add(CallBand::NotCalled, 1, 0, 0);
        p.add(CallBand::WrongNumber, 1, 0, 1);
        assert_eq!(
            p,
            Progress {
                on_list: 5,
                reached: 2,
                accepted: 1,
                attempts: 5,
                due_retries: 1,
                not_called: 1,
                later_retries: 0,
                wrong_number: 1
            }
        );
        assert_eq!(p.reached_pct().to_string(), "40.0");
    }
}
