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

/// The open incidents and requests that name CI `id`, newest first.
pub(crate) fn open_tickets_naming(conn: &Connection, id: Uuid) -> StoreResult<Vec<TicketRef>> {
    open_naming(conn, id, |t: Ticket| TicketRef { key: t.key, title: t.title, status: t.status.as_str().into() })
}

/// The open problems that name CI `id`, newest first.
pub(crate) fn open_problems_naming(conn: &Connection, id: Uuid) -> StoreResult<Vec<TicketRef>> {
    open_naming(conn, id, |p: Problem| TicketRef { key: p.key, title: p.title, status: p.status.as_str().into() })
}

/// The open records of family `R` that name CI `id`, newest first. Only records naming a CI
/// are indexed (`tickets_naming_cis`, `problems_naming_cis`), so this stays quick on a large
/// desk; "open" is neither resolved nor closed, which both families spell alike.
fn open_naming<R: Stored>(conn: &Connection, id: Uuid, to_ref: fn(R) -> TicketRef) -> StoreResult<Vec<TicketRef>> {
    let sql = format!(
        "{} WHERE affected_ci_ids <> '[]' AND status NOT IN ('resolved', 'closed') AND deleted_at IS NULL \
         AND EXISTS (SELECT 1 FROM json_each({}.affected_ci_ids) WHERE value = ?1) ORDER BY seq DESC",
        select_sql::<R>(),
        R::TABLE
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([id.to_string()], R::from_row)?;
    rows.map(|row| Ok(to_ref(row?))).collect()
}

/// Each CI a ticket or problem names must be a live one: a retired CI can no longer be hit.
pub(crate) fn check_affected_cis(conn: &Connection, cis: &[Uuid]) -> StoreResult<()> {
    for (i, ci) in cis.iter().enumerate() {
        crate::stored::require_ref::<smw_core::cmdb::Ci>(conn, Some(*ci), &format!("affected_ci_ids[{i}]"))?;
    }
    Ok(())
}
