//! Approvals: the named approvers' decisions, each with who, when and a comment, and the
//! conflicts someone chose to go ahead with. Both live in the change record, so the history
//! shows every decision and every accepted conflict as an edit by the person who made it.

use super::collision::Conflict;
use super::rfc::{Change, ChangeType};
use super::workflow::{ChangeMove, ChangeStatus};
use crate::cmdb::named_values;
use crate::error::{Code, Invalid};
use crate::text;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

named_values!(
    Verdict {
        Approve = "approve" / "Approve",
        Reject = "reject" / "Reject",
    }
);

#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct Decision {
    pub approver_id: Uuid,
    pub verdict: Verdict,
    pub at: Timestamp,
    pub comment: Option<String>,
}

/// A conflict someone went ahead with: its stable id (see [`Conflict::id`]), the reason as it
/// read then, who accepted it and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct AcceptedConflict {
    pub conflict_id: String,
    pub reason: String,
    pub accepted_by: Uuid,
    pub at: Timestamp,
}

const COMMENT_MAX: usize = 2_000;

/// The conflicts not yet accepted on this change.
pub fn unaccepted<'a>(change: &Change, conflicts: &'a [Conflict]) -> Vec<&'a Conflict> {
    conflicts.iter().filter(|c| !change.accepted_conflicts.iter().any(|a| a.conflict_id == c.id)).collect()
}

/// Records every conflict not yet accepted as accepted by `actor` now.
pub(crate) fn accept(change: &mut Change, conflicts: &[Conflict], actor: Uuid, now: Timestamp) {
    let new: Vec<AcceptedConflict> = unaccepted(change, conflicts)
        .into_iter()
        .map(|c| AcceptedConflict { conflict_id: c.id.clone(), reason: c.reason.clone(), accepted_by: actor, at: now })
        .collect();
    change.accepted_conflicts.extend(new);
}

/// Whether the decisions so far approve the change: every named approver for a normal
/// change; one approval from the emergency board for an emergency change.
pub(crate) fn check_approved(change: &Change) -> Result<(), Invalid> {
    let approved = |id: &Uuid| change.decisions.iter().any(|d| d.approver_id == *id && d.verdict == Verdict::Approve);
    let pending = change.approver_ids.iter().filter(|id| !approved(id)).count();
    let enough = match change.change_type {
        ChangeType::Emergency => pending < change.approver_ids.len(),
        _ => pending == 0 && !change.approver_ids.is_empty(),
    };
    if enough {
        return Ok(());
    }
    Err(Invalid::field(
        Code::ApprovalsPending,
        "decisions",
        match change.change_type {
            ChangeType::Emergency => "An emergency change needs one approval from the emergency board.".to_string(),
            _ => format!("{pending} of {} approvers have still to approve the change.", change.approver_ids.len()),
        },
    ))
}

impl Change {
    /// Records `approver`'s decision on an assessed change. An approval that completes the
    /// decisions moves the change to Approved (accepting `conflicts` when `accept_conflicts`);
    /// a rejection moves it to Rejected. Returns the status it moved to, if it moved.
    pub fn decide(
        &mut self,
        approver: Uuid,
        verdict: Verdict,
        comment: &str,
        accept_conflicts: bool,
        conflicts: &[Conflict],
        now: Timestamp,
    ) -> Result<Option<ChangeStatus>, Invalid> {
        if self.status != ChangeStatus::Assessed {
            return Err(Invalid::field(
                Code::InvalidTransition,
                "status",
                format!("Decisions are taken on an assessed change; this one is {}.", self.status.label()),
            ));
        }
        if self.is_own(approver) {
            return Err(Invalid::field(
                Code::SelfApproval,
                "approver_id",
                "A person cannot decide on a change they requested or own; another approver must.",
            ));
        }
        if !self.approver_ids.contains(&approver) {
            return Err(Invalid::field(
                Code::NotAnApprover,
                "approver_id",
                "Only the change's named approvers decide on it.",
            ));
        }
        if self.decisions.iter().any(|d| d.approver_id == approver) {
            return Err(Invalid::field(
                Code::AlreadyDecided,
                "approver_id",
                "This approver has already decided on the change.",
            ));
        }
        let comment = text::optional_line("comment", comment, COMMENT_MAX)?;
        if verdict == Verdict::Reject && comment.is_none() {
            return Err(Invalid::field(Code::Required, "comment", "Say why the change is rejected."));
        }
        self.decisions.push(Decision { approver_id: approver, verdict, at: now, comment });
        let to = match verdict {
            Verdict::Reject => ChangeStatus::Rejected,
            Verdict::Approve if check_approved(self).is_ok() => ChangeStatus::Approved,
            Verdict::Approve => {
                self.updated_at = now;
                return Ok(None);
            }
        };
        let mv = ChangeMove { to: Some(to), accept_conflicts, ..Default::default() };
        self.apply_move(mv, approver, conflicts, now)?;
        Ok(Some(to))
    }
}
