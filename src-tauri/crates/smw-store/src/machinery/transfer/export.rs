//! Writing a workspace out as JSON Lines.

use super::{Counter, Entry, Head, Header, FORMAT, FORMAT_VERSION};
use crate::error::StoreResult;
use crate::for_each_family;
use crate::stored::{select_sql, Stored};
use crate::workspace::Workspace;
use rusqlite::Connection;
use serde::Serialize;
use smw_core::Timestamp;
use std::io::Write;

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
        if lines.is_multiple_of(10_000) {
            progress(lines);
        }
        Ok(())
    };
    let header = Header {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        schema_version: crate::migrations::schema_version(conn)?,
        exported_at: now,
        records: Some(record_count(conn)?),
        head: Some(head(conn)?),
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

fn head(conn: &Connection) -> StoreResult<Head> {
    let head = crate::audit::head(conn)?;
    Ok(Head { seq: head.seq, hash: head.hash })
}

/// The number of records of every family, as the export will write them.
fn record_count(conn: &Connection) -> StoreResult<u64> {
    let mut total = 0u64;
    for_each_family!(R => {
        let count: i64 = conn.query_row(&format!("SELECT count(*) FROM {}", R::TABLE), [], |row| row.get(0))?;
        total += count as u64;
    });
    Ok(total)
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
