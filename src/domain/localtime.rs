//! Danish local time (Europe/Copenhagen) without a time-zone database: the EU rule, in force
//! since 1996 and assumed for the whole calendar the app takes (2000–2099). Summer time (CEST,
//! UTC+2) begins on the last Sunday of March at 01:00 UTC, when clocks go from 02.00 to 03.00,
//! and ends on the last Sunday of October at 01:00 UTC, when clocks go back from 03.00 to 02.00;
//! the rest of the year is CET (UTC+1).
//!
//! Every time the app stores is local ("wall clock") time. This module turns it into absolute
//! time and back, so that lengths and end times are counted in real minutes:
//!
//! ```text
//! pub struct Copenhagen;                    // a chrono TimeZone: Copenhagen.from_local_datetime(&t)
//! pub fn to_utc(local: NaiveDateTime) -> NaiveDateTime
//! pub fn from_utc(utc: NaiveDateTime) -> NaiveDateTime
//! pub fn add_minutes(start: NaiveDateTime, minutes: i64) -> NaiveDateTime
//! pub fn minutes_between(from: NaiveDateTime, to: NaiveDateTime) -> i64
//! pub fn gap_at(local: NaiveDateTime) -> Option<Gap>
//! pub fn is_repeated(local: NaiveDateTime) -> bool
//! pub fn summer_time_utc(year: i32) -> (NaiveDateTime, NaiveDateTime)
//! ```
//!
//! A local time in the spring gap (02.00–02.59 on the last Sunday of March) does not exist: the
//! date-time language refuses it ([`gap_problem`]). A local time in the autumn's repeated hour
//! (02.00–02.59 on the last Sunday of October) happens twice: it means the first (summer-time)
//! one, as RFC 5545 says for a DTSTART with a TZID.

use chrono::{
    Datelike, Duration, FixedOffset, MappedLocalTime, NaiveDate, NaiveDateTime, NaiveTime, Offset,
    TimeZone, Utc,
};

use super::dates::fmt_date;
use super::quickadd::Problem;

/// The IANA name of the zone the app's local times are in.
pub const TZID: &str = "Europe/Copenhagen";

/// UTC+1 (CET) and UTC+2 (CEST), in seconds.
const WINTER: i32 = 3600;
const SUMMER: i32 = 7200;

/// The last Sunday of `month` in `year` (`None` only outside chrono's calendar).
fn last_sunday(year: i32, month: u32) -> Option<NaiveDate> {
    let first_next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }?;
    let last = first_next.pred_opt()?;
    let back = i64::from(last.weekday().num_days_from_sunday());
    Some(last - Duration::days(back))
}

/// The UTC instants summer time begins and ends in `year`: the last Sunday of March and of
/// October, 01:00 UTC.
pub fn summer_time_utc(year: i32) -> (NaiveDateTime, NaiveDateTime) {
    let one = NaiveTime::from_hms_opt(1, 0, 0).unwrap_or_default();
    let at = |month| last_sunday(year, month).unwrap_or_default().and_time(one);
    (at(3), at(10))
}

/// The offset from UTC, in seconds, at a UTC instant.
fn offset_secs_at_utc(utc: NaiveDateTime) -> i32 {
    let (begins, ends) = summer_time_utc(utc.year());
    if begins <= utc && utc < ends {
        SUMMER
    } else {
        WINTER
    }
}

fn fixed(secs: i32) -> FixedOffset {
    // Both offsets used here are valid; UTC is the (unreached) fallback.
    FixedOffset::east_opt(secs).unwrap_or_else(|| Utc.fix())
}

/// The offsets a local time may have: one, two (the autumn's repeated hour, summer time first)
/// or none (the spring gap).
fn local_offsets(local: NaiveDateTime) -> MappedLocalTime<i32> {
    let fits = |secs: i32| {
        let utc = local - Duration::seconds(i64::from(secs));
        offset_secs_at_utc(utc) == secs
    };
    match (fits(SUMMER), fits(WINTER)) {
        (true, true) => MappedLocalTime::Ambiguous(SUMMER, WINTER),
        (true, false) => MappedLocalTime::Single(SUMMER),
        (false, true) => MappedLocalTime::Single(WINTER),
        (false, false) => MappedLocalTime::None,
    }
}

/// Danish local time as a chrono [`TimeZone`]: `Copenhagen.from_local_datetime(&t)` is
/// `Single`, `Ambiguous` (the autumn's repeated hour) or `None` (the spring gap), and
/// `dt.with_timezone(&Utc)` the absolute time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Copenhagen;

impl TimeZone for Copenhagen {
    type Offset = FixedOffset;

    fn from_offset(_: &FixedOffset) -> Self {
        Copenhagen
    }

    fn offset_from_local_date(&self, local: &NaiveDate) -> MappedLocalTime<FixedOffset> {
        self.offset_from_local_datetime(&local.and_time(NaiveTime::MIN))
    }

    fn offset_from_local_datetime(&self, local: &NaiveDateTime) -> MappedLocalTime<FixedOffset> {
        local_offsets(*local).map(fixed)
    }

