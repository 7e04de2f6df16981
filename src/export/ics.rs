//! Appointments as iCalendar (RFC 5545), for Outlook, Google Calendar, calcurse, khal and friends.
//!
//! Each single appointment is one VEVENT built with the `icalendar` crate: UID is the
//! appointment's uuid (stable, so importing again updates rather than duplicates), the summary
//! holds no CPR and only the citizen's first name and initial ("Samtale (telefon): Jens H."),
//! cancelled and moved ones are `STATUS:CANCELLED`, and every event is `CLASS:PRIVATE`. Notes
//! never go into the calendar.
//!
//! Times: DTSTART and DTEND carry `TZID=Europe/Copenhagen` with the VTIMEZONE block below; DTEND
//! is the start plus the appointment's minutes in absolute time. An appointment the clocks change
//! under (it starts in the autumn night's repeated hour or the spring night's missing one, or it
//! lasts across 02:00/03:00 that night) has both in UTC instead: readers resolve those local
//! times differently (Python's zoneinfo takes the first 02:30, khal and calcurse the second), and
//! some add minutes to a wall clock. So it lasts its real minutes and never ends before it
//! starts (calcurse keeps wall-clock times and shows that night's appointments from their real
//! start to their real end on the clock). DTSTAMP is the instant the calendar was made, in UTC.
//!
//! A series is one VEVENT with the series' uuid as UID, RRULE
//! ([`crate::domain::recurrence::rrule`], always with UNTIL: the last date written) and EXDATE
//! for every date that does not take place as the rule says: a day off skipped, an occurrence
//! cancelled or removed, and one moved or changed. A moved or changed occurrence (another time,
//! length, channel or place) is then its own VEVENT, under its appointment's uuid, with
//! RECURRENCE-ID naming the date it stands for. It is not an override under the series' UID:
//! calcurse ignores RECURRENCE-ID (it would show both the old and the new time), and Python's
//! icalendar readers and khal drop an override whose date has an EXDATE; as written here
//! calcurse, khal and `recurring_ical_events` all show the same occurrences as `agenda`.
//! Occurrences marked held or no-show are written as the rule says, like single ones.
//! An export of a date range writes the series' dates in the range: DTSTART is the first of
//! them, UNTIL the last.

use std::io::Write;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc, Weekday};
use icalendar::{
    CalendarDateTime, Class, Component, DatePerhapsTime, Event, EventLike, EventStatus, Property,
};

use crate::domain::recurrence::{End, Recurrence, nominal_dates, rrule};
use crate::domain::text::sanitize_line;
use crate::domain::{Appointment, Status, Word};
use crate::error::Result;
use crate::i18n::Lang;
use crate::store::SeriesRows;

pub const TZID: &str = "Europe/Copenhagen";

/// Denmark's time zone: CET (UTC+1) in winter, CEST (UTC+2) from the last Sunday of March
/// 02:00 to the last Sunday of October 03:00 (the EU rule since 1996).
pub const VTIMEZONE: &str = "BEGIN:VTIMEZONE\r\n\
TZID:Europe/Copenhagen\r\n\
X-LIC-LOCATION:Europe/Copenhagen\r\n\
BEGIN:DAYLIGHT\r\n\
TZOFFSETFROM:+0100\r\n\
TZOFFSETTO:+0200\r\n\
TZNAME:CEST\r\n\
DTSTART:19700329T020000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n\
END:DAYLIGHT\r\n\
BEGIN:STANDARD\r\n\
TZOFFSETFROM:+0200\r\n\
TZOFFSETTO:+0100\r\n\
TZNAME:CET\r\n\
DTSTART:19701025T030000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n\
END:STANDARD\r\n\
END:VTIMEZONE\r\n";

/// How to write the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IcsOptions {
    /// The language of the summaries.
    pub lang: Lang,
    /// When the calendar was made, this machine's local time (the export's record).
    pub now: NaiveDateTime,
    /// The same instant in UTC, whatever the machine's time zone: every event's DTSTAMP.
    pub stamp: DateTime<Utc>,
}

fn last_sunday(year: i32, month: u32) -> NaiveDate {
    // March and October both have 31 days.
    let mut d = NaiveDate::from_ymd_opt(year, month, 31).unwrap_or_default();
    while d.weekday() != Weekday::Sun {
        d -= Duration::days(1);
    }
    d
}

