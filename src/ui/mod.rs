//! The terminal app.

pub mod strings;
