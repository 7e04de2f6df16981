//! The words of the domain: target groups, channels, outcomes, kinds and statuses, each with the
//! contract's key (stored in the database and used on the command line) and Danish/English names.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use super::text::fold;

/// A word that has one stored key, a Danish and an English name, and accepted aliases.
pub trait Word: Sized + Copy + 'static {
    const ALL: &'static [Self];
    /// What the thing is called in messages ("channel", "outcome", ...).
    const WHAT: &'static str;
    fn key(self) -> &'static str;
    fn da(self) -> &'static str;
    fn en(self) -> &'static str;
    /// Extra accepted spellings (already folded: lower case, no accents).
    fn aliases(self) -> &'static [&'static str] {
        &[]
    }
    fn name(self, danish: bool) -> &'static str {
        if danish { self.da() } else { self.en() }
    }
    /// Parses a key, a Danish or English name or an alias; case and accents are ignored.
    fn parse(s: &str) -> Result<Self, String> {
        // The stored form first: every row read from the database holds a key exactly, and
        // folding the input and every name for each row costs more than the query.
        if let Some(w) = Self::ALL.iter().find(|w| w.key() == s) {
            return Ok(*w);
        }
        // Both sides folded the same way, so "moede", "gaatur" and "ressourceforloeb" meet
        // the names and aliases whatever spelling they were written in.
        let norm = |x: &str| fold(x.trim()).replace([' ', '-'], "_");
        let f = norm(s);
        for w in Self::ALL {
            if f == norm(w.key())
                || f == norm(w.da())
                || f == norm(w.en())
                || w.aliases().iter().any(|a| norm(a) == f)
            {
                return Ok(*w);
            }
        }
        let keys: Vec<&str> = Self::ALL.iter().map(|w| w.key()).collect();
        Err(format!(
            "unknown {} '{}': use one of {}",
            Self::WHAT,
            s.trim(),
            keys.join(", ")
        ))
    }
}

macro_rules! word_enum {
    ($name:ident, $what:literal, { $($(#[$meta:meta])* $var:ident => $key:literal, $da:literal, $en:literal, [$($alias:literal),*];)* }) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$meta])* $var),* }
        impl Word for $name {
            const ALL: &'static [Self] = &[$($name::$var),*];
            const WHAT: &'static str = $what;
            fn key(self) -> &'static str { match self { $($name::$var => $key),* } }
            fn da(self) -> &'static str { match self { $($name::$var => $da),* } }
            fn en(self) -> &'static str { match self { $($name::$var => $en),* } }
            fn aliases(self) -> &'static [&'static str] { match self { $($name::$var => &[$($alias),*]),* } }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str(self.key()) }
        }
        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> { <$name as Word>::parse(s) }
        }
    };
}

word_enum!(TargetGroup, "target group", {
    Dagpenge => "dagpenge", "Dagpengemodtager", "Insured unemployed", ["dp", "insured", "unemployment_benefit"];
    KontanthjaelpJobparat => "kontanthjaelp_jobparat", "Jobparat kontanthjælpsmodtager", "Job-ready cash benefit", ["jobparat", "job_ready"];
    KontanthjaelpAktivitetsparat => "kontanthjaelp_aktivitetsparat", "Aktivitetsparat kontanthjælpsmodtager", "Activity-ready cash benefit", ["aktivitetsparat", "activity_ready"];
    /// Uddannelseshjælp is paid as kontanthjælp since 1.7.2025 (lov nr. 1655 af 30.12.2024):
    /// the old key `uddannelseshjaelp` is read as this one, in JSON files too.
    #[serde(alias = "uddannelseshjaelp")]
    Uddannelsesparat => "uddannelsesparat", "Uddannelsesparat kontanthjælpsmodtager", "Education-ready cash benefit", ["uddannelseshjaelp", "uddannelseshjaelpsmodtager", "uddannelseshjaelp_modtager", "education_benefit", "education_ready", "udd", "kontanthjaelp_uddannelsesparat"];
    Sygedagpenge => "sygedagpenge", "Sygedagpengemodtager", "Sickness benefit", ["sdp", "sickness"];
    Jobafklaring => "jobafklaring", "Jobafklaringsforløb", "Work-ability clarification", ["jobafklaringsforlob_", "work_ability"];
    Ressourceforloeb => "ressourceforloeb", "Ressourceforløb", "Resource course", ["ressourceforlob", "resource"];
    Ledighedsydelse => "ledighedsydelse", "Ledighedsydelse (fleksjob-visiteret)", "Flex-job unemployment benefit", ["ledighedsydelse_", "flexjob", "fleksjob"];
    Revalidering => "revalidering", "Revalidering", "Rehabilitation", ["rehab"];
    Other => "other", "Anden", "Other", ["andet", "anden"];
});

