//! `smw init`, `demo`, `verify`, `backup`, `restore`, `export`, `import`, `incidents`.

use crate::error::{CliError, CliResult};
use crate::progress::Progress;
use smw_core::priority::Priority;
use smw_core::ticket::TicketKind;
use smw_core::views::TicketFilter;
use smw_core::workflow::Status;
use smw_core::Timestamp;
use smw_store::{StoreError, Workspace};
use std::io::{BufReader, BufWriter};
use std::path::Path;
use uuid::Uuid;

impl From<StoreError> for CliError {
    fn from(error: StoreError) -> Self {
        if error.is_bad_input() {
            CliError::bad_input(error.to_string())
        } else {
            CliError::failed(error.to_string())
        }
    }
}

pub(crate) fn now() -> Timestamp {
    Timestamp::from(chrono::Utc::now())
}

/// Prints `value` as pretty JSON. A reader that stops early (`smw … | head`) is not an error:
/// the write that did the work has already committed.
pub(crate) fn print_json<T: serde::Serialize>(value: &T) -> CliResult {
    use std::io::Write;
    let text = serde_json::to_string_pretty(value).map_err(|e| CliError::failed(e.to_string()))?;
    match writeln!(std::io::stdout().lock(), "{text}") {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => Err(error.into()),
        _ => Ok(()),
    }
}

pub fn init(file: &Path) -> CliResult {
    Workspace::create(file)?;
    eprintln!("created {}", file.display());
    Ok(())
}

pub fn demo(file: &Path, tickets: usize) -> CliResult {
    let ws = if file.exists() { Workspace::open(file)? } else { Workspace::create(file)? };
    let progress = Progress::new(Some(tickets as u64), "tickets");
    smw_store::demo::generate(&ws, now(), tickets, &mut |done| progress.set(done as u64))?;
    progress.done();
    eprintln!("{}: demo organisation with {} tickets", file.display(), ws.ticket_count()?);
    Ok(())
}

/// Verifies FILE, holding its chain to every head given (`--witness`, `--witness-file`) and
/// to the local witness log; a file that passes is witnessed in turn.
pub fn verify(file: &Path, witnesses: &[String], witness_files: &[std::path::PathBuf]) -> CliResult {
    let heads = crate::history::heads_for(file, witnesses, witness_files)?;
    let report = smw_store::verify_with_witnesses(file, &heads)?;
    print_json(&report)?;
    if report.ok {
        crate::history::after_verify(file);
        eprintln!(
            "{}: ok ({} audit entries, {} records, {} witnessed heads held)",
            file.display(),
            report.audit_entries,
            report.records,
            heads.len()
        );
        Ok(())
    } else {
        Err(CliError::failed(format!(
            "{}: verification failed: {}",
            file.display(),
            report.findings.first().map_or("", |f| f.message.as_str())
        )))
    }
}

pub fn backup(file: &Path, out: &Path) -> CliResult {
    Workspace::open(file)?.backup_to(out)?;
    eprintln!("backed up {} to {}", file.display(), out.display());
    Ok(())
}

pub fn restore(backup: &Path, file: &Path) -> CliResult {
    smw_store::restore(backup, file)?;
    eprintln!("restored {} from {}", file.display(), backup.display());
    Ok(())
}

/// Writes the export beside OUT and renames it into place when complete, so an interrupted
/// export never leaves a file that looks whole, and never writes over the workspace itself.
pub fn export(file: &Path, out: &Path) -> CliResult {
    if is_the_workspace(file, out) {
        return Err(CliError::bad_input(format!(
            "--json: {} is the workspace itself (or one of its files); write the export to another file",
            out.display()
        )));
    }
    let ws = Workspace::open(file)?;
    let partial = out.with_extension("partial");
    let written = (|| -> CliResult<u64> {
        let mut writer = BufWriter::new(std::fs::File::create(&partial)?);
        let progress = Progress::new(None, "lines");
        let lines = ws.export_jsonl(now(), &mut writer, &mut |n| progress.set(n))?;
        progress.done();
        writer.into_inner().map_err(|e| CliError::failed(e.to_string()))?.sync_all()?;
        Ok(lines)
    })();
    let lines = written.and_then(|lines| Ok(std::fs::rename(&partial, out).map(|()| lines)?)).inspect_err(|_| {
        let _ = std::fs::remove_file(&partial);
    })?;
    eprintln!("exported {lines} lines to {}", out.display());
    Ok(())
}

