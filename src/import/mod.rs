//! Imports: a caseload from CSV.

pub mod caseload;
pub mod companies;
