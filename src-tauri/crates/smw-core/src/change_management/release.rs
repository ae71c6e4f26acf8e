//! Releases (8.5.3): a group of changes deployed together, with its own window, acceptance
//! criteria, test results and deployment notes. A change names its release (`release_id`),
//! so the grouping is kept in one place.

use crate::cmdb::named_values;
use crate::error::{Code, Invalid};
use crate::ids::RecordKind;
use crate::impl_record;
use crate::patch::nullable;
use crate::text;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

named_values!(
    ReleaseStatus {
        Planned = "planned" / "Planned",
        Building = "building" / "Building",
        Testing = "testing" / "Testing",
        Deploying = "deploying" / "Deploying",
        Deployed = "deployed" / "Deployed",
        Cancelled = "cancelled" / "Cancelled",
    }
);

#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct Release {
    pub id: Uuid,
    pub key: String,
    pub name: String,
    pub status: ReleaseStatus,
    pub planned_start: Option<Timestamp>,
    pub planned_end: Option<Timestamp>,
    pub acceptance_criteria: String,
    pub test_results: String,
    pub deployment_notes: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub deleted_at: Option<Timestamp>,
    pub version: i64,
}

impl_record!(Release, RecordKind::Release);

/// What a create sets (a name at least) or an edit changes (a field left out stays).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
#[serde(default)]
pub struct ReleaseDraft {
    pub name: Option<String>,
    pub status: Option<ReleaseStatus>,
    #[serde(deserialize_with = "nullable")]
    pub planned_start: Option<Option<Timestamp>>,
    #[serde(deserialize_with = "nullable")]
    pub planned_end: Option<Option<Timestamp>>,
    pub acceptance_criteria: Option<String>,
    pub test_results: Option<String>,
    pub deployment_notes: Option<String>,
}

impl Release {
    pub fn create(draft: ReleaseDraft, id: Uuid, key: String, now: Timestamp) -> Result<Release, Invalid> {
        let mut release = Release {
            id,
            key,
            name: String::new(),
            status: ReleaseStatus::Planned,
            planned_start: None,
            planned_end: None,
            acceptance_criteria: String::new(),
            test_results: String::new(),
            deployment_notes: String::new(),
            created_at: now,
            updated_at: now,
            deleted_at: None,
            version: 1,
        };
        if draft.name.is_none() {
            return Err(Invalid::field(Code::Required, "name", "Fill in the name."));
        }
        release.apply(draft, now)?;
        Ok(release)
    }

    pub fn apply(&mut self, draft: ReleaseDraft, now: Timestamp) -> Result<(), Invalid> {
        if let Some(name) = draft.name {
            self.name = text::required_line("name", &name, text::NAME_MAX)?;
        }
        if let Some(status) = draft.status {
            if self.status == ReleaseStatus::Deployed && status != ReleaseStatus::Deployed {
                return Err(Invalid::field(Code::InvalidTransition, "status", "A deployed release stays deployed."));
            }
            if status == ReleaseStatus::Deployed
                && self.acceptance_criteria.trim().is_empty()
                && draft.acceptance_criteria.is_none()
            {
                return Err(Invalid::field(
                    Code::Required,
                    "acceptance_criteria",
                    "State the acceptance criteria before the release is deployed.",
                ));
            }
            self.status = status;
        }
        for (field, value, slot) in [
            ("acceptance_criteria", draft.acceptance_criteria, &mut self.acceptance_criteria),
            ("test_results", draft.test_results, &mut self.test_results),
            ("deployment_notes", draft.deployment_notes, &mut self.deployment_notes),
        ] {
            if let Some(value) = value {
                *slot = text::markdown(field, &value, text::MARKDOWN_MAX)?;
            }
        }
        self.planned_start = draft.planned_start.unwrap_or(self.planned_start);
        self.planned_end = draft.planned_end.unwrap_or(self.planned_end);
        if let (Some(start), Some(end)) = (self.planned_start, self.planned_end) {
            if end <= start {
                return Err(Invalid::field(
                    Code::EndsBeforeStart,
                    "planned_end",
                    "The planned end must be after the planned start.",
                ));
            }
        }
        self.updated_at = now;
        Ok(())
    }
}
