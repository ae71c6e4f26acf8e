//! `smw incidents add`: log an incident or a service request. The domain computes its
//! priority from impact and urgency with the workspace's matrix and picks its SLA.

use crate::error::CliResult;
use crate::references::{actor_required, Session};
use crate::workspace_cmds::print_json;
use clap::{Args, Subcommand};
use smw_core::catalogue::Service;
use smw_core::directory::{Group, Person};
use smw_core::priority::Level;
use smw_core::ticket::{TicketDraft, TicketKind};
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum IncidentCommand {
    /// Log an incident or request and print it as JSON (with its new key)
    Add(IncidentAdd),
}

#[derive(Args)]
pub struct IncidentAdd {
    /// The workspace file
    pub(crate) file: PathBuf,
    /// A short summary of what is wrong or wanted
    #[arg(long)]
    title: String,
    /// The details (Markdown)
    #[arg(long)]
    description: Option<String>,
    /// incident (something broke; the default) or request (something wanted)
    #[arg(long, value_parser = parse_kind)]
    kind: Option<TicketKind>,
    /// How widely it hurts: 1 (high), 2 (medium) or 3 (low)
    #[arg(long, value_parser = parse_level, default_value = "2")]
    impact: Level,
    /// How soon it must be fixed: 1 (high), 2 (medium) or 3 (low)
    #[arg(long, value_parser = parse_level, default_value = "2")]
    urgency: Level,
    /// The service affected
    #[arg(long, value_name = "SERVICE-KEY")]
    service: Option<String>,
    /// The support group to work it
    #[arg(long, value_name = "GROUP-KEY")]
    group: Option<String>,
    /// Who reported it (their customer, if any, becomes the ticket's customer)
    #[arg(long, value_name = "PERSON-KEY")]
    caller: Option<String>,
    /// Who works on it
    #[arg(long, value_name = "PERSON-KEY")]
    assignee: Option<String>,
    /// A configuration item it is about (repeat for several)
    #[arg(long, value_name = "CI-KEY")]
    ci: Vec<String>,
    /// The person logging it (must be live and allowed to act)
    #[arg(long = "as", value_name = "PERSON-KEY")]
    as_key: Option<String>,
}

fn parse_kind(text: &str) -> Result<TicketKind, String> {
    TicketKind::parse(text).ok_or_else(|| "expected incident or request".into())
}

/// 1, 2, 3 as the service desk says them; the words work too.
fn parse_level(text: &str) -> Result<Level, String> {
    match text {
        "1" => Ok(Level::High),
        "2" => Ok(Level::Medium),
        "3" => Ok(Level::Low),
        _ => Level::parse(text).ok_or_else(|| "expected 1 (high), 2 (medium) or 3 (low)".into()),
    }
}

pub fn run(command: IncidentCommand) -> CliResult {
    let IncidentCommand::Add(add) = command;
    let session = Session::open(&add.file)?;
    let actor = session.actor(add.as_key.as_deref().ok_or_else(actor_required)?)?;
    let draft = TicketDraft {
        kind: add.kind,
        service_id: session.id_if_given::<Service>("--service", add.service.as_deref())?,
        group_id: session.id_if_given::<Group>("--group", add.group.as_deref())?,
        caller_id: session.id_if_given::<Person>("--caller", add.caller.as_deref())?,
        assignee_id: session.id_if_given::<Person>("--assignee", add.assignee.as_deref())?,
        customer_id: None,
        category: String::new(),
        impact: add.impact,
        urgency: add.urgency,
        title: add.title,
        description: add.description.unwrap_or_default(),
        affected_ci_ids: add.ci.iter().map(|key| Ok(session.ws.ci_get(key)?.ci.id)).collect::<CliResult<_>>()?,
    };
    print_json(&session.ws.ticket_create(&actor, session.now, draft)?)
}
