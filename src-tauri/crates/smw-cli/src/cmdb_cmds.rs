//! `smw cmdb …`: configuration items and their relationships from the command line — add,
//! list, show (also as of a past moment), edit, retire, relate, impact, CSV import and export,
//! and the data-quality findings. JSON on stdout; bad input exits 2 with one line naming the
//! flag; an import that finds problems prints them and exits 1.

use crate::cmdb_nouns::{as_flag, CiFlags};
use crate::error::{CliError, CliResult};
use crate::references::{actor_required, open_workspace, Session};
use crate::workspace_cmds::{now, print_json};
use clap::{ArgGroup, Subcommand};
use smw_core::cmdb::views::CiFilter;
use smw_core::cmdb::{CiStatus, Direction};
use smw_core::Timestamp;
use smw_store::{Actor, CsvMapping};
use std::path::{Path, PathBuf};

#[derive(Subcommand)]
pub enum CmdbCommand {
    /// Add a configuration item and print it as JSON (with its new key, CI-…)
    Add {
        file: PathBuf,
        #[command(flatten)]
        fields: CiFlags,
        /// The person making the change (every write is recorded under their name)
        #[arg(long = "as", value_name = "PERSON-KEY")]
        as_key: Option<String>,
    },
    /// Print the live CIs as a JSON array, in key order
    List {
        file: PathBuf,
        /// Print JSON (the only format; accepted for clarity in scripts)
        #[arg(long)]
        json: bool,
        /// Only this class (slug or defined class key)
        #[arg(long)]
        class: Option<String>,
        /// Only this lifecycle status
        #[arg(long)]
        status: Option<String>,
        /// Only CIs with these words in their name, key, serial number or asset tag
        #[arg(long)]
        text: Option<String>,
        /// Include retired CIs too
        #[arg(long)]
        all: bool,
    },
    /// Print a CI with its relationships both ways, or as it was at a moment (--as-of)
    Show {
        file: PathBuf,
        key: String,
        /// Rebuild the CI and its relationships from the history as they were then
        #[arg(long, value_name = "RFC3339")]
        as_of: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Change the fields given and print the CI as JSON
    Edit {
        file: PathBuf,
        key: String,
        #[command(flatten)]
        fields: CiFlags,
        #[arg(long = "as", value_name = "PERSON-KEY")]
        as_key: Option<String>,
    },
    /// Retire a CI (its history and relationships stay) and print it as JSON
    Retire {
        file: PathBuf,
        key: String,
        #[arg(long = "as", value_name = "PERSON-KEY")]
        as_key: Option<String>,
    },
    /// Relate SOURCE to TARGET (CI or service keys) by TYPE (runs_on, depends_on, hosted_by,
    /// connected_to, uses, part_of, backed_up_by, or a defined type's name or key)
    Relate {
        file: PathBuf,
        source: String,
        #[arg(value_name = "TYPE")]
        relation: String,
        target: String,
        #[arg(long = "as", value_name = "PERSON-KEY")]
        as_key: Option<String>,
    },
    /// Retire a relationship (REL-…)
    Unrelate {
        file: PathBuf,
        key: String,
        #[arg(long = "as", value_name = "PERSON-KEY")]
        as_key: Option<String>,
    },
    /// What a CI's or service's failure reaches (down) or what it relies on (up), each hit
    /// with its depth and path, and the services, customers and SLAs behind them
    Impact {
        file: PathBuf,
        key: String,
        #[arg(long, default_value = "down", value_name = "down|up")]
        direction: String,
        /// At most this many relationships away
        #[arg(long, value_name = "N")]
        depth: Option<u32>,
        #[arg(long)]
        json: bool,
    },
    /// Import CIs (and relationships) from CSV, all or nothing, and print the summary as JSON;
    /// exits 1, writing nothing, when any row has a problem (each listed with line and column)
    Import {
        file: PathBuf,
        #[arg(long, value_name = "CIS.csv")]
        cis: PathBuf,
        #[arg(long, value_name = "REL.csv")]
        relations: Option<PathBuf>,
        /// A saved column mapping (see docs/cmdb.md)
        #[arg(long, value_name = "MAP.json")]
        mapping: Option<PathBuf>,
        /// Check every row and print the summary without writing anything
        #[arg(long)]
        dry_run: bool,
        #[arg(long = "as", value_name = "PERSON-KEY")]
        as_key: Option<String>,
    },
    /// Export the live CIs and relationships: two CSV files the import reads back, or JSON
    #[command(group(ArgGroup::new("format").required(true).args(["csv", "json"])))]
    Export {
        file: PathBuf,
        /// Write DIR/cis.csv and DIR/relations.csv
        #[arg(long, value_name = "DIR")]
        csv: Option<PathBuf>,
        /// Write the records as one JSON document
        #[arg(long, value_name = "OUT")]
        json: Option<PathBuf>,
    },
    /// The data-quality findings as JSON: not verified lately, no owner, orphans, likely
    /// duplicates, relationships to retired CIs, over-used licences
    Quality {
        file: PathBuf,
        /// A CI not verified within this many days is listed
        #[arg(long, default_value_t = 365, value_name = "N")]
        stale_days: u32,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(command: CmdbCommand) -> CliResult {
    match command {
        CmdbCommand::Add { file, fields, as_key } => {
            let (session, actor) = acting(&file, as_key)?;
            let fields = fields.fields(&session, &actor, Default::default())?;
            print_json(&session.ws.ci_create(&actor, session.now, fields).map_err(as_flag)?)
        }
        CmdbCommand::List { file, json: _, class, status, text, all } => {
            let status = status.map(|s| parse_status(&s)).transpose()?;
            let filter = CiFilter { class, status, text, include_retired: all, ..Default::default() };
            let page = open_workspace(&file)?.cis_list(&filter, 0, i64::MAX as usize)?;
            print_json(&page.items)
        }
        CmdbCommand::Show { file, key, as_of: Some(at), json: _ } => {
            let at = Timestamp::parse(&at).map_err(|_| {
                CliError::bad_input(format!("--as-of: “{at}” is not a moment such as 2026-06-30T12:00:00Z"))
            })?;
            print_json(&open_workspace(&file)?.ci_as_of(&key, at)?)
        }
        CmdbCommand::Show { file, key, as_of: None, json: _ } => print_json(&open_workspace(&file)?.ci_get(&key)?),
        CmdbCommand::Edit { file, key, fields, as_key } => {
            if fields == CiFlags::default() {
                return Err(CliError::bad_input("edit: give at least one field of the CI to change (see --help)"));
            }
            let (session, actor) = acting(&file, as_key)?;
            let current = session.ws.ci_get(&key)?.ci;
            let fields = fields.fields(&session, &actor, current.attributes)?;
            print_json(&session.ws.ci_update(&actor, session.now, &current.key, fields, None).map_err(as_flag)?)
        }
        CmdbCommand::Retire { file, key, as_key } => {
            let (session, actor) = acting(&file, as_key)?;
            print_json(&session.ws.ci_retire(&actor, session.now, &key)?)
        }
        CmdbCommand::Relate { file, source, relation, target, as_key } => {
            let (session, actor) = acting(&file, as_key)?;
            print_json(&session.ws.relate(&actor, session.now, &source, &relation, &target)?)
        }
        CmdbCommand::Unrelate { file, key, as_key } => {
            let (session, actor) = acting(&file, as_key)?;
            print_json(&session.ws.relationship_retire(&actor, session.now, &key)?)
        }
        CmdbCommand::Impact { file, key, direction, depth, json: _ } => {
            let direction = Direction::parse(&direction).ok_or_else(|| {
                CliError::bad_input(format!("--direction: “{direction}” is not a direction (down or up)"))
            })?;
            print_json(&open_workspace(&file)?.cmdb_impact(&key, direction, depth)?)
        }
        CmdbCommand::Import { file, cis, relations, mapping, dry_run, as_key } => {
            import(&file, &cis, relations.as_deref(), mapping.as_deref(), dry_run, as_key)
        }
        CmdbCommand::Export { file, csv: Some(dir), .. } => export_csv(&file, &dir),
        CmdbCommand::Export { file, json: Some(out), .. } => {
            let export = open_workspace(&file)?.cmdb_export()?;
            let text = serde_json::to_vec_pretty(&export).map_err(|e| CliError::failed(e.to_string()))?;
            std::fs::write(&out, text).map_err(|e| CliError::bad_input(format!("--json: {}: {e}", out.display())))?;
            print_json(&serde_json::json!({
                "cis": export.cis.len(),
                "relationships": export.relationships.len(),
                "files": [out],
            }))
        }
        CmdbCommand::Export { .. } => Err(CliError::bad_input("export: give --csv DIR or --json OUT")),
        CmdbCommand::Quality { file, stale_days, json: _ } => {
            print_json(&open_workspace(&file)?.cmdb_quality(now(), stale_days)?)
        }
    }
}

/// The workspace a command writes to, whose new head is then signed and witnessed.
pub fn written_file(command: &CmdbCommand) -> Option<PathBuf> {
    match command {
        CmdbCommand::Add { file, .. }
        | CmdbCommand::Edit { file, .. }
        | CmdbCommand::Retire { file, .. }
        | CmdbCommand::Relate { file, .. }
        | CmdbCommand::Unrelate { file, .. }
        | CmdbCommand::Import { file, dry_run: false, .. } => Some(file.clone()),
        _ => None,
    }
}

fn acting(file: &Path, as_key: Option<String>) -> CliResult<(Session, Actor)> {
    let session = Session::open(file)?;
    let actor = session.actor(as_key.as_deref().ok_or_else(actor_required)?)?;
    Ok((session, actor))
}

fn parse_status(text: &str) -> CliResult<CiStatus> {
    CiStatus::parse(text).ok_or_else(|| {
        CliError::bad_input(format!("--status: “{text}” is not a status (one of: {})", CiStatus::choices()))
    })
}

fn read(flag: &str, path: &Path) -> CliResult<Vec<u8>> {
    std::fs::read(path).map_err(|e| CliError::bad_input(format!("{flag}: {}: {e}", path.display())))
}

fn import(
    file: &Path,
    cis: &Path,
    relations: Option<&Path>,
    mapping: Option<&Path>,
    dry_run: bool,
    as_key: Option<String>,
) -> CliResult {
    let cis = read("--cis", cis)?;
    let relations = relations.map(|path| read("--relations", path)).transpose()?;
    let mapping: CsvMapping = match mapping {
        Some(path) => serde_json::from_slice(&read("--mapping", path)?)
            .map_err(|e| CliError::bad_input(format!("--mapping: {}: {e}", path.display())))?,
        None => CsvMapping::default(),
    };
    let (session, actor) = acting(file, as_key)?;
    let summary = session.ws.cmdb_import_csv(&actor, session.now, &cis, relations.as_deref(), &mapping, dry_run)?;
    print_json(&summary)?;
    match summary.problems.len() {
        0 => Ok(()),
        n => Err(CliError::failed(format!(
            "cmdb import: {n} problem{} found, nothing was written (each is listed above with its file, line and column)",
            if n == 1 { "" } else { "s" }
        ))),
    }
}

fn export_csv(file: &Path, dir: &Path) -> CliResult {
    let ws = open_workspace(file)?;
    std::fs::create_dir_all(dir).map_err(|e| CliError::bad_input(format!("--csv: {}: {e}", dir.display())))?;
    let (cis_path, relations_path) = (dir.join("cis.csv"), dir.join("relations.csv"));
    let create = |path: &Path| {
        std::fs::File::create(path)
            .map(std::io::BufWriter::new)
            .map_err(|e| CliError::bad_input(format!("--csv: {}: {e}", path.display())))
    };
    let (mut cis, mut relations) = (create(&cis_path)?, create(&relations_path)?);
    let counts = ws.cmdb_export_csv(&mut cis, &mut relations)?;
    print_json(&serde_json::json!({
        "cis": counts.cis,
        "relationships": counts.relationships,
        "relationships_left_out": counts.relationships_left_out,
        "files": [cis_path, relations_path],
    }))
}
