//! Opening a workspace file: refuse what is not ours, migrate what is older (after a
//! backup copy), never touch what is newer.

use crate::changes::ChangeListener;
use crate::error::{StoreError, StoreResult};
use crate::migrations::{latest_version, migrate_to, schema_version};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, RwLock};
use std::time::Duration;

/// `PRAGMA application_id` of every workspace: "SMWB".
pub const APPLICATION_ID: i64 = 0x534D_5742;
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);
/// Bytes per page of a new workspace, four times SQLite's default: an audit entry with its
/// before and after values is about 600 bytes, so a 4 KiB page held only six, and every page
/// costs a header to parse, a slot in the level above and a write call: larger pages make
/// imports and verify faster and the file smaller (measured in docs/performance.md). Files
/// made before keep their page size (changing it means rewriting the file).
const PAGE_SIZE: u32 = 16_384;

/// Writes the current schema into a new file at `path`.
fn build_empty(path: &Path) -> StoreResult<()> {
    let mut conn = Connection::open(path)?;
    // Fixed while the file is still empty: once written, a file keeps its page size.
    conn.execute_batch(&format!("PRAGMA page_size = {PAGE_SIZE}"))?;
    configure(&conn)?;
    conn.execute_batch(&format!("PRAGMA application_id = {APPLICATION_ID}"))?;
    migrate_to(&mut conn, latest_version())?;
    // Closing the only connection folds the write-ahead log into the file and removes it.
    drop(conn);
    Ok(())
}

/// How many read connections a workspace keeps: a long report on one leaves the others for the
/// board and the record views.
const READERS: usize = 3;

/// One open workspace file: one writer connection and a few reader connections, so a read
/// never waits for a write (WAL), a long read does not hold up the others, and writes are
/// serialised in-process.
pub struct Workspace {
    path: PathBuf,
    // Fields drop in order: the read-write connection must close last, because only it can
    // checkpoint the write-ahead log into the file and remove it on the way out.
    readers: Vec<Mutex<Connection>>,
    next_reader: AtomicUsize,
    writer: Mutex<Connection>,
    /// Told of every commit (see changes.rs).
    pub(crate) listener: RwLock<Option<ChangeListener>>,
}

impl Workspace {
    /// Creates a new, empty workspace. Refuses to overwrite an existing file. The file is
    /// built beside `path` and linked into place only when complete, so an interrupted
    /// create leaves nothing that blocks the next one, and of two creates at once one wins
    /// and the other is refused.
    pub fn create(path: impl AsRef<Path>) -> StoreResult<Workspace> {
        let path = path.as_ref();
        let exists = || {
            StoreError::Io(std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                format!("{} already exists", path.display()),
            ))
        };
        if path.exists() {
            return Err(exists());
        }
        let mut staging = path.as_os_str().to_owned();
        staging.push(format!(".creating-{}", std::process::id()));
        let staging = PathBuf::from(staging);
        let built = build_empty(&staging).and_then(|()| match std::fs::hard_link(&staging, path) {
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => Err(exists()),
            other => Ok(other?),
        });
        let _ = std::fs::remove_file(&staging);
        built?;
        Workspace::open(path)
    }

    /// Opens an existing workspace, migrating it (after a backup copy) if it is older.
    pub fn open(path: impl AsRef<Path>) -> StoreResult<Workspace> {
        let path = path.as_ref();
        let found = inspect(path)?;
        if found < latest_version() {
            backup_before_migration(path, found)?;
            let mut conn = Connection::open(path)?;
            configure(&conn)?;
            migrate_to(&mut conn, latest_version())?;
        }
        let writer = Connection::open(path)?;
        configure(&writer)?;
        let readers = (0..READERS)
            .map(|_| {
                let reader = Connection::open_with_flags(
                    path,
                    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?;
                reader.busy_timeout(BUSY_TIMEOUT)?;
                Ok(Mutex::new(reader))
            })
            .collect::<StoreResult<Vec<_>>>()?;
        Ok(Workspace {
            path: path.to_path_buf(),
            readers,
            next_reader: AtomicUsize::new(0),
            writer: Mutex::new(writer),
            listener: RwLock::new(None),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub(crate) fn writer(&self) -> MutexGuard<'_, Connection> {
        self.writer.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// A free read connection, or, when all are busy, the next one in turn to wait for.
    pub(crate) fn reader(&self) -> MutexGuard<'_, Connection> {
        if let Some(free) = self.readers.iter().find_map(|reader| reader.try_lock().ok()) {
            return free;
        }
        let turn = self.next_reader.fetch_add(1, Ordering::Relaxed) % self.readers.len();
        self.readers[turn].lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> StoreResult<i64> {
        Ok(schema_version(&self.reader())?)
    }
}

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")?;
    conn.set_prepared_statement_cache_capacity(64);
    Ok(())
}

/// Checks, without writing anything, that `path` is a workspace this version can open,
/// and returns its schema version.
pub(crate) fn inspect(path: &Path) -> StoreResult<i64> {
    let not_ours = |reason: &str| StoreError::NotAWorkspace { path: path.to_path_buf(), reason: reason.to_string() };
    let mut header = [0u8; 16];
    {
        use std::io::Read;
        let mut file = std::fs::File::open(path).map_err(|error| match error.kind() {
            std::io::ErrorKind::NotFound => StoreError::not_found("workspace file", path.display().to_string()),
            _ => error.into(),
        })?;
        if file.read_exact(&mut header).is_err() || &header != SQLITE_HEADER {
            return Err(not_ours("it is not an SQLite database"));
        }
    }
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(|e| not_ours(&e.to_string()))?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let application_id: i64 =
        conn.query_row("PRAGMA application_id", [], |row| row.get(0)).map_err(|e| not_ours(&e.to_string()))?;
    if application_id != APPLICATION_ID {
        return Err(not_ours("it is an SQLite database of another program"));
    }
    let found = schema_version(&conn).map_err(|e| not_ours(&e.to_string()))?;
    if found > latest_version() {
        return Err(StoreError::NewerVersion { path: path.to_path_buf(), found, known: latest_version() });
    }
    // Reading the schema touches the first pages, which catches a truncated or scrambled file.
    // A full check reads every page (minutes on a large workspace): that is `verify`'s job.
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |row| row.get::<_, i64>(0))
        .map_err(|e| not_ours(&format!("the file is damaged ({e})")))?;
    Ok(found)
}

/// Copies the file aside before a migration, as `NAME.v<old>.bak` (numbered if taken).
fn backup_before_migration(path: &Path, version: i64) -> StoreResult<PathBuf> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let mut target = path.with_extension(format!("v{version}.bak"));
    let mut n = 1;
    while target.exists() {
        n += 1;
        target = path.with_extension(format!("v{version}.{n}.bak"));
    }
    crate::backup::copy_database(&conn, &target)?;
    Ok(target)
}