impl TargetGroup {
    /// A short label for narrow tables.
    pub fn short(self, danish: bool) -> &'static str {
        use TargetGroup::*;
        match (self, danish) {
            (Dagpenge, _) => "Dagpenge",
            (KontanthjaelpJobparat, true) => "Kth. jobparat",
            (KontanthjaelpJobparat, false) => "Cash, job-ready",
            (KontanthjaelpAktivitetsparat, true) => "Kth. aktivitetsp.",
            (KontanthjaelpAktivitetsparat, false) => "Cash, activity-r.",
            (Uddannelsesparat, true) => "Kth. udd.parat",
            (Uddannelsesparat, false) => "Cash, educ.-ready",
            (Sygedagpenge, true) => "Sygedagpenge",
            (Sygedagpenge, false) => "Sickness benefit",
            (Jobafklaring, true) => "Jobafklaring",
            (Jobafklaring, false) => "Work-ability",
            (Ressourceforloeb, true) => "Ressourceforløb",
            (Ressourceforloeb, false) => "Resource course",
            (Ledighedsydelse, true) => "Ledighedsydelse",
            (Ledighedsydelse, false) => "Flex-job benefit",
            (Revalidering, true) => "Revalidering",
            (Revalidering, false) => "Rehabilitation",
            (Other, true) => "Anden",
            (Other, false) => "Other",
        }
    }
}

word_enum!(Channel, "channel", {
    InPerson => "in_person", "fremmøde", "in person", ["fremmode", "personligt", "moede", "mode", "person"];
    Phone => "phone", "telefon", "phone", ["tlf", "telephone", "tel"];
    Video => "video", "video", "video", ["teams", "online"];
    HomeVisit => "home_visit", "hjemmebesøg", "home visit", ["hjemmebesog", "hjem", "home"];
    Walk => "walk", "gåtur", "walk", ["gatur", "gaatur", "tur"];
    Workplace => "workplace", "arbejdsplads", "workplace", ["virksomhed", "work", "arbejde"];
    Sms => "sms", "sms", "SMS", ["tekstbesked", "sms_besked", "text_message"];
    Email => "email", "e-mail", "e-mail", ["mail", "email", "e_mail"];
    DigitalPost => "digital_post", "digital post", "digital post", ["jobnet", "jobnet_besked", "jobnet_message", "eboks", "e_boks", "digitalpost"];
    Letter => "letter", "brev", "letter", ["post_brev"];
});

impl Channel {
    /// In-person channels are the ones a closure converts.
    pub fn is_in_person(self) -> bool {
        matches!(
            self,
            Channel::InPerson | Channel::HomeVisit | Channel::Workplace
        )
    }
    /// Written channels (sms, e-mail, digital post, letter): a message, not a conversation, so
    /// they never count toward the minimum of conversations.
    pub fn is_written(self) -> bool {
        matches!(
            self,
            Channel::Sms | Channel::Email | Channel::DigitalPost | Channel::Letter
        )
    }
    /// Channels that belong to a mentor visit.
    pub fn is_mentor_channel(self) -> bool {
        matches!(
            self,
            Channel::HomeVisit | Channel::Walk | Channel::Workplace
        )
    }
}

