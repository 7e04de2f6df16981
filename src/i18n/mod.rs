//! Every word jobdesk shows, in Danish and English: the desk, the command line and the exports.
//! A missing translation is a compile error: each word is a `Words` field or a function that
//! answers for both languages.

use crate::domain::dates;
use chrono::{Datelike, NaiveDate};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    Da,
    #[default]
    En,
}

impl Lang {
    /// Danish when LC_ALL, LC_MESSAGES or LANG (first one set) starts with `da`, else English.
    pub fn from_env() -> Lang {
        Self::from_vars(|k| std::env::var(k).ok())
    }

    pub fn from_vars(get: impl Fn(&str) -> Option<String>) -> Lang {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Some(v) = get(key).filter(|v| !v.is_empty()) {
                return if v.to_ascii_lowercase().starts_with("da") {
                    Lang::Da
                } else {
                    Lang::En
                };
            }
        }
        Lang::En
    }

    pub fn da(self) -> bool {
        self == Lang::Da
    }

    /// Picks the Danish or the English text.
    pub fn t(self, da: &'static str, en: &'static str) -> &'static str {
        if self.da() { da } else { en }
    }

    /// "mandag 23.11.2026" / "Monday 2026-11-23".
    pub fn day_title(self, d: NaiveDate) -> String {
        format!(
            "{} {}",
            dates::weekday_name(d.weekday(), self.da()),
            dates::fmt_date(d, self.da())
        )
    }

    /// "uge 48" / "week 48".
    pub fn week(self, d: NaiveDate) -> String {
        format!("{} {}", self.t("uge", "week"), d.iso_week().week())
    }
}

mod desk;
pub use desk::*;

pub mod card;
pub mod cli;
pub mod clock;
pub mod closure;
pub mod errors;
pub mod export;
pub mod handover;
pub mod mentor;
pub mod queue;
pub mod safety;
pub mod series;

/// Before the days off of a week in the week view: "fri: 24.12 juleaftensdag, 25.12 juledag".
pub fn days_off_label(l: Lang) -> &'static str {
    l.t("fri:", "days off:")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_from_environment() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_vars(env(&[("LANG", "da_DK.UTF-8")])), Lang::Da);
        assert_eq!(Lang::from_vars(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
        assert_eq!(
            Lang::from_vars(env(&[("LC_ALL", "da_DK"), ("LANG", "en_US")])),
            Lang::Da
        );
        assert_eq!(
            Lang::from_vars(env(&[("LC_MESSAGES", "C"), ("LANG", "da_DK")])),
            Lang::En
        );
        assert_eq!(Lang::from_vars(env(&[])), Lang::En);
    }
}
