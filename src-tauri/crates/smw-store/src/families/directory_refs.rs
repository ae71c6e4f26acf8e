//! Checks that the people, groups, services and customers a ticket names exist.

use crate::error::StoreResult;
use crate::stored::{get_by_id, require_ref};
use rusqlite::Connection;
use smw_core::catalogue::{Customer, Service};
use smw_core::directory::{Group, Person};
use uuid::Uuid;

pub fn check_ticket_refs(
    conn: &Connection,
    caller: Option<Uuid>,
    customer: Option<Uuid>,
    service: Option<Uuid>,
    assignee: Option<Uuid>,
    group: Option<Uuid>,
) -> StoreResult<()> {
    require_ref::<Person>(conn, caller, "caller_id")?;
    require_ref::<Customer>(conn, customer, "customer_id")?;
    require_ref::<Service>(conn, service, "service_id")?;
    require_ref::<Person>(conn, assignee, "assignee_id")?;
    require_ref::<Group>(conn, group, "group_id")?;
    Ok(())
}

/// The customer organisation a caller belongs to, if any.
pub fn customer_of(conn: &Connection, caller: Option<Uuid>) -> StoreResult<Option<Uuid>> {
    let Some(caller) = caller else {
        return Ok(None);
    };
    Ok(get_by_id::<Person>(conn, caller)?.and_then(|person| person.customer_id))
}
