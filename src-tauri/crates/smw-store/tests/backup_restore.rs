//! Backups and restores that lose nothing: a damaged backup never replaces a good workspace,
//! an interrupted backup leaves no file that looks whole, and a restore keeps what the
//! workspace's write-ahead log held until the new file is in place.

mod common;
use common::*;
use smw_store::Workspace;
use std::io::{Seek, SeekFrom, Write};

#[test]
fn a_damaged_backup_is_refused_and_the_workspace_is_left_as_it_was() {
    let f = fixture();
    incident(&f, "Before the backup", "");
    let backup = f.dir.path().join("backup.smw");
    f.ws.backup_to(&backup).unwrap();
    assert!(!f.dir.path().join("backup.smw.partial").exists());

    // Scribble over pages past the header, as a failing disk or a bad copy would.
    let length = std::fs::metadata(&backup).unwrap().len();
    let mut file = std::fs::OpenOptions::new().write(true).open(&backup).unwrap();
    for page in (2..length / 4096).step_by(3) {
        file.seek(SeekFrom::Start(page * 4096 + 100)).unwrap();
        file.write_all(&[0xA5; 600]).unwrap();
    }
    drop(file);

    incident(&f, "After the backup", "");
    let before = std::fs::read(&f.path).unwrap();
    let error = smw_store::restore(&backup, &f.path).unwrap_err();
    assert!(error.to_string().contains("damaged"), "{error}");
    assert_eq!(std::fs::read(&f.path).unwrap(), before, "the workspace file was touched");
    assert!(!f.path.with_extension("restoring").exists(), "the staging file was left behind");
}

#[test]
fn a_restore_keeps_the_good_backup_and_replaces_the_workspace() {
    let f = fixture();
    let kept = incident(&f, "Kept by the backup", "");
    let backup = f.dir.path().join("backup.smw");
    f.ws.backup_to(&backup).unwrap();
    incident(&f, "Written after the backup", "");
    let path = f.path.clone();
    drop(f.ws);
    smw_store::restore(&backup, &path).unwrap();
    let restored = Workspace::open(&path).unwrap();
    assert_eq!(restored.ticket_count().unwrap(), 1);
    assert_eq!(restored.ticket_get(&kept.key).unwrap().key, kept.key);
    assert!(smw_store::verify(&path).unwrap().ok);
}
