//! The guards of the history, checked against what the migrations create: the audit log's
//! table, indexes and triggers, the checkpoint tables and the search index's definition. A
//! dropped trigger, a loosened column or an extra trigger that rewrites inserts is tampering
//! even when every hash still matches, because it lets the next edit through unseen.

use super::Findings;
use crate::error::StoreResult;
use crate::migrations::migrate_to;
use rusqlite::Connection;
use std::collections::BTreeMap;

/// The tables whose every schema object (table, index, trigger) must be exactly as written.
const GUARDED_TABLES: [&str; 4] = ["audit_log", "signing_keys", "checkpoints", "search_index"];

/// Name → (type, SQL) of every schema object on a guarded table.
type Objects = BTreeMap<String, (String, String)>;

fn guarded_objects(conn: &Connection, schema: &str) -> StoreResult<Objects> {
    let placeholders = GUARDED_TABLES.map(|t| format!("'{t}'")).join(", ");
    // `schema` is "main" or "temp", our own constants.
    let sql = format!(
        "SELECT name, type, coalesce(sql, '') FROM {schema}.sqlite_master WHERE tbl_name IN ({placeholders}) ORDER BY name"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], |row| Ok((row.get::<_, String>(0)?, (row.get(1)?, row.get(2)?))))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// The guarded objects as the migrations up to `version` create them, in a scratch database.
fn expected_objects(version: i64) -> StoreResult<Objects> {
    let mut scratch = Connection::open_in_memory()?;
    migrate_to(&mut scratch, version)?;
    guarded_objects(&scratch, "main")
}

/// Compares the file's guarded objects with those of its schema version.
pub(super) fn check(conn: &Connection, version: i64, findings: &mut Findings) -> StoreResult<()> {
    let expected = expected_objects(version)?;
    let found = guarded_objects(conn, "main")?;
    for (name, (kind, sql)) in &expected {
        match found.get(name) {
            None => findings.add(
                "schema_altered",
                format!("the {kind} {name} that guards the history is missing (dropped behind the workbench's back)"),
                None,
                None,
            ),
            Some((_, actual)) if actual != sql => findings.add(
                "schema_altered",
                format!(
                    "the {kind} {name} that guards the history was changed: it is not the one the workbench creates"
                ),
                None,
                None,
            ),
            Some(_) => {}
        }
    }
    for (name, (kind, _)) in found.iter().filter(|(name, _)| !expected.contains_key(*name)) {
        findings.add(
            "schema_altered",
            format!("a {kind} {name} the workbench never creates was added to the history's tables"),
            None,
            None,
        );
    }
    Ok(())
}
