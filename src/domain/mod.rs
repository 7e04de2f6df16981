//! Plain types and rules of the domain. No I/O here: the store reads and writes, the UI draws,
//! and everything in this module can be tested with plain values.

pub mod cadence;
pub mod closure;
pub mod cpr;
pub mod dates;
pub mod feedback;
pub mod filter;
pub mod jobclub;
pub mod journal;
pub mod limits;
pub mod localtime;
pub mod minimum;
pub mod quickadd;
pub mod records;
pub mod recurrence;
pub mod standing;
pub mod templates;
pub mod text;
pub mod types;
pub mod when;
pub mod workdays;

pub use types::*;
