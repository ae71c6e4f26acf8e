//! `smw verify`: is this file what the workbench wrote?
//!
//! Three checks: SQLite's own integrity check; the audit chain (numbering without gaps,
//! each entry linked to the previous hash, each hash matching its content); and every record's
//! current row against the digest in its latest audit entry. An edit made behind the
//! workbench's back, to a record or to its history, breaks one of them and is named.
//!
//! The work is cut into tasks that run on every core (tasks.rs); the findings come out in the
//! same order whatever the number of cores.

mod anchors;
mod chain;
mod clocks;
mod counters;
mod derived;
mod older_file;
mod records;
mod schema;
mod search_index;
mod tasks;

use crate::error::StoreResult;
use crate::fast_map::FastMap;
use crate::workspace::inspect;
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use smw_core::views::{VerifyFinding, VerifyReport};
use std::path::Path;
use std::sync::Mutex;
use tasks::Done;

pub use crate::witness::Witness;

/// The schema version that added signed checkpoints (migration 0007).
const CHECKPOINTS_SINCE: i64 = 7;

/// Findings past this many are counted, not listed.
const MAX_FINDINGS: usize = 200;

/// What the chain says each record should look like now (the key is looked up only when
/// a finding needs it: keeping millions of keys in memory would double the walk's cost).
struct Expected {
    digest: [u8; 32],
    seq: i64,
}

/// What the chain says of each record, by id.
type ExpectedRecords = FastMap<uuid::Uuid, Expected>;

/// Room reserved up front for expected records: about 1 GB, twice the largest log the
/// benchmark builds.
const PRESIZED_RECORDS_AT_MOST: usize = 10_000_000;

#[derive(Default)]
struct Findings {
    list: Vec<VerifyFinding>,
    total: usize,
}

impl Findings {
    fn add(&mut self, code: &str, message: String, record_key: Option<String>, audit_seq: Option<i64>) {
        self.total += 1;
        if !self.full() {
            self.list.push(VerifyFinding { code: code.into(), message, record_key, audit_seq });
        }
    }

    /// Whether further findings are only counted, not listed.
    fn full(&self) -> bool {
        self.list.len() >= MAX_FINDINGS
    }

    /// Takes over the findings of another part of the check, after this part's own.
    fn append(&mut self, other: Findings) {
        let uncounted = other.total - other.list.len();
        for finding in other.list {
            self.add(&finding.code, finding.message, finding.record_key, finding.audit_seq);
        }
        self.total += uncounted;
    }
}

/// Verifies the workspace at `path` without changing it: all three checks.
pub fn verify(path: &Path) -> StoreResult<VerifyReport> {
    check(path, true, tasks::RANGE_SIZE, &[])
}

/// [`verify`], and also that the current chain holds every head in `witnesses` (heads written
/// down outside the file: witness.rs). A head it no longer holds names where history changed.
pub fn verify_with_witnesses(path: &Path, witnesses: &[Witness]) -> StoreResult<VerifyReport> {
    check(path, true, tasks::RANGE_SIZE, witnesses)
}

/// The audit chain and the records only, without SQLite's integrity check: the benchmark
/// reports this part on its own, since SQLite's check dominates on a large file.
pub fn verify_history(path: &Path) -> StoreResult<VerifyReport> {
    check(path, false, tasks::RANGE_SIZE, &[])
}

/// SQLite's `PRAGMA integrity_check` alone, as [`verify`] runs it: its messages, less its
/// "ok". The benchmark times it on its own: it runs as one statement on one core, so its time
/// is the least any verify of the file can take.
pub fn sqlite_integrity_check(path: &Path) -> StoreResult<Vec<String>> {
    inspect(path)?;
    tasks::integrity_messages(path)
}

/// [`verify`] with the work cut into ranges of `range_size` entries or rows, for tests: a
/// small workspace then has many ranges, and the findings must not depend on where they meet.
#[doc(hidden)]
pub fn verify_in_ranges(path: &Path, range_size: i64) -> StoreResult<VerifyReport> {
    check(path, true, range_size, &[])
}

