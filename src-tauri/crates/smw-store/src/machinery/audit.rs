//! The audit log: appending hash-chained entries and reading a record's history.
//! The canonical forms are defined in `smw_core::audit` and docs/audit-chain.md.

use crate::actor::Actor;
use crate::error::StoreResult;
use rusqlite::{Connection, OptionalExtension, Row, Statement};
use smw_core::audit::{AuditAction, AuditEntry, EntryFields, GENESIS_HASH};
use smw_core::{Record, RecordKind, Timestamp};
use uuid::Uuid;

/// The newest entry's position and hash: what the next entry links to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainHead {
    pub seq: i64,
    pub hash: String,
}

pub fn head(conn: &Connection) -> StoreResult<ChainHead> {
    let head = conn
        .prepare_cached("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")?
        .query_row([], |row| Ok(ChainHead { seq: row.get(0)?, hash: row.get(1)? }))
        .optional()?;
    Ok(head.unwrap_or(ChainHead { seq: 0, hash: GENESIS_HASH.to_string() }))
}

#[allow(clippy::too_many_arguments)]
pub fn append<R: Record>(
    conn: &Connection,
    head: &ChainHead,
    actor: &Actor,
    at: Timestamp,
    action: AuditAction,
    record: &R,
    changes: &str,
    row_digest: &str,
) -> StoreResult<ChainHead> {
    let seq = head.seq + 1;
    let at = at.to_string();
    let actor_id = actor.id.map(|id| id.to_string()).unwrap_or_default();
    let record_id = record.id().to_string();
    let fields = EntryFields {
        seq,
        at: &at,
        actor_id: &actor_id,
        actor: &actor.name,
        action: action.as_str(),
        record_kind: record.kind().as_str(),
        record_id: &record_id,
        record_key: record.key(),
        changes,
        row_digest,
        prev_hash: &head.hash,
    };
    let hash = fields.hash();
    insert_entry(conn, &fields, &hash)?;
    Ok(ChainHead { seq, hash })
}

/// Writes an entry exactly as given (appending, or importing an exported chain).
pub fn insert_entry(conn: &Connection, fields: &EntryFields, hash: &str) -> StoreResult<()> {
    let mut insert = conn.prepare_cached(INSERT_ENTRY)?;
    insert_entry_with(&mut insert, fields, hash)
}

/// The statement [`insert_entry_with`] runs.
pub const INSERT_ENTRY: &str =
    "INSERT INTO audit_log (seq, at, actor_id, actor, action, record_kind, record_id, record_key, changes, row_digest, prev_hash, hash)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";

/// [`insert_entry`] with a statement prepared from [`INSERT_ENTRY`] and kept by the caller.
pub fn insert_entry_with(insert: &mut Statement, fields: &EntryFields, hash: &str) -> StoreResult<()> {
    insert.execute(rusqlite::params![
        fields.seq,
        fields.at,
        fields.actor_id,
        fields.actor,
        fields.action,
        fields.record_kind,
        fields.record_id,
        fields.record_key,
        fields.changes,
        fields.row_digest,
        fields.prev_hash,
        hash
    ])?;
    Ok(())
}

pub const ENTRY_COLUMNS: &str =
    "seq, at, actor_id, actor, action, record_kind, record_id, record_key, changes, row_digest, prev_hash, hash";

/// Reads an entry selected with [`ENTRY_COLUMNS`].
pub fn entry_from_row(row: &Row) -> rusqlite::Result<AuditEntry> {
    let bad = |index: usize, what: &str| {
        rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, what.to_string().into())
    };
    let actor_id: String = row.get(2)?;
    let changes: String = row.get(8)?;
    Ok(AuditEntry {
        seq: row.get(0)?,
        at: crate::columns::get_ts(row, 1)?,
        actor_id: if actor_id.is_empty() { None } else { Some(actor_id.parse().map_err(|_| bad(2, "bad actor id"))?) },
        actor: row.get(3)?,
        action: crate::columns::get_enum(row, 4, AuditAction::parse)?,
        record_kind: crate::columns::get_enum(row, 5, RecordKind::parse)?,
        record_id: crate::columns::get_uuid(row, 6)?,
        record_key: row.get(7)?,
        changes: serde_json::from_str(&changes).map_err(|_| bad(8, "changes are not JSON"))?,
        row_digest: row.get(9)?,
        prev_hash: row.get(10)?,
        hash: row.get(11)?,
    })
}

/// Every entry about one record, oldest first.
pub fn history(conn: &Connection, record_id: Uuid) -> StoreResult<Vec<AuditEntry>> {
    let sql = format!("SELECT {ENTRY_COLUMNS} FROM audit_log WHERE record_id = ?1 ORDER BY seq");
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([record_id.to_string()], entry_from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}