    fn offset_from_utc_date(&self, utc: &NaiveDate) -> FixedOffset {
        self.offset_from_utc_datetime(&utc.and_time(NaiveTime::MIN))
    }

    fn offset_from_utc_datetime(&self, utc: &NaiveDateTime) -> FixedOffset {
        fixed(offset_secs_at_utc(*utc))
    }
}

/// The absolute (UTC) time of a local time. The autumn's repeated hour means its first
/// (summer-time) occurrence; a time in the spring gap is read with the offset before the gap
/// (02.30 → 01.30 UTC, which is 03.30 local), as RFC 5545 and chrono-tz do.
pub fn to_utc(local: NaiveDateTime) -> NaiveDateTime {
    let secs = match local_offsets(local) {
        MappedLocalTime::Single(s) | MappedLocalTime::Ambiguous(s, _) => s,
        MappedLocalTime::None => WINTER,
    };
    local - Duration::seconds(i64::from(secs))
}

/// The local time of an absolute (UTC) time.
pub fn from_utc(utc: NaiveDateTime) -> NaiveDateTime {
    utc + Duration::seconds(i64::from(offset_secs_at_utc(utc)))
}

/// Danish time now, to the second, whatever time zone the machine is set to: jobdesk's dates and
/// times are Danish local time everywhere (two processes on a machine set to UTC agree).
pub fn now() -> NaiveDateTime {
    let t = from_utc(chrono::Utc::now().naive_utc());
    chrono::Timelike::with_nanosecond(&t, 0).unwrap_or(t)
}

/// The local time `minutes` real minutes after the local time `start`: 01.30 + 60 minutes on
/// the spring night is 03.30, 02.30 + 60 minutes on the autumn night is 02.30 again (the second
/// one).
pub fn add_minutes(start: NaiveDateTime, minutes: i64) -> NaiveDateTime {
    from_utc(to_utc(start) + Duration::minutes(minutes))
}

/// The real minutes from one local time to another (negative when `to` is earlier).
pub fn minutes_between(from: NaiveDateTime, to: NaiveDateTime) -> i64 {
    (to_utc(to) - to_utc(from)).num_minutes()
}

/// The hour that does not exist on the spring night: clocks go from `from` (02.00) straight to
/// `to` (03.00) on `date`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gap {
    pub date: NaiveDate,
    pub from: NaiveTime,
    pub to: NaiveTime,
}

/// The spring gap a local time falls in, if it does.
pub fn gap_at(local: NaiveDateTime) -> Option<Gap> {
    if !matches!(local_offsets(local), MappedLocalTime::None) {
        return None;
    }
    let (begins, _) = summer_time_utc(local.year());
    let from = begins + Duration::seconds(i64::from(WINTER));
    let to = begins + Duration::seconds(i64::from(SUMMER));
    Some(Gap {
        date: from.date(),
        from: from.time(),
        to: to.time(),
    })
}

/// Whether a local time happens twice (the autumn night's 02.00–02.59).
pub fn is_repeated(local: NaiveDateTime) -> bool {
    matches!(local_offsets(local), MappedLocalTime::Ambiguous(..))
}

