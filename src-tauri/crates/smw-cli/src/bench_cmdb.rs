//! `smw bench cmdb`: the CMDB's speed on a generated estate (smw_store::bench_estate),
//! printed as JSON medians (a benchmark, not a test). The CI file is imported into the new,
//! empty workspace through `cmdb_import_csv`, as a team's would be; the relationship file
//! follows; then impact, neighbourhood and as-of queries are timed.

use crate::error::{CliError, CliResult};
use smw_core::cmdb::Direction;
use smw_core::Timestamp;
use smw_store::bench_estate::{EstateShape, HUB_KEY};
use smw_store::{Actor, CsvMapping, Workspace};
use std::path::Path;
use std::time::Instant;

#[derive(clap::Subcommand)]
pub enum BenchCommand {
    /// The CMDB on a generated estate: CSV import, impact, neighbourhood and as-of figures
    Cmdb {
        /// The new workspace file to build
        file: std::path::PathBuf,
        #[arg(long, default_value_t = 100_000)]
        cis: usize,
        #[arg(long, default_value_t = 300_000)]
        relationships: usize,
        /// End-user devices that depend on one hub CI
        #[arg(long, default_value_t = 40_000)]
        hub_dependents: usize,
    },
}

pub fn run_command(command: BenchCommand) -> CliResult {
    let BenchCommand::Cmdb { file, cis, relationships, hub_dependents } = command;
    if hub_dependents + 1 > cis {
        return Err(CliError::bad_input("--hub-dependents: the estate needs more CIs than the hub has dependents"));
    }
    run(&file, EstateShape { cis, relationships, hub_dependents })
}

/// The graph view's bound: two hops, at most 1,000 nodes.
const HOPS: u32 = 2;
const NODE_CAP: usize = 1_000;

pub fn run(file: &Path, shape: EstateShape) -> CliResult {
    if file.exists() {
        return Err(CliError::bad_input(format!("{} exists; the benchmark builds a new workspace", file.display())));
    }
    let (cis_csv, relations_csv) = (shape.cis_csv(), shape.relations_csv());
    let ws = Workspace::create(file)?;
    let actor = Actor::system("smw bench cmdb");
    let mapping = CsvMapping::default();
    let now = || Timestamp::from(chrono::Utc::now());

    let started = Instant::now();
    let summary = ws.cmdb_import_csv(&actor, now(), cis_csv.as_bytes(), None, &mapping, false)?;
    let import_seconds = started.elapsed().as_secs_f64();
    refuse_problems("CI", &summary.problems)?;
    let started = Instant::now();
    let relations =
        ws.cmdb_import_csv(&actor, now(), b"name,class\n", Some(relations_csv.as_bytes()), &mapping, false)?;
    let relations_seconds = started.elapsed().as_secs_f64();
    refuse_problems("relationship", &relations.problems)?;

    // The first query after a write loads the graph; every later one walks the cached graph.
    let started = Instant::now();
    let hub = ws.cmdb_impact(HUB_KEY, Direction::Down, None)?;
    let graph_load_ms = started.elapsed().as_secs_f64() * 1000.0;
    let typical = shape.typical_keys(101);
    let mut next = cycle(&typical);
    let mut reached = Vec::new();
    let typical_impact = median_ms(101, || {
        let report = ws.cmdb_impact(next(), Direction::Down, None)?;
        reached.push(report.hits.len());
        Ok(())
    })?;
    reached.sort_unstable();
    let mut next = cycle(&typical);
    let typical_upstream = median_ms(101, || ws.cmdb_impact(next(), Direction::Up, None).map(drop))?;
    let hub_impact = median_ms(11, || ws.cmdb_impact(HUB_KEY, Direction::Down, None).map(drop))?;
    let mut next = cycle(&typical);
    let neighbourhood = median_ms(101, || ws.cmdb_neighbourhood(next(), HOPS, NODE_CAP).map(drop))?;
    let hub_neighbourhood = median_ms(11, || ws.cmdb_neighbourhood(HUB_KEY, HOPS, NODE_CAP).map(drop))?;
    let hub_drawn = ws.cmdb_neighbourhood(HUB_KEY, HOPS, NODE_CAP)?;
    let at = now();
    let mut next = cycle(&typical);
    let as_of = median_ms(101, || ws.ci_as_of(next(), at).map(drop))?;
    let hub_as_of = median_ms(3, || ws.ci_as_of(HUB_KEY, at).map(drop))?;
    drop(ws);

    let figures = serde_json::json!({
        "cis": summary.created,
        "relationships": relations.relationships_created,
        "hub_dependents": shape.hub_dependents,
        "file_bytes": std::fs::metadata(file)?.len(),
        "csv_import_cis_per_second": (summary.created as f64 / import_seconds).round(),
        "csv_import_cis_seconds": round3(import_seconds),
        "csv_import_cis_budget_per_second": 50_000,
        "csv_import_relationships_per_second": (relations.relationships_created as f64 / relations_seconds).round(),
        "graph_load_ms": round3(graph_load_ms),
        "typical_impact_down_ms_median": round3(typical_impact),
        "typical_impact_down_hits_median": reached[reached.len() / 2],
        "typical_impact_budget_ms": 5,
        "typical_impact_up_ms_median": round3(typical_upstream),
        "hub_impact_down_ms_median": round3(hub_impact),
        "hub_impact_down_hits": hub.hits.len(),
        "hub_impact_budget_ms": 250,
        "neighbourhood_ms_median": round3(neighbourhood),
        "hub_neighbourhood_ms_median": round3(hub_neighbourhood),
        "hub_neighbourhood_nodes_drawn": hub_drawn.nodes.len(),
        "hub_neighbourhood_nodes_left_out": hub_drawn.nodes_left_out,
        "neighbourhood_budget_ms": 20,
        "as_of_one_ci_ms_median": round3(as_of),
        "as_of_hub_ms_median": round3(hub_as_of),
        "as_of_budget_ms": 20,
    });
    println!("{}", serde_json::to_string_pretty(&figures).expect("json"));
    Ok(())
}

fn refuse_problems(what: &str, problems: &[smw_core::cmdb::views::ImportProblem]) -> CliResult {
    match problems.first() {
        None => Ok(()),
        Some(first) => Err(CliError::failed(format!(
            "the generated {what} file did not import: line {}: {}",
            first.line, first.message
        ))),
    }
}

/// The keys in turn, round and round.
fn cycle<'a>(keys: &'a [String]) -> impl FnMut() -> &'a str {
    let mut n = 0;
    move || {
        n += 1;
        &keys[(n - 1) % keys.len()]
    }
}

fn round3(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}

fn median_ms(runs: usize, mut work: impl FnMut() -> smw_store::StoreResult<()>) -> CliResult<f64> {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        work()?;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    Ok(times[times.len() / 2])
}
