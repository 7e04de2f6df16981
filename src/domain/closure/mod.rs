//! Closures (nedlukninger): a date range in which in-person meetings are suspended, deadlines
//! are paused, and the consultant phones the whole caseload from a call list. This module holds
//! the rules and the pure computations: the range checks, which appointments a closure converts
//! and to what, the order of the call list, the state of one entry from its attempts, and the
//! figures of the report with their rounding. No I/O.
//!
//! The call list lives in `calls`, the report's figures in `report`; both are re-exported here.

mod calls;
mod report;
#[cfg(test)]
mod tests;

pub use calls::*;
pub use report::*;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::cadence::Suspension;
use super::types::{Channel, Kind, Status, Word};

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
