//! `smw bench-sla`: what the SLA engine costs, printed as JSON (a benchmark, not a test).
//!
//! Two figures: nanoseconds per deadline once a calendar's timeline is precomputed, and the
//! seconds to recompute every open clock after a calendar edit (a new timeline is built and
//! every clock is derived again from its history). Each is the median of several runs over
//! histories generated in memory from a fixed seed, so runs are comparable.

use crate::error::{CliError, CliResult};
use smw_core::sla::{
    ticket_clocks, BusinessCalendar, BusinessTimeline, ClockHistory, PauseSet, StatusChange, TargetChange,
};
use smw_core::workflow::Status;
use smw_core::Timestamp;
use std::hint::black_box;
use std::time::Instant;

const RUNS: usize = 5;
const DUE_CALLS: usize = 1_000_000;
/// 2026-06-01T00:00:00Z: "now" for the clocks; tickets were opened in the 14 days before.
const NOW_MILLIS: i64 = 1_780_272_000_000;
const DAY_MILLIS: i64 = 86_400_000;

const CALENDAR: &str = r#"{"timezone":"Europe/Berlin","week":{"mon":[["08:00","12:00"],["13:00","17:00"]],"tue":[["08:00","12:00"],["13:00","17:00"]],"wed":[["08:00","12:00"],["13:00","17:00"]],"thu":[["08:00","12:00"],["13:00","17:00"]],"fri":[["08:00","12:00"],["13:00","16:00"]],"sat":[],"sun":[]},"holidays":["2026-01-01","2026-04-03","2026-04-06","2026-05-01","2026-05-14","2026-05-25","2026-10-03","2026-12-24","2026-12-25","2026-12-26","2026-12-31","2027-01-01","2027-03-26","2027-03-29","2027-05-01","2027-05-06","2027-05-17"]}"#;

/// The edit: Friday afternoons get an hour longer and one more holiday is added.
fn edited_calendar() -> CliResult<BusinessCalendar> {
    let text = CALENDAR
        .replace(r#"["13:00","16:00"]"#, r#"["13:00","17:00"]"#)
        .replace(r#""2026-05-01","#, r#""2026-05-01","2026-05-04","#);
    Ok(BusinessCalendar::from_json(&text)?)
}

/// splitmix64: a small deterministic generator, so the benchmark needs no extra crate.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, bound: u64) -> i64 {
        (self.next() % bound) as i64
    }
}

