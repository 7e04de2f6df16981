//! The user's config file (`config.toml` in the platform config folder, or `JOBDESK_CONFIG`):
//! note snippets, the soft length of a note, and the cadence rules. Everything has a default
//! shipped in the binary; a missing file means the defaults.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::domain::cadence::{ClosedGroup, Rule, Rules};
use crate::domain::jobclub::Schedule;
use crate::domain::templates::{NoteTemplates, NoteType, TypedSnippets};
use crate::domain::workdays::{Calendar, LocalDayOff};
use crate::domain::{Channel, Kind};
use crate::error::{Result, user};
use crate::i18n::Lang;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// The language of the desk and the command line: "da" or "en"; none: `LC_ALL`,
    /// `LC_MESSAGES`, `LANG`, then the operating system's language, else Danish (`--lang`
    /// beats it).
    #[serde(with = "lang_key", skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
    /// How long a note may grow before the desk shows it in yellow (characters).
    pub note_soft_limit: usize,
    /// Note snippets that Tab completes from, Danish and English.
    pub snippets_da: Vec<String>,
    pub snippets_en: Vec<String>,
    /// How many days after a citizen's last contact their contacts that are transferred to the
    /// case system are kept; `jobdesk purge` removes them after that (default 730: 2 years).
    pub retention_days: u32,
    /// The cadence rules; empty means the built-in defaults (LAB § 31 and the rows of lov
    /// nr. 1750 af 29.12.2025 that could be checked, each with its source).
    pub rules: Vec<Rule>,
    /// Target groups closed to new citizens from a date; empty means the built-in defaults
    /// (ressourceforløb and revalidering).
    pub closed_to_new: Vec<ClosedGroup>,
    /// The local days off on top of the public holidays (which are computed, not configured):
    /// the list replaces the defaults (grundlovsdag, juleaftensdag, nytårsaftensdag) as a whole,
    /// and `days_off = []` leaves only the public holidays.
    pub days_off: Vec<LocalDayOff>,
    /// The consultant's name, written into a hand-over file (`jobdesk handover export`) so
    /// that the colleague sees whose caseload it is; none by default.
    pub consultant: Option<String>,
    /// How many working days a contact may wait to be transferred to the case system before the
    /// transfer queue marks it too old (default 2: "snarest muligt", offentlighedsloven § 13).
    pub transfer_max_days: u32,
    /// The journal-ready text of a contact (`y` in the desk, `jobdesk log note`), Danish and
    /// English: `{date}`, `{time}`, `{channel}`, `{kind}`, `{outcome}`, `{counts}` (and why
    /// not), `{note}`, `{next}` (the next planned conversation).
    pub journal_template_da: String,
    pub journal_template_en: String,
    /// Whether a new database is encrypted (default true: its first start asks for a
    /// passphrase). `false` makes new databases plain, as `jobdesk init --no-encrypt` does.
    pub encrypt: bool,
    /// How many minutes before a planned appointment the desk rings the terminal bell once and
    /// shows a line ("Om 10 min: 10.30 Jens H. · telefon") until Esc or the appointment starts;
    /// none (the default): no reminder.
    pub reminder_minutes: Option<u32>,
    /// Whether phone numbers in the desk are `tel:` links (OSC 8) the terminal can open in a
    /// softphone: none (the default) means where the terminal is likely to support them (not
    /// the Linux console, not GNU screen); `false` never, `true` always.
    pub hyperlinks: Option<bool>,
    /// When the job club meets: weekdays (Danish or English, "man" … "fre"), from–to and the
    /// place; default Monday to Friday 09.00–11.30.
    pub jobclub: JobclubConfig,
    /// The prompts a note starts from, per conversation type (first, follow_up, mentor_visit,
    /// closure_call, unplanned), Danish and English; a list left out is the default.
    #[serde(deserialize_with = "templates::da")]
    pub templates_da: NoteTemplates,
    #[serde(deserialize_with = "templates::en")]
    pub templates_en: NoteTemplates,
    /// Snippets offered only for some conversation types (after the general ones), Danish and
    /// English; none by default.
    pub snippets_by_type_da: TypedSnippets,
    pub snippets_by_type_en: TypedSnippets,
}

