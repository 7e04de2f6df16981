//! The hand-over of the log to the municipality's case system: a contact's journal-ready text
//! (from a template with `{field}` places), its age in working days while it waits, and the
//! terminal's clipboard escape (OSC 52) that carries the text. Pure: the store gathers the
//! facts, the words come in as arguments.

use chrono::{NaiveDate, NaiveDateTime};

use super::workdays::Calendar;
use super::{Contact, Kind};

/// What a contact's journal-ready text is made of (the store gathers it).
#[derive(Debug, Clone, PartialEq)]
pub struct JournalSource {
    pub contact: Contact,
    pub kind: Kind,
    /// The closure it was held in, when that closure's held conversations do not count.
    pub closure: Option<String>,
    /// The citizen's next planned conversation after the contact, if any.
    pub next: Option<NaiveDateTime>,
}

/// The fields a journal template may hold, each written `{name}`.
pub const FIELDS: [&str; 8] = [
    "date", "time", "channel", "kind", "outcome", "counts", "note", "next",
];

/// A contact's facts, already in words, to fill a template with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalFacts {
    pub date: String,
    pub time: String,
    pub channel: String,
    pub kind: String,
    pub outcome: String,
    /// Whether it counts toward the minimum, and why not ("nej (under lukning: Uge 48)").
    pub counts: String,
    pub note: String,
    /// The next planned conversation, or a word saying there is none.
    pub next: String,
}

impl JournalFacts {
    fn field(&self, name: &str) -> Option<&str> {
        Some(match name {
            "date" => &self.date,
            "time" => &self.time,
            "channel" => &self.channel,
            "kind" => &self.kind,
            "outcome" => &self.outcome,
            "counts" => &self.counts,
            "note" => &self.note,
            "next" => &self.next,
            _ => return None,
        })
    }
}

/// The first `{name}` of a template that is not a known field, if any.
pub fn unknown_field(template: &str) -> Option<String> {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = after.find('}')?;
        let name = &after[..close];
        if !FIELDS.contains(&name) {
            return Some(name.to_string());
        }
        rest = &after[close + 1..];
    }
    None
}

/// Fills a template: each `{field}` becomes its value; anything else is kept as written. The
/// note's line breaks are kept; trailing blanks and a trailing line break are trimmed.
pub fn render(template: &str, f: &JournalFacts) -> String {
    let mut out = String::with_capacity(template.len() + f.note.len() + 64);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after
            .find('}')
            .and_then(|c| f.field(&after[..c]).map(|v| (c, v)))
        {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.trim_end().to_string()
}

/// Several entries as one text, a blank line between them.
pub fn join(texts: &[String]) -> String {
    texts.join("\n\n")
}

/// How many working days a contact made on `day` has waited by `today`: the working days after
/// `day`, up to and including `today` (0 on the day itself and over a weekend after a Friday
/// until Monday counts 1).
pub fn age_in_working_days(cal: &Calendar, day: NaiveDate, today: NaiveDate) -> u32 {
    let mut n = 0u32;
    let mut d = day;
    while d < today {
        d = match d.succ_opt() {
            Some(x) => x,
            None => break,
        };
        if cal.is_working_day(d) {
            n += 1;
        }
    }
    n
}

/// Whether an entry of that age has waited longer than `max_days` working days.
pub fn too_old(age: u32, max_days: u32) -> bool {
    age > max_days
}

/// The age of the entry at `at`, in working days, by `now`.
pub fn age_of(cal: &Calendar, at: NaiveDateTime, now: NaiveDateTime) -> u32 {
    age_in_working_days(cal, at.date(), now.date())
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 (RFC 4648, with `=` padding).
pub fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(B64[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The terminal's clipboard escape (OSC 52) that puts `text` on the system clipboard: ESC ] 52 ;
/// c ; base64 of the UTF-8 text, ended by BEL. Works over SSH and in Windows Terminal.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> JournalFacts {
        JournalFacts {
            date: "23.11.2026".into(),
            time: "10.30".into(),
            channel: "telefon".into(),
            kind: "samtale".into(),
            outcome: "afholdt".into(),
            counts: "ja".into(),
            note: "Aftalt praktik.\nlinje to".into(),
            next: "01.12.2026 09.00".into(),
        }
    }

    #[test]
    fn render_fills_known_fields_and_keeps_the_rest() {
        let t = "{date} {time} {x} {kind} ({channel}): {outcome}, {counts}\n{note}\n{next}\n\n";
        assert_eq!(
            render(t, &facts()),
            "23.11.2026 10.30 {x} samtale (telefon): afholdt, ja\nAftalt praktik.\nlinje to\n01.12.2026 09.00"
        );
        assert_eq!(render("{", &facts()), "{");
        assert_eq!(unknown_field(t), Some("x".into()));
        assert_eq!(unknown_field("{date} {note}"), None);
    }

    #[test]
    fn base64_matches_rfc4648() {
        for (s, want) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
            ("æø", "w6bDuA=="),
        ] {
            assert_eq!(base64(s.as_bytes()), want, "{s}");
        }
        assert_eq!(osc52("foo"), "\x1b]52;c;Zm9v\x07");
    }

    #[test]
    fn age_counts_working_days_after_the_day() {
        let cal = Calendar::default();
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap_or_default();
        // Friday 20.11 → Monday 23.11: one working day.
        assert_eq!(age_in_working_days(&cal, d(11, 20), d(11, 23)), 1);
        assert_eq!(age_in_working_days(&cal, d(11, 23), d(11, 23)), 0);
        assert_eq!(age_in_working_days(&cal, d(11, 18), d(11, 23)), 3);
        // Over Christmas: 23.12 (Wed) → 28.12 (Mon): 24, 25, 26, 27 are off.
        assert_eq!(age_in_working_days(&cal, d(12, 23), d(12, 28)), 1);
        assert!(too_old(3, 2));
        assert!(!too_old(2, 2));
    }
}
