//! The `jobdesk` binary: parse the command line and dispatch; nothing else.

use clap::Parser;

fn main() {
    std::process::exit(jobdesk::app_main(jobdesk::cli::Cli::parse()));
}
