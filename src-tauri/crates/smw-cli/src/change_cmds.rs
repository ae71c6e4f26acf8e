//! `smw change …`: requests for change from the command line — raise, list, show, edit, move
//! through the workflow, approve or reject, and the reports (collisions, unauthorised CI
//! edits, the dashboard, the forward schedule as .ics). JSON on success; bad input exits 2 with
//! one line naming the flag or field.

use crate::change_args::{instant, parse_status, ChangeFields};
use crate::error::{CliError, CliResult};
use crate::references::{actor_required, open_workspace, Session};
use crate::workspace_cmds::{now, print_json};
use clap::{Args, Subcommand};
use smw_core::catalogue::Service;
use smw_core::change_management::approval::Verdict;
use smw_core::change_management::views::ChangeFilter;
use smw_core::change_management::{ChangeMove, ChangePolicy, ChangeStatus, ChangeType, ReviewOutcome};
use smw_core::directory::Group;
use smw_core::Timestamp;
use std::path::{Path, PathBuf};

#[derive(Args)]
pub struct Acting {
    /// The person acting; every write and every decision is recorded under their name
    #[arg(long = "as", value_name = "PERSON-KEY")]
    as_key: Option<String>,
}

impl Acting {
    fn actor(&self, session: &Session) -> CliResult<smw_store::Actor> {
        session.actor(self.as_key.as_deref().ok_or_else(actor_required)?)
    }
}

