//! Operational level agreements and underpinning contracts: table mappings, create and edit.
//! They carry no ticket clocks; the consistency check compares them with the SLAs above them.

use super::{date, get_date, get_json, get_opt_date, json, opt_date};
use crate::columns::*;
use crate::error::StoreResult;
use crate::stored::{list_live, require_key, require_ref, Stored};
use crate::workspace::Workspace;
use crate::write::{check_version, Actor, WriteTx};
use rusqlite::types::Value;
use rusqlite::Row;
use smw_core::agreements::{CalendarRecord, Contract, ContractDraft, ContractPatch, Ola, OlaDraft, OlaPatch};
use smw_core::catalogue::{Service, Supplier};
use smw_core::directory::Group;
use smw_core::{RecordKind, Timestamp};

impl Stored for Ola {
    const TABLE: &'static str = "olas";
    const NOUN: &'static str = "OLA";
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "key",
        "name",
        "group_id",
        "service_id",
        "calendar_id",
        "targets",
        "valid_from",
        "valid_to",
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
            uuid(self.group_id),
            opt_uuid(self.service_id),
            uuid(self.calendar_id),
            json(&self.targets),
            date(self.valid_from),
            opt_date(self.valid_to),
            ts(self.created_at),
            ts(self.updated_at),
            opt_ts(self.deleted_at),
            int(self.version),
        ]
    }

    fn from_row(row: &Row) -> rusqlite::Result<Self> {
        Ok(Ola {
            id: get_uuid(row, 0)?,
            key: get(row, 1)?,
            name: get(row, 2)?,
            group_id: get_uuid(row, 3)?,
            service_id: get_opt_uuid(row, 4)?,
            calendar_id: get_uuid(row, 5)?,
            targets: get_json(row, 6)?,
            valid_from: get_date(row, 7)?,
            valid_to: get_opt_date(row, 8)?,
            created_at: get_ts(row, 9)?,
            updated_at: get_ts(row, 10)?,
            deleted_at: get_opt_ts(row, 11)?,
            version: get(row, 12)?,
        })
    }
}

impl Stored for Contract {
    const TABLE: &'static str = "contracts";
    const NOUN: &'static str = "contract";
    const COLUMNS: &'static [&'static str] = &[
        "id",
        "key",
        "name",
        "supplier_id",
        "service_id",
        "calendar_id",
        "targets",
        "valid_from",
        "valid_to",
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
            uuid(self.supplier_id),
            uuid(self.service_id),
            uuid(self.calendar_id),
            json(&self.targets),
            date(self.valid_from),
            opt_date(self.valid_to),
            ts(self.created_at),
            ts(self.updated_at),
            opt_ts(self.deleted_at),
            int(self.version),
        ]
    }

    fn from_row(row: &Row) -> rusqlite::Result<Self> {
        Ok(Contract {
            id: get_uuid(row, 0)?,
            key: get(row, 1)?,
            name: get(row, 2)?,
            supplier_id: get_uuid(row, 3)?,
            service_id: get_uuid(row, 4)?,
            calendar_id: get_uuid(row, 5)?,
            targets: get_json(row, 6)?,
            valid_from: get_date(row, 7)?,
            valid_to: get_opt_date(row, 8)?,
            created_at: get_ts(row, 9)?,
            updated_at: get_ts(row, 10)?,
            deleted_at: get_opt_ts(row, 11)?,
            version: get(row, 12)?,
        })
    }
}

impl Workspace {
    pub fn ola_create(&self, actor: &Actor, now: Timestamp, draft: OlaDraft) -> StoreResult<Ola> {
        self.write(actor, now, |w| create_ola(w, draft))
    }

    pub fn ola_update(
        &self,
        actor: &Actor,
        now: Timestamp,
        key: &str,
        patch: OlaPatch,
        expected_version: Option<i64>,
    ) -> StoreResult<Ola> {
        self.write(actor, now, |w| {
            let before: Ola = require_key(w.conn(), key)?;
            check_version(&before, expected_version)?;
            let mut after = before.clone();
            after.apply_patch(patch)?;
            check_ola_refs(w, &after)?;
            w.update(&before, &mut after)?;
            Ok(after)
        })
    }

    pub fn ola_get(&self, key: &str) -> StoreResult<Ola> {
        require_key(&self.reader(), key)
    }

    pub fn ola_list(&self) -> StoreResult<Vec<Ola>> {
        list_live(&self.reader())
    }

    pub fn contract_create(&self, actor: &Actor, now: Timestamp, draft: ContractDraft) -> StoreResult<Contract> {
        self.write(actor, now, |w| create_contract(w, draft))
    }

    pub fn contract_update(
        &self,
        actor: &Actor,
        now: Timestamp,
        key: &str,
        patch: ContractPatch,
        expected_version: Option<i64>,
    ) -> StoreResult<Contract> {
        self.write(actor, now, |w| {
            let before: Contract = require_key(w.conn(), key)?;
            check_version(&before, expected_version)?;
            let mut after = before.clone();
            after.apply_patch(patch)?;
            check_contract_refs(w, &after)?;
            w.update(&before, &mut after)?;
            Ok(after)
        })
    }

    pub fn contract_get(&self, key: &str) -> StoreResult<Contract> {
        require_key(&self.reader(), key)
    }

    pub fn contract_list(&self) -> StoreResult<Vec<Contract>> {
        list_live(&self.reader())
    }
}

fn check_ola_refs(w: &WriteTx, ola: &Ola) -> StoreResult<()> {
    require_ref::<Group>(w.conn(), Some(ola.group_id), "group_id")?;
    require_ref::<Service>(w.conn(), ola.service_id, "service_id")?;
    require_ref::<CalendarRecord>(w.conn(), Some(ola.calendar_id), "calendar_id")
}

fn check_contract_refs(w: &WriteTx, contract: &Contract) -> StoreResult<()> {
    require_ref::<Supplier>(w.conn(), Some(contract.supplier_id), "supplier_id")?;
    require_ref::<Service>(w.conn(), Some(contract.service_id), "service_id")?;
    require_ref::<CalendarRecord>(w.conn(), Some(contract.calendar_id), "calendar_id")
}

pub(crate) fn create_ola(w: &mut WriteTx, draft: OlaDraft) -> StoreResult<Ola> {
    let (id, key) = w.identity(RecordKind::Ola)?;
    let ola = Ola::create(draft, id, key, w.now())?;
    check_ola_refs(w, &ola)?;
    w.insert(&ola)?;
    Ok(ola)
}

pub(crate) fn create_contract(w: &mut WriteTx, draft: ContractDraft) -> StoreResult<Contract> {
    let (id, key) = w.identity(RecordKind::Contract)?;
    let contract = Contract::create(draft, id, key, w.now())?;
    check_contract_refs(w, &contract)?;
    w.insert(&contract)?;
    Ok(contract)
}
