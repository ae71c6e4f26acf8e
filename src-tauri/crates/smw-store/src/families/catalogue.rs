//! Services, customers and suppliers: table mappings, creation, edits and retirement.

use crate::error::StoreResult;
use crate::mapping::stored_record;
use crate::stored::{list_live, live_names, require_key, require_ref, Stored};
use crate::workspace::Workspace;
use crate::write::{Actor, WriteTx};
use smw_core::catalogue::{Customer, PartyDraft, Service, ServiceDraft, ServiceStatus, Supplier};
use smw_core::catalogue_patch::{PartyPatch, ServicePatch};
use smw_core::directory::Person;
use smw_core::naming::ensure_unique_name;
use smw_core::{RecordKind, Timestamp};
use std::collections::HashMap;
use uuid::Uuid;

stored_record! {
    Service => table "services", noun "service",
    columns {
        id: uuid,
        key: text,
        name: text,
        description: text,
        status: enum(ServiceStatus),
        owner_id: opt_uuid,
        customer_ids: uuid_list,
        depends_on: uuid_list,
        created_at: ts,
        updated_at: ts,
        deleted_at: opt_ts,
        version: int,
    }
}

/// Customers and suppliers share a shape: name, description and contacts.
macro_rules! stored_party {
    ($type:ty, $table:literal, $noun:literal) => {
        stored_record! {
            $type => table $table, noun $noun,
            columns {
                id: uuid,
                key: text,
                name: text,
                description: text,
                contacts: text,
                created_at: ts,
                updated_at: ts,
                deleted_at: opt_ts,
                version: int,
            }
        }
    };
}

stored_party!(Customer, "customers", "customer");
stored_party!(Supplier, "suppliers", "supplier");

impl Workspace {
    pub fn service_create(&self, actor: &Actor, now: Timestamp, draft: ServiceDraft) -> StoreResult<Service> {
        self.write(actor, now, |w| create_service(w, draft))
    }

    pub fn customer_create(&self, actor: &Actor, now: Timestamp, draft: PartyDraft) -> StoreResult<Customer> {
        self.write(actor, now, |w| create_customer(w, draft))
    }

    pub fn supplier_create(&self, actor: &Actor, now: Timestamp, draft: PartyDraft) -> StoreResult<Supplier> {
        self.write(actor, now, |w| create_supplier(w, draft))
    }

    /// Edits a service; a dependency that would close a cycle is refused, naming the entry.
    pub fn service_update(
        &self,
        actor: &Actor,
        now: Timestamp,
        key: &str,
        patch: ServicePatch,
        expected_version: Option<i64>,
    ) -> StoreResult<Service> {
        self.write(actor, now, |w| update_service(w, key, patch, expected_version))
    }

    /// Edits a customer; `service_ids`, when given, becomes the whole list of services it
    /// takes, written on each service whose customers change.
    pub fn customer_update(
        &self,
        actor: &Actor,
        now: Timestamp,
        key: &str,
        patch: PartyPatch,
        service_ids: Option<Vec<Uuid>>,
        expected_version: Option<i64>,
    ) -> StoreResult<Customer> {
        self.write(actor, now, |w| {
            let customer = update_party::<Customer>(w, key, patch, expected_version, Customer::apply_patch)?;
            if let Some(services) = service_ids {
                set_services_taken(w, customer.id, &services)?;
            }
            Ok(customer)
        })
    }

    pub fn supplier_update(
        &self,
        actor: &Actor,
        now: Timestamp,
        key: &str,
        patch: PartyPatch,
        expected_version: Option<i64>,
    ) -> StoreResult<Supplier> {
        self.write(actor, now, |w| update_party::<Supplier>(w, key, patch, expected_version, Supplier::apply_patch))
    }

    /// Retires a service: its status becomes retired and it leaves the pickers; tickets and
    /// agreements that name it keep it.
    pub fn service_retire(&self, actor: &Actor, now: Timestamp, key: &str) -> StoreResult<Service> {
        self.write(actor, now, |w| {
            let service: Service = require_key(w.conn(), key)?;
            w.retire(&service, |service| service.status = ServiceStatus::Retired)
        })
    }

    pub fn customer_retire(&self, actor: &Actor, now: Timestamp, key: &str) -> StoreResult<Customer> {
        self.write(actor, now, |w| {
            let customer: Customer = require_key(w.conn(), key)?;
            w.retire(&customer, |_| {})
        })
    }

