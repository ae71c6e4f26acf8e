//! The estate as it was: a CI, its relationships, or the whole CMDB at a chosen moment,
//! rebuilt by replaying the audit log's change lists (no second history table). Every
//! revision rebuilt is checked against the row digest its entry recorded, so what is shown
//! is what the hash-chained history vouches for, or an error naming the entry that differs.

use crate::audit::{entry_from_row, history, ENTRY_COLUMNS};
use crate::error::{StoreError, StoreResult};
use crate::stored::get_by_key;
use crate::workspace::Workspace;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};
use smw_core::audit::{row_digest, AuditAction, AuditEntry};
use smw_core::cmdb::views::{CiAsOf, CmdbAsOf};
use smw_core::cmdb::{Ci, Relationship};
use smw_core::{Code, Invalid, Timestamp};
use std::collections::BTreeMap;
use uuid::Uuid;

impl Workspace {
    /// The CI `key` and its relationships (either end) as they stood at `at`.
    pub fn ci_as_of(&self, key: &str, at: Timestamp) -> StoreResult<CiAsOf> {
        let conn = self.reader();
        let current: Ci =
            get_by_key(&conn, key)?.ok_or_else(|| StoreError::not_found("CI", key.trim().to_ascii_uppercase()))?;
        let mut replayed = 0u64;
        let entries = history(&conn, current.id)?;
        let ci: Option<Ci> = replay(&entries, at, &mut replayed)?;
        let mut stmt =
            conn.prepare_cached("SELECT id FROM relationships WHERE source_id = ?1 OR target_id = ?1 ORDER BY seq")?;
        let ids = stmt.query_map([current.id.to_string()], |row| crate::columns::get_uuid(row, 0))?;
        let mut relationships = Vec::new();
        for id in ids {
            if let Some(relationship) = replay::<Relationship>(&history(&conn, id?)?, at, &mut replayed)? {
                relationships.push(relationship);
            }
        }
        Ok(CiAsOf { at, ci, relationships, entries_replayed: replayed })
    }

    /// Every CI and relationship as they stood at `at`. Reads the whole audit log up to
    /// `at`: a report, not a view to redraw on every keystroke.
    pub fn cmdb_as_of(&self, at: Timestamp) -> StoreResult<CmdbAsOf> {
        let conn = self.reader();
        let sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM audit_log WHERE record_kind IN ('ci', 'relationship') AND at <= ?1 ORDER BY seq"
        );
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt.query_map([at.to_string()], entry_from_row)?;
        // Grouped by record, each record's entries in order; records in order of creation.
        let mut by_record: BTreeMap<(i64, Uuid), Vec<AuditEntry>> = BTreeMap::new();
        let mut first_seq: std::collections::HashMap<Uuid, i64> = Default::default();
        for entry in rows {
            let entry = entry?;
            let first = *first_seq.entry(entry.record_id).or_insert(entry.seq);
            by_record.entry((first, entry.record_id)).or_default().push(entry);
        }
        let (mut cis, mut relationships, mut replayed) = (Vec::new(), Vec::new(), 0u64);
        for entries in by_record.values() {
            match entries[0].record_kind {
                smw_core::RecordKind::Ci => cis.extend(replay::<Ci>(entries, at, &mut replayed)?),
                _ => relationships.extend(replay::<Relationship>(entries, at, &mut replayed)?),
            }
        }
        Ok(CmdbAsOf { at, cis, relationships, entries_replayed: replayed })
    }
}

/// The record as it stood at `at` (`None` before its creation or once retired), rebuilt
/// from its entries (oldest first), each revision checked against its entry's digest.
pub(crate) fn replay<R: Serialize + DeserializeOwned>(
    entries: &[AuditEntry],
    at: Timestamp,
    replayed: &mut u64,
) -> StoreResult<Option<R>> {
    let mut fields = Map::new();
    let mut record: Option<R> = None;
    for (n, entry) in entries.iter().take_while(|entry| entry.at <= at).enumerate() {
        if entry.action == AuditAction::Create {
            fields.clear();
            fields.insert("id".into(), Value::String(entry.record_id.to_string()));
            fields.insert("key".into(), Value::String(entry.record_key.clone()));
            fields.insert("created_at".into(), Value::String(entry.at.to_string()));
        }
        if let Value::Object(changes) = &entry.changes {
            for (field, change) in changes {
                match change.get(1) {
                    Some(Value::Null) | None => fields.remove(field),
                    Some(after) => fields.insert(field.clone(), after.clone()),
                };
            }
        }
        fields.insert("updated_at".into(), Value::String(entry.at.to_string()));
        fields.insert("version".into(), Value::from(n as i64 + 1));
        let revision: R =
            serde_json::from_value(Value::Object(fields.clone())).map_err(|e| broken(entry, &e.to_string()))?;
        if row_digest(&revision) != entry.row_digest {
            return Err(broken(entry, "the rebuilt revision does not match the digest the entry recorded"));
        }
        *replayed += 1;
        record = (entry.action != AuditAction::Delete).then_some(revision);
    }
    Ok(record)
}

fn broken(entry: &AuditEntry, why: &str) -> StoreError {
    Invalid::rule(
        Code::BadHistory,
        format!("The history of {} cannot be replayed at entry #{}: {why}.", entry.record_key, entry.seq),
    )
    .into()
}
