//! The export formats: the contact log as CSV (Danish Excel too), the calendar as iCalendar,
//! everything as JSON. Each writer is a pure function: rows in (an iterator the store feeds while
//! it steps through its statement, so a five-year log never sits in memory), a `Write` out. This
//! module knows neither the store nor files; `crate::transfer` joins the three (temporary file,
//! rename, 0600, the record of every export). The plain row and record types live here; the
//! store fills them.

pub mod cli;
pub mod csv;
pub mod ics;
pub mod json;

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

use crate::domain::{Channel, Kind, Outcome, TargetGroup};
use crate::i18n::Lang;

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

    /// "23.11.2026", "23.11.2026–27.11.2026", "fra 23.11.2026", "til …" or "alle" in words.
    pub fn describe(&self, lang: Lang) -> String {
        let d = |x: NaiveDate| crate::domain::dates::fmt_date(x, lang.da());
        match (self.from, self.to) {
            (Some(a), Some(b)) if a == b => d(a),
            (Some(a), Some(b)) => format!("{}–{}", d(a), d(b)),
            (Some(a), None) => format!("{} {}", lang.t("fra", "from"), d(a)),
            (None, Some(b)) => format!("{} {}", lang.t("til og med", "through"), d(b)),
            (None, None) => lang.t("alle dage", "all days").to_string(),
        }
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
