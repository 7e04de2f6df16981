//! The integration tests: one binary, one module per feature. `support` runs the real binary in an
//! isolated environment and hands out copies of generated caseloads; `desk` drives the terminal
//! app by keys, one file per feature.

mod support;

mod cli;
mod closure;
mod closure_round;
mod companies;
mod dates;
mod desk;
mod e2e;
mod encrypt_default;
mod export;
mod filter;
mod handover;
mod holidays;
mod import;
mod language;
mod leftovers;
mod mentor;
mod queue;
mod quickadd;
mod record;
mod rules;
mod safety;
mod series;
mod store;
mod when;
