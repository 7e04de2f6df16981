//! Plain records that cross between the store and the exports: the store fills them from its
//! tables (and takes them back on a restore), the export formats write and read them. Data
//! only: no SQL, no files, no words (those live in `i18n`, such as `DayRange::describe`).

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use super::{Channel, Kind, Outcome, Status, TargetGroup};

/// One entry of the contact log as the CSV export shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct LogRow {
    pub at: NaiveDateTime,
    pub citizen: String,
    pub cpr: Option<String>,
    pub target_group: TargetGroup,
    /// The planned appointment's kind; for an unplanned contact, a mentor visit when the channel
    /// is a mentor's (home visit, walk, workplace), else a conversation.
    pub kind: Kind,
    pub channel: Channel,
    pub outcome: Outcome,
    pub minutes: i64,
    pub note: String,
    /// Whether it counts toward the legal minimum.
    pub counts: bool,
    /// The day it was transferred to the case system, if it has been.
    pub transferred: Option<NaiveDate>,
}

/// The days an export covers, both ends included; `None` leaves that end open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DayRange {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl DayRange {
    pub fn day(d: NaiveDate) -> DayRange {
        DayRange {
            from: Some(d),
            to: Some(d),
        }
    }

    /// The first moment included, if the range has a start.
    pub fn start(&self) -> Option<NaiveDateTime> {
        self.from.map(|d| d.and_time(NaiveTime::MIN))
    }

    /// The first moment after the range, if it has an end.
    pub fn end_exclusive(&self) -> Option<NaiveDateTime> {
        self.to
            .map(|d| (d + Duration::days(1)).and_time(NaiveTime::MIN))
    }
}

/// What kind of file an export wrote (the `exports.kind` column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    Csv,
    CsvExcel,
    Ics,
    Json,
}

impl ExportKind {
    pub fn key(self) -> &'static str {
        match self {
            ExportKind::Csv => "csv",
            ExportKind::CsvExcel => "csv_excel",
            ExportKind::Ics => "ics",
            ExportKind::Json => "json",
        }
    }

    pub fn parse(s: &str) -> Option<ExportKind> {
        [
            ExportKind::Csv,
            ExportKind::CsvExcel,
            ExportKind::Ics,
            ExportKind::Json,
        ]
        .into_iter()
        .find(|k| k.key() == s)
    }
}

/// One recorded export: what left the database, when, and where to.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportRecord {
    pub at: NaiveDateTime,
    pub kind: ExportKind,
    pub range: DayRange,
    pub rows: u64,
    /// CPR numbers were included.
    pub cpr: bool,
    /// The file written, or `-` for standard output.
    pub path: String,
}

// The rows of a whole JSON export (every column the store keeps but the derived ones).

/// One citizen, every column but the derived search and sort keys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CitizenRecord {
    pub id: i64,
    pub name: String,
    pub cpr: Option<String>,
    pub phone: String,
    pub email: String,
    pub target_group: TargetGroup,
    pub benefit_start: Option<NaiveDate>,
    pub mentor: bool,
    pub mentor_goals: String,
    pub mentor_hours: Option<f64>,
    pub mentor_until: Option<NaiveDate>,
    pub summary: String,
    pub exempt: bool,
    pub archived: bool,
    pub last_contact: Option<NaiveDateTime>,
    pub next_due: Option<NaiveDate>,
    pub created_at: NaiveDateTime,
    /// jobdesk's pace towards `next_due` (derived); left out when empty, so files written
    /// before it load as they are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pace_due: Option<NaiveDate>,
    /// The first day of absence (sygedagpenge); left out when empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub absence_start: Option<NaiveDate>,
    /// The citizen's address; left out when empty, so files written before it load.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// The day the citizen asked for a conversation (none planned since); left out when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested: Option<NaiveDate>,
    /// Expected at the job club; left out when not, so files written before it load.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub jobclub: bool,
}

/// One appointment, every column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppointmentRecord {
    pub id: i64,
    pub uuid: String,
    pub citizen_id: i64,
    pub kind: Kind,
    pub start: NaiveDateTime,
    pub minutes: i64,
    pub channel: Channel,
    pub place: String,
    pub status: Status,
    pub reason: String,
    pub moved_to: Option<i64>,
    pub deleted: bool,
    pub created_at: NaiveDateTime,
    /// The series it is an occurrence of (absent for a single appointment).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series_id: Option<i64>,
    /// Its nominal start in the series (RFC 5545's RECURRENCE-ID).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurrence: Option<NaiveDateTime>,
}

