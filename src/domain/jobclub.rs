//! The job club (jobklub): its sessions as data (which weekdays, from–to, where), the citizens
//! expected there, their attendance per session, and exemptions "in trust" for an outside
//! activity (a network meeting, a course 9–14 on Tuesdays). Plain values and rules; the store
//! keeps the marks and exemptions, the config the schedule, `i18n::jobclub` the words.

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

use super::Word;

/// A citizen's mark for one session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    /// Came.
    Present,
    /// Did not come (without an exemption).
    Absent,
    /// Exempt for this session (marked by hand, or by an exemption that covers it).
    Exempt,
}
impl Word for Mark {
    const ALL: &'static [Self] = &[Mark::Present, Mark::Absent, Mark::Exempt];
    const WHAT: &'static str = "attendance mark";
    fn key(self) -> &'static str {
        match self {
            Mark::Present => "present",
            Mark::Absent => "absent",
            Mark::Exempt => "exempt",
        }
    }
    fn da(self) -> &'static str {
        match self {
            Mark::Present => "mødt",
            Mark::Absent => "fraværende",
            Mark::Exempt => "fritaget",
        }
    }
    fn en(self) -> &'static str {
        match self {
            Mark::Present => "present",
            Mark::Absent => "absent",
            Mark::Exempt => "exempt",
        }
    }
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Mark::Present => &["til_stede", "fremmodt", "modt", "m", "p"],
            Mark::Absent => &["fravaer", "udeblevet", "a", "f"],
            Mark::Exempt => &["fri", "e"],
        }
    }
}

/// When the job club meets: on these weekdays, from–to, at a place. One session a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    /// Monday first; empty: the club does not meet.
    pub days: Vec<Weekday>,
    pub from: NaiveTime,
    pub to: NaiveTime,
    pub place: String,
}

impl Default for Schedule {
    /// Monday to Friday 09.00–11.30 (as in Gladsaxe), no place.
    fn default() -> Self {
        Schedule {
            days: vec![
                Weekday::Mon,
                Weekday::Tue,
                Weekday::Wed,
                Weekday::Thu,
                Weekday::Fri,
            ],
            from: NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default(),
            to: NaiveTime::from_hms_opt(11, 30, 0).unwrap_or_default(),
            place: String::new(),
        }
    }
}

/// One meeting of the job club.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub date: NaiveDate,
    pub from: NaiveTime,
    pub to: NaiveTime,
    pub place: String,
}

impl Schedule {
    /// The session on `date`, if the club meets that weekday. Days off are not skipped here:
    /// the caller (who knows the calendar) decides.
    pub fn session_on(&self, date: NaiveDate) -> Option<Session> {
        self.days.contains(&date.weekday()).then(|| Session {
            date,
            from: self.from,
            to: self.to,
            place: self.place.clone(),
        })
    }

    /// The sessions of the ISO week that holds `day`, Monday first.
    pub fn week(&self, day: NaiveDate) -> Vec<Session> {
        let monday = week_start(day);
        (0..7)
            .filter_map(|i| self.session_on(monday + Duration::days(i)))
            .collect()
    }
}

/// The Monday of `day`'s ISO week.
pub fn week_start(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// An exemption from job-club attendance: from–to (both days included), optionally only a time
/// of day and only some weekdays, with a reason. It covers a session when the session's day is
/// in the range and among the weekdays, and the session's time meets the exemption's time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exemption {
    /// The stored id (ignored when adding one).
    pub id: i64,
    pub citizen_id: i64,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The time of day, from–to; `None`: the whole day.
    pub time: Option<(NaiveTime, NaiveTime)>,
    /// The weekdays it holds on, Monday first; empty: every day.
    pub weekdays: Vec<Weekday>,
    pub reason: String,
}

impl Exemption {
    /// Whether it holds on `date` (in the range and on one of its weekdays).
    pub fn holds_on(&self, date: NaiveDate) -> bool {
        self.from <= date
            && date <= self.to
            && (self.weekdays.is_empty() || self.weekdays.contains(&date.weekday()))
    }

    /// Whether it exempts the citizen from `session`.
    pub fn covers(&self, session: &Session) -> bool {
        self.holds_on(session.date)
            && match self.time {
                None => true,
                Some((f, t)) => f < session.to && session.from < t,
            }
    }

