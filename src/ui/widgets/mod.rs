//! Small reusable pieces of the desk.

pub mod boxes;
pub mod fields;
pub mod line;
