//! `smw bench-changes`: what collision detection costs, printed as JSON (a benchmark, not a
//! test). An estate of CIs (hosts on storage, virtual machines on hosts, databases and
//! applications on the machines, applications using databases) and a quarter of booked
//! changes are generated in memory from a fixed seed, with weekly maintenance windows per
//! service, a blackout and customers' SLAs on business-hours calendars, so every kind of
//! check runs. Figures: the median time to check one change against the whole calendar, and
//! the median time of the whole-calendar report.

use crate::error::CliResult;
use crate::workspace_cmds::print_json;
use smw_core::change_management::collision::{Booked, Exposure, Landscape, Reach, ScheduleIndex, WindowSpans};
use smw_core::change_management::WindowKind;
use smw_core::cmdb::impact::Edge;
use smw_core::cmdb::{ImpactFlow, ImpactGraph};
use smw_core::sla::BusinessCalendar;
use std::hint::black_box;
use std::time::Instant;
use uuid::Uuid;

const SINGLE_CHECKS: usize = 201;
const CALENDAR_RUNS: usize = 5;
/// 2026-06-01T00:00:00Z, the start of the generated quarter.
const START: i64 = 1_780_272_000_000;
const HOUR: i64 = 3_600_000;
const SERVICES: usize = 200;

struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Layers of the estate as shares of `cis`: storage, hosts, machines, databases, applications.
fn estate(cis: usize, random: &mut Random) -> ImpactGraph {
    let storage = cis / 50;
    let hosts = cis / 50;
    let machines = cis / 10;
    let databases = cis / 5;
    let first_host = storage;
    let first_machine = first_host + hosts;
    let first_database = first_machine + machines;
    let first_app = first_database + databases;
    let mut edges = Vec::with_capacity(cis * 2);
    // "runs on" and "uses": the failure of the target reaches the source.
    let mut on = |source: usize, target: usize| {
        edges.push(Edge { source: source as u32, target: target as u32, flow: ImpactFlow::TowardSource })
    };
    for host in first_host..first_machine {
        on(host, random.below(storage));
    }
    for machine in first_machine..first_database {
        on(machine, first_host + random.below(hosts));
    }
    for db in first_database..first_app {
        on(db, first_machine + random.below(machines));
    }
    for app in first_app..cis {
        on(app, first_machine + random.below(machines));
        on(app, first_database + random.below(databases));
    }
    ImpactGraph::build(cis, &edges)
}

fn schedule(changes: usize, cis: usize, random: &mut Random) -> Vec<Booked> {
    let quarter = 91 * 24 * HOUR;
    (0..changes)
        .map(|i| {
            let start = START + (random.below((quarter / (15 * 60_000)) as usize) as i64) * 15 * 60_000;
            let length = (1 + random.below(8) as i64) * 30 * 60_000;
            let nodes = (0..1 + random.below(3)).map(|_| random.below(cis) as u32).collect();
            let service = Uuid::from_u128(random.below(SERVICES) as u128 + 1);
            Booked {
                id: Uuid::from_u128(1_000_000 + i as u128),
                key: format!("CHG-{:06}", i + 1),
                start,
                end: start + length,
                nodes,
                service_ids: vec![service],
            }
        })
        .collect()
}

/// A weekly four-hour maintenance window per group of ten services, and a one-week blackout.
fn windows() -> Vec<WindowSpans> {
    let week = 7 * 24 * HOUR;
    let mut found: Vec<WindowSpans> = (0..SERVICES / 10)
        .map(|group| WindowSpans {
            key: format!("WIN-{:06}", group + 1),
            name: format!("Maintenance {group}"),
            kind: WindowKind::Maintenance,
            service_ids: (1..=10).map(|s| Uuid::from_u128((group * 10 + s) as u128)).collect(),
            spans: (0..14)
                .map(|w| START + w * week + (group as i64 % 7) * 24 * HOUR + HOUR)
                .map(|s| (s, s + 4 * HOUR))
                .collect(),
        })
        .collect();
    found.push(WindowSpans {
        key: "WIN-000100".into(),
        name: "Quarter end".into(),
        kind: WindowKind::Blackout,
        service_ids: vec![],
        spans: vec![(START + 84 * 24 * HOUR, START + 91 * 24 * HOUR)],
    });
    found
}

