//! The call list of a closure: who is called first, and the state of each entry from its attempts.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::report::Tenths;
use crate::domain::types::{Channel, Kind, Outcome, TargetGroup, Word};
use crate::domain::workdays::{Calendar, default_calendar};

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
            CallResult::Reached => "truffet",
            CallResult::NoAnswer => "intet svar",
            CallResult::MessageLeft => "lagt besked",
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
            CallResult::Reached => &["fanget", "kontakt", "naaet", "naet"],
            CallResult::NoAnswer => &["ikke_fanget", "ikke_truffet", "ingen_svar", "not_reached"],
            CallResult::MessageLeft => &["besked_lagt", "besked", "voicemail", "sms"],
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

/// How the citizen received the call (2020's call lists asked it): one optional answer per
/// reaching call, set with the outcome or afterwards ([`crate::store::Store::set_call_answers`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reception {
    VeryPositive,
    Positive,
    Neutral,
    Negative,
}

impl Word for Reception {
    const ALL: &'static [Self] = &[
        Reception::VeryPositive,
        Reception::Positive,
        Reception::Neutral,
        Reception::Negative,
    ];
    const WHAT: &'static str = "reception";
    fn key(self) -> &'static str {
        match self {
            Reception::VeryPositive => "very_positive",
            Reception::Positive => "positive",
            Reception::Neutral => "neutral",
            Reception::Negative => "negative",
        }
    }
    fn da(self) -> &'static str {
        match self {
            Reception::VeryPositive => "meget positivt",
            Reception::Positive => "positivt",
            Reception::Neutral => "neutralt",
            Reception::Negative => "negativt",
        }
    }
    fn en(self) -> &'static str {
        match self {
            Reception::VeryPositive => "very positive",
            Reception::Positive => "positive",
            Reception::Neutral => "neutral",
            Reception::Negative => "negative",
        }
    }
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Reception::VeryPositive => &["meget_positivt", "meget_positiv", "very_good", "mp"],
            Reception::Positive => &["positivt", "positiv", "good"],
            Reception::Neutral => &["neutralt", "neutral_"],
            Reception::Negative => &["negativt", "negativ", "bad"],
        }
    }
}

impl Reception {
    /// The answer's place in [`ReceptionCounts`] (0 very positive … 3 negative).
    pub fn index(self) -> usize {
        self as usize
    }
    /// The one-key answer in the desk: 1 very positive, 2 positive, 3 neutral, 4 negative.
    pub fn from_digit(c: char) -> Option<Reception> {
        match c {
            '1' => Some(Reception::VeryPositive),
            '2' => Some(Reception::Positive),
            '3' => Some(Reception::Neutral),
            '4' => Some(Reception::Negative),
            _ => None,
        }
    }
}

/// The two optional answers of a reaching call: how it was received, and whether the citizen
/// was matched to a job or a placement. Both only with [`CallResult::Reached`]; `None` is "not
/// said" (never "no").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CallAnswers {
    pub received: Option<Reception>,
    /// `Some(true)`: matched to a job or placement; `Some(false)`: said not to be.
    pub matched: Option<bool>,
}

impl CallAnswers {
    pub fn is_empty(&self) -> bool {
        self.received.is_none() && self.matched.is_none()
    }
}

/// The channels on which a reached contact is a conversation with the citizen: in person, phone,
/// video, home visit, walk, workplace (not SMS, e-mail, digital post or a letter).
pub fn is_conversation_channel(c: Channel) -> bool {
    matches!(
        c,
        Channel::InPerson
            | Channel::Phone
            | Channel::Video
            | Channel::HomeVisit
            | Channel::Walk
            | Channel::Workplace
    )
}

/// Whether a logged contact reaches the citizen for the call list: held or reached, on a
/// conversation channel ([`is_conversation_channel`]). A walk, a home visit, a video or phone
/// conversation inside the closure's window counts as reached on its call list and in its
/// report, like a reaching closure call.
pub fn contact_reaches(channel: Channel, outcome: Outcome) -> bool {
    matches!(outcome, Outcome::Held | Outcome::Reached) && is_conversation_channel(channel)
}

/// A contact outside the call-round that reached a citizen inside the closure's window (the
/// earliest one): the list's status says which ("nået: gåtur 14.04").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReachedVia {
    pub contact_id: i64,
    pub channel: Channel,
    pub at: NaiveDateTime,
}

