//! `smw`: the SMS Workbench command line. It uses the same store and domain crates as the app,
//! so a rule exists once; it has no Tauri or WebKit dependency and runs on a headless machine.

mod bench_changes;
mod bench_cmdb;
mod bench_sla;
mod bench_store;
mod catalogue_nouns;
mod change_args;
mod change_cmds;
mod cmdb_cmds;
mod cmdb_nouns;
mod directory_cmds;
mod directory_nouns;
mod error;
mod history;
mod incident_add;
mod progress;
mod references;
mod sla;
mod sla_report;
mod window_cmds;
mod workspace_cmds;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use error::{CliError, CliResult};
use std::path::PathBuf;
use std::process::ExitCode;

/// The import's reader thread allocates every parsed line and the writer thread frees it;
/// glibc's allocator serialises those cross-thread frees on a lock, mimalloc does not.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "smw",
    version,
    about = "SMS Workbench: an ISO/IEC 20000-1 service management system in one SQLite file"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Business-hours SLA arithmetic: deadlines and elapsed business time.
    Sla {
        #[command(subcommand)]
        command: sla::SlaCommand,
    },
    /// Benchmark the SLA engine and print JSON figures (build with --release)
    BenchSla {
        /// How many open clocks to recompute after a calendar edit
        #[arg(long, default_value_t = 1_000_000)]
        clocks: usize,
    },
    /// Create a new, empty workspace file
    Init { file: PathBuf },
    /// Fill a new or empty workspace with a realistic demo organisation
    Demo {
        file: PathBuf,
        /// How many incidents and requests to create
        #[arg(long, default_value_t = smw_store::demo::DEFAULT_TICKETS)]
        tickets: usize,
    },
    /// Check the file's integrity, its audit chain, every record against its history, the
    /// derived data, the signed checkpoints, and that the chain holds every witnessed head
    Verify {
        file: PathBuf,
        /// A head the chain must still hold, as ENTRY:HASH (repeatable)
        #[arg(long = "witness", value_name = "SEQ:HASH")]
        witness: Vec<String>,
        /// A witness log (JSON Lines) whose heads of this workspace the chain must hold (repeatable)
        #[arg(long = "witness-file", value_name = "F")]
        witness_file: Vec<PathBuf>,
    },
    /// Copy an open or closed workspace to a new file, safely while it is in use
    Backup { file: PathBuf, out: PathBuf },
    /// Replace a workspace with a backup (the workspace must not be open elsewhere)
    Restore { backup: PathBuf, file: PathBuf },
    /// Export the whole workspace (records and audit history) as JSON Lines
    Export {
        file: PathBuf,
        #[arg(long = "json", value_name = "OUT")]
        out: PathBuf,
    },
    /// Import an export into a new or empty workspace (all or nothing)
    Import {
        file: PathBuf,
        #[arg(long = "json", value_name = "IN")]
        input: PathBuf,
    },
    /// Build a workspace at scale and print the store's speed figures as JSON (`smw bench
    /// FILE`), or the CMDB's (`smw bench cmdb FILE`)
    #[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
    Bench {
        #[command(subcommand)]
        cmdb: Option<bench_cmdb::BenchCommand>,
        /// The new workspace file to build
        #[arg(required = true)]
        file: Option<PathBuf>,
        #[arg(long, default_value_t = 1_000_000)]
        tickets: usize,
        #[arg(long, default_value_t = 3)]
        comments: usize,
    },
    /// Show or set the impact × urgency → priority matrix
    Matrix {
        file: PathBuf,
        /// New matrix as JSON, rows = impact (high, medium, low), columns = urgency, e.g. [[1,2,3],[2,3,4],[3,4,5]]
        #[arg(long)]
        set: Option<String>,
    },
    /// List incidents and requests as JSON, newest first (`smw incidents FILE --json`),
    /// or log one (`smw incidents add FILE --title …`)
    #[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
    Incidents {
        #[command(subcommand)]
        add: Option<incident_add::IncidentCommand>,
        /// The workspace file to list
        file: Option<PathBuf>,
        /// Print JSON (the only format; accepted for clarity in scripts)
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        filter: workspace_cmds::IncidentFilter,
    },
    #[command(flatten)]
    Directory(directory_cmds::DirectoryCommand),
    /// Requests for change: raise, move, approve, collisions, unauthorised edits, schedule (.ics)
    Change {
        #[command(subcommand)]
        command: change_cmds::ChangeCommand,
    },
    /// Change windows: blackout and maintenance, one-off or recurring (RRULE)
    Window {
        #[command(subcommand)]
        command: window_cmds::WindowCommand,
    },
    /// Benchmark collision detection and print JSON figures (build with --release)
    BenchChanges {
        /// How many changes to book over the quarter
        #[arg(long, default_value_t = 10_000)]
        changes: usize,
        /// How many CIs the generated estate has
        #[arg(long, default_value_t = 100_000)]
        cis: usize,
        /// Also build this new workspace file with the estate and changes, and time the store's calls
        #[arg(long)]
        file: Option<PathBuf>,
    },
    /// Configuration items and their relationships: add, list, show, impact, import, export …
    Cmdb {
        #[command(subcommand)]
        command: cmdb_cmds::CmdbCommand,
    },
}

