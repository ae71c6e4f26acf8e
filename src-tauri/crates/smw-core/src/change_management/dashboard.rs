//! The change dashboard's figures: success rate, emergency share, changes that caused
//! incidents and mean lead time, overall, by month and by service.
//!
//! A change counts as successful when it was implemented (not failed or backed out), its
//! review did not call it unsuccessful, and no incident is linked to it as caused by it.
//! Lead time runs from submission to the end of the work.

use super::rfc::{Change, ChangeType, ReviewOutcome};
use super::workflow::ChangeStatus;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use uuid::Uuid;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[ts(optional_fields)]
pub struct ChangeFigures {
    /// `2026-03` for a month row; absent overall and for a service row.
    pub month: Option<String>,
    pub service_id: Option<Uuid>,
    /// Changes raised (not withdrawn drafts).
    pub total: u32,
    pub emergency: u32,
    /// Changes whose work ended (implemented, failed or backed out).
    pub completed: u32,
    pub successful: u32,
    pub caused_incidents: u32,
    /// successful ÷ completed, 0–1; absent with nothing completed.
    pub success_rate: Option<f64>,
    /// emergency ÷ total, 0–1.
    pub emergency_share: Option<f64>,
    pub mean_lead_time_hours: Option<f64>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct ChangeDashboard {
    pub overall: ChangeFigures,
    pub by_month: Vec<ChangeFigures>,
    pub by_service: Vec<ChangeFigures>,
}

#[derive(Default)]
struct Tally {
    total: u32,
    emergency: u32,
    completed: u32,
    successful: u32,
    caused: u32,
    lead_hours: f64,
    leads: u32,
}

impl Tally {
    fn add(&mut self, change: &Change, caused: bool) {
        self.total += 1;
        self.emergency += u32::from(change.change_type == ChangeType::Emergency);
        self.caused += u32::from(caused);
        let Some(ended_as) = change.ended_as else { return };
        self.completed += 1;
        let implemented = ended_as == ChangeStatus::Implemented;
        let judged_bad = change.review_outcome == Some(ReviewOutcome::Unsuccessful);
        self.successful += u32::from(implemented && !judged_bad && !caused);
        if let (Some(from), Some(to)) = (change.submitted_at.or(Some(change.created_at)), change.actual_end) {
            self.lead_hours += (to.millis() - from.millis()) as f64 / 3_600_000.0;
            self.leads += 1;
        }
    }

    fn figures(&self, month: Option<String>, service_id: Option<Uuid>) -> ChangeFigures {
        let ratio = |part: u32, whole: u32| (whole > 0).then(|| f64::from(part) / f64::from(whole));
        ChangeFigures {
            month,
            service_id,
            total: self.total,
            emergency: self.emergency,
            completed: self.completed,
            successful: self.successful,
            caused_incidents: self.caused,
            success_rate: ratio(self.successful, self.completed),
            emergency_share: ratio(self.emergency, self.total),
            mean_lead_time_hours: (self.leads > 0).then(|| self.lead_hours / f64::from(self.leads)),
        }
    }
}

/// The month a change belongs to: when its work ended, else when it was planned, else raised.
fn month_of(change: &Change) -> String {
    let at = change.actual_end.or(change.planned_start).unwrap_or(change.created_at);
    at.datetime().format("%Y-%m").to_string()
}

/// The figures over `changes` (live ones); `caused` holds the changes an incident names as its cause.
pub fn dashboard(changes: &[Change], caused: &HashSet<Uuid>) -> ChangeDashboard {
    let mut overall = Tally::default();
    let mut months: BTreeMap<String, Tally> = BTreeMap::new();
    let mut services: BTreeMap<Uuid, Tally> = BTreeMap::new();
    for change in changes.iter().filter(|c| c.deleted_at.is_none() && c.submitted_at.is_some()) {
        let hit = caused.contains(&change.id);
        overall.add(change, hit);
        months.entry(month_of(change)).or_default().add(change, hit);
        for service in &change.service_ids {
            services.entry(*service).or_default().add(change, hit);
        }
    }
    ChangeDashboard {
        overall: overall.figures(None, None),
        by_month: months.into_iter().map(|(month, t)| t.figures(Some(month), None)).collect(),
        by_service: services.into_iter().map(|(service, t)| t.figures(None, Some(service))).collect(),
    }
}