#[derive(Subcommand)]
pub enum ChangeCommand {
    /// Raise a change (in Draft) and print it with its conflicts as JSON
    Add {
        file: PathBuf,
        #[command(flatten)]
        fields: ChangeFields,
        #[command(flatten)]
        acting: Acting,
    },
    /// Print the live changes as a JSON array, by planned start
    List {
        file: PathBuf,
        #[arg(long)]
        json: bool,
        /// Only changes planned to run after this instant or date
        #[arg(long)]
        from: Option<String>,
        /// … and before this one
        #[arg(long)]
        to: Option<String>,
        #[arg(long, value_name = "SERVICE-KEY")]
        service: Option<String>,
        #[arg(long, value_name = "CI-KEY")]
        ci: Option<String>,
        #[arg(long, value_name = "GROUP-KEY")]
        group: Option<String>,
        #[arg(long = "type", value_parser = |t: &str| ChangeType::parse(t).ok_or_else(|| format!("expected one of {}", ChangeType::choices())))]
        change_type: Option<ChangeType>,
        #[arg(long, value_parser = parse_status)]
        status: Option<ChangeStatus>,
    },
    /// Print a change with its next statuses, conflicts, links, release and history
    Show { file: PathBuf, key: String },
    /// Change the fields given (list flags replace the whole list)
    Edit {
        file: PathBuf,
        key: String,
        #[command(flatten)]
        fields: ChangeFields,
        #[command(flatten)]
        acting: Acting,
    },
    /// Move a change to another status (the refusal says what is missing)
    Move {
        file: PathBuf,
        key: String,
        #[arg(long, value_parser = parse_status)]
        to: ChangeStatus,
        /// Go ahead despite the conflicts found (recorded with your name)
        #[arg(long)]
        accept_conflicts: bool,
        /// Review outcome (to reviewed): successful, partially_successful or unsuccessful
        #[arg(long, value_parser = |t: &str| ReviewOutcome::parse(t).ok_or_else(|| format!("expected one of {}", ReviewOutcome::choices())))]
        outcome: Option<ReviewOutcome>,
        /// Lessons learnt (to reviewed)
        #[arg(long)]
        lessons: Option<String>,
        /// When the work started or ended, if not now (to implementing, implemented, failed, backed_out)
        #[arg(long)]
        at: Option<String>,
        #[command(flatten)]
        acting: Acting,
    },
    /// Approve an assessed change as one of its approvers
    Approve {
        file: PathBuf,
        key: String,
        #[arg(long, default_value = "")]
        comment: String,
        #[arg(long)]
        accept_conflicts: bool,
        #[command(flatten)]
        acting: Acting,
    },
    /// Reject an assessed change as one of its approvers (say why with --comment)
    Reject {
        file: PathBuf,
        key: String,
        #[arg(long, default_value = "")]
        comment: String,
        #[command(flatten)]
        acting: Acting,
    },
    /// Print the conflicts of one change, or of every change booked in a range
    Collisions {
        file: PathBuf,
        #[arg(long, value_name = "CHG-KEY")]
        change: Option<String>,
        /// Range start (default: the earliest planned start)
        #[arg(long)]
        from: Option<String>,
        /// Range end (default: the latest planned end)
        #[arg(long)]
        to: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Print every edit of a CI under change control that no approved change covered
    Unauthorised {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Print the change dashboard's figures (overall, by month, by service)
    Dashboard {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// Write the forward schedule of change as an iCalendar file
    Schedule {
        file: PathBuf,
        #[arg(long, value_name = "OUT")]
        ics: PathBuf,
        /// Default: now
        #[arg(long)]
        from: Option<String>,
        /// Default: 90 days after the start
        #[arg(long)]
        to: Option<String>,
        /// Only what this customer is told about: changes to its services
        #[arg(long, value_name = "CUS-KEY")]
        customer: Option<String>,
    },
    /// Print the change policy, or replace it with the JSON in --set FILE
    Policy {
        file: PathBuf,
        #[arg(long, value_name = "POLICY-JSON")]
        set: Option<PathBuf>,
        #[command(flatten)]
        acting: Acting,
    },
}

/// The file a command writes to, for the witness that signs the new head.
pub fn written_file(command: &ChangeCommand) -> Option<PathBuf> {
    match command {
        ChangeCommand::Add { file, .. }
        | ChangeCommand::Edit { file, .. }
        | ChangeCommand::Move { file, .. }
        | ChangeCommand::Approve { file, .. }
        | ChangeCommand::Reject { file, .. }
        | ChangeCommand::Policy { file, set: Some(_), .. } => Some(file.clone()),
        _ => None,
    }
}

fn stored_key(session: &Session, key: &str) -> CliResult<String> {
    session
        .ws
        .change_get(key)
        .map(|change| change.key)
        .map_err(|_| CliError::bad_input(format!("KEY: no live change has the key {}", key.trim())))
}

pub fn run(command: ChangeCommand) -> CliResult {
    match command {
        ChangeCommand::Add { file, fields, acting } => {
            let session = Session::open(&file)?;
            let actor = acting.actor(&session)?;
            if fields.title.is_none() {
                return Err(CliError::bad_input("--title: give the change a title"));
            }
            let draft = fields.draft(&session)?;
            print_json(&session.ws.change_create(&actor, session.now, draft)?)
        }
        ChangeCommand::List { file, json: _, from, to, service, ci, group, change_type, status } => {
            let session = Session::open(&file)?;
            let ci_id = match ci.as_deref() {
                Some(key) => Some(
                    session
                        .ws
                        .ci_get(key)
                        .map(|d| d.ci.id)
                        .map_err(|_| CliError::bad_input(format!("--ci: no CI has the key {key}")))?,
                ),
                None => None,
            };
            let filter = ChangeFilter {
                from: from.as_deref().map(|t| instant("--from", t)).transpose()?,
                to: to.as_deref().map(|t| instant("--to", t)).transpose()?,
                service_id: session.id_if_given::<Service>("--service", service.as_deref())?,
                group_id: session.id_if_given::<Group>("--group", group.as_deref())?,
                ci_id,
                change_type,
                status,
            };
            print_json(&session.ws.changes_list(&filter)?)
        }
        ChangeCommand::Show { file, key } => {
            let session = Session::open(&file)?;
            let key = stored_key(&session, &key)?;
            print_json(&session.ws.change_detail(&key)?)
        }
        ChangeCommand::Edit { file, key, fields, acting } => {
            let session = Session::open(&file)?;
            let actor = acting.actor(&session)?;
            let key = stored_key(&session, &key)?;
            if fields == ChangeFields::default() {
                return Err(CliError::bad_input("edit: give at least one field to change, such as --title or --start"));
            }
            let patch = fields.patch(&session)?;
            print_json(&session.ws.change_update(&actor, session.now, &key, patch, None)?)
        }
        ChangeCommand::Move { file, key, to, accept_conflicts, outcome, lessons, at, acting } => {
            let session = Session::open(&file)?;
            let actor = acting.actor(&session)?;
            let key = stored_key(&session, &key)?;
            let at = at.as_deref().map(|t| instant("--at", t)).transpose()?;
            let mv = ChangeMove {
                to: Some(to),
                accept_conflicts,
                actual_start: at,
                actual_end: at,
                review_outcome: outcome,
                lessons,
            };
            print_json(&session.ws.change_move(&actor, session.now, &key, mv, None)?)
        }
        ChangeCommand::Approve { file, key, comment, accept_conflicts, acting } => {
            decide(&file, &key, Verdict::Approve, &comment, accept_conflicts, &acting)
        }
        ChangeCommand::Reject { file, key, comment, acting } => {
            decide(&file, &key, Verdict::Reject, &comment, false, &acting)
        }
        ChangeCommand::Collisions { file, change, from, to, json: _ } => collisions(&file, change, from, to),
        ChangeCommand::Unauthorised { file, json: _ } => print_json(&open_workspace(&file)?.changes_unauthorised()?),
        ChangeCommand::Dashboard { file, json: _ } => print_json(&open_workspace(&file)?.change_dashboard()?),
        ChangeCommand::Schedule { file, ics, from, to, customer } => schedule(&file, &ics, from, to, customer),
        ChangeCommand::Policy { file, set, acting } => policy(&file, set, &acting),
    }
}

fn decide(file: &Path, key: &str, verdict: Verdict, comment: &str, accept: bool, acting: &Acting) -> CliResult {
    let session = Session::open(file)?;
    let actor = acting.actor(&session)?;
    let key = stored_key(&session, key)?;
    print_json(&session.ws.change_decide(&actor, session.now, &key, verdict, comment, accept, None)?)
}

fn collisions(file: &Path, change: Option<String>, from: Option<String>, to: Option<String>) -> CliResult {
    let session = Session::open(file)?;
    if let Some(key) = change {
        let key = stored_key(&session, &key)?;
        let conflicts = session.ws.change_conflicts(&key)?;
        return print_json(&serde_json::json!({ "change": key, "conflicts": conflicts }));
    }
    let planned = session.ws.changes_list(&ChangeFilter::default())?;
    let earliest = planned.iter().filter_map(|c| c.planned_start).min();
    let latest = planned.iter().filter_map(|c| c.planned_end).max();
    let from = match from {
        Some(text) => instant("--from", &text)?,
        None => earliest.unwrap_or(session.now),
    };
    let to = match to {
        Some(text) => instant("--to", &text)?,
        None => latest.filter(|l| *l > from).unwrap_or(Timestamp::from_millis(from.millis() + 1).unwrap_or(from)),
    };
    if to <= from {
        return Err(CliError::bad_input("--to: the end of the range must be after --from"));
    }
    print_json(&session.ws.change_collisions(from, to)?)
}

fn schedule(file: &Path, ics: &Path, from: Option<String>, to: Option<String>, customer: Option<String>) -> CliResult {
    let ws = open_workspace(file)?;
    let from = from.as_deref().map(|t| instant("--from", t)).transpose()?.unwrap_or_else(now);
    let to = match to {
        Some(text) => instant("--to", &text)?,
        None => Timestamp::from_millis(from.millis() + 90 * 86_400_000).unwrap_or(from),
    };
    if to <= from {
        return Err(CliError::bad_input("--to: the end of the range must be after --from"));
    }
    let text = ws.change_schedule_ics(from, to, customer.as_deref(), now()).map_err(|e| match customer.as_deref() {
        Some(key) if matches!(e, smw_store::StoreError::NotFound { .. }) => {
            CliError::bad_input(format!("--customer: no live customer has the key {key}"))
        }
        _ => e.into(),
    })?;
    std::fs::write(ics, &text).map_err(|e| CliError::failed(format!("{}: {e}", ics.display())))?;
    let events = text.matches("BEGIN:VEVENT").count();
    print_json(&serde_json::json!({ "file": ics.display().to_string(), "events": events, "from": from, "to": to }))
}

fn policy(file: &Path, set: Option<PathBuf>, acting: &Acting) -> CliResult {
    let session = Session::open(file)?;
    let Some(path) = set else { return print_json(&session.ws.change_policy()?) };
    let actor = acting.actor(&session)?;
    let text =
        std::fs::read_to_string(&path).map_err(|e| CliError::bad_input(format!("--set: {}: {e}", path.display())))?;
    let policy: ChangePolicy =
        serde_json::from_str(&text).map_err(|e| CliError::bad_input(format!("--set: {}: {e}", path.display())))?;
    print_json(&session.ws.set_change_policy(&actor, session.now, policy)?)
}
