//! Danish working days: the public holidays (computed from Easter, no table of years) and the
//! local days off a municipality gives (data in the config file), and from them "the next
//! working day", "the last working day on or before" and the days off of a year.
//!
//! The public holidays are those of the closing-days list (lukkeloven § 2, stk. 1, as rewritten
//! when store bededag was abolished) less grundlovsdag and juleaftensdag, which are no public
//! holidays but days off in most municipalities and so ship as local days off:
//! nytårsdag, skærtorsdag, langfredag, påskedag, 2. påskedag, Kristi himmelfartsdag, pinsedag,
//! 2. pinsedag, juledag and 2. juledag. Store bededag (the 4th Friday after Easter) was a public
//! holiday up to and including 2023 and is none from 2024: lov om konsekvenser ved afskaffelsen
//! af store bededag som helligdag, adopted 28.2.2023, in force from 1.1.2024 (lov nr. 140 af
//! 28.2.2023 — the law's number is unverified here).

use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// The last year in which store bededag was a public holiday.
pub const LAST_STORE_BEDEDAG: i32 = 2023;

/// A public holiday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Holiday {
    Nytaarsdag,
    Skaertorsdag,
    Langfredag,
    Paaskedag,
    AndenPaaskedag,
    StoreBededag,
    KristiHimmelfartsdag,
    Pinsedag,
    AndenPinsedag,
    Juledag,
    AndenJuledag,
}

impl Holiday {
    /// Every holiday, in calendar order.
    pub const ALL: [Holiday; 11] = [
        Holiday::Nytaarsdag,
        Holiday::Skaertorsdag,
        Holiday::Langfredag,
        Holiday::Paaskedag,
        Holiday::AndenPaaskedag,
        Holiday::StoreBededag,
        Holiday::KristiHimmelfartsdag,
        Holiday::Pinsedag,
        Holiday::AndenPinsedag,
        Holiday::Juledag,
        Holiday::AndenJuledag,
    ];