/// Danish local time to UTC by the rule of [`VTIMEZONE`], as RFC 5545 reads a local time: a
/// time of the autumn night's repeated hour is the first one (summer time), a time in the spring
/// night's missing hour is read with the offset before the gap (winter time).
pub fn copenhagen_to_utc(local: NaiveDateTime) -> DateTime<Utc> {
    let y = local.year();
    let summer_from =
        last_sunday(y, 3).and_time(NaiveTime::from_hms_opt(3, 0, 0).unwrap_or_default());
    let summer_to =
        last_sunday(y, 10).and_time(NaiveTime::from_hms_opt(3, 0, 0).unwrap_or_default());
    let hours = if local >= summer_from && local < summer_to {
        2
    } else {
        1
    };
    (local - Duration::hours(hours)).and_utc()
}

/// "Jens H." from "Jens Peter Hansen": the first name and the last name's initial, so a calendar
/// that syncs to a phone or a shared mailbox shows as little as possible.
pub fn short_name(name: &str) -> String {
    let clean = sanitize_line(name);
    let parts: Vec<&str> = clean.split_whitespace().collect();
    match parts.as_slice() {
        [] => String::new(),
        [one] => (*one).to_string(),
        [first, .., last] => match last.chars().next() {
            Some(c) => format!("{first} {}.", c.to_uppercase()),
            None => (*first).to_string(),
        },
    }
}

/// "Samtale (telefon): Jens H." / "Conversation (phone): Jens H."; a cancelled or moved one
/// says so at the end ("… Jens H. (aflyst)"), for calendars that ignore STATUS (calcurse does).
pub fn summary(a: &Appointment, lang: Lang) -> String {
    let da = lang.da();
    let base = format!(
        "{} ({}): {}",
        crate::domain::text::capitalise(a.kind.name(da)),
        a.channel.name(da),
        short_name(&a.citizen)
    );
    if is_cancelled(a.status) {
        format!("{base} ({})", a.status.name(da))
    } else {
        base
    }
}

/// Cancelled, cancelled by the citizen, or moved to another time: this slot does not happen.
pub fn is_cancelled(s: Status) -> bool {
    matches!(
        s,
        Status::Cancelled | Status::CancelledByCitizen | Status::Moved
    )
}

/// Whether a Danish local time is in the autumn night's repeated hour or the spring night's
/// missing one (02:00–02:59 on the last Sunday of October or of March).
pub fn is_unclear_local_time(t: NaiveDateTime) -> bool {
    let d = t.date();
    let two = NaiveTime::from_hms_opt(2, 0, 0).unwrap_or_default();
    let three = NaiveTime::from_hms_opt(3, 0, 0).unwrap_or_default();
    (d == last_sunday(d.year(), 3) || d == last_sunday(d.year(), 10))
        && t.time() >= two
        && t.time() < three
}

fn local(t: NaiveDateTime) -> CalendarDateTime {
    CalendarDateTime::WithTimezone {
        date_time: t,
        tzid: TZID.to_string(),
    }
}

/// Denmark's offset from UTC (1 or 2 hours) at a moment given in UTC.
fn offset_hours_at(u: DateTime<Utc>) -> i64 {
    let y = u.year();
    let one = NaiveTime::from_hms_opt(1, 0, 0).unwrap_or_default();
    let from = last_sunday(y, 3).and_time(one).and_utc();
    let to = last_sunday(y, 10).and_time(one).and_utc();
    if u >= from && u < to { 2 } else { 1 }
}

/// Whether an appointment is best written in UTC: it starts in an unclear local hour, or the
/// clocks change while it lasts (readers that add minutes to a wall clock, such as Python's
/// `recurring_ical_events`, would give it the wrong length).
pub fn needs_utc(start: NaiveDateTime, minutes: i64) -> bool {
    let from = copenhagen_to_utc(start);
    let to = from + Duration::minutes(minutes.max(1));
    is_unclear_local_time(start) || offset_hours_at(from) != offset_hours_at(to)
}

/// DTSTART and DTEND of an appointment, the end `minutes` after the start in absolute time:
/// Copenhagen time, or both in UTC when [`needs_utc`].
pub fn span(start: NaiveDateTime, minutes: i64) -> (CalendarDateTime, CalendarDateTime) {
    let from = copenhagen_to_utc(start);
    let to = from + Duration::minutes(minutes.max(1));
    if needs_utc(start, minutes) {
        (CalendarDateTime::Utc(from), CalendarDateTime::Utc(to))
    } else {
        (
            local(start),
            local(start + Duration::minutes(minutes.max(1))),
        )
    }
}

