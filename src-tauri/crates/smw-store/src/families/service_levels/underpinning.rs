//! Operational level agreements and underpinning contracts: table mappings, create and edit.
//! They carry no ticket clocks; the consistency check compares them with the SLAs above them.

use crate::error::StoreResult;
use crate::mapping::stored_record;
use crate::stored::{list_live, require_key, require_ref};
use crate::workspace::Workspace;
use crate::write::{Actor, WriteTx};
use smw_core::agreements::{CalendarRecord, Contract, ContractDraft, ContractPatch, Ola, OlaDraft, OlaPatch};
use smw_core::catalogue::{Service, Supplier};
use smw_core::directory::Group;
use smw_core::{RecordKind, Timestamp};

stored_record! {
    Ola => table "olas", noun "OLA",
    columns {
        id: uuid,
        key: text,
        name: text,
        group_id: uuid,
        service_id: opt_uuid,
        calendar_id: uuid,
        targets: json,
        valid_from: date,
        valid_to: opt_date,
        created_at: ts,
        updated_at: ts,
        deleted_at: opt_ts,
        version: int,
    }
}

stored_record! {
    Contract => table "contracts", noun "contract",
    columns {
        id: uuid,
        key: text,
        name: text,
        supplier_id: uuid,
        service_id: uuid,
        calendar_id: uuid,
        targets: json,
        valid_from: date,
        valid_to: opt_date,
        created_at: ts,
        updated_at: ts,
        deleted_at: opt_ts,
        version: int,
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
            let (_, after) = w.edit(key, expected_version, |w, ola: &mut Ola| {
                ola.apply_patch(patch)?;
                check_ola_refs(w, ola)
            })?;
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
            let (_, after) = w.edit(key, expected_version, |w, contract: &mut Contract| {
                contract.apply_patch(patch)?;
                check_contract_refs(w, contract)
            })?;
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
    w.create(RecordKind::Ola, |id, key, now| Ola::create(draft, id, key, now), check_ola_refs)
}

pub(crate) fn create_contract(w: &mut WriteTx, draft: ContractDraft) -> StoreResult<Contract> {
    w.create(RecordKind::Contract, |id, key, now| Contract::create(draft, id, key, now), check_contract_refs)
}
