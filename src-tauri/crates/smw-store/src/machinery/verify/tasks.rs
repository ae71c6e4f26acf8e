//! Verify's work cut into tasks that a few threads share. SQLite's integrity check cannot be
//! split and is the longest task, so it goes first and keeps one thread busy; the chain and
//! the records are cut into ranges that the other threads take one at a time, and the thread
//! that finishes the integrity check takes what is left. On two cores both then finish at
//! about the same moment, where fixed threads left one core idle for a third of the run.
//!
//! A range of records is compared with the chain as soon as it is read, once every range of
//! the chain is walked: the records are never all held at once, and each thread reuses one
//! buffer for its ranges. On this kind of machine fresh memory is dear (the kernel zeroes
//! every page on first touch), and keeping all rows cost a quarter of a gigabyte of it.

use super::chain::{merge, walk_range, Seen};
use super::records::{compare, Family, Row};
use super::{read_only, ExpectedRecords, Findings};
use crate::error::StoreResult;
use rusqlite::Connection;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};

/// Entries or rows per range: a few hundred milliseconds of work, so the threads finish close
/// together, and many times the cost of starting a range (one indexed query).
pub(super) const RANGE_SIZE: i64 = 500_000;
/// However a table is numbered (an altered file may number rows anywhere), no more ranges.
const MAX_RANGES: i128 = 64;

pub(super) enum Task {
    Integrity,
    /// The guards and the derived data: the history's schema, key counters, search index and
    /// SLA clocks (derived.rs), one task, since each part reads what the others do not.
    Derived,
    /// The audit entries numbered `from..=to`.
    Chain {
        from: i64,
        to: i64,
    },
    /// The rows `from..=to` of a family (an index into the families read), compared with the
    /// chain after the record ranges before it (`turn` of them).
    Records {
        family: u8,
        from: i64,
        to: i64,
        turn: usize,
    },
}

pub(super) enum Done {
    Integrity(Vec<String>),
    Derived(Findings),
    Chain { entries: i64, findings: Findings },
    Records { rows: usize, findings: Findings },
}

/// What one thread reuses from range to range.
#[derive(Default)]
struct Scratch {
    seen: Vec<Seen>,
    rows: Vec<Row>,
}

/// When a range of records may be compared with the chain: once every chain range is walked
/// (a record's newest entry may lie in any of them), and in task order, so that the findings,
/// and which of two rows that share an id is the one named, never depend on timing.
struct Turns {
    state: Mutex<TurnState>,
    changed: Condvar,
}

struct TurnState {
    chain_ranges_left: usize,
    record_ranges_compared: usize,
}

impl Turns {
    fn wait_for(&self, turn: usize) {
        let mut state = lock(&self.state);
        while state.chain_ranges_left > 0 || state.record_ranges_compared < turn {
            state = self.changed.wait(state).unwrap_or_else(|poisoned| poisoned.into_inner());
        }
    }

    fn update(&self, change: impl FnOnce(&mut TurnState)) {
        change(&mut lock(&self.state));
        self.changed.notify_all();
    }
}

/// Marks a task done when dropped, so that a task that fails (or panics) still lets the
/// threads waiting for their turn go on; the failure itself ends verify.
struct Finished<'a> {
    turns: &'a Turns,
    chain: bool,
}

