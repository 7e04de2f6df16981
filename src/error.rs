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

pub type Result<T, E = anyhow::Error> = std::result::Result<T, E>;