/// "29.03.2026 kl. 02.30 findes ikke: urene stilles frem fra 02.00 til 03.00", when `local` is
/// in the spring gap.
pub fn gap_problem(local: NaiveDateTime) -> Option<Problem> {
    let g = gap_at(local)?;
    let hm = |t: NaiveTime, sep: &str| t.format(&format!("%H{sep}%M")).to_string();
    Some(Problem::new(
        format!(
            "{} kl. {} findes ikke: urene stilles frem fra {} til {} (sommertid); vælg fx {}",
            fmt_date(g.date, true),
            hm(local.time(), "."),
            hm(g.from, "."),
            hm(g.to, "."),
            hm(g.to, "."),
        ),
        format!(
            "{} {} does not exist in Danish time: clocks go forward from {} to {} (summer time); choose e.g. {}",
            fmt_date(g.date, false),
            hm(local.time(), ":"),
            hm(g.from, ":"),
            hm(g.to, ":"),
            hm(g.to, ":"),
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|d| d.and_hms_opt(h, min, 0))
            .unwrap_or_default()
    }

    #[test]
    fn the_change_nights_are_the_last_sundays_of_march_and_october() {
        assert_eq!(
            summer_time_utc(2026),
            (at(2026, 3, 29, 1, 0), at(2026, 10, 25, 1, 0))
        );
        assert_eq!(
            summer_time_utc(2027),
            (at(2027, 3, 28, 1, 0), at(2027, 10, 31, 1, 0))
        );
        // March 2099 ends on a Tuesday: its last Sunday is the 29th.
        assert_eq!(summer_time_utc(2099).0, at(2099, 3, 29, 1, 0));
    }

    #[test]
    fn the_spring_gap_does_not_exist() {
        for (h, m) in [(2, 0), (2, 30), (2, 59)] {
            let g = gap_at(at(2026, 3, 29, h, m));
            assert_eq!(
                g,
                Some(Gap {
                    date: at(2026, 3, 29, 0, 0).date(),
                    from: NaiveTime::from_hms_opt(2, 0, 0).unwrap_or_default(),
                    to: NaiveTime::from_hms_opt(3, 0, 0).unwrap_or_default(),
                }),
                "{h}:{m}"
            );
        }
        assert_eq!(gap_at(at(2026, 3, 29, 1, 59)), None);
        assert_eq!(gap_at(at(2026, 3, 29, 3, 0)), None);
        assert_eq!(gap_at(at(2026, 3, 22, 2, 30)), None);
        assert_eq!(gap_at(at(2026, 10, 25, 2, 30)), None);
        let p = gap_problem(at(2026, 3, 29, 2, 30)).unwrap_or_else(|| Problem::new("", ""));
        assert!(
            p.da.starts_with(
                "29.03.2026 kl. 02.30 findes ikke: urene stilles frem fra 02.00 til 03.00"
            ),
            "{p:?}"
        );
        assert!(
            p.en.contains("clocks go forward from 02:00 to 03:00"),
            "{p:?}"
        );
        assert_eq!(gap_problem(at(2026, 3, 29, 3, 30)), None);
    }

    #[test]
    fn the_autumn_hour_happens_twice_and_means_the_first() {
        assert!(is_repeated(at(2026, 10, 25, 2, 30)));
        assert!(!is_repeated(at(2026, 10, 25, 3, 0)));
        assert!(!is_repeated(at(2026, 10, 25, 1, 59)));
        assert_eq!(to_utc(at(2026, 10, 25, 2, 30)), at(2026, 10, 25, 0, 30));
        assert_eq!(from_utc(at(2026, 10, 25, 1, 30)), at(2026, 10, 25, 2, 30));
    }

    #[test]
    fn lengths_are_counted_in_real_minutes() {
        // Spring: 01.30 + 60 real minutes is 03.30 on the wall clock.
        assert_eq!(
            add_minutes(at(2026, 3, 29, 1, 30), 60),
            at(2026, 3, 29, 3, 30)
        );
        // Autumn: 02.30 (summer time) + 60 minutes is 02.30 again (winter time); +90 is 03.00.
        assert_eq!(
            add_minutes(at(2026, 10, 25, 2, 30), 60),
            at(2026, 10, 25, 2, 30)
        );
        assert_eq!(
            add_minutes(at(2026, 10, 25, 2, 30), 90),
            at(2026, 10, 25, 3, 0)
        );
        // 00.00 to 06.00 is 7 real hours in autumn, 5 in spring, 6 on a plain day.
        assert_eq!(
            minutes_between(at(2026, 10, 25, 0, 0), at(2026, 10, 25, 6, 0)),
            420
        );
        assert_eq!(
            minutes_between(at(2026, 3, 29, 0, 0), at(2026, 3, 29, 6, 0)),
            300
        );
        assert_eq!(
            minutes_between(at(2026, 11, 23, 0, 0), at(2026, 11, 23, 6, 0)),
            360
        );
        // An ordinary day: local arithmetic.
        assert_eq!(
            add_minutes(at(2026, 11, 23, 10, 30), 45),
            at(2026, 11, 23, 11, 15)
        );
    }

    #[test]
    fn offsets_as_a_chrono_time_zone() {
        let winter = Copenhagen
            .from_local_datetime(&at(2026, 1, 15, 12, 0))
            .single();
        assert_eq!(
            winter.map(|t| t.with_timezone(&Utc).naive_utc()),
            Some(at(2026, 1, 15, 11, 0))
        );
        let summer = Copenhagen
            .from_local_datetime(&at(2026, 7, 1, 12, 0))
            .single();
        assert_eq!(
            summer.map(|t| t.with_timezone(&Utc).naive_utc()),
            Some(at(2026, 7, 1, 10, 0))
        );
        assert!(
            Copenhagen
                .from_local_datetime(&at(2026, 3, 29, 2, 30))
                .single()
                .is_none()
        );
        let twice = Copenhagen.from_local_datetime(&at(2026, 10, 25, 2, 30));
        assert_eq!(
            twice.earliest().map(|t| t.with_timezone(&Utc).naive_utc()),
            Some(at(2026, 10, 25, 0, 30))
        );
        assert_eq!(
            twice.latest().map(|t| t.with_timezone(&Utc).naive_utc()),
            Some(at(2026, 10, 25, 1, 30))
        );
        // Every minute of a year round-trips through UTC, except the gap's.
        let mut t = at(2026, 1, 1, 0, 0);
        while t < at(2027, 1, 1, 0, 0) {
            if gap_at(t).is_none() {
                assert_eq!(from_utc(to_utc(t)), t, "{t}");
            }
            t += Duration::minutes(13);
        }
    }
}

#[cfg(test)]
mod now_tests {
    #[test]
    fn now_is_danish_time_whatever_the_machine_says() {
        // The offset of Danish time from UTC is one or two hours, never the machine's.
        let utc = chrono::Utc::now().naive_utc();
        let dk = super::now();
        let hours = (dk - utc).num_minutes();
        assert!(
            (59..=61).contains(&hours) || (119..=121).contains(&hours),
            "{dk} vs {utc}"
        );
    }
}
