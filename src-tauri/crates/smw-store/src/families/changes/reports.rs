//! Reports over the changes: the dashboard figures, unauthorised CI edits found from the audit
//! history, and the forward schedule of change as iCalendar.

use super::policy::change_policy;
use super::rfcs::live_changes;
use crate::audit::{entry_from_row, ENTRY_COLUMNS};
use crate::error::StoreResult;
use crate::stored::{list_live, require_key};
use crate::workspace::Workspace;
use rusqlite::Connection;
use smw_core::audit::AuditEntry;
use smw_core::catalogue::{Customer, Service};
use smw_core::change_management::dashboard::{dashboard, ChangeDashboard};
use smw_core::change_management::ics_out::{schedule_ics, ScheduleEvent};
use smw_core::change_management::unauthorised::{unauthorised, CiEdit, UnauthorisedEdit};
use smw_core::change_management::{Change, ChangeStatus};
use smw_core::{Code, Invalid, Timestamp};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// The changes an incident (or problem) names as its cause: `INC caused_by CHG`.
fn caused_incidents(conn: &Connection) -> StoreResult<HashSet<Uuid>> {
    let mut stmt = conn.prepare_cached("SELECT to_id FROM links WHERE kind = 'caused_by' AND deleted_at IS NULL")?;
    let rows = stmt.query_map([], |row| crate::columns::get_uuid(row, 0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Each CI's services, for the policy's "every CI of a controlled service".
fn ci_services(conn: &Connection) -> StoreResult<HashMap<Uuid, Vec<Uuid>>> {
    let mut stmt = conn.prepare_cached("SELECT id, service_ids FROM cis")?;
    let rows =
        stmt.query_map([], |row| Ok((crate::columns::get_uuid(row, 0)?, crate::columns::get_uuid_list(row, 1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

impl Workspace {
    /// What the change did to the CMDB: the audited writes of its CIs from its actual start to
    /// its actual end (or on, while it runs), oldest first; none before it starts.
    pub fn change_ci_edits(&self, key: &str) -> StoreResult<Vec<AuditEntry>> {
        let change: Change = require_key(&self.reader(), key)?;
        let Some(from) = change.actual_start else { return Ok(Vec::new()) };
        let to = change.actual_end.map_or_else(|| "9999".to_string(), |t| t.to_string());
        let conn = self.reader();
        let sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM audit_log WHERE record_id = ?1 AND record_kind = 'ci' AND at >= ?2 AND at <= ?3 ORDER BY seq"
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let mut edits = Vec::new();
        for ci in &change.ci_ids {
            let rows = stmt.query_map(rusqlite::params![ci.to_string(), from.to_string(), to], entry_from_row)?;
            edits.extend(rows.collect::<Result<Vec<_>, _>>()?);
        }
        edits.sort_by_key(|entry| entry.seq);
        Ok(edits)
    }

    pub fn change_dashboard(&self) -> StoreResult<ChangeDashboard> {
        let conn = self.reader();
        Ok(dashboard(&live_changes(&conn, None)?, &caused_incidents(&conn)?))
    }

    /// Every audited edit of a CI under change control made while no approved change naming
    /// that CI was open, oldest first.
    pub fn changes_unauthorised(&self) -> StoreResult<Vec<UnauthorisedEdit>> {
        let conn = self.reader();
        let policy = change_policy(&conn)?;
        let services = ci_services(&conn)?;
        let mut stmt = conn.prepare_cached(
            "SELECT seq, at, record_id, record_key, actor, action FROM audit_log
             WHERE record_kind = 'ci' AND action <> 'create' ORDER BY seq",
        )?;
        let edits = stmt
            .query_map([], |row| {
                Ok(CiEdit {
                    seq: row.get(0)?,
                    at: crate::columns::get_ts(row, 1)?,
                    ci_id: crate::columns::get_uuid(row, 2)?,
                    ci_key: row.get(3)?,
                    actor: row.get(4)?,
                    action: row.get(5)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        let changes = live_changes(&conn, None)?;
        let none = Vec::new();
        Ok(unauthorised(&edits, &changes, |ci| policy.controls_ci(ci, services.get(&ci).unwrap_or(&none))))
    }

    /// The forward schedule of change over `[from, to)` as an iCalendar file: the changes
    /// raised and not yet over, each an event. With `customer_key`, only the changes to that
    /// customer's services (through the catalogue or an SLA), without internal detail.
    pub fn change_schedule_ics(
        &self,
        from: Timestamp,
        to: Timestamp,
        customer_key: Option<&str>,
        now: Timestamp,
    ) -> StoreResult<String> {
        if to <= from {
            return Err(Invalid::field(Code::EmptyPeriod, "to", "The end of the range must be after its start.").into());
        }
        let conn = self.reader();
        let services: HashMap<Uuid, Service> = list_live::<Service>(&conn)?.into_iter().map(|s| (s.id, s)).collect();
        let customer: Option<Customer> = customer_key.map(|key| require_key(&conn, key)).transpose()?;
        let customer_services: Option<HashSet<Uuid>> = match &customer {
            None => None,
            Some(customer) => {
                let mut set: HashSet<Uuid> =
                    services.values().filter(|s| s.customer_ids.contains(&customer.id)).map(|s| s.id).collect();
                let mut stmt =
                    conn.prepare_cached("SELECT service_id FROM slas WHERE customer_id = ?1 AND deleted_at IS NULL")?;
                let rows = stmt.query_map([customer.id.to_string()], |row| crate::columns::get_uuid(row, 0))?;
                for row in rows {
                    set.insert(row?);
                }
                Some(set)
            }
        };
        let affected = |change: &Change| -> Vec<Uuid> { change.service_ids.clone() };
        let mut events = Vec::new();
        for change in live_changes(&conn, Some((from.millis(), to.millis())))? {
            use ChangeStatus::*;
            if !matches!(change.status, Submitted | Assessed | Approved | Scheduled | Implementing) {
                continue;
            }
            let touched = affected(&change);
            if customer_services.as_ref().is_some_and(|set| !touched.iter().any(|s| set.contains(s))) {
                continue;
            }
            let Some((start, end)) = change.planned_window() else { continue };
            let names: Vec<&str> = touched.iter().filter_map(|s| services.get(s)).map(|s| s.name.as_str()).collect();
            let mut description =
                format!("Services: {}", if names.is_empty() { "none named".into() } else { names.join(", ") });
            if customer.is_none() {
                description.push_str(&format!(
                    "\nType: {}\nRisk: {}\nStatus: {}",
                    change.change_type.label(),
                    change.risk.label(),
                    change.status.label()
                ));
            }
            events.push(ScheduleEvent {
                uid: format!("{}@sms-workbench", change.id),
                start,
                end,
                summary: format!("{} {}", change.key, change.title),
                description,
                categories: vec![change.change_type.label().to_string(), format!("{} risk", change.risk.label())],
                confirmed: change.status.is_booked(),
            });
        }
        let name = match &customer {
            Some(customer) => format!("Planned changes for {}", customer.name),
            None => "Forward schedule of change".to_string(),
        };
        Ok(schedule_ics(&name, &events, now))
    }
}