fn exposures() -> CliResult<Vec<Exposure>> {
    let calendar = BusinessCalendar::from_json(
        r#"{"timezone":"Europe/London","week":{"mon":[["08:00","18:00"]],"tue":[["08:00","18:00"]],"wed":[["08:00","18:00"]],"thu":[["08:00","18:00"]],"fri":[["08:00","18:00"]]}}"#,
    )?;
    Ok((0..50)
        .map(|i| Exposure {
            customer_key: format!("CUS-{:06}", i + 1),
            customer_name: format!("Customer {i}"),
            sla_key: format!("SLA-{:06}", i + 1),
            service_id: Uuid::from_u128(i as u128 * 4 + 1),
            calendar: calendar.clone(),
        })
        .collect())
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

pub fn run(changes: usize, cis: usize, file: Option<&std::path::Path>) -> CliResult {
    let mut random = Random(20_260_601);
    let cis = cis.max(100);
    let started = Instant::now();
    let graph = estate(cis, &mut random);
    let booked = schedule(changes.max(1), cis, &mut random);
    let index = ScheduleIndex::new(booked.clone());
    let windows = windows();
    let exposures = exposures()?;
    let keys: Vec<String> = (0..cis).map(|n| format!("CI-{:06}", n + 1)).collect();
    let setup_seconds = started.elapsed().as_secs_f64();
    let land =
        Landscape { graph: &graph, node_keys: &keys, schedule: &index, windows: &windows, exposures: &exposures };

    let mut single_ms = Vec::with_capacity(SINGLE_CHECKS);
    let mut conflicts_per_change = Vec::with_capacity(SINGLE_CHECKS);
    for _ in 0..SINGLE_CHECKS {
        let change = &booked[random.below(booked.len())];
        let started = Instant::now();
        // A fresh Reach each time: what one check from the store costs.
        let found = land.conflicts_of(black_box(change), &mut Reach::new(cis));
        single_ms.push(started.elapsed().as_secs_f64() * 1000.0);
        conflicts_per_change.push(found.len() as f64);
    }
    let mut calendar_ms = Vec::with_capacity(CALENDAR_RUNS);
    let mut total = 0;
    for _ in 0..CALENDAR_RUNS {
        let started = Instant::now();
        total = black_box(land.calendar()).len();
        calendar_ms.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    let round = |value: f64, places: i32| (value * 10f64.powi(places)).round() / 10f64.powi(places);
    let store = match file {
        Some(file) => store_figures(file, cis, changes)?,
        None => serde_json::Value::Null,
    };
    print_json(&serde_json::json!({
        "store": store,
        "cis": cis,
        "booked_changes": booked.len(),
        "setup_seconds": round(setup_seconds, 3),
        "single_check_ms_median": round(median(&mut single_ms), 3),
        "single_check_ms_max": round(single_ms.iter().copied().fold(0.0, f64::max), 3),
        "single_check_conflicts_median": median(&mut conflicts_per_change),
        "calendar_report_ms_median": round(median(&mut calendar_ms), 1),
        "calendar_conflicts": total,
        "single_check_target_ms": 20,
        "calendar_report_target_ms": 2000,
    }))
}

/// The same checks through the store on a workspace built with the estate and the changes:
/// what the app waits for, reading the changes, windows and SLAs of the range each time and
/// the CMDB graph from its cache (the first call builds it; that figure is given apart).
fn store_figures(file: &std::path::Path, cis: usize, changes: usize) -> CliResult<serde_json::Value> {
    if file.exists() {
        return Err(crate::error::CliError::bad_input(format!("{}: give a new file to build", file.display())));
    }
    let ws = smw_store::Workspace::create(file)?;
    let start = smw_core::Timestamp::from_millis(START).expect("in range");
    let started = Instant::now();
    let keys = smw_store::bench_changes::build(&ws, start, cis, changes, &mut |_| {})?;
    let build_seconds = started.elapsed().as_secs_f64();
    let mut random = Random(7);
    let started = Instant::now();
    black_box(ws.change_conflicts(&keys[0])?);
    let first_ms = started.elapsed().as_secs_f64() * 1000.0;
    let mut single_ms = Vec::new();
    for _ in 0..51 {
        let key = &keys[random.below(keys.len())];
        let started = Instant::now();
        black_box(ws.change_conflicts(key)?);
        single_ms.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    let to = smw_core::Timestamp::from_millis(START + 92 * 24 * HOUR).expect("in range");
    let mut calendar_ms = Vec::new();
    let mut conflicts = 0;
    for _ in 0..3 {
        let started = Instant::now();
        conflicts = black_box(ws.change_collisions(start, to)?).conflicts.len();
        calendar_ms.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    let round = |value: f64| (value * 10.0).round() / 10.0;
    Ok(serde_json::json!({
        "build_seconds": round(build_seconds),
        "first_check_ms_with_graph_load": round(first_ms),
        "single_check_ms_median": round(median(&mut single_ms)),
        "calendar_report_ms_median": round(median(&mut calendar_ms)),
        "calendar_conflicts": conflicts,
    }))
}
