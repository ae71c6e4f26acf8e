//! The witness log: the chain heads this machine has seen, kept outside the workspace file.
//!
//! Anyone who can write the file can rewrite its history and recompute every hash; they cannot
//! also reach every place the head was written down. So the app and the CLI append the head to
//! a JSON Lines file in the person's data folder at each checkpoint (opening, closing, every
//! CLI write, every verify that passes), and verify proves the current chain still holds every
//! head witnessed for this workspace. One line per head:
//!
//! `{"workspace":"/abs/path.smw","first":"<hash of entry 1>","seq":42,"hash":"…","at":"2026-05-04T09:00:00.000Z"}`

use crate::audit::{self, ChainHead};
use crate::error::StoreResult;
use crate::workspace::Workspace;
use serde::{Deserialize, Serialize};
use smw_core::Timestamp;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

/// The file name of the witness log in the data folder.
pub const WITNESS_FILE: &str = "witness.jsonl";
/// Overrides the data folder (tests, portable installs).
pub const DATA_DIR_VAR: &str = "SMW_DATA_DIR";

/// One witnessed head.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Witness {
    /// The workspace file, as an absolute path, when it was witnessed.
    pub workspace: String,
    /// The hash of the workspace's first audit entry: names the history, wherever the file is.
    pub first: String,
    pub seq: i64,
    pub hash: String,
    /// When it was witnessed; None for a head given by hand (`--witness SEQ:HASH`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Timestamp>,
}

/// The folder the CLI keeps its witness log and signing keys in: `$SMW_DATA_DIR`, else
/// `$XDG_DATA_HOME/sms-workbench`, else `~/.local/share/sms-workbench`. (The app passes the
/// folder Tauri gives it instead.)
pub fn default_data_dir() -> Option<PathBuf> {
    let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    if let Some(dir) = var(DATA_DIR_VAR) {
        return Some(dir);
    }
    let base = var("XDG_DATA_HOME").or_else(|| var("HOME").map(|home| home.join(".local").join("share")))?;
    Some(base.join("sms-workbench"))
}

/// `path` made absolute, so the same file is named the same way from any working folder.
pub fn workspace_name(path: &Path) -> String {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()).display().to_string()
}

impl Workspace {
    /// Appends the current head to the witness log in `data_dir` (created if need be) and
    /// returns it. An empty history is not witnessed: there is nothing to hold it to.
    pub fn witness(&self, data_dir: &Path, now: Timestamp) -> StoreResult<Option<Witness>> {
        let witness = head_witness(&self.reader(), self.path(), now)?;
        if let Some(witness) = &witness {
            record(data_dir, witness)?;
        }
        Ok(witness)
    }

    /// The newest entry's number and hash.
    pub fn head(&self) -> StoreResult<ChainHead> {
        audit::head(&self.reader())
    }
}

/// The head of the workspace file at `path` as a witness, read without opening the workspace
/// (which would migrate an older file): what `smw verify` records once a file has passed.
pub fn current(path: &Path, now: Timestamp) -> StoreResult<Option<Witness>> {
    crate::workspace::inspect(path)?;
    let conn = rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    head_witness(&conn, path, now)
}

fn head_witness(conn: &rusqlite::Connection, path: &Path, now: Timestamp) -> StoreResult<Option<Witness>> {
    let head = audit::head(conn)?;
    let Some(first) = first_hash(conn)? else { return Ok(None) };
    Ok(Some(Witness { workspace: workspace_name(path), first, seq: head.seq, hash: head.hash, at: Some(now) }))
}

/// Appends `witness` to the witness log in `data_dir`.
pub fn record(data_dir: &Path, witness: &Witness) -> StoreResult<()> {
    append(&data_dir.join(WITNESS_FILE), witness)
}

/// The witnesses in `log` that are about the workspace at `path`: by its path, and, when
/// `first` (the hash of its first entry) is given, by its history wherever it was.
pub fn for_workspace(log: &[Witness], path: &Path, first: Option<&str>) -> Vec<Witness> {
    let name = workspace_name(path);
    log.iter().filter(|w| w.workspace == name || first.is_some_and(|first| w.first == first)).cloned().collect()
}

/// The hash of the first entry of the workspace file at `path`, if it has one.
pub fn first_entry_hash(path: &Path) -> StoreResult<Option<String>> {
    crate::workspace::inspect(path)?;
    let conn = rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    first_hash(&conn)
}

fn first_hash(conn: &rusqlite::Connection) -> StoreResult<Option<String>> {
    use rusqlite::OptionalExtension;
    Ok(conn.query_row("SELECT hash FROM audit_log WHERE seq = 1", [], |row| row.get(0)).optional()?)
}

fn append(log: &Path, witness: &Witness) -> StoreResult<()> {
    if let Some(dir) = log.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut line = serde_json::to_string(witness).map_err(std::io::Error::other)?;
    line.push('\n');
    // One write of a whole line in append mode: two processes witnessing at once interleave
    // lines, never parts of lines.
    let mut file = std::fs::OpenOptions::new().create(true).append(true).open(log)?;
    file.write_all(line.as_bytes())?;
    file.sync_data()?;
    Ok(())
}

/// Every witness in the log at `log`; a missing log holds none. A line that cannot be read is
/// an error naming it: a damaged witness log must not pass for an empty one.
pub fn read_log(log: &Path) -> StoreResult<Vec<Witness>> {
    let file = match std::fs::File::open(log) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        other => other?,
    };
    let mut witnesses = Vec::new();
    for (number, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let witness = serde_json::from_str(&line).map_err(|error| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("{} line {}: not a witness ({error})", log.display(), number + 1),
            )
        })?;
        witnesses.push(witness);
    }
    Ok(witnesses)
}

/// Parses a head given by hand as `SEQ:HASH`.
pub fn parse_head(text: &str) -> Option<Witness> {
    let (seq, hash) = text.split_once(':')?;
    let seq: i64 = seq.trim().parse().ok().filter(|seq| *seq > 0)?;
    let hash = hash.trim().to_ascii_lowercase();
    smw_core::audit::decode_hex32(&hash)?;
    Some(Witness { workspace: String::new(), first: String::new(), seq, hash, at: None })
}
