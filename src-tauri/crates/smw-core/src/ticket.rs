//! Incidents and service requests (ISO/IEC 20000-1 8.6.1 and 8.6.2): one record type,
//! told apart by `kind`, because they share the workflow, the queues and the SLA clocks.

use crate::error::{Code, Invalid};
use crate::ids::RecordKind;
use crate::patch::{nullable, without_repeats};
use crate::priority::{Level, Priority, PriorityMatrix};
use crate::record::Record;
use crate::text;
use crate::time::Timestamp;
use crate::workflow::{check_transition, Status, TransitionFacts};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum TicketKind {
    Incident,
    Request,
}

impl TicketKind {
    pub fn record_kind(self) -> RecordKind {
        match self {
            TicketKind::Incident => RecordKind::Incident,
            TicketKind::Request => RecordKind::Request,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            TicketKind::Incident => "incident",
            TicketKind::Request => "request",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [TicketKind::Incident, TicketKind::Request].into_iter().find(|kind| kind.as_str() == text)
    }
}

/// Field order is the canonical order the audit chain hashes; optional fields are left out
/// when empty, so a later version may add optional fields without changing old digests.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct Ticket {
    pub id: Uuid,
    pub key: String,
    pub kind: TicketKind,
    pub title: String,
    pub description: String,
    pub caller_id: Option<Uuid>,
    pub customer_id: Option<Uuid>,
    pub service_id: Option<Uuid>,
    pub category: String,
    pub impact: Level,
    pub urgency: Level,
    pub priority: Priority,
    pub status: Status,
    pub assignee_id: Option<Uuid>,
    pub group_id: Option<Uuid>,
    pub pending_reason: Option<String>,
    pub resolution_code: Option<String>,
    pub resolution_notes: Option<String>,
    pub problem_id: Option<Uuid>,
    pub sla_id: Option<Uuid>,
    /// The configuration items the ticket is about; their impact names the services and
    /// customers hit. Left out when empty, so tickets written before CIs keep their digests.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<Uuid>>", optional)]
    pub affected_ci_ids: Vec<Uuid>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub responded_at: Option<Timestamp>,
    pub resolved_at: Option<Timestamp>,
    pub closed_at: Option<Timestamp>,
    pub deleted_at: Option<Timestamp>,
    pub version: i64,
}

/// What a person fills in to log a ticket.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct TicketDraft {
    #[serde(default)]
    pub kind: Option<TicketKind>,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub caller_id: Option<Uuid>,
    #[serde(default)]
    pub customer_id: Option<Uuid>,
    #[serde(default)]
    pub service_id: Option<Uuid>,
    #[serde(default)]
    pub category: String,
    pub impact: Level,
    pub urgency: Level,
    #[serde(default)]
    pub assignee_id: Option<Uuid>,
    #[serde(default)]
    pub group_id: Option<Uuid>,
    #[serde(default)]
    #[ts(as = "Option<Vec<Uuid>>", optional)]
    pub affected_ci_ids: Vec<Uuid>,
}

/// A partial edit. Absent fields stay; `null` clears a nullable field.
/// Status changes go through [`Transition`] instead, so the workflow rules always apply.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
#[serde(default)]
pub struct TicketPatch {
    pub title: Option<String>,
    pub description: Option<String>,
    #[serde(deserialize_with = "nullable")]
    pub caller_id: Option<Option<Uuid>>,
    #[serde(deserialize_with = "nullable")]
    pub customer_id: Option<Option<Uuid>>,
    #[serde(deserialize_with = "nullable")]
    pub service_id: Option<Option<Uuid>>,
    pub category: Option<String>,
    pub impact: Option<Level>,
    pub urgency: Option<Level>,
    #[serde(deserialize_with = "nullable")]
    pub assignee_id: Option<Option<Uuid>>,
    #[serde(deserialize_with = "nullable")]
    pub group_id: Option<Option<Uuid>>,
    #[serde(deserialize_with = "nullable")]
    pub problem_id: Option<Option<Uuid>>,
    #[serde(deserialize_with = "nullable")]
    pub sla_id: Option<Option<Uuid>>,
    /// Replaces the list whole.
    pub affected_ci_ids: Option<Vec<Uuid>>,
}

/// A move to another status with whatever that status requires.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct Transition {
    pub to: Status,
    #[serde(default)]
    pub pending_reason: Option<String>,
    #[serde(default)]
    pub resolution_code: Option<String>,
    #[serde(default)]
    pub resolution_notes: Option<String>,
}