/// The job club's sessions as the config file writes them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct JobclubConfig {
    /// The weekdays it meets: "man", "tir", … or "mon", "tue", …
    pub days: Vec<String>,
    /// From, "09.00".
    pub from: String,
    /// To, "11.30".
    pub to: String,
    /// Where, shown on the attendance list.
    pub place: String,
}

impl Default for JobclubConfig {
    fn default() -> Self {
        JobclubConfig {
            days: ["man", "tir", "ons", "tor", "fre"]
                .iter()
                .map(|d| d.to_string())
                .collect(),
            from: "09.00".into(),
            to: "11.30".into(),
            place: String::new(),
        }
    }
}

impl JobclubConfig {
    /// The schedule this names, or what is wrong with it.
    pub fn schedule(&self) -> Result<Schedule, String> {
        let mut days = Vec::new();
        for d in &self.days {
            let parsed = crate::domain::jobclub::parse_weekdays(d).map_err(|w| {
                format!("jobclub.days: '{w}' is not a weekday (man, tir, … or mon, tue, …)")
            })?;
            days.extend(parsed);
        }
        days.sort_by_key(|d| d.number_from_monday());
        days.dedup();
        let time = |key: &str, v: &str| {
            crate::domain::when::parse_time(v)
                .map_err(|_| format!("jobclub.{key}: '{v}' is not a time of day (09.00)"))
        };
        let from = time("from", &self.from)?;
        let to = time("to", &self.to)?;
        if from >= to {
            return Err(format!(
                "jobclub: from {} is not before to {}",
                self.from, self.to
            ));
        }
        Ok(Schedule {
            days,
            from,
            to,
            place: self.place.trim().to_string(),
        })
    }
}

/// A `[templates_da]` / `[templates_en]` table: the lists it leaves out are that language's
/// defaults (so an old or partial file stays valid).
mod templates {
    use crate::domain::templates::NoteTemplates;
    use serde::{Deserialize, Deserializer};

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Partial {
        first: Option<Vec<String>>,
        follow_up: Option<Vec<String>>,
        mentor_visit: Option<Vec<String>>,
        closure_call: Option<Vec<String>>,
        unplanned: Option<Vec<String>>,
    }

    fn fill(p: Partial, d: NoteTemplates) -> NoteTemplates {
        NoteTemplates {
            first: p.first.unwrap_or(d.first),
            follow_up: p.follow_up.unwrap_or(d.follow_up),
            mentor_visit: p.mentor_visit.unwrap_or(d.mentor_visit),
            closure_call: p.closure_call.unwrap_or(d.closure_call),
            unplanned: p.unplanned.unwrap_or(d.unplanned),
        }
    }

    pub fn da<'de, D: Deserializer<'de>>(d: D) -> Result<NoteTemplates, D::Error> {
        Ok(fill(Partial::deserialize(d)?, NoteTemplates::default_da()))
    }

    pub fn en<'de, D: Deserializer<'de>>(d: D) -> Result<NoteTemplates, D::Error> {
        Ok(fill(Partial::deserialize(d)?, NoteTemplates::default_en()))
    }
}

