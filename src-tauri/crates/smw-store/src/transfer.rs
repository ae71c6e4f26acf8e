//! Export and import of a whole workspace as JSON Lines (docs/export-format.md): one JSON
//! object per line, so a million-record workspace streams in constant memory and every error
//! names its line. The round trip is lossless: records (tombstones included), key counters and
//! the audit chain, entry for entry, so the imported workspace verifies exactly like the original.

use crate::audit::insert_entry;
use crate::error::{StoreError, StoreResult};
use crate::for_each_family;
use crate::stored::{bind_values, insert_sql, select_sql, Stored};
use crate::workspace::Workspace;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use smw_core::audit::{EntryFields, GENESIS_HASH};
use smw_core::Timestamp;
use std::collections::HashMap;
use std::io::{BufRead, Write};
use uuid::Uuid;

pub const FORMAT: &str = "sms-workbench-export";
pub const FORMAT_VERSION: i64 = 1;

#[derive(Serialize, Deserialize)]
struct Header {
    format: String,
    format_version: i64,
    schema_version: i64,
    exported_at: Timestamp,
}

#[derive(Serialize, Deserialize)]
struct Counter {
    prefix: String,
    last: i64,
}

#[derive(Serialize, Deserialize)]
struct Entry {
    seq: i64,
    at: String,
    actor_id: String,
    actor: String,
    action: String,
    record_kind: String,
    record_id: String,
    record_key: String,
    /// The exact JSON text that was hashed.
    changes: String,
    row_digest: String,
    prev_hash: String,
    hash: String,
}

impl Workspace {
    /// Writes the whole workspace to `out`; `progress` is told the lines written so far.
    pub fn export_jsonl(&self, now: Timestamp, out: &mut dyn Write, progress: &mut dyn FnMut(u64)) -> StoreResult<u64> {
        let conn = self.reader();
        conn.execute_batch("BEGIN")?;
        let result = export(&conn, now, out, progress);
        conn.execute_batch("COMMIT")?;
        result
    }
}

fn export(conn: &Connection, now: Timestamp, out: &mut dyn Write, progress: &mut dyn FnMut(u64)) -> StoreResult<u64> {
    let mut lines = 0u64;
    let mut line = |out: &mut dyn Write, value: &dyn erased::Line| -> StoreResult<()> {
        value.write_to(out)?;
        out.write_all(b"\n")?;
        lines += 1;
        if lines % 10_000 == 0 {
            progress(lines);
        }
        Ok(())
    };
    let header = Header {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        schema_version: crate::migrations::schema_version(conn)?,
        exported_at: now,
    };
    line(out, &serde_json::json!({ "header": header }))?;
    for_each_family!(R => {
        let mut stmt = conn.prepare(&format!("{} ORDER BY seq", select_sql::<R>()))?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let record = R::from_row(row)?;
            line(out, &RecordLine { table: R::TABLE, data: &record })?;
        }
    });
    let mut stmt = conn.prepare("SELECT prefix, last FROM key_counters ORDER BY prefix")?;
    let counters: Vec<Counter> =
        stmt.query_map([], |row| Ok(Counter { prefix: row.get(0)?, last: row.get(1)? }))?.collect::<Result<_, _>>()?;
    for counter in counters {
        line(out, &serde_json::json!({ "counter": counter }))?;
    }
    let mut stmt = conn.prepare(&format!("SELECT {} FROM audit_log ORDER BY seq", crate::audit::ENTRY_COLUMNS))?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let entry = Entry {
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
        };
        line(out, &AuditLine { audit: &entry })?;
    }
    out.flush()?;
    progress(lines);
    Ok(lines)
}

#[derive(Serialize)]
struct RecordLine<'a, R: Serialize> {
    table: &'a str,
    data: &'a R,
}

#[derive(Serialize)]
struct AuditLine<'a> {
    audit: &'a Entry,
}

/// Lets `export` write differently typed lines through one closure.
mod erased {
    pub trait Line {
        fn write_to(&self, out: &mut dyn std::io::Write) -> std::io::Result<()>;
    }
    impl<T: serde::Serialize> Line for T {
        fn write_to(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
            serde_json::to_writer(out, self).map_err(std::io::Error::other)
        }
    }
}

/// What the import has seen of each record, to check it against the chain at the end.
struct Seen {
    digest: [u8; 32],
    line: u64,
    key: String,
}

impl Workspace {
    /// Imports an export into this workspace, which must be empty. One transaction: on any
    /// error (which names the line) nothing is written.
    pub fn import_jsonl(&self, input: &mut dyn BufRead, progress: &mut dyn FnMut(u64)) -> StoreResult<u64> {
        let mut conn = self.writer();
        let has_history: bool = conn.query_row("SELECT EXISTS (SELECT 1 FROM audit_log)", [], |row| row.get(0))?;
        if has_history {
            return Err(StoreError::NotEmpty("import goes into a new or empty workspace".into()));
        }
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let records = import(&tx, input, progress)?;
        tx.commit()?;
        Ok(records)
    }
}

fn bad(line: u64, message: impl Into<String>) -> StoreError {
    StoreError::BadFile { line, message: message.into() }
}

