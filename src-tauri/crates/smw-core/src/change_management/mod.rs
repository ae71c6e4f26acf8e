//! Change, release and deployment management (ISO/IEC 20000-1 8.5.1 to 8.5.3): requests for
//! change with their workflow and approvals, the workspace's change policy, releases, change
//! windows (blackout and maintenance, recurring by RRULE in their own zone), collision
//! detection across the CMDB, unauthorised CI edits, the dashboard figures and the forward
//! schedule of change as iCalendar.
//!
//! Pure like the rest of the domain: the store loads the records and the CMDB graph and hands
//! them in; every rule (who may approve, which move needs what, what collides) lives here.

pub mod approval;
pub mod collision;
pub mod dashboard;
pub mod ics_out;
pub mod policy;
pub mod recurrence;
pub mod release;
pub mod rfc;
pub mod rfc_patch;
pub mod unauthorised;
pub mod views;
pub mod window;
pub mod workflow;

pub use approval::{AcceptedConflict, Decision, Verdict};
pub use collision::{Conflict, ConflictKind, ScheduleIndex};
pub use policy::{ChangePolicy, StandardTemplate};
pub use release::{Release, ReleaseDraft, ReleaseStatus};
pub use rfc::{Change, ChangeDraft, ChangeType, ReviewOutcome, RiskLevel};
pub use rfc_patch::ChangePatch;
pub use window::{ChangeWindow, WindowDraft, WindowKind};
pub use workflow::{ChangeMove, ChangeStatus};

#[cfg(test)]
mod recurrence_tests;
#[cfg(test)]
mod tests;
