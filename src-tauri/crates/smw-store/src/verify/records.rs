//! Every record as its table holds it now, read one range of rows at a time, and compared
//! with what the audit chain says it should be.

use super::{ExpectedRecords, Findings};
use crate::error::StoreResult;
use crate::for_each_family;
use crate::stored::{select_sql, Stored};
use rusqlite::Connection;
use uuid::Uuid;

/// A record as its table holds it now, reduced to what the comparison with the chain needs.
pub(super) struct Current {
    id: Uuid,
    digest: [u8; 32],
    /// Index into [`families`], for the table and noun a finding names.
    family: u8,
}

/// Reads the rows `from..=to` of one family into `current`; returns how many rows there were,
/// readable or not.
type ReadRange = fn(&Connection, u8, i64, i64, &mut Vec<Current>, &mut Findings) -> StoreResult<i64>;

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

fn read_range<R: Stored>(
    conn: &Connection,
    family: u8,
    from: i64,
    to: i64,
    current: &mut Vec<Current>,
    findings: &mut Findings,
) -> StoreResult<i64> {
    let sql = format!("{} WHERE seq BETWEEN ?1 AND ?2 ORDER BY seq", select_sql::<R>());
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut rows = stmt.query([from, to])?;
    let mut count = 0;
    while let Some(row) = rows.next()? {
        count += 1;
        match R::from_row(row) {
            Ok(record) => {
                current.push(Current { id: record.id(), digest: smw_core::audit::row_digest_bytes(&record), family })
            }
            Err(error) => {
                let key: String = row.get(1).unwrap_or_default();
                findings.add(
                    "record_unreadable",
                    format!("{} {key} cannot be read: {error}", R::NOUN),
                    Some(key),
                    None,
                );
            }
        }
    }
    Ok(count)
}

/// Matches every record with its latest audit entry; what is left in `expected` has
/// history but no row.
pub(super) fn compare<'a>(
    conn: &Connection,
    families: &[Family],
    current: impl IntoIterator<Item = &'a Current>,
    expected: &mut ExpectedRecords,
    findings: &mut Findings,
) -> StoreResult<()> {
    for record in current {
        let family = &families[usize::from(record.family)];
        // Keys are looked up only for findings that will be listed: a file rewritten wholesale
        // would otherwise cost a query per record.
        let key = |findings: &Findings| -> StoreResult<String> {
            if findings.full() {
                return Ok(String::new());
            }
            let sql = format!("SELECT key FROM {} WHERE id = ?1", family.table);
            Ok(conn.query_row(&sql, [record.id.to_string()], |row| row.get(0))?)
        };
        match expected.remove(&record.id) {
            None => {
                let key = key(findings)?;
                findings.add(
                    "record_unaudited",
                    format!("{} {key} has no audit history: it was written behind the workbench's back", family.noun),
                    Some(key),
                    None,
                );
            }
            Some(entry) if entry.digest != record.digest => {
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
