//! The CMDB's data quality: what an auditor or a configuration manager fixes first.

use crate::error::StoreResult;
use crate::stored::list_live;
use crate::workspace::Workspace;
use smw_core::cmdb::views::{DanglingRelationship, DuplicateSet, QualityReport};
use smw_core::cmdb::{Ci, Relationship};
use smw_core::Timestamp;
use std::collections::{BTreeMap, HashMap, HashSet};

const DAY_MILLIS: i64 = 86_400_000;

impl Workspace {
    /// Live CIs not verified within `stale_after_days` of `now`, without an owner, without
    /// any relationship or service; likely duplicates (same name, serial number or asset
    /// tag); live relationships to retired CIs or services; licences with more seats in use
    /// than bought.
    pub fn cmdb_quality(&self, now: Timestamp, stale_after_days: u32) -> StoreResult<QualityReport> {
        let conn = self.reader();
        let cis = list_live::<Ci>(&conn)?;
        let relationships = list_live::<Relationship>(&conn)?;
        let mut keys: HashMap<uuid::Uuid, String> = HashMap::new();
        {
            let mut stmt = conn.prepare("SELECT id, key FROM cis UNION ALL SELECT id, key FROM services")?;
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                keys.insert(crate::columns::get_uuid(row, 0)?, row.get(1)?);
            }
        }
        let live: HashSet<uuid::Uuid> = {
            let mut live: HashSet<_> = cis.iter().map(|ci| ci.id).collect();
            let mut stmt = conn.prepare("SELECT id FROM services WHERE deleted_at IS NULL")?;
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                live.insert(crate::columns::get_uuid(row, 0)?);
            }
            live
        };
        let stale_before = now.millis() - i64::from(stale_after_days) * DAY_MILLIS;
        let related: HashSet<uuid::Uuid> = relationships.iter().flat_map(|r| [r.source_id, r.target_id]).collect();
        let mut report = QualityReport {
            stale_after_days,
            at: now,
            not_verified: Vec::new(),
            no_owner: Vec::new(),
            orphans: Vec::new(),
            duplicates: Vec::new(),
            to_retired: Vec::new(),
            licences_over_used: Vec::new(),
        };
        let mut same: BTreeMap<(&str, String), Vec<String>> = BTreeMap::new();
        for ci in &cis {
            if ci.verified_at.is_none_or(|at| at.millis() < stale_before) {
                report.not_verified.push(ci.key.clone());
            }
            if ci.owner_id.is_none() {
                report.no_owner.push(ci.key.clone());
            }
            if ci.service_ids.is_empty() && !related.contains(&ci.id) {
                report.orphans.push(ci.key.clone());
            }
            if ci.asset.over_used() {
                report.licences_over_used.push(ci.key.clone());
            }
            same.entry(("name", ci.name.trim().to_lowercase())).or_default().push(ci.key.clone());
            for (by, value) in [("serial_number", &ci.serial_number), ("asset_tag", &ci.asset_tag)] {
                if !value.is_empty() {
                    same.entry((by, value.trim().to_lowercase())).or_default().push(ci.key.clone());
                }
            }
        }
        report.duplicates = same
            .into_iter()
            .filter(|(_, keys)| keys.len() > 1)
            .map(|((by, value), keys)| DuplicateSet { by: by.into(), value, keys })
            .collect();
        for relationship in relationships {
            if !live.contains(&relationship.source_id) || !live.contains(&relationship.target_id) {
                let key = |id| keys.get(&id).cloned().unwrap_or_else(|| id.to_string());
                report.to_retired.push(DanglingRelationship {
                    key: relationship.key,
                    source: key(relationship.source_id),
                    relation: relationship.relation,
                    target: key(relationship.target_id),
                });
            }
        }
        Ok(report)
    }
}
