//! Versioned schema migrations, embedded in the binary. `PRAGMA user_version` holds the
//! version a file is at; each migration runs in its own transaction.

use rusqlite::Connection;

pub struct Migration {
    pub version: i64,
    pub name: &'static str,
    pub sql: &'static str,
}

pub const MIGRATIONS: &[Migration] = &[
    Migration { version: 1, name: "initial", sql: include_str!("migrations/0001_initial.sql") },
    Migration { version: 2, name: "service_levels", sql: include_str!("migrations/0002_service_levels.sql") },
    Migration {
        version: 3,
        name: "search_by_audit_entry",
        sql: concat!(include_str!("migrations/0003_search_by_audit_entry.sql"), include_str!("sql/search_fill.sql")),
    },
    Migration {
        version: 4,
        name: "drop_tickets_by_priority",
        sql: include_str!("migrations/0004_drop_tickets_by_priority.sql"),
    },
    Migration {
        version: 5,
        name: "lean_search_index",
        sql: concat!(include_str!("migrations/0005_lean_search_index.sql"), include_str!("sql/search_fill.sql")),
    },
    Migration { version: 6, name: "directory", sql: include_str!("migrations/0006_directory.sql") },
    Migration { version: 7, name: "history_guard", sql: include_str!("migrations/0007_history_guard.sql") },
    Migration { version: 8, name: "cmdb", sql: include_str!("migrations/0008_cmdb.sql") },
    Migration { version: 9, name: "changes", sql: include_str!("migrations/0009_changes.sql") },
    Migration { version: 10, name: "ticket_cis", sql: include_str!("migrations/0010_ticket_cis.sql") },
    Migration { version: 11, name: "problem_cis", sql: include_str!("migrations/0011_problem_cis.sql") },
];

pub fn latest_version() -> i64 {
    MIGRATIONS.last().map_or(0, |m| m.version)
}

pub fn schema_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |row| row.get(0))
}

/// Brings the schema from its current version up to `target`, one transaction per step.
pub fn migrate_to(conn: &mut Connection, target: i64) -> rusqlite::Result<()> {
    let current = schema_version(conn)?;
    for migration in MIGRATIONS.iter().filter(|m| m.version > current && m.version <= target) {
        let tx = conn.transaction()?;
        tx.execute_batch(migration.sql)?;
        // PRAGMA takes no bound parameters; the version is our own constant, never input.
        tx.execute_batch(&format!("PRAGMA user_version = {}", migration.version))?;
        tx.commit()?;
    }
    Ok(())
}