impl Default for Config {
    fn default() -> Self {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect();
        Config {
            lang: None,
            note_soft_limit: 280,
            snippets_da: s(&[
                "Gennemgået jobplan.",
                "Aftalt næste samtale.",
                "Søger job, CV opdateret.",
                "Aftalt virksomhedspraktik.",
                "Helbred drøftet; ingen ændring.",
                "Borger udeblev uden afbud.",
                "Afbud pga. sygdom.",
                "Ingen svar, lagt besked.",
                "Henvist til Ydelsesservice.",
                "Mentor: gåtur, god snak.",
            ]),
            snippets_en: s(&[
                "Went through the job plan.",
                "Agreed on the next conversation.",
                "Looking for work, CV updated.",
                "Agreed on a work placement.",
                "Health discussed; no change.",
                "Citizen did not show up.",
                "Cancelled due to illness.",
                "No answer, left a message.",
                "Referred to benefit services.",
                "Mentor: walk, good talk.",
            ]),
            retention_days: crate::store::DEFAULT_RETENTION_DAYS,
            rules: Vec::new(),
            closed_to_new: Vec::new(),
            days_off: LocalDayOff::defaults(),
            consultant: None,
            transfer_max_days: 2,
            journal_template_da: crate::i18n::queue::TEMPLATE_DA.to_string(),
            journal_template_en: crate::i18n::queue::TEMPLATE_EN.to_string(),
            encrypt: true,
            reminder_minutes: None,
            hyperlinks: None,
            jobclub: JobclubConfig::default(),
            templates_da: NoteTemplates::default_da(),
            templates_en: NoteTemplates::default_en(),
            snippets_by_type_da: TypedSnippets::default(),
            snippets_by_type_en: TypedSnippets::default(),
        }
    }
}

/// What `config --default` says above the rule rows.
const RULES_HELP: &str = "\
# rules: conversations due per target group, one [[rules]] per row; the list replaces the
# defaults as a whole. effective_from: the row applies to citizens whose benefit starts on or
# after it (a row dated after a citizen's benefit start does not apply to that citizen; that
# is jobdesk's reading: the transitional rule of lov nr. 1750 was not found). count
# conversations within window_months months (or window_days days), the first within
# first_within_days; first_is_legal = false: the law sets no limit for the first one, and that
# number is only jobdesk's pace. The law sets minimums within a period, not dates for the 2nd
# and 3rd conversation: next_due (overskredet when passed) is the legal deadline, jobdesk's even
# spacing is only a pace (bagud when passed). A date on a day off moves back to the working day
# before it. source: where the numbers come from. unverified = true: not confirmed against the
# law's text; shown, but not used (the earlier row stays in force) until you check it and set
# it to false.
# Shipped: the rules before the reform (LAB § 31, lovbkg. nr. 280 af 1.3.2024;
# sygedagpengeloven § 13 b, lovbkg. nr. 1179 af 21.9.2023) from 2020-01-01; from 2026-07-01
# (lov nr. 1750 af 29.12.2025) dagpenge, jobparat kontanthjælp and ledighedsydelse as STAR's
# Q&A of 04-06-2025 describes them (the amended § 31 could not be read); sygedagpenge from
# 2027-01-01 unverified. Aktivitetsparat, uddannelsesparat and jobafklaring keep the earlier
# rule (no 2026 number was found).
# closed_to_new: groups closed to new citizens (adding one with a later benefit start warns).
";

impl Config {
    /// The cadence rules with this file's local days off (the deadlines move back on them).
    pub fn rules(&self) -> Rules {
        let mut r = Rules::default();
        if !self.rules.is_empty() {
            r.rules = self.rules.clone();
        }
        if !self.closed_to_new.is_empty() {
            r.closed = self.closed_to_new.clone();
        }
        r.days_off = self.days_off.clone();
        r
    }

    /// The working-day calendar: the public holidays and this file's local days off.
    pub fn calendar(&self) -> Calendar {
        Calendar::new(self.days_off.clone())
    }

    /// The journal template in the language given.
    pub fn journal_template(&self, danish: bool) -> &str {
        if danish {
            &self.journal_template_da
        } else {
            &self.journal_template_en
        }
    }

    /// The job club's schedule (checked when the file was read; the default if it is wrong).
    pub fn jobclub_schedule(&self) -> Schedule {
        self.jobclub.schedule().unwrap_or_default()
    }

    /// The note templates in the language given.
    pub fn templates(&self, danish: bool) -> &NoteTemplates {
        if danish {
            &self.templates_da
        } else {
            &self.templates_en
        }
    }

