//! Service level agreements: table mapping, create and edit. An edit recomputes the clocks of
//! every open ticket under the SLA in the same transaction.

use super::clocks::recompute_for_sla;
use crate::error::StoreResult;
use crate::mapping::stored_record;
use crate::stored::{list_live, require_key, require_ref};
use crate::workspace::Workspace;
use crate::write::{Actor, WriteTx};
use smw_core::agreements::{CalendarRecord, Sla, SlaDraft, SlaPatch};
use smw_core::catalogue::{Customer, Service};
use smw_core::{RecordKind, Timestamp};

stored_record! {
    Sla => table "slas", noun "SLA",
    columns {
        id: uuid,
        key: text,
        name: text,
        customer_id: uuid,
        service_id: uuid,
        calendar_id: uuid,
        targets: json,
        availability_percent: opt_real,
        valid_from: date,
        valid_to: opt_date,
        review_date: opt_date,
        pausing_statuses: json,
        warning_thresholds: json,
        created_at: ts,
        updated_at: ts,
        deleted_at: opt_ts,
        version: int,
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
    w.create(RecordKind::Sla, |id, key, now| Sla::create(draft, id, key, now), check_refs)
}

pub(crate) fn update(w: &mut WriteTx, key: &str, patch: SlaPatch, expected_version: Option<i64>) -> StoreResult<Sla> {
    let (_, after) = w.edit(key, expected_version, |w, sla: &mut Sla| {
        sla.apply_patch(patch)?;
        check_refs(w, sla)
    })?;
    recompute_for_sla(w, &after)?;
    Ok(after)
}
