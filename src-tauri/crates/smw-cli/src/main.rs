//! `smw`: the SMS Workbench command line. It uses the same store and domain crates as the app,
//! so a rule exists once; it has no Tauri or WebKit dependency and runs on a headless machine.

mod error;

use clap::{Parser, Subcommand};
use error::CliResult;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "smw", version, about = "SMS Workbench: an ISO/IEC 20000-1 service management system in one SQLite file")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {}

fn run(cli: Cli) -> CliResult {
    match cli.command {}
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("smw: {error}");
            ExitCode::from(error.status)
        }
    }
}
