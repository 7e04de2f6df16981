//! Small reusable pieces of the desk.

pub mod line;
