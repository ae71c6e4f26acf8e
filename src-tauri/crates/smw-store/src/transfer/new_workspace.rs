//! Importing into a new file, fast and still all-or-nothing: the import builds a staging file
//! beside the target without a rollback journal (nothing there to protect yet), loads with
//! the secondary indexes dropped, rebuilds them by sorting once at the end, syncs, and only
//! then renames the staging file into place. A failure deletes the staging file; the target
//! path never holds a half-built workspace.

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
    let staging = staging_path(target);
    remove_with_side_files(&staging);
    let result = build(&staging, now, input, progress);
    match result {
        Ok(records) => {
            std::fs::rename(&staging, target)?;
            Ok(records)
        }
        Err(error) => {
            remove_with_side_files(&staging);
            Err(error)
        }
    }
}

fn build(
    staging: &Path,
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
    let records = super::import::load(&mut conn, input, progress, &recreate)?;
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

fn staging_path(target: &Path) -> PathBuf {
    let mut name = target.as_os_str().to_owned();
    name.push(".importing");
    name.into()
}

fn remove_with_side_files(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}
