//! Business time as instants: the calendar turned into a sorted table of UTC intervals with
//! running totals, so "how much business time lies between two instants" and "when does it
//! reach an amount" are binary searches instead of walks.
//!
//! The table follows the definition literally. An instant counts when its local wall-clock
//! time lies in a segment of that local date's weekday and the date is not a holiday. Within
//! one offset period local time is UTC plus a constant, so a segment on a local date is the
//! UTC interval `[date + start − offset, date + end − offset)`, clipped to the period. Doing
//! this per period is what makes a repeated autumn hour count twice (it lies in two periods)
//! and a skipped spring hour count not at all (it lies in none).
//!
//! The table covers a window that grows on demand, a year or more at a time.

use super::calendar::BusinessCalendar;
use super::zone_offsets::offset_periods;
use crate::error::{Code, Invalid};
use chrono::{Datelike, NaiveDate};

const DAY_SECONDS: i64 = 86_400;
/// Days from 0001-01-01 (chrono's day 1) to 1970-01-01.
const EPOCH_DAYS_FROM_CE: i64 = 719_163;
const GROWTH_MILLIS: i64 = 366 * DAY_SECONDS * 1000;
/// How far ahead a deadline is looked for before the calendar is judged to have no business
/// time left (only a calendar whose holidays cover every working day for a century gets here).
const SEARCH_HORIZON_MILLIS: i64 = 100 * 366 * DAY_SECONDS * 1000;
/// Instants the table can represent: years 1900 to 9000 keep chrono and i64 milliseconds safe.
const EARLIEST_MILLIS: i64 = -2_208_988_800_000;
const LATEST_MILLIS: i64 = 221_845_392_000_000;

/// One stretch of business time, in UTC milliseconds, half-open; `before` is the business
/// time from the table's origin to `start`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BusinessInterval {
    pub start: i64,
    pub end: i64,
    pub before: i64,
}

#[derive(Clone, Debug)]
pub struct BusinessTimeline {
    calendar: BusinessCalendar,
    intervals: Vec<BusinessInterval>,
    /// Covered window `[low, high)` in UTC milliseconds, whole seconds; empty until first use.
    low: i64,
    high: i64,
    /// Business time from the origin to `low` (negative once the window has grown backwards).
    before_low: i64,
    before_high: i64,
}

impl BusinessTimeline {
    /// A calendar without any segment has no business time at all: every deadline would be
    /// infinitely far, so it is refused here rather than searched for.
    pub fn new(calendar: BusinessCalendar) -> Result<Self, Invalid> {
        if !calendar.has_business_hours() {
            return Err(Invalid::field(
                Code::NoBusinessTime,
                "week",
                "Give the calendar business hours on at least one weekday.",
            ));
        }
        Ok(BusinessTimeline { calendar, intervals: Vec::new(), low: 0, high: 0, before_low: 0, before_high: 0 })
    }

    pub fn calendar(&self) -> &BusinessCalendar {
        &self.calendar
    }

    pub fn intervals(&self) -> &[BusinessInterval] {
        &self.intervals
    }

    /// Makes the table cover `[from, to]` (milliseconds).
    pub fn cover(&mut self, from: i64, to: i64) -> Result<(), Invalid> {
        if from < EARLIEST_MILLIS || to >= LATEST_MILLIS {
            return Err(Invalid::rule(Code::InstantOutOfRange, "The times must lie between the years 1900 and 9000."));
        }
        if self.low == self.high {
            let start = (from - 31 * DAY_SECONDS * 1000).max(EARLIEST_MILLIS).div_euclid(1000) * 1000;
            self.low = start;
            self.high = start;
        }
        if from < self.low {
            let grown = (self.low - from).max(GROWTH_MILLIS).max(self.high - self.low);
            self.grow_backward(((self.low - grown).max(EARLIEST_MILLIS)).div_euclid(1000) * 1000);
        }
        if to >= self.high {
            let grown = (to + 1 - self.high).max(GROWTH_MILLIS).max(self.high - self.low);
            self.grow_forward(((self.high + grown).min(LATEST_MILLIS) + 999).div_euclid(1000) * 1000);
        }
        Ok(())
    }

    /// Business time in `[origin, at)`; `at` must be covered.
    pub fn business_before(&self, at: i64) -> i64 {
        let index = self.intervals.partition_point(|interval| interval.start <= at);
        if index == 0 {
            return self.before_low;
        }
        let interval = self.intervals[index - 1];
        interval.before + at.min(interval.end) - interval.start
    }

