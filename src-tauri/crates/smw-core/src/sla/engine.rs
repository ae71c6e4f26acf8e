//! `due` and `elapsed`: business time with pauses taken out.
//!
//! Pauses are UTC intervals, half-open, that may overlap; they are merged first so an instant
//! paused twice is still taken out once.

use super::calendar::BusinessCalendar;
use super::timeline::BusinessTimeline;
use crate::error::{Code, Invalid};
use crate::time::Timestamp;

/// Checked pauses: sorted, merged, each `[start, end)` in UTC milliseconds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PauseSet {
    intervals: Vec<(i64, i64)>,
}

impl PauseSet {
    /// Refuses a pause whose end precedes its start, naming it `pauses[i]`.
    pub fn new(pauses: &[(Timestamp, Timestamp)]) -> Result<Self, Invalid> {
        let mut intervals = Vec::with_capacity(pauses.len());
        for (index, (start, end)) in pauses.iter().enumerate() {
            if end < start {
                return Err(Invalid::field(
                    Code::PauseEndBeforeStart,
                    format!("pauses[{index}]"),
                    format!("The pause ends at {end}, before it starts at {start}."),
                ));
            }
            intervals.push((start.millis(), end.millis()));
        }
        Ok(Self::from_millis(intervals))
    }

    /// From intervals in milliseconds already known to be well formed (`start ≤ end`).
    pub fn from_millis(mut intervals: Vec<(i64, i64)>) -> Self {
        intervals.retain(|(start, end)| start < end);
        intervals.sort_unstable();
        let mut merged: Vec<(i64, i64)> = Vec::with_capacity(intervals.len());
        for (start, end) in intervals {
            match merged.last_mut() {
                Some(last) if start <= last.1 => last.1 = last.1.max(end),
                _ => merged.push((start, end)),
            }
        }
        PauseSet { intervals: merged }
    }

    pub fn intervals(&self) -> &[(i64, i64)] {
        &self.intervals
    }
}

impl BusinessTimeline {
    /// Business milliseconds in `[from, to)` outside the pauses.
    pub fn elapsed_millis(&mut self, from: i64, to: i64, pauses: &PauseSet) -> Result<i64, Invalid> {
        let mut total = self.business_between(from, to)?;
        let first = pauses.intervals.partition_point(|&(_, end)| end <= from);
        for &(start, end) in &pauses.intervals[first..] {
            if start >= to {
                break;
            }
            total -= self.business_between(start.max(from), end.min(to))?;
        }
        Ok(total)
    }

    /// The earliest instant `t ≥ start` at which the business time in `[start, t)` outside
    /// the pauses reaches `amount` milliseconds.
    pub fn due_millis(&mut self, start: i64, amount: i64, pauses: &PauseSet) -> Result<i64, Invalid> {
        let mut cursor = start;
        let mut remaining = amount;
        let first = pauses.intervals.partition_point(|&(_, end)| end <= start);
        for &(pause_start, pause_end) in &pauses.intervals[first..] {
            if remaining <= 0 {
                break;
            }
            let available = self.business_between(cursor, pause_start)?;
            if available >= remaining {
                break;
            }
            remaining -= available;
            cursor = cursor.max(pause_end);
        }
        self.reach(cursor, remaining)
    }
}

/// Business seconds are whole; an instant with milliseconds counts its part of a second.
pub fn elapsed(
    calendar: &BusinessCalendar,
    from: Timestamp,
    to: Timestamp,
    pauses: &[(Timestamp, Timestamp)],
) -> Result<i64, Invalid> {
    if to < from {
        return Err(Invalid::field(
            Code::ToBeforeFrom,
            "to",
            format!("The end of the period, {to}, comes before its start, {from}."),
        ));
    }
    let pauses = PauseSet::new(pauses)?;
    let mut timeline = BusinessTimeline::new(calendar.clone())?;
    timeline.elapsed_millis(from.millis(), to.millis(), &pauses)
}

/// The deadline for `amount_millis` of business time from `start`; see `due_millis`.
pub fn due(
    calendar: &BusinessCalendar,
    start: Timestamp,
    amount_millis: i64,
    pauses: &[(Timestamp, Timestamp)],
) -> Result<Timestamp, Invalid> {
    if amount_millis < 0 {
        return Err(Invalid::field(Code::NegativeAmount, "amount", "The amount of business time cannot be negative."));
    }
    let pauses = PauseSet::new(pauses)?;
    let mut timeline = BusinessTimeline::new(calendar.clone())?;
    let at = timeline.due_millis(start.millis(), amount_millis, &pauses)?;
    Timestamp::from_millis(at)
        .ok_or_else(|| Invalid::rule(Code::InstantOutOfRange, "The deadline falls after the year 9000."))
}
