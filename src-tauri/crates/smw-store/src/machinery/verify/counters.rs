//! The key counters against the keys the history issued. A counter below the highest key it
//! gave out would hand that key out again: someone wound it back (to hide that records were
//! removed) or broke it. A counter that is not a positive number is broken outright.

use super::Findings;
use crate::error::StoreResult;
use rusqlite::Connection;
use std::collections::BTreeMap;

pub(super) fn check(conn: &Connection, findings: &mut Findings) -> StoreResult<()> {
    // Every key ever issued is named by its record's create entry: "PREFIX-NUMBER".
    let mut issued: BTreeMap<String, i64> = BTreeMap::new();
    {
        let mut stmt = conn.prepare(
            "SELECT substr(record_key, 1, instr(record_key, '-') - 1) AS prefix,
                    max(CAST(substr(record_key, instr(record_key, '-') + 1) AS INTEGER))
             FROM audit_log WHERE action = 'create' AND instr(record_key, '-') > 0 GROUP BY prefix",
        )?;
        let rows = stmt.query_map([], |row| Ok((row.get::<_, String>(0)?, row.get(1)?)))?;
        for row in rows {
            let (prefix, highest) = row?;
            issued.insert(prefix, highest);
        }
    }
    let mut counters: BTreeMap<String, rusqlite::types::Value> = BTreeMap::new();
    {
        let mut stmt = conn.prepare("SELECT prefix, last FROM key_counters")?;
        let rows = stmt.query_map([], |row| Ok((row.get::<_, String>(0)?, row.get(1)?)))?;
        for row in rows {
            let (prefix, last) = row?;
            counters.insert(prefix, last);
        }
    }
    for (prefix, highest) in &issued {
        // Formatted as the workbench formats keys (smw_core::HumanKey).
        let key = format!("{prefix}-{highest:06}");
        let last = match counters.get(prefix) {
            Some(rusqlite::types::Value::Integer(last)) => Some(*last),
            _ => None,
        };
        match last {
            Some(last) if last >= *highest => {}
            Some(last) => findings.add(
                "counter_behind",
                format!("the {prefix} key counter is at {last} but {key} was issued: it was wound back"),
                Some(key.clone()),
                None,
            ),
            None => findings.add(
                "counter_behind",
                format!("the {prefix} key counter is missing or not a number but {key} was issued"),
                Some(key.clone()),
                None,
            ),
        }
    }
    for (prefix, last) in &counters {
        if !matches!(last, rusqlite::types::Value::Integer(n) if *n > 0) {
            findings.add(
                "counter_broken",
                format!("the {prefix} key counter holds {last:?}, which no write could have left"),
                None,
                None,
            );
        }
    }
    Ok(())
}
