//! Ticket clocks, derived every time from the ticket's recorded history: its status changes
//! and priority changes come from its audit entries, its first response from `responded_at`,
//! its targets and pausing statuses from its SLA, business time from the SLA's calendar. The
//! result is kept in `ticket_clocks` (derived, not audited) for lists and reports.
//!
//! Because nothing is accumulated, recomputing after a calendar or SLA edit, or after a move
//! to another SLA, measures the same history again: no pause or elapsed time can be lost.

use crate::columns::{opt_ts, text, ts};
use crate::error::StoreResult;
use crate::stored::{get_by_id, select_sql, Stored};
use crate::write::WriteTx;
use rusqlite::{params, Connection};
use smw_core::agreements::targets::target_for;
use smw_core::agreements::{CalendarRecord, Sla};
use smw_core::priority::Priority;
use smw_core::sla::{
    ticket_clocks, BusinessTimeline, ClockHistory, ClockSpan, ClockState, SlaClock, StatusChange, TargetChange,
    TicketClocks,
};
use smw_core::ticket::Ticket;
use smw_core::views_sla::ClockKind;
use smw_core::workflow::Status;
use smw_core::{Code, Invalid, Timestamp};
use uuid::Uuid;

/// What a ticket's clocks are measured with: its SLA and the SLA's calendar as a timeline
/// (built once and reused for every ticket under the same SLA).
pub(crate) struct Measure {
    pub sla: Sla,
    pub calendar: CalendarRecord,
    pub timeline: BusinessTimeline,
}

impl Measure {
    /// None when the SLA or its calendar has been deleted: the ticket then has no clocks.
    pub(crate) fn load(conn: &Connection, sla_id: Uuid) -> StoreResult<Option<Measure>> {
        let Some(sla) = get_by_id::<Sla>(conn, sla_id)?.filter(|sla| sla.deleted_at.is_none()) else {
            return Ok(None);
        };
        let Some(calendar) = get_by_id::<CalendarRecord>(conn, sla.calendar_id)?.filter(|c| c.deleted_at.is_none())
        else {
            return Ok(None);
        };
        let timeline = BusinessTimeline::new(calendar.business_calendar()?)?;
        Ok(Some(Measure { sla, calendar, timeline }))
    }

    pub(crate) fn compute(&mut self, conn: &Connection, ticket: &Ticket, now: Timestamp) -> StoreResult<TicketClocks> {
        let history = clock_history(conn, ticket, &self.sla)?;
        measure_clocks(&mut self.timeline, &history, now)
    }
}

/// The engine's clocks of a ticket as of `now`.
pub(crate) fn measure_clocks(
    timeline: &mut BusinessTimeline,
    history: &ClockHistory,
    now: Timestamp,
) -> StoreResult<TicketClocks> {
    Ok(ticket_clocks(timeline, history, now)?)
}

/// The ticket's status and priority changes as its audit entries recorded them.
pub(crate) fn clock_history(conn: &Connection, ticket: &Ticket, sla: &Sla) -> StoreResult<ClockHistory> {
    let mut status_changes = Vec::new();
    let mut priorities: Vec<(Timestamp, Priority)> = Vec::new();
    for entry in crate::audit::history(conn, ticket.id)? {
        let change = |field: &str| entry.changes.get(field).and_then(|pair| pair.as_array()).filter(|p| p.len() == 2);
        if let Some(pair) = change("status") {
            // The create entry records New, where every clock starts anyway.
            if !pair[0].is_null() {
                let status = pair[1].as_str().and_then(Status::parse).ok_or_else(|| bad_history(ticket, "status"))?;
                status_changes.push(StatusChange { at: entry.at, status });
            }
        }
        if let Some(pair) = change("priority") {
            // A priority outside 1–5 was never written by the workbench: the history was edited.
            let priority =
                pair[1].as_u64().filter(|p| (1..=5).contains(p)).ok_or_else(|| bad_history(ticket, "priority"))?;
            let at = if pair[0].is_null() { ticket.created_at } else { entry.at };
            priorities.push((at, priority as Priority));
        }
    }
    if priorities.first().is_none_or(|first| first.0 != ticket.created_at) {
        // History written before priorities were recorded: the earliest known priority applies.
        let first = priorities.first().map_or(ticket.priority, |p| p.1);
        priorities.insert(0, (ticket.created_at, first));
    }
    let targets = priorities
        .into_iter()
        .filter_map(|(at, priority)| {
            target_for(&sla.targets, priority).map(|t| TargetChange {
                at,
                response_minutes: t.response_minutes,
                resolution_minutes: t.resolution_minutes,
            })
        })
        .collect();
    Ok(ClockHistory {
        created: ticket.created_at,
        status_changes,
        targets,
        first_response: ticket.responded_at,
        pausing_statuses: sla.pausing_statuses.clone(),
        warning_thresholds: sla.warning_thresholds.clone(),
    })
}

fn bad_history(ticket: &Ticket, field: &str) -> Invalid {
    Invalid::rule(
        Code::BadHistory,
        format!("The audit history of {} holds a {field} change that cannot be read.", ticket.key),
    )
}

/// When a stopped clock stopped: the end of its last counted or paused stretch.
fn stopped_at(clock: &SlaClock) -> Option<Timestamp> {
    if clock.state != ClockState::Stopped {
        return None;
    }
    let last_active = clock.spans.iter().rev().find(|span: &&ClockSpan| span.state != ClockState::Stopped);
    last_active.map(|span| span.to).or_else(|| clock.spans.first().map(|span| span.from))
}

