//! The stored SLA clocks against the clocks the history gives. The stored table is what lists
//! and reports read; one edited to turn a breach into a met target (or left alone after the
//! history under it was edited) disagrees with the history measured again.
//!
//! Each clock row is measured again at its `computed_at`, with its SLA and calendar, but only
//! where neither has changed since: a resolved ticket keeps the clocks of the SLA it was
//! resolved under (an SLA edit recomputes open tickets only), and today's SLA would measure it
//! differently without anything being wrong.

use super::Findings;
use crate::error::StoreResult;
use crate::service_levels::clocks::{state_name, Measure};
use crate::stored::get_by_id;
use rusqlite::Connection;
use smw_core::sla::SlaClock;
use smw_core::ticket::Ticket;
use smw_core::Timestamp;
use std::collections::HashMap;
use uuid::Uuid;

/// One stored clock, as far as the comparison goes.
struct StoredClock {
    ticket_id: String,
    clock: String,
    sla_id: String,
    state: String,
    target_seconds: i64,
    elapsed_seconds: i64,
    due_at: Option<String>,
    breached: bool,
    computed_at: String,
}

pub(super) fn check(conn: &Connection, findings: &mut Findings) -> StoreResult<()> {
    let mut stmt = conn.prepare(
        "SELECT ticket_id, clock, sla_id, state, target_seconds, elapsed_seconds, due_at, breached, computed_at
         FROM ticket_clocks ORDER BY ticket_id, clock",
    )?;
    let stored: Vec<StoredClock> = stmt
        .query_map([], |row| {
            Ok(StoredClock {
                ticket_id: row.get(0)?,
                clock: row.get(1)?,
                sla_id: row.get(2)?,
                state: row.get(3)?,
                target_seconds: row.get(4)?,
                elapsed_seconds: row.get(5)?,
                due_at: row.get(6)?,
                breached: row.get(7)?,
                computed_at: row.get(8)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    let mut measures: HashMap<Uuid, Option<Measure>> = HashMap::new();
    for row in &stored {
        let (Ok(ticket_id), Ok(sla_id), Ok(computed_at)) =
            (row.ticket_id.parse::<Uuid>(), row.sla_id.parse::<Uuid>(), Timestamp::parse(&row.computed_at))
        else {
            findings.add(
                "clock_altered",
                format!("a stored SLA clock of ticket {} is malformed", row.ticket_id),
                None,
                None,
            );
            continue;
        };
        let Some(ticket) = get_by_id::<Ticket>(conn, ticket_id)? else {
            let message = format!("a stored SLA clock belongs to no ticket ({ticket_id})");
            findings.add("clock_altered", message, None, None);
            continue;
        };
        if ticket.sla_id != Some(sla_id) {
            continue;
        }
        if !measures.contains_key(&sla_id) {
            measures.insert(sla_id, Measure::load(conn, sla_id)?);
        }
        let Some(measure) = measures.get_mut(&sla_id).and_then(Option::as_mut) else { continue };
        if measure.sla.updated_at > computed_at || measure.calendar.updated_at > computed_at {
            continue;
        }
        let Ok(clocks) = measure.compute(conn, &ticket, computed_at) else {
            // A history the engine cannot read is named by the chain and record checks.
            continue;
        };
        let clock = if row.clock == "response" { &clocks.response } else { &clocks.resolution };
        if !agrees(row, clock) {
            findings.add(
                "clock_altered",
                format!(
                    "the stored {} clock of {} ({}, {}) is not what its history gives ({}, {}): derived data was edited",
                    row.clock,
                    ticket.key,
                    row.state,
                    if row.breached { "breached" } else { "within target" },
                    state_name(clock.state),
                    if clock.breached { "breached" } else { "within target" },
                ),
                Some(ticket.key.clone()),
                None,
            );
        }
    }
    Ok(())
}

fn agrees(row: &StoredClock, clock: &SlaClock) -> bool {
    row.state == state_name(clock.state)
        && row.target_seconds == clock.target_seconds
        && row.elapsed_seconds == clock.elapsed_seconds
        && row.breached == clock.breached
        && row.due_at.as_deref().map(Timestamp::parse).transpose().ok() == Some(clock.due)
}