    pub fn supplier_retire(&self, actor: &Actor, now: Timestamp, key: &str) -> StoreResult<Supplier> {
        self.write(actor, now, |w| {
            let supplier: Supplier = require_key(w.conn(), key)?;
            w.retire(&supplier, |_| {})
        })
    }
}

pub(crate) fn create_service(w: &mut WriteTx, draft: ServiceDraft) -> StoreResult<Service> {
    require_ref::<Person>(w.conn(), draft.owner_id, "owner_id")?;
    for (i, customer) in draft.customer_ids.iter().enumerate() {
        require_ref::<Customer>(w.conn(), Some(*customer), &format!("customer_ids[{i}]"))?;
    }
    for (i, service) in draft.depends_on.iter().enumerate() {
        require_ref::<Service>(w.conn(), Some(*service), &format!("depends_on[{i}]"))?;
    }
    w.create(RecordKind::Service, |id, key, now| Service::create(draft, id, key, now), unique_name)
}

pub(crate) fn create_customer(w: &mut WriteTx, draft: PartyDraft) -> StoreResult<Customer> {
    w.create(RecordKind::Customer, |id, key, now| Customer::create(draft, id, key, now), unique_name)
}

pub(crate) fn create_supplier(w: &mut WriteTx, draft: PartyDraft) -> StoreResult<Supplier> {
    w.create(RecordKind::Supplier, |id, key, now| Supplier::create(draft, id, key, now), unique_name)
}

pub(crate) fn update_service(
    w: &mut WriteTx,
    key: &str,
    patch: ServicePatch,
    expected_version: Option<i64>,
) -> StoreResult<Service> {
    let (_, after) = w.edit(key, expected_version, |w, service: &mut Service| {
        require_ref::<Person>(w.conn(), patch.owner_id.flatten(), "owner_id")?;
        for (i, customer) in patch.customer_ids.iter().flatten().enumerate() {
            require_ref::<Customer>(w.conn(), Some(*customer), &format!("customer_ids[{i}]"))?;
        }
        for (i, service) in patch.depends_on.iter().flatten().enumerate() {
            require_ref::<Service>(w.conn(), Some(*service), &format!("depends_on[{i}]"))?;
        }
        // The whole graph, so the domain can refuse a dependency that closes a cycle.
        let graph: HashMap<Uuid, Vec<Uuid>> =
            list_live::<Service>(w.conn())?.into_iter().map(|service| (service.id, service.depends_on)).collect();
        service.apply_patch(patch, &graph)?;
        unique_name(w, service)
    })?;
    Ok(after)
}

/// The catalogue's records that people pick by name, and so must tell apart by it.
trait Named: Stored + PartialEq {
    fn name(&self) -> &str;
}

macro_rules! named {
    ($($type:ty),*) => {$(
        impl Named for $type {
            fn name(&self) -> &str {
                &self.name
            }
        }
    )*};
}

named!(Service, Customer, Supplier);

fn unique_name<R: Named>(w: &WriteTx, record: &R) -> StoreResult<()> {
    let others = live_names::<R>(w.conn(), Some(record.id()))?;
    Ok(ensure_unique_name(R::NOUN, record.name(), others.iter().map(String::as_str))?)
}

/// Makes `services` exactly the live services that list `customer`.
fn set_services_taken(w: &mut WriteTx, customer: Uuid, services: &[Uuid]) -> StoreResult<()> {
    for (i, service) in services.iter().enumerate() {
        require_ref::<Service>(w.conn(), Some(*service), &format!("service_ids[{i}]"))?;
    }
    for before in list_live::<Service>(w.conn())? {
        let takes = services.contains(&before.id);
        if before.customer_ids.contains(&customer) == takes {
            continue;
        }
        let mut after = before.clone();
        if takes {
            after.customer_ids.push(customer);
        } else {
            after.customer_ids.retain(|id| *id != customer);
        }
        w.update(&before, &mut after)?;
    }
    Ok(())
}

fn update_party<R: Named>(
    w: &mut WriteTx,
    key: &str,
    patch: PartyPatch,
    expected_version: Option<i64>,
    apply: fn(&mut R, PartyPatch) -> Result<(), smw_core::Invalid>,
) -> StoreResult<R> {
    let (_, after) = w.edit_if_changed(key, expected_version, |w, party: &mut R| {
        apply(party, patch)?;
        unique_name(w, party)
    })?;
    Ok(after)
}
