//! Open clocks that have used a warning share of their target, as of `now`, read from the
//! derived clocks. A clock's state only changes through a write (which recomputes it), so
//! between writes a running clock has counted exactly the business time since it was
//! computed: that is added here instead of measuring the whole history again.

use crate::columns::{get_enum, get_json, get_opt_ts, get_ts, get_uuid};
use crate::error::StoreResult;
use crate::workspace::Workspace;
use rusqlite::Connection;
use smw_core::agreements::CalendarRecord;
use smw_core::sla::{BusinessTimeline, ClockState};
use smw_core::views_sla::{AtRiskClock, ClockKind};
use smw_core::workflow::Status;
use smw_core::Timestamp;
use std::collections::HashMap;
use uuid::Uuid;

impl Workspace {
    /// Open tickets' clocks past a warning threshold of their SLA (75 % and 100 % unless the
    /// SLA says otherwise), least counted time left first: breached ones lead, most overdue first.
    pub fn sla_at_risk(&self, now: Timestamp) -> StoreResult<Vec<AtRiskClock>> {
        at_risk(&self.reader(), now)
    }

    /// The next instant after `now` at which an open clock crosses a warning threshold or its
    /// target, so the app can schedule its next notification. None when no clock is running.
    pub fn sla_next_warning(&self, now: Timestamp) -> StoreResult<Option<Timestamp>> {
        let next: Option<String> = self.reader().query_row(
            "SELECT min(at) FROM (
                 SELECT next_warning_at AS at FROM ticket_clocks WHERE state = 'running' AND next_warning_at > ?1
                 UNION ALL
                 SELECT due_at FROM ticket_clocks WHERE state = 'running' AND due_at > ?1)",
            [now.to_string()],
            |row| row.get(0),
        )?;
        Ok(next.and_then(|text| Timestamp::parse(&text).ok()))
    }
}

pub(crate) fn state_from(text: &str) -> Option<ClockState> {
    match text {
        "running" => Some(ClockState::Running),
        "paused" => Some(ClockState::Paused),
        "stopped" => Some(ClockState::Stopped),
        _ => None,
    }
}

/// Business time counted by a clock up to `now`, from its stored figures.
pub(crate) struct LiveElapsed<'c> {
    conn: &'c Connection,
    timelines: HashMap<Uuid, Option<BusinessTimeline>>,
}

impl<'c> LiveElapsed<'c> {
    pub(crate) fn new(conn: &'c Connection) -> Self {
        LiveElapsed { conn, timelines: HashMap::new() }
    }

    /// Seconds counted by `now`: the stored elapsed time, plus, while running, the business
    /// time of the calendar between the computation and `now`.
    pub(crate) fn at(
        &mut self,
        calendar_id: Uuid,
        state: ClockState,
        elapsed: i64,
        computed_at: Timestamp,
        now: Timestamp,
    ) -> StoreResult<i64> {
        if state != ClockState::Running || now <= computed_at {
            return Ok(elapsed);
        }
        if !self.timelines.contains_key(&calendar_id) {
            let calendar = crate::stored::get_by_id::<CalendarRecord>(self.conn, calendar_id)?;
            let timeline = match calendar {
                Some(calendar) => Some(BusinessTimeline::new(calendar.business_calendar()?)?),
                None => None,
            };
            self.timelines.insert(calendar_id, timeline);
        }
        match self.timelines.get_mut(&calendar_id).and_then(Option::as_mut) {
            Some(timeline) => Ok(elapsed + timeline.business_between(computed_at.millis(), now.millis())? / 1000),
            None => Ok(elapsed),
        }
    }
}

pub(crate) fn at_risk(conn: &Connection, now: Timestamp) -> StoreResult<Vec<AtRiskClock>> {
    // Running clocks are candidates once a warning or the deadline has come; paused ones
    // only move on a write, so their stored percentage decides.
    let mut stmt = conn.prepare_cached(
        "SELECT c.ticket_id, c.clock, c.state, c.target_seconds, c.elapsed_seconds, c.due_at, c.computed_at,
                t.key, t.title, t.status, t.priority, s.key, s.warning_thresholds, s.calendar_id
         FROM ticket_clocks c
         JOIN tickets t ON t.id = c.ticket_id
         JOIN slas s ON s.id = c.sla_id
         WHERE c.state <> 'stopped' AND t.deleted_at IS NULL
           AND (c.state = 'paused' OR c.next_warning_at IS NULL OR c.next_warning_at <= ?1 OR c.due_at <= ?1)",
    )?;
    let now_text = now.to_string();
    let mut rows = stmt.query([&now_text])?;
    let mut live = LiveElapsed::new(conn);
    let mut list = Vec::new();
    while let Some(row) = rows.next()? {
        let state = get_enum(row, 2, state_from)?;
        let target: i64 = row.get(3)?;
        let stored_elapsed: i64 = row.get(4)?;
        let due_at = get_opt_ts(row, 5)?;
        let thresholds: Vec<u32> = get_json(row, 12)?;
        let elapsed = live.at(get_uuid(row, 13)?, state, stored_elapsed, get_ts(row, 6)?, now)?;
        let reached = thresholds.iter().copied().filter(|&t| elapsed * 100 >= target * i64::from(t)).max();
        let Some(threshold_reached) = reached else { continue };
        list.push(AtRiskClock {
            ticket_id: get_uuid(row, 0)?,
            ticket_key: row.get(7)?,
            title: row.get(8)?,
            clock: get_enum(row, 1, ClockKind::parse)?,
            sla_key: row.get(11)?,
            priority: row.get(10)?,
            status: get_enum(row, 9, Status::parse)?,
            state,
            due_at,
            business_seconds_left: target - elapsed,
            seconds_left: due_at.map(|due| (due.millis() - now.millis()).div_euclid(1000)),
            percent_used: if target > 0 { (elapsed as f64 * 10_000.0 / target as f64).round() / 100.0 } else { 100.0 },
            breached: elapsed > target,
            threshold_reached,
        });
    }
    list.sort_by(|a, b| {
        (a.business_seconds_left, a.due_at, &a.ticket_key, a.clock.as_str()).cmp(&(
            b.business_seconds_left,
            b.due_at,
            &b.ticket_key,
            b.clock.as_str(),
        ))
    });
    Ok(list)
}