    /// The prompts a note starts from for this kind of contact: see
    /// [`NoteTemplates::template_for`] (`kind: None` an unplanned contact; `closure` a call of a
    /// closure's call-round).
    pub fn template_for(
        &self,
        danish: bool,
        kind: Option<Kind>,
        channel: Channel,
        is_first: bool,
        closure: bool,
    ) -> &[String] {
        self.templates(danish)
            .template_for(kind, channel, is_first, closure)
    }

    /// The snippets for a note of this type: the general ones, then those kept for the type.
    pub fn snippets_for(&self, danish: bool, t: NoteType) -> Vec<String> {
        let typed = if danish {
            &self.snippets_by_type_da
        } else {
            &self.snippets_by_type_en
        };
        let mut out = self.snippets(danish);
        out.extend(typed.get(t).iter().cloned());
        out
    }

    pub fn snippets(&self, danish: bool) -> Vec<String> {
        if danish {
            self.snippets_da.clone()
        } else {
            self.snippets_en.clone()
        }
    }

    /// The default file's text, with the built-in rules written out to edit.
    pub fn default_text() -> String {
        let defaults = Rules::default();
        let c = Config {
            rules: defaults.rules,
            closed_to_new: defaults.closed,
            ..Default::default()
        };
        let body = toml::to_string_pretty(&c).unwrap_or_default();
        let days_off = "# days_off: the local days off, on top of the public holidays (nytårsdag, skærtorsdag,\n# langfredag, påskedag, 2. påskedag, Kristi himmelfartsdag, pinsedag, 2. pinsedag, juledag,\n# 2. juledag; store bededag is none from 2024), which jobdesk computes and which cannot be\n# changed here. One [[days_off]] per day: month, day, name_da and name_en (English; the\n# Danish name if left out). The list replaces the defaults as a whole: to work on\n# juleaftensdag, delete its [[days_off]] block; `days_off = []` leaves only the public\n# holidays. No appointment is proposed, retried or generated on a day off.\n";
        let body = match body.find("[[days_off]]") {
            Some(at) => format!("{}{days_off}{}", &body[..at], &body[at..]),
            None => format!("{body}\n{days_off}"),
        };
        let body = match body.find("[[rules]]") {
            Some(at) => format!("{}{RULES_HELP}{}", &body[..at], &body[at..]),
            None => body,
        };
        format!(
            "# jobdesk's settings. Delete a line to get its default back.\n# lang = \"da\": the language of the desk and the command line, \"da\" (dansk) or \"en\" (English); without it, LC_ALL / LC_MESSAGES / LANG, then the operating system's language, else Danish. --lang beats it.\n# retention_days: transferred contacts are kept this many days after a citizen's last contact; `jobdesk purge` removes them after that.\n# encrypt: a new database is encrypted with a passphrase asked for at its first start; false makes it plain (as `jobdesk init --no-encrypt`).\n# reminder_minutes = 10: the desk rings the terminal bell once 10 minutes before a planned appointment and shows a line until Esc or the appointment starts (off when left out).\n# hyperlinks = false: phone numbers are never tel: links (OSC 8); left out, they are where the terminal is likely to support them (not the Linux console or GNU screen).\n\n{body}"
        )
    }

    /// Where the config file is: `JOBDESK_CONFIG`, else the platform config folder.
    pub fn path() -> Option<PathBuf> {
        if let Ok(p) = std::env::var("JOBDESK_CONFIG")
            && !p.trim().is_empty()
        {
            return Some(PathBuf::from(p));
        }
        directories::ProjectDirs::from("dk", "jobdesk", "jobdesk")
            .map(|d| d.config_dir().join("config.toml"))
    }

    /// The config's `lang` alone, read before anything else so that even clap's help and
    /// errors are worded in it: `None` when the file is missing, unreadable or does not name
    /// "da" or "en" (a broken file is reported by [`Config::load`] when a command needs it).
    pub fn lang_setting(path: Option<&Path>) -> Option<Lang> {
        let text = std::fs::read_to_string(path?).ok()?;
        let table: toml::Table = text.trim_start_matches('\u{feff}').parse().ok()?;
        Lang::from_code(table.get("lang")?.as_str()?)
    }

