//! A file written by an earlier version of the workbench lacks today's tables and columns,
//! and verify reads records through today's mapping. So verify checks a migrated copy, made
//! with SQLite's backup API in the temporary folder: the file itself is never written, as
//! verify promises, and what it holds is checked exactly as the app would read it once opened.

use crate::backup::copy_database;
use crate::error::StoreResult;
use crate::migrations::{latest_version, migrate_to};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// A migrated copy of an older workspace, removed (with its side files) when dropped.
pub(super) struct MigratedCopy {
    pub path: PathBuf,
}

impl MigratedCopy {
    pub(super) fn of(original: &Path) -> StoreResult<MigratedCopy> {
        let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
        let path = std::env::temp_dir().join(format!("smw-verify-{}-{stamp}.smw", std::process::id()));
        let copy = MigratedCopy { path };
        let source = Connection::open_with_flags(original, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        copy_database(&source, &copy.path)?;
        migrate_to(&mut Connection::open(&copy.path)?, latest_version())?;
        Ok(copy)
    }
}

impl Drop for MigratedCopy {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm"] {
            let mut name = self.path.clone().into_os_string();
            name.push(suffix);
            let _ = std::fs::remove_file(name);
        }
    }
}