const CATEGORY_MAX: usize = 80;
const REASON_MAX: usize = 500;
const RESOLUTION_CODE_MAX: usize = 40;

impl Ticket {
    /// A new ticket in status New. `key` and `id` come from the store (they need its counters).
    pub fn create(
        draft: TicketDraft,
        id: Uuid,
        key: String,
        now: Timestamp,
        matrix: &PriorityMatrix,
    ) -> Result<Ticket, Invalid> {
        Ok(Ticket {
            id,
            key,
            kind: draft.kind.unwrap_or(TicketKind::Incident),
            title: text::required_line("title", &draft.title, text::TITLE_MAX)?,
            description: text::markdown("description", &draft.description, text::MARKDOWN_MAX)?,
            caller_id: draft.caller_id,
            customer_id: draft.customer_id,
            service_id: draft.service_id,
            category: text::optional_line("category", &draft.category, CATEGORY_MAX)?.unwrap_or_default(),
            impact: draft.impact,
            urgency: draft.urgency,
            priority: matrix.priority(draft.impact, draft.urgency),
            status: Status::New,
            assignee_id: draft.assignee_id,
            group_id: draft.group_id,
            pending_reason: None,
            resolution_code: None,
            resolution_notes: None,
            problem_id: None,
            sla_id: None,
            affected_ci_ids: without_repeats(draft.affected_ci_ids),
            created_at: now,
            updated_at: now,
            responded_at: None,
            resolved_at: None,
            closed_at: None,
            deleted_at: None,
            version: 1,
        })
    }

    /// Applies an edit; priority follows impact and urgency through the matrix.
    pub fn apply_patch(&mut self, patch: TicketPatch, now: Timestamp, matrix: &PriorityMatrix) -> Result<(), Invalid> {
        if self.status == Status::Closed {
            return Err(Invalid::rule(Code::Closed, "A closed ticket cannot be edited."));
        }
        if let Some(title) = patch.title {
            self.title = text::required_line("title", &title, text::TITLE_MAX)?;
        }
        if let Some(description) = patch.description {
            self.description = text::markdown("description", &description, text::MARKDOWN_MAX)?;
        }
        if let Some(category) = patch.category {
            self.category = text::optional_line("category", &category, CATEGORY_MAX)?.unwrap_or_default();
        }
        if let Some(assignee) = patch.assignee_id {
            if assignee.is_none() && matches!(self.status, Status::InProgress | Status::Pending) {
                return Err(Invalid::field(
                    Code::AssigneeRequired,
                    "assignee_id",
                    "A ticket in progress or pending needs an assignee.",
                ));
            }
            self.assignee_id = assignee;
        }
        self.caller_id = patch.caller_id.unwrap_or(self.caller_id);
        self.customer_id = patch.customer_id.unwrap_or(self.customer_id);
        self.service_id = patch.service_id.unwrap_or(self.service_id);
        self.group_id = patch.group_id.unwrap_or(self.group_id);
        self.problem_id = patch.problem_id.unwrap_or(self.problem_id);
        self.sla_id = patch.sla_id.unwrap_or(self.sla_id);
        if let Some(cis) = patch.affected_ci_ids {
            self.affected_ci_ids = without_repeats(cis);
        }
        self.impact = patch.impact.unwrap_or(self.impact);
        self.urgency = patch.urgency.unwrap_or(self.urgency);
        self.priority = matrix.priority(self.impact, self.urgency);
        self.updated_at = now;
        Ok(())
    }

    /// Moves the ticket through the workflow, recording what the target status requires.
    pub fn transition(&mut self, transition: Transition, now: Timestamp) -> Result<(), Invalid> {
        let facts = TransitionFacts {
            has_assignee: self.assignee_id.is_some(),
            has_group: self.group_id.is_some(),
            pending_reason: transition.pending_reason.clone(),
            resolution_code: transition.resolution_code.clone(),
            resolution_notes: transition.resolution_notes.clone(),
        };
        check_transition(self.status, transition.to, &facts)?;
        let reopening = self.status == Status::Resolved && transition.to.is_open();
        match transition.to {
            Status::Pending => {
                self.pending_reason = text::optional_line(
                    "pending_reason",
                    transition.pending_reason.as_deref().unwrap_or(""),
                    REASON_MAX,
                )?;
            }
            Status::Resolved => {
                self.resolution_code = text::optional_line(
                    "resolution_code",
                    transition.resolution_code.as_deref().unwrap_or(""),
                    RESOLUTION_CODE_MAX,
                )?;
                self.resolution_notes = Some(text::markdown(
                    "resolution_notes",
                    transition.resolution_notes.as_deref().unwrap_or(""),
                    text::MARKDOWN_MAX,
                )?);
                self.resolved_at = Some(now);
                self.pending_reason = None;
            }
            Status::Closed => self.closed_at = Some(now),
            _ => self.pending_reason = None,
        }
        if reopening {
            self.resolved_at = None;
        }
        self.status = transition.to;
        self.updated_at = now;
        Ok(())
    }