impl Drop for Finished<'_> {
    fn drop(&mut self) {
        if self.chain {
            self.turns.update(|state| state.chain_ranges_left -= 1);
        } else {
            self.turns.update(|state| state.record_ranges_compared += 1);
        }
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The tasks, longest first: the integrity check (if asked for), the chain, then the records.
pub(super) fn plan(
    conn: &Connection,
    families: &[Family],
    with_integrity: bool,
    range_size: i64,
) -> StoreResult<Vec<Task>> {
    let mut tasks = Vec::new();
    if with_integrity {
        tasks.push(Task::Integrity);
    }
    // Second longest (it indexes every searchable record again and measures every clock).
    tasks.push(Task::Derived);
    for (from, to) in ranges(conn, "audit_log", range_size)? {
        tasks.push(Task::Chain { from, to });
    }
    let first_records = tasks.len();
    for (index, family) in families.iter().enumerate() {
        let family_index = u8::try_from(index).expect("fewer than 256 families");
        for (from, to) in ranges(conn, family.table, range_size)? {
            let turn = tasks.len() - first_records;
            tasks.push(Task::Records { family: family_index, from, to, turn });
        }
    }
    Ok(tasks)
}

/// Inclusive ranges of about `size` numbers of `seq` that cover every row of `table` (a name
/// from our own schema).
fn ranges(conn: &Connection, table: &str, size: i64) -> StoreResult<Vec<(i64, i64)>> {
    // Two subqueries: SQLite answers a lone min() or max() from the end of the table's
    // b-tree, but `SELECT min(seq), max(seq)` scans every row.
    let sql = format!("SELECT (SELECT min(seq) FROM {table}), (SELECT max(seq) FROM {table})");
    let bounds: (Option<i64>, Option<i64>) = conn.query_row(&sql, [], |row| Ok((row.get(0)?, row.get(1)?)))?;
    let (Some(min), Some(max)) = bounds else { return Ok(Vec::new()) };
    Ok(split(min, max, size))
}

fn split(min: i64, max: i64, size: i64) -> Vec<(i64, i64)> {
    // In i128: an altered file's numbers can span all of i64.
    let span = i128::from(max) - i128::from(min) + 1;
    let size = i128::from(size.max(1));
    let count = ((span + size - 1) / size).clamp(1, MAX_RANGES);
    let step = (span + count - 1) / count;
    let at = |k: i128| i128::from(min) + k * step;
    (0..count)
        .map(|k| (at(k), (at(k + 1) - 1).min(i128::from(max))))
        .take_while(|(from, to)| from <= to)
        .map(|(from, to)| (from as i64, to as i64))
        .collect()
}

/// Runs the tasks on one thread per connection (each a read transaction on the same moment
/// of the file); returns what each task found, in task order, and the connections.
pub(super) fn run(
    path: &Path,
    connections: Vec<Connection>,
    tasks: &[Task],
    families: &[Family],
    expected: &Mutex<ExpectedRecords>,
) -> StoreResult<(Vec<Done>, Vec<Connection>)> {
    let next = AtomicUsize::new(0);
    let chain_ranges = tasks.iter().filter(|task| matches!(task, Task::Chain { .. })).count();
    let turns = Turns {
        state: Mutex::new(TurnState { chain_ranges_left: chain_ranges, record_ranges_compared: 0 }),
        changed: Condvar::new(),
    };
    let work = |conn: Connection| -> StoreResult<(Vec<(usize, Done)>, Connection)> {
        let mut done = Vec::new();
        let mut scratch = Scratch::default();
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(task) = tasks.get(index) else { break };
            done.push((index, perform(path, &conn, task, families, expected, &turns, &mut scratch)?));
        }
        Ok((done, conn))
    };
    let results: Vec<_> = std::thread::scope(|scope| {
        let threads: Vec<_> = connections.into_iter().map(|conn| scope.spawn(|| work(conn))).collect();
        threads.into_iter().map(|thread| thread.join()).collect()
    });
    let mut all = Vec::with_capacity(tasks.len());
    let mut connections = Vec::new();
    for result in results {
        let (done, conn) = result.map_err(|_| std::io::Error::other("a verify thread failed"))??;
        all.extend(done);
        connections.push(conn);
    }
    all.sort_by_key(|(index, _)| *index);
    Ok((all.into_iter().map(|(_, done)| done).collect(), connections))
}

fn perform(
    path: &Path,
    conn: &Connection,
    task: &Task,
    families: &[Family],
    expected: &Mutex<ExpectedRecords>,
    turns: &Turns,
    scratch: &mut Scratch,
) -> StoreResult<Done> {
    let mut findings = Findings::default();
    Ok(match *task {
        Task::Integrity => Done::Integrity(integrity_messages(path)?),
        Task::Derived => {
            super::derived::check(conn, &mut findings)?;
            Done::Derived(findings)
        }
        Task::Chain { from, to } => {
            let _finished = Finished { turns, chain: true };
            let entries = walk_range(conn, from, to, &mut scratch.seen, &mut findings)?;
            // Merged under the lock at once, so ranges walked at once rarely wait.
            merge(&mut lock(expected), scratch.seen.drain(..));
            Done::Chain { entries, findings }
        }
        Task::Records { family, from, to, turn } => {
            let _finished = Finished { turns, chain: false };
            let family = &families[usize::from(family)];
            scratch.rows.clear();
            (family.read)(conn, from, to, &mut scratch.rows)?;
            turns.wait_for(turn);
            compare(conn, family, &scratch.rows, &mut lock(expected), &mut findings)?;
            Done::Records { rows: scratch.rows.len(), findings }
        }
    })
}

/// What `PRAGMA integrity_check` reports, less its "ok". It reads the file as it is when it
/// starts, through its own connection: it checks the file, not one moment of the records.
pub(super) fn integrity_messages(path: &Path) -> StoreResult<Vec<String>> {
    let conn = read_only(path)?;
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let messages: Vec<String> = stmt.query_map([], |row| row.get(0))?.collect::<Result<_, _>>()?;
    Ok(messages.into_iter().filter(|m| m != "ok").collect())
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn ranges_cover_every_number_once() {
        assert_eq!(split(1, 10, 4), vec![(1, 4), (5, 8), (9, 10)]);
        assert_eq!(split(5, 5, 500_000), vec![(5, 5)]);
        assert_eq!(split(1, 1_000_000, 500_000), vec![(1, 500_000), (500_001, 1_000_000)]);
        // However far apart an altered file numbers its rows: a bounded number of ranges,
        // still meeting end to end.
        let wide = split(i64::MIN, i64::MAX, 500_000);
        assert_eq!(wide.len(), 64);
        assert_eq!((wide[0].0, wide[63].1), (i64::MIN, i64::MAX));
        assert!(wide.windows(2).all(|pair| pair[0].1 + 1 == pair[1].0));
    }
}
