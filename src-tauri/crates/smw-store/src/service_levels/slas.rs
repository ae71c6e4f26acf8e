//! Service level agreements: table mapping, create and edit. An edit recomputes the clocks of
//! every open ticket under the SLA in the same transaction.

use super::clocks::recompute_for_sla;
use super::{date, get_date, get_json, get_opt_date, json, opt_date};
use crate::columns::*;
use crate::error::StoreResult;
use crate::stored::{list_live, require_key, require_ref, Stored};
use crate::workspace::Workspace;
use crate::write::{check_version, Actor, WriteTx};
use rusqlite::types::Value;
use rusqlite::Row;
use smw_core::agreements::{CalendarRecord, Sla, SlaDraft, SlaPatch};
use smw_core::catalogue::{Customer, Service};
use smw_core::{RecordKind, Timestamp};

impl Stored for Sla {
    const TABLE: &'static str = "slas";
    const NOUN: &'static str = "SLA";
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "key",
        "name",
        "customer_id",
        "service_id",
        "calendar_id",
        "targets",
        "availability_percent",
        "valid_from",
        "valid_to",
        "review_date",
        "pausing_statuses",
        "warning_thresholds",
        "created_at",
        "updated_at",
        "deleted_at",
        "version",
    ];

    fn values(&self) -> Vec<Value> {
        vec![
            uuid(self.id),
            text(&self.key),
            text(&self.name),
            uuid(self.customer_id),
            uuid(self.service_id),
            uuid(self.calendar_id),
            json(&self.targets),
            self.availability_percent.map_or(Value::Null, Value::Real),
            date(self.valid_from),
            opt_date(self.valid_to),
            opt_date(self.review_date),
            json(&self.pausing_statuses),
            json(&self.warning_thresholds),
            ts(self.created_at),
            ts(self.updated_at),
            opt_ts(self.deleted_at),
            int(self.version),
        ]
    }

    fn from_row(row: &Row) -> rusqlite::Result<Self> {
        Ok(Sla {
            id: get_uuid(row, 0)?,
            key: get(row, 1)?,
            name: get(row, 2)?,
            customer_id: get_uuid(row, 3)?,
            service_id: get_uuid(row, 4)?,
            calendar_id: get_uuid(row, 5)?,
            targets: get_json(row, 6)?,
            availability_percent: get(row, 7)?,
            valid_from: get_date(row, 8)?,
            valid_to: get_opt_date(row, 9)?,
            review_date: get_opt_date(row, 10)?,
            pausing_statuses: get_json(row, 11)?,
            warning_thresholds: get_json(row, 12)?,
            created_at: get_ts(row, 13)?,
            updated_at: get_ts(row, 14)?,
            deleted_at: get_opt_ts(row, 15)?,
            version: get(row, 16)?,
        })
    }
}

impl Workspace {
    pub fn sla_create(&self, actor: &Actor, now: Timestamp, draft: SlaDraft) -> StoreResult<Sla> {
        self.write(actor, now, |w| create(w, draft))
    }

    /// Edits an SLA; the clocks of every open ticket under it are recomputed.
    pub fn sla_update(
        &self,
        actor: &Actor,
        now: Timestamp,
        key: &str,
        patch: SlaPatch,
        expected_version: Option<i64>,
    ) -> StoreResult<Sla> {
        self.write(actor, now, |w| update(w, key, patch, expected_version))
    }

    pub fn sla_get(&self, key: &str) -> StoreResult<Sla> {
        require_key(&self.reader(), key)
    }

    pub fn sla_list(&self) -> StoreResult<Vec<Sla>> {
        list_live(&self.reader())
    }
}

fn check_refs(w: &WriteTx, sla: &Sla) -> StoreResult<()> {
    require_ref::<Customer>(w.conn(), Some(sla.customer_id), "customer_id")?;
    require_ref::<Service>(w.conn(), Some(sla.service_id), "service_id")?;
    require_ref::<CalendarRecord>(w.conn(), Some(sla.calendar_id), "calendar_id")
}

pub(crate) fn create(w: &mut WriteTx, draft: SlaDraft) -> StoreResult<Sla> {
    let (id, key) = w.identity(RecordKind::Sla)?;
    let sla = Sla::create(draft, id, key, w.now())?;
    check_refs(w, &sla)?;
    w.insert(&sla)?;
    Ok(sla)
}

pub(crate) fn update(w: &mut WriteTx, key: &str, patch: SlaPatch, expected_version: Option<i64>) -> StoreResult<Sla> {
    let before: Sla = require_key(w.conn(), key)?;
    check_version(&before, expected_version)?;
    let mut after = before.clone();
    after.apply_patch(patch)?;
    check_refs(w, &after)?;
    w.update(&before, &mut after)?;
    recompute_for_sla(w, &after)?;
    Ok(after)
}