    /// The Danish name as Danish writes it in running text ("⚠ 2. juledag").
    pub fn name_da(self) -> &'static str {
        match self {
            Holiday::Nytaarsdag => "nytårsdag",
            Holiday::Skaertorsdag => "skærtorsdag",
            Holiday::Langfredag => "langfredag",
            Holiday::Paaskedag => "påskedag",
            Holiday::AndenPaaskedag => "2. påskedag",
            Holiday::StoreBededag => "store bededag",
            Holiday::KristiHimmelfartsdag => "Kristi himmelfartsdag",
            Holiday::Pinsedag => "pinsedag",
            Holiday::AndenPinsedag => "2. pinsedag",
            Holiday::Juledag => "juledag",
            Holiday::AndenJuledag => "2. juledag",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Holiday::Nytaarsdag => "New Year's Day",
            Holiday::Skaertorsdag => "Maundy Thursday",
            Holiday::Langfredag => "Good Friday",
            Holiday::Paaskedag => "Easter Sunday",
            Holiday::AndenPaaskedag => "Easter Monday",
            Holiday::StoreBededag => "General Prayer Day",
            Holiday::KristiHimmelfartsdag => "Ascension Day",
            Holiday::Pinsedag => "Whit Sunday",
            Holiday::AndenPinsedag => "Whit Monday",
            Holiday::Juledag => "Christmas Day",
            Holiday::AndenJuledag => "Boxing Day",
        }
    }

    /// The day of this holiday in `year`, or `None` when it is no holiday that year (store
    /// bededag from 2024) or the year is out of chrono's range.
    pub fn date(self, year: i32) -> Option<NaiveDate> {
        let fixed = |m, d| NaiveDate::from_ymd_opt(year, m, d);
        let from_easter = |days: i64| easter(year).map(|e| e + Duration::days(days));
        match self {
            Holiday::Nytaarsdag => fixed(1, 1),
            Holiday::Skaertorsdag => from_easter(-3),
            Holiday::Langfredag => from_easter(-2),
            Holiday::Paaskedag => from_easter(0),
            Holiday::AndenPaaskedag => from_easter(1),
            Holiday::StoreBededag if year <= LAST_STORE_BEDEDAG => from_easter(26),
            Holiday::StoreBededag => None,
            Holiday::KristiHimmelfartsdag => from_easter(39),
            Holiday::Pinsedag => from_easter(49),
            Holiday::AndenPinsedag => from_easter(50),
            Holiday::Juledag => fixed(12, 25),
            Holiday::AndenJuledag => fixed(12, 26),
        }
    }

    /// The holiday on `d`, if any.
    pub fn on(d: NaiveDate) -> Option<Holiday> {
        match (d.month(), d.day()) {
            (1, 1) => return Some(Holiday::Nytaarsdag),
            (12, 25) => return Some(Holiday::Juledag),
            (12, 26) => return Some(Holiday::AndenJuledag),
            // Every Easter-based holiday lies between 19 March (E−3 at the earliest) and
            // 14 June (E+50 at the latest).
            (3..=6, _) => {}
            _ => return None,
        }
        let e = easter(d.year())?;
        match (d - e).num_days() {
            -3 => Some(Holiday::Skaertorsdag),
            -2 => Some(Holiday::Langfredag),
            0 => Some(Holiday::Paaskedag),
            1 => Some(Holiday::AndenPaaskedag),
            26 if d.year() <= LAST_STORE_BEDEDAG => Some(Holiday::StoreBededag),
            39 => Some(Holiday::KristiHimmelfartsdag),
            49 => Some(Holiday::Pinsedag),
            50 => Some(Holiday::AndenPinsedag),
            _ => None,
        }
    }
}

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous Gregorian computus, as
/// Meeus gives it).
pub fn easter(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let month = (h + l - 7 * m + 114).div_euclid(31);
    let day = (h + l - 7 * m + 114).rem_euclid(31) + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// A local day off: the same day every year, given by the municipality (config `[[days_off]]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawLocalDayOff")]
pub struct LocalDayOff {
    pub month: u32,
    pub day: u32,
    pub name_da: String,
    pub name_en: String,
}

/// A local day off as written in the config file; `name_en` may be left out (the Danish name
/// is used then).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLocalDayOff {
    month: u32,
    day: u32,
    name_da: String,
    #[serde(default)]
    name_en: Option<String>,
}

impl TryFrom<RawLocalDayOff> for LocalDayOff {
    type Error = String;
    fn try_from(r: RawLocalDayOff) -> Result<Self, String> {
        LocalDayOff::new(r.month, r.day, &r.name_da, r.name_en.as_deref())
    }
}

impl LocalDayOff {
    /// A local day off on `day`.`month` every year; refused when no year has that day (29.2 is
    /// accepted: it is a day off in leap years) or the Danish name is empty.
    pub fn new(
        month: u32,
        day: u32,
        name_da: &str,
        name_en: Option<&str>,
    ) -> Result<LocalDayOff, String> {
        if NaiveDate::from_ymd_opt(2024, month, day).is_none() {
            return Err(format!(
                "days_off: {day}.{month} (month = {month}, day = {day}) is no day of the year"
            ));
        }
        let name_da = name_da.trim();
        if name_da.is_empty() {
            return Err(format!(
                "days_off: the day off on {day}.{month} needs a name_da"
            ));
        }
        let name_en = name_en.map(str::trim).filter(|s| !s.is_empty());
        Ok(LocalDayOff {
            month,
            day,
            name_da: name_da.to_string(),
            name_en: name_en.unwrap_or(name_da).to_string(),
        })
    }

