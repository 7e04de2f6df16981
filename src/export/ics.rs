//! Appointments as iCalendar (RFC 5545), for Outlook, Google Calendar, calcurse and friends.
//!
//! Each appointment is one VEVENT built with the `icalendar` crate: UID is the appointment's uuid
//! (stable, so importing again updates rather than duplicates), DTSTART/DTEND carry
//! `TZID=Europe/Copenhagen` with the VTIMEZONE block below, the summary holds no CPR and only the
//! citizen's first name and initial ("Samtale (telefon): Jens H."), cancelled and moved ones are
//! `STATUS:CANCELLED`, and every event is `CLASS:PRIVATE`. Notes never go into the calendar.

use std::io::Write;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc, Weekday};
use icalendar::{CalendarDateTime, Class, Component, Event, EventLike, EventStatus, Property};

use crate::domain::text::sanitize_line;
use crate::domain::{Appointment, Status, Word};
use crate::error::Result;
use crate::i18n::Lang;

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
    /// When the calendar was made (local time in Denmark): every event's DTSTAMP.
    pub now: NaiveDateTime,
}

fn last_sunday(year: i32, month: u32) -> NaiveDate {
    // March and October both have 31 days.
    let mut d = NaiveDate::from_ymd_opt(year, month, 31).unwrap_or_default();
    while d.weekday() != Weekday::Sun {
        d -= Duration::days(1);
    }
    d
}

/// Danish local time to UTC by the rule of [`VTIMEZONE`].
pub fn copenhagen_to_utc(local: NaiveDateTime) -> DateTime<Utc> {
    let y = local.year();
    let summer_from =
        last_sunday(y, 3).and_time(NaiveTime::from_hms_opt(2, 0, 0).unwrap_or_default());
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

/// The VEVENT of one appointment.
pub fn event(a: &Appointment, opts: &IcsOptions) -> Event {
    let at = |t: NaiveDateTime| CalendarDateTime::WithTimezone {
        date_time: t,
        tzid: TZID.to_string(),
    };
    let mut e = Event::new();
    e.uid(&a.uuid)
        .timestamp(copenhagen_to_utc(opts.now))
        .starts(at(a.start))
        .ends(at(a.end()))
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

/// Writes a whole VCALENDAR with one VEVENT per appointment, as they come; returns how many.
pub fn write_calendar(
    out: &mut dyn Write,
    rows: &mut dyn Iterator<Item = Result<Appointment>>,
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
    line(out, "X-WR-TIMEZONE", TZID)?;
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
        };
        let mut out = Vec::new();
        let rows = vec![Ok(appt(Status::Planned)), Ok(appt(Status::Cancelled))];
        let n = write_calendar(&mut out, &mut rows.into_iter(), &opts).unwrap();
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
}
