//! The status workflow of incidents and service requests.
//!
//! New → Assigned → In progress ⇄ Pending → Resolved → Closed, with reopen from Resolved.
//! Every refusal says why, so the board can explain an invalid drop.

use crate::error::{Code, Invalid};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Status {
    New,
    Assigned,
    InProgress,
    Pending,
    Resolved,
    Closed,
}

impl Status {
    pub const ALL: [Status; 6] =
        [Status::New, Status::Assigned, Status::InProgress, Status::Pending, Status::Resolved, Status::Closed];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Assigned => "assigned",
            Status::InProgress => "in_progress",
            Status::Pending => "pending",
            Status::Resolved => "resolved",
            Status::Closed => "closed",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::New => "New",
            Status::Assigned => "Assigned",
            Status::InProgress => "In progress",
            Status::Pending => "Pending",
            Status::Resolved => "Resolved",
            Status::Closed => "Closed",
        }
    }

    pub fn parse(text: &str) -> Option<Status> {
        Self::ALL.into_iter().find(|status| status.as_str() == text)
    }

    /// Open tickets still need work; resolved and closed ones do not.
    pub fn is_open(self) -> bool {
        !matches!(self, Status::Resolved | Status::Closed)
    }
}

/// What a transition may need besides the target status. The board sends what the
/// person typed in the dialog a drop opens; the rules decide whether it is enough.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct TransitionFacts {
    pub has_assignee: bool,
    pub has_group: bool,
    pub pending_reason: Option<String>,
    pub resolution_code: Option<String>,
    pub resolution_notes: Option<String>,
}

/// The statuses a ticket in `from` may move to, before any field requirement.
pub fn successors(from: Status) -> &'static [Status] {
    use Status::*;
    match from {
        New => &[Assigned, InProgress, Resolved],
        Assigned => &[InProgress, Pending, Resolved],
        InProgress => &[Assigned, Pending, Resolved],
        Pending => &[InProgress, Resolved],
        Resolved => &[InProgress, Closed],
        Closed => &[],
    }
}

/// Checks a move from `from` to `to`; the error explains the refusal in words a person can act on.
pub fn check_transition(from: Status, to: Status, facts: &TransitionFacts) -> Result<(), Invalid> {
    if from == to {
        return Err(Invalid::rule(Code::SameStatus, format!("The ticket is already {}.", to.label())));
    }
    if !successors(from).contains(&to) {
        return Err(Invalid::field(Code::InvalidTransition, "status", refusal(from, to)));
    }
    let blank = |text: &Option<String>| text.as_deref().is_none_or(|t| t.trim().is_empty());
    match to {
        Status::Assigned if !facts.has_assignee && !facts.has_group => Err(Invalid::field(
            Code::AssigneeRequired,
            "assignee_id",
            "Assign the ticket to a person or a group before moving it to Assigned.",
        )),
        Status::InProgress if !facts.has_assignee => Err(Invalid::field(
            Code::AssigneeRequired,
            "assignee_id",
            "Someone must own the ticket before work starts: choose an assignee.",
        )),
        Status::Pending if blank(&facts.pending_reason) => Err(Invalid::field(
            Code::PendingReasonRequired,
            "pending_reason",
            "Say what the ticket is waiting for in the pending reason.",
        )),
        Status::Resolved if blank(&facts.resolution_code) => Err(Invalid::field(
            Code::ResolutionRequired,
            "resolution_code",
            "Choose a resolution code to resolve the ticket.",
        )),
        Status::Resolved if blank(&facts.resolution_notes) => Err(Invalid::field(
            Code::ResolutionRequired,
            "resolution_notes",
            "Describe in the resolution notes how the ticket was resolved.",
        )),
        _ => Ok(()),
    }
}

fn refusal(from: Status, to: Status) -> String {
    match (from, to) {
        (Status::Closed, _) => "A closed ticket is final; open a new ticket and link it instead.".into(),
        (_, Status::Closed) => "Only a resolved ticket can be closed.".into(),
        (_, Status::New) => "A ticket cannot go back to New once it has been triaged.".into(),
        (Status::Resolved, _) => "A resolved ticket can only be closed or reopened to In progress.".into(),
        _ => format!("A ticket cannot move from {} to {}.", from.label(), to.label()),
    }
}

/// Standard resolution codes; the workspace may use others, but these are offered first.
pub const RESOLUTION_CODES: [&str; 6] =
    ["fixed", "workaround", "no_fault_found", "duplicate", "user_error", "cancelled"];

#[cfg(test)]
mod tests {
    use super::*;
    use Status::*;

    fn facts() -> TransitionFacts {
        TransitionFacts {
            has_assignee: true,
            has_group: true,
            pending_reason: Some("waiting for the caller".into()),
            resolution_code: Some("fixed".into()),
            resolution_notes: Some("replaced the disk".into()),
        }
    }

    #[test]
    fn the_happy_path_is_allowed() {
        for (from, to) in [
            (New, Assigned),
            (Assigned, InProgress),
            (InProgress, Pending),
            (Pending, InProgress),
            (InProgress, Resolved),
            (Resolved, Closed),
            (Resolved, InProgress),
        ] {
            check_transition(from, to, &facts()).unwrap_or_else(|e| panic!("{from:?}→{to:?}: {e}"));
        }
    }

    #[test]
    fn closed_is_final_and_only_resolved_closes() {
        for to in Status::ALL {
            assert!(check_transition(Closed, to, &facts()).is_err());
        }
        let err = check_transition(InProgress, Closed, &facts()).unwrap_err();
        assert_eq!(err.code, Code::InvalidTransition);
        assert!(err.message.contains("Only a resolved ticket"));
        assert!(check_transition(Resolved, Pending, &facts()).is_err());
    }

    #[test]
    fn requirements_name_the_missing_field() {
        let none = TransitionFacts::default();
        assert_eq!(check_transition(New, Assigned, &none).unwrap_err().field.as_deref(), Some("assignee_id"));
        let group_only = TransitionFacts { has_group: true, ..Default::default() };
        check_transition(New, Assigned, &group_only).unwrap();
        assert_eq!(check_transition(Assigned, InProgress, &group_only).unwrap_err().code, Code::AssigneeRequired);
        let err =
            check_transition(InProgress, Pending, &TransitionFacts { pending_reason: Some("  ".into()), ..facts() })
                .unwrap_err();
        assert_eq!(err.field.as_deref(), Some("pending_reason"));
        let err =
            check_transition(InProgress, Resolved, &TransitionFacts { resolution_notes: None, ..facts() }).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("resolution_notes"));
    }

    #[test]
    fn every_successor_is_reachable_with_full_facts_and_nothing_else_is() {
        for from in Status::ALL {
            for to in Status::ALL {
                let allowed = check_transition(from, to, &facts()).is_ok();
                assert_eq!(allowed, successors(from).contains(&to), "{from:?}→{to:?}");
            }
        }
    }
}