fn import(conn: &Connection, input: &mut dyn BufRead, progress: &mut dyn FnMut(u64)) -> StoreResult<u64> {
    let mut records: HashMap<Uuid, Seen> = HashMap::new();
    let mut latest: HashMap<Uuid, [u8; 32]> = HashMap::new();
    let mut previous_hash = GENESIS_HASH.to_string();
    let mut line_no = 0u64;
    let mut text = String::new();
    let mut saw_header = false;
    loop {
        text.clear();
        if input.read_line(&mut text)? == 0 {
            break;
        }
        line_no += 1;
        if line_no % 10_000 == 0 {
            progress(line_no);
        }
        if text.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| bad(line_no, format!("not JSON: {e}")))?;
        let object = value.as_object().ok_or_else(|| bad(line_no, "expected a JSON object"))?;
        if let Some(header) = object.get("header") {
            let header: Header =
                serde_json::from_value(header.clone()).map_err(|e| bad(line_no, format!("header: {e}")))?;
            if header.format != FORMAT || header.format_version > FORMAT_VERSION {
                return Err(bad(
                    line_no,
                    format!("not an SMS Workbench export of a known version ({})", header.format),
                ));
            }
            saw_header = true;
            continue;
        }
        if !saw_header {
            return Err(bad(line_no, "the first line must be the export header"));
        }
        if let Some(table) = object.get("table") {
            let table = table.as_str().unwrap_or_default();
            let data = object.get("data").ok_or_else(|| bad(line_no, "a record line needs `data`"))?;
            let (id, seen) = insert_record(conn, table, data, line_no)?;
            records.insert(id, seen);
        } else if let Some(counter) = object.get("counter") {
            let counter: Counter =
                serde_json::from_value(counter.clone()).map_err(|e| bad(line_no, format!("counter: {e}")))?;
            conn.prepare_cached("INSERT INTO key_counters (prefix, last) VALUES (?1, ?2)")?
                .execute(rusqlite::params![counter.prefix, counter.last])
                .map_err(|e| bad(line_no, format!("counter: {e}")))?;
        } else if let Some(entry) = object.get("audit") {
            let entry: Entry =
                serde_json::from_value(entry.clone()).map_err(|e| bad(line_no, format!("audit: {e}")))?;
            let fields = EntryFields {
                seq: entry.seq,
                at: &entry.at,
                actor_id: &entry.actor_id,
                actor: &entry.actor,
                action: &entry.action,
                record_kind: &entry.record_kind,
                record_id: &entry.record_id,
                record_key: &entry.record_key,
                changes: &entry.changes,
                row_digest: &entry.row_digest,
                prev_hash: &entry.prev_hash,
            };
            if entry.prev_hash != previous_hash || fields.hash() != entry.hash {
                return Err(bad(
                    line_no,
                    format!("audit entry #{}: the chain is broken here (edited or out of order)", entry.seq),
                ));
            }
            let id: Uuid = entry.record_id.parse().map_err(|_| bad(line_no, "audit: record_id is not a UUID"))?;
            let digest = crate::columns::decode_digest(&entry.row_digest)
                .ok_or_else(|| bad(line_no, "audit: row_digest is not a SHA-256"))?;
            insert_entry(conn, &fields, &entry.hash).map_err(|e| bad(line_no, format!("audit: {e}")))?;
            latest.insert(id, digest);
            previous_hash = entry.hash;
        } else {
            return Err(bad(line_no, "unknown line: expected header, table, counter or audit"));
        }
    }
    if !saw_header {
        return Err(bad(line_no.max(1), "the file is empty"));
    }
    for (id, seen) in &records {
        match latest.get(id) {
            Some(digest) if *digest == seen.digest => {}
            Some(_) => return Err(bad(seen.line, format!("{} does not match its audit history", seen.key))),
            None => return Err(bad(seen.line, format!("{} has no audit history", seen.key))),
        }
    }
    progress(line_no);
    Ok(records.len() as u64)
}

fn insert_record(conn: &Connection, table: &str, data: &serde_json::Value, line: u64) -> StoreResult<(Uuid, Seen)> {
    let mut found = None;
    for_each_family!(R => {
        if found.is_none() && table == R::TABLE {
            found = Some(insert_typed::<R>(conn, data, line)?);
        }
    });
    found.ok_or_else(|| bad(line, format!("unknown table {table:?}")))
}

fn insert_typed<R: Stored>(conn: &Connection, data: &serde_json::Value, line: u64) -> StoreResult<(Uuid, Seen)> {
    let record: R = R::deserialize(data).map_err(|e| bad(line, format!("{}: {e}", R::NOUN)))?;
    conn.prepare_cached(&insert_sql::<R>())?
        .execute(bind_values(record.values()))
        .map_err(|e| bad(line, format!("{} {}: {e}", R::NOUN, record.key())))?;
    crate::search::reindex(conn, &record)?;
    let seen = Seen { digest: smw_core::audit::row_digest_bytes(&record), line, key: record.key().to_string() };
    Ok((record.id(), seen))
}