    /// Whether the two (of one citizen) hold at the same moment on some day: their ranges meet
    /// on a day that is a weekday of both, and their times of day meet.
    pub fn overlaps(&self, other: &Exemption) -> bool {
        let times_meet = match (self.time, other.time) {
            (Some((a, b)), Some((c, d))) => a < d && c < b,
            _ => true,
        };
        if !times_meet {
            return false;
        }
        let from = self.from.max(other.from);
        let to = self.to.min(other.to);
        // A week of common days holds every weekday; fewer are looked at one by one.
        let mut d = from;
        let mut n = 0;
        while d <= to && n < 7 {
            if self.holds_on(d) && other.holds_on(d) {
                return true;
            }
            d += Duration::days(1);
            n += 1;
        }
        false
    }

    /// The weekdays as stored: "1,3" (Monday 1); empty for every day.
    pub fn weekdays_key(&self) -> String {
        weekdays_key(&self.weekdays)
    }
}

/// Weekdays as stored: "1,3" (ISO, Monday 1), in week order, each once.
pub fn weekdays_key(days: &[Weekday]) -> String {
    let mut n: Vec<u32> = days.iter().map(|d| d.number_from_monday()).collect();
    n.sort_unstable();
    n.dedup();
    n.iter().map(u32::to_string).collect::<Vec<_>>().join(",")
}

/// The stored weekdays ("1,3") back; unknown numbers are left out.
pub fn weekdays_from_key(key: &str) -> Vec<Weekday> {
    key.split(',')
        .filter_map(|n| n.trim().parse::<u8>().ok())
        .filter_map(|n| match n {
            1 => Some(Weekday::Mon),
            2 => Some(Weekday::Tue),
            3 => Some(Weekday::Wed),
            4 => Some(Weekday::Thu),
            5 => Some(Weekday::Fri),
            6 => Some(Weekday::Sat),
            7 => Some(Weekday::Sun),
            _ => None,
        })
        .collect()
}

/// Weekdays as typed: "tir,tor", "tue, thu", "man-fre" (a range), Danish or English, long or
/// short. An error gives back the first word that is no weekday, so the caller can say it.
pub fn parse_weekdays(s: &str) -> Result<Vec<Weekday>, String> {
    let mut out: Vec<Weekday> = Vec::new();
    for part in s.split([',', ' ']).map(str::trim).filter(|p| !p.is_empty()) {
        let day = |w: &str| {
            super::quickadd::recognise::weekday_word(&super::text::fold(w.trim()))
                .ok_or_else(|| w.trim().to_string())
        };
        match part.split_once('-') {
            Some((a, b)) => {
                let (a, b) = (day(a)?, day(b)?);
                let mut d = a;
                loop {
                    out.push(d);
                    if d == b {
                        break;
                    }
                    d = d.succ();
                }
            }
            None => out.push(day(part)?),
        }
    }
    out.sort_by_key(|d| d.number_from_monday());
    out.dedup();
    Ok(out)
}

/// A time of day from–to as typed: "09.00-14.00", "9-14", "9:00–14:30". `None` when either end
/// is no time or the end is not after the start.
pub fn parse_time_range(s: &str) -> Option<(NaiveTime, NaiveTime)> {
    let (a, b) = s.split_once(['-', '–'])?;
    let t = |x: &str| super::when::parse_time(x.trim()).ok();
    let (a, b) = (t(a)?, t(b)?);
    (a < b).then_some((a, b))
}

/// One citizen expected at (or marked for) a session, with what applies to them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttendanceRow {
    pub citizen_id: i64,
    pub name: String,
    /// The mark given for this session, if any.
    pub mark: Option<Mark>,
    /// The exemption that covers this session, if any.
    pub exemption: Option<Exemption>,
    /// The contact an absence was logged as, if the user asked for one.
    pub contact_id: Option<i64>,
}