    /// Reads the config; a missing file gives the defaults, a broken one a message with the line.
    pub fn load(path: Option<&Path>) -> Result<Config> {
        let Some(path) = path else {
            return Ok(Config::default());
        };
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(e) => {
                return Err(user(format!(
                    "cannot read the config file {}: {e}",
                    path.display()
                )));
            }
        };
        Self::parse(&text).map_err(|e| {
            user(format!(
                "config file {}: {e}. Fix it, or move it away to use the defaults",
                path.display()
            ))
        })
    }

    pub fn parse(text: &str) -> Result<Config, String> {
        let c: Config = toml::from_str(text).map_err(|e: toml::de::Error| match e.span() {
            Some(span) => {
                let line = text.get(..span.start).unwrap_or(text).matches('\n').count() + 1;
                format!("line {line}: {}", e.message())
            }
            None => e.message().to_string(),
        })?;
        if c.note_soft_limit == 0 {
            return Err("note_soft_limit must be at least 1".into());
        }
        if c.retention_days == 0 {
            return Err(
                "retention_days must be at least 1 (the days a transferred contact is kept after the last contact)"
                    .into(),
            );
        }
        for (key, t) in [
            ("journal_template_da", &c.journal_template_da),
            ("journal_template_en", &c.journal_template_en),
        ] {
            if let Some(f) = crate::domain::journal::unknown_field(t) {
                return Err(format!(
                    "{key}: {{{f}}} is not a field; use {}",
                    crate::domain::journal::FIELDS
                        .map(|f| format!("{{{f}}}"))
                        .join(", ")
                ));
            }
        }
        c.jobclub.schedule()?;
        for (i, l) in c.days_off.iter().enumerate() {
            if c.days_off[..i]
                .iter()
                .any(|o| o.month == l.month && o.day == l.day)
            {
                return Err(format!(
                    "days_off: {}.{} is listed twice ({} and {}): keep one",
                    l.day,
                    l.month,
                    c.days_off
                        .iter()
                        .find(|o| o.month == l.month && o.day == l.day)
                        .map(|o| o.name_da.as_str())
                        .unwrap_or_default(),
                    l.name_da
                ));
            }
        }
        for r in &c.rules {
            if r.count == 0
                || r.first_within_days < 0
                || (r.window_months == 0 && r.window_days < r.first_within_days)
                || r.window_months > 120
            {
                return Err(format!(
                    "the rule for {} from {} is impossible: count ≥ 1, 0 ≤ first_within_days, and window_months (1 to 120) or window_days ≥ first_within_days",
                    r.group, r.effective_from
                ));
            }
        }
        Ok(c)
    }
}

