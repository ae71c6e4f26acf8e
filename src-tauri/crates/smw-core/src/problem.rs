//! Problems and known errors (ISO/IEC 20000-1 8.6.3): the causes behind incidents.

use crate::error::{Code, Invalid};
use crate::ids::RecordKind;
use crate::impl_record;
use crate::patch::{nullable, without_repeats};
use crate::priority::Priority;
use crate::text;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ProblemStatus {
    New,
    Investigating,
    Resolved,
    Closed,
}

impl ProblemStatus {
    pub const ALL: [ProblemStatus; 4] =
        [ProblemStatus::New, ProblemStatus::Investigating, ProblemStatus::Resolved, ProblemStatus::Closed];

    pub fn as_str(self) -> &'static str {
        match self {
            ProblemStatus::New => "new",
            ProblemStatus::Investigating => "investigating",
            ProblemStatus::Resolved => "resolved",
            ProblemStatus::Closed => "closed",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|status| status.as_str() == text)
    }
}

#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct Problem {
    pub id: Uuid,
    pub key: String,
    pub title: String,
    pub description: String,
    pub status: ProblemStatus,
    pub priority: Priority,
    pub service_id: Option<Uuid>,
    pub assignee_id: Option<Uuid>,
    pub group_id: Option<Uuid>,
    /// The configuration items behind the problem. Left out when empty, so problems written
    /// before CIs keep their digests.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<Uuid>>", optional)]
    pub affected_ci_ids: Vec<Uuid>,
    pub root_cause: String,
    pub workaround: String,
    pub known_error: bool,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub resolved_at: Option<Timestamp>,
    pub deleted_at: Option<Timestamp>,
    pub version: i64,
}

impl_record!(Problem, RecordKind::Problem);

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct ProblemDraft {
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub priority: Option<Priority>,
    #[serde(default)]
    pub service_id: Option<Uuid>,
    #[serde(default)]
    pub assignee_id: Option<Uuid>,
    #[serde(default)]
    pub group_id: Option<Uuid>,
    #[serde(default)]
    #[ts(as = "Option<Vec<Uuid>>", optional)]
    pub affected_ci_ids: Vec<Uuid>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
#[serde(default)]
pub struct ProblemPatch {
    pub title: Option<String>,
    pub description: Option<String>,
    pub status: Option<ProblemStatus>,
    pub priority: Option<Priority>,
    #[serde(deserialize_with = "nullable")]
    pub service_id: Option<Option<Uuid>>,
    #[serde(deserialize_with = "nullable")]
    pub assignee_id: Option<Option<Uuid>>,
    #[serde(deserialize_with = "nullable")]
    pub group_id: Option<Option<Uuid>>,
    pub root_cause: Option<String>,
    pub workaround: Option<String>,
    pub known_error: Option<bool>,
    /// Replaces the list whole.
    pub affected_ci_ids: Option<Vec<Uuid>>,
}

fn check_priority(priority: Priority) -> Result<Priority, Invalid> {
    if crate::priority::PRIORITY_RANGE.contains(&priority) {
        Ok(priority)
    } else {
        Err(Invalid::field(Code::OutOfRange, "priority", format!("The priority can be 1 to 5, not {priority}.")))
    }
}

impl Problem {
    pub fn create(draft: ProblemDraft, id: Uuid, key: String, now: Timestamp) -> Result<Problem, Invalid> {
        Ok(Problem {
            id,
            key,
            title: text::required_line("title", &draft.title, text::TITLE_MAX)?,
            description: text::markdown("description", &draft.description, text::MARKDOWN_MAX)?,
            status: ProblemStatus::New,
            priority: check_priority(draft.priority.unwrap_or(3))?,
            service_id: draft.service_id,
            assignee_id: draft.assignee_id,
            group_id: draft.group_id,
            affected_ci_ids: without_repeats(draft.affected_ci_ids),
            root_cause: String::new(),
            workaround: String::new(),
            known_error: false,
            created_at: now,
            updated_at: now,
            resolved_at: None,
            deleted_at: None,
            version: 1,
        })
    }

    /// A known error is a problem whose workaround (or root cause) is written down, so the
    /// flag cannot be set on an empty record; closing needs a root cause.
    pub fn apply_patch(&mut self, patch: ProblemPatch, now: Timestamp) -> Result<(), Invalid> {
        if let Some(title) = patch.title {
            self.title = text::required_line("title", &title, text::TITLE_MAX)?;
        }
        if let Some(description) = patch.description {
            self.description = text::markdown("description", &description, text::MARKDOWN_MAX)?;
        }
        if let Some(root_cause) = patch.root_cause {
            self.root_cause = text::markdown("root_cause", &root_cause, text::MARKDOWN_MAX)?;
        }
        if let Some(workaround) = patch.workaround {
            self.workaround = text::markdown("workaround", &workaround, text::MARKDOWN_MAX)?;
        }
        if let Some(priority) = patch.priority {
            self.priority = check_priority(priority)?;
        }
        self.service_id = patch.service_id.unwrap_or(self.service_id);
        self.assignee_id = patch.assignee_id.unwrap_or(self.assignee_id);
        self.group_id = patch.group_id.unwrap_or(self.group_id);
        if let Some(cis) = patch.affected_ci_ids {
            self.affected_ci_ids = without_repeats(cis);
        }
        self.known_error = patch.known_error.unwrap_or(self.known_error);
        if self.known_error && self.workaround.trim().is_empty() && self.root_cause.trim().is_empty() {
            return Err(Invalid::field(
                Code::WorkaroundRequired,
                "workaround",
                "Write down the workaround or root cause before flagging a known error.",
            ));
        }
        if let Some(status) = patch.status {
            if status == ProblemStatus::Closed && self.root_cause.trim().is_empty() {
                return Err(Invalid::field(
                    Code::RootCauseRequired,
                    "root_cause",
                    "Record the root cause before closing a problem.",
                ));
            }
            if status == ProblemStatus::Resolved && self.status != ProblemStatus::Resolved {
                self.resolved_at = Some(now);
            }
            if matches!(status, ProblemStatus::New | ProblemStatus::Investigating) {
                self.resolved_at = None;
            }
            self.status = status;
        }
        self.updated_at = now;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem() -> Problem {
        let now = Timestamp::parse("2026-05-04T09:00:00Z").unwrap();
        Problem::create(
            ProblemDraft { title: "Disk fills up".into(), ..Default::default() },
            Uuid::nil(),
            "PRB-000001".into(),
            now,
        )
        .unwrap()
    }

    #[test]
    fn known_error_needs_a_workaround() {
        let now = Timestamp::parse("2026-05-04T10:00:00Z").unwrap();
        let mut p = problem();
        let err = p.apply_patch(ProblemPatch { known_error: Some(true), ..Default::default() }, now).unwrap_err();
        assert_eq!(err.field.as_deref(), Some("workaround"));
        p.apply_patch(
            ProblemPatch {
                known_error: Some(true),
                workaround: Some("Rotate logs daily".into()),
                ..Default::default()
            },
            now,
        )
        .unwrap();
        assert!(p.known_error);
    }

    #[test]
    fn closing_needs_a_root_cause() {
        let now = Timestamp::parse("2026-05-04T10:00:00Z").unwrap();
        let mut p = problem();
        let err =
            p.apply_patch(ProblemPatch { status: Some(ProblemStatus::Closed), ..Default::default() }, now).unwrap_err();
        assert_eq!(err.code, Code::RootCauseRequired);
    }
}