fn run(cli: Cli) -> CliResult {
    use workspace_cmds as ws;
    match cli.command {
        Command::Sla { command } => sla::run(command),
        Command::BenchSla { clocks } => bench_sla::run(clocks),
        Command::Init { file } => ws::init(&file),
        Command::Demo { file, tickets } => ws::demo(&file, tickets),
        Command::Verify { file, witness, witness_file } => ws::verify(&file, &witness, &witness_file),
        Command::Backup { file, out } => ws::backup(&file, &out),
        Command::Restore { backup, file } => ws::restore(&backup, &file),
        Command::Export { file, out } => ws::export(&file, &out),
        Command::Import { file, input } => ws::import(&file, &input),
        Command::Bench { cmdb: Some(command), .. } => bench_cmdb::run_command(command),
        Command::Bench { cmdb: None, file: Some(file), tickets, comments } => {
            bench_store::run(&file, tickets, comments)
        }
        Command::Bench { file: None, .. } => {
            Err(CliError::bad_input("bench: give a new workspace FILE, or `cmdb FILE`"))
        }
        Command::Matrix { file, set } => ws::matrix(&file, set),
        Command::Incidents { add: Some(add), .. } => incident_add::run(add),
        Command::Incidents { add: None, file: Some(file), json: _, filter } => ws::incidents(&file, filter),
        Command::Incidents { add: None, file: None, .. } => {
            Err(CliError::bad_input("incidents: give a workspace FILE to list, or `add FILE --title …` to log one"))
        }
        Command::Directory(command) => directory_cmds::run(command),
        Command::Change { command } => change_cmds::run(command),
        Command::Window { command } => window_cmds::run(command),
        Command::BenchChanges { changes, cis, file } => bench_changes::run(changes, cis, file.as_deref()),
        Command::Cmdb { command } => cmdb_cmds::run(command),
    }
}

/// The workspace a command writes to, whose new head is then signed and witnessed.
fn written_file(command: &Command) -> Option<PathBuf> {
    match command {
        Command::Demo { file, .. } | Command::Import { file, .. } => Some(file.clone()),
        Command::Matrix { file, set: Some(_) } => Some(file.clone()),
        Command::Incidents { add: Some(incident_add::IncidentCommand::Add(add)), .. } => Some(add.file.clone()),
        Command::Directory(command) => directory_cmds::written_file(command),
        Command::Change { command } => change_cmds::written_file(command),
        Command::Window { command } => window_cmds::written_file(command),
        Command::Cmdb { command } => cmdb_cmds::written_file(command),
        _ => None,
    }
}

/// A usage error in one line naming the flag or value (clap's own rendering adds a tip, the
/// usage and a pointer to --help); help and version print as clap writes them.
fn usage_error(error: clap::Error) -> ! {
    use clap::error::ErrorKind;
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        error.exit()
    }
    let text = error.render().to_string();
    let first = text.lines().next().unwrap_or_default();
    eprintln!("smw: {}", first.strip_prefix("error: ").unwrap_or(first));
    std::process::exit(2)
}

fn main() -> ExitCode {
    let command = directory_cmds::require_for_add(Cli::command());
    let cli = command
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches))
        .unwrap_or_else(|error| usage_error(error));
    let written = written_file(&cli.command);
    match run(cli) {
        Ok(()) => {
            if let Some(file) = written {
                history::after_write(&file);
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("smw: {error}");
            ExitCode::from(error.status)
        }
    }
}
