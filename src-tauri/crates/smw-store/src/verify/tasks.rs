//! Verify's work cut into tasks that a few threads share. SQLite's integrity check cannot be
//! split and is the longest task, so it goes first and keeps one thread busy; the chain and
//! the records are cut into ranges that the other threads take one at a time, and the thread
//! that finishes the integrity check takes what is left. On two cores both then finish at
//! about the same moment, where fixed threads left one core idle for a third of the run.

use super::chain::walk_range;
use super::records::{Current, Family};
use super::{read_only, ExpectedRecords, Findings};
use crate::error::StoreResult;
use rusqlite::Connection;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// Entries or rows per range: a few hundred milliseconds of work, so the threads finish close
/// together, and many times the cost of starting a range (one indexed query).
pub(super) const RANGE_SIZE: i64 = 500_000;
/// However a table is numbered (an altered file may number rows anywhere), no more ranges.
const MAX_RANGES: i128 = 64;

pub(super) enum Task {
    Integrity,
    /// The audit entries numbered `from..=to`.
    Chain {
        from: i64,
        to: i64,
    },
    /// The rows `from..=to` of a family (an index into the families read).
    Records {
        family: u8,
        from: i64,
        to: i64,
    },
}

pub(super) enum Done {
    Integrity(Vec<String>),
    Chain { entries: i64, findings: Findings },
    Records { current: Vec<Current>, rows: i64, findings: Findings },
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
    for (from, to) in ranges(conn, "audit_log", range_size)? {
        tasks.push(Task::Chain { from, to });
    }
    for (index, family) in families.iter().enumerate() {
        let family_index = u8::try_from(index).expect("fewer than 256 families");
        for (from, to) in ranges(conn, family.table, range_size)? {
            tasks.push(Task::Records { family: family_index, from, to });
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
    let work = |conn: Connection| -> StoreResult<(Vec<(usize, Done)>, Connection)> {
        let mut done = Vec::new();
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(task) = tasks.get(index) else { break };
            done.push((index, perform(path, &conn, task, families, expected)?));
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
) -> StoreResult<Done> {
    let mut findings = Findings::default();
    Ok(match *task {
        Task::Integrity => Done::Integrity(integrity_messages(path)?),
        Task::Chain { from, to } => {
            let entries = walk_range(conn, from, to, expected, &mut findings)?;
            Done::Chain { entries, findings }
        }
        Task::Records { family, from, to } => {
            let mut current = Vec::with_capacity(range_len(from, to));
            let rows = (families[usize::from(family)].read)(conn, family, from, to, &mut current, &mut findings)?;
            Done::Records { current, rows, findings }
        }
    })
}

/// Room for a range's rows or entries, up front: a vector grown by doubling copies itself.
pub(super) fn range_len(from: i64, to: i64) -> usize {
    usize::try_from(i128::from(to) - i128::from(from) + 1).unwrap_or(0).min(RANGE_SIZE as usize)
}

/// What `PRAGMA integrity_check` reports, less its "ok". It reads the file as it is when it
/// starts, through its own connection: it checks the file, not one moment of the records.
fn integrity_messages(path: &Path) -> StoreResult<Vec<String>> {
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
