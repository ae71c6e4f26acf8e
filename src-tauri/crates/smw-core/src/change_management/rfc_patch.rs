//! Edits of a change. A field left out stays; `null` clears a nullable field; a list given
//! replaces the old one. Status goes through [`ChangeMove`](super::ChangeMove) and decisions
//! through [`Change::decide`], so their rules always apply.

use super::rfc::{risk, Change, ChangeType, RiskLevel, REASON_MAX, TEMPLATE_MAX};
use crate::error::{Code, Invalid};
use crate::patch::{nullable, without_repeats};
use crate::text;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
#[serde(default)]
pub struct ChangePatch {
    pub change_type: Option<ChangeType>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub reason: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub requester_id: Option<Option<Uuid>>,
    #[serde(deserialize_with = "nullable")]
    pub owner_id: Option<Option<Uuid>>,
    #[serde(deserialize_with = "nullable")]
    pub group_id: Option<Option<Uuid>>,
    pub ci_ids: Option<Vec<Uuid>>,
    pub service_ids: Option<Vec<Uuid>>,
    pub likelihood: Option<RiskLevel>,
    pub impact: Option<RiskLevel>,
    pub implementation_plan: Option<String>,
    pub backout_plan: Option<String>,
    pub test_plan: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub planned_start: Option<Option<Timestamp>>,
    #[serde(deserialize_with = "nullable")]
    pub planned_end: Option<Option<Timestamp>>,
    #[serde(deserialize_with = "nullable")]
    pub release_id: Option<Option<Uuid>>,
    #[serde(deserialize_with = "nullable")]
    pub template: Option<Option<String>>,
    pub approver_ids: Option<Vec<Uuid>>,
}

impl ChangePatch {
    /// Only the planned window: what a drag on the calendar sends.
    pub fn reschedule(start: Timestamp, end: Timestamp) -> ChangePatch {
        ChangePatch { planned_start: Some(Some(start)), planned_end: Some(Some(end)), ..Default::default() }
    }

    fn touches_scope(&self) -> bool {
        self.ci_ids.is_some()
            || self.service_ids.is_some()
            || self.planned_start.is_some()
            || self.planned_end.is_some()
            || self.change_type.is_some()
            || self.likelihood.is_some()
            || self.impact.is_some()
    }
}

impl Change {
    pub fn apply_patch(&mut self, patch: ChangePatch, now: Timestamp) -> Result<(), Invalid> {
        if self.status == super::ChangeStatus::Closed {
            return Err(Invalid::rule(Code::Closed, "A closed change cannot be edited."));
        }
        if self.has_started() && patch.touches_scope() {
            return Err(Invalid::rule(
                Code::InvalidTransition,
                "The change has started: its type, scope, risk and window are history now. Record what happened at the review.",
            ));
        }
        if patch.approver_ids.is_some()
            && !matches!(self.status, super::ChangeStatus::Draft | super::ChangeStatus::Submitted)
        {
            return Err(Invalid::field(
                Code::InvalidTransition,
                "approver_ids",
                "Approvers are named before the change is assessed; after that the board is fixed.",
            ));
        }
        if let Some(title) = patch.title {
            self.title = text::required_line("title", &title, text::TITLE_MAX)?;
        }
        if let Some(description) = patch.description {
            self.description = text::markdown("description", &description, text::MARKDOWN_MAX)?;
        }
        if let Some(reason) = patch.reason {
            self.reason = text::markdown("reason", reason.trim(), REASON_MAX)?;
        }
        for (field, value, slot) in [
            ("implementation_plan", patch.implementation_plan, &mut self.implementation_plan),
            ("backout_plan", patch.backout_plan, &mut self.backout_plan),
            ("test_plan", patch.test_plan, &mut self.test_plan),
        ] {
            if let Some(value) = value {
                *slot = text::markdown(field, &value, text::MARKDOWN_MAX)?;
            }
        }
        if let Some(template) = patch.template {
            self.template = match template {
                Some(slug) => text::optional_line("template", &slug, TEMPLATE_MAX)?,
                None => None,
            };
        }
        self.change_type = patch.change_type.unwrap_or(self.change_type);
        self.requester_id = patch.requester_id.unwrap_or(self.requester_id);
        self.owner_id = patch.owner_id.unwrap_or(self.owner_id);
        self.group_id = patch.group_id.unwrap_or(self.group_id);
        self.release_id = patch.release_id.unwrap_or(self.release_id);
        self.planned_start = patch.planned_start.unwrap_or(self.planned_start);
        self.planned_end = patch.planned_end.unwrap_or(self.planned_end);
        if let Some(ids) = patch.ci_ids {
            self.ci_ids = without_repeats(ids);
        }
        if let Some(ids) = patch.service_ids {
            self.service_ids = without_repeats(ids);
        }
        if let Some(ids) = patch.approver_ids {
            self.approver_ids = without_repeats(ids);
        }
        self.likelihood = patch.likelihood.unwrap_or(self.likelihood);
        self.impact = patch.impact.unwrap_or(self.impact);
        self.risk = risk(self.likelihood, self.impact);
        self.check_window()?;
        if self.status.is_booked() && self.planned_window().is_none() {
            return Err(Invalid::field(
                Code::Required,
                "planned_start",
                "A scheduled change keeps a planned start and end; move it back to Approved to clear them.",
            ));
        }
        self.updated_at = now;
        Ok(())
    }
}
