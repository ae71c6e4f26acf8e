//! Shared set-up for the store's tests: a workspace on a temporary file with a few records.
#![allow(dead_code)]

use smw_core::comment::CommentDraft;
use smw_core::directory::PersonDraft;
use smw_core::priority::Level;
use smw_core::ticket::{Ticket, TicketDraft};
use smw_core::Timestamp;
use smw_store::{Actor, Workspace};
use std::path::PathBuf;

pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
    pub ws: Workspace,
    pub actor: Actor,
}

pub fn at(text: &str) -> Timestamp {
    Timestamp::parse(text).unwrap()
}

pub fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("test.smw");
    let ws = Workspace::create(&path).unwrap();
    let system = Actor::system("test");
    let ada = ws
        .person_create(
            &system,
            at("2026-05-01T08:00:00Z"),
            PersonDraft { name: "Ada Admin".into(), email: "ada@example.org".into(), ..Default::default() },
        )
        .unwrap();
    Fixture { dir, path, ws, actor: Actor { id: Some(ada.id), name: ada.name } }
}

pub fn incident(f: &Fixture, title: &str, description: &str) -> Ticket {
    let draft = TicketDraft {
        title: title.into(),
        description: description.into(),
        impact: Level::Medium,
        urgency: Level::High,
        ..Default::default()
    };
    f.ws.ticket_create(&f.actor, at("2026-05-04T09:00:00Z"), draft).unwrap()
}

pub fn comment(f: &Fixture, key: &str, body: &str) {
    f.ws.comment_add(&f.actor, at("2026-05-04T10:00:00Z"), key, CommentDraft { body: body.into(), internal: false })
        .unwrap();
}

/// A raw connection that edits the file behind the store's back, as someone with the sqlite3 shell would.
pub fn tamper(f: &Fixture, sql: &str) {
    let conn = rusqlite::Connection::open(&f.path).unwrap();
    conn.execute_batch(sql).unwrap();
}

/// A workspace file as version `version` of the schema left it, open for raw edits.
pub fn file_at_version(path: &std::path::Path, version: i64) -> rusqlite::Connection {
    let mut conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(&format!("PRAGMA application_id = {}", smw_store::APPLICATION_ID)).unwrap();
    smw_store::migrations::migrate_to(&mut conn, version).unwrap();
    conn
}
