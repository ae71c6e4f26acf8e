//! The workspace's change policy (8.5.1.1): which CIs and services are under change control,
//! who sits on the change advisory boards, what counts as an emergency, which changes are
//! large enough for service design and transition, and the pre-approved standard templates.
//! Kept as one setting (`change_policy`), so every edit of it is audited like a record.

use super::rfc::{Change, ChangeType, RiskLevel};
use crate::error::{Code, Invalid};
use crate::text;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use uuid::Uuid;

/// The setting's name.
pub const CHANGE_POLICY: &str = "change_policy";

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(default)]
pub struct ChangePolicy {
    /// Services under change control: every CI supporting one is controlled too.
    pub controlled_service_ids: Vec<Uuid>,
    pub controlled_ci_ids: Vec<Uuid>,
    /// The default change advisory board (people).
    pub default_board: Vec<Uuid>,
    /// A board per service, used instead of the default for changes to that service.
    pub service_boards: Vec<ServiceBoard>,
    pub emergency_board: Vec<Uuid>,
    /// What makes a change an emergency, in the policy's words (shown when one is raised).
    pub emergency_criteria: String,
    /// A change at or above this risk goes through service design and transition.
    pub design_transition_min_risk: Option<RiskLevel>,
    /// … or one affecting at least this many services.
    pub design_transition_min_services: Option<u32>,
    pub standard_templates: Vec<StandardTemplate>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct ServiceBoard {
    pub service_id: Uuid,
    pub approver_ids: Vec<Uuid>,
}

/// A pre-approved kind of change: raised from it, a change needs no approval.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct StandardTemplate {
    /// Short and stable: what a standard change names in `template`.
    pub slug: String,
    pub name: String,
    #[serde(default)]
    pub implementation_plan: String,
    /// A change above this risk cannot use the template.
    #[serde(default)]
    pub max_risk: Option<RiskLevel>,
}

impl ChangePolicy {
    pub fn from_json(text: &str) -> Result<ChangePolicy, Invalid> {
        let policy: ChangePolicy = serde_json::from_str(text).map_err(|e| {
            Invalid::field(Code::BadSetting, "change_policy", format!("The change policy cannot be read: {e}."))
        })?;
        policy.check()?;
        Ok(policy)
    }

    /// Templates have distinct, one-line slugs and names.
    pub fn check(&self) -> Result<(), Invalid> {
        let mut seen = HashSet::new();
        for (i, template) in self.standard_templates.iter().enumerate() {
            let at = format!("standard_templates[{i}]");
            text::required_line("slug", &template.slug, super::rfc::TEMPLATE_MAX).map_err(|e| e.within(&at))?;
            text::required_line("name", &template.name, text::NAME_MAX).map_err(|e| e.within(&at))?;
            if !seen.insert(template.slug.trim().to_ascii_lowercase()) {
                return Err(Invalid::field(
                    Code::DuplicateName,
                    format!("{at}.slug"),
                    "Two templates share this slug.",
                ));
            }
        }
        Ok(())
    }

    pub fn template(&self, slug: &str) -> Option<&StandardTemplate> {
        self.standard_templates.iter().find(|t| t.slug.eq_ignore_ascii_case(slug.trim()))
    }

    /// A standard change names a template the policy has, within the template's risk.
    pub fn check_standard(&self, change: &Change) -> Result<(), Invalid> {
        if change.change_type != ChangeType::Standard {
            return Ok(());
        }
        let Some(slug) = change.template.as_deref() else { return Ok(()) };
        let Some(template) = self.template(slug) else {
            return Err(Invalid::field(
                Code::UnknownReference,
                "template",
                format!("The change policy has no standard template “{slug}”."),
            ));
        };
        match template.max_risk {
            Some(max) if change.risk > max => Err(Invalid::field(
                Code::OutOfRange,
                "template",
                format!(
                    "The template “{}” covers changes up to {} risk; this one is {}.",
                    template.name,
                    max.label(),
                    change.risk.label()
                ),
            )),
            _ => Ok(()),
        }
    }

    /// The approvers a change needs when nobody was named: the emergency board for an
    /// emergency, else the boards of its services (together), else the default board.
    pub fn board_for(&self, change: &Change) -> Vec<Uuid> {
        let mut board: Vec<Uuid> = match change.change_type {
            ChangeType::Emergency => self.emergency_board.clone(),
            ChangeType::Standard => Vec::new(),
            ChangeType::Normal => {
                let per_service: Vec<Uuid> = self
                    .service_boards
                    .iter()
                    .filter(|b| change.service_ids.contains(&b.service_id))
                    .flat_map(|b| b.approver_ids.iter().copied())
                    .collect();
                if per_service.is_empty() {
                    self.default_board.clone()
                } else {
                    per_service
                }
            }
        };
        let mut seen = HashSet::new();
        // Nobody approves their own change, so the requester and owner are left off the board.
        board.retain(|id| seen.insert(*id) && !change.is_own(*id));
        board
    }

    pub fn needs_design_transition(&self, change: &Change) -> bool {
        self.design_transition_min_risk.is_some_and(|min| change.risk >= min)
            || self.design_transition_min_services.is_some_and(|min| change.service_ids.len() as u32 >= min.max(1))
    }

    /// Whether a CI is under change control: named, or supporting a controlled service.
    pub fn controls_ci(&self, ci_id: Uuid, ci_service_ids: &[Uuid]) -> bool {
        self.controlled_ci_ids.contains(&ci_id)
            || ci_service_ids.iter().any(|s| self.controlled_service_ids.contains(s))
    }
}