word_enum!(Outcome, "outcome", {
    Held => "held", "afholdt", "held", ["holdt"];
    NoShow => "no_show", "udeblevet", "no-show", ["udeblev", "noshow"];
    CancelledByCitizen => "cancelled_by_citizen", "afbud", "cancelled by citizen", ["canceled_by_citizen"];
    Cancelled => "cancelled", "aflyst", "cancelled", ["canceled"];
    Moved => "moved", "flyttet", "moved", [];
    Reached => "reached", "truffet", "reached", ["kontakt", "naaet", "naet", "fanget"];
    NotReached => "not_reached", "ikke truffet", "not reached", ["ikke fanget", "ikke_naaet", "ikke_naet", "no_answer", "intet_svar"];
    MessageLeft => "message_left", "lagt besked", "message left", ["besked lagt", "besked", "voicemail", "sms"];
});

impl Outcome {
    /// A label for narrow table columns (at most 14 cells).
    pub fn short(self, danish: bool) -> &'static str {
        match (self, danish) {
            (Outcome::CancelledByCitizen, false) => "cit. cancelled",
            _ => self.name(danish),
        }
    }

    /// Whether a contact with this outcome can count toward the legal minimum of conversations.
    pub fn can_count(self) -> bool {
        matches!(self, Outcome::Held)
    }
}

word_enum!(Kind, "kind", {
    Conversation => "conversation", "samtale", "conversation", ["jobsamtale", "call"];
    MentorVisit => "mentor_visit", "mentorbesøg", "mentor visit", ["mentorbesog", "mentor", "visit"];
});

word_enum!(Status, "status", {
    Planned => "planned", "planlagt", "planned", [];
    Held => "held", "afholdt", "held", [];
    NoShow => "no_show", "udeblevet", "no-show", ["noshow"];
    CancelledByCitizen => "cancelled_by_citizen", "afbud", "cancelled by citizen", ["canceled_by_citizen"];
    Cancelled => "cancelled", "aflyst", "cancelled", ["canceled"];
    Moved => "moved", "flyttet", "moved", [];
});

impl Status {
    /// A label for narrow table columns (at most 14 cells).
    pub fn short(self, danish: bool) -> &'static str {
        match (self, danish) {
            (Status::CancelledByCitizen, false) => "cit. cancelled",
            _ => self.name(danish),
        }
    }

    /// The log outcome that marking an appointment with this status writes.
    pub fn outcome(self) -> Option<Outcome> {
        match self {
            Status::Planned => None,
            Status::Held => Some(Outcome::Held),
            Status::NoShow => Some(Outcome::NoShow),
            Status::CancelledByCitizen => Some(Outcome::CancelledByCitizen),
            Status::Cancelled => Some(Outcome::Cancelled),
            Status::Moved => Some(Outcome::Moved),
        }
    }
}

/// One citizen of the caseload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Citizen {
    pub id: i64,
    pub name: String,
    pub cpr: Option<String>,
    pub phone: String,
    pub email: String,
    pub target_group: TargetGroup,
    pub benefit_start: Option<NaiveDate>,
    pub mentor: bool,
    pub summary: String,
    pub exempt: bool,
    pub archived: bool,
    pub last_contact: Option<NaiveDateTime>,
    /// The next legal deadline (the next one not yet met), on a working day.
    pub next_due: Option<NaiveDate>,
    /// jobdesk's pace towards it (even spacing of the minimum): never later than `next_due`.
    #[serde(default)]
    pub pace_due: Option<NaiveDate>,
    /// The first day of absence (sygedagpenge): the count runs from it when set.
    #[serde(default)]
    pub absence_start: Option<NaiveDate>,
    /// The citizen's address (a home visit planned without a place is held there).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// The day the citizen asked for a conversation, while none is planned since (the store
    /// clears it when one is planned on or after that day). The due list shows them first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requested: Option<NaiveDate>,
    /// Expected at the job club's sessions.
    #[serde(default)]
    pub jobclub: bool,
}