/// A date of a series as EXDATE and RECURRENCE-ID name it: Copenhagen time, or UTC for an
/// unclear local time.
fn instant(t: NaiveDateTime) -> CalendarDateTime {
    if is_unclear_local_time(t) {
        CalendarDateTime::Utc(copenhagen_to_utc(t))
    } else {
        local(t)
    }
}

/// The VEVENT of one appointment.
pub fn event(a: &Appointment, opts: &IcsOptions) -> Event {
    let (starts, ends) = span(a.start, a.minutes);
    let mut e = Event::new();
    e.uid(&a.uuid)
        .timestamp(opts.stamp)
        .starts(starts)
        .ends(ends)
        .summary(&summary(a, opts.lang))
        .class(Class::Private);
    let place = sanitize_line(&a.place);
    if !place.trim().is_empty() {
        e.location(place.trim());
    }
    e.status(if is_cancelled(a.status) {
        EventStatus::Cancelled
    } else {
        EventStatus::Confirmed
    });
    e.done()
}

fn line(out: &mut dyn Write, key: &str, value: &str) -> Result<()> {
    let text: String = Property::new(key, value)
        .try_into()
        .map_err(|_| anyhow::anyhow!("cannot write the calendar line {key}"))?;
    out.write_all(text.as_bytes())?;
    Ok(())
}

/// Which nominal dates of a series are written: those whose day is in `[from, to)`.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Window {
    pub from: Option<NaiveDateTime>,
    pub to: Option<NaiveDateTime>,
}

impl Window {
    fn holds(&self, t: NaiveDateTime) -> bool {
        self.from.is_none_or(|f| t >= f) && self.to.is_none_or(|e| t < e)
    }
}

/// Whether an occurrence takes place as its series' rule says (its nominal time, the series'
/// length, channel and place; held or no-show like planned).
fn as_the_rule_says(s: &crate::store::Series, nominal: NaiveDateTime, a: &Appointment) -> bool {
    a.start == nominal
        && a.minutes == s.minutes
        && a.channel == s.channel
        && a.kind == s.kind
        && a.place == s.place
        && matches!(a.status, Status::Planned | Status::Held | Status::NoShow)
}

/// The VEVENTs of one series (the rule, then its moved or changed occurrences); how many
/// occurrences they show.
pub fn series_events(sr: &SeriesRows, window: Window, opts: &IcsOptions) -> (Vec<Event>, u64) {
    let s = &sr.series;
    let dates: Vec<NaiveDateTime> = nominal_dates(s.start, &s.recurrence)
        .into_iter()
        .filter(|t| window.holds(*t))
        .collect();
    let (Some(first), Some(last)) = (dates.first().copied(), dates.last().copied()) else {
        return (Vec::new(), 0);
    };
    let mut exdates = Vec::new();
    let mut own = Vec::new();
    let mut shown = 0u64;
    for n in &dates {
        // The live appointment of this date: a move's new time rather than the moved one.
        let live = sr
            .rows
            .iter()
            .filter(|(occ, _)| occ == n)
            .map(|(_, a)| a)
            .min_by_key(|a| (a.status == Status::Moved, std::cmp::Reverse(a.id)));
        match live {
            Some(a) if as_the_rule_says(s, *n, a) => shown += 1,
            Some(a) if !is_cancelled(a.status) => {
                exdates.push(*n);
                let mut e = event(a, opts);
                e.recurrence_id(DatePerhapsTime::DateTime(instant(*n)));
                own.push(e.done());
                shown += 1;
            }
            _ => exdates.push(*n),
        }
    }
    let mut out = Vec::with_capacity(own.len() + 1);
    if exdates.len() < dates.len() {
        let look = Appointment {
            id: 0,
            uuid: s.uuid.clone(),
            citizen_id: s.citizen_id,
            citizen: s.citizen.clone(),
            kind: s.kind,
            start: first,
            minutes: s.minutes,
            channel: s.channel,
            place: s.place.clone(),
            status: Status::Planned,
            reason: String::new(),
            moved_to: None,
            phone: String::new(),
            series_id: Some(s.id),
        };
        let mut e = event(&look, opts);
        // Always UNTIL, the last date written (in UTC, as RFC 5545 asks with a TZID start): a
        // range export and a series ended early need no count.
        let until = copenhagen_to_utc(last).format("%Y%m%dT%H%M%SZ").to_string();
        let rule = Recurrence {
            end: End::Until(last.date()),
            ..s.recurrence
        };
        e.add_property("RRULE", rrule(first, &rule, Some(&until)));
        for x in &exdates {
            e.append_multi_property(DatePerhapsTime::DateTime(instant(*x)).to_property("EXDATE"));
        }
        out.push(e.done());
    }
    out.extend(own);
    (out, shown)
}