    /// Business milliseconds in `[from, to)`.
    pub fn business_between(&mut self, from: i64, to: i64) -> Result<i64, Invalid> {
        if to <= from {
            return Ok(0);
        }
        self.cover(from, to)?;
        Ok(self.business_before(to) - self.business_before(from))
    }

    /// The earliest instant `t ≥ from` with `amount` business milliseconds in `[from, t)`.
    pub fn reach(&mut self, from: i64, amount: i64) -> Result<i64, Invalid> {
        if amount <= 0 {
            return Ok(from);
        }
        let limit = from.saturating_add(SEARCH_HORIZON_MILLIS).min(LATEST_MILLIS);
        // Business time never runs faster than the clock: more than the span up to the limit
        // can never be reached, and would overflow the arithmetic below.
        if amount > limit - from {
            return Err(Invalid::rule(
                Code::InstantOutOfRange,
                "That much business time is never reached: it runs past a century from the start.",
            ));
        }
        self.cover(from, from)?;
        let target = self.business_before(from) + amount;
        loop {
            let index =
                self.intervals.partition_point(|interval| interval.before + interval.end - interval.start < target);
            let found = self.intervals.get(index).map(|interval| interval.start + target - interval.before);
            match found {
                Some(at) if at <= limit => return Ok(at),
                None if self.high < limit => {
                    let next = (self.high + (self.high - self.low).max(GROWTH_MILLIS)).min(limit);
                    self.grow_forward((next + 999).div_euclid(1000) * 1000);
                }
                _ => {
                    return Err(Invalid::rule(
                        Code::NoBusinessTime,
                        "The calendar has too little business time within a century of the start: holidays cover the working days.",
                    ))
                }
            }
        }
    }

    fn grow_forward(&mut self, new_high: i64) {
        let fresh = business_intervals(&self.calendar, self.high / 1000, new_high / 1000);
        let mut before = self.before_high;
        for (start, end) in fresh {
            match self.intervals.last_mut() {
                Some(last) if last.end == start => last.end = end,
                _ => self.intervals.push(BusinessInterval { start, end, before }),
            }
            before += end - start;
        }
        self.before_high = before;
        self.high = new_high;
    }

    fn grow_backward(&mut self, new_low: i64) {
        let fresh = business_intervals(&self.calendar, new_low / 1000, self.low / 1000);
        let total: i64 = fresh.iter().map(|(start, end)| end - start).sum();
        let mut before = self.before_low - total;
        self.before_low = before;
        let mut prefix: Vec<BusinessInterval> = Vec::with_capacity(fresh.len() + self.intervals.len());
        for (start, end) in fresh {
            prefix.push(BusinessInterval { start, end, before });
            before += end - start;
        }
        let mut rest = std::mem::take(&mut self.intervals).into_iter().peekable();
        if let (Some(last), Some(first)) = (prefix.last_mut(), rest.peek()) {
            if last.end == first.start {
                last.end = first.end;
                rest.next();
            }
        }
        prefix.extend(rest);
        self.intervals = prefix;
        self.low = new_low;
    }
}

/// The business intervals inside `[from, to)` (UTC seconds), as UTC milliseconds, in order.
pub fn business_intervals(calendar: &BusinessCalendar, from: i64, to: i64) -> Vec<(i64, i64)> {
    let mut intervals: Vec<(i64, i64)> = Vec::new();
    for period in offset_periods(&calendar.zone, from, to) {
        let local_start = period.start + period.offset;
        let local_end = period.end + period.offset;
        for day in local_start.div_euclid(DAY_SECONDS)..=(local_end - 1).div_euclid(DAY_SECONDS) {
            let date = NaiveDate::from_num_days_from_ce_opt((day + EPOCH_DAYS_FROM_CE) as i32).expect("date in range");
            if calendar.is_holiday(date) {
                continue;
            }
            let midnight_utc = day * DAY_SECONDS - period.offset;
            for segment in calendar.segments_on(date.weekday()) {
                let start = (midnight_utc + i64::from(segment.start)).max(period.start);
                let end = (midnight_utc + i64::from(segment.end)).min(period.end);
                if start < end {
                    match intervals.last_mut() {
                        Some(last) if last.1 == start * 1000 => last.1 = end * 1000,
                        _ => intervals.push((start * 1000, end * 1000)),
                    }
                }
            }
        }
    }
    intervals
}
