//! Ticket SLA clocks, derived from the ticket's recorded history every time.
//!
//! Nothing is accumulated in place: the elapsed business time is recomputed from the status
//! changes, so a calendar edit, an SLA change or a move to another SLA (a new timeline or new
//! targets passed in) can never lose pause time or time already elapsed. A priority change
//! only swaps the target; the elapsed time is the same history measured again.

use super::timeline::BusinessTimeline;
use crate::error::{Code, Invalid};
use crate::time::Timestamp;
use crate::workflow::Status;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct StatusChange {
    pub at: Timestamp,
    pub status: Status,
}

/// The targets in force from `at` on (set at creation and again on each priority change).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct TargetChange {
    pub at: Timestamp,
    pub response_minutes: u32,
    pub resolution_minutes: u32,
}

/// Everything a ticket's clocks depend on. The status before the first change is New.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct ClockHistory {
    pub created: Timestamp,
    pub status_changes: Vec<StatusChange>,
    pub targets: Vec<TargetChange>,
    #[serde(default)]
    pub first_response: Option<Timestamp>,
    #[serde(default = "default_pausing_statuses")]
    pub pausing_statuses: Vec<Status>,
    /// Percentages of the target at which a warning is due.
    #[serde(default = "default_warning_thresholds")]
    pub warning_thresholds: Vec<u32>,
}

pub fn default_pausing_statuses() -> Vec<Status> {
    vec![Status::Pending]
}