/// A series of recurring appointments, every column (its dates are appointment rows).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeriesRecord {
    pub id: i64,
    pub uuid: String,
    pub citizen_id: i64,
    pub kind: Kind,
    pub start: NaiveDateTime,
    pub minutes: i64,
    pub channel: Channel,
    pub place: String,
    pub frequency: super::recurrence::Frequency,
    pub until: Option<NaiveDate>,
    pub count: Option<u32>,
    pub on_day_off: super::recurrence::OnDayOff,
    pub skipped: Vec<NaiveDate>,
    pub deleted: bool,
    pub created_at: NaiveDateTime,
}

/// One entry of the contact log, every column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactRecord {
    pub id: i64,
    pub uuid: String,
    pub citizen_id: i64,
    pub appointment_id: Option<i64>,
    pub at: NaiveDateTime,
    pub channel: Channel,
    pub outcome: Outcome,
    pub minutes: i64,
    pub note: String,
    pub counts: bool,
    pub transferred_at: Option<NaiveDateTime>,
    pub feedback_score: Option<i64>,
    pub feedback_wish: String,
    pub deleted: bool,
    pub created_at: NaiveDateTime,
}

/// One closure (nedlukning).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClosureRecord {
    pub id: i64,
    pub name: String,
    pub from_date: NaiveDate,
    pub to_date: NaiveDate,
    pub counts_held: bool,
    pub created_at: NaiveDateTime,
    pub ended_at: Option<NaiveDateTime>,
}

/// One citizen on a closure's call list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClosureCallRecord {
    pub closure_id: i64,
    pub citizen_id: i64,
    pub position: i64,
    pub target_group: TargetGroup,
    pub mentor: bool,
    pub attempts: i64,
    pub last_result: Option<String>,
    pub last_at: Option<NaiveDateTime>,
    pub reached: bool,
    pub accepted: Option<bool>,
    pub next_try: Option<NaiveDate>,
    /// Registered during the closure (added to its list while it was open). Files written
    /// before it was kept read as `false`.
    #[serde(default)]
    pub newcomer: bool,
    /// How the call was received (very_positive, positive, neutral, negative), if said.
    #[serde(default)]
    pub received: Option<String>,
    /// Matched to a job or placement, if said.
    #[serde(default)]
    pub matched: Option<bool>,
}

/// What a closure call adds to its contact in the log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClosureAttemptRecord {
    pub contact_id: i64,
    pub closure_id: i64,
    pub citizen_id: i64,
    pub result: String,
    pub accepted: Option<bool>,
    /// How the call was received, if said (files written before it was kept: none).
    #[serde(default)]
    pub received: Option<String>,
    /// Matched to a job or placement, if said.
    #[serde(default)]
    pub matched: Option<bool>,
}

/// An in-person appointment a closure turned into phone, video or a walk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClosureConversionRecord {
    pub id: i64,
    pub closure_id: i64,
    pub appointment_id: i64,
    pub from_channel: Channel,
    pub to_channel: Channel,
    pub at: NaiveDateTime,
}

/// An exemption from job-club attendance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JobclubExemptionRecord {
    pub id: i64,
    pub citizen_id: i64,
    pub from_date: NaiveDate,
    pub to_date: NaiveDate,
    pub reason: String,
    pub created_at: NaiveDateTime,
    /// The time of day it covers ("09:00"), both or neither; left out for the whole day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_time: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_time: Option<String>,
    /// The weekdays it holds on as stored ("2,4", Monday 1); left out for every day.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub weekdays: String,
}

/// A citizen's job-club attendance mark for one session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JobclubAttendanceRecord {
    pub date: NaiveDate,
    pub citizen_id: i64,
    pub mark: super::jobclub::Mark,
    /// The contact the absence was logged as, if asked.
    pub contact_id: Option<i64>,
    pub marked_at: NaiveDateTime,
}

/// A note or summary being typed, not yet saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DraftRecord {
    pub kind: String,
    pub target_id: i64,
    pub citizen_id: i64,
    pub text: String,
    pub updated_at: NaiveDateTime,
}