impl AttendanceRow {
    /// The mark that counts: the one given, else exempt when an exemption covers the session,
    /// else none yet.
    pub fn effective(&self) -> Option<Mark> {
        self.mark
            .or_else(|| self.exemption.as_ref().map(|_| Mark::Exempt))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }
    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }
    fn ex(
        from: NaiveDate,
        to: NaiveDate,
        time: Option<(NaiveTime, NaiveTime)>,
        days: &str,
    ) -> Exemption {
        Exemption {
            id: 1,
            citizen_id: 1,
            from,
            to,
            time,
            weekdays: parse_weekdays(days).unwrap(),
            reason: "Kursus".into(),
        }
    }

    #[test]
    fn the_default_club_meets_monday_to_friday_nine_to_half_past_eleven() {
        let s = Schedule::default();
        // 23.11.2026 is a Monday.
        let week = s.week(d(11, 25));
        assert_eq!(week.len(), 5);
        assert_eq!(week[0].date, d(11, 23));
        assert_eq!((week[0].from, week[0].to), (t(9, 0), t(11, 30)));
        assert!(s.session_on(d(11, 28)).is_none(), "no Saturday session");
    }

    #[test]
    fn a_course_nine_to_two_on_tuesdays_covers_tuesday_sessions_only() {
        let s = Schedule::default();
        let course = ex(d(11, 1), d(12, 31), parse_time_range("9-14"), "tir");
        assert!(course.covers(&s.session_on(d(11, 24)).unwrap()), "Tuesday");
        assert!(
            !course.covers(&s.session_on(d(11, 25)).unwrap()),
            "Wednesday"
        );
        let afternoon = ex(d(11, 1), d(12, 31), parse_time_range("12.00-14.00"), "");
        assert!(
            !afternoon.covers(&s.session_on(d(11, 24)).unwrap()),
            "after the session"
        );
        let whole = ex(d(11, 24), d(11, 24), None, "");
        assert!(whole.covers(&s.session_on(d(11, 24)).unwrap()));
        assert!(!whole.covers(&s.session_on(d(11, 23)).unwrap()));
    }

    #[test]
    fn overlaps_need_a_common_day_weekday_and_time() {
        let tue = ex(d(11, 1), d(12, 31), parse_time_range("9-14"), "tir");
        let thu = ex(d(11, 1), d(12, 31), None, "tor");
        assert!(!tue.overlaps(&thu), "different weekdays");
        let week = ex(d(11, 23), d(11, 27), None, "");
        assert!(tue.overlaps(&week));
        assert!(week.overlaps(&tue));
        let afternoon = ex(d(11, 23), d(11, 27), parse_time_range("14.00-16.00"), "");
        assert!(
            !tue.overlaps(&afternoon),
            "14 to 16 starts when the course ends"
        );
        let monday_only = ex(d(11, 23), d(11, 23), None, "");
        assert!(
            !tue.overlaps(&monday_only),
            "the only common day is a Monday"
        );
        let later = ex(d(12, 31), d(12, 31), None, "");
        assert!(!later.overlaps(&ex(d(1, 1), d(12, 30), None, "")));
    }

    #[test]
    fn weekdays_read_in_both_languages_and_ranges() {
        assert_eq!(
            parse_weekdays("tir,tor").unwrap(),
            vec![Weekday::Tue, Weekday::Thu]
        );
        assert_eq!(
            parse_weekdays("Thursday, tue").unwrap(),
            vec![Weekday::Tue, Weekday::Thu]
        );
        assert_eq!(parse_weekdays("man-ons").unwrap().len(), 3);
        assert_eq!(parse_weekdays("lør").unwrap(), vec![Weekday::Sat]);
        assert_eq!(parse_weekdays("tir,xyz"), Err("xyz".into()));
        assert_eq!(weekdays_key(&parse_weekdays("tor,tir").unwrap()), "2,4");
        assert_eq!(weekdays_from_key("2,4"), vec![Weekday::Tue, Weekday::Thu]);
        assert!(weekdays_from_key("").is_empty());
        assert_eq!(parse_time_range("09.00-14.00"), Some((t(9, 0), t(14, 0))));
        assert_eq!(parse_time_range("14-9"), None);
        assert_eq!(parse_time_range("9"), None);
    }

    #[test]
    fn an_exemption_marks_a_row_exempt_unless_a_mark_was_given() {
        let mut row = AttendanceRow {
            citizen_id: 1,
            name: "A".into(),
            mark: None,
            exemption: Some(ex(d(11, 1), d(11, 30), None, "")),
            contact_id: None,
        };
        assert_eq!(row.effective(), Some(Mark::Exempt));
        row.mark = Some(Mark::Present);
        assert_eq!(row.effective(), Some(Mark::Present));
        assert_eq!(Mark::parse("fraværende"), Ok(Mark::Absent));
        assert_eq!(Mark::parse("til stede"), Ok(Mark::Present));
    }
}