pub(crate) fn state_name(state: ClockState) -> &'static str {
    match state {
        ClockState::Running => "running",
        ClockState::Paused => "paused",
        ClockState::Stopped => "stopped",
    }
}

fn store(conn: &Connection, ticket: &Ticket, sla_id: Uuid, clocks: &TicketClocks, now: Timestamp) -> StoreResult<()> {
    let mut upsert = conn.prepare_cached(
        "INSERT INTO ticket_clocks (ticket_id, clock, sla_id, state, target_seconds, elapsed_seconds, due_at,
             stopped_at, next_warning_at, percent, breached, ticket_status, priority, computed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
         ON CONFLICT (ticket_id, clock) DO UPDATE SET sla_id = excluded.sla_id, state = excluded.state,
             target_seconds = excluded.target_seconds, elapsed_seconds = excluded.elapsed_seconds,
             due_at = excluded.due_at, stopped_at = excluded.stopped_at, next_warning_at = excluded.next_warning_at,
             percent = excluded.percent, breached = excluded.breached, ticket_status = excluded.ticket_status,
             priority = excluded.priority, computed_at = excluded.computed_at",
    )?;
    for (kind, clock) in [(ClockKind::Response, &clocks.response), (ClockKind::Resolution, &clocks.resolution)] {
        upsert.execute(params![
            ticket.id.to_string(),
            kind.as_str(),
            sla_id.to_string(),
            state_name(clock.state),
            clock.target_seconds,
            clock.elapsed_seconds,
            opt_ts(clock.due),
            opt_ts(stopped_at(clock)),
            opt_ts(clock.next_warning),
            clock.percent_used,
            clock.breached,
            text(ticket.status.as_str()),
            ticket.priority,
            ts(now),
        ])?;
    }
    Ok(())
}

fn forget(conn: &Connection, ticket_id: Uuid) -> StoreResult<()> {
    conn.prepare_cached("DELETE FROM ticket_clocks WHERE ticket_id = ?1")?.execute([ticket_id.to_string()])?;
    Ok(())
}

/// Recomputes one ticket's clocks (or removes them when it no longer has a live SLA).
pub(crate) fn refresh(
    conn: &Connection,
    ticket: &Ticket,
    measure: Option<&mut Measure>,
    now: Timestamp,
) -> StoreResult<()> {
    match (ticket.sla_id, measure) {
        (Some(sla_id), Some(measure)) if ticket.deleted_at.is_none() => {
            let clocks = measure.compute(conn, ticket, now)?;
            store(conn, ticket, sla_id, &clocks, now)
        }
        _ => forget(conn, ticket.id),
    }
}

/// Called by every ticket write, in its transaction, after the new revision is stored.
/// Tickets that never had an SLA cost nothing here.
pub(crate) fn after_ticket_write(w: &mut WriteTx, before: Option<&Ticket>, after: &Ticket) -> StoreResult<()> {
    if after.sla_id.is_none() && before.is_none_or(|b| b.sla_id.is_none()) {
        return Ok(());
    }
    let mut measure = match after.sla_id {
        Some(sla_id) => Measure::load(w.conn(), sla_id)?,
        None => None,
    };
    refresh(w.conn(), after, measure.as_mut(), w.now())
}

fn open_tickets_of(conn: &Connection, sla_id: Uuid, open_only: bool) -> StoreResult<Vec<Ticket>> {
    let filter = if open_only { "AND status NOT IN ('resolved', 'closed')" } else { "" };
    let sql = format!("{} WHERE sla_id = ?1 AND deleted_at IS NULL {filter} ORDER BY seq", select_sql::<Ticket>());
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([sla_id.to_string()], Ticket::from_row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// After an SLA edit: every open ticket under it, measured again, in the edit's transaction.
pub(crate) fn recompute_for_sla(w: &mut WriteTx, sla: &Sla) -> StoreResult<usize> {
    recompute(w.conn(), sla.id, true, w.now())
}

/// After a calendar edit: every open ticket under every SLA measured on the calendar.
pub(crate) fn recompute_for_calendar(w: &mut WriteTx, calendar_id: Uuid) -> StoreResult<usize> {
    let sql = format!("{} WHERE calendar_id = ?1 AND deleted_at IS NULL", select_sql::<Sla>());
    let slas: Vec<Sla> = {
        let mut stmt = w.conn().prepare_cached(&sql)?;
        let rows = stmt.query_map([calendar_id.to_string()], Sla::from_row)?;
        rows.collect::<Result<_, _>>()?
    };
    let mut count = 0;
    for sla in slas {
        count += recompute(w.conn(), sla.id, true, w.now())?;
    }
    Ok(count)
}

fn recompute(conn: &Connection, sla_id: Uuid, open_only: bool, now: Timestamp) -> StoreResult<usize> {
    let tickets = open_tickets_of(conn, sla_id, open_only)?;
    let mut measure = Measure::load(conn, sla_id)?;
    for ticket in &tickets {
        refresh(conn, ticket, measure.as_mut(), now)?;
    }
    Ok(tickets.len())
}

/// Rebuilds the whole derived table from history (after an import, say): every ticket with
/// an SLA, open or not. Returns how many tickets have clocks.
pub(crate) fn rebuild_all(conn: &Connection, now: Timestamp) -> StoreResult<usize> {
    conn.execute("DELETE FROM ticket_clocks", [])?;
    let sla_ids: Vec<Uuid> = crate::stored::list_live::<Sla>(conn)?.into_iter().map(|sla| sla.id).collect();
    let mut count = 0;
    for sla_id in sla_ids {
        count += recompute(conn, sla_id, false, now)?;
    }
    Ok(count)
}