/// A citizen to be created (no id yet).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NewCitizen {
    pub name: String,
    pub cpr: Option<String>,
    pub phone: String,
    pub email: String,
    pub target_group: Option<TargetGroup>,
    pub benefit_start: Option<NaiveDate>,
    pub mentor: bool,
    pub summary: String,
    pub archived: bool,
    /// The first day of absence (sygedagpenge).
    pub absence_start: Option<NaiveDate>,
}

/// A planned or past appointment: a conversation or a mentor visit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Appointment {
    pub id: i64,
    pub uuid: String,
    pub citizen_id: i64,
    pub citizen: String,
    pub kind: Kind,
    pub start: NaiveDateTime,
    pub minutes: i64,
    pub channel: Channel,
    pub place: String,
    pub status: Status,
    pub reason: String,
    pub moved_to: Option<i64>,
    /// The citizen's phone number, for the rows of the panes (not part of any output format).
    #[serde(skip, default)]
    pub phone: String,
    /// The series it is an occurrence of, for the rows of the panes (↻) and the desk's
    /// questions (not part of any output format).
    #[serde(skip, default)]
    pub series_id: Option<i64>,
}

impl Appointment {
    /// The local time the appointment ends: `minutes` real minutes after its start, so a
    /// conversation at 02.30 on the autumn night that lasts an hour ends at the second 02.30
    /// (see [`super::localtime`]).
    pub fn end(&self) -> NaiveDateTime {
        super::localtime::add_minutes(self.start, self.minutes)
    }
}

/// One entry of the contact log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    pub id: i64,
    pub uuid: String,
    pub citizen_id: i64,
    pub citizen: String,
    pub appointment_id: Option<i64>,
    pub at: NaiveDateTime,
    pub channel: Channel,
    pub outcome: Outcome,
    pub minutes: i64,
    pub note: String,
    pub counts: bool,
    pub transferred_at: Option<NaiveDateTime>,
}

/// A contact to be written to the log.
#[derive(Debug, Clone, PartialEq)]
pub struct NewContact {
    pub uuid: String,
    pub citizen_id: i64,
    pub appointment_id: Option<i64>,
    pub at: NaiveDateTime,
    pub channel: Channel,
    pub outcome: Outcome,
    pub minutes: i64,
    pub note: String,
    pub counts: bool,
}

/// An appointment to be planned.
#[derive(Debug, Clone, PartialEq)]
pub struct NewAppointment {
    pub uuid: String,
    pub citizen_id: i64,
    pub kind: Kind,
    pub start: NaiveDateTime,
    pub minutes: i64,
    pub channel: Channel,
    pub place: String,
    pub status: Status,
    pub reason: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_parse_in_both_languages_and_by_key() {
        assert_eq!(Channel::parse("telefon"), Ok(Channel::Phone));
        assert_eq!(Channel::parse("TLF"), Ok(Channel::Phone));
        assert_eq!(Channel::parse("Gåtur"), Ok(Channel::Walk));
        assert_eq!(Channel::parse("home visit"), Ok(Channel::HomeVisit));
        assert_eq!(Channel::parse("fremmøde"), Ok(Channel::InPerson));
        assert_eq!(Outcome::parse("udeblevet"), Ok(Outcome::NoShow));
        assert_eq!(Outcome::parse("no-show"), Ok(Outcome::NoShow));
        assert_eq!(
            TargetGroup::parse("Sygedagpengemodtager"),
            Ok(TargetGroup::Sygedagpenge)
        );
        assert_eq!(
            TargetGroup::parse("kontanthjaelp_jobparat"),
            Ok(TargetGroup::KontanthjaelpJobparat)
        );
        assert_eq!(
            TargetGroup::parse("Ressourceforløb"),
            Ok(TargetGroup::Ressourceforloeb)
        );
        assert_eq!(Kind::parse("mentorbesøg"), Ok(Kind::MentorVisit));
        assert_eq!(Channel::parse("møde"), Ok(Channel::InPerson));
        assert_eq!(Channel::parse("gaatur"), Ok(Channel::Walk));
        assert_eq!(
            TargetGroup::parse("Ressourceforloeb"),
            Ok(TargetGroup::Ressourceforloeb)
        );
    }

