//! Online backup of an open workspace (SQLite's backup API) and restore from a backup.

use crate::error::{StoreError, StoreResult};
use crate::workspace::Workspace;
use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::time::Duration;

/// Copies a consistent snapshot of `source` to `target` while others keep working.
pub(crate) fn copy_database(source: &Connection, target: &Path) -> StoreResult<()> {
    let mut dest = Connection::open(target)?;
    {
        let backup = Backup::new(source, &mut dest)?;
        // Small steps with pauses let writers in between on a large workspace.
        backup.run_to_completion(1024, Duration::from_millis(1), None)?;
    }
    dest.execute_batch("PRAGMA journal_mode = DELETE")?;
    Ok(())
}

impl Workspace {
    /// Writes a consistent copy of the open workspace to `target` (which must not exist). The
    /// copy is made beside it and checked, then renamed: an interrupted backup leaves no
    /// half-written file under the name a person would restore from.
    pub fn backup_to(&self, target: impl AsRef<Path>) -> StoreResult<()> {
        let target = target.as_ref();
        refuse_existing(target)?;
        let staging = side_file(target, ".partial");
        let made = copy_database(&self.reader(), &staging).and_then(|()| check_pages(&staging));
        match made {
            Ok(()) => Ok(std::fs::rename(&staging, target)?),
            Err(error) => {
                let _ = std::fs::remove_file(&staging);
                Err(error)
            }
        }
    }
}

/// SQLite's `quick_check` of a copy: a damaged backup is refused before it can replace anything.
fn check_pages(path: &Path) -> StoreResult<()> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let verdict: String = conn.query_row("PRAGMA quick_check", [], |row| row.get(0))?;
    if verdict != "ok" {
        return Err(StoreError::NotAWorkspace {
            path: path.to_path_buf(),
            reason: format!("it is damaged ({verdict})"),
        });
    }
    Ok(())
}

/// Writes the target's write-ahead log into the file itself, so removing the log before the
/// rename loses nothing even if the restore is killed in between. A target too damaged to open
/// (often why it is being restored) has nothing to save.
fn checkpoint(target: &Path) {
    if let Ok(conn) = Connection::open(target) {
        let _ = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
    }
}

/// Restores `backup` into `target`. The backup is checked (read-only) and copied to a
/// staging file beside the target, which is opened (and migrated, if the backup is older)
/// before it is renamed over the target: a failure at any step leaves the target as it was.
/// The target must not be open elsewhere.
pub fn restore(backup: impl AsRef<Path>, target: impl AsRef<Path>) -> StoreResult<()> {
    let (backup, target) = (backup.as_ref(), target.as_ref());
    crate::workspace::inspect(backup)?;
    let staging = target.with_extension("restoring");
    if staging.exists() {
        std::fs::remove_file(&staging)?;
    }
    let source = Connection::open_with_flags(backup, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let staged = copy_database(&source, &staging)
        .and_then(|()| check_pages(&staging).map_err(|_| damaged_backup(backup)))
        .and_then(|()| Workspace::open(&staging).map(drop));
    if let Err(error) = staged {
        let _ = std::fs::remove_file(&staging);
        return Err(error);
    }
    if target.exists() {
        checkpoint(target);
    }
    for suffix in ["-wal", "-shm"] {
        for file in [side_file(target, suffix), side_file(&staging, suffix)] {
            if file.exists() {
                std::fs::remove_file(file)?;
            }
        }
    }
    std::fs::rename(&staging, target)?;
    Ok(())
}

fn damaged_backup(backup: &Path) -> StoreError {
    StoreError::NotAWorkspace {
        path: backup.to_path_buf(),
        reason: "it is damaged (SQLite's quick_check found broken pages); the workspace was left as it was".into(),
    }
}

fn side_file(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    name.into()
}

fn refuse_existing(target: &Path) -> StoreResult<()> {
    if target.exists() {
        return Err(StoreError::Io(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            format!("{} already exists", target.display()),
        )));
    }
    Ok(())
}
