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
    assert_eq!(files_in(f.dir.path()), ["backup.smw", "test.smw", "test.smw-shm", "test.smw-wal"]);
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

fn files_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

/// A workspace whose log another process is reading cannot have that log folded in: the
/// restore is refused, rather than setting the log aside with writes still only in it, and
/// leaves nothing behind. Once the reader is gone it restores and leaves no side file.
#[test]
fn a_restore_never_sets_aside_a_log_it_could_not_fold_in() {
    let f = fixture();
    incident(&f, "Kept by the backup", "");
    let backup = f.dir.path().join("backup.smw");
    f.ws.backup_to(&backup).unwrap();
    let path = f.path.clone();
    drop(f.ws);
    let writer = Workspace::open(&path).unwrap();
    let actor = smw_store::Actor::system("t");
    let draft = smw_core::ticket::TicketDraft { title: "Only in the log".into(), ..Default::default() };
    let reader = rusqlite::Connection::open(&path).unwrap();
    reader.execute_batch("BEGIN; SELECT count(*) FROM tickets;").unwrap();
    writer.ticket_create(&actor, at("2026-05-05T09:00:00Z"), draft).unwrap();
    let error = smw_store::restore(&backup, &path).unwrap_err();
    assert!(error.to_string().contains("open elsewhere"), "{error}");
    assert!(!files_in(f.dir.path()).iter().any(|name| name.contains("restoring") || name.contains("before-restore")));
    drop(reader);
    assert_eq!(writer.ticket_count().unwrap(), 2, "the write only in the log is still there");
    drop(writer);
    smw_store::restore(&backup, &path).unwrap();
    assert_eq!(Workspace::open(&path).unwrap().ticket_count().unwrap(), 1);
    assert!(!files_in(f.dir.path()).iter().any(|name| name.contains("restoring") || name.contains("before-restore")));
}
