//! What the CMDB's reads give the shell, the CLI and the UI: list pages, a CI with its
//! relationships both ways, impact reports with paths, the graph's neighbourhood, the estate
//! as of a date, data quality and CSV import summaries.

use super::ci::{Ci, CiStatus, Criticality};
use super::impact::Direction;
use super::relation::{EndKind, ImpactFlow, Relationship};
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The list's facets; every one given narrows the list.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
#[serde(default)]
pub struct CiFilter {
    /// A class slug or a defined class's key.
    pub class: Option<String>,
    pub status: Option<CiStatus>,
    pub owner_id: Option<Uuid>,
    pub group_id: Option<Uuid>,
    pub service_id: Option<Uuid>,
    pub criticality: Option<Criticality>,
    /// Words found in the name, key, serial number or asset tag (any case).
    pub text: Option<String>,
    /// Retired (tombstoned) CIs too.
    pub include_retired: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct CiPage {
    pub items: Vec<Ci>,
    /// How many CIs match the filter in all.
    pub total: u64,
}

/// One end of a relationship or one hit of an impact walk, as a person reads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct NodeRef {
    pub kind: EndKind,
    pub id: Uuid,
    pub key: String,
    pub name: String,
    /// A CI's class (slug or key); for a service, `service`.
    pub class: String,
    /// A CI's lifecycle status or a service's status.
    pub status: String,
    pub retired: bool,
}

/// A relationship as a CI's view lists it. Dependencies a service lists in the catalogue
/// (`depends_on`) are shown the same way, without a relationship key.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct RelationshipView {
    pub key: Option<String>,
    pub relation: String,
    pub relation_name: String,
    pub reverse_name: String,
    pub flow: ImpactFlow,
    pub source: NodeRef,
    pub target: NodeRef,
}

#[derive(Clone, Debug, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct CiDetail {
    pub ci: Ci,
    pub class_name: String,
    pub licence_over_used: bool,
    /// Relationships where this CI is the source.
    pub outgoing: Vec<RelationshipView>,
    /// Relationships where this CI is the target.
    pub incoming: Vec<RelationshipView>,
    /// Open incidents and requests that name this CI, newest first.
    pub open_tickets: Vec<TicketRef>,
    /// Open problems that name this CI, newest first.
    pub open_problems: Vec<TicketRef>,
}

/// An open incident, request or problem, as a CI's record lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct TicketRef {
    pub key: String,
    pub title: String,
    /// The status as stored (`in_progress`, `investigating` …).
    pub status: String,
}

/// What a ticket's configuration items reach downstream: the services hit, the customers
/// who take them and the SLAs that cover them (each item's impact, merged).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct TicketImpact {
    pub cis: Vec<NodeRef>,
    pub services: Vec<NodeRef>,
    pub customers: Vec<PartyRef>,
    pub slas: Vec<SlaRef>,
}

/// One edge walked, written in the walk's direction: `from` `relation_name` `to`.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct PathStep {
    pub from: String,
    pub to: String,
    pub relation: String,
    pub relation_name: String,
    pub relationship_key: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ImpactHit {
    pub node: NodeRef,
    pub depth: u32,
    pub path: Vec<PathStep>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct PartyRef {
    pub key: String,
    pub name: String,
    /// The keys of the reached services through which it is hit.
    pub via_services: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct SlaRef {
    pub key: String,
    pub name: String,
    pub service_key: String,
    pub customer_key: String,
}

/// What an impact walk reached, with the customers and agreements behind the services hit.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct ImpactReport {
    pub origin: NodeRef,
    pub direction: Direction,
    pub depth_limit: Option<u32>,
    /// Nearest first.
    pub hits: Vec<ImpactHit>,
    /// The services among the hits (and the origin, when it is one).
    pub services: Vec<NodeRef>,
    pub customers: Vec<PartyRef>,
    pub slas: Vec<SlaRef>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct GraphNode {
    pub node: NodeRef,
    pub depth: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct GraphEdge {
    /// The relationship's key, or `SVC-…>SVC-…` for a catalogue dependency.
    pub id: String,
    pub source: String,
    pub target: String,
    pub relation: String,
    pub relation_name: String,
    pub flow: ImpactFlow,
}

/// What the graph view draws: a bounded neighbourhood, and how much it left out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Neighbourhood {
    pub centre: NodeRef,
    pub hops: u32,
    pub nodes: Vec<GraphNode>,
    pub edges: Vec<GraphEdge>,
    /// Nodes within `hops` that the bound left out.
    pub nodes_left_out: u64,
}

/// A CI and its relationships as they were at `at`, rebuilt from the audit history.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct CiAsOf {
    pub at: Timestamp,
    /// `None` when the CI did not exist yet (or was retired) at `at`.
    pub ci: Option<Ci>,
    pub relationships: Vec<Relationship>,
    /// How many audit entries were replayed, each checked against its digest.
    pub entries_replayed: u64,
}

/// The whole CMDB as it was at `at`.
#[derive(Clone, Debug, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct CmdbAsOf {
    pub at: Timestamp,
    pub cis: Vec<Ci>,
    pub relationships: Vec<Relationship>,
    pub entries_replayed: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct DuplicateSet {
    /// `name`, `serial_number` or `asset_tag`.
    pub by: String,
    pub value: String,
    pub keys: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct DanglingRelationship {
    pub key: String,
    pub source: String,
    pub relation: String,
    pub target: String,
}

/// The CMDB's data-quality findings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct QualityReport {
    /// Live CIs not verified within this many days of `at` (never verified included).
    pub stale_after_days: u32,
    pub at: Timestamp,
    pub not_verified: Vec<String>,
    pub no_owner: Vec<String>,
    /// Live CIs with no live relationship and no supported service.
    pub orphans: Vec<String>,
    pub duplicates: Vec<DuplicateSet>,
    /// Live relationships with an end that is retired.
    pub to_retired: Vec<DanglingRelationship>,
    pub licences_over_used: Vec<String>,
}

/// One problem of a CSV import, where it is.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct ImportProblem {
    /// `cis` or `relations`.
    pub file: String,
    /// 1-based, the header being line 1.
    pub line: u64,
    /// The column's header as the file spells it, when one column is at fault.
    pub column: Option<String>,
    pub message: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ImportSummary {
    pub dry_run: bool,
    /// Whether anything was written (never on a dry run or when there are problems).
    pub written: bool,
    pub created: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub relationships_created: u64,
    pub relationships_unchanged: u64,
    pub problems: Vec<ImportProblem>,
}
