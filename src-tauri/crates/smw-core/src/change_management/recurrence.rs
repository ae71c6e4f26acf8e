//! Where a window's occurrences fall, as UTC instants. A recurring window repeats by its RRULE
//! in its own time zone (the `rrule` crate expands it), so "Sundays 01:00–05:00 Europe/London"
//! stays at 01:00 on the wall clock when the clocks change; each occurrence then lasts the
//! window's duration in elapsed time.

use super::window::{parse_local, ChangeWindow};
use crate::error::{Code, Invalid};
use crate::time::Timestamp;
use chrono::{Duration, TimeZone, Utc};
use rrule::RRuleSet;

/// More occurrences than any calendar view asks for at once; a rule that yields more in the
/// range is cut here rather than allowed to stall the caller.
const MAX_OCCURRENCES: u16 = 20_000;

/// One occurrence, as a half-open UTC span in milliseconds.
pub type Span = (i64, i64);

fn bad(message: String) -> Invalid {
    Invalid::field(Code::BadRecurrence, "rrule", message)
}

fn rule_set(window: &ChangeWindow, rule: &str) -> Result<RRuleSet, Invalid> {
    let start = parse_local("starts_local", &window.starts_local)?;
    let text = format!("DTSTART;TZID={}:{}\nRRULE:{}", window.time_zone, start.format("%Y%m%dT%H%M%S"), rule);
    text.parse::<RRuleSet>().map_err(|e| bad(format!("The recurrence rule cannot be used: {e}.")))
}

/// Checks that the window's zone, start and rule can be expanded.
pub(crate) fn check(window: &ChangeWindow) -> Result<(), Invalid> {
    if window.time_zone.is_empty() || window.starts_local.is_empty() {
        return Ok(());
    }
    first_start(window)?;
    if let Some(rule) = &window.rrule {
        let upper = rule.to_ascii_uppercase();
        if !upper.contains("FREQ=") {
            return Err(bad("A recurrence rule needs a FREQ, such as FREQ=WEEKLY;BYDAY=SU.".into()));
        }
        if upper.contains("FREQ=SECONDLY") || upper.contains("FREQ=MINUTELY") {
            return Err(bad("A window recurs at most hourly.".into()));
        }
        rule_set(window, rule)?;
    }
    Ok(())
}

/// The first occurrence's start in UTC. A local time the clocks skip (02:30 on the spring
/// change in Europe) is read with the offset before the gap, as RFC 5545 says.
fn first_start(window: &ChangeWindow) -> Result<i64, Invalid> {
    let tz: chrono_tz::Tz = window.time_zone.parse().map_err(|_| {
        Invalid::field(Code::BadTimeZone, "time_zone", format!("“{}” is not a time zone name.", window.time_zone))
    })?;
    let local = parse_local("starts_local", &window.starts_local)?;
    let at = tz
        .from_local_datetime(&local)
        .earliest()
        .or_else(|| tz.from_local_datetime(&(local - Duration::hours(1))).earliest().map(|t| t + Duration::hours(1)))
        .ok_or_else(|| {
            Invalid::field(Code::MalformedInstant, "starts_local", "This local time does not exist in the zone.")
        })?;
    Ok(at.with_timezone(&Utc).timestamp_millis())
}

/// The occurrences overlapping `[from, to)`, in order.
pub fn occurrences(window: &ChangeWindow, from: Timestamp, to: Timestamp) -> Result<Vec<Span>, Invalid> {
    let length = i64::from(window.duration_minutes) * 60_000;
    let (from, to) = (from.millis(), to.millis());
    let Some(rule) = &window.rrule else {
        let start = first_start(window)?;
        return Ok(if start < to && start + length > from { vec![(start, start + length)] } else { vec![] });
    };
    let set = rule_set(window, rule)?;
    let zone = set.get_dt_start().timezone();
    let bound = |millis: i64| Utc.timestamp_millis_opt(millis).single().map(|t| t.with_timezone(&zone));
    let (Some(after), Some(before)) = (bound(from - length + 1), bound(to - 1)) else {
        return Err(bad("The range lies outside the dates a recurrence can reach.".into()));
    };
    let found = set.after(after).before(before).all(MAX_OCCURRENCES);
    Ok(found
        .dates
        .into_iter()
        .map(|start| start.with_timezone(&Utc).timestamp_millis())
        .filter(|start| *start < to && start + length > from)
        .map(|start| (start, start + length))
        .collect())
}
