//! Read models: what queries return to the UI and the CLI. Plain data, exported to TypeScript.

use crate::audit::AuditEntry;
use crate::catalogue::{Customer, Service, Supplier};
use crate::comment::Comment;
use crate::directory::{Group, Person};
use crate::ids::RecordKind;
use crate::link::LinkKind;
use crate::location::Location;
use crate::priority::Priority;
use crate::problem::Problem;
use crate::ticket::{Ticket, TicketKind};
use crate::time::Timestamp;
use crate::workflow::Status;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Filters shared by the board, the list view and `smw incidents`.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
#[serde(default)]
pub struct TicketFilter {
    pub kind: Option<TicketKind>,
    pub service_id: Option<Uuid>,
    pub group_id: Option<Uuid>,
    pub assignee_id: Option<Uuid>,
    pub priority: Option<Priority>,
    pub status: Option<Status>,
    /// Full-text query over titles, descriptions and comments.
    pub text: Option<String>,
}

/// A ticket as a card or a list row: enough to show, not the whole record.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct TicketCard {
    pub id: Uuid,
    pub key: String,
    pub kind: TicketKind,
    pub title: String,
    pub status: Status,
    pub priority: Priority,
    pub assignee_name: Option<String>,
    pub group_name: Option<String>,
    pub service_name: Option<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub version: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct BoardColumn {
    pub status: Status,
    /// Tickets in this status that match the filter, counted up to a cap; `cards` holds the first page.
    pub total: i64,
    /// True when there are more than `total` (counting stops at the cap to keep the board fast).
    pub total_capped: bool,
    pub cards: Vec<TicketCard>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Board {
    pub columns: Vec<BoardColumn>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct TicketPage {
    pub total: i64,
    /// True when there are more than `total` (counting stops at a cap).
    pub total_capped: bool,
    pub rows: Vec<TicketCard>,
}

/// A link seen from one of its ends.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct LinkView {
    pub link_id: Uuid,
    pub kind: LinkKind,
    /// True when the record being viewed is the link's `to` end.
    pub inbound: bool,
    pub other_key: String,
    pub other_title: String,
    pub other_kind: RecordKind,
}

#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct TicketDetail {
    pub ticket: Ticket,
    pub comments: Vec<Comment>,
    pub links: Vec<LinkView>,
    pub history: Vec<AuditEntry>,
    pub problem: Option<Problem>,
    /// Statuses the workflow allows next (field requirements are checked on the move).
    pub next_statuses: Vec<Status>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct ProblemDetail {
    pub problem: Problem,
    pub incidents: Vec<TicketCard>,
    pub comments: Vec<Comment>,
    pub history: Vec<AuditEntry>,
}

#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct SearchHit {
    pub record_kind: RecordKind,
    pub key: String,
    pub title: String,
    /// Plain text around the match (never HTML).
    pub snippet: String,
    pub status: Option<Status>,
    pub updated_at: Timestamp,
}

/// What the app shows about the open workspace.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct WorkspaceInfo {
    pub path: String,
    /// The file name without `.smw`: what the title bar and the workspace menu show.
    pub name: String,
    /// Who acts in this window (remembered per workspace), if anyone yet.
    pub actor: Option<Person>,
    /// Recently opened workspaces that still exist, newest first.
    pub recent: Vec<String>,
    #[ts(type = "number")]
    pub ticket_count: i64,
}

/// People, groups, locations, services, customers and suppliers, retired ones included (with
/// `deleted_at` set) so old records still show their names; pickers offer only the live ones.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Directory {
    pub people: Vec<Person>,
    pub groups: Vec<Group>,
    pub locations: Vec<Location>,
    pub services: Vec<Service>,
    pub customers: Vec<Customer>,
    pub suppliers: Vec<Supplier>,
}

/// One problem found by `verify`.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct VerifyFinding {
    pub code: String,
    pub message: String,
    pub record_key: Option<String>,
    pub audit_seq: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct VerifyReport {
    pub ok: bool,
    pub audit_entries: i64,
    pub records: i64,
    pub findings: Vec<VerifyFinding>,
}
