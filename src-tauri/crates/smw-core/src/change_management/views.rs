//! What the change queries return to the UI and the CLI: calendar rows, the record view,
//! window occurrences and collision reports.

use super::collision::Conflict;
use super::release::Release;
use super::rfc::{Change, ChangeType};
use super::window::WindowKind;
use super::workflow::ChangeStatus;
use crate::audit::AuditEntry;
use crate::time::Timestamp;
use crate::views::LinkView;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The calendar's and the list's filters; a change matches every filter given.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
#[serde(default)]
pub struct ChangeFilter {
    /// Changes whose planned window overlaps `[from, to)`; unplanned ones are left out when a
    /// range is given.
    pub from: Option<Timestamp>,
    pub to: Option<Timestamp>,
    pub service_id: Option<Uuid>,
    pub ci_id: Option<Uuid>,
    pub group_id: Option<Uuid>,
    pub change_type: Option<ChangeType>,
    pub status: Option<ChangeStatus>,
}

impl ChangeFilter {
    pub fn matches(&self, change: &Change) -> bool {
        let in_range = match (self.from, self.to) {
            (None, None) => true,
            (from, to) => change
                .planned_window()
                .is_some_and(|(start, end)| from.is_none_or(|from| end > from) && to.is_none_or(|to| start < to)),
        };
        in_range
            && self.service_id.is_none_or(|s| change.service_ids.contains(&s))
            && self.ci_id.is_none_or(|c| change.ci_ids.contains(&c))
            && self.group_id.is_none_or(|g| change.group_id == Some(g))
            && self.change_type.is_none_or(|t| change.change_type == t)
            && self.status.is_none_or(|s| change.status == s)
    }
}

/// The record view: the change, the moves open to it, its conflicts, linked tickets, its
/// release and its history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct ChangeDetail {
    pub change: Change,
    pub next_statuses: Vec<ChangeStatus>,
    pub conflicts: Vec<Conflict>,
    pub links: Vec<LinkView>,
    pub release: Option<Release>,
    pub history: Vec<AuditEntry>,
}

/// One occurrence of a window, as the calendar draws it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct WindowOccurrence {
    pub window_key: String,
    pub name: String,
    pub kind: WindowKind,
    pub service_ids: Vec<Uuid>,
    pub start: Timestamp,
    pub end: Timestamp,
}

/// Every conflict over a range of the calendar.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct CollisionReport {
    pub from: Timestamp,
    pub to: Timestamp,
    pub changes_checked: u32,
    pub conflicts: Vec<Conflict>,
}

/// A change as written, with the conflicts it has now (warnings: only approving or
/// scheduling over them needs them accepted).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct ChangeSaved {
    pub change: Change,
    pub conflicts: Vec<Conflict>,
}

/// A release and the live changes that name it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct ReleaseDetail {
    pub release: Release,
    pub changes: Vec<Change>,
}
