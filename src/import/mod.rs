//! Imports: a caseload from CSV.

pub mod caseload;
