//! Opening files: what is not a workspace, what is newer, what is older; backup and restore.

mod common;
use common::*;
use smw_core::Code;
use smw_store::migrations::latest_version;
use smw_store::{StoreError, Workspace};

#[test]
fn a_text_file_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.smw");
    std::fs::write(&path, "just some notes\n").unwrap();
    let err = Workspace::open(&path).err().unwrap();
    assert_eq!(err.code(), Code::NotAWorkspace);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "just some notes\n");
}

#[test]
fn another_programs_database_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    rusqlite::Connection::open(&path).unwrap().execute_batch("CREATE TABLE t (x)").unwrap();
    assert_eq!(Workspace::open(&path).err().unwrap().code(), Code::NotAWorkspace);
}

#[test]
fn a_file_from_a_newer_version_is_refused_untouched() {
    let f = fixture();
    let path = f.path.clone();
    drop(f.ws);
    rusqlite::Connection::open(&path).unwrap().execute_batch("PRAGMA user_version = 999").unwrap();
    let before = std::fs::read(&path).unwrap();
    let err = Workspace::open(&path).err().unwrap();
    assert!(matches!(err, StoreError::NewerVersion { found: 999, .. }), "{err}");
    assert!(err.to_string().contains("newer"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn an_older_file_is_backed_up_then_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.smw");
    let older = latest_version() - 1;
    drop(file_at_version(&path, older));
    let ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.schema_version().unwrap(), latest_version());
    let backup = path.with_extension(format!("v{older}.bak"));
    assert!(backup.exists(), "no backup at {}", backup.display());
    let conn = rusqlite::Connection::open(&backup).unwrap();
    let kept: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(kept, older);
}

#[test]
fn backup_and_restore_round_trip() {
    let f = fixture();
    let t = incident(&f, "Mail down", "");
    let copy = f.dir.path().join("copy.smw");
    f.ws.backup_to(&copy).unwrap();
    incident(&f, "Written after the backup", "");
    let path = f.path.clone();
    drop(f.ws);
    smw_store::restore(&copy, &path).unwrap();
    let ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.ticket_count().unwrap(), 1);
    assert_eq!(ws.ticket_get(&t.key).unwrap(), t);
    assert!(smw_store::verify(&path).unwrap().ok);
}

#[test]
fn restoring_a_non_workspace_leaves_the_target_as_it_was() {
    let f = fixture();
    incident(&f, "Mail down", "");
    let junk = f.dir.path().join("junk.smw");
    std::fs::write(&junk, "not a database").unwrap();
    let path = f.path.clone();
    drop(f.ws);
    assert!(smw_store::restore(&junk, &path).is_err());
    assert_eq!(Workspace::open(&path).unwrap().ticket_count().unwrap(), 1);
}

#[test]
fn a_scrambled_database_is_refused() {
    let f = fixture();
    incident(&f, "Mail down", "");
    let path = f.path.clone();
    drop(f.ws);
    let mut bytes = std::fs::read(&path).unwrap();
    // Keep the 100-byte header (so it still looks like SQLite), scramble the schema page.
    for byte in bytes.iter_mut().take(4096).skip(100) {
        *byte = 0xA5;
    }
    std::fs::write(&path, &bytes).unwrap();
    assert_eq!(Workspace::open(&path).err().unwrap().code(), Code::NotAWorkspace);
}

#[test]
fn closing_a_workspace_folds_its_write_ahead_log_into_the_file() {
    let f = fixture();
    let t = incident(&f, "Mail down", "");
    assert_eq!(f.ws.ticket_get(&t.key).unwrap(), t, "the read connection has been used");
    let wal = f.path.with_extension("smw-wal");
    assert!(wal.exists(), "writes go to the log first");
    drop(f.ws);
    assert!(!wal.exists(), "a closed workspace is one file");
    assert!(smw_store::verify(&f.path).unwrap().ok);
}

#[test]
fn a_new_workspace_has_large_pages_and_a_backup_keeps_them() {
    let f = fixture();
    incident(&f, "Mail down", "");
    let page_size = |path: &std::path::Path| -> i64 {
        rusqlite::Connection::open(path).unwrap().query_row("PRAGMA page_size", [], |row| row.get(0)).unwrap()
    };
    assert_eq!(page_size(&f.path), 16_384);
    let copy = f.path.with_extension("backup.smw");
    f.ws.backup_to(&copy).unwrap();
    assert_eq!(page_size(&copy), 16_384);
}

#[test]
fn a_file_from_an_earlier_version_verifies_as_it_is_and_is_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.smw");
    drop(file_at_version(&path, 6));
    let before = std::fs::read(&path).unwrap();
    let report = smw_store::verify(&path).unwrap();
    assert!(report.ok, "{:?}", report.findings);
    assert_eq!(std::fs::read(&path).unwrap(), before, "verify never writes the file it checks");
    assert_eq!(smw_store::migrations::schema_version(&rusqlite::Connection::open(&path).unwrap()).unwrap(), 6);
}
