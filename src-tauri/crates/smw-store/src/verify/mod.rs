//! `smw verify`: is this file what the workbench wrote?
//!
//! Three checks: SQLite's own integrity check; the audit chain (numbering without gaps,
//! each entry linked to the previous hash, each hash matching its content); and every record's
//! current row against the digest in its latest audit entry. An edit made behind the
//! workbench's back, to a record or to its history, breaks one of them and is named.

use crate::error::StoreResult;
use crate::fast_map::FastMap;
use crate::for_each_family;
use crate::stored::{select_sql, Stored};
use crate::workspace::inspect;
use rusqlite::{Connection, OpenFlags, OptionalExtension};
use smw_core::audit::{EntryFields, GENESIS_HASH};
use smw_core::views::{VerifyFinding, VerifyReport};
use std::path::Path;
use uuid::Uuid;

/// Findings past this many are counted, not listed.
const MAX_FINDINGS: usize = 200;

/// What the chain says each record should look like now (the key is looked up only when
/// a finding needs it: keeping millions of keys in memory would double the walk's cost).
struct Expected {
    digest: [u8; 32],
    seq: i64,
}

/// What the chain says of each record, by id.
type ExpectedRecords = FastMap<Uuid, Expected>;

/// A record as its table holds it now, reduced to what the comparison with the chain needs.
struct Current {
    id: Uuid,
    digest: [u8; 32],
    /// Index into the families read, for the table and noun a finding names.
    family: u8,
}

/// A family of records as a finding names it.
struct Family {
    table: &'static str,
    noun: &'static str,
}

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
    check(path, true)
}

/// The audit chain and the records only, without SQLite's integrity check: the benchmark
/// reports this part on its own, since SQLite's check dominates on a large file.
pub fn verify_history(path: &Path) -> StoreResult<VerifyReport> {
    check(path, false)
}

