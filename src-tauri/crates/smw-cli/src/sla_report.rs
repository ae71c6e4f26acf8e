//! `smw sla report FILE --json`: the SLA dashboard's figures (compliance by service, customer
//! and priority per month, breached and at-risk tickets, mean times, backlog age) as JSON.

use crate::error::{CliError, CliResult};
use clap::Args;
use smw_core::Timestamp;
use smw_store::Workspace;
use std::path::PathBuf;

#[derive(Args)]
pub struct ReportArgs {
    /// The workspace file
    file: PathBuf,
    /// Print JSON (the only format; accepted for clarity in scripts)
    #[arg(long)]
    json: bool,
    /// Start of the period, inclusive: a date (UTC midnight) or an RFC 3339 instant.
    /// Default: the start of the month five months before --to.
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// End of the period, exclusive: a date (UTC midnight) or an RFC 3339 instant. Default: now.
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// The instant to report as of (for reproducible output). Default: the current time.
    #[arg(long, value_name = "INSTANT")]
    now: Option<String>,
}

pub fn run(args: ReportArgs) -> CliResult {
    let now = match &args.now {
        Some(text) => instant("--now", text)?,
        None => Timestamp::from(chrono::Utc::now()),
    };
    let from = args.from.as_deref().map(|text| instant("--from", text)).transpose()?;
    let to = args.to.as_deref().map(|text| instant("--to", text)).transpose()?;
    if !args.file.exists() {
        return Err(CliError::bad_input(format!("{}: no such file", args.file.display())));
    }
    let ws = Workspace::open(&args.file)?;
    let report = ws.sla_report(now, from, to)?;
    println!("{}", serde_json::to_string_pretty(&report).map_err(|e| CliError::failed(e.to_string()))?);
    Ok(())
}

/// `2026-05-01` is that day's midnight UTC; anything else must be an RFC 3339 instant.
fn instant(flag: &str, text: &str) -> CliResult<Timestamp> {
    if let Ok(date) = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        if let Some(midnight) = date.and_hms_opt(0, 0, 0) {
            return Ok(Timestamp::from_datetime(midnight.and_utc()));
        }
    }
    Timestamp::parse(text).map_err(|_| {
        CliError::bad_input(format!("{flag}: {text:?} is neither a date YYYY-MM-DD nor an RFC 3339 instant"))
    })
}
