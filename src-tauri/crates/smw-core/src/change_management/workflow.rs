//! The change workflow: Draft → Submitted → Assessed → Approved | Rejected → Scheduled →
//! Implementing → Implemented | Failed | Backed out → Reviewed → Closed. Standard changes,
//! pre-approved by their template, go from Submitted straight to Scheduled. Only the moves
//! listed here are valid, and every refusal says why in words a person can act on.

use super::approval::{accept, unaccepted};
use super::collision::Conflict;
use super::rfc::{Change, ChangeType, ReviewOutcome};
use crate::cmdb::named_values;
use crate::error::{Code, Invalid};
use crate::text;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

named_values!(
    /// Where a change is in its life.
    ChangeStatus {
        Draft = "draft" / "Draft",
        Submitted = "submitted" / "Submitted",
        Assessed = "assessed" / "Assessed",
        Approved = "approved" / "Approved",
        Rejected = "rejected" / "Rejected",
        Scheduled = "scheduled" / "Scheduled",
        Implementing = "implementing" / "Implementing",
        Implemented = "implemented" / "Implemented",
        Failed = "failed" / "Failed",
        BackedOut = "backed_out" / "Backed out",
        Reviewed = "reviewed" / "Reviewed",
        Closed = "closed" / "Closed",
    }
);

impl ChangeStatus {
    pub fn has_started(self) -> bool {
        use ChangeStatus::*;
        matches!(self, Implementing | Implemented | Failed | BackedOut | Reviewed | Closed)
    }

    /// Implemented, failed or backed out: the work is over, the review is next.
    pub fn has_ended(self) -> bool {
        matches!(self, ChangeStatus::Implemented | ChangeStatus::Failed | ChangeStatus::BackedOut)
    }

    /// On the forward schedule: its window is booked.
    pub fn is_booked(self) -> bool {
        matches!(self, ChangeStatus::Scheduled | ChangeStatus::Implementing)
    }
}

/// The statuses a change of `change_type` in `from` may move to, before any requirement.
pub fn successors(change_type: ChangeType, from: ChangeStatus) -> &'static [ChangeStatus] {
    use ChangeStatus::*;
    match (from, change_type) {
        (Draft, _) => &[Submitted, Closed],
        (Submitted, ChangeType::Standard) => &[Scheduled, Draft],
        (Submitted, _) => &[Assessed, Draft],
        (Assessed, _) => &[Approved, Rejected],
        (Approved, _) => &[Scheduled],
        (Rejected, _) => &[Draft, Closed],
        (Scheduled, _) => &[Implementing, Approved],
        (Implementing, _) => &[Implemented, Failed, BackedOut],
        (Implemented | Failed | BackedOut, _) => &[Reviewed],
        (Reviewed, _) => &[Closed],
        (Closed, _) => &[],
    }
}

/// A move and what its target status needs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
#[serde(default)]
pub struct ChangeMove {
    pub to: Option<ChangeStatus>,
    /// Go ahead despite the conflicts found (recorded, with who accepted them, in the change).
    pub accept_conflicts: bool,
    pub actual_start: Option<Timestamp>,
    pub actual_end: Option<Timestamp>,
    pub review_outcome: Option<ReviewOutcome>,
    pub lessons: Option<String>,
}

fn refusal(change: &Change, to: ChangeStatus) -> Invalid {
    use ChangeStatus::*;
    let message = match (change.status, to) {
        (Closed, _) => "A closed change is final; raise a new change instead.".to_string(),
        (Implemented | Failed | BackedOut, Closed) => {
            "Review the change before closing it: move it to Reviewed with the outcome and lessons.".into()
        }
        (Submitted | Assessed, Scheduled) if change.change_type != ChangeType::Standard => {
            "Only a standard change skips approval; this change must be approved before it is scheduled.".into()
        }
        (Submitted, Assessed) => "A standard change is pre-approved by its template: schedule it instead.".into(),
        (_, Implementing) => "Only a scheduled change can start: schedule it first.".into(),
        (_, Approved | Rejected) if change.status != Scheduled => {
            "Approval is decided on an assessed change, by its approvers' decisions.".into()
        }
        (_, Implemented | Failed | BackedOut) => "Only a change being implemented can end.".into(),
        (_, Reviewed) => "Only an implemented, failed or backed-out change can be reviewed.".into(),
        (from, to) => format!("A change cannot move from {} to {}.", from.label(), to.label()),
    };
    Invalid::field(Code::InvalidTransition, "status", message)
}

