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
    /// The language of a run that gives no `--lang` and whose config names none: the
    /// environment (`LC_ALL`, `LC_MESSAGES`, `LANG`), then the operating system's UI language
    /// (Windows sets no `LANG`), else Danish. See [`Lang::decide`].
    pub fn from_env() -> Lang {
        Self::decide(
            None,
            None,
            |k| std::env::var(k).ok(),
            sys_locale::get_locale,
        )
    }

    /// The language, from the first source that names one: `--lang` (`arg`), the config's
    /// `lang`, the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set (`env`), the operating
    /// system's UI language (`os`, e.g. "da-DK" from Windows' settings). With none of them:
    /// Danish, the language jobdesk is made for. A locale that names another language, `C`
    /// and `POSIX` included, gives English. Every source is an input, so that tests can mock
    /// them; `os` is only asked when nothing before it names a language.
    pub fn decide(
        arg: Option<Lang>,
        config: Option<Lang>,
        env: impl Fn(&str) -> Option<String>,
        os: impl FnOnce() -> Option<String>,
    ) -> Lang {
        arg.or(config)
            .or_else(|| Self::from_vars(env))
            .or_else(|| os().as_deref().and_then(Self::from_locale))
            .unwrap_or(Lang::Da)
    }

    /// The language the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set names (as POSIX
    /// reads them); `None` when none is set.
    pub fn from_vars(get: impl Fn(&str) -> Option<String>) -> Option<Lang> {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|key| get(key).and_then(|v| Self::from_locale(&v)))
    }

    /// The language of a locale name: "da", "da_DK.UTF-8", "da-DK" are Danish; any other
    /// non-empty name is English; an empty one names nothing.
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let locale = locale.trim();
        if locale.is_empty() {
            return None;
        }
        let code = locale
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default();
        Some(if code.eq_ignore_ascii_case("da") {
            Lang::Da
        } else {
            Lang::En
        })
    }

    /// The language a `--lang` value or the config's `lang` names: "da" or "en".
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "da" => Some(Lang::Da),
            "en" => Some(Lang::En),
            _ => None,
        }
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
pub mod closure_desk;
pub mod companies_desk;
pub mod company;
pub mod errors;
pub mod export;
pub mod feedback;
pub mod handover;
pub mod help;
pub mod jobclub;
pub mod mentor;
pub mod queue;
pub mod safety;
pub mod series;
pub mod voice;

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
        let from = |pairs| Lang::from_vars(env(pairs));
        assert_eq!(from(&[("LANG", "da_DK.UTF-8")]), Some(Lang::Da));
        assert_eq!(from(&[("LANG", "en_US.UTF-8")]), Some(Lang::En));
        assert_eq!(
            from(&[("LC_ALL", "da_DK"), ("LANG", "en_US")]),
            Some(Lang::Da)
        );
        assert_eq!(
            from(&[("LC_MESSAGES", "C"), ("LANG", "da_DK")]),
            Some(Lang::En),
            "the first variable set decides, as POSIX reads them"
        );
        assert_eq!(
            from(&[("LC_ALL", ""), ("LANG", "da_DK")]),
            Some(Lang::Da),
            "an empty variable is not set"
        );
        assert_eq!(from(&[]), None);
        assert_eq!(
            from(&[("LANG", "dak_US")]),
            Some(Lang::En),
            "not a prefix match"
        );
    }

    /// The order: `--lang`, the config, the environment, the operating system, Danish.
    #[test]
    fn language_order_with_the_operating_system_mocked() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        let os = |v: &'static str| move || Some(v.to_string());
        let no_os = || None;
        let en_env: &[(&str, &str)] = &[("LANG", "en_US.UTF-8")];
        let da_env: &[(&str, &str)] = &[("LANG", "da_DK.UTF-8")];
        // --lang beats everything.
        assert_eq!(
            Lang::decide(Some(Lang::En), Some(Lang::Da), env(da_env), os("da-DK")),
            Lang::En
        );
        // The config beats the environment and the OS.
        assert_eq!(
            Lang::decide(None, Some(Lang::Da), env(en_env), os("en-US")),
            Lang::Da
        );
        assert_eq!(
            Lang::decide(None, Some(Lang::En), env(da_env), os("da-DK")),
            Lang::En
        );
        // The environment beats the OS.
        assert_eq!(Lang::decide(None, None, env(en_env), os("da-DK")), Lang::En);
        assert_eq!(
            Lang::decide(None, None, env(&[("LC_ALL", "C")]), os("da-DK")),
            Lang::En
        );
        // Nothing in the environment (Windows): the OS's UI language.
        assert_eq!(Lang::decide(None, None, env(&[]), os("da-DK")), Lang::Da);
        assert_eq!(Lang::decide(None, None, env(&[]), os("en-GB")), Lang::En);
        assert_eq!(Lang::decide(None, None, env(&[]), os("de-DE")), Lang::En);
        // Nothing anywhere: Danish.
        assert_eq!(Lang::decide(None, None, env(&[]), no_os), Lang::Da);
        assert_eq!(Lang::decide(None, None, env(&[]), os("")), Lang::Da);
        // The OS is not asked when something before it decides.
        let asked = std::cell::Cell::new(false);
        let spy = || {
            asked.set(true);
            None
        };
        Lang::decide(None, None, env(en_env), spy);
        assert!(!asked.get());
    }

    #[test]
    fn language_codes() {
        assert_eq!(Lang::from_code("da"), Some(Lang::Da));
        assert_eq!(Lang::from_code("EN"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::from_locale("da"), Some(Lang::Da));
        assert_eq!(Lang::from_locale("da-DK"), Some(Lang::Da));
        assert_eq!(Lang::from_locale("DA_dk.utf8@euro"), Some(Lang::Da));
        assert_eq!(Lang::from_locale("POSIX"), Some(Lang::En));
        assert_eq!(Lang::from_locale(" "), None);
    }
}
