//! The head leaves the file: after each write command the CLI signs the chain head as the
//! person who acted and writes it into the witness log in the data folder
//! (`$SMW_DATA_DIR`, else `$XDG_DATA_HOME/sms-workbench`, else `~/.local/share/sms-workbench`);
//! `smw verify` checks the workspace against those heads and any given to it.

use crate::error::{CliError, CliResult};
use crate::workspace_cmds::now;
use smw_store::witness::{self, Witness};
use smw_store::{KeyFolder, Workspace};
use std::path::{Path, PathBuf};

/// Signs and witnesses the head of `file` after a write. The write has committed whatever
/// happens here, so a failure is a warning, not a failed command.
pub fn after_write(file: &Path) {
    if let Err(error) = checkpoint(file) {
        eprintln!("smw: warning: the new head of {} was not signed and witnessed: {error}", file.display());
    }
}

fn checkpoint(file: &Path) -> CliResult {
    let dir = data_dir()?;
    let ws = Workspace::open(file)?;
    let now = now();
    if let Some(actor) = ws.last_actor()? {
        ws.sign_head(&KeyFolder::in_data_dir(&dir), &actor, now)?;
    }
    ws.witness(&dir, now)?;
    Ok(())
}

fn data_dir() -> CliResult<PathBuf> {
    witness::default_data_dir()
        .ok_or_else(|| CliError::failed(format!("no data folder: set {} or HOME", witness::DATA_DIR_VAR)))
}

/// The heads `smw verify FILE` holds the workspace to: every `--witness SEQ:HASH`, the heads of
/// this workspace in every `--witness-file`, and those in the local witness log.
pub fn heads_for(file: &Path, given: &[String], files: &[PathBuf]) -> CliResult<Vec<Witness>> {
    let mut heads = Vec::new();
    for text in given {
        heads.push(witness::parse_head(text).ok_or_else(|| {
            CliError::bad_input(format!(
                "--witness: expected SEQ:HASH (an entry number and its 64-digit hash), got {text:?}"
            ))
        })?);
    }
    let first = if files.is_empty() { None } else { witness::first_entry_hash(file)? };
    for log in files {
        if !log.exists() {
            return Err(CliError::bad_input(format!("--witness-file: {} does not exist", log.display())));
        }
        let all = witness::read_log(log).map_err(|e| CliError::bad_input(format!("--witness-file: {e}")))?;
        let mine = witness::for_workspace(&all, file, first.as_deref());
        // A file that names none of this workspace's heads proves nothing; passing it silently
        // would also pass a history rewritten from its first entry on (whose hash then differs).
        if mine.is_empty() {
            return Err(CliError::bad_input(format!(
                "--witness-file: {} holds no head of {} (by its path or its first entry)",
                log.display(),
                file.display()
            )));
        }
        heads.extend(mine);
    }
    if let Ok(dir) = data_dir() {
        let local = witness::read_log(&dir.join(witness::WITNESS_FILE))?;
        heads.extend(witness::for_workspace(&local, file, None));
    }
    Ok(heads)
}

/// Records the head of a workspace that has just verified.
pub fn after_verify(file: &Path) {
    let recorded = data_dir().and_then(|dir| match witness::current(file, now())? {
        Some(head) => Ok(witness::record(&dir, &head)?),
        None => Ok(()),
    });
    if let Err(error) = recorded {
        eprintln!("smw: warning: the head of {} was not witnessed: {error}", file.display());
    }
}