/// The lists of the document, in the order they are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Citizens,
    Appointments,
    Contacts,
    Closures,
    ClosureCalls,
    ClosureAttempts,
    ClosureConversions,
    JobclubExemptions,
    Drafts,
    /// Recurring appointments (absent from files of jobdesk before series: read as none).
    Series,
    /// Job-club attendance marks (absent from files before the job club: read as none).
    JobclubAttendance,
}

impl Section {
    pub const ALL: [Section; 11] = [
        Section::Citizens,
        Section::Appointments,
        Section::Contacts,
        Section::Closures,
        Section::ClosureCalls,
        Section::ClosureAttempts,
        Section::ClosureConversions,
        Section::JobclubExemptions,
        Section::Drafts,
        Section::Series,
        Section::JobclubAttendance,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Section::Citizens => "citizens",
            Section::Appointments => "appointments",
            Section::Contacts => "contacts",
            Section::Closures => "closures",
            Section::ClosureCalls => "closure_calls",
            Section::ClosureAttempts => "closure_attempts",
            Section::ClosureConversions => "closure_conversions",
            Section::JobclubExemptions => "jobclub_exemptions",
            Section::Drafts => "drafts",
            Section::Series => "series",
            Section::JobclubAttendance => "jobclub_attendance",
        }
    }

    /// The place of this list in [`Section::ALL`].
    pub fn index(self) -> usize {
        Section::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The list of a JSON key.
    pub fn of_key(key: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// One row of any list.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Record {
    Citizen(CitizenRecord),
    Appointment(AppointmentRecord),
    Contact(ContactRecord),
    Closure(ClosureRecord),
    ClosureCall(ClosureCallRecord),
    ClosureAttempt(ClosureAttemptRecord),
    ClosureConversion(ClosureConversionRecord),
    JobclubExemption(JobclubExemptionRecord),
    Draft(DraftRecord),
    Series(SeriesRecord),
    JobclubAttendance(JobclubAttendanceRecord),
}

impl Record {
    /// The first day a user gave in this row (a start, a contact's time, a benefit start, a
    /// closure's days …) that lies outside the years the app takes (2000–2099), with the row's
    /// kind and id: a JSON file is refused for it as a typed date would be.
    pub fn day_outside_range(&self) -> Option<(&'static str, i64, NaiveDate)> {
        let (what, id, days): (&'static str, i64, Vec<NaiveDate>) = match self {
            Record::Citizen(c) => (
                "citizen",
                c.id,
                [c.benefit_start, c.absence_start, c.mentor_until]
                    .into_iter()
                    .flatten()
                    .collect(),
            ),
            Record::Appointment(a) => ("appointment", a.id, vec![a.start.date()]),
            Record::Contact(k) => ("contact", k.id, vec![k.at.date()]),
            Record::Closure(c) => ("closure", c.id, vec![c.from_date, c.to_date]),
            Record::JobclubExemption(j) => {
                ("job-club exemption", j.id, vec![j.from_date, j.to_date])
            }
            Record::JobclubAttendance(a) => {
                ("job-club attendance of citizen", a.citizen_id, vec![a.date])
            }
            _ => return None,
        };
        days.into_iter()
            .find(|d| !super::dates::in_range(*d))
            .map(|d| (what, id, d))
    }

    pub fn section(&self) -> Section {
        match self {
            Record::Citizen(_) => Section::Citizens,
            Record::Appointment(_) => Section::Appointments,
            Record::Contact(_) => Section::Contacts,
            Record::Closure(_) => Section::Closures,
            Record::ClosureCall(_) => Section::ClosureCalls,
            Record::ClosureAttempt(_) => Section::ClosureAttempts,
            Record::ClosureConversion(_) => Section::ClosureConversions,
            Record::JobclubExemption(_) => Section::JobclubExemptions,
            Record::Draft(_) => Section::Drafts,
            Record::Series(_) => Section::Series,
            Record::JobclubAttendance(_) => Section::JobclubAttendance,
        }
    }
}

/// Where a restore puts the rows it reads (the store, inside one transaction).
pub trait RestoreSink {
    fn put(&mut self, r: Record) -> anyhow::Result<()>;
}
