//! Response and resolution targets per priority, and the validity dates agreements share.

use crate::error::{Code, Invalid};
use crate::priority::Priority;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The targets for one priority, in minutes of the agreement's calendar (business time).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct PriorityTarget {
    pub response_minutes: u32,
    pub resolution_minutes: u32,
}

/// A year of minutes: anything longer is a typo, not a target.
pub const TARGET_MAX_MINUTES: u32 = 525_600;

/// Exactly five targets, `targets[0]` for P1 to `targets[4]` for P5, each response within
/// its resolution. Errors name the entry (`targets[2].resolution_minutes`).
pub fn check_targets(targets: &[PriorityTarget]) -> Result<(), Invalid> {
    if targets.len() != 5 {
        return Err(Invalid::field(
            Code::TargetsPerPriority,
            "targets",
            format!("Give one target for each priority P1 to P5 (5 in all), not {}.", targets.len()),
        ));
    }
    for (index, target) in targets.iter().enumerate() {
        let at = |field: &str| format!("targets[{index}].{field}");
        for (field, words, minutes) in [
            ("response_minutes", "response", target.response_minutes),
            ("resolution_minutes", "resolution", target.resolution_minutes),
        ] {
            if minutes == 0 || minutes > TARGET_MAX_MINUTES {
                return Err(Invalid::field(
                    Code::OutOfRange,
                    at(field),
                    format!(
                        "The {words} target for P{} can be from 1 to {TARGET_MAX_MINUTES} minutes (a year), not {minutes}.",
                        index + 1
                    ),
                ));
            }
        }
        if target.response_minutes > target.resolution_minutes {
            return Err(Invalid::field(
                Code::ResponseAfterResolution,
                at("response_minutes"),
                format!("The response target for P{} cannot be longer than its resolution target.", index + 1),
            ));
        }
    }
    Ok(())
}

/// The target for `priority` (P1..P5); priorities outside the range take the nearest end.
pub fn target_for(targets: &[PriorityTarget], priority: Priority) -> Option<PriorityTarget> {
    let index = usize::from(priority.clamp(1, 5)) - 1;
    targets.get(index).copied()
}

/// `valid_to` and `review_date`, when given, may not come before `valid_from`.
pub fn check_dates(
    valid_from: NaiveDate,
    valid_to: Option<NaiveDate>,
    review: Option<NaiveDate>,
) -> Result<(), Invalid> {
    if let Some(to) = valid_to {
        if to < valid_from {
            return Err(Invalid::field(
                Code::EndsBeforeStart,
                "valid_to",
                "The agreement cannot end before it starts: choose an end on or after the start date.",
            ));
        }
    }
    if let Some(review) = review {
        if review < valid_from {
            return Err(Invalid::field(
                Code::ReviewBeforeStart,
                "review_date",
                "The review cannot come before the agreement starts: choose a review date on or after the start date.",
            ));
        }
    }
    Ok(())
}

/// True when `date` lies in `[valid_from, valid_to]` (the last day counts).
pub fn in_force(valid_from: NaiveDate, valid_to: Option<NaiveDate>, date: NaiveDate) -> bool {
    date >= valid_from && valid_to.is_none_or(|to| date <= to)
}
