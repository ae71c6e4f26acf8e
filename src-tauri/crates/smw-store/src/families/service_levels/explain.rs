//! The clock explanation behind a ticket's figures, and rebuilding the derived clocks.

use super::clocks::{clock_history, measure_clocks, rebuild_all, Measure};
use crate::error::StoreResult;
use crate::stored::require_key;
use crate::workspace::Workspace;
use crate::write::Actor;
use smw_core::ticket::Ticket;
use smw_core::views_sla::ClockExplanation;
use smw_core::Timestamp;

impl Workspace {
    /// A ticket's clocks as of `now`, with every counted interval and every pause, and the
    /// targets in force over time. None when the ticket has no SLA.
    pub fn ticket_clocks(&self, key: &str, now: Timestamp) -> StoreResult<Option<ClockExplanation>> {
        let conn = self.reader();
        let ticket: Ticket = require_key(&conn, key)?;
        let Some(sla_id) = ticket.sla_id else { return Ok(None) };
        let Some(mut measure) = Measure::load(&conn, sla_id)? else { return Ok(None) };
        let history = clock_history(&conn, &ticket, &measure.sla)?;
        let clocks = measure_clocks(&mut measure.timeline, &history, now)?;
        Ok(Some(ClockExplanation {
            ticket_key: ticket.key,
            sla_key: measure.sla.key,
            sla_name: measure.sla.name,
            calendar_key: measure.calendar.key,
            calendar_name: measure.calendar.name,
            priority: ticket.priority,
            status: ticket.status,
            pausing_statuses: history.pausing_statuses,
            targets: history.targets,
            computed_at: now,
            response: clocks.response,
            resolution: clocks.resolution,
        }))
    }

    /// Recomputes every ticket's stored clocks from its history (after an import, or to check
    /// the derived table). Writes no audit entries: the clocks are derived, not records.
    pub fn sla_rebuild_clocks(&self, now: Timestamp) -> StoreResult<usize> {
        self.write(&Actor::system("sla clocks"), now, |w| rebuild_all(w.conn(), now))
    }
}