    #[test]
    fn written_channels_in_both_languages() {
        for (w, c) in [
            ("sms", Channel::Sms),
            ("SMS", Channel::Sms),
            ("text message", Channel::Sms),
            ("SMS-besked", Channel::Sms),
            ("e-mail", Channel::Email),
            ("email", Channel::Email),
            ("mail", Channel::Email),
            ("E-mail", Channel::Email),
            ("digital post", Channel::DigitalPost),
            ("digital_post", Channel::DigitalPost),
            ("jobnet", Channel::DigitalPost),
            ("Jobnet-besked", Channel::DigitalPost),
            ("e-boks", Channel::DigitalPost),
            ("eboks", Channel::DigitalPost),
            ("brev", Channel::Letter),
            ("letter", Channel::Letter),
        ] {
            assert_eq!(Channel::parse(w), Ok(c), "{w}");
        }
        for c in [
            Channel::Sms,
            Channel::Email,
            Channel::DigitalPost,
            Channel::Letter,
        ] {
            assert!(
                c.is_written() && !c.is_mentor_channel() && !c.is_in_person(),
                "{c}"
            );
            assert_eq!(Channel::parse(c.key()), Ok(c));
            assert_eq!(Channel::parse(c.en()), Ok(c));
        }
        for c in [
            Channel::InPerson,
            Channel::Phone,
            Channel::Video,
            Channel::Walk,
        ] {
            assert!(!c.is_written(), "{c}");
        }
    }

    #[test]
    fn unknown_word_names_the_accepted_keys() {
        let e = Channel::parse("fax").unwrap_err();
        assert!(e.contains("unknown channel 'fax'"), "{e}");
        assert!(e.contains("in_person, phone, video"), "{e}");
    }

    #[test]
    fn every_key_round_trips() {
        for g in TargetGroup::ALL {
            assert_eq!(TargetGroup::parse(g.key()), Ok(*g));
            assert_eq!(TargetGroup::parse(g.da()), Ok(*g));
            assert_eq!(TargetGroup::parse(g.en()), Ok(*g));
        }
        for c in Channel::ALL {
            assert_eq!(Channel::parse(c.da()), Ok(*c));
        }
        for o in Outcome::ALL {
            assert_eq!(Outcome::parse(o.da()), Ok(*o));
            assert_eq!(Outcome::parse(o.en()), Ok(*o));
        }
    }

    #[test]
    fn an_appointment_ends_in_real_minutes_on_the_change_nights() {
        let at = |m: u32, d: u32, h: u32, min: u32| {
            chrono::NaiveDate::from_ymd_opt(2026, m, d)
                .and_then(|x| x.and_hms_opt(h, min, 0))
                .unwrap_or_default()
        };
        let a = |start: NaiveDateTime, minutes: i64| Appointment {
            id: 1,
            uuid: String::new(),
            citizen_id: 1,
            citizen: String::new(),
            kind: Kind::Conversation,
            start,
            minutes,
            channel: Channel::Phone,
            place: String::new(),
            status: Status::Planned,
            reason: String::new(),
            moved_to: None,
            phone: String::new(),
            series_id: None,
        };
        assert_eq!(a(at(11, 23, 10, 30), 45).end(), at(11, 23, 11, 15));
        // Spring: an hour from 01.30 ends at 03.30 on the clock.
        assert_eq!(a(at(3, 29, 1, 30), 60).end(), at(3, 29, 3, 30));
        // Autumn: an hour from 02.30 (summer time) ends at the second 02.30.
        assert_eq!(a(at(10, 25, 2, 30), 60).end(), at(10, 25, 2, 30));
        assert_eq!(a(at(10, 25, 1, 30), 120).end(), at(10, 25, 2, 30));
    }
}
