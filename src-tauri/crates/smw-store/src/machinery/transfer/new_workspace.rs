//! Importing into a new file, fast and still all-or-nothing: the import builds a staging file
//! beside the target without a rollback journal (nothing there to protect yet), loads with
//! the secondary indexes dropped, rebuilds them by sorting once at the end (while a second
//! thread builds the search index in a side file), syncs, and only then renames the staging
//! file into place. A failure deletes the staging files; the target path never holds a
//! half-built workspace. The staging files are named for the import (process and a counter),
//! and the finished file is linked into place only if the target is still free: of two
//! imports into the same new path, exactly one wins and the other is told so.

use super::import::SearchBuild;
use crate::error::{StoreError, StoreResult};
use crate::workspace::Workspace;
use rusqlite::Connection;
use smw_core::Timestamp;
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// Creates the workspace `target` (which must not exist) from an export.
pub fn import_new_workspace(
    target: &Path,
    now: Timestamp,
    input: &mut (dyn BufRead + Send),
    progress: &mut dyn FnMut(u64),
) -> StoreResult<u64> {
    if target.exists() {
        return Err(StoreError::Io(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            format!("{} already exists", target.display()),
        )));
    }
    static IMPORTS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let this = format!("{}-{}", std::process::id(), IMPORTS.fetch_add(1, std::sync::atomic::Ordering::Relaxed));
    let staging = beside(target, &format!(".importing-{this}"));
    let search = beside(target, &format!(".importing-search-{this}"));
    let remove_staging = || {
        remove_with_side_files(&staging);
        remove_with_side_files(&search);
    };
    remove_staging();
    let result = build(&staging, &search, now, input, progress).and_then(|records| {
        // A hard link never replaces an existing file, as a rename would.
        match std::fs::hard_link(&staging, target) {
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => {
                Err(StoreError::Io(std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    format!(
                        "{} was created by someone else while this import ran; nothing was written",
                        target.display()
                    ),
                )))
            }
            other => Ok(other.map(|()| records)?),
        }
    });
    remove_staging();
    result
}

fn build(
    staging: &Path,
    search: &Path,
    now: Timestamp,
    input: &mut (dyn BufRead + Send),
    progress: &mut dyn FnMut(u64),
) -> StoreResult<u64> {
    drop(Workspace::create(staging)?);
    let mut conn = Connection::open(staging)?;
    conn.execute_batch("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")?;
    let indexes = drop_secondary_indexes(&conn)?;
    let recreate = |conn: &Connection| -> StoreResult<()> {
        for sql in &indexes {
            conn.execute_batch(sql)?;
        }
        Ok(())
    };
    // SQLite takes file names as UTF-8: beside a path that is not, the index is built in place.
    let build_search = match search.to_str() {
        Some(side) => SearchBuild::Beside(side),
        None => SearchBuild::InPlace,
    };
    let records = super::import::load(&mut conn, input, progress, &recreate, build_search)?;
    // Back to the workspace's normal, durable settings before the file is handed over.
    conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA journal_mode = WAL;")?;
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?;
    drop(conn);
    // SLA clocks are derived data, not exported: derive them from the imported history.
    Workspace::open(staging)?.sla_rebuild_clocks(now)?;
    std::fs::File::open(staging)?.sync_all()?;
    Ok(records)
}

/// Drops the indexes the schema declares (not the ones behind UNIQUE constraints, which
/// the load needs) and returns the statements that recreate them.
fn drop_secondary_indexes(conn: &Connection) -> StoreResult<Vec<String>> {
    let mut stmt = conn.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")?;
    let indexes: Vec<(String, String)> =
        stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?.collect::<Result<_, _>>()?;
    for (name, _) in &indexes {
        // Index names come from our own schema, never from input.
        conn.execute_batch(&format!("DROP INDEX \"{name}\""))?;
    }
    Ok(indexes.into_iter().map(|(_, sql)| sql).collect())
}

/// A file next to `target`, named after it.
fn beside(target: &Path, suffix: &str) -> PathBuf {
    let mut name = target.as_os_str().to_owned();
    name.push(suffix);
    name.into()
}

fn remove_with_side_files(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}
