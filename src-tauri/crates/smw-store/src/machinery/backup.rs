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

/// Writes the target's write-ahead log into the file itself. A target too damaged to open
/// (often why it is being restored) has nothing to fold in; one whose log cannot be folded
/// whole (another process is reading it) is refused, since its log may hold acknowledged writes.
fn checkpoint(target: &Path) -> StoreResult<()> {
    let Ok(conn) = Connection::open(target) else { return Ok(()) };
    let busy: Option<i64> = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |row| row.get(0)).ok();
    if busy == Some(1) {
        return Err(StoreError::Io(std::io::Error::new(
            std::io::ErrorKind::ResourceBusy,
            format!("{} is open elsewhere; close it there before restoring over it", target.display()),
        )));
    }
    Ok(())
}

/// Restores `backup` into `target`. The backup is checked (read-only) and copied to a
/// staging file beside the target, which is opened (and migrated, if the backup is older)
/// and synced before it is renamed over the target: a failure at any step leaves the target
/// as it was. The target's write-ahead log is folded into it first and moved aside, never
/// deleted, until the new file is in place: killed at any point, no acknowledged write is lost
/// and a log is never replayed onto a file it does not belong to.
/// The target must not be open elsewhere.
pub fn restore(backup: impl AsRef<Path>, target: impl AsRef<Path>) -> StoreResult<()> {
    let (backup, target) = (backup.as_ref(), target.as_ref());
    crate::workspace::inspect(backup)?;
    let staging = side_file(target, &format!(".restoring-{}", std::process::id()));
    remove_with_side_files(&staging);
    let source = Connection::open_with_flags(backup, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let staged = copy_database(&source, &staging)
        .and_then(|()| check_pages(&staging).map_err(|_| damaged_backup(backup)))
        .and_then(|()| Workspace::open(&staging).map(drop))
        .and_then(|()| Ok(std::fs::File::open(&staging)?.sync_all()?));
    if let Err(error) = staged {
        remove_with_side_files(&staging);
        return Err(error);
    }
    if target.exists() {
        if let Err(error) = checkpoint(target) {
            remove_with_side_files(&staging);
            return Err(error);
        }
    }
    let aside: Vec<_> = ["-wal", "-shm"]
        .iter()
        .map(|suffix| (side_file(target, suffix), side_file(target, &format!("{suffix}.before-restore"))))
        .filter(|(file, _)| file.exists())
        .collect();
    for (file, kept) in &aside {
        std::fs::rename(file, kept)?;
    }
    std::fs::rename(&staging, target)?;
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
    }
    for (_, kept) in aside {
        let _ = std::fs::remove_file(kept);
    }
    Ok(())
}

fn remove_with_side_files(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(side_file(path, suffix));
    }
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