pub fn default_warning_thresholds() -> Vec<u32> {
    vec![75, 100]
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ClockState {
    Running,
    Paused,
    Stopped,
}

/// One stretch of the ticket's life and what the clock did during it, for the record view.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct ClockSpan {
    pub state: ClockState,
    pub from: Timestamp,
    pub to: Timestamp,
    pub status: Status,
    /// Business time inside the span; counted only when `state` is running.
    #[ts(type = "number")]
    pub business_seconds: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct SlaClock {
    pub state: ClockState,
    #[ts(type = "number")]
    pub elapsed_seconds: i64,
    #[ts(type = "number")]
    pub target_seconds: i64,
    /// When the counted time reaches the target: in the past once reached, projected from
    /// `now` while running, none while paused or stopped short of it.
    pub due: Option<Timestamp>,
    pub breached: bool,
    pub percent_used: f64,
    pub warnings_reached: Vec<u32>,
    /// When the next warning threshold will be reached if the clock keeps running.
    pub next_warning: Option<Timestamp>,
    pub spans: Vec<ClockSpan>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct TicketClocks {
    pub response: SlaClock,
    pub resolution: SlaClock,
}

fn is_stopping(status: Status) -> bool {
    matches!(status, Status::Resolved | Status::Closed)
}

/// The ticket's statuses as consecutive spans from creation to `now`, in milliseconds.
fn status_spans(history: &ClockHistory, now: i64) -> Vec<(i64, i64, Status)> {
    let created = history.created.millis();
    // Histories come from the store in order; sort only a copy of one that is not.
    let changes: std::borrow::Cow<[StatusChange]> = if history.status_changes.is_sorted_by_key(|change| change.at) {
        std::borrow::Cow::Borrowed(&history.status_changes)
    } else {
        let mut sorted = history.status_changes.clone();
        sorted.sort_by_key(|change| change.at);
        std::borrow::Cow::Owned(sorted)
    };
    let mut spans = Vec::with_capacity(changes.len() + 1);
    let (mut from, mut status) = (created, Status::New);
    for change in changes.iter() {
        // A change recorded before creation (clock skew between writers) takes effect at creation.
        let at = change.at.millis().clamp(created, now.max(created));
        if at > from {
            spans.push((from, at, status));
            from = at;
        }
        if change.at.millis() > now {
            break;
        }
        status = change.status;
    }
    spans.push((from, now.max(from), status));
    spans
}

fn current_targets(history: &ClockHistory, now: Timestamp) -> Result<TargetChange, Invalid> {
    // The latest change at or before `now`; before any, the earliest.
    let latest = history.targets.iter().filter(|target| target.at <= now).max_by_key(|target| target.at);
    let in_force = latest.or_else(|| history.targets.iter().min_by_key(|target| target.at));
    in_force.copied().ok_or_else(|| {
        Invalid::field(Code::NoTargets, "targets", "The ticket has no SLA targets to measure its clocks against.")
    })
}

/// Both clocks of one ticket as of `now`, on the timeline of the ticket's SLA calendar.
pub fn ticket_clocks(
    timeline: &mut BusinessTimeline,
    history: &ClockHistory,
    now: Timestamp,
) -> Result<TicketClocks, Invalid> {
    let targets = current_targets(history, now)?;
    let spans = status_spans(history, now.millis());

    let resolution_spans: Vec<(i64, i64, Status, ClockState)> = spans
        .iter()
        .map(|&(from, to, status)| {
            let state = if is_stopping(status) {
                ClockState::Stopped
            } else if history.pausing_statuses.contains(&status) {
                ClockState::Paused
            } else {
                ClockState::Running
            };
            (from, to, status, state)
        })
        .collect();

    // The response clock runs from creation until the first response, or until the ticket is
    // first resolved without one; pausing statuses do not stop it.
    let first_resolved = spans.iter().find(|span| is_stopping(span.2)).map(|span| span.0);
    let stop = [history.first_response.map(Timestamp::millis), first_resolved].into_iter().flatten().min();
    let mut response_spans = Vec::new();
    for &(from, to, status) in &spans {
        match stop {
            Some(stop) if stop <= from => response_spans.push((from, to, status, ClockState::Stopped)),
            Some(stop) if stop < to => {
                response_spans.push((from, stop, status, ClockState::Running));
                response_spans.push((stop, to, status, ClockState::Stopped));
            }
            _ => response_spans.push((from, to, status, ClockState::Running)),
        }
    }
    response_spans.retain(|span| span.0 < span.1 || span.3 == ClockState::Running);
    if response_spans.is_empty() {
        response_spans.push((history.created.millis(), history.created.millis(), Status::New, ClockState::Stopped));
    }

    let thresholds = &history.warning_thresholds;
    let mut response =
        measure(timeline, &response_spans, i64::from(targets.response_minutes) * 60_000, thresholds, now)?;
    // Measured at the very instant the response clock stops (the store measures in the write
    // that records the first response), the stop falls on the end of the last span, which the
    // spans still show as running. It has stopped: left running, the lists would count on.
    if stop.is_some_and(|stop| stop <= now.millis()) && response.state == ClockState::Running {
        response.state = ClockState::Stopped;
        response.next_warning = None;
        if response.elapsed_seconds < response.target_seconds {
            response.due = None;
        }
    }
    Ok(TicketClocks {
        response,
        resolution: measure(
            timeline,
            &resolution_spans,
            i64::from(targets.resolution_minutes) * 60_000,
            thresholds,
            now,
        )?,
    })
}

fn measure(
    timeline: &mut BusinessTimeline,
    spans: &[(i64, i64, Status, ClockState)],
    target: i64,
    thresholds: &[u32],
    now: Timestamp,
) -> Result<SlaClock, Invalid> {
    let state = spans.last().map_or(ClockState::Running, |span| span.3);
    let mut elapsed = 0;
    let mut reached_at = None;
    let mut explained = Vec::with_capacity(spans.len());
    for &(from, to, status, span_state) in spans {
        let business = if span_state == ClockState::Running { timeline.business_between(from, to)? } else { 0 };
        if reached_at.is_none() && span_state == ClockState::Running && elapsed + business >= target && to > from {
            reached_at = Some(timeline.reach(from, target - elapsed)?);
        }
        elapsed += business;
        explained.push(ClockSpan {
            state: span_state,
            from: instant(from)?,
            to: instant(to)?,
            status,
            business_seconds: business / 1000,
        });
    }
    let running = state == ClockState::Running;
    let now_millis = now.millis();
    let due = match reached_at {
        Some(at) => Some(at),
        None if running => Some(timeline.reach(now_millis.max(spans[0].0), target - elapsed)?),
        None => None,
    };
    let percent_used = if target > 0 { elapsed as f64 * 100.0 / target as f64 } else { 100.0 };
    let mut warnings_reached: Vec<u32> =
        thresholds.iter().copied().filter(|&t| elapsed * 100 >= target * i64::from(t)).collect();
    warnings_reached.sort_unstable();
    warnings_reached.dedup();
    let next_threshold = thresholds.iter().copied().filter(|&t| elapsed * 100 < target * i64::from(t)).min();
    let next_warning = match next_threshold {
        Some(t) if running => {
            // Rounded up so the warning never fires before its share is actually used.
            let share = (target * i64::from(t) + 99) / 100;
            Some(instant(timeline.reach(now_millis, share - elapsed)?)?)
        }
        _ => None,
    };
    Ok(SlaClock {
        state,
        elapsed_seconds: elapsed / 1000,
        target_seconds: target / 1000,
        due: due.map(instant).transpose()?,
        breached: elapsed > target,
        percent_used: (percent_used * 100.0).round() / 100.0,
        warnings_reached,
        next_warning,
        spans: explained,
    })
}

fn instant(millis: i64) -> Result<Timestamp, Invalid> {
    Timestamp::from_millis(millis)
        .ok_or_else(|| Invalid::rule(Code::InstantOutOfRange, "A clock's time falls outside the years 1900 to 9000."))
}
