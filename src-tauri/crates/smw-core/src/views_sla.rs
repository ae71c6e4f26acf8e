//! Read models of service level management: a ticket's clocks explained, the at-risk list and
//! the SLA report behind the dashboard and `smw sla report`. Plain data, exported to TypeScript.

use crate::priority::Priority;
use crate::sla::{ClockState, SlaClock, TargetChange};
use crate::time::Timestamp;
use crate::workflow::Status;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ClockKind {
    Response,
    Resolution,
}

impl ClockKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ClockKind::Response => "response",
            ClockKind::Resolution => "resolution",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [ClockKind::Response, ClockKind::Resolution].into_iter().find(|kind| kind.as_str() == text)
    }
}

/// Why a ticket's clocks show what they show: the SLA, the targets in force over time and,
/// inside each clock, every counted interval and every pause.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct ClockExplanation {
    pub ticket_key: String,
    pub sla_key: String,
    pub sla_name: String,
    pub calendar_key: String,
    pub calendar_name: String,
    pub priority: Priority,
    pub status: Status,
    pub pausing_statuses: Vec<Status>,
    /// Targets from creation on, one entry per priority change.
    pub targets: Vec<TargetChange>,
    pub computed_at: Timestamp,
    pub response: SlaClock,
    pub resolution: SlaClock,
}

/// An open ticket's clock that has used a warning share of its target (or all of it).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct AtRiskClock {
    pub ticket_id: Uuid,
    pub ticket_key: String,
    pub title: String,
    pub clock: ClockKind,
    pub sla_key: String,
    pub priority: Priority,
    pub status: Status,
    pub state: ClockState,
    /// When the target is (or was) reached; none while paused short of it.
    #[ts(optional)]
    pub due_at: Option<Timestamp>,
    /// Counted (business) time left on the clock; negative once breached. The list is
    /// ordered by this, smallest first.
    #[ts(type = "number")]
    pub business_seconds_left: i64,
    /// Wall-clock time until `due_at`; negative once passed.
    #[ts(optional, type = "number")]
    pub seconds_left: Option<i64>,
    pub percent_used: f64,
    pub breached: bool,
    /// The highest warning threshold reached (75, 100 …).
    pub threshold_reached: u32,
}

#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct ComplianceFigure {
    #[ts(type = "number")]
    pub met: i64,
    #[ts(type = "number")]
    pub breached: i64,
    /// Met as a share of decided clocks; none when no clock was decided.
    pub percent: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct MonthCompliance {
    /// `YYYY-MM` (UTC).
    pub month: String,
    pub response: ComplianceFigure,
    pub resolution: ComplianceFigure,
}

/// Compliance for one service, customer or priority (or all tickets), in total and per month.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct ComplianceRow {
    /// Service or customer key, `P1`…`P5`, or `all`.
    pub key: String,
    pub name: String,
    pub response: ComplianceFigure,
    pub resolution: ComplianceFigure,
    pub months: Vec<MonthCompliance>,
    /// Resolution compliance of the last month with figures minus the month before it, in
    /// percentage points; none with fewer than two such months.
    pub trend_points: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct AgeBucket {
    pub label: String,
    #[ts(type = "number")]
    pub count: i64,
}

/// Open tickets as of the report's `generated_at`, by age.
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct BacklogAge {
    #[ts(type = "number")]
    pub open: i64,
    #[ts(optional, type = "number")]
    pub mean_age_seconds: Option<i64>,
    #[ts(optional, type = "number")]
    pub oldest_age_seconds: Option<i64>,
    pub buckets: Vec<AgeBucket>,
}

/// The dashboard's figures for the period `[from, to)`.
///
/// A clock counts in the period when it was decided in it: stopped (first response, or
/// resolution) met or late, or breached while still running (decided at its due instant).
#[serde_with::skip_serializing_none]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct SlaReport {
    pub from: Timestamp,
    pub to: Timestamp,
    pub generated_at: Timestamp,
    pub overall: ComplianceRow,
    pub by_service: Vec<ComplianceRow>,
    pub by_customer: Vec<ComplianceRow>,
    pub by_priority: Vec<ComplianceRow>,
    /// Open tickets past a target now, most overdue first.
    pub breached: Vec<AtRiskClock>,
    /// Open tickets past a warning threshold but not yet breached, least time left first.
    pub at_risk: Vec<AtRiskClock>,
    /// Tickets resolved in the period: wall-clock time from logging to resolution.
    #[ts(optional, type = "number")]
    pub mean_time_to_resolve_seconds: Option<i64>,
    /// The same tickets, in counted (business, pause-free) time of their resolution clocks.
    #[ts(optional, type = "number")]
    pub mean_resolution_business_seconds: Option<i64>,
    #[ts(type = "number")]
    pub resolved: i64,
    /// Tickets first responded to in the period: wall-clock time from logging to response.
    #[ts(optional, type = "number")]
    pub mean_first_response_seconds: Option<i64>,
    #[ts(type = "number")]
    pub responded: i64,
    pub backlog: BacklogAge,
}