/// Whether `out` names the workspace file or one of SQLite's files beside it.
fn is_the_workspace(file: &Path, out: &Path) -> bool {
    let canonical = |path: &Path| {
        let parent = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        std::fs::canonicalize(parent).ok().map(|dir| dir.join(path.file_name().unwrap_or_default()))
    };
    let (Some(file), Some(out)) = (canonical(file), canonical(out)) else { return false };
    ["", "-wal", "-shm", "-journal"].iter().any(|suffix| {
        let mut side = file.clone().into_os_string();
        side.push(suffix);
        out == Path::new(&side)
    })
}

/// Opens an input file, naming it when it is missing (a wrong path is the caller's mistake).
fn open_input(path: &Path, flag: &str) -> CliResult<std::fs::File> {
    std::fs::File::open(path).map_err(|error| match error.kind() {
        std::io::ErrorKind::NotFound => CliError::bad_input(format!("{flag}: {} does not exist", path.display())),
        _ => CliError::failed(format!("{flag}: {}: {error}", path.display())),
    })
}

/// Imports into FILE: a new file is built aside and renamed into place when complete; an
/// existing workspace must be empty and is filled in one transaction. Either way a failed
/// import leaves nothing behind.
pub fn import(file: &Path, input: &Path) -> CliResult {
    let mut reader = BufReader::with_capacity(1 << 20, open_input(input, "--json")?);
    let progress = Progress::new(None, "lines");
    let result = if file.exists() {
        Workspace::open(file)?.import_jsonl(now(), &mut reader, &mut |n| progress.set(n))
    } else {
        smw_store::transfer::import_new_workspace(file, now(), &mut reader, &mut |n| progress.set(n))
    };
    progress.done();
    let records = result?;
    eprintln!("imported {records} records into {}", file.display());
    Ok(())
}

#[derive(clap::Args)]
pub struct IncidentFilter {
    /// Only incidents or only requests
    #[arg(long, value_parser = parse_kind)]
    kind: Option<TicketKind>,
    /// Only this status (new, assigned, in_progress, pending, resolved, closed)
    #[arg(long, value_parser = parse_status)]
    status: Option<Status>,
    /// Only this priority (1–5)
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=5))]
    priority: Option<Priority>,
    /// Only this service (id)
    #[arg(long)]
    service: Option<Uuid>,
    /// Only this support group (id)
    #[arg(long)]
    group: Option<Uuid>,
    /// Only this assignee (person id)
    #[arg(long)]
    assignee: Option<Uuid>,
    /// Full-text search over titles, descriptions and comments
    #[arg(long)]
    text: Option<String>,
    /// Skip this many (newest first)
    #[arg(long, default_value_t = 0)]
    offset: usize,
    /// At most this many
    #[arg(long, default_value_t = 100)]
    limit: usize,
}

fn parse_kind(text: &str) -> Result<TicketKind, String> {
    TicketKind::parse(text).ok_or_else(|| "expected incident or request".into())
}

fn parse_status(text: &str) -> Result<Status, String> {
    Status::parse(text).ok_or_else(|| "expected new, assigned, in_progress, pending, resolved or closed".into())
}

pub fn incidents(file: &Path, filter: IncidentFilter) -> CliResult {
    let ws = Workspace::open(file)?;
    let query = TicketFilter {
        kind: filter.kind,
        service_id: filter.service,
        group_id: filter.group,
        assignee_id: filter.assignee,
        priority: filter.priority,
        status: filter.status,
        text: filter.text,
    };
    print_json(&ws.tickets_list(&query, filter.offset, filter.limit)?)
}

/// Prints the priority matrix, or replaces it with `set` (JSON rows: impact high→low,
/// each urgency high→low).
pub fn matrix(file: &Path, set: Option<String>) -> CliResult {
    let ws = Workspace::open(file)?;
    let matrix = match set {
        Some(text) => {
            let cells: [[u8; 3]; 3] = serde_json::from_str(&text)
                .map_err(|e| CliError::bad_input(format!("--set: expected three rows of three priorities: {e}")))?;
            let actor = smw_store::Actor::system("smw matrix");
            ws.set_priority_matrix(&actor, now(), smw_core::priority::PriorityMatrix { cells })?
        }
        None => ws.priority_matrix()?,
    };
    print_json(&matrix)
}
