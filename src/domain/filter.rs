//! The filter line every pane with rows shares: plain words, and a few simple terms in Danish or
//! English.
//!
//! | typed | means |
//! |---|---|
//! | `soren`, `2030`, `husleje`, `vestergade` | a word: found in the name, the phone number, the note text, the target group's name or the citizen's address (case, accents and the old spellings oe/aa ignored, see [`fold`]) |
//! | `gruppe:sygedagpenge`, `group:sickness`, `målgruppe:syge` | the target group (its key, Danish or English name, an alias, or the unique start of one) |
//! | `overskredet`, `overdue` | citizens whose next conversation was due before today |
//! | `mentor` | citizens with a mentor agreement, and mentor visits |
//! | `kanal:telefon`, `channel:phone`, `kanal:sms` | the channel |
//!
//! A term's word may also follow after a space (`gruppe: syge`). Every word and every term must
//! hold. A term whose value names nothing (`gruppe:kontanthjaelp` names two groups) is kept as a
//! plain word for its value, and an unknown `x:` stays a word as typed.
//!
//! The address is looked in where it makes sense and costs little: the lists of meetings (Today,
//! Calls, Mentor visits: the citizen's address and the appointment's place), the due list and a
//! closure's call list. Not the caseload: its filter reads one covering index and no citizen's
//! row, which keeps a keystroke well under a millisecond at 20,000 citizens; the address would
//! double that. Nor the contact log, whose rows are about what was said.
//!
//! Parsing is pure; the store turns a [`Filter`] into SQL.

use super::text::fold;
use super::types::{Channel, TargetGroup, Word};

/// A parsed filter line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Folded words; each must be found in the row's name, phone, note text, target group or
    /// (in lists of meetings, the due list and a call list) the citizen's address.
    pub words: Vec<String>,
    pub group: Option<TargetGroup>,
    /// Only citizens whose next conversation was due before today.
    pub overdue: bool,
    /// Only citizens with a mentor agreement (and, in lists of meetings, mentor visits).
    pub mentor: bool,
    pub channel: Option<Channel>,
}

/// The prefixes of the terms that take a value, folded.
const GROUP: &[&str] = &[
    "gruppe",
    "group",
    "malgruppe",
    "target_group",
    "targetgroup",
];
const CHANNEL: &[&str] = &["kanal", "channel"];
/// The flags, folded.
const OVERDUE: &[&str] = &["overskredet", "overskredne", "overdue"];
const MENTOR: &[&str] = &["mentor", "mentorer", "mentors"];

impl Filter {
    /// Reads a filter line. Never fails: whatever is not a term is a word.
    pub fn parse(text: &str) -> Filter {
        let mut f = Filter::default();
        let mut toks = text.split_whitespace().peekable();
        while let Some(raw) = toks.next() {
            let t = fold(raw);
            if OVERDUE.contains(&t.as_str()) {
                f.overdue = true;
                continue;
            }
            if MENTOR.contains(&t.as_str()) {
                f.mentor = true;
                continue;
            }
            let Some((prefix, value)) = t.split_once(':') else {
                f.words.push(t);
                continue;
            };
            let is_group = GROUP.contains(&prefix);
            if !is_group && !CHANNEL.contains(&prefix) {
                f.words.push(t);
                continue;
            }
            // "gruppe: syge": the value is the next word.
            let value = if value.is_empty() {
                match toks.next() {
                    Some(v) => fold(v),
                    None => continue,
                }
            } else {
                value.to_string()
            };
            if is_group {
                match named::<TargetGroup>(&value) {
                    Some(g) => f.group = Some(g),
                    None => f.words.push(value),
                }
            } else {
                match named::<Channel>(&value) {
                    Some(c) => f.channel = Some(c),
                    None => f.words.push(value),
                }
            }
        }
        f
    }

    /// Whether the filter lets every row through.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
            && self.group.is_none()
            && !self.overdue
            && !self.mentor
            && self.channel.is_none()
    }

    /// The target groups whose key, name or short label holds a filter word of at least three
    /// letters ("syge" → sickness benefit; "dagpenge" → both kinds of dagpenge).
    pub fn groups_named(word: &str) -> Vec<TargetGroup> {
        let w = fold(word);
        if w.chars().count() < 3 {
            return Vec::new();
        }
        TargetGroup::ALL
            .iter()
            .copied()
            .filter(|g| {
                [g.key(), g.da(), g.en(), g.short(true), g.short(false)]
                    .iter()
                    .any(|n| fold(n).contains(&w))
            })
            .collect()
    }

    /// The filter written out again, terms first, in Danish or English (`gruppe:sygedagpenge
    /// overskredet soren`); [`Filter::parse`] reads it back to the same filter.
    pub fn to_text(&self, danish: bool) -> String {
        let mut out: Vec<String> = Vec::new();
        if let Some(g) = self.group {
            out.push(format!(
                "{}:{}",
                if danish { "gruppe" } else { "group" },
                g.key()
            ));
        }
        if let Some(c) = self.channel {
            out.push(format!(
                "{}:{}",
                if danish { "kanal" } else { "channel" },
                c.key()
            ));
        }
        if self.overdue {
            out.push(if danish { "overskredet" } else { "overdue" }.to_string());
        }
        if self.mentor {
            out.push("mentor".to_string());
        }
        out.extend(self.words.iter().cloned());
        out.join(" ")
    }
}

