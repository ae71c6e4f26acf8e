//! `smw sla due` and `smw sla elapsed`: the business-time engine on files, for scripts and
//! for exact-output tests. Bad input exits with status 2 and names the field at fault.

use crate::error::{CliError, CliResult};
use clap::Subcommand;
use smw_core::sla::{BusinessCalendar, BusinessTimeline, PauseSet};
use smw_core::{Code, Invalid, Timestamp};
use std::path::{Path, PathBuf};

#[derive(Subcommand)]
pub enum SlaCommand {
    /// Print the instant at which business time from --start reaches --minutes.
    Due {
        #[arg(long, value_name = "CAL.json")]
        calendar: PathBuf,
        /// RFC 3339 instant, any offset.
        #[arg(long)]
        start: String,
        /// Business minutes; a negative number is read as a value (and refused by name), not a flag.
        #[arg(long, allow_negative_numbers = true)]
        minutes: u64,
        /// JSON list of [start, end] UTC instants, each interval half-open.
        #[arg(long, value_name = "P.json")]
        pauses: Option<PathBuf>,
    },
    /// Print the business seconds between --from and --to.
    Elapsed {
        #[arg(long, value_name = "CAL.json")]
        calendar: PathBuf,
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        #[arg(long, value_name = "P.json")]
        pauses: Option<PathBuf>,
    },
    /// Print the SLA dashboard's figures for a workspace as JSON.
    Report(crate::sla_report::ReportArgs),
}

pub fn run(command: SlaCommand) -> CliResult {
    match command {
        SlaCommand::Report(args) => return crate::sla_report::run(args),
        SlaCommand::Due { calendar, start, minutes, pauses } => {
            let mut timeline = timeline(&calendar)?;
            let start = instant("--start", &start)?;
            let pauses = pause_set(pauses.as_deref())?;
            let amount = i64::try_from(minutes)
                .ok()
                .and_then(|minutes| minutes.checked_mul(60_000))
                .ok_or_else(|| CliError::bad_input("--minutes: too large"))?;
            let due = timeline.due_millis(start.millis(), amount, &pauses).map_err(CliError::from)?;
            println!("{}", serde_json::json!({ "due": format_to_second(due)? }));
        }
        SlaCommand::Elapsed { calendar, from, to, pauses } => {
            let mut timeline = timeline(&calendar)?;
            let from = instant("--from", &from)?;
            let to = instant("--to", &to)?;
            if to < from {
                return Err(CliError::bad_input(format!("--to: {to} is before --from {from}")));
            }
            let pauses = pause_set(pauses.as_deref())?;
            let millis = timeline.elapsed_millis(from.millis(), to.millis(), &pauses).map_err(CliError::from)?;
            println!("{}", serde_json::json!({ "business_seconds": millis.div_euclid(1000) }));
        }
    }
    Ok(())
}

fn timeline(path: &Path) -> CliResult<BusinessTimeline> {
    let text = read(path)?;
    let calendar = BusinessCalendar::from_json(&text).map_err(|error| in_file(path, error))?;
    BusinessTimeline::new(calendar).map_err(|error| in_file(path, error))
}

fn pause_set(path: Option<&Path>) -> CliResult<PauseSet> {
    let Some(path) = path else { return Ok(PauseSet::default()) };
    let text = read(path)?;
    parse_pauses(&text).map_err(|error| in_file(path, error))
}

/// `[["2026-03-27T17:00:00Z","2026-03-30T10:00:00Z"], …]`
fn parse_pauses(text: &str) -> Result<PauseSet, Invalid> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|error| {
        Invalid::field(Code::MalformedPauses, "pauses", format!("The pauses are not valid JSON ({error})."))
    })?;
    let items = value.as_array().ok_or_else(|| {
        Invalid::field(Code::MalformedPauses, "pauses", "The pauses are a list of [start, end] pairs.")
    })?;
    let mut pauses = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        let pair = item.as_array().filter(|pair| pair.len() == 2).ok_or_else(|| {
            Invalid::field(Code::MalformedPauses, format!("pauses[{index}]"), "Each pause is a pair [start, end].")
        })?;
        let mut ends = [Timestamp::from_millis(0).expect("epoch"); 2];
        for (side, value) in pair.iter().enumerate() {
            let field = format!("pauses[{index}][{side}]");
            let parsed = value.as_str().and_then(|text| Timestamp::parse(text).ok());
            ends[side] = parsed.ok_or_else(|| {
                let shown = value.as_str().map_or_else(|| value.to_string(), |text| format!("“{text}”"));
                let message = format!("{shown} is not an instant written like 2026-03-27T16:00:00Z (RFC 3339).");
                Invalid::field(Code::MalformedInstant, field, message)
            })?;
        }
        pauses.push((ends[0], ends[1]));
    }
    PauseSet::new(&pauses)
}

fn instant(flag: &str, text: &str) -> CliResult<Timestamp> {
    Timestamp::parse(text).map_err(|_| {
        CliError::bad_input(format!("{flag}: {text:?} is not an RFC 3339 instant such as 2026-03-27T16:00:00Z"))
    })
}

/// UTC to the second. A deadline with a fraction of a second is rounded up, so the printed
/// instant is never before the amount is reached.
fn format_to_second(millis: i64) -> CliResult<String> {
    let seconds = millis.div_euclid(1000) + i64::from(millis.rem_euclid(1000) > 0);
    chrono::DateTime::from_timestamp(seconds, 0)
        .map(|at| at.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .ok_or_else(|| CliError::failed("the deadline is out of range"))
}

fn read(path: &Path) -> CliResult<String> {
    std::fs::read_to_string(path).map_err(|error| CliError::bad_input(format!("{}: {error}", path.display())))
}

fn in_file(path: &Path, error: Invalid) -> CliError {
    CliError::bad_input(format!("{}: {error}", path.display()))
}