/// Writes a whole VCALENDAR: one VEVENT per single appointment, as they come, then each series
/// (see the module's text); returns how many appointments it shows.
pub fn write_calendar(
    out: &mut dyn Write,
    rows: &mut dyn Iterator<Item = Result<Appointment>>,
    series: &[SeriesRows],
    window: Window,
    opts: &IcsOptions,
) -> Result<u64> {
    line(out, "BEGIN", "VCALENDAR")?;
    line(out, "VERSION", "2.0")?;
    line(
        out,
        "PRODID",
        concat!("-//jobdesk//jobdesk ", env!("CARGO_PKG_VERSION"), "//EN"),
    )?;
    line(out, "CALSCALE", "GREGORIAN")?;
    line(out, "METHOD", "PUBLISH")?;
    line(out, "X-WR-CALNAME", "jobdesk")?;
    // No X-WR-TIMEZONE: every time names its zone, and Python's recurring_ical_events would
    // move UTC times into it and lose the real length of an appointment across a clock change.
    out.write_all(VTIMEZONE.as_bytes())?;
    let mut n = 0u64;
    for row in rows {
        let a = row?;
        let text = event(&a, opts).try_into_string().map_err(|_| {
            anyhow::anyhow!("cannot write the calendar event of appointment {}", a.id)
        })?;
        out.write_all(text.as_bytes())?;
        n += 1;
    }
    for sr in series {
        let (events, shown) = series_events(sr, window, opts);
        for e in events {
            let text = e.try_into_string().map_err(|_| {
                anyhow::anyhow!("cannot write the calendar event of series {}", sr.series.id)
            })?;
            out.write_all(text.as_bytes())?;
        }
        n += shown;
    }
    line(out, "END", "VCALENDAR")?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Channel, Kind};

    fn t(y: i32, m: u32, d: u32, h: u32, mi: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|x| x.and_hms_opt(h, mi, 0))
            .unwrap_or_default()
    }

    fn appt(status: Status) -> Appointment {
        Appointment {
            id: 7,
            uuid: "5f0c8a52-3c1e-4a7e-9d0b-1b2c3d4e5f60".into(),
            citizen_id: 3,
            citizen: "Jens Peter Hansen".into(),
            kind: Kind::Conversation,
            start: t(2026, 11, 23, 10, 30),
            minutes: 45,
            channel: Channel::Phone,
            place: "Jobcentret, lok. 2; 1. sal".into(),
            status,
            reason: String::new(),
            moved_to: None,
            phone: String::new(),
            series_id: None,
        }
    }

    #[test]
    fn names_are_shortened() {
        assert_eq!(short_name("Jens Peter Hansen"), "Jens H.");
        assert_eq!(short_name("  Åse   ørsted "), "Åse Ø.");
        assert_eq!(short_name("Cher"), "Cher");
        assert_eq!(short_name(""), "");
    }

    #[test]
    fn summaries_in_both_languages() {
        assert_eq!(
            summary(&appt(Status::Planned), Lang::Da),
            "Samtale (telefon): Jens H."
        );
        assert_eq!(
            summary(&appt(Status::Planned), Lang::En),
            "Conversation (phone): Jens H."
        );
        let mut m = appt(Status::Planned);
        m.kind = Kind::MentorVisit;
        m.channel = Channel::Walk;
        assert_eq!(summary(&m, Lang::Da), "Mentorbesøg (gåtur): Jens H.");
        assert_eq!(
            summary(&appt(Status::Cancelled), Lang::Da),
            "Samtale (telefon): Jens H. (aflyst)"
        );
        assert_eq!(
            summary(&appt(Status::CancelledByCitizen), Lang::En),
            "Conversation (phone): Jens H. (cancelled by citizen)"
        );
        assert_eq!(
            summary(&appt(Status::NoShow), Lang::En),
            "Conversation (phone): Jens H."
        );
    }

    #[test]
    fn copenhagen_offsets_follow_the_eu_rule() {
        assert_eq!(
            copenhagen_to_utc(t(2026, 1, 10, 12, 0)).naive_utc(),
            t(2026, 1, 10, 11, 0)
        );
        assert_eq!(
            copenhagen_to_utc(t(2026, 7, 1, 12, 0)).naive_utc(),
            t(2026, 7, 1, 10, 0)
        );
        // 2026: summer time from 29 March to 25 October.
        assert_eq!(
            copenhagen_to_utc(t(2026, 3, 29, 1, 59)).naive_utc(),
            t(2026, 3, 29, 0, 59)
        );
        assert_eq!(
            copenhagen_to_utc(t(2026, 3, 29, 3, 0)).naive_utc(),
            t(2026, 3, 29, 1, 0)
        );
        assert_eq!(
            copenhagen_to_utc(t(2026, 10, 25, 3, 0)).naive_utc(),
            t(2026, 10, 25, 2, 0)
        );
    }

    #[test]
    fn calendar_parses_back_with_the_icalendar_parser() {
        let opts = IcsOptions {
            lang: Lang::Da,
            now: t(2026, 11, 23, 12, 0),
            stamp: t(2026, 11, 23, 11, 0).and_utc(),
        };
        let mut out = Vec::new();
        let rows = vec![Ok(appt(Status::Planned)), Ok(appt(Status::Cancelled))];
        let n = write_calendar(
            &mut out,
            &mut rows.into_iter(),
            &[],
            Window::default(),
            &opts,
        )
        .unwrap();
        assert_eq!(n, 2);
        let text = String::from_utf8(out).unwrap();
        assert!(text.lines().all(|l| l.len() <= 75), "{text}");
        assert!(text.split("\r\n").all(|l| !l.contains('\n')));
        let cal: icalendar::Calendar = text.parse().unwrap();
        let events: Vec<_> = cal.events().collect();
        assert_eq!(events.len(), 2);
        assert_eq!(
            events[0].get_uid(),
            Some("5f0c8a52-3c1e-4a7e-9d0b-1b2c3d4e5f60")
        );
        assert_eq!(events[0].get_summary(), Some("Samtale (telefon): Jens H."));
        assert_eq!(events[0].get_location(), Some("Jobcentret, lok. 2; 1. sal"));
        assert_eq!(events[0].get_status(), Some(EventStatus::Confirmed));
        assert_eq!(events[1].get_status(), Some(EventStatus::Cancelled));
        assert_eq!(
            events[0].get_start(),
            Some(icalendar::DatePerhapsTime::DateTime(
                CalendarDateTime::WithTimezone {
                    date_time: t(2026, 11, 23, 10, 30),
                    tzid: TZID.into()
                }
            ))
        );
        assert!(
            text.contains("DTEND;TZID=Europe/Copenhagen:20261123T111500\r\n"),
            "{text}"
        );
        assert!(text.contains("DTSTAMP:20261123T110000Z\r\n"), "{text}");
        assert!(text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Copenhagen\r\n"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
    }

    #[test]
    fn the_autumn_night_keeps_real_minutes_and_the_spring_gap_is_read_before_it() {
        // 01:30 summer time is 23:30 UTC; 90 real minutes end at 01:00 UTC (02:00 winter time).
        let mut a = appt(Status::Planned);
        a.start = t(2026, 10, 25, 1, 30);
        a.minutes = 90;
        let opts = IcsOptions {
            lang: Lang::En,
            now: t(2026, 10, 1, 12, 0),
            stamp: t(2026, 10, 1, 10, 0).and_utc(),
        };
        let text = event(&a, &opts).try_into_string().unwrap();
        assert!(text.contains("DTSTART:20261024T233000Z\r\n"), "{text}");
        assert!(text.contains("DTEND:20261025T010000Z\r\n"), "{text}");
        // 02:00 that night happens twice: written in UTC (the first one, summer time).
        a.start = t(2026, 10, 25, 2, 0);
        a.minutes = 60;
        let text = event(&a, &opts).try_into_string().unwrap();
        assert!(text.contains("DTSTART:20261025T000000Z\r\n"), "{text}");
        assert!(text.contains("DTEND:20261025T010000Z\r\n"), "{text}");
        // 02:30 on 29.03.2026 does not exist: read with winter time, so it never ends first.
        assert_eq!(
            copenhagen_to_utc(t(2026, 3, 29, 2, 30)).naive_utc(),
            t(2026, 3, 29, 1, 30)
        );
        a.start = t(2026, 3, 29, 2, 30);
        a.minutes = 30;
        let text = event(&a, &opts).try_into_string().unwrap();
        assert!(text.contains("DTSTART:20260329T013000Z\r\n"), "{text}");
        assert!(text.contains("DTEND:20260329T020000Z\r\n"), "{text}");
    }
}
