//! Change, release and deployment management: requests for change, releases, change windows,
//! the change policy, collisions, unauthorised CI edits, the dashboard and the forward
//! schedule of change. The shell calls the `Workspace` methods these modules add:
//!
//! | call | module |
//! | --- | --- |
//! | `change_create`, `change_update`, `change_reschedule`, `change_move`, `change_decide`, `change_retire` | rfcs.rs, rfc_writes.rs |
//! | `change_get`, `change_detail`, `changes_list`, `changes_search` | rfcs.rs |
//! | `change_conflicts`, `change_collisions` | landscape.rs |
//! | `change_window_create`, `change_window_update`, `change_window_retire`, `change_windows`, `change_window_occurrences` | windows.rs |
//! | `release_create`, `release_update`, `release_get`, `releases_list` | releases.rs |
//! | `change_policy`, `set_change_policy` | policy.rs |
//! | `change_dashboard`, `changes_unauthorised`, `change_ci_edits`, `change_schedule_ics` | reports.rs |
//!
//! Writes that can collide (create, edit, reschedule, move, decide) return the change with
//! its conflicts (`ChangeSaved`): conflicts warn, and only approving or scheduling over
//! them needs someone to accept them.

pub(crate) mod landscape;
pub(crate) mod policy;
pub(crate) mod releases;
pub(crate) mod reports;
pub(crate) mod rfc_writes;
pub(crate) mod rfcs;
pub(crate) mod windows;