    /// The first public reply by someone other than the caller stops the response clock.
    pub fn record_response(&mut self, now: Timestamp) -> bool {
        if self.responded_at.is_some() {
            return false;
        }
        self.responded_at = Some(now);
        self.updated_at = now;
        true
    }
}

// Written out rather than by `impl_record!` because a ticket's kind depends on the row.
impl Record for Ticket {
    fn kind(&self) -> RecordKind {
        self.kind.record_kind()
    }
    fn id(&self) -> Uuid {
        self.id
    }
    fn key(&self) -> &str {
        &self.key
    }
    fn version(&self) -> i64 {
        self.version
    }
    fn deleted_at(&self) -> Option<Timestamp> {
        self.deleted_at
    }
    fn touch(&mut self, now: Timestamp) {
        self.version += 1;
        self.updated_at = now;
    }
    fn tombstone(&mut self, now: Timestamp) {
        self.deleted_at = Some(now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> Timestamp {
        Timestamp::parse("2026-05-04T09:00:00Z").unwrap()
    }

    fn draft() -> TicketDraft {
        TicketDraft { title: "  Mail down  ".into(), impact: Level::High, urgency: Level::Medium, ..Default::default() }
    }

    fn ticket() -> Ticket {
        Ticket::create(draft(), Uuid::nil(), "INC-000001".into(), now(), &PriorityMatrix::default()).unwrap()
    }

    #[test]
    fn create_trims_and_prioritises() {
        let t = ticket();
        assert_eq!(t.title, "Mail down");
        assert_eq!(t.priority, 2);
        assert_eq!(t.status, Status::New);
        assert_eq!(t.kind, TicketKind::Incident);
    }

    #[test]
    fn create_rejects_blank_title() {
        let err = Ticket::create(
            TicketDraft { title: " ".into(), ..draft() },
            Uuid::nil(),
            "INC-1".into(),
            now(),
            &PriorityMatrix::default(),
        )
        .unwrap_err();
        assert_eq!((err.code, err.field.as_deref()), (Code::Required, Some("title")));
        assert_eq!(err.message, "Fill in the title.");
    }

    #[test]
    fn patch_recomputes_priority_and_clears_nullable_fields() {
        let mut t = ticket();
        t.group_id = Some(Uuid::nil());
        let patch: TicketPatch = serde_json::from_str(r#"{"urgency":"high","group_id":null}"#).unwrap();
        t.apply_patch(patch, now(), &PriorityMatrix::default()).unwrap();
        assert_eq!(t.priority, 1);
        assert_eq!(t.group_id, None);
    }

    #[test]
    fn resolve_then_reopen() {
        let mut t = ticket();
        t.assignee_id = Some(Uuid::nil());
        t.transition(
            Transition { to: Status::InProgress, pending_reason: None, resolution_code: None, resolution_notes: None },
            now(),
        )
        .unwrap();
        let resolve = Transition {
            to: Status::Resolved,
            pending_reason: None,
            resolution_code: Some("fixed".into()),
            resolution_notes: Some("restarted the MTA".into()),
        };
        t.transition(resolve, now()).unwrap();
        assert_eq!(t.resolved_at, Some(now()));
        t.transition(
            Transition { to: Status::InProgress, pending_reason: None, resolution_code: None, resolution_notes: None },
            now(),
        )
        .unwrap();
        assert_eq!(t.resolved_at, None);
    }

    #[test]
    fn canonical_form_leaves_out_empty_optionals() {
        let json = serde_json::to_string(&ticket()).unwrap();
        assert!(!json.contains("assignee_id"));
        assert!(
            json.starts_with(r#"{"id":"00000000-0000-0000-0000-000000000000","key":"INC-000001","kind":"incident""#)
        );
    }
}
