//! `smw window add|list`: blackout and maintenance windows, one-off or recurring by an
//! iCalendar RRULE kept in the window's own time zone.

use crate::change_args::instant;
use crate::error::{CliError, CliResult};
use crate::references::{actor_required, Session};
use crate::workspace_cmds::print_json;
use clap::Subcommand;
use smw_core::catalogue::Service;
use smw_core::change_management::{WindowDraft, WindowKind};
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum WindowCommand {
    /// Add a window and print it as JSON (with its new key)
    Add {
        file: PathBuf,
        #[arg(long)]
        name: String,
        /// blackout (no changes) or maintenance (the preferred slots)
        #[arg(long, value_parser = |t: &str| WindowKind::parse(t).ok_or_else(|| format!("expected one of {}", WindowKind::choices())))]
        kind: WindowKind,
        /// The IANA time zone its wall-clock times are in (Europe/London)
        #[arg(long)]
        zone: String,
        /// The first occurrence's local start, 2026-05-03T01:00
        #[arg(long, value_name = "LOCAL")]
        start: String,
        /// How long each occurrence lasts
        #[arg(long)]
        minutes: u32,
        /// An iCalendar recurrence rule, e.g. FREQ=WEEKLY;BYDAY=SU (none: a one-off window)
        #[arg(long)]
        rrule: Option<String>,
        /// A service it applies to (repeat; none given: every service)
        #[arg(long, value_name = "SERVICE-KEY")]
        service: Vec<String>,
        #[arg(long)]
        description: Option<String>,
        #[arg(long = "as", value_name = "PERSON-KEY")]
        as_key: Option<String>,
    },
    /// Print the windows as JSON, or with --from and --to their occurrences in that range
    List {
        file: PathBuf,
        #[arg(long)]
        json: bool,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
    },
}

pub fn written_file(command: &WindowCommand) -> Option<PathBuf> {
    match command {
        WindowCommand::Add { file, .. } => Some(file.clone()),
        WindowCommand::List { .. } => None,
    }
}

pub fn run(command: WindowCommand) -> CliResult {
    match command {
        WindowCommand::Add { file, name, kind, zone, start, minutes, rrule, service, description, as_key } => {
            let session = Session::open(&file)?;
            let actor = session.actor(as_key.as_deref().ok_or_else(actor_required)?)?;
            let draft = WindowDraft {
                name: Some(name),
                kind: Some(kind),
                time_zone: Some(zone),
                starts_local: Some(start),
                duration_minutes: Some(minutes),
                rrule,
                service_ids: session.ids::<Service>("--service", &service)?,
                description,
            };
            print_json(&session.ws.change_window_create(&actor, session.now, draft)?)
        }
        WindowCommand::List { file, json: _, from, to } => {
            let session = Session::open(&file)?;
            match (from, to) {
                (None, None) => print_json(&session.ws.change_windows()?),
                (Some(from), Some(to)) => {
                    let occurrences =
                        session.ws.change_window_occurrences(instant("--from", &from)?, instant("--to", &to)?)?;
                    print_json(&occurrences)
                }
                _ => Err(CliError::bad_input("--to: give both --from and --to to list occurrences")),
            }
        }
    }
}
