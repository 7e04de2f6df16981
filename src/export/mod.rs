//! The export formats: the contact log as CSV (Danish Excel too), the calendar as iCalendar,
//! everything as JSON. Each writer is a pure function: rows in (an iterator the store feeds while
//! it steps through its statement, so a five-year log never sits in memory), a `Write` out. This
//! module knows neither the store nor files; the `transfer` module joins the three (temporary file,
//! rename, 0600, the record of every export). The rows come as the plain records of
//! `domain::records`, which the store fills.

pub mod csv;
pub mod ics;
pub mod json;

pub use crate::domain::records::{DayRange, ExportKind, ExportRecord, LogRow};