/// Whether a citizen created at `created_at` is new during the closure (2020's "nyledige"):
/// registered after it was started, when its call list was built without them. Such citizens
/// join the open closure's call list when they are added, flagged "ny under nedlukningen", and
/// count as nyledige in the 2020 grouping whatever their group.
pub fn is_newcomer(created_at: NaiveDateTime, closure: &super::Closure) -> bool {
    created_at > closure.created_at
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
    /// The answers given on this attempt (only on a reaching one).
    pub answers: CallAnswers,
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
    /// How the call was received: the answer of the latest reaching attempt that has one.
    pub received: Option<Reception>,
    /// Matched to a job or placement: the latest reaching attempt's answer that has one.
    pub matched: Option<bool>,
}

/// Folds the attempts of one entry (in any order; sorted by time, stable) into its state; a
/// retry goes to the next working day of the default calendar (public holidays and the default
/// local days off).
pub fn call_state(attempts: &[AttemptFact]) -> CallState {
    call_state_in(attempts, default_calendar())
}

/// As [`call_state`], with the retry on the next working day of `calendar` (the user's config).
pub fn call_state_in(attempts: &[AttemptFact], calendar: &Calendar) -> CallState {
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
            if a.answers.received.is_some() {
                s.received = a.answers.received;
            }
            if a.answers.matched.is_some() {
                s.matched = a.answers.matched;
            }
        }
    }
    if let Some(last) = list.last() {
        s.last_result = Some(last.result);
        s.last_at = Some(last.at);
        if !s.reached && last.result.retries() {
            s.next_try = Some(calendar.next_working_day(last.at.date()));
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
    /// 1-based place in the call list as it was built (newcomers are added at the end).
    pub position: i64,
    /// Registered during the closure ("ny under nedlukningen", see [`is_newcomer`]).
    pub newcomer: bool,
    pub attempts: u32,
    pub last_result: Option<CallResult>,
    pub last_at: Option<NaiveDateTime>,
    /// Reached: by a closure call, or by another contact in the window (`reached_via`).
    pub reached: bool,
    pub accepted: Option<bool>,
    pub next_try: Option<NaiveDate>,
    pub received: Option<Reception>,
    pub matched: Option<bool>,
    /// Set when no closure call reached the citizen but another contact in the closure's window
    /// did (a walk, a home visit, a video or phone conversation): the earliest one.
    pub reached_via: Option<ReachedVia>,
}

impl CallEntry {
    /// The entry's state; `reached` counts a contact outside the call-round too, and then there
    /// is nothing to retry.
    pub fn state(&self) -> CallState {
        CallState {
            attempts: self.attempts,
            last_result: self.last_result,
            last_at: self.last_at,
            reached: self.reached,
            accepted: self.accepted,
            next_try: if self.reached { None } else { self.next_try },
            received: self.received,
            matched: self.matched,
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

/// A citizen whose conversations the closure paused, now due again (the catch-up list after
/// the closure, `jobdesk closure catch-up` and pane 6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatchUp {
    pub citizen_id: i64,
    pub name: String,
    pub phone: String,
    pub target_group: TargetGroup,
    pub mentor: bool,
    /// The legal deadline the citizen would have had without the closure.
    pub paused_due: NaiveDate,
    /// The deadline now, with the closure's days paused: the list is ordered by it.
    pub due: NaiveDate,
    /// The next planned conversation, if one is planned already.
    pub planned: Option<NaiveDateTime>,
}

/// Whether the closure paused this citizen's conversation: the deadline without the closure
/// (`without`) differs from the one with it (`with`), and the deadline without it fell on or
/// before the closure's last day (the conversation would have been due during it).
pub fn was_paused(without: NaiveDate, with: NaiveDate, closure_to: NaiveDate) -> bool {
    without != with && without <= closure_to
}

/// Orders the catch-up list: by the new deadline, then name and id.
pub fn catch_up_order(
    mut list: Vec<CatchUp>,
    name_key: impl Fn(&CatchUp) -> String,
) -> Vec<CatchUp> {
    list.sort_by_cached_key(|c| (c.due, name_key(c), c.citizen_id));
    list
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
    /// Only with [`CallResult::Reached`]: how the call was received, matched to a job/placement.
    pub answers: CallAnswers,
    pub at: NaiveDateTime,
    /// Phone, normally; video if the call was a video call.
    pub channel: Channel,
    pub minutes: i64,
    /// The log note: [`crate::i18n::closure::attempt_note`] words it the same for the command
    /// line and the desk.
    pub note: String,
}
