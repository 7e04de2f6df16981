//! Errors and exit codes of the contract: 2 for bad input or usage, 1 for other failures.

use std::fmt;

/// An error the user caused and can fix: bad input, a wrong path, a refused database.
/// The message says what was wrong, where, and what to do. Exit code 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserError(pub String);

impl fmt::Display for UserError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UserError {}

/// Shorthand: `Err(user("..."))?`.
pub fn user(msg: impl Into<String>) -> anyhow::Error {
    anyhow::Error::new(UserError(msg.into()))
}

/// The exit code for an error: 2 when any cause is a [`UserError`] or a store error the user
/// caused ([`crate::store::Error::is_user`]), else 1.
pub fn exit_code(e: &anyhow::Error) -> i32 {
    let user = e.chain().any(|c| {
        c.downcast_ref::<UserError>().is_some()
            || c.downcast_ref::<crate::store::Error>()
                .is_some_and(crate::store::Error::is_user)
    });
    if user { 2 } else { 1 }
}

/// The message for an error, as `{e:#}` prints it (every cause, joined by ": "), except that
/// store errors in the chain are worded in `lang` (see `i18n::errors::store`).
pub fn message(e: &anyhow::Error, lang: crate::i18n::Lang) -> String {
    e.chain()
        .map(|c| match c.downcast_ref::<crate::store::Error>() {
            Some(s) => crate::i18n::errors::store(s, lang),
            None => c.to_string(),
        })
        .collect::<Vec<_>>()
        .join(": ")
}

pub type Result<T, E = anyhow::Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::store::Error;

    #[test]
    fn store_errors_are_worded_in_the_language_and_keep_their_context_and_exit_code() {
        let e = anyhow::Error::new(Error::NoCitizen(7)).context("erasing");
        assert_eq!(
            message(&e, Lang::En),
            "erasing: no citizen with id 7: see `jobdesk citizens --all` for the ids"
        );
        assert!(message(&e, Lang::Da).starts_with("erasing: der er ingen borger med id 7"));
        assert_eq!(exit_code(&e), 2);
        let from = chrono::NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
        let to = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let e = anyhow::Error::new(Error::RangeReversed { from, to });
        assert!(
            message(&e, Lang::Da).contains("05.12.2026 ligger efter --to 01.12.2026"),
            "{}",
            message(&e, Lang::Da)
        );
        assert!(
            !e.to_string().contains("--"),
            "the store's own words name no flags"
        );
        let e = anyhow::Error::new(Error::Corrupt { detail: "x".into() });
        assert_eq!(exit_code(&e), 1);
        let e = anyhow::anyhow!("plain");
        assert_eq!(message(&e, Lang::Da), "plain");
        assert_eq!(exit_code(&e), 1);
    }
}
