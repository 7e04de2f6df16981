//! The generator: a realistic, deterministic, fictional caseload around a given today.
//!
//! Same seed and same today give the same data, row for row. Every name comes from lists of
//! common first and last names, so every person is fictional.

pub mod companies;
mod names;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::domain::cadence::{Due, DueInput, Rules};
use crate::domain::minimum;
use crate::domain::text::fold;
use crate::domain::workdays::{Calendar, default_calendar};
use crate::domain::{
    Channel, Kind, NewAppointment, NewCitizen, NewContact, Outcome, Status, TargetGroup,
};
use crate::error::{Result, user};
use crate::store::{Loader, Store};

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    pub citizens: usize,
    pub years: u32,
    pub seed: u64,
    /// The moment the caseload is generated around: past before it, planned after it.
    pub now: NaiveDateTime,
}

/// What was generated.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub citizens: usize,
    pub archived: usize,
    pub appointments: usize,
    pub contacts: usize,
}

/// Target groups in rough proportion to a mixed caseload.
const GROUP_WEIGHTS: &[(TargetGroup, u32)] = &[
    (TargetGroup::Dagpenge, 28),
    (TargetGroup::KontanthjaelpJobparat, 12),
    (TargetGroup::KontanthjaelpAktivitetsparat, 16),
    (TargetGroup::Uddannelsesparat, 10),
    (TargetGroup::Sygedagpenge, 16),
    (TargetGroup::Jobafklaring, 6),
    (TargetGroup::Ressourceforloeb, 5),
    (TargetGroup::Ledighedsydelse, 4),
    (TargetGroup::Revalidering, 1),
    (TargetGroup::Other, 2),
];

pub const MAX_CITIZENS: usize = 1_000_000;
pub const MAX_YEARS: u32 = 30;