    /// The defaults: grundlovsdag (5.6), juleaftensdag (24.12) and nytårsaftensdag (31.12).
    pub fn defaults() -> Vec<LocalDayOff> {
        let l = |month, day, da: &str, en: &str| LocalDayOff {
            month,
            day,
            name_da: da.to_string(),
            name_en: en.to_string(),
        };
        vec![
            l(6, 5, "grundlovsdag", "Constitution Day"),
            l(12, 24, "juleaftensdag", "Christmas Eve"),
            l(12, 31, "nytårsaftensdag", "New Year's Eve"),
        ]
    }

    fn is_on(&self, d: NaiveDate) -> bool {
        d.month() == self.month && d.day() == self.day
    }
}

/// What kind of day off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayOffKind {
    /// A public holiday (helligdag).
    Holiday,
    /// A local day off the municipality gives (config `[[days_off]]`).
    Local,
}

impl DayOffKind {
    /// The machine key: `holiday` or `local`.
    pub fn key(self) -> &'static str {
        match self {
            DayOffKind::Holiday => "holiday",
            DayOffKind::Local => "local",
        }
    }
}

/// One day off, with its names (borrowed from the calendar or static).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayOff<'a> {
    pub date: NaiveDate,
    pub name_da: &'a str,
    pub name_en: &'a str,
    pub kind: DayOffKind,
}

impl<'a> DayOff<'a> {
    /// The name in the run's language.
    pub fn name(&self, danish: bool) -> &'a str {
        if danish { self.name_da } else { self.name_en }
    }
}

/// A loop over days stops after this many (a config that makes every day a day off).
const MAX_STEPS: u32 = 400;

/// The working-day calendar: public holidays plus the local days off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    pub local: Vec<LocalDayOff>,
}

impl Default for Calendar {
    /// Public holidays and the default local days off.
    fn default() -> Self {
        Calendar {
            local: LocalDayOff::defaults(),
        }
    }
}

/// The default calendar, made once: what [`super::dates::next_working_day`] and the closure
/// retries use where no config reaches.
pub fn default_calendar() -> &'static Calendar {
    static DEFAULT: LazyLock<Calendar> = LazyLock::new(Calendar::default);
    &DEFAULT
}

impl Calendar {
    pub fn new(local: Vec<LocalDayOff>) -> Calendar {
        Calendar { local }
    }