/// The word a term's value names: parsed whole, or the only one whose key or name starts with it.
fn named<W: Word>(value: &str) -> Option<W> {
    if let Ok(w) = W::parse(value) {
        return Some(w);
    }
    let v = value.replace(['-', ' '], "_");
    if v.chars().count() < 2 {
        return None;
    }
    let norm = |x: &str| fold(x).replace(['-', ' '], "_");
    let hits: Vec<W> = W::ALL
        .iter()
        .copied()
        .filter(|w| {
            [w.key(), w.da(), w.en()]
                .into_iter()
                .chain(w.aliases().iter().copied())
                .any(|n| norm(n).starts_with(&v))
        })
        .collect();
    match hits.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(ws: &[&str]) -> Vec<String> {
        ws.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn plain_words_are_folded() {
        let f = Filter::parse("  Søren   AASE moeller ");
        assert_eq!(f.words, words(&["soren", "ase", "moller"]));
        assert!(!f.overdue && !f.mentor && f.group.is_none() && f.channel.is_none());
        assert!(Filter::parse("").is_empty());
        assert!(Filter::parse("   ").is_empty());
        assert!(!Filter::parse("x").is_empty());
    }

    #[test]
    fn group_in_both_languages() {
        for s in [
            "gruppe:sygedagpenge",
            "group:sygedagpenge",
            "Gruppe:Sygedagpengemodtager",
            "group:sickness",
            "group:Sickness_benefit",
            "målgruppe:syge",
            "maalgruppe:sdp",
            "gruppe: sygedagpenge",
            "GRUPPE:SYGE",
        ] {
            let f = Filter::parse(s);
            assert_eq!(f.group, Some(TargetGroup::Sygedagpenge), "{s}");
            assert!(f.words.is_empty(), "{s}: {:?}", f.words);
        }
        assert_eq!(
            Filter::parse("gruppe:ressourceforløb").group,
            Some(TargetGroup::Ressourceforloeb)
        );
        assert_eq!(
            Filter::parse("group:resource").group,
            Some(TargetGroup::Ressourceforloeb)
        );
        assert_eq!(
            Filter::parse("gruppe:aktivitetsparat").group,
            Some(TargetGroup::KontanthjaelpAktivitetsparat)
        );
    }

    #[test]
    fn a_group_that_names_two_or_none_is_a_word() {
        let f = Filter::parse("gruppe:kontanthjaelp");
        assert_eq!(f.group, None);
        assert_eq!(f.words, words(&["kontanthjaelp"]));
        let f = Filter::parse("group:xyz");
        assert_eq!((f.group, f.words), (None, words(&["xyz"])));
        // A prefix with nothing after it at the end is dropped.
        assert!(Filter::parse("gruppe:").is_empty());
    }

    #[test]
    fn overdue_and_mentor_in_both_languages() {
        for s in ["overskredet", "Overskredet", "overdue", "OVERDUE"] {
            let f = Filter::parse(s);
            assert!(f.overdue && f.words.is_empty(), "{s}");
        }
        for s in ["mentor", "Mentor", "mentors", "mentorer"] {
            let f = Filter::parse(s);
            assert!(f.mentor && f.words.is_empty(), "{s}");
        }
    }

    #[test]
    fn channel_in_both_languages() {
        for (s, c) in [
            ("kanal:telefon", Channel::Phone),
            ("channel:phone", Channel::Phone),
            ("kanal:tlf", Channel::Phone),
            ("Kanal:Fremmøde", Channel::InPerson),
            ("channel:in_person", Channel::InPerson),
            ("kanal:sms", Channel::Sms),
            ("channel:e-mail", Channel::Email),
            ("kanal:mail", Channel::Email),
            ("kanal:jobnet", Channel::DigitalPost),
            ("channel:digital_post", Channel::DigitalPost),
            ("kanal:brev", Channel::Letter),
            ("channel:letter", Channel::Letter),
            ("kanal:gåtur", Channel::Walk),
            ("kanal:hjemme", Channel::HomeVisit),
            ("kanal: video", Channel::Video),
        ] {
            let f = Filter::parse(s);
            assert_eq!(f.channel, Some(c), "{s}");
            assert!(f.words.is_empty(), "{s}");
        }
    }

    #[test]
    fn unknown_terms_stay_words() {
        let f = Filter::parse("kl:10 uge:48 https://x");
        assert_eq!(f.words, words(&["kl:10", "uge:48", "https://x"]));
        assert!(f.group.is_none() && f.channel.is_none());
    }

    #[test]
    fn terms_and_words_together() {
        let f = Filter::parse("gruppe:syge overskredet Søren kanal:telefon mentor 2030");
        assert_eq!(
            f,
            Filter {
                words: words(&["soren", "2030"]),
                group: Some(TargetGroup::Sygedagpenge),
                overdue: true,
                mentor: true,
                channel: Some(Channel::Phone),
            }
        );
        for da in [true, false] {
            assert_eq!(Filter::parse(&f.to_text(da)), f);
        }
        assert_eq!(
            f.to_text(true),
            "gruppe:sygedagpenge kanal:phone overskredet mentor soren 2030"
        );
        assert_eq!(
            f.to_text(false),
            "group:sygedagpenge channel:phone overdue mentor soren 2030"
        );
    }

    #[test]
    fn words_name_target_groups_in_part() {
        assert_eq!(
            Filter::groups_named("syge"),
            vec![TargetGroup::Sygedagpenge]
        );
        let dp = Filter::groups_named("dagpenge");
        assert!(dp.contains(&TargetGroup::Dagpenge) && dp.contains(&TargetGroup::Sygedagpenge));
        assert_eq!(
            Filter::groups_named("Sickness"),
            vec![TargetGroup::Sygedagpenge]
        );
        assert!(Filter::groups_named("sy").is_empty());
        assert!(Filter::groups_named("zzz").is_empty());
    }
}
