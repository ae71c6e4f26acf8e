//! Which SLA a ticket is measured against: the one in force, on the day the ticket was
//! logged, for the ticket's customer and service. Chosen when the ticket is created and
//! again when its customer or service changes, unless someone chose the SLA by hand.

use crate::error::StoreResult;
use crate::stored::{require_ref, select_sql, Stored};
use rusqlite::Connection;
use smw_core::agreements::Sla;
use smw_core::ticket::Ticket;
use uuid::Uuid;

/// The SLA the domain chooses for the ticket among the live ones for its customer and service.
pub(crate) fn sla_for_ticket(conn: &Connection, ticket: &Ticket) -> StoreResult<Option<Uuid>> {
    let (Some(customer), Some(service)) = (ticket.customer_id, ticket.service_id) else {
        return Ok(None);
    };
    let sql = format!("{} WHERE customer_id = ?1 AND service_id = ?2 AND deleted_at IS NULL", select_sql::<Sla>());
    let mut stmt = conn.prepare_cached(&sql)?;
    let candidates: Vec<Sla> =
        stmt.query_map([customer.to_string(), service.to_string()], Sla::from_row)?.collect::<Result<_, _>>()?;
    Ok(smw_core::agreements::sla::sla_for_ticket(ticket, &candidates).map(|sla| sla.id))
}

/// After an edit: an SLA chosen in the patch must exist; otherwise a new customer or service
/// brings the SLA that goes with them.
pub(crate) fn reassign_sla(conn: &Connection, before: &Ticket, after: &mut Ticket, chosen: bool) -> StoreResult<()> {
    if chosen {
        return require_ref::<Sla>(conn, after.sla_id, "sla_id");
    }
    if before.customer_id != after.customer_id || before.service_id != after.service_id {
        after.sla_id = sla_for_ticket(conn, after)?;
    }
    Ok(())
}
