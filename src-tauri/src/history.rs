//! The shell's part in keeping history honest (docs/audit-chain.md): a workspace's head is
//! witnessed when it opens, and signed as the person acting and witnessed when it closes, in
//! the same data folder the CLI uses, so `smw verify` holds the file to what the app saw.

use smw_core::directory::Person;
use smw_store::witness::default_data_dir;
use smw_store::{Actor, KeyFolder, Workspace};
use std::path::{Path, PathBuf};

/// Where the witness log and the signing keys live: the CLI's folder (`SMW_DATA_DIR`, XDG),
/// else `sms-workbench` in the operating system's data folder.
pub fn data_dir(os_data_dir: Option<PathBuf>) -> Option<PathBuf> {
    default_data_dir().or_else(|| os_data_dir.map(|dir| dir.join("sms-workbench")))
}

fn now() -> smw_core::Timestamp {
    smw_core::Timestamp::from(chrono::Utc::now())
}

pub fn opened(data_dir: &Path, workspace: &Workspace) {
    if let Err(error) = workspace.witness(data_dir, now()) {
        eprintln!("sms-workbench: the head of {} was not witnessed: {error}", workspace.path().display());
    }
}

pub fn closing(data_dir: &Path, workspace: &Workspace, acting: Option<&Person>) {
    let now = now();
    if let Some(person) = acting {
        let actor = Actor { id: Some(person.id), name: person.name.clone() };
        if let Err(error) = workspace.sign_head(&KeyFolder::in_data_dir(data_dir), &actor, now) {
            eprintln!("sms-workbench: the head of {} was not signed: {error}", workspace.path().display());
        }
    }
    if let Err(error) = workspace.witness(data_dir, now) {
        eprintln!("sms-workbench: the head of {} was not witnessed: {error}", workspace.path().display());
    }
}