pub fn run(clocks: usize) -> CliResult {
    let calendar = BusinessCalendar::from_json(CALENDAR)?;
    let mut random = Random(0x5EED_2026);

    // Deadlines: starts over two years, amounts from 15 minutes to five business days.
    let queries: Vec<(i64, i64)> = (0..DUE_CALLS)
        .map(|_| {
            (
                NOW_MILLIS - 365 * DAY_MILLIS + random.below(2 * 365 * DAY_MILLIS as u64),
                (15 + random.below(5 * 8 * 60)) * 60_000,
            )
        })
        .collect();
    let mut timeline = BusinessTimeline::new(calendar.clone())?;
    let no_pauses = PauseSet::default();
    let precompute_started = Instant::now();
    timeline.cover(NOW_MILLIS - 400 * DAY_MILLIS, NOW_MILLIS + 420 * DAY_MILLIS)?;
    let precompute_ms = precompute_started.elapsed().as_secs_f64() * 1000.0;
    let mut due_ns = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let started = Instant::now();
        let mut checksum = 0i64;
        for &(start, amount) in &queries {
            checksum ^= timeline.due_millis(black_box(start), black_box(amount), &no_pauses)?;
        }
        black_box(checksum);
        due_ns.push(started.elapsed().as_nanos() as f64 / DUE_CALLS as f64);
    }

    let histories: Vec<ClockHistory> = (0..clocks).map(|_| open_history(&mut random)).collect();
    let now = Timestamp::from_millis(NOW_MILLIS).expect("now in range");
    let edited = edited_calendar()?;
    let mut recompute_seconds = Vec::with_capacity(RUNS);
    let mut breached = 0usize;
    for _ in 0..RUNS {
        let started = Instant::now();
        let mut timeline = BusinessTimeline::new(edited.clone())?;
        breached = 0;
        for history in &histories {
            let clocks = ticket_clocks(&mut timeline, history, now).map_err(CliError::from)?;
            breached += usize::from(clocks.resolution.breached);
            black_box(&clocks);
        }
        recompute_seconds.push(started.elapsed().as_secs_f64());
    }

    let report = serde_json::json!({
        "calendar": "Europe/Berlin, Mon-Fri 08:00-12:00 and 13:00-17:00, 17 holidays",
        "runs": RUNS,
        "precompute_ms_two_years": round(precompute_ms, 3),
        "due_calls_per_run": DUE_CALLS,
        "due_ns_median": round(median(&mut due_ns), 1),
        "due_ns_runs": due_ns.iter().map(|v| round(*v, 1)).collect::<Vec<_>>(),
        "due_budget_ns": 1000,
        "open_clocks": clocks,
        "recompute_seconds_median": round(median(&mut recompute_seconds), 3),
        "recompute_seconds_runs": recompute_seconds.iter().map(|v| round(*v, 3)).collect::<Vec<_>>(),
        "recompute_budget_seconds": 2.0,
        "recompute_threads": 1,
        "resolution_clocks_breached": breached,
    });
    println!("{}", serde_json::to_string_pretty(&report).map_err(|e| CliError::failed(e.to_string()))?);
    Ok(())
}

/// A ticket opened in the last 14 days and still open: assigned, worked, sometimes pending
/// for a while or resolved and reopened, sometimes re-prioritised, usually responded to.
fn open_history(random: &mut Random) -> ClockHistory {
    let created = NOW_MILLIS - 1 - random.below(14 * DAY_MILLIS as u64);
    let mut at = created;
    let mut changes = Vec::new();
    let mut step = |random: &mut Random, status: Status, changes: &mut Vec<StatusChange>| {
        at += random.below((NOW_MILLIS - at) as u64 / 4 + 1);
        changes.push(StatusChange { at: Timestamp::from_millis(at).expect("in range"), status });
    };
    step(random, Status::Assigned, &mut changes);
    step(random, Status::InProgress, &mut changes);
    for _ in 0..random.below(3) {
        let pause = if random.below(4) == 0 { Status::Resolved } else { Status::Pending };
        step(random, pause, &mut changes);
        step(random, Status::InProgress, &mut changes);
    }
    if random.below(5) == 0 {
        step(random, Status::Pending, &mut changes);
    }
    let first_response = (random.below(10) < 7).then(|| changes[0].at);
    // (response, resolution) minutes for priorities 1 to 4.
    const TARGETS: [(u32, u32); 4] = [(15, 240), (30, 480), (60, 1440), (240, 4800)];
    let (response_minutes, resolution_minutes) = TARGETS[random.below(4) as usize];
    let mut targets = vec![TargetChange {
        at: Timestamp::from_millis(created).expect("in range"),
        response_minutes,
        resolution_minutes,
    }];
    if random.below(5) == 0 {
        let at = changes[random.below(changes.len() as u64) as usize].at;
        let (response_minutes, resolution_minutes) = TARGETS[random.below(4) as usize];
        targets.push(TargetChange { at, response_minutes, resolution_minutes });
    }
    ClockHistory {
        created: Timestamp::from_millis(created).expect("in range"),
        status_changes: changes,
        targets,
        first_response,
        pausing_statuses: vec![Status::Pending],
        warning_thresholds: vec![75, 100],
    }
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn round(value: f64, digits: i32) -> f64 {
    let scale = 10f64.powi(digits);
    (value * scale).round() / scale
}