fn check(path: &Path, with_integrity: bool, range_size: i64, witnesses: &[Witness]) -> StoreResult<VerifyReport> {
    let version = inspect(path)?;
    if version < crate::migrations::latest_version() {
        let copy = older_file::MigratedCopy::of(path)?;
        return check(&copy.path, with_integrity, range_size, witnesses);
    }
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let (connections, newest_seq) = connections_at_one_moment(path, threads)?;
    let families = records::families();
    let tasks = tasks::plan(&connections[0], &families, with_integrity, range_size)?;
    // Sized for the whole log up front: growing a map of millions of records rehashes
    // every record on each doubling. Capped, because in an altered file the newest seq can be
    // any number; past the cap the map simply grows.
    let capacity = usize::try_from(newest_seq).unwrap_or(0).min(PRESIZED_RECORDS_AT_MOST);
    let expected = Mutex::new(ExpectedRecords::with_capacity_and_hasher(capacity, Default::default()));
    let (done, connections) = tasks::run(path, connections, &tasks, &families, &expected)?;
    let expected = expected.into_inner().unwrap_or_else(|poisoned| poisoned.into_inner());

    // Tasks are planned chain first, then records in family order: their findings come out so.
    let (mut findings, mut integrity, mut derived) = (Findings::default(), Vec::new(), Findings::default());
    let (mut audit_entries, mut rows) = (0, 0);
    for task in done {
        match task {
            Done::Integrity(messages) => integrity = messages,
            Done::Derived(found) => derived = found,
            Done::Chain { entries, findings: found } => {
                audit_entries += entries;
                findings.append(found);
            }
            Done::Records { rows: count, findings: found } => {
                rows += count;
                findings.append(found);
            }
        }
    }
    // Every row took its record out of `expected`: what is left has history but no row.
    let conn = &connections[0];
    let mut missing: Vec<_> = expected.into_iter().collect();
    missing.sort_by_key(|(_, e)| e.seq);
    for (id, gone) in missing {
        let key: String =
            conn.query_row("SELECT record_key FROM audit_log WHERE seq = ?1", [gone.seq], |row| row.get(0))?;
        findings.add(
            "record_missing",
            format!("{key} ({id}) has audit history (latest entry #{}) but its row is gone", gone.seq),
            Some(key),
            Some(gone.seq),
        );
    }
    // A record edited behind the workbench's back no longer matches its index entry either;
    // it is named once, as the edited record.
    let named: std::collections::HashSet<String> =
        findings.list.iter().filter(|f| f.code.starts_with("record_")).filter_map(|f| f.record_key.clone()).collect();
    let listed = derived.list.len();
    derived
        .list
        .retain(|f| f.code != "search_index_altered" || f.record_key.as_ref().is_none_or(|k| !named.contains(k)));
    derived.total -= listed - derived.list.len();
    findings.append(derived);
    if version >= CHECKPOINTS_SINCE {
        anchors::check_checkpoints(conn, &mut findings)?;
    }
    anchors::check_witnesses(conn, witnesses, &mut findings)?;
    for conn in &connections {
        conn.execute_batch("COMMIT")?;
    }
    for message in integrity {
        findings.add("integrity", format!("SQLite integrity check: {message}"), None, None);
    }
    if findings.total > findings.list.len() {
        let more = findings.total - findings.list.len();
        findings.list.push(VerifyFinding {
            code: "more".into(),
            message: format!("… and {more} more findings"),
            record_key: None,
            audit_seq: None,
        });
    }
    let records = i64::try_from(rows).unwrap_or(i64::MAX);
    Ok(VerifyReport { ok: findings.total == 0, audit_entries, records, findings: findings.list })
}

fn read_only(path: &Path) -> StoreResult<Connection> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    // Verify reads every page of the file, some twice; mapped pages are read in place rather
    // than copied into SQLite's cache first. SQLite's build-time cap on the map (2 GB unless
    // raised) is lifted in .cargo/config.toml, so a large workspace is mapped whole.
    conn.pragma_update(None, "mmap_size", i64::MAX)?;
    Ok(conn)
}

/// `count` connections, each in a read transaction, that see the file at the same moment, and
/// the seq of the newest audit entry they all see (0 for an empty log).
///
/// Every write through the store appends an audit entry in its own transaction, so snapshots
/// with the same newest entry hold the same records. If the workbench wrote between the
/// reads, every transaction starts again.
fn connections_at_one_moment(path: &Path, count: usize) -> StoreResult<(Vec<Connection>, i64)> {
    const NEWEST: &str = "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1";
    let connections = (0..count.max(1)).map(|_| read_only(path)).collect::<StoreResult<Vec<_>>>()?;
    // Preparing reads the schema; done here, it stays out of the gap between the reads.
    for conn in &connections {
        conn.prepare_cached(NEWEST)?;
    }
    let newest = |conn: &Connection| -> StoreResult<Option<(i64, String)>> {
        conn.execute_batch("BEGIN")?;
        let mut stmt = conn.prepare_cached(NEWEST)?;
        Ok(stmt.query_row([], |row| Ok((row.get(0)?, row.get(1)?))).optional()?)
    };
    for _ in 0..ATTEMPTS_AT_ONE_MOMENT {
        let seen = connections.iter().map(newest).collect::<StoreResult<Vec<_>>>()?;
        if seen.windows(2).all(|pair| pair[0] == pair[1]) {
            let newest_seq = seen[0].as_ref().map_or(0, |(seq, _)| *seq);
            return Ok((connections, newest_seq));
        }
        for conn in &connections {
            conn.execute_batch("ROLLBACK")?;
        }
        // A write landed in between; give the writer a moment before reading again.
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    Err(std::io::Error::other("the workspace kept changing while verify opened it; try again").into())
}

/// Each attempt loses only to a write landing in the microseconds between the reads.
const ATTEMPTS_AT_ONE_MOMENT: usize = 100;
