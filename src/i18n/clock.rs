//! Words of the desk's clock: the next appointment and the time until it, as the header shows
//! them ("næste 10.30 Jens H. · telefon · om 12 min" / "next 10:30 Jens H. · phone · in 12 min").
//! Pure functions of the appointment and the time: the clock is passed in.

use chrono::NaiveDateTime;

use super::Lang;
use crate::domain::{Appointment, Word};

/// The time until `start` seen at `now`, whole minutes rounded up: "om 12 min" / "in 12 min",
/// "om 1 t 5 min" / "in 1 h 5 min", "nu" / "now" once it has come.
pub fn countdown(l: Lang, now: NaiveDateTime, start: NaiveDateTime) -> String {
    let secs = (start - now).num_seconds();
    if secs <= 0 {
        return if l.da() { "nu" } else { "now" }.to_string();
    }
    let mins = (secs + 59) / 60;
    let (h, m) = (mins / 60, mins % 60);
    let (pre, hour) = if l.da() { ("om", "t") } else { ("in", "h") };
    match (h, m) {
        (0, m) => format!("{pre} {m} min"),
        (h, 0) => format!("{pre} {h} {hour}"),
        (h, m) => format!("{pre} {h} {hour} {m} min"),
    }
}

/// The next appointment in full: "næste 10.30 Jens H. · telefon · om 12 min".
pub fn next_full(l: Lang, now: NaiveDateTime, a: &Appointment) -> String {
    format!(
        "{} {} {} · {} · {}",
        next_word(l),
        l.time(a.start.time()),
        crate::export::ics::short_name(&a.citizen),
        a.channel.name(l.da()),
        countdown(l, now, a.start)
    )
}

/// The next appointment where the line is short: "næste 10.30 Jens H.".
pub fn next_short(l: Lang, a: &Appointment) -> String {
    format!(
        "{} {} {}",
        next_word(l),
        l.time(a.start.time()),
        crate::export::ics::short_name(&a.citizen)
    )
}

/// The reminder line before an appointment: "Om 10 min: 10.30 Jens H. · telefon  ·  Esc lukker"
/// / "In 10 min: 10:30 Jens H. · phone  ·  Esc dismisses".
pub fn reminder(l: Lang, now: NaiveDateTime, a: &Appointment) -> String {
    format!(
        "{}: {} {} · {}  ·  {}",
        crate::domain::text::capitalise(&countdown(l, now, a.start)),
        l.time(a.start.time()),
        crate::export::ics::short_name(&a.citizen),
        a.channel.name(l.da()),
        l.t("Esc lukker", "Esc dismisses")
    )
}

fn next_word(l: Lang) -> &'static str {
    if l.da() { "næste" } else { "next" }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::domain::{Channel, Kind, Status};
    use chrono::NaiveDate;

    fn at(h: u32, m: u32, s: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 23)
            .unwrap()
            .and_hms_opt(h, m, s)
            .unwrap()
    }

    fn appt() -> Appointment {
        Appointment {
            id: 1,
            uuid: String::new(),
            citizen_id: 1,
            citizen: "Jens Peter Hansen".into(),
            kind: Kind::Conversation,
            start: at(10, 30, 0),
            minutes: 30,
            channel: Channel::Phone,
            place: String::new(),
            status: Status::Planned,
            reason: String::new(),
            moved_to: None,
            phone: String::new(),
            series_id: None,
        }
    }

    #[test]
    fn countdown_at_fixed_times() {
        assert_eq!(
            countdown(Lang::Da, at(10, 18, 0), at(10, 30, 0)),
            "om 12 min"
        );
        assert_eq!(
            countdown(Lang::En, at(10, 18, 0), at(10, 30, 0)),
            "in 12 min"
        );
        // Seconds past the minute round up: 11 min 30 s is "12 min" until it is 11.
        assert_eq!(
            countdown(Lang::En, at(10, 18, 30), at(10, 30, 0)),
            "in 12 min"
        );
        assert_eq!(
            countdown(Lang::Da, at(9, 25, 0), at(10, 30, 0)),
            "om 1 t 5 min"
        );
        assert_eq!(countdown(Lang::En, at(8, 30, 0), at(10, 30, 0)), "in 2 h");
        assert_eq!(countdown(Lang::Da, at(10, 30, 0), at(10, 30, 0)), "nu");
    }

    #[test]
    fn next_at_fixed_times() {
        assert_eq!(
            next_full(Lang::Da, at(10, 18, 0), &appt()),
            "næste 10.30 Jens H. · telefon · om 12 min"
        );
        assert_eq!(
            next_full(Lang::En, at(10, 18, 0), &appt()),
            "next 10:30 Jens H. · phone · in 12 min"
        );
        assert_eq!(next_short(Lang::Da, &appt()), "næste 10.30 Jens H.");
    }

    #[test]
    fn reminder_at_fixed_times() {
        assert_eq!(
            reminder(Lang::Da, at(10, 20, 0), &appt()),
            "Om 10 min: 10.30 Jens H. · telefon  ·  Esc lukker"
        );
        assert_eq!(
            reminder(Lang::En, at(10, 21, 0), &appt()),
            "In 9 min: 10:30 Jens H. · phone  ·  Esc dismisses"
        );
    }
}
