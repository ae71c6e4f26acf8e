//! A request for change (RFC): what is to change, why, on which CIs and services, at what
//! risk, with which plans, in which window, and what became of it.
//!
//! Field order is the order the audit chain hashes; fields a later version adds go in as
//! optional fields left out when empty, so digests written before still hold.

use super::approval::{AcceptedConflict, Decision};
use super::workflow::ChangeStatus;
use crate::cmdb::named_values;
use crate::error::{Code, Invalid};
use crate::ids::RecordKind;
use crate::impl_record;
use crate::patch::without_repeats;
use crate::text;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

named_values!(
    /// How a change is authorised.
    ChangeType {
        /// From a pre-approved template: no approval needed.
        Standard = "standard" / "Standard",
        /// Assessed and approved by the change advisory board.
        Normal = "normal" / "Normal",
        /// Urgent: decided by the emergency board, one approval is enough.
        Emergency = "emergency" / "Emergency",
    }
);

named_values!(
    /// Likelihood, impact and the risk they make.
    RiskLevel {
        Low = "low" / "Low",
        Medium = "medium" / "Medium",
        High = "high" / "High",
    }
);

named_values!(
    /// What the post-implementation review concluded.
    ReviewOutcome {
        Successful = "successful" / "Successful",
        PartiallySuccessful = "partially_successful" / "Partially successful",
        Unsuccessful = "unsuccessful" / "Unsuccessful",
    }
);

impl RiskLevel {
    fn weight(self) -> u8 {
        match self {
            RiskLevel::Low => 1,
            RiskLevel::Medium => 2,
            RiskLevel::High => 3,
        }
    }
}

/// The risk rule: likelihood × impact on a 1–3 scale; up to 2 is low, up to 4 medium, above
/// that high. So a likely change with little impact is medium, and any high impact that is
/// more than unlikely is high.
pub fn risk(likelihood: RiskLevel, impact: RiskLevel) -> RiskLevel {
    match likelihood.weight() * impact.weight() {
        0..=2 => RiskLevel::Low,
        3..=4 => RiskLevel::Medium,
        _ => RiskLevel::High,
    }
}

#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct Change {
    pub id: Uuid,
    pub key: String,
    pub change_type: ChangeType,
    pub title: String,
    pub description: String,
    pub reason: String,
    pub requester_id: Option<Uuid>,
    pub owner_id: Option<Uuid>,
    /// The group that carries the change out (the calendar filters by it).
    pub group_id: Option<Uuid>,
    pub ci_ids: Vec<Uuid>,
    pub service_ids: Vec<Uuid>,
    pub likelihood: RiskLevel,
    pub impact: RiskLevel,
    /// Follows likelihood and impact through [`risk`]; never set by hand.
    pub risk: RiskLevel,
    pub implementation_plan: String,
    pub backout_plan: String,
    pub test_plan: String,
    pub planned_start: Option<Timestamp>,
    pub planned_end: Option<Timestamp>,
    pub actual_start: Option<Timestamp>,
    pub actual_end: Option<Timestamp>,
    /// How the work ended (implemented, failed or backed out), kept after the review moves on.
    pub ended_as: Option<ChangeStatus>,
    pub release_id: Option<Uuid>,
    /// The slug of the policy's standard template a standard change follows.
    pub template: Option<String>,
    pub status: ChangeStatus,
    /// The people whose decision the change needs (the board, named when it is assessed).
    pub approver_ids: Vec<Uuid>,
    pub decisions: Vec<Decision>,
    /// Conflicts someone chose to go ahead with, when approving or scheduling.
    pub accepted_conflicts: Vec<AcceptedConflict>,
    /// The policy says the change is large enough for service design and transition.
    pub needs_design_transition: bool,
    pub review_outcome: Option<ReviewOutcome>,
    pub lessons: Option<String>,
    pub submitted_at: Option<Timestamp>,
    /// When it was authorised: approved, or scheduled from a standard template.
    pub approved_at: Option<Timestamp>,
    pub closed_at: Option<Timestamp>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
    pub version: i64,
}

impl_record!(Change, RecordKind::Change);