/// The config's `lang` key: "da" or "en", anything else refused with the two choices.
mod lang_key {
    use crate::i18n::Lang;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(lang: &Option<Lang>, s: S) -> Result<S::Ok, S::Error> {
        match lang {
            Some(Lang::Da) => s.serialize_str("da"),
            Some(Lang::En) => s.serialize_str("en"),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Lang>, D::Error> {
        let word = String::deserialize(d)?;
        Lang::from_code(&word).map(Some).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "lang = \"{word}\" is not a language jobdesk speaks: write lang = \"da\" (dansk) or lang = \"en\" (English)"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_text_parses_back_to_the_defaults() {
        let c = Config::parse(&Config::default_text()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.rules(), Rules::default());
        let text = Config::default_text();
        assert!(
            text.contains("source = \"LAB § 31, stk. 3 og 5 (lovbkg. nr. 280 af 1.3.2024)\""),
            "{text}"
        );
        assert!(
            text.contains("STAR, Spørgsmål og svar om reformen, opdateret 04-06-2025"),
            "{text}"
        );
        assert!(text.contains("effective_from = \"2026-07-01\""), "{text}");
        assert!(text.contains("unverified = true"), "{text}");
        assert!(text.contains("[[closed_to_new]]"), "{text}");
        assert_eq!(c.note_soft_limit, 280);
        assert_eq!(c.retention_days, 730);
        assert!(!c.snippets_da.is_empty());
        assert_eq!(c.days_off, LocalDayOff::defaults());
        assert_eq!(c.calendar(), Calendar::default());
        let text = Config::default_text();
        assert!(text.contains("# days_off: the local days off"), "{text}");
        assert!(text.contains("name_da = \"juleaftensdag\""), "{text}");
    }

    #[test]
    fn local_days_off_replace_the_defaults_and_bad_ones_say_where() {
        let d = |m, dd| chrono::NaiveDate::from_ymd_opt(2026, m, dd).unwrap_or_default();
        let c = Config::parse(
            "[[days_off]]\nmonth = 6\nday = 5\nname_da = \"grundlovsdag\"\nname_en = \"Constitution Day\"\n\n[[days_off]]\nmonth = 12\nday = 31\nname_da = \"nytårsaftensdag\"\n",
        )
        .unwrap_or_default();
        assert_eq!(c.days_off.len(), 2);
        assert!(
            c.calendar().is_working_day(d(12, 24)),
            "juleaftensdag removed"
        );
        assert!(!c.calendar().is_working_day(d(12, 31)));
        assert!(!c.calendar().is_working_day(d(12, 25)), "holidays stay");
        let none = Config::parse("days_off = []\n").unwrap_or_default();
        assert!(none.calendar().is_working_day(d(6, 5)));

        let e = Config::parse(
            "note_soft_limit = 200\n\n[[days_off]]\nmonth = 2\nday = 30\nname_da = \"x\"\n",
        )
        .unwrap_err();
        assert!(e.contains("line 3") && e.contains("30.2"), "{e}");
        let e = Config::parse("[[days_off]]\nmonth = 6\nday = 5\n").unwrap_err();
        assert!(e.contains("line 1") && e.contains("name_da"), "{e}");
        let e = Config::parse("[[days_off]]\nmonth = 6\nday = 5\nname_da = \"g\"\ncolour = 1\n")
            .unwrap_err();
        assert!(e.contains("colour"), "{e}");
        let e = Config::parse(
            "[[days_off]]\nmonth = 6\nday = 5\nname_da = \"a\"\n[[days_off]]\nmonth = 6\nday = 5\nname_da = \"b\"\n",
        )
        .unwrap_err();
        assert!(e.contains("twice"), "{e}");
    }

    #[test]
    fn the_language_key_takes_da_or_en_and_says_what_else_is_wrong() {
        assert_eq!(
            Config::parse("lang = \"da\"\n").map(|c| c.lang),
            Ok(Some(Lang::Da))
        );
        assert_eq!(
            Config::parse("lang = \"en\"\n").map(|c| c.lang),
            Ok(Some(Lang::En))
        );
        assert_eq!(Config::parse("").map(|c| c.lang), Ok(None));
        let e = Config::parse("note_soft_limit = 100\nlang = \"fr\"\n").unwrap_err();
        assert!(
            e.contains("line 2") && e.contains("\"fr\"") && e.contains("\"da\""),
            "{e}"
        );
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        assert_eq!(Config::lang_setting(Some(&path)), None, "no file");
        std::fs::write(&path, "lang = \"da\"\ncolour = 1\n").unwrap();
        assert_eq!(
            Config::lang_setting(Some(&path)),
            Some(Lang::Da),
            "the language is read even when another key is wrong"
        );
        std::fs::write(&path, "lang = \"fr\"\n").unwrap();
        assert_eq!(Config::lang_setting(Some(&path)), None);
        std::fs::write(&path, "\u{feff}lang = \"en\"\n").unwrap();
        assert_eq!(Config::lang_setting(Some(&path)), Some(Lang::En));
        let c = Config {
            lang: Some(Lang::Da),
            ..Default::default()
        };
        let text = toml::to_string(&c).unwrap();
        assert_eq!(Config::parse(&text).map(|c| c.lang), Ok(Some(Lang::Da)));
    }

    #[test]
    fn new_databases_are_encrypted_unless_the_file_says_encrypt_false() {
        assert!(Config::default().encrypt);
        assert!(
            Config::parse("note_soft_limit = 200\n")
                .unwrap_or_default()
                .encrypt
        );
        let c = Config::parse("encrypt = false\n").unwrap_or_default();
        assert!(!c.encrypt);
        let text = Config::default_text();
        assert!(text.contains("encrypt = true"), "{text}");
        assert!(text.contains("# encrypt:"), "{text}");
        assert!(Config::parse("encrypt = \"no\"\n").is_err());
    }

    #[test]
    fn a_partial_file_keeps_the_other_defaults() {
        let c = Config::parse("snippets_da = [\"Kort samtale.\"]\n").unwrap_or_default();
        assert_eq!(c.snippets_da, vec!["Kort samtale."]);
        assert_eq!(c.snippets_en, Config::default().snippets_en);
        assert_eq!(c.rules(), Rules::default());
    }

    #[test]
    fn the_job_club_and_the_templates_have_defaults_and_partial_tables_keep_them() {
        let c = Config::default();
        assert_eq!(c.jobclub_schedule(), Schedule::default());
        let c = Config::parse(&Config::default_text()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(c.jobclub_schedule(), Schedule::default());
        assert_eq!(c.templates_da, NoteTemplates::default_da());
        let c = Config::parse(
            "[jobclub]\ndays = [\"man\", \"ons\"]\nfrom = \"10.00\"\nto = \"12\"\nplace = \"Lokale 2\"\n\n[templates_da]\nfirst = [\"Aftalt:\"]\n\n[snippets_by_type_da]\nmentor_visit = [\"Gåtur i parken.\"]\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let s = c.jobclub_schedule();
        assert_eq!(s.days.len(), 2);
        assert_eq!(s.place, "Lokale 2");
        assert_eq!(c.templates_da.first, vec!["Aftalt:"]);
        assert_eq!(
            c.templates_da.follow_up,
            NoteTemplates::default_da().follow_up,
            "a list left out is the language's default"
        );
        assert_eq!(
            c.template_for(true, Some(Kind::Conversation), Channel::Phone, false, false)[0],
            "Siden sidst:"
        );
        let mentor = c.snippets_for(true, NoteType::MentorVisit);
        assert_eq!(mentor.last().map(String::as_str), Some("Gåtur i parken."));
        assert_eq!(mentor.len(), c.snippets_da.len() + 1);
        assert_eq!(
            c.snippets_for(true, NoteType::First).len(),
            c.snippets_da.len()
        );
        let e = Config::parse("[jobclub]\ndays = [\"man\", \"xyz\"]\n").unwrap_err();
        assert!(e.contains("xyz"), "{e}");
        let e = Config::parse("[jobclub]\nfrom = \"12.00\"\nto = \"11.00\"\n").unwrap_err();
        assert!(e.contains("not before"), "{e}");
        let e = Config::parse("[templates_en]\nfirstt = []\n").unwrap_err();
        assert!(e.contains("firstt"), "{e}");
    }

    #[test]
    fn broken_files_say_where() {
        let e = Config::parse("note_soft_limit = \"long\"\n").unwrap_err();
        assert!(e.contains("line 1"), "{e}");
        let e = Config::parse("colour = 1\n").unwrap_err();
        assert!(e.contains("colour"), "{e}");
        let e = Config::parse("[[rules]]\ngroup = \"dagpenge\"\neffective_from = \"2026-07-01\"\ncount = 0\nfirst_within_days = 7\nwindow_days = 183\n").unwrap_err();
        assert!(e.contains("impossible"), "{e}");
        let e = Config::parse("retention_days = 0\n").unwrap_err();
        assert!(e.contains("retention_days"), "{e}");
        assert_eq!(
            Config::parse("retention_days = 365\n")
                .unwrap_or_default()
                .retention_days,
            365
        );
    }
}
