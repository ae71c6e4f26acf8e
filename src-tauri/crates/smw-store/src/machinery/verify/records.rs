//! Every record as its table holds it now, read one range of rows at a time, and compared
//! with what the audit chain says it should be.

use super::{ExpectedRecords, Findings};
use crate::error::StoreResult;
use crate::for_each_family;
use crate::stored::Stored;
use rusqlite::Connection;
use uuid::Uuid;

/// A row as its table holds it now, reduced to what the comparison with the chain needs.
pub(super) enum Row {
    /// `seq` numbers the row in its table: with the id's unique index dropped, two rows can
    /// share an id, and a finding must name the right one.
    Read {
        seq: i64,
        id: Uuid,
        digest: [u8; 32],
    },
    Unreadable {
        key: String,
        error: String,
    },
}

/// Reads the rows `from..=to` of one family onto the end of `rows`.
type ReadRange = fn(&Connection, i64, i64, &mut Vec<Row>) -> StoreResult<()>;

/// A family of records: its table, what a finding calls one, and how to read it.
pub(super) struct Family {
    pub table: &'static str,
    noun: &'static str,
    pub read: ReadRange,
}

/// Every family, in the order of `for_each_family`.
pub(super) fn families() -> Vec<Family> {
    let mut families = Vec::new();
    for_each_family!(R => {
        families.push(Family { table: R::TABLE, noun: R::NOUN, read: read_range::<R> });
    });
    families
}

fn read_range<R: Stored>(conn: &Connection, from: i64, to: i64, rows: &mut Vec<Row>) -> StoreResult<()> {
    let sql =
        format!("SELECT {}, seq FROM {} WHERE seq BETWEEN ?1 AND ?2 ORDER BY seq", R::COLUMNS.join(", "), R::TABLE);
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut read = stmt.query([from, to])?;
    while let Some(row) = read.next()? {
        rows.push(match R::from_row(row) {
            Ok(record) => Row::Read {
                seq: row.get(R::COLUMNS.len())?,
                id: record.id(),
                digest: smw_core::audit::row_digest_bytes(&record),
            },
            Err(error) => Row::Unreadable { key: row.get(1).unwrap_or_default(), error: error.to_string() },
        });
    }
    Ok(())
}

/// Matches each row of a family with its record's latest audit entry, which it takes out of
/// `expected`: what is left there once every family is compared has history but no row.
/// Findings come in row order, so they do not depend on where ranges meet.
pub(super) fn compare(
    conn: &Connection,
    family: &Family,
    rows: &[Row],
    expected: &mut ExpectedRecords,
    findings: &mut Findings,
) -> StoreResult<()> {
    for row in rows {
        let (seq, id, digest) = match row {
            Row::Read { seq, id, digest } => (seq, id, digest),
            Row::Unreadable { key, error } => {
                let message = format!("{} {key} cannot be read: {error}", family.noun);
                findings.add("record_unreadable", message, Some(key.clone()), None);
                continue;
            }
        };
        // Keys are looked up only for findings that will be listed: a file rewritten wholesale
        // would otherwise cost a query per record.
        let key = |findings: &Findings| -> StoreResult<String> {
            if findings.full() {
                return Ok(String::new());
            }
            let sql = format!("SELECT key FROM {} WHERE seq = ?1", family.table);
            Ok(conn.query_row(&sql, [seq], |row| row.get(0))?)
        };
        match expected.remove(id) {
            None => {
                let key = key(findings)?;
                findings.add(
                    "record_unaudited",
                    format!("{} {key} has no audit history: it was written behind the workbench's back", family.noun),
                    Some(key),
                    None,
                );
            }
            Some(entry) if entry.digest != *digest => {
                let key = key(findings)?;
                findings.add(
                    "record_altered",
                    format!(
                        "{} {key} differs from its audit history (latest entry #{}): it was edited behind the workbench's back",
                        family.noun, entry.seq
                    ),
                    Some(key),
                    Some(entry.seq),
                );
            }
            Some(_) => {}
        }
    }
    Ok(())
}