fn check(path: &Path, with_integrity: bool) -> StoreResult<VerifyReport> {
    inspect(path)?;
    // SQLite's integrity check reads the whole file and runs on its own thread meanwhile.
    let integrity_path = path.to_path_buf();
    let integrity =
        std::thread::spawn(move || if with_integrity { integrity_messages(&integrity_path) } else { Ok(Vec::new()) });
    // The chain and the records are read through two connections that see the same moment
    // of the file.
    let (chain_conn, records_conn, newest_seq) = connections_at_one_moment(path)?;
    let walk = move || -> StoreResult<_> {
        let mut findings = Findings::default();
        let (entries, expected) = walk_chain(&chain_conn, newest_seq, &mut findings)?;
        Ok((entries, expected, findings))
    };
    let mut record_findings = Findings::default();
    // SQLite's check cannot be split, so it is the longest single task; it keeps a core to
    // itself. Where that leaves one core, the chain and the records take turns on it: run
    // side by side, they took a third of that core away from SQLite's check and finished
    // later together than one after the other.
    let spare_cores = std::thread::available_parallelism().map_or(1, usize::from) - usize::from(with_integrity);
    let (chain, (families, current, records)) = if spare_cores >= 2 {
        let chain = std::thread::spawn(walk);
        let records = read_records(&records_conn, &mut record_findings)?;
        (chain.join().map_err(|_| std::io::Error::other("the audit chain thread failed"))?, records)
    } else {
        let records = read_records(&records_conn, &mut record_findings)?;
        (walk(), records)
    };
    let (audit_entries, mut expected, mut findings) = chain?;
    findings.append(record_findings);
    compare(&records_conn, &families, &current, &mut expected, &mut findings)?;
    let mut missing: Vec<_> = expected.into_iter().collect();
    missing.sort_by_key(|(_, e)| e.seq);
    for (id, gone) in missing {
        let key: String =
            records_conn.query_row("SELECT record_key FROM audit_log WHERE seq = ?1", [gone.seq], |row| row.get(0))?;
        findings.add(
            "record_missing",
            format!("{key} ({id}) has audit history (latest entry #{}) but its row is gone", gone.seq),
            Some(key),
            Some(gone.seq),
        );
    }
    records_conn.execute_batch("COMMIT")?;
    let messages = integrity.join().map_err(|_| std::io::Error::other("the integrity check thread failed"))??;
    for message in messages {
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

/// Two connections, each in a read transaction, that see the file at the same moment, and
/// the seq of the newest audit entry they both see (0 for an empty log).
///
/// Every write through the store appends an audit entry in its own transaction, so two
/// snapshots with the same newest entry hold the same records. If the workbench wrote between
/// the two reads, both transactions start again.
fn connections_at_one_moment(path: &Path) -> StoreResult<(Connection, Connection, i64)> {
    const NEWEST: &str = "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1";
    let (first, second) = (read_only(path)?, read_only(path)?);
    // Preparing reads the schema; done here, it stays out of the gap between the two reads.
    for conn in [&first, &second] {
        conn.prepare_cached(NEWEST)?;
    }
    let newest = |conn: &Connection| -> StoreResult<Option<(i64, String)>> {
        conn.execute_batch("BEGIN")?;
        let mut stmt = conn.prepare_cached(NEWEST)?;
        Ok(stmt.query_row([], |row| Ok((row.get(0)?, row.get(1)?))).optional()?)
    };
    for _ in 0..ATTEMPTS_AT_ONE_MOMENT {
        let seen = newest(&first)?;
        if seen == newest(&second)? {
            let newest_seq = seen.map_or(0, |(seq, _)| seq);
            return Ok((first, second, newest_seq));
        }
        first.execute_batch("ROLLBACK")?;
        second.execute_batch("ROLLBACK")?;
        // A write landed in between; give the writer a moment before reading again.
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    Err(std::io::Error::other("the workspace kept changing while verify opened it; try again").into())
}

/// Each attempt loses only to a write landing in the microseconds between two reads.
const ATTEMPTS_AT_ONE_MOMENT: usize = 100;

/// What `PRAGMA integrity_check` reports, less its "ok".
fn integrity_messages(path: &Path) -> StoreResult<Vec<String>> {
    let conn = read_only(path)?;
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let messages: Vec<String> = stmt.query_map([], |row| row.get(0))?.collect::<Result<_, _>>()?;
    Ok(messages.into_iter().filter(|m| m != "ok").collect())
}

/// Room reserved up front for expected records: about 1 GB, twice the largest log the
/// benchmark builds.
const PRESIZED_RECORDS_AT_MOST: usize = 10_000_000;

/// `newest_seq` sizes the map of expected records: no log holds more records than entries.
fn walk_chain(conn: &Connection, newest_seq: i64, findings: &mut Findings) -> StoreResult<(i64, ExpectedRecords)> {
    let mut stmt = conn.prepare(
        "SELECT seq, at, actor_id, actor, action, record_kind, record_id, record_key, changes, row_digest, prev_hash, hash
         FROM audit_log ORDER BY seq",
    )?;
    // Sized for the whole log up front: growing a map of millions of records rehashes
    // every record on each doubling. Capped, because in an altered file the newest seq can be
    // any number; past the cap the map simply grows.
    let capacity = usize::try_from(newest_seq).unwrap_or(0).min(PRESIZED_RECORDS_AT_MOST);
    let mut expected = ExpectedRecords::with_capacity_and_hasher(capacity, Default::default());
    let mut rows = stmt.query([])?;
    let mut previous_hash = GENESIS_HASH.to_string();
    let mut next_seq = 1;
    let mut count = 0;
    while let Some(row) = rows.next()? {
        count += 1;
        let seq: i64 = row.get(0)?;
        let text = |i: usize| row.get_ref(i).ok().and_then(|v| v.as_str().ok()).unwrap_or("");
        let fields = EntryFields {
            seq,
            at: text(1),
            actor_id: text(2),
            actor: text(3),
            action: text(4),
            record_kind: text(5),
            record_id: text(6),
            record_key: text(7),
            changes: text(8),
            row_digest: text(9),
            prev_hash: text(10),
        };
        let stored_hash = text(11);
        let key = || fields.record_key.to_string();
        if seq != next_seq {
            findings.add(
                "chain_gap",
                format!("audit entries #{next_seq}…#{} are missing (removed from the log)", seq - 1),
                None,
                Some(next_seq),
            );
        }
        if fields.prev_hash != previous_hash {
            findings.add(
                "chain_broken",
                format!("audit entry #{seq} ({}) does not link to the entry before it", key()),
                Some(key()),
                Some(seq),
            );
        }
        if !fields.hash_matches(stored_hash) {
            findings.add(
                "entry_altered",
                format!("audit entry #{seq} ({}) was altered: its content no longer matches its hash", key()),
                Some(key()),
                Some(seq),
            );
        }
        match (fields.record_id.parse::<Uuid>(), smw_core::audit::decode_hex32(fields.row_digest)) {
            (Ok(id), Some(digest)) => {
                expected.insert(id, Expected { digest, seq });
            }
            _ => findings.add("entry_malformed", format!("audit entry #{seq} is malformed"), Some(key()), Some(seq)),
        }
        previous_hash.clear();
        previous_hash.push_str(stored_hash);
        next_seq = seq + 1;
    }
    Ok((count, expected))
}

/// Reads every record and its digest, family by family, in the order of `for_each_family`;
/// also counts the rows, readable or not.
fn read_records(conn: &Connection, findings: &mut Findings) -> StoreResult<(Vec<Family>, Vec<Current>, i64)> {
    let mut families = Vec::new();
    let mut current = Vec::new();
    let mut rows = 0;
    for_each_family!(R => {
        let family = u8::try_from(families.len()).expect("fewer than 256 families");
        families.push(Family { table: R::TABLE, noun: R::NOUN });
        rows += read_family::<R>(conn, family, &mut current, findings)?;
    });
    Ok((families, current, rows))
}

fn read_family<R: Stored>(
    conn: &Connection,
    family: u8,
    current: &mut Vec<Current>,
    findings: &mut Findings,
) -> StoreResult<i64> {
    let mut stmt = conn.prepare(select_sql::<R>())?;
    let mut rows = stmt.query([])?;
    let mut count = 0;
    while let Some(row) = rows.next()? {
        count += 1;
        match R::from_row(row) {
            Ok(record) => {
                current.push(Current { id: record.id(), digest: smw_core::audit::row_digest_bytes(&record), family })
            }
            Err(error) => {
                let key: String = row.get(1).unwrap_or_default();
                findings.add(
                    "record_unreadable",
                    format!("{} {key} cannot be read: {error}", R::NOUN),
                    Some(key),
                    None,
                );
            }
        }
    }
    Ok(count)
}

/// Matches every record with its latest audit entry; what is left in `expected` has
/// history but no row.
fn compare(
    conn: &Connection,
    families: &[Family],
    current: &[Current],
    expected: &mut ExpectedRecords,
    findings: &mut Findings,
) -> StoreResult<()> {
    for record in current {
        let family = &families[usize::from(record.family)];
        // Keys are looked up only for findings that will be listed: a file rewritten wholesale
        // would otherwise cost a query per record.
        let key = |findings: &Findings| -> StoreResult<String> {
            if findings.full() {
                return Ok(String::new());
            }
            let sql = format!("SELECT key FROM {} WHERE id = ?1", family.table);
            Ok(conn.query_row(&sql, [record.id.to_string()], |row| row.get(0))?)
        };
        match expected.remove(&record.id) {
            None => {
                let key = key(findings)?;
                findings.add(
                    "record_unaudited",
                    format!("{} {key} has no audit history: it was written behind the workbench's back", family.noun),
                    Some(key),
                    None,
                );
            }
            Some(entry) if entry.digest != record.digest => {
                let key = key(findings)?;
                findings.add(
                    "record_altered",
                    format!(
                        "{} {key} differs from its audit history (latest entry #{}): it was edited behind the workbench's back",
                        family.noun, entry.seq
                    ),
                    Some(key),
                    Some(entry.seq),
                );
            }
            Some(_) => {}
        }
    }
    Ok(())
}