/// Fills an empty store. Refuses one that already holds citizens. Calls `progress(done, total)`
/// now and then, in citizens: the caseload is made in memory first (the quick part), then
/// written in time order, and `done` follows the writing (rows written, in citizens' worth).
/// No appointment or contact falls on a weekend or a day off of the default calendar.
pub fn generate(
    store: &mut Store,
    spec: Spec,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Summary> {
    generate_with(store, spec, default_calendar(), progress)
}

/// As [`generate`], with the days off of `calendar` (the user's config).
pub fn generate_with(
    store: &mut Store,
    spec: Spec,
    calendar: &Calendar,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Summary> {
    if spec.citizens == 0 || spec.citizens > MAX_CITIZENS {
        return Err(user(format!(
            "--citizens {} is out of range: give 1 to {MAX_CITIZENS}",
            spec.citizens
        )));
    }
    if spec.years == 0 || spec.years > MAX_YEARS {
        return Err(user(format!(
            "--years {} is out of range: give 1 to {MAX_YEARS}",
            spec.years
        )));
    }
    let rules = store.rules().clone();
    store.bulk_load(|load| {
        let mut g = Gen {
            rng: ChaCha8Rng::seed_from_u64(spec.seed),
            now: spec.now,
            today: spec.now.date(),
            years: spec.years,
            rules: &rules,
            calendar,
            summary: Summary::default(),
            cprs: Default::default(),
            last_contact: None,
            appointments: Vec::new(),
            contacts: Vec::new(),
            busy: Default::default(),
            load,
        };
        for _ in 0..spec.citizens {
            g.citizen()?;
        }
        g.write_in_time_order(&mut |rows, all| {
            progress(spec.citizens * rows / all.max(1), spec.citizens);
        })?;
        progress(spec.citizens, spec.citizens);
        Ok(g.summary)
    })
}

struct Gen<'a, 't> {
    rng: ChaCha8Rng,
    now: NaiveDateTime,
    today: NaiveDate,
    years: u32,
    rules: &'a Rules,
    calendar: &'a Calendar,
    summary: Summary,
    cprs: std::collections::HashSet<String>,
    /// The latest contact of the citizen being generated.
    last_contact: Option<NaiveDateTime>,
    /// Appointments and contacts of every citizen, written in time order at the end.
    appointments: Vec<GenAppointment>,
    contacts: Vec<GenContact>,
    /// The consultant's booked quarter hours per day (bit n: 8.00 + n quarters), so that no two
    /// appointments overlap while a day has room.
    busy: std::collections::HashMap<NaiveDate, u64>,
    load: &'a mut Loader<'t>,
}

/// Quarter hours from 8.00 that a day's bitmask covers (to 18.00).
const QUARTERS: u32 = 40;
/// An appointment starts 8.30–15.00: quarters 2..=28.
const FIRST_START: u32 = 2;
const LAST_START: u32 = 28;

impl Gen<'_, '_> {
    fn pick<'s>(&mut self, list: &'s [&'s str]) -> &'s str {
        list[self.rng.random_range(0..list.len())]
    }

    /// The random part of a uuid (see `uuid`).
    fn uuid_bits(&mut self) -> [u8; 10] {
        let bytes: [u8; 16] = self.rng.random();
        let mut random = [0u8; 10];
        random.copy_from_slice(&bytes[..10]);
        random
    }

    /// A time-ordered UUID (version 7): the `seq`th millisecond after `now`, and random bits.
    /// Each new id sorts after the last, so the unique uuid index grows at its right edge like
    /// the table instead of taking a million inserts all over the file.
    fn uuid(&self, seq: u64, random: &[u8; 10]) -> String {
        let millis = self.now.and_utc().timestamp_millis().max(0) as u64 + seq;
        let id = uuid::Builder::from_unix_timestamp_millis(millis, random).into_uuid();
        // The hyphenated form written straight into a buffer (to_string goes through fmt).
        let mut buf = uuid::Uuid::encode_buffer();
        id.hyphenated().encode_lower(&mut buf).to_string()
    }

    /// Writes the appointments, then the contacts, each in time order: as a real desk fills
    /// its file, one day's rows then lie together on a few pages instead of one page per
    /// citizen (which is what writing them citizen by citizen gives).
    fn write_in_time_order(&mut self, progress: &mut dyn FnMut(usize, usize)) -> Result<()> {
        let appointments = std::mem::take(&mut self.appointments);
        let contacts = std::mem::take(&mut self.contacts);
        let all = appointments.len() + contacts.len();
        let mut written = 0usize;
        let mut step = || {
            written += 1;
            if written.is_multiple_of(10_000) {
                progress(written, all);
            }
        };
        let order = time_order(appointments.iter().map(|a| a.start));
        let mut ids = vec![0i64; appointments.len()];
        let mut seq = 0u64;
        for i in order {
            let a = &appointments[i];
            seq += 1;
            let new = NewAppointment {
                uuid: self.uuid(seq, &a.uuid),
                citizen_id: a.citizen_id,
                kind: a.kind,
                start: a.start,
                minutes: a.minutes,
                channel: a.channel,
                place: match a.channel {
                    Channel::InPerson => "Jobcentret".to_string(),
                    _ => String::new(),
                },
                status: a.status,
                reason: String::new(),
            };
            let created = a.start.min(self.now) - Duration::days(7);
            ids[i] = self.load.appointment(&new, created)?;
            step();
        }
        drop(appointments);
        let order = time_order(contacts.iter().map(|c| c.at));
        for i in order {
            let c = &contacts[i];
            seq += 1;
            let new = NewContact {
                uuid: self.uuid(seq, &c.uuid),
                citizen_id: c.citizen_id,
                appointment_id: c.appointment.map(|a| ids[a]),
                at: c.at,
                channel: c.channel,
                outcome: c.outcome,
                minutes: c.minutes,
                note: c.note.to_string(),
                counts: c.counts,
            };
            let transferred = c
                .transferred
                .then(|| (c.at + Duration::hours(2)).min(self.now));
            self.load.contact(&new, c.at, transferred)?;
            step();
        }
        Ok(())
    }

    fn group(&mut self) -> TargetGroup {
        let total: u32 = GROUP_WEIGHTS.iter().map(|(_, w)| w).sum();
        let mut x = self.rng.random_range(0..total);
        for (g, w) in GROUP_WEIGHTS {
            if x < *w {
                return *g;
            }
            x -= w;
        }
        TargetGroup::Other
    }

    /// A time slot on `day`, moved on to a working day (off weekends, public holidays and local
    /// days off), 08.30–15.00 in quarter hours.
    fn slot(&mut self, day: NaiveDate) -> NaiveDateTime {
        let day = self.calendar.working_day_on_or_after(day);
        let q = self.rng.random_range(0..27u32); // 8.30 + 27 quarters = 15.15
        let mins = 8 * 60 + 30 + q * 15;
        day.and_time(NaiveTime::from_hms_opt(mins / 60, mins % 60, 0).unwrap_or_default())
    }

    /// A free time for an appointment of `minutes` on `day` or, when that day is full, a
    /// nearby working day: later days, or with `latest` earlier days from it back to
    /// `earliest` (never after `latest`). When no day in reach has room (a caseload bigger
    /// than one consultant's week), a random slot: an overlap rather than no appointment.
    fn free_slot(
        &mut self,
        day: NaiveDate,
        minutes: i64,
        latest: Option<NaiveDate>,
        earliest: NaiveDate,
    ) -> NaiveDateTime {
        let len = ((minutes.max(15) + 14) / 15) as u32;
        let mask = if len >= 64 {
            u64::MAX
        } else {
            (1u64 << len) - 1
        };
        let start = self.calendar.working_day_on_or_after(day);
        let mut days = Vec::with_capacity(16);
        match latest {
            Some(l) => {
                let top = self.calendar.last_working_day_on_or_before(l);
                let s = start.min(top);
                let mut d = s;
                while d <= top && days.len() < 8 {
                    days.push(d);
                    d = self.calendar.next_working_day(d);
                }
                let mut d = self
                    .calendar
                    .last_working_day_on_or_before(s - Duration::days(1));
                while d >= earliest && days.len() < 16 {
                    days.push(d);
                    d = self
                        .calendar
                        .last_working_day_on_or_before(d - Duration::days(1));
                }
            }
            None => {
                let mut d = start;
                while days.len() < 15 {
                    days.push(d);
                    d = self.calendar.next_working_day(d);
                }
            }
        }
        let first_q = self.rng.random_range(FIRST_START..=LAST_START);
        for d in days {
            let used = self.busy.get(&d).copied().unwrap_or(0);
            for i in 0..=(LAST_START - FIRST_START) {
                let q = FIRST_START + (first_q - FIRST_START + i) % (LAST_START - FIRST_START + 1);
                if q + len > QUARTERS {
                    continue;
                }
                let m = mask << q;
                if used & m == 0 {
                    self.busy.insert(d, used | m);
                    let mins = 8 * 60 + q * 15;
                    return d.and_time(
                        NaiveTime::from_hms_opt(mins / 60, mins % 60, 0).unwrap_or_default(),
                    );
                }
            }
        }
        self.slot(day)
    }

    fn citizen(&mut self) -> Result<()> {
        let female = self.rng.random_bool(0.5);
        let first = if female {
            self.pick(names::FIRST_FEMALE)
        } else {
            self.pick(names::FIRST_MALE)
        };
        let last = self.pick(names::LAST);
        let name = if self.rng.random_bool(0.15) {
            let middle = self.pick(names::LAST);
            format!("{first} {middle} {last}")
        } else {
            format!("{first} {last}")
        };
        let group = self.group();
        let span_days = self.years as i64 * 365;
        let start = self.today - Duration::days(self.rng.random_range(0..span_days.max(1)));
        let age_days = (self.today - start).num_days();
        // Older cases have more often ended (the citizen found work or moved on).
        let ended = age_days > 90
            && self
                .rng
                .random_bool((age_days as f64 / 730.0).min(0.85) * 0.7);
        let end = if ended {
            Some(start + Duration::days(self.rng.random_range(60..age_days.max(61))))
        } else {
            None
        };
        let mentor = self.rng.random_bool(0.15);
        let birth_year = match group {
            TargetGroup::Uddannelsesparat => self.today.year() - self.rng.random_range(18..30),
            _ => self.today.year() - self.rng.random_range(25..64),
        };
        let cpr = if self.rng.random_bool(0.6) {
            let d = NaiveDate::from_ymd_opt(
                birth_year,
                self.rng.random_range(1..=12),
                self.rng.random_range(1..=28),
            )
            .unwrap_or(self.today);
            let cpr = format!(
                "{}-{:04}",
                d.format("%d%m%y"),
                self.rng.random_range(0..10000u32)
            );
            // Two made-up numbers can collide; the second citizen then goes without one.
            self.cprs.insert(cpr.clone()).then_some(cpr)
        } else {
            None
        };
        let phone = format!("{}", self.rng.random_range(20_000_000u32..99_999_999));
        let email = format!(
            "{}.{}{}@eksempel.dk",
            fold(first).replace(' ', ""),
            fold(last).replace(' ', ""),
            self.rng.random_range(1..100u32)
        );
        let summary = self.pick(names::summaries(group, mentor)).to_string();
        let id = self.load.citizen(
            &NewCitizen {
                name,
                cpr,
                phone,
                email,
                target_group: Some(group),
                benefit_start: Some(start),
                mentor,
                summary,
                archived: end.is_some(),
                absence_start: None,
            },
            start.and_hms_opt(8, 0, 0).unwrap_or_default(),
        )?;
        self.summary.citizens += 1;
        if end.is_some() {
            self.summary.archived += 1;
        }
        let until = end
            .map(|e| e.and_hms_opt(16, 0, 0).unwrap_or_default())
            .unwrap_or(self.now);
        self.last_contact = None;
        let mut held = Vec::new();
        self.conversations(id, group, start, until, &mut held)?;
        self.calls(id, start, until)?;
        if mentor {
            self.mentor_visits(id, start, until)?;
        }
        let due = self.due(group, start, &held);
        self.load.set_derived(
            id,
            due.map(|d| d.legal),
            self.last_contact,
            due.map(|d| d.pace),
        )?;
        Ok(())
    }

    /// The citizen's legal deadline and pace, with these conversations held.
    fn due(&self, group: TargetGroup, start: NaiveDate, held: &[NaiveDate]) -> Option<Due> {
        self.rules.due(
            &DueInput {
                group,
                benefit_start: Some(start),
                absence_start: None,
                exempt: false,
                held,
                suspensions: &[],
            },
            self.calendar,
        )
    }

    /// Conversations from the benefit start: the rule's minimum, then every 6–10 weeks. A
    /// planned one lies on or before the citizen's legal deadline when that is still ahead.
    fn conversations(
        &mut self,
        id: i64,
        group: TargetGroup,
        start: NaiveDate,
        until: NaiveDateTime,
        held: &mut Vec<NaiveDate>,
    ) -> Result<()> {
        let rule = self.rules.rule_for(group, start).cloned();
        let mut day = match &rule {
            Some(r) => {
                start + Duration::days(self.rng.random_range(1..=r.first_within_days.max(2)))
            }
            None => start + Duration::days(self.rng.random_range(7..42)),
        };
        // An active citizen has conversations planned three weeks ahead; an ended one none after the end.
        let stop = if until < self.now {
            until
        } else {
            self.now + Duration::days(21)
        };
        let mut first = true;
        // Only the next planned conversation is held to the deadline; later ones follow it.
        let mut planned_one = false;
        loop {
            let minutes = if first {
                60
            } else {
                [30, 30, 45][self.rng.random_range(0..3)]
            };
            let tomorrow = self.today + Duration::days(1);
            let (latest, earliest) = if day >= self.today && !planned_one {
                let legal = self
                    .due(group, start, held)
                    .map(|d| d.legal)
                    .filter(|l| *l >= tomorrow);
                (legal, tomorrow)
            } else {
                (None, start)
            };
            let at = self.free_slot(day, minutes, latest, earliest);
            if at > stop {
                break;
            }
            let channel = if first {
                Channel::InPerson
            } else {
                match self.rng.random_range(0..10) {
                    0..=3 => Channel::InPerson,
                    4..=7 => Channel::Phone,
                    _ => Channel::Video,
                }
            };
            if at >= self.now {
                planned_one = true;
                self.appointment(
                    id,
                    Kind::Conversation,
                    at,
                    minutes,
                    channel,
                    Status::Planned,
                )?;
            } else {
                let status = match self.rng.random_range(0..100) {
                    0..=79 => Status::Held,
                    80..=87 => Status::NoShow,
                    88..=94 => Status::CancelledByCitizen,
                    95..=97 => Status::Cancelled,
                    _ => Status::Moved,
                };
                let aid = self.appointment(id, Kind::Conversation, at, minutes, channel, status)?;
                let note = if status == Status::Held {
                    self.pick(names::NOTES_HELD)
                } else {
                    ""
                };
                let outcome = status.outcome().unwrap_or(Outcome::Held);
                let counts = minimum::counts(Kind::Conversation, outcome, channel);
                let log_minutes = if counts { minutes } else { 0 };
                self.contact(
                    id,
                    Some(aid),
                    at,
                    channel,
                    outcome,
                    log_minutes,
                    note,
                    counts,
                )?;
                if counts {
                    held.push(at.date());
                    first = false;
                }
            }
            // The next one: spread to meet the rule while it applies, then individual.
            let done = held.len() as u32;
            let gap = match &rule {
                Some(r) if done < r.count => {
                    let next = Rules::deadline(r, start, done + 1);
                    (next - day).num_days().max(7)
                }
                _ => self.rng.random_range(28..56),
            };
            day = day.max(at.date()) + Duration::days(gap.max(3) - self.rng.random_range(0..3));
        }
        Ok(())
    }

    /// Unplanned calls and messages, every two to five weeks (on top of the conversations).
    fn calls(&mut self, id: i64, start: NaiveDate, until: NaiveDateTime) -> Result<()> {
        let mut t = start.and_hms_opt(9, 0, 0).unwrap_or_default()
            + Duration::days(self.rng.random_range(2..14));
        while t < until.min(self.now) {
            let at = self.slot(t.date());
            if at >= self.now || at >= until {
                break;
            }
            let (outcome, minutes) = match self.rng.random_range(0..100) {
                0..=59 => (Outcome::Reached, self.rng.random_range(3..16)),
                60..=84 => (Outcome::NotReached, 0),
                _ => (Outcome::MessageLeft, 1),
            };
            let note = if outcome == Outcome::Reached {
                self.pick(names::NOTES_CALL)
            } else {
                ""
            };
            let counts = minimum::counts(Kind::Conversation, outcome, Channel::Phone);
            self.contact(id, None, at, Channel::Phone, outcome, minutes, note, counts)?;
            t += Duration::days(self.rng.random_range(14..36));
        }
        Ok(())
    }

    /// Mentor visits every one or two weeks for a six-month agreement (renewed while active).
    fn mentor_visits(&mut self, id: i64, start: NaiveDate, until: NaiveDateTime) -> Result<()> {
        let begin = start + Duration::days(self.rng.random_range(14..90));
        let agreement_end = if until >= self.now {
            self.now + Duration::days(21)
        } else {
            begin.and_hms_opt(16, 0, 0).unwrap_or_default() + Duration::days(182)
        };
        let mut day = begin;
        let stop = if until < self.now {
            until.min(agreement_end)
        } else {
            agreement_end
        };
        // The written agreement the support rests on: goals, hours, up to six months.
        let goals = self.pick(names::MENTOR_GOALS).to_string();
        let hours = [1.0, 1.5, 2.0, 3.0][self.rng.random_range(0..4)];
        let agreement_until = if until >= self.now {
            self.today + Duration::days(self.rng.random_range(30..150))
        } else {
            stop.date()
        };
        self.load.set_mentor_agreement(
            id,
            &crate::store::MentorAgreement {
                goals,
                hours: Some(hours),
                until: Some(agreement_until),
            },
        )?;
        loop {
            let minutes = [60, 60, 90, 120][self.rng.random_range(0..4)];
            let at = self.free_slot(day, minutes, None, day);
            if at > stop {
                break;
            }
            let channel = match self.rng.random_range(0..10) {
                0..=3 => Channel::HomeVisit,
                4..=7 => Channel::Walk,
                8 => Channel::Workplace,
                _ => Channel::Phone,
            };
            if at >= self.now {
                self.appointment(id, Kind::MentorVisit, at, minutes, channel, Status::Planned)?;
            } else {
                let status = match self.rng.random_range(0..100) {
                    0..=84 => Status::Held,
                    85..=91 => Status::NoShow,
                    _ => Status::CancelledByCitizen,
                };
                let aid = self.appointment(id, Kind::MentorVisit, at, minutes, channel, status)?;
                let note = if status == Status::Held {
                    self.pick(names::NOTES_MENTOR)
                } else {
                    ""
                };
                let m = if status == Status::Held { minutes } else { 0 };
                let outcome = status.outcome().unwrap_or(Outcome::Held);
                let counts = minimum::counts(Kind::MentorVisit, outcome, channel);
                self.contact(id, Some(aid), at, channel, outcome, m, note, counts)?;
            }
            day = day.max(at.date()) + Duration::days([7, 7, 14][self.rng.random_range(0..3)]);
        }
        Ok(())
    }

    /// Keeps one appointment to write later; returns its place in the list.
    fn appointment(
        &mut self,
        citizen_id: i64,
        kind: Kind,
        start: NaiveDateTime,
        minutes: i64,
        channel: Channel,
        status: Status,
    ) -> Result<usize> {
        let uuid = self.uuid_bits();
        self.summary.appointments += 1;
        self.appointments.push(GenAppointment {
            uuid,
            citizen_id,
            kind,
            start,
            minutes,
            channel,
            status,
        });
        Ok(self.appointments.len() - 1)
    }

    /// Keeps one contact to write later.
    #[allow(clippy::too_many_arguments)]
    fn contact(
        &mut self,
        citizen_id: i64,
        appointment: Option<usize>,
        at: NaiveDateTime,
        channel: Channel,
        outcome: Outcome,
        minutes: i64,
        note: &'static str,
        counts: bool,
    ) -> Result<()> {
        let uuid = self.uuid_bits();
        self.summary.contacts += 1;
        self.last_contact = self.last_contact.max(Some(at));
        // Older entries have been transferred to the case system.
        let transferred = self.now - at > Duration::days(3) || self.rng.random_bool(0.3);
        self.contacts.push(GenContact {
            uuid,
            citizen_id,
            appointment,
            at,
            channel,
            outcome,
            minutes,
            note,
            counts,
            transferred,
        });
        Ok(())
    }
}

/// The places of `times` in time order (equal times in the order they came).
fn time_order(times: impl Iterator<Item = NaiveDateTime>) -> Vec<usize> {
    let mut keys: Vec<(i64, usize)> = times
        .enumerate()
        .map(|(i, t)| (t.and_utc().timestamp(), i))
        .collect();
    keys.sort_unstable();
    keys.into_iter().map(|(_, i)| i).collect()
}

/// An appointment generated but not written yet (the random part of its uuid drawn).
struct GenAppointment {
    uuid: [u8; 10],
    citizen_id: i64,
    kind: Kind,
    start: NaiveDateTime,
    minutes: i64,
    channel: Channel,
    status: Status,
}

/// A contact generated but not written yet; `appointment` is a place in the appointments list.
struct GenContact {
    uuid: [u8; 10],
    citizen_id: i64,
    appointment: Option<usize>,
    at: NaiveDateTime,
    channel: Channel,
    outcome: Outcome,
    minutes: i64,
    note: &'static str,
    counts: bool,
    transferred: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{AppointmentFilter, ContactFilter};

    #[test]
    fn generated_rows_keep_every_reference_in_time_order() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(
            &dir.path().join("g.db"),
            &crate::store::OpenOptions::new(crate::store::Create::Yes),
        )
        .unwrap();
        let now = NaiveDate::from_ymd_opt(2026, 11, 23)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .unwrap();
        let spec = Spec {
            citizens: 60,
            years: 2,
            seed: 7,
            now,
        };
        let s = generate(&mut store, spec, &mut |_, _| {}).unwrap();
        assert!(s.appointments > 100 && s.contacts > 200, "{s:?}");
        // The references hold, although they were not checked while loading (the check runs
        // SQLite's foreign-key check).
        assert_eq!(store.check().unwrap(), vec![]);
        let appointments = store
            .appointments(&AppointmentFilter::default(), 0, usize::MAX)
            .unwrap();
        let contacts = store
            .contacts(&ContactFilter::default(), 0, usize::MAX)
            .unwrap();
        assert_eq!(
            (appointments.len(), contacts.len()),
            (s.appointments, s.contacts)
        );
        // Nothing on a weekend, a public holiday or a default local day off.
        let cal = Calendar::default();
        for a in &appointments {
            assert!(
                cal.is_working_day(a.start.date()),
                "appointment on {}",
                a.start
            );
        }
        for k in &contacts {
            assert!(cal.is_working_day(k.at.date()), "contact on {}", k.at);
        }
        // Written in time order: in time order, the ids only grow.
        assert!(appointments.windows(2).all(|w| w[0].id < w[1].id));
        assert!(
            contacts.windows(2).all(|w| w[0].id > w[1].id),
            "newest first"
        );
        for k in &contacts {
            match k.appointment_id {
                Some(id) => {
                    let a = appointments.iter().find(|a| a.id == id).unwrap();
                    assert_eq!(
                        (a.start, a.citizen_id),
                        (k.at, k.citizen_id),
                        "each contact of an appointment points at its own appointment"
                    );
                }
                None => assert_eq!(k.channel, Channel::Phone),
            }
        }
    }
}
