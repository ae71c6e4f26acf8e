//! What someone with the sqlite3 shell and the public source does to rewrite a workspace's
//! history so that every digest and hash checks out: read the log with plain SQLite, rebuild
//! each revision of a record from its change lists, alter it, digest and hash it again with
//! smw-core's own functions, and write it all back past dropped triggers.
#![allow(dead_code)]

use rusqlite::Connection;
use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;
use smw_core::audit::{row_digest, EntryFields, GENESIS_HASH};
use std::path::Path;

#[derive(Clone, Debug)]
pub struct Entry {
    pub seq: i64,
    pub at: String,
    pub actor_id: String,
    pub actor: String,
    pub action: String,
    pub record_kind: String,
    pub record_id: String,
    pub record_key: String,
    pub changes: String,
    pub row_digest: String,
    pub prev_hash: String,
    pub hash: String,
}

impl Entry {
    fn fields(&self) -> EntryFields<'_> {
        EntryFields {
            seq: self.seq,
            at: &self.at,
            actor_id: &self.actor_id,
            actor: &self.actor,
            action: &self.action,
            record_kind: &self.record_kind,
            record_id: &self.record_id,
            record_key: &self.record_key,
            changes: &self.changes,
            row_digest: &self.row_digest,
            prev_hash: &self.prev_hash,
        }
    }
}

/// The file opened as the sqlite3 shell would, with the log's guards dropped.
pub fn open(path: &Path) -> Connection {
    let conn = Connection::open(path).unwrap();
    conn.execute_batch(
        "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_next_only;",
    )
    .unwrap();
    conn
}

/// Puts the guards back as the migrations wrote them, so that the schema check sees nothing.
pub fn restore_guards(conn: &Connection) {
    for name in ["audit_log_no_update", "audit_log_no_delete", "audit_log_next_only"] {
        let mut scratch = Connection::open_in_memory().unwrap();
        smw_store::migrations::migrate_to(&mut scratch, smw_store::migrations::latest_version()).unwrap();
        let sql: String =
            scratch.query_row("SELECT sql FROM sqlite_master WHERE name = ?1", [name], |row| row.get(0)).unwrap();
        conn.execute_batch(&sql).unwrap();
    }
}

pub fn entries(conn: &Connection) -> Vec<Entry> {
    let mut stmt = conn
        .prepare(
            "SELECT seq, at, actor_id, actor, action, record_kind, record_id, record_key, changes, row_digest, prev_hash, hash
             FROM audit_log ORDER BY seq",
        )
        .unwrap();
    stmt.query_map([], |row| {
        Ok(Entry {
            seq: row.get(0)?,
            at: row.get(1)?,
            actor_id: row.get(2)?,
            actor: row.get(3)?,
            action: row.get(4)?,
            record_kind: row.get(5)?,
            record_id: row.get(6)?,
            record_key: row.get(7)?,
            changes: row.get(8)?,
            row_digest: row.get(9)?,
            prev_hash: row.get(10)?,
            hash: row.get(11)?,
        })
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

/// Every revision of a record, one per entry of `of_record` (its entries, oldest first), as
/// JSON: the current one, then each earlier one by undoing the change list after it.
pub fn revisions<R: Serialize>(current: &R, of_record: &[&Entry]) -> Vec<Value> {
    let mut revision = serde_json::to_value(current).unwrap();
    let mut out = vec![Value::Null; of_record.len()];
    for i in (0..of_record.len()).rev() {
        out[i] = revision.clone();
        if i == 0 {
            break;
        }
        let changes: serde_json::Map<String, Value> = serde_json::from_str(&of_record[i].changes).unwrap();
        let object = revision.as_object_mut().unwrap();
        for (field, pair) in changes {
            match &pair[0] {
                Value::Null => object.remove(&field),
                before => object.insert(field, before.clone()),
            };
        }
        let version = object["version"].as_i64().unwrap();
        object.insert("version".into(), (version - 1).into());
        object.insert("updated_at".into(), Value::String(of_record[i - 1].at.clone()));
    }
    out
}

/// A revision's digest, computed as the workbench computes it: from the domain type.
pub fn digest<R: Serialize + DeserializeOwned>(revision: &Value) -> String {
    row_digest(&serde_json::from_value::<R>(revision.clone()).unwrap())
}

/// Links and hashes every entry again from the first, and writes back those that changed.
pub fn rehash_and_write(conn: &Connection, entries: &mut [Entry]) {
    let mut previous = GENESIS_HASH.to_string();
    for entry in entries.iter_mut() {
        entry.prev_hash = previous.clone();
        let hash = entry.fields().hash();
        entry.hash = hash;
        conn.execute(
            "UPDATE audit_log SET at = ?2, changes = ?3, row_digest = ?4, prev_hash = ?5, hash = ?6 WHERE seq = ?1",
            rusqlite::params![entry.seq, entry.at, entry.changes, entry.row_digest, entry.prev_hash, entry.hash],
        )
        .unwrap();
        previous = entry.hash.clone();
    }
}

/// Replaces a record's document in the search index, as the write path would have written it.
pub fn reindex(conn: &Connection, old_doc: i64, new_doc: i64, title: &str, body: &str) {
    conn.execute("DELETE FROM search_index WHERE rowid = ?1", [old_doc]).unwrap();
    conn.execute(
        "INSERT INTO search_index (rowid, title, body) VALUES (?1, ?2, ?3)",
        rusqlite::params![new_doc, title, body],
    )
    .unwrap();
}