    /// The public holiday or local day off on `d` (a public holiday wins when both fall on it);
    /// `None` on an ordinary day, weekends included.
    pub fn is_day_off(&self, d: NaiveDate) -> Option<DayOff<'_>> {
        if let Some(h) = Holiday::on(d) {
            return Some(DayOff {
                date: d,
                name_da: h.name_da(),
                name_en: h.name_en(),
                kind: DayOffKind::Holiday,
            });
        }
        self.local.iter().find(|l| l.is_on(d)).map(|l| DayOff {
            date: d,
            name_da: &l.name_da,
            name_en: &l.name_en,
            kind: DayOffKind::Local,
        })
    }

    /// Monday to Friday and no day off.
    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
            && !self.local.iter().any(|l| l.is_on(d))
            && Holiday::on(d).is_none()
    }

    /// The first working day after `d`.
    pub fn next_working_day(&self, d: NaiveDate) -> NaiveDate {
        match d.succ_opt() {
            Some(n) => self.working_day_on_or_after(n),
            None => d,
        }
    }

    /// `d` when it is a working day, else the first working day after it.
    pub fn working_day_on_or_after(&self, d: NaiveDate) -> NaiveDate {
        let mut n = d;
        for _ in 0..MAX_STEPS {
            if self.is_working_day(n) {
                return n;
            }
            match n.succ_opt() {
                Some(next) => n = next,
                None => return n,
            }
        }
        n
    }

    /// `d` when it is a working day, else the last working day before it (a deadline that
    /// falls on a day off moves back to it).
    pub fn last_working_day_on_or_before(&self, d: NaiveDate) -> NaiveDate {
        let mut n = d;
        for _ in 0..MAX_STEPS {
            if self.is_working_day(n) {
                return n;
            }
            match n.pred_opt() {
                Some(prev) => n = prev,
                None => return n,
            }
        }
        n
    }

    /// The days off of `year` (public holidays and local days off, not weekends) in date
    /// order; a local day off on a public holiday is listed once, as the holiday.
    pub fn days_off(&self, year: i32) -> Vec<DayOff<'_>> {
        let mut days: Vec<DayOff<'_>> = Holiday::ALL
            .iter()
            .filter_map(|h| {
                h.date(year).map(|date| DayOff {
                    date,
                    name_da: h.name_da(),
                    name_en: h.name_en(),
                    kind: DayOffKind::Holiday,
                })
            })
            .collect();
        for l in &self.local {
            let Some(date) = NaiveDate::from_ymd_opt(year, l.month, l.day) else {
                continue;
            };
            if days.iter().any(|x| x.date == date) {
                continue;
            }
            days.push(DayOff {
                date,
                name_da: &l.name_da,
                name_en: &l.name_en,
                kind: DayOffKind::Local,
            });
        }
        days.sort_by_key(|x| x.date);
        days
    }

    /// The days off from `from` to `to` (both included), in date order: for a week view.
    pub fn days_off_between(&self, from: NaiveDate, to: NaiveDate) -> Vec<DayOff<'_>> {
        if to < from {
            return Vec::new();
        }
        (from.year()..=to.year())
            .flat_map(|y| self.days_off(y))
            .filter(|x| x.date >= from && x.date <= to)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap_or_default()
    }

    /// Easter Sundays as the almanac publishes them (e.g. publicholidays.dk's table of Danish
    /// public holidays per year, which lists påskedag on these days).
    const EASTER: [(i32, u32, u32); 7] = [
        (2024, 3, 31),
        (2025, 4, 20),
        (2026, 4, 5),
        (2027, 3, 28),
        (2028, 4, 16),
        (2029, 4, 1),
        (2030, 4, 21),
    ];

    #[test]
    fn easter_matches_the_published_dates() {
        for (y, m, dd) in EASTER {
            assert_eq!(easter(y), Some(d(y, m, dd)), "{y}");
        }
        // A few far from today, from the same computus tables.
        assert_eq!(easter(1818), Some(d(1818, 3, 22)), "the earliest possible");
        assert_eq!(easter(1943), Some(d(1943, 4, 25)), "the latest possible");
        assert_eq!(easter(2000), Some(d(2000, 4, 23)));
        assert_eq!(easter(2038), Some(d(2038, 4, 25)));
        assert_eq!(easter(2285), Some(d(2285, 3, 22)));
    }

    /// Every day off of 2024–2030 as published (public holidays; the default local days).
    #[test]
    fn holidays_2024_to_2030_against_the_published_table() {
        #[rustfmt::skip]
        let table: &[(i32, [(u32, u32); 10])] = &[
            // nytår, skærtors, langfre, påske, 2.påske, Kr.himmelf, pinse, 2.pinse, jul, 2.jul
            (2024, [(1,1),(3,28),(3,29),(3,31),(4,1),(5,9),(5,19),(5,20),(12,25),(12,26)]),
            (2025, [(1,1),(4,17),(4,18),(4,20),(4,21),(5,29),(6,8),(6,9),(12,25),(12,26)]),
            (2026, [(1,1),(4,2),(4,3),(4,5),(4,6),(5,14),(5,24),(5,25),(12,25),(12,26)]),
            (2027, [(1,1),(3,25),(3,26),(3,28),(3,29),(5,6),(5,16),(5,17),(12,25),(12,26)]),
            (2028, [(1,1),(4,13),(4,14),(4,16),(4,17),(5,25),(6,4),(6,5),(12,25),(12,26)]),
            (2029, [(1,1),(3,29),(3,30),(4,1),(4,2),(5,10),(5,20),(5,21),(12,25),(12,26)]),
            (2030, [(1,1),(4,18),(4,19),(4,21),(4,22),(5,30),(6,9),(6,10),(12,25),(12,26)]),
        ];
        let names = [
            "nytårsdag",
            "skærtorsdag",
            "langfredag",
            "påskedag",
            "2. påskedag",
            "Kristi himmelfartsdag",
            "pinsedag",
            "2. pinsedag",
            "juledag",
            "2. juledag",
        ];
        let cal = Calendar::new(Vec::new());
        for (year, days) in table {
            let got: Vec<(NaiveDate, &str)> = cal
                .days_off(*year)
                .iter()
                .map(|x| (x.date, x.name_da))
                .collect();
            let want: Vec<(NaiveDate, &str)> = days
                .iter()
                .zip(names)
                .map(|((m, dd), n)| (d(*year, *m, *dd), n))
                .collect();
            assert_eq!(got, want, "{year}");
            for (date, _) in &want {
                let off = cal.is_day_off(*date);
                assert_eq!(off.map(|x| x.kind), Some(DayOffKind::Holiday), "{date}");
                assert!(!cal.is_working_day(*date), "{date}");
            }
        }
    }

    #[test]
    fn store_bededag_until_2023_and_not_from_2024() {
        let cal = Calendar::default();
        // Store bededag 2023: 5 May (Easter 9 April + 26).
        assert_eq!(
            cal.is_day_off(d(2023, 5, 5)).map(|x| x.name_da),
            Some("store bededag")
        );
        for (y, m, dd) in [(2024, 4, 26), (2025, 5, 16), (2026, 5, 1), (2027, 4, 23)] {
            assert_eq!(cal.is_day_off(d(y, m, dd)), None, "{y}");
            assert!(cal.is_working_day(d(y, m, dd)), "{y}");
            assert!(cal.days_off(y).iter().all(|x| x.name_da != "store bededag"));
        }
    }

    #[test]
    fn local_days_off_by_default_and_as_configured() {
        let cal = Calendar::default();
        let off = cal.is_day_off(d(2026, 12, 24));
        assert_eq!(off.map(|x| x.kind), Some(DayOffKind::Local));
        assert_eq!(off.map(|x| x.name(true)), Some("juleaftensdag"));
        assert_eq!(off.map(|x| x.name(false)), Some("Christmas Eve"));
        assert!(!cal.is_working_day(d(2026, 6, 5)), "grundlovsdag, a Friday");
        assert!(!cal.is_working_day(d(2026, 12, 31)));
        let days: Vec<_> = cal.days_off(2026).iter().map(|x| x.date).collect();
        assert_eq!(days.len(), 13);
        assert!(days.windows(2).all(|w| w[0] < w[1]), "in date order");

        let no_eve = Calendar::new(
            LocalDayOff::defaults()
                .into_iter()
                .filter(|l| l.day != 24)
                .collect(),
        );
        assert!(no_eve.is_working_day(d(2026, 12, 24)));
        assert_eq!(no_eve.is_day_off(d(2026, 12, 24)), None);
        // A local day off on a public holiday is the holiday, listed once.
        let twice = Calendar::new(vec![
            LocalDayOff::new(12, 25, "julefest", None).unwrap_or_else(|e| panic!("{e}")),
        ]);
        assert_eq!(
            twice.is_day_off(d(2026, 12, 25)).map(|x| x.kind),
            Some(DayOffKind::Holiday)
        );
        assert_eq!(twice.days_off(2026).len(), 10);
    }

    #[test]
    fn impossible_local_days_are_refused() {
        assert!(LocalDayOff::new(2, 30, "x", None).is_err());
        assert!(LocalDayOff::new(13, 1, "x", None).is_err());
        assert!(LocalDayOff::new(6, 5, "  ", None).is_err());
        let leap = LocalDayOff::new(2, 29, "skuddag", None).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            leap.name_en, "skuddag",
            "the Danish name when no English one"
        );
        let cal = Calendar::new(vec![leap]);
        assert_eq!(cal.days_off(2027).len(), 10, "no 29.2 in 2027");
        assert_eq!(cal.days_off(2028).len(), 11);
    }

    #[test]
    fn next_working_day_across_easter_ascension_whitsun_and_christmas() {
        let cal = Calendar::default();
        let cases = [
            // Easter 2026: Wednesday 1 April → Tuesday 7 April (skærtorsdag … 2. påskedag).
            (d(2026, 4, 1), d(2026, 4, 7)),
            (d(2026, 4, 2), d(2026, 4, 7)),
            // Kristi himmelfartsdag 2026 is Thursday 14 May: Wednesday → Friday.
            (d(2026, 5, 13), d(2026, 5, 15)),
            // Pinse 2026: Friday 22 May → Tuesday 26 May (2. pinsedag 25 May).
            (d(2026, 5, 22), d(2026, 5, 26)),
            // Christmas 2026: 23 December → Monday 28 December (24–27 off).
            (d(2026, 12, 23), d(2026, 12, 28)),
            (d(2026, 12, 24), d(2026, 12, 28)),
            // New Year: Wednesday 30 December → Monday 4 January 2027 (31.12 and 1.1 off).
            (d(2026, 12, 30), d(2027, 1, 4)),
            // Grundlovsdag 2026 is a Friday: Thursday 4 June → Monday 8 June.
            (d(2026, 6, 4), d(2026, 6, 8)),
            // An ordinary week.
            (d(2026, 11, 23), d(2026, 11, 24)),
            (d(2026, 11, 27), d(2026, 11, 30)),
            // Easter 2027 in March: Wednesday 24 March → Tuesday 30 March.
            (d(2027, 3, 24), d(2027, 3, 30)),
        ];
        for (from, want) in cases {
            assert_eq!(cal.next_working_day(from), want, "after {from}");
        }
    }

    #[test]
    fn deadlines_on_a_day_off_move_back() {
        let cal = Calendar::default();
        // 2. juledag 2026 (a Saturday) → Wednesday 23 December.
        assert_eq!(
            cal.last_working_day_on_or_before(d(2026, 12, 26)),
            d(2026, 12, 23)
        );
        // 2. påskedag 2026 → Wednesday 1 April.
        assert_eq!(
            cal.last_working_day_on_or_before(d(2026, 4, 6)),
            d(2026, 4, 1)
        );
        // A Saturday → Friday; a working day stays.
        assert_eq!(
            cal.last_working_day_on_or_before(d(2026, 11, 28)),
            d(2026, 11, 27)
        );
        assert_eq!(
            cal.last_working_day_on_or_before(d(2026, 11, 24)),
            d(2026, 11, 24)
        );
        assert_eq!(
            cal.working_day_on_or_after(d(2026, 12, 24)),
            d(2026, 12, 28)
        );
    }

    #[test]
    fn a_calendar_of_only_days_off_ends() {
        let all: Vec<LocalDayOff> = (1..=12)
            .flat_map(|m| (1..=31).map(move |dd| (m, dd)))
            .filter_map(|(m, dd)| LocalDayOff::new(m, dd, "fri", None).ok())
            .collect();
        let cal = Calendar::new(all);
        let _ = cal.next_working_day(d(2026, 1, 1));
        let _ = cal.last_working_day_on_or_before(d(2026, 1, 1));
    }

    #[test]
    fn days_off_between_a_week() {
        let cal = Calendar::default();
        let week: Vec<_> = cal
            .days_off_between(d(2026, 12, 21), d(2026, 12, 27))
            .iter()
            .map(|x| (x.date.day(), x.kind))
            .collect();
        assert_eq!(
            week,
            vec![
                (24, DayOffKind::Local),
                (25, DayOffKind::Holiday),
                (26, DayOffKind::Holiday)
            ]
        );
        let turn = cal.days_off_between(d(2026, 12, 28), d(2027, 1, 3));
        assert_eq!(turn.len(), 2);
    }
}
