//! Tickets and problems and the configuration items they name: what a record's items reach
//! downstream, and the open tickets and problems a CI's record lists.

use super::detail::node;
use crate::error::StoreResult;
use crate::stored::{require_key, select_sql, Stored};
use crate::workspace::Workspace;
use rusqlite::Connection;
use smw_core::cmdb::views::{NodeRef, TicketImpact, TicketRef};
use smw_core::cmdb::{Direction, EndKind};
use smw_core::problem::Problem;
use smw_core::ticket::Ticket;
use uuid::Uuid;

impl Workspace {
    /// The CIs ticket or problem `key` names, and the services, customers and SLAs their
    /// failure reaches (every item's downstream impact, each service once).
    pub fn ticket_impact(&self, key: &str) -> StoreResult<TicketImpact> {
        let cis = {
            let conn = self.reader();
            let named = if key.trim().to_ascii_uppercase().starts_with("PRB-") {
                require_key::<Problem>(&conn, key)?.affected_ci_ids
            } else {
                require_key::<Ticket>(&conn, key)?.affected_ci_ids
            };
            named.iter().map(|id| node(&conn, EndKind::Ci, *id)).collect::<StoreResult<Vec<_>>>()?
        };
        let mut services: Vec<NodeRef> = Vec::new();
        for ci in cis.iter().filter(|ci| !ci.retired) {
            let report = self.cmdb_impact(&ci.key, Direction::Down, None)?;
            for service in report.services {
                if !services.iter().any(|known| known.id == service.id) {
                    services.push(service);
                }
            }
        }
        let (customers, slas) = self.behind(&services)?;
        Ok(TicketImpact { cis, services, customers, slas })
    }
}

/// The open incidents and requests that name CI `id`, newest first. Only tickets naming any
/// CI are indexed (`tickets_naming_cis`), so this stays quick on a large desk.
pub(crate) fn open_tickets_naming(conn: &Connection, id: Uuid) -> StoreResult<Vec<TicketRef>> {
    let sql = format!(
        "{} WHERE affected_ci_ids <> '[]' AND status NOT IN ('resolved', 'closed') AND deleted_at IS NULL \
         AND EXISTS (SELECT 1 FROM json_each(tickets.affected_ci_ids) WHERE value = ?1) ORDER BY seq DESC",
        select_sql::<Ticket>()
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([id.to_string()], Ticket::from_row)?;
    rows.map(|row| {
        let ticket = row?;
        Ok(TicketRef { key: ticket.key, title: ticket.title, status: ticket.status.as_str().into() })
    })
    .collect()
}

/// The open problems that name CI `id`, newest first.
pub(crate) fn open_problems_naming(conn: &Connection, id: Uuid) -> StoreResult<Vec<TicketRef>> {
    let sql = format!(
        "{} WHERE affected_ci_ids <> '[]' AND status NOT IN ('resolved', 'closed') AND deleted_at IS NULL \
         AND EXISTS (SELECT 1 FROM json_each(problems.affected_ci_ids) WHERE value = ?1) ORDER BY seq DESC",
        select_sql::<Problem>()
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([id.to_string()], Problem::from_row)?;
    rows.map(|row| {
        let problem = row?;
        Ok(TicketRef { key: problem.key, title: problem.title, status: problem.status.as_str().into() })
    })
    .collect()
}

/// Each CI a ticket or problem names must be a live one: a retired CI can no longer be hit.
pub(crate) fn check_affected_cis(conn: &Connection, cis: &[Uuid]) -> StoreResult<()> {
    for (i, ci) in cis.iter().enumerate() {
        crate::stored::require_ref::<smw_core::cmdb::Ci>(conn, Some(*ci), &format!("affected_ci_ids[{i}]"))?;
    }
    Ok(())
}
