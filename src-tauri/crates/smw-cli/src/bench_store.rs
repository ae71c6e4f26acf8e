//! `smw bench`: builds a workspace at a given scale and prints the store's figures as JSON.
//! Figures are medians of repeated runs, because the reference machine is noisy.

use crate::error::{CliError, CliResult};
use crate::progress::Progress;
use smw_core::views::TicketFilter;
use smw_core::workflow::Status;
use smw_core::Timestamp;
use smw_store::bench::{COMMON_WORD, RARE_WORD};
use smw_store::Workspace;
use std::path::Path;
use std::time::Instant;

pub fn run(file: &Path, tickets: usize, comments_each: usize) -> CliResult {
    if file.exists() {
        return Err(CliError::bad_input(format!("{} exists; the benchmark builds a new workspace", file.display())));
    }
    let ws = Workspace::create(file)?;
    let progress = Progress::new(Some(tickets as u64), "tickets");
    let started = Instant::now();
    let records =
        smw_store::bench::build(&ws, Timestamp::from(chrono::Utc::now()), tickets, comments_each, &mut |n| {
            progress.set(n as u64)
        })?;
    let build_seconds = started.elapsed().as_secs_f64();
    progress.done();

    let board = median_ms(15, || ws.board(&TicketFilter::default(), 50).map(drop))?;
    let group = ws.directory()?.groups[0].id;
    let board_filtered =
        median_ms(15, || ws.board(&TicketFilter { group_id: Some(group), ..Default::default() }, 50).map(drop))?;
    // Every benchmark ticket is new, so this list pages through all of them.
    let list_by_status = median_ms(15, || {
        ws.tickets_list(&TicketFilter { status: Some(Status::New), ..Default::default() }, 0, 50).map(drop)
    })?;
    let list_by_group = median_ms(15, || {
        ws.tickets_list(&TicketFilter { group_id: Some(group), ..Default::default() }, 0, 50).map(drop)
    })?;
    let board_by_text = median_ms(15, || {
        ws.board(&TicketFilter { text: Some(COMMON_WORD.into()), ..Default::default() }, 50).map(drop)
    })?;
    let now = Timestamp::from(chrono::Utc::now());
    let sla_report = median_ms(5, || ws.sla_report(now, None, None).map(drop))?;
    let mut n = 0usize;
    let fetch = median_ms(2_001, || {
        n = (n * 7919 + 13) % tickets.max(1);
        ws.ticket_get(&format!("INC-{:06}", n + 1)).map(drop)
    })?;
    let search_rare = median_ms(15, || ws.search(RARE_WORD, 20).map(drop))?;
    let search_common = median_ms(15, || ws.search(COMMON_WORD, 20).map(drop))?;
    let rare_hits = ws.search(RARE_WORD, 20)?.len();
    drop(ws);

    let started = Instant::now();
    smw_store::verify_history(file)?;
    let history_seconds = started.elapsed().as_secs_f64();
    let started = Instant::now();
    smw_store::sqlite_integrity_check(file)?;
    let sqlite_check_seconds = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let report = smw_store::verify(file)?;
    let verify_seconds = started.elapsed().as_secs_f64();
    if !report.ok {
        return Err(CliError::failed(format!("the benchmark workspace did not verify: {:?}", report.findings.first())));
    }

    // Bulk import: the whole workspace exported and imported into a new file.
    let export_path = file.with_extension("bench-export.jsonl");
    let import_path = file.with_extension("bench-import.smw");
    for stale in [&export_path, &import_path] {
        let _ = std::fs::remove_file(stale);
    }
    let started = Instant::now();
    {
        let mut out = std::io::BufWriter::new(std::fs::File::create(&export_path)?);
        Workspace::open(file)?.export_jsonl(Timestamp::from(chrono::Utc::now()), &mut out, &mut |_| {})?;
    }
    let export_seconds = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let mut input = std::io::BufReader::with_capacity(1 << 20, std::fs::File::open(&export_path)?);
    let imported = smw_store::transfer::import_new_workspace(
        &import_path,
        Timestamp::from(chrono::Utc::now()),
        &mut input,
        &mut |_| {},
    )?;
    let import_seconds = started.elapsed().as_secs_f64();
    // An import fills the search index in one pass, which leaves its segments laid out
    // differently from a workspace written record by record: search is timed there too.
    let copy = Workspace::open(&import_path)?;
    let imported_search_rare = median_ms(15, || copy.search(RARE_WORD, 20).map(drop))?;
    let imported_search_common = median_ms(15, || copy.search(COMMON_WORD, 20).map(drop))?;
    drop(copy);
    let _ = std::fs::remove_file(&export_path);
    let _ = std::fs::remove_file(&import_path);
    let figures = serde_json::json!({
        "tickets": tickets,
        "comments_per_ticket": comments_each,
        "records_written": records,
        "audit_entries": report.audit_entries,
        "file_bytes": std::fs::metadata(file)?.len(),
        "import_records_per_second": (imported as f64 / import_seconds).round(),
        "import_seconds": round3(import_seconds),
        "export_seconds": round3(export_seconds),
        "audited_write_records_per_second": (records as f64 / build_seconds).round(),
        "audited_write_seconds": round3(build_seconds),
        "board_page_ms_median": round3(board),
        "board_page_group_filter_ms_median": round3(board_filtered),
        "board_page_common_word_filter_ms_median": round3(board_by_text),
        "sla_report_ms_median": round3(sla_report),
        "list_page_status_filter_ms_median": round3(list_by_status),
        "list_page_group_filter_ms_median": round3(list_by_group),
        "fetch_by_key_ms_median": round3(fetch),
        "search_rare_term_ms_median": round3(search_rare),
        "search_rare_term_hits": rare_hits,
        "search_common_term_ms_median": round3(search_common),
        "imported_search_rare_term_ms_median": round3(imported_search_rare),
        "imported_search_common_term_ms_median": round3(imported_search_common),
        "verify_seconds": round3(verify_seconds),
        "verify_chain_and_records_seconds": round3(history_seconds),
        "verify_sqlite_integrity_check_seconds": round3(sqlite_check_seconds),
    });
    println!("{}", serde_json::to_string_pretty(&figures).expect("json"));
    Ok(())
}

fn round3(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}

/// Runs `work` `runs` times and returns the median wall time in milliseconds.
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