/// What a person fills in to raise a change.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
#[serde(default)]
pub struct ChangeDraft {
    /// Normal when left out.
    pub change_type: Option<ChangeType>,
    pub title: String,
    pub description: String,
    pub reason: String,
    pub requester_id: Option<Uuid>,
    pub owner_id: Option<Uuid>,
    pub group_id: Option<Uuid>,
    pub ci_ids: Vec<Uuid>,
    pub service_ids: Vec<Uuid>,
    /// Medium when left out.
    pub likelihood: Option<RiskLevel>,
    /// Medium when left out (the UI prefills it from the CMDB's downstream analysis).
    pub impact: Option<RiskLevel>,
    pub implementation_plan: String,
    pub backout_plan: String,
    pub test_plan: String,
    pub planned_start: Option<Timestamp>,
    pub planned_end: Option<Timestamp>,
    pub release_id: Option<Uuid>,
    pub template: Option<String>,
    /// Left empty, the policy's board is named when the change is assessed.
    pub approver_ids: Vec<Uuid>,
}

pub(crate) const REASON_MAX: usize = 5_000;
pub(crate) const TEMPLATE_MAX: usize = 60;

impl Change {
    /// A new change in Draft. `id` and `key` come from the store.
    pub fn create(draft: ChangeDraft, id: Uuid, key: String, now: Timestamp) -> Result<Change, Invalid> {
        let likelihood = draft.likelihood.unwrap_or(RiskLevel::Medium);
        let impact = draft.impact.unwrap_or(RiskLevel::Medium);
        let change = Change {
            id,
            key,
            change_type: draft.change_type.unwrap_or(ChangeType::Normal),
            title: text::required_line("title", &draft.title, text::TITLE_MAX)?,
            description: text::markdown("description", &draft.description, text::MARKDOWN_MAX)?,
            reason: text::markdown("reason", draft.reason.trim(), REASON_MAX)?,
            requester_id: draft.requester_id,
            owner_id: draft.owner_id,
            group_id: draft.group_id,
            ci_ids: without_repeats(draft.ci_ids),
            service_ids: without_repeats(draft.service_ids),
            likelihood,
            impact,
            risk: risk(likelihood, impact),
            implementation_plan: text::markdown("implementation_plan", &draft.implementation_plan, text::MARKDOWN_MAX)?,
            backout_plan: text::markdown("backout_plan", &draft.backout_plan, text::MARKDOWN_MAX)?,
            test_plan: text::markdown("test_plan", &draft.test_plan, text::MARKDOWN_MAX)?,
            planned_start: draft.planned_start,
            planned_end: draft.planned_end,
            actual_start: None,
            actual_end: None,
            ended_as: None,
            release_id: draft.release_id,
            template: match draft.template {
                Some(slug) => text::optional_line("template", &slug, TEMPLATE_MAX)?,
                None => None,
            },
            status: ChangeStatus::Draft,
            approver_ids: without_repeats(draft.approver_ids),
            decisions: Vec::new(),
            accepted_conflicts: Vec::new(),
            needs_design_transition: false,
            review_outcome: None,
            lessons: None,
            submitted_at: None,
            approved_at: None,
            closed_at: None,
            created_at: now,
            updated_at: now,
            deleted_at: None,
            version: 1,
        };
        change.check_window()?;
        Ok(change)
    }

    /// The planned window, when both ends are set.
    pub fn planned_window(&self) -> Option<(Timestamp, Timestamp)> {
        Some((self.planned_start?, self.planned_end?))
    }

    /// A planned window ends after it starts; one end without the other is allowed in a draft.
    pub(crate) fn check_window(&self) -> Result<(), Invalid> {
        if let (Some(start), Some(end)) = (self.planned_start, self.planned_end) {
            if end <= start {
                return Err(Invalid::field(
                    Code::EndsBeforeStart,
                    "planned_end",
                    format!("The planned end ({end}) must be after the planned start ({start})."),
                ));
            }
        }
        Ok(())
    }

    /// True from implementation on: the window and the scope are history then.
    pub fn has_started(&self) -> bool {
        self.status.has_started()
    }

    /// Whether `person` raised or owns the change (and so may not approve it).
    pub fn is_own(&self, person: Uuid) -> bool {
        self.requester_id == Some(person) || self.owner_id == Some(person)
    }

    /// The time the change held (or holds) authority to touch its CIs: from its approval to
    /// its actual end, or on while it has not ended.
    pub fn authorised_span(&self) -> Option<(Timestamp, Option<Timestamp>)> {
        let from = self.approved_at?;
        Some((from, self.actual_end.or(self.closed_at)))
    }
}