fn blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// Checks a move; `conflicts` are the change's conflicts where the move needs them (to
/// Approved and to Scheduled), else empty.
pub fn check_move(change: &Change, to: ChangeStatus, mv: &ChangeMove, conflicts: &[Conflict]) -> Result<(), Invalid> {
    use ChangeStatus::*;
    if change.status == to {
        return Err(Invalid::rule(Code::SameStatus, format!("The change is already {}.", to.label())));
    }
    if !successors(change.change_type, change.status).contains(&to) {
        return Err(refusal(change, to));
    }
    let need = |field: &str, message: &str| Err(Invalid::field(Code::Required, field, message));
    match to {
        Submitted if blank(&change.reason) => need("reason", "Say why the change is needed before submitting it."),
        Submitted if change.ci_ids.is_empty() && change.service_ids.is_empty() => {
            need("ci_ids", "Name the CIs or services the change affects before submitting it.")
        }
        Submitted if change.change_type == ChangeType::Standard && change.template.is_none() => {
            need("template", "A standard change follows a pre-approved template: choose one.")
        }
        Assessed if blank(&change.implementation_plan) => {
            need("implementation_plan", "Write the implementation plan before the change is assessed.")
        }
        Assessed if blank(&change.backout_plan) => {
            need("backout_plan", "Write the backout plan: how the change is undone if it fails.")
        }
        Assessed if change.approver_ids.is_empty() => need(
            "approver_ids",
            "Name the approvers (or set a change advisory board in the change policy) before assessment.",
        ),
        Approved => {
            super::approval::check_approved(change)?;
            check_accepted(change, mv, conflicts)
        }
        Rejected if !change.decisions.iter().any(|d| d.verdict == super::approval::Verdict::Reject) => {
            Err(Invalid::field(Code::ApprovalsPending, "decisions", "A change is rejected by an approver's rejection."))
        }
        Scheduled if change.planned_window().is_none() => {
            need("planned_start", "Set the planned start and end before scheduling the change.")
        }
        Scheduled => check_accepted(change, mv, conflicts),
        Reviewed if mv.review_outcome.is_none() => {
            need("review_outcome", "Record the outcome of the post-implementation review.")
        }
        Reviewed if mv.lessons.as_deref().is_none_or(blank) => {
            need("lessons", "Record the lessons learnt in the post-implementation review.")
        }
        _ => Ok(()),
    }
}

fn check_accepted(change: &Change, mv: &ChangeMove, conflicts: &[Conflict]) -> Result<(), Invalid> {
    let open = unaccepted(change, conflicts);
    if open.is_empty() || mv.accept_conflicts {
        return Ok(());
    }
    let reasons: Vec<&str> = open.iter().map(|c| c.reason.as_str()).collect();
    Err(Invalid::field(
        Code::ConflictsNotAccepted,
        "accept_conflicts",
        format!("{} conflict(s) to accept first: {}", open.len(), reasons.join(" ")),
    ))
}

impl Change {
    /// Moves the change, recording what the target status requires and, when the move goes
    /// ahead despite conflicts, who accepted which.
    pub fn apply_move(
        &mut self,
        mv: ChangeMove,
        actor: Uuid,
        conflicts: &[Conflict],
        now: Timestamp,
    ) -> Result<(), Invalid> {
        let Some(to) = mv.to else {
            return Err(Invalid::field(Code::Required, "to", "Say which status to move the change to."));
        };
        check_move(self, to, &mv, conflicts)?;
        if matches!(to, ChangeStatus::Approved | ChangeStatus::Scheduled) {
            accept(self, conflicts, actor, now);
        }
        match to {
            ChangeStatus::Submitted => self.submitted_at = Some(now),
            ChangeStatus::Draft => {
                // Back to the drawing board: the decisions were about the old proposal.
                self.decisions.clear();
                self.submitted_at = None;
            }
            ChangeStatus::Approved if self.approved_at.is_none() => self.approved_at = Some(now),
            ChangeStatus::Scheduled if self.approved_at.is_none() => self.approved_at = Some(now),
            ChangeStatus::Implementing => self.actual_start = Some(mv.actual_start.unwrap_or(now)),
            ChangeStatus::Implemented | ChangeStatus::Failed | ChangeStatus::BackedOut => {
                let end = mv.actual_end.unwrap_or(now);
                if self.actual_start.is_some_and(|start| end < start) {
                    return Err(Invalid::field(
                        Code::EndsBeforeStart,
                        "actual_end",
                        "The actual end must not be before the actual start.",
                    ));
                }
                self.actual_end = Some(end);
                self.ended_as = Some(to);
            }
            ChangeStatus::Reviewed => {
                self.review_outcome = mv.review_outcome;
                let lessons = mv.lessons.as_deref().unwrap_or("").trim();
                self.lessons = Some(text::markdown("lessons", lessons, text::MARKDOWN_MAX)?);
            }
            ChangeStatus::Closed => self.closed_at = Some(now),
            _ => {}
        }
        self.status = to;
        self.updated_at = now;
        Ok(())
    }
}
